"""Progress of long work (import, validation, init, index rebuild), reported without printing.

Library code never prints (STYLE.md). It receives a *progress* callable and reports through it:

- `progress(message)`: one step, in plain French (`"vocabulaire sdg"`). Every progress callable
  accepts this; it is the shape `Instance` and `SearchIndex` have always used.
- `task(progress, label, total, unit)`: a counted step (rows read and checked, documents indexed).
  If the callable also has a `task(label, total, unit)` method (the CLI's, `webui/progress.py`,
  draws a bar on a terminal and prints plain lines otherwise) it is used; otherwise the label is
  reported once as a message and the counts are dropped.

A `Task` is used as a context manager: `advance(n)` after each unit of work, `total = n` when a
better estimate is known; leaving the block ends the step.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Protocol, runtime_checkable

Progress = Callable[[str], None]


@runtime_checkable
class Task(Protocol):
    """One counted step of long work."""

    total: int | None

    def advance(self, n: int = 1) -> None:
        """`n` more units done."""

    def __enter__(self) -> Task: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class NullTask:
    """A task that counts nothing (no progress wanted, or a plain message callable)."""

    def __init__(self, total: int | None = None) -> None:
        self.total = total

    def advance(self, n: int = 1) -> None:
        """Do nothing."""

    def __enter__(self) -> NullTask:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def task(progress: Progress | None, label: str, total: int | None, unit: str) -> Task:
    """A counted step reported to `progress` (see the module docstring); never raises."""
    if progress is None:
        return NullTask(total)
    make = getattr(progress, "task", None)
    if callable(make):
        made: Task = make(label, total, unit)
        return made
    progress(label)
    return NullTask(total)


def say(progress: Progress | None, message: str) -> None:
    """Report one step, if anyone listens."""
    if progress is not None:
        progress(message)
