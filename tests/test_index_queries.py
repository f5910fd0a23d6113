"""`graph.queries.index.instance_rows` (two queries joined in Python, for speed) gives what the
single query with `GRAPH ?g` gave: one row per resource and graph, same fields."""

from __future__ import annotations

from pathlib import Path

from graph.queries.index import instance_iris, instance_rows
from ontology.namespaces import DCT, RDF, SKOS
from search.documents import INSTANCE_CLASSES

#: The single query that `instance_rows` replaced (slow at 100,000 actors, same answers).
REFERENCE = f"""
SELECT ?r ?g (SAMPLE(?ident) AS ?id) (SAMPLE(?lab) AS ?label) (SAMPLE(?anylab) AS ?label_any)
       (SAMPLE(?desc) AS ?description) (GROUP_CONCAT(DISTINCT STR(?x); separator=" ") AS ?links)
WHERE {{
  GRAPH ?g {{ ?r {DCT.identifier.n3()} ?ident }}
  ?r {RDF.type.n3()} ?class .
  OPTIONAL {{ ?r {SKOS.prefLabel.n3()} ?lab FILTER(LANGMATCHES(LANG(?lab), "fr")) }}
  OPTIONAL {{ ?r {SKOS.prefLabel.n3()} ?anylab }}
  OPTIONAL {{ ?r {DCT.description.n3()} ?desc }}
  OPTIONAL {{ ?r {{links}} ?x }}
}} GROUP BY ?r ?g
"""


def _key(row: dict[str, object]) -> tuple[str, ...]:
    links = " ".join(sorted(str(row.get("links", "")).split()))
    fields = ("r", "g", "id", "label", "label_any", "description")
    return (*(str(row.get(f, "")) for f in fields), links)


def test_instance_rows_match_the_single_query(demo_home: Path, tmp_path: Path) -> None:
    """Every kind of instance of the demo (actors, alliances, tools, evaluations), in batches
    with a resource that does not exist: same rows as the single query."""
    from graph.queries import index
    from webui.instance import Instance

    from ._publishing import open_instance

    inst: Instance = open_instance(demo_home, tmp_path)
    try:
        store = inst.store
        reference = REFERENCE.replace("{links}", index._LINKS)
        compared = 0
        for cls in INSTANCE_CLASSES.values():
            iris = instance_iris(store, cls)
            assert iris, cls
            batch = iris[:40] + [type(iris[0])(str(iris[0]) + "-absent")]
            new = sorted(_key(r) for r in instance_rows(store, cls, batch))
            old = sorted(_key(r) for r in store.select(reference, r=batch, **{"class": cls}))
            assert new == old, cls
            scan = sorted(_key(r) for r in instance_rows(store, cls))
            every = sorted(_key(r) for r in store.select(reference, r=iris, **{"class": cls}))
            assert scan == every, cls
            compared += len(new)
        assert compared > 100
    finally:
        inst.close()
