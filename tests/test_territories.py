"""The territory layer: commune → EPCI → département → région, in the reference tables, the
vocabulary graph, search facets and the territory pages."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from graph.reference import (
    centre,
    epci_departements,
    epci_members,
    parse_territory,
    territories,
    territory_ancestors,
    territory_chain,
    territory_iri,
    territory_key,
)
from graph.vocabularies import epci_triples, territory_triples
from ontology.namespaces import IGEO, INSEE_GEO, SKOS

from .pages import html

MEL = "200093201"  # Métropole Européenne de Lille
MGP = "200054781"  # Métropole du Grand Paris
PLAINE_COMMUNE = "200057867"  # EPT


def chain(level: str, code: str) -> list[str]:
    return [t.ident for t in territory_chain(level, code)]


# -- reference tables ---------------------------------------------------------------------------


def test_commune_chain_goes_through_its_epci() -> None:
    assert chain("commune", "59350") == [
        "commune:59350",
        f"epci:{MEL}",
        "departement:59",
        "region:32",
    ]


def test_arrondissement_chain() -> None:
    assert chain("commune", "69383") == [
        "commune:69383",
        "commune:69123",
        "epci:200046977",
        "departement:69",
        "region:84",
    ]


def test_grand_paris_commune_has_its_ept_then_the_metropole() -> None:
    assert chain("commune", "93066") == [
        "commune:93066",
        f"epci:{PLAINE_COMMUNE}",
        f"epci:{MGP}",
        "departement:93",
        "region:11",
    ]
    assert chain("epci", PLAINE_COMMUNE) == [
        f"epci:{PLAINE_COMMUNE}",
        f"epci:{MGP}",
        "departement:93",
        "region:11",
    ]


def test_island_commune_without_epci() -> None:
    assert chain("commune", "29155") == ["commune:29155", "departement:29", "region:53"]


def test_epci_chain_and_ancestors_over_several_departements() -> None:
    assert chain("epci", MGP) == [f"epci:{MGP}", "departement:75", "region:11"]
    assert epci_departements(MGP) == ("75", "91", "92", "93", "94", "95")
    assert set(territory_ancestors("epci", MGP)) == {
        ("epci", MGP),
        ("region", "11"),
        *(("departement", d) for d in ("75", "91", "92", "93", "94", "95")),
    }


def test_epci_members_and_nature() -> None:
    mel = territories()[("epci", MEL)]
    assert mel.name == "Métropole Européenne de Lille" and mel.nature == "METRO"
    members = {t.code for t in epci_members(MEL)}
    assert {"59350", "59512", "59599"} <= members and "59183" not in members
    assert len(members) == 95
    assert mel.population == sum(t.population or 0 for t in epci_members(MEL))
    assert len({t.code for t in territories().values() if t.level == "epci"}) == 1266


def test_every_commune_but_four_islands_has_one_epci() -> None:
    communes = [
        t
        for t in territories().values()
        if t.level == "commune" and t.parent and t.parent[0] == "departement"
    ]
    without = sorted(t.code for t in communes if t.epci is None)
    assert without == ["22016", "29083", "29155", "85113"]
    assert all(("epci", t.epci) in territories() for t in communes if t.epci)


def test_postal_codes_and_population() -> None:
    lyon1 = territories()[("commune", "69381")]
    assert lyon1.postal_codes == ("69001",) and lyon1.population and lyon1.population > 20_000
    assert "75116" in territories()[("commune", "75116")].postal_codes
    assert territories()[("commune", "59350")].population > 200_000  # type: ignore[operator]


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("epci:200046977", ("epci", "200046977")),
        ("intercommunalite:200046977", ("epci", "200046977")),
        ("200046977", ("epci", "200046977")),
        ("commune:59350", ("commune", "59350")),
        ("59", ("departement", "59")),
        ("région:32", ("region", "32")),
        ("lyon", None),
    ],
)
def test_parse_territory(value: str, key: tuple[str, str] | None) -> None:
    assert parse_territory(value) == key


def test_iris_round_trip() -> None:
    iri = territory_iri("epci", MEL)
    assert iri == INSEE_GEO[f"intercommunalite/{MEL}"]
    assert territory_key(iri) == ("epci", MEL)
    assert territory_key(territory_iri("commune", "2A004")) == ("commune", "2A004")
    assert territory_key(URIRef("http://example.org/x")) is None
    assert territory_key(INSEE_GEO["pays/france"]) is None


def test_centres() -> None:
    lille = centre("commune", "59350")
    assert lille is not None and lille.precision == "commune"
    assert abs(lille.lat - 50.63) < 0.05 and abs(lille.long - 3.06) < 0.05
    village = centre("commune", "01002")  # L'Abergement-de-Varey, 270 inhabitants
    assert village is not None and village.precision == "epci"
    dep = centre("departement", "59")
    assert dep is not None and 50.0 < dep.lat < 51.0 and 2.5 < dep.long < 4.0
    assert centre("epci", MEL) is not None and centre("commune", "99999") is None


# -- vocabulary graph ---------------------------------------------------------------------------


def rdf(triples) -> Graph:  # type: ignore[no-untyped-def]
    """An rdflib graph of pyoxigraph triples."""
    data = ox.serialize([ox.Triple(*t) for t in triples], format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data, format="nt")


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    return rdf(territory_triples())


EXPECTED = f"""
@prefix igeo: <http://rdf.insee.fr/def/geo#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix gn: <http://www.geonames.org/ontology#> .
@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix g: <http://id.insee.fr/geo/> .

