"""Index documents built from the graph: one SPARQL query per kind, run in batches.

Identifiers (`Doc.id`, the `id` of search results):
- actors, alliances, tools: the CSV `id` (`dct:identifier`);
- SDG goals and targets: their compact UN code, `12` or `12.3`;
- territories: the CSV `territory` syntax, which is also their `dct:identifier`: `region:32`,
  `departement:59`, `epci:200093201`, `commune:59350` (bare INSEE codes are ambiguous: région 32
  and département 32 both exist). Their bare code (INSEE code, SIREN of an EPCI) and a commune's
  postal codes are indexed as codes, so searching `59350` or `59000` finds Lille.

Facets are codes: `skos:notation` of the concepts, the SDG goal number (a target gives its goal),
the INSEE codes of the région and département and the SIREN of the intercommunality (EPCI, and EPT
in the Grand Paris) *containing* the territories a resource serves (Lille gets `epci=200093201`,
`departement=59` and `region=32`; an EPCI over two départements gets both), so filtering on a
région matches its départements, intercommunalities and communes. A document depends only on its
resource's own triples and on the vocabularies, which keeps incremental updates exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import Literal, URIRef

from graph.queries import index as index_queries
from graph.queries.sources import fictional_sources
from graph.reference import LEVEL_NAMES, territories, territory_ancestors, territory_iri
from graph.store import Store
from ontology.namespaces import (
    ALL,
    IGEO,
    ORG,
    SCHEMES,
    SKOS,
    concept,
    scheme_codes,
)

from .schema import Doc

#: Instance resources per SPARQL query.
BATCH = 500
#: Kinds built from instance resources, and their class.
INSTANCE_CLASSES: dict[str, URIRef] = {
    "actor": ORG.FormalOrganization,
    "alliance": ALL.Alliance,
    "tool": ALL.Tool,
}
TERRITORY_SOURCE = "vocabulary-territories"
#: Vocabulary sources, and the kinds whose documents they feed.
VOCABULARY_KINDS: dict[str, tuple[str, ...]] = {
    "vocabulary-territories": ("territory", "actor", "alliance", "tool"),
    "vocabulary-sdg": ("sdg", "actor", "alliance", "tool"),
    "vocabulary-ontology": ("actor", "alliance", "tool"),
    # SKOS code lists that no document shows (mapped actors carry our types and competences)
    "vocabulary-data-inclusion": (),
}
#: Concept schemes that are facets, by scheme name.
SCHEME_FACETS = {
    "actor-type": "actor_type",
    "maturity": "maturity",
    "pillar": "pillar",
    "alliance-status": "status",
    "tool-kind": "tool_kind",
    "resource-type": "resource_type",
}
LEVELS = {
    IGEO.Region: "region",
    IGEO.Departement: "departement",
    IGEO.Intercommunalite: "epci",
    IGEO.Commune: "commune",
}
LEVEL_FR = {level: names[0] for level, names in LEVEL_NAMES.items()}
#: Territory facets: a resource in a territory gets the codes of every territory of these levels
#: it lies in (wholly or in part, see `graph.reference.territory_ancestors`).
TERRITORY_FACETS = ("region", "departement", "epci")


@dataclass(frozen=True)
class Territory:
    """A territory of the COG as the graph describes it."""

    iri: str
    level: str
    code: str
    name: str


@dataclass(frozen=True)
class Sdg:
    """An SDG goal or target: compact code and goal number."""

    iri: str
    code: str
    goal: str


#: Vocabulary tables shared by the Documents of one process, keyed by the vocabulary graphs and
#: their checksums (several stores with the same vocabularies read them once).
_TABLES: dict[tuple[str, ...], tuple[dict[str, Territory], dict[str, Sdg]]] = {}


def _concepts() -> dict[str, tuple[str, str]]:
    out = {}
    for scheme, facet in SCHEME_FACETS.items():
        if scheme in SCHEMES:
            for code in scheme_codes(scheme):
                out[str(concept(scheme, code))] = (facet, code)
    return out


class Documents:
    """Builds index documents from a store; vocabulary tables are cached per graph version."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._concepts = _concepts()
        self._tables_key: tuple[str, ...] | None = None
        self._territories: dict[str, Territory] = {}
        self._chains: dict[str, list[Territory]] = {}  # per territory IRI, for these tables
        self._sdgs: dict[str, Sdg] = {}
        self._sources: dict[str, str] = {}
        self._fictional: set[str] = set()
        #: Rows of a whole kind read by `count`, kept for the `of_kind` that follows (per version).
        self._kind_rows: dict[str, tuple[int, list[dict[str, Any]]]] = {}

    # -- public ----------------------------------------------------------------------------
    def count(self, kind: str) -> int:
        """How many documents of `kind` the graph holds (for progress)."""
        self._refresh()
        if kind == "territory":
            return len(self._territories)
        if kind == "sdg":
            return len(self._sdgs)
        rows = self._whole_kind(kind)
        self._kind_rows[kind] = (self.store.version, rows)
        return len(rows)

    def of_kind(self, kind: str) -> Iterator[Doc]:
        """Every document of `kind`, built in batches."""
        self._refresh()
        if kind == "territory":
            yield from self._territory_docs()
        elif kind == "sdg":
            yield from self._sdg_docs()
        else:
            version, rows = self._kind_rows.pop(kind, (None, []))
            if version != self.store.version:
                rows = self._whole_kind(kind)
            for row in rows:
                yield self._instance_doc(kind, row)

    def of_resources(self, iris: Iterable[URIRef]) -> Iterator[Doc]:
        """Documents of the given instance resources that exist (others are skipped)."""
        self._refresh()
        wanted = sorted(set(iris))
        for kind in INSTANCE_CLASSES:
            yield from self._instance_docs(kind, wanted)

    # -- tables ----------------------------------------------------------------------------
    def _refresh(self) -> None:
        graphs = self.store.graphs()
        self._sources = {str(g.iri): g.source for g in graphs}
        self._fictional = fictional_sources(self.store)
        key = tuple(
            sorted(
                f"{g.iri} {self.store.source_checksum(g.source)}"
                for g in graphs
                if g.source in VOCABULARY_KINDS
            )
        )
        if key == self._tables_key:
            return
        self._chains = {}
        cached = _TABLES.get(key)
        if cached is not None:
            self._territories, self._sdgs = cached
            self._tables_key = key
            return
        self._territories = {}
        for g in graphs:
            if g.source != TERRITORY_SOURCE:
                continue
            for row in index_queries.territories(self.store, g.iri):
                kind = row["type"]
                level = LEVELS.get(kind) if isinstance(kind, URIRef) else None
                if level is not None:
                    t = Territory(str(row["t"]), level, str(row["code"]), str(row["name"]))
                    self._territories[t.iri] = t
        self._sdgs = {
            str(r["s"]): Sdg(str(r["s"]), str(r["code"]), str(r["goal"]))
            for r in index_queries.sdgs(self.store)
        }
        self._tables_key = key
        if len(_TABLES) >= 4:
            _TABLES.clear()
        _TABLES[key] = (self._territories, self._sdgs)

    def chain(self, iri: str) -> list[Territory]:
        """The territory and those it lies in (commune → EPCI → département → région).

        The containment comes from `graph.reference` (the files the vocabulary is built from),
        restricted to the territories the graph holds; an EPCI over several départements lists
        them all."""
        chain = self._chains.get(iri)
        if chain is None:
            t = self._territories.get(iri)
            keys = territory_ancestors(t.level, t.code) if t is not None else []
            found = (self._territories.get(str(territory_iri(*k))) for k in keys)
            chain = self._chains[iri] = [x for x in found if x is not None]
        return chain

    # -- instance resources ----------------------------------------------------------------
    def _whole_kind(self, kind: str) -> list[dict[str, Any]]:
        """One row per identified instance of `kind`, sorted by IRI: one scan of the class,
        several times cheaper than batches of bound IRIs (bench/realdata.py)."""
        rows: dict[str, dict[str, Any]] = {}
        for row in index_queries.instance_rows(self.store, INSTANCE_CLASSES[kind]):
            rows.setdefault(str(row["r"]), row)
        return [rows[iri] for iri in sorted(rows)]

    def _instance_docs(self, kind: str, iris: list[URIRef]) -> Iterator[Doc]:
        for i in range(0, len(iris), BATCH):
            batch = iris[i : i + BATCH]
            seen: set[str] = set()
            for row in index_queries.instance_rows(self.store, INSTANCE_CLASSES[kind], batch):
                if str(row["r"]) not in seen:
                    seen.add(str(row["r"]))
                    yield self._instance_doc(kind, row)

    def _instance_doc(self, kind: str, row: dict[str, Any]) -> Doc:
        facets: dict[str, set[str]] = {}
        places: list[str] = []
        for link in str(row.get("links", "")).split():
            if link in self._concepts:
                facet, code = self._concepts[link]
                facets.setdefault(facet, set()).add(code)
            elif link in self._sdgs:
                facets.setdefault("sdg", set()).add(self._sdgs[link].goal)
            elif link in self._territories:
                for t in self.chain(link):
                    places.append(t.name)
                    if t.level in TERRITORY_FACETS:
                        facets.setdefault(t.level, set()).add(t.code)
        label = row.get("label") or row.get("label_any") or row["id"]
        source = self._sources.get(str(row["g"]), "")
        return Doc(
            iri=str(row["r"]),
            id=str(row["id"]),
            kind=kind,
            source=source,
            fictional=source in self._fictional,
            label=str(label),
            description=str(row.get("description", "")),
            place=" ".join(dict.fromkeys(places)),
            facets={k: tuple(sorted(v)) for k, v in facets.items()},
        )

    # -- vocabularies ----------------------------------------------------------------------
    def _territory_docs(self) -> Iterator[Doc]:
        for t in sorted(self._territories.values(), key=lambda t: (t.level, t.code)):
            chain = self.chain(t.iri)
            facets = {
                level: tuple(x.code for x in chain if x.level == level)
                for level in TERRITORY_FACETS
            }
            where = ", ".join(x.name for x in chain[1:])
            yield Doc(
                iri=t.iri,
                id=f"{t.level}:{t.code}",
                kind="territory",
                source=TERRITORY_SOURCE,
                label=t.name,
                note=f"{LEVEL_FR[t.level]}" + (f", {where}" if where else ""),
                codes=(t.code, *_postal_codes(t)),
                facets={k: v for k, v in facets.items() if v},
            )

    def _sdg_docs(self) -> Iterator[Doc]:
        text: dict[str, dict[tuple[str, str], list[str]]] = {}
        for row in index_queries.sdg_text(self.store):
            o = row["o"]
            if isinstance(o, Literal):
                key = (str(row["p"]), o.language or "")
                text.setdefault(str(row["s"]), {}).setdefault(key, []).append(str(o))
        for s in sorted(self._sdgs.values(), key=lambda s: _sdg_order(s.code)):
            yield _sdg_doc(s, text.get(s.iri, {}))


