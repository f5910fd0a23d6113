"""The OpenAPI 3.1 description of the JSON API (`/api/openapi.json`) is complete and true:
every `/api/` route is described, and schemathesis finds no server error and no answer that
breaks the description (status codes, content types, headers, response schemas), on generated
valid and invalid requests. Examples per operation are capped (`MAX_EXAMPLES`) to bound CI time.

Two of schemathesis's checks are left out, on purpose: `positive_data_acceptance` (a request
valid for the description must succeed: codes such as a commune's INSEE code or an SDG target are
checked against the graph, which a schema cannot say) and `negative_data_rejection` (an invalid
request must fail: the API is lenient where leniency helps, e.g. a page number past the end
gives the last page, an unknown query parameter is ignored)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import negative_data_rejection, positive_data_acceptance

from webui.api_openapi import PATHS

MAX_EXAMPLES = 25


@pytest.fixture(scope="module")
def api_schema(readonly_app):  # type: ignore[no-untyped-def]
    """The description as schemathesis loads it from the running app."""
    return schemathesis.openapi.from_wsgi("/api/openapi.json", readonly_app)


def test_every_api_route_is_described(readonly_app) -> None:  # type: ignore[no-untyped-def]
    doc = readonly_app.test_client().get("/api/openapi.json").get_json()
    assert doc["openapi"] == "3.1.0"
    described = {(path, method) for path, ops in doc["paths"].items() for method in ops}
    routes = {
        (rule.rule.replace("<", "{").replace(">", "}"), method.lower())
        for rule in readonly_app.url_map.iter_rules()
        if rule.rule.startswith("/api/")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert described == routes


def test_description_matches_real_answers(readonly_app) -> None:  # type: ignore[no-untyped-def]
    """One ordinary call per operation validates against its response schema."""
    import jsonschema_rs

    client = readonly_app.test_client()
    doc = client.get("/api/openapi.json").get_json()
    calls = [
        ("get", "/api/search", "/api/search?q=eau&facet=region%3D32", None),
        ("get", "/api/suggest", "/api/suggest?q=ban", None),
        (
            "get",
            "/api/actors/{actor_id}/partners",
            "/api/actors/banque-alimentaire-metropole-lilloise/partners?limit=3",
            None,
        ),
        (
            "post",
            "/api/partners",
            "/api/partners",
            {"type": "association", "territory": "departement:59", "needs": ["financement"]},
        ),
        (
            "get",
            "/api/alliances/{alliance_id}/analogues",
            "/api/alliances/zero-invendu-metropole-lilloise/analogues?limit=3",
            None,
        ),
        ("get", "/api/analogues", "/api/analogues?text=recyclerie", None),
        ("get", "/api/maturity", "/api/maturity", None),
        ("get", "/api/sdg-suggest", "/api/sdg-suggest?text=gaspillage+alimentaire", None),
        ("get", "/api/actors/{actor_id}/partners", "/api/actors/nobody/partners", None),
        ("get", "/api/search", "/api/search?page=x", None),
        (
            "get",
            "/api/map/actors",
            "/api/map/actors?scope=territory&territory=departement:80",
            None,
        ),
        ("get", "/api/map/actors", "/api/map/actors?bbox=1,2", None),
    ]
    for method, path, url, body in calls:
        r = client.open(url, method=method.upper(), json=body)
        answer = doc["paths"][path][method]["responses"][str(r.status_code)]
        schema = {
            **answer["content"]["application/json"]["schema"],
            "components": doc["components"],
        }
        jsonschema_rs.validate(schema, r.get_json())


#: (path, method, generation mode) of every described operation; invalid requests only where
#: the operation takes parameters or a body.
OPERATIONS = [
    (path, method, mode)
    for path, ops in PATHS.items()
    for method, op in ops.items()
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if mode is GenerationMode.POSITIVE or op.get("parameters") or op.get("requestBody")
]


@pytest.mark.parametrize(("path", "method", "mode"), OPERATIONS)
def test_api_conforms_to_its_description(
    api_schema,
    path: str,
    method: str,  # type: ignore[no-untyped-def]
    mode: GenerationMode,
) -> None:
    operation = api_schema[path][method.upper()]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case) -> None:  # type: ignore[no-untyped-def]
        case.call_and_validate(excluded_checks=[positive_data_acceptance, negative_data_rejection])

    run()
