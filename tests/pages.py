"""Helpers for the page tests."""

from __future__ import annotations


def html(client, url: str, status: int = 200) -> str:  # type: ignore[no-untyped-def]
    """GET `url`, check the status, return the page text."""
    resp = client.get(url)
    assert resp.status_code == status, (url, resp.status_code)
    return resp.get_data(as_text=True)
