"""Namespace constants for every vocabulary the project uses.

No IRI is typed as a string anywhere else in the code: import it from here.
`tests/test_ontology.py` checks these classes against `alliances.ttl` and `schemes.ttl`.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    TIME,
    VANN,
    VOID,
    XSD,
    DefinedNamespace,
    Namespace,
)

__all__ = [
    "ACTOR_TYPE",
    "ADMS",
    "ALL",
    "ALLIANCE_STATUS",
    "COMPETENCE",
    "CRITERION",
    "DCAT",
    "DCT",
    "FOAF",
    "GN",
    "IGEO",
    "INSEE_GEO",
    "WGS84",
    "MATURITY",
    "ORG",
    "OWL",
    "PILLAR",
    "PROV",
    "RDF",
    "RDFS",
    "RESOURCE_TYPE",
    "ROLE",
    "SCHEMA",
    "SCHEMES",
    "SD",
    "SDG",
    "SDGO",
    "SH",
    "SKOS",
    "SYSTEM",
    "SYSTEM_GRAPH",
    "TIME",
    "TOOL_KIND",
    "VANN",
    "VOID",
    "XSD",
    "NS_BASE",
    "EPCI_NATURE",
    "EU_FILE_TYPE",
    "EU_THEME",
    "EU_COUNTRY",
    "FMT",
    "ENTAILMENT",
    "IANA_MEDIA",
    "SDG_KOS",
    "SPARQL11_PROTOCOL",
    "SPARQL11_QUERY",
    "GRAPHML_SPEC",
    "GEXF_SPEC",
    "concept",
    "scheme_codes",
    "scheme_iri",
    "PREFIXES",
]

NS_BASE = "https://w3id.org/alliances/ns"

DCT = DCTERMS
SCHEMA = SDO
ADMS = Namespace("http://www.w3.org/ns/adms#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SDG = Namespace("http://metadata.un.org/sdg/")
SDGO = Namespace("http://metadata.un.org/sdg/ontology#")
IGEO = Namespace("http://rdf.insee.fr/def/geo#")
INSEE_GEO = Namespace("http://id.insee.fr/geo/")
#: GeoNames ontology (`gn:population`, as the INSEE geographic ontology does for country codes).
GN = Namespace("http://www.geonames.org/ontology#")
#: W3C Basic Geo (WGS84) vocabulary: `geo:lat`, `geo:long` (rdflib's WGS namespace has https).
WGS84 = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
EU_FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
EU_THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
EU_COUNTRY = Namespace("http://publications.europa.eu/resource/authority/country/")
#: W3C unique IRIs of formats (SPARQL service descriptions, VoID).
FMT = Namespace("http://www.w3.org/ns/formats/")
#: Entailment regimes (SPARQL service descriptions).
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")
#: IANA media-type registry (DCAT `dcat:mediaType`).
IANA_MEDIA = Namespace("https://www.iana.org/assignments/media-types/")
#: The UN SDG KOS as a whole (its concept scheme and dataset IRI).
SDG_KOS = URIRef("http://metadata.un.org/sdg")
#: Specifications our services conform to (`dct:conformsTo`).
SPARQL11_PROTOCOL = URIRef("https://www.w3.org/TR/sparql11-protocol/")
SPARQL11_QUERY = URIRef("https://www.w3.org/TR/sparql11-query/")
GRAPHML_SPEC = URIRef("http://graphml.graphdrawing.org/")
GEXF_SPEC = URIRef("https://gexf.net/")

#: Graph holding the store's own bookkeeping (version counter).
SYSTEM_GRAPH = URIRef("urn:x-alliances:system")


class SYSTEM(DefinedNamespace):
    """Terms of the store's bookkeeping in `SYSTEM_GRAPH` (never published, never dumped)."""

    _fail = True
    _NS = Namespace(str(SYSTEM_GRAPH) + ":")

    #: system graph → a published graph
    published: URIRef
    #: graph → its source name
    source: URIRef
    #: graph → the write (lease token) filling it, until published
    filling: URIRef
    #: system graph → token of the writer holding the write lease (remote stores)
    lease: URIRef
    #: system graph → end of that lease (seconds since the epoch, renewed while writing)
    leaseUntil: URIRef


