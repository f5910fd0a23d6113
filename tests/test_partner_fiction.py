"""Suggestions a person can trust (issue 12): fictional demo records are never proposed to a real
actor or alliance, come after the real ones for someone not in the graph, and a need stating
nothing but a place is never called « très complémentaire » (`graph.reco.fiction`,
`graph.reco.partner_levels`). Hand-built graphs first, then the bundled instance."""

from __future__ import annotations

from html import unescape
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from graph.importer import import_paths
from graph.mapping.importing import import_mapped
from graph.reco import Recommender, partner_levels
from graph.reco.partners import PLACE_ONLY_HINT
from ontology.namespaces import ALL
from webui.api_reco import recommender_for
from webui.cli import main

from .test_partners import actor, alliance, by_id, ranking, write_rows

FUNDER = {"offers": "financement"}
LILLE = "commune:59350"
#: Municipalities far from Lille (Marseille, Lyon, Toulouse, Bordeaux, Nantes, Strasbourg,
#: Montpellier, Rennes, Nice, Dijon, Brest, Clermont-Ferrand, Limoges, Tours, Pau, Perpignan).
ELSEWHERE = (
    "13055 69123 31555 33063 44109 67482 34172 35238 06088 21231 29019 63113 87085 37261 64445 "
    "66136"
).split()


def load(
    store: Any,
    folder: Path,
    base: str,
    real: list[dict[str, str]],
    fictional: list[dict[str, str]],
    real_alliances: list[dict[str, str]] | None = None,
    fictional_alliances: list[dict[str, str]] | None = None,
    per_resource: bool = False,
) -> Recommender:
    """Import `real` rows as source « real », then `fictional` rows as source « fiction »
    marked fictional on the source graph (as a fictional dataset's metadata says) or, with
    `per_resource`, on each resource only (as the bundled demo's exports carry it)."""
    for name, actors, alliances in (
        ("real", real, real_alliances),
        ("fiction", fictional, fictional_alliances),
    ):
        if not actors and not alliances:
            continue
        sub = folder / name
        sub.mkdir()
        if actors:
            write_rows(sub / "actors.csv", actors)
        if alliances:
            write_rows(sub / "alliances.csv", alliances)
        flagged = name == "fiction"
        import_paths(
            [sub],
            store,
            base,
            source=name,
            metadata=[(None, ALL.fictional, Literal(True))] if flagged and not per_resource else (),
            resource_triples=(
                (lambda iri: [(iri, ALL.fictional, Literal(True))])
                if flagged and per_resource
                else None
            ),
        )
    return Recommender(store)


def flags(data: dict[str, Any]) -> list[bool]:
    return [r["fictional"] for r in data["results"]]


# -- hand-built graphs -------------------------------------------------------------------------


@pytest.mark.parametrize("per_resource", [False, True], ids=["source-flag", "resource-flag"])
def test_a_real_actor_never_gets_a_fictional_partner(store, tmp_path, base, per_resource):
    # the fictional funder is the better match (same commune); the real one is in Paris
    rec = load(
        store,
        tmp_path,
        base,
        [
            actor("seeker", "association", territory=LILLE, needs="financement"),
            actor("paris", territory="commune:75056", **FUNDER),
        ],
        [
            actor("demo-funder", territory=LILLE, **FUNDER),
            actor("demo-seeker", "association", territory=LILLE, needs="financement"),
        ],
        per_resource=per_resource,
    )
    assert bool(rec.actors.get().fictional.sum() == 2)
    real = rec.partners("seeker")
    assert ranking(real) == ["paris"] and flags(real) == [False]
    demo = rec.partners("demo-seeker")  # the demonstration stays coherent
    assert ranking(demo) == ["demo-funder", "paris"] and flags(demo) == [True, False]


