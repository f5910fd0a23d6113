"""Benchmark: loading the vocabulary graphs, what `alliances init` and the test session do first.

Usage: python bench/vocabularies.py [--repeat 3]

In one process, each run loads into a fresh on-disk store (a temporary folder):
- baseline: the ontology, the UN SDG KOS and the COG territories as main built them before the
  EPCI level (régions, départements, communes and their chain, rdflib terms: `main_cog_triples`,
  a copy of that code);
- full: every vocabulary as shipped (`VOCABULARIES`), territories with EPCI and EPT, postal codes,
  populations and centres (`vocabularies.territory_triples`).
The reference tables (`graph.reference.territories`, read from the CSV files) are read once,
before timing, as in a running process. Prints the best time of each, the triple counts and the
ratio full / baseline; copy the figures into bench/README.md.
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


if __name__ == "__main__":
    main()
