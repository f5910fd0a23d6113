"""Noise that spreadsheets and word processors put in text, and how it is cleaned.

Two families of cleaning, used by the tabular reader (`graph/tabular.py`), the CSV contract
(`graph/csv_mapping.py`) and RDF inputs (`graph/rdf_input.py`):

- **Characters XML 1.0 cannot carry** (https://www.w3.org/TR/xml/#charsets, `graph/xml_text.py`):
  C0 controls other than tab, LF and CR, U+FFFE and U+FFFF. They are removed from every imported
  text, because every published format (RDF/XML, SPARQL XML results, GEXF, GraphML) is XML or must
  round-trip to it. The separators that are whitespace in Unicode (VT U+000B, the "soft line
  break" a word processor pastes; FF; the information separators U+001C–U+001F) become a space so
  that the words around them stay apart; the others are dropped.
- **Spreadsheet noise in identifiers and codes**: every Unicode space (category Zs: U+0020,
  no-break U+00A0, narrow no-break U+202F that French number formats insert, thin spaces…), tab,
  format characters (category Cf: zero-width space, soft hyphen, stray BOM) and, in identifiers
  made of digits, the thousands separators spreadsheets insert (`.` `,` `'` `’`) and hyphens.
"""

from __future__ import annotations

import re

from .xml_text import XML_ILLEGAL  # the one rule: what XML 1.0 cannot carry

#: Illegal characters that are whitespace in Unicode: replaced by a space rather than dropped.
_AS_SPACE = {0x0B: " ", 0x0C: " ", 0x1C: " ", 0x1D: " ", 0x1E: " ", 0x1F: " "}
_DROP = {c: None for c in (*range(0x00, 0x09), 0x0E, *range(0x0F, 0x1C), 0xFFFE, 0xFFFF)}
_CONTROL_TABLE: dict[int, str | None] = {**_DROP, **_AS_SPACE}

#: Unicode whitespace (`\s`: categories Zs, Zl, Zp, tab, line breaks) and the invisible format
#: characters (category Cf) that pasted text carries: soft hyphen, zero-width spaces and joiners,
#: bidirectional marks, word joiner, stray BOM.
_SPACES = "\\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_SPACE_RE = re.compile(f"[{_SPACES}]+")
#: Thousands separators and the punctuation people put in numbers (`123.456.782`, `123-456-782`).
_NUMBER_PUNCT_RE = re.compile(f"[{_SPACES}.,'’_\\-/]+")


def _plain(text: str) -> bool:
    """ASCII without any space, tab, line break or control: nothing to clean (the fast path)."""
    return text.isascii() and text.isprintable() and " " not in text


def has_xml_illegal(text: str) -> bool:
    """Whether `text` holds a character that XML 1.0 cannot carry."""
    return XML_ILLEGAL.search(text) is not None


def strip_xml_illegal(text: str) -> tuple[str, list[str]]:
    """`text` without the characters XML 1.0 cannot carry, and the code points removed.

    Returns `(clean, removed)` where `removed` lists each removed character once as `U+000B`, in
    order of first appearance. VT, FF and U+001C–U+001F become a space; the rest are dropped.
    """
    found = XML_ILLEGAL.findall(text)
    if not found:
        return text, []
    removed = list(dict.fromkeys(f"U+{ord(c):04X}" for c in found))
    return text.translate(_CONTROL_TABLE), removed


def without_spaces(text: str) -> str:
    """`text` with every Unicode space, tab, line break and format character removed.

    For codes whose punctuation is meaningful (SDG `12.3`, INSEE `2A004`, `code:60`).
    """
    if _plain(text):
        return text
    return _SPACE_RE.sub("", text)


def compact_number(text: str) -> str:
    """An identifier made of digits (SIREN, SIRET, RNA) without spaces and thousands separators.

    `'123 456 782'` (U+00A0), `'123.456.782'`, `'123-456-782'` → `'123456782'`.
    """
    if text.isascii() and text.isalnum():
        return text
    return _NUMBER_PUNCT_RE.sub("", text)


def tidy_separators(text: str) -> str:
    """Remove the spaces around `;`, `:` and `%`: `'a : 60 % ; b : 40 %'` → `'a:60%;b:40%'`."""
    if _plain(text):
        return text
    return _AROUND_RE.sub(r"\1", text.strip())


#: Spaces on one line (line breaks separate list values, so they are kept).
_HSPACE = "(?:[^\\S\\r\\n]|[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff])"
_AROUND_RE = re.compile(f"{_HSPACE}*([;:%]){_HSPACE}*")


def shorten(value: str, limit: int = 200) -> str:
    """`value` cut to `limit` characters with an ellipsis, for reports (a cell can be huge)."""
    return value if len(value) <= limit else value[: limit - 1] + "…"