g:commune\\/59350 a igeo:Commune ; igeo:codeINSEE "59350" ; igeo:nom "Lille"@fr ;
    skos:prefLabel "Lille"@fr ; dct:identifier "commune:59350" ;
    skos:broader g:departement\\/59 , g:intercommunalite\\/{MEL} ;
    skos:broaderTransitive g:departement\\/59 , g:intercommunalite\\/{MEL} , g:region\\/32 ;
    igeo:subdivisionDirecteDe g:departement\\/59 ;
    schema:postalCode "59000" , "59160" , "59260" , "59777" , "59800" ;
    gn:population {territories()[("commune", "59350")].population} ;
    geo:lat 50.63297 ; geo:long 3.05858 .

g:intercommunalite\\/{MEL} a igeo:Intercommunalite ; igeo:codeINSEE "{MEL}" ;
    igeo:nom "Métropole Européenne de Lille"@fr ;
    skos:prefLabel "Métropole Européenne de Lille"@fr ; dct:identifier "epci:{MEL}" ;
    dct:type <https://w3id.org/alliances/ns/epci-nature/metro> ;
    skos:broader g:departement\\/59 ; igeo:territoireCommunAvec g:departement\\/59 ;
    skos:broaderTransitive g:departement\\/59 , g:region\\/32 ;
    gn:population {territories()[("epci", MEL)].population} .
