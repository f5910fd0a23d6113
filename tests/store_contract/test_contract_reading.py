"""Contract: reading — values bound as terms, rows of rdflib terms, the same answers everywhere."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.errors import QueryError
from graph.store import Store, Write
from ontology.namespaces import RDF, SKOS, XSD

from .conftest import BASE

EX = BASE + "x/"
LABEL = SKOS.prefLabel

#: Literals that must come back exactly as written (lexical form, language, datatype).
LITERALS = [
    Literal("plain"),
    Literal("guillemets « » et apostrophe ’ — émoji 🌍"),
    Literal('quote " backslash \\ tab \t newline \n return \r end'),
    Literal("{ } ; DROP ALL ; # not a comment"),
    Literal("fr", lang="fr"),
    Literal("région", lang="fr-FR"),
    Literal("42", datatype=XSD.integer),
    Literal("-3.25", datatype=XSD.decimal),
    Literal("true", datatype=XSD.boolean),
    Literal("2026-11-30", datatype=XSD.date),
    Literal("2026-11-30T12:34:56Z", datatype=XSD.dateTime),
    Literal("2026", datatype=XSD.gYear),
    Literal("n'importe quoi", datatype=URIRef(EX + "customType")),
]


def _write(store: Store, triples: list[tuple[URIRef, URIRef, object]], source: str = "s") -> int:
    return store.write(Write(source, triples))


def test_empty_store(any_store: Store) -> None:
    assert any_store.version == 0
    assert any_store.graphs() == []
    assert any_store.count_triples() == 0
    assert any_store.select("SELECT ?s WHERE { ?s ?p ?o }") == []
    assert not any_store.ask("ASK { ?s ?p ?o }")


def test_capabilities_are_declared(any_store: Store) -> None:
    caps = any_store.capabilities
    assert all(isinstance(v, bool) for v in vars(caps).values())
    assert caps.transactions


@pytest.mark.parametrize("value", LITERALS, ids=[f"lit{i}" for i in range(len(LITERALS))])
def test_literal_comes_back_as_written_and_binds(any_store: Store, value: Literal) -> None:
    s = URIRef(EX + "a")
    _write(any_store, [(s, LABEL, value)])
    rows = any_store.select("SELECT ?o WHERE { ?s ?p ?o }", s=s, p=LABEL)
    assert [r["o"] for r in rows] == [value]
    got = rows[0]["o"]
    assert isinstance(got, Literal)
    # language tags are case-insensitive (RDF 1.1); every engine here writes them in lower case
    assert (str(got), (got.language or "").lower(), got.datatype) == (
        str(value),
        (value.language or "").lower(),
        value.datatype,
    )
    assert [r["s"] for r in any_store.select("SELECT ?s WHERE { ?s ?p ?o }", o=value)] == [s]


def test_bindings_single_several_and_in_filters(any_store: Store) -> None:
    a, b, c = (URIRef(EX + n) for n in "abc")
    _write(
        any_store,
        [
            (a, LABEL, Literal("A", lang="fr")),
            (b, LABEL, Literal("B", lang="en")),
            (c, RDF.type, SKOS.Concept),
        ],
    )
    both = any_store.select("SELECT ?s WHERE { ?s ?p ?o }", s={a, b}, p=LABEL)
    assert sorted(r["s"] for r in both) == [a, b]
    fr = any_store.select(
        "SELECT ?s WHERE { ?s ?p ?o FILTER(LANGMATCHES(LANG(?o), ?lang)) }",
        p=LABEL,
        lang=Literal("fr"),
    )
    assert [r["s"] for r in fr] == [a]
    opt = any_store.select(
        "SELECT ?s ?l WHERE { ?s ?t ?c OPTIONAL { ?s ?p ?l FILTER(LANG(?l) = ?lang) } }",
        t=RDF.type,
        c=SKOS.Concept,
        p=LABEL,
        lang=Literal("fr"),
    )
    assert opt == [{"s": c}]
    assert any_store.select("SELECT ?s WHERE { ?s ?p ?o }", s=[], p=LABEL) == []


def test_bound_text_is_never_syntax(any_store: Store) -> None:
    s = URIRef(EX + "a")
    _write(any_store, [(s, LABEL, Literal("x"))])
    hostile = Literal('x" } ; DROP ALL ; SELECT * WHERE { ?s ?p "')
    assert any_store.select("SELECT ?s WHERE { ?s ?p ?o }", o=hostile) == []
    assert any_store.count_triples() == 1
    with pytest.raises(TypeError):
        any_store.select("SELECT ?s WHERE { ?s ?p ?o }", s=BNode())
    with pytest.raises(TypeError):
        any_store.select("SELECT ?s WHERE { ?s ?p ?o }", s="not a term")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        any_store.select("SELECT ?s WHERE { ?s ?p ?o }", s=URIRef("http://x/a b"))


def test_ask_and_construct(any_store: Store) -> None:
    a, b = URIRef(EX + "a"), URIRef(EX + "b")
    written = [(a, LABEL, Literal("A")), (a, SKOS.broader, b), (b, LABEL, Literal("B", lang="fr"))]
    _write(any_store, written)
    assert any_store.ask("ASK { ?s ?p ?o }", s=a, o=b)
    assert not any_store.ask("ASK { ?s ?p ?o }", s=b, o=a)
    g = any_store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    expected = Graph()
    for t in written:
        expected.add(t)
    assert isomorphic(g, expected)
    only_a = any_store.triples("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", s=a)
    assert sorted(only_a) == sorted(written[:2])


def test_aggregates_and_grouping(any_store: Store) -> None:
    triples = [
        (URIRef(f"{EX}r{i}"), URIRef(EX + ("even" if i % 2 == 0 else "odd")), Literal(i))
        for i in range(10)
    ]
    _write(any_store, triples)
    rows = any_store.select(
        "SELECT ?p (COUNT(*) AS ?n) (GROUP_CONCAT(STR(?o); separator=' ') AS ?all) "
        "WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p"
    )
    assert [(str(r["p"]), int(r["n"])) for r in rows] == [(EX + "even", 5), (EX + "odd", 5)]
    assert sorted(str(rows[0]["all"]).split()) == ["0", "2", "4", "6", "8"]
    assert any_store.count_triples() == 10


def test_syntax_error_is_a_query_error(any_store: Store) -> None:
    with pytest.raises(QueryError) as err:
        any_store.select("SELEC ?s WHERE { ?s ?p ?o }")
    assert err.value.status == 400
    assert err.value.message_fr != err.value.message
