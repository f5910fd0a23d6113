"""The tabular reader (graph/tabular.py): encodings, delimiters, spreadsheets, empty columns."""

from __future__ import annotations

import datetime
import unicodedata
from pathlib import Path

import pytest

from graph.tabular import cell_text, column_letter, detect_encoding, open_table, read_table

from .spreadsheets import write_ods, write_xlsx


def _rows(name: str, data: bytes) -> list[tuple[int, list[str]]]:
    table = read_table(name, data)
    return [(r.line, r.cells) for r in table.records()]


# -- encodings -----------------------------------------------------------------------------
# Short French texts: charset-normalizer alone calls the Windows-1252 ones cp1250 (« Sśur »).
@pytest.mark.parametrize(
    ("text", "codec", "detected"),
    [
        ("id,name\nx,Sœur Marie à l'œuvre\n", "cp1252", "cp1252"),
        ("id,name\nx,Cœur de ville et œuvre sociale\n", "cp1252", "cp1252"),
        ("id,name\nx,«Bœuf» — 50 €\n", "cp1252", "cp1252"),
        ("id,name\nx,Café réparation de Fécamp\n", "cp1252", "cp1252"),
        ("id,name\nx,vêtements\n", "cp1252", "cp1252"),
        ("id,name\nx,Noël\n", "cp1252", "cp1252"),
        ("id,name\nx,Café réparation de Fécamp\n", "mac-roman", "mac-roman"),
        ("id,name\nx,Café réparation de Fécamp\n", "cp850", "cp850"),
        ("id,name\nx,Œuvre de l'été\n", "iso8859-15", "iso8859-15"),
        ("id,name\nx,Œuvre de l'été\n", "utf-8", "utf-8"),
        ("id,name\nx,Œuvre de l'été\n", "utf-8-sig", "utf-8-sig"),
        ("id,name\nx,Œuvre de l'été\n", "utf-16", "utf-16"),
        ("id,name\nx,plain ascii\n", "ascii", "utf-8"),
    ],
)
def test_encoding_detected_on_short_french_text(text: str, codec: str, detected: str) -> None:
    data = text.encode(codec)
    assert detect_encoding(data) == detected
    table = read_table("actors.csv", data)
    assert table.encoding == detected
    assert [r.cells for r in table.records()] == [["x", text.split(",")[-1].strip()]]


def test_encoding_windows_1252_field_case() -> None:
    data = (Path(__file__).parent / "data/field-cases/06-csv-windows-1252/actors.csv").read_bytes()
    table = read_table("actors.csv", data)
    assert table.encoding == "cp1252"
    assert table.describe_fr() == "CSV, Windows-1252, séparateur virgule"


# -- delimiters and line ends ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("id,name,offers\na,X,financement;benevolat\n", ","),
        ('id;name;description\na;"Dupont, Durand";"une, deux, trois"\n', ";"),
        ("id\tname\tdescription\na\tX\tun; deux, trois\n", "\t"),
        ('id,name\na,"x;y;z"\nb,"u;v"\n', ","),
        ("id;name;type\r\na;X;association\r\nb;Y;entreprise\r\n", ";"),
        ("id\na\nb\n", ","),
    ],
)
def test_delimiter_detected(text: str, delimiter: str) -> None:
    table = read_table("actors.csv", text.encode())
    assert table.delimiter == delimiter
    assert all(len(r.cells) == len(table.columns) for r in table.records())


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_any_line_end_and_multiline_cells(newline: str) -> None:
    text = newline.join(["id,description", 'a,"one', "two", 'three"', "b,x", ""])
    assert _rows("actors.csv", text.encode()) == [
        (2, ["a", newline.join(["one", "two", "three"])]),
        (5, ["b", "x"]),
    ]


def test_excel_sep_line_names_the_delimiter() -> None:
    table = read_table("x.csv", b"sep=|\r\nid|name\r\na|b, c; d\r\n")
    assert table.delimiter == "|"
    assert [(r.line, r.cells) for r in table.records()] == [(3, ["a", "b, c; d"])]
    assert table.describe_fr() == "CSV, UTF-8, séparateur barre verticale"


def test_no_field_size_limit() -> None:
    long = "é" * 300_000
    [(line, cells)] = _rows("actors.csv", f'id,description\na,"{long}"\n'.encode())
    assert cells[1] == long


def test_header_is_first_non_empty_row_and_lines_count_from_file_start() -> None:
    assert _rows("x.csv", b"\n,,\nid,name\n\n,\na,b\n") == [(6, ["a", "b"])]
    table = read_table("x.csv", b"\n,,\nid,name\n\n,\na,b\n")
    assert table.header_line == 3
    assert list(table.dicts()) == [(6, {"id": "a", "name": "b"})]


# -- columns ---------------------------------------------------------------------------------
def test_empty_header_columns_ignored_when_empty() -> None:
    table = read_table("x.csv", b"id,,name,,\na,,b,,\n,,,,\n")
    assert [(c.letter, c.header) for c in table.columns] == [("A", "id"), ("C", "name")]
    assert [r.cells for r in table.records()] == [["a", "b"]]
    assert table.problems == []


