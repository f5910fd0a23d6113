"""SHACL validation of imported data against `ontology/shapes.ttl`, reported per file and line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ontology import SHAPES_TTL
from ontology.namespaces import SH

from .csv_mapping import Origin
from .errors import Problem
from .terms import from_ox


@cache
def shapes_graph() -> Graph:
    """The project's SHACL shapes (parsed once)."""
    g = Graph()
    g.parse(SHAPES_TTL, format="turtle")
    return g


def _rdflib(term: object) -> Node:
    return term if isinstance(term, Node) else from_ox(term)


def shacl_problems(
    triples: Iterable[tuple[object, object, object]], origins: Mapping[URIRef, Origin]
) -> list[Problem]:
    """Validate `triples`; each violation becomes a Problem located by its focus resource."""
    data = Graph()
    for s, p, o in triples:
        data.add((_rdflib(s), _rdflib(p), _rdflib(o)))
    conforms, report, _ = shacl_validate(
        data,
        shacl_graph=shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    if conforms:
        return []
    problems = []
    for result in report.subjects(predicate=SH.focusNode):
        if (result, SH.resultSeverity, SH.Violation) not in report:
            continue
        focus = report.value(result, SH.focusNode)
        resource = URIRef(str(focus).split("#", 1)[0])
        origin = origins.get(resource, Origin("?", 0))
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        messages = {
            m.language: str(m)
            for m in report.objects(result, SH.resultMessage)
            if isinstance(m, Literal)
        }
        en = messages.get("en") or next(iter(messages.values()), "constraint violated")
        fr = messages.get("fr") or en
        problems.append(
            Problem(
                origin.file,
                origin.line or None,
                _local(path),
                None if value is None else str(value),
                f"{en} ({focus})",
                f"{fr} ({focus})",
            )
        )
    return sorted(problems, key=lambda p: (p.file, p.line or 0))


def _local(path: object) -> str | None:
    if isinstance(path, URIRef):
        return str(path).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return None
