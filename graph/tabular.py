"""One reader for every tabular input: CSV as spreadsheets save it, `.xlsx`, `.xls` and `.ods`.

Used by `alliances validate` and `alliances import` (through `graph/csv_mapping.py`), and meant for
every other tabular import (mapped foreign datasets, browser uploads): callers get rows with their
file, line and column, and the report says how the file was read.

API
---
`read_table(name, data, sheet=None) -> Table` reads one file (the kind from the name's suffix,
`TABULAR_SUFFIXES`; a workbook's first visible sheet unless `sheet` names another);
`open_table(path)` reads it from disk; `sheet_names(name, data)` lists a workbook's visible sheets.
Reading never raises on bad content: what is wrong goes to `Table.problems` (errors) and
`Table.warnings` (cleaned silently but worth knowing), as `graph.errors.Problem` with file, line,
column, value and reason in English and French.

    table = read_table("actors.csv", data)
    table.format, table.encoding, table.delimiter    # 'csv', 'cp1252', ';'
    [c.header for c in table.columns]                # ['id', 'nom', ...] as written, trimmed
    table.header_line                                # where the header row is
    for record in table.records():                   # data rows, empty rows skipped
        record.line                                  # 1-based line (CSV) or row (spreadsheet)
        record.cells                                 # one str per column, '' when empty
    for line, row in table.dicts(): ...              # or {header: value} per row
    table.problems, table.warnings, table.info()

Lines: for CSV, the physical line where the record starts (a quoted cell may span lines); for a
spreadsheet, the row number the spreadsheet shows. Columns: `Column.header` as written, `index`
(0-based position in the file) and `letter` (`A`, `B`, … `AA`, as a spreadsheet shows).

What is detected and cleaned
----------------------------
- **Encoding** (CSV): a BOM (UTF-8, UTF-16, UTF-32); else UTF-8 if the bytes are valid UTF-8; else
  the Western encoding under which the text reads as French best: Windows-1252 (what French
  spreadsheets save as « CSV »), ISO-8859-15, Mac Roman (« CSV Macintosh ») or DOS code page 850
  (« CSV MS-DOS »), Windows-1252 winning ties; charset-normalizer decides only when none reads as
  French at all (a Cyrillic or Greek file, say). Measured here: charset-normalizer alone calls a
  short French Windows-1252 file cp1250 and turns « œ » into « ś » and « ê » into « ę ».
- **Delimiter** (CSV): `,` `;` or tab, whichever splits the first records into the most columns
  consistently (or the one an Excel `sep=;` first line names). Quoted cells (`"a;b"`), doubled
  quotes, CRLF, LF or CR line ends, any cell length (no field-size limit).
- **Spreadsheets** (python-calamine, which reads xlsx, xlsm, xls and ods): the first visible
  worksheet; numbers as the text a person typed (`123456782`, not `123456782.0`; `11`; `0.3`, not
  `0.30000000000000004`), dates as ISO 8601 (`2024-03-01`), times of day dropped at midnight.
- **Header**: the first non-empty row. Columns whose header and cells are all empty are ignored
  (a value under an empty header is a problem, naming the column letter). Rows whose cells are all
  empty are skipped. Rows shorter than the header are padded with empty cells; extra cells that are
  empty are ignored, extra cells with a value are a problem, unless the caller sets
  `Table.join_tail` (its last column is free text, which a hand-written CSV often cuts at
  unquoted commas): then they are joined back into that column, with a warning.
- **Cells**: trimmed of surrounding whitespace (any Unicode space), put in Unicode normal form NFC,
  and stripped of the characters XML 1.0 cannot carry (`graph/cleaning.py`), with a warning naming
  file, line, column and the code points removed.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
import sys
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import zipguard
from .cleaning import XML_ILLEGAL, shorten, strip_xml_illegal
from .errors import Problem

# A cell may be as long as the file: RDF literals have no size limit, so neither does reading.
# (csv.field_size_limit is process-wide; nothing in this project wants a lower one.)
csv.field_size_limit(sys.maxsize)

CSV_SUFFIXES = frozenset({".csv", ".tsv"})
SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
#: File name endings the reader accepts.
TABULAR_SUFFIXES = CSV_SUFFIXES | SPREADSHEET_SUFFIXES

#: Delimiters tried on CSV files.
CANDIDATES = (",", ";", "\t")
#: Names of delimiters for reports (FR, EN); `|` only when a `sep=|` line names it.
DELIMITERS: dict[str, tuple[str, str]] = {
    ",": ("virgule", "comma"),
    ";": ("point-virgule", "semicolon"),
    "\t": ("tabulation", "tab"),
    "|": ("barre verticale", "vertical bar"),
}

#: Encodings a CSV may be read in, with the names reports give them.
ENCODING_LABELS: dict[str, str] = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16LE",
    "utf-16-be": "UTF-16BE",
    "utf-32": "UTF-32",
    "cp1252": "Windows-1252",
    "iso8859-15": "ISO-8859-15",
    "mac-roman": "Mac Roman",
    "cp850": "DOS 850",
}

#: Western single-byte encodings tried when a file is not UTF-8, in order of preference.
WESTERN = ("cp1252", "iso8859-15", "mac-roman", "cp850")
#: Characters of French text beyond ASCII (what a correct decoding produces).
_FRENCH = frozenset("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»€’‘“”–—…°·")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: How much of a file the encoding and delimiter are judged on.
SAMPLE_BYTES = 1 << 20
SAMPLE_RECORDS = 50


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a table: position in the file, spreadsheet letter, header as written."""

    index: int
    letter: str
    header: str


