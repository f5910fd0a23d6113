"""The maturity path (DESIGN §6): a short self-assessment, its level, and the tools for it.

Seven questions, each answered on a scale of four options scored 0–3, cover the practice of
alliances and the four pillars (capitalisation, evaluation, economic model, making value known).
The level is given by the mean score: below 0.75 sceptique, below 1.5 premier-pas (« 1er pas »),
below 2.25 actif, else pionnier. Questions left unanswered are refused, so that a level always
means the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import URIRef

from ontology.namespaces import concept, scheme_codes

from ..errors import BadRequest
from ..queries.features import ToolRow
from .labels import Labels

#: Upper bounds (exclusive) of the mean score for each level but the last.
THRESHOLDS = (("sceptique", 0.75), ("premier-pas", 1.5), ("actif", 2.25))
LEVELS = ("sceptique", "premier-pas", "actif", "pionnier")


@dataclass(frozen=True)
class Option:
    """One answer, scored 0 (least mature) to 3."""

    code: str
    fr: str
    en: str


@dataclass(frozen=True)
class Question:
    """One question, its pillar (if any) and its four options in increasing maturity."""

    id: str
    fr: str
    en: str
    options: tuple[Option, Option, Option, Option]
    pillar: str | None = None


QUESTIONS: tuple[Question, ...] = (
    Question(
        "conviction",
        "S'allier avec des structures différentes de la vôtre (entreprise, collectivité, "
        "association…) : qu'en pensez-vous ?",
        "Partnering with organisations unlike yours (companies, local authorities, "
        "associations…): what do you think?",
        (
            Option("doute", "Cela coûte plus que cela n'apporte", "It costs more than it brings"),
            Option(
                "curieux",
                "Cela m'intéresse, sans savoir par où commencer",
                "I am interested but do not know where to start",
            ),
            Option(
                "convaincu", "C'est utile, nous le faisons déjà", "It is useful; we already do it"
            ),
            Option(
                "strategique",
                "C'est au cœur de notre stratégie",
                "It is at the heart of our strategy",
            ),
        ),
    ),
    Question(
        "experience",
        "Combien de partenariats avec des structures d'un autre type avez-vous menés ces "
        "trois dernières années ?",
        "How many partnerships with other kinds of organisations have you run in the last "
        "three years?",
        (
            Option("aucun", "Aucun", "None"),
            Option("un", "Un", "One"),
            Option("quelques", "Deux ou trois", "Two or three"),
            Option("nombreux", "Plus de trois", "More than three"),
        ),
    ),
    Question(
        "gouvernance",
        "Comment vos partenariats sont-ils organisés ?",
        "How are your partnerships organised?",
        (
            Option("aucun", "Nous n'en avons pas", "We have none"),
            Option("informel", "De façon informelle", "Informally"),
            Option("convention", "Par une convention écrite", "By a written agreement"),
            Option(
                "partagee",
                "Par une gouvernance partagée, avec des temps réguliers",
                "Through shared governance with regular meetings",
            ),
        ),
    ),
    Question(
        "evaluation",
        "Évaluez-vous ce que vos partenariats produisent ?",
        "Do you evaluate what your partnerships achieve?",
        (
            Option("jamais", "Jamais", "Never"),
            Option("informel", "De manière informelle", "Informally"),
            Option("methode", "Parfois, avec une méthode", "Sometimes, with a method"),
            Option(
                "indicateurs",
                "Toujours, avec des indicateurs partagés",
                "Always, with shared indicators",
            ),
        ),
        pillar="evaluation",
    ),
    Question(
        "modele",
        "Les partenariats ont-ils une place dans votre modèle économique ?",
        "Do partnerships have a place in your economic model?",
        (
            Option("non", "Non", "No"),
            Option(
                "ponctuel",
                "Ponctuellement (un financement, un don)",
                "Occasionally (a grant, a donation)",
            ),
            Option(
                "hybride",
                "Nos ressources combinent plusieurs partenaires",
                "Our resources combine several partners",
            ),
            Option(
                "co-construit",
                "Nous avons construit un modèle hybride avec nos partenaires",
                "We designed a hybrid model with our partners",
            ),
        ),
        pillar="modelisation-economique",
    ),
    Question(
        "capitalisation",
        "Gardez-vous trace de vos expériences de partenariat et les partagez-vous ?",
        "Do you record your partnership experience and share it?",
        (
            Option("non", "Non", "No"),
            Option("interne", "En interne", "Internally"),
            Option("pairs", "Avec nos pairs", "With our peers"),
            Option(
                "publie",
                "Nous publions et accompagnons d'autres structures",
                "We publish and mentor other organisations",
            ),
        ),
        pillar="capitalisation",
    ),
    Question(
        "faire-valoir",
        "Faites-vous connaître la valeur de vos alliances (élus, financeurs, public) ?",
        "Do you make the value of your alliances known (elected officials, funders, the public)?",
        (
            Option("non", "Non", "No"),
            Option("parfois", "Parfois", "Sometimes"),
            Option("regulier", "Régulièrement", "Regularly"),
            Option(
                "plaidoyer", "Nous portons un plaidoyer sur le sujet", "We advocate on the subject"
            ),
        ),
        pillar="faire-valoir",
    ),
)


def questionnaire() -> dict[str, Any]:
    """The questions with their options (FR and EN), and how answers are scored."""
    return {
        "questions": [
            {
                "id": q.id,
                "label": q.fr,
                "label_en": q.en,
                "pillar": q.pillar,
                "options": [
                    {"code": o.code, "label": o.fr, "label_en": o.en, "score": i}
                    for i, o in enumerate(q.options)
                ],
            }
            for q in QUESTIONS
        ],
        "levels": list(LEVELS),
        "scoring": "mean of the option scores (0-3): < 0.75 sceptique, < 1.5 premier-pas, "
        "< 2.25 actif, otherwise pionnier",
    }


def score_answers(answers: Mapping[str, Any]) -> float:
    """Mean score of the answers (every question must be answered)."""
    if not isinstance(answers, Mapping):
        raise BadRequest(
            "answers must be an object {question: option}",
            message_fr="answers doit être un objet {question: option}",
        )
    known = {q.id: q for q in QUESTIONS}
    unknown = sorted(set(answers) - set(known))
    missing = [q.id for q in QUESTIONS if q.id not in answers]
    if unknown or missing:
        parts_en, parts_fr = [], []
        if missing:
            parts_en.append(f"unanswered: {', '.join(missing)}")
            parts_fr.append(f"sans réponse : {', '.join(missing)}")
        if unknown:
            parts_en.append(f"unknown question(s): {', '.join(unknown)}")
            parts_fr.append(f"question(s) inconnue(s) : {', '.join(unknown)}")
        raise BadRequest("; ".join(parts_en), message_fr=" ; ".join(parts_fr))
    return sum(_option_score(known[qid], value) for qid, value in answers.items()) / len(QUESTIONS)


def _option_score(q: Question, value: object) -> int:
    codes = [o.code for o in q.options]
    if isinstance(value, str) and value in codes:
        return codes.index(value)
    if isinstance(value, int | str) and not isinstance(value, bool) and str(value).isdigit():
        if 0 <= int(value) < len(codes):
            return int(value)
    raise BadRequest(
        f"{q.id}: answer must be one of {', '.join(codes)} (or 0-3), not {value!r}",
        message_fr=f"{q.id} : la réponse est l'une de {', '.join(codes)} (ou 0-3), pas {value!r}",
    )


def level_for(score: float) -> str:
    """The maturity level of a mean score."""
    for level, bound in THRESHOLDS:
        if score < bound:
            return level
    return LEVELS[-1]


def assess(answers: Mapping[str, Any], tools: list[ToolRow], labels: Labels) -> dict[str, Any]:
    """Level for the answers, the tools of that level by pillar, and the next level's tools."""
    score = score_answers(answers)
    level = level_for(score)
    i = LEVELS.index(level)
    nxt = LEVELS[i + 1] if i + 1 < len(LEVELS) else None
    return {
        "score": round(score, 3),
        "level": _level(level, labels),
        "tools": tools_by_pillar(tools, level, labels),
        "next_level": _level(nxt, labels) if nxt else None,
        "next_tools": tools_by_pillar(tools, nxt, labels) if nxt else [],
    }


