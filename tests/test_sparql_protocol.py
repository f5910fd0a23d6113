"""The SPARQL 1.1 Protocol at /sparql against a running server: a real client (SPARQLWrapper),
the read-only W3C protocol test cases (query_*, bad_*), formats, the service description."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper

from ontology.namespaces import SD

from ._publishing import live_server, open_instance

ALLIANCE = "<https://w3id.org/alliances/ns#Alliance>"
ASK_ALLIANCE = f"ASK {{ ?s a {ALLIANCE} }}"


@pytest.fixture(scope="module")
def server(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The app on a private demo instance, served over HTTP on a free port."""
    from webui.app import create_app

    inst = open_instance(
        demo_home, tmp_path_factory.mktemp("sparql"), SPARQL_TIMEOUT=10, SPARQL_MAX_ROWS=500
    )
    app = create_app(instance=inst)
    graphs = {g.source: str(g.iri) for g in inst.store.graphs()}
    with live_server(app) as url:
        yield {"url": url, "graphs": graphs, "base": inst.base}
    inst.close()


def request(
    server: dict[str, Any],
    method: str,
    path: str = "/sparql",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """One raw HTTP request (headers exactly as given)."""
    host = urlsplit(server["url"]).netloc
    conn = http.client.HTTPConnection(host, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data


def get(server: dict[str, Any], params: list[tuple[str, str]], accept: str = "*/*") -> Any:
    """GET /sparql with parameters."""
    return request(server, "GET", "/sparql?" + urlencode(params), headers={"Accept": accept})


def boolean(data: bytes) -> bool:
    """The value of a JSON ASK result."""
    return bool(json.loads(data)["boolean"])


# -- a real client -----------------------------------------------------------------------------
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select_json(server: dict[str, Any], method: str) -> None:
    sw = SPARQLWrapper(server["url"] + "/sparql")
    sw.setMethod(method)
    sw.setQuery(f"SELECT ?a WHERE {{ ?a a {ALLIANCE} }} LIMIT 5")
    sw.setReturnFormat(JSON)
    rows = sw.query().convert()["results"]["bindings"]  # type: ignore[index,call-overload]
    assert len(rows) == 5
    assert all(r["a"]["value"].startswith(server["base"] + "alliance/") for r in rows)


@pytest.mark.parametrize("fmt", [XML, CSV, TSV])
def test_sparqlwrapper_other_result_formats(server: dict[str, Any], fmt: str) -> None:
    sw = SPARQLWrapper(server["url"] + "/sparql")
    sw.setQuery(f"SELECT ?a WHERE {{ ?a a {ALLIANCE} }} ORDER BY ?a LIMIT 3")
    sw.setReturnFormat(fmt)
    result = sw.query()
    body = result.response.read()
    assert result.response.status == 200
    assert b"alliance/" in body


def test_sparqlwrapper_construct_turtle(server: dict[str, Any]) -> None:
    sw = SPARQLWrapper(server["url"] + "/sparql")
    sw.setQuery(f"CONSTRUCT {{ ?a a {ALLIANCE} }} WHERE {{ ?a a {ALLIANCE} }} LIMIT 4")
    sw.setReturnFormat(TURTLE)
    body = sw.query().response.read()
    assert len(Graph().parse(data=body, format="turtle")) == 4


def test_sparqlwrapper_ask(server: dict[str, Any]) -> None:
    sw = SPARQLWrapper(server["url"] + "/sparql")
    sw.setQuery(ASK_ALLIANCE)
    sw.setReturnFormat(JSON)
    assert sw.query().convert()["boolean"] is True  # type: ignore[index,call-overload]


# -- W3C SPARQL 1.1 Protocol tests, read-only cases ---------------------------------------------
def test_query_get(server: dict[str, Any]) -> None:
    status, headers, data = get(
        server, [("query", ASK_ALLIANCE)], "application/sparql-results+json"
    )
    assert status == 200 and boolean(data)
    assert headers["content-type"].startswith("application/sparql-results+json")


def test_query_post_form(server: dict[str, Any]) -> None:
    status, _, data = request(
        server,
        "POST",
        body=urlencode({"query": ASK_ALLIANCE}).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    assert status == 200 and boolean(data)


def test_query_post_direct(server: dict[str, Any]) -> None:
    status, _, data = request(
        server,
        "POST",
        body=ASK_ALLIANCE.encode(),
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+json",
        },
    )
    assert status == 200 and boolean(data)


def test_query_dataset_default_graph(server: dict[str, Any]) -> None:
    g = server["graphs"]
    ok = get(server, [("query", ASK_ALLIANCE), ("default-graph-uri", g["demo"])])
    assert ok[0] == 200 and boolean(ok[2])
    no = get(server, [("query", ASK_ALLIANCE), ("default-graph-uri", g["vocabulary-sdg"])])
    assert no[0] == 200 and not boolean(no[2])


def test_query_dataset_default_graphs_get(server: dict[str, Any]) -> None:
    g = server["graphs"]
    q = (
        "ASK { ?a a <https://w3id.org/alliances/ns#Alliance> . "
        "?g a <http://metadata.un.org/sdg/ontology#Goal> }"
    )
    status, _, data = get(
        server,
        [
            ("query", q),
            ("default-graph-uri", g["demo"]),
            ("default-graph-uri", g["vocabulary-sdg"]),
        ],
    )
    assert status == 200 and boolean(data)


def test_query_dataset_default_graphs_post(server: dict[str, Any]) -> None:
    g = server["graphs"]
    q = (
        "ASK { ?a a <https://w3id.org/alliances/ns#Alliance> . "
        "?g a <http://metadata.un.org/sdg/ontology#Goal> }"
    )
    body = urlencode(
        [("query", q), ("default-graph-uri", g["demo"]), ("default-graph-uri", g["vocabulary-sdg"])]
    ).encode()
    status, _, data = request(
        server,
        "POST",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "*/*"},
    )
    assert status == 200 and boolean(data)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_query_dataset_named_graphs(server: dict[str, Any], method: str) -> None:
    g = server["graphs"]
    params = [
        ("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"),
        ("named-graph-uri", g["demo"]),
        ("named-graph-uri", g["cis-2019"]),
    ]
    if method == "GET":
        status, _, data = get(server, params, "application/sparql-results+json")
    else:
        status, _, data = request(
            server,
            "POST",
            body=urlencode(params).encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
            },
        )
    assert status == 200
    found = {b["g"]["value"] for b in json.loads(data)["results"]["bindings"]}
    assert found == {g["demo"], g["cis-2019"]}


