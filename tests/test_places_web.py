"""Places typed as people type them, through the API, the pages and the CLI."""

from __future__ import annotations

import json

import pytest

from .pages import html


@pytest.fixture(scope="module")
def app(readonly_app):  # type: ignore[no-untyped-def]
    """The module's shared app: these tests only read."""
    return readonly_app


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    return app.test_client()


def test_suggest_territory_reads_postal_codes_and_names(client) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/api/suggest?kind=territory&q=69001").get_json()
    first = data["suggestions"][0]
    assert first["id"] == "commune:69381" and first["kind"] == "territory"
    assert first["context"] == "Rhône, Auvergne-Rhône-Alpes" and first["level"] == "commune"
    names = client.get("/api/suggest?kind=territory&q=st%20etienne").get_json()["suggestions"]
    assert names[0]["id"] == "commune:42218"
    epci = client.get("/api/suggest?kind=territory&q=metropole%20europeenne").get_json()
    assert "epci:200093201" in [s["id"] for s in epci["suggestions"]]
    assert client.get("/api/suggest?kind=territory&q=").get_json()["suggestions"] == []
    assert client.get("/api/suggest?kind=territory&q=%3F%3F%3F").status_code == 200


def test_api_partners_takes_a_typed_place(client) -> None:  # type: ignore[no-untyped-def]
    resp = client.post("/api/partners", json={"territory": "Lille", "needs": ["financement"]})
    assert resp.status_code == 200, resp.get_json()
    data = resp.get_json()
    assert data["place"]["place"]["id"] == "commune:59350"
    assert data["need"]["territory"] == "http://id.insee.fr/geo/commune/59350"
    same = client.post(
        "/api/partners", json={"territory": "commune:59350", "needs": ["financement"]}
    ).get_json()
    assert [r["id"] for r in same["results"]] == [r["id"] for r in data["results"]]
    assert "place" in same  # the strict syntax is echoed too


def test_api_partners_ambiguous_place_offers_the_others(client) -> None:  # type: ignore[no-untyped-def]
    data = client.post("/api/partners", json={"territory": "Saint-Denis", "needs": ["benevolat"]})
    place = data.get_json()["place"]
    assert place["ambiguous"] and place["place"]["id"] == "commune:97411"
    assert "commune:93066" in [a["id"] for a in place["alternatives"]]


@pytest.mark.parametrize("territory", ["zzzzqqq", "commune:99999", ["Lille"], {"a": 1}, True])
def test_api_unknown_place_is_a_400_in_both_languages(client, territory) -> None:  # type: ignore[no-untyped-def]
    resp = client.post("/api/partners", json={"territory": territory, "needs": ["financement"]})
    assert resp.status_code == 400
    body = resp.get_json()
    assert "territory" in json.dumps(body)
    assert "lieu" in json.dumps(body, ensure_ascii=False)


def test_api_analogues_takes_a_typed_place(client) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/api/analogues?text=jardins%20partag%C3%A9s&territory=Nord").get_json()
    assert data["place"]["place"]["id"] == "departement:59"
    assert data["idea"]["territory"] == "http://id.insee.fr/geo/departement/59"
    posted = client.post("/api/analogues", json={"text": "épicerie", "territory": "33000"})
    assert posted.get_json()["place"]["place"]["id"] == "commune:33063"


def test_partner_finder_page_shows_the_place_understood(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/partenaires?territory=Lyon+3e&needs=financement")
    assert "Lieu retenu" in page and "Lyon 3e Arrondissement" in page
    assert 'class="notice"' not in page
    page = html(client, "/partenaires?territory=Saint-Denis&needs=financement")
    # the other Saint-Denis, a click away, as the text that names it (no code shown)
    assert "territory=Saint-Denis+(93)" in page and "93066" not in page
    bad = html(client, "/partenaires?territory=zzzzqqq&needs=financement")
    assert 'class="notice"' in bad and "Aucun lieu ne correspond" in bad
    en = html(client, "/partenaires?territory=59000&needs=financement&lang=en")
    assert "Place understood" in en and "Lille" in en


def test_examples_page_takes_a_territory(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/exemples?idea=jardins+partag%C3%A9s&territory=Gironde")
    assert "Lieu retenu" in page and "Gironde" in page


def test_cli_place() -> None:
    from click.testing import CliRunner

    from webui.cli import main

    result = CliRunner().invoke(main, ["place", "St", "Etienne", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["place"]["id"] == "commune:42218"
    listing = CliRunner().invoke(main, ["place", "Saint-Denis"])
    assert listing.exit_code == 0 and "commune:93066" in listing.output
    missing = CliRunner().invoke(main, ["place", "zzzzqqq"])
    assert missing.exit_code == 1 and "Aucun lieu" in missing.output


def test_cli_search_place(demo_home, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from click.testing import CliRunner

    from webui.cli import main

    home = tmp_path / "home"
    shutil.copytree(demo_home, home)
    monkeypatch.setenv("ALLIANCES_HOME", str(home))
    run = CliRunner()
    nord = json.loads(run.invoke(main, ["search", "--place", "Nord", "--json"]).output)
    lille = json.loads(run.invoke(main, ["search", "--place", "Lille", "--json"]).output)
    assert nord["filters"]["departement"] == ["59"] and lille["filters"]["epci"] == ["200093201"]
    assert 0 < lille["total"] <= nord["total"]
    bad = run.invoke(main, ["search", "--place", "zzzzqqq"])
    assert bad.exit_code == 1 and "--place" in bad.output
