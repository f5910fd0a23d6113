"""Server-rendered pages: home and one page per actor, alliance, tool, SDG and territory.

The search page lives in `pages_search`, the partner finder, examples and tools in `pages_reco`,
the SDG pages in `pages_sdg`, the territory pages and the map in `pages_geo`, the about page in
`pages_about`; `init_app` registers all of them.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    redirect,
    render_template,
    request,
    url_for,
)
from rdflib import URIRef
from werkzeug.wrappers import Response as WerkzeugResponse

from graph import iris
from graph.errors import NotFound
from graph.queries.describe import Resource, describe
from graph.queries.duplicates import canonical_of
from graph.queries.pages import cached_stats, pages_index
from graph.reference import LEVELS as TERRITORY_LEVELS
from graph.reference import territory_iri
from ontology.namespaces import SDG

from . import (
    i18n,
    pages_about,
    pages_geo,
    pages_reco,
    pages_sdg,
    pages_search,
    pointmap,
    present,
    sources,
)
from .api_reco import recommender_for
from .app_context import get_instance
from .conneg import HTML, negotiate
from .i18n import N_, both, current_lang
from .pages_ego import ego_network
from .pages_resources import downloads, evaluation_page, raw_rows, tool_page
from .pages_views import actor_page, alliance_page
from .sources import of_resource
from .sparql.mediatypes import GRAPHS

bp = Blueprint("pages", __name__)

KINDS = iris.KINDS

__all__ = ["KINDS", "current_lang", "render_resource", "resource_iri", "init_app"]


@bp.route("/")
def home() -> str:
    """Home page: search box, counts and entry points."""
    inst = get_instance()
    return render_template(
        "home.html", counts=cached_stats(inst.store), map_src=pointmap.map_src("all")
    )


def resource_iri(kind: str, ident: str) -> URIRef:
    """IRI of an instance resource from its kind and local id (ValueError when malformed)."""
    if kind == "sdg":
        return SDG[ident]
    if kind in TERRITORY_LEVELS:
        return territory_iri(kind, ident)
    return iris.mint(get_instance().base, kind, ident)


#: What a missing resource page says, per kind.
NOT_FOUND = {
    "actor": N_("There is no actor « %(id)s »."),
    "alliance": N_("There is no alliance « %(id)s »."),
    "tool": N_("There is no tool « %(id)s »."),
    "evaluation": N_("There is no evaluation « %(id)s »."),
}


def load_resource(kind: str, ident: str) -> Resource:
    """Describe a resource, or 404 when the kind or id is unknown or malformed."""
    if kind not in KINDS or not iris.is_id(ident):
        abort(404)
    store = get_instance().store
    iri = resource_iri(kind, ident)
    res = describe(store, iri, current_lang())
    if res is None:
        canonical = canonical_of(store, iri)  # a record merged into another actor
        parsed = iris.parse(get_instance().base, canonical) if canonical is not None else None
        if parsed is not None:
            target = url_for("pages.resource_page", kind=parsed.kind, ident=parsed.ident)
            abort(redirect(target, 301))
        raise NotFound(**both(NOT_FOUND[kind], id=ident))
    return res


def render_resource(kind: str, ident: str) -> str:
    """The HTML page of a resource (also used by content negotiation on /id/)."""
    if kind == "sdg":
        return pages_sdg.sdg_page(ident)
    if kind in TERRITORY_LEVELS:
        return pages_geo.territory_page(kind, ident)
    res = load_resource(kind, ident)
    inst = get_instance()
    lang = current_lang()
    common = {
        "kind": kind,
        "ident": ident,
        "res": res,
        "raw_rows": raw_rows(res, inst.base),
        "downloads": downloads(kind, ident),
        "record_sources": of_resource(inst.store, res.iri),
    }
    if kind == "actor":
        page = actor_page(inst, res, ident, lang)
        ego = ego_network(
            recommender_for(inst).network.get(),
            res.iri,
            page.label,
            inst.base,
            lambda: pages_index(inst.store).labels,
        )
        return render_template("actor.html", page=page, ego=ego, **common)
    if kind == "alliance":
        return render_template(
            "alliance.html", page=alliance_page(inst, res, ident, lang), **common
        )
    if kind == "tool":
        return render_template("tool.html", page=tool_page(res, inst.base), **common)
    if kind == "evaluation":
        return render_template("evaluation.html", page=evaluation_page(res, inst.base), **common)
    return render_template("resource.html", label=res.label(lang), description="", **common)


def favicon() -> Response:
    """Browsers that ask for /favicon.ico get the SVG icon."""
    return redirect(url_for("static", filename="favicon.svg"), code=301)


@bp.route("/<any(actor, alliance, tool, evaluation, sdg):kind>/<ident>")
def resource_page(kind: str, ident: str) -> Response | str:
    """Page of an actor, alliance, tool, evaluation or SDG goal/target.

    The page of an instance has RDF alternates: a client that prefers one of them (`Accept:
    text/turtle`, `?format=ttl`) gets 303 to `/id/{kind}/{id}.{ext}` (`webui.conneg`)."""
    if kind in KINDS:
        if not iris.is_id(ident):
            abort(404)
        media = negotiate([HTML, *GRAPHS], request.args.get("format"))
        if media is not HTML:
            load_resource(kind, ident)  # an unknown resource is a 404, in the error's shape
            target = url_for(
                "linked_data.instance_doc", rest=f"{kind}/{ident}", ext=media.extension
            )
            return redirect(target, code=303)
    return render_resource(kind, ident)


@bp.route("/territoire/<any(region, departement, epci, commune):level>/<code>")
def territory_page(level: str, code: str) -> str:
    """Page of a territory: name, chain, actors and alliances in it or below.

    `level` is `region`, `departement`, `epci` (code: the SIREN) or `commune`."""
    return render_resource(level, code)


@bp.route("/territoire/intercommunalite/<code>")
def intercommunality_page(code: str) -> WerkzeugResponse:
    """The INSEE path segment of an EPCI IRI, redirected to `/territoire/epci/<SIREN>`."""
    return redirect(url_for("pages.territory_page", level="epci", code=code), 301)


def init_app(app: Flask) -> None:
    """Register the pages and the translation helper."""
    i18n.init_app(app)
    present.init_app(app)
    app.register_blueprint(bp)
    app.add_url_rule("/favicon.ico", "favicon", favicon)
    pages_search.init_app(app)
    pages_reco.init_app(app)
    pages_sdg.init_app(app)
    pages_geo.init_app(app)
    pages_about.init_app(app)
    sources.init_app(app)
