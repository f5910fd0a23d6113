"""Benchmark of the public SPARQL endpoint against Oxigraph's own server on the same data.

    python bench/sparql.py --actors 100000 --clients 8 --seconds 30 --web-workers 2

Builds an instance (vocabularies + synthetic actors and alliances following docs/model.md),
dumps the same published graphs as N-Quads into an `oxigraph serve-read-only
--union-default-graph` server (pip extra `bench`), then runs the same mix of research queries
from `--clients` concurrent clients for `--seconds` against, in turn: Oxigraph's server (the
baseline), `alliances serve --workers W` with its result cache (the default), and the same
without the cache (`SPARQL_CACHE_MB=0`: every query runs in a killable query process). Prints
throughput and p50/p95 of each and their ratios to the baseline, then checks that the deadline
is still enforced: a runaway query (a cartesian product) must get a 503 within
`--timeout` + 5 s. Everything runs on 127.0.0.1; the loops are bounded in time.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MIX = [
    "02-alliances-per-sdg-region",
    "03-resource-mix",
    "05-hybrid-alliances",
    "09-lead-actors",
    "11-most-cited-sdg-targets",
    "13-any-food-alliance-hauts-de-france",
]
PARTNERS = """PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?candidate ?via WHERE {{
  ?a1 org:hasMember <{me}>, ?via . ?a2 org:hasMember ?via, ?candidate .
  FILTER(?candidate != <{me}> && ?via != <{me}>) }} LIMIT 100"""


def synthetic(base: str, actors: int, seed: int = 1):  # type: ignore[no-untyped-def]
    """Triples of `actors` actors and actors/3 alliances, shaped as the importer makes them."""
    from rdflib import Literal, URIRef

    from graph.reference import territories
    from ontology.namespaces import (
        ACTOR_TYPE,
        ALL,
        COMPETENCE,
        DCT,
        FOAF,
        ORG,
        RDF,
        RESOURCE_TYPE,
        ROLE,
        SCHEMA,
        SDG,
        SKOS,
        scheme_codes,
    )

    rnd = random.Random(seed)
    deps = [t.iri for t in territories().values() if t.level == "departement"]
    types = scheme_codes("actor-type")
    comps = scheme_codes("competence")
    res = scheme_codes("resource-type")
    goals = [str(g) for g in range(1, 18)]
    for i in range(actors):
        a = URIRef(f"{base}actor/a{i}")
        yield a, RDF.type, ORG.FormalOrganization
        yield a, DCT.identifier, Literal(f"a{i}")
        yield a, SKOS.prefLabel, Literal(f"Acteur {i}", lang="fr")
        yield a, FOAF.name, Literal(f"Acteur {i}")
        yield a, ORG.classification, ACTOR_TYPE[rnd.choice(types)]
        yield a, SCHEMA.areaServed, rnd.choice(deps)
        yield a, DCT.subject, SDG[rnd.choice(goals)]
        for c in rnd.sample(comps, 2):
            yield a, ALL.offers, COMPETENCE[c]
        yield a, ALL.needs, COMPETENCE[rnd.choice(comps)]
    for j in range(actors // 3):
        al = URIRef(f"{base}alliance/l{j}")
        yield al, RDF.type, ALL.Alliance
        yield al, DCT.identifier, Literal(f"l{j}")
        yield al, SKOS.prefLabel, Literal(f"Alliance {j}", lang="fr")
        yield al, SCHEMA.areaServed, rnd.choice(deps)
        yield al, DCT.subject, SDG[rnd.choice(goals)]
        for k, m in enumerate(rnd.sample(range(actors), rnd.randint(2, 6))):
            actor = URIRef(f"{base}actor/a{m}")
            ms = URIRef(f"{al}#member-a{m}")
            yield al, ORG.hasMember, actor
            yield ms, RDF.type, ORG.Membership
            yield ms, ORG.member, actor
            yield ms, ORG.organization, al
            yield ms, ORG.role, ROLE["chef-de-file" if k == 0 else "membre"]
        for r in rnd.sample(res, 2):
            part = URIRef(f"{al}#resource-{r}")
            yield al, ALL.resourceShare, part
            yield part, RDF.type, ALL.ResourceShare
            yield part, ALL.resourceType, RESOURCE_TYPE[r]
            yield (
                part,
                ALL.shareOfBudget,
                Literal("0.5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")),
            )


def build(home: Path, actors: int, backend: str = "tantivy") -> Path:
    """An instance with the vocabularies and the synthetic data; returns an N-Quads dump."""
    from graph.store import Write
    from webui.instance import Instance

    # search is not what is measured here: tantivy indexes the synthetic actors in seconds
    inst = Instance.open({"HOME": str(home), "SEARCH_BACKEND": backend})
    inst.init(demo=False, real=False)
    inst.store.write(Write(source="bench", triples=synthetic(inst.base, actors)))
    dump = home / "dump.nq"
    with open(dump, "wb") as f:
        inst.store.dump(f, "nq")
    inst.close()
    return dump


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait(port: int, path: str, timeout: float = 120) -> None:
    """Wait until the server answers on `path`."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", path)
            c.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server on {port} did not start")


