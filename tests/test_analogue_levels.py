"""Analogues (issue 11): the most similar alliance first for ideas whose best analogue is known,
similarity over the factors the query knows, and levels « très proche / proche / lointain »
calibrated against random pairs of the same graph."""

from __future__ import annotations

from typing import Any

import pytest

from .test_partners import actor, alliance, build, ranking

MEMBERS = [
    actor("asso-69", "association", territory="commune:69123"),
    actor("col-69", "collectivite", territory="commune:69123"),
    actor("asso-21", "association", territory="commune:21231"),
    actor("ent-21", "entreprise", territory="commune:21231"),
    actor("asso-35", "association", territory="commune:35238"),
    actor("col-35", "collectivite", territory="commune:35238"),
    actor("fonda-75", "fondation", territory="commune:75056"),
    actor("coop-13", "cooperative", territory="commune:13055"),
]

#: Alliances on other subjects: the background a level is measured against.
BACKGROUND = [
    (
        "soleil",
        "Soleil citoyen",
        "Une coopérative installe des panneaux photovoltaïques sur les "
        "toits des écoles avec l'épargne des habitants",
        "7.2",
    ),
    (
        "velo",
        "Vélo pour tous",
        "Atelier de réparation de vélos et vélo-école pour les adultes",
        "11.2",
    ),
    (
        "theatre",
        "Théâtre à l'école",
        "Des comédiens jouent et créent avec les collégiens toute l'année",
        "4.7",
    ),
    (
        "sante",
        "Santé mentale agricole",
        "Premiers secours en santé mentale pour les agriculteurs isolés",
        "3.4",
    ),
    (
        "haies",
        "Haies du bocage",
        "Replanter des haies et suivre les oiseaux avec les écoles",
        "15.5",
    ),
    (
        "renov",
        "Rénover sans exclure",
        "Rénovation thermique des logements des familles en précarité énergétique",
        "7.1;11.1",
    ),
    (
        "numerique",
        "Numérique pour tous",
        "Médiation numérique et prêt d'ordinateurs reconditionnés aux seniors",
        "9.c;10.2",
    ),
    (
        "emploi",
        "Rouler pour travailler",
        "Location de scooters et garage solidaire pour les demandeurs d'emploi",
        "11.2;8.5",
    ),
    ("eau", "Eau des Corbières", "Économiser l'eau d'irrigation des vignes", "6.4"),
    (
        "textile",
        "Textile circulaire",
        "Collecte, tri et recyclage des vêtements par un chantier d'insertion",
        "12.5;8.5",
    ),
]


def background() -> list[dict[str, str]]:
    """The background alliances, spread over three territories and compositions."""
    members = [("asso-35", "col-35"), ("fonda-75", "coop-13"), ("asso-21", "ent-21")]
    resources = [
        "subvention-publique",
        "mecenat-financier:60;recettes-activite:40",
        "recettes-activite",
    ]
    return [
        alliance(
            ident,
            *members[k % 3],
            title=title,
            description=text,
            sdgs=sdgs,
            territory=["departement:35", "departement:75", "departement:21"][k % 3],
            resources=resources[k % 3],
        )
        for k, (ident, title, text, sdgs) in enumerate(BACKGROUND)
    ]


