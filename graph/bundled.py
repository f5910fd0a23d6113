"""The bundled datasets shipped in `data/`: the illustrative demo and the 56 CIS organisations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from data import CIS_DIR, DEMO_DIR
from ontology.namespaces import DCT

from .importer import Report, import_paths
from .store import Store

LICENCE_OUVERTE = URIRef("https://www.etalab.gouv.fr/licence-ouverte-open-licence")
MIT = URIRef("https://opensource.org/licenses/MIT")


@dataclass(frozen=True)
class Bundled:
    """A dataset shipped with the application."""

    source: str
    folder: Path
    title_fr: str
    title_en: str
    description_fr: str
    description_en: str
    licence: URIRef
    temporal: str

    def metadata(self) -> list[tuple[Node | None, Node, Node]]:
        """DCAT/DCT triples about the source graph (`None` stands for the graph)."""
        return [
            (None, DCT.title, Literal(self.title_fr, lang="fr")),
            (None, DCT.title, Literal(self.title_en, lang="en")),
            (None, DCT.description, Literal(self.description_fr, lang="fr")),
            (None, DCT.description, Literal(self.description_en, lang="en")),
            (None, DCT.license, self.licence),
            (None, DCT.temporal, Literal(self.temporal)),
        ]


BUNDLED = (
    Bundled(
        "demo",
        DEMO_DIR,
        "Jeu de démonstration Alliances",
        "Alliances demonstration dataset",
        "Acteurs, alliances, outils et évaluations FICTIFS, sur des territoires et des cibles ODD "
        "réels, pour explorer le service.",
        "FICTIONAL actors, alliances, tools and evaluations on real territories and SDG targets, "
        "to explore the service.",
        LICENCE_OUVERTE,
        "2026",
    ),
    Bundled(
        "cis-2019",
        CIS_DIR,
        "Membres du Carrefour des Innovations Sociales (2019)",
        "Members of the Carrefour des Innovations Sociales (2019)",
        "Les 56 organisations réelles d'accompagnement de l'innovation sociale membres du "
        "collectif CIS en 2019 ; types et compétences attribués par le projet Alliances.",
        "The 56 real social-innovation support organisations of the CIS collective in 2019; "
        "types and competences mapped by the Alliances project.",
        MIT,
        "2019",
    ),
)


def load_bundled(
    store: Store, base: str, progress: Callable[[str], None] | None = None
) -> list[Report]:
    """Import every bundled dataset present (idempotent); CIS first, as demo data may cite it."""
    reports = []
    for b in sorted(BUNDLED, key=lambda b: b.source != "cis-2019"):
        if not any(b.folder.glob("*.csv")):
            continue
        if progress:
            progress(f"données {b.source}")
        reports.append(
            import_paths(
                [b.folder],
                store,
                base,
                source=b.source,
                metadata=b.metadata(),  # type: ignore[arg-type]
                progress=progress,
            )
        )
    return reports
