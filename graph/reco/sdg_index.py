"""The evidence index of the SDG suggestions, one per language, built from `sdg_sources.Sources`.

Each of the 169 targets is one document with three fields, weighted as in BM25F (Robertson,
Zaragoza & Taylor 2004, « Simple BM25 extension to multiple weighted fields »): its own text
(weight 1), the texts of the indicators that measure it (0.3: they name what is counted, often in
the words projects use, but also units and breakdowns) and its goal's title and short name (0.3:
shared by every target of the goal). Words are the terms of `graph.text_analysis` (the same
analysis as search, French or English).

A term is *general* when the UN texts use it in the texts of GENERAL_GOALS goals or more (« accès »,
« développement », « national »: more than half of the goals) or when
`data/sdg/general-words.tsv` lists it (common verbs, and words the UN texts use in a narrow sense:
« récupération » of stolen assets in 16.4). A general term adds to a target's score but never
counts as evidence on its own.

The vocabulary phrases (`data/sdg/project-vocabulary.tsv`) become patterns over terms: a sequence
of adjacent terms, or (`a ~ b`) terms found within WINDOW analysed words of each other.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from .. import text_analysis
from .coding import target_codes
from .sdg_sources import Concept, Sources

K1 = 1.2
B = 0.5
#: BM25F weights of the fields of a target document (indicator weights 0.3, 0.5 and 0.8 compared on
#: the development sets of bench/sdg.py: mean F1 0.557, 0.551, 0.544).
FIELD_WEIGHTS = {"target": 1.0, "indicator": 0.3, "goal": 0.3}
#: A term found in the UN texts of more than half of the 17 goals is general: it says nothing about
#: which goal a text is about (« accès », « développement », « national », « women »). At 5–8 goals
#: the UN texts still have topical words (« climat », « eau », « emploi », « santé », « enfants »).
GENERAL_GOALS = 9
#: Stems that extend one another (« aliment » / « alimentair ») are related when the shorter one has
#: at least this many letters.
PREFIX_MIN = 6
#: Window, in analysed words, of the `a ~ b` patterns.
WINDOW = 8


@dataclass(frozen=True)
class Posting:
    """One target containing a term: its field-weighted frequency and a word of its texts."""

    target: int
    tf: float
    surface: str
    field: str  # 'target', 'indicator' or 'goal': where `surface` was read


@dataclass(frozen=True)
class Pattern:
    """A vocabulary phrase as terms: adjacent (`window` False) or within WINDOW words."""

    concept: int
    terms: tuple[str, ...]
    window: bool
    phrase: str


@dataclass
class LanguageIndex:
    """Postings, IDF and length norms of the target documents, and the vocabulary patterns."""

    lang: str
    codes: tuple[str, ...]
    postings: dict[str, list[Posting]]
    idf: dict[str, float]
    norm: np.ndarray  # K1 × (1 − B + B × length / mean length), per target
    general: frozenset[str]
    prefixes: dict[str, tuple[str, ...]]
    patterns: dict[str, list[Pattern]]  # by their first term
    concepts: tuple[Concept, ...]
    words: frozenset[str]  # folded words of every text: the lexicon for language identification
    position: dict[str, int] = field(default_factory=dict)  # target code → row

    def __post_init__(self) -> None:
        self.position = {code: i for i, code in enumerate(self.codes)}

    @classmethod
    def build(cls, sources: Sources, lang: str) -> LanguageIndex:
        """Index the texts of `lang` ('fr' or 'en')."""
        codes = tuple(target_codes())
        by_target: dict[str, list[str]] = defaultdict(list)
        for ind in sources.indicators:
            for code in ind.targets:
                by_target[code].append(ind.text.get(lang, ""))
        to_term = text_analysis.TERM_FUNCTIONS[lang]
        tf: list[dict[str, float]] = []
        surfaces: list[dict[str, tuple[str, str]]] = []
        lengths = np.zeros(len(codes))
        goals_of: dict[str, set[str]] = defaultdict(set)
        words: set[str] = set()
        for i, code in enumerate(codes):
            goal = code.partition(".")[0]
            fields = {
                "target": sources.targets[lang].get(code, ""),
                "indicator": " ".join(by_target.get(code, ())),
                "goal": sources.goals[lang].get(goal, ""),
            }
            counts: dict[str, float] = defaultdict(float)  # field-weighted frequencies
            seen: dict[str, tuple[str, str]] = {}
            for name, text in fields.items():
                for tok in text_analysis.tokens(text_analysis.clean(text), lang):
                    words.add(text_analysis.fold(tok.text))
                    if tok.term is None:
                        continue
                    counts[tok.term] += FIELD_WEIGHTS[name]
                    lengths[i] += FIELD_WEIGHTS[name]
                    seen.setdefault(tok.term, (tok.text.lower(), name))
                    goals_of[tok.term].add(goal)
            tf.append(counts)
            surfaces.append(seen)
        postings: dict[str, list[Posting]] = defaultdict(list)
        for i, counts in enumerate(tf):
            for term, f in counts.items():
                surface, field = surfaces[i][term]
                postings[term].append(Posting(i, f, surface, field))
        n = len(codes)
        idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in postings.items()}
        norm = K1 * (1 - B + B * lengths / max(lengths.mean(), 1e-9))
        general = {t for t, g in goals_of.items() if len(g) >= GENERAL_GOALS}
        general |= {t for w in sources.general.get(lang, ()) if (t := to_term(w))}
        prefixes: dict[str, list[str]] = defaultdict(list)
        for t in postings:
            for k in range(PREFIX_MIN, len(t)):
                prefixes[t[:k]].append(t)
        patterns, vocab_words = _patterns(sources.concepts, lang)
        return cls(
            lang,
            codes,
            dict(postings),
            idf,
            norm,
            frozenset(general),
            {k: tuple(v) for k, v in prefixes.items()},
            patterns,
            sources.concepts,
            frozenset(words | vocab_words),
        )

    def related(self, term: str) -> list[str]:
        """Index terms of which `term` is a prefix, or which are a prefix of it (both ≥ PREFIX_MIN
        letters), other than `term` itself."""
        if len(term) < PREFIX_MIN:
            return []
        out = [t for t in self.prefixes.get(term, ()) if t != term]
        out += [term[:k] for k in range(PREFIX_MIN, len(term)) if term[:k] in self.postings]
        return out


def _patterns(
    concepts: tuple[Concept, ...],
    lang: str,
) -> tuple[dict[str, list[Pattern]], set[str]]:
    """Patterns of the phrases of `lang`, keyed by their first term, and the folded phrase words."""
    out: dict[str, list[Pattern]] = defaultdict(list)
    words: set[str] = set()
    for k, concept in enumerate(concepts):
        for phrase in concept.phrases.get(lang, ()):
            window = "~" in phrase
            toks = list(text_analysis.tokens(text_analysis.clean(phrase.replace("~", " ")), lang))
            words.update(text_analysis.fold(t.text) for t in toks)
            terms = tuple(t.term for t in toks if t.term is not None)
            if terms:
                out[terms[0]].append(Pattern(k, terms, window, phrase))
    return dict(out), words
