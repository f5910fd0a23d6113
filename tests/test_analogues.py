"""Analogous examples (DESIGN §5): rankings on small hand-built graphs, one case per similarity,
the preference for other territories, and what the results say is alike and what differs."""

from __future__ import annotations

from typing import Any

import pytest

from graph.errors import BadRequest, NotFound

from .test_partners import actor, alliance, build, ranking

MEMBERS = [
    actor("asso-59", "association", territory="commune:59350"),
    actor("ent-59", "entreprise", territory="commune:59350"),
    actor("col-59", "collectivite", territory="commune:59350"),
    actor("asso-33", "association", territory="commune:33063"),
    actor("ent-33", "entreprise", territory="commune:33063"),
    actor("col-33", "collectivite", territory="commune:33063"),
    actor("fonda-75", "fondation", territory="commune:75056"),
    actor("citoyens-75", "collectif", territory="commune:75056"),
]
FOOD = (
    "Collecte des invendus alimentaires des supermarchés pour lutter contre le gaspillage "
    "alimentaire et aider les familles en précarité"
)
QUERY = alliance(
    "query",
    "asso-59",
    "ent-59",
    "col-59",
    title="Zéro invendu à Lille",
    description=FOOD,
    territory="departement:59",
    sdgs="2.1;12.3",
    resources="subvention-publique:70;mecenat-financier:30",
)
LIKE_QUERY = {k: v for k, v in QUERY.items() if k not in ("id", "title", "members")}
IN_33 = ("asso-33", "ent-33", "col-33")


def variant(ident: str, members: tuple[str, ...] = IN_33, **changes: str) -> dict[str, str]:
    """An alliance like QUERY, in Gironde unless said otherwise, with `changes`."""
    cols = {**LIKE_QUERY, "territory": "departement:33", **changes}
    return alliance(ident, *members, title=f"Alliance {ident}", **cols)


