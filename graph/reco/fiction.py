"""Who may be shown fictional suggestions (the demo data, DESIGN « fiction »; issue 12).

The bundled demonstration actors and alliances are invented (`all:fictional true`,
`graph.queries.sources.fictional_resources`). A suggestion is a proposal to contact someone, so:

- a **real** seeker (an actor or alliance that is not fictional) is never shown a fictional
  partner, introducer or analogue, and only real alliances make partners or introducers for it
  (a fictional alliance citing two real organisations says nothing true about them);
- a **fictional** seeker may be shown both (the demonstration stays coherent);
- someone **not in the graph** (a described need, an idea) is shown the real suggestions first:
  fictional ones come only after every real one with a score, each marked `fictional: true`,
  so they fill the list only when the real data has too little to offer.

`Seeker`/`Query` carry `fictional`: True, False, or None for someone not in the graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable

import networkx as nx
import numpy as np

#: `fictional` of someone who is not in the graph (a described need, an idea).
OUTSIDE = None


def allowed(fictional: np.ndarray, seeker_fictional: bool | None) -> np.ndarray | None:
    """Boolean mask of the rows a seeker may be shown, or None when it may see every row
    (a fictional seeker, someone outside the graph: ordered by `order` instead)."""
    if seeker_fictional is False and fictional.any():
        return ~fictional
    return None


def order(
    cands: np.ndarray, score: np.ndarray, fictional: np.ndarray, seeker_fictional: bool | None
) -> np.ndarray:
    """Positions of `cands` from best to worst: by score (ties by row), real ones first for
    someone outside the graph. `fictional` is the flag of each candidate."""
    keys: tuple[np.ndarray, ...] = (cands, -np.round(score, 9))
    if seeker_fictional is OUTSIDE:
        keys = (*keys, fictional.astype(np.int8))
    return np.lexsort(keys)


def real_links(
    projection: nx.Graph, node: Hashable, is_fictional: Callable[[Hashable], bool]
) -> tuple[set[Hashable], dict[Hashable, list[Hashable]]]:
    """The partners of a real actor through real alliances only, and the real actors two hops
    away through them → the real partners linking them (`graph.analytics.network.two_hop`, with
    every fictional actor and every fictional alliance left out)."""
    if node not in projection:
        return set(), {}
    adj = projection.adj

    def real_edge(a: Hashable, b: Hashable) -> bool:
        return any(not is_fictional(al) for al in adj[a][b].get("alliances", ()))

    direct = {m for m in adj[node] if not is_fictional(m) and real_edge(node, m)}
    out: dict[Hashable, list[Hashable]] = defaultdict(list)
    for middle in direct:
        for far in adj[middle]:
            if (
                far != node
                and far not in direct
                and not is_fictional(far)
                and real_edge(middle, far)
            ):
                out[far].append(middle)
    return direct, dict(out)
