"""Running public queries in worker processes that can be killed at the deadline.

Neither Oxigraph nor rdflib can interrupt a query running in a thread, so every query of the public
endpoint runs in one of a few worker processes (`multiprocessing`, spawn start). Each worker opens
the on-disk store read-only (`pyoxigraph.Store.read_only`) next to the application's read-write
store, and reopens it whenever the store version it is sent differs from the one it opened (a
read-only RocksDB handle sees the database as it was when opened, write-ahead log included). A
worker that overruns the deadline is killed and replaced in the background; the other workers go
on serving. The main process never runs a public query itself.

Only the published graphs are ever given to the engine (as the default graph and named graphs of
every query), so the store's bookkeeping graph stays invisible.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import queue
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from graph.errors import AlliancesError, BadRequest, NotAcceptable

from .results import Serialized, serialize

log = logging.getLogger(__name__)


class QueryTimeout(AlliancesError):
    """The query ran past the deadline and was stopped."""

    status = 503
    code = "query_timeout"


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


@dataclass
class Outcome:
    """What a worker answers: a serialised result, or an error kind and message."""

    result: Serialized | None = None
    error: str = ""  # "syntax", "runtime" or "not_acceptable"
    message: str = ""
    message_fr: str = ""


def execute(store: Any, task: Task) -> Outcome:
    """Run `task` on a pyoxigraph store; engine errors become an Outcome."""
    import pyoxigraph as ox

    try:
        result = store.query(
            task.query,
            default_graph=[ox.NamedNode(g) for g in task.default_graph],
            named_graphs=[ox.NamedNode(g) for g in task.named_graphs],
        )
        return Outcome(serialize(result, task.result_format, task.graph_format,
                                 task.max_rows, task.prefixes))
    except SyntaxError as exc:
        return Outcome(error="syntax", message=str(exc))
    except NotAcceptable as exc:
        return Outcome(error="not_acceptable", message=exc.message, message_fr=exc.message_fr)
    except (RuntimeError, ValueError) as exc:
        return Outcome(error="runtime", message=str(exc))


def worker_main(conn: Connection, store_path: str) -> None:
    """Loop of a worker process: receive a Task, answer an Outcome, until the pipe closes."""
    import pyoxigraph as ox

    store: Any = None
    opened_at: int | None = None
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        for attempt in (1, 2):
            try:
                if store is None or opened_at != task.version:
                    store = None
                    store = ox.Store.read_only(store_path)
                    opened_at = task.version
                outcome = execute(store, task)
                break
            except OSError as exc:  # files compacted away under an old handle: reopen once
                store = None
                outcome = Outcome(error="runtime", message=f"store unavailable: {exc}")
                if attempt == 2:
                    break
        conn.send(outcome)


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection


class WorkerPool:
    """A fixed number of query worker processes over the store at `store_path`."""

    def __init__(self, store_path: Path | str, size: int) -> None:
        self.store_path = str(store_path)
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        for _ in range(max(1, size)):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=worker_main, args=(child, self.store_path),
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
    """Runs queries in the calling thread: for stores without an on-disk path (no deadline)."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def run(self, task: Task, timeout: float) -> Serialized:  # noqa: ARG002 - same signature
        """Run `task` on the store's engine directly."""
        from rdflib import URIRef

        try:
            result = self.store.raw_query(task.query,
                                          default_graph=[URIRef(g) for g in task.default_graph],
                                          named_graphs=[URIRef(g) for g in task.named_graphs])
            return serialize(result, task.result_format, task.graph_format, task.max_rows,
                             task.prefixes)
        except SyntaxError as exc:
            return unwrap(Outcome(error="syntax", message=str(exc)))
        except NotAcceptable as exc:
            return unwrap(Outcome(error="not_acceptable", message=exc.message,
                                  message_fr=exc.message_fr))

    def close(self) -> None:
        """Nothing to release."""


def unwrap(outcome: Outcome) -> Serialized:
    """The result of an Outcome, or the error it carries raised."""
    if outcome.result is not None:
        return outcome.result
    if outcome.error == "not_acceptable":
        raise NotAcceptable(outcome.message, message_fr=outcome.message_fr)
    if outcome.error == "syntax":
        raise BadRequest(f"SPARQL syntax error: {outcome.message}",
                         message_fr=f"erreur de syntaxe SPARQL : {outcome.message}")
    raise BadRequest(f"the query failed: {outcome.message}",
                     message_fr=f"la requête a échoué : {outcome.message}")
