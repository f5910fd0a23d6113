"""The `Store` interface and its embedded implementation on pyoxigraph's on-disk store.

Design (see docs/architecture.md): every source (the bundled data, each imported file set, each
vocabulary) lives in its own named graph. A write first fills a *new, unpublished* graph, then
publishes it in one small atomic update of the system graph, which also retires the source's
previous graph and bumps the version counter. Queries only ever see published graphs, so a reader
never sees half an import, a crash mid-write leaves the previous state (leftovers are dropped when
the store is next opened), and memory stays bounded because large loads stream with `bulk_extend`.
"""

from __future__ import annotations

import fcntl
import logging
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ontology.namespaces import ALL, PREFIXES, SYSTEM_GRAPH

from .errors import StoreError
from .terms import RdfTerm, from_ox, to_ox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """What a committed write changed, announced to listeners.

    `resources` are the instance resources now defined by `source` (None when unknown, e.g. a
    vocabulary); `previous` the resources the source defined before (None when unknown).
    Listeners treat previous − resources as deleted.
    """

    version: int
    source: str
    resources: frozenset[URIRef] | None
    dropped: bool = False


Listener = Callable[[Change], None]
Row = dict[str, RdfTerm]

#: Above this many quads an import streams with bulk_extend instead of one in-memory transaction.
BULK_THRESHOLD = 50_000

_SYS = ox.NamedNode(str(SYSTEM_GRAPH))
_VERSION = ox.NamedNode(str(ALL.version))
_PUBLISHED = ox.NamedNode(str(SYSTEM_GRAPH) + ":published")
_SOURCE = ox.NamedNode(str(SYSTEM_GRAPH) + ":source")

FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


@dataclass(frozen=True)
class GraphInfo:
    """A published named graph and the source it holds."""

    iri: URIRef
    source: str


@dataclass(frozen=True)
class Write:
    """One atomic write: replace source `source` with `quads`.

    `replaces` are resource IRIs whose triples in *other* sources are deleted in the same
    transaction (a changed row replaces that resource). `provenance` triples go to the
    provenance graph, replacing the previous description of the source's graph.
    """

    source: str
    triples: Iterable[tuple[Any, Any, Any]]
    replaces: frozenset[URIRef] = frozenset()
    resources: frozenset[URIRef] | None = None
    provenance: Callable[[URIRef], Iterable[tuple[Node, Node, Node]]] | None = None


