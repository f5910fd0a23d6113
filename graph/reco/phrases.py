"""Plain-language pieces of reasons, in French and English."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..queries.features import ConceptLabel
from .coding import Sdgs, sdg_texts, target_sort_key

#: French partitive article of each competence (« Propose *du* financement »); default « de ».
PARTITIVE_FR = {
    "financement": "du ",
    "mecenat-competences": "du ",
    "benevolat": "du ",
    "expertise-technique": "de l'",
    "expertise-juridique": "de l'",
    "ingenierie-projet": "de l'",
    "evaluation-impact": "de l'",
    "ancrage-territorial": "un ",
    "acces-publics": "un ",
    "legitimite-institutionnelle": "de la ",
    "locaux-logistique": "des ",
    "communication": "de la ",
    "formation": "de la ",
    "recherche-innovation": "de la ",
    "donnees-numerique": "des compétences en ",
    "mise-en-reseau": "de la ",
}

LEVEL_FR = {
    "commune": "commune",
    "epci": "intercommunalité",
    "departement": "département",
    "region": "région",
}
LEVEL_EN = {
    "commune": "municipality",
    "epci": "intercommunality",
    "departement": "département",
    "region": "region",
}
SAME_PLACE_FR = {
    "commune": "Même commune",
    "epci": "Même intercommunalité",
    "departement": "Même département",
    "region": "Même région",
}
SAME_PLACE_EN = {
    "commune": "Same municipality",
    "epci": "Same intercommunality",
    "departement": "Same département",
    "region": "Same region",
}


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


@dataclass(frozen=True)
class SdgWording:
    """How a reason names shared targets and goals: (singular, plural) in French and English."""

    target_fr: tuple[str, str]
    target_en: tuple[str, str]
    goal_fr: tuple[str, str]
    goal_en: tuple[str, str]


#: « Partage la cible 12.3 » (partners) and « Même cible ODD 12.3 » (analogues).
SHARES = SdgWording(
    ("Partage la cible", "Partage les cibles"),
    ("Shares target", "Shares targets"),
    ("Partage l'ODD", "Partage les ODD"),
    ("Shares SDG", "Shares SDGs"),
)
SAME = SdgWording(
    ("Même cible ODD", "Mêmes cibles ODD"),
    ("Same SDG target", "Same SDG targets"),
    ("Même ODD", "Mêmes ODD"),
    ("Same SDG", "Same SDGs"),
)


def shared_sdg_sentences(mine: Sdgs, theirs: Sdgs, wording: SdgWording) -> list[Text]:
    """Sentences naming the targets both share, then the shared goals no shared target covers
    (a single goal with its short name: « Partage l'ODD 2 (Faim "zéro") »)."""
    out = []
    targets = sorted(mine.targets & theirs.targets, key=target_sort_key)
    if targets:
        n = 0 if len(targets) == 1 else 1
        out.append(
            Text(
                f"{wording.target_fr[n]} {join(targets, 'fr')}",
                f"{wording.target_en[n]} {join(targets, 'en')}",
            )
        )
    covered = {c.partition(".")[0] for c in targets}
    goals = sorted((mine.goals & theirs.goals) - covered, key=int)
    if len(goals) == 1:
        g = goals[0]
        fr, en = sdg_texts("fr"), sdg_texts("en")
        out.append(
            Text(
                f"{wording.goal_fr[0]} {g} ({fr.get(g, '')})",
                f"{wording.goal_en[0]} {g} ({en.get(g, '')})",
            )
        )
    elif goals:
        out.append(
            Text(
                f"{wording.goal_fr[1]} {join(goals, 'fr')}",
                f"{wording.goal_en[1]} {join(goals, 'en')}",
            )
        )
    return out
