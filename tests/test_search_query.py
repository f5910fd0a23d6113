"""Parsing user text into a query plan (search/query.py): syntax, caps, and never an error."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search import analysis, query


def terms(plan: query.Plan) -> list[tuple[str, ...]]:
    return [c.terms for c in plan.must]


def words(*ws: str) -> list[tuple[str | None, ...]]:
    return [(analysis.term(w),) for w in ws]


def test_words_are_required_terms() -> None:
    plan = query.parse("Jardins partagés de Lille")
    assert terms(plan) == [("jardin",), ("partag",), ("lill",)]
    assert plan.exact == "jardins partages de lille"
    assert not plan.browse and not plan.empty


def test_quotes_make_a_phrase_with_positions() -> None:
    plan = query.parse('"lutte contre le gaspillage" alimentaire')
    phrase, word = plan.must
    assert phrase.phrase and phrase.terms == ("lutt", "contr", "gaspillag")
    assert phrase.positions == (0, 1, 3)
    assert word.terms == ("alimentair",)


@pytest.mark.parametrize("text", ["«jardins partagés»", "“jardins partagés”"])
def test_french_quotes_are_quotes(text: str) -> None:
    assert query.parse(text).must[0].phrase


def test_exclusions() -> None:
    plan = query.parse("jardin -lille NOT roubaix")
    assert terms(plan) == [("jardin",)]
    assert [c.terms for c in plan.must_not] == words("lille", "roubaix")
    assert plan.exact == "jardin"


def test_operators_and_field_syntax_are_plain_text() -> None:
    plan = query.parse("jardin AND (lille OR roubaix) name:x +vélo")
    assert terms(plan) == words("jardin", "lille", "roubaix", "name", "x", "vélo")


@pytest.mark.parametrize("text", ['"jardin', 'jardin"', '"', '""', "((", "AND", "OR NOT", "-", "*"])
def test_odd_syntax_parses(text: str) -> None:
    query.parse(text)


def test_codes_are_kept_whole() -> None:
    assert query.parse("12.3").codes == ("12.3",)
    assert query.parse("commune:59350 ademe").codes == ("commune:59350", "ademe")


def test_blank_is_browse_and_stop_words_are_empty() -> None:
    assert query.parse("   ").browse
    assert query.parse("\x00\x01").browse
    plan = query.parse("-jardin")
    assert plan.empty


def test_length_and_clauses_are_capped() -> None:
    plan = query.parse("mot " * 5000)
    assert len(plan.text) <= query.MAX_QUERY_CHARS
    assert len(plan.must) <= query.MAX_CLAUSES
    plan = query.parse(" ".join(f"mot{i}" for i in range(100)))
    assert len(plan.must) == query.MAX_CLAUSES
    assert len(plan.codes) == query.MAX_CODES


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=2000))
def test_any_text_parses(text: str) -> None:
    plan = query.parse(text)
    assert len(plan.text) <= query.MAX_QUERY_CHARS
    assert len(plan.must) <= query.MAX_CLAUSES and len(plan.must_not) <= query.MAX_CLAUSES
    assert all(c.terms and len(c.terms) == len(c.positions) for c in plan.must + plan.must_not)
