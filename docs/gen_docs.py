"""Regenerate docs/configuration.md and docs/cli.md from the code: python docs/gen_docs.py."""

from __future__ import annotations

from pathlib import Path

import click

from webui.cli import main
from webui.settings import SETTINGS

DOCS = Path(__file__).resolve().parent


def configuration() -> str:
    """Markdown table of every setting."""
    lines = [
        "# Configuration",
        "",
        "Settings come, in increasing priority, from the defaults below, `config.toml` in the",
        'instance folder (keys without the prefix, e.g. `search_backend = "tantivy"`), environment',
        "variables `ALLIANCES_<NAME>`, and overrides given to `create_app` (tests).",
        "They are checked",
        "at start-up; an unknown or malformed value stops the program with a clear message.",
        "Yes/no settings accept `true`/`false` in `config.toml` and `1`/`0`, `on`/`off`,",
        "`true`/`false` in the environment.",
        "",
        "Limits and exposure to the internet (`TRUSTED_PROXIES`, `MAX_REQUEST_BYTES`,",
        "`RATE_LIMIT*`, `SPARQL_*`, `SECRET_KEY`): what each protects and how to choose values",
        "behind a reverse proxy or with several worker processes is in",
        "[deployment.md](deployment.md).",
        "",
        "| variable | default | meaning |",
        "|---|---|---|",
    ]
    for s in SETTINGS:
        lines.append(f"| `ALLIANCES_{s.name}` | `{s.default}` | {s.help} |")
    return "\n".join(lines) + "\n"


def cli() -> str:
    """Markdown reference of every command, from click's own help."""
    lines = ["# Command line", "", "Errors go to stderr with exit code 1, never a traceback.", ""]
    ctx = click.Context(main, info_name="alliances")
    for name, cmd in sorted(main.commands.items()):
        sub = click.Context(cmd, info_name=f"alliances {name}", parent=None)
        lines += [
            f"## `alliances {name}`",
            "",
            "```",
            cmd.get_help(sub).replace("Usage: alliances", "Usage: alliances"),
            "```",
            "",
        ]
    del ctx
    return "\n".join(lines)


if __name__ == "__main__":
    (DOCS / "configuration.md").write_text(configuration(), encoding="utf-8")
    (DOCS / "cli.md").write_text(cli(), encoding="utf-8")
