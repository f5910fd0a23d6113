"""Network exports: GraphML, GEXF and CSV node/edge lists, bipartite and projected."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from ._publishing import open_instance


@pytest.fixture(scope="module")
def client(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A client on a private demo instance."""
    from webui.app import create_app

    inst = open_instance(demo_home, tmp_path_factory.mktemp("net"))
    yield create_app(instance=inst).test_client()
    inst.close()


def fetch(client, path: str) -> bytes:  # type: ignore[no-untyped-def]
    """GET a file and close the response."""
    with client.get(path) as r:
        assert r.status_code == 200
        return r.get_data()  # type: ignore[no-any-return]


def test_bipartite_graphml_and_gexf(client) -> None:  # type: ignore[no-untyped-def]
    g = nx.read_graphml(io.BytesIO(fetch(client, "/export/network/bipartite.graphml")))
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert kinds == {"actor", "alliance"}
    assert nx.is_bipartite(g) and g.number_of_edges() > 300
    gx = nx.read_gexf(io.BytesIO(fetch(client, "/export/network/bipartite.gexf")))
    assert gx.number_of_nodes() == g.number_of_nodes()


def test_actor_projection_is_weighted(client) -> None:  # type: ignore[no-untyped-def]
    g = nx.read_graphml(io.BytesIO(fetch(client, "/export/network/actors.graphml")))
    assert all(d["kind"] == "actor" for _, d in g.nodes(data=True))
    assert all(d["weight"] >= 1 for _, _, d in g.edges(data=True))
    gx = nx.read_gexf(io.BytesIO(fetch(client, "/export/network/actors.gexf")))
    assert gx.number_of_edges() == g.number_of_edges()


def test_csv_node_and_edge_lists(client) -> None:  # type: ignore[no-untyped-def]
    nodes = list(
        csv.DictReader(io.StringIO(fetch(client, "/export/network/bipartite-nodes.csv").decode()))
    )
    edges = list(
        csv.DictReader(io.StringIO(fetch(client, "/export/network/bipartite-edges.csv").decode()))
    )
    ids = {n["id"] for n in nodes}
    assert edges and all(e["source"] in ids and e["target"] in ids for e in edges)
    assert {e["role"] for e in edges} == {"chef-de-file", "membre"}
    pairs = list(
        csv.DictReader(io.StringIO(fetch(client, "/export/network/actors-edges.csv").decode()))
    )
    assert pairs and all(int(p["weight"]) >= 1 for p in pairs)


def test_unknown_export_is_404(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/export/network/nope.txt").status_code == 404
