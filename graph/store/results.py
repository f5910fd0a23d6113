"""Serialised query results, and the writers of the W3C result formats.

Solutions travel between a store and its writers as rows of *JSON terms*, the term objects of the
SPARQL 1.1 Query Results JSON Format (`{"type": "uri", "value": …}`, `{"type": "literal", "value":
…, "xml:lang" | "datatype": …}`, `{"type": "bnode", …}`): what a remote engine sends, and cheap to
make from any engine's terms. The writers (JSON, XML, CSV, TSV) work on them, so every store
writes the same bytes for the same solutions.

A store whose engine gives hashable terms (Oxigraph) hands its rows to `write_terms` with a
converter instead: each distinct term is converted once (a result repeats the same IRIs and
labels row after row), and the JSON format is written by joining each distinct term's JSON text,
made once, rather than by building one dict per row and encoding the whole document (about twice
as fast on large results, bench/README.md « SPARQL »; the bytes are the same as `write_json`'s).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Literal, URIRef

from ontology.namespaces import PREFIXES

from ..terms import XSD_STRING, RdfTerm, iri_syntax, literal_syntax
from ..xml_text import xml_safe

RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
RESULT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("ttl", "nt", "jsonld", "rdfxml")

JsonTerm = dict[str, Any]
Table = Sequence[Sequence[JsonTerm | None]]
#: An engine's term (hashable: equal terms are the same RDF term).
T = TypeVar("T", bound=Hashable)


@dataclass
class Serialized:
    """A serialised result: which kind it was, its bytes, its rows and whether rows were cut."""

    kind: str  # "solutions", "boolean" or "graph"
    body: bytes
    rows: int
    truncated: bool


def json_term(term: JsonTerm) -> JsonTerm:
    """A JSON term in the SPARQL 1.1 shape: `typed-literal` (SPARQL 1.0, Virtuoso) becomes
    `literal`, and `xsd:string` is left implicit."""
    kind = term.get("type")
    if kind == "typed-literal":
        term = {"type": "literal", "value": term["value"], "datatype": term["datatype"]}
    if term.get("datatype") == XSD_STRING:
        term = {"type": "literal", "value": term["value"]}
    return term


def to_rdflib(term: JsonTerm) -> RdfTerm:
    """A JSON term as an rdflib term (xsd:string literals come back as plain literals)."""
    kind = term["type"]
    value = term["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = term.get("xml:lang")
        if lang:
            return Literal(value, lang=lang)
        dt = term.get("datatype")
        if dt and dt != XSD_STRING:
            return Literal(value, datatype=URIRef(dt))
        return Literal(value)
    raise ValueError(f"unsupported result term {term!r}")


def write_boolean(value: bool, fmt: str) -> bytes:
    """An ASK result in a result format."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{RESULTS_NS}"><head/>'
            f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n"
        ).encode()
    if fmt == "csv":
        return f"_askResult\r\n{'true' if value else 'false'}\r\n".encode()
    return f"?_askResult\n{'true' if value else 'false'}\n".encode()


#: One encoder for every call (`json.dumps` with options builds a new one each time).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
#: A string as JSON text, exactly as `_ENCODER` writes it (C-accelerated).
_string = getattr(json.encoder, "c_encode_basestring", None) or json.encoder.py_encode_basestring


def _dumps(value: Any) -> str:
    return _ENCODER.encode(value)


def json_text(term: JsonTerm) -> str:
    """A JSON term as `_dumps` writes it (keys in order), made from its strings directly
    (an IRI or a plain literal: two C calls; a triple term: `_dumps`)."""
    if not isinstance(term.get("value"), str):  # a triple term: nested terms
        return _dumps(term)
    if len(term) == 2:
        return '{"type":' + _string(term["type"]) + ',"value":' + _string(term["value"]) + "}"
    return "{" + ",".join([_string(k) + ":" + _string(v) for k, v in term.items()]) + "}"


def write_json(names: Sequence[str], table: Table) -> bytes:
    """SPARQL 1.1 Query Results JSON Format."""
    bindings = [{n: v for n, v in zip(names, row, strict=True) if v is not None} for row in table]
    doc = {"head": {"vars": list(names)}, "results": {"bindings": bindings}}
    return _dumps(doc).encode()


def write_json_terms(
    names: Sequence[str], rows: Sequence[Sequence[T | None]], to_json: Callable[[T], JsonTerm]
) -> bytes:
    """The same bytes as `write_json` on the rows converted by `to_json`, writing each
    distinct term's JSON text once and joining strings (see the module's doc)."""
    text: dict[T, str] = {}
    keys = [_dumps(n) + ":" for n in names]
    out = []
    for row in rows:
        parts = []
        for key, term in zip(keys, row, strict=True):
            if term is None:
                continue
            fragment = text.get(term)
            if fragment is None:
                fragment = text[term] = json_text(to_json(term))
            parts.append(key + fragment)
        out.append("{" + ",".join(parts) + "}")
    head = '{"head":{"vars":' + _dumps(list(names)) + '},"results":{"bindings":['
    return (head + ",".join(out) + "]}}").encode()


