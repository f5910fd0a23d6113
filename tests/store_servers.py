"""SPARQL servers started on loopback for the store contract suite, the remote app tests and
bench/store.py: Oxigraph server (PyPI `oxigraph`) and Virtuoso Open Source (Debian
`virtuoso-opensource`). Each runs in its own temporary folder on free ports and is stopped by
its owner; `reset` removes what the application wrote (Virtuoso's own graphs are kept).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from graph.store.protocol import Credentials, Endpoints, SparqlClient
from graph.store.publication import SYSTEM_TRIPLES
from graph.store.sparql import SparqlStore
from ontology.namespaces import SYSTEM_GRAPH

#: Virtuoso's administrator, as its Debian package creates it (loopback only).
VIRTUOSO_DBA = ("dba", "dba")


class Unavailable(Exception):
    """The server's program is not installed here (the reason says how to install it)."""


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running SPARQL server: its kind, endpoints and process."""

    kind: str
    endpoints: Endpoints
    process: subprocess.Popen[bytes]
    folder: Path
    auth_endpoints: Endpoints | None = None
    log: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def settings(self, **more: Any) -> dict[str, Any]:
        """Instance settings (overrides) selecting this server as the store."""
        out: dict[str, Any] = {
            "STORE": "sparql",
            "SPARQL_QUERY_URL": self.endpoints.query,
            "SPARQL_UPDATE_URL": self.endpoints.update,
            "SPARQL_GSP_URL": self.endpoints.gsp or "",
        }
        out.update(more)
        return out

    def env(self) -> dict[str, str]:
        """The same settings as ALLIANCES_* environment variables (for the CLI)."""
        return {f"ALLIANCES_{k}": str(v) for k, v in self.settings().items()}

    def store(self, base: str, **kwargs: Any) -> SparqlStore:
        """A store on this server."""
        return SparqlStore(SparqlClient(self.endpoints, retries=0), base=base, **kwargs)

    def client(self) -> SparqlClient:
        """A client for direct checks (no dataset restriction)."""
        return SparqlClient(self.endpoints, retries=0)

    def named_graphs(self) -> set[str]:
        """Every named graph on the server that the application may have written."""
        c = self.client()
        try:
            resp = c.query(
                "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                accept="application/sparql-results+json",
            )
            rows = resp.json()["results"]["bindings"]
        finally:
            c.close()
        return {r["g"]["value"] for r in rows if _ours(r["g"]["value"])}

    def reset(self) -> None:
        """Drop every graph the application wrote: those its system graph names (published,
        being filled or retired), then the system graph itself."""
        c = self.client()
        try:
            resp = c.query(SYSTEM_TRIPLES, accept="application/sparql-results+json")
            rows = resp.json()["results"]["bindings"]
            graphs = {
                r[k]["value"]
                for r in rows
                for k in ("s", "o")
                if r[k]["type"] == "uri" and _ours(r[k]["value"])
            }
            for g in graphs | {str(SYSTEM_GRAPH)}:
                c.update(f"DROP SILENT GRAPH <{g}>")
        finally:
            c.close()

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        shutil.rmtree(self.folder, ignore_errors=True)


def _ours(graph: str) -> bool:
    return graph.startswith(("urn:x-alliances:", "https://w3id.org/alliances/", "http://test/"))


def _wait(url: str, process: subprocess.Popen[bytes], seconds: float, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped at start-up:\n{log.read_text()[-2000:]}")
        try:
            r = requests.get(url, params={"query": "ASK {}"}, timeout=2)
            if r.status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    process.kill()
    raise RuntimeError(
        f"the server did not answer within {seconds:g} s:\n{log.read_text()[-2000:]}"
    )


def oxigraph_binary() -> str:
    """The `oxigraph` server program (PyPI package `oxigraph`), or Unavailable."""
    found = shutil.which("oxigraph") or shutil.which(
        "oxigraph", path=str(Path(sys.executable).parent)
    )
    if not found:
        raise Unavailable("the Oxigraph server program is not installed (pip install oxigraph)")
    return found


def start_oxigraph(folder: Path) -> Server:
    """`oxigraph serve` on a free loopback port, data in `folder`."""
    binary = oxigraph_binary()
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = folder / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [binary, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    _wait(f"{url}/query", proc, 60, log)
    return Server(
        "oxigraph-server",
        Endpoints(f"{url}/query", f"{url}/update", f"{url}/store"),
        proc,
        folder,
        log=log,
    )


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = ., {d}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
MaxQueryMem = 1G
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {vsp}
ServerThreads = 8
MaxClientConnections = 8
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 100000000
MaxQueryCostEstimationTime = 3600
MaxQueryExecutionTime = 3600
"""

#: SQL run once at start: anonymous SPARQL update and Graph Store Protocol writes, on loopback.
VIRTUOSO_GRANTS = (
    'GRANT SPARQL_UPDATE TO "SPARQL"; '
    "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7); "
    "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('dba', 15);"
)


def virtuoso_binaries() -> tuple[str, str]:
    """`virtuoso-t` and `isql-vt` (Debian `virtuoso-opensource`), or Unavailable."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if not server or not isql:
        raise Unavailable(
            "Virtuoso Open Source is not installed (apt-get install virtuoso-opensource)"
        )
    return server, isql


def start_virtuoso(folder: Path, *, buffers: int = 20_000) -> Server:
    """`virtuoso-t` on free loopback ports with a new database in `folder`, SPARQL update and
    the Graph Store Protocol open to anonymous clients, `/sparql-auth` for the dba (digest).
    `buffers` are 8 KB pages of cache (Virtuoso's guide: about 2/3 of the memory given)."""
    server, isql = virtuoso_binaries()
    folder.mkdir(parents=True, exist_ok=True)
    vsp = Path("/var/lib/virtuoso-opensource-7/vsp")
    if not vsp.is_dir():
        (folder / "vsp").mkdir(exist_ok=True)
        vsp = folder / "vsp"
    sql, http = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(
        VIRTUOSO_INI.format(
            d=folder, sql=sql, http=http, vsp=vsp, buffers=buffers, dirty=buffers * 3 // 4
        )
    )
    log = folder / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [server, "+foreground", "+configfile", str(folder / "virtuoso.ini")],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=folder,
        )
    url = f"http://127.0.0.1:{http}"
    _wait(f"{url}/sparql", proc, 120, log)
    user, password = VIRTUOSO_DBA
    done = subprocess.run(
        [isql, f"127.0.0.1:{sql}", user, password, f"exec={VIRTUOSO_GRANTS}"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    if done.returncode != 0:
        proc.kill()
        raise RuntimeError(f"isql failed: {done.stdout.decode()} {done.stderr.decode()}")
    return Server(
        "virtuoso",
        Endpoints(f"{url}/sparql", f"{url}/sparql", f"{url}/sparql-graph-crud"),
        proc,
        folder,
        log=log,
        auth_endpoints=Endpoints(
            f"{url}/sparql-auth", f"{url}/sparql-auth", f"{url}/sparql-graph-crud-auth"
        ),
        extra={"credentials": Credentials(user, password, "digest"), "sql_port": sql},
    )


STARTERS = {"oxigraph-server": start_oxigraph, "virtuoso": start_virtuoso}


def start(kind: str, folder: Path) -> Server:
    """Start a server of `kind` (`oxigraph-server` or `virtuoso`)."""
    return STARTERS[kind](folder)


def must_run() -> bool:
    """Whether a missing server fails instead of skipping (in CI, where .ci/run installs them)."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