def load(
    port: int,
    send: Callable[[http.client.HTTPConnection, int], int],
    clients: int,
    seconds: float,
) -> dict[str, float]:
    """`clients` keep-alive threads calling `send(conn, i)` (which makes request number i and
    returns its HTTP status) in turn for `seconds`; throughput, errors and latencies."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        i = n
        while time.monotonic() < end:
            t0 = time.monotonic()
            status = send(conn, i)
            dt = time.monotonic() - t0
            i += 1
            with lock:
                latencies.append(dt)
                errors[0] += status != 200
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    lat = sorted(latencies)
    return {
        "requests": len(lat),
        "errors": errors[0],
        "qps": len(lat) / wall,
        "p50_ms": 1000 * statistics.median(lat),
        "p95_ms": 1000 * lat[int(0.95 * (len(lat) - 1))],
    }


def run_clients(
    port: int, path: str, queries: list[str], clients: int, seconds: float
) -> dict[str, float]:
    """`clients` threads sending the query mix in turn (POST form, JSON results)."""

    def send(conn: http.client.HTTPConnection, i: int) -> int:
        conn.request(
            "POST",
            path,
            body=urlencode({"query": queries[i % len(queries)]}),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
            },
        )
        resp = conn.getresponse()
        resp.read()
        return resp.status

    return load(port, send, clients, seconds)


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def runaway(port: int, timeout: float) -> tuple[int, float]:
    """POST a query that would run for hours; (HTTP status, seconds until the answer)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout + 60)
    t0 = time.monotonic()
    conn.request(
        "POST",
        "/sparql",
        body=urlencode({"query": RUNAWAY}),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    resp = conn.getresponse()
    resp.read()
    conn.close()
    return resp.status, time.monotonic() - t0


def serve_ours(
    home: Path, port: int, args: argparse.Namespace, cache_mb: float
) -> subprocess.Popen[bytes]:
    """`alliances serve --workers W` on the built instance."""
    env = dict(
        os.environ,
        ALLIANCES_HOME=str(home),
        ALLIANCES_SPARQL_WORKERS=str(args.workers),
        ALLIANCES_SPARQL_MAX_CONCURRENT=str(args.clients),
        ALLIANCES_SPARQL_TIMEOUT=str(args.timeout),
        ALLIANCES_SPARQL_CACHE_MB=str(cache_mb),
        ALLIANCES_SEARCH_BACKEND="tantivy",
    )
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "webui.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(args.web_workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started here (gunicorn stops its workers on SIGTERM)."""
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def main() -> None:
    """Build, serve both, measure, print."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--actors", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument(
        "--workers",
        type=int,
        default=4,
        help="SPARQL_WORKERS of our server (query processes per web worker)",
    )
    ap.add_argument("--web-workers", type=int, default=2, help="alliances serve --workers")
    ap.add_argument("--timeout", type=float, default=60, help="SPARQL_TIMEOUT of our server")
    ap.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="build the instance and Oxigraph's copy in this folder, or reuse them "
        "if it holds them already, and keep them",
    )
    args = ap.parse_args()
    from webui.sparql.examples import examples

    by_name = {e.name: e.query for e in examples()}
    queries = [by_name[n] for n in MIX]
    queries += [
        PARTNERS.format(me=f"https://w3id.org/alliances/id/actor/a{i}") for i in range(0, 50, 7)
    ]
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="bench-sparql-"))
    procs: list[subprocess.Popen[bytes]] = []
    try:
        ox_dir = tmp / "oxigraph"
        if not (tmp / "built").exists():
            t0 = time.monotonic()
            dump = build(tmp / "instance", args.actors)
            print(f"built {args.actors} actors in {time.monotonic() - t0:.0f} s", flush=True)
            subprocess.run(
                ["oxigraph", "load", "--location", str(ox_dir), "--file", str(dump)],
                check=True,
                capture_output=True,
            )
            (tmp / "built").write_text(str(args.actors))
        theirs = free_port()
        procs.append(
            subprocess.Popen(
                [
                    "oxigraph",
                    "serve-read-only",
                    "--location",
                    str(ox_dir),
                    "--bind",
                    f"127.0.0.1:{theirs}",
                    "--union-default-graph",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        wait(theirs, "/query?query=ASK%7B%7D")
        print(f"load average {os.getloadavg()[0]:.1f}", flush=True)
        results = {}
        for name, cache_mb in (("oxigraph", None), ("alliances", 64.0), ("alliances-nocache", 0.0)):
            if cache_mb is None:
                port, path = theirs, "/query"
            else:
                port, path = free_port(), "/sparql"
                procs.append(serve_ours(tmp / "instance", port, args, cache_mb))
                wait(port, "/sparql?query=ASK%7B%7D", timeout=600)
            run_clients(port, path, queries, args.clients, min(5.0, args.seconds))  # warm-up
            results[name] = run_clients(port, path, queries, args.clients, args.seconds)
            print(name, {k: round(v, 1) for k, v in results[name].items()}, flush=True)
            if cache_mb is not None:
                if cache_mb == 0.0:
                    status, took = runaway(port, args.timeout)
                    enforced = status == 503 and took < args.timeout + 5
                    print(
                        f"runaway query: HTTP {status} after {took:.1f} s "
                        f"(deadline {args.timeout:g} s): "
                        f"{'enforced' if enforced else 'NOT ENFORCED'}",
                        flush=True,
                    )
                stop(procs.pop())
        base = results["oxigraph"]
        for name in ("alliances", "alliances-nocache"):
            r = results[name]
            print(
                f"{name}/oxigraph: throughput {r['qps'] / base['qps']:.2f}x, "
                f"p50 {r['p50_ms'] / base['p50_ms']:.2f}x, p95 {r['p95_ms'] / base['p95_ms']:.2f}x"
            )
        print(f"load average {os.getloadavg()[0]:.1f}", flush=True)
    finally:
        for p in procs:
            stop(p)
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
