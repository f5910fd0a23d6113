"""Instance IRIs in one place: mint, parse and validate `{base}{kind}/{id}`.

DESIGN §2: our instances live under a configurable base (default `https://w3id.org/alliances/id/`)
as `{base}{kind}/{id}`, where `kind` is one of `KINDS` and `id` matches `[a-z0-9][a-z0-9-]*`
(the import contract, DESIGN §3). Other IRIs under the base are made of the same kind of segments
(`{base}graph/{source}`, `{base}graph/{source}/{version}`, `{base}catalog`, `{base}dataset`),
optionally followed by a `#fragment` for the parts of a resource (`#member-…`, `#resource-…`).

Every identifier that arrives in a URL is checked here before it reaches a query, so a malformed
one is a "not found" (or a 400 on the JSON API), never a failure deeper down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef

#: The kinds of instance resources, each the first path segment of its IRIs.
KINDS: tuple[str, ...] = ("actor", "alliance", "tool", "evaluation")

#: The syntax of a local identifier (and of every path segment of an IRI under the base).
ID_PATTERN = r"[a-z0-9][a-z0-9-]*"

#: Longest identifier accepted in a URL. Identifiers are slugs of names; anything longer is
#: not one of ours, and refusing it early keeps queries and logs small.
MAX_ID_LENGTH = 200

_ID_RE = re.compile(ID_PATTERN)


def is_id(value: object) -> bool:
    """Whether `value` is a local identifier: `[a-z0-9][a-z0-9-]*`, at most MAX_ID_LENGTH long."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= MAX_ID_LENGTH
        and _ID_RE.fullmatch(value) is not None
    )


def is_kind(value: object) -> bool:
    """Whether `value` names a kind of instance resource (`actor`, `alliance`, `tool`…)."""
    return value in KINDS


def mint(base: str, kind: str, ident: str) -> URIRef:
    """The IRI `{base}{kind}/{ident}`; ValueError when the kind or the identifier is malformed."""
    if not is_kind(kind):
        raise ValueError(f"unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
    if not is_id(ident):
        raise ValueError(f"malformed identifier {ident!r} (expected {ID_PATTERN})")
    return URIRef(f"{base}{kind}/{ident}")


def is_path(path: str) -> bool:
    """Whether `path` (relative to the base, no fragment) is made of identifier segments only."""
    segments = path.split("/")
    return 0 < len(segments) <= 4 and all(is_id(s) for s in segments)


def under(base: str, path: str) -> URIRef:
    """The IRI `{base}{path}` of a path checked by `is_path`; ValueError otherwise."""
    if not is_path(path):
        raise ValueError(f"malformed path {path!r} under the base")
    return URIRef(base + path)


@dataclass(frozen=True)
class InstanceIri:
    """The parts of an instance IRI: kind, local identifier and fragment ("" when none)."""

    kind: str
    ident: str
    fragment: str = ""


def parse(base: str, iri: object) -> InstanceIri | None:
    """The kind and identifier of `{base}{kind}/{id}[#fragment]`, or None for any other IRI."""
    text = str(iri)
    if not text.startswith(base):
        return None
    local, _, fragment = text[len(base) :].partition("#")
    kind, slash, ident = local.partition("/")
    if not slash or not is_kind(kind) or not is_id(ident):
        return None
    return InstanceIri(kind, ident, fragment)


def local_name(iri: object) -> str:
    """The last path segment of any IRI (`…/actor/x` → `x`, `…/sdg/12.3` → `12.3`).

    For display fallbacks and codes of concept IRIs; a trailing slash is ignored.
    """
    return str(iri).rstrip("/").rsplit("/", 1)[-1]
