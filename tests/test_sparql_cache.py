"""The public endpoint's result cache: per graph version, bounded, never errors; the SPARQL
editor's examples warmed into it."""

from __future__ import annotations

from typing import Any

import pytest
from rdflib import Literal, URIRef

from graph.store import Serialized, Write
from webui.sparql.cache import ENTRY_OVERHEAD, ResultCache
from webui.sparql.examples import examples

JSON = "application/sparql-results+json"
QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def body(n: int) -> Serialized:
    """A result whose body is `n` bytes."""
    return Serialized(kind="solutions", body=b"x" * n, rows=1, truncated=False)


def test_cache_keeps_per_version_and_evicts_least_recently_used() -> None:
    cache = ResultCache(8 * (100 + ENTRY_OVERHEAD))
    assert cache.put(1, "a", body(100)) and cache.put(1, "b", body(100))
    assert cache.get(1, "a") is not None  # "a" is now the most recently used
    for i in range(7):
        cache.put(1, f"c{i}", body(100))
    assert (1, "b") not in cache and (1, "a") in cache  # "b" was the least recently used
    assert cache.size <= cache.max_bytes
    # A newer version forgets every older entry; an answer computed on an older one is refused.
    assert cache.put(2, "a", body(10))
    assert len(cache) == 1 and cache.get(1, "a") is None
    assert not cache.put(1, "late", body(10))


def test_cache_refuses_large_answers_and_can_be_off() -> None:
    cache = ResultCache(8000)
    assert not cache.put(1, "big", body(1001))  # more than an eighth of the budget
    off = ResultCache(0)
    assert not off.put(1, "a", body(1)) and off.get(1, "a") is None


def ask(client: Any, query: str) -> Any:
    return client.post("/sparql", data={"query": query}, headers={"Accept": JSON})


def test_endpoint_answers_a_repeated_query_from_the_cache_until_a_write(app: Any) -> None:
    client = app.test_client()
    first = ask(client, QUERY)
    assert first.status_code == 200 and "miss" in first.headers["Cache-Status"]
    again = ask(client, QUERY)
    assert "hit" in again.headers["Cache-Status"] and again.data == first.data
    # A write publishes a new version: the query runs again and sees it.
    store = app.extensions["alliances"].store
    triple = (URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("o"))
    store.write(Write(source="cache-test", triples=[triple]))
    after = ask(client, QUERY)
    assert "miss" in after.headers["Cache-Status"]
    count = lambda r: int(r.get_json()["results"]["bindings"][0]["n"]["value"])  # noqa: E731
    assert count(after) == count(first) + 1


def test_errors_are_not_cached(app: Any) -> None:
    client = app.test_client()
    app.config["SPARQL_MAX_ROWS"] = 10
    bad = "SELECT * WHERE { ?s ?p ?o FILTER(?undefined_function(?s)) }"
    assert ask(client, bad).status_code == 400
    assert len(app.extensions["alliances"].extensions["sparql"].cache) == 0


def test_warm_examples_fills_the_cache_with_the_editors_answers(app: Any) -> None:
    """After the warm-up, each example sent as the editor sends it (POST, SPARQL JSON results or
    Turtle) is a cache hit with the same bytes as a cold run would give."""
    from webui.sparql.endpoint import warm_examples

    kept = warm_examples(app)
    assert kept == len(examples())
    assert warm_examples(app) == kept  # a second warm-up finds them all and runs nothing
    client = app.test_client()
    cache = app.extensions["alliances"].extensions["sparql"].cache
    for example in examples():
        accept = f"{JSON}, text/turtle;q=0.9"
        r = client.post("/sparql", data={"query": example.query}, headers={"Accept": accept})
        assert r.status_code == 200, example.name
        assert r.headers["Cache-Status"] == "alliances; hit", example.name
    hits = cache.hits
    cache.clear()
    for example in examples()[:3]:
        r = client.post("/sparql", data={"query": example.query}, headers={"Accept": JSON})
        assert "miss" in r.headers["Cache-Status"]
    assert cache.hits == hits


def test_warm_examples_does_nothing_with_the_cache_off(app: Any) -> None:
    from webui.sparql.endpoint import warm_examples

    ep = app.extensions["alliances"].extensions["sparql"]
    ep.cache = ResultCache(0)
    assert warm_examples(app) == 0


@pytest.mark.parametrize("with_app", [True, False])
def test_warmer_warms_the_examples_only_with_an_app(app: Any, with_app: bool) -> None:
    from webui.warmup import warm

    inst = app.extensions["alliances"]
    warm(inst, app if with_app else None)
    cache = inst.extensions["sparql"].cache
    assert (len(cache) == len(examples())) is with_app


def test_undeclared_prefix_is_named_in_both_languages(app: Any) -> None:
    """Oxigraph answers « expected ENCODE_FOR_URI » where a prefix is not declared; the
    endpoint names the prefix and how to declare it (400, French and English)."""
    from webui.sparql.safety import undeclared_prefixes

    query = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n" + (
        "SELECT ?n WHERE { ?s skos:prefLabel ?n ; foaf:name ?m } LIMIT 1"
    )
    assert undeclared_prefixes(query) == ["foaf"]
    r = app.test_client().post("/sparql", data={"query": query}, headers={"Accept": JSON})
    assert r.status_code == 400
    body = r.get_json()
    assert "undeclared prefix « foaf: »" in body["message"] and "PREFIX foaf:" in body["message"]
    assert "préfixe non déclaré « foaf: »" in body["message_fr"]
    # A syntax error with every prefix declared keeps the engine's own words.
    r = app.test_client().post(
        "/sparql", data={"query": "SELECT ?s WHERE { ?s }"}, headers={"Accept": JSON}
    )
    assert r.status_code == 400 and "préfixe" not in r.get_json()["message_fr"]
    # Declared after use, in a string or an IRI: not counted.
    assert undeclared_prefixes('SELECT * WHERE { ?s <a:b> "c:d" }') == []


def test_406_page_says_the_format_is_not_available(app: Any) -> None:
    r = app.test_client().get("/.well-known/void", headers={"Accept": "text/html"})
    assert r.status_code == 406
    assert "Ce format n’est pas disponible" in r.get_data(as_text=True)
