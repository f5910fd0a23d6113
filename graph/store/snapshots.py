"""Read-only snapshots of an embedded store, one per published version, for reader processes.

RocksDB lets one process open a database read-write, and opening it read-only while that process
writes is undefined behaviour (pyoxigraph's documentation of `Store.read_only`; pyoxigraph 0.5 has
no secondary instances). So the one writer (an `alliances import`, or `init`) makes, after each
publication, a *checkpoint* of the store (`Store.backup`: hard links to the immutable table files,
7–20 ms at 610,000 quads here; the embedded store then compacts it once, 2.4 s of CPU at 585,000
quads, so that it no longer shares the store's files) and readers (web workers, SPARQL query
workers) open the latest checkpoint read-only. Nobody writes a checkpoint once it is made, so
reading it is safe, and a reader never sees half a write: it sees version N or N+1, whole.

```
HOME/snapshots/
  CURRENT                 name of the live checkpoint (replaced atomically with os.replace)
  v0000000042-3f9a1c/     a checkpoint: the engine's files, state.nt, readers.lock
  .tmp-…/                 a checkpoint being made (left by a crash: dropped by the next writer)
```

Each checkpoint holds only the published graphs: the system graph's triples are moved to
`state.nt` and unpublished graphs are dropped when it is made, so readers query the union of its
named graphs (the engine's fast path) instead of listing the published graphs in every query.

A process reading a checkpoint holds a shared `flock` on its `readers.lock`; a checkpoint other
than the live one is deleted (by the writer after publishing, or by the last reader leaving it)
only when an exclusive lock on that file can be taken, that is when no process reads it. A
killed process releases its locks, so nothing leaks.

`SnapshotStore` is the reader side: a `Store` that answers from the live checkpoint and moves to a
newer one on `refresh()` (a follower thread calls it; a request can `pinned()` the checkpoint it
started on). The engine-specific parts (making a checkpoint, opening one) are functions of the
engine's store, passed in; this module handles folders, pointers and locks only.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import re
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from rdflib import Graph, URIRef

from ..errors import Conflict, StoreError
from ..terms import RdfTerm
from .base import Capabilities, Change, GraphInfo, Row, Store, Write
from .binding import Binding
from .results import Serialized

log = logging.getLogger(__name__)

POINTER = "CURRENT"
READERS_LOCK = "readers.lock"
STATE_FILE = "state.nt"
_NAME = re.compile(r"^v(\d{10})-[0-9a-f]{6,}$")
_TMP = ".tmp-"
#: Attempts at opening the live checkpoint while writers move the pointer.
OPEN_ATTEMPTS = 20


def snapshot_version(name: str) -> int | None:
    """The store version a checkpoint name records (`v0000000042-…` → 42)."""
    m = _NAME.match(name)
    return int(m.group(1)) if m else None


class Checkpoints:
    """The folder of checkpoints of one store: make, point to, find and collect them."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @property
    def exists(self) -> bool:
        """Whether a reader ever asked for checkpoints here (the writer then keeps them current)."""
        return self.root.is_dir()

    def current(self) -> str | None:
        """Name of the live checkpoint, or None."""
        try:
            name = (self.root / POINTER).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return name if _NAME.match(name) and (self.root / name).is_dir() else None

    def current_version(self) -> int | None:
        """The store version of the live checkpoint, or None."""
        name = self.current()
        return snapshot_version(name) if name else None

    def publish(self, version: int, make: Callable[[Path], None]) -> str:
        """Make a checkpoint of `version` with `make(folder)` (which must create `folder`), make it
        live, and collect the checkpoints nobody reads. Only the store's one writer calls this
        (it holds the store's lock), so leftovers of interrupted publications are dropped first.
        Returns the checkpoint's name."""
        self.root.mkdir(parents=True, exist_ok=True)
        for p in self.root.iterdir():
            if p.name.startswith(_TMP):
                shutil.rmtree(p, ignore_errors=True)
        token = uuid.uuid4().hex[:8]
        tmp = self.root / f"{_TMP}{token}"
        try:
            make(tmp)
            (tmp / READERS_LOCK).touch()
            name = f"v{version:010d}-{token}"
            os.rename(tmp, self.root / name)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _atomic_write(self.root / POINTER, name + "\n")
        self.collect()
        return name

    def names(self) -> list[str]:
        """Every checkpoint's name, oldest first."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if _NAME.match(p.name))

    def collect(self) -> list[str]:
        """Delete checkpoints other than the live one that no process reads; returns their
        names. Never blocks: a checkpoint in use is left for its last reader to collect."""
        live = self.current()
        removed = []
        for name in self.names():
            if name == live:
                continue
            folder = self.root / name
            try:
                fd = os.open(folder / READERS_LOCK, os.O_RDWR)
            except OSError:
                continue  # being removed by another process, or not a checkpoint
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    continue  # read by a process
                raise
            try:
                trash = self.root / f"{_TMP}gc-{name}"
                os.rename(folder, trash)  # atomic: no reader can open it any more
            except OSError:
                os.close(fd)
                continue
            os.close(fd)
            shutil.rmtree(trash, ignore_errors=True)
            removed.append(name)
            log.info("snapshot %s collected", name)
        return removed


@dataclass(eq=False)
class _Handle:
    """One checkpoint opened by this process: the engine's read-only store and the shared lock
    that keeps the checkpoint from being collected while it is open."""

    name: str
    store: Store
    lock: IO[bytes]
    users: int = 0
    retired: bool = False
    closed: bool = field(default=False)

    def release(self) -> None:
        """Close the engine's handle, then release the lock (the folder may then go)."""
        if not self.closed:
            self.closed = True
            self.store.close()
            self.lock.close()


