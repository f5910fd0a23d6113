"""The site in real Chromium (Playwright): journeys, keyboard, language switch, and an axe-core
check on every page type. One server and one browser for the whole module.

Skipped when Playwright or Debian's chromium is missing. Screenshots go to tests/output/.
axe-core is vendored (webui/static/vendor/axe-core/) and injected by the test only (by URL: the
site's Content-Security-Policy blocks inline scripts).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ._publishing import CHROMIUM, chromium, live_server

OUTPUT = Path(__file__).parent / "output"
AXE = Path(__file__).parent.parent / "webui" / "static" / "vendor" / "axe-core" / "axe.min.js"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

ACTOR = "association-des-maires-ruraux-de-france"
ALLIANCE = "somme-connectee"
TOOL = "guide-dix-idees-recues"

#: One URL per page type checked with axe-core.
PAGE_TYPES = {
    "home": "/",
    "home-en": "/?lang=en",
    "search": "/recherche?q=eau",
    "search-empty": "/recherche?q=zzzzqqq",
    "actor": f"/actor/{ACTOR}",
    "actor-network": "/actor/departement-somme",
    "alliance": f"/alliance/{ALLIANCE}",
    "tool": f"/tool/{TOOL}",
    "evaluation": "/evaluation/eval-zero-invendu-2023",
    "sdg-goals": "/odd",
    "sdg-goal": "/sdg/6",
    "sdg-target": "/sdg/6.1",
    "territories": "/territoires",
    "territory": "/territoire/region/32",
    "partner-finder": "/partenaires?needs=financement&territory=departement%3A80",
    "examples": "/exemples?idea=Une+recyclerie+avec+des+entreprises+locales",
    "tools-panorama": "/outils",
    "self-assessment": "/ou-en-etes-vous",
    "about": "/a-propos",
    "sparql": "/sparql",
    "catalog": "/catalog",
    "search-filtered": "/recherche?q=&facet=sdg%3D8&kind=actor",
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed"),
]


@pytest.fixture(scope="module")
def server(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a copy of the demo instance, served on a free local port."""
    from webui.app import create_app
    from webui.instance import Instance

    home = tmp_path_factory.mktemp("browser") / "instance"
    shutil.copytree(demo_home, home)
    inst = Instance.open({"HOME": str(home)})
    with live_server(create_app(instance=inst)) as url:
        yield url
    inst.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Debian chromium driven by Playwright."""
    with chromium(ARGS) as b:
        yield b


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh page (own context: no cookies from other tests)."""
    OUTPUT.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    p = context.new_page()
    yield p
    context.close()


