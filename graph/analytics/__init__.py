"""Network views of the graph (DESIGN §1): derived, cached per graph version, rebuildable.

`NetworkViews` holds the actor–alliance bipartite graph and its projection on actors (networkx);
`VersionedCache` keeps any value built from a store until the store's version changes.
"""

from .cache import VersionedCache
from .network import NetworkViews, adamic_adar, common_neighbours, two_hop

__all__ = ["NetworkViews", "VersionedCache", "adamic_adar", "common_neighbours", "two_hop"]
