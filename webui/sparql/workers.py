"""Running public queries where a runaway one cannot hold the service.

Some engines cannot stop a query they have started (Oxigraph, rdflib): their stores declare
`capabilities.query_timeout = False`, and every query of the public endpoint then runs in one of a
few worker processes (`multiprocessing`, spawn start) that can be killed at the deadline. Each
worker opens the store through the picklable opener `Store.reader()` gives (the embedded store:
its live read-only snapshot, see `graph.store.snapshots`), moves to a newer version when the task
it is sent names one, and, when idle, follows the published version by itself, so that it never
keeps an old snapshot from being collected. A worker that overruns the deadline is killed and
replaced in the background; the other workers go on serving. The pool starts one worker and
grows to `size` when queries arrive together, so that a slow query does not queue the fast ones
behind it (each query has a process, as each has a thread in a server written in Rust). Stores
whose calls return at a deadline (a remote SPARQL server: the HTTP timeout, and the server's own
limits) run queries in the request thread instead (`InlineExecutor`).

Either way the query goes through `Store.run`, which names only the published graphs as the
dataset, so the store's bookkeeping graph stays invisible. No engine is imported here.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from rdflib import URIRef

from graph.errors import (
    AlliancesError,
    NotAcceptable,
    QueryError,
    QueryRefused,
    QueryTimeout,
    StoreError,
)
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
    #: None: the store's default dataset (the union of the published graphs).
    default_graph: list[str] | None
    named_graphs: list[str] | None
    version: int
    result_format: str
    graph_format: str
    max_rows: int
    prefixes: dict[str, str] = field(default_factory=dict)


#: Errors a worker sends back by name, and the class raised again in the serving process.
_ERRORS: dict[str, type[AlliancesError]] = {
    "refused": QueryRefused,
    "query": QueryError,
    "not_acceptable": NotAcceptable,
    "timeout": QueryTimeout,
    "store": StoreError,
}


@dataclass
class Outcome:
    """What a worker answers: a serialised result (and the graph version it was computed
    from), or an error kind and its messages."""

    result: Serialized | None = None
    error: str = ""  # a key of _ERRORS
    message: str = ""
    message_fr: str = ""
    version: int | None = None


#: Seconds an idle worker waits before checking for a newly published version.
IDLE_FOLLOW = 1.0


def execute(store: Store, task: Task, timeout: float | None = None) -> Outcome:
    """Run `task` on `store`; the application's errors become an Outcome."""
    try:
        with store.pinned():
            version = store.version
            result = store.run(
                task.query,
                default_graph=_graphs(task.default_graph),
                named_graphs=_graphs(task.named_graphs),
                result_format=task.result_format,
                graph_format=task.graph_format,
                max_rows=task.max_rows,
                timeout=timeout,
            )
        return Outcome(result, version=version)
    except AlliancesError as exc:
        kind = next((k for k, cls in _ERRORS.items() if isinstance(exc, cls)), "store")
        return Outcome(error=kind, message=exc.message, message_fr=exc.message_fr)


def _graphs(names: list[str] | None) -> list[URIRef] | None:
    return None if names is None else [URIRef(g) for g in names]


def worker_main(conn: Connection, opener: Callable[[], Store]) -> None:
    """Loop of a worker process: receive a Task, answer an Outcome, until the pipe closes;
    while idle, follow the published version (releasing the previous snapshot)."""
    store: Store | None = None
    while True:
        try:
            if not conn.poll(IDLE_FOLLOW):
                if store is not None:
                    _follow(store)
                continue
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        outcome = Outcome(error="store", message="store unavailable")
        for _attempt in (1, 2):
            try:
                if store is None:
                    store = opener()
                if store.version != task.version:
                    store.refresh()
                outcome = execute(store, task)
                break
            except (OSError, StoreError) as exc:  # files gone under an old handle: reopen
                if store is not None:
                    with contextlib.suppress(Exception):
                        store.close()
                store = None
                outcome = Outcome(
                    error="store",
                    message=f"store unavailable: {exc}",
                    message_fr=f"stock indisponible : {exc}",
                )
        conn.send(outcome)


def _follow(store: Store) -> None:
    try:
        store.refresh()
    except (OSError, AlliancesError) as exc:  # retried at the next idle check
        log.info("query worker could not follow the store: %s", exc)


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection


