"""Every example query of the query page runs and returns something on the demo data."""

from __future__ import annotations

import json

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