def test_query_dataset_full(server: dict[str, Any]) -> None:
    g = server["graphs"]
    q = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/alliances/ns#Alliance> "
        "GRAPH ?g { ?t a <http://metadata.un.org/sdg/ontology#Goal> } }"
    )
    status, _, data = get(
        server,
        [("query", q), ("default-graph-uri", g["demo"]), ("named-graph-uri", g["vocabulary-sdg"])],
        "application/sparql-results+json",
    )
    assert status == 200
    assert int(json.loads(data)["results"]["bindings"][0]["n"]["value"]) > 0


def test_query_multiple_dataset_protocol_overrides_from(server: dict[str, Any]) -> None:
    g = server["graphs"]
    q = f"ASK FROM <{g['vocabulary-sdg']}> {{ ?s a {ALLIANCE} }}"
    assert not boolean(get(server, [("query", q)])[2])
    status, _, data = get(server, [("query", q), ("default-graph-uri", g["demo"])])
    assert status == 200 and boolean(data)


@pytest.mark.parametrize(
    ("query", "accept", "expected"),
    [
        (
            "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
            "application/sparql-results+xml",
            "application/sparql-results+xml",
        ),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "text/csv", "text/csv"),
        (
            "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
            "text/tab-separated-values",
            "text/tab-separated-values",
        ),
        ("ASK { ?s ?p ?o }", "application/sparql-results+json", "application/sparql-results+json"),
        ("ASK { ?s ?p ?o }", "application/sparql-results+xml", "application/sparql-results+xml"),
        (
            "DESCRIBE <https://w3id.org/alliances/id/actor/banque-alimentaire-metropole-lilloise>",
            "application/rdf+xml",
            "application/rdf+xml",
        ),
        (
            "CONSTRUCT WHERE { ?s a <https://w3id.org/alliances/ns#Alliance> }",
            "text/turtle",
            "text/turtle",
        ),
        (
            "CONSTRUCT WHERE { ?s a <https://w3id.org/alliances/ns#Alliance> }",
            "application/ld+json",
            "application/ld+json",
        ),
        (
            "CONSTRUCT WHERE { ?s a <https://w3id.org/alliances/ns#Alliance> }",
            "application/n-triples",
            "application/n-triples",
        ),
    ],
)
def test_query_content_type(server: dict[str, Any], query: str, accept: str, expected: str) -> None:
    status, headers, data = get(server, [("query", query)], accept)
    assert status == 200
    assert headers["content-type"].split(";")[0] == expected
    assert data


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("json", "application/sparql-results+json"),
        ("xml", "application/sparql-results+xml"),
        ("csv", "text/csv"),
        ("tsv", "text/tab-separated-values"),
        ("application/sparql-results+json", "application/sparql-results+json"),
    ],
)
def test_format_parameter_wins_over_accept(server: dict[str, Any], fmt: str, expected: str) -> None:
    status, headers, _ = get(
        server, [("query", "SELECT * { ?s ?p ?o } LIMIT 1"), ("format", fmt)], "text/turtle"
    )
    assert status == 200 and headers["content-type"].split(";")[0] == expected


