"""Build the bundled demo dataset: actors.csv, alliances.csv, tools.csv, evaluations.csv.

Every actor, alliance, tool and evaluation written here is FICTIONAL. The territories (INSEE COG
2026 codes) and the SDG goals and targets (UN list) are real; ``python build_demo.py`` checks them
against ``data/territoires`` and ``data/sdg`` after writing the files, together with the rest of
the CSV contract (DESIGN §3): identifiers, SIREN Luhn keys, resource percentages, members and
leads, dates, and that every controlled code is used at least once.

Usage: ``python data/demo/build_demo.py`` (writes the four CSV files beside this script and
checks them; exits with status 1 and lists the problems if a check fails).
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent

# --------------------------------------------------------------------------------------------
# Controlled codes (DESIGN §3) and the short aliases used in the tables below
# --------------------------------------------------------------------------------------------
ACTOR_TYPES = [
    "association",
    "entreprise",
    "cooperative",
    "collectivite",
    "etat",
    "fondation",
    "recherche",
    "collectif",
]
COMPETENCES = {
    "fin": "financement",
    "mec": "mecenat-competences",
    "ben": "benevolat",
    "tech": "expertise-technique",
    "jur": "expertise-juridique",
    "ing": "ingenierie-projet",
    "eval": "evaluation-impact",
    "anc": "ancrage-territorial",
    "pub": "acces-publics",
    "leg": "legitimite-institutionnelle",
    "loc": "locaux-logistique",
    "com": "communication",
    "form": "formation",
    "rech": "recherche-innovation",
    "num": "donnees-numerique",
    "net": "mise-en-reseau",
}
RESOURCES = {
    "sp": "subvention-publique",
    "cp": "commande-publique",
    "mf": "mecenat-financier",
    "mc": "mecenat-competences",
    "dp": "dons-particuliers",
    "co": "cotisations",
    "ra": "recettes-activite",
    "ii": "investissement-impact",
    "fp": "financement-participatif",
    "bv": "benevolat-valorise",
    "fe": "fonds-europeens",
}
MATURITY = {"pio": "pionnier", "act": "actif", "pp": "premier-pas", "sce": "sceptique"}
PILLARS = {
    "cap": "capitalisation",
    "eval": "evaluation",
    "eco": "modelisation-economique",
    "fv": "faire-valoir",
}
TOOL_KINDS = [
    "guide",
    "kit",
    "formation",
    "plateforme",
    "etude",
    "methode",
    "evaluation",
    "annuaire",
]
STATUSES = ["emergence", "active", "completed"]
CRITERIA = ["pertinence", "coherence", "efficacite", "efficience", "impact", "perennite"]

# Communes used by the dataset: name -> INSEE code (COG 2026, TYPECOM = COM).
COMMUNES = {
    # Hauts-de-France (32)
    "Lille": "59350",
    "Roubaix": "59512",
    "Tourcoing": "59599",
    "Villeneuve-d'Ascq": "59009",
    "Wattrelos": "59650",
    "Dunkerque": "59183",
    "Grande-Synthe": "59271",
    "Fourmies": "59249",
    "Trélon": "59601",
    "Avesnes-sur-Helpe": "59036",
    "Maubeuge": "59392",
    "Douai": "59178",
    "Lens": "62498",
    "Loos-en-Gohelle": "62528",
    "Liévin": "62510",
    "Arras": "62041",
    "Calais": "62193",
    "Boulogne-sur-Mer": "62160",
    "Montreuil-sur-Mer": "62588",
    "Amiens": "80021",
    "Abbeville": "80001",
    "Saint-Quentin": "02691",
    "Laon": "02408",
    "Beauvais": "60057",
    "Compiègne": "60159",
    # Auvergne-Rhône-Alpes (84)
    "Lyon": "69123",
    "Villeurbanne": "69266",
    "Vénissieux": "69259",
    "Grenoble": "38185",
    "Échirolles": "38151",
    "Saint-Étienne": "42218",
    "Clermont-Ferrand": "63113",
    "Thiers": "63430",
    "Ambert": "63003",
    "Die": "26113",
    "Crest": "26108",
    "Romans-sur-Isère": "26281",
    "Privas": "07186",
    "Saint-Agrève": "07204",
    "Le Chambon-sur-Lignon": "43051",
    "Aurillac": "15014",
    "Saint-Flour": "15187",
    "Annecy": "74010",
    "Bourg-en-Bresse": "01053",
    # Occitanie (76)
    "Toulouse": "31555",
    "Montpellier": "34172",
    "Nîmes": "30189",
    "Albi": "81004",
    "Figeac": "46102",
    "Cahors": "46042",
    "Millau": "12145",
    "Saint-Affrique": "12208",
    "Decazeville": "12089",
    "Rodez": "12202",
    "Lodève": "34142",
    "Sète": "34301",
    "Foix": "09122",
    "Saint-Girons": "09261",
    "Perpignan": "66136",
    "Le Vigan": "30350",
    "Alès": "30007",
    "Lagrasse": "11185",
    "Carcassonne": "11069",
    "Auch": "32013",
    "Tarbes": "65440",
    # Bretagne (53)
    "Rennes": "35238",
    "Redon": "35236",
    "Fougères": "35115",
    "Saint-Malo": "35288",
    "Brest": "29019",
    "Morlaix": "29151",
    "Quimper": "29232",
    "Douarnenez": "29046",
    "Carhaix-Plouguer": "29024",
    "Huelgoat": "29081",
    "Plouguerneau": "29195",
    "Landerneau": "29103",
    "Lorient": "56121",
    "Vannes": "56260",
    "Pontivy": "56178",
    "Saint-Brieuc": "22278",
    "Lannion": "22113",
    "Guingamp": "22070",
    "Callac": "22025",
    "Rostrenen": "22266",
    "Mellionnec": "22146",
    # Nouvelle-Aquitaine (75)
    "Bordeaux": "33063",
    "Bègles": "33039",
    "Lormont": "33249",
    "Limoges": "87085",
    "Eymoutiers": "87064",
    "Guéret": "23096",
    "Felletin": "23079",
    "Aubusson": "23008",
    "Poitiers": "86194",
    "Niort": "79191",
    "La Rochelle": "17300",
    "Angoulême": "16015",
    "Bayonne": "64102",
    "Pau": "64445",
    "Oloron-Sainte-Marie": "64422",
    "Mauléon-Licharre": "64371",
    "Bergerac": "24037",
    "Périgueux": "24322",
    "Nontron": "24311",
    "Tulle": "19272",
    "Ussel": "19275",
    "Marmande": "47157",
    "Mont-de-Marsan": "40192",
    # Grand Est (44)
    "Strasbourg": "67482",
    "Haguenau": "67180",
    "Colmar": "68066",
    "Mulhouse": "68224",
    "Metz": "57463",
    "Forbach": "57227",
    "Thionville": "57672",
    "Bitche": "57089",
    "Nancy": "54395",
    "Reims": "51454",
    "Châlons-en-Champagne": "51108",
    "Troyes": "10387",
    "Charleville-Mézières": "08105",
    "Sedan": "08409",
    "Vouziers": "08490",
    "Saint-Dié-des-Vosges": "88413",
    "Épinal": "88160",
    "Rambervillers": "88367",
    # Île-de-France (11)
    "Paris": "75056",
    "Saint-Denis": "93066",
    "Montreuil": "93048",
    "Aubervilliers": "93001",
    "Nanterre": "92050",
    "Évry-Courcouronnes": "91228",
    "Cergy": "95127",
    # Pays de la Loire (52)
    "Nantes": "44109",
    "Rezé": "44143",
    "Saint-Herblain": "44162",
    "Bouguenais": "44020",
    "Saint-Nazaire": "44184",
    "Clisson": "44043",
    "Châteaubriant": "44036",
    "Ancenis-Saint-Géréon": "44003",
    "Angers": "49007",
    "Saumur": "49328",
    "Cholet": "49099",
    "Le Mans": "72181",
    "Sablé-sur-Sarthe": "72264",
    "Laval": "53130",
    "Mayenne": "53147",
    "La Roche-sur-Yon": "85191",
    "Fontenay-le-Comte": "85092",
    # Provence-Alpes-Côte d'Azur (93)
    "Marseille": "13055",
    "Aubagne": "13005",
    "Martigues": "13056",
    "Arles": "13004",
    "Nice": "06088",
    "Grasse": "06069",
    "Toulon": "83137",
    "La Seyne-sur-Mer": "83126",
    "Avignon": "84007",
    "Carpentras": "84031",
    "Cavaillon": "84035",
    "Apt": "84003",
    "Digne-les-Bains": "04070",
    "Forcalquier": "04088",
    "Manosque": "04112",
    "Sisteron": "04209",
    "Barcelonnette": "04019",
    "Gap": "05061",
    "Briançon": "05023",
    "Embrun": "05046",
    # Normandie (28), Bourgogne-Franche-Comté (27), Centre-Val de Loire (24)
    "Caen": "14118",
    "Vire Normandie": "14762",
    "Le Havre": "76351",
    "Alençon": "61001",
    "Rouen": "76540",
    "Dijon": "21231",
    "Autun": "71014",
    "Cluny": "71137",
    "Besançon": "25056",
    "Tours": "37261",
    "Issoudun": "36088",
    "Vierzon": "18279",
}


def com(name: str) -> str:
    """Territory cell for a commune given by its name."""
    return f"commune:{COMMUNES[name]}"


def dep(code: str) -> str:
    """Territory cell for a département."""
    return f"departement:{code}"


def reg(code: str) -> str:
    """Territory cell for a région."""
    return f"region:{code}"


ACTORS: list[dict] = []
ALLIANCES: list[dict] = []
TOOLS: list[dict] = []
EVALUATIONS: list[dict] = []


def A(id_, name, type_, territory, sdgs, offers, needs, maturity, resources, description):
    """Record one actor. offers/needs/maturity/resources use the short aliases above."""
    ACTORS.append(
        dict(
            id=id_,
            name=name,
            type=type_,
            territory=territory,
            sdgs=sdgs,
            offers=offers,
            needs=needs,
            maturity=maturity,
            resources=resources,
            description=" ".join(description.split()),
        )
    )


def L(
    id_, title, members, lead, territory, sdgs, resources, start, end, status, tools, description
):
    """Record one alliance; members and tools are space-separated ids."""
    ALLIANCES.append(
        dict(
            id=id_,
            title=title,
            members=members,
            lead=lead,
            territory=territory,
            sdgs=sdgs,
            resources=resources,
            start=start,
            end=end,
            status=status,
            tools=tools,
            description=" ".join(description.split()),
        )
    )


def T(id_, title, kind, maturity, pillars, audience, sdgs, publisher, description):
    """Record one tool; maturity and pillars use the short aliases, audience the type codes."""
    TOOLS.append(
        dict(
            id=id_,
            title=title,
            kind=kind,
            maturity=maturity,
            pillars=pillars,
            audience=audience,
            sdgs=sdgs,
            publisher=publisher,
            description=" ".join(description.split()),
        )
    )


def E(id_, alliance, date, scores, evaluator, summary):
    """Record one evaluation; scores lists pertinence..perennite in order ('-' = not scored)."""
    EVALUATIONS.append(
        dict(
            id=id_,
            alliance=alliance,
            date=date,
            scores=scores,
            evaluator=evaluator,
            summary=" ".join(summary.split()),
        )
    )


# --------------------------------------------------------------------------------------------
# ACTORS
# A(id, name, type, territory, sdgs, offers, needs, maturity, resources, description)
# --------------------------------------------------------------------------------------------

# Île-de-France (11) and national actors that bridge the regional clusters -------------------
A(
    "fondation-horizons-partages",
    "Fondation Horizons Partagés",
    "fondation",
    "",
    "1;10;10.2;17;17.17",
    "fin leg net",
    "eval anc",
    "pio",
    "mf:70 ii:20 dp:10",
    """Fondation reconnue d'utilité publique qui finance depuis 2009 des coopérations entre
  associations, entreprises et collectivités dans les territoires fragiles, en ville comme à la
  campagne. Elle ne soutient que des projets portés à plusieurs et accompagne ses lauréats
  pendant trois ans, au-delà du seul chèque.""",
)
A(
    "fondation-solstice",
    "Fondation Solstice pour une alimentation durable",
    "fondation",
    com("Paris"),
    "2;2.1;2.4;12.3",
    "fin net eval",
    "anc pub",
    "pio",
    "mf:85 dp:15",
    """Créée par un collectif de chefs et de distributeurs, la fondation soutient la lutte contre
  le gaspillage alimentaire et l'accès de tous à une alimentation de qualité. Elle a financé
  une quarantaine de plateformes locales de collecte d'invendus et de légumeries solidaires.""",
)
A(
    "fondation-batinova",
    "Fondation d'entreprise Batinova",
    "fondation",
    com("Nanterre"),
    "7;7.1;11.1;13.2",
    "fin mec tech",
    "anc pub eval",
    "act",
    "mf:60 mc:40",
    """Fondation d'un groupe de construction, elle met les compétences de ses conducteurs de
  travaux et thermiciens au service de la rénovation énergétique des logements de ménages
  modestes. Ses salariés interviennent en mécénat de compétences sur des chantiers
  d'auto-réhabilitation accompagnée.""",
)
A(
    "fonds-cap-numerique",
    "Fonds de dotation Cap Numérique Pour Tous",
    "fondation",
    com("Paris"),
    "4;4.4;10.2;9.c",
    "fin num form",
    "anc pub",
    "act",
    "mf:75 mc:25",
    """Fonds de dotation dédié à l'inclusion numérique : il finance des médiateurs, du matériel
  reconditionné et des permanences d'aide aux démarches en ligne, en priorité dans les
  quartiers populaires et les bourgs éloignés des services publics.""",
)
A(
    "reseau-partenariats-territoires",
    "Réseau Partenariats & Territoires",
    "association",
    com("Paris"),
    "17;17.17;17.14",
    "net form com eval",
    "fin",
    "pio",
    "co:35 sp:30 mf:25 ra:10",
    """Tête de réseau nationale des acteurs de la coopération territoriale, elle anime une
  communauté de 600 praticiens, publie des guides et forme les binômes associations-entreprises.
  Elle capitalise les retours d'expérience et les rend accessibles en accès libre.""",
)
A(
    "labo-cooperations-territoires",
    "Laboratoire Coopérations et Territoires",
    "recherche",
    com("Nanterre"),
    "17;17.17;11.3;16.7",
    "eval rech form",
    "fin anc",
    "pio",
    "sp:70 fe:20 mf:10",
    """Équipe de recherche pluridisciplinaire (économie, sociologie, géographie) qui étudie les
  alliances entre acteurs publics, privés et associatifs. Elle conduit des évaluations
  participatives et publie chaque année une analyse comparée des coopérations observées.""",
)
A(
    "agence-cooperations-solidaires",
    "Agence nationale des coopérations solidaires",
    "etat",
    "",
    "17;17.17;10.2;11.a",
    "fin leg ing",
    "eval anc",
    "act",
    "sp:100",
    """Établissement public chargé d'accompagner les projets de coopération territoriale portés
  par l'économie sociale et solidaire. Elle cofinance les phases d'amorçage et met à disposition
  des chargés de mission en ingénierie de projet dans les régions.""",
)
A(
    "mesures-impact-conseil",
    "Mesures d'Impact Conseil",
    "entreprise",
    com("Montreuil"),
    "17;17.18;16.6",
    "eval ing form",
    "pub",
    "act",
    "ra:90 sp:10",
    """Cabinet coopératif d'une douzaine de consultants spécialisé dans l'évaluation d'impact
  social et l'accompagnement des modèles économiques associatifs. Il réalise des évaluations
  à mi-parcours pour des fondations et des collectivités.""",
)
A(
    "epargne-commune",
    "Épargne Commune",
    "cooperative",
    com("Paris"),
    "8;8.10;8.3;10.2",
    "fin jur",
    "anc pub",
    "act",
    "ii:60 ra:40",
    """Société coopérative de finance solidaire qui collecte l'épargne de 14 000 sociétaires et
  l'investit en prêts et en titres participatifs dans des entreprises de l'ESS, des SCIC
  d'énergie citoyenne et des foncières d'habitat inclusif.""",
)
A(
    "marche-frais-france",
    "Marché Frais France",
    "entreprise",
    com("Paris"),
    "12;12.3;2.1",
    "fin mec loc",
    "anc eval",
    "act",
    "ra:100",
    """Enseigne de distribution alimentaire de proximité (230 magasins). Sa politique anti-gaspi
  repose sur des conventions de dons d'invendus avec des associations locales et sur le
  mécénat de compétences de ses responsables logistiques.""",
)
A(
    "reseau-tiers-lieux-en-commun",
    "Réseau Tiers-Lieux en Commun",
    "association",
    com("Montreuil"),
    "11;11.3;8.3;17.17",
    "net form ing",
    "fin",
    "act",
    "co:40 sp:35 ra:25",
    """Réseau national de tiers-lieux ruraux et urbains : échanges de pratiques entre
  concierges, formations au pilotage économique et mutualisation d'outils de gestion. Il
  défend l'idée qu'un tiers-lieu vit d'abord de ses coopérations locales.""",
)
A(
    "federation-reemploi-solidarite",
    "Fédération Réemploi & Solidarité",
    "association",
    com("Paris"),
    "12;12.5;8.5",
    "net form tech com",
    "fin",
    "pio",
    "co:45 sp:30 mf:25",
    """Fédère 180 recycleries, ressourceries et ateliers de réparation. Elle outille ses membres
  sur la collecte, la valorisation et la vente d'objets de réemploi, et porte leur voix auprès
  des éco-organismes.""",
)
A(
    "droit-engagement-avocats",
    "Droit & Engagement Avocats",
    "entreprise",
    com("Paris"),
    "16;16.3;17.17",
    "jur mec",
    "pub",
    "act",
    "ra:100",
    """Cabinet d'avocats dont un tiers du temps est consacré à du conseil pro bono : statuts
  d'association, conventions de mécénat, création de SCIC. Les juristes interviennent lors
  de permanences partagées avec des têtes de réseau.""",
)
A(
    "ville-saint-denis",
    "Ville de Saint-Denis",
    "collectivite",
    com("Saint-Denis"),
    "11;11.1;10.2;3.4",
    "anc loc leg fin",
    "eval tech",
    "act",
    "",
    """Commune de Seine-Saint-Denis engagée dans une politique de santé de proximité et
  d'accueil des nouveaux arrivants. Elle met à disposition des rez-de-chaussée vacants pour
  des projets associatifs.""",
)
A(
    "ville-montreuil",
    "Ville de Montreuil",
    "collectivite",
    com("Montreuil"),
    "12;12.5;11.6;11.3",
    "anc loc leg",
    "tech eval",
    "act",
    "",
    """Économie circulaire et participation sont les deux priorités de l'équipe municipale : ateliers
  de réparation dans les maisons de quartier, clauses de réemploi dans les marchés publics,
  budget participatif ouvert aux collectifs d'habitants.""",
)
A(
    "ressourcerie-bas-montreuil",
    "La Ressourcerie du Bas-Montreuil",
    "association",
    com("Montreuil"),
    "12;12.5;8.5",
    "tech pub ben",
    "loc fin",
    "act",
    "ra:55 sp:30 bv:15",
    """Collecte, trie et revend à petits prix meubles, vaisselle et jouets déposés par les
  habitants. Huit salariés en contrat d'insertion y apprennent la réparation et la vente.""",
)
A(
    "ateliers-partages-aubervilliers",
    "Les Ateliers Partagés d'Aubervilliers",
    "association",
    com("Aubervilliers"),
    "8;8.3;11.3;9.3",
    "loc pub",
    "fin jur com net",
    "pp",
    "ra:40 sp:40 dp:20",
    """Tiers-lieu artisanal installé dans une ancienne imprimerie : une couturière, deux
  ébénistes et un atelier de sérigraphie partagent machines et clients. L'association cherche
  à sécuriser son bail et à structurer une offre de formation.""",
)
A(
    "cuisine-exiles-saint-denis",
    "Cuisine des Exilés de Saint-Denis",
    "collectif",
    com("Saint-Denis"),
    "10;10.7;2.1",
    "ben pub",
    "loc fin jur",
    "pp",
    "dp:60 bv:40",
    """Un groupe d'habitants et de personnes exilées qui cuisine chaque samedi pour 150
  personnes, avec des produits récupérés au marché. Le collectif cherche une cuisine
  professionnelle et un cadre juridique pour pérenniser l'activité.""",
)
A(
    "acces-droits-numerique-nanterre",
    "Accès Droits Numérique",
    "association",
    com("Nanterre"),
    "4;4.4;10.2;16.9",
    "pub ben",
    "fin form",
    "pp",
    "sp:70 dp:15 bv:15",
    """Permanences d'écrivains publics numériques dans deux centres sociaux : aide aux démarches
  CAF, retraite, titres de séjour. Les bénévoles manquent de formation sur la protection des
  données personnelles.""",
)
A(
    "femmes-quartiers-evry",
    "Collectif Femmes des Quartiers",
    "collectif",
    com("Évry-Courcouronnes"),
    "5;5.5;8.5",
    "pub ben",
    "fin com loc",
    "sce",
    "bv:100",
    """Une vingtaine de femmes du quartier des Pyramides qui organisent des ateliers de
  confiance en soi et une garde d'enfants solidaire pendant les entretiens d'embauche.""",
)
A(
    "lab-mobilite-inclusive-cergy",
    "Lab Mobilité Inclusive",
    "association",
    com("Cergy"),
    "11;11.2;8.5",
    "form tech",
    "fin loc",
    "pp",
    "sp:60 ra:40",
    """Auto-école sociale et plateforme de conseil en mobilité : diagnostic des freins, cours de
  vélo pour adultes, apprentissage des transports en commun et code de la route pour des
  personnes en insertion.""",
)
A(
    "chaire-biens-communs-cergy",
    "Chaire Entreprises et Biens Communs",
    "recherche",
    com("Cergy"),
    "12;12.6;17.17",
    "rech eval",
    "fin",
    "act",
    "mf:60 sp:40",
    """Chaire universitaire financée par quatre entreprises mécènes, qui étudie la manière dont
  les entreprises s'engagent dans des coopérations d'intérêt général et mesure ce qu'elles
  y gagnent en retour.""",
)
A(
    "prefecture-seine-saint-denis",
    "Préfecture de la Seine-Saint-Denis",
    "etat",
    dep("93"),
    "16;16.6;10.2;11.1",
    "leg fin",
    "eval anc",
    "act",
    "sp:100",
    """Services de l'État dans le département, dont la mission politique de la ville qui
  instruit les appels à projets en faveur des quartiers prioritaires.""",
)

