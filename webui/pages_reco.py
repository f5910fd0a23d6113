"""Recommender pages: partner finder, examples from an idea, tools panorama, self-assessment.

Every page is a GET form (state in the URL, no JavaScript needed) over `graph.reco.Recommender`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Flask, current_app, render_template, request, url_for
from flask_babel import gettext, lazy_gettext, ngettext

from graph.analytics.cache import versioned
from graph.errors import AlliancesError, BadRequest
from graph.iris import local_name
from graph.places import place_field, typed_text
from graph.queries.labels import places
from graph.reco import Recommender, inputs
from graph.reference import territories
from graph.store import Store
from ontology.namespaces import IGEO, concept

from .api_reco import recommender_for, with_place, with_sources
from .i18n import format_number, pick
from .pages_resources import LEVEL_ORDER

bp = Blueprint("reco_pages", __name__)


def _rec() -> Recommender:
    return recommender_for(current_app.extensions["alliances"])


def _choices(scheme: str) -> list[tuple[str, str]]:
    """(code, label) pairs of a controlled list, in the current language."""
    return [(c.code, pick(c.fr, c.en)) for c in _rec().labels.get().scheme(scheme)]


def _places() -> list[tuple[str, str]]:
    """(value, label) of every région and département, for the territory field's datalist: the
    value is what a person types and the finder reads back (« Somme (80) », « Hauts-de-France »,
    `graph.places.typed_text`), never a code such as `departement:80`."""
    return versioned(current_app.extensions["alliances"].store, _place_choices)


def _place_choices(store: Store) -> list[tuple[str, str]]:
    """`_places` for `store` (once per graph version: 25 ms at 100,000 actors)."""
    table = territories()
    out = []
    for level, cls in (("region", IGEO.Region), ("departement", IGEO.Departement)):
        for code, label in places(store, cls):
            t = table.get((level, code))
            text = typed_text(t) if t else label
            if ":" not in text:  # an overseas région: its département, listed, is the same
                out.append((text, f"{label} ({code})" if level == "departement" else label))
    return out


def _with_territory(ident: str, anchor: str | None = None) -> str:
    """The current page's URL with `territory` set to `ident` (another reading of the place,
    given as `level:code` or as the text to type), at `anchor` when given."""
    args = request.args.to_dict(flat=False)
    args["territory"] = [ident]
    return url_for(request.endpoint or "reco_pages.partner_finder", _anchor=anchor, **args)


def _message(exc: AlliancesError) -> str:
    data = exc.to_dict()
    return pick(str(data.get("message_fr") or ""), str(data.get("message") or ""))


#: Where the results (or the list of what to correct) start: the form submits to this anchor,
#: so that the browser shows them after a search instead of the top of the form.
RESULTS_ANCHOR = "resultats"

#: The short « how far » of a partner card, by `where.relation` (graph.reco.proximity).
_SAME = {
    "commune": lazy_gettext("same municipality"),
    "epci": lazy_gettext("same intercommunality"),
    "departement": lazy_gettext("same département"),
    "region": lazy_gettext("same region"),
    "national": lazy_gettext("national actor"),
}


@bp.app_template_global()
def distance_level(where: dict[str, Any] | None) -> str:
    """How far a suggested partner is, in a few words: « même commune », « même région, à 210
    km », « à 420 km », « acteur national »; '' when the seeker has no place. `where` is the
    `where` of a partner result (relation, km rounded as people say them, or null)."""
    if not where:
        return ""
    parts = [str(_SAME[where["relation"]])] if where.get("relation") in _SAME else []
    if where.get("km") is not None and where.get("relation") != "national":
        parts.append(gettext("%(km)s km away", km=format_number(where["km"])))
    return ", ".join(parts)


def _territory_field(value: str) -> tuple[str | None, dict[str, Any] | None, str]:
    """The place typed in the finder: (`level:code`, `Resolution.to_dict()`, error in the page's
    language). Empty gives (None, None, '')."""
    try:
        ident, found = place_field(value)
    except BadRequest:
        return (
            None,
            None,
            gettext(
                "No place matches “%(text)s”. Type a municipality or its postal code "
                "(Lille, 59000), a département (Nord or 59), a region or an intercommunality.",
                text=value[:80],
            ),
        )
    return ident, (found.to_dict() if found else None), ""


def _sdgs_field(codes: list[str]) -> str:
    """The error of the SDG field in the page's language ('' when every code is known)."""
    bad = []
    for code in codes:
        try:
            inputs.sdgs([code])
        except BadRequest:
            bad.append(code[:20])
    if not bad:
        return ""
    return ngettext(
        "Unknown SDG or target: %(codes)s. Type goal numbers from 1 to 17 or targets such as 12.3.",
        "Unknown SDGs or targets: %(codes)s. Type goal numbers from 1 to 17 or targets such as "
        "12.3.",
        len(bad),
        codes=", ".join(bad),
    )