FORM = "application/x-www-form-urlencoded"


@pytest.mark.parametrize(
    ("name", "method", "path", "body", "headers"),
    [
        (
            "bad_query_method",
            "PUT",
            "/sparql",
            urlencode({"query": "ASK {}"}).encode(),
            {"Content-Type": FORM},
        ),
        (
            "bad_multiple_queries",
            "GET",
            "/sparql?" + urlencode([("query", "ASK {}"), ("query", "ASK {}")]),
            None,
            {},
        ),
        (
            "bad_query_wrong_media_type",
            "POST",
            "/sparql",
            b"ASK {}",
            {"Content-Type": "text/plain"},
        ),
        ("bad_query_missing_form_type", "POST", "/sparql", b"query=ASK%20%7B%7D", {}),
        ("bad_query_missing_direct_type", "POST", "/sparql", b"ASK {}", {}),
        (
            "bad_query_non_utf8",
            "POST",
            "/sparql",
            'ASK { ?s ?p "é" }'.encode("latin-1"),
            {"Content-Type": "application/sparql-query"},
        ),
        (
            "bad_query_non_utf8_charset",
            "POST",
            "/sparql",
            b"ASK {}",
            {"Content-Type": "application/sparql-query; charset=ISO-8859-1"},
        ),
        ("bad_query_syntax", "GET", "/sparql?" + urlencode({"query": "ASK { ?s ?p }"}), None, {}),
        ("bad_update_get", "GET", "/sparql?" + urlencode({"update": "CLEAR ALL"}), None, {}),
        (
            "bad_multiple_updates",
            "POST",
            "/sparql",
            urlencode([("update", "CLEAR NAMED"), ("update", "CLEAR DEFAULT")]).encode(),
            {"Content-Type": FORM},
        ),
        (
            "bad_update_wrong_media_type",
            "POST",
            "/sparql",
            b"CLEAR NAMED",
            {"Content-Type": "text/plain"},
        ),
        ("bad_update_missing_form_type", "POST", "/sparql", b"update=CLEAR%20NAMED", {}),
        (
            "bad_update_non_utf8",
            "POST",
            "/sparql",
            'INSERT DATA { <a:a> <a:b> "é" }'.encode("latin-1"),
            {"Content-Type": "application/sparql-update"},
        ),
        (
            "bad_update_syntax",
            "POST",
            "/sparql",
            urlencode({"update": "INSERT DATA {"}).encode(),
            {"Content-Type": FORM},
        ),
        (
            "bad_update_dataset_conflict",
            "POST",
            "/sparql",
            urlencode(
                [
                    ("using-graph-uri", "http://example.org/g"),
                    (
                        "update",
                        "DELETE { ?s ?p ?o } USING <http://example.org/g> WHERE { ?s ?p ?o }",
                    ),
                ]
            ).encode(),
            {"Content-Type": FORM},
        ),
        (
            "query_and_update",
            "POST",
            "/sparql",
            urlencode({"query": "ASK {}", "update": "CLEAR ALL"}).encode(),
            {"Content-Type": FORM},
        ),
        ("update_as_query", "GET", "/sparql?" + urlencode({"query": "DROP ALL"}), None, {}),
    ],
)
def test_bad_requests_are_4xx_with_a_message(
    server: dict[str, Any],
    name: str,
    method: str,
    path: str,
    body: bytes | None,
    headers: dict[str, str],
) -> None:
    status, resp_headers, data = request(server, method, path, body, headers)
    assert 400 <= status < 500, (name, status, data)
    if status != 405:
        assert len(data.strip()) > 10, name  # a readable message
    if name.startswith("bad_query") and status != 405:
        assert status == 400, name


