"""The embedded store: atomic publication, versions, listeners, crash leftovers."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from graph.store import Change, OxigraphStore, Write
from ontology.namespaces import SKOS


def _triples(base: str, n: int, label: str = "x") -> list[tuple[URIRef, URIRef, Literal]]:
    return [(URIRef(f"{base}actor/t{i}"), SKOS.prefLabel, Literal(f"{label}{i}")) for i in range(n)]


def test_version_changes_with_every_write(store: OxigraphStore, base: str) -> None:
    seen: list[Change] = []
    store.add_listener(seen.append)
    v0 = store.version
    v1 = store.write(Write("s", _triples(base, 3)))
    v2 = store.write(Write("s", _triples(base, 2)))
    assert v0 < v1 < v2
    assert [c.version for c in seen] == [v1, v2]
    assert seen[0].source == "s"


def test_replacing_a_source_replaces_its_content(store: OxigraphStore, base: str) -> None:
    store.write(Write("s", _triples(base, 3, "a")))
    store.write(Write("s", _triples(base, 2, "b")))
    labels = {
        str(r["l"])
        for r in store.select(
            "SELECT ?l WHERE { ?s ?p ?l FILTER(STRSTARTS(STR(?s), ?b)) }",
            p=SKOS.prefLabel,
            b=Literal(base + "actor/t"),
        )
    }
    assert labels == {"b0", "b1"}
    assert [g.source for g in store.graphs()].count("s") == 1


def test_large_write_streams_and_publishes(store: OxigraphStore, base: str) -> None:
    store.write(Write("big", _triples(base, 60_000)))
    rows = store.select(
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(?p = ?q) }", q=SKOS.prefLabel
    )
    assert int(rows[0]["n"]) >= 60_000


def test_unpublished_leftover_is_invisible_and_collected(tmp_path: Path, base: str) -> None:
    path = tmp_path / "store"
    store = OxigraphStore(path, base=base)
    store.write(Write("s", _triples(base, 2)))
    # a crash in the middle of a write leaves a filled but unpublished graph behind
    leftover = ox.NamedNode(f"{base}graph/s/99")
    store._ox.add(
        ox.Quad(
            ox.NamedNode(f"{base}actor/ghost"),  # noqa: SLF001
            ox.NamedNode(str(SKOS.prefLabel)),
            ox.Literal("ghost"),
            leftover,
        )
    )
    assert not store.ask("ASK { ?s ?p ?o }", s=URIRef(f"{base}actor/ghost"))
    version = store.version
    store.close()
    reopened = OxigraphStore(path, base=base)
    assert reopened.version == version
    assert leftover not in set(reopened._ox.named_graphs())  # noqa: SLF001
    assert reopened.ask("ASK { ?s ?p ?o }", s=URIRef(f"{base}actor/t0"))
    reopened.close()


def test_system_graph_is_never_visible(store: OxigraphStore, base: str) -> None:
    store.write(Write("s", _triples(base, 1)))
    assert not store.ask('ASK { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "urn:x-")) }')
    assert not store.ask('ASK { ?s ?p ?o FILTER(STRSTARTS(STR(?s), "urn:x-")) }')


def test_second_process_gets_a_clear_error(tmp_path: Path, base: str) -> None:
    import pytest

    from graph.errors import StoreError

    first = OxigraphStore(tmp_path / "store", base=base)
    with pytest.raises(StoreError, match="autre processus|another process"):
        OxigraphStore(tmp_path / "store", base=base)
    first.close()


def test_sdg_targets_have_one_preflabel_per_language(store: OxigraphStore) -> None:
    from ontology.namespaces import SDG

    rows = store.select(
        'SELECT ?l WHERE { ?t ?p ?l FILTER(LANG(?l) = "fr") }', t=SDG["12.3"], p=SKOS.prefLabel
    )
    assert [str(r["l"])[:30] for r in rows] == ["D’ici à 2030, réduire de moiti"]
