"""Turning an engine result into bytes of one media type, with a cap on rows.

SELECT results are written here (JSON, XML, CSV, TSV per the W3C result formats) because the cap
must stop reading the engine's iterator, which its own serialiser would drain; ASK results and RDF
graphs go through pyoxigraph's serialisers, except RDF/XML, written by `graph.serialize` (the
engine's RDF/XML writer can produce broken XML). Text in the XML results goes through
`xml_safe`, so the document is well-formed whatever the store holds. This module runs inside
the query worker processes, so it imports nothing heavier than pyoxigraph until RDF/XML is asked.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from itertools import islice
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from graph.xml_text import xml_safe

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD,
               "nt": ox.RdfFormat.N_TRIPLES}


@dataclass
class Serialized:
    """A serialised result: which kind it was, its bytes, and whether rows were cut."""

    kind: str  # "solutions", "boolean" or "graph"
    body: bytes
    rows: int
    truncated: bool


def serialize(result: Any, result_format: str, graph_format: str, max_rows: int,
              prefixes: dict[str, str] | None = None) -> Serialized:
    """Serialise an engine result (solutions, boolean or triples), keeping at most `max_rows`."""
    if isinstance(result, ox.QueryBoolean):
        return Serialized("boolean", result.serialize(format=RESULT_FORMATS[result_format]),
                          1, False)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = list(islice(result, max_rows + 1))
        truncated = len(rows) > max_rows
        rows = rows[:max_rows]
        table = [[sol[n] for n in names] for sol in rows]
        body = WRITERS[result_format](names, table)
        return Serialized("solutions", body, len(rows), truncated)
    triples = list(islice(result, max_rows + 1))
    truncated = len(triples) > max_rows
    triples = triples[:max_rows]
    if graph_format == "rdfxml":
        from graph.serialize import rdf_xml  # rdflib, loaded only when RDF/XML is asked

        body = rdf_xml(triples, prefixes)
    else:
        body = ox.serialize(triples, format=RDF_FORMATS[graph_format], prefixes=prefixes or None)
    return Serialized("graph", body or b"", len(triples), truncated)


Table = list[list[Any]]


def _json_term(t: Any) -> dict[str, Any]:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            out["datatype"] = t.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _json_term(t.subject),
                                        "predicate": _json_term(t.predicate),
                                        "object": _json_term(t.object)}}


def write_json(names: list[str], table: Table) -> bytes:
    """SPARQL 1.1 Query Results JSON Format."""
    bindings = [{n: _json_term(v) for n, v in zip(names, row, strict=True) if v is not None}
                for row in table]
    doc = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def escape_xml(text: str) -> str:
    """`text` escaped for XML content, without the characters XML 1.0 cannot carry."""
    return escape(xml_safe(text))


def _xml_term(t: Any) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape_xml(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape_xml(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        text = escape_xml(t.value).replace("\r", "&#13;")
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{text}</literal>"
        if t.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(t.datatype.value)}>{text}</literal>"
        return f"<literal>{text}</literal>"
    return (f"<triple><subject>{_xml_term(t.subject)}</subject><predicate>"
            f"{_xml_term(t.predicate)}</predicate><object>{_xml_term(t.object)}</object></triple>")


def write_xml(names: list[str], table: Table) -> bytes:
    """SPARQL Query Results XML Format."""
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{RESULTS_NS}"><head>']
    out += [f"<variable name={quoteattr(n)}/>" for n in names]
    out.append("</head><results>")
    for row in table:
        out.append("<result>")
        out += [f"<binding name={quoteattr(n)}>{_xml_term(v)}</binding>"
                for n, v in zip(names, row, strict=True) if v is not None]
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode()


def _csv_value(t: Any) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    if isinstance(t, ox.NamedNode | ox.Literal):
        return t.value
    return str(t)


def write_csv(names: list[str], table: Table) -> bytes:
    """SPARQL 1.1 Query Results CSV Format (values only, CRLF line ends)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(names)
    for row in table:
        w.writerow([_csv_value(v) for v in row])
    return buf.getvalue().encode()


def _tsv_value(t: Any) -> str:
    if t is None:
        return ""
    return str(t).replace("\t", "\\t")


def write_tsv(names: list[str], table: Table) -> bytes:
    """SPARQL 1.1 Query Results TSV Format (terms in Turtle/N-Triples syntax)."""
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join(_tsv_value(v) for v in row) for row in table]
    return ("\n".join(lines) + "\n").encode()


WRITERS = {"json": write_json, "xml": write_xml, "csv": write_csv, "tsv": write_tsv}