def test_value_under_empty_header_is_a_problem_naming_its_letter() -> None:
    table = read_table("x.csv", b"id,,name\na,oops,b\nc,,d\n")
    assert [r.cells for r in table.records()] == [["c", "d"]]
    [problem] = table.problems
    assert (problem.line, problem.column, problem.value) == (2, "B", "oops")
    assert "B" in problem.reason_fr


def test_short_rows_padded_extra_values_refused() -> None:
    table = read_table("x.csv", b"id,name,type\na,b\nc,d,e,,\nf,g,h,extra\n")
    assert [r.cells for r in table.records()] == [["a", "b", ""], ["c", "d", "e"]]
    assert [(p.line, p.column, p.value) for p in table.problems] == [(4, "D", "extra")]


def test_unquoted_delimiters_in_last_free_text_column_joined_with_warning() -> None:
    table = read_table("x.csv", b"id,description\na,un, deux, trois\n")
    table.join_tail = True
    assert [r.cells for r in table.records()] == [["a", "un, deux, trois"]]
    assert table.problems == []
    assert [(w.line, w.column) for w in table.warnings] == [(2, "description")]


def test_cells_trimmed_nfc_and_control_characters_removed() -> None:
    nfd = unicodedata.normalize("NFD", "Café")
    table = read_table("x.csv", f"id,name\n  a\u00a0 ,{nfd}\x0bsolidaire\x00\n".encode())
    assert [r.cells for r in table.records()] == [["a", "Café solidaire"]]
    [warning] = table.warnings
    assert (warning.line, warning.column) == (2, "name")
    assert "U+000B" in warning.reason and "U+0000" in warning.reason


@pytest.mark.parametrize(("index", "letter"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ")])
def test_column_letter(index: int, letter: str) -> None:
    assert column_letter(index) == letter


# -- spreadsheets ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "text"),
    [
        (123456782.0, "123456782"),
        (12345678200010.0, "12345678200010"),
        (11.0, "11"),
        (12.3, "12.3"),
        (0.1 + 0.2, "0.3"),
        (1e-7, "0.0000001"),
        (7, "7"),
        (True, "true"),
        (datetime.date(2024, 3, 1), "2024-03-01"),
        (datetime.datetime(2024, 3, 1), "2024-03-01"),
        (datetime.datetime(2024, 3, 1, 10, 30), "2024-03-01T10:30:00"),
        (datetime.time(9, 5), "09:05:00"),
        ("texte", "texte"),
        (None, ""),
    ],
)
def test_cell_text_is_what_a_person_typed(value: object, text: str) -> None:
    assert cell_text(value) == text


def _typed_rows() -> list[list[object]]:
    return [
        ["id", "siren", "odd", "début", "part"],
        ["a", 123456782, 11, datetime.date(2024, 3, 1), 0.1 + 0.2],
        [None, None, None, None, None],
        ["b", "123 456 782", "8;11", "2024", None],
    ]


@pytest.mark.parametrize("writer", [write_xlsx, write_ods])
def test_spreadsheet_numbers_and_dates_as_typed(writer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    suffix = ".xlsx" if writer is write_xlsx else ".ods"
    path = writer(tmp_path / f"acteurs{suffix}", {"Feuille 1": _typed_rows()})
    table = open_table(path)
    assert table.format == suffix[1:]
    assert table.sheet == "Feuille 1"
    assert [c.header for c in table.columns] == ["id", "siren", "odd", "début", "part"]
    assert [(r.line, r.cells) for r in table.records()] == [
        (2, ["a", "123456782", "11", "2024-03-01", "0.3"]),
        (4, ["b", "123 456 782", "8;11", "2024", ""]),
    ]


def test_xlsx_rows_and_columns_as_the_spreadsheet_shows_them(tmp_path: Path) -> None:
    rows = [[], [], [None, None, "id", "name"], [None, None, "a", "b"], [None, "x", None, None]]
    table = open_table(write_xlsx(tmp_path / "t.xlsx", {"S": rows}))
    assert [(c.letter, c.header) for c in table.columns] == [("C", "id"), ("D", "name")]
    assert [(r.line, r.cells) for r in table.records()] == [(4, ["a", "b"])]
    assert [(p.line, p.column, p.value) for p in table.problems] == [(5, "B", "x")]


def test_first_visible_sheet_is_read(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "t.xlsx",
        {"Notes": [["à lire"]], "Acteurs": [["id"], ["a"]]},
        hidden=["Notes"],
    )
    table = open_table(path)
    assert table.sheet == "Acteurs"
    assert [r.cells for r in table.records()] == [["a"]]


@pytest.mark.parametrize(
    "data", [b"PK\x03\x04 not really a zip", b"", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]
)
def test_unreadable_workbook_is_a_problem_not_a_crash(data: bytes) -> None:
    table = read_table("actors.xlsx", data)
    assert list(table.records()) == []
    [problem] = table.problems
    assert problem.file == "actors.xlsx" and problem.reason_fr
