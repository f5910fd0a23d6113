"""Benchmark of the search backends on synthetic French actors.

For each size and backend: build time (documents → committed index), index size on disk, and
p50 / p95 latency of 200 realistic 1–3 word queries, about half of them with one or two facet
filters, answered as the application does (`search.answers.answer`: hits, counts of every facet,
snippets, spelling suggestion when few results). Run:

    python bench/search.py                      # 10,000 and 100,000 actors, both backends
    python bench/search.py --sizes 2000 --backends tantivy
    python bench/search.py --json out.json

Documents are generated beforehand (the build time is the backend's: analysis, indexing, commit)
with a fixed seed; territories are real COG communes, so région and département facets have
realistic spreads.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.reference import territories, territory_chain  # noqa: E402
from search.answers import answer  # noqa: E402
from search.backend import backend_class  # noqa: E402
from search.schema import Doc  # noqa: E402

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
MATURITY = ["sceptique", "premier-pas", "actif", "pionnier"]
RESOURCES = [
    "subvention-publique",
    "commande-publique",
    "mecenat-financier",
    "mecenat-competences",
    "dons-particuliers",
    "cotisations",
    "recettes-activite",
    "investissement-impact",
    "financement-participatif",
    "benevolat-valorise",
    "fonds-europeens",
]
KINDS_FR = {
    "association": ["Association", "Collectif d'habitants", "Réseau"],
    "entreprise": ["Entreprise", "Société", "Cabinet"],
    "cooperative": ["Coopérative", "SCIC", "SCOP"],
    "collectivite": ["Ville de", "Communauté de communes de", "Département"],
    "etat": ["Préfecture", "Agence régionale", "Direction départementale"],
    "fondation": ["Fondation", "Fonds de dotation"],
    "recherche": ["Laboratoire", "Chaire", "Institut"],
    "collectif": ["Collectif", "Groupe citoyen"],
}
TOPICS = [
    ("jardins partagés", "potagers, compost de quartier et ateliers de semis avec les écoles"),
    ("épicerie solidaire", "produits frais à petits prix pour les familles orientées par le CCAS"),
    ("aide alimentaire", "collecte d'invendus et distribution de colis aux foyers modestes"),
    ("réemploi", "collecte, tri et revente d'objets, de meubles et de textiles usagés"),
    ("insertion", "chantier d'insertion et accompagnement vers l'emploi durable"),
    ("mobilité solidaire", "garage solidaire, location de voitures et transport à la demande"),
    ("inclusion numérique", "médiateurs numériques, ateliers et ordinateurs reconditionnés"),
    ("énergie citoyenne", "centrales solaires villageoises et rénovation énergétique"),
    ("tiers-lieu", "coworking, fablab, café associatif et ateliers d'artisans"),
    ("habitat inclusif", "colocations accompagnées pour personnes âgées et handicapées"),
    ("santé mentale", "groupes d'entraide, premiers secours et maisons de santé"),
    ("accueil des réfugiés", "hébergement, apprentissage du français et accès à l'emploi"),
    ("économie circulaire", "recycleries, ressourceries et lutte contre le gaspillage"),
    ("agriculture durable", "circuits courts, maraîchage bio et semences paysannes"),
    ("culture", "théâtre, lecture publique et éducation populaire dans les quartiers"),
    ("protection du littoral", "ramassage de déchets, filets fantômes et sentiers côtiers"),
    ("eau", "économies d'eau, réutilisation des eaux usées et sécheresse"),
    ("forêt", "gestion durable des forêts, bois local et filière courte"),
]
FILLER = (
    "Depuis {year}, la structure {verb} {topic_text} avec les habitants, les entreprises "
    "et les collectivités du territoire. Elle {verb2} des partenaires pour {goal}."
)
VERBS = ["développe", "anime", "coordonne", "soutient", "organise", "finance"]
VERBS2 = ["cherche", "réunit", "accompagne", "forme", "mobilise"]
GOALS = [
    "changer d'échelle",
    "mesurer son impact social",
    "consolider son modèle économique",
    "essaimer dans d'autres quartiers",
    "ouvrir un second site",
    "former des bénévoles",
]
QUERY_WORDS = [
    "jardins partagés",
    "jardin",
    "épicerie solidaire",
    "aide alimentaire",
    "invendus",
    "réemploi",
    "recyclerie",
    "insertion",
    "chantier d'insertion",
    "garage solidaire",
    "mobilité",
    "numérique",
    "médiateurs numériques",
    "énergie citoyenne",
    "rénovation énergétique",
    "tiers-lieu",
    "fablab",
    "habitat inclusif",
    "colocation",
    "santé mentale",
    "réfugiés",
    "français",
    "économie circulaire",
    "gaspillage",
    "circuits courts",
    "maraîchage bio",
    "théâtre",
    "lecture",
    "littoral",
    "déchets",
    "eau",
    "sécheresse",
    "forêt",
    "bois local",
    "coopérative",
    "fondation",
    "association",
    "impact social",
    "modèle économique",
    "bénévoles",
    "cooperation",
    "epicerie",
    "energie",
    "jardins partages lille",
    "insertion emploi",
    "gaspilage",
]


def synthetic_actors(n: int, seed: int = 7) -> Iterator[Doc]:
    """`n` synthetic actors with French names and descriptions, on real communes."""
    rng = random.Random(seed)
    communes = [t for t in territories().values() if t.level == "commune"]
    for i in range(n):
        atype = rng.choice(ACTOR_TYPES)
        topic, topic_text = rng.choice(TOPICS)
        commune = rng.choice(communes)
        chain = territory_chain("commune", commune.code)
        name = f"{rng.choice(KINDS_FR[atype])} {topic} {commune.name} {i}"
        text = FILLER.format(
            year=rng.randint(1990, 2024),
            verb=rng.choice(VERBS),
            topic_text=topic_text,
            verb2=rng.choice(VERBS2),
            goal=rng.choice(GOALS),
        )
        if rng.random() < 0.5:
            other, other_text = rng.choice(TOPICS)
            text += f" Elle s'intéresse aussi à {other} : {other_text}."
        yield Doc(
            iri=f"https://w3id.org/alliances/id/actor/bench-{i}",
            id=f"bench-{i}",
            kind="actor",
            source="bench",
            label=name,
            description=text,
            place=" ".join(t.name for t in chain),
            facets={
                "actor_type": (atype,),
                "sdg": tuple(sorted({str(rng.randint(1, 17)) for _ in range(rng.randint(1, 3))})),
                "region": tuple(t.code for t in chain if t.level == "region"),
                "departement": tuple(t.code for t in chain if t.level == "departement"),
                "maturity": (rng.choice(MATURITY),),
                "resource_type": tuple(sorted({rng.choice(RESOURCES) for _ in range(2)})),
            },
        )


def queries(n: int = 200, seed: int = 11) -> list[tuple[str, dict[str, list[str]]]]:
    """`n` 1–3 word queries; about half with one or two facet filters."""
    rng = random.Random(seed)
    regions = sorted({t.code for t in territories().values() if t.level == "region"})
    deps = ["59", "69", "75", "13", "33", "35", "31", "44", "67", "38"]
    out = []
    for _ in range(n):
        text = rng.choice(QUERY_WORDS)
        if rng.random() < 0.25:
            text += " " + rng.choice(["Lille", "Lyon", "Nantes", "rural", "quartier", "Bretagne"])
        facets: dict[str, list[str]] = {}
        r = rng.random()
        if r < 0.2:
            facets["region"] = [rng.choice(regions)]
        elif r < 0.35:
            facets["actor_type"] = [rng.choice(ACTOR_TYPES)]
        elif r < 0.45:
            facets["sdg"] = [str(rng.randint(1, 17))]
        elif r < 0.55:
            facets["departement"] = [rng.choice(deps)]
            facets["maturity"] = [rng.choice(MATURITY)]
        out.append((text, facets))
    return out


def folder_size(path: Path) -> int:
    """Bytes used by the files under `path`."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def run(backend: str, size: int, workdir: Path) -> dict[str, object]:
    """Build an index of `size` actors with `backend`, then time the queries."""
    path = workdir / f"{backend}-{size}"
    shutil.rmtree(path, ignore_errors=True)
    docs = list(synthetic_actors(size))  # generated beforehand: not part of the build time
    started = time.perf_counter()
    b = backend_class(backend).create(path)
    b.write(iter(docs))
    build = time.perf_counter() - started
    del docs
    qs = queries()
    for text, facets in qs[:20]:  # warm-up: caches, facet bitmaps, page cache
        answer(b, text, facets=facets)
    times, totals = [], []
    for text, facets in qs:
        t0 = time.perf_counter()
        result = answer(b, text, facets=facets)
        times.append((time.perf_counter() - t0) * 1000)
        totals.append(result.total)
    times.sort()
    out = {
        "backend": backend,
        "actors": size,
        "build_s": round(build, 1),
        "index_mb": round(folder_size(path) / 1e6, 1),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
        "max_ms": round(times[-1], 1),
        "mean_hits": round(statistics.mean(totals)),
    }
    b.close()
    shutil.rmtree(path, ignore_errors=True)
    return out


def machine() -> str:
    """CPU model, cores and Python version."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="10000,100000",
        help="comma-separated numbers of actors (default 10000,100000)",
    )
    parser.add_argument("--backends", default="whoosh,tantivy")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--workdir", type=Path, help="where to build (default: a temp folder)")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-search-"))
    print(f"{date.today()} · {machine()}", flush=True)
    print("| backend | actors | build (s) | index (MB) | p50 (ms) | p95 (ms) | max (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|", flush=True)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        for backend in args.backends.split(","):
            r = run(backend, size, workdir)
            results.append(r)
            print(
                f"| {r['backend']} | {r['actors']:,} | {r['build_s']} | {r['index_mb']} | "
                f"{r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} |",
                flush=True,
            )
    if args.json:
        args.json.write_text(
            json.dumps(
                {"date": str(date.today()), "machine": machine(), "results": results}, indent=2
            )
        )
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
