"""Import: all-or-nothing, every problem reported, idempotent, changed rows replace resources."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.errors import ValidationFailed
from graph.importer import import_paths, validate
from graph.store import OxigraphStore
from ontology.namespaces import ALL, ORG, SKOS, concept

from .csvdata import ACTORS, ALLIANCES, EVALUATIONS, TOOLS, write_csv, write_set


def snapshot(store: OxigraphStore) -> Graph:
    """The published instance data (vocabularies aside) as an rdflib graph."""
    out = io.BytesIO()
    graphs = [g.iri for g in store.graphs() if not g.source.startswith("vocabulary-")]
    store.dump(out, "nt", graphs)
    return Graph().parse(data=out.getvalue(), format="nt")


def test_valid_set_imports(store: OxigraphStore, tmp_path: Path, base: str) -> None:
    report = import_paths([write_set(tmp_path / "set")], store, base, source="test")
    assert report.changed
    assert report.resources == {"actor": 3, "alliance": 1, "tool": 1, "evaluation": 1}
    actor = URIRef(base + "actor/ville-roubaix")
    assert store.ask(
        "ASK { ?a ?p ?t }", a=actor, p=ORG.classification, t=concept("actor-type", "collectivite")
    )
    assert store.ask(
        "ASK { ?a ?p ?l }",
        a=URIRef(base + "actor/asso-nord"),
        p=SKOS.prefLabel,
        l=Literal("Les Jardins du Faubourg", lang="fr"),
    )


def test_reimport_changes_nothing(store: OxigraphStore, tmp_path: Path, base: str) -> None:
    folder = write_set(tmp_path / "set")
    import_paths([folder], store, base, source="test")
    before, version = snapshot(store), store.version
    report = import_paths([folder], store, base, source="test")
    assert not report.changed
    assert store.version == version
    assert isomorphic(before, snapshot(store))


def test_changed_row_replaces_resource(store: OxigraphStore, tmp_path: Path, base: str) -> None:
    import_paths([write_set(tmp_path / "a")], store, base, source="test")
    actors = copy.deepcopy(ACTORS)
    actors[0]["needs"] = "expertise-juridique"
    import_paths([write_set(tmp_path / "b", actors=actors)], store, base, source="test")
    needs = {
        r["n"]
        for r in store.select(
            "SELECT ?n WHERE { ?a ?p ?n }", a=URIRef(base + "actor/asso-nord"), p=ALL.needs
        )
    }
    assert needs == {concept("competence", "expertise-juridique")}


def test_row_redefined_by_another_source_replaces_it(
    store: OxigraphStore, tmp_path: Path, base: str
) -> None:
    import_paths([write_set(tmp_path / "a")], store, base, source="first")
    changed = [dict(ACTORS[1], name="Mairie de Roubaix")]
    import_paths([write_csv(tmp_path / "b" / "actors.csv", changed)], store, base, source="second")
    labels = store.select(
        "SELECT ?l WHERE { ?a ?p ?l }", a=URIRef(base + "actor/ville-roubaix"), p=SKOS.prefLabel
    )
    assert [str(r["l"]) for r in labels] == ["Mairie de Roubaix"]


def _problems(store: OxigraphStore, folder: Path, base: str) -> list:
    before, version = snapshot(store), store.version
    with pytest.raises(ValidationFailed) as info:
        import_paths([folder], store, base, source="bad")
    assert store.version == version, "nothing may be written"
    assert isomorphic(before, snapshot(store))
    return info.value.problems


def _with(rows: list[dict[str, str]], index: int, **values: str) -> list[dict[str, str]]:
    rows = copy.deepcopy(rows)
    rows[index].update(values)
    return rows


@pytest.mark.parametrize(
    ("kind", "rows", "column", "fragment"),
    [
        ("actors", _with(ACTORS, 2, siren="732829321"), "siren", "Luhn"),
        ("actors", _with(ACTORS, 2, siren="12345"), "siren", "9 chiffres"),
        ("alliances", _with(ALLIANCES, 0, members="asso-nord;inconnu"), "members", "inconnu"),
        ("actors", _with(ACTORS, 0, territory="commune:99999"), "territory", "territoire inconnu"),
        ("actors", _with(ACTORS, 0, territory="departement:20"), "territory", "territoire inconnu"),
        ("actors", _with(ACTORS, 0, sdgs="2;12.99"), "sdgs", "ODD inconnu"),
        ("actors", _with(ACTORS, 0, sdgs="18"), "sdgs", "ODD inconnu"),
        (
            "actors",
            _with(ACTORS, 0, resources="subvention-publique:60;cotisations:30"),
            "resources",
            "totalisent 90",
        ),
        ("actors", _with(ACTORS, 0, type="ministere"), "type", "code inconnu"),
        ("actors", _with(ACTORS, 0, offers="financement;teleportation"), "offers", "code inconnu"),
        ("tools", _with(TOOLS, 0, maturity="expert"), "maturity", "code inconnu"),
        ("alliances", _with(ALLIANCES, 0, lead="fondation-x"), "lead", "chef de file"),
        ("alliances", _with(ALLIANCES, 0, start="2025", end="2024"), "end", "précède"),
        ("alliances", _with(ALLIANCES, 0, members="asso-nord"), "members", "au moins 2"),
        ("evaluations", _with(EVALUATIONS, 0, scores="impact:7"), "scores", "de 1 à 5"),
        ("evaluations", _with(EVALUATIONS, 0, date="2024-02-30"), "date", "n'existe pas"),
        ("actors", _with(ACTORS, 0, id="Bad Id"), "id", "identifiant invalide"),
        ("actors", _with(ACTORS, 1, id="asso-nord"), "id", "déjà utilisé"),
        ("actors", _with(ACTORS, 0, name=""), "name", "obligatoire"),
        ("actors", _with(ACTORS, 0, email="pas-un-mail"), "email", "électronique"),
    ],
)
def test_each_error_kind(
    store: OxigraphStore,
    tmp_path: Path,
    base: str,
    kind: str,
    rows: list[dict[str, str]],
    column: str,
    fragment: str,
) -> None:
    problems = _problems(store, write_set(tmp_path / "set", **{kind: rows}), base)
    match = [p for p in problems if p.column == column and fragment in p.reason_fr]
    assert match, problems
    assert match[0].file == f"{kind}.csv"
    assert match[0].line is not None and match[0].line >= 2
    assert match[0].reason  # English too


def test_unknown_column(store: OxigraphStore, tmp_path: Path, base: str) -> None:
    rows = [dict(r, couleur="bleu") for r in ACTORS]
    problems = _problems(store, write_set(tmp_path / "set", actors=rows), base)
    assert any(p.column == "couleur" and "colonne inconnue" in p.reason_fr for p in problems)


def test_all_problems_reported_at_once(store: OxigraphStore, tmp_path: Path, base: str) -> None:
    actors = _with(_with(ACTORS, 0, siren="111111111"), 1, territory="commune:00000")
    tools = _with(TOOLS, 0, kind="roman")
    problems = _problems(store, write_set(tmp_path / "set", actors=actors, tools=tools), base)
    assert {(p.file, p.line, p.column) for p in problems} >= {
        ("actors.csv", 2, "siren"),
        ("actors.csv", 3, "territory"),
        ("tools.csv", 2, "kind"),
    }


def test_reference_to_actor_already_in_graph(
    store: OxigraphStore, tmp_path: Path, base: str
) -> None:
    import_paths([write_set(tmp_path / "a")], store, base, source="first")
    rows = [dict(ALLIANCES[0], id="alliance-2", tools="")]
    import_paths([write_csv(tmp_path / "b" / "alliances.csv", rows)], store, base, source="second")


def test_validate_writes_nothing(store: OxigraphStore, tmp_path: Path, base: str) -> None:
    version = store.version
    report = validate([write_set(tmp_path / "set")], store, base)
    assert report.triples > 0
    assert store.version == version


def test_accents_and_case_in_codes(store: OxigraphStore, tmp_path: Path, base: str) -> None:
    rows = _with(ACTORS, 0, type="ASSOCIATION", maturity="1er pas", offers="Bénévolat")
    import_paths([write_set(tmp_path / "set", actors=rows)], store, base, source="t")
    assert store.ask(
        "ASK { ?a ?p ?o }",
        a=URIRef(base + "actor/asso-nord"),
        p=ALL.maturity,
        o=concept("maturity", "premier-pas"),
    )


def test_bom_and_crlf(store: OxigraphStore, tmp_path: Path, base: str) -> None:
    path = tmp_path / "actors.csv"
    path.write_bytes("\ufeffid,name,type\r\nx-1,Élan,association\r\n".encode())
    assert import_paths([path], store, base, source="t").resources["actor"] == 1


def test_provenance_recorded(store: OxigraphStore, tmp_path: Path, base: str) -> None:
    report = import_paths([write_set(tmp_path / "set")], store, base, source="test")
    rows = store.select(
        "SELECT ?title ?sum WHERE { ?g <http://www.w3.org/ns/prov#wasDerivedFrom> ?f . "
        "?f <http://purl.org/dc/terms/title> ?title ; ?p ?sum }",
        g=URIRef(report.graph or ""),
        p=ALL.sha256,
    )
    assert {str(r["title"]) for r in rows} == {
        "actors.csv",
        "alliances.csv",
        "tools.csv",
        "evaluations.csv",
    }
    assert all(len(str(r["sum"])) == 64 for r in rows)


def test_rdf_import_turtle(store: OxigraphStore, tmp_path: Path, base: str) -> None:
    ttl = tmp_path / "x.ttl"
    ttl.write_text(
        f"@prefix skos: <{SKOS}> . @prefix org: <{ORG}> . "
        "@prefix dct: <http://purl.org/dc/terms/> ."
        f'<{base}actor/rdf-1> a org:FormalOrganization ; dct:identifier "rdf-1" ; '
        f'skos:prefLabel "Acteur RDF"@fr ; org:classification <{concept("actor-type", "etat")}> .',
        encoding="utf-8",
    )
    report = import_paths([ttl], store, base, source="rdf")
    assert report.resources["actor"] == 1


def test_rdf_import_checked_by_shapes(store: OxigraphStore, tmp_path: Path, base: str) -> None:
    ttl = tmp_path / "x.ttl"
    ttl.write_text(
        f"@prefix org: <{ORG}> . <{base}actor/rdf-1> a org:FormalOrganization .", encoding="utf-8"
    )
    problems = _problems(store, ttl, base)
    assert problems and problems[0].file == "x.ttl"


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        (
            "remote.jsonld",
            '{"@context": "http://example.org/ctx.jsonld", "@id": "x"}',
            "contextes JSON-LD distants",
        ),
        (
            "nested.jsonld",
            '{"@context": [{"@import": "http://example.org/c"}], "@id": "x"}',
            "contextes JSON-LD distants",
        ),
        (
            "xxe.rdf",
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
            "DOCTYPE",
        ),
        ("broken.ttl", "<a> <b> .", "syntaxe"),
    ],
)
def test_rdf_input_never_fetches(
    store: OxigraphStore, tmp_path: Path, base: str, name: str, content: str, fragment: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    problems = _problems(store, path, base)
    assert any(fragment in p.reason_fr for p in problems), problems
