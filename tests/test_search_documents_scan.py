"""Index documents of a whole kind are read in one scan of its class (the rebuild at `init`); they
must be the very documents the batched read of the same resources gives (incremental updates)."""

from __future__ import annotations

from rdflib import URIRef

from search.documents import INSTANCE_CLASSES, Documents


def test_one_scan_gives_the_documents_of_the_batched_read(instance) -> None:  # type: ignore[no-untyped-def]
    docs = Documents(instance.store)
    for kind in INSTANCE_CLASSES:
        total = docs.count(kind)
        scanned = list(docs.of_kind(kind))
        assert len(scanned) == total > 0
        assert [d.iri for d in scanned] == sorted(d.iri for d in scanned)
        batched = {d.iri: d for d in docs.of_resources([URIRef(d.iri) for d in scanned])}
        assert scanned == [batched[d.iri] for d in scanned]


def test_rows_counted_before_a_write_are_not_reused_after_it(instance) -> None:  # type: ignore[no-untyped-def]
    docs = Documents(instance.store)
    before = docs.count("actor")
    instance.store.drop_source("cis-2019")
    after = list(docs.of_kind("actor"))
    assert 0 < len(after) < before
    assert all(d.source != "cis-2019" for d in after)
