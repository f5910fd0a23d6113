"""The index of an instance (search/index.py): in step with every write, rebuilt when it cannot be
trusted, searchable during a rebuild. Run on both backends with small stores (no vocabularies)."""

from __future__ import annotations

import fcntl
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.importer import import_paths
from graph.store import Change, OxigraphStore
from search import SearchIndex, generations
from search.errors import SearchError
from search.generations import Stamp

BASE = "https://w3id.org/alliances/id/"
HEADER = "id,name,type,description,territory,sdgs\n"
ROWS = {
    "jardin-test": "jardin-test,Jardin partagé des Tests,association,\"Un jardin partagé où l'on "
    'cultive des légumes et lutte contre le gaspillage <b>alimentaire</b>.",'
    "commune:59350,2;12.3\n",
    "coop-test": "coop-test,Coopérative d'essai,cooperative,Une coopérative d'insertion.,"
    "departement:69,8\n",
    "velo-test": "velo-test,Vélo-école solidaire,association,Des cours de vélo pour adultes.,,\n",
}


def write_csv(folder: Path, *ids: str, replace: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rows = {**ROWS, **(replace or {})}
    (folder / "actors.csv").write_text(HEADER + "".join(rows[i] for i in ids), encoding="utf-8")
    return folder


@pytest.fixture
def store(tmp_path: Path) -> Iterator[OxigraphStore]:
    s = OxigraphStore(tmp_path / "store", base=BASE)
    yield s
    s.close()


@pytest.fixture(params=["whoosh", "tantivy"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def index(store: OxigraphStore, backend: str, tmp_path: Path) -> Iterator[SearchIndex]:
    ix = SearchIndex(tmp_path / "index", store, backend).attach()
    yield ix
    ix.close()


def imp(store: OxigraphStore, folder: Path, source: str = "essai") -> int:
    return import_paths([folder], store, BASE, source=source).version or 0


def found(ix: SearchIndex, text: str) -> list[str]:
    return [r.id for r in ix.search(text).results]


def test_index_follows_imports(index: SearchIndex, store: OxigraphStore, tmp_path: Path) -> None:
    assert index.rebuilt_because == "absent"
    imp(store, write_csv(tmp_path / "a", "jardin-test", "coop-test"))
    assert found(index, "jardins partages") == ["jardin-test"]
    assert index.stamp is not None and index.stamp.graph_version == store.version
    imp(store, write_csv(tmp_path / "b", "coop-test"))
    assert found(index, "jardins partages") == []
    assert found(index, "cooperative") == ["coop-test"]
    assert index.doc_count() == 1 and index.stamp.graph_version == store.version


def test_changed_row_replaces_its_document(
    index: SearchIndex, store: OxigraphStore, tmp_path: Path
) -> None:
    imp(store, write_csv(tmp_path / "a", "coop-test"))
    changed = "coop-test,Coopérative d'essai,cooperative,Fabrique de confitures.,,\n"
    imp(store, write_csv(tmp_path / "b", "coop-test", replace={"coop-test": changed}))
    assert found(index, "insertion") == []
    assert found(index, "confitures") == ["coop-test"]


def test_resource_moving_to_another_source_stays(
    index: SearchIndex, store: OxigraphStore, tmp_path: Path
) -> None:
    imp(store, write_csv(tmp_path / "a", "coop-test", "velo-test"), source="one")
    imp(store, write_csv(tmp_path / "b", "coop-test"), source="two")
    assert found(index, "cooperative") == ["coop-test"]
    imp(store, write_csv(tmp_path / "c", "velo-test"), source="one")
    assert found(index, "cooperative") == ["coop-test"]
    assert index.search("", kind="actor").total == 2


def test_dropped_source_leaves_the_index(
    index: SearchIndex, store: OxigraphStore, tmp_path: Path
) -> None:
    imp(store, write_csv(tmp_path / "a", "velo-test"))
    store.drop_source("essai")
    assert found(index, "velo") == []
    assert index.stamp is not None and index.stamp.graph_version == store.version


def test_unknown_change_reindexes_everything(
    index: SearchIndex, store: OxigraphStore, tmp_path: Path
) -> None:
    imp(store, write_csv(tmp_path / "a", "velo-test"))
    live = index._live  # noqa: SLF001 - simulate a lost document
    assert live is not None
    live.write(delete=[BASE + "actor/velo-test"])
    assert found(index, "velo") == []
    index.on_change(Change(store.version, "something", None))
    assert found(index, "velo") == ["velo-test"]


def test_out_of_order_changes_move_the_stamp_only_when_contiguous(
    index: SearchIndex, store: OxigraphStore
) -> None:
    v = store.version
    index.on_change(Change(v + 2, "x", frozenset()))
    assert index.stamp is not None and index.stamp.graph_version == v
    index.on_change(Change(v + 1, "y", frozenset()))
    assert index.stamp.graph_version == v + 2


def reopen(store: OxigraphStore, backend: str, tmp_path: Path) -> SearchIndex:
    return SearchIndex(tmp_path / "index", store, backend).open()


def test_stale_index_is_rebuilt_at_start(
    store: OxigraphStore, backend: str, tmp_path: Path
) -> None:
    first = SearchIndex(tmp_path / "index", store, backend).open()  # not listening
    imp(store, write_csv(tmp_path / "a", "velo-test"))
    first.close()
    messages: list[str] = []
    again = SearchIndex(tmp_path / "index", store, backend, progress=messages.append).open()
    assert again.rebuilt_because is not None and again.rebuilt_because.startswith("périmé")
    assert found(again, "velo") == ["velo-test"]
    assert any("reconstruction" in m for m in messages)
    again.close()
    trusted = reopen(store, backend, tmp_path)
    assert trusted.rebuilt_because is None
    trusted.close()


def test_interrupted_write_is_rebuilt(
    index: SearchIndex, store: OxigraphStore, backend: str, tmp_path: Path
) -> None:
    imp(store, write_csv(tmp_path / "a", "velo-test"))
    assert index.path is not None and index.stamp is not None
    generations.write_stamp(index.path, Stamp(**{**index.stamp.__dict__, "state": "writing"}))
    index.close()
    again = reopen(store, backend, tmp_path)
    assert again.rebuilt_because == "interrompu pendant une écriture"
    assert found(again, "velo") == ["velo-test"]
    again.close()


def test_damaged_files_are_rebuilt(
    index: SearchIndex, store: OxigraphStore, backend: str, tmp_path: Path
) -> None:
    imp(store, write_csv(tmp_path / "a", "velo-test"))
    folder = index.path
    assert folder is not None
    index.close()
    for f in folder.iterdir():
        if f.is_file() and f.name != "stamp.json":
            f.write_bytes(b"\x00" * 10)
    again = reopen(store, backend, tmp_path)
    assert again.rebuilt_because is not None and again.rebuilt_because.startswith("endommagé")
    assert found(again, "velo") == ["velo-test"]
    again.close()


@pytest.mark.parametrize("damage", ["missing", "garbage", "stamp", "other-backend"])
def test_bad_pointer_or_stamp_is_rebuilt(
    index: SearchIndex, store: OxigraphStore, backend: str, tmp_path: Path, damage: str
) -> None:
    imp(store, write_csv(tmp_path / "a", "velo-test"))
    assert index.path is not None and index.stamp is not None
    root, folder = tmp_path / "index", index.path
    index.close()
    if damage == "missing":
        (root / generations.POINTER).unlink()
    elif damage == "garbage":
        (root / generations.POINTER).write_bytes(b"\xff\xfe../../etc")
    elif damage == "stamp":
        (folder / generations.STAMP).write_text("{not json")
    else:
        stamp = json.loads((folder / generations.STAMP).read_text())
        stamp["backend"] = "other"
        (folder / generations.STAMP).write_text(json.dumps(stamp))
    again = reopen(store, backend, tmp_path)
    assert again.rebuilt_because is not None
    assert found(again, "velo") == ["velo-test"]
    again.close()


def test_searches_keep_working_during_a_rebuild(
    index: SearchIndex, store: OxigraphStore, tmp_path: Path
) -> None:
    imp(store, write_csv(tmp_path / "a", "velo-test", "coop-test"))
    old = index.path
    started, release = threading.Event(), threading.Event()
    of_kind = index.documents.of_kind

    def slow(kind: str):  # type: ignore[no-untyped-def]
        if kind == "tool":
            started.set()
            release.wait(10)
        return of_kind(kind)

    index.documents.of_kind = slow  # type: ignore[method-assign]
    worker = threading.Thread(target=index.rebuild)
    worker.start()
    assert started.wait(10)
    assert found(index, "velo") == ["velo-test"]  # the live generation still answers
    assert index.path == old
    release.set()
    worker.join(10)
    assert index.path != old and found(index, "velo") == ["velo-test"]
    assert old is not None and old.exists()  # kept as the previous generation
    index.rebuild()
    assert not old.exists()


def test_one_writer_at_a_time(index: SearchIndex, tmp_path: Path) -> None:
    with index._writing():  # noqa: SLF001
        with open(tmp_path / "index" / generations.LOCK, "a") as other:
            with pytest.raises(BlockingIOError):
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    with open(tmp_path / "index" / generations.LOCK, "a") as other:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)


def test_failed_update_rebuilds(
    index: SearchIndex, store: OxigraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = index._live  # noqa: SLF001
    assert live is not None

    def broken(*args: object, **kwargs: object) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(live, "write", broken)
    imp(store, write_csv(tmp_path / "a", "velo-test"))
    assert found(index, "velo") == ["velo-test"]
    assert index._live is not live  # noqa: SLF001


def test_search_answer(index: SearchIndex, store: OxigraphStore, tmp_path: Path) -> None:
    imp(store, write_csv(tmp_path / "a", "jardin-test", "coop-test", "velo-test"))
    answer = index.search("gaspillage alimentaire").to_dict()
    assert set(answer) >= {"query", "total", "results", "facets", "suggestion"}
    hit = answer["results"][0]
    assert set(hit) >= {"id", "iri", "kind", "label", "score", "snippet"}
    assert hit["id"] == "jardin-test" and hit["iri"] == BASE + "actor/jardin-test"
    assert "<mark>gaspillage</mark>" in hit["snippet"]
    assert "&lt;b&gt;<mark>alimentaire</mark>&lt;/b&gt;" in hit["snippet"]
    assert "<b>" not in hit["snippet"]
    assert answer["facets"]["actor_type"] == {"association": 1}
    assert answer["suggestion"] is None


def test_spelling_suggestion_and_relaxed_answer(
    index: SearchIndex, store: OxigraphStore, tmp_path: Path
) -> None:
    imp(store, write_csv(tmp_path / "a", "jardin-test", "coop-test"))
    answer = index.search("gaspilage")
    assert answer.total == 0 and answer.suggestion == "gaspillage"
    answer = index.search("jardin dinosaure")
    assert answer.relaxed and [r.id for r in answer.results] == ["jardin-test"]
    assert index.search("jardin").suggestion is None


def test_pages_and_filters(index: SearchIndex, store: OxigraphStore, tmp_path: Path) -> None:
    imp(store, write_csv(tmp_path / "a", "jardin-test", "coop-test", "velo-test"))
    first, second = index.search("", limit=2), index.search("", limit=2, page=2)
    assert first.total == second.total == 3
    assert len({r.id for r in first.results + second.results}) == 3
    assert index.search("", page=0).page == 1
    only = index.search("", facets={"actor_type": ["cooperative"]})
    assert [r.id for r in only.results] == ["coop-test"]
    assert only.facets["actor_type"] == {"association": 2, "cooperative": 1}
    with pytest.raises(SearchError):
        index.search("x", facets={"colour": ["red"]})
    with pytest.raises(SearchError):
        index.search("x", kind="planet")


def test_completion(index: SearchIndex, store: OxigraphStore, tmp_path: Path) -> None:
    imp(store, write_csv(tmp_path / "a", "jardin-test", "coop-test", "velo-test"))
    assert [c.id for c in index.suggest("jard")] == ["jardin-test"]
    assert [c.id for c in index.suggest("velo-e")] == ["velo-test"]
    assert index.suggest("") == [] and index.suggest("'\"") == []
