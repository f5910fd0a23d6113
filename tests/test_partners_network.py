"""The network views behind the trust factor: bipartite graph, projection, 2-hop baselines."""

from __future__ import annotations

import math

import pytest
from rdflib import URIRef

from graph.analytics import NetworkViews, VersionedCache, adamic_adar, common_neighbours, two_hop
from graph.importer import import_paths

from .test_partners import actor, alliance, write_rows

PAIRS = [("x1", "a"), ("x1", "b"), ("x2", "b"), ("x2", "c"), ("x2", "d"), ("x3", "a"), ("x3", "b")]


def test_bipartite_graph_and_projection():
    views = NetworkViews.from_memberships(PAIRS)
    assert views.bipartite.nodes["a"] == {"bipartite": 0, "kind": "actor"}
    assert views.bipartite.nodes["x1"] == {"bipartite": 1, "kind": "alliance"}
    assert sorted(views.alliances_of("b")) == ["x1", "x2", "x3"]
    assert views.partners("a") == {"b"}
    assert sorted(views.shared_alliances("a", "b")) == ["x1", "x3"]
    assert views.projection["a"]["b"]["weight"] == 2
    assert views.partners("nobody") == set()


def test_two_hop_and_baselines():
    projection = NetworkViews.from_memberships(PAIRS).projection
    assert two_hop(projection, "a") == {"c": ["b"], "d": ["b"]}
    assert common_neighbours(projection, "a") == {"c": 1.0, "d": 1.0}
    assert adamic_adar(projection, "a")["c"] == pytest.approx(1 / math.log(3))
    assert two_hop(projection, "nobody") == {}


def test_views_read_from_the_store_with_labels(store, tmp_path, base):
    write_rows(tmp_path / "s" / "actors.csv", [actor("a", name="Alpha"), actor("b")])
    write_rows(tmp_path / "s" / "alliances.csv", [alliance("x", "a", "b", title="Ensemble")])
    import_paths([tmp_path / "s"], store, base, source="t")
    views = NetworkViews.build(store)
    a, x = URIRef(base + "actor/a"), URIRef(base + "alliance/x")
    assert views.bipartite.nodes[a]["label"] == "Alpha"
    assert views.bipartite.nodes[x]["label"] == "Ensemble"
    assert views.partners(a) == {URIRef(base + "actor/b")}


def test_versioned_cache_rebuilds_only_on_a_new_version(store, tmp_path, base):
    cache = VersionedCache(store, lambda s: s.version)
    assert cache.get() == store.version and cache.get() == store.version
    assert cache.builds == 1
    write_rows(tmp_path / "s" / "actors.csv", [actor("a")])
    import_paths([tmp_path / "s"], store, base, source="t")
    assert cache.version is None  # dropped by the listener when the write committed
    assert cache.get() == store.version and cache.builds == 2


def test_versioned_is_shared_per_build_and_follows_the_version(store, tmp_path, base):
    from graph.analytics.cache import versioned

    calls: list[int] = []

    def build(s):  # type: ignore[no-untyped-def]
        calls.append(s.version)
        return s.version

    assert versioned(store, build) == versioned(store, build) == store.version
    assert len(calls) == 1  # the second caller shared the first build
    write_rows(tmp_path / "s" / "actors.csv", [actor("a")])
    import_paths([tmp_path / "s"], store, base, source="t")
    assert versioned(store, build) == store.version and len(calls) == 2
