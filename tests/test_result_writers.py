"""The result writers fed with an engine's terms (`write_terms`, each distinct term converted
once) write the same bytes as the writers fed with JSON terms (`write_solutions`), in every
result format, and the JSON is SPARQL 1.1 Query Results JSON."""

from __future__ import annotations

import json
from itertools import islice
from typing import Any

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.store.oxigraph import _json_term
from graph.store.results import RESULT_FORMATS, json_text, write_solutions, write_terms

_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
_iri = st.builds(lambda s: ox.NamedNode("http://example.org/" + s.encode().hex()), _text)
_literal = st.one_of(
    st.builds(ox.Literal, _text),
    st.builds(
        lambda v, lang: ox.Literal(v, language=lang), _text, st.sampled_from(["fr", "en-GB"])
    ),
    st.builds(
        lambda v: ox.Literal(v, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        st.integers().map(str),
    ),
)
_term = st.one_of(_iri, _literal, st.builds(ox.BlankNode, st.sampled_from(["b0", "b1"])))
#: Rows of 3 cells drawn from a few terms, so that terms repeat as in real results.
_rows = st.lists(st.lists(_term, min_size=1, max_size=4), min_size=1, max_size=1).flatmap(
    lambda pool: st.lists(
        st.lists(st.one_of(st.none(), st.sampled_from(pool[0])), min_size=3, max_size=3),
        max_size=30,
    )
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(_rows)
@pytest.mark.parametrize("fmt", RESULT_FORMATS)
def test_engine_terms_write_the_same_bytes(fmt: str, rows: list[list[Any]]) -> None:
    names = ["s", "ü", "o"]
    table = [[None if t is None else _json_term(t) for t in row] for row in rows]
    expected = write_solutions(names, table, fmt, truncated=False)
    got = write_terms(names, rows, _json_term, fmt, truncated=False)
    assert got == expected


def test_json_of_a_real_query_is_sparql_json() -> None:
    store = ox.Store()
    g = ox.NamedNode("http://example.org/g")
    a, p = ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p")
    store.add(ox.Quad(a, p, ox.Literal('é "q"\n\\', language="fr"), g))
    store.add(
        ox.Quad(
            a,
            p,
            ox.Literal("4", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
            g,
        )
    )
    store.add(ox.Quad(a, p, ox.Literal("plain"), g))
    result = store.query(
        "SELECT ?s ?o ?none (TRIPLE(?s, ?p, ?o) AS ?t) WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o"
    )
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    rows = [tuple(sol) for sol in islice(result, 10)]
    body = write_terms(names, rows, _json_term, "json", truncated=False).body
    doc = json.loads(body)
    assert doc["head"]["vars"] == ["s", "o", "none", "t"]
    bindings = doc["results"]["bindings"]
    assert len(bindings) == 3
    assert all("none" not in b for b in bindings)
    assert {"type": "literal", "value": 'é "q"\n\\', "xml:lang": "fr"} in [b["o"] for b in bindings]
    assert {"type": "literal", "value": "plain"} in [b["o"] for b in bindings]
    assert bindings[0]["t"]["type"] == "triple"
    assert bindings[0]["t"]["value"]["subject"] == {"type": "uri", "value": "http://example.org/a"}


@pytest.mark.parametrize(
    "term",
    [
        {"type": "uri", "value": "http://example.org/\u2028"},
        {"type": "literal", "value": "a\x00b", "datatype": "http://example.org/dt"},
        {"type": "literal", "value": "😀", "xml:lang": "fr"},
        {"type": "triple", "value": {"subject": {"type": "bnode", "value": "x"}}},
    ],
)
def test_json_text_is_what_the_encoder_writes(term: dict[str, Any]) -> None:
    assert json_text(term) == json.dumps(term, ensure_ascii=False, separators=(",", ":"))
