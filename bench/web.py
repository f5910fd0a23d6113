"""Server-side latency of each page type of the web UI, against the production server.

    python bench/web.py                       # the bundled demo data
    python bench/web.py --actors 100000       # a synthetic instance (see bench/sparql.py)
    python bench/web.py --workers 2           # throughput of 2 web workers against 1

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
    return pages


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, float]:
    """GET `path` on a keep-alive connection; (status, seconds)."""
    t0 = time.monotonic()
    conn.request("GET", path, headers={"Accept": "text/html"})
    resp = conn.getresponse()
    resp.read()
    return resp.status, time.monotonic() - t0


def measure(port: int, urls: list[str], clients: int, seconds: float) -> dict[str, float]:
    """`clients` threads requesting `urls` in turn for `seconds`; count, errors, p50, p95."""
    return _sparql_bench().load(  # type: ignore[no-any-return]
        port, lambda conn, i: get(conn, urls[i % len(urls)])[0], clients, seconds
    )


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
    env = dict(os.environ, ALLIANCES_HOME=str(home), ALLIANCES_SEARCH_BACKEND=args.backend)
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
    args = ap.parse_args()
    sb = _sparql_bench()
    tmp = Path(tempfile.mkdtemp(prefix="bench-web-"))
    home = tmp / "instance"
    procs: list[subprocess.Popen[bytes]] = []
    try:
        t0 = time.monotonic()
        if args.actors:
            sb.build(home, args.actors, args.backend)
            pages = synthetic_pages(args.actors)
        else:
            from webui.instance import Instance

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
