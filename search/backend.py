"""The small interface every full-text backend implements, and the registry of backends by name.

A backend owns one index folder. It indexes `Doc`s, deletes them, answers a `Plan` with hits and
disjunctive facet counts, completes name prefixes, and lists its vocabulary for spelling. It knows
nothing about the graph, versions or folders swapping: `search/index.py` does that. The contract
every backend passes is `tests/test_search_backends.py`.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .query import Plan
from .schema import Doc

#: Filters: facet name → accepted values (values of one facet are OR-ed, facets AND-ed).
Filters = Mapping[str, frozenset[str]]


class IndexCorrupt(Exception):
    """The index folder cannot be opened or read (it will be rebuilt)."""


@dataclass(frozen=True)
class Hit:
    """A matching document as stored, with its score."""

    iri: str
    id: str
    kind: str
    label: str
    label_en: str
    description: str
    score: float
    #: The source graph of the document, and whether that source is fictional (the demo).
    source: str = ""
    fictional: bool = False


@dataclass
class RawPage:
    """One page of hits, the total number of matches and the facet counts."""

    total: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


class Backend(ABC):
    """A full-text index in one folder."""

    name: str = ""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    # -- life cycle ------------------------------------------------------------------------
    @classmethod
    @abstractmethod
    def create(cls, path: Path) -> Backend:
        """A new, empty index in the (empty or missing) folder `path`."""

    @classmethod
    @abstractmethod
    def open(cls, path: Path) -> Backend:
        """The existing index in `path`; raises IndexCorrupt if it cannot be read."""

    @abstractmethod
    def close(self) -> None:
        """Release files and caches."""

    # -- writing ---------------------------------------------------------------------------
    @abstractmethod
    def write(
        self,
        docs: Iterable[Doc] = (),
        *,
        delete: Iterable[str] = (),
        delete_kinds: Iterable[str] = (),
    ) -> int:
        """In one commit: delete every document of `delete_kinds`, add or replace (by IRI) `docs`,
        then delete the documents whose IRI is in `delete` (IRIs not among `docs`). Both
        iterables are consumed lazily, `delete` after `docs`. Returns the documents written."""

    # -- reading ---------------------------------------------------------------------------
    @abstractmethod
    def doc_count(self) -> int:
        """Number of live documents."""

    @abstractmethod
    def check(self) -> None:
        """Read every part of the index a search needs; raises IndexCorrupt on failure."""

    @abstractmethod
    def iris(self, *, source: str | None = None, kind: str | None = None) -> set[str]:
        """IRIs of the documents of a source and/or a kind."""

    @abstractmethod
    def search(
        self, plan: Plan, filters: Filters, *, offset: int, limit: int, facets: Sequence[str]
    ) -> RawPage:
        """Hits of `plan` within `filters`, best first, and for each name in `facets` the counts
        of its values among the matches of `plan` and of the filters on *other* facets."""

    @abstractmethod
    def complete(self, words: Sequence[str], kinds: Sequence[str], limit: int) -> list[Hit]:
        """Documents of `kinds` whose name has words starting with each of the folded `words`
        (the last one a prefix, the others whole words)."""

    @abstractmethod
    def vocabulary(self, prefix: str) -> list[tuple[str, int]]:
        """Folded words of names and descriptions starting with `prefix`, each with the number
        of documents using it in their names plus the number using it in their descriptions."""


#: Backends by setting value: module and class, imported on first use.
BACKENDS: dict[str, tuple[str, str]] = {
    "whoosh": ("search.whoosh_backend", "WhooshBackend"),
    "tantivy": ("search.tantivy_backend", "TantivyBackend"),
}


def backend_class(name: str) -> type[Backend]:
    """The backend class registered as `name`."""
    if name not in BACKENDS:
        raise KeyError(f"unknown search backend {name!r}")
    module, cls = BACKENDS[name]
    return getattr(importlib.import_module(module), cls)  # type: ignore[no-any-return]
