"""`alliances serve --production --workers 2` (gunicorn) serves pages and /sparql while
`alliances import` runs in another process: no request fails, no reader sees half of the import,
every worker moves to the new version, both workers then give the same search and partner
answers (index and analytics caches without drift), and the snapshots no worker reads any more
are collected."""

from __future__ import annotations

import csv
import http.client
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from graph.store.snapshots import Checkpoints

from .store_servers import free_port

ACTORS = 120
HEADER = "Alliances-Graph-Version"
COUNT = (
    "SELECT (COUNT(?a) AS ?n) WHERE { ?a a <http://www.w3.org/ns/org#FormalOrganization> "
    'FILTER(STRSTARTS(STR(?a), "https://w3id.org/alliances/id/actor/imp-")) }'
)


@dataclass
class Served:
    """A running `alliances serve` and its instance folder."""

    url: str
    home: Path
    env: dict[str, str]
    process: subprocess.Popen[bytes]
    log: Path = field(default_factory=Path)


@pytest.fixture
def served(demo_home: Path, tmp_path: Path) -> Iterator[Served]:
    """`alliances serve --workers 2` on a copy of the demo instance."""
    home = tmp_path / "instance"
    shutil.copytree(demo_home, home)
    port = free_port()
    env = {
        **os.environ,
        "ALLIANCES_HOME": str(home),
        "ALLIANCES_SPARQL_MAX_CONCURRENT": "32",  # every test client is 127.0.0.1
        "ALLIANCES_SPARQL_TIMEOUT": "30",
    }
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "webui.cli",
                "serve",
                "--production",
                "--workers",
                "2",
                "--threads",
                "4",
                "--port",
                str(port),
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    served = Served(url, home, env, proc, log)
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                if requests.get(f"{url}/a-propos", timeout=10).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
        yield served
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@dataclass
class Seen:
    """One response a reader got."""

    path: str
    status: int
    version: int
    value: int | None = None


def _read(url: str, stop: threading.Event, seen: list[Seen], failures: list[str]) -> None:
    """Request a page, an actor of the import, and the count of imported actors, in turn."""
    s = requests.Session()
    while not stop.is_set():
        try:
            r = s.post(
                f"{url}/sparql",
                data={"query": COUNT},
                headers={"Accept": "application/sparql-results+json"},
                timeout=60,
            )
            n = int(r.json()["results"]["bindings"][0]["n"]["value"]) if r.ok else None
            seen.append(Seen("/sparql", r.status_code, int(r.headers[HEADER]), n))
            for path in ("/actor/imp-7", "/", "/recherche?q=eau"):
                r = s.get(f"{url}{path}", timeout=60)
                seen.append(Seen(path, r.status_code, int(r.headers[HEADER])))
        except (requests.RequestException, KeyError, ValueError) as exc:
            failures.append(repr(exc))


def _actors(folder: Path) -> Path:
    folder.mkdir()
    with (folder / "actors.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "name", "type", "territory", "sdgs"])
        w.writeheader()
        for i in range(ACTORS):
            w.writerow(
                {
                    "id": f"imp-{i}",
                    "name": f"Acteur importé {i}",
                    "type": "association",
                    "territory": "commune:59350",
                    "sdgs": "2",
                }
            )
    return folder


@pytest.mark.slow
def test_import_while_two_workers_serve(served: Served, tmp_path: Path) -> None:
    before = int(requests.get(f"{served.url}/a-propos", timeout=30).headers[HEADER])
    seen: list[Seen] = []
    failures: list[str] = []
    stop = threading.Event()
    readers = [
        threading.Thread(target=_read, args=(served.url, stop, seen, failures)) for _ in range(4)
    ]
    for t in readers:
        t.start()
    try:
        time.sleep(2)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "webui.cli",
                "import",
                str(_actors(tmp_path / "set")),
                "--source",
                "imp",
            ],
            env=served.env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        after = before + 1
        assert f"version {after}" in done.stdout
        end = time.monotonic() + 60  # readers go on until they have seen the new version
        while not any(x.version == after for x in seen) and time.monotonic() < end:
            time.sleep(0.2)
        time.sleep(1)
    finally:
        stop.set()
        for t in readers:
            t.join(120)

    assert not failures, failures[:5]
    assert {x.version for x in seen} == {before, after}
    for x in seen:
        imported = x.version == after
        if x.path == "/sparql":  # all of the import or nothing of it, as the version says
            assert x.status == 200 and x.value == (ACTORS if imported else 0), x
        elif x.path == "/actor/imp-7":
            assert x.status == (200 if imported else 404), x
        else:
            assert x.status == 200, x

    # Every worker (and query worker) leaves the old snapshot, which is then collected.
    snapshots = Checkpoints(served.home / "snapshots")
    end = time.monotonic() + 60
    while len(snapshots.names()) > 1 and time.monotonic() < end:
        time.sleep(0.3)
    assert snapshots.names() == [snapshots.current()], snapshots.names()
    assert snapshots.current_version() == after
    # …and every request, on new connections spread over both workers, sees the import.
    for _ in range(12):
        r = requests.post(
            f"{served.url}/sparql",
            data={"query": COUNT},
            headers={"Accept": "application/sparql-results+json", "Connection": "close"},
            timeout=60,
        )
        assert int(r.headers[HEADER]) == after
        assert r.json()["results"]["bindings"][0]["n"]["value"] == str(ACTORS)
    # Both workers give the same answers from their own caches: the search index they all
    # read, and the partner recommendations each rebuilt for the new version.
    answers = _answers_per_worker(served)
    assert len(answers) == 2, answers.keys()
    first, second = answers.values()
    assert first == second
    version, search, partners = first
    assert version == after
    assert search["total"] >= ACTORS  # « Acteur importé N » are all found
    assert partners["results"], partners

    # --production: the secret key every worker signs with was generated once, kept private.
    key = served.home / "secret_key"
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_text().strip()) == 64

    # SIGTERM stops the server and every worker (none left hanging on the store's threads).
    workers = _children(served.process.pid)
    assert len(workers) >= 2
    served.process.terminate()
    assert served.process.wait(60) == 0
    end = time.monotonic() + 30
    while [pid for pid in workers if _alive(pid)] and time.monotonic() < end:
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)], served.log.read_text()[-2000:]


