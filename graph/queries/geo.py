"""Where each actor is, as a WGS84 point: the table behind the map of actors.

An actor's point is its own `geo:lat` / `geo:long` (WGS84, DESIGN §9) when it has both, else the
centre of the most precise territory it serves (`schema:areaServed`: commune, then EPCI,
département, région; `graph.reference.centre`), else it has none. Read with single-property scans
(see `features`) and kept as numpy arrays, once per graph version (`actor_points`).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import numpy as np
from rdflib import Literal, URIRef

from ontology.namespaces import ORG, SCHEMA, WGS84

from ..analytics.cache import VersionedCache
from ..iris import local_name
from ..reference import centre, territory_chain, territory_key
from ..store import Store
from .features import instances, links
from .pages import pages_index

#: How precise a point is, by code stored in `ActorPoints.precision`.
PRECISIONS = ("actor", "commune", "epci", "departement", "region")
_LEVEL_RANK = {"commune": 0, "epci": 1, "departement": 2, "region": 3}
_SCAN = "SELECT ?s ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }"


@dataclass(eq=False)
class ActorPoints:
    """Every actor that has a point: parallel columns, one row per actor.

    `lat` and `long` are WGS84 degrees (float64); `precision` indexes `PRECISIONS`; `departement`
    is the code of the département the actor serves ('' when unknown), used to name clusters.
    `unplaced` counts the actors without any point.
    """

    ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    lat: np.ndarray = field(default_factory=lambda: np.zeros(0))
    long: np.ndarray = field(default_factory=lambda: np.zeros(0))
    precision: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))
    departement: list[str] = field(default_factory=list)
    unplaced: int = 0
    row: dict[str, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def rows_of(self, iris: object) -> np.ndarray:
        """Row numbers of the actors among `iris` (an iterable of IRIs) that have a point."""
        found = [self.row[str(i)] for i in iris if str(i) in self.row]  # type: ignore[attr-defined]
        return np.asarray(sorted(found), dtype=np.int64)


def _decimal(term: object) -> float | None:
    """A literal's value as a float, or None when it is not a finite number."""
    if not isinstance(term, Literal):
        return None
    try:
        value = float(Decimal(str(term)))
    except (InvalidOperation, ValueError):
        return None
    return value if np.isfinite(value) else None


def _literals(store: Store, subjects: set[URIRef], predicate: URIRef) -> dict[URIRef, float]:
    """subject → numeric value of `predicate`, for `subjects` (one scan of the property)."""
    out: dict[URIRef, float] = {}
    for r in store.select(_SCAN, p=predicate):
        s = r["s"]
        if s in subjects:
            value = _decimal(r["o"])
            if value is not None:
                out[s] = value  # type: ignore[index]
    return out


def _departement(place: tuple[str, str]) -> str:
    """The code of the département `place` lies in ('' for a région or an unknown place)."""
    for t in territory_chain(*place):
        if t.level == "departement":
            return t.code
    return ""


def build_actor_points(store: Store) -> ActorPoints:
    """Read the point of every actor (three property scans; names from `pages_index`).

    Latitudes outside [-90, 90] and longitudes outside [-180, 180] are ignored (the actor falls
    back to its territory's centre).
    """
    actors = instances(store, ORG.FormalOrganization)
    lat = _literals(store, actors, WGS84.lat)
    long = _literals(store, actors, WGS84.long)
    places: dict[URIRef, tuple[int, str, str]] = {}
    for s, o in links(store, actors, SCHEMA.areaServed):
        key = territory_key(o)
        if key is not None and key[0] in _LEVEL_RANK:
            ranked = (_LEVEL_RANK[key[0]], *key)
            if s not in places or ranked < places[s]:
                places[s] = ranked
    labels = pages_index(store).labels
    centres: dict[tuple[str, str], tuple[float, float, int] | None] = {}
    deps: dict[tuple[str, str], str] = {}
    out = ActorPoints()
    lats, longs, precs = [], [], []
    for iri in sorted(actors):
        place = places.get(iri)
        key = (place[1], place[2]) if place else None
        y, x = lat.get(iri), long.get(iri)
        if y is not None and x is not None and -90 <= y <= 90 and -180 <= x <= 180:
            point: tuple[float, float, int] | None = (y, x, 0)
        elif key is None:
            point = None
        else:
            if key not in centres:
                c = centre(*key)
                centres[key] = (c.lat, c.long, PRECISIONS.index(c.precision)) if c else None
            point = centres[key]
        if point is None:
            out.unplaced += 1
            continue
        out.row[str(iri)] = len(out.ids)
        out.ids.append(local_name(iri))
        out.names.append(labels.get(str(iri), local_name(iri)))
        if key is not None and key not in deps:
            deps[key] = _departement(key)
        out.departement.append(deps[key] if key else "")
        lats.append(point[0])
        longs.append(point[1])
        precs.append(point[2])
    out.lat = np.asarray(lats, dtype=np.float64)
    out.long = np.asarray(longs, dtype=np.float64)
    out.precision = np.asarray(precs, dtype=np.int8)
    return out


_CACHES: weakref.WeakKeyDictionary[Store, VersionedCache[ActorPoints]] = weakref.WeakKeyDictionary()


def actor_points(store: Store) -> ActorPoints:
    """`build_actor_points` of the current version of `store` (built once per version)."""
    cache = _CACHES.get(store)
    if cache is None:
        cache = _CACHES[store] = VersionedCache(store, build_actor_points)
    return cache.get()