def _postal_codes(t: Territory) -> tuple[str, ...]:
    """Postal codes of a commune (La Poste, via `graph.reference`)."""
    ref = territories().get((t.level, t.code)) if t.level == "commune" else None
    return ref.postal_codes if ref is not None else ()


def _sdg_order(code: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 100 + ord(p[0]) for p in code.split("."))


def _longest(values: list[str]) -> str:
    return max(values, key=len) if values else ""


def _sdg_doc(s: Sdg, text: dict[tuple[str, str], list[str]]) -> Doc:
    def get(pred: URIRef, lang: str) -> str:
        return _longest(text.get((str(pred), lang), []))

    is_goal = s.code == s.goal
    if is_goal:
        short_fr, short_en = get(SKOS.altLabel, "fr"), get(SKOS.altLabel, "en")
        label = f"ODD {s.code} : {short_fr}" if short_fr else get(SKOS.note, "fr")
        label_en = f"SDG {s.code}: {short_en}" if short_en else get(SKOS.note, "en")
        aliases: tuple[str, ...] = (short_fr, short_en)
    else:
        label, label_en = f"Cible {s.code}", f"Target {s.code}"
        aliases = ()
    return Doc(
        iri=s.iri,
        id=s.code,
        kind="sdg",
        source="vocabulary-sdg",
        label=label,
        label_en=label_en,
        description=get(SKOS.prefLabel, "fr"),
        description_en=get(SKOS.prefLabel, "en"),
        codes=(s.code, f"odd{s.code}", f"sdg{s.code}") if is_goal else (s.code,),
        aliases=tuple(a for a in aliases if a),
        facets={"sdg": (s.goal,)},
    )
