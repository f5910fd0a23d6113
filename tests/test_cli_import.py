"""`alliances import` / `validate` as a person and a script use them: what was read, warnings
apart from errors, JSON for scripts, help that says what is accepted, progress on stderr."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from webui.cli import main
from webui.progress import CliProgress, CountingDocuments

CASES = Path(__file__).parent / "data" / "field-cases"


@pytest.fixture
def no_instance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """ALLIANCES_HOME pointing to a folder with no instance (validate must not create one)."""
    home = tmp_path / "home"
    monkeypatch.setenv("ALLIANCES_HOME", str(home))
    return home


def test_validate_says_how_each_file_was_read(no_instance: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(CASES / "06-csv-windows-1252")])
    assert result.exit_code == 0, result.output
    assert "Lu actors.csv : CSV, Windows-1252, séparateur virgule, 1 ligne" in result.stderr
    assert "1 avertissement / warning :" in result.stderr
    assert result.stdout.startswith("Valide : 8 triplets (1 acteur)")
    assert not no_instance.exists()


def test_validate_json_for_scripts(no_instance: Path) -> None:
    result = CliRunner().invoke(
        main, ["validate", "--json", str(CASES / "04-csv-insee-leading-zero")]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["valid"] is True
    assert data["resources"]["actor"] == 2
    assert [(w["line"], w["column"], w["value"]) for w in data["warnings"]] == [
        (2, "territory", "commune:1053"),
        (3, "territory", "departement:1"),
    ]
    assert data["inputs"] == [
        {"file": "actors.csv", "format": "csv", "encoding": "utf-8", "delimiter": ",",
         "sheet": None, "rows": 2}
    ]  # fmt: skip


def test_failure_json_has_every_problem_and_the_warnings_apart(
    no_instance: Path, tmp_path: Path
) -> None:
    (tmp_path / "acteurs.csv").write_text(
        "identifiant;nom;type;territoire;siren\n"
        "a;A;association;commune:1053;123456789\n"
        "b;Bénévoles;multinationale;59350;\n"
        "c;C\x0b;association;;\n",
        encoding="cp1252",
    )
    result = CliRunner().invoke(main, ["validate", "--json", str(tmp_path)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["error"] == "validation_failed"
    assert {"message", "message_fr", "problems", "warnings", "inputs"} <= set(data)
    assert [(p["line"], p["column"], p["value"]) for p in data["problems"]] == [
        (2, "siren", "123456789"),
        (3, "type", "multinationale"),
    ]
    assert [(w["line"], w["column"]) for w in data["warnings"]] == [(2, "territoire"), (4, "nom")]
    assert data["inputs"][0]["encoding"] == "cp1252" and data["inputs"][0]["delimiter"] == ";"
    # people read the same on stderr: what was read, the problems, then the warnings
    err = result.stderr
    assert err.index("Lu acteurs.csv") < err.index("acteurs.csv:2 [siren]")
    assert err.index("acteurs.csv:3 [type]") < err.index("2 avertissements / warnings")
    assert "Traceback" not in result.output


def test_import_xlsx_with_progress_lines(demo_home: Path, tmp_path: Path) -> None:
    home = tmp_path / "inst"
    shutil.copytree(demo_home, home)
    result = CliRunner().invoke(
        main,
        ["import", str(CASES / "13-xlsx" / "actors.xlsx"), "--source", "tableur"],
        env={"ALLIANCES_HOME": str(home)},
    )
    assert result.exit_code == 0, result.output
    assert "… lecture de actors.xlsx : 2 lignes en" in result.stderr
    assert "… écriture de 23 triplets" in result.stderr
    assert "Lu actors.xlsx : XLSX, feuille « Acteurs », 2 lignes" in result.stderr
    assert "Importé : 23 triplets (2 acteurs) dans la source « tableur »" in result.stdout


@pytest.mark.parametrize("command", ["validate", "import"])
def test_help_says_what_is_accepted_and_how_it_is_cleaned(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"], terminal_width=100)
    assert result.exit_code == 0
    words = ["semicolon", "Windows-1252", ".xlsx", ".ods", "123456782", "French", "territoire",
             "SIRET", "leading", "zero", "control characters", "--json"]  # fmt: skip
    for word in words:
        assert word in result.output, word


# -- progress --------------------------------------------------------------------------------
def test_bar_on_a_terminal() -> None:
    out = io.StringIO()
    progress = CliProgress(out, terminal=True, width=160)
    with progress.task("lecture de actors.csv", 1000, "lignes") as bar:
        for _ in range(4):
            bar.advance(250)
    text = out.getvalue()
    assert "lecture de actors.csv" in text and "1000/1000" in text and "lignes" in text
    assert "100%" in text and "/s" in text and "reste" in text


def test_plain_lines_elsewhere() -> None:
    out = io.StringIO()
    progress = CliProgress(out, terminal=False, interval=0.0)
    progress("contrôle SHACL")
    with progress.task("lecture de actors.csv", 100_000, "lignes") as bar:
        bar.advance(50_000)
        bar.advance(50_000)
    lines = out.getvalue().splitlines()
    assert lines[0] == "… contrôle SHACL"
    assert lines[1].startswith("… lecture de actors.csv : 50\u202f000 / 100\u202f000 lignes (")
    assert "reste ~" in lines[1]
    assert lines[-1].startswith("… lecture de actors.csv : 100\u202f000 lignes en ")


def test_counting_documents_advances_the_task() -> None:
    class Docs:
        size = 3

        def of_kind(self, kind: str):  # type: ignore[no-untyped-def]
            yield from range(3)

    out = io.StringIO()
    with CliProgress(out, terminal=False).task("indexation", 6, "documents") as bar:
        docs = CountingDocuments(Docs(), bar)
        assert docs.size == 3
        assert list(docs.of_kind("actor")) + list(docs.of_kind("tool")) == [0, 1, 2, 0, 1, 2]
    assert out.getvalue().strip() == "… indexation : 6 documents en 0 s"


def test_index_rebuild_shows_progress(demo_home: Path, tmp_path: Path) -> None:
    home = tmp_path / "inst"
    shutil.copytree(demo_home, home)
    env = {"ALLIANCES_HOME": str(home), "ALLIANCES_SEARCH_BACKEND": "tantivy"}
    result = CliRunner().invoke(main, ["index", "rebuild"], env=env)
    assert result.exit_code == 0, result.output
    assert "… indexation : " in result.stderr and " documents en " in result.stderr
