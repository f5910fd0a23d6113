"""The same organisation in several records: recognised, merged into one actor, or listed.

An actor is keyed by its official identifiers (SIRET, SIREN), its name reduced for comparison
(`name_key`: `graph.places.normalise`, without the words that only say « local authority »:
mairie, commune, ville, and articles) and its places (the commune it serves and that commune's
EPCI, or the EPCI it serves). Two actors are **the same organisation** when

1. they have the same SIRET (the same establishment); or
2. one is known by a SIREN only (a legal entity, such as an intercommunality keyed by its SIREN)
   and the other's SIRET belongs to it, and their names agree (same `name_key`, or one contains
   the other); or
3. they have the same `name_key` and share a place (« Mairie de Bonnes » in Bonnes and the
   « Commune de Bonnes » of « Petites villes de demain »; a France services site and the
   digital-inclusion place of the same name in the same commune), unless both have coordinates
   more than `FAR_KM` apart (two sites of one name in a town: an uncertain pair).

They are **an uncertain pair**, listed for review by `alliances duplicates` and never merged, when
they have the same SIREN but different SIRETs (two establishments of one legal entity), when a
SIRET belongs to a SIREN-only actor but the names disagree, or when they share a place and their
names are close (`difflib` ratio ≥ 0.85) without being equal.

**Merging** (at import, `graph.mapping.importing`): the actor already published (or, within one
file, the first row) is the canonical resource. The other record does not become a resource of
its own: its facts that may have several values (competences offered, services, labels, SDGs,
identifiers) are added to the canonical actor in the importing source's graph, its single-valued
description (name, type, place, coordinates, contact, description) is dropped in favour of the
canonical one, and `<canonical> owl:sameAs <record IRI>` records the link (the record's IRI
redirects to the canonical actor). So search, pages and the partner recommender see one actor,
and SPARQL users see which records it gathers (docs/model.md).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.term import Node

from ontology.namespaces import ADMS, DCT, FOAF, ORG, OWL, RDF, SCHEMA, SKOS, WGS84

from ..places import normalise
from ..reference import territories, territory_key
from ..terms import from_ox

#: Words that only say « a local authority » or are articles: left out of name keys.
_GENERIC = re.compile(r"\b(?:mairie|commune|ville|de|d|du|des|la|le|les|l|et)\b")
#: Predicates whose values a merged record gives up to the canonical actor's.
SINGLE_VALUED = frozenset(
    {
        RDF.type,
        SKOS.prefLabel,
        DCT.identifier,
        ORG.classification,
        SCHEMA.areaServed,
        DCT.description,
        SCHEMA.url,
        SCHEMA.email,
        SCHEMA.telephone,
        SCHEMA.address,
        SCHEMA.contactPoint,
        WGS84.lat,
        WGS84.long,
        FOAF.name,
        DCT.modified,
    }
)
CLOSE_NAMES = 0.85
#: Two records of one name and place whose coordinates are further apart than this (km) are two
#: sites: an uncertain pair, not a merge (France services lists two « Saint-Amand-Montrond »).
FAR_KM = 0.5


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (haversine, Earth radius 6,371 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def name_key(label: str | None) -> str:
    """A name reduced for comparison: « MAIRIE DE BONNES » and « Commune de Bonnes » → `bonnes`."""
    return " ".join(_GENERIC.sub(" ", normalise(label or "")).split())


@dataclass
class ActorKey:
    """What recognising an actor uses."""

    iri: URIRef
    source: str
    label: str = ""
    places: set[str] = field(default_factory=set)
    sirets: set[str] = field(default_factory=set)
    sirens: set[str] = field(default_factory=set)
    order: int = 0
    #: WGS84 (latitude, longitude) when known.
    point: tuple[float, float] | None = None

    @property
    def key(self) -> str:
        """The reduced name."""
        return name_key(self.label)

    def to_dict(self) -> dict[str, object]:
        """JSON shape: {iri, id, label, source, places}."""
        return {
            "iri": str(self.iri),
            "id": str(self.iri).rsplit("/", 1)[-1],
            "label": self.label,
            "source": self.source,
            "places": sorted(self.places),
        }


@dataclass(frozen=True)
class Pair:
    """Two actors and why they are (or may be) the same organisation."""

    first: ActorKey
    second: ActorKey
    reason: str
    reason_fr: str
    score: float

    def to_dict(self) -> dict[str, object]:
        """JSON shape: {first, second, reason, reason_fr, score}."""
        return {
            "first": self.first.to_dict(),
            "second": self.second.to_dict(),
            "reason": self.reason,
            "reason_fr": self.reason_fr,
            "score": round(self.score, 3),
        }


def add_place(key: ActorKey, area: Node | None) -> None:
    """Record a served territory: a commune (and its EPCI) or an EPCI."""
    if not isinstance(area, URIRef):
        return
    found = territory_key(area)
    if found is None:
        return
    level, code = found
    if level == "commune":
        key.places.add(f"commune:{code}")
        t = territories().get(found)
        if t is not None and t.epci:
            key.places.add(f"epci:{t.epci}")
    elif level == "epci":
        key.places.add(f"epci:{code}")


def add_identifier(key: ActorKey, kind: str | None, number: str | None) -> None:
    """Record a SIRET (and its SIREN) or a SIREN."""
    if not number:
        return
    if kind == "SIRET" and len(number) == 14:
        key.sirets.add(number)
        key.sirens.add(number[:9])
    elif kind == "SIREN" and len(number) == 9:
        key.sirens.add(number)


def keys_of_triples(
    triples: Iterable[tuple[Node, Node, Node]], resources: Iterable[URIRef], source: str
) -> dict[URIRef, ActorKey]:
    """The keys of the actors among `resources`, read from a batch's triples (in row order)."""

    def term(x: object) -> Node:
        return x if isinstance(x, Node) else from_ox(x)  # type: ignore[return-value]

    actors: dict[URIRef, ActorKey] = {}
    ids: dict[Node, tuple[str | None, str | None]] = {}
    links: list[tuple[URIRef, Node]] = []
    coords: dict[URIRef, dict[str, float]] = {}
    wanted = set(resources)
    for raw in triples:
        s, p, o = (term(x) for x in raw)
        if p == RDF.type and o == ORG.FormalOrganization and s in wanted:
            actors.setdefault(s, ActorKey(s, source, order=len(actors)))  # type: ignore[arg-type]
    for raw in triples:
        s, p, o = (term(x) for x in raw)
        if s in actors:
            k = actors[s]  # type: ignore[index]
            if p == SKOS.prefLabel and isinstance(o, Literal):
                k.label = str(o)
            elif p == SCHEMA.areaServed:
                add_place(k, o)
            elif p == ADMS.identifier:
                links.append((s, o))  # type: ignore[arg-type]
            elif p in (WGS84.lat, WGS84.long) and isinstance(o, Literal):
                axis = "lat" if p == WGS84.lat else "long"
                coords.setdefault(s, {})[axis] = float(o)  # type: ignore[arg-type]
        elif p in (DCT.type, SKOS.notation) and isinstance(o, Literal):
            kind, number = ids.get(s, (None, None))
            ids[s] = (str(o), number) if p == DCT.type else (kind, str(o))
    for actor, node in links:
        add_identifier(actors[actor], *ids.get(node, (None, None)))
    for actor, c in coords.items():
        if len(c) == 2:
            actors[actor].point = (c["lat"], c["long"])
    return actors


