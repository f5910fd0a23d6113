"""Reading RDF uploads safely: never fetch anything (no remote JSON-LD context, no DOCTYPE).

Text that XML 1.0 cannot carry (C0 controls other than tab, LF and CR; `graph/cleaning.py`) is
removed as in tabular files, with a warning: raw in the file before parsing (`clean_source`: line
and character given), and escaped in literals (`\\u000B` in Turtle or JSON-LD) after parsing
(`clean_quads`: subject and predicate given).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox

from .cleaning import XML_ILLEGAL, shorten, strip_xml_illegal
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

#: Deepest JSON nesting (objects and arrays) a JSON-LD input may have. Real documents stay under
#: 20; pyoxigraph's JSON-LD parser crashes the process (stack overflow) at a few thousand, and
#: Python's `json` stops near 1,000 (the recursion limit).
MAX_JSON_DEPTH = 256

_JSON_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def json_depth(data: bytes) -> int:
    """The deepest nesting of objects and arrays in a JSON text (strings skipped), read without
    recursion; unbalanced brackets are left for the parser to report."""
    depth = deepest = 0
    for m in _JSON_TOKEN.finditer(data):
        c = m.group()
        if c in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        elif c in (b"]", b"}"):
            depth -= 1
    return deepest


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
    """Refuse input that would make the parser reach outside (remote contexts, DTDs) or overflow
    its stack (JSON nested deeper than `MAX_JSON_DEPTH`)."""
    if fmt == ox.RdfFormat.JSON_LD:
        depth = json_depth(data)
        if depth > MAX_JSON_DEPTH:
            return Problem(
                name,
                None,
                None,
                None,
                f"JSON nested too deeply ({depth} levels, at most {MAX_JSON_DEPTH})",
                f"JSON trop imbriqué ({depth} niveaux, au plus {MAX_JSON_DEPTH})",
            )
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


def clean_source(name: str, data: bytes, warnings: list[Problem]) -> bytes:
    """`data` without raw XML-illegal characters (UTF-8 input), one warning per line touched.

    Bytes that are not UTF-8 are returned as they are, for the parser to report.
    """
    if not _RAW_ILLEGAL.search(data):
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    lines = text.split("\n")  # not splitlines(), which also breaks at U+000B and U+001C-E
    for number, line in enumerate(lines, 1):
        if XML_ILLEGAL.search(line):
            at = XML_ILLEGAL.search(line)
            clean, removed = strip_xml_illegal(line)
            lines[number - 1] = clean
            warnings.append(
                Problem(
                    name,
                    number,
                    None,
                    shorten(clean.strip()),
                    f"control character(s) {', '.join(removed)} removed (from character "
                    f"{at.start() + 1 if at else 1}; XML 1.0 cannot carry them)",
                    f"caractère(s) de contrôle {', '.join(removed)} supprimé(s) (à partir du "
                    f"caractère {at.start() + 1 if at else 1} ; XML 1.0 ne peut pas les porter)",
                )
            )
    return "\n".join(lines).encode("utf-8")


_RAW_ILLEGAL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")


def clean_quads(name: str, quads: Iterable[ox.Quad], warnings: list[Problem]) -> list[ox.Quad]:
    """The quads, with XML-illegal characters removed from literals (a warning for each)."""
    out = []
    for q in quads:
        obj = q.object
        if isinstance(obj, ox.Literal) and XML_ILLEGAL.search(obj.value):
            value, removed = strip_xml_illegal(obj.value)
            obj = (
                ox.Literal(value, language=obj.language)
                if obj.language
                else ox.Literal(value, datatype=obj.datatype)
            )
            warnings.append(
                Problem(
                    name,
                    None,
                    q.predicate.value,
                    shorten(value),
                    f"control character(s) {', '.join(removed)} removed from a literal of "
                    f"{q.subject} (XML 1.0 cannot carry them)",
                    f"caractère(s) de contrôle {', '.join(removed)} supprimé(s) d'un littéral de "
                    f"{q.subject} (XML 1.0 ne peut pas les porter)",
                )
            )
            q = ox.Quad(q.subject, q.predicate, obj, q.graph_name)
        out.append(q)
    return out
