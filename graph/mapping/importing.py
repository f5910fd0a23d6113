"""Import and validation of foreign files through a mapping: the same checks, the same
all-or-nothing publication and the same report as the CSV contract (`graph.importer`).

`import_mapped` maps the files (`graph.mapping.engine`), reports every problem of every row at
once (file, line, column, value, reason in French and English) and writes nothing if there is
one; checks the mapped graph against the SHACL shapes (`ontology/shapes.ttl`); recognises the
organisations already published or repeated in the file (`graph.mapping.duplicates`) and merges
them; then publishes the whole source in one atomic write, its named graph described with PROV-O
and DCAT (files and their SHA-256, the mapping, the dataset's title, publisher, licence, date of
the data and attribution, from the mapping's metadata).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import URIRef

from ..csv_mapping import Batch
from ..errors import BadRequest, ValidationFailed
from ..importer import (
    MAX_FILE_BYTES,
    SHACL_MAX_TRIPLES,
    SOURCE_RE,
    Report,
    _count,
    checksum,
    provenance,
)
from ..progress import Progress, say
from ..queries.duplicates import actor_rows
from ..queries.resources import existing_ids
from ..queries.sources import fictional_sources
from ..shacl import shacl_problems
from ..store import Store, Write
from .duplicates import ActorKey, Plan, add_identifier, add_place, apply_plan, keys_of_triples
from .duplicates import recognise as recognise_plan
from .engine import map_files
from .metadata import Mapping, load_mapping


@dataclass
class MappedReport(Report):
    """An import report, plus the mapping used and the duplicates recognised."""

    mapping: str = ""
    merged: list[dict[str, object]] = field(default_factory=list)
    uncertain: list[dict[str, object]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """The import report's JSON shape plus `mapping`, `merged` (records merged into an
        actor: {first, second, reason, reason_fr, score}) and `uncertain` (pairs to review)."""
        data = super().to_dict()
        data.update(mapping=self.mapping, merged=self.merged, uncertain=self.uncertain)
        return data


def _mapping(mapping: Mapping | Path | str) -> Mapping:
    return mapping if isinstance(mapping, Mapping) else load_mapping(mapping)


def _read(
    mapping: Mapping,
    files: Sequence[Path] | None,
    base: str,
    progress: Progress | None,
    shacl: bool = True,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> tuple[Batch, dict[str, str]]:
    batch, sums = map_files(
        mapping, files, base, say=lambda m: say(progress, m), max_file_bytes=max_file_bytes
    )
    if shacl and not batch.problems and len(batch.triples) <= SHACL_MAX_TRIPLES:
        say(progress, "contrôle SHACL")
        batch.problems += shacl_problems(batch.triples, batch.resources)
    if batch.problems:
        raise ValidationFailed(batch.problems, batch.warnings, batch.inputs)
    return batch, sums


def published_keys(store: Store | None, source: str) -> list[ActorKey]:
    """Keys of the actors published by other, non-fictional sources."""
    if store is None:
        return []
    graphs = {g.iri: g.source for g in store.graphs()}
    skip = fictional_sources(store) | {source}
    keys: dict[URIRef, ActorKey] = {}
    for row in actor_rows(store):
        g = graphs.get(row.graph)
        if g is None or g in skip:
            continue
        k = keys.setdefault(row.actor, ActorKey(row.actor, g, order=len(keys)))
        if row.label:
            k.label = row.label
        add_place(k, row.area)
        add_identifier(k, row.kind, row.number)
        k.point = k.point or row.point
    return list(keys.values())


def recognise(batch: Batch, store: Store | None, source: str) -> tuple[Plan, set[URIRef]]:
    """The merge plan of a mapped batch, and the published actors it was compared with."""
    published = published_keys(store, source)
    plan = recognise_plan(keys_of_triples(batch.triples, batch.resources, source), published)
    return plan, {k.iri for k in published}


def _report(
    mapping: Mapping, source: str, files: list[str], batch: Batch, plan: Plan
) -> MappedReport:
    return MappedReport(
        source,
        files,
        len(batch.triples),
        _count(batch),
        warnings=batch.warnings,
        inputs=batch.inputs,
        mapping=mapping.path.name,
        merged=[p.to_dict() for p in plan.merged.values()],
        uncertain=[p.to_dict() for p in plan.uncertain],
    )


def validate_mapped(
    mapping: Mapping | Path | str,
    files: Sequence[Path] | None,
    store: Store | None,
    base: str,
    *,
    progress: Progress | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> MappedReport:
    """Run every check of `import_mapped`; write nothing. Raises ValidationFailed on problems
    (a file over `max_file_bytes` is one, and is not read)."""
    m = _mapping(mapping)
    batch, sums = _read(m, files, base, progress, max_file_bytes=max_file_bytes)
    plan, _ = recognise(batch, store, m.source)
    return _report(m, m.source, sorted(sums), batch, plan)


def import_mapped(
    mapping: Mapping | Path | str,
    files: Sequence[Path] | None,
    store: Store,
    base: str,
    *,
    source: str | None = None,
    progress: Progress | None = None,
    shacl: bool = True,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> MappedReport:
    """Import foreign files through `mapping` as one source (all-or-nothing, idempotent).

    `files` default to the tables' own `url`. `shacl=False` skips the SHACL check: only for the
    shipped datasets, which `tests/test_realdata.py` validates in full (it saves ~35 s of
    `init`). A file over `max_file_bytes` (setting IMPORT_MAX_FILE_BYTES) is a problem and is
    not read. Raises ValidationFailed with every problem and warning, BadRequest for a bad
    mapping or source name."""
    m = _mapping(mapping)
    source = source or m.source
    if not SOURCE_RE.match(source):
        raise BadRequest(
            f"invalid source name {source!r} ([a-z0-9][a-z0-9-]*)",
            message_fr=f"nom de source invalide {source!r} ([a-z0-9][a-z0-9-]*)",
        )
    started = datetime.now(UTC)
    batch, sums = _read(m, files, base, progress, shacl, max_file_bytes)
    total = checksum(sums, base)
    plan, published = recognise(batch, store, source)
    report = _report(m, source, sorted(sums), batch, plan)
    if store.source_checksum(source) == total:
        report.version = store.version
        return report
    owned = frozenset(r for r in batch.resources if r not in plan.merged)
    canonicals = frozenset(plan.canonical(r) for r in plan.merged)
    triples = apply_plan(batch.triples, plan, published)
    # only resources already published can be replaced (asking first keeps the write cheap)
    replaces = frozenset(existing_ids(store, set(owned)))
    say(progress, f"écriture de {len(triples)} triplets")
    meta = m.describe()
    version = store.write(
        Write(
            source=source,
            triples=triples,
            replaces=replaces,
            resources=owned | canonicals,
            provenance=lambda g: provenance(g, base, source, sums, total, started, meta),
        )
    )
    report.version, report.changed, report.triples = version, True, len(triples)
    report.graph = str(next(g.iri for g in store.graphs() if g.source == source))
    return report
