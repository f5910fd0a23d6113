"""Every setting, declared once with its default and help (documented in docs/configuration.md).

Layers: these defaults, then `config.toml` in the instance folder, then `ALLIANCES_*` environment
variables, then explicit overrides (tests). `check()` validates them at start-up.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    """One setting: name, default, help."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("HOME", "instance", "Instance folder (store, index, config.toml); env ALLIANCES_HOME."),
    Setting("BASE_IRI", "https://w3id.org/alliances/id/", "Base of instance IRIs (ends with /)."),
    Setting(
        "PUBLIC_URL", "", "Public URL of the site, for DCAT download links (default: request host)."
    ),
    Setting(
        "STORE",
        "oxigraph",
        "Graph store: oxigraph (embedded in HOME/store, default), sparql (any SPARQL 1.1 "
        "server: Oxigraph server, Virtuoso, Fuseki…) or virtuoso (sparql, plus Virtuoso's "
        "own query timeout); see docs/scaling.md.",
    ),
    Setting("SPARQL_QUERY_URL", "", "With STORE=sparql: the server's SPARQL query endpoint."),
    Setting(
        "SPARQL_UPDATE_URL", "", "With STORE=sparql: its SPARQL update endpoint (default: query)."
    ),
    Setting(
        "SPARQL_GSP_URL",
        "",
        "With STORE=sparql: its Graph Store Protocol endpoint, for bulk loads and dumps "
        "(optional; without it, INSERT DATA in chunks and CONSTRUCT).",
    ),
    Setting("SPARQL_USER", "", "With STORE=sparql: HTTP user for the server (optional)."),
    Setting("SPARQL_PASSWORD", "", "With STORE=sparql: HTTP password for the server."),
    Setting("SPARQL_AUTH", "basic", "With STORE=sparql: HTTP authentication, basic or digest."),
    Setting(
        "SPARQL_HTTP_TIMEOUT",
        120.0,
        "With STORE=sparql: seconds allowed for one request to the server (public /sparql "
        "queries use SPARQL_TIMEOUT).",
    ),
    Setting(
        "SPARQL_RETRIES",
        2,
        "With STORE=sparql: retries of a read after a connection failure or HTTP 502/503/504.",
    ),
    Setting("SEARCH_BACKEND", "whoosh", "Full-text backend: whoosh (default) or tantivy."),
    Setting("SPARQL_TIMEOUT", 30.0, "Seconds after which a SPARQL query is stopped."),
    Setting("SPARQL_MAX_ROWS", 10000, "Maximum rows of a SPARQL SELECT result."),
    Setting("SPARQL_MAX_QUERY_LENGTH", 20000, "Maximum length of a SPARQL query, in characters."),
    Setting(
        "SPARQL_MAX_CONCURRENT",
        2,
        "Concurrent SPARQL queries allowed per client address, counted across every web "
        "worker of `alliances serve`.",
    ),
    Setting(
        "SPARQL_WORKERS",
        4,
        "Most processes running public SPARQL queries at once, per web worker, on a store that "
        "cannot stop a query itself (embedded): started as queries arrive together, killed at "
        "the deadline (4: fast queries do not queue behind slow ones; bench/README.md).",
    ),
    Setting(
        "SPARQL_SLOW_AFTER",
        0.25,
        "Seconds after which a running public SPARQL query moves to the slow lane and stops "
        "counting against SPARQL_WORKERS, so that new queries get a process (docs/scaling.md).",
    ),
    Setting(
        "SPARQL_SLOW_WORKERS",
        4,
        "Most queries in the slow lane per web worker (0: one lane of SPARQL_WORKERS); at most "
        "SPARQL_WORKERS + SPARQL_SLOW_WORKERS query processes per web worker.",
    ),
    Setting(
        "SPARQL_CACHE_MB",
        64.0,
        "Memory for public SPARQL results kept per graph version, per web worker (MB; 0: off; "
        "docs/scaling.md).",
    ),
    Setting(
        "PARTNER_WEIGHTS",
        "needs_offers=0.3,purpose=0.27,proximity=0.43,diversity=0,trust=0",
        "Weights of the partner factors (see docs/recommendation.md).",
    ),
    Setting(
        "ANALOGUE_WEIGHTS",
        "text=0.3,sdgs=0.3,composition=0.15,resources=0.15,scale=0.1",
        "Weights of the analogue similarities (see docs/recommendation.md).",
    ),
    Setting(
        "ANALOGUE_SAME_TERRITORY",
        0.8,
        "Score multiplier of analogues in the query's own territory (<1 prefers elsewhere).",
    ),
    Setting(
        "SECRET_KEY",
        "",
        "Flask secret key (when empty, generated once into the instance file secret_key, 0600).",
    ),
    # -- exposure to the internet (webui/security.py, docs/deployment.md) -----------------------
    Setting(
        "TRUSTED_PROXIES",
        0,
        "Reverse proxies in front of the app whose X-Forwarded-For/-Proto/-Host are believed.",
    ),
    Setting("MAX_REQUEST_BYTES", 1048576, "Largest request body accepted, in bytes (else 413)."),
    Setting("RATE_LIMITS", True, "Per-client rate limits on search, SPARQL and the API (429)."),
    Setting(
        "RATE_LIMIT_STORAGE",
        "instance",
        "Where request counts live: instance (SQLite file shared by the worker processes of one "
        "machine), memory:// (per process) or a limits URI such as redis://host:6379.",
    ),
    Setting(
        "RATE_LIMIT_SEARCH",
        "120 per minute",
        "Searches and name completions per client (search page, /api/search, /api/suggest).",
    ),
    Setting("RATE_LIMIT_SPARQL", "30 per minute", "SPARQL requests per client (/sparql)."),
    Setting(
        "RATE_LIMIT_API",
        "60 per minute",
        "Other JSON API requests per client (partners, analogues, maturity, SDG suggestions).",
    ),
    Setting(
        "IMPORT_MAX_FILE_BYTES",
        1073741824,
        "Largest file an import reads, in bytes (a larger one is reported, nothing is read).",
    ),
    Setting("DEFAULT_LOCALE", "fr", "Default interface language (fr or en)."),
    Setting(
        "REAL_DATA",
        True,
        "Load the real open datasets at init (France services, Petites villes de demain, "
        "digital-inclusion places); false gives a small instance (tests).",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def load(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The effective settings: defaults < instance config.toml < environment < overrides."""
    values = {s.name: s.default for s in SETTINGS}
    home = Path((overrides or {}).get("HOME") or os.environ.get("ALLIANCES_HOME") or values["HOME"])
    cfg = home / "config.toml"
    if cfg.exists():
        try:
            values.update({k.upper(): v for k, v in tomllib.loads(cfg.read_text()).items()})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{cfg}: {exc}") from exc
    for s in SETTINGS:
        env = os.environ.get(f"ALLIANCES_{s.name}")
        if env is not None:
            values[s.name] = env
    values.update(overrides or {})
    values["HOME"] = str(home)
    return check(values)


_TRUE = {"1", "true", "yes", "on", "oui", "vrai"}
_FALSE = {"0", "false", "no", "off", "non", "faux", ""}


def _boolean(name: str, value: Any) -> bool:
    """A yes/no setting from TOML (a boolean) or the environment (`true`, `0`, `oui`…)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ConfigError(
        f"{name} must be true or false, not {value!r}",
        message_fr=f"{name} vaut true ou false, pas {value!r}",
    )


def check(values: dict[str, Any]) -> dict[str, Any]:
    """Coerce types and refuse bad values with a clear message."""
    for name in values:
        if name not in _BY_NAME:
            raise ConfigError(f"unknown setting {name}", message_fr=f"réglage inconnu {name}")
    for s in SETTINGS:
        v = values[s.name]
        if isinstance(s.default, bool):
            values[s.name] = _boolean(s.name, v)
        elif isinstance(s.default, float | int):
            try:
                values[s.name] = type(s.default)(v)
            except (TypeError, ValueError) as exc:
                raise ConfigError(
                    f"{s.name} must be a number, not {v!r}",
                    message_fr=f"{s.name} doit être un nombre, pas {v!r}",
                ) from exc
    if not str(values["BASE_IRI"]).endswith("/"):
        raise ConfigError("BASE_IRI must end with /", message_fr="BASE_IRI doit finir par /")
    _check_store(values)
    if values["SEARCH_BACKEND"] not in ("whoosh", "tantivy"):
        raise ConfigError(
            "SEARCH_BACKEND must be whoosh or tantivy",
            message_fr="SEARCH_BACKEND vaut whoosh ou tantivy",
        )
    if values["DEFAULT_LOCALE"] not in ("fr", "en"):
        raise ConfigError("DEFAULT_LOCALE must be fr or en")
    _check_rate_limits(values)
    if values["SPARQL_SLOW_AFTER"] < 0 or values["SPARQL_SLOW_WORKERS"] < 0:
        raise ConfigError(
            "SPARQL_SLOW_AFTER and SPARQL_SLOW_WORKERS must be 0 or more",
            message_fr="SPARQL_SLOW_AFTER et SPARQL_SLOW_WORKERS valent 0 ou plus",
        )
    return values


def _check_store(values: dict[str, Any]) -> None:
    """STORE names a registered store; a remote one has its endpoint URLs."""
    from graph.store.registry import STORES

    if values["STORE"] not in STORES:
        known = ", ".join(sorted(STORES))
        raise ConfigError(
            f"STORE must be one of: {known}", message_fr=f"STORE vaut l'un de : {known}"
        )
    if values["SPARQL_AUTH"] not in ("basic", "digest"):
        raise ConfigError(
            "SPARQL_AUTH must be basic or digest", message_fr="SPARQL_AUTH vaut basic ou digest"
        )
    urls = ("SPARQL_QUERY_URL", "SPARQL_UPDATE_URL", "SPARQL_GSP_URL")
    for name in urls:
        url = str(values[name])
        if url and not url.startswith(("http://", "https://")):
            raise ConfigError(
                f"{name} must be an http(s) URL, not {url!r}",
                message_fr=f"{name} doit être une URL http(s), pas {url!r}",
            )
    if values["STORE"] != "oxigraph" and not values["SPARQL_QUERY_URL"]:
        store = values["STORE"]
        raise ConfigError(
            f"STORE = {store} needs ALLIANCES_SPARQL_QUERY_URL (and usually "
            "ALLIANCES_SPARQL_UPDATE_URL)",
            message_fr=f"STORE = {store} demande ALLIANCES_SPARQL_QUERY_URL (et en général "
            "ALLIANCES_SPARQL_UPDATE_URL)",
        )


def _check_rate_limits(values: dict[str, Any]) -> None:
    """Rate limits are `limits` strings (`60 per minute`, `10/second;500/hour`), or empty (none)."""
    from limits import parse_many

    for name in ("RATE_LIMIT_SEARCH", "RATE_LIMIT_SPARQL", "RATE_LIMIT_API"):
        value = str(values[name]).strip()
        try:
            if value:
                parse_many(value)
        except ValueError as exc:
            raise ConfigError(
                f"{name} must read like '60 per minute', not {value!r}",
                message_fr=f"{name} s'écrit comme « 60 per minute », pas {value!r}",
            ) from exc


_TRUE = {"1", "true", "yes", "on", "oui"}
_FALSE = {"0", "false", "no", "off", "non", ""}


def _boolean(name: str, value: Any) -> bool:
    """A yes/no setting from TOML (a boolean) or the environment (`1`, `true`, `off`…)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE | _FALSE:
        return text in _TRUE
    raise ConfigError(
        f"{name} must be true or false, not {value!r}",
        message_fr=f"{name} vaut true ou false, pas {value!r}",
    )
