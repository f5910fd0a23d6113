"""Search on the bundled data through the application: relevance, facets, consistency with
imports, start-up checks, the CLI and the HTTP API."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from graph.importer import import_paths
from graph.store import OxigraphStore
from search import SearchIndex
from search.schema import FACETS
from tests.search_relevance import RELEVANCE
from webui.cli import main
from webui.instance import Instance

NEW_ACTOR = (
    "id,name,type,description,territory,sdgs\n"
    "ornithorynque-solidaire,L'Ornithorynque solidaire,association,"
    "Une association qui prête des ornithorynques aux écoles.,commune:59350,4.7\n"
)


@pytest.fixture(scope="session")
def tantivy_home(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo instance indexed by tantivy (read-only use: copy it to write)."""
    home = tmp_path_factory.mktemp("tantivy-demo") / "home"
    shutil.copytree(demo_home, home)
    inst = Instance.open({"HOME": str(home), "SEARCH_BACKEND": "tantivy"})
    inst.close()
    return home


@pytest.fixture(scope="module", params=["whoosh", "tantivy"])
def demo_index(
    request: pytest.FixtureRequest,
    demo_home: Path,
    tantivy_home: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[SearchIndex]:
    """The search index of a private copy of the demo instance, per backend (read-only)."""
    source = demo_home if request.param == "whoosh" else tantivy_home
    home = tmp_path_factory.mktemp(f"search-{request.param}") / "home"
    shutil.copytree(source, home)
    inst = Instance.open({"HOME": str(home), "SEARCH_BACKEND": request.param})
    index: SearchIndex = inst.extensions["search"]
    assert index.rebuilt_because is None  # the copied index is trusted
    yield index
    inst.close()


def ids(index: SearchIndex, text: str, **kw: Any) -> list[str]:
    return [r.id for r in index.search(text, **kw).results]


def test_relevance(demo_index: SearchIndex) -> None:
    misses = []
    for text, expected in RELEVANCE:
        top = ids(demo_index, text, limit=5)
        if not set(expected) & set(top):
            misses.append((text, expected, top))
    assert len(RELEVANCE) >= 30
    success = 1 - len(misses) / len(RELEVANCE)
    assert success >= 0.9, misses


def test_region_filter_includes_departements_and_communes(demo_index: SearchIndex) -> None:
    in_32 = ids(demo_index, "lille", facets={"region": ["32"]}, limit=50)
    assert {"commune:59350", "ville-lille", "banque-alimentaire-metropole-lilloise"} <= set(in_32)
    assert "departement:59" in ids(demo_index, "nord", facets={"region": ["region:32"]}, limit=50)
    assert "ville-lyon" not in in_32
    nord = demo_index.search("", facets={"departement": ["59"], "kind": ["actor"]}, limit=100)
    assert "ville-roubaix" in {r.id for r in nord.results}
    assert set(nord.facets["region"]) == {"32"}


def test_a_target_implies_its_goal(demo_index: SearchIndex) -> None:
    # fondation-solstice cites goals 2 and target 12.3, not goal 12
    assert ids(demo_index, "Fondation Solstice", facets={"sdg": ["12"]})[0] == "fondation-solstice"
    assert "12.3" in ids(demo_index, "déchets alimentaires", facets={"sdg": ["12"]})


def test_facet_counts_reflect_the_other_filters(demo_index: SearchIndex) -> None:
    everything = demo_index.search("alimentaire")
    assert sum(everything.facets["kind"].values()) == everything.total
    actors = demo_index.search("alimentaire", kind="actor")
    assert actors.facets["kind"] == everything.facets["kind"]
    assert sum(actors.facets["actor_type"].values()) >= actors.total
    assert actors.total == everything.facets["kind"]["actor"]


def test_status_and_maturity_facets(demo_index: SearchIndex) -> None:
    answer = demo_index.search("", kind="alliance")
    assert set(answer.facets["status"]) == {"emergence", "active", "completed"}
    tools = demo_index.search("", kind="tool")
    assert set(tools.facets["maturity"]) == {"sceptique", "premier-pas", "actif", "pionnier"}
    assert "evaluation" in tools.facets["pillar"] and "guide" in tools.facets["tool_kind"]


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced',
        "((jardin",
        "AND",
        "OR NOT -",
        "name:x label:",
        "\x00\x07\x1b[31m",
        "jardin" * 2000,
        "é" * 10_000,
        "'; DROP TABLE --",
        "<script>alert(1)</script>",
        "*?~^",
    ],
)
def test_hostile_queries_answer(demo_index: SearchIndex, text: str) -> None:
    answer = demo_index.search(text).to_dict()
    assert answer["total"] >= 0 and len(answer["query"]) <= 500
    json.dumps(answer)


