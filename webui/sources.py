"""Where a record shown comes from: the source line of pages (« Source : ANCT, Licence Ouverte
2.0, données du 1er août 2024 »), the fictional flag, and the same facts added to API answers.

Pages get `sources` (the sources of the resource shown, `graph.queries.sources.SourceInfo`) and
render them with `templates/_source.html` (included by `base.html`); API answers that list
actors or alliances get, per item, `source` ({source, title, publisher, licence, licence_name,
date, attribution, fictional, text}) and `fictional` (`annotate`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import Flask
from rdflib import URIRef

from graph import iris
from graph.queries.sources import (
    SourceInfo,
    defining_sources,
    fictional_sources,
    resource_sources,
)
from graph.store import Store

from .i18n import current_lang


def instance_has_fictional() -> bool:
    """Whether the instance holds a fictional source (then every page says so in its footer)."""
    from .app_context import get_instance

    return bool(fictional_sources(get_instance().store))


def init_app(app: Flask) -> None:
    """Templates get `has_fictional_data()` (the footer notice)."""
    app.jinja_env.globals["has_fictional_data"] = instance_has_fictional


def of_resource(store: Store, iri: URIRef) -> list[SourceInfo]:
    """The sources of the resource a page shows (the defining one first)."""
    return resource_sources(store, iri)


def annotate(store: Store, base: str, kind: str, items: Iterable[dict[str, Any]]) -> None:
    """Add `source` and `fictional` to each item (a dict with `id` or `iri`) of kind `kind`
    (`actor`, `alliance`), in place."""
    items = list(items)
    keys: dict[int, URIRef] = {}
    for n, item in enumerate(items):
        iri = item.get("iri")
        if iri is None and iris.is_id(str(item.get("id", ""))):
            iri = str(iris.mint(base, kind, str(item["id"])))
        if iri:
            keys[n] = URIRef(str(iri))
    found = defining_sources(store, keys.values())
    lang = current_lang()
    for n, item in enumerate(items):
        info = found.get(keys.get(n)) if n in keys else None  # type: ignore[arg-type]
        item["source"] = info.to_dict(lang) if info is not None else None
        item["fictional"] = bool(info and info.fictional)
