"""Benchmark of the recommenders (issue 4): latency and an offline evaluation.

    python bench/reco.py                       # 10,000 and 100,000 actors (several minutes)
    python bench/reco.py --sizes 2000 --queries 50 --eval-size 2000   # a quick run

1. A synthetic network is generated *from complementarity*: actors get a type, a theme (SDG
   targets and words), a commune, and offers and needs (one typical of their type and one drawn
   from the whole list, each way). Each alliance starts from a random actor and grows by 1–4
   members drawn from the people it would meet (same département, same theme, providers of what
   it needs, partners of its partners) with probability ∝ exp(1.2 × complementarity), where
   complementarity = competences the candidate brings to the group's needs (1 each) and takes
   from its offers (0.6 each) + 0.8 for a new actor type + 1 for the same theme + 0.4 per shared
   target + 0.8 same département (0.3 same région) + 0.8 for a partner of a partner. It is written
   to a fresh store as docs/model.md says.
2. Latency: p50 / p95 of `partners` (existing actor and described need) and `analogues` (existing
   alliance and idea) once the per-version caches are built; the build times are reported apart.
3. Offline evaluation: 20 % of the memberships are hidden; the partner links they carried (pairs
   no longer sharing an alliance) are to be found again. recall@10 of the recommender (features
   from the graph, network without the hidden memberships) against random, common neighbours
   and Adamic–Adar on the same network. The network was generated from the very factors the
   recommender scores, so the comparison shows the factors are wired right, not real-world quality.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from rdflib import Literal, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.analytics import NetworkViews, adamic_adar, common_neighbours  # noqa: E402
from graph.reco import Recommender  # noqa: E402
from graph.reco.partners import PartnerFinder  # noqa: E402
from graph.reco.weights import PARTNER_DEFAULTS, parse_weights  # noqa: E402
from graph.reference import territories  # noqa: E402
from graph.store import OxigraphStore, Write  # noqa: E402
from graph.vocabularies import load_vocabularies  # noqa: E402
from ontology.namespaces import ALL, DCT, FOAF, ORG, RDF, SCHEMA, SDG, SKOS, concept  # noqa: E402

BASE = "https://w3id.org/alliances/id/"

#: Weight sets compared in the offline evaluation (the first is the shipped default).
WEIGHT_VARIANTS = {
    "default weights": "",
    "equal weights": "needs_offers=0.2,purpose=0.2,proximity=0.2,diversity=0.2,trust=0.2",
    "trust=0.4": "trust=0.4",
    "without trust": "trust=0",
    "needs/offers only": "needs_offers=1,purpose=0,proximity=0,diversity=0,trust=0",
}

THEMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "alimentation": (("2.1", "2.4", "12.3"), (
        "alimentation", "gaspillage", "invendus", "épicerie", "solidaire", "circuits", "courts",
        "maraîchage", "cantine", "repas", "producteurs", "collecte")),
    "insertion": (("8.5", "8.6", "10.2"), (
        "insertion", "emploi", "chantier", "formation", "jeunes", "chômeurs", "accompagnement",
        "compétences", "métiers", "apprentissage")),
    "reemploi": (("12.5", "11.6"), (
        "recyclerie", "réemploi", "déchets", "réparation", "tri", "ressourcerie", "meubles",
        "textile", "collecte", "atelier")),
    "mobilite": (("11.2", "9.1"), (
        "mobilité", "vélo", "covoiturage", "transport", "garage", "rural", "permis", "navette",
        "solidaire")),
    "logement": (("11.1", "1.4"), (
        "logement", "habitat", "hébergement", "sans-abri", "rénovation", "précarité", "bail",
        "colocation", "inclusif")),
    "energie": (("7.2", "7.3", "13.2"), (
        "énergie", "renouvelable", "photovoltaïque", "sobriété", "citoyenne", "chaleur",
        "isolation", "climat")),
    "education": (("4.1", "4.6", "4.7"), (
        "éducation", "école", "décrochage", "lecture", "enfants", "parents", "soutien", "scolaire",
        "collège")),
    "sante": (("3.4", "3.8"), (
        "santé", "prévention", "soins", "mentale", "seniors", "isolement", "médecin", "aidants")),
    "egalite": (("5.1", "5.5", "10.2"), (
        "femmes", "égalité", "violences", "entrepreneuriat", "mixité", "droits", "parité")),
    "nature": (("15.1", "14.1", "6.6"), (
        "biodiversité", "rivière", "nature", "plage", "restauration", "zones", "humides",
        "haies", "arbres")),
    "numerique": (("9.c", "4.4", "17.8"), (
        "numérique", "inclusion", "médiation", "ordinateurs", "fracture", "démarches",
        "tablettes")),
    "culture": (("11.4", "16.7"), (
        "culture", "patrimoine", "tiers-lieu", "lien", "social", "participation", "festival",
        "musique", "théâtre")),
}
GENERIC = ("territoire", "habitants", "quartier", "ensemble", "coopération", "acteurs", "local",
           "réseau", "programme", "action")

TYPES: dict[str, tuple[float, tuple[str, ...], tuple[str, ...]]] = {
    "association": (0.35, ("benevolat", "ancrage-territorial", "acces-publics", "mise-en-reseau"),
                    ("financement", "expertise-juridique", "locaux-logistique",
                     "evaluation-impact", "communication")),
    "entreprise": (0.2, ("mecenat-competences", "financement", "expertise-technique",
                         "locaux-logistique", "communication"),
                   ("ancrage-territorial", "acces-publics", "legitimite-institutionnelle",
                    "evaluation-impact")),
    "cooperative": (0.1, ("expertise-technique", "formation", "ingenierie-projet"),
                    ("financement", "acces-publics", "locaux-logistique")),
    "collectivite": (0.1, ("financement", "legitimite-institutionnelle", "locaux-logistique",
                           "donnees-numerique"),
                     ("ancrage-territorial", "acces-publics", "ingenierie-projet",
                      "evaluation-impact")),
    "etat": (0.03, ("financement", "legitimite-institutionnelle", "expertise-juridique"),
             ("ancrage-territorial", "donnees-numerique", "evaluation-impact")),
    "fondation": (0.05, ("financement", "mise-en-reseau", "evaluation-impact"),
                  ("ancrage-territorial", "acces-publics", "communication")),
    "recherche": (0.05, ("recherche-innovation", "evaluation-impact", "formation",
                         "donnees-numerique"),
                  ("acces-publics", "financement", "ancrage-territorial")),
    "collectif": (0.12, ("benevolat", "ancrage-territorial"),
                  ("financement", "locaux-logistique", "expertise-juridique",
                   "ingenierie-projet")),
}
COMPETENCES = ("financement", "mecenat-competences", "benevolat", "expertise-technique",
               "expertise-juridique", "ingenierie-projet", "evaluation-impact",
               "ancrage-territorial", "acces-publics", "legitimite-institutionnelle",
               "locaux-logistique", "communication", "formation", "recherche-innovation",
               "donnees-numerique", "mise-en-reseau")
FUNDING = {"collectivite": "subvention-publique", "etat": "subvention-publique",
           "entreprise": "mecenat-financier", "fondation": "mecenat-financier",
           "cooperative": "recettes-activite", "recherche": "fonds-europeens",
           "association": "dons-particuliers", "collectif": "cotisations"}


@dataclass
class Actor:
    """A synthetic actor."""

    id: str
    type: str
    theme: str
    targets: list[str]
    offers: set[str]
    needs: set[str]
    commune: str
    dep: str
    reg: str


@dataclass
class Network:
    """A synthetic network: actors, alliances (member indices) and their descriptions."""

    actors: list[Actor]
    alliances: list[list[int]] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


# -- generation ----------------------------------------------------------------------------------

def communes(rng: random.Random, k: int) -> list[tuple[str, str, str, str]]:
    """`k` real communes (code, name, département, région), weighted towards a few départements."""
    table = territories()
    out = []
    for (level, code), t in table.items():
        if level != "commune" or t.parent is None or t.parent[0] != "departement":
            continue
        dep = table.get(t.parent)
        if dep is None or dep.parent is None:
            continue
        out.append((code, t.name, dep.code, dep.parent[1]))
    rng.shuffle(out)
    return out[:k]


def generate(n: int, seed: int = 1) -> Network:
    """A network of `n` actors and about 0.3·n alliances grown from complementarity."""
    rng = random.Random(seed)
    places = communes(rng, max(50, n // 40))
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(places))]
    type_names = list(TYPES)
    type_weights = [TYPES[t][0] for t in type_names]
    theme_names = list(THEMES)
    actors = []
    for i in range(n):
        t = rng.choices(type_names, type_weights)[0]
        theme = rng.choice(theme_names)
        targets = rng.sample(THEMES[theme][0], k=min(2, len(THEMES[theme][0])))
        _, typical_offers, typical_needs = TYPES[t]
        # one competence typical of the type, one drawn from the whole list, each way
        offers = {rng.choice(typical_offers), rng.choice(COMPETENCES)}
        needs = {rng.choice(typical_needs), rng.choice(COMPETENCES)} - offers
        code, _, dep, reg = rng.choices(places, weights)[0]
        actors.append(Actor(f"a{i}", t, theme, targets[: rng.randint(1, 2)], offers,
                            needs or {rng.choice(typical_needs)} - offers, code, dep, reg))
    return grow_alliances(Network(actors), rng, int(0.3 * n))


def grow_alliances(net: Network, rng: random.Random, count: int) -> Network:
    """Add `count` alliances, each grown by complementarity around a random seed actor."""
    by_dep: dict[str, list[int]] = defaultdict(list)
    by_theme: dict[str, list[int]] = defaultdict(list)
    by_offer: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(net.actors):
        by_dep[a.dep].append(i)
        by_theme[a.theme].append(i)
        for c in a.offers:
            by_offer[c].append(i)
    partners: dict[int, set[int]] = defaultdict(set)
    for _ in range(count):
        seed = rng.randrange(len(net.actors))
        a = net.actors[seed]
        # who a founder would meet: neighbours, people working on the same thing, providers of
        # what it lacks, partners of its partners
        pool = set(_sample(rng, by_dep[a.dep], 20)) | set(_sample(rng, by_theme[a.theme], 20))
        for need in sorted(a.needs):
            pool |= set(_sample(rng, by_offer[need], 10))
        two_hop = {f for p in partners[seed] for f in partners[p]}
        pool |= set(_sample(rng, sorted(two_hop), 10))
        pool.discard(seed)
        members = [seed]
        for _ in range(rng.choice((1, 2, 2, 3, 3, 4)) if pool else 0):
            cands = sorted(pool - set(members))
            if not cands:
                break
            scores = [complementarity(net, members, c, two_hop) for c in cands]
            top = max(scores)
            members.append(rng.choices(cands, [math.exp(1.2 * (s - top)) for s in scores])[0])
        if len(members) < 2:
            continue
        for m in members:
            partners[m] |= set(members) - {m}
        net.alliances.append(members)
        net.themes.append(a.theme)
        words = rng.sample(THEMES[a.theme][1], k=6) + rng.sample(GENERIC, k=3)
        net.texts.append(" ".join(words))
    return net


def complementarity(net: Network, members: list[int], c: int, two_hop: set[int]) -> float:
    """How much candidate `c` completes the alliance being formed."""
    cand = net.actors[c]
    group = [net.actors[m] for m in members]
    needs = set().union(*(g.needs for g in group))
    offers = set().union(*(g.offers for g in group))
    score = 1.0 * len(cand.offers & needs) + 0.6 * len(cand.needs & offers)
    score += 0.8 if cand.type not in {g.type for g in group} else 0.0
    score += 1.0 if cand.theme == group[0].theme else 0.0
    score += 0.4 * len(set(cand.targets) & set(group[0].targets))
    score += 0.8 if cand.dep == group[0].dep else (0.3 if cand.reg == group[0].reg else 0.0)
    score += 0.8 if c in two_hop else 0.0
    return score


def _sample(rng: random.Random, items: list[int], k: int) -> list[int]:
    return rng.sample(items, k) if len(items) > k else list(items)


# -- RDF ---------------------------------------------------------------------------------------

def triples(net: Network) -> Iterator[tuple[URIRef, URIRef, object]]:
    """The network as RDF, as the importer would write it (docs/model.md)."""
    geo = "http://id.insee.fr/geo/"
    for a in net.actors:
        s = URIRef(f"{BASE}actor/{a.id}")
        yield s, RDF.type, ORG.FormalOrganization
        yield s, DCT.identifier, Literal(a.id)
        yield s, SKOS.prefLabel, Literal(f"Acteur {a.id}", lang="fr")
        yield s, FOAF.name, Literal(f"Acteur {a.id}")
        yield s, ORG.classification, concept("actor-type", a.type)
        yield s, SCHEMA.areaServed, URIRef(f"{geo}commune/{a.commune}")
        for t in a.targets:
            yield s, DCT.subject, SDG[t]
        for c in a.offers:
            yield s, ALL.offers, concept("competence", c)
        for c in a.needs:
            yield s, ALL.needs, concept("competence", c)
    for k, members in enumerate(net.alliances):
        s = URIRef(f"{BASE}alliance/x{k}")
        seed = net.actors[members[0]]
        yield s, RDF.type, ALL.Alliance
        yield s, DCT.identifier, Literal(f"x{k}")
        yield s, SKOS.prefLabel, Literal(f"Alliance {net.themes[k]} {k}", lang="fr")
        yield s, DCT.description, Literal(net.texts[k], lang="fr")
        yield s, SCHEMA.areaServed, URIRef(f"{geo}departement/{seed.dep}")
        for t in sorted({t for m in members for t in net.actors[m].targets
                         if net.actors[m].theme == net.themes[k]}):
            yield s, DCT.subject, SDG[t]
        funding = sorted({FUNDING[net.actors[m].type] for m in members})
        for code in funding:
            node = URIRef(f"{s}#resource-{code}")
            yield s, ALL.resourceShare, node
            yield node, RDF.type, ALL.ResourceShare
            yield node, ALL.resourceType, concept("resource-type", code)
        for m in members:
            actor = URIRef(f"{BASE}actor/{net.actors[m].id}")
            node = URIRef(f"{s}#member-{net.actors[m].id}")
            yield s, ORG.hasMember, actor
            yield node, RDF.type, ORG.Membership
            yield node, ORG.member, actor
            yield node, ORG.organization, s
            yield node, ORG.role, concept("role", "membre")


# -- measuring ---------------------------------------------------------------------------------

def timed(fn: Callable[[], object]) -> float:
    """Milliseconds taken by `fn()`."""
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50 and p95 in milliseconds."""
    qs = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": round(statistics.median(samples), 1), "p95": round(qs[94], 1)}


