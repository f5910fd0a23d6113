"""Relevance test set: French queries on the bundled data (data/demo, data/cis, the SDG and COG
vocabularies) and the resources a user expects among the first five results.

A query succeeds when at least one of its expected identifiers is in the top five; the suite
requires success@5 ≥ 0.9 (`tests/test_search_relevance.py`). Queries are written as users type
them: with or without accents, singular or plural, with elisions, names, places and codes.
"""

from __future__ import annotations

#: (query, expected `id`s: any of them in the top 5 counts as a success)
RELEVANCE: tuple[tuple[str, tuple[str, ...]], ...] = (
    # names, exact or partial
    ("Fondation Solstice", ("fondation-solstice",)),
    ("Kit premiers pas", ("kit-premiers-pas-partenariat",)),
    ("ADEME", ("ademe",)),
    ("Pau Béarn Insertion", ("pau-bearn-insertion",)),
    ("SCIC", ("guide-scic",)),
    # topics, accents and inflections
    (
        "jardins partagés",
        ("jardins-partages-de-fives", "etude-jardins-partages", "jardins-du-faubourg"),
    ),
    (
        "jardin partage",
        ("jardins-partages-de-fives", "etude-jardins-partages", "jardins-du-faubourg"),
    ),
    (
        "cooperation territoriale",
        (
            "labo-cooperations-territoires",
            "agence-cooperations-solidaires",
            "formation-piloter-cooperation",
            "evaluer-les-cooperations",
            "labo-economie-cooperations-lyon",
        ),
    ),
    (
        "ressourcerie",
        ("ressourcerie-bas-montreuil", "grenier-beglais", "ressourcerie-tout-neuf-tout-vieux"),
    ),
    (
        "réemploi textile",
        ("filiere-textile-circulaire-roubaix", "la-navette-reemploi", "friperie-troyes-textile"),
    ),
    ("gaspillage alimentaire", ("territoires-zero-gaspillage", "etude-couts-evites-gaspillage")),
    ("anti-gaspi", ("kit-collecte-invendus", "epicerie-antigaspi-gard")),
    ("tiers-lieu rural", ("forge-tiers-lieu-rural", "tiers-lieux-ruraux-cooperation")),
    ("mécénat de compétences", ("plateforme-mecenat-competences",)),
    ("mecenat competences", ("plateforme-mecenat-competences",)),
    (
        "energie citoyenne",
        (
            "etude-energie-citoyenne",
            "ariege-energies-citoyennes",
            "energies-citoyennes-kreiz-breizh",
            "energies-citoyennes-bassin-minier",
        ),
    ),
    ("précarité énergétique", ("etude-precarite-energetique", "labo-alpin-transitions")),
    (
        "garage solidaire",
        (
            "kit-mobilite-solidaire",
            "garage-solidaire-avesnois",
            "garage-solidaire-ardennais",
            "garage-solidaire-bassin-houiller",
        ),
    ),
    ("habitat inclusif", ("kit-habitat-inclusif", "auvergne-habitat-inclusif")),
    ("médiateurs numériques", ("formation-mediateurs-numeriques",)),
    (
        "mesurer l'impact social",
        ("methode-impact-quatre-temps", "formation-evaluation-impact", "mesures-impact-conseil"),
    ),
    (
        "fondations territoriales",
        ("guide-fondations-territoriales-creer", "annuaire-fondations-territoriales"),
    ),
    ("accueil des réfugiés", ("guide-accueil-refugies-rural", "pont-des-deux-rives")),
    ('"chantier d\'insertion"', ("chantier-voiles-du-scorff", "rade-insertion-littoral")),
    ("santé mentale", ("guide-sante-mentale-partenariats",)),
    ("déchets marins", ("dechets-marins-iroise", "kit-dechets-marins", "calanques-sans-filets")),
    ("coopérative forestière", ("cooperative-forestiere-vosges", "bois-local-des-massifs")),
    (
        "collecte d'invendus",
        (
            "kit-collecte-invendus",
            "zero-invendu-metropole-lilloise",
            "territoires-zero-gaspillage",
            "etude-couts-evites-gaspillage",
        ),
    ),
    # places
    ("Lille", ("commune:59350", "ville-lille")),
    ("Hauts-de-France", ("region:32",)),
    ("Seine-Saint-Denis", ("departement:93", "prefecture-seine-saint-denis")),
    ("Grenoble", ("commune:38185", "ville-grenoble")),
    ("banque alimentaire lilloise", ("banque-alimentaire-metropole-lilloise",)),
    # codes
    ("59350", ("commune:59350",)),
    ("12.3", ("12.3",)),
    # SDGs in French and English
    ("faim zéro", ("2",)),
    ("zero hunger", ("2",)),
    ("climate action", ("13",)),
    ("pas de pauvreté", ("1",)),
    ("consommation responsable", ("12",)),
)
