"""Answering a search from a backend: one page of results with facet counts, highlighted
snippets, the relaxed retry and the spelling suggestion; and completion of names as typed.

Shared by `SearchIndex` (search/index.py) and the benchmark (bench/search.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from . import analysis, query, snippets, spelling
from .backend import Backend, IndexCorrupt, RawPage
from .errors import SearchUnavailable
from .results import MAX_LIMIT, MAX_PAGE, Completion, Result, SearchResponse, make_filters
from .schema import FACETS

#: A spelling suggestion is looked for when a query finds fewer results than this.
SUGGEST_BELOW = 3
#: Kinds listed first by completion (territories come after them).
COMPLETION_GROUPS = (("actor", "alliance", "tool", "sdg"), ("territory",))


def answer(
    backend: Backend,
    text: str,
    *,
    kind: str | Iterable[str] | None = None,
    facets: Mapping[str, Iterable[str]] | None = None,
    page: int = 1,
    limit: int = 10,
) -> SearchResponse:
    """One page of results of `text` on `backend`, with facets, snippets and a suggestion."""
    filters = make_filters(kind, facets)
    page = min(max(1, int(page)), MAX_PAGE)
    limit = min(max(0, int(limit)), MAX_LIMIT)
    plan = query.parse(text)
    raw = _run(backend, plan, filters, page, limit)
    relaxed = False
    if raw.total == 0 and len(plan.must) > 1:
        plan, relaxed = plan.relaxed(), True
        raw = _run(backend, plan, filters, page, limit)
    suggestion = None
    if (raw.total < SUGGEST_BELOW or relaxed) and plan.must:
        suggestion = _suggestion(backend, plan, filters, raw.total)
    terms = plan.highlight
    results = [
        Result(
            h.id,
            h.iri,
            h.kind,
            h.label,
            round(h.score, 4),
            snippets.snippet(h.description or h.label, terms),
            h.label_en,
            h.source,
            h.fictional,
        )
        for h in raw.hits
    ]
    return SearchResponse(
        query=plan.text,
        total=raw.total,
        page=page,
        limit=limit,
        results=results,
        facets={
            name: dict(sorted(raw.facets.get(name, {}).items(), key=lambda kv: (-kv[1], kv[0])))
            for name in FACETS
        },
        suggestion=suggestion,
        relaxed=relaxed,
        filters={k: sorted(v) for k, v in filters.items()},
    )


def best_iris(
    backend: Backend,
    text: str,
    *,
    kind: str | Iterable[str] | None = None,
    facets: Mapping[str, Iterable[str]] | None = None,
    limit: int = 1000,
) -> tuple[int, list[str]]:
    """(number of matches, IRIs of the best `limit` of them) of `text` within the filters.

    The same matches as `answer` (including its relaxed retry), without facets or snippets: what
    the map of a search shows.
    """
    filters = make_filters(kind, facets)
    plan = query.parse(text)
    raw = _run(backend, plan, filters, 1, max(0, int(limit)), facets=())
    if raw.total == 0 and len(plan.must) > 1:
        raw = _run(backend, plan.relaxed(), filters, 1, max(0, int(limit)), facets=())
    return raw.total, [h.iri for h in raw.hits]


def _run(
    backend: Backend,
    plan: query.Plan,
    filters: Mapping[str, frozenset[str]],
    page: int,
    limit: int,
    facets: tuple[str, ...] = FACETS,
) -> RawPage:
    try:
        return backend.search(plan, filters, offset=(page - 1) * limit, limit=limit, facets=facets)
    except IndexCorrupt as exc:
        raise SearchUnavailable(str(exc), message_fr="index de recherche illisible") from exc


def _suggestion(
    backend: Backend, plan: query.Plan, filters: Mapping[str, frozenset[str]], total: int
) -> str | None:
    """The query with misspelt words corrected, if it finds more than the original."""
    text = plan.text
    changed = False
    for clause in plan.must:
        for word in clause.words:
            fixed = spelling.correct(word, backend.vocabulary)
            if fixed:
                text, changed = _replace_word(text, word, fixed), True
    if not changed:
        return None
    found = _run(backend, query.parse(text), filters, 1, 0, facets=()).total
    return text if found > total or (found and plan.any) else None


def complete(
    backend: Backend, text: str, limit: int = 8, kinds: Sequence[str] | None = None
) -> list[Completion]:
    """Names completing `text` as typed: actors, alliances, tools and SDGs before territories
    (or only `kinds`), names starting with the typed words first, then shorter names."""
    words = [
        analysis.fold(t.text) for t in analysis.tokens(query.cap(text)) if analysis.is_word(t.text)
    ][-6:]
    words = [w for w in words if w]
    limit = min(max(1, int(limit)), 50)
    if not words:
        return []
    typed = " ".join(words)
    out: list[Completion] = []
    groups = [tuple(k for k in group if kinds is None or k in kinds) for group in COMPLETION_GROUPS]
    for group in groups:
        if not group:
            continue
        hits = backend.complete(words, group, limit=max(50, limit))
        hits.sort(
            key=lambda h: (not analysis.exact_key(h.label).startswith(typed), len(h.label), h.label)
        )
        out += [Completion(h.id, h.iri, h.kind, h.label) for h in hits]
        if len(out) >= limit:
            break
    return out[:limit]


def _replace_word(text: str, word: str, fixed: str) -> str:
    """Replace the first token of `text` whose folded form is `word`."""
    for t in analysis.tokens(text):
        if analysis.fold(t.text) == word:
            return text[: t.start] + fixed + text[t.end :]
    return text
