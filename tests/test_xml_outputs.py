"""Every output parses, whatever the data (hypothesis): RDF documents in every format
(`graph/serialize.py`), SPARQL XML results, GraphML and GEXF; and generated URL path segments
never make a page fail.
"""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import quote
from xml.dom import minidom

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.serialize import NotRepresentable, rdf_xml_problem, serialize
from graph.store.results import write_xml
from graph.terms import from_ox
from graph.xml_text import XML_ILLEGAL, xml_safe
from webui.network_export import _gexf, _graphml

PARSE = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}
PREFIXES = {"ex": "http://ex.org/", "dct": "http://purl.org/dc/terms/"}

# any character but surrogates, controls included
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_SEGMENT = st.text(st.sampled_from("abcXYZ0123456789-._~éçœ"), min_size=1, max_size=8)


def _valid_iri(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


IRIS = (
    st.builds(
        lambda ns, segs, frag: ns + "/".join(segs) + frag,
        st.sampled_from(
            [
                "http://ex.org/",
                "https://w3id.org/alliances/id/",
                "http://purl.org/dc/terms/",
                "urn:x:",
            ]
        ),
        st.lists(_SEGMENT, min_size=1, max_size=3),
        st.sampled_from(["", "#", "#a", "#1", "#b-2"]),
    )
    .filter(_valid_iri)
    .map(URIRef)
)
LITERALS = st.one_of(
    st.builds(Literal, TEXT),
    st.builds(lambda t, lang: Literal(t, lang=lang), TEXT, st.sampled_from(["fr", "en", "fr-be"])),
    st.builds(lambda t, dt: Literal(t, datatype=dt), TEXT, IRIS),
)
BNODES = st.sampled_from(["b1", "1abc", "x", "N0f"]).map(BNode)
TRIPLES = st.lists(
    st.tuples(st.one_of(IRIS, BNODES), IRIS, st.one_of(IRIS, BNODES, LITERALS)),
    min_size=1,
    max_size=8,
)


def graph_of(triples: list[tuple[Any, Any, Any]]) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


def xml_safe_graph(g: Graph) -> Graph:
    out = Graph()
    for s, p, o in g:
        if isinstance(o, Literal):
            o = Literal(xml_safe(str(o)), lang=o.language, datatype=o.datatype)
        out.add((s, p, o))
    return out


@settings(max_examples=150, deadline=None)
@given(triples=TRIPLES, fmt=st.sampled_from(["ttl", "nt", "jsonld", "rdfxml"]))
def test_every_rdf_format_round_trips(triples: list[tuple[Any, Any, Any]], fmt: str) -> None:
    g = graph_of(triples)
    unwritable = fmt == "rdfxml" and any(rdf_xml_problem(str(p)) for _, p, _ in g)
    try:
        body = serialize(iter(g), fmt, PREFIXES)
    except NotRepresentable:
        assert unwritable
        return
    assert not unwritable
    if fmt == "rdfxml":
        minidom.parseString(body)  # well-formed for any XML parser, not only rdflib's
        g = xml_safe_graph(g)
    if fmt == "ttl":  # oxigraph writes `ex:\.` (PN_LOCAL_ESC), valid Turtle rdflib refuses
        back = Graph()
        for q in ox.parse(body, format=ox.RdfFormat.TURTLE):
            back.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    else:
        back = Graph().parse(data=body, format=PARSE[fmt])
    assert isomorphic(back, g), body.decode()


def test_the_engine_writer_case_is_refused_with_a_reason() -> None:
    p = URIRef("http://example.org/indicateurs/2024")
    with pytest.raises(NotRepresentable) as err:
        serialize([(URIRef("http://ex.org/s"), p, Literal("12 tonnes"))], "rdfxml")
    assert str(p) in err.value.message and str(p) in err.value.message_fr


@settings(max_examples=100, deadline=None)
@given(
    values=st.lists(st.one_of(TEXT, IRIS.map(str)), min_size=1, max_size=5),
    lang=st.sampled_from([None, "fr", "en-gb"]),
)
def test_sparql_xml_results_are_well_formed(values: list[str], lang: str | None) -> None:
    row = [{"type": "literal", "value": v, **({"xml:lang": lang} if lang else {})} for v in values]
    names = [f"v{i}" for i in range(len(values))]
    doc = minidom.parseString(write_xml(names, [row, [None] * len(values)]))
    got = [
        b.getElementsByTagName("literal")[0].firstChild for b in doc.getElementsByTagName("binding")
    ]
    assert [n.data if n else "" for n in got] == [xml_safe(v) for v in values]


@settings(max_examples=60, deadline=None)
@given(labels=st.lists(TEXT, min_size=2, max_size=5))
def test_graphml_and_gexf_are_well_formed(labels: list[str]) -> None:
    g = nx.Graph()
    for i, label in enumerate(labels):
        g.add_node(f"http://ex.org/n{i}", label=label, kind="actor", type=label[:3])
    g.add_edge("http://ex.org/n0", "http://ex.org/n1", role=labels[-1], weight=2)
    for write, read in ((_graphml, nx.read_graphml), (_gexf, nx.read_gexf)):
        body = write(g)
        minidom.parseString(body)
        back = read(io.BytesIO(body))
        got = {str(d.get("label", "")) for _, d in back.nodes(data=True)}
        assert got <= {xml_safe(x).replace("\r\n", "\n").replace("\r", "\n") for x in labels} | {""}
        assert not any(XML_ILLEGAL.search(x) for x in got)


# -- generated URL path segments ----------------------------------------------------------------
PAGES = [
    "/actor/{}",
    "/alliance/{}",
    "/tool/{}",
    "/evaluation/{}",
    "/sdg/{}",
    "/territoire/commune/{}",
    "/territoire/departement/{}",
    "/id/actor/{}",
    "/id/alliance/{}.rdf",
    "/id/{}",
    "/id/graph/{}",
    "/id/{}/{}",
    "/ns/{}",
    "/ns/maturity/{}.jsonld",
    "/dump/source/{}.ttl",
    "/dump/source/{}",
    "/export/network/{}",
    "/catalog.{}",
]
APIS = ["/api/actors/{}/partners", "/api/alliances/{}/analogues"]
SEGMENTS = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
    st.sampled_from(["..", ".", "a" * 3000, "%2F", "foo>bar", "a b", "-x"]),
)


@pytest.fixture(scope="module")
def client(readonly_app: Any) -> Any:
    """A client of the read-only demo app."""
    return readonly_app.test_client()


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(segment=SEGMENTS, page=st.sampled_from(PAGES + APIS))
def test_generated_path_segments_never_fail(client: Any, segment: str, page: str) -> None:
    url = page.format(*[quote(segment, safe="")] * page.count("{}"))
    r = client.get(url, headers={"Accept": "text/html,*/*;q=0.8"})
    try:
        assert r.status_code < 500, (url, r.status_code)
        if page in APIS:
            assert r.status_code in (400, 404), url
            assert set(r.get_json()) >= {"error", "message", "message_fr"}
        elif r.status_code == 404:
            assert "Page introuvable" in r.get_data(as_text=True), url
        else:
            assert r.status_code in (200, 301, 303, 308), (url, r.status_code)
    finally:
        r.close()
