"""Small valid CSV file sets for tests, written into a folder."""

from __future__ import annotations

import csv
from pathlib import Path

ACTORS = [
    {
        "id": "asso-nord",
        "name": "Les Jardins du Faubourg",
        "type": "association",
        "description": "Jardins partagés et insertion à Lille.",
        "territory": "commune:59350",
        "sdgs": "2;11.7",
        "offers": "benevolat;acces-publics",
        "needs": "financement",
        "resources": "subvention-publique:60;dons-particuliers:40",
        "maturity": "premier-pas",
        "website": "https://jardins.example",
        "siren": "",
        "rna": "W595000001",
        "email": "contact@jardins.example",
    },
    {
        "id": "ville-roubaix",
        "name": "Ville de Roubaix",
        "type": "Collectivité",
        "description": "",
        "territory": "commune:59512",
        "sdgs": "11",
        "offers": "financement",
        "needs": "",
        "resources": "",
        "maturity": "actif",
        "website": "",
        "siren": "",
        "rna": "",
        "email": "",
    },
    {
        "id": "fondation-x",
        "name": "Fondation Horizons",
        "type": "fondation",
        "description": "",
        "territory": "departement:59",
        "sdgs": "",
        "offers": "financement",
        "needs": "",
        "resources": "mecenat-financier",
        "maturity": "",
        "website": "",
        "siren": "732829320",
        "rna": "",
        "email": "",
    },
]
ALLIANCES = [
    {
        "id": "alliance-1",
        "title": "Alliance des jardins",
        "members": "asso-nord;ville-roubaix",
        "lead": "asso-nord",
        "description": "Des jardins pour tous.",
        "territory": "departement:59",
        "sdgs": "2.1;17.17",
        "resources": "subvention-publique:50;mecenat-financier:50",
        "start": "2023",
        "end": "2025-06",
        "status": "active",
        "tools": "guide-1",
    },
]
TOOLS = [
    {
        "id": "guide-1",
        "title": "Guide du premier partenariat",
        "description": "Pour débuter.",
        "url": "https://guide.example",
        "kind": "guide",
        "maturity": "sceptique;premier-pas",
        "pillars": "capitalisation",
        "audience": "association",
        "sdgs": "17.17",
        "publisher": "fondation-x",
    },
]
EVALUATIONS = [
    {
        "id": "eval-1",
        "alliance": "alliance-1",
        "date": "2024-06-30",
        "scores": "pertinence:4;impact:3",
        "summary": "Bonne dynamique.",
        "evaluator": "fondation-x",
    },
]

FILES = {
    "actors.csv": ACTORS,
    "alliances.csv": ALLIANCES,
    "tools.csv": TOOLS,
    "evaluations.csv": EVALUATIONS,
}


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    """Write rows (all with the same keys) as a CSV file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_set(folder: Path, **changes: list[dict[str, str]]) -> Path:
    """Write the valid file set into `folder`, replacing files given as keyword arguments."""
    for name, rows in FILES.items():
        write_csv(folder / name, changes.get(name.removesuffix(".csv"), rows))
    return folder
