"""SDG targets suggested for a French or English description, with the evidence (the words that
matched) and the rules that stop a single common word from suggesting a target.

1. The language is detected (`graph.language_detect`) unless given; the text is analysed like
   search does (`graph.text_analysis`).
2. Vocabulary phrases (`data/sdg/project-vocabulary.tsv`) are found in the text; when two overlap,
   the longer one wins (« précarité énergétique » over « précarité »), and each concept counts once.
   A concept adds VOCAB_SCORE × its weight to each of its targets.
3. Every word is scored against the UN texts of each target (`sdg_index`: target, indicators,
   goal, BM25F); a word also reaches the UN stems that extend it or that it extends
   (« alimentaire » / « alimentation », weight PREFIX_WEIGHT).
4. **Evidence rule.** A target needs a *support* of MIN_SUPPORT: a vocabulary concept for which
   it is the main target counts 2 (1 for a related target, weight 0.5), and each distinct word of
   the text found in its UN texts counts 1, unless that word is general (`sdg_index`) or is part
   of a vocabulary phrase already counted. So one word alone never suggests a target
   (« récupérer » and 16.4, « précaires » and 8.8), two distinct words or one curated phrase do.
5. Targets with enough support are ranked by score and kept when the score reaches MIN_SCORE and
   RELATIVE_CUTOFF of the best one.

Nothing here reads the store: the texts are reference data shipped with the code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .. import text_analysis
from ..errors import BadRequest
from ..language_detect import LANGUAGES, Detection, detect
from ..reference import sdg_iri
from . import inputs
from .coding import sdg_texts
from .sdg_index import K1, WINDOW, LanguageIndex, Pattern
from .sdg_sources import Sources, load

#: Score a vocabulary concept adds to its main target (× 0.5 for a related one): about the BM25F
#: weight of a word found in the texts of one target only (IDF ≈ 4.7 × saturation ≤ 2.2). Chosen
#: among 3, 4 and 6 on the development sets of bench/sdg.py (mean F1 0.541, 0.550, 0.557).
VOCAB_SCORE = 6.0
#: Weight of a UN stem reached through a longer or shorter stem rather than typed.
PREFIX_WEIGHT = 0.5
#: Support a target needs (see rule 4 above).
MIN_SUPPORT = 2.0
#: A target is kept when its score reaches this share of the best one (0.3 and 0.5 compared on
#: the development sets: mean F1 0.541 and 0.557)…
RELATIVE_CUTOFF = 0.5
#: …and this absolute score.
MIN_SCORE = 2.0


@dataclass(frozen=True)
class Word:
    """An analysed word of the text: its term and its characters."""

    term: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class PhraseMatch:
    """A vocabulary pattern found in the text, at analysed-word positions."""

    pattern: Pattern
    positions: frozenset[int]
    words: str


@dataclass
class Evidence:
    """What one target gathered: score, support and the matches to show."""

    score: float = 0.0
    support: float = 0.0
    units: set[str] = field(default_factory=set)
    matches: list[dict[str, Any]] = field(default_factory=list)


class Suggester:
    """Suggests targets from the sources given (the shipped ones by default)."""

    def __init__(
        self,
        sources: Sources | None = None,
        *,
        use_vocabulary: bool = True,
        min_support: float = MIN_SUPPORT,
    ) -> None:
        self.sources = sources or load()
        self.use_vocabulary = use_vocabulary
        self.min_support = min_support
        self._indexes: dict[str, LanguageIndex] = {}

    def warm(self) -> None:
        """Build both indexes and load the language identifier now rather than on first use."""
        self.suggest("réduire le gaspillage alimentaire")
        self.suggest("reduce food waste")

    def index(self, lang: str) -> LanguageIndex:
        """The index of `lang`, built on first use."""
        idx = self._indexes.get(lang)
        if idx is None:
            idx = self._indexes[lang] = LanguageIndex.build(self.sources, lang)
        return idx

    def language(self, text: str, lang: str | None = None) -> Detection:
        """The language to analyse `text` in: `lang` if given, else the detected one."""
        if lang:
            code = str(lang).strip().lower()
            if code not in LANGUAGES:
                raise BadRequest(
                    f"lang must be one of {', '.join(LANGUAGES)}",
                    message_fr=f"lang doit valoir {' ou '.join(LANGUAGES)}",
                )
            return Detection(code, 1.0, "given")
        return detect(text, {code: self.index(code).words for code in LANGUAGES})

    def suggest(self, text: str, limit: int = 5, lang: str | None = None) -> dict[str, Any]:
        """Targets for a description, best first, each with the words that matched."""
        text = inputs.text(text, "text")
        detection = self.language(text, lang)
        ranked = self.rank(text, detection.lang)
        kept = ranked[:limit]
        return {
            "text": text,
            "language": detection.lang,
            "language_detection": detection.to_dict(),
            "targets": [_target(code, ev) for code, ev in kept],
            "goals": _goals(kept),
        }

    def rank(self, text: str, lang: str) -> list[tuple[str, Evidence]]:
        """Every target passing the evidence rule and the cut-offs, best first."""
        idx = self.index(lang)
        clean = text_analysis.clean(text)
        words = [
            Word(t.term, t.text, t.start, t.end)
            for t in text_analysis.tokens(clean, lang)
            if t.term is not None
        ]
        found: dict[int, Evidence] = defaultdict(Evidence)
        covered: dict[int, set[int]] = defaultdict(set)  # word position → targets of its phrases
        if self.use_vocabulary:
            for m in phrase_matches(idx, words, clean):
                targets = _add_concept(idx, m, found)
                for k in m.positions:
                    covered[k] |= targets
        _add_words(idx, words, covered, found)
        ok = [(idx.codes[i], ev) for i, ev in found.items() if ev.support >= self.min_support]
        ok.sort(key=lambda x: (-x[1].score, x[0]))
        best = ok[0][1].score if ok else 0.0
        return [(c, ev) for c, ev in ok if ev.score >= max(MIN_SCORE, RELATIVE_CUTOFF * best)]


def phrase_matches(idx: LanguageIndex, words: list[Word], text: str) -> list[PhraseMatch]:
    """Vocabulary patterns found in `words`: longest first, none inside a longer phrase of adjacent
    words (a window pattern hides nothing), each concept once."""
    found: list[PhraseMatch] = []
    terms = [w.term for w in words]
    for j, term in enumerate(terms):
        for pat in idx.patterns.get(term, ()):
            positions = (
                _window(terms, j, pat.terms) if pat.window else _adjacent(terms, j, pat.terms)
            )
            if positions:
                ordered = sorted(positions)
                shown = (
                    text[words[ordered[0]].start : words[ordered[-1]].end]
                    if not pat.window
                    else " … ".join(words[p].text for p in ordered)
                )
                found.append(PhraseMatch(pat, frozenset(positions), shown))
    found.sort(key=lambda m: (-len(m.positions), min(m.positions)))
    kept: list[PhraseMatch] = []
    concepts: set[int] = set()
    for m in found:
        inside = any(m.positions <= k.positions for k in kept if not k.pattern.window)
        if m.pattern.concept in concepts or inside:
            continue
        kept.append(m)
        concepts.add(m.pattern.concept)
    return kept


def _adjacent(terms: list[str], j: int, pattern: tuple[str, ...]) -> set[int] | None:
    n = len(pattern)
    return set(range(j, j + n)) if tuple(terms[j : j + n]) == pattern else None


def _window(terms: list[str], j: int, pattern: tuple[str, ...]) -> set[int] | None:
    positions = {j}
    lo, hi = max(0, j - WINDOW), min(len(terms), j + WINDOW + 1)
    for t in pattern[1:]:
        near = [k for k in range(lo, hi) if terms[k] == t and k not in positions]
        if not near:
            return None
        positions.add(min(near, key=lambda k: abs(k - j)))
    return positions


def _add_concept(idx: LanguageIndex, m: PhraseMatch, found: dict[int, Evidence]) -> set[int]:
    """Add a phrase's concept to its targets; return those targets."""
    concept = idx.concepts[m.pattern.concept]
    targets = {idx.position[code] for code, _ in concept.targets}
    for code, weight in concept.targets:
        ev = found[idx.position[code]]
        ev.score += VOCAB_SCORE * weight
        ev.support += 2 * weight
        ev.matches.append(
            {
                "word": m.words,
                "matched": m.pattern.phrase,
                "equivalent": True,
                "source": "vocabulary",
                "concept": concept.id,
                "reference": concept.source,
                "weight": weight,
            }
        )
    return targets


