"""Every export format round-trips: parsing the dump gives back the store's content."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from graph.importer import import_paths
from graph.store import OxigraphStore
from graph.terms import from_ox

from .csvdata import write_set

RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}


@pytest.fixture
def filled(store: OxigraphStore, tmp_path: Path, base: str) -> OxigraphStore:
    import_paths([write_set(tmp_path / "set")], store, base, source="test")
    return store


def _reference(store: OxigraphStore) -> Graph:
    """The store's triples read through SPARQL (independently of the dump code)."""
    return store.construct(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != ?v1 && ?g != ?v2) }",
        v1=next(g.iri for g in store.graphs() if g.source == "vocabulary-territories"),
        v2=next(g.iri for g in store.graphs() if g.source == "vocabulary-sdg"),
    )


def _graphs(store: OxigraphStore) -> list:
    return [
        g.iri
        for g in store.graphs()
        if g.source not in ("vocabulary-territories", "vocabulary-sdg")
    ]


@pytest.mark.parametrize("fmt", sorted(RDFLIB_FORMAT))
def test_triple_formats_round_trip(filled: OxigraphStore, fmt: str) -> None:
    out = io.BytesIO()
    filled.dump(out, fmt, _graphs(filled))
    parsed = Graph().parse(data=out.getvalue(), format=RDFLIB_FORMAT[fmt])
    assert len(parsed) > 100
    assert isomorphic(parsed, _reference(filled))


def test_nquads_keeps_named_graphs(filled: OxigraphStore) -> None:
    out = io.BytesIO()
    filled.dump(out, "nq", _graphs(filled))
    by_graph: dict[str, Graph] = {}
    for q in pyoxigraph.parse(out.getvalue(), pyoxigraph.RdfFormat.N_QUADS):
        g = by_graph.setdefault(q.graph_name.value, Graph())
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    assert set(by_graph) == {str(g) for g in _graphs(filled)}
    for g in _graphs(filled):
        expected = filled.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", g=g)
        assert isomorphic(by_graph[str(g)], expected)


def test_full_export_round_trips(filled: OxigraphStore) -> None:
    out = io.BytesIO()
    filled.dump(out, "nt")
    triples = set(pyoxigraph.parse(out.getvalue(), pyoxigraph.RdfFormat.N_TRIPLES))
    assert len(triples) == filled.count_triples()
