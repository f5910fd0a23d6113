"""Territory pages (région, département, intercommunality, commune) and the map of France by
département, drawn server-side as inline SVG.

The contours (data/geo, « Contours : IGN Admin Express, via france-geojson, Licence Ouverte ») are
projected once (equirectangular, longitudes scaled by cos 46.5°) and the SVG paths cached; each
request only colours them by count. No JavaScript.
"""

from __future__ import annotations

import json
import math
import unicodedata
import weakref
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flask import Blueprint, Flask, render_template, url_for
from markupsafe import Markup

import data
from graph.errors import NotFound
from graph.queries.pages import Item, PagesIndex, pages_index
from graph.reference import (
    EPCI_NATURES,
    Territory,
    epci_departements,
    epci_members,
    territories,
    territory_chain,
)

from .app_context import get_instance
from .i18n import N_, _, both, current_lang, format_number, pick
from .sources import of_vocabulary

TERRITORY_SOURCE = "vocabulary-territories"

WIDTH = 600.0
#: Upper bounds (inclusive) of the colour classes of actors + alliances, and their colours.
CLASSES = ((0, "#e8e8e8"), (1, "#cacafb"), (4, "#8b8bf0"), (9, "#4646d8"), (math.inf, "#000091"))
LIMIT = 200

bp = Blueprint("geo_pages", __name__)


@dataclass(frozen=True)
class Shape:
    """One département: code, name and SVG path in map units."""

    code: str
    name: str
    d: str


@dataclass
class MapCell:
    """A département of the map with its counts and colour."""

    code: str
    name: str
    d: str
    actors: int
    alliances: int
    fill: str

    @property
    def total(self) -> int:
        """Actors + alliances."""
        return self.actors + self.alliances


def _geojson_path() -> Path:
    return Path(data.__file__).parent / "geo" / "departements-version-simplifiee.geojson"


@dataclass(frozen=True)
class Projection:
    """Equirectangular projection of WGS84 degrees to map units (1 unit ≈ 1 px at full width):
    x = (long · k − x0) · scale + margin, y = (y1 − lat) · scale + margin."""

    k: float
    x0: float
    y1: float
    scale: float
    margin: float = 5.0

    def x(self, long: float) -> float:
        """Map x of a longitude (works on numpy arrays too)."""
        return (long * self.k - self.x0) * self.scale + self.margin

    def y(self, lat: float) -> float:
        """Map y of a latitude (works on numpy arrays too)."""
        return (self.y1 - lat) * self.scale + self.margin


def rings_of(geom: dict) -> list[list[list[float]]]:
    """The rings of a GeoJSON Polygon or MultiPolygon (outer and holes alike)."""
    if geom["type"] == "Polygon":
        return list(geom["coordinates"])
    return [ring for poly in geom["coordinates"] for ring in poly]


def fit(
    rings: list[list[list[float]]], width: float, height: float | None = None, margin: float = 5.0
) -> tuple[Projection, float]:
    """The projection fitting `rings` in `width` (and `height`, if given) map units, longitudes
    scaled by cos of the mean latitude; and the height the rings then take (margins included)."""
    lats = [lat for r in rings for _, lat in r]
    k = math.cos(math.radians((min(lats) + max(lats)) / 2))
    xs = [lon * k for r in rings for lon, _ in r]
    x0, x1, y0, y1 = min(xs), max(xs), min(lats), max(lats)
    scale = (width - 2 * margin) / (x1 - x0)
    if height is not None:
        scale = min(scale, (height - 2 * margin) / (y1 - y0))
    return Projection(k, x0, y1, scale, margin), (y1 - y0) * scale + 2 * margin


def path_of(rings: list[list[list[float]]], p: Projection) -> str:
    """The SVG path of `rings` under `p`, points thinned to 1 map unit."""
    parts = []
    for ring in rings:
        pts = _thin([(round(p.x(lon)), round(p.y(lat))) for lon, lat in ring])
        if len(pts) >= 3:
            parts.append(_relative(pts))
    return "".join(parts)


