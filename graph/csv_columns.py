"""Columns of the CSV contract (DESIGN §3) and the names people give them, in English and French.

A header cell names a column whatever its case, accents, spacing and punctuation (`Site Web`,
`site_web`, `SITE-WEB *`, `Maturité`, `type d'acteur`), and a hint in brackets is ignored
(`siren (9 chiffres)`). A name and its singular or plural are the same (`membre`, `membres`).
The tables below are the reference; docs/model.md lists them and error messages quote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .codes import fold

KINDS = ("actors", "alliances", "tools", "evaluations")

#: Columns of each file: name -> required.
COLUMNS: dict[str, dict[str, bool]] = {
    "actors": {
        "id": True,
        "name": True,
        "type": True,
        "description": False,
        "territory": False,
        "sdgs": False,
        "offers": False,
        "needs": False,
        "resources": False,
        "maturity": False,
        "website": False,
        "siren": False,
        "siret": False,
        "rna": False,
        "email": False,
    },
    "alliances": {
        "id": True,
        "title": True,
        "members": True,
        "lead": False,
        "description": False,
        "territory": False,
        "sdgs": False,
        "resources": False,
        "start": False,
        "end": False,
        "status": False,
        "tools": False,
    },
    "tools": {
        "id": True,
        "title": True,
        "description": False,
        "url": False,
        "kind": False,
        "maturity": False,
        "pillars": False,
        "audience": False,
        "sdgs": False,
        "publisher": False,
    },
    "evaluations": {
        "id": True,
        "alliance": True,
        "date": True,
        "scores": False,
        "summary": False,
        "evaluator": False,
    },
}

#: Other names of each column, French first (the first one is the French name documented).
OTHER_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "actors": {
        "id": ("identifiant",),
        "name": ("nom", "raison sociale", "dénomination"),
        "type": ("type d'acteur", "catégorie", "actor type"),
        "description": ("présentation",),
        "territory": ("territoire",),
        "sdgs": ("odd", "objectifs", "sdg"),
        "offers": ("propose", "offres", "apporte"),
        "needs": ("recherche", "besoins", "cherche"),
        "resources": ("ressources", "modèle économique"),
        "maturity": ("maturité", "niveau"),
        "website": ("site web", "site internet", "site", "url"),
        "siren": ("numéro siren",),
        "siret": ("numéro siret",),
        "rna": ("numéro rna", "n° rna"),
        "email": ("courriel", "e-mail", "mail", "adresse électronique"),
    },
    "alliances": {
        "id": ("identifiant",),
        "title": ("titre", "nom", "intitulé"),
        "members": ("membres",),
        "lead": ("porteur", "chef de file", "pilote", "structure porteuse"),
        "description": ("présentation",),
        "territory": ("territoire",),
        "sdgs": ("odd", "objectifs", "sdg"),
        "resources": ("ressources", "modèle économique"),
        "start": ("début", "date de début"),
        "end": ("fin", "date de fin"),
        "status": ("statut", "état"),
        "tools": ("outils",),
    },
    "tools": {
        "id": ("identifiant",),
        "title": ("titre", "nom", "intitulé"),
        "description": ("présentation",),
        "url": ("lien", "adresse", "site web", "site"),
        "kind": ("type", "nature", "type d'outil", "genre"),
        "maturity": ("maturité", "niveaux", "niveau"),
        "pillars": ("piliers",),
        "audience": ("public", "publics", "cibles"),
        "sdgs": ("odd", "objectifs", "sdg"),
        "publisher": ("éditeur", "auteur"),
    },
    "evaluations": {
        "id": ("identifiant",),
        "alliance": ("alliance évaluée",),
        "date": ("date de l'évaluation",),
        "scores": ("notes",),
        "summary": ("résumé", "synthèse"),
        "evaluator": ("évaluateur", "évaluatrice"),
    },
}

#: Words in a file name that tell its kind (`acteurs.csv`, `mes-outils.xlsx`).
FILE_WORDS: dict[str, tuple[str, ...]] = {
    "actors": ("actor", "acteur", "organisation", "structure"),
    "alliances": ("alliance",),
    "tools": ("tool", "outil"),
    "evaluations": ("evaluation",),
}

_HINT = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def header_key(header: str) -> str:
    """The comparable form of a header: folded, hints and punctuation dropped.

    `'Site Web *'` → `'site-web'`; `"Type d'acteur"` → `'type-d-acteur'`; `'siren (9 chiffres)'`
    → `'siren'`.
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(_HINT.sub(" ", header))).strip("-")


def _lookup(kind: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for column in COLUMNS[kind]:
        for name in (column, *OTHER_NAMES[kind].get(column, ())):
            table.setdefault(header_key(name), column)
    return table


LOOKUP: dict[str, dict[str, str]] = {kind: _lookup(kind) for kind in KINDS}


def column_for(kind: str, header: str) -> str | None:
    """The contract column a header names in a file of `kind`, or None."""
    key = header_key(header)
    table = LOOKUP[kind]
    if key in table:
        return table[key]
    variant = key[:-1] if key.endswith("s") else key + "s"
    return table.get(variant)


def names_of(kind: str, column: str) -> str:
    """`'name / nom'`: the English name and the French one, for messages."""
    french = OTHER_NAMES[kind].get(column, ())
    return f"{column} / {french[0]}" if french else column


def expected(kind: str) -> str:
    """Every column of `kind` with its French name, required ones starred, for messages."""
    return ", ".join(
        names_of(kind, c) + ("*" if required else "") for c, required in COLUMNS[kind].items()
    )


@dataclass(frozen=True)
class KindGuess:
    """The kind of a file and why (`name` or `header`), or None when it cannot be told."""

    kind: str | None
    by: str


def detect_kind(name: str, headers: list[str]) -> KindGuess:
    """The kind of a file from its name (`actors`, `acteurs`, a workbook's sheet name), without
    its suffix, or else from its header.

    When the name matches several kinds (`evaluations-alliances.csv`) or none, the header decides:
    the kind whose required columns are all there and that recognises the most columns wins
    (ties go to the earlier kind in `KINDS`).
    """
    stem = header_key(name)
    by_name = [k for k in KINDS if any(w in stem for w in FILE_WORDS[k])]
    if len(by_name) == 1:
        return KindGuess(by_name[0], "name")
    best, best_score = None, 0
    for kind in by_name or KINDS:
        found = {column_for(kind, h) for h in headers} - {None}
        if not all(c in found for c, required in COLUMNS[kind].items() if required):
            continue
        if len(found) > best_score:
            best, best_score = kind, len(found)
    return KindGuess(best, "header")
