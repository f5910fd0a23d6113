"""Benchmark of the public SPARQL endpoint against Oxigraph's own server on the same data.

    python bench/sparql.py --actors 100000 --clients 8 --seconds 30 --web-workers 2

Builds an instance (vocabularies + synthetic actors and alliances following docs/model.md), dumps
the same published graphs as N-Quads into an `oxigraph serve-read-only --union-default-graph`
server (pip extra `bench`), then runs the same mix of research queries from `--clients` concurrent
clients for `--seconds` against, in turn (`--servers` chooses): Oxigraph's server (the baseline),
`alliances serve --workers W` with its result cache (the default), and the same without the cache
(`SPARQL_CACHE_MB=0`: every query runs in a killable query process); on request (`--servers
…,alliances-virtuoso`), the same application without the cache on Virtuoso (`STORE=virtuoso`:
Debian's `virtuoso-opensource`, started here on loopback and filled with the same data through
`init` and `Store.write`; its CPU is counted with the server's, and the deadline goes to it as its
own query timeout). The mix is the page's research examples and partners-of-partners of actors
drawn at random (so a result cache cannot answer everything). Our servers run with the rate limits
off (all clients share 127.0.0.1, and a 429 is not an answer); after their warm-up requests, the
measurement waits until the server's processes are idle (the web workers build their caches in the
background at start). With `--rounds N` every chosen server runs from the start, and each is
measured N times in turn for `--seconds`/N, so that a change of the machine's load weighs on each
alike. Prints throughput (HTTP 200 answers per second) and p50/p95 of those answers, every other
status met, and the ratios to the baseline, then checks that the deadline is still enforced: a
runaway query (a cartesian product) must get a 503 within `--timeout` + 5 s. Everything runs on
127.0.0.1; the loops are bounded in time."""

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
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
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


