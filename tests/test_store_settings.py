"""Choosing the store by settings, and what a user sees when it is misconfigured or down."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.errors import ConfigError
from graph.store import STORES, OxigraphStore, SparqlStore, open_store, store_class
from webui import settings
from webui.cli import main

from .store_servers import free_port


def test_registry_names_both_stores() -> None:
    assert set(STORES) >= {"oxigraph", "sparql"}
    assert store_class("oxigraph") is OxigraphStore
    assert store_class("sparql") is SparqlStore
    with pytest.raises(ConfigError, match="oxigraph"):
        store_class("nope")


def test_default_store_is_embedded(tmp_path: Path) -> None:
    config = settings.load({"HOME": str(tmp_path)})
    assert config["STORE"] == "oxigraph"
    store = open_store(config, tmp_path)
    try:
        assert isinstance(store, OxigraphStore) and store.capabilities.on_disk
        assert (tmp_path / "store").is_dir()
    finally:
        store.close()


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"STORE": "mysql"}, "STORE"),
        ({"STORE": "sparql"}, "SPARQL_QUERY_URL"),
        ({"STORE": "sparql", "SPARQL_QUERY_URL": "ftp://x/sparql"}, "http"),
        ({"SPARQL_AUTH": "kerberos"}, "basic or digest"),
    ],
)
def test_bad_store_settings_are_refused(
    tmp_path: Path, overrides: dict[str, str], fragment: str
) -> None:
    with pytest.raises(ConfigError) as err:
        settings.load({"HOME": str(tmp_path), **overrides})
    assert fragment in err.value.message and err.value.message_fr


def test_remote_settings_open_a_remote_store(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    config = settings.load(
        {
            "HOME": str(tmp_path),
            "STORE": "sparql",
            "SPARQL_QUERY_URL": url,
            "SPARQL_USER": "me",
            "SPARQL_PASSWORD": "secret",
            "SPARQL_AUTH": "digest",
        }
    )
    store = open_store(config, tmp_path)
    assert isinstance(store, SparqlStore)
    assert store.client.endpoints.update == url  # the update endpoint defaults to the query one
    assert "secret" not in repr(store.client.credentials)
    assert store.capabilities.multi_process and not store.capabilities.on_disk
    store.close()


def test_cli_says_when_the_server_is_down(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    env = {
        "ALLIANCES_HOME": str(tmp_path),
        "ALLIANCES_STORE": "sparql",
        "ALLIANCES_SPARQL_QUERY_URL": url,
        "ALLIANCES_SPARQL_RETRIES": "0",
    }
    result = CliRunner().invoke(main, ["stats"], env=env)
    assert result.exit_code == 1
    assert "injoignable" in result.output and "cannot be reached" in result.output
    assert url in result.output and "Traceback" not in result.output
