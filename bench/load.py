"""Load test of the whole site with locust: many visitors at once, a realistic mix, zero 5xx.

    python bench/load.py                                  # 50 users, 1–5 s think time, 3 min
    python bench/load.py --users 20 --run-time 60         # shorter
    python bench/load.py --url http://127.0.0.1:5000 --synthetic-actors 0   # a running server
    python bench/load.py --actors 100000 --examples       # SPARQL examples, before/after, no server

Needs the `bench` extra (`pip install -e .[bench]`: locust). Without `--url` the script builds
(once, cached under `--cache-dir`) an instance with the vocabularies, the bundled data (demo and
real open data) and `--actors` synthetic actors (`bench/sparql.py`'s generator: N actors, N/3
alliances), starts `alliances serve` on it (`--production` when the command has it: several
gunicorn workers), warms the per-version caches, then runs locust headless in a child process
with this file as the locustfile:

- `Visitor` (most users): home, search page and `/api/search` / `/api/suggest` with French
  queries, actor / alliance / territory / SDG pages, partner finder page, `/api/partners`,
  analogues (page and API), SDG suggestions, tools panorama, tool pages, self-assessment, map.
- `Researcher`: the SPARQL editor page and the editor's example queries (`webui/sparql/examples`).
- `Attacker`: hostile SPARQL (cross products that hit the deadline or the row cap, SERVICE and
  LOAD, 5,000 levels of nesting, over-long queries, updates): each must be refused (4xx) or
  stopped by the deadline (503 `query_timeout`), never anything else.

Rate limits stay on, at the instance's settings: the server trusts one proxy
(`ALLIANCES_TRUSTED_PROXIES=1`) and each simulated user sends its own `X-Forwarded-For`, so
50 users are 50 clients (as behind nginx), not one throttled address. 429 answers are counted
apart. Every request is recorded by route group: p50/p95/max next to the goals (pages and API
< 200 ms, SPARQL examples < 1 s), statuses, unexpected 5xx. Meanwhile the resident memory of the
server's whole process tree (workers and SPARQL query processes) is sampled every
`--sample-every` seconds: start, peak, end and slope say whether it is stable.

Then, unless `--saturation-seconds 0`, the saturation throughput: `--saturation-users` users
without think time (visitor mix, a fresh client address per request so that no limit trips,
the limiter still counting every request) against one worker and against `--saturation-workers`
workers in turn (A B B A, so that the machine's load weighs on both alike): requests per second
and the ratio. All traffic stays on 127.0.0.1 and every loop is bounded in time.

With `--examples`, no server and no locust: the SPARQL editor's examples are timed on the cached
instance (built or refreshed as above) before and after their rewriting for speed, in a query
process as the endpoint runs them (`bench/sparql_examples.py`; `--examples-runs`,
`--examples-timeout`).
"""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------------------------
# The locustfile part (imported by locust in the child process; reads LOAD_* variables)
# ---------------------------------------------------------------------------------------------

#: Route group → goal for p95 in ms (None: no goal stated by the issue).
GOALS: dict[str, float | None] = {"page": 200.0, "api": 200.0, "sparql example": 1000.0}

SEARCHES = [
    "eau",
    "numérique",
    "alimentation",
    "France services",
    "médiation numérique",
    "recyclerie",
    "mobilité rurale",
    "insertion",
    "épicerie solidaire",
    "tiers-lieu",
    "réemploi",
    "santé mentale",
    "jardins partagés",
    "gaspillage alimentaire",
    "Lille",
    "rénovation énergétique",
    "petites villes de demain",
    "accès aux droits",
    "vélo",
    "inclusion numérique Charente",
    "emploi des réfugiés",
    "cantine bio",
    "Roubaix textile",
]
FACETS = ["", "&kind=actor", "&kind=alliance", "&facet=sdg%3D2", "&facet=region%3D32", "&kind=tool"]
SUGGESTS = ["ban", "lil", "fra", "mé", "rec", "59000", "Roub", "épic"]
IDEAS = [
    "Une recyclerie avec des entreprises locales",
    "Un garage solidaire pour aider les demandeurs d'emploi à se déplacer",
    "Former les seniors au numérique dans les mairies rurales",
    "Une cantine scolaire avec des producteurs du territoire",
    "Accueillir des réfugiés dans les villages avec les associations et les employeurs",
    "Réduire le gaspillage alimentaire des supermarchés au profit des épiceries solidaires",
]
PLACES = ["Lille", "59000", "Nord", "Lyon", "Charente", "departement:80", "Bretagne", "Amiens"]
COMPETENCES = [
    "financement",
    "mecenat-competences",
    "benevolat",
    "expertise-technique",
    "ingenierie-projet",
    "evaluation-impact",
    "ancrage-territorial",
    "acces-publics",
    "locaux-logistique",
    "communication",
    "formation",
    "donnees-numerique",
]
TYPES = ["association", "entreprise", "cooperative", "collectivite", "fondation", "collectif"]
TERRITORIES = [
    "region/32",
    "region/84",
    "region/53",
    "departement/80",
    "departement/59",
    "departement/16",
    "departement/69",
    "commune/80021",
    "commune/59350",
    "commune/69123",
    "commune/16015",
    "commune/75056",
]
SDGS = ["6", "12", "2", "4", "8", "10", "11", "13", "6.1", "4.4", "12.3", "8.5"]
#: Ids of the bundled demo (always there with the bundled data); more are found at start.
DEMO = {
    "actor": [
        "banque-alimentaire-metropole-lilloise",
        "association-des-maires-ruraux-de-france",
        "ville-roubaix",
        "marche-frais-france",
        "fondation-solstice",
    ],
    "alliance": [
        "zero-invendu-metropole-lilloise",
        "somme-connectee",
        "rouler-pour-travailler-avesnois",
        "numerique-pour-tous-brest",
    ],
    "tool": [
        "guide-dix-idees-recues",
        "kit-premiers-pas-partenariat",
        "grille-maturite-partenariale",
        "kit-collecte-invendus",
    ],
}

