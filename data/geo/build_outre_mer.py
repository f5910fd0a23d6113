"""Build `departements-outre-mer.geojson` from france-geojson's five overseas département files.

    python data/geo/build_outre_mer.py DIR   # DIR: departements/ of gregoiredavid/france-geojson

Source: gregoiredavid/france-geojson at 5d34ee6d0140c29f785fdb047d9329f1aab58833,
`departements/97x-*/departement-97x-*.geojson` (IGN Admin Express, Licence Ouverte). Each ring is
thinned to points at least `TOLERANCE` degrees apart (about 500 m) with coordinates rounded to
4 decimals, and rings of fewer than 4 points (islets) are dropped; enough for a 110 px inset.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CODES = ("971-guadeloupe", "972-martinique", "973-guyane", "974-la-reunion", "976-mayotte")
TOLERANCE = 0.005
OUT = Path(__file__).parent / "departements-outre-mer.geojson"


def thin(ring: list[list[float]]) -> list[list[float]]:
    """`ring` without the points closer than TOLERANCE to the previous kept one, closed."""
    out = [ring[0]]
    for lon, lat in ring[1:]:
        if abs(lon - out[-1][0]) > TOLERANCE or abs(lat - out[-1][1]) > TOLERANCE:
            out.append([lon, lat])
    out = [[round(lon, 4), round(lat, 4)] for lon, lat in out]
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def main(src: Path) -> None:
    """Write OUT from the five files under `src`."""
    features = []
    for name in CODES:
        f = json.loads((src / name / f"departement-{name}.geojson").read_text(encoding="utf-8"))
        polys = [[thin(poly[0])] for poly in f["geometry"]["coordinates"]]
        polys = [p for p in polys if len(p[0]) >= 5]
        features.append(
            {
                "type": "Feature",
                "properties": f["properties"],
                "geometry": {"type": "MultiPolygon", "coordinates": polys},
            }
        )
    OUT.write_text(
        json.dumps(
            {"type": "FeatureCollection", "features": features},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
