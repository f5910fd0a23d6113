"""Helpers shared by the issue-6 tests: a demo instance, the app on it, a live HTTP server."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from werkzeug.serving import make_server


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
