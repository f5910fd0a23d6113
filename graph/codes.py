"""Matching of user-typed codes against the controlled lists (case- and accent-insensitive)."""

from __future__ import annotations

import unicodedata
from functools import cache

from ontology.namespaces import SCHEMES, scheme_codes

#: Spellings users type that are not the code itself.
ALIASES: dict[str, dict[str, str]] = {
    "maturity": {"1er-pas": "premier-pas", "1er pas": "premier-pas", "premiers-pas": "premier-pas"},
    "actor-type": {"collectivite-territoriale": "collectivite", "universite": "recherche"},
}


def fold(text: str) -> str:
    """Lower-case, strip accents, unify separators: 'Collectivité ' → 'collectivite'."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "-".join(bare.replace("_", " ").replace("’", "'").split())


@cache
def _table(scheme: str) -> dict[str, str]:
    table = {fold(code): code for code in scheme_codes(scheme)}
    for alias, code in ALIASES.get(scheme, {}).items():
        table[fold(alias)] = code
    return table


def match_code(scheme: str, value: str) -> str | None:
    """The canonical code of `value` in `scheme`, or None if it is not in the list."""
    if scheme not in SCHEMES:
        raise KeyError(scheme)
    return _table(scheme).get(fold(value))


def split_multi(cell: str) -> list[str]:
    """Split a multi-valued cell on `;`, dropping empty parts."""
    return [part.strip() for part in cell.split(";") if part.strip()]
