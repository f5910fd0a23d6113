"""JSON API of the full-text search: `GET /api/search` and `GET /api/suggest` (docs/search.md).

Any `q` gives results or an empty answer; malformed filters (an unknown facet, a page that is not
a number) are 400 errors in the application's JSON shape, answered by `webui.errors`.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from graph.places import context_of, resolve_place, typed_text
from graph.reference import parse_territory, territories
from search import SearchIndex, parse_facet_args
from search.errors import SearchError

from .i18n import current_lang
from .instance import Instance
from .sources import annotate_hits

bp = Blueprint("search_api", __name__, url_prefix="/api")

EXTENSION = "search"


def index_of(instance: Instance) -> SearchIndex:
    """The search index attached to an instance."""
    return instance.extensions[EXTENSION]  # type: ignore[no-any-return]


def init_app(app: Flask) -> None:
    """Register the search API (the index is attached when the instance opens)."""
    index_of(app.extensions["alliances"])
    app.register_blueprint(bp)


def _int(name: str, default: int) -> int:
    value = request.args.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise SearchError(
            f"{name} must be an integer", message_fr=f"{name} doit être un entier"
        ) from exc


@bp.get("/search")
def search() -> Response:
    """Search: `q`, `kind` (repeatable), `facet=NAME=VALUE` (repeatable), `page`, `limit`."""
    index = index_of(current_app.extensions["alliances"])
    response = index.search(
        request.args.get("q", ""),
        kind=request.args.getlist("kind") or None,
        facets=parse_facet_args(request.args.getlist("facet")),
        page=_int("page", 1),
        limit=_int("limit", 10),
    )
    answer = response.to_dict()
    annotate_hits(current_app.extensions["alliances"].store, answer["results"], current_lang())
    return jsonify(answer)


@bp.get("/suggest")
def suggest() -> Response:
    """Names completing `q` as typed: `{"query", "suggestions": [{id, iri, kind, label}]}`;
    `kind` (repeatable) keeps only those kinds, e.g. `kind=territory` for a place field.

    With `kind=territory` alone, the places `graph.places.resolve_place` reads in `q` come first
    (postal codes, INSEE codes, names with or without accents, « Lyon 3e »…), then the index's
    completions; each territory suggestion also has `level`, `context` (its département and
    région, e.g. « Rhône, Auvergne-Rhône-Alpes ») and `text`, what to put in the field
    (« Saint-Denis (93) »: read back as that very place, without showing a code)."""
    index = index_of(current_app.extensions["alliances"])
    q = request.args.get("q", "")
    kinds = request.args.getlist("kind") or None
    limit = _int("limit", 8)
    completions = [c.to_dict() for c in index.suggest(q, limit=limit, kinds=kinds)]
    if kinds == ["territory"]:
        completions = place_suggestions(q, completions, limit)
    return jsonify({"query": q[:200], "suggestions": completions})


def place_suggestions(
    q: str, completions: list[dict[str, Any]], limit: int
) -> list[dict[str, Any]]:
    """Places read in `q`, then the index's territory completions, without repeats."""
    out: dict[str, dict[str, Any]] = {}
    for m in resolve_place(q, limit=max(1, min(limit, 50))).matches:
        d = m.to_dict()
        out[d["id"]] = {"id": d["id"], "iri": d["iri"], "kind": "territory", "label": d["name"],
                        "text": d["text"], "level": d["level"],
                        "context": d["context"]}  # fmt: skip
    for c in completions:
        key = parse_territory(c["id"])
        t = territories().get(key) if key else None
        if c["id"] not in out and t is not None:
            out[c["id"]] = {**c, "text": typed_text(t), "level": t.level, "context": context_of(t)}
    return list(out.values())[: max(1, min(limit, 50))]
