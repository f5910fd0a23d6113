"""The one place where errors become HTTP responses: JSON for API clients, HTML otherwise."""

from __future__ import annotations

import logging

from flask import Flask, Response, current_app, jsonify, render_template, request
from flask_limiter import RateLimitExceeded
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from graph.errors import AlliancesError

from .conneg import HTML, JSON, preferred
from .i18n import N_, both

#: Messages for HTTP errors raised without a description of their own (werkzeug's defaults are
#: English only).
HTTP_MESSAGES = {
    404: N_("This page does not exist, or no longer exists."),
    405: N_("This address does not accept this kind of request."),
    413: N_("The request is too large (at most %(limit)s bytes)."),
}

#: The message of a 429 from the rate limiter (`webui.security`).
RATE_LIMITED = N_(
    "Too many requests from your address (at most %(amount)s in %(window)s seconds). Please "
    "wait %(seconds)s seconds and try again."
)

log = logging.getLogger(__name__)


def wants_json() -> bool:
    """API paths, `.json` URLs, clients that prefer JSON to HTML and clients that accept no HTML
    (a SPARQL client asking for results, say) get JSON errors (`webui.conneg`)."""
    if request.path.startswith("/api/") or request.path.endswith(".json"):
        return True
    return preferred([HTML, JSON]) is not HTML


def _respond(status: int, payload: dict[str, object]) -> tuple[Response | str, int]:
    if wants_json():
        return jsonify(payload), status
    return render_template("error.html", status=status, error=payload), status


def init_app(app: Flask) -> None:
    """Register the error handlers."""

    @app.errorhandler(AlliancesError)
    def handle_alliances_error(exc: AlliancesError):  # type: ignore[no-untyped-def]
        return _respond(exc.status, exc.to_dict())

    @app.errorhandler(RateLimitExceeded)
    def handle_rate_limited(exc: RateLimitExceeded):  # type: ignore[no-untyped-def]
        payload = {
            "error": "too_many_requests",
            **both(
                RATE_LIMITED,
                amount=exc.limit.limit.amount,
                window=exc.limit.limit.get_expiry(),
                seconds=_retry_after(exc),
            ),
        }
        return _respond(429, payload)

    @app.errorhandler(RequestEntityTooLarge)
    def handle_too_large(exc: RequestEntityTooLarge):  # type: ignore[no-untyped-def]
        limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
        return _respond(
            413, {"error": "payload_too_large", **both(HTTP_MESSAGES[413], limit=limit)}
        )

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


def _retry_after(exc: RateLimitExceeded) -> int:
    """Seconds until the client's window ends (what `Retry-After` says)."""
    import time

    limiter = current_app.extensions.get("alliances_limiter")
    window = limiter.current_limit if limiter is not None else None
    if window is None:
        return int(exc.limit.limit.get_expiry())
    return max(1, int(window.reset_at - time.time()))