def _add_words(
    idx: LanguageIndex, words: list[Word], covered: dict[int, set[int]], found: dict[int, Evidence]
) -> None:
    """BM25F contributions of the distinct words, and their support (rule 4): a word inside a
    phrase already counted for a target does not count again for that target."""
    positions: dict[str, list[int]] = defaultdict(list)
    for k, w in enumerate(words):
        positions[w.term].append(k)
    for term, where in positions.items():
        typed = words[where[0]].text.lower()
        reach = [(term, 1.0)] if term in idx.postings else []
        reach += [(r, PREFIX_WEIGHT) for r in idx.related(term) if r not in positions]
        for stem, weight in reach:
            idf = idx.idf[stem]
            counts = term not in idx.general and stem not in idx.general
            for p in idx.postings[stem]:
                ev = found[p.target]
                ev.score += weight * idf * p.tf * (K1 + 1) / (p.tf + idx.norm[p.target])
                inside = all(p.target in covered.get(k, ()) for k in where)
                if counts and not inside and term not in ev.units:
                    ev.units.add(term)
                    ev.support += 1
                ev.matches.append(
                    {
                        "word": typed,
                        "matched": p.surface,
                        "equivalent": stem != term,
                        "source": p.field,
                        "contribution": weight * idf,
                    }
                )