class ALL(DefinedNamespace):
    """The Alliances ontology (`ontology/alliances.ttl`)."""

    _fail = True
    _NS = Namespace(NS_BASE + "#")

    # classes
    Alliance: URIRef
    Tool: URIRef
    Evaluation: URIRef
    ResourceShare: URIRef
    # object properties
    offers: URIRef
    needs: URIRef
    resourceShare: URIRef
    resourceType: URIRef
    maturity: URIRef
    pillar: URIRef
    status: URIRef
    usesTool: URIRef
    criterion: URIRef
    # datatype properties
    shareOfBudget: URIRef
    sha256: URIRef
    version: URIRef
    fictional: URIRef
    # CSVW extensions of the mapping language (graph/mapping/)
    rules: URIRef
    placeFrom: URIRef


def _scheme(name: str, codes: list[str]) -> type[DefinedNamespace]:
    ns = Namespace(f"{NS_BASE}/{name}/")
    return type(
        name.upper().replace("-", "_"),
        (DefinedNamespace,),
        {"_NS": ns, "_fail": True, "_extras": codes, "__annotations__": {}},
    )


ACTOR_TYPE = _scheme(
    "actor-type",
    [
        "association",
        "entreprise",
        "cooperative",
        "collectivite",
        "etat",
        "fondation",
        "recherche",
        "collectif",
    ],
)
COMPETENCE = _scheme(
    "competence",
    [
        "financement",
        "mecenat-competences",
        "benevolat",
        "expertise-technique",
        "expertise-juridique",
        "ingenierie-projet",
        "evaluation-impact",
        "ancrage-territorial",
        "acces-publics",
        "legitimite-institutionnelle",
        "locaux-logistique",
        "communication",
        "formation",
        "recherche-innovation",
        "donnees-numerique",
        "mise-en-reseau",
    ],
)
RESOURCE_TYPE = _scheme(
    "resource-type",
    [
        "subvention-publique",
        "commande-publique",
        "mecenat-financier",
        "mecenat-competences",
        "dons-particuliers",
        "cotisations",
        "recettes-activite",
        "investissement-impact",
        "financement-participatif",
        "benevolat-valorise",
        "fonds-europeens",
    ],
)
MATURITY = _scheme("maturity", ["sceptique", "premier-pas", "actif", "pionnier"])
PILLAR = _scheme(
    "pillar", ["capitalisation", "evaluation", "modelisation-economique", "faire-valoir"]
)
TOOL_KIND = _scheme(
    "tool-kind",
    ["guide", "kit", "formation", "plateforme", "etude", "methode", "evaluation", "annuaire"],
)
ALLIANCE_STATUS = _scheme("alliance-status", ["emergence", "active", "completed"])
ROLE = _scheme("role", ["chef-de-file", "membre"])
CRITERION = _scheme(
    "criterion",
    ["pertinence", "coherence", "efficacite", "efficience", "impact", "perennite"],
)
#: Kinds of intercommunality (DGCL codes lower-cased: `cc`, `ca`, `cu`, `metro`, `met69`, `ept`).
EPCI_NATURE = _scheme("epci-nature", ["cc", "ca", "cu", "metro", "met69", "ept"])

#: Every controlled list: scheme name -> namespace class. The scheme IRI is `NS_BASE/name`.
SCHEMES: dict[str, type[DefinedNamespace]] = {
    "actor-type": ACTOR_TYPE,
    "competence": COMPETENCE,
    "resource-type": RESOURCE_TYPE,
    "maturity": MATURITY,
    "pillar": PILLAR,
    "tool-kind": TOOL_KIND,
    "alliance-status": ALLIANCE_STATUS,
    "role": ROLE,
    "criterion": CRITERION,
    "epci-nature": EPCI_NATURE,
}


def scheme_iri(name: str) -> URIRef:
    """IRI of the concept scheme `name` (for example `actor-type`)."""
    if name not in SCHEMES:
        raise KeyError(name)
    return URIRef(f"{NS_BASE}/{name}")


def scheme_codes(name: str) -> list[str]:
    """The codes of scheme `name`, in their canonical order."""
    return list(SCHEMES[name]._extras)


def concept(name: str, code: str) -> URIRef:
    """IRI of concept `code` in scheme `name`; raises KeyError for an unknown code."""
    return SCHEMES[name][code]


#: Prefixes used in serialisations and in the SPARQL editor.
PREFIXES: dict[str, str] = {
    "all": NS_BASE + "#",
    "org": str(ORG),
    "schema": str(SDO),
    "skos": str(SKOS),
    "dct": str(DCTERMS),
    "dcat": str(DCAT),
    "prov": str(PROV),
    "foaf": str(FOAF),
    "adms": str(ADMS),
    "sdg": str(SDG),
    "sdgo": str(SDGO),
    "igeo": str(IGEO),
    "gn": str(GN),
    "geo": str(WGS84),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}
