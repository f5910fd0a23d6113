"""Place resolution (`graph.places.resolve_place`): what people type for a place → territories."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.places import normalise, resolve_place

# (typed, best match, ambiguous?, an alternative that must be offered or None)
CASES = [
    # commune names: case, accents, hyphens, St/Ste, articles
    ("Lyon", "commune:69123", False, None),
    ("lyon", "commune:69123", False, None),
    ("  LYON  ", "commune:69123", False, None),
    ("Saint-Étienne", "commune:42218", False, None),
    ("St Etienne", "commune:42218", False, None),
    ("saint etienne", "commune:42218", False, None),
    ("St-Jean-de-Luz", "commune:64483", False, None),
    ("Le Havre", "commune:76351", False, None),
    # arrondissements municipaux by name and by postal code
    ("Lyon 3e", "commune:69383", False, None),
    ("Lyon 3ème arrondissement", "commune:69383", False, None),
    ("Paris 11", "commune:75111", False, None),
    ("Marseille 1er", "commune:13201", False, None),
    ("69001", "commune:69381", True, "commune:69001"),  # Lyon 1er; INSEE 69001 is Affoux
    ("75011", "commune:75111", False, None),
    ("75116", "commune:75116", False, None),  # the second postal code of Paris 16e
    # INSEE codes and postal codes, the larger commune first, the other offered
    ("59350", "commune:59350", True, "commune:59527"),  # Lille; postal 59350 is St-André
    ("13001", "commune:13001", True, "commune:13201"),  # Aix; postal 13001 is Marseille 1er
    ("2A004", "commune:2A004", False, None),  # Ajaccio
    ("33000", "commune:33063", False, None),  # Bordeaux by postal code
    # a postal code shared by several communes: all offered, the most populous first
    ("01400", "commune:01093", True, "commune:01001"),
    # départements and régions, by number and by name
    ("Nord", "departement:59", False, None),
    ("59", "departement:59", False, None),
    ("2A", "departement:2A", False, None),
    ("2b", "departement:2B", False, None),
    ("1", "departement:01", False, None),
    ("971", "departement:971", False, None),
    ("32", "departement:32", True, "region:32"),  # a bare code is a département first
    ("Hauts-de-France", "region:32", False, None),
    ("île de france", "region:11", False, None),
    ("Rhône", "departement:69", False, None),
    # intercommunalities: name (long forms of CC/CA/CU too) and SIREN
    ("Métropole européenne de Lille", "epci:200093201", False, None),
    ("Communauté de communes Faucigny-Glières", "epci:200000172", False, None),
    ("200046977", "epci:200046977", False, None),
    # homonyms: ranked by population, ambiguity reported, narrowed by a code
    ("Saint-Denis", "commune:97411", True, "commune:93066"),
    ("Saint-Denis 93", "commune:93066", False, None),
    ("Saint-Denis (974)", "commune:97411", False, None),
    ("Montreuil", "commune:93048", True, "commune:85148"),
    ("Paris", "commune:75056", True, "departement:75"),
    # a former commune, now part of a commune nouvelle
    ("Pierre-Bénite", "commune:69149", False, None),
    ("Cherbourg-Octeville", "commune:50129", False, None),
    # the strict syntax
    ("commune:59350", "commune:59350", False, None),
    ("epci:200046977", "epci:200046977", False, None),
    ("intercommunalite:200046977", "epci:200046977", False, None),
    ("Département:59", "departement:59", False, None),
    # typing mistakes
    ("Sant-Etienne", "commune:42218", False, None),
    ("Marseile", "commune:13055", None, None),
]

NOTHING = [
    "",
    "   ",
    "???",
    "x" * 500,
    "commune:99999",
    "region:99",
    "epci:123",
    "zzzzqqq",
    "\x00\x0b",
    "12345678901234",
    "🙂",
]


@pytest.mark.parametrize(("typed", "best", "ambiguous", "alternative"), CASES)
def test_resolves(typed: str, best: str, ambiguous: bool | None, alternative: str | None) -> None:
    r = resolve_place(typed)
    assert r.ident == best, [m.territory.ident for m in r.matches]
    if ambiguous is not None:
        assert r.ambiguous is ambiguous, [m.territory.ident for m in r.matches]
    if alternative is not None:
        assert alternative in [m.territory.ident for m in r.matches[1:]]


@pytest.mark.parametrize("typed", NOTHING)
def test_garbage_gives_nothing(typed: str) -> None:
    r = resolve_place(typed)
    assert r.best is None and not r.ambiguous
    assert r.to_dict()["found"] is False


@pytest.mark.parametrize("value", [None, 59, 3.5, ["Lyon"], {"a": 1}])
def test_non_text_gives_nothing(value: object) -> None:
    assert resolve_place(value).best is None


def test_answer_shape() -> None:
    d = resolve_place("Saint-Denis").to_dict()
    assert set(d) == {"query", "found", "ambiguous", "place", "alternatives"}
    assert d["place"]["id"] == "commune:97411"
    assert d["place"]["iri"] == "http://id.insee.fr/geo/commune/97411"
    assert d["place"]["context"] == "La Réunion"  # département and région, named once
    assert d["place"]["level_name"] == "Commune" and d["place"]["population"] > 100_000
    assert {"id", "name", "context", "how"} <= set(d["alternatives"][0])
    epci = resolve_place("200046977").to_dict()["place"]
    assert epci["iri"] == "http://id.insee.fr/geo/intercommunalite/200046977"
    assert epci["level_name"] == "Intercommunalité"


def test_arrondissement_postal_code_leaves_the_commune_out() -> None:
    # Lyon also has 69001 among its postal codes; the arrondissement says more
    assert "commune:69123" not in [m.territory.ident for m in resolve_place("69001").matches]


def test_limit() -> None:
    assert len(resolve_place("Saint", limit=3).matches) == 3
    assert len(resolve_place("Saint").matches) == 10


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Saint-Étienne", "saint etienne"),
        ("ST-ÉTIENNE", "saint etienne"),
        ("L’Haÿ-les-Roses", "l hay les roses"),
        ("Sainte-Foy", "sainte foy"),
        ("Ste Foy", "sainte foy"),
        ("Cœuvres-et-Valsery", "coeuvres et valsery"),
        ("Communauté d'agglomération du Grand Reims", "ca du grand reims"),
    ],
)
def test_normalise(text: str, key: str) -> None:
    assert normalise(text) == key


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_never_raises(text: str) -> None:
    r = resolve_place(text)
    assert r.ambiguous is False or r.best is not None
    r.to_dict()
