"""WGS84 coordinates of resources (`geo:lat` / `geo:long` directly on the resource, as the
mapped real datasets give them for France services sites and digital-inclusion places).

The territories of the vocabularies carry the same properties (their centres, tens of thousands),
so the query keeps only the subjects whose IRI starts with a prefix (the instance's actors:
`{base}actor/`) before looking for the longitude: measured on 30,000 actors and the vocabularies,
0.16 s, against 2.0 s when the class is checked in the engine and 0.9 s to read every latitude.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from rdflib import Literal, URIRef

from ontology.namespaces import WGS84

from ..store import Store

_POINTS = """
SELECT ?s ?lat ?long WHERE {
  ?s ?latp ?lat FILTER(STRSTARTS(STR(?s), ?prefix))
  ?s ?longp ?long
}"""


def points(store: Store, prefix: str) -> dict[URIRef, tuple[float, float]]:
    """(latitude, longitude) in decimal degrees of each resource whose IRI starts with `prefix`
    and that has both, valid (|lat| ≤ 90, |long| ≤ 180); the first pair read when a resource has
    several."""
    out: dict[URIRef, tuple[float, float]] = {}
    rows = store.select(_POINTS, latp=WGS84.lat, longp=WGS84.long, prefix=Literal(prefix))
    for r in rows:
        s = r["s"]
        if s in out or not isinstance(s, URIRef):
            continue
        lat, long = _number(r["lat"]), _number(r["long"])
        if lat is not None and long is not None and abs(lat) <= 90 and abs(long) <= 180:
            out[s] = (lat, long)
    return out


def _number(term: object) -> float | None:
    try:
        return float(Decimal(str(term).strip()))
    except (InvalidOperation, ValueError):
        return None
