"""Real open datasets through declarative mappings (issue 10): the mapping engine, the shipped
mappings on small extracts, reports of bad rows, the CLI, duplicates, provenance, the fictional
demo and the default instance with real actors.

Extracts in tests/data/realdata/ are rows copied from data/real/ (the PVD one has a
`date_signature` added to exercise the start date); their expected graphs were read by hand.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.errors import ValidationFailed
from graph.mapping import load_mapping, map_files
from graph.mapping.duplicates import ActorKey, apply_plan, compare, name_key, recognise
from graph.mapping.importing import import_mapped, validate_mapped
from graph.queries.sources import sources
from graph.terms import from_ox
from ontology.namespaces import ALL, DCT, OWL, SKOS
from webui.cli import main

from .conftest import BASE

DATA = Path(__file__).parent / "data" / "realdata"
MAPPINGS = Path(__file__).parent.parent / "data" / "mappings"
FS = MAPPINGS / "france-services" / "france-services.csv-metadata.json"
PVD = MAPPINGS / "petites-villes-de-demain" / "petites-villes-de-demain.csv-metadata.json"
LIEUX = MAPPINGS / "mediation-numerique" / "mediation-numerique.csv-metadata.json"
LO = URIRef("https://www.etalab.gouv.fr/licence-ouverte-open-licence")


def as_graph(triples: list[tuple[object, object, object]]) -> Graph:
    g = Graph()
    for t in triples:
        g.add(
            tuple(
                x
                if isinstance(x, URIRef | Literal)
                or hasattr(x, "n3")
                and not type(x).__module__.startswith("pyoxigraph")
                else from_ox(x)
                for x in t
            )
        )
    return g


# -- each mapping on a small extract ----------------------------------------------------------


@pytest.mark.parametrize(
    ("mapping", "extract", "expected"),
    [
        (FS, "france-services.csv", "france-services"),
        (PVD, "pvd.csv", "pvd"),
        (LIEUX, "lieux.json", "lieux"),
    ],
    ids=["france-services", "petites-villes-de-demain", "mediation-numerique"],
)
def test_mapping_gives_the_expected_graph(mapping: Path, extract: str, expected: str) -> None:
    batch, sums = map_files(load_mapping(mapping), [DATA / extract], BASE)
    assert not batch.problems
    want = Graph().parse(DATA / f"{expected}.expected.ttl")
    assert isomorphic(as_graph(batch.triples), want)
    assert extract in sums and mapping.name in sums  # provenance hashes data and mapping


def test_france_services_operator_and_group() -> None:
    batch, _ = map_files(load_mapping(FS), [DATA / "france-services.csv"], BASE)
    g = as_graph(batch.triples)
    site, poste = URIRef(BASE + "actor/fs-2"), URIRef(BASE + "actor/la-poste")
    assert (site, URIRef("http://www.w3.org/ns/org#subOrganizationOf"), poste) in g
    group = URIRef(BASE + "alliance/fs-groupe-pays-segali")
    members = set(g.objects(group, URIRef("http://www.w3.org/ns/org#hasMember")))
    assert members == {URIRef(BASE + "actor/fs-75"), URIRef(BASE + "actor/fs-677")}


# -- bad rows: every problem with file, line, column; nothing written ------------------------


def _bad_json(tmp_path: Path) -> Path:
    records = json.loads((DATA / "lieux.json").read_text(encoding="utf-8"))
    records[1]["latitude"] = 145.2
    records[2]["code_postal"] = "1610"
    path = tmp_path / "lieux.json"
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _bad_csv(tmp_path: Path) -> Path:
    with (DATA / "france-services.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows[2][rows[0].index("longitude")] = "est"
    rows[3][rows[0].index("insee_com")] = "99999"
    path = tmp_path / "liste-fs-20240801.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_bad_rows_are_reported_and_nothing_is_written(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    version = store.version
    with pytest.raises(ValidationFailed) as caught:
        import_mapped(LIEUX, [_bad_json(tmp_path)], store, BASE)
    found = {(p.file, p.column, p.value) for p in caught.value.problems}
    assert ("lieux.json", "latitude", "145.2") in found
    assert ("lieux.json", "code_postal", "1610") in found
    lines = {p.column: p.line for p in caught.value.problems}
    text = (tmp_path / "lieux.json").read_text(encoding="utf-8").splitlines()
    assert '"latitude": 145.2' in text[lines["latitude"] - 1] or any(
        '"latitude": 145.2' in line for line in text[lines["latitude"] - 1 : lines["latitude"] + 25]
    )
    assert all(p.reason and p.reason_fr for p in caught.value.problems)
    with pytest.raises(ValidationFailed) as caught:
        import_mapped(FS, [_bad_csv(tmp_path)], store, BASE)
    problems = {(p.line, p.column): p for p in caught.value.problems}
    assert (3, "longitude") in problems and (4, "insee_com") in problems
    assert "territoire inconnu" in problems[(4, "insee_com")].reason_fr
    assert store.version == version
    assert not [
        g for g in store.graphs() if g.source in ("france-services", "mediation-numerique-charente")
    ]


# -- the CLI, end to end -----------------------------------------------------------------------


@pytest.fixture
def runner(instance, monkeypatch) -> CliRunner:  # type: ignore[no-untyped-def]
    """A CLI runner on a private copy of the small demo instance."""
    home = instance.home
    instance.close()
    monkeypatch.setenv("ALLIANCES_HOME", str(home))
    return CliRunner()


def test_import_and_validate_with_a_mapping(runner: CliRunner, tmp_path: Path) -> None:
    args = ["import", "--mapping", str(PVD), str(DATA / "pvd.csv"), "--json"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert report["changed"] is True and report["source"] == "petites-villes-de-demain"
    assert report["resources"]["alliance"] == 2 and report["mapping"] == PVD.name
    assert json.loads(runner.invoke(main, args).stdout)["changed"] is False
    found = json.loads(runner.invoke(main, ["search", "Bonifacio", "--json"]).stdout)
    assert "pvd-2a041" in [r["id"] for r in found["results"]]
    hit = next(r for r in found["results"] if r["id"] == "pvd-2a041")
    assert hit["fictional"] is False and hit["source"] == "petites-villes-de-demain"
    bad = runner.invoke(
        main, ["validate", "--mapping", str(LIEUX), str(_bad_json(tmp_path)), "--json"]
    )
    assert bad.exit_code == 1
    error = json.loads(bad.stdout)
    assert error["error"] == "validation_failed" and len(error["problems"]) == 2
    assert {p["column"] for p in error["problems"]} == {"latitude", "code_postal"}


def test_a_file_over_the_size_limit_is_not_read(store) -> None:  # type: ignore[no-untyped-def]
    before = store.version
    with pytest.raises(ValidationFailed) as caught:
        import_mapped(FS, [DATA / "france-services.csv"], store, BASE, max_file_bytes=100)
    (problem,) = caught.value.problems
    assert problem.file == "france-services.csv" and "IMPORT_MAX_FILE_BYTES" in problem.reason
    assert store.version == before


def test_a_bad_mapping_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    broken = json.loads(PVD.read_text(encoding="utf-8"))
    broken["tables"][0]["tableSchema"]["columns"][1]["propertyUrl"] = "nope:areaServed"
    path = tmp_path / "broken.csv-metadata.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    result = runner.invoke(main, ["validate", "--mapping", str(path), str(DATA / "pvd.csv")])
    assert result.exit_code == 1 and "préfixe inconnu 'nope'" in result.output
    assert "Traceback" not in result.output


# -- provenance, sources, duplicates -----------------------------------------------------------


@pytest.fixture
def real_app(instance):  # type: ignore[no-untyped-def]
    """The small demo instance with the three extracts imported through their mappings."""
    from webui.app import create_app

    for mapping, extract in ((PVD, "pvd.csv"), (FS, "france-services.csv"), (LIEUX, "lieux.json")):
        import_mapped(mapping, [DATA / extract], instance.store, instance.base)
    app = create_app(instance=instance)
    app.config["TESTING"] = True
    return app


def test_provenance_of_a_mapped_source(real_app) -> None:  # type: ignore[no-untyped-def]
    store = real_app.extensions["alliances"].store
    info = next(i for i in sources(store).values() if i.source == "france-services")
    assert info.licence == LO and info.modified is not None and not info.fictional
    assert info.publisher and "ANCT" in info.publisher
    assert info.line("fr") == (
        "Source : Agence nationale de la cohésion des territoires (ANCT), "
        "Licence Ouverte 2.0, données du 1er août 2024"
    )


def test_real_record_page_and_api_name_their_source(real_app) -> None:  # type: ignore[no-untyped-def]
    client = real_app.test_client()
    page = client.get("/actor/fs-2").get_data(as_text=True)
    assert (
        "Source : Agence nationale de la cohésion des territoires (ANCT), Licence Ouverte "
        "2.0, données du 1er août 2024" in page
    )
    assert "Données fictives" not in page
    answer = client.get("/api/actors/fs-2158/partners?limit=20").get_json()
    assert answer["results"]
    for r in answer["results"]:
        assert r["source"]["licence"] and r["source"]["text"].startswith("Source : ")
        assert r["fictional"] is (r["source"]["source"] == "demo")


def test_search_hits_and_vocabulary_pages_name_their_source(real_app) -> None:  # type: ignore[no-untyped-def]
    client = real_app.test_client()
    answer = client.get("/api/search?q=France%20services&kind=actor&limit=5").get_json()
    assert answer["results"]
    for r in answer["results"]:
        info = r["source_info"]
        assert info["source"] == r["source"] and info["licence"]
        assert info["fictional"] is r["fictional"]
    real = next(r for r in answer["results"] if r["source"] == "france-services")
    assert real["source_info"]["text"] == (
        "Source : Agence nationale de la cohésion des territoires (ANCT), "
        "Licence Ouverte 2.0, données du 1er août 2024"
    )
    page = client.get("/recherche?q=France%20services&kind=actor").get_data(as_text=True)
    assert "Source : Agence nationale de la cohésion des territoires (ANCT)" in page
    territory = client.get("/territoire/departement/16").get_data(as_text=True)
    assert "CC BY 4.0" in territory and "GeoNames" in territory
    inst = real_app.extensions["alliances"]
    inst.close()  # the command opens the store itself (one process at a time)
    out = CliRunner().invoke(
        main,
        ["search", "France services", "--kind", "actor", "--json"],
        env={"ALLIANCES_HOME": str(inst.home)},
    )
    assert out.exit_code == 0, out.output
    cli = json.loads(out.stdout)
    assert cli["results"] and all(r["source_info"]["licence"] for r in cli["results"])


def test_catalogue_has_one_dataset_per_source_with_its_licence(real_app) -> None:  # type: ignore[no-untyped-def]
    g = Graph().parse(
        data=real_app.test_client().get("/catalog.ttl").get_data(as_text=True), format="turtle"
    )
    for source in ("france-services", "petites-villes-de-demain", "mediation-numerique-charente"):
        ds = URIRef(f"{BASE}graph/{source}")
        assert (ds, DCT.license, LO) in g
        publisher = g.value(ds, DCT.publisher)
        assert publisher is not None and "ANCT" in str(
            g.value(publisher, URIRef("http://xmlns.com/foaf/0.1/name"))
        )
    assert (URIRef(f"{BASE}graph/demo"), ALL.fictional, Literal(True)) in g
    # the territories mix Licence Ouverte data with GeoNames' CC BY 4.0 commune centres
    territories = URIRef(f"{BASE}graph/vocabulary-territories")
    assert (territories, DCT.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in g
    assert "GeoNames" in str(g.value(territories, DCT.bibliographicCitation))


def test_duplicates_are_merged_into_one_actor(real_app) -> None:  # type: ignore[no-untyped-def]
    store = real_app.extensions["alliances"].store
    record = URIRef(BASE + "actor/mediation-numerique-france-services-2158-mediation-numerique")
    canonical = URIRef(BASE + "actor/fs-2158")
    assert store.ask("ASK { ?c ?same ?r }", c=canonical, same=OWL.sameAs, r=record)
    labels = store.select("SELECT ?l WHERE { ?c ?p ?l }", c=canonical, p=SKOS.prefLabel)
    assert len(labels) == 1  # one actor, one name: the merged record gave up its own
    offers = {
        str(r["o"]).rsplit("/", 1)[-1]
        for r in store.select("SELECT ?o WHERE { ?c ?p ?o }", c=canonical, p=ALL.offers)
    }
    assert "formation" in offers  # from the digital-inclusion record's services
    client = real_app.test_client()
    moved = client.get("/actor/" + str(record).rsplit("/", 1)[-1])
    assert moved.status_code == 301 and moved.headers["Location"].endswith("/actor/fs-2158")


def test_duplicates_command_lists_merged_and_uncertain(real_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    inst = real_app.extensions["alliances"]
    home = inst.home
    inst.close()
    monkeypatch.setenv("ALLIANCES_HOME", str(home))
    result = CliRunner().invoke(main, ["duplicates", "--all", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {m["canonical"] for m in data["merged"]} >= {BASE + "actor/fs-2158"}
    assert isinstance(data["uncertain"], list)
    text = CliRunner().invoke(main, ["duplicates"])
    assert text.exit_code == 0 and "Paires incertaines" in text.stdout


@pytest.mark.parametrize(
    ("a", "b", "score", "reason"),
    [
        (
            dict(sirets={"85140647000019"}, sirens={"851406470"}, label="Asso A"),
            dict(sirets={"85140647000019"}, sirens={"851406470"}, label="Autre nom"),
            1.0,
            "same SIRET",
        ),
        (
            dict(sirens={"200070514"}, label="CA du Grand Cognac", places={"epci:200070514"}),
            dict(sirets={"20007051400012"}, sirens={"200070514"}, label="CA DU GRAND COGNAC"),
            1.0,
            "SIRET of the same legal entity (SIREN), same name",
        ),
        (
            dict(label="Mairie de Bonnes", places={"commune:16046"}),
            dict(label="Commune de Bonnes", places={"commune:16046", "epci:200070282"}),
            1.0,
            "same name, same place",
        ),
        (
            dict(sirets={"21160015100013"}, sirens={"211600151"}, label="Mairie d'Angoulême"),
            dict(sirets={"21160015100021"}, sirens={"211600151"}, label="Médiathèque"),
            0.6,
            "same SIREN, other establishment (SIRET)",
        ),
        (
            dict(label="France Service Jarnac", places={"commune:16167"}),
            dict(label="France services Jarnac", places={"commune:16167"}),
            0.98,
            "close names, same place",
        ),
        (
            dict(
                label="France services Saint-Amand-Montrond",
                places={"commune:18197"},
                point=(46.7228, 2.5050),
            ),
            dict(
                label="France services de Saint-Amand-Montrond",
                places={"commune:18197"},
                point=(46.7300, 2.5150),
            ),
            0.9,
            "same name, same place, 1.1 km apart",
        ),
    ],
    ids=["siret", "siren-entity", "name-place", "other-establishment", "close-names", "two-sites"],
)
def test_compare_constructed_pairs(a: dict, b: dict, score: float, reason: str) -> None:  # type: ignore[type-arg]
    first = ActorKey(URIRef(BASE + "actor/a"), "s1", **a)
    second = ActorKey(URIRef(BASE + "actor/b"), "s2", **b)
    pair = compare(first, second)
    assert pair is not None and pair.reason == reason and pair.score == pytest.approx(score, 0.01)


def test_no_pair_for_the_same_name_elsewhere() -> None:
    a = ActorKey(URIRef(BASE + "actor/a"), "s", label="Mairie", places={"commune:16046"})
    b = ActorKey(URIRef(BASE + "actor/b"), "s", label="Mairie", places={"commune:59350"})
    assert compare(a, b) is None
    assert name_key("MAIRIE DE BONNES") == name_key("Commune de Bonnes") == "bonnes"


def test_recognise_groups_and_rewrites_the_batch() -> None:
    published = [
        ActorKey(
            URIRef(BASE + "actor/epci"),
            "pvd",
            label="CC Val",
            sirens={"200043016"},
            places={"epci:200043016"},
        )
    ]
    batch = {
        URIRef(BASE + "actor/x"): ActorKey(
            URIRef(BASE + "actor/x"),
            "n",
            label="CC VAL",
            sirets={"20004301600015"},
            sirens={"200043016"},
            order=0,
        ),
        URIRef(BASE + "actor/y"): ActorKey(
            URIRef(BASE + "actor/y"),
            "n",
            label="Maison",
            sirets={"20004301600015"},
            sirens={"200043016"},
            order=1,
        ),
    }
    plan = recognise(batch, published)
    assert {plan.canonical(i) for i in batch} == {URIRef(BASE + "actor/epci")}
    triples = [
        (URIRef(BASE + "actor/y"), SKOS.prefLabel, Literal("Maison")),
        (URIRef(BASE + "actor/y"), ALL.offers, URIRef("urn:x")),
        (URIRef(BASE + "actor/y#address"), SKOS.note, Literal("gone")),
    ]
    out = apply_plan(triples, plan, {URIRef(BASE + "actor/epci")})
    assert (URIRef(BASE + "actor/epci"), ALL.offers, URIRef("urn:x")) in out
    assert (URIRef(BASE + "actor/epci"), OWL.sameAs, URIRef(BASE + "actor/y")) in out
    assert not [t for t in out if t[1] == SKOS.prefLabel or "#address" in str(t[0])]


# -- the fictional demo is marked everywhere it shows -----------------------------------------

DEMO_ACTOR = "banque-alimentaire-metropole-lilloise"


def test_demo_is_marked_fictional(readonly_app) -> None:  # type: ignore[no-untyped-def]
    client = readonly_app.test_client()
    page = client.get(f"/actor/{DEMO_ACTOR}").get_data(as_text=True)
    assert "Données fictives." in page and "jeu de démonstration" in page
    hits = client.get("/api/search?q=banque alimentaire").get_json()["results"]
    demo = [h for h in hits if h["id"] == DEMO_ACTOR]
    assert demo and demo[0]["fictional"] is True and demo[0]["source"] == "demo"
    territory = client.get("/territoire/departement/59").get_data(as_text=True)
    assert "Cette instance contient aussi un jeu de démonstration" in territory  # every page
    html = client.get("/recherche?q=banque alimentaire").get_data(as_text=True)
    assert "Fictif (démonstration)" in html
    partners = client.get(f"/api/actors/{DEMO_ACTOR}/partners").get_json()["results"]
    assert partners and all(p["fictional"] is (p["source"]["source"] == "demo") for p in partners)
    assert any(p["fictional"] for p in partners)
    doc = Graph().parse(
        data=client.get(f"/id/actor/{DEMO_ACTOR}.ttl").get_data(as_text=True), format="turtle"
    )
    assert (URIRef(BASE + f"actor/{DEMO_ACTOR}"), ALL.fictional, Literal(True)) in doc
    resp = client.get("/export/network/bipartite-nodes.csv")
    nodes = resp.get_data(as_text=True)
    resp.close()
    rows = list(csv.DictReader(nodes.splitlines()))
    assert rows, nodes[:300]
    assert {r["fictional"] for r in rows if r["source"] == "demo"} == {"True"}
    assert {r["fictional"] for r in rows if r["source"] == "cis-2019"} <= {"False"}
    english = readonly_app.test_client().get(f"/actor/{DEMO_ACTOR}?lang=en")
    assert "Fictional data." in english.get_data(as_text=True)


def test_init_no_demo_keeps_vocabularies_and_real_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = CliRunner().invoke(main, ["init", "--no-demo"], env={"ALLIANCES_HOME": str(home)})
    assert result.exit_code == 0, result.output
    from webui.instance import Instance

    inst = Instance.open({"HOME": str(home)})
    try:
        names = {g.source for g in inst.store.graphs()}
        assert "demo" not in names and "cis-2019" in names
        assert {"vocabulary-territories", "vocabulary-data-inclusion"} <= names
        assert not inst.store.ask(f"ASK {{ ?x {ALL.fictional.n3()} true }}")
    finally:
        inst.close()


# -- the shipped datasets, in full (slow) -------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("mapping", [FS, PVD, LIEUX], ids=lambda p: p.parent.name)
def test_shipped_mappings_pass_the_shapes(mapping: Path) -> None:
    """`init` skips pyshacl for the shipped files: this is where they are checked in full."""
    report = validate_mapped(mapping, None, None, BASE)
    assert report.triples > 4000


@pytest.mark.slow
def test_default_instance_shows_real_actors(vocab_template, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """What `alliances serve` builds on first start: real actors, searchable, not fictional."""
    from webui.app import create_app
    from webui.instance import Instance

    from .conftest import copy_store

    home = tmp_path / "home"
    home.mkdir()
    copy_store(vocab_template, home / "store").close()
    shutil.rmtree(home / "index", ignore_errors=True)
    inst = Instance.open({"HOME": str(home), "REAL_DATA": True})
    try:
        inst.init()
        app = create_app(instance=inst)
        client = app.test_client()
        hits = client.get("/api/search?q=France services Cognac").get_json()["results"]
        real = [h for h in hits if h["source"] == "france-services"]
        assert real and not any(h["fictional"] for h in real)
        stats = client.get("/api/search?q=Petites villes de demain&kind=alliance").get_json()
        assert stats["total"] >= 1000
        page = client.get("/actor/fs-1").get_data(as_text=True)
        assert "données du 1er août 2024" in page
    finally:
        inst.close()