@cache
def metropole() -> tuple[tuple[tuple[str, str, list[list[list[float]]]], ...], Projection, float]:
    """The metropolitan départements (code, name, rings), their projection and the map height."""
    with open(_geojson_path(), encoding="utf-8") as f:
        features = json.load(f)["features"]
    rings = tuple(
        (f["properties"]["code"], f["properties"]["nom"], rings_of(f["geometry"])) for f in features
    )
    everything = [r for _, _, rs in rings for r in rs]
    lats = [lat for r in everything for _, lat in r]
    # the projection the map has always used: cos 46.5° (the middle of metropolitan France)
    k = math.cos(math.radians(46.5))
    xs = [lon * k for r in everything for lon, _ in r]
    scale = (WIDTH - 10) / (max(xs) - min(xs))
    proj = Projection(k, min(xs), max(lats), scale)
    return rings, proj, round((max(lats) - min(lats)) * scale + 10, 1)


@cache
def shapes() -> tuple[tuple[Shape, ...], float]:
    """The projected département paths and the map height (width is `WIDTH`)."""
    rings, proj, height = metropole()
    out = [Shape(code, name, path_of(rs, proj)) for code, name, rs in rings]
    return tuple(sorted(out, key=lambda s: s.code)), height


def _thin(pts: list[tuple[int, int]], tol: int = 1) -> list[tuple[int, int]]:
    """Drop the points within `tol` map units of the previous kept point (1 unit ≈ 1 px)."""
    out = pts[:1]
    for x, y in pts[1:]:
        if abs(x - out[-1][0]) > tol or abs(y - out[-1][1]) > tol:
            out.append((x, y))
    return out


def _relative(pts: list[tuple[int, int]]) -> str:
    """A closed SVG subpath in relative coordinates (shorter than absolute ones)."""
    (x, y), rest = pts[0], pts[1:]
    steps = []
    for nx, ny in rest:
        steps.append(f"{nx - x} {ny - y}")
        x, y = nx, ny
    return f"M{pts[0][0]} {pts[0][1]}l" + " ".join(steps) + "z"


def colour(total: int) -> str:
    """The fill of a département with `total` actors + alliances."""
    for bound, fill in CLASSES:
        if total <= bound:
            return fill
    return CLASSES[-1][1]


def legend() -> list[tuple[str, str]]:
    """(range label, colour) of each class."""
    out, low = [], 0
    for bound, fill in CLASSES:
        if bound == math.inf:
            out.append((f"≥ {low}", fill))
        else:
            out.append((str(low) if low == bound else f"{low}–{bound}", fill))
            low = int(bound) + 1
    return out


def map_cells(index: PagesIndex) -> list[MapCell]:
    """Every département of the map with its counts."""
    cells = []
    for s in shapes()[0]:
        n = index.counts("departement", s.code)
        cells.append(
            MapCell(
                s.code, s.name, s.d, n["actor"], n["alliance"], colour(n["actor"] + n["alliance"])
            )
        )
    return cells


def map_context() -> dict[str, object]:
    """What `_map.html` needs."""
    index = pages_index(get_instance().store)
    return {
        "cells": map_cells(index),
        "map_height": shapes()[1],
        "map_width": WIDTH,
        "legend": legend(),
    }


_RENDERED: weakref.WeakKeyDictionary[object, dict[tuple[int, str], Markup]] = (
    weakref.WeakKeyDictionary()
)


def map_html() -> Markup:
    """The rendered map section (`_map.html`), cached per store, graph version and language."""
    store = get_instance().store
    key = (store.version, current_lang())
    per_store = _RENDERED.get(store)
    if per_store is None or any(k[0] != key[0] for k in list(per_store)):
        per_store = _RENDERED[store] = {}
    html = per_store.get(key)
    if html is None:
        html = per_store[key] = Markup(render_template("_map.html", **map_context()))
    return html


def split(items: list[Item]) -> dict[str, list[Item]]:
    """Items by kind."""
    return {kind: [i for i in items if i.kind == kind] for kind in ("alliance", "actor")}


def _plain(name: str) -> str:
    """`name` without accents, case-folded (sort key: « Île-de-France » among the I's)."""
    return "".join(
        c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)
    ).casefold()


@cache
def _children() -> dict[tuple[str, str], tuple[Territory, ...]]:
    """The territories directly below each territory (régions under the key ("", "")), by code."""
    out: dict[tuple[str, str], list[Territory]] = {}
    for t in territories().values():
        out.setdefault(t.parent or ("", ""), []).append(t)
    return {k: tuple(sorted(v, key=lambda t: t.code)) for k, v in out.items()}


Counted = list[tuple[Territory, dict[str, int]]]