# Hauts-de-France (32) -------------------------------------------------------------------------
A(
    "banque-alimentaire-metropole-lilloise",
    "Banque alimentaire de la Métropole lilloise",
    "association",
    com("Lille"),
    "2;2.1;12.3;1.2",
    "ben loc pub net",
    "fin mec com",
    "act",
    "sp:30 mf:25 mc:15 bv:30",
    """Collecte et redistribue chaque année près de 3 000 tonnes de denrées auprès de 140
  associations de la métropole. Depuis 2022, elle récupère aussi les invendus des marchés de gros
  et cherche des chauffeurs bénévoles pour ses tournées du matin.""",
)
A(
    "ville-lille",
    "Ville de Lille",
    "collectivite",
    com("Lille"),
    "11;11.7;2.1;13.1",
    "anc loc leg fin",
    "eval ben",
    "act",
    "",
    """Dix quartiers, une trentaine de jardins partagés et autant d'épiceries sociales soutenues par
  la municipalité, qui pilote aussi un plan de végétalisation des cours d'école.""",
)
A(
    "ville-roubaix",
    "Ville de Roubaix",
    "collectivite",
    com("Roubaix"),
    "12;12.5;8.5;1.2",
    "anc leg loc",
    "fin eval",
    "pio",
    "",
    """Ancienne ville textile, Roubaix accompagne les familles et les commerçants vers le « zéro
  déchet » et ouvre ses friches industrielles aux activités de réemploi et d'insertion.""",
)
A(
    "ccas-roubaix",
    "CCAS de Roubaix",
    "collectivite",
    com("Roubaix"),
    "1;1.3;2.1;3.4",
    "pub anc leg",
    "tech ben",
    "act",
    "sp:100",
    """Le centre communal d'action sociale accompagne 6 000 foyers ; il oriente vers l'aide
  alimentaire, l'accès aux droits et un groupe de soutien aux aidants.""",
)
A(
    "departement-nord",
    "Département du Nord",
    "collectivite",
    dep("59"),
    "1;1.3;8.5;11.2",
    "fin leg anc",
    "eval rech",
    "act",
    "",
    """Chef de file de l'action sociale, le Département finance l'insertion des allocataires du
  RSA, dont un fonds d'aide à la mobilité (permis, location de véhicules, réparation).""",
)
A(
    "epicerie-solidaire-escale",
    "Épicerie solidaire L'Escale",
    "association",
    com("Tourcoing"),
    "2;2.1;1.2;12.3",
    "pub ben",
    "fin loc com",
    "pp",
    "sp:50 dp:20 ra:15 bv:15",
    """Épicerie sociale où 300 familles orientées par les travailleurs sociaux achètent leurs
  courses à 20 % du prix. Le local, trop petit, ne permet plus de stocker les produits frais.""",
)
A(
    "jardins-du-faubourg",
    "Les Jardins du Faubourg",
    "association",
    com("Lille"),
    "11;11.7;2.4;15.5",
    "ben pub form",
    "loc fin jur",
    "act",
    "sp:45 co:20 bv:35",
    """Association de Fives qui anime quatre jardins partagés sur d'anciennes friches
  ferroviaires : parcelles familiales, compost de quartier et ateliers de semis avec les
  écoles voisines.""",
)
A(
    "collectif-fives-transition",
    "Collectif Fives en Transition",
    "collectif",
    com("Lille"),
    "11;13.3;12.5",
    "ben com",
    "loc fin",
    "sce",
    "",
    """Des habitants qui organisent des repair cafés, une grainothèque et des balades
  d'observation des oiseaux. Le collectif reste méfiant envers les partenariats avec les
  entreprises.""",
)
A(
    "la-navette-reemploi",
    "La Navette Réemploi",
    "cooperative",
    com("Roubaix"),
    "12;12.5;8.5;8.3",
    "tech pub form",
    "fin loc",
    "act",
    "ra:50 sp:35 fe:15",
    """SCIC et atelier chantier d'insertion qui collecte textiles et petit mobilier dans les
  déchetteries de la métropole. 35 salariés en insertion y trient, réparent et revendent en
  boutique et en ligne.""",
)
A(
    "filature-nouvelle-roubaix",
    "Filature Nouvelle de Roubaix",
    "entreprise",
    com("Roubaix"),
    "12;12.5;9.4;8.2",
    "mec tech fin",
    "pub anc net",
    "act",
    "ra:100",
    """PME de 90 salariés qui produit du fil à partir de textiles usagés effilochés. Elle
  cherche des gisements de vêtements triés localement et forme des opérateurs venus de
  parcours d'insertion.""",
)
A(
    "hyper-frais-villeneuve",
    "Hyper Frais Villeneuve-d'Ascq",
    "entreprise",
    com("Villeneuve-d'Ascq"),
    "12;12.3",
    "mec loc fin",
    "anc",
    "pp",
    "ra:100",
    """Hypermarché indépendant de 220 salariés. La direction a nommé une référente anti-gaspi qui
  organise la mise de côté des invendus et veut étendre les dons aux produits frais.""",
)
A(
    "transports-delcourt",
    "Transports Delcourt & Fils",
    "entreprise",
    com("Lens"),
    "9;9.1;12.3",
    "mec loc",
    "com net",
    "sce",
    "ra",
    """Transporteur familial de 60 camions frigorifiques. Son dirigeant prête ponctuellement des
  véhicules à des associations, sans cadre formel, et se demande ce qu'il gagnerait à aller
  plus loin.""",
)
A(
    "labo-tersis",
    "Laboratoire TerSIS – Territoires, Solidarités, Innovation",
    "recherche",
    com("Villeneuve-d'Ascq"),
    "1;10;17.17;8.3",
    "eval rech form",
    "anc fin",
    "act",
    "sp:60 fe:25 mf:15",
    """Unité de recherche en économie sociale qui travaille sur l'aide alimentaire, l'insertion
  par l'activité économique et la coopération entre acteurs. Elle anime un séminaire ouvert
  aux praticiens de la région.""",
)
A(
    "fondation-beffroi-solidaire",
    "Fondation Beffroi Solidaire",
    "fondation",
    com("Lille"),
    "1;8;10;17.17",
    "fin net leg",
    "eval",
    "act",
    "mf:80 ii:20",
    """Fondation territoriale abritée qui rassemble une trentaine d'entreprises du Nord et du
  Pas-de-Calais. Elle finance des projets d'insertion et de réemploi et organise les « Rencontres
  du Beffroi » entre chefs d'entreprise et associations.""",
)
A(
    "banque-septentrion",
    "Banque Régionale du Septentrion",
    "entreprise",
    com("Lille"),
    "8;8.10;5.5",
    "fin mec",
    "anc pub",
    "act",
    "ra:100",
    """Banque régionale dont les salariés peuvent consacrer deux jours par an à une association.
  Elle a lancé un prêt d'honneur pour les créatrices d'entreprise des quartiers.""",
)
A(
    "garage-solidaire-avesnois",
    "Garage solidaire de l'Avesnois",
    "association",
    com("Fourmies"),
    "11;11.2;8.5;1.4",
    "tech pub",
    "fin loc com",
    "act",
    "ra:40 sp:40 mf:20",
    """Répare à prix coûtant les voitures de personnes en insertion et loue des scooters pour
  aller travailler. Dans ce territoire rural sans transport en commun, la mobilité solidaire
  conditionne l'accès à l'emploi.""",
)
A(
    "ville-fourmies",
    "Ville de Fourmies",
    "collectivite",
    com("Fourmies"),
    "11;11.2;2.4;8.5",
    "anc loc leg",
    "fin ing",
    "pp",
    "",
    """Petite ville de la Thiérache marquée par la désindustrialisation, qui mise sur la
  restauration scolaire en circuits courts et sur l'accès à l'emploi des jeunes.""",
)
A(
    "ferme-collective-bocage",
    "Ferme collective du Bocage",
    "cooperative",
    com("Trélon"),
    "2;2.4;15.1;12.7",
    "tech anc",
    "fin ing com",
    "pp",
    "ra:70 fp:20 sp:10",
    """Cinq paysans associés en SCOP qui élèvent des vaches laitières à l'herbe et transforment
  sur place. Ils veulent approvisionner les cantines du secteur mais butent sur la logistique.""",
)
A(
    "regie-quartier-lens-nord",
    "Régie de quartier Lens Nord",
    "association",
    com("Lens"),
    "8;8.5;11.1;7.1",
    "pub anc tech",
    "fin form",
    "act",
    "cp:55 sp:35 ra:10",
    """Entreprise d'insertion associative qui assure l'entretien des espaces communs des cités
  minières et de petits travaux d'isolation. Ses équipes connaissent chaque famille de la cité.""",
)
A(
    "energies-citoyennes-bassin-minier",
    "Énergies Citoyennes du Bassin minier",
    "cooperative",
    com("Loos-en-Gohelle"),
    "7;7.2;13.2;11.3",
    "tech fin form",
    "pub com",
    "pio",
    "fp:40 ii:30 ra:30",
    """SCIC qui installe des centrales photovoltaïques sur les toits d'écoles et de salles de
  sport, avec 700 habitants sociétaires. Une part des bénéfices finance des diagnostics de
  précarité énergétique.""",
)
A(
    "habitat-terres-du-nord",
    "Habitat Terres du Nord",
    "entreprise",
    com("Lens"),
    "11;11.1;7.3;13.2",
    "fin tech loc",
    "pub eval",
    "act",
    "ra:80 sp:20",
    """Bailleur social de 18 000 logements dans l'ancien bassin minier. Son plan de rénovation
  thermique des cités se heurte à la méfiance de locataires âgés qui craignent les travaux.""",
)
A(
    "prefecture-nord",
    "Préfecture du Nord",
    "etat",
    dep("59"),
    "16;16.6;10.7;8.5",
    "leg fin",
    "eval anc",
    "act",
    "sp:100",
    """Dans le Nord, la préfecture coordonne l'accueil et l'intégration des réfugiés et instruit les
  conventions des structures d'insertion par l'activité économique.""",
)
A(
    "collectif-solidarite-exiles-littoral",
    "Collectif Solidarité Exilés du Littoral",
    "collectif",
    com("Grande-Synthe"),
    "10;10.7;3.8;6.1",
    "ben pub",
    "fin jur loc",
    "pp",
    "dp:70 bv:30",
    """Bénévoles qui distribuent repas, couvertures et recharges de téléphone aux personnes exilées
  du littoral dunkerquois. Le collectif souhaite installer des points d'eau et de douche.""",
)
A(
    "ville-grande-synthe",
    "Ville de Grande-Synthe",
    "collectivite",
    com("Grande-Synthe"),
    "10;10.7;11.1;13.1",
    "anc loc leg",
    "fin jur",
    "act",
    "",
    """Commune de l'agglomération dunkerquoise, connue pour ses politiques de transition et pour
  l'accueil digne des personnes en transit sur son territoire.""",
)
A(
    "atelier-velo-dunkerquois",
    "L'Atelier Vélo Dunkerquois",
    "association",
    com("Dunkerque"),
    "11;11.2;3.6",
    "tech form ben",
    "loc",
    "act",
    "ra:45 sp:35 co:20",
    """Atelier participatif où l'on apprend à réparer son vélo. Il reconditionne aussi des vélos
  abandonnés pour les donner à des demandeurs d'emploi et à des personnes exilées.""",
)
A(
    "les-connecteurs-picards",
    "Les Connecteurs picards",
    "association",
    com("Amiens"),
    "4;4.4;10.2;9.c",
    "pub form",
    "fin num loc",
    "act",
    "sp:55 mf:30 ra:15",
    """Dix médiateurs numériques qui tiennent des permanences dans les mairies rurales de la
  Somme, distribuent des ordinateurs reconditionnés et forment les secrétaires de mairie.""",
)
A(
    "tiers-lieu-la-briqueterie",
    "Tiers-lieu La Briqueterie",
    "association",
    com("Amiens"),
    "11;11.3;8.3;4.4",
    "loc pub net",
    "fin jur",
    "act",
    "ra:50 sp:30 co:20",
    """Ancienne briqueterie reconvertie en tiers-lieu : espace de coworking, fablab, café
  associatif et salle de spectacle. Trente structures y résident ou y passent chaque semaine.""",
)
A(
    "departement-somme",
    "Département de la Somme",
    "collectivite",
    dep("80"),
    "4;4.4;11.a;1.3",
    "fin leg anc",
    "eval tech",
    "act",
    "",
    """Collectivité chef de file de l'inclusion numérique dans la Somme : elle cofinance les
  conseillers numériques et les maisons de services au public des cantons ruraux.""",
)
A(
    "picardie-fibre-services",
    "Picardie Fibre Services",
    "entreprise",
    com("Amiens"),
    "9;9.c;4.4",
    "mec tech num",
    "anc",
    "pp",
    "ra:100",
    """Opérateur local de réseaux de fibre optique. Ses techniciens reconditionnent d'anciens
  équipements et l'entreprise réfléchit à une politique de mécénat de compétences.""",
)
A(
    "groupe-entraide-entre-deux",
    "L'Entre-Deux – groupe d'entraide mutuelle",
    "association",
    com("Roubaix"),
    "3;3.4;10.2",
    "pub ben",
    "fin loc eval",
    "pp",
    "sp:80 dp:10 bv:10",
    """Lieu d'accueil géré par et pour des personnes vivant avec des troubles psychiques : repas
  partagés, sorties, ateliers d'écriture. La santé mentale y passe par le lien social.""",
)
A(
    "roubaix-boxe-educative",
    "Roubaix Boxe Éducative",
    "association",
    com("Roubaix"),
    "3;3.4;4.4;5.1",
    "pub ben",
    "fin loc",
    "act",
    "co:35 sp:40 mf:25",
    """Club de boxe qui accueille 400 jeunes, dont un tiers de filles, avec soutien scolaire avant
  l'entraînement. L'association prépare un programme sport et santé mentale avec des soignants.""",
)
A(
    "mutuelle-nord-solidaire",
    "Mutuelle Nord Solidaire",
    "cooperative",
    com("Lille"),
    "3;3.4;3.8",
    "fin net",
    "pub",
    "act",
    "ra:100",
    """Mutuelle de santé régionale de 120 000 adhérents ; son fonds d'action sociale soutient la
  prévention en santé mentale et l'accès aux soins des jeunes.""",
)
A(
    "elles-entreprennent-hdf",
    "Elles Entreprennent en Hauts-de-France",
    "association",
    com("Arras"),
    "5;5.5;5.a;8.3",
    "form net",
    "fin com",
    "act",
    "sp:50 mf:35 co:15",
    """Réseau d'accompagnement de créatrices d'entreprise : parrainage, ateliers sur le
  financement, cercles d'entraide entre pairs. Priorité aux femmes des quartiers et du rural.""",
)
A(
    "cae-pas-a-pas",
    "CAE Pas-à-Pas",
    "cooperative",
    com("Arras"),
    "8;8.3;8.5;5.5",
    "jur form",
    "pub",
    "act",
    "ra:65 sp:35",
    """Coopérative d'activités et d'emploi qui héberge 150 entrepreneurs salariés : ils testent
  leur activité sous le statut de la coopérative et peuvent en devenir associés.""",
)
A(
    "cuisine-partagee-vermandois",
    "Cuisine partagée du Vermandois",
    "collectif",
    com("Saint-Quentin"),
    "2;2.1;12.3;5.5",
    "ben pub",
    "fin loc jur",
    "sce",
    "",
    """Des habitantes qui cuisinent ensemble les surplus du marché et vendent des plats à petit
  prix. Le collectif cherche une cuisine aux normes et quelqu'un pour l'aider à se structurer.""",
)
A(
    "ville-saint-quentin",
    "Ville de Saint-Quentin",
    "collectivite",
    com("Saint-Quentin"),
    "2;2.1;11.3;10.2",
    "anc loc leg",
    "ben ing",
    "pp",
    "",
    """La ville dispose de plusieurs cuisines d'anciennes écoles inutilisées et réfléchit à les
  confier à des projets d'alimentation solidaire dans les quartiers.""",
)
A(
    "plateforme-agrisol-picardie",
    "Plateforme de recherche AgriSol Picardie",
    "recherche",
    com("Amiens"),
    "2;2.4;15.3;13.2",
    "rech eval tech",
    "anc pub",
    "act",
    "sp:75 fe:25",
    """Équipe d'agronomes qui mène des essais de couverts végétaux et de rotations longues
  chez des agriculteurs volontaires, et mesure la qualité des sols sur dix ans.""",
)
A(
    "departement-pas-de-calais",
    "Département du Pas-de-Calais",
    "collectivite",
    dep("62"),
    "5;5.5;8.5;1.2",
    "fin leg anc",
    "eval",
    "act",
    "",
    """Le Département soutient l'insertion des allocataires du RSA et finance un fonds pour
  l'entrepreneuriat des femmes.""",
)

# Auvergne-Rhône-Alpes (84) -------------------------------------------------------------------
A(
    "metropole-de-lyon",
    "Métropole de Lyon",
    "collectivite",
    com("Lyon"),
    "11;11.6;12.5;1.3",
    "fin leg anc loc",
    "eval",
    "pio",
    "",
    """La Métropole soutient l'économie circulaire (réemploi des encombrants, ressourceries de
  déchetterie) et expérimente un revenu de solidarité pour les jeunes.""",
)
A(
    "ville-villeurbanne",
    "Ville de Villeurbanne",
    "collectivite",
    com("Villeurbanne"),
    "5;5.1;4.4;11.3",
    "anc loc leg",
    "fin eval",
    "act",
    "",
    """Commune engagée pour l'égalité femmes-hommes dans l'espace public et pour l'accès au
  numérique dans ses médiathèques.""",
)
A(
    "fabrique-des-canuts",
    "La Fabrique des Canuts",
    "association",
    com("Lyon"),
    "11;11.3;8.3;12.5",
    "loc pub net",
    "fin jur",
    "act",
    "ra:55 sp:25 co:20",
    """Tiers-lieu de la Croix-Rousse installé dans un ancien atelier de tissage : ateliers de
  couture et de réparation, cantine associative et résidences d'artisans.""",
)
A(
    "ressourcerie-tout-neuf-tout-vieux",
    "Ressourcerie Tout Neuf Tout Vieux",
    "cooperative",
    com("Villeurbanne"),
    "12;12.5;8.5",
    "tech pub",
    "loc fin",
    "act",
    "ra:60 sp:25 cp:15",
    """SCIC de réemploi qui gère la recyclerie de deux déchetteries métropolitaines et emploie
  vingt salariés, dont douze en parcours d'insertion.""",
)
A(
    "velo-cite-solidaire",
    "Vélo Cité Solidaire",
    "association",
    com("Lyon"),
    "11;11.2;3.6;13.3",
    "form tech ben",
    "fin loc",
    "act",
    "sp:40 ra:40 co:20",
    """Vélo-école pour adultes et ateliers d'autoréparation dans trois quartiers prioritaires.
  L'association prête des vélos électriques à des salariés en horaires décalés.""",
)
A(
    "rhone-logistique-urbaine",
    "Rhône Logistique Urbaine",
    "entreprise",
    com("Vénissieux"),
    "11;11.6;9.1;8.5",
    "mec loc tech",
    "pub",
    "pp",
    "ra:100",
    """Entreprise de livraison du dernier kilomètre en vélos-cargos. Elle recrute des livreurs
  issus de parcours d'insertion et cherche des partenaires pour les former.""",
)
A(
    "labo-economie-cooperations-lyon",
    "Laboratoire Économie et Coopérations Territoriales",
    "recherche",
    com("Lyon"),
    "17;17.17;8.3;11.3",
    "eval rech form",
    "anc fin",
    "pio",
    "sp:55 fe:25 mf:20",
    """Laboratoire d'économistes et de sociologues qui étudie les tiers-lieux, les pôles
  territoriaux de coopération économique et les monnaies locales. Il accompagne des évaluations
  dans tout le quart sud-est.""",
)
A(
    "fondation-confluences",
    "Fondation Confluences",
    "fondation",
    com("Lyon"),
    "1;10;4;17.17",
    "fin net leg",
    "eval anc",
    "act",
    "mf:75 dp:25",
    """Fondation territoriale lyonnaise qui collecte dons et mécénat d'entreprises pour les
  projets d'éducation, d'insertion et de culture de la métropole et du Rhône.""",
)
A(
    "collectif-des-pentes",
    "Collectif des Pentes",
    "collectif",
    com("Lyon"),
    "10;10.7;2.1",
    "ben pub",
    "loc fin",
    "pp",
    "dp:50 bv:50",
    """Collectif d'habitants de la Croix-Rousse qui héberge chez l'habitant des jeunes exilés et
  organise chaque mois une grande table ouverte à tous.""",
)
A(
    "treteaux-des-minguettes",
    "Les Tréteaux des Minguettes",
    "association",
    com("Vénissieux"),
    "4;4.7;10.2;11.4",
    "pub anc",
    "fin com loc",
    "act",
    "sp:60 ra:20 mf:20",
    """Compagnie de théâtre implantée aux Minguettes qui crée ses spectacles avec les habitants
  et intervient dans les collèges. La culture comme droit de chacun.""",
)
A(
    "femmes-relais-villeurbanne",
    "Femmes Relais Villeurbanne",
    "association",
    com("Villeurbanne"),
    "5;5.2;5.5;10.2",
    "pub anc ben",
    "fin form",
    "act",
    "sp:75 mf:15 co:10",
    """Des médiatrices sociales et interculturelles qui accompagnent les familles dans leurs
  démarches et animent des groupes de parole sur les violences faites aux femmes.""",
)
A(
    "ville-grenoble",
    "Ville de Grenoble",
    "collectivite",
    com("Grenoble"),
    "7;7.1;11.6;13.2",
    "anc leg fin",
    "tech eval",
    "pio",
    "",
    """Grenoble consacre un service entier à l'accompagnement des copropriétés fragiles vers la
  rénovation énergétique et repère les ménages en situation de précarité énergétique grâce aux
  travailleurs sociaux.""",
)
A(
    "isere-energie-partagee",
    "Isère Énergie Partagée",
    "cooperative",
    com("Grenoble"),
    "7;7.2;7.1;13.2",
    "tech fin",
    "pub com",
    "act",
    "fp:45 ii:35 ra:20",
    """SCIC d'énergie citoyenne qui finance des centrales solaires villageoises et des
  microcentrales hydroélectriques, en associant communes et habitants au capital.""",
)
A(
    "tremplin-numerique-echirolles",
    "Tremplin Numérique",
    "association",
    com("Échirolles"),
    "4;4.4;8.6",
    "form pub",
    "fin num",
    "pp",
    "sp:65 mf:25 ra:10",
    """Formation au numérique de jeunes sans diplôme : dépannage, réseaux, reconditionnement.
  Les stagiaires animent ensuite des ateliers pour les seniors du quartier.""",
)
A(
    "labo-alpin-transitions",
    "Laboratoire alpin des transitions énergétiques",
    "recherche",
    com("Grenoble"),
    "7;7.3;13.2;11.6",
    "rech eval tech",
    "pub anc",
    "act",
    "sp:70 fe:30",
    """Équipe de chercheurs en sciences de l'ingénieur et en sociologie qui étudie la précarité
  énergétique et les usages réels après rénovation.""",
)
A(
    "dauphine-juristes-solidaires",
    "Dauphiné Juristes Solidaires",
    "entreprise",
    com("Grenoble"),
    "16;16.3",
    "jur mec",
    "com",
    "act",
    "ra:100",
    """Cabinet de juristes qui consacre une journée par semaine au conseil gratuit des petites
  associations : statuts, emploi, fiscalité du mécénat.""",
)
A(
    "cite-reemploi-stephanoise",
    "Cité du Réemploi stéphanoise",
    "association",
    com("Saint-Étienne"),
    "12;12.5;9.4;8.5",
    "tech form",
    "fin loc com",
    "act",
    "ra:45 sp:35 fe:20",
    """Plateforme de réemploi des matériaux de construction : portes, parquets, radiateurs
  récupérés sur les chantiers de démolition et revendus aux artisans et aux particuliers.""",
)
A(
    "manufacture-des-savoirs",
    "La Manufacture des Savoirs",
    "association",
    com("Saint-Étienne"),
    "4;4.3;4.4;11.3",
    "loc form pub",
    "fin",
    "pp",
    "sp:50 ra:30 mf:20",
    """Tiers-lieu éducatif qui propose cours du soir, fablab et université populaire dans une
  ancienne usine d'armes.""",
)
A(
    "ville-saint-etienne",
    "Ville de Saint-Étienne",
    "collectivite",
    com("Saint-Étienne"),
    "11;11.3;9.4;12.5",
    "anc leg loc",
    "fin eval",
    "act",
    "",
    """Ancienne capitale de l'armurerie et du cycle, Saint-Étienne cherche des repreneurs pour ses
  friches industrielles et privilégie les projets d'activité et de réemploi.""",
)
A(
    "auvergne-habitat-inclusif",
    "Auvergne Habitat Inclusif",
    "association",
    com("Clermont-Ferrand"),
    "11;11.1;10.2;3.8",
    "pub tech",
    "fin loc jur",
    "pp",
    "sp:55 mf:25 ra:20",
    """Association qui conçoit des colocations accompagnées pour des personnes âgées et des
  adultes en situation de handicap, au cœur des bourgs plutôt qu'en établissement.""",
)
A(
    "mutuelle-des-volcans",
    "Mutuelle des Volcans",
    "cooperative",
    com("Clermont-Ferrand"),
    "3;3.8;11.1",
    "fin net",
    "pub",
    "act",
    "ra:100",
    """Mutuelle régionale qui finance des projets d'habitat inclusif et de prévention de la
  perte d'autonomie dans le Massif central.""",
)
A(
    "departement-puy-de-dome",
    "Département du Puy-de-Dôme",
    "collectivite",
    dep("63"),
    "11;11.1;3.8;10.2",
    "fin leg anc",
    "eval",
    "act",
    "",
    """Dans le Puy-de-Dôme, l'aide à la vie partagée des habitats inclusifs est financée par le
  Département, qui accompagne aussi la revitalisation des bourgs.""",
)
A(
    "coutellerie-thiernoise-vidal",
    "Coutellerie thiernoise Vidal",
    "entreprise",
    com("Thiers"),
    "8;8.6;4.4",
    "mec form",
    "pub",
    "sce",
    "ra:100",
    """Coutellerie familiale de trente salariés qui peine à recruter et s'interroge sur
  l'apprentissage avec des jeunes éloignés de l'emploi.""",
)
A(
    "collectif-livradois-vivant",
    "Collectif Livradois Vivant",
    "collectif",
    com("Ambert"),
    "11;11.a;8.9",
    "ben anc",
    "fin ing com",
    "pp",
    "bv fp",
    """Des habitants du Livradois qui veulent rouvrir le café-épicerie du bourg et y adosser un
  point d'accès aux services publics. Revitalisation rurale par le bas.""",
)
A(
    "semences-du-diois",
    "Coopérative Semences du Diois",
    "cooperative",
    com("Die"),
    "2;2.5;15.5;12.2",
    "tech form rech",
    "fin com",
    "act",
    "ra:60 sp:20 fp:20",
    """Coopérative de maraîchers qui sélectionne et multiplie des semences paysannes adaptées à
  la sécheresse, et les diffuse aux jardiniers amateurs.""",
)
A(
    "collectif-eau-claire-drome",
    "Collectif Eau claire de la Drôme",
    "collectif",
    com("Crest"),
    "6;6.3;6.6;15.1",
    "ben anc",
    "rech jur",
    "sce",
    "",
    """Pêcheurs, kayakistes et riverains qui surveillent la qualité de l'eau de la rivière et
  alertent sur les pollutions. Ils se méfient des industriels et des élus.""",
)
A(
    "plateau-ardechois-mobilite",
    "Plateau ardéchois Mobilité",
    "association",
    com("Saint-Agrève"),
    "11;11.2;10.2",
    "anc ben",
    "fin num",
    "pp",
    "sp:60 bv:40",
    """Service de transport solidaire assuré par des chauffeurs bénévoles pour les personnes
  âgées et les jeunes sans permis du plateau, et une application de covoiturage à construire.""",
)
A(
    "accueil-plateau-vivarais-lignon",
    "Accueil Plateau Vivarais-Lignon",
    "association",
    com("Le Chambon-sur-Lignon"),
    "10;10.7;4.5;16.b",
    "anc ben pub",
    "fin jur form",
    "act",
    "dp:45 sp:35 bv:20",
    """Dans la tradition d'hospitalité du plateau, l'association accueille des familles
  réfugiées, organise cours de français et accompagnement vers l'emploi agricole local.""",
)
A(
    "commissaire-pauvrete-ara",
    "Commissariat à la lutte contre la pauvreté Auvergne-Rhône-Alpes",
    "etat",
    reg("84"),
    "1;1.2;1.3;10.2",
    "fin leg net",
    "eval",
    "act",
    "sp:100",
    """Service de l'État placé auprès du préfet de région, qui finance et coordonne les actions
  d'accès aux droits, d'insertion et d'aide alimentaire.""",
)
A(
    "fromagerie-veyrieres",
    "Fromagerie Veyrières",
    "entreprise",
    com("Aurillac"),
    "2;2.3;8.2;12.3",
    "fin mec loc",
    "anc com",
    "pp",
    "ra:100",
    """Fromagerie familiale qui collecte le lait de 80 fermes du Cantal et s'inquiète du
  non-remplacement des éleveurs partant à la retraite.""",
)
A(
    "cantines-alpines",
    "Cantines Alpines",
    "entreprise",
    com("Grenoble"),
    "2;2.4;12.3;12.7",
    "mec loc tech",
    "anc",
    "act",
    "cp:85 ra:15",
    """Société de restauration collective qui sert 25 000 repas par jour dans les écoles et les
  EHPAD, avec un objectif de 40 % de produits locaux et la réduction des restes.""",
)
A(
    "terres-communes-aurillac",
    "Terres Communes du Cantal",
    "association",
    com("Aurillac"),
    "2;2.3;2.4;8.9",
    "anc tech",
    "fin com",
    "sce",
    "co:60 sp:40",
    """Association de producteurs et de consommateurs qui organise un marché paysan et cherche
  à installer de jeunes agriculteurs sur des fermes sans repreneur.""",
)

# Occitanie (76) ------------------------------------------------------------------------------
A(
    "ville-toulouse",
    "Ville de Toulouse",
    "collectivite",
    com("Toulouse"),
    "11;11.3;2.1;4.4",
    "anc loc leg fin",
    "eval",
    "act",
    "",
    """Au Grand Mirail, la municipalité finance des jardins partagés et accompagne les associations
  de médiation numérique des centres sociaux.""",
)
A(
    "cuisines-nomades-mirail",
    "Les Cuisines Nomades",
    "association",
    com("Toulouse"),
    "2;2.1;8.5;12.3",
    "pub tech",
    "loc fin",
    "act",
    "ra:45 sp:35 mf:20",
    """Traiteur d'insertion installé au Mirail : une cuisine professionnelle transforme des
  invendus de légumes en plats vendus aux entreprises et aux crèches. Douze salariés en
  insertion y préparent un CAP.""",
)
A(
    "occitane-aerostructures",
    "Occitane Aérostructures",
    "entreprise",
    com("Toulouse"),
    "9;9.5;8.5;4.4",
    "mec fin tech",
    "anc pub",
    "act",
    "ra:100",
    """Sous-traitant aéronautique de 700 salariés. Son programme de mécénat de compétences met
  des ingénieurs à disposition d'associations d'éducation scientifique et d'insertion.""",
)
A(
    "labo-economie-sociale-midi",
    "Laboratoire d'Économie Sociale du Midi",
    "recherche",
    com("Toulouse"),
    "8;8.3;17.17;1.4",
    "eval rech",
    "fin anc",
    "act",
    "sp:65 fe:35",
    """Équipe universitaire qui analyse les modèles économiques des associations et des
  coopératives du Sud-Ouest et réalise des évaluations d'impact participatives.""",
)
A(
    "fondation-garonne-solidarites",
    "Fondation Garonne Solidarités",
    "fondation",
    com("Toulouse"),
    "1;2;4;17.17",
    "fin net",
    "eval anc",
    "act",
    "mf:70 dp:30",
    """Fondation abritée soutenue par des entreprises toulousaines. Elle finance l'aide
  alimentaire, la mobilité et l'éducation dans les quartiers et les bourgs de Haute-Garonne.""",
)
A(
    "quartiers-numeriques-toulousains",
    "Quartiers Numériques Toulousains",
    "association",
    com("Toulouse"),
    "4;4.4;10.2;9.c",
    "pub form",
    "fin num",
    "pp",
    "sp:70 mf:30",
    """Réseau de médiateurs présents dans huit centres sociaux : apprentissage du smartphone,
  démarches en ligne, lutte contre l'illectronisme chez les seniors.""",
)
A(
    "cooperative-velo-du-canal",
    "Coopérative Vélo du Canal",
    "cooperative",
    com("Toulouse"),
    "11;11.2;8.5;13.3",
    "tech pub",
    "fin com",
    "act",
    "ra:80 ii:20",
    """SCOP de coursiers à vélo salariés, alternative aux plateformes : livraisons pour les
  commerces et collecte des invendus pour des associations.""",
)
A(
    "collectif-jardins-du-mirail",
    "Collectif des Jardins du Mirail",
    "collectif",
    com("Toulouse"),
    "11;11.7;2.4",
    "ben anc",
    "loc tech",
    "pp",
    "bv:100",
    """Habitants qui cultivent ensemble des parcelles en pied d'immeuble. Ils demandent l'accès
  à l'eau et un abri à outils.""",
)
A(
    "ville-montpellier",
    "Ville de Montpellier",
    "collectivite",
    com("Montpellier"),
    "6;6.4;11.7;2.4",
    "anc leg fin",
    "rech eval",
    "act",
    "",
    """Fermes urbaines, cantines bio et réduction de l'arrosage des espaces verts : Montpellier
  construit une politique d'alimentation durable à l'épreuve des sécheresses.""",
)
A(
    "unite-agroecologie-mediterraneenne",
    "Unité Agroécologie méditerranéenne",
    "recherche",
    com("Montpellier"),
    "2;2.4;6.4;15.3",
    "rech eval tech",
    "anc pub",
    "pio",
    "sp:60 fe:30 mf:10",
    """Unité de recherche en agronomie qui travaille sur les cultures économes en eau et les
  systèmes alimentaires territoriaux autour de la Méditerranée.""",
)
A(
    "hydrosol",
    "Hydrosol",
    "entreprise",
    com("Montpellier"),
    "6;6.3;6.4;9.5",
    "tech rech mec",
    "pub leg net",
    "pp",
    "ii:70 ra:30",
    """Jeune entreprise qui conçoit des systèmes de réutilisation des eaux usées traitées pour
  l'arrosage. Elle cherche des terrains d'expérimentation chez des collectivités.""",
)
A(
    "potager-solidaire-garrigues",
    "Le Potager solidaire des Garrigues",
    "association",
    com("Montpellier"),
    "2;2.1;8.5;15.1",
    "pub ben",
    "fin eval",
    "act",
    "sp:45 ra:35 mf:20",
    """Chantier d'insertion maraîcher bio de quatre hectares. Les paniers sont vendus aux
  adhérents et une partie est donnée à l'épicerie sociale du quartier.""",
)
A(
    "epicerie-antigaspi-gard",
    "L'Épicerie anti-gaspi du Gard",
    "association",
    com("Nîmes"),
    "12;12.3;2.1",
    "pub ben",
    "fin loc",
    "pp",
    "ra:50 sp:30 dp:20",
    """Épicerie où l'on trouve à prix réduits des produits proches de leur date limite, récupérés
  auprès de grossistes, avec un tarif solidaire pour les étudiants.""",
)
A(
    "ville-nimes",
    "Ville de Nîmes",
    "collectivite",
    com("Nîmes"),
    "2;2.1;12.3;11.1",
    "anc loc leg fin",
    "eval",
    "act",
    "",
    """La ville prépare un plan alimentaire qui associe épiceries solidaires, marchés et
  restauration scolaire, et cherche des locaux pour les associations de lutte contre le
  gaspillage.""",
)
A(
    "legumerie-du-tarn",
    "Légumerie du Tarn",
    "cooperative",
    com("Albi"),
    "2;2.4;12.3;8.5",
    "tech loc",
    "pub fin",
    "act",
    "cp:60 ra:30 sp:10",
    """SCIC qui lave, épluche et découpe les légumes de producteurs tarnais pour les cantines.
  Les légumes moches y trouvent une seconde vie.""",
)
A(
    "ville-albi",
    "Ville d'Albi",
    "collectivite",
    com("Albi"),
    "2;2.4;12.7",
    "anc leg",
    "tech",
    "pio",
    "",
    """Albi vise l'autonomie alimentaire à l'échelle de la ville et a installé des maraîchers
  sur des terres municipales.""",
)
A(
    "filature-de-figeac",
    "La Filature de Figeac",
    "association",
    com("Figeac"),
    "11;11.a;8.3;4.4",
    "loc net pub",
    "fin jur",
    "act",
    "ra:40 sp:40 fe:20",
    """Tiers-lieu rural dans une ancienne filature : coworking, fablab, café-concert et pépinière
  d'artisans. Il accueille aussi une permanence France services.""",
)
A(
    "causses-en-commun",
    "Collectif Causses en Commun",
    "collectif",
    com("Millau"),
    "15;15.1;15.5;2.4",
    "ben anc",
    "fin rech",
    "sce",
    "",
    """Éleveurs, naturalistes et néoruraux qui veulent préserver les pelouses sèches et la
  biodiversité des causses. Le collectif se méfie des projets venus d'ailleurs.""",
)
A(
    "recyclerie-du-lodevois",
    "Recyclerie du Lodévois",
    "association",
    com("Lodève"),
    "12;12.5;8.5",
    "tech pub",
    "fin com loc net",
    "act",
    "ra:50 sp:40 bv:10",
    """Recyclerie qui collecte les encombrants à domicile sur tout le Lodévois et emploie
  quatorze salariés en insertion.""",
)
A(
    "ariege-energies-citoyennes",
    "Ariège Énergies Citoyennes",
    "cooperative",
    com("Foix"),
    "7;7.2;13.2",
    "tech form",
    "fin pub",
    "act",
    "fp:50 ii:30 ra:20",
    """Coopérative qui développe des toitures solaires et une petite centrale hydraulique
  citoyenne, avec 400 sociétaires ariégeois.""",
)
A(
    "departement-ariege",
    "Département de l'Ariège",
    "collectivite",
    dep("09"),
    "11;11.a;3.8;7.1",
    "fin leg anc",
    "eval",
    "act",
    "",
    """Territoire de montagne où l'accès aux soins et la rénovation des logements anciens sont les
  priorités du Département.""",
)
A(
    "fondation-causses-et-terroirs",
    "Fondation Causses et Terroirs",
    "fondation",
    com("Rodez"),
    "15;15.1;2.4;8.9",
    "fin leg",
    "anc eval",
    "pp",
    "mf:100",
    """Fondation d'entreprise d'une laiterie aveyronnaise, créée en 2025 pour soutenir la
  biodiversité des causses et l'installation de jeunes éleveurs. Elle cherche ses premiers
  partenaires de terrain.""",
)
A(
    "maison-sante-couserans",
    "Maison de santé du Couserans",
    "association",
    com("Saint-Girons"),
    "3;3.8;3.4",
    "pub tech",
    "fin loc",
    "act",
    "sp:60 ra:40",
    """Maison de santé pluriprofessionnelle qui organise des consultations avancées dans les
  villages et un réseau de repérage de la souffrance psychique en milieu agricole.""",
)
A(
    "pont-des-deux-rives",
    "Pont des Deux Rives",
    "association",
    com("Perpignan"),
    "10;10.7;4.6;8.5",
    "pub ben form",
    "fin loc jur",
    "act",
    "sp:50 dp:30 bv:20",
    """Accompagne les personnes réfugiées : apprentissage du français, accès au logement et
  mise en relation avec des employeurs agricoles et de l'hôtellerie.""",
)
A(
    "ville-perpignan",
    "Ville de Perpignan",
    "collectivite",
    com("Perpignan"),
    "11;11.1;10.2",
    "anc loc",
    "fin eval",
    "pp",
    "",
    """La ville engage la rénovation de son centre historique et cherche des partenaires pour
  l'accompagnement social des habitants.""",
)
A(
    "collectif-eau-vive-cevennes",
    "Collectif Eau vive des Cévennes",
    "collectif",
    com("Le Vigan"),
    "6;6.4;6.b;15.1",
    "ben anc",
    "tech fin",
    "pp",
    "",
    """Habitants qui réhabilitent les béals et les citernes de leurs hameaux pour faire face
  aux étés secs et animent des chantiers participatifs.""",
)
A(
    "lecture-en-corbieres",
    "Lecture en Corbières",
    "association",
    com("Lagrasse"),
    "4;4.6;11.4",
    "pub ben",
    "fin",
    "act",
    "sp ra dp",
    """Association qui fait vivre la lecture dans les villages des Corbières : bibliobus,
  ateliers d'écriture et festival littéraire en été.""",
)
A(
    "garage-solidaire-bassin-houiller",
    "Garage solidaire du Bassin",
    "association",
    com("Decazeville"),
    "11;11.2;8.5",
    "tech pub",
    "fin loc",
    "pp",
    "ra:50 sp:50",
    """Garage associatif qui répare les véhicules de ménages modestes et loue des voitures à
  un euro par jour pour les premiers mois d'un emploi.""",
)
A(
    "mission-eau-secheresse-occitanie",
    "Mission régionale eau et sécheresse Occitanie",
    "etat",
    reg("76"),
    "6;6.4;6.5;13.1",
    "leg fin tech",
    "anc eval",
    "act",
    "sp:100",
    """Mission interservices de l'État qui coordonne la gestion de la sécheresse et finance les
  économies d'eau et la réutilisation des eaux traitées.""",
)
A(
    "mutuelle-pyreneenne-solidaire",
    "Mutuelle pyrénéenne solidaire",
    "cooperative",
    com("Tarbes"),
    "3;3.8;3.4",
    "fin net",
    "pub",
    "act",
    "ra:100",
    """Mutuelle de santé qui soutient les maisons de santé rurales et la prévention du
  suicide chez les agriculteurs.""",
)
A(
    "vignerons-cooperateurs-corbieres",
    "Vignerons coopérateurs des Corbières",
    "cooperative",
    com("Carcassonne"),
    "12;12.2;6.4;15.3",
    "tech mec",
    "rech",
    "pp",
    "ra:100",
    """Cave coopérative de 300 vignerons qui cherche à adapter le vignoble à la sécheresse et
  à réduire sa consommation d'eau.""",
)