def test_only_real_alliances_make_partners_and_introducers_of_a_real_actor(store, tmp_path, base):
    # real: seeker —(real alliance)— friend —(real alliance)— target.
    # fiction: « demo-club » cites seeker and « cited » (real), and friend with « ghost »
    # (fictional); « demo-pair » joins friend and « hearsay » (real) and nothing else.
    rec = load(
        store,
        tmp_path,
        base,
        [
            actor("seeker", "association", territory=LILLE, needs="financement"),
            actor("friend", "collectivite", territory=LILLE),
            actor("target", territory="commune:75056", **FUNDER),
            actor("cited", territory="commune:13055", **FUNDER),
            actor("hearsay", territory="commune:69123", **FUNDER),
        ],
        [actor("ghost", territory=LILLE, **FUNDER)],
        real_alliances=[
            alliance("real-1", "seeker", "friend"),
            alliance("real-2", "friend", "target"),
        ],
        fictional_alliances=[
            alliance("demo-club", "seeker", "cited", "friend", "ghost"),
            alliance("demo-pair", "friend", "hearsay"),
        ],
    )
    got = by_id(rec.partners("seeker"))
    assert "ghost" not in got and not any(r["fictional"] for r in got.values())
    # a fictional alliance is no partnership: « cited » is suggested, not hidden as a partner
    assert "cited" in got
    assert [i["id"] for i in got["target"]["introducers"]] == ["friend"]
    assert got["target"]["introducers"][0]["via"]["id"] == "real-1"
    assert got["target"]["values"]["trust"] > 0
    # « hearsay » knows « friend » only through a fictional alliance: no introduction
    assert got["hearsay"]["introducers"] == [] and got["hearsay"]["values"]["trust"] == 0
    assert all(i["id"] != "ghost" for r in got.values() for i in r["introducers"])
    ghost = by_id(rec.partners("ghost"))  # a fictional actor sees the whole demonstration
    assert "seeker" not in ghost  # its partner through « demo-club »


def test_a_described_need_gets_real_partners_first(store, tmp_path, base):
    rec = load(
        store,
        tmp_path,
        base,
        [
            actor("paris", territory="commune:75056", **FUNDER),
            actor("marseille", territory="commune:13055", **FUNDER),
        ],
        [actor("demo-lille", territory=LILLE, **FUNDER)],
    )
    need = {"territory": LILLE, "needs": ["financement"]}
    data = rec.partners_for_need(need)
    assert ranking(data) == ["paris", "marseille", "demo-lille"]
    assert flags(data) == [False, False, True]
    # the fictional one scores best: ranked after the real ones all the same
    scores = {r["id"]: r["score"] for r in data["results"]}
    assert scores["demo-lille"] > scores["paris"]
    assert ranking(rec.partners_for_need(need, limit=2)) == ["paris", "marseille"]
    assert "hint" not in data


def test_analogues_of_a_real_alliance_are_real_and_an_idea_gets_real_ones_first(
    store, tmp_path, base
):
    text = "Collecte des invendus alimentaires des supermarchés pour les épiceries solidaires"
    rec = load(
        store,
        tmp_path,
        base,
        [actor("a"), actor("b"), actor("c")],
        [actor("demo-a"), actor("demo-b")],
        real_alliances=[
            alliance("real-food", "a", "b", description=text, sdgs="12.3"),
            alliance("real-other", "b", "c", description="Collecte de vêtements", sdgs="12.5"),
        ],
        fictional_alliances=[
            alliance("demo-twin", "demo-a", "demo-b", description=text, sdgs="12.3"),
        ],
    )
    real = rec.analogues("real-food")
    assert "demo-twin" not in ranking(real) and not any(flags(real))
    demo = rec.analogues("demo-twin")
    assert ranking(demo)[0] == "real-food"  # a fictional alliance may be shown real examples
    idea = rec.analogues_for_idea({"text": text})
    assert ranking(idea)[-1] == "demo-twin" and flags(idea)[-1] is True
    assert flags(idea) == sorted(flags(idea))  # every real example first


