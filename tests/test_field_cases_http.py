"""Field cases 07–12 (../shared/field-cases, copied to tests/data/field-cases): the HTTP and output
side, on the bundled demo plus each case's files imported, as the cases' README says.

Case 10's control character is also written straight into the store (`legacy` source), as a
store filled before imports cleaned text, or an RDF source, may hold it: outputs must stay
well-formed whatever the import does.
"""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.dom import minidom

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.importer import import_paths
from graph.store import Write
from graph.xml_text import xml_safe
from ontology.namespaces import DCAT, SKOS, XSD

CASES = Path(__file__).parent / "data" / "field-cases"
BASE = "https://w3id.org/alliances/id/"
LEGACY_ACTOR = URIRef(BASE + "actor/ancien-vt")
LEGACY_NAME = "Ancien\x0bnom\x0cavec\x01contrôles\ufffe"


@pytest.fixture(scope="module")
def field_app(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The demo instance with cases 09, 10 and 11 imported and a legacy name with controls."""
    from webui.app import create_app
    from webui.instance import Instance

    home = tmp_path_factory.mktemp("field-http") / "instance"
    shutil.copytree(demo_home, home)
    inst = Instance.open({"HOME": str(home)})
    cases = ("09-rdfxml-wellformed", "10-control-character", "11-dcat-dates")
    import_paths([CASES / c for c in cases], inst.store, inst.base, source="field-cases")
    alliance = URIRef(BASE + "alliance/alliance-vt")
    inst.store.write(
        Write(
            source="legacy",
            triples=[
                (LEGACY_ACTOR, SKOS.prefLabel, Literal(LEGACY_NAME, lang="fr")),
                (
                    LEGACY_ACTOR,
                    URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    URIRef("http://www.w3.org/ns/org#FormalOrganization"),
                ),
                (alliance, URIRef("http://www.w3.org/ns/org#hasMember"), LEGACY_ACTOR),
            ],
        )
    )
    app = create_app(instance=inst)
    app.config["TESTING"] = True
    yield app
    inst.close()


@pytest.fixture(scope="module")
def fc(field_app: Any) -> Any:
    """A client of the field-case app."""
    return field_app.test_client()


def well_formed(body: bytes) -> None:
    """Fail unless `body` is a well-formed XML document."""
    minidom.parseString(body)


# -- 07: apostrophes ------------------------------------------------------------------------------
def test_07_every_apostrophe_gives_the_same_results(fc: Any) -> None:
    queries = (CASES / "07-search-apostrophes" / "queries.txt").read_text("utf-8").split()
    assert [q[1] for q in queries] == ["'", "\u2019", "\u02bc"]
    answers = [
        fc.get("/api/search", query_string={"q": q, "limit": 100}).get_json() for q in queries
    ]
    totals = {a["total"] for a in answers}
    assert len(totals) == 1 and totals.pop() > 0
    assert len({tuple(h["id"] for h in a["results"]) for a in answers}) == 1


# -- 08: content negotiation ----------------------------------------------------------------------
ACCEPTS = (CASES / "08-conneg" / "accept.txt").read_text("utf-8").splitlines()
NEGOTIATED = [
    "/id/actor/ressourcerie-port",
    "/ns",
    "/catalog",
    "/sparql",
    "/.well-known/void",
    "/dump/alliances",
]


@pytest.mark.parametrize("path", NEGOTIATED)
@pytest.mark.parametrize("accept", ACCEPTS)
def test_08_parameters_never_cause_a_406_and_q0_excludes(fc: Any, path: str, accept: str) -> None:
    r = fc.get(path, headers={"Accept": accept})
    assert r.status_code in (200, 303), (path, accept, r.status_code)
    assert "Accept" in r.headers.get("Vary", ""), (path, accept)
    answered = r.headers["Location"] if r.status_code == 303 else r.mimetype
    assert answered != "text/html" and not answered.endswith(".html")  # never the page
    assert not answered.startswith("/actor/")
    if accept.startswith("text/turtle"):
        assert answered.endswith(".ttl") or answered == "text/turtle"
    if accept.startswith("application/ld+json"):
        assert answered.endswith(".jsonld") or answered == "application/ld+json"


def test_08_turtle_with_charset_is_turtle(fc: Any) -> None:
    r = fc.get("/catalog", headers={"Accept": ACCEPTS[0]})
    assert r.mimetype == "text/turtle"
    Graph().parse(data=r.data, format="turtle")


# -- 09: predicate IRI ending in a digit ----------------------------------------------------------
def test_09_rdfxml_negotiation_falls_back_when_rdfxml_cannot_carry_the_document(fc: Any) -> None:
    # rapper -i rdfxml: only RDF/XML wanted → a clear 406, never broken XML
    r = fc.get(
        "/id/actor/ressourcerie-port", headers={"Accept": "application/rdf+xml, text/rdf;q=0.6"}
    )
    assert r.status_code == 406
    body = r.get_json()
    assert body["error"] == "not_representable"  # the reason, as for the .rdf document
    assert "http://example.org/indicateurs/2024" in body["message_fr"]
    # rapper -g accepts Turtle too: it gets a document it can parse
    r = fc.get(
        "/id/actor/ressourcerie-port",
        headers={"Accept": "application/rdf+xml, application/n-triples, text/turtle, */*;q=0.1"},
    )
    assert r.status_code == 303 and not r.headers["Location"].endswith(".rdf")


def test_09_rdfxml_document_is_a_clear_406(fc: Any) -> None:
    r = fc.get("/id/actor/ressourcerie-port.rdf", headers={"Accept": "application/json"})
    assert r.status_code == 406
    body = r.get_json()
    assert body["error"] == "not_representable"
    assert "http://example.org/indicateurs/2024" in body["message_fr"]
    assert "Turtle" in body["message_fr"]


def test_09_turtle_keeps_the_triple(fc: Any) -> None:
    g = Graph().parse(data=fc.get("/id/actor/ressourcerie-port.ttl").data, format="turtle")
    assert (None, URIRef("http://example.org/indicateurs/2024"), Literal("12 tonnes")) in g


@pytest.mark.parametrize(
    "query",
    [
        "DESCRIBE <https://w3id.org/alliances/id/actor/ressourcerie-port>",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?s = "
        "<https://w3id.org/alliances/id/actor/ressourcerie-port>) }",
    ],
)
def test_09_sparql_rdfxml_is_406_not_broken_xml(fc: Any, query: str) -> None:
    r = fc.get("/sparql", query_string={"query": query}, headers={"Accept": "application/rdf+xml"})
    assert r.status_code == 406
    assert "2024" in r.get_data(as_text=True)


def xml_safe_graph(g: Graph) -> Graph:
    """`g` with its literals cleaned as the RDF/XML writer cleans them."""
    out = Graph()
    for s, p, o in g:
        if isinstance(o, Literal):
            o = Literal(xml_safe(str(o)), lang=o.language, datatype=o.datatype)
        out.add((s, p, o))
    return out


@pytest.mark.parametrize(
    "path",
    [
        "/id/actor/jardins-vt",
        "/id/actor/ancien-vt",
        "/ns",
        "/catalog",
        "/ns/actor-type",
        "/id/alliance/alliance-vt",
    ],
)
def test_09_rdfxml_of_other_documents_parses_and_round_trips(fc: Any, path: str) -> None:
    rdf = fc.get(path + ".rdf")
    assert rdf.status_code == 200, path
    well_formed(rdf.data)
    nt = Graph().parse(data=fc.get(path + ".nt").data, format="nt")
    assert isomorphic(Graph().parse(data=rdf.data, format="xml"), xml_safe_graph(nt)), path


# -- 10: control characters ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "/export/network/bipartite.gexf",
        "/export/network/bipartite.graphml",
        "/export/network/actors.gexf",
        "/export/network/actors.graphml",
        "/id/actor/ancien-vt.rdf",
        "/id/actor/jardins-vt.rdf",
        "/id/alliance/alliance-vt.rdf",
        "/catalog.rdf",
    ],
)
def test_10_xml_outputs_are_well_formed(fc: Any, path: str) -> None:
    with fc.get(path) as r:
        assert r.status_code == 200, path
        well_formed(r.get_data())


def test_10_network_exports_keep_the_name_without_the_controls(fc: Any) -> None:
    for path in ("/export/network/bipartite.gexf", "/export/network/bipartite.graphml"):
        with fc.get(path) as r:
            # the import turned the U+000B (a soft line break) into a space
            assert "Jardins partagés" in r.get_data(as_text=True)


def test_10_sparql_xml_results_are_well_formed(fc: Any) -> None:
    q = f"SELECT ?n WHERE {{ <{LEGACY_ACTOR}> ?p ?n FILTER(isLiteral(?n)) }}"
    r = fc.get(
        "/sparql", query_string={"query": q}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert r.status_code == 200
    well_formed(r.data)
    assert "Anciennomaveccontrôles" in r.get_data(as_text=True)
    r = fc.get(
        "/sparql",
        query_string={"query": f"DESCRIBE <{LEGACY_ACTOR}>"},
        headers={"Accept": "application/rdf+xml"},
    )
    assert r.status_code == 200
    well_formed(r.data)


def test_10_other_formats_keep_the_exact_text(fc: Any) -> None:
    g = Graph().parse(data=fc.get("/id/actor/ancien-vt.nt").data, format="nt")
    assert (LEGACY_ACTOR, SKOS.prefLabel, Literal(LEGACY_NAME, lang="fr")) in g


def test_10_dumps_keep_the_exact_text_and_parse(fc: Any) -> None:
    with fc.get("/dump/source/legacy.nt.gz") as r:
        g = Graph().parse(data=gzip.decompress(r.get_data()), format="nt")
    assert (LEGACY_ACTOR, SKOS.prefLabel, Literal(LEGACY_NAME, lang="fr")) in g
    with fc.get("/dump/source/legacy.ttl") as r:
        assert isomorphic(g, Graph().parse(data=r.get_data(), format="turtle"))


# -- 11: dates in the catalogue --------------------------------------------------------------------
def test_11_only_valid_typed_dates_reach_the_catalogue(fc: Any) -> None:
    g = Graph().parse(data=fc.get("/catalog.ttl").data, format="turtle")
    dates = [o for p in (DCAT.startDate, DCAT.endDate) for o in g.objects(None, p)]
    assert dates
    for d in dates:
        assert isinstance(d, Literal) and d.datatype == XSD.gYear and not d.ill_typed
        assert str(d).isdigit() and len(str(d)) == 4
    source = URIRef(BASE + "graph/field-cases")
    assert not list(g.objects(source, URIRef("http://purl.org/dc/terms/temporal")))


def test_11_year_of() -> None:
    from graph.queries.catalog import year_of

    assert year_of(Literal("2023-06-15", datatype=XSD.date)) == 2023
    assert year_of(Literal("2023-06", datatype=XSD.gYearMonth)) == 2023
    assert year_of(Literal("2023", datatype=XSD.gYear)) == 2023
    assert year_of(Literal("2023-06-15T10:00:00+02:00", datatype=XSD.dateTime)) == 2023
    assert year_of(Literal("2023-06-15")) == 2023
    for bad in (
        Literal("15/06/2023"),
        Literal("15/06/2023", datatype=XSD.date),
        Literal("2023-13-45", datatype=XSD.date),
        Literal("2023-06", datatype=XSD.gYear),
        Literal(2023),
        Literal("juin 2023", lang="fr"),
        URIRef("http://x/2023"),
        None,
    ):
        assert year_of(bad) is None, bad


# -- 12: odd identifiers ---------------------------------------------------------------------------
ODD = [
    "foo%3Ebar",
    "a%20b",
    "%C3%A9t%C3%A9",
    "a" * 5000,
    "..",
    "a%2Fb",
    "a%00b",
    "A-Z",
    "-x",
    "%E2%80%AE",
    "x%3Cscript%3E",
    "%F0%9F%98%80",
    "a_b",
]


def test_12_the_case_urls_are_french_404_pages(fc: Any) -> None:
    for url in (CASES / "12-odd-ids" / "urls.txt").read_text("utf-8").split():
        r = fc.get(url, headers={"Accept": "text/html"})
        assert r.status_code == 404, url
        page = r.get_data(as_text=True)
        assert "Page introuvable" in page and 'lang="fr"' in page and 'href="/"' in page


@pytest.mark.parametrize("odd", ODD)
@pytest.mark.parametrize(
    "pattern",
    [
        "/actor/{}",
        "/alliance/{}",
        "/tool/{}",
        "/evaluation/{}",
        "/sdg/{}",
        "/territoire/commune/{}",
        "/territoire/region/{}",
        "/id/actor/{}",
        "/id/alliance/{}.ttl",
        "/id/{}",
        "/id/graph/{}",
        "/id/{}/x",
        "/ns/{}",
        "/ns/actor-type/{}",
        "/ns/{}.ttl",
        "/dump/source/{}.ttl",
        "/dump/source/{}",
        "/export/network/{}",
    ],
)
def test_12_odd_ids_are_404_on_every_page_type(fc: Any, pattern: str, odd: str) -> None:
    r = fc.get(pattern.format(odd), headers={"Accept": "text/turtle, text/html;q=0.9"})
    assert r.status_code == 404, (pattern, odd, r.status_code)


@pytest.mark.parametrize("odd", ODD)
@pytest.mark.parametrize("pattern", ["/api/actors/{}/partners", "/api/alliances/{}/analogues"])
def test_12_odd_ids_are_400_on_the_json_api(fc: Any, pattern: str, odd: str) -> None:
    r = fc.get(pattern.format(odd))
    assert r.status_code in (400, 404), (pattern, odd, r.status_code)
    assert set(r.get_json()) >= {"error", "message", "message_fr"}
    if "%2F" not in odd and odd != "..":  # those change the route itself
        assert r.status_code == 400


def test_12_valid_but_unknown_ids_are_404_everywhere(fc: Any) -> None:
    assert fc.get("/actor/inconnu-du-tout").status_code == 404
    assert fc.get("/id/actor/inconnu-du-tout.ttl").status_code == 404
    assert fc.get("/api/actors/inconnu-du-tout/partners").status_code == 404


def test_12_quote_in_segment(fc: Any) -> None:
    assert fc.get("/actor/" + quote("l'atelier", safe="")).status_code == 404