class SnapshotStore(Store):
    """A read-only store answering from the live checkpoint of `root` (see the module's doc).

    `open_checkpoint(folder)` opens one checkpoint read-only with the engine (the embedded store
    passes a picklable function, so that query worker processes can open checkpoints too).
    Writing raises Conflict: readers never write, imports go through the store's one writer.
    """

    name = "snapshot"

    def __init__(self, root: Path, *, base: str, open_checkpoint: Callable[[Path], Store]) -> None:
        super().__init__()
        self.base = base
        self.checkpoints = Checkpoints(root)
        self._open_checkpoint = open_checkpoint
        self._lock = threading.Lock()
        self._local = threading.local()
        self._current = self._open_live()

    @classmethod
    def from_settings(cls, settings: Any, home: Path) -> Store:  # pragma: no cover - not registered
        """Snapshot stores are opened by their engine's store (`open_reader`)."""
        raise NotImplementedError

    def reader(self) -> Callable[[], Store] | None:
        """Another reader of the same checkpoints (for query worker processes)."""
        return SnapshotOpener(self.checkpoints.root, self.base, self._open_checkpoint)

    @property
    def capabilities(self) -> Capabilities:
        """Read-only, on disk, any number of reader processes; no query deadline."""
        inner = self._current.store.capabilities
        return Capabilities(
            on_disk=True,
            parallel_readers=True,
            multi_process=True,
            bulk_load=False,
            full_text=inner.full_text,
            transactions=True,
            query_timeout=inner.query_timeout,
        )

    # -- following the writer ----------------------------------------------------------------
    def _open_live(self) -> _Handle:
        """Open the live checkpoint, retrying while a writer moves the pointer meanwhile."""
        last: Exception | None = None
        for _ in range(OPEN_ATTEMPTS):
            name = self.checkpoints.current()
            if name is None:
                break
            folder = self.checkpoints.root / name
            try:
                lock = open(folder / READERS_LOCK, "rb")
            except OSError as exc:  # collected between reading the pointer and opening
                last = exc
                continue
            try:
                fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
                if not folder.is_dir():  # collected before we locked it
                    raise FileNotFoundError(folder)
                store = self._open_checkpoint(folder)
            except (OSError, StoreError) as exc:
                lock.close()
                last = exc
                time.sleep(0.01)
                continue
            return _Handle(name, store, lock)
        raise StoreError(
            f"no snapshot of the store to read in {self.checkpoints.root}"
            + (f" ({last})" if last else "")
            + ": run `alliances serve` (which makes one) or any command that opens the store",
            message_fr=f"aucun instantané du stock à lire dans {self.checkpoints.root}"
            + (f" ({last})" if last else "")
            + " : lancez `alliances serve` (qui en fait un) ou une commande qui ouvre le stock",
        )

    def refresh(self) -> bool:
        """Move to the live checkpoint if the writer published a newer one; returns whether it
        moved (listeners are then told the new version). Requests pinned to the previous one
        finish on it; it is closed, and collected, when the last of them ends."""
        live = self.checkpoints.current()
        if live is None or live == self._current.name:
            return False
        fresh = self._open_live()
        with self._lock:
            old, self._current = self._current, fresh
            old.retired = True
            done = old.users == 0
        if done:
            self._release(old)
        log.info("serving snapshot %s (version %s)", fresh.name, fresh.store.version)
        self._notify(Change(fresh.store.version, "", None))
        return True

    def _release(self, handle: _Handle) -> None:
        handle.release()
        try:
            self.checkpoints.collect()
        except OSError as exc:  # pragma: no cover - another process removes it concurrently
            log.info("snapshot collection: %s", exc)

    @contextmanager
    def _use(self) -> Iterator[Store]:
        pinned: _Handle | None = getattr(self._local, "pinned", None)
        if pinned is not None:
            yield pinned.store
            return
        with self._lock:
            handle = self._current
            handle.users += 1
        try:
            yield handle.store
        finally:
            with self._lock:
                handle.users -= 1
                done = handle.retired and handle.users == 0
            if done:
                self._release(handle)

    @contextmanager
    def pinned(self) -> Iterator[None]:
        """Answer every call of this thread from the checkpoint live now, until the block ends
        (a web request sees one version from start to end)."""
        if getattr(self._local, "pinned", None) is not None:
            yield
            return
        with self._lock:
            handle = self._current
            handle.users += 1
        self._local.pinned = handle
        try:
            yield
        finally:
            self._local.pinned = None
            with self._lock:
                handle.users -= 1
                done = handle.retired and handle.users == 0
            if done:
                self._release(handle)

    @property
    def snapshot(self) -> str:
        """Name of the checkpoint this thread reads."""
        pinned: _Handle | None = getattr(self._local, "pinned", None)
        return (pinned or self._current).name

    # -- reading -----------------------------------------------------------------------------
    @property
    def version(self) -> int:
        """The version of the checkpoint this thread reads."""
        with self._use() as s:
            return s.version

    def graphs(self) -> list[GraphInfo]:
        """The published graphs of the checkpoint."""
        with self._use() as s:
            return s.graphs()

    def source_checksum(self, source: str) -> str | None:
        """The checksum recorded for the published source."""
        with self._use() as s:
            return s.source_checksum(source)

    def select(self, sparql: str, **bindings: Binding) -> list[Row]:
        """Rows of a SELECT (see `Store.select`)."""
        with self._use() as s:
            return s.select(sparql, **bindings)

    def ask(self, sparql: str, **bindings: Binding) -> bool:
        """The answer of an ASK."""
        with self._use() as s:
            return s.ask(sparql, **bindings)

    def triples(self, sparql: str, **bindings: Binding) -> list[tuple[RdfTerm, RdfTerm, RdfTerm]]:
        """The triples of a CONSTRUCT or DESCRIBE."""
        with self._use() as s:
            return s.triples(sparql, **bindings)

    def construct(self, sparql: str, **bindings: Binding) -> Graph:
        """The result of a CONSTRUCT as an rdflib Graph."""
        with self._use() as s:
            return s.construct(sparql, **bindings)

    def count_triples(self) -> int:
        """Number of triples in the published graphs."""
        with self._use() as s:
            return s.count_triples()

    def run(
        self,
        query: str,
        *,
        default_graph: Sequence[URIRef] | None = None,
        named_graphs: Sequence[URIRef] | None = None,
        result_format: str = "json",
        graph_format: str = "ttl",
        max_rows: int = 10_000,
        timeout: float | None = None,
    ) -> Serialized:
        """Run anyone's read query on the checkpoint (see `Store.run`)."""
        with self._use() as s:
            return s.run(
                query,
                default_graph=default_graph,
                named_graphs=named_graphs,
                result_format=result_format,
                graph_format=graph_format,
                max_rows=max_rows,
                timeout=timeout,
            )

    def dump(self, output: IO[bytes], fmt: str, graphs: Sequence[URIRef] | None = None) -> None:
        """Stream the checkpoint's published graphs."""
        with self._use() as s:
            s.dump(output, fmt, graphs)

    # -- writing: never ------------------------------------------------------------------------
    def _refuse(self) -> Conflict:
        return Conflict(
            "this process reads snapshots of the store; writes go through its one writer "
            "(`alliances import`, `alliances init`)",
            message_fr="ce processus lit des instantanés du stock ; les écritures passent par "
            "son unique écrivain (`alliances import`, `alliances init`)",
        )

    def write(self, write: Write) -> int:
        """Refused: raises Conflict."""
        raise self._refuse()

    def drop_source(self, source: str) -> int:
        """Refused: raises Conflict."""
        raise self._refuse()

    def close(self) -> None:
        """Release the checkpoint (now or when its last pinned request ends)."""
        with self._lock:
            handle = self._current
            handle.retired = True
            done = handle.users == 0
        if done:
            handle.release()


@dataclass(frozen=True)
class SnapshotOpener:
    """A picklable function opening a `SnapshotStore` (for spawned query workers)."""

    root: Path
    base: str
    open_checkpoint: Callable[[Path], Store]

    def __call__(self) -> Store:
        return SnapshotStore(self.root, base=self.base, open_checkpoint=self.open_checkpoint)


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    with contextlib.suppress(OSError):
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
