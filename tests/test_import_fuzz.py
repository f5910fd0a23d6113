"""Property-based tests on generated CSV cells (any Unicode, controls, spaces, long text).

Whatever the cells, the encoding, the delimiter and the line ends: reading never crashes, the
report is always well-formed (JSON-ready, every problem located, reasons in both languages), and
no imported text holds a character that XML 1.0 cannot carry.
"""

from __future__ import annotations

import csv
import io
import json
import xml.dom.minidom
from dataclasses import asdict
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal

from graph.cleaning import XML_ILLEGAL
from graph.csv_mapping import Batch, read_csv
from graph.errors import Problem, ValidationFailed
from graph.importer import import_paths
from graph.store import OxigraphStore
from graph.tabular import read_table
from ontology.namespaces import scheme_codes

BASE = "https://w3id.org/alliances/id/"
HEADER = ["id", "nom", "type", "description", "territoire", "odd", "propose", "ressources",
          "siren", "rna", "site web"]  # fmt: skip

# Any character but lone surrogates (which no encoded file can hold), controls included.
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
noise = st.sampled_from(["\u00a0", "\u202f", "\u200b", "\x0b", "\x00", "\x1f", "\ufeff", " ",
                         "\t", "\r\n", "\n", "\ufffe", "’", ";", ",", '"', "%", ":"])  # fmt: skip
long_text = st.builds(lambda s, n: (s or "é") * n, any_text, st.integers(1000, 3000))
cell = st.one_of(any_text, long_text, st.lists(noise, max_size=4).map("".join))


@st.composite
def noisy(draw: st.DrawFn, valid: st.SearchStrategy[str]) -> str:
    """A plausible value with noise around and inside it, or any text."""
    if draw(st.booleans()):
        return draw(cell)
    value = draw(valid)
    before, after = draw(st.lists(noise, max_size=2)), draw(st.lists(noise, max_size=2))
    return "".join(before) + value + "".join(after)


ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)
rows = st.lists(
    st.tuples(
        noisy(ids),
        noisy(st.just("Acteur")),
        noisy(st.sampled_from(scheme_codes("actor-type"))),
        cell,
        noisy(st.sampled_from(["commune:59350", "1053", "departement:1", "59 350"])),
        noisy(st.sampled_from(["11", "2;12.3", "ODD 4", "12,3"])),
        noisy(st.sampled_from(scheme_codes("competence"))),
        noisy(st.sampled_from(["subvention-publique : 60 % ; dons-particuliers : 40 %", ""])),
        noisy(st.sampled_from(["123 456 782", "12345678200010", "123456789"])),
        noisy(st.just("W595000001")),
        noisy(st.just("https://x.example")),
    ).map(list),
    min_size=1,
    max_size=4,
)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])
delimiters = st.sampled_from([",", ";", "\t"])
line_ends = st.sampled_from(["\n", "\r\n"])


def _file(data: list[list[str]], encoding: str, delimiter: str, newline: str) -> bytes | None:
    out = io.StringIO()
    # Python's writer leaves a lone CR unquoted when lines end with LF; spreadsheets quote it.
    bare_cr = any("\r" in c for row in data for c in row)
    quoting = csv.QUOTE_ALL if bare_cr else csv.QUOTE_MINIMAL
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline, quoting=quoting)
    writer.writerows([HEADER, *data])
    try:
        return out.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return None


def _well_formed(p: Problem, name: str) -> None:
    assert p.file == name
    assert p.line is None or (isinstance(p.line, int) and p.line >= 1)
    assert p.column is None or isinstance(p.column, str)
    assert p.value is None or (isinstance(p.value, str) and len(p.value) <= 200)
    assert p.reason.strip() and p.reason_fr.strip()
    assert str(p)


@settings(max_examples=120, deadline=None)
@given(rows, encodings, delimiters, line_ends)
def test_generated_cells_never_crash_and_report_is_well_formed(
    data: list[list[str]], encoding: str, delimiter: str, newline: str
) -> None:
    raw = _file(data, encoding, delimiter, newline)
    if raw is None:
        return
    batch = Batch(BASE)
    read_csv(batch, "acteurs.csv", raw)
    for p in batch.problems + batch.warnings:
        _well_formed(p, "acteurs.csv")
    json.dumps(ValidationFailed(batch.problems, batch.warnings, batch.inputs).to_dict())
    assert batch.inputs[0]["rows"] <= len(data)
    for _, _, o in batch.triples:
        if isinstance(o, Literal):
            assert not XML_ILLEGAL.search(str(o)), repr(o)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["a.csv", "a.tsv", "a.xlsx", "a.ods"]))
def test_arbitrary_bytes_never_crash_the_reader(data: bytes, name: str) -> None:
    table = read_table(name, data)
    for record in table.records():
        assert len(record.cells) == len(table.columns)
        assert all(not XML_ILLEGAL.search(c) for c in record.cells)
    for p in table.problems + table.warnings:
        _well_formed(p, name)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows)
def test_imported_text_serialises_as_well_formed_xml(
    store: OxigraphStore,
    tmp_path_factory,  # type: ignore[no-untyped-def]
    data: list[list[str]],
) -> None:
    folder = Path(tmp_path_factory.mktemp("fuzz"))
    raw = _file(data, "utf-8", ",", "\n")
    assert raw is not None
    (folder / "acteurs.csv").write_bytes(raw)
    try:
        report = import_paths([folder], store, BASE, source="fuzz")
    except ValidationFailed as exc:
        json.dumps(exc.to_dict())
        return
    json.dumps(report.to_dict())
    assert all(isinstance(asdict(w), dict) for w in report.warnings)
    out = io.BytesIO()
    store.dump(out, "rdfxml", [g.iri for g in store.graphs() if g.source == "fuzz"])
    xml.dom.minidom.parseString(out.getvalue())
