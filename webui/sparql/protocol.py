"""Reading a SPARQL 1.1 Protocol request: operation, query text and RDF dataset.

https://www.w3.org/TR/sparql11-protocol/ §2.1: a query goes by GET (URL parameters), by POST
with `application/x-www-form-urlencoded` (body parameters) or by POST with
`application/sparql-query` (the body is the query, dataset in the URL). Everything else is a
protocol error (400), and any update is refused (403): the public endpoint is read-only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from flask import Request

from graph.errors import BadRequest, PayloadTooLarge

from .safety import UpdateRefused

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"


@dataclass
class ProtocolRequest:
    """The parts of a query request the endpoint uses."""

    query: str | None
    default_graph_uris: list[str] = field(default_factory=list)
    named_graph_uris: list[str] = field(default_factory=list)
    params: dict[str, list[str]] = field(default_factory=dict)

    def first(self, name: str) -> str | None:
        """The first value of a parameter."""
        values = self.params.get(name)
        return values[0] if values else None

    @property
    def dataset_given(self) -> bool:
        """Whether the protocol names a dataset (it then overrides FROM in the query)."""
        return bool(self.default_graph_uris or self.named_graph_uris)


def _refuse_update() -> UpdateRefused:
    return UpdateRefused(
        "updates are refused: this public endpoint is read-only (SPARQL 1.1 Query only)",
        message_fr="les mises à jour sont refusées : ce point d'accès public est en lecture "
        "seule (SPARQL 1.1 Query uniquement)",
    )


def _decode(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest(
            f"the {what} is not valid UTF-8",
            message_fr=f"le {'corps' if what == 'body' else what} n'est pas en UTF-8 valide",
        ) from None


def _parse_qs(text: str, what: str) -> dict[str, list[str]]:
    try:
        pairs = parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise BadRequest(
            f"the {what} is not valid UTF-8 once percent-decoded",
            message_fr="les paramètres ne sont pas en UTF-8 valide",
        ) from None
    out: dict[str, list[str]] = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    return out


def _check_charset(req: Request) -> None:
    charset = req.mimetype_params.get("charset")
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise BadRequest(
            f"unsupported charset {charset}: SPARQL requests are UTF-8",
            message_fr=f"jeu de caractères {charset} non pris en charge : les "
            "requêtes SPARQL sont en UTF-8",
        )


def _too_large(max_body: int) -> PayloadTooLarge:
    return PayloadTooLarge(
        f"request body too large (at most {max_body} bytes)",
        message_fr=f"corps de requête trop grand (au plus {max_body} octets)",
    )


def read_request(req: Request, max_body: int) -> ProtocolRequest:
    """Read a GET or POST request per the protocol; raise 400 / 403 errors on misuse."""
    url_params = _parse_qs(_decode(req.query_string, "URL"), "URL")
    if req.method == "GET" or req.method == "HEAD":
        params = url_params
        if "update" in params:
            raise _refuse_update()
        query_values = params.get("query", [])
    elif req.method == "POST":
        if req.content_length is not None and req.content_length > max_body:
            raise _too_large(max_body)
        mimetype = req.mimetype
        body = req.get_data(cache=True)
        if len(body) > max_body:
            raise _too_large(max_body)
        if mimetype == FORM:
            _check_charset(req)
            params = _parse_qs(_decode(body, "body"), "body")
            if "update" in params or "using-graph-uri" in params:
                if "query" in params:
                    raise BadRequest(
                        "a request carries either a query or an update, not both",
                        message_fr="une requête porte soit une requête, soit une "
                        "mise à jour, pas les deux",
                    )
                raise _refuse_update()
            query_values = params.get("query", [])
            for k in ("default-graph-uri", "named-graph-uri"):
                params[k] = url_params.get(k, []) + params.get(k, [])
        elif mimetype == DIRECT:
            _check_charset(req)
            params = url_params
            if "query" in params:
                raise BadRequest(
                    "with application/sparql-query the query is the body, not a `query` parameter",
                    message_fr="avec application/sparql-query, la requête est le "
                    "corps, pas un paramètre `query`",
                )
            query_values = [_decode(body, "body")]
        elif mimetype == UPDATE:
            raise _refuse_update()
        elif not mimetype:
            raise BadRequest(
                f"a POST needs a Content-Type: {FORM} or {DIRECT}",
                message_fr=f"un POST doit préciser son Content-Type : {FORM} ou {DIRECT}",
            )
        else:
            raise BadRequest(
                f"unsupported media type {mimetype}; use {FORM} or {DIRECT}",
                message_fr=f"type de média {mimetype} non pris en charge ; utilisez {FORM} "
                f"ou {DIRECT}",
            )
    else:  # pragma: no cover - the route only allows GET, HEAD, POST, OPTIONS
        raise BadRequest("only GET and POST are allowed")
    if len(query_values) > 1:
        raise BadRequest(
            "exactly one `query` parameter is allowed",
            message_fr="un seul paramètre `query` est permis",
        )
    return ProtocolRequest(
        query_values[0] if query_values else None,
        params.get("default-graph-uri", []),
        params.get("named-graph-uri", []),
        params,
    )
