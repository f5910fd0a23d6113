"""Server-side latency of each page type of the web UI, against the production server.

    python bench/web.py                       # the bundled demo data
    python bench/web.py --actors 100000       # a synthetic instance (see bench/sparql.py)
    python bench/web.py --workers 2           # throughput of 2 web workers against 1
    python bench/web.py --actors 100000 --map-only --backend tantivy   # the map in chromium only
    python bench/web.py --cluster 100000      # projection + clustering of 100,000 points only

Builds an instance (the bundled demo, or vocabularies + synthetic actors and alliances from
`bench/sparql.py`), starts `alliances serve` (gunicorn, one worker) on it, requests every page
to warm the per-version caches (search index, recommender tables, SDG/territory index; the
first-hit time is printed), then for each page type runs `--clients` concurrent keep-alive HTTP
clients for `--seconds` and prints requests, p50 and p95 (ms) in a Markdown table. With
`--workers N` (N > 1) it also starts `alliances serve --workers N` on the same instance, measures
each page type on both servers in turn and again in the reverse order (so that a change of the
machine's load weighs on both alike), and prints each page type's throughput (requests/s) with
both and the ratio N workers / 1 worker, and the memory of each worker after warm-up.
Everything runs on 127.0.0.1; the loops are bounded in time.

Then the map of actors in Debian's chromium (Playwright, /usr/bin/chromium): the home page loaded
`--map-runs` times in fresh contexts at 1280 px; for each, the time from navigation start to the
page's load event (the baseline) and to the map drawn with every actor (`data-state="ready"`,
`data-ms` set by static/pointmap.js), and the time of one zoom (selecting the biggest cluster).
On a synthetic instance, `--placed` of the actors (default 70 %) get their own `geo:lat` /
`geo:long` near a random commune's centre (2 % of them overseas), the others keep only their
département, as real data mixes both.
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _sparql_bench():  # type: ignore[no-untyped-def]
    """bench/sparql.py as a module (for `synthetic`, `build`, `free_port`, `wait`)."""
    spec = importlib.util.spec_from_file_location("bench_sparql", ROOT / "bench" / "sparql.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def demo_pages() -> dict[str, list[str]]:
    """URLs per page type on the bundled demo (several per type where it matters)."""
    return {
        "home": ["/"],
        "search": [
            "/recherche?q=eau",
            "/recherche?q=num%C3%A9rique&kind=actor",
            "/recherche?q=alimentation&facet=sdg%3D2",
        ],
        "actor": [
            "/actor/association-des-maires-ruraux-de-france",
            "/actor/departement-somme",
            "/actor/marche-frais-france",
        ],
        "alliance": ["/alliance/somme-connectee"],
        "tool": ["/tool/guide-dix-idees-recues"],
        "partner finder": ["/partenaires?needs=financement&territory=departement%3A80"],
        "examples": ["/exemples?idea=Une+recyclerie+avec+des+entreprises+locales"],
        "tools panorama": ["/outils"],
        "self-assessment": ["/ou-en-etes-vous"],
        "SDG goal": ["/sdg/6", "/sdg/12"],
        "SDG target": ["/sdg/6.1", "/sdg/4.4"],
        "SDG index": ["/odd"],
        "territories map": ["/territoires"],
        "territory": [
            "/territoire/region/32",
            "/territoire/departement/80",
            "/territoire/commune/80021",
        ],
        "about": ["/a-propos"],
        "map data (JSON)": [
            "/api/map/actors?scope=all",
            "/api/map/actors?scope=territory&territory=departement%3A80",
            "/api/map/actors?scope=search&q=eau",
        ],
    }


def synthetic_pages(actors: int) -> dict[str, list[str]]:
    """URLs per page type on the synthetic instance (actors a0…, alliances l0…)."""
    pages = demo_pages()
    pages["search"] = [
        "/recherche?q=acteur",
        "/recherche?q=alliance&kind=alliance",
        "/recherche?q=acteur+12",
    ]
    pages["actor"] = [f"/actor/a{i}" for i in (0, 17, actors // 2)]
    pages["alliance"] = [f"/alliance/l{i}" for i in (0, 17, actors // 6)]
    pages["partner finder"] = ["/partenaires?needs=financement&territory=departement%3A80"]
    pages["SDG goal"] = ["/sdg/6", "/sdg/12"]
    pages.pop("tool")  # the synthetic instance has no tools
    pages["map data (JSON)"] = [
        "/api/map/actors?scope=all",
        "/api/map/actors?scope=territory&territory=departement%3A80",
        "/api/map/actors?scope=search&q=acteur+12",
    ]
    return pages


def placed_triples(base: str, actors: int, share: float, seed: int = 2):  # type: ignore[no-untyped-def]
    """geo:lat / geo:long (xsd:decimal) for `share` of the synthetic actors, each near the
    centre of a random commune (Gaussian, σ = 0.02°), 2 % of them in an overseas département."""
    import random

    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    from graph.reference import centre, territories
    from ontology.namespaces import WGS84

    rnd = random.Random(seed)
    communes = [t.code for t in territories().values() if t.level == "commune"]
    overseas = [c for c in communes if c.startswith("97")]
    for i in rnd.sample(range(actors), int(actors * share)):
        code = rnd.choice(overseas if rnd.random() < 0.02 else communes)
        c = centre("commune", code)
        if c is None:
            continue
        a = URIRef(f"{base}actor/a{i}")
        yield a, WGS84.lat, Literal(f"{c.lat + rnd.gauss(0, 0.02):.5f}", datatype=XSD.decimal)
        yield a, WGS84.long, Literal(f"{c.long + rnd.gauss(0, 0.02):.5f}", datatype=XSD.decimal)


def build(home: Path, actors: int, share: float, backend: str) -> None:
    """An instance with the vocabularies, the synthetic actors and alliances of bench/sparql.py
    and `placed_triples`, in one write (as `bench/sparql.py`'s `build`, without its dump)."""
    import itertools

    from graph.store import Write
    from webui.instance import Instance

    inst = Instance.open({"HOME": str(home), "SEARCH_BACKEND": backend})
    inst.init(demo=False)
    triples = itertools.chain(
        _sparql_bench().synthetic(inst.base, actors), placed_triples(inst.base, actors, share)
    )
    inst.store.write(Write(source="bench", triples=triples))
    inst.close()


def cluster_cost(n: int, repeat: int = 5) -> None:
    """In process, without a server or a browser: `n` points near random commune centres,
    projected then clustered for the whole map (`webui.pointmap.clusters`), as the JSON endpoint
    does; prints the best time of each step and the size of the JSON answer."""
    import json
    import random

    import numpy as np

    from graph.queries.geo import ActorPoints
    from graph.reference import centre, territories
    from webui.pointmap import clusters, projected, size

    rnd = random.Random(3)
    codes = [t.code for t in territories().values() if t.level == "commune"]
    pts = ActorPoints()
    lat, long = [], []
    for i in range(n):
        c = centre("commune", rnd.choice(codes))
        if c is None:
            continue
        lat.append(c.lat + rnd.gauss(0, 0.02))
        long.append(c.long + rnd.gauss(0, 0.02))
        pts.ids.append(f"a{i}")
        pts.names.append(f"Acteur {i}")
        pts.departement.append("")
    pts.lat, pts.long = np.asarray(lat), np.asarray(long)
    pts.precision = np.zeros(len(lat), dtype=np.int8)
    rows = np.arange(len(lat))
    t0 = time.perf_counter()
    projected(pts)
    project_ms = (time.perf_counter() - t0) * 1000
    best, body = float("inf"), {}
    for _ in range(repeat):
        t0 = time.perf_counter()
        body = clusters(pts, rows, [0.0, 0.0, *size()])
        best = min(best, (time.perf_counter() - t0) * 1000)
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    print(
        f"{len(lat):,} points: projection {project_ms:.0f} ms (once per graph version); "
        f"clustering the whole map best of {repeat} {best:.0f} ms; {len(body['clusters'])} "
        f"clusters + {len(body['points'])} points; JSON {len(text) / 1024:.0f} KB"
    )


def measure_map(port: int, runs: int) -> dict[str, float]:
    """The home page's map in chromium, `runs` times: medians and maxima (ms) of the load event,
    of the map drawn with every actor, and of one zoom; marks drawn."""
    import statistics

    from playwright.sync_api import sync_playwright

    loads, readies, zooms, marks = [], [], [], 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-gpu"],
        )
        for _ in range(runs):
            context = browser.new_context(
                viewport={"width": 1280, "height": 900}, locale="fr-FR", bypass_csp=True
            )  # the CSP (no eval) would refuse wait_for_function's predicate, not the page
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{port}/")
            page.locator("section.pointmap[data-state=ready]").wait_for(timeout=120_000)
            readies.append(float(page.locator("section.pointmap").get_attribute("data-ms") or 0))
            loads.append(
                page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
            )
            marks = page.locator("section.pointmap g.marks > a").count()
            t0 = page.evaluate("performance.now()")
            # dispatched on the group itself: with every real actor, neighbouring groups' circles
            # may overlap it, and a pointer click would land on the one drawn above
            page.locator("section.pointmap g.marks > a.cluster").first.dispatch_event("click")
            page.wait_for_function(
                "document.querySelector('section.pointmap').dataset.state === 'ready'"
                " && document.querySelector('svg.pointmap-svg').getAttribute('viewBox')"
                " .split(' ')[2] !== '600'",
                timeout=120_000,
            )
            zooms.append(page.evaluate("performance.now()") - t0)
            context.close()
        browser.close()
    return {
        "load_p50": statistics.median(loads),
        "load_max": max(loads),
        "map_p50": statistics.median(readies),
        "map_max": max(readies),
        "zoom_p50": statistics.median(zooms),
        "zoom_max": max(zooms),
        "marks": marks,
    }


