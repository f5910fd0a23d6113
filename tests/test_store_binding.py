"""The one binding mechanism: terms written safely, the VALUES block put where it belongs."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from graph.store import OxigraphStore, Write
from graph.store.binding import bind, query_form, values, where_group
from graph.terms import from_ox, term_syntax
from ontology.namespaces import SKOS, XSD

BASE = "http://test/"
#: Any text, control characters, quotes, backslashes and braces included.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
LANGS = st.sampled_from([None, "fr", "en-GB", "fr-x-alli"])
DATATYPES = st.sampled_from([None, XSD.string, XSD.integer, XSD.date, URIRef(BASE + "dt")])


@st.composite
def literals(draw: st.DrawFn) -> Literal:
    """Literals of any text, with a language or a datatype."""
    text, lang = draw(TEXT), draw(LANGS)
    if lang:
        return Literal(text, lang=lang)
    dt = draw(DATATYPES)
    return Literal(text, datatype=dt) if dt and dt != XSD.string else Literal(text)


@given(lit=literals())
def test_term_syntax_is_read_back_as_the_same_term(lit: Literal) -> None:
    doc = f"<{BASE}s> <{BASE}p> {term_syntax(lit)} .\n".encode()
    [quad] = ox.parse(doc, ox.RdfFormat.N_TRIPLES)
    back = from_ox(quad.object)
    assert (str(back), (back.language or "").lower(), back.datatype) == (  # type: ignore[union-attr]
        str(lit),
        (lit.language or "").lower(),
        lit.datatype,
    )


@pytest.fixture(scope="module")
def memory() -> OxigraphStore:
    """An in-memory store with one literal per generated value (filled by the test)."""
    return OxigraphStore(None, base=BASE)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lit=literals())
def test_any_literal_binds_to_itself(memory: OxigraphStore, lit: Literal) -> None:
    s = URIRef(BASE + "s")
    memory.write(Write("one", [(s, SKOS.prefLabel, lit)]))
    rows = memory.select("SELECT ?s WHERE { ?s ?p ?o }", p=SKOS.prefLabel, o=lit)
    assert [r["s"] for r in rows] == [s]


@pytest.mark.parametrize(
    ("query", "before"),
    [
        ("SELECT ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE "),
        ("select ?s where{?s ?p ?o}", "select ?s where"),
        ("SELECT * { ?s ?p ?o }", "SELECT * "),
        ("ASK { ?s ?p ?o }", "ASK "),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE "),
        (
            "PREFIX where: <http://x/a#>\n# WHERE { in a comment\nSELECT ?where WHERE { ?s "
            "where:p '{ WHERE }' }",
            None,
        ),
        ('SELECT ?s WHERE { ?s ?p """ { " } """ }', "SELECT ?s WHERE "),
        ("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", "SELECT ?s WHERE "),
        (
            "SELECT (IF(?a < ?b, 1, 0) AS ?x) WHERE { ?s ?a ?b }",
            "SELECT (IF(?a < ?b, 1, 0) AS ?x) WHERE ",
        ),
    ],
)
def test_where_group_is_found(query: str, before: str | None) -> None:
    pos = where_group(query)
    assert query[pos] == "{"
    if before is not None:
        assert query[:pos] == before
    else:
        assert query[:pos].rstrip().endswith("SELECT ?where WHERE")


def test_bind_places_values_first_in_the_where_group() -> None:
    q = bind("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": URIRef(BASE + "a")})
    assert q.startswith("CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?s { <http://test/a> }")
    assert query_form(q) == "CONSTRUCT"
    assert bind("ASK { ?s ?p ?o }", {}) == "ASK { ?s ?p ?o }"
    with pytest.raises(ValueError):
        bind("DESCRIBE <http://test/a>", {"s": URIRef(BASE + "a")})
    with pytest.raises(ValueError):
        values(**{"not a name": URIRef(BASE + "a")})


def test_values_of_several_terms_and_of_none() -> None:
    a, b = URIRef(BASE + "a"), URIRef(BASE + "b")
    assert values(r={b, a}) == "VALUES ?r { <http://test/a> <http://test/b> }"
    assert values(r=[b, a]) == "VALUES ?r { <http://test/b> <http://test/a> }"
    assert values(r=[]) == "VALUES ?r {  }"
