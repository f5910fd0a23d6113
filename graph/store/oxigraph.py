"""The embedded store: pyoxigraph's RocksDB-backed `Store` in the instance folder (the default).

One process writes the store (a file lock gives a clear message to a second writer). Processes
that only read (web workers, SPARQL query workers) open read-only *snapshots* of it, one per
published version, which the writer makes after each publication once a reader has asked for
them (`open_reader`, `reader()`; `graph.store.snapshots`). Large writes stream with
`bulk_extend` into the unpublished graph, so memory stays bounded (docs/architecture.md gives
the measures).
"""

from __future__ import annotations

import fcntl
import functools
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Literal, URIRef

from ontology.namespaces import ALL, SYSTEM_GRAPH

from ..errors import Conflict, QueryError, StoreBusy, StoreError
from ..rdfio import parse, write
from ..terms import RdfTerm, as_ox, from_ox
from .base import (
    BULK_THRESHOLD,
    Capabilities,
    Change,
    GraphInfo,
    Row,
    Store,
    Write,
    graph_iri,
)
from .binding import Binding, bind
from .publication import (
    ENSURE_VERSION,
    State,
    publish_update,
    read_state,
    replaced_resources,
    retire_update,
)
from .results import Serialized, write_boolean, write_graph, write_terms
from .snapshots import STATE_FILE, Checkpoints, SnapshotOpener, SnapshotStore
from .visibility import check_visible

log = logging.getLogger(__name__)

_SYS = ox.NamedNode(str(SYSTEM_GRAPH))
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _json_term(t: Any) -> dict[str, Any]:
    """A pyoxigraph term as a SPARQL JSON term (see `results`)."""
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        if t.language:
            return {"type": "literal", "value": t.value, "xml:lang": t.language}
        dt = t.datatype.value
        if dt != XSD_STRING:
            return {"type": "literal", "value": t.value, "datatype": dt}
        return {"type": "literal", "value": t.value}
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(t.subject),
            "predicate": _json_term(t.predicate),
            "object": _json_term(t.object),
        },
    }


