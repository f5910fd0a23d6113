"""The vocabulary files: ontology, SKOS concept schemes and SHACL shapes (`ontology/*.ttl`).

They are checked against `ontology.namespaces`, and the shapes against a small graph built as
docs/model.md says, then against broken variants of it, one per kind of mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from ontology import ONTOLOGY_TTL, SCHEMES_TTL, SHAPES_TTL
from ontology.namespaces import (
    ADMS,
    ALL,
    DCT,
    FOAF,
    INSEE_GEO,
    NS_BASE,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SCHEMES,
    SDG,
    SH,
    SKOS,
    VANN,
    XSD,
    concept,
    scheme_codes,
    scheme_iri,
)

ONTOLOGY_IRI = URIRef(NS_BASE)
LANGS = {"fr", "en"}

#: Every term of ALL and the OWL kind it must be declared with in alliances.ttl.
TERM_KINDS = [
    ("Alliance", OWL.Class),
    ("Tool", OWL.Class),
    ("Evaluation", OWL.Class),
    ("ResourceShare", OWL.Class),
    ("offers", OWL.ObjectProperty),
    ("needs", OWL.ObjectProperty),
    ("resourceShare", OWL.ObjectProperty),
    ("resourceType", OWL.ObjectProperty),
    ("maturity", OWL.ObjectProperty),
    ("pillar", OWL.ObjectProperty),
    ("status", OWL.ObjectProperty),
    ("usesTool", OWL.ObjectProperty),
    ("criterion", OWL.ObjectProperty),
    ("shareOfBudget", OWL.DatatypeProperty),
    ("sha256", OWL.DatatypeProperty),
    ("version", OWL.DatatypeProperty),
    ("fictional", OWL.DatatypeProperty),
    ("rules", OWL.DatatypeProperty),
    ("placeFrom", OWL.DatatypeProperty),
]
TERM_NAMES = [name for name, _ in TERM_KINDS]


def _parse(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return _parse(ONTOLOGY_TTL)


@pytest.fixture(scope="module")
def schemes() -> Graph:
    return _parse(SCHEMES_TTL)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return _parse(SHAPES_TTL)


def languages(graph: Graph, subject: Node, predicate: URIRef) -> list[str]:
    """The language tags of the literals `subject predicate ?o` (one entry per literal)."""
    return sorted(
        (getattr(o, "language", None) or "" for o in graph.objects(subject, predicate)),
    )


def has_fr_and_en(graph: Graph, subject: Node, predicate: URIRef) -> bool:
    """True when `subject` has exactly one `predicate` literal in French and one in English."""
    return languages(graph, subject, predicate) == ["en", "fr"]


# ---------------------------------------------------------------------------------------------
# Parsing and the ontology
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [ONTOLOGY_TTL, SCHEMES_TTL, SHAPES_TTL], ids=lambda p: p.name)
def test_vocabulary_file_parses(path: Path) -> None:
    assert len(_parse(path)) > 0


def test_term_table_covers_namespace_class() -> None:
    assert sorted(TERM_NAMES) == sorted(ALL.__annotations__)


def test_declared_terms_equal_namespace_class(ontology: Graph) -> None:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    declared = {
        s
        for s, kind in ontology.subject_objects(RDF.type)
        if kind in kinds and str(s).startswith(str(ALL))
    }
    assert declared == {ALL[name] for name in ALL.__annotations__}


def test_no_undeclared_term_is_used(ontology: Graph) -> None:
    used = {
        t
        for triple in ontology
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(str(ALL))
    }
    assert used <= {ALL[name] for name in ALL.__annotations__}


@pytest.mark.parametrize(("name", "kind"), TERM_KINDS)
def test_term_is_declared_labelled_and_commented(ontology: Graph, name: str, kind: URIRef) -> None:
    term: URIRef = getattr(ALL, name)
    assert (term, RDF.type, kind) in ontology
    assert has_fr_and_en(ontology, term, RDFS.label)
    assert has_fr_and_en(ontology, term, RDFS.comment)
    assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology


@pytest.mark.parametrize(
    ("name", "predicate", "expected"),
    [
        ("Alliance", RDFS.subClassOf, ORG.OrganizationalCollaboration),
        ("Alliance", RDFS.subClassOf, SCHEMA.Project),
        ("Tool", RDFS.subClassOf, SCHEMA.CreativeWork),
        ("Evaluation", RDFS.subClassOf, PROV.Entity),
        ("Evaluation", RDFS.subClassOf, SCHEMA.Review),
        ("offers", RDFS.range, SKOS.Concept),
        ("needs", RDFS.range, SKOS.Concept),
        ("resourceShare", RDFS.range, ALL.ResourceShare),
        ("usesTool", RDFS.range, ALL.Tool),
        ("shareOfBudget", RDFS.range, XSD.decimal),
        ("version", RDFS.range, XSD.integer),
    ],
)
def test_alignment(ontology: Graph, name: str, predicate: URIRef, expected: URIRef) -> None:
    assert (ALL[name], predicate, expected) in ontology


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert has_fr_and_en(ontology, ONTOLOGY_IRI, DCT.title)
    assert has_fr_and_en(ontology, ONTOLOGY_IRI, DCT.description)
    for predicate in (DCT.license, OWL.versionInfo, DCT.created):
        assert ontology.value(ONTOLOGY_IRI, predicate) is not None, predicate
    assert str(ontology.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix)) == "all"
    assert str(ontology.value(ONTOLOGY_IRI, VANN.preferredNamespaceUri)) == str(ALL)


# ---------------------------------------------------------------------------------------------
# Concept schemes
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SCHEMES))
def test_scheme_concepts_equal_codes(schemes: Graph, name: str) -> None:
    scheme = scheme_iri(name)
    codes = scheme_codes(name)
    expected = {concept(name, code) for code in codes}
    assert (scheme, RDF.type, SKOS.ConceptScheme) in schemes
    assert set(schemes.subjects(SKOS.inScheme, scheme)) == expected
    assert set(schemes.subjects(SKOS.topConceptOf, scheme)) == expected
    assert set(schemes.objects(scheme, SKOS.hasTopConcept)) == expected
    for code in codes:
        iri = concept(name, code)
        assert (iri, RDF.type, SKOS.Concept) in schemes
        assert list(schemes.objects(iri, SKOS.notation)) == [Literal(code)]


def test_every_concept_belongs_to_a_known_scheme(schemes: Graph) -> None:
    known = {concept(name, code) for name in SCHEMES for code in scheme_codes(name)}
    assert set(schemes.subjects(RDF.type, SKOS.Concept)) == known
    assert set(schemes.subjects(RDF.type, SKOS.ConceptScheme)) == {scheme_iri(n) for n in SCHEMES}


@pytest.mark.parametrize("name", list(SCHEMES))
def test_scheme_is_described_in_french_and_english(schemes: Graph, name: str) -> None:
    scheme = scheme_iri(name)
    for predicate in (DCT.title, SKOS.prefLabel, DCT.description):
        assert has_fr_and_en(schemes, scheme, predicate), predicate


@pytest.mark.parametrize(
    ("name", "code"), [(name, code) for name in SCHEMES for code in scheme_codes(name)]
)
def test_concept_is_labelled_and_defined(schemes: Graph, name: str, code: str) -> None:
    iri = concept(name, code)
    assert has_fr_and_en(schemes, iri, SKOS.prefLabel)
    assert has_fr_and_en(schemes, iri, SKOS.definition)


def test_maturity_levels_are_ordered(schemes: Graph) -> None:
    positions = [
        schemes.value(concept("maturity", code), SCHEMA.position)
        for code in scheme_codes("maturity")
    ]
    assert positions == [Literal(1), Literal(2), Literal(3), Literal(4)]
    first_steps = concept("maturity", "premier-pas")
    assert Literal("1er pas", lang="fr") in set(schemes.objects(first_steps, SKOS.prefLabel))


def test_roles_are_org_roles(schemes: Graph) -> None:
    for code in scheme_codes("role"):
        assert (concept("role", code), RDF.type, ORG.Role) in schemes


# ---------------------------------------------------------------------------------------------
# Shapes: structure
# ---------------------------------------------------------------------------------------------


def all_shapes(shapes: Graph) -> set[Node]:
    """Every node shape and every property shape of the shapes graph."""
    return set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(SH.path, None))


def test_every_shape_is_named_and_has_bilingual_messages(shapes: Graph) -> None:
    found = all_shapes(shapes)
    assert len(found) > 40
    for shape in found:
        assert has_fr_and_en(shapes, shape, SH.name), shape
        assert has_fr_and_en(shapes, shape, SH.message), shape


def test_every_in_list_is_a_whole_scheme_in_order(shapes: Graph) -> None:
    schemes_by_members: dict[frozenset[Node], str] = {
        frozenset(concept(name, c) for c in scheme_codes(name)): name for name in SCHEMES
    }
    iri_lists = [list(Collection(shapes, head)) for head in shapes.objects(None, SH["in"])]
    iri_lists = [members for members in iri_lists if isinstance(members[0], URIRef)]
    assert len(iri_lists) >= 10
    for members in iri_lists:
        name = schemes_by_members.get(frozenset(members))
        assert name is not None, members
        assert members == [concept(name, c) for c in scheme_codes(name)]


# ---------------------------------------------------------------------------------------------
# Shapes: a valid graph following docs/model.md, and broken variants of it
# ---------------------------------------------------------------------------------------------


def iri(local: str) -> URIRef:
    """A neutral instance IRI: instances live under a configurable base (DESIGN §2)."""
    return BNode(local).skolemize()


def part(resource: URIRef, fragment: str) -> URIRef:
    """The hash IRI of a part of `resource` (docs/model.md, "parts")."""
    return URIRef(f"{resource}#{fragment}")


@dataclass
class Sample:
    """A small valid graph and the nodes that the broken variants tamper with."""

    graph: Graph
    actor: URIRef
    partner: URIRef
    share: URIRef
    alliance: URIRef
    membership: URIRef
    tool: URIRef
    evaluation: URIRef
    rating: URIRef


def add_actor(g: Graph, ident: str, name: str, kind: str) -> URIRef:
    actor = iri(f"actor-{ident}")
    g.add((actor, RDF.type, ORG.FormalOrganization))
    g.add((actor, RDF.type, SCHEMA.Organization))
    g.add((actor, RDF.type, FOAF.Organization))
    g.add((actor, DCT.identifier, Literal(ident)))
    g.add((actor, SKOS.prefLabel, Literal(name, lang="fr")))
    g.add((actor, FOAF.name, Literal(name)))
    g.add((actor, ORG.classification, concept("actor-type", kind)))
    return actor


def add_share(g: Graph, owner: URIRef, code: str, share: str | None) -> URIRef:
    node = part(owner, f"resource-{code}")
    g.add((owner, ALL.resourceShare, node))
    g.add((node, RDF.type, ALL.ResourceShare))
    g.add((node, ALL.resourceType, concept("resource-type", code)))
    if share is not None:
        g.add((node, ALL.shareOfBudget, Literal(Decimal(share))))
    return node


def add_identifier(g: Graph, actor: URIRef, register: str, number: str) -> URIRef:
    node = part(actor, register.lower())
    g.add((actor, ADMS.identifier, node))
    g.add((node, RDF.type, ADMS.Identifier))
    g.add((node, SKOS.notation, Literal(number)))
    g.add((node, DCT.type, Literal(register)))
    return node


def add_membership(g: Graph, alliance: URIRef, actor: URIRef, role: str, ident: str) -> URIRef:
    node = part(alliance, f"member-{ident}")
    g.add((alliance, ORG.hasMember, actor))
    g.add((node, RDF.type, ORG.Membership))
    g.add((node, ORG.member, actor))
    g.add((node, ORG.organization, alliance))
    g.add((node, ORG.role, concept("role", role)))
    return node


def build_sample() -> Sample:
    g = Graph()
    asso = add_actor(g, "asso-exemple", "Association Exemple", "association")
    g.add((asso, DCT.description, Literal("Épicerie solidaire du Nord.", lang="fr")))
    g.add((asso, SCHEMA.areaServed, INSEE_GEO["departement/59"]))
    for sdg in ("2", "12.3", "17.17", "2.a"):
        g.add((asso, DCT.subject, SDG[sdg]))
    g.add((asso, ALL.offers, concept("competence", "ancrage-territorial")))
    g.add((asso, ALL.needs, concept("competence", "financement")))
    g.add((asso, ALL.maturity, concept("maturity", "premier-pas")))
    g.add((asso, SCHEMA.url, iri("website")))
    g.add((asso, SCHEMA.email, Literal("contact@exemple.fr")))
    add_identifier(g, asso, "RNA", "W595000000")
    share = add_share(g, asso, "subvention-publique", "0.5")
    add_share(g, asso, "mecenat-financier", "0.5")

    ville = add_actor(g, "ville-exemple", "Ville Exemple", "collectivite")
    g.add((ville, SCHEMA.areaServed, INSEE_GEO["commune/59350"]))
    entreprise = add_actor(g, "entreprise-exemple", "Entreprise Exemple", "entreprise")
    add_identifier(g, entreprise, "SIREN", "732829320")

    tool = iri("tool-guide")
    g.add((tool, RDF.type, ALL.Tool))
    g.add((tool, RDF.type, SCHEMA.CreativeWork))
    g.add((tool, SKOS.prefLabel, Literal("Guide du premier partenariat", lang="fr")))
    g.add((tool, DCT.type, concept("tool-kind", "guide")))
    g.add((tool, ALL.maturity, concept("maturity", "sceptique")))
    g.add((tool, ALL.maturity, concept("maturity", "premier-pas")))
    g.add((tool, ALL.pillar, concept("pillar", "capitalisation")))
    g.add((tool, SCHEMA.audience, concept("actor-type", "association")))
    g.add((tool, SCHEMA.publisher, asso))

    alliance = iri("alliance-insertion")
    for kind in (ALL.Alliance, ORG.OrganizationalCollaboration, SCHEMA.Project):
        g.add((alliance, RDF.type, kind))
    g.add((alliance, SKOS.prefLabel, Literal("Alliance pour l'insertion", lang="fr")))
    membership = add_membership(g, alliance, asso, "chef-de-file", "asso-exemple")
    add_membership(g, alliance, ville, "membre", "ville-exemple")
    add_membership(g, alliance, entreprise, "membre", "entreprise-exemple")
    g.add((alliance, ALL.status, concept("alliance-status", "active")))
    g.add((alliance, SCHEMA.startDate, Literal("2023", datatype=XSD.gYear)))
    g.add((alliance, SCHEMA.endDate, Literal("2025-06", datatype=XSD.gYearMonth)))
    g.add((alliance, ALL.usesTool, tool))
    add_share(g, alliance, "fonds-europeens", None)

    evaluation = iri("evaluation-insertion-2024")
    for kind in (ALL.Evaluation, PROV.Entity, SCHEMA.Review):
        g.add((evaluation, RDF.type, kind))
    g.add((evaluation, SCHEMA.itemReviewed, alliance))
    g.add((evaluation, DCT.date, Literal("2024-06-30", datatype=XSD.date)))
    g.add((evaluation, SCHEMA.reviewBody, Literal("Partenariat solide.", lang="fr")))
    g.add((evaluation, PROV.wasAttributedTo, ville))
    rating = part(evaluation, "score-pertinence")
    g.add((evaluation, SCHEMA.reviewRating, rating))
    g.add((rating, RDF.type, SCHEMA.Rating))
    g.add((rating, ALL.criterion, concept("criterion", "pertinence")))
    g.add((rating, SCHEMA.ratingValue, Literal(4)))
    g.add((rating, SCHEMA.worstRating, Literal(1)))
    g.add((rating, SCHEMA.bestRating, Literal(5)))
    return Sample(g, asso, entreprise, share, alliance, membership, tool, evaluation, rating)


def run_shapes(data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    """Validate `data` against the shapes, without inference."""
    conforms, report, _text = validate(data, shacl_graph=shapes, inference="none")
    return conforms, report


def test_valid_sample_conforms(shapes: Graph) -> None:
    conforms, report = run_shapes(build_sample().graph, shapes)
    assert conforms, report.serialize(format="turtle")


def test_valid_sample_conforms_under_rdfs_inference(ontology: Graph, shapes: Graph) -> None:
    """The alignments in alliances.ttl must not make valid data invalid for a reasoning store."""
    conforms, report, _text = validate(
        build_sample().graph, shacl_graph=shapes, ont_graph=ontology, inference="rdfs"
    )
    assert conforms, report.serialize(format="turtle")


Mutation = Callable[[Sample], None]


def _replace(s: Sample, subject_attr: str, predicate: URIRef, value: Node | None) -> None:
    subject = getattr(s, subject_attr)
    s.graph.remove((subject, predicate, None))
    if value is not None:
        s.graph.add((subject, predicate, value))


def _add(s: Sample, subject_attr: str, predicate: URIRef, value: Node) -> None:
    s.graph.add((getattr(s, subject_attr), predicate, value))


def _one_member(s: Sample) -> None:
    s.graph.remove((s.alliance, ORG.hasMember, None))
    s.graph.add((s.alliance, ORG.hasMember, s.actor))


def _identifier_typed(register: Literal, number: str) -> Mutation:
    def mutate(s: Sample) -> None:
        node = s.graph.value(s.partner, ADMS.identifier)
        assert node is not None
        _replace_node(s.graph, node, DCT.type, register)
        _replace_node(s.graph, node, SKOS.notation, Literal(number))

    return mutate


def _identifier(register: str, number: str) -> Mutation:
    return _identifier_typed(Literal(register), number)


def _untype(subject_attr: str, cls: URIRef) -> Mutation:
    def mutate(s: Sample) -> None:
        s.graph.remove((getattr(s, subject_attr), RDF.type, cls))

    return mutate


def _replace_node(g: Graph, node: Node, predicate: URIRef, value: Node) -> None:
    g.remove((node, predicate, None))
    g.add((node, predicate, value))


# One row per kind of mistake: (case, how to break the sample, focus node, path the report names).
# fmt: off
BROKEN: list[tuple[str, Mutation, str, URIRef]] = [
    # actors
    ("actor-type-from-other-scheme",
     lambda s: _replace(s, "actor", ORG.classification, concept("competence", "financement")),
     "actor", ORG.classification),
    ("actor-type-missing", lambda s: _replace(s, "actor", ORG.classification, None),
     "actor", ORG.classification),
    ("actor-two-names", lambda s: _add(s, "actor", SKOS.prefLabel, Literal("Autre", lang="fr")),
     "actor", SKOS.prefLabel),
    ("actor-description-without-language",
     lambda s: _replace(s, "actor", DCT.description, Literal("Sans langue")),
     "actor", DCT.description),
    ("actor-territory-not-insee", lambda s: _replace(s, "actor", SCHEMA.areaServed, SDG["2"]),
     "actor", SCHEMA.areaServed),
    ("actor-territory-literal", lambda s: _replace(s, "actor", SCHEMA.areaServed, Literal("59")),
     "actor", SCHEMA.areaServed),
    ("actor-sdg-indicator", lambda s: _add(s, "actor", DCT.subject, SDG["C020101"]),
     "actor", DCT.subject),
    ("actor-sdg-territory", lambda s: _add(s, "actor", DCT.subject, INSEE_GEO["region/32"]),
     "actor", DCT.subject),
    ("actor-offers-unknown",
     lambda s: _add(s, "actor", ALL.offers, concept("resource-type", "cotisations")),
     "actor", ALL.offers),
    ("actor-needs-unknown",
     lambda s: _add(s, "actor", ALL.needs, concept("actor-type", "association")),
     "actor", ALL.needs),
    ("actor-maturity-unknown",
     lambda s: _replace(s, "actor", ALL.maturity, concept("pillar", "evaluation")),
     "actor", ALL.maturity),
    ("actor-two-maturities",
     lambda s: _add(s, "actor", ALL.maturity, concept("maturity", "pionnier")),
     "actor", ALL.maturity),
    ("actor-website-literal", lambda s: _replace(s, "actor", SCHEMA.url, Literal("exemple.fr")),
     "actor", SCHEMA.url),
    ("actor-bad-email", lambda s: _replace(s, "actor", SCHEMA.email, Literal("pas-une-adresse")),
     "actor", SCHEMA.email),
    ("actor-siren-8-digits", _identifier("SIREN", "73282932"), "partner", ADMS.identifier),
    ("actor-rna-without-w", _identifier("RNA", "595000000"), "partner", ADMS.identifier),
    ("actor-siren-like-rna", _identifier("SIREN", "W595000000"), "partner", ADMS.identifier),
    ("actor-unknown-register", _identifier("EORI", "FR73282932000074"), "partner", ADMS.identifier),
    ("actor-share-untyped",
     _untype("share", ALL.ResourceShare),
     "actor", ALL.resourceShare),
    # resource shares
    ("share-above-one", lambda s: _replace(s, "share", ALL.shareOfBudget, Literal(Decimal("1.5"))),
     "share", ALL.shareOfBudget),
    ("share-negative", lambda s: _replace(s, "share", ALL.shareOfBudget, Literal(Decimal("-0.1"))),
     "share", ALL.shareOfBudget),
    ("share-as-percent-string", lambda s: _replace(s, "share", ALL.shareOfBudget, Literal("50%")),
     "share", ALL.shareOfBudget),
    ("share-type-missing", lambda s: _replace(s, "share", ALL.resourceType, None),
     "share", ALL.resourceType),
    ("share-type-unknown",
     lambda s: _replace(s, "share", ALL.resourceType, concept("competence", "financement")),
     "share", ALL.resourceType),
    # alliances
    ("alliance-one-member", _one_member, "alliance", ORG.hasMember),
    ("alliance-member-literal", lambda s: _add(s, "alliance", ORG.hasMember, Literal("asso")),
     "alliance", ORG.hasMember),
    ("alliance-without-title", lambda s: _replace(s, "alliance", SKOS.prefLabel, None),
     "alliance", SKOS.prefLabel),
    ("alliance-status-unknown",
     lambda s: _replace(s, "alliance", ALL.status, concept("maturity", "actif")),
     "alliance", ALL.status),
    ("alliance-start-plain-string",
     lambda s: _replace(s, "alliance", SCHEMA.startDate, Literal("2023")),
     "alliance", SCHEMA.startDate),
    ("alliance-end-datetime",
     lambda s: _replace(s, "alliance", SCHEMA.endDate,
                        Literal("2025-06-30T00:00:00", datatype=XSD.dateTime)),
     "alliance", SCHEMA.endDate),
    ("alliance-tool-literal", lambda s: _add(s, "alliance", ALL.usesTool, Literal("guide")),
     "alliance", ALL.usesTool),
    # memberships
    ("membership-without-role", lambda s: _replace(s, "membership", ORG.role, None),
     "membership", ORG.role),
    ("membership-role-unknown",
     lambda s: _replace(s, "membership", ORG.role, concept("actor-type", "association")),
     "membership", ORG.role),
    ("membership-without-member", lambda s: _replace(s, "membership", ORG.member, None),
     "membership", ORG.member),
    ("membership-without-alliance", lambda s: _replace(s, "membership", ORG.organization, None),
     "membership", ORG.organization),
    # tools
    ("tool-without-title", lambda s: _replace(s, "tool", SKOS.prefLabel, None),
     "tool", SKOS.prefLabel),
    ("tool-kind-unknown",
     lambda s: _replace(s, "tool", DCT.type, concept("pillar", "evaluation")),
     "tool", DCT.type),
    ("tool-maturity-unknown",
     lambda s: _add(s, "tool", ALL.maturity, concept("alliance-status", "active")),
     "tool", ALL.maturity),
    ("tool-pillar-unknown",
     lambda s: _add(s, "tool", ALL.pillar, concept("tool-kind", "evaluation")),
     "tool", ALL.pillar),
    ("tool-audience-unknown",
     lambda s: _add(s, "tool", SCHEMA.audience, concept("competence", "formation")),
     "tool", SCHEMA.audience),
    ("tool-publisher-literal",
     lambda s: _replace(s, "tool", SCHEMA.publisher, Literal("Association Exemple")),
     "tool", SCHEMA.publisher),
    # evaluations
    ("evaluation-without-alliance", lambda s: _replace(s, "evaluation", SCHEMA.itemReviewed, None),
     "evaluation", SCHEMA.itemReviewed),
    ("evaluation-without-date", lambda s: _replace(s, "evaluation", DCT.date, None),
     "evaluation", DCT.date),
    ("evaluation-date-plain-string",
     lambda s: _replace(s, "evaluation", DCT.date, Literal("30/06/2024")),
     "evaluation", DCT.date),
    ("evaluation-rating-untyped",
     _untype("rating", SCHEMA.Rating),
     "evaluation", SCHEMA.reviewRating),
    ("rating-seven", lambda s: _replace(s, "rating", SCHEMA.ratingValue, Literal(7)),
     "rating", SCHEMA.ratingValue),
    ("rating-zero", lambda s: _replace(s, "rating", SCHEMA.ratingValue, Literal(0)),
     "rating", SCHEMA.ratingValue),
    ("rating-decimal", lambda s: _replace(s, "rating", SCHEMA.ratingValue, Literal(Decimal("3.5"))),
     "rating", SCHEMA.ratingValue),
    ("rating-missing", lambda s: _replace(s, "rating", SCHEMA.ratingValue, None),
     "rating", SCHEMA.ratingValue),
    ("rating-criterion-unknown",
     lambda s: _replace(s, "rating", ALL.criterion, concept("pillar", "evaluation")),
     "rating", ALL.criterion),
]
# fmt: on


def _minimal_actor(s: Sample) -> None:
    g = s.graph
    for predicate in (
        DCT.description,
        SCHEMA.areaServed,
        DCT.subject,
        ALL.offers,
        ALL.needs,
        ALL.maturity,
        SCHEMA.url,
        SCHEMA.email,
        ADMS.identifier,
    ):
        g.remove((s.actor, predicate, None))


def _bare_alliance(s: Sample) -> None:
    for predicate in (
        DCT.description,
        ALL.status,
        SCHEMA.startDate,
        SCHEMA.endDate,
        ALL.usesTool,
        ALL.resourceShare,
    ):
        s.graph.remove((s.alliance, predicate, None))


VALID_VARIANTS: list[tuple[str, Mutation]] = [
    ("minimal-actor", _minimal_actor),
    (
        "register-typed-string",
        _identifier_typed(Literal("SIREN", datatype=XSD.string), "732829320"),
    ),
    (
        "email-typed-string",
        lambda s: _replace(s, "actor", SCHEMA.email, Literal("a@b.fr", datatype=XSD.string)),
    ),
    ("share-without-percentage", lambda s: _replace(s, "share", ALL.shareOfBudget, None)),
    ("share-bounds", lambda s: _replace(s, "share", ALL.shareOfBudget, Literal(Decimal("1.0")))),
    (
        "start-full-date",
        lambda s: _replace(
            s, "alliance", SCHEMA.startDate, Literal("2023-01-15", datatype=XSD.date)
        ),
    ),
    (
        "evaluation-year-only",
        lambda s: _replace(s, "evaluation", DCT.date, Literal("2024", datatype=XSD.gYear)),
    ),
    ("alliance-without-optional-fields", _bare_alliance),
    ("rating-bounds", lambda s: _replace(s, "rating", SCHEMA.ratingValue, Literal(5))),
]


@pytest.mark.parametrize(
    "mutate", [pytest.param(mutate, id=case) for case, mutate in VALID_VARIANTS]
)
def test_valid_variant_conforms(shapes: Graph, mutate: Mutation) -> None:
    sample = build_sample()
    mutate(sample)
    conforms, report = run_shapes(sample.graph, shapes)
    assert conforms, report.serialize(format="turtle")


@pytest.mark.parametrize(
    ("mutate", "focus", "path"),
    [pytest.param(mutate, focus, path, id=case) for case, mutate, focus, path in BROKEN],
)
def test_broken_variant_is_reported_in_french_and_english(
    shapes: Graph, mutate: Mutation, focus: str, path: URIRef
) -> None:
    sample = build_sample()
    mutate(sample)
    conforms, report = run_shapes(sample.graph, shapes)
    assert not conforms
    focus_node = getattr(sample, focus)
    results = [
        r
        for r in report.subjects(RDF.type, SH.ValidationResult)
        if report.value(r, SH.focusNode) == focus_node and report.value(r, SH.resultPath) == path
    ]
    assert results, report.serialize(format="turtle")
    for result in results:
        assert report.value(result, SH.resultSeverity) == SH.Violation
        source = report.value(result, SH.sourceShape)
        expected = {m for m in shapes.objects(source, SH.message) if isinstance(m, Literal)}
        assert {m.language for m in expected} == LANGS
        assert set(report.objects(result, SH.resultMessage)) == expected
