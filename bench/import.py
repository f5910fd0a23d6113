"""Benchmark: import and export of a synthetic file set (N actors, N/3 alliances), as CSV and xlsx.

Usage: python bench/import.py [--sizes 10000 100000] [--xlsx] [--compare REF] [--repeat 1]

Each measurement runs in a child process so that peak memory (max RSS) is its own.

- **CSV import** (the full path: reading, checks, provenance, publication) and export. Baseline,
  in the same child: pyoxigraph's raw `bulk_load` of the N-Triples our import produced (the
  engine's floor, without any parsing of CSV, checking or provenance).
- **Reading overhead** of the tabular reader (`graph/tabular.py`: encoding and delimiter
  detection, cleaning, NFC, control characters), in the same child: the time to read every row of
  the set with `read_table(...).records()` against a plain `data.decode("utf-8")` + `csv.reader`,
  as a ratio, and the difference as a share of the whole import time.
- `--compare REF`: the same CSV import with the code of git revision REF (`git archive` into a
  temporary folder, put first on the child's `sys.path`), alternating REF and this tree
  `--repeat` times on the same files; the best time of each is kept (the machine is shared).
  Wall time, CPU time (all threads, less sensitive to other jobs, though RocksDB's background
  compactions make the write phase vary), and the CPU time of the reading and checking phase
  alone (`graph.importer.read`, run again after the import in the same child), which is the only
  part that reading and cleaning changes.
- `--xlsx`: the same set as one workbook (sheets `actors` and `alliances`, written beforehand in
  the parent with openpyxl, numbers typed as numbers), imported by a child: time and peak memory.

Figures go to stdout as JSON lines and a table; copy them into bench/README.md with the machine's
load average, which is printed.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORDS = (
    "jardin partagé insertion gaspillage alimentaire mobilité solidaire tiers-lieu réemploi "
    "numérique précarité énergétique circuits courts habitat inclusif culture sport santé "
    "éducation populaire biodiversité eau recyclerie coopération"
).split()
BASE = "https://w3id.org/alliances/id/"


def generate(folder: Path, n: int, seed: int = 7) -> None:
    """Write actors.csv (n rows) and alliances.csv (n/3 rows) into `folder`."""
    from graph.reference import territories
    from ontology.namespaces import scheme_codes

    rnd = random.Random(seed)
    communes = [code for (level, code) in territories() if level == "commune"][:3000]
    types, comps = scheme_codes("actor-type"), scheme_codes("competence")
    res = scheme_codes("resource-type")
    with open(folder / "actors.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "id",
                "name",
                "type",
                "description",
                "territory",
                "sdgs",
                "offers",
                "needs",
                "resources",
                "maturity",
            ]
        )
        for i in range(n):
            a, b = rnd.sample(res, 2)
            w.writerow(
                [
                    f"a{i}",
                    f"Acteur {i}",
                    rnd.choice(types),
                    " ".join(rnd.choices(WORDS, k=12)),
                    f"commune:{rnd.choice(communes)}",
                    f"{rnd.randint(1, 17)};12.3",
                    ";".join(rnd.sample(comps, 2)),
                    ";".join(rnd.sample(comps, 2)),
                    f"{a}:60;{b}:40",
                    rnd.choice(["actif", "pionnier", "premier-pas", "sceptique"]),
                ]
            )
    with open(folder / "alliances.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "title", "members", "lead", "description", "sdgs", "status", "start"])
        for j in range(n // 3):
            members = [f"a{k}" for k in rnd.sample(range(n), rnd.randint(2, 5))]
            w.writerow(
                [
                    f"l{j}",
                    f"Alliance {j}",
                    ";".join(members),
                    members[0],
                    " ".join(rnd.choices(WORDS, k=20)),
                    "2.1;17.17",
                    "active",
                    "2024",
                ]
            )


def write_xlsx(folder: Path, out: Path) -> None:
    """The CSV set of `folder` as one workbook, a sheet per file, numbers typed as numbers."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for name in ("actors", "alliances"):
        ws = wb.create_sheet(name)
        with open(folder / f"{name}.csv", newline="", encoding="utf-8") as f:
            for i, row in enumerate(csv.reader(f)):
                ws.append([int(c) if i and c.isdigit() else c for c in row])
    wb.save(out)


