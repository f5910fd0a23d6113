"""Queries about instance resources: existence, counts."""

from __future__ import annotations

from rdflib import URIRef

from ontology.namespaces import DCT

from ..store import Store


def values_block(var: str, terms: set[URIRef] | list[URIRef]) -> str:
    """A `VALUES ?var { … }` block from IRIs (serialised by rdflib, never pasted user text)."""
    return f"VALUES ?{var} {{ {' '.join(t.n3() for t in sorted(terms))} }}"


def existing_ids(store: Store, iris: set[URIRef]) -> set[URIRef]:
    """Which of `iris` are resources present in the graph (they have a dct:identifier)."""
    if not iris:
        return set()
    rows = store.select(
        f"SELECT ?r WHERE {{ {values_block('r', iris)} ?r {DCT.identifier.n3()} ?id }}"
    )
    return {r["r"] for r in rows}  # type: ignore[misc]
