"""Benchmark of the stores: the embedded Oxigraph store against an Oxigraph server and Virtuoso,
through the same `Store` interface, at 1,000,000+ triples.

    python bench/store.py --actors 40000 [--stores embedded,oxigraph-server,virtuoso] [--json out]

For each store, in this process (the servers are started on loopback by `tests/store_servers.py`):
load the vocabularies (254,000 triples, through `Store.write`), write N synthetic actors and N/3
alliances as one source (bench/sparql.py's generator, generated beforehand so that only the store
is timed), rewrite that source (the publish-last path with a graph to retire), then run the
application's typical queries from `graph/queries/` (counts, per-graph statistics, the
recommenders' feature scans, the SDG/territory pages index, the membership network, search
documents, describing and dereferencing resources, four example research queries through `run`)
and dump the whole graph as N-Triples. Times are the best of `--repeat` runs for queries (one run
for writes); ratios are against the embedded store measured in the same process.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

BASE = "https://w3id.org/alliances/id/"
EXAMPLES = [
    "02-alliances-per-sdg-region",
    "03-resource-mix",
    "09-lead-actors",
    "11-most-cited-sdg-targets",
]


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """Best wall time of `repeat` calls (seconds) and the last result."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def open_store(kind: str, workdir: Path, servers: list[Any]) -> Any:
    """A fresh store of `kind`."""
    if kind == "embedded":
        from graph.store import OxigraphStore

        return OxigraphStore(workdir / "embedded", base=BASE)
    from tests.store_servers import start, start_virtuoso

    if kind == "virtuoso":  # 1 GB of page cache: the store holds about 1.1 M triples
        server = start_virtuoso(workdir / kind, buffers=120_000)
    else:
        server = start(kind, workdir / kind)
    servers.append(server)
    return server.store(BASE)


def measure(kind: str, store: Any, triples: list[Any], repeat: int) -> dict[str, float]:
    """Every timing of one store, in seconds."""
    from graph.queries import features, network, pages, publishing
    from graph.queries.describe import describe
    from graph.queries.index import instance_rows
    from graph.queries.resources import existing_ids
    from graph.queries.stats import stats
    from graph.store import Write
    from graph.vocabularies import load_vocabularies
    from ontology.namespaces import ORG
    from webui.sparql.examples import examples

    out: dict[str, float] = {}
    out["load vocabularies"], _ = timed(lambda: load_vocabularies(store))
    out["write source"], _ = timed(lambda: store.write(Write("bench", triples)))
    out["rewrite source"], _ = timed(lambda: store.write(Write("bench", triples)))
    out["triples"] = store.count_triples()

    def fresh(fn: Callable[[], Any]) -> Callable[[], Any]:
        def call() -> Any:
            publishing._cache.clear()  # noqa: SLF001 - measure the query, not the cache
            return fn()

        return call

    actors = sorted(features.instances(store, ORG.FormalOrganization))
    sample = actors[:: max(1, len(actors) // 50)][:50]
    queries: dict[str, Callable[[], Any]] = {
        "stats (home page)": lambda: stats(store),
        "graph statistics": fresh(lambda: publishing.graph_stats(store)),
        "class counts": fresh(lambda: publishing.class_counts(store)),
        "actor profiles (recommenders)": lambda: features.actor_profiles(store),
        "alliance profiles": lambda: features.alliance_profiles(store),
        "SDG/territory pages index": lambda: pages.build_index(store),
        "membership network": lambda: network.membership_network(store),
        "search documents, 500 actors": lambda: instance_rows(
            store, ORG.FormalOrganization, actors[:500]
        ),
        "existing ids, 1,000": lambda: existing_ids(store, set(actors[:1000])),
        "describe 50 actors": lambda: [describe(store, a) for a in sample],
        "resource documents, 50": lambda: [publishing.resource_document(store, a) for a in sample],
    }
    by_name = {e.name: e for e in examples()}
    for name in EXAMPLES:
        if name in by_name:
            q = by_name[name].query
            queries[f"example {name[:2]} via run"] = lambda q=q: store.run(
                q, max_rows=10_000, timeout=600
            )  # type: ignore[misc]
    for label, fn in queries.items():
        out[label], _ = timed(fn, repeat)
        print(f"  {kind:16} {label:34} {out[label]:8.3f} s", flush=True)
    out["dump N-Triples"], _ = timed(lambda: store.dump(io.BytesIO(), "nt"))
    return out


def main() -> None:
    """Run the benchmark and print a table of times and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=40_000)
    parser.add_argument("--stores", default="embedded,oxigraph-server,virtuoso")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    from sparql import synthetic  # bench/sparql.py

    t0 = time.perf_counter()
    triples = list(synthetic(BASE, args.actors))
    print(
        f"{len(triples):,} synthetic triples generated in {time.perf_counter() - t0:.1f} s "
        f"(load average {os.getloadavg()[0]:.1f})",
        flush=True,
    )
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        for kind in args.stores.split(","):
            servers: list[Any] = []
            try:
                store = open_store(kind, Path(tmp), servers)
                results[kind] = measure(kind, store, triples, args.repeat)
                store.close()
            finally:
                for s in servers:
                    s.stop()
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


def report(results: dict[str, dict[str, float]]) -> None:
    """Markdown table: seconds per store, and the ratio to the embedded store."""
    kinds = list(results)
    base = results.get("embedded")
    print("\n| measure | " + " | ".join(kinds) + " |")
    print("|---|" + "---:|" * len(kinds))
    for label in next(iter(results.values())):
        cells = []
        for k in kinds:
            v = results[k].get(label)
            if v is None:
                cells.append("–")
            elif label == "triples":
                cells.append(f"{int(v):,}")
            elif base is None or k == "embedded" or not base.get(label):
                cells.append(f"{v:.3f} s")
            else:
                cells.append(f"{v:.3f} s (×{v / base[label]:.1f})")
        print(f"| {label} | " + " | ".join(cells) + " |")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
