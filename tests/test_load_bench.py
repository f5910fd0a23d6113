"""The load test's parts on the demo instance: forwarded client addresses through the real
server, and bench/load.py's locust users for a few seconds (so the script cannot rot)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from ._publishing import live_server, open_instance

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def proxied_server(demo_home: Path, tmp_path: Path) -> Iterator[str]:
    """`alliances serve` (the real production server) on a copy of the demo instance, behind
    one trusted proxy, with 3 searches a minute per client."""
    home = tmp_path / "instance"
    shutil.copytree(demo_home, home)
    port = _free_port()
    env = dict(
        os.environ,
        ALLIANCES_HOME=str(home),
        ALLIANCES_TRUSTED_PROXIES="1",
        ALLIANCES_RATE_LIMITS="on",
        ALLIANCES_RATE_LIMIT_SEARCH="3 per minute",
    )
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "webui.cli", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                requests.get(f"{url}/a-propos", timeout=5)
                break
            except requests.RequestException:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError((tmp_path / "serve.log").read_text()) from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()


def test_each_forwarded_client_has_its_own_rate_limit(proxied_server: str) -> None:
    """Behind a trusted proxy, visitors are told apart by X-Forwarded-For through the real
    server (waitress dropped the header before), so one visitor's 429 leaves others alone."""

    def search(address: str) -> int:
        return requests.get(
            f"{proxied_server}/api/search",
            params={"q": "eau"},
            timeout=60,
            headers={"X-Forwarded-For": address},
        ).status_code

    assert [search("127.9.0.1") for _ in range(3)] == [200, 200, 200]
    assert search("127.9.0.1") == 429
    assert search("127.9.0.2") == 200


@pytest.mark.slow
def test_load_users_run_against_a_server(demo_home: Path, tmp_path: Path) -> None:
    """bench/load.py's visitors, researchers and attackers for 10 s against the demo app behind
    a trusted proxy with the default rate limits: every route family answered, no unexpected
    answer (no 5xx; hostile SPARQL refused or stopped by the deadline), no client throttled."""
    from webui.app import create_app

    inst = open_instance(
        demo_home, tmp_path, TRUSTED_PROXIES=1, RATE_LIMITS=True, SPARQL_TIMEOUT=10.0
    )
    app = create_app(instance=inst)
    out = tmp_path / "out"
    env = dict(
        os.environ, LOAD_WEIGHT_VISITOR="3", LOAD_WEIGHT_RESEARCHER="2", LOAD_WEIGHT_ATTACKER="1"
    )
    try:
        with live_server(app) as url:
            run = subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "bench" / "load.py"),
                    "--url",
                    url,
                    "--users",
                    "6",
                    "--spawn-rate",
                    "6",
                    "--run-time",
                    "10",
                    "--min-wait",
                    "0.2",
                    "--max-wait",
                    "0.5",
                    "--saturation-seconds",
                    "0",
                    "--out",
                    str(out),
                    "--json",
                    str(out / "summary.json"),
                ],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
    finally:
        inst.close()
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    summary = json.loads((out / "summary.json").read_text())
    families = summary["mix"]["families"]
    assert set(families) == {"page", "api", "sparql example", "sparql hostile"}, run.stdout
    for name, row in families.items():
        assert row["requests"] > 0, name
        assert row["unexpected"] == 0, (name, summary["mix"]["unexpected"])
        assert row["429"] == 0, name
    assert families["page"]["5xx"] == families["api"]["5xx"] == 0
    assert "| page |" in run.stdout and "p95" in run.stdout
