"""Benchmark: the territory layer — loading the vocabulary graphs (what `alliances init` and the
test session do first) and resolving typed places.

Usage: python bench/territories.py [--repeat 3]

Vocabularies.
In one process, each run loads into a fresh on-disk store (a temporary folder):
- baseline: the ontology, the UN SDG KOS and the COG territories as main built them before the
  EPCI level (régions, départements, communes and their chain, rdflib terms: `main_cog_triples`,
  a copy of that code);
- full: every vocabulary as shipped (`VOCABULARIES`), territories with EPCI and EPT, postal codes,
  populations and centres (`vocabularies.territory_triples`).
The reference tables (`graph.reference.territories`, read from the CSV files) are read once,
before timing, as in a running process. Prints the best time of each, the triple counts and the
ratio full / baseline; copy the figures into bench/README.md.

Places. The first call of `graph.places.resolve_place` builds its name tables (timed); then every
text of a mix (names, postal codes, codes, arrondissements, homonyms, typing mistakes, garbage) is
resolved 20 times: p50 / p95 / max per call. Baseline: the strict parser it supersedes
(`graph.reference.parse_territory` + a look-up in `territories()`) on the same mix.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import Literal  # noqa: E402

from graph import vocabularies  # noqa: E402
from graph.reference import territories  # noqa: E402
from graph.store import OxigraphStore, Write  # noqa: E402
from ontology.namespaces import DCT, IGEO, RDF, SKOS  # noqa: E402

MAIN_LEVELS = {"region": IGEO.Region, "departement": IGEO.Departement, "commune": IGEO.Commune}


def main_cog_triples() -> vocabularies.Iterator[vocabularies.Triple]:
    """The territory triples as main wrote them before the EPCI level (commit 182afad)."""
    table = {k: t for k, t in territories().items() if t.level in MAIN_LEVELS}
    for t in table.values():
        s = t.iri
        yield s, RDF.type, MAIN_LEVELS[t.level]
        yield s, IGEO.codeINSEE, Literal(t.code)
        yield s, IGEO.nom, Literal(t.name, lang="fr")
        yield s, SKOS.prefLabel, Literal(t.name, lang="fr")
        yield s, DCT.identifier, Literal(f"{t.level}:{t.code}")
        if t.parent is not None:
            parent = table.get(t.parent)
            if parent is not None:
                yield s, SKOS.broader, parent.iri
                yield s, IGEO.subdivisionDirecteDe, parent.iri


def load(vocabs: tuple[vocabularies.Vocabulary, ...]) -> tuple[float, int]:
    """Seconds to write `vocabs` into a fresh store, and the number of triples written."""
    with tempfile.TemporaryDirectory() as folder:
        store = OxigraphStore(Path(folder) / "store", base="https://w3id.org/alliances/id/")
        start = time.perf_counter()
        for v in vocabs:
            store.write(Write(source=v.source, triples=v.triples()))
        elapsed = time.perf_counter() - start
        n = sum(int(r["n"]) for r in store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        store.close()
    return elapsed, n


MIX = (
    "Lyon", "saint etienne", "St-Jean-de-Luz", "69001", "75011", "59350", "Lyon 3e", "Nord", "59",
    "2A", "Hauts-de-France", "Métropole européenne de Lille", "200046977", "Saint-Denis",
    "Saint-Denis 93", "Pierre-Bénite", "Sant-Etienne", "Marseile", "zzzzqqq", "commune:59350",
)  # fmt: skip


def places() -> None:
    """Time the resolver's first call and each text of MIX; the strict parser as baseline."""
    from graph.places import resolve_place
    from graph.reference import parse_territory

    start = time.perf_counter()
    resolve_place("Lyon")
    print(f"places: first call (name tables) {time.perf_counter() - start:.2f} s")

    def per_call(fn: object) -> list[float]:
        out = []
        for _ in range(20):
            for text in MIX:
                t = time.perf_counter()
                fn(text)  # type: ignore[operator]
                out.append((time.perf_counter() - t) * 1000)
        return sorted(out)

    table = territories()
    strict = per_call(lambda s: (lambda k: k in table if k else None)(parse_territory(s)))
    ours = per_call(resolve_place)
    for name, ms in (("strict parser", strict), ("resolve_place", ours)):
        p50, p95 = ms[len(ms) // 2], ms[int(len(ms) * 0.95)]
        print(f"{name:14s} p50 {p50:7.3f} ms  p95 {p95:7.3f} ms  max {ms[-1]:7.2f} ms")


def main() -> None:
    """Run baseline and full `--repeat` times each, interleaved; print the best of each."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    territories()
    full = vocabularies.VOCABULARIES
    baseline = tuple(
        vocabularies.Vocabulary(v.source, v.files, main_cog_triples)
        if v.source == "vocabulary-territories"
        else v
        for v in full
    )
    best: dict[str, tuple[float, int]] = {}
    for _ in range(args.repeat):
        for name, vocabs in (("baseline", baseline), ("full", full)):
            t, n = load(vocabs)
            if name not in best or t < best[name][0]:
                best[name] = (t, n)
    for name, (t, n) in best.items():
        print(f"{name:9s} {t:6.2f} s  {n:9,d} triples")
    print(f"ratio full / baseline: {best['full'][0] / best['baseline'][0]:.2f}")
    places()


if __name__ == "__main__":
    main()
