"""A `limits` storage in a SQLite file: rate-limit counts shared by the worker processes of a host.

`limits` (under Flask-Limiter) ships memory (one count per process), Redis, Memcached and MongoDB
storages; the last three need a server that small deployments do not run. This one keeps the
fixed-window counters in one SQLite table in the instance folder, so N worker processes count a
client's requests together. Each hit is one short transaction (`INSERT … ON CONFLICT …
RETURNING`, SQLite ≥ 3.35) in WAL mode; the counters are disposable (a lost update after a power
cut only forgets some requests), so the file is not synced to disk on each hit.

Registered under the URI scheme `alliances+sqlite` (`alliances+sqlite:///abs/path/file.sqlite3`)
by subclassing `limits.storage.Storage`, whose metaclass records `STORAGE_SCHEME`.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

from limits.storage import Storage

SCHEME = "alliances+sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS counters (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL,
    expiry REAL NOT NULL
) WITHOUT ROWID
"""

_INCR = """
INSERT INTO counters (key, value, expiry) VALUES (:key, :amount, :now + :window)
ON CONFLICT (key) DO UPDATE SET
    value = CASE WHEN expiry <= :now THEN :amount ELSE value + :amount END,
    expiry = CASE WHEN expiry <= :now THEN :now + :window ELSE expiry END
RETURNING value
"""


def uri(path: Path) -> str:
    """The storage URI of a SQLite file."""
    return f"{SCHEME}://{Path(path).resolve()}"


class SQLiteStorage(Storage):
    """Fixed-window counters in a SQLite file (one connection per thread)."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str, wrap_exceptions: bool = False, **options: object) -> None:
        self.path = Path(unquote(urlparse(uri).path))
        self._local = threading.local()
        self._sweep_at = 0.0
        with self._connect() as db:
            db.execute(_SCHEMA)
        super().__init__(uri, wrap_exceptions=wrap_exceptions)

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        """Errors that mean the storage failed (Flask-Limiter then lets the request through
        only if `swallow_errors` is set; here it is not)."""
        return sqlite3.Error

    def _connect(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")
            self._local.db = db
        return db

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add `amount` to the counter of `key`, starting a window of `expiry` seconds if it has
        none running; returns the new count."""
        now = time.time()
        db = self._connect()
        row = db.execute(
            _INCR, {"key": key, "amount": amount, "now": now, "window": expiry}
        ).fetchone()
        if now >= self._sweep_at:  # forget finished windows once a minute
            self._sweep_at = now + 60
            db.execute("DELETE FROM counters WHERE expiry <= ?", (now,))
        return int(row[0])

    def get(self, key: str) -> int:
        """The count of `key` in its current window (0 when none runs)."""
        row = (
            self._connect()
            .execute("SELECT value FROM counters WHERE key = ? AND expiry > ?", (key, time.time()))
            .fetchone()
        )
        return int(row[0]) if row else 0

    def get_expiry(self, key: str) -> float:
        """When the current window of `key` ends (epoch seconds; now when none runs)."""
        now = time.time()
        row = (
            self._connect()
            .execute("SELECT expiry FROM counters WHERE key = ? AND expiry > ?", (key, now))
            .fetchone()
        )
        return float(row[0]) if row else now

    def check(self) -> bool:
        """Whether the file can be used."""
        try:
            self._connect().execute("SELECT 1").fetchone()
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        """Forget every counter; returns how many there were."""
        return self._connect().execute("DELETE FROM counters").rowcount

    def clear(self, key: str) -> None:
        """Forget the counter of `key`."""
        self._connect().execute("DELETE FROM counters WHERE key = ?", (key,))
