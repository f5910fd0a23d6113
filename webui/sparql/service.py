"""The SPARQL 1.1 Service Description of the endpoint (https://www.w3.org/TR/sparql11-service-description/)."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef

from graph.store import Store
from ontology.namespaces import DCT, ENTAILMENT, PREFIXES, RDF, SD, VOID

from .mediatypes import GRAPHS, RESULTS


def service_description(store: Store, endpoint: URIRef, *, limits: dict[str, object]) -> Graph:
    """The `sd:Service` of `endpoint`: language, formats, features and the default dataset."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("sd", SD)
    g.bind("void", VOID)
    g.add((endpoint, RDF.type, SD.Service))
    g.add((endpoint, SD.endpoint, endpoint))
    g.add((endpoint, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((endpoint, SD.feature, SD.UnionDefaultGraph))
    g.add((endpoint, SD.defaultEntailmentRegime, ENTAILMENT.Simple))
    g.add((endpoint, DCT.title, Literal("Point d'accès SPARQL d'Alliances", lang="fr")))
    g.add((endpoint, DCT.title, Literal("Alliances SPARQL endpoint", lang="en")))
    g.add(
        (
            endpoint,
            DCT.description,
            Literal(
                "Lecture seule. Pas de SERVICE (requêtes fédérées). Le graphe par défaut est "
                "l'union des graphes nommés publiés. Limites : "
                + ", ".join(f"{k} = {v}" for k, v in limits.items()),
                lang="fr",
            ),
        )
    )
    g.add(
        (
            endpoint,
            DCT.description,
            Literal(
                "Read-only. No SERVICE (federated queries). The default graph is the union of the "
                "published named graphs. Limits: "
                + ", ".join(f"{k} = {v}" for k, v in limits.items()),
                lang="en",
            ),
        )
    )
    for m in (*RESULTS, *GRAPHS):
        g.add((endpoint, SD.resultFormat, URIRef(m.w3c)))
    dataset = BNode("dataset")
    default = BNode("default-graph")
    g.add((endpoint, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    for i, info in enumerate(store.graphs()):
        named = BNode(f"named-graph-{i}")
        inner = BNode(f"graph-{i}")
        g.add((dataset, SD.namedGraph, named))
        g.add((named, RDF.type, SD.NamedGraph))
        g.add((named, SD.name, info.iri))
        g.add((named, SD.graph, inner))
        g.add((inner, RDF.type, SD.Graph))
        g.add((inner, DCT.identifier, Literal(info.source)))
    return g
