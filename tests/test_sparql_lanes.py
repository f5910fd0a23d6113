"""The query worker pool's two lanes, with real processes on a real store snapshot: a query that
has run for `slow_after` seconds leaves room for a new one (which would otherwise wait), the
slow lane is bounded, and the deadline still kills a slow query."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Literal, URIRef

from graph.errors import QueryTimeout
from graph.store import Write
from graph.store.oxigraph import OxigraphStore
from webui.sparql.workers import Busy, Task, WorkerPool

BASE = "https://example.org/id/"
#: Five-way cartesian product of 200 triples: runs for hours.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def opener(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A picklable opener of a published snapshot of 200 triples."""
    store = OxigraphStore(tmp_path_factory.mktemp("lanes") / "store", base=BASE)
    p = URIRef(BASE + "p")
    store.write(Write("s", [(URIRef(f"{BASE}x{i}"), p, Literal(i)) for i in range(200)]))
    yield store.reader()
    store.close()


def task(query: str) -> Task:
    return Task(
        query=query,
        default_graph=None,
        named_graphs=None,
        version=1,
        result_format="json",
        graph_format="ttl",
        max_rows=100,
    )


def in_thread(pool: WorkerPool, query: str, timeout: float) -> dict[str, Any]:
    """Run `query` on `pool` in a thread; the dict gets its outcome (`error` or `body`)."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["body"] = pool.run(task(query), timeout)[0].body
        except Exception as exc:  # noqa: BLE001 - recorded for the test's assertions
            out["error"] = exc
        out["done"] = time.monotonic()

    out["thread"] = threading.Thread(target=run, daemon=True)
    out["thread"].start()
    return out


def wait_running(pool: WorkerPool, fast: int, slow: int, limit: float = 60) -> None:
    """Wait until `pool` runs `fast` and `slow` queries in its lanes."""
    end = time.monotonic() + limit
    while pool.lanes() != (fast, slow):
        assert time.monotonic() < end, pool.lanes()
        time.sleep(0.05)


@contextlib.contextmanager
def pool_running_away(
    opener: Any, slow_size: int, timeout: float = 30
) -> Iterator[tuple[WorkerPool, dict[str, Any]]]:
    """A pool of one process in the fast lane (`slow_after` 0.2 s) and `slow_size` in the slow
    lane, already running RUNAWAY with deadline `timeout` in a thread: (pool, that thread's
    record). On exit the pool is closed (its processes killed) and the thread joined."""
    pool = WorkerPool(opener, 1, slow_after=0.2, slow_size=slow_size)
    runaway = in_thread(pool, RUNAWAY, timeout=timeout)
    try:
        yield pool, runaway
    finally:
        pool.close()
        runaway["thread"].join(30)


def test_a_slow_query_leaves_room_for_a_new_one(opener: Any) -> None:
    with pool_running_away(opener, slow_size=1) as (pool, slow):
        wait_running(pool, fast=0, slow=1)
        body = pool.run(task("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), 30)[0].body
        n = json.loads(body)["results"]["bindings"][0]["n"]["value"]
        assert n == "200"
        assert "done" not in slow  # answered while the slow query still runs
        assert pool.started == 2


def test_one_lane_makes_the_new_query_wait(opener: Any) -> None:
    with pool_running_away(opener, slow_size=0) as (pool, slow):
        wait_running(pool, fast=1, slow=0)
        time.sleep(0.3)  # well past slow_after: still in the one lane
        with pytest.raises(Busy):
            pool.run(task("ASK {}"), 1.0)
        assert "done" not in slow
        assert pool.started == 1


def test_the_slow_lane_is_bounded_and_its_deadline_kept(opener: Any) -> None:
    t0 = time.monotonic()
    with pool_running_away(opener, slow_size=1, timeout=4) as (pool, first):
        wait_running(pool, fast=0, slow=1)
        second = in_thread(pool, RUNAWAY, timeout=30)
        try:
            wait_running(pool, fast=1, slow=1)  # the slow lane is full: it stays in the fast lane
            with pytest.raises(Busy):
                pool.run(task("ASK {}"), 0.5)
            assert pool.started == 2
            first["thread"].join(30)
            assert isinstance(first["error"], QueryTimeout)
            assert 4 <= first["done"] - t0 < 30
            # the killed process's place is free again: a new query is answered
            body = pool.run(task("ASK { ?s ?p ?o }"), 30)[0].body
            assert json.loads(body)["boolean"] is True
            assert "done" not in second
        finally:
            pool.close()
            second["thread"].join(10)


def test_lane_settings_are_read_and_checked(tmp_path: Path) -> None:
    from graph.errors import ConfigError
    from webui.settings import load

    cfg = load({"HOME": str(tmp_path), "SPARQL_SLOW_AFTER": "0.5", "SPARQL_SLOW_WORKERS": "2"})
    assert cfg["SPARQL_SLOW_AFTER"] == 0.5 and cfg["SPARQL_SLOW_WORKERS"] == 2
    with pytest.raises(ConfigError):
        load({"HOME": str(tmp_path), "SPARQL_SLOW_WORKERS": "-1"})
