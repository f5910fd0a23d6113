"""Shared fixtures: stores and instances built from the factory, one temporary folder each.

Loading the vocabularies takes ~3 s, so a session-wide template store is built once and each
test gets its own copy (a RocksDB checkpoint, made in milliseconds).

Per-client rate limits are off in the suite (a test client is one client making hundreds of
requests a minute); tests/test_security_limits.py turns them on in its own apps.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graph.store import OxigraphStore
from graph.vocabularies import load_vocabularies

from . import store_servers

BASE = "https://w3id.org/alliances/id/"

os.environ.setdefault("ALLIANCES_RATE_LIMITS", "off")


def pytest_configure(config: pytest.Config) -> None:
    """Instances made by tests leave the real open datasets out (`ALLIANCES_REAL_DATA`): they
    add a minute to every `init`; tests/test_realdata.py builds its own instance with them."""
    del config
    os.environ.setdefault("ALLIANCES_REAL_DATA", "false")


@pytest.fixture(scope="session")
def base() -> str:
    """The instance base IRI used by the tests."""
    return BASE


@pytest.fixture(scope="session")
def vocab_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    """A store with the vocabularies only, built once per session."""
    path = tmp_path_factory.mktemp("vocab") / "store"
    store = OxigraphStore(path, base=BASE)
    load_vocabularies(store)
    yield store
    store.close()


def copy_store(template: OxigraphStore, dest: Path) -> OxigraphStore:
    """A new store in `dest`, copied from `template`."""
    template._ox.backup(str(dest))  # noqa: SLF001 - checkpoint of the engine
    return OxigraphStore(dest, base=template.base)


@pytest.fixture
def store(vocab_template: OxigraphStore, tmp_path: Path) -> Iterator[OxigraphStore]:
    """A fresh store with the vocabularies loaded, private to the test."""
    s = copy_store(vocab_template, tmp_path / "store")
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_home(vocab_template: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An instance folder initialised with the bundled data, built once (read-only use)."""
    from webui.instance import Instance

    home = tmp_path_factory.mktemp("demo-instance")
    template = copy_store(vocab_template, home / "store")
    template.close()
    inst = Instance.open({"HOME": str(home)})
    inst.init(demo=True)
    inst.close()
    return home


@pytest.fixture
def instance(demo_home: Path, tmp_path: Path) -> Iterator[object]:
    """A private copy of the demo instance (safe to write to)."""
    from webui.instance import Instance

    home = tmp_path / "instance"
    shutil.copytree(demo_home, home)
    inst = Instance.open({"HOME": str(home)})
    yield inst
    inst.close()


@pytest.fixture
def app(instance: object):  # type: ignore[no-untyped-def]
    """The Flask app on a private demo instance."""
    from webui.app import create_app

    app = create_app(instance=instance)  # type: ignore[arg-type]
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    """A test client."""
    return app.test_client()


@pytest.fixture(scope="module")
def readonly_app(demo_home: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """One app per test module on its own copy of the demo instance, for tests that only read."""
    from webui.app import create_app
    from webui.instance import Instance

    home = tmp_path_factory.mktemp("readonly") / "instance"
    shutil.copytree(demo_home, home)
    inst = Instance.open({"HOME": str(home)})
    app = create_app(instance=inst)
    app.config["TESTING"] = True
    yield app
    inst.close()


@pytest.fixture(scope="session")
def sparql_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[[str], store_servers.Server]]:
    """`sparql_server(kind)`: the session's SPARQL server of that kind (`oxigraph-server`,
    `virtuoso`), started on loopback on first use and stopped at the end. Skips the test with
    the reason when the program is not installed (fails instead in CI, which installs them)."""
    started: dict[str, store_servers.Server | store_servers.Unavailable] = {}

    def get(kind: str) -> store_servers.Server:
        if kind not in started:
            try:
                started[kind] = store_servers.start(kind, tmp_path_factory.mktemp(kind))
            except store_servers.Unavailable as exc:
                if store_servers.must_run():
                    pytest.fail(f"{kind}: {exc}")
                started[kind] = exc
        server = started[kind]
        if isinstance(server, store_servers.Unavailable):
            pytest.skip(f"{kind}: {server}")
        return server

    yield get
    for server in started.values():
        if isinstance(server, store_servers.Server):
            server.stop()
