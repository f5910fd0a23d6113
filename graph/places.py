"""Place resolution: what a person types for a place → territories of the COG (and EPCI).

One function, `resolve_place`, used by the CLI, the JSON API and the pages (through `place_field`,
which reads a form or JSON field and raises `BadRequest` when nothing matches). It reads:
- the territory syntax `commune:59350`, `departement:59`, `region:32`, `epci:200093201` (strict);
- a code: INSEE commune code (`59350`, `2A004`), postal code (`69001`, `75011`), département
  (`59`, `2A`, `971`, and `1` for `01`), région (`32`), SIREN of an EPCI (`200093201`);
- a name, whatever its case, accents, hyphens, apostrophes or `St`/`Ste` abbreviations, of a
  commune (also a former commune, now part of a commune nouvelle), an arrondissement municipal
  (`Lyon 3e`, `Paris 11`, `Marseille 1er`), a département, a région or an EPCI (`CC` / `CA` /
  `CU` may be spelt out); optionally with a postal code or département (`Saint-Denis 93`,
  `Saint-Denis (974)`, `69001 Lyon`) to pick among homonyms;
- failing all that, names starting with the text, then names close to it (typing mistakes).

Matches are ranked by how they matched (exact syntax or code, then exact name, then start of a
name, then close name), then by population (INSEE population municipale; a département's or
région's is the sum of its communes'), then finer level first. The answer says when the first
match has rivals of the same quality (« Saint-Denis » is in Seine-Saint-Denis and in La Réunion):
`Resolution.ambiguous`. Nothing here raises on odd input: garbage gives no match.
"""

from __future__ import annotations

import bisect
import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from data import COG_DIR

from .errors import BadRequest
from .reference import (
    LEVEL_NAMES,
    Territory,
    parse_territory,
    territories,
    territory_chain,
    territory_iri,
)

#: How a place matched, best first.
HOW = ("syntax", "code", "postal_code", "name", "former_name", "prefix", "close")
_TIER = {"syntax": 0, "code": 0, "postal_code": 0, "name": 1, "former_name": 1, "prefix": 2,
         "close": 3}  # fmt: skip
