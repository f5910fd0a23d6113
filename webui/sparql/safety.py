"""What a public query may do, checked before it runs.

The query is read by a SPARQL lexer (comments, strings, IRIs, prefixed names, variables and
language tags are single tokens), which is all the checks need and, unlike a full grammar, cannot
disagree with the engine about which words are keywords:

- the query form (SELECT, ASK, CONSTRUCT, DESCRIBE) is the first keyword after the prologue;
  an update operation there (INSERT, DELETE, LOAD, …) is refused;
- the keyword SERVICE anywhere (nested, SILENT, inside FILTER EXISTS, with an IRI or a variable,
  glued to a prefixed name as in `SERVICE:x`) is refused: Oxigraph would open an HTTP connection;
- FROM / FROM NAMED must name a published graph of this store (prefixes and BASE resolved);
- no IRI or string of the query may name a graph that is not published (the store's
  bookkeeping, an import being written): `graph.store.visibility`, which parses the query with
  rdflib's algebra, because Virtuoso reads a graph a query names even outside the dataset;
- brackets nest at most `MAX_NESTING` deep (the engine's parser is recursive).

SPARQL lets `\\uXXXX` escapes appear anywhere in a query; Oxigraph does not decode them outside
IRIs and strings, but to be safe with any engine the checks also run on the decoded text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin

from graph.errors import AlliancesError, BadRequest, QueryRefused
from graph.store.visibility import check_visible, decode_escapes

__all__ = [
    "CheckedQuery",
    "QueryRefused",
    "UpdateRefused",
    "check_query",
    "decode_escapes",
    "undeclared_prefixes",
    "tokens",
]


class UpdateRefused(AlliancesError):
    """An update sent to the read-only endpoint."""

    status = 403
    code = "update_refused"


_NAMECHAR = r"[\w\-\u00B7\u0300-\u036F\u203F\u2040]"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PN_PREFIX = rf"(?:[^\W\d_]{_NAMECHAR}*(?:\.+{_NAMECHAR}+)*)?"
_PN_LOCAL = (
    rf"(?:(?:{_NAMECHAR}|:|{_PLX})(?:(?:{_NAMECHAR}|[.:]|{_PLX})*(?:{_NAMECHAR}|:|{_PLX}))?)?"
)

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]"""
    + _NAMECHAR
    + r"""+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<bnode>_:"""
    + _NAMECHAR
    + r"""(?:[\w\-.]*"""
    + _NAMECHAR
    + r""")?)
  | (?P<pname>"""
    + _PN_PREFIX
    + ":"
    + _PN_LOCAL
    + r""")
  | (?P<number>[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)
  | (?P<word>[^\W\d]\w*)
  | (?P<punct>\^\^|\|\||&&|!=|<=|>=|.)
    """,
    re.VERBOSE | re.DOTALL,
)

FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


@dataclass(frozen=True)
class Token:
    """A lexical token: its kind (a group name of the lexer) and text."""

    kind: str
    text: str

    def is_word(self, *words: str) -> bool:
        """Whether the token is one of the keywords `words` (case-insensitive)."""
        return self.kind == "word" and self.text.upper() in words


@dataclass
class CheckedQuery:
    """A query that passed the checks: its form and the dataset its FROM clauses name."""

    text: str
    form: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)

    @property
    def returns_graph(self) -> bool:
        """Whether the result is an RDF graph (CONSTRUCT, DESCRIBE)."""
        return self.form in ("CONSTRUCT", "DESCRIBE")


def tokens(text: str) -> Iterator[Token]:
    """The significant tokens of a SPARQL text (no whitespace nor comments)."""
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:  # pragma: no cover - the punct group matches any character
            raise BadRequest(f"cannot read the query at character {pos}")
        pos = m.end()
        kind = m.lastgroup or "punct"
        if kind not in ("ws", "comment"):
            yield Token(kind, m.group())


def check_query(
    text: str,
    *,
    local_graphs: set[str],
    max_length: int,
    base: str | None = None,
    published: set[str] | None = None,
) -> CheckedQuery:
    """Check a query for the public endpoint; raise BadRequest / QueryRefused / UpdateRefused.
    With `base`, also refuse a query naming a graph other than the `published` ones."""
    if len(text) > max_length:
        raise BadRequest(
            f"query too long: {len(text)} characters (at most {max_length})",
            message_fr=f"requête trop longue : {len(text)} caractères (au plus {max_length})",
        )
    if not text.strip():
        raise BadRequest("empty query", message_fr="requête vide")
    toks = list(tokens(text))
    _check_nesting(toks)
    decoded = decode_escapes(text)
    if decoded != text:
        _refuse_service(list(tokens(decoded)))
    _refuse_service(toks)
    form = _form(toks)
    checked = CheckedQuery(text, form)
    _dataset(toks, checked, local_graphs)
    if base is not None:
        check_visible(text, base=base, published=published or set())
    return checked