def test_search_actor_partners_alliance_analogues_journey(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    OUTPUT.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="fr-FR")
    page = context.new_page()
    page.goto(server + "/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_label("Rechercher un acteur").fill("numérique")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url("**/recherche?*")
    assert page.locator("mark").count() > 0
    page.get_by_text("Filtres").click()  # on a phone the filters start folded
    page.get_by_label("Acteur (").check()  # the kind facet: applies as soon as it changes
    page.wait_for_url("**kind=actor**")
    assert page.locator(".chips .chip").first.inner_text().startswith("Acteur")
    page.locator(".hits h3 a").first.click()
    page.wait_for_url("**/actor/**")
    assert page.get_by_role("heading", name="Partenaires complémentaires").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"horizontal scroll at 360 px: {width}"
    page.screenshot(path=str(OUTPUT / "actor-360.png"), full_page=True)
    partner = page.locator("section[aria-labelledby=h-partners] h3 a").first
    name = partner.inner_text()
    partner.click()
    page.wait_for_url("**/actor/**")
    assert page.get_by_role("heading", level=1).inner_text() == name
    # → one of its alliances → the analogous alliances
    alliances = page.locator("section[aria-labelledby=h-alliances] a")
    if alliances.count() == 0:  # this partner is in no alliance yet: take one from the network
        alliances = page.locator("svg.ego a.alliance")
    if alliances.count() == 0:
        page.goto(server + f"/alliance/{ALLIANCE}")
    else:
        alliances.first.click()
    page.wait_for_url("**/alliance/**")
    assert page.get_by_role("heading", name="Alliances analogues").is_visible()
    page.screenshot(path=str(OUTPUT / "alliance-360.png"), full_page=True)
    analogue = page.locator("section[aria-labelledby=h-analogues] h3 a").first
    name = analogue.inner_text()
    analogue.click()
    page.wait_for_url("**/alliance/**")
    assert page.get_by_role("heading", level=1).inner_text() == name
    context.close()


def test_partner_finder(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/partenaires")
    page.locator("input[type=checkbox][name=needs]").first.check()
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**needs=**")
    assert page.get_by_role("heading", name="Partenaires proposés").is_visible()
    assert page.locator("ol.cards > li").count() > 0
    page.screenshot(path=str(OUTPUT / "partner-finder.png"), full_page=True)
    page.goto(server + "/partenaires?needs=financement&lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Suggested partners").is_visible()
    page.screenshot(path=str(OUTPUT / "partners-en.png"), full_page=True)


def test_partner_finder_completes_communes(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/partenaires")
    page.locator("#territory").press_sequentially("Roubai", delay=30)
    option = page.locator("#places option[value='Roubaix (59)']")  # a text, never a code
    option.wait_for(state="attached", timeout=5000)
    assert option.inner_text() == "Roubaix"
    page.locator("#territory").fill("Roubaix (59)")
    page.locator("input[type=checkbox][name=needs]").first.check()
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**territory=Roubaix**")
    assert page.locator("ol.cards > li").count() > 0


def test_partner_finder_typed_place_results_in_view_on_a_phone(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    """A Lille facilitator on a phone types « Lille » (no suggestion picked), a need and the
    partner types sought: after submit the results are on screen, each card saying where."""
    OUTPUT.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    page = context.new_page()
    page.goto(server + "/partenaires")
    page.locator("#territory").fill("Lille")
    page.locator("#needs-financement").check()
    page.locator("#partner_types-entreprise").check()
    page.locator("#partner_types-fondation").check()
    page.get_by_role("button", name="Chercher", exact=True).click()
    page.wait_for_url("**#resultats")
    heading = page.get_by_role("heading", name="Partenaires proposés")
    heading.wait_for()
    top = page.evaluate("document.getElementById('resultats').getBoundingClientRect().top")
    assert 0 <= top < 740, f"results start {top} px from the top of the screen"
    assert page.evaluate("window.scrollY") > 0  # the page moved to them
    cards = page.locator("#resultats ol.cards > li")
    first = cards.first
    assert first.locator(".distance").inner_text()  # every card says how far
    # real partners come first; the demo's Lille funders after them, marked (issue 12)
    near = cards.filter(has=page.locator(".distance", has_text="même commune")).first
    meta = near.locator(".hit-meta").first.inner_text()
    assert "Lille" in meta and ("Entreprise" in meta or "Fondation" in meta)
    assert near.locator("ul li").count() > 0  # the reasons
    assert "commune:" not in page.locator("main").inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"horizontal scroll at 360 px: {width}"
    page.screenshot(path=str(OUTPUT / "partner-finder-360.png"))
    context.close()


def test_self_assessment_to_tools(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/ou-en-etes-vous")
    for fieldset in page.locator("form fieldset").all():
        fieldset.locator("input[type=radio]").first.check()
    page.get_by_role("button", name="Voir mon niveau").click()
    page.wait_for_url("**/ou-en-etes-vous?*")
    assert page.get_by_role("heading", name="Votre niveau").is_visible()
    page.screenshot(path=str(OUTPUT / "self-assessment.png"), full_page=True)
    assert page.locator("svg.pillars[role=img]").is_visible()
    assert page.get_by_role("heading", name="Pour passer au niveau").is_visible()
    page.locator("section[aria-labelledby=h-now] a[href^='/tool/']").first.click()
    page.wait_for_url("**/tool/**")
    assert page.locator("h1").inner_text()


def test_language_switch_is_remembered(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/odd")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**lang=en**")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text().startswith("The 17")
    page.get_by_role("link", name="Territories").click()  # the cookie keeps English
    page.wait_for_url("**/territoires")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Français").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Territoires"


def test_keyboard_reaches_search_box_with_visible_focus(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.locator(".skip").is_visible()  # the skip link shows when focused
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    else:
        pytest.fail("Tab never reached the search box")
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline[0] != "none" and outline[1] >= 2, outline
    page.screenshot(path=str(OUTPUT / "focus-search.png"))
    page.keyboard.type("eau")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recherche?q=eau*")


def test_map_links_to_departements(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/territoires")
    somme = page.get_by_role("link", name="Somme (80)")  # the <title> is the accessible name
    assert somme.get_attribute("href") == "/territoire/departement/80"
    somme.click()
    page.wait_for_url("**/territoire/departement/80")
    assert page.get_by_role("heading", level=1).inner_text() == "Somme"
    page.goto(server + "/territoires")
    page.screenshot(path=str(OUTPUT / "territories.png"), full_page=True)


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_axe_no_serious_violation(server: str, page, name: str) -> None:  # type: ignore[no-untyped-def]
    url = PAGE_TYPES[name]
    resp = page.goto(server + url)
    assert resp is not None and resp.status == 200, url
    # From the site itself: the Content-Security-Policy refuses inline scripts, injected ones too.
    page.add_script_tag(url=server + "/static/vendor/axe-core/axe.min.js")
    result = page.evaluate(
        "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
        " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})); }"
    )
    bad = [v for v in result if v["impact"] in ("serious", "critical")]
    if name in ("home", "actor-network", "sdg-goal", "territory", "about"):
        page.screenshot(path=str(OUTPUT / f"page-{name}.png"), full_page=True)
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("name", [*PAGE_TYPES, "not-found"])
def test_every_page_fits_360_and_has_lang_title_h1(server: str, browser, name: str) -> None:  # type: ignore[no-untyped-def]
    url = PAGE_TYPES.get(name, "/actor/nobody-here")
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="fr-FR")
    page = context.new_page()
    page.goto(server + url)
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    facts = page.evaluate(
        "({lang: document.documentElement.lang, title: document.title,"
        " h1: document.querySelectorAll('h1').length})"
    )
    if name in ("tools-panorama", "sparql", "actor-network", "search"):
        page.screenshot(path=str(OUTPUT / f"phone-{name}.png"), full_page=True)
    context.close()
    assert width <= 360, f"{url}: horizontal scroll at 360 px ({width})"
    assert facts["lang"] in ("fr", "en") and facts["title"].endswith("· Alliances"), facts
    assert facts["h1"] == 1, facts


def test_menu_button_on_a_phone(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="fr-FR")
    page = context.new_page()
    page.goto(server + "/")
    nav = page.get_by_role("navigation", name="Navigation principale")
    assert not nav.is_visible()  # folded behind the menu button
    menu = page.get_by_role("button", name="Menu")
    assert menu.get_attribute("aria-expanded") == "false"
    menu.click()
    assert nav.is_visible() and menu.get_attribute("aria-expanded") == "true"
    nav.get_by_role("link", name="Outils").click()
    page.wait_for_url("**/outils")
    context.close()


def test_menu_works_without_javascript(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        viewport={"width": 360, "height": 800}, locale="fr-FR", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(server + "/")
    page.get_by_role("link", name="Menu").click()  # a link to #menu: the :target opens it
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Territoires"
    ).click()
    page.wait_for_url("**/territoires")
    context.close()


def test_sparql_editor_speaks_french(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/sparql")
    run = page.locator("#yasgui button[title='Exécuter la requête']")
    run.wait_for(timeout=10000)
    assert page.locator("#plain-form").is_hidden()
    run.click()
    page.locator("#yasgui .yasr").wait_for(timeout=10000)
    page.locator("#yasgui [placeholder='Filtrer les résultats']").wait_for(timeout=10000)
    page.screenshot(path=str(OUTPUT / "sparql-fr.png"), full_page=True)


def test_search_filters_without_javascript(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="fr-FR", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(server + "/recherche?q=eau")
    page.get_by_label("Acteur (").check()
    page.get_by_role("button", name="Appliquer").click()
    page.wait_for_url("**kind=actor**")
    chip = page.locator(".chips .chip").first
    chip.click()  # removing the chip drops the filter
    page.wait_for_url(lambda u: "kind=actor" not in u)
    context.close()
