"""An HTTP client for the SPARQL 1.1 Protocol (query, update) and the Graph Store Protocol.

One pooled `requests.Session` per store. Every call has a timeout (connect and read). Reads
(queries, GET of a graph) are retried on connection failures and on 502/503/504, with a short
back-off; writes are retried only when the connection could not be opened (the request never
reached the server). Failures become the application's errors with a message in French and
English that names the server and what to check; credentials never appear in messages.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth
from urllib3.exceptions import NewConnectionError

from ..errors import QueryError, QueryTimeout, StoreError

log = logging.getLogger(__name__)

#: Seconds allowed to open a connection.
CONNECT_TIMEOUT = 5.0
#: Statuses after which a read is tried again.
RETRY_STATUSES = (502, 503, 504)
#: Longest part of a server's error message repeated to the user.
MAX_DETAIL = 400


@dataclass(frozen=True)
class Endpoints:
    """Where the server answers: queries, updates, and (optionally) the Graph Store Protocol."""

    query: str
    update: str
    gsp: str | None = None


@dataclass(frozen=True)
class Credentials:
    """HTTP authentication for the server (`basic` or `digest`)."""

    user: str
    password: str
    scheme: str = "basic"

    def auth(self) -> AuthBase:
        """The requests authentication object."""
        if self.scheme == "digest":
            return HTTPDigestAuth(self.user, self.password)
        return HTTPBasicAuth(self.user, self.password)

    def __repr__(self) -> str:  # never print the password
        return f"Credentials({self.user!r}, scheme={self.scheme!r})"


class SparqlClient:
    """Calls to one SPARQL server, pooled, timed out, retried where safe."""

    def __init__(
        self,
        endpoints: Endpoints,
        *,
        credentials: Credentials | None = None,
        timeout: float = 120.0,
        retries: int = 2,
        backoff: float = 0.5,
    ) -> None:
        self.endpoints = endpoints
        self.credentials = credentials
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.session = requests.Session()
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=32, max_retries=0)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers["User-Agent"] = "alliances (SPARQL protocol client)"
        if credentials is not None:
            self.session.auth = credentials.auth()

    def close(self) -> None:
        """Close the pooled connections."""
        self.session.close()

    # -- the SPARQL protocol ---------------------------------------------------------------
    def query(
        self,
        sparql: str,
        *,
        accept: str,
        default_graph: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        timeout: float | None = None,
        params: Mapping[str, str] | None = None,
        stream: bool = False,
    ) -> requests.Response:
        """POST a query (form-encoded, so that long queries fit) and return the response."""
        data: list[tuple[str, str]] = [("query", sparql)]
        data += [("default-graph-uri", g) for g in default_graph]
        data += [("named-graph-uri", g) for g in named_graphs]
        data += list((params or {}).items())
        return self._call(
            "POST",
            self.endpoints.query,
            read=True,
            timeout=timeout,
            data=data,
            headers={"Accept": accept},
            stream=stream,
            what="query",
        )

    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        """POST an update (form-encoded)."""
        self._call(
            "POST",
            self.endpoints.update,
            read=False,
            timeout=timeout,
            data={"update": sparql},
            what="update",
        )

    # -- the Graph Store Protocol ----------------------------------------------------------
    def gsp_post(
        self, graph: str, body: bytes, content_type: str, timeout: float | None = None
    ) -> None:
        """Add the triples of `body` to `graph` (RDF merge)."""
        assert self.endpoints.gsp is not None
        self._call(
            "POST",
            self.endpoints.gsp,
            read=False,
            timeout=timeout,
            params={"graph": graph},
            data=body,
            headers={"Content-Type": content_type},
            what="graph store",
        )

    def gsp_get(self, graph: str, accept: str, *, stream: bool = True) -> requests.Response:
        """The triples of `graph` (streamed)."""
        assert self.endpoints.gsp is not None
        return self._call(
            "GET",
            self.endpoints.gsp,
            read=True,
            timeout=None,
            params={"graph": graph},
            headers={"Accept": accept},
            stream=stream,
            what="graph store",
            missing_ok=True,
        )

    # -- plumbing --------------------------------------------------------------------------
    def _call(
        self,
        method: str,
        url: str,
        *,
        read: bool,
        timeout: float | None,
        what: str,
        missing_ok: bool = False,
        **kwargs: Any,
    ) -> requests.Response:
        limit = self.timeout if timeout is None else timeout
        attempts = 1 + self.retries
        for attempt in range(1, attempts + 1):
            try:
                resp = self.session.request(method, url, timeout=(CONNECT_TIMEOUT, limit), **kwargs)
            except requests.ConnectionError as exc:
                if isinstance(exc, requests.ReadTimeout):
                    raise _timeout(url, limit) from exc
                opened = not isinstance(exc, requests.ConnectTimeout) and _was_sent(exc)
                if attempt < attempts and (read or not opened):
                    self._pause(attempt, url, exc)
                    continue
                raise unreachable(url, exc) from exc
            except requests.Timeout as exc:
                raise _timeout(url, limit) from exc
            if resp.status_code in RETRY_STATUSES and read and attempt < attempts:
                resp.close()
                self._pause(attempt, url, f"HTTP {resp.status_code}")
                continue
            if resp.status_code == 404 and missing_ok:
                return resp
            if resp.status_code >= 400:
                raise refused(url, resp, what)
            _check_partial(resp)
            return resp
        raise AssertionError("unreachable")  # pragma: no cover

    def _pause(self, attempt: int, url: str, why: object) -> None:
        log.warning("SPARQL server %s: %s; retrying (%d/%d)", url, why, attempt, self.retries)
        time.sleep(self.backoff * attempt)


def _was_sent(exc: requests.ConnectionError) -> bool:
    """Whether the request may have reached the server: not when the connection could not be
    opened (refused, unknown host), so that a retry can never write twice."""
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return not isinstance(reason, NewConnectionError)


def _timeout(url: str, seconds: float) -> QueryTimeout:
    return QueryTimeout(
        f"the SPARQL server {url} did not answer within {seconds:g} s",
        message_fr=f"le serveur SPARQL {url} n'a pas répondu en {seconds:g} s",
    )


def unreachable(url: str, exc: Exception) -> StoreError:
    """The server cannot be reached (down, wrong address, network)."""
    reason = type(exc).__name__
    return StoreError(
        f"the SPARQL server {url} cannot be reached ({reason}): is it running, and is "
        "ALLIANCES_SPARQL_QUERY_URL right?",
        message_fr=f"le serveur SPARQL {url} est injoignable ({reason}) : est-il démarré, et "
        "ALLIANCES_SPARQL_QUERY_URL est-il juste ?",
    )


def refused(url: str, resp: requests.Response, what: str) -> Exception:
    """The error for an HTTP error status of the server."""
    status = resp.status_code
    detail = _detail(resp)
    if status in (401, 403):
        return StoreError(
            f"the SPARQL server {url} refused the {what} (HTTP {status}): check "
            "ALLIANCES_SPARQL_USER, ALLIANCES_SPARQL_PASSWORD and the server's permissions",
            message_fr=f"le serveur SPARQL {url} a refusé l'opération ({what}, HTTP {status}) : "
            "vérifiez ALLIANCES_SPARQL_USER, ALLIANCES_SPARQL_PASSWORD et les droits du serveur",
        )
    if status == 404:
        return StoreError(
            f"no SPARQL {what} service at {url} (HTTP 404): check the ALLIANCES_SPARQL_*_URL "
            "settings",
            message_fr=f"aucun service SPARQL ({what}) à l'adresse {url} (HTTP 404) : vérifiez "
            "les réglages ALLIANCES_SPARQL_*_URL",
        )
    if status == 400 and what == "query":
        return QueryError.syntax(detail) if _is_syntax(detail) else QueryError.failed(detail)
    if what == "query" and status == 500 and detail:
        return QueryError.failed(detail)
    return StoreError(
        f"the SPARQL server {url} failed ({what}, HTTP {status}): {detail}",
        message_fr=f"le serveur SPARQL {url} a échoué ({what}, HTTP {status}) : {detail}",
    )


def _detail(resp: requests.Response) -> str:
    try:
        text = resp.text
    except (UnicodeDecodeError, requests.RequestException):
        text = ""
    text = " ".join(text.split())
    return text[:MAX_DETAIL] + ("…" if len(text) > MAX_DETAIL else "")


def _is_syntax(detail: str) -> bool:
    low = detail.lower()
    return "syntax" in low or "parse" in low or "unexpected" in low or "expected" in low


def _check_partial(resp: requests.Response) -> None:
    """Refuse partial results: Virtuoso's "anytime" answers flag them with X-SQL-State."""
    state = resp.headers.get("X-SQL-State")
    if state:
        resp.close()
        message = resp.headers.get("X-SQL-Message", "")
        raise QueryTimeout(
            f"the SPARQL server stopped the query and offered partial results ({state} "
            f"{message}); they are refused",
            message_fr=f"le serveur SPARQL a arrêté la requête et proposé des résultats "
            f"partiels ({state} {message}) ; ils sont refusés",
        )
