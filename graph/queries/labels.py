"""Labels the pages show for resources they only link to: a territory, the régions and
départements of a form, the evaluations of an alliance."""

from __future__ import annotations

from rdflib import URIRef

from ontology.namespaces import ALL, DCT, IGEO, RDFS, SKOS

from ..store import Store

LABEL = f"""
SELECT (SAMPLE(?l) AS ?label) WHERE {{ ?r {SKOS.prefLabel.n3()}|{RDFS.label.n3()} ?l }}
"""

PLACES = f"""
SELECT ?code (SAMPLE(?l) AS ?label) WHERE {{
  ?r a ?cls ; {IGEO.codeINSEE.n3()} ?code .
  OPTIONAL {{ ?r {SKOS.prefLabel.n3()}|{RDFS.label.n3()} ?l }}
}} GROUP BY ?code ORDER BY ?code
"""

REFERRING = f"""
SELECT DISTINCT ?e (SAMPLE(?l) AS ?label) WHERE {{
  ?e a ?cls ; ?p ?r .
  OPTIONAL {{ ?e {SKOS.prefLabel.n3()}|{DCT.title.n3()}|{RDFS.label.n3()} ?l }}
}} GROUP BY ?e
"""


def label(store: Store, iri: URIRef) -> str | None:
    """A `skos:prefLabel` or `rdfs:label` of `iri`, if it has one."""
    rows = store.select(LABEL, r=iri)
    value = rows[0].get("label") if rows else None
    return str(value) if value is not None else None


def places(store: Store, cls: URIRef) -> list[tuple[str, str]]:
    """(INSEE code, label) of every territory of class `cls` (e.g. `igeo:Region`), by code."""
    return [(str(r["code"]), str(r.get("label") or "")) for r in store.select(PLACES, cls=cls)]


def evaluations_of(store: Store, iri: URIRef) -> list[tuple[URIRef, str | None]]:
    """(IRI, label) of the evaluations that refer to `iri`."""
    rows = store.select(REFERRING, cls=ALL.Evaluation, r=iri)
    return [
        (r["e"], str(r["label"]) if "label" in r else None)  # type: ignore[misc]
        for r in rows
    ]
