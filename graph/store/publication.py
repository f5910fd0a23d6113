"""The publish-last scheme in SPARQL: the system graph's state and the updates that change it.

Shared by every store, so that an embedded store and a remote server keep the same bookkeeping:

- the system graph `urn:x-alliances:system` holds `all:version N`, `sys:published <g>` for each
  published graph, and per graph `sys:source "name"` and `all:sha256 "…"`;
- `publish_update` is ONE `DELETE … INSERT … WHERE` operation: it checks that the version is
  still the one the writer read (and, for remote stores, that the writer still holds the write
  lease), then records the new graph as published, retires the source's previous graph, deletes
  the triples of replaced resources from other graphs, replaces the provenance of the graph, bumps
  the version and releases the lease. One operation is atomic on every engine tried (Oxigraph runs
  a whole request in one transaction; Virtuoso does not, but runs each operation as one
  statement), and when the check fails it changes nothing.

Every term is written by `graph.terms.term_syntax`; variable values go through `VALUES` blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from ontology.namespaces import ALL, SYSTEM, SYSTEM_GRAPH

from ..terms import RdfTerm, term_syntax
from .base import GraphInfo, provenance_graph
from .binding import bind, values

_SYS = term_syntax(SYSTEM_GRAPH)


def _t(term: Node) -> str:
    return term_syntax(term)


@dataclass
class State:
    """The system graph read back: version, published graphs with their sources and checksums,
    graphs being filled (with the lease token filling them), and the write lease."""

    version: int = 0
    published: dict[URIRef, str] = field(default_factory=dict)
    checksums: dict[URIRef, str] = field(default_factory=dict)
    filling: dict[URIRef, str] = field(default_factory=dict)
    leases: set[str] = field(default_factory=set)
    lease_until: float | None = None

    def graphs(self) -> list[GraphInfo]:
        """The published graphs, sorted by source."""
        return sorted(
            (GraphInfo(g, s) for g, s in self.published.items()), key=lambda gi: gi.source
        )

    def graph_of(self, source: str) -> URIRef | None:
        """The published graph holding `source`."""
        return next((g for g, s in self.published.items() if s == source), None)


SYSTEM_TRIPLES = f"SELECT ?s ?p ?o WHERE {{ GRAPH {_SYS} {{ ?s ?p ?o }} }}"


def read_state(triples: Iterable[tuple[RdfTerm, RdfTerm, RdfTerm]]) -> State:
    """The State of the system graph's triples."""
    st = State()
    sources: dict[URIRef, str] = {}
    published: list[URIRef] = []
    for s, p, o in triples:
        if s == SYSTEM_GRAPH and p == ALL.version and isinstance(o, Literal):
            st.version = int(o)
        elif s == SYSTEM_GRAPH and p == SYSTEM.published and isinstance(o, URIRef):
            published.append(o)
        elif p == SYSTEM.source and isinstance(s, URIRef):
            sources[s] = str(o)
        elif p == ALL.sha256 and isinstance(s, URIRef):
            st.checksums[s] = str(o)
        elif p == SYSTEM.filling and isinstance(s, URIRef):
            st.filling[s] = str(o)
        elif s == SYSTEM_GRAPH and p == SYSTEM.lease:
            st.leases.add(str(o))
        elif s == SYSTEM_GRAPH and p == SYSTEM.leaseUntil and isinstance(o, Literal):
            st.lease_until = float(o)
    st.published = {g: sources[g] for g in published if g in sources}
    return st


ENSURE_VERSION = (
    f"INSERT {{ GRAPH {_SYS} {{ {_SYS} {_t(ALL.version)} {_t(Literal(0))} }} }} "
    f"WHERE {{ FILTER NOT EXISTS {{ GRAPH {_SYS} {{ {_SYS} {_t(ALL.version)} ?v }} }} }}"
)
"""Start the version counter at 0 if there is none. Every other update matches the counter
first: Virtuoso 7 applies nothing when a WHERE clause has no triple pattern outside OPTIONAL or
UNION, and nothing when a DELETE template uses a variable an OPTIONAL left unbound; so the
updates here anchor on the counter and use `{ } UNION { … }` where OPTIONAL would do."""


def _guard(expected_version: int, lease: str | None) -> str:
    out = (
        f"GRAPH {_SYS} {{ {_SYS} {_t(ALL.version)} ?cur "
        f"FILTER(?cur = {_t(Literal(expected_version))}) }}"
    )
    if lease is not None:
        out += f" GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.lease)} {_t(Literal(lease))} }}"
    return out


