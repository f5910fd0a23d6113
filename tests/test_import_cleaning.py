"""Spreadsheet noise in coded fields is cleaned before checking (issue 9), in every file kind.

Tables of noisy values: what each becomes in the graph, which are refused and why, which are
accepted with a warning. Mapping-level (no store) except where SHACL must see the result.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.term import Node

from graph.csv_mapping import Batch, read_csv
from graph.importer import import_paths
from graph.store import OxigraphStore
from ontology.namespaces import ALL, DCT, ORG, PROV, SCHEMA, SKOS, XSD, concept

BASE = "https://w3id.org/alliances/id/"
SDG = "http://metadata.un.org/sdg/"
INSEE = "http://id.insee.fr/geo/"

# A row of each kind, to which one column is added.
ROWS = {
    "actors": {"id": "a1", "name": "Acteur", "type": "association"},
    "alliances": {"id": "l1", "title": "Alliance", "members": "a1;a2"},
    "tools": {"id": "t1", "title": "Outil"},
    "evaluations": {"id": "e1", "alliance": "l1", "date": "2024"},
}
SUBJECT = {"actors": "actor/a1", "alliances": "alliance/l1", "tools": "tool/t1",
           "evaluations": "evaluation/e1"}  # fmt: skip


def _read(kind: str, column: str, value: str) -> Batch:
    row = {**ROWS[kind], column: value}
    text = ",".join(row) + "\n" + ",".join(f'"{v}"' for v in row.values()) + "\n"
    batch = Batch(BASE)
    read_csv(batch, f"{kind}.csv", text.encode())
    return batch


def _objects(batch: Batch, predicate: URIRef) -> set[Node]:
    return {o for _, p, o in batch.triples if p == predicate}


def _identifiers(batch: Batch) -> dict[str, str]:
    types = {s: str(o) for s, p, o in batch.triples if p == DCT.type and isinstance(o, Literal)}
    return {types[s]: str(o) for s, p, o in batch.triples if p == SKOS.notation and s in types}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("123\u00a0456\u00a0782", {"SIREN": "123456782"}),
        ("123\u202f456\u202f782", {"SIREN": "123456782"}),
        ("123 456 782", {"SIREN": "123456782"}),
        ("123.456.782", {"SIREN": "123456782"}),
        ("123,456,782", {"SIREN": "123456782"}),
        ("123-456-782", {"SIREN": "123456782"}),
        ("\u200b123456782\u2009", {"SIREN": "123456782"}),
        ("123 456 782 00010", {"SIREN": "123456782", "SIRET": "12345678200010"}),
        ("12345678200010", {"SIREN": "123456782", "SIRET": "12345678200010"}),
        ("356 000 000 00001", {"SIREN": "356000000", "SIRET": "35600000000001"}),
    ],
)
def test_siren_and_siret_noise(value: str, expected: dict[str, str]) -> None:
    batch = _read("actors", "siren", value)
    assert batch.problems == []
    assert _identifiers(batch) == expected


@pytest.mark.parametrize(
    ("siren", "siret", "expected"),
    [
        ("", "123 456 782 00010", {"SIREN": "123456782", "SIRET": "12345678200010"}),
        ("123456782", "12345678200010", {"SIREN": "123456782", "SIRET": "12345678200010"}),
    ],
)
def test_siret_column(siren: str, siret: str, expected: dict[str, str]) -> None:
    row = {**ROWS["actors"], "siren": siren, "siret": siret}
    batch = Batch(BASE)
    read_csv(batch, "actors.csv", (",".join(row) + "\n" + ",".join(row.values())).encode())
    assert batch.problems == []
    assert _identifiers(batch) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("W 595 000 001", "W595000001"),
        ("w595000001", "W595000001"),
        ("W595.000.001", "W595000001"),
        ("\u00a0W595000001\u00a0", "W595000001"),
    ],
)
def test_rna_noise(value: str, expected: str) -> None:
    batch = _read("actors", "rna", value)
    assert batch.problems == []
    assert _identifiers(batch) == {"RNA": expected}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("commune:59350", "commune/59350"),
        ("Commune : 59 350", "commune/59350"),
        ("commune:59\u202f350", "commune/59350"),
        ("59350", "commune/59350"),
        ("59 350", "commune/59350"),
        ("département:59", "departement/59"),
        ("DEPARTEMENT : 2A", "departement/2A"),
        ("2a004", "commune/2A004"),
        ("region:32", "region/32"),
        ("Région : 32", "region/32"),
    ],
)
@pytest.mark.parametrize("kind", ["actors", "alliances"])
def test_territory_noise(kind: str, value: str, expected: str) -> None:
    batch = _read(kind, "territory", value)
    assert batch.problems == [] and batch.warnings == []
    assert _objects(batch, SCHEMA.areaServed) == {URIRef(INSEE + expected)}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("commune:1053", "commune/01053"),
        ("1053", "commune/01053"),
        ("departement:1", "departement/01"),
        ("1", "departement/01"),
        ("region:1", "region/01"),
        ("commune : 1 053", "commune/01053"),
    ],
)
def test_insee_leading_zero_padded_with_warning(value: str, expected: str) -> None:
    batch = _read("actors", "territory", value)
    assert batch.problems == []
    assert _objects(batch, SCHEMA.areaServed) == {URIRef(INSEE + expected)}
    [warning] = batch.warnings
    assert (warning.file, warning.line, warning.column) == ("actors.csv", 2, "territory")
    code = expected.rsplit("/", 1)[1]
    assert code in warning.reason and code in warning.reason_fr


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ODD 11", {"11"}),
        ("odd11", {"11"}),
        ("SDG 2", {"2"}),
        ("2, 11", {"2", "11"}),
        ("2 ; 12 .3", {"2", "12.3"}),
        ("2\n11", {"2", "11"}),
        ("\u00a011\u00a0", {"11"}),
        ("Objectif 4 ; cible 4.a", {"4", "4.a"}),
        ("17.17", {"17.17"}),
    ],
)
@pytest.mark.parametrize("kind", ["actors", "alliances", "tools"])
def test_sdg_noise(kind: str, value: str, expected: set[str]) -> None:
    batch = _read(kind, "sdgs", value)
    assert batch.problems == []
    assert _objects(batch, DCT.subject) == {URIRef(SDG + c) for c in expected}


@pytest.mark.parametrize(
    "value",
    [
        "subvention-publique : 60 % ; recettes-activite : 40 %",
        "Subvention publique:60%;Recettes activité:40%",
        "subvention-publique:60\u202f%;recettes-activite:40\u00a0%",
        "subvention-publique: 60,0 %\nrecettes-activite : 40",
    ],
)
@pytest.mark.parametrize("kind", ["actors", "alliances"])
def test_resource_mix_noise(kind: str, value: str) -> None:
    batch = _read(kind, "resources", value)
    assert batch.problems == []
    shares = {(str(o)) for o in _objects(batch, ALL.shareOfBudget)}
    assert {Decimal(s) for s in shares} == {Decimal("0.6"), Decimal("0.4")}


@pytest.mark.parametrize(
    ("kind", "column", "value", "predicate", "expected"),
    [
        ("actors", "offers", "financement, Bénévolat", ALL.offers,
         {concept("competence", "financement"), concept("competence", "benevolat")}),
        ("actors", "needs", "Financement\nexpertise juridique", ALL.needs,
         {concept("competence", "financement"), concept("competence", "expertise-juridique")}),
        ("actors", "maturity", "1er pas", ALL.maturity, {concept("maturity", "premier-pas")}),
        ("actors", "type", "Collectivité\u00a0", ORG.classification,
         {concept("actor-type", "collectivite")}),
        ("tools", "pillars", "évaluation, faire valoir", ALL.pillar,
         {concept("pillar", "evaluation"), concept("pillar", "faire-valoir")}),
        ("tools", "audience", "association\nentreprise", SCHEMA.audience,
         {concept("actor-type", "association"), concept("actor-type", "entreprise")}),
        ("alliances", "members", "a1, a2\na3", ORG.hasMember,
         {URIRef(BASE + f"actor/a{i}") for i in (1, 2, 3)}),
        ("alliances", "start", "15/06/2023", SCHEMA.startDate,
         {Literal("2023-06-15", datatype=XSD.date)}),
        ("alliances", "start", "1/3/2024", SCHEMA.startDate,
         {Literal("2024-03-01", datatype=XSD.date)}),
        ("alliances", "start", "06/2024", SCHEMA.startDate,
         {Literal("2024-06", datatype=XSD.gYearMonth)}),
        ("alliances", "end", "2024-03-01 00:00:00", SCHEMA.endDate,
         {Literal("2024-03-01", datatype=XSD.date)}),
        ("evaluations", "date", "01.02.2024", DCT.date,
         {Literal("2024-02-01", datatype=XSD.date)}),
        ("evaluations", "evaluator", " A1 ", PROV.wasAttributedTo, {URIRef(BASE + "actor/a1")}),
    ],
)  # fmt: skip
def test_other_noise(
    kind: str, column: str, value: str, predicate: URIRef, expected: set[Node]
) -> None:
    batch = _read(kind, column, value)
    assert batch.problems == []
    assert _objects(batch, predicate) == expected


@pytest.mark.parametrize(
    "value", ["pertinence : 4 ; impact : 5", "Pertinence:4/5, impact: 5", "pertinence:4\nimpact:5"]
)
def test_scores_noise(value: str) -> None:
    batch = _read("evaluations", "scores", value)
    assert batch.problems == []
    assert _objects(batch, SCHEMA.ratingValue) == {Literal(4), Literal(5)}


@pytest.mark.parametrize(
    ("kind", "column", "value", "reason"),
    [
        ("actors", "siren", "123456789", "Luhn"),
        ("actors", "siren", "12345", "9"),
        ("actors", "siren", "1234567²2", "9"),
        ("actors", "siren", "12345678200011", "Luhn"),
        ("actors", "siret", "123456782", "14"),
        ("actors", "rna", "W12345678", "W"),
        ("actors", "territory", "commune:99999", "territory"),
        ("actors", "territory", "commune:9999", "territory"),
        ("actors", "sdgs", "12,3", "ambiguous"),
        ("actors", "sdgs", "18", "SDG"),
        ("actors", "resources", "subvention-publique:nan", "not a number"),
        ("actors", "resources", "subvention-publique:Infinity", "not a number"),
        ("actors", "resources", "subvention-publique:60", "100"),
        ("alliances", "start", "31/02/2024", "no such day"),
        ("alliances", "start", "2024-13", "not a date"),
        ("evaluations", "scores", "pertinence:²", "1 to 5"),
        ("evaluations", "scores", "pertinence:6", "1 to 5"),
    ],
)
def test_refused_values(kind: str, column: str, value: str, reason: str) -> None:
    batch = _read(kind, column, value)
    assert [(p.line, p.column) for p in batch.problems] == [(2, column)]
    assert reason in batch.problems[0].reason
    assert batch.problems[0].reason_fr


def test_siren_and_siret_must_agree() -> None:
    row = {**ROWS["actors"], "siren": "012345674", "siret": "12345678200010"}
    batch = Batch(BASE)
    read_csv(batch, "actors.csv", (",".join(row) + "\n" + ",".join(row.values())).encode())
    assert [(p.column, p.value) for p in batch.problems] == [("siret", "12345678200010")]


def test_siren_that_lost_its_leading_zero_is_padded_with_warning() -> None:
    batch = _read("actors", "siren", "12345674")
    assert batch.problems == []
    assert _identifiers(batch) == {"SIREN": "012345674"}
    assert [(w.column, w.value) for w in batch.warnings] == [("siren", "12345674")]


def test_siret_passes_shacl_and_is_published(
    store: OxigraphStore, base: str, tmp_path: Path
) -> None:
    (tmp_path / "acteurs.csv").write_text(
        "identifiant;nom;type;siret\nx;Régie;association;123 456 782 00010\n", "utf-8"
    )
    report = import_paths([tmp_path], store, base, source="siret")
    assert report.resources["actor"] == 1
    node = URIRef(base + "actor/x#siret")
    assert store.ask("ASK { ?n ?p ?v }", n=node, p=SKOS.notation, v=Literal("12345678200010"))
    node = URIRef(base + "actor/x#siren")
    assert store.ask("ASK { ?n ?p ?v }", n=node, p=SKOS.notation, v=Literal("123456782"))
