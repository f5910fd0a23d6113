"""How controlled values become small integers and bit masks, so factors are computed with numpy.

Competences and actor types are indexed in their scheme's canonical order; SDG goals are bits
0–16 of a uint32; the 169 targets are bits of three uint64 words; territories are the (level, code)
keys of the COG, expanded to their commune / EPCI / département / région through the territory chain
(`graph.reference.territory_chain`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import numpy as np
from rdflib import URIRef

from ontology.namespaces import SDG, concept, scheme_codes

from ..reference import (
    SDG_GOALS,
    parse_territory,
    sdg_labels,
    sdg_targets,
    territories,
    territory_chain,
    territory_iri,
    territory_key,
)

TARGET_WORDS = 3  # 169 targets fit in 3 × 64 bits


def code_of(iri: URIRef, namespace: str) -> str | None:
    """The local part of `iri` under `namespace`, or None when it is not under it."""
    text = str(iri)
    return text[len(namespace) :] if text.startswith(namespace) else None


@cache
def scheme_index(scheme: str) -> dict[URIRef, int]:
    """Concept IRI → its position in the scheme's canonical order."""
    return {concept(scheme, code): i for i, code in enumerate(scheme_codes(scheme))}


@cache
def target_codes() -> list[str]:
    """The 169 target codes in goal order ('1.1' … '17.19')."""
    return sorted(sdg_targets(), key=target_sort_key)


def target_sort_key(code: str) -> tuple[int, int, str]:
    """Sort key putting '2' < '2.1' < '2.10' < '2.a' < '10' < '10.1'."""
    goal, _, rest = code.partition(".")
    if not rest:
        return (int(goal), -1, "")
    return (int(goal), int(rest) if rest.isdigit() else 1000, rest)


@cache
def target_index() -> dict[str, int]:
    """Target code → bit number."""
    return {code: i for i, code in enumerate(target_codes())}


@cache
def sdg_texts(lang: str) -> dict[str, str]:
    """Goal short names and target texts in `lang` ('fr' or 'en'), NFC-normalised."""
    return {k: unicodedata.normalize("NFC", v) for k, v in sdg_labels(lang).items()}


@dataclass(frozen=True)
class Sdgs:
    """SDG goals and targets of a resource, as codes and as masks."""

    goals: frozenset[str]
    targets: frozenset[str]

    @classmethod
    def from_iris(cls, iris: set[URIRef] | frozenset[URIRef]) -> Sdgs:
        """From `dct:subject` values (non-SDG subjects are ignored)."""
        return cls.from_codes(c for c in (code_of(i, str(SDG)) for i in iris) if c)

    @classmethod
    def from_codes(cls, codes: object) -> Sdgs:
        """From codes such as '2', '12.3'; a target implies its goal. Unknown codes are ignored."""
        goals: set[str] = set()
        targets: set[str] = set()
        for code in codes:  # type: ignore[attr-defined]
            if code in SDG_GOALS:
                goals.add(code)
            elif code in target_index():
                targets.add(code)
                goals.add(code.partition(".")[0])
        return cls(frozenset(goals), frozenset(targets))

    @property
    def goal_mask(self) -> int:
        """Bit g-1 set for each goal g."""
        return sum(1 << (int(g) - 1) for g in self.goals)

    def target_words(self) -> np.ndarray:
        """The target bits as TARGET_WORDS uint64 words."""
        words = [0] * TARGET_WORDS
        for t in self.targets:
            i = target_index()[t]
            words[i // 64] |= 1 << (i % 64)
        return np.array(words, dtype=np.uint64)


def mask_of(iris: set[URIRef], scheme: str) -> int:
    """Bit mask of the concepts of `scheme` among `iris`."""
    index = scheme_index(scheme)
    return sum(1 << index[i] for i in iris if i in index)


def codes_of_mask(mask: int, scheme: str) -> list[str]:
    """The codes whose bits are set in `mask`, in scheme order."""
    return [code for i, code in enumerate(scheme_codes(scheme)) if mask >> i & 1]


def popcount(a: np.ndarray) -> np.ndarray:
    """Number of set bits of each element (summed over the last axis for 2-D arrays)."""
    counts = np.bitwise_count(a)
    return counts.sum(axis=-1) if counts.ndim > 1 else counts


@dataclass(frozen=True)
class Place:
    """A territory expanded to its chain: keys ('commune', code) etc., or None per level.

    `epci` is the nearest intercommunality: the EPT of a Grand Paris commune, else its EPCI.
    """

    commune: tuple[str, str] | None
    departement: tuple[str, str] | None
    region: tuple[str, str] | None
    level: str | None  # the level of the territory itself
    epci: tuple[str, str] | None = None

    @classmethod
    def of(cls, level: str, code: str) -> Place:
        """The place of a territory (unknown codes give an empty place)."""
        return _place_of(level, code)

    @classmethod
    def of_iri(cls, iri: URIRef | None) -> Place:
        """The place of an INSEE territory IRI (empty when None or not a territory IRI)."""
        key = territory_key(iri) if iri is not None else None
        return cls.of(*key) if key else NOWHERE

    @classmethod
    def parse(cls, value: str) -> Place | None:
        """From user input `departement:59`, `commune:59350`, `region:32`; None if unknown."""
        key = parse_territory(value)
        if key is None or key not in territories():
            return None
        return cls.of(*key)

    @property
    def iri(self) -> URIRef | None:
        """IRI of the territory itself."""
        key = self.key(self.level) if self.level else None
        return territory_iri(*key) if key else None

    def key(self, level: str) -> tuple[str, str] | None:
        """The key at `level` ('commune', 'epci', 'departement', 'region')."""
        return {
            "commune": self.commune,
            "epci": self.epci,
            "departement": self.departement,
            "region": self.region,
        }[level]


@cache
def _place_of(level: str, code: str) -> Place:
    """`Place.of`, once per territory (actors share few communes)."""
    keys: dict[str, tuple[str, str]] = {}
    for t in territory_chain(level, code):
        if t.level == "epci":
            keys.setdefault("epci", t.key)  # the EPT before the Métropole du Grand Paris
        else:
            keys[t.level] = t.key  # an arrondissement yields to its commune
    return Place(
        keys.get("commune"),
        keys.get("departement"),
        keys.get("region"),
        level if keys else None,
        keys.get("epci"),
    )


NOWHERE = Place(None, None, None, None)
LEVELS = ("commune", "epci", "departement", "region")


def place_name(key: tuple[str, str] | None) -> str:
    """COG name of a territory key ('' when unknown)."""
    t = territories().get(key) if key else None
    return t.name if t else ""