def _cpu_s() -> float:
    """CPU time of this process, all threads, user + system (less sensitive to load than wall)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reading(folder: Path) -> dict[str, float]:
    """Time to read every row: plain csv.reader vs the tabular reader (best of 3 each)."""
    from graph.tabular import read_table

    files = [folder / "actors.csv", folder / "alliances.csv"]
    data = {f: f.read_bytes() for f in files}

    def plain() -> int:
        return sum(
            sum(1 for _ in csv.reader(io.StringIO(data[f].decode("utf-8"), newline="")))
            for f in files
        )

    def tabular() -> int:
        return sum(sum(1 for _ in read_table(f.name, data[f]).records()) for f in files)

    def best(fn) -> float:  # type: ignore[no-untyped-def]
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    t_plain, t_tab = best(plain), best(tabular)
    return {
        "read_csv_reader_s": round(t_plain, 2),
        "read_tabular_s": round(t_tab, 2),
        "ratio_tabular_vs_csv_reader": round(t_tab / t_plain, 2),
    }


def read_check(folder: Path) -> dict[str, float]:
    """The reading and checking phase alone (`graph.importer.read`, no store): the part of an
    import that reading files and cleaning values changes; best of 2, wall and CPU."""
    from graph.importer import collect_files, read

    files = collect_files([folder])
    read(files, BASE, None)  # warm the vocabularies' caches
    walls, cpus = [], []
    for _ in range(2):
        cpu0, t0 = _cpu_s(), time.perf_counter()
        read(files, BASE, None)
        walls.append(time.perf_counter() - t0)
        cpus.append(_cpu_s() - cpu0)
    return {"read_check_s": round(min(walls), 1), "read_check_cpu_s": round(min(cpus), 1)}


def run_csv(folder: Path, work: Path, with_export: bool) -> dict[str, float]:
    """Import the CSV set in `folder` into a new store under `work` (this process)."""
    from graph.importer import import_paths
    from graph.store import OxigraphStore

    store = OxigraphStore(work / "store", base=BASE)
    cpu0 = _cpu_s()
    t0 = time.perf_counter()
    report = import_paths([folder], store, BASE, source="bench")
    t_import = time.perf_counter() - t0
    out: dict[str, float] = {
        "triples": report.triples,
        "import_s": round(t_import, 1),
        "import_cpu_s": round(_cpu_s() - cpu0, 1),
        "peak_rss_mb": round(_rss_mb()),
    }
    if with_export:
        import pyoxigraph as ox

        t0 = time.perf_counter()
        with open(work / "dump.nt", "wb") as f:
            store.dump(f, "nt")
        out["export_nt_s"] = round(time.perf_counter() - t0, 1)
        t0 = time.perf_counter()
        with open(work / "dump.ttl", "wb") as f:
            store.dump(f, "ttl")
        out["export_ttl_s"] = round(time.perf_counter() - t0, 1)
        store.close()
        raw = ox.Store(str(work / "raw"))
        t0 = time.perf_counter()
        raw.bulk_load(path=str(work / "dump.nt"), format=ox.RdfFormat.N_TRIPLES)
        t_base = time.perf_counter() - t0
        out["baseline_bulk_load_s"] = round(t_base, 1)
        out["ratio_import_vs_baseline"] = round(t_import / t_base, 1)
    else:
        store.close()
    return out


def run_xlsx(path: Path, work: Path) -> dict[str, float]:
    """Import one workbook into a new store under `work` (this process)."""
    from graph.importer import import_paths
    from graph.store import OxigraphStore

    store = OxigraphStore(work / "store", base=BASE)
    t0 = time.perf_counter()
    report = import_paths([path], store, BASE, source="bench-xlsx")
    t_import = time.perf_counter() - t0
    store.close()
    return {
        "xlsx_mb": round(path.stat().st_size / 1e6, 1),
        "triples": report.triples,
        "import_s": round(t_import, 1),
        "peak_rss_mb": round(_rss_mb()),
    }


def _child(args: list[str], tree: Path | None = None) -> dict[str, float]:
    env = dict(os.environ)
    if tree is not None:
        env["BENCH_TREE"] = str(tree)
    out = subprocess.run(
        [sys.executable, __file__, *args],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f}/{five:.1f}"


def _table(rows: list[dict[str, object]]) -> str:
    keys = list(dict.fromkeys(k for r in rows for k in r))
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(r.get(k, "")) for k in keys) + " |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    """Generate each size, run the children, print JSON lines and a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--xlsx", action="store_true", help="also import the set as one .xlsx")
    parser.add_argument("--compare", metavar="REF", help="also import with git revision REF")
    parser.add_argument("--repeat", type=int, default=1, help="alternations with --compare")
    parser.add_argument("--no-csv", action="store_true", help="skip the CSV import and export")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        tree = os.environ.get("BENCH_TREE")
        sys.path.insert(0, tree or str(ROOT))
        what, src, work = args.child[0], Path(args.child[1]), Path(args.child[2])
        import graph

        code = str(Path(graph.__file__).parent.parent)
        if what == "csv":
            result = run_csv(src, work, with_export=True)
            result.update(reading(src))
        elif what == "csv-only":
            result = run_csv(src, work, with_export=False)
            result.update(read_check(src))
        else:
            result = run_xlsx(src, work)
        result["code"] = "this tree" if code == str(ROOT) else code  # type: ignore[assignment]
        print(json.dumps(result))
        return
    sys.path.insert(0, str(ROOT))
    rows: list[dict[str, object]] = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "set"
            folder.mkdir()
            generate(folder, n)

            def fresh(name: str) -> Path:
                work = Path(tmp) / name
                shutil.rmtree(work, ignore_errors=True)
                work.mkdir()
                return work

            if not args.no_csv:
                rows.append(_csv_row(n, folder, fresh))
                print(json.dumps(rows[-1]), flush=True)
            if args.compare:
                rows.append(_compare(args.compare, args.repeat, n, folder, fresh))
                print(json.dumps(rows[-1]), flush=True)
            if args.xlsx:
                book = Path(tmp) / "set.xlsx"
                write_xlsx(folder, book)
                xrow: dict[str, object] = {"actors": n, "format": "xlsx", "load_before": _load()}
                xrow.update(_child(["--child", "xlsx", str(book), str(fresh("xlsx"))]))
                xrow["load_after"] = _load()
                rows.append(xrow)
                print(json.dumps(xrow), flush=True)
    for kind in ("import_s", "compare", "format"):
        group = [r for r in rows if kind in r and (kind != "import_s" or "format" not in r)]
        if group:
            print(_table(group) + "\n")


