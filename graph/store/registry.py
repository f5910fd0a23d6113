"""The stores by name (the `STORE` setting), imported on first use (as `search.backend` does)."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .base import Store

#: Stores by setting value: module and class, imported on first use.
STORES: dict[str, tuple[str, str]] = {
    "oxigraph": ("graph.store.oxigraph", "OxigraphStore"),
    "sparql": ("graph.store.sparql", "SparqlStore"),
    "virtuoso": ("graph.store.virtuoso", "VirtuosoStore"),
}


def store_class(name: str) -> type[Store]:
    """The store class registered as `name`; raises ConfigError for an unknown name."""
    if name not in STORES:
        known = ", ".join(sorted(STORES))
        raise ConfigError(
            f"unknown store {name!r}; known: {known}",
            message_fr=f"stock inconnu {name!r} ; stocks connus : {known}",
        )
    module, cls = STORES[name]
    return getattr(importlib.import_module(module), cls)  # type: ignore[no-any-return]


def open_store(settings: Mapping[str, Any], home: Path) -> Store:
    """The store an instance's settings name (`STORE`), opened."""
    return store_class(str(settings["STORE"])).from_settings(settings, Path(home))


def open_reader(settings: Mapping[str, Any], home: Path) -> Store:
    """The store an instance's settings name, opened for a process that only reads while
    another may write (`Store.open_reader`: the store itself, or snapshots of it)."""
    return store_class(str(settings["STORE"])).open_reader(settings, Path(home))