def test_update_is_refused_and_changes_nothing(server: dict[str, Any]) -> None:
    status, _, _ = request(
        server, "POST", body=b"DROP ALL", headers={"Content-Type": "application/sparql-update"}
    )
    assert status == 403
    assert boolean(get(server, [("query", ASK_ALLIANCE)])[2])


# -- service description, page, CORS, limits ------------------------------------------------------
def test_service_description(server: dict[str, Any]) -> None:
    status, headers, data = request(server, "GET", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=data, format="turtle")
    svc = URIRef(server["url"] + "/sparql")
    assert g.value(svc, SD.endpoint) == svc
    assert (svc, SD.supportedLanguage, SD.SPARQL11Query) in g
    assert (svc, SD.feature, SD.UnionDefaultGraph) in g
    names = {str(n) for n in g.objects(None, SD.name)}
    assert names == set(server["graphs"].values())
    assert not any("x-alliances:system" in str(t) for triple in g for t in triple)


def test_browsers_get_the_query_page_and_shared_links(server: dict[str, Any]) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    status, headers, data = request(server, "GET", headers={"Accept": accept})
    assert status == 200 and headers["content-type"].startswith("text/html")
    # examples in the page's language: French by default, English from Accept-Language
    assert b"yasgui.min.js" in data and data.count(b"data-example=") >= 12
    assert "Exemples de requêtes".encode() in data
    _, _, data_en = request(server, "GET", headers={"Accept": accept, "Accept-Language": "en"})
    assert b"Example queries" in data_en and data_en.count(b"data-example=") >= 12
    status, _, data = get(server, [("query", "SELECT ?zzzshared WHERE {}")], accept)
    assert status == 200 and b"?zzzshared" in data


def test_cors_is_open_for_reads(server: dict[str, Any]) -> None:
    _, headers, _ = get(server, [("query", "ASK {}")])
    assert headers["access-control-allow-origin"] == "*"
    status, headers, _ = request(
        server,
        "OPTIONS",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"},
    )
    assert status == 204 and "POST" in headers["access-control-allow-methods"]


def test_rows_are_capped(server: dict[str, Any]) -> None:
    status, headers, data = get(
        server, [("query", "SELECT * { ?s ?p ?o }")], "application/sparql-results+json"
    )
    assert status == 200
    assert len(json.loads(data)["results"]["bindings"]) == 500
    assert headers["x-sparql-maxrows"] == "500"


def test_query_length_is_capped(server: dict[str, Any]) -> None:
    long = "ASK {} #" + "x" * 20_000
    status, _, data = request(
        server, "POST", body=long.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert status == 400 and b"too long" in data


def test_unacceptable_media_type_is_406(server: dict[str, Any]) -> None:
    status, _, _ = get(server, [("query", "ASK {}")], "image/png")
    assert status == 406


def test_etag_revalidation(server: dict[str, Any]) -> None:
    status, headers, _ = get(server, [("query", "ASK {}")])
    etag = headers["etag"]
    status, _, _ = request(
        server, "GET", "/sparql?" + urlencode({"query": "ASK {}"}), headers={"If-None-Match": etag}
    )
    assert status == 304
