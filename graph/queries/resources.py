"""Queries about instance resources: existence, counts."""

from __future__ import annotations

from rdflib import URIRef

from ontology.namespaces import DCT

from ..store import Store, values


def values_block(var: str, terms: set[URIRef] | list[URIRef]) -> str:
    """A `VALUES ?var { … }` block from IRIs: `graph.store.binding.values` (kept for code written
    before it; prefer `store.select(query, var=terms)`)."""
    return values(**{var: sorted(terms)})


def existing_ids(store: Store, iris: set[URIRef]) -> set[URIRef]:
    """Which of `iris` are resources present in the graph (they have a dct:identifier)."""
    if not iris:
        return set()
    rows = store.select(f"SELECT DISTINCT ?r WHERE {{ ?r {DCT.identifier.n3()} ?id }}", r=iris)
    return {r["r"] for r in rows}  # type: ignore[misc]
