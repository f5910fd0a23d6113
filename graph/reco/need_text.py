"""A project described in words → what the partner finder works with: SDG targets and competences.

- **SDG targets**: the SDG suggester (`graph.reco.sdg_suggest`, French or English, language
  detected), its MAX_TARGETS best targets with the words that matched.
- **Competences**: the phrases of the curated bilingual vocabulary
  `data/reco/competence-vocabulary.tsv` (one row per competence of the scheme, with its source)
  found in the text, analysed as search does (`graph.text_analysis`, in the detected language).
  When two matches overlap, a phrase of adjacent words wins over a window phrase and a longer one
  over a shorter one (« connaissance du terrain » is local roots, not « terrain », premises), and
  each competence is reported once per side.
- **Needs or offers**: each competence found takes the side of the nearest *cue* before it in the
  same sentence (« nous cherchons », « il nous manque » → needs; « nous proposons », « nous
  apportons » → offers; same file, rows `cue:needs` / `cue:offers`); without a cue it is a need,
  since a project described to find partners says what it lacks.

Everything found is echoed with the words that matched, so the person can check it and correct
the form. Nothing here reads the store.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from data import DATA_DIR
from ontology.namespaces import scheme_codes

from .. import text_analysis
from ..errors import ConfigError
from ..language_detect import LANGUAGES
from . import sdg_suggest

VOCABULARY_TSV = DATA_DIR / "reco" / "competence-vocabulary.tsv"
#: Window, in analysed words, of the `a ~ b` phrases.
WINDOW = 6
#: SDG targets taken from a description (the best ones).
MAX_TARGETS = 3
SIDES = ("needs", "offers")
_SENTENCE_END = re.compile(r"[.!?;\n]")


@dataclass(frozen=True)
class Phrase:
    """A phrase of the vocabulary: what it stands for and the words to find.

    `exact`: folded words as written, stop words included, side by side; otherwise analysed
    terms (stop words skipped), side by side or (`window`) within WINDOW words of each other.
    """

    code: str  # a competence code, or 'cue:needs' / 'cue:offers'
    words: tuple[str, ...]
    exact: bool
    window: bool
    text: str


@dataclass(frozen=True)
class Vocabulary:
    """Phrases per language, cues per language, and the source of each competence's row."""

    phrases: dict[str, tuple[Phrase, ...]]
    cues: dict[str, tuple[Phrase, ...]]
    sources: dict[str, str]


@dataclass(frozen=True)
class Match:
    """A phrase found in the text: token positions, character span, the words as typed."""

    phrase: Phrase
    positions: frozenset[int]
    start: int
    end: int
    shown: str


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line, row) of a tab-separated file whose `#` lines are comments."""
    with path.open(encoding="utf-8", newline="") as f:
        lines = [(n, line) for n, line in enumerate(f, 1) if line.strip() and line[0] != "#"]
    reader = csv.DictReader((line for _, line in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [(n, row) for (n, _), row in zip(lines[1:], reader, strict=True)]


def read_vocabulary(path: Path = VOCABULARY_TSV) -> Vocabulary:
    """The vocabulary in `path`; a malformed row raises ConfigError naming the file and line."""
    known = set(scheme_codes("competence")) | {f"cue:{side}" for side in SIDES}
    phrases: dict[str, list[Phrase]] = {lang: [] for lang in LANGUAGES}
    cues: dict[str, list[Phrase]] = {lang: [] for lang in LANGUAGES}
    sources: dict[str, str] = {}
    for line, row in _rows(path):
        code = (row.get("code") or "").strip()
        texts = {
            lang: [p.strip() for p in (row.get(lang) or "").split("|") if p.strip()]
            for lang in LANGUAGES
        }
        if code not in known or not any(texts.values()) or not (row.get("source") or "").strip():
            raise ConfigError(
                f"{path.name}, line {line}: a known code, phrases and a source are needed "
                f"(code {code!r})",
                message_fr=f"{path.name}, ligne {line} : un code connu, des expressions et une "
                f"source sont requis (code {code!r})",
            )
        sources[code] = str(row["source"]).strip()
        cue = code.startswith("cue:")
        for lang, items in texts.items():
            for text in items:
                phrase = compile_phrase(code, text, lang, exact=cue)
                if phrase is not None:
                    (cues if cue else phrases)[lang].append(phrase)
    return Vocabulary(
        {k: tuple(v) for k, v in phrases.items()}, {k: tuple(v) for k, v in cues.items()}, sources
    )


def compile_phrase(code: str, text: str, lang: str, exact: bool = False) -> Phrase | None:
    """A phrase of the vocabulary as words to find (None when it has no word left)."""
    exact = exact or text.startswith("=")
    body = text.removeprefix("=").strip()
    window = "~" in body and not exact
    toks = list(text_analysis.tokens(text_analysis.clean(body.replace("~", " ")), lang))
    if exact:
        words = tuple(text_analysis.fold(t.text) for t in toks)
    else:
        words = tuple(t.term for t in toks if t.term is not None)
    return Phrase(code, words, exact, window, text) if words else None


@cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary (read once)."""
    return read_vocabulary()


