"""Serving RDF documents: content negotiation, serialisation, validators and CORS.

Shared by the SPARQL service description, the linked-data documents, the catalogue and VoID.
Every document derived from the store carries an ETag and Last-Modified taken from the store
version, so clients revalidate cheaply (304).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import pyoxigraph as ox
from flask import Response, request
from rdflib import Graph

from graph.queries.publishing import last_modified
from graph.terms import to_ox
from ontology.namespaces import PREFIXES

from .app_context import get_instance
from .sparql.mediatypes import GRAPHS, RDF_FORMATS, MediaType, negotiate

READ_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type, If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Location, Link, "
                                     "X-SPARQL-MaxRows",
    "Access-Control-Max-Age": "86400",
}


def negotiate_graph(fmt: str | None = None, *, html: bool = True) -> MediaType | None:
    """The RDF media type the request asks for; None when HTML is preferred."""
    return negotiate(GRAPHS, request.accept_mimetypes, fmt, html=html)


def serialize_triples(triples: Iterable[Any], media: MediaType) -> bytes:
    """Serialise pyoxigraph or rdflib triples in `media` (prefixes from `ontology.namespaces`)."""
    ox_triples = (t if isinstance(t, ox.Triple) else ox.Triple(to_ox(t[0]), to_ox(t[1]),
                                                               to_ox(t[2])) for t in triples)
    fmt = RDF_FORMATS[media.key]
    prefixes = PREFIXES if fmt != ox.RdfFormat.N_TRIPLES else None
    return ox.serialize(ox_triples, format=fmt, prefixes=prefixes) or b""


def serialize_graph(graph: Graph, media: MediaType) -> bytes:
    """Serialise an rdflib graph in `media`."""
    return serialize_triples(iter(graph), media)


def validators(tag: str) -> tuple[str, datetime | None]:
    """ETag value and Last-Modified for a document `tag` of the current store version."""
    inst = get_instance()
    version = inst.store.version
    etag = hashlib.sha256(f"{inst.base}\0{version}\0{tag}".encode()).hexdigest()[:32]
    return etag, last_modified(inst.store)


def not_modified(tag: str) -> Response | None:
    """A 304 response when the client's validators match the current version, else None."""
    etag, modified = validators(tag)
    if etag in request.if_none_match:
        return finish(Response(status=304), tag)
    if not request.if_none_match and modified is not None and request.if_modified_since:
        if modified.replace(microsecond=0) <= request.if_modified_since:
            return finish(Response(status=304), tag)
    return None


def finish(resp: Response, tag: str | None = None, *, vary: bool = True) -> Response:
    """Add validators (when `tag` is given), `Vary: Accept` and the read CORS headers."""
    if tag is not None:
        etag, modified = validators(tag)
        resp.set_etag(etag)
        if modified is not None:
            resp.last_modified = modified
        resp.headers.setdefault("Cache-Control", "public, max-age=0, must-revalidate")
    if vary:
        resp.vary.add("Accept")
    resp.headers.update(READ_CORS)
    return resp


def rdf_response(body: bytes, media: MediaType, tag: str | None = None) -> Response:
    """A 200 response carrying an RDF document."""
    resp = Response(body, content_type=media.content_type)
    return finish(resp, tag)


def now() -> datetime:
    """The current time (UTC)."""
    return datetime.now(UTC)
