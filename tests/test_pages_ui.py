"""Server-rendered pages: each page type answers, shows its key content, in French and English."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from .pages import html

ACTOR = "association-des-maires-ruraux-de-france"
ALLIANCE = "somme-connectee"


@pytest.fixture(scope="module")
def app(readonly_app):  # type: ignore[no-untyped-def]
    """The module's shared app: the pages only read."""
    return readonly_app


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    """A fresh test client (no cookies) per test."""
    return app.test_client()


def test_home_french_by_default(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/")
    assert '<html lang="fr">' in page
    for entry in (
        "Trouver des partenaires",
        "Exemples d&#39;alliances",
        "Outils",
        "Où en êtes-vous ?",
    ):
        assert entry in page
    assert 'role="search"' in page and 'for="q"' in page and 'href="#main"' in page


def test_english_switch_is_remembered(client) -> None:  # type: ignore[no-untyped-def]
    resp = client.get("/?lang=en")
    page = resp.get_data(as_text=True)
    assert '<html lang="en">' in page and "Find partners" in page
    assert "lang=en" in resp.headers.get("Set-Cookie", "")
    assert "Where do you stand?" in html(client, "/outils")  # from the cookie
    assert '<html lang="fr">' in html(client, "/outils?lang=fr")


def test_search_results_facets_and_snippets(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/recherche?q=num%C3%A9rique")
    assert re.search(r"<h2 id=\"results-h\">\d+ résultats</h2>", page) and "<mark>" in page
    assert 'type="checkbox"' in page and 'name="kind" value="actor"' in page
    assert 'rel="next"' in page  # more than one page of results


def test_search_filters_and_pages(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/recherche?q=eau&kind=actor&facet=sdg%3D6&page=1")
    assert 'value="actor" checked' in page and 'value="sdg=6" checked' in page
    assert "/actor/" in page
    assert "Page 2" in html(client, "/recherche?q=eau&page=2")


def test_search_suggestion(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/recherche?q=eua")
    assert "Vouliez-vous dire" in page and "q=eau" in page


@pytest.mark.parametrize(
    "url",
    (
        "/recherche",
        "/recherche?q=",
        "/recherche?q=%22%22%22((",
        "/recherche?facet=nope%3D1",
        "/recherche?facet=broken",
        "/recherche?kind=planet&q=eau",
        "/recherche?page=abc&q=eau",
        "/recherche?q=zzzzqqqxx",
    ),
)
def test_search_odd_input(client, url: str) -> None:  # type: ignore[no-untyped-def]
    page = html(client, url)
    assert "<h1>" in page


def test_search_empty_state_helps(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/recherche?q=zzzzqqqxx")
    assert "Aucun résultat" in page and "/partenaires" in page
    assert "filtre" in html(client, "/recherche?q=eau&facet=nope%3D1")


def test_actor_page(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, f"/actor/{ACTOR}")
    assert "Association des Maires Ruraux de France" in page
    assert "Ce qu&#39;il propose" in page and "Ingénierie de projet" in page
    assert "Partenaires complémentaires" in page and "Pourquoi" in page
    member = html(client, "/actor/les-connecteurs-picards")
    assert "Somme connectée" in member  # one of its alliances
    assert "Modèle socio-économique" in member and '<table class="mix">' in member
    assert "Complementary partners" in html(client, f"/actor/{ACTOR}?lang=en")


def test_alliance_page(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, f"/alliance/{ALLIANCE}")
    assert "Somme connectée" in page and "Chef de file" in page
    assert '<table class="mix">' in page and "40\u00a0%" in page  # subvention publique 0.4
    assert "Alliances analogues" in page and "Points communs" in page
    assert "Carte collaborative des tiers-lieux" in page
    assert "Similar alliances" in html(client, f"/alliance/{ALLIANCE}?lang=en")


def test_unknown_resources_are_404(client) -> None:  # type: ignore[no-untyped-def]
    assert "Erreur 404" in html(client, "/actor/nobody-at-all", 404)
    html(client, "/alliance/nothing-here", 404)


def test_other_resource_pages(client) -> None:  # type: ignore[no-untyped-def]
    assert "<h1>" in html(client, "/sdg/6")
    assert "<h1>" in html(client, "/tool/carte-tiers-lieux")
    assert "<h1>" in html(client, "/territoire/departement/80")


def test_partner_finder(client) -> None:  # type: ignore[no-untyped-def]
    empty = html(client, "/partenaires")
    assert 'for="type"' in empty and 'for="territory"' in empty
    assert "Partenaires proposés" not in empty
    page = html(client, "/partenaires?type=collectivite&needs=financement&sdgs=6")
    assert "Partenaires proposés" in page and "Pourquoi" in page and "/actor/" in page
    assert "Suggested partners" in html(client, "/partenaires?needs=financement&lang=en")


@pytest.mark.parametrize(
    "query", ("territory=nowhere-99999", "sdgs=99", "type=martian", "needs=telepathy")
)
def test_partner_finder_bad_input(client, query: str) -> None:  # type: ignore[no-untyped-def]
    page = html(client, f"/partenaires?{query}")
    assert 'role="alert"' in page


def test_examples_from_an_idea(client) -> None:  # type: ignore[no-untyped-def]
    assert 'for="idea"' in html(client, "/exemples")
    page = html(client, "/exemples?idea=jardin+partag%C3%A9+et+alimentation")
    assert "Cibles ODD suggérées" in page and "Jardins partagés de Fives" in page
    assert "Différences" in page


def test_tools_panorama(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/outils")
    assert '<table class="grid">' in page and "1er pas" in page and "Capitalisation" in page
    assert "/tool/" in page
    filtered = html(client, "/outils?pillar=evaluation")
    assert filtered.count('<th scope="row">') == 1
    html(client, "/outils?pillar=unknown")


def test_self_assessment(client, app) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/ou-en-etes-vous")
    assert 'type="radio"' in page and "Votre niveau" not in page
    from webui.api_reco import recommender_for

    questions = recommender_for(app.extensions["alliances"]).maturity_questions()["questions"]
    query = "&".join(f"{q['id']}={q['options'][1]['code']}" for q in questions)
    result = html(client, f"/ou-en-etes-vous?{query}")
    assert "Votre niveau : 1er pas" in result and "/tool/" in result
    now = result[result.index('id="h-now"') : result.index('id="h-next"')]
    assert 5 <= now.count('href="/tool/') <= 8
    assert "Pour passer au niveau « Actif »" in result and 'aria-current="true"' in result
    assert '<svg class="pillars"' in result and "Vos réponses par pilier" in result
    assert "Your level" in html(client, f"/ou-en-etes-vous?{query}&lang=en")
    html(client, "/ou-en-etes-vous?conviction=nonsense")


class _Audit(HTMLParser):
    """Collects what the accessibility basics need: landmarks, inputs and their labels."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


PAGE_TYPES = (
    "/",
    "/recherche?q=eau",
    f"/actor/{ACTOR}",
    f"/alliance/{ALLIANCE}",
    "/partenaires?needs=financement",
    "/exemples?idea=jardin",
    "/outils",
    "/ou-en-etes-vous",
    "/sdg/6",
    "/actor/nobody",
)


@pytest.mark.parametrize("url", PAGE_TYPES)
def test_accessibility_basics(client, url: str) -> None:  # type: ignore[no-untyped-def]
    resp = client.get(url)
    audit = _Audit()
    audit.feed(resp.get_data(as_text=True))
    tags = audit.tags
    assert tags[0][0] == "html" and tags[0][1].get("lang") in ("fr", "en")
    names = [tag for tag, _ in tags]
    assert {"header", "nav", "main", "footer"} <= set(names)
    assert names.count("h1") == 1
    assert any(tag == "a" and a.get("href") == "#main" for tag, a in tags)
    assert any(tag == "meta" and a.get("name") == "viewport" for tag, a in tags)
    labelled = {a.get("for") for tag, a in tags if tag == "label"}
    for tag, a in tags:
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            assert a.get("id") in labelled, (url, tag, a)


def test_reasons_follow_the_language(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/partenaires?needs=financement&lang=en")
    assert "Offers funding" in page and "Propose du financement" not in page
    assert "Same SDG" in html(client, f"/alliance/{ALLIANCE}?lang=en")


def test_facet_values_have_labels(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/recherche?q=&facet=departement%3D80")
    assert "Collectivité territoriale" in page and "Hauts-de-France (32)" in page
    assert 'value="departement=80" checked' in page
    assert "<summary>Plus de choix" in html(client, "/recherche?q=")


def test_partner_finder_territory(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/partenaires?territory=departement%3A80&needs=financement")
    # the list offers the text to type, never the code; a code in the URL shows as that text
    assert '<option value="Somme (80)">Somme (80)</option>' in page
    assert 'id="territory" name="territory" value="Somme (80)"' in page
    assert "Partenaires proposés" in page and 'role="alert"' not in page


def test_tools_panorama_filters_by_kind_and_audience(client) -> None:  # type: ignore[no-untyped-def]
    import re

    def tools(url: str) -> set[str]:
        return set(re.findall(r'href="/tool/([a-z0-9-]+)"', html(client, url)))

    everything = tools("/outils")
    directories = tools("/outils?kind=annuaire")
    assert directories == {
        "annuaire-fondations-territoriales",
        "annuaire-mobilite-solidaire",
        "annuaire-tetes-de-reseau",
        "annuaire-experts-pro-bono",
    }
    for_collectifs = tools("/outils?kind=annuaire&audience=collectif")
    assert for_collectifs == {"annuaire-fondations-territoriales", "annuaire-experts-pro-bono"}
    assert tools("/outils?kind=inconnu&audience=personne") == everything
