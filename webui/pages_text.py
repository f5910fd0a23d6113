"""FR/EN messages of the SDG, territory, about pages and the ego-network (merged into `i18n`)."""

from __future__ import annotations

from . import i18n

MESSAGES: dict[str, tuple[str, str]] = {
    "sdg_nav": ("ODD", "SDGs"),
    "territories_nav": ("Territoires", "Territories"),
    "about_nav": ("À propos des données", "About the data"),
    "sdg_title": ("Les 17 objectifs de développement durable",
                  "The 17 Sustainable Development Goals"),
    "sdg_intro": ("Choisissez un objectif pour voir ses cibles, puis les alliances et les acteurs "
                  "qui y contribuent.",
                  "Choose a goal to see its targets, then the alliances and actors contributing "
                  "to it."),
    "goal": ("Objectif", "Goal"), "target": ("Cible", "Target"),
    "targets": ("Cibles", "Targets"),
    "n_tagged": ("alliance(s) et acteur(s)", "alliance(s) and actor(s)"),
    "alliances_h": ("Alliances", "Alliances"), "actors_h": ("Acteurs", "Actors"),
    "see_all_search": ("Voir tous les résultats dans la recherche",
                       "See every result in the search"),
    "shown_first": ("Premiers résultats affichés :", "First results shown:"),
    "of_goal": ("de l'objectif", "of goal"),
    "target_fr_note": ("Texte officiel de la cible (résolution A/RES/70/1 des Nations unies).",
                       "Official text of the target (United Nations resolution A/RES/70/1)."),
    "map_title": ("Carte des départements : acteurs et alliances",
                  "Map of the départements: actors and alliances"),
    "map_desc": ("Chaque département est coloré selon le nombre d'acteurs et d'alliances situés "
                 "sur son territoire ; cliquez pour ouvrir sa page. Le tableau qui suit donne les "
                 "mêmes chiffres.",
                 "Each département is coloured by the number of actors and alliances located in "
                 "it; click to open its page. The table below gives the same figures."),
    "map_table": ("Tableau des départements", "Table of the départements"),
    "legend": ("Légende : acteurs + alliances", "Legend: actors + alliances"),
    "credit_contours": ("Contours : IGN Admin Express, via france-geojson, Licence Ouverte",
                        "Contours: IGN Admin Express, via france-geojson, Licence Ouverte"),
    "departement": ("Département", "Département"),
    "territories_title": ("Les territoires", "Territories"),
    "territories_intro": ("Les acteurs et alliances du graphe, par région et par département.",
                          "The actors and alliances of the graph, by region and département."),
    "regions": ("Régions", "Regions"), "departements": ("Départements", "Départements"),
    "within": ("Situé dans", "Located in"),
    "below_note": ("Sont comptés les acteurs et alliances situés dans ce territoire ou dans un "
                   "territoire qu'il contient.",
                   "Actors and alliances located in this territory or in a territory it "
                   "contains are counted."),
    "breadcrumb": ("Fil d'Ariane", "Breadcrumb"),
    "kind.epci": ("Intercommunalité", "Intercommunality"),
    "facet.epci": ("Intercommunalité", "Intercommunality"),
    "epcis": ("Intercommunalités", "Intercommunalities"),
    "communes_h": ("Communes", "Municipalities"),
    "communes_with_items": ("Communes où sont situés des acteurs ou des alliances",
                            "Municipalities where actors or alliances are located"),
    "epci_members": ("Communes membres", "Member municipalities"),
    "t_nature": ("Nature", "Kind"),
    "t_population": ("Population municipale", "Municipal population"),
    "t_postal_codes": ("Codes postaux", "Postal codes"),
    "t_epci": ("Intercommunalité", "Intercommunality"),
    "t_departements": ("Départements", "Départements"),
    "t_siren": ("SIREN", "SIREN"),
    "t_population_note": ("Population municipale en vigueur au 1er janvier 2026 (INSEE), "
                          "intercommunalités d'après la DGCL (découpage administratif, Etalab).",
                          "Municipal population in force on 1 January 2026 (INSEE); "
                          "intercommunalities from the DGCL (Etalab's découpage administratif)."),
    "ego_title": ("Réseau de l'acteur", "The actor's network"),
    "ego_desc": ("Au centre, l'acteur ; autour, ses alliances ; à l'extérieur, les membres de ces "
                 "alliances. Les mêmes informations sont données en liste ci-dessous.",
                 "In the centre, the actor; around it, its alliances; outside, the members of "
                 "those alliances. The same information is given as lists below."),
    "ego_more": ("Seules les premières alliances et les premiers membres sont dessinés.",
                 "Only the first alliances and members are drawn."),
    "about_title": ("À propos des données", "About the data"),
    "sources": ("Sources et licences", "Sources and licences"),
    "downloads": ("Téléchargements", "Downloads"),
    "query": ("Interroger les données", "Query the data"),
    "sparql_link": ("Point d'accès SPARQL (éditeur de requêtes)", "SPARQL endpoint (query editor)"),
    "catalog_link": ("Catalogue DCAT des jeux de données", "DCAT catalogue of the datasets"),
    "void_link": ("Description VoID", "VoID description"),
    "dump_ttl": ("Graphe complet, Turtle", "Whole graph, Turtle"),
    "dump_nt": ("Graphe complet, N-Triples compressé", "Whole graph, gzipped N-Triples"),
    "dump_jsonld": ("Graphe complet, JSON-LD", "Whole graph, JSON-LD"),
    "dump_nq": ("Graphe complet avec provenance, N-Quads compressé",
                "Whole graph with provenance, gzipped N-Quads"),
    "vocabulary": ("Vocabulaire Alliances (ontologie)", "Alliances vocabulary (ontology)"),
    "demo_fictional": ("Les acteurs, alliances, outils et évaluations du jeu de démonstration "
                       "sont fictifs ; les territoires et les cibles ODD sont réels.",
                       "The actors, alliances, tools and evaluations of the demonstration data "
                       "are fictional; territories and SDG targets are real."),
    "required_citation": ("Citation requise", "Required citation"),
    "licence": ("Licence", "Licence"), "source": ("Source", "Source"),
    "code_licence": ("Code : licence MIT.", "Code: MIT licence."),
}

i18n.MESSAGES.update(MESSAGES)
