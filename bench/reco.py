"""Benchmark of the recommenders (issues 4 and 11): latency, and the partner weights fitted and
evaluated on held-out links of several networks.

    python bench/reco.py                       # 10,000 and 100,000 actors (many minutes)
    python bench/reco.py --sizes 2000 --queries 50 --fit-size 2000 --seeds 3   # a quick run

1. A synthetic network is generated *from complementarity*: actors get a type, a theme (SDG
   targets and words), a commune, and offers and needs (one typical of their type and one drawn
   from the whole list, each way). Each alliance starts from a random actor and grows by 1–4
   members drawn from the people it would meet (same département, same theme, providers of what
   it needs, partners of its partners) with probability ∝ exp(1.2 × complementarity), where
   complementarity = competences the candidate brings to the group's needs (1 each) and takes
   from its offers (0.6 each) + 0.8 for a new actor type + 1 for the same theme + 0.4 per shared
   target + 0.8 same département (0.3 same région) + 0.8 for a partner of a partner. It is written
   to a fresh store as docs/model.md says. With `--with-bundled`, the bundled datasets (demo, CIS
   and, once shipped, the real ones) are loaded first, as in a real instance.
2. Latency: p50 / p95 of `partners` (existing actor; existing actor with a partner-type filter;
   described need; described need with a project text) and `analogues` (existing alliance and
   idea) once the per-version caches are built; the build times are reported apart.
3. Weights from evidence (`graph.reco.fitting`, the procedure of `alliances fit-weights`), on each
   network: the synthetic one (generated from the very factors the recommender scores: it shows the
   factors are wired right and times the fit, it is no evidence), the bundled demo + CIS network
   (fictional, hand-written) and the real datasets' network when present (its alliances are
   structural: a programme's members). For each: the weights fitted, the sweep over the pinned
   needs/offers share, recall@10 and nDCG@10 (cross-validated over the seeds) of the fitted
   weights, of the shipped defaults, of common neighbours and of Adamic–Adar, for actors with
   partners, newcomers and overall; the time split where alliances have dates; how the levels
   spread hidden partners and random pairs; the partnership rate by distance.
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
from typing import Any

import numpy as np
from rdflib import Literal, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.bundled import BUNDLED, load_bundled  # noqa: E402
from graph.importer import import_paths  # noqa: E402
from graph.queries.features import alliance_starts  # noqa: E402
from graph.queries.sources import defining_sources  # noqa: E402
from graph.reco import Recommender, fitting, partner_levels  # noqa: E402
from graph.reco.coding import codes_of_mask  # noqa: E402
from graph.reco.partners import PartnerFinder  # noqa: E402
from graph.reco.proximity import national_flags  # noqa: E402
from graph.reco.weights import PARTNER_DEFAULTS, PARTNER_FACTORS  # noqa: E402
from graph.reference import territories  # noqa: E402
from graph.store import OxigraphStore, Write  # noqa: E402
from graph.vocabularies import load_vocabularies  # noqa: E402
from ontology.namespaces import (  # noqa: E402,E501
    ALL,
    DCT,
    FOAF,
    ORG,
    RDF,
    SCHEMA,
    SDG,
    SKOS,
    XSD,
    concept,
    scheme_codes,
)

BASE = "https://w3id.org/alliances/id/"

THEMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "alimentation": (
        ("2.1", "2.4", "12.3"),
        (
            "alimentation",
            "gaspillage",
            "invendus",
            "épicerie",
            "solidaire",
            "circuits",
            "courts",
            "maraîchage",
            "cantine",
            "repas",
            "producteurs",
            "collecte",
        ),
    ),
    "insertion": (
        ("8.5", "8.6", "10.2"),
        (
            "insertion",
            "emploi",
            "chantier",
            "formation",
            "jeunes",
            "chômeurs",
            "accompagnement",
            "compétences",
            "métiers",
            "apprentissage",
        ),
    ),
    "reemploi": (
        ("12.5", "11.6"),
        (
            "recyclerie",
            "réemploi",
            "déchets",
            "réparation",
            "tri",
            "ressourcerie",
            "meubles",
            "textile",
            "collecte",
            "atelier",
        ),
    ),
    "mobilite": (
        ("11.2", "9.1"),
        (
            "mobilité",
            "vélo",
            "covoiturage",
            "transport",
            "garage",
            "rural",
            "permis",
            "navette",
            "solidaire",
        ),
    ),
    "logement": (
        ("11.1", "1.4"),
        (
            "logement",
            "habitat",
            "hébergement",
            "sans-abri",
            "rénovation",
            "précarité",
            "bail",
            "colocation",
            "inclusif",
        ),
    ),
    "energie": (
        ("7.2", "7.3", "13.2"),
        (
            "énergie",
            "renouvelable",
            "photovoltaïque",
            "sobriété",
            "citoyenne",
            "chaleur",
            "isolation",
            "climat",
        ),
    ),
    "education": (
        ("4.1", "4.6", "4.7"),
        (
            "éducation",
            "école",
            "décrochage",
            "lecture",
            "enfants",
            "parents",
            "soutien",
            "scolaire",
            "collège",
        ),
    ),
    "sante": (
        ("3.4", "3.8"),
        ("santé", "prévention", "soins", "mentale", "seniors", "isolement", "médecin", "aidants"),
    ),
    "egalite": (
        ("5.1", "5.5", "10.2"),
        ("femmes", "égalité", "violences", "entrepreneuriat", "mixité", "droits", "parité"),
    ),
    "nature": (
        ("15.1", "14.1", "6.6"),
        (
            "biodiversité",
            "rivière",
            "nature",
            "plage",
            "restauration",
            "zones",
            "humides",
            "haies",
            "arbres",
        ),
    ),
    "numerique": (
        ("9.c", "4.4", "17.8"),
        (
            "numérique",
            "inclusion",
            "médiation",
            "ordinateurs",
            "fracture",
            "démarches",
            "tablettes",
        ),
    ),
    "culture": (
        ("11.4", "16.7"),
        (
            "culture",
            "patrimoine",
            "tiers-lieu",
            "lien",
            "social",
            "participation",
            "festival",
            "musique",
            "théâtre",
        ),
    ),
}
GENERIC = (
    "territoire",
    "habitants",
    "quartier",
    "ensemble",
    "coopération",
    "acteurs",
    "local",
    "réseau",
    "programme",
    "action",
)

TYPES: dict[str, tuple[float, tuple[str, ...], tuple[str, ...]]] = {
    "association": (
        0.35,
        ("benevolat", "ancrage-territorial", "acces-publics", "mise-en-reseau"),
        (
            "financement",
            "expertise-juridique",
            "locaux-logistique",
            "evaluation-impact",
            "communication",
        ),
    ),
    "entreprise": (
        0.2,
        (
            "mecenat-competences",
            "financement",
            "expertise-technique",
            "locaux-logistique",
            "communication",
        ),
        (
            "ancrage-territorial",
            "acces-publics",
            "legitimite-institutionnelle",
            "evaluation-impact",
        ),
    ),
    "cooperative": (
        0.1,
        ("expertise-technique", "formation", "ingenierie-projet"),
        ("financement", "acces-publics", "locaux-logistique"),
    ),
    "collectivite": (
        0.1,
        ("financement", "legitimite-institutionnelle", "locaux-logistique", "donnees-numerique"),
        ("ancrage-territorial", "acces-publics", "ingenierie-projet", "evaluation-impact"),
    ),
    "etat": (
        0.03,
        ("financement", "legitimite-institutionnelle", "expertise-juridique"),
        ("ancrage-territorial", "donnees-numerique", "evaluation-impact"),
    ),
    "fondation": (
        0.05,
        ("financement", "mise-en-reseau", "evaluation-impact"),
        ("ancrage-territorial", "acces-publics", "communication"),
    ),
    "recherche": (
        0.05,
        ("recherche-innovation", "evaluation-impact", "formation", "donnees-numerique"),
        ("acces-publics", "financement", "ancrage-territorial"),
    ),
    "collectif": (
        0.12,
        ("benevolat", "ancrage-territorial"),
        ("financement", "locaux-logistique", "expertise-juridique", "ingenierie-projet"),
    ),
}
#: The competence codes, in the scheme's order (ontology/namespaces.py).
COMPETENCES = tuple(scheme_codes("competence"))
FUNDING = {
    "collectivite": "subvention-publique",
    "etat": "subvention-publique",
    "entreprise": "mecenat-financier",
    "fondation": "mecenat-financier",
    "cooperative": "recettes-activite",
    "recherche": "fonds-europeens",
    "association": "dons-particuliers",
    "collectif": "cotisations",
}


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
        actors.append(
            Actor(
                f"a{i}",
                t,
                theme,
                targets[: rng.randint(1, 2)],
                offers,
                needs or {rng.choice(typical_needs)} - offers,
                code,
                dep,
                reg,
            )
        )
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
        # alliances grow in order: the k-th is dated so that the time split follows it
        year = 2010 + (15 * k) // max(len(net.alliances), 1)
        yield s, SCHEMA.startDate, Literal(str(year), datatype=XSD.gYear)
        for t in sorted(
            {
                t
                for m in members
                for t in net.actors[m].targets
                if net.actors[m].theme == net.themes[k]
            }
        ):
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


def bundled_store(path: Path, sources: Iterable[str] | None = None) -> OxigraphStore:
    """A store with the vocabularies and the bundled datasets (those named in `sources`, or all)."""
    store = OxigraphStore(path, base=BASE)
    load_vocabularies(store)
    if sources is None:
        load_bundled(store, BASE)
    else:
        for b in sorted(
            (b for b in BUNDLED if b.source in set(sources)), key=lambda b: b.source != "cis-2019"
        ):
            import_paths([b.folder], store, BASE, source=b.source, metadata=b.metadata())
    return store


def latency(
    n: int, queries: int, seed: int, workdir: Path, with_bundled: bool = False
) -> dict[str, object]:
    """Build a store of `n` actors (after the bundled data with `with_bundled`) and time the
    kinds of queries."""
    rng = random.Random(seed + 1)
    t0 = time.perf_counter()
    net = generate(n, seed)
    gen_s = time.perf_counter() - t0
    if with_bundled:
        store = bundled_store(workdir / f"store-{n}")
    else:
        store = OxigraphStore(workdir / f"store-{n}", base=BASE)
        load_vocabularies(store)
    t0 = time.perf_counter()
    store.write(Write(source="bench", triples=triples(net)))
    load_s = time.perf_counter() - t0
    rec = Recommender(store)
    builds = {
        "labels": timed(rec.labels.get),
        "network": timed(rec.network.get),
        "actors": timed(rec.actors.get),
        "alliances": timed(rec.alliances.get),
        "national": timed(rec.national.get),
        # random and partner pairs behind the partner levels, once per version
        "partner_levels": timed(rec.partner_levels.get),
        # random pairs behind the analogue levels, once per version
        "analogue_levels": timed(
            lambda: rec.analogue_finder().null_similarities(rec.analogue_weights)
        ),
        # UN texts, vocabulary and language identifier, once per process
        "sdg_suggester": timed(lambda: rec.suggest_sdgs("gaspillage alimentaire")),
    }
    table = rec.actors.get()
    actor_ids = rng.sample(table.ids, min(queries, len(table)))
    kinds = [["entreprise", "collectivite"], ["fondation"], ["association", "cooperative"]]
    needs = [
        {
            "type": rng.choice(list(TYPES)),
            "territory": f"departement:{a.dep}",
            "needs": sorted(a.needs),
            "sdgs": a.targets,
        }
        for a in rng.sample(net.actors, min(queries, n))
    ]
    texts = [
        {
            "text": "Nous cherchons "
            + " et ".join(rng.sample(NEED_PHRASES, 2))
            + " pour "
            + " ".join(rng.sample(THEMES[t][1], 4)),
            "territory": f"departement:{a.dep}",
            "partner_types": rng.choice(kinds),
        }
        for t, a in zip(
            rng.choices(list(THEMES), k=queries), rng.choices(net.actors, k=queries), strict=True
        )
    ]
    alliance_ids = [
        f"x{k}" for k in rng.sample(range(len(net.alliances)), min(queries, len(net.alliances)))
    ]
    ideas = [
        {
            "text": " ".join(rng.sample(THEMES[t][1], 5)),
            "territory": f"departement:{rng.choice(net.actors).dep}",
        }
        for t in rng.choices(list(THEMES), k=queries)
    ]
    result = {
        "actors": len(table),
        "alliances": alliance_count(rec.network.get()),
        "memberships": rec.network.get().bipartite.number_of_edges(),
        "triples": store.count_triples(),
        "generate_s": round(gen_s, 1),
        "load_s": round(load_s, 1),
        "with_bundled": with_bundled,
        "national_actors": int(rec.national.get().sum()),
        "build_ms": {k: round(v) for k, v in builds.items()},
        "partners": percentiles([timed(partial(rec.partners, i)) for i in actor_ids]),
        "partners_typed": percentiles(
            [timed(partial(rec.partners, i, 10, rng.choice(kinds))) for i in actor_ids]
        ),
        "partners_need": percentiles([timed(partial(rec.partners_for_need, d)) for d in needs]),
        "partners_text": percentiles([timed(partial(rec.partners_for_need, d)) for d in texts]),
        "analogues": percentiles([timed(partial(rec.analogues, i)) for i in alliance_ids]),
        "analogues_idea": percentiles([timed(partial(rec.analogues_for_idea, d)) for d in ideas]),
        "sdg_suggest": percentiles([timed(partial(rec.suggest_sdgs, d["text"])) for d in ideas]),
    }
    store.close()
    return result


def alliance_count(network: object) -> int:
    """Alliance nodes of a network's bipartite view."""
    nodes = network.bipartite.nodes  # type: ignore[attr-defined]
    return sum(1 for _, kind in nodes(data="kind") if kind == "alliance")