def results(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Results keyed by id."""
    return {r["id"]: r for r in data["results"]}


def test_unsold_food_for_students_finds_the_student_food_alliance_first(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        MEMBERS,
        [
            alliance(
                "invendus-etudiants",
                "asso-21",
                "ent-21",
                title="Invendus pour les étudiants",
                description="Les invendus des supermarchés et des marchés sont collectés chaque "
                "soir et redistribués aux étudiants en difficulté de l'université",
                territory="departement:21",
                sdgs="12.3;2.1;1.2",
            ),
            alliance(
                "epicerie",
                "asso-35",
                "col-35",
                title="Épicerie du quartier",
                description="Une épicerie sociale où les familles achètent à petits prix",
                territory="departement:35",
                sdgs="12.3;2.1;1.2",
            ),
            alliance(
                "cantines",
                "fonda-75",
                "coop-13",
                title="Cantines sans gaspillage",
                description="Peser les restes et réduire le gaspillage dans les cantines",
                territory="departement:75",
                sdgs="12.3",
            ),
            *background(),
        ],
    )
    data = rec.analogues_for_idea(
        {
            "text": "Nous voulons récupérer les invendus des marchés et des supermarchés de "
            "Lyon pour les redistribuer aux étudiants précaires"
        }
    )
    assert set(data["idea"]["sdgs_suggested"]) >= {"12.3", "2.1"}
    assert ranking(data)[0] == "invendus-etudiants"  # same targets *and* same activity
    top = results(data)["invendus-etudiants"]
    assert top["level"]["code"] == "tres-proche" and top["level"]["label"] == "très proche"
    assert any(a.startswith("Mots en commun : ") and "invendus" in a for a in top["alike"])
    assert "soleil" not in results(data)  # nothing in common with solar panels


def test_french_lessons_for_refugee_children_finds_the_reception_alliance(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        MEMBERS,
        [
            alliance(
                "accueil",
                "asso-35",
                "col-35",
                title="Terre d'accueil",
                description="Des familles réfugiées accueillies au village, avec cours de "
                "français pour les parents et aide aux devoirs pour les enfants",
                territory="departement:35",
                sdgs="4.6;10.7;4.1",
            ),
            alliance(
                "emploi-refugies",
                "asso-21",
                "ent-21",
                title="Emploi des réfugiés",
                description="Les entreprises recrutent des réfugiés après un stage",
                territory="departement:21",
                sdgs="8.5;10.7",
            ),
            alliance(
                "egalite",
                "fonda-75",
                "coop-13",
                title="Égalité au travail",
                description="Partage des tâches domestiques et égalité entre les femmes et les "
                "hommes dans les familles",
                territory="departement:75",
                sdgs="5.4;5.1",
            ),
            *background(),
        ],
    )
    data = rec.analogues_for_idea(
        {"text": "Cours de français et aide aux devoirs pour les enfants de familles réfugiées"}
    )
    order = ranking(data)
    assert order[:2] == ["accueil", "emploi-refugies"]  # not the one sharing only « familles »
    assert results(data)["accueil"]["level"]["code"] == "tres-proche"


def test_levels_say_how_alike_against_random_pairs(store, tmp_path, base):
    query = dict(
        title="Zéro invendu à Lyon",
        description="Collecte des invendus alimentaires "
        "des supermarchés pour lutter contre le gaspillage alimentaire",
        sdgs="12.3;2.1",
        resources="subvention-publique:70;mecenat-financier:30",
    )
    rec = build(
        store,
        tmp_path,
        base,
        MEMBERS,
        [
            alliance("query", "asso-69", "col-69", territory="departement:69", **query),
            alliance("twin", "asso-35", "col-35", territory="departement:35", **query),
            alliance(
                "cousin",
                "fonda-75",
                "coop-13",
                title="Potagers des écoles",
                description="Des potagers dans les cours des écoles",
                sdgs="2.4",
                territory="region:11",
                resources="dons-particuliers",
            ),
            *background(),
        ],
    )
    data = rec.analogues("query")
    found = results(data)
    assert ranking(data)[0] == "twin"
    twin = found["twin"]
    assert twin["level"] == {
        "code": "tres-proche",
        "label": "très proche",
        "label_en": "very close",
        "percentile": twin["level"]["percentile"],
    }
    assert twin["level"]["percentile"] >= 99 and twin["similarity"] > 0.9
    assert found["cousin"]["level"]["code"] == "lointain"
    for r in data["results"]:  # every result has a level and its similarity
        assert r["level"]["code"] in {"tres-proche", "proche", "lointain"}
        assert 0 <= r["level"]["percentile"] <= 100 and 0 < r["score"] <= r["similarity"] <= 1


def test_an_idea_is_compared_only_on_what_it_says(store, tmp_path, base):
    rec = build(store, tmp_path, base, MEMBERS, [*background()])
    data = rec.analogues_for_idea({"sdgs": "7.2"})
    top = data["results"][0]
    assert top["id"] == "soleil"
    # only the SDG factor is known: the similarity is the SDG similarity itself, not 0.3 of it
    assert top["similarity"] == pytest.approx(top["factors"]["sdgs"])
    assert top["level"]["code"] == "tres-proche"


def test_examples_page_shows_targets_and_levels(client):
    idea = "Nous voulons récupérer les invendus des supermarchés pour les étudiants précaires"
    html = client.get("/exemples", query_string={"idea": idea}).get_data(as_text=True)
    assert "12.3" in html and "invendus" in html and "16.4" not in html
    assert "Très proche" in html
    html = client.get(
        "/exemples", query_string={"idea": "homework help for refugee children", "lang": "en"}
    ).get_data(as_text=True)
    assert "4.1" in html and "homework help" in html
