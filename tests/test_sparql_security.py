"""The public endpoint is safe by construction: no outbound connection (SERVICE in every form),
no non-local FROM, no update, the system graph invisible, and a hard deadline per query that
kills the runaway worker while other clients go on being served."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from webui.sparql.safety import QueryRefused, UpdateRefused, check_query

from ._publishing import live_server, open_instance


class Listener:
    """A loopback TCP listener that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = False
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self.thread.join(2)
        self.sock.close()


@pytest.fixture(scope="module")
def server(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with a 2 s deadline and two workers, served over HTTP."""
    from webui.app import create_app

    inst = open_instance(
        demo_home,
        tmp_path_factory.mktemp("security"),
        SPARQL_TIMEOUT=2.0,
        SPARQL_WORKERS=2,
        SPARQL_MAX_CONCURRENT=2,
    )
    app = create_app(instance=inst)
    with live_server(app) as url:
        fetch(url, "ASK {}")  # start the workers
        yield url
    inst.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    """A local listener standing for a remote SPARQL service."""
    lst = Listener()
    yield lst
    lst.close()


def fetch(url: str, query: str, timeout: float = 30) -> tuple[int, bytes]:
    """GET a query; (status, body)."""
    req = urllib.request.Request(
        url + "/sparql?" + urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"},
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        body = exc.read()
        exc.close()
        return exc.code, body


SERVICE_FORMS = [
    "SELECT * WHERE {{ SERVICE <{e}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <{e}> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <{e}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ {{ SERVICE <{e}> {{ ?s ?p ?o }} }} }} }}",
    "SELECT * WHERE {{ ?x ?y ?z FILTER EXISTS {{ SERVICE <{e}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ ?x ?y ?z FILTER NOT EXISTS {{ SERVICE SILENT <{e}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{e}> {{ ?s ?p ?o }} }} }} }}",
    "SELECT * WHERE {{ BIND(<{e}> AS ?svc) SERVICE ?svc {{ ?s ?p ?o }} }}",
    "PREFIX : <{e}> SELECT * WHERE {{ SERVICE:x {{ ?s ?p ?o }} }}",
    "PREFIX Type: <{e}> SELECT * WHERE {{ serviceType:x {{ ?s ?p ?o }} }}",
    "PREFIX : <{e}> SELECT * WHERE {{ SERVICE SILENT:x {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE#comment\n<{e}>{{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ \\u0053ERVICE <{e}> {{ ?s ?p ?o }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{e}> {{ ?s ?p ?o }} }}",
    "ASK {{ SERVICE <{e}> {{ ?s ?p ?o }} }}",
    "DESCRIBE ?s WHERE {{ SERVICE <{e}> {{ ?s ?p ?o }} }}",
]


@pytest.mark.parametrize("form", SERVICE_FORMS)
def test_service_in_every_form_is_refused_quickly_without_connection(
    server: str, listener: Listener, form: str
) -> None:
    query = form.format(e=f"http://127.0.0.1:{listener.port}/sparql")
    t0 = time.monotonic()
    status, body = fetch(server, query)
    elapsed = time.monotonic() - t0
    time.sleep(0.1)
    assert status == 400, body
    assert elapsed < 1.0
    assert listener.connections == 0


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM <http://example.org/remote> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "SELECT * FROM <urn:x-alliances:system> WHERE { ?s ?p ?o }",
        "PREFIX ex: <http://example.org/> SELECT * FROM ex:g WHERE { ?s ?p ?o }",
    ],
)
def test_from_non_local_graph_is_refused(server: str, query: str) -> None:
    status, body = fetch(server, query)
    assert status == 400 and b"FROM" in body


def test_default_graph_uri_must_be_local(server: str) -> None:
    req = urllib.request.Request(
        server
        + "/sparql?"
        + urlencode({"query": "ASK {}", "default-graph-uri": "http://example.org/remote"})
    )
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == 400
    err.value.close()


@pytest.mark.parametrize(
    "query",
    [
        "LOAD <http://example.org/data.ttl>",
        "INSERT DATA { <a:s> <a:p> <a:o> }",
        "DELETE WHERE { ?s ?p ?o }",
        "CLEAR ALL",
        "DROP ALL",
    ],
)
def test_updates_are_refused(server: str, query: str) -> None:
    status, _ = fetch(server, query)
    assert status == 403


def test_system_graph_is_invisible(server: str) -> None:
    for q in [
        "SELECT * WHERE { ?s <https://w3id.org/alliances/ns#version> ?v }",
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
    ]:
        status, body = fetch(server, q)
        assert status == 200
        assert b"x-alliances:system" not in body
        if "DISTINCT ?g" not in q:
            assert json.loads(body)["results"]["bindings"] == []
    # naming it is refused outright (tests/test_sparql_graph_names.py has every form)
    status, body = fetch(server, "SELECT * WHERE { GRAPH <urn:x-alliances:system> { ?s ?p ?o } }")
    assert status == 400 and b"published" in body


RUNAWAY = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a a <http://rdf.insee.fr/def/geo#Commune> . "
    "?b a <http://rdf.insee.fr/def/geo#Commune> . "
    "?c a <http://rdf.insee.fr/def/geo#Commune> }"
)


def test_runaway_query_is_cut_while_others_are_served(server: str) -> None:
    result: dict[str, Any] = {}

    def runaway() -> None:
        t0 = time.monotonic()
        result["status"], result["body"] = fetch(server, RUNAWAY)
        result["elapsed"] = time.monotonic() - t0

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    asks = []
    while thread.is_alive():
        t0 = time.monotonic()
        status, body = fetch(server, "ASK {}")
        asks.append(time.monotonic() - t0)
        assert status == 200 and json.loads(body)["boolean"] is True
        time.sleep(0.2)
    thread.join()
    assert result["status"] == 503 and b"stopped" in result["body"]
    assert 1.9 <= result["elapsed"] < 4.0
    assert asks and max(asks) < 1.0
    # the killed worker is replaced: a query works again right after
    time.sleep(1.5)
    assert fetch(server, "ASK { ?s ?p ?o }")[0] == 200


def test_concurrent_queries_per_client_are_capped(server: str) -> None:
    statuses: list[int] = []
    threads = [
        threading.Thread(target=lambda: statuses.append(fetch(server, RUNAWAY)[0]))
        for _ in range(3)
    ]
    for t in threads:
        t.start()
        time.sleep(0.1)
    for t in threads:
        t.join()
    assert statuses.count(429) >= 1
    time.sleep(2.5)  # let the killed workers come back


# -- the checks on their own (property-based) ----------------------------------------------------
SAFE_WORDS = st.sampled_from(
    [
        "?s",
        "?service",
        "<http://e/service>",
        '"SERVICE"',
        "'service'",
        "ex:SERVICE",
        "ex:service",
        "# SERVICE\n",
        '"""a SERVICE b"""',
        "?o",
        "ex:p",
        ".",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(SAFE_WORDS, max_size=12))
def test_service_inside_strings_iris_comments_is_not_a_keyword(words: list[str]) -> None:
    body = " ".join(words)
    q = f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ?p ?o {body} }}"
    assert check_query(q, local_graphs=set(), max_length=10_000).form == "SELECT"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(SAFE_WORDS, max_size=6),
    st.lists(SAFE_WORDS, max_size=6),
    st.sampled_from(
        ["SERVICE", "service", "Service", "SERVICE SILENT", "SERVICE:x", "\\u0053ERVICE"]
    ),
)
def test_service_keyword_anywhere_is_refused(
    before: list[str], after: list[str], keyword: str
) -> None:
    q = (
        f"PREFIX ex: <http://e/> PREFIX : <http://e/> SELECT * WHERE {{ {' '.join(before)} "
        f"{{ {keyword} <http://e/> {{ ?s ?p ?o }} }} {' '.join(after)} }}"
    )
    with pytest.raises(QueryRefused):
        check_query(q, local_graphs=set(), max_length=10_000)


def test_updates_are_refused_by_the_checks() -> None:
    with pytest.raises(UpdateRefused):
        check_query("INSERT DATA { <a:a> <a:b> <a:c> }", local_graphs=set(), max_length=1000)
