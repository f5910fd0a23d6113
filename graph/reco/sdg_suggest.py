"""SDG targets suggested for a French description, with the evidence (the words that matched).

The 169 UN target texts in French (open-sdg translation, `data/sdg`), each with its goal's short
name, are indexed with the same French analysis as the analogues (stems, accent folding). A
description is scored against them with BM25. Project vocabulary the UN texts do not use is
bridged by a small list of equivalences (« gaspillage » → « déchets »), shown as such in the
evidence. Nothing here reads the store: the texts are reference data shipped with the code.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..reference import sdg_iri
from . import inputs
from .coding import sdg_texts, target_codes
from .text import analyze, stem

K1 = 1.2
B = 0.5
#: Weight of a word reached through an equivalence rather than typed.
EQUIVALENT_WEIGHT = 0.6
#: Weight of a stem of the texts that extends a typed stem or is extended by it (« aliment » and
#: « alimentair »), when the shorter one has at least PREFIX_MIN letters.
PREFIX_WEIGHT = 0.5
PREFIX_MIN = 6
#: A target is suggested when its score reaches this share of the best one…
RELATIVE_CUTOFF = 0.35
#: …and this absolute BM25 score (about one distinctive word).
MIN_SCORE = 2.0

#: Words of project descriptions → words of the UN target texts that mean the same thing.
EQUIVALENCES: dict[str, tuple[str, ...]] = {
    "gaspillage": ("déchets", "pertes"),
    "invendus": ("déchets", "alimentaires"),
    "épicerie": ("alimentation",),
    "jardin": ("agriculture", "alimentation"),
    "maraîchage": ("agriculture", "agricoles"),
    "insertion": ("emploi", "travail"),
    "chômage": ("emploi",),
    "précarité": ("pauvreté", "vulnérable"),
    "exclusion": ("pauvreté", "inclusion"),
    "réemploi": ("réutilisation", "recyclage"),
    "recyclerie": ("recyclage", "réutilisation"),
    "climat": ("climatiques",),
    "vélo": ("transports",),
    "mobilité": ("transports",),
    "covoiturage": ("transports",),
    "handicap": ("handicapées",),
    "seniors": ("âgées",),
    "isolement": ("âgées", "inclusion"),
    "décrochage": ("scolarité", "enseignement"),
    "scolaire": ("scolarité", "enseignement"),
    "numérique": ("technologies", "informatique"),
    "logement": ("logements",),
    "sans-abri": ("logements", "pauvreté"),
    "réfugiés": ("migrations", "migrants"),
    "égalité": ("égalité", "femmes"),
    "rénovation": ("énergétique", "bâtiments"),
    "solaire": ("renouvelables", "énergie"),
    "circuits": ("agricoles", "production"),
    "bio": ("agriculture", "durables"),
    "eau": ("eau", "assainissement"),
    "partenariat": ("partenariats",),
    "coopération": ("partenariats", "coopération"),
}


@dataclass(frozen=True)
class Doc:
    """One target: its code, stem counts and the surface word of each stem."""

    code: str
    counts: Counter[str]
    forms: dict[str, str]
    length: int


@dataclass(frozen=True)
class Index:
    """The BM25 index over the target texts."""

    docs: tuple[Doc, ...]
    idf: dict[str, float]
    avg_length: float


@cache
def index() -> Index:
    """Index of the French target texts (built once; ~170 short documents)."""
    fr = sdg_texts("fr")
    docs = []
    for code in target_codes():
        goal = code.partition(".")[0]
        counts, forms = analyze(f"{fr.get(code, '')} {fr.get(goal, '')}")
        docs.append(Doc(code, counts, forms, sum(counts.values())))
    n = len(docs)
    df: Counter[str] = Counter(s for d in docs for s in d.counts)
    idf = {s: math.log(1 + (n - k + 0.5) / (k + 0.5)) for s, k in df.items()}
    avg = sum(d.length for d in docs) / max(n, 1)
    return Index(tuple(docs), idf, avg)


@cache
def _equivalences() -> dict[str, tuple[str, ...]]:
    """Stem of a project word → stems of its UN equivalents."""
    out: dict[str, tuple[str, ...]] = {}
    for word, equivalents in EQUIVALENCES.items():
        out[stem(word)] = tuple(stem(e) for e in equivalents)
    return out


def query_terms(text: str) -> dict[str, tuple[float, str]]:
    """Stem → (weight, the word of the text it comes from), equivalences included."""
    counts, forms = analyze(text)
    terms: dict[str, tuple[float, str]] = {s: (1.0, forms[s]) for s in counts}
    for s in counts:
        for eq in _equivalences().get(s, ()):
            if eq not in terms:
                terms[eq] = (EQUIVALENT_WEIGHT, forms[s])
        for other in _related_stems(s):
            if other not in terms:
                terms[other] = (PREFIX_WEIGHT, forms[s])
    return terms


def _related_stems(s: str) -> list[str]:
    """Stems of the texts of which `s` is a prefix, or which are a prefix of `s`."""
    if len(s) < PREFIX_MIN:
        return []
    return [v for v in index().idf if v != s and min(len(v), len(s)) >= PREFIX_MIN
            and (v.startswith(s) or s.startswith(v))]


def suggest(text: str, limit: int = 5) -> dict[str, Any]:
    """Targets for a French description, best first, each with the words that matched."""
    text = inputs.text(text, "text")
    idx = index()
    terms = query_terms(text)
    scored = []
    for doc in idx.docs:
        score, hits = 0.0, []
        norm = K1 * (1 - B + B * doc.length / idx.avg_length)
        for s, (weight, word) in terms.items():
            tf = doc.counts.get(s)
            if tf:
                score += weight * idx.idf[s] * tf * (K1 + 1) / (tf + norm)
                hits.append((word, doc.forms[s], weight < 1.0))
        hits.sort(key=lambda h: h[2])
        if score > 0:
            scored.append((score, doc.code, hits))
    scored.sort(key=lambda x: (-x[0], x[1]))
    best = scored[0][0] if scored else 0.0
    kept = [x for x in scored if x[0] >= max(MIN_SCORE, RELATIVE_CUTOFF * best)][:limit]
    return {"text": text, "targets": [_target(score, code, hits) for score, code, hits in kept],
            "goals": _goals(kept)}


def _target(score: float, code: str, hits: list[tuple[str, str, bool]]) -> dict[str, Any]:
    fr, en = sdg_texts("fr"), sdg_texts("en")
    evidence = list(dict.fromkeys(word for word, _, _ in hits))
    return {
        "code": code, "iri": str(sdg_iri(code)), "goal": code.partition(".")[0],
        "label": fr.get(code, ""), "label_en": en.get(code, ""), "score": round(score, 3),
        "evidence": evidence,
        "matches": [{"word": word, "matched": matched, "equivalent": eq}
                    for word, matched, eq in hits],
    }


def _goals(kept: list[tuple[float, str, Any]]) -> list[dict[str, Any]]:
    fr, en = sdg_texts("fr"), sdg_texts("en")
    goals: dict[str, float] = {}
    for score, code, _ in kept:
        g = code.partition(".")[0]
        goals[g] = max(goals.get(g, 0.0), score)
    return [{"code": g, "iri": str(sdg_iri(g)), "label": fr.get(g, ""), "label_en": en.get(g, ""),
             "score": round(s, 3)} for g, s in sorted(goals.items(), key=lambda x: -x[1])]
