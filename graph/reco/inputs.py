"""Checking what a visitor describes (a need, a project idea): codes, SDGs, territory, limits.

Every problem raises `BadRequest` naming the field and the value, in French and English.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..codes import match_code, split_multi
from ..errors import BadRequest
from ..iris import ID_PATTERN, is_id
from ..places import place_field
from ..reference import SDG_GOALS, sdg_targets
from .coding import Place, Sdgs

MAX_LIMIT = 100


def as_list(value: object, field: str) -> list[str]:
    """A list of strings from a list, or from a `;`- or `,`-separated string; [] for None."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return split_multi(value.replace(",", ";"))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    raise BadRequest(
        f"{field}: expected a list or a ;-separated string",
        message_fr=f"{field} : une liste ou une chaîne séparée par ; est attendue",
    )


def codes(scheme: str, value: object, field: str) -> list[str]:
    """Canonical codes of `scheme` from user input (case- and accent-insensitive)."""
    out: list[str] = []
    bad: list[str] = []
    for raw in as_list(value, field):
        code = match_code(scheme, raw)
        (out if code else bad).append(code or raw)
    if bad:
        raise BadRequest(
            f"{field}: unknown code(s) {', '.join(bad)}",
            message_fr=f"{field} : code(s) inconnu(s) {', '.join(bad)}",
        )
    return list(dict.fromkeys(out))


def code(scheme: str, value: object, field: str) -> str | None:
    """At most one code of `scheme`."""
    found = codes(scheme, value, field)
    if len(found) > 1:
        raise BadRequest(f"{field}: one value expected", message_fr=f"{field} : une seule valeur")
    return found[0] if found else None


def sdgs(value: object, field: str = "sdgs") -> Sdgs:
    """SDG goals and targets from input such as `2;12.3` or ["2", "12.3"]."""
    good: list[str] = []
    bad: list[str] = []
    for raw in as_list(value, field):
        c = raw.strip().lower().removeprefix("odd").removeprefix("sdg").strip()
        (good if c in SDG_GOALS or c in sdg_targets() else bad).append(c if c else raw)
    if bad:
        raise BadRequest(
            f"{field}: unknown SDG goal(s) or target(s) {', '.join(bad)}",
            message_fr=f"{field} : objectif(s) ou cible(s) ODD inconnu(s) {', '.join(bad)}",
        )
    return Sdgs.from_codes(good)


def place(value: object, field: str = "territory") -> Place | None:
    """A territory from `departement:59`, `commune:59350`, `region:32`, `epci:200093201`, or a
    place typed as a person would (« Lille », « 69001 », « Nord »), read by
    `graph.places.place_field` (BadRequest, FR and EN, when nothing matches)."""
    ident, _ = place_field(value, field)
    return Place.parse(ident) if ident else None


def limit(value: object, default: int = 10) -> int:
    """A result limit between 1 and MAX_LIMIT."""
    if value is None or value == "":
        return default
    try:
        n = int(str(value))
    except ValueError:
        n = 0
    if not 1 <= n <= MAX_LIMIT:
        raise BadRequest(
            f"limit must be an integer between 1 and {MAX_LIMIT}",
            message_fr=f"limit doit être un entier entre 1 et {MAX_LIMIT}",
        )
    return n


def local_id(value: str, kind: str) -> str:
    """Check the syntax of a local identifier (`[a-z0-9][a-z0-9-]*`, `graph.iris.is_id`)."""
    if not is_id(value):
        shown = value if len(value or "") <= 80 else value[:80] + "…"
        raise BadRequest(
            f"invalid {kind} identifier {shown!r} (expected {ID_PATTERN})",
            message_fr=f"identifiant de {kind} invalide {shown!r} (attendu : {ID_PATTERN})",
        )
    return value


def text(value: object, field: str, max_length: int = 5000) -> str:
    """A free text, trimmed, of bounded length."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRequest(f"{field} must be a string", message_fr=f"{field} doit être un texte")
    if len(value) > max_length:
        raise BadRequest(
            f"{field} is longer than {max_length} characters",
            message_fr=f"{field} dépasse {max_length} caractères",
        )
    return value.strip()


def unknown_fields(data: dict[str, object], allowed: Iterable[str]) -> None:
    """Refuse fields that are not understood (a typo would silently be ignored otherwise)."""
    extra = sorted(set(data) - set(allowed))
    if extra:
        raise BadRequest(
            f"unknown field(s): {', '.join(extra)} (expected {', '.join(allowed)})",
            message_fr=f"champ(s) inconnu(s) : {', '.join(extra)} "
            f"(attendus : {', '.join(allowed)})",
        )
