"""JSON API of the recommenders (DESIGN §4–§6): partners, analogues, maturity, SDG suggestions.

Errors are `graph.errors` exceptions (BadRequest, NotFound), answered as JSON by `webui.errors`.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from graph.errors import BadRequest
from graph.places import place_field
from graph.reco import Recommender, inputs

from .instance import Instance
from .sources import annotate

bp = Blueprint("reco_api", __name__, url_prefix="/api")

EXTENSION = "reco"


def recommender_for(instance: Instance) -> Recommender:
    """The instance's recommender (created on first use from its settings)."""
    rec = instance.extensions.get(EXTENSION)
    if rec is None:
        cfg = instance.config
        rec = Recommender(
            instance.store,
            partner_weights=cfg.get("PARTNER_WEIGHTS"),
            analogue_weights=cfg.get("ANALOGUE_WEIGHTS"),
            same_territory=float(cfg.get("ANALOGUE_SAME_TERRITORY", 0.8)),
        )
        instance.extensions[EXTENSION] = rec
    return rec  # type: ignore[no-any-return]


def init_app(app: Flask) -> None:
    """Create the recommender (checking its settings at start-up) and register the API."""
    recommender_for(app.extensions["alliances"])
    app.register_blueprint(bp)


def with_sources(kind: str, answer: dict[str, Any]) -> dict[str, Any]:
    """The answer with `source` and `fictional` on each of its `results` (`webui.sources`)."""
    inst = current_app.extensions["alliances"]
    annotate(inst.store, inst.base, kind, answer.get("results", []))
    return answer


def _rec() -> Recommender:
    return recommender_for(current_app.extensions["alliances"])


def _body() -> dict[str, Any]:
    """The JSON object posted (an empty body counts as {})."""
    if not request.get_data():
        return {}
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise BadRequest(
            "the body must be a JSON object",
            message_fr="le corps de la requête doit être un objet JSON",
        )
    return data


def _args(*multi: str) -> dict[str, Any]:
    """Query parameters; those in `multi` may repeat (?sdgs=2&sdgs=12.3) and become lists."""
    out: dict[str, Any] = {}
    for key in request.args:
        values = request.args.getlist(key)
        out[key] = values if key in multi and len(values) > 1 else values[-1]
    return out


def _split_limit(data: dict[str, Any], default: int = 10) -> tuple[dict[str, Any], int]:
    data = dict(data)
    limit = inputs.limit(data.pop("limit", None) or request.args.get("limit"), default)
    return data, limit


@bp.get("/actors/<actor_id>/partners")
def actor_partners(actor_id: str) -> Response:
    """Complementary partners of an actor, with level, factors, where, reasons and introducers.

    `partner_types` (repeated, or `;`-separated) keeps the actor types sought
    (`?partner_types=entreprise&partner_types=collectivite`)."""
    types = request.args.getlist("partner_types")
    return jsonify(
        with_sources(
            "actor",
            _rec().partners(actor_id, inputs.limit(request.args.get("limit")), types or None),
        )
    )


def with_place(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """`data` with its `territory` read by `graph.places.place_field` (« Lyon », « 69001 »,
    « Nord », `departement:59`…) and replaced by `level:code`, and the place's answer
    (`Resolution.to_dict`: query, found, ambiguous, place, alternatives) or None."""
    ident, found = place_field(data.get("territory"))
    if found is None:
        return data, None
    return {**data, "territory": ident}, found.to_dict()


def _placed(result: dict[str, Any], place: dict[str, Any] | None) -> dict[str, Any]:
    return {**result, "place": place} if place is not None else result


@bp.post("/partners")
def need_partners() -> Response:
    """Complementary partners for a described need (type, territory, needs, offers, sdgs,
    partner_types, text, lang).

    `territory` may be typed as a person would (see `with_place`); the answer then has `place`,
    saying which territory was understood and what else the text could mean. `text` describes
    the project in French or English: the SDG targets and competences read in it stand for
    `sdgs`, `needs` and `offers` when those are not given (`need.text` says what was read)."""
    data, limit = _split_limit(_body())
    data, place = with_place(data)
    return jsonify(_placed(with_sources("actor", _rec().partners_for_need(data, limit)), place))


@bp.get("/alliances/<alliance_id>/analogues")
def alliance_analogues(alliance_id: str) -> Response:
    """Alliances similar to an alliance, with what is alike and what differs."""
    return jsonify(
        with_sources(
            "alliance", _rec().analogues(alliance_id, inputs.limit(request.args.get("limit")))
        )
    )


@bp.route("/analogues", methods=["GET", "POST"])
def idea_analogues() -> Response:
    """Alliances similar to a project idea (text, sdgs, types, territory, resources).

    `territory` may be typed as a person would, as for `/api/partners` (answer field `place`)."""
    raw = _body() if request.method == "POST" else _args("sdgs", "types", "resources")
    data, limit = _split_limit(raw)
    data, place = with_place(data)
    return jsonify(_placed(with_sources("alliance", _rec().analogues_for_idea(data, limit)), place))


@bp.get("/maturity")
def maturity_questions() -> Response:
    """The maturity self-assessment: questions and options in French and English."""
    return jsonify(_rec().maturity_questions())


@bp.post("/maturity")
def maturity_assess() -> Response:
    """Level for the answers ({"answers": {question: option}}) and the tools by pillar."""
    data = _body()
    answers = data.get("answers", data)
    return jsonify(_rec().assess_maturity(answers))


@bp.route("/sdg-suggest", methods=["GET", "POST"])
def sdg_suggest() -> Response:
    """SDG targets suggested for a French or English text (language detected unless `lang` is
    given), with the words that matched."""
    raw = _body() if request.method == "POST" else _args()
    data, limit = _split_limit(raw, default=5)
    inputs.unknown_fields(data, ("text", "lang"))
    text = inputs.text(data.get("text"), "text")
    if not text:
        raise BadRequest("text is required", message_fr="le texte (text) est requis")
    lang = inputs.text(data.get("lang"), "lang", max_length=10) or None
    return jsonify(_rec().suggest_sdgs(text, limit, lang))
