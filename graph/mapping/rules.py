"""SPARQL CONSTRUCT rules of a mapping: what one row cannot say on its own.

CSVW maps each row by itself; a mapping's rules (`all:rules`, SPARQL 1.1 CONSTRUCT files) are run,
in order, over the graph the table gave plus the vocabularies they may need (our SKOS schemes, the
data-inclusion code lists and their SKOS mappings onto ours). Each rule's result is added to the
mapped graph, so a later rule sees what an earlier one built. Rules infer across rows (an alliance
of the France services sites of one group), pick a value among SKOS mappings (the actor type of a
structure type, `skos:exactMatch` before `closeMatch` before `broadMatch`), or build a text.

Relative IRIs in a rule (`<actor/anct>`, `IRI(CONCAT("alliance/pvd-", ?code))`) resolve against the
instance base (the query's base IRI). Rules run in an in-memory pyoxigraph store, never the
application's: they read nothing but the mapped graph and the vocabularies.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib.term import Node

from ..errors import BadRequest
from ..terms import from_ox, to_ox

Triple = tuple[Node, Node, Node]


def run_rules(
    rules: Sequence[Path],
    triples: list[Triple],
    vocabulary: Iterable[tuple[object, object, object]],
    base: str,
) -> list[Triple]:
    """Run each rule over `triples` + `vocabulary`; returns the new triples, in order."""
    if not rules:
        return []
    store = ox.Store()
    graph = ox.DefaultGraph()
    store.bulk_extend(_quad(t, graph) for t in triples)
    store.bulk_extend(_quad(t, graph) for t in vocabulary)
    added: list[Triple] = []
    for rule in rules:
        query = rule.read_text(encoding="utf-8")
        try:
            result = store.query(query, base_iri=base)
        except SyntaxError as exc:
            raise BadRequest(
                f"{rule.name}: SPARQL syntax error: {exc}",
                message_fr=f"{rule.name} : erreur de syntaxe SPARQL : {exc}",
            ) from exc
        if not isinstance(result, ox.QueryTriples):
            raise BadRequest(
                f"{rule.name}: a rule must be a SPARQL CONSTRUCT query",
                message_fr=f"{rule.name} : une règle doit être une requête SPARQL CONSTRUCT",
            )
        new = list(result)
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in new)
        added += [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in new]
    return added


def _quad(t: tuple[object, object, object], graph: ox.DefaultGraph) -> ox.Quad:
    """A quad of the default graph from rdflib or pyoxigraph terms."""
    s, p, o = (
        x if isinstance(x, ox.NamedNode | ox.BlankNode | ox.Literal) else to_ox(x)  # type: ignore[arg-type]
        for x in t
    )
    return ox.Quad(s, p, o, graph)  # type: ignore[arg-type]