def client_address(i: int) -> str:
    """A loopback address for request number `i` (127.0.x.y, never the same twice in a row),
    sent as `X-Forwarded-For`: the server trusts one proxy here, so the per-client rate limits
    count each request for its own simulated visitor, as behind nginx, and the figures measure
    the pages, not the limiter (bench/load.py checks the limiter under a realistic mix)."""
    return f"127.{100 + (i >> 16) % 100}.{(i >> 8) % 256}.{i % 256 or 1}"


def get(conn: http.client.HTTPConnection, path: str, i: int = 0) -> tuple[int, float]:
    """GET `path` on a keep-alive connection as visitor `i`; (status, seconds)."""
    t0 = time.monotonic()
    conn.request("GET", path, headers={"Accept": "text/html", "X-Forwarded-For": client_address(i)})
    resp = conn.getresponse()
    resp.read()
    return resp.status, time.monotonic() - t0


def measure(port: int, urls: list[str], clients: int, seconds: float) -> dict[str, float]:
    """`clients` threads requesting `urls` in turn for `seconds`: `requests` (every answer),
    `errors` (answers other than HTTP 200, and lost connections), `qps` (200 answers per
    second), `p50_ms` and `p95_ms` (of the 200 answers). bench/sparql.py's `load` does the
    work; its `statuses` are summed here."""
    r = _sparql_bench().load(
        port, lambda conn, i: get(conn, urls[i % len(urls)], i)[0], clients, seconds
    )
    total = sum(r["statuses"].values())
    return {
        "requests": total,
        "errors": total - r["answers"],
        "qps": r["qps"],
        "p50_ms": r["p50_ms"],
        "p95_ms": r["p95_ms"],
    }