def _alive(pid: int) -> bool:
    """Whether process `pid` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (from /proc)."""
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


def _worker_answering(master: int, conn: http.client.HTTPConnection) -> int | None:
    """The gunicorn worker holding the server side of the open connection `conn` (matched
    by ports in /proc/net/tcp, then by socket inode in the workers' /proc/PID/fd)."""
    here, there = conn.sock.getsockname()[1], conn.sock.getpeername()[1]
    inode = None
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        f = line.split()
        if int(f[1].split(":")[1], 16) == there and int(f[2].split(":")[1], 16) == here:
            inode = f[9]
    for pid in _children(master):
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(fd) == f"socket:[{inode}]":
                    return pid
            except OSError:
                continue
    return None


def _answers_per_worker(served: Served) -> dict[int, tuple[int, object, object]]:
    """(version, search JSON, partners JSON) from each worker, on new keep-alive connections
    until both workers have answered (a worker takes each new connection it accepts first)."""
    port = int(served.url.rsplit(":", 1)[1])
    found: dict[int, tuple[int, object, object]] = {}
    for _ in range(60):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            conn.request("GET", "/api/search?q=import%C3%A9&limit=20")
            r = conn.getresponse()
            search = json.loads(r.read())
            version = int(r.headers[HEADER])
            pid = _worker_answering(served.process.pid, conn)
            conn.request("GET", "/api/actors/imp-7/partners?limit=10")
            partners = json.loads(conn.getresponse().read())
        finally:
            conn.close()
        if pid is not None:
            found.setdefault(pid, (version, search, partners))
        if len(found) == 2:
            break
    return found


def test_production_refuses_the_debugger() -> None:
    from click.testing import CliRunner

    from webui.cli import main

    result = CliRunner().invoke(main, ["serve", "--production", "--debug"])
    assert result.exit_code == 2
    assert "--production" in result.output and "débogueur" in result.output


def test_serve_says_when_the_port_is_taken(tmp_path: Path) -> None:
    """A port another process listens on: one clear message in both languages naming --port,
    before any work and without the « Alliances sur … » line of a server that started."""
    import socket

    from click.testing import CliRunner

    from webui.cli import main
    from webui.serving import port_in_use

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert port_in_use("127.0.0.1", port)
        result = CliRunner().invoke(
            main,
            ["serve", "--port", str(port)],
            env={"ALLIANCES_HOME": str(tmp_path / "instance")},
        )
    assert result.exit_code == 1, result.output
    assert "déjà utilisé" in result.output and "already in use" in result.output
    assert "--port" in result.output and "Alliances sur" not in result.output
    assert not (tmp_path / "instance" / "store").exists()  # nothing was prepared
    assert not port_in_use("127.0.0.1", port)  # free again once closed


def test_production_workers_follow_the_cores() -> None:
    from webui.serving import default_workers, gunicorn_options

    cores = len(os.sched_getaffinity(0))
    assert default_workers() == max(2, min(8, cores))
    options = gunicorn_options("127.0.0.1", 5000, 3, 8, production=True)
    assert options["workers"] == 3 and options["worker_class"] == "gthread"
    assert options["max_requests"] > 0


def test_prepare_apart_reports_the_childs_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`serve` prepares the instance in a child process; its error (or death) reaches the
    command as an AlliancesError with both languages."""
    from graph.errors import AlliancesError, ConfigError
    from webui import serving, settings

    config = settings.load({"HOME": str(tmp_path)})

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ConfigError("bad setting", message_fr="réglage erroné")

    monkeypatch.setattr(serving, "prepare", refuse)
    with pytest.raises(ConfigError) as refused:
        serving.prepare_apart(config, say=lambda _m: None)
    assert refused.value.message_fr == "réglage erroné"

    monkeypatch.setattr(serving, "prepare", lambda *_a, **_k: os._exit(3))
    with pytest.raises(AlliancesError, match="exit code 3") as died:
        serving.prepare_apart(config, say=lambda _m: None)
    assert "code de sortie 3" in died.value.message_fr


def test_prepare_says_when_the_vocabularies_are_out_of_date(
    monkeypatch: pytest.MonkeyPatch, demo_home: Path, tmp_path: Path
) -> None:
    """An instance made before a vocabulary's build changed (e.g. build 1 added
    skos:broaderTransitive, which the SPARQL examples use): `serve` says to run `init`."""
    import dataclasses

    from graph import vocabularies
    from webui import serving, settings

    home = tmp_path / "instance"
    shutil.copytree(demo_home, home)
    config = settings.load({"HOME": str(home)})
    said: list[str] = []
    serving.prepare(config, say=said.append)
    assert said == []  # current vocabularies: nothing to say

    newer = tuple(
        dataclasses.replace(v, build=v.build + 1) if v.source == "vocabulary-territories" else v
        for v in vocabularies.VOCABULARIES
    )
    monkeypatch.setattr(vocabularies, "VOCABULARIES", newer)
    serving.prepare(config, say=said.append)
    assert len(said) == 1
    assert "vocabulary-territories" in said[0] and "alliances init" in said[0]
