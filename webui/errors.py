"""The one place where errors become HTTP responses: JSON for API clients, HTML otherwise."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from graph.errors import AlliancesError

from .conneg import HTML, JSON, preferred
from .i18n import N_, both

#: Messages for HTTP errors raised without a description of their own (werkzeug's defaults are
#: English only).
HTTP_MESSAGES = {
    404: N_("This page does not exist, or no longer exists."),
    405: N_("This address does not accept this kind of request."),
}

log = logging.getLogger(__name__)


def wants_json() -> bool:
    """API paths, `.json` URLs and clients that prefer JSON to HTML (`webui.conneg`) get JSON
    errors."""
    if request.path.startswith("/api/") or request.path.endswith(".json"):
        return True
    return preferred([HTML, JSON]) is JSON


def _respond(status: int, payload: dict[str, object]) -> tuple[Response | str, int]:
    if wants_json():
        return jsonify(payload), status
    return render_template("error.html", status=status, error=payload), status


def init_app(app: Flask) -> None:
    """Register the error handlers."""

    @app.errorhandler(AlliancesError)
    def handle_alliances_error(exc: AlliancesError):  # type: ignore[no-untyped-def]
        return _respond(exc.status, exc.to_dict())

    @app.errorhandler(HTTPException)
    def handle_http(exc: HTTPException):  # type: ignore[no-untyped-def]
        code = exc.code or 500
        payload: dict[str, object] = {"error": (exc.name or "error").lower().replace(" ", "_")}
        if exc.description and exc.description != type(exc).description:
            payload.update(message=exc.description, message_fr=exc.description)
        elif code in HTTP_MESSAGES:
            payload.update(both(HTTP_MESSAGES[code]))
        else:
            payload.update(message=exc.description or exc.name, message_fr=exc.description or "")
        return _respond(code, payload)

    @app.errorhandler(Exception)
    def handle_unexpected(exc: Exception):  # type: ignore[no-untyped-def]
        log.exception("unexpected error")
        return _respond(500, {"error": "internal_error", **both(N_("Internal error"))})
