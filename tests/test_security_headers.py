"""Security headers on every answer, CORS only on the machine routes, HSTS over HTTPS only, client
addresses through trusted proxies, and the generated secret key (webui/security.py)."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

ACTOR = "association-des-maires-ruraux-de-france"

#: One URL per kind of answer: pages, API, SPARQL, linked data, dumps, exports, static files,
#: redirects and errors (HTML and JSON).
ANSWERS = {
    "home": "/",
    "search-page": "/recherche?q=eau",
    "actor-page": f"/actor/{ACTOR}",
    "sparql-page": "/sparql",
    "about": "/a-propos",
    "api-search": "/api/search?q=eau",
    "api-suggest": "/api/suggest?q=ban",
    "api-partners": f"/api/actors/{ACTOR}/partners",
    "api-openapi": "/api/openapi.json",
    "sparql-results": "/sparql?query=ASK%7B%7D&format=json",
    "instance-iri-303": f"/id/{ACTOR}",
    "instance-ttl": f"/id/{ACTOR}.ttl",
    "vocabulary": "/ns.ttl",
    "catalog-ttl": "/catalog.ttl",
    "void": "/.well-known/void",
    "dump-redirect": "/dump/alliances",
    "network-export": "/export/network/alliances.csv",
    "static": "/static/site.js",
    "page-404": "/actor/nobody-here",
    "api-404": "/api/actors/nobody-here/partners",
    "api-400": "/api/search?page=x",
    "method-405": "/api/maturity?x=1",
}

#: Machine routes (CORS open for reading) and pages (no CORS header).
MACHINE = (
    "api-search",
    "api-suggest",
    "api-partners",
    "api-openapi",
    "sparql-results",
    "instance-iri-303",
    "instance-ttl",
    "vocabulary",
    "catalog-ttl",
    "void",
    "dump-redirect",
    "network-export",
    "api-404",
    "api-400",
)
PAGES = ("home", "search-page", "actor-page", "about", "page-404", "static")


@pytest.fixture(scope="module")
def client(readonly_app):  # type: ignore[no-untyped-def]
    """A test client on the module's read-only demo app."""
    return readonly_app.test_client()