def latency(n: int, queries: int, seed: int, workdir: Path) -> dict[str, object]:
    """Build a store of `n` actors and time the four kinds of queries."""
    rng = random.Random(seed + 1)
    t0 = time.perf_counter()
    net = generate(n, seed)
    gen_s = time.perf_counter() - t0
    store = OxigraphStore(workdir / f"store-{n}", base=BASE)
    load_vocabularies(store)
    t0 = time.perf_counter()
    store.write(Write(source="bench", triples=triples(net)))
    load_s = time.perf_counter() - t0
    rec = Recommender(store)
    builds = {
        "labels": timed(rec.labels.get), "network": timed(rec.network.get),
        "actors": timed(rec.actors.get), "alliances": timed(rec.alliances.get),
        # random pairs behind the analogue levels, once per version
        "analogue_levels": timed(lambda: rec.analogue_finder().null_similarities(
            rec.analogue_weights)),
        # UN texts, vocabulary and language identifier, once per process
        "sdg_suggester": timed(lambda: rec.suggest_sdgs("gaspillage alimentaire")),
    }
    actor_ids = [a.id for a in rng.sample(net.actors, min(queries, n))]
    alliance_ids = [f"x{k}" for k in rng.sample(range(len(net.alliances)),
                                                 min(queries, len(net.alliances)))]
    needs = [{"type": rng.choice(list(TYPES)), "territory": f"departement:{a.dep}",
              "needs": sorted(a.needs), "sdgs": a.targets}
             for a in rng.sample(net.actors, min(queries, n))]
    ideas = [{"text": " ".join(rng.sample(THEMES[t][1], 5)),
              "territory": f"departement:{rng.choice(net.actors).dep}"}
             for t in rng.choices(list(THEMES), k=queries)]
    result = {
        "actors": n, "alliances": len(net.alliances),
        "memberships": sum(len(m) for m in net.alliances),
        "triples": store.count_triples(), "generate_s": round(gen_s, 1),
        "load_s": round(load_s, 1),
        "build_ms": {k: round(v) for k, v in builds.items()},
        "partners": percentiles([timed(partial(rec.partners, i)) for i in actor_ids]),
        "partners_need": percentiles([timed(partial(rec.partners_for_need, d)) for d in needs]),
        "analogues": percentiles([timed(partial(rec.analogues, i)) for i in alliance_ids]),
        "analogues_idea": percentiles([timed(partial(rec.analogues_for_idea, d))
                                       for d in ideas]),
        "sdg_suggest": percentiles([timed(partial(rec.suggest_sdgs, d["text"])) for d in ideas]),
    }
    store.close()
    return result


