"""The actor–alliance network as networkx graphs (built once per graph version by the caller).

- `bipartite`: actors (`bipartite=0`, `kind="actor"`) linked to the alliances (`bipartite=1`,
  `kind="alliance"`) they are members of (`org:hasMember`).
- `projection`: actors linked when they share at least one alliance; the edge attribute
  `alliances` lists the shared alliances and `weight` counts them. Two actors linked here are
  *partners*; a partner of a partner is 2 hops away.

Nodes are the resources' IRIs, so the views can be exported (GraphML, GEXF) as they are.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from ontology.namespaces import ALL, FOAF, SKOS

from ..queries.features import best_literals, memberships, names
from ..store import Store


@dataclass
class NetworkViews:
    """The bipartite actor–alliance graph and its projection on actors."""

    bipartite: nx.Graph
    projection: nx.Graph

    @classmethod
    def build(cls, store: Store) -> NetworkViews:
        """Read the memberships, with names and titles as `label` node attributes (so the views
        export to GraphML or GEXF as they are)."""
        views = cls.from_memberships(memberships(store))
        nodes = views.bipartite.nodes
        labels = names(store, set(nodes), FOAF.name)  # actors
        labels.update(best_literals(store, ALL.Alliance, SKOS.prefLabel))
        for node, label in labels.items():
            if node in nodes:
                nodes[node]["label"] = label
        return views

    @classmethod
    def from_memberships(cls, pairs: Iterable[tuple[Hashable, Hashable]]) -> NetworkViews:
        """Build the views from (alliance, actor) pairs."""
        members: dict[Hashable, set[Hashable]] = defaultdict(set)
        for alliance, actor in pairs:
            members[alliance].add(actor)
        bipartite = nx.Graph()
        projection = nx.Graph()
        for alliance, actors in members.items():
            bipartite.add_node(alliance, bipartite=1, kind="alliance")
            for actor in actors:
                bipartite.add_node(actor, bipartite=0, kind="actor")
                projection.add_node(actor)
                bipartite.add_edge(actor, alliance)
            for a, b in combinations(sorted(actors, key=str), 2):
                if projection.has_edge(a, b):
                    projection[a][b]["alliances"].append(alliance)
                    projection[a][b]["weight"] += 1
                else:
                    projection.add_edge(a, b, alliances=[alliance], weight=1)
        return cls(bipartite, projection)

    def partners(self, actor: Hashable) -> set[Hashable]:
        """Actors sharing at least one alliance with `actor`."""
        if actor not in self.projection:
            return set()
        return set(self.projection.adj[actor])

    def alliances_of(self, actor: Hashable) -> list[Hashable]:
        """The alliances `actor` is a member of."""
        if actor not in self.bipartite:
            return []
        return list(self.bipartite.adj[actor])

    def shared_alliances(self, a: Hashable, b: Hashable) -> list[Hashable]:
        """The alliances of which both `a` and `b` are members."""
        if not self.projection.has_edge(a, b):
            return []
        return list(self.projection[a][b]["alliances"])


def two_hop(projection: nx.Graph, node: Hashable) -> dict[Hashable, list[Hashable]]:
    """Actors 2 hops from `node` (not itself, not its partners) → the partners linking them."""
    if node not in projection:
        return {}
    adj = projection.adj
    direct = adj[node]
    out: dict[Hashable, list[Hashable]] = defaultdict(list)
    for middle in direct:
        for far in adj[middle]:
            if far != node and far not in direct:
                out[far].append(middle)
    return dict(out)


def common_neighbours(projection: nx.Graph, node: Hashable) -> dict[Hashable, float]:
    """Baseline link prediction: number of partners in common, for every 2-hop actor."""
    return {far: float(len(mids)) for far, mids in two_hop(projection, node).items()}


def adamic_adar(projection: nx.Graph, node: Hashable) -> dict[Hashable, float]:
    """Baseline link prediction: Σ 1 / log(degree) over the partners in common."""
    deg = projection.degree
    return {
        far: sum(1.0 / math.log(deg[m]) for m in mids)
        for far, mids in two_hop(projection, node).items()
    }