def results(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Results keyed by id."""
    return {r["id"]: r for r in data["results"]}


@pytest.mark.parametrize(
    ("factor", "near", "far"),
    [
        ("text", {}, {"description": "Un programme de formation aux métiers du numérique"}),
        ("sdgs", {}, {"sdgs": "2"}),
        ("composition", {}, {"members": ("fonda-75", "citoyens-75")}),
        ("resources", {}, {"resources": "mecenat-financier:80;dons-particuliers:20"}),
        ("scale", {}, {"territory": "region:75"}),
    ],
)
def test_each_similarity_ranks_the_closer_example_first(store, tmp_path, base, factor, near, far):
    far_members = far.pop("members", IN_33)
    rec = build(
        store,
        tmp_path,
        base,
        MEMBERS,
        [QUERY, variant("near", **near), variant("far", far_members, **far)],
    )
    data = rec.analogues("query")
    assert ranking(data)[:2] == ["near", "far"]
    f = results(data)
    assert f["near"]["factors"][factor] > f["far"]["factors"][factor]
    for k in f["near"]["factors"].keys() - {factor}:  # everything else is equal
        assert f["near"]["factors"][k] == pytest.approx(f["far"]["factors"][k]), k


def test_other_territories_are_preferred(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        MEMBERS,
        [
            QUERY,
            variant("twin-here", ("asso-59", "ent-59", "col-59"), territory="departement:59"),
            variant("twin-elsewhere"),
        ],
    )
    data = rec.analogues("query")
    assert ranking(data) == ["twin-elsewhere", "twin-here"]
    f = results(data)
    assert f["twin-here"]["factors"] == f["twin-elsewhere"]["factors"]
    assert "Autre territoire : Gironde" in f["twin-elsewhere"]["differs"]
    assert "Même territoire (Nord)" in f["twin-here"]["alike"]


def test_alike_and_differs_say_what_matters(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        MEMBERS,
        [
            QUERY,
            variant("twin"),
            alliance(
                "distant",
                "fonda-75",
                "citoyens-75",
                title="Repas solidaires franciliens",
                description="Des repas solidaires cuisinés avec les invendus alimentaires",
                territory="region:11",
                sdgs="2",
                resources="mecenat-financier",
            ),
            alliance(
                "unrelated",
                "asso-33",
                "ent-33",
                title="Soleil citoyen",
                description="Installer des panneaux photovoltaïques sur les toits",
                territory="departement:33",
                sdgs="7.2",
            ),
        ],
    )
    data = rec.analogues("query")
    assert data["alliance"] == base + "alliance/query"
    assert ranking(data) == ["twin", "distant"]  # nothing in common with « unrelated »
    twin, distant = results(data)["twin"], results(data)["distant"]
    assert "Mêmes cibles ODD 2.1 et 12.3" in twin["alike"]
    assert (
        "Même composition : association + entreprise + collectivité territoriale" in twin["alike"]
    )
    assert "Même modèle économique : surtout subvention publique" in twin["alike"]
    assert "Même échelle : département" in twin["alike"]
    words = next(a for a in twin["alike"] if a.startswith("Mots en commun : "))
    assert "alimentaires" in words and "invendus" in words
    assert "Same SDG targets 2.1 and 12.3" in twin["alike_en"]
    assert "Même ODD 2 (Faim « zéro »)" in distant["alike"]
    assert "Ne vise pas l'ODD 12" in distant["differs"]
    assert "Compte aussi : fondation ou fonds de dotation + collectif citoyen" in distant["differs"]
    assert "Sans : association + entreprise + collectivité territoriale" in distant["differs"]
    assert (
        "Financée surtout par mécénat financier plutôt que subvention publique"
        in distant["differs"]
    )
    assert "Échelle : région plutôt que département" in distant["differs"]
    assert "Scale: region rather than département" in distant["differs_en"]


def test_an_idea_finds_examples_elsewhere_first(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        MEMBERS,
        [
            variant("twin-here", ("asso-59", "ent-59", "col-59"), territory="departement:59"),
            variant("twin-elsewhere"),
            variant("energy", description="Installer des panneaux photovoltaïques", sdgs="7.2"),
        ],
    )
    data = rec.analogues_for_idea(
        {
            "text": "Réduire le gaspillage alimentaire en collectant les invendus",
            "territory": "departement:59",
            "types": "association;entreprise",
        }
    )
    assert ranking(data) == ["twin-elsewhere", "twin-here"]
    assert "12.3" in data["idea"]["sdgs_suggested"]
    data = rec.analogues_for_idea({"sdgs": ["7"]})
    assert ranking(data) == ["energy"]
    assert data["idea"]["sdgs_suggested"] == []


@pytest.mark.parametrize(
    ("idea", "message"),
    [
        ({}, "describe the idea"),
        ({"text": "   "}, "describe the idea"),
        ({"types": "martiens"}, "martiens"),
        ({"sdgs": "2.99"}, "2.99"),
        ({"text": "x", "budget": 3}, "budget"),
        ({"text": 42}, "text"),
        ({"resources": "subvention-publique:beaucoup"}, "percentage"),
    ],
)
def test_ideas_are_checked(store, tmp_path, base, idea, message):
    rec = build(store, tmp_path, base, MEMBERS, [QUERY])
    with pytest.raises(BadRequest, match=message):
        rec.analogues_for_idea(idea)


def test_unknown_alliance_is_not_found(store, tmp_path, base):
    rec = build(store, tmp_path, base, MEMBERS, [QUERY])
    with pytest.raises(NotFound):
        rec.analogues("nowhere")
    assert rec.analogues("query")["results"] == []


def test_analogues_api_on_the_demo_data(app, client):
    from webui.api_reco import recommender_for

    table = recommender_for(app.extensions["alliances"]).alliances.get()
    some = table.ids[0]
    resp = client.get(f"/api/alliances/{some}/analogues?limit=3")
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["alliance"] == str(table.iris[0])
    assert 0 < len(data["results"]) <= 3
    assert all(
        {"id", "iri", "label", "score", "alike", "differs"} <= set(r) for r in data["results"]
    )
    assert some not in [r["id"] for r in data["results"]]
    idea = {"text": "lutter contre le gaspillage alimentaire", "territory": "departement:59"}
    posted = client.post("/api/analogues", json=idea).get_json()
    got = client.get("/api/analogues", query_string=idea).get_json()
    assert posted == got and posted["results"]
    both = client.get("/api/analogues?sdgs=2&sdgs=12.3").get_json()
    assert both["idea"]["sdgs"] == ["2", "12", "12.3"]
    assert client.get("/api/alliances/nowhere/analogues").status_code == 404
    assert client.post("/api/analogues", json={"types": "martiens"}).status_code == 400
