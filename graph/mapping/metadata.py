"""A mapping: W3C CSVW metadata describing a foreign table, and the SPARQL rules it names.

A mapping is a JSON file (`*.csv-metadata.json`, the CSVW « metadata document » of *Metadata
Vocabulary for Tabular Data*, W3C Recommendation 2015) read with the `csvw` package. What it says,
and how `graph.mapping.csv2rdf` reads it (the standard mode of *Generating RDF from Tabular Data on
the Web*, W3C Recommendation 2015, without the table and row description triples):

- the table group's common properties describe the *source dataset*: `dc:identifier` (the source
  name, `[a-z0-9][a-z0-9-]*`), `dc:title`, `dc:description`, `dc:publisher` (an object with
  `@id` and `foaf:name`), `dc:license` (`{"@id": …}`), `dc:modified` (the date of the data),
  `dc:source` (where the file comes from), `dc:rights` (the attribution sentence); they become the
  DCAT/PROV description of the source graph;
- each table: `url` (the file, relative to the metadata file), `dialect` (ignored: the shared
  reader `graph.tabular` detects encoding and delimiter), `dc:format` `application/json` for a JSON
  array of flat records (`graph.mapping.records`), and a `tableSchema` with `aboutUrl` and columns
  (`name`, `titles`, `datatype`, `null`, `separator`, `required`, `default`, `propertyUrl`,
  `valueUrl`, `aboutUrl`, `virtual`, `suppressOutput`, `lang`);
- two extensions, absolute IRIs in our namespace (CSVW allows such common properties):
  `all:rules` on the table group, SPARQL CONSTRUCT files run over the mapped graph
  (`graph.mapping.rules`), and `all:placeFrom` on a virtual column, a text template resolved to a
  commune (`graph.mapping.places`).

Relative IRIs in `aboutUrl` / `valueUrl` resolve against the instance base (`BASE_IRI`), as if the
metadata's `@base` were set to it; prefixed names use the RDFa initial context (`schema:`, `org:`,
`skos:`, `dc:`…), as CSVW says.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from csvw import TableGroup
from csvw.metadata import NAMESPACES, Column
from rdflib import Literal, URIRef
from rdflib.term import Node

from ontology.namespaces import ALL

from ..errors import BadRequest

#: Prefixes of CURIEs in mappings: the RDFa 1.1 initial context (what CSVW uses), except that
#: `schema:` is schema.org's https namespace, which the whole project uses.
PREFIXES: dict[str, str] = {**NAMESPACES, "schema": "https://schema.org/"}

SOURCE_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
JSON_FORMAT = "application/json"
_RULES = str(ALL.rules)
_PLACE = str(ALL.placeFrom)


@dataclass(frozen=True)
class TableSpec:
    """One table of a mapping: its file, format and columns (csvw objects)."""

    url: str
    path: Path
    format: str  # "json" or "tabular"
    table: Any  # csvw.metadata.Table
    columns: tuple[Column, ...]

    @property
    def about(self) -> Any:
        """The table schema's `aboutUrl` template (or None)."""
        return self.table.tableSchema.aboutUrl


@dataclass(frozen=True)
class Mapping:
    """A loaded mapping: where it is, the source it defines, its tables and rules."""

    path: Path
    source: str
    tables: tuple[TableSpec, ...]
    rules: tuple[Path, ...]
    #: Common properties of the table group (JSON-LD values), describing the source dataset.
    properties: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> list[tuple[Node | None, Node, Node]]:
        """DCAT/DCT triples about the source graph (`None` stands for the graph)."""
        out: list[tuple[Node | None, Node, Node]] = []
        for key, value in self.properties.items():
            if key in (_RULES, "dc:identifier"):
                continue
            predicate = expand_name(key)
            if predicate is None:
                continue
            for subject, p, o in jsonld_values(None, predicate, value):
                out.append((subject, p, o))
        return out


def expand_name(name: str) -> URIRef | None:
    """`dc:title` → the dcterms IRI (RDFa initial context); an absolute IRI stays as it is."""
    prefix, sep, local = name.partition(":")
    if sep and prefix in PREFIXES:
        return URIRef(PREFIXES[prefix] + local)
    if name.startswith(("http://", "https://")):
        return URIRef(name)
    return None


def jsonld_values(
    subject: Node | None, predicate: URIRef, value: Any
) -> list[tuple[Node | None, Node, Node]]:
    """The triples of a CSVW common property: strings, `{"@value", "@language"}`,
    `{"@value", "@type"}`, `{"@id", …more properties}`, or lists of them."""
    if isinstance(value, list):
        return [t for v in value for t in jsonld_values(subject, predicate, v)]
    if isinstance(value, dict):
        if "@id" in value:
            node = URIRef(value["@id"])
            out: list[tuple[Node | None, Node, Node]] = [(subject, predicate, node)]
            for k, v in value.items():
                p = None if k.startswith("@") else expand_name(k)
                if p is not None:
                    out += jsonld_values(node, p, v)
            return out
        if "@value" in value:
            typ = value.get("@type")
            datatype = expand_name(typ) if typ else None
            return [
                (
                    subject,
                    predicate,
                    Literal(value["@value"], lang=value.get("@language"), datatype=datatype),
                )
            ]
        return []
    return [(subject, predicate, Literal(value))]


