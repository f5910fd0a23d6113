"""Where published data comes from: each source graph's title, publisher, licence, date of the
data, attribution sentence and whether it is fictional (`all:fictional`), and the sources of a
resource. What pages and API answers show under a record (« Source : ANCT, Licence Ouverte 2.0,
données du 1er août 2024 »).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from rdflib import Literal, URIRef

from ontology.namespaces import ALL, DCT, FOAF

from ..store import Store
from .publishing import cached

#: Licences by IRI: short French and English names (the IRIs are those data.gouv.fr recognises
#: in DCAT `dct:license`, see docs/model.md).
LICENCE_NAMES: dict[str, tuple[str, str]] = {
    "https://www.etalab.gouv.fr/licence-ouverte-open-licence": (
        "Licence Ouverte 2.0",
        "Open Licence 2.0",
    ),
    "https://opensource.org/licenses/MIT": ("licence MIT", "MIT licence"),
    "https://spdx.org/licenses/MIT": ("licence MIT", "MIT licence"),
    "https://creativecommons.org/licenses/by/4.0/": ("CC BY 4.0", "CC BY 4.0"),
}
_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass
class SourceInfo:
    """One published source graph, as a reader of a page needs it."""

    source: str
    graph: URIRef
    titles: dict[str, str] = field(default_factory=dict)
    publisher: str | None = None
    publisher_iri: URIRef | None = None
    licence: URIRef | None = None
    modified: date | None = None
    rights: str | None = None
    fictional: bool = False

    def title(self, lang: str = "fr") -> str:
        """The title in `lang` (else French, else any, else the source name)."""
        return (
            self.titles.get(lang)
            or self.titles.get("fr")
            or next(iter(self.titles.values()), self.source)
        )

    def licence_name(self, lang: str = "fr") -> str | None:
        """Short name of the licence (« Licence Ouverte 2.0 »), else its IRI."""
        if self.licence is None:
            return None
        names = LICENCE_NAMES.get(str(self.licence))
        return (names[0] if lang == "fr" else names[1]) if names else str(self.licence)

    def date_text(self, lang: str = "fr") -> str | None:
        """The date of the data in words: « 1er août 2024 » / « 1 August 2024 »."""
        d = self.modified
        if d is None:
            return None
        if lang == "fr":
            day = "1er" if d.day == 1 else str(d.day)
            return f"{day} {_MONTHS[d.month - 1]} {d.year}"
        return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"

    def line(self, lang: str = "fr") -> str:
        """« Source : ANCT, Licence Ouverte 2.0, données du 1er août 2024 » (or in English)."""
        parts = [self.publisher or self.title(lang)]
        if self.licence_name(lang):
            parts.append(self.licence_name(lang) or "")
        when = self.date_text(lang)
        if lang == "fr":
            if when:
                parts.append(f"données du {when}")
            return "Source : " + ", ".join(parts)
        if when:
            parts.append(f"data of {when}")
        return "Source: " + ", ".join(parts)

    def to_dict(self, lang: str = "fr") -> dict[str, object]:
        """JSON shape: {source, title, publisher, licence, licence_name, date, attribution,
        fictional, text}."""
        return {
            "source": self.source,
            "title": self.title(lang),
            "publisher": self.publisher,
            "licence": str(self.licence) if self.licence else None,
            "licence_name": self.licence_name(lang),
            "date": self.modified.isoformat() if self.modified else None,
            "attribution": self.rights,
            "fictional": self.fictional,
            "text": self.line(lang),
        }


_FACTS = f"""
SELECT ?g ?p ?o ?name WHERE {{
  ?g ?p ?o .
  VALUES ?p {{ {DCT.title.n3()} {DCT.publisher.n3()} {DCT.license.n3()} {DCT.modified.n3()}
              {DCT.rights.n3()} {ALL.fictional.n3()} }}
  OPTIONAL {{ ?o {FOAF.name.n3()} ?name }}
}}
"""


def sources(store: Store) -> dict[URIRef, SourceInfo]:
    """Every published source graph (vocabularies included) → its SourceInfo, cached per
    store version."""
    return cached(store, "source_info", lambda: _sources(store))  # type: ignore[no-any-return]


def _sources(store: Store) -> dict[URIRef, SourceInfo]:
    out = {g.iri: SourceInfo(g.source, g.iri) for g in store.graphs() if g.source != "provenance"}
    for row in store.select(_FACTS):
        info = out.get(row["g"])  # type: ignore[arg-type]
        if info is None:
            continue
        p, o = row["p"], row["o"]
        if p == DCT.title and isinstance(o, Literal):
            info.titles[o.language or ""] = str(o)
        elif p == DCT.publisher:
            info.publisher_iri = o if isinstance(o, URIRef) else None
            name = row.get("name")
            info.publisher = (
                str(name)
                if name is not None
                else (str(o) if isinstance(o, Literal) else info.publisher)
            )
        elif p == DCT.license and isinstance(o, URIRef):
            info.licence = o
        elif p == DCT.modified and isinstance(o, Literal):
            value = o.toPython()
            info.modified = value if isinstance(value, date) else None
        elif p == DCT.rights and isinstance(o, Literal):
            info.rights = str(o)
        elif p == ALL.fictional and isinstance(o, Literal):
            info.fictional = bool(o.toPython())
    return out


def fictional_sources(store: Store) -> set[str]:
    """Names of the sources marked `all:fictional true` (the demo dataset)."""
    return {i.source for i in sources(store).values() if i.fictional}


_FLAGGED = "SELECT ?s ?o WHERE { ?s ?p ?o }"
_DEFINED_BY = f"SELECT ?r WHERE {{ GRAPH ?g {{ ?r {DCT.identifier.n3()} ?id }} }}"


def fictional_resources(store: Store) -> frozenset[URIRef]:
    """The IRIs of the fictional resources (actors, alliances, tools…): those saying
    `all:fictional true` themselves (the bundled demo writes it on each) and those defined
    (`dct:identifier`) in a source graph marked `all:fictional true`. Two scans: the property,
    and the identifiers of the fictional graphs only (none when no source is fictional)."""
    out = {
        r["s"]
        for r in store.select(_FLAGGED, p=ALL.fictional)
        if isinstance(r["s"], URIRef) and isinstance(r["o"], Literal) and r["o"].toPython() is True
    }
    graphs = sorted(i.graph for i in sources(store).values() if i.fictional)
    if graphs:
        out.update(
            r["r"] for r in store.select(_DEFINED_BY, g=graphs) if isinstance(r["r"], URIRef)
        )
    return frozenset(out - set(graphs))


_DEFINED_IN = f"SELECT ?r ?g WHERE {{ GRAPH ?g {{ ?r {DCT.identifier.n3()} ?id }} }}"
_GRAPHS_OF = (
    "SELECT ?g (MAX(?defines) AS ?d) WHERE { GRAPH ?g { ?r ?p ?o } "
    f"BIND(?p = {DCT.identifier.n3()} AS ?defines) }} GROUP BY ?g"
)
_ORIGINS = f"SELECT ?o WHERE {{ ?g {DCT.source.n3()} ?o FILTER(isIRI(?o)) }}"


def origins(store: Store, graph: URIRef) -> list[URIRef]:
    """Where the data of a source graph comes from (its `dct:source` IRIs: the files published
    by the producer), as its provenance records them."""
    return sorted(r["o"] for r in store.select(_ORIGINS, g=graph) if isinstance(r["o"], URIRef))


def resource_sources(store: Store, iri: URIRef) -> list[SourceInfo]:
    """The instance sources holding triples about `iri` (vocabularies left out), the one
    defining it (`dct:identifier`) first."""
    rows = store.select(_GRAPHS_OF, r=iri)
    known = sources(store)
    found = []
    for r in rows:
        g, d = r.get("g"), r.get("d")
        if isinstance(g, URIRef) and g in known:
            found.append((isinstance(d, Literal) and bool(d.toPython()), known[g]))
    found = [(d, i) for d, i in found if not i.source.startswith("vocabulary-")]
    return [i for _, i in sorted(found, key=lambda x: (not x[0], x[1].source))]


def defining_sources(store: Store, iris: Iterable[URIRef]) -> dict[URIRef, SourceInfo]:
    """The source that defines (`dct:identifier`) each of `iris` (those found)."""
    wanted = sorted({URIRef(i) for i in iris})
    if not wanted:
        return {}
    known = sources(store)
    out: dict[URIRef, SourceInfo] = {}
    for i in range(0, len(wanted), 500):
        for row in store.select(_DEFINED_IN, r=wanted[i : i + 500]):
            info = known.get(row["g"])  # type: ignore[arg-type]
            if info is not None:
                out.setdefault(row["r"], info)  # type: ignore[arg-type]
    return out
