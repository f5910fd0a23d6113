"""What the templates need to name things for people: kinds, facets, SDG goals, actor types, places.

Labels of the site's own words are gettext messages (lazy, translated when shown); labels of the
data (SKOS concepts, territory names, SDG names) come from the graph and the reference files.
`facts(iri)` gives, for any actor, alliance or tool, its type, its place and its SDG goals, read
once per graph version (`graph.analytics.cache.VersionedCache`) so that search hits and partner
cards can show them without one query per card.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any

from flask import Flask
from rdflib import URIRef

from graph.analytics.cache import VersionedCache
from graph.queries.features import grouped_links
from graph.reco.labels import Labels
from graph.reference import territories, territory_key
from graph.store import Store
from ontology.namespaces import DCT, ORG, SCHEMA, SDG

from .app_context import get_instance
from .i18n import N_, current_lang, gettext, lazy_gettext, pick

KIND_LABELS = {
    "actor": lazy_gettext("Actor"),
    "alliance": lazy_gettext("Alliance"),
    "tool": lazy_gettext("Tool"),
    "evaluation": lazy_gettext("Evaluation"),
    "sdg": lazy_gettext("SDG"),
    "territory": lazy_gettext("Territory"),
    "region": lazy_gettext("Region"),
    "departement": lazy_gettext("Département"),
    "epci": lazy_gettext("Intercommunality"),
    "commune": lazy_gettext("Municipality"),
}

FACET_LABELS = {
    "kind": lazy_gettext("Content type"),
    "actor_type": lazy_gettext("Actor type"),
    "sdg": lazy_gettext("SDG"),
    "region": lazy_gettext("Region"),
    "departement": lazy_gettext("Département"),
    "epci": lazy_gettext("Intercommunality"),
    "maturity": lazy_gettext("Maturity"),
    "pillar": lazy_gettext("Pillar"),
    "resource_type": lazy_gettext("Resources"),
    "status": lazy_gettext("Status"),
    "tool_kind": lazy_gettext("Tool kind"),
}

#: What each maturity level means (the self-assessment places a visitor at one of them).
LEVEL_TEXT = {
    "sceptique": lazy_gettext(
        "You are not sure alliances are worth the effort, or have not "
        "tried yet: start by seeing what they bring and what they cost."
    ),
    "premier-pas": lazy_gettext(
        "You have started one or two partnerships and are learning how to run them."
    ),
    "actif": lazy_gettext(
        "You run several alliances and want to evaluate, fund and strengthen them."
    ),
    "pionnier": lazy_gettext(
        "Alliances are part of how you work: you share your practice and help others start."
    ),
}

#: What each of the four pillars of the tools is about.
PILLAR_TEXT = {
    "capitalisation": lazy_gettext("keeping and sharing what your alliances learn"),
    "evaluation": lazy_gettext("measuring what your alliances change"),
    "modelisation-economique": lazy_gettext("funding your alliances over time"),
    "faire-valoir": lazy_gettext("showing the value of your alliances to partners and funders"),
}

#: The question each evaluation criterion answers.
CRITERION_TEXT = {
    "pertinence": lazy_gettext("Does the alliance meet a real need of its territory?"),
    "coherence": lazy_gettext("Does it fit with what others already do there?"),
    "efficacite": lazy_gettext("Does it reach its objectives?"),
    "efficience": lazy_gettext("Are the means well used for the results obtained?"),
    "impact": lazy_gettext("What lasting changes does it bring?"),
    "perennite": lazy_gettext("Will its effects last beyond the current funding?"),
}

#: Actor types that have an icon in static/icons.svg (`type-<code>`).
ACTOR_TYPE_ICONS = frozenset(
    (
        "association",
        "entreprise",
        "cooperative",
        "collectivite",
        "etat",
        "fondation",
        "recherche",
        "collectif",
    )
)


def kind_label(kind: str) -> str:
    """« Acteur », « Alliance »… for a kind of resource (the kind itself when unknown)."""
    return str(KIND_LABELS.get(kind, kind))


def facet_label(name: str) -> str:
    """The heading of a search facet."""
    return str(FACET_LABELS.get(name, name))


def level_text(code: str) -> str:
    """One sentence saying what a maturity level means."""
    return str(LEVEL_TEXT.get(code, ""))


def pillar_text(code: str) -> str:
    """What a pillar of the tools is about."""
    return str(PILLAR_TEXT.get(code, ""))


def criterion_text(code: str) -> str:
    """The question an evaluation criterion answers."""
    return str(CRITERION_TEXT.get(code, ""))


def sdg_goal_name(goal: str) -> str:
    """The short name of SDG goal `goal` in the current language (« Travail décent… »)."""
    from .pages_sdg import labels_for

    return labels_for(current_lang()).get(str(goal), "")


def code_of(iri: object) -> str:
    """The last segment of an IRI (the code of a concept, the id of an instance)."""
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


@dataclass
class Facts:
    """What a card shows about a resource: type code and label, place name, SDG goals."""

    type: str = ""
    type_label: str = ""
    place: str = ""
    goals: list[str] = field(default_factory=list)


@dataclass
class _Raw:
    types: dict[URIRef, URIRef]
    places: dict[URIRef, tuple[str, str]]
    goals: dict[URIRef, list[str]]
    labels: Labels


_LEVEL_RANK = {"commune": 0, "epci": 1, "departement": 2, "region": 3}


def _build(store: Store) -> _Raw:
    """Type, most precise place and SDG goals of every resource that has them (one query)."""
    links = grouped_links(store, None, [ORG.classification, SCHEMA.areaServed, DCT.subject])
    types: dict[URIRef, URIRef] = {}
    places: dict[URIRef, tuple[str, str]] = {}
    goals: dict[URIRef, list[str]] = {}
    sdg = str(SDG)
    for s, by_pred in links.items():
        kinds = sorted(by_pred.get(ORG.classification, ()))
        if kinds:
            types[s] = kinds[0]
        found = []
        for o in by_pred.get(SCHEMA.areaServed, ()):
            key = territory_key(o)
            if key is not None:
                found.append((_LEVEL_RANK[key[0]], *key))
        if found:
            places[s] = min(found)[1:]
        codes = {
            str(o)[len(sdg) :].split(".")[0]
            for o in by_pred.get(DCT.subject, ())
            if str(o).startswith(sdg)
        }
        if codes:
            goals[s] = sorted((c for c in codes if c.isdigit()), key=int)
    return _Raw(types, places, goals, Labels.build(store))


_CACHES: weakref.WeakKeyDictionary[Store, VersionedCache[_Raw]] = weakref.WeakKeyDictionary()


def raw_for(store: Store) -> _Raw:
    """Type, place and SDG goals of every resource of `store`, built once per graph version
    (used by the result cards; `webui.warmup` calls it so no visitor waits for it)."""
    cache = _CACHES.get(store)
    if cache is None:
        cache = _CACHES[store] = VersionedCache(store, _build)
    return cache.get()


def _raw() -> _Raw:
    return raw_for(get_instance().store)


def place_name(level: str, code: str) -> str:
    """« Lille », « Somme (80) », « Hauts-de-France », « Métropole de Lyon » for a territory."""
    t = territories().get((level, code))
    if t is None:
        return code
    return f"{t.name} ({code})" if level == "departement" else t.name


def facts(iri: object) -> Facts:
    """The type, place and SDG goals of the resource `iri` (empty fields when unknown)."""
    raw = _raw()
    key = URIRef(str(iri))
    out = Facts(goals=raw.goals.get(key, []))
    kind = raw.types.get(key)
    if kind is not None:
        label = raw.labels.of(kind)
        out.type, out.type_label = label.code, pick(label.fr, label.en)
    place = raw.places.get(key)
    if place is not None:
        out.place = place_name(*place)
    return out


def partner_card(result: dict[str, Any]) -> Facts:
    """Facts of a suggested partner (a result of `Recommender.partners`)."""
    return facts(result.get("iri", ""))


ERROR_TITLES = {
    400: lazy_gettext("The request could not be understood"),
    404: lazy_gettext("Page not found"),
    405: lazy_gettext("Request not allowed"),
    406: lazy_gettext("This format is not available"),
    413: lazy_gettext("Request too large"),
    429: lazy_gettext("Too many requests"),
    500: lazy_gettext("Something went wrong on our side"),
}


def error_title(status: int) -> str:
    """The heading of an error page, in plain words (« Page introuvable »)."""
    if status in ERROR_TITLES:
        return str(ERROR_TITLES[status])
    if status >= 500:
        return str(ERROR_TITLES[500])
    return str(ERROR_TITLES[400])


def error_help(status: int) -> str:
    """What the visitor can do next."""
    if status == 404:
        return gettext("Check the address, or search for what you were looking for.")
    if status >= 500:
        return gettext("The error has been recorded. Please try again in a moment.")
    if status == 429:
        return gettext("Please wait a moment before trying again.")
    return gettext("Check what was entered and try again.")


#: YASGUI's own English labels and their translations (the editor has no i18n of its own; the
#: SPARQL page relabels its controls from this table).
YASGUI_LABELS = (
    N_("Run query"),
    N_("Share query"),
    N_("Download result"),
    N_("Filter query results"),
    N_("Simple view"),
    N_("Ellipse"),
    N_("Show all"),
    N_("New Tab"),
    N_("Close tab"),
    N_("Rename Tab"),
    N_("Copy Tab"),
    N_("Close other tabs"),
    N_("Undo close Tab"),
    N_("Open settings"),
    N_("Close settings"),
    N_("Table"),
    N_("Response"),
    N_("Previous"),
    N_("Next"),
    N_("First"),
    N_("Last"),
    N_("No data available in table"),
    N_("No matching records found"),
    N_("Try query in a new browser window"),
    N_("Download Results"),
    N_("Querying is disabled."),
    N_("Endpoint is down"),
    N_("Invalid JSON response"),
    N_("Request method"),
    N_("Page size:"),
    N_("All"),
    N_("True"),
    N_("False"),
    N_("Add tab"),
    N_("Add a new tab"),
    N_("Clear endpoint"),
)

#: YASGUI's sentences with numbers or names in them: (regular expression on the whole English
#: text, message whose `{1}`, `{2}` are the expression's groups). Tried in this order.
YASGUI_PATTERNS = (
    (r"^1 result in ([\d.]+) seconds?$", N_("1 result in {1} seconds")),
    (r"^(\d+) results in ([\d.]+) seconds?$", N_("{1} results in {2} seconds")),
    (r"^1 result$", N_("1 result")),
    (r"^(\d+) results$", N_("{1} results")),
    (r"^Response in ([\d.]+) seconds?$", N_("Response in {1} seconds")),
    (r"^View documentation of (.+)$", N_("View documentation of {1}")),
)


def yasgui_labels() -> dict[str, str]:
    """English YASGUI label → label in the page's language (empty in English)."""
    if current_lang() == "en":
        return {}
    return {label: gettext(label) for label in YASGUI_LABELS}


def yasgui_patterns() -> list[tuple[str, str]]:
    """YASGUI's sentences with numbers in them: [JavaScript regular expression, translated
    template with `{1}`, `{2}`… for its groups] (empty in English); see `YASGUI_PATTERNS`."""
    if current_lang() == "en":
        return []
    return [(pattern, gettext(template)) for pattern, template in YASGUI_PATTERNS]


def init_app(app: Flask) -> None:
    """Make the naming helpers available to every template."""
    app.jinja_env.globals.update(
        kind_label=kind_label,
        facet_label=facet_label,
        sdg_goal_name=sdg_goal_name,
        facts=facts,
        partner_card=partner_card,
        actor_type_icons=ACTOR_TYPE_ICONS,
        level_text=level_text,
        pillar_text=pillar_text,
        criterion_text=criterion_text,
        error_title=error_title,
        error_help=error_help,
        yasgui_labels=yasgui_labels,
        yasgui_patterns=yasgui_patterns,
    )
