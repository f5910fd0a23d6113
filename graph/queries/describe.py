"""Reading one resource for display: its properties with labels, in one query."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from ontology.namespaces import DCT, RDFS, SKOS

from ..iris import local_name
from ..store import Store
from ..terms import RdfTerm


@dataclass
class Value:
    """A property value with its display label (FR preferred)."""

    term: RdfTerm
    label: str

    @property
    def is_iri(self) -> bool:
        """Whether the value is an IRI (a link)."""
        return isinstance(self.term, URIRef)


@dataclass
class Resource:
    """A resource's properties: predicate → values; `parts` holds its hash-IRI nodes."""

    iri: URIRef
    props: dict[URIRef, list[Value]] = field(default_factory=lambda: defaultdict(list))
    parts: dict[URIRef, dict[URIRef, list[Value]]] = field(default_factory=dict)

    def first(self, pred: URIRef) -> Value | None:
        """The first value of `pred`, if any."""
        values = self.props.get(pred)
        return values[0] if values else None

    def label(self, lang: str = "fr") -> str:
        """Display label of the resource, in `lang` when there is one."""
        values = self.props.get(SKOS.prefLabel, [])
        for v in values:
            if isinstance(v.term, Literal) and v.term.language == lang:
                return str(v.term)
        return values[0].label if values else local_name(self.iri)


#: The hash-IRI parts of `?r` (`<r#share-1>`…) linked to it in either direction.
PARTS = """
SELECT DISTINCT ?s WHERE {
  { ?r ?q ?s } UNION { ?s ?q ?r }
  FILTER(isIRI(?s) && STRSTARTS(STR(?s), CONCAT(STR(?r), "#")))
}
"""

#: Properties of `?s` (the resource and its parts) with a label of each value.
PROPERTIES = f"""
SELECT ?s ?p ?o (SAMPLE(?lfr) AS ?labfr) (SAMPLE(?lany) AS ?lab) WHERE {{
  ?s ?p ?o
  OPTIONAL {{ ?o {SKOS.prefLabel.n3()} ?lfr FILTER(LANGMATCHES(LANG(?lfr), ?lang)) }}
  OPTIONAL {{ ?o {SKOS.prefLabel.n3()}|{RDFS.label.n3()}|{DCT.title.n3()} ?lany }}
}} GROUP BY ?s ?p ?o
"""


def parts(store: Store, iri: URIRef) -> list[URIRef]:
    """The hash-IRI parts of `iri` (its resource shares, memberships…)."""
    return [r["s"] for r in store.select(PARTS, r=iri) if isinstance(r["s"], URIRef)]


def describe(store: Store, iri: URIRef, lang: str = "fr") -> Resource | None:
    """All properties of `iri` (and of its parts) with labels; None if it has none.

    Two small queries (the parts, then the properties of the resource and its parts) rather than
    one UNION: measured on Virtuoso 7 with 1,000 actors, 30 ms against 5.6 s (it evaluates the
    branches before joining the bound resource); no slower on Oxigraph.
    """
    rows = store.select(PROPERTIES, s=[iri, *parts(store, iri)], lang=Literal(lang))
    if not any(row["s"] == iri for row in rows):
        return None
    res = Resource(iri)
    for row in rows:
        s, p, o = row["s"], row["p"], row["o"]
        label = row.get("labfr") or row.get("lab") or o
        value = Value(o, str(label) if not isinstance(label, URIRef) else str(label))
        if s == iri:
            res.props[p].append(value)  # type: ignore[index]
        else:
            res.parts.setdefault(s, defaultdict(list))[p].append(value)  # type: ignore[arg-type,index]
    for values in res.props.values():
        values.sort(key=lambda v: v.label)
    return res
