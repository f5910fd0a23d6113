"""View models of the actor and alliance pages, built from `describe` and the recommender."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal, URIRef

from graph.iris import local_name
from graph.queries import labels as labels_q
from graph.queries.describe import Resource, Value
from graph.reference import territory_key
from ontology.namespaces import ALL, DCT, INSEE_GEO, ORG, SCHEMA, SDG

from .api_reco import recommender_for, with_sources
from .instance import Instance
from .security import safe_href


@dataclass
class Link:
    """A labelled link to a page of the site (or outside when `href` is absolute)."""

    label: str
    href: str
    extra: str = ""


@dataclass
class Share:
    """One resource type and its share of an alliance's budget (0–100)."""

    label: str
    percent: int


@dataclass
class SdgTarget:
    """A target of an SDG goal: its code and page."""

    code: str
    href: str


@dataclass
class SdgGroup:
    """An SDG goal with its short name and the targets of it a resource is tagged with."""

    goal: str
    name: str
    href: str
    targets: list[SdgTarget] = field(default_factory=list)


@dataclass
class Page:
    """What the actor and alliance templates show."""

    label: str
    description: str = ""
    types: list[str] = field(default_factory=list)
    type_codes: list[tuple[str, str]] = field(default_factory=list)
    sdg_groups: list[SdgGroup] = field(default_factory=list)
    territories: list[Link] = field(default_factory=list)
    sdgs: list[Link] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    alliances: list[Link] = field(default_factory=list)
    members: list[Link] = field(default_factory=list)
    tools: list[Link] = field(default_factory=list)
    evaluations: list[Link] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    status: str = ""
    period: str = ""
    url: str = ""
    reco: dict[str, Any] = field(default_factory=dict)


def href(iri: object, base: str) -> str:
    """The site path of a resource IRI (the IRI itself when it is not ours and safe to follow:
    `webui.security.safe_href`; "" otherwise)."""
    s = str(iri)
    if s.startswith(base):
        return "/" + s[len(base) :]
    if s.startswith(str(SDG)):
        return "/sdg/" + s[len(str(SDG)) :]
    place = territory_key(s)
    if place is not None:
        return f"/territoire/{place[0]}/{place[1]}"
    return safe_href(s)


def _links(values: list[Value], base: str) -> list[Link]:
    return [Link(v.label, href(v.term, base)) for v in values if isinstance(v.term, URIRef)]


def _sdg_links(values: list[Value], base: str) -> list[Link]:
    """SDG goals and targets, by code, labelled "code · label"."""
    out = []
    for v in values:
        code = str(v.term)[len(str(SDG)) :] if str(v.term).startswith(str(SDG)) else ""
        out.append(
            (
                tuple(int(p) if p.isdigit() else 99 for p in code.split(".")) if code else (),
                Link(f"{code} · {v.label}" if code else v.label, href(v.term, base)),
            )
        )
    return [link for _, link in sorted(out, key=lambda pair: pair[0])]


def _sdg_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 100 + ord(p[0]) for p in code.split("."))


def sdg_groups(values: list[Value], names: dict[str, str]) -> list[SdgGroup]:
    """SDG goals and targets grouped by goal, in order: « 12 Consommation… — cibles 12.3, 12.5 ».

    `names` maps goal codes to their short names in the page's language.
    """
    prefix = str(SDG)
    codes = sorted(
        {str(v.term)[len(prefix) :] for v in values if str(v.term).startswith(prefix)}, key=_sdg_key
    )
    groups: dict[str, SdgGroup] = {}
    for code in codes:
        goal = code.split(".")[0]
        group = groups.setdefault(goal, SdgGroup(goal, names.get(goal, ""), f"/sdg/{goal}"))
        if "." in code:
            group.targets.append(SdgTarget(code, f"/sdg/{code}"))
    return sorted(groups.values(), key=lambda g: _sdg_key(g.goal))


def _text(res: Resource, pred: URIRef, lang: str) -> str:
    values = res.props.get(pred, [])
    for v in values:
        if isinstance(v.term, Literal) and v.term.language == lang:
            return str(v.term)
    return values[0].label if values else ""


def _labels(res: Resource, pred: URIRef) -> list[str]:
    return [v.label for v in res.props.get(pred, [])]


