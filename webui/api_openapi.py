"""The OpenAPI 3.1 description of the JSON API, served at `GET /api/openapi.json`.

It describes every `/api/` route (a test fails when a route is missing), the parameters and
bodies they accept, the shapes they answer (the required fields are those the code always
returns; objects may carry more, so fields can be added without breaking clients) and the error
shape of `graph.errors` (`error`, `message`, `message_fr`, and `problems` for a validation
failure), answered with 400, 404, 405, 413 and 429. `tests/test_openapi.py` runs schemathesis
against it: no server error, no answer that breaks its schema.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, Response, jsonify

from graph.iris import ID_PATTERN
from graph.reco.inputs import MAX_LIMIT
from search.schema import FACETS, KINDS

bp = Blueprint("openapi", __name__, url_prefix="/api")

JSON = "application/json"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(required: dict[str, Any], optional: dict[str, Any] | None = None) -> dict[str, Any]:
    """An object schema: `required` fields always present, more allowed."""
    return {
        "type": "object",
        "required": sorted(required),
        "properties": {**required, **(optional or {})},
    }


STR: dict[str, Any] = {"type": "string"}
NUM: dict[str, Any] = {"type": "number"}
INT: dict[str, Any] = {"type": "integer"}
STRS: dict[str, Any] = {"type": "array", "items": STR}
SCORES: dict[str, Any] = {"type": "object", "additionalProperties": NUM}

BOOL: dict[str, Any] = {"type": "boolean"}
#: Where a record comes from (`graph.queries.sources.SourceInfo.to_dict`; docs/model.md).
SOURCE: dict[str, Any] = {
    "type": ["object", "null"],
    "description": "The record's source: publisher, licence, date of the data, attribution, "
    "and `text`, the sentence pages show (« Source : ANCT, Licence Ouverte 2.0, données du "
    "1er août 2024 »)",
    "properties": {
        "source": STR,
        "title": STR,
        "publisher": {"type": ["string", "null"]},
        "licence": {"type": ["string", "null"], "description": "licence IRI"},
        "licence_name": {"type": ["string", "null"]},
        "date": {"type": ["string", "null"], "description": "date of the data (ISO 8601)"},
        "attribution": {"type": ["string", "null"]},
        "fictional": BOOL,
        "text": STR,
    },
}

SCHEMAS: dict[str, Any] = {
    "Error": _obj(
        {"error": STR, "message": STR, "message_fr": STR},
        {"problems": {"type": "array", "items": _ref("Problem")}},
    ),
    "Problem": _obj(
        {"file": STR, "reason": STR, "reason_fr": STR},
        {
            "line": {"type": ["integer", "null"]},
            "column": {"type": ["string", "null"]},
            "value": {"type": ["string", "null"]},
        },
    ),
    "Link": _obj({"id": STR, "iri": STR, "label": STR}),
    "SearchHit": _obj(
        {"id": STR, "iri": STR, "kind": {"enum": list(KINDS)}, "label": STR, "score": NUM},
        {
            "label_en": STR,
            "snippet": {"type": "string", "description": "HTML: escaped text, <mark>"},
            "source": {"type": "string", "description": "name of the source graph"},
            "fictional": BOOL,
            "source_info": SOURCE,
        },
    ),
    "SearchResponse": _obj(
        {
            "query": STR,
            "total": INT,
            "page": INT,
            "limit": INT,
            "relaxed": {"type": "boolean"},
            "results": {"type": "array", "items": _ref("SearchHit")},
            "facets": {
                "type": "object",
                "additionalProperties": {"type": "object", "additionalProperties": INT},
            },
            "filters": {"type": "object", "additionalProperties": STRS},
            "suggestion": {"type": ["string", "null"]},
        },
    ),
    "MapActors": _obj(
        {
            "scope": {"enum": ["all", "territory", "search"]},
            "size": {"type": "array", "items": NUM, "minItems": 2, "maxItems": 2},
            "view": {"type": "array", "items": NUM, "minItems": 4, "maxItems": 4},
            "total": INT,
            "in_view": INT,
            "outside": INT,
            "clusters": {
                "type": "array",
                "description": "[x, y, count, département code, département name]",
                "items": {"type": "array", "minItems": 5, "maxItems": 5},
            },
            "points": {
                "type": "array",
                "description": "[x, y, id, name, département, precision]",
                "items": {"type": "array", "minItems": 6, "maxItems": 6},
            },
        },
        {"territory": STR, "actors": INT, "matches": INT, "limit": INT},
    ),
    "Suggestions": _obj(
        {
            "query": STR,
            "suggestions": {
                "type": "array",
                "items": _obj(
                    {"id": STR, "iri": STR, "kind": STR, "label": STR},
                    # territories (kind=territory): what to put in a place field, and where
                    {"text": STR, "level": STR, "context": STR},
                ),
            },
        }
    ),
    "Partner": _obj(
        {
            "id": STR,
            "iri": STR,
            "label": STR,
            "score": NUM,
            "factors": SCORES,
            "reasons": STRS,
            "reasons_en": STRS,
            "introducers": {
                "type": "array",
                "items": _obj({"id": STR, "iri": STR, "label": STR}, {"via": _ref("Link")}),
            },
        },
        {"type": {"type": ["string", "null"]}, "source": SOURCE, "fictional": BOOL},
    ),
    "ActorPartners": _obj({"actor": STR, "results": {"type": "array", "items": _ref("Partner")}}),
    "NeedPartners": _obj(
        {"need": {"type": "object"}, "results": {"type": "array", "items": _ref("Partner")}},
        {
            "hint": {
                **_obj({"code": STR, "fr": STR, "en": STR}),
                "description": "Present when the need states nothing but a place: the levels "
                "then say « proche » (nearby), and the hint invites to describe the need",
            }
        },
    ),
    "Analogue": _obj(
        {
            "id": STR,
            "iri": STR,
            "label": STR,
            "score": NUM,
            "factors": SCORES,
            "alike": STRS,
            "alike_en": STRS,
            "differs": STRS,
            "differs_en": STRS,
        },
        {
            "similarity": NUM,
            "level": {"type": ["object", "null"]},
            "territory": {},
            "source": SOURCE,
            "fictional": BOOL,
        },
    ),
    "AllianceAnalogues": _obj(
        {"alliance": STR, "results": {"type": "array", "items": _ref("Analogue")}}
    ),
    "IdeaAnalogues": _obj(
        {"idea": {"type": "object"}, "results": {"type": "array", "items": _ref("Analogue")}}
    ),
    "MaturityQuestions": _obj(
        {
            "levels": STRS,
            "questions": {
                "type": "array",
                "items": _obj(
                    {
                        "id": STR,
                        "label": STR,
                        "label_en": STR,
                        "options": {
                            "type": "array",
                            "items": _obj(
                                {"code": STR, "label": STR, "label_en": STR, "score": NUM}
                            ),
                        },
                    },
                    {"pillar": {"type": ["string", "null"]}},
                ),
            },
        },
        {"scoring": STR},
    ),
    "MaturityResult": {
        "type": "object",
        "description": "The level reached and the tools by "
        "pillar for it and for the next level (graph/reco/maturity.py).",
    },
    "SdgSuggestions": _obj(
        {
            "text": STR,
            "language": STR,
            "goals": {
                "type": "array",
                "items": _obj({"code": STR, "iri": STR, "label": STR, "score": NUM}),
            },
            "targets": {
                "type": "array",
                "items": _obj({"code": STR, "iri": STR, "label": STR, "score": NUM, "goal": STR}),
            },
        },
        {"language_detection": {"type": "object"}},
    ),
    "Need": {
        "type": "object",
        "description": "Who is looking for partners (any field may be left out).",
        "additionalProperties": False,
        "properties": {
            "type": {"type": "string", "description": "actor type code"},
            "territory": {"type": "string", "examples": ["departement:59"]},
            "needs": {"type": ["array", "string"], "items": STR},
            "offers": {"type": ["array", "string"], "items": STR},
            "sdgs": {"type": ["array", "string"], "items": STR},
            "limit": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
        },
    },
    "Idea": {
        "type": "object",
        "description": "A project idea.",
        "properties": {
            "text": STR,
            "sdgs": {"type": ["array", "string"], "items": STR},
            "types": {"type": ["array", "string"], "items": STR},
            "territory": STR,
            "resources": {"type": ["array", "string"], "items": STR},
            "limit": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
        },
    },
    "Answers": {
        "type": "object",
        "properties": {"answers": {"type": "object", "additionalProperties": STR}},
    },
    "SdgText": {
        "type": "object",
        "required": ["text"],
        "properties": {
            "text": {"type": "string", "minLength": 1, "maxLength": 5000},
            "lang": {"enum": ["fr", "en"]},
            "limit": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
        },
    },
}

ERRORS = {
    "400": "The request is malformed (which parameter, why)",
    "404": "No such resource",
    "405": "Method not allowed",
    "413": "Request body too large (MAX_REQUEST_BYTES)",
    "429": "Too many requests from this client (Retry-After says when to retry)",
}


def _answers(schema: str, *codes: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "200": {"description": "OK", "content": {JSON: {"schema": _ref(schema)}}}
    }
    for code in ("400", *codes, "413", "429"):
        out[code] = {"description": ERRORS[code], "content": {JSON: {"schema": _ref("Error")}}}
    return out


def _query(
    name: str, schema: dict[str, Any], description: str, *, repeat: bool = False
) -> dict[str, Any]:
    param: dict[str, Any] = {
        "name": name,
        "in": "query",
        "description": description,
        "schema": {"type": "array", "items": schema} if repeat else schema,
    }
    if repeat:
        param.update(style="form", explode=True)
    return param


def _path(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string", "pattern": f"^{ID_PATTERN}$"},
    }


def _body(schema: str) -> dict[str, Any]:
    return {"required": False, "content": {JSON: {"schema": _ref(schema)}}}


LIMIT = _query(
    "limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}, "Number of results (1–100)"
)

PATHS: dict[str, Any] = {
    "/api/search": {
        "get": {
            "summary": "Full-text search (French analysis) with facets",
            "operationId": "search",
            "parameters": [
                _query("q", STR, "Text searched (any text is accepted)"),
                _query("kind", {"enum": list(KINDS)}, "Only these kinds", repeat=True),
                _query(
                    "facet",
                    {"type": "string", "pattern": f"^({'|'.join(FACETS)})=.*$"},
                    "Facet filter NAME=VALUE, e.g. region=32",
                    repeat=True,
                ),
                _query("page", {"type": "integer"}, "Page number, from 1"),
                _query("limit", {"type": "integer"}, "Results per page (0–100)"),
            ],
            "responses": _answers("SearchResponse"),
        }
    },
    "/api/map/actors": {
        "get": {
            "summary": "Actors as points clustered on a grid, in map units (docs/ui.md)",
            "operationId": "mapActors",
            "parameters": [
                _query("scope", {"enum": ["all", "territory", "search"]}, "Which actors"),
                _query("territory", STR, "With scope=territory: departement:59, commune:59350…"),
                _query("q", STR, "With scope=search: the text searched"),
                _query("kind", STR, "With scope=search: the kinds searched", repeat=True),
                _query("facet", STR, "With scope=search: facet filters NAME=VALUE", repeat=True),
                _query("bbox", STR, "The view x,y,width,height in map units"),
            ],
            "responses": _answers("MapActors", "404"),
        }
    },
    "/api/suggest": {
        "get": {
            "summary": "Names completing what is typed",
            "operationId": "suggest",
            "parameters": [
                _query("q", STR, "Text typed so far"),
                _query("kind", STR, "Only these kinds (territory for a place field)", repeat=True),
                _query("limit", {"type": "integer"}, "Number of names (1–50)"),
            ],
            "responses": _answers("Suggestions"),
        }
    },
    "/api/actors/{actor_id}/partners": {
        "get": {
            "summary": "Complementary partners of an actor, with reasons and introducers",
            "operationId": "actorPartners",
            "parameters": [_path("actor_id", "Actor identifier"), LIMIT],
            "responses": _answers("ActorPartners", "404"),
        }
    },
    "/api/partners": {
        "post": {
            "summary": "Complementary partners for a described need",
            "operationId": "needPartners",
            "requestBody": _body("Need"),
            "parameters": [LIMIT],
            "responses": _answers("NeedPartners"),
        }
    },
    "/api/alliances/{alliance_id}/analogues": {
        "get": {
            "summary": "Alliances similar to an alliance",
            "operationId": "allianceAnalogues",
            "parameters": [_path("alliance_id", "Alliance identifier"), LIMIT],
            "responses": _answers("AllianceAnalogues", "404"),
        }
    },
    "/api/analogues": {
        "get": {
            "summary": "Alliances similar to a project idea",
            "operationId": "ideaAnalogues",
            "parameters": [
                _query("text", STR, "The idea, in French or English"),
                _query("sdgs", STR, "SDG goals or targets", repeat=True),
                _query("types", STR, "Actor types", repeat=True),
                _query("territory", STR, "region:32, departement:59…"),
                _query("resources", STR, "Resource types", repeat=True),
                LIMIT,
            ],
            "responses": _answers("IdeaAnalogues"),
        },
        "post": {
            "summary": "Alliances similar to a project idea (JSON body)",
            "operationId": "ideaAnaloguesPost",
            "requestBody": _body("Idea"),
            "parameters": [LIMIT],
            "responses": _answers("IdeaAnalogues"),
        },
    },
    "/api/maturity": {
        "get": {
            "summary": "The maturity self-assessment: questions and options",
            "operationId": "maturityQuestions",
            "responses": _answers("MaturityQuestions"),
        },
        "post": {
            "summary": "Level for the answers, and the tools for it",
            "operationId": "maturityAssess",
            "requestBody": _body("Answers"),
            "responses": _answers("MaturityResult"),
        },
    },
    "/api/sdg-suggest": {
        "get": {
            "summary": "SDG targets suggested for a French or English text",
            "operationId": "sdgSuggest",
            "parameters": [
                _query("text", STR, "The text (required, ≤ 5,000 characters)"),
                _query("lang", {"enum": ["fr", "en"]}, "Language, if known"),
                LIMIT,
            ],
            "responses": _answers("SdgSuggestions"),
        },
        "post": {
            "summary": "SDG targets suggested for a text (JSON body)",
            "operationId": "sdgSuggestPost",
            "requestBody": _body("SdgText"),
            "responses": _answers("SdgSuggestions"),
        },
    },
    "/api/openapi.json": {
        "get": {
            "summary": "This description",
            "operationId": "openapi",
            "responses": {
                "200": {
                    "description": "OpenAPI 3.1",
                    "content": {
                        JSON: {"schema": {"type": "object", "required": ["openapi", "paths"]}}
                    },
                },
                "429": {"description": ERRORS["429"], "content": {JSON: {"schema": _ref("Error")}}},
            },
        }
    },
}


def description() -> dict[str, Any]:
    """The OpenAPI 3.1 document (a plain dict)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Alliances JSON API",
            "version": "1",
            "description": "Search, complementary partners, analogous alliances, maturity and "
            "SDG suggestions over the Alliances knowledge graph. Errors share one shape "
            "(`error`, `message`, `message_fr`). Per-client rate limits answer 429 with "
            "Retry-After. The graph itself: SPARQL at /sparql, dumps and DCAT at /catalog.",
            "license": {"name": "MIT (code); data licences in the catalogue", "identifier": "MIT"},
        },
        "paths": PATHS,
        "components": {"schemas": SCHEMAS},
    }


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of this API."""
    return jsonify(description())


def init_app(app: Flask) -> None:
    """Serve the description."""
    app.register_blueprint(bp)
