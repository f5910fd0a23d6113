"""Contract: the application's own queries (`graph/queries/`) give the same answers on every store
as on an in-memory embedded store holding the same triples."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Literal, URIRef

from graph.queries import catalog, features, network, pages, publishing, sources
from graph.queries.describe import describe, parts
from graph.queries.index import instance_iris, instance_rows
from graph.queries.resources import existing_ids
from graph.queries.stats import stats
from graph.store import OxigraphStore, Store, Write
from ontology.namespaces import ALL, DCT, ORG

from .conftest import BASE

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from sparql import synthetic  # noqa: E402 - bench/sparql.py's generator of actors and alliances

ACTOR = URIRef(BASE + "actor/a3")
ALLIANCE = URIRef(BASE + "alliance/l2")


def _norm(value: Any) -> Any:
    """A comparable form: sets for collections whose order is not specified."""
    if isinstance(value, nx.Graph):
        return (
            frozenset((n, _norm(d)) for n, d in value.nodes(data=True)),
            frozenset((frozenset((a, b)), _norm(d)) for a, b, d in value.edges(data=True)),
        )
    if isinstance(value, dict):
        return frozenset((k, _norm(v)) for k, v in value.items())
    if isinstance(value, list | set | frozenset | tuple):
        return frozenset(_norm(v) for v in value)
    if hasattr(value, "__dataclass_fields__"):
        return tuple((k, _norm(getattr(value, k))) for k in value.__dataclass_fields__)
    return value


def _described(store: Store, iri: URIRef) -> Any:
    res = describe(store, iri)
    assert res is not None
    return (
        {p: {(v.term, v.label) for v in vs} for p, vs in res.props.items()},
        {
            s: {p: {(v.term, v.label) for v in vs} for p, vs in ps.items()}
            for s, ps in res.parts.items()
        },
    )


def _search_row(row: dict[str, Any]) -> dict[str, Any]:
    """A search row, its links as a set (GROUP_CONCAT has no defined order)."""
    return {k: frozenset(str(v).split()) if k == "links" else v for k, v in row.items()}


QUERIES: dict[str, Callable[[Store], Any]] = {
    "stats": stats,
    "graph stats": lambda s: [(g.source, g.triples, g.subjects) for g in publishing.graph_stats(s)],
    "class counts": publishing.class_counts,
    "distinct subjects": lambda s: publishing.distinct_count(s, "subjects"),
    "actor profiles": features.actor_profiles,
    "alliance profiles": features.alliance_profiles,
    "memberships": features.memberships,
    "membership network": network.membership_network,
    "pages index": lambda s: (pages.build_index(s).by_sdg, pages.build_index(s).by_territory),
    "search rows": lambda s: [
        _search_row(r) for r in instance_rows(s, ALL.Alliance, instance_iris(s, ALL.Alliance)[:20])
    ],
    "existing ids": lambda s: existing_ids(s, {ACTOR, URIRef(BASE + "actor/nobody")}),
    "parts": lambda s: parts(s, ALLIANCE),
    "describe actor": lambda s: _described(s, ACTOR),
    "describe alliance": lambda s: _described(s, ALLIANCE),
    "resource document": lambda s: publishing.resource_document(s, ALLIANCE),
    "source facts": lambda s: [(f.source, f.triples, f.subjects) for f in catalog.source_facts(s)],
    "instances": lambda s: features.instances(s, ORG.FormalOrganization),
}


@pytest.fixture(scope="module")
def triples() -> list[Any]:
    """30 synthetic actors and 10 alliances with memberships and resource shares."""
    return list(synthetic(BASE, 30))


@pytest.fixture(scope="module")
def reference(triples: list[Any]) -> dict[str, Any]:
    """Every answer on an in-memory embedded store."""
    store = OxigraphStore(None, base=BASE)
    store.write(Write("s", triples))
    return {name: _norm(q(store)) for name, q in QUERIES.items()}


def test_same_answers_as_the_embedded_store(
    any_store: Store, triples: list[Any], reference: dict[str, Any]
) -> None:
    any_store.write(Write("s", triples))
    publishing._cache.clear()  # noqa: SLF001 - answers are cached per (store id, version)
    wrong = [name for name, q in QUERIES.items() if _norm(q(any_store)) != reference[name]]
    assert not wrong


def test_fictional_resources_on_every_store(any_store: Store) -> None:
    """The recommender's fictional flags (`sources.fictional_resources`): resources marked
    `all:fictional true` themselves, and resources defined in a source graph marked so."""
    flagged, defined, real = (URIRef(BASE + f"actor/{n}") for n in ("f1", "f2", "r1"))
    any_store.write(Write("real", [(real, DCT.identifier, Literal("r1"))]))
    any_store.write(
        Write(
            "demo",
            [
                (flagged, DCT.identifier, Literal("f1")),
                (flagged, ALL.fictional, Literal(True)),
                (defined, DCT.identifier, Literal("f2")),
            ],
            provenance=lambda g: [(g, ALL.fictional, Literal(True))],
        )
    )
    publishing._cache.clear()  # noqa: SLF001 - answers are cached per (store id, version)
    assert sources.fictional_resources(any_store) == {flagged, defined}
