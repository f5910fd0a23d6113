"""Serving the application with one or several web worker processes (`alliances serve`).

1. `prepare()` runs in a child of the launching process (`prepare_apart`), briefly as the
   store's writer: it initialises the instance if needed, brings the search index up to date
   and publishes the readers' snapshot (embedded store), then closes the store. While the site
   serves, no process holds the store: `alliances import` (the one writer) runs next to it.
   The launching process, which becomes gunicorn's arbiter and forks every worker, never opens
   the store itself: RocksDB's background threads do not survive a fork, and a worker forked
   from a process that had started them hangs at exit joining threads it does not have.
2. gunicorn's arbiter (a pre-fork WSGI server) starts `workers` processes of the `gthread` kind
   (`threads` request threads each) and restarts any that dies. Each worker builds the app on a
   *reader* instance (`Instance.reader`) after the fork, so that no engine handle crosses a
   fork, and starts two threads: a `Follower`, which moves the worker to each version the writer
   publishes (checked every `FOLLOW_INTERVAL` seconds), and the `Warmer`, which rebuilds the
   caches of the new version before visitors ask for them.
3. `init_app` pins each request to the version live when it starts (`Store.pinned`: a page's
   queries all see one version) and names that version in the `Alliances-Graph-Version` header.

What each worker holds: its own read-only handle on the snapshot and its own caches keyed by the
graph version (recommender tables, pages' indexes, SPARQL results), rebuilt from the same
snapshot, so workers serving one version give the same answers; the search index is one folder
on disk that every worker reads (docs/scaling.md says why).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import multiprocessing as mp
import os
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask, Response, g

from graph.errors import AlliancesError, StoreBusy
from graph.store.snapshots import Checkpoints
from graph.vocabularies import stale_vocabularies

from .instance import Instance
from .sparql.limits import SharedSlots

log = logging.getLogger(__name__)

#: Seconds between two checks for a newly published version, in each worker.
FOLLOW_INTERVAL = 0.5
#: Response header naming the graph version a response was computed from.
VERSION_HEADER = "Alliances-Graph-Version"

Say = Callable[[str], None]


class Follower:
    """A daemon thread moving a reader instance to each newly published version."""

    def __init__(self, instance: Instance, interval: float = FOLLOW_INTERVAL) -> None:
        self.instance = instance
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="alliances-follow", daemon=True)

    def start(self) -> Follower:
        """Start the thread; returns self."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop the thread (at its next check)."""
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.instance.follow()
            except Exception:  # noqa: BLE001 - a failed check is retried at the next one
                log.exception("could not move to the newly published version; retrying")


def init_app(app: Flask) -> None:
    """Pin each request to one graph version and name it in a response header."""
    inst: Instance = app.extensions["alliances"]

    @app.before_request
    def _pin() -> None:
        stack = contextlib.ExitStack()
        stack.enter_context(inst.store.pinned())
        g._alliances_pin = stack  # noqa: SLF001 - flask.g is the request's namespace

    @app.after_request
    def _version(resp: Response) -> Response:
        resp.headers[VERSION_HEADER] = str(inst.store.version)
        return resp

    @app.teardown_request
    def _unpin(exc: BaseException | None) -> None:  # noqa: ARG001
        stack = g.pop("_alliances_pin", None)
        if stack is not None:
            stack.close()


def prepare(config: dict[str, Any], say: Say, progress: Say | None = None) -> None:
    """Make the instance servable by readers (see the module's doc). When an import holds the
    embedded store, serve its last published snapshot, or wait for the import to end if there
    is none yet. Raises AlliancesError (a store that cannot be opened, bad settings)."""
    snapshots = Checkpoints(Path(config["HOME"]) / "snapshots")
    waiting = False
    while True:
        try:
            inst = Instance(config, progress=progress)
            break
        except StoreBusy:
            if snapshots.current() is not None:
                say("Une importation est en cours : le site sert la dernière version publiée.")
                return
            if not waiting:
                say("Une importation est en cours ; le site démarrera à sa fin…")
                waiting = True
            time.sleep(1)
    try:
        if not inst.exists:
            inst.init(progress=progress)
        else:
            stale = stale_vocabularies(inst.store)
            if stale:
                say(
                    "Vocabulaires à mettre à jour (" + ", ".join(stale) + ") : lancez "
                    "« alliances init » (les exemples SPARQL en ont besoin). / Vocabularies "
                    "out of date: run `alliances init` (the SPARQL examples need them)."
                )
        inst.store.publish_for_readers(force=True)
    finally:
        inst.close()


