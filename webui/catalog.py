"""The DCAT-AP 3 catalogue at `/catalog` and the VoID description at `/.well-known/void`.

Datasets: the whole graph (every dump, the network exports and the SPARQL service), then one per
published source: the bundled demo, the CIS 2019 organisations, each import, and the vocabularies
(our ontology and schemes, the UN SDG KOS with its required citation, the INSEE COG). Every
external IRI used as a theme, place, format, media type, licence or standard is typed in the
graph, as the DCAT-AP range shapes require. `tests/test_catalog.py` validates it with pyshacl.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Flask, Response, current_app, render_template, request, url_for
from rdflib import Graph, Literal, URIRef

from graph.bundled import LICENCE_OUVERTE, MIT
from graph.queries.catalog import SourceFacts, source_facts
from graph.queries.publishing import class_counts, distinct_count, last_modified
from graph.queries.sources import LICENCE_NAMES, SourceInfo, origins, sources
from graph.store import source_iri
from ontology.namespaces import (
    ALL,
    DCAT,
    DCT,
    EU_COUNTRY,
    EU_FILE_TYPE,
    EU_THEME,
    FMT,
    FOAF,
    IANA_MEDIA,
    NS_BASE,
    ORG,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SDG_KOS,
    SKOS,
    SPARQL11_PROTOCOL,
    VOID,
    XSD,
)

from .app_context import get_instance
from .dumps import DUMP_FORMATS, SOURCE_FORMATS, eu_file_type
from .pages import current_lang
from .rdfdoc import finish, negotiate_graph, not_modified, rdf_response, serialize_graph
from .sparql.mediatypes import BY_EXTENSION

bp = Blueprint("catalog", __name__)

UN_SDG_CITATION = (
    "The SDG Knowledge Organization System, accessible at http://metadata.un.org/sdg, is made "
    "available free of charge and may be copied freely, duplicated and further distributed with "
    "the following citation: Amit Joshi, Luis Gonzalez Morales, Szymon Klarman, and Aaron "
    "Helton. 2019. A Knowledge Organization System for the United Nations Sustainable "
    "Development Goals. New York, NY. http://metadata.un.org/sdg"
)

THEMES = {
    "SOCI": ("Population et société", "Population and society"),
    "REGI": ("Régions et villes", "Regions and cities"),
    "GOVE": ("Gouvernement et secteur public", "Government and public sector"),
    "ECON": ("Économie et finances", "Economy and finance"),
}


#: CC BY 4.0, as data.gouv.fr's licence list (`cc-by`) and SPDX know it.
CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")
#: The territories graph mixes data under Licence Ouverte 2.0 (INSEE's COG, DGCL's EPCI lists,
#: La Poste's postal codes, via Etalab's decoupage-administratif) with GeoNames' commune centres
#: under CC BY 4.0 (data/SOURCES.md). Licence Ouverte 2.0 allows reuse under CC BY (Etalab: the
#: two are compatible), so the whole is published under CC BY 4.0 with both attributions.
#: Licence IRIs by `VocabMeta.licence` key (the UN's SDG KOS has a citation, no licence IRI).
LICENCE_IRIS = {"lo": LICENCE_OUVERTE, "mit": MIT, "cc-by": CC_BY}
TERRITORIES_ATTRIBUTION = (
    "Territoires : INSEE, Code officiel géographique, et DGCL / La Poste via le paquet "
    "decoupage-administratif d'Etalab (Licence Ouverte 2.0) ; centres des communes : GeoNames, "
    "https://www.geonames.org/ (CC BY 4.0)."
)


@dataclass(frozen=True)
class VocabMeta:
    """Catalogue metadata of a vocabulary source, which carries none in the store."""

    title_fr: str
    title_en: str
    description_fr: str
    description_en: str
    publisher: str  # key of AGENTS
    licence: str  # "lo", "mit", "cc-by" or "un-sdg" (`CatalogBuilder.licence`)
    themes: tuple[str, ...]
    rights: str = ""
    rights_lang: str = "en"


AGENTS = {
    "alliances": "Projet Alliances",
    "un": "Division de statistique des Nations unies (UNSD) / United Nations Statistics Division",
    "insee": "Institut national de la statistique et des études économiques (INSEE)",
    "cis": "Carrefour des Innovations Sociales (Entrepreneurs d'Intérêt Général, Etalab)",
    "gip-inclusion": "GIP Plateforme de l'inclusion (data·inclusion)",
}

VOCABULARIES = {
    "vocabulary-ontology": VocabMeta(
        "Ontologie et listes contrôlées Alliances",
        "Alliances ontology and controlled lists",
        "L'ontologie OWL des alliances territoriales et ses schémas de concepts SKOS (types "
        "d'acteurs, compétences, ressources, maturité, piliers…).",
        "The OWL ontology of territorial alliances and its SKOS concept schemes (actor types, "
        "competences, resources, maturity, pillars…).",
        "alliances",
        "lo",
        ("GOVE", "SOCI"),
    ),
    "vocabulary-sdg": VocabMeta(
        "Objectifs de développement durable (référentiel SKOS des Nations unies)",
        "Sustainable Development Goals (UN SKOS KOS)",
        "Les 17 objectifs, 169 cibles et indicateurs des ODD en SKOS (édition 2019/2020), avec "
        "les noms courts français d'open-sdg.",
        "The 17 goals, 169 targets and indicators of the SDGs in SKOS (2019/2020 edition), with "
        "open-sdg's short French names.",
        "un",
        "un-sdg",
        ("SOCI", "GOVE"),
        UN_SDG_CITATION,
    ),
    "vocabulary-territories": VocabMeta(
        "Code officiel géographique (INSEE, COG 2026)",
        "Official geographic code (INSEE, COG 2026)",
        "Régions, départements, intercommunalités (EPCI, EPT) et communes de France avec leur "
        "chaîne commune → intercommunalité → département → région, codes postaux, populations "
        "et centres, d'après le COG de l'INSEE et les listes de la DGCL (découpage administratif "
        "d'Etalab) ; centres des communes : GeoNames (CC-BY 4.0).",
        "French régions, départements, intercommunalities (EPCI, EPT) and communes with their "
        "commune → intercommunality → département → région chain, postal codes, populations "
        "and centres, from INSEE's COG and the DGCL lists (Etalab's decoupage-administratif); "
        "commune centres: GeoNames (CC-BY 4.0).",
        "insee",
        "cc-by",
        ("REGI", "GOVE"),
        TERRITORIES_ATTRIBUTION,
        "fr",
    ),
    "vocabulary-data-inclusion": VocabMeta(
        "Référentiels de l'inclusion (data·inclusion) et correspondances SKOS",
        "French inclusion code lists (data·inclusion) and SKOS mappings",
        "Les typologies de structures, thématiques et labels nationaux de data·inclusion (GIP "
        "Plateforme de l'inclusion, licence MIT) en SKOS, les services de médiation numérique, "
        "et leurs correspondances SKOS vers les types d'acteurs et compétences d'Alliances.",
        "The structure types, themes and national labels of data·inclusion (GIP Plateforme de "
        "l'inclusion, MIT licence) in SKOS, the digital-inclusion services, and their SKOS "
        "mappings onto Alliances' actor types and competences.",
        "gip-inclusion",
        "mit",
        ("SOCI", "GOVE"),
    ),
}
SOURCE_PUBLISHER = {"cis-2019": "cis"}


def public_root() -> str:
    """Base URL for links in the catalogue: PUBLIC_URL, else the request's host."""
    public = str(current_app.config.get("PUBLIC_URL") or "").rstrip("/")
    return public or request.url_root.rstrip("/")


