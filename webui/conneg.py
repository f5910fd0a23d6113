"""Content negotiation: the one function every route with several representations calls.

RFC 9110 §12.5.1 (Accept) as real clients use it:

- the header is parsed by werkzeug (`parse_accept_header`); media-type parameters other than `q`
  (`charset=utf-8`, a JSON-LD `profile`…) never prevent a match: ranges are compared on
  type/subtype only, case-insensitively;
- a representation's quality is the `q` of the most specific range that matches it
  (`type/subtype` over `type/*` over `*/*`; among equally specific ones the highest `q`), so
  `text/html;q=0, */*` excludes HTML and accepts everything else; a representation also answers
  to the aliases clients use for it (`application/xml` for RDF/XML, `application/json` for
  JSON-LD) when they name them;
- the best representation has the highest quality; ties go to the range named most specifically,
  then to the route's own order (its default first): `*/*` alone gives the route's default;
- no `Accept`, or one with no valid media range, means "anything": the default;
- a 406 only when every representation offered has quality 0.

A `format` (or `output`) parameter wins over `Accept`: a short name (`ttl`, `json`…) or a media
type. Every negotiated answer, including 303, 304 and 406, carries `Vary: Accept` (added by
the `after_request` hook of `init_app`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from flask import Flask, Response, g, request
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from graph.errors import BadRequest, NotAcceptable

__all__ = [
    "HTML",
    "JSON",
    "MediaType",
    "NotAcceptable",
    "Range",
    "choose",
    "init_app",
    "negotiate",
    "parse_accept",
    "preferred",
]


@dataclass(frozen=True)
class MediaType:
    """One representation: its key, canonical media type, short names, aliases, file extension and
    W3C format IRI. `aliases` are other media types a client may name to accept it
    (`application/json` for JSON-LD)."""

    key: str
    mime: str
    names: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    extension: str = ""
    w3c: str = ""

    @property
    def content_type(self) -> str:
        """The Content-Type header value (text types say their charset)."""
        textual = self.mime.startswith("text/") or self.mime.endswith(("json", "xml"))
        return f"{self.mime}; charset=utf-8" if textual else self.mime

    @property
    def mimes(self) -> tuple[str, ...]:
        """The canonical media type and its aliases."""
        return (self.mime, *self.aliases)


#: The HTML page of a resource, offered beside its data formats.
HTML = MediaType("html", "text/html", ("html",), ("application/xhtml+xml",), "html")

#: A JSON document (API answers and error messages).
JSON = MediaType("json", "application/json", ("json",), (), "json")


@dataclass(frozen=True)
class Range:
    """One media range of an Accept header: type, subtype (either may be `*`) and quality."""

    type: str
    subtype: str
    q: float

    def specificity(self, mime: str) -> int:
        """2 for `type/subtype`, 1 for `type/*`, 0 for `*/*` when matching `mime`, else -1."""
        t, _, s = mime.lower().partition("/")
        if self.type == "*":
            return 0
        if self.type != t:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == s else -1


def _token(text: str) -> bool:
    return text.isascii() and all(c.isalnum() or c in _TCHAR for c in text) and bool(text)


_TCHAR = "!#$%&'*+-.^_`|~"  # RFC 9110 §5.6.2 token characters besides letters and digits


def parse_accept(header: str | None) -> list[Range]:
    """The valid media ranges of an Accept header, parameters other than `q` dropped."""
    if not header:
        return []
    out = []
    for value, q in parse_accept_header(header, MIMEAccept):
        t, slash, s = value.split(";", 1)[0].strip().lower().partition("/")
        if not slash or not _token(t) or not _token(s) or (t == "*" and s != "*"):
            continue
        out.append(Range(t, s, float(q)))
    return out


def quality(ranges: Sequence[Range], mime: str) -> tuple[float, int]:
    """(q, specificity) of `mime`: the most specific matching range, highest q among equals."""
    best: tuple[int, float] = (-1, 0.0)
    for r in ranges:
        spec = r.specificity(mime)
        if spec >= 0 and (spec, r.q) > best:
            best = (spec, r.q)
    return best[1], best[0]


def offer_quality(ranges: Sequence[Range], offer: MediaType) -> tuple[float, int]:
    """(q, specificity) of a representation: its own media type decides when the client names
    it (`text/html;q=0` excludes HTML); otherwise an alias the client names with q > 0
    (`application/xml;q=0.9` for RDF/XML) counts, else the wildcard that matches."""
    own = quality(ranges, offer.mime)
    if own[1] == 2:
        return own
    named = [x for x in (quality(ranges, a) for a in offer.aliases) if x[1] == 2 and x[0] > 0]
    return max([own, *named])


def choose(offers: Sequence[MediaType], ranges: Sequence[Range]) -> MediaType | None:
    """The best of `offers` (in the route's order of preference) for `ranges`; None if none fits.

    Without any range, the first offer.
    """
    if not ranges:
        return offers[0] if offers else None
    scored = []
    for index, offer in enumerate(offers):
        q, spec = offer_quality(ranges, offer)
        if q > 0:
            scored.append((q, spec, -index, offer))
    if not scored:
        return None
    return max(scored, key=lambda x: x[:3])[3]


def by_format(offers: Sequence[MediaType], values: Iterable[str]) -> MediaType | None:
    """The offer named by the first recognised `format` value (short name or media type)."""
    for value in values:
        v = value.split(";", 1)[0].strip().lower()
        for m in offers:
            if v in m.names or v in m.mimes:
                return m
    return None


def preferred(offers: Sequence[MediaType]) -> MediaType | None:
    """The best of `offers` for the request's Accept header, None when none is acceptable
    (no 406: for choosing the form of an error message). Marks the answer as varying."""
    g.conneg_vary = True
    return choose(offers, parse_accept(request.headers.get("Accept")))


def negotiate(
    offers: Sequence[MediaType],
    fmt: str | Iterable[str] | None = None,
    *,
    accept: str | None = None,
) -> MediaType:
    """The representation of `offers` to answer with, for the current request.

    `offers` are in the route's order of preference (its default first); `fmt` is the value (or
    the values) of a `format` parameter, which wins over the `Accept` header (`accept` overrides
    the request's header). Raises BadRequest for a `format` that names nothing offered, and
    NotAcceptable (406) when the client accepts none of `offers`. Marks the answer as varying
    with `Accept`.
    """
    g.conneg_vary = True
    values = [fmt] if isinstance(fmt, str) else [v for v in (fmt or ()) if v]
    values = [v for v in values if v.strip()]
    if values:
        found = by_format(offers, values)
        if found is None:
            names = ", ".join(m.names[0] for m in offers)
            shown = values[0][:80]
            raise BadRequest(
                f"unknown format {shown!r}; use one of: {names}",
                message_fr=f"format {shown!r} inconnu ; formats possibles : {names}",
            )
        return found
    header = request.headers.get("Accept") if accept is None else accept
    chosen = choose(offers, parse_accept(header))
    if chosen is None:
        listed = ", ".join(m.mime for m in offers)
        names = ", ".join(m.names[0] for m in offers)
        raise NotAcceptable(
            f"none of the media types in Accept can be produced here; available: {listed} "
            f"(or add ?format= with one of: {names})",
            message_fr="aucun des types de média demandés (en-tête Accept) n'est disponible ici ; "
            f"types possibles : {listed} (ou ajoutez ?format= avec l'un de : {names})",
        )
    return chosen


def _vary(resp: Response) -> Response:
    if g.get("conneg_vary"):
        resp.vary.add("Accept")
    return resp


def init_app(app: Flask) -> None:
    """Add `Vary: Accept` to every answer whose content was negotiated."""
    app.after_request(_vary)
