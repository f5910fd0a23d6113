"""The SPARQL editor's examples before and after their rewriting, timed on one instance.

    python bench/sparql_examples.py --home INSTANCE [--runs 3] [--timeout 30]
    python bench/load.py --actors 100000 --examples     # on load.py's cached 100,000-actor instance

Every example of `webui/sparql/examples/` ("after") runs on the instance at `--home`, and so does
its earlier text when it is kept in `tests/data/sparql-examples-before/` ("before", same file
name). Both go the way of the public endpoint: `Store.run` on the store's published snapshot, in
a query worker process (`webui.sparql.workers.WorkerPool`, one process) killed at `--timeout`
seconds (the endpoint's deadline, `SPARQL_TIMEOUT`), with its row cap (`--max-rows`); results as
SPARQL JSON (N-Triples for CONSTRUCT). The runs alternate (before, after, before, after…) in the
same process so that the machine's load weighs on both alike; a query that hit the timeout is not
run again. Printed: a Markdown table with the median seconds of `--runs` runs of each, their
ratio (before / after: how many times faster), the rows of the last answer, and whether the two
texts gave the same answer on this instance (rows compared as multisets; an example with
`LIMIT` may legitimately differ when rows tie on its `ORDER BY` keys at the limit).

Errors: `SystemExit` when the instance does not exist. A query error is shown in the table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The earlier texts of the rewritten examples (the same folder tests/test_sparql_examples.py
#: compares the answers with).
BEFORE_DIR = ROOT / "tests" / "data" / "sparql-examples-before"
#: Columns made by GROUP_CONCAT in the examples (compared as sets of values): name → separator.
CONCATENATED = {"mix": ", ", "titles": " | ", "files": ", "}


@dataclass
class Timing:
    """Runs of one query text: seconds of each run that finished, and the last answer."""

    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    timed_out: bool = False
    error: str = ""
    rows: int = 0
    truncated: bool = False
    answer: Any = None

    def median(self) -> float | None:
        """Median seconds of the finished runs; None after a timeout or an error."""
        if self.timed_out or self.error or not self.seconds:
            return None
        return statistics.median(self.seconds)

    def median_cpu(self) -> float | None:
        """Median CPU seconds of the query process over the finished runs (what the query
        costs whatever the machine's load); None as for `median`."""
        if self.median() is None or not self.cpu:
            return None
        return statistics.median(self.cpu)


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far (Linux /proc); 0.0 when unreadable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def answer_of(kind: str, body: str | bytes) -> Any:
    """A comparable form of a serialised answer: the boolean of an ASK, the multiset of rows of
    a SELECT (each row the frozen set of its bindings, GROUP_CONCAT values as sets), the set of
    N-Triples lines of a graph."""
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    if kind == "boolean":
        return bool(json.loads(text)["boolean"])
    if kind == "graph":
        return frozenset(line for line in text.splitlines() if line.strip())
    rows = json.loads(text)["results"]["bindings"]

    def cell(name: str, term: dict[str, str]) -> tuple[Any, ...]:
        if name in CONCATENATED:  # SPARQL leaves the order of GROUP_CONCAT's values free
            return name, frozenset(term["value"].split(CONCATENATED[name]))
        return name, tuple(sorted(term.items()))

    return Counter(frozenset(cell(k, v) for k, v in row.items()) for row in rows)


def examples_with_before(names: list[str] | None = None) -> list[tuple[str, str, str | None]]:
    """(name, current text, earlier text or None) of each example, in file-name order; only
    those whose name starts with one of `names` when given."""
    from webui.sparql.examples import examples

    out = []
    for ex in examples():
        if names and not any(ex.name.startswith(n) for n in names):
            continue
        before = BEFORE_DIR / f"{ex.name}.rq"
        out.append((ex.name, ex.query, before.read_text("utf-8") if before.exists() else None))
    return out


def measure(
    home: Path,
    runs: int = 3,
    timeout: float = 30.0,
    max_rows: int = 10_000,
    names: list[str] | None = None,
    backend: str | None = None,
) -> list[dict[str, Any]]:
    """Time every example before and after on the instance at `home` (see the module's
    docstring); one dict per example: name, before/after `Timing`, ratio, same answer.
    `backend`: the instance's search backend (`SEARCH_BACKEND`), so that opening it does not
    rebuild its index in another format."""
    from graph.errors import AlliancesError, QueryTimeout
    from webui.instance import Instance
    from webui.sparql.safety import check_query
    from webui.sparql.workers import Task, WorkerPool

    if not (home / "store").exists():
        raise SystemExit(f"no instance at {home}")
    config = {"HOME": str(home)}
    if backend:
        config["SEARCH_BACKEND"] = backend
    inst = Instance.open(config)
    pool = WorkerPool(inst.store.reader(), 1)  # type: ignore[arg-type]
    version = inst.store.version
    todo = examples_with_before(names)
    timings = {(name, which): Timing() for name, _, _ in todo for which in ("before", "after")}

    def once(name: str, which: str, query: str) -> None:
        t = timings[(name, which)]
        if t.timed_out or t.error:
            return
        graph = check_query(query, local_graphs=set(), max_length=100_000).returns_graph
        task = Task(query, None, None, version, "json", "nt" if graph else "json", max_rows)
        worker = pool._idle[-1] if pool._idle else None  # noqa: SLF001 - the next one used: its pid
        pid = worker.process.pid if worker is not None else 0
        c0, t0 = cpu_seconds(pid), time.perf_counter()
        try:
            result, _ = pool.run(task, timeout)
        except QueryTimeout:
            t.timed_out = True
            warm()  # the killed process's replacement opens the store outside any timing
            return
        except AlliancesError as exc:
            t.error = exc.message[:80]
            return
        t.seconds.append(time.perf_counter() - t0)
        if pid:
            t.cpu.append(cpu_seconds(pid) - c0)
        t.rows, t.truncated = result.rows, result.truncated
        t.answer = answer_of(result.kind, result.body)

    def warm() -> None:
        pool.run(Task("ASK {}", None, None, version, "json", "json", 1), timeout)

    try:
        warm()
        for _ in range(runs):
            for name, after, before in todo:
                if before is not None:
                    once(name, "before", before)
                once(name, "after", after)
    finally:
        pool.close()
        inst.close()
    out = []
    for name, _, before in todo:
        b, a = timings[(name, "before")], timings[(name, "after")]
        ratio = None
        ma, mb = a.median(), (timeout if b.timed_out else b.median())
        if before is not None and ma is not None and mb is not None:
            ratio = mb / max(ma, 1e-6)  # after a timeout: at least this much
        same = None
        if before is not None and b.answer is not None and a.answer is not None:
            same = b.answer == a.answer
        out.append(
            {
                "name": name,
                "rewritten": before is not None,
                "before": b,
                "after": a,
                "ratio": ratio,
                "same": same,
            }
        )
    return out


def _duration(m: float | None) -> str:
    if m is None:
        return "—"
    return f"{m * 1000:.0f} ms" if m < 1 else f"{m:.1f} s"


def _cell(t: Timing, timeout: float) -> str:
    if t.timed_out:
        return f"> {timeout:g} s (deadline)"
    if t.error:
        return f"error: {t.error}"
    return _duration(t.median())


def table(results: list[dict[str, Any]], timeout: float) -> str:
    """A Markdown table of `measure`'s results."""
    lines = [
        "| example | before | after | after, CPU | before / after | rows (after) | same answer "
        "| < 1 s |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in results:
        b, a = r["before"], r["after"]
        before = _cell(b, timeout) if r["rewritten"] else "(unchanged)"
        ratio = r["ratio"]
        if ratio is None:
            ratio_s = "—"
        else:
            ratio_s = (">" if b.timed_out else "") + (
                f"{ratio:,.0f}x" if ratio >= 10 else f"{ratio:.2f}x"
            )
        same = {None: "—", True: "yes", False: "**no**"}[r["same"]]
        rows = f"{a.rows:,}" + (" (cap)" if a.truncated else "")
        ok = a.median() is not None and a.median() < 1.0
        lines.append(
            f"| {r['name']} | {before} | {_cell(a, timeout)} | {_duration(a.median_cpu())} | "
            f"{ratio_s} | {rows} | {same} | "
            f"{'✓' if ok else '✗'} |"
        )
    return "\n".join(lines)


def report(
    home: Path,
    runs: int,
    timeout: float,
    max_rows: int,
    names: list[str] | None,
    backend: str | None = None,
) -> int:
    """Measure, print the table with the load average; 0 when every example is under 1 s and
    every rewritten one gave the same answer, else 1."""
    load0 = os.getloadavg()
    t0 = time.monotonic()
    results = measure(home, runs, timeout, max_rows, names, backend)
    load1 = os.getloadavg()
    print(
        f"\nSPARQL examples on {home}: median of {runs} runs, timeout {timeout:g} s, "
        f"{time.monotonic() - t0:.0f} s in all; load average {load0[0]:.1f} → {load1[0]:.1f} "
        f"({os.cpu_count()} cores)\n"
    )
    print(table(results, timeout))
    slow = [r["name"] for r in results if (r["after"].median() or 1e9) >= 1.0]
    differ = [r["name"] for r in results if r["same"] is False]
    if slow:
        print(f"\n1 s or more after: {', '.join(slow)}")
    if differ:
        print(f"answers differ before/after: {', '.join(differ)}")
    return 1 if slow or differ else 0


def main() -> None:
    """Command line: see the module's docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--home", type=Path, required=True, help="an instance folder")
    ap.add_argument("--runs", type=int, default=3, help="runs of each text (median)")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per query")
    ap.add_argument("--max-rows", type=int, default=10_000, help="the endpoint's row cap")
    ap.add_argument("--only", nargs="*", help="examples whose name starts with these (01 05…)")
    ap.add_argument(
        "--search-backend",
        choices=["whoosh", "tantivy"],
        help="the instance's search backend (else the default: an index of the other kind is "
        "rebuilt on opening)",
    )
    args = ap.parse_args()
    sys.exit(
        report(args.home, args.runs, args.timeout, args.max_rows, args.only, args.search_backend)
    )


if __name__ == "__main__":
    main()
