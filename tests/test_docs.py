"""Documentation keeps up with the code: every setting and CLI command is documented."""

from __future__ import annotations

from pathlib import Path

from webui.cli import main
from webui.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_documented() -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"`ALLIANCES_{s.name}`" not in doc]
    assert not missing, f"undocumented settings: {missing}"


def test_every_command_documented() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [name for name in main.commands if f"`alliances {name}" not in doc]
    assert not missing, f"undocumented commands: {missing}"
