"""Recommendation (DESIGN §4–§6): complementary partners, analogous alliances, maturity path,
SDG suggestions.

`Recommender` is the one entry point: it owns the per-version caches (actor and alliance tables,
networkx views, labels) of one store and answers with plain JSON-ready dicts. Build one per store
(the app factory and the CLI do) and share it between threads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..analytics import NetworkViews, VersionedCache
from ..errors import ConfigError
from ..queries.features import resource_links, tools
from ..store import Store
from . import maturity, partner_levels, proximity, sdg_suggest
from .actor_table import ActorTable
from .alliance_table import AllianceTable
from .analogues import AnalogueFinder
from .labels import Labels
from .partners import PartnerFinder
from .weights import ANALOGUE_DEFAULTS, PARTNER_DEFAULTS, parse_weights

__all__ = ["Recommender"]


class Recommender:
    """Partners, analogues, maturity and SDG suggestions over one store."""

    def __init__(
        self,
        store: Store,
        *,
        partner_weights: str | Mapping[str, float] | None = None,
        analogue_weights: str | Mapping[str, float] | None = None,
        same_territory: float = 0.8,
    ) -> None:
        self.store = store
        self.partner_weights = parse_weights(partner_weights, PARTNER_DEFAULTS, "PARTNER_WEIGHTS")
        self.analogue_weights = parse_weights(
            analogue_weights, ANALOGUE_DEFAULTS, "ANALOGUE_WEIGHTS"
        )
        if not same_territory >= 0:
            raise ConfigError(
                "ANALOGUE_SAME_TERRITORY must be a number ≥ 0",
                message_fr="ANALOGUE_SAME_TERRITORY doit être un nombre ≥ 0",
            )
        self.same_territory = same_territory
        self.labels = VersionedCache(store, Labels.build)
        self.network = VersionedCache(store, NetworkViews.build)
        self.links = VersionedCache(store, resource_links)
        self.actors = VersionedCache(store, lambda s: ActorTable.build(s, self.links.get()))
        self.national = VersionedCache(
            store, lambda s: proximity.national_flags(self.actors.get(), self.network.get())
        )
        self.partner_levels = VersionedCache(
            store, lambda s: partner_levels.reference(self._partner_finder(None))
        )
        self.alliances = VersionedCache(store, self._build_alliances)
        self.tools = VersionedCache(store, tools)

    def _build_alliances(self, store: Store) -> AllianceTable:
        return AllianceTable.build(store, self.actors.get(), self.network.get(), self.links.get())

    # -- partners ----------------------------------------------------------------------------
    def _partner_finder(self, ref: partner_levels.Reference | None) -> PartnerFinder:
        return PartnerFinder(
            self.actors.get(),
            self.network.get(),
            self.labels.get(),
            self.partner_weights,
            self.national.get(),
            ref,
        )

    def partner_finder(self) -> PartnerFinder:
        """A finder over the current version of the graph (levels read against the random pairs
        of this version, drawn once)."""
        return self._partner_finder(self.partner_levels.get())

    def partners(
        self, actor_id: str, limit: int = 10, partner_types: object = None
    ) -> dict[str, Any]:
        """Complementary partners of an actor (by local identifier), of the actor types listed
        in `partner_types` (codes; any when empty)."""
        return self.partner_finder().for_actor(actor_id, limit, partner_types)

    def partners_for_need(self, need: Mapping[str, Any], limit: int = 10) -> dict[str, Any]:
        """Complementary partners for a described need (type, territory, needs, offers, sdgs,
        partner_types, text, lang)."""
        return self.partner_finder().for_need(need, limit)

    # -- analogues ---------------------------------------------------------------------------
    def analogue_finder(self) -> AnalogueFinder:
        """A finder over the current version of the graph."""
        return AnalogueFinder(
            self.alliances.get(), self.labels.get(), self.analogue_weights, self.same_territory
        )

    def analogues(self, alliance_id: str, limit: int = 10) -> dict[str, Any]:
        """Alliances similar to an alliance (by local identifier), other territories first."""
        return self.analogue_finder().for_alliance(alliance_id, limit)

    def analogues_for_idea(self, idea: Mapping[str, Any], limit: int = 10) -> dict[str, Any]:
        """Alliances similar to a project idea (text, sdgs, types, territory)."""
        return self.analogue_finder().for_idea(idea, limit)

    def warm_analogues_and_sdgs(self) -> None:
        """Draw the random pairs behind the analogue levels for the current version, and load
        the SDG suggester (UN texts, vocabulary, language model), so no visitor waits for them."""
        self.analogue_finder().null_similarities(self.analogue_weights)
        sdg_suggest.default().warm()

    # -- maturity and SDGs -------------------------------------------------------------------
    def maturity_questions(self) -> dict[str, Any]:
        """The self-assessment questionnaire (FR and EN)."""
        return maturity.questionnaire()

    def assess_maturity(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """Level for the answers, with the tools of that level and of the next one by pillar."""
        return maturity.assess(answers, self.tools.get(), self.labels.get())

    def suggest_sdgs(self, text: str, limit: int = 5, lang: str | None = None) -> dict[str, Any]:
        """SDG targets suggested for a French or English description (`lang` 'fr' or 'en',
        detected when None), with the words that matched."""
        return sdg_suggest.suggest(text, limit, lang)
