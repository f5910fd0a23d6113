"""The application factory."""

from __future__ import annotations

from typing import Any

from flask import Flask

from . import (
    api_openapi,
    api_reco,
    api_search,
    catalog,
    conneg,
    dumps,
    errors,
    linked_data,
    network_export,
    pages,
    pointmap,
    security,
    serving,
    sparql,
)
from . import settings as settings_mod
from .instance import Instance


def create_app(config: dict[str, Any] | None = None, *, instance: Instance | None = None) -> Flask:
    """Build the Flask app for an instance (opened from the settings unless given)."""
    app = Flask(__name__)
    if instance is None:
        instance = Instance(settings_mod.load(config))
        if not instance.exists:
            instance.init()
    app.config.update(instance.config)
    app.config["JSON_AS_ASCII"] = False
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.extensions["alliances"] = instance
    errors.init_app(app)
    serving.init_app(app)
    conneg.init_app(app)
    pages.init_app(app)
    # Subsystems attach themselves here (one init_app each):
    sparql.init_app(app)
    linked_data.init_app(app)
    dumps.init_app(app)
    catalog.init_app(app)
    network_export.init_app(app)
    api_reco.init_app(app)
    api_search.init_app(app)
    pointmap.init_app(app)
    api_openapi.init_app(app)
    security.init_app(app)  # last: it applies to every route registered above
    return app
