"""Import and validation of file sets: all-or-nothing, every problem reported at once.

`validate` runs every check and writes nothing; `import_paths` runs the same checks and, only if
there is no problem at all, publishes the whole file set as one source graph in one atomic write.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from ontology.namespaces import ALL, DCAT, DCT, PROV, RDF, XSD

from .csv_columns import FILE_WORDS, KINDS, header_key
from .csv_mapping import RESOURCE_KIND, Batch, Origin, read_tabular
from .errors import BadRequest, Problem, ValidationFailed
from .progress import Progress, say
from .queries.resources import existing_ids
from .rdf_input import RDF_FORMATS, check_safe, clean_quads, clean_source, parse_rdf
from .shacl import shacl_problems
from .store import Store, Write, source_iri
from .tabular import TABULAR_SUFFIXES, read_table, sheet_names

SOURCE_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SUFFIXES = {*TABULAR_SUFFIXES, *RDF_FORMATS}
#: Files larger than this are not read (the default of the setting IMPORT_MAX_FILE_BYTES): the
#: whole file set is held in memory while it is checked.
MAX_FILE_BYTES = 1 << 30
#: SHACL validation runs on imports up to this many triples (pyshacl is slow on large graphs).
SHACL_MAX_TRIPLES = 150_000


@dataclass
class Report:
    """What an import or a validation did."""

    source: str
    files: list[str]
    triples: int
    resources: dict[str, int]
    version: int | None = None
    changed: bool = False
    graph: str | None = None
    problems: list[Problem] = field(default_factory=list)
    #: What was cleaned rather than refused (padded INSEE codes, control characters removed…).
    warnings: list[Problem] = field(default_factory=list)
    #: How each tabular file was read: `graph.tabular.Table.info()`.
    inputs: list[dict[str, object]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """JSON shape of the report (the published keys, then `warnings` and `inputs`)."""
        return {
            "source": self.source,
            "files": self.files,
            "triples": self.triples,
            "resources": self.resources,
            "version": self.version,
            "changed": self.changed,
            "graph": self.graph,
            "warnings": [asdict(w) for w in self.warnings],
            "inputs": self.inputs,
        }


def _wanted(f: Path) -> bool:
    """A file of a folder to read: a known suffix, not hidden, not an office suite's lock file
    (`~$actors.xlsx` from Excel, `.~lock.actors.ods#` from LibreOffice)."""
    return f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith((".", "~$"))


def collect_files(paths: Sequence[Path | str]) -> list[Path]:
    """Files to read: the given files, and the known files of the given folders (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.iterdir() if _wanted(f))
        elif p.is_file():
            out.append(p)
        else:
            raise BadRequest(
                f"no such file or folder: {p}", message_fr=f"fichier ou dossier introuvable : {p}"
            )
    if not out:
        raise BadRequest(
            "no file to import (CSV, TSV, xlsx, xls, ods, Turtle, N-Triples, N-Quads, "
            "JSON-LD, RDF/XML)",
            message_fr="aucun fichier à importer (CSV, TSV, xlsx, xls, ods, Turtle, "
            "N-Triples, N-Quads, JSON-LD, RDF/XML)",
        )
    return out


def default_source(paths: Sequence[Path | str]) -> str:
    """A source name from the paths: the folder name, or the first file's stem."""
    first = Path(paths[0])
    name = first.resolve().name if first.is_dir() else first.stem
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "import"


