"""Issue 12 « Proof »: people's journeys in Debian's chromium (Playwright) at 1280 and 360 px,
asserting what the person sees, with a screenshot of each step; and the map of actors.

Screenshots are test artefacts: they go to $ALLIANCES_TEST_ARTEFACTS when set (CI can keep that
folder), else to a pytest temporary folder. Skipped when Playwright or chromium is missing.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ._publishing import CHROMIUM, chromium, live_server
from .test_pointmap import placed_triples

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = {"1280": (1280, 900), "360": (360, 800)}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed"),
]


@pytest.fixture(scope="module")
def artefacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots go."""
    folder = os.environ.get("ALLIANCES_TEST_ARTEFACTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("artefacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def server(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a copy of the demo instance plus a few placed actors (one named with markup),
    served on a free local port."""
    from graph.store import Write
    from webui.app import create_app
    from webui.instance import Instance

    home = tmp_path_factory.mktemp("journeys") / "instance"
    shutil.copytree(demo_home, home)
    inst = Instance.open({"HOME": str(home)})
    inst.store.write(Write(source="test-journeys", triples=placed_triples(inst.base)))
    with live_server(create_app(instance=inst)) as url:
        yield url
    inst.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Debian chromium driven by Playwright."""
    with chromium(ARGS) as b:
        yield b


@pytest.fixture(params=list(WIDTHS))
def page(request, browser):  # type: ignore[no-untyped-def]
    """A fresh French page at 1280 or 360 px; fails the test on any JavaScript error or dialog."""
    width, height = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    p.width = request.param
    yield p
    context.close()
    assert not errors, errors


def fits(page) -> None:  # type: ignore[no-untyped-def]
    """No horizontal scrolling."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url}: {width} px wide"


def test_newcomer_self_assessment_to_a_recommended_tool(server: str, page, artefacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/ou-en-etes-vous")
    assert page.get_by_role("heading", level=1).inner_text()
    fieldsets = page.locator("form fieldset").all()
    assert len(fieldsets) >= 5
    for fieldset in fieldsets:  # a newcomer: the second answer of each question
        radios = fieldset.locator("input[type=radio]")
        radios.nth(min(1, radios.count() - 1)).check()
    page.get_by_role("button", name="Voir mon niveau").click()
    page.wait_for_url("**/ou-en-etes-vous?*")
    level = page.locator("#h-level")
    assert re.fullmatch(r"Votre niveau : .+", level.inner_text()), level.inner_text()
    explained = page.locator("section.level p.lead").inner_text()
    assert len(explained.split()) >= 8, explained  # the level in a sentence
    assert page.locator("svg.pillars[role=img]").is_visible()
    tools = page.locator("section[aria-labelledby=h-now] a[href^='/tool/']")
    assert 5 <= tools.count() <= 8, tools.count()
    assert page.get_by_role("heading", name=re.compile("^Pour passer au niveau")).is_visible()
    fits(page)
    page.screenshot(path=str(artefacts / f"newcomer-level-{page.width}.png"), full_page=True)
    name = tools.first.inner_text().strip()
    tools.first.click()
    page.wait_for_url("**/tool/**")
    assert page.get_by_role("heading", level=1).inner_text().strip() == name
    opener = page.get_by_role("link", name="Ouvrir l’outil")
    assert opener.is_visible() and opener.get_attribute("href").startswith("http")
    fits(page)
    page.screenshot(path=str(artefacts / f"newcomer-tool-{page.width}.png"), full_page=True)


def test_researcher_runs_an_example_query(server: str, page, artefacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/sparql")
    example = page.locator("ul.examples > li").first
    title = example.locator("h3").inner_text()
    assert title and example.locator("p").first.inner_text()
    run = page.locator("#yasgui button[title='Exécuter la requête']")
    run.wait_for(timeout=15000)
    example.get_by_role("link", name="Ouvrir dans l’éditeur").click()  # loads it in the editor
    page.wait_for_url(lambda url: "/sparql?query=" in url)
    assert "SELECT" in page.locator("#yasgui .CodeMirror-code").inner_text().upper()
    run.click()
    rows = page.locator("#yasgui .yasr table tbody tr")
    rows.first.wait_for(timeout=15000)
    assert rows.count() >= 1
    cells = [c.strip() for c in rows.first.locator("td").all_inner_texts()]
    assert any(cells[1:]), cells  # the first column is the row number
    headers = page.locator("#yasgui .yasr table thead th").all_inner_texts()
    assert len([h for h in headers if h.strip()]) >= 1, headers
    # The editor's own words are French too, those with numbers in them included.
    page.wait_for_function(
        "() => /^\\d+ résultats? en [\\d.]+ s$/.test("
        "(document.querySelector('#yasgui .yasr_response_chip') || {}).textContent || '')",
        timeout=10000,
    )
    editor = page.locator("#yasgui").inner_text()
    assert "results in" not in editor and "Page size" not in editor, editor[:300]
    assert page.locator("#yasgui .clearEndpointBtn").is_hidden()
    fits(page)
    page.screenshot(path=str(artefacts / f"researcher-sparql-{page.width}.png"), full_page=True)


def test_map_of_actors_draws_clusters_and_names_as_text(server: str, page, artefacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    section = page.locator("section.pointmap")
    section.and_(page.locator("[data-state=ready]")).wait_for(timeout=15000)
    marks = page.locator("section.pointmap g.marks > a")
    clusters = page.locator("section.pointmap g.marks > a.cluster")
    assert clusters.count() > 0 and marks.count() > clusters.count()
    status = page.locator(".pointmap-status").inner_text()
    assert re.match(r"\d[\d\u202f ]* acteurs sur la carte\.", status), status
    assert "hors de la carte" in status  # Saint-Pierre-et-Miquelon
    fits(page)
    page.screenshot(path=str(artefacts / f"map-home-{page.width}.png"), full_page=True)
    before = section.locator("svg").get_attribute("viewBox")
    first = clusters.first
    first.click()  # zooms in on it
    page.wait_for_function(
        "v => document.querySelector('svg.pointmap-svg').getAttribute('viewBox') !== v", arg=before
    )
    section.and_(page.locator("[data-state=ready]")).wait_for(timeout=15000)
    assert page.get_by_role("button", name="Toute la carte").is_visible()
    # the list equivalent, on Paris's page: the actor named with markup is plain text
    page.goto(server + "/territoire/commune/75056")
    section.and_(page.locator("[data-state=ready]")).wait_for(timeout=15000)
    page.locator("section.pointmap summary", has_text="Liste des lieux de la carte").click()
    name = "<script>alert(1)</script> & Cie"
    link = page.locator("section.pointmap table a", has_text=name)
    assert link.count() == 1 and link.inner_text() == name
    assert link.get_attribute("href") == "/actor/balise"
    assert page.evaluate("document.querySelectorAll('section.pointmap script').length") == 0
    page.screenshot(path=str(artefacts / f"map-paris-{page.width}.png"), full_page=True)


def test_lille_facilitator_finds_a_food_waste_partner(server: str, page, artefacts: Path) -> None:  # type: ignore[no-untyped-def]
    """« Lille » typed, no suggestion picked, a food-waste project described in French."""
    page.goto(server + "/partenaires")
    page.locator("#territory").fill("Lille")
    page.locator("#text").fill(
        "Nous voulons réduire le gaspillage alimentaire : collecter les invendus des commerces "
        "et les redistribuer aux familles."
    )
    page.get_by_role("button", name="Chercher", exact=True).click()
    page.wait_for_url("**#resultats")
    page.get_by_role("heading", name="Partenaires proposés").wait_for()
    top = page.evaluate("document.getElementById('resultats').getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"], f"results start {top} px down"
    assert page.get_by_text("Autour de Lille.").is_visible()  # the typed place was understood
    understood = page.locator("section[aria-labelledby=h-understood]").inner_text()
    assert "12.3" in understood, understood  # the food-waste SDG target read in the text
    cards = page.locator("#resultats ol.cards > li")
    assert cards.count() > 0
    first = cards.first
    assert first.locator("h3 a").inner_text().strip()
    assert first.locator("ul li").count() > 0  # the reasons
    assert "commune:" not in page.locator("main").inner_text()
    fits(page)
    page.screenshot(path=str(artefacts / f"lille-partners-{page.width}.png"), full_page=True)