# Bretagne (53) -------------------------------------------------------------------------------
A(
    "recyclerie-pays-de-morlaix",
    "Recyclerie du Pays de Morlaix",
    "association",
    com("Morlaix"),
    "12;12.5;8.5",
    "tech pub form",
    "fin loc",
    "act",
    "ra:55 sp:30 fe:15",
    """Recyclerie de 900 m² qui collecte, répare et revend plus de 400 tonnes d'objets par an.
  Elle anime aussi des ateliers de couture et de réparation de petit électroménager.""",
)
A(
    "ville-morlaix",
    "Ville de Morlaix",
    "collectivite",
    com("Morlaix"),
    "12;12.5;11.3",
    "anc loc leg",
    "fin",
    "act",
    "",
    """Pour lutter contre la vacance commerciale, Morlaix prête d'anciens locaux du centre à des
  activités de réemploi et à des boutiques éphémères.""",
)
A(
    "ville-rennes",
    "Ville de Rennes",
    "collectivite",
    com("Rennes"),
    "11;11.3;11.7;2.4",
    "anc leg fin loc",
    "eval",
    "pio",
    "",
    """Rennes soutient les jardins nourriciers, l'habitat participatif et une politique
  alimentaire territoriale concertée avec les associations.""",
)
A(
    "garage-commun-rennes",
    "Le Garage Commun",
    "association",
    com("Rennes"),
    "11;11.3;12.5;8.3",
    "loc net pub",
    "fin jur",
    "act",
    "ra:50 sp:30 co:20",
    """Tiers-lieu installé dans un ancien garage automobile : atelier vélo, matériauthèque,
  bureaux partagés et cantine. Une quarantaine d'associations y passent chaque semaine.""",
)
A(
    "collectif-jardins-nourriciers-rennais",
    "Collectif rennais des Jardins nourriciers",
    "collectif",
    com("Rennes"),
    "2;2.4;11.7",
    "ben anc",
    "tech loc",
    "pp",
    "",
    """Habitants qui transforment pelouses et délaissés en potagers collectifs au pied des tours
  du Blosne. Ils cherchent des conseils agronomiques et un local pour les outils.""",
)
A(
    "hameaux-partages-bretagne",
    "Hameaux Partagés de Bretagne",
    "association",
    com("Rennes"),
    "11;11.1;10.2;3.8",
    "ing tech",
    "fin loc jur",
    "act",
    "sp:40 mf:30 ra:30",
    """Accompagne la création d'habitats inclusifs et intergénérationnels dans les bourgs
  bretons : petites maisons groupées autour d'une salle commune, pour des seniors et des jeunes
  en situation de handicap.""",
)
A(
    "labo-agronomie-bocage",
    "Laboratoire Agronomie et Bocage",
    "recherche",
    com("Rennes"),
    "2;2.4;15.1;15.5",
    "rech eval",
    "pub anc",
    "act",
    "sp:70 fe:20 mf:10",
    """Équipe de recherche qui étudie les haies, les sols et les systèmes herbagers bretons et
  co-construit ses protocoles avec des agriculteurs.""",
)
A(
    "labo-littoral-societes-brest",
    "Laboratoire Littoral et Sociétés",
    "recherche",
    com("Brest"),
    "14;14.1;14.2;14.b",
    "rech eval form",
    "anc fin",
    "pio",
    "sp:65 fe:35",
    """Laboratoire de géographes et d'écologues marins qui travaille sur les déchets en mer, la
  pêche artisanale et la gouvernance du littoral.""",
)
A(
    "ville-brest",
    "Ville de Brest",
    "collectivite",
    com("Brest"),
    "4;4.4;14.1;11.3",
    "anc leg loc",
    "eval",
    "act",
    "",
    """Brest soutient depuis longtemps les points d'accès publics au numérique dans ses quartiers et
  s'engage pour la protection de la rade.""",
)
A(
    "bidouilleurs-du-ponant",
    "Les Bidouilleurs du Ponant",
    "association",
    com("Brest"),
    "4;4.4;12.5;9.c",
    "form num ben",
    "loc fin",
    "act",
    "co:30 sp:40 ra:30",
    """Fablab associatif qui reconditionne des ordinateurs sous logiciels libres, anime des
  repair cafés et forme les bénévoles des points d'accès numérique.""",
)
A(
    "pecheurs-artisans-douarnenez",
    "Coopérative des pêcheurs artisans de Douarnenez",
    "cooperative",
    com("Douarnenez"),
    "14;14.4;14.b;12.3",
    "tech anc",
    "rech fin",
    "act",
    "ra:90 fe:10",
    """Coopérative de 45 navires de pêche côtière qui cherche à valoriser les espèces peu connues
  et à réduire les rejets en mer.""",
)
A(
    "ocean-propre-iroise",
    "Océan propre Iroise",
    "association",
    com("Plouguerneau"),
    "14;14.1;12.5",
    "ben pub com",
    "fin tech",
    "act",
    "dp:30 sp:40 mf:30",
    """Association qui organise des ramassages de déchets sur les grèves du Pays des Abers et
  caractérise chaque déchet collecté pour remonter aux sources de pollution.""",
)
A(
    "conserverie-de-l-odet",
    "Conserverie de l'Odet",
    "entreprise",
    com("Quimper"),
    "12;12.3;14.4;8.2",
    "mec fin loc",
    "pub",
    "pp",
    "ra:100",
    """Conserverie de poissons de 60 salariés qui veut mettre en boîte les invendus de criée et
  les espèces délaissées, en lien avec les pêcheurs locaux.""",
)
A(
    "fondation-ar-mor",
    "Fondation Ar Mor",
    "fondation",
    com("Brest"),
    "14;14.1;14.2;17.17",
    "fin net leg",
    "eval",
    "act",
    "mf:80 dp:20",
    """Fondation abritée dédiée à la protection de la mer et du littoral breton. Elle finance
  des projets de sciences participatives et de réduction des déchets marins.""",
)
A(
    "energies-citoyennes-kreiz-breizh",
    "Énergies Citoyennes du Kreiz Breizh",
    "cooperative",
    com("Rostrenen"),
    "7;7.2;13.2;11.a",
    "tech fin",
    "com pub",
    "act",
    "fp:45 ii:35 ra:20",
    """SCIC qui porte un parc éolien citoyen de quatre machines et des toitures solaires sur des
  bâtiments agricoles du centre Bretagne.""",
)
A(
    "grange-commune-mellionnec",
    "La Grange Commune",
    "association",
    com("Mellionnec"),
    "11;11.a;4.4;8.9",
    "loc net pub",
    "fin",
    "pp",
    "ra:45 sp:35 bv:20",
    """Tiers-lieu dans un village de 400 habitants : bar associatif, résidence de documentaristes,
  épicerie en vrac et atelier partagé. Il fait revivre le bourg toute l'année.""",
)
A(
    "mobilite-solidaire-argoat",
    "Mobilité solidaire Argoat",
    "association",
    com("Callac"),
    "11;11.2;10.2",
    "ben anc",
    "fin num",
    "pp",
    "sp:50 bv:50",
    """Transport solidaire à la demande par des conducteurs bénévoles pour les rendez-vous
  médicaux et les courses, dans des communes sans bus.""",
)
A(
    "departement-finistere",
    "Département du Finistère",
    "collectivite",
    dep("29"),
    "11;11.2;14.1;1.3",
    "fin leg anc",
    "eval",
    "act",
    "",
    """Mobilité solidaire en milieu rural et protection du littoral figurent parmi les politiques
  prioritaires de ce département maritime.""",
)
A(
    "departement-cotes-d-armor",
    "Département des Côtes-d'Armor",
    "collectivite",
    dep("22"),
    "3;3.4;11.1;10.2",
    "fin leg",
    "eval tech",
    "pp",
    "",
    """Le Département finance l'accompagnement en santé mentale et l'habitat inclusif.""",
)
A(
    "passeurs-d-ecoute",
    "Les Passeurs d'Écoute",
    "association",
    com("Saint-Brieuc"),
    "3;3.4;10.2",
    "form ben pub",
    "fin com",
    "act",
    "sp:55 dp:25 bv:20",
    """Forme des habitants, des élus et des commerçants aux premiers secours en santé mentale et
  tient une ligne d'écoute pour les jeunes ruraux.""",
)
A(
    "chantier-voiles-du-scorff",
    "Chantier d'insertion Les Voiles du Scorff",
    "cooperative",
    com("Lorient"),
    "8;8.5;14.1;12.5",
    "tech pub",
    "fin loc",
    "act",
    "sp:50 ra:35 fe:15",
    """Chantier d'insertion qui démantèle des bateaux de plaisance hors d'usage et réemploie les
  voiles en sacs et accessoires.""",
)
A(
    "terres-de-vilaine",
    "Coopérative Terres de Vilaine",
    "cooperative",
    com("Redon"),
    "2;2.3;12.8;11.a",
    "anc pub",
    "fin loc",
    "act",
    "ra:75 co:15 fp:10",
    """Supermarché coopératif et participatif où les 700 associés donnent trois heures par mois ;
  60 % des produits viennent de moins de 50 km.""",
)
A(
    "maison-culture-bretonne-poher",
    "Maison de la culture bretonne du Poher",
    "association",
    com("Carhaix-Plouguer"),
    "4;4.7;11.4",
    "pub anc",
    "fin com",
    "act",
    "sp ra co",
    """Cours de breton, fest-noz et collectage de chants anciens auprès des anciens du Poher.""",
)
A(
    "tregor-data-services",
    "Trégor Data Services",
    "entreprise",
    com("Lannion"),
    "9;9.c;4.4;17.8",
    "num mec tech",
    "anc",
    "act",
    "ra:100",
    """Éditeur de logiciels de 40 salariés qui ouvre ses compétences en données et cartographie
  aux associations du Trégor, en mécénat de compétences.""",
)
A(
    "legumerie-solidaire-du-leon",
    "Légumerie solidaire du Léon",
    "cooperative",
    com("Landerneau"),
    "2;2.4;12.3;8.5",
    "tech loc",
    "fin pub",
    "pp",
    "ra:60 sp:40",
    """Atelier d'insertion qui transforme les légumes hors calibre des maraîchers du Léon en
  soupes et purées pour la restauration collective.""",
)
A(
    "imprimerie-ker-print",
    "Imprimerie Ker Print",
    "entreprise",
    com("Pontivy"),
    "12;12.2;8.5",
    "mec com",
    "pub",
    "pp",
    "ra:100",
    """Imprimerie labellisée de 25 salariés qui propose aux associations du centre Bretagne de
  concevoir gratuitement leurs affiches et leurs rapports d'activité.""",
)
A(
    "prefecture-finistere",
    "Préfecture du Finistère",
    "etat",
    dep("29"),
    "14;14.2;16.6;8.5",
    "leg fin",
    "anc",
    "act",
    "sp:100",
    """Représentation de l'État dans le Finistère ; sa délégation à la mer et au littoral suit la
  qualité des eaux et des plages, son service de l'insertion les chantiers d'insertion.""",
)
A(
    "fondation-kerlann",
    "Fondation Kerlann",
    "fondation",
    com("Vannes"),
    "4;4.4;10.2;1.4",
    "fin leg",
    "anc eval net",
    "pp",
    "mf:90 dp:10",
    """Fondation familiale morbihannaise qui soutient l'éducation et l'accès aux droits des
  jeunes ruraux. Elle vient d'ouvrir son premier appel à projets.""",
)

# Nouvelle-Aquitaine (75) ---------------------------------------------------------------------
A(
    "ville-bordeaux",
    "Ville de Bordeaux",
    "collectivite",
    com("Bordeaux"),
    "11;11.1;2.1;10.2",
    "anc loc leg fin",
    "eval",
    "act",
    "",
    """Un plan municipal de lutte contre la précarité alimentaire, avec un soutien renforcé aux
  épiceries solidaires des quartiers nord.""",
)
A(
    "halles-solidaires-bacalan",
    "Les Halles solidaires de Bacalan",
    "association",
    com("Bordeaux"),
    "2;2.1;12.3;1.2",
    "pub ben",
    "fin loc com",
    "act",
    "sp:45 ra:25 mf:20 bv:10",
    """Épicerie solidaire et cantine de quartier où chacun paie selon ses moyens. Les produits
  frais proviennent de dons d'invendus et de maraîchers girondins.""",
)
A(
    "grenier-beglais",
    "Ressourcerie Le Grenier béglais",
    "association",
    com("Bègles"),
    "12;12.5;8.5",
    "tech pub",
    "loc fin",
    "act",
    "ra:60 sp:30 bv:10",
    """Ressourcerie qui sauve chaque année 350 tonnes d'objets de la benne et propose des
  ateliers de relooking de meubles.""",
)
A(
    "regie-rive-droite",
    "Régie Rive Droite",
    "cooperative",
    com("Lormont"),
    "8;8.5;11.1;7.1",
    "pub tech anc",
    "fin form",
    "act",
    "cp:60 sp:30 ra:10",
    """Régie de quartier qui emploie les habitants pour l'entretien des résidences et
  l'accompagnement des locataires aux éco-gestes et à la maîtrise des factures d'énergie.""",
)
A(
    "labo-innovation-sociale-aquitaine",
    "Laboratoire Innovation sociale Aquitaine",
    "recherche",
    com("Bordeaux"),
    "10;17.17;11.3",
    "eval rech",
    "anc fin",
    "act",
    "sp:70 fe:30",
    """Équipe de chercheurs qui étudie l'innovation sociale dans les territoires ruraux et
  urbains du Sud-Ouest et forme les acteurs à l'évaluation.""",
)
A(
    "ducasse-constructions",
    "Ducasse Constructions",
    "entreprise",
    com("Bordeaux"),
    "11;11.1;7.3;8.5",
    "mec tech fin",
    "pub",
    "pp",
    "ra:100",
    """Entreprise générale de bâtiment de 400 salariés. Ses clauses d'insertion dans les marchés
  publics l'ont conduite à travailler avec des structures d'insertion, et elle veut aller plus
  loin.""",
)
A(
    "mutuelle-niortaise-entraide",
    "Mutuelle niortaise d'Entraide",
    "cooperative",
    com("Niort"),
    "3;3.8;1.3;10.2",
    "fin net eval",
    "anc",
    "pio",
    "ra:100",
    """Mutuelle d'assurance dont le fonds social soutient les aidants familiaux et les projets
  d'accès aux soins dans les territoires ruraux.""",
)
A(
    "fondation-sevre-solidaire",
    "Fondation Sèvre Solidaire",
    "fondation",
    com("Niort"),
    "3;3.8;10.2;17.17",
    "fin leg net",
    "eval",
    "act",
    "mf:85 ii:15",
    """Fondation d'entreprise qui finance la santé, l'autonomie des personnes âgées et la
  coopération entre mutuelles et associations.""",
)
A(
    "cooperative-bois-millevaches",
    "Coopérative Bois du Plateau",
    "cooperative",
    com("Eymoutiers"),
    "15;15.2;12.2;8.2",
    "tech anc",
    "fin com",
    "act",
    "ra:80 fp:20",
    """SCIC qui regroupe propriétaires forestiers, scieurs et menuisiers du plateau de
  Millevaches pour une gestion forestière douce et du bois local.""",
)
A(
    "collectif-felletin-ensemble",
    "Collectif Felletin Ensemble",
    "collectif",
    com("Felletin"),
    "11;11.a;8.9;11.4",
    "ben anc",
    "fin ing",
    "pp",
    "bv fp dp",
    """Habitants qui rachètent des commerces vacants du centre-bourg pour y installer artisans et
  services. Revitalisation rurale par la propriété collective.""",
)
A(
    "etabli-creusois",
    "Tiers-lieu L'Établi creusois",
    "association",
    com("Guéret"),
    "11;11.3;8.3;4.4",
    "loc pub net",
    "fin jur",
    "act",
    "ra:45 sp:40 fe:15",
    """Tiers-lieu numérique et artisanal : espaces de coworking, fablab et formations au
  numérique pour les demandeurs d'emploi creusois.""",
)
A(
    "departement-creuse",
    "Département de la Creuse",
    "collectivite",
    dep("23"),
    "11;11.a;4.4;3.8",
    "fin leg anc",
    "eval tech",
    "act",
    "",
    """Premier financeur des tiers-lieux creusois, le Département mise aussi sur l'accès aux soins et
  l'accueil de nouveaux habitants pour enrayer la baisse de la population.""",
)
A(
    "tapisserie-solidaire-aubusson",
    "Atelier de tapisserie solidaire",
    "association",
    com("Aubusson"),
    "8;8.9;4.4;11.4",
    "form tech",
    "fin com",
    "pp",
    "ra:50 sp:40 dp:10",
    """Forme aux métiers de la tapisserie et de la restauration textile des personnes en
  reconversion, pour transmettre un savoir-faire menacé.""",
)
A(
    "ville-limoges",
    "Ville de Limoges",
    "collectivite",
    com("Limoges"),
    "11;11.3;4.4",
    "anc leg loc",
    "fin eval",
    "act",
    "",
    """Limoges subventionne une centaine d'associations d'éducation populaire et vient de créer un
  poste de coordination de l'inclusion numérique.""",
)
A(
    "labo-ruralites-sante",
    "Laboratoire Ruralités et Santé",
    "recherche",
    com("Limoges"),
    "3;3.8;11.a",
    "rech eval",
    "pub anc",
    "act",
    "sp:80 fe:20",
    """Épidémiologistes et sociologues qui étudient l'accès aux soins et la santé mentale dans
  les campagnes du Limousin.""",
)
A(
    "acces-numerique-vienne",
    "Accès Numérique Vienne",
    "association",
    com("Poitiers"),
    "4;4.4;10.2",
    "pub form",
    "fin num",
    "act",
    "sp:65 mf:20 ra:15",
    """Point d'accès numérique itinérant qui sillonne les villages de la Vienne dans un camion
  équipé de postes informatiques.""",
)
A(
    "littoral-zero-dechet",
    "Littoral Zéro Déchet",
    "association",
    com("La Rochelle"),
    "14;14.1;12.5;12.8",
    "com ben",
    "fin tech",
    "act",
    "sp:40 mf:35 co:25",
    """Association qui accompagne les plagistes, les restaurateurs et les ports de plaisance
  vers le zéro plastique.""",
)
A(
    "chantier-naval-atlantique-durable",
    "Chantier naval Atlantique durable",
    "entreprise",
    com("La Rochelle"),
    "14;14.1;9.4;12.5",
    "mec tech",
    "com",
    "pp",
    "ra:100",
    """Chantier de construction de voiliers qui développe la déconstruction et le recyclage des
  coques en composite.""",
)
A(
    "elkar-bizi-bayonne",
    "Elkar Bizi",
    "association",
    com("Bayonne"),
    "11;11.1;10.2;1.4",
    "pub anc",
    "fin jur loc",
    "act",
    "sp:50 dp:25 ra:25",
    """Association basque qui loge des jeunes travailleurs et des saisonniers dans des
  logements rénovés, face à la flambée des loyers sur la côte.""",
)
A(
    "pau-bearn-insertion",
    "Pau Béarn Insertion",
    "cooperative",
    com("Pau"),
    "8;8.5;12.5;11.6",
    "pub tech",
    "fin",
    "act",
    "cp:50 sp:40 ra:10",
    """Entreprise d'insertion qui assure la collecte des biodéchets des restaurants et le
  compostage, avec 25 salariés en parcours.""",
)
A(
    "collectif-vallee-aspe",
    "Collectif de la vallée d'Aspe",
    "collectif",
    com("Oloron-Sainte-Marie"),
    "15;15.4;6.6;15.5",
    "ben anc",
    "rech fin",
    "sce",
    "",
    """Bergers et habitants qui veulent protéger les torrents et la biodiversité de la vallée, et
  doutent des projets touristiques venus de la plaine.""",
)
A(
    "espadrille-souletine",
    "Atelier coopératif de l'espadrille souletine",
    "cooperative",
    com("Mauléon-Licharre"),
    "8;8.2;12.2;8.9",
    "tech form",
    "com fin",
    "pp",
    "ra:85 fp:15",
    """SCOP de dix artisanes qui relance la fabrication d'espadrilles en toile et jute locales et
  forme de jeunes apprenties.""",
)
A(
    "epicerie-sociale-bergeracois",
    "Épicerie sociale du Bergeracois",
    "association",
    com("Bergerac"),
    "2;2.1;12.3",
    "pub ben",
    "fin loc",
    "pp",
    "sp dp bv",
    """Épicerie sociale qui accueille 180 familles par semaine et collecte les invendus de trois
  supermarchés.""",
)
A(
    "departement-dordogne",
    "Département de la Dordogne",
    "collectivite",
    dep("24"),
    "2;2.1;11.2;1.3",
    "fin leg anc",
    "eval",
    "act",
    "",
    """Le Département finance l'aide alimentaire, la mobilité rurale et un programme
  d'approvisionnement local des collèges.""",
)
A(
    "prefecture-gironde",
    "Préfecture de la Gironde",
    "etat",
    dep("33"),
    "16;16.6;1.2;8.5",
    "leg fin",
    "eval anc",
    "act",
    "sp:100",
    """Le pôle cohésion sociale de la préfecture de la Gironde finance l'aide alimentaire,
  l'insertion et les projets des quartiers prioritaires.""",
)
A(
    "fondation-estuaire",
    "Fondation Estuaire",
    "fondation",
    com("Bordeaux"),
    "1;2;10;17.17",
    "fin net",
    "eval anc",
    "act",
    "mf:75 dp:25",
    """Fondation territoriale girondine qui réunit des PME, des viticulteurs et des particuliers
  autour de la lutte contre la pauvreté.""",
)
A(
    "vergers-solidaires-marmandais",
    "Vergers solidaires du Marmandais",
    "collectif",
    com("Marmande"),
    "2;2.1;12.3;15.1",
    "ben anc",
    "loc fin",
    "sce",
    "",
    """Des retraités qui glanent les fruits non récoltés des vergers et les transforment en
  confitures et jus pour les associations d'aide alimentaire.""",
)

