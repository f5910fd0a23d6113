"""Request size (413) and per-client rate limits (429 with Retry-After, French and English), with
counts shared by worker processes through the instance's SQLite file (webui/security.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ACTOR = "association-des-maires-ruraux-de-france"
SPARQL_JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture(scope="module")
def limited(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """An app with tight limits (3 searches, 2 SPARQL, 2 API requests a minute per client)."""
    from webui.app import create_app
    from webui.instance import Instance

    home = tmp_path_factory.mktemp("limited") / "instance"
    shutil.copytree(demo_home, home)
    inst = Instance.open(
        {
            "HOME": str(home),
            "RATE_LIMITS": True,
            "TRUSTED_PROXIES": 1,
            "RATE_LIMIT_SEARCH": "3 per minute",
            "RATE_LIMIT_SPARQL": "2 per minute",
            "RATE_LIMIT_API": "2 per minute",
            "MAX_REQUEST_BYTES": 4096,
        }
    )
    app = create_app(instance=inst)
    yield app
    inst.close()


@pytest.fixture
def client(limited):  # type: ignore[no-untyped-def]
    """A client of the limited app, with every count reset."""
    limited.extensions["alliances_limiter"].reset()
    return limited.test_client()


def _from(addr: str) -> dict[str, str]:
    return {"X-Forwarded-For": addr}


def test_search_page_and_api_share_one_count(client) -> None:  # type: ignore[no-untyped-def]
    me = _from("203.0.113.1")
    assert client.get("/api/search?q=eau", headers=me).status_code == 200
    assert client.get("/api/suggest?q=ban", headers=me).status_code == 200
    assert client.get("/recherche?q=eau", headers=me).status_code == 200
    r = client.get("/api/search?q=pain", headers=me)
    assert r.status_code == 429
    body = r.get_json()
    assert body["error"] == "too_many_requests"
    assert body["message"].startswith("Too many requests from your address (at most 3 in 60")
    assert body["message_fr"].startswith("Trop de requêtes depuis votre adresse (au plus 3 en 60")
    assert 1 <= int(r.headers["Retry-After"]) <= 61
    said = int(body["message"].split("Please wait ")[1].split(" ")[0])
    assert abs(said - int(r.headers["Retry-After"])) <= 1
    # Another client is not affected; the other groups are counted apart.
    assert client.get("/api/search?q=pain", headers=_from("203.0.113.2")).status_code == 200
    assert client.get(f"/api/actors/{ACTOR}/partners", headers=me).status_code == 200


def test_the_page_says_it_in_french(client) -> None:  # type: ignore[no-untyped-def]
    me = _from("203.0.113.3")
    for _ in range(3):
        client.get("/recherche?q=eau", headers=me)
    r = client.get("/recherche?q=eau", headers={**me, "Accept": "text/html"})
    page = r.get_data(as_text=True)
    assert r.status_code == 429 and r.headers["Retry-After"]
    assert "<h1>Trop de requêtes</h1>" in page and "Patientez" in page
    assert r.headers["Content-Security-Policy"]


def test_sparql_clients_are_limited(client) -> None:  # type: ignore[no-untyped-def]
    me = _from("203.0.113.4")
    for _ in range(2):
        assert client.get("/sparql?query=ASK{}", headers={**me, **SPARQL_JSON}).status_code == 200
    r = client.post("/sparql", data={"query": "ASK {}"}, headers={**me, **SPARQL_JSON})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
    assert r.get_json()["error"] == "too_many_requests"
    assert r.headers["Access-Control-Allow-Origin"] == "*"  # a browser client can read why
    # A CORS preflight is never counted.
    pre = client.options(
        "/sparql",
        headers={**me, "Origin": "https://x.example", "Access-Control-Request-Method": "POST"},
    )
    assert pre.status_code in (200, 204)


def test_api_group(client) -> None:  # type: ignore[no-untyped-def]
    me = _from("203.0.113.5")
    assert client.get("/api/maturity", headers=me).status_code == 200
    assert (
        client.post(
            "/api/sdg-suggest", json={"text": "gaspillage alimentaire"}, headers=me
        ).status_code
        == 200
    )
    r = client.get(f"/api/actors/{ACTOR}/partners", headers=me)
    assert r.status_code == 429 and r.get_json()["message_fr"].startswith("Trop de requêtes")


def test_pages_other_than_search_are_not_limited(client) -> None:  # type: ignore[no-untyped-def]
    me = _from("203.0.113.6")
    for _ in range(6):
        assert client.get(f"/actor/{ACTOR}", headers=me).status_code == 200


def test_body_over_the_limit_is_413_json_on_the_api(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post(
        "/api/partners",
        data=b"{" + b" " * 10_000 + b"}",
        content_type="application/json",
        headers=_from("203.0.113.7"),
    )
    assert r.status_code == 413
    assert r.get_json() == {
        "error": "payload_too_large",
        "message": "The request is too large (at most 4096 bytes).",
        "message_fr": "La requête est trop volumineuse (au plus 4096 octets).",
    }


def test_body_over_the_limit_is_413_page_in_a_browser(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post(
        "/sparql",
        data={"query": "ASK {}" + " " * 200_000},
        headers={**_from("203.0.113.8"), "Accept": "text/html"},
    )
    assert r.status_code == 413
    page = r.get_data(as_text=True)
    assert "<h1>Requête trop volumineuse</h1>" in page and 'lang="fr"' in page


def test_counts_are_shared_by_processes(tmp_path: Path) -> None:
    """Four processes hit the same SQLite counter 50 times each, together: it reaches 200."""
    from webui.ratelimit_storage import SQLiteStorage, uri

    target = uri(tmp_path / "counts.sqlite3")
    code = (
        "import sys; from webui.ratelimit_storage import SQLiteStorage; "
        "s = SQLiteStorage(sys.argv[1]); [s.incr('k', 60) for _ in range(50)]"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, target]) for _ in range(4)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    storage = SQLiteStorage(target)
    assert storage.get("k") == 200
    assert storage.get_expiry("k") > storage.get_expiry("missing")
    storage.clear("k")
    assert storage.get("k") == 0


def test_window_restarts_after_expiry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import webui.ratelimit_storage as mod

    storage = mod.SQLiteStorage(mod.uri(tmp_path / "c.sqlite3"))
    now = [1000.0]
    monkeypatch.setattr(mod.time, "time", lambda: now[0])
    assert [storage.incr("k", 60) for _ in range(3)] == [1, 2, 3]
    assert storage.get_expiry("k") == 1060.0
    now[0] = 1061.0
    assert storage.get("k") == 0 and storage.incr("k", 60) == 1
    assert storage.get_expiry("k") == 1121.0


def test_default_storage_is_the_instance_file(limited) -> None:  # type: ignore[no-untyped-def]
    from webui.security import storage_uri

    home = Path(limited.extensions["alliances"].home)
    assert storage_uri(limited) == f"alliances+sqlite://{(home / 'ratelimits.sqlite3').resolve()}"


def test_limits_can_be_turned_off(readonly_app) -> None:  # type: ignore[no-untyped-def]
    client = readonly_app.test_client()  # the suite runs with ALLIANCES_RATE_LIMITS=off
    assert readonly_app.extensions["alliances_limiter"].enabled is False
    assert all(client.get("/api/maturity").status_code == 200 for _ in range(70))


def test_malformed_limit_refused_at_start_up(tmp_path: Path) -> None:
    from graph.errors import ConfigError
    from webui.settings import load

    with pytest.raises(ConfigError, match="RATE_LIMIT_API"):
        load({"HOME": str(tmp_path), "RATE_LIMIT_API": "beaucoup"})
    with pytest.raises(ConfigError, match="RATE_LIMITS"):
        load({"HOME": str(tmp_path), "RATE_LIMITS": "peut-être"})
