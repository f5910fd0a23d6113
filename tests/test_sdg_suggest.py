"""SDG suggestions from French and English text: targets with the words that matched, the
evidence rule, the project vocabulary and language detection."""

from __future__ import annotations

import dataclasses

import pytest

from graph import text_analysis
from graph.errors import BadRequest, ConfigError
from graph.reco.sdg_sources import VOCABULARY_TSV, load, read_vocabulary
from graph.reco.sdg_suggest import Suggester, suggest

LYON = (
    "Nous voulons récupérer les invendus des marchés et des supermarchés de Lyon pour les "
    "redistribuer aux étudiants précaires"
)
REFUGEES = "Cours de français et aide aux devoirs pour les enfants de familles réfugiées"


def codes(text: str, limit: int = 5, lang: str | None = None) -> list[str]:
    """Suggested target codes, best first."""
    return [t["code"] for t in suggest(text, limit, lang)["targets"]]


def test_food_waste_is_target_12_3_with_evidence():
    data = suggest("réduire le gaspillage alimentaire et les pertes")
    top = data["targets"][0]
    assert top["code"] == "12.3"
    assert top["iri"] == "http://metadata.un.org/sdg/12.3"
    assert top["label"].startswith("D’ici à 2030, réduire de moitié")
    assert top["label_en"].startswith("By 2030, halve per capita global food waste")
    assert {"alimentaire", "pertes", "gaspillage alimentaire"} <= set(top["evidence"])
    matches = {(m["word"], m["source"]): m for m in top["matches"]}
    assert matches[("alimentaire", "target")]["matched"] == "alimentaires"  # stemmed, UN text
    vocab = matches[("gaspillage alimentaire", "vocabulary")]
    assert vocab["equivalent"] is True and vocab["concept"] == "gaspillage-alimentaire"
    assert "ONU 12.3" in vocab["reference"]
    assert data["goals"][0]["code"] == "12"
    assert data["language"] == "fr"


def test_unsold_food_for_students_is_food_waste_not_illicit_flows():
    found = codes(LYON)
    assert found[:2] == ["12.3", "2.1"]  # food waste, then access to food
    assert "1.2" in found  # « étudiants précaires »
    assert not {"16.4", "8.8", "8.5", "2.c"} & set(found)


def test_french_lessons_for_refugee_children_are_education_and_inclusion():
    found = codes(REFUGEES)
    assert {"4.1", "4.6"} <= set(found) and {"10.7", "10.2"} & set(found)
    assert not {"5.4", "17.2", "8.7"} & set(found)


@pytest.mark.parametrize(
    ("text", "expected", "lang"),
    [
        (
            "We want to collect unsold food from markets and supermarkets in Lyon and give it to "
            "students in need",
            {"12.3", "2.1"},
            "en",
        ),
        (
            "French lessons and homework help for children of refugee families",
            {"4.1", "4.6", "10.7"},
            "en",
        ),
        ("Energy advice to households in fuel poverty", {"7.1"}, "en"),
        ("Community garden and composting in our neighbourhood", {"11.7", "12.5"}, "en"),
        ("Accès à l'eau potable pour tous", {"6.1"}, "fr"),
        ("Éliminer la faim des personnes vulnérables", {"2.1"}, "fr"),
        ("Une recyclerie pour le réemploi et le recyclage des déchets", {"12.5"}, "fr"),
        ("Atelier de réparation de vélos et recyclerie solidaire", {"12.5"}, "fr"),
        ("Insertion professionnelle des jeunes sans emploi ni formation", {"8.6"}, "fr"),
        ("Accompagner les jeunes décrocheurs vers une formation qualifiante", {"8.6", "4.1"}, "fr"),
        (
            "Lutter contre la précarité énergétique par la rénovation thermique des logements",
            {"7.1", "7.3"},
            "fr",
        ),
        ("ÉGALITÉ DES FILLES ET DES GARÇONS À L'ÉCOLE", {"4.1", "5.1"}, "fr"),
    ],
)
def test_ideas_find_their_targets_in_both_languages(text, expected, lang):
    data = suggest(text)
    assert data["language"] == lang
    assert expected <= {t["code"] for t in data["targets"]}


def test_every_suggestion_shows_words_of_the_text():
    for text in (LYON, REFUGEES, "Energy advice to households in fuel poverty"):
        for target in suggest(text)["targets"]:
            assert target["evidence"] and target["support"] >= 2
            for phrase in target["evidence"]:
                for word in phrase.split(" … "):
                    assert word.lower() in text.lower()