# Grand Est (44) ------------------------------------------------------------------------------
A(
    "ville-strasbourg",
    "Ville de Strasbourg",
    "collectivite",
    com("Strasbourg"),
    "11;11.1;10.2;16.7",
    "anc leg loc fin",
    "eval",
    "act",
    "",
    """Budgets participatifs, épiceries solidaires et hébergement des personnes exilées : la
  municipalité strasbourgeoise associe étroitement les habitants à ses choix.""",
)
A(
    "epicerie-solidaire-neuhof",
    "Épicerie solidaire du Neuhof",
    "association",
    com("Strasbourg"),
    "2;2.1;1.2",
    "pub ben",
    "fin loc",
    "act",
    "sp:55 dp:25 bv:20",
    """Épicerie solidaire d'un grand quartier populaire, complétée par des ateliers cuisine et
  budget animés par les bénéficiaires eux-mêmes.""",
)
A(
    "recyclerie-rhenane",
    "Recyclerie rhénane",
    "cooperative",
    com("Strasbourg"),
    "12;12.5;8.5;8.3",
    "tech pub",
    "fin loc",
    "act",
    "ra:55 sp:30 fe:15",
    """SCIC qui collecte le mobilier de bureau des entreprises et le réemploie, tout en formant
  des salariés en insertion aux métiers de la logistique.""",
)
A(
    "labo-dynamiques-europeennes",
    "Laboratoire Dynamiques européennes des territoires",
    "recherche",
    com("Strasbourg"),
    "17;17.17;10.2;16.7",
    "eval rech",
    "anc",
    "act",
    "sp:55 fe:45",
    """Équipe de politistes et de géographes qui compare les coopérations territoriales de part
  et d'autre du Rhin et anime des évaluations transfrontalières.""",
)
A(
    "passerelle-numerique-messine",
    "La Passerelle numérique messine",
    "association",
    com("Metz"),
    "4;4.4;10.2",
    "pub form",
    "fin num loc",
    "act",
    "sp:60 mf:25 ra:15",
    """Permanences d'aide numérique, prêt de tablettes et formation des aidants familiaux pour
  accompagner les personnes âgées dans leurs démarches.""",
)
A(
    "energie-warndt",
    "Coopérative Énergie Warndt",
    "cooperative",
    com("Forbach"),
    "7;7.2;7.1;8.5",
    "tech fin",
    "pub com",
    "pp",
    "fp:50 ii:30 fe:20",
    """Coopérative citoyenne qui étudie la récupération de la chaleur des anciennes galeries de
  mine pour chauffer les logements du bassin houiller.""",
)
A(
    "toits-solidaires-lorrains",
    "Toits solidaires lorrains",
    "association",
    com("Nancy"),
    "7;7.1;11.1;1.4",
    "tech pub",
    "fin mec",
    "act",
    "sp:50 mf:30 bv:20",
    """Accompagne les propriétaires modestes dans la rénovation énergétique de leur logement :
  visite, diagnostic, montage des aides et suivi du chantier. La précarité énergétique y est
  traitée à domicile.""",
)
A(
    "quai-des-tisserands",
    "Tiers-lieu Le Quai des Tisserands",
    "association",
    com("Mulhouse"),
    "11;11.3;8.3;12.5",
    "loc net",
    "fin jur com",
    "pp",
    "ra:40 sp:40 fp:20",
    """Tiers-lieu dans une friche textile : ateliers d'artisans, ressourcerie, scène musicale et
  jardin. Il se cherche encore un modèle économique.""",
)
A(
    "moselle-acier",
    "Moselle Acier",
    "entreprise",
    com("Thionville"),
    "9;9.4;8.5;7.2",
    "fin mec tech",
    "anc",
    "sce",
    "ra:100",
    """Aciériste de 1 200 salariés qui doit décarboner ses fours et réfléchit, sans grande
  conviction encore, à son ancrage local.""",
)
A(
    "champagne-maison-delorme",
    "Champagne Maison Delorme",
    "entreprise",
    com("Reims"),
    "8;8.9;15.1;12.6",
    "fin mec",
    "pub",
    "pp",
    "ra:100",
    """Maison de champagne familiale qui consacre une part de ses bénéfices à des projets de
  biodiversité dans le vignoble et d'insertion des vendangeurs.""",
)
A(
    "entraide-alimentaire-remoise",
    "Entraide alimentaire rémoise",
    "association",
    com("Reims"),
    "2;2.1;12.3",
    "ben pub loc",
    "fin",
    "act",
    "dp:40 sp:35 bv:25",
    """Réseau de distribution alimentaire qui récupère les invendus des boulangeries et des
  supermarchés et les redistribue le soir même.""",
)
A(
    "friperie-troyes-textile",
    "Troyes Textile Solidaire",
    "association",
    com("Troyes"),
    "12;12.5;8.5;5.5",
    "tech pub",
    "fin com",
    "act",
    "ra:55 sp:45",
    """Friperie et atelier de retouche qui emploie des femmes éloignées de l'emploi et
  revalorise les chutes des fabricants de bonneterie troyens.""",
)
A(
    "garage-solidaire-ardennais",
    "Garage solidaire ardennais",
    "association",
    com("Charleville-Mézières"),
    "11;11.2;8.5",
    "tech pub",
    "fin",
    "act",
    "ra:45 sp:55",
    """Garage associatif et location de voitures et scooters pour les personnes en insertion
  des Ardennes.""",
)
A(
    "departement-ardennes",
    "Département des Ardennes",
    "collectivite",
    dep("08"),
    "11;11.2;8.5;1.2",
    "fin leg anc",
    "eval ing",
    "act",
    "",
    """Ici, la mobilité est le premier frein à l'emploi : le Département finance permis, location de
  véhicules et réparations pour les allocataires du RSA, et un plan pour les bourgs ruraux.""",
)
A(
    "collectif-vouziers-demain",
    "Collectif Vouziers Demain",
    "collectif",
    com("Vouziers"),
    "11;11.a;8.9",
    "ben anc",
    "fin ing net",
    "sce",
    "",
    """Commerçants et habitants qui veulent rouvrir un cinéma et créer une halle de producteurs
  dans le centre-ville.""",
)
A(
    "cooperative-forestiere-vosges",
    "Coopérative forestière des Vosges",
    "cooperative",
    com("Rambervillers"),
    "15;15.2;13.1;12.2",
    "tech anc",
    "rech fin",
    "act",
    "ra:85 sp:15",
    """Coopérative de propriétaires forestiers qui adapte les forêts vosgiennes au changement
  climatique et développe le bois d'œuvre local.""",
)
A(
    "service-regional-foret-grand-est",
    "Service régional de la forêt et du bois Grand Est",
    "etat",
    reg("44"),
    "15;15.2;13.1;13.3",
    "leg fin tech",
    "anc pub",
    "act",
    "sp:100",
    """Service déconcentré de l'État qui accompagne l'adaptation des forêts au changement
  climatique et finance les projets collectifs des propriétaires et des communes forestières.""",
)
A(
    "fondation-alsace-partage",
    "Fondation Alsace Partage",
    "fondation",
    com("Colmar"),
    "1;10;17.17",
    "fin net",
    "eval",
    "act",
    "mf:70 dp:30",
    """Fondation territoriale alsacienne qui mobilise entreprises et particuliers pour
  l'insertion et l'aide aux personnes isolées.""",
)
A(
    "prefecture-moselle",
    "Préfecture de la Moselle",
    "etat",
    dep("57"),
    "16;16.6;8.5;7.2",
    "leg fin",
    "anc",
    "act",
    "sp:100",
    """En Moselle, les services de l'État accompagnent la reconversion des anciens sites miniers et
  sidérurgiques.""",
)
A(
    "eurometropole-strasbourg",
    "Eurométropole de Strasbourg",
    "collectivite",
    com("Strasbourg"),
    "12;12.5;11.6",
    "fin leg loc",
    "tech",
    "act",
    "",
    """Intercommunalité qui pilote la prévention des déchets et les filières de réemploi sur
  33 communes.""",
)
A(
    "tremplins-vosgiens",
    "Tremplins vosgiens",
    "association",
    com("Épinal"),
    "4;4.4;8.6",
    "form pub",
    "fin mec",
    "pp",
    "sp:80 mf:20",
    """Formation et accompagnement de jeunes sans qualification vers l'emploi, par des stages
  en entreprise et un suivi individuel.""",
)
A(
    "maison-bitche-solidaire",
    "Maison solidaire du Pays de Bitche",
    "association",
    com("Bitche"),
    "1;1.2;10.2;2.1",
    "pub ben anc",
    "fin",
    "sce",
    "sp:70 dp:30",
    """Association rurale qui tient une épicerie solidaire, une laverie et un point conseil
  budget dans un territoire frontalier isolé.""",
)

# Pays de la Loire (52) -----------------------------------------------------------------------
A(
    "nantes-metropole",
    "Nantes Métropole",
    "collectivite",
    com("Nantes"),
    "12;12.5;11.6;8.3",
    "fin leg anc loc",
    "eval",
    "pio",
    "",
    """La métropole soutient l'économie sociale et solidaire, les recycleries de déchetterie et
  la commande publique responsable.""",
)
A(
    "ville-reze",
    "Ville de Rezé",
    "collectivite",
    com("Rezé"),
    "11;11.7;2.4;10.2",
    "anc loc leg",
    "fin",
    "act",
    "",
    """Commune de l'agglomération nantaise qui développe jardins partagés et vergers publics
  avec ses associations de quartier.""",
)
A(
    "marche-solidaire-bellevue",
    "Le Marché solidaire de Bellevue",
    "association",
    com("Saint-Herblain"),
    "2;2.1;12.3;1.2",
    "pub ben",
    "fin loc",
    "act",
    "sp:50 ra:25 bv:25",
    """Épicerie solidaire et marché de légumes à prix libre qui écoule les surplus des
  maraîchers nantais et les invendus de la grande distribution.""",
)
A(
    "ressourcerie-de-l-ile",
    "Ressourcerie de l'Île",
    "association",
    com("Nantes"),
    "12;12.5;8.5;4.7",
    "tech pub form",
    "fin loc",
    "act",
    "ra:60 sp:25 fe:15",
    """Ressourcerie installée sur l'île de Nantes, qui forme aussi des animateurs à la
  sensibilisation au réemploi dans les écoles.""",
)
A(
    "atlantique-recup-batiment",
    "Atlantique Récup' Bâtiment",
    "cooperative",
    com("Bouguenais"),
    "12;12.5;9.4;11.6",
    "tech loc",
    "pub com",
    "act",
    "ra:70 ii:20 sp:10",
    """SCIC de réemploi des matériaux de construction : dépose soignée avant démolition,
  stockage et revente aux artisans. Elle fournit aussi des diagnostics ressources.""",
)
A(
    "chantiers-navals-estuaire",
    "Chantiers navals de l'Estuaire",
    "entreprise",
    com("Saint-Nazaire"),
    "9;9.4;8.5;14.1",
    "mec fin tech",
    "pub anc",
    "act",
    "ra:100",
    """Grand chantier naval dont les salariés retraités et actifs encadrent en mécénat de
  compétences des jeunes en apprentissage des métiers de la soudure et de la chaudronnerie.""",
)
A(
    "labo-ouest-innovation-sociale",
    "Laboratoire Ouest Innovation sociale",
    "recherche",
    com("Nantes"),
    "8;8.3;17.17;12.5",
    "eval rech form",
    "anc",
    "act",
    "sp:60 fe:25 mf:15",
    """Équipe universitaire qui accompagne les pôles de coopération de l'Ouest et étudie les
  filières de réemploi et l'emploi dans l'ESS.""",
)
A(
    "fondation-loire-solidaire",
    "Fondation Loire solidaire",
    "fondation",
    com("Angers"),
    "2;8;10;17.17",
    "fin net leg",
    "eval",
    "act",
    "mf:80 ii:20",
    """Fondation territoriale ligérienne qui finance l'insertion, l'alimentation durable et
  la coopération entre acteurs de l'ESS.""",
)
A(
    "potagers-de-la-maine",
    "Les Potagers de la Maine",
    "association",
    com("Angers"),
    "2;2.4;8.5;15.1",
    "pub tech",
    "fin eval",
    "act",
    "ra:45 sp:40 mf:15",
    """Jardin d'insertion qui produit des paniers bio pour 350 familles adhérentes et accueille
  une trentaine de salariés en parcours.""",
)
A(
    "collectif-saumurois-eau",
    "Collectif saumurois pour l'eau",
    "collectif",
    com("Saumur"),
    "6;6.3;6.6",
    "ben anc",
    "rech tech",
    "sce",
    "",
    """Riverains de la Loire et du Thouet qui s'inquiètent de la qualité de l'eau et
  réclament des analyses indépendantes.""",
)
A(
    "mode-du-choletais",
    "Mode du Choletais",
    "entreprise",
    com("Cholet"),
    "12;12.5;8.2;5.5",
    "mec tech",
    "pub",
    "pp",
    "ra:100",
    """Atelier de confection de vêtements pour enfants qui relocalise une partie de sa
  production et cherche à recruter des couturières formées localement.""",
)
A(
    "mobilite-sarthe-solidaire",
    "Mobilité Sarthe solidaire",
    "association",
    com("Le Mans"),
    "11;11.2;8.5",
    "tech pub form",
    "fin",
    "act",
    "sp:70 ra:30",
    """Plateforme de mobilité qui loue des vélos électriques et des voiturettes, et anime des
  formations au code pour les publics en insertion.""",
)
A(
    "laval-numerique-citoyen",
    "Laval Numérique citoyen",
    "association",
    com("Laval"),
    "4;4.4;16.10;9.c",
    "form num",
    "fin loc",
    "pp",
    "co:40 sp:60",
    """Association d'informaticiens bénévoles qui forment les habitants à la protection de
  leurs données et accompagnent les associations dans leurs outils numériques.""",
)
A(
    "collectif-nord-mayenne-paysan",
    "Collectif Nord-Mayenne paysan",
    "collectif",
    com("Mayenne"),
    "2;2.3;2.4;8.9",
    "anc ben",
    "fin com",
    "pp",
    "bv:100",
    """Paysans et habitants qui organisent la vente directe et l'installation de jeunes
  éleveurs.""",
)
A(
    "departement-vendee",
    "Département de la Vendée",
    "collectivite",
    dep("85"),
    "2;2.4;11.2;3.8",
    "fin leg anc",
    "eval",
    "act",
    "",
    """Approvisionnement local des collèges et mobilité des jeunes ruraux sont les deux chantiers que
  le Département souhaite ouvrir aux partenariats.""",
)
A(
    "maraichers-de-vendee",
    "Maraîchers coopérateurs de Vendée",
    "cooperative",
    com("La Roche-sur-Yon"),
    "2;2.3;12.3",
    "tech loc",
    "pub",
    "act",
    "ra:100",
    """Coopérative de 60 maraîchers qui cherche des débouchés pour ses légumes déclassés.""",
)
A(
    "forge-du-castelbriantais",
    "La Forge du Castelbriantais",
    "association",
    com("Châteaubriant"),
    "11;11.a;8.3;4.4",
    "loc pub",
    "fin jur ing",
    "pp",
    "ra:30 sp:50 fp:20",
    """Jeune tiers-lieu rural dans une ancienne forge : atelier partagé, coworking et café
  associatif, encore en quête de son modèle économique.""",
)
A(
    "clisson-vignes-vivantes",
    "Clisson Vignes vivantes",
    "collectif",
    com("Clisson"),
    "15;15.5;15.1;12.2",
    "ben anc",
    "fin rech",
    "sce",
    "",
    """Vignerons et naturalistes du vignoble nantais qui replantent des haies et observent
  chauves-souris et oiseaux.""",
)
A(
    "prefecture-loire-atlantique",
    "Préfecture de la Loire-Atlantique",
    "etat",
    dep("44"),
    "16;16.6;8.5;1.2",
    "leg fin",
    "eval",
    "act",
    "sp:100",
    """L'unité départementale de l'emploi et des solidarités y suit les structures d'insertion,
  l'aide alimentaire et les jeunes en difficulté.""",
)
A(
    "habitat-inclusif-ligerien",
    "Habitat inclusif ligérien",
    "association",
    com("Saumur"),
    "11;11.1;3.8;10.2",
    "pub ing",
    "fin loc jur",
    "pp",
    "sp:50 mf:30 dp:20",
    """Projet de maisons partagées pour des personnes âgées isolées dans les communes rurales
  du Saumurois.""",
)
A(
    "ancenis-epicerie-mobile",
    "L'Épicerie mobile du Pays d'Ancenis",
    "association",
    com("Ancenis-Saint-Géréon"),
    "2;2.1;11.2;10.2",
    "pub ben",
    "fin loc",
    "sce",
    "sp:60 dp:20 bv:20",
    """Un camion-épicerie solidaire qui dessert une fois par semaine douze villages sans commerce
  et s'arrête devant les résidences seniors.""",
)

# Provence-Alpes-Côte d'Azur (93) -------------------------------------------------------------
A(
    "ville-marseille",
    "Ville de Marseille",
    "collectivite",
    com("Marseille"),
    "11;11.1;2.1;4.a",
    "anc leg loc fin",
    "eval",
    "act",
    "",
    """Rénovation des écoles et soutien aux initiatives alimentaires des quartiers nord sont au cœur
  du mandat municipal.""",
)
A(
    "paniers-des-quartiers-nord",
    "Les Paniers des Quartiers Nord",
    "association",
    com("Marseille"),
    "2;2.1;2.4;12.3",
    "pub ben anc",
    "fin loc com",
    "act",
    "sp:45 mf:30 ra:25",
    """Distribution de paniers de fruits et légumes frais à prix solidaire dans les cités des
  14e et 15e arrondissements, en lien avec des maraîchers de la Crau.""",
)
A(
    "cuisine-commune-belle-de-mai",
    "Cuisine commune de la Belle de Mai",
    "collectif",
    com("Marseille"),
    "2;2.1;5.5;10.2",
    "ben pub",
    "loc jur fin",
    "pp",
    "dp:40 bv:60",
    """Des mères de famille qui cuisinent ensemble dans une salle paroissiale et livrent des
  repas aux voisins isolés. Elles aimeraient créer leur activité de traiteur.""",
)
A(
    "cabanon-solidaire",
    "Tiers-lieu Le Cabanon solidaire",
    "association",
    com("Marseille"),
    "11;11.3;8.3;12.5",
    "loc net pub",
    "fin jur",
    "act",
    "ra:50 sp:30 fp:20",
    """Tiers-lieu de quartier avec atelier de réparation, cuisine partagée, bureau des
  associations et terrasse ombragée.""",
)
A(
    "mer-propre-calanques",
    "Mer propre Calanques",
    "association",
    com("Marseille"),
    "14;14.1;14.2;15.5",
    "ben com",
    "fin tech",
    "act",
    "dp:35 mf:40 sp:25",
    """Plongeurs bénévoles qui retirent filets fantômes et macro-déchets des fonds marins et
  sensibilisent les plaisanciers.""",
)
A(
    "labo-mediterraneen-solidarites",
    "Laboratoire méditerranéen des Solidarités",
    "recherche",
    com("Marseille"),
    "10;10.2;11.1;17.17",
    "eval rech",
    "anc fin",
    "act",
    "sp:65 fe:35",
    """Chercheurs en sociologie urbaine et en santé publique qui étudient les solidarités de
  quartier et l'accès aux droits dans les villes méditerranéennes.""",
)
A(
    "fondation-mistral-solidaire",
    "Fondation Mistral Solidaire",
    "fondation",
    com("Marseille"),
    "1;4;10;17.17",
    "fin net leg",
    "eval anc",
    "act",
    "mf:80 dp:20",
    """Fondation territoriale qui réunit une cinquantaine d'entreprises provençales autour de
  l'éducation, de l'emploi des jeunes et de la cohésion sociale.""",
)
A(
    "compagnie-maritime-phoceenne",
    "Compagnie maritime phocéenne",
    "entreprise",
    com("Marseille"),
    "14;14.1;8.5",
    "fin mec loc",
    "pub",
    "pp",
    "ra:100",
    """Armateur de ferries qui finance la protection du littoral et propose des stages à bord à
  des jeunes des quartiers.""",
)
A(
    "maison-accueil-des-cretes",
    "Maison de l'Accueil des Crêtes",
    "association",
    com("Briançon"),
    "10;10.7;3.8",
    "ben anc pub",
    "fin loc jur",
    "act",
    "dp:60 sp:20 bv:20",
    """Lieu d'accueil d'urgence en montagne pour les personnes exilées qui franchissent la
  frontière : repas, soins, orientation.""",
)
A(
    "departement-hautes-alpes",
    "Département des Hautes-Alpes",
    "collectivite",
    dep("05"),
    "11;11.2;3.8;15.4",
    "fin leg",
    "eval",
    "pp",
    "",
    """Collectivité de montagne qui doit maintenir des services dans des vallées isolées : mobilité
  des saisonniers, accès aux soins, accueil d'urgence.""",
)
A(
    "semences-haute-provence",
    "Coopérative Semences de Haute-Provence",
    "cooperative",
    com("Forcalquier"),
    "2;2.5;15.5",
    "tech form",
    "fin",
    "act",
    "ra:70 sp:30",
    """Coopérative qui conserve et multiplie des variétés anciennes de blé et de légumineuses
  adaptées au climat sec.""",
)
A(
    "soleil-de-haute-provence",
    "Soleil de Haute-Provence",
    "cooperative",
    com("Manosque"),
    "7;7.2;13.2",
    "tech fin",
    "pub",
    "act",
    "fp:55 ii:45",
    """Coopérative d'énergie citoyenne qui installe des ombrières solaires sur les parkings et
  les bâtiments agricoles.""",
)
A(
    "legumerie-du-comtat",
    "Légumerie solidaire du Comtat",
    "cooperative",
    com("Carpentras"),
    "2;2.4;12.3;8.5",
    "tech loc pub",
    "fin",
    "act",
    "cp:55 ra:30 sp:15",
    """Atelier d'insertion qui transforme les fruits et légumes invendus du marché de gros
  en compotes, soupes et légumes prêts à cuire pour les cantines.""",
)
A(
    "fondation-luberon-nature",
    "Fondation Luberon Nature",
    "fondation",
    com("Cavaillon"),
    "6;6.6;15.1;15.5",
    "fin net",
    "anc eval",
    "act",
    "mf:65 dp:35",
    """Fondation abritée qui finance la restauration des rivières, des haies et des milieux
  secs du Luberon et du Comtat, en lien avec les agriculteurs.""",
)
A(
    "ville-avignon",
    "Ville d'Avignon",
    "collectivite",
    com("Avignon"),
    "11;11.4;4.7;2.4",
    "anc loc leg",
    "fin",
    "act",
    "",
    """Avignon fait de la culture un levier de cohésion sociale, bien au-delà du festival, et
  développe l'alimentation locale dans ses écoles.""",
)
A(
    "theatre-des-remparts",
    "Théâtre des Remparts",
    "association",
    com("Avignon"),
    "4;4.7;11.4;10.2",
    "pub anc",
    "fin com",
    "act",
    "ra:40 sp:40 mf:20",
    """Théâtre de quartier qui crée des spectacles avec des adolescents et ouvre ses répétitions
  aux habitants de la ceinture rouge.""",
)
A(
    "maisons-d-helios",
    "Les Maisons d'Hélios",
    "association",
    com("Nice"),
    "11;11.1;3.8;10.2",
    "ing pub",
    "fin loc",
    "act",
    "sp:40 mf:35 ra:25",
    """Habitat inclusif pour jeunes adultes autistes : six colocations accompagnées dans des
  immeubles ordinaires de l'agglomération niçoise.""",
)
A(
    "ateliers-de-la-rade",
    "Les Ateliers de la Rade",
    "cooperative",
    com("La Seyne-sur-Mer"),
    "8;8.5;14.1;12.5",
    "tech pub",
    "fin",
    "act",
    "sp:50 ra:40 fe:10",
    """Chantier d'insertion qui entretient les sentiers littoraux et restaure de vieux pointus,
  les barques traditionnelles de Provence.""",
)
A(
    "collectif-calavon-vivant",
    "Collectif Calavon vivant",
    "collectif",
    com("Apt"),
    "6;6.6;15.1",
    "ben anc",
    "rech fin",
    "sce",
    "",
    """Habitants et agriculteurs du pays d'Apt qui veulent redonner de l'eau à la rivière et
  inventorier les espèces de ses berges.""",
)
A(
    "grasse-parfums-plantes",
    "Grasse Parfums et Plantes",
    "entreprise",
    com("Grasse"),
    "15;15.1;8.2;12.2",
    "fin mec tech",
    "anc",
    "pp",
    "ra:100",
    """Entreprise de matières premières pour la parfumerie qui relance la culture de la rose et
  du jasmin sur des terres agricoles abandonnées.""",
)
A(
    "prefecture-bouches-du-rhone",
    "Préfecture des Bouches-du-Rhône",
    "etat",
    dep("13"),
    "16;16.6;1.2;11.1",
    "leg fin",
    "eval",
    "act",
    "sp:100",
    """Services de l'État dans les Bouches-du-Rhône, dont la mission politique de la ville et
  de lutte contre la pauvreté.""",
)
A(
    "gap-mobilite-montagne",
    "Gap Mobilité montagne",
    "association",
    com("Gap"),
    "11;11.2;8.5",
    "tech anc",
    "fin num",
    "pp",
    "sp:60 ra:40",
    """Association qui organise l'autopartage et le covoiturage entre vallées pour les
  saisonniers et les salariés sans voiture.""",
)

# Normandie (28), Bourgogne-Franche-Comté (27), Centre-Val de Loire (24) ------------------------
A(
    "port-normand-logistique",
    "Port normand Logistique",
    "entreprise",
    com("Le Havre"),
    "9;9.1;8.5;14.1",
    "mec loc fin",
    "pub anc",
    "sce",
    "ra:100",
    """Entreprise de manutention portuaire de 300 salariés. Elle dispose d'entrepôts
  sous-utilisés et de conteneurs réformés, mais n'a jamais travaillé avec des associations.""",
)
A(
    "recyclerie-bocage-virois",
    "Recyclerie du Bocage virois",
    "association",
    com("Vire Normandie"),
    "12;12.5;8.5",
    "tech pub",
    "fin loc",
    "act",
    "ra:50 sp:40 bv:10",
    """Recyclerie rurale qui a ouvert une boutique de réemploi et un atelier de réparation de
  vélos dans l'ancienne gare.""",
)
A(
    "labo-ruralites-normandes",
    "Laboratoire Ruralités normandes",
    "recherche",
    com("Caen"),
    "11;11.a;2.4;17.17",
    "rech eval",
    "anc",
    "act",
    "sp:75 fe:25",
    """Géographes et économistes qui étudient les dynamiques des bourgs ruraux, les circuits
  courts et les coopérations entre petites communes.""",
)
A(
    "docks-solidaires-havre",
    "Les Docks solidaires",
    "association",
    com("Le Havre"),
    "8;8.5;12.5;14.1",
    "pub tech",
    "fin loc",
    "pp",
    "sp:60 ra:40",
    """Chantier d'insertion qui transforme des conteneurs maritimes réformés en ateliers et en
  kiosques pour des associations.""",
)
A(
    "collectif-alencon-transition",
    "Collectif Alençon en transition",
    "collectif",
    com("Alençon"),
    "13;13.3;12.8",
    "ben com",
    "fin loc",
    "sce",
    "",
    """Habitants qui organisent des fresques du climat, une zone de gratuité et une fête des
  récoltes.""",
)
A(
    "departement-orne",
    "Département de l'Orne",
    "collectivite",
    dep("61"),
    "11;11.a;13.3;2.4",
    "fin leg anc",
    "eval ben",
    "pp",
    "",
    """Le Département vient de lancer un fonds pour les initiatives citoyennes de transition dans
  les petites villes et les bourgs ornais.""",
)
A(
    "epicerie-solidaire-dijonnaise",
    "Épicerie solidaire dijonnaise",
    "association",
    com("Dijon"),
    "2;2.1;12.3",
    "pub ben",
    "fin loc",
    "pp",
    "sp:55 dp:25 bv:20",
    """Épicerie solidaire étudiante qui récupère les invendus du marché des Halles et propose
  des paniers à un euro.""",
)
A(
    "bois-du-morvan",
    "Coopérative Bois du Morvan",
    "cooperative",
    com("Autun"),
    "15;15.2;8.2;12.2",
    "tech anc",
    "fin com",
    "pp",
    "ra:90 fp:10",
    """Coopérative de bûcherons et de charpentiers qui promeut la futaie irrégulière et la
  construction en douglas local.""",
)
A(
    "tiers-lieu-cluny",
    "Tiers-lieu La Grange de Cluny",
    "association",
    com("Cluny"),
    "11;11.a;4.4;4.7",
    "loc pub",
    "fin jur",
    "sce",
    "bv ra",
    """Grange rénovée par des bénévoles qui accueille un café-lecture, un atelier de poterie et
  des formations au numérique pour les agriculteurs.""",
)
A(
    "garage-solidaire-berry",
    "Garage solidaire du Berry",
    "association",
    com("Issoudun"),
    "11;11.2;8.5",
    "tech pub",
    "fin com",
    "act",
    "ra:55 sp:45",
    """Garage associatif d'insertion qui répare et loue des véhicules aux habitants du Berry
  sans solution de transport.""",
)
A(
    "labo-ville-alimentation-tours",
    "Laboratoire Ville et Alimentation",
    "recherche",
    com("Tours"),
    "2;2.4;12.3;11.a",
    "rech eval",
    "anc",
    "act",
    "sp:70 fe:30",
    """Équipe de géographes qui étudie les systèmes alimentaires territoriaux, la précarité
  alimentaire et le gaspillage dans les villes moyennes.""",
)
A(
    "ville-vierzon",
    "Ville de Vierzon",
    "collectivite",
    com("Vierzon"),
    "11;11.3;8.5;2.1",
    "anc loc leg",
    "fin ing",
    "pp",
    "",
    """Ancienne ville industrielle qui cherche des porteurs de projets pour réinvestir ses
  friches et ses commerces vacants.""",
)

# --------------------------------------------------------------------------------------------
# ALLIANCES
# L(id, title, members, lead, territory, sdgs, resources, start, end, status, tools, description)
# --------------------------------------------------------------------------------------------