def evaluate(n: int, seed: int, workdir: Path, users: int = 1000, hide: float = 0.2,
             k: int = 10) -> dict[str, object]:
    """recall@k of the recommender and of the baselines on hidden memberships."""
    rng = random.Random(seed + 2)
    net = generate(n, seed)
    store = OxigraphStore(workdir / f"eval-{n}", base=BASE)
    load_vocabularies(store)
    store.write(Write(source="bench", triples=triples(net)))
    rec = Recommender(store)
    table, labels = rec.actors.get(), rec.labels.get()
    iri = [URIRef(f"{BASE}actor/{a.id}") for a in net.actors]
    pairs = [(URIRef(f"{BASE}alliance/x{j}"), iri[m])
             for j, members in enumerate(net.alliances) for m in members]
    hidden = set(rng.sample(range(len(pairs)), int(hide * len(pairs))))
    full = NetworkViews.from_memberships(pairs).projection
    train = NetworkViews.from_memberships(p for i, p in enumerate(pairs) if i not in hidden)
    finders = {name: PartnerFinder(table, train, labels, parse_weights(w, PARTNER_DEFAULTS, name))
               for name, w in WEIGHT_VARIANTS.items()}
    lost = {a: {b for b in full.adj[a] if not train.projection.has_edge(a, b)} for a in full}
    testers = [a for a, gone in lost.items() if gone]
    testers = rng.sample(testers, min(users, len(testers)))
    everyone = list(range(len(iri)))

    def top_by_score(scores: dict[object, float]) -> list[object]:
        return [b for b, _ in sorted(scores.items(), key=lambda x: (-x[1], str(x[0])))[:k]]

    def random_top(a: URIRef) -> list[object]:
        known = train.partners(a) | {a}
        out: list[object] = []
        while len(out) < k:
            b = iri[rng.choice(everyone)]
            if b not in known and b not in out:
                out.append(b)
        return out

    def ours(finder: PartnerFinder) -> Callable[[URIRef], list[object]]:
        def top(a: URIRef) -> list[object]:
            local = str(a).rsplit("/", 1)[-1]
            return [URIRef(r["iri"]) for r in finder.for_actor(local, k)["results"]]
        return top

    methods: dict[str, Callable[[URIRef], list[object]]] = {
        "random": random_top,
        "common neighbours": lambda a: top_by_score(common_neighbours(train.projection, a)),
        "Adamic–Adar": lambda a: top_by_score(adamic_adar(train.projection, a)),
    }
    methods.update({f"recommender ({name})": ours(f) for name, f in finders.items()})
    cold = {a for a in testers if not train.partners(a)}  # no partner left: a newcomer
    recall: dict[str, dict[str, float]] = {}
    for name, method in methods.items():
        hits = {a: len(set(method(a)) & lost[a]) / len(lost[a]) for a in testers}
        recall[name] = {
            "all": _mean(hits.values()),
            "with partners": _mean(h for a, h in hits.items() if a not in cold),
            "newcomers": _mean(h for a, h in hits.items() if a in cold),
        }
    store.close()
    return {"actors": n, "alliances": len(net.alliances), "hidden": len(hidden),
            "test_actors": len(testers), "newcomers": len(cold), f"recall@{k}": recall}


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return round(sum(items) / len(items), 3) if items else 0.0


