"""Highlighted snippets, computed the same way for every backend from the stored text.

The text is tokenised by the shared analysis, so a word is highlighted exactly when its indexed
term is one the query looked for (`coopérations` is marked for the query `cooperation`). Output is
HTML: the text is escaped and each matching word wrapped in `<mark>`.
"""

from __future__ import annotations

import html
from collections.abc import Set

from . import analysis

#: Length of a snippet, in characters of text (markup excluded).
SNIPPET_CHARS = 180
#: Characters of context shown before the first highlighted word.
LEAD_CHARS = 40


def snippet(text: str, terms: Set[str], width: int = SNIPPET_CHARS) -> str:
    """An HTML extract of `text` around the words whose term is in `terms` (escaped, `<mark>`)."""
    if not text:
        return ""
    marks = [(a, b) for t, _, a, b in analysis.indexed(text) if t in terms] if terms else []
    start = _window(text, marks, width)
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    out = ["…" if start > 0 else ""]
    pos = start
    for a, b in marks:
        if a < start or b > end:
            continue
        out += [_escape(text[pos:a]), "<mark>", _escape(text[a:b]), "</mark>"]
        pos = b
    out += [_escape(text[pos:end]), "…" if end < len(text) else ""]
    return "".join(out).strip()


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _window(text: str, marks: list[tuple[int, int]], width: int) -> int:
    """Start of the window holding the most highlighted words (at a word boundary)."""
    if not marks or len(text) <= width:
        return 0
    best, best_count = marks[0][0], 0
    for a, _ in marks:
        count = sum(1 for x, y in marks if a <= x and y <= a + width - LEAD_CHARS)
        if count > best_count:
            best, best_count = a, count
    start = max(0, best - LEAD_CHARS)
    if start > 0:
        space = text.find(" ", start, best)
        start = space + 1 if space >= 0 else start
    return start