QUERIES_ALIKE = [
    "jardins partagés",
    "cooperation",
    "l'insertion",
    '"tiers-lieu"',
    "lille",
    "réemploi -textile",
    "énergie citoyenne",
    "12.3",
    "mécénat",
    "zzzz",
]


def test_backends_agree(demo_home: Path, tantivy_home: Path, tmp_path: Path) -> None:
    """Totals and facet counts are the same on both backends (rankings may differ on ties)."""
    answers: dict[str, list[Any]] = {}
    for name, source in (("whoosh", demo_home), ("tantivy", tantivy_home)):
        home = tmp_path / name
        shutil.copytree(source, home)
        inst = Instance.open({"HOME": str(home), "SEARCH_BACKEND": name})
        index: SearchIndex = inst.extensions["search"]
        answers[name] = [(q, index.search(q).total, index.search(q).facets) for q in QUERIES_ALIKE]
        inst.close()
    assert answers["whoosh"] == answers["tantivy"]


def test_index_follows_an_import(instance: Instance, tmp_path: Path) -> None:
    index: SearchIndex = instance.extensions["search"]
    folder = tmp_path / "essai"
    folder.mkdir()
    (folder / "actors.csv").write_text(NEW_ACTOR, encoding="utf-8")
    import_paths([folder], instance.store, instance.base, source="essai")
    assert ids(index, "ornithorynques") == ["ornithorynque-solidaire"]
    assert "ornithorynque-solidaire" in ids(
        index, "", facets={"region": ["32"], "sdg": ["4"]}, limit=100
    )
    assert index.stamp is not None and index.stamp.graph_version == instance.store.version
    (folder / "actors.csv").write_text(NEW_ACTOR.splitlines()[0] + "\n", encoding="utf-8")
    import_paths([folder], instance.store, instance.base, source="essai")
    assert ids(index, "ornithorynques") == []
    assert index.stamp.graph_version == instance.store.version


