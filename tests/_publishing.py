"""Helpers shared by tests: a demo instance, the app on it, a live HTTP server, Debian chromium."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from werkzeug.serving import make_server

#: Debian's chromium (Playwright's own browser download cannot work here).
CHROMIUM = Path("/usr/bin/chromium")


def open_instance(demo_home: Path, dest: Path, **overrides: Any) -> Any:
    """A private copy of the session's demo instance, opened with setting overrides."""
    from webui.instance import Instance

    home = dest / "instance"
    shutil.copytree(demo_home, home)
    return Instance.open({"HOME": str(home), **overrides})


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Serve `app` on a free loopback port in a thread; yields the base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@contextmanager
def chromium(args: list[str]) -> Iterator[Any]:
    """Headless Debian chromium driven by Playwright, launched with `args`; skips the test when
    Playwright is not installed."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=args, headless=True)
        try:
            yield browser
        finally:
            browser.close()
