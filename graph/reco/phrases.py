"""Plain-language pieces of reasons, in French and English."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..queries.features import ConceptLabel

#: French partitive article of each competence (« Propose *du* financement »); default « de ».
PARTITIVE_FR = {
    "financement": "du ", "mecenat-competences": "du ", "benevolat": "du ",
    "expertise-technique": "de l'", "expertise-juridique": "de l'", "ingenierie-projet": "de l'",
    "evaluation-impact": "de l'", "ancrage-territorial": "un ", "acces-publics": "un ",
    "legitimite-institutionnelle": "de la ", "locaux-logistique": "des ",
    "communication": "de la ", "formation": "de la ", "recherche-innovation": "de la ",
    "donnees-numerique": "des compétences en ", "mise-en-reseau": "de la ",
}

LEVEL_FR = {"commune": "commune", "departement": "département", "region": "région"}
LEVEL_EN = {"commune": "municipality", "departement": "département", "region": "region"}
SAME_PLACE_FR = {"commune": "Même commune", "departement": "Même département",
                 "region": "Même région"}
SAME_PLACE_EN = {"commune": "Same municipality", "departement": "Same département",
                 "region": "Same region"}


@dataclass(frozen=True)
class Text:
    """One sentence in French and in English."""

    fr: str
    en: str


def lower_first(label: str) -> str:
    """'Financement' → 'financement' (acronyms such as 'ODD' are kept)."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def join(items: Sequence[str], lang: str) -> str:
    """'a', 'a et b', 'a, b et c' (or 'and')."""
    word = " et " if lang == "fr" else " and "
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + word + items[-1]


def competences(labels: Sequence[ConceptLabel], lang: str) -> str:
    """'du financement et de l'expertise juridique' / 'funding and legal expertise'."""
    if lang == "fr":
        parts = [PARTITIVE_FR.get(c.code, "de ") + lower_first(c.fr) for c in labels]
    else:
        parts = [lower_first(c.en) for c in labels]
    return join(parts, lang)


def plural(n: int, one: str, many: str) -> str:
    """`one` when n == 1, else `many`."""
    return one if n == 1 else many
