"""Rebuild the derived caches in the background after start-up and after every write.

On a large instance the recommender's tables and the pages' index take seconds to build (21 s at
100,000 actors); without this, the first visitor after a write would wait for them. Used by
`alliances serve`; tests build caches on demand instead.
"""

from __future__ import annotations

import logging
import threading

from flask import Flask

from graph.places import resolve_place
from graph.queries.geo import actor_points
from graph.queries.pages import cached_stats, pages_index
from graph.store import Change

from .api_reco import recommender_for
from .instance import Instance
from .pointmap import base_layer, projected
from .present import raw_for
from .sparql.endpoint import warm_examples

log = logging.getLogger(__name__)


def warm(instance: Instance, app: Flask | None = None) -> None:
    """Build every version-stamped cache for the store's current version; with `app`, also
    the answers to the SPARQL editor's examples in its result cache (`warm_examples`)."""
    store = instance.store
    cached_stats(store)
    pages_index(store)
    rec = recommender_for(instance)
    for cache in (rec.labels, rec.network, rec.links, rec.actors, rec.alliances, rec.tools):
        cache.get()
    # The random pairs behind the partner levels, and the national flags they need.
    rec.partner_levels.get()
    rec.warm_analogues_and_sdgs()
    # The map of actors: points, their projection, the base layer; the result cards' facts.
    projected(actor_points(store))
    base_layer()
    raw_for(store)
    resolve_place("Lyon")  # builds the place-name tables once per process (0.7 s)
    if app is not None:
        warm_examples(app)


class Warmer:
    """A daemon thread that warms the caches once now and again after each committed write
    (with `app`, the SPARQL examples' answers too)."""

    def __init__(self, instance: Instance, app: Flask | None = None) -> None:
        self.instance = instance
        self.app = app
        self._wanted = threading.Event()
        self._wanted.set()
        self._thread = threading.Thread(target=self._run, name="alliances-warmup", daemon=True)
        instance.store.add_listener(self._on_change)

    def start(self) -> Warmer:
        """Start the thread; returns self."""
        self._thread.start()
        return self

    def _on_change(self, change: Change) -> None:
        self._wanted.set()

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            try:
                warm(self.instance, self.app)
            except Exception:  # noqa: BLE001 - a failed warm-up only means a slower first request
                log.exception("cache warm-up failed; caches will be built on first use")
