"""The tables of media types the site speaks; negotiation over them is `webui.conneg.negotiate`.

Two families: SPARQL results (SELECT, ASK) and RDF graphs (CONSTRUCT, DESCRIBE, and every RDF
document the site serves). Each table is in order of preference: its first entry is what a client
gets when it accepts anything. Names and aliases cover what real clients send: SPARQLWrapper's
`format=` values (`turtle`, `n3`, `rdf+xml`, `json-ld`…) and Accept lists (`application/turtle`,
`text/javascript`…).
"""

from __future__ import annotations

from ontology.namespaces import FMT

from ..conneg import MediaType, NotAcceptable

__all__ = ["BY_EXTENSION", "GRAPHS", "RESULTS", "MediaType", "NotAcceptable", "by_key"]

RESULTS: tuple[MediaType, ...] = (
    MediaType(
        "json",
        "application/sparql-results+json",
        ("json", "srj"),
        ("application/json", "text/javascript", "application/javascript"),
        "srj",
        FMT.SPARQL_Results_JSON,
    ),
    MediaType(
        "xml",
        "application/sparql-results+xml",
        ("xml", "srx"),
        ("application/xml", "text/xml"),
        "srx",
        FMT.SPARQL_Results_XML,
    ),
    MediaType("csv", "text/csv", ("csv",), (), "csv", FMT.SPARQL_Results_CSV),
    MediaType("tsv", "text/tab-separated-values", ("tsv",), (), "tsv", FMT.SPARQL_Results_TSV),
)

GRAPHS: tuple[MediaType, ...] = (
    MediaType(
        "ttl",
        "text/turtle",
        ("turtle", "ttl", "n3"),
        ("application/x-turtle", "application/turtle", "text/n3", "text/rdf+n3"),
        "ttl",
        FMT.Turtle,
    ),
    MediaType(
        "jsonld",
        "application/ld+json",
        ("jsonld", "json-ld", "json"),
        ("application/json", "application/x-json+ld"),
        "jsonld",
        FMT.JSON_LD,
    ),
    MediaType(
        "nt",
        "application/n-triples",
        ("nt", "ntriples", "n-triples"),
        ("text/plain",),
        "nt",
        FMT["N-Triples"],
    ),
    MediaType(
        "rdfxml",
        "application/rdf+xml",
        ("rdfxml", "rdf", "xml", "rdf+xml"),
        ("application/xml", "text/xml", "text/rdf"),
        "rdf",
        FMT.RDF_XML,
    ),
)

BY_EXTENSION: dict[str, MediaType] = {m.extension: m for m in GRAPHS}


def by_key(key: str) -> MediaType:
    """The media type of a key (`json`, `ttl`…)."""
    for m in (*RESULTS, *GRAPHS):
        if m.key == key:
            return m
    raise KeyError(key)
