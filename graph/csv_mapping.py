"""The CSV contract (DESIGN §3): read rows, check every value, map them to RDF (docs/model.md).

Reading never stops at the first problem: each one is recorded with file, line, column, value and
reason (FR and EN), so a user fixes a whole file set in one go.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
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

from .codes import match_code, split_multi
from .errors import Problem
from .places import resolve_place
from .reference import SDG_GOALS, parse_territory, sdg_iri, sdg_targets, territories, territory_iri

Triple = tuple[Node, Node, Node]

KINDS = ("actors", "alliances", "tools", "evaluations")

#: Columns of each file: name -> required.
COLUMNS: dict[str, dict[str, bool]] = {
    "actors": {
        "id": True,
        "name": True,
        "type": True,
        "description": False,
        "territory": False,
        "sdgs": False,
        "offers": False,
        "needs": False,
        "resources": False,
        "maturity": False,
        "website": False,
        "siren": False,
        "rna": False,
        "email": False,
    },
    "alliances": {
        "id": True,
        "title": True,
        "members": True,
        "lead": False,
        "description": False,
        "territory": False,
        "sdgs": False,
        "resources": False,
        "start": False,
        "end": False,
        "status": False,
        "tools": False,
    },
    "tools": {
        "id": True,
        "title": True,
        "description": False,
        "url": False,
        "kind": False,
        "maturity": False,
        "pillars": False,
        "audience": False,
        "sdgs": False,
        "publisher": False,
    },
    "evaluations": {
        "id": True,
        "alliance": True,
        "date": True,
        "scores": False,
        "summary": False,
        "evaluator": False,
    },
}

#: The kind of resource each file defines, as used in instance IRIs.
RESOURCE_KIND = {
    "actors": "actor",
    "alliances": "alliance",
    "tools": "tool",
    "evaluations": "evaluation",
}

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


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
    """Everything read from a file set: triples, resources defined, references, problems."""

    base: str
    triples: list[Triple] = field(default_factory=list)
    resources: dict[URIRef, Origin] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def iri(self, kind: str, ident: str) -> URIRef:
        """Instance IRI `{base}{kind}/{id}`."""
        return URIRef(f"{self.base}{kind}/{ident}")


class Row:
    """One CSV row being mapped: gives checked values and records problems."""

    def __init__(self, batch: Batch, file: str, line: int, values: dict[str, str]) -> None:
        self.batch, self.file, self.line, self.values = batch, file, line, values
        self.ok = True

    def get(self, column: str) -> str:
        """The trimmed cell (empty string when absent)."""
        return (self.values.get(column) or "").strip()

    def problem(self, column: str | None, value: str | None, reason: str, reason_fr: str) -> None:
        """Record a problem on this row."""
        self.ok = False
        self.batch.problems.append(Problem(self.file, self.line, column, value, reason, reason_fr))

    def origin(self, column: str | None = None) -> Origin:
        """Origin of this row (and column)."""
        return Origin(self.file, self.line, column)

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
        """A `;`-separated list of controlled codes."""
        out = []
        for part in split_multi(self.get(column)):
            iri = self.code(column, scheme, part)
            if iri is not None:
                out.append(iri)
        return out

    def territory(self, column: str = "territory") -> URIRef | None:
        """`region:32`, `departement:59`, `epci:200093201`, `commune:59350` → INSEE IRI, checked
        against the COG (and the DGCL list of EPCI, by SIREN)."""
        raw = self.get(column)
        if not raw:
            return None
        parsed = parse_territory(raw)
        if parsed is None or parsed not in territories():
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
        """Goals and targets, checked against the UN list."""
        out = []
        for part in split_multi(self.get(column)):
            code = part.lower().removeprefix("odd").removeprefix("sdg").strip()
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
        """A `;`-separated list of ids."""
        out = []
        for part in split_multi(self.get(column)):
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
        """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` → typed literal."""
        raw = self.get(column)
        if not raw:
            return None
        m = DATE_RE.match(raw)
        valid = (
            m is not None
            and (m.group(2) is None or 1 <= int(m.group(2)) <= 12)
            and (m.group(3) is None or 1 <= int(m.group(3)) <= 31)
        )
        if not valid or m is None:
            self.problem(
                column,
                raw,
                "not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                "date invalide (AAAA, AAAA-MM ou AAAA-MM-JJ)",
            )
            return None
        if m.group(3):
            import datetime

            try:
                datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                self.problem(column, raw, "no such day", "ce jour n'existe pas")
                return None
            return Literal(raw, datatype=XSD.date)
        return Literal(raw, datatype=XSD.gYearMonth if m.group(2) else XSD.gYear)

    def resources(self, subject: URIRef, column: str = "resources") -> list[Triple]:
        """The resource mix: `code` or `code:percent`, percentages summing to 100 (± 1)."""
        triples: list[Triple] = []
        parts = split_multi(self.get(column))
        shares: list[Decimal | None] = []
        seen: set[str] = set()
        for part in parts:
            code_raw, _, pct_raw = part.partition(":")
            iri = self.code(column, "resource-type", code_raw)
            share: Decimal | None = None
            if pct_raw.strip():
                try:
                    share = Decimal(pct_raw.strip().rstrip("%").replace(",", "."))
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


def luhn_ok(digits: str) -> bool:
    """Luhn checksum, as used by SIREN numbers."""
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
    t += _identifier(row, s, "siren")
    t += _identifier(row, s, "rna")
    email = row.get("email")
    if email:
        if EMAIL_RE.match(email):
            t.append((s, SCHEMA.email, Literal(email)))
        else:
            row.problem("email", email, "not an e-mail address", "adresse électronique invalide")
    return t


def _identifier(row: Row, s: URIRef, column: str) -> list[Triple]:
    raw = row.get(column).replace(" ", "")
    if not raw:
        return []
    if column == "siren":
        if not (len(raw) == 9 and raw.isdigit()):
            row.problem(column, raw, "a SIREN has 9 digits", "un SIREN a 9 chiffres")
            return []
        if not luhn_ok(raw):
            row.problem(
                column,
                raw,
                "invalid SIREN: the Luhn checksum fails",
                "SIREN invalide : la clé de Luhn est fausse",
            )
            return []
    else:
        raw = raw.upper()
        if not re.fullmatch(r"W\d{9}", raw):
            row.problem(
                column,
                raw,
                "an RNA number is W followed by 9 digits",
                "un numéro RNA est W suivi de 9 chiffres",
            )
            return []
    node = URIRef(f"{s}#{column}")
    return [
        (s, ADMS.identifier, node),
        (node, RDF.type, ADMS.Identifier),
        (node, SKOS.notation, Literal(raw)),
        (node, DCT.type, Literal(column.upper())),
    ]


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
    for part in split_multi(row.get("scores")):
        crit_raw, _, value = part.partition(":")
        crit = row.code("scores", "criterion", crit_raw)
        if not value.strip().isdigit() or not 1 <= int(value) <= 5:
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


def detect_kind(name: str, header: list[str]) -> str | None:
    """The kind of a CSV file, from its name (actors.csv, mes-outils-tools.csv) or its header."""
    stem = name.lower().rsplit("/", 1)[-1]
    for kind in KINDS:
        if kind in stem or kind.rstrip("s") in stem:
            return kind
    cols = set(header)
    if "members" in cols:
        return "alliances"
    if "alliance" in cols and "date" in cols:
        return "evaluations"
    if "name" in cols and "type" in cols:
        return "actors"
    if "title" in cols:
        return "tools"
    return None


def read_csv(batch: Batch, name: str, data: bytes) -> None:
    """Read one CSV file into `batch` (triples, resources, references, problems)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        batch.problems.append(
            Problem(
                name, None, None, None, f"not UTF-8 ({exc.reason})", "le fichier n'est pas en UTF-8"
            )
        )
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        batch.problems.append(Problem(name, None, None, None, "empty file", "fichier vide"))
        return
    except csv.Error as exc:
        batch.problems.append(
            Problem(name, 1, None, None, f"malformed CSV: {exc}", f"CSV mal formé : {exc}")
        )
        return
    kind = detect_kind(name, header)
    if kind is None:
        batch.problems.append(
            Problem(
                name,
                1,
                None,
                None,
                "cannot tell which file of the contract this is "
                "(actors, alliances, tools, evaluations)",
                "impossible de savoir de quel fichier du contrat il s'agit "
                "(actors, alliances, tools, evaluations)",
            )
        )
        return
    if not _check_header(batch, name, kind, header):
        return
    mapper = MAPPERS[kind]
    for line, cells in _rows(batch, name, reader):
        if len(cells) != len(header):
            batch.problems.append(
                Problem(
                    name,
                    line,
                    None,
                    None,
                    f"{len(cells)} cells where the header has {len(header)}",
                    f"{len(cells)} cellules alors que l'en-tête en a {len(header)}",
                )
            )
            continue
        values = dict(zip(header, cells, strict=True))
        row = Row(batch, name, line, values)
        for column, required in COLUMNS[kind].items():
            if required and not row.get(column):
                row.problem(column, "", "required value missing", "valeur obligatoire manquante")
        triples = mapper(row)
        if row.ok:
            batch.triples.extend(triples)


def _check_header(batch: Batch, name: str, kind: str, header: list[str]) -> bool:
    ok = True
    known = COLUMNS[kind]
    for col in header:
        if col not in known:
            ok = False
            batch.problems.append(
                Problem(
                    name,
                    1,
                    col,
                    col,
                    f"unknown column for {kind}.csv; expected: {', '.join(known)}",
                    f"colonne inconnue pour {kind}.csv ; attendues : {', '.join(known)}",
                )
            )
    for col, required in known.items():
        if required and col not in header:
            ok = False
            batch.problems.append(
                Problem(
                    name, 1, col, None, "required column missing", "colonne obligatoire absente"
                )
            )
    if len(set(header)) != len(header):
        ok = False
        batch.problems.append(
            Problem(name, 1, None, None, "a column appears twice", "une colonne apparaît deux fois")
        )
    return ok


def _rows(batch: Batch, name: str, reader: Any) -> Iterator[tuple[int, list[str]]]:
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            batch.problems.append(
                Problem(name, line, None, None, f"malformed CSV: {exc}", f"CSV mal formé : {exc}")
            )
            return
        if any(c.strip() for c in cells):
            yield line, cells
        line = reader.line_num + 1