def test_a_place_alone_is_nearby_never_very_complementary(store, tmp_path, base):
    # neighbours in Lille and Roubaix among actors all over France, so that a random pair is far
    # apart and two neighbours score high on proximity alone; partnerships between neighbours
    rows = [actor(f"lille-{n}", territory=LILLE, **FUNDER) for n in range(3)]
    rows += [actor(f"roubaix-{n}", territory="commune:59512", needs="benevolat") for n in range(3)]
    rows += [actor(f"c{code}", territory=f"commune:{code}", **FUNDER) for code in ELSEWHERE]
    pairs = [alliance(f"x{n}", f"lille-{n}", f"roubaix-{n}") for n in range(3)]
    rec = load(store, tmp_path, base, rows, [], real_alliances=pairs)
    place_only = rec.partners_for_need({"territory": LILLE})
    codes = {r["level"]["code"] for r in place_only["results"]}
    assert place_only["results"] and codes <= {"proche", "possible"} and "proche" in codes
    # without the cap, proximity alone would have read as complementarity
    ref = rec.partner_finder().reference
    uncapped = {partner_levels.level_code(r["score"], ref) for r in place_only["results"]}
    assert uncapped & {"tres-complementaire", "complementaire"}
    assert place_only["hint"] == PLACE_ONLY_HINT
    near = next(r for r in place_only["results"] if r["level"]["code"] == "proche")
    assert near["level"]["label"] == "proche" and near["level"]["label_en"] == "nearby"
    # the same place with a need stated: complementarity is judged again, no hint
    stated = rec.partners_for_need({"territory": LILLE, "needs": ["financement"]})
    assert "hint" not in stated
    assert stated["results"][0]["level"]["code"] == "tres-complementaire"


def test_level_cap_rule() -> None:
    ref = partner_levels.Reference(np.linspace(0, 0.5, 101), np.linspace(0.3, 0.9, 101))
    assert partner_levels.level(0.95, ref)["code"] == "tres-complementaire"
    assert partner_levels.level(0.95, ref, place_only=True)["code"] == "proche"
    assert partner_levels.level(0.48, ref, place_only=True)["code"] == "proche"
    assert partner_levels.level(0.1, ref, place_only=True)["code"] == "possible"
    capped = partner_levels.level(0.95, ref, place_only=True)
    assert capped["percentile"] == partner_levels.level(0.95, ref)["percentile"]  # figures kept


# -- the bundled instance (demo + CIS, and the real extracts) ----------------------------------


def test_bundled_real_actors_get_no_fictional_partner(readonly_app) -> None:  # type: ignore[no-untyped-def]
    inst = readonly_app.extensions["alliances"]
    rec = recommender_for(inst)
    table = rec.actors.get()
    real = [i for i in range(len(table)) if not table.fictional[i]]
    demo = [i for i in range(len(table)) if table.fictional[i]]
    assert len(demo) == 256 and len(real) >= 56  # the demo actors, the CIS organisations
    shown = 0
    for i in real:
        results = rec.partners(table.ids[i], 10)["results"]
        shown += len(results)
        assert not any(r["fictional"] for r in results), table.ids[i]
        assert not any(
            table.is_fictional(URIRef(x["iri"])) for r in results for x in r["introducers"]
        )
    assert shown > 100  # real actors still get suggestions: real ones
    # through the API and the actor page, for a CIS organisation the demo used to be offered to
    client = readonly_app.test_client()
    answer = client.get("/api/actors/ademe/partners?limit=20").get_json()
    assert answer["results"] and not any(r["fictional"] for r in answer["results"])
    assert all(r["source"]["source"] != "demo" for r in answer["results"])
    page = client.get("/actor/ademe").get_data(as_text=True)
    assert "Fictif (démonstration)" not in page.split('id="h-partners"')[1].split("</section>")[0]
    demo_answer = client.get("/api/actors/banque-alimentaire-metropole-lilloise/partners")
    assert any(r["fictional"] for r in demo_answer.get_json()["results"])


