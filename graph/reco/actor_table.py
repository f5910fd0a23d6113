"""Actors as columns of numpy arrays, with inverted indices to find candidates locally (DESIGN §4).

Built once per graph version from `graph.queries.features.actor_profiles` and
`graph.queries.points.points`. Postings answer « who offers financement », « who works on target
12.3 », « who is in département 59 » without scanning. Each actor also has a point (its own
`geo:lat` / `geo:long`, else its territory's centre) for distances, and the table keeps the région
of every alliance's territory, from which `proximity.national_flags` reads who acts nationally,
and which actors and alliances are fictional (`fictional`, `graph.reco.fiction`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field

import numpy as np
from rdflib import URIRef

from ontology.namespaces import SCHEMA, concept

from ..iris import local_name
from ..queries.features import Links, actor_profiles, resource_links
from ..queries.points import points
from ..queries.sources import fictional_resources
from ..reference import centre
from ..store import Store
from .coding import LEVELS, TARGET_WORDS, Place, Sdgs, mask_of, scheme_index
from .proximity import FRANCE_IRIS

PostingKey = tuple[str, object]


@dataclass
class ActorTable:
    """One row per actor; see the module docstring."""

    iris: list[URIRef]
    ids: list[str]
    labels: list[str]
    type: np.ndarray  # int16, index in the actor-type scheme, -1 unknown
    offers: np.ndarray  # uint32 competence masks
    needs: np.ndarray
    goals: np.ndarray  # uint32 goal masks
    targets: np.ndarray  # (n, TARGET_WORDS) uint64 target masks
    sdgs: list[Sdgs]
    places: list[Place]
    place_codes: dict[str, np.ndarray]  # level → int32 code index (-1 none)
    level: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))  # LEVELS index
    lat: np.ndarray = field(default_factory=lambda: np.zeros(0))  # degrees, NaN unknown
    long: np.ndarray = field(default_factory=lambda: np.zeros(0))
    precise: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    own: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # own geo:lat/long
    declared_national: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    #: True for a fictional actor (the demo data: `graph.reco.fiction`).
    fictional: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    #: Every fictional resource of the graph (actors and alliances), for the alliances of the
    #: network (`fiction.real_links`).
    fictional_iris: frozenset[URIRef] = frozenset()
    alliance_regions: dict[Hashable, tuple[str, str]] = field(default_factory=dict)
    postings: dict[PostingKey, np.ndarray] = field(default_factory=dict)
    by_id: dict[str, int] = field(default_factory=dict)
    by_iri: dict[Hashable, int] = field(default_factory=dict)

    @classmethod
    def build(cls, store: Store, links: Links | None = None) -> ActorTable:
        """Read every actor's features from the store (`links`: `resource_links(store)`)."""
        links = resource_links(store) if links is None else links
        p = actor_profiles(store, links)
        iris = sorted(p.iris, key=str)
        types = scheme_index("actor-type")
        sdgs = [Sdgs.from_iris(p.subjects.get(a, set())) for a in iris]
        places = [Place.of_iri(p.territories.get(a)) for a in iris]
        n = len(iris)
        table = cls(
            iris=iris,
            ids=[local_id(a) for a in iris],
            labels=[p.labels.get(a) or local_id(a) for a in iris],
            type=np.array(
                [types.get(p.types.get(a), -1) for a in iris],  # type: ignore[arg-type]
                dtype=np.int16,
            ),
            offers=np.array(
                [mask_of(p.offers.get(a, set()), "competence") for a in iris], dtype=np.uint32
            ),
            needs=np.array(
                [mask_of(p.needs.get(a, set()), "competence") for a in iris], dtype=np.uint32
            ),
            goals=np.array([s.goal_mask for s in sdgs], dtype=np.uint32),
            targets=(
                np.stack([s.target_words() for s in sdgs])
                if n
                else np.zeros((0, TARGET_WORDS), dtype=np.uint64)
            ),
            sdgs=sdgs,
            places=places,
            place_codes={},
        )
        table.mark_fictional(fictional_resources(store))
        own = points(store, f"{store.base}actor/")
        table.locate(own, [p.territories.get(a) for a in iris])
        table.alliance_regions = {
            s: region
            for s, values in links.items()
            if s not in p.iris
            for ter in values.get(SCHEMA.areaServed, ())
            if (region := Place.of_iri(ter).region) is not None
        }
        table._index()
        return table

    def locate(
        self, own: dict[URIRef, tuple[float, float]], territories: list[URIRef | None]
    ) -> None:
        """Fill `level`, `lat`, `long`, `precise`, `own` and `declared_national` from the actors'
        own points and their `schema:areaServed` (one per row, None when absent). A point is
        precise when it is the actor's own or the centre of its commune. An actor is declared
        national when nothing places it: no areaServed (or France), no point of its own, and it
        is not a local authority (which is local by definition, even when its territory is
        unknown, as for an intercommunality since dissolved)."""
        n = len(self.iris)
        self.level = np.array(
            [LEVELS.index(p.level) if p.level in LEVELS else -1 for p in self.places], dtype=np.int8
        )
        self.lat, self.long = np.full(n, np.nan), np.full(n, np.nan)
        self.precise = np.zeros(n, dtype=bool)
        self.own = np.zeros(n, dtype=bool)
        authority = self.type_code("collectivite")
        self.declared_national = np.array(
            [
                (t is None or t in FRANCE_IRIS) and iri not in own and kind != authority
                for t, iri, kind in zip(territories, self.iris, self.type.tolist(), strict=True)
            ],
            dtype=bool,
        )
        for i, (iri, place) in enumerate(zip(self.iris, self.places, strict=True)):
            if iri in own:
                self.lat[i], self.long[i] = own[iri]
                self.precise[i] = self.own[i] = True
            elif place.level:
                c = centre(*place.key(place.level))  # type: ignore[misc]
                if c is not None:
                    self.lat[i], self.long[i] = c.lat, c.long
                    self.precise[i] = place.level == "commune" and c.precision == "commune"

    def mark_fictional(self, iris: frozenset[URIRef]) -> None:
        """Set `fictional` and `fictional_iris` from the fictional resources of the graph."""
        self.fictional_iris = iris
        self.fictional = np.array([i in iris for i in self.iris], dtype=bool)

    def is_fictional(self, iri: Hashable) -> bool:
        """Whether a resource of the graph (actor or alliance) is fictional."""
        return iri in self.fictional_iris

    def type_code(self, code: str) -> int:
        """Index of actor-type `code` in this table's `type` column (-1 when unknown)."""
        return scheme_index("actor-type").get(concept("actor-type", code), -1)

    def _index(self) -> None:
        self.by_id = {ident: i for i, ident in enumerate(self.ids)}
        self.by_iri = {iri: i for i, iri in enumerate(self.iris)}
        lists: dict[PostingKey, list[int]] = defaultdict(list)
        codes: dict[tuple[str, str], int] = {}
        place_codes = {lv: np.full(len(self.iris), -1, dtype=np.int32) for lv in LEVELS}
        for i in range(len(self.iris)):
            for bit in _bits(int(self.offers[i])):
                lists[("offers", bit)].append(i)
            for bit in _bits(int(self.needs[i])):
                lists[("needs", bit)].append(i)
            for g in self.sdgs[i].goals:
                lists[("goal", g)].append(i)
            for t in self.sdgs[i].targets:
                lists[("target", t)].append(i)
            for lv in LEVELS:
                key = self.places[i].key(lv)
                if key is not None:
                    place_codes[lv][i] = codes.setdefault(key, len(codes))
                    lists[(lv, key)].append(i)
        self.postings = {k: np.array(v, dtype=np.int64) for k, v in lists.items()}
        self.place_codes = place_codes
        self._codes = codes

    def place_code(self, key: tuple[str, str] | None) -> int:
        """Integer code of a territory key in this table (-1 when no actor is there)."""
        return self._codes.get(key, -1) if key is not None else -1

    def posting(self, kind: str, value: object) -> np.ndarray:
        """Actors indexed under (kind, value); empty when none."""
        return self.postings.get((kind, value), _EMPTY)

    def __len__(self) -> int:
        return len(self.iris)


_EMPTY = np.zeros(0, dtype=np.int64)


def local_id(iri: URIRef) -> str:
    """The local identifier of a resource: the last path segment of its IRI."""
    return local_name(iri)


def _bits(mask: int) -> list[int]:
    return [b for b in range(mask.bit_length()) if mask >> b & 1]
