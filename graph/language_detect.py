"""Which of the site's languages (French, English) a short text is written in.

The identifier is py3langid, the maintained fork of langid.py (Lui & Baldwin 2012, « langid.py:
an off-the-shelf language identification tool », ACL): a naive Bayes model over byte n-grams
trained on 97 languages, shipped inside the package (4.6 MB, no download), here restricted to
French and English with normalised probabilities. It answers in well under a millisecond and is
right on texts of a few words (« food bank for students », « aide aux devoirs »), but a very short
or mixed text (« circuits courts », an acronym) can come out with a low probability: below
MIN_CONFIDENCE the words themselves decide, by how many of them each language's lexicon knows
(the caller's lexicon plus the stop words), and French wins a tie since the site is French first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import text_analysis

LANGUAGES = ("fr", "en")
DEFAULT = "fr"
#: Below this probability, the lexicons decide.
MIN_CONFIDENCE = 0.9


@dataclass(frozen=True)
class Detection:
    """A language code, the probability given to it, and how it was decided."""

    lang: str
    confidence: float
    method: str  # 'langid', 'lexicon', 'default' (no letters) or 'given'

    def to_dict(self) -> dict[str, Any]:
        """JSON form: {"method": …, "confidence": …}."""
        return {"method": self.method, "confidence": round(self.confidence, 3)}


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def detect(text: str, lexicons: Mapping[str, frozenset[str]] | None = None) -> Detection:
    """The language of `text`; `lexicons` maps each language to folded words it knows."""
    words = [
        text_analysis.fold(t.text)
        for t in text_analysis.tokens(text_analysis.clean(text))
        if t.text.isalpha()
    ]
    if not words:
        return Detection(DEFAULT, 0.0, "default")
    lang, prob = _identifier().classify(text)
    if prob >= MIN_CONFIDENCE:
        return Detection(str(lang), float(prob), "langid")
    known = {
        code: sum(
            w in text_analysis.stop_words(code) or w in (lexicons or {}).get(code, ())
            for w in words
        )
        for code in LANGUAGES
    }
    best = max(LANGUAGES, key=lambda code: (known[code], code == DEFAULT))
    return Detection(best, float(prob) if best == lang else 1.0 - float(prob), "lexicon")
