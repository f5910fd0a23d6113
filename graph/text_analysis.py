"""Text analysis shared by search, analogues and SDG suggestions: one specification, one code.

French is the project's language; English is analysed the same way for the SDG suggestions of
the English site. Text is first *cleaned* (`clean`): Unicode NFKC (so NFC and NFD text read
alike), control characters and combining marks dropped, other numeric signs turned into spaces,
every apostrophe-like character (`’ ʼ ‘ ′ ＇ ʻ` … `APOSTROPHES`) turned into `'` and every double
quote-like one (`“ ” « » ʺ` … `QUOTES`) into `"`, so `l’insertion` and `lʼinsertion` (U+02BC, a
*letter* for Unicode, which would glue the two words) read as `l'insertion`. Clean text is split
into *tokens* by `TOKEN_PATTERN` (runs of letters and digits: apostrophes, hyphens and
punctuation separate words; tokens of `MAX_TOKEN_BYTES` or more are dropped). Each French token
then goes through five steps, in this order:

1. lower case;
2. ASCII folding (`coopération` → `cooperation`, `œuvre` → `oeuvre`);
3. stop words: the Snowball French list, folded, plus the elided forms `l d j m n s t c qu jusqu
   lorsqu puisqu quoiqu` (so `l'insertion` → `insertion`, `d'invendus` → `invendus`);
4. plural and feminine marks (`light`): a final `s` or `x` and the `e` of a final `ee` go, which
   Snowball French leaves alone in many words (`vélos`, `invendus`, `lieux`, `réfugiées`);
5. Snowball French stemming (`jardins partagés` → `jardin partag`).

Steps 1–2 are tantivy's `Filter.lowercase` and `Filter.ascii_fold` and step 5 its
`Filter.stemmer("french")` (rust-stemmers), applied to one token at a time by `term()` (cached).
`term()` is the single implementation: the search backends index its output, the query parser and
the snippet highlighter use it, and so do the analogues' text similarity and the SDG suggestions
(`graph/reco/`). English tokens (`term_en`) go through steps 1–3 with the Snowball English stop
words and Snowball English (Porter 2) stemming. `graph/` owns this module because `graph/` may
not import `search/` (DESIGN §1); `search/analysis.py` re-exports it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import tantivy

#: Words are runs of letters and digits (same meaning for Python's `re` and Rust's `regex` on
#: clean text).
TOKEN_PATTERN = r"[^\W_]+"
TOKEN_RE = re.compile(TOKEN_PATTERN)

#: Elided forms: `l'`, `d'`, `qu'`… become tokens of their own and are dropped as stop words.
ELISIONS = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")

#: The Snowball French stop word list.
SNOWBALL_FRENCH_STOP_WORDS = (
    "au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me même "
    "mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi "
    "ton tu un une vos votre vous c d j l à m n s t y été étée étées étés étant étante étants "
    "étantes suis es est sommes êtes sont serai seras sera serons serez seront serais serait "
    "serions seriez seraient étais était étions étiez étaient fus fut fûmes fûtes furent sois soit "
    "soyons soyez soient fusse fusses fût fussions fussiez fussent ayant ayante ayantes ayants eu "
    "eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais aurait aurions "
    "auriez auraient avais avait avions aviez avaient eut eûmes eûtes eurent aie aies ait ayons "
    "ayez aient eusse eusses eût eussions eussiez eussent"
).split()

#: The Snowball English stop word list (snowballstem.org, `english/stop.txt`), apostrophes removed
#: the way the tokenizer splits them (`don't` → `don`, `t`).
SNOWBALL_ENGLISH_STOP_WORDS = (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself "
    "she her hers herself it its itself they them their theirs themselves what which who whom "
    "this that these those am is are was were be been being have has had having do does did "
    "doing would should could ought a an the and but if or because as until while of at by for "
    "with about against between into through during before after above below to from up down in "
    "out on off over under again further then once here there when where why how all any both "
    "each few more most other some such no nor not only own same so than too very s t ll re ve d "
    "m don won isn aren wasn weren hasn haven hadn doesn didn shan shouldn couldn mustn let"
).split()

#: Tokens of this many UTF-8 bytes or more are dropped (they are not words).
MAX_TOKEN_BYTES = 64


def _folded(words: list[str] | tuple[str, ...]) -> list[str]:
    return sorted({_fold_word(w) for w in words})


def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: French stop words as the filter sees them (after lower-casing and folding).
STOP_WORDS: tuple[str, ...] = tuple(_folded([*SNOWBALL_FRENCH_STOP_WORDS, *ELISIONS]))
#: English stop words, folded.
STOP_WORDS_EN: tuple[str, ...] = tuple(_folded(SNOWBALL_ENGLISH_STOP_WORDS))


def analyzer_builder(tokenizer: tantivy.Tokenizer) -> tantivy.TextAnalyzerBuilder:
    """A tantivy analyzer doing steps 1–2 (and dropping over-long tokens) after `tokenizer`."""
    return (
        tantivy.TextAnalyzerBuilder(tokenizer)
        .filter(tantivy.Filter.remove_long(MAX_TOKEN_BYTES))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
    )


_STOP = frozenset(STOP_WORDS)
_STOP_EN = frozenset(STOP_WORDS_EN)
_FOLD = analyzer_builder(tantivy.Tokenizer.raw()).build()
_STEM = (
    tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw())
    .filter(tantivy.Filter.stemmer("french"))
    .build()
)
_STEM_EN = (
    tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw())
    .filter(tantivy.Filter.stemmer("english"))
    .build()
)


@lru_cache(maxsize=200_000)
def term(token: str) -> str | None:
    """The indexed French term of one token (steps 1–5), or None for a stop word."""
    word = fold(token)
    if not word or word in _STOP:
        return None
    out = _STEM.analyze(light(word))
    return out[0] if out else None


@lru_cache(maxsize=100_000)
def term_en(token: str) -> str | None:
    """The English term of one token (lower case, folding, English stop words, Porter 2)."""
    word = fold(token)
    if not word or word in _STOP_EN:
        return None
    out = _STEM_EN.analyze(word)
    return out[0] if out else None


#: The term function of each language the project analyses ('fr', 'en').
TERM_FUNCTIONS: dict[str, Callable[[str], str | None]] = {"fr": term, "en": term_en}


def stop_words(lang: str) -> frozenset[str]:
    """The folded stop words of `lang` ('fr' or 'en')."""
    return _STOP if lang == "fr" else _STOP_EN


def light(word: str) -> str:
    """Drop plural and feminine marks of a folded word: a final s or x, the e of a final ee."""
    if len(word) > 3:
        if word[-1] == "x" or (word[-1] == "s" and word[-2] != "s"):
            word = word[:-1]
        if word.endswith("ee"):
            word = word[:-1]
    return word


@lru_cache(maxsize=200_000)
def fold(token: str) -> str:
    """One token lower-cased and folded (steps 1–2): the form used for completion and spelling."""
    out = _FOLD.analyze(token)
    return out[0] if out else ""


# -- cleaning --------------------------------------------------------------------------------


class _CleanTable(dict[int, str]):
    """`str.translate` table of `clean`, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        cat = unicodedata.category(c)
        if cat[0] == "M" or cat in ("Cf", "Cs", "Co", "Cn"):
            out = ""
        elif cat in ("Cc", "No", "Nl") or cat[0] == "Z":
            out = " "
        else:
            out = c
        if len(self) < 200_000:
            self[code] = out
        return out