#: What the SPARQL editor accepts: JSON results for SELECT and ASK, Turtle for CONSTRUCT.
SPARQL_ACCEPT = "application/sparql-results+json,text/turtle;q=0.9"

#: Hostile SPARQL: name → (query, statuses that count as a correct answer).
_NEST = 5000
HOSTILE: dict[str, tuple[str, frozenset[int]]] = {
    "cross product counted (deadline)": (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        frozenset({200, 503}),
    ),
    "cross product listed (row cap)": (
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }",
        frozenset({200, 503}),
    ),
    "regex backtracking on every literal": (
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?x ?q ?o2 "
        'FILTER(REGEX(CONCAT(STR(?o), STR(?o2)), "^(a|aa)+$")) }',
        frozenset({200, 503}),
    ),
    "SERVICE (outbound request)": (
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        frozenset({400, 403}),
    ),
    "LOAD (update)": ("LOAD <http://127.0.0.1:9/data.ttl>", frozenset({400, 403})),
    "INSERT DATA (update)": (
        "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
        frozenset({400, 403}),
    ),
    "nesting 5,000 groups": (
        "SELECT * WHERE " + "{ " * _NEST + "?s ?p ?o" + " }" * _NEST,
        frozenset({400}),
    ),
    "nesting 5,000 parentheses": (
        "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * _NEST + "?o" + ")" * _NEST + ") }",
        frozenset({400}),
    ),
    "over-long query": (
        "SELECT * WHERE { ?s ?p ?o } # " + "x" * 30_000,
        frozenset({400, 413}),
    ),
}


def _ids() -> dict[str, list[str]]:
    """Ids used by the users: the demo's, the synthetic ones, and those found at start."""
    ids = {k: list(v) for k, v in DEMO.items()}
    n = int(os.environ.get("LOAD_SYNTHETIC_ACTORS", "0"))
    if n:
        rnd = random.Random(7)
        ids["actor"] += [f"a{rnd.randrange(n)}" for _ in range(200)]
        ids["alliance"] += [f"l{rnd.randrange(max(1, n // 3))}" for _ in range(100)]
    found = os.environ.get("LOAD_IDS_FILE")
    if found and Path(found).exists():
        for kind, values in json.loads(Path(found).read_text()).items():
            ids.setdefault(kind, []).extend(values)
    return ids


def discover(url: str, timeout: float = 120) -> dict[str, list[str]]:
    """Actor, alliance and tool ids the server's search knows (real data included): a few
    `/api/search` calls; kind → ids."""
    import requests

    out: dict[str, list[str]] = {"actor": [], "alliance": [], "tool": []}
    for q in (
        "France services",
        "médiation numérique",
        "petites villes de demain",
        "alimentation",
        "numérique",
        "réemploi",
        "guide",
    ):
        for kind in out:
            r = requests.get(
                f"{url}/api/search",
                params={"q": q, "kind": kind, "limit": 20},
                headers={"X-Forwarded-For": "127.0.200.1"},
                timeout=timeout,
            )
            if r.status_code == 200:
                out[kind] += [h["id"] for h in r.json()["results"] if h["id"] not in out[kind]]
    return out


def _examples() -> list[tuple[str, str]]:
    """(name, query) of the SPARQL editor's examples."""
    import sys

    sys.path.insert(0, str(ROOT))
    from webui.sparql.examples import examples

    return [(e.name, e.query) for e in examples()]


try:  # the driver below runs without locust installed only to print --help
    from locust import FastHttpUser, between, constant, events, task
except ImportError:  # pragma: no cover
    FastHttpUser = object  # type: ignore[assignment,misc]
