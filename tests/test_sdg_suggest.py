"""SDG suggestions from French text: targets with the words that matched the UN French texts."""

from __future__ import annotations

import pytest

from graph.errors import BadRequest
from graph.reco.sdg_suggest import suggest


def codes(text: str, limit: int = 5) -> list[str]:
    """Suggested target codes, best first."""
    return [t["code"] for t in suggest(text, limit)["targets"]]


def test_food_waste_is_target_12_3_with_evidence():
    data = suggest("réduire le gaspillage alimentaire et les pertes")
    top = data["targets"][0]
    assert top["code"] == "12.3"
    assert top["iri"] == "http://metadata.un.org/sdg/12.3"
    assert top["label"].startswith("D’ici à 2030, réduire de moitié")
    assert top["label_en"].startswith("By 2030, halve per capita global food waste")
    assert {"alimentaire", "pertes", "gaspillage"} <= set(top["evidence"])
    matches = {m["word"]: m for m in top["matches"]}
    assert matches["alimentaire"]["matched"] == "alimentaires"  # stemmed, in the UN text
    assert matches["gaspillage"] == {"word": "gaspillage", "matched": "déchets",
                                     "equivalent": True}
    assert data["goals"][0]["code"] == "12"


@pytest.mark.parametrize(("text", "target"), [
    ("Accès à l'eau potable pour tous", "6.1"),
    ("Éliminer la faim des personnes vulnérables", "2.1"),
    ("Une recyclerie pour le réemploi et le recyclage des déchets", "12.5"),
    ("Insertion professionnelle des jeunes sans emploi ni formation", "8.6"),
    ("ÉGALITÉ DES FILLES ET DES GARÇONS À L'ÉCOLE", "4.1"),
])
def test_descriptions_find_their_target(text, target):
    assert target in codes(text, 3)


def test_nothing_recognisable_gives_nothing():
    assert suggest("bonjour tout le monde")["targets"] == []
    assert suggest("")["targets"] == []


def test_limit_and_order():
    data = suggest("eau potable assainissement hygiène", 2)
    assert len(data["targets"]) <= 2
    scores = [t["score"] for t in data["targets"]]
    assert scores == sorted(scores, reverse=True)


def test_text_is_checked():
    with pytest.raises(BadRequest):
        suggest("x" * 10_000)


def test_sdg_suggest_api(client):
    resp = client.post("/api/sdg-suggest", json={"text": "réduire le gaspillage alimentaire"})
    assert resp.status_code == 200
    assert resp.get_json()["targets"][0]["code"] == "12.3"
    resp = client.get("/api/sdg-suggest", query_string={"text": "eau potable", "limit": 1})
    assert [t["code"] for t in resp.get_json()["targets"]] == ["6.1"]
    assert client.get("/api/sdg-suggest").status_code == 400
    assert client.post("/api/sdg-suggest", json={"texte": "eau"}).status_code == 400
