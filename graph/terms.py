"""RDF terms: the rdflib terms the application handles, their SPARQL / N-Triples syntax, and the
conversion to and from pyoxigraph's terms (pyoxigraph is also our fast RDF parser and serialiser,
see `graph/rdfio.py`; its store is used only in `graph/store/oxigraph.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

RdfTerm = URIRef | BNode | Literal

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: Characters an IRI may not contain (SPARQL 1.1 IRIREF, N-Triples IRIREF).
_BAD_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_LANG = re.compile(r"^[a-zA-Z]+(-[a-zA-Z0-9]+)*$")
_BNODE_LABEL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')


def _escape(match: re.Match[str]) -> str:
    c = match.group(0)
    return _ESCAPES.get(c) or f"\\u{ord(c):04X}"


def iri_syntax(iri: str) -> str:
    """`<iri>`; raises ValueError for a string that is not a valid IRI reference."""
    if _BAD_IRI.search(iri):
        raise ValueError(f"not a valid IRI: {iri!r}")
    return f"<{iri}>"


def literal_syntax(value: str, *, language: str | None = None, datatype: str | None = None) -> str:
    """A quoted literal with every special character escaped (valid SPARQL and N-Triples)."""
    quoted = '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'
    if language:
        if not _LANG.match(language):
            raise ValueError(f"not a valid language tag: {language!r}")
        return f"{quoted}@{language}"
    if datatype and datatype != XSD_STRING:
        return f"{quoted}^^{iri_syntax(datatype)}"
    return quoted


def term_syntax(term: Node, *, blank: bool = True) -> str:
    """The SPARQL / N-Triples syntax of an rdflib term, every value escaped (never pasted).

    Raises TypeError for a blank node when `blank` is false (a blank node in a query is a fresh
    variable, so it can never be bound), ValueError for an invalid IRI or language tag.
    """
    if isinstance(term, URIRef):
        return iri_syntax(str(term))
    if isinstance(term, Literal):
        dt = str(term.datatype) if term.datatype is not None else None
        return literal_syntax(str(term), language=term.language, datatype=dt)
    if isinstance(term, BNode):
        if not blank:
            raise TypeError("a blank node cannot be bound in a query")
        label = str(term)
        if not _BNODE_LABEL.match(label):
            label = "b" + label.encode().hex()
        return f"_:{label}"
    raise TypeError(f"not an RDF term: {term!r}")


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """rdflib term → pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


#: rdflib IRIs of pyoxigraph ones, by value: building a URIRef validates its text, which costs
#: more than the lookup (imports and queries meet the same predicates and classes again and again).
_rdf_iris: dict[str, URIRef] = {}


def from_ox(term: object) -> RdfTerm:
    """pyoxigraph term → rdflib term (xsd:string literals come back as plain literals)."""
    if isinstance(term, ox.NamedNode):
        value = term.value
        iri = _rdf_iris.get(value)
        if iri is None:
            if len(_rdf_iris) > 200_000:
                _rdf_iris.clear()
            iri = _rdf_iris[value] = URIRef(value)
        return iri
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"unsupported term {term!r}")


_ox_cache: dict[str, ox.NamedNode] = {}


def as_ox(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Accept pyoxigraph terms as they are and convert rdflib ones (IRIs cached: imports repeat
    the same predicates and classes millions of times)."""
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term
    if isinstance(term, URIRef):
        node = _ox_cache.get(term)
        if node is None:
            if len(_ox_cache) > 100_000:
                _ox_cache.clear()
            node = _ox_cache[term] = ox.NamedNode(str(term))
        return node
    return to_ox(term)  # type: ignore[arg-type]


def quads_to_ox(triples: Iterable[tuple[Node, Node, Node]], graph: URIRef) -> Iterator[ox.Quad]:
    """Turn rdflib triples into pyoxigraph quads in `graph`."""
    g = ox.NamedNode(str(graph))
    for s, p, o in triples:
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), g)  # type: ignore[arg-type]