#: Characters written for an apostrophe or a single quote, all read as `'` (U+0027): grave and
#: acute accents, modifier letters (prime, turned comma, apostrophe, reversed comma, half rings,
#: vertical line, accents), Armenian and Hebrew apostrophes, curly single quotes, primes,
#: saltillo, fullwidth forms.
APOSTROPHES = (
    "`\u00b4\u02b9\u02bb\u02bc\u02bd\u02be\u02bf\u02c8\u02ca\u02cb\u055a\u05f3"
    "\u2018\u2019\u201a\u201b\u2032\u2035\ua78b\ua78c\uff07\uff40"
)
#: Characters written for a double quote, all read as `"` (the query syntax's phrase quote).
#: (NFKC turns the double primes ″ ‶ into two primes, read as two apostrophes.)
QUOTES = "\u00ab\u00bb\u02ba\u02ee\u2039\u203a\u201c\u201d\u201e\u201f\u301d\u301e\uff02"

_TABLE = _CleanTable({i: chr(i) for i in range(32, 127)})
_TABLE.update({i: " " for i in (*range(0, 32), 127)})
_TABLE.update({9: "\t", 10: "\n", 13: "\r"})
_TABLE.update({ord(c): "'" for c in APOSTROPHES})
_TABLE.update({ord(c): '"' for c in QUOTES})


def clean(text: str) -> str:
    """Text as both backends index it: NFKC, no control characters nor stray combining marks."""
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return text.translate(_TABLE)


# -- tokens ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    """One word of a clean text: its characters, where it is, and its indexed term."""

    text: str
    start: int
    end: int
    position: int
    term: str | None


def tokens(text: str, lang: str = "fr") -> Iterator[Token]:
    """The tokens of clean text, with character offsets and positions (stop words included);
    `term` is the French term, or the English one when `lang` is 'en'."""
    to_term = TERM_FUNCTIONS[lang]
    for position, m in enumerate(TOKEN_RE.finditer(text)):
        raw = m.group()
        yield Token(raw, m.start(), m.end(), position, to_term(raw) if is_word(raw) else None)


def indexed(text: str) -> list[tuple[str, int, int, int]]:
    """(term, position, start, end) of the indexed words of clean text (the fast path)."""
    out: list[tuple[str, int, int, int]] = []
    append = out.append
    for position, m in enumerate(TOKEN_RE.finditer(text)):
        raw = m.group()
        t = term(raw) if len(raw) < 16 or is_word(raw) else None
        if t is not None:
            start, end = m.span()
            append((t, position, start, end))
    return out


def is_word(raw: str) -> bool:
    """Whether a token is short enough to be indexed (fewer than MAX_TOKEN_BYTES in UTF-8)."""
    n = len(raw)
    return n * 4 < MAX_TOKEN_BYTES or (
        n < MAX_TOKEN_BYTES and len(raw.encode("utf-8")) < MAX_TOKEN_BYTES
    )


def terms(text: str, lang: str = "fr") -> list[str]:
    """The indexed terms of a text, in order (stop words dropped)."""
    return [t.term for t in tokens(clean(text), lang) if t.term is not None]


def exact_key(text: str) -> str:
    """A whole label reduced for exact matching: folded words joined by single spaces."""
    return " ".join(fold(m.group()) for m in TOKEN_RE.finditer(clean(text)) if is_word(m.group()))
