"""Concurrent public queries per client address, counted across every web worker.

With one process, a counter in memory does. With several gunicorn workers, each would count only
its own requests, and a client could run `workers ×` the limit; so `alliances serve` creates, in
the arbiter before it forks the workers, a `SharedSlots` table in shared memory that every worker
inherits: one row of counters per worker, one counter per bucket of client addresses (the
address's CRC-32 modulo `BUCKETS`), and one lock. A client's count is the sum of its bucket over
the rows. Two addresses falling in one bucket share a limit (stricter, never looser; with 4,096
buckets and a handful of concurrent clients this is rare). A worker claims a free row when it
builds its app, and the row of a worker that died (killed at a deadline, crashed) is reclaimed by
the next worker that starts, since its process no longer exists: counts never leak.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing as mp
import os
import threading
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from graph.errors import AlliancesError

log = logging.getLogger(__name__)

#: Buckets of client addresses in the shared table.
BUCKETS = 4096
#: Seconds a worker waits for the shared table's lock before counting locally instead.
LOCK_WAIT = 1.0


class TooManyQueries(AlliancesError):
    """The client already has as many queries running as allowed."""

    status = 429
    code = "too_many_queries"


def _refuse(limit: int) -> TooManyQueries:
    return TooManyQueries(
        f"at most {limit} concurrent queries per client; wait for one to finish",
        message_fr=f"au plus {limit} requêtes simultanées par client ; attendez qu'une se termine",
    )


class SharedSlots:
    """Counters in shared memory, created before forking (see the module's doc)."""

    def __init__(self, workers: int, buckets: int = BUCKETS) -> None:
        ctx = mp.get_context("fork")
        self.rows = max(1, workers) * 2  # room for workers restarted before a row is reclaimed
        self.buckets = buckets
        self._counts: Any = ctx.RawArray(ctypes.c_int32, self.rows * buckets)
        self._owners: Any = ctx.RawArray(ctypes.c_int32, self.rows)
        self._lock = ctx.Lock()

    def claim(self) -> int:
        """A row for this process: a free one, or the row of a process that no longer exists
        (its counts cleared). Raises RuntimeError when every row is held by a live process."""
        pid = os.getpid()
        with self._lock:
            for row in range(self.rows):
                owner = self._owners[row]
                if owner == pid:
                    return row
                if owner == 0 or not _alive(owner):
                    base = row * self.buckets
                    ctypes.memset(ctypes.addressof(self._counts) + base * 4, 0, self.buckets * 4)
                    self._owners[row] = pid
                    return row
        raise RuntimeError("no free row in the shared SPARQL slot table")

    def bucket(self, client: str) -> int:
        """The bucket of a client address."""
        return zlib.crc32(client.encode("utf-8", "replace")) % self.buckets

    def acquire(self, row: int, bucket: int, limit: int) -> bool | None:
        """Count one more query of `bucket` in `row` if the total stays within `limit`; None
        when the lock could not be taken in time (the caller then counts locally)."""
        if not self._lock.acquire(timeout=LOCK_WAIT):
            return None
        try:
            total = sum(self._counts[r * self.buckets + bucket] for r in range(self.rows))
            if total >= limit:
                return False
            self._counts[row * self.buckets + bucket] += 1
            return True
        finally:
            self._lock.release()

    def release(self, row: int, bucket: int) -> None:
        """Count one query less."""
        with self._lock:
            i = row * self.buckets + bucket
            if self._counts[i] > 0:
                self._counts[i] -= 1


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ClientLimiter:
    """Counts running queries per client address: across workers with `shared`, else in this
    process."""

    def __init__(self, limit: int, shared: SharedSlots | None = None) -> None:
        self.limit = limit
        self._running: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._shared = shared
        self._row: int | None = None
        if shared is not None:
            try:
                self._row = shared.claim()
            except RuntimeError as exc:
                log.warning("%s; counting SPARQL queries in this worker only", exc)

    @contextmanager
    def slot(self, client: str) -> Iterator[None]:
        """Hold one of the client's slots for the duration of a query, or raise 429."""
        if self._shared is not None and self._row is not None:
            bucket = self._shared.bucket(client)
            got = self._shared.acquire(self._row, bucket, self.limit)
            if got is False:
                raise _refuse(self.limit)
            if got:
                try:
                    yield
                finally:
                    self._shared.release(self._row, bucket)
                return
            log.warning("shared SPARQL slot table busy; counting in this worker only")
        with self._local_slot(client):
            yield

    @contextmanager
    def _local_slot(self, client: str) -> Iterator[None]:
        with self._lock:
            if self._running[client] >= self.limit:
                raise _refuse(self.limit)
            self._running[client] += 1
        try:
            yield
        finally:
            with self._lock:
                self._running[client] -= 1
                if self._running[client] <= 0:
                    del self._running[client]
