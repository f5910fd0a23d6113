"""Weights from evidence (`graph.reco.fitting`): the metrics, the fit and the held-out links, on
small hand-made inputs whose answers are known."""

from __future__ import annotations

import math

import numpy as np
import pytest

from graph.analytics import NetworkViews
from graph.reco import fitting
from graph.reco.weights import PARTNER_FACTORS

PROXIMITY = PARTNER_FACTORS.index("proximity")


def test_recall_and_ndcg_with_binary_gains():
    # hidden partners at ranks 1 and 3 out of 2 hidden: recall 1, nDCG (1 + 1/2) / (1 + 1/log2 3)
    recall, ndcg = fitting.metrics([True, False, True], lost=2, k=10)
    assert recall == 1
    assert ndcg == pytest.approx((1 + 1 / 2) / (1 + 1 / math.log2(3)))
    assert fitting.metrics([False, True], lost=4, k=10) == (
        0.25,
        pytest.approx((1 / math.log2(3)) / sum(1 / math.log2(i + 2) for i in range(4))),
    )
    assert fitting.metrics([False] * 10, lost=1) == (0, 0)


def group(rng: np.random.Generator, newcomer: bool = False) -> fitting.Group:
    """A test actor with 30 candidates whose hidden partners are the nearest: proximity is the
    only factor that tells them apart, the others are noise."""
    values = rng.random((30, len(PARTNER_FACTORS)))
    positive = values[:, PROXIMITY] > 0.85
    cands = np.arange(30)
    return fitting.Group(0, values, positive, cands, newcomer, frozenset(cands[positive].tolist()))


def test_the_fit_finds_the_factor_that_predicts_the_links():
    rng = np.random.default_rng(3)
    gs = [group(rng) for _ in range(60)]
    w = fitting.fit(gs)
    assert w.sum() == pytest.approx(1) and (w >= 0).all()
    assert int(np.argmax(w)) == PROXIMITY and w[PROXIMITY] > 0.6
    pinned = fitting.fit(gs, fixed={"needs_offers": 0.3})
    assert pinned[PARTNER_FACTORS.index("needs_offers")] == pytest.approx(0.3)
    assert int(np.argmax(pinned)) == PROXIMITY
    fitted = fitting.evaluate(gs, {"fitted": w, "equal": np.full(5, 0.2)})
    assert fitted["fitted"]["overall"]["ndcg@10"] > fitted["equal"]["overall"]["ndcg@10"]


def test_rounded_weights_sum_to_one():
    w = fitting.rounded(np.array([0.333, 0.333, 0.334, 0.0, 0.0]))
    assert sum(w.values()) == pytest.approx(1) and set(w) == set(PARTNER_FACTORS)
    assert (
        fitting.weight_string(w) == "needs_offers=0.33,purpose=0.33,proximity=0.34,"
        "diversity=0,trust=0"
    )


class Table:
    """The little of `ActorTable` the episodes read: rows by IRI."""

    def __init__(self, names: list[str]) -> None:
        self.iris = names
        self.by_iri = {n: i for i, n in enumerate(names)}


def test_held_out_links_random_newcomers_and_time():
    actors = [f"a{k}" for k in range(40)]
    pairs = [(f"x{k}", actors[(k + j) % 40]) for k in range(40) for j in range(3)]
    t = Table(actors)
    random_ep = fitting.random_episode(t, pairs, seed=1)  # type: ignore[arg-type]
    kept = random_ep.network.bipartite.number_of_edges()
    assert kept == len(pairs) - int(0.2 * len(pairs))
    for i, lost in random_ep.lost.items():
        assert lost and all(
            not random_ep.network.projection.has_edge(actors[i], actors[j]) for j in lost
        )
    newcomer_ep = fitting.newcomer_episode(t, pairs, seed=1)  # type: ignore[arg-type]
    assert newcomer_ep.lost and set(newcomer_ep.lost) == newcomer_ep.newcomers
    assert all(not newcomer_ep.network.partners(actors[i]) for i in newcomer_ep.newcomers)
    starts = {f"x{k}": str(2000 + k // 4) for k in range(40)}
    time_ep = fitting.time_episode(t, pairs, starts)  # type: ignore[arg-type]
    assert time_ep is not None and time_ep.name == "time-2007"
    assert all(
        int(starts[a][:4]) < 2007
        for a in (n for n in time_ep.network.bipartite if str(n).startswith("x"))
    )
    assert fitting.memberships(NetworkViews.from_memberships(pairs)) == sorted(pairs)
