"""Complementary partners (DESIGN §4): one small graph per factor where the right ranking is
unambiguous, plus the guarantees (never self, never an existing partner) and the reasons."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from graph.errors import BadRequest, ConfigError, NotFound
from graph.importer import import_paths
from graph.reco import Recommender
from graph.store import OxigraphStore


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Write rows with the union of their keys as header."""
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = list(dict.fromkeys(k for r in rows for k in r))
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=keys)
        writer.writeheader()
        writer.writerows({k: r.get(k, "") for k in keys} for r in rows)


def actor(ident: str, type_: str = "entreprise", **cols: str) -> dict[str, str]:
    """An actors.csv row."""
    return {"id": ident, "name": cols.pop("name", ident.upper()), "type": type_, **cols}


def alliance(ident: str, *members: str, **cols: str) -> dict[str, str]:
    """An alliances.csv row."""
    return {
        "id": ident,
        "title": cols.pop("title", f"Alliance {ident}"),
        "members": ";".join(members),
        **cols,
    }


def build(
    store: OxigraphStore,
    folder: Path,
    base: str,
    actors: list[dict[str, str]],
    alliances: list[dict[str, str]] | None = None,
    **options: Any,
) -> Recommender:
    """Import the rows into the store and return a recommender over it."""
    write_rows(folder / "actors.csv", actors)
    if alliances:
        write_rows(folder / "alliances.csv", alliances)
    import_paths([folder], store, base, source="test")
    return Recommender(store, **options)


