"""Every example query of the query page runs and returns something on the demo data."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from webui.sparql.examples import examples


def test_at_least_twelve_commented_examples() -> None:
    exs = examples()
    assert len(exs) >= 12
    for ex in exs:
        assert ex.title_fr and ex.title_en and ex.text_fr and ex.text_en, ex.name


@pytest.mark.parametrize("example", examples(), ids=lambda e: e.name)
def test_example_runs_on_demo_data(app, example) -> None:  # type: ignore[no-untyped-def]
    from webui.sparql.safety import check_query

    store = app.extensions["alliances"].store
    check_query(example.query, local_graphs=set(), max_length=20_000)
    result = store.run(example.query, result_format="json", graph_format="nt")
    if result.kind == "boolean":
        assert json.loads(result.body)["boolean"]
    else:
        assert result.rows > 0


#: The earlier texts of the examples rewritten for speed (issue 14: under 1 s at 100,000 actors);
#: bench/sparql_examples.py times them against the current ones.
BEFORE = Path(__file__).parent / "data" / "sparql-examples-before"
#: Columns made by GROUP_CONCAT: SPARQL leaves the order of the joined values free, so they are
#: compared as sets of values (column → separator).
CONCATENATED = {"mix": ", ", "titles": " | ", "files": ", "}


def _answer(store, query: str):  # type: ignore[no-untyped-def]
    """The boolean of an ASK, the set of triples of a CONSTRUCT, or the multiset of rows of a
    SELECT (each row the set of its bindings; GROUP_CONCAT values as sets)."""
    result = store.run(query, result_format="json", graph_format="nt", max_rows=1_000_000)
    assert not result.truncated
    if result.kind == "boolean":
        return json.loads(result.body)["boolean"]
    if result.kind == "graph":
        return frozenset(line for line in result.body.decode().splitlines() if line.strip())
    rows = []
    for row in json.loads(result.body)["results"]["bindings"]:
        cells = []
        for name, term in row.items():
            value: object = term["value"]
            if name in CONCATENATED:
                value = frozenset(str(value).split(CONCATENATED[name]))
            cells.append((name, term["type"], term.get("datatype"), term.get("xml:lang"), value))
        rows.append(frozenset(cells))
    return Counter(rows)


def test_every_kept_text_is_an_example() -> None:
    names = {e.name for e in examples()}
    kept = {p.stem for p in BEFORE.glob("*.rq")}
    assert kept and kept <= names
    for path in BEFORE.glob("*.rq"):
        assert next(e for e in examples() if e.name == path.stem).query != path.read_text("utf-8")


@pytest.mark.parametrize("path", sorted(BEFORE.glob("*.rq")), ids=lambda p: p.stem)
def test_rewritten_example_gives_the_same_answer(readonly_app, path: Path) -> None:  # type: ignore[no-untyped-def]
    """On the demo data, each rewritten example answers exactly what its earlier text answered
    (rows as multisets). Both are run without their LIMIT: rows that tie on the ORDER BY keys
    at the limit may be cut differently, the whole answer may not differ."""
    store = readonly_app.extensions["alliances"].store
    example = next(e for e in examples() if e.name == path.stem)

    def unlimited(query: str) -> str:
        return re.sub(r"^LIMIT \d+\s*$", "", query, flags=re.MULTILINE)

    before = _answer(store, unlimited(path.read_text("utf-8")))
    assert _answer(store, unlimited(example.query)) == before
