"""The `Store` interface: what the application needs from an RDF store, whatever the engine.

Every value that crosses it is engine-neutral: rdflib terms, rows of them, rdflib graphs, bytes of
serialised results and dumps. Values are bound into queries only as rdflib terms, through the one
mechanism of `graph.store.binding` (a `VALUES` block). Implementations register by name in
`graph.store.registry`; the contract every one passes is `tests/store_contract/`.

Publication (DESIGN §2, docs/architecture.md): every source lives in its own named graph; a write
fills a *new, unpublished* graph, then publishes it with one small update of the system graph
(`urn:x-alliances:system`), which also retires the source's previous graph and bumps the version.
Queries see only published graphs, so a reader never sees half a write, and a crash mid-write
leaves the previous state.
"""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, ClassVar

from rdflib import Graph, URIRef
from rdflib.term import Node

from ..terms import RdfTerm
from .binding import Binding
from .results import Serialized


@dataclass(frozen=True)
class Capabilities:
    """What an implementation can do, declared as rdflib's `Store` declares `context_aware`,
    `transaction_aware`… Callers choose a strategy from these flags, never from the class.
    """

    #: The data lives in a folder of the instance (else: on a server).
    on_disk: bool
    #: Other processes can read while one writes, through `reader()` (query workers, web
    #: workers).
    parallel_readers: bool
    #: Several processes may open the store read-write, their writes taking turns (else one
    #: process holds it).
    multi_process: bool
    #: Large writes stream through a bulk loader (the engine's, or the Graph Store Protocol).
    bulk_load: bool
    #: The engine has full-text search in SPARQL (not used by the application yet).
    full_text: bool
    #: A write is all-or-nothing for readers (publish-last over one atomic update).
    transactions: bool
    #: The engine itself stops a query at a deadline (else the caller must isolate queries in
    #: processes it can kill).
    query_timeout: bool


@dataclass(frozen=True)
class Change:
    """What a committed write changed, announced to listeners.

    `resources` are the instance resources now defined by `source` (None when unknown, e.g. a
    vocabulary); `previous` the resources the source defined before (None when unknown).
    Listeners treat previous − resources as deleted. A reader process that sees another
    process's writes (`Store.refresh`) announces the new version with `source` "" and
    `resources` None: something changed, it does not know what.
    """

    version: int
    source: str
    resources: frozenset[URIRef] | None
    dropped: bool = False


Listener = Callable[[Change], None]
Row = dict[str, RdfTerm]

#: Above this many triples a write streams through the bulk loader, in chunks of this size.
BULK_THRESHOLD = 50_000


@dataclass(frozen=True)
class GraphInfo:
    """A published named graph and the source it holds."""

    iri: URIRef
    source: str


@dataclass(frozen=True)
class Write:
    """One atomic write: replace source `source` with `triples`.

    Terms are rdflib terms (or pyoxigraph terms straight from `graph.rdf_input`'s parser).
    `replaces` are resource IRIs whose triples in *other* sources are deleted in the same
    publication (a changed row replaces that resource). `provenance(graph)` gives the triples
    describing the new graph, which replace the previous description of the source's graph in
    the provenance graph.
    """

    source: str
    triples: Iterable[tuple[Any, Any, Any]]
    replaces: frozenset[URIRef] = frozenset()
    resources: frozenset[URIRef] | None = None
    provenance: Callable[[URIRef], Iterable[tuple[Node, Node, Node]]] | None = None


def graph_iri(base: str, source: str, version: int) -> URIRef:
    """IRI of the named graph holding `source` as published at `version`."""
    return URIRef(f"{base}graph/{source}/{version}")


def source_iri(base: str, source: str) -> URIRef:
    """Stable IRI of a source (each of its graphs is `dct:isVersionOf` it)."""
    return URIRef(f"{base}graph/{source}")


def provenance_graph(base: str) -> URIRef:
    """IRI of the graph describing every published graph (PROV-O, DCAT)."""
    return URIRef(f"{base}graph/provenance")


