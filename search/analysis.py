"""The French analysis shared by every backend: one specification, one implementation per step.

The specification and the code live in `graph/text_analysis.py` (cleaning, tokens, the five steps
of `term()`: lower case, ASCII folding, stop words and elisions, plural and feminine marks,
Snowball French stemming), because the analogues' text similarity and the SDG suggestions in
`graph/` use the very same analysis and `graph/` may not import `search/` (DESIGN §1). This module
re-exports it for the search backends, the query parser and the snippet highlighter, and adds what
only the tantivy backend needs: `folding_analyzer()` for completion and spelling, which
`tests/test_search_analysis.py` checks against `fold()`.

`term()` is the single implementation: whoosh calls it from its analyzer, tantivy receives its
output as pre-tokenized text, and the query parser and the snippet highlighter use it too. Both
backends therefore index the same terms at the same positions.
"""

from __future__ import annotations

import tantivy

from graph.text_analysis import (
    APOSTROPHES,
    ELISIONS,
    MAX_TOKEN_BYTES,
    QUOTES,
    SNOWBALL_FRENCH_STOP_WORDS,
    STOP_WORDS,
    TOKEN_PATTERN,
    TOKEN_RE,
    Token,
    analyzer_builder,
    clean,
    exact_key,
    fold,
    indexed,
    is_word,
    light,
    term,
    terms,
    tokens,
)

__all__ = [
    "APOSTROPHES",
    "QUOTES",
    "ELISIONS",
    "MAX_TOKEN_BYTES",
    "SNOWBALL_FRENCH_STOP_WORDS",
    "STOP_WORDS",
    "TOKEN_PATTERN",
    "TOKEN_RE",
    "Token",
    "clean",
    "exact_key",
    "fold",
    "folding_analyzer",
    "indexed",
    "is_word",
    "light",
    "term",
    "terms",
    "tokens",
]


def folding_analyzer() -> tantivy.TextAnalyzer:
    """Tokens lower-cased and folded, neither stemmed nor stopped (completion, spelling)."""
    return analyzer_builder(tantivy.Tokenizer.regex(TOKEN_PATTERN)).build()
