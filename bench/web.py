"""Server-side latency of each page type of the web UI, against the production server.

    python bench/web.py                       # the bundled demo data
    python bench/web.py --actors 100000       # a synthetic instance (see bench/sparql.py)

Builds an instance (the bundled demo, or vocabularies + synthetic actors and alliances from
`bench/sparql.py`), starts `alliances serve` (waitress) on it, requests every page once to warm the
per-version caches (search index, recommender tables, SDG/territory index; the first-hit time is
printed), then for each page type runs `--clients` concurrent keep-alive HTTP clients for
`--seconds` and prints requests, p50 and p95 (ms) in a Markdown table. Everything runs on
127.0.0.1; the loops are bounded in time.
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
        "search": ["/recherche?q=eau", "/recherche?q=num%C3%A9rique&kind=actor",
                   "/recherche?q=alimentation&facet=sdg%3D2"],
        "actor": ["/actor/association-des-maires-ruraux-de-france", "/actor/departement-somme",
                  "/actor/marche-frais-france"],
        "alliance": ["/alliance/somme-connectee"],
        "tool": ["/tool/guide-dix-idees-recues"],
        "partner finder": ["/partenaires?needs=financement&territory=departement%3A80"],
        "examples": ["/exemples?idea=Une+recyclerie+avec+des+entreprises+locales"],
        "tools panorama": ["/outils"],
        "self-assessment": ["/ou-en-etes-vous"],
        "SDG goal": ["/sdg/6", "/sdg/12"], "SDG target": ["/sdg/6.1", "/sdg/4.4"],
        "SDG index": ["/odd"],
        "territories map": ["/territoires"],
        "territory": ["/territoire/region/32", "/territoire/departement/80",
                      "/territoire/commune/80021"],
        "about": ["/a-propos"],
    }


def synthetic_pages(actors: int) -> dict[str, list[str]]:
    """URLs per page type on the synthetic instance (actors a0…, alliances l0…)."""
    pages = demo_pages()
    pages["search"] = ["/recherche?q=acteur", "/recherche?q=alliance&kind=alliance",
                       "/recherche?q=acteur+12"]
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
        port, lambda conn, i: get(conn, urls[i % len(urls)])[0], clients, seconds)


def main() -> None:
    """Build, serve, warm up, measure, print."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--actors", type=int, default=0, help="0: the bundled demo data")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=5)
    ap.add_argument("--threads", type=int, default=8, help="waitress threads")
    ap.add_argument("--backend", default="whoosh", choices=["whoosh", "tantivy"],
                    help="search backend of the measured instance")
    args = ap.parse_args()
    sb = _sparql_bench()
    tmp = Path(tempfile.mkdtemp(prefix="bench-web-"))
    home = tmp / "instance"
    proc: subprocess.Popen[bytes] | None = None
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
        print(f"built instance ({args.actors or 'demo'}) in {time.monotonic() - t0:.0f} s",
              flush=True)
        port = sb.free_port()
        env = dict(os.environ, ALLIANCES_HOME=str(home), ALLIANCES_SEARCH_BACKEND=args.backend)
        t0 = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "webui.cli", "serve", "--port", str(port),
                                 "--threads", str(args.threads)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        sb.wait(port, "/a-propos", timeout=1800)
        print(f"server up in {time.monotonic() - t0:.0f} s", flush=True)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1800)
        for urls in pages.values():  # warm-up: first hits build the per-version caches
            for url in urls:
                status, dt = get(conn, url)
                if status != 200:
                    raise SystemExit(f"{url}: HTTP {status}")
                if dt > 1:
                    print(f"  first hit {url}: {dt:.1f} s", flush=True)
        conn.close()
        print(f"\n{args.clients} clients, {args.seconds:g} s per page type, "
              f"waitress {args.threads} threads\n")
        print("| page type | requests | errors | p50 (ms) | p95 (ms) |\n|---|---|---|---|---|")
        for kind, urls in pages.items():
            r = measure(port, urls, args.clients, args.seconds)
            print(f"| {kind} | {r['requests']:.0f} | {r['errors']:.0f} | {r['p50_ms']:.1f} "
                  f"| {r['p95_ms']:.1f} |", flush=True)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
