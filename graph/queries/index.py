"""The graph as the search index reads it (`search/documents.py` builds documents from these
rows): instances of a class in batches, territories, SDG codes and texts."""

from __future__ import annotations

from rdflib import URIRef

from ontology.namespaces import ALL, DCT, IGEO, ORG, RDF, SCHEMA, SDGO, SKOS

from ..store import Row, Store
from ..store.base import RdfTerm

_LINKS = (
    f"{ORG.classification.n3()}|{SCHEMA.areaServed.n3()}|{DCT.subject.n3()}|{ALL.maturity.n3()}"
    f"|{ALL.pillar.n3()}|{ALL.status.n3()}|{DCT.type.n3()}"
    f"|{ALL.resourceShare.n3()}/{ALL.resourceType.n3()}"
)

#: The documents' fields. The graph of each resource comes from `INSTANCE_GRAPHS`, a second
#: query: with `GRAPH ?g {…}` in this one, Oxigraph 0.5 does not narrow the graph pattern by the
#: VALUES of ?r and the query costs ~20 ms per resource at 100,000 actors (9–20 s per batch of
#: 500, the index of 100,000 actors in more than half an hour); apart, both take under a second
#: per 500. Likewise `?r a ?class` with ?class bound made Oxigraph start from every instance of
#: the class (15 s per 500): the FILTER keeps the VALUES of ?r first (0.6 s). Measured on
#: bench/load.py's instance, 2026-12-01.
INSTANCE_DOCS = f"""
SELECT ?r (SAMPLE(?ident) AS ?id) (SAMPLE(?lab) AS ?label) (SAMPLE(?anylab) AS ?label_any)
       (SAMPLE(?desc) AS ?description) (GROUP_CONCAT(DISTINCT STR(?x); separator=" ") AS ?links)
WHERE {{
  ?r {DCT.identifier.n3()} ?ident ; {RDF.type.n3()} ?type FILTER(?type = ?class)
  OPTIONAL {{ ?r {SKOS.prefLabel.n3()} ?lab FILTER(LANGMATCHES(LANG(?lab), "fr")) }}
  OPTIONAL {{ ?r {SKOS.prefLabel.n3()} ?anylab }}
  OPTIONAL {{ ?r {DCT.description.n3()} ?desc }}
  OPTIONAL {{ ?r {_LINKS} ?x }}
}} GROUP BY ?r
"""

#: Every identified instance of `?class` with its graph, in one scan (no VALUES of ?r).
INSTANCE_SCAN = f"""
SELECT ?r ?g (SAMPLE(?ident) AS ?id) (SAMPLE(?lab) AS ?label) (SAMPLE(?anylab) AS ?label_any)
       (SAMPLE(?desc) AS ?description) (GROUP_CONCAT(DISTINCT STR(?x); separator=" ") AS ?links)
WHERE {{
  GRAPH ?g {{ ?r {DCT.identifier.n3()} ?ident }}
  ?r {RDF.type.n3()} ?class .
  OPTIONAL {{ ?r {SKOS.prefLabel.n3()} ?lab FILTER(LANGMATCHES(LANG(?lab), "fr")) }}
  OPTIONAL {{ ?r {SKOS.prefLabel.n3()} ?anylab }}
  OPTIONAL {{ ?r {DCT.description.n3()} ?desc }}
  OPTIONAL {{ ?r {_LINKS} ?x }}
}} GROUP BY ?r ?g
"""

#: The graphs holding each resource's identifier (its source), for `instance_rows`.
INSTANCE_GRAPHS = f"""
SELECT DISTINCT ?r ?g WHERE {{ GRAPH ?g {{ ?r {DCT.identifier.n3()} ?ident }} }}
"""

INSTANCE_IRIS = f"""
SELECT DISTINCT ?r WHERE {{ ?r {RDF.type.n3()} ?class ; {DCT.identifier.n3()} ?id }}
"""

