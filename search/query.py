"""User text → a query plan that backends compile into their own query objects.

User text never reaches a backend's query parser: it is cleaned, capped, split into words and
quoted phrases here, each word analysed (`search/analysis.py`), and the backends build term,
phrase and boolean query objects from the result. Syntax understood:

- `"jardins partagés"` (or « … », “ … ”): a phrase; an unbalanced quote quotes nothing;
- `-mot` or `NOT mot`: exclude; `AND`, `OR` and `+` are accepted and ignored (every word is
  required; when nothing matches them all, documents matching the most words are returned);
- anything else (parentheses, `champ:valeur`, control characters…) only separates words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import analysis

#: Queries are cut to this many characters, and to this many words and phrases.
MAX_QUERY_CHARS = 500
MAX_CLAUSES = 16
MAX_CODES = 8

_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})
_PIECE = re.compile(r'"[^"]*"|[^\s"]+|"')
_CODE = re.compile(r"^[\w][\w.:-]{0,39}$")
_STRIP = "'’()[]{}<>,;!?*+~^|\\/"
_OPERATORS = {"AND", "OR", "ET", "OU", "&&", "||"}


@dataclass(frozen=True)
class Clause:
    """A required word (one term) or phrase (several terms at relative positions)."""

    terms: tuple[str, ...]
    positions: tuple[int, ...]
    words: tuple[str, ...]

    @property
    def phrase(self) -> bool:
        """Whether the clause is a phrase of several terms."""
        return len(self.terms) > 1


@dataclass(frozen=True)
class Plan:
    """A parsed query: what must match, what must not, and the boosts for names and codes."""

    text: str
    must: tuple[Clause, ...] = ()
    must_not: tuple[Clause, ...] = ()
    exact: str = ""
    codes: tuple[str, ...] = ()
    any: bool = False

    @property
    def browse(self) -> bool:
        """A blank query: every document (within the filters) matches."""
        return not self.text.strip()

    @property
    def empty(self) -> bool:
        """Text with nothing searchable (only stop words or exclusions): nothing matches."""
        return not self.browse and not (self.must or self.exact or self.codes)

    @property
    def highlight(self) -> frozenset[str]:
        """Terms to highlight in snippets."""
        return frozenset(t for c in self.must for t in c.terms)

    def relaxed(self) -> Plan:
        """The same plan where documents need only match some of the words."""
        return replace(self, any=True)


def cap(text: str) -> str:
    """The user text, cleaned and cut to MAX_QUERY_CHARS."""
    return analysis.clean(str(text or "")[: MAX_QUERY_CHARS * 2])[:MAX_QUERY_CHARS]


def parse(text: str) -> Plan:
    """Parse user text; never raises."""
    text = cap(text)
    must: list[Clause] = []
    must_not: list[Clause] = []
    positive_words: list[str] = []
    codes: list[str] = []
    negate = False
    for piece in _PIECE.findall(text.translate(_QUOTES)):
        if piece in _OPERATORS or piece in ('"', "+"):
            continue
        if piece == "NOT":
            negate = True
            continue
        quoted = len(piece) >= 2 and piece[0] == piece[-1] == '"'
        body = piece[1:-1] if quoted else piece
        if not quoted and body.startswith("-") and len(body) > 1:
            negate, body = True, body[1:]
        clauses = _clauses(body, phrase=quoted)
        if negate:
            must_not += clauses
        else:
            must += clauses
            positive_words.append(body)
            code = body.strip(_STRIP).lower()
            if _CODE.match(code):
                codes.append(code)
        negate = False
    return Plan(
        text=text,
        must=tuple(_dedupe(must))[:MAX_CLAUSES],
        must_not=tuple(_dedupe(must_not))[:MAX_CLAUSES],
        exact=analysis.exact_key(" ".join(positive_words)),
        codes=tuple(dict.fromkeys(codes))[:MAX_CODES],
    )


def _clauses(body: str, *, phrase: bool) -> list[Clause]:
    toks = [t for t in analysis.tokens(body) if t.term is not None]
    if phrase and len(toks) > 1:
        first = toks[0].position
        return [
            Clause(
                tuple(t.term for t in toks if t.term),
                tuple(t.position - first for t in toks),
                tuple(analysis.fold(t.text) for t in toks),
            )
        ]
    return [Clause((t.term,), (0,), (analysis.fold(t.text),)) for t in toks if t.term]


def _dedupe(clauses: list[Clause]) -> list[Clause]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for c in clauses:
        if c.terms not in seen:
            seen.add(c.terms)
            out.append(c)
    return out
