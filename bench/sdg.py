"""Benchmark of the SDG suggestions (issue 11): quality on development sets, and latency.

    python bench/sdg.py                 # every development set, about a minute
    python bench/sdg.py --json          # the same figures as JSON

Development sets (public labelled material, FR and EN; none is the OSDG Community Dataset, which
is kept back for the project's own evaluation):

- `un-indicators-fr`, `un-indicators-en`: the 232 UN indicator texts of the SDG KOS
  (`data/sdg/sdg-kos-goals-targets-indicators.ttl`), each labelled with the targets it measures.
  The suggester indexes indicator texts, so this set is scored by 5-fold cross-validation: the
  indicators of the fold being scored, and any vocabulary row whose source cites one of them
  (« ONU ind. 12.3.1 »), are removed from the sources the suggester is built from.
- `canada-cif-fr`, `canada-cif-en`: the 86 indicators (and national targets) of the Canadian
  Indicator Framework, in both official languages, each labelled with its SDG goal
  (`data/sdg/dev/canada-cif.csv`, see data/SOURCES.md). National statistical wording, never seen
  by the suggester: goal level only.
- `demo-fr`: the descriptions of the bundled demonstration alliances and actors with their SDGs
  (`data/demo`). In-house and fictional: the closest thing to the project descriptions the site
  receives, but written by the project, so read it as a sanity check, not as evidence.

The vocabulary (`data/sdg/project-vocabulary.tsv`) was written and committed before these sets
were assembled, and none of its phrases were taken from them.

Metrics, as in the SDG classification literature (OSDG, Aurora, text2sdg comparisons): at goal
level, *accuracy* (the first suggested goal is one of the text's goals; a text with no suggestion
counts as wrong), and micro-averaged *precision*, *recall* and *F1* of the set of goals of the
suggested targets against the labelled goals (plus macro-F1 over goals); at target level,
*precision@3* (labelled targets among the first 3 suggested, divided by 3) and *hit@3* (at least
one of them is labelled). *Coverage* is the share of texts with at least one suggestion. Each
method returns at most 3 targets.

Methods, in the same run: `suggester` (graph/reco/sdg_suggest.py), two ablations (`no
vocabulary`; `no evidence rule`, i.e. any single word may suggest a target), and the baseline
`tf-idf`: cosine between the text and each target's UN text plus its goal's title (same analysis,
same language), best 3 with a cosine above 0.

Latency: p50 / p95 of `suggest()` over every development text (warm caches), against the baseline.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data import DATA_DIR, DEMO_DIR  # noqa: E402
from graph import text_analysis  # noqa: E402
from graph.reco.coding import target_codes  # noqa: E402
from graph.reco.sdg_sources import Indicator, Sources, load  # noqa: E402
from graph.reco.sdg_suggest import Suggester  # noqa: E402
from graph.reference import SDG_GOALS  # noqa: E402

K = 3
FOLDS = 5
CANADA_CSV = DATA_DIR / "sdg" / "dev" / "canada-cif.csv"
_INDICATOR_REF = re.compile(r"ONU ind\. (\d+\.[0-9a-z]+\.\d+)")


@dataclass(frozen=True)
class Item:
    """One labelled text: its goals and (when known) its targets."""

    id: str
    lang: str
    text: str
    goals: frozenset[str]
    targets: frozenset[str]
    fold: int = -1  # cross-validation fold, -1 when the set needs none


Predict = Callable[[Item], list[str]]  # target codes, best first, at most K


# -- development sets ------------------------------------------------------------------------


def un_indicators(sources: Sources, lang: str) -> list[Item]:
    """Indicator texts labelled with their targets, in FOLDS folds (by position in code order)."""
    return [
        Item(
            i.code,
            lang,
            i.text[lang],
            frozenset(t.partition(".")[0] for t in i.targets),
            frozenset(i.targets),
            k % FOLDS,
        )
        for k, i in enumerate(_ordered(sources))
        if i.text.get(lang)
    ]


def canada(lang: str) -> list[Item]:
    """The Canadian Indicator Framework in `lang`, goal labels only."""
    with CANADA_CSV.open(encoding="utf-8", newline="") as f:
        return [
            Item(r["id"], lang, r["text"], frozenset(r["goals"].split(";")), frozenset())
            for r in csv.DictReader(f)
            if r["lang"] == lang
        ]


def demo() -> list[Item]:
    """Alliances and actors of the bundled demo with a description and SDGs."""
    out = []
    for name, title in (("alliances.csv", "title"), ("actors.csv", "name")):
        with (DEMO_DIR / name).open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                codes = [c.strip() for c in (r.get("sdgs") or "").split(";") if c.strip()]
                if not codes or not r.get("description"):
                    continue
                goals = frozenset(c.partition(".")[0] for c in codes)
                targets = frozenset(c for c in codes if "." in c)
                out.append(
                    Item(
                        f"{name[:-5]}:{r['id']}",
                        "fr",
                        f"{r[title]}. {r['description']}",
                        goals,
                        targets,
                    )
                )
    return out


# -- methods ---------------------------------------------------------------------------------


def suggester_method(sources: Sources, cross_validate: bool, **options: object) -> Predict:
    """The suggester; with `cross_validate`, one built per fold without that fold's indicators."""
    cache: dict[int, Suggester] = {}

    def build(fold: int) -> Suggester:
        if fold not in cache:
            src = sources
            if cross_validate and fold >= 0:
                held = {i.code for n, i in enumerate(_ordered(sources)) if n % FOLDS == fold}
                cited = {
                    c.id for c in sources.concepts if held & set(_INDICATOR_REF.findall(c.source))
                }
                src = sources.without(held, cited)
            cache[fold] = Suggester(src, **options)  # type: ignore[arg-type]
        return cache[fold]

    def predict(item: Item) -> list[str]:
        return [t["code"] for t in build(item.fold).suggest(item.text, K, item.lang)["targets"]]

    return predict