class Store(ABC):
    """What the application needs from an RDF store."""

    #: Registry name (`STORE` setting).
    name: ClassVar[str] = ""
    #: Base of the instance IRIs (graph IRIs are minted under it).
    base: str

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    @classmethod
    @abstractmethod
    def from_settings(cls, settings: Mapping[str, Any], home: Path) -> Store:
        """Open the store an instance's settings describe (`home` is the instance folder)."""

    @classmethod
    def present(cls, settings: Mapping[str, Any], home: Path) -> bool:  # noqa: ARG003
        """Whether opening would find an existing store rather than create one."""
        return True

    @classmethod
    def open_reader(cls, settings: Mapping[str, Any], home: Path) -> Store:
        """Open the store for a process that only reads while another may write (a web worker
        next to an `alliances import`): by default the store itself, which serves several
        processes (`capabilities.multi_process`); an engine that one process alone may open
        gives read-only snapshots instead (see `graph.store.snapshots`). Raises StoreError."""
        return cls.from_settings(settings, home)

    def publish_for_readers(self, *, force: bool = False) -> bool:  # noqa: ARG002
        """Make the current version visible to the processes that opened `open_reader`, if
        that needs anything (a snapshot: made after each write once a reader asked for them,
        or now with `force`); returns whether something was published."""
        return False

    def refresh(self) -> bool:
        """Catch up with writes made by other processes; returns whether the version changed
        (listeners are then told, with an unknown change). Nothing to do by default."""
        return False

    @contextlib.contextmanager
    def pinned(self) -> Iterator[None]:
        """Within the block, this thread reads one version of the graph (a web request sees
        one version from start to end, even if another process publishes meanwhile). Stores
        whose reads always see the latest version make this a no-op."""
        yield

    @property
    @abstractmethod
    def capabilities(self) -> Capabilities:
        """What this store can do."""

    # -- state -----------------------------------------------------------------------------
    @property
    @abstractmethod
    def version(self) -> int:
        """A counter that changes with every write."""

    @abstractmethod
    def graphs(self) -> list[GraphInfo]:
        """The published named graphs, sorted by source."""

    @abstractmethod
    def source_checksum(self, source: str) -> str | None:
        """The checksum recorded for the published source, if any."""

    # -- reading (the application's queries, from graph/queries/) ---------------------------
    @abstractmethod
    def select(self, sparql: str, **bindings: Binding) -> list[Row]:
        """Rows of a SELECT over the published graphs, as dicts of rdflib terms (unbound
        variables absent). `bindings` are rdflib terms (or collections of them) bound with a
        `VALUES` block (`graph.store.binding`). Raises QueryError, StoreError."""

    @abstractmethod
    def ask(self, sparql: str, **bindings: Binding) -> bool:
        """The answer of an ASK over the published graphs."""

    @abstractmethod
    def triples(self, sparql: str, **bindings: Binding) -> list[tuple[RdfTerm, RdfTerm, RdfTerm]]:
        """The triples of a CONSTRUCT (or DESCRIBE) over the published graphs."""

    def construct(self, sparql: str, **bindings: Binding) -> Graph:
        """The result of a CONSTRUCT (or DESCRIBE) as an rdflib Graph."""
        g = Graph()
        for t in self.triples(sparql, **bindings):
            g.add(t)
        return g

    def count_triples(self) -> int:
        """Number of triples in the published graphs."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows[0]["n"])

    # -- reading (anyone's query, for the public endpoint) ----------------------------------
    @abstractmethod
    def run(
        self,
        query: str,
        *,
        default_graph: Sequence[URIRef] | None = None,
        named_graphs: Sequence[URIRef] | None = None,
        result_format: str = "json",
        graph_format: str = "ttl",
        max_rows: int = 10_000,
        timeout: float | None = None,
    ) -> Serialized:
        """Run a read query as given (no binding) over `default_graph` / `named_graphs` (default:
        the published graphs; others are refused by the caller) and serialise its result:
        solutions and booleans in `result_format` (`json`, `xml`, `csv`, `tsv`), graphs in
        `graph_format` (`ttl`, `nt`, `jsonld`, `rdfxml`), at most `max_rows` rows or triples.
        `timeout` (seconds) is passed to engines that enforce one (`capabilities.query_timeout`).
        Raises QueryError (syntax or evaluation), QueryTimeout, StoreError."""

    def reader(self) -> Callable[[], Store] | None:
        """A picklable function opening this store read-only in another process (for query
        workers), or None when only this process may read it."""
        return None

    # -- writing ---------------------------------------------------------------------------
    @abstractmethod
    def write(self, write: Write) -> int:
        """Apply one atomic write; returns the new version. Raises StoreError, Conflict."""

    @abstractmethod
    def drop_source(self, source: str) -> int:
        """Unpublish a source; returns the new version."""

    # -- dumping ---------------------------------------------------------------------------
    @abstractmethod
    def dump(self, output: IO[bytes], fmt: str, graphs: Sequence[URIRef] | None = None) -> None:
        """Stream the published graphs (or only `graphs`) to `output` in `fmt`, a key of
        `graph.rdfio.FORMATS` (quad formats keep the graph names)."""

    def close(self) -> None:  # noqa: B027 - optional hook, nothing to release by default
        """Release the store."""

    # -- change notification ---------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        """Call `listener(change)` after every committed write, in the writing thread."""
        self._listeners.append(listener)

    def _notify(self, change: Change) -> None:
        for listener in self._listeners:
            listener(change)