_LEVEL_ORDER = {"commune": 0, "epci": 1, "departement": 2, "region": 3}
_ARM = re.compile(
    r"^(paris|lyon|marseille)\s*(\d{1,2})\s*(?:e|er|eme|ieme|re|d|nd)?\s*(?:arr\w*)?$"
)
_ARM_BASE = {"paris": 75100, "lyon": 69380, "marseille": 13200}
_ARM_COUNT = {"paris": 20, "lyon": 9, "marseille": 16}
_EPCI_WORDS = (
    ("communaute de communes", "cc"),
    ("communaute d agglomeration", "ca"),
    ("communaute urbaine", "cu"),
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SEPARATORS = re.compile(r"[\W_]+")  # any Unicode punctuation or space (’, ʼ, «, NBSP…)
#: Longest text read (longer input is cut), and most matches returned.
MAX_TEXT = 200
MAX_MATCHES = 10


def normalise(text: str) -> str:
    """Lower-case words without accents or punctuation; `st`/`ste` → `saint`/`sainte`.

    « Saint-Étienne », « ST ETIENNE » and « saint étienne » all give `saint etienne`; the long
    names of EPCI kinds become their DGCL codes (« Communauté de communes » → `cc`).
    """
    s = _SEPARATORS.sub(" ", text.lower().replace("œ", "oe").replace("æ", "ae"))
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    s = _NON_WORD.sub(" ", s).strip()
    s = re.sub(r"\bste\b", "sainte", re.sub(r"\bst\b", "saint", s))
    for long, short in _EPCI_WORDS:
        s = s.replace(long, short)
    return s


@dataclass(frozen=True)
class Match:
    """One territory a text may mean, and how it was found."""

    territory: Territory
    how: str  # one of HOW
    population: int
    preference: int = 0  # 1: a région read from a bare code that is also a département's

    @property
    def tier(self) -> int:
        """0 syntax or code, 1 whole name, 2 start of a name, 3 close name."""
        return _TIER[self.how]

    def sort_key(self) -> tuple[int, int, int, int, str]:
        """Rank: tier, a bare code's département before the région of the same code, then
        larger population, then finer level, then code."""
        t = self.territory
        return (self.tier, self.preference, -self.population, _LEVEL_ORDER[t.level], t.code)

    def context(self) -> str:
        """Where it is: its département and région, e.g. « Rhône, Auvergne-Rhône-Alpes »."""
        return context_of(self.territory)

    def to_dict(self) -> dict[str, Any]:
        """{level, code, id (`commune:69123`), iri, name, text (`typed_text`), level_name,
        context, how, population}."""
        t = self.territory
        return {
            "level": t.level,
            "code": t.code,
            "id": t.ident,
            "iri": str(territory_iri(t.level, t.code)),
            "name": t.name,
            "text": typed_text(t),
            "level_name": LEVEL_NAMES[t.level][0],
            "level_name_en": LEVEL_NAMES[t.level][1],
            "context": self.context(),
            "how": self.how,
            "population": self.population or None,
        }


def typed_text(t: Territory) -> str:
    """What a person would type for `t` and that `resolve_place` reads back as `t`, to fill a
    place field without showing a code: « Saint-Denis (93) » for a commune (its département's
    number), « Somme (80) », « Hauts-de-France », « Métropole Européenne de Lille ». Then, for
    the few names another place takes first: the bare name, « Corrèze (19800) » (a commune's
    postal code), the bare code of a département or EPCI (« 75 »), and last `level:code` (an
    overseas région, which its only département's name means: « Guadeloupe »). Cached."""
    return _typed_text(t.level, t.code)


@cache
def _typed_text(level: str, code: str) -> str:
    t = territories()[(level, code)]
    dep = next((x.code for x in territory_chain(t.level, t.code) if x.level == "departement"), "")
    tries = [f"{t.name} ({dep or t.code})" if t.level in ("commune", "departement") else t.name]
    tries.append(t.name)
    if t.level == "commune":
        tries += [f"{t.name} ({pc})" for pc in t.postal_codes[:1]]
    elif t.level in ("departement", "epci"):
        tries.append(t.code)
    for text in dict.fromkeys(tries):
        if resolve_place(text, limit=1).ident == t.ident:
            return text
    return t.ident


def context_of(t: Territory) -> str:
    """The département and région containing `t` (names, comma-separated; '' for a région)."""
    chain = territory_chain(t.level, t.code)[1:]
    names = (x.name for x in chain if x.level in ("departement", "region"))
    return ", ".join(dict.fromkeys(names))  # « La Réunion » once, not as both


@dataclass(frozen=True)
class Resolution:
    """The ranked matches of a text; `best` is what the text is taken to mean."""

    query: str
    matches: tuple[Match, ...] = field(default_factory=tuple)

    @property
    def best(self) -> Match | None:
        """The first match, or None."""
        return self.matches[0] if self.matches else None

    @property
    def ambiguous(self) -> bool:
        """True when another match is as good a reading as the first (same tier)."""
        return len(self.matches) > 1 and self.matches[1].tier == self.matches[0].tier

    @property
    def ident(self) -> str | None:
        """The territory syntax of the best match (`commune:69123`), or None."""
        return self.best.territory.ident if self.best else None

    def to_dict(self) -> dict[str, Any]:
        """{query, found, ambiguous, place (the best match or null), alternatives}."""
        return {
            "query": self.query,
            "found": self.best is not None,
            "ambiguous": self.ambiguous,
            "place": self.best.to_dict() if self.best else None,
            "alternatives": [m.to_dict() for m in self.matches[1:]],
        }


def resolve_place(text: object, *, limit: int = MAX_MATCHES) -> Resolution:
    """The territories `text` may mean, best first (see the module's docstring).

    Never raises: anything that is not a string, or reads as nothing known, gives no match.
    """
    if not isinstance(text, str):
        return Resolution(str(text) if text is not None else "")
    query = " ".join(text.split())[:MAX_TEXT]
    if not query:
        return Resolution(query)
    found: dict[tuple[str, str], Match] = {}
    for t, how in _candidates(query):
        m = Match(t, how.rstrip("*"), _population(t), 1 if how.endswith("*") else 0)
        old = found.get(t.key)
        if old is None or m.sort_key() < old.sort_key():
            found[t.key] = m
    ranked = sorted(found.values(), key=Match.sort_key)
    return Resolution(query, tuple(_drop_implied(ranked)[: max(1, limit)]))


def _drop_implied(ranked: list[Match]) -> list[Match]:
    """A commune matched by a postal code one of its arrondissements also has is left out
    (the arrondissement says more: « 69001 » is Lyon 1er, within Lyon)."""
    arm_parents = {m.territory.parent for m in ranked if m.tier == 0 and _is_arm(m.territory)}
    return [m for m in ranked if not (m.how == "postal_code" and m.territory.key in arm_parents)]


def _is_arm(t: Territory) -> bool:
    return t.level == "commune" and t.parent is not None and t.parent[0] == "commune"


def _candidates(query: str) -> list[tuple[Territory, str]]:
    """Every (territory, how) the query may mean."""
    table = territories()
    if ":" in query:
        key = parse_territory(query)
        if key is not None:  # the syntax is strict: an unknown code is nothing, not a name
            return [(table[key], "syntax")] if key in table else []
    out = _by_codes(query)
    words = normalise(query)
    arm = _arrondissement(words)
    if arm is not None and not out:
        return [(arm, "name")]
    codes = re.findall(r"\b(?:\d{5}|\d[\dab]|\d{3})\b", words)
    name = re.sub(r"\b(?:\d{5}|\d[\dab]|\d{3})\b", " ", words).strip() if codes else words
    if name and not out:
        named = _by_name(name)
        if codes:  # « Saint-Denis 93 », « 69001 Lyon »: keep the homonyms the codes point to
            near = [(t, h) for t, h in named if _near(t, codes)]
            named = near or named
        out += named
    return out


def _by_codes(query: str) -> list[tuple[Territory, str]]:
    """Territories whose code (or postal code) is the whole query."""
    table = territories()
    code = re.sub(r"[\s\u00a0\u202f.]", "", query).upper()
    out: list[tuple[Territory, str]] = []
    if re.fullmatch(r"\d{9}", code) and ("epci", code) in table:
        out.append((table[("epci", code)], "code"))
    if re.fullmatch(r"\d[\dAB]\d{3}", code):
        if ("commune", code) in table:
            out.append((table[("commune", code)], "code"))
        out += [(t, "postal_code") for t in _postal().get(code, ())]
    if re.fullmatch(r"\d|\d[\dAB]|97\d", code):
        dep = code.zfill(2)
        if ("departement", dep) in table:
            out.append((table[("departement", dep)], "code"))
        if ("region", code) in table and len(code) == 2:  # « 32 » is the Gers first
            both = ("departement", code) in table
            out.append((table[("region", code)], "code*" if both else "code"))
    return out


def _by_name(name: str) -> list[tuple[Territory, str]]:
    """Territories named `name` (normalised), else whose name starts with it, else close to it."""
    names = _names()
    exact = names.get(name)
    if exact:
        return list(exact)
    keys = _sorted_names()
    i = bisect.bisect_left(keys, name)
    prefixed: list[tuple[Territory, str]] = []
    while i < len(keys) and keys[i].startswith(name) and len(prefixed) < 200:
        prefixed += [(t, "prefix") for t, _ in names[keys[i]]]
        i += 1
    if prefixed or len(name) < 4:
        return prefixed
    pool = _names_by_initial().get(name[0], ())
    close = difflib.get_close_matches(name, pool, n=MAX_MATCHES, cutoff=0.8)
    return [(t, "close") for k in close for t, _ in names[k]]


def _arrondissement(words: str) -> Territory | None:
    """The arrondissement municipal of « lyon 3e », « paris 11 », « marseille 1er arr »."""
    arm = _ARM.match(words)
    if arm and 1 <= int(arm.group(2)) <= _ARM_COUNT[arm.group(1)]:
        return territories().get(("commune", str(_ARM_BASE[arm.group(1)] + int(arm.group(2)))))
    return None


def _near(t: Territory, codes: list[str]) -> bool:
    """Whether `t` has one of the postal codes, or lies in one of the départements, `codes`."""
    chain = territory_chain(t.level, t.code)
    deps = {x.code.lower() for x in chain if x.level == "departement"}
    postal = {p for x in chain for p in x.postal_codes}
    return any(c.upper() in postal or c.lower().zfill(2) in deps for c in codes)


@cache
def _postal() -> dict[str, tuple[Territory, ...]]:
    """Communes and arrondissements by postal code."""
    out: dict[str, list[Territory]] = {}
    for t in territories().values():
        for p in t.postal_codes:
            out.setdefault(p, []).append(t)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _names() -> dict[str, tuple[tuple[Territory, str], ...]]:
    """(territory, how) by normalised name: every territory, and former communes (COG `COMD`,
    `COMA`) under the commune they are now part of."""
    table = territories()
    out: dict[str, list[tuple[Territory, str]]] = {}
    for t in table.values():
        out.setdefault(normalise(t.name), []).append((t, "name"))
    with open(COG_DIR / "communes.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            current = table.get(("commune", row["COMPARENT"]))
            if row["TYPECOM"] in ("COMD", "COMA") and current is not None:
                key = normalise(row["LIBELLE"])
                if all(t.key != current.key for t, _ in out.get(key, ())):
                    out.setdefault(key, []).append((current, "former_name"))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _sorted_names() -> list[str]:
    return sorted(_names())


@cache
def _names_by_initial() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for k in _names():
        out.setdefault(k[0], []).append(k)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _populations() -> dict[tuple[str, str], int]:
    """Population of départements and régions: the sum of their communes'."""
    table = territories()
    out: dict[tuple[str, str], int] = {}
    for t in table.values():
        if t.level == "commune" and t.parent and t.parent[0] == "departement" and t.population:
            out[t.parent] = out.get(t.parent, 0) + t.population
            region = table[t.parent].parent if t.parent in table else None
            if region:
                out[region] = out.get(region, 0) + t.population
    return out


def _population(t: Territory) -> int:
    if t.population is not None:
        return t.population
    return _populations().get(t.key, 0)


def place_field(value: object, field: str = "territory") -> tuple[str | None, Resolution | None]:
    """Read a place typed in a form or a JSON field: (`level:code` of the best match, answer).

    Empty (None, '', spaces) gives (None, None). Numbers are read as text (`59350`). Anything
    that reads as no place raises `BadRequest` naming the field, in French and English.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadRequest(
            f"{field}: a place is a text (a commune, postal code, département, région or EPCI)",
            message_fr=f"{field} : un lieu s'écrit en texte (commune, code postal, département, "
            "région ou intercommunalité)",
        )
    found = resolve_place(str(value))
    if found.best is None:
        raise BadRequest(
            f"{field}: no place matches {found.query!r}; type a commune or its postal code, a "
            "département (name or number), a région, an intercommunality, or commune:59350",
            message_fr=f"{field} : aucun lieu ne correspond à {found.query!r} ; indiquez une "
            "commune ou son code postal, un département (nom ou numéro), une région, une "
            "intercommunalité, ou commune:59350",
        )
    return found.ident, found
