"""The map of actors as points: base layer, projection, grid clustering and its JSON endpoint.

The base layer is drawn on the server from the département contours shipped in data/geo (no tiles,
nothing from outside): metropolitan France in the projection of the map of départements
(`pages_geo.metropole`), and the five overseas départements (Guadeloupe, Martinique, Guyane,
La Réunion, Mayotte) as insets in a strip below it, each fitted to its own box (not to scale).

`GET /api/map/actors` answers the points of a scope (every actor, a territory, or the hits of a
search) clustered on a grid over the requested view, in map units, as compact arrays; the page's
script (static/pointmap.js) draws them as SVG and lists them in a table. Points are projected
once per graph version; a request costs one pass of numpy over the scope (about 10 ms for 100,000
points on this machine, see bench/README.md).
"""

from __future__ import annotations

import json
import math
import weakref
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from flask import Blueprint, Flask, Response, current_app, jsonify, request, url_for
from flask_babel import get_translations
from markupsafe import Markup, escape

import data
from graph.errors import BadRequest, NotFound
from graph.queries.geo import PRECISIONS, ActorPoints, actor_points
from graph.queries.pages import pages_index
from graph.reference import parse_territory, territories
from search.errors import SearchError

from .api_search import index_of
from .app_context import get_instance
from .i18n import N_, both
from .pages_geo import WIDTH, Projection, fit, metropole, path_of, rings_of

#: Height of the strip of overseas insets, and the gap around it (map units).
INSET_HEIGHT = 96.0
GAP = 6.0
#: Order of the insets, left to right.
OVERSEAS = ("971", "972", "973", "974", "976")
#: Degrees around an inset's contours within which a point belongs to it.
INSET_SLACK = 0.6
#: Metropolitan France (with Corsica) in degrees: points outside it and outside the insets are
#: not drawn (Saint-Pierre-et-Miquelon, Polynesia…); they are counted as `outside`.
METRO_BOX = (-5.8, 41.0, 10.0, 51.5)  # west, south, east, north
#: Cells across the view: the grid cell is the view's width / GRID.
GRID = 40
#: Most search hits shown on a search's map (the best ones).
SEARCH_HITS = 1000
#: Smallest view width (map units) one can zoom to.
MIN_VIEW = 4.0


@dataclass(frozen=True)
class Inset:
    """An overseas département drawn in its box: code, name, box and projection (in the box)."""

    code: str
    name: str
    box: tuple[float, float, float, float]  # x, y, width, height
    proj: Projection
    dx: float
    lonlat: tuple[float, float, float, float]  # west, south, east, north (with slack)
    d: str


def _overseas_path() -> Path:
    return Path(data.__file__).parent / "geo" / "departements-outre-mer.geojson"


@cache
def layout() -> tuple[tuple[Inset, ...], float]:
    """The insets and the height of the whole map (width `WIDTH`)."""
    _, _, metro_h = metropole()
    with open(_overseas_path(), encoding="utf-8") as f:
        features = {f["properties"]["code"]: f for f in json.load(f)["features"]}
    width = (WIDTH - 2 * 5 - (len(OVERSEAS) - 1) * GAP) / len(OVERSEAS)
    top = metro_h + GAP
    insets = []
    for i, code in enumerate(OVERSEAS):
        feat = features[code]
        rings = rings_of(feat["geometry"])
        proj, used_h = fit(rings, width, INSET_HEIGHT, margin=6)
        used_w = (max(lon for r in rings for lon, _ in r) * proj.k - proj.x0) * proj.scale + 12
        x = 5 + i * (width + GAP)
        dx = x + (width - used_w) / 2
        dy = top + (INSET_HEIGHT - used_h) / 2
        placed = Projection(
            proj.k, proj.x0 - dx / proj.scale, proj.y1 + dy / proj.scale, proj.scale, proj.margin
        )
        lons = [lon for r in rings for lon, _ in r]
        lats = [lat for r in rings for _, lat in r]
        box = (
            min(lons) - INSET_SLACK,
            min(lats) - INSET_SLACK,
            max(lons) + INSET_SLACK,
            max(lats) + INSET_SLACK,
        )
        insets.append(
            Inset(
                code,
                feat["properties"]["nom"],
                (x, top, width, INSET_HEIGHT),
                placed,
                dx,
                box,
                path_of(rings, placed),
            )
        )
    return tuple(insets), round(top + INSET_HEIGHT + 5, 1)