"""


def test_lille_and_its_epci_in_the_vocabulary(vocabulary: Graph) -> None:
    extract = Graph()
    for s in (territory_iri("commune", "59350"), territory_iri("epci", MEL)):
        for p, o in vocabulary.predicate_objects(s):
            extract.add((s, p, o))
    assert isomorphic(extract, Graph().parse(data=EXPECTED, format="turtle"))


def test_vocabulary_chain_and_epci_links(vocabulary: Graph) -> None:
    ept = territory_iri("epci", PLAINE_COMMUNE)
    assert (territory_iri("commune", "93066"), SKOS.broader, ept) in vocabulary
    assert (ept, SKOS.broader, territory_iri("epci", MGP)) in vocabulary
    mgp = territory_iri("epci", MGP)
    assert (mgp, SKOS.broader, territory_iri("region", "11")) in vocabulary  # over 6 départements
    assert len(set(vocabulary.objects(mgp, IGEO.territoireCommunAvec))) == 6
    members = set(vocabulary.subjects(SKOS.broader, territory_iri("epci", MEL)))
    assert {territory_key(m) for m in members} == {t.key for t in epci_members(MEL)}


def test_epci_triples_only_add(vocabulary: Graph) -> None:
    """The EPCI part never restates the COG chain (no duplicate, nothing dropped)."""
    extra = rdf(epci_triples())
    assert len(vocabulary) > len(extra) > 100_000


# -- search, pages, the store -------------------------------------------------------------------


def test_search_facets_include_the_epci(readonly_app) -> None:  # type: ignore[no-untyped-def]
    index = readonly_app.extensions["alliances"].extensions["search"]
    everything = index.search("", facets={"kind": ["actor"]}, limit=1)
    in_mel = index.search("", facets={"epci": [MEL], "kind": ["actor"]}, limit=100)
    in_59 = index.search("", facets={"departement": ["59"], "kind": ["actor"]}, limit=100)
    assert 0 < in_mel.total < in_59.total <= everything.total
    assert everything.facets["epci"][MEL] == in_mel.total
    assert set(in_mel.facets["departement"]) == {"59"}
    terr = index.search("Métropole Européenne de Lille", kind=["territory"], limit=3)
    assert terr.results[0].id == f"epci:{MEL}"
    assert index.search("59000", kind=["territory"], limit=3).results[0].id == "commune:59350"


def test_epci_page_lists_its_communes_and_actors(readonly_app) -> None:  # type: ignore[no-untyped-def]
    client = readonly_app.test_client()
    page = html(client, f"/territoire/epci/{MEL}")
    assert "Métropole Européenne de Lille" in page and "Métropole" in page
    assert 'href="/territoire/commune/59350"' in page and 'href="/territoire/commune/59512"' in page
    assert 'href="/actor/' in page
    assert f"facet=epci%3D{MEL}" in page or "Premiers" not in page
    assert 'href="/territoire/departement/59"' in page  # breadcrumb
    redirect = client.get(f"/territoire/intercommunalite/{MEL}")
    assert redirect.status_code == 301 and redirect.location.endswith(f"/territoire/epci/{MEL}")
    html(client, "/territoire/epci/999999999", 404)


def test_commune_page_names_its_epci(readonly_app) -> None:  # type: ignore[no-untyped-def]
    page = html(readonly_app.test_client(), "/territoire/commune/59512")
    assert f'href="/territoire/epci/{MEL}"' in page
    assert "59100" in page  # postal code
    dep = html(readonly_app.test_client(), "/territoire/departement/59")
    assert f'href="/territoire/epci/{MEL}"' in dep and "Intercommunalités" in dep


def test_pages_index_counts_epci(readonly_app) -> None:  # type: ignore[no-untyped-def]
    from graph.queries.pages import pages_index

    index = pages_index(readonly_app.extensions["alliances"].store)
    mel, nord = index.counts("epci", MEL), index.counts("departement", "59")
    assert 0 < mel["actor"] <= nord["actor"]


def test_store_answers_the_chain_in_sparql(store) -> None:  # type: ignore[no-untyped-def]
    rows = store.select(
        "SELECT ?up WHERE { ?c <http://www.w3.org/2004/02/skos/core#broader>+ ?up }",
        c=territory_iri("commune", "59512"),
    )
    ups = {territory_key(r["up"]) for r in rows}
    assert ups == {("epci", MEL), ("departement", "59"), ("region", "32")}


def _pairs(store, path: str, subjects: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    rows = store.select(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        f"SELECT ?x ?up WHERE {{ {subjects} ?x {path} ?up }}"
    )
    return {(str(r["x"]), str(r["up"])) for r in rows}


@pytest.mark.parametrize(
    "subjects",
    [
        "?x a <http://rdf.insee.fr/def/geo#Commune> .",
        "?x a <http://rdf.insee.fr/def/geo#Intercommunalite> .",
        "?x a <http://rdf.insee.fr/def/geo#Departement> .",
        "?x a ?c FILTER(STRSTARTS(STR(?c), 'http://metadata.un.org/sdg/ontology#')) .",
    ],
    ids=["communes", "intercommunalities", "departements", "sdg"],
)
def test_broader_transitive_is_the_closure_of_broader(vocab_template, subjects) -> None:  # type: ignore[no-untyped-def]
    """The materialised `skos:broaderTransitive` gives exactly what `skos:broader+` gives, for
    every territory and every SDG concept (what the SPARQL examples rely on)."""
    path = _pairs(vocab_template, "skos:broader+", subjects)
    assert len(path) > 10
    assert _pairs(vocab_template, "skos:broaderTransitive", subjects) == path


def test_vocabulary_build_enters_the_checksum() -> None:
    """Bumping a vocabulary's build makes `init` rewrite it in existing instances; build 0 keeps
    the checksum of the files alone (what instances recorded before builds were counted)."""
    import dataclasses
    import hashlib

    from graph.vocabularies import VOCABULARIES

    by_source = {v.source: v for v in VOCABULARIES}
    for source in ("vocabulary-territories", "vocabulary-sdg"):
        vocab = by_source[source]
        assert vocab.build >= 1
        assert dataclasses.replace(vocab, build=0).checksum() != vocab.checksum()
    ontology = by_source["vocabulary-ontology"]
    h = hashlib.sha256(ontology.source.encode())
    for f in ontology.files:
        h.update(f.read_bytes())
    assert ontology.build == 0 and ontology.checksum() == h.hexdigest()


def test_import_accepts_an_epci_and_hints_at_a_typed_place(store, tmp_path, base) -> None:  # type: ignore[no-untyped-def]
    from graph.errors import ValidationFailed
    from graph.importer import import_paths

    from .csvdata import ACTORS, write_set

    rows = [dict(r) for r in ACTORS]
    rows[0]["territory"] = f"epci:{MEL}"
    import_paths([write_set(tmp_path / "ok", actors=rows)], store, base, source="test")
    served = store.select(
        "SELECT ?a WHERE { ?a <https://schema.org/areaServed> ?t }", t=territory_iri("epci", MEL)
    )
    assert len(served) == 1
    rows[0]["territory"] = "Saint-Étienne"
    with pytest.raises(ValidationFailed) as failed:
        import_paths([write_set(tmp_path / "bad", actors=rows)], store, base, source="test2")
    problem = next(p for p in failed.value.problems if p.column == "territory")
    assert "commune:42218 : Saint-Étienne ?" in problem.reason_fr


def test_search_page_shows_the_epci_facet(readonly_app) -> None:  # type: ignore[no-untyped-def]
    client = readonly_app.test_client()
    page = html(client, f"/recherche?q=&facet=epci%3D{MEL}")
    assert "Intercommunalité" in page and "Métropole Européenne de Lille" in page
    assert "Intercommunality" in html(client, f"/recherche?q=&facet=epci%3D{MEL}&lang=en")
