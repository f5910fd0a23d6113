"""The store contract suite runs every test against each store: the embedded Oxigraph store, an
Oxigraph server and Virtuoso (the servers speak SPARQL 1.1 Query/Update and the Graph Store
Protocol through `SparqlStore`). Data are small; `chunk` is lowered so that writes of a few
thousand triples already go through the streaming paths.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graph.store import OxigraphStore, Store

from ..store_servers import Server

KINDS = ("embedded", "oxigraph-server", "virtuoso")
BASE = "http://test/"
#: Triples per chunk in the contract suite (the default is 50,000).
CHUNK = 1_000


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    """Which store the test runs on."""
    return str(request.param)


@pytest.fixture
def server(kind: str, sparql_server: Callable[[str], Server]) -> Server | None:
    """The server behind a remote store (None for the embedded one), emptied for the test."""
    if kind == "embedded":
        return None
    s = sparql_server(kind)
    s.reset()
    return s


@pytest.fixture
def any_store(kind: str, server: Server | None, tmp_path: Path) -> Iterator[Store]:
    """An empty store of `kind`, base `http://test/`."""
    store: Store
    if server is None:
        store = OxigraphStore(tmp_path / "store", base=BASE)
    else:
        store = server.store(BASE, state_ttl=0.0)
    store.chunk = CHUNK  # type: ignore[attr-defined]
    yield store
    store.close()


def named_graphs(store: Store, server: Server | None) -> set[str]:
    """Every named graph the engine holds, published or not (engine-specific, for checks)."""
    if server is None:
        return {g.value for g in store._ox.named_graphs()}  # type: ignore[attr-defined]  # noqa: SLF001
    return server.named_graphs()
