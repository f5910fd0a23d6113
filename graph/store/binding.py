"""The one way values are bound into SPARQL: a `VALUES` block built from rdflib terms.

`store.select(query, r=iri, p=[a, b])` runs `query` with a block `VALUES (?r ?p) { (<iri> <a>)
(<iri> <b>) }` placed first in its WHERE group (one block for all the bindings: see `values`).
Every store gets the same text, embedded or remote (a `VALUES` block travels over the SPARQL
protocol; pyoxigraph's `substitutions` do not, and refuse variables outside the projection). Terms
are written by `graph.terms.term_syntax`, which escapes every character that matters, so user text
is never pasted into a query.

Semantics: the block is *joined* with the WHERE group (SPARQL evaluates groups from the inside
out), which is the same as substituting the value wherever the variable is used in that group,
in OPTIONAL / FILTER / EXISTS of it, and in nested groups *after* it is bound there by a triple
pattern. A nested group that uses the variable before any pattern binds it (`{ BIND(?r AS ?s) … }`
inside a UNION branch, a FILTER inside a GRAPH group) sees it unbound: write such queries with a
triple pattern on the variable first in each branch, or the FILTER at the top level
(graph/queries/ does; the contract suite checks their answers on every store).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import product
from typing import Union

from rdflib.term import Node

from ..terms import term_syntax

#: A bound value: one term, or several (the variable then takes each in turn).
Binding = Union[Node, Iterable[Node]]  # noqa: UP007 - a type alias, read at runtime

_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


#: Most rows of the one combined block (the product of the bindings' sizes); above it the
#: largest multi-valued bindings get blocks of their own (see `values`).
COMBINED_ROWS = 1000


def _terms_of(name: str, value: Binding) -> list[Node]:
    if not _VAR.match(name):
        raise ValueError(f"not a SPARQL variable name: {name!r}")
    if isinstance(value, Node):
        terms: list[Node] = [value]
    elif isinstance(value, set | frozenset):
        terms = sorted(value)
    elif isinstance(value, Iterable) and not isinstance(value, str | bytes):
        terms = list(value)
    else:
        raise TypeError(f"binding {name} must be an RDF term, not {type(value).__name__}")
    for t in terms:
        if not isinstance(t, Node):
            raise TypeError(f"binding {name} must be an RDF term, not {type(t).__name__}")
    return terms


def values(**bindings: Binding) -> str:
    """The `VALUES` block(s) binding each variable to its term(s) (sorted when given as a set).

    All the bindings go into **one** block, `VALUES (?a ?b) { (<x> <y>) … }`, whose rows are the
    product of their terms (the same solutions as one block per variable, since SPARQL joins
    consecutive blocks). Why: Oxigraph 0.5's optimiser plans a group with several one-variable
    blocks badly; measured at 100,000 actors (bench/README.md « Derived caches »), `VALUES ?p {…}
    VALUES ?type {…} VALUES ?cls {…} ?s ?type ?cls . ?s ?p ?o` scanned the store for 12 s where
    the same query with one combined block, or with the IRIs written in, took 1 ms. When the
    product would pass `COMBINED_ROWS` rows, the largest bindings get their own block instead.
    A binding with no term gives a block without rows (no solution), as before.
    """
    if not bindings:
        return ""
    named = [(name, _terms_of(name, value)) for name, value in bindings.items()]
    combined = list(named)
    apart: list[tuple[str, list[Node]]] = []
    while len(combined) > 1 and _product(combined) > COMBINED_ROWS:
        biggest = max(combined, key=lambda nt: len(nt[1]))
        combined.remove(biggest)
        apart.append(biggest)
    blocks = [_block(combined)]
    blocks.extend(_block([nt]) for nt in apart)
    return " ".join(blocks)


def _product(named: list[tuple[str, list[Node]]]) -> int:
    n = 1
    for _, terms in named:
        n *= len(terms)
    return n


def _block(named: list[tuple[str, list[Node]]]) -> str:
    """One `VALUES` block over the variables of `named`, rows = the product of their terms
    (`VALUES ?r { <a> <b> }` for one variable)."""
    if len(named) == 1:
        name, terms = named[0]
        return f"VALUES ?{name} {{ {' '.join(term_syntax(t, blank=False) for t in terms)} }}"
    head = " ".join(f"?{name}" for name, _ in named)
    rows = [
        " ".join(term_syntax(t, blank=False) for t in row)
        for row in product(*(t for _, t in named))
    ]
    body = " ".join(f"({r})" for r in rows)
    return f"VALUES ({head}) {{ {body} }}"


def bind(sparql: str, bindings: Mapping[str, Binding]) -> str:
    """`sparql` with `values(**bindings)` first in its WHERE group (unchanged without bindings).

    Raises ValueError when the query has no WHERE group to bind into.
    """
    if not bindings:
        return sparql
    pos = where_group(sparql)
    return f"{sparql[: pos + 1]} {values(**bindings)}\n{sparql[pos + 1 :]}"


def query_form(sparql: str) -> str:
    """`SELECT`, `ASK`, `CONSTRUCT` or `DESCRIBE`: the form of a query (ValueError if none)."""
    form, _ = _scan(sparql)
    if form is None:
        raise ValueError("not a SPARQL query (no SELECT, ASK, CONSTRUCT or DESCRIBE)")
    return form


def where_group(sparql: str) -> int:
    """Offset of the `{` opening the query's WHERE group.

    A small lexer: comments, strings and IRIs are skipped, braces counted, so a `{` or a `WHERE`
    inside them is never taken for syntax. The group is the first top-level `{` after the
    keyword WHERE, or without that keyword the first top-level `{` that is not a CONSTRUCT
    template.
    """
    _, pos = _scan(sparql)
    if pos is None:
        raise ValueError("the query has no WHERE group to bind values into")
    return pos


def _scan(sparql: str) -> tuple[str | None, int | None]:
    """The query form and the offset of its WHERE group (None when absent)."""
    i, n, depth = 0, len(sparql), 0
    form: str | None = None
    after_where = False
    while i < n:
        c = sparql[i]
        if c == "#":
            end = sparql.find("\n", i)
            i = n if end < 0 else end
            continue
        if c in "\"'":
            i = _skip_string(sparql, i)
            continue
        if c == "<":
            m = _IRIREF.match(sparql, i)
            i = m.end() if m else i + 1
            continue
        if c in "?$":
            m = _WORD.match(sparql, i + 1)
            i = m.end() if m else i + 1
            continue
        if c == "{":
            if depth == 0 and (after_where or form not in ("CONSTRUCT", None)):
                return form, i
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and (c.isalpha() or c == "_"):
            m = _WORD.match(sparql, i)
            assert m is not None
            word = m.group(0).upper()
            prefixed = m.end() < n and sparql[m.end()] == ":"
            if not prefixed and (i == 0 or sparql[i - 1] != ":"):
                if word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE") and form is None:
                    form = word
                elif word == "WHERE":
                    after_where = True
            i = m.end()
            continue
        i += 1
    return form, None


def _skip_string(s: str, i: int) -> int:
    quote = s[i]
    long = s.startswith(quote * 3, i)
    delim = quote * 3 if long else quote
    j = i + len(delim)
    while j < len(s):
        if s[j] == "\\":
            j += 2
            continue
        if s.startswith(delim, j):
            return j + len(delim)
        j += 1
    return j
