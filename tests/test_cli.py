"""The command line: every command has --help, errors go to stderr with exit code 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from webui.cli import main

from .csvdata import ACTORS, write_csv, write_set

COMMANDS = ["init", "import", "validate", "export", "stats", "serve"]


@pytest.fixture
def runner(instance, monkeypatch) -> CliRunner:  # type: ignore[no-untyped-def]
    """A CLI runner on a private copy of the demo instance."""
    home = instance.home
    instance.close()
    monkeypatch.setenv("ALLIANCES_HOME", str(home))
    return CliRunner()


@pytest.mark.parametrize("command", COMMANDS)
def test_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_stats_json_keys(runner: CliRunner) -> None:
    result = runner.invoke(main, ["stats", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {
        "triples",
        "actors",
        "alliances",
        "tools",
        "evaluations",
        "sdg_goals",
        "sdg_targets",
        "territories",
    }
    assert data["sdg_goals"] == 17 and data["sdg_targets"] == 169
    assert data["actors"] >= 200 and data["alliances"] >= 80
    assert data["tools"] >= 40 and data["evaluations"] >= 30


def test_import_then_reimport(runner: CliRunner, tmp_path: Path) -> None:
    folder = write_set(tmp_path / "set")
    first = runner.invoke(main, ["import", str(folder), "--source", "essai", "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["changed"] is True
    second = runner.invoke(main, ["import", str(folder), "--source", "essai", "--json"])
    assert json.loads(second.stdout)["changed"] is False


def test_import_error_is_a_message_not_a_traceback(runner: CliRunner, tmp_path: Path) -> None:
    rows = [dict(ACTORS[0], siren="123456789")]
    path = write_csv(tmp_path / "actors.csv", rows)
    result = runner.invoke(main, ["import", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "actors.csv:2 [siren]" in result.stderr
    assert "Luhn" in result.stderr


def test_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["validate", str(tmp_path / "nope.csv")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_export_formats(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "dump.nt"
    result = runner.invoke(main, ["export", "--format", "nt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1_000_000


def test_console_script_is_installed(tmp_path: Path) -> None:
    """The real `alliances` entry point runs in a fresh process (as a user would call it)."""
    result = subprocess.run(
        [sys.executable, "-m", "webui.cli", "validate", str(write_set(tmp_path / "s"))],
        capture_output=True,
        text=True,
        env={"ALLIANCES_HOME": str(tmp_path / "h"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Valide" in result.stdout
    assert not (tmp_path / "h").exists(), "validate must not create an instance"
