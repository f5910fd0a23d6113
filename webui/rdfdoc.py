"""Serving RDF documents: negotiation among RDF formats, serialisation and validators.

Shared by the SPARQL service description, the linked-data documents, the catalogue and VoID.
Every document derived from the store carries an ETag and Last-Modified taken from the store
version, so clients revalidate cheaply (304).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from flask import Response, request
from rdflib import Graph

from graph.queries.publishing import last_modified
from graph.serialize import serialize
from ontology.namespaces import PREFIXES

from .app_context import get_instance
from .conneg import HTML, negotiate
from .sparql.mediatypes import GRAPHS, MediaType


def negotiate_graph(
    fmt: str | None = None, *, html: bool = True, exclude: tuple[str, ...] = ()
) -> MediaType | None:
    """The RDF format the request asks for (`conneg.negotiate` over `GRAPHS`, then HTML when
    `html`); None when the HTML page is the answer. Formats whose key is in `exclude` (those
    that cannot carry the document) are not offered."""
    offers = [m for m in GRAPHS if m.key not in exclude] + ([HTML] if html else [])
    media = negotiate(offers, fmt)
    return None if media is HTML else media


def serialize_triples(triples: Iterable[Any], media: MediaType) -> bytes:
    """Serialise rdflib triples in `media` (prefixes from `ontology.namespaces`);
    raises `graph.serialize.NotRepresentable` (406) when the format cannot carry them."""
    return serialize(triples, media.key, PREFIXES)


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


def finish(resp: Response, tag: str | None = None) -> Response:
    """Add validators (when `tag` is given). CORS headers are added by `webui.security` to every
    machine route, `Vary: Accept` by `conneg` to every negotiated answer."""
    if tag is not None:
        etag, modified = validators(tag)
        resp.set_etag(etag)
        if modified is not None:
            resp.last_modified = modified
        resp.headers.setdefault("Cache-Control", "public, max-age=0, must-revalidate")
    return resp


def rdf_response(body: bytes, media: MediaType, tag: str | None = None) -> Response:
    """A 200 response carrying an RDF document."""
    resp = Response(body, content_type=media.content_type)
    return finish(resp, tag)


def now() -> datetime:
    """The current time (UTC)."""
    return datetime.now(UTC)