def warm(port: int, pages: dict[str, list[str]], workers: int) -> None:
    """Request every URL on new connections, enough times that each worker has built the
    per-version caches (a worker's warm-up thread builds them too; this waits for it)."""
    for _ in range(2 * workers):
        for urls in pages.values():
            for url in urls:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1800)
                status, dt = get(conn, url)
                conn.close()
                if status != 200:
                    raise SystemExit(f"{url}: HTTP {status}")
                if dt > 1:
                    print(f"  first hit {url}: {dt:.1f} s", flush=True)


def serve(
    home: Path, args: argparse.Namespace, workers: int
) -> tuple[subprocess.Popen[bytes], int]:
    """`alliances serve --workers N` on the instance; (process, port) once it answers."""
    sb = _sparql_bench()
    port = sb.free_port()
    env = dict(
        os.environ,
        ALLIANCES_HOME=str(home),
        ALLIANCES_SEARCH_BACKEND=args.backend,
        ALLIANCES_TRUSTED_PROXIES="1",  # see client_address
    )
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "webui.cli",
            "serve",
            "--port",
            str(port),
            "--threads",
            str(args.threads),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    sb.wait(port, "/a-propos", timeout=1800)
    print(f"server ({workers} worker(s)) up in {time.monotonic() - t0:.0f} s", flush=True)
    return proc, port