# Hauts-de-France -----------------------------------------------------------------------------
L(
    "zero-invendu-metropole-lilloise",
    "Zéro invendu dans la métropole lilloise",
    "banque-alimentaire-metropole-lilloise hyper-frais-villeneuve epicerie-solidaire-escale "
    "ccas-roubaix marche-frais-france labo-tersis",
    "banque-alimentaire-metropole-lilloise",
    dep("59"),
    "2.1;12.3;17.17",
    "mf:35 sp:25 mc:20 bv:20",
    "2021-03",
    "",
    "active",
    "kit-collecte-invendus etude-couts-evites-gaspillage",
    """Les magasins partenaires mettent de côté fruits, légumes et produits laitiers proches de
  leur date limite ; la banque alimentaire les collecte chaque matin et les répartit entre les
  épiceries solidaires le jour même. Le CCAS oriente les familles et le laboratoire suit les
  volumes sauvés du gaspillage alimentaire.""",
)
L(
    "filiere-textile-circulaire-roubaix",
    "Filière textile circulaire de Roubaix",
    "la-navette-reemploi filature-nouvelle-roubaix ville-roubaix fondation-beffroi-solidaire "
    "federation-reemploi-solidarite departement-nord",
    "la-navette-reemploi",
    com("Roubaix"),
    "12.5;8.5;9.4",
    "sp:30 ra:35 mf:20 fe:15",
    "2020-09",
    "",
    "active",
    "referentiel-impact-reemploi guide-reemploi-collectivites",
    """Des vêtements collectés en déchetterie jusqu'au fil recyclé : le chantier d'insertion trie
  et prépare les textiles, la filature les achète au prix du marché, la ville fournit un
  entrepôt dans une ancienne usine. Une quarantaine de postes d'insertion ont été créés.""",
)
L(
    "rouler-pour-travailler-avesnois",
    "Rouler pour travailler en Avesnois",
    "garage-solidaire-avesnois ville-fourmies departement-nord banque-septentrion "
    "fondation-horizons-partages",
    "garage-solidaire-avesnois",
    com("Fourmies"),
    "11.2;8.5;1.4",
    "sp:40 mf:30 ra:20 mc:10",
    "2019-01",
    "",
    "active",
    "kit-mobilite-solidaire annuaire-mobilite-solidaire",
    """Une plateforme de mobilité pour les demandeurs d'emploi de la Thiérache : diagnostic,
  réparation à prix coûtant, location de scooters et microcrédit pour acheter un véhicule.
  Le Département oriente les bénéficiaires du RSA, la banque instruit les prêts.""",
)
L(
    "renover-sans-exclure-bassin-minier",
    "Rénover sans exclure dans le bassin minier",
    "habitat-terres-du-nord energies-citoyennes-bassin-minier regie-quartier-lens-nord "
    "fondation-batinova labo-tersis departement-pas-de-calais",
    "habitat-terres-du-nord",
    dep("62"),
    "7.1;11.1;13.2;1.4",
    "ra:30 mc:25 sp:25 ii:20",
    "2022-02",
    "",
    "active",
    "methode-auto-rehabilitation etude-precarite-energetique",
    """Avant chaque chantier de rénovation thermique des cités minières, les salariés de la
  régie de quartier rendent visite aux locataires pour expliquer les travaux et repérer la
  précarité énergétique. La coopérative citoyenne finance des diagnostics et les thermiciens
  de la fondation forment les équipes.""",
)
L(
    "jardins-partages-de-fives",
    "Jardins partagés de Fives",
    "jardins-du-faubourg ville-lille collectif-fives-transition",
    "jardins-du-faubourg",
    com("Lille"),
    "11.7;2.4;15.5",
    "sp:55 bv:35 co:10",
    "2018-04",
    "2022-10",
    "completed",
    "etude-jardins-partages",
    """Quatre friches ferroviaires transformées en jardins partagés ouverts aux familles du
  quartier, avec compost collectif et grainothèque. La ville a pris le relais pour la gestion
  des terrains à la fin du projet.""",
)
L(
    "littoral-accueillant",
    "Littoral accueillant",
    "collectif-solidarite-exiles-littoral ville-grande-synthe atelier-velo-dunkerquois "
    "fondation-horizons-partages droit-engagement-avocats",
    "collectif-solidarite-exiles-littoral",
    dep("59"),
    "10.7;6.1;3.8",
    "dp:35 mf:30 sp:20 bv:15",
    "2025-06",
    "",
    "emergence",
    "guide-conventions-partenariat",
    """Installer des points d'eau, des douches et un atelier de réparation de vélos pour les
  personnes exilées du littoral, dans un cadre juridique solide pour les bénévoles. Le
  projet en est au montage des conventions avec la commune.""",
)
L(
    "somme-connectee",
    "Somme connectée",
    "les-connecteurs-picards tiers-lieu-la-briqueterie departement-somme fonds-cap-numerique "
    "picardie-fibre-services",
    "les-connecteurs-picards",
    dep("80"),
    "4.4;9.c;10.2",
    "sp:40 mf:30 mc:15 ra:15",
    "2021-01",
    "",
    "active",
    "formation-mediateurs-numeriques carte-tiers-lieux",
    """Des permanences d'accès au numérique dans quarante mairies rurales et au tiers-lieu
  amiénois, des ordinateurs reconditionnés par les techniciens de l'opérateur, et une
  formation des secrétaires de mairie qui sont souvent le premier recours des habitants.""",
)
L(
    "sport-sante-mentale-roubaix",
    "Sport, santé mentale et lien social à Roubaix",
    "roubaix-boxe-educative groupe-entraide-entre-deux ccas-roubaix mutuelle-nord-solidaire",
    "roubaix-boxe-educative",
    com("Roubaix"),
    "3.4;10.2",
    "mf:40 sp:40 co:10 bv:10",
    "2024-09",
    "",
    "emergence",
    "guide-sante-mentale-partenariats",
    """Des séances de boxe éducative adaptées pour les membres du groupe d'entraide mutuelle,
  encadrées par un éducateur sportif et une infirmière. La mutuelle finance la première
  saison et le CCAS cherche à l'étendre à d'autres clubs.""",
)
L(
    "entreprendre-au-feminin-artois",
    "Entreprendre au féminin en Artois",
    "elles-entreprennent-hdf cae-pas-a-pas banque-septentrion departement-pas-de-calais "
    "fondation-beffroi-solidaire",
    "elles-entreprennent-hdf",
    com("Arras"),
    "5.5;5.a;8.3",
    "sp:40 mf:35 ra:15 mc:10",
    "2017-03",
    "2021-12",
    "completed",
    "kit-raconter-son-alliance",
    """Un parcours complet pour les créatrices d'entreprise : accueil par le réseau, test de
  l'activité dans la coopérative, prêt d'honneur bancaire et parrainage par des cheffes
  d'entreprise. 140 femmes accompagnées, dont 60 % issues des quartiers ou du rural.""",
)
L(
    "bocage-nourricier-avesnois",
    "Bocage nourricier de l'Avesnois",
    "ferme-collective-bocage ville-fourmies plateforme-agrisol-picardie fondation-solstice "
    "departement-nord",
    "ferme-collective-bocage",
    reg("32"),
    "2.4;12.7;15.3",
    "sp:35 mf:30 ra:25 fp:10",
    "2025-10",
    "",
    "emergence",
    "kit-diagnostic-territorial",
    """Approvisionner les cantines de la Thiérache en lait, yaourts et viande des fermes
  herbagères voisines, avec une logistique mutualisée à inventer. Les chercheurs suivront
  l'effet sur les prairies et les haies.""",
)
L(
    "emploi-refugies-nord",
    "Alliance pour l'emploi des réfugiés du Nord",
    "prefecture-nord cae-pas-a-pas la-navette-reemploi atelier-velo-dunkerquois labo-tersis",
    "prefecture-nord",
    dep("59"),
    "10.7;8.5;8.8",
    "sp:60 fe:25 ra:15",
    "2019-05",
    "2023-06",
    "completed",
    "guide-conventions-partenariat grille-evaluation-alliance-multi-acteurs",
    """Des parcours d'emploi pour les personnes réfugiées : cours de français à visée
  professionnelle, premières missions en chantier d'insertion, puis création d'activité dans la
  coopérative. La coordination par l'État a facilité l'accès aux titres de travail.""",
)

# Auvergne-Rhône-Alpes ------------------------------------------------------------------------
L(
    "reemploi-decheteries-lyon",
    "Réemploi en déchetterie dans la Métropole de Lyon",
    "ressourcerie-tout-neuf-tout-vieux metropole-de-lyon fabrique-des-canuts "
    "federation-reemploi-solidarite labo-economie-cooperations-lyon",
    "ressourcerie-tout-neuf-tout-vieux",
    com("Lyon"),
    "12.5;8.5;11.6",
    "cp:40 ra:30 sp:20 fe:10",
    "2018-06",
    "",
    "active",
    "guide-reemploi-collectivites referentiel-impact-reemploi guide-commande-publique-responsable",
    """Des caissons de réemploi dans douze déchetteries : les agents orientent les usagers, la
  ressourcerie récupère meubles et objets, les répare et les revend. Le tiers-lieu de la
  Croix-Rousse accueille les ateliers de réparation ouverts au public.""",
)
L(
    "velo-pour-l-emploi-lyon",
    "Le vélo pour l'emploi",
    "velo-cite-solidaire rhone-logistique-urbaine metropole-de-lyon fondation-confluences "
    "agence-cooperations-solidaires",
    "velo-cite-solidaire",
    com("Lyon"),
    "11.2;8.5;8.6",
    "sp:35 mf:25 ra:25 mc:15",
    "2023-03",
    "",
    "active",
    "kit-mobilite-solidaire formation-modeles-hybrides",
    """Apprendre à rouler, obtenir un vélo électrique en location longue durée, puis se former
  au métier de livreur en vélo-cargo : un parcours de mobilité vers l'emploi pour des jeunes
  des quartiers. L'entreprise de logistique s'engage à recruter une partie des stagiaires.""",
)
L(
    "egalite-espace-public-villeurbanne",
    "Égalité dans l'espace public à Villeurbanne",
    "femmes-relais-villeurbanne ville-villeurbanne treteaux-des-minguettes fondation-confluences "
    "labo-economie-cooperations-lyon",
    "femmes-relais-villeurbanne",
    com("Villeurbanne"),
    "5.2;5.5;11.7",
    "sp:50 mf:30 bv:20",
    "2020-01",
    "2024-06",
    "completed",
    "guide-evaluation-participative",
    """Des marches exploratoires de femmes pour repérer les lieux où elles ne se sentent pas en
  sécurité, des spectacles de théâtre-forum et des aménagements réalisés par la ville. Les
  habitantes ont participé au choix de l'éclairage et des bancs.""",
)
L(
    "hospitalite-lyonnaise",
    "Hospitalité lyonnaise",
    "collectif-des-pentes fabrique-des-canuts fondation-confluences droit-engagement-avocats",
    "collectif-des-pentes",
    com("Lyon"),
    "10.7;2.1;11.1",
    "dp:40 mf:35 bv:25",
    "2025-02",
    "",
    "emergence",
    "",
    """Structurer l'hébergement citoyen de jeunes exilés : charte des familles accueillantes,
  appui juridique pro bono et une cuisine partagée au tiers-lieu pour les repas collectifs.""",
)
L(
    "coproprietes-grenoble-renovation",
    "Copropriétés fragiles : rénover ensemble",
    "ville-grenoble isere-energie-partagee labo-alpin-transitions fondation-batinova "
    "epargne-commune",
    "ville-grenoble",
    com("Grenoble"),
    "7.1;11.1;13.2",
    "sp:40 ii:25 mc:20 mf:15",
    "2019-09",
    "",
    "active",
    "etude-precarite-energetique methode-auto-rehabilitation",
    """Accompagner six copropriétés des années 1960 vers une rénovation énergétique complète,
  sans laisser les propriétaires modestes sur le bord du chemin : avances de trésorerie,
  panneaux solaires en autoconsommation et mesure des consommations avant et après.""",
)
L(
    "jeunes-passeurs-numerique",
    "Jeunes passeurs de numérique",
    "tremplin-numerique-echirolles fonds-cap-numerique commissaire-pauvrete-ara "
    "dauphine-juristes-solidaires",
    "tremplin-numerique-echirolles",
    com("Échirolles"),
    "4.4;8.6;10.2",
    "sp:45 mf:35 mc:20",
    "2022-09",
    "",
    "active",
    "formation-mediateurs-numeriques",
    """Des jeunes sans diplôme formés au reconditionnement et à la médiation numérique, qui
  animent ensuite des ateliers pour les seniors et les familles. Les juristes ont sécurisé le
  statut des stagiaires et la cession des ordinateurs.""",
)
L(
    "materiautheque-stephanoise",
    "Matériauthèque stéphanoise",
    "cite-reemploi-stephanoise ville-saint-etienne manufacture-des-savoirs "
    "reseau-tiers-lieux-en-commun",
    "cite-reemploi-stephanoise",
    com("Saint-Étienne"),
    "12.5;9.4;11.6",
    "sp:30 ra:40 fe:20 mf:10",
    "2021-04",
    "",
    "active",
    "guide-scic methode-modele-economique-tiers-lieu",
    """Une friche industrielle transformée en matériauthèque : portes, tomettes et poutres
  issues de la déconstruction y sont stockées et revendues, et le tiers-lieu voisin forme au
  réemploi les artisans et les étudiants en architecture.""",
)
L(
    "habiter-ensemble-puy-de-dome",
    "Habiter ensemble dans le Puy-de-Dôme",
    "auvergne-habitat-inclusif mutuelle-des-volcans departement-puy-de-dome "
    "fondation-horizons-partages",
    "auvergne-habitat-inclusif",
    dep("63"),
    "11.1;3.8;10.2",
    "sp:45 mf:30 ra:15 ii:10",
    "2020-10",
    "",
    "active",
    "kit-habitat-inclusif",
    """Cinq habitats inclusifs ouverts dans des bourgs du Puy-de-Dôme, chacun avec une
  animatrice de vie partagée financée par le Département. La mutuelle a pris en charge les
  études et l'aménagement des espaces communs.""",
)
L(
    "cafe-du-bourg-livradois",
    "Le café du bourg en Livradois",
    "collectif-livradois-vivant departement-puy-de-dome reseau-tiers-lieux-en-commun "
    "agence-cooperations-solidaires reseau-partenariats-territoires",
    "collectif-livradois-vivant",
    com("Ambert"),
    "11.a;8.9",
    "bv:40 sp:30 fp:20 mf:10",
    "2026-03",
    "",
    "emergence",
    "carte-tiers-lieux kit-premiers-pas-partenariat",
    """Rouvrir le dernier café-épicerie d'un village du Livradois sous forme de tiers-lieu, avec
  un point d'accès aux services publics et un dépôt de produits fermiers. Le collectif
  prépare une collecte de financement participatif.""",
)
L(
    "semences-et-secheresse",
    "Semences paysannes face à la sécheresse",
    "semences-du-diois unite-agroecologie-mediterraneenne fondation-solstice "
    "semences-haute-provence",
    "semences-du-diois",
    com("Die"),
    "2.5;15.5;13.1",
    "ra:30 mf:30 sp:25 fe:15",
    "2022-01",
    "",
    "active",
    "methode-recit-experience",
    """Deux coopératives semencières de la Drôme et de Haute-Provence testent avec des
  agronomes des variétés de légumes et de céréales qui supportent les étés secs. Les résultats
  sont partagés avec les jardiniers amateurs lors de bourses aux graines.""",
)
L(
    "plateau-terre-d-accueil",
    "Plateau, terre d'accueil",
    "accueil-plateau-vivarais-lignon plateau-ardechois-mobilite commissaire-pauvrete-ara "
    "fondation-horizons-partages",
    "accueil-plateau-vivarais-lignon",
    com("Le Chambon-sur-Lignon"),
    "10.7;4.6;8.5",
    "sp:40 mf:30 dp:20 bv:10",
    "2016-09",
    "2021-06",
    "completed",
    "guide-accueil-refugies-rural",
    """Vingt familles réfugiées installées dans les villages du plateau, avec cours de français,
  transport solidaire vers les employeurs et parrainage par des habitants. L'école du bourg a
  gardé deux classes grâce aux nouveaux élèves.""",
)
L(
    "cantines-sans-gaspillage-isere",
    "Cantines sans gaspillage en Isère",
    "cantines-alpines ville-grenoble fondation-solstice labo-economie-cooperations-lyon",
    "cantines-alpines",
    dep("38"),
    "2.4;12.3;12.7",
    "cp:50 mf:25 sp:25",
    "2021-09",
    "2024-12",
    "completed",
    "etude-couts-evites-gaspillage kit-collecte-invendus",
    """Peser les restes dans trente cantines, ajuster les grammages, proposer deux portions et
  donner les plats non servis à des associations : les déchets ont baissé d'un tiers et
  l'économie réalisée a financé davantage de produits locaux.""",
)

# Occitanie -----------------------------------------------------------------------------------
L(
    "cuisine-insertion-mirail",
    "Cuisine d'insertion du Mirail",
    "cuisines-nomades-mirail ville-toulouse cooperative-velo-du-canal marche-frais-france "
    "fondation-garonne-solidarites",
    "cuisines-nomades-mirail",
    com("Toulouse"),
    "2.1;12.3;8.5",
    "ra:35 mf:30 sp:25 mc:10",
    "2020-02",
    "",
    "active",
    "kit-collecte-invendus etude-couts-evites-gaspillage",
    """Les coursiers à vélo collectent les invendus de légumes des magasins du centre, la
  cuisine d'insertion les transforme en soupes et plats du jour vendus aux crèches
  municipales. Chaque étape crée de l'emploi et évite du gaspillage alimentaire.""",
)
L(
    "ingenieurs-dans-les-quartiers",
    "Des ingénieurs dans les quartiers",
    "occitane-aerostructures quartiers-numeriques-toulousains labo-economie-sociale-midi "
    "fondation-garonne-solidarites",
    "occitane-aerostructures",
    com("Toulouse"),
    "4.4;9.5;8.6",
    "mc:50 mf:30 sp:20",
    "2019-10",
    "",
    "active",
    "plateforme-mecenat-competences grille-maturite-partenariale",
    """Soixante ingénieurs de l'entreprise consacrent chacun quatre demi-journées par an à des
  ateliers de robotique et de numérique dans les centres sociaux. Le laboratoire mesure ce
  que le mécénat de compétences change pour les jeunes et pour les salariés.""",
)
L(
    "un-robinet-pour-les-jardins",
    "Un robinet pour les jardins du Mirail",
    "collectif-jardins-du-mirail ville-toulouse cooperative-velo-du-canal",
    "collectif-jardins-du-mirail",
    com("Toulouse"),
    "11.7;2.4;6.4",
    "sp:50 bv:35 ra:15",
    "2025-04",
    "",
    "emergence",
    "kit-premiers-pas-partenariat",
    """Les jardiniers du collectif négocient avec la ville un accès à l'eau, une cuve de
  récupération de pluie et un abri à outils. Les coursiers apportent le compost des
  restaurants voisins.""",
)
L(
    "eaux-reutilisees-montpellier",
    "Réutiliser les eaux traitées pour les espaces verts",
    "ville-montpellier hydrosol unite-agroecologie-mediterraneenne "
    "mission-eau-secheresse-occitanie potager-solidaire-garrigues",
    "ville-montpellier",
    com("Montpellier"),
    "6.3;6.4;11.7",
    "sp:45 ii:25 fe:20 ra:10",
    "2023-05",
    "",
    "active",
    "plateforme-economies-eau",
    """Trois parcs et le potager d'insertion sont arrosés avec des eaux usées traitées par le
  procédé de la jeune entreprise. Les chercheurs surveillent sols et légumes ; l'État a
  adapté l'autorisation pour cette expérimentation.""",
)
L(
    "alimentation-albigeoise",
    "Autonomie alimentaire albigeoise",
    "legumerie-du-tarn ville-albi labo-economie-sociale-midi fondation-solstice",
    "ville-albi",
    com("Albi"),
    "2.4;12.3;12.7",
    "cp:45 ra:25 mf:20 sp:10",
    "2017-01",
    "2022-12",
    "completed",
    "etude-couts-evites-gaspillage",
    """Des maraîchers installés sur des terres municipales, une légumerie qui prépare leurs
  légumes pour les cantines et un marché public rédigé pour favoriser les circuits courts.
  La part de produits locaux dans les écoles est passée de 12 % à 47 %.""",
)
L(
    "filature-services-ruraux",
    "La Filature, services ruraux en commun",
    "filature-de-figeac reseau-tiers-lieux-en-commun agence-cooperations-solidaires",
    "filature-de-figeac",
    com("Figeac"),
    "11.a;8.3;11.3",
    "ra:35 sp:35 mc:15 fe:15",
    "2018-09",
    "",
    "active",
    "methode-modele-economique-tiers-lieu carte-tiers-lieux",
    """Le tiers-lieu accueille une permanence de services publics, un espace de télétravail et
  une pépinière d'artisans. L'agence nationale a financé un poste de coordination pendant
  trois ans, le temps de trouver un modèle économique.""",
)
L(
    "soleil-ariegeois",
    "Soleil ariégeois",
    "ariege-energies-citoyennes departement-ariege epargne-commune maison-sante-couserans",
    "ariege-energies-citoyennes",
    dep("09"),
    "7.2;13.2;3.8",
    "fp:40 ii:30 sp:20 ra:10",
    "2021-06",
    "",
    "active",
    "etude-energie-citoyenne guide-scic",
    """Des toitures solaires citoyennes sur les collèges, la maison de santé et des hangars
  agricoles, financées par l'épargne des habitants et un prêt de la coopérative financière.
  Les revenus réduisent la facture énergétique de la maison de santé.""",
)
L(
    "sante-mentale-agricole-couserans",
    "Santé mentale en milieu agricole",
    "maison-sante-couserans mutuelle-pyreneenne-solidaire departement-ariege labo-ruralites-sante",
    "maison-sante-couserans",
    com("Saint-Girons"),
    "3.4;3.8",
    "sp:40 mf:35 ra:25",
    "2022-11",
    "",
    "active",
    "guide-sante-mentale-partenariats",
    """Former des « sentinelles » parmi les vétérinaires, les techniciens agricoles et les
  commerçants pour repérer la détresse des agriculteurs isolés, et organiser des
  consultations avancées de psychologues dans les villages.""",
)
L(
    "accueil-emploi-perpignan",
    "Accueil et emploi des réfugiés en Roussillon",
    "pont-des-deux-rives ville-perpignan vignerons-cooperateurs-corbieres "
    "fondation-horizons-partages droit-engagement-avocats",
    "pont-des-deux-rives",
    dep("66"),
    "10.7;8.5;8.8",
    "sp:35 mf:35 ra:15 dp:15",
    "2024-01",
    "",
    "active",
    "guide-accueil-refugies-rural guide-conventions-partenariat",
    """Relier les personnes réfugiées aux besoins de main-d'œuvre de la viticulture et de
  l'hôtellerie : apprentissage du français sur le lieu de travail, logement temporaire en
  centre ancien, appui juridique sur les contrats.""",
)
L(
    "vignes-et-eau-corbieres",
    "Vignes et eau dans les Corbières",
    "vignerons-cooperateurs-corbieres unite-agroecologie-mediterraneenne "
    "mission-eau-secheresse-occitanie collectif-eau-vive-cevennes",
    "vignerons-cooperateurs-corbieres",
    reg("76"),
    "6.4;15.3;13.1",
    "ra:30 sp:35 fe:25 bv:10",
    "2024-03",
    "",
    "active",
    "plateforme-economies-eau methode-theorie-changement",
    """Tester l'enherbement, l'ombrage et les retenues collinaires pour économiser l'eau dans le
  vignoble, et partager avec les habitants des Cévennes les savoir-faire anciens de gestion
  de l'eau en terrasses.""",
)
L(
    "bibliobus-numerique-corbieres",
    "Bibliobus numérique des Corbières",
    "lecture-en-corbieres fonds-cap-numerique",
    "lecture-en-corbieres",
    com("Lagrasse"),
    "4.4;4.6;11.4",
    "sp:45 mf:35 bv:20",
    "2019-04",
    "2021-11",
    "completed",
    "",
    """Le bibliobus a embarqué deux ordinateurs et une connexion mobile pour proposer aide aux
  démarches en ligne et ateliers d'écriture numérique dans quinze villages.""",
)

# Bretagne ------------------------------------------------------------------------------------
L(
    "morlaix-reemploi-centre-ville",
    "Le réemploi au cœur de Morlaix",
    "recyclerie-pays-de-morlaix ville-morlaix federation-reemploi-solidarite departement-finistere",
    "recyclerie-pays-de-morlaix",
    com("Morlaix"),
    "12.5;11.3;8.5",
    "ra:40 sp:35 fe:15 bv:10",
    "2019-03",
    "",
    "active",
    "guide-reemploi-collectivites referentiel-impact-reemploi",
    """Une deuxième boutique de la recyclerie installée dans un commerce vacant du centre-ville,
  avec un atelier de réparation ouvert aux habitants. La vacance commerciale recule et le
  réemploi gagne en visibilité.""",
)
L(
    "dechets-marins-iroise",
    "Déchets marins en mer d'Iroise",
    "ocean-propre-iroise labo-littoral-societes-brest fondation-ar-mor prefecture-finistere "
    "ville-brest",
    "ocean-propre-iroise",
    dep("29"),
    "14.1;12.5",
    "mf:35 sp:35 bv:20 fe:10",
    "2018-05",
    "",
    "active",
    "kit-dechets-marins methode-recit-experience",
    """Des ramassages citoyens sur quarante plages, un protocole scientifique pour identifier
  l'origine des déchets et un dialogue avec les professionnels de la mer pour agir à la
  source. Les données nourrissent le suivi du littoral par l'État.""",
)
L(
    "peche-sans-gaspillage",
    "Pêche sans gaspillage",
    "pecheurs-artisans-douarnenez conserverie-de-l-odet labo-littoral-societes-brest "
    "fondation-solstice fondation-ar-mor",
    "pecheurs-artisans-douarnenez",
    dep("29"),
    "14.4;12.3;14.b",
    "ra:40 mf:25 fe:20 sp:15",
    "2024-02",
    "",
    "active",
    "etude-couts-evites-gaspillage",
    """Valoriser les poissons invendus en criée et les espèces méconnues en conserves vendues
  dans les épiceries fines et données en partie à l'aide alimentaire. Les chercheurs suivent
  l'effet sur les rejets en mer.""",
)
L(
    "numerique-pour-tous-brest",
    "Numérique pour tous à Brest",
    "bidouilleurs-du-ponant ville-brest fonds-cap-numerique tregor-data-services",
    "bidouilleurs-du-ponant",
    com("Brest"),
    "4.4;12.5;9.c",
    "sp:35 mf:30 mc:20 ra:15",
    "2017-04",
    "2022-03",
    "completed",
    "plateforme-communs-numeriques formation-mediateurs-numeriques",
    """Deux mille ordinateurs reconditionnés sous logiciels libres et distribués à des familles,
  un réseau de points d'accès numérique dans les maisons de quartier et des bénévoles formés
  par les développeurs de l'entreprise trégorroise.""",
)
L(
    "vent-citoyen-kreiz-breizh",
    "Vent citoyen en Kreiz Breizh",
    "energies-citoyennes-kreiz-breizh grange-commune-mellionnec epargne-commune "
    "departement-cotes-d-armor",
    "energies-citoyennes-kreiz-breizh",
    com("Rostrenen"),
    "7.2;13.2;11.a",
    "fp:40 ii:35 sp:15 ra:10",
    "2016-01",
    "",
    "active",
    "etude-energie-citoyenne guide-scic",
    """Un parc éolien citoyen dont les 1 200 sociétaires habitent le centre Bretagne. Une
  partie des revenus finance des projets de village, dont la rénovation du tiers-lieu de
  Mellionnec.""",
)
L(
    "bourgs-habites-bretagne",
    "Bourgs habités de Bretagne",
    "hameaux-partages-bretagne ville-rennes departement-cotes-d-armor epargne-commune",
    "hameaux-partages-bretagne",
    reg("53"),
    "11.1;10.2;3.8",
    "sp:35 mf:30 ii:25 ra:10",
    "2021-05",
    "",
    "active",
    "kit-habitat-inclusif",
    """Des petits habitats inclusifs construits dans des dents creuses de centre-bourg pour des
  seniors et des jeunes en situation de handicap. La foncière solidaire porte l'immobilier,
  l'association l'animation.""",
)
L(
    "jardins-nourriciers-blosne",
    "Jardins nourriciers du Blosne",
    "collectif-jardins-nourriciers-rennais ville-rennes labo-agronomie-bocage garage-commun-rennes",
    "collectif-jardins-nourriciers-rennais",
    com("Rennes"),
    "2.4;11.7;15.3",
    "sp:45 bv:40 co:15",
    "2022-04",
    "",
    "active",
    "etude-jardins-partages",
    """Les pelouses au pied des tours deviennent des potagers collectifs : la ville prépare les
  sols, les agronomes conseillent sur la pollution et les rotations, le tiers-lieu prête
  outils et graines.""",
)
L(
    "mobilite-rurale-argoat",
    "Mobilité rurale en Argoat",
    "mobilite-solidaire-argoat departement-cotes-d-armor tregor-data-services "
    "agence-cooperations-solidaires reseau-partenariats-territoires",
    "mobilite-solidaire-argoat",
    com("Callac"),
    "11.2;10.2",
    "sp:50 bv:30 mc:20",
    "2025-09",
    "",
    "emergence",
    "annuaire-mobilite-solidaire kit-premiers-pas-partenariat",
    """Concevoir avec les conducteurs bénévoles une application simple de réservation de
  trajets solidaires et l'étendre à douze communes sans transport en commun.""",
)
L(
    "legumes-du-leon-cantines",
    "Légumes du Léon dans les cantines",
    "legumerie-solidaire-du-leon departement-finistere marche-frais-france",
    "legumerie-solidaire-du-leon",
    com("Landerneau"),
    "2.4;12.3;8.5",
    "ra:40 sp:30 mf:20 fe:10",
    "2023-01",
    "",
    "active",
    "kit-collecte-invendus",
    """Les légumes hors calibre des maraîchers et les invendus des magasins deviennent des
  soupes et purées pour les collèges du Finistère. L'enseigne finance l'équipement de la
  légumerie.""",
)
L(
    "sante-mentale-rurale-costarmoricaine",
    "Premiers secours en santé mentale en Côtes-d'Armor",
    "passeurs-d-ecoute departement-cotes-d-armor labo-ruralites-sante",
    "passeurs-d-ecoute",
    dep("22"),
    "3.4;10.2",
    "sp:55 mf:25 bv:20",
    "2018-01",
    "2023-12",
    "completed",
    "guide-sante-mentale-partenariats",
    """Former 900 habitants, élus et commerçants aux premiers secours en santé mentale dans les
  communes rurales, et mesurer avec des chercheurs si le repérage précoce s'améliore.""",
)
L(
    "seconde-vie-des-voiles",
    "Seconde vie des voiles",
    "chantier-voiles-du-scorff fondation-ar-mor federation-reemploi-solidarite",
    "chantier-voiles-du-scorff",
    com("Lorient"),
    "12.5;14.1;8.5",
    "ra:40 sp:35 mf:25",
    "2020-05",
    "2024-05",
    "completed",
    "",
    """Collecter les voiles usagées des clubs nautiques bretons et les transformer en sacs et
  trousses dans l'atelier d'insertion. Le projet s'est arrêté faute de débouchés commerciaux
  suffisants, mais l'atelier a gardé l'activité de démantèlement.""",
)

