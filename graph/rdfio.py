"""Reading and writing RDF documents: the serialisation formats and one fast codec for them.

pyoxigraph's parsers and serialisers are the codec (measured here several times faster than
rdflib's on large documents, and its parsers never dereference anything). Callers hand in and get
back rdflib terms (or, from `parse`, whatever `graph.terms.as_ox` accepts), never an engine object;
no store is involved.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

import pyoxigraph as ox
from rdflib.term import Node

from ontology.namespaces import PREFIXES

from .terms import as_ox, from_ox


@dataclass(frozen=True)
class RdfFormat:
    """A serialisation: its key (as in `alliances export --format`), media type, quads or not."""

    key: str
    media_type: str
    quads: bool
    _ox: Any

    @property
    def prefixed(self) -> bool:
        """Whether the syntax has prefixes (Turtle, TriG, JSON-LD, RDF/XML)."""
        return self.key not in ("nt", "nq")


#: Every format the application reads and writes, by key.
FORMATS: dict[str, RdfFormat] = {
    "ttl": RdfFormat("ttl", "text/turtle", False, ox.RdfFormat.TURTLE),
    "nt": RdfFormat("nt", "application/n-triples", False, ox.RdfFormat.N_TRIPLES),
    "nq": RdfFormat("nq", "application/n-quads", True, ox.RdfFormat.N_QUADS),
    "trig": RdfFormat("trig", "application/trig", True, ox.RdfFormat.TRIG),
    "jsonld": RdfFormat("jsonld", "application/ld+json", False, ox.RdfFormat.JSON_LD),
    "rdfxml": RdfFormat("rdfxml", "application/rdf+xml", False, ox.RdfFormat.RDF_XML),
}

Triple = tuple[Any, Any, Any]
Quad = tuple[Any, Any, Any, Any]


def _ox_triples(triples: Iterable[Triple]) -> Iterator[ox.Triple]:
    for t in triples:
        if isinstance(t, ox.Triple):
            yield t
        elif isinstance(t, ox.Quad):
            yield t.triple
        else:
            yield ox.Triple(as_ox(t[0]), as_ox(t[1]), as_ox(t[2]))  # type: ignore[arg-type]


def _ox_quads(quads: Iterable[Quad]) -> Iterator[ox.Quad]:
    for q in quads:
        if isinstance(q, ox.Quad):
            yield q
        else:
            yield ox.Quad(as_ox(q[0]), as_ox(q[1]), as_ox(q[2]), as_ox(q[3]))  # type: ignore[arg-type]


def write(items: Iterable[Any], fmt: str, output: IO[bytes]) -> None:
    """Stream quads (subject, predicate, object, graph IRI; pyoxigraph or rdflib terms) to
    `output` in `fmt`: quad formats keep the graph names, triple formats drop them. RDF/XML goes
    through `graph.serialize` (in memory: the engine's RDF/XML writer can produce XML that no
    parser accepts), the others stream through the codec."""
    f = FORMATS[fmt]
    if fmt == "rdfxml":
        from .serialize import serialize as write_document

        output.write(write_document([_triple(q) for q in items], fmt, PREFIXES))
        return
    pfx = PREFIXES if f.prefixed else None
    if f.quads:
        ox.serialize(_ox_quads(items), output, f._ox, prefixes=pfx)
    else:
        ox.serialize(_ox_triples(_triple(q) for q in items), output, f._ox, prefixes=pfx)


def _triple(quad: Any) -> Any:
    return quad.triple if isinstance(quad, ox.Quad) else tuple(quad[:3])


def parse(data: bytes | IO[bytes], fmt: str, *, base_iri: str | None = None) -> Iterator[Triple]:
    """Triples of a document as rdflib terms (quads formats: the graph name is dropped)."""
    for q in ox.parse(data, FORMATS[fmt]._ox, base_iri=base_iri):
        yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)


def parse_quads(data: bytes | IO[bytes], fmt: str) -> Iterator[Quad]:
    """Quads of an N-Quads or TriG document as rdflib terms (graph None: the default graph)."""
    for q in ox.parse(data, FORMATS[fmt]._ox):
        g = q.graph_name
        yield (
            from_ox(q.subject),
            from_ox(q.predicate),
            from_ox(q.object),
            None if isinstance(g, ox.DefaultGraph) else from_ox(g),
        )


def ntriples(triples: Iterable[tuple[Node | Any, Node | Any, Node | Any]]) -> bytes:
    """N-Triples of rdflib (or pyoxigraph) terms: one triple per line, UTF-8."""
    return ox.serialize(_ox_triples(triples), format=ox.RdfFormat.N_TRIPLES) or b""
