"""Benchmark: import and export of a synthetic CSV file set (N actors, N/3 alliances).

Usage: python bench/import.py [--sizes 10000 100000]

Each size runs in a child process so that peak memory (max RSS) is its own. The baseline, in the
same child, is pyoxigraph's raw `bulk_load` of the N-Triples our import produced: the engine's
floor, without any parsing of CSV, checking or provenance. Figures go to stdout; copy them into
bench/README.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = (
    "jardin partagé insertion gaspillage alimentaire mobilité solidaire tiers-lieu réemploi "
    "numérique précarité énergétique circuits courts habitat inclusif culture sport santé "
    "éducation populaire biodiversité eau recyclerie coopération"
).split()


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


def run_one(n: int) -> dict[str, float]:
    """Generate, import, export and baseline for one size (in this process)."""
    import pyoxigraph as ox

    from graph.importer import import_paths
    from graph.store import OxigraphStore

    base = "https://w3id.org/alliances/id/"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "set"
        folder.mkdir()
        generate(folder, n)
        store = OxigraphStore(Path(tmp) / "store", base=base)
        t0 = time.perf_counter()
        report = import_paths([folder], store, base, source="bench")
        t_import = time.perf_counter() - t0
        rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0 = time.perf_counter()
        with open(Path(tmp) / "dump.nt", "wb") as out:
            store.dump(out, "nt")
        t_export = time.perf_counter() - t0
        t0 = time.perf_counter()
        with open(Path(tmp) / "dump.ttl", "wb") as out:
            store.dump(out, "ttl")
        t_export_ttl = time.perf_counter() - t0
        store.close()
        raw = ox.Store(str(Path(tmp) / "raw"))
        t0 = time.perf_counter()
        raw.bulk_load(path=str(Path(tmp) / "dump.nt"), format=ox.RdfFormat.N_TRIPLES)
        t_base = time.perf_counter() - t0
        return {
            "actors": n,
            "alliances": n // 3,
            "triples": report.triples,
            "import_s": round(t_import, 2),
            "export_nt_s": round(t_export, 2),
            "export_ttl_s": round(t_export_ttl, 2),
            "baseline_bulk_load_s": round(t_base, 2),
            "ratio_import_vs_baseline": round(t_import / t_base, 1),
            "peak_rss_mb": round(rss_import),
        }


def main() -> None:
    """Run each size in a child process and print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child)))
        return
    rows = []
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(n)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    buf = io.StringIO()
    keys = list(rows[0])
    buf.write("| " + " | ".join(keys) + " |\n|" + "---|" * len(keys) + "\n")
    for r in rows:
        buf.write("| " + " | ".join(str(r[k]) for k in keys) + " |\n")
    print(buf.getvalue())


if __name__ == "__main__":
    main()
