"""Running public queries where a runaway one cannot hold the service.

Some engines cannot stop a query they have started (Oxigraph, rdflib): their stores declare
`capabilities.query_timeout = False`, and every query of the public endpoint then runs in one of a
few worker processes (`multiprocessing`, spawn start) that can be killed at the deadline. Each
worker opens the store through the picklable opener `Store.reader()` gives (the embedded store:
its folder read-only, next to the application's read-write handle) and opens it again whenever
the store version it is sent differs from the one it opened (a read-only RocksDB handle sees the
database as it was when opened). A worker that overruns the deadline is killed and replaced in
the background; the other workers go on serving. Stores whose calls return at a deadline (a
remote SPARQL server: the HTTP timeout, and the server's own limits) run queries in the request
thread instead (`InlineExecutor`).

Either way the query goes through `Store.run`, which names only the published graphs as the
dataset, so the store's bookkeeping graph stays invisible. No engine is imported here.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from rdflib import URIRef

from graph.errors import AlliancesError, NotAcceptable, QueryError, QueryTimeout, StoreError
from graph.store import Serialized, Store

log = logging.getLogger(__name__)

__all__ = ["Busy", "InlineExecutor", "QueryTimeout", "Task", "WorkerPool"]


class Busy(AlliancesError):
    """No worker became free in time."""

    status = 503
    code = "busy"


@dataclass
class Task:
    """A checked query and everything a worker needs to answer it."""

    query: str
    default_graph: list[str]
    named_graphs: list[str]
    version: int
    result_format: str
    graph_format: str
    max_rows: int
    prefixes: dict[str, str] = field(default_factory=dict)


#: Errors a worker sends back by name, and the class raised again in the serving process.
_ERRORS: dict[str, type[AlliancesError]] = {
    "query": QueryError,
    "not_acceptable": NotAcceptable,
    "timeout": QueryTimeout,
    "store": StoreError,
}


@dataclass
class Outcome:
    """What a worker answers: a serialised result, or an error kind and its messages."""

    result: Serialized | None = None
    error: str = ""  # a key of _ERRORS
    message: str = ""
    message_fr: str = ""


def execute(store: Store, task: Task, timeout: float | None = None) -> Outcome:
    """Run `task` on `store`; the application's errors become an Outcome."""
    try:
        return Outcome(store.run(
            task.query,
            default_graph=[URIRef(g) for g in task.default_graph],
            named_graphs=[URIRef(g) for g in task.named_graphs],
            result_format=task.result_format, graph_format=task.graph_format,
            max_rows=task.max_rows, timeout=timeout))
    except AlliancesError as exc:
        kind = next((k for k, cls in _ERRORS.items() if isinstance(exc, cls)), "store")
        return Outcome(error=kind, message=exc.message, message_fr=exc.message_fr)


def worker_main(conn: Connection, opener: Callable[[], Store]) -> None:
    """Loop of a worker process: receive a Task, answer an Outcome, until the pipe closes."""
    store: Store | None = None
    opened_at: int | None = None
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        outcome = Outcome(error="store", message="store unavailable")
        for _attempt in (1, 2):
            try:
                if store is None or opened_at != task.version:
                    if store is not None:
                        store.close()
                    store = None
                    store = opener()
                    opened_at = task.version
                outcome = execute(store, task)
                break
            except (OSError, StoreError) as exc:  # files compacted away under an old handle
                store = None
                outcome = Outcome(error="store", message=f"store unavailable: {exc}",
                                  message_fr=f"stock indisponible : {exc}")
        conn.send(outcome)


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection


class WorkerPool:
    """A fixed number of query worker processes, each reading the store `opener` opens."""

    def __init__(self, opener: Callable[[], Store], size: int) -> None:
        self.opener = opener
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        for _ in range(max(1, size)):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=worker_main, args=(child, self.opener),
                                 name="alliances-sparql-worker", daemon=True)
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        with self._lock:
            self._workers.append(w)
        return w

    def _replace(self, dead: _Worker) -> None:
        """Kill `dead` and put a fresh worker in the pool, in a background thread."""
        dead.process.kill()

        with self._lock:
            if dead in self._workers:
                self._workers.remove(dead)

        def restart() -> None:
            dead.process.join(5)
            dead.conn.close()
            if not self._closed:
                self._idle.put(self._start())

        threading.Thread(target=restart, name="sparql-worker-restart", daemon=True).start()

    def run(self, task: Task, timeout: float) -> Serialized:
        """Run `task` within `timeout` seconds (plus as long again waiting for a free worker)."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise Busy("every query worker is busy; try again shortly",
                       message_fr="tous les processus de requête sont occupés ; "
                       "réessayez dans un instant") from None
        try:
            worker.conn.send(task)
            if not worker.conn.poll(timeout):
                log.warning("SPARQL query stopped after %.1f s", timeout)
                self._replace(worker)
                raise QueryTimeout(
                    f"the query was stopped after {timeout:g} s (the limit of this endpoint)",
                    message_fr=f"la requête a été arrêtée après {timeout:g} s (la limite de ce "
                    "point d'accès)")
            outcome: Outcome = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._replace(worker)
            raise AlliancesError("the query worker stopped unexpectedly",
                                 message_fr="le processus de requête s'est arrêté") from exc
        self._idle.put(worker)
        return unwrap(outcome)

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
        for w in workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        deadline = time.monotonic() + 2
        for w in workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                w.process.join(1)
            w.conn.close()


class InlineExecutor:
    """Runs queries in the calling thread, for stores whose calls return at the deadline."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def run(self, task: Task, timeout: float) -> Serialized:
        """Run `task` on the store, passing it the deadline."""
        return unwrap(execute(self.store, task, timeout))

    def close(self) -> None:
        """Nothing to release."""


def unwrap(outcome: Outcome) -> Serialized:
    """The result of an Outcome, or the error it carries raised again."""
    if outcome.result is not None:
        return outcome.result
    cls = _ERRORS.get(outcome.error, StoreError)
    raise cls(outcome.message, message_fr=outcome.message_fr or outcome.message)