#: What project texts of the latency run ask for (competences of the vocabulary).
NEED_PHRASES = (
    "un local",
    "des bénévoles",
    "un financement",
    "du mécénat de compétences",
    "un appui juridique",
    "une évaluation d'impact",
    "un camion",
    "des formateurs",
)


def fit_evaluation(
    name: str, store: OxigraphStore, seeds: int, max_testers: int, note: str
) -> dict[str, object]:
    """`alliances fit-weights` on the network of `store`, timed, with the level shares of the
    fitted weights and the partnership rate by distance."""
    rec = Recommender(store)
    table, network, labels = rec.actors.get(), rec.network.get(), rec.labels.get()
    t0 = time.perf_counter()
    report = fitting.fit_weights(
        table,
        network,
        labels,
        PARTNER_DEFAULTS,
        seeds=range(1, seeds + 1),
        starts=alliance_starts(store),
        max_testers=max_testers,
    )
    fit_s = time.perf_counter() - t0
    out = report.to_dict()
    fitted = np.array([report.weights[f] for f in PARTNER_FACTORS])
    defaults = np.array([PARTNER_DEFAULTS[f] for f in PARTNER_FACTORS])
    episode = fitting.random_episode(
        table, fitting.memberships(network), 1, max_testers=max_testers
    )
    gs = fitting.groups(table, labels, episode)
    out["levels"] = {
        label: level_shares(table, labels, episode, gs, w)
        for label, w in (("fitted", fitted), ("defaults", defaults))
    }
    out.update(
        {
            "network": name,
            "note": note,
            "actors": len(table),
            "alliances": alliance_count(network),
            "memberships": network.bipartite.number_of_edges(),
            "fit_s": round(fit_s, 1),
            "distance_profile": fitting.distance_profile(table, network),
        }
    )
    return out


