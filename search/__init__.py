"""Full-text search in French over the graph, with facets, kept in step with every write.

`SearchIndex` (search/index.py) is what the application uses; backends (whoosh, tantivy) sit
behind `search.backend.Backend`. See docs/search.md.
"""

from __future__ import annotations

from pathlib import Path

from graph.store import Store

from .index import Progress, SearchIndex
from .results import Completion, Result, SearchResponse, parse_facet_args

__all__ = [
    "Completion",
    "Result",
    "SearchIndex",
    "SearchResponse",
    "open_index",
    "parse_facet_args",
]


def open_index(
    store: Store, folder: Path, backend: str = "whoosh", progress: Progress | None = None
) -> SearchIndex:
    """Open (rebuilding if needed) the index in `folder` and keep it in step with `store`."""
    return SearchIndex(folder, store, backend, progress).attach()
