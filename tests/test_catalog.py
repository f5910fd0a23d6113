"""The DCAT-AP 3 catalogue passes the official SHACL shapes; VoID describes the graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef

from data import DCAT_AP_SHAPES_DIR
from graph.bundled import LICENCE_OUVERTE, MIT
from ontology.namespaces import DCAT, DCT, RDF, RDFS, VOID

from ._publishing import open_instance


@pytest.fixture(scope="module")
def client(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A test client on a private demo instance, shared by the module (read-only use)."""
    from webui.app import create_app

    inst = open_instance(
        demo_home, tmp_path_factory.mktemp("catalog"), PUBLIC_URL="https://alliances.example.org"
    )
    app = create_app(instance=inst)
    yield app.test_client()
    inst.close()


@pytest.fixture(scope="module")
def catalog(client) -> Graph:  # type: ignore[no-untyped-def]
    """The catalogue parsed from its Turtle serialisation."""
    r = client.get("/catalog.ttl")
    assert r.status_code == 200
    return Graph().parse(data=r.data, format="turtle")


def test_catalog_conforms_to_dcat_ap_3_shapes(catalog: Graph) -> None:
    shapes = Graph()
    for name in ("shapes.ttl", "range.ttl"):
        shapes.parse(DCAT_AP_SHAPES_DIR / name, format="turtle")
    conforms, _, text = validate(catalog, shacl_graph=shapes, allow_warnings=True)
    assert conforms, text


def test_catalog_describes_each_dataset_with_licence_and_distributions(catalog: Graph) -> None:
    idents = {
        str(catalog.value(d, DCT.identifier)): d
        for d in catalog.subjects(RDF.type, DCAT.Dataset)
        if catalog.value(d, DCT.identifier) is not None
    }
    assert {
        "alliances",
        "demo",
        "cis-2019",
        "vocabulary-ontology",
        "vocabulary-sdg",
        "vocabulary-territories",
    } <= set(idents)
    assert catalog.value(idents["demo"], DCT.license) == LICENCE_OUVERTE
    assert catalog.value(idents["cis-2019"], DCT.license) == MIT
    assert catalog.value(idents["vocabulary-ontology"], DCT.license) == LICENCE_OUVERTE
    sdg_licence = catalog.value(idents["vocabulary-sdg"], DCT.license)
    assert "Amit Joshi" in str(catalog.value(sdg_licence, RDFS.label))
    assert "Amit Joshi" in str(catalog.value(idents["vocabulary-sdg"], DCT.bibliographicCitation))
    for ident, ds in idents.items():
        assert catalog.value(ds, DCT.publisher) is not None, ident
        assert list(catalog.objects(ds, DCT.spatial)), ident
        assert list(catalog.objects(ds, DCAT.theme)), ident
        dists = list(catalog.objects(ds, DCAT.distribution))
        assert dists, ident
        for dist in dists:
            assert catalog.value(dist, DCAT.accessURL) is not None
        downloads = [catalog.value(d, DCAT.downloadURL) for d in dists]
        assert any(u is not None for u in downloads), ident
    assert catalog.value(idents["demo"], DCT.temporal) is not None


def test_download_urls_of_the_catalogue_work(client, catalog: Graph) -> None:  # type: ignore[no-untyped-def]
    urls = {str(u) for u in catalog.objects(None, DCAT.downloadURL)}
    assert all(u.startswith("https://alliances.example.org/") for u in urls)
    for url in sorted(urls):
        path = url.removeprefix("https://alliances.example.org")
        if path.startswith("/export/"):
            continue  # covered by test_network_export
        r = client.get(path)
        assert r.status_code == 200, path
        r.close()


def test_data_service_points_at_the_endpoint(catalog: Graph) -> None:
    services = list(catalog.subjects(RDF.type, DCAT.DataService))
    assert len(services) == 1
    assert catalog.value(services[0], DCAT.endpointURL) == URIRef(
        "https://alliances.example.org/sparql"
    )
    assert len(list(catalog.objects(services[0], DCAT.servesDataset))) >= 6


@pytest.mark.parametrize(
    ("path", "fmt"),
    [("/catalog.jsonld", "json-ld"), ("/catalog.rdf", "xml"), ("/catalog.nt", "nt")],
)
def test_catalog_formats_are_the_same_graph(client, catalog: Graph, path: str, fmt: str) -> None:  # type: ignore[no-untyped-def]
    from rdflib.compare import isomorphic

    r = client.get(path)
    assert r.status_code == 200
    assert isomorphic(Graph().parse(data=r.data, format=fmt), catalog)


def test_catalog_negotiates_html_and_rdf(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/catalog", headers={"Accept": "text/html"})
    assert html.status_code == 200 and b"<h1>" in html.data
    ttl = client.get("/catalog", headers={"Accept": "text/turtle"})
    assert ttl.headers["Content-Type"].startswith("text/turtle")
    assert "Accept" in ttl.headers["Vary"]


def test_void_describes_the_graph(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/.well-known/void")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=r.data, format="turtle")
    ds = URIRef("https://w3id.org/alliances/id/dataset")
    assert (ds, RDF.type, VOID.Dataset) in g
    assert g.value(ds, VOID.sparqlEndpoint) == URIRef("https://alliances.example.org/sparql")
    assert int(g.value(ds, VOID.triples)) > 10_000  # type: ignore[arg-type]
    assert len(list(g.objects(ds, VOID.dataDump))) == 4
    assert len(list(g.objects(ds, VOID.subset))) >= 5  # one per source
    assert g.value(ds, VOID.uriSpace) == Literal("https://w3id.org/alliances/id/")
