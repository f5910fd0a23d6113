"""Weights from evidence: the partner factor weights fitted on held-out links of the network, and
the offline evaluation that checks them against the link-prediction baselines.

**Held-out links** (`episodes`), for each seed:
- `random`: RANDOM_HIDE (20 %) of the memberships are hidden at random; the partner links they
  carried that no remaining alliance keeps are to be found again by the actors who lost them
  (Liben-Nowell & Kleinberg 2007, « The link-prediction problem for social networks »);
- `newcomers`: NEWCOMER_SHARE (10 %) of the actors with alliances lose *all* their memberships at
  once: they are newcomers (no alliance, no partner in common with anyone) whose former partners
  are to be found again;
- `time` (when alliances have start dates; one split, no seed): the alliances started in the
  last TIME_SHARE (30 %) of the years are hidden, the earlier ones are the training network: the
  partners an actor gained later are to be found from what was known before.

**Features**: for each test actor, the five factor values of every candidate the recommender
would score (its own local candidate set, over the training network); candidates are positives
when they are hidden partners. Nothing else: the weights are fitted on what the product computes.

**Fit** (`fit`): a linear learning-to-rank model on the factor values, pairwise logistic loss
(RankNet with a linear scorer: Burges et al. 2005; the loss of RankSVM with a logistic link,
Joachims 2002) over (hidden partner, other candidate) pairs of the same test actor, each actor
weighing 1 whatever its number of pairs (at most MAX_NEGATIVES negatives each, drawn once with
the actor's row as seed), weights bounded to be ≥ 0 (a factor never counts against a candidate),
an L2 penalty L2,
minimised with L-BFGS-B (scipy). The weights are then scaled to sum to 1 and rounded to 0.01.

**Evaluation** (`evaluate`): recall@k (share of an actor's hidden partners in its top k) and
nDCG@k with binary gains (Järvelin & Kekäläinen 2002: DCG = Σ rel_i / log2(i + 1), divided by
the DCG of a perfect ranking), averaged over the test actors of each group — *with partners*
(those who kept at least one partner) and *newcomers* (no partner left) — and over all of them
(`overall`). Methods: the recommender under given weights, and common neighbours and
Adamic–Adar (`graph.analytics`) on the same training network, which rank only the actors two
hops away. Cross-validation over seeds (`cross_validate`): the weights are fitted on every seed
but one and evaluated on that one, in turn.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..analytics import NetworkViews, adamic_adar, common_neighbours
from .actor_table import ActorTable
from .labels import Labels
from .partner_levels import Reference
from .partners import PartnerFinder
from .proximity import haversine_km, national_flags
from .weights import PARTNER_FACTORS

K = 10
RANDOM_HIDE = 0.2
NEWCOMER_SHARE = 0.1
TIME_SHARE = 0.3
MAX_TESTERS = 1000
MAX_NEGATIVES = 20
L2 = 1e-3
Pair = tuple[Hashable, Hashable]  # (alliance, actor)


@dataclass
class Episode:
    """One way of hiding links: the training network and, per test actor (row of the table),
    its hidden partners (rows)."""

    name: str
    network: NetworkViews
    lost: dict[int, set[int]]
    newcomers: set[int] = field(default_factory=set)


@dataclass
class Group:
    """The candidates of one test actor: factor values (candidates × factors), which are hidden
    partners, and the candidate rows."""

    seeker: int
    values: np.ndarray
    positive: np.ndarray
    candidates: np.ndarray
    newcomer: bool
    hidden: frozenset[int]  # the hidden partners (some may not be candidates)
    baselines: dict[str, list[int]] = field(default_factory=dict)  # method → top-k rows
    pair_rows: np.ndarray | None = None  # `pairs`, once computed


def memberships(network: NetworkViews) -> list[Pair]:
    """(alliance, actor) pairs of a network, in a stable order."""
    out = [
        (a, b) if network.bipartite.nodes[a].get("kind") == "alliance" else (b, a)
        for a, b in network.bipartite.edges()
    ]
    return sorted(out, key=lambda p: (str(p[0]), str(p[1])))


def _episode(
    name: str,
    t: ActorTable,
    pairs: list[Pair],
    hidden: set[int],
    seed: int,
    max_testers: int,
    only: set[int] | None = None,
) -> Episode:
    """The episode hiding the pairs at indices `hidden` (test actors: `only`, or everyone who
    lost a partner, at most `max_testers` drawn with `seed`)."""
    full = NetworkViews.from_memberships(pairs).projection
    train = NetworkViews.from_memberships(p for k, p in enumerate(pairs) if k not in hidden)
    lost: dict[int, set[int]] = {}
    for a in full:
        i = t.by_iri.get(a)
        if i is None or (only is not None and i not in only):
            continue
        gone = {
            t.by_iri[b]
            for b in full.adj[a]
            if b in t.by_iri and not train.projection.has_edge(a, b)
        }
        if gone:
            lost[i] = gone
    keys = sorted(lost)
    if len(keys) > max_testers:
        keys = sorted(random.Random(seed).sample(keys, max_testers))
    lost = {i: lost[i] for i in keys}
    newcomers = {i for i in lost if not train.partners(t.iris[i])}
    return Episode(name, train, lost, newcomers)


def random_episode(
    t: ActorTable,
    pairs: list[Pair],
    seed: int,
    hide: float = RANDOM_HIDE,
    max_testers: int = MAX_TESTERS,
) -> Episode:
    """`hide` of the memberships hidden at random."""
    rng = random.Random(seed)
    hidden = set(rng.sample(range(len(pairs)), int(hide * len(pairs))))
    return _episode(f"random-{seed}", t, pairs, hidden, seed, max_testers)


def newcomer_episode(
    t: ActorTable,
    pairs: list[Pair],
    seed: int,
    share: float = NEWCOMER_SHARE,
    max_testers: int = MAX_TESTERS,
) -> Episode:
    """`share` of the actors with alliances lose all their memberships."""
    rng = random.Random(seed + 10_000)
    members = sorted({t.by_iri[a] for _, a in pairs if a in t.by_iri})
    chosen = set(rng.sample(members, max(1, min(max_testers, int(share * len(members))))))
    hidden = {k for k, (_, a) in enumerate(pairs) if t.by_iri.get(a) in chosen}
    return _episode(f"newcomers-{seed}", t, pairs, hidden, seed, max_testers, chosen)


def time_episode(
    t: ActorTable,
    pairs: list[Pair],
    starts: Mapping[Hashable, str],
    share: float = TIME_SHARE,
    max_testers: int = MAX_TESTERS,
) -> Episode | None:
    """The alliances started in the last `share` of the years hidden (None without dates)."""
    years = sorted({int(s[:4]) for s in starts.values() if s[:4].isdigit()})
    if len(years) < 3:
        return None
    dated = sorted(int(starts[a][:4]) for a in {a for a, _ in pairs} if a in starts)
    cut = dated[int((1 - share) * len(dated))] if dated else years[-1]
    hidden = {
        k
        for k, (a, _) in enumerate(pairs)
        if a in starts and starts[a][:4].isdigit() and int(starts[a][:4]) >= cut
    }
    return _episode(f"time-{cut}", t, pairs, hidden, 0, max_testers)


def episodes(
    t: ActorTable,
    network: NetworkViews,
    seeds: Iterable[int],
    starts: Mapping[Hashable, str] | None = None,
    max_testers: int = MAX_TESTERS,
) -> list[Episode]:
    """A random and a newcomer episode per seed, and the time split when dates allow."""
    pairs = memberships(network)
    out: list[Episode] = []
    for seed in seeds:
        out.append(random_episode(t, pairs, seed, max_testers=max_testers))
        out.append(newcomer_episode(t, pairs, seed, max_testers=max_testers))
    if starts:
        split = time_episode(t, pairs, starts, max_testers=max_testers)
        if split is not None and split.lost:
            out.append(split)
    return out


def groups(t: ActorTable, labels: Labels, episode: Episode, k: int = K) -> list[Group]:
    """The candidates of every test actor of `episode`, with the baselines' top k."""
    weights = dict.fromkeys(PARTNER_FACTORS, 1.0)
    finder = PartnerFinder(
        t,
        episode.network,
        labels,
        weights,
        national_flags(t, episode.network),
        Reference(np.zeros(1), np.zeros(1)),
    )
    out = []
    projection = episode.network.projection
    for i, gone in episode.lost.items():
        s = finder.seeker(i)
        cands = finder.candidates(s)
        values = finder.factor_values(s, cands)
        x = (
            np.column_stack([values[f] for f in PARTNER_FACTORS])
            if cands.size
            else (np.zeros((0, len(PARTNER_FACTORS))))
        )
        g = Group(i, x, np.isin(cands, list(gone)), cands, i in episode.newcomers, frozenset(gone))
        for name, method in (
            ("common neighbours", common_neighbours),
            ("Adamic–Adar", adamic_adar),
        ):
            scores = method(projection, t.iris[i])
            ranked = sorted(((-v, t.by_iri[b]) for b, v in scores.items() if b in t.by_iri))
            g.baselines[name] = [j for _, j in ranked[:k]]
        out.append(g)
    return out


