"""What makes the site safe to expose: headers, CORS, request limits, client addresses, secret key.

Everything here is wired by `init_app`, called once by the application factory; no view sets a
security header or a CORS header itself.

- **Security headers** on every answer (pages, API, errors, static files) by Flask-Talisman:
  `Content-Security-Policy` (`CSP` below: scripts, styles, fonts and connections from this site
  only, no inline script or style, no plugin, no framing), `X-Content-Type-Options: nosniff`,
  `Referrer-Policy: strict-origin-when-cross-origin`, `X-Frame-Options: DENY`, and
  `Strict-Transport-Security` (one year) on answers to HTTPS requests — directly, or through a
  trusted reverse proxy that says so in `X-Forwarded-Proto` (`TRUSTED_PROXIES`). Talisman never
  redirects to HTTPS here: the reverse proxy does (docs/deployment.md).
- **CORS** (flask-cors) only on the machine routes (`MACHINE_ROUTES`: SPARQL, JSON API, instance
  IRIs, vocabulary, dumps, catalogue, VoID, network exports): any origin may *read* them, no
  credentials. Pages carry no CORS header.
- **Client addresses**: with `TRUSTED_PROXIES = n > 0`, werkzeug's `ProxyFix` takes the client
  address, scheme and host from the last `n` proxies' `X-Forwarded-*` headers; with 0 (the
  default) those headers are ignored, so a client cannot choose its own address.
- **Request size**: `MAX_REQUEST_BYTES` (Flask's `MAX_CONTENT_LENGTH`): a larger body is a 413,
  answered by `webui.errors` (JSON on the API, the French error page otherwise).
- **Rate limits** per client address (Flask-Limiter, fixed one-minute windows): `RATE_LIMIT_SEARCH`
  shared by the search page, `/api/search` and `/api/suggest`; `RATE_LIMIT_SPARQL` on `/sparql`;
  `RATE_LIMIT_API` shared by the rest of `/api/` (`LIMIT_GROUPS`). Over the limit: 429 with
  `Retry-After` (seconds) and a French and English message. Counts live in `RATE_LIMIT_STORAGE`:
  by default a SQLite file of the instance (`webui.ratelimit_storage`), so every worker process
  of one machine counts together; `memory://` counts per process (with N workers a client gets up
  to N times the limit); `redis://…` counts across machines.
- **JSON bodies** nested deeper than `graph.rdf_input.MAX_JSON_DEPTH` are refused before parsing
  (Python's `json` would raise RecursionError near 1,000 levels): the API answers 400.
- **Links from data** (`safe_href`, also the Jinja filter `safe_href`): a URL or IRI taken from
  the graph becomes an `href` only when it is http(s), mailto or a path of this site; anything
  else (`javascript:`, `data:`, `vbscript:`…) is shown as text, never as a link.
- **CSV for spreadsheets** (`csv_cell`): a text cell starting with `=`, `+`, `-`, `@`, a tab or a
  carriage return is prefixed with `'`, so a spreadsheet shows it instead of running it as a
  formula (OWASP, « CSV Injection »). Used by every CSV the site writes for people (network
  exports); SPARQL CSV/TSV results keep their values exact, as the W3C format requires
  (docs/deployment.md says why).
- **Secret key**: `SECRET_KEY` when set; otherwise generated once and kept in the instance file
  `secret_key` (mode 0600), so every worker and every restart signs with the same key.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask, request
from flask.json.provider import DefaultJSONProvider
from flask_cors import CORS
from flask_limiter import Limiter
from flask_talisman import Talisman
from werkzeug.middleware.proxy_fix import ProxyFix

from graph.rdf_input import MAX_JSON_DEPTH, json_depth

from . import ratelimit_storage

log = logging.getLogger(__name__)

#: The Content-Security-Policy of every answer. `img-src data:` lets stylesheets use inline SVG
#: icons (the vendored editor's do); nothing else may come from anywhere but this site.
CSP: dict[str, str] = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

#: The one inline style the vendored YASGUI (webui/static/vendor/yasgui, 4.6.2) inserts: the
#: `<style>` element of its table column resizer, allowed by its SHA-256 (CSP Level 2 hash
#: source) on the SPARQL page only. Updating YASGUI may change it: tests/test_security_browser.py
#: fails on any CSP violation of the page and Chromium's console gives the new hash.
YASGUI_STYLE_HASH = "'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='"

#: The SPARQL page's policy: `CSP` plus that style.
SPARQL_CSP = {**CSP, "style-src": f"'self' {YASGUI_STYLE_HASH}"}

#: Paths of the machine routes (regular expressions on the path), the only ones with CORS.
MACHINE_ROUTES = (
    r"^/sparql$",
    r"^/api/.*",
    r"^/id/.*",
    r"^/ns(/.*|\..*)?$",
    r"^/dump/.*",
    r"^/catalog(\..*)?$",
    r"^/\.well-known/void$",
    r"^/export/.*",
)

CORS_OPTIONS: dict[str, Any] = {
    "origins": "*",
    "send_wildcard": True,
    "supports_credentials": False,
    "methods": ["GET", "HEAD", "POST", "OPTIONS"],
    "allow_headers": ["Accept", "Content-Type", "If-None-Match", "If-Modified-Since"],
    "expose_headers": [
        "ETag",
        "Last-Modified",
        "Content-Location",
        "Link",
        "X-SPARQL-MaxRows",
        "Retry-After",
    ],
    "max_age": 86400,
}

#: Rate-limit groups: setting name → endpoints sharing one count per client. Endpoints of
#: `reco_api` not listed elsewhere fall in the API group (see `_groups`).
LIMIT_GROUPS: dict[str, tuple[str, ...]] = {
    "RATE_LIMIT_SEARCH": ("search_pages.search_page", "search_api.search", "search_api.suggest"),
    "RATE_LIMIT_SPARQL": ("sparql.sparql",),
    "RATE_LIMIT_API": (),
}

SECRET_FILE = "secret_key"
RATE_LIMIT_FILE = "ratelimits.sqlite3"


#: URL schemes a link taken from the data may have.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def safe_href(url: object) -> str:
    """`url` when a browser may follow it as a link: an http(s) or mailto URL, or a path or
    fragment of this site (`/actor/x`, `#top`); "" for anything else (`javascript:`, `data:`,
    `vbscript:`, protocol-relative `//host`, or a scheme hidden behind spaces and control
    characters, which browsers strip before reading it)."""
    text = str(url or "")
    bare = _INVISIBLE.sub("", text)
    if bare.startswith(("/", "#")) and not bare.startswith(("//", "/\\")):
        return text
    m = _SCHEME.match(bare)
    if m and m.group(1).lower() in SAFE_SCHEMES and bare == text.strip():
        return text.strip()
    return ""


#: First characters that make a spreadsheet read a cell as a formula (OWASP, « CSV Injection »).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A cell for a CSV meant for spreadsheets: text starting like a formula gets a leading `'`
    (shown, not evaluated); numbers and other text are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def init_app(app: Flask) -> None:
    """Wire every protection of the module docstring into `app` (after the blueprints)."""
    cfg = app.config
    app.jinja_env.filters["safe_href"] = safe_href
    app.config["SECRET_KEY"] = cfg.get("SECRET_KEY") or secret_key(_home(app))
    app.config["MAX_CONTENT_LENGTH"] = int(cfg["MAX_REQUEST_BYTES"])
    provider = DepthLimitedJSON(app)
    provider.ensure_ascii = app.json.ensure_ascii  # type: ignore[attr-defined]
    app.json = provider
    proxies = int(cfg["TRUSTED_PROXIES"])
    if proxies > 0:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_prefix=proxies
        )
    talisman = Talisman(
        app,
        content_security_policy=CSP,
        force_https=False,
        frame_options="DENY",
        referrer_policy="strict-origin-when-cross-origin",
        strict_transport_security=True,
        strict_transport_security_max_age=365 * 24 * 3600,
        strict_transport_security_include_subdomains=False,
        session_cookie_secure=False,
    )
    CORS(app, resources={pattern: CORS_OPTIONS for pattern in MACHINE_ROUTES})
    _limits(app)
    if "sparql.sparql" in app.view_functions:
        view = app.view_functions["sparql.sparql"]
        app.view_functions["sparql.sparql"] = talisman(content_security_policy=SPARQL_CSP)(view)


class DepthLimitedJSON(DefaultJSONProvider):
    """Flask's JSON provider, refusing (ValueError, as for any malformed JSON) texts nested deeper
    than `MAX_JSON_DEPTH` before `json.loads` recurses into them."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        """Parse JSON text; raises ValueError when it is malformed or too deeply nested."""
        data = s.encode("utf-8", "surrogatepass") if isinstance(s, str) else s
        if json_depth(data) > MAX_JSON_DEPTH:
            raise ValueError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
        return super().loads(s, **kwargs)


def secret_key(home: Path | None) -> str:
    """The instance's generated secret key (file `secret_key`, mode 0600), created on first call.

    Two processes starting together agree: each writes its candidate key to a private temporary
    file, then publishes it with `os.link`, which is atomic and fails when the name exists; the
    loser reads the winner's complete file. The key file is thus never seen half written. Without a
    writable instance folder the key lives as long as the process.
    """
    if home is None:
        return secrets.token_hex(32)
    path = home / SECRET_FILE
    for _ in range(3):
        try:
            key = path.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            key = ""
        except OSError as exc:
            log.warning("cannot read the secret key in %s (%s): it lasts one process", path, exc)
            return secrets.token_hex(32)
        if key:
            return key
        if path.exists():
            log.warning("%s is empty: a new key is generated", path)
            path.unlink(missing_ok=True)
        key = secrets.token_hex(32)
        try:
            fd, tmp = tempfile.mkstemp(prefix=".secret_key.", dir=home)
            try:
                with os.fdopen(fd, "w", encoding="ascii") as f:
                    f.write(key + "\n")
                    f.flush()
                    os.fsync(f.fileno())
                os.link(tmp, path)
                return key
            except FileExistsError:
                continue
            finally:
                os.unlink(tmp)
        except OSError as exc:
            log.warning("cannot keep the secret key in %s (%s): it lasts one process", path, exc)
            return secrets.token_hex(32)
    return path.read_text(encoding="ascii").strip() or secrets.token_hex(32)


def _home(app: Flask) -> Path | None:
    instance = app.extensions.get("alliances")
    home = getattr(instance, "home", None)
    return Path(home) if home is not None and Path(home).is_dir() else None


def client_address() -> str:
    """The client's address: the peer, or what the trusted proxies say (`TRUSTED_PROXIES`)."""
    return request.remote_addr or "unknown"


