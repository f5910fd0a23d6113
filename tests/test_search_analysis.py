"""The shared French analysis (search/analysis.py): folding, elisions, stop words, stemming, and
the same terms for both backends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search import analysis
from search.whoosh_backend import folding, french

FRENCH = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæABCÉÈÀÇŒ0123456789 '’-_.,;:!?«»\"()\n\t")
    ),
    max_size=200,
)


@pytest.mark.parametrize(
    ("query", "document"),
    [
        ("cooperation", "coopération"),
        ("COOPERATION", "Coopérations"),
        ("insertion", "l'insertion"),
        ("insertion", "l’insertion"),
        ("invendus", "d'invendus"),
        ("invendu", "d’invendus"),
        ("jardin partagé", "jardins partagés"),
        ("jardins partages", "jardin partagé"),
        ("réfugiés", "réfugiées"),
        ("velo", "vélos"),
        ("lieu", "lieux"),
        ("énergie", "ENERGIES"),
        ("oeuvre", "œuvre"),
        ("economie", "l'économie"),
    ],
)
def test_query_and_document_give_the_same_terms(query: str, document: str) -> None:
    assert analysis.terms(query) == analysis.terms(document)
    assert analysis.terms(query)


@pytest.mark.parametrize(
    "text",
    ["le la les de des du et ou à", "qu'il", "jusqu'à", "l'", "d’", "", "   ", "!!!"],
)
def test_stop_words_and_elisions_give_no_terms(text: str) -> None:
    assert analysis.terms(text) == []


def test_terms_keep_order_and_drop_stop_words() -> None:
    assert analysis.terms("Lutte contre le gaspillage alimentaire") == [
        "lutt",
        "contr",
        "gaspillag",
        "alimentair",
    ]


def test_positions_count_stop_words() -> None:
    toks = list(analysis.tokens("lutte contre le gaspillage"))
    assert [(t.position, t.term) for t in toks] == [
        (0, "lutt"),
        (1, "contr"),
        (2, None),
        (3, "gaspillag"),
    ]
    assert [(t.start, t.end) for t in toks][3] == (16, 26)


def test_clean_removes_control_characters_and_normalises() -> None:
    assert analysis.clean("a\x00b\x1fc") == "a b c"
    assert analysis.clean("ﬁn e\u0301te\u0301") == "fin été"
    assert analysis.clean("½") == "1⁄2"


def test_long_tokens_are_dropped() -> None:
    assert analysis.terms("x" * 200 + " jardin") == ["jardin"]


def test_exact_key_folds_and_joins_words() -> None:
    assert analysis.exact_key("  Jardins Partagés de l'Île ! ") == "jardins partages de l ile"


def test_whoosh_analyzer_gives_the_shared_terms() -> None:
    text = "L'insertion d'invendus : jardins partagés, coopération et œuvres."
    whoosh_terms = [t.text for t in french()(text)]
    assert whoosh_terms == analysis.terms(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(FRENCH, st.text(max_size=100)))
def test_backends_analyse_alike(text: str) -> None:
    """whoosh's analyzer, the shared tokens, and tantivy's folding agree on any French text."""
    clean = analysis.clean(text)
    shared = [t.term for t in analysis.tokens(clean) if t.term]
    assert [t.text for t in french()(clean)] == shared
    folded = [analysis.fold(t.text) for t in analysis.tokens(clean) if analysis.is_word(t.text)]
    assert analysis.folding_analyzer().analyze(clean) == folded
    assert [t.text for t in folding()(clean)] == folded


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_analysis_never_raises(text: str) -> None:
    clean = analysis.clean(text)
    analysis.terms(clean)
    analysis.exact_key(text)
    assert "\x00" not in clean
