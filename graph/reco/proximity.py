"""Where a suggested partner is, and how near it is: the proximity factor (DESIGN §4, issue 11).

The relation of a candidate to the seeker is the first of these that applies:

1. `national`: the candidate acts nationally (`national_flags`). Value COVERS, as if it were in the
   seeker's département: its seat being far away is not held against it.
2. the finest level the two share through the territory chain (commune → EPCI → département →
   région): `commune` 1, `epci` 0.8, `departement` 0.6, `region` 0.3; a région-wide actor and
   someone in its région count COVERS (its territory covers the other's), and two actors whose
   points are both precise get at least decay(d).
3. `distance`: nothing shared, both points known: decay(d) = 1 / (1 + d / DECAY_KM).
4. `place`: the seeker has no local place (a national actor, or a need without a territory), or
   the candidate has no point: 0; the answer still says where the candidate is.

Points (WGS84) are an actor's own `geo:lat` / `geo:long` when it has them, else the centre of its
territory (`graph.reference.centre`); a point is *precise* when it is the actor's own or that of a
commune. d is the great-circle distance (haversine, mean Earth radius 6,371 km). A distance is
shown when both points are precise, and within one commune only when both are the actors' own.

DECAY_KM = 20 km: on the demo network, the rate of partnerships between actors d km apart,
relative to actors 0–5 km apart, is 1 (0–10 km), 0.6 (10–20), 0.4 (20–40), 0.22 (40–80),
0.09 (80–160) and 0.04 (160–320): 1 / (1 + d / 20) follows it within a factor of 2 up to 300 km
(`graph.reco.fitting.distance_profile` measures it on any network; `bench/reco.py` reports it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from rdflib import URIRef

from ontology.namespaces import INSEE_GEO

from .coding import LEVELS, Place, place_name
from .phrases import SAME_PLACE_EN, SAME_PLACE_FR

if TYPE_CHECKING:
    from ..analytics import NetworkViews
    from .actor_table import ActorTable

LEVEL_VALUES = {"commune": 1.0, "epci": 0.8, "departement": 0.6, "region": 0.3}
#: Value of a national actor, and of a région-wide one for someone in its région.
COVERS = LEVEL_VALUES["departement"]
#: Distance (km) at which the distance decay is one half.
DECAY_KM = 20.0
#: A non-authority actor member of alliances in this many régions or more (a third of the 13
#: régions of mainland France) acts nationally.
NATIONAL_REGIONS = 4
EARTH_RADIUS_KM = 6371.0
#: `schema:areaServed` values read as « France »: INSEE's COG code of France (99100), Wikidata,
#: GeoNames.
FRANCE_IRIS = frozenset(
    {
        INSEE_GEO["pays/99100"],
        URIRef("http://www.wikidata.org/entity/Q142"),
        URIRef("https://sws.geonames.org/3017382/"),
        URIRef("http://sws.geonames.org/3017382/"),
    }
)

#: Relation codes, in the order of the rules above (`relation` arrays hold their index).
RELATIONS = ("commune", "epci", "departement", "region", "national", "distance", "place")
_REL = {name: i for i, name in enumerate(RELATIONS)}


def haversine_km(
    lat1: np.ndarray | float,
    long1: np.ndarray | float,
    lat2: np.ndarray | float,
    long2: np.ndarray | float,
) -> np.ndarray:
    """Great-circle distance in km between points given in decimal degrees (NaN stays NaN)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(np.asarray(long2) - np.asarray(long1))
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1))))


def decay(km: np.ndarray | float) -> np.ndarray:
    """1 / (1 + km / DECAY_KM): 1 at 0 km, 0.5 at 20 km, 0.05 at 380 km."""
    return np.asarray(1.0 / (1.0 + np.asarray(km) / DECAY_KM))


@dataclass(frozen=True)
class Origin:
    """Where the seeker is: its place, its point (or None) and whether it is local at all."""

    place: Place
    lat: float = float("nan")
    long: float = float("nan")
    precise: bool = False
    local: bool = False
    own: bool = False  # the point is the seeker's own, not its commune's centre

    @property
    def has_point(self) -> bool:
        """True when the seeker has coordinates."""
        return not (np.isnan(self.lat) or np.isnan(self.long))


def origin_of_place(place: Place) -> Origin:
    """The origin of a described need: its territory's centre, local when it has a territory."""
    from ..reference import centre

    key = place.key(place.level) if place.level else None
    point = centre(*key) if key else None
    if point is None:
        return Origin(place, local=key is not None)
    return Origin(place, point.lat, point.long, place.level == "commune", True)


