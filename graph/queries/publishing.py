"""Queries behind linked-data publishing: documents of resources and vocabularies, graph
statistics and dates. Each returns plain data or triples; none pastes user text into SPARQL.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rdflib import BNode, Literal, URIRef

from ontology.namespaces import NS_BASE, PROV, RDF

from ..store import Store
from ..terms import RdfTerm

Triple = tuple[RdfTerm, RdfTerm, RdfTerm]

_cache_lock = threading.Lock()
_cache: dict[tuple[int, int, str], Any] = {}


def cached(store: Store, key: str, compute: Any) -> Any:
    """`compute()` once per store version (small values only: dates, counts)."""
    k = (id(store), store.version, key)
    with _cache_lock:
        if k in _cache:
            return _cache[k]
    value = compute()
    with _cache_lock:
        if len(_cache) > 256:
            _cache.clear()
        _cache[k] = value
    return value


OWN_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
INCOMING = """
CONSTRUCT { ?s ?p ?r } WHERE { ?s ?p ?r FILTER(!STRSTARTS(STR(?s), CONCAT(STR(?r), "#"))) }
"""


def resource_document(store: Store, iri: URIRef) -> list[Triple]:
    """The document of a resource: its triples, those of its hash parts, and links to it
    (three small queries: see `describe.describe` for why not one UNION)."""
    from .describe import parts

    own = store.triples(OWN_TRIPLES, s=[iri, *parts(store, iri)])
    return list(dict.fromkeys([*own, *store.triples(INCOMING, r=iri)]))


VOCABULARY_DOC = """
CONSTRUCT { ?s ?p ?o } WHERE {
  GRAPH ?g { ?s ?p ?o }
  FILTER(?s = ?root || STRSTARTS(STR(?s), ?prefix) || isBlank(?s))
}
"""


def vocabulary_document(store: Store, root: URIRef, prefix: str) -> list[Triple]:
    """Triples of the ontology graph about `root` and the terms whose IRI starts with `prefix`
    (and, for the ontology itself, its blank nodes: OWL restrictions and lists)."""
    graph = source_graph(store, "vocabulary-ontology")
    if graph is None:
        return []
    triples = store.triples(VOCABULARY_DOC, g=graph, root=root, prefix=Literal(prefix))
    if prefix.startswith(NS_BASE + "/"):  # a scheme: blank nodes belong to the ontology
        triples = [t for t in triples if not isinstance(t[0], BNode)]
    return triples


def source_graph(store: Store, source: str) -> URIRef | None:
    """The published graph currently holding `source`."""
    return next((g.iri for g in store.graphs() if g.source == source), None)


def last_modified(store: Store) -> datetime | None:
    """When the most recent published graph was generated (its prov:generatedAtTime)."""

    def compute() -> datetime | None:
        graphs = {g.iri for g in store.graphs()}
        if not graphs:
            return None
        rows = store.select(f"SELECT ?g ?t WHERE {{ ?g {PROV.generatedAtTime.n3()} ?t }}")
        values = [r["t"].toPython() for r in rows if r.get("g") in graphs]  # type: ignore[union-attr]
        times = [t for t in values if isinstance(t, datetime)]
        return max(times) if times else None

    return cached(store, "last_modified", compute)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class GraphStats:
    """Size of one published graph."""

    iri: URIRef
    source: str
    triples: int
    subjects: int


def graph_stats(store: Store) -> list[GraphStats]:
    """Triples and distinct subjects per published graph (cached per store version)."""

    def compute() -> list[GraphStats]:
        rows = store.select(
            "SELECT ?g (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?e) "
            "WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
        counts = {r["g"]: (int(r["n"]), int(r["e"])) for r in rows}  # type: ignore[call-overload]
        return [GraphStats(g.iri, g.source, *counts.get(g.iri, (0, 0))) for g in store.graphs()]

    return cached(store, "graph_stats", compute)  # type: ignore[no-any-return]


def class_counts(store: Store) -> list[tuple[URIRef, int]]:
    """Instances per class over the union of published graphs (cached per version)."""

    def compute() -> list[tuple[URIRef, int]]:
        rows = store.select(
            f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s {RDF.type.n3()} ?c }} "
            "GROUP BY ?c ORDER BY DESC(?n)"
        )
        return [(r["c"], int(r["n"])) for r in rows if isinstance(r["c"], URIRef)]  # type: ignore[call-overload]

    return cached(store, "class_counts", compute)  # type: ignore[no-any-return]


def distinct_count(store: Store, what: str) -> int:
    """`triples`, `subjects`, `properties` or `objects` over the union (cached per version)."""
    exprs = {
        "triples": "*",
        "subjects": "DISTINCT ?s",
        "properties": "DISTINCT ?p",
        "objects": "DISTINCT ?o",
    }
    expr = exprs[what]

    def compute() -> int:
        rows = store.select(f"SELECT (COUNT({expr}) AS ?n) WHERE {{ ?s ?p ?o }}")
        return int(rows[0]["n"])  # type: ignore[call-overload]

    return cached(store, f"count-{what}", compute)  # type: ignore[no-any-return]
