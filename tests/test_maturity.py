"""The maturity path (DESIGN §6): questionnaire, scoring into a level, tools by pillar."""

from __future__ import annotations

import pytest

from graph.errors import BadRequest
from graph.importer import import_paths
from graph.reco import Recommender
from graph.reco.maturity import LEVELS, QUESTIONS, level_for, questionnaire, score_answers

from .test_partners import write_rows

TOOLS = [
    {
        "id": "kit-debut",
        "title": "Kit pour débuter",
        "kind": "kit",
        "maturity": "sceptique;premier-pas",
        "pillars": "capitalisation",
        "url": "https://k.example",
    },
    {
        "id": "grille-eval",
        "title": "Grille d'évaluation",
        "kind": "evaluation",
        "maturity": "premier-pas;actif",
        "pillars": "evaluation;faire-valoir",
        "url": "",
    },
    {
        "id": "modele-hybride",
        "title": "Modèle hybride",
        "kind": "formation",
        "maturity": "actif",
        "pillars": "modelisation-economique",
        "url": "",
    },
    {
        "id": "plaidoyer",
        "title": "Plaidoyer",
        "kind": "guide",
        "maturity": "pionnier",
        "pillars": "faire-valoir",
        "url": "",
    },
    {
        "id": "sans-pilier",
        "title": "Annuaire",
        "kind": "annuaire",
        "maturity": "actif",
        "pillars": "",
        "url": "",
    },
]


def answers(*scores: int) -> dict[str, int]:
    """Answers giving each question the score in order."""
    return {q.id: s for q, s in zip(QUESTIONS, scores, strict=True)}


def test_questionnaire_is_short_and_bilingual():
    data = questionnaire()
    assert 5 <= len(data["questions"]) <= 8
    for q in data["questions"]:
        assert q["label"] and q["label_en"] and q["label"] != q["label_en"]
        assert [o["score"] for o in q["options"]] == [0, 1, 2, 3]
        assert all(o["label"] and o["label_en"] for o in q["options"])
    pillars = {q["pillar"] for q in data["questions"]}
    assert {"capitalisation", "evaluation", "modelisation-economique", "faire-valoir"} <= pillars
    assert data["levels"] == ["sceptique", "premier-pas", "actif", "pionnier"]


@pytest.mark.parametrize(
    ("scores", "level"),
    [
        ((0, 0, 0, 0, 0, 0, 0), "sceptique"),
        ((1, 1, 1, 0, 0, 0, 1), "sceptique"),  # mean 4/7 < 0.75
        ((1, 1, 1, 1, 1, 0, 1), "premier-pas"),
        ((2, 2, 1, 1, 1, 1, 1), "premier-pas"),  # mean 9/7 < 1.5
        ((2, 2, 2, 2, 1, 1, 1), "actif"),
        ((3, 2, 2, 2, 2, 2, 2), "actif"),  # mean 15/7 < 2.25
        ((3, 3, 2, 2, 2, 2, 2), "pionnier"),  # mean 16/7 ≥ 2.25
        ((3, 3, 3, 3, 3, 3, 3), "pionnier"),
    ],
)
def test_answers_give_a_level(scores, level):
    assert level_for(score_answers(answers(*scores))) == level


@pytest.mark.parametrize(
    ("mean", "level"),
    [
        (0.0, "sceptique"),
        (0.74, "sceptique"),
        (0.75, "premier-pas"),
        (1.49, "premier-pas"),
        (1.5, "actif"),
        (2.24, "actif"),
        (2.25, "pionnier"),
        (3.0, "pionnier"),
    ],
)
def test_level_thresholds(mean, level):
    assert level_for(mean) == level


def test_options_may_be_given_by_code():
    by_code = {q.id: q.options[2].code for q in QUESTIONS}
    assert score_answers(by_code) == 2.0


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({}, "unanswered"),
        ({**answers(1, 1, 1, 1, 1, 1, 1), "humeur": 2}, "humeur"),
        ({**answers(1, 1, 1, 1, 1, 1, 1), "conviction": 4}, "conviction"),
        ({**answers(1, 1, 1, 1, 1, 1, 1), "conviction": "beaucoup"}, "beaucoup"),
        ({**answers(1, 1, 1, 1, 1, 1, 1), "conviction": True}, "conviction"),
        (["not", "a", "mapping"], "answers"),
    ],
)
def test_bad_answers_are_refused(given, message):
    with pytest.raises(BadRequest, match=message):
        score_answers(given)


@pytest.fixture
def recommender(store, tmp_path, base) -> Recommender:
    """A recommender over a graph holding the tools above."""
    write_rows(tmp_path / "set" / "tools.csv", TOOLS)
    import_paths([tmp_path / "set"], store, base, source="tools")
    return Recommender(store)


def tool_ids(groups: list[dict]) -> dict[str | None, list[str]]:
    """pillar → tool ids."""
    return {g["pillar"]: [t["id"] for t in g["tools"]] for g in groups}


def test_tools_for_the_level_and_the_next_one_by_pillar(recommender):
    data = recommender.assess_maturity(answers(1, 1, 1, 1, 1, 1, 1))
    assert data["level"]["code"] == "premier-pas"
    assert data["level"]["label"] == "1er pas" and data["level"]["label_en"] == "First steps"
    assert tool_ids(data["tools"]) == {
        "capitalisation": ["kit-debut"],
        "evaluation": ["grille-eval"],
        "faire-valoir": ["grille-eval"],
    }
    assert [g["label"] for g in data["tools"]] == ["Capitalisation", "Évaluation", "Faire-valoir"]
    assert data["next_level"]["code"] == "actif"
    assert tool_ids(data["next_tools"]) == {
        "evaluation": ["grille-eval"],
        "modelisation-economique": ["modele-hybride"],
        "faire-valoir": ["grille-eval"],
        None: ["sans-pilier"],
    }
    kit = data["tools"][0]["tools"][0]
    assert kit["url"] == "https://k.example" and kit["kind"] == "kit"


def test_pioneers_have_no_next_level(recommender):
    data = recommender.assess_maturity(answers(3, 3, 3, 3, 3, 3, 3))
    assert data["level"]["code"] == LEVELS[-1]
    assert data["next_level"] is None and data["next_tools"] == []
    assert tool_ids(data["tools"]) == {"faire-valoir": ["plaidoyer"]}


def test_maturity_api(client):
    resp = client.get("/api/maturity")
    assert resp.status_code == 200
    questions = resp.get_json()["questions"]
    body = {"answers": {q["id"]: q["options"][2]["code"] for q in questions}}
    resp = client.post("/api/maturity", json=body)
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["level"]["code"] == "actif" and data["next_level"]["code"] == "pionnier"
    assert all(set(g) == {"pillar", "label", "label_en", "tools"} for g in data["tools"])
    resp = client.post("/api/maturity", json={"answers": {"conviction": 1}})
    assert resp.status_code == 400
    assert "unanswered" in resp.get_json()["message"]