def _csp(value: str) -> dict[str, list[str]]:
    directives = {}
    for part in value.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_every_answer_carries_the_security_headers(client, name: str) -> None:  # type: ignore[no-untyped-def]
    method = "PUT" if name == "method-405" else "GET"
    r = client.open(ANSWERS[name], method=method)
    r.close()
    assert r.status_code < 500, (name, r.status_code)
    h = r.headers
    assert h["X-Content-Type-Options"] == "nosniff"
    assert h["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert h["X-Frame-Options"] == "DENY"
    csp = _csp(h["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'"] and csp["default-src"] == ["'self'"]
    for directive, sources in csp.items():
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, directive
        assert "*" not in sources, directive
    assert "Strict-Transport-Security" not in h  # plain HTTP


def test_sparql_page_allows_exactly_one_hashed_style(client) -> None:  # type: ignore[no-untyped-def]
    from webui.security import YASGUI_STYLE_HASH

    csp = _csp(
        client.get("/sparql", headers={"Accept": "text/html"}).headers["Content-Security-Policy"]
    )
    assert csp["style-src"] == ["'self'", YASGUI_STYLE_HASH]
    assert csp["script-src"] == ["'self'"]
    home = _csp(client.get("/").headers["Content-Security-Policy"])
    assert home["style-src"] == ["'self'"]


@pytest.mark.parametrize("name", MACHINE)
def test_machine_routes_are_open_to_other_origins(client, name: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(ANSWERS[name], headers={"Origin": "https://portail.example.org"})
    assert r.headers["Access-Control-Allow-Origin"] == "*", name
    assert "Access-Control-Allow-Credentials" not in r.headers


@pytest.mark.parametrize("name", PAGES)
def test_pages_have_no_cors(client, name: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(ANSWERS[name], headers={"Origin": "https://portail.example.org"})
    r.close()
    assert not [k for k in r.headers.keys() if k.lower().startswith("access-control-")], name


def test_preflight_on_the_api(client) -> None:  # type: ignore[no-untyped-def]
    r = client.options(
        "/api/partners",
        headers={
            "Origin": "https://portail.example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert r.status_code == 200
    assert "POST" in r.headers["Access-Control-Allow-Methods"]
    assert "content-type" in r.headers["Access-Control-Allow-Headers"].lower()
    assert r.headers["Access-Control-Allow-Origin"] == "*"


def test_hsts_only_over_https(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/", base_url="https://alliances.example.org")
    assert r.headers["Strict-Transport-Security"] == "max-age=31536000"
    r = client.get("/api/search?q=eau", base_url="https://alliances.example.org")
    assert "max-age=" in r.headers["Strict-Transport-Security"]
    assert "Strict-Transport-Security" not in client.get("/").headers


@pytest.fixture
def make_app(demo_home: Path, tmp_path: Path) -> Iterator[object]:
    """Build apps on private copies of the demo instance with settings overrides."""
    from webui.app import create_app
    from webui.instance import Instance

    opened = []

    def build(**overrides: object):  # type: ignore[no-untyped-def]
        home = tmp_path / f"instance-{len(opened)}"
        if not home.exists():
            shutil.copytree(demo_home, home)
        inst = Instance.open({"HOME": str(home), **overrides})
        opened.append(inst)
        return create_app(instance=inst)

    yield build
    for inst in opened:
        inst.close()


def test_behind_a_trusted_proxy(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(TRUSTED_PROXIES=1)
    seen = {}

    @app.get("/_whoami")
    def whoami() -> str:
        from flask import request

        seen.update(addr=request.remote_addr, secure=request.is_secure, host=request.host)
        return "ok"

    client = app.test_client()
    r = client.get(
        "/_whoami",
        headers={
            "X-Forwarded-For": "203.0.113.7",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-Host": "alliances.example.org",
        },
    )
    assert seen == {"addr": "203.0.113.7", "secure": True, "host": "alliances.example.org"}
    assert "max-age=" in r.headers["Strict-Transport-Security"]
    # Only the last proxy's word counts: a client cannot prepend its own address.
    client.get("/_whoami", headers={"X-Forwarded-For": "10.9.9.9, 198.51.100.4"})
    assert seen["addr"] == "198.51.100.4"


def test_forwarded_headers_ignored_without_trusted_proxies(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    seen = {}

    @app.get("/_whoami")
    def whoami() -> str:
        from flask import request

        seen.update(addr=request.remote_addr, secure=request.is_secure)
        return "ok"

    app.test_client().get(
        "/_whoami", headers={"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}
    )
    assert seen == {"addr": "127.0.0.1", "secure": False}


def test_generated_secret_key_is_kept_in_the_instance(make_app) -> None:  # type: ignore[no-untyped-def]
    from webui.security import secret_key

    app = make_app()
    home = Path(app.extensions["alliances"].home)
    path = home / "secret_key"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    key = path.read_text().strip()
    assert app.config["SECRET_KEY"] == key and len(key) == 64
    assert secret_key(home) == key  # another worker, or a restart, signs with the same key


def test_secret_key_shared_by_processes_starting_together(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from webui.security import secret_key; "
        "print(secret_key(Path(sys.argv[1])))"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(tmp_path)], text=True, stdout=subprocess.PIPE
        )
        for _ in range(4)
    ]
    keys = {p.communicate(timeout=60)[0].strip() for p in procs}
    assert len(keys) == 1 and (tmp_path / "secret_key").read_text().strip() in keys


def test_configured_secret_key_wins_and_nothing_is_written(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(SECRET_KEY="from-the-environment")
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert not (Path(app.extensions["alliances"].home) / "secret_key").exists()
