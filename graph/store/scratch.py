"""A scratch graph: an in-memory RDF graph outside any instance, for CONSTRUCT queries over a few
thousand triples (the rules of a mapping, `graph.mapping.rules`).

It is not a `Store`: nothing is published, nothing persists, no binding is needed (the queries
are files of the project's mappings, never user text). It lives here because it runs on the
engine; callers hand in rdflib terms (pyoxigraph ones from `graph.rdfio` are accepted as they
are) and get rdflib terms back.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib.term import Node

from ..errors import QueryError
from ..terms import as_ox, from_ox

Triple = tuple[Node, Node, Node]


class ScratchGraph:
    """An in-memory graph (the default graph of an engine store held by this object)."""

    def __init__(self, triples: Iterable[tuple[object, object, object]] = ()) -> None:
        self._ox = ox.Store()
        self._graph = ox.DefaultGraph()
        self.add(triples)

    def add(self, triples: Iterable[tuple[object, object, object]]) -> None:
        """Add triples (rdflib or pyoxigraph terms)."""
        g = self._graph
        self._ox.bulk_extend(
            ox.Quad(as_ox(s), as_ox(p), as_ox(o), g)  # type: ignore[arg-type]
            for s, p, o in triples
        )

    def construct(self, sparql: str, *, base_iri: str | None = None) -> list[Triple]:
        """The triples of a CONSTRUCT query over this graph (relative IRIs of the query resolve
        against `base_iri`), as rdflib terms. Raises QueryError on a syntax error or when the
        query is not a CONSTRUCT."""
        try:
            result = self._ox.query(sparql, base_iri=base_iri)
        except SyntaxError as exc:
            raise QueryError.syntax(str(exc)) from exc
        if not isinstance(result, ox.QueryTriples):
            raise QueryError(
                "a CONSTRUCT query is expected here",
                message_fr="une requête CONSTRUCT est attendue ici",
            )
        return [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in result]  # type: ignore[misc]
