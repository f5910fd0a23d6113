"""Progress of long commands on stderr: a bar on a terminal (rich), plain lines otherwise.

`CliProgress` is the progress callable the `alliances` commands hand to library code
(`graph/progress.py` describes the protocol): called with a message it prints one step; its
`task(label, total, unit)` counts rows or documents. On a terminal the count is a rich progress bar
(done / total, rate, elapsed and remaining time); elsewhere (a pipe, a log file, CI) it is a plain
line every `interval` seconds while a step runs, and one when it ends with its rate.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from typing import IO, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


def number(n: float) -> str:
    """`123456` → `'123 456'` (French grouping with a narrow no-break space)."""
    return f"{n:,.0f}".replace(",", "\u202f")


def duration(seconds: float) -> str:
    """`75` → `'1 min 15 s'`, `8.2` → `'8 s'`."""
    s = int(round(seconds))
    if s < 60:
        return f"{s} s"
    m, s = divmod(s, 60)
    if m < 60:
        return f"{m} min {s:02d} s"
    h, m = divmod(m, 60)
    return f"{h} h {m:02d} min"


class CliProgress:
    """Progress on `stream` (stderr by default); see the module docstring.

    `terminal` forces the bar (True) or the plain lines (False); by default rich decides from the
    stream (a TTY, or FORCE_COLOR set). `width` fixes the bar's line width (default: the
    terminal's).
    """

    def __init__(
        self,
        stream: IO[str] | None = None,
        *,
        terminal: bool | None = None,
        interval: float = 5.0,
        width: int | None = None,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.console = Console(
            file=self.stream, force_terminal=terminal, highlight=False, width=width
        )
        self.terminal = self.console.is_terminal if terminal is None else terminal
        self.interval = interval

    def __call__(self, message: str) -> None:
        """One step of the work."""
        if self.terminal:
            self.console.print(f"[dim]…[/dim] {message}")
        else:
            print(f"… {message}", file=self.stream, flush=True)

    def task(self, label: str, total: int | None, unit: str) -> BarTask | LineTask:
        """A counted step: a bar on a terminal, plain lines otherwise."""
        if self.terminal:
            return BarTask(self.console, label, total, unit)
        return LineTask(self.stream, label, total, unit, self.interval)


class BarTask:
    """A rich progress bar: label, bar, done/total, rate, elapsed and remaining time."""

    def __init__(self, console: Console, label: str, total: int | None, unit: str) -> None:
        self.total = total
        self.done = 0
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(unit),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("reste"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._id = self._progress.add_task(label, total=total, rate="")
        self._started = time.monotonic()

    def advance(self, n: int = 1) -> None:
        """`n` more units done."""
        self.done += n
        elapsed = time.monotonic() - self._started
        rate = f"{number(self.done / elapsed)}/s" if elapsed > 0 else ""
        total = max(self.total, self.done) if self.total is not None else None
        self._progress.update(self._id, completed=self.done, total=total, rate=rate)

    def __enter__(self) -> BarTask:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.update(self._id, completed=self.done, total=self.done or self.total)
        self._progress.stop()


class LineTask:
    """Plain progress lines: every `interval` seconds, and at the end (a step shorter than
    `interval` gives one line)."""

    def __init__(
        self, stream: IO[str], label: str, total: int | None, unit: str, interval: float
    ) -> None:
        self.stream, self.label, self.total, self.unit = stream, label, total, unit
        self.interval = interval
        self.done = 0
        self._started = self._last = time.monotonic()

    def _line(self, text: str) -> None:
        print(f"… {self.label} : {text}", file=self.stream, flush=True)

    def advance(self, n: int = 1) -> None:
        """`n` more units done; a line if `interval` seconds passed since the last one."""
        self.done += n
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        elapsed = now - self._started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        text = f"{number(self.done)}"
        if self.total:
            text += f" / {number(max(self.total, self.done))}"
        text += f" {self.unit} ({number(rate)}/s"
        if self.total and rate > 0 and self.total > self.done:
            text += f", reste ~{duration((self.total - self.done) / rate)}"
        self._line(text + ")")

    def __enter__(self) -> LineTask:
        return self

    def __exit__(self, *exc: object) -> None:
        elapsed = time.monotonic() - self._started
        rate = f", {number(self.done / elapsed)}/s" if elapsed >= 1 and self.done else ""
        self._line(f"{number(self.done)} {self.unit} en {duration(elapsed)}{rate}")


class CountingDocuments:
    """Wraps a search index's document source so that each document read advances `task`."""

    def __init__(self, documents: Any, task: BarTask | LineTask) -> None:
        self._documents = documents
        self._task = task

    def __getattr__(self, name: str) -> Any:
        return getattr(self._documents, name)

    def of_kind(self, kind: str) -> Iterator[Any]:
        """The documents of `kind`, counted."""
        for doc in self._documents.of_kind(kind):
            yield doc
            self._task.advance()