else:
    _RECORD: dict[str, Any] = {"groups": {}, "statuses": {}, "unexpected": [], "t0": 0.0, "t1": 0.0}

    @events.request.add_listener
    def _on_request(  # type: ignore[no-untyped-def]
        request_type,
        name,
        response_time,
        response_length,
        response=None,
        context=None,
        exception=None,
        **kw,
    ):
        """Every answer's latency (ms) and status, by group (the request's name)."""
        status = getattr(response, "status_code", 0) or 0
        now = time.time()
        _RECORD["t0"] = _RECORD["t0"] or now - response_time / 1000
        _RECORD["t1"] = now
        _RECORD["groups"].setdefault(name, []).append(response_time)
        counts = _RECORD["statuses"].setdefault(name, {})
        counts[str(status)] = counts.get(str(status), 0) + 1
        expected = (context or {}).get("expected")
        ok = (status in expected) if expected else (status < 500 and status != 0)
        if ok and status == 503:  # a 503 is right only as the deadline's answer
            ok = "query_timeout" in (getattr(response, "text", "") or "")
            if ok:
                deadline = _RECORD.setdefault("deadline", {})
                deadline[name] = deadline.get(name, 0) + 1
        if not ok:
            bad = _RECORD.setdefault("unexpected_count", {})
            bad[name] = bad.get(name, 0) + 1
        if not ok and len(_RECORD["unexpected"]) < 200:
            url = getattr(response, "url", "") or (context or {}).get("path", "")
            body = ""
            try:
                body = (response.text or "")[:300] if response is not None else str(exception)
            except Exception:  # noqa: BLE001 - a report, never a crash of the run
                body = str(exception)
            _RECORD["unexpected"].append(
                {"group": name, "status": status, "url": str(url)[:300], "body": body}
            )

    @events.quitting.add_listener
    def _on_quit(environment, **kw):  # type: ignore[no-untyped-def]
        out = os.environ.get("LOAD_RECORD")
        if out:
            Path(out).write_text(json.dumps(_RECORD))

    _IDS: dict[str, list[str]] = {}
    _EXAMPLES: list[tuple[str, str]] = []
    _MIN, _MAX = (
        float(os.environ.get("LOAD_MIN_WAIT", "1")),
        float(os.environ.get("LOAD_MAX_WAIT", "5")),
    )

    class _Client(FastHttpUser):  # type: ignore[misc,valid-type]
        """A person behind the site's reverse proxy: one address for the whole visit."""

        abstract = True
        wait_time = between(_MIN, _MAX)
        address = ""

        def on_start(self) -> None:  # noqa: D102
            global _IDS, _EXAMPLES
            if not _IDS:
                _IDS = _ids()
            if not _EXAMPLES:
                _EXAMPLES = _examples()
            self.address = (
                f"127.{random.randrange(1, 200)}.{random.randrange(256)}.{random.randrange(1, 255)}"
            )

        def headers(self, accept: str = "text/html") -> dict[str, str]:
            """Headers of a request: the client's forwarded address, what it accepts."""
            return {
                "X-Forwarded-For": self.address,
                "Accept": accept,
                "Accept-Language": "fr-FR,fr;q=0.9",
            }

        def get(self, group: str, path: str, accept: str = "text/html") -> None:
            """GET `path`, recorded under `group`."""
            self.client.get(path, name=group, headers=self.headers(accept), context={"path": path})

        def post(
            self,
            group: str,
            path: str,
            accept: str = "application/json",
            expected: frozenset[int] | None = None,
            **kw: Any,
        ) -> None:
            """POST to `path` (json= or data=), recorded under `group`."""
            self.client.post(
                path,
                name=group,
                headers=self.headers(accept),
                context={"path": path, "expected": expected},
                **kw,
            )

        def pick(self, kind: str) -> str:
            """A random known id of `kind`."""
            return quote(random.choice(_IDS[kind]), safe="")

    class Visitor(_Client):
        """Someone looking for partners, examples and tools, in French."""

        weight = int(os.environ.get("LOAD_WEIGHT_VISITOR", "45"))

        @task(10)
        def home(self) -> None:  # noqa: D102
            self.get("page: home", "/")

        @task(12)
        def search_page(self) -> None:  # noqa: D102
            q = quote(random.choice(SEARCHES))
            self.get("page: search", f"/recherche?q={q}{random.choice(FACETS)}")

        @task(6)
        def search_api(self) -> None:  # noqa: D102
            q = quote(random.choice(SEARCHES))
            self.get("api: search", f"/api/search?q={q}{random.choice(FACETS)}", "application/json")

        @task(3)
        def suggest_api(self) -> None:  # noqa: D102
            kind = random.choice(["", "&kind=territory"])
            self.get(
                "api: suggest",
                f"/api/suggest?q={quote(random.choice(SUGGESTS))}{kind}",
                "application/json",
            )

        @task(8)
        def actor(self) -> None:  # noqa: D102
            self.get("page: actor", f"/actor/{self.pick('actor')}")

        @task(6)
        def alliance(self) -> None:  # noqa: D102
            self.get("page: alliance", f"/alliance/{self.pick('alliance')}")

        @task(5)
        def territory(self) -> None:  # noqa: D102
            self.get("page: territory", f"/territoire/{random.choice(TERRITORIES)}")

        @task(3)
        def sdg(self) -> None:  # noqa: D102
            self.get("page: SDG", f"/sdg/{random.choice(SDGS)}")

        @task(4)
        def partner_finder(self) -> None:  # noqa: D102
            q = urlencode(
                {
                    "needs": random.choice(COMPETENCES),
                    "type": random.choice(TYPES),
                    "territory": random.choice(PLACES),
                }
            )
            self.get("page: partner finder", f"/partenaires?{q}")

        @task(3)
        def partners_api(self) -> None:  # noqa: D102
            body = {
                "type": random.choice(TYPES),
                "territory": random.choice(PLACES),
                "needs": random.sample(COMPETENCES, 2),
                "offers": [random.choice(COMPETENCES)],
                "sdgs": [random.choice(SDGS)],
                "limit": 10,
            }
            self.post("api: partners", "/api/partners", json=body)

        @task(2)
        def actor_partners_api(self) -> None:  # noqa: D102
            self.get(
                "api: partners", f"/api/actors/{self.pick('actor')}/partners", "application/json"
            )

        @task(3)
        def examples_page(self) -> None:  # noqa: D102
            q = urlencode({"idea": random.choice(IDEAS)})
            self.get("page: analogues (examples)", f"/exemples?{q}")

        @task(2)
        def analogues_api(self) -> None:  # noqa: D102
            if random.random() < 0.5:
                self.get(
                    "api: analogues",
                    f"/api/alliances/{self.pick('alliance')}/analogues",
                    "application/json",
                )
            else:
                q = urlencode({"text": random.choice(IDEAS), "territory": random.choice(PLACES)})
                self.get("api: analogues", f"/api/analogues?{q}", "application/json")

        @task(2)
        def sdg_suggest(self) -> None:  # noqa: D102
            self.post("api: SDG suggest", "/api/sdg-suggest", json={"text": random.choice(IDEAS)})

        @task(2)
        def tools(self) -> None:  # noqa: D102
            self.get("page: tools panorama", "/outils")

        @task(2)
        def tool(self) -> None:  # noqa: D102
            self.get("page: tool", f"/tool/{self.pick('tool')}")

        @task(1)
        def self_assessment(self) -> None:  # noqa: D102
            self.get("page: self-assessment", "/ou-en-etes-vous")

        @task(1)
        def map_and_about(self) -> None:  # noqa: D102
            self.get(
                "page: map, SDG index, about", random.choice(["/territoires", "/odd", "/a-propos"])
            )

    class Researcher(_Client):
        """A researcher in the SPARQL editor, running its examples."""

        weight = int(os.environ.get("LOAD_WEIGHT_RESEARCHER", "4"))

        @task(1)
        def editor(self) -> None:  # noqa: D102
            self.get("page: SPARQL editor", "/sparql")

        @task(5)
        def example(self) -> None:  # noqa: D102
            name, query = random.choice(_EXAMPLES)
            self.post(
                f"sparql example: {name}",
                "/sparql",
                SPARQL_ACCEPT,
                data={"query": query},
                expected=frozenset({200}),
            )

    class Attacker(_Client):
        """Someone sending hostile SPARQL, expecting to take the endpoint down."""

        weight = int(os.environ.get("LOAD_WEIGHT_ATTACKER", "1"))

        @task
        def hostile(self) -> None:  # noqa: D102
            name, (query, expected) = random.choice(list(HOSTILE.items()))
            self.post(
                f"sparql hostile: {name}",
                "/sparql",
                SPARQL_ACCEPT,
                data={"query": query},
                expected=expected,
            )

    class Saturation(Visitor):
        """The visitor mix without think time, a new client address per request."""

        weight = 1
        wait_time = constant(0)

        def headers(self, accept: str = "text/html") -> dict[str, str]:  # noqa: D102
            self.address = (
                f"127.{random.randrange(1, 200)}.{random.randrange(256)}.{random.randrange(1, 255)}"
            )
            return super().headers(accept)


