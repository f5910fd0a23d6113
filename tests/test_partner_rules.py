"""Partner rules of issue 11, one hand-built graph per rule: proximity through the territory chain
and distances, national actors, the partner types sought, introducers weighed by their reach,
project descriptions read into SDG targets and competences, and the levels."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Literal, URIRef

from graph.errors import BadRequest, ConfigError
from graph.reco import need_text
from graph.reco.proximity import FRANCE_IRIS, rounded_km
from graph.store import Write
from ontology.namespaces import SCHEMA, WGS84, XSD

from .test_partners import actor, alliance, build, by_id, ranking

FUNDER = {"offers": "financement"}


def seeker(**cols: str) -> dict[str, str]:
    """The association looking for funding, in Lille unless told otherwise."""
    return actor(
        "seeker", "association", **{"territory": "commune:59350", "needs": "financement", **cols}
    )


def add_triples(store, triples) -> None:  # type: ignore[no-untyped-def]
    """Write extra triples (as a mapped dataset would) in their own source graph."""
    store.write(Write(source="extra", triples=list(triples)))


def point(iri: URIRef, lat: str, long: str) -> list[tuple[URIRef, URIRef, Literal]]:
    """geo:lat / geo:long of a resource (xsd:decimal)."""
    return [
        (iri, WGS84.lat, Literal(Decimal(lat), datatype=XSD.decimal)),
        (iri, WGS84.long, Literal(Decimal(long), datatype=XSD.decimal)),
    ]


# -- proximity --------------------------------------------------------------------------------


def test_proximity_commune_epci_departement_region_then_distance(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            seeker(),
            actor("marseille", territory="commune:13055", **FUNDER),
            actor("paris", territory="commune:75056", **FUNDER),
            actor("amiens", territory="commune:80021", **FUNDER),
            actor("dunkerque", territory="commune:59183", **FUNDER),
            actor("roubaix", territory="commune:59512", **FUNDER),
            actor("lille", territory="commune:59350", **FUNDER),
        ],
    )
    data = rec.partners("seeker")
    assert ranking(data) == ["lille", "roubaix", "dunkerque", "amiens", "paris", "marseille"]
    where = {r["id"]: r["where"] for r in data["results"]}
    assert [where[i]["relation"] for i in ranking(data)] == [
        "commune",
        "epci",
        "departement",
        "region",
        "distance",
        "distance",
    ]
    assert where["paris"]["label"] == "À 200 km (Paris)"
    assert where["paris"]["label_en"] == "200 km away (Paris)"
    assert where["marseille"]["km"] == 830
    assert where["lille"]["km"] is None and where["lille"]["label"] == "Même commune (Lille)"
    values = {r["id"]: r["values"]["proximity"] for r in data["results"]}
    assert values["lille"] == 1 and values["roubaix"] == 0.8 and values["dunkerque"] == 0.6
    assert values["paris"] > values["marseille"] > 0  # farther is less, never below 0


def test_near_across_a_boundary_counts_as_near(store, tmp_path, base):
    # Béthune (Pas-de-Calais, 35 km from Lille) shares only the région with a Lille seeker, but
    # distance lifts it above the région's 0.3; Amiens (100 km) keeps the région's value
    rec = build(
        store,
        tmp_path,
        base,
        [
            seeker(),
            actor("bethune", territory="commune:62119", **FUNDER),
            actor("amiens", territory="commune:80021", **FUNDER),
        ],
    )
    v = {r["id"]: r["values"]["proximity"] for r in rec.partners("seeker")["results"]}
    assert v["bethune"] > 0.3 >= v["amiens"] > 0


def test_an_actor_s_own_coordinates_are_used(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            seeker(territory="commune:13001"),  # Aix-en-Provence
            # département-wide, with a point of its own in Marseille
            actor("site", territory="departement:13", **FUNDER),
            actor("area", territory="departement:13", **FUNDER),  # département-wide, no point
        ],
    )
    add_triples(store, point(URIRef(base + "actor/site"), "43.2965", "5.3698"))
    data = by_id(rec.partners("seeker"))
    assert data["site"]["where"]["relation"] == "departement"
    assert data["site"]["where"]["km"] == 25
    assert data["site"]["where"]["label"] == "Même département (Bouches-du-Rhône), à 25 km"
    assert data["area"]["where"]["km"] is None  # a département's centre says nothing inside it


def test_a_region_wide_actor_covers_its_region(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            seeker(),
            actor("region-hdf", "collectivite", territory="region:32", **FUNDER),
            actor("amiens", "collectivite", territory="commune:80021", **FUNDER),
        ],
    )
    data = rec.partners("seeker")
    assert ranking(data) == ["region-hdf", "amiens"]
    assert by_id(data)["region-hdf"]["values"]["proximity"] == 0.6


def test_distances_are_rounded_as_people_say_them():
    assert [rounded_km(x) for x in (0.2, 7.4, 19.6, 23, 97, 412, 838)] == [
        1,
        7,
        20,
        25,
        95,
        410,
        840,
    ]


# -- national actors ---------------------------------------------------------------------------


def national_graph(store, tmp_path, base):  # type: ignore[no-untyped-def]
    """A Lille seeker; funders local, far, national by declaration and national in practice."""
    regions = ["departement:59", "departement:33", "departement:69", "departement:35"]
    actors = [
        seeker(),
        actor("lille-fund", "fondation", territory="commune:59350", **FUNDER),
        actor("no-territory", "fondation", **FUNDER),
        actor("france-wide", "fondation", **FUNDER),
        actor("abroad", "fondation", **FUNDER),
        actor("in-four-regions", "fondation", territory="commune:13055", **FUNDER),
        actor("marseille-fund", "fondation", territory="commune:13055", **FUNDER),
        actor("city-in-four", "collectivite", territory="commune:13055", **FUNDER),
    ] + [
        actor(f"local-{k}", "association", territory=r, needs="financement")
        for k, r in enumerate(regions)
    ]
    alliances = [
        alliance(f"a{k}", f"local-{k}", "in-four-regions", "city-in-four", territory=r)
        for k, r in enumerate(regions)
    ]
    rec = build(store, tmp_path, base, actors, alliances)
    # areaServed France (INSEE's COG code 99100), as a mapped dataset may say; and an areaServed
    # that is no French territory, which places the actor nowhere we know (not national)
    add_triples(
        store,
        [
            (URIRef(base + "actor/france-wide"), SCHEMA.areaServed, sorted(FRANCE_IRIS)[0]),
            (
                URIRef(base + "actor/abroad"),
                SCHEMA.areaServed,
                URIRef("http://www.wikidata.org/entity/Q31"),
            ),
        ],
    )
    return rec


def test_national_actors_are_recognised_and_not_penalised(store, tmp_path, base):
    rec = national_graph(store, tmp_path, base)
    data = rec.partners("seeker", limit=20)
    order = ranking(data)
    assert order[0] == "lille-fund"
    national = {"no-territory", "france-wide", "in-four-regions"}
    assert set(order[1:4]) == national
    assert order.index("marseille-fund") > 3 and order.index("city-in-four") > 3
    where = {r["id"]: r["where"] for r in data["results"]}
    assert where["no-territory"]["label"] == "Acteur national"
    assert where["france-wide"]["relation"] == "national"
    assert where["in-four-regions"]["label"] == "Acteur national (alliances dans 4 régions)"
    # a local authority is bound to its territory, however many alliances it joins
    assert where["city-in-four"]["relation"] == "distance"
    assert where["marseille-fund"]["label"] == "À 830 km (Marseille, Bouches-du-Rhône)"
    assert where["abroad"]["relation"] == "place" and where["abroad"]["territory"] is None
    assert by_id(data)["abroad"]["values"]["proximity"] == 0


def test_a_point_of_its_own_or_being_a_local_authority_is_not_national(store, tmp_path, base):
    # no areaServed, but coordinates of its own (a site in Roubaix): located, not national; a
    # local authority without territory (an intercommunality since dissolved) is unlocated
    rec = build(
        store,
        tmp_path,
        base,
        [
            seeker(),
            actor("site", "fondation", **FUNDER),
            actor("dissolved", "collectivite", **FUNDER),
            actor("no-territory", "fondation", **FUNDER),
        ],
    )
    add_triples(store, point(URIRef(base + "actor/site"), "50.6942", "3.1746"))
    where = {r["id"]: r["where"] for r in rec.partners("seeker", limit=20)["results"]}
    assert where["no-territory"]["relation"] == "national"
    assert where["site"]["relation"] == "distance" and where["site"]["km"] == 11
    assert where["dissolved"]["relation"] != "national"


def test_a_national_seeker_has_no_proximity_but_sees_places(store, tmp_path, base):
    rec = national_graph(store, tmp_path, base)
    data = rec.partners("no-territory", limit=20)
    assert {r["values"]["proximity"] for r in data["results"]} == {0}
    where = {r["id"]: r["where"] for r in data["results"]}
    assert where["local-0"]["label"] == "Nord" and where["local-0"]["relation"] == "place"
    assert where["seeker"]["label"] == "Lille, Nord" and where["seeker"]["km"] is None


# -- partner types sought --------------------------------------------------------------------


def test_partner_types_filter_actor_and_need(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            seeker(),
            actor("company", "entreprise", territory="commune:59350", **FUNDER),
            actor("city", "collectivite", territory="commune:59350", **FUNDER),
            actor("foundation", "fondation", territory="commune:59350", **FUNDER),
        ],
    )
    data = rec.partners("seeker", partner_types=["entreprise", "Collectivité"])
    assert set(ranking(data)) == {"company", "city"}
    assert data["partner_types"] == ["entreprise", "collectivite"]
    need = rec.partners_for_need(
        {"needs": "financement", "territory": "Lille", "partner_types": "fondation"}
    )
    assert ranking(need) == ["foundation"] and need["need"]["partner_types"] == ["fondation"]
    assert set(ranking(rec.partners("seeker"))) == {"company", "city", "foundation"}
    with pytest.raises(BadRequest, match="ovni"):
        rec.partners("seeker", partner_types=["ovni"])


# -- introducers -------------------------------------------------------------------------------


def test_an_introducer_with_few_partners_counts_more_than_a_hub(store, tmp_path, base):
    members = [actor(f"member-{k}", "association") for k in range(14)]
    rec = build(
        store,
        tmp_path,
        base,
        [
            seeker(territory=""),
            actor("friend", "collectivite", name="Ami"),
            actor("hub", "etat", name="Agence nationale"),
            actor("via-friend", **FUNDER),
            actor("via-hub", **FUNDER),
            *members,
        ],
        [
            alliance("small", "seeker", "friend"),
            alliance("pair", "friend", "via-friend"),
            alliance("programme", "seeker", "hub"),
            alliance("network", "hub", "via-hub", *(a["id"] for a in members)),
        ],
        partner_weights="trust=0.15",
    )
    data = by_id(rec.partners("seeker", limit=30))
    assert data["via-friend"]["values"]["trust"] == 0.75  # one introducer who knows only you two
    # the hub has 16 partners: its introduction weighs 1 / log2(16) = 0.25
    assert data["via-hub"]["values"]["trust"] == pytest.approx(1 - 0.25**0.25, abs=1e-4)
    assert data["via-hub"]["score"] < data["via-friend"]["score"]
    assert data["via-hub"]["introducers"][0]["id"] == "hub"


# -- descriptions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "needs", "offers"),
    [
        (
            "Nous cherchons un local et des bénévoles ; "
            "nous apportons notre connaissance du quartier.",
            "fr",
            ["locaux-logistique", "benevolat"],
            ["ancrage-territorial"],
        ),
        (
            "Il nous manque un financement et un terrain. "
            "Nous proposons des ateliers de formation.",
            "fr",
            ["financement", "locaux-logistique"],
            ["formation"],
        ),
        (
            "Notre épicerie recherche du mécénat de compétences "
            "et de l'aide au montage des dossiers de subvention.",
            "fr",
            ["mecenat-competences", "ingenierie-projet"],
            [],
        ),
        (
            "We are a food bank looking for volunteers and a van; we offer storage.",
            "en",
            ["benevolat", "locaux-logistique"],
            ["locaux-logistique"],
        ),
        # « connaissance du terrain » is local roots, not land (« terrain »);
        # « acteurs locaux » is not premises (« un local »)
        (
            "Nous avons une bonne connaissance du terrain et des acteurs locaux.",
            "fr",
            [],
            ["ancrage-territorial"],
        ),
    ],
)
def test_competences_read_in_a_description(text, lang, needs, offers):
    found = need_text.competences(text, lang)
    assert [c["code"] for c in found["needs"]] == needs
    assert [c["code"] for c in found["offers"]] == offers
    assert all(c["evidence"] for side in found.values() for c in side)


def test_the_issue_idea_gets_food_waste_targets_and_shows_its_words():
    understood = need_text.understand(
        "Nous voulons récupérer les invendus des marchés et des supermarchés de Lyon pour les "
        "redistribuer aux étudiants précaires. Nous cherchons un camion."
    )
    codes = [t["code"] for t in understood["targets"]]
    assert "12.3" in codes and "16.4" not in codes and "8.8" not in codes
    assert understood["language"] == "fr"
    assert understood["needs"] == [{"code": "locaux-logistique", "evidence": ["camion"]}]
    assert all(t["evidence"] for t in understood["targets"])


def test_a_described_need_from_words_alone(store, tmp_path, base):
    rec = build(
        store,
        tmp_path,
        base,
        [
            actor(
                "van-lender",
                "entreprise",
                territory="commune:69123",
                offers="locaux-logistique",
                sdgs="12.3",
            ),
            actor(
                "funder", "fondation", territory="commune:69123", offers="financement", sdgs="12.3"
            ),
        ],
    )
    text = "We collect unsold food from markets to give it to students; we need a van."
    data = rec.partners_for_need({"text": text, "territory": "Lyon"})
    assert ranking(data)[0] == "van-lender"
    understood = data["need"]["text"]
    assert understood["language"] == "en" and understood["used"]["needs"]
    assert data["need"]["needs"] == ["locaux-logistique"]
    assert "12.3" in data["need"]["sdgs"]
    # what the person ticks wins over what the text says
    data = rec.partners_for_need({"text": text, "needs": ["financement"], "territory": "Lyon"})
    assert data["need"]["needs"] == ["financement"] and not data["need"]["text"]["used"]["needs"]
    assert ranking(data)[0] == "funder"
    with pytest.raises(BadRequest, match="text"):
        rec.partners_for_need({"text": "Bonjour à tous"})


def test_the_competence_vocabulary_covers_the_scheme_and_is_checked(tmp_path):
    from ontology.namespaces import scheme_codes

    vocab = need_text.vocabulary()
    for lang in ("fr", "en"):
        assert {p.code for p in vocab.phrases[lang]} == set(scheme_codes("competence"))
        assert {p.code for p in vocab.cues[lang]} == {"cue:needs", "cue:offers"}
    assert all(vocab.sources.values())
    bad = tmp_path / "vocabulary.tsv"
    bad.write_text(
        "code\tfr\ten\tsource\nfinancement\targent\tmoney\tschéma\n"
        "argent-magique\tmagie\tmagic\tnone\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="line 3"):
        need_text.read_vocabulary(bad)


# -- levels ------------------------------------------------------------------------------------


def test_levels_read_scores_against_random_and_partner_pairs(store, tmp_path, base):
    communes = [
        "commune:59350",
        "commune:33063",
        "commune:69123",
        "commune:13055",
        "commune:35238",
        "commune:67482",
    ]
    comps = ["financement", "benevolat", "communication", "formation", "expertise-juridique"]
    types = ["association", "entreprise", "collectivite", "fondation"]
    rows = [
        actor(
            f"a{k}",
            types[k % 4],
            territory=communes[k % 6],
            offers=comps[k % 5],
            needs=comps[(k + 2) % 5],
            sdgs=str(1 + k % 17),
        )
        for k in range(48)
    ]
    rows.append(
        actor(
            "seeker",
            "association",
            territory="commune:59350",
            needs="financement;expertise-juridique",
            offers="benevolat",
            sdgs="12.3",
        )
    )
    rows.append(
        actor(
            "ideal",
            "fondation",
            territory="commune:59350",
            offers="financement;expertise-juridique",
            needs="benevolat",
            sdgs="12.3",
        )
    )
    rows.append(
        actor("weak", "association", territory="commune:13055", needs="communication", sdgs="12")
    )
    allied = [alliance(f"x{k}", f"a{k}", f"a{k + 6}") for k in range(0, 36, 2)]
    rec = build(store, tmp_path, base, rows, allied)
    data = by_id(rec.partners("seeker", limit=60))
    ideal, weak = data["ideal"]["level"], data["weak"]["level"]
    assert ideal["code"] == "tres-complementaire" and ideal["label"] == "très complémentaire"
    assert ideal["percentile"] == 100 and ideal["label_en"] == "very complementary"
    assert weak["code"] == "possible" and weak["percentile"] < 90
    ref = rec.partner_levels.get()
    assert ref.very > ref.fair and len(ref.random) > 0 and len(ref.partners) > 0
