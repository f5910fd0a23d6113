"""Dereferenceable IRIs: instances under `/id/`, the ontology at `/ns`, concept schemes at
`/ns/<scheme>` and their concepts.

Decision (docs/sparql.md): an IRI names a thing (an organisation, an alliance, a concept), not a
document, so `/id/…` and `/ns…` answer `303 See Other` to the document in the negotiated format:
`….ttl`, `….jsonld`, `….rdf`, `….nt` (the suffix variants, served directly with 200) or the HTML
page. Each document carries `Vary: Accept` on the 303, an ETag and Last-Modified from the store
version, and open CORS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Flask, Response, abort, redirect, render_template, request, url_for
from rdflib import BNode, URIRef

from graph import iris
from graph.errors import NotAcceptable, NotFound
from graph.queries import publishing
from graph.serialize import can_write
from ontology.namespaces import NS_BASE, SCHEMES, scheme_iri

from .app_context import get_instance
from .pages import current_lang, render_resource
from .rdfdoc import finish, negotiate_graph, not_modified, rdf_response, serialize_triples
from .sparql.mediatypes import BY_EXTENSION, MediaType

bp = Blueprint("linked_data", __name__)

EXTENSIONS = ("ttl", "jsonld", "rdf", "nt", "html")
_EXT_RE = "|".join(EXTENSIONS)


def _see_other(
    html_url: str, doc_endpoint: str, triples: Callable[[], list[Any]] | None = None, **values: Any
) -> Response:
    """303 to the representation the client prefers (`Vary: Accept`).

    When RDF/XML wins but cannot carry the document (`triples()`), the client's next choice is
    taken instead, and when it has none a 406 `not_representable` saying why (the same answer as
    the `.rdf` document).
    """
    fmt = request.args.get("format")
    media = negotiate_graph(fmt)
    if (
        media is not None
        and media.key == "rdfxml"
        and triples is not None
        and not can_write(triples(), media.key)
    ):
        try:
            media = negotiate_graph(fmt, exclude=(media.key,))
        except NotAcceptable:
            # RDF/XML was the client's only choice: say what it cannot carry (NotRepresentable,
            # 406, naming the predicate and the formats that can), not a bare « none of the
            # media types can be produced »
            serialize_triples(triples(), media)
            raise
    target = html_url if media is None else url_for(doc_endpoint, ext=media.extension, **values)
    return finish(redirect(target, code=303))


def _document(triples: list[Any], ext: str, tag: str) -> Response:
    media: MediaType = BY_EXTENSION[ext]
    cached = not_modified(tag + ext)
    if cached is not None:
        return cached
    return rdf_response(serialize_triples(triples, media), media, tag + ext)


def _generic_html(iri: URIRef, triples: list[Any], title: str) -> str:
    rows = sorted(
        ([_cell(s), _cell(p), _cell(o)] for s, p, o in triples),
        key=lambda r: (r[0][1] != str(iri), r[0][1], r[1][1], r[2][1]),
    )
    return render_template(
        "rdf_document.html",
        iri=iri,
        title=title,
        rows=rows,
        lang=current_lang(),
        formats=[
            (m, request.path.rsplit(".", 1)[0] + "." + m.extension) for m in BY_EXTENSION.values()
        ],
    )


def _cell(term: Any) -> tuple[str, str, str]:
    """(kind, text, link) of a term for the HTML table."""
    if isinstance(term, URIRef):
        return "iri", str(term), str(term)
    if isinstance(term, BNode):
        return "bnode", f"_:{term}", ""
    suffix = f"@{term.language}" if getattr(term, "language", None) else ""
    return "literal", str(term) + suffix, ""


# -- instances ---------------------------------------------------------------------------------
@bp.route("/id/<path:rest>")
def instance(rest: str) -> Response | str:
    """An IRI `{base}{rest}` under the instance base: 303 to its page or RDF document.

    `rest` is checked segment by segment (`graph.iris.is_path`): anything else is a 404.
    """
    stem, dot, ext = rest.rpartition(".")
    if dot and ext in EXTENSIONS and "/" in stem:
        return instance_document(stem, ext)
    if rest in ("catalog", "dataset"):
        return _see_other(url_for("catalog.catalog_page"), "catalog.catalog_document")
    if not iris.is_path(rest):
        abort(404)
    base = get_instance().base
    found = iris.parse(base, base + rest)
    if found is not None:
        return _see_other(
            url_for("pages.resource_page", kind=found.kind, ident=found.ident),
            "linked_data.instance_doc",
            lambda: publishing.resource_document(get_instance().store, iris.under(base, rest)),
            rest=rest,
        )
    triples = _triples_or_404(rest)
    return _see_other(
        url_for("linked_data.instance_doc", rest=rest, ext="html"),
        "linked_data.instance_doc",
        lambda: triples,
        rest=rest,
    )


@bp.route("/id/<path:rest>.<any(" + ",".join(EXTENSIONS) + "):ext>", endpoint="instance_doc")
def instance_document(rest: str, ext: str) -> Response | str:
    """The document of an instance in one format (`.html`, `.ttl`, `.jsonld`, `.rdf`, `.nt`)."""
    if not iris.is_path(rest):
        abort(404)
    base = get_instance().base
    found = iris.parse(base, base + rest)
    if ext == "html" and found is not None:
        return render_resource(found.kind, found.ident)
    triples = _triples_or_404(rest)
    if ext == "html":
        return _generic_html(iris.under(base, rest), triples, rest)
    return _document(triples, ext, f"id/{rest}.")


def _triples_or_404(rest: str) -> list[Any]:
    """The document of `{base}{rest}` (a path checked by `iris.is_path`), or 404 when empty."""
    iri = iris.under(get_instance().base, rest)
    triples = publishing.resource_document(get_instance().store, iri)
    if not any(t[0] == iri for t in triples):
        raise NotFound(f"{rest} not found", message_fr=f"{rest} introuvable")
    return triples


# -- vocabulary --------------------------------------------------------------------------------
def _vocab(path: str) -> tuple[URIRef, str, str]:
    """(IRI, prefix of its terms, title) of `/ns`, `/ns/<scheme>` or `/ns/<scheme>/<code>`."""
    if not path:
        return URIRef(NS_BASE), NS_BASE + "#", "Alliances ontology"
    scheme, _, code = path.partition("/")
    if scheme not in SCHEMES or "/" in code:
        abort(404)
    if not code:
        iri = scheme_iri(scheme)
        return iri, str(iri) + "/", scheme
    iri = SCHEMES[scheme][code] if code in SCHEMES[scheme]._extras else None
    if iri is None:
        abort(404)
    return iri, str(iri) + "#", f"{scheme}/{code}"


@bp.route("/ns", defaults={"path": ""})
@bp.route("/ns/<path:path>")
def vocabulary(path: str) -> Response | str:
    """The ontology, a concept scheme or a concept: 303 to its document; suffix variants."""
    stem, dot, ext = path.rpartition(".")
    if dot and ext in EXTENSIONS:
        return vocabulary_document(stem, ext)
    iri, prefix, _title = _vocab(path)
    return _see_other(
        url_for("linked_data.vocabulary_doc", path=path, ext="html"),
        "linked_data.vocabulary_doc",
        lambda: publishing.vocabulary_document(get_instance().store, iri, prefix),
        path=path,
    )


@bp.route(
    "/ns.<any(" + ",".join(EXTENSIONS) + "):ext>", defaults={"path": ""}, endpoint="vocabulary_doc"
)
@bp.route("/ns/<path:path>.<any(" + ",".join(EXTENSIONS) + "):ext>", endpoint="vocabulary_doc")
def vocabulary_document(path: str, ext: str) -> Response | str:
    """The document of the ontology, a scheme or a concept in one format."""
    iri, prefix, title = _vocab(path)
    triples = publishing.vocabulary_document(get_instance().store, iri, prefix)
    if not triples:
        abort(404)
    if ext == "html":
        return _generic_html(iri, triples, title)
    return _document(triples, ext, f"ns/{path}.")


@bp.route("/ns/", defaults={"path": ""})
def vocabulary_slash(path: str) -> Response:  # noqa: ARG001
    """`/ns/` is `/ns`."""
    return redirect(url_for("linked_data.vocabulary"), code=301)


def init_app(app: Flask) -> None:
    """Register the linked-data routes."""
    app.register_blueprint(bp)