#: Territories of the territories vocabulary graph `?g` (restricting the query to that graph
#: makes it several times faster than over the union of all graphs).
TERRITORIES = f"""
SELECT ?t ?type (STR(?c) AS ?code) (STR(?n) AS ?name) WHERE {{ GRAPH ?g {{
  ?t {IGEO.codeINSEE.n3()} ?c ; {RDF.type.n3()} ?type ; {SKOS.prefLabel.n3()} ?n .
}} }}
"""

SDGS = f"""
SELECT ?s ?code ?goal WHERE {{
  {{ ?s {RDF.type.n3()} {SDGO.Goal.n3()} BIND(?s AS ?g) }}
  UNION {{ ?s {RDF.type.n3()} {SDGO.Target.n3()} ; {SKOS.broader.n3()} ?g .
           ?g {RDF.type.n3()} {SDGO.Goal.n3()} }}
  ?s {SKOS.notation.n3()} ?code FILTER(DATATYPE(?code) = {SDGO.SDGCodeCompact.n3()})
  ?g {SKOS.notation.n3()} ?goal FILTER(DATATYPE(?goal) = {SDGO.SDGCodeCompact.n3()})
}}
"""

#: `?s ?p ?o` with the predicate filtered rather than bound by `VALUES ?p`: bound first, the
#: engine scans every triple of the store for each predicate (3 s on the real instance, against
#: 0.03 s this way, bench/realdata.py).
SDG_TEXT = f"""
SELECT ?s ?p ?o WHERE {{
  {{ ?s {RDF.type.n3()} {SDGO.Goal.n3()} }} UNION {{ ?s {RDF.type.n3()} {SDGO.Target.n3()} }}
  ?s ?p ?o
  FILTER((?p = {SKOS.prefLabel.n3()} || ?p = {SKOS.altLabel.n3()} || ?p = {SKOS.note.n3()})
         && (LANG(?o) = "fr" || LANG(?o) = "en"))
}}
"""


def territories(store: Store, graph: URIRef) -> list[Row]:
    """`t`, `type`, `code`, `name` of each territory of the vocabulary graph `graph`."""
    return store.select(TERRITORIES, g=graph)


def sdgs(store: Store) -> list[Row]:
    """`s`, `code`, `goal` (compact codes) of every SDG goal and target."""
    return store.select(SDGS)


def sdg_text(store: Store) -> list[Row]:
    """`s`, `p`, `o`: French and English labels, alternative labels and notes of SDGs."""
    return store.select(SDG_TEXT)


def instance_iris(store: Store, cls: URIRef) -> list[URIRef]:
    """The identified instances of `cls`, sorted."""
    rows = store.select(INSTANCE_IRIS, **{"class": cls})
    return sorted(r["r"] for r in rows if isinstance(r["r"], URIRef))  # type: ignore[misc]


def instance_rows(store: Store, cls: URIRef, iris: list[URIRef] | None = None) -> list[Row]:
    """One row per instance of `cls` among `iris` (every identified instance when None) and
    graph holding its identifier: `r`, graph `g`, `id`, `label` (French), `label_any`,
    `description`, and `links` (space-separated IRIs of its facets). Without `iris` the query is
    one scan of the class (`INSTANCE_SCAN`), several times cheaper than the same rows asked for
    in batches of bound IRIs (bench/realdata.py); with `iris`, two queries (see
    `INSTANCE_DOCS`) joined here on `r`, in the order of the first."""
    if iris is None:
        return store.select(INSTANCE_SCAN, **{"class": cls})
    docs = store.select(INSTANCE_DOCS, r=iris, **{"class": cls})
    if not docs:
        return []
    graphs: dict[RdfTerm, list[RdfTerm]] = {}
    for row in store.select(INSTANCE_GRAPHS, r=[d["r"] for d in docs]):
        graphs.setdefault(row["r"], []).append(row["g"])
    return [{**d, "g": g} for d in docs for g in sorted(graphs.get(d["r"], []), key=str)]