def publish_update(
    *,
    base: str,
    target: URIRef,
    source: str,
    expected_version: int,
    old: URIRef | None,
    checksum: Literal | None,
    provenance: Sequence[tuple[Node, Node, Node]],
    replaced: Iterable[URIRef] = (),
    replaced_in: Sequence[URIRef] = (),
    lease: str | None = None,
) -> str:
    """The one update publishing `target` as the graph of `source` at `expected_version + 1`.

    `replaced` are resources whose triples (and hash parts) are deleted from `replaced_in`
    (other published graphs holding them). With `lease`, the update applies only while that
    token holds the write lease, and releases it; the retired graph is then marked as being
    filled by that token, so that its removal, if interrupted, is finished by the next writer.
    """
    prov = provenance_graph(base)
    new = expected_version + 1
    inserts = [
        f"{_SYS} {_t(ALL.version)} {_t(Literal(new))} .",
        f"{_SYS} {_t(SYSTEM.published)} {_t(target)} .",
        f"{_t(target)} {_t(SYSTEM.source)} {_t(Literal(source))} .",
    ]
    if checksum is not None:
        inserts.append(f"{_t(target)} {_t(ALL.sha256)} {_t(checksum)} .")
    if lease is not None and old is not None:
        inserts.append(f"{_t(old)} {_t(SYSTEM.filling)} {_t(Literal(lease))} .")
    prov_triples = " ".join(f"{_t(s)} {_t(p)} {_t(o)} ." for s, p, o in provenance)
    branches = [
        "{ }",
        f"{{ GRAPH {_SYS} {{ {_SYS} {_t(ALL.version)} ?v }} }}",
        f"{{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.lease)} ?lt }} }}",
        f"{{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.leaseUntil)} ?lu }} }}",
        f"{{ GRAPH {_SYS} {{ {_t(target)} {_t(SYSTEM.filling)} ?fill }} }}",
    ]
    if provenance:
        prov_published = (
            f"{_SYS} {_t(SYSTEM.published)} {_t(prov)} . "
            f"{_t(prov)} {_t(SYSTEM.source)} {_t(Literal('provenance'))} ."
        )
        inserts.append(prov_published)
    if old is not None:
        branches += [
            f"{{ {values(old=old)} GRAPH {_SYS} {{ ?old ?sp ?so }} }}",
            f"{{ {values(old=old)} GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.published)} ?old }} }}",
            f"{{ {values(pold=old, pprefix=Literal(str(old) + '#'))} GRAPH {_t(prov)} "
            "{ ?px ?pp ?po } FILTER(?px = ?pold || STRSTARTS(STR(?px), ?pprefix)) }",
        ]
    replaced = sorted(set(replaced))
    if replaced and replaced_in:
        scope = values(rg=list(replaced_in), r=replaced)
        part = 'FILTER(isIRI(?rx) && STRSTARTS(STR(?rx), CONCAT(STR(?r), "#")))'
        branches += [
            f"{{ {scope} GRAPH ?rg {{ ?r ?rp ?ro BIND(?r AS ?rx) }} }}",
            f"{{ {scope} GRAPH ?rg {{ ?r ?q ?rx {part} ?rx ?rp ?ro }} }}",
            f"{{ {scope} GRAPH ?rg {{ ?rx ?q ?r {part} ?rx ?rp ?ro }} }}",
        ]
    guard = _guard(expected_version, lease)
    return (
        "DELETE {\n"
        f"  GRAPH {_SYS} {{ {_SYS} {_t(ALL.version)} ?v . {_SYS} {_t(SYSTEM.published)} ?old . "
        f"?old ?sp ?so . {_SYS} {_t(SYSTEM.lease)} ?lt . {_SYS} {_t(SYSTEM.leaseUntil)} ?lu . "
        f"{_t(target)} {_t(SYSTEM.filling)} ?fill }}\n"
        f"  GRAPH {_t(prov)} {{ ?px ?pp ?po }}\n"
        "  GRAPH ?rg { ?rx ?rp ?ro }\n"
        "}\nINSERT {\n"
        f"  GRAPH {_SYS} {{ {' '.join(inserts)} }}\n"
        + (f"  GRAPH {_t(prov)} {{ {prov_triples} }}\n" if provenance else "")
        + "}\nWHERE {\n  "
        + guard
        + "\n  "
        + "\n  UNION ".join(branches)
        + "\n}"
    )