def _url(endpoint: str, **values: object) -> URIRef:
    return URIRef(public_root() + url_for(endpoint, **values))


class CatalogBuilder:
    """Builds the DCAT-AP graph of the instance."""

    def __init__(self) -> None:
        self.inst = get_instance()
        self.base = self.inst.base
        self.g = Graph()
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns)
        self.catalog = URIRef(self.base + "catalog")
        self.service = URIRef(self.base + "catalog#sparql")

    def agent(self, key: str) -> URIRef:
        """A publisher, typed foaf:Agent with its name."""
        iri = URIRef(f"{self.base}catalog#agent-{key}")
        self.g.add((iri, RDF.type, FOAF.Agent))
        self.g.set((iri, FOAF.name, Literal(AGENTS[key])))
        return iri

    def licence(self, key: str) -> URIRef:
        """A licence document (typed, labelled)."""
        if key == "lo":
            iri, label = LICENCE_OUVERTE, "Licence Ouverte / Open Licence 2.0 (Etalab)"
        elif key == "mit":
            iri, label = MIT, "MIT License"
        elif key == "cc-by":
            iri, label = CC_BY, "Creative Commons Attribution 4.0 International (CC BY 4.0)"
        else:
            iri, label = URIRef(f"{self.base}catalog#licence-un-sdg-kos"), UN_SDG_CITATION
        self.g.add((iri, RDF.type, DCT.LicenseDocument))
        self.g.set((iri, RDFS.label, Literal(label)))
        return iri

    def licence_document(self, iri: URIRef) -> URIRef:
        """Any licence IRI, typed and labelled (`graph.queries.sources.LICENCE_NAMES`)."""
        if iri == LICENCE_OUVERTE:
            return self.licence("lo")
        if iri == MIT:
            return self.licence("mit")
        names = LICENCE_NAMES.get(str(iri))
        self.g.add((iri, RDF.type, DCT.LicenseDocument))
        self.g.set((iri, RDFS.label, Literal(names[1] if names else str(iri))))
        return iri

    def origin(self, ds: URIRef, info: SourceInfo | None) -> None:
        """What the provenance of a source says about its origin: its publisher (an agent
        with its own IRI and name), the attribution it requires (`dct:rights`), the date of
        its data (`dct:issued`), where it comes from (`dct:source`), and `all:fictional`."""
        if info is None:
            return
        g = self.g
        if info.publisher_iri is not None:
            g.add((info.publisher_iri, RDF.type, FOAF.Agent))
            name = info.publisher or str(info.publisher_iri)
            g.set((info.publisher_iri, FOAF.name, Literal(name)))
            g.add((ds, DCT.publisher, info.publisher_iri))
        if info.rights:
            rights = URIRef(f"{ds}#rights")
            g.add((ds, DCT.rights, rights))
            g.add((rights, RDF.type, DCT.RightsStatement))
            g.add((rights, RDFS.label, Literal(info.rights, lang="fr")))
        if info.modified is not None:
            g.add((ds, DCT.issued, Literal(info.modified.isoformat(), datatype=XSD.date)))
        for origin in origins(self.inst.store, info.graph):
            g.add((ds, DCT.source, origin))
        if info.fictional:
            g.add((ds, ALL.fictional, Literal(True)))

    def theme(self, code: str) -> URIRef:
        """An EU data theme, typed skos:Concept with its labels and scheme."""
        iri = EU_THEME[code]
        scheme = URIRef(str(EU_THEME).rstrip("/"))
        self.g.add((iri, RDF.type, SKOS.Concept))
        self.g.add((iri, SKOS.inScheme, scheme))
        self.g.add((iri, SKOS.prefLabel, Literal(THEMES[code][0], lang="fr")))
        self.g.add((iri, SKOS.prefLabel, Literal(THEMES[code][1], lang="en")))
        self.g.add((scheme, RDF.type, SKOS.ConceptScheme))
        self.g.set((scheme, DCT.title, Literal("Data theme", lang="en")))
        return iri

    def location(self, iri: URIRef) -> URIRef:
        """A place, typed dct:Location."""
        self.g.add((iri, RDF.type, DCT.Location))
        return iri

    def media(self, mime: str) -> URIRef:
        """An IANA media type, typed dct:MediaType."""
        iri = IANA_MEDIA[mime]
        self.g.add((iri, RDF.type, DCT.MediaType))
        return iri

    def texts(self, subject: URIRef, title: dict[str, str], description: dict[str, str]) -> None:
        """dct:title and dct:description in each language."""
        for lang, text in title.items():
            self.g.add((subject, DCT.title, Literal(text, lang=lang or None)))
        for lang, text in description.items():
            self.g.add((subject, DCT.description, Literal(text, lang=lang or None)))

    def distribution(
        self,
        dataset: URIRef,
        key: str,
        url: URIRef,
        *,
        mime: str,
        eu: URIRef,
        title: str,
        licence: URIRef,
        gzip: bool = False,
    ) -> None:
        """A downloadable distribution of `dataset`."""
        dist = URIRef(f"{dataset}#distribution-{key}")
        g = self.g
        g.add((dataset, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCT.title, Literal(title)))
        g.add((dist, DCAT.accessURL, url))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCAT.mediaType, self.media(mime)))
        g.add((dist, DCT.format, eu))
        g.add((eu, RDF.type, DCT.MediaTypeOrExtent))
        g.add((dist, DCT.license, licence))
        if gzip:
            g.add((dist, DCAT.compressFormat, self.media("application/gzip")))

    def sparql_distribution(self, dataset: URIRef, licence: URIRef) -> None:
        """The SPARQL endpoint as a distribution (dcat:accessService) of `dataset`."""
        dist = URIRef(f"{dataset}#distribution-sparql")
        self.g.add((dataset, DCAT.distribution, dist))
        self.g.add((dist, RDF.type, DCAT.Distribution))
        self.g.add((dist, DCT.title, Literal("SPARQL 1.1")))
        self.g.add((dist, DCAT.accessURL, _url("sparql.sparql")))
        self.g.add((dist, DCAT.accessService, self.service))
        self.g.add((dist, DCT.license, licence))

    def period(self, subject: URIRef, start: Literal | None, end: Literal | None) -> None:
        """dct:temporal as a dct:PeriodOfTime."""
        if start is None:
            return
        node = URIRef(f"{subject}#period")
        self.g.add((subject, DCT.temporal, node))
        self.g.add((node, RDF.type, DCT.PeriodOfTime))
        self.g.add((node, DCAT.startDate, start))
        if end is not None:
            self.g.add((node, DCAT.endDate, end))

    # -- the parts ------------------------------------------------------------------------
    def build(self) -> Graph:
        """The whole catalogue."""
        g = self.g
        cat = self.catalog
        publisher = self.agent("alliances")
        lo = self.licence("lo")
        g.add((cat, RDF.type, DCAT.Catalog))
        self.texts(
            cat,
            {"fr": "Catalogue des données Alliances", "en": "Alliances data catalogue"},
            {
                "fr": "Les jeux de données du graphe de connaissances des alliances "
                "territoriales pour les ODD : téléchargements, point d'accès SPARQL "
                "et vocabulaires.",
                "en": "The datasets of the knowledge graph of territorial alliances for the "
                "SDGs: downloads, SPARQL endpoint and vocabularies.",
            },
        )
        g.add((cat, DCT.publisher, publisher))
        g.add((cat, DCT.license, lo))
        g.add((cat, DCT.spatial, self.location(EU_COUNTRY.FRA)))
        g.add((cat, FOAF.homepage, URIRef(public_root() + "/")))
        g.add((URIRef(public_root() + "/"), RDF.type, FOAF.Document))
        g.add((cat, DCAT.themeTaxonomy, URIRef(str(EU_THEME).rstrip("/"))))
        modified = last_modified(self.inst.store)
        if modified is not None:
            g.add((cat, DCT.modified, Literal(modified.isoformat(), datatype=XSD.dateTime)))
        facts = source_facts(self.inst.store)
        datasets = [self.whole_graph(facts, publisher, lo)]
        datasets += [self.source_dataset(f) for f in facts]
        for d in datasets:
            g.add((cat, DCAT.dataset, d))
        self.data_service(datasets, publisher, lo)
        g.add((cat, DCAT.service, self.service))
        return g

    def whole_graph(self, facts: list[SourceFacts], publisher: URIRef, lo: URIRef) -> URIRef:
        """The union of every source: dumps, network exports, SPARQL."""
        g = self.g
        ds = URIRef(self.base + "dataset")
        g.add((ds, RDF.type, DCAT.Dataset))
        g.add((ds, DCT.identifier, Literal("alliances")))
        self.texts(
            ds,
            {
                "fr": "Graphe de connaissances Alliances (complet)",
                "en": "Alliances knowledge graph (complete)",
            },
            {
                "fr": "Toutes les sources réunies : acteurs, alliances, outils, évaluations, "
                "ODD et territoires. Chaque source garde sa licence (voir les jeux de "
                "données du catalogue) ; les données propres au projet sont sous "
                "Licence Ouverte 2.0.",
                "en": "Every source together: actors, alliances, tools, evaluations, SDGs "
                "and territories. Each source keeps its own licence (see the datasets "
                "of this catalogue); the project's own data is under Licence Ouverte "
                "2.0.",
            },
        )
        g.add((ds, DCT.publisher, publisher))
        g.add((ds, DCT.license, lo))
        g.add((ds, DCT.spatial, self.location(EU_COUNTRY.FRA)))
        for code in ("SOCI", "REGI", "GOVE"):
            g.add((ds, DCAT.theme, self.theme(code)))
        for kw in (
            "alliances territoriales",
            "ODD",
            "économie sociale et solidaire",
            "partenariats",
            "SDG",
        ):
            g.add((ds, DCAT.keyword, Literal(kw, lang="fr" if kw != "SDG" else "en")))
        for f in DUMP_FORMATS:
            self.distribution(
                ds,
                f.suffix.replace(".", "-"),
                _url("dumps.dump", suffix=f.suffix),
                mime=f.mime,
                eu=eu_file_type(f),
                title=f.label,
                licence=lo,
                gzip=f.gzip,
            )
        for name, mime, eu, title in NETWORK_FILES:
            self.distribution(
                ds,
                "network-" + name.replace(".", "-"),
                _url("network_export.export", name=name),
                mime=mime,
                eu=EU_FILE_TYPE[eu],
                title=title,
                licence=lo,
            )
        self.sparql_distribution(ds, lo)
        starts = [f.start for f in facts if f.start is not None]
        ends = [f.end for f in facts if f.end is not None]
        self.period(
            ds, min(starts, key=str) if starts else None, max(ends, key=str) if ends else None
        )
        return ds

    def source_dataset(self, f: SourceFacts) -> URIRef:
        """One source graph as a dataset."""
        g = self.g
        ds = source_iri(self.base, f.source)
        meta = VOCABULARIES.get(f.source)
        g.add((ds, RDF.type, DCAT.Dataset))
        g.add((ds, DCT.identifier, Literal(f.source)))
        if meta is not None:
            self.texts(
                ds,
                {"fr": meta.title_fr, "en": meta.title_en},
                {"fr": meta.description_fr, "en": meta.description_en},
            )
            publisher, licence, themes = meta.publisher, self.licence(meta.licence), meta.themes
            if meta.rights:
                rights = URIRef(f"{ds}#rights")
                g.add((ds, DCT.rights, rights))
                g.add((rights, RDF.type, DCT.RightsStatement))
                text = Literal(meta.rights, lang=meta.rights_lang)
                g.add((rights, RDFS.label, text))
                g.add((ds, DCT.bibliographicCitation, text))
        else:
            titles = f.titles or {"fr": f"Import « {f.source} »", "en": f"Import “{f.source}”"}
            descriptions = f.descriptions or {
                "fr": f"Données importées dans Alliances (source « {f.source} »).",
                "en": f"Data imported into Alliances (source “{f.source}”).",
            }
            self.texts(ds, titles, descriptions)
            publisher = SOURCE_PUBLISHER.get(f.source, "alliances")
            licence = f.licence or LICENCE_OUVERTE
            self.licence_document(licence)
            themes = ("SOCI", "REGI", "ECON")
            self.origin(ds, sources(self.inst.store).get(f.graph))
        if ds not in set(g.subjects(DCT.publisher, None)):
            g.add((ds, DCT.publisher, self.agent(publisher)))
        g.add((ds, DCT.license, licence))
        for code in themes:
            g.add((ds, DCAT.theme, self.theme(code)))
        g.add((ds, DCT.spatial, self.location(EU_COUNTRY.FRA)))
        for region in f.regions:
            g.add((ds, DCT.spatial, self.location(region)))
        if f.source == "vocabulary-sdg":
            g.add((ds, DCT.source, SDG_KOS))
            g.add((SDG_KOS, RDF.type, DCAT.Dataset))
            self.texts(
                SDG_KOS, {"en": "SDG Knowledge Organization System (UN)"}, {"en": UN_SDG_CITATION}
            )
        self.period(ds, f.start, f.end)
        if f.generated is not None:
            g.add((ds, DCT.modified, Literal(f.generated.isoformat(), datatype=XSD.dateTime)))
        for fmt in SOURCE_FORMATS:
            self.distribution(
                ds,
                fmt.suffix.replace(".", "-"),
                _url("dumps.source_dump", source=f.source, suffix=fmt.suffix),
                mime=fmt.mime,
                eu=eu_file_type(fmt),
                title=fmt.label,
                licence=licence,
                gzip=fmt.gzip,
            )
        self.sparql_distribution(ds, licence)
        return ds

    def data_service(self, datasets: list[URIRef], publisher: URIRef, lo: URIRef) -> None:
        """The SPARQL endpoint as a dcat:DataService."""
        g, s = self.g, self.service
        g.add((s, RDF.type, DCAT.DataService))
        self.texts(
            s,
            {"fr": "Point d'accès SPARQL Alliances", "en": "Alliances SPARQL endpoint"},
            {
                "fr": "SPARQL 1.1 Protocol en lecture seule sur le graphe complet.",
                "en": "Read-only SPARQL 1.1 Protocol over the whole graph.",
            },
        )
        endpoint = _url("sparql.sparql")
        g.add((s, DCAT.endpointURL, endpoint))
        g.add((s, DCAT.endpointDescription, endpoint))
        g.add((s, DCT.conformsTo, SPARQL11_PROTOCOL))
        g.add((SPARQL11_PROTOCOL, RDF.type, DCT.Standard))
        g.add((s, DCT.publisher, publisher))
        g.add((s, DCT.license, lo))
        for d in datasets:
            g.add((s, DCAT.servesDataset, d))


