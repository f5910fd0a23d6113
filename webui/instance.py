"""The assembled application core: store, search index and analytics of one instance folder.

This is where the pieces are wired together (DESIGN §1): the store announces each new version to
listeners registered here, so the search index is updated in the same operation as every write,
and then the readers' snapshot is published (embedded store), in that order: a web worker that
moves to version N finds the index already at N.

An instance is opened in one of two roles:

- the **writer** (`Instance.open`, every command that may write, and the app of the tests): the
  store read-write, the search index updated on every write (and rebuilt if stale);
- a **reader** (`Instance.reader`, each web worker of `alliances serve`): the store opened with
  `open_reader` (read-only snapshots of the embedded store; the server itself for a remote
  store), the search index followed read-only. `follow()` (called by a background thread)
  moves both to what the writer published, and the caches keyed by the graph version
  (graph/analytics/cache.py and the pages' caches) rebuild themselves for the new version.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from graph.bundled import load_bundled
from graph.store import Change, Store, open_reader, open_store
from graph.vocabularies import load_vocabularies
from search import SearchIndex

from . import settings as settings_mod

Progress = Callable[[str], None]


class Instance:
    """One instance folder opened: its store and the caches derived from it."""

    def __init__(
        self,
        config: dict[str, Any],
        store: Store | None = None,
        progress: Progress | None = None,
        *,
        reader: bool = False,
    ) -> None:
        self.config = config
        self.home = Path(config["HOME"])
        self.base: str = config["BASE_IRI"]
        #: Opened as a reader (web worker): never writes the store or the index.
        self.is_reader = reader
        self.extensions: dict[str, Any] = {}
        self._batch = 0
        if reader:
            self.store: Store = store or open_reader(config, self.home)
            self.extensions["search"] = SearchIndex(
                self.home / "index", self.store, config["SEARCH_BACKEND"], progress
            ).follow()
            return
        self.store = store or open_store(config, self.home)
        # After each write, first the readers' snapshot, then the search index (listeners run
        # in this order): the index that every worker reads is never ahead of the graph they
        # can move to, so a search never lists a resource whose page does not exist yet; it
        # lags the graph for the time of the index update (docs/scaling.md).
        self.store.add_listener(self._publish)
        # The search index follows every write of the store (rebuilt here if stale or damaged).
        # A new instance builds it once, at the end of `init`: feeding it write by write while
        # init loads ~20,000 resources costs minutes (bench/realdata.py).
        search = SearchIndex(self.home / "index", self.store, config["SEARCH_BACKEND"], progress)
        self._search_attached = self.exists
        self.extensions["search"] = search.attach() if self._search_attached else search

    @classmethod
    def open(
        cls, overrides: dict[str, Any] | None = None, progress: Progress | None = None
    ) -> Instance:
        """Open the instance named by the settings, as its writer."""
        return cls(settings_mod.load(overrides), progress=progress)

    @classmethod
    def reader(cls, config: dict[str, Any]) -> Instance:
        """Open the instance for a process that only reads (a web worker). Raises StoreError
        when the embedded store has no snapshot yet (`alliances serve` makes one first)."""
        return cls(config, reader=True)

    @property
    def exists(self) -> bool:
        """Whether `init` has run (the vocabularies are loaded)."""
        return any(g.source == "vocabulary-ontology" for g in self.store.graphs())

    def init(
        self, *, demo: bool = True, real: bool | None = None, progress: Progress | None = None
    ) -> None:
        """Load the vocabularies, the real datasets (CIS 2019, France services, « Petites villes
        de demain », digital-inclusion places) and, unless `demo` is false, the fictional demo.

        Readers see the result once, at the end; the search index is then built once."""
        if real is None:
            real = bool(self.config.get("REAL_DATA", True))
        with self.batch():
            load_vocabularies(
                self.store, progress=progress and (lambda s: progress(f"vocabulaire {s}"))
            )
            load_bundled(self.store, self.base, progress=progress, demo=demo, real=real)
        if not self._search_attached:
            self.extensions["search"].attach()
            self._search_attached = True

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Publish for readers once at the end of the block rather than after each write."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if self._batch == 0 and not self.is_reader:
                self.store.publish_for_readers()

    def _publish(self, change: Change) -> None:  # noqa: ARG002 - any write
        if self._batch == 0:
            self.store.publish_for_readers()

    def follow(self) -> bool:
        """In a reader: catch up with what the writer published (store, then search index);
        returns whether the graph version changed."""
        moved = self.store.refresh()
        self.extensions["search"].refresh()
        return moved

    def close(self) -> None:
        """Close the store and the index."""
        for ext in self.extensions.values():
            close = getattr(ext, "close", None)
            if close:
                close()
        self.store.close()
