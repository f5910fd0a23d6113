"""Communes of rows that give a place as text (`all:placeFrom`): « Cognac 16100 » → `16102`.

Uses the one place resolver, `graph.places.resolve_place`, with the postal code to decide:

1. an INSEE commune code (5 characters) is taken as it is when the COG knows it;
2. otherwise the text (commune name and postal code) is resolved; the first match is kept when it
   is a commune read from its name (or former name) that has that postal code, or the only
   commune of that name in the postal code's département (a warning says the postal code is not
   the commune's: « SEGONZAC 16120 » is Segonzac, 16130);
3. otherwise, when every commune of the postal code belongs to one EPCI, that EPCI, else the
   postal code's département, with a warning (« MALAVILLE 16120 »: a former commune the COG no
   longer lists);
4. otherwise a problem: nothing is guessed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from data import COG_DIR

from ..places import normalise, resolve_place
from ..reference import Territory, territories

_POSTAL = re.compile(r"\b(\d{5})\b")
_INSEE = re.compile(r"^(?:\d{5}|2[ab]\d{3})$", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """What a place text was read as: a territory `(level, code)` and, when it was not read as
    written, why (FR, EN)."""

    level: str
    code: str
    note_fr: str = ""
    note_en: str = ""


def _departement_of(postal: str) -> str:
    if postal.startswith("20"):  # Corse: 200xx-201xx Corse-du-Sud, 202xx-206xx Haute-Corse
        return "2A" if postal < "20200" else "2B"
    if postal.startswith("97"):
        return postal[:3]
    return postal[:2]


def read_commune(text: str) -> Place | None:
    """The territory a row's place text means (see the module docstring), or None."""
    text = " ".join(text.split())
    if not text:
        return None
    table = territories()
    first, _, rest = text.partition(" ")
    if _INSEE.match(first) and ("commune", first.upper()) in table:
        return Place("commune", first.upper())
    if _INSEE.match(first) and current_commune(first) is not None:
        return Place("commune", current_commune(first) or "")
    postal_match = _POSTAL.search(text)
    postal = postal_match.group(1) if postal_match else None
    found = resolve_place(text)
    best = found.best
    if best is not None and best.territory.level == "commune":
        t = best.territory
        if best.how in ("syntax", "code"):
            return Place("commune", t.code)
        named = best.how in ("name", "former_name")
        if named and (postal is None or postal in _postal_codes(t.code)) and not found.ambiguous:
            return Place("commune", t.code)
    if postal is None:
        return None
    name = normalise(_POSTAL.sub(" ", text))
    dep = _departement_of(postal)
    same = [t for key, t in _communes_by_departement().get(dep, ()) if key == name]
    if len(same) == 1:
        t = same[0]
        return Place(
            "commune",
            t.code,
            f"code postal {postal} lu comme celui de {t.name} ({' '.join(t.postal_codes)})",
            f"postal code {postal} read as {t.name}'s ({' '.join(t.postal_codes)})",
        )
    communes = [t for t in table.values() if t.level == "commune" and postal in t.postal_codes]
    epcis = {t.epci for t in communes}
    if len(epcis) == 1 and None not in epcis:
        siren = next(iter(epcis))
        return Place(
            "epci",
            str(siren),
            f"commune introuvable : l'intercommunalité de toutes les communes du code "
            f"postal {postal}",
            f"commune not found: the intercommunality of every commune of postal code {postal}",
        )
    if ("departement", dep) in table:
        return Place(
            "departement",
            dep,
            f"commune introuvable : le département du code postal {postal}",
            f"commune not found: the département of postal code {postal}",
        )
    return None


@cache
def _communes_by_departement() -> dict[str, tuple[tuple[str, Territory], ...]]:
    """(normalised name, commune) of each département's communes."""
    out: dict[str, list[tuple[str, Territory]]] = {}
    for t in territories().values():
        if t.level == "commune":
            dep = _departement(t.code)
            if dep is not None:
                out.setdefault(dep, []).append((normalise(t.name), t))
    return {k: tuple(v) for k, v in out.items()}


def _postal_codes(code: str) -> tuple[str, ...]:
    t = territories().get(("commune", code))
    return t.postal_codes if t is not None else ()


def _departement(code: str) -> str | None:
    t = territories().get(("commune", code))
    while t is not None and t.level != "departement":
        t = territories().get(t.parent) if t.parent else None
    return t.code if t is not None else None


@cache
def _former_communes() -> dict[str, str]:
    """INSEE code of a former commune (COG 2026 `COMD` commune déléguée, `COMA` commune
    associée) → code of the commune it is part of now."""
    table = territories()
    out: dict[str, str] = {}
    with open(COG_DIR / "communes.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["TYPECOM"] in ("COMD", "COMA") and ("commune", row["COMPARENT"]) in table:
                if ("commune", row["COM"]) not in table:
                    out[row["COM"]] = row["COMPARENT"]
    return out


def current_commune(code: str) -> str | None:
    """The commune a former commune's INSEE code belongs to now (`93059` Pierrefitte-sur-Seine →
    `93066` Saint-Denis), or None."""
    return _former_communes().get(code.upper())