def read(
    files: Sequence[Path],
    base: str,
    store: Store | None,
    progress: Progress | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> tuple[Batch, dict[str, str]]:
    """Read and check every file; returns the batch (with its problems) and file checksums.

    A file larger than `max_file_bytes` is a problem and is not read at all."""
    batch = Batch(base)
    sums: dict[str, str] = {}
    for path in files:
        size = path.stat().st_size
        if size > max_file_bytes:
            batch.problems.append(too_large(path.name, size, max_file_bytes))
            continue
        data = path.read_bytes()
        sums[path.name] = hashlib.sha256(data).hexdigest()
        suffix = path.suffix.lower()
        if suffix in TABULAR_SUFFIXES:
            _read_tabular(batch, path.name, data, progress)
        elif suffix in RDF_FORMATS:
            say(progress, f"lecture de {path.name}")
            _read_rdf(batch, path.name, data, RDF_FORMATS[suffix])
        else:
            batch.problems.append(
                Problem(
                    path.name,
                    None,
                    None,
                    None,
                    "unsupported file type",
                    "type de fichier non pris en charge",
                )
            )
    say(progress, "contrôle des références")
    _check_references(batch, store)
    if not batch.problems and len(batch.triples) <= SHACL_MAX_TRIPLES:
        say(progress, "contrôle SHACL")
        batch.problems += shacl_problems(batch.triples, batch.resources)
    return batch, sums


def too_large(name: str, size: int, limit: int) -> Problem:
    """The problem of a file over the size limit (not read)."""
    mib = f"{size / 2**20:.1f}", f"{limit / 2**20:.0f}"
    return Problem(
        name,
        None,
        None,
        None,
        f"file too large: {mib[0]} MiB (at most {mib[1]} MiB, setting IMPORT_MAX_FILE_BYTES)",
        f"fichier trop gros : {mib[0]} Mio (au plus {mib[1]} Mio, réglage IMPORT_MAX_FILE_BYTES)",
    )


def contract_sheets(names: Sequence[str]) -> list[str]:
    """Sheets of a workbook named after files of the contract (`acteurs`, `Alliances`, `tools`)."""
    return [n for n in names if any(w in header_key(n) for k in KINDS for w in FILE_WORDS[k])]


def _read_tabular(batch: Batch, name: str, data: bytes, progress: Progress | None) -> None:
    """One CSV or workbook. A workbook with sheets named after files of the contract (`acteurs`,
    `alliances`…) has each of those read (as `name#sheet` when there are several); otherwise its
    first visible sheet is read."""
    names = sheet_names(name, data)
    sheets = contract_sheets(names)
    if not sheets or sheets == names[:1]:
        read_tabular(batch, read_table(name, data), progress)
        return
    for sheet in sheets:
        table = read_table(name, data, sheet=sheet)
        if len(sheets) > 1:
            table.file = f"{name}#{sheet}"
        read_tabular(batch, table, progress)


_INSTANCE = re.compile(r"^(actor|alliance|tool|evaluation)/([a-z0-9][a-z0-9-]*)$")


def _read_rdf(batch: Batch, name: str, data: bytes, fmt: ox.RdfFormat) -> None:
    data = clean_source(name, data, batch.warnings)
    problem = check_safe(name, data, fmt)
    if problem is not None:
        batch.problems.append(problem)
        return
    try:
        quads = clean_quads(name, parse_rdf(name, data, fmt, batch.base), batch.warnings)
    except (SyntaxError, ValueError, OSError) as exc:
        batch.problems.append(
            Problem(
                name, None, None, None, f"RDF syntax error: {exc}", f"erreur de syntaxe RDF : {exc}"
            )
        )
        return
    for q in quads:
        batch.triples.append((q.subject, q.predicate, q.object))  # type: ignore[arg-type]
        subject = q.subject
        if isinstance(subject, ox.NamedNode) and subject.value.startswith(batch.base):
            m = _INSTANCE.match(subject.value[len(batch.base) :])
            if m:
                batch.resources.setdefault(URIRef(subject.value), Origin(name, 0))


def _check_references(batch: Batch, store: Store | None) -> None:
    missing = [r for r in batch.references if batch.iri(r.kind, r.id) not in batch.resources]
    if not missing:
        return
    known: set[URIRef] = set()
    if store is not None:
        known = existing_ids(store, {batch.iri(r.kind, r.id) for r in missing})
    for ref in missing:
        if batch.iri(ref.kind, ref.id) not in known:
            kind_fr = {"actor": "acteur", "alliance": "alliance", "tool": "outil"}[ref.kind]
            batch.problems.append(
                Problem(
                    ref.origin.file,
                    ref.origin.line,
                    ref.origin.column,
                    ref.id,
                    f"unknown {ref.kind}: not in this file set nor in the graph",
                    f"{kind_fr} inconnu(e) : absent(e) de ces fichiers et du graphe",
                )
            )


def checksum(sums: dict[str, str], base: str) -> str:
    """One checksum for a file set (names and contents) and the instance base."""
    h = hashlib.sha256(base.encode())
    for name in sorted(sums):
        h.update(f"{name}\0{sums[name]}\n".encode())
    return h.hexdigest()


def validate(
    paths: Sequence[Path | str],
    store: Store | None,
    base: str,
    *,
    progress: Progress | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Report:
    """Run every check on the files; write nothing. Raises ValidationFailed on problems."""
    files = collect_files(paths)
    batch, _ = read(files, base, store, progress, max_file_bytes)
    if batch.problems:
        raise ValidationFailed(batch.problems, batch.warnings, batch.inputs)
    return _report(default_source(paths), files, batch)


def _report(source: str, files: Sequence[Path], batch: Batch) -> Report:
    return Report(
        source,
        [f.name for f in files],
        len(batch.triples),
        _count(batch),
        warnings=batch.warnings,
        inputs=batch.inputs,
    )


def import_paths(
    paths: Sequence[Path | str],
    store: Store,
    base: str,
    *,
    source: str | None = None,
    metadata: Iterable[tuple[Node | None, Node, Node]] = (),
    progress: Progress | None = None,
    resource_triples: Callable[[URIRef], Iterable[tuple[Node, Node, Node]]] | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Report:
    """Import a file set as source `source` (all-or-nothing; idempotent).

    Reads and checks every file (`read`), raises ValidationFailed with every problem and warning
    if anything is wrong, and otherwise writes the whole set in one transaction. `progress`
    receives the steps: rows read and checked per file, reference and SHACL checks, the write.
    `resource_triples(iri)` adds triples about each resource defined (the demo's
    `all:fictional true`).
    """
    source = source or default_source(paths)
    if not SOURCE_RE.match(source):
        raise BadRequest(
            f"invalid source name {source!r} ([a-z0-9][a-z0-9-]*)",
            message_fr=f"nom de source invalide {source!r} ([a-z0-9][a-z0-9-]*)",
        )
    files = collect_files(paths)
    started = datetime.now(UTC)
    batch, sums = read(files, base, store, progress, max_file_bytes)
    if batch.problems:
        raise ValidationFailed(batch.problems, batch.warnings, batch.inputs)
    total = checksum(sums, base)
    report = _report(source, files, batch)
    if store.source_checksum(source) == total:
        report.version = store.version
        return report
    meta = list(metadata)
    if resource_triples is not None:
        batch.triples += [t for r in sorted(batch.resources) for t in resource_triples(r)]
    say(progress, f"écriture de {len(batch.triples)} triplets")
    version = store.write(
        Write(
            source=source,
            triples=batch.triples,
            replaces=frozenset(batch.resources),
            resources=frozenset(batch.resources),
            provenance=lambda g: provenance(g, base, source, sums, total, started, meta),
        )
    )
    report.version, report.changed = version, True
    report.graph = str(next(g.iri for g in store.graphs() if g.source == source))
    return report


def provenance(
    graph: URIRef,
    base: str,
    source: str,
    sums: dict[str, str],
    total: str,
    started: datetime,
    metadata: list[tuple[Node | None, Node, Node]],
) -> list[tuple[Node, Node, Node]]:
    """PROV-O description of an import graph: source files, time, checksums."""
    activity = URIRef(f"{graph}#import")
    now = datetime.now(UTC)
    t: list[tuple[Node, Node, Node]] = [
        (graph, RDF.type, PROV.Entity),
        (graph, RDF.type, DCAT.Dataset),
        (graph, DCT.isVersionOf, source_iri(base, source)),
        (graph, DCT.identifier, Literal(source)),
        (graph, PROV.generatedAtTime, Literal(now.isoformat(), datatype=XSD.dateTime)),
        (graph, PROV.wasGeneratedBy, activity),
        (graph, ALL.sha256, Literal(total)),
        (activity, RDF.type, PROV.Activity),
        (activity, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)),
        (activity, PROV.endedAtTime, Literal(now.isoformat(), datatype=XSD.dateTime)),
    ]
    for i, name in enumerate(sorted(sums), 1):
        f = URIRef(f"{graph}#file-{i}")
        t += [
            (f, RDF.type, PROV.Entity),
            (f, DCT.title, Literal(name)),
            (f, ALL.sha256, Literal(sums[name])),
            (activity, PROV.used, f),
            (graph, PROV.wasDerivedFrom, f),
        ]
    return t + [(graph if s is None else s, p, o) for s, p, o in metadata]


def provenance_for_files(
    graph: URIRef, base: str, source: str, files: Iterable[Path], total: str
) -> list[tuple[Node, Node, Node]]:
    """Provenance of a graph built from shipped files (vocabularies, bundled data)."""
    sums = {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
    return provenance(graph, base, source, sums, total, datetime.now(UTC), [])


def _count(batch: Batch) -> dict[str, int]:
    counts = dict.fromkeys(RESOURCE_KIND.values(), 0)
    for iri in batch.resources:
        kind = str(iri)[len(batch.base) :].split("/", 1)[0]
        if kind in counts:
            counts[kind] += 1
    return counts
