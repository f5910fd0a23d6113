"""Facts the DCAT-AP catalogue and the VoID description need about each published source:
size, dates, licence, titles, spatial and temporal coverage. Plain data, no HTTP.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

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
    facts = [
        SourceFacts(s.source, s.iri, s.triples, s.subjects)
        for s in graph_stats(store)
        if s.source != "provenance"
    ]
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
            value = o.toPython()
            f.generated = value if isinstance(value, datetime) else f.generated
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


#: Datatypes whose values carry a year; plain strings count when they are ISO dates.
DATE_TYPES = (XSD.date, XSD.dateTime, XSD.gYear, XSD.gYearMonth, XSD.dateTimeStamp)
_ISO_DATE = re.compile(r"(-?[0-9]{4,})(-[0-9]{2}(-[0-9]{2}(T.*)?)?)?")


def year_of(value: object) -> int | None:
    """The year of a date literal, or None when it is not a valid date.

    Valid: `xsd:date`, `xsd:dateTime`, `xsd:gYear`, `xsd:gYearMonth` literals whose lexical form is
    valid, and plain strings written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Anything else (`15/06/2023`,
    `2023-13-45`^^xsd:date, a number) is None: it never reaches the catalogue.
    """
    if not isinstance(value, Literal) or value.language:
        return None
    text = str(value).strip()
    if value.datatype is not None and value.datatype not in DATE_TYPES:
        if value.datatype != XSD.string:
            return None
    m = _ISO_DATE.fullmatch(text)
    if m is None:
        return None
    try:
        if m.group(4) is not None:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
        elif m.group(3) is not None:
            date.fromisoformat(text)
        elif m.group(2) is not None:
            date.fromisoformat(text + "-01")
    except ValueError:
        return None
    if value.datatype == XSD.gYear and m.group(2) is not None:
        return None
    year = int(m.group(1))
    return year if 1 <= year <= 9999 else None


def _period(store: Store, graph: URIRef) -> tuple[Literal | None, Literal | None]:
    """First and last year of the dates in `graph` (`schema:startDate`, `schema:endDate`,
    `dct:date`), as `xsd:gYear` literals; invalid dates are left out."""
    rows = store.select(
        "SELECT DISTINCT ?d WHERE { GRAPH ?g { ?x ?p ?d "
        f"VALUES ?p {{ {SCHEMA.startDate.n3()} {SCHEMA.endDate.n3()} {DCT.date.n3()} }} }} }}",
        g=graph,
    )
    years = [y for y in (year_of(r.get("d")) for r in rows) if y is not None]
    if not years:
        return None, None
    return (
        Literal(f"{min(years):04d}", datatype=XSD.gYear),
        Literal(f"{max(years):04d}", datatype=XSD.gYear),
    )
