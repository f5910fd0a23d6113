"""View models of the tool and evaluation pages, and the raw data shown on request.

A resource page tells people what the resource is, in words; the RDF properties are only listed
under « Voir les données » (`raw_rows`), with links to the RDF documents (`downloads`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from graph.queries.describe import Resource, Value
from ontology.namespaces import ALL, DCT, PREFIXES, PROV, SCHEMA, SKOS

from .i18n import current_lang, format_day
from .pages_views import Link, SdgGroup, href, sdg_groups
from .present import code_of, sdg_goal_name
from .security import safe_href

#: The RDF documents offered for a resource of the instance (extension, name).
FORMATS = (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("rdf", "RDF/XML"), ("nt", "N-Triples"))


@dataclass
class RawValue:
    """One value of the raw data table: its text and, for an IRI, where it leads."""

    label: str
    href: str = ""


def curie(pred: object) -> str:
    """`schema:reviewRating` for a predicate IRI (the IRI itself when no prefix fits)."""
    s = str(pred)
    best = ("", "")
    for prefix, ns in PREFIXES.items():
        if s.startswith(ns) and len(ns) > len(best[1]):
            best = (prefix, ns)
    return f"{best[0]}:{s[len(best[1]) :]}" if best[1] else s


def raw_rows(res: Resource, base: str) -> list[tuple[str, list[RawValue]]]:
    """Every property of the resource, as (CURIE, values), sorted by CURIE."""
    rows = []
    for pred, values in res.props.items():
        shown = [RawValue(v.label, href(v.term, base) if v.is_iri else "") for v in values]
        rows.append((curie(pred), shown))
    return sorted(rows, key=lambda row: row[0])


def downloads(kind: str, ident: str) -> list[tuple[str, str]]:
    """(URL, format name) of the RDF documents of an instance resource."""
    return [(f"/id/{kind}/{ident}.{ext}", name) for ext, name in FORMATS]


def _text(res: Resource, pred: URIRef) -> str:
    """A literal of `pred` in the page's language, else any."""
    lang = current_lang()
    values = res.props.get(pred, [])
    for v in values:
        if isinstance(v.term, Literal) and v.term.language == lang:
            return str(v.term)
    return values[0].label if values else ""


def _codes(values: list[Value]) -> list[tuple[str, str]]:
    """(code, label) of concept values."""
    return [(code_of(v.term), v.label) for v in values]


def _links(values: list[Value], base: str) -> list[Link]:
    return [Link(v.label, href(v.term, base)) for v in values if v.is_iri]


def _goal_names() -> dict[str, str]:
    return {str(g): sdg_goal_name(str(g)) for g in range(1, 18)}


@dataclass
class ToolPage:
    """What the tool page shows: purpose, audience, pillars, levels, publisher, link."""

    label: str
    description: str = ""
    url: str = ""
    kind: tuple[str, str] | None = None
    audiences: list[tuple[str, str]] = field(default_factory=list)
    pillars: list[tuple[str, str]] = field(default_factory=list)
    levels: list[tuple[str, str]] = field(default_factory=list)
    publishers: list[Link] = field(default_factory=list)
    sdg_groups: list[SdgGroup] = field(default_factory=list)


def tool_page(res: Resource, base: str) -> ToolPage:
    """The tool page of `res` (an `all:Tool`)."""
    url = res.first(SCHEMA.url)
    kinds = _codes(res.props.get(DCT.type, []))
    return ToolPage(
        label=res.label(current_lang()),
        description=_text(res, DCT.description),
        url=safe_href(url.term) if url else "",
        kind=kinds[0] if kinds else None,
        audiences=_codes(res.props.get(SCHEMA.audience, [])),
        pillars=_codes(res.props.get(ALL.pillar, [])),
        levels=sorted(
            _codes(res.props.get(ALL.maturity, [])), key=lambda c: LEVEL_ORDER.get(c[0], 9)
        ),
        publishers=_links(res.props.get(SCHEMA.publisher, []), base),
        sdg_groups=sdg_groups(res.props.get(DCT.subject, []), _goal_names()),
    )


#: Maturity levels from the first steps to the most advanced.
LEVEL_ORDER = {"sceptique": 0, "premier-pas": 1, "actif": 2, "pionnier": 3}


@dataclass
class Score:
    """One criterion of an evaluation: its name and its score out of `best`."""

    code: str
    label: str
    value: int
    best: int = 5

    @property
    def fraction(self) -> float:
        """The score as a share of the best score (0–1)."""
        return self.value / self.best if self.best else 0.0


@dataclass
class EvaluationPage:
    """What the evaluation page shows: the alliance, date, evaluator, summary and scores."""

    label: str
    alliances: list[Link] = field(default_factory=list)
    evaluators: list[Link] = field(default_factory=list)
    date: str = ""
    summary: str = ""
    scores: list[Score] = field(default_factory=list)


#: The order of the six evaluation criteria (OECD DAC order).
CRITERIA = ("pertinence", "coherence", "efficacite", "efficience", "impact", "perennite")


def _int(values: list[Value] | None, default: int) -> int:
    try:
        return int(str(values[0].term)) if values else default
    except ValueError:
        return default


def evaluation_page(res: Resource, base: str) -> EvaluationPage:
    """The evaluation page of `res` (an `all:Evaluation`): scores read from its rating nodes."""
    scores = []
    for node in res.parts.values():
        crit = node.get(ALL.criterion)
        value = node.get(SCHEMA.ratingValue)
        if crit and value:
            scores.append(
                Score(
                    code_of(crit[0].term),
                    crit[0].label,
                    _int(value, 0),
                    _int(node.get(SCHEMA.bestRating), 5),
                )
            )
    scores.sort(key=lambda s: (CRITERIA.index(s.code) if s.code in CRITERIA else 99, s.label))
    date = res.first(DCT.date)
    label = _text(res, SKOS.prefLabel)
    alliances = _links(res.props.get(SCHEMA.itemReviewed, []), base)
    return EvaluationPage(
        label=label or (alliances[0].label if alliances else code_of(res.iri)),
        alliances=alliances,
        evaluators=_links(res.props.get(PROV.wasAttributedTo, []), base),
        date=format_day(str(date.term)) if date else "",
        summary=_text(res, SCHEMA.reviewBody),
        scores=scores,
    )
