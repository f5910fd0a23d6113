"""Reference data the importer checks against: French territories and UN SDG codes.

Territories: régions, départements and communes of the INSEE COG 2026, intercommunalities (EPCI
and EPT, keyed by SIREN) with their communes, postal codes, populations and centres (see
data/SOURCES.md). Read once from the shipped files (`data/`) and cached; the same files feed the
vocabulary graphs.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from rdflib import URIRef

from data import COG_DIR, SDG_GOALS_FR_YML, SDG_TARGETS_EN_YML, SDG_TARGETS_FR_YML
from ontology.namespaces import INSEE_GEO, SDG

#: Levels accepted in the `territory` syntax (`level:code`), coarsest first.
LEVELS = ("region", "departement", "epci", "commune")
#: Path segment of the INSEE IRI of each level where it differs from the level's name: an EPCI is
#: `http://id.insee.fr/geo/intercommunalite/{SIREN}`, as in INSEE's API (`geo/intercommunalite`).
IRI_SEGMENT = {"epci": "intercommunalite"}
_SEGMENT_LEVEL = {v: k for k, v in IRI_SEGMENT.items()}
#: French and English names of the levels.
LEVEL_NAMES = {
    "region": ("Région", "Region"),
    "departement": ("Département", "Département"),
    "epci": ("Intercommunalité", "Intercommunality"),
    "commune": ("Commune", "Municipality"),
}
#: Natures of EPCI (DGCL codes), French and English names.
EPCI_NATURES = {
    "CC": ("Communauté de communes", "Community of municipalities"),
    "CA": ("Communauté d'agglomération", "Agglomeration community"),
    "CU": ("Communauté urbaine", "Urban community"),
    "METRO": ("Métropole", "Metropolis"),
    "MET69": ("Métropole de Lyon", "Metropolis of Lyon"),
    "EPT": ("Établissement public territorial", "Public territorial establishment"),
}
#: A SIREN: 9 digits.
_SIREN = re.compile(r"^\d{9}$")


@dataclass(frozen=True)
class Territory:
    """A région, département, EPCI (or EPT) or commune (or arrondissement municipal) of the COG.

    `parent` is the administrative parent: région of a département, département of a commune,
    commune of an arrondissement municipal, main département of an EPCI (the one holding most of
    its population). A commune's `epci` is the SIREN of its EPCI à fiscalité propre, `ept` that of
    its établissement public territorial (Grand Paris); an EPT's `epci` is the Métropole du Grand
    Paris. `population` is the population municipale (INSEE, in force in 2026; an EPCI's is the
    sum of its communes'), `postal_codes` the La Poste codes of a commune.
    """

    level: str
    code: str
    name: str
    parent: tuple[str, str] | None  # (level, code)
    epci: str | None = None
    ept: str | None = None
    nature: str = ""
    population: int | None = None
    postal_codes: tuple[str, ...] = ()

    @property
    def iri(self) -> URIRef:
        """INSEE IRI, e.g. http://id.insee.fr/geo/departement/59."""
        return territory_iri(self.level, self.code)

    @property
    def key(self) -> tuple[str, str]:
        """(level, code)."""
        return self.level, self.code

    @property
    def ident(self) -> str:
        """The CSV syntax, also the territory's `dct:identifier`: `epci:200046977`."""
        return f"{self.level}:{self.code}"


@dataclass(frozen=True)
class Centre:
    """A WGS84 point standing for a territory, and how precise it is.

    `precision` is the level the point was found at: `commune` (the commune's own place,
    GeoNames), `epci` (population-weighted mean of the known centres of the EPCI's communes),
    `departement` or `region` (area-weighted centroid of the contours, or the chef-lieu overseas).
    """

    lat: float
    long: float
    precision: str


def territory_iri(level: str, code: str) -> URIRef:
    """IRI of a territory from its level and INSEE code (SIREN for an EPCI)."""
    return INSEE_GEO[f"{IRI_SEGMENT.get(level, level)}/{code}"]


def territory_key(iri: object) -> tuple[str, str] | None:
    """(level, code) of an INSEE territory IRI, or None when it is not one."""
    text, base = str(iri), str(INSEE_GEO)
    if not text.startswith(base):
        return None
    segment, _, code = text[len(base) :].partition("/")
    level = _SEGMENT_LEVEL.get(segment, segment)
    return (level, code) if level in LEVELS and code and "/" not in code else None


def _rows(name: str) -> list[dict[str, str]]:
    with open(COG_DIR / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


@cache
def territories() -> dict[tuple[str, str], Territory]:
    """All régions, départements, EPCI and EPT, communes (COM and ARM), keyed by (level, code).

    Sources: the COG 2026 files, `epci.csv` and `communes-complements.csv` (see
    `data/territoires/build_territoires.py` and data/SOURCES.md).
    """
    out: dict[tuple[str, str], Territory] = {}
    for row in _rows("regions.csv"):
        out[("region", row["REG"])] = Territory("region", row["REG"], row["LIBELLE"], None)
    for row in _rows("departements.csv"):
        out[("departement", row["DEP"])] = Territory(
            "departement", row["DEP"], row["LIBELLE"], ("region", row["REG"])
        )
    extra = {r["code"]: r for r in _rows("communes-complements.csv")}
    weight: dict[str, dict[str, int]] = {}  # EPCI -> département -> population
    for row in _rows("communes.csv"):
        if row["TYPECOM"] == "COM":
            parent = ("departement", row["DEP"]) if row["DEP"] else None
        elif row["TYPECOM"] == "ARM":
            parent = ("commune", row["COMPARENT"])
        else:
            continue
        x = extra.get(row["COM"], {})
        pop = int(x["population"]) if x.get("population") else None
        out[("commune", row["COM"])] = Territory(
            "commune", row["COM"], row["LIBELLE"], parent, x.get("epci") or None,
            x.get("ept") or None, "", pop, tuple(x.get("codes_postaux", "").split()),
        )  # fmt: skip
        for group in (x.get("epci"), x.get("ept")):
            if group and row["DEP"]:
                w = weight.setdefault(group, {})
                w[row["DEP"]] = w.get(row["DEP"], 0) + (pop or 0)
    for row in _rows("epci.csv"):
        w = weight.get(row["siren"], {})
        main = min(w, key=lambda d: (-w[d], d)) if w else None
        out[("epci", row["siren"])] = Territory(
            "epci", row["siren"], row["nom"], ("departement", main) if main else None,
            row["membre_de"] or None, None, row["nature"], sum(w.values()) if w else None,
        )  # fmt: skip
    return out


@cache
def _members() -> dict[str, tuple[Territory, ...]]:
    """Communes of each EPCI and EPT, by name."""
    out: dict[str, list[Territory]] = {}
    for t in territories().values():
        if t.level == "commune":
            for group in {t.epci, t.ept} - {None}:
                out.setdefault(group, []).append(t)  # type: ignore[arg-type]
    return {k: tuple(sorted(v, key=lambda t: (t.name, t.code))) for k, v in out.items()}


def epci_members(siren: str) -> tuple[Territory, ...]:
    """The communes of an EPCI or EPT (empty for an unknown SIREN), by name."""
    return _members().get(siren, ())


@cache
def epci_departements(siren: str) -> tuple[str, ...]:
    """Codes of the départements an EPCI or EPT has communes in, main one first."""
    t = territories().get(("epci", siren))
    deps = {m.parent[1] for m in epci_members(siren) if m.parent and m.parent[0] == "departement"}
    main = t.parent[1] if t is not None and t.parent else None
    return tuple(sorted(deps, key=lambda d: (d != main, d)))


def territory_chain(level: str, code: str) -> list[Territory]:
    """The territory and the territories containing it, one step up each time, up to the région.

    commune → EPCI → département → région; an arrondissement municipal starts with itself then
    its commune; a commune of the Grand Paris has two intercommunalities, its EPT then the
    Métropole du Grand Paris. An EPCI continues with its main département (see `Territory`).
    Unknown keys give an empty list.
    """
    table = territories()
    t = table.get((level, code))
    if t is None:
        return []
    chain = [t]
    if t.level == "commune" and t.parent and t.parent[0] == "commune" and t.parent in table:
        t = table[t.parent]
        chain.append(t)
    for siren in (t.ept, t.epci):
        if siren and ("epci", siren) in table:
            chain.append(table[("epci", siren)])
    key = t.parent
    while key is not None and key in table and key[0] != "commune":
        chain.append(table[key])
        key = table[key].parent
    return chain


def territory_ancestors(level: str, code: str) -> list[tuple[str, str]]:
    """Keys of the territory and of every territory it lies in, wholly or in part.

    The chain (`territory_chain`), and for an EPCI every département (and its région) it has
    communes in. Used where « a région includes everything below » (facets, territory pages).
    """
    keys = [t.key for t in territory_chain(level, code)]
    if level == "epci":
        table = territories()
        for dep in epci_departements(code):
            d = table.get(("departement", dep))
            if d is not None:
                keys.append(d.key)
                if d.parent:
                    keys.append(d.parent)
    return list(dict.fromkeys(keys))


def parse_territory(value: str) -> tuple[str, str] | None:
    """`region:32`, `departement:59`, `epci:200046977`, `commune:59350`, or a bare code.

    A bare 5-character code is a commune, a 2–3 character one a département, a 9-digit one the
    SIREN of an EPCI; `intercommunalite:` is read as `epci:`. Returns (level, code) or None; the
    code is not checked against the COG (see `territories`).
    """
    value = value.strip()
    if ":" in value:
        level, _, code = value.partition(":")
        level = level.strip().lower().replace("é", "e")
        level = _SEGMENT_LEVEL.get(level, level)
        code = code.strip().upper()
        if level in LEVELS:
            return level, code
        return None
    code = value.upper()
    if len(code) == 5:
        return "commune", code
    if 2 <= len(code) <= 3:
        return "departement", code
    if _SIREN.match(code):
        return "epci", code
    return None


@cache
def _centres() -> dict[tuple[str, str], Centre]:
    """Centres shipped in `centres.csv` (communes, départements, régions)."""
    return {
        (r["niveau"], r["code"]): Centre(float(r["latitude"]), float(r["longitude"]), r["niveau"])
        for r in _rows("centres.csv")
    }


@cache
def centre(level: str, code: str) -> Centre | None:
    """A WGS84 point for a territory, or None when nothing is known for it.

    A commune without a place of its own in GeoNames (most villages under 500 inhabitants) gets
    its EPCI's centre, else its département's; an arrondissement without one gets its commune's;
    an EPCI's is the population-weighted mean of its communes' own centres (unweighted where no
    population is known), else its main département's. `Centre.precision` says which.
    """
    known = _centres()
    if (level, code) in known:
        return known[(level, code)]
    t = territories().get((level, code))
    if t is None:
        return None
    if level == "commune":
        for key in (t.parent if t.parent and t.parent[0] == "commune" else None,
                    ("epci", t.epci) if t.epci else None, t.parent):  # fmt: skip
            c = centre(*key) if key else None
            if c is not None:
                return c
        return None
    if level == "epci":
        points = [(known[m.key], m.population or 1) for m in epci_members(code) if m.key in known]
        total = sum(w for _, w in points)
        if total:
            lat = sum(c.lat * w for c, w in points) / total
            long = sum(c.long * w for c, w in points) / total
            return Centre(round(lat, 5), round(long, 5), "epci")
    return centre(*t.parent) if t.parent else None


_TARGET_KEY = re.compile(r"^(\d+)-([0-9a-z]+)-title:", re.M)


@cache
def sdg_targets() -> frozenset[str]:
    """The 169 target codes, e.g. '12.3', '17.a'."""
    text = SDG_TARGETS_FR_YML.read_text(encoding="utf-8")
    return frozenset(f"{g}.{t}" for g, t in _TARGET_KEY.findall(text))


SDG_GOALS = frozenset(str(i) for i in range(1, 18))


def sdg_iri(code: str) -> URIRef:
    """UN IRI of a goal ('2') or target ('2.1')."""
    return SDG[code]


@cache
def sdg_labels(lang: str = "fr") -> dict[str, str]:
    """Short label per goal code and full text per target code, in `lang` ('fr' or 'en')."""
    labels: dict[str, str] = {}
    goals_file = (
        SDG_GOALS_FR_YML if lang == "fr" else SDG_GOALS_FR_YML.with_name("global_goals.en.yml")
    )
    for m in re.finditer(r"^(\d+)-short:\s*(.+)$", goals_file.read_text(encoding="utf-8"), re.M):
        labels[m.group(1)] = _unquote(m.group(2).strip())
    targets_file = SDG_TARGETS_FR_YML if lang == "fr" else SDG_TARGETS_EN_YML
    for key, text in _yaml_folded(targets_file.read_text(encoding="utf-8")).items():
        target = re.match(r"^(\d+)-([0-9a-z]+)-title$", key)
        if target:
            labels[f"{target.group(1)}.{target.group(2)}"] = text
    return labels


def _yaml_folded(text: str) -> dict[str, str]:
    """Read the flat `key: folded text` YAML of open-sdg without a YAML dependency."""
    out: dict[str, str] = {}
    key = None
    for line in text.splitlines():
        if line and not line[0].isspace() and ":" in line:
            key, _, rest = line.partition(":")
            out[key] = rest.strip()
        elif key is not None and line.strip():
            out[key] = (out[key] + " " + line.strip()).strip()
    return {k: _unquote(v) for k, v in out.items()}


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
