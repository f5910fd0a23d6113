"""Reference data the importer checks against: INSEE COG territories and UN SDG codes.

Read once from the shipped files (`data/`) and cached; the same files feed the vocabulary graphs.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from rdflib import URIRef

from data import COG_DIR, SDG_GOALS_FR_YML, SDG_TARGETS_EN_YML, SDG_TARGETS_FR_YML
from ontology.namespaces import INSEE_GEO, SDG

LEVELS = ("region", "departement", "commune")


@dataclass(frozen=True)
class Territory:
    """A région, département or commune of the COG."""

    level: str
    code: str
    name: str
    parent: tuple[str, str] | None  # (level, code)

    @property
    def iri(self) -> URIRef:
        """INSEE IRI, e.g. http://id.insee.fr/geo/departement/59."""
        return territory_iri(self.level, self.code)


def territory_iri(level: str, code: str) -> URIRef:
    """IRI of a territory from its level and INSEE code."""
    return INSEE_GEO[f"{level}/{code}"]


@cache
def territories() -> dict[tuple[str, str], Territory]:
    """All COG régions, départements and communes (COM and ARM), keyed by (level, code)."""
    out: dict[tuple[str, str], Territory] = {}
    with open(COG_DIR / "regions.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[("region", row["REG"])] = Territory("region", row["REG"], row["LIBELLE"], None)
    with open(COG_DIR / "departements.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[("departement", row["DEP"])] = Territory(
                "departement", row["DEP"], row["LIBELLE"], ("region", row["REG"])
            )
    with open(COG_DIR / "communes.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["TYPECOM"] == "COM":
                parent = ("departement", row["DEP"]) if row["DEP"] else None
            elif row["TYPECOM"] == "ARM":
                parent = ("commune", row["COMPARENT"])
            else:
                continue
            out[("commune", row["COM"])] = Territory("commune", row["COM"], row["LIBELLE"], parent)
    return out


def territory_chain(level: str, code: str) -> list[Territory]:
    """The territory and its ancestors up to the région (commune → département → région)."""
    table = territories()
    chain: list[Territory] = []
    key: tuple[str, str] | None = (level, code)
    while key is not None and key in table:
        t = table[key]
        chain.append(t)
        key = t.parent
    return chain


def parse_territory(value: str) -> tuple[str, str] | None:
    """`region:32`, `departement:59`, `commune:59350`, or a bare code → (level, code), or None."""
    value = value.strip()
    if ":" in value:
        level, _, code = value.partition(":")
        level = level.strip().lower().replace("é", "e")
        code = code.strip().upper()
        if level in LEVELS:
            return level, code
        return None
    code = value.upper()
    if len(code) == 5:
        return "commune", code
    if 2 <= len(code) <= 3:
        return "departement", code
    return None


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