def trust_checks(store: OxigraphStore, sample: int = 300, seed: int = 1) -> dict[str, object]:
    """What real people are shown on the bundled instance (issue 12, « trustworthy »).

    Fictional resources are those whose defining source is marked `all:fictional`
    (`graph.queries.sources.defining_sources`, as the pages and the API say). Measured:
    - real seekers (`sample` real actors with a type, drawn with `seed`, and every real alliance up
      to `sample`): the share of fictional partners, introducers and analogues in their top 10;
    - described needs (each real sampled actor's competences and SDGs, without place): how often
      a fictional partner is ranked above a real one, and the share of fictional results;
    - place only (the communes of the sampled real actors): how the levels spread when nothing but
      a place is stated (« très complémentaire » there would be a claim on proximity alone).
    """
    rec = Recommender(store)
    table, alliances = rec.actors.get(), rec.alliances.get()
    every = [*table.iris, *alliances.iris]
    fictional = {iri for iri, info in defining_sources(store, every).items() if info.fictional}
    rng = random.Random(seed)
    real_actors = [i for i, iri in enumerate(table.iris) if iri not in fictional]
    picked = sorted(rng.sample(real_actors, min(sample, len(real_actors))))
    shown = fict = intro = fict_intro = 0
    above = needs = need_shown = need_fict = 0
    place_levels: dict[str, int] = defaultdict(int)
    communes: set[str] = set()
    for i in picked:
        res = rec.partners(table.ids[i], 10)["results"]
        shown += len(res)
        fict += sum(URIRef(r["iri"]) in fictional for r in res)
        for r in res:
            intro += len(r["introducers"])
            fict_intro += sum(URIRef(x["iri"]) in fictional for x in r["introducers"])
        need = {
            "needs": codes_of_mask(int(table.needs[i]), "competence"),
            "offers": codes_of_mask(int(table.offers[i]), "competence"),
            "sdgs": sorted(table.sdgs[i].targets | table.sdgs[i].goals),
        }
        if any(need.values()):
            got = rec.partners_for_need(need, 10)["results"]
            flags = [URIRef(r["iri"]) in fictional for r in got]
            needs += 1
            need_shown += len(flags)
            need_fict += sum(flags)
            above += any(f and not g for n, f in enumerate(flags) for g in flags[n + 1 :])
        key = table.places[i].key("commune")
        if key is not None:
            communes.add(key[1])
    for code in sorted(communes)[:sample]:
        for r in rec.partners_for_need({"territory": f"commune:{code}"}, 10)["results"]:
            place_levels[r["level"]["code"]] += 1
    real_alliances = [i for i, iri in enumerate(alliances.iris) if iri not in fictional]
    ana_shown = ana_fict = 0
    for i in sorted(rng.sample(real_alliances, min(sample, len(real_alliances)))):
        res = rec.analogues(alliances.ids[i], 10)["results"]
        ana_shown += len(res)
        ana_fict += sum(URIRef(r["iri"]) in fictional for r in res)
    placed = sum(place_levels.values()) or 1
    return {
        "actors": len(table),
        "fictional actors": sum(iri in fictional for iri in table.iris),
        "real seekers": len(picked),
        "partners shown": shown,
        "fictional partners": fict,
        "introducers shown": intro,
        "fictional introducers": fict_intro,
        "described needs": needs,
        "need results": need_shown,
        "fictional need results": need_fict,
        "needs with a fictional result above a real one": above,
        "real alliances": len(real_alliances),
        "analogues shown": ana_shown,
        "fictional analogues": ana_fict,
        "place-only communes": min(len(communes), sample),
        "place-only levels": {k: round(v / placed, 3) for k, v in sorted(place_levels.items())},
    }


