"""Recommender pages: partner finder, examples from an idea, tools panorama, self-assessment.

Every page is a GET form (state in the URL, no JavaScript needed) over `graph.reco.Recommender`.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, current_app, render_template, request

from graph.errors import AlliancesError
from graph.iris import local_name
from graph.reco import Recommender
from ontology.namespaces import IGEO, RDFS, SKOS, concept

from .api_reco import recommender_for
from .i18n import pick

bp = Blueprint("reco_pages", __name__)


def _rec() -> Recommender:
    return recommender_for(current_app.extensions["alliances"])


def _choices(scheme: str) -> list[tuple[str, str]]:
    """(code, label) pairs of a controlled list, in the current language."""
    return [(c.code, pick(c.fr, c.en)) for c in _rec().labels.get().scheme(scheme)]


PLACES = f"""
SELECT ?code (SAMPLE(?l) AS ?label) WHERE {{
  ?r a ?cls ; {IGEO.codeINSEE.n3()} ?code .
  OPTIONAL {{ ?r {SKOS.prefLabel.n3()}|{RDFS.label.n3()} ?l }}
}} GROUP BY ?code ORDER BY ?code
"""


def _places() -> list[tuple[str, str]]:
    """(value, label) of every région and département, for the territory field's datalist."""
    store = current_app.extensions["alliances"].store
    out = []
    for level, cls in (("region", IGEO.Region), ("departement", IGEO.Departement)):
        out += [(f"{level}:{row['code']}", f"{row.get('label') or ''} ({row['code']})")
                for row in store.select(PLACES, cls=cls)]
    return out


def _message(exc: AlliancesError) -> str:
    data = exc.to_dict()
    return pick(str(data.get("message_fr") or ""), str(data.get("message") or ""))


@bp.get("/partenaires")
def partner_finder() -> str:
    """Ranked partners for a described need: type, territory, needs, offers, SDGs."""
    args = request.args
    need = {"type": args.get("type") or None, "territory": args.get("territory", "").strip(),
            "needs": args.getlist("needs"), "offers": args.getlist("offers"),
            "sdgs": args.get("sdgs", "").replace(",", " ").split()}
    asked = any(need.values())
    result: dict[str, Any] = {}
    error = ""
    if asked:
        try:
            result = _rec().partners_for_need({k: v for k, v in need.items() if v}, 10)
        except AlliancesError as exc:
            error = _message(exc)
    return render_template("partners.html", need=need, asked=asked, result=result, error=error,
                           types=_choices("actor-type"), competences=_choices("competence"),
                           places=_places())


@bp.get("/exemples")
def examples() -> str:
    """Alliances similar to a free-text idea, with suggested SDG targets."""
    text = request.args.get("idea", "").strip()[:5000]
    result: dict[str, Any] = {}
    suggestions: dict[str, Any] = {}
    error = ""
    if text:
        try:
            suggestions = _rec().suggest_sdgs(text, 5)
            result = _rec().analogues_for_idea({"text": text}, 10)
        except AlliancesError as exc:
            error = _message(exc)
    return render_template("examples.html", idea=text, result=result, suggestions=suggestions,
                           error=error)


@bp.get("/outils")
def tools_panorama() -> str:
    """Every tool placed on a maturity (columns) × pillar (rows) grid."""
    rec = _rec()
    labels = rec.labels.get()
    levels = labels.scheme("maturity")
    pillars = labels.scheme("pillar")
    pillar_filter = request.args.get("pillar", "")
    kinds, audiences = labels.scheme("tool-kind"), labels.scheme("actor-type")
    kind_filter = request.args.get("kind", "")
    audience_filter = request.args.get("audience", "")
    kind_iri = concept("tool-kind", kind_filter) if kind_filter in {k.code for k in kinds} else None
    audience_iri = (concept("actor-type", audience_filter)
                    if audience_filter in {a.code for a in audiences} else None)
    grid: dict[tuple[str, str], list[Any]] = {}
    for tool in rec.tools.get():
        if (kind_iri and tool.kind != kind_iri) or (audience_iri and audience_iri
                                                       not in tool.audiences):
            continue
        for level in tool.levels:
            for pillar in tool.pillars:
                key = (local_name(level), local_name(pillar))
                grid.setdefault(key, []).append(tool)
    shown = [p for p in pillars if not pillar_filter or p.code == pillar_filter] or pillars
    return render_template("tools.html", levels=levels, pillars=shown, all_pillars=pillars,
                           grid=grid, pillar_filter=pillar_filter, kinds=kinds,
                           kind_filter=kind_filter, audiences=audiences,
                           audience_filter=audience_filter)


@bp.get("/ou-en-etes-vous")
def self_assessment() -> str:
    """The maturity questionnaire; with answers, the level and the tools path."""
    rec = _rec()
    questions = rec.maturity_questions()["questions"]
    answers = {q["id"]: request.args[q["id"]] for q in questions if request.args.get(q["id"])}
    result: dict[str, Any] = {}
    error = ""
    if answers:
        try:
            result = rec.assess_maturity(answers)
        except AlliancesError as exc:
            error = _message(exc)
    return render_template("assessment.html", questions=questions, answers=answers,
                           result=result, error=error)


def init_app(app: Flask) -> None:
    """Register the recommender pages."""
    app.register_blueprint(bp)
