"""Map the members of the Carrefour des Innovations Sociales (CIS) collective, 2019, to actors.csv.

Source: ``data/ess/cis_membres_collectif_2019.csv`` (derived from
entrepreneur-interet-general/CIS-front, ``cis/app/static/data/members.csv``, MIT licence; see
``data/SOURCES.md`` §5). The source has one row per (organisation, activity); this script groups
the rows by organisation (column ``membre``) and writes one actor per organisation following the
actors.csv contract (DESIGN §3).

Every ``type``, ``offers``, ``territory`` and ``sdgs`` value comes from the hand-written tables
below. They are an editorial mapping by the Alliances project, not data from the source.
The script fails if an organisation has no entry in ``TYPES`` and prints any activity word that
``ACTIVITY_TO_COMPETENCES`` does not cover.

Usage: ``python data/cis/build_cis.py`` (with the project installed). The script is deterministic.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from graph.csv_mapping import COLUMNS as CSV_COLUMNS
from ontology.namespaces import scheme_codes

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
SOURCE = DATA / "ess" / "cis_membres_collectif_2019.csv"
OUTPUT = HERE / "actors.csv"

COLUMNS = list(CSV_COLUMNS["actors"])

# Competence codes in the order of DESIGN §3; offers are written in this order.
COMPETENCES = scheme_codes("competence")

# CIS activity word (column `activites`) -> competence codes.
# The 2019 file uses exactly these nine words.
ACTIVITY_TO_COMPETENCES = {
    "financement": ["financement"],
    "recherche": ["recherche-innovation"],
    # advice and support to projects: project engineering plus the advisers' know-how
    "accompagnement conseil": ["ingenierie-projet", "expertise-technique"],
    "formation": ["formation"],
    # resource centre: guides, documentation and know-how shared with others
    "centre de ressources": ["expertise-technique", "communication"],
    # observation: scouting of initiatives, monitoring, observatories, studies
    "observation": ["recherche-innovation"],
    # incubation: support for project creation plus access to the incubator's network
    "incubation": ["ingenierie-projet", "mise-en-reseau"],
    # mentoring: connecting project holders with mentors
    "mentorat": ["mise-en-reseau", "ingenierie-projet"],
    "média": ["communication"],
}

# Organisation (exact `membre` value) -> actor type. Legal form wins over the name:
# networks and federations (of local authorities, cooperatives, banks) are associations,
# and the FING is an association although its name says "Fondation".
TYPES = {
    "ADEME": "etat",  # public body (EPIC)
    "AEIDL": "association",  # European association (Brussels)
    "Aides Territoires": "etat",  # State start-up (beta.gouv.fr)
    "Agence du numérique": "etat",  # State service
    "ANIMAFAC": "association",
    "APIE": "etat",  # State agency (Ministry of the Economy)
    "APRILES": "association",
    "Ashoka": "association",
    "Association des Maires Ruraux de France": "association",
    "ATIS": "association",  # atis-asso.org
    "Avise": "association",
    "Bleu Blanc Zèbre": "association",
    "Brie'nov": "association",
    "BRUDED": "association",  # network of communes
    "UMR Acteurs Ressources et territoires dans le développement (ARTDEV) Université Montpellier 3": "recherche",
    "Coexister": "association",
    "Commissariat général à l’égalité des territoires": "etat",  # CGET, now ANCT
    "Citego": "association",
    "Confédération générale des SCOP": "association",  # federation of cooperatives
    "Alter'Incub / Alter'venture": "association",  # unsure: default
    "Coorace": "association",  # federation
    "Chambre régionale d'économie sociale et solidaire des Pays de la Loire (CRESS PdL)": "association",
    "Conseil national des Chambres Régionales de l'Économie Sociale (CNCRESS)": "association",
    "Conservatoire national des Arts et Métiers (CNAM)": "recherche",
    "CRISALIDH": "recherche",  # Université de Bordeaux platform
    "Direction générale de la cohésion sociale (DGCS)": "etat",
    "Direction générale à l'emploi et à la formation professionnelle (DGEFP)": "etat",
    "DRJCS Hauts-de-France": "etat",
    "Ecole de Paris du Management": "association",
    "EnSSsemble": "association",
    "Etalab": "etat",
    "Fédération française des GEIQ": "association",
    "Fonds d'expérimentation pour la jeunesse (FEJ)": "etat",
    "Fondation Internet Nouvelle Génération (FING)": "association",  # an association
    "Fédération nationale des Caisses d’Épargne (FNCE)": "association",  # federation
    "Fondation Cognacq Jay": "fondation",
    "Fondation La France s'engage": "fondation",
    "GNIAC": "association",
    "Institut Godin": "association",
    "La Fonda": "association",
    "Labo de l'ESS": "association",
    "La Part du Colibri": "association",
    "Nov'impact": "association",
    "Ouishare": "association",
    "Prima Terra": "association",  # unsure: default
    "Réseau rural": "etat",  # national rural network run by the State
    "Ronalpia": "association",
    "RTES": "association",  # network of local authorities
    "Sceaux": "collectivite",  # the town of Sceaux
    "SIILAB": "etat",  # living lab of the DRJSCS Hauts-de-France
    "Sparknews": "entreprise",
    "Synergies": "association",
    "Territoria": "association",
    "Ticket for change": "association",
    "UNADEL": "association",
    "Villes Internet": "association",
}

# Territory, only where the source's scale is regional, departmental or local AND the area is
# named by the organisation itself (name, presentation or website). National, European and
# international organisations get no territory.
TERRITORIES = {
    "ATIS": "region:75",  # "en Nouvelle Aquitaine"
    "Brie'nov": "region:11",  # "de la région Ile de France"
    "BRUDED": "region:53",  # "la Bretagne historique" (also covers Loire-Atlantique)
    "UMR Acteurs Ressources et territoires dans le développement (ARTDEV) Université Montpellier 3": "region:76",  # Montpellier, Occitanie
    "Chambre régionale d'économie sociale et solidaire des Pays de la Loire (CRESS PdL)": "region:52",
    "CRISALIDH": "region:75",  # crisalidh.u-bordeaux.fr
    "DRJCS Hauts-de-France": "region:32",
    "Ronalpia": "region:84",  # "en Auvergne Rhône-Alpes"
    "SIILAB": "region:32",  # "living lab régional", DRJSCS Hauts-de-France
    "Sceaux": "commune:92071",  # the town itself
    "Synergies": "departement:53",  # "en Mayenne"
}

# Sustainable Development Goals. Every actor gets 17.17 (partnerships). The goals below are
# added only where the presentation states them plainly.
SDG_BASE = ["17.17"]
SDGS = {
    "ADEME": ["7", "13"],  # energy, environment
    "Aides Territoires": ["11"],  # sustainable planning
    "Agence du numérique": ["9.c"],  # digital access for all
    "Brie'nov": ["9.c"],  # digital inclusion
    "BRUDED": ["11"],  # sustainable local development
    "Coexister": ["16"],  # living together
    "Commissariat général à l’égalité des territoires": ["10", "11"],  # territorial inequalities
    "Conservatoire national des Arts et Métiers (CNAM)": ["4"],  # lifelong learning
    "UMR Acteurs Ressources et territoires dans le développement (ARTDEV) Université Montpellier 3": [
        "4"
    ],  # higher education
    "Direction générale de la cohésion sociale (DGCS)": ["10"],  # equality, solidarity
    "Direction générale à l'emploi et à la formation professionnelle (DGEFP)": ["4", "8"],
    "Coorace": ["8"],  # employment
    "Fédération française des GEIQ": ["8"],  # access to employment
    "Etalab": ["16.10"],  # public access to information
    "Sceaux": ["11"],  # inclusive, sustainable local development
    "Synergies": ["4.7"],  # education for sustainable development
}

# Source website values that are not this organisation's site: dropped.
WEBSITE_DROPPED = {
    # www.amf.asso.fr is the site of the Association des Maires de France, a different body
    "Association des Maires Ruraux de France",
}

HOST_RE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", re.IGNORECASE)


def slug(text: str) -> str:
    """Lower-case ASCII slug: accents folded, every other run of characters becomes '-'
    (so the typographic apostrophe ’ is treated like ')."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def website(raw: str) -> str:
    """A bare domain gets https://, an http(s) URL is kept, anything else is dropped."""
    raw = raw.strip()
    if not raw:
        return ""
    if not re.match(r"^https?://", raw, re.IGNORECASE):
        if not HOST_RE.match(raw):
            print(f"website dropped (not a URL): {raw!r}", file=sys.stderr)
            return ""
        raw = "https://" + raw
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc:
        print(f"website dropped (not a URL): {raw!r}", file=sys.stderr)
        return ""
    return raw


def first(values: list[str]) -> str:
    """The first non-empty value, stripped."""
    return next((v.strip() for v in values if v.strip()), "")


def read_groups() -> dict[str, list[dict[str, str]]]:
    """Source rows grouped by organisation, in order of first appearance."""
    groups: dict[str, list[dict[str, str]]] = {}
    with SOURCE.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            name = row["membre"].strip()
            if name:
                groups.setdefault(name, []).append(row)
    return groups


def offers(name: str, rows: list[dict[str, str]], unmapped: set[str]) -> str:
    codes: set[str] = set()
    for row in rows:
        word = row["activites"].strip().lower()
        if not word:
            continue
        if word in ACTIVITY_TO_COMPETENCES:
            codes.update(ACTIVITY_TO_COMPETENCES[word])
        else:
            unmapped.add(word)
            print(f"unmapped activity for {name}: {word!r}", file=sys.stderr)
    return ";".join(c for c in COMPETENCES if c in codes)


def build() -> list[dict[str, str]]:
    groups = read_groups()
    missing = [n for n in groups if n not in TYPES]
    if missing:
        sys.exit(f"no type decided for: {missing}")
    for table in (TERRITORIES, SDGS):
        unknown = set(table) - set(groups)
        if unknown:
            sys.exit(f"table entries that name no organisation: {sorted(unknown)}")

    actors, used, unmapped = [], set(), set()
    for name, rows in groups.items():
        ident = slug(name)
        base, n = ident, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        url = "" if name in WEBSITE_DROPPED else website(first([r["site_web"] for r in rows]))
        actor = dict.fromkeys(COLUMNS, "")
        actor.update(
            {
                "id": ident,
                "name": name,
                "type": TYPES[name],
                "description": " ".join(first([r["presentation"] for r in rows]).split()),
                "territory": TERRITORIES.get(name, ""),
                "sdgs": ";".join(SDGS.get(name, []) + SDG_BASE),
                "offers": offers(name, rows, unmapped),
                "website": url,
            }
        )
        actors.append(actor)
    if unmapped:
        print(f"unmapped activity words: {sorted(unmapped)}", file=sys.stderr)
    return sorted(actors, key=lambda a: a["id"])


def check_territories(actors: list[dict[str, str]]) -> None:
    """Territory codes must exist in the COG files shipped in data/territoires."""
    known: set[str] = set()
    for file, kind, column in (
        ("regions.csv", "region", "REG"),
        ("departements.csv", "departement", "DEP"),
        ("communes.csv", "commune", "COM"),
    ):
        with (DATA / "territoires" / file).open(encoding="utf-8", newline="") as f:
            known.update(
                f"{kind}:{row[column]}"
                for row in csv.DictReader(f)
                if row.get("TYPECOM", "COM") == "COM"
            )
    bad = [a["territory"] for a in actors if a["territory"] and a["territory"] not in known]
    if bad:
        sys.exit(f"unknown territory codes: {bad}")


def main() -> None:
    actors = build()
    check_territories(actors)
    with OUTPUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(actors)
    counts: dict[str, int] = {}
    for a in actors:
        counts[a["type"]] = counts.get(a["type"], 0) + 1
    print(f"{len(actors)} actors written to {OUTPUT.relative_to(DATA.parent)}")
    print("types: " + ", ".join(f"{t} {n}" for t, n in sorted(counts.items(), key=lambda x: -x[1])))


if __name__ == "__main__":
    main()
