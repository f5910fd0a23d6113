"""The index folder on disk: generations, the pointer to the live one, stamps and the writer lock.

```
index/
  CURRENT            name of the live generation (replaced atomically with os.replace)
  write.lock         held (flock) by the one writer
  whoosh-0007/       a generation: the backend's files and stamp.json
  whoosh-0008/       the next one, being built by a rebuild while searches use 0007
```
A generation's `stamp.json` records the backend, the schema version, the graph version the index
reflects, the number of documents and a state: `clean`, or `writing` while an update is under
way (a crash then leaves `writing`, and the next start-up rebuilds).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

POINTER = "CURRENT"
LOCK = "write.lock"
STAMP = "stamp.json"
_GENERATION = re.compile(r"^([a-z]+)-(\d{4,})$")


@dataclass(frozen=True)
class Stamp:
    """What an index generation reflects."""

    backend: str
    schema: int
    graph_version: int
    docs: int
    state: str = "clean"


class BadStamp(Exception):
    """A stamp is missing or unreadable."""


def read_pointer(root: Path) -> str | None:
    """Name of the live generation, or None when there is none (or the pointer is damaged)."""
    try:
        name = (root / POINTER).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return name if _GENERATION.match(name) else None


def write_pointer(root: Path, name: str) -> None:
    """Make generation `name` live, atomically."""
    _atomic_write(root / POINTER, name + "\n")


def read_stamp(folder: Path) -> Stamp:
    """The stamp of a generation folder; raises BadStamp."""
    try:
        data = json.loads((folder / STAMP).read_text(encoding="utf-8"))
        return Stamp(
            str(data["backend"]),
            int(data["schema"]),
            int(data["graph_version"]),
            int(data["docs"]),
            str(data["state"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BadStamp(f"{folder / STAMP}: {exc}") from exc


def write_stamp(folder: Path, stamp: Stamp) -> None:
    """Record a generation's stamp, atomically."""
    _atomic_write(folder / STAMP, json.dumps(asdict(stamp)))


def next_generation(root: Path, backend: str) -> str:
    """A fresh generation name for `backend`."""
    numbers = [int(m.group(2)) for p in root.iterdir() if (m := _GENERATION.match(p.name))]
    return f"{backend}-{max(numbers, default=0) + 1:04d}"


def remove_generations(root: Path, keep: set[str]) -> None:
    """Delete generation folders other than `keep`."""
    for p in root.iterdir():
        if p.is_dir() and _GENERATION.match(p.name) and p.name not in keep:
            shutil.rmtree(p, ignore_errors=True)


@contextmanager
def file_lock(root: Path) -> Iterator[None]:
    """Hold the writer lock of the index folder (blocks while another process holds it)."""
    root.mkdir(parents=True, exist_ok=True)
    f: IO[str] = open(root / LOCK, "a")
    try:
        fcntl.flock(f, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(f, fcntl.LOCK_UN)
        f.close()


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