@bp.get("/partenaires")
def partner_finder() -> str:
    """Ranked partners for a described need: type, territory, needs, offers, SDGs, the kinds of
    partner sought, and the project in words (read into SDG targets and competences, shown).

    The place is read as typed (« Lille », « 59000 », « Saint-Denis (93) »: `graph.places`);
    when the text may mean several places the first is used and the others are offered next to
    the field. A value that cannot be read gives its error next to its field (`errors`, by field
    name) and no results; the form goes to `#resultats`, where the results, or the list of what
    to correct, start."""
    args = request.args
    need = {
        "type": args.get("type") or None,
        "territory": args.get("territory", "").strip()[:200],
        "needs": args.getlist("needs"),
        "offers": args.getlist("offers"),
        "sdgs": args.get("sdgs", "").replace(",", " ").split(),
        "partner_types": args.getlist("partner_types"),
        "text": args.get("text", "").strip()[:5000],
    }
    asked = any(need.values())
    result: dict[str, Any] = {}
    errors: dict[str, str] = {}
    error = ""
    ident, place, errors["territory"] = _territory_field(need["territory"])
    errors["sdgs"] = _sdgs_field(need["sdgs"])
    errors = {k: v for k, v in errors.items() if v}
    if asked and not errors:
        data = {k: v for k, v in {**need, "territory": ident}.items() if v}
        try:
            result = with_sources("actor", _rec().partners_for_need(data, 10))
        except AlliancesError as exc:  # only values no field of the form can hold
            error = _message(exc)
    shown_place = need["territory"]
    if place and place["place"] and ":" in shown_place:
        shown_place = place["place"]["text"]  # `commune:59350` from an old link: the name
    competences = _choices("competence")
    return render_template(
        "partners.html",
        need=need,
        asked=asked,
        result=result,
        error=error,
        errors=errors,
        shown_place=shown_place,
        anchor=RESULTS_ANCHOR,
        types=_choices("actor-type"),
        competences=competences,
        competence_names=dict(competences),
        places=_places(),
        place=place,
        place_url=_with_territory,
    )


@bp.get("/exemples")
def examples() -> str:
    """Alliances similar to a free-text idea, with suggested SDG targets."""
    text = request.args.get("idea", "").strip()[:5000]
    territory = request.args.get("territory", "").strip()[:200]
    result: dict[str, Any] = {}
    suggestions: dict[str, Any] = {}
    place: dict[str, Any] | None = None
    error = ""
    if text:
        try:
            suggestions = _rec().suggest_sdgs(text, 5)
            data, place = with_place({"text": text, "territory": territory})
            result = with_sources("alliance", _rec().analogues_for_idea(data, 10))
        except AlliancesError as exc:
            error = _message(exc)
    return render_template(
        "examples.html",
        idea=text,
        result=result,
        suggestions=suggestions,
        error=error,
        territory=territory,
        place=place,
        place_url=_with_territory,
    )


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
    audience_iri = (
        concept("actor-type", audience_filter)
        if audience_filter in {a.code for a in audiences}
        else None
    )
    grid: dict[tuple[str, str], list[Any]] = {}
    for tool in rec.tools.get():
        if (kind_iri and tool.kind != kind_iri) or (
            audience_iri and audience_iri not in tool.audiences
        ):
            continue
        for level in tool.levels:
            for pillar in tool.pillars:
                key = (local_name(level), local_name(pillar))
                grid.setdefault(key, []).append(tool)
    shown = [p for p in pillars if not pillar_filter or p.code == pillar_filter] or pillars
    return render_template(
        "tools.html",
        levels=levels,
        pillars=shown,
        all_pillars=pillars,
        grid=grid,
        pillar_filter=pillar_filter,
        kinds=kinds,
        kind_filter=kind_filter,
        audiences=audiences,
        audience_filter=audience_filter,
    )


