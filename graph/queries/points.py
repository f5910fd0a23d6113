"""WGS84 coordinates of resources (`geo:lat` / `geo:long` directly on the resource, as the
mapped real datasets give them for France services sites and digital-inclusion places).

Two scans of one property each, joined in Python, as `features` does: the territories of the
vocabularies carry the same properties (their centres), so the caller passes the subjects it
wants and the rest is skipped.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from rdflib import URIRef

from ontology.namespaces import WGS84

from ..store import Store
from .features import Instances

_VALUES = "SELECT ?s ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }"


def points(store: Store, subjects: Instances) -> dict[URIRef, tuple[float, float]]:
    """(latitude, longitude) in decimal degrees of each of `subjects` that has both, valid
    (|lat| ≤ 90, |long| ≤ 180); the first value read when a resource has several."""
    lat = _numbers(store, subjects, WGS84.lat, 90.0)
    long = _numbers(store, subjects, WGS84.long, 180.0)
    return {s: (lat[s], long[s]) for s in lat.keys() & long.keys()}


def _numbers(
    store: Store, subjects: Instances, predicate: URIRef, bound: float
) -> dict[URIRef, float]:
    out: dict[URIRef, float] = {}
    for r in store.select(_VALUES, p=predicate):
        s = r["s"]
        if s in subjects and s not in out:
            try:
                value = float(Decimal(str(r["o"]).strip()))
            except (InvalidOperation, ValueError):
                continue
            if abs(value) <= bound:
                out[s] = value  # type: ignore[index]
    return out