@dataclass
class Plan:
    """What recognition decided: merged records (record → canonical, with the pair) and the
    uncertain pairs."""

    merged: dict[URIRef, Pair] = field(default_factory=dict)
    uncertain: list[Pair] = field(default_factory=list)

    def canonical(self, iri: URIRef) -> URIRef:
        """The actor a record was merged into, else itself."""
        pair = self.merged.get(iri)
        return pair.first.iri if pair is not None else iri


def compare(a: ActorKey, b: ActorKey) -> Pair | None:
    """Whether `b` is the same organisation as `a` (a Pair with score 1), may be (score < 1),
    or not (None). See the module docstring."""
    if a.sirets & b.sirets:
        return Pair(a, b, "same SIRET", "même SIRET", 1.0)
    shared_siren = a.sirens & b.sirens
    if shared_siren:
        names_agree = a.key == b.key or (a.key and b.key and (a.key in b.key or b.key in a.key))
        if (not a.sirets or not b.sirets) and names_agree:
            return Pair(
                a,
                b,
                "SIRET of the same legal entity (SIREN), same name",
                "SIRET de la même entité (SIREN), même nom",
                1.0,
            )
        if not a.sirets or not b.sirets:
            return Pair(
                a,
                b,
                "SIRET of the same legal entity (SIREN), other name",
                "SIRET de la même entité juridique (SIREN), autre nom",
                0.7,
            )
        return Pair(
            a,
            b,
            "same SIREN, other establishment (SIRET)",
            "même SIREN, autre établissement (SIRET)",
            0.6,
        )
    if not (a.places & b.places) or not a.key or not b.key:
        return None
    if a.key == b.key:
        if a.point and b.point and (km := distance_km(a.point, b.point)) > FAR_KM:
            return Pair(
                a,
                b,
                f"same name, same place, {km:.1f} km apart",
                f"même nom, même lieu, à {km:.1f} km l'un de l'autre",
                0.9,
            )
        return Pair(a, b, "same name, same place", "même nom, même lieu", 1.0)
    ratio = difflib.SequenceMatcher(None, a.key, b.key).ratio()
    if ratio >= CLOSE_NAMES:
        return Pair(a, b, "close names, same place", "noms proches, même lieu", ratio)
    return None