def _target(code: str, ev: Evidence) -> dict[str, Any]:
    fr, en = sdg_texts("fr"), sdg_texts("en")
    matches = sorted(
        ev.matches, key=lambda m: (m["source"] != "vocabulary", -m.get("contribution", 0.0))
    )
    shown, seen = [], set()
    for m in matches:
        key = (m["word"], m["matched"])
        if key not in seen:
            seen.add(key)
            shown.append({k: v for k, v in m.items() if k != "contribution"})
    return {
        "code": code,
        "iri": str(sdg_iri(code)),
        "goal": code.partition(".")[0],
        "label": fr.get(code, ""),
        "label_en": en.get(code, ""),
        "score": round(ev.score, 3),
        "support": ev.support,
        "evidence": list(dict.fromkeys(m["word"] for m in shown)),
        "matches": shown,
    }


def _goals(kept: list[tuple[str, Evidence]]) -> list[dict[str, Any]]:
    fr, en = sdg_texts("fr"), sdg_texts("en")
    goals: dict[str, float] = {}
    for code, ev in kept:
        g = code.partition(".")[0]
        goals[g] = max(goals.get(g, 0.0), ev.score)
    return [
        {
            "code": g,
            "iri": str(sdg_iri(g)),
            "label": fr.get(g, ""),
            "label_en": en.get(g, ""),
            "score": round(s, 3),
        }
        for g, s in sorted(goals.items(), key=lambda x: -x[1])
    ]


@cache
def default() -> Suggester:
    """The suggester over the shipped sources (shared; its indexes are built on first use)."""
    return Suggester()


def suggest(text: str, limit: int = 5, lang: str | None = None) -> dict[str, Any]:
    """Targets for a French or English description (see the module docstring)."""
    return default().suggest(text, limit, lang)