# ---------------------------------------------------------------------------------------------
# The driver: build or reuse the instance, serve, warm, run locust, sample memory, report
# ---------------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values` (ms); 0 when empty."""
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))]


def family(group: str) -> str:
    """The route family of a request group: `page`, `api`, `sparql example`, `sparql hostile`."""
    return group.split(":", 1)[0]


def summarise(record: dict[str, Any]) -> dict[str, Any]:
    """Per group and per family: requests, p50/p95/max (ms), statuses, 429s, 5xx, deadline
    503s, unexpected answers; the throughput of the whole run (requests/s)."""

    def row(times: list[float], statuses: dict[str, int], name: str, names: list[str]) -> dict:
        s5 = sum(n for code, n in statuses.items() if code.startswith("5"))
        deadline = sum(record.get("deadline", {}).get(g, 0) for g in names)
        return {
            "group": name,
            "requests": len(times),
            "p50_ms": percentile(times, 50),
            "p95_ms": percentile(times, 95),
            "max_ms": max(times, default=0.0),
            "statuses": statuses,
            "429": statuses.get("429", 0),
            "5xx": s5,
            "deadline_503": deadline,
            "unexpected": sum(record.get("unexpected_count", {}).get(g, 0) for g in names),
            "goal_p95_ms": GOALS.get(family(name)) if ":" in name or name in GOALS else None,
        }

    groups = {}
    for name, times in sorted(record["groups"].items()):
        groups[name] = row(times, record["statuses"].get(name, {}), name, [name])
    families: dict[str, dict[str, Any]] = {}
    for fam in sorted({family(g) for g in groups}):
        names = [g for g in groups if family(g) == fam]
        times = [t for g in names for t in record["groups"][g]]
        statuses: dict[str, int] = {}
        for g in names:
            for code, n in record["statuses"].get(g, {}).items():
                statuses[code] = statuses.get(code, 0) + n
        families[fam] = row(times, statuses, fam, names)
        families[fam]["goal_p95_ms"] = GOALS.get(fam)
    total = sum(r["requests"] for r in groups.values())
    wall = max(1e-9, record.get("t1", 0) - record.get("t0", 0))
    return {
        "groups": groups,
        "families": families,
        "requests": total,
        "seconds": wall,
        "rps": total / wall,
        "unexpected": record.get("unexpected", []),
    }