def test_a_single_common_verb_suggests_nothing():
    assert codes("récupérer") == []
    assert "16.4" not in codes("Nous allons récupérer des vélos")
    # the rule holds without the list of general words: one word is never enough evidence
    bare = Suggester(dataclasses.replace(load(), general={}))
    assert bare.rank("récupérer", "fr") == []
    assert bare.rank("recover", "en") == []
    # two distinct words of the UN text are
    assert codes("récupérer les biens volés et lutter contre la criminalité organisée")[0] == "16.4"


def test_a_longer_phrase_wins_over_the_shorter_one_inside_it():
    data = suggest("Lutte contre la précarité énergétique")
    words = {
        m["concept"] for t in data["targets"] for m in t["matches"] if m["source"] == "vocabulary"
    }
    assert words == {"precarite-energetique"}  # not « précarité » (poverty) on its own
    assert data["targets"][0]["code"] == "7.1"


def test_language_is_detected_or_given():
    assert suggest("homework help for refugee children")["language"] == "en"
    data = suggest("circuits courts")  # too short for the identifier alone: the words decide
    assert data["language"] == "fr" and codes("circuits courts") == ["2.4"]
    assert suggest("bonjour", lang="en")["language_detection"] == {
        "method": "given",
        "confidence": 1.0,
    }
    assert suggest("1234 !!")["language"] == "fr"
    with pytest.raises(BadRequest):
        suggest("eau potable", lang="de")


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


def test_vocabulary_rows_have_targets_phrases_and_sources():
    concepts = read_vocabulary(VOCABULARY_TSV)
    assert len(concepts) >= 100
    for c in concepts:
        assert c.source and c.targets and c.phrases["fr"] and c.phrases["en"], c.id
        for lang, phrases in c.phrases.items():
            for phrase in phrases:
                assert text_analysis.terms(phrase.replace("~", " "), lang), (c.id, phrase)


def test_a_malformed_vocabulary_row_names_file_and_line(tmp_path):
    path = tmp_path / "vocab.tsv"
    path.write_text(
        "# comment\nconcept\ttargets\tfr\ten\tsource\n"
        "ok\t12.3\tinvendus\tunsold food\tONU 12.3\n"
        "bad\t99.9\tx\ty\tz\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"vocab.tsv, line 4: bad target '99.9'"):
        read_vocabulary(path)


def test_sdg_suggest_api(client):
    resp = client.post("/api/sdg-suggest", json={"text": "réduire le gaspillage alimentaire"})
    assert resp.status_code == 200
    assert resp.get_json()["targets"][0]["code"] == "12.3"
    resp = client.get("/api/sdg-suggest", query_string={"text": "eau potable", "limit": 1})
    assert [t["code"] for t in resp.get_json()["targets"]] == ["6.1"]
    resp = client.post("/api/sdg-suggest", json={"text": "fuel poverty", "lang": "en"})
    assert resp.get_json()["language"] == "en"
    assert [t["code"] for t in resp.get_json()["targets"]] == ["7.1"]
    assert client.get("/api/sdg-suggest").status_code == 400
    assert client.post("/api/sdg-suggest", json={"texte": "eau"}).status_code == 400
    assert client.post("/api/sdg-suggest", json={"text": "eau", "lang": "xx"}).status_code == 400


def test_every_un_indicator_has_french_and_english_text_and_targets():
    sources = load()
    assert len(sources.indicators) == 232
    for ind in sources.indicators:
        assert ind.text["fr"] and ind.text["en"] and ind.targets, ind.code
    assert all(sources.goals[lang][g] for lang in ("fr", "en") for g in sources.goals[lang])


def test_sources_without_held_out_indicators_forget_their_words():
    sources = load()
    food = next(i for i in sources.indicators if i.code == "12.3.1")
    full = Suggester(sources).index("fr")
    held = Suggester(sources.without([food.code], ["gaspillage-alimentaire"])).index("fr")
    row = full.position["12.3"]  # « gaspillage » is in indicator 12.3.1, not in target 12.3
    assert [p.field for p in full.postings["gaspillag"] if p.target == row] == ["indicator"]
    assert all(p.target != row for p in held.postings["gaspillag"])
    assert all(c.id != "gaspillage-alimentaire" for c in held.concepts)
