"""The graph store as a plugin: the `Store` interface, its implementations by name, and the one
way of binding values into SPARQL (see `base`, `registry`, `binding`).

`OxigraphStore` (embedded, default) and `SparqlStore` (any SPARQL 1.1 server) are imported on
first use, so that choosing one never loads the other's engine or client.
"""

from __future__ import annotations

from typing import Any

from ..rdfio import FORMATS
from .base import (
    BULK_THRESHOLD,
    Capabilities,
    Change,
    GraphInfo,
    Listener,
    Row,
    Store,
    Write,
    graph_iri,
    provenance_graph,
    source_iri,
)
from .binding import Binding, bind, values
from .registry import STORES, open_reader, open_store, store_class
from .results import Serialized

__all__ = [
    "BULK_THRESHOLD",
    "FORMATS",
    "STORES",
    "Binding",
    "Capabilities",
    "Change",
    "GraphInfo",
    "Listener",
    "OxigraphStore",
    "Row",
    "Serialized",
    "SparqlStore",
    "Store",
    "Write",
    "bind",
    "graph_iri",
    "open_reader",
    "open_store",
    "provenance_graph",
    "source_iri",
    "store_class",
    "values",
]


def __getattr__(name: str) -> Any:
    """`OxigraphStore` and `SparqlStore`, imported when first asked for."""
    if name == "OxigraphStore":
        return store_class("oxigraph")
    if name == "SparqlStore":
        return store_class("sparql")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
