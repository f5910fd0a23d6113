"""The search index of an instance: kept in step with the graph, rebuilt when it cannot be trusted.

- `open()` (at start-up) trusts the live generation only if it opens, passes `Backend.check`, is
  `clean`, was built by the configured backend with the current schema, holds the number of
  documents its stamp says, and reflects the store's current version. Otherwise it rebuilds.
- `on_change` is registered as a store listener: after each committed write it reindexes what the
  write touched (the resources of the source, or whole kinds for a vocabulary) and moves the stamp
  to the new version. The stamp says `writing` while the update runs, so a crash is detected.
- `rebuild()` builds a new generation in a new folder while searches use the live one, then
  switches the pointer atomically. Writes (updates and rebuilds) hold one lock, in-process and
  on disk; searches take no lock.
- `follow()` opens the index in a process that never writes it (a web worker): no lock, no
  rebuild, a stale stamp accepted (the writing process brings it up to date), and `refresh()`
  moves to a new generation when a rebuild switched the pointer. Updates within a generation
  are seen by the backends themselves (whoosh searchers and tantivy readers reload on commit).
  So one index on disk serves every worker: building it per worker would cost each of them
  the build (108 s with whoosh at 100,000 actors, bench/README.md) and its disk space.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from rdflib import URIRef

from graph.store import Change, Store

from . import generations
from .answers import answer, best_iris, complete
from .backend import Backend, IndexCorrupt, backend_class
from .documents import VOCABULARY_KINDS, Documents
from .errors import SearchUnavailable
from .generations import BadStamp, Stamp
from .results import Completion, SearchResponse
from .schema import KINDS, SCHEMA_VERSION, Doc

log = logging.getLogger(__name__)

Progress = Callable[[str], None]

#: Progress is reported every this many documents during a rebuild.
PROGRESS_EVERY = 10_000
_KIND_FR = {
    "actor": "acteurs",
    "alliance": "alliances",
    "tool": "outils",
    "sdg": "ODD",
    "territory": "territoires",
}


class SearchIndex:
    """The full-text index of one instance folder, fed from its store."""

    def __init__(
        self, root: Path, store: Store, backend: str = "whoosh", progress: Progress | None = None
    ) -> None:
        self.root = Path(root)
        self.store = store
        self.backend_name = backend
        self.backend_cls = backend_class(backend)
        self.progress = progress
        self.documents = Documents(store)
        self._lock = threading.RLock()
        self._live: Backend | None = None
        self._retired: Backend | None = None
        self._generation: str | None = None
        self._stamp: Stamp | None = None
        self._ahead: set[int] = set()
        self._held = False
        #: Opened by `follow()`: this process never writes the index.
        self.read_only = False
        #: Why the last `open()` rebuilt (None when the index was trusted).
        self.rebuilt_because: str | None = None

    # -- life cycle ------------------------------------------------------------------------
    def open(self) -> SearchIndex:
        """Open the live generation, rebuilding it when missing, stale or damaged."""
        self.root.mkdir(parents=True, exist_ok=True)
        with self._writing():
            problem = self._load()
            self.rebuilt_because = problem
            if problem is not None:
                if self.progress is None:
                    log.warning("search index %s: rebuilding", problem)
                self._say(f"index de recherche {problem} : reconstruction…")
                self._rebuild()
        return self

    def attach(self) -> SearchIndex:
        """Open, and follow every write of the store from now on."""
        self.open()
        self.store.add_listener(self.on_change)
        return self

    def follow(self) -> SearchIndex:
        """Open the live generation for reading only (see the module's doc); searches raise
        SearchUnavailable until a usable generation exists."""
        self.read_only = True
        with self._lock:
            problem = self._load(reader=True)
        if problem is not None:
            log.warning("search index %s: waiting for the writer to build it", problem)
        return self

    def refresh(self) -> bool:
        """In a reading process: move to the live generation if a rebuild replaced the one in
        use; returns whether it moved. The replaced one is closed at the next move."""
        if not self.read_only:
            return False
        name = generations.read_pointer(self.root)
        if name is None or name == self._generation:
            return False
        with self._lock:
            old = self._live
            previous = self._retired
            if self._load(reader=True) is not None:
                return False
            if previous is not None:
                previous.close()
            self._retired = old
        log.info("search index: now generation %s", self._generation)
        return True

    def close(self) -> None:
        """Close the backend."""
        with self._lock:
            for b in (self._live, self._retired):
                if b is not None:
                    b.close()
            self._live = self._retired = None

    @property
    def stamp(self) -> Stamp | None:
        """The live generation's stamp (read again from disk in a reading process, where the
        writer moves it)."""
        if self.read_only and self._generation is not None:
            try:
                return generations.read_stamp(self.root / self._generation)
            except BadStamp:
                return self._stamp
        return self._stamp

    @property
    def path(self) -> Path | None:
        """Folder of the live generation."""
        return self.root / self._generation if self._generation else None

    def _load(self, *, reader: bool = False) -> str | None:
        """Adopt the live generation; returns why it cannot be trusted, or None. A `reader`
        accepts a generation being updated or behind the store (its writer catches up)."""
        name = generations.read_pointer(self.root)
        if name is None:
            return "absent"
        folder = self.root / name
        try:
            stamp = generations.read_stamp(folder)
        except BadStamp:
            return "endommagé (tampon illisible)"
        if stamp.backend != self.backend_name or stamp.schema != SCHEMA_VERSION:
            return "d'un autre format"
        if stamp.state != "clean" and not reader:
            return "interrompu pendant une écriture"
        backend: Backend | None = None
        try:
            backend = self.backend_cls.open(folder)
            backend.check()
            docs = backend.doc_count()
        except IndexCorrupt as exc:
            log.info("%s", exc)
            if backend is not None:
                backend.close()
            return "endommagé"
        if docs != stamp.docs and not reader:
            backend.close()
            return "endommagé (nombre de documents)"
        if stamp.graph_version != self.store.version and not reader:
            backend.close()
            return f"périmé (graphe v{stamp.graph_version}, stock v{self.store.version})"
        self._live, self._generation, self._stamp = backend, name, stamp
        return None

    # -- writing ---------------------------------------------------------------------------
    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the writer lock: in-process, then on the folder (once, however nested)."""
        with self._lock:
            if self._held:
                yield
                return
            with generations.file_lock(self.root):
                self._held = True
                try:
                    yield
                finally:
                    self._held = False

    def rebuild(self) -> int:
        """Build a new generation from the whole graph and make it live; returns its size."""
        with self._writing():
            return self._rebuild()

    def _rebuild(self) -> int:
        version = self.store.version
        name = generations.next_generation(self.root, self.backend_name)
        folder = self.root / name
        backend = self.backend_cls.create(folder)
        try:
            count = backend.write(self._all_docs(), delete_kinds=KINDS)  # empty: add only
            if backend.doc_count() != count:
                raise IndexCorrupt(
                    f"{folder}: wrote {count} documents, {backend.doc_count()} readable"
                )
            stamp = Stamp(self.backend_name, SCHEMA_VERSION, version, count)
            generations.write_stamp(folder, stamp)
        except BaseException:
            backend.close()
            generations.remove_generations(self.root, keep=self._keep())
            raise
        generations.write_pointer(self.root, name)
        previous = self._generation
        if self._retired is not None:
            self._retired.close()
        self._retired, self._live = self._live, backend
        self._generation, self._stamp, self._ahead = name, stamp, set()
        generations.remove_generations(self.root, keep={name, previous or name})
        self._say(f"index de recherche prêt : {count} documents (graphe v{version})")
        return count

    def _keep(self) -> set[str]:
        return {self._generation} if self._generation else set()

    def _all_docs(self) -> Iterator[Doc]:
        done = 0
        for kind in KINDS:
            total = self.documents.count(kind)
            self._say(f"indexation des {_KIND_FR[kind]} ({total})")
            for doc in self.documents.of_kind(kind):
                yield doc
                done += 1
                if done % PROGRESS_EVERY == 0:
                    self._say(f"… {done} documents")

    def on_change(self, change: Change) -> None:
        """Store listener: reindex what a committed write changed, in the same operation."""
        with self._writing():
            if self._live is None or self._stamp is None:
                return
            try:
                self._apply(self._live, change)
            except Exception:
                log.exception(
                    "search index update failed for version %s; rebuilding", change.version
                )
                self._rebuild()

    def _apply(self, backend: Backend, change: Change) -> None:
        assert self._generation is not None and self._stamp is not None
        folder = self.root / self._generation
        generations.write_stamp(folder, _with(self._stamp, state="writing"))
        if change.resources is None:
            kinds = VOCABULARY_KINDS.get(change.source, KINDS)
            self._say(f"index de recherche : {change.source}")
            backend.write(
                itertools.chain.from_iterable(self.documents.of_kind(k) for k in kinds),
                delete_kinds=kinds,
            )
        else:
            previous = {URIRef(i) for i in backend.iris(source=change.source)}
            candidates = set(change.resources) | previous
            found: set[str] = set()
            docs = (_seen(d, found) for d in self.documents.of_resources(candidates))
            gone = (str(i) for i in candidates if str(i) not in found)
            backend.write(docs, delete=gone)  # `gone` is consumed after `docs`
        self._stamp = _with(
            self._stamp, docs=backend.doc_count(), graph_version=self._advance(change.version)
        )
        generations.write_stamp(folder, self._stamp)

    def _advance(self, version: int) -> int:
        """The highest version up to which every change was applied."""
        assert self._stamp is not None
        current = self._stamp.graph_version
        if version > current:
            self._ahead.add(version)
        while current + 1 in self._ahead:
            current += 1
            self._ahead.discard(current)
        return current

    def _say(self, message: str) -> None:
        log.info("%s", message)
        if self.progress is not None:
            self.progress(message)

    # -- reading ---------------------------------------------------------------------------
    def _backend(self) -> Backend:
        backend = self._live
        if backend is None:
            raise SearchUnavailable(
                "the search index is closed", message_fr="l'index de recherche est fermé"
            )
        return backend

    def search(
        self,
        text: str,
        *,
        kind: str | Iterable[str] | None = None,
        facets: Mapping[str, Iterable[str]] | None = None,
        page: int = 1,
        limit: int = 10,
    ) -> SearchResponse:
        """Search `text` within the filters; any text gives results or an empty answer."""
        return answer(self._backend(), text, kind=kind, facets=facets, page=page, limit=limit)

    def best_iris(
        self,
        text: str,
        *,
        kind: str | Iterable[str] | None = None,
        facets: Mapping[str, Iterable[str]] | None = None,
        limit: int = 1000,
    ) -> tuple[int, list[str]]:
        """(number of matches, IRIs of the best `limit`) of `text` (`answers.best_iris`)."""
        return best_iris(self._backend(), text, kind=kind, facets=facets, limit=limit)

    def suggest(
        self, text: str, limit: int = 8, kinds: Sequence[str] | None = None
    ) -> list[Completion]:
        """Names completing `text` as typed (the last word is a prefix), optionally of `kinds`."""
        return complete(self._backend(), text, limit=limit, kinds=kinds)

    def doc_count(self) -> int:
        """Documents in the live generation."""
        return self._backend().doc_count()


def _with(stamp: Stamp, **changes: object) -> Stamp:
    return replace(stamp, **changes)  # type: ignore[arg-type]


def _seen(doc: Doc, found: set[str]) -> Doc:
    found.add(doc.iri)
    return doc
