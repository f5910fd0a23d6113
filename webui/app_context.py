"""Access to the current application's instance (no module-level globals)."""

from __future__ import annotations

from flask import current_app

from .instance import Instance


def get_instance() -> Instance:
    """The Instance attached to the current app by `create_app`."""
    return current_app.extensions["alliances"]  # type: ignore[no-any-return]
