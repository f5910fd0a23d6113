"""One translation mechanism: gettext catalogues (Flask-Babel), checked end to end.

- every visible text of every template goes through `_()` / `ngettext()` (nothing hard-coded);
- every msgid of the templates and of webui/ has a French translation, and the committed .mo is
  the compiled .po (CI installs from a clean checkout and compiles nothing);
- no second mechanism (no `lang ==` tests, no inline styles or scripts: a later strict CSP);
- language choice (?lang=, cookie, Accept-Language), plurals, numbers and dates in French.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).parent.parent
TEMPLATES = ROOT / "webui" / "templates"
PO = ROOT / "webui" / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
MO = PO.with_suffix(".mo")
#: The extraction keywords (as in docs/ui.md: pybabel extract -k lazy_gettext -k _l -k N_).
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "lazy_gettext": None,
    "_l": None,
    "N_": None,
}
METHODS = [("webui/**.py", "python"), ("webui/templates/**.html", "jinja2")]

#: Words allowed as they are in templates: names, formats and standards, not translatable text.
ALLOWED = {"Alliances", "SPARQL", "CSV", "JSON", "IRI", "Turtle", "GraphML", "GEXF", "RDF"}


class _Visible(HTMLParser):
    """Collects the text a person sees or hears: text nodes and labelling attributes."""

    ATTRS = ("title", "alt", "aria-label", "placeholder", "content")

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        described = tag != "meta" or dict(attrs).get("name") == "description"
        for name, value in attrs:
            if name in self.ATTRS and value and described:
                self.texts.append(value)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def _without_jinja(source: str) -> str:
    source = re.sub(r"\{#.*?#\}", " ", source, flags=re.S)
    source = re.sub(r"\{%.*?%\}", " ", source, flags=re.S)
    return re.sub(r"\{\{.*?\}\}", " ", source, flags=re.S)


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_templates_have_no_text_outside_gettext(template: str) -> None:
    parser = _Visible()
    parser.feed(_without_jinja((TEMPLATES / template).read_text(encoding="utf-8")))
    texts = [re.sub(r"\S*\w[/.]\w\S*|/\S+", " ", text) for text in parser.texts]  # paths, URLs
    words = {w for text in texts for w in re.findall(r"[^\W\d_]{2,}", text)}
    assert words <= ALLOWED, f"{template}: text outside _(): {sorted(words - ALLOWED)}"


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_templates_have_one_mechanism_and_no_inline_code(template: str) -> None:
    source = (TEMPLATES / template).read_text(encoding="utf-8")
    assert "lang ==" not in source and "lang==" not in source, "use _() instead of lang tests"
    assert not re.search(r"\bt\(", source), "the old t() helper is gone"
    assert " style=" not in source and "<style" not in source, "no inline style (CSP)"
    for tag in re.findall(r"<script\b[^>]*>", source):
        assert "src=" in tag or 'type="application/json"' in tag, f"inline script: {tag}"
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", source), "no inline event handler"


def _extracted() -> dict[object, list[str]]:
    out: dict[object, list[str]] = {}
    for filename, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), METHODS, keywords=KEYWORDS
    ):
        msgid = message if isinstance(message, str) else tuple(m for m in message if m)
        if isinstance(msgid, tuple) and len(msgid) == 1:
            msgid = msgid[0]
        out.setdefault(msgid, []).append(filename)
    return out


def test_every_message_has_a_french_translation() -> None:
    with open(PO, "rb") as f:
        catalog = read_po(f, locale="fr")
    missing, untranslated = [], []
    for msgid, files in _extracted().items():
        message = catalog.get(msgid)
        if message is None:
            missing.append((msgid, files[0]))
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            untranslated.append(msgid)
    assert not missing, f"not in messages.po (pybabel extract/update, docs/ui.md): {missing}"
    assert not untranslated, f"no French translation (or fuzzy): {untranslated}"


def test_catalogue_has_no_stale_messages() -> None:
    with open(PO, "rb") as f:
        catalog = read_po(f, locale="fr")
    used = set(_extracted())
    stale = [m.id for m in catalog if m.id and m.id not in used]
    assert not stale, f"messages no longer used (pybabel update drops them): {stale}"


def test_compiled_catalogue_is_up_to_date() -> None:
    with open(PO, "rb") as f:
        po = read_po(f, locale="fr")
    with open(MO, "rb") as f:
        mo = read_mo(f)

    def table(catalog) -> dict[object, object]:  # type: ignore[no-untyped-def]
        return {
            tuple(m.id) if isinstance(m.id, (list, tuple)) else m.id: tuple(m.string)
            if isinstance(m.string, (list, tuple))
            else m.string
            for m in catalog
            if m.id
        }

    po_map, mo_map = table(po), table(mo)
    assert po_map == mo_map, "messages.mo is stale: run pybabel compile -d webui/translations"


# -- behaviour ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(readonly_app):  # type: ignore[no-untyped-def]
    """The module's shared app: these tests only read."""
    return readonly_app