def oxigraph_binary() -> str:
    """Oxigraph's server program (PyPI `oxigraph`, the `bench` extra), on PATH or beside this
    Python (a venv not activated)."""
    from tests.store_servers import oxigraph_binary as find

    return find()


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait(port: int, path: str, timeout: float = 120) -> None:
    """Wait until the server answers on `path`. Each probe waits for its answer: a probe given up
    would go on holding one of the client's query slots on our server, and the measurement
    would then meet 429s that only the probes caused."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            c = http.client.HTTPConnection(
                "127.0.0.1", port, timeout=max(1.0, end - time.monotonic())
            )
            c.request("GET", path)
            c.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server on {port} did not start")


#: Request numbers of one client are n·STRIDE + k (k = n, n + 1, …): distinct across clients.
STRIDE = 1_000_000


def process_tree_cpu(pid: int) -> float:
    """CPU seconds used so far by process `pid` and its descendants (Linux /proc; 0 elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += cpu.get(p, 0.0)
        todo += children.get(p, [])
    return total


def wait_idle(pid: int, *, below: float = 0.1, quiet: float = 3.0, limit: float = 600) -> float:
    """Wait until the processes of `pid` use less than `below` of a core for `quiet` seconds in a
    row (at most `limit` seconds); returns the seconds waited."""
    t0 = time.monotonic()
    calm = 0.0
    before = process_tree_cpu(pid)
    while calm < quiet and time.monotonic() - t0 < limit:
        time.sleep(1.0)
        now = process_tree_cpu(pid)
        calm = calm + 1.0 if now - before < below else 0.0
        before = now
    return time.monotonic() - t0


def load(
    port: int,
    send: Callable[[http.client.HTTPConnection, int], int],
    clients: int,
    seconds: float,
) -> dict[str, Any]:
    """`clients` keep-alive threads calling `send(conn, i)` (which makes request number i and
    returns its HTTP status) in turn for `seconds`. Throughput counts the HTTP 200 answers only,
    and the latencies are theirs; `statuses` counts every status (a 429 or 503 is no answer)."""
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        i = n * STRIDE + n  # client n's requests: n·STRIDE + n, + 1, …
        while time.monotonic() < end:
            t0 = time.monotonic()
            try:
                status = send(conn, i)
            except (OSError, http.client.HTTPException):
                status = 0  # connection lost: reconnect
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
            dt = time.monotonic() - t0
            i += 1
            with lock:
                statuses[status] += 1
                if status == 200:
                    latencies.append(dt)
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return summary([(time.monotonic() - t0, latencies, statuses)])


Run = tuple[float, list[float], Counter[int]]


def summary(runs: list[Run]) -> dict[str, Any]:
    """Figures of one or several measuring runs (wall seconds, latencies of the 200 answers,
    statuses) taken together: answers per second over their summed time, percentiles over all."""
    wall = sum(r[0] for r in runs)
    latencies = [x for r in runs for x in r[1]]
    statuses: Counter[int] = sum((r[2] for r in runs), Counter())
    lat = sorted(latencies) or [float("nan")]
    return {
        "answers": len(latencies),
        "statuses": dict(sorted(statuses.items())),
        "qps": len(latencies) / wall,
        "p50_ms": 1000 * statistics.median(lat),
        "p95_ms": 1000 * lat[int(0.95 * (len(lat) - 1))],
        "runs": runs,
    }


def shown_figures(figures: dict[str, Any]) -> dict[str, Any]:
    """The figures of `summary` to print (rounded, without the raw runs)."""
    return {k: v if isinstance(v, dict) else round(v, 1) for k, v in figures.items() if k != "runs"}


def mix(actors: int, seed: int) -> Callable[[int], str]:
    """Request number i → its query: the research examples of `MIX` in turn, each followed by
    partners-of-partners of an actor drawn at random (seeded: every server gets the same)."""
    from webui.sparql.examples import examples

    by_name = {e.name: e.query for e in examples()}
    research = [by_name[n] for n in MIX]

    def query(i: int) -> str:
        if (i % STRIDE) % 2:
            actor = random.Random(seed * 1_000_003 + i).randrange(actors)
            return PARTNERS.format(me=f"https://w3id.org/alliances/id/actor/a{actor}")
        return research[((i % STRIDE) // 2) % len(research)]

    return query


def run_clients(
    port: int, path: str, queries: Callable[[int], str], clients: int, seconds: float
) -> dict[str, Any]:
    """`clients` threads sending the query mix (POST form, JSON results)."""

    def send(conn: http.client.HTTPConnection, i: int) -> int:
        conn.request(
            "POST",
            path,
            body=urlencode({"query": queries(i)}),
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
    home: Path,
    port: int,
    args: argparse.Namespace,
    cache_mb: float,
    extra_env: dict[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    """`alliances serve --workers W` on the built instance (`extra_env`: more settings, e.g.
    the store's)."""
    env = dict(
        os.environ,
        **(extra_env or {}),
        ALLIANCES_HOME=str(home),
        ALLIANCES_SPARQL_WORKERS=str(args.workers),
        ALLIANCES_SPARQL_MAX_CONCURRENT=str(args.clients),
        ALLIANCES_SPARQL_TIMEOUT=str(args.timeout),
        ALLIANCES_SPARQL_CACHE_MB=str(cache_mb),
        ALLIANCES_SEARCH_BACKEND="tantivy",
        ALLIANCES_RATE_LIMITS="false",
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


SERVERS = {
    "oxigraph": None,
    "alliances": 64.0,
    "alliances-nocache": 0.0,
    "alliances-virtuoso": 0.0,
}
#: Servers whose store is Virtuoso (`STORE=virtuoso`), started here on loopback.
ON_VIRTUOSO = {"alliances-virtuoso"}
#: Virtuoso's page cache for the benchmark: 8 KB pages (1.6 GB; its guide: 2/3 of the memory
#: given to it, and the data of 100,000 actors takes about 1 GB).
VIRTUOSO_BUFFERS = 200_000


def build_on_virtuoso(home: Path, actors: int, settings: dict[str, Any]) -> None:
    """The same instance as `build` (vocabularies, the same synthetic actors) with Virtuoso as
    its store (`settings`: STORE and the server's URLs), written through the Graph Store
    Protocol as `alliances init` and `import` do."""
    from graph.store import Write
    from webui.instance import Instance

    inst = Instance.open({"HOME": str(home), "SEARCH_BACKEND": "tantivy", **settings})
    inst.init(demo=False, real=False)
    inst.store.write(Write(source="bench", triples=synthetic(inst.base, actors)))
    inst.close()


def main() -> None:
    """Build, serve each chosen server in turn, measure, print."""
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
        "--servers",
        default=",".join(n for n in SERVERS if n not in ON_VIRTUOSO),
        help="which servers to measure, in order (comma-separated among "
        f"{', '.join(SERVERS)}; {', '.join(ON_VIRTUOSO)} needs Debian's virtuoso-opensource)",
    )
    ap.add_argument("--seed", type=int, default=1, help="seed of the random actors of the mix")
    ap.add_argument(
        "--warmup",
        type=float,
        default=20,
        help="seconds of the same load before measuring each server (our query processes "
        "start as queries arrive, and each warms its own engine caches)",
    )
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="measure the servers in turn this many times, --seconds/rounds each time, all of "
        "them running meanwhile (so that a change of the machine's load weighs on each alike)",
    )
    ap.add_argument(
        "--no-runaway", action="store_true", help="skip the deadline check (takes --timeout)"
    )
    ap.add_argument(
        "--fresh-snapshot",
        action="store_true",
        help="delete the instance's readers' snapshots first, so that serving publishes one "
        "again (after a change to how snapshots are made)",
    )
    ap.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="build the instance and Oxigraph's copy in this folder, or reuse them "
        "if it holds them already, and keep them",
    )
    args = ap.parse_args()
    chosen = [n.strip() for n in args.servers.split(",") if n.strip()]
    unknown = [n for n in chosen if n not in SERVERS]
    if unknown:
        ap.error(f"unknown servers {unknown}; choose among {list(SERVERS)}")
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="bench-sparql-"))
    procs: list[subprocess.Popen[bytes]] = []
    engines: dict[str, Any] = {}
    try:
        ox_dir = tmp / "oxigraph"
        if not (tmp / "built").exists():
            t0 = time.monotonic()
            dump = build(tmp / "instance", args.actors)
            print(f"built {args.actors} actors in {time.monotonic() - t0:.0f} s", flush=True)
            subprocess.run(
                [oxigraph_binary(), "load", "--location", str(ox_dir), "--file", str(dump)],
                check=True,
                capture_output=True,
            )
            (tmp / "built").write_text(str(args.actors))
        actors = int((tmp / "built").read_text())
        if args.fresh_snapshot:
            shutil.rmtree(tmp / "instance" / "snapshots", ignore_errors=True)
        queries = mix(actors, args.seed)
        args.built_actors = actors
        servers = {name: start(name, tmp, args, queries, procs, engines) for name in chosen}
        # each server's processes: ours and, on Virtuoso, Virtuoso's (its CPU is the engine's)
        pids = {
            name: [p.pid] + ([engines[name].process.pid] if name in engines else [])
            for name, p in zip(chosen, procs, strict=True)
        }
        runs: dict[str, list[Run]] = {name: [] for name in chosen}
        cpu = dict.fromkeys(chosen, 0.0)
        for n in range(args.rounds):
            for name, (port, path) in servers.items():
                before = sum(process_tree_cpu(pid) for pid in pids[name])
                r = run_clients(port, path, queries, args.clients, args.seconds / args.rounds)
                cpu[name] += sum(process_tree_cpu(pid) for pid in pids[name]) - before
                runs[name] += r["runs"]
                shown = shown_figures(r)
                print(f"round {n + 1} {name}", shown, f"load {os.getloadavg()[0]:.1f}", flush=True)
        results = {name: summary(r) for name, r in runs.items()}
        for name, r in results.items():  # the server's CPU per answer: apart from the load
            r["cpu_ms_per_answer"] = 1000 * cpu[name] / max(1, r["answers"])
        for name, r in results.items():
            shown = shown_figures(r)
            print(name, shown, flush=True)
        base = results.get("oxigraph")
        for name, r in results.items():
            if base is None or name == "oxigraph":
                continue
            print(
                f"{name}/oxigraph: throughput {r['qps'] / base['qps']:.2f}x, "
                f"p50 {r['p50_ms'] / base['p50_ms']:.2f}x, "
                f"p95 {r['p95_ms'] / base['p95_ms']:.2f}x, "
                f"server CPU per answer {r['cpu_ms_per_answer'] / base['cpu_ms_per_answer']:.2f}x"
            )
        print(f"load average {os.getloadavg()[0]:.1f}", flush=True)
        for name in ("alliances-nocache", *ON_VIRTUOSO):
            if name not in servers or args.no_runaway:
                continue
            port, _path = servers[name]
            status, took = runaway(port, args.timeout)
            enforced = status == 503 and took < args.timeout + 5
            print(
                f"runaway query on {name}: HTTP {status} after {took:.1f} s "
                f"(deadline {args.timeout:g} s): {'enforced' if enforced else 'NOT ENFORCED'}",
                flush=True,
            )
    finally:
        for p in procs:
            stop(p)
        for engine in engines.values():
            engine.stop()
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


def start(
    name: str,
    tmp: Path,
    args: argparse.Namespace,
    queries: Callable[[int], str],
    procs: list[subprocess.Popen[bytes]],
    engines: dict[str, Any],
) -> tuple[int, str]:
    """Start server `name`, warm it up and wait until it is idle; its port and query path.
    A server on Virtuoso starts Virtuoso first (kept in `engines[name]`, stopped by the caller)
    and fills it with the same data."""
    cache_mb = SERVERS[name]
    port = free_port()
    if cache_mb is None:
        path = "/query"
        procs.append(
            subprocess.Popen(
                [
                    oxigraph_binary(),
                    "serve-read-only",
                    "--location",
                    str(tmp / "oxigraph"),
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--union-default-graph",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        wait(port, "/query?query=ASK%7B%7D")
    elif name in ON_VIRTUOSO:
        from tests.store_servers import start_virtuoso

        path = "/sparql"
        t0 = time.monotonic()
        server = start_virtuoso(tmp / f"{name}-db", buffers=VIRTUOSO_BUFFERS)
        engines[name] = server
        settings = server.settings(STORE="virtuoso")
        home = tmp / f"{name}-home"
        shutil.rmtree(home, ignore_errors=True)
        build_on_virtuoso(home, args.built_actors, settings)
        print(f"{name}: Virtuoso filled in {time.monotonic() - t0:.0f} s", flush=True)
        env = {f"ALLIANCES_{k}": str(v) for k, v in settings.items()}
        procs.append(serve_ours(home, port, args, cache_mb, env))
        wait(port, "/sparql?query=ASK%7B%7D", timeout=900)
        print(f"{name}: serving after {time.monotonic() - t0:.1f} s", flush=True)
    else:
        path = "/sparql"
        t0 = time.monotonic()
        procs.append(serve_ours(tmp / "instance", port, args, cache_mb))
        wait(port, "/sparql?query=ASK%7B%7D", timeout=900)
        print(f"{name}: serving after {time.monotonic() - t0:.1f} s", flush=True)
    warm = run_clients(port, path, queries, args.clients, args.warmup)
    idle = wait_idle(procs[-1].pid)
    print(
        f"{name}: warm-up {warm['statuses']}, then idle after {idle:.0f} s; "
        f"load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    return port, path


if __name__ == "__main__":
    main()
