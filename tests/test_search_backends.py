"""The contract every search backend passes (search/backend.py), run on whoosh and tantivy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search import query
from search.backend import Backend, IndexCorrupt, backend_class
from search.schema import FACETS, Doc

BACKENDS = ("whoosh", "tantivy")


def actor(
    ident: str,
    label: str,
    description: str = "",
    *,
    source: str = "demo",
    type_: str = "association",
    region: str = "",
    dep: str = "",
    sdg: tuple[str, ...] = (),
    place: str = "",
) -> Doc:
    facets = {
        "actor_type": (type_,),
        "sdg": sdg,
        "region": (region,) if region else (),
        "departement": (dep,) if dep else (),
    }
    return Doc(
        iri=f"https://example.org/actor/{ident}",
        id=ident,
        kind="actor",
        source=source,
        label=label,
        description=description,
        place=place,
        facets={k: v for k, v in facets.items() if v},
    )


DOCS = [
    actor(
        "jardins-fives",
        "Les Jardins partagés de Fives",
        "Association qui anime des jardins partagés sur d'anciennes friches.",
        region="32",
        dep="59",
        sdg=("2", "11"),
        place="Lille Nord Hauts-de-France",
    ),
    actor(
        "ville-lille",
        "Ville de Lille",
        "Une trentaine de jardins partagés et des épiceries sociales.",
        type_="collectivite",
        region="32",
        dep="59",
        sdg=("11",),
        place="Lille Nord Hauts-de-France",
    ),
    actor(
        "banque-alimentaire",
        "Banque alimentaire",
        "Collecte d'invendus et lutte contre le gaspillage alimentaire.",
        region="32",
        dep="62",
        sdg=("2", "12"),
    ),
    actor(
        "coop-velo",
        "Coopérative Vélo du Canal",
        "Coursiers à vélo salariés en coopérative.",
        type_="cooperative",
        region="76",
        dep="31",
        sdg=("8",),
    ),
    actor(
        "insertion-pau",
        "Pau Béarn Insertion",
        "Entreprise d'insertion : collecte des biodéchets, chantier d'insertion.",
        type_="cooperative",
        region="75",
        dep="64",
        sdg=("8", "12"),
    ),
    actor(
        "cis-ademe",
        "ADEME",
        "Agence de la transition écologique.",
        source="cis",
        type_="etat",
        sdg=("7", "13"),
    ),
    Doc(
        iri="http://id.example/commune/59350",
        id="commune:59350",
        kind="territory",
        source="vocabulary-territories",
        label="Lille",
        note="Commune, Nord, Hauts-de-France",
        codes=("59350",),
        facets={"region": ("32",), "departement": ("59",)},
    ),
    Doc(
        iri="http://id.example/region/32",
        id="region:32",
        kind="territory",
        source="vocabulary-territories",
        label="Hauts-de-France",
        codes=("32",),
        facets={"region": ("32",)},
    ),
    Doc(
        iri="http://id.example/sdg/2",
        id="2",
        kind="sdg",
        source="vocabulary-sdg",
        label='ODD 2 : Faim "zéro"',
        label_en="SDG 2: Zero hunger",
        description="Éliminer la faim, assurer la sécurité alimentaire",
        description_en="End hunger, achieve food security",
        codes=("2", "odd2"),
        aliases=('Faim "zéro"', "Zero hunger"),
        facets={"sdg": ("2",)},
    ),
]


def build(name: str, path: Path, docs: list[Doc] = DOCS) -> Backend:
    backend = backend_class(name).create(path)
    backend.write(iter(docs))
    return backend


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    b = build(request.param, tmp_path / request.param)
    yield b
    b.close()


@pytest.fixture(scope="module", params=BACKENDS)
def shared(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Backend]:
    """A read-only backend per module (for property-based tests)."""
    b = build(request.param, tmp_path_factory.mktemp(request.param))
    yield b
    b.close()


def search(
    b: Backend,
    text: str,
    filters: dict[str, frozenset[str]] | None = None,
    *,
    offset: int = 0,
    limit: int = 10,
):  # type: ignore[no-untyped-def]
    return b.search(query.parse(text), filters or {}, offset=offset, limit=limit, facets=FACETS)


def ids(b: Backend, text: str, **kw: object) -> list[str]:
    return [h.id for h in search(b, text, **kw).hits]  # type: ignore[arg-type]


def test_counts_and_check(backend: Backend) -> None:
    assert backend.doc_count() == len(DOCS)
    backend.check()


def test_reopened_index_answers_the_same(backend: Backend) -> None:
    before = ids(backend, "jardins")
    backend.close()
    again = backend_class(backend.name).open(backend.path)
    assert ids(again, "jardins") == before and before


def test_words_match_across_inflections_and_accents(backend: Backend) -> None:
    assert ids(backend, "jardin partage")[:2] == ["jardins-fives", "ville-lille"]
    assert "coop-velo" in ids(backend, "cooperatives velos")
    assert ids(backend, "d'invendus") == ["banque-alimentaire"]


def test_exact_name_first_then_names_then_descriptions(backend: Backend) -> None:
    assert ids(backend, "Lille")[0] == "commune:59350"
    assert ids(backend, "Lille")[1] == "ville-lille"
    assert ids(backend, "alimentaire")[0] == "banque-alimentaire"
    assert ids(backend, "ADEME") == ["cis-ademe"]


def test_every_word_is_required(backend: Backend) -> None:
    assert ids(backend, "jardins epiceries") == ["ville-lille"]


def test_phrase(backend: Backend) -> None:
    assert ids(backend, '"chantier d\'insertion"') == ["insertion-pau"]
    assert ids(backend, '"insertion chantier"') == []
    assert ids(backend, '"lutte contre le gaspillage"') == ["banque-alimentaire"]


def test_exclusion(backend: Backend) -> None:
    assert ids(backend, "jardins -ville") == ["jardins-fives"]


def test_codes_and_english_labels(backend: Backend) -> None:
    assert ids(backend, "59350") == ["commune:59350"]
    assert ids(backend, "odd2") == ["2"]
    assert ids(backend, "zero hunger")[0] == "2"
    assert ids(backend, "faim zéro")[0] == "2"


def test_relaxed_plan_matches_some_words(backend: Backend) -> None:
    plan = query.parse("jardins dinosaures").relaxed()
    page = backend.search(plan, {}, offset=0, limit=10, facets=())
    assert {h.id for h in page.hits} == {"jardins-fives", "ville-lille"}


def test_facets_count_matches(backend: Backend) -> None:
    page = search(backend, "jardins")
    assert page.total == 2
    assert page.facets["kind"] == {"actor": 2}
    assert page.facets["actor_type"] == {"association": 1, "collectivite": 1}
    assert page.facets["sdg"] == {"11": 2, "2": 1}
    assert page.facets["departement"] == {"59": 2}
    assert set(page.facets) == set(FACETS)


def test_facets_are_disjunctive(backend: Backend) -> None:
    filters = {"actor_type": frozenset({"cooperative"})}
    page = search(backend, "", filters)
    assert {h.id for h in page.hits} == {"coop-velo", "insertion-pau"}
    # the filtered facet counts as if it were not filtered …
    assert page.facets["actor_type"] == {
        "association": 2,
        "collectivite": 1,
        "cooperative": 2,
        "etat": 1,
    }
    # … the others count within the filter
    assert page.facets["region"] == {"75": 1, "76": 1}
    assert page.facets["kind"] == {"actor": 2}


def test_filters_combine(backend: Backend) -> None:
    both = {"region": frozenset({"32"}), "actor_type": frozenset({"association"})}
    assert {h.id for h in search(backend, "", both).hits} == {"jardins-fives", "banque-alimentaire"}
    one_of = {"departement": frozenset({"59", "64"}), "kind": frozenset({"actor"})}
    assert {h.id for h in search(backend, "", one_of).hits} == {
        "jardins-fives",
        "ville-lille",
        "insertion-pau",
    }
    page = search(backend, "", {"region": frozenset({"32"}), "sdg": frozenset({"2"})})
    assert page.facets["sdg"] == {"11": 2, "12": 1, "2": 2}
    assert page.facets["region"] == {"32": 2}


def test_region_filter_includes_territories(backend: Backend) -> None:
    assert {h.id for h in search(backend, "lille", {"region": frozenset({"32"})}).hits} == {
        "commune:59350",
        "ville-lille",
        "jardins-fives",
    }


def test_pagination(backend: Backend) -> None:
    full = ids(backend, "", limit=100)
    assert len(full) == len(DOCS)
    pages = [h for p in range(0, 9, 3) for h in ids(backend, "", offset=p, limit=3)]
    assert sorted(pages) == sorted(full)
    page = search(backend, "", offset=6, limit=3)
    assert page.total == len(DOCS) and len(page.hits) == 3
    assert search(backend, "", offset=100, limit=3).hits == []


def test_limit_zero_counts_only(backend: Backend) -> None:
    page = search(backend, "jardins", limit=0)
    assert page.total == 2 and page.hits == []


def test_stop_words_only_find_nothing(backend: Backend) -> None:
    page = search(backend, "le la les -jardins")
    assert page.total == 0 and page.hits == []


def test_upsert_delete_and_delete_kinds(backend: Backend) -> None:
    renamed = actor(
        "coop-velo", "Coursiers solidaires", "Livraison à vélo-cargo.", type_="cooperative"
    )
    backend.write([renamed], delete=["https://example.org/actor/insertion-pau"])
    assert backend.doc_count() == len(DOCS) - 1
    assert ids(backend, "coursiers solidaires") == ["coop-velo"]
    assert ids(backend, "canal") == []
    assert ids(backend, "biodechets") == []
    backend.write(delete_kinds=["territory"])
    assert ids(backend, "59350") == []
    assert backend.iris(kind="territory") == set()


def test_iris_by_source_and_kind(backend: Backend) -> None:
    assert backend.iris(source="cis") == {"https://example.org/actor/cis-ademe"}
    assert len(backend.iris(kind="actor")) == 6
    assert backend.iris(source="demo", kind="territory") == set()


def test_hits_carry_stored_text(backend: Backend) -> None:
    hit = search(backend, "59350").hits[0]
    assert (hit.iri, hit.kind, hit.label) == (
        "http://id.example/commune/59350",
        "territory",
        "Lille",
    )
    assert hit.description == "Commune, Nord, Hauts-de-France"
    hit = search(backend, "faim").hits[0]
    assert hit.label_en == "SDG 2: Zero hunger" and hit.description.startswith("Éliminer")


def test_complete(backend: Backend) -> None:
    labels = {h.label for h in backend.complete(["jard"], ["actor"], 10)}
    assert labels == {"Les Jardins partagés de Fives"}
    assert {h.id for h in backend.complete(["lil"], ["territory", "actor"], 10)} == {
        "commune:59350",
        "ville-lille",
    }
    assert {h.id for h in backend.complete(["ville", "l"], ["actor"], 10)} == {"ville-lille"}
    assert backend.complete(["zzz"], ["actor"], 10) == []


def test_vocabulary(backend: Backend) -> None:
    vocab = dict(backend.vocabulary("gasp"))
    assert vocab == {"gaspillage": 1}
    # counted in names and in descriptions: one name, two descriptions
    assert dict(backend.vocabulary("jardins")) == {"jardins": 3}


def test_damaged_index_does_not_open(backend: Backend) -> None:
    backend.close()
    for f in backend.path.iterdir():
        if f.is_file():
            f.write_bytes(b"\x00garbage")
    with pytest.raises(IndexCorrupt):
        reopened = backend_class(backend.name).open(backend.path)
        reopened.check()
        reopened.doc_count()


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300), page=st.integers(0, 5))
def test_any_query_answers(shared: Backend, text: str, page: int) -> None:
    result = search(shared, text, offset=page * 3, limit=3)
    assert result.total >= 0 and len(result.hits) <= 3


@pytest.mark.parametrize(
    "text",
    [
        "jardins",
        "jardin partagé",
        "coopération -lille",
        "insertion NOT jardin",
        "59350",
        '"jardins partagés"',
        "",
    ],
)
def test_whoosh_match_bitmaps_equal_whoosh_matching(tmp_path: Path, text: str) -> None:
    """The fast path (posting bitmaps) finds exactly what whoosh's own matchers find."""
    from search.whoosh_backend import WhooshBackend, compile_plan

    b = build("whoosh", tmp_path / "w")
    assert isinstance(b, WhooshBackend)
    b.write(delete=[DOCS[0].iri])  # deletions must be honoured too
    for plan in (query.parse(text), query.parse(text).relaxed()):
        q = compile_plan(plan)
        if q is None:
            continue
        with b._searcher() as s:  # noqa: SLF001
            expected = set(s.docs_for_query(q))
            bits = b._matches(s, plan, q)  # noqa: SLF001
        assert {d for d in range(s.doc_count_all()) if bits >> d & 1} == expected
        if text == "jardins":
            assert expected, "the sample must exercise a non-empty match"
    b.close()