class OxigraphStore(Store):
    """The embedded store: pyoxigraph's on-disk `Store` in `path` (in memory when None).

    `snapshot=True` opens a checkpoint made by `checkpoint()` (read-only): its state comes from
    its `state.nt`, and as it holds nothing but the published graphs, queries over the default
    dataset use the union of its named graphs (the engine's fast path).
    """

    name = "oxigraph"

    def __init__(
        self,
        path: Path | str | None,
        *,
        base: str,
        read_only: bool = False,
        snapshot: bool = False,
    ) -> None:
        super().__init__()
        self.base = base
        self.path = Path(path) if path is not None else None
        self.read_only = read_only or snapshot
        self.snapshot = snapshot
        #: Above this many triples a write streams through `bulk_extend`, in batches of it.
        self.chunk = BULK_THRESHOLD
        self._write_lock = threading.Lock()
        self._lockfile: IO[str] | None = None
        self._ox = self._open()
        self._state = State()
        self._load_state()
        if not self.read_only:
            self.collect_garbage()

    def _open(self) -> ox.Store:
        path = self.path
        try:
            if path is None:
                return ox.Store()
            if self.read_only:
                return ox.Store.read_only(str(path))
            path.mkdir(parents=True, exist_ok=True)
            self._lockfile = open(path.parent / (path.name + ".lock"), "w")
            fcntl.flock(self._lockfile, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return ox.Store(str(path))
        except BlockingIOError as exc:
            self._release_lock()
            raise StoreBusy(
                f"the store {path} is being written by another process (an `alliances import`?"
                "); one process writes at a time",
                message_fr=f"le stock {path} est en cours d'écriture par un autre processus "
                "(un `alliances import` ?) ; un seul processus écrit à la fois",
            ) from exc
        except OSError as exc:
            self._release_lock()
            raise StoreError(
                f"cannot open the store {path}: {exc}",
                message_fr=f"impossible d'ouvrir le stock {path} : {exc}",
            ) from exc

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], home: Path) -> OxigraphStore:
        """The store in `home/store`."""
        return cls(Path(home) / "store", base=str(settings["BASE_IRI"]))

    @classmethod
    def present(cls, settings: Mapping[str, Any], home: Path) -> bool:  # noqa: ARG003
        """Whether `home/store` exists."""
        return (Path(home) / "store").exists()

    @classmethod
    def open_reader(cls, settings: Mapping[str, Any], home: Path) -> Store:
        """The live snapshot of `home/store` (`home/snapshots`), followed with `refresh()`.
        Raises StoreError when there is none yet (`alliances serve` makes one at start)."""
        return SnapshotStore(
            Path(home) / "snapshots",
            base=str(settings["BASE_IRI"]),
            open_checkpoint=functools.partial(_open_snapshot, base=str(settings["BASE_IRI"])),
        )

    @property
    def checkpoints(self) -> Checkpoints | None:
        """The snapshots of this store (`snapshots/` beside it), None in memory."""
        if self.path is None or self.snapshot:
            return None
        return Checkpoints(self.path.parent / "snapshots")

    @property
    def capabilities(self) -> Capabilities:
        """On disk, one process, bulk loads, transactions; no query deadline."""
        return Capabilities(
            on_disk=self.path is not None,
            parallel_readers=self.path is not None,
            multi_process=False,
            bulk_load=True,
            full_text=False,
            transactions=True,
            query_timeout=False,
        )

    # -- state -----------------------------------------------------------------------------
    def _load_state(self) -> None:
        if self.snapshot and self.path is not None:
            try:
                data = (self.path / STATE_FILE).read_bytes()
            except OSError as exc:
                raise StoreError(
                    f"the snapshot {self.path} has no {STATE_FILE}: {exc}",
                    message_fr=f"l'instantané {self.path} n'a pas de {STATE_FILE} : {exc}",
                ) from exc
            self._state = read_state(parse(data, "nt"))  # type: ignore[arg-type]
            return
        quads = self._ox.quads_for_pattern(None, None, None, _SYS)
        self._state = read_state(
            (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)) for q in quads
        )

    def refresh(self) -> bool:
        """Re-read the published state (a read-only handle sees the store as when opened);
        returns whether the version changed."""
        before = self._state.version
        if self.read_only and not self.snapshot and self.path is not None:
            self._ox = ox.Store.read_only(str(self.path))
        self._load_state()
        return self._state.version != before

    @property
    def version(self) -> int:
        """The version counter of the system graph."""
        return self._state.version

    def graphs(self) -> list[GraphInfo]:
        """The published graphs, sorted by source."""
        return self._state.graphs()

    def source_checksum(self, source: str) -> str | None:
        """The checksum recorded for the published source."""
        g = self._state.graph_of(source)
        return self._state.checksums.get(g) if g is not None else None

    # -- reading ---------------------------------------------------------------------------
    def _dataset(
        self, default_graph: Sequence[URIRef] | None, named_graphs: Sequence[URIRef] | None
    ) -> dict[str, Any]:
        if self.snapshot and default_graph is None:
            # a snapshot holds the published graphs only: their union is the default graph
            if named_graphs is None:
                return {"use_default_graph_as_union": True}
            return {
                "use_default_graph_as_union": True,
                "named_graphs": [ox.NamedNode(str(g)) for g in named_graphs],
            }
        published = [ox.NamedNode(str(g)) for g in self._state.published]
        dg = [ox.NamedNode(str(g)) for g in default_graph] if default_graph is not None else None
        ng = [ox.NamedNode(str(g)) for g in named_graphs] if named_graphs is not None else None
        return {
            "default_graph": dg if dg is not None else (published or [ox.DefaultGraph()]),
            "named_graphs": ng if ng is not None else published,
        }

    def _query(
        self,
        sparql: str,
        default_graph: Sequence[URIRef] | None = None,
        named_graphs: Sequence[URIRef] | None = None,
    ) -> Any:
        try:
            return self._ox.query(sparql, **self._dataset(default_graph, named_graphs))
        except SyntaxError as exc:
            raise QueryError.syntax(str(exc)) from exc
        except (RuntimeError, ValueError) as exc:
            raise QueryError.failed(str(exc)) from exc

    def select(self, sparql: str, **bindings: Binding) -> list[Row]:
        """Rows of a SELECT, as dicts of rdflib terms."""
        return self._select(bind(sparql, bindings))

    def _select(self, sparql: str, named_graphs: Sequence[URIRef] | None = None) -> list[Row]:
        result = self._query(sparql, named_graphs=named_graphs)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError.failed("not a SELECT query")
        names = [v.value for v in result.variables]
        cache: dict[Any, RdfTerm] = {}
        rows = []
        for sol in result:
            row: Row = {}
            for name in names:
                term = sol[name]
                if term is not None:
                    value = cache.get(term)
                    if value is None:
                        value = from_ox(term)
                        if len(cache) < 100_000:
                            cache[term] = value
                    row[name] = value
            rows.append(row)
        return rows

    def ask(self, sparql: str, **bindings: Binding) -> bool:
        """The answer of an ASK."""
        result = self._query(bind(sparql, bindings))
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError.failed("not an ASK query")
        return bool(result)

    def triples(self, sparql: str, **bindings: Binding) -> list[tuple[RdfTerm, RdfTerm, RdfTerm]]:
        """The triples of a CONSTRUCT or DESCRIBE."""
        result = self._query(bind(sparql, bindings))
        if not isinstance(result, ox.QueryTriples):
            raise QueryError.failed("not a CONSTRUCT or DESCRIBE query")
        return [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in result]

    def run(
        self,
        query: str,
        *,
        default_graph: Sequence[URIRef] | None = None,
        named_graphs: Sequence[URIRef] | None = None,
        result_format: str = "json",
        graph_format: str = "ttl",
        max_rows: int = 10_000,
        timeout: float | None = None,  # noqa: ARG002 - the engine has no deadline
    ) -> Serialized:
        """Run a read query as given and serialise its result (see `Store.run`); a query
        naming a graph that is not published is refused (`visibility`)."""
        check_visible(query, base=self.base, published={str(g) for g in self._state.published})
        result = self._query(query, default_graph, named_graphs)
        try:
            if isinstance(result, ox.QueryBoolean):
                return Serialized("boolean", write_boolean(bool(result), result_format), 1, False)
            if isinstance(result, ox.QuerySolutions):
                names = [v.value for v in result.variables]
                solutions = iter(result)
                rows = [tuple(sol) for sol in islice(solutions, max_rows)]
                truncated = next(solutions, None) is not None
                return write_terms(names, rows, _json_term, result_format, truncated)
            return write_graph(list(islice(result, max_rows + 1)), graph_format, max_rows)
        except (RuntimeError, ValueError) as exc:  # raised while iterating
            raise QueryError.failed(str(exc)) from exc

    def reader(self) -> Callable[[], Store] | None:
        """A picklable opener of this store's live snapshot for reader processes (None in
        memory). From a writer, the snapshot is brought up to date first, and kept so after
        every write; a snapshot or a read-only handle opens its own kind again."""
        if self.path is None:
            return None
        if self.snapshot:
            return functools.partial(_open_snapshot, self.path, base=self.base)
        if self.read_only:
            return functools.partial(OxigraphStore, self.path, base=self.base, read_only=True)
        self.publish_for_readers(force=True)
        return SnapshotOpener(
            self.path.parent / "snapshots",
            self.base,
            functools.partial(_open_snapshot, base=self.base),
        )

    def publish_for_readers(self, *, force: bool = False) -> bool:
        """Make a snapshot of the current version if readers use snapshots (the folder exists,
        or `force`) and the live one is older; returns whether one was made."""
        cps = self.checkpoints
        if cps is None or self.read_only or not (force or cps.exists):
            return False
        if cps.current_version() == self._state.version:
            return False
        cps.publish(self._state.version, self.checkpoint)
        return True

    def checkpoint(self, dest: Path | str) -> None:
        """Make in `dest` (which must not exist) a read-only snapshot of the published state:
        a RocksDB checkpoint (hard links to the immutable table files), in which the system
        graph is replaced by `state.nt` and any unpublished graph is dropped, so that it holds
        the published graphs only; then compacted once (`optimize`: the removals leave no
        tombstones, and readers' queries cost 0.92x the CPU at 10,000 actors, for 2.4 s of CPU
        here and the disk space of a copy; bench/README.md « SPARQL »). Takes the write lock
        while the checkpoint is made: no write is half-way meanwhile. Raises OSError."""
        dest = Path(dest)
        with self._write_lock:
            self.flush()
            self._ox.backup(str(dest))
            state = list(self._ox.quads_for_pattern(None, None, None, _SYS))
            keep = {ox.NamedNode(str(g)) for g in self._state.published}
        copy = ox.Store(str(dest))
        try:
            with open(dest / STATE_FILE, "wb") as f:
                write(state, "nt", f)
            for g in list(copy.named_graphs()):
                if g not in keep:
                    copy.remove_graph(g)
            copy.flush()
            t0 = time.monotonic()
            copy.optimize()
            log.info("snapshot %s compacted in %.2f s", dest.name, time.monotonic() - t0)
        finally:
            del copy  # closes the checkpoint's RocksDB

    # -- writing ---------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.read_only:
            raise Conflict(
                "this store was opened read-only", message_fr="ce stock est ouvert en lecture seule"
            )

    def write(self, write: Write) -> int:
        """Fill a new graph, publish it in one update, then drop the source's previous graph."""
        self._writable()
        with self._write_lock:
            st = self._state
            target = graph_iri(self.base, write.source, st.version + 1)
            old = st.graph_of(write.source)
            self._drop(ox.NamedNode(str(target)))  # a leftover of a crash
            try:
                self._fill(ox.NamedNode(str(target)), write.triples)
            except BaseException:
                self._drop(ox.NamedNode(str(target)))
                raise
            prov = list(write.provenance(target)) if write.provenance else []
            checksum = next(
                (o for _, p, o in prov if p == ALL.sha256 and isinstance(o, Literal)), None
            )
            others = [g for g in st.published if g != old and not _is_vocabulary(g)]
            replaced = self._replaced(write.replaces, others)
            self._update(ENSURE_VERSION)
            self._update(
                publish_update(
                    base=self.base,
                    target=target,
                    source=write.source,
                    expected_version=st.version,
                    old=old,
                    checksum=checksum,
                    provenance=prov,
                    replaced=replaced,
                    replaced_in=others,
                )
            )
            self._load_state()
            if old is not None:
                self._drop(ox.NamedNode(str(old)))
            version = self._state.version
        self._notify(Change(version, write.source, write.resources))
        return version

    def _replaced(self, resources: frozenset[URIRef], graphs: list[URIRef]) -> list[URIRef]:
        """Which of `resources` have triples in `graphs` (5_000 IRIs per query)."""
        return replaced_resources(self._select, resources, graphs, 5_000)

    def drop_source(self, source: str) -> int:
        """Unpublish a source; returns the new version."""
        self._writable()
        with self._write_lock:
            old = self._state.graph_of(source)
            if old is None:
                return self._state.version
            self._update(
                retire_update(base=self.base, old=old, expected_version=self._state.version)
            )
            self._load_state()
            self._drop(ox.NamedNode(str(old)))
            version = self._state.version
        self._notify(Change(version, source, frozenset(), dropped=True))
        return version

    def _update(self, sparql: str) -> None:
        try:
            self._ox.update(sparql)
        except (SyntaxError, RuntimeError, ValueError, OSError) as exc:
            raise StoreError(
                f"the store refused an update: {exc}",
                message_fr=f"le stock a refusé une mise à jour : {exc}",
            ) from exc

    def _fill(self, target: ox.NamedNode, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        batch: list[ox.Quad] = []
        bulk = False
        for s, p, o in triples:
            batch.append(ox.Quad(as_ox(s), as_ox(p), as_ox(o), target))  # type: ignore[arg-type]
            if len(batch) >= self.chunk:
                self._ox.bulk_extend(batch)
                bulk = True
                batch = []
        if batch:
            self._ox.bulk_extend(batch) if bulk else self._ox.extend(batch)

    def _drop(self, graph: ox.NamedNode) -> None:
        """Delete an unpublished graph in bounded batches (it is invisible already)."""
        while True:
            batch = list(islice(self._ox.quads_for_pattern(None, None, None, graph), 20_000))
            if not batch:
                break
            for q in batch:
                self._ox.remove(q)
        self._ox.remove_graph(graph) if self._ox.contains_named_graph(graph) else None

    def collect_garbage(self) -> None:
        """Drop graphs left unpublished by an interrupted write."""
        keep = {ox.NamedNode(str(g)) for g in self._state.published} | {_SYS}
        for g in list(self._ox.named_graphs()):
            if isinstance(g, ox.NamedNode) and g not in keep:
                log.info("dropping unpublished graph %s", g.value)
                self._drop(g)

    # -- dumping ---------------------------------------------------------------------------
    def dump(self, output: IO[bytes], fmt: str, graphs: Sequence[URIRef] | None = None) -> None:
        """Stream published graphs in `fmt` (a key of `graph.rdfio.FORMATS`)."""
        chosen = list(self._state.published) if graphs is None else list(graphs)
        names = sorted(
            (ox.NamedNode(str(g)) for g in chosen if g in self._state.published),
            key=lambda n: n.value,
        )
        write(
            (q for g in names for q in self._ox.quads_for_pattern(None, None, None, g)), fmt, output
        )

    def flush(self) -> None:
        """Flush the engine's buffers to disk."""
        if not self.read_only:
            self._ox.flush()

    def backup(self, path: Path | str) -> None:
        """A consistent copy of the store in `path` (a RocksDB checkpoint: hard links)."""
        self._ox.backup(str(path))

    def close(self) -> None:
        """Flush and release the store and its lock."""
        if getattr(self, "_ox", None) is not None:
            self.flush()
            self._ox = None  # type: ignore[assignment]  # releases RocksDB's lock
        self._release_lock()

    def _release_lock(self) -> None:
        if self._lockfile is not None:
            self._lockfile.close()
            self._lockfile = None


def _open_snapshot(path: Path, *, base: str) -> OxigraphStore:
    """Open a checkpoint made by `OxigraphStore.checkpoint` (picklable with `partial`)."""
    return OxigraphStore(path, base=base, snapshot=True)


def _is_vocabulary(graph: URIRef) -> bool:
    return "/graph/vocabulary-" in str(graph)
