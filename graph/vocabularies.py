"""The vocabulary graphs: our ontology and schemes, the UN SDG KOS, the territories (COG, EPCI)."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Literal
from rdflib.term import Node

from data import (
    COG_DIR,
    DATA_INCLUSION_MAPPINGS,
    REAL_DIR,
    SDG_GOALS_EN_YML,
    SDG_GOALS_FR_YML,
    SDG_KOS_TTL,
)
from ontology import ONTOLOGY_TTL, SCHEMES_TTL
from ontology.namespaces import (
    DCT,
    EPCI_NATURE,
    GN,
    IGEO,
    RDF,
    SCHEMA,
    SDG,
    SKOS,
    WGS84,
    XSD,
    scheme_codes,
)

from .reference import (
    Territory,
    centre,
    epci_departements,
    sdg_labels,
    territories,
    territory_iri,
)
from .store import Store, Write

Triple = tuple[Node | ox.NamedNode, Node | ox.NamedNode, Node | ox.NamedNode | ox.Literal]

LEVEL_CLASS = {
    "region": IGEO.Region,
    "departement": IGEO.Departement,
    "epci": IGEO.Intercommunalite,
    "commune": IGEO.Commune,
}
#: Files the territories vocabulary is built from.
TERRITORY_FILES = tuple(
    COG_DIR / name
    for name in (
        "regions.csv",
        "departements.csv",
        "communes.csv",
        "epci.csv",
        "communes-complements.csv",
        "centres.csv",
    )
)


def transitive_closure(edges: Iterable[tuple[Hashable, Hashable]]) -> Iterator[tuple[Any, Any]]:
    """Every pair (x, y) such that y is reached from x by one or more `edges` (x, y): the
    transitive closure, each pair once, never (x, x) even on a cycle.

    `edges` are (narrower, broader) pairs of any hashable terms; the pairs come out grouped by
    their first member, in the order the first members were first seen.
    """
    up: dict[Hashable, list[Hashable]] = {}
    for x, y in edges:
        up.setdefault(x, []).append(y)
    for x, parents in up.items():
        seen: set[Hashable] = {x}
        todo = list(parents)
        while todo:
            y = todo.pop()
            if y in seen:
                continue
            seen.add(y)
            yield x, y
            todo.extend(up.get(y, ()))


def with_broader_transitive(triples: Iterable[Triple]) -> Iterator[Triple]:
    """`triples`, then `skos:broaderTransitive` for each pair of the transitive closure of their
    `skos:broader` (SKOS's own property for it, of which `skos:broader` is a sub-property).

    Materialised so that queries climb a hierarchy in one triple pattern
    (`?commune skos:broaderTransitive ?region`) instead of a property path
    (`skos:broader+`), which Oxigraph 0.5 evaluates node by node: at 100,000 actors the SPARQL
    editor's examples went from the 30 s deadline to well under a second (bench/README.md).
    """
    broader, transitive = ox.NamedNode(str(SKOS.broader)), ox.NamedNode(str(SKOS.broaderTransitive))
    edges: list[tuple[Hashable, Hashable]] = []
    for s, p, o in triples:
        if (p == broader or p == SKOS.broader) and not isinstance(o, ox.Literal | Literal):
            edges.append((s, o))
        yield s, p, o
    for s, o in transitive_closure(edges):
        yield s, transitive, o  # type: ignore[misc]


def _parse(path: Path) -> Iterator[Triple]:
    for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        yield q.subject, q.predicate, q.object


def ontology_triples() -> Iterator[Triple]:
    """`ontology/alliances.ttl` and `ontology/schemes.ttl`."""
    yield from _parse(ONTOLOGY_TTL)
    yield from _parse(SCHEMES_TTL)


def sdg_triples() -> Iterator[Triple]:
    """The UN SDG KOS, plus French and English short goal names (open-sdg) as skos:altLabel,
    plus `skos:broaderTransitive` from each indicator and target to everything above it
    (`with_broader_transitive`: indicator → target → goal).

    SKOS allows one skos:prefLabel per language, but the UN file gives target 12.3 three (in FR:
    its text and « Tableau de bord macroéconomique », a stray label) and a few indicators two: the
    longest label, which is the official text, is kept and the others are dropped.
    """
    yield from with_broader_transitive(_sdg_kos_triples())


def _sdg_kos_triples() -> Iterator[Triple]:
    pref = ox.NamedNode(str(SKOS.prefLabel))
    labels: dict[tuple[object, str], ox.Literal] = {}
    for s, p, o in _parse(SDG_KOS_TTL):
        if p == pref and isinstance(o, ox.Literal) and o.language:
            key = (s, o.language)
            if key not in labels or len(o.value) > len(labels[key].value):
                labels[key] = o
            continue
        yield s, p, o
    for (subject, _), label in labels.items():
        yield subject, pref, label  # type: ignore[misc]
    for lang in ("fr", "en"):
        short = sdg_labels(lang)
        for goal in range(1, 18):
            yield SDG[str(goal)], SKOS.altLabel, Literal(short[str(goal)], lang=lang)


class _Terms:
    """pyoxigraph terms of the territory triples, made once per build (faster than rdflib's)."""

    def __init__(self) -> None:
        def n(iri: object) -> ox.NamedNode:
            return ox.NamedNode(str(iri))

        self.type, self.code, self.nom = n(RDF.type), n(IGEO.codeINSEE), n(IGEO.nom)
        self.label, self.ident, self.broader = n(SKOS.prefLabel), n(DCT.identifier), n(SKOS.broader)
        self.within, self.shares = n(IGEO.subdivisionDirecteDe), n(IGEO.territoireCommunAvec)
        self.dtype, self.postcode, self.pop = n(DCT.type), n(SCHEMA.postalCode), n(GN.population)
        self.lat, self.long = n(WGS84.lat), n(WGS84.long)
        self.integer, self.decimal = n(XSD.integer), n(XSD.decimal)
        self.classes = {level: n(c) for level, c in LEVEL_CLASS.items()}
        self.natures = {code.upper(): n(EPCI_NATURE[code]) for code in scheme_codes("epci-nature")}
        self._iris: dict[tuple[str, str], ox.NamedNode] = {}

    def iri(self, key: tuple[str, str]) -> ox.NamedNode:
        """The IRI of territory `key`."""
        node = self._iris.get(key)
        if node is None:
            node = self._iris[key] = ox.NamedNode(str(territory_iri(*key)))
        return node


def cog_triples() -> Iterator[Triple]:
    """Régions, départements and communes of the COG with their chain (skos:broader).

    Each territory: its igeo class, `igeo:codeINSEE`, `igeo:nom` and `skos:prefLabel` (@fr),
    `dct:identifier` (`commune:59350`), and `skos:broader` + `igeo:subdivisionDirecteDe` to its
    administrative parent (commune → département → région; arrondissement → commune).
    """
    x, table = _Terms(), territories()
    for t in table.values():
        if t.level == "epci":
            continue
        yield from _names(x, t)
        if t.parent is not None and t.parent in table:
            s, parent = x.iri(t.key), x.iri(t.parent)
            yield s, x.broader, parent
            yield s, x.within, parent


def _names(x: _Terms, t: Territory) -> Iterator[Triple]:
    s, name = x.iri(t.key), ox.Literal(t.name, language="fr")
    yield s, x.type, x.classes[t.level]
    yield s, x.code, ox.Literal(t.code)
    yield s, x.nom, name
    yield s, x.label, name
    yield s, x.ident, ox.Literal(t.ident)


def epci_triples() -> Iterator[Triple]:
    """Intercommunalities, and what the communes gain: EPCI, postal codes, population, centre.

    - EPCI and EPT (`igeo:Intercommunalite`, IRI `…/geo/intercommunalite/{SIREN}`, the SIREN as
      `igeo:codeINSEE` as in INSEE's API): names, `dct:type` their nature (scheme `epci-nature`),
      `gn:population` (xsd:integer), `skos:broader` the Métropole du Grand Paris for an EPT, and
      the département (else région) that wholly contains it, if one does;
      `igeo:territoireCommunAvec` every département it has communes in.
    - a commune: `skos:broader` its nearest intercommunality (its EPT in the Grand Paris, else its
      EPCI), `schema:postalCode` (one per code), `gn:population`.
    - communes, départements and régions with a known centre of their own: `geo:lat`/`geo:long`
      (WGS84, xsd:decimal), as on actors; computed centres (`reference.centre` of an EPCI, or of a
      commune from its EPCI or département) are not published.
    """
    x, table = _Terms(), territories()
    for t in table.values():
        s = x.iri(t.key)
        if t.level == "epci":
            yield from _names(x, t)
            yield s, x.dtype, x.natures[t.nature]
            if t.epci:
                yield s, x.broader, x.iri(("epci", t.epci))
            deps = epci_departements(t.code)
            regions = {table[("departement", d)].parent for d in deps}
            if len(deps) == 1:
                yield s, x.broader, x.iri(("departement", deps[0]))
            elif len(regions) == 1 and None not in regions:
                yield s, x.broader, x.iri(regions.pop())  # type: ignore[arg-type]
            for d in deps:
                yield s, x.shares, x.iri(("departement", d))
        elif t.level == "commune":
            group = t.ept or t.epci
            if group:
                yield s, x.broader, x.iri(("epci", group))
            for code in t.postal_codes:
                yield s, x.postcode, ox.Literal(code)
        if t.population is not None:
            yield s, x.pop, ox.Literal(str(t.population), datatype=x.integer)
        c = centre(t.level, t.code) if t.level != "epci" else None
        if c is not None and c.precision == t.level:
            yield s, x.lat, ox.Literal(f"{c.lat:.5f}", datatype=x.decimal)
            yield s, x.long, ox.Literal(f"{c.long:.5f}", datatype=x.decimal)


def territory_triples() -> Iterator[Triple]:
    """The whole territories vocabulary: `cog_triples` then `epci_triples`, then
    `skos:broaderTransitive` from each territory to every territory above it by `skos:broader`
    (`with_broader_transitive`: a commune to its EPCI, département and région; 107,000 triples)."""
    yield from with_broader_transitive(itertools.chain(cog_triples(), epci_triples()))


#: The data·inclusion code lists (mapped from data/real/data-inclusion/ by the CSVW mappings of
#: data/mappings/data-inclusion/) and the SKOS mappings onto our lists (`alignment.ttl` there).
DATA_INCLUSION_MAPPINGS_FILES = tuple(sorted(DATA_INCLUSION_MAPPINGS.glob("*.csv-metadata.json")))
DATA_INCLUSION_ALIGNMENT = DATA_INCLUSION_MAPPINGS / "alignment.ttl"


@cache
def _data_inclusion() -> tuple[Triple, ...]:
    from .mapping.engine import map_files
    from .mapping.metadata import load_mapping

    out: list[Triple] = []
    for path in DATA_INCLUSION_MAPPINGS_FILES:
        mapping = load_mapping(path)
        batch, _ = map_files(mapping, None, "https://w3id.org/alliances/id/", vocabulary=tuple)
        if batch.problems:
            raise ValueError(f"{path.name}: {batch.problems[0]}")
        out += batch.triples
    out += _parse(DATA_INCLUSION_ALIGNMENT)
    return tuple(out)


def data_inclusion_triples() -> Iterator[Triple]:
    """The data·inclusion code lists as SKOS schemes (structure types, themes, national labels),
    the wording of digital-inclusion services, and their SKOS mappings onto our actor types and
    competences (docs/model.md, « Real data »)."""
    yield from _data_inclusion()


def data_inclusion_files() -> tuple[Path, ...]:
    """Files the data·inclusion vocabulary is built from (mappings, code lists, alignment)."""
    return (
        *DATA_INCLUSION_MAPPINGS_FILES,
        *sorted((REAL_DIR / "data-inclusion").glob("*.csv")),
        DATA_INCLUSION_ALIGNMENT,
    )


@dataclass(frozen=True)
class Vocabulary:
    """A vocabulary source: its name, the files it is built from, how to build it, and the
    version of that build.

    `build` is bumped whenever the triples made from the same files change (a new property, a
    fix): it enters the checksum, so `init` (`load_vocabularies`) rewrites the vocabulary in
    existing instances. 0, the value of every vocabulary before builds were counted, leaves the
    checksum as it was (no needless rewrite).
    """

    source: str
    files: tuple[Path, ...]
    triples: Callable[[], Iterator[Triple]]
    build: int = 0

    def checksum(self) -> str:
        """SHA-256 of the source name, the files it is built from and its build (when > 0)."""
        h = hashlib.sha256(self.source.encode())
        for f in self.files:
            h.update(f.read_bytes())
        if self.build:
            h.update(f"\0build {self.build}".encode())
        return h.hexdigest()


#: Builds: 1 added `skos:broaderTransitive` (sdg, territories).
VOCABULARIES = (
    Vocabulary("vocabulary-ontology", (ONTOLOGY_TTL, SCHEMES_TTL), ontology_triples),
    Vocabulary(
        "vocabulary-sdg", (SDG_KOS_TTL, SDG_GOALS_FR_YML, SDG_GOALS_EN_YML), sdg_triples, build=1
    ),
    Vocabulary("vocabulary-territories", TERRITORY_FILES, territory_triples, build=1),
    Vocabulary("vocabulary-data-inclusion", data_inclusion_files(), data_inclusion_triples),
)


def stale_vocabularies(store: Store) -> list[str]:
    """Sources of the vocabularies whose files or build changed since they were written to
    `store` (what `load_vocabularies`, run by `alliances init`, would rewrite); empty when all
    are current."""
    return [v.source for v in VOCABULARIES if store.source_checksum(v.source) != v.checksum()]


def load_vocabularies(store: Store, progress: Callable[[str], None] | None = None) -> list[str]:
    """Load (or refresh) every vocabulary whose files changed; returns the sources written."""
    from .importer import provenance_for_files

    written = []
    for vocab in VOCABULARIES:
        total = vocab.checksum()
        if store.source_checksum(vocab.source) == total:
            continue
        if progress:
            progress(vocab.source)
        store.write(
            Write(
                source=vocab.source,
                triples=vocab.triples(),
                provenance=lambda g, v=vocab, c=total: provenance_for_files(  # type: ignore[misc]
                    g, store.base, v.source, v.files, c
                ),
            )
        )
        written.append(vocab.source)
    return written