@dataclass(slots=True)
class Record:
    """A data row: its line (CSV) or row number (spreadsheet), and one cell per column."""

    line: int
    cells: list[str]


@dataclass
class Table:
    """One tabular file (or sheet) opened for reading; see the module docstring."""

    file: str
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    columns: list[Column] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    #: Line (CSV) or row (spreadsheet) of the header.
    header_line: int = 1
    #: Rough number of data rows, for progress bars (exact for spreadsheets).
    size_hint: int | None = None
    #: Data rows yielded so far by `records()`.
    rows: int = 0
    #: CSV only: the last column holds free text, so cells past it in a row are that text cut at
    #: unquoted delimiters (`Réparer : vélos, vêtements`); join them back with a warning instead
    #: of reporting values without a header. Set by the caller before `records()`.
    join_tail: bool = False
    _raw: Iterator[tuple[int, list[str]]] = field(default_factory=lambda: iter(()), repr=False)
    _clean: bool = field(default=False, repr=False)

    def records(self) -> Iterator[Record]:
        """The data rows, cleaned, empty rows skipped; problems and warnings recorded on the way.

        Can be iterated once.
        """
        width = len(self.columns)
        keep = [c.index for c in self.columns]
        last = keep[-1] if keep else -1
        contiguous = keep == list(range(width))
        ignored = {i: column_letter(i) for i in range(last + 1) if i not in set(keep)}
        for line, raw in self._raw:
            cells = [c.strip() for c in raw]
            if not any(cells):
                continue
            if len(cells) > last + 1 and any(cells[last + 1 :]):
                if not self._overflow(line, raw, cells, last):
                    continue
            if ignored and not self._check_ignored(line, cells, ignored):
                continue
            if contiguous and len(cells) == width:
                values = cells
            else:
                values = [cells[i] if i < len(cells) else "" for i in keep]
            if self._clean:
                values = self._cleaned(line, values, raw)
            self.rows += 1
            yield Record(line, values)

    def dicts(self) -> Iterator[tuple[int, dict[str, str]]]:
        """`records()` as `(line, {header as written: value})` pairs, e.g. for a mapping engine
        that names columns by header (duplicate headers: the last one wins)."""
        headers = [c.header for c in self.columns]
        for record in self.records():
            yield record.line, dict(zip(headers, record.cells, strict=True))

    def info(self) -> dict[str, object]:
        """How the file was read, for reports (JSON-ready)."""
        return {
            "file": self.file,
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "sheet": self.sheet,
            "rows": self.rows,
        }

    def describe_fr(self) -> str:
        """How the file was read, in French, for people: `CSV, Windows-1252, point-virgule`."""
        parts = [self.format.upper()]
        if self.encoding:
            parts.append(ENCODING_LABELS.get(self.encoding, self.encoding))
        if self.delimiter:
            parts.append(f"séparateur {DELIMITERS[self.delimiter][0]}")
        if self.sheet:
            parts.append(f"feuille « {self.sheet} »")
        return ", ".join(parts)

    def problem(
        self, line: int | None, column: str | None, value: str | None, reason: str, reason_fr: str
    ) -> None:
        """Record an error on this table."""
        self.problems.append(
            Problem(
                self.file,
                line,
                column,
                None if value is None else shorten(value),
                reason,
                reason_fr,
            )
        )

    def warning(
        self, line: int | None, column: str | None, value: str | None, reason: str, reason_fr: str
    ) -> None:
        """Record a warning on this table."""
        self.warnings.append(
            Problem(
                self.file,
                line,
                column,
                None if value is None else shorten(value),
                reason,
                reason_fr,
            )
        )

    # -- internals -------------------------------------------------------------------------
    def _check_ignored(self, line: int, cells: list[str], ignored: dict[int, str]) -> bool:
        """Values under an empty header are problems. False if any was found."""
        ok = True
        for i, letter in ignored.items():
            if i < len(cells) and cells[i]:
                ok = False
                self._no_header(line, letter, cells[i])
        return ok

    def _overflow(self, line: int, raw: list[str], cells: list[str], last: int) -> bool:
        """Cells past the last named column: joined back into it (`join_tail`) or problems."""
        if self.join_tail and self.delimiter and last >= 0:
            end = max(i for i, c in enumerate(cells) if c) + 1
            joined = self.delimiter.join(raw[last:end]).strip()
            header = self.columns[-1].header
            cells[last:] = [joined]
            self.warning(
                line,
                header,
                joined,
                f"{end - last - 1} unquoted delimiter(s) in the last column: read as part of "
                "its text",
                f"{end - last - 1} séparateur(s) sans guillemets dans la dernière colonne : lus "
                "comme faisant partie de son texte",
            )
            return True
        for i in range(last + 1, len(cells)):
            if cells[i]:
                self._no_header(line, column_letter(i), cells[i])
        return False

    def _no_header(self, line: int, letter: str, value: str) -> None:
        self.problem(
            line,
            letter,
            value,
            f"value in column {letter}, which has no header",
            f"valeur dans la colonne {letter}, qui n'a pas d'en-tête",
        )

    def _cleaned(self, line: int, values: list[str], raw: list[str]) -> list[str]:
        """NFC, and XML-illegal characters removed with a warning (looked for in the raw cell,
        since trimming alone would drop a trailing U+000B silently)."""
        out = []
        for column, value in zip(self.columns, values, strict=True):
            if value and not value.isascii():
                value = unicodedata.normalize("NFC", value)
            cell = raw[column.index] if column.index < len(raw) else ""
            found = XML_ILLEGAL.findall(cell) or XML_ILLEGAL.findall(value)
            if found:
                value = strip_xml_illegal(value)[0].strip()
                removed = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in found))
                self.warning(
                    line,
                    column.header,
                    value,
                    f"control character(s) {removed} removed (XML 1.0 cannot carry them)",
                    f"caractère(s) de contrôle {removed} supprimé(s) "
                    "(XML 1.0 ne peut pas les porter)",
                )
            out.append(value)
        return out


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# -- entry points ----------------------------------------------------------------------------