class Store(ABC):
    """What the application needs from an RDF store."""

    #: Base of the instance IRIs (graph IRIs are minted under it).
    base: str

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    # -- reading ---------------------------------------------------------------------------
    @property
    @abstractmethod
    def version(self) -> int:
        """A counter that changes with every write."""

    @abstractmethod
    def graphs(self) -> list[GraphInfo]:
        """The published named graphs."""

    @abstractmethod
    def raw_query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[str, Node] | None = None,
        default_graph: Sequence[URIRef] | None = None,
        named_graphs: Sequence[URIRef] | None = None,
    ) -> Any:
        """Run a query over published graphs; returns the engine's result object."""

    def select(self, sparql: str, **bindings: Node) -> list[Row]:
        """Run a SELECT with bound variables; rows as dicts of rdflib terms."""
        q, subs = bind(sparql, bindings)
        result = self.raw_query(q, substitutions=subs)
        names = [v.value for v in result.variables]
        rows = []
        for sol in result:
            row = {}
            for name in names:
                term = sol[name]
                if term is not None:
                    row[name] = from_ox(term)
            rows.append(row)
        return rows

    def ask(self, sparql: str, **bindings: Node) -> bool:
        """Run an ASK query."""
        q, subs = bind(sparql, bindings)
        return bool(self.raw_query(q, substitutions=subs))

    def construct(self, sparql: str, **bindings: Node) -> Graph:
        """Run a CONSTRUCT or DESCRIBE; the result as an rdflib Graph."""
        g = Graph()
        q, subs = bind(sparql, bindings)
        for t in self.raw_query(q, substitutions=subs):
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return g

    def count_triples(self) -> int:
        """Number of triples in the published graphs."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows[0]["n"])

    # -- writing ---------------------------------------------------------------------------
    @abstractmethod
    def write(self, write: Write) -> int:
        """Apply one atomic write; returns the new version."""

    @abstractmethod
    def source_checksum(self, source: str) -> str | None:
        """The checksum recorded for the published source, if any."""

    @abstractmethod
    def drop_source(self, source: str) -> int:
        """Unpublish a source; returns the new version."""

    @abstractmethod
    def dump(self, output: IO[bytes], fmt: str, graphs: Sequence[URIRef] | None = None) -> None:
        """Stream the published graphs (or only `graphs`) to `output` in `fmt` (a FORMATS key)."""

    def close(self) -> None:  # noqa: B027 - optional hook, nothing to release by default
        """Release the store."""

    # -- change notification ---------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        """Call `listener(change)` after every committed write, in the writing thread."""
        self._listeners.append(listener)

    def _notify(self, change: Change) -> None:
        for listener in self._listeners:
            listener(change)


def bind(sparql: str, bindings: Mapping[str, Node]) -> tuple[str, dict[str, Node]]:
    """Bind variables to RDF terms.

    Variables of the projection go through the engine's substitutions; elsewhere the variable is
    replaced by the term serialised by rdflib (`n3()` escapes it), so user text is never pasted
    into a query: only typed RDF terms are.
    """
    if not bindings:
        return sparql, {}
    brace = sparql.find("{")
    head, body = (sparql[:brace], sparql[brace:]) if brace >= 0 else ("", sparql)
    subs: dict[str, Node] = {}
    for name, term in bindings.items():
        if not isinstance(term, Node):
            raise TypeError(f"binding {name} must be an RDF term, not {type(term).__name__}")
        pattern = re.compile(r"[?$]" + re.escape(name) + r"\b")
        if pattern.search(head):
            subs[name] = term
        else:
            body = pattern.sub(lambda _m, t=term: t.n3(), body)  # type: ignore[misc]
    return head + body, subs


def graph_iri(base: str, source: str, version: int) -> URIRef:
    """IRI of the named graph holding `source` as published at `version`."""
    return URIRef(f"{base}graph/{source}/{version}")


def source_iri(base: str, source: str) -> URIRef:
    """Stable IRI of a source (each of its graphs is `dct:isVersionOf` it)."""
    return URIRef(f"{base}graph/{source}")


class OxigraphStore(Store):
    """The embedded store: pyoxigraph's RocksDB-backed `Store` in `path`."""

    def __init__(self, path: Path | str | None, *, base: str) -> None:
        super().__init__()
        self.base = base
        self._write_lock = threading.Lock()
        self._lockfile: IO[str] | None = None
        try:
            if path is None:
                self._ox = ox.Store()
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self._lockfile = open(Path(path).parent / (Path(path).name + ".lock"), "w")
                fcntl.flock(self._lockfile, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._ox = ox.Store(str(path))
        except BlockingIOError as exc:
            self._release_lock()
            raise StoreError(
                f"the store {path} is in use by another process (is `alliances serve` running?)",
                message_fr=f"le stock {path} est utilisé par un autre processus "
                "(`alliances serve` tourne-t-il ?)",
            ) from exc
        except OSError as exc:
            self._release_lock()
            raise StoreError(
                f"cannot open the store {path}: {exc}",
                message_fr=f"impossible d'ouvrir le stock {path} : {exc}",
            ) from exc
        self._published: dict[ox.NamedNode, str] = {}
        self._version = 0
        self._load_state()
        self.collect_garbage()

    # -- state -----------------------------------------------------------------------------
    def _load_state(self) -> None:
        self._published = {}
        for q in self._ox.quads_for_pattern(None, _PUBLISHED, None, _SYS):
            graph = q.object
            if not isinstance(graph, ox.NamedNode):
                continue
            src = next(self._ox.quads_for_pattern(graph, _SOURCE, None, _SYS), None)
            if src is not None and isinstance(src.object, ox.Literal):
                self._published[graph] = src.object.value
        v = next(self._ox.quads_for_pattern(_SYS, _VERSION, None, _SYS), None)
        self._version = (
            int(v.object.value) if v is not None and isinstance(v.object, ox.Literal) else 0
        )

    @property
    def version(self) -> int:
        return self._version

    def graphs(self) -> list[GraphInfo]:
        return sorted(
            (GraphInfo(URIRef(g.value), s) for g, s in self._published.items()),
            key=lambda gi: gi.source,
        )

    def _graph_of(self, source: str) -> ox.NamedNode | None:
        for g, s in self._published.items():
            if s == source:
                return g
        return None

    def source_checksum(self, source: str) -> str | None:
        g = self._graph_of(source)
        if g is None:
            return None
        q = next(self._ox.quads_for_pattern(g, ox.NamedNode(str(ALL.sha256)), None, _SYS), None)
        return q.object.value if q is not None and isinstance(q.object, ox.Literal) else None

    # -- reading ---------------------------------------------------------------------------
    def raw_query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[str, Node] | None = None,
        default_graph: Sequence[URIRef] | None = None,
        named_graphs: Sequence[URIRef] | None = None,
    ) -> Any:
        published: list[Any] = list(self._published)
        dg: list[Any] | None = (
            [ox.NamedNode(str(g)) for g in default_graph] if default_graph is not None else None
        )
        ng: list[Any] | None = (
            [ox.NamedNode(str(g)) for g in named_graphs] if named_graphs is not None else None
        )
        subs: dict[ox.Variable, Any] | None = (
            {ox.Variable(k): to_ox(v) for k, v in substitutions.items()} if substitutions else None
        )
        return self._ox.query(
            sparql,
            default_graph=dg if dg is not None else (published or [ox.DefaultGraph()]),
            named_graphs=ng if ng is not None else published,
            substitutions=subs,
        )

    # -- writing ---------------------------------------------------------------------------
    def write(self, write: Write) -> int:
        with self._write_lock:
            new_version = self._version + 1
            target = ox.NamedNode(str(graph_iri(self.base, write.source, new_version)))
            self._ox.update(f"DROP SILENT GRAPH {target}")  # a leftover of a crash
            self._fill(target, write.triples)
            old = self._graph_of(write.source)
            parts = [self._retire_update(old, new_version)]
            if write.replaces:
                parts.append(self._replace_update(write.replaces, exclude=old))
            prov = list(write.provenance(URIRef(target.value))) if write.provenance else []
            checksum = next(
                (o for _, p, o in prov if p == ALL.sha256 and isinstance(o, Literal)), None
            )
            parts.append(self._publish_update(target, write.source, checksum, prov))
            self._ox.update(" ;\n".join(p for p in parts if p))
            self._published.pop(old, None) if old is not None else None
            self._published[target] = write.source
            self._version = new_version
            if old is not None:
                self._drop(old)
        self._notify(Change(new_version, write.source, write.resources))
        return new_version

    def drop_source(self, source: str) -> int:
        with self._write_lock:
            old = self._graph_of(source)
            if old is None:
                return self._version
            new_version = self._version + 1
            self._ox.update(self._retire_update(old, new_version))
            del self._published[old]
            self._version = new_version
            self._drop(old)
        self._notify(Change(new_version, source, frozenset(), dropped=True))
        return new_version

    def _fill(self, target: ox.NamedNode, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        batch: list[ox.Quad] = []
        bulk = False
        for s, p, o in triples:
            batch.append(ox.Quad(_ox(s), _ox(p), _ox(o), target))
            if len(batch) >= BULK_THRESHOLD:
                self._ox.bulk_extend(batch)
                bulk = True
                batch = []
        if batch:
            self._ox.bulk_extend(batch) if bulk else self._ox.extend(batch)

    def _retire_update(self, old: ox.NamedNode | None, new_version: int) -> str:
        lines = [
            f"DELETE WHERE {{ GRAPH {_SYS} {{ {_SYS} {_VERSION} ?v }} }}",
            f"INSERT DATA {{ GRAPH {_SYS} {{ {_SYS} {_VERSION} {new_version} }} }}",
        ]
        if old is not None:
            lines.append(f"DELETE WHERE {{ GRAPH {_SYS} {{ {old} ?p ?o }} }}")
            lines.append(f"DELETE WHERE {{ GRAPH {_SYS} {{ ?s ?p {old} }} }}")
            prov = ox.NamedNode(self.base + "graph/provenance")
            lines.append(
                f"DELETE {{ GRAPH {prov} {{ ?x ?p ?o }} }} WHERE {{ GRAPH {prov} {{ ?x ?p ?o "
                f'FILTER(?x = {old} || STRSTARTS(STR(?x), "{old.value}#")) }} }}'
            )
        return " ;\n".join(lines)

    def _replace_update(self, resources: frozenset[URIRef], exclude: ox.NamedNode | None) -> str:
        graphs = [g for g in self._published if g != exclude and not _is_vocabulary(g)]
        if not graphs:
            return ""
        values_g = " ".join(str(g) for g in graphs)
        values_r = " ".join(f"<{r}>" for r in sorted(resources))
        return (
            "DELETE { GRAPH ?g { ?x ?p ?o } } WHERE { "
            f"VALUES ?g {{ {values_g} }} VALUES ?r {{ {values_r} }} GRAPH ?g {{ "
            "{ ?r ?p ?o BIND(?r AS ?x) } UNION "
            "{ { ?r ?q ?x } UNION { ?x ?q ?r } "
            'FILTER(isIRI(?x) && STRSTARTS(STR(?x), CONCAT(STR(?r), "#"))) ?x ?p ?o } } }'
        )

    def _publish_update(
        self,
        target: ox.NamedNode,
        source: str,
        checksum: Literal | None,
        prov: list[tuple[Node, Node, Node]],
    ) -> str:
        sys_triples = [
            f"{_SYS} {_PUBLISHED} {target} .",
            f"{target} {_SOURCE} {ox.Literal(source)} .",
        ]
        if checksum is not None:
            sys_triples.append(f"{target} {ox.NamedNode(str(ALL.sha256))} {to_ox(checksum)} .")
        prov_graph = ox.NamedNode(self.base + "graph/provenance")
        out = f"INSERT DATA {{ GRAPH {_SYS} {{ {' '.join(sys_triples)} }} }}"
        if prov:
            body = " ".join(f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ." for s, p, o in prov)
            out += f" ;\nINSERT DATA {{ GRAPH {prov_graph} {{ {body} }} }}"
            if prov_graph not in self._published:
                self._published[prov_graph] = "provenance"
                out += (
                    f" ;\nINSERT DATA {{ GRAPH {_SYS} {{ {_SYS} {_PUBLISHED} {prov_graph} . "
                    f'{prov_graph} {_SOURCE} "provenance" . }} }}'
                )
        return out

    def _drop(self, graph: ox.NamedNode) -> None:
        """Delete an unpublished graph in bounded batches (it is invisible already)."""
        while True:
            batch = list(_take(self._ox.quads_for_pattern(None, None, None, graph), 20_000))
            if not batch:
                return
            for q in batch:
                self._ox.remove(q)

    def collect_garbage(self) -> None:
        """Drop graphs left unpublished by an interrupted write."""
        keep = set(self._published) | {_SYS}
        for g in list(self._ox.named_graphs()):
            if isinstance(g, ox.NamedNode) and g not in keep:
                log.info("dropping unpublished graph %s", g.value)
                self._drop(g)
                self._ox.remove_graph(g)

    # -- dumping ---------------------------------------------------------------------------
    def dump(self, output: IO[bytes], fmt: str, graphs: Sequence[URIRef] | None = None) -> None:
        rdf_format = FORMATS[fmt]
        chosen = list(self._published) if graphs is None else [ox.NamedNode(str(g)) for g in graphs]
        names = sorted((g for g in chosen if g in self._published), key=lambda n: n.value)
        if rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            quads = (q for g in names for q in self._ox.quads_for_pattern(None, None, None, g))
            ox.serialize(quads, output, rdf_format, prefixes=PREFIXES)
            return
        triples = (q.triple for g in names for q in self._ox.quads_for_pattern(None, None, None, g))
        ox.serialize(triples, output, rdf_format, prefixes=PREFIXES)

    def flush(self) -> None:
        """Flush the engine's buffers to disk."""
        self._ox.flush()

    def close(self) -> None:
        if getattr(self, "_ox", None) is not None:
            self._ox.flush()
            self._ox = None  # type: ignore[assignment]  # releases RocksDB's lock
        self._release_lock()

    def _release_lock(self) -> None:
        if self._lockfile is not None:
            self._lockfile.close()
            self._lockfile = None


def _is_vocabulary(graph: ox.NamedNode) -> bool:
    return "/graph/vocabulary-" in graph.value


def _take(it: Iterator[ox.Quad], n: int) -> Iterator[ox.Quad]:
    for i, q in enumerate(it):
        if i >= n:
            return
        yield q


_ox_cache: dict[str, ox.NamedNode] = {}


def _ox(term: Any) -> Any:
    """Accept pyoxigraph terms as they are and convert rdflib ones (IRIs cached)."""
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term
    if isinstance(term, URIRef):
        node = _ox_cache.get(term)
        if node is None:
            node = _ox_cache[term] = ox.NamedNode(str(term))
            if len(_ox_cache) > 100_000:
                _ox_cache.clear()
        return node
    return to_ox(term)
