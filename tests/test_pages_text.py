"""Every page type reads as text for people: no raw RDF property names, no unformatted counts,
no « (s) » plurals, lang + title + one h1, no inline style or script (a strict CSP comes later).

The raw data block (« Voir les données », `<details class="data">`) and code samples are the
places where property names belong, so they are left out of the check.
"""

from __future__ import annotations

import re

import pytest

from .pages import html

#: One URL per page type (French), with the error pages.
PAGES = (
    "/",
    "/recherche?q=eau",
    "/recherche?q=&facet=sdg%3D8&kind=actor",
    "/recherche?q=zzzzqqq",
    "/actor/association-des-maires-ruraux-de-france",
    "/actor/departement-somme",
    "/alliance/somme-connectee",
    "/alliance/zero-invendu-metropole-lilloise",
    "/tool/guide-dix-idees-recues",
    "/evaluation/eval-zero-invendu-2023",
    "/partenaires",
    "/partenaires?needs=financement&territory=departement%3A80",
    "/exemples",
    "/exemples?idea=jardin+partag%C3%A9",
    "/outils",
    "/ou-en-etes-vous",
    "/odd",
    "/sdg/8",
    "/sdg/8.5",
    "/territoires",
    "/territoire/region/32",
    "/territoire/departement/59",
    "/territoire/commune/59350",
    "/a-propos",
    "/sparql",
    "/catalog",
)
ERRORS = ("/actor/nobody-here", "/sdg/99", "/territoire/commune/00000", "/nowhere")

#: Local names of the properties of our model that must never be shown as such.
PROPERTY_NAMES = (
    "reviewRating",
    "wasAttributedTo",
    "prefLabel",
    "areaServed",
    "itemReviewed",
    "ratingValue",
    "shareOfBudget",
    "resourceType",
    "usesTool",
    "reviewBody",
    "classification",
    "bestRating",
    "worstRating",
    "startDate",
    "endDate",
)
CURIE = re.compile(r"\b(?:schema|skos|dct|dcterms|prov|org|all|foaf|rdfs?|igeo|dcat):[a-z]\w+")
COUNT_WORDS = r"(?:acteurs?|alliances?|outils?|évaluations?|cibles?|territoires?|résultats?|lignes)"


@pytest.fixture(scope="module")
def app(readonly_app):  # type: ignore[no-untyped-def]
    """The module's shared app: these tests only read."""
    return readonly_app


def visible(page: str) -> str:
    """The page text a person reads: without the raw data block, code, scripts and tags."""
    page = re.sub(r'<details class="data">.*?</details>', " ", page, flags=re.S)
    page = re.sub(r"<(code|script|pre|textarea)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<title>(.*?)</title>", r" \1 ", page, flags=re.S)
    return re.sub(r"<[^>]+>", " ", page)


@pytest.mark.parametrize("url", PAGES + ERRORS)
def test_page_reads_as_text_for_people(app, url: str) -> None:  # type: ignore[no-untyped-def]
    resp = app.test_client().get(url, headers={"Accept": "text/html"})
    assert resp.status_code == (404 if url in ERRORS else 200), url
    page = resp.get_data(as_text=True)
    text = visible(page)
    if url != "/sparql":  # the query editor's examples talk about vocabulary terms on purpose
        assert not CURIE.search(text), (url, CURIE.search(text))
    for name in PROPERTY_NAMES:
        assert not re.search(rf"\b{name}\b", text), (url, name)
    assert not re.search(rf"\b\d{{4,}} {COUNT_WORDS}\b", text), (url, "unformatted count")
    assert "(s)" not in text, (url, "write plurals with ngettext")
    assert re.match(r'<!doctype html>\s*<html lang="fr">', page), url
    assert re.search(r"<title>[^<]+ · Alliances</title>", page) and page.count("<h1") == 1, url
    assert " style=" not in page and "<style" not in page, (url, "inline style")
    for tag in re.findall(r"<script\b[^>]*>", page):
        assert "src=" in tag or 'type="application/json"' in tag, (url, tag)


def test_counts_are_grouped_and_plural(app) -> None:  # type: ignore[no-untyped-def]
    page = html(app.test_client(), "/")
    for n, word in re.findall(r"<strong>([\d\u202f]+)</strong> (\w+)", page):
        value = int(n.replace("\u202f", ""))
        assert n == f"{value:,}".replace(",", "\u202f"), n
        assert word.endswith("s") == (value > 1) or word in ("alliance", "alliances"), (n, word)


def test_tool_page_for_people(app) -> None:  # type: ignore[no-untyped-def]
    page = html(app.test_client(), "/tool/guide-dix-idees-recues")
    for part in (
        "À quoi il sert",
        "Pour qui",
        "Pour quel niveau",
        "Publié par",
        "Voir les données",
    ):
        assert part in page, part
    assert re.search(r'<a class="btn" href="https?://[^"]+"[^>]*>.*Ouvrir l’outil', page) or (
        "Ouvrir l’outil" not in page
    )


def test_evaluation_page_for_people(app) -> None:  # type: ignore[no-untyped-def]
    page = html(app.test_client(), "/evaluation/eval-zero-invendu-2023")
    assert "15 juin 2023" in page and "Évaluée par" in page and "Synthèse" in page
    scores = re.findall(r'<th scope="row">([^<]+)<span class="hint">', page)
    assert scores[:2] == ["Pertinence", "Cohérence"] and len(scores) == 6, scores
    assert page.count('<svg class="bar"') == 6 and "5 sur 5" in page


def test_actor_sdgs_are_compact_and_partners_have_towns(app) -> None:  # type: ignore[no-untyped-def]
    page = html(app.test_client(), "/actor/banque-alimentaire-metropole-lilloise")
    sdgs = page[page.index('id="h-sdgs"') : page.index('id="h-offers"')]
    assert 'class="sdg sdg-2 small"' in sdgs and "Faim « zéro »" in sdgs
    assert "Éliminer la faim" not in sdgs  # no UN sentences, target codes only
    partners = page[page.index('id="h-partners"') :]
    assert partners.count('href="#place"') == 0 and "#place" in partners  # the place icon
    assert re.search(r'#place"/></svg>[^<]+</span>', partners)


def test_search_hits_and_named_sdg_filters(app) -> None:  # type: ignore[no-untyped-def]
    page = html(app.test_client(), "/recherche?q=&facet=sdg%3D8&kind=actor")
    assert "ODD 8 · Travail décent et croissance économique" in page
    chips = page[page.index('class="chips"') : page.index("</ul>", page.index('class="chips"'))]
    assert "ODD 8 · Travail décent" in chips and "Acteur" in chips
    hits = page[page.index('class="hits"') :]
    assert 'class="sdg-icons"' in hits and "#place" in hits and "#kind-" in hits
