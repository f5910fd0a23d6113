"""The tree stays lint-clean and formatted (ruff) and type-clean (mypy on graph/ and search/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_clean() -> None:
    pytest.importorskip("ruff")
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_clean() -> None:
    pytest.importorskip("ruff")
    result = _run("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_clean_on_graph_and_search() -> None:
    pytest.importorskip("mypy")
    result = _run("mypy", "graph", "search", "--no-incremental")
    assert result.returncode == 0, result.stdout + result.stderr
