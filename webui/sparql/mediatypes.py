"""The tables of media types the endpoint speaks, and content negotiation over them.

Two families: SPARQL results (SELECT, ASK) and RDF graphs (CONSTRUCT, DESCRIBE, and every RDF
document the site serves). A client chooses with `Accept` (parsed by werkzeug, q-values honoured)
or with a `format` parameter, which wins: a short name (`json`, `csv`, `ttl`…) or a media type.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept

from graph.errors import AlliancesError, BadRequest
from ontology.namespaces import FMT


class NotAcceptable(AlliancesError):
    """No representation the client accepts."""

    status = 406
    code = "not_acceptable"


@dataclass(frozen=True)
class MediaType:
    """One serialisation: its key, canonical media type, aliases, short names and W3C IRI."""

    key: str
    mime: str
    names: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    extension: str = ""
    w3c: str = ""

    @property
    def content_type(self) -> str:
        """The Content-Type header value (text types say their charset)."""
        textual = self.mime.startswith("text/") or self.mime.endswith(("json", "xml"))
        return f"{self.mime}; charset=utf-8" if textual else self.mime


RESULTS: tuple[MediaType, ...] = (
    MediaType("json", "application/sparql-results+json", ("json", "srj"),
              ("application/json",), "srj", FMT.SPARQL_Results_JSON),
    MediaType("xml", "application/sparql-results+xml", ("xml", "srx"),
              ("application/xml", "text/xml"), "srx", FMT.SPARQL_Results_XML),
    MediaType("csv", "text/csv", ("csv",), (), "csv", FMT.SPARQL_Results_CSV),
    MediaType("tsv", "text/tab-separated-values", ("tsv",), (), "tsv", FMT.SPARQL_Results_TSV),
)

GRAPHS: tuple[MediaType, ...] = (
    MediaType("ttl", "text/turtle", ("turtle", "ttl"), ("application/x-turtle",), "ttl",
              FMT.Turtle),
    MediaType("jsonld", "application/ld+json", ("jsonld", "json-ld", "json"),
              ("application/json",), "jsonld", FMT.JSON_LD),
    MediaType("nt", "application/n-triples", ("nt", "ntriples", "n-triples"),
              ("text/plain",), "nt", FMT["N-Triples"]),
    MediaType("rdfxml", "application/rdf+xml", ("rdfxml", "rdf", "xml"),
              ("application/xml", "text/xml"), "rdf", FMT.RDF_XML),
)

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
}

BY_EXTENSION: dict[str, MediaType] = {m.extension: m for m in GRAPHS}


def by_key(key: str) -> MediaType:
    """The media type of a key (`json`, `ttl`…)."""
    for m in (*RESULTS, *GRAPHS):
        if m.key == key:
            return m
    raise KeyError(key)


def negotiate(
    table: tuple[MediaType, ...], accept: MIMEAccept, fmt: str | None = None,
    *, html: bool = False,
) -> MediaType | None:
    """The best media type of `table` for the request; None means HTML (only if `html`).

    `fmt` (the `format` parameter) wins over `Accept`. Without `Accept` (or with `*/*` only) the
    first entry of the table is the default. Raises BadRequest for an unknown `format` and
    NotAcceptable when nothing acceptable is offered.
    """
    if fmt:
        f = fmt.strip().lower()
        for m in table:
            if f in m.names or f == m.mime:
                return m
        if html and f == "html":
            return None
        names = ", ".join(n for m in table for n in m.names[:1])
        raise BadRequest(f"unknown format {fmt!r}; use one of: {names}",
                         message_fr=f"format {fmt!r} inconnu ; formats possibles : {names}")
    offers = [m.mime for m in table]
    for m in table:
        offers += [a for a in m.aliases if a not in offers]
    if not accept or not accept.values():
        return table[0]
    best = accept.best_match(offers)
    if html and prefers_html(accept, best):
        return None
    if best is None:
        listed = ", ".join(m.mime for m in table)
        raise NotAcceptable(
            f"none of the accepted media types can be produced; available: {listed}",
            message_fr=f"aucun des types de média acceptés n'est disponible ; types possibles : "
            f"{listed}",
        )
    for m in table:
        if best == m.mime or best in m.aliases:
            return m
    return table[0]  # pragma: no cover - best_match returns one of the offers


def prefers_html(accept: MIMEAccept, best: str | None) -> bool:
    """HTML only when the client names text/html and ranks it at least as high as the best."""
    named = any(value.split(";")[0].strip() in ("text/html", "application/xhtml+xml")
                for value, _q in accept)
    if not named:
        return False
    q_html = max(accept.quality("text/html"), accept.quality("application/xhtml+xml"))
    return best is None or q_html >= accept.quality(best)
