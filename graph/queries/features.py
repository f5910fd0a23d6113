"""Features the recommenders read from the graph (DESIGN §4–§6), as plain Python values.

Shaped for 100,000 actors. The engine follows the written order of patterns and answers lookups
across the published graphs slowly, while scans are fast; and each row costs more in Python than
in the engine. So the queries are scans of one property, the multi-valued properties come back as
one row per resource (`GROUP_CONCAT`), and the restriction to a class is done in Python. Measured
on 100,000 synthetic actors: the five actor properties in one grouped query take 4.9 s against
15 s for the same 845,000 rows one by one. The caller (`graph.reco.*_table`) assembles the values
into arrays once per graph version.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from rdflib import Literal, URIRef

from ontology.namespaces import ALL, DCT, FOAF, ORG, RDF, SCHEMA, SKOS, scheme_iri

from ..iris import local_name
from ..store import Store
from .sources import fictional_resources

Pairs = list[tuple[URIRef, URIRef]]

_INSTANCES = "SELECT ?s WHERE { ?s ?type ?cls }"
_OBJECTS = "SELECT ?s ?o WHERE { ?s ?p ?o }"
_GROUPED = """
SELECT ?s (GROUP_CONCAT(CONCAT(STR(?p), " ", STR(?o)); separator="\\n") AS ?links) WHERE {
  ?s ?p ?o FILTER(isIRI(?o))
} GROUP BY ?s"""
#: The property first: the engine follows the written order, and a scan of one property then a
#: check of the type is 3 times faster than looking up the property of each instance.
_LITERALS = "SELECT ?s ?o WHERE { ?s ?p ?o . ?s ?type ?cls FILTER(isLiteral(?o)) }"
#: The type first, for a class with few instances (tools: 51 against 100,000 actors, whose
#: descriptions, labels and maturity levels a property-first scan would read and drop: 17 s of
#: the tools table at 100,000 actors, bench/README.md « Derived caches »).
_TYPED_LITERALS = "SELECT ?s ?o WHERE { ?s ?type ?cls . ?s ?p ?o FILTER(isLiteral(?o)) }"
_TYPED_OBJECTS = "SELECT ?s ?o WHERE { ?s ?type ?cls . ?s ?p ?o FILTER(isIRI(?o)) }"
_MEMBERS = """
SELECT ?alliance (GROUP_CONCAT(STR(?actor); separator=" ") AS ?actors)
WHERE { ?alliance ?member ?actor } GROUP BY ?alliance"""
_CONCEPTS = f"""
SELECT ?c ?code ?label WHERE {{
  ?c {SKOS.inScheme.n3()} ?scheme ; {SKOS.notation.n3()} ?code .
  OPTIONAL {{ ?c {SKOS.prefLabel.n3()} ?label }}
}}"""


Instances = set[URIRef] | frozenset[URIRef]


def instances(store: Store, cls: URIRef) -> set[URIRef]:
    """The IRIs of the instances of `cls`."""
    return {
        r["s"]
        for r in store.select(_INSTANCES, type=RDF.type, cls=cls)  # type: ignore[misc]
        if isinstance(r["s"], URIRef)
    }


def links(store: Store, subjects: Instances, predicate: URIRef) -> Pairs:
    """(subject, object) for every `subject predicate object` of `subjects` with an IRI object."""
    rows = store.select(_OBJECTS, p=predicate)
    return [
        (r["s"], r["o"])  # type: ignore[misc]
        for r in rows
        if r["s"] in subjects and isinstance(r["o"], URIRef)
    ]


def grouped_links(
    store: Store, subjects: Instances | None, predicates: list[URIRef]
) -> dict[URIRef, dict[URIRef, set[URIRef]]]:
    """subject → predicate → IRI objects, for `subjects` (None: all) and `predicates`."""
    interned: dict[str, URIRef] = {str(p): p for p in predicates}
    out: dict[URIRef, dict[URIRef, set[URIRef]]] = {}
    rows = store.select(_GROUPED, p=predicates)
    for r in rows:
        s = r["s"]
        if subjects is not None and s not in subjects:
            continue
        by_pred: dict[URIRef, set[URIRef]] = defaultdict(set)
        for line in str(r["links"]).split("\n"):
            pred, _, obj = line.partition(" ")
            iri = interned.get(obj)
            if iri is None:
                iri = interned[obj] = URIRef(obj)
            by_pred[interned[pred]].add(iri)
        out[s] = by_pred  # type: ignore[index]
    return out


def names(store: Store, subjects: Instances, predicate: URIRef) -> dict[URIRef, str]:
    """A plain literal per subject of `subjects` (for a property only they have, e.g. foaf:name)."""
    rows = store.select(_OBJECTS, p=predicate)
    return {
        r["s"]: str(r["o"])  # type: ignore[misc]
        for r in rows
        if r["s"] in subjects and isinstance(r["o"], Literal)
    }


def literals(
    store: Store, cls: URIRef, predicate: URIRef, *, few: bool = False
) -> list[tuple[URIRef, Literal]]:
    """(subject, literal) for every `subject a cls ; predicate "literal"`. `few`: the class has
    few instances compared with the subjects of `predicate`, so the engine starts from them."""
    query = _TYPED_LITERALS if few else _LITERALS
    rows = store.select(query, p=predicate, type=RDF.type, cls=cls)
    return [(r["s"], r["o"]) for r in rows]  # type: ignore[misc]


def class_links(store: Store, cls: URIRef, predicate: URIRef) -> Pairs:
    """(subject, IRI object) for every `subject a cls ; predicate <object>`, starting from the
    instances of `cls` (for a class with few instances; see `links` for the other case)."""
    rows = store.select(_TYPED_OBJECTS, p=predicate, type=RDF.type, cls=cls)
    return [(r["s"], r["o"]) for r in rows]  # type: ignore[misc]


def best_literals(
    store: Store, cls: URIRef, predicate: URIRef, lang: str = "fr", *, few: bool = False
) -> dict[URIRef, str]:
    """One literal per instance of `cls`: in `lang` when there is one, else any (`few`: see
    `literals`)."""
    out: dict[URIRef, str] = {}
    for s, lit in literals(store, cls, predicate, few=few):
        if s not in out or lit.language == lang:
            out[s] = str(lit)
    return out


@dataclass
class Profile:
    """The recommender-relevant properties of the instances of one class."""

    iris: set[URIRef]
    labels: dict[URIRef, str]
    types: dict[URIRef, URIRef] = field(default_factory=dict)
    territories: dict[URIRef, URIRef] = field(default_factory=dict)
    offers: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    needs: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    subjects: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    descriptions: dict[URIRef, str] = field(default_factory=dict)
    resources: dict[URIRef, dict[URIRef, float | None]] = field(
        default_factory=lambda: defaultdict(dict)
    )


#: The IRI-valued properties the recommenders read, fetched together by `resource_links`.
LINK_PROPERTIES = [ORG.classification, SCHEMA.areaServed, ALL.offers, ALL.needs, DCT.subject]
Links = dict[URIRef, dict[URIRef, set[URIRef]]]


def resource_links(store: Store) -> Links:
    """LINK_PROPERTIES of every resource (actors, alliances, tools), in one grouped query."""
    return grouped_links(store, None, LINK_PROPERTIES)


def actor_profiles(store: Store, links: Links | None = None) -> Profile:
    """Every actor: name (`foaf:name`), type, territory, offers, needs and SDGs.

    `links` is `resource_links(store)` when the caller already has it.
    """
    cls = instances(store, ORG.FormalOrganization)
    p = Profile(cls, names(store, cls, FOAF.name))
    if len(p.labels) < len(cls):  # imported RDF may have only skos:prefLabel
        for s, label in best_literals(store, ORG.FormalOrganization, SKOS.prefLabel).items():
            p.labels.setdefault(s, label)
    links = resource_links(store) if links is None else links
    for s in cls:
        if s in links:
            _fill(p, s, links[s])
    return p


def alliance_profiles(store: Store, links: Links | None = None) -> Profile:
    """Every alliance: title, description, territory, SDGs and resource mix."""
    cls = instances(store, ALL.Alliance)
    p = Profile(cls, best_literals(store, ALL.Alliance, SKOS.prefLabel))
    p.descriptions = best_literals(store, ALL.Alliance, DCT.description)
    links = resource_links(store) if links is None else links
    for s in cls:
        if s in links:
            _fill(p, s, links[s])
    p.resources = resource_mix(store, cls)
    return p


def _fill(p: Profile, s: URIRef, values: dict[URIRef, set[URIRef]]) -> None:
    for o in values.get(ORG.classification, ()):
        p.types[s] = o
    for o in values.get(SCHEMA.areaServed, ()):
        p.territories[s] = o
    for attr, pred in (("offers", ALL.offers), ("needs", ALL.needs), ("subjects", DCT.subject)):
        if pred in values:
            getattr(p, attr)[s] = values[pred]


def resource_mix(store: Store, subjects: Instances) -> dict[URIRef, dict[URIRef, float | None]]:
    """Resource type → share of budget (0..1, None when not given) of each of `subjects`.

    Three scans joined here (share node → owner, type, share) rather than a join in the engine.
    """
    owner = {o: s for s, o in links(store, subjects, ALL.resourceShare)}
    kinds = {s: o for s, o in links(store, set(owner), ALL.resourceType)}
    rows = store.select(_OBJECTS, p=ALL.shareOfBudget)
    shares = {r["s"]: _number(r["o"]) for r in rows if r["s"] in owner}
    out: dict[URIRef, dict[URIRef, float | None]] = defaultdict(dict)
    for node, kind in kinds.items():
        out[owner[node]][kind] = shares.get(node)
    return out


def _number(term: object) -> float | None:
    try:
        return float(Decimal(str(term)))
    except (InvalidOperation, ValueError):
        return None


def memberships(store: Store) -> Pairs:
    """(alliance, member actor) for every `org:hasMember` (only alliances have members)."""
    interned: dict[str, URIRef] = {}
    out: Pairs = []
    for r in store.select(_MEMBERS, member=ORG.hasMember):
        for actor in str(r["actors"]).split():
            iri = interned.get(actor)
            if iri is None:
                iri = interned[actor] = URIRef(actor)
            out.append((r["alliance"], iri))  # type: ignore[arg-type]
    return out


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
    out = {}
    for iri, e in by_iri.items():
        fr = e.get("fr", e["code"])
        out[iri] = ConceptLabel(iri, e["code"], fr, e.get("en", fr))
    return out


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
    audiences: set[URIRef] = field(default_factory=set)
    fictional: bool = False  # a demo tool (`sources.fictional_resources`)


def tools(store: Store) -> list[ToolRow]:
    """Every tool with its maturity levels, pillars, kind, URL and whether it is fictional."""
    cls = instances(store, ALL.Tool)
    fictional = fictional_resources(store)
    ids = {t: local_name(t) for t in cls}
    labels = best_literals(store, ALL.Tool, SKOS.prefLabel, few=True)
    descriptions = best_literals(store, ALL.Tool, DCT.description, few=True)
    kinds = dict(class_links(store, ALL.Tool, DCT.type))
    urls = dict(class_links(store, ALL.Tool, SCHEMA.url))
    out = {
        t: ToolRow(
            t,
            ident,
            labels.get(t, ident),
            str(urls[t]) if t in urls else None,
            kinds.get(t),
            descriptions.get(t),
            fictional=t in fictional,
        )
        for t, ident in ids.items()
    }
    for t, level in class_links(store, ALL.Tool, ALL.maturity):
        if t in out:
            out[t].levels.add(level)
    for t, pillar in class_links(store, ALL.Tool, ALL.pillar):
        if t in out:
            out[t].pillars.add(pillar)
    for t, audience in class_links(store, ALL.Tool, SCHEMA.audience):
        if t in out:
            out[t].audiences.add(audience)
    return sorted(out.values(), key=lambda r: (r.label.casefold(), r.id))


def alliance_starts(store: Store) -> dict[URIRef, str]:
    """The start (`schema:startDate`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`) of each alliance that
    has one, as written."""
    return {s: str(lit) for s, lit in literals(store, ALL.Alliance, SCHEMA.startDate)}
