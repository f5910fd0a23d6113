"""Where a record shown comes from: the source line of pages (« Source : ANCT, Licence Ouverte
2.0, données du 1er août 2024 »), the fictional flag, and the same facts added to API answers.

Pages get `record_sources` (the sources of the resource shown, `graph.queries.sources.SourceInfo`;
for territories and SDGs their vocabulary's) and render them with `templates/_source.html`
(included by `base.html`); API answers that list actors or alliances get, per item, `source`
({source, title, publisher, licence, licence_name, date, attribution, fictional, text}) and
`fictional` (`annotate`); search results, which carry their source's name in `source`, get the
same object as `source_info` (`annotate_hits`), and the search page shows its `text` per hit.
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
    sources,
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


def _complete(info: SourceInfo) -> SourceInfo:
    """`info` with a vocabulary's publisher, licence and attribution filled in from its
    catalogue metadata (`webui.catalog.VOCABULARIES`: vocabulary graphs carry none in the
    store); other sources as they are."""
    from .catalog import AGENTS, LICENCE_IRIS, VOCABULARIES

    meta = VOCABULARIES.get(info.source)
    if meta is None:
        return info
    return SourceInfo(
        info.source,
        info.graph,
        titles={"fr": meta.title_fr, "en": meta.title_en},
        publisher=AGENTS[meta.publisher],
        licence=LICENCE_IRIS.get(meta.licence),
        rights=meta.rights or None,
    )


def of_vocabulary(store: Store, source: str) -> list[SourceInfo]:
    """The source line of a page showing a vocabulary record (a territory, an SDG): the
    vocabulary's publisher, licence and attribution ([] when it is not loaded)."""
    found = [i for i in sources(store).values() if i.source == source]
    return [_complete(found[0])] if found else []


def by_source_name(store: Store) -> dict[str, SourceInfo]:
    """Every published source by name (vocabularies completed), for search hits, which know
    the name of the source they come from."""
    return {i.source: _complete(i) for i in sources(store).values()}


def annotate_hits(store: Store, results: Iterable[dict[str, Any]], lang: str) -> None:
    """Add `source_info` ({source, title, publisher, licence, licence_name, date, attribution,
    fictional, text}, or None) to each search result dict, from its `source` name, in place."""
    known = by_source_name(store)
    for item in results:
        info = known.get(str(item.get("source") or ""))
        item["source_info"] = info.to_dict(lang) if info is not None else None


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
