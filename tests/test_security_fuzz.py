"""Property-based tests (hypothesis): no input produces a server error.

- every route of the URL map (enumerated, not listed by hand), with generated path values, query
  parameters (the names the views read, found in webui/, plus unknown ones), Accept headers,
  methods and bodies;
- the SPARQL endpoint with generated queries made of SPARQL words and punctuation;
- the search query path (the index itself, not only through HTTP);
- the importer with generated RDF files of every accepted syntax (bytes, and JSON structures
  for JSON-LD): it reports problems (ValidationFailed) or accepts, nothing else.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WEBUI = Path(__file__).resolve().parent.parent / "webui"
FUZZ = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _parameter_names() -> list[str]:
    """Query parameters the views read (`request.args.get("…")`, `getlist`, `_int("…")`…)."""
    names: set[str] = set()
    for path in WEBUI.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        names.update(re.findall(r'args\.get(?:list)?\(\s*"([\w-]+)"', text))
        names.update(re.findall(r'_int\(\s*"([\w-]+)"', text))
    return sorted(
        names
        | {
            "query",
            "format",
            "output",
            "default-graph-uri",
            "named-graph-uri",
            "lang",
            "zzz-unknown",
        }
    )


PARAMS = _parameter_names()
ACCEPT = [
    "text/html",
    "application/json",
    "*/*",
    "text/turtle",
    "application/ld+json",
    "application/sparql-results+json",
    "text/csv",
    "image/png",
    "a/b;q=x",
    "",
]
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
NASTY = st.sampled_from(
    [
        "",
        " ",
        "..",
        "../../etc/passwd",
        "%00",
        "\x00",
        "<script>",
        "é",
        "a" * 3000,
        "-1",
        "0",
        "99999999999999999999",
        "1e9",
        "NaN",
        "[]",
        "{}",
        "region:32",
        "departement:59",
        "commune:59350",
        "2.1",
        "=1+1",
    ]
)
VALUE = st.one_of(TEXT, NASTY)


def _rules(app):  # type: ignore[no-untyped-def]
    return sorted((r for r in app.url_map.iter_rules()), key=lambda r: r.rule)


@pytest.fixture(scope="module")
def client(readonly_app):  # type: ignore[no-untyped-def]
    """A test client on the module's demo app."""
    return readonly_app.test_client()


def _fill(rule, data) -> str:  # type: ignore[no-untyped-def]
    """A URL for `rule`: each path argument an allowed value or generated text."""
    path = rule.rule
    for name, converter in rule._converters.items():  # noqa: SLF001 - werkzeug's own table
        choices = sorted(getattr(converter, "items", ()) or ())
        if choices and data.draw(st.booleans()):
            value = data.draw(st.sampled_from(choices))
        else:
            value = data.draw(VALUE) or "x"
        safe = "/" if converter.__class__.__name__ == "PathConverter" else ""
        path = re.sub(r"<[^>]*\b" + re.escape(name) + ">", quote(value, safe=safe), path, count=1)
    return path


def test_the_map_is_what_we_fuzz(readonly_app) -> None:  # type: ignore[no-untyped-def]
    rules = _rules(readonly_app)
    assert len(rules) >= 35 and {"q", "limit", "needs", "territory", "query"} <= set(PARAMS)


def fuzz_rule(client, rule) -> None:  # type: ignore[no-untyped-def]
    """Request `rule` with generated paths, parameters, headers, methods and bodies; fail on any
    answer >= 500."""
    methods = sorted(rule.methods - {"HEAD", "OPTIONS"}) + ["HEAD"]

    @FUZZ
    @given(data=st.data())
    def run(data) -> None:  # type: ignore[no-untyped-def]
        url = _fill(rule, data)
        query = data.draw(st.lists(st.tuples(st.sampled_from(PARAMS), VALUE), max_size=4))
        method = data.draw(st.sampled_from(methods))
        headers = {"Accept": data.draw(st.sampled_from(ACCEPT))}
        body = None
        if method == "POST":
            body = data.draw(
                st.one_of(
                    st.binary(max_size=200),
                    st.dictionaries(st.sampled_from(PARAMS), VALUE, max_size=4)
                    .map(json.dumps)
                    .map(str.encode),
                )
            )
            headers["Content-Type"] = data.draw(
                st.sampled_from(
                    [
                        "application/json",
                        "application/x-www-form-urlencoded",
                        "application/sparql-query",
                        "text/plain",
                    ]
                )
            )
        full = url + ("?" + urlencode(query) if query else "")
        r = client.open(full, method=method, data=body, headers=headers)
        r.close()
        assert r.status_code < 500, (method, full, r.status_code, r.data[:300])

    run()


