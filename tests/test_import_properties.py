"""Property-based tests: generated valid rows import; corrupted ones fail with nothing written."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from graph.errors import ValidationFailed
from graph.importer import import_paths
from graph.store import OxigraphStore
from ontology.namespaces import scheme_codes

from .csvdata import write_csv

ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=80)
territory = st.sampled_from(["commune:59350", "departement:59", "region:32", "69123", "35", ""])
sdgs = st.lists(st.sampled_from(["1", "2", "12.3", "17.17", "4.a", "13"]), max_size=3)
codes = st.lists(st.sampled_from(scheme_codes("competence")), max_size=3, unique=True)


@st.composite
def actor_rows(draw: st.DrawFn) -> list[dict[str, str]]:
    keys = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    rows = []
    for key in keys:
        n = draw(st.integers(1, 3))
        types = draw(
            st.lists(
                st.sampled_from(scheme_codes("resource-type")), min_size=n, max_size=n, unique=True
            )
        )
        shares = [100 // n] * n
        shares[0] += 100 - sum(shares)
        rows.append(
            {
                "id": key,
                "name": draw(text.filter(lambda s: s.strip() != "")),
                "type": draw(st.sampled_from(scheme_codes("actor-type"))),
                "description": draw(text),
                "territory": draw(territory),
                "sdgs": ";".join(draw(sdgs)),
                "offers": ";".join(draw(codes)),
                "needs": ";".join(draw(codes)),
                "resources": ";".join(f"{t}:{s}" for t, s in zip(types, shares, strict=True)),
                "maturity": draw(st.sampled_from([*scheme_codes("maturity"), ""])),
            }
        )
    return rows


CORRUPTIONS = [
    ("type", "pas-un-type"),
    ("territory", "commune:00000"),
    ("sdgs", "42"),
    ("offers", "telepathie"),
    ("resources", "subvention-publique:10"),
    ("id", "Pas Valide"),
    ("name", ""),
]


def _data(store: OxigraphStore) -> Graph:
    out = io.BytesIO()
    store.dump(out, "nt", [g.iri for g in store.graphs() if not g.source.startswith("vocab")])
    return Graph().parse(data=out.getvalue(), format="nt")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=actor_rows())
def test_generated_valid_rows_import(
    store: OxigraphStore,
    tmp_path_factory,
    base: str,
    rows: list[dict[str, str]],  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path_factory.mktemp("gen")
    report = import_paths(
        [write_csv(Path(folder) / "actors.csv", rows)], store, base, source="generated"
    )
    assert report.resources["actor"] == len(rows)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=actor_rows(), corruption=st.sampled_from(CORRUPTIONS), data=st.data())
def test_corrupted_rows_fail_with_nothing_written(
    store: OxigraphStore,
    tmp_path_factory,
    base: str,
    rows: list[dict[str, str]],  # type: ignore[no-untyped-def]
    corruption: tuple[str, str],
    data: st.DataObject,
) -> None:
    index = data.draw(st.integers(0, len(rows) - 1))
    column, value = corruption
    rows[index][column] = value
    before, version = _data(store), store.version
    folder = tmp_path_factory.mktemp("bad")
    try:
        import_paths([write_csv(Path(folder) / "actors.csv", rows)], store, base, source="bad")
    except ValidationFailed as exc:
        assert any(p.line == index + 2 and p.column == column for p in exc.problems), exc.problems
    else:
        raise AssertionError("a corrupted row was accepted")
    assert store.version == version
    assert isomorphic(before, _data(store))