def escape_xml(text: str) -> str:
    """`text` escaped for XML content, without the characters XML 1.0 cannot carry."""
    return escape(xml_safe(text))


def _xml_term(t: JsonTerm) -> str:
    kind, value = t["type"], t["value"]
    if kind == "uri":
        return f"<uri>{escape_xml(value)}</uri>"
    if kind == "bnode":
        return f"<bnode>{escape_xml(value)}</bnode>"
    if kind == "triple":
        return (
            f"<triple><subject>{_xml_term(value['subject'])}</subject><predicate>"
            f"{_xml_term(value['predicate'])}</predicate><object>"
            f"{_xml_term(value['object'])}</object></triple>"
        )
    text = escape_xml(value).replace("\r", "&#13;")
    if "xml:lang" in t:
        return f"<literal xml:lang={quoteattr(t['xml:lang'])}>{text}</literal>"
    if "datatype" in t:
        return f"<literal datatype={quoteattr(t['datatype'])}>{text}</literal>"
    return f"<literal>{text}</literal>"


def write_xml(names: Sequence[str], table: Table) -> bytes:
    """SPARQL Query Results XML Format."""
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{RESULTS_NS}"><head>']
    out += [f"<variable name={quoteattr(n)}/>" for n in names]
    out.append("</head><results>")
    for row in table:
        out.append("<result>")
        out += [
            f"<binding name={quoteattr(n)}>{_xml_term(v)}</binding>"
            for n, v in zip(names, row, strict=True)
            if v is not None
        ]
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode()


def _csv_value(t: JsonTerm | None) -> str:
    if t is None:
        return ""
    if t["type"] == "bnode":
        return f"_:{t['value']}"
    if t["type"] == "triple":
        return _tsv_value(t)
    return str(t["value"])


def write_csv(names: Sequence[str], table: Table) -> bytes:
    """SPARQL 1.1 Query Results CSV Format (values only, CRLF line ends)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(names)
    for row in table:
        w.writerow([_csv_value(v) for v in row])
    return buf.getvalue().encode()


def _tsv_value(t: JsonTerm | None) -> str:
    if t is None:
        return ""
    kind, value = t["type"], t["value"]
    if kind == "uri":
        return iri_syntax(value)
    if kind == "bnode":
        return f"_:{value}"
    if kind == "triple":
        return (
            "<< "
            + " ".join(_tsv_value(value[k]) for k in ("subject", "predicate", "object"))
            + " >>"
        )
    return literal_syntax(value, language=t.get("xml:lang"), datatype=t.get("datatype"))


def write_tsv(names: Sequence[str], table: Table) -> bytes:
    """SPARQL 1.1 Query Results TSV Format (terms in Turtle/N-Triples syntax)."""
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join(_tsv_value(v) for v in row) for row in table]
    return ("\n".join(lines) + "\n").encode()


WRITERS = {"json": write_json, "xml": write_xml, "csv": write_csv, "tsv": write_tsv}


def write_graph(triples: Sequence[Any], fmt: str, max_rows: int) -> Serialized:
    """A graph result (pyoxigraph triples or rdflib 3-tuples) in `fmt`, at most `max_rows`
    triples, written by `graph.serialize` (which keeps RDF/XML well-formed, or raises
    NotRepresentable)."""
    from ..serialize import serialize

    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}")
    kept = triples[:max_rows]
    body = serialize(kept, fmt, PREFIXES if fmt != "nt" else None)
    return Serialized("graph", body, len(kept), len(triples) > max_rows)


def write_solutions(names: Sequence[str], table: Table, fmt: str, truncated: bool) -> Serialized:
    """Solutions (rows of JSON terms) serialised in `fmt`."""
    return Serialized("solutions", WRITERS[fmt](names, table), len(table), truncated)


def write_terms(
    names: Sequence[str],
    rows: Sequence[Sequence[T | None]],
    to_json: Callable[[T], JsonTerm],
    fmt: str,
    truncated: bool,
) -> Serialized:
    """Solutions given as rows of an engine's hashable terms (None: unbound), serialised in
    `fmt`; `to_json` makes a term's JSON term and is called once per distinct term."""
    if fmt == "json":
        return Serialized("solutions", write_json_terms(names, rows, to_json), len(rows), truncated)
    if fmt not in WRITERS:
        raise KeyError(fmt)
    memo: dict[T, JsonTerm] = {}

    def convert(term: T) -> JsonTerm:
        found = memo.get(term)
        if found is None:
            found = memo[term] = to_json(term)
        return found

    table = [[None if t is None else convert(t) for t in row] for row in rows]
    return Serialized("solutions", WRITERS[fmt](names, table), len(rows), truncated)