def _ordered(sources: Sources) -> list[Indicator]:
    """The indicators in code order (1.1.1, 1.2.1, …, 17.19.2): fold k holds positions ≡ k."""
    return sorted(
        sources.indicators,
        key=lambda i: [int(x) if x.isdigit() else ord(x[0]) + 100 for x in i.code.split(".")],
    )


class TfIdf:
    """Baseline: cosine between a text and each target's UN text plus its goal title."""

    def __init__(self, sources: Sources) -> None:
        self.codes = target_codes()
        self.vectors: dict[str, list[dict[str, float]]] = {}
        self.idf: dict[str, dict[str, float]] = {}
        for lang in ("fr", "en"):
            docs = [
                Counter(
                    text_analysis.terms(
                        f"{sources.targets[lang][c]} {sources.goals[lang][c.partition('.')[0]]}",
                        lang,
                    )
                )
                for c in self.codes
            ]
            df = Counter(t for d in docs for t in d)
            n = len(docs)
            self.idf[lang] = {t: math.log((1 + n) / (1 + k)) + 1 for t, k in df.items()}
            self.vectors[lang] = [
                self._norm({t: (1 + math.log(c)) * self.idf[lang][t] for t, c in d.items()})
                for d in docs
            ]

    @staticmethod
    def _norm(v: dict[str, float]) -> dict[str, float]:
        n = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / n for t, x in v.items()}

    def __call__(self, item: Item) -> list[str]:
        idf = self.idf[item.lang]
        q = Counter(t for t in text_analysis.terms(item.text, item.lang) if t in idf)
        qv = self._norm({t: (1 + math.log(c)) * idf[t] for t, c in q.items()})
        scores = [
            (sum(w * d.get(t, 0.0) for t, w in qv.items()), c)
            for d, c in zip(self.vectors[item.lang], self.codes, strict=True)
        ]
        best = sorted((s for s in scores if s[0] > 0), key=lambda s: (-s[0], s[1]))[:K]
        return [c for _, c in best]


# -- scoring ---------------------------------------------------------------------------------