def ranking(data: dict[str, Any]) -> list[str]:
    """The ids of the results, best first."""
    return [r["id"] for r in data["results"]]


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Results keyed by id."""
    return {r["id"]: r for r in data["results"]}


# -- one graph per factor -----------------------------------------------------------------------


def test_needs_offers_mutual_beats_one_way_beats_none(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            actor(
                "seeker",
                "association",
                territory="commune:59350",
                needs="financement",
                offers="benevolat",
            ),
            actor("mutual", territory="commune:59512", offers="financement", needs="benevolat"),
            actor("one-way", territory="commune:59512", offers="financement"),
            actor("nothing", territory="commune:59512", offers="communication"),
        ],
    )
    data = rec.partners("seeker")
    # a neighbour with nothing to exchange and no cause in common is no complementary partner
    assert ranking(data) == ["mutual", "one-way"]
    f = by_id(data)
    assert f["mutual"]["factors"]["needs_offers"] > f["one-way"]["factors"]["needs_offers"] > 0
    # everything else is equal
    assert {k: v for k, v in f["mutual"]["factors"].items() if k != "needs_offers"} == {
        k: v for k, v in f["one-way"]["factors"].items() if k != "needs_offers"
    }
    # with only a place to go on, neighbours are what there is
    near = rec.partners_for_need({"territory": "commune:59512"})
    assert set(ranking(near)) == {"seeker", "mutual", "one-way", "nothing"}


def test_purpose_shared_target_beats_shared_goal(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            actor("seeker", "association", sdgs="12.3"),
            actor("same-target", sdgs="12.3"),
            actor("same-goal", sdgs="12"),
            actor("other-goal", sdgs="2"),
        ],
    )
    data = rec.partners("seeker")
    assert ranking(data) == ["same-target", "same-goal"]  # nothing shared: not a candidate
    f = by_id(data)
    assert f["same-target"]["factors"]["purpose"] > f["same-goal"]["factors"]["purpose"] > 0


def test_proximity_follows_the_cog_chain(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            actor("seeker", "association", territory="commune:59350", needs="financement"),
            actor("lille", territory="commune:59350", offers="financement"),
            actor("roubaix", territory="commune:59512", offers="financement"),
            actor("dunkerque", territory="commune:59183", offers="financement"),
            actor("arras", territory="commune:62041", offers="financement"),
            actor("bordeaux", territory="commune:33063", offers="financement"),
        ],
    )
    data = rec.partners("seeker")
    assert ranking(data) == ["lille", "roubaix", "dunkerque", "arras", "bordeaux"]
    reasons = {r["id"]: r["reasons"] for r in data["results"]}
    assert "Même commune (Lille)" in reasons["lille"]
    assert "Même intercommunalité (Métropole Européenne de Lille), à 11 km" in reasons["roubaix"]
    assert "Même département (Nord), à 65 km" in reasons["dunkerque"]
    assert "Même région (Hauts-de-France), à 45 km" in reasons["arras"]
    assert "À 700 km (Bordeaux, Gironde)" in reasons["bordeaux"]
    assert "Same département (Nord), 65 km away" in by_id(data)["dunkerque"]["reasons_en"]
    assert by_id(data)["bordeaux"]["where"] == {
        "relation": "distance",
        "km": 700,
        "label": "À 700 km (Bordeaux, Gironde)",
        "label_en": "700 km away (Bordeaux, Gironde)",
        "territory": {
            "iri": "http://id.insee.fr/geo/commune/33063",
            "name": "Bordeaux",
            "level": "commune",
        },
    }


def test_proximity_of_a_departement_wide_actor(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            actor("seeker", "association", territory="departement:59", needs="financement"),
            actor("in-59", territory="commune:59512", offers="financement"),
            actor("in-62", territory="departement:62", offers="financement"),
        ],
    )
    assert ranking(rec.partners("seeker")) == ["in-59", "in-62"]


def test_diversity_other_type_beats_same_type_beats_peer(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            actor("seeker", "association", needs="financement"),
            actor("foundation", "fondation", offers="financement"),
            actor("other-asso", "association", offers="financement"),
            actor("peer", "association", offers="financement", needs="financement"),
        ],
        partner_weights="diversity=0.15",
    )  # the fitted default gives diversity no weight
    data = rec.partners("seeker")
    assert ranking(data) == ["foundation", "other-asso", "peer"]
    f = by_id(data)
    assert f["peer"]["factors"]["diversity"] == 0
    assert (
        "Un autre type d'acteur que vous : fondation ou fonds de dotation"
        in f["foundation"]["reasons"]
    )


def test_trust_partner_of_a_partner_is_a_warmer_lead(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            actor("seeker", "association", needs="financement"),
            actor("friend", "collectivite", name="Ville amie"),
            actor("warm", offers="financement"),
            actor("cold", offers="financement"),
        ],
        [
            alliance("ours", "seeker", "friend", title="Notre alliance"),
            alliance("theirs", "friend", "warm", title="Leur alliance"),
        ],
        partner_weights="trust=0.15",
    )  # the fitted default gives trust no weight (see the docs)
    data = rec.partners("seeker")
    assert ranking(data)[:2] == ["warm", "cold"]
    warm = by_id(data)["warm"]
    assert warm["factors"]["trust"] > 0 == by_id(data)["cold"]["factors"]["trust"]
    assert warm["introducers"] == [
        {
            "id": "friend",
            "iri": base + "actor/friend",
            "label": "Ville amie",
            "via": {"id": "ours", "iri": base + "alliance/ours", "label": "Notre alliance"},
        }
    ]
    assert (
        "Partenaire de votre partenaire Ville amie (alliance « Notre alliance »)" in warm["reasons"]
    )


# -- guarantees -----------------------------------------------------------------------------


def test_existing_partners_and_self_are_never_suggested(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            actor(
                "seeker",
                "association",
                territory="commune:59350",
                needs="financement",
                offers="benevolat",
                sdgs="12.3",
            ),
            actor(
                "ally",
                "fondation",
                territory="commune:59350",
                offers="financement",
                needs="benevolat",
                sdgs="12.3",
            ),
            actor("other-ally", territory="commune:59350", offers="financement"),
            actor("stranger", territory="commune:59350", offers="financement"),
        ],
        [alliance("a1", "seeker", "ally"), alliance("a2", "other-ally", "seeker", "stranger")],
    )
    # everyone is allied with the seeker: nothing to suggest
    assert rec.partners("seeker")["results"] == []
    ids = ranking(rec.partners("ally", limit=100))
    assert "ally" not in ids and "seeker" not in ids


def test_nobody_is_ever_suggested_their_partner(store, tmp_path, base):
    actors = [
        actor(
            f"a{i}",
            ("association", "entreprise", "collectivite")[i % 3],
            territory="departement:59",
            offers=("financement", "benevolat")[i % 2],
            needs=("benevolat", "financement")[i % 2],
            sdgs="12.3",
        )
        for i in range(12)
    ]
    alliances = [
        alliance(f"x{i}", f"a{i}", f"a{(i + 1) % 12}", f"a{(i + 5) % 12}") for i in range(0, 12, 2)
    ]
    rec = build(store, tmp_path, base, actors, alliances)
    network = rec.network.get()
    for a in actors:
        iri = rec.actors.get().iris[rec.actors.get().by_id[a["id"]]]
        allies = {str(p) for p in network.partners(iri)} | {str(iri)}
        suggested = {r["iri"] for r in rec.partners(a["id"], limit=100)["results"]}
        assert not suggested & allies


def test_reasons_name_the_competences_and_targets(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            actor(
                "seeker",
                "association",
                needs="financement;expertise-juridique",
                offers="benevolat",
                sdgs="12.3;2",
            ),
            actor(
                "partner",
                "fondation",
                offers="financement;expertise-juridique",
                needs="benevolat",
                sdgs="12.3;2.1",
            ),
        ],
    )
    r = rec.partners("seeker")["results"][0]
    assert r["reasons"][:4] == [
        "Propose du financement et de l'expertise juridique, dont vous avez besoin",
        "Cherche du bénévolat, que vous proposez",
        "Partage la cible 12.3",
        "Partage l'ODD 2 (Faim « zéro »)",
    ]
    assert r["reasons_en"][:3] == [
        "Offers funding and legal expertise, which you need",
        "Looks for volunteering, which you offer",
        "Shares target 12.3",
    ]


def test_result_shape_and_scores(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            actor("seeker", "association", needs="financement"),
            actor("funder", "fondation", offers="financement", name="Fondation F"),
        ],
    )
    data = rec.partners("seeker")
    assert data["actor"] == base + "actor/seeker"
    r = data["results"][0]
    assert set(r) >= {
        "id",
        "iri",
        "label",
        "score",
        "factors",
        "reasons",
        "reasons_en",
        "introducers",
    }
    assert (r["id"], r["iri"], r["label"]) == ("funder", base + "actor/funder", "Fondation F")
    assert set(r["factors"]) == {"needs_offers", "purpose", "proximity", "diversity", "trust"}
    assert r["score"] == pytest.approx(sum(r["factors"].values()), abs=1e-3)


# -- described needs, weights, errors, caching ---------------------------------------------------


def test_described_need_without_an_actor(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            actor(
                "funder-59",
                "fondation",
                territory="commune:59350",
                offers="financement",
                sdgs="2.1",
            ),
            actor("funder-33", "fondation", territory="commune:33063", offers="financement"),
            actor("volunteers", "association", territory="commune:59350", offers="benevolat"),
        ],
    )
    data = rec.partners_for_need(
        {
            "type": "association",
            "territory": "departement:59",
            "needs": ["financement"],
            "sdgs": "2",
        }
    )
    assert ranking(data)[0] == "funder-59"
    assert by_id(data)["funder-33"]["where"]["label"] == "À environ 690 km (Bordeaux, Gironde)"
    assert data["need"]["needs"] == ["financement"]
    assert data["need"]["territory"] == "http://id.insee.fr/geo/departement/59"
    assert "Partage l'ODD 2 (Faim « zéro »)" in data["results"][0]["reasons"]


@pytest.mark.parametrize(
    ("need", "message"),
    [
        ({"needs": ["argent"]}, "argent"),
        ({"territory": "departement:999"}, "departement:999"),
        ({"sdgs": "18"}, "18"),
        ({"type": "ovni", "needs": "financement"}, "ovni"),
        ({}, "at least one"),
        ({"needs": "financement", "colour": "blue"}, "colour"),
    ],
)
def test_described_need_is_checked(store, tmp_path, base, need, message):
    rec = build(store, tmp_path, base, [actor("x", offers="financement")])
    with pytest.raises(BadRequest, match=message):
        rec.partners_for_need(need)


def test_unknown_actor_is_not_found(store, tmp_path, base):
    rec = build(store, tmp_path, base, [actor("x")])
    with pytest.raises(NotFound):
        rec.partners("nobody")
    with pytest.raises(BadRequest):
        rec.partners("Not An Id")


def test_weights_come_from_configuration(store, tmp_path, base):
    rows = [
        actor("seeker", "association", territory="commune:59350", needs="financement", sdgs="2"),
        actor("near", "association", territory="commune:59350", sdgs="2"),
        actor("funder", "association", territory="commune:33063", offers="financement"),
    ]
    rec = build(store, tmp_path, base, rows, partner_weights="proximity=1,needs_offers=0")
    assert ranking(rec.partners("seeker"))[0] == "near"
    rec = Recommender(store, partner_weights={"proximity": 0, "needs_offers": 1})
    assert ranking(rec.partners("seeker"))[0] == "funder"


@pytest.mark.parametrize("weights", ["trust=-1", "luck=0.5", "trust=high", "trust"])
def test_bad_weights_are_refused(store, weights):
    with pytest.raises(ConfigError):
        Recommender(store, partner_weights=weights)


def test_views_are_cached_per_graph_version(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            actor("seeker", "association", needs="financement"),
            actor("funder", "fondation", offers="financement"),
        ],
    )
    rec.partners("seeker")
    rec.partners("seeker")
    assert rec.actors.builds == 1 and rec.network.builds == 1
    write_rows(tmp_path / "more" / "actors.csv", [actor("late", "fondation", offers="financement")])
    import_paths([tmp_path / "more"], store, base, source="more")
    assert "late" in ranking(rec.partners("seeker"))
    assert rec.actors.builds == 2 and rec.actors.version == store.version
