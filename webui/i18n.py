"""Interface language, translations and locale formatting: gettext catalogues through Flask-Babel.

Source language: **English msgids**, translated in the French catalogue
`webui/translations/fr/LC_MESSAGES/messages.po` (compiled to `messages.mo`, committed next to it so
that an install from a clean checkout needs no build step; a test checks the two agree). English
needs no catalogue: it is the msgid. Every string a page shows goes through `_` / `gettext` /
`ngettext` (templates and views alike); `tests/test_i18n.py` fails when a template holds text
outside them or when a msgid has no French translation.

Language: `?lang=fr|en` (remembered in the `lang` cookie), then the cookie, then the browser's
`Accept-Language`, then French.

Numbers and dates are formatted with Babel (CLDR): « 35 039 » with a narrow no-break space in
French, « 35,039 » in English; dates « 1er août 2024 » / « August 1, 2024 ». Counts with words use
`ngettext("%(num)s actor", "%(num)s actors", n)`, which formats `num` the same way.

Data that comes in both languages (SKOS labels, explanations from the recommender) is not a
message: `pick(fr, en)` chooses between the two values.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode

import flask_babel
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent, get_group_symbol
from flask import Flask, Response, request
from flask_babel import Babel, force_locale, get_locale, lazy_gettext

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"
COOKIE = "lang"

__all__ = [
    "LANGS",
    "N_",
    "_",
    "both",
    "current_lang",
    "format_number",
    "gettext",
    "init_app",
    "lazy_gettext",
    "ngettext",
    "pick",
    "switch_url",
    "url_with",
]


def select_locale() -> str:
    """The interface language: `?lang=`, then the `lang` cookie, then `Accept-Language`, then fr."""
    for lang in (request.args.get("lang"), request.cookies.get(COOKIE)):
        if lang in LANGS:
            return str(lang)
    return request.accept_languages.best_match(LANGS) or DEFAULT_LANG


def current_lang() -> str:
    """The language of the current request (`fr` or `en`); French outside a request."""
    locale = get_locale()
    return locale.language if locale is not None and locale.language in LANGS else DEFAULT_LANG


def gettext(msgid: str, **variables: Any) -> str:
    """`msgid` translated to the current language, `%(name)s` variables filled in."""
    return flask_babel.gettext(msgid, **variables)


_ = gettext


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Mark `msgid` for extraction without translating it now (see `both`)."""
    return msgid


def ngettext(singular: str, plural: str, num: int, **variables: Any) -> str:
    """The singular or plural form for `num` (French: 0 and 1 are singular), `%(num)s` formatted
    as a localised number (« 35 039 »)."""
    variables.setdefault("num", format_number(num))
    text = flask_babel.get_domain().get_translations().ungettext(singular, plural, num)
    return str(text % variables)


def format_number(value: float | int | None) -> str:
    """A number with the locale's grouping (« 35 039 », with U+202F in French; « 35,039 »)."""
    if value is None:
        return ""
    lang = current_lang()
    if isinstance(value, int) and not isinstance(value, bool):
        # Integers (counts, on every result card) without Babel's pattern machinery, which
        # took a quarter of the search page's time; the grouping symbol is still Babel's.
        return f"{value:,}".replace(",", _group_symbol(lang))
    return format_decimal(value, locale=lang)


@functools.cache
def _group_symbol(lang: str) -> str:
    """The locale's digit grouping symbol (CLDR via Babel: U+202F in French, « , » in English)."""
    return get_group_symbol(lang)


def format_share(fraction: float) -> str:
    """A fraction 0–1 as a percentage (« 40 % » with a narrow no-break space in French)."""
    return format_percent(fraction, locale=current_lang())


def format_day(value: dt.date | str | None) -> str:
    """A date in words: « 1er août 2024 », « 14 juillet 2025 », « August 1, 2024 ».

    Accepts a date or an ISO string `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the partial forms give
    « 2024 » and « août 2024 »); anything else is returned unchanged.
    """
    if value is None or value == "":
        return ""
    lang = current_lang()
    if isinstance(value, str):
        parts = value.split("-")
        try:
            if len(parts) == 1:
                return str(int(parts[0]))
            if len(parts) == 2:
                return format_date(dt.date(int(parts[0]), int(parts[1]), 1), "LLLL y", locale=lang)
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    text = format_date(value, "long", locale=lang)
    if lang == "fr" and value.day == 1:  # CLDR writes « 1 août »; French usage is « 1er août »
        text = "1er" + text[1:]
    return text


def pick(fr: Any, en: Any) -> Any:
    """The English value in English when there is one, else the French (data in two languages)."""
    if current_lang() == "en":
        return en or fr or ""
    return fr or en or ""


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Translate in `lang` inside the block (Flask-Babel's `force_locale`)."""
    with force_locale(lang):
        yield


def both(msgid: str, **variables: Any) -> dict[str, str]:
    """`{"message": English, "message_fr": French}` of a msgid, for errors whose JSON shape carries
    both languages (the published API contract). Needs an application context."""
    with force_locale("en"):
        message = gettext(msgid, **variables)
    with force_locale("fr"):
        message_fr = gettext(msgid, **variables)
    return {"message": message, "message_fr": message_fr}


#: Each language named in itself (endonyms: not translated).
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


def other_lang() -> dict[str, str]:
    """The language the switch offers: `{"code": "en", "name": "English"}` on a French page."""
    code = "fr" if current_lang() == "en" else "en"
    return {"code": code, "name": LANGUAGE_NAMES[code]}


def switch_url() -> str:
    """The current URL with the other language."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    args.append(("lang", "fr" if current_lang() == "en" else "en"))
    return f"{request.path}?{urlencode(args)}"


def url_with(**changes: object) -> str:
    """The current URL with some query parameters replaced (None removes them)."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k not in changes]
    for key, value in changes.items():
        if value is not None:
            args.append((key, str(value)))
    return f"{request.path}?{urlencode(args)}" if args else request.path


def url_without(name: str, value: str) -> str:
    """The current URL without one value of a repeated parameter (and back to page 1)."""
    args = [
        (k, v)
        for k, v in request.args.items(multi=True)
        if not (k == name and v == value) and k != "page"
    ]
    return f"{request.path}?{urlencode(args)}" if args else request.path


def _remember(response: Response) -> Response:
    """Set the cookie when `?lang=` is given; pages vary with the language they were chosen by."""
    lang = request.args.get("lang")
    if lang in LANGS and request.cookies.get(COOKIE) != lang:
        response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax")
    if response.mimetype == "text/html":
        response.vary.add("Accept-Language")
        response.vary.add("Cookie")
    return response


def init_app(app: Flask) -> None:
    """Attach Flask-Babel (catalogues in `webui/translations`) and the template helpers:
    `_`, `gettext`, `ngettext`, `pick`, `switch_url`, `url_with`, `url_without`, `lang`, and the
    filters `number`, `share` and `day`."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANG)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", "translations")
    Babel(app, locale_selector=select_locale)
    # Our own callables, not Jinja's "newstyle" ones: `ngettext` formats `num` for the locale.
    app.jinja_env.globals.update(
        _=gettext,
        gettext=gettext,
        ngettext=ngettext,
        pick=pick,
        switch_url=switch_url,
        other_lang=other_lang,
        url_with=url_with,
        url_without=url_without,
    )
    app.jinja_env.filters.update(number=format_number, share=format_share, day=format_day)
    app.context_processor(lambda: {"lang": current_lang()})
    app.after_request(_remember)