def table(rows: list[dict[str, Any]]) -> str:
    """Markdown table of summarised rows."""
    out = [
        "| route group | requests | p50 (ms) | p95 (ms) | goal p95 | max (ms) | 429 | 5xx "
        "(deadline 503) | unexpected |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        goal = r["goal_p95_ms"]
        mark = "" if goal is None else (" ✓" if r["p95_ms"] <= goal else " ✗")
        goal_s = "—" if goal is None else f"< {goal:.0f} ms{mark}"
        out.append(
            f"| {r['group']} | {r['requests']} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | "
            f"{goal_s} | {r['max_ms']:.0f} | {r['429']} | {r['5xx']} "
            f"({r['deadline_503']}) | {r['unexpected']} |"
        )
    return "\n".join(out)


def tree_rss(pid: int) -> tuple[float, int]:
    """Resident memory (MB) of process `pid` and all its descendants, and how many (Linux)."""
    parents: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                parents[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    pids, frontier = {pid}, [pid]
    while frontier:
        p = frontier.pop()
        for child, parent in parents.items():
            if parent == p and child not in pids:
                pids.add(child)
                frontier.append(child)
    total = 0.0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total, len(pids)


class MemorySampler:
    """A thread sampling `tree_rss(pid)` every `every` seconds: (seconds, MB, processes)."""

    def __init__(self, pid: int, every: float) -> None:
        import threading

        self.pid, self.every = pid, every
        self.samples: list[tuple[float, float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._t0 = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(10)

    def _run(self) -> None:
        while not self._stop.is_set():
            mb, n = tree_rss(self.pid)
            self.samples.append((time.monotonic() - self._t0, mb, n))
            self._stop.wait(self.every)

    def verdict(self) -> dict[str, Any]:
        """Start, peak, end (MB), least-squares slope (MB/min) over the second half of the run
        (the first half fills the per-version caches of every worker and starts the SPARQL
        query processes) and whether memory is stable: growth over that half under 5 % of its
        first value."""
        if len(self.samples) < 6:
            return {"samples": len(self.samples)}
        half = self.samples[len(self.samples) // 2 :]
        ts = [s[0] for s in half]
        ms = [s[1] for s in half]
        mt, mm = sum(ts) / len(ts), sum(ms) / len(ms)
        var = sum((t - mt) ** 2 for t in ts) or 1e-9
        slope = sum((t - mt) * (m - mm) for t, m in zip(ts, ms, strict=True)) / var * 60
        growth = slope * (ts[-1] - ts[0]) / 60
        every = [s[1] for s in self.samples]
        return {
            "samples": len(every),
            "start_mb": every[0],
            "half_mb": ms[0],
            "peak_mb": max(every),
            "end_mb": every[-1],
            "slope_mb_per_min": slope,
            "growth_mb": growth,
            "processes": self.samples[-1][2],
            "stable": growth < 0.05 * ms[0],
        }


def serve_features() -> set[str]:
    """Which of `--workers` and `--production` this checkout's `alliances serve` has."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "webui.cli", "serve", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    return {opt for opt in ("--workers", "--production") if opt in out}


def cache_key(actors: int, backend: str) -> str:
    """Name of the cached instance (its bundled data is refreshed at each reuse, see
    `refresh`)."""
    return f"load-{actors}-{backend}"


def refresh(home: Path, backend: str) -> list[str]:
    """Bring a cached instance's vocabularies and bundled data (demo, real open data) up to
    date: `Instance.init` writes only the sources whose files changed since the cache was
    built (each import is idempotent), and the search index follows. Returns what changed."""
    import sys

    sys.path.insert(0, str(ROOT))
    from webui.instance import Instance

    before: dict[str, str | None] = {}
    inst = Instance.open({"HOME": str(home), "SEARCH_BACKEND": backend})
    try:
        sources = {g.source for g in inst.store.graphs()}
        before = {src: inst.store.source_checksum(src) for src in sources}
        inst.init(demo=True)
        after = {g.source for g in inst.store.graphs()}
        return sorted(
            src
            for src in after
            if src not in before or inst.store.source_checksum(src) != before[src]
        )
    finally:
        inst.close()


def build(home: Path, actors: int, backend: str) -> None:
    """Vocabularies, the bundled data (demo and real open data) and `actors` synthetic actors
    (`bench/sparql.py`) in a new instance at `home` (built beside it, renamed when complete)."""
    import importlib.util
    import shutil
    import sys

    sys.path.insert(0, str(ROOT))
    from graph.store import Write
    from webui.instance import Instance

    spec = importlib.util.spec_from_file_location("bench_sparql", ROOT / "bench" / "sparql.py")
    assert spec and spec.loader
    sb = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sb)
    part = home.with_name(home.name + ".partial")
    shutil.rmtree(part, ignore_errors=True)
    part.parent.mkdir(parents=True, exist_ok=True)
    inst = Instance.open({"HOME": str(part), "SEARCH_BACKEND": backend})
    try:
        inst.init(demo=True)
        if actors:
            inst.store.write(
                Write(source="bench-synthetic", triples=sb.synthetic(inst.base, actors))
            )
    finally:
        inst.close()
    part.rename(home)


def examples_report(home: Path, runs: int, timeout: float, backend: str) -> int:
    """`bench/sparql_examples.py` on the instance at `home`: each example of the SPARQL editor
    before and after its rewriting, timed in a query process; prints the table, returns its exit
    status (0: every example under 1 s with the same answer). Run as a child process: its query
    processes are spawned, and a spawned child imports this file, locust (and gevent's
    patches) with it."""
    import subprocess
    import sys

    cmd = [sys.executable, str(ROOT / "bench" / "sparql_examples.py"), "--home", str(home)]
    cmd += ["--runs", str(runs), "--timeout", str(timeout), "--search-backend", backend]
    return subprocess.run(cmd, cwd=ROOT, check=False).returncode


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`alliances serve` on an instance, on a free loopback port, its log in `log`."""

    def __init__(self, home: Path, backend: str, args: list[str], log: Path) -> None:
        import subprocess
        import sys

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(
            os.environ,
            ALLIANCES_HOME=str(home),
            ALLIANCES_SEARCH_BACKEND=backend,
            ALLIANCES_TRUSTED_PROXIES="1",
        )
        self.args = args
        self._log = open(log, "ab")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "webui.cli",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                *args,
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=self._log,
        )

    def wait(self, timeout: float = 1800) -> float:
        """Seconds until the server answers `/a-propos`."""
        import requests

        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                raise SystemExit(f"server {self.args} exited with {self.proc.returncode}")
            try:
                requests.get(f"{self.url}/a-propos", timeout=5)
                return time.monotonic() - t0
            except requests.RequestException:
                time.sleep(0.5)
        raise SystemExit(f"server {self.args} did not answer in {timeout:.0f} s")

    def wait_quiet(self, share: float = 0.15, window: float = 5.0, timeout: float = 900) -> float:
        """Seconds until the server's processes (arbiter, workers, query processes) used less
        than `share` of one core over `window` seconds: each worker's warm-up thread
        (`webui/warmup.py`) builds the per-version caches in the background after start, and a
        run that began during it would measure the warm-up (at 100,000 actors, about a minute
        of CPU per worker: bench/README.md, « Derived caches »). CPU times from /proc (Linux)."""
        t0 = time.monotonic()
        ticks = os.sysconf("SC_CLK_TCK")
        before = _tree_cpu(self.proc.pid)
        while time.monotonic() - t0 < timeout:
            time.sleep(window)
            now = _tree_cpu(self.proc.pid)
            if (now - before) / ticks < share * window:
                return time.monotonic() - t0
            before = now
        return time.monotonic() - t0

    def workers(self) -> int:
        """Web worker processes: the children of gunicorn's arbiter (1 for waitress)."""
        kids = [
            d for d in Path("/proc").iterdir() if d.name.isdigit() and _ppid(d) == self.proc.pid
        ]
        return len(kids) or 1

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 30 s; the log is closed."""
        import subprocess

        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        self._log.close()


def _tree_cpu(pid: int) -> int:
    """User + system CPU time (clock ticks) of `pid` and its descendants still running (Linux)."""
    stats: dict[int, list[str]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stats[int(d.name)] = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
    pids, frontier = {pid}, [pid]
    while frontier:
        p = frontier.pop()
        for child, fields in stats.items():
            if fields[1] == str(p) and child not in pids:
                pids.add(child)
                frontier.append(child)
    # Fields after the name: state ppid … utime (index 11) stime (12), proc(5).
    return sum(int(stats[p][11]) + int(stats[p][12]) for p in pids if p in stats)


def _ppid(d: Path) -> int:
    try:
        return int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


def warm(url: str, ids: dict[str, list[str]], rounds: int) -> None:
    """Each kind of request `rounds` times on new connections (every worker builds its
    per-version caches: search, recommender tables, SDG suggester, map); slow first hits and
    errors are printed."""
    import requests

    paths = [
        "/",
        "/recherche?q=eau",
        f"/actor/{ids['actor'][0]}",
        f"/actor/{ids['actor'][-1]}",
        f"/alliance/{ids['alliance'][0]}",
        f"/tool/{ids['tool'][0]}",
        "/partenaires?needs=financement&territory=Lille",
        "/exemples?idea=Une+recyclerie",
        "/territoire/region/32",
        "/sdg/6",
        "/odd",
        "/outils",
        "/ou-en-etes-vous",
        "/territoires",
        "/sparql",
        "/api/search?q=eau",
        "/api/suggest?q=lil",
        f"/api/actors/{ids['actor'][0]}/partners",
        f"/api/alliances/{ids['alliance'][0]}/analogues",
    ]
    for n in range(rounds):
        for path in paths:
            t0 = time.monotonic()
            try:
                r = requests.get(
                    url + path,
                    timeout=600,
                    headers={"X-Forwarded-For": f"127.0.201.{n + 1}", "Connection": "close"},
                )
                status = r.status_code
            except requests.RequestException as exc:
                status, r = 0, None
                print(f"  warm-up {path}: {exc}", flush=True)
            dt = time.monotonic() - t0
            if status != 200 or dt > 2:
                print(f"  warm-up {path}: HTTP {status} in {dt:.1f} s", flush=True)


def run_locust(
    url: str,
    classes: list[str],
    users: int,
    seconds: float,
    spawn_rate: float,
    out: Path,
    env: dict[str, str],
) -> dict[str, Any]:
    """locust headless in a child process with this file; its record (see `_on_request`)."""
    import subprocess
    import sys

    record = out.with_suffix(".record.json")
    record.unlink(missing_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(Path(__file__).resolve()),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(spawn_rate),
        "--run-time",
        f"{max(1, int(seconds))}s",
        "--host",
        url,
        "--csv",
        str(out),
        "--only-summary",
        "--stop-timeout",
        "60",
        "--loglevel",
        "WARNING",
        *classes,
    ]
    full_env = dict(os.environ, LOAD_RECORD=str(record), **env)
    with open(out.with_suffix(".locust.log"), "wb") as log:
        subprocess.run(
            cmd, cwd=ROOT, env=full_env, stdout=log, stderr=log, timeout=seconds + 600, check=False
        )
    if not record.exists():
        raise SystemExit(f"locust wrote no record; see {out.with_suffix('.locust.log')}")
    return json.loads(record.read_text())  # type: ignore[no-any-return]


def main() -> None:
    """Build or reuse, serve, warm, run the mix with memory sampling, saturate, report."""
    import argparse
    import shutil
    import sys

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", help="a running server instead of one started here")
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--min-wait", type=float, default=1.0, help="think time, seconds")
    ap.add_argument("--max-wait", type=float, default=5.0, help="think time, seconds")
    ap.add_argument("--run-time", type=float, default=180.0, help="seconds")
    ap.add_argument("--spawn-rate", type=float, default=5.0, help="users started per second")
    ap.add_argument("--actors", type=int, default=100_000, help="synthetic actors (0: none)")
    ap.add_argument(
        "--synthetic-actors",
        type=int,
        default=None,
        help="with --url: how many synthetic ids the server has (a0…)",
    )
    ap.add_argument(
        "--backend",
        default="tantivy",
        choices=["whoosh", "tantivy"],
        help="search backend (tantivy: docs/search.md's advice at this size)",
    )
    ap.add_argument(
        "--workers",
        type=int,
        default=None,
        help="web workers of the measured server (default: serve --production)",
    )
    ap.add_argument("--sample-every", type=float, default=5.0, help="memory sampling, seconds")
    ap.add_argument("--saturation-seconds", type=float, default=30.0, help="0: skip")
    ap.add_argument("--saturation-users", type=int, default=16)
    ap.add_argument(
        "--cache-dir",
        type=Path,
        default=Path(os.environ.get("ALLIANCES_BENCH_CACHE", ROOT / "bench" / ".cache")),
    )
    ap.add_argument("--rebuild", action="store_true", help="rebuild the cached instance")
    ap.add_argument(
        "--out",
        type=Path,
        default=ROOT / "bench" / "out" / "load",
        help="folder for the record, locust's CSV and the server logs",
    )
    ap.add_argument("--json", type=Path, help="write the summary here")
    ap.add_argument(
        "--examples",
        action="store_true",
        help="instead of the load test: time the SPARQL editor's examples before and after "
        "their rewriting on the cached instance (bench/sparql_examples.py), no server",
    )
    ap.add_argument("--examples-runs", type=int, default=3, help="with --examples: runs (median)")
    ap.add_argument(
        "--examples-timeout", type=float, default=30.0, help="with --examples: seconds per query"
    )
    args = ap.parse_args()
    if args.examples and args.url:
        raise SystemExit("--examples runs on the cached instance: leave out --url")
    try:
        import locust  # noqa: F401
    except ImportError:
        raise SystemExit("locust is missing: pip install -e .[bench]") from None
    args.out.mkdir(parents=True, exist_ok=True)
    servers: list[Server] = []
    report: dict[str, Any] = {"args": {k: str(v) for k, v in vars(args).items()}}
    load0 = os.getloadavg()[0]
    try:
        ids_file = args.out / "ids.json"
        env = {
            "LOAD_MIN_WAIT": str(args.min_wait),
            "LOAD_MAX_WAIT": str(args.max_wait),
            "LOAD_IDS_FILE": str(ids_file),
        }
        if args.url:
            url, main_server = args.url.rstrip("/"), None
            env["LOAD_SYNTHETIC_ACTORS"] = str(args.synthetic_actors or 0)
        else:
            env["LOAD_SYNTHETIC_ACTORS"] = str(args.actors)
            home = args.cache_dir / cache_key(args.actors, args.backend)
            if args.rebuild:
                shutil.rmtree(home, ignore_errors=True)
            if not home.exists():
                t0 = time.monotonic()
                print(f"building {home} ({args.actors} synthetic actors)…", flush=True)
                build(home, args.actors, args.backend)
                print(f"  built in {time.monotonic() - t0:.0f} s", flush=True)
            else:
                t0 = time.monotonic()
                changed = refresh(home, args.backend)
                print(
                    f"reusing {home}; bundled data refreshed in {time.monotonic() - t0:.0f} s"
                    f" ({', '.join(changed) or 'nothing changed'})",
                    flush=True,
                )
            if args.examples:
                sys.exit(
                    examples_report(home, args.examples_runs, args.examples_timeout, args.backend)
                )
            features = serve_features()
            if args.workers and "--workers" in features:
                serve_args = ["--workers", str(args.workers)]
            elif "--production" in features:
                serve_args = ["--production"]
            else:
                serve_args = []
            main_server = Server(home, args.backend, serve_args, args.out / "server.log")
            servers.append(main_server)
            print(
                f"server {serve_args or '(one process)'} up in {main_server.wait():.0f} s",
                flush=True,
            )
            url = main_server.url
        ids = discover(url)
        ids_file.write_text(json.dumps(ids))
        print(
            "ids found by search: " + ", ".join(f"{len(v)} {k}" for k, v in ids.items()), flush=True
        )
        all_ids = {k: v + ids.get(k, []) for k, v in DEMO.items()}
        n_workers = main_server.workers() if main_server else 1
        t0 = time.monotonic()
        warm(url, all_ids, rounds=2 * n_workers)
        print(f"warmed {n_workers} worker(s) in {time.monotonic() - t0:.0f} s", flush=True)
        if main_server:
            quiet = main_server.wait_quiet()
            print(f"server quiet (background warm-up done) after {quiet:.0f} s more", flush=True)

        # -- the realistic run ------------------------------------------------------------------
        print(
            f"\nlocust: {args.users} users, think {args.min_wait:g}–{args.max_wait:g} s, "
            f"{args.run_time:g} s, load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        if main_server:
            with MemorySampler(main_server.proc.pid, args.sample_every) as mem:
                record = run_locust(
                    url,
                    ["Visitor", "Researcher", "Attacker"],
                    args.users,
                    args.run_time,
                    args.spawn_rate,
                    args.out / "mix",
                    env,
                )
            memory = mem.verdict()
            memory["series"] = [(round(t), round(m)) for t, m, _ in mem.samples]
        else:
            record = run_locust(
                url,
                ["Visitor", "Researcher", "Attacker"],
                args.users,
                args.run_time,
                args.spawn_rate,
                args.out / "mix",
                env,
            )
            memory = {}
        summary = summarise(record)
        report.update(
            mix=summary, memory=memory, workers=n_workers, load_average_during=os.getloadavg()[0]
        )
        print(
            f"\n{summary['requests']} requests in {summary['seconds']:.0f} s "
            f"({summary['rps']:.1f} requests/s), {n_workers} worker(s), "
            f"load average {load0:.1f} → {os.getloadavg()[0]:.1f}\n"
        )
        print(table(list(summary["families"].values())) + "\n")
        print(table(list(summary["groups"].values())) + "\n")
        for bad in summary["unexpected"][:20]:
            print(
                f"  unexpected: {bad['group']} HTTP {bad['status']} {bad['url']} "
                f"{bad['body'][:160]!r}"
            )
        if "stable" in memory:
            print(
                f"memory (RSS of {memory['processes']} processes): start "
                f"{memory['start_mb']:.0f} MB, mid-run {memory['half_mb']:.0f} MB, peak "
                f"{memory['peak_mb']:.0f} MB, end {memory['end_mb']:.0f} MB; second half "
                f"{memory['slope_mb_per_min']:+.1f} MB/min → "
                f"{'stable' if memory['stable'] else 'NOT stable'}",
                flush=True,
            )

        # -- saturation: one worker against several ---------------------------------------------
        if args.saturation_seconds > 0:
            sat_env = dict(env, LOAD_MIN_WAIT="0", LOAD_MAX_WAIT="0")
            targets: dict[str, str] = {}
            if main_server and n_workers > 1:
                one = Server(home, args.backend, ["--workers", "1"], args.out / "server-1.log")
                servers.append(one)
                print(f"\nserver --workers 1 up in {one.wait():.0f} s", flush=True)
                warm(one.url, all_ids, rounds=2)
                print(f"server --workers 1 quiet after {one.wait_quiet():.0f} s", flush=True)
                targets = {"1": one.url, str(n_workers): url}
            else:
                targets = {str(n_workers): url}
            order = list(targets) + list(targets)[::-1] if len(targets) > 1 else list(targets)
            sat: dict[str, list[dict[str, Any]]] = {k: [] for k in targets}
            for k in order:
                rec = run_locust(
                    targets[k],
                    ["Saturation"],
                    args.saturation_users,
                    args.saturation_seconds,
                    args.saturation_users,
                    args.out / f"saturation-{k}-{len(sat[k])}",
                    sat_env,
                )
                s = summarise(rec)
                sat[k].append(s)
                five = sum(r["5xx"] for r in s["families"].values())
                print(
                    f"saturation, {k} worker(s): {s['rps']:.1f} requests/s, p95 "
                    f"{percentile([t for v in rec['groups'].values() for t in v], 95):.0f} ms, "
                    f"5xx {five}, 429 {sum(r['429'] for r in s['families'].values())}, "
                    f"load average {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
            rps = {k: sum(s["rps"] for s in v) / len(v) for k, v in sat.items()}
            report["saturation"] = {
                "users": args.saturation_users,
                "rps": rps,
                "runs": {k: [s["rps"] for s in v] for k, v in sat.items()},
            }
            if len(rps) > 1:
                many = max(rps, key=int)
                ratio = rps[many] / rps["1"]
                report["saturation"]["ratio"] = ratio
                print(
                    f"saturation throughput: 1 worker {rps['1']:.1f} requests/s, {many} "
                    f"workers {rps[many]:.1f} requests/s, ratio {ratio:.2f}",
                    flush=True,
                )
        report["load_average_end"] = os.getloadavg()[0]
        report["cores"] = os.cpu_count()
        if args.json:
            args.json.write_text(json.dumps(report, indent=1, default=str))
        unexpected = sum(r["unexpected"] for r in summary["families"].values())
        sys.exit(1 if unexpected else 0)
    finally:
        for server in servers:
            server.stop()


if __name__ == "__main__":
    main()
