"""Reading RDF uploads safely: never fetch anything (no remote JSON-LD context, no DOCTYPE)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

from .errors import Problem

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}

_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)


def _remote_context(node: Any) -> str | None:
    """The first remote context reference in a JSON-LD document, if any."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                for ctx in value if isinstance(value, list) else [value]:
                    if isinstance(ctx, str):
                        return ctx
                    found = _remote_context(ctx)
                    if found:
                        return found
            else:
                found = _remote_context(value)
                if found:
                    return found
    elif isinstance(node, list):
        for item in node:
            found = _remote_context(item)
            if found:
                return found
    return None


def check_safe(name: str, data: bytes, fmt: ox.RdfFormat) -> Problem | None:
    """Refuse input that would make the parser reach outside: remote contexts, DTDs."""
    if fmt == ox.RdfFormat.JSON_LD:
        try:
            doc = json.loads(data)
        except ValueError as exc:
            return Problem(name, None, None, None, f"invalid JSON: {exc}", f"JSON invalide : {exc}")
        remote = _remote_context(doc)
        if remote is not None:
            return Problem(
                name,
                None,
                "@context",
                remote,
                "remote JSON-LD contexts are not loaded: inline the context",
                "les contextes JSON-LD distants ne sont pas chargés : incluez le contexte",
            )
    if fmt == ox.RdfFormat.RDF_XML and _DOCTYPE.search(data):
        return Problem(
            name,
            None,
            None,
            None,
            "DOCTYPE and ENTITY declarations are refused",
            "les déclarations DOCTYPE et ENTITY sont refusées",
        )
    return None


def parse_rdf(name: str, data: bytes, fmt: ox.RdfFormat, base_iri: str) -> Iterator[ox.Quad]:
    """Parse an RDF document with pyoxigraph (which never dereferences anything)."""
    yield from ox.parse(data, fmt, base_iri=base_iri)
