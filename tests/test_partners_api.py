"""Partners through the surfaces: `GET /api/actors/<id>/partners`, `POST /api/partners` and the
`alliances partners` command, on a small hand-built instance."""

from __future__ import annotations

import gc
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.importer import import_paths

from .conftest import copy_store
from .test_partners import actor, alliance, write_rows

ACTORS = [
    actor(
        "asso",
        "association",
        name="Association A",
        territory="commune:59350",
        needs="financement",
        offers="benevolat",
        sdgs="12.3",
    ),
    actor("ville", "collectivite", name="Ville V", territory="commune:59512"),
    actor(
        "fonda",
        "fondation",
        name="Fondation F",
        territory="commune:59512",
        offers="financement",
        needs="benevolat",
        sdgs="12.3",
    ),
    actor(
        "boite", "entreprise", name="Entreprise E", territory="commune:33063", offers="financement"
    ),
]
ALLIANCES = [
    alliance("jardins", "asso", "ville", title="Jardins du Nord"),
    alliance("autre", "ville", "boite", title="Autre alliance"),
]


@pytest.fixture(scope="module")
def home(vocab_template, tmp_path_factory, base) -> Path:  # type: ignore[no-untyped-def]
    """An instance folder with the vocabularies and the small graph above."""
    return build_home(
        vocab_template,
        tmp_path_factory.mktemp("partners-home"),
        base,
        {"actors.csv": ACTORS, "alliances.csv": ALLIANCES},
    )


def build_home(
    vocab_template,
    home: Path,
    base: str,  # type: ignore[no-untyped-def]
    files: dict[str, list[dict[str, str]]],
) -> Path:
    """An instance folder (store and search index) holding the vocabularies and `files`."""
    from webui.instance import Instance

    copy_store(vocab_template, home / "store").close()
    gc.collect()  # release the engine's lock on the folder
    for name, rows in files.items():
        write_rows(home / "data" / name, rows)
    inst = Instance.open({"HOME": str(home)})
    import_paths([home / "data"], inst.store, base, source="test")
    inst.close()
    del inst
    gc.collect()
    return home


@pytest.fixture
def private_home(home: Path, tmp_path: Path) -> Path:
    """A private copy of the instance folder (an open store locks its folder)."""
    return Path(shutil.copytree(home, tmp_path / "home"))


@pytest.fixture
def client(private_home: Path) -> Iterator[object]:
    """A test client of an app over a private copy of the instance."""
    from webui.app import create_app
    from webui.instance import Instance

    inst = Instance.open({"HOME": str(private_home)})
    app = create_app(instance=inst)
    app.config["TESTING"] = True
    yield app.test_client()
    inst.close()
    del inst, app
    gc.collect()


def test_get_partners_of_an_actor(client, base):
    resp = client.get("/api/actors/asso/partners?limit=5")
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["actor"] == base + "actor/asso"
    ids = [r["id"] for r in data["results"]]
    assert ids[0] == "fonda" and "ville" not in ids and "asso" not in ids
    top = data["results"][0]
    assert "Propose du financement, dont vous avez besoin" in top["reasons"]
    assert "Partage la cible 12.3" in top["reasons"]
    boite = next(r for r in data["results"] if r["id"] == "boite")
    assert boite["introducers"][0]["id"] == "ville"
    assert boite["introducers"][0]["via"]["id"] == "jardins"


def test_post_a_described_need(client):
    resp = client.post(
        "/api/partners",
        json={
            "type": "association",
            "territory": "departement:59",
            "needs": ["financement"],
            "limit": 2,
        },
    )
    assert resp.status_code == 200
    data = resp.get_json()
    assert [r["id"] for r in data["results"]] == ["fonda", "boite"]


@pytest.mark.parametrize(
    ("method", "url", "body", "status"),
    [
        ("get", "/api/actors/nobody/partners", None, 404),
        ("get", "/api/actors/asso/partners?limit=0", None, 400),
        ("post", "/api/partners", {"needs": ["argent"]}, 400),
        ("post", "/api/partners", ["not", "an", "object"], 400),
    ],
)
def test_errors_are_json(client, method, url, body, status):
    resp = (
        getattr(client, method)(url, json=body)
        if body is not None
        else getattr(client, method)(url)
    )
    assert resp.status_code == status
    payload = resp.get_json()
    assert set(payload) >= {"error", "message", "message_fr"}


def test_cli_partners_json_and_text(private_home, base):
    from webui.cli import main

    runner = CliRunner()
    env = {"ALLIANCES_HOME": str(private_home)}
    result = runner.invoke(main, ["partners", "asso", "--limit", "2", "--json"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["actor"] == base + "actor/asso"
    assert data["results"][0]["id"] == "fonda"
    result = runner.invoke(main, ["partners", "asso"], env=env)
    assert result.exit_code == 0
    assert "Fondation F (fonda)" in result.output
    result = runner.invoke(main, ["partners", "nobody"], env=env)
    assert result.exit_code == 1
    assert "aucun acteur" in result.output