# Nouvelle-Aquitaine --------------------------------------------------------------------------
L(
    "precarite-alimentaire-bordeaux",
    "Bien manger pour tous à Bordeaux",
    "halles-solidaires-bacalan ville-bordeaux prefecture-gironde fondation-estuaire "
    "marche-frais-france labo-innovation-sociale-aquitaine",
    "halles-solidaires-bacalan",
    com("Bordeaux"),
    "2.1;12.3;1.2",
    "sp:40 mf:25 ra:20 bv:15",
    "2020-11",
    "",
    "active",
    "kit-collecte-invendus etude-alimentation-villes-moyennes",
    """Une cantine à prix libre, une épicerie solidaire approvisionnée en invendus et en
  légumes girondins, et une carte alimentaire expérimentée avec 200 foyers. Les chercheurs
  comparent l'effet sur l'alimentation des familles.""",
)
L(
    "reemploi-rive-droite",
    "Réemploi et insertion sur la rive droite",
    "regie-rive-droite grenier-beglais ducasse-constructions federation-reemploi-solidarite",
    "regie-rive-droite",
    dep("33"),
    "12.5;8.5;11.6",
    "cp:35 ra:30 mc:20 sp:15",
    "2022-06",
    "",
    "active",
    "guide-commande-publique-responsable",
    """Récupérer portes, radiateurs et mobilier lors des réhabilitations de logements sociaux,
  les remettre en état dans la ressourcerie et les réinstaller. Les clauses d'insertion des
  marchés financent une partie du travail.""",
)
L(
    "renovation-accompagnee-rive-droite",
    "Rénovation accompagnée rive droite",
    "ducasse-constructions regie-rive-droite fondation-batinova ville-bordeaux",
    "ducasse-constructions",
    dep("33"),
    "7.1;11.1;8.5",
    "mc:30 sp:30 ra:25 mf:15",
    "2019-02",
    "2023-02",
    "completed",
    "methode-auto-rehabilitation",
    """Des chantiers de rénovation énergétique où les habitants participent aux travaux avec
  l'appui des compagnons de l'entreprise et des salariés de la régie. 85 logements traités,
  des factures en baisse de 30 % en moyenne.""",
)
L(
    "aidants-ruraux-niortais",
    "Aidants ruraux, pas seuls",
    "mutuelle-niortaise-entraide fondation-sevre-solidaire labo-ruralites-sante "
    "acces-numerique-vienne",
    "mutuelle-niortaise-entraide",
    reg("75"),
    "3.8;1.3;10.2",
    "mf:45 ra:25 sp:20 bv:10",
    "2017-10",
    "",
    "active",
    "methode-impact-quatre-temps grille-evaluation-alliance-multi-acteurs",
    """Des cafés des aidants dans les bourgs, un répit à domicile et un accompagnement numérique
  pour les démarches. La mutuelle a ouvert l'alliance à la recherche pour prouver l'utilité
  sociale du dispositif.""",
)
L(
    "millevaches-bois-et-bourgs",
    "Millevaches, bois et bourgs",
    "cooperative-bois-millevaches collectif-felletin-ensemble departement-creuse etabli-creusois "
    "reseau-tiers-lieux-en-commun",
    "cooperative-bois-millevaches",
    reg("75"),
    "15.2;11.a;8.9",
    "ra:35 sp:25 ii:20 fp:20",
    "2019-06",
    "",
    "active",
    "formation-piloter-cooperation guide-scic",
    """Construire en bois local pour rénover les commerces rachetés collectivement dans les
  bourgs du plateau : la coopérative fournit le bois, les habitants le capital, le tiers-lieu
  forme les jeunes charpentiers.""",
)
L(
    "creuse-numerique-tiers-lieux",
    "Creuse numérique en tiers-lieux",
    "etabli-creusois departement-creuse fonds-cap-numerique tapisserie-solidaire-aubusson",
    "etabli-creusois",
    dep("23"),
    "4.4;11.a;8.3",
    "sp:40 mf:30 fe:20 ra:10",
    "2021-02",
    "",
    "active",
    "carte-tiers-lieux",
    """Un réseau de six tiers-lieux creusois qui proposent formations au numérique, accès aux
  démarches et ateliers de création textile assistée par ordinateur avec les lissiers
  d'Aubusson.""",
)
L(
    "littoral-zero-plastique",
    "Littoral zéro plastique",
    "littoral-zero-dechet chantier-naval-atlantique-durable fondation-ar-mor "
    "labo-littoral-societes-brest",
    "littoral-zero-dechet",
    com("La Rochelle"),
    "14.1;12.5",
    "mf:40 sp:30 mc:20 co:10",
    "2023-04",
    "",
    "active",
    "kit-dechets-marins",
    """Accompagner vingt établissements de plage et deux ports de plaisance vers la fin du
  plastique jetable, et recycler les coques de bateaux abandonnés. La fondation bretonne a
  étendu son soutien au littoral charentais.""",
)
L(
    "logement-saisonniers-pays-basque",
    "Un toit pour les saisonniers du Pays basque",
    "elkar-bizi-bayonne epargne-commune fondation-horizons-partages droit-engagement-avocats",
    "elkar-bizi-bayonne",
    dep("64"),
    "11.1;1.4;8.5",
    "ii:35 sp:30 mf:25 ra:10",
    "2024-10",
    "",
    "emergence",
    "guide-conventions-partenariat",
    """Racheter et rénover de petits immeubles pour loger à prix modéré jeunes travailleurs et
  saisonniers, grâce à une foncière solidaire. Le montage juridique est en cours.""",
)
L(
    "biodechets-bearn",
    "Compost des restaurants palois",
    "pau-bearn-insertion labo-innovation-sociale-aquitaine agence-cooperations-solidaires",
    "pau-bearn-insertion",
    com("Pau"),
    "12.5;11.6;8.5",
    "cp:45 sp:35 ra:20",
    "2018-03",
    "2021-09",
    "completed",
    "",
    """Collecte à vélo des biodéchets de quatre-vingts restaurants et compostage sur une
  plateforme agricole. L'activité a été reprise par l'agglomération dans un marché
  d'insertion.""",
)
L(
    "glanage-solidaire-dordogne",
    "Glanage solidaire en Périgord",
    "epicerie-sociale-bergeracois departement-dordogne vergers-solidaires-marmandais "
    "fondation-solstice",
    "epicerie-sociale-bergeracois",
    dep("24"),
    "2.1;12.3",
    "sp:40 mf:30 bv:30",
    "2025-01",
    "",
    "emergence",
    "kit-collecte-invendus",
    """Organiser le glanage des fruits et légumes non récoltés et leur transformation en
  conserves pour les épiceries sociales du Bergeracois. Un premier été de test a permis de
  sauver quatre tonnes de pommes et de prunes.""",
)
L(
    "transmettre-savoir-faire-textiles",
    "Transmettre les savoir-faire textiles",
    "espadrille-souletine tapisserie-solidaire-aubusson mode-du-choletais "
    "labo-innovation-sociale-aquitaine",
    "espadrille-souletine",
    "",
    "8.9;4.4;12.2",
    "ra:30 sp:30 mc:20 fp:20",
    "2022-03",
    "",
    "active",
    "methode-recit-experience",
    """Trois ateliers de régions différentes échangent apprentis, méthodes de formation et
  fournisseurs de fibres locales. Les chercheurs documentent la transmission des gestes.""",
)

# Grand Est -----------------------------------------------------------------------------------
L(
    "epicerie-neuhof-cooperation",
    "Épicerie du Neuhof en coopération",
    "epicerie-solidaire-neuhof ville-strasbourg marche-frais-france fondation-alsace-partage",
    "epicerie-solidaire-neuhof",
    com("Strasbourg"),
    "2.1;1.2;12.3",
    "sp:40 mf:30 ra:15 bv:15",
    "2019-04",
    "",
    "active",
    "kit-collecte-invendus",
    """Le magasin de quartier donne ses invendus frais trois fois par semaine, la fondation a
  financé une chambre froide et la ville un local plus grand. L'épicerie accueille désormais
  450 familles.""",
)
L(
    "mobilier-bureau-reemploi",
    "Mobilier de bureau : réemploi rhénan",
    "recyclerie-rhenane eurometropole-strasbourg labo-dynamiques-europeennes "
    "fondation-alsace-partage",
    "recyclerie-rhenane",
    com("Strasbourg"),
    "12.5;8.5;12.7",
    "ra:40 cp:30 sp:20 fe:10",
    "2021-01",
    "",
    "active",
    "guide-commande-publique-responsable referentiel-impact-reemploi",
    """Les administrations et entreprises de l'Eurométropole confient leur mobilier de bureau à
  la recyclerie, qui le répare et le revend à des associations et des start-up. Un marché
  public réserve désormais une part au mobilier de réemploi.""",
)
L(
    "chaleur-des-mines",
    "La chaleur des mines",
    "energie-warndt prefecture-moselle labo-alpin-transitions epargne-commune",
    "energie-warndt",
    com("Forbach"),
    "7.2;7.1;9.4",
    "fe:35 fp:25 ii:25 sp:15",
    "2025-05",
    "",
    "emergence",
    "etude-energie-citoyenne",
    """Étudier la récupération de la chaleur de l'eau des anciennes galeries de mine pour un
  réseau de chaleur citoyen. Les chercheurs grenoblois apportent leur expérience de la
  géothermie de faible profondeur.""",
)
L(
    "toits-solidaires-lorraine",
    "Toits solidaires en Lorraine",
    "toits-solidaires-lorrains fondation-batinova labo-dynamiques-europeennes",
    "toits-solidaires-lorrains",
    dep("54"),
    "7.1;1.4;11.1",
    "sp:45 mc:30 mf:25",
    "2018-10",
    "2023-10",
    "completed",
    "methode-auto-rehabilitation etude-precarite-energetique",
    """Accompagner 120 propriétaires modestes dans la rénovation de leur maison, avec des
  thermiciens bénévoles de la fondation pour les diagnostics. Les délais d'obtention des
  aides ont freiné une partie des chantiers.""",
)
L(
    "aidants-numeriques-metz",
    "Aidants numériques messins",
    "passerelle-numerique-messine fonds-cap-numerique prefecture-moselle",
    "passerelle-numerique-messine",
    com("Metz"),
    "4.4;10.2",
    "sp:50 mf:35 bv:15",
    "2022-02",
    "",
    "active",
    "formation-mediateurs-numeriques",
    """Former les aidants familiaux et les voisins à accompagner les personnes âgées dans
  leurs démarches en ligne, et prêter des tablettes configurées.""",
)
L(
    "reims-anti-gaspi",
    "Reims anti-gaspi",
    "entraide-alimentaire-remoise champagne-maison-delorme fondation-solstice",
    "entraide-alimentaire-remoise",
    com("Reims"),
    "2.1;12.3",
    "mf:45 dp:25 sp:20 bv:10",
    "2020-06",
    "",
    "active",
    "kit-collecte-invendus",
    """Une camionnette réfrigérée financée par la maison de champagne collecte chaque soir les
  invendus des boulangeries, redistribués dans les foyers d'hébergement.""",
)
L(
    "ardennes-mobilite-emploi",
    "Ardennes : la mobilité pour l'emploi",
    "garage-solidaire-ardennais departement-ardennes fondation-horizons-partages",
    "garage-solidaire-ardennais",
    dep("08"),
    "11.2;8.5;1.2",
    "sp:50 mf:25 ra:25",
    "2017-09",
    "",
    "active",
    "kit-mobilite-solidaire annuaire-mobilite-solidaire",
    """Location de voitures et de scooters à bas prix, réparation solidaire et auto-école
  sociale pour les allocataires du RSA du département.""",
)
L(
    "friche-textile-mulhouse",
    "Une friche textile en commun",
    "quai-des-tisserands reseau-tiers-lieux-en-commun fondation-alsace-partage",
    "quai-des-tisserands",
    com("Mulhouse"),
    "11.3;12.5;8.3",
    "ra:30 sp:30 mf:25 fp:15",
    "2024-06",
    "",
    "emergence",
    "methode-modele-economique-tiers-lieu",
    """Trouver un modèle économique pour le tiers-lieu de la friche : location d'ateliers,
  ressourcerie, événements. Le réseau national accompagne l'équipe sur la gouvernance.""",
)
L(
    "forets-vosgiennes-climat",
    "Forêts vosgiennes et climat",
    "cooperative-forestiere-vosges service-regional-foret-grand-est tremplins-vosgiens "
    "fondation-alsace-partage",
    "cooperative-forestiere-vosges",
    dep("88"),
    "15.2;13.1;8.6",
    "ra:35 sp:35 fe:20 mf:10",
    "2020-09",
    "",
    "active",
    "",
    """Replanter des essences variées après les attaques de scolytes et former de jeunes
  sans qualification aux métiers de la forêt. Trois promotions de bûcherons ont été
  embauchées par la coopérative.""",
)
L(
    "textile-solidaire-du-tri-a-la-confection",
    "Textile solidaire : du tri à la confection",
    "filature-nouvelle-roubaix friperie-troyes-textile mode-du-choletais la-navette-reemploi "
    "federation-reemploi-solidarite chaire-biens-communs-cergy",
    "filature-nouvelle-roubaix",
    "",
    "12.5;8.2;5.5",
    "ra:35 mf:25 fe:20 sp:20",
    "2023-09",
    "",
    "active",
    "referentiel-impact-reemploi",
    """Une chaîne textile entre trois régions : tri et effilochage dans le Nord, fil recyclé,
  confection à Cholet et retouche à Troyes par des femmes en insertion. La chaire étudie ce
  que chaque entreprise y gagne.""",
)

# Pays de la Loire ----------------------------------------------------------------------------
L(
    "reemploi-batiment-nantais",
    "Réemploi des matériaux dans l'agglomération nantaise",
    "atlantique-recup-batiment nantes-metropole ressourcerie-de-l-ile "
    "labo-ouest-innovation-sociale",
    "atlantique-recup-batiment",
    com("Nantes"),
    "12.5;9.4;12.7",
    "cp:40 ra:30 sp:20 ii:10",
    "2019-11",
    "",
    "active",
    "guide-commande-publique-responsable methode-theorie-changement",
    """Intégrer le réemploi dans les marchés de démolition et de construction publics :
  diagnostic ressources avant travaux, dépose soignée, plateforme de stockage à Bouguenais.
  La ressourcerie sensibilise les habitants et les écoles.""",
)
L(
    "bellevue-bien-manger",
    "Bien manger à Bellevue",
    "marche-solidaire-bellevue maraichers-de-vendee nantes-metropole fondation-loire-solidaire "
    "prefecture-loire-atlantique",
    "marche-solidaire-bellevue",
    com("Saint-Herblain"),
    "2.1;12.3;1.2",
    "sp:40 mf:25 ra:25 bv:10",
    "2021-03",
    "",
    "active",
    "kit-collecte-invendus",
    """Les légumes déclassés de la coopérative vendéenne et les surplus de maraîchers nantais
  sont vendus à prix libre au marché solidaire. Un camion réfrigéré mutualisé réduit les
  pertes.""",
)
L(
    "estuaire-apprentissage",
    "Apprendre les métiers de l'estuaire",
    "chantiers-navals-estuaire prefecture-loire-atlantique labo-ouest-innovation-sociale "
    "reseau-partenariats-territoires",
    "chantiers-navals-estuaire",
    com("Saint-Nazaire"),
    "8.6;4.4;9.2",
    "mc:40 sp:30 fe:20 ra:10",
    "2016-09",
    "2020-06",
    "completed",
    "formation-piloter-cooperation",
    """Des tuteurs du chantier naval, actifs ou retraités, ont accompagné 210 jeunes en
  apprentissage de soudure et de chaudronnerie. Le dispositif est désormais intégré au plan
  de formation de l'entreprise.""",
)
L(
    "paniers-angevins",
    "Paniers angevins solidaires",
    "potagers-de-la-maine fondation-loire-solidaire labo-ouest-innovation-sociale "
    "marche-frais-france",
    "potagers-de-la-maine",
    com("Angers"),
    "2.4;8.5;15.1",
    "ra:40 sp:30 mf:20 mc:10",
    "2018-02",
    "2022-12",
    "completed",
    "methode-impact-quatre-temps",
    """Des paniers bio à demi-tarif pour les familles modestes, cofinancés par la fondation et
  vendus aussi dans trois magasins de l'enseigne. L'évaluation a montré des progrès nets de
  retour à l'emploi des jardiniers en insertion.""",
)
L(
    "reseau-garages-solidaires",
    "Réseau des garages solidaires",
    "agence-cooperations-solidaires garage-solidaire-avesnois garage-solidaire-bassin-houiller "
    "garage-solidaire-berry garage-solidaire-ardennais mobilite-sarthe-solidaire "
    "fondation-horizons-partages labo-cooperations-territoires",
    "agence-cooperations-solidaires",
    "",
    "11.2;8.5;1.4",
    "sp:40 mf:30 ra:20 mc:10",
    "2022-01",
    "",
    "active",
    "kit-mobilite-solidaire annuaire-mobilite-solidaire grille-evaluation-alliance-multi-acteurs",
    """Six garages et plateformes de mobilité solidaire mutualisent achats de pièces, logiciel
  de gestion et formation des mécaniciens en insertion. Le laboratoire conduit une
  évaluation commune de leur effet sur l'accès à l'emploi.""",
)
L(
    "donnees-libres-associations-laval",
    "Des outils libres pour les associations lavalloises",
    "laval-numerique-citoyen fonds-cap-numerique tregor-data-services",
    "laval-numerique-citoyen",
    com("Laval"),
    "16.10;4.4;9.c",
    "mf:40 sp:35 mc:25",
    "2024-11",
    "",
    "emergence",
    "plateforme-communs-numeriques",
    """Équiper trente associations de la Mayenne d'outils numériques libres et respectueux des
  données personnelles, avec l'appui de développeurs en mécénat de compétences.""",
)
L(
    "colleges-vendeens-locaux",
    "Collèges vendéens : manger local",
    "departement-vendee maraichers-de-vendee labo-ville-alimentation-tours",
    "departement-vendee",
    dep("85"),
    "2.4;12.3;12.7",
    "cp:60 sp:25 ra:15",
    "2020-09",
    "",
    "active",
    "etude-alimentation-villes-moyennes",
    """Approvisionner les cantines des collèges en légumes de la coopérative, y compris les
  calibres déclassés, et mesurer le gaspillage alimentaire dans les assiettes.""",
)
L(
    "habiter-le-saumurois",
    "Habiter ensemble le Saumurois",
    "habitat-inclusif-ligerien hameaux-partages-bretagne fondation-sevre-solidaire "
    "droit-engagement-avocats",
    "habitat-inclusif-ligerien",
    com("Saumur"),
    "11.1;3.8;10.2",
    "mf:40 sp:35 dp:15 mc:10",
    "2025-11",
    "",
    "emergence",
    "kit-habitat-inclusif",
    """Transposer en Anjou l'expérience bretonne des hameaux partagés : une première maison
  pour huit seniors isolés, dans un ancien presbytère prêté par la commune.""",
)
L(
    "forge-tiers-lieu-rural",
    "La Forge, un tiers-lieu rural à consolider",
    "forge-du-castelbriantais reseau-tiers-lieux-en-commun fondation-loire-solidaire "
    "reseau-partenariats-territoires",
    "forge-du-castelbriantais",
    com("Châteaubriant"),
    "11.a;8.3",
    "sp:40 fp:25 mf:20 ra:15",
    "2025-03",
    "",
    "emergence",
    "carte-tiers-lieux autodiagnostic-modele-socio-economique",
    """Consolider le modèle économique du tiers-lieu avec un café associatif, une offre de
  formation et des locations d'atelier, et ouvrir la gouvernance aux artisans résidents.""",
)

# Provence-Alpes-Côte d'Azur ------------------------------------------------------------------
L(
    "paniers-frais-quartiers-nord",
    "Paniers frais des quartiers Nord",
    "paniers-des-quartiers-nord ville-marseille fondation-mistral-solidaire legumerie-du-comtat "
    "labo-mediterraneen-solidarites",
    "paniers-des-quartiers-nord",
    com("Marseille"),
    "2.1;2.4;12.3",
    "sp:35 mf:35 ra:20 fe:10",
    "2019-05",
    "",
    "active",
    "etude-couts-evites-gaspillage methode-impact-quatre-temps",
    """Des paniers de fruits et légumes de la Crau et du Comtat livrés chaque semaine dans dix
  cités, à un prix adapté aux revenus. La légumerie transforme les invendus en soupes
  distribuées avec les paniers.""",
)
L(
    "traiteur-belle-de-mai",
    "Du repas partagé au traiteur solidaire",
    "cuisine-commune-belle-de-mai cabanon-solidaire fondation-mistral-solidaire "
    "droit-engagement-avocats",
    "cuisine-commune-belle-de-mai",
    com("Marseille"),
    "5.5;8.3;2.1",
    "mf:40 bv:30 dp:15 sp:15",
    "2025-10",
    "",
    "emergence",
    "guide-conventions-partenariat kit-premiers-pas-partenariat",
    """Accompagner les cuisinières du collectif vers la création d'un traiteur coopératif :
  cuisine aux normes au tiers-lieu, statut juridique, premiers clients parmi les entreprises
  de la fondation.""",
)
L(
    "calanques-sans-filets",
    "Calanques sans filets fantômes",
    "mer-propre-calanques compagnie-maritime-phoceenne labo-littoral-societes-brest "
    "prefecture-bouches-du-rhone ateliers-de-la-rade",
    "mer-propre-calanques",
    dep("13"),
    "14.1;14.2;15.5",
    "mf:40 sp:25 bv:20 mc:15",
    "2021-07",
    "",
    "active",
    "kit-dechets-marins",
    """Des plongées de retrait des filets perdus, un protocole scientifique importé de Brest
  pour suivre les déchets, et le recyclage des filets dans l'atelier d'insertion de la
  rade de Toulon.""",
)
L(
    "accueil-en-montagne-briancon",
    "Accueillir en montagne",
    "maison-accueil-des-cretes departement-hautes-alpes fondation-horizons-partages "
    "gap-mobilite-montagne",
    "maison-accueil-des-cretes",
    com("Briançon"),
    "10.7;3.8",
    "dp:45 mf:30 sp:15 bv:10",
    "2018-12",
    "",
    "active",
    "",
    """Mettre à l'abri, soigner et orienter les personnes exilées arrivées par la montagne,
  puis organiser leur transport vers les villes de la vallée.""",
)
L(
    "agrivoltaisme-cereales-anciennes",
    "Soleil et blés anciens en Haute-Provence",
    "soleil-de-haute-provence semences-haute-provence unite-agroecologie-mediterraneenne "
    "epargne-commune",
    "soleil-de-haute-provence",
    dep("04"),
    "7.2;2.5;13.2",
    "ii:40 fp:30 sp:20 ra:10",
    "2023-02",
    "",
    "active",
    "etude-energie-citoyenne",
    """Des panneaux solaires citoyens au-dessus de parcelles de blés anciens : l'ombre protège
  les cultures pendant les canicules, et l'électricité vendue rémunère les paysans.""",
)
L(
    "cantines-avignon-comtat",
    "Cantines d'Avignon et du Comtat",
    "legumerie-du-comtat ville-avignon fondation-mistral-solidaire",
    "legumerie-du-comtat",
    dep("84"),
    "2.4;12.3;12.7",
    "cp:55 mf:25 sp:20",
    "2017-09",
    "2021-07",
    "completed",
    "",
    """Des légumes locaux préparés par la légumerie pour les écoles d'Avignon, avec un travail
  sur les menus pour limiter le gaspillage. Le marché public a été renouvelé sans la
  fondation, qui avait financé le démarrage.""",
)
L(
    "theatre-et-ecoles-avignon",
    "Théâtre à l'école toute l'année",
    "theatre-des-remparts ville-avignon fondation-mistral-solidaire",
    "theatre-des-remparts",
    com("Avignon"),
    "4.7;11.4",
    "sp:45 mf:35 ra:20",
    "2020-09",
    "",
    "active",
    "kit-raconter-son-alliance",
    """Des ateliers de théâtre hebdomadaires dans six écoles des quartiers et un spectacle
  joué pendant le festival. Les familles viennent pour la première fois dans un théâtre.""",
)
L(
    "habitat-autisme-nice",
    "Habiter la ville avec l'autisme",
    "maisons-d-helios agence-cooperations-solidaires labo-mediterraneen-solidarites",
    "maisons-d-helios",
    com("Nice"),
    "11.1;3.8;10.2",
    "mf:35 sp:30 ii:20 ra:15",
    "2022-05",
    "",
    "active",
    "kit-habitat-inclusif",
    """Des colocations accompagnées pour jeunes adultes autistes dans des immeubles
  ordinaires, avec un suivi par des chercheurs de la qualité de vie et de l'inclusion dans le
  quartier.""",
)
L(
    "rade-insertion-littoral",
    "La rade, chantier d'insertion du littoral",
    "ateliers-de-la-rade compagnie-maritime-phoceenne fondation-mistral-solidaire",
    "ateliers-de-la-rade",
    dep("83"),
    "8.5;14.1",
    "sp:45 mc:25 mf:20 ra:10",
    "2016-03",
    "2020-12",
    "completed",
    "",
    """Entretien des sentiers littoraux et restauration de barques traditionnelles par des
  salariés en insertion, encadrés par des charpentiers de marine. La moitié ont trouvé un
  emploi dans le nautisme.""",
)

# Île-de-France and national alliances ----------------------------------------------------------
L(
    "reparer-plutot-que-jeter-montreuil",
    "Réparer plutôt que jeter à Montreuil",
    "ressourcerie-bas-montreuil ville-montreuil federation-reemploi-solidarite "
    "mesures-impact-conseil",
    "ressourcerie-bas-montreuil",
    com("Montreuil"),
    "12.5;8.5;11.6",
    "ra:40 sp:30 cp:20 bv:10",
    "2018-01",
    "",
    "active",
    "referentiel-impact-reemploi",
    """Des ateliers de réparation dans les maisons de quartier, une collecte d'objets sur les
  marchés et une boutique de réemploi. Le cabinet a aidé à chiffrer les tonnes évitées et
  les emplois créés.""",
)
L(
    "artisans-d-aubervilliers",
    "Artisans d'Aubervilliers",
    "ateliers-partages-aubervilliers reseau-tiers-lieux-en-commun droit-engagement-avocats "
    "epargne-commune",
    "ateliers-partages-aubervilliers",
    com("Aubervilliers"),
    "8.3;11.3",
    "ra:35 ii:25 sp:25 mc:15",
    "2025-05",
    "",
    "emergence",
    "annuaire-experts-pro-bono",
    """Sécuriser le bail de l'ancienne imprimerie grâce à une foncière solidaire et créer une
  formation aux métiers d'art pour les jeunes du quartier.""",
)
L(
    "cuisine-accueil-saint-denis",
    "Cuisiner l'accueil à Saint-Denis",
    "cuisine-exiles-saint-denis ville-saint-denis prefecture-seine-saint-denis marche-frais-france",
    "cuisine-exiles-saint-denis",
    com("Saint-Denis"),
    "10.7;2.1",
    "dp:35 sp:35 mc:15 bv:15",
    "2024-04",
    "",
    "active",
    "",
    """La ville prête une cuisine de restaurant scolaire le samedi, le magasin voisin donne ses
  invendus et l'État finance un poste de coordination : 150 repas chaque semaine, cuisinés
  par des habitants et des personnes exilées.""",
)
L(
    "droits-numeriques-nanterre",
    "Droits et numérique à Nanterre",
    "acces-droits-numerique-nanterre fonds-cap-numerique labo-cooperations-territoires",
    "acces-droits-numerique-nanterre",
    com("Nanterre"),
    "4.4;16.9;10.2",
    "sp:50 mf:35 bv:15",
    "2021-10",
    "2024-09",
    "completed",
    "formation-mediateurs-numeriques",
    """Former les bénévoles écrivains publics au numérique et à la protection des données, et
  étudier avec les chercheurs les effets de la dématérialisation sur le non-recours aux
  droits.""",
)
L(
    "observatoire-entreprises-engagees",
    "Observatoire des entreprises engagées",
    "chaire-biens-communs-cergy lab-mobilite-inclusive-cergy reseau-partenariats-territoires",
    "chaire-biens-communs-cergy",
    reg("11"),
    "17.17;12.6",
    "mf:50 sp:30 ra:20",
    "2020-01",
    "",
    "active",
    "etude-valeur-entreprises-engagees",
    """Suivre pendant cinq ans une cinquantaine d'entreprises engagées dans des alliances
  territoriales et comprendre ce qui fait durer leur engagement.""",
)
L(
    "evaluer-les-cooperations",
    "Évaluer les coopérations territoriales",
    "labo-cooperations-territoires reseau-partenariats-territoires mesures-impact-conseil "
    "agence-cooperations-solidaires labo-tersis labo-economie-cooperations-lyon "
    "labo-economie-sociale-midi",
    "labo-cooperations-territoires",
    "",
    "17.17;17.18;16.6",
    "sp:40 mf:30 fe:20 co:10",
    "2019-01",
    "",
    "active",
    "grille-evaluation-alliance-multi-acteurs methode-recit-experience etude-alliances-pionnieres",
    """Une communauté de chercheurs et d'évaluateurs qui harmonise ses grilles, mutualise ses
  données et publie chaque année une analyse comparée des alliances évaluées. Elle forme aussi
  les praticiens à l'évaluation.""",
)
L(
    "territoires-zero-gaspillage",
    "Territoires zéro gaspillage alimentaire",
    "fondation-solstice marche-frais-france banque-alimentaire-metropole-lilloise "
    "halles-solidaires-bacalan cuisines-nomades-mirail paniers-des-quartiers-nord "
    "labo-ville-alimentation-tours labo-cooperations-territoires",
    "fondation-solstice",
    "",
    "2.1;12.3;17.17",
    "mf:50 ra:20 sp:20 bv:10",
    "2022-05",
    "",
    "active",
    "kit-collecte-invendus etude-couts-evites-gaspillage",
    """Un programme national qui relie des plateformes locales de collecte d'invendus et de
  transformation, de Lille à Marseille, pour échanger méthodes, outils logistiques et
  indicateurs communs de gaspillage alimentaire évité.""",
)
L(
    "recycleries-rurales",
    "Réseau des recycleries rurales",
    "federation-reemploi-solidarite recyclerie-bocage-virois recyclerie-du-lodevois "
    "recyclerie-pays-de-morlaix labo-cooperations-territoires",
    "federation-reemploi-solidarite",
    "",
    "12.5;11.a;8.5",
    "co:30 sp:30 mf:25 fe:15",
    "2020-03",
    "",
    "active",
    "referentiel-impact-reemploi",
    """Les recycleries des petites villes et des campagnes partagent leurs solutions de
  collecte à domicile, de vente itinérante et de financement, très différentes de celles des
  métropoles.""",
)
L(
    "tiers-lieux-ruraux-cooperation",
    "Tiers-lieux ruraux en coopération",
    "reseau-tiers-lieux-en-commun grange-commune-mellionnec filature-de-figeac etabli-creusois "
    "tiers-lieu-cluny labo-ruralites-normandes",
    "reseau-tiers-lieux-en-commun",
    "",
    "11.a;8.3;17.17",
    "sp:40 co:25 ra:20 fe:15",
    "2021-09",
    "",
    "active",
    "methode-modele-economique-tiers-lieu carte-tiers-lieux",
    """Cinq tiers-lieux de villages et de petites villes se rendent visite, comparent leurs
  comptes et construisent ensemble une offre de services au public en milieu rural.""",
)