def values(
    t: ActorTable, o: Origin, c: np.ndarray, national: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Proximity values in [0, 1], relation indices (RELATIONS) and distances in km (NaN when
    unknown or not shown) of the candidates `c`, following the module docstring."""
    n = len(c)
    prox = np.zeros(n)
    rel = np.full(n, _REL["place"], dtype=np.int8)
    km = np.full(n, np.nan)
    if not o.local:
        rel[national[c]] = _REL["national"]
        return prox, rel, km
    if o.has_point:
        km = haversine_km(o.lat, o.long, t.lat[c], t.long[c])
        known = ~np.isnan(km)
        prox[known] = decay(km[known])
        rel[known] = _REL["distance"]
    shared = np.zeros(n, dtype=bool)
    for level in reversed(LEVELS):  # finer levels overwrite coarser ones
        code = t.place_code(o.place.key(level))
        if code >= 0:
            same = t.place_codes[level][c] == code
            level_value = np.full(n, LEVEL_VALUES[level])
            if level == "region":
                wide = (t.level[c] == LEVELS.index("region")) | (o.place.level == "region")
                level_value[wide] = COVERS
            precise = t.precise[c] & o.precise
            prox[same] = np.where(
                precise[same], np.maximum(level_value[same], prox[same]), level_value[same]
            )
            rel[same] = _REL[level]
            shared |= same
    km[shared & ~(t.precise[c] & o.precise)] = np.nan  # an area's centre says nothing there
    km[(rel == _REL["commune"]) & ~(t.own[c] & o.own)] = np.nan  # nor a commune's, in it
    nat = national[c]
    prox[nat] = COVERS
    rel[nat] = _REL["national"]
    km[nat] = np.nan
    return prox, rel, km


def national_flags(t: ActorTable, network: NetworkViews) -> np.ndarray:
    """Which actors act nationally (bool per row of `t`):

    - declared (`ActorTable.declared_national`): no `schema:areaServed` at all, or France
      (FRANCE_IRIS), no point of their own, and not a local authority — nothing places them
      anywhere (the national networks and State agencies of the bundled data have no territory);
    - in practice: not a local authority (type `collectivite`, whose territory is its
      jurisdiction), and member of alliances located in NATIONAL_REGIONS régions or more in
      `network` (national foundations, federations and firms seated in Paris).

    National labels of a structure (France Services, Aidants Connect…) are not read as national
    reach: they mark a local site of a national network.
    """
    flags = t.declared_national.copy()
    authority = t.type_code("collectivite")
    for i, regions in alliance_regions(t, network).items():
        if len(regions) >= NATIONAL_REGIONS and t.type[i] != authority:
            flags[i] = True
    return flags


def alliance_regions(t: ActorTable, network: NetworkViews) -> dict[int, set[Hashable]]:
    """Row of each actor of `t` in `network` → the régions of the alliances it is a member of."""
    out: dict[int, set[Hashable]] = defaultdict(set)
    bip = network.bipartite
    for alliance, region in t.alliance_regions.items():
        if alliance in bip:
            for actor in bip.adj[alliance]:
                i = t.by_iri.get(actor)
                if i is not None:
                    out[i].add(region)
    return out


def rounded_km(km: float) -> int:
    """Distances as people say them: to the km under 20 km, to 5 km under 100, else to 10 km."""
    if km < 20:
        return max(1, round(km))
    if km < 100:
        return 5 * round(km / 5)
    return 10 * round(km / 10)


def where(
    t: ActorTable, o: Origin, j: int, relation: int, km: float, regions: int = 0
) -> dict[str, Any]:
    """Where candidate `j` is, for the answer: {relation, km (or null), label, label_en,
    territory {iri, name, level} (or null)}."""
    rel = RELATIONS[relation]
    place = t.places[j]
    territory = None
    if place.level:
        key = place.key(place.level)
        territory = {"iri": str(place.iri), "name": place_name(key), "level": place.level}
    shown = None if np.isnan(km) else rounded_km(km)
    about = not (t.precise[j] and o.precise)
    fr, en = _label(rel, o, place, shown, about, regions)
    return {"relation": rel, "km": shown, "label": fr, "label_en": en, "territory": territory}


def _label(
    rel: str, o: Origin, place: Place, km: int | None, about: bool, regions: int
) -> tuple[str, str]:
    """« Même intercommunalité (Métropole Européenne de Lille), à 12 km », « À 420 km (Alençon,
    Orne) », « Acteur national »…"""
    dist_fr = f"à {'environ ' if about else ''}{km} km" if km is not None else ""
    dist_en = f"{'about ' if about else ''}{km} km away" if km is not None else ""
    if rel in LEVEL_VALUES:
        name = place_name(o.place.key(rel))
        fr, en = f"{SAME_PLACE_FR[rel]} ({name})", f"{SAME_PLACE_EN[rel]} ({name})"
        if km is not None and rel != "commune":
            fr, en = f"{fr}, {dist_fr}", f"{en}, {dist_en}"
        return fr, en
    if rel == "national":
        if regions >= NATIONAL_REGIONS:
            return (
                f"Acteur national (alliances dans {regions} régions)",
                f"National actor (alliances in {regions} regions)",
            )
        return "Acteur national", "National actor"
    name = where_name(place)
    if rel == "distance" and km is not None:
        suffix = f" ({name})" if name else ""
        return f"À{dist_fr[1:]}{suffix}", f"{dist_en[0].upper()}{dist_en[1:]}{suffix}"
    return (name, name) if name else ("Lieu non renseigné", "Place not given")


def where_name(place: Place) -> str:
    """« Alençon, Orne » for a commune, the name alone for a wider territory, '' when none."""
    if not place.level:
        return ""
    name = place_name(place.key(place.level))
    if place.level == "commune" and place.departement is not None:
        dep = place_name(place.departement)
        return f"{name}, {dep}" if dep != name else name
    return name
