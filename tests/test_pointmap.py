"""The map of actors as points: where actors are (graph/queries/geo.py), the projection with its
overseas insets, the grid clustering and `GET /api/map/actors` (webui/pointmap.py)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from graph.queries.geo import actor_points
from graph.store import Write
from ontology.namespaces import FOAF, INSEE_GEO, ORG, RDF, SCHEMA, WGS84

from .pages import html

API = "/api/map/actors"

#: (id, name, lat, long, territory): own coordinates in Lille, in Guadeloupe, in
#: Saint-Pierre-et-Miquelon (outside the map), a name that is markup, and one without coordinates.
PLACED = [
    ("lille-asso", "Association lilloise", "50.6366", "3.0635", "commune/59350"),
    ("pointe-a-pitre", "Coopérative de Pointe-à-Pitre", "16.2411", "-61.5331", "departement/971"),
    ("saint-pierre", "Pêcheurs de Saint-Pierre", "46.7811", "-56.1764", None),
    ("balise", "<script>alert(1)</script> & Cie", "48.8350", "2.2400", "commune/75056"),
    ("sans-coordonnees", "Sans coordonnées", None, None, "departement/80"),
]


def placed_triples(base: str) -> list[tuple[object, object, object]]:
    """Actors of `PLACED` as the importer would write them (geo:lat/long as xsd:decimal)."""
    out: list[tuple[object, object, object]] = []
    for ident, name, lat, long, place in PLACED:
        a = URIRef(f"{base}actor/{ident}")
        out += [(a, RDF.type, ORG.FormalOrganization), (a, FOAF.name, Literal(name))]
        if lat is not None:
            out += [
                (a, WGS84.lat, Literal(lat, datatype=XSD.decimal)),
                (a, WGS84.long, Literal(long, datatype=XSD.decimal)),
            ]
        if place is not None:
            out.append((a, SCHEMA.areaServed, INSEE_GEO[place]))
    return out


@pytest.fixture(scope="module")
def app(readonly_app):  # type: ignore[no-untyped-def]
    """The demo instance with the actors of `PLACED` added."""
    inst = readonly_app.extensions["alliances"]
    inst.store.write(Write(source="test-pointmap", triples=placed_triples(inst.base)))
    return readonly_app


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    return app.test_client()


def get(client, url: str, status: int = 200) -> dict:  # type: ignore[no-untyped-def]
    resp = client.get(url, headers={"Accept": "application/json"})
    assert resp.status_code == status, (url, resp.status_code, resp.get_data(as_text=True))
    return resp.get_json()  # type: ignore[no-any-return]


def everything(client) -> dict[str, list]:  # type: ignore[no-untyped-def]
    """Every point of the whole map, zoomed in far enough that no cluster is left."""
    body = get(client, API)
    out = {p[2]: p for p in body["points"]}
    assert body["clusters"], "the demo data is dense enough to cluster at full view"
    return out


def test_points_come_from_coordinates_else_territory_centre(app) -> None:  # type: ignore[no-untyped-def]
    points = actor_points(app.extensions["alliances"].store)
    row = {ident: i for i, ident in enumerate(points.ids)}
    lille = row["lille-asso"]
    assert (points.lat[lille], points.long[lille]) == (50.6366, 3.0635)
    assert points.precision[lille] == 0 and points.departement[lille] == "59"
    somme = row["sans-coordonnees"]  # no coordinates: the centre of the Somme
    assert 49.5 < points.lat[somme] < 50.3 and 1.5 < points.long[somme] < 3.2
    assert points.precision[somme] == 3  # PRECISIONS[3] == "departement"
    assert points.names[row["balise"]].startswith("<script>")


def test_whole_map_counts_every_placed_actor_once(client, app) -> None:  # type: ignore[no-untyped-def]
    points = actor_points(app.extensions["alliances"].store)
    body = get(client, API)
    assert body["scope"] == "all" and body["view"] == [0.0, 0.0, *body["size"]]
    assert body["total"] == len(points)
    assert body["outside"] == 1  # Saint-Pierre-et-Miquelon is on no inset
    shown = len(body["points"]) + sum(c[2] for c in body["clusters"])
    assert shown == body["in_view"] == body["total"] - body["outside"]
    assert all(c[2] >= 2 for c in body["clusters"])
    named = [c for c in body["clusters"] if c[3]]
    assert named and all(re.fullmatch(r".+ \(\w{2,3}\)", c[4]) for c in named)


def test_overseas_actor_is_in_its_inset(client) -> None:  # type: ignore[no-untyped-def]
    from webui.pointmap import layout

    body = get(client, API + "?scope=territory&territory=departement:971")
    assert body["total"] == 1 and body["actors"] == 1
    x, y, ident = body["points"][0][:3]
    assert ident == "pointe-a-pitre"
    box = next(i.box for i in layout()[0] if i.code == "971")
    assert box[0] <= x <= box[0] + box[2] and box[1] <= y <= box[1] + box[3]
    vx, vy, vw, vh = body["view"]  # the view frames the inset, not the whole map
    assert vx <= x <= vx + vw and vy <= y <= vy + vh and vw < body["size"][0] / 2


def test_zooming_in_splits_clusters(client) -> None:  # type: ignore[no-untyped-def]
    full = get(client, API)
    big = max(full["clusters"], key=lambda c: c[2])
    bbox = f"{big[0] - 10},{big[1] - 10},20,20"
    zoomed = get(client, f"{API}?bbox={bbox}")
    assert zoomed["view"] == [round(big[0] - 10, 2), round(big[1] - 10, 2), 20.0, 20.0]
    assert zoomed["in_view"] >= big[2]
    assert len(zoomed["points"]) + len(zoomed["clusters"]) >= 1
    for p in zoomed["points"]:
        assert big[0] - 10 <= p[0] <= big[0] + 10


def test_territory_scope_holds_its_actors_only(client, app) -> None:  # type: ignore[no-untyped-def]
    from graph.queries.pages import pages_index

    body = get(client, API + "?scope=territory&territory=departement:80")
    items = pages_index(app.extensions["alliances"].store).territory("departement", "80")
    actors = {i.ident for i in items if i.kind == "actor"}
    assert body["actors"] == len(actors) and body["total"] == len(actors)
    wide = get(client, API + "?scope=territory&territory=departement:80&bbox=0,0,600,700")
    assert {p[2] for p in wide["points"]} <= actors
    assert body["view"][2] < body["size"][0]  # zoomed on the Somme


def test_search_scope_is_the_actor_hits(client) -> None:  # type: ignore[no-untyped-def]
    body = get(client, API + "?scope=search&q=eau&bbox=0,0,600,700")
    hits = get(client, "/api/search?q=eau&kind=actor&limit=100")
    ids = {h["id"] for h in hits["results"]}
    assert body["matches"] == hits["total"] and body["total"] <= len(ids)
    assert {p[2] for p in body["points"]} <= ids
    none = get(client, API + "?scope=search&q=eau&kind=alliance")
    assert none["total"] == 0 and none["points"] == [] and none["clusters"] == []


@pytest.mark.parametrize(
    ("query", "status", "french"),
    [
        ("?bbox=1,2,3", 400, "bbox doit être quatre nombres"),
        ("?bbox=1,2,nan,4", 400, "bbox doit être quatre nombres"),
        ("?scope=partout", 400, "scope doit valoir all, territory ou search"),
        ("?scope=territory&territory=departement:999", 404, "Il n’existe pas de territoire"),
        ("?scope=territory", 404, "Il n’existe pas de territoire"),
    ],
)
def test_bad_requests_are_clear_json_errors(client, query: str, status: int, french: str) -> None:  # type: ignore[no-untyped-def]
    body = get(client, API + query, status)
    assert set(body) >= {"error", "message", "message_fr"}
    assert body["message_fr"].startswith(french), body


def test_names_travel_as_json_text(client) -> None:  # type: ignore[no-untyped-def]
    from webui.pointmap import project

    x, y = project(np.array([48.835]), np.array([2.24]))
    url = f"{API}?bbox={x[0] - 0.5:.2f},{y[0] - 0.5:.2f},4,4"  # Paris, zoomed in fully
    assert client.get(url).mimetype == "application/json"  # data, never markup
    names = {p[3] for p in get(client, url)["points"]}
    assert "<script>alert(1)</script> & Cie" in names


def test_pages_carry_the_map(client) -> None:  # type: ignore[no-untyped-def]
    home = html(client, "/")
    assert 'class="pointmap"' in home and 'data-src="/api/map/actors?scope=all"' in home
    assert home.count("<path ") >= 96 + 5  # the départements and the five insets
    for name in ("Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"):
        assert f">{name}</text>" in home
    assert "Liste des lieux de la carte" in home and "Contours : IGN Admin Express" in home
    somme = html(client, "/territoire/departement/80")
    assert "scope=territory&amp;territory=departement:80" in somme
    search = html(client, "/recherche?q=eau&facet=sdg%3D6")
    assert "scope=search&amp;q=eau" in search and "facet=sdg%3D6" in search
    assert 'class="pointmap"' not in html(client, "/recherche?q=eau&kind=alliance")
    assert not re.search(r"<script(?![^>]*\bsrc=)", home)


def test_projection_puts_places_where_expected() -> None:
    from webui.pointmap import project, size

    lat = np.array([50.6366, 43.2965, 48.3904, 16.2411, -21.1151, 46.7811])
    long = np.array([3.0635, 5.3698, -4.4861, -61.5331, 55.5364, -56.1764])
    x, y = project(lat, long)
    lille, marseille, brest = (x[0], y[0]), (x[1], y[1]), (x[2], y[2])
    assert lille[1] < brest[1] < marseille[1]  # north to south
    assert brest[0] < lille[0] < marseille[0]  # west to east
    width, height = size()
    assert all(0 < v < width for v in x[:5]) and all(0 < v < height for v in y[:5])
    assert y[3] > marseille[1] and y[4] > marseille[1]  # the insets lie below the mainland
    assert np.isnan(x[5]) and np.isnan(y[5])
