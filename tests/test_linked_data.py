"""Dereferenceable IRIs (303 + suffix variants), vocabularies at their namespace, and dumps."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from ontology.namespaces import ALL, NS_BASE, ORG, RDF, SKOS, scheme_iri

from ._publishing import open_instance

ACTOR = "actor/banque-alimentaire-metropole-lilloise"
FORMATS = [
    ("ttl", "turtle", "text/turtle"),
    ("jsonld", "json-ld", "application/ld+json"),
    ("rdf", "xml", "application/rdf+xml"),
    ("nt", "nt", "application/n-triples"),
]


@pytest.fixture(scope="module")
def client(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A client on a private demo instance (module-wide, read-only use)."""
    from webui.app import create_app

    inst = open_instance(demo_home, tmp_path_factory.mktemp("ld"))
    yield create_app(instance=inst).test_client()
    inst.close()


@pytest.mark.parametrize(("ext", "_fmt", "mime"), FORMATS)
def test_instance_iri_303_to_negotiated_document(client, ext: str, _fmt: str, mime: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(f"/id/{ACTOR}", headers={"Accept": mime})
    assert r.status_code == 303
    assert r.headers["Location"].endswith(f"/id/{ACTOR}.{ext}")
    assert "Accept" in r.headers["Vary"]


def test_instance_iri_303_to_html_page_for_browsers(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get(f"/id/{ACTOR}", headers={"Accept": "text/html,*/*;q=0.8"})
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/{ACTOR}")
    assert client.get(r.headers["Location"]).status_code == 200
    assert client.get(f"/id/{ACTOR}.html").status_code == 200


def test_suffix_variants_are_the_same_graph(client) -> None:  # type: ignore[no-untyped-def]
    graphs = []
    for ext, fmt, mime in FORMATS:
        r = client.get(f"/id/{ACTOR}.{ext}")
        assert r.status_code == 200 and r.headers["Content-Type"].startswith(mime)
        assert r.headers["Access-Control-Allow-Origin"] == "*" and r.headers["ETag"]
        graphs.append(Graph().parse(data=r.data, format=fmt))
    iri = URIRef("https://w3id.org/alliances/id/" + ACTOR)
    assert (iri, RDF.type, ORG.FormalOrganization) in graphs[0]
    assert any(o == iri for o in graphs[0].objects(None, ORG.hasMember))  # links to it
    for g in graphs[1:]:
        assert isomorphic(g, graphs[0])


def test_document_revalidates_with_304(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get(f"/id/{ACTOR}.ttl")
    again = client.get(f"/id/{ACTOR}.ttl", headers={"If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304


def test_unknown_instance_is_404(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/id/actor/does-not-exist.ttl").status_code == 404
    assert (
        client.get("/id/actor/does-not-exist", headers={"Accept": "text/turtle"}).status_code == 303
    )  # the IRI is well formed; its document is 404


def test_ontology_at_its_namespace(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/ns", headers={"Accept": "text/turtle"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/ns.ttl")
    g = Graph().parse(data=client.get("/ns.ttl").data, format="turtle")
    assert (URIRef(NS_BASE), RDF.type, URIRef("http://www.w3.org/2002/07/owl#Ontology")) in g
    assert (ALL.Alliance, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in g
    assert client.get("/ns.html").status_code == 200


@pytest.mark.parametrize("scheme", ["actor-type", "competence", "maturity"])
def test_concept_scheme_at_its_namespace(client, scheme: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(f"/ns/{scheme}", headers={"Accept": "application/ld+json"})
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/ns/{scheme}.jsonld")
    g = Graph().parse(data=client.get(f"/ns/{scheme}.jsonld").data, format="json-ld")
    assert (scheme_iri(scheme), RDF.type, SKOS.ConceptScheme) in g
    assert len(set(g.subjects(SKOS.inScheme, scheme_iri(scheme)))) >= 3


def test_concept_dereferences(client) -> None:  # type: ignore[no-untyped-def]
    g = Graph().parse(data=client.get("/ns/maturity/pionnier.ttl").data, format="turtle")
    assert (URIRef(NS_BASE + "/maturity/pionnier"), RDF.type, SKOS.Concept) in g
    assert client.get("/ns/maturity/nope.ttl").status_code == 404


def test_dumps_stream_every_format(client) -> None:  # type: ignore[no-untyped-def]
    ttl = client.get("/dump/alliances.ttl")
    assert ttl.status_code == 200 and ttl.headers["ETag"] and ttl.headers["Last-Modified"]
    g = Graph().parse(data=ttl.get_data(), format="turtle")
    assert len(g) > 10_000
    with client.get("/dump/alliances.nt.gz") as r:
        nt = gzip.decompress(r.get_data())
    assert len(Graph().parse(data=nt, format="nt")) == len(g)
    nq = gzip.decompress(client.get("/dump/alliances.nq.gz").get_data())
    names = {q.graph_name.value for q in pyoxigraph.parse(nq, format=pyoxigraph.RdfFormat.N_QUADS)}
    assert any("/graph/demo/" in n for n in names)
    assert not any("x-alliances:system" in n for n in names)
    js = client.get("/dump/alliances.jsonld")
    assert js.status_code == 200 and js.get_data()[:1] in (b"[", b"{")


def test_dump_304_and_cached_file(client) -> None:  # type: ignore[no-untyped-def]
    with client.get("/dump/alliances.nt.gz") as first:
        body = first.get_data()
    with client.get(
        "/dump/alliances.nt.gz", headers={"If-None-Match": first.headers["ETag"]}
    ) as r304:
        assert r304.status_code == 304
    with client.get("/dump/alliances.nt.gz") as second:
        assert second.get_data() == body  # deterministic, now from the cache file


def test_source_dump(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/dump/source/demo.ttl")
    assert r.status_code == 200
    g = Graph().parse(data=r.get_data(), format="turtle")
    assert (None, RDF.type, ALL.Alliance) in g
    assert client.get("/dump/source/nope.ttl").status_code == 404
