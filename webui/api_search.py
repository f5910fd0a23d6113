"""JSON API of the full-text search: `GET /api/search` and `GET /api/suggest` (docs/search.md).

Any `q` gives results or an empty answer; malformed filters (an unknown facet, a page that is not
a number) are 400 errors in the application's JSON shape, answered by `webui.errors`.
"""

from __future__ import annotations

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from search import SearchIndex, parse_facet_args
from search.errors import SearchError

from .instance import Instance

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
        raise SearchError(f"{name} must be an integer", message_fr=f"{name} doit être un entier"
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
    return jsonify(response.to_dict())


@bp.get("/suggest")
def suggest() -> Response:
    """Names completing `q` as typed: `{"query", "suggestions": [{id, iri, kind, label}]}`;
    `kind` (repeatable) keeps only those kinds, e.g. `kind=territory` for a place field."""
    index = index_of(current_app.extensions["alliances"])
    q = request.args.get("q", "")
    kinds = request.args.getlist("kind") or None
    completions = index.suggest(q, limit=_int("limit", 8), kinds=kinds)
    return jsonify({"query": q[:200], "suggestions": [c.to_dict() for c in completions]})