def level_shares(
    table: object, labels: object, episode: fitting.Episode, gs: list[fitting.Group], w: np.ndarray
) -> dict[str, object]:
    """How the levels spread random pairs, the top 10 of the test actors, and the hidden partners
    among them; and the share of hidden partners (precision) at each level of the top 10."""
    finder = PartnerFinder(
        table,
        episode.network,
        labels,  # type: ignore[arg-type]
        dict(zip(PARTNER_FACTORS, w, strict=True)),
        national_flags(table, episode.network),
    )  # type: ignore[arg-type]
    ref = finder.reference
    codes = list(partner_levels.SCORE_LEVELS)
    shown: dict[str, list[bool]] = {c: [] for c in codes}
    for g in gs:
        order = fitting.top(g, w)
        for k in order:
            shown[partner_levels.level_code(float(g.values[k] @ w), ref)].append(
                bool(g.positive[k])
            )
    random_codes = [partner_levels.level_code(float(v), ref) for v in ref.random]
    total = sum(len(v) for v in shown.values()) or 1
    return {
        "thresholds": {"very": round(ref.very, 4), "fair": round(ref.fair, 4)},
        "random pairs": {
            c: round(random_codes.count(c) / max(len(random_codes), 1), 3) for c in codes
        },
        "top 10": {c: round(len(shown[c]) / total, 3) for c in codes},
        "precision in top 10": {
            c: round(sum(shown[c]) / len(shown[c]), 3) if shown[c] else None for c in codes
        },
    }