@cache
def _epcis_of_departement() -> dict[str, tuple[Territory, ...]]:
    """The intercommunalities having communes in each département, by name."""
    out: dict[str, list[Territory]] = {}
    for t in territories().values():
        if t.level == "epci":
            for dep in epci_departements(t.code):
                out.setdefault(dep, []).append(t)
    return {k: tuple(sorted(v, key=lambda t: _plain(t.name))) for k, v in out.items()}


def children(level: str, code: str, index: PagesIndex) -> list[tuple[str, Counted]]:
    """Groups (heading, territories with counts) listed under a territory, in the page's language.

    A région lists all its départements; a département its intercommunalities (all) and the
    communes that have something; an intercommunality all its member communes (those with
    something first, then by name); a commune nothing.
    """

    def counted(ts: tuple[Territory, ...], keep_empty: bool) -> Counted:
        out = []
        for t in ts:
            n = index.counts(t.level, t.code)
            if keep_empty or n["actor"] or n["alliance"]:
                out.append((t, n))
        return out

    if level == "region":
        return [(_("Départements"), counted(_children().get((level, code), ()), True))]
    if level == "departement":
        communes = tuple(t for t in _children().get((level, code), ()) if t.level == "commune")
        groups = [(_("Intercommunalities"), counted(_epcis_of_departement().get(code, ()), True)),
                  (_("Municipalities where actors or alliances are located"),
                   counted(communes, False))]  # fmt: skip
        return [(heading, items) for heading, items in groups if items]
    if level == "epci":  # the communes where something is located first
        members = counted(epci_members(code), True)
        members.sort(key=lambda tn: -(tn[1]["actor"] + tn[1]["alliance"]))
        return [(_("Member municipalities"), members)]
    return []


def details(t: Territory) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(label, plain value, links (name, URL)) shown under a territory's name: an
    intercommunality's nature, SIREN and départements; a commune's intercommunalities and postal
    codes; the population municipale (INSEE, in force in 2026)."""
    table = territories()
    out: list[tuple[str, str, list[tuple[str, str]]]] = []
    if t.level == "epci":
        nature = EPCI_NATURES.get(t.nature, (t.nature, t.nature))
        out.append((_("Kind"), pick(*nature), []))
        out.append((_("SIREN"), t.code, []))
        deps = [table[("departement", d)] for d in epci_departements(t.code)]
        out.append((_("Départements"), "", [(d.name, _url(d)) for d in deps]))
    if t.level == "commune":
        groups = [table[("epci", s)] for s in (t.ept, t.epci) if s and ("epci", s) in table]
        if groups:
            out.append((_("Intercommunality"), "", [(g.name, _url(g)) for g in groups]))
        if t.postal_codes:
            out.append((_("Postal codes"), ", ".join(t.postal_codes), []))
    if t.population is not None:
        out.append((_("Municipal population"), format_number(t.population), []))
    return out


def _url(t: Territory) -> str:
    return url_for("pages.territory_page", level=t.level, code=t.code)


@bp.route("/territoires")
def territories_page() -> str:
    """The map of France and the list of régions with counts."""
    index = pages_index(get_instance().store)
    regions = sorted(
        (t for t in _children().get(("", ""), ()) if t.level == "region"),
        key=lambda t: _plain(t.name),
    )
    return render_template(
        "territories.html",
        regions=[(r, index.counts("region", r.code)) for r in regions],
        map_html=map_html(),
    )


def territory_page(level: str, code: str) -> str:
    """Name, chain, sub-territories, actors and alliances located in the territory or below."""
    if (level, code) not in territories():
        raise NotFound(**both(N_("There is no territory with the code « %(code)s »."), code=code))
    index = pages_index(get_instance().store)
    chain = territory_chain(level, code)
    items = split(index.territory(level, code))
    return render_template(
        "territory.html",
        territory=chain[0],
        chain=list(reversed(chain[1:])),
        items=items,
        limit=LIMIT,
        counts=index.counts(level, code),
        children=children(level, code, index),
        details=details(chain[0]),
        record_sources=of_vocabulary(get_instance().store, TERRITORY_SOURCE),
        map_src=url_for("map_api.map_actors", scope="territory", territory=f"{level}:{code}"),
    )


def init_app(app: Flask) -> None:
    """Register /territoires."""
    app.register_blueprint(bp)