# Normandie, Bourgogne-Franche-Comté, Centre-Val de Loire ---------------------------------------
L(
    "vire-reemploi-velo",
    "Vélos de réemploi dans le Bocage",
    "recyclerie-bocage-virois labo-ruralites-normandes docks-solidaires-havre",
    "recyclerie-bocage-virois",
    com("Vire Normandie"),
    "12.5;8.5;11.2",
    "ra:40 sp:35 fe:25",
    "2023-06",
    "",
    "active",
    "",
    """Un atelier de vélos de réemploi installé dans un conteneur aménagé par le chantier
  havrais, et une étude sur la mobilité à vélo dans les bourgs.""",
)
L(
    "vierzon-friches-en-commun",
    "Vierzon, friches en commun",
    "ville-vierzon garage-solidaire-berry labo-ville-alimentation-tours "
    "agence-cooperations-solidaires",
    "ville-vierzon",
    com("Vierzon"),
    "11.3;8.3",
    "sp:55 fe:25 ra:20",
    "2026-01",
    "",
    "emergence",
    "kit-diagnostic-territorial",
    """Réinvestir une ancienne usine de porcelaine avec un garage solidaire, une halle
  alimentaire et des ateliers. Le diagnostic partagé avec les habitants vient de commencer.""",
)
L(
    "bois-local-des-massifs",
    "Bois local des massifs",
    "bois-du-morvan cooperative-bois-millevaches cooperative-forestiere-vosges epargne-commune "
    "service-regional-foret-grand-est",
    "bois-du-morvan",
    "",
    "15.2;12.2;8.2",
    "ra:40 ii:30 sp:20 fp:10",
    "2024-02",
    "",
    "active",
    "guide-scic",
    """Trois coopératives forestières du Morvan, du Limousin et des Vosges créent une marque
  commune de bois de construction local et partagent un outil de traçabilité.""",
)
L(
    "invendus-etudiants-dijon",
    "Invendus pour les étudiants dijonnais",
    "epicerie-solidaire-dijonnaise marche-frais-france labo-ville-alimentation-tours",
    "epicerie-solidaire-dijonnaise",
    com("Dijon"),
    "2.1;12.3",
    "mf:40 ra:30 sp:20 bv:10",
    "2023-10",
    "",
    "active",
    "kit-collecte-invendus",
    """Les invendus de deux magasins et du marché couvert sont proposés en paniers à un euro aux
  étudiants. Les chercheurs tourangeaux suivent l'évolution de la précarité étudiante.""",
)

# --------------------------------------------------------------------------------------------
# TOOLS
# T(id, title, kind, maturity, pillars, audience, sdgs, publisher, description)
# --------------------------------------------------------------------------------------------
T(
    "guide-dix-idees-recues",
    "Dix idées reçues sur les alliances territoriales",
    "guide",
    "sce",
    "fv cap",
    "association entreprise collectivite collectif",
    "17.17",
    "reseau-partenariats-territoires",
    """« Les entreprises ne cherchent qu'à soigner leur image », « les petites associations n'ont
  rien à apporter »… Ce guide court confronte dix préjugés tenaces à des exemples concrets de
  coopérations réussies ou ratées.""",
)
T(
    "kit-premiers-pas-partenariat",
    "Kit « premiers pas » : rencontrer un partenaire en cinq étapes",
    "kit",
    "pp",
    "cap eco",
    "association collectif entreprise",
    "17.17",
    "reseau-partenariats-territoires",
    """Fiches pratiques, trame de premier rendez-vous et modèle de lettre d'intention pour passer
  de l'idée à une première action commune avec une entreprise, une commune ou une autre
  association.""",
)
T(
    "grille-maturite-partenariale",
    "Grille d'autodiagnostic de la maturité partenariale",
    "evaluation",
    "sce pp act pio",
    "eval",
    "association entreprise collectivite fondation cooperative etat recherche collectif",
    "17.17",
    "labo-cooperations-territoires",
    """Une vingtaine de questions pour situer son organisation entre « sceptique » et
  « pionnier » et repérer les prochaines marches à franchir. Remplie en équipe, elle sert
  aussi de support de discussion.""",
)
T(
    "barometre-alliances",
    "Baromètre des alliances territoriales 2025",
    "etude",
    "sce pp",
    "fv eval",
    "association entreprise collectivite fondation etat",
    "17.17",
    "reseau-partenariats-territoires",
    """Enquête auprès de 3 000 dirigeants d'associations, d'entreprises et d'élus locaux : qui
  coopère avec qui, pour quels résultats, et ce qui freine ceux qui ne s'y sont pas encore
  lancés.""",
)
T(
    "methode-impact-quatre-temps",
    "Mesurer l'impact social en quatre temps",
    "methode",
    "act pio",
    "eval",
    "association cooperative fondation entreprise",
    "17.18;16.6",
    "mesures-impact-conseil",
    """Cadrer les questions évaluatives, choisir des indicateurs utiles, collecter avec les
  bénéficiaires, restituer pour décider : une méthode éprouvée sur une soixantaine
  d'alliances, avec ses modèles de questionnaires.""",
)
T(
    "formation-modeles-hybrides",
    "Formation : construire un modèle socio-économique hybride",
    "formation",
    "pp act",
    "eco",
    "association collectif cooperative",
    "17.17;8.3",
    "reseau-partenariats-territoires",
    """Deux jours pour cartographier ses ressources (subventions, recettes, mécénat, bénévolat
  valorisé, cotisations) et imaginer une combinaison plus solide et moins dépendante d'un
  seul financeur.""",
)
T(
    "plateforme-mecenat-competences",
    "Bourse territoriale du mécénat de compétences",
    "plateforme",
    "pp act",
    "eco",
    "association entreprise collectif",
    "17.17;8.5",
    "fondation-horizons-partages",
    """Plateforme en ligne où les associations publient leurs besoins (juridique, comptabilité,
  communication, informatique) et où les salariés d'entreprises mécènes proposent quelques
  heures ou quelques jours de compétences.""",
)
T(
    "annuaire-fondations-territoriales",
    "Annuaire des fondations territoriales",
    "annuaire",
    "pp act",
    "eco fv",
    "association collectif cooperative",
    "17.17;17.3",
    "fondation-horizons-partages",
    """Les fondations territoriales et abritées qui financent des projets locaux, classées par
  région et par thème, avec leurs calendriers d'appels à projets et leurs critères.""",
)
T(
    "guide-conventions-partenariat",
    "Guide juridique des conventions de partenariat",
    "guide",
    "pp act",
    "cap",
    "association entreprise collectivite fondation collectif",
    "16.3;17.17",
    "droit-engagement-avocats",
    """Mécénat, parrainage, prestation, subvention, groupement : comment choisir le bon cadre,
  avec des modèles de conventions commentés clause par clause et les pièges fiscaux à
  éviter.""",
)
T(
    "kit-raconter-son-alliance",
    "Kit de communication : raconter son alliance",
    "kit",
    "act",
    "fv",
    "association entreprise collectivite fondation",
    "17.17",
    "reseau-partenariats-territoires",
    """Trames de récit, conseils pour les photos et les témoignages, gabarits de fiches projet :
  de quoi faire connaître une coopération auprès des élus, des médias locaux et des
  habitants.""",
)
T(
    "methode-recit-experience",
    "Capitaliser par le récit d'expérience",
    "methode",
    "act pio",
    "cap",
    "association recherche fondation collectivite",
    "17.17;4.7",
    "labo-cooperations-territoires",
    """Une démarche d'entretiens croisés et d'ateliers pour écrire l'histoire d'une alliance,
  ses bifurcations et ses apprentissages, et la rendre transmissible à d'autres
  territoires.""",
)
T(
    "etude-couts-evites-gaspillage",
    "Étude : les coûts évités de la lutte contre le gaspillage alimentaire",
    "etude",
    "act pio",
    "eval eco",
    "collectivite entreprise association fondation",
    "12.3;2.1",
    "fondation-solstice",
    """Analyse de quinze plateformes de collecte d'invendus : tonnes sauvées, repas distribués,
  coûts de traitement des déchets évités, emplois créés. Elle fournit des ratios
  réutilisables pour justifier un financement.""",
)
T(
    "formation-piloter-cooperation",
    "Parcours dirigeants : piloter une coopération territoriale",
    "formation",
    "pio",
    "cap eco",
    "association entreprise collectivite cooperative etat",
    "17.17;16.7",
    "agence-cooperations-solidaires",
    """Six journées sur un an pour les dirigeants d'alliances installées : gouvernance partagée,
  gestion des conflits, modèle économique commun, passage de relais.""",
)
T(
    "carte-tiers-lieux",
    "Carte collaborative des tiers-lieux",
    "plateforme",
    "pp act",
    "fv cap",
    "association collectif collectivite cooperative",
    "11.3;8.3",
    "reseau-tiers-lieux-en-commun",
    """Carte ouverte où chaque tiers-lieu décrit ses espaces, ses services et ses
  partenaires, et où les collectivités repèrent les lieux existants avant de lancer un
  projet.""",
)
T(
    "guide-evaluation-participative",
    "Guide de l'évaluation participative",
    "guide",
    "act",
    "eval",
    "association collectivite recherche collectif",
    "16.7;17.18",
    "labo-economie-cooperations-lyon",
    """Comment associer les habitants et les bénéficiaires à l'évaluation d'un projet : choix des
  questions, outils d'animation, restitution. Illustré par six alliances de la région
  lyonnaise.""",
)
T(
    "kit-collecte-invendus",
    "Kit anti-gaspi : organiser la collecte d'invendus",
    "kit",
    "pp act",
    "cap eco",
    "association entreprise collectif",
    "12.3;2.1",
    "fondation-solstice",
    """Conventions de don types, fiches d'hygiène et de chaîne du froid, calcul de la réduction
  d'impôt pour le donateur, planning de tournées : tout pour organiser la récupération des
  invendus entre magasins et associations.""",
)
T(
    "guide-reemploi-collectivites",
    "Le réemploi : guide à l'usage des collectivités",
    "guide",
    "sce pp",
    "fv cap",
    "collectivite etat",
    "12.5;11.6",
    "federation-reemploi-solidarite",
    """Pourquoi et comment intégrer une recyclerie dans sa politique déchets : caissons en
  déchetterie, mise à disposition de locaux, marchés réservés. Avec les chiffres clés du
  réemploi solidaire.""",
)
T(
    "referentiel-impact-reemploi",
    "Référentiel d'impact des recycleries",
    "evaluation",
    "act pio",
    "eval",
    "association cooperative collectivite",
    "12.5;8.5",
    "federation-reemploi-solidarite",
    """Une trentaine d'indicateurs communs (tonnes détournées, taux de réemploi, parcours
  d'insertion, fréquentation des ateliers) et une méthode de collecte partagée par les
  recycleries et ressourceries du réseau.""",
)
T(
    "formation-mediateurs-numeriques",
    "Former les médiateurs numériques",
    "formation",
    "pp act",
    "cap",
    "association collectivite collectif",
    "4.4;10.2",
    "fonds-cap-numerique",
    """Parcours de formation pour les médiateurs et les bénévoles qui accompagnent les
  personnes éloignées du numérique : démarches en ligne, sécurité, posture
  d'accompagnement.""",
)
T(
    "etude-precarite-energetique",
    "Rénover sans exclure : étude sur la précarité énergétique",
    "etude",
    "sce act",
    "eval fv",
    "collectivite entreprise association etat",
    "7.1;11.1",
    "labo-alpin-transitions",
    """Ce que la rénovation change vraiment dans la vie des ménages modestes : factures, confort,
  santé. L'étude montre aussi pourquoi tant de propriétaires renoncent aux travaux.""",
)
T(
    "methode-auto-rehabilitation",
    "Chantiers d'auto-réhabilitation accompagnée",
    "methode",
    "act",
    "cap eco",
    "association entreprise fondation collectivite",
    "7.1;11.1",
    "fondation-batinova",
    """Une méthode pour organiser des chantiers où les habitants participent à la rénovation de
  leur logement, encadrés par des professionnels : sécurité, assurances, financement,
  planning.""",
)
T(
    "annuaire-mobilite-solidaire",
    "Annuaire des plateformes de mobilité solidaire",
    "annuaire",
    "pp",
    "fv",
    "association collectivite etat",
    "11.2;8.5",
    "agence-cooperations-solidaires",
    """Garages solidaires, auto-écoles sociales, locations de véhicules et transports bénévoles,
  département par département, pour orienter les personnes et trouver des partenaires.""",
)
T(
    "guide-scic",
    "Créer une SCIC à plusieurs",
    "guide",
    "pp act",
    "eco",
    "association collectivite cooperative entreprise collectif",
    "8.3;17.17",
    "epargne-commune",
    """La société coopérative d'intérêt collectif expliquée pas à pas : collèges d'associés,
  entrée des collectivités au capital, financement et fonds propres.""",
)
T(
    "plateforme-financement-participatif-territorial",
    "Financement participatif territorial",
    "plateforme",
    "act pio",
    "eco",
    "association cooperative collectif",
    "8.10;17.17",
    "epargne-commune",
    """Plateforme de dons et de prêts citoyens réservée aux projets d'utilité sociale portés à
  plusieurs, avec un accompagnement de la campagne.""",
)
T(
    "etude-valeur-entreprises-engagees",
    "Ce que les entreprises gagnent à coopérer",
    "etude",
    "sce pp",
    "fv eval",
    "entreprise fondation",
    "17.17;12.6",
    "chaire-biens-communs-cergy",
    """Étude qualitative auprès de quarante entreprises engagées dans des alliances
  territoriales : fidélisation des salariés, ancrage local, innovation, mais aussi
  déceptions et coûts cachés.""",
)
T(
    "kit-diagnostic-territorial",
    "Kit : un diagnostic partagé de territoire en une journée",
    "kit",
    "pp",
    "cap",
    "collectivite association collectif",
    "11.3;17.17",
    "reseau-partenariats-territoires",
    """Déroulé d'atelier, cartes à imprimer et grille de synthèse pour réunir habitants,
  associations, entreprises et élus autour des besoins d'un territoire.""",
)
T(
    "formation-evaluation-impact",
    "Se former à l'évaluation d'impact social",
    "formation",
    "pp act",
    "eval",
    "association cooperative collectif",
    "17.18",
    "labo-tersis",
    """Trois demi-journées pour comprendre les différences entre suivi, évaluation et mesure
  d'impact, et construire les premiers indicateurs de son projet.""",
)
T(
    "grille-evaluation-alliance-multi-acteurs",
    "Grille d'évaluation des alliances multi-acteurs",
    "evaluation",
    "act pio",
    "eval",
    "association entreprise collectivite fondation recherche etat",
    "17.17;17.18",
    "labo-cooperations-territoires",
    """Six critères (pertinence, cohérence, efficacité, efficience, impact, pérennité) déclinés
  en questions et en niveaux de 1 à 5, pour évaluer une alliance et comparer les
  résultats dans le temps.""",
)
T(
    "guide-mecenat-pme",
    "Le mécénat des PME en dix questions",
    "guide",
    "sce pp",
    "eco fv",
    "entreprise",
    "17.17",
    "fondation-beffroi-solidaire",
    """Pour les dirigeants de petites entreprises qui hésitent : réduction d'impôt, mécénat en
  nature et en compétences, choix d'une association, mesure des retombées.""",
)
T(
    "annuaire-tetes-de-reseau",
    "Annuaire des têtes de réseau de l'ESS",
    "annuaire",
    "sce pp",
    "fv",
    "association cooperative collectivite entreprise",
    "17.17",
    "reseau-partenariats-territoires",
    """Qui contacter pour trouver un partenaire ou un accompagnement : fédérations, réseaux
  régionaux, pôles territoriaux de coopération, classés par thème et par région.""",
)
T(
    "banque-retours-experience",
    "Banque de retours d'expérience des alliances",
    "plateforme",
    "act pio",
    "cap",
    "association entreprise collectivite fondation recherche",
    "17.17",
    "reseau-partenariats-territoires",
    """Plus de 300 fiches de retours d'expérience rédigées par les alliances elles-mêmes :
  contexte, partenaires, moyens, résultats et ce qu'elles referaient autrement.""",
)
T(
    "etude-jardins-partages",
    "Jardins partagés : ce qu'ils changent dans les quartiers",
    "etude",
    "sce pp",
    "eval fv",
    "collectivite association collectif",
    "11.7;2.4",
    "labo-innovation-sociale-aquitaine",
    """Enquête dans vingt jardins partagés : liens de voisinage, alimentation, santé, usage des
  espaces publics. Elle aide les élus à comprendre ce qu'un jardin apporte au-delà des
  légumes.""",
)
T(
    "kit-habitat-inclusif",
    "Monter un habitat inclusif avec sa commune",
    "kit",
    "pp act",
    "eco cap",
    "association collectivite fondation",
    "11.1;10.2",
    "hameaux-partages-bretagne",
    """Étapes, montages immobiliers possibles, financement de l'animation de vie partagée et
  exemples de conventions entre commune, bailleur et association.""",
)
T(
    "guide-sante-mentale-partenariats",
    "Santé mentale : construire des partenariats de proximité",
    "guide",
    "sce pp",
    "cap fv",
    "association collectivite entreprise",
    "3.4",
    "passeurs-d-ecoute",
    """Comment clubs sportifs, employeurs, mairies et associations peuvent agir ensemble pour
  la santé mentale, sans se substituer aux soignants.""",
)
T(
    "methode-modele-economique-tiers-lieu",
    "Le modèle économique d'un tiers-lieu : la méthode des trois cercles",
    "methode",
    "act",
    "eco",
    "association cooperative collectif",
    "11.3;8.3",
    "reseau-tiers-lieux-en-commun",
    """Distinguer les activités qui rapportent, celles qui servent la mission et celles qui
  tiennent le lieu, pour bâtir un budget réaliste et négocier avec les partenaires
  publics.""",
)
T(
    "formation-plaidoyer",
    "Plaidoyer : faire reconnaître son alliance",
    "formation",
    "act pio",
    "fv",
    "association cooperative collectif fondation",
    "16.7;17.17",
    "reseau-partenariats-territoires",
    """Une formation pour transformer les résultats d'une alliance en propositions de politique
  publique et les porter auprès des élus et des administrations.""",
)
T(
    "etude-energie-citoyenne",
    "Énergie citoyenne et retombées locales",
    "etude",
    "act pio",
    "eval eco",
    "cooperative collectivite association",
    "7.2;13.2",
    "energies-citoyennes-kreiz-breizh",
    """Étude de vingt projets d'énergie citoyenne : ce qu'ils rapportent aux territoires en
  revenus, en emplois et en projets financés, comparés aux projets privés classiques.""",
)
T(
    "guide-accueil-refugies-rural",
    "Accueillir des familles réfugiées en milieu rural",
    "guide",
    "sce pp",
    "cap",
    "collectivite association collectif",
    "10.7",
    "accueil-plateau-vivarais-lignon",
    """Logement, école, transport, emploi, vie associative : un guide tiré de dix ans
  d'accueil sur un plateau de moyenne montagne, avec les erreurs à éviter.""",
)
T(
    "kit-dechets-marins",
    "Protocole de caractérisation des déchets de plage",
    "kit",
    "pp act",
    "eval cap",
    "association collectif recherche",
    "14.1",
    "labo-littoral-societes-brest",
    """Un protocole simple pour compter, classer et photographier les déchets ramassés sur une
  plage, et verser les données dans une base commune utile aux chercheurs.""",
)
T(
    "plateforme-economies-eau",
    "Économies d'eau : retours de terrain",
    "plateforme",
    "pp act",
    "eval fv",
    "collectivite entreprise cooperative collectif",
    "6.4;6.3",
    "mission-eau-secheresse-occitanie",
    """Une plateforme qui recense les solutions testées pour économiser ou réutiliser l'eau,
  avec les volumes économisés, les coûts et les contacts des porteurs.""",
)
T(
    "autodiagnostic-modele-socio-economique",
    "Autodiagnostic du modèle socio-économique",
    "evaluation",
    "sce pp",
    "eco eval",
    "association collectif cooperative",
    "17.17;8.3",
    "agence-cooperations-solidaires",
    """Un questionnaire en ligne qui mesure la dépendance d'une structure à ses financeurs et
  suggère des pistes de diversification adaptées à sa taille.""",
)
T(
    "methode-co-construction",
    "Co-construire une politique publique avec les associations",
    "methode",
    "act pio",
    "cap fv",
    "collectivite etat association",
    "16.7;17.17",
    "labo-dynamiques-europeennes",
    """Une méthode en cinq étapes, inspirée d'expériences françaises et allemandes, pour
  associer les acteurs associatifs à l'élaboration d'une politique locale.""",
)
T(
    "annuaire-experts-pro-bono",
    "Annuaire des experts pro bono",
    "annuaire",
    "pp act",
    "eco",
    "association collectif",
    "16.3;17.17",
    "droit-engagement-avocats",
    """Avocats, comptables, graphistes et développeurs qui offrent du temps aux associations,
  avec leurs domaines de compétence et leurs disponibilités.""",
)
T(
    "formation-premier-partenariat-entreprise",
    "Premier partenariat avec une entreprise : une journée pour se lancer",
    "formation",
    "sce pp",
    "eco fv",
    "association collectif",
    "17.17",
    "fondation-confluences",
    """Une journée pour comprendre ce que cherchent les entreprises, préparer son argumentaire
  et rencontrer des dirigeants de la métropole lors d'un speed-meeting.""",
)
T(
    "guide-commande-publique-responsable",
    "Clauses sociales et réemploi dans la commande publique",
    "guide",
    "pp act",
    "eco",
    "collectivite etat cooperative",
    "12.7;8.5",
    "nantes-metropole",
    """Exemples de clauses d'insertion, de lots réservés et de critères de réemploi tirés de
  marchés réels, et conseils pour dialoguer avec les structures d'insertion.""",
)
T(
    "etude-alimentation-villes-moyennes",
    "La précarité alimentaire dans les villes moyennes",
    "etude",
    "sce pp",
    "eval fv",
    "collectivite association etat",
    "2.1;1.2",
    "labo-ville-alimentation-tours",
    """Enquête dans douze villes moyennes : qui a recours à l'aide alimentaire, ce qui manque et
  comment les épiceries solidaires et les cantines peuvent mieux coopérer.""",
)
T(
    "kit-mobilite-solidaire",
    "Lancer un garage solidaire",
    "kit",
    "pp",
    "eco cap",
    "association collectivite cooperative",
    "11.2;8.5",
    "garage-solidaire-avesnois",
    """Modèle économique, statuts, assurances, relations avec les prescripteurs : le kit
  d'un garage solidaire rural qui a essaimé dans quatre départements.""",
)
T(
    "plateforme-communs-numeriques",
    "Boîte à outils libres pour associations",
    "plateforme",
    "pp act",
    "cap",
    "association collectif",
    "9.c;16.10",
    "bidouilleurs-du-ponant",
    """Une sélection de logiciels libres pour gérer adhérents, comptabilité, agenda et
  documents partagés, avec des tutoriels et un forum d'entraide.""",
)
T(
    "methode-theorie-changement",
    "Construire sa théorie du changement à plusieurs",
    "methode",
    "pp act",
    "eval cap",
    "association entreprise collectivite fondation",
    "17.18",
    "mesures-impact-conseil",
    """Un atelier guidé pour expliciter, entre partenaires, les changements visés, les
  hypothèses et les indicateurs : une base commune avant toute évaluation.""",
)
T(
    "etude-alliances-pionnieres",
    "Alliances pionnières : dix ans de coopérations territoriales",
    "etude",
    "pio",
    "cap fv eval",
    "association entreprise collectivite fondation etat recherche",
    "17.17",
    "labo-cooperations-territoires",
    """Le suivi sur dix ans de quinze alliances pionnières : comment elles sont nées, ont
  traversé les crises et changé les politiques locales, et ce qui les a fait durer.""",
)
T(
    "guide-fondations-territoriales-creer",
    "Créer une fondation territoriale",
    "guide",
    "act pio",
    "eco fv",
    "entreprise fondation collectivite",
    "17.17;17.3",
    "fondation-beffroi-solidaire",
    """Pour les chefs d'entreprise et les élus qui veulent créer une fondation de territoire :
  statut, gouvernance, collecte, premières années.""",
)

