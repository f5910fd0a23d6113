"""What the SDG suggestions know, as data: the UN texts and the project vocabulary.

- the 169 target texts in French and English (open-sdg translation of A/RES/70/1, `data/sdg/*.yml`);
- the 17 goal titles and short names, and the 232 indicator texts, in French and English, with the
  targets each indicator measures (`sdgo:isIndicatorOf`), from the UN SDG KOS
  (`data/sdg/sdg-kos-goals-targets-indicators.ttl`; its labels are in English, French and Spanish);
- the curated bilingual vocabulary of how projects talk (`data/sdg/project-vocabulary.tsv`: one
  concept per row, its targets with weights, French and English phrases, and the source of the
  mapping) and the general words that never count as evidence on their own
  (`data/sdg/general-words.tsv`).

`Sources.without(...)` drops indicators or concepts, so that `bench/sdg.py` can evaluate on texts
the suggester was not built from (no leakage).
"""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from data import DATA_DIR

from ..errors import ConfigError
from ..reference import SDG_GOALS
from .coding import sdg_texts, target_codes

LANGUAGES = ("fr", "en")
VOCABULARY_TSV = DATA_DIR / "sdg" / "project-vocabulary.tsv"
GENERAL_WORDS_TSV = DATA_DIR / "sdg" / "general-words.tsv"

_SDG = "http://metadata.un.org/sdg/"
_SDGO = "http://metadata.un.org/sdg/ontology#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class Indicator:
    """A UN indicator: compact code ('12.3.1'), the targets it measures, its text per language."""

    code: str
    targets: tuple[str, ...]
    text: dict[str, str]


@dataclass(frozen=True)
class Concept:
    """A row of the project vocabulary: targets with weights, phrases per language, its source."""

    id: str
    targets: tuple[tuple[str, float], ...]
    phrases: dict[str, tuple[str, ...]]
    source: str


@dataclass(frozen=True)
class Sources:
    """Everything the suggester is built from (see the module docstring)."""

    targets: dict[str, dict[str, str]]  # lang → target code → text
    goals: dict[str, dict[str, str]]  # lang → goal code → title and short name
    indicators: tuple[Indicator, ...]
    concepts: tuple[Concept, ...]
    general: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lang → words

    def without(self, indicators: Iterable[str] = (), concepts: Iterable[str] = ()) -> Sources:
        """A copy without the indicators (by code) and concepts (by id) given."""
        drop_i, drop_c = set(indicators), set(concepts)
        return replace(
            self,
            indicators=tuple(i for i in self.indicators if i.code not in drop_i),
            concepts=tuple(c for c in self.concepts if c.id not in drop_c),
        )


@cache
def load() -> Sources:
    """The shipped sources (read once)."""
    goals, indicators = _kos()
    targets = {lang: {c: sdg_texts(lang).get(c, "") for c in target_codes()} for lang in LANGUAGES}
    return Sources(
        targets,
        goals,
        indicators,
        read_vocabulary(VOCABULARY_TSV),
        read_general_words(GENERAL_WORDS_TSV),
    )


def _kos() -> tuple[dict[str, dict[str, str]], tuple[Indicator, ...]]:
    """Goal titles and short names, and the indicators with their targets, from the UN KOS."""
    from ..vocabularies import sdg_triples

    labels: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    notation: dict[str, str] = {}
    of: dict[str, list[str]] = defaultdict(list)
    indicators: set[str] = set()
    for s, p, o in sdg_triples():
        subject, pred = str(s).strip("<>"), str(p).strip("<>")
        if not subject.startswith(_SDG):
            continue
        local = subject[len(_SDG) :]
        if pred in (_SKOS + "prefLabel", _SKOS + "altLabel"):
            lang = getattr(o, "language", None)
            if lang in LANGUAGES:
                labels[local][lang].append(unicodedata.normalize("NFC", str(_value(o))))
        elif pred == _SDGO + "isIndicatorOf":
            of[local].append(str(o).strip("<>")[len(_SDG) :])
        elif pred == _RDF_TYPE and str(o).strip("<>") == _SDGO + "Indicator":
            indicators.add(local)
        elif pred == _SKOS + "notation" and "SDGCodeCompact" in str(getattr(o, "datatype", "")):
            notation[local] = str(_value(o))
    goals = {
        lang: {g: " ".join(dict.fromkeys(labels[g][lang])) for g in SDG_GOALS} for lang in LANGUAGES
    }
    known = set(target_codes())
    out = []
    for ind in sorted(indicators):
        targets = tuple(t for t in dict.fromkeys(of.get(ind, [])) if t in known)
        if targets:
            text = {lang: max(labels[ind][lang], key=len, default="") for lang in LANGUAGES}
            out.append(Indicator(notation.get(ind, ind), targets, text))
    return goals, tuple(out)


def _value(literal: object) -> object:
    """The lexical value of an rdflib or pyoxigraph literal."""
    return getattr(literal, "value", literal)


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line, row) of a tab-separated file whose `#` lines are comments."""
    with path.open(encoding="utf-8", newline="") as f:
        lines = [(n, line) for n, line in enumerate(f, 1) if line.strip() and line[0] != "#"]
    reader = csv.DictReader((line for _, line in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [(n, row) for (n, _), row in zip(lines[1:], reader, strict=True)]


def read_vocabulary(path: Path) -> tuple[Concept, ...]:
    """The project vocabulary; a malformed row raises ConfigError naming the file and line."""
    known = set(target_codes())
    out = []
    for line, row in _rows(path):
        targets = []
        for item in (row.get("targets") or "").split():
            code, _, weight = item.partition(":")
            try:
                w = float(weight) if weight else 1.0
            except ValueError:
                w = -1.0
            if code not in known or not 0 < w <= 1:
                raise ConfigError(
                    f"{path.name}, line {line}: bad target {item!r}",
                    message_fr=f"{path.name}, ligne {line} : cible {item!r} invalide",
                )
            targets.append((code, w))
        phrases = {
            lang: tuple(p.strip() for p in (row.get(lang) or "").split("|") if p.strip())
            for lang in LANGUAGES
        }
        if not row.get("concept") or not targets or not any(phrases.values()):
            raise ConfigError(
                f"{path.name}, line {line}: concept, targets and phrases are needed",
                message_fr=f"{path.name}, ligne {line} : concept, cibles et "
                "expressions sont requis",
            )
        out.append(Concept(row["concept"], tuple(targets), phrases, row.get("source") or ""))
    return tuple(out)


def read_general_words(path: Path) -> dict[str, tuple[str, ...]]:
    """Language → the general words listed in `path`."""
    out: dict[str, list[str]] = defaultdict(list)
    for _, row in _rows(path):
        if row.get("lang") in LANGUAGES:
            out[row["lang"]] += (row.get("words") or "").split()
    return {lang: tuple(words) for lang, words in out.items()}
