"""The one place where errors become HTTP responses: JSON for API clients, HTML otherwise.

The HTML page is the site's error page in plain French (English with `?lang=en`): what happened,
what to do, and a way back. The JSON shape `{"error", "message", "message_fr"}` is a published
contract (tests/test_app.py pins it).
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from graph.errors import AlliancesError

from .conneg import HTML, JSON, preferred

log = logging.getLogger(__name__)

#: Title and advice of the error page per status: (French title, English title, French advice,
#: English advice). Other statuses use the 400 or 500 entry.
PAGES: dict[int, tuple[str, str, str, str]] = {
    400: ("Demande incorrecte", "Bad request",
          "L'adresse ou le formulaire contient une valeur que le site ne comprend pas.",
          "The address or the form holds a value the site does not understand."),
    403: ("Accès refusé", "Forbidden",
          "Cette opération n'est pas permise sur ce site public.",
          "This operation is not allowed on this public site."),
    404: ("Page introuvable", "Page not found",
          "Aucune page ne correspond à cette adresse. Elle a peut-être été mal recopiée, ou "
          "la fiche n'existe plus.",
          "No page matches this address. It may have been mistyped, or the record no longer "
          "exists."),
    405: ("Méthode non permise", "Method not allowed",
          "Cette adresse ne s'utilise pas de cette façon.",
          "This address cannot be used this way."),
    406: ("Format non disponible", "Format not available",
          "Le format demandé n'est pas proposé pour cette adresse.",
          "The requested format is not offered at this address."),
    429: ("Trop de demandes", "Too many requests",
          "Patientez quelques secondes avant de réessayer.",
          "Wait a few seconds before trying again."),
    500: ("Erreur du site", "Site error",
          "Le site a rencontré un problème. Réessayez dans un moment.",
          "The site ran into a problem. Try again in a moment."),
    503: ("Service momentanément indisponible", "Service temporarily unavailable",
          "Le site est très sollicité ou en maintenance. Réessayez dans un moment.",
          "The site is busy or under maintenance. Try again in a moment."),
}


def wants_json() -> bool:
    """API paths, `.json` URLs and clients that prefer JSON to HTML get JSON errors."""
    if request.path.startswith("/api/") or request.path.endswith(".json"):
        return True
    return preferred([HTML, JSON]) is JSON


def page_text(status: int) -> tuple[str, str, str, str]:
    """(title FR, title EN, advice FR, advice EN) of the error page for `status`."""
    return PAGES.get(status) or PAGES[400 if status < 500 else 500]


def _respond(status: int, payload: dict[str, object],
             detail: bool = True) -> tuple[Response | str, int]:
    if wants_json():
        return jsonify(payload), status
    return render_template("error.html", status=status, error=payload, detail=detail,
                           text=page_text(status)), status


def init_app(app: Flask) -> None:
    """Register the error handlers."""

    @app.errorhandler(AlliancesError)
    def handle_alliances_error(exc: AlliancesError):  # type: ignore[no-untyped-def]
        return _respond(exc.status, exc.to_dict())

    @app.errorhandler(HTTPException)
    def handle_http(exc: HTTPException):  # type: ignore[no-untyped-def]
        code = exc.code or 500
        name = (exc.name or "error").lower().replace(" ", "_")
        detail = bool(exc.description) and exc.description != type(exc).description
        if detail:
            message = message_fr = str(exc.description)  # set by the view, in both languages
        else:  # werkzeug's default English sentence: say it in plain words instead
            title_fr, title, advice_fr, advice = page_text(code)
            message, message_fr = f"{title}. {advice}", f"{title_fr}. {advice_fr}"
        return _respond(code, {"error": name, "message": message, "message_fr": message_fr},
                        detail)

    @app.errorhandler(Exception)
    def handle_unexpected(exc: Exception):  # type: ignore[no-untyped-def]
        log.exception("unexpected error")
        return _respond(500, {"error": "internal_error", "message": "Internal error",
                              "message_fr": "Erreur interne"}, detail=False)
