"""The application on remote stores (Oxigraph server, Virtuoso) gives what it gives embedded.

One instance per server, built by `alliances init` through the SPARQL protocol (vocabularies
and bundled data written with the Graph Store Protocol and published by SPARQL Update), then
compared with the embedded demo instance: counts, search index, export, pages, import.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from graph.queries.resources import existing_ids
from graph.queries.stats import stats
from graph.rdfio import parse_quads
from graph.store import OxigraphStore
from webui.cli import main

from .conftest import BASE
from .csvdata import ACTORS, write_set
from .store_servers import Server

pytestmark = pytest.mark.slow


@dataclass
class Remote:
    """An instance folder whose store is a SPARQL server."""

    server: Server
    home: Path
    env: dict[str, str]

    def cli(self, *args: str) -> str:
        """Run `alliances …` on it; the output (exit code 0 asserted)."""
        result = CliRunner().invoke(main, list(args), env=self.env)
        assert result.exit_code == 0, result.output
        return result.output


@pytest.fixture(scope="module", params=("oxigraph-server", "virtuoso"))
def remote(
    request: pytest.FixtureRequest,
    sparql_server: Callable[[str], Server],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Remote]:
    """`alliances init` on an emptied server (HOME keeps only the search index)."""
    server = sparql_server(str(request.param))
    server.reset()
    home = tmp_path_factory.mktemp(f"remote-{request.param}")
    env = {"ALLIANCES_HOME": str(home), **server.env()}
    r = Remote(server, home, env)
    assert "Instance prête" in r.cli("init")
    yield r
    server.reset()


@pytest.fixture(scope="module")
def embedded(demo_home: Path) -> Iterator[OxigraphStore]:
    """The embedded demo instance's store, read-only."""
    store = OxigraphStore(demo_home / "store", base=BASE, read_only=True)
    yield store
    store.close()


def test_same_counts_as_embedded(remote: Remote, embedded: OxigraphStore) -> None:
    assert json.loads(remote.cli("stats", "--json")) == stats(embedded)
    assert not (remote.home / "store").exists()


def test_same_data_exported(remote: Remote, embedded: OxigraphStore, tmp_path: Path) -> None:
    out = tmp_path / "remote.nq"
    remote.cli("export", "--format", "nq", "-o", str(out))
    mine = tmp_path / "embedded.nq"
    with mine.open("wb") as f:
        embedded.dump(f, "nq")

    def sizes(path: Path) -> Counter[str]:
        """Quads per graph (provenance left out: it holds the times of each load)."""
        graphs = (line.rsplit(b" ", 2)[-2] for line in path.read_bytes().splitlines() if line)
        return Counter(g.decode() for g in graphs if not g.endswith(b"/graph/provenance>"))

    assert sizes(out) == sizes(mine)
    demo = next(g.iri for g in embedded.graphs() if g.source == "demo")

    def demo_triples(path: Path) -> set[tuple[object, ...]]:
        return {q[:3] for q in parse_quads(path.read_bytes(), "nq") if q[3] == demo}

    assert demo_triples(out) == demo_triples(mine)


def test_search_index_built_from_the_server(remote: Remote, demo_home: Path) -> None:
    status = json.loads(remote.cli("index", "status", "--json"))
    result = CliRunner().invoke(
        main, ["index", "status", "--json"], env={"ALLIANCES_HOME": str(demo_home)}
    )
    assert result.exit_code == 0, result.output
    assert status["docs"] == json.loads(result.output)["docs"] > 30_000
    assert status["graph_version"] == status["store_version"]
    found = json.loads(remote.cli("search", "jardins", "--kind", "actor", "--json"))
    assert found["total"] > 0


def test_pages_render(remote: Remote) -> None:
    from webui.app import create_app
    from webui.instance import Instance

    inst = Instance.open({"HOME": str(remote.home), **remote.server.settings()})
    try:
        client = create_app(instance=inst).test_client()
        home = client.get("/")
        assert home.status_code == 200
        actor = next(
            r["s"]
            for r in inst.store.select(
                "SELECT ?s WHERE { ?s a <http://www.w3.org/ns/org#FormalOrganization> } LIMIT 1"
            )
        )
        page = client.get(
            str(actor).replace(BASE, "/id/"), follow_redirects=True, headers={"Accept": "text/html"}
        )
        assert page.status_code == 200 and b"<h1" in page.data
        search = client.get("/recherche?q=jardin")
        assert search.status_code == 200
    finally:
        inst.close()


def test_validate_import_reimport(remote: Remote, embedded: OxigraphStore, tmp_path: Path) -> None:
    folder = write_set(tmp_path / "set")
    known = existing_ids(embedded, {URIRef(f"{BASE}actor/{a['id']}") for a in ACTORS})
    assert "Valide" in remote.cli("validate", str(folder))
    before = json.loads(remote.cli("stats", "--json"))
    first = json.loads(remote.cli("import", str(folder), "--source", "essai", "--json"))
    assert first["changed"] is True
    again = json.loads(remote.cli("import", str(folder), "--source", "essai", "--json"))
    assert again["changed"] is False and again["version"] == first["version"]
    after = json.loads(remote.cli("stats", "--json"))
    # an actor already in the demo data is replaced, not added
    assert after["actors"] == before["actors"] + first["resources"]["actor"] - len(known)
    assert after["triples"] > before["triples"]


def test_sparql_endpoint(remote: Remote) -> None:
    from webui.app import create_app
    from webui.instance import Instance

    settings = {"HOME": str(remote.home), "SPARQL_MAX_ROWS": 5, **remote.server.settings()}
    inst = Instance.open(settings)
    try:
        client = create_app(instance=inst).test_client()
        count = client.post(
            "/sparql",
            data={
                "query": "SELECT (COUNT(*) AS ?n) "
                "WHERE { ?s a <http://www.w3.org/ns/org#FormalOrganization> }"
            },
            headers={"Accept": "application/sparql-results+json"},
        )
        assert count.status_code == 200
        n = int(count.get_json()["results"]["bindings"][0]["n"]["value"])
        assert n == json.loads(remote.cli("stats", "--json"))["actors"]
        capped = client.post(
            "/sparql",
            data={
                "query": "SELECT ?s WHERE { ?s a <http://www.w3.org/ns/org#FormalOrganization> }"
            },
            headers={"Accept": "text/csv"},
        )
        assert capped.status_code == 200 and capped.headers["X-SPARQL-MaxRows"] == "5"
        assert len(capped.data.decode().strip().splitlines()) == 6
        graph = client.get(
            "/sparql",
            query_string={"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"},
            headers={"Accept": "text/turtle"},
        )
        assert graph.status_code == 200 and graph.content_type.startswith("text/turtle")
        remote_call = client.post(
            "/sparql",
            data={"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"},
        )
        assert remote_call.status_code == 400
    finally:
        inst.close()


def test_serve(remote: Remote) -> None:
    """`alliances serve` as a user starts it, on the server's graph."""
    import os
    import subprocess
    import sys
    import time

    import requests

    from .store_servers import free_port

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "webui.cli", "serve", "--port", str(port)],
        env={**os.environ, **remote.env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                page = requests.get(f"http://127.0.0.1:{port}/", timeout=30)
                break
            except requests.ConnectionError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.5)
        assert page.status_code == 200
        answer = requests.post(
            f"http://127.0.0.1:{port}/sparql",
            timeout=60,
            data={"query": "ASK { ?s ?p ?o }"},
            headers={"Accept": "application/sparql-results+json"},
        )
        assert answer.json()["boolean"] is True
    finally:
        proc.terminate()
        proc.wait(20)