def retire_update(
    *, base: str, old: URIRef, expected_version: int, lease: str | None = None
) -> str:
    """The one update unpublishing `old` (dropping a source): a publication of nothing. With
    `lease`, `old` is marked as held by that write until its triples are deleted."""
    prov = provenance_graph(base)
    mark = f"{_t(old)} {_t(SYSTEM.filling)} {_t(Literal(lease))} ." if lease else ""
    new = expected_version + 1
    guard = _guard(expected_version, lease)
    return (
        "DELETE {\n"
        f"  GRAPH {_SYS} {{ {_SYS} {_t(ALL.version)} ?v . {_SYS} {_t(SYSTEM.published)} ?old . "
        f"?old ?sp ?so . {_SYS} {_t(SYSTEM.lease)} ?lt . {_SYS} {_t(SYSTEM.leaseUntil)} ?lu }}\n"
        f"  GRAPH {_t(prov)} {{ ?px ?pp ?po }}\n"
        "}\nINSERT {\n"
        f"  GRAPH {_SYS} {{ {_SYS} {_t(ALL.version)} {_t(Literal(new))} . {mark} }}\n"
        "}\nWHERE {\n  " + guard + "\n  { }"
        f"\n  UNION {{ GRAPH {_SYS} {{ {_SYS} {_t(ALL.version)} ?v }} }}"
        f"\n  UNION {{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.lease)} ?lt }} }}"
        f"\n  UNION {{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.leaseUntil)} ?lu }} }}"
        f"\n  UNION {{ {values(old=old)} GRAPH {_SYS} {{ ?old ?sp ?so }} }}"
        f"\n  UNION {{ {values(old=old)} GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.published)} ?old }} }}"
        f"\n  UNION {{ {values(pold=old, pprefix=Literal(str(old) + '#'))} GRAPH {_t(prov)} "
        "{ ?px ?pp ?po } FILTER(?px = ?pold || STRSTARTS(STR(?px), ?pprefix)) }"
        "\n}"
    )


# -- the write lease of remote stores ------------------------------------------------------
def acquire_update(token: str, until: float, now: float) -> str:
    """Take the write lease for `token` until `until` if it is free or expired at `now`
    (seconds since the epoch); the state read afterwards tells who holds it."""
    return (
        f"DELETE {{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.lease)} ?lt . "
        f"{_SYS} {_t(SYSTEM.leaseUntil)} ?lu }} }}\n"
        f"INSERT {{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.lease)} {_t(Literal(token))} . "
        f"{_SYS} {_t(SYSTEM.leaseUntil)} {_t(Literal(round(until)))} }} }}\n"
        f"WHERE {{ GRAPH {_SYS} {{ {_SYS} {_t(ALL.version)} ?anchor }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.leaseUntil)} ?live "
        f"FILTER(?live >= {_t(Literal(round(now)))}) }} }}\n"
        f"  {{ }} UNION {{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.lease)} ?lt }} }}\n"
        f"  UNION {{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.leaseUntil)} ?lu }} }} }}"
    )


def renew_update(token: str, until: float) -> str:
    """Extend the lease of `token` (nothing happens if it lost it)."""
    return (
        f"DELETE {{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.leaseUntil)} ?lu }} }}\n"
        f"INSERT {{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.leaseUntil)} "
        f"{_t(Literal(round(until)))} }} }}\n"
        f"WHERE {{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.lease)} {_t(Literal(token))} ; "
        f"{_t(SYSTEM.leaseUntil)} ?lu }} }}"
    )


def release_update(token: str) -> str:
    """Give the lease of `token` back (nothing happens if it lost it)."""
    return (
        f"DELETE {{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.lease)} ?lt . "
        f"{_SYS} {_t(SYSTEM.leaseUntil)} ?lu }} }}\n"
        f"WHERE {{ GRAPH {_SYS} {{ {_SYS} {_t(SYSTEM.lease)} ?lt ; "
        f"{_t(SYSTEM.leaseUntil)} ?lu }} FILTER(?lt = {_t(Literal(token))}) }}"
    )


def mark_filling(graph: URIRef, token: str) -> str:
    """Record that the write `token` fills `graph` (so that a crash leaves a trace to clean)."""
    return (
        f"INSERT DATA {{ GRAPH {_SYS} {{ {_t(graph)} {_t(SYSTEM.filling)} "
        f"{_t(Literal(token))} }} }}"
    )


def unmark_filling(graph: URIRef) -> str:
    """Forget the filling mark of `graph` (after it was dropped)."""
    return f"DELETE WHERE {{ GRAPH {_SYS} {{ {_t(graph)} {_t(SYSTEM.filling)} ?t }} }}"


def replaced_query(graph_var: str = "g") -> str:
    """Which resources of `?r` (bound) have triples in the named graphs of the dataset."""
    return f"SELECT DISTINCT ?r WHERE {{ GRAPH ?{graph_var} {{ ?r ?p ?o }} }}"


def replaced_resources(
    select: Callable[..., list[dict[str, Any]]],
    resources: frozenset[URIRef],
    graphs: list[URIRef],
    batch: int,
) -> list[URIRef]:
    """Which of `resources` have triples in `graphs`, asked `batch` IRIs at a time through
    `select(sparql, named_graphs=graphs)` (a store's `_select`): the list may be long, and a
    remote server refuses very long queries, so each store gives its own batch size."""
    if not resources or not graphs:
        return []
    found: list[URIRef] = []
    ordered = sorted(resources)
    for i in range(0, len(ordered), batch):
        rows = select(bind(replaced_query(), {"r": ordered[i : i + batch]}), named_graphs=graphs)
        found += [r["r"] for r in rows if isinstance(r["r"], URIRef)]
    return found
