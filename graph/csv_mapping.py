"""The CSV contract (DESIGN §3): read rows, check every value, map them to RDF (docs/model.md).

Reading never stops at the first problem: each one is recorded with file, line, column, value and
reason (FR and EN), so a user fixes a whole file set in one go.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import urlsplit

from rdflib import Literal, URIRef
from rdflib.term import Node

from ontology.namespaces import (
    ADMS,
    ALL,
    DCT,
    FOAF,
    ORG,
    PROV,
    RDF,
    SCHEMA,
    SKOS,
    XSD,
    concept,
)

from .cleaning import compact_number, shorten, tidy_separators, without_spaces
from .codes import match_code, split_multi
from .csv_columns import COLUMNS, KINDS, column_for, detect_kind, expected, names_of
from .errors import Problem
from .places import resolve_place
from .progress import Progress, task
from .reference import SDG_GOALS, parse_territory, sdg_iri, sdg_targets, territories, territory_iri
from .tabular import Table, read_table

Triple = tuple[Node, Node, Node]

__all__ = ["COLUMNS", "KINDS", "Batch", "Origin", "read_csv", "read_tabular"]

#: The kind of resource each file defines, as used in instance IRIs.
RESOURCE_KIND = {
    "actors": "actor",
    "alliances": "alliance",
    "tools": "tool",
    "evaluations": "evaluation",
}

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)


@dataclass(frozen=True)
class Origin:
    """Where a resource or a reference was read."""

    file: str
    line: int
    column: str | None = None


@dataclass(frozen=True)
class Reference:
    """A value that must name an existing resource of `kind` (checked once all files are read)."""

    kind: str
    id: str
    origin: Origin


@dataclass
class Batch:
    """Everything read from a file set: triples, resources defined, references, problems.

    `warnings` are problems that were cleaned rather than refused (a padded INSEE code, a
    control character removed); `inputs` says how each tabular file was read
    (`graph.tabular.Table.info()`).
    """

    base: str
    triples: list[Triple] = field(default_factory=list)
    resources: dict[URIRef, Origin] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    inputs: list[dict[str, object]] = field(default_factory=list)

    def iri(self, kind: str, ident: str) -> URIRef:
        """Instance IRI `{base}{kind}/{id}`."""
        return URIRef(f"{self.base}{kind}/{ident}")


class Row:
    """One row being mapped: gives checked values and records problems.

    `values` maps contract column names to cells; `headers` maps them to the header as written in
    the file (`territoire`), which is what reports name.
    """

    def __init__(
        self,
        batch: Batch,
        file: str,
        line: int,
        values: dict[str, str],
        headers: dict[str, str] | None = None,
    ) -> None:
        self.batch, self.file, self.line, self.values = batch, file, line, values
        self.headers = headers or {}
        self.ok = True

    def get(self, column: str) -> str:
        """The trimmed cell (empty string when absent)."""
        return (self.values.get(column) or "").strip()

    def header(self, column: str | None) -> str | None:
        """The column's header as written in the file (the contract name if absent)."""
        return None if column is None else self.headers.get(column, column)

    def problem(self, column: str | None, value: str | None, reason: str, reason_fr: str) -> None:
        """Record a problem on this row."""
        self.ok = False
        self.batch.problems.append(
            Problem(
                self.file,
                self.line,
                self.header(column),
                None if value is None else shorten(value),
                reason,
                reason_fr,
            )
        )

    def warn(self, column: str | None, value: str | None, reason: str, reason_fr: str) -> None:
        """Record a warning on this row (the value was cleaned and accepted)."""
        self.batch.warnings.append(
            Problem(
                self.file,
                self.line,
                self.header(column),
                None if value is None else shorten(value),
                reason,
                reason_fr,
            )
        )

    def origin(self, column: str | None = None) -> Origin:
        """Origin of this row (and column)."""
        return Origin(self.file, self.line, self.header(column))

    # -- typed accessors -------------------------------------------------------------------
    def code(self, column: str, scheme: str, value: str | None = None) -> URIRef | None:
        """A controlled code → its concept IRI."""
        raw = self.get(column) if value is None else value
        if not raw:
            return None
        code = match_code(scheme, raw)
        if code is None:
            self.problem(
                column,
                raw,
                f"unknown code in the list '{scheme}'",
                f"code inconnu dans la liste « {scheme} »",
            )
            return None
        return concept(scheme, code)

    def codes(self, column: str, scheme: str) -> list[URIRef]:
        """A list of controlled codes separated by `;`, `,` or line breaks."""
        out = []
        for part in split_multi(self.get(column), commas=True):
            iri = self.code(column, scheme, part)
            if iri is not None:
                out.append(iri)
        return out

    def territory(self, column: str = "territory") -> URIRef | None:
        """`region:32`, `departement:59`, `epci:200093201`, `commune:59350` → INSEE IRI, checked
        against the COG (and the DGCL list of EPCI, by SIREN).

        Spaces and thousands separators in the code are dropped (`59 350`); a numeric code that
        lost its leading zero in a spreadsheet (`commune:1053`, `departement:1`, a bare `1053`)
        is padded when the padded code exists, with a warning. An unknown value gets the place
        `graph.places.resolve_place` finds for it as a hint.
        """
        raw = self.get(column)
        if not raw:
            return None
        level, sep, code = raw.partition(":")
        value = f"{without_spaces(level)}:{_insee_code(code)}" if sep else _insee_code(raw)
        parsed = parse_territory(value)
        known = territories()
        if parsed is None or parsed not in known:
            padded = _padded_territory(value)
            if padded is not None and padded in known:
                self.warn(
                    column,
                    raw,
                    f"INSEE code {padded[1].lstrip('0')} read as {padded[0]}:{padded[1]} "
                    "(a spreadsheet drops leading zeros)",
                    f"code INSEE {padded[1].lstrip('0')} lu comme {padded[0]}:{padded[1]} "
                    "(un tableur supprime les zéros de tête)",
                )
                parsed = padded
        if parsed is None or parsed not in known:
            hint = resolve_place(raw) if ":" not in raw else None
            best = hint.best if hint is not None else None
            guess = f" ({best.territory.ident} : {best.territory.name} ?)" if best else ""
            self.problem(
                column,
                raw,
                "unknown territory: expected region:CODE, departement:CODE, epci:SIREN or "
                f"commune:CODE with an INSEE COG code{guess}",
                "territoire inconnu : attendu region:CODE, departement:CODE, epci:SIREN ou "
                f"commune:CODE avec un code INSEE du COG{guess}",
            )
            return None
        return territory_iri(*parsed)

    def sdgs(self, column: str = "sdgs") -> list[URIRef]:
        """Goals and targets (`2;12.3`, `ODD 2`, `2, 11`), checked against the UN list.

        Values are separated by `;`, line breaks or a comma followed by a space; a comma between
        two numbers (`12,3`) could be target 12.3 or goals 12 and 3, so it is refused with a hint.
        """
        out = []
        for part in _sdg_parts(self.get(column)):
            if re.fullmatch(r"\d{1,2},\w{1,2}", part):
                self.problem(
                    column,
                    part,
                    "ambiguous: target 12.3 or goals 12 and 3? write 12.3 or 12;3",
                    "ambigu : cible 12.3 ou objectifs 12 et 3 ? écrivez 12.3 ou 12;3",
                )
                continue
            code = _SDG_PREFIX.sub("", without_spaces(part).lower())
            if code in SDG_GOALS or code in sdg_targets():
                out.append(sdg_iri(code))
            else:
                self.problem(
                    column,
                    part,
                    "unknown SDG goal or target (e.g. 2, 12.3, 17.17)",
                    "objectif ou cible ODD inconnu (par exemple 2, 12.3, 17.17)",
                )
        return out

    def ref(self, column: str, kind: str, value: str | None = None) -> URIRef | None:
        """An id naming a resource of `kind`; existence is checked later."""
        raw = self.get(column) if value is None else value
        if not raw:
            return None
        ident = raw.strip().lower()
        if not ID_RE.match(ident):
            self.problem(
                column,
                raw,
                "not a valid identifier ([a-z0-9][a-z0-9-]*)",
                "identifiant invalide ([a-z0-9][a-z0-9-]*)",
            )
            return None
        self.batch.references.append(Reference(kind, ident, self.origin(column)))
        return self.batch.iri(kind, ident)

    def refs(self, column: str, kind: str) -> list[URIRef]:
        """A list of ids separated by `;`, `,` or line breaks."""
        out = []
        for part in split_multi(self.get(column), commas=True):
            iri = self.ref(column, kind, part)
            if iri is not None:
                out.append(iri)
        return out

    def url(self, column: str) -> URIRef | None:
        """An http(s) URL."""
        raw = self.get(column)
        if not raw:
            return None
        parts = urlsplit(raw)
        if (
            parts.scheme not in ("http", "https")
            or not parts.netloc
            or re.search(r"[\s<>\"{}|\\^`]", raw)
        ):
            self.problem(column, raw, "not an http(s) URL", "pas une URL http(s)")
            return None
        return URIRef(raw)

    def date(self, column: str) -> Literal | None:
        """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` → typed literal.

        Also accepted, as spreadsheets and French users write them: `JJ/MM/AAAA` (or with `-`
        or `.`), `MM/AAAA`, and an ISO date-time at midnight (`2024-03-01 00:00:00`).
        """
        raw = self.get(column)
        if not raw:
            return None
        value = _iso_date(raw)
        m = DATE_RE.match(value)
        valid = (
            m is not None
            and (m.group(2) is None or 1 <= int(m.group(2)) <= 12)
            and (m.group(3) is None or 1 <= int(m.group(3)) <= 31)
        )
        if not valid or m is None:
            self.problem(
                column,
                raw,
                "not a date (YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY)",
                "date invalide (AAAA, AAAA-MM, AAAA-MM-JJ ou JJ/MM/AAAA)",
            )
            return None
        if m.group(3):
            try:
                datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                self.problem(column, raw, "no such day", "ce jour n'existe pas")
                return None
            return Literal(value, datatype=XSD.date)
        return Literal(value, datatype=XSD.gYearMonth if m.group(2) else XSD.gYear)

    def resources(self, subject: URIRef, column: str = "resources") -> list[Triple]:
        """The resource mix: `code` or `code:percent`, percentages summing to 100 (± 1)."""
        triples: list[Triple] = []
        parts = split_multi(tidy_separators(self.get(column)))
        shares: list[Decimal | None] = []
        seen: set[str] = set()
        for part in parts:
            code_raw, _, pct_raw = part.partition(":")
            iri = self.code(column, "resource-type", code_raw)
            share: Decimal | None = None
            pct = without_spaces(pct_raw).rstrip("%").replace(",", ".")
            if pct:
                try:
                    share = Decimal(pct)
                    if not share.is_finite():
                        raise InvalidOperation(pct)
                except InvalidOperation:
                    self.problem(
                        column,
                        part,
                        "the percentage is not a number",
                        "le pourcentage n'est pas un nombre",
                    )
                    continue
                if not 0 <= share <= 100:
                    self.problem(
                        column,
                        part,
                        "a percentage must be between 0 and 100",
                        "un pourcentage doit être compris entre 0 et 100",
                    )
                    continue
            shares.append(share)
            if iri is None:
                continue
            code = str(iri).rsplit("/", 1)[-1]
            if code in seen:
                self.problem(
                    column, part, "resource type given twice", "type de ressource en double"
                )
                continue
            seen.add(code)
            node = URIRef(f"{subject}#resource-{code}")
            triples += [
                (subject, ALL.resourceShare, node),
                (node, RDF.type, ALL.ResourceShare),
                (node, ALL.resourceType, iri),
            ]
            if share is not None:
                triples.append(
                    (
                        node,
                        ALL.shareOfBudget,
                        Literal(str((share / 100).normalize()), datatype=XSD.decimal),
                    )
                )
        given: list[Decimal] = [s for s in shares if s is not None]
        if given and len(given) != len(shares):
            self.problem(
                column,
                self.get(column),
                "give a percentage for every resource type or for none",
                "donnez un pourcentage pour chaque type de ressource, ou pour aucun",
            )
        elif given and abs(sum(given, Decimal(0)) - 100) > 1:
            self.problem(
                column,
                self.get(column),
                f"percentages sum to {sum(given)}, not 100 (± 1)",
                f"les pourcentages totalisent {sum(given)} et non 100 (± 1)",
            )
        return triples


