"""The assembled application core: store, search index and analytics of one instance folder.

This is where the pieces are wired together (DESIGN §1): the store announces each new version to
listeners registered here, so the search index is updated in the same operation as every write.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.bundled import load_bundled
from graph.store import Store, open_store
from graph.vocabularies import load_vocabularies
from search import SearchIndex

from . import settings as settings_mod

Progress = Callable[[str], None]


class Instance:
    """One instance folder opened: its store and the caches derived from it."""

    def __init__(
        self, config: dict[str, Any], store: Store | None = None, progress: Progress | None = None
    ) -> None:
        self.config = config
        self.home = Path(config["HOME"])
        self.base: str = config["BASE_IRI"]
        self.store: Store = store or open_store(config, self.home)
        self.extensions: dict[str, Any] = {}
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
        """Open the instance named by the settings."""
        return cls(settings_mod.load(overrides), progress=progress)

    @property
    def exists(self) -> bool:
        """Whether `init` has run (the vocabularies are loaded)."""
        return any(g.source == "vocabulary-ontology" for g in self.store.graphs())

    def init(
        self, *, demo: bool = True, real: bool | None = None, progress: Progress | None = None
    ) -> None:
        """Load the vocabularies, the real datasets (CIS 2019, France services, « Petites villes
        de demain », digital-inclusion places) and, unless `demo` is false, the fictional demo."""
        load_vocabularies(
            self.store, progress=progress and (lambda s: progress(f"vocabulaire {s}"))
        )
        if real is None:
            real = bool(self.config.get("REAL_DATA", True))
        load_bundled(self.store, self.base, progress=progress, demo=demo, real=real)
        if not self._search_attached:
            self.extensions["search"].attach()
            self._search_attached = True

    def close(self) -> None:
        """Close the store and the index."""
        for ext in self.extensions.values():
            close = getattr(ext, "close", None)
            if close:
                close()
        self.store.close()
