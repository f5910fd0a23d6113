"""Facts the DCAT-AP catalogue and the VoID description need about each published source:
size, dates, licence, titles, spatial and temporal coverage. Plain data, no HTTP.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from rdflib import Literal, URIRef

from ontology.namespaces import DCT, IGEO, PROV, RDF, SCHEMA, SKOS, XSD

from ..store import Store
from .publishing import cached, graph_stats


@dataclass
class SourceFacts:
    """What the store knows about one published source graph."""

    source: str
    graph: URIRef
    triples: int
    subjects: int
    generated: datetime | None = None
    titles: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    licence: URIRef | None = None
    regions: list[URIRef] = field(default_factory=list)
    start: Literal | None = None
    end: Literal | None = None
    files: list[str] = field(default_factory=list)


def source_facts(store: Store) -> list[SourceFacts]:
    """One SourceFacts per published source (provenance excluded), cached per store version."""
    return cached(store, "source_facts", lambda: _compute(store))  # type: ignore[no-any-return]


def _compute(store: Store) -> list[SourceFacts]:
    facts = [SourceFacts(s.source, s.iri, s.triples, s.subjects) for s in graph_stats(store)
             if s.source != "provenance"]
    by_graph = {f.graph: f for f in facts}
    rows = store.select(
        "SELECT ?g ?p ?o WHERE { ?g ?p ?o "
        f"VALUES ?p {{ {PROV.generatedAtTime.n3()} {DCT.title.n3()} {DCT.description.n3()} "
        f"{DCT.license.n3()} }} }}"
    )
    for r in rows:
        f = by_graph.get(r["g"])  # type: ignore[arg-type]
        if f is None:
            continue
        p, o = r["p"], r["o"]
        if p == PROV.generatedAtTime and isinstance(o, Literal):
            f.generated = o.toPython()  # type: ignore[assignment]
        elif p == DCT.title and isinstance(o, Literal):
            f.titles[o.language or ""] = str(o)
        elif p == DCT.description and isinstance(o, Literal):
            f.descriptions[o.language or ""] = str(o)
        elif p == DCT.license and isinstance(o, URIRef):
            f.licence = o
    for f in facts:
        f.regions = _regions(store, f.graph)
        f.start, f.end = _period(store, f.graph)
    return facts


_REGIONS = f"""
SELECT DISTINCT ?region WHERE {{
  GRAPH ?g {{ ?x {SCHEMA.areaServed.n3()} ?place }}
  ?place {SKOS.broader.n3()}* ?region . ?region {RDF.type.n3()} {IGEO.Region.n3()}
}}"""


def _regions(store: Store, graph: URIRef) -> list[URIRef]:
    rows = store.select(_REGIONS, g=graph)
    return sorted(r["region"] for r in rows)  # type: ignore[misc]


def _period(store: Store, graph: URIRef) -> tuple[Literal | None, Literal | None]:
    rows = store.select(
        "SELECT (MIN(SUBSTR(STR(?d), 1, 4)) AS ?start) (MAX(SUBSTR(STR(?d), 1, 4)) AS ?end) "
        "WHERE { GRAPH ?g { ?x ?p ?d "
        f"VALUES ?p {{ {SCHEMA.startDate.n3()} {SCHEMA.endDate.n3()} {DCT.date.n3()} }} }} }}",
        g=graph,
    )
    if not rows or "start" not in rows[0]:
        return None, None
    return (Literal(str(rows[0]["start"]), datatype=XSD.gYear),
            Literal(str(rows[0]["end"]), datatype=XSD.gYear))