NETWORK_FILES = (
    ("bipartite.graphml", "application/graphml+xml", "XML", "GraphML: acteurs–alliances"),
    ("bipartite.gexf", "application/gexf+xml", "XML", "GEXF: acteurs–alliances"),
    ("bipartite-nodes.csv", "text/csv", "CSV", "CSV: nœuds acteurs et alliances"),
    ("bipartite-edges.csv", "text/csv", "CSV", "CSV: arêtes acteur–alliance"),
    ("actors.graphml", "application/graphml+xml", "XML", "GraphML: réseau acteur–acteur"),
    ("actors.gexf", "application/gexf+xml", "XML", "GEXF: réseau acteur–acteur"),
    ("actors-nodes.csv", "text/csv", "CSV", "CSV: nœuds acteurs"),
    ("actors-edges.csv", "text/csv", "CSV", "CSV: arêtes acteur–acteur (alliances partagées)"),
)


def build_catalog() -> Graph:
    """The DCAT-AP 3 catalogue graph of the current instance."""
    return CatalogBuilder().build()


@bp.route("/catalog")
def catalog_page() -> Response | str:
    """The catalogue, content-negotiated: HTML for browsers, RDF otherwise."""
    media = negotiate_graph(request.args.get("format"))
    if media is None:
        g = build_catalog()
        return render_template(
            "catalog.html",
            g=g,
            catalog=URIRef(get_instance().base + "catalog"),
            DCAT=DCAT,
            DCT=DCT,
            lang=current_lang(),
            formats=BY_EXTENSION.values(),
        )
    return _rdf("catalog", media)


