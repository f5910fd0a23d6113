"""Contract: anyone's query (`run`), dumps, second handles."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.errors import Conflict, QueryError
from graph.rdfio import FORMATS, parse, parse_quads
from graph.store import Store, Write
from ontology.namespaces import RDF, SKOS

from .conftest import BASE

LABEL = SKOS.prefLabel
A, B = URIRef(BASE + "actor/a"), URIRef(BASE + "actor/b")
TRIPLES = [
    (A, LABEL, Literal("Alpha", lang="fr")),
    (A, RDF.type, SKOS.Concept),
    (B, LABEL, Literal('B "quoted"\nline')),
    (B, SKOS.broader, A),
]
RDF_PARSE = {
    "ttl": "turtle",
    "nt": "nt",
    "jsonld": "json-ld",
    "rdfxml": "xml",
    "nq": "nquads",
    "trig": "trig",
}


def _filled(store: Store) -> Store:
    store.write(Write("one", TRIPLES[:2]))
    store.write(Write("two", TRIPLES[2:]))
    return store


def _graph(triples: object) -> Graph:
    g = Graph()
    for t in triples:  # type: ignore[attr-defined]
        g.add(t)
    return g


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_run_select_in_every_result_format(any_store: Store, fmt: str) -> None:
    query = f"SELECT ?s ?l WHERE {{ ?s {LABEL.n3()} ?l }} ORDER BY ?s"
    out = _filled(any_store).run(query, result_format=fmt)
    assert (out.kind, out.rows, out.truncated) == ("solutions", 2, False)
    text = out.body.decode()
    if fmt == "json":
        rows = json.loads(text)["results"]["bindings"]
        assert rows[0]["l"] == {"type": "literal", "value": "Alpha", "xml:lang": "fr"}
        assert rows[1]["l"] == {"type": "literal", "value": 'B "quoted"\nline'}
    elif fmt == "xml":
        ns = "{http://www.w3.org/2005/sparql-results#}"
        assert len(ElementTree.fromstring(out.body).findall(f"{ns}results/{ns}result")) == 2
    elif fmt == "csv":
        assert list(csv.reader(io.StringIO(text)))[1] == [str(A), "Alpha"]
    else:
        assert text.splitlines()[1] == f'<{A}>\t"Alpha"@fr'


def test_run_ask_construct_and_row_cap(any_store: Store) -> None:
    store = _filled(any_store)
    yes = store.run("ASK { ?s ?p ?o }", result_format="json")
    assert (yes.kind, json.loads(yes.body)["boolean"]) == ("boolean", True)
    no = store.run("ASK { ?s <urn:nothing> ?o }", result_format="xml")
    assert b"<boolean>false</boolean>" in no.body
    for fmt in ("ttl", "nt", "jsonld", "rdfxml"):
        got = store.run("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", graph_format=fmt)
        assert got.kind == "graph" and not got.truncated
        assert isomorphic(Graph().parse(data=got.body, format=RDF_PARSE[fmt]), _graph(TRIPLES))
    capped = store.run("SELECT * WHERE { ?s ?p ?o }", max_rows=3)
    assert (capped.rows, capped.truncated) == (3, True)
    assert len(json.loads(capped.body)["results"]["bindings"]) == 3
    graph = store.run("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", max_rows=2, graph_format="nt")
    assert (graph.rows, graph.truncated) == (2, True)


def test_run_over_a_chosen_dataset(any_store: Store) -> None:
    store = _filled(any_store)
    one = next(g.iri for g in store.graphs() if g.source == "one")
    out = store.run(
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", default_graph=[one], named_graphs=[one]
    )
    assert json.loads(out.body)["results"]["bindings"][0]["n"]["value"] == "2"
    named = store.run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", named_graphs=[one])
    assert [b["g"]["value"] for b in json.loads(named.body)["results"]["bindings"]] == [str(one)]
    with pytest.raises(QueryError):
        store.run("SELECT * WHERE { ?s ?p }")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_dump_round_trips(any_store: Store, fmt: str) -> None:
    store = _filled(any_store)
    out = io.BytesIO()
    store.dump(out, fmt)
    if FORMATS[fmt].quads:
        quads = list(parse_quads(out.getvalue(), fmt))
        assert {str(q[3]) for q in quads} == {str(g.iri) for g in store.graphs()}
        merged = _graph(q[:3] for q in quads)
    else:
        merged = _graph(parse(out.getvalue(), fmt))
    assert isomorphic(merged, _graph(TRIPLES))
    one = next(g.iri for g in store.graphs() if g.source == "one")
    part = io.BytesIO()
    store.dump(part, "nt", graphs=[one])
    assert isomorphic(_graph(parse(part.getvalue(), "nt")), _graph(TRIPLES[:2]))


def test_reader_sees_published_state(any_store: Store) -> None:
    store = _filled(any_store)
    opener = store.reader()
    if opener is None:
        pytest.skip("this store has no second handle (in-memory)")
    reader = opener()
    try:
        assert reader.version == store.version
        assert reader.count_triples() == len(TRIPLES)
        if store.capabilities.on_disk:
            with pytest.raises(Conflict):
                reader.write(Write("x", TRIPLES))
    finally:
        reader.close()