_SDG_PREFIX = re.compile(r"^(odd|sdg|objectif|cible|target|goal|n°|no)+\.?")
_SDG_SPLIT = re.compile(r"[;\n\r]|,(?=\s)")
_FR_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", re.ASCII)
_FR_MONTH = re.compile(r"^(\d{1,2})[/.-](\d{4})$", re.ASCII)
_ISO_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]00:00(:00(\.0+)?)?Z?$", re.ASCII)
#: Length of an INSEE code at each level.
_INSEE_LENGTH = {"commune": 5, "departement": 2, "region": 2}


#: A commune, département or région code, or an EPCI's SIREN (9 digits).
_INSEE_LIKE = re.compile(r"(?:[0-9]|2[ab])[0-9]{0,4}|[0-9]{9}", re.ASCII | re.IGNORECASE)


def _insee_code(text: str) -> str:
    """`59 350`, `59.350`, `59\u202f350` → `59350` (`200 093 201` → an EPCI's SIREN); anything
    that is not a code (a place name such as `Villeneuve-d'Ascq`) is only trimmed."""
    compact = compact_number(text)
    return compact if _INSEE_LIKE.fullmatch(compact) else text.strip()


def _sdg_parts(cell: str) -> list[str]:
    parts = []
    for chunk in _SDG_SPLIT.split(cell):
        chunk = chunk.strip()
        if not chunk:
            continue
        if "," in chunk and not re.fullmatch(r"\d{1,2},\w{1,2}", without_spaces(chunk)):
            parts += [p.strip() for p in chunk.split(",") if p.strip()]
        else:
            parts.append(without_spaces(chunk) if "," in chunk else chunk)
    return parts