def main() -> None:
    """Run the benchmark and print a Markdown report (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000",
                        help="actor counts for the latency runs (comma-separated)")
    parser.add_argument("--queries", type=int, default=200, help="queries of each kind")
    parser.add_argument("--eval-size", type=int, default=10000,
                        help="actors of the offline evaluation (0: skip)")
    parser.add_argument("--eval-users", type=int, default=1000, help="actors evaluated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = parser.parse_args()
    out: dict[str, object] = {"date": date.today().isoformat(), "machine": machine()}
    with tempfile.TemporaryDirectory() as tmp:
        out["latency"] = [latency(int(s), args.queries, args.seed, Path(tmp))
                          for s in args.sizes.split(",") if s]
        if args.eval_size:
            out["evaluation"] = evaluate(args.eval_size, args.seed, Path(tmp), args.eval_users)
    print(json.dumps(out, ensure_ascii=False, indent=2) if args.json else markdown(out))


def machine() -> str:
    """A one-line description of the machine."""
    import os

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if "model name" in line)
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def markdown(out: dict[str, object]) -> str:
    """The report as Markdown tables."""
    lines = [f"Run {out['date']} on {out['machine']}.", "",
             "| actors | alliances | triples | caches built (ms) | partners p50/p95 | "
             "need p50/p95 | analogues p50/p95 | idea p50/p95 | SDG suggestions p50/p95 |",
             "|---:|---:|---:|---|---:|---:|---:|---:|---:|"]
    for r in out["latency"]:  # type: ignore[attr-defined]
        b = r["build_ms"]
        lines.append(
            f"| {r['actors']:,} | {r['alliances']:,} | {r['triples']:,} | "
            f"actors {b['actors']}, network {b['network']}, alliances {b['alliances']}, "
            f"analogue levels {b['analogue_levels']}, SDG suggester {b['sdg_suggester']} | "
            + " | ".join(f"{r[q]['p50']} / {r[q]['p95']} ms"
                         for q in ("partners", "partners_need", "analogues", "analogues_idea",
                                   "sdg_suggest"))
            + " |")
    ev = out.get("evaluation")
    if ev:
        recall = ev["recall@10"]  # type: ignore[index]
        lines += ["", f"Offline evaluation: {ev['actors']:,} actors, "  # type: ignore[index]
                  f"{ev['alliances']:,} alliances, {ev['hidden']:,} memberships hidden, "  # type: ignore[index]
                  f"{ev['test_actors']:,} actors evaluated, of which "  # type: ignore[index]
                  f"{ev['newcomers']:,} have no partner left.", "",  # type: ignore[index]
                  "| method | recall@10 | with partners | newcomers |", "|---|---:|---:|---:|"]
        lines += [f"| {name} | {r['all']:.3f} | {r['with partners']:.3f} | {r['newcomers']:.3f} |"
                  for name, r in recall.items()]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