def test_bundled_finder_with_a_place_only_and_with_a_need(readonly_app) -> None:  # type: ignore[no-untyped-def]
    client = readonly_app.test_client()
    answer = client.post("/api/partners", json={"territory": "Lille"}).get_json()
    assert answer["results"] and answer["hint"]["code"] == "describe-need"
    assert {r["level"]["code"] for r in answer["results"]} <= {"proche", "possible"}
    page = unescape(client.get("/partenaires?territory=Lille").get_data(as_text=True))
    assert "Très complémentaire" not in page and "Complémentaire</span>" not in page
    assert "rien ne dit encore qu'ils vous complètent" in page
    assert 'href="#text"' in page
    english = readonly_app.test_client().get("/partenaires?territory=Lille&lang=en")
    english = english.get_data(as_text=True)  # (its own client: ?lang= is kept in a cookie)
    assert "nothing says yet that they complement you" in english and "Nearby" in english
    # a need: fictional partners only after the real ones, in their own marked section
    need = {"territory": "Lille", "needs": ["financement"], "limit": 30}
    results = client.post("/api/partners", json=need).get_json()["results"]
    fict = [r["fictional"] for r in results]
    assert fict == sorted(fict) and False in fict
    assert all(r["fictional"] is (r["source"]["source"] == "demo") for r in results)
    page = client.get("/partenaires?territory=Lille&needs=financement").get_data(as_text=True)
    if True in fict[:10]:
        real_part, demo_part = page.split("Exemples fictifs de la démonstration")
        assert "Fictif (démonstration)" not in real_part.split('id="h-ranked"')[1]
        assert "ce ne sont pas des contacts" in demo_part
    else:
        assert "Exemples fictifs de la démonstration" not in page


def test_cli_marks_fictional_and_gives_the_hint(instance, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ALLIANCES_HOME", str(instance.home))
    instance.close()
    runner = CliRunner()
    real = runner.invoke(main, ["partners", "ademe"])
    assert real.exit_code == 0, real.output
    assert real.output.strip() and "FICTIF" not in real.output
    demo = runner.invoke(main, ["partners", "banque-alimentaire-metropole-lilloise"])
    assert "[FICTIF : données de démonstration]" in demo.output
    place = runner.invoke(main, ["partners", "--territory", "Lille"])
    assert place.exit_code == 0, place.output
    assert "rien ne dit encore qu'ils vous complètent" in place.output
    assert "très complémentaire" not in place.output


def test_real_france_services_site_gets_no_fictional_partner(instance) -> None:  # type: ignore[no-untyped-def]
    from webui.app import create_app

    data = Path(__file__).parent / "data" / "realdata"
    maps = Path(__file__).parent.parent / "data" / "mappings"
    for mapping, extract in (
        (
            maps / "petites-villes-de-demain" / "petites-villes-de-demain.csv-metadata.json",
            "pvd.csv",
        ),
        (maps / "france-services" / "france-services.csv-metadata.json", "france-services.csv"),
    ):
        import_mapped(mapping, [data / extract], instance.store, instance.base)
    client = create_app(instance=instance).test_client()
    rec = recommender_for(instance)
    table = rec.actors.get()
    sites = [t for t in table.ids if t.startswith("fs-")]
    assert sites
    for ident in sites:
        answer = client.get(f"/api/actors/{ident}/partners?limit=20").get_json()
        assert not any(r["fictional"] for r in answer["results"]), ident
    alliances = rec.alliances.get()
    real = [a for a, f in zip(alliances.ids, alliances.fictional, strict=True) if not f]
    assert real
    for ident in real[:30]:
        answer = client.get(f"/api/alliances/{ident}/analogues?limit=20").get_json()
        assert not any(r["fictional"] for r in answer["results"]), ident


def test_demo_tools_are_marked_where_they_are_recommended(readonly_app) -> None:  # type: ignore[no-untyped-def]
    client = readonly_app.test_client()
    questions = client.get("/api/maturity").get_json()["questions"]
    answers = {q["id"]: q["options"][1]["code"] for q in questions}
    result = client.post("/api/maturity", json={"answers": answers}).get_json()
    tools = [t for g in result["tools"] for t in g["tools"]]
    assert tools and all(t["fictional"] is True for t in tools)  # the bundled tools are the demo's
    page = client.get("/ou-en-etes-vous", query_string=answers).get_data(as_text=True)
    cards = page.split('class="card-grid"')[1]
    assert cards.count("Fictif (démonstration)") == cards.count('<li class="card">') > 0
    panorama = client.get("/outils").get_data(as_text=True)
    assert panorama.count("Fictif (démonstration)") >= len({t["id"] for t in tools})