def worker_rss(master: int) -> list[float]:
    """Resident memory (MB) of each gunicorn worker of `master`, with the SPARQL query
    processes each started (from /proc; Linux)."""

    def children(pid: int) -> list[int]:
        out = []
        for d in Path("/proc").iterdir():
            if d.name.isdigit():
                try:
                    stat = (d / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(d.name))
        return out

    def rss(pid: int) -> float:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    return [rss(w) + sum(rss(c) for c in children(w)) for w in children(master)]


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started here (gunicorn stops its workers on SIGTERM)."""
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def main() -> None:
    """Build, serve, warm up, measure, print."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--actors", type=int, default=0, help="0: the bundled demo data")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=5)
    ap.add_argument("--threads", type=int, default=8, help="request threads per worker")
    ap.add_argument(
        "--workers",
        type=int,
        default=1,
        help="N > 1: also measure alliances serve --workers N, and the ratio",
    )
    ap.add_argument(
        "--backend",
        default="whoosh",
        choices=["whoosh", "tantivy"],
        help="search backend of the measured instance",
    )
    ap.add_argument(
        "--placed",
        type=float,
        default=0.7,
        help="share of synthetic actors given their own coordinates",
    )
    ap.add_argument("--map-runs", type=int, default=5, help="page loads measured in chromium")
    ap.add_argument("--map-only", action="store_true", help="skip the per-page p95 table")
    ap.add_argument(
        "--cluster",
        type=int,
        default=0,
        help="only time projecting and clustering this many points in process",
    )
    ap.add_argument(
        "--home",
        type=Path,
        help="instance folder to build once and reuse (kept; default: a temporary one)",
    )
    args = ap.parse_args()
    if args.cluster:
        cluster_cost(args.cluster)
        return
    tmp = Path(tempfile.mkdtemp(prefix="bench-web-"))
    home = args.home or tmp / "instance"
    reuse = args.home is not None and (home / "snapshots").is_dir()
    procs: list[subprocess.Popen[bytes]] = []
    try:
        t0 = time.monotonic()
        if args.actors:
            if not reuse:
                build(home, args.actors, args.placed, args.backend)
            pages = synthetic_pages(args.actors)
        else:
            from webui.instance import Instance

            if not reuse:
                inst = Instance.open({"HOME": str(home), "SEARCH_BACKEND": args.backend})
                inst.init(demo=True)
                inst.close()
            pages = demo_pages()
        print(
            f"built instance ({args.actors or 'demo'}) in {time.monotonic() - t0:.0f} s", flush=True
        )
        counts = sorted({1, args.workers})
        servers: dict[int, tuple[subprocess.Popen[bytes], int]] = {}
        for workers in counts:  # every server is up before any measure (interleaved below)
            servers[workers] = serve(home, args, workers)
            procs.append(servers[workers][0])
            warm(servers[workers][1], pages, workers)
            rss = worker_rss(servers[workers][0].pid)
            print(
                f"memory (RSS) of the {len(rss)} worker(s) after warm-up: "
                + ", ".join(f"{mb:.0f} MB" for mb in rss),
                flush=True,
            )
        t0 = time.monotonic()
        r = measure_map(servers[1][1], args.map_runs)
        print(
            f"\nmap of every actor in chromium ({args.map_runs} loads, "
            f"{time.monotonic() - t0:.0f} s): {r['marks']:.0f} marks; load event p50 "
            f"{r['load_p50']:.0f} ms (max {r['load_max']:.0f}); map drawn p50 "
            f"{r['map_p50']:.0f} ms (max {r['map_max']:.0f}), "
            f"{r['map_p50'] / max(r['load_p50'], 1):.2f}x the load event; "
            f"zoom p50 {r['zoom_p50']:.0f} ms (max {r['zoom_max']:.0f})",
            flush=True,
        )
        if args.map_only:
            return
        # With several servers, each page type is measured on each in turn, then again in the
        # reverse order (A B B A), so that a change in the machine's load between the two
        # halves weighs on both alike; the two halves are summed.
        orders = [counts, counts[::-1]] if len(counts) > 1 else [counts]
        runs: dict[int, dict[str, dict[str, float]]] = {w: {} for w in counts}
        print(
            f"\n{args.clients} clients, {args.seconds:g} s per page type and pass, "
            f"{args.threads} threads per worker, load average {os.getloadavg()[0]:.1f}\n"
        )
        print(
            "| page type | workers | requests | errors | p50 (ms) | p95 (ms) |\n"
            "|---|---|---|---|---|---|"
        )
        for kind, urls in pages.items():
            for order in orders:
                for workers in order:
                    r = measure(servers[workers][1], urls, args.clients, args.seconds)
                    print(
                        f"| {kind} | {workers} | {r['requests']:.0f} | {r['errors']:.0f} "
                        f"| {r['p50_ms']:.1f} | {r['p95_ms']:.1f} |",
                        flush=True,
                    )
                    old = runs[workers].get(kind)
                    if old is not None:
                        r = {
                            **r,
                            "requests": r["requests"] + old["requests"],
                            "qps": (r["qps"] + old["qps"]) / 2,
                        }
                    runs[workers][kind] = r
        print(f"\nload average {os.getloadavg()[0]:.1f}")
        if args.workers > 1:
            one, many = runs[1], runs[args.workers]
            n = args.workers
            print(
                f"\n| page type | 1 worker (req/s) | {n} workers (req/s) | ratio |\n"
                "|---|---|---|---|"
            )
            for kind in pages:
                print(
                    f"| {kind} | {one[kind]['qps']:.1f} | {many[kind]['qps']:.1f} "
                    f"| {many[kind]['qps'] / one[kind]['qps']:.2f} |"
                )
            total1 = sum(r["requests"] for r in one.values())
            totaln = sum(r["requests"] for r in many.values())
            print(
                f"| all page types (requests) | {total1:.0f} | {totaln:.0f} "
                f"| **{totaln / total1:.2f}** |"
            )
    finally:
        for proc in procs:
            stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
