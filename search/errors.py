"""Errors of the search layer, in the application's hierarchy (they carry their HTTP status)."""

from __future__ import annotations

from graph.errors import BadRequest, StoreError


class SearchError(BadRequest):
    """A search request is malformed (an unknown facet, a bad page number)."""

    code = "bad_search"


class SearchUnavailable(StoreError):
    """The index cannot be read or written right now."""

    code = "search_unavailable"