#: Deepest nesting of brackets (`{`, `(`, `[`) a query may have. Useful queries stay under 20;
#: Oxigraph's recursive parser overflows its stack (the process dies) at a few thousand.
MAX_NESTING = 100
_OPEN, _CLOSE = frozenset("{(["), frozenset("})]")


def undeclared_prefixes(text: str) -> list[str]:
    """The prefixes a query uses in prefixed names (`foaf:name`) without declaring them with
    PREFIX, in order of first use, e.g. `["foaf"]`; used to explain an engine's syntax error in
    plain words (Oxigraph says « expected ENCODE_FOR_URI » at the undeclared name)."""
    declared: set[str] = set()
    missing: dict[str, None] = {}
    toks = list(tokens(text))
    for i, t in enumerate(toks):
        if t.kind != "pname":
            continue
        prefix = t.text.partition(":")[0]
        if i > 0 and toks[i - 1].is_word("PREFIX"):
            declared.add(prefix)
        elif prefix not in declared:
            missing.setdefault(prefix)
    return list(missing)


def _check_nesting(toks: list[Token]) -> None:
    depth = deepest = 0
    for t in toks:
        if t.kind == "punct" and t.text in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif t.kind == "punct" and t.text in _CLOSE:
            depth -= 1
    if deepest > MAX_NESTING:
        raise BadRequest(
            f"query nested too deeply ({deepest} levels of brackets, at most {MAX_NESTING})",
            message_fr=f"requête trop imbriquée ({deepest} niveaux de parenthèses ou "
            f"d'accolades, au plus {MAX_NESTING})",
        )


def _refuse_service(toks: list[Token]) -> None:
    for t in toks:
        # Oxigraph's PEG parser needs no space after a keyword: `SERVICE:x`, `serviceType:x`
        # (prefix `Type:`) are SERVICE calls to it, so any name starting with it is refused.
        if t.kind in ("word", "pname") and t.text.upper().startswith("SERVICE"):
            raise QueryRefused(
                "SERVICE (federated query) is not allowed on this endpoint: queries never "
                "leave this server",
                message_fr="SERVICE (requête fédérée) n'est pas permis sur ce point d'accès : "
                "les requêtes ne sortent jamais de ce serveur",
            )
        if t.is_word("LOAD"):
            raise UpdateRefused(
                "LOAD and other updates are refused: this endpoint is read-only",
                message_fr="LOAD et les autres mises à jour sont refusés : ce "
                "point d'accès est en lecture seule",
            )


def _form(toks: list[Token]) -> str:
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.is_word("PREFIX"):
            i += 3
            continue
        if t.is_word("BASE"):
            i += 2
            continue
        if t.is_word(*FORMS):
            return t.text.upper()
        if t.is_word(*UPDATES):
            raise UpdateRefused(
                "updates are refused: this endpoint is read-only (SPARQL 1.1 Query only)",
                message_fr="les mises à jour sont refusées : ce point d'accès est en lecture "
                "seule (SPARQL 1.1 Query uniquement)",
            )
        break
    raise BadRequest(
        "syntax error: a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (after PREFIX/BASE)",
        message_fr="erreur de syntaxe : une requête commence par SELECT, ASK, CONSTRUCT ou "
        "DESCRIBE (après PREFIX/BASE)",
    )


def _dataset(toks: list[Token], checked: CheckedQuery, local_graphs: set[str]) -> None:
    prefixes: dict[str, str] = {}
    base = ""
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.is_word("PREFIX") and i + 2 < len(toks) and toks[i + 2].kind == "iri":
            prefixes[toks[i + 1].text[:-1]] = urljoin(base, toks[i + 2].text[1:-1])
        elif t.is_word("BASE") and i + 1 < len(toks) and toks[i + 1].kind == "iri":
            base = urljoin(base, toks[i + 1].text[1:-1])
        elif t.is_word("FROM"):
            named = i + 1 < len(toks) and toks[i + 1].is_word("NAMED")
            j = i + 2 if named else i + 1
            iri = _resolve(toks[j] if j < len(toks) else None, prefixes, base)
            if iri not in local_graphs:
                raise QueryRefused(
                    f"FROM{' NAMED' if named else ''} <{iri}>: only the graphs of this store "
                    "can be queried (see the service description at /sparql)",
                    message_fr=f"FROM{' NAMED' if named else ''} <{iri}> : seuls les graphes de "
                    "ce stock peuvent être interrogés (voir la description du service, /sparql)",
                )
            (checked.named_graphs if named else checked.default_graphs).append(iri)
            i = j
        i += 1


def _resolve(tok: Token | None, prefixes: dict[str, str], base: str) -> str:
    if tok is not None and tok.kind == "iri":
        return urljoin(base, tok.text[1:-1])
    if tok is not None and tok.kind == "pname":
        prefix, _, local = tok.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    raise BadRequest(
        "syntax error after FROM: an IRI is expected",
        message_fr="erreur de syntaxe après FROM : une IRI est attendue",
    )