def find(text: str, lang: str, vocab: Vocabulary | None = None) -> list[Match]:
    """Phrases of `vocab` in `text` (competences, then cues), longest first without overlaps
    among the competences (phrases of adjacent words first, the longest first, then window
    phrases)."""
    vocab = vocab or vocabulary()
    clean = text_analysis.clean(text)
    toks = list(text_analysis.tokens(clean, lang))
    folded = [text_analysis.fold(t.text) for t in toks]
    terms = [(k, t.term) for k, t in enumerate(toks) if t.term is not None]
    found = [m for p in vocab.phrases.get(lang, ()) for m in _matches(p, toks, folded, terms)]
    found.sort(key=lambda m: (m.phrase.window, -len(m.positions), m.start))
    kept: list[Match] = []
    for m in found:
        if not any(m.positions & k.positions for k in kept):
            kept.append(m)
    cues = [m for p in vocab.cues.get(lang, ()) for m in _matches(p, toks, folded, terms)]
    shown = [Match(m.phrase, m.positions, m.start, m.end, _shown(m, toks, clean)) for m in kept]
    return sorted(shown, key=lambda m: m.start) + sorted(cues, key=lambda m: m.start)


def _shown(m: Match, toks: list[text_analysis.Token], clean: str) -> str:
    """The words of a match as typed: the span, or the words joined by « … » for a window."""
    if m.phrase.window:
        return " … ".join(toks[k].text for k in sorted(m.positions))
    return clean[m.start : m.end]


def _matches(
    p: Phrase, toks: list[text_analysis.Token], folded: list[str], terms: list[tuple[int, str]]
) -> Iterable[Match]:
    """Every occurrence of `p`: over folded words (exact) or over analysed terms."""
    seq = folded if p.exact else [t for _, t in terms]
    where = list(range(len(toks))) if p.exact else [k for k, _ in terms]
    n = len(p.words)
    for j, word in enumerate(seq):
        if word != p.words[0]:
            continue
        if p.window:
            at = _window(seq, j, p.words)
        else:
            at = list(range(j, j + n)) if tuple(seq[j : j + n]) == p.words else None
        if at is None:
            continue
        positions = sorted(where[k] for k in at)
        start, end = toks[positions[0]].start, toks[positions[-1]].end
        yield Match(p, frozenset(positions), start, end, "")


def _window(seq: list[str], j: int, words: tuple[str, ...]) -> list[int] | None:
    at = [j]
    lo, hi = max(0, j - WINDOW), min(len(seq), j + WINDOW + 1)
    for w in words[1:]:
        near = [k for k in range(lo, hi) if seq[k] == w and k not in at]
        if not near:
            return None
        at.append(min(near, key=lambda k: abs(k - j)))
    return at


def competences(
    text: str, lang: str, vocab: Vocabulary | None = None
) -> dict[str, list[dict[str, Any]]]:
    """{"needs": [...], "offers": [...]}: each competence found, once per side, in order of
    appearance, as {"code", "evidence": [words as typed]} (see the module docstring)."""
    matches = find(text, lang, vocab)
    clean = text_analysis.clean(text)
    cues = [m for m in matches if m.phrase.code.startswith("cue:")]
    out: dict[str, dict[str, list[str]]] = {side: {} for side in SIDES}
    for m in matches:
        if m.phrase.code.startswith("cue:"):
            continue
        side = _side(m, cues, clean)
        out[side].setdefault(m.phrase.code, [])
        if m.shown not in out[side][m.phrase.code]:
            out[side][m.phrase.code].append(m.shown)
    return {
        side: [{"code": c, "evidence": ev} for c, ev in found.items()]
        for side, found in out.items()
    }


def _side(m: Match, cues: list[Match], text: str) -> str:
    """The side of the nearest cue before `m` in its sentence; 'needs' when there is none."""
    before = [
        c for c in cues if c.end <= m.start and not _SENTENCE_END.search(text, c.end, m.start)
    ]
    if not before:
        return "needs"
    return max(before, key=lambda c: c.end).phrase.code.removeprefix("cue:")


def understand(text: str, lang: str | None = None) -> dict[str, Any]:
    """What a project description says: {"text", "language", "language_detection", "targets"
    (the SDG suggester's, at most MAX_TARGETS), "needs", "offers"}."""
    sdg = sdg_suggest.suggest(text, MAX_TARGETS, lang)
    found = competences(text, sdg["language"])
    return {
        "text": sdg["text"],
        "language": sdg["language"],
        "language_detection": sdg["language_detection"],
        "targets": [
            {k: t[k] for k in ("code", "iri", "label", "label_en", "evidence")}
            for t in sdg["targets"]
        ],
        **found,
    }
