"""Results of public SPARQL queries kept per graph version, in bounded memory.

A result depends only on the query, the dataset, the formats, the row cap and the graph version,
so it is kept under all of these; a new version makes every older entry useless, and they are
dropped as soon as a newer version is seen (versions only grow). Memory: the serialised bodies
(bytes) and the query texts are counted, and the least recently used entries are evicted when
the total passes `max_bytes` (the `SPARQL_CACHE_MB` setting, per web worker process; 0 turns the
cache off). A result larger than an eighth of the budget is not kept, so that one large answer
cannot empty the cache. Errors (timeouts included) are never kept.

Each web worker has its own cache (gunicorn workers share no memory); they hold the same entries
for the same version, since a result is computed from the same snapshot. A cached answer is not
the engine's speed: bench/README.md reports the endpoint with and without this cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from graph.store import Serialized

#: Bytes counted per entry beyond its body and query (key, tuple, object headers).
ENTRY_OVERHEAD = 300


class ResultCache:
    """An LRU map of (version, key) → Serialized, bounded by the bytes it holds."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max(0, int(max_bytes))
        self._entries: OrderedDict[tuple[int, Hashable], tuple[Serialized, int]] = OrderedDict()
        self._bytes = 0
        self._version = -1
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @property
    def size(self) -> int:
        """Bytes held now."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, version: int, key: Hashable) -> Serialized | None:
        """The result kept for `key` at `version`, or None."""
        if not self.max_bytes:
            return None
        with self._lock:
            self._advance(version)
            entry = self._entries.get((version, key))
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end((version, key))
            self.hits += 1
            return entry[0]

    def __contains__(self, item: tuple[int, Hashable]) -> bool:
        """Whether `(version, key)` is held (not counted as a hit or a miss)."""
        with self._lock:
            return item in self._entries

    def put(self, version: int, key: Hashable, result: Serialized, weight: int = 0) -> bool:
        """Keep `result` (its body plus `weight` more bytes, e.g. the query text); returns
        whether it was kept."""
        cost = len(result.body) + weight + ENTRY_OVERHEAD
        if not self.max_bytes or cost > self.max_bytes // 8:
            return False
        with self._lock:
            self._advance(version)
            if version < self._version:
                return False  # computed on a version already replaced
            old = self._entries.pop((version, key), None)
            if old is not None:
                self._bytes -= old[1]
            self._entries[(version, key)] = (result, cost)
            self._bytes += cost
            while self._bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped
            return True

    def _advance(self, version: int) -> None:
        """Forget every entry older than `version` once it is seen (lock held)."""
        if version > self._version:
            self._version = version
            for k in [k for k in self._entries if k[0] < version]:
                self._bytes -= self._entries.pop(k)[1]

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._entries.clear()
            self._bytes = 0
