"""SDG pages: `/odd` (the 17 goals), `/sdg/<goal>` (its targets, alliances and actors) and
`/sdg/<target>` (the target text, alliances and actors)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from flask import Blueprint, Flask, render_template

from graph.errors import NotFound
from graph.queries.pages import pages_index
from graph.reference import SDG_GOALS, sdg_labels, sdg_targets

from .app_context import get_instance
from .i18n import N_, both, current_lang
from .pages_geo import LIMIT, split
from .sources import of_vocabulary

bp = Blueprint("sdg_pages", __name__)

#: The official colours of the 17 goals (also in alliances.css as `.sdg-N`; text stays readable).
COLOURS = (
    "#E5243B",
    "#DDA63A",
    "#4C9F38",
    "#C5192D",
    "#FF3A21",
    "#26BDE2",
    "#FCC30B",
    "#A21942",
    "#FD6925",
    "#DD1367",
    "#FD9D24",
    "#BF8B2E",
    "#3F7E44",
    "#0A97D9",
    "#56C02B",
    "#00689D",
    "#19486A",
)


@dataclass
class Goal:
    """A goal or target with its label and number of tagged items."""

    code: str
    label: str
    count: int
    colour: str = ""


@cache
def labels_for(lang: str) -> dict[str, str]:
    """Goal short names and target texts in `lang`, NFC-normalised (some source texts are NFD)."""
    return {k: unicodedata.normalize("NFC", v) for k, v in sdg_labels(lang).items()}


def _key(code: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 100 + ord(p[0]) for p in code.split("."))


def targets_of(goal: str) -> list[str]:
    """The target codes of a goal, in order (1.1 … 1.5, 1.a, 1.b)."""
    return sorted((c for c in sdg_targets() if c.split(".")[0] == goal), key=_key)


@bp.route("/odd")
def goals_page() -> str:
    """The 17 goals as a grid of cards."""
    index = pages_index(get_instance().store)
    labels = labels_for(current_lang())
    goals = [
        Goal(str(g), labels.get(str(g), ""), index.sdg_count(str(g)), COLOURS[g - 1])
        for g in range(1, 18)
    ]
    return render_template("sdg_goals.html", goals=goals)


def sdg_page(code: str) -> str:
    """A goal (with its targets) or a target, and the alliances and actors tagged with it."""
    lang = current_lang()
    index = pages_index(get_instance().store)
    labels = labels_for(lang)
    if code in SDG_GOALS:
        goal = code
        targets = [Goal(c, labels.get(c, ""), index.sdg_count(c)) for c in targets_of(code)]
    elif code in sdg_targets():
        goal, targets = code.split(".")[0], []
    else:
        raise NotFound(**both(N_("There is no SDG goal or target « %(code)s »."), code=code))
    return render_template(
        "sdg.html",
        code=code,
        is_goal=code == goal,
        text=labels.get(code, ""),
        goal=Goal(goal, labels.get(goal, ""), 0, COLOURS[int(goal) - 1]),
        targets=targets,
        items=split(index.sdg(code)),
        limit=LIMIT,
        record_sources=of_vocabulary(get_instance().store, "vocabulary-sdg"),
    )


def init_app(app: Flask) -> None:
    """Register /odd (the goal and target pages are served by `pages.resource_page`)."""
    app.register_blueprint(bp)
