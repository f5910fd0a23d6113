"""Writing triples in the RDF formats the site publishes, so that every output parses.

One function, `serialize`, for every document the site writes (linked-data pages, the catalogue,
VoID, the service description, CONSTRUCT and DESCRIBE results). Turtle, N-Triples and JSON-LD go
through the engine's writers (pyoxigraph); RDF/XML goes through rdflib's flat writer after three
repairs, because measured here the engine's RDF/XML writer produces documents that no XML parser
accepts (`<oxprefix: …>` for a predicate IRI ending in a digit, raw control characters, `rdf:nodeID`
values starting with a digit) and raises on `rdf:li`, `rdf:about` and the like as predicates:

1. characters that XML 1.0 cannot carry (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF)
   are removed from literals, as the import removes them (`graph.xml_text.xml_safe`);
2. blank node labels become XML names (`b` + label), which a graph comparison ignores;
3. a predicate that RDF/XML cannot write (its IRI does not end in an XML name, as
   `…/indicateurs/2024` or `…#`, or it is one of the RDF/XML syntax names) raises
   `NotRepresentable` (HTTP 406) naming it, instead of yielding broken XML.

Everything else round-trips: parsing the output gives a graph isomorphic
to the input (tests/test_xml_outputs.py checks it on generated graphs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from ontology.namespaces import RDF

from .errors import NotAcceptable
from .terms import from_ox, to_ox
from .xml_text import XML_ILLEGAL, xml_safe

#: Keys of the formats `serialize` writes, as used in `webui/sparql/mediatypes.py`.
FORMATS = ("ttl", "nt", "jsonld", "rdfxml")

_OX_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}

#: XML 1.0 NameStartChar and NameChar without the colon (an NCName, https://www.w3.org/TR/xml-names/).
_START = (
    "A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_NAME = _START + r"\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
NCNAME_TAIL = re.compile(f"[{_START}][{_NAME}]*$")

#: RDF/XML syntax names that cannot be used as property elements (RDF 1.1 XML Syntax §7.2.5).
_RESERVED = {
    str(RDF) + n
    for n in (
        "RDF",
        "ID",
        "about",
        "parseType",
        "resource",
        "nodeID",
        "datatype",
        "Description",
        "li",
        "aboutEach",
        "aboutEachPrefix",
        "bagID",
    )
}


class NotRepresentable(NotAcceptable):
    """The triples cannot be written in the requested format (HTTP 406)."""

    code = "not_representable"


def rdf_xml_problem(predicate: str) -> tuple[str, str] | None:
    """Why `predicate` cannot be a property element of RDF/XML (English, French), or None."""
    if predicate in _RESERVED:
        return (
            "it is a reserved name of the RDF/XML syntax",
            "c'est un nom réservé de la syntaxe RDF/XML",
        )
    if not NCNAME_TAIL.search(predicate):
        return (
            "its IRI does not end with an XML name (a letter first; not a number nor '#')",
            "son IRI ne se termine pas par un nom XML (une lettre d'abord ; ni un nombre, "
            "ni « # »)",
        )
    return None


def can_write(triples: Iterable[Any], fmt: str) -> bool:
    """Whether `serialize(triples, fmt)` succeeds (only RDF/XML refuses some predicates)."""
    if fmt != "rdfxml":
        return True
    return all(
        rdf_xml_problem(_iri(t.predicate if isinstance(t, ox.Triple) else t[1])) is None
        for t in triples
    )


def _iri(term: Any) -> str:
    return str(term.value) if isinstance(term, ox.NamedNode) else str(term)


def serialize(triples: Iterable[Any], fmt: str, prefixes: Mapping[str, str] | None = None) -> bytes:
    """`triples` (pyoxigraph triples or rdflib 3-tuples) as a document in `fmt` (a FORMATS key).

    `prefixes` (prefix → namespace) are declared where the format has prefixes. Raises
    NotRepresentable when RDF/XML cannot carry a predicate, KeyError for an unknown format.
    """
    if fmt == "rdfxml":
        return rdf_xml(triples, prefixes)
    rdf_format = _OX_FORMATS[fmt]
    ox_triples = (
        t if isinstance(t, ox.Triple) else ox.Triple(to_ox(t[0]), to_ox(t[1]), to_ox(t[2]))  # type: ignore[arg-type]
        for t in triples
    )
    pref = dict(prefixes) if prefixes and fmt != "nt" else None
    return ox.serialize(ox_triples, format=rdf_format, prefixes=pref) or b""


def rdf_xml(triples: Iterable[Any], prefixes: Mapping[str, str] | None = None) -> bytes:
    """RDF/XML that every XML parser accepts (see the module docstring for the three repairs)."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in (prefixes or {}).items():
        g.bind(prefix, ns)
    bad: dict[str, tuple[str, str]] = {}
    for t in triples:
        s, p, o = (t.subject, t.predicate, t.object) if isinstance(t, ox.Triple) else t
        s, p, o = (
            from_ox(x) if isinstance(x, ox.NamedNode | ox.BlankNode | ox.Literal) else x
            for x in (s, p, o)
        )
        problem = rdf_xml_problem(str(p))
        if problem is not None:
            bad[str(p)] = problem
            continue
        g.add((_xml_node(s), p, _xml_node(o)))  # type: ignore[arg-type]
    if bad:
        shown = sorted(bad)[:3]
        en = "; ".join(f"<{p}>: {bad[p][0]}" for p in shown)
        fr = " ; ".join(f"<{p}> : {bad[p][1]}" for p in shown)
        raise NotRepresentable(
            f"this document cannot be written in RDF/XML: {en}. Ask for Turtle, N-Triples or "
            "JSON-LD, which carry every IRI",
            message_fr=f"ce document ne peut pas s'écrire en RDF/XML : {fr}. Demandez-le en "
            "Turtle, N-Triples ou JSON-LD, qui acceptent tous les IRI",
        )
    return g.serialize(format="xml", encoding="utf-8")


def _xml_node(term: Any) -> Any:
    if isinstance(term, BNode):
        return BNode("b" + str(term))
    if isinstance(term, Literal) and XML_ILLEGAL.search(str(term)):
        return Literal(xml_safe(str(term)), lang=term.language, datatype=term.datatype)
    if isinstance(term, URIRef | Literal):
        return term
    raise TypeError(f"unsupported term {term!r}")