def test_stale_index_rebuilt_when_the_instance_opens(tantivy_home: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(tantivy_home, home)
    store = OxigraphStore(home / "store", base="https://w3id.org/alliances/id/")
    (tmp_path / "actors.csv").write_text(NEW_ACTOR, encoding="utf-8")
    import_paths([tmp_path / "actors.csv"], store, store.base, source="essai")  # no index
    store.close()
    del store
    messages: list[str] = []
    inst = Instance.open({"HOME": str(home), "SEARCH_BACKEND": "tantivy"}, progress=messages.append)
    try:
        index: SearchIndex = inst.extensions["search"]
        assert index.rebuilt_because is not None and index.rebuilt_because.startswith("périmé")
        assert ids(index, "ornithorynque") == ["ornithorynque-solidaire"]
        assert any("territoires" in m for m in messages)
    finally:
        inst.close()


# -- CLI ---------------------------------------------------------------------------------------


@pytest.fixture
def cli_env(tantivy_home: Path, tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    shutil.copytree(tantivy_home, home)
    return {"ALLIANCES_HOME": str(home), "ALLIANCES_SEARCH_BACKEND": "tantivy"}


def test_cli_search_json(cli_env: dict[str, str]) -> None:
    result = CliRunner().invoke(
        main,
        [
            "search",
            "jardins",
            "partagés",
            "--json",
            "--limit",
            "3",
            "--facet",
            "region=32",
            "--kind",
            "actor",
        ],
        env=cli_env,
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"query", "total", "results", "facets", "suggestion"} <= set(data)
    assert data["query"] == "jardins partagés" and len(data["results"]) <= 3
    assert set(data["results"][0]) >= {"id", "iri", "kind", "label", "score", "snippet"}
    assert data["results"][0]["id"] == "jardins-du-faubourg"
    assert set(data["facets"]) == set(FACETS)


def test_cli_search_text_and_suggestion(cli_env: dict[str, str]) -> None:
    result = CliRunner().invoke(main, ["search", "gaspilage"], env=cli_env)
    assert result.exit_code == 0
    assert "Essayez : gaspillage" in result.stdout


def test_cli_bad_facet_is_a_message(cli_env: dict[str, str]) -> None:
    result = CliRunner().invoke(main, ["search", "x", "--facet", "colour=red"], env=cli_env)
    assert result.exit_code == 1 and "facette inconnue" in result.output


def test_cli_index_rebuild_and_status(cli_env: dict[str, str]) -> None:
    result = CliRunner().invoke(main, ["index", "rebuild"], env=cli_env)
    assert result.exit_code == 0, result.output
    assert "Index reconstruit" in result.stdout
    status = CliRunner().invoke(main, ["index", "status", "--json"], env=cli_env)
    data = json.loads(status.stdout)
    assert data["backend"] == "tantivy" and data["graph_version"] == data["store_version"]


# -- HTTP --------------------------------------------------------------------------------------


def test_api_search(client: Any) -> None:
    r = client.get(
        "/api/search",
        query_string={"q": "jardins partagés", "facet": "region=32", "kind": "actor", "page": "1"},
    )
    assert r.status_code == 200
    data = r.get_json()
    assert data["results"][0]["id"] == "jardins-du-faubourg"
    assert data["filters"] == {"kind": ["actor"], "region": ["32"]}
    assert set(data["facets"]) == set(FACETS)


def test_api_search_pages(client: Any) -> None:
    one = client.get("/api/search?q=association&limit=5").get_json()
    two = client.get("/api/search?q=association&limit=5&page=2").get_json()
    assert one["total"] == two["total"] > 10 and two["page"] == 2
    assert not {r["id"] for r in one["results"]} & {r["id"] for r in two["results"]}


@pytest.mark.parametrize("q", ['"(((', "x" * 10_000, "\x00\x1f", "AND OR NOT", "title:éé"])
def test_api_hostile_queries(client: Any, q: str) -> None:
    assert client.get("/api/search", query_string={"q": q}).status_code == 200
    assert client.get("/api/suggest", query_string={"q": q}).status_code == 200


@pytest.mark.parametrize("query", ["facet=colour=red", "facet=nothing", "page=abc", "kind=planet"])
def test_api_bad_parameters_are_json_400(client: Any, query: str) -> None:
    r = client.get(f"/api/search?q=x&{query}")
    assert r.status_code == 400
    assert set(r.get_json()) >= {"error", "message", "message_fr"}


def test_api_suggest(client: Any) -> None:
    data = client.get("/api/suggest?q=jardins%20du%20f").get_json()
    assert data["suggestions"][0]["id"] == "jardins-du-faubourg"
    assert set(data["suggestions"][0]) == {"id", "iri", "kind", "label"}
    assert client.get("/api/suggest?q=").get_json()["suggestions"] == []


def test_suggest_can_be_limited_to_territories(client: Any) -> None:
    data = client.get("/api/suggest?q=roubai&kind=territory").get_json()
    assert data["suggestions"], data
    assert all(s["kind"] == "territory" for s in data["suggestions"])
    assert any(s["id"] == "commune:59512" and s["label"] == "Roubaix" for s in data["suggestions"])
