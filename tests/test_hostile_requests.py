"""Hostile requests: SPARQL, JSON bodies and search queries nested 5,000 deep get a clear 4xx (or
an ordinary answer), never a 500, and the SPARQL workers survive them.

Measured with pyoxigraph 0.5: a SPARQL query with 5,000 nested parentheses overflows the parser's
stack and kills the process that runs it.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

DEPTH = 5000
SPARQL_JSON = {"Accept": "application/sparql-results+json"}

QUERIES = {
    "parentheses": "SELECT * WHERE { FILTER(" + "(" * DEPTH + "1" + ")" * DEPTH + ") }",
    "groups": "SELECT * WHERE " + "{" * DEPTH + "?s ?p ?o" + "}" * DEPTH,
    "optional": "SELECT * WHERE {" + "OPTIONAL{" * DEPTH + "}" * DEPTH + "}",
    "blank-nodes": "SELECT * WHERE { ?s ?p " + "[?p " * DEPTH + "1" + "]" * DEPTH + " }",
    "paths": "SELECT * WHERE { ?s " + "(" * DEPTH + "<http://x/p>" + ")" * DEPTH + " ?o }",
    "subqueries": "SELECT * WHERE {" + "{SELECT * WHERE " * 120 + "{}" + "}" * 240,
}


@pytest.fixture(scope="module")
def client(readonly_app):  # type: ignore[no-untyped-def]
    """A test client on the module's demo app (its SPARQL workers are real processes)."""
    return readonly_app.test_client()


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_deep_sparql_is_a_400(client, name: str) -> None:  # type: ignore[no-untyped-def]
    for method in ("GET", "POST"):
        if method == "GET":
            r = client.get("/sparql?query=" + quote(QUERIES[name]), headers=SPARQL_JSON)
        else:
            r = client.post("/sparql", data={"query": QUERIES[name]}, headers=SPARQL_JSON)
        assert r.status_code == 400, (name, method, r.status_code, r.data[:300])
        text = r.get_data(as_text=True)
        assert "trop imbriquée" in text or "trop longue" in text or "trop grand" in text, text


def test_nesting_under_the_limit_still_runs(client) -> None:  # type: ignore[no-untyped-def]
    q = "SELECT * WHERE { FILTER(" + "(" * 90 + "1" + ")" * 90 + ") }"
    r = client.get("/sparql?query=" + quote(q), headers=SPARQL_JSON)
    assert r.status_code == 200
    assert json.loads(r.data)["results"]["bindings"] == [{}]


def test_workers_survive(client) -> None:  # type: ignore[no-untyped-def]
    for q in QUERIES.values():
        client.post("/sparql", data={"query": q}, headers=SPARQL_JSON)
    r = client.get("/sparql?query=ASK%7B%7D", headers=SPARQL_JSON)
    assert r.status_code == 200 and json.loads(r.data)["boolean"] is True


BODIES = {
    "arrays": '{"needs":' + "[" * DEPTH + "]" * DEPTH + "}",
    "objects": '{"needs":' + '{"a":' * DEPTH + "1" + "}" * DEPTH + "}",
    "top-level": "[" * DEPTH + "]" * DEPTH,
}


@pytest.mark.parametrize(
    "url", ["/api/partners", "/api/analogues", "/api/maturity", "/api/sdg-suggest"]
)
@pytest.mark.parametrize("body", sorted(BODIES))
def test_deep_json_body_is_a_400(client, url: str, body: str) -> None:  # type: ignore[no-untyped-def]
    r = client.post(url, data=BODIES[body], content_type="application/json")
    assert r.status_code == 400, (url, r.status_code, r.data[:200])
    assert set(r.get_json()) >= {"error", "message", "message_fr"}


@pytest.mark.parametrize(
    "q",
    [
        "(" * DEPTH + "eau" + ")" * DEPTH,
        '"' * DEPTH,
        "eau AND " * 2000 + "pain",
        "NOT " * DEPTH + "eau",
        "[" * DEPTH + "a TO b" + "]" * DEPTH,
        "*" * DEPTH,
    ],
)
@pytest.mark.parametrize("path", ["/api/search", "/api/suggest", "/recherche"])
def test_deep_search_queries_answer(client, path: str, q: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(f"{path}?q={quote(q)}")
    assert r.status_code in (200, 400), (path, r.status_code)