@bp.route("/catalog.<any(ttl, jsonld, rdf, nt):ext>", endpoint="catalog_document")
def catalog_document(ext: str) -> Response:
    """The catalogue in one RDF format."""
    return _rdf("catalog", BY_EXTENSION[ext])


def _rdf(name: str, media) -> Response:  # type: ignore[no-untyped-def]
    tag = f"{name}.{media.key}.{public_root()}"
    cached = not_modified(tag)
    if cached is not None:
        return cached
    g = build_catalog() if name == "catalog" else build_void()
    return rdf_response(serialize_graph(g, media), media, tag)


# -- VoID ----------------------------------------------------------------------------------------
def build_void() -> Graph:
    """The VoID description of the whole graph and of each source."""
    inst = get_instance()
    store = inst.store
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("void", VOID)
    ds = URIRef(inst.base + "dataset")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, DCT.title, Literal("Graphe de connaissances Alliances", lang="fr")))
    g.add((ds, DCT.title, Literal("Alliances knowledge graph", lang="en")))
    g.add((ds, DCT.license, LICENCE_OUVERTE))
    g.add((ds, VOID.sparqlEndpoint, _url("sparql.sparql")))
    g.add((ds, VOID.uriSpace, Literal(inst.base)))
    g.add((ds, VOID.rootResource, URIRef(inst.base + "catalog")))
    for f in DUMP_FORMATS:
        g.add((ds, VOID.dataDump, _url("dumps.dump", suffix=f.suffix)))
    for fmt in (FMT.Turtle, FMT["N-Triples"], FMT.JSON_LD, FMT["N-Quads"]):
        g.add((ds, VOID.feature, fmt))
    for ns in (NS_BASE + "#", str(ORG), str(SCHEMA), str(SKOS), str(DCT), str(PROV), str(FOAF)):
        g.add((ds, VOID.vocabulary, URIRef(ns)))
    for what, prop in (
        ("triples", VOID.triples),
        ("subjects", VOID.distinctSubjects),
        ("properties", VOID.properties),
        ("objects", VOID.distinctObjects),
    ):
        g.add((ds, prop, Literal(distinct_count(store, what))))
    for i, (cls, n) in enumerate(class_counts(store)[:50]):
        part = URIRef(f"{ds}#class-{i}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(n)))
    for f in source_facts(store):
        sub = source_iri(inst.base, f.source)
        g.add((ds, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, DCT.identifier, Literal(f.source)))
        g.add((sub, VOID.triples, Literal(f.triples)))
        g.add((sub, VOID.distinctSubjects, Literal(f.subjects)))
        g.add((sub, SCHEMA.url, f.graph))
        for fmt in SOURCE_FORMATS:
            g.add(
                (sub, VOID.dataDump, _url("dumps.source_dump", source=f.source, suffix=fmt.suffix))
            )
    return g


@bp.route("/.well-known/void")
def void() -> Response:
    """VoID (Turtle by default; other RDF formats by content negotiation)."""
    media = negotiate_graph(request.args.get("format"), html=False)
    assert media is not None
    return _rdf("void", media)


@bp.after_request
def _cors(resp: Response) -> Response:
    return finish(resp) if "Access-Control-Allow-Origin" not in resp.headers else resp


def init_app(app: Flask) -> None:
    """Register the catalogue and VoID routes."""
    app.register_blueprint(bp)
