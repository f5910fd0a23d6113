"""The partner finder page (issue 12): a place typed as people type it, the kinds of partner
sought and the project in words; errors next to their field, in French and English; results
where the form lands (#resultats), each card with town, distance level, type and reasons; no
territory code on the page."""

from __future__ import annotations

import re
from html import unescape

import pytest

from .pages import html

#: A territory written as a code (`commune:59350`, `departement:80`…): never shown to people.
CODE = re.compile(r"\b(commune|departement|region|epci):\w+")


@pytest.fixture(scope="module")
def app(readonly_app):  # type: ignore[no-untyped-def]
    """The module's shared app: these tests only read."""
    return readonly_app


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    return app.test_client()


def main_text(page: str) -> str:
    """The page's <main>, without the markup of the svg icons."""
    found = re.search(r"<main.*?</main>", page, re.S)
    assert found, "no <main>"
    return unescape(found.group(0))


def cards(page: str) -> list[str]:
    """The partner cards of the results, as HTML."""
    results = page.split('id="resultats"', 1)[1]
    return re.findall(r"<li><h3>.*?</ul>", results, re.S)


def test_a_typed_town_is_read_and_results_say_where_partners_are(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/partenaires?territory=Lille&needs=financement")
    assert 'action="/partenaires#resultats"' in page  # the browser lands on the results
    assert 'id="resultats"' in page and 'class="notice"' not in page
    main = main_text(page)
    assert "Lieu retenu" in main and "Lille" in main
    found = cards(main)
    assert len(found) == 10
    # the real partners first (CIS organisations: national or in the région), then the demo's,
    # apart and marked (docs/recommendation.md, « Fictional data »)
    real = [c for c in found if "Fictif (démonstration)" not in c]
    assert real and found[: len(real)] == real
    assert "acteur national" in real[0] or "même région" in real[0]
    demo = main.split("Exemples fictifs de la démonstration", 1)[1]
    assert all(c in demo for c in found[len(real) :])
    lille = next(c for c in found if "même commune" in c)
    assert "Lille" in lille  # town and distance level
    assert "Propose du financement, dont vous avez besoin" in lille  # a reason
    assert re.search(r'class="type">.*?(Entreprise|Fondation|Association|Collectivité)', lille)
    assert any(re.search(r"à \d+(\u202f\d+)? km", c) for c in found) or all(
        "même" in c or "national" in c for c in found
    )
    assert not CODE.search(main), CODE.search(main)


def test_a_postal_code_and_an_old_code_link_are_read_and_shown_as_names(client) -> None:  # type: ignore[no-untyped-def]
    by_code = main_text(html(client, "/partenaires?territory=59000&needs=financement"))
    assert "Lieu retenu : <strong>Lille</strong>" in by_code
    assert 'value="59000"' in by_code  # what the person typed stays in the field
    old = main_text(html(client, "/partenaires?territory=commune%3A59512&needs=financement"))
    assert 'value="Roubaix (59)"' in old and not CODE.search(old)


def test_an_ambiguous_name_offers_the_other_places_next_to_the_field(client) -> None:  # type: ignore[no-untyped-def]
    page = main_text(html(client, "/partenaires?territory=Saint-Denis&needs=financement"))
    field = page.split('id="territory"', 1)[1].split("</div>", 2)
    around = field[0] + field[1]
    assert "Vouliez-vous dire un autre lieu ?" in around
    assert "Saint-Denis (Commune, Seine-Saint-Denis, Île-de-France)" in around
    assert "territory=Saint-Denis+(93)&needs=financement#resultats" in around
    assert page.index("Vouliez-vous dire") < page.index('id="resultats"')
    chosen = main_text(html(client, "/partenaires?territory=Saint-Denis+(93)&needs=financement"))
    assert "Seine-Saint-Denis" in chosen.split("Vouliez-vous", 1)[0]


def test_errors_are_next_to_their_field_in_french_and_english(client) -> None:  # type: ignore[no-untyped-def]
    page = main_text(html(client, "/partenaires?territory=zzzzqqq&sdgs=6+99&needs=financement"))
    territory = page.split('<label for="territory">', 1)[1].split("</p>", 1)[0]
    assert "Aucun lieu ne correspond à « zzzzqqq »" in territory
    assert 'aria-invalid="true"' in territory and "territory-error" in territory
    sdgs = page.split('<label for="sdgs">', 1)[1].split("</p>", 1)[0]
    assert "ODD ou cible inconnu : 99" in sdgs and 'aria-invalid="true"' in sdgs
    results = page.split('id="resultats"', 1)[1]
    assert "2 champs à corriger" in results and 'href="#territory"' in results
    assert "Partenaires proposés" not in page  # nothing ranked on a wrong place
    en = main_text(html(client, "/partenaires?territory=zzzzqqq&needs=financement&lang=en"))
    assert "No place matches “zzzzqqq”" in en and "1 field to correct" in en


def test_partner_types_and_project_text(client) -> None:  # type: ignore[no-untyped-def]
    text = "Nous voulons récupérer les invendus des marchés de Lyon pour les étudiants précaires"
    page = main_text(
        html(
            client,
            "/partenaires?territory=Lyon&partner_types=entreprise&partner_types=collectivite"
            f"&text={text.replace(' ', '+')}",
        )
    )
    assert "Ce que nous avons compris de votre description" in page
    assert "Cible ODD 12.3" in page
    found = cards(page)
    assert found and all("Entreprise" in c or "Collectivité territoriale" in c for c in found), (
        found
    )
    assert 'id="partner_types-entreprise" name="partner_types" value="entreprise" checked' in page


def test_the_place_list_and_suggestions_hold_texts_not_codes(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/partenaires")
    datalist = page.split('<datalist id="places">', 1)[1].split("</datalist>", 1)[0]
    assert 'value="Somme (80)"' in datalist and 'value="Hauts-de-France"' in datalist
    assert not CODE.search(datalist)
    data = client.get("/api/suggest?kind=territory&q=Roubai").get_json()
    roubaix = next(s for s in data["suggestions"] if s["id"] == "commune:59512")
    assert roubaix["text"] == "Roubaix (59)"


def test_typed_text_is_read_back_as_the_same_place() -> None:
    import random

    from graph.places import resolve_place, typed_text
    from graph.reference import territories

    table = territories()
    assert typed_text(table[("commune", "93066")]) == "Saint-Denis (93)"
    assert typed_text(table[("commune", "19062")]) == "Corrèze (19800)"  # the département's name
    assert typed_text(table[("departement", "75")]) == "75"  # « Paris » is the commune
    sample = random.Random(11).sample(sorted(table), 300)
    for key in sample:
        text = typed_text(table[key])
        assert resolve_place(text).ident == table[key].ident, (key, text)
