"""The real open datasets (issue 10): mapping, `init`, and latency on the real instance.

    python bench/realdata.py                 # everything (about 5 minutes on 2 busy cores)
    python bench/realdata.py --skip-init     # mapping and latency only (builds the instance once)
    python bench/realdata.py --init-only --compare main --repeat-init 2
                                             # `init` of git revision REF against this tree

1. **Mapping** each shipped dataset (`graph.mapping.map_files`: reading, CSVW, SPARQL rules),
   in this process: wall and CPU seconds, peak Python memory (tracemalloc), triples. The mapping of
   the demo CSV files by the contract importer (`graph.importer.read`) is the baseline (ratio:
   seconds per 1,000 triples, real / demo).
2. **`init`** in a fresh instance folder, as `alliances serve` does on first start, in a child
   process (`/usr/bin/time`-like figures from `resource.getrusage`): with the real data (the
   default) and without (`ALLIANCES_REAL_DATA=false`, the baseline): wall, CPU and peak RSS.
   With `--compare REF`, the default `init` with the code of git revision REF (`git archive`,
   first on the child's `sys.path`) against this tree's, alternating, best of `--repeat-init`:
   the before/after ratio of a change, measured in one run under the same load.
3. **Latency** on the real instance and on the small one (baseline), through the Flask app in
   this process (no HTTP server): search (`/api/search`), partners of an actor
   (`/api/actors/<id>/partners`), and the pages of an actor, an alliance, a territory and a search.
   Each request is warmed once, then timed `--repeat` times: median and p95 in ms.

Figures go to stdout as Markdown tables; bench/README.md keeps the last ones (note the machine's
load: other jobs share the 2 cores).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from data import DEMO_DIR  # noqa: E402
from graph.bundled import REAL_MAPPINGS  # noqa: E402

BASE = "https://w3id.org/alliances/id/"


def bench_mapping() -> None:
    """Mapping time, CPU and memory per dataset (as `init` maps it, and with the SHACL check of
    `validate --mapping`), against the demo CSV files read and checked by the contract importer."""
    from graph.importer import collect_files, read
    from graph.mapping import load_mapping, map_files
    from graph.mapping.engine import rule_vocabulary
    from graph.mapping.importing import validate_mapped
    from graph.reference import territories

    territories()  # shared tables, loaded once, not counted
    rule_vocabulary()

    def measure(run):  # type: ignore[no-untyped-def]
        """(wall s, CPU s, triples) of a timed run, then peak MB of a second run under
        tracemalloc (which slows Python down, so it is not timed)."""
        t0, c0 = time.perf_counter(), time.process_time()
        n = run()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        tracemalloc.start()
        run()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return wall, cpu, peak, n

    rows = [
        (
            "demo CSV: read + SHACL (contract importer, baseline)",
            *measure(lambda: len(read(collect_files([DEMO_DIR]), BASE, None)[0].triples)),
        )
    ]
    for path in REAL_MAPPINGS:
        mapping = load_mapping(path)
        rows.append(
            (
                f"{mapping.source}: map (as init)",
                *measure(lambda m=mapping: len(map_files(m, None, BASE)[0].triples)),
            )
        )
        rows.append(
            (
                f"{mapping.source}: map + SHACL (validate --mapping)",
                *measure(lambda m=mapping: validate_mapped(m, None, None, BASE).triples),
            )
        )
    per_k = rows[0][2] / max(rows[0][4], 1) * 1000
    print(f"\n### Mapping (in process; load average {os.getloadavg()[0]:.1f})\n")
    print("| dataset | wall s | CPU s | peak MB | triples | CPU s / 1,000 triples | ratio |")
    print("|---|---|---|---|---|---|---|")
    for name, wall, cpu, peak, n in rows:
        k = cpu / max(n, 1) * 1000
        print(
            f"| {name} | {wall:.2f} | {cpu:.2f} | {peak / 2**20:.0f} | {n:,} | {k:.3f} | "
            f"{k / per_k:.2f} |"
        )


def _child_init(home: Path, real: bool, code: Path = ROOT) -> tuple[float, float, float]:
    """`alliances init` in a child process running the code in `code`: (wall s, CPU s, peak
    RSS MB of the largest child so far)."""
    env = {**os.environ, "ALLIANCES_HOME": str(home), "ALLIANCES_REAL_DATA": str(real).lower()}
    shutil.rmtree(home, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    # `-c` with the code folder first on sys.path: the editable install's finder comes after it
    script = (
        f"import sys; sys.path.insert(0, {str(code)!r}); import webui.cli; "
        f"assert webui.cli.__file__.startswith({str(code)!r}), webui.cli.__file__; "
        "sys.argv = ['alliances', 'init']; webui.cli.main()"
    )
    subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        check=True,
        capture_output=True,
        cwd=code,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def bench_init(work: Path) -> None:
    """Fresh `init` with and without the real data (baseline: without)."""
    small = _child_init(work / "init-small", real=False)
    full = _child_init(work / "init-real", real=True)
    load = os.getloadavg()[0]
    print(
        f"\n### `init` in a fresh folder (child process; load average {load:.1f} on "
        f"{os.cpu_count()} cores)\n"
    )
    print("| instance | wall s | CPU s | peak RSS MB | wall ratio |")
    print("|---|---|---|---|---|")
    print(
        f"| vocabularies + demo + CIS (baseline) | {small[0]:.1f} | {small[1]:.1f} | "
        f"{small[2]:.0f} | 1.00 |"
    )
    print(
        f"| + real data (default) | {full[0]:.1f} | {full[1]:.1f} | {full[2]:.0f} | "
        f"{full[0] / small[0]:.2f} |"
    )


def bench_compare(work: Path, ref: str, repeat: int) -> None:
    """The default `init` with the code of git revision `ref` against this tree's, alternating
    (best of `repeat` each): wall and CPU, and the ratios this tree / ref."""
    tree = work / "ref-code"
    tree.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    load0 = os.getloadavg()[0]
    runs: dict[str, list[tuple[float, float, float]]] = {"ref": [], "tree": []}
    for _ in range(repeat):
        runs["ref"].append(_child_init(work / "cmp-ref", True, tree))
        runs["tree"].append(_child_init(work / "cmp-tree", True))
    load1 = os.getloadavg()[0]
    best = {k: (min(r[0] for r in v), min(r[1] for r in v)) for k, v in runs.items()}
    print(
        f"\n### Default `init` (real data), {ref} against this tree (best of {repeat}, "
        f"alternating; load average {load0:.1f} → {load1:.1f} on {os.cpu_count()} cores)\n"
    )
    print("| code | wall s | CPU s | wall ratio | CPU ratio |")
    print("|---|---|---|---|---|")
    for key, name in (("ref", ref), ("tree", "this tree")):
        wall, cpu = best[key]
        print(
            f"| {name} | {wall:.1f} | {cpu:.1f} | {wall / best['ref'][0]:.2f} | "
            f"{cpu / best['ref'][1]:.2f} |"
        )
    print(
        "\nevery run (wall s, CPU s):",
        {k: [(round(w, 1), round(c, 1)) for w, c, _ in v] for k, v in runs.items()},
    )


def _instance(home: Path, real: bool):  # type: ignore[no-untyped-def]
    from webui.instance import Instance

    inst = Instance.open({"HOME": str(home), "REAL_DATA": real})
    if not inst.exists:
        inst.init()
    return inst


def _timed(client, url: str, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    resp = client.get(url)
    assert resp.status_code == 200, (url, resp.status_code)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        resp = client.get(url)
        resp.get_data()
        times.append((time.perf_counter() - t0) * 1000)
        resp.close()
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


URLS = {
    "search API": "/api/search?q=france%20services%20cognac",
    "search page": "/recherche?q=m%C3%A9diath%C3%A8que",
    "partners API": "/api/actors/{actor}/partners?limit=10",
    "actor page": "/actor/{actor}",
    "alliance page": "/alliance/{alliance}",
    "territory page": "/territoire/departement/16",
}


def bench_latency(work: Path, repeat: int) -> None:
    """Median and p95 latency per request kind, real instance against the small one."""
    from webui.app import create_app

    results = {}
    for label, real, actor, alliance in (
        (
            "small (baseline)",
            False,
            "banque-alimentaire-metropole-lilloise",
            "zero-invendu-metropole-lilloise",
        ),
        ("real", True, "fs-1", "pvd-16005"),
    ):
        inst = _instance(work / f"latency-{'real' if real else 'small'}", real)
        app = create_app(instance=inst)
        client = app.test_client()
        results[label] = {
            name: _timed(client, url.format(actor=actor, alliance=alliance), repeat)
            for name, url in URLS.items()
        }
        inst.close()
    print(
        f"\n### Latency through the app ({repeat} requests each after one warm-up; load "
        f"average {os.getloadavg()[0]:.1f})\n"
    )
    print("| request | small p50 ms | real p50 ms | real p95 ms | p50 ratio |")
    print("|---|---|---|---|---|")
    small, real = results["small (baseline)"], results["real"]
    for name in URLS:
        print(
            f"| {name} | {small[name][0]:.1f} | {real[name][0]:.1f} | {real[name][1]:.1f} | "
            f"{real[name][0] / small[name][0]:.2f} |"
        )


def main() -> None:
    """Run the benchmarks chosen on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-init", action="store_true", help="Do not time fresh inits.")
    parser.add_argument("--init-only", action="store_true", help="Only the fresh inits.")
    parser.add_argument("--compare", metavar="REF", help="Also time `init` with revision REF.")
    parser.add_argument("--repeat-init", type=int, default=1, help="Alternations of --compare.")
    parser.add_argument("--repeat", type=int, default=20, help="Timed requests per URL.")
    parser.add_argument("--keep", type=Path, help="Work folder to keep (default: temporary).")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="alliances-realdata-"))
    try:
        if not args.init_only:
            bench_mapping()
        if not args.skip_init:
            bench_init(work)
        if args.compare:
            bench_compare(work, args.compare, args.repeat_init)
        if not args.init_only:
            bench_latency(work, args.repeat)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
