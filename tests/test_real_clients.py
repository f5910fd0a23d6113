"""Real command-line clients against the app served over HTTP: rapper (raptor2-utils), curl and
urllib, as a researcher or a portal's harvester runs them. `.ci/run` installs raptor2-utils."""

from __future__ import annotations

import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ._publishing import live_server, open_instance

RAPPER = shutil.which("rapper")
CURL = shutil.which("curl")
ACTOR = "/id/actor/banque-alimentaire-metropole-lilloise"


@pytest.fixture(scope="module")
def url(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo app on a free loopback port."""
    from webui.app import create_app

    inst = open_instance(demo_home, tmp_path_factory.mktemp("real-clients"))
    app = create_app(instance=inst)
    with live_server(app) as base:
        yield base
    inst.close()


def rapper(*args: str) -> subprocess.CompletedProcess[str]:
    assert RAPPER is not None
    return subprocess.run(
        [RAPPER, "-q", *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.skipif(RAPPER is None, reason="rapper (raptor2-utils) is not installed")
@pytest.mark.parametrize(
    ("args", "path"),
    [
        (("-g",), ACTOR),
        (("-i", "turtle"), ACTOR),
        (("-i", "rdfxml"), ACTOR),
        (("-g",), "/catalog"),
        (("-i", "rdfxml"), "/catalog"),
        (("-i", "turtle"), "/catalog"),
        (("-i", "rdfxml"), "/ns"),
        (("-i", "turtle"), "/.well-known/void"),
    ],
)
def test_rapper_reads_what_it_is_given(url: str, args: tuple[str, ...], path: str) -> None:
    out = rapper(*args, "-o", "ntriples", url + path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("\n") > 5


@pytest.mark.skipif(CURL is None, reason="curl is not installed")
def test_curl_gets_turtle_from_an_iri(url: str) -> None:
    out = subprocess.run(
        [CURL, "-s", "-L", "-o", "/dev/null", "-w", "%{content_type}", url + ACTOR],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert out.stdout.startswith("text/turtle")


def test_harvester_head_then_get(url: str) -> None:
    head = urllib.request.urlopen(
        urllib.request.Request(  # noqa: S310 - loopback test server
            url + "/catalog", method="HEAD", headers={"Accept": "*/*"}
        )
    )
    mime = head.headers["Content-Type"].split(";")[0]
    with urllib.request.urlopen(url + "/catalog") as r:  # noqa: S310
        body: Any = r.read()
        assert r.headers["Content-Type"].split(";")[0] == mime == "text/turtle"
    assert b"dcat:Catalog" in body