def _iso_date(raw: str) -> str:
    """`15/06/2023` → `2023-06-15`, `06/2024` → `2024-06`, `2024-03-01 00:00:00` → `2024-03-01`."""
    value = without_spaces(raw)
    m = _FR_DATE.match(value)
    if m:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = _FR_MONTH.match(value)
    if m:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = _ISO_MIDNIGHT.match(raw.strip())
    return m.group(1) if m else value


def _padded_territory(value: str) -> tuple[str, str] | None:
    """`commune:1053` → `('commune', '01053')`; bare `1053` a commune, bare `1` a département."""
    if ":" in value:
        parsed = parse_territory(value)
        if parsed is None:
            return None
        level, code = parsed
    elif _is_digits(value) and len(value) == 4:
        level, code = "commune", value
    elif _is_digits(value) and len(value) == 1:
        level, code = "departement", value
    else:
        return None
    width = _INSEE_LENGTH.get(level)
    if width is None or not _is_digits(code) or len(code) >= width:
        return None
    return level, code.zfill(width)


def _is_digits(text: str) -> bool:
    """ASCII digits only (`str.isdigit` also accepts `²` and other scripts' digits)."""
    return text.isascii() and text.isdigit()


def luhn_ok(digits: str) -> bool:
    """Luhn checksum, as used by SIREN and SIRET numbers."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


# -- one mapper per file kind ---------------------------------------------------------------


def _common(row: Row, kind: str) -> tuple[URIRef, list[Triple]] | None:
    ident = row.get("id").lower()
    if not ID_RE.match(ident):
        row.problem(
            "id",
            row.get("id"),
            "not a valid identifier ([a-z0-9][a-z0-9-]*)",
            "identifiant invalide ([a-z0-9][a-z0-9-]*)",
        )
        return None
    subject = row.batch.iri(kind, ident)
    if subject in row.batch.resources:
        first = row.batch.resources[subject]
        row.problem(
            "id",
            ident,
            f"id already used in {first.file} line {first.line}",
            f"identifiant déjà utilisé dans {first.file} ligne {first.line}",
        )
        return None
    row.batch.resources[subject] = row.origin()
    return subject, [(subject, DCT.identifier, Literal(ident))]


def _text(subject: URIRef, pred: URIRef, value: str) -> list[Triple]:
    return [(subject, pred, Literal(value, lang="fr"))] if value else []


def map_actor(row: Row) -> list[Triple]:
    """actors.csv row → triples."""
    head = _common(row, "actor")
    if head is None:
        return []
    s, t = head
    t += [
        (s, RDF.type, ORG.FormalOrganization),
        (s, RDF.type, SCHEMA.Organization),
        (s, RDF.type, FOAF.Organization),
    ]
    name = row.get("name")
    if name:
        t += [(s, SKOS.prefLabel, Literal(name, lang="fr")), (s, FOAF.name, Literal(name))]
    atype = row.code("type", "actor-type")
    if atype is not None:
        t.append((s, ORG.classification, atype))
    t += _text(s, DCT.description, row.get("description"))
    terr = row.territory()
    if terr is not None:
        t.append((s, SCHEMA.areaServed, terr))
    t += [(s, DCT.subject, o) for o in row.sdgs()]
    t += [(s, ALL.offers, o) for o in row.codes("offers", "competence")]
    t += [(s, ALL.needs, o) for o in row.codes("needs", "competence")]
    t += row.resources(s)
    mat = row.code("maturity", "maturity")
    if mat is not None:
        t.append((s, ALL.maturity, mat))
    url = row.url("website")
    if url is not None:
        t.append((s, SCHEMA.url, url))
    t += _identifiers(row, s)
    email = row.get("email").removeprefix("mailto:").strip()
    if email:
        if EMAIL_RE.match(email):
            t.append((s, SCHEMA.email, Literal(email)))
        else:
            row.problem("email", email, "not an e-mail address", "adresse électronique invalide")
    return t


def siret_ok(digits: str) -> bool:
    """A SIRET's checksum: Luhn, except La Poste's (SIREN 356000000), whose digits sum to 5k."""
    if digits.startswith("356000000"):
        return sum(map(int, digits)) % 5 == 0
    return luhn_ok(digits)


def _digits(row: Row, column: str, width: int, name: str) -> str | None:
    """The cell as `width` digits after cleaning, a lost leading zero restored with a warning."""
    raw = row.get(column)
    value = compact_number(raw)
    if not value:
        return None
    if _is_digits(value) and len(value) == width - 1 and not value.startswith("0"):
        row.warn(
            column,
            raw,
            f"{name} read as 0{value} (a spreadsheet drops leading zeros)",
            f"{name} lu comme 0{value} (un tableur supprime les zéros de tête)",
        )
        value = "0" + value
    return value


def _siren_siret(row: Row) -> tuple[str | None, str | None]:
    """The SIREN and SIRET of a row, from `siren` (9 digits, or a 14-digit SIRET) and `siret`."""
    siren = siret = None
    raw = row.get("siren")
    value = compact_number(raw)
    if _is_digits(value) and len(value) in (13, 14):
        siret = _check_siret(row, "siren", _digits(row, "siren", 14, "SIRET") or "")
    elif value:
        value = _digits(row, "siren", 9, "SIREN") or ""
        if not (len(value) == 9 and _is_digits(value)):
            row.problem(
                "siren",
                raw,
                "a SIREN has 9 digits (or give the establishment's 14-digit SIRET)",
                "un SIREN a 9 chiffres (ou donnez le SIRET à 14 chiffres de l'établissement)",
            )
        elif not luhn_ok(value):
            row.problem(
                "siren",
                raw,
                "invalid SIREN: the Luhn checksum fails",
                "SIREN invalide : la clé de Luhn est fausse",
            )
        else:
            siren = value
    other = row.get("siret")
    if other:
        given = _check_siret(row, "siret", _digits(row, "siret", 14, "SIRET") or "")
        if given and siret and given != siret:
            row.problem(
                "siret",
                other,
                f"two different SIRET numbers are given ({siret} and {given})",
                f"deux numéros SIRET différents sont donnés ({siret} et {given})",
            )
        siret = siret or given
    if siret:
        if siren and siret[:9] != siren:
            row.problem(
                "siret",
                siret,
                f"this SIRET does not belong to the SIREN {siren}",
                f"ce SIRET n'appartient pas au SIREN {siren}",
            )
        siren = siret[:9]
    return siren, siret


def _check_siret(row: Row, column: str, value: str) -> str | None:
    raw = row.get(column)
    if not (len(value) == 14 and _is_digits(value)):
        row.problem(column, raw, "a SIRET has 14 digits", "un SIRET a 14 chiffres")
        return None
    if not siret_ok(value):
        row.problem(
            column,
            raw,
            "invalid SIRET: the Luhn checksum fails",
            "SIRET invalide : la clé de Luhn est fausse",
        )
        return None
    if not luhn_ok(value[:9]) and not value.startswith("356000000"):
        row.problem(
            column,
            raw,
            "invalid SIRET: its first 9 digits are not a valid SIREN",
            "SIRET invalide : ses 9 premiers chiffres ne forment pas un SIREN valide",
        )
        return None
    return value


def _identifiers(row: Row, s: URIRef) -> list[Triple]:
    """`siren`, `siret` and `rna` → `adms:identifier` nodes `#siren`, `#siret`, `#rna`."""
    found: list[tuple[str, str]] = []
    siren, siret = _siren_siret(row)
    if siren:
        found.append(("siren", siren))
    if siret:
        found.append(("siret", siret))
    raw = row.get("rna")
    if raw:
        rna = compact_number(raw).upper()
        if re.fullmatch(r"W\d{9}", rna):
            found.append(("rna", rna))
        else:
            row.problem(
                "rna",
                raw,
                "an RNA number is W followed by 9 digits",
                "un numéro RNA est W suivi de 9 chiffres",
            )
    triples: list[Triple] = []
    for register, number in found:
        node = URIRef(f"{s}#{register}")
        triples += [
            (s, ADMS.identifier, node),
            (node, RDF.type, ADMS.Identifier),
            (node, SKOS.notation, Literal(number)),
            (node, DCT.type, Literal(register.upper())),
        ]
    return triples


def map_alliance(row: Row) -> list[Triple]:
    """alliances.csv row → triples."""
    head = _common(row, "alliance")
    if head is None:
        return []
    s, t = head
    t += [
        (s, RDF.type, ALL.Alliance),
        (s, RDF.type, ORG.OrganizationalCollaboration),
        (s, RDF.type, SCHEMA.Project),
    ]
    t += _text(s, SKOS.prefLabel, row.get("title"))
    members = row.refs("members", "actor")
    if len(set(members)) < 2 and row.get("members"):
        row.problem(
            "members",
            row.get("members"),
            "an alliance needs at least 2 members",
            "une alliance compte au moins 2 membres",
        )
    lead = row.ref("lead", "actor")
    if lead is not None and lead not in members:
        row.problem(
            "lead",
            row.get("lead"),
            "the lead must be one of the members",
            "le chef de file doit faire partie des membres",
        )
    for member in dict.fromkeys(members):
        m = URIRef(f"{s}#member-{str(member).rsplit('/', 1)[-1]}")
        role = concept("role", "chef-de-file" if member == lead else "membre")
        t += [
            (s, ORG.hasMember, member),
            (m, RDF.type, ORG.Membership),
            (m, ORG.member, member),
            (m, ORG.organization, s),
            (m, ORG.role, role),
        ]
    t += _text(s, DCT.description, row.get("description"))
    terr = row.territory()
    if terr is not None:
        t.append((s, SCHEMA.areaServed, terr))
    t += [(s, DCT.subject, o) for o in row.sdgs()]
    t += row.resources(s)
    start, end = row.date("start"), row.date("end")
    if start is not None:
        t.append((s, SCHEMA.startDate, start))
    if end is not None:
        t.append((s, SCHEMA.endDate, end))
    if start is not None and end is not None and str(end) < str(start)[: len(str(end))]:
        row.problem("end", str(end), "the end is before the start", "la fin précède le début")
    status = row.code("status", "alliance-status")
    if status is not None:
        t.append((s, ALL.status, status))
    t += [(s, ALL.usesTool, o) for o in row.refs("tools", "tool")]
    return t


def map_tool(row: Row) -> list[Triple]:
    """tools.csv row → triples."""
    head = _common(row, "tool")
    if head is None:
        return []
    s, t = head
    t += [(s, RDF.type, ALL.Tool), (s, RDF.type, SCHEMA.CreativeWork)]
    t += _text(s, SKOS.prefLabel, row.get("title"))
    t += _text(s, DCT.description, row.get("description"))
    url = row.url("url")
    if url is not None:
        t.append((s, SCHEMA.url, url))
    kind = row.code("kind", "tool-kind")
    if kind is not None:
        t.append((s, DCT.type, kind))
    t += [(s, ALL.maturity, o) for o in row.codes("maturity", "maturity")]
    t += [(s, ALL.pillar, o) for o in row.codes("pillars", "pillar")]
    t += [(s, SCHEMA.audience, o) for o in row.codes("audience", "actor-type")]
    t += [(s, DCT.subject, o) for o in row.sdgs()]
    publisher = row.ref("publisher", "actor")
    if publisher is not None:
        t.append((s, SCHEMA.publisher, publisher))
    return t


def map_evaluation(row: Row) -> list[Triple]:
    """evaluations.csv row → triples."""
    head = _common(row, "evaluation")
    if head is None:
        return []
    s, t = head
    t += [(s, RDF.type, ALL.Evaluation), (s, RDF.type, PROV.Entity), (s, RDF.type, SCHEMA.Review)]
    alliance = row.ref("alliance", "alliance")
    if alliance is not None:
        t.append((s, SCHEMA.itemReviewed, alliance))
    date = row.date("date")
    if date is not None:
        t.append((s, DCT.date, date))
    for part in split_multi(tidy_separators(row.get("scores")), commas=True):
        crit_raw, _, value = part.partition(":")
        crit = row.code("scores", "criterion", crit_raw)
        value = without_spaces(value).removesuffix("/5")
        if not re.fullmatch("[1-5]", value):
            row.problem(
                "scores",
                part,
                "a score is criterion:N with N from 1 to 5",
                "une note s'écrit critère:N avec N de 1 à 5",
            )
            continue
        if crit is None:
            continue
        node = URIRef(f"{s}#score-{str(crit).rsplit('/', 1)[-1]}")
        t += [
            (s, SCHEMA.reviewRating, node),
            (node, RDF.type, SCHEMA.Rating),
            (node, ALL.criterion, crit),
            (node, SCHEMA.ratingValue, Literal(int(value))),
            (node, SCHEMA.worstRating, Literal(1)),
            (node, SCHEMA.bestRating, Literal(5)),
        ]
    t += _text(s, SCHEMA.reviewBody, row.get("summary"))
    evaluator = row.ref("evaluator", "actor")
    if evaluator is not None:
        t.append((s, PROV.wasAttributedTo, evaluator))
    return t


MAPPERS: dict[str, Callable[[Row], list[Triple]]] = {
    "actors": map_actor,
    "alliances": map_alliance,
    "tools": map_tool,
    "evaluations": map_evaluation,
}


#: Columns whose text may hold the delimiter unquoted when they come last in a CSV row.
FREE_TEXT = frozenset({"name", "title", "description", "summary"})


def read_csv(batch: Batch, name: str, data: bytes, progress: Progress | None = None) -> None:
    """Read one tabular file (CSV, TSV, xlsx, xls, ods) into `batch`; see `read_tabular`."""
    read_tabular(batch, read_table(name, data), progress)


def read_tabular(batch: Batch, table: Table, progress: Progress | None = None) -> None:
    """Map one table of the contract into `batch` (triples, resources, references, problems).

    The kind of file comes from its name or header (`graph.csv_columns.detect_kind`); headers may
    be English or French (`graph.csv_columns.OTHER_NAMES`). Reading problems of the table and
    its warnings join the batch's; `batch.inputs` gets `table.info()`. Reports `progress` as rows
    read and checked.
    """
    problems, warnings = len(batch.problems), len(batch.warnings)
    mapped = _map_header(batch, table, [c.header for c in table.columns])
    if mapped is not None:
        kind, names = mapped
        table.join_tail = names[-1] in FREE_TEXT
        _read_rows(batch, table, kind, names, progress)
    # this file's problems and warnings, in line order (reading and mapping interleave)
    batch.problems[problems:] = sorted(batch.problems[problems:] + table.problems, key=_by_line)
    batch.warnings[warnings:] = sorted(batch.warnings[warnings:] + table.warnings, key=_by_line)
    batch.inputs.append(table.info())


def _by_line(p: Problem) -> int:
    return p.line or 0


def _read_rows(
    batch: Batch, table: Table, kind: str, names: list[str], progress: Progress | None
) -> None:
    mapper = MAPPERS[kind]
    headers = dict(zip(names, (c.header for c in table.columns), strict=True))
    required = [c for c, req in COLUMNS[kind].items() if req]
    label = f"lecture de {table.file}"
    with task(progress, label, table.size_hint, "lignes") as bar:
        for n, record in enumerate(table.records(), 1):
            row = Row(
                batch, table.file, record.line, dict(zip(names, record.cells, strict=True)), headers
            )
            for column in required:
                if not row.get(column):
                    row.problem(
                        column, "", "required value missing", "valeur obligatoire manquante"
                    )
            triples = mapper(row)
            if row.ok:
                batch.triples.extend(triples)
            if n % 256 == 0:
                bar.advance(256)
        bar.advance(table.rows % 256)


def _map_header(batch: Batch, table: Table, headers: list[str]) -> tuple[str, list[str]] | None:
    """The file's kind and the contract column of each header, or None (problems recorded)."""
    if not headers:
        return None
    guess = detect_kind(f"{Path(table.file.split('#')[0]).stem} {table.sheet or ''}", headers)
    if guess.kind is None:
        table.problem(
            table.header_line,
            None,
            None,
            "cannot tell which file of the contract this is (actors, alliances, tools, "
            "evaluations): name the file after it (actors.csv, acteurs.xlsx…) or give its "
            "required columns",
            "impossible de savoir de quel fichier du contrat il s'agit (acteurs, alliances, "
            "outils, évaluations) : nommez le fichier d'après lui (actors.csv, acteurs.xlsx…) "
            "ou donnez ses colonnes obligatoires",
        )
        return None
    kind = guess.kind
    ok = True
    names: list[str] = []
    seen: dict[str, str] = {}
    for column in table.columns:
        name = column_for(kind, column.header)
        if name is None:
            ok = False
            table.problem(
                table.header_line,
                column.header,
                column.header,
                f"unknown column for {kind} (column {column.letter}); expected: {expected(kind)}",
                f"colonne inconnue pour {kind} (colonne {column.letter}) ; attendues : "
                f"{expected(kind)}",
            )
            continue
        if name in seen:
            ok = False
            table.problem(
                table.header_line,
                column.header,
                column.header,
                f"column {names_of(kind, name)} appears twice "
                f"(« {seen[name]} » and « {column.header} »)",
                f"la colonne {names_of(kind, name)} apparaît deux fois "
                f"(« {seen[name]} » et « {column.header} »)",
            )
            continue
        seen[name] = column.header
        names.append(name)
    for name, required in COLUMNS[kind].items():
        if required and name not in seen:
            ok = False
            table.problem(
                table.header_line,
                names_of(kind, name),
                None,
                f"required column missing: {names_of(kind, name)}",
                f"colonne obligatoire absente : {names_of(kind, name)}",
            )
    return (kind, names) if ok else None