def _common(res: Resource, lang: str, base: str) -> Page:
    territories = [
        v for vals in res.props.values() for v in vals if str(v.term).startswith(str(INSEE_GEO))
    ]
    seen: set[str] = set()
    unique = [v for v in territories if not (str(v.term) in seen or seen.add(str(v.term)))]
    url = res.first(SCHEMA.url)
    page = Page(
        label=res.label(lang),
        description=_text(res, DCT.description, lang),
        types=_labels(res, ORG.classification),
        territories=_links(unique, base),
        sdgs=_sdg_links(res.props.get(DCT.subject, []), base),
        status=", ".join(_labels(res, ALL.status)),
        url=safe_href(url.term) if url else "",
    )
    page.shares = resource_mix(res)
    page.type_codes = [
        (str(v.term).rsplit("/", 1)[-1], v.label) for v in res.props.get(ORG.classification, [])
    ]
    from .present import sdg_goal_name

    page.sdg_groups = sdg_groups(
        res.props.get(DCT.subject, []), {str(g): sdg_goal_name(str(g)) for g in range(1, 18)}
    )
    return page


def resource_mix(res: Resource) -> list[Share]:
    """The resource shares of an actor or alliance, largest first."""
    out = []
    for node in res.parts.values():
        shares = node.get(ALL.shareOfBudget)
        if shares:
            kind = node.get(ALL.resourceType, [])
            try:
                percent = round(float(str(shares[0].term)) * 100)
            except ValueError:
                continue
            out.append(Share(kind[0].label if kind else "?", percent))
    return sorted(out, key=lambda s: (-s.percent, s.label))


def actor_page(inst: Instance, res: Resource, ident: str, lang: str) -> Page:
    """Profile, territory, SDGs, offers and needs, alliances and complementary partners."""
    page = _common(res, lang, inst.base)
    page.offers = _labels(res, ALL.offers)
    page.needs = _labels(res, ALL.needs)
    rec = recommender_for(inst)
    net = rec.network.get()
    page.alliances = sorted(
        (
            Link(str(net.bipartite.nodes[a].get("label", a)), href(a, inst.base))
            for a in net.alliances_of(res.iri)
        ),
        key=lambda link: link.label,
    )
    page.reco = with_sources("actor", rec.partners(ident, 5))
    return page


def alliance_page(inst: Instance, res: Resource, ident: str, lang: str) -> Page:
    """Members and roles, SDG targets, resource mix, tools and analogous alliances."""
    page = _common(res, lang, inst.base)
    for node in res.parts.values():
        members = node.get(ORG.member)
        if members:
            roles = ", ".join(v.label for v in node.get(ORG.role, []))
            page.members += [Link(m.label, href(m.term, inst.base), roles) for m in members]
    page.members.sort(key=lambda m: (m.extra != page_lead(m.extra), m.label))
    page.period = period(res)
    page.tools = _links(res.props.get(ALL.usesTool, []), inst.base)
    page.evaluations = evaluations_of(inst, res.iri)
    page.reco = with_sources("alliance", recommender_for(inst).analogues(ident, 5))
    return page


def period(res: Resource) -> str:
    """« depuis mars 2021 », « de 2019 à juin 2023 » from schema:startDate / schema:endDate."""
    from .i18n import _, format_day

    start, end = res.first(SCHEMA.startDate), res.first(SCHEMA.endDate)
    if start and end:
        return _(
            "from %(start)s to %(end)s",
            start=format_day(str(start.term)),
            end=format_day(str(end.term)),
        )
    if start:
        return _("since %(start)s", start=format_day(str(start.term)))
    if end:
        return _("until %(end)s", end=format_day(str(end.term)))
    return ""


def page_lead(roles: str) -> str:
    """Sort key helper: lead partners ("Chef de file") first."""
    return roles if "chef" in roles.lower() or "lead" in roles.lower() else ""


def evaluations_of(inst: Instance, iri: URIRef) -> list[Link]:
    """The evaluations that refer to `iri`."""
    return sorted(
        (
            Link(str(label or local_name(e)).strip(), href(e, inst.base))
            for e, label in labels_q.evaluations_of(inst.store, iri)
        ),
        key=lambda link: link.label,
    )
