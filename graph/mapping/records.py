"""The rows of a foreign file, whatever its format, with file, line and column for reports.

Tabular files (CSV, TSV, xlsx, xls, ods) are read by the one reader, `graph.tabular` (encoding,
delimiter, spreadsheet noise). A JSON source is a **declared flattening**: the mapping's table says
`"dc:format": "application/json"`, and the file must be a JSON array of flat records (objects whose
values are strings, numbers, booleans or null). Each record is a row; its keys are the column
titles; a key missing from a record is an empty cell; the row's line is the line of the file where
the record starts (as an editor shows it). Numbers are read as the text JSON wrote (`45.681367`,
never `45.68136700000000123`), booleans as `true` / `false`, null as an empty cell. Nested values
are refused (no JSONPath: RML's JSON logical sources are not needed for flat records).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from csvw.metadata import Column

from ..cleaning import XML_ILLEGAL, strip_xml_illegal
from ..errors import Problem
from ..tabular import read_table
from .metadata import TableSpec

_WHITESPACE = " \t\r\n"


@dataclass
class Rows:
    """The rows of one file: `(line, {column name: text})`, and what reading found."""

    file: str
    #: Column name → header as written in the file (what reports name).
    headers: dict[str, str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    info: dict[str, object] = field(default_factory=dict)


def read_rows(spec: TableSpec, name: str, data: bytes) -> Rows:
    """Read `data` (the file `name`) as the table `spec` describes."""
    if spec.format == "json":
        return _json_rows(spec, name, data)
    return _tabular_rows(spec, name, data)


def _titles(column: Column) -> list[str]:
    titles = [t for values in (column.titles or {}).values() for t in values]
    return titles or ([column.name] if column.name else [])


def _match_headers(
    spec: TableSpec,
    name: str,
    headers: list[str],
    out: Rows,
    line: int | None,
    strict: bool = True,
) -> dict[str, int]:
    """Column name → position in the file; a described column absent from the file is a
    problem (unless not `strict`: a JSON record may leave a key out), a column of the file
    nobody describes a warning."""
    keys = {h.strip().casefold(): i for i, h in enumerate(headers)}
    found: dict[str, int] = {}
    for c in spec.columns:
        if c.virtual:
            continue
        where = next((keys[t.casefold()] for t in _titles(c) if t.casefold() in keys), None)
        if where is None and not strict:
            continue
        if where is None:
            out.problems.append(
                Problem(
                    name,
                    line,
                    _titles(c)[0],
                    None,
                    "column described by the mapping is missing from the file",
                    "colonne décrite par la correspondance absente du fichier",
                )
            )
            continue
        found[c.name] = where
        out.headers[c.name] = headers[where]
    described = set(found.values())
    for i, h in enumerate(headers):
        if i not in described and h.strip():
            out.warnings.append(
                Problem(
                    name,
                    line,
                    h,
                    None,
                    "column not described by the mapping: ignored",
                    "colonne non décrite par la correspondance : ignorée",
                )
            )
    return found


def _tabular_rows(spec: TableSpec, name: str, data: bytes) -> Rows:
    table = read_table(name, data)
    out = Rows(name, {})
    positions = _match_headers(
        spec, name, [c.header for c in table.columns], out, table.header_line
    )
    for record in table.records():
        values = {
            col: record.cells[k] if k < len(record.cells) else "" for col, k in positions.items()
        }
        out.rows.append((record.line, values))
    out.problems = table.problems + out.problems
    out.warnings = table.warnings + out.warnings
    out.info = table.info()
    return out


def _json_rows(spec: TableSpec, name: str, data: bytes) -> Rows:
    out = Rows(name, {})
    out.info = {
        "file": name,
        "format": "json",
        "encoding": "utf-8",
        "delimiter": None,
        "sheet": None,
        "rows": 0,
    }
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        out.problems.append(
            Problem(
                name,
                None,
                None,
                None,
                f"JSON must be UTF-8 ({exc.reason} at byte {exc.start})",
                f"le JSON doit être en UTF-8 ({exc.reason} à l'octet {exc.start})",
            )
        )
        return out
    try:
        records = list(_records(text))
    except ValueError as exc:
        out.problems.append(
            Problem(
                name,
                _line_of(text, getattr(exc, "pos", 0)),
                None,
                None,
                f"not a JSON array of records: {exc}",
                f"pas un tableau JSON d'enregistrements : {exc}",
            )
        )
        return out
    keys = list(dict.fromkeys(k for _, r in records if isinstance(r, dict) for k in r))
    positions = _match_headers(spec, name, keys, out, None, strict=False)
    by_key = {keys[pos]: col for col, pos in positions.items()}
    for offset, record in records:
        line = _line_of(text, offset)
        if not isinstance(record, dict):
            out.problems.append(
                Problem(
                    name,
                    line,
                    None,
                    shorten_json(record),
                    "a record must be a JSON object",
                    "un enregistrement doit être un objet JSON",
                )
            )
            continue
        values = {c.name: "" for c in spec.columns if not c.virtual}
        for key, value in record.items():
            col = by_key.get(key)
            if col is None:
                continue
            cell = _cell(value)
            if cell is None:
                out.problems.append(
                    Problem(
                        name,
                        line,
                        key,
                        shorten_json(value),
                        "nested value: records must be flat",
                        "valeur imbriquée : les enregistrements doivent être plats",
                    )
                )
                continue
            values[col] = _clean(out, line, key, cell)
        out.rows.append((line, values))
    out.info["rows"] = len(out.rows)
    return out


def _records(text: str) -> Iterator[tuple[int, object]]:
    """(offset, value) of each element of the top-level JSON array, in order."""
    decoder = json.JSONDecoder()
    i = _skip(text, 0)
    if i >= len(text) or text[i] != "[":
        raise json.JSONDecodeError("expected '['", text, i)
    i = _skip(text, i + 1)
    if i < len(text) and text[i] == "]":
        return
    while True:
        value, end = decoder.raw_decode(text, i)
        yield i, value
        i = _skip(text, end)
        if i < len(text) and text[i] == ",":
            i = _skip(text, i + 1)
            continue
        if i < len(text) and text[i] == "]":
            if _skip(text, i + 1) != len(text):
                raise json.JSONDecodeError("extra data after the array", text, i + 1)
            return
        raise json.JSONDecodeError("expected ',' or ']'", text, i)


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WHITESPACE:
        i += 1
    return i


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _cell(value: object) -> str | None:
    """The text of a flat JSON value; None for an object or an array."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return value.strip()
    return None


def _clean(out: Rows, line: int, key: str, cell: str) -> str:
    """NFC, and characters XML cannot carry removed with a warning (as `graph.tabular` does)."""
    if not cell.isascii():
        cell = unicodedata.normalize("NFC", cell)
    if XML_ILLEGAL.search(cell):
        cell = strip_xml_illegal(cell)[0].strip()
        out.warnings.append(
            Problem(
                out.file,
                line,
                key,
                cell,
                "control character(s) removed (XML 1.0 cannot carry them)",
                "caractère(s) de contrôle supprimé(s) (XML 1.0 ne peut pas les porter)",
            )
        )
    return cell


def shorten_json(value: object, limit: int = 80) -> str:
    """A JSON value as short text for a report."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"
