"""Which graphs anyone's query may name: the published ones, never the store's bookkeeping.

Every read names the published graphs as its dataset (`default-graph-uri` / `named-graph-uri`
on a server), which keeps the system graph `urn:x-alliances:system` and unpublished graphs
(`{base}graph/{source}/{version}` being written or being deleted) out of reach on Oxigraph.
Virtuoso 7 does not: it restricts `GRAPH ?g` to `named-graph-uri` only when the query does not
fix the graph itself. Measured on Virtuoso 7.2 (tests/store_contract/test_contract_remote.py):
`GRAPH <iri>`, `FILTER(?g = <iri>)`, `FILTER(sameTerm(?g, <iri>))`, `FILTER(?g IN (<iri>))`,
`VALUES ?g { <iri> }` and `FILTER EXISTS { GRAPH <iri> … }` read the named graph; comparing
`STR(?g)` with a string, computing the IRI (`IRI(CONCAT(…))`, `BIND`) or passing it through
another variable do not.

So a query is refused, on every store, when it names such a graph: its text is parsed with
rdflib's SPARQL algebra (prefixes and BASE resolved, `\\uXXXX` escapes decoded), and every IRI and
string it contains (patterns, FILTER, VALUES, BIND, FROM) is compared with the graphs it may
name. A query without the words GRAPH or FROM cannot name a graph and is not parsed; one that
rdflib cannot read is refused only if it has one of them. Parses are cached by query text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator
from typing import Any

from rdflib import Literal, URIRef

from ..errors import QueryRefused

#: IRIs of the store's own bookkeeping start with this (the system graph, the empty graph).
SYSTEM_PREFIX = "urn:x-alliances:"
_GATE = re.compile(r"graph|from|x-alliances", re.IGNORECASE)
_NAMES_GRAPHS = re.compile(r"\b(?:graph|from)\b", re.IGNORECASE)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_VERSIONED = re.compile(r"[^/]+/\d+")


def decode_escapes(text: str) -> str:
    """The text with SPARQL `\\uXXXX` / `\\UXXXXXXXX` code-point escapes decoded."""

    def repl(m: re.Match[str]) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except (ValueError, OverflowError):
            return m.group()

    return _UNICODE_ESCAPE.sub(repl, text)


def is_hidden(value: str, *, base: str, published: Collection[str]) -> bool:
    """Whether `value` names a graph no query may name: the store's bookkeeping, or a
    versioned graph of the instance (`{base}graph/{source}/{n}`) that is not published."""
    if value.lower().startswith(SYSTEM_PREFIX):
        return True
    prefix = base + "graph/"
    return (
        value.startswith(prefix)
        and _VERSIONED.fullmatch(value[len(prefix) :]) is not None
        and value not in published
    )


def hidden_graphs(query: str, *, base: str, published: Collection[str]) -> list[str]:
    """The hidden graphs (see `is_hidden`) that `query` names, sorted; raises QueryRefused
    when the query may name graphs and rdflib cannot read it."""
    found: set[str] = set()
    for text in dict.fromkeys((query, decode_escapes(query))):
        if not _GATE.search(text):
            continue
        if SYSTEM_PREFIX in text.lower():
            found.add(SYSTEM_PREFIX + "…")
        values = _values(text)
        if values is None:
            if _NAMES_GRAPHS.search(text):
                raise _unreadable()
            continue
        found.update(v for v in values if is_hidden(v, base=base, published=published))
    return sorted(found)


def check_visible(query: str, *, base: str, published: Collection[str]) -> None:
    """Raise QueryRefused (400) when `query` names a hidden graph (see the module's doc)."""
    names = hidden_graphs(query, base=base, published=published)
    if names:
        listed = ", ".join(f"<{n}>" for n in names)
        raise QueryRefused(
            f"the query names {listed}, which is not a published graph of this store: only "
            "the published graphs can be queried (see the service description at /sparql)",
            message_fr=f"la requête nomme {listed}, qui n'est pas un graphe publié de ce stock : "
            "seuls les graphes publiés peuvent être interrogés (voir la description du "
            "service, /sparql)",
        )


@functools.lru_cache(maxsize=512)
def _values(text: str) -> frozenset[str] | None:
    """Every IRI and string of the query's algebra, or None when rdflib cannot parse it."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        parsed = prepareQuery(text)
    except Exception:  # noqa: BLE001 - pyparsing and rdflib raise many kinds on bad syntax
        return None
    return frozenset(str(t) for t in _terms(parsed.algebra) if isinstance(t, URIRef | Literal))


def _terms(node: Any) -> Iterator[Any]:
    """Every leaf of an algebra tree (CompValues, dicts of VALUES rows, lists, sets)."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, URIRef | Literal):
            yield n
        elif isinstance(n, dict):  # CompValue and Expr are dicts too
            stack.extend(n.keys())
            stack.extend(n.values())
        elif isinstance(n, list | tuple | set | frozenset) or type(n).__name__ == "ParseResults":
            stack.extend(n)


def _unreadable() -> QueryRefused:
    return QueryRefused(
        "this endpoint checks which graphs a query names, and could not read this one (a "
        "syntax the checker does not know): write it in standard SPARQL 1.1",
        message_fr="ce point d'accès vérifie les graphes qu'une requête nomme et n'a pas pu "
        "lire celle-ci (une syntaxe que le vérificateur ne connaît pas) : écrivez-la en SPARQL "
        "1.1 standard",
    )
