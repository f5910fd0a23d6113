"""The mapping engine: a mapping (CSVW metadata + SPARQL rules) and its files → one checked batch.

`map_files` reads each table's file with the shared readers (`graph.mapping.records`), maps the
rows (`graph.mapping.csv2rdf`), runs the rules (`graph.mapping.rules`) and returns the same
`Batch` the CSV importer builds (triples, instance resources with the row defining each, problems,
warnings, how each file was read), which `graph.mapping.importing` checks and publishes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path

from rdflib import URIRef
from rdflib.term import Node

from ontology import SCHEMES_TTL
from ontology.namespaces import IGEO, RDF

from ..csv_mapping import Batch, Origin
from ..errors import BadRequest, Problem
from ..importer import MAX_FILE_BYTES, too_large
from ..rdfio import parse
from ..reference import territories
from .csv2rdf import INSTANCE_KINDS, Mapped, RowMapper, normalise_id
from .metadata import Mapping, TableSpec
from .records import read_rows
from .rules import run_rules

Vocabulary = Callable[[], Iterable[tuple[object, object, object]]]


@cache
def _schemes() -> tuple[tuple[object, object, object], ...]:
    return tuple(parse(SCHEMES_TTL.read_bytes(), "ttl"))


def rule_vocabulary() -> list[tuple[object, object, object]]:
    """What rules may read besides the mapped graph: our SKOS schemes and the data-inclusion code
    lists with their SKOS mappings onto ours (`graph.vocabularies.data_inclusion_triples`)."""
    from ..vocabularies import data_inclusion_triples

    return [*_schemes(), *data_inclusion_triples(), *_intercommunalities()]


@cache
def _intercommunalities() -> tuple[tuple[object, object, object], ...]:
    """`?epci a igeo:Intercommunalite` for every EPCI of the COG (rules check an EPCI exists)."""
    return tuple(
        (t.iri, RDF.type, IGEO.Intercommunalite)
        for t in territories().values()
        if t.level == "epci"
    )


def table_files(mapping: Mapping, files: Sequence[Path] | None) -> list[tuple[TableSpec, Path]]:
    """Which file each table reads: the given files (by name, else in order), or the tables'
    own `url` when none is given."""
    if not files:
        return [(t, t.path) for t in mapping.tables]
    files = [Path(f) for f in files]
    for f in files:
        if not f.is_file():
            raise BadRequest(f"no such file: {f}", message_fr=f"fichier introuvable : {f}")
    if len(files) != len(mapping.tables):
        n = len(mapping.tables)
        raise BadRequest(
            f"the mapping {mapping.path.name} describes {n} table(s); give {n} file(s)",
            message_fr=f"la correspondance {mapping.path.name} décrit {n} table(s) : donnez "
            f"{n} fichier(s)",
        )
    by_name = {Path(t.url).name: t for t in mapping.tables}
    if all(f.name in by_name for f in files):
        return [(by_name[f.name], f) for f in files]
    return list(zip(mapping.tables, files, strict=True))


def map_files(
    mapping: Mapping,
    files: Sequence[Path] | None,
    base: str,
    *,
    vocabulary: Vocabulary = rule_vocabulary,
    say: Callable[[str], None] | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> tuple[Batch, dict[str, str]]:
    """Map the files of `mapping`; returns the batch and the SHA-256 of each file read (data
    files, the mapping and its rules). Problems are in `batch.problems` (a file over
    `max_file_bytes` is one, and is not read), nothing raises for bad content."""
    batch = Batch(base)
    mapped = Mapped()
    sums: dict[str, str] = {}
    for spec, path in table_files(mapping, files):
        size = path.stat().st_size
        if size > max_file_bytes:
            mapped.problems.append(too_large(path.name, size, max_file_bytes))
            continue
        data = path.read_bytes()
        sums[path.name] = hashlib.sha256(data).hexdigest()
        if say:
            say(f"lecture de {path.name}")
        rows = read_rows(spec, path.name, data)
        mapped.problems += rows.problems
        mapped.warnings += rows.warnings
        batch.inputs.append(rows.info)
        RowMapper(spec, base, mapped).map(rows)
    for extra in (mapping.path, *mapping.rules):
        sums[extra.name] = hashlib.sha256(extra.read_bytes()).hexdigest()
    batch.triples = list(mapped.triples)
    batch.resources = dict(mapped.resources)
    batch.problems, batch.warnings = mapped.problems, mapped.warnings
    if batch.problems or not mapping.rules:
        return batch, sums
    if say:
        say("règles de la correspondance")
    added = run_rules(mapping.rules, batch.triples, vocabulary(), base)
    origin = Origin(mapping.rules[0].name, 0)
    for s, p, o in added:
        s, o = _normalised(base, s), _normalised(base, o)
        batch.triples.append((s, p, o))
        _record(batch, s, origin)
    batch.triples = list(dict.fromkeys(batch.triples))
    _check_references(batch)
    return batch, sums


def _normalised(base: str, term: Node) -> Node:
    if not isinstance(term, URIRef) or not str(term).startswith(base):
        return term
    kind, sep, rest = str(term)[len(base) :].partition("/")
    if not sep or kind not in INSTANCE_KINDS:
        return term
    ident, hash_, fragment = rest.partition("#")
    fragment = normalise_id(fragment) if fragment else ""
    return URIRef(f"{base}{kind}/{normalise_id(ident)}{hash_}{fragment}")


def _record(batch: Batch, subject: Node, origin: Origin) -> None:
    if not isinstance(subject, URIRef):
        return
    iri = str(subject).split("#", 1)[0]
    if iri.startswith(batch.base) and iri[len(batch.base) :].split("/", 1)[0] in INSTANCE_KINDS:
        batch.resources.setdefault(URIRef(iri), origin)


def _check_references(batch: Batch) -> None:
    """Every instance IRI used as an object must be a resource of the batch (a mapping never
    points at resources of other sources: it cannot know them)."""
    for s, _, o in batch.triples:
        if not isinstance(o, URIRef) or "#" in str(o) or not str(o).startswith(batch.base):
            continue
        if str(o)[len(batch.base) :].split("/", 1)[0] not in INSTANCE_KINDS:
            continue
        if o not in batch.resources:
            origin = batch.resources.get(URIRef(str(s).split("#", 1)[0]), Origin("?", 0))
            batch.problems.append(
                Problem(
                    origin.file,
                    origin.line or None,
                    None,
                    str(o)[len(batch.base) :],
                    "refers to a resource the mapping does not define",
                    "désigne une ressource que la correspondance ne définit pas",
                )
            )