def _level(code: str, labels: Labels) -> dict[str, Any]:
    c = labels.code("maturity", code)
    return {
        "code": code,
        "iri": str(c.iri),
        "label": c.fr,
        "label_en": c.en,
        "position": LEVELS.index(code) + 1,
    }


def tools_by_pillar(tools: list[ToolRow], level: str, labels: Labels) -> list[dict[str, Any]]:
    """Tools suited to `level`, grouped by pillar in the pillar scheme's order (then the rest);
    in each group the real tools first, then the fictional ones (the demo's, `fictional: true`),
    as for the partners of someone not in the graph (`graph.reco.fiction`)."""
    level_iri = concept("maturity", level)
    suited = sorted((t for t in tools if level_iri in t.levels), key=lambda t: t.fictional)
    groups = []
    for code in [*scheme_codes("pillar"), None]:
        pillar: URIRef | None = concept("pillar", code) if code else None
        members = [t for t in suited if (pillar in t.pillars if pillar else not t.pillars)]
        if not members:
            continue
        label = labels.code("pillar", code) if code else None
        groups.append(
            {
                "pillar": code,
                "label": label.fr if label else "Autres outils",
                "label_en": label.en if label else "Other tools",
                "tools": [_tool(t, labels) for t in members],
            }
        )
    return groups


def _tool(t: ToolRow, labels: Labels) -> dict[str, Any]:
    kind = labels.of(t.kind) if t.kind is not None else None
    return {
        "id": t.id,
        "iri": str(t.iri),
        "label": t.label,
        "url": t.url,
        "description": t.description,
        "kind": kind.code if kind else None,
        "kind_label": kind.fr if kind else None,
        "kind_label_en": kind.en if kind else None,
        "fictional": t.fictional,
    }
