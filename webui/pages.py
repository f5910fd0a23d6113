"""Server-rendered pages: home and one page per actor, alliance, tool, SDG and territory."""

from __future__ import annotations

from flask import Blueprint, Flask, abort, render_template, request
from rdflib import URIRef

from graph.queries.describe import Resource, describe
from graph.queries.stats import stats
from ontology.namespaces import INSEE_GEO, SDG

from .app_context import get_instance

bp = Blueprint("pages", __name__)

KINDS = ("actor", "alliance", "tool", "evaluation")


def current_lang() -> str:
    """Interface language: ?lang=, then the cookie, then the default."""
    lang = request.args.get("lang") or request.cookies.get("lang") or "fr"
    return lang if lang in ("fr", "en") else "fr"


@bp.route("/")
def home() -> str:
    """Home page: search box, counts and entry points."""
    inst = get_instance()
    return render_template("home.html", counts=stats(inst.store), lang=current_lang())


def resource_iri(kind: str, ident: str) -> URIRef:
    """IRI of an instance resource from its kind and local id."""
    if kind == "sdg":
        return SDG[ident]
    if kind in ("region", "departement", "commune"):
        return INSEE_GEO[f"{kind}/{ident}"]
    return URIRef(f"{get_instance().base}{kind}/{ident}")


def load_resource(kind: str, ident: str) -> Resource:
    """Describe a resource or 404."""
    if kind not in (*KINDS, "sdg", "region", "departement", "commune"):
        abort(404)
    res = describe(get_instance().store, resource_iri(kind, ident), current_lang())
    if res is None:
        abort(404, description=f"{kind} {ident} introuvable / not found")
    return res


def render_resource(kind: str, ident: str) -> str:
    """The HTML page of a resource (also used by content negotiation on /id/)."""
    res = load_resource(kind, ident)
    return render_template("resource.html", kind=kind, ident=ident, res=res, lang=current_lang())


@bp.route("/<any(actor, alliance, tool, evaluation, sdg):kind>/<ident>")
def resource_page(kind: str, ident: str) -> str:
    """Page of an actor, alliance, tool, evaluation or SDG goal/target."""
    return render_resource(kind, ident)


@bp.route("/territoire/<any(region, departement, commune):level>/<code>")
def territory_page(level: str, code: str) -> str:
    """Page of a territory."""
    return render_resource(level, code)


def init_app(app: Flask) -> None:
    """Register the pages."""
    app.register_blueprint(bp)
