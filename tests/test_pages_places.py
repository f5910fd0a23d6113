"""SDG pages, territory pages and the map of France, the about page and the actor's ego-network."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from graph.queries.pages import build_index, pages_index

from .pages import html


@pytest.fixture(scope="module")
def app(readonly_app):  # type: ignore[no-untyped-def]
    """The module's shared app: the pages only read."""
    return readonly_app


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    """A fresh test client (no cookies) per test."""
    return app.test_client()


def svg(page: str, cls: str) -> ElementTree.Element:
    """The inline <svg class=cls> of a page, parsed as XML (so it is well-formed)."""
    m = re.search(rf'<svg class="{cls}".*?</svg>', page, re.S)
    assert m, cls
    return ElementTree.fromstring(m.group(0))


SVG = "{http://www.w3.org/2000/svg}"


def test_goals_grid_fr_en(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/odd")
    assert page.count('href="/sdg/') == 17
    assert "Eau propre et assainissement" in page and 'class="sdg sdg-17' in page
    assert "Travail décent" in page and "Énergie propre" in page and "Faim « zéro »" in page
    assert "Clean water and sanitation" in html(client, "/odd?lang=en")


def test_goal_page_lists_targets_alliances_and_actors(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/sdg/6")
    assert 'href="/sdg/6.1"' in page and 'href="/sdg/6.b"' in page
    assert "D’ici à 2030" in page or "D'ici à 2030" in page  # the French target texts
    assert 'href="/alliance/' in page and 'href="/actor/' in page
    assert "facet=sdg%3D6" in page or "Premiers" not in page


def test_target_page(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/sdg/4.4")
    assert "Cible 4.4" in page and 'href="/sdg/4"' in page
    assert "/alliance/somme-connectee" in page  # tagged 4.4 in the demo
    assert "Target 4.4" in html(client, "/sdg/4.4?lang=en")


def test_goal_includes_items_tagged_with_its_targets(app) -> None:  # type: ignore[no-untyped-def]
    index = pages_index(app.extensions["alliances"].store)
    goal = {i.iri for i in index.sdg("4")}
    assert {i.iri for i in index.sdg("4.4")} <= goal
    assert any(i.ident == "somme-connectee" for i in index.sdg("4"))
    assert index is pages_index(app.extensions["alliances"].store)  # cached per version


def test_unknown_sdg_and_territory_404(client) -> None:  # type: ignore[no-untyped-def]
    html(client, "/sdg/18", 404)
    html(client, "/sdg/6.z", 404)
    html(client, "/territoire/region/00", 404)
    html(client, "/territoire/departement/999", 404)


def test_region_includes_departements_and_communes(app, client) -> None:  # type: ignore[no-untyped-def]
    index = build_index(app.extensions["alliances"].store)
    region = {i.iri for i in index.territory("region", "32")}
    somme = {i.iri for i in index.territory("departement", "80")}
    assert somme and somme <= region
    page = html(client, "/territoire/region/32")
    assert "Hauts-de-France" in page and "/territoire/departement/80" in page
    assert "/alliance/somme-connectee" in page
    dep = html(client, "/territoire/departement/80")
    assert "Somme" in dep and 'href="/territoire/region/32"' in dep  # the chain
    assert "/alliance/somme-connectee" in dep


def test_commune_page(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/territoire/commune/80021")
    assert "Amiens" in page and 'href="/territoire/departement/80"' in page


def test_map_is_accessible_svg_with_table_and_credit(client) -> None:  # type: ignore[no-untyped-def]
    for url in ("/territoires",):  # the home page has the map of actors (test_pointmap.py)
        page = html(client, url)
        root = svg(page, "france")
        links = root.findall(f"{SVG}a")
        assert len(links) == 96
        somme = [a for a in links if a.get("href") == "/territoire/departement/80"][0]
        title = somme.find(f"{SVG}title")
        assert title is not None and title.text.startswith("Somme (80) : ")
        assert re.search(r"\d+ acteurs?, \d+ alliances?", title.text)
        assert somme.find(f"{SVG}path").get("fill").startswith("#")
        assert "<table" in page and "Tableau des départements" in page
        assert "Contours : IGN Admin Express, via france-geojson, Licence Ouverte" in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", html(client, "/territoires"))


def test_map_colour_classes() -> None:
    from webui.pages_geo import colour, legend, shapes

    assert colour(0) != colour(1) != colour(5) != colour(50)
    assert [label for label, _ in legend()][0] == "0" and legend()[-1][0].startswith("≥")
    paths, height = shapes()
    assert len(paths) == 96 and 400 < height < 800
    assert shapes() is shapes()  # projected once


def test_about_page(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/a-propos")
    for text in (
        "Amit Joshi, Luis Gonzalez Morales, Szymon Klarman, and Aaron Helton. 2019.",
        "INSEE",
        "Licence Ouverte",
        "Carrefour des Innovations Sociales",
        "IGN Admin Express",
        "fictifs",
        'href="/sparql"',
        'href="/catalog"',
        'href="/dump/alliances.ttl"',
        'href="/dump/alliances.nq.gz"',
    ):
        assert text in page, text
    assert "About the data" in html(client, "/a-propos?lang=en")


def test_about_links_resolve(client) -> None:  # type: ignore[no-untyped-def]
    for url in ("/catalog", "/.well-known/void", "/dump/alliances.ttl"):
        assert client.get(url).status_code == 200, url


def test_nav_links(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/")
    for url in ('href="/odd"', 'href="/territoires"', 'href="/a-propos"'):
        assert url in page


def test_actor_ego_network(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/actor/departement-somme")
    root = svg(page, "ego")
    assert root.get("role") == "group" and root.get("aria-labelledby") == "ego-title"
    assert root.find(f"{SVG}desc") is not None
    hrefs = [a.get("href") for a in root.findall(f"{SVG}a")]
    assert "/alliance/somme-connectee" in hrefs and "/actor/departement-somme" in hrefs
    assert "/actor/picardie-fibre-services" in hrefs  # a co-member
    for a in root.findall(f"{SVG}a"):
        assert a.find(f"{SVG}title").text  # every node has an accessible name
    assert 'aria-labelledby="h-alliances"' in page  # the text alternative stays


def test_ego_network_layout_limits() -> None:
    import networkx as nx

    from webui.pages_ego import MAX_ALLIANCES, MAX_MEMBERS, ego_network

    class Net:
        bipartite = nx.Graph()

    g = Net.bipartite
    for i in range(12):
        for j in range(4):
            g.add_edge("ego", f"a{i}") if j == 0 else None
            g.add_edge(f"a{i}", f"m{i}-{j}")
    ego = ego_network(Net(), "ego", "Ego", "https://example.org/")  # type: ignore[arg-type]
    assert ego is not None and ego.truncated
    kinds = [n.kind for n in ego.nodes]
    assert kinds.count("alliance") == MAX_ALLIANCES and kinds.count("actor") == MAX_MEMBERS
    assert kinds.count("ego") == 1
    assert ego_network(Net(), "nobody", "X", "https://example.org/") is None  # type: ignore[arg-type]


def test_index_follows_writes(store, base: str) -> None:  # type: ignore[no-untyped-def]
    from rdflib import Literal, URIRef

    from graph.store import Write
    from ontology.namespaces import DCT, FOAF, INSEE_GEO, ORG, RDF, SCHEMA, SDG

    before = pages_index(store)
    assert not any(i.ident == "nouvel-acteur" for i in before.sdg("6.1"))
    actor = URIRef(base + "actor/nouvel-acteur")
    store.write(
        Write(
            source="test-pages",
            triples=[
                (actor, RDF.type, ORG.FormalOrganization),
                (actor, FOAF.name, Literal("Nouvel acteur")),
                (actor, DCT.subject, SDG["6.1"]),
                (actor, SCHEMA.areaServed, INSEE_GEO["commune/80021"]),
            ],
        )
    )
    after = pages_index(store)
    assert after is not before
    assert any(i.label == "Nouvel acteur" for i in after.sdg("6.1"))
    assert any(i.ident == "nouvel-acteur" for i in after.sdg("6"))
    for level, code in (("commune", "80021"), ("departement", "80"), ("region", "32")):
        assert any(i.ident == "nouvel-acteur" for i in after.territory(level, code)), level