@pytest.mark.parametrize(
    ("headers", "query", "cookie", "lang"),
    [
        ({}, "", None, "fr"),
        ({"Accept-Language": "en-GB,en;q=0.9"}, "", None, "en"),
        ({"Accept-Language": "de-DE,de;q=0.9"}, "", None, "fr"),
        ({"Accept-Language": "de,en;q=0.5,fr;q=0.8"}, "", None, "fr"),
        ({"Accept-Language": "en"}, "?lang=fr", None, "fr"),
        ({"Accept-Language": "en"}, "", "fr", "fr"),
        ({}, "", "en", "en"),
        ({}, "?lang=xx", None, "fr"),
    ],
)
def test_language_choice(app, headers, query, cookie, lang) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    if cookie:
        client.set_cookie("lang", cookie)
    resp = client.get("/odd" + query, headers=headers)
    page = resp.get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    assert ("objectifs de développement durable" in page) == (lang == "fr")
    assert "Accept-Language" in resp.headers.get("Vary", "")


def test_plurals_numbers_and_dates(app) -> None:  # type: ignore[no-untyped-def]
    from webui.i18n import format_day, format_number, ngettext

    with app.test_request_context("/?lang=fr"):
        assert format_number(35039) == "35\u202f039"
        assert [ngettext("%(num)s actor", "%(num)s actors", n) for n in (0, 1, 2, 35039)] == [
            "0 acteur",
            "1 acteur",
            "2 acteurs",
            "35\u202f039 acteurs",
        ]
        assert format_day(dt.date(2024, 8, 1)) == "1er août 2024"
        assert format_day("2025-07-14") == "14 juillet 2025"
        assert format_day("2021-03") == "mars 2021"
    with app.test_request_context("/?lang=en"):
        assert format_number(35039) == "35,039"
        assert ngettext("%(num)s actor", "%(num)s actors", 0) == "0 actors"
        assert format_day(dt.date(2024, 8, 1)) == "August 1, 2024"


def test_error_json_keeps_both_languages(app) -> None:  # type: ignore[no-untyped-def]
    resp = app.test_client().get("/sdg/99", headers={"Accept": "application/json"})
    assert resp.status_code == 404
    body = resp.get_json()
    assert body["error"] == "not_found"
    assert body["message"] == "There is no SDG goal or target « 99 »."
    assert body["message_fr"] == "Il n’existe pas d’objectif ni de cible ODD « 99 »."


def test_error_pages_are_french(app) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    for url in ("/actor/nobody-at-all", "/no/such/page"):
        resp = client.get(url)
        page = resp.get_data(as_text=True)
        assert resp.status_code == 404 and "<h1>Page introuvable</h1>" in page
        assert "Retour à l’accueil" in page or "Retour à l&#39;accueil" in page
    assert "<h1>Page not found</h1>" in client.get("/no/such/page?lang=en").get_data(as_text=True)
