"""The journey search → actor → partners in real Chromium (Playwright), also at 360 px wide.

Skipped when Playwright or Debian's chromium is missing. Screenshots go to tests/output/.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
OUTPUT = Path(__file__).parent / "output"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed"),
]


@pytest.fixture(scope="module")
def server(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a copy of the demo instance, served on a free local port."""
    from werkzeug.serving import make_server

    from webui.app import create_app
    from webui.instance import Instance

    home = tmp_path_factory.mktemp("browser") / "instance"
    shutil.copytree(demo_home, home)
    inst = Instance.open({"HOME": str(home)})
    srv = make_server("127.0.0.1", 0, create_app(instance=inst))
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    thread.join(5)
    inst.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Debian chromium driven by Playwright."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


def test_search_actor_partners_journey(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    OUTPUT.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(server + "/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_label("Rechercher un acteur").fill("numérique")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url("**/recherche?*")
    assert page.locator("mark").count() > 0
    page.get_by_label("Acteur (").check()  # the kind facet, submitted with the GET form
    page.get_by_role("button", name="Appliquer").click()
    page.wait_for_url("**kind=actor**")
    page.locator(".hits h3 a").first.click()
    page.wait_for_url("**/actor/**")
    assert page.get_by_role("heading", name="Partenaires complémentaires").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"horizontal scroll at 360 px: {width}"
    page.screenshot(path=str(OUTPUT / "actor-360.png"), full_page=True)
    partner = page.locator("#h-partners ~ ol a, section[aria-labelledby=h-partners] h3 a").first
    name = partner.inner_text()
    partner.click()
    page.wait_for_url("**/actor/**")
    assert page.get_by_role("heading", level=1).inner_text() == name
    page.goto(server + "/partenaires?needs=financement&lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Suggested partners").is_visible()
    page.screenshot(path=str(OUTPUT / "partners-en.png"), full_page=True)
    page.close()
