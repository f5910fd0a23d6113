"""Example queries for researchers, one `.rq` file each in `examples/`, commented in FR and EN.

Each file starts with comment lines `# title-fr:`, `# title-en:`, `# fr:` and `# en:` (the two
explanations may span several `# fr:` / `# en:` lines); the rest is the query.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

EXAMPLES_DIR = Path(__file__).parent / "examples"


@dataclass(frozen=True)
class Example:
    """One example query with its titles and explanations in French and English."""

    name: str
    title_fr: str
    title_en: str
    text_fr: str
    text_en: str
    query: str


def _parse(path: Path) -> Example:
    meta: dict[str, list[str]] = {"title-fr": [], "title-en": [], "fr": [], "en": []}
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        key, _, value = lines[i][1:].strip().partition(":")
        if key in meta:
            meta[key].append(value.strip())
        i += 1
    return Example(
        path.stem,
        " ".join(meta["title-fr"]),
        " ".join(meta["title-en"]),
        " ".join(meta["fr"]),
        " ".join(meta["en"]),
        "\n".join(lines).strip() + "\n",
    )


@cache
def examples() -> tuple[Example, ...]:
    """Every example, in file-name order."""
    return tuple(_parse(p) for p in sorted(EXAMPLES_DIR.glob("*.rq")))
