"""The vocabulary graphs: our ontology and schemes, the UN SDG KOS, the INSEE COG territories."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal
from rdflib.term import Node

from data import COG_DIR, SDG_GOALS_EN_YML, SDG_GOALS_FR_YML, SDG_KOS_TTL
from ontology import ONTOLOGY_TTL, SCHEMES_TTL
from ontology.namespaces import DCT, IGEO, RDF, SDG, SKOS

from .reference import sdg_labels, territories
from .store import Store, Write

Triple = tuple[Node | ox.NamedNode, Node | ox.NamedNode, Node | ox.NamedNode | ox.Literal]

LEVEL_CLASS = {"region": IGEO.Region, "departement": IGEO.Departement, "commune": IGEO.Commune}


def _parse(path: Path) -> Iterator[Triple]:
    for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        yield q.subject, q.predicate, q.object


def ontology_triples() -> Iterator[Triple]:
    """`ontology/alliances.ttl` and `ontology/schemes.ttl`."""
    yield from _parse(ONTOLOGY_TTL)
    yield from _parse(SCHEMES_TTL)


def sdg_triples() -> Iterator[Triple]:
    """The UN SDG KOS, plus French and English short goal names (open-sdg) as skos:altLabel.

    SKOS allows one skos:prefLabel per language, but the UN file gives target 12.3 three (in FR:
    its text and « Tableau de bord macroéconomique », a stray label) and a few indicators two: the
    longest label, which is the official text, is kept and the others are dropped.
    """
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


def territory_triples() -> Iterator[Triple]:
    """Régions, départements and communes of the COG with their chain (skos:broader)."""
    for t in territories().values():
        s = t.iri
        yield s, RDF.type, LEVEL_CLASS[t.level]
        yield s, IGEO.codeINSEE, Literal(t.code)
        yield s, IGEO.nom, Literal(t.name, lang="fr")
        yield s, SKOS.prefLabel, Literal(t.name, lang="fr")
        yield s, DCT.identifier, Literal(f"{t.level}:{t.code}")
        if t.parent is not None:
            parent = territories().get(t.parent)
            if parent is not None:
                yield s, SKOS.broader, parent.iri
                yield s, IGEO.subdivisionDirecteDe, parent.iri


@dataclass(frozen=True)
class Vocabulary:
    """A vocabulary source: its name, the files it is built from, and how to build it."""

    source: str
    files: tuple[Path, ...]
    triples: Callable[[], Iterator[Triple]]

    def checksum(self) -> str:
        """SHA-256 of the files it is built from."""
        h = hashlib.sha256(self.source.encode())
        for f in self.files:
            h.update(f.read_bytes())
        return h.hexdigest()


VOCABULARIES = (
    Vocabulary("vocabulary-ontology", (ONTOLOGY_TTL, SCHEMES_TTL), ontology_triples),
    Vocabulary("vocabulary-sdg", (SDG_KOS_TTL, SDG_GOALS_FR_YML, SDG_GOALS_EN_YML), sdg_triples),
    Vocabulary(
        "vocabulary-territories",
        (COG_DIR / "regions.csv", COG_DIR / "departements.csv", COG_DIR / "communes.csv"),
        territory_triples,
    ),
)


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