def top(g: Group, w: np.ndarray, k: int = K) -> np.ndarray:
    """Positions (in `g.candidates`) of the k best candidates under weights `w` (score > 0;
    ties by row, as the finder breaks them)."""
    if g.candidates.size == 0:
        return np.zeros(0, dtype=np.int64)
    score = np.round(g.values @ w, 9)
    sel = np.arange(score.size)
    if score.size > k:  # the k-th best score, then everything at least as good (ties kept)
        kth = np.partition(score, score.size - k)[score.size - k]
        sel = np.flatnonzero(score >= kth)
    order = sel[np.lexsort((g.candidates[sel], -score[sel]))]
    return order[score[order] > 0][:k]


def dcg(hits: Iterable[bool]) -> float:
    """Σ rel_i / log2(i + 1) over ranks i = 1, 2, … (binary relevance)."""
    return sum(1.0 / math.log2(i + 2) for i, hit in enumerate(hits) if hit)


def metrics(hits: list[bool], lost: int, k: int = K) -> tuple[float, float]:
    """(recall@k, nDCG@k) of a top-k list given which entries are hidden partners."""
    ideal = dcg([True] * min(k, lost))
    return sum(hits[:k]) / lost, (dcg(hits[:k]) / ideal if ideal else 0.0)


def evaluate(
    gs: list[Group], rankers: Mapping[str, np.ndarray | str], k: int = K
) -> dict[str, dict[str, dict[str, float]]]:
    """method → group ('with partners', 'newcomers', 'overall') → {'recall@k', 'ndcg@k', 'n'}.

    A ranker is a weight vector (the recommender) or the name of a baseline."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for name, ranker in rankers.items():
        per: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for g in gs:
            if isinstance(ranker, str):
                hits = [j in g.hidden for j in g.baselines[ranker]]
            else:
                hits = g.positive[top(g, ranker, k)].tolist()
            m = metrics(hits, len(g.hidden), k)
            per["newcomers" if g.newcomer else "with partners"].append(m)
            per["overall"].append(m)
        out[name] = {
            grp: {
                f"recall@{k}": _mean(v[0] for v in vals),
                f"ndcg@{k}": _mean(v[1] for v in vals),
                "n": len(vals),
            }
            for grp, vals in per.items()
        }
    return out


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return round(sum(items) / len(items), 4) if items else 0.0


def pairs(g: Group, max_negatives: int = MAX_NEGATIVES) -> np.ndarray:
    """(x_positive − x_negative) rows of one test actor's (hidden partner, other candidate)
    pairs, at most `max_negatives` negatives drawn with a seed of its own (its row), computed
    once and kept on the group."""
    if g.pair_rows is None:
        pos, neg = g.values[g.positive], g.values[~g.positive]
        if len(pos) and len(neg) > max_negatives:
            rng = np.random.default_rng(g.seeker)
            neg = neg[rng.choice(len(neg), max_negatives, replace=False)]
        g.pair_rows = (pos[:, None, :] - neg[None, :, :]).reshape(-1, g.values.shape[1])
    return g.pair_rows


Rows = tuple[np.ndarray, np.ndarray]  # (difference rows, weight of each row)


def pair_differences(gs: list[Group]) -> Rows:
    """The `pairs` rows of every group and the weight of each row (each actor weighs the same;
    they sum to 1)."""
    diffs = [d for d in (pairs(g) for g in gs) if len(d)]
    if not diffs:
        return np.zeros((0, len(PARTNER_FACTORS))), np.zeros(0)
    omega = np.concatenate([np.full(len(d), 1.0 / len(d)) for d in diffs])
    return np.vstack(diffs), omega / omega.sum()


def fit(gs: list[Group], l2: float = L2, fixed: Mapping[str, float] | None = None) -> np.ndarray:
    """Non-negative weights (summing to 1) minimising the pairwise logistic loss over the groups
    (see the module docstring). `fixed` pins the share of some factors in the result (e.g.
    {"needs_offers": 0.3}); the others are fitted."""
    return fit_rows(pair_differences(gs), l2, fixed)


def fit_rows(rows: Rows, l2: float = L2, fixed: Mapping[str, float] | None = None) -> np.ndarray:
    """`fit` on rows made by `pair_differences` (or several of them joined)."""
    from scipy.optimize import minimize

    x, omega = rows
    n = len(PARTNER_FACTORS)
    if len(x) == 0:
        return np.full(n, 1.0 / n)
    fixed = dict(fixed or {})
    pinned = np.array([fixed.get(f, 0.0) for f in PARTNER_FACTORS])
    free = np.array([f not in fixed for f in PARTNER_FACTORS])
    share = float(pinned.sum())
    if share >= 1 or not free.any():
        return pinned / share if share > 0 else np.full(n, 1.0 / n)
    ratio = pinned / (1.0 - share)  # pinned weights as multiples of the free weights' sum

    def full(u: np.ndarray) -> np.ndarray:
        w = ratio * u.sum()
        w[free] = u
        return w

    def loss(u: np.ndarray) -> tuple[float, np.ndarray]:
        w = full(u)
        m = x @ w
        value = float(omega @ np.logaddexp(0.0, -m)) + l2 * float(w @ w)
        g = -(x.T @ (omega * _sigmoid(-m))) + 2 * l2 * w
        return value, g[free] + float(g @ ratio)

    u0 = np.ones(int(free.sum()))
    res = minimize(loss, u0, jac=True, method="L-BFGS-B", bounds=[(0.0, None)] * len(u0))
    w = np.maximum(full(res.x), 0.0)
    return w / w.sum() if w.sum() > 0 else np.full(n, 1.0 / n)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * z)))


def rounded(w: np.ndarray) -> dict[str, float]:
    """Weights as a {factor: weight} mapping rounded to 0.01, still summing to 1."""
    cents = np.floor(w * 100).astype(int)
    for k in np.argsort(-(w * 100 - cents))[: 100 - int(cents.sum())]:
        cents[k] += 1
    return {f: round(int(c) / 100, 2) for f, c in zip(PARTNER_FACTORS, cents, strict=True)}


def weight_string(w: Mapping[str, float]) -> str:
    """`needs_offers=0.2,purpose=0.1,…`, the PARTNER_WEIGHTS syntax."""
    return ",".join(f"{f}={w[f]:g}" for f in PARTNER_FACTORS)


#: The factor whose share is pinned rather than fitted (the one a person states in the finder),
#: the shares tried, and how much cross-validated nDCG@10 may be given up for a larger one.
PINNED = "needs_offers"
SHARES = tuple(round(0.05 * k, 2) for k in range(11))  # 0, 0.05, …, 0.5
TOLERANCE = 0.05


@dataclass
class FitReport:
    """What `fit_weights` found: the weights, the sweep over the pinned share, and the
    cross-validated figures."""

    weights: dict[str, float]
    folds: int
    sweep: list[dict[str, Any]]
    evaluation: dict[str, Any]
    episodes: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "weights": self.weights,
            "setting": weight_string(self.weights),
            "folds": self.folds,
            "pinned": PINNED,
            "tolerance": TOLERANCE,
            "sweep": self.sweep,
            "episodes": self.episodes,
            "evaluation": self.evaluation,
        }


def fit_weights(
    t: ActorTable,
    network: NetworkViews,
    labels: Labels,
    current: Mapping[str, float],
    seeds: Iterable[int] = range(1, 6),
    starts: Mapping[Hashable, str] | None = None,
    max_testers: int = MAX_TESTERS,
    progress: Callable[[str], None] | None = None,
    shares: Iterable[float] = SHARES,
    tolerance: float = TOLERANCE,
) -> FitReport:
    """Fit the default weights on held-out links of `network` (module docstring):

    1. a random and a newcomer episode per seed (and the time split when `starts` allows);
    2. for each share of PINNED among `shares`, the other weights fitted and cross-validated
       over the seeds (each seed evaluated with weights fitted on the others): overall nDCG@10;
    3. the largest share whose nDCG@10 is within `tolerance` of the best of the sweep is kept
       (the weight of what people state is the largest the evidence allows), and the weights
       are fitted with it on every seed's episodes.

    The report gives the cross-validated figures of the chosen procedure against the `current`
    weights and the baselines, and the time split evaluated with the final weights.
    """
    seeds = list(seeds)
    eps = episodes(t, network, seeds, starts, max_testers)
    by_episode: dict[str, list[Group]] = {}
    for ep in eps:
        if progress:
            progress(f"{ep.name}: {len(ep.lost)} test actors")
        by_episode[ep.name] = groups(t, labels, ep)
    seeded = {s: by_episode[f"random-{s}"] + by_episode[f"newcomers-{s}"] for s in seeds}
    rows = {s: pair_differences(gs) for s, gs in seeded.items()}  # each seed weighs the same

    def train_rows(others: list[int]) -> Rows:
        omega = np.concatenate([rows[o][1] for o in others])
        return np.vstack([rows[o][0] for o in others]), omega / omega.sum()

    def cross_validated(
        share: float, extra: Mapping[str, np.ndarray | str]
    ) -> dict[str, dict[str, dict[str, float]]]:
        folds = []
        for s in seeds:
            w = fit_rows(train_rows([o for o in seeds if o != s] or [s]), fixed={PINNED: share})
            folds.append(evaluate(seeded[s], {"fitted": w, **extra}))
        return average(folds)

    sweep = []
    for share in shares:
        cv = cross_validated(share, {})["fitted"]["overall"]
        sweep.append({"share": share, **{k: v for k, v in cv.items() if k != "n"}})
        if progress:
            progress(f"{PINNED} = {share:.2f}: nDCG@{K} {cv[f'ndcg@{K}']:.3f}")
    best = max(row[f"ndcg@{K}"] for row in sweep)
    chosen = max(row["share"] for row in sweep if row[f"ndcg@{K}"] >= (1 - tolerance) * best)
    now = np.array([current[f] for f in PARTNER_FACTORS])
    baselines: dict[str, np.ndarray | str] = {
        "current": now,
        "common neighbours": "common neighbours",
        "Adamic–Adar": "Adamic–Adar",
    }
    evaluation: dict[str, Any] = {"cross-validated": cross_validated(chosen, baselines)}
    final = fit_rows(train_rows(seeds), fixed={PINNED: chosen})
    weights = rounded(final)
    for ep in eps:
        if ep.name.startswith("time-"):
            evaluation[ep.name] = evaluate(by_episode[ep.name], {"fitted": final, **baselines})
    described = [
        {"name": ep.name, "test actors": len(ep.lost), "newcomers": len(ep.newcomers)} for ep in eps
    ]
    return FitReport(weights, len(seeds), sweep, evaluation, described)


def average(
    folds: list[dict[str, dict[str, dict[str, float]]]],
) -> dict[str, dict[str, dict[str, float]]]:
    """The mean of each figure over folds (`n` summed)."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for method in folds[0]:
        out[method] = {}
        for grp in folds[0][method]:
            cells = [f[method][grp] for f in folds if grp in f[method]]
            out[method][grp] = {
                key: (
                    sum(c[key] for c in cells)
                    if key == "n"
                    else round(sum(c[key] for c in cells) / len(cells), 4)
                )
                for key in cells[0]
            }
    return out