def prepare_apart(config: dict[str, Any], say: Say, progress: Say | None = None) -> None:
    """`prepare()` in a forked child process (see the module's doc for why), waiting for it.
    Raises what `prepare` raised (AlliancesError), or AlliancesError when the child died."""
    ctx = mp.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def run() -> None:
        outcome: BaseException | None = None
        try:
            prepare(config, say, progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
            outcome = exc
        try:
            send.send(outcome)
        except Exception:  # noqa: BLE001 - an exception that does not pickle
            send.send(AlliancesError(repr(outcome)))

    child = ctx.Process(target=run, name="alliances-prepare")
    child.start()
    send.close()
    try:
        outcome = receive.recv()
    except EOFError:  # the child died without a word (killed, out of memory)
        child.join()
        outcome = AlliancesError(
            f"preparing the instance stopped unexpectedly (exit code {child.exitcode})",
            message_fr="la préparation de l'instance s'est arrêtée de façon inattendue "
            f"(code de sortie {child.exitcode})",
        )
    except Exception as exc:  # noqa: BLE001 - an exception that does not unpickle
        outcome = AlliancesError(f"preparing the instance failed: {exc!r}")
    finally:
        child.join()
        receive.close()
    if outcome is not None:
        raise outcome


def reader_app(config: dict[str, Any], slots: SharedSlots | None = None) -> Flask:
    """The app of one web worker: a reader instance, followed and warmed in the background;
    `slots`, made before the fork, count each client's SPARQL queries across workers."""
    from .app import create_app
    from .sparql.endpoint import SHARED_SLOTS
    from .warmup import Warmer

    inst = Instance.reader(config)
    if slots is not None:
        inst.extensions[SHARED_SLOTS] = slots
    app = create_app(instance=inst)
    Warmer(inst, app).start()
    Follower(inst).start()
    return app


def port_in_use(host: str, port: int) -> bool:
    """Whether a process already listens on `host`:`port` (TCP), tried as gunicorn binds:
    with SO_REUSEADDR, so a connection of a stopped server waiting in TIME_WAIT does not count.
    An address that cannot be resolved is left for the server to report."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return False
    for family, kind, proto, _name, address in infos:
        with socket.socket(family, kind, proto) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind(address)
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE:
                    return True
    return False


def default_workers() -> int:
    """Web workers of `serve --production`: one per core this process may use, at least 2 (so
    that a worker restarting or busy with a cache rebuild leaves another answering), at most 8.

    One per core rather than gunicorn's usual 2 × cores + 1: each worker keeps its own caches
    (memory per worker measured in bench/README.md, *Web*), its request threads already
    overlap the waits, and the engine's work runs in SPARQL query processes or the store's
    own threads.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(2, min(8, cores))


def gunicorn_options(
    host: str, port: int, workers: int, threads: int, *, production: bool = False
) -> dict[str, Any]:
    """gunicorn's settings for `alliances serve` (https://docs.gunicorn.org/en/stable/settings.html).

    `gthread` workers answer `threads` requests each and keep connections alive; their
    heartbeat does not depend on requests, so a long SPARQL query (stopped by its own deadline)
    never gets a worker killed; `timeout` only catches a worker whose main loop is stuck. With
    `production`, each worker is replaced after about 10,000 requests (a bound on whatever
    memory a long-lived process gathers; the jitter keeps workers from restarting together).
    `limit_request_line` is gunicorn's maximum (8190 bytes, default 4094): the idea and project
    forms are GET forms (shareable links), and a few French paragraphs, percent-encoded, passed
    the default and got gunicorn's bare English « 414 URI Too Long »; their textareas also carry
    ``maxlength="2000"`` so what a person types always fits.
    """
    extra: dict[str, Any] = (
        {"max_requests": 10_000, "max_requests_jitter": 1_000} if production else {}
    )
    return {
        **extra,
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": 120,
        "graceful_timeout": 30,
        "keepalive": 5,
        "limit_request_line": 8190,
        "preload_app": False,
        "proc_name": "alliances",
        "errorlog": "-",
        "loglevel": "warning",
    }


def run_gunicorn(options: dict[str, Any], make_app: Callable[[], Flask]) -> None:
    """Run gunicorn's arbiter in this process until it is stopped (SIGINT, SIGTERM)."""
    from gunicorn.app.base import BaseApplication

    class _Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Flask:
            return make_app()

    _Server().run()
