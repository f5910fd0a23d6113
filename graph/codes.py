"""Matching of user-typed codes against the controlled lists (case- and accent-insensitive)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from ontology.namespaces import SCHEMES, scheme_codes

#: Spellings users type that are not the code itself.
ALIASES: dict[str, dict[str, str]] = {
    "maturity": {"1er-pas": "premier-pas", "1er pas": "premier-pas", "premiers-pas": "premier-pas"},
    "actor-type": {"collectivite-territoriale": "collectivite", "universite": "recherche"},
}

_LIST_SEPARATORS = re.compile(r"[;\n\r]")
_LIST_SEPARATORS_COMMA = re.compile(r"[;,\n\r]")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case, strip accents, unify separators: 'Collectivité ' → 'collectivite'.

    Format characters (zero-width spaces, soft hyphens) are dropped and every Unicode space
    separates words, so `'Subvention\u00a0publique'` and `'subvention-publique'` fold alike.
    (Cached: the same few codes come back on every row of an import.)
    """
    text = text.strip().casefold()
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(
            c
            for c in decomposed
            if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
        )
    return "-".join(text.replace("_", " ").replace("’", "'").split())


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
    table = _table(scheme)
    return table.get(value) or table.get(fold(value))


def split_multi(cell: str, *, commas: bool = False) -> list[str]:
    """Split a multi-valued cell on `;` and line breaks (and `,` if `commas`), dropping empties.

    Line breaks separate values because a spreadsheet user types a list one item per line in a
    cell (Alt+Enter). Commas separate values only where no value can hold one (codes and ids).
    """
    pattern = _LIST_SEPARATORS_COMMA if commas else _LIST_SEPARATORS
    return [part.strip() for part in pattern.split(cell) if part.strip()]
