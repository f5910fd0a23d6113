"""What recognising duplicate actors needs from the store: each published actor's name, places
and official identifiers, with the source that defines it; and the `owl:sameAs` links recorded."""

from __future__ import annotations

from rdflib import Literal, URIRef

from ontology.namespaces import ADMS, DCT, ORG, OWL, SCHEMA, SKOS

from ..store import Store

ACTOR_KEYS = f"""
SELECT ?a ?g ?label ?area ?kind ?number WHERE {{
  GRAPH ?g {{ ?a a {ORG.FormalOrganization.n3()} ; {DCT.identifier.n3()} ?id }}
  OPTIONAL {{ ?a {SKOS.prefLabel.n3()} ?label }}
  OPTIONAL {{ ?a {SCHEMA.areaServed.n3()} ?area }}
  OPTIONAL {{ ?a {ADMS.identifier.n3()} ?n . ?n {DCT.type.n3()} ?kind ;
                {SKOS.notation.n3()} ?number }}
}}
"""

SAME_AS = f"""
SELECT ?canonical ?other ?g WHERE {{ GRAPH ?g {{ ?canonical {OWL.sameAs.n3()} ?other }} }}
"""


def actor_rows(store: Store) -> list[dict[str, object]]:
    """One row per actor, label, place and identifier: {a, g, label, area, kind, number}
    (`g` the graph defining the actor; `kind` "SIREN" / "SIRET" / "RNA")."""
    out = []
    for row in store.select(ACTOR_KEYS):
        out.append({
            "a": row["a"], "g": row["g"],
            "label": str(row["label"]) if isinstance(row.get("label"), Literal) else None,
            "area": row.get("area") if isinstance(row.get("area"), URIRef) else None,
            "kind": str(row["kind"]) if row.get("kind") is not None else None,
            "number": str(row["number"]) if row.get("number") is not None else None,
        })
    return out


def same_as_links(store: Store) -> list[tuple[URIRef, URIRef, URIRef]]:
    """(canonical actor, merged record IRI, graph recording the link)."""
    return [(r["canonical"], r["other"], r["g"])  # type: ignore[misc]
            for r in store.select(SAME_AS)]


def canonical_of(store: Store, record: URIRef) -> URIRef | None:
    """The actor a merged record's IRI stands for (`?actor owl:sameAs <record>`), if any."""
    rows = store.select(f"SELECT ?c WHERE {{ ?c {OWL.sameAs.n3()} ?r }} LIMIT 1", r=record)
    found = rows[0]["c"] if rows else None
    return found if isinstance(found, URIRef) else None