def _csv_row(n: int, folder: Path, fresh) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The CSV import, export and reading figures of one size."""
    row: dict[str, object] = {"actors": n, "alliances": n // 3, "load_before": _load()}
    row.update(_child(["--child", "csv", str(folder), str(fresh("csv"))]))
    extra = float(row["read_tabular_s"]) - float(row["read_csv_reader_s"])  # type: ignore[arg-type]
    share = 100 * extra / float(row["import_s"])  # type: ignore[arg-type]
    row["reading_overhead_pct_of_import"] = round(share, 1)
    row["load_after"] = _load()
    return row


def _compare(ref: str, repeat: int, n: int, folder: Path, fresh) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Best CSV import time of `ref`'s code and of this tree, alternating, on the same files."""
    tree = Path(tempfile.mkdtemp(prefix="bench-ref-"))
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        ref_times, new_times = [], []
        load = _load()
        for _ in range(repeat):
            ref_times.append(_child(["--child", "csv-only", str(folder), str(fresh("r"))], tree))
            new_times.append(_child(["--child", "csv-only", str(folder), str(fresh("n"))]))
        assert all(r["code"] != "this tree" for r in ref_times), "REF's code was not used"
        t_ref = min(float(r["import_s"]) for r in ref_times)
        t_new = min(float(r["import_s"]) for r in new_times)
        c_ref = min(float(r["import_cpu_s"]) for r in ref_times)
        c_new = min(float(r["import_cpu_s"]) for r in new_times)
        r_ref = min(float(r["read_check_cpu_s"]) for r in ref_times)
        r_new = min(float(r["read_check_cpu_s"]) for r in new_times)
        return {
            "actors": n,
            "compare": ref,
            "load_before": load,
            f"import_{ref}_s": t_ref,
            "import_this_tree_s": t_new,
            "ratio_wall": round(t_new / t_ref, 3),
            f"cpu_{ref}_s": c_ref,
            "cpu_this_tree_s": c_new,
            "ratio_cpu": round(c_new / c_ref, 3),
            f"read_check_cpu_{ref}_s": r_ref,
            "read_check_cpu_this_tree_s": r_new,
            "ratio_read_check_cpu": round(r_new / r_ref, 3),
            "load_after": _load(),
        }
    finally:
        shutil.rmtree(tree, ignore_errors=True)


if __name__ == "__main__":
    main()