def distance_profile(
    t: ActorTable,
    network: NetworkViews,
    seed: int = 1,
    bins: tuple[float, ...] = (0, 10, 20, 40, 80, 160, 320, 2000),
    samples: int = 50_000,
) -> list[dict[str, float]]:
    """Partnership rate by distance, relative to the first bin: for each distance bin, the share
    of partner pairs in it divided by the share of random pairs in it, over the actors with a
    precise point (the evidence behind `proximity.DECAY_KM`)."""
    ok = t.precise & ~np.isnan(t.lat)
    pairs = [
        (t.by_iri[a], t.by_iri[b])
        for a, b in network.projection.edges()
        if a in t.by_iri and b in t.by_iri
    ]
    pairs = [(i, j) for i, j in pairs if ok[i] and ok[j]]
    rows = np.flatnonzero(ok)
    if not pairs or rows.size < 2:
        return []
    rng = np.random.default_rng(seed)
    ri, rj = rng.choice(rows, samples), rng.choice(rows, samples)
    pi, pj = np.array(pairs).T
    edges = np.array(bins, dtype=float)

    def shares(i: np.ndarray, j: np.ndarray) -> np.ndarray:
        d = haversine_km(t.lat[i], t.long[i], t.lat[j], t.long[j])
        counts, _ = np.histogram(d, edges)
        return counts / max(len(d), 1)

    linked, rand = shares(pi, pj), shares(ri, rj)
    rate = np.divide(linked, rand, out=np.zeros_like(linked), where=rand > 0)
    base = rate[0] if rate[0] > 0 else 1.0
    return [
        {
            "from_km": bins[k],
            "to_km": bins[k + 1],
            "partner_pairs": round(float(linked[k]), 4),
            "random_pairs": round(float(rand[k]), 4),
            "relative_rate": round(float(rate[k] / base), 3),
        }
        for k in range(len(bins) - 1)
    ]
