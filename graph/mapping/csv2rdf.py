"""Rows → RDF as CSVW says (*Generating RDF from Tabular Data on the Web*, standard mode, without
the table and row description triples), checking every cell on the way.

For each row and each output column (not `suppressOutput`): the subject is the column's
`aboutUrl` (else the table schema's), the predicate its `propertyUrl`, the object its `valueUrl`
(an IRI) or the cell's value as a literal typed by its `datatype` (`string` with the column's
`lang` gives a language-tagged literal). A list column (`separator`) gives one triple per item,
its `valueUrl` expanded with the item. A virtual column's value is its `default` (a constant
literal) or, with `all:placeFrom`, the INSEE code of the commune its text template names
(`graph.mapping.places`). URI templates are RFC 6570, expanded with the row's values (strings),
`_row` (data row number from 1) and `_name`.

Departures, all documented in docs/architecture.md: IRIs under the instance base of the kinds
`actor`, `alliance`, `tool`, `evaluation` are normalised to the instance-IRI syntax (lower case,
accents dropped, any other run of characters a hyphen), so a Corsican INSEE code or a group name
can key an IRI; a triple whose template needs an empty cell is not produced; territory IRIs
(`http://id.insee.fr/geo/…`) must exist in the COG.

Every problem is recorded with file, line, column (as the file's header names it), value and
reason in French and English; nothing stops at the first one.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote, unquote, urljoin

from csvw.metadata import Column
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from ontology.namespaces import INSEE_GEO, XSD

from ..cleaning import shorten
from ..csv_mapping import Origin
from ..errors import Problem
from ..reference import territories, territory_iri, territory_key
from .metadata import PREFIXES, TableSpec, place_template
from .places import current_commune, read_commune
from .records import Rows

Triple = tuple[Node, Node, Node]
INSTANCE_KINDS = ("actor", "alliance", "tool", "evaluation")
_XSD_BASES = {
    "integer": XSD.integer,
    "int": XSD.int,
    "long": XSD.long,
    "decimal": XSD.decimal,
    "double": XSD.double,
    "number": XSD.double,
    "float": XSD.float,
    "boolean": XSD.boolean,
    "date": XSD.date,
    "datetime": XSD.dateTime,
    "dateTime": XSD.dateTime,
    "time": XSD.time,
    "gYear": XSD.gYear,
    "gYearMonth": XSD.gYearMonth,
    "anyURI": XSD.anyURI,
}
_NON_ID = re.compile(r"[^a-z0-9]+")
_SIMPLE = re.compile(r"[^{}]*(?:\{[A-Za-z0-9_]+\}[^{}]*)*")
_VAR = re.compile(r"\{([A-Za-z0-9_]+)\}")


@dataclass
class Mapped:
    """What mapping the rows gave: triples, the instance resources they define (with the row
    that first defined each), and problems and warnings."""

    triples: list[Triple] = field(default_factory=list)
    resources: dict[URIRef, Origin] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def normalise_id(ident: str) -> str:
    """An identifier in the instance-IRI syntax: `2A041` → `2a041`, `Pays Ségali` →
    `pays-segali`, `e23e…|aidants-connect-3485` → `e23e…-aidants-connect-3485`."""
    text = unicodedata.normalize("NFKD", ident.lower()).encode("ascii", "ignore").decode()
    return _NON_ID.sub("-", text).strip("-")


class RowMapper:
    """Maps the rows of one table (see the module docstring)."""

    def __init__(self, spec: TableSpec, base: str, out: Mapped) -> None:
        self.spec, self.base, self.out = spec, base, out
        self.columns = [c for c in spec.columns]
        self._known = territories()
        self._row_subjects: dict[URIRef, int] = {}
        self._names: dict[int, tuple[str, ...]] = {}
        self._cache: dict[tuple[int, tuple[Any, ...]], URIRef | None] = {}
        #: Null values of the columns read as plain text (csvw's `read` is not needed there).
        self._plain: dict[str, frozenset[str]] = {
            c.name: frozenset(c.inherit_null())
            for c in self.columns
            if not c.virtual
            and c.inherit("datatype") is None
            and not c.inherit("separator")
            and not c.inherit("required")
            and not c.inherit("default")
        }
        self._last_origin: URIRef | None = None

    # -- IRIs --------------------------------------------------------------------------------
    def iri(self, template: Any, variables: dict[str, Any]) -> URIRef | None:
        """Expand a URI template; None when it needs a variable the row leaves empty.

        Expansions are cached per template and values (a mapping repeats the same few)."""
        names = self._names.get(id(template))
        if names is None:
            names = self._names[id(template)] = tuple(getattr(template, "variable_names", ()))
        values = tuple(variables.get(n) for n in names)
        key = (id(template), values)
        found = self._cache.get(key, False)
        if found is not False:
            return found  # type: ignore[return-value]
        result = self._expand(template, names, values)
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[key] = result
        return result

    def _expand(
        self, template: Any, names: tuple[str, ...], values: tuple[Any, ...]
    ) -> URIRef | None:
        if any(v in (None, "", []) for v in values):
            return None
        uri = str(template.uri)
        prefix, sep, local = uri.partition(":")
        if sep and prefix in PREFIXES and not local.startswith("//") and not names:
            return URIRef(PREFIXES[prefix] + local)
        uri_text = str(template.uri)
        if _SIMPLE.fullmatch(uri_text):  # only {name} expressions: RFC 6570 simple expansion
            bound = dict(zip(names, values, strict=True))
            expanded = _VAR.sub(lambda m: quote(_text(bound[m.group(1)]), safe="-._~"), uri_text)
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                expanded = template.expand(**dict(zip(names, values, strict=True)))
        if not expanded.startswith(("http://", "https://", "urn:")):
            expanded = (
                self.base + expanded
                if not expanded.startswith(("/", ".", "#", "?"))
                else urljoin(self.base, expanded)
            )
        return URIRef(self.instance(expanded))

    def instance(self, iri: str) -> str:
        """Normalise the identifier part of an instance IRI (`{base}{kind}/{id}#fragment`)."""
        if not iri.startswith(self.base):
            return iri
        kind, sep, rest = iri[len(self.base) :].partition("/")
        if not sep or kind not in INSTANCE_KINDS:
            return iri
        ident, hash_, fragment = rest.partition("#")
        fragment = normalise_id(unquote(fragment)) if fragment else ""
        return f"{self.base}{kind}/{normalise_id(unquote(ident))}{hash_}{fragment}"

    # -- cells -------------------------------------------------------------------------------
    def problem(self, line: int, column: Column, value: str | None, en: str, fr: str) -> None:
        """Record a problem of a cell."""
        self.out.problems.append(
            Problem(
                self.file,
                line,
                self.header(column),
                None if value is None else shorten(value),
                en,
                fr,
            )
        )

    def warn(self, line: int, column: Column, value: str | None, en: str, fr: str) -> None:
        """Record a warning on a cell."""
        self.out.warnings.append(
            Problem(
                self.file,
                line,
                self.header(column),
                None if value is None else shorten(value),
                en,
                fr,
            )
        )

    def header(self, column: Column) -> str:
        """The column as the file's header names it (its name for a virtual column)."""
        return self.headers.get(column.name, column.name)

    def read(self, line: int, column: Column, text: str) -> Any:
        """A cell's typed value (list for a list column); records a problem and gives None when
        the cell breaks its datatype, format or `required`."""
        plain = self._plain.get(column.name)
        if plain is not None:  # no datatype, separator, required or default: text or null
            return None if text in plain else text
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return column.read(text)
            except ValueError as exc:
                base = column.inherit("datatype")
                kind = base.base if base is not None else "string"
                fmt = getattr(base, "format", None) if base is not None else None
                if "required" in str(exc):
                    self.problem(
                        line, column, text, "a value is required", "une valeur est obligatoire"
                    )
                elif fmt and "invalid lexical value" in str(exc):
                    self.problem(
                        line,
                        column,
                        text,
                        f"does not match the format {fmt}",
                        f"ne respecte pas le format attendu {fmt}",
                    )
                else:
                    self.problem(
                        line,
                        column,
                        text,
                        f"not a valid {kind}: {exc}",
                        f"valeur invalide pour le type {kind} : {exc}",
                    )
                return None

    # -- rows --------------------------------------------------------------------------------
    def map(self, rows: Rows) -> None:
        """Map every row of `rows`."""
        self.file, self.headers = rows.file, rows.headers
        for number, (line, raw) in enumerate(rows.rows, start=1):
            self.map_row(number, line, raw)

    def map_row(self, number: int, line: int, raw: dict[str, str]) -> None:
        """Map one row: read its cells, then emit each output column's triples."""
        values: dict[str, Any] = {}
        text: dict[str, str] = {}
        for c in self.columns:
            if c.virtual:
                continue
            cell = raw.get(c.name, "")
            value = self.read(line, c, cell)
            values[c.name] = value
            text[c.name] = cell if value not in (None, []) else ""
        for c in self.columns:
            if c.virtual:
                values[c.name] = self.virtual(line, c, text)
                key = territory_key(values[c.name]) if isinstance(values[c.name], URIRef) else None
                text[c.name] = key[1] if key else (values[c.name] or "")
        variables: dict[str, Any] = {**text, "_row": number}
        row_subject = self.iri(self.spec.about, variables) if self.spec.about else None
        if row_subject is not None:
            self.unique(line, row_subject)
        blank = BNode()
        for c in self.columns:
            if c.suppressOutput or values.get(c.name) in (None, "", []):
                continue
            for t in self.cell_triples(line, c, values[c.name], variables, row_subject, blank):
                self.out.triples.append(t)
                if isinstance(t[0], URIRef):
                    self.origin(t[0], line)

    def virtual(self, line: int, column: Column, text: dict[str, str]) -> Any:
        """The value of a virtual column: the territory IRI of its place, its `default`, or
        (with only a `valueUrl`) its own name, so that the column is output."""
        template = place_template(column)
        if template is None:
            return column.default or column.name
        place_text = re.sub(r"\{([^}]+)\}", lambda m: text.get(m.group(1), ""), template)
        if not place_text.strip():
            return None
        place = read_commune(place_text)
        if place is None:
            self.problem(
                line,
                column,
                place_text,
                "no commune matches this place (name and postal code)",
                "aucune commune ne correspond à ce lieu (nom et code postal)",
            )
            return None
        if place.note_en:
            self.warn(line, column, place_text, place.note_en, place.note_fr)
        return territory_iri(place.level, place.code)

    def unique(self, line: int, subject: URIRef) -> None:
        """Two rows must not give the same row subject (after normalisation)."""
        first = self._row_subjects.setdefault(subject, line)
        if first != line:
            self.out.problems.append(
                Problem(
                    self.file,
                    line,
                    None,
                    str(subject)[len(self.base) :],
                    f"same identifier as line {first}",
                    f"même identifiant que la ligne {first}",
                )
            )

    def cell_triples(
        self,
        line: int,
        c: Column,
        value: Any,
        variables: dict[str, Any],
        row_subject: URIRef | None,
        blank: BNode,
    ) -> Iterator[Triple]:
        """The triples of one cell (one per item of a list cell)."""
        subject: Node | None = row_subject
        if c.aboutUrl is not None:
            subject = self.iri(c.aboutUrl, variables)
        if subject is None:
            subject = blank if self.spec.about is None and c.aboutUrl is None else None
        if subject is None or c.propertyUrl is None:
            return
        predicate = self.iri(c.propertyUrl, variables)
        if predicate is None:
            return
        items = value if isinstance(value, list) else [value]
        for item in items:
            if item is None:
                continue
            obj = self.object(line, c, item, {**variables, c.name: _text(item)})
            if obj is not None:
                yield subject, predicate, obj

    def object(self, line: int, c: Column, item: Any, variables: dict[str, Any]) -> Node | None:
        """The object of a cell item: an IRI from `valueUrl` (or a place), else a literal."""
        if isinstance(item, URIRef):
            return item
        if c.valueUrl is not None:
            iri = self.iri(c.valueUrl, variables)
            if iri is not None and str(iri).startswith(str(INSEE_GEO)):
                return self.territory(line, c, iri)
            return iri
        return literal(c, item)

    def territory(self, line: int, c: Column, iri: URIRef) -> URIRef | None:
        """A territory IRI checked against the COG; a commune merged since is read as the
        commune it belongs to now, with a warning."""
        key = territory_key(iri)
        if key in self._known:
            return iri
        now = current_commune(key[1]) if key is not None and key[0] == "commune" else None
        if now is not None:
            name = self._known[("commune", now)].name
            self.warn(
                line,
                c,
                key[1],  # type: ignore[index]
                f"former commune, now part of {name} ({now})",
                f"ancienne commune, aujourd'hui partie de {name} ({now})",
            )
            return territory_iri("commune", now)
        self.problem(
            line,
            c,
            str(iri),
            "unknown territory (not in the INSEE COG 2026)",
            "territoire inconnu (absent du COG 2026 de l'Insee)",
        )
        return None

    def origin(self, subject: URIRef, line: int) -> None:
        """Record the row that first defined an instance resource."""
        if subject is self._last_origin:
            return
        self._last_origin = subject
        iri = str(subject).split("#", 1)[0]
        if iri.startswith(self.base) and iri[len(self.base) :].split("/", 1)[0] in INSTANCE_KINDS:
            self.out.resources.setdefault(URIRef(iri), Origin(self.file, line))


def _text(value: Any) -> str:
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def literal(c: Column, value: Any) -> Literal:
    """A cell value as an RDF literal typed by the column's datatype (`lang` for strings)."""
    datatype = c.inherit("datatype")
    base = datatype.base if datatype is not None else "string"
    if base in ("string", "normalizedString", "token") or base not in _XSD_BASES:
        lang = c.inherit("lang")
        return Literal(str(value), lang=lang if lang and lang != "und" else None)
    if base == "date" and isinstance(value, datetime):
        return Literal(value.date().isoformat(), datatype=XSD.date)
    if isinstance(value, Decimal):
        return Literal(format(value, "f"), datatype=_XSD_BASES[base])
    return Literal(_text(value), datatype=_XSD_BASES[base])