def load_mapping(path: Path | str) -> Mapping:
    """Read and check a mapping file; raises BadRequest (FR/EN) naming what is wrong."""
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BadRequest(
            f"no such mapping file: {path}",
            message_fr=f"fichier de correspondance introuvable : {path}",
        ) from exc
    except (OSError, ValueError) as exc:
        raise BadRequest(
            f"{path.name}: not a JSON document ({exc})",
            message_fr=f"{path.name} : ce n'est pas un document JSON ({exc})",
        ) from exc
    if not isinstance(doc, dict) or "tables" not in doc:
        raise BadRequest(
            f"{path.name}: a CSVW table group with 'tables' is expected",
            message_fr=f"{path.name} : un groupe de tables CSVW avec « tables » est attendu",
        )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            group = TableGroup.fromvalue(doc)
        except (ValueError, TypeError, KeyError) as exc:
            raise BadRequest(
                f"{path.name}: invalid CSVW metadata ({exc})",
                message_fr=f"{path.name} : métadonnées CSVW invalides ({exc})",
            ) from exc
    if caught:
        what = "; ".join(sorted({str(w.message) for w in caught}))
        raise BadRequest(
            f"{path.name}: invalid CSVW metadata ({what})",
            message_fr=f"{path.name} : métadonnées CSVW invalides ({what})",
        )
    source = str(group.common_props.get("dc:identifier", ""))
    if not SOURCE_RE.match(source):
        raise BadRequest(
            f"{path.name}: 'dc:identifier' must name the source ([a-z0-9][a-z0-9-]*)",
            message_fr=f"{path.name} : « dc:identifier » doit nommer la source "
            "([a-z0-9][a-z0-9-]*)",
        )
    tables = tuple(_table(path, t) for t in group.tables)
    rules = group.common_props.get(_RULES, [])
    rule_files = tuple(path.parent / r for r in ([rules] if isinstance(rules, str) else rules))
    for r in rule_files:
        if not r.is_file():
            raise BadRequest(
                f"{path.name}: rules file not found: {r.name}",
                message_fr=f"{path.name} : fichier de règles introuvable : {r.name}",
            )
    return Mapping(path, source, tables, rule_files, dict(group.common_props))


def _table(path: Path, table: Any) -> TableSpec:
    url = str(table.url)
    fmt = table.common_props.get("dc:format")
    columns = tuple(table.tableSchema.columns)
    for c in columns:
        if c.virtual and not (c.valueUrl or c.default or c.common_props.get(_PLACE)):
            raise BadRequest(
                f"{path.name}: virtual column {c.name!r} needs a valueUrl, a default or "
                "all:placeFrom",
                message_fr=f"{path.name} : la colonne virtuelle {c.name!r} demande un valueUrl, "
                "un default ou all:placeFrom",
            )
    for c in (table.tableSchema, *columns):
        for attr in ("aboutUrl", "propertyUrl", "valueUrl"):
            _check_prefix(path, getattr(c, attr), c)
    for c in columns:
        if not c.suppressOutput and c.propertyUrl is None:
            raise BadRequest(
                f"{path.name}: column {c.name!r} needs a propertyUrl (or suppressOutput)",
                message_fr=f"{path.name} : la colonne {c.name!r} demande un propertyUrl "
                "(ou suppressOutput)",
            )
    return TableSpec(
        url=url,
        path=(path.parent / url).resolve(),
        format="json" if fmt == JSON_FORMAT else "tabular",
        table=table,
        columns=columns,
    )


_CURIE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):(?!//)")


def _check_prefix(path: Path, template: Any, where: Any) -> None:
    """A template starting with `prefix:` must use a prefix of the RDFa initial context."""
    if template is None:
        return
    m = _CURIE.match(str(template.uri))
    if m and m.group(1) not in PREFIXES and m.group(1) not in ("urn", "http", "https"):
        raise BadRequest(
            f"{path.name}: unknown prefix {m.group(1)!r} in {template.uri!r} (CSVW knows the "
            "RDFa initial context: write other IRIs in full)",
            message_fr=f"{path.name} : préfixe inconnu {m.group(1)!r} dans {template.uri!r} "
            "(CSVW connaît le contexte initial RDFa : écrivez les autres IRI en entier)",
        )
    del where


def place_template(column: Column) -> str | None:
    """The `all:placeFrom` text template of a virtual column, if any."""
    value = column.common_props.get(_PLACE)
    return str(value) if value else None
