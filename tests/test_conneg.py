"""Content negotiation (webui/conneg.py) with the Accept headers real clients send, on every
route that offers several representations.

Where each header comes from:
- Firefox ≥ 128 and Safari: MDN, "List of default Accept values"; Firefox 92–127 added
  `image/avif,image/webp`.
- Chrome: measured here (Debian's chromium 156, headless, navigating to a local server).
- curl, python-requests (udata's harvester: `requests.head` then `requests.get` with its default
  `*/*`), urllib (no Accept at all).
- rapper (raptor2-utils 2.0.15, measured here): `-g` (guess), `-i turtle`, `-i rdfxml`.
- SPARQLWrapper 2.0 `Wrapper._getAcceptHeader` per return format; it also sends `format=`
  (twice for RDF/XML, TSV and JSON-LD: `rdf+xml` then `application/rdf+xml`).
- YASGUI 4.6 (vendored in webui/static): `acceptHeaderSelect` and `acceptHeaderGraph`.
- Comunica: the dereferencing header logged by actor-http-fetch, and fetch-sparql-endpoint's
  `application/sparql-results+json;q=1.0,application/sparql-results+xml;q=0.7`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from webui.conneg import HTML, choose, offer_quality, parse_accept
from webui.sparql.mediatypes import GRAPHS, RESULTS

FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
FIREFOX_92 = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
CHROME = (
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/jxl,image/avif,image/webp,"
    "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
)
SAFARI = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
CURL = "*/*"
NONE = None
RAPPER_GUESS = (
    "application/rdf+xml, text/rdf;q=0.6, application/n-triples, text/plain;q=0.1, text/turtle, "
    "application/x-turtle, application/turtle, text/n3;q=0.3, text/rdf+n3;q=0.3, "
    "application/rdf+n3;q=0.3, application/x-trig, application/rss;q=0.8, "
    "application/rss+xml;q=0.8, text/rss;q=0.8, application/xml;q=0.3, text/xml;q=0.3, "
    "application/atom+xml;q=0.3, text/html;q=0.2, application/xhtml+xml;q=0.4, text/html;q=0.6, "
    "application/xhtml+xml;q=0.8, application/json;q=0.1, text/json;q=0.1, text/x-nquads, "
    "*/*;q=0.1"
)
RAPPER_TURTLE = (
    "text/turtle, application/x-turtle, application/turtle, text/n3;q=0.3, "
    "text/rdf+n3;q=0.3, application/rdf+n3;q=0.3, */*;q=0.1"
)
RAPPER_RDFXML = "application/rdf+xml, text/rdf;q=0.6, */*;q=0.1"
SW_JSON = "application/sparql-results+json,application/json,text/javascript,application/javascript"
SW_XML = "application/sparql-results+xml"
SW_CSV = "text/csv"
SW_TSV = "text/tab-separated-values"
SW_TURTLE = "application/turtle,text/turtle"
SW_N3 = "application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3"
SW_RDFXML = "application/rdf+xml"
SW_JSONLD = "application/ld+json,application/x-json+ld"
YASGUI_SELECT = "application/sparql-results+json,*/*;q=0.9"
YASGUI_GRAPH = "application/n-triples,*/*;q=0.9"
COMUNICA = (
    "application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,"
    "application/n-triples;q=0.8,text/turtle;q=0.6,application/rdf+xml;q=0.5,text/n3;q=0.35,"
    "application/xml;q=0.3,image/svg+xml;q=0.3,text/xml;q=0.3,text/html;q=0.2,"
    "application/xhtml+xml;q=0.18,application/json;q=0.135,text/shaclc;q=0.1,"
    "text/shaclc-ext;q=0.05"
)
COMUNICA_SPARQL = "application/sparql-results+json;q=1.0,application/sparql-results+xml;q=0.7"
COMUNICA_GRAPH = "text/turtle"

ACTOR = "actor/banque-alimentaire-metropole-lilloise"
Q_SELECT = "/sparql?" + urlencode(
    {"query": "SELECT ?a WHERE { ?a a <https://w3id.org/alliances/ns#Alliance> } LIMIT 2"}
)
Q_CONSTRUCT = "/sparql?" + urlencode(
    {
        "query": "CONSTRUCT { ?a a ?c } WHERE { ?a a ?c "
        "FILTER(?c = <https://w3id.org/alliances/ns#"
        "Alliance>) } LIMIT 2"
    }
)
SELECT = "SELECT ?a WHERE { ?a a <https://w3id.org/alliances/ns#Alliance> } LIMIT 2"
CONSTRUCT = (
    "CONSTRUCT { ?a a <https://w3id.org/alliances/ns#Alliance> } "
    "WHERE { ?a a <https://w3id.org/alliances/ns#Alliance> } LIMIT 2"
)

#: (route, client, Accept, expected): a media type for 200 answers, "→suffix" for a 303 whose
#: Location ends with it, "page" for a 303 to the HTML page.
TABLE: list[tuple[str, str, str | None, str]] = [
    *[
        (f"/id/{ACTOR}", c, a, e)
        for c, a, e in [
            ("firefox", FIREFOX, "page"),
            ("firefox-92", FIREFOX_92, "page"),
            ("chrome", CHROME, "page"),
            ("safari", SAFARI, "page"),
            ("curl", CURL, "→.ttl"),
            ("urllib", NONE, "→.ttl"),
            ("rapper -g", RAPPER_GUESS, "→.ttl"),
            ("rapper -i turtle", RAPPER_TURTLE, "→.ttl"),
            ("rapper -i rdfxml", RAPPER_RDFXML, "→.rdf"),
            ("comunica", COMUNICA, "→.jsonld"),
            ("sparqlwrapper n3", SW_N3, "→.ttl"),
            ("yasgui graph", YASGUI_GRAPH, "→.nt"),
            ("udata", CURL, "→.ttl"),
        ]
    ],
    *[
        ("/ns/actor-type", c, a, e)
        for c, a, e in [
            ("firefox", FIREFOX, "→.html"),
            ("chrome", CHROME, "→.html"),
            ("curl", CURL, "→.ttl"),
            ("rapper -g", RAPPER_GUESS, "→.ttl"),
            ("rapper -i rdfxml", RAPPER_RDFXML, "→.rdf"),
            ("comunica", COMUNICA, "→.jsonld"),
        ]
    ],
    *[
        ("/catalog", c, a, e)
        for c, a, e in [
            ("firefox", FIREFOX, "text/html"),
            ("chrome", CHROME, "text/html"),
            ("safari", SAFARI, "text/html"),
            ("curl", CURL, "text/turtle"),
            ("udata", CURL, "text/turtle"),
            ("urllib", NONE, "text/turtle"),
            ("rapper -g", RAPPER_GUESS, "text/turtle"),
            ("rapper -i rdfxml", RAPPER_RDFXML, "application/rdf+xml"),
            ("comunica", COMUNICA, "application/ld+json"),
        ]
    ],
    *[
        ("/.well-known/void", c, a, e)
        for c, a, e in [
            ("firefox", FIREFOX, "application/rdf+xml"),
            ("curl", CURL, "text/turtle"),
            ("rapper -i turtle", RAPPER_TURTLE, "text/turtle"),
            ("comunica", COMUNICA, "application/ld+json"),
        ]
    ],
    *[
        ("/sparql", c, a, e)
        for c, a, e in [
            ("firefox", FIREFOX, "text/html"),
            ("chrome", CHROME, "text/html"),
            ("curl", CURL, "text/turtle"),
            ("rapper -g", RAPPER_GUESS, "text/turtle"),
        ]
    ],
    *[
        (Q_SELECT, c, a, e)
        for c, a, e in [
            ("firefox", FIREFOX, "text/html"),
            ("curl", CURL, "application/sparql-results+json"),
            ("sparqlwrapper json", SW_JSON, "application/sparql-results+json"),
            ("sparqlwrapper xml", SW_XML, "application/sparql-results+xml"),
            ("sparqlwrapper csv", SW_CSV, "text/csv"),
            ("sparqlwrapper tsv", SW_TSV, "text/tab-separated-values"),
            ("yasgui", YASGUI_SELECT, "application/sparql-results+json"),
            ("comunica", COMUNICA_SPARQL, "application/sparql-results+json"),
        ]
    ],
    *[
        (Q_CONSTRUCT, c, a, e)
        for c, a, e in [
            ("chrome", CHROME, "text/html"),
            ("curl", CURL, "text/turtle"),
            ("sparqlwrapper turtle", SW_TURTLE, "text/turtle"),
            ("sparqlwrapper n3", SW_N3, "text/turtle"),
            ("sparqlwrapper rdfxml", SW_RDFXML, "application/rdf+xml"),
            ("sparqlwrapper jsonld", SW_JSONLD, "application/ld+json"),
            ("yasgui", YASGUI_GRAPH, "application/n-triples"),
            ("comunica", COMUNICA_GRAPH, "text/turtle"),
        ]
    ],
    *[
        ("/dump/alliances", c, a, e)
        for c, a, e in [
            ("firefox", FIREFOX, "→.ttl"),
            ("curl", CURL, "→.ttl"),
            ("comunica", COMUNICA, "→.nq.gz"),
            ("rapper -g", RAPPER_GUESS, "→.ttl"),
            ("yasgui graph", YASGUI_GRAPH, "→.nt.gz"),
        ]
    ],
    *[
        ("/dump/source/demo", c, a, e)
        for c, a, e in [("curl", CURL, "→.ttl"), ("comunica", COMUNICA, "→.nt.gz")]
    ],
    *[
        ("/export/network/actors", c, a, e)
        for c, a, e in [
            ("firefox", FIREFOX, "→actors.graphml"),
            ("curl", CURL, "→actors.graphml"),
            ("csv", "text/csv", "→actors-edges.csv"),
        ]
    ],
]


@pytest.fixture(scope="module")
def client(readonly_app: Any) -> Any:
    """A client of the read-only demo app."""
    return readonly_app.test_client()


def get(client: Any, url: str, accept: str | None, method: str = "GET") -> Any:
    """A request with `accept` (None: no Accept header at all)."""
    headers = {} if accept is None else {"Accept": accept}
    return client.open(url, method=method, headers=headers)


@pytest.mark.parametrize(
    ("url", "who", "accept", "expected"),
    TABLE,
    ids=[f"{u.split('?')[0]}{'?q' if '?' in u else ''}-{w}" for u, w, _, _ in TABLE],
)
def test_real_clients_get_what_they_ask_for(
    client: Any, url: str, who: str, accept: str | None, expected: str
) -> None:
    r = get(client, url, accept)
    assert "Accept" in r.headers.get("Vary", ""), (who, r.headers.get("Vary"))
    if expected == "page":
        assert r.status_code == 303 and r.headers["Location"] == "/" + ACTOR, (who, r.status_code)
    elif expected.startswith("→"):
        assert r.status_code == 303, (who, r.status_code)
        assert r.headers["Location"].endswith(expected[1:]), (who, r.headers["Location"])
    else:
        assert r.status_code == 200, (who, r.status_code, r.get_data(as_text=True)[:300])
        assert r.mimetype == expected, (who, r.mimetype)
    r.close()


def test_udata_harvester_head_then_get_agree(client: Any) -> None:
    head = get(client, "/catalog", CURL, method="HEAD")
    body = get(client, "/catalog", CURL)
    assert head.status_code == body.status_code == 200
    assert head.headers["Content-Type"].split(";")[0] == body.mimetype == "text/turtle"


def test_sparqlwrapper_format_parameters(client: Any) -> None:
    # SPARQLWrapper sends format=, output= and results= with its own names, twice for RDF/XML
    r = client.get(
        "/sparql",
        query_string=[
            ("query", CONSTRUCT),
            ("format", "rdf+xml"),
            ("format", "application/rdf+xml"),
        ],
        headers={"Accept": SW_RDFXML},
    )
    assert r.status_code == 200 and r.mimetype == "application/rdf+xml"
    r = client.get(
        "/sparql",
        query_string=[("query", CONSTRUCT), ("format", "n3"), ("output", "n3")],
        headers={"Accept": SW_N3},
    )
    assert r.status_code == 200 and r.mimetype == "text/turtle"
    r = client.get(
        "/sparql",
        query_string=[
            ("query", SELECT),
            ("format", "tsv"),
            ("format", "text/tab-separated-values"),
        ],
    )
    assert r.status_code == 200 and r.mimetype == "text/tab-separated-values"


@pytest.mark.parametrize(
    "url",
    [
        "/catalog",
        "/.well-known/void",
        f"/id/{ACTOR}",
        "/ns",
        Q_SELECT,
        "/dump/alliances",
        "/export/network/bipartite",
    ],
)
def test_406_only_when_nothing_offered_is_acceptable(client: Any, url: str) -> None:
    r = get(client, url, "image/png, text/html;q=0")
    assert r.status_code == 406
    assert "Accept" in r.headers.get("Vary", "")
    assert get(client, url, "image/png, */*;q=0.01").status_code in (200, 303)


def test_q0_excludes_a_type_named_or_by_wildcard() -> None:
    ranges = parse_accept("text/html;q=0, */*")
    assert choose([HTML, *GRAPHS], ranges) is GRAPHS[0]
    assert choose([*GRAPHS], parse_accept("*/*;q=0, text/turtle")) is GRAPHS[0]
    assert choose([*GRAPHS], parse_accept("text/*;q=0, application/*;q=0.5")) is GRAPHS[1]
    assert choose([HTML], parse_accept("text/*;q=0")) is None
    assert choose([HTML], parse_accept("text/*;q=0, text/html")) is HTML  # more specific wins


def test_parameters_do_not_matter() -> None:
    jsonld = 'application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"'
    assert choose(GRAPHS, parse_accept(jsonld)) is GRAPHS[1]
    assert choose(GRAPHS, parse_accept("TEXT/Turtle; charset=UTF-8; q=0.5")) is GRAPHS[0]
    assert (
        choose(RESULTS, parse_accept("application/sparql-results+json; charset=utf-8"))
        is RESULTS[0]
    )


def test_junk_accept_means_anything() -> None:
    for junk in ("", "foo", ",,,", "*/html", "text/html;q=abc", "\x00/\x01", "é/è"):
        assert choose(GRAPHS, parse_accept(junk)) is GRAPHS[0], junk


# -- generated Accept headers ----------------------------------------------------------------
_TYPES = st.sampled_from(["text", "application", "image", "*", "TEXT", "x-foo", "", "a b", "é"])
_SUBTYPES = st.sampled_from(
    [
        "html",
        "turtle",
        "ld+json",
        "rdf+xml",
        "n-triples",
        "xml",
        "json",
        "sparql-results+json",
        "csv",
        "gexf+xml",
        "graphml+xml",
        "*",
        "",
        "plain",
        "n-quads",
    ]
)
_PARAMS = st.lists(
    st.sampled_from(
        [
            "q=0",
            "q=1",
            "q=0.5",
            "q=0.001",
            "q=2",
            "q=-1",
            "q=abc",
            "q=",
            "charset=utf-8",
            'profile="http://www.w3.org/ns/json-ld#compacted"',
            "level=1",
            "x",
            '"',
            "q=0.9;x=y",
        ]
    ),
    max_size=3,
)
_RANGE = st.builds(lambda t, s, p: ";".join([f"{t}/{s}", *p]), _TYPES, _SUBTYPES, _PARAMS)
ACCEPT = st.one_of(
    st.lists(_RANGE, max_size=6).map(", ".join),
    st.text(max_size=60).filter(lambda s: "\n" not in s and "\r" not in s),
)
KNOWN = {m.mime: m for m in (*GRAPHS, *RESULTS, HTML)}
ROUTES = [
    "/catalog",
    "/.well-known/void",
    f"/id/{ACTOR}",
    "/ns/maturity",
    "/sparql",
    Q_SELECT,
    Q_CONSTRUCT,
    "/dump/alliances",
    "/export/network/actors",
    "/actor/inconnu",
    "/recherche?q=jardin",
    f"/id/{ACTOR}.ttl",
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(accept=ACCEPT, route=st.sampled_from(ROUTES))
def test_generated_accept_headers_never_fail(client: Any, accept: str, route: str) -> None:
    try:
        r = get(client, route, accept)
    except ValueError:  # the test client refuses some header values outright, as servers do
        return
    assert r.status_code < 500, (route, accept, r.status_code)
    assert r.status_code in (200, 303, 404, 406), (route, accept, r.status_code)
    if r.status_code == 200 and route not in ("/recherche?q=jardin",) and ".ttl" not in route:
        ranges = parse_accept(accept)
        if ranges:  # what was sent is acceptable to the client, under a name it used
            served = KNOWN[r.mimetype]
            assert offer_quality(ranges, served)[0] > 0, (route, accept, r.mimetype)
    r.close()


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (FIREFOX, 200),
        (CHROME, 200),
        (CURL, 200),
        (None, 200),
        ("text/turtle", ".ttl"),
        (RAPPER_RDFXML, ".rdf"),
        (COMUNICA, ".jsonld"),
        ("image/png", 406),
    ],
)
def test_resource_pages_offer_their_rdf_alternates(
    client: Any, accept: str | None, expected: int | str
) -> None:
    r = get(client, "/" + ACTOR, accept)
    assert "Accept" in r.headers.get("Vary", "")
    if isinstance(expected, int):
        assert r.status_code == expected
    else:
        assert r.status_code == 303 and r.headers["Location"] == f"/id/{ACTOR}{expected}"