def main() -> None:
    """Run the benchmark and print a Markdown report (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="10000,100000",
        help="actor counts for the latency runs (comma-separated)",
    )
    parser.add_argument("--queries", type=int, default=200, help="queries of each kind")
    parser.add_argument(
        "--with-bundled",
        action="store_true",
        help="load the bundled datasets before the synthetic actors",
    )
    parser.add_argument(
        "--fit-size", type=int, default=10000, help="synthetic actors of the weights fit (0: skip)"
    )
    parser.add_argument(
        "--networks",
        default="synthetic,demo,real",
        help="networks to fit on: synthetic, demo (demo + CIS), real",
    )
    parser.add_argument("--seeds", type=int, default=5, help="seeds (folds) of the fit")
    parser.add_argument("--max-testers", type=int, default=1000, help="test actors per draw")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument(
        "--trust",
        action="store_true",
        help="what real seekers are shown on the bundled instance (demo, CIS and real data)",
    )
    args = parser.parse_args()
    out: dict[str, object] = {
        "date": date.today().isoformat(),
        "machine": machine(),
        "load": load_average(),
    }
    networks = set(args.networks.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        out["latency"] = [
            latency(int(s), args.queries, args.seed, Path(tmp), args.with_bundled)
            for s in args.sizes.split(",")
            if s
        ]
        fits = []
        if "synthetic" in networks and args.fit_size:
            net = generate(args.fit_size, args.seed)
            store = OxigraphStore(Path(tmp) / "fit-synthetic", base=BASE)
            load_vocabularies(store)
            store.write(Write(source="bench", triples=triples(net)))
            fits.append(
                fit_evaluation(
                    f"synthetic {args.fit_size:,}",
                    store,
                    args.seeds,
                    args.max_testers,
                    "generated from the recommender's own factors: not evidence",
                )
            )
            store.close()
        if "demo" in networks:
            store = bundled_store(Path(tmp) / "fit-demo", ("demo", "cis-2019"))
            fits.append(
                fit_evaluation(
                    "demo + CIS",
                    store,
                    args.seeds,
                    args.max_testers,
                    "fictional alliances written by hand",
                )
            )
            store.close()
        real = [b.source for b in BUNDLED if b.source not in ("demo", "cis-2019")]
        if "real" in networks and real:
            store = bundled_store(Path(tmp) / "fit-real", real)
            fits.append(
                fit_evaluation(
                    "real datasets",
                    store,
                    args.seeds,
                    args.max_testers,
                    "structural alliances of public programmes",
                )
            )
            store.close()
        out["fits"] = fits
        if args.trust:
            store = bundled_store(Path(tmp) / "trust")
            out["trust"] = trust_checks(store)
            store.close()
        out["load_after"] = load_average()
    print(json.dumps(out, ensure_ascii=False, indent=2) if args.json else markdown(out))


def load_average() -> str:
    """The 1, 5 and 15 minute load averages (the machine is shared)."""
    import os

    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


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


QUERIES = (
    "partners",
    "partners_typed",
    "partners_need",
    "partners_text",
    "analogues",
    "analogues_idea",
    "sdg_suggest",
)


def markdown(out: dict[str, Any]) -> str:
    """The report as Markdown tables."""
    lines = [
        f"Run {out['date']} on {out['machine']}; load average {out['load']} before, "
        f"{out.get('load_after', '?')} after.",
        "",
        "| actors | alliances | triples | caches built (ms) | "
        + " | ".join(f"{q} p50/p95" for q in QUERIES)
        + " |",
        "|---:|---:|---:|---|" + "---:|" * len(QUERIES),
    ]
    for r in out["latency"]:
        b = r["build_ms"]
        lines.append(
            f"| {r['actors']:,} | {r['alliances']:,} | {r['triples']:,} | "
            + ", ".join(f"{k} {v}" for k, v in b.items())
            + " | "
            + " | ".join(f"{r[q]['p50']} / {r[q]['p95']} ms" for q in QUERIES)
            + " |"
        )
    for f in out.get("fits", []):
        lines += [
            "",
            f"### {f['network']} ({f['note']})",
            "",
            f"{f['actors']:,} actors, {f['alliances']:,} alliances, "
            f"{f['memberships']:,} memberships; fit in {f['fit_s']} s. "
            f"Fitted: `{f['setting']}`.",
            "",
            "| needs_offers share | recall@10 | nDCG@10 |",
            "|---:|---:|---:|",
        ]
        lines += [
            f"| {r['share']:.2f} | {r['recall@10']:.3f} | {r['ndcg@10']:.3f} |" for r in f["sweep"]
        ]
        for split, table in f["evaluation"].items():
            lines += [
                "",
                f"{split} — recall@10 / nDCG@10",
                "",
                "| method | with partners | newcomers | overall |",
                "|---|---:|---:|---:|",
            ]
            for method, groups in table.items():
                cells = [groups.get(g) for g in ("with partners", "newcomers", "overall")]
                lines.append(
                    f"| {method} | "
                    + " | ".join(
                        f"{c['recall@10']:.3f} / {c['ndcg@10']:.3f} (n={c['n']})" if c else "—"
                        for c in cells
                    )
                    + " |"
                )
        for label, lv in f["levels"].items():
            lines += [
                "",
                f"Levels ({label} weights; thresholds {lv['thresholds']}):",
                "",
                "| level | random pairs | top 10 | hidden partners among the top 10 |",
                "|---|---:|---:|---:|",
            ]
            for c in partner_levels.SCORE_LEVELS:
                p = lv["precision in top 10"][c]
                lines.append(
                    f"| {c} | {lv['random pairs'][c]:.3f} | {lv['top 10'][c]:.3f} | "
                    f"{'—' if p is None else f'{p:.3f}'} |"
                )
        if f["distance_profile"]:
            lines += [
                "",
                "| km | partner pairs | random pairs | relative rate |",
                "|---|---:|---:|---:|",
            ]
            lines += [
                f"| {d['from_km']:g}–{d['to_km']:g} | {d['partner_pairs']:.3f} | "
                f"{d['random_pairs']:.3f} | {d['relative_rate']:.3f} |"
                for d in f["distance_profile"]
            ]
    if out.get("trust"):
        lines += ["", "### What real seekers are shown (bundled instance)", ""]
        lines += [f"- {k}: {v}" for k, v in out["trust"].items()]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