def score(items: list[Item], predict: Predict) -> dict[str, float]:
    """Coverage, goal accuracy / P / R / F1 (micro, and macro-F1), target P@3 and hit@3."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    accurate = covered = 0
    p_at_k: list[float] = []
    hits: list[float] = []
    for item in items:
        codes = predict(item)[:K]
        goals = {c.partition(".")[0] for c in codes}
        covered += bool(codes)
        accurate += bool(codes) and codes[0].partition(".")[0] in item.goals
        for g in SDG_GOALS:
            tp[g] += g in goals and g in item.goals
            fp[g] += g in goals and g not in item.goals
            fn[g] += g not in goals and g in item.goals
        if item.targets:
            found = sum(c in item.targets for c in codes)
            p_at_k.append(found / K)
            hits.append(float(found > 0))
    p = _ratio(sum(tp.values()), sum(tp.values()) + sum(fp.values()))
    r = _ratio(sum(tp.values()), sum(tp.values()) + sum(fn.values()))
    per_goal = [
        _f1(_ratio(tp[g], tp[g] + fp[g]), _ratio(tp[g], tp[g] + fn[g]))
        for g in SDG_GOALS
        if tp[g] + fn[g]
    ]
    out = {
        "texts": len(items),
        "coverage": covered / len(items),
        "accuracy": accurate / len(items),
        "precision": p,
        "recall": r,
        "f1": _f1(p, r),
        "macro_f1": sum(per_goal) / len(per_goal) if per_goal else 0.0,
    }
    if p_at_k:
        out["p@3"] = statistics.fmean(p_at_k)
        out["hit@3"] = statistics.fmean(hits)
    return out


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def latency(items: Iterable[Item], predict: Predict) -> dict[str, float]:
    """p50 / p95 in milliseconds of `predict` over the items (after one warm-up call)."""
    items = list(items)
    predict(items[0])
    samples = []
    for item in items:
        t = time.perf_counter()
        predict(item)
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return {"p50_ms": samples[len(samples) // 2], "p95_ms": samples[int(len(samples) * 0.95)]}


def main() -> None:
    """Run every method on every development set and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = parser.parse_args()
    sources = load()
    sets = {
        "un-indicators-fr": un_indicators(sources, "fr"),
        "un-indicators-en": un_indicators(sources, "en"),
        "canada-cif-fr": canada("fr"),
        "canada-cif-en": canada("en"),
        "demo-fr": demo(),
    }
    methods: dict[str, Callable[[bool], Predict]] = {
        "suggester": lambda cv: suggester_method(sources, cv),
        "no vocabulary": lambda cv: suggester_method(sources, cv, use_vocabulary=False),
        "no evidence rule": lambda cv: suggester_method(sources, cv, min_support=0.0),
        "tf-idf (baseline)": lambda cv: TfIdf(sources),
    }
    results: dict[str, dict[str, dict[str, float]]] = {}
    for name, items in sets.items():
        cv = name.startswith("un-indicators")
        results[name] = {m: score(items, make(cv)) for m, make in methods.items()}
    every = [i for items in sets.values() for i in items]
    timing = {
        "suggester": latency(every, suggester_method(sources, False)),
        "tf-idf (baseline)": latency(every, TfIdf(sources)),
    }
    if args.json:
        print(json.dumps({"results": results, "latency": timing}, indent=2))
        return
    print(markdown(results, timing))


def markdown(
    results: dict[str, dict[str, dict[str, float]]], timing: dict[str, dict[str, float]]
) -> str:
    """The tables of bench/README.md."""
    cols = ("coverage", "accuracy", "precision", "recall", "f1", "macro_f1", "p@3", "hit@3")
    lines = [
        "| set | method | texts | " + " | ".join(cols) + " |",
        "|---|---|---|" + "---|" * len(cols),
    ]
    for name, by_method in results.items():
        for method, m in by_method.items():
            cells = " | ".join(f"{m[c]:.2f}" if c in m else "—" for c in cols)
            lines.append(f"| {name} | {method} | {int(m['texts'])} | {cells} |")
    s, b = timing["suggester"], timing["tf-idf (baseline)"]
    lines += [
        "",
        "| method | p50 (ms) | p95 (ms) |",
        "|---|---|---|",
        f"| suggester | {s['p50_ms']:.2f} | {s['p95_ms']:.2f} |",
        f"| tf-idf (baseline) | {b['p50_ms']:.2f} | {b['p95_ms']:.2f} |",
        f"| ratio suggester / baseline (p95) | | {s['p95_ms'] / b['p95_ms']:.2f} |",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
