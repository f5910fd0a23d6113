"""The bundled datasets shipped in `data/`: the fictional demo, the 56 CIS organisations (2019),
and the real open datasets mapped from `data/real/` by the mappings of `data/mappings/`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from data import CIS_DIR, DEMO_DIR, MAPPINGS_DIR
from ontology.namespaces import ALL, DCT, FOAF, XSD

from .importer import Report, import_paths
from .mapping.importing import import_mapped
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
    publisher: str
    publisher_iri: URIRef
    modified: str
    fictional: bool = False

    def metadata(self) -> list[tuple[Node | None, Node, Node]]:
        """DCAT/DCT triples about the source graph (`None` stands for the graph); a fictional
        dataset says so with `all:fictional true`."""
        publisher = self.publisher_iri
        meta: list[tuple[Node | None, Node, Node]] = [
            (None, DCT.title, Literal(self.title_fr, lang="fr")),
            (None, DCT.title, Literal(self.title_en, lang="en")),
            (None, DCT.description, Literal(self.description_fr, lang="fr")),
            (None, DCT.description, Literal(self.description_en, lang="en")),
            (None, DCT.license, self.licence),
            (None, DCT.temporal, Literal(self.temporal)),
            (None, DCT.modified, Literal(self.modified, datatype=XSD.date)),
            (None, DCT.publisher, publisher),
            (publisher, FOAF.name, Literal(self.publisher)),
        ]
        if self.fictional:
            meta.append((None, ALL.fictional, Literal(True)))
        return meta


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
        "Projet Alliances (données inventées)",
        URIRef("https://w3id.org/alliances/"),
        "2026-11-27",
        fictional=True,
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
        "Carrefour des Innovations Sociales (Etalab, Entrepreneurs d'intérêt général)",
        URIRef("https://github.com/entrepreneur-interet-general"),
        "2019-03-28",
    ),
)

#: The real open datasets, mapped at `init` in this order (a later one's duplicates are merged
#: into the actors of an earlier one): « Petites villes de demain », France services, the
#: digital-inclusion places of Charente (docs/model.md, « Real data »).
REAL_MAPPINGS = (
    MAPPINGS_DIR / "petites-villes-de-demain" / "petites-villes-de-demain.csv-metadata.json",
    MAPPINGS_DIR / "france-services" / "france-services.csv-metadata.json",
    MAPPINGS_DIR / "mediation-numerique" / "mediation-numerique.csv-metadata.json",
)


def load_bundled(
    store: Store,
    base: str,
    progress: Callable[[str], None] | None = None,
    *,
    demo: bool = True,
    real: bool = True,
) -> list[Report]:
    """Import the bundled datasets (idempotent): the CIS organisations, unless `demo` is false
    the fictional demo (which may cite CIS), then, unless `real` is false, the real datasets
    through their mappings."""
    reports = []
    for b in BUNDLED:
        if (b.fictional and not demo) or not any(b.folder.glob("*.csv")):
            continue
        reports.append(_load(store, base, b, progress))
    for mapping in REAL_MAPPINGS if real else ():
        if progress:
            progress(f"données réelles {mapping.parent.name}")
        # shipped and tested in full against the shapes (tests/test_realdata.py): no pyshacl here
        reports.append(import_mapped(mapping, None, store, base, progress=progress, shacl=False))
    return reports


def _load(store: Store, base: str, b: Bundled, progress: Callable[[str], None] | None) -> Report:
    if progress:
        progress(f"données {b.source}")
    return import_paths(
        [b.folder],
        store,
        base,
        source=b.source,
        metadata=b.metadata(),  # type: ignore[arg-type]
        progress=progress,
        resource_triples=_fictional if b.fictional else None,
    )


def _fictional(iri: URIRef) -> list[tuple[Node, Node, Node]]:
    """Each resource of a fictional dataset says so itself (kept in every export of it)."""
    return [(iri, ALL.fictional, Literal(True))]
