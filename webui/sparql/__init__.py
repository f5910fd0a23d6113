"""The public SPARQL endpoint: protocol, media types, safety checks, isolated query workers,
service description and the query page with its examples.

Kept light on purpose: query worker processes import `webui.sparql.workers`, and so this package,
at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Attach the endpoint to the app."""
    from .endpoint import init_app as _init_app

    _init_app(app)
