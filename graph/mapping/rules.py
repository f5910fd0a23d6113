"""SPARQL CONSTRUCT rules of a mapping: what one row cannot say on its own.

CSVW maps each row by itself; a mapping's rules (`all:rules`, SPARQL 1.1 CONSTRUCT files) are run,
in order, over the graph the table gave plus the vocabularies they may need (our SKOS schemes, the
data-inclusion code lists and their SKOS mappings onto ours). Each rule's result is added to the
mapped graph, so a later rule sees what an earlier one built. Rules infer across rows (an alliance
of the France services sites of one group), pick a value among SKOS mappings (the actor type of a
structure type, `skos:exactMatch` before `closeMatch` before `broadMatch`), or build a text.

Relative IRIs in a rule (`<actor/anct>`, `IRI(CONCAT("alliance/pvd-", ?code))`) resolve against the
instance base (the query's base IRI). Rules run in a scratch graph (`graph.store.scratch`), never
the application's store: they read nothing but the mapped graph and the vocabularies.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib.term import Node

from ..errors import BadRequest, QueryError
from ..store.scratch import ScratchGraph

Triple = tuple[Node, Node, Node]


def run_rules(
    rules: Sequence[Path],
    triples: list[Triple],
    vocabulary: Iterable[tuple[object, object, object]],
    base: str,
) -> list[Triple]:
    """Run each rule over `triples` + `vocabulary`; returns the new triples, in order. Raises
    BadRequest naming the rule file when a rule is not a well-formed SPARQL CONSTRUCT query."""
    if not rules:
        return []
    graph = ScratchGraph(triples)
    graph.add(vocabulary)
    added: list[Triple] = []
    for rule in rules:
        try:
            new = graph.construct(rule.read_text(encoding="utf-8"), base_iri=base)
        except QueryError as exc:
            raise BadRequest(
                f"{rule.name}: {exc.message}", message_fr=f"{rule.name} : {exc.message_fr}"
            ) from exc
        graph.add(new)
        added += new
    return added
