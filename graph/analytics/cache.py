"""A value derived from the store, rebuilt when (and only when) the store's version changes."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from ..store import Change, Store

T = TypeVar("T")


class VersionedCache(Generic[T]):
    """Holds `build(store)` stamped with the store version it was built from.

    `get()` rebuilds when the version differs; a listener registered on the store also drops the
    value as soon as a write commits, so memory is not held for a stale graph. The version is read
    *before* building, so a write that lands during a build only causes one more rebuild.
    """

    def __init__(self, store: Store, build: Callable[[Store], T]) -> None:
        self._store = store
        self._build = build
        self._lock = threading.Lock()
        self._value: T | None = None
        self._version: int | None = None
        self.builds = 0
        store.add_listener(self._on_change)

    def get(self) -> T:
        """The value for the store's current version (built on first use after a change)."""
        version = self._store.version
        with self._lock:
            if self._value is None or self._version != version:
                self._value = self._build(self._store)
                self._version = version
                self.builds += 1
            return self._value

    @property
    def version(self) -> int | None:
        """The store version the cached value reflects (None when nothing is cached)."""
        return self._version

    def clear(self) -> None:
        """Forget the cached value."""
        with self._lock:
            self._value = None
            self._version = None

    def _on_change(self, change: Change) -> None:
        """Drop a stale value to free memory, unless a build is running (it will be redone)."""
        if self._lock.acquire(blocking=False):
            try:
                if self._version is not None and self._version != change.version:
                    self._value = None
                    self._version = None
            finally:
                self._lock.release()


_SHARED: weakref.WeakKeyDictionary[Store, dict[Callable[[Store], Any], VersionedCache[Any]]] = (
    weakref.WeakKeyDictionary()
)
_SHARED_LOCK = threading.Lock()


def versioned(store: Store, build: Callable[[Store], T]) -> T:
    """`build(store)` for the store's current version: built once per version and shared by
    every caller that passes the same `build` (a module-level function, so that it is the same
    object at each call). The cache lives as long as the store."""
    with _SHARED_LOCK:
        caches = _SHARED.setdefault(store, {})
        cache = caches.get(build)
        if cache is None:
            cache = caches[build] = VersionedCache(store, build)
    return cache.get()