def open_table(path: Path | str, sheet: str | None = None) -> Table:
    """Read the tabular file at `path` (see `read_table`)."""
    p = Path(path)
    return read_table(p.name, p.read_bytes(), sheet=sheet)


def read_table(name: str, data: bytes, sheet: str | None = None) -> Table:
    """Open one tabular file given its name (for the suffix and reports) and its bytes.

    CSV and TSV are decoded and split as the module docstring says; xlsx, xlsm, xls and ods are
    read with python-calamine (first visible worksheet, or `sheet`). Never raises on bad content:
    an unreadable file is a `Table` with a problem and no rows.
    """
    suffix = Path(name).suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES or _looks_like_workbook(data):
        return _read_workbook(name, data, sheet)
    return _read_csv(name, data)


def sheet_names(name: str, data: bytes) -> list[str]:
    """Visible worksheets of a workbook, in order ([] for CSV or an unreadable file)."""
    if Path(name).suffix.lower() not in SPREADSHEET_SUFFIXES and not _looks_like_workbook(data):
        return []
    try:
        return [s.name for s in _visible_sheets(_workbook(data))]
    except Exception:  # noqa: BLE001 - any failure here is reported by read_table
        return []


# -- CSV -------------------------------------------------------------------------------------


def detect_encoding(data: bytes) -> str:
    """The codec to decode a CSV with (a key of `ENCODING_LABELS`); see the module docstring."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    return _western(data[:SAMPLE_BYTES])


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    codec = "utf-16-le" if odd > even else "utf-16-be"
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


def _french_score(text: str) -> int:
    """How French the non-ASCII characters of a decoding look: +1 each likely, -1 each unlikely.

    An upper-case accented letter right after a lower-case letter (`CafÈ`, what Mac Roman makes
    of Windows-1252 `é`) counts as unlikely.
    """
    score = 0
    for m in _NON_ASCII.finditer(text):
        c, i = m.group(), m.start()
        if c in _FRENCH and not (c.isupper() and i > 0 and text[i - 1].islower()):
            score += 1
        else:
            score -= 1
    return score


def _western(sample: bytes) -> str:
    best, best_score = None, None
    for codec in WESTERN:
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _french_score(text)
        if best_score is None or score > best_score:
            best, best_score = codec, score
    if best is not None and best_score is not None and best_score >= 0:
        return best
    from charset_normalizer import from_bytes

    guess = from_bytes(sample).best()
    if guess is not None:
        return codecs.lookup(guess.encoding).name
    return best or "cp1252"


def detect_delimiter(text: str) -> str:
    """`,` `;` or tab: the one that splits the first records into the most columns consistently.

    A candidate is judged on up to `SAMPLE_RECORDS` records: the share of non-empty records that
    have as many cells as the header (rows with fewer cells count when the missing ones are
    trailing) first, then the number of columns. A single column reads as `,`.
    """
    sample = text[:SAMPLE_BYTES]
    if len(text) > len(sample):  # drop the last, probably cut, line
        sample = sample[: sample.rfind("\n") + 1] or sample
    best, best_key = ",", (0.0, 1)
    for delimiter in CANDIDATES:
        if delimiter not in sample:
            continue
        rows = _sample_rows(sample, delimiter)
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        body = rows[1:] or rows
        fit = sum(1 for r in body if len(r) == width) / len(body)
        key = (fit, width)
        if key > best_key:
            best, best_key = delimiter, key
    return best


def _sample_rows(sample: str, delimiter: str) -> list[list[str]]:
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            while cells and not cells[-1].strip():
                cells = cells[:-1]
            if cells:
                rows.append(cells)
            if len(rows) >= SAMPLE_RECORDS:
                break
    except csv.Error:
        pass
    return rows


def _read_csv(name: str, data: bytes) -> Table:
    table = Table(name, "tsv" if name.lower().endswith(".tsv") else "csv")
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:  # a UTF-16/32 BOM followed by garbage
        table.problem(
            None,
            None,
            None,
            f"cannot decode the file as {encoding} ({exc.reason} at byte {exc.start})",
            f"impossible de décoder le fichier en {encoding} ({exc.reason}, octet {exc.start})",
        )
        return table
    text = text.removeprefix("\ufeff")
    table.encoding = encoding
    first = 1
    hint = _SEP_LINE.match(text)
    if hint:  # Excel's `sep=;` first line names the delimiter
        table.delimiter = hint.group(1)
        text, first = text[hint.end() :], 2
    elif table.format == "tsv":
        table.delimiter = "\t"
    else:
        table.delimiter = detect_delimiter(text)
    table._clean = bool(XML_ILLEGAL.search(text)) or not unicodedata.is_normalized("NFC", text)
    table.size_hint = text.count("\n")
    _attach(table, _csv_records(table, text, first))
    return table


_SEP_LINE = re.compile(r"^sep=([,;\t|])\r?(?:\n|\r)")


def _csv_records(table: Table, text: str, first: int = 1) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=table.delimiter or ",")
    offset = first - 1
    line = first
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            table.problem(line, None, None, f"malformed CSV: {exc}", f"CSV mal formé : {exc}")
            return
        yield line, cells
        line = reader.line_num + 1 + offset


# -- spreadsheets ----------------------------------------------------------------------------


def _looks_like_workbook(data: bytes) -> bool:
    """Zip (xlsx, ods) or OLE2 (xls) magic numbers."""
    return data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))


def _workbook(data: bytes) -> Any:
    """The calamine workbook, after checking what a zip workbook unpacks to (`graph.zipguard`:
    raises ZipBomb, a ValueError, past `MAX_UNPACKED_BYTES`)."""
    from python_calamine import CalamineWorkbook

    if data.startswith(b"PK\x03\x04"):
        try:
            zipguard.unpacked_size(data)
        except zipfile.BadZipFile:
            pass  # calamine reports it in its own words
    return CalamineWorkbook.from_filelike(io.BytesIO(data))


def _visible_sheets(workbook: Any) -> list[Any]:
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    return [
        m
        for m in workbook.sheets_metadata
        if m.visible == SheetVisibleEnum.Visible and m.typ == SheetTypeEnum.WorkSheet
    ]


def _read_workbook(name: str, data: bytes, sheet: str | None) -> Table:
    from python_calamine import CalamineError

    suffix = Path(name).suffix.lower().lstrip(".")
    table = Table(name, suffix if suffix in ("xlsx", "xlsm", "xls", "ods") else "xlsx")
    try:
        workbook = _workbook(data)
        visible = _visible_sheets(workbook)
        if sheet is None:
            if not visible:
                table.problem(
                    None,
                    None,
                    None,
                    "the workbook has no visible worksheet",
                    "le classeur n'a aucune feuille visible",
                )
                return table
            sheet = visible[0].name
        rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except zipguard.ZipBomb as exc:
        mb = zipguard.MAX_UNPACKED_BYTES // 2**20
        table.problem(
            None,
            None,
            None,
            f"the workbook is refused: {exc} (at most {mb} MiB unpacked; a zip bomb?)",
            f"le classeur est refusé : il se décompresse en plus de {mb} Mio (bombe zip ?)",
        )
        return table
    except (CalamineError, ValueError, OSError) as exc:
        table.problem(
            None,
            None,
            None,
            f"cannot read the workbook: {exc}",
            f"impossible de lire le classeur : {exc}",
        )
        return table
    table.sheet = sheet
    table.size_hint = len(rows)
    table._clean = True
    _attach(table, ((i, [cell_text(v) for v in row]) for i, row in enumerate(rows, 1)))
    return table


def cell_text(value: object) -> str:
    """A spreadsheet cell as the text a person typed.

    Whole numbers without `.0` (`123456782.0` → `'123456782'`), others with at most 15 significant
    digits, as spreadsheets show them (`0.30000000000000004` → `'0.3'`); dates and date-times as
    ISO 8601 (a date-time at midnight as a date); times as `HH:MM:SS`; booleans `true`/`false`.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        text = format(value, ".15g")
        if "e" in text:  # 1e-07: write it out as people type it
            text = format(value, ".15f").rstrip("0").rstrip(".")
        return text
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return str(value)
    return "" if value is None else str(value)


# -- shared ----------------------------------------------------------------------------------


def _attach(table: Table, raw: Iterator[tuple[int, list[str]]]) -> None:
    """Read the header (first non-empty row) from `raw`, then let `records()` read the rest."""
    for line, cells in raw:
        headers = [_clean_header(c) for c in cells]
        if any(headers):
            table.columns = [Column(i, column_letter(i), h) for i, h in enumerate(headers) if h]
            table.header_line = line
            table._raw = raw
            if table.size_hint is not None:
                table.size_hint = max(table.size_hint - line, 0)
            return
    if not table.problems:
        table.problem(None, None, None, "empty file: no header row", "fichier vide : pas d'en-tête")


def _clean_header(cell: str) -> str:
    text, _ = strip_xml_illegal(cell)
    return unicodedata.normalize("NFC", text.replace("\ufeff", "")).strip()