def storage_uri(app: Flask) -> str:
    """The limits storage URI of `RATE_LIMIT_STORAGE` (`instance` → the instance's SQLite file;
    memory when there is no instance folder)."""
    value = str(app.config["RATE_LIMIT_STORAGE"])
    if value != "instance":
        return value
    home = _home(app)
    if home is None:
        return "memory://"
    return ratelimit_storage.uri(home / RATE_LIMIT_FILE)


def _limits(app: Flask) -> None:
    limiter = Limiter(
        client_address,
        app=app,
        storage_uri=storage_uri(app),
        strategy="fixed-window",
        headers_enabled=True,
        enabled=bool(app.config["RATE_LIMITS"]),
        key_prefix="alliances",
    )
    app.extensions["alliances_limiter"] = limiter
    for setting, endpoints in _groups(app).items():
        scope = setting.removeprefix("RATE_LIMIT_").lower()
        value = str(app.config[setting]).strip()
        if not value:
            continue
        decorate = limiter.shared_limit(value, scope=scope, exempt_when=_preflight)
        for endpoint in endpoints:
            app.view_functions[endpoint] = decorate(app.view_functions[endpoint])


def _groups(app: Flask) -> dict[str, tuple[str, ...]]:
    """`LIMIT_GROUPS` with the API group filled: every `/api/` endpoint in no other group."""
    taken = {e for endpoints in LIMIT_GROUPS.values() for e in endpoints}
    api = tuple(
        sorted(
            {
                rule.endpoint
                for rule in app.url_map.iter_rules()
                if rule.rule.startswith("/api/") and rule.endpoint not in taken
            }
        )
    )
    groups = {name: endpoints for name, endpoints in LIMIT_GROUPS.items() if endpoints}
    groups["RATE_LIMIT_API"] = api
    return {name: tuple(e for e in eps if e in app.view_functions) for name, eps in groups.items()}


_preflight: Callable[[], bool] = lambda: request.method == "OPTIONS"  # noqa: E731
