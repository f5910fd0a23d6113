"""Alliances as numpy arrays for analogue search (DESIGN §5), built once per graph version.

Text is a TF-IDF space over title + description (French stemming, accent folding); SDGs are masks;
the composition is the count of member actors per actor type; the resource mix is the share of each
resource type (equal shares when percentages are not given); the scale is the level of the
alliance's territory. Fictional alliances (the demo) are flagged (`graph.reco.fiction`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from rdflib import URIRef

from ontology.namespaces import scheme_codes

from ..analytics.network import NetworkViews
from ..queries.features import Links, alliance_profiles
from ..store import Store
from .actor_table import ActorTable, local_id
from .coding import LEVELS, TARGET_WORDS, Place, Sdgs, scheme_index
from .text import TfIdf

N_TYPES = len(scheme_codes("actor-type"))
N_RESOURCES = len(scheme_codes("resource-type"))


@dataclass
class AllianceTable:
    """One row per alliance; see the module docstring."""

    iris: list[URIRef]
    ids: list[str]
    labels: list[str]
    text: TfIdf
    sdgs: list[Sdgs]
    goals: np.ndarray  # uint32
    targets: np.ndarray  # (n, TARGET_WORDS) uint64
    composition: np.ndarray  # (n, N_TYPES) member counts per actor type
    resources: np.ndarray  # (n, N_RESOURCES) shares summing to 1, or all 0 when unknown
    places: list[Place]
    scale: np.ndarray  # int8 index in LEVELS, -1 unknown
    postings: dict[tuple[str, str], np.ndarray] = field(default_factory=dict)
    by_id: dict[str, int] = field(default_factory=dict)
    place_codes: dict[str, np.ndarray] = field(default_factory=dict)  # level → code, -1 none
    _codes: dict[tuple[str, str], int] = field(default_factory=dict)
    null: np.ndarray | None = None  # factor values of random pairs (analogues.null_factors)
    #: True for a fictional alliance (the demo data: `graph.reco.fiction`).
    fictional: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    @classmethod
    def build(
        cls, store: Store, actors: ActorTable, network: NetworkViews, links: Links | None = None
    ) -> AllianceTable:
        """Read every alliance's features; member types come from the actor table."""
        p = alliance_profiles(store, links)
        iris = sorted(p.iris, key=str)
        sdgs = [Sdgs.from_iris(p.subjects.get(a, set())) for a in iris]
        places = [Place.of_iri(p.territories.get(a)) for a in iris]
        table = cls(
            iris=iris,
            ids=[local_id(a) for a in iris],
            labels=[p.labels.get(a) or local_id(a) for a in iris],
            text=TfIdf.fit(f"{p.labels.get(a, '')}. {p.descriptions.get(a, '')}" for a in iris),
            sdgs=sdgs,
            goals=np.array([s.goal_mask for s in sdgs], dtype=np.uint32),
            targets=(
                np.stack([s.target_words() for s in sdgs])
                if iris
                else np.zeros((0, TARGET_WORDS), dtype=np.uint64)
            ),
            composition=_composition(iris, actors, network),
            resources=np.array(
                [mix_vector(p.resources.get(a, {})) for a in iris], dtype=np.float64
            ).reshape(len(iris), N_RESOURCES),
            places=places,
            scale=np.array(
                [LEVELS.index(pl.level) if pl.level else -1 for pl in places], dtype=np.int8
            ),
        )
        table.fictional = np.array([a in actors.fictional_iris for a in iris], dtype=bool)
        table._index()
        return table

    def _index(self) -> None:
        self.by_id = {ident: i for i, ident in enumerate(self.ids)}
        self.place_codes = {lv: np.full(len(self.iris), -1, dtype=np.int32) for lv in LEVELS}
        for i, place in enumerate(self.places):
            for lv in LEVELS:
                key = place.key(lv)
                if key is not None:
                    self.place_codes[lv][i] = self._codes.setdefault(key, len(self._codes))
        lists: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, s in enumerate(self.sdgs):
            for g in s.goals:
                lists[("goal", g)].append(i)
            for t in s.targets:
                lists[("target", t)].append(i)
        self.postings = {k: np.array(v, dtype=np.int64) for k, v in lists.items()}

    def place_code(self, key: tuple[str, str] | None) -> int:
        """Integer code of a territory key (-1 when None, -2 when no alliance is there)."""
        return -1 if key is None else self._codes.get(key, -2)

    def posting(self, kind: str, value: str) -> np.ndarray:
        """Alliances indexed under (kind, value)."""
        return self.postings.get((kind, value), np.zeros(0, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.iris)


def mix_vector(shares: dict[URIRef, float | None]) -> list[float]:
    """Resource shares as a vector over the resource-type scheme (summing to 1, or all 0)."""
    index = scheme_index("resource-type")
    vec = [0.0] * N_RESOURCES
    known = {index[r]: s for r, s in shares.items() if r in index}
    if not known:
        return vec
    given = {i: s for i, s in known.items() if s is not None}
    if len(given) == len(known) and sum(given.values()) > 0:
        total = sum(given.values())
        for i, s in given.items():
            vec[i] = s / total
    else:
        for i in known:
            vec[i] = 1.0 / len(known)
    return vec


def _composition(iris: list[URIRef], actors: ActorTable, network: NetworkViews) -> np.ndarray:
    out = np.zeros((len(iris), N_TYPES), dtype=np.float64)
    adj = network.bipartite.adj
    for i, alliance in enumerate(iris):
        if alliance not in adj:
            continue
        for member in adj[alliance]:
            k = actors.by_iri.get(member)  # type: ignore[arg-type]
            if k is not None and actors.type[k] >= 0:
                out[i, actors.type[k]] += 1
    return out