def project(lat: np.ndarray, long: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Map x, y of WGS84 points (NaN for points neither in metropolitan France nor an inset)."""
    x = np.full(lat.shape, np.nan)
    y = np.full(lat.shape, np.nan)
    west, south, east, north = METRO_BOX
    _, proj, _ = metropole()
    inside = (long >= west) & (long <= east) & (lat >= south) & (lat <= north)
    x[inside], y[inside] = proj.x(long[inside]), proj.y(lat[inside])
    for inset in layout()[0]:
        w, s, e, n = inset.lonlat
        inside = (long >= w) & (long <= e) & (lat >= s) & (lat <= n)
        x[inside], y[inside] = inset.proj.x(long[inside]), inset.proj.y(lat[inside])
    return x, y


@dataclass(eq=False)
class Projected:
    """The actors' points in map units, and each point's département as an index in `deps`."""

    x: np.ndarray
    y: np.ndarray
    dep: np.ndarray
    deps: list[str]


_PROJECTED: weakref.WeakKeyDictionary[ActorPoints, Projected] = weakref.WeakKeyDictionary()


def projected(points: ActorPoints) -> Projected:
    """`points` projected (once per `ActorPoints`, that is once per graph version)."""
    hit = _PROJECTED.get(points)
    if hit is None:
        x, y = project(points.lat, points.long)
        deps = sorted(set(points.departement))
        where = {d: i for i, d in enumerate(deps)}
        dep = np.asarray([where[d] for d in points.departement], dtype=np.int32)
        hit = _PROJECTED[points] = Projected(x, y, dep, deps)
    return hit


@cache
def base_layer() -> Markup:
    """The `<g>` of the contours: metropolitan départements, then each inset's frame, shape and
    name. Cached for the process (it depends on no data)."""
    rings, proj, _ = metropole()
    parts = ['<g class="base" aria-hidden="true">']
    parts += [f'<path d="{path_of(rs, proj)}"/>' for _, _, rs in rings]
    for inset in layout()[0]:
        x, y, w, h = inset.box
        parts.append(
            f'<rect class="inset" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"/>'
        )
        parts.append(f'<path d="{inset.d}"/>')
        parts.append(f'<text x="{x + 3:.1f}" y="{y + 11:.1f}">{escape(inset.name)}</text>')
    parts.append("</g>")
    return Markup("".join(parts))


def size() -> tuple[float, float]:
    """Width and height of the whole map (map units)."""
    return WIDTH, layout()[1]


def _dep_label(code: str) -> str:
    t = territories().get(("departement", code))
    return f"{t.name} ({code})" if t else ""


def fit_view(x: np.ndarray, y: np.ndarray) -> list[float]:
    """The view (x, y, width, height) around points `x`, `y` with a margin, at the map's aspect
    ratio; the whole map when there is no point or they spread over most of it."""
    width, height = size()
    ok = np.isfinite(x)
    if not ok.any():
        return [0.0, 0.0, width, height]
    x0, x1 = float(x[ok].min()), float(x[ok].max())
    y0, y1 = float(y[ok].min()), float(y[ok].max())
    w = max((x1 - x0) * 1.25, 80.0)
    h = max((y1 - y0) * 1.25, 80.0 * height / width)
    w, h = max(w, h * width / height), max(h, w * height / width)
    if w >= width * 0.8:
        return [0.0, 0.0, width, height]
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return [round(cx - w / 2, 2), round(cy - h / 2, 2), round(w, 2), round(h, 2)]


def clusters(points: ActorPoints, rows: np.ndarray, view: list[float]) -> dict[str, Any]:
    """The points of `rows` inside `view`, on a grid of GRID cells across: cells holding one
    point give that point ([x, y, id, name, département, precision]), the others a cluster at
    the mean of their points ([x, y, count, département code, département name], the département
    most of them serve)."""
    p = projected(points)
    vx, vy, vw, vh = view
    x, y = p.x[rows], p.y[rows]
    inside = np.isfinite(x) & (x >= vx) & (x <= vx + vw) & (y >= vy) & (y <= vy + vh)
    rows, x, y = rows[inside], x[inside], y[inside]
    out: dict[str, Any] = {"clusters": [], "points": [], "in_view": int(len(rows))}
    if not len(rows):
        return out
    cell = vw / GRID
    key = np.floor((x - vx) / cell).astype(np.int64) * 1_000_003 + np.floor((y - vy) / cell)
    cells, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    inverse = inverse.ravel()
    cx = np.bincount(inverse, weights=x) / counts
    cy = np.bincount(inverse, weights=y) / counts
    dep = p.dep[rows]
    pair = inverse.astype(np.int64) * (len(p.deps) + 1) + dep
    pairs, pair_counts = np.unique(pair, return_counts=True)
    order = np.lexsort((-pair_counts, pairs // (len(p.deps) + 1)))
    first = np.unique(pairs[order] // (len(p.deps) + 1), return_index=True)[1]
    main_dep = (pairs[order][first] % (len(p.deps) + 1)).astype(np.int64)
    single = counts == 1
    first_row = np.full(len(cells), -1, dtype=np.int64)
    first_row[inverse] = rows
    for c in np.flatnonzero(single):
        r = int(first_row[c])
        code = points.departement[r]
        out["points"].append(
            [
                round(float(cx[c]), 2),
                round(float(cy[c]), 2),
                points.ids[r],
                points.names[r],
                _dep_label(code) if code else "",
                PRECISIONS[int(points.precision[r])],
            ]
        )
    for c in np.flatnonzero(~single):
        code = p.deps[int(main_dep[c])]
        out["clusters"].append(
            [
                round(float(cx[c]), 2),
                round(float(cy[c]), 2),
                int(counts[c]),
                code,
                _dep_label(code) if code else "",
            ]
        )
    return out


def _bbox(text: str) -> list[float]:
    """`x,y,width,height` in map units, clamped to the map; a clear 400 when malformed."""
    width, height = size()
    try:
        vals = [float(v) for v in text.split(",")]
        if len(vals) != 4 or not all(math.isfinite(v) for v in vals):
            raise ValueError(text)
    except ValueError as exc:
        raise BadRequest(
            **both(
                N_("bbox must be four numbers x,y,width,height in map units, not « %(value)s »."),
                value=text[:80],
            )
        ) from exc
    x, y, w, h = vals
    w, h = min(max(w, MIN_VIEW), width), min(max(h, MIN_VIEW), height)
    x, y = min(max(x, 0.0), width - w), min(max(y, 0.0), height - h)
    return [round(x, 2), round(y, 2), round(w, 2), round(h, 2)]


def _scope(points: ActorPoints) -> tuple[np.ndarray, dict[str, Any]]:
    """Rows of the requested scope and what the answer says about it."""
    scope = request.args.get("scope", "all")
    if scope == "all":
        return np.arange(len(points), dtype=np.int64), {"scope": "all"}
    if scope == "territory":
        text = request.args.get("territory", "")
        key = parse_territory(text) if text else None
        if key is None or key not in territories():
            raise NotFound(
                **both(N_("There is no territory with the code « %(code)s »."), code=text[:80])
            )
        items = pages_index(get_instance().store).territory(*key)
        rows = points.rows_of(i.iri for i in items if i.kind == "actor")
        return rows, {
            "scope": "territory",
            "territory": f"{key[0]}:{key[1]}",
            "actors": sum(1 for i in items if i.kind == "actor"),
        }
    if scope == "search":
        kinds = request.args.getlist("kind")
        if kinds and "actor" not in kinds:
            return np.zeros(0, dtype=np.int64), {"scope": "search", "matches": 0}
        facets: dict[str, list[str]] = {}
        for arg in request.args.getlist("facet"):
            name, sep, value = arg.partition("=")
            if sep and name != "kind" and value.strip():
                facets.setdefault(name, []).append(value.strip())
        index = index_of(current_app.extensions["alliances"])
        try:
            total, iris = index.best_iris(
                request.args.get("q", "")[:200], kind="actor", facets=facets, limit=SEARCH_HITS
            )
        except SearchError:
            total, iris = 0, []
        return points.rows_of(iris), {"scope": "search", "matches": total, "limit": SEARCH_HITS}
    raise BadRequest(
        **both(N_("scope must be all, territory or search, not « %(value)s »."), value=scope[:40])
    )


bp = Blueprint("map_api", __name__, url_prefix="/api")


@bp.get("/map/actors")
def map_actors() -> Response:
    """Actors as clustered points, in map units (the map is `size` wide and high).

    Query: `scope` = `all` (default), `territory` (with `territory=departement:59`, any level)
    or `search` (with the search page's `q`, `kind`, `facet`: its best `SEARCH_HITS` actor hits);
    `bbox=x,y,width,height` the view (default: around the scope's points). Answer: `size`,
    `view`, `total` (actors of the scope with a point), `in_view`, `outside` (with a point outside
    the map), `clusters` [[x, y, count, département code, name]], `points` [[x, y, id, name,
    département, precision]], plus what the scope reports (`matches` of a search…). 400 for a
    malformed bbox or scope, 404 for an unknown territory.
    """
    points = actor_points(get_instance().store)
    rows, about = _scope(points)
    p = projected(points)
    text = request.args.get("bbox", "").strip()
    view = _bbox(text) if text else fit_view(p.x[rows], p.y[rows])
    body = clusters(points, rows, view)
    body.update(about)
    body.update(
        size=list(size()),
        view=view,
        total=int(len(rows)),
        outside=int((~np.isfinite(p.x[rows])).sum()),
    )
    resp = jsonify(body)
    resp.headers["Cache-Control"] = "no-cache"
    return resp


def plural_pattern(singular: str, plural: str, n: int) -> str:
    """The translation of an ngettext message for `n`, its `%(num)s` turned into `{n}` for the
    map's script (which picks the form with `Intl.PluralRules`). The msgids are ones the
    templates already use, so they are in the catalogue."""
    return str(get_translations().ungettext(singular, plural, n)).replace("%(num)s", "{n}")


def map_src(scope: str = "all", **args: object) -> str:
    """The URL of `map_actors` for a page's map."""
    return url_for("map_api.map_actors", scope=scope, **args)


def init_app(app: Flask) -> None:
    """Register /api/map/actors and the template helpers of the map."""
    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        pointmap_base=base_layer, pointmap_size=size, plural_pattern=plural_pattern
    )