class WorkerPool:
    """Query worker processes reading the store `opener` opens, in two lanes.

    At most `size` queries run at once in the *fast lane*. A query still running after
    `slow_after` seconds moves to the *slow lane*, which holds at most `slow_size` of them, and
    stops counting against `size`: a new query then gets a process (an idle one, or one started
    for it) even while slow ones run, as each query gets a thread in a server written in Rust,
    instead of queueing behind them. When the slow lane is full, slow queries go on counting in
    the fast lane, so that at most `size + slow_size` processes ever run queries. The pool starts
    one process and grows as queries need; a process killed at the deadline is replaced when
    next needed. `slow_size = 0` gives one lane of `size` processes.
    """

    def __init__(
        self,
        opener: Callable[[], Store],
        size: int,
        *,
        slow_after: float = 0.25,
        slow_size: int = 0,
    ) -> None:
        self.opener = opener
        self.size = max(1, size)
        self.slow_after = max(0.0, slow_after)
        self.slow_size = max(0, slow_size)
        self._ctx = mp.get_context("spawn")
        self._cond = threading.Condition()
        self._conn_lock = threading.Lock()  # see _close_conn
        self._closed = False
        self._idle: list[_Worker] = []
        self._workers: list[_Worker] = []
        #: Worker → monotonic time its running query was sent.
        self._busy: dict[_Worker, float] = {}
        self._starting = 0
        self._idle.append(self._start())

    @property
    def started(self) -> int:
        """Worker processes alive now."""
        with self._cond:
            return len(self._workers)

    def lanes(self) -> tuple[int, int]:
        """Queries running now in the fast lane and in the slow lane."""
        with self._cond:
            return self._lanes(time.monotonic())[:2]

    def _lanes(self, now: float) -> tuple[int, int, float | None]:
        """(fast, slow, seconds until the next fast query turns slow, if it can move)."""
        # seconds before each running query turns slow (<= 0: it has)
        left = [self.slow_after - (now - sent) for sent in self._busy.values()]
        old = sum(1 for x in left if x <= 0)
        slow = min(old, self.slow_size)
        fast = len(left) - slow + self._starting
        ahead = [x for x in left if x > 0]
        turn = min(ahead) if ahead and old < self.slow_size else None
        return fast, slow, turn

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(
            target=worker_main,
            args=(child, self.opener),
            name="alliances-sparql-worker",
            daemon=True,
        )
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        with self._cond:
            self._workers.append(w)
        return w

    def _acquire(self, timeout: float) -> _Worker:
        """A process for a new query once the fast lane has room (see the class's doc): an idle
        one, else one started for it. Raises Busy after `timeout` seconds without room."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                now = time.monotonic()
                fast, _slow, turn = self._lanes(now)
                if fast < self.size:
                    if self._idle:
                        w = self._idle.pop()  # the most recently used: its caches are warm
                        self._busy[w] = now
                        return w
                    self._starting += 1  # counted in the fast lane while it starts
                    break
                left = deadline - now
                if left <= 0:
                    raise Busy(
                        "every query worker is busy; try again shortly",
                        message_fr="tous les processus de requête sont occupés ; réessayez dans "
                        "un instant",
                    )
                self._cond.wait(left if turn is None else min(left, turn + 0.001))
        try:
            w = self._start()
        finally:
            with self._cond:
                self._starting -= 1
        with self._cond:
            self._busy[w] = time.monotonic()
        return w

    def _release(self, worker: _Worker) -> None:
        """`worker` answered: idle again."""
        with self._cond:
            self._busy.pop(worker, None)
            if worker in self._workers:
                self._idle.append(worker)
            self._cond.notify_all()

    def _discard(self, dead: _Worker) -> None:
        """Kill `dead` (its place is filled again when a query needs it)."""
        dead.process.kill()
        with self._cond:
            self._busy.pop(dead, None)
            if dead in self._workers:
                self._workers.remove(dead)
            self._cond.notify_all()

        def reap() -> None:
            dead.process.join(5)
            self._close_conn(dead)

        threading.Thread(target=reap, name="sparql-worker-reap", daemon=True).start()

    def run(self, task: Task, timeout: float) -> tuple[Serialized, int | None]:
        """Run `task` within `timeout` seconds (plus as long again waiting for a free worker);
        the result and the graph version it was computed from."""
        worker = self._acquire(timeout)
        try:
            worker.conn.send(task)
            if not worker.conn.poll(timeout):
                log.warning("SPARQL query stopped after %.1f s", timeout)
                self._discard(worker)
                raise QueryTimeout(
                    f"the query was stopped after {timeout:g} s (the limit of this endpoint)",
                    message_fr=f"la requête a été arrêtée après {timeout:g} s (la limite de ce "
                    "point d'accès)",
                )
            outcome: Outcome = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._discard(worker)
            raise AlliancesError(
                "the query worker stopped unexpectedly",
                message_fr="le processus de requête s'est arrêté",
            ) from exc
        self._release(worker)
        return unwrap(outcome)

    def close(self) -> None:
        """Stop every worker."""
        with self._cond:
            self._closed = True
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
            self._close_conn(w)

    def _close_conn(self, worker: _Worker) -> None:
        """Close `worker`'s pipe once: `close()` and the reaper of a query that `close()` cut
        short may both get here, and a second `os.close` of the same number would fail (EBADF)
        or, worse, close a descriptor the process has opened since."""
        with self._conn_lock:
            if not worker.conn.closed:
                worker.conn.close()


class InlineExecutor:
    """Runs queries in the calling thread, for stores whose calls return at the deadline."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def run(self, task: Task, timeout: float) -> tuple[Serialized, int | None]:
        """Run `task` on the store, passing it the deadline; the result and its version."""
        return unwrap(execute(self.store, task, timeout))

    def close(self) -> None:
        """Nothing to release."""


def unwrap(outcome: Outcome) -> tuple[Serialized, int | None]:
    """The result of an Outcome and its version, or the error it carries raised again."""
    if outcome.result is not None:
        return outcome.result, outcome.version
    cls = _ERRORS.get(outcome.error, StoreError)
    raise cls(outcome.message, message_fr=outcome.message_fr or outcome.message)