def candidate_pairs(keys: list[ActorKey]) -> Iterator[tuple[ActorKey, ActorKey]]:
    """Pairs worth comparing: sharing an identifier, a reduced name or a commune."""
    buckets: dict[str, list[ActorKey]] = {}
    for k in keys:
        for token in (
            *(f"siret:{s}" for s in k.sirets),
            *(f"siren:{s}" for s in k.sirens),
            *(f"name:{k.key}" for _ in (0,) if k.key),
            *(p for p in k.places if p.startswith("commune:")),
        ):
            buckets.setdefault(token, []).append(k)
    seen: set[tuple[URIRef, URIRef]] = set()
    for group in buckets.values():
        if len(group) > 400:  # a name or place shared by hundreds says nothing
            continue
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                pair = (a.iri, b.iri) if str(a.iri) < str(b.iri) else (b.iri, a.iri)
                if a.iri != b.iri and pair not in seen:
                    seen.add(pair)
                    yield a, b


def recognise(batch: dict[URIRef, ActorKey], published: list[ActorKey]) -> Plan:
    """Merge plan for the actors of a batch, against themselves and the published actors of
    other sources. Records found the same organisation form groups (transitively); each group's
    canonical actor is its first member, published actors before batch ones, then row order;
    every other batch member is merged into it (published actors are never merged here)."""
    plan = Plan()
    everyone = [*published, *sorted(batch.values(), key=lambda k: k.order)]
    rank = {k.iri: i for i, k in enumerate(everyone)}
    parent: dict[URIRef, URIRef] = {}

    def root(x: URIRef) -> URIRef:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    pairs: dict[URIRef, Pair] = {}
    for a, b in candidate_pairs(everyone):
        if a.iri not in batch and b.iri not in batch:
            continue
        first, second = (a, b) if rank[a.iri] < rank[b.iri] else (b, a)
        pair = compare(first, second)
        if pair is None:
            continue
        if pair.score < 1.0:
            plan.uncertain.append(pair)
            continue
        ra, rb = root(first.iri), root(second.iri)
        if ra != rb:
            keep, drop = (ra, rb) if rank[ra] < rank[rb] else (rb, ra)
            parent[drop] = keep
        pairs.setdefault(second.iri, pair)
        pairs.setdefault(first.iri, pair)
    by_iri = {k.iri: k for k in everyone}
    for iri in batch:
        canonical = root(iri)
        if canonical != iri:
            why = pairs[iri]
            plan.merged[iri] = Pair(by_iri[canonical], by_iri[iri], why.reason, why.reason_fr, 1.0)
    merged_pairs = {(p.first.iri, p.second.iri) for p in plan.merged.values()}
    plan.uncertain = [
        p
        for p in plan.uncertain
        if root(p.first.iri) != root(p.second.iri)
        and (p.first.iri, p.second.iri) not in merged_pairs
    ]
    return plan


def apply_plan(
    triples: list[tuple[Node, Node, Node]], plan: Plan, published: set[URIRef]
) -> list[tuple[Node, Node, Node]]:
    """Rewrite a batch's triples: a merged record's IRI becomes its canonical actor's (its hash
    nodes too); a record merged into a published actor gives up its single-valued facts, one
    merged into another record of the batch keeps only those its canonical lacks; each
    canonical actor gets `owl:sameAs` the records it gathers."""
    if not plan.merged:
        return triples

    def target(term: Node) -> Node:
        if not isinstance(term, URIRef):
            return term
        iri, hash_, fragment = str(term).partition("#")
        canonical = plan.canonical(URIRef(iri))
        if canonical == URIRef(iri):
            return term
        return URIRef(f"{canonical}{hash_}{fragment}")

    def term(x: object) -> Node:
        return x if isinstance(x, Node) else from_ox(x)  # type: ignore[return-value]

    def record_of(x: Node) -> URIRef | None:
        """The merged record a hash node belongs to."""
        if not isinstance(x, URIRef) or "#" not in str(x):
            return None
        iri = URIRef(str(x).split("#", 1)[0])
        return iri if iri in plan.merged else None

    rows = [tuple(term(x) for x in raw) for raw in triples]
    canonical_has: set[tuple[Node, Node]] = set()
    for s, p, _ in rows:
        if p in SINGLE_VALUED and s not in plan.merged:
            canonical_has.add((s, p))
    kept: list[tuple[Node, Node, Node]] = []
    for s, p, o in rows:
        if record_of(s) is not None:
            continue
        if s in plan.merged:
            c = plan.canonical(s)  # type: ignore[arg-type]
            if p in SINGLE_VALUED and (c in published or (c, p) in canonical_has):
                continue
            canonical_has.add((c, p))
        kept.append((s, p, o))
    referenced = {o for _, _, o in kept if record_of(o) is not None}
    kept += [(s, p, o) for s, p, o in rows if record_of(s) is not None and s in referenced]
    out = [(target(s), p, target(o)) for s, p, o in kept]
    for record in plan.merged:
        out.append((plan.canonical(record), OWL.sameAs, record))
    return list(dict.fromkeys(out))
