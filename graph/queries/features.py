"""Features the recommenders read from the graph (DESIGN §4–§6), as plain Python values.

Each function is one simple SELECT over the union of published graphs with bound parameters; they
stream well at 100,000 actors because none of them groups or joins more than one resource. The
caller (`graph.reco.tables`) assembles them into arrays once per graph version.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from rdflib import Literal, URIRef

from ontology.namespaces import ALL, DCT, ORG, RDF, SCHEMA, SKOS, scheme_iri

from ..store import Store

Pairs = list[tuple[URIRef, URIRef]]

_LINKS = "SELECT ?s ?o WHERE { ?s ?type ?cls . ?s ?p ?o }"
_LABELS = "SELECT ?s ?o WHERE { ?s ?type ?cls . ?s ?p ?o FILTER(isLiteral(?o)) }"
_SHARES = f"""
SELECT ?s ?rtype ?share WHERE {{
  ?s ?type ?cls ; {ALL.resourceShare.n3()} ?n .
  ?n {ALL.resourceType.n3()} ?rtype .
  OPTIONAL {{ ?n {ALL.shareOfBudget.n3()} ?share }}
}}"""
_MEMBERS = "SELECT ?alliance ?actor WHERE { ?alliance ?type ?cls ; ?member ?actor }"
_CONCEPTS = f"""
SELECT ?c ?code ?label WHERE {{
  ?c {SKOS.inScheme.n3()} ?scheme ; {SKOS.notation.n3()} ?code .
  OPTIONAL {{ ?c {SKOS.prefLabel.n3()} ?label }}
}}"""


def links(store: Store, cls: URIRef, predicate: URIRef) -> Pairs:
    """(subject, object) for every `subject a cls ; predicate object` whose object is an IRI."""
    rows = store.select(_LINKS, type=RDF.type, cls=cls, p=predicate)
    return [(r["s"], r["o"]) for r in rows if isinstance(r["o"], URIRef)]  # type: ignore[misc]


def literals(store: Store, cls: URIRef, predicate: URIRef) -> list[tuple[URIRef, Literal]]:
    """(subject, literal) for every `subject a cls ; predicate "literal"`."""
    rows = store.select(_LABELS, type=RDF.type, cls=cls, p=predicate)
    return [(r["s"], r["o"]) for r in rows]  # type: ignore[misc]


def best_literals(
    store: Store, cls: URIRef, predicate: URIRef, lang: str = "fr"
) -> dict[URIRef, str]:
    """One literal per subject: in `lang` when there is one, else any."""
    out: dict[URIRef, str] = {}
    for s, lit in literals(store, cls, predicate):
        if s not in out or lit.language == lang:
            out[s] = str(lit)
    return out


def identifiers(store: Store, cls: URIRef) -> dict[URIRef, str]:
    """Local identifier (`dct:identifier`) of every instance of `cls`."""
    return {s: str(o) for s, o in literals(store, cls, DCT.identifier)}


@dataclass
class Profile:
    """The recommender-relevant properties of the instances of one class."""

    ids: dict[URIRef, str]
    labels: dict[URIRef, str]
    types: dict[URIRef, URIRef] = field(default_factory=dict)
    territories: dict[URIRef, URIRef] = field(default_factory=dict)
    offers: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    needs: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    subjects: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    descriptions: dict[URIRef, str] = field(default_factory=dict)
    resources: dict[URIRef, dict[URIRef, float | None]] = field(
        default_factory=lambda: defaultdict(dict))


def _group(pairs: Pairs, into: dict[URIRef, set[URIRef]]) -> None:
    for s, o in pairs:
        into[s].add(o)


def actor_profiles(store: Store) -> Profile:
    """Every actor: identifier, label, type, territory, offers, needs and SDGs."""
    cls = ORG.FormalOrganization
    p = Profile(identifiers(store, cls), best_literals(store, cls, SKOS.prefLabel))
    p.types = dict(links(store, cls, ORG.classification))
    p.territories = dict(links(store, cls, SCHEMA.areaServed))
    _group(links(store, cls, ALL.offers), p.offers)
    _group(links(store, cls, ALL.needs), p.needs)
    _group(links(store, cls, DCT.subject), p.subjects)
    return p


def alliance_profiles(store: Store) -> Profile:
    """Every alliance: identifier, title, description, territory, SDGs and resource mix."""
    cls = ALL.Alliance
    p = Profile(identifiers(store, cls), best_literals(store, cls, SKOS.prefLabel))
    p.descriptions = best_literals(store, cls, DCT.description)
    p.territories = dict(links(store, cls, SCHEMA.areaServed))
    _group(links(store, cls, DCT.subject), p.subjects)
    p.resources = resource_mix(store, cls)
    return p


def resource_mix(store: Store, cls: URIRef) -> dict[URIRef, dict[URIRef, float | None]]:
    """Resource type → share of budget (0..1, None when not given) of every instance of `cls`."""
    out: dict[URIRef, dict[URIRef, float | None]] = defaultdict(dict)
    for r in store.select(_SHARES, type=RDF.type, cls=cls):
        share = r.get("share")
        out[r["s"]][r["rtype"]] = _number(share) if share is not None else None  # type: ignore[index]
    return out


def _number(term: object) -> float | None:
    try:
        return float(Decimal(str(term)))
    except (InvalidOperation, ValueError):
        return None


def memberships(store: Store) -> Pairs:
    """(alliance, member actor) for every `org:hasMember` of an alliance."""
    rows = store.select(_MEMBERS, type=RDF.type, cls=ALL.Alliance, member=ORG.hasMember)
    return [(r["alliance"], r["actor"]) for r in rows]  # type: ignore[misc]


@dataclass(frozen=True)
class ConceptLabel:
    """A concept of a controlled list: its code and its French and English labels."""

    iri: URIRef
    code: str
    fr: str
    en: str


def concept_labels(store: Store, scheme: str) -> dict[URIRef, ConceptLabel]:
    """The concepts of scheme `scheme` (e.g. `competence`) with their labels."""
    by_iri: dict[URIRef, dict[str, str]] = defaultdict(dict)
    for r in store.select(_CONCEPTS, scheme=scheme_iri(scheme)):
        entry = by_iri[r["c"]]  # type: ignore[index]
        entry["code"] = str(r["code"])
        label = r.get("label")
        if isinstance(label, Literal) and label.language in ("fr", "en"):
            entry[label.language] = str(label)
    return {
        iri: ConceptLabel(iri, e["code"], e.get("fr", e["code"]), e.get("en", e.get("fr", e["code"])))
        for iri, e in by_iri.items()
    }


@dataclass
class ToolRow:
    """A tool as the maturity path lists it."""

    iri: URIRef
    id: str
    label: str
    url: str | None
    kind: URIRef | None
    description: str | None
    levels: set[URIRef] = field(default_factory=set)
    pillars: set[URIRef] = field(default_factory=set)


def tools(store: Store) -> list[ToolRow]:
    """Every tool with its maturity levels, pillars, kind and URL."""
    cls = ALL.Tool
    ids = identifiers(store, cls)
    labels = best_literals(store, cls, SKOS.prefLabel)
    descriptions = best_literals(store, cls, DCT.description)
    kinds = dict(links(store, cls, DCT.type))
    urls = dict(links(store, cls, SCHEMA.url))
    out = {
        t: ToolRow(t, ident, labels.get(t, ident), str(urls[t]) if t in urls else None,
                   kinds.get(t), descriptions.get(t))
        for t, ident in ids.items()
    }
    for t, level in links(store, cls, ALL.maturity):
        if t in out:
            out[t].levels.add(level)
    for t, pillar in links(store, cls, ALL.pillar):
        if t in out:
            out[t].pillars.add(pillar)
    return sorted(out.values(), key=lambda r: (r.label.casefold(), r.id))
