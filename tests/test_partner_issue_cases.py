"""Issue 11's partner cases on the bundled demo instance, through the recommender, the JSON API,
the partner finder page and the command line."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from graph.reco import Recommender
from graph.reco.partner_levels import LEVEL_NAMES

LOCAL = {"commune", "epci", "departement", "national"}
IDEA = (
    "Nous voulons récupérer les invendus des marchés et des supermarchés de Lyon pour les "
    "redistribuer aux étudiants précaires. Nous cherchons un camion."
)


@pytest.fixture(scope="module")
def rec(readonly_app) -> Recommender:  # type: ignore[no-untyped-def]
    """The demo instance's recommender."""
    return readonly_app.extensions["alliances"].extensions["reco"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def demo_client(readonly_app):  # type: ignore[no-untyped-def]
    """A test client of the demo app."""
    return readonly_app.test_client()


def table(rec: Recommender) -> Any:
    """Actor rows by id: where each actor is."""
    t = rec.actors.get()
    return {ident: t.places[i] for i, ident in enumerate(t.ids)}


def test_a_lille_garden_association_is_offered_local_and_national_partners(rec):
    data = rec.partners("jardins-du-faubourg")
    ids = [r["id"] for r in data["results"]]
    assert "departement-orne" not in ids
    assert all(r["where"]["relation"] in LOCAL for r in data["results"][:3])
    assert all(r["where"]["label"] and r["where"]["label"] in r["reasons"] for r in data["results"])
    # scores that discriminate: a spread, and more than one level in the ten
    scores = [r["score"] for r in data["results"]]
    assert scores[0] - scores[-1] >= 0.1
    assert len({r["level"]["code"] for r in data["results"]}) >= 2


def test_a_lyon_association_gets_lyon_first_and_distances_for_the_rest(rec):
    places = table(rec)
    data = rec.partners("velo-cite-solidaire")
    for r in data["results"][:5]:
        far = places[r["id"]].departement == ("departement", "29") or places[r["id"]].region == (
            "region",
            "28",
        )  # Finistère, Normandie
        assert not far or r["where"]["relation"] == "national"
    for r in data["results"]:
        w = r["where"]
        assert w["relation"] in LOCAL | {"region"} or w["km"] is not None
    assert "departement-orne" not in [r["id"] for r in data["results"]]
    assert data["results"][0]["where"]["relation"] in {"commune", "epci"}


def test_levels_on_the_demo_network(rec):
    ref = rec.partner_levels.get()
    assert 0 < ref.fair < ref.very < 1
    data = rec.partners("banque-alimentaire-metropole-lilloise", limit=50)
    codes = [r["level"]["code"] for r in data["results"]]
    assert set(codes) <= set(LEVEL_NAMES)
    assert codes == sorted(codes, key=list(LEVEL_NAMES).index)  # levels follow the ranking


def test_api_partner_types_and_a_project_in_words(demo_client):
    resp = demo_client.get(
        "/api/actors/velo-cite-solidaire/partners"
        "?partner_types=entreprise&partner_types=collectivite"
    )
    assert resp.status_code == 200
    types = {r["type"] for r in resp.get_json()["results"]}
    assert types and types <= {"entreprise", "collectivite"}
    resp = demo_client.post(
        "/api/partners", json={"text": IDEA, "territory": "Lyon", "partner_types": ["entreprise"]}
    )
    assert resp.status_code == 200
    data = resp.get_json()
    assert "12.3" in [t["code"] for t in data["need"]["text"]["targets"]]
    assert data["need"]["needs"] == ["locaux-logistique"]
    assert {r["type"] for r in data["results"]} == {"entreprise"}
    assert data["place"]["place"]["id"] == "commune:69123"
    resp = demo_client.post("/api/partners", json={"text": IDEA, "partner_types": ["ovni"]})
    assert resp.status_code == 400 and "ovni" in resp.get_json()["message_fr"]


def test_the_finder_page_shows_what_it_understood(demo_client):
    resp = demo_client.get(
        "/partenaires",
        query_string={
            "text": IDEA,
            "territory": "Lyon",
            "partner_types": ["entreprise", "collectivite"],
        },
    )
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    assert "Ce que nous avons compris de votre description" in page
    assert "Cible ODD 12.3" in page and "Besoin : Locaux et logistique (camion)" in page
    assert "Ce qui compte :" in page
    assert 'value="entreprise" checked' in page
    english = demo_client.get(
        "/partenaires",
        query_string={
            "text": "Food bank looking for volunteers",
            "territory": "Lille",
            "lang": "en",
        },
    )
    assert "What we understood from your description" in english.get_data(as_text=True)


@pytest.fixture(scope="module")
def cli_home(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the demo instance for the commands."""
    home = tmp_path_factory.mktemp("partners-cli") / "instance"
    shutil.copytree(demo_home, home)
    yield home


def test_cli_described_need_with_types(cli_home):
    from webui.cli import main

    result = CliRunner().invoke(
        main,
        [
            "partners",
            "--text",
            IDEA,
            "--territory",
            "Lyon",
            "--partner-type",
            "entreprise",
            "--limit",
            "3",
        ],
        env={"ALLIANCES_HOME": str(cli_home)},
    )
    assert result.exit_code == 0, result.output
    assert "Compris dans la description" in result.output
    assert "besoin : locaux-logistique (camion)" in result.output
    assert any(level in result.output for level, _ in LEVEL_NAMES.values())


def test_cli_fit_weights_beats_the_baselines_on_the_demo(cli_home):
    from webui.cli import main

    result = CliRunner().invoke(
        main, ["fit-weights", "--seeds", "2", "--json"], env={"ALLIANCES_HOME": str(cli_home)}
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sum(data["weights"].values()) == pytest.approx(1)
    assert data["setting"].startswith("needs_offers=")
    cv = data["evaluation"]["cross-validated"]
    for group in ("overall", "newcomers"):
        for baseline in ("common neighbours", "Adamic–Adar"):
            assert cv["fitted"][group]["ndcg@10"] > cv[baseline][group]["ndcg@10"]
    assert cv["common neighbours"]["newcomers"]["recall@10"] == 0
    assert cv["fitted"]["newcomers"]["recall@10"] > 0
