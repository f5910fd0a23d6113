"""Levels of partner suggestions: « très complémentaire », « complémentaire », « possible ».

A score means little on its own (how high it can go depends on the weights, on what the seeker
states and on the catalogue), so it is read against two samples of the same graph, scored under
the same weights and drawn once per graph version with a fixed seed:

- **random pairs**: NULL_SEEKERS actors drawn at random, each against NULL_CANDIDATES other actors
  drawn at random among those it is not allied with (as the analogue levels do);
- **partner pairs**: NULL_SEEKERS actors with partners drawn at random, each against its partners
  (partnerships that exist, scored as if they did not: no partner in common counts).

- « très complémentaire » (*very complementary*, `tres-complementaire`): at least as high as
  VERY_PARTNERS % of the partner pairs (the better quarter of the partnerships that exist), and
  above FAIR_RANDOM % of the random pairs;
- « complémentaire » (*complementary*, `complementaire`): above FAIR_RANDOM % of the random pairs,
  clearly better than chance;
- « possible » (`possible`): otherwise.

A seeker stating no need, no offer and no SDG (a place only: `Seeker.states_nothing`) cannot be
told who complements it: its suggestions are ranked by proximity alone, and one that would reach
« complémentaire » or « très complémentaire » is « proche » (*nearby*, `proche`) instead — what
is true of it. The finder then invites the person to describe the need (`PLACE_ONLY_HINT`).

The samples follow `graph.reco.fiction`: a real actor is scored against real actors only, and
its partner pairs are its partners through real alliances.

`percentile` is the share of random pairs scoring no more than the suggestion, `partner_percentile`
that of partner pairs. The thresholds are checked on held-out links by `bench/reco.py`
(`graph.reco.fitting.level_shares`: how hidden partners and random pairs spread over the levels;
docs/recommendation.md gives the figures).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

import numpy as np

from .weights import PARTNER_FACTORS

if TYPE_CHECKING:
    from .partners import PartnerFinder

NULL_SEEKERS = 200
NULL_CANDIDATES = 20
NULL_SEED = 7
#: Percentile of the partner pairs from which a suggestion is « très complémentaire »…
VERY_PARTNERS = 75.0
#: …and percentile of the random pairs above which it is at least « complémentaire ».
FAIR_RANDOM = 90.0
LEVEL_NAMES = {
    "tres-complementaire": ("très complémentaire", "very complementary"),
    "complementaire": ("complémentaire", "complementary"),
    "possible": ("possible", "possible"),
    "proche": ("proche", "nearby"),
}
#: The levels a score alone can reach (`level_code`); « proche » is the cap of `level`.
SCORE_LEVELS = ("tres-complementaire", "complementaire", "possible")


@dataclass(frozen=True)
class Reference:
    """Sorted scores of the random pairs and of the partner pairs of one graph version."""

    random: np.ndarray
    partners: np.ndarray

    @property
    def very(self) -> float:
        """Lowest « très complémentaire » score."""
        fair = self.fair
        if not len(self.partners):
            return max(fair, float(self.random[-1]) if len(self.random) else 0.0) + 1e-9
        return max(float(np.percentile(self.partners, VERY_PARTNERS)), fair + 1e-9)

    @property
    def fair(self) -> float:
        """Score above which a suggestion is at least « complémentaire »."""
        return float(np.percentile(self.random, FAIR_RANDOM)) if len(self.random) else 0.0


def _rows(finder: PartnerFinder, pairs: list[tuple[int, np.ndarray]]) -> np.ndarray:
    rows = []
    for i, c in pairs:
        values = finder.factor_values(finder.seeker(i), c)
        rows.append(np.column_stack([values[f] for f in PARTNER_FACTORS]))
    return np.vstack(rows) if rows else np.zeros((0, len(PARTNER_FACTORS)))


def null_values(finder: PartnerFinder, seed: int = NULL_SEED) -> tuple[np.ndarray, np.ndarray]:
    """Factor values (pairs × PARTNER_FACTORS) of the random pairs and of the partner pairs."""
    t, rng = finder.t, np.random.default_rng(seed)
    n = len(t)
    random_pairs: list[tuple[int, np.ndarray]] = []
    partner_pairs: list[tuple[int, np.ndarray]] = []
    fictional = t.fictional if len(t.fictional) == n else np.zeros(n, dtype=bool)
    real = np.flatnonzero(~fictional) if fictional.any() else None
    for i in rng.permutation(n)[:NULL_SEEKERS]:
        allied = {t.by_iri[a] for a in finder.network.partners(t.iris[i]) if a in t.by_iri}
        allied.add(int(i))
        # a real actor is never shown a fictional one (graph.reco.fiction): not drawn either
        pool = None if fictional[i] else real
        size = n if pool is None else len(pool)
        out_of_pool = len(allied) if pool is None else int((~fictional[list(allied)]).sum())
        if out_of_pool >= size:
            continue
        want = min(NULL_CANDIDATES, size - out_of_pool)
        picked: dict[int, None] = {}  # in the order drawn
        while len(picked) < want:  # rejection sampling: partners are few among n actors
            drawn = rng.integers(0, size, 2 * want)
            draws = drawn if pool is None else pool[drawn]
            picked.update((int(j), None) for j in draws if j not in allied)
        c = np.array(sorted(list(picked)[:want]), dtype=np.int64)
        random_pairs.append((int(i), c))
    order = (int(i) for i in rng.permutation(n))
    with_partners = islice((i for i in order if finder.network.partners(t.iris[i])), NULL_SEEKERS)
    for i in with_partners:
        rows = sorted(t.by_iri[a] for a in finder.seeker(i).partners if a in t.by_iri)
        if rows:
            partner_pairs.append((int(i), np.array(rows, dtype=np.int64)))
    return _rows(finder, random_pairs), _rows(finder, partner_pairs)


def reference(finder: PartnerFinder) -> Reference:
    """The reference scores under `finder`'s weights."""
    w = np.array([finder.weights[f] for f in PARTNER_FACTORS])
    random_values, partner_values = null_values(finder)
    return Reference(np.sort(random_values @ w), np.sort(partner_values @ w))


def percentile(value: float, sample: np.ndarray) -> float:
    """Share (in %) of the sorted values `sample` that are no greater than `value`."""
    below = np.searchsorted(sample, value + 1e-9, side="right")
    return 100.0 * float(below) / len(sample) if len(sample) else 100.0


def level_code(score: float, ref: Reference) -> str:
    """`tres-complementaire`, `complementaire` or `possible` (see the module docstring)."""
    if score >= ref.very:
        return "tres-complementaire"
    return "complementaire" if score > ref.fair else "possible"


def level(score: float, ref: Reference, place_only: bool = False) -> dict[str, Any]:
    """{"code", "label", "label_en", "percentile", "partner_percentile"} of a score; with
    `place_only` (the seeker states nothing but a place) a level above « possible » is
    « proche » (see the module docstring)."""
    code = level_code(score, ref)
    if place_only and code != "possible":
        code = "proche"
    fr, en = LEVEL_NAMES[code]
    return {
        "code": code,
        "label": fr,
        "label_en": en,
        "percentile": round(percentile(score, ref.random), 1),
        "partner_percentile": round(percentile(score, ref.partners), 1),
    }
