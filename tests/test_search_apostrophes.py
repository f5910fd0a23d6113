"""Field case 07 on both search backends: every apostrophe and quote-like character, and text in
any Unicode normal form, give the same results, in the query and in the indexed text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from search import SearchIndex, analysis
from search.analysis import APOSTROPHES, QUOTES
from tests.test_search_app import demo_index, tantivy_home  # noqa: F401 - shared fixtures
from tests.test_search_backends import DOCS, actor, build, ids

CASE = Path(__file__).parent / "data" / "field-cases" / "07-search-apostrophes" / "queries.txt"


def results(index: SearchIndex, q: str) -> tuple[int, list[str]]:
    answer = index.search(q, limit=50)
    return answer.total, [r.id for r in answer.results]


def test_case_07_queries_agree_on_both_backends(demo_index: SearchIndex) -> None:  # noqa: F811
    queries = CASE.read_text("utf-8").split()
    answers = {q: results(demo_index, q) for q in queries}
    assert answers[queries[0]][0] > 0
    assert len(set(map(str, answers.values()))) == 1, answers


@pytest.mark.parametrize("mark", sorted(set(APOSTROPHES)))
def test_every_apostrophe_in_a_query(demo_index: SearchIndex, mark: str) -> None:  # noqa: F811
    assert results(demo_index, f"l{mark}insertion") == results(demo_index, "l'insertion")


@pytest.mark.parametrize("form", ["NFC", "NFD", "NFKC", "NFKD"])
def test_any_normal_form_in_a_query(demo_index: SearchIndex, form: str) -> None:  # noqa: F811
    q = "économie sociale et solidaire d’insertion"
    assert results(demo_index, unicodedata.normalize(form, q)) == results(demo_index, q)


def test_quotes_make_phrases_whatever_their_shape() -> None:
    for mark in QUOTES:
        assert analysis.clean(f"{mark}jardins{mark}") == '"jardins"'


@pytest.mark.parametrize("backend", ["whoosh", "tantivy"])
def test_indexed_text_in_any_form_is_found(tmp_path: Path, backend: str) -> None:
    docs = [
        *DOCS,
        actor(
            "atelier-nfd",
            unicodedata.normalize("NFD", "Atelier de réemploi"),
            "Chantier dʼinsertion et d‘économie circulaire",
        ),
        actor(
            "atelier-nfc", "Atelier de réemploi", "Chantier d'insertion et d’économie circulaire"
        ),
    ]
    index = build(backend, tmp_path, docs)
    try:
        for q in (
            "réemploi",
            unicodedata.normalize("NFD", "réemploi"),
            "d'insertion",
            "dʼinsertion",
            "économie circulaire",
            '"d’économie circulaire"',
        ):
            found = set(ids(index, q, limit=20))
            assert {"atelier-nfd", "atelier-nfc"} <= found, (backend, q, found)
    finally:
        index.close()