@pytest.mark.parametrize("index", range(45))
def test_no_route_answers_500(readonly_app, client, index: int) -> None:  # type: ignore[no-untyped-def]
    rules = _rules(readonly_app)
    if index >= len(rules):
        pytest.skip("fewer rules than slots")
    fuzz_rule(client, rules[index])


def test_the_fuzzer_finds_a_500() -> None:
    """The machinery above reaches the view with generated values and notices a server error."""
    from flask import Flask, request

    app = Flask("fuzz-probe")

    @app.get("/thing/<name>")
    def thing(name: str) -> str:
        if len(name) > 1 or request.args:
            raise RuntimeError("a bug")
        return "ok"

    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == "thing")
    with pytest.raises(AssertionError, match="500"):
        fuzz_rule(app.test_client(), rule)


SPARQL_WORDS = st.sampled_from(
    [
        "SELECT",
        "ASK",
        "CONSTRUCT",
        "DESCRIBE",
        "WHERE",
        "FILTER",
        "OPTIONAL",
        "UNION",
        "GRAPH",
        "SERVICE",
        "FROM",
        "NAMED",
        "PREFIX",
        "BASE",
        "LIMIT",
        "OFFSET",
        "ORDER BY",
        "GROUP BY",
        "COUNT(*)",
        "DISTINCT",
        "VALUES",
        "BIND",
        "AS",
        "?s",
        "?p",
        "?o",
        "?x",
        "*",
        "{",
        "}",
        "(",
        ")",
        "[",
        "]",
        ".",
        ";",
        ",",
        "a",
        "<http://x/>",
        "<",
        ">",
        "'a'",
        '"b"@fr',
        "1",
        "-1.5e3",
        "xsd:integer",
        "ex:",
        "^^",
        "/",
        "|",
        "+",
        "!",
        "REGEX(?o, '.*')",
        "STR(?s)",
        "LOAD",
        "INSERT DATA",
        "DELETE",
        "\\u0053ERVICE",
        "#",
        "\n",
        "NOT EXISTS",
        "MINUS",
        "_:b",
    ]
)


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(words=st.lists(SPARQL_WORDS, min_size=1, max_size=30))
def test_sparql_endpoint_never_500(client, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    query = " ".join(words)
    for accept in ("application/sparql-results+json", "text/turtle"):
        r = client.post("/sparql", data={"query": query}, headers={"Accept": accept})
        assert r.status_code in (200, 400, 403, 406, 429), (query, r.status_code, r.data[:300])


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(
    text=st.one_of(
        TEXT, NASTY, st.text(st.sampled_from('()"*:^~-+[]{}\\/!?&| ANDORNOT'), max_size=40)
    ),
    page=st.integers(-5, 10**6),
    limit=st.integers(-5, 500),
)
def test_search_query_path_never_raises(
    readonly_app,
    text: str,
    page: int,  # type: ignore[no-untyped-def]
    limit: int,
) -> None:
    index = readonly_app.extensions["alliances"].extensions["search"]
    response = index.search(text, page=page, limit=limit)
    assert response.total >= 0 and len(response.results) <= 100
    assert isinstance(index.suggest(text, limit=limit), list)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@context",
                    "@id",
                    "@type",
                    "@value",
                    "@language",
                    "@graph",
                    "@list",
                    "@vocab",
                    "@base",
                    "http://schema.org/name",
                    "name",
                    "x",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(
    suffix=st.sampled_from([".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".csv"]),
    content=st.one_of(
        st.binary(max_size=300),
        TEXT.map(str.encode),
        JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    ),
)
def test_importer_reports_or_accepts(
    tmp_path_factory,
    suffix: str,  # type: ignore[no-untyped-def]
    content: bytes,
) -> None:
    from graph.errors import ValidationFailed
    from graph.importer import validate

    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"actors{suffix}"
    path.write_bytes(content)
    try:
        validate([path], None, "https://w3id.org/alliances/id/")
    except ValidationFailed as exc:
        assert exc.problems and all(p.reason and p.reason_fr for p in exc.problems)