#: How many tools the self-assessment recommends for now (per section).
PICKS = 8


@dataclass
class PillarScore:
    """The answers of one pillar as a share of the best answers (0–1), for the chart."""

    code: str
    label: str
    fraction: float
    questions: int


def pillar_scores(questions: list[dict[str, Any]], answers: dict[str, str]) -> list[PillarScore]:
    """Mean answer score per pillar (option index / 3), in the pillar scheme's order.

    Questions without a pillar count for none. Source of the scale: `graph.reco.maturity`
    (options are scored 0–3 in the order they are offered).
    """
    labels = _rec().labels.get()
    sums: dict[str, list[float]] = {}
    for q in questions:
        options = [o["code"] for o in q["options"]]
        if q.get("pillar") and answers.get(q["id"]) in options:
            best = max(len(options) - 1, 1)
            sums.setdefault(q["pillar"], []).append(options.index(answers[q["id"]]) / best)
    out = []
    for concept_label in labels.scheme("pillar"):
        values = sums.get(concept_label.code)
        if values:
            out.append(
                PillarScore(
                    concept_label.code,
                    pick(concept_label.fr, concept_label.en),
                    sum(values) / len(values),
                    len(values),
                )
            )
    return out


def picks(groups: list[dict[str, Any]], order: list[str], limit: int = PICKS) -> list[Any]:
    """Up to `limit` tools taken in turn from each pillar group, weakest pillars first.

    `order` lists pillar codes from the weakest answers to the strongest; each tool is given once
    with its pillar's label.
    """
    rank = {code: i for i, code in enumerate(order)}
    queues = sorted(groups, key=lambda g: rank.get(g["pillar"], len(rank)))
    chosen: list[dict[str, Any]] = []
    seen: set[str] = set()
    depth = 0
    while len(chosen) < limit and any(depth < len(g["tools"]) for g in queues):
        for g in queues:
            if depth < len(g["tools"]) and len(chosen) < limit:
                tool = g["tools"][depth]
                if tool["id"] not in seen:
                    seen.add(tool["id"])
                    chosen.append(
                        {
                            **tool,
                            "pillar": g["pillar"],
                            "pillar_label": pick(g["label"], g["label_en"]),
                        }
                    )
        depth += 1
    return chosen


@bp.get("/ou-en-etes-vous")
def self_assessment() -> str:
    """The maturity questionnaire; with answers, the level explained, a chart of the answers by
    pillar, up to eight tools for now (weakest pillars first) and the next level's tools."""
    rec = _rec()
    questions = rec.maturity_questions()["questions"]
    answers = {q["id"]: request.args[q["id"]] for q in questions if request.args.get(q["id"])}
    result: dict[str, Any] = {}
    error = ""
    chart: list[PillarScore] = []
    now: list[Any] = []
    later: list[Any] = []
    if answers:
        try:
            result = rec.assess_maturity(answers)
        except AlliancesError as exc:
            error = _message(exc)
        else:
            chart = pillar_scores(questions, answers)
            order = [p.code for p in sorted(chart, key=lambda p: p.fraction)]
            now = picks(result["tools"], order)
            later = picks(result["next_tools"], order)
    levels = sorted(rec.labels.get().scheme("maturity"), key=lambda c: LEVEL_ORDER.get(c.code, 9))
    return render_template(
        "assessment.html",
        questions=questions,
        answers=answers,
        result=result,
        error=error,
        chart=chart,
        now=now,
        later=later,
        levels=levels,
    )


def init_app(app: Flask) -> None:
    """Register the recommender pages."""
    app.register_blueprint(bp)
