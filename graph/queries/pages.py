"""What the SDG and territory pages list: actors and alliances by SDG code and by territory.

Read with single-pattern queries (see `features`), assembled in Python and cached per graph
version: one pass gives every SDG page, every territory page and the map of France.
"""

from __future__ import annotations

import threading
import unicodedata
import weakref
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

from ontology.namespaces import ALL, DCT, FOAF, ORG, SCHEMA, SDG, SKOS

from ..iris import local_name
from ..reference import territory_ancestors, territory_key
from ..store import Store
from .features import instances, links
from .stats import stats

KINDS = ("actor", "alliance")


@dataclass(frozen=True, order=True)
class Item:
    """An actor or alliance, as listed on the SDG and territory pages."""

    label: str
    kind: str
    ident: str
    iri: str


def sort_key(item: Item) -> tuple[str, str, str]:
    """French-friendly order: accents and case ignored (« Énergies » sorts with the E's)."""
    plain = "".join(
        c for c in unicodedata.normalize("NFD", item.label) if not unicodedata.combining(c)
    )
    return plain.casefold(), item.kind, item.ident


@dataclass
class PagesIndex:
    """Actors and alliances by SDG code (goal or target) and by territory (and all below it)."""

    by_sdg: dict[str, set[Item]] = field(default_factory=lambda: defaultdict(set))
    by_goal: dict[str, set[Item]] = field(default_factory=lambda: defaultdict(set))
    by_territory: dict[tuple[str, str], set[Item]] = field(default_factory=lambda: defaultdict(set))
    labels: dict[str, str] = field(default_factory=dict)

    _memo: dict[tuple[str, ...], object] = field(default_factory=dict, repr=False)

    def sdg(self, code: str) -> list[Item]:
        """Items tagged with `code` (a target) or, for a goal, with the goal or any target of it."""
        key = ("sdg", code)
        if key not in self._memo:
            self._memo[key] = sorted(
                self.by_goal.get(code, set()) if "." not in code else self.by_sdg.get(code, set()),
                key=sort_key,
            )
        return self._memo[key]  # type: ignore[return-value]

    def sdg_count(self, code: str) -> int:
        """Number of items `sdg(code)` lists."""
        return len(self.by_goal.get(code, ()) if "." not in code else self.by_sdg.get(code, ()))

    def territory(self, level: str, code: str) -> list[Item]:
        """Items located in the territory or in one below it."""
        key = ("territory", level, code)
        if key not in self._memo:
            self._memo[key] = sorted(self.by_territory.get((level, code), set()), key=sort_key)
        return self._memo[key]  # type: ignore[return-value]

    def counts(self, level: str, code: str) -> dict[str, int]:
        """Number of actors and alliances located in the territory or below."""
        key = ("counts", level, code)
        if key not in self._memo:
            items = self.by_territory.get((level, code), set())
            self._memo[key] = {kind: sum(1 for i in items if i.kind == kind) for kind in KINDS}
        return dict(self._memo[key])  # type: ignore[call-overload]


#: Per store (weakly held, so that a new store never sees an old one's entry): (version, value).
_CACHE: weakref.WeakKeyDictionary[Store, tuple[int, PagesIndex]] = weakref.WeakKeyDictionary()
_STATS: weakref.WeakKeyDictionary[Store, tuple[int, dict[str, int]]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def cached_stats(store: Store) -> dict[str, int]:
    """`stats.stats` of the current version of `store`, computed once per version (home page)."""
    version = store.version
    hit = _STATS.get(store)
    if hit is not None and hit[0] == version:
        return hit[1]
    counts = stats(store)
    _STATS[store] = (version, counts)
    return counts


def pages_index(store: Store) -> PagesIndex:
    """The index of the current version of `store` (built on first use, then cached)."""
    version = store.version
    with _LOCK:
        hit = _CACHE.get(store)
        if hit is not None and hit[0] == version:
            return hit[1]
    index = build_index(store)
    with _LOCK:
        _CACHE[store] = (version, index)
    return index


def _ancestors(level: str, code: str) -> list[tuple[str, str]]:
    """The territory and every territory it lies in (commune → EPCI → département → région)."""
    return territory_ancestors(level, code) or [(level, code)]


_LITERALS = "SELECT ?s ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }"


def _names(store: Store, iris: set[URIRef]) -> dict[URIRef, str]:
    """skos:prefLabel (French first), else foaf:name, of `iris`: one scan of each property."""
    out: dict[URIRef, str] = {}
    for r in store.select(_LITERALS, p=SKOS.prefLabel):
        s, o = r["s"], r["o"]
        if s in iris and (s not in out or getattr(o, "language", None) == "fr"):
            out[s] = str(o)  # type: ignore[index]
    if len(out) < len(iris):
        for r in store.select(_LITERALS, p=FOAF.name):
            s = r["s"]
            if s in iris and s not in out:
                out[s] = str(r["o"])  # type: ignore[index]
    return out


def build_index(store: Store) -> PagesIndex:
    """Read SDG subjects and served territories of every actor and alliance.

    One scan per property over both classes (the property first, then a set lookup in Python:
    see `features`): about 2 s at 30,000 actors and 10,000 alliances.
    """
    index = PagesIndex()
    sdg_prefix = str(SDG)
    kinds = {iri: "actor" for iri in instances(store, ORG.FormalOrganization)}
    kinds.update((iri, "alliance") for iri in instances(store, ALL.Alliance))
    names = _names(store, set(kinds))
    items: dict[URIRef, Item] = {}
    for iri, kind in kinds.items():
        ident = local_name(iri)
        items[iri] = Item(names.get(iri, ident), kind, ident, str(iri))
    index.labels.update((item.iri, item.label) for item in items.values())
    subjects = set(items)
    for s, o in links(store, subjects, DCT.subject):
        code = str(o)[len(sdg_prefix) :] if str(o).startswith(sdg_prefix) else ""
        if code:
            index.by_sdg[code].add(items[s])
            index.by_goal[code.split(".")[0]].add(items[s])
    for s, o in links(store, subjects, SCHEMA.areaServed):
        place = territory_key(o)
        if place is not None:
            for key in _ancestors(*place):
                index.by_territory[key].add(items[s])
    return index
