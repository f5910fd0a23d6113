"""The import side of the field cases (../shared/field-cases, copied in tests/data/field-cases).

One test per case folder: each imports as its README says it should, with the right values in
the graph and the right lines in the report.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from graph.errors import ValidationFailed
from graph.importer import Report, import_paths
from graph.store import OxigraphStore
from ontology.namespaces import ADMS, DCT, FOAF, SCHEMA, SKOS

CASES = Path(__file__).parent / "data" / "field-cases"


def _import(store: OxigraphStore, base: str, case: str) -> Report:
    return import_paths([CASES / case], store, base, source="case")


def _label(store: OxigraphStore, base: str, ident: str) -> str:
    rows = store.select(
        "SELECT ?l WHERE { ?a ?p ?l }", a=URIRef(f"{base}actor/{ident}"), p=SKOS.prefLabel
    )
    return str(rows[0]["l"])


def _notations(store: OxigraphStore, base: str, ident: str) -> dict[str, str]:
    rows = store.select(
        "SELECT ?t ?n WHERE { ?a ?id ?node . ?node ?type ?t ; ?notation ?n }",
        a=URIRef(f"{base}actor/{ident}"),
        id=ADMS.identifier,
        type=DCT.type,
        notation=SKOS.notation,
    )
    return {str(r["t"]): str(r["n"]) for r in rows}


def _territory(store: OxigraphStore, base: str, ident: str) -> str:
    rows = store.select(
        "SELECT ?t WHERE { ?a ?p ?t }", a=URIRef(f"{base}actor/{ident}"), p=SCHEMA.areaServed
    )
    return str(rows[0]["t"])


def test_01_semicolon_delimiter_detected(store: OxigraphStore, base: str) -> None:
    report = _import(store, base, "01-csv-semicolon")
    assert report.resources["actor"] == 2
    assert report.inputs[0]["delimiter"] == ";"
    assert _label(store, base, "epicerie-moulins") == "Épicerie solidaire des Moulins"


def test_02_trailing_empty_columns_ignored(store: OxigraphStore, base: str) -> None:
    report = _import(store, base, "02-csv-trailing-empty-columns")
    assert report.resources["actor"] == 1
    assert report.warnings == []
    assert _territory(store, base, "jardin-gare").endswith("/commune/59350")


def test_03_siren_with_no_break_spaces(store: OxigraphStore, base: str) -> None:
    report = _import(store, base, "03-csv-siren-nbsp")
    assert report.resources["actor"] == 1
    assert _notations(store, base, "asso-siren-nbsp") == {"SIREN": "123456782"}


def test_04_insee_leading_zero_padded_with_warning(store: OxigraphStore, base: str) -> None:
    report = _import(store, base, "04-csv-insee-leading-zero")
    assert _territory(store, base, "asso-bourg") == "http://id.insee.fr/geo/commune/01053"
    assert _territory(store, base, "asso-ain") == "http://id.insee.fr/geo/departement/01"
    assert [(w.line, w.column, w.value) for w in report.warnings] == [
        (2, "territory", "commune:1053"),
        (3, "territory", "departement:1"),
    ]
    assert all("01053" in w.reason or "01" in w.reason for w in report.warnings)


def test_05_long_field_read_and_bad_type_reported(store: OxigraphStore, base: str) -> None:
    version = store.version
    with pytest.raises(ValidationFailed) as exc:
        _import(store, base, "05-csv-long-field")
    problems = [(p.line, p.column, p.value) for p in exc.value.problems]
    assert problems == [(3, "type", "multinationale")]
    assert store.version == version


def test_05_long_field_imports_once_fixed(store: OxigraphStore, base: str, tmp_path: Path) -> None:
    text = (CASES / "05-csv-long-field" / "actors.csv").read_text(encoding="utf-8")
    (tmp_path / "actors.csv").write_text(text.replace("multinationale", "entreprise"), "utf-8")
    import_paths([tmp_path], store, base, source="long")
    rows = store.select(
        "SELECT ?d WHERE { ?a ?p ?d }", a=URIRef(f"{base}actor/velo-long"), p=DCT.description
    )
    assert len(str(rows[0]["d"])) > 131_072


def test_06_windows_1252_detected(store: OxigraphStore, base: str) -> None:
    report = _import(store, base, "06-csv-windows-1252")
    assert report.inputs[0]["encoding"] == "cp1252"
    assert _label(store, base, "cafe-reparation") == "Café réparation de Fécamp"
    rows = store.select(
        "SELECT ?d WHERE { ?a ?p ?d }",
        a=URIRef(f"{base}actor/cafe-reparation"),
        p=DCT.description,
    )
    assert str(rows[0]["d"]) == "Réparer plutôt que jeter : électroménager, vélos, vêtements"


def test_10_control_character_removed_with_warning(store: OxigraphStore, base: str) -> None:
    report = _import(store, base, "10-control-character")
    assert report.resources == {"actor": 2, "alliance": 1, "tool": 0, "evaluation": 0}
    assert _label(store, base, "jardins-vt") == "Jardins partagés"
    names = store.select(
        "SELECT ?n WHERE { ?a ?p ?n }", a=URIRef(f"{base}actor/jardins-vt"), p=FOAF.name
    )
    assert names[0]["n"] == Literal("Jardins partagés")
    [warning] = report.warnings
    assert (warning.file, warning.line, warning.column) == ("actors.csv", 2, "name")
    assert "U+000B" in warning.reason and "U+000B" in warning.reason_fr


def test_13_xlsx_numbers_read_as_typed(store: OxigraphStore, base: str) -> None:
    report = _import(store, base, "13-xlsx")
    assert report.resources["actor"] == 2
    assert report.inputs[0]["format"] == "xlsx"
    assert _notations(store, base, "regie-quartier-roubaix") == {"SIREN": "123456782"}
    sdgs = store.select(
        "SELECT ?s WHERE { ?a ?p ?s }", a=URIRef(f"{base}actor/ville-roubaix"), p=DCT.subject
    )
    assert [str(r["s"]) for r in sdgs] == ["http://metadata.un.org/sdg/11"]
