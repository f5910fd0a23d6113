"""French column names and file names, spreadsheets of the whole set, reports naming headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from graph.csv_columns import COLUMNS, KINDS, OTHER_NAMES, column_for, detect_kind
from graph.errors import ValidationFailed
from graph.importer import import_paths, validate
from graph.store import OxigraphStore
from ontology.namespaces import ORG, SCHEMA, SKOS, concept

from .spreadsheets import write_ods, write_xlsx

ACTEURS = [
    ["Identifiant", "Nom", "Type d'acteur", "Territoire", "ODD", "Propose", "Recherche",
     "Ressources", "Maturité", "Site Web", "SIREN", "N° RNA", "Courriel"],
    ["asso-x", "Les Jardins", "Association", "commune:59350", "2;11", "bénévolat",
     "financement", "subvention-publique:100", "1er pas", "https://j.example", "", "",
     "a@j.example"],
    ["ville-y", "Ville de Lille", "collectivité", "59350", "11", "financement", "", "", "actif",
     "", "", "", ""],
]  # fmt: skip
ALLIANCES = [
    ["identifiant", "titre", "membres", "porteur", "territoire", "odd", "début", "fin", "statut",
     "outils"],
    ["l-1", "Alliance des jardins", "asso-x;ville-y", "ville-y", "departement:59", "11",
     "01/03/2024", "2025", "active", "o-1"],
]  # fmt: skip
OUTILS = [
    ["ID", "Titre", "Lien", "Type", "Niveaux", "Piliers", "Public", "ODD", "Éditeur"],
    ["o-1", "Guide", "https://g.example", "guide", "actif;pionnier", "evaluation",
     "association", "17", "asso-x"],
]  # fmt: skip
EVALUATIONS = [
    ["identifiant", "alliance", "date", "notes", "résumé", "évaluateur"],
    ["e-1", "l-1", "2025-01-15", "pertinence:4;impact:5", "Bien.", "ville-y"],
]


def _csv(rows: list[list[str]], delimiter: str = ";") -> str:
    return "\n".join(delimiter.join(f'"{c}"' for c in row) for row in rows) + "\n"


def _assert_set_imported(store: OxigraphStore, base: str) -> None:
    actor = URIRef(base + "actor/asso-x")
    assert store.ask("ASK { ?a ?p ?o }", a=actor, p=ORG.classification,
                     o=concept("actor-type", "association"))  # fmt: skip
    lead = URIRef(base + "alliance/l-1#member-ville-y")
    assert store.ask("ASK { ?m ?p ?o }", m=lead, p=ORG.role, o=concept("role", "chef-de-file"))
    assert store.ask("ASK { ?t ?p ?a }", t=URIRef(base + "tool/o-1"), p=SCHEMA.publisher, a=actor)


def test_french_csv_set(store: OxigraphStore, base: str, tmp_path: Path) -> None:
    folder = tmp_path / "jeu"
    folder.mkdir()
    for name, rows in [("acteurs.csv", ACTEURS), ("alliances.csv", ALLIANCES),
                       ("outils.csv", OUTILS), ("évaluations.csv", EVALUATIONS)]:  # fmt: skip
        (folder / name).write_bytes(_csv(rows).encode("cp1252"))
    report = import_paths([folder], store, base, source="jeu")
    assert report.resources == {"actor": 2, "alliance": 1, "tool": 1, "evaluation": 1}
    assert {i["encoding"] for i in report.inputs} == {"cp1252"}
    assert {i["delimiter"] for i in report.inputs} == {";"}
    _assert_set_imported(store, base)


def test_one_workbook_with_a_sheet_per_file(
    store: OxigraphStore, base: str, tmp_path: Path
) -> None:
    sheets = {"Notice": [["Lisez-moi"]], "Acteurs": ACTEURS, "Alliances": ALLIANCES,
              "Outils": OUTILS, "Évaluations": EVALUATIONS}  # fmt: skip
    report = import_paths([write_xlsx(tmp_path / "classeur.xlsx", sheets)], store, base)
    assert report.resources == {"actor": 2, "alliance": 1, "tool": 1, "evaluation": 1}
    assert [i["file"] for i in report.inputs] == [
        "classeur.xlsx#Acteurs", "classeur.xlsx#Alliances", "classeur.xlsx#Outils",
        "classeur.xlsx#Évaluations",
    ]  # fmt: skip
    _assert_set_imported(store, base)


def test_ods_set(store: OxigraphStore, base: str, tmp_path: Path) -> None:
    folder = tmp_path / "ods"
    write_ods(folder / "acteurs.ods", {"Feuille1": ACTEURS})
    write_ods(folder / "alliances.ods", {"Feuille1": ALLIANCES})
    write_ods(folder / "outils.ods", {"Feuille1": OUTILS})
    write_ods(folder / "evaluations.ods", {"Feuille1": EVALUATIONS})
    (folder / ".~lock.acteurs.ods#").write_text("lock")
    (folder / "~$acteurs.xlsx").write_bytes(b"\x00lock")
    report = import_paths([folder], store, base, source="ods")
    assert report.files == ["acteurs.ods", "alliances.ods", "evaluations.ods", "outils.ods"]
    _assert_set_imported(store, base)


def test_problems_name_the_header_as_written(tmp_path: Path, base: str) -> None:
    rows = [ACTEURS[0], ["asso-x", "X", "Multinationale", "", "", "", "", "", "", "", "", "", ""]]
    (tmp_path / "acteurs.csv").write_text(_csv(rows), "utf-8")
    with pytest.raises(ValidationFailed) as exc:
        validate([tmp_path], None, base)
    assert [(p.line, p.column, p.value) for p in exc.value.problems] == [
        (2, "Type d'acteur", "Multinationale")
    ]


def test_unknown_and_duplicate_columns_are_explained_in_both_languages(
    tmp_path: Path, base: str
) -> None:
    (tmp_path / "acteurs.csv").write_text("id,nom,name,type,couleur\na,X,X,association,vert\n")
    with pytest.raises(ValidationFailed) as exc:
        validate([tmp_path], None, base)
    by_column = {p.column: p for p in exc.value.problems}
    assert set(by_column) == {"name", "couleur"}
    assert "nom" in by_column["name"].reason_fr and "name" in by_column["name"].reason_fr
    unknown = by_column["couleur"]
    assert "name / nom" in unknown.reason_fr and "territory / territoire" in unknown.reason
    assert "colonne E" in unknown.reason_fr


@pytest.mark.parametrize(
    ("kind", "header", "column"),
    [
        ("actors", "Nom", "name"),
        ("actors", "TERRITOIRE", "territory"),
        ("actors", "odd", "sdgs"),
        ("actors", "Propose", "offers"),
        ("actors", "recherche", "needs"),
        ("actors", "Ressources", "resources"),
        ("actors", "maturite", "maturity"),
        ("actors", "Maturité *", "maturity"),
        ("actors", "site_web", "website"),
        ("actors", "Site web (https://…)", "website"),
        ("actors", "siret", "siret"),
        ("actors", "e-mail", "email"),
        ("alliances", "Membres", "members"),
        ("alliances", "membre", "members"),
        ("alliances", "Porteur", "lead"),
        ("alliances", "chef de file", "lead"),
        ("alliances", "Date de début", "start"),
        ("tools", "type", "kind"),
        ("tools", "Éditeur", "publisher"),
        ("evaluations", "Résumé", "summary"),
        ("evaluations", "note", "scores"),
        ("actors", "description", "description"),
    ],
)
def test_column_names(kind: str, header: str, column: str) -> None:
    assert column_for(kind, header) == column


def test_every_column_has_a_french_name_that_is_unambiguous() -> None:
    for kind in KINDS:
        names = [OTHER_NAMES[kind].get(c, (c,))[0] for c in COLUMNS[kind]]
        assert [column_for(kind, n) for n in names] == list(COLUMNS[kind])


@pytest.mark.parametrize(
    ("name", "header", "kind"),
    [
        ("acteurs", [], "actors"),
        ("mes-outils", [], "tools"),
        ("Évaluations 2024", [], "evaluations"),
        ("evaluations-alliances", ["id", "alliance", "date"], "evaluations"),
        ("export", ["identifiant", "titre", "membres"], "alliances"),
        ("export", ["id", "nom", "type"], "actors"),
        ("export", ["id", "titre"], "tools"),
        ("export", ["foo"], None),
    ],
)
def test_kind_from_file_name_or_header(name: str, header: list[str], kind: str | None) -> None:
    assert detect_kind(name, header).kind == kind


def test_label_of_french_row(store: OxigraphStore, base: str, tmp_path: Path) -> None:
    (tmp_path / "acteurs.csv").write_text(_csv(ACTEURS[:2], ","), "utf-8")
    import_paths([tmp_path], store, base, source="fr")
    labels = store.select("SELECT ?l WHERE { ?a ?p ?l }", a=URIRef(base + "actor/asso-x"),
                          p=SKOS.prefLabel)  # fmt: skip
    assert [str(r["l"]) for r in labels] == ["Les Jardins"]
