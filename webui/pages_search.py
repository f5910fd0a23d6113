"""The search results page: `/recherche?q=…&kind=…&facet=NAME=VALUE&page=…` (a GET form)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Flask, current_app, render_template, request

from graph.analytics.cache import versioned
from graph.queries.features import ConceptLabel, concept_labels
from graph.reference import territories
from graph.store import Store
from search.errors import SearchError
from search.results import Result, SearchResponse
from search.schema import FACETS, KINDS

from . import pointmap
from .api_search import index_of
from .i18n import _, current_lang, pick, url_without
from .pages_views import href
from .present import kind_label, sdg_goal_name
from .sources import by_source_name

bp = Blueprint("search_pages", __name__)

PAGE_SIZE = 10

#: Facets whose values are codes of a controlled list.
SCHEME_OF = {
    "actor_type": "actor-type",
    "maturity": "maturity",
    "pillar": "pillar",
    "resource_type": "resource-type",
    "tool_kind": "tool-kind",
    "status": "alliance-status",
}


def facet_labels(facets: dict[str, dict[str, int]]) -> dict[tuple[str, str], str]:
    """Display labels of the facet values shown (concept labels, territory names)."""
    inst = current_app.extensions["alliances"]
    out: dict[tuple[str, str], str] = {}
    for name, counts in facets.items():
        scheme = SCHEME_OF.get(name)
        if scheme:
            concepts = versioned(inst.store, _facet_concepts)[scheme]
            labels = {c.code: pick(c.fr, c.en) for c in concepts}
            out.update({(name, v): labels.get(v, v) for v in counts})
        elif name == "sdg":
            out.update({(name, v): sdg_label(v) for v in counts})
        elif name in ("region", "departement", "epci"):
            table = territories()
            for v in counts:
                t = table.get((name, v))
                out[(name, v)] = f"{t.name} ({v})" if t and name != "epci" else (t.name if t else v)
    return out


def _facet_concepts(store: Store) -> dict[str, list[ConceptLabel]]:
    """The concepts of every controlled list a facet shows, by scheme (once per version)."""
    return {
        scheme: list(concept_labels(store, scheme).values()) for scheme in set(SCHEME_OF.values())
    }


def sdg_label(code: str) -> str:
    """« ODD 8 · Travail décent et croissance économique » (the code alone when unknown)."""
    name = sdg_goal_name(code.split(".")[0]) if "." not in code else ""
    return _("SDG %(code)s", code=code) + (f" · {name}" if name else "")


@dataclass
class Chip:
    """An active filter shown above the results; following `href` removes it."""

    label: str
    href: str


def chips(labels: dict[tuple[str, str], str]) -> list[Chip]:
    """The active kind and facet filters of the URL, each with the URL that drops it."""
    out = [
        Chip(kind_label(k), url_without("kind", k))
        for k in request.args.getlist("kind")
        if k in KINDS
    ]
    for arg in request.args.getlist("facet"):
        name, sep, value = arg.partition("=")
        if sep and name in FACETS and name != "kind" and value.strip():
            label = labels.get((name, value.strip())) or (
                sdg_label(value.strip()) if name == "sdg" else value.strip()
            )
            out.append(Chip(label, url_without("facet", arg)))
    return out


def _facet_args() -> tuple[dict[str, list[str]], bool]:
    """Facet filters from the URL; unknown names and malformed values are dropped (flag set)."""
    out: dict[str, list[str]] = {}
    dropped = False
    for arg in request.args.getlist("facet"):
        name, sep, value = arg.partition("=")
        if sep and name in FACETS and name != "kind" and value.strip():
            out.setdefault(name, []).append(value.strip())
        else:
            dropped = True
    return out, dropped


def _page_number() -> int:
    try:
        return max(1, min(int(request.args.get("page", "1")), 1000))
    except ValueError:
        return 1


def run_search() -> tuple[SearchResponse, bool]:
    """Search as the URL asks, ignoring filters that are not understood."""
    index = index_of(current_app.extensions["alliances"])
    kinds = [k for k in request.args.getlist("kind") if k in KINDS]
    facets, dropped = _facet_args()
    dropped = dropped or len(kinds) != len(request.args.getlist("kind"))
    q = request.args.get("q", "")[:200]
    try:
        response = index.search(
            q, kind=kinds or None, facets=facets, page=_page_number(), limit=PAGE_SIZE
        )
    except SearchError:
        response, dropped = index.search(q, page=_page_number(), limit=PAGE_SIZE), True
    return response, dropped


@bp.get("/recherche")
def search_page() -> str:
    """Search results with facets, snippets, a suggestion and pagination."""
    response, dropped = run_search()
    selected = set(request.args.getlist("facet")) | {
        f"kind={k}" for k in request.args.getlist("kind")
    }
    pages = max(1, -(-response.total // PAGE_SIZE))
    labels = facet_labels(response.facets)

    def value_label(name: str, value: str) -> str:
        """The label of a facet value (a kind, an SDG, a concept or a place)."""
        if name == "kind":
            return kind_label(value)
        return labels.get((name, value), value)

    lang = current_lang()
    known = by_source_name(current_app.extensions["alliances"].store)

    def source_line(hit: Result) -> str:
        """« Source : ANCT, Licence Ouverte 2.0, données du 1er août 2024 » for a hit."""
        info = known.get(hit.source)
        return info.line(lang) if info is not None else ""

    map_src = None
    kinds = request.args.getlist("kind")
    if response.facets.get("kind", {}).get("actor") and (not kinds or "actor" in kinds):
        map_src = pointmap.map_src(
            "search",
            q=request.args.get("q", "")[:200],
            kind=kinds,
            facet=request.args.getlist("facet"),
        )
    return render_template(
        "search.html",
        r=response,
        dropped=dropped,
        selected=selected,
        pages=pages,
        q=request.args.get("q", ""),
        href=href,
        source_line=source_line,
        value_label=value_label,
        chips=chips(labels),
        base=current_app.extensions["alliances"].base,
        map_src=map_src,
    )


def init_app(app: Flask) -> None:
    """Register the search page."""
    app.register_blueprint(bp)
