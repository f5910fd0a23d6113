"""Contract: writing — publish-last, versions, replacement, provenance, blank nodes, crashes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.store import Change, Store, Write, provenance_graph
from ontology.namespaces import ALL, DCT, PROV, RDF, SKOS, XSD

from ..store_servers import Server
from .conftest import BASE, CHUNK, named_graphs

LABEL = SKOS.prefLabel


def _actors(n: int, label: str = "x", start: int = 0) -> list[tuple[URIRef, URIRef, Literal]]:
    return [
        (URIRef(f"{BASE}actor/a{i}"), LABEL, Literal(f"{label}{i}"))
        for i in range(start, start + n)
    ]


def _labels(store: Store) -> set[str]:
    return {str(r["l"]) for r in store.select("SELECT ?l WHERE { ?s ?p ?l }", p=LABEL)}


def _prov(source: str, checksum: str = "c0ffee") -> Any:
    def make(graph: URIRef) -> list[tuple[Any, Any, Any]]:
        activity = URIRef(f"{graph}#import")
        return [
            (graph, RDF.type, PROV.Entity),
            (graph, DCT.identifier, Literal(source)),
            (graph, ALL.sha256, Literal(checksum)),
            (graph, PROV.wasGeneratedBy, activity),
            (activity, RDF.type, PROV.Activity),
        ]

    return make


def test_write_publishes_and_notifies(any_store: Store) -> None:
    seen: list[Change] = []
    any_store.add_listener(seen.append)
    res = frozenset({URIRef(BASE + "actor/a0")})
    v1 = any_store.write(Write("s", _actors(3), resources=res))
    assert v1 == 1 and any_store.version == 1
    assert [g.source for g in any_store.graphs()] == ["s"]
    assert _labels(any_store) == {"x0", "x1", "x2"}
    assert seen == [Change(1, "s", res)]


def test_rewrite_replaces_the_source_and_retires_its_graph(
    any_store: Store, server: Server | None
) -> None:
    any_store.write(Write("s", _actors(3, "a")))
    first = any_store.graphs()[0].iri
    v2 = any_store.write(Write("s", _actors(2, "b")))
    assert v2 == 2
    assert _labels(any_store) == {"b0", "b1"}
    infos = any_store.graphs()
    assert [g.source for g in infos] == ["s"] and infos[0].iri != first
    assert str(first) not in named_graphs(any_store, server)


def test_sources_live_side_by_side_and_drop(any_store: Store, server: Server | None) -> None:
    any_store.write(Write("a", _actors(2, "a")))
    any_store.write(Write("b", _actors(2, "b", start=10)))
    assert _labels(any_store) == {"a0", "a1", "b10", "b11"}
    gone = next(g.iri for g in any_store.graphs() if g.source == "a")
    v = any_store.drop_source("a")
    assert v == 3 and any_store.version == 3
    assert [g.source for g in any_store.graphs()] == ["b"]
    assert _labels(any_store) == {"b10", "b11"}
    assert str(gone) not in named_graphs(any_store, server)
    assert any_store.drop_source("nothing") == 3


def test_replaced_resources_leave_other_sources(any_store: Store) -> None:
    a1 = URIRef(BASE + "actor/a1")
    share = URIRef(f"{a1}#share-1")
    any_store.write(
        Write(
            "old",
            [
                *_actors(3, "old"),
                (a1, ALL.resourceShare, share),
                (share, ALL.shareOfBudget, Literal("50", datatype=XSD.decimal)),
            ],
        )
    )
    any_store.write(Write("vocabulary-x", [(a1, SKOS.note, Literal("vocabulary note"))]))
    any_store.write(Write("new", [(a1, LABEL, Literal("new1"))], replaces=frozenset({a1})))
    assert _labels(any_store) == {"old0", "old2", "new1"}
    assert not any_store.ask("ASK { ?s ?p ?o }", s=share)
    # vocabularies are never rewritten by an import
    assert any_store.ask("ASK { ?s ?p ?o }", s=a1, p=SKOS.note)


def test_checksum_and_provenance_follow_the_graph(any_store: Store) -> None:
    any_store.write(Write("s", _actors(1), provenance=_prov("s", "aaa")))
    assert any_store.source_checksum("s") == "aaa"
    assert any_store.source_checksum("other") is None
    any_store.write(Write("s", _actors(1), provenance=_prov("s", "bbb")))
    assert any_store.source_checksum("s") == "bbb"
    prov = provenance_graph(BASE)
    assert "provenance" in [g.source for g in any_store.graphs()]
    current = next(g.iri for g in any_store.graphs() if g.source == "s")
    described = {
        r["g"]
        for r in any_store.select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?pg { ?g ?p ?o } ?g ?t ?e }",
            pg=prov,
            t=RDF.type,
            e=PROV.Entity,
        )
    }
    assert described == {current}
    assert not any_store.ask(
        "ASK { ?a ?t ?c FILTER(!STRSTARTS(STR(?a), STR(?g))) }",
        t=RDF.type,
        c=PROV.Activity,
        g=current,
    )


def test_blank_nodes_keep_their_structure_across_chunks(any_store: Store) -> None:
    """Each chunk sent to a server is its own document: a blank node must not be split."""
    chunk = 40
    any_store.chunk = chunk  # type: ignore[attr-defined]
    triples: list[tuple[Any, Any, Any]] = []
    for i in range(3 * chunk):
        triples.append((URIRef(f"{BASE}actor/a{i}"), LABEL, Literal(f"x{i}")))
    head = BNode()
    node = head
    for i in range(chunk + 10):  # a list longer than a chunk
        nxt = BNode()
        triples += [(node, RDF.first, Literal(i)), (node, RDF.rest, nxt)]
        node = nxt
    triples.append((node, RDF.rest, RDF.nil))
    triples.append((URIRef(BASE + "actor/a0"), SKOS.related, head))
    any_store.write(Write("bn", triples))
    got = any_store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    expected = Graph()
    for t in triples:
        expected.add(t)
    assert len(got) == len(expected)
    assert isomorphic(got, expected)


def test_large_write_streams_in_chunks(any_store: Store) -> None:
    any_store.write(Write("big", _actors(5 * CHUNK + 7)))
    assert any_store.count_triples() == 5 * CHUNK + 7


def _failing(n: int) -> Iterator[tuple[URIRef, URIRef, Literal]]:
    yield from _actors(n, "partial")
    raise RuntimeError("the input broke in the middle")


def test_failed_write_leaves_the_previous_state(any_store: Store, server: Server | None) -> None:
    any_store.write(Write("s", _actors(2, "ok")))
    before = (any_store.version, any_store.graphs(), _labels(any_store))
    with pytest.raises(RuntimeError):
        any_store.write(Write("s", _failing(3 * CHUNK)))
    assert (any_store.version, any_store.graphs(), _labels(any_store)) == before
    any_store.write(Write("t", _actors(1, "next", start=50)))
    assert _labels(any_store) == {"ok0", "ok1", "next50"}
    published = {str(g.iri) for g in any_store.graphs()}
    assert named_graphs(any_store, server) - {"urn:x-alliances:system"} == published


def test_system_graph_is_never_visible(any_store: Store) -> None:
    any_store.write(Write("s", _actors(1)))
    assert not any_store.ask('ASK { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "urn:x-")) }')
    assert not any_store.ask('ASK { ?s ?p ?o FILTER(STRSTARTS(STR(?s), "urn:x-")) }')