# --------------------------------------------------------------------------------------------
# EVALUATIONS
# E(id, alliance, date, scores "pertinence coherence efficacite efficience impact perennite",
#   evaluator, summary)   ('-' leaves a criterion unscored)
# --------------------------------------------------------------------------------------------
E(
    "eval-zero-invendu-2023",
    "zero-invendu-metropole-lilloise",
    "2023-06-15",
    "5 4 4 3 4 3",
    "labo-tersis",
    """Les volumes d'invendus collectés ont doublé en deux ans et les produits frais représentent
  désormais un tiers des distributions. La logistique reste fragile : elle repose sur trois
  chauffeurs bénévoles et un seul camion frigorifique.""",
)
E(
    "eval-zero-invendu-2025",
    "zero-invendu-metropole-lilloise",
    "2025-09-30",
    "5 4 4 4 4 3",
    "labo-cooperations-territoires",
    """L'alliance a tenu ses promesses et a su intégrer une enseigne nationale sans perdre son
  ancrage local. La question du financement du poste de coordination au-delà de 2026 n'est
  pas réglée.""",
)
E(
    "eval-textile-roubaix-2022",
    "filiere-textile-circulaire-roubaix",
    "2022-11-08",
    "5 4 3 3 4 3",
    "mesures-impact-conseil",
    """La filière fonctionne techniquement et a créé 38 postes d'insertion, mais le prix payé
  par la filature couvre à peine les coûts de tri. Les partenaires doivent revoir ensemble le
  modèle économique.""",
)
E(
    "eval-textile-roubaix-2025",
    "filiere-textile-circulaire-roubaix",
    "2025-05-20",
    "5 5 4 4 4 4",
    "labo-tersis",
    """Le nouveau contrat pluriannuel entre le chantier d'insertion et la filature a stabilisé
  l'activité ; les fonds européens ont financé une ligne de tri automatisée. Belle
  complémentarité entre acteurs publics et privés.""",
)
E(
    "eval-avesnois-mobilite-2021",
    "rouler-pour-travailler-avesnois",
    "2021-12-01",
    "5 4 4 4 5 3",
    "labo-tersis",
    """Sept personnes sur dix accompagnées ont trouvé ou gardé un emploi grâce à une solution de
  mobilité. Le microcrédit bancaire a peu été utilisé, les bénéficiaires préférant la
  location.""",
)
E(
    "eval-renover-bassin-minier-2024",
    "renover-sans-exclure-bassin-minier",
    "2024-10-14",
    "5 4 3 3 4 4",
    "labo-tersis",
    """Les visites préalables de la régie ont fait chuter les refus de travaux de 40 % à 12 %.
  En revanche les diagnostics de précarité énergétique financés par la coopérative ont pris du
  retard faute de thermiciens disponibles.""",
)
E(
    "eval-jardins-fives-2022",
    "jardins-partages-de-fives",
    "2022-12-05",
    "4 4 4 5 3 4",
    "labo-innovation-sociale-aquitaine",
    """Quatre jardins ouverts pour un budget modeste, grâce à un bénévolat très actif.
  Les familles les plus éloignées restent peu présentes malgré les ateliers avec les
  écoles.""",
)
E(
    "eval-somme-connectee-2023",
    "somme-connectee",
    "2023-03-22",
    "5 4 4 3 4 2",
    "labo-cooperations-territoires",
    """Plus de 6 000 personnes aidées dans leurs démarches en ligne en deux ans, dans des
  villages sans aucun service. La pérennité dépend entièrement de financements annuels, ce
  qui inquiète les médiateurs.""",
)
E(
    "eval-feminin-artois-2022",
    "entreprendre-au-feminin-artois",
    "2022-03-10",
    "5 5 4 4 4 3",
    "mesures-impact-conseil",
    """Un parcours cohérent où chaque partenaire a trouvé sa place ; 62 entreprises créées
  sont toujours actives. La fin du financement départemental a mis un terme au programme,
  que le réseau tente de relancer.""",
)
E(
    "eval-refugies-nord-2023",
    "emploi-refugies-nord",
    "2023-09-12",
    "4 3 3 3 3 2",
    "labo-cooperations-territoires",
    """L'accès à l'emploi a progressé pour les personnes suivies, mais la coordination entre les
  cinq partenaires est restée lourde et très dépendante de l'État. Sans chef de file
  associatif, l'alliance ne s'est pas prolongée.""",
)
E(
    "eval-reemploi-lyon-2021",
    "reemploi-decheteries-lyon",
    "2021-06-30",
    "5 4 4 4 4 4",
    "labo-economie-cooperations-lyon",
    """Les caissons de réemploi ont détourné 620 tonnes d'objets en trois ans et la
  ressourcerie a embauché huit personnes. Les agents de déchetterie, d'abord réticents,
  sont devenus les meilleurs prescripteurs.""",
)
E(
    "eval-reemploi-lyon-2024",
    "reemploi-decheteries-lyon",
    "2024-11-18",
    "5 5 4 4 4 5",
    "mesures-impact-conseil",
    """Le marché public réservé a sécurisé le modèle pour cinq ans : c'est un cas d'école de
  commande publique au service du réemploi. Reste à mieux mesurer les effets sur les
  parcours d'insertion.""",
)
E(
    "eval-egalite-villeurbanne-2024",
    "egalite-espace-public-villeurbanne",
    "2024-09-02",
    "5 4 4 3 3 3",
    "labo-economie-cooperations-lyon",
    """Les marches exploratoires ont donné aux habitantes une vraie place dans les choix
  d'aménagement. Les effets sur le sentiment de sécurité restent difficiles à mesurer et
  varient fortement d'un quartier à l'autre.""",
)
E(
    "eval-coproprietes-grenoble-2023",
    "coproprietes-grenoble-renovation",
    "2023-04-25",
    "5 4 3 2 4 4",
    "labo-alpin-transitions",
    """Deux copropriétés sur six ont voté les travaux ; les autres bloquent sur les avances de
  trésorerie. Quand les travaux sont faits, la consommation baisse de 45 %, mais le coût
  d'accompagnement par logement est élevé.""",
)
E(
    "eval-passeurs-numerique-2024",
    "jeunes-passeurs-numerique",
    "2024-06-12",
    "4 4 4 4 4 3",
    "mesures-impact-conseil",
    """Les jeunes stagiaires gagnent en confiance et les seniors apprécient leurs ateliers. Le
  débouché vers l'emploi reste incertain : seuls quatre jeunes sur quinze ont signé un
  contrat.""",
)
E(
    "eval-habitat-puy-de-dome-2024",
    "habiter-ensemble-puy-de-dome",
    "2024-02-28",
    "5 5 4 4 5 4",
    "labo-ruralites-sante",
    """Les habitants des colocations décrivent une vie sociale retrouvée et les entrées en
  établissement ont été retardées. Le modèle est reproductible si le financement de
  l'animation est garanti.""",
)
E(
    "eval-plateau-accueil-2021",
    "plateau-terre-d-accueil",
    "2021-09-15",
    "5 5 4 4 5 4",
    "labo-cooperations-territoires",
    """Une alliance exemplaire par la mobilisation des habitants : toutes les familles sont
  restées sur le plateau et la plupart des adultes travaillent. Le transport solidaire a été
  la clé, mais repose sur des bénévoles vieillissants.""",
)
E(
    "eval-cantines-isere-2025",
    "cantines-sans-gaspillage-isere",
    "2025-03-03",
    "4 4 5 4 4 3",
    "labo-economie-cooperations-lyon",
    """Le gaspillage alimentaire a baissé d'un tiers dans les cantines suivies et les économies
  ont financé des produits locaux. Les dons de plats non servis aux associations sont restés
  marginaux à cause des contraintes d'hygiène.""",
)
E(
    "eval-cuisine-mirail-2023",
    "cuisine-insertion-mirail",
    "2023-05-16",
    "5 4 4 4 4 3",
    "labo-economie-sociale-midi",
    """La chaîne invendus, coursiers, cuisine, crèches fonctionne et crée de l'emploi à
  chaque maillon. Les volumes d'invendus varient trop d'une semaine à l'autre pour
  planifier sereinement la production.""",
)
E(
    "eval-ingenieurs-quartiers-2022",
    "ingenieurs-dans-les-quartiers",
    "2022-10-04",
    "4 3 4 4 3 4",
    "labo-economie-sociale-midi",
    """Les ateliers sont appréciés des jeunes et des ingénieurs, mais les associations se
  sentent parfois au service du calendrier de l'entreprise. Un comité de pilotage paritaire
  est recommandé.""",
)
E(
    "eval-albi-2023",
    "alimentation-albigeoise",
    "2023-02-20",
    "5 5 5 4 4 5",
    "labo-economie-sociale-midi",
    """Un projet abouti : la part de produits locaux dans les cantines a quadruplé et les
  maraîchers installés vivent de leur production. La légumerie est désormais autonome
  financièrement.""",
)
E(
    "eval-filature-figeac-2022",
    "filature-services-ruraux",
    "2022-01-19",
    "5 4 4 3 4 2",
    "labo-cooperations-territoires",
    """Le tiers-lieu est devenu un lieu de référence pour les habitants, y compris pour les
  démarches administratives. Sans le poste financé par l'agence, l'équilibre économique
  n'est pas atteint.""",
)
E(
    "eval-soleil-ariegeois-2024",
    "soleil-ariegeois",
    "2024-07-08",
    "4 4 5 5 3 5",
    "labo-economie-sociale-midi",
    """Les centrales produisent comme prévu et l'épargne citoyenne a été collectée en six
  semaines. L'effet social reste limité : peu de ménages modestes figurent parmi les
  sociétaires.""",
)
E(
    "eval-morlaix-2022",
    "morlaix-reemploi-centre-ville",
    "2022-09-27",
    "5 4 4 4 4 4",
    "labo-littoral-societes-brest",
    """La boutique de centre-ville attire un nouveau public et a contribué à réduire la
  vacance commerciale de la rue. Les ateliers de réparation mériteraient des créneaux en
  soirée.""",
)
E(
    "eval-iroise-2021",
    "dechets-marins-iroise",
    "2021-11-30",
    "5 5 4 4 3 4",
    "reseau-partenariats-territoires",
    """Les données citoyennes sont désormais reconnues par les services de l'État, ce qui est
  rare. L'action à la source auprès des professionnels de la mer commence à peine.""",
)
E(
    "eval-brest-numerique-2022",
    "numerique-pour-tous-brest",
    "2022-05-17",
    "5 4 5 4 4 3",
    "labo-littoral-societes-brest",
    """Objectif dépassé avec plus de deux mille ordinateurs distribués. Le réseau de bénévoles
  s'est essoufflé après le départ de l'entreprise partenaire, et l'alliance s'est
  achevée.""",
)
E(
    "eval-kreiz-breizh-2020",
    "vent-citoyen-kreiz-breizh",
    "2020-10-12",
    "5 5 4 4 4 5",
    "labo-cooperations-territoires",
    """Un parc éolien réellement approprié par les habitants, dont les revenus financent des
  projets de village. La gouvernance reste dominée par les sociétaires fondateurs.""",
)
E(
    "eval-sante-mentale-22-2024",
    "sante-mentale-rurale-costarmoricaine",
    "2024-03-14",
    "5 4 4 4 3 3",
    "labo-ruralites-sante",
    """Près de mille personnes formées, dont beaucoup d'élus ruraux. L'effet sur le repérage
  précoce est réel mais inégal, et les relais vers les soignants restent trop longs.""",
)
E(
    "eval-voiles-scorff-2024",
    "seconde-vie-des-voiles",
    "2024-06-03",
    "3 3 2 2 2 1",
    "mesures-impact-conseil",
    """La collecte des voiles a bien fonctionné, mais la vente des produits n'a jamais couvert les
  coûts de fabrication. L'alliance aurait dû tester le marché avant d'investir dans
  l'atelier.""",
)
E(
    "eval-bordeaux-alimentation-2023",
    "precarite-alimentaire-bordeaux",
    "2023-12-11",
    "5 4 4 3 4 3",
    "labo-innovation-sociale-aquitaine",
    """La carte alimentaire a amélioré la consommation de fruits et légumes des familles
  suivies. Le coût par foyer est élevé et l'extension à toute la ville suppose un
  engagement durable des financeurs publics.""",
)
E(
    "eval-renovation-rive-droite-2023",
    "renovation-accompagnee-rive-droite",
    "2023-04-05",
    "4 4 4 3 4 3",
    "labo-innovation-sociale-aquitaine",
    """Les chantiers participatifs ont tenu leurs objectifs et les habitants ont gagné en
  compétences. L'entreprise regrette la lourdeur administrative des aides à la rénovation.""",
)
E(
    "eval-aidants-niortais-2022",
    "aidants-ruraux-niortais",
    "2022-06-21",
    "5 5 4 4 4 4",
    "labo-ruralites-sante",
    """Les cafés des aidants réduisent l'isolement et le répit à domicile est très demandé.
  L'accompagnement numérique est peu utilisé par les aidants les plus âgés.""",
)
E(
    "eval-millevaches-2023",
    "millevaches-bois-et-bourgs",
    "2023-10-09",
    "5 4 3 3 4 4",
    "labo-cooperations-territoires",
    """Trois commerces de bourg rénovés en bois local et rouverts, avec des artisans installés.
  Les délais de chantier ont doublé, ce qui a fragilisé la trésorerie du collectif.""",
)
E(
    "eval-biodechets-pau-2021",
    "biodechets-bearn",
    "2021-10-26",
    "4 4 4 3 3 4",
    "labo-innovation-sociale-aquitaine",
    """La collecte à vélo a convaincu les restaurateurs et l'agglomération a repris l'activité.
  Le projet a prouvé sa pertinence mais l'association a perdu la maîtrise du service.""",
)
E(
    "eval-mobilier-strasbourg-2024",
    "mobilier-bureau-reemploi",
    "2024-01-23",
    "5 4 4 4 4 4",
    "labo-dynamiques-europeennes",
    """Le marché réservé au mobilier de réemploi est une avancée rare. Les grandes entreprises
  restent difficiles à mobiliser pour donner leur mobilier au lieu de le broyer.""",
)
E(
    "eval-toits-lorraine-2023",
    "toits-solidaires-lorraine",
    "2023-11-28",
    "5 3 3 3 3 2",
    "labo-dynamiques-europeennes",
    """Les diagnostics des thermiciens bénévoles ont été très appréciés, mais un tiers des
  ménages ont abandonné face aux délais des aides. La coopération avec les artisans locaux a
  manqué.""",
)
E(
    "eval-garages-solidaires-2025",
    "reseau-garages-solidaires",
    "2025-04-15",
    "5 4 4 4 4 3",
    "labo-cooperations-territoires",
    """La mutualisation des achats de pièces et du logiciel a réduit les coûts de 15 %. Les
  garages ruraux et urbains n'ont pas les mêmes besoins, ce qui complique la gouvernance du
  réseau.""",
)
E(
    "eval-paniers-angevins-2022",
    "paniers-angevins",
    "2022-12-15",
    "5 4 4 4 5 3",
    "labo-ouest-innovation-sociale",
    """Retour à l'emploi de 58 % des jardiniers en insertion, un résultat remarquable. La vente
  en magasin a apporté des recettes mais a parfois éloigné le projet de son public
  prioritaire.""",
)
E(
    "eval-estuaire-2020",
    "estuaire-apprentissage",
    "2020-09-30",
    "5 5 5 4 4 5",
    "labo-ouest-innovation-sociale",
    """Un tutorat qui a fait ses preuves : 80 % des apprentis diplômés, beaucoup embauchés. Le
  dispositif a été intégré au fonctionnement ordinaire de l'entreprise.""",
)
E(
    "eval-quartiers-nord-2022",
    "paniers-frais-quartiers-nord",
    "2022-07-07",
    "5 4 4 3 4 3",
    "labo-mediterraneen-solidarites",
    """Les paniers touchent des familles que l'aide alimentaire classique n'atteint pas.
  La dépendance au mécénat d'une seule fondation reste le principal risque.""",
)
E(
    "eval-rade-2021",
    "rade-insertion-littoral",
    "2021-02-18",
    "4 4 4 4 4 -",
    "mesures-impact-conseil",
    """Un chantier d'insertion efficace, avec un taux de sortie vers l'emploi de 50 %. La
  pérennité n'a pas été évaluée, l'alliance ayant pris fin au moment de l'évaluation.""",
)
E(
    "eval-droits-nanterre-2024",
    "droits-numeriques-nanterre",
    "2024-10-01",
    "5 4 4 4 3 2",
    "labo-cooperations-territoires",
    """Les bénévoles se sentent mieux armés pour accompagner les démarches et protéger les
  données des personnes. Faute de relais financier, les permanences ont été réduites de
  moitié.""",
)
E(
    "eval-territoires-zero-gaspillage-2024",
    "territoires-zero-gaspillage",
    "2024-12-09",
    "5 4 4 4 4 3",
    "mesures-impact-conseil",
    """Les indicateurs communs permettent enfin de comparer les plateformes locales. Les
  échanges entre territoires sont riches, mais les plus petites structures peinent à
  dégager du temps pour y participer.""",
)
E(
    "eval-cantines-avignon-2021",
    "cantines-avignon-comtat",
    "2021-09-20",
    "4 4 4 3 3 3",
    "labo-mediterraneen-solidarites",
    """Les légumes locaux sont entrés dans les écoles et le gaspillage a reculé. Le départ de
  la fondation a fait perdre l'accompagnement pédagogique auprès des enfants.""",
)


# --------------------------------------------------------------------------------------------
# Writing the CSV files
# --------------------------------------------------------------------------------------------
COLUMNS = {
    "actors": [
        "id",
        "name",
        "type",
        "description",
        "territory",
        "sdgs",
        "offers",
        "needs",
        "resources",
        "maturity",
        "website",
        "siren",
        "rna",
        "email",
    ],
    "alliances": [
        "id",
        "title",
        "members",
        "lead",
        "description",
        "territory",
        "sdgs",
        "resources",
        "start",
        "end",
        "status",
        "tools",
    ],
    "tools": [
        "id",
        "title",
        "description",
        "url",
        "kind",
        "maturity",
        "pillars",
        "audience",
        "sdgs",
        "publisher",
    ],
    "evaluations": ["id", "alliance", "date", "scores", "summary", "evaluator"],
}


def _expand(aliases: str, table: dict[str, str]) -> str:
    """Turn space-separated aliases into a `;`-separated cell of codes."""
    return ";".join(table.get(a, a) for a in aliases.split())


def _resources(spec: str) -> str:
    """'sp:45 mf:55' -> 'subvention-publique:45;mecenat-financier:55' (percentages optional)."""
    parts = []
    for item in spec.split():
        code, _, pct = item.partition(":")
        code = RESOURCES.get(code, code)
        parts.append(f"{code}:{pct}" if pct else code)
    return ";".join(parts)


def _rng(key: str) -> random.Random:
    """A random generator seeded by an identifier, so that rebuilding gives the same files."""
    return random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:12], 16))


def luhn_ok(digits: str) -> bool:
    """Luhn check as used for SIREN numbers."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def fictional_siren(rng: random.Random, taken: set[str]) -> str:
    """Nine digits with a valid Luhn key, not yet used in this dataset."""
    while True:
        body = str(rng.randint(3, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
        siren = next(body + str(k) for k in range(10) if luhn_ok(body + str(k)))
        if siren not in taken:
            taken.add(siren)
            return siren


SIREN_SHARE = {"entreprise": 1.0, "cooperative": 1.0, "fondation": 0.6, "association": 0.35}
RNA_SHARE = {"association": 0.55}
WEBSITE_SHARE = {"collectif": 0.35, "etat": 0.5}
EMAIL_PREFIXES = ["contact", "bonjour", "accueil", "info", "partenariats"]


def actor_rows() -> list[dict]:
    """Actors with codes expanded and fictional contact details and identifiers."""
    rows, sirens = [], set()
    for a in ACTORS:
        rng = _rng(a["id"])
        row = dict(
            id=a["id"],
            name=a["name"],
            type=a["type"],
            description=a["description"],
            territory=a["territory"],
            sdgs=a["sdgs"],
            offers=_expand(a["offers"], COMPETENCES),
            needs=_expand(a["needs"], COMPETENCES),
            resources=_resources(a["resources"]),
            maturity=MATURITY.get(a["maturity"], a["maturity"]),
            website="",
            siren="",
            rna="",
            email="",
        )
        if rng.random() < WEBSITE_SHARE.get(a["type"], 0.8):
            row["website"] = f"https://{a['id']}.example"
        if rng.random() < 0.55:
            row["email"] = f"{rng.choice(EMAIL_PREFIXES)}@{a['id']}.example"
        if rng.random() < SIREN_SHARE.get(a["type"], 0.0):
            row["siren"] = fictional_siren(rng, sirens)
        if rng.random() < RNA_SHARE.get(a["type"], 0.0):
            row["rna"] = "W" + "".join(str(rng.randint(0, 9)) for _ in range(9))
        rows.append(row)
    return rows


def alliance_rows() -> list[dict]:
    """Alliances with `;`-separated members and tools and expanded resources."""
    return [
        dict(
            a,
            members=";".join(a["members"].split()),
            tools=";".join(a["tools"].split()),
            resources=_resources(a["resources"]),
        )
        for a in ALLIANCES
    ]


def tool_rows() -> list[dict]:
    """Tools with expanded maturity levels and pillars and a fictional address."""
    return [
        dict(
            t,
            url=f"https://{t['publisher']}.example/outils/{t['id']}",
            maturity=_expand(t["maturity"], MATURITY),
            pillars=_expand(t["pillars"], PILLARS),
            audience=";".join(t["audience"].split()),
        )
        for t in TOOLS
    ]


def evaluation_rows() -> list[dict]:
    """Evaluations with `criterion:score` pairs."""
    rows = []
    for e in EVALUATIONS:
        pairs = [f"{c}:{s}" for c, s in zip(CRITERIA, e["scores"].split(), strict=True) if s != "-"]
        rows.append(dict(e, scores=";".join(pairs)))
    return rows


def write_all(out: Path = HERE) -> dict[str, list[dict]]:
    """Write the four CSV files and return their rows."""
    tables = {
        "actors": actor_rows(),
        "alliances": alliance_rows(),
        "tools": tool_rows(),
        "evaluations": evaluation_rows(),
    }
    for name, rows in tables.items():
        with open(out / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=COLUMNS[name], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return tables


# --------------------------------------------------------------------------------------------
# Checking the written files against the CSV contract and the reference data
# --------------------------------------------------------------------------------------------
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MINIMUMS = {"actors": 220, "alliances": 90, "tools": 45, "evaluations": 35}


def load_reference() -> tuple[dict, dict, set, set]:
    """Communes, départements (code -> région), régions and SDG goals/targets."""
    terr = DATA / "territoires"
    with open(terr / "communes.csv", encoding="utf-8") as fh:
        communes = {r["COM"]: r["REG"] for r in csv.DictReader(fh) if r["TYPECOM"] == "COM"}
    with open(terr / "departements.csv", encoding="utf-8") as fh:
        deps = {r["DEP"]: r["REG"] for r in csv.DictReader(fh)}
    with open(terr / "regions.csv", encoding="utf-8") as fh:
        regs = {r["REG"] for r in csv.DictReader(fh)}
    text = (DATA / "sdg" / "global_targets.fr.yml").read_text(encoding="utf-8")
    sdgs = {m.replace("-", ".") for m in re.findall(r"^([0-9]+-[0-9a-z]+)-title:", text, re.M)}
    sdgs |= {str(g) for g in range(1, 18)}
    return communes, deps, regs, sdgs


def read_back(out: Path = HERE) -> dict[str, list[dict]]:
    """Read the CSV files as a user's importer would."""
    tables = {}
    for name in COLUMNS:
        with open(out / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames != COLUMNS[name]:
                raise SystemExit(f"{name}.csv: unexpected header {reader.fieldnames}")
            tables[name] = list(reader)
    return tables


def cells(value: str) -> list[str]:
    """Split a multi-valued cell."""
    return [v.strip() for v in value.split(";") if v.strip()]


def region_of(territory: str, communes: dict, deps: dict) -> str:
    """Région code of a territory cell ('' when absent)."""
    kind, _, code = territory.partition(":")
    return {
        "commune": communes.get(code, ""),
        "departement": deps.get(code, ""),
        "region": code,
    }.get(kind, "")


def check(tables: dict[str, list[dict]]) -> list[str]:
    """Return the list of problems (empty when the dataset honours the contract)."""
    communes, deps, regs, sdg_codes = load_reference()
    errors: list[str] = []
    used: dict[str, set] = {
        k: set()
        for k in (
            "type",
            "competence-offers",
            "competence-needs",
            "resource",
            "maturity",
            "pillar",
            "kind",
            "status",
            "criterion",
        )
    }

    def err(table, row, col, msg):
        errors.append(f"{table}.csv id={row.get('id')} [{col}] {msg}")

    def check_territory(table, row):
        t = row["territory"]
        if not t:
            return
        kind, _, code = t.partition(":")
        ok = {"commune": code in communes, "departement": code in deps, "region": code in regs}.get(
            kind, False
        )
        if not ok:
            err(table, row, "territory", f"unknown territory {t!r}")

    def check_sdgs(table, row):
        for s in cells(row["sdgs"]):
            if s not in sdg_codes:
                err(table, row, "sdgs", f"unknown SDG goal/target {s!r}")

    def check_resources(table, row, hybrid):
        items = cells(row["resources"])
        codes, total, with_pct = [], 0.0, 0
        for item in items:
            code, _, pct = item.partition(":")
            if code not in RESOURCES.values():
                err(table, row, "resources", f"unknown resource type {code!r}")
            used["resource"].add(code)
            codes.append(code)
            if pct:
                with_pct += 1
                total += float(pct)
        if len(set(codes)) != len(codes):
            err(table, row, "resources", "duplicate resource type")
        if with_pct and (with_pct != len(items) or abs(total - 100) > 1):
            err(table, row, "resources", f"percentages sum to {total}, not 100")
        if hybrid and not 3 <= len(items) <= 5:
            err(table, row, "resources", f"{len(items)} resource types (want 3 to 5)")

    for name, minimum in MINIMUMS.items():
        if len(tables[name]) < minimum:
            errors.append(f"{name}.csv: {len(tables[name])} rows, want at least {minimum}")
        ids = [r["id"] for r in tables[name]]
        for dup in {i for i in ids if ids.count(i) > 1}:
            errors.append(f"{name}.csv: duplicate id {dup}")
        for r in tables[name]:
            if not ID_RE.match(r["id"]):
                err(name, r, "id", "bad identifier")

    actors = {r["id"]: r for r in tables["actors"]}
    alliances = {r["id"]: r for r in tables["alliances"]}
    tools = {r["id"]: r for r in tables["tools"]}
    competences = set(COMPETENCES.values())

    for r in tables["actors"]:
        if not r["name"] or not r["description"]:
            err("actors", r, "name", "name and description are expected")
        if r["type"] not in ACTOR_TYPES:
            err("actors", r, "type", f"unknown type {r['type']!r}")
        used["type"].add(r["type"])
        for col in ("offers", "needs"):
            for c in cells(r[col]):
                if c not in competences:
                    err("actors", r, col, f"unknown competence {c!r}")
                used[f"competence-{col}"].add(c)
        if set(cells(r["offers"])) & set(cells(r["needs"])):
            err("actors", r, "needs", "offers and needs overlap")
        if r["maturity"]:
            if r["maturity"] not in MATURITY.values():
                err("actors", r, "maturity", f"unknown maturity {r['maturity']!r}")
            used["maturity"].add(r["maturity"])
        check_territory("actors", r)
        check_sdgs("actors", r)
        check_resources("actors", r, hybrid=False)
        if r["siren"] and not (re.fullmatch(r"\d{9}", r["siren"]) and luhn_ok(r["siren"])):
            err("actors", r, "siren", f"invalid SIREN {r['siren']!r}")
        if r["rna"] and not re.fullmatch(r"W\d{9}", r["rna"]):
            err("actors", r, "rna", f"invalid RNA {r['rna']!r}")
        for col in ("website", "email"):
            if r[col] and not r[col].split("/")[2 if col == "website" else 0].endswith(".example"):
                err("actors", r, col, "contact details must use the .example domain")

    for r in tables["alliances"]:
        members = cells(r["members"])
        if not 2 <= len(members) <= 8 or len(set(members)) != len(members):
            err("alliances", r, "members", f"{len(members)} members (want 2 to 8, distinct)")
        for m in members:
            if m not in actors:
                err("alliances", r, "members", f"unknown actor {m!r}")
        if r["lead"] and r["lead"] not in members:
            err("alliances", r, "lead", "the lead is not a member")
        if r["status"] not in STATUSES:
            err("alliances", r, "status", f"unknown status {r['status']!r}")
        used["status"].add(r["status"])
        for col in ("start", "end"):
            if r[col] and not DATE_RE.match(r[col]):
                err("alliances", r, col, f"bad date {r[col]!r}")
        if r["end"] and r["end"] < r["start"]:
            err("alliances", r, "end", "ends before it starts")
        if (r["status"] == "completed") != bool(r["end"]):
            err("alliances", r, "end", "completed alliances (and only they) have an end date")
        if r["start"] > "2026-11-27":
            err("alliances", r, "start", "starts after the dataset's creation date")
        for t in cells(r["tools"]):
            if t not in tools:
                err("alliances", r, "tools", f"unknown tool {t!r}")
        if len({actors[m]["type"] for m in members if m in actors}) < 2:
            err("alliances", r, "members", "not hybrid: a single actor type")
        check_territory("alliances", r)
        check_sdgs("alliances", r)
        check_resources("alliances", r, hybrid=True)

    for r in tables["tools"]:
        if r["kind"] not in TOOL_KINDS:
            err("tools", r, "kind", f"unknown kind {r['kind']!r}")
        used["kind"].add(r["kind"])
        for m in cells(r["maturity"]):
            if m not in MATURITY.values():
                err("tools", r, "maturity", f"unknown maturity {m!r}")
            used["maturity"].add(m)
        for p in cells(r["pillars"]):
            if p not in PILLARS.values():
                err("tools", r, "pillars", f"unknown pillar {p!r}")
            used["pillar"].add(p)
        for a in cells(r["audience"]):
            if a not in ACTOR_TYPES:
                err("tools", r, "audience", f"unknown actor type {a!r}")
        if r["publisher"] not in actors:
            err("tools", r, "publisher", f"unknown actor {r['publisher']!r}")
        check_sdgs("tools", r)
    for m in MATURITY.values():
        for p in PILLARS.values():
            if not any(
                m in cells(t["maturity"]) and p in cells(t["pillars"]) for t in tables["tools"]
            ):
                errors.append(f"tools.csv: no tool for maturity {m} x pillar {p}")

    for r in tables["evaluations"]:
        alliance = alliances.get(r["alliance"])
        if alliance is None:
            err("evaluations", r, "alliance", f"unknown alliance {r['alliance']!r}")
        elif r["date"] < alliance["start"] or r["date"] > "2026-11-27":
            err("evaluations", r, "date", "outside the alliance's life and the past")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            err("evaluations", r, "date", f"bad date {r['date']!r}")
        for pair in cells(r["scores"]):
            crit, _, score = pair.partition(":")
            if crit not in CRITERIA or score not in {"1", "2", "3", "4", "5"}:
                err("evaluations", r, "scores", f"bad score {pair!r}")
            used["criterion"].add(crit)
        if r["evaluator"] not in actors:
            err("evaluations", r, "evaluator", f"unknown actor {r['evaluator']!r}")

    expected = {
        "type": set(ACTOR_TYPES),
        "competence-offers": competences,
        "competence-needs": competences,
        "resource": set(RESOURCES.values()),
        "maturity": set(MATURITY.values()),
        "pillar": set(PILLARS.values()),
        "kind": set(TOOL_KINDS),
        "status": set(STATUSES),
        "criterion": set(CRITERIA),
    }
    for key, codes in expected.items():
        if codes - used[key]:
            errors.append(f"controlled codes never used ({key}): {sorted(codes - used[key])}")

    regions_used = {region_of(r["territory"], communes, deps) for r in tables["actors"]} - {""}
    if len(regions_used) < 7:
        errors.append(f"actors cover only {len(regions_used)} régions")
    return errors


def report(tables: dict[str, list[dict]]) -> str:
    """A short description of the dataset's shape (counts, régions, network)."""
    communes, deps, _, _ = load_reference()
    lines = [", ".join(f"{n}: {len(rows)}" for n, rows in tables.items())]
    lines.append(
        "actor types: "
        + ", ".join(
            f"{k} {v}" for k, v in Counter(r["type"] for r in tables["actors"]).most_common()
        )
    )
    lines.append(
        "régions: "
        + ", ".join(
            f"{k or 'national'} {v}"
            for k, v in Counter(
                region_of(r["territory"], communes, deps) for r in tables["actors"]
            ).most_common()
        )
    )
    degree = Counter(m for a in tables["alliances"] for m in cells(a["members"]))
    dist = Counter(min(degree.get(r["id"], 0), 5) for r in tables["actors"])
    lines.append(
        "alliances per actor (5 = 5 or more): " + ", ".join(f"{k}: {dist[k]}" for k in sorted(dist))
    )
    lines.append("hubs: " + ", ".join(f"{a} {n}" for a, n in degree.most_common() if n >= 5))
    bridges = []
    for actor_id in degree:
        zones = {
            region_of(a["territory"], communes, deps)
            for a in tables["alliances"]
            if actor_id in cells(a["members"])
        } - {""}
        if len(zones) >= 2:
            bridges.append(actor_id)
    lines.append(f"actors in alliances of 2+ régions: {len(bridges)}")
    lines.append(
        "statuses: "
        + ", ".join(
            f"{k} {v}" for k, v in Counter(r["status"] for r in tables["alliances"]).items()
        )
    )
    return "\n".join(lines)


def main() -> int:
    """Write the files, read them back, check them and print a summary."""
    write_all()
    tables = read_back()
    problems = check(tables)
    print(report(tables))
    for p in problems:
        print("ERROR", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
