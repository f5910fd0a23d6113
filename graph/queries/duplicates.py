"""What recognising duplicate actors needs from the store: each published actor's name, places
and official identifiers, with the source that defines it; and the `owl:sameAs` links recorded."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef

from ontology.namespaces import ADMS, DCT, ORG, OWL, SCHEMA, SKOS, WGS84

from ..store import Store

ACTOR_KEYS = f"""
SELECT ?a ?g ?label ?area ?kind ?number ?lat ?long WHERE {{
  GRAPH ?g {{ ?a a {ORG.FormalOrganization.n3()} ; {DCT.identifier.n3()} ?id }}
  OPTIONAL {{ ?a {SKOS.prefLabel.n3()} ?label }}
  OPTIONAL {{ ?a {WGS84.lat.n3()} ?lat ; {WGS84.long.n3()} ?long }}
  OPTIONAL {{ ?a {SCHEMA.areaServed.n3()} ?area }}
  OPTIONAL {{ ?a {ADMS.identifier.n3()} ?n . ?n {DCT.type.n3()} ?kind ;
                {SKOS.notation.n3()} ?number }}
}}
"""

SAME_AS = f"""
SELECT ?canonical ?other ?g WHERE {{ GRAPH ?g {{ ?canonical {OWL.sameAs.n3()} ?other }} }}
"""


@dataclass(frozen=True)
class ActorRow:
    """One actor with one of its labels, places and identifiers (rows repeat an actor)."""

    actor: URIRef
    graph: URIRef
    label: str | None
    area: URIRef | None
    kind: str | None  # "SIREN", "SIRET", "RNA"
    number: str | None
    point: tuple[float, float] | None = None


def actor_rows(store: Store) -> list[ActorRow]:
    """One row per actor, label, place and identifier (`graph` is the graph defining it)."""
    out = []
    for row in store.select(ACTOR_KEYS):
        actor, graph = row["a"], row["g"]
        if not isinstance(actor, URIRef) or not isinstance(graph, URIRef):
            continue
        label, area = row.get("label"), row.get("area")
        kind, number = row.get("kind"), row.get("number")
        lat, long = row.get("lat"), row.get("long")
        point = (
            (float(lat), float(long))
            if isinstance(lat, Literal) and isinstance(long, Literal)
            else None
        )
        out.append(
            ActorRow(
                actor,
                graph,
                str(label) if isinstance(label, Literal) else None,
                area if isinstance(area, URIRef) else None,
                str(kind) if kind is not None else None,
                str(number) if number is not None else None,
                point,
            )
        )
    return out


def same_as_links(store: Store) -> list[tuple[URIRef, URIRef, URIRef]]:
    """(canonical actor, merged record IRI, graph recording the link)."""
    return [
        (r["canonical"], r["other"], r["g"])  # type: ignore[misc]
        for r in store.select(SAME_AS)
    ]


def canonical_of(store: Store, record: URIRef) -> URIRef | None:
    """The actor a merged record's IRI stands for (`?actor owl:sameAs <record>`), if any."""
    rows = store.select(f"SELECT ?c WHERE {{ ?c {OWL.sameAs.n3()} ?r }} LIMIT 1", r=record)
    found = rows[0]["c"] if rows else None
    return found if isinstance(found, URIRef) else None
