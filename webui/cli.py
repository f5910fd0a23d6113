"""The `alliances` command line. Library errors become one-line messages and exit code 1."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from graph.importer import Report, import_paths, validate
from graph.mapping.importing import import_mapped, validate_mapped
from graph.queries.stats import stats as graph_stats
from graph.store import FORMATS, store_class

from . import settings as settings_mod
from .cli_common import (
    cli_progress,
    echo_duplicates,
    echo_inputs,
    echo_warnings,
    errors_as_json,
    friendly_errors,
    open_instance,
)
from .progress import CliProgress


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Alliances: knowledge graph and search for territorial alliances (ALLIANCES_HOME names the
    instance folder, default ./instance)."""


@main.command()
@click.option(
    "--no-demo",
    is_flag=True,
    help="Do not load the fictional demo dataset (vocabularies and real data only).",
)
@click.pass_context
@friendly_errors
def init(ctx: click.Context, no_demo: bool) -> None:
    """Create the instance: vocabularies (SDG, COG, ontology, data-inclusion code lists), the real
    data (CIS 2019, « Petites villes de demain », France services, digital-inclusion places of
    Charente) and, unless --no-demo, the fictional demo.

    Shows its progress on stderr (a bar on a terminal, plain lines otherwise)."""
    inst = open_instance(ctx, create=False)
    inst.init(demo=not no_demo, progress=cli_progress())
    click.echo(f"Instance prête dans {inst.home} (version {inst.store.version}).")


ACCEPTED = """\b
Accepted files (a folder means every such file in it; Excel and LibreOffice lock files
and hidden files are skipped):
  CSV and TSV: delimiter detected (comma, semicolon, tab); encoding detected (UTF-8 with
    or without BOM, UTF-16, else Windows-1252, ISO-8859-15, Mac Roman or DOS 850, whichever
    reads as French); any line ends; cells of any length; unquoted delimiters in a last
    free-text column (description…) read as text, with a warning.
  .xlsx, .xlsm, .xls, .ods: the first visible sheet, or every sheet named after a file of
    the contract (acteurs, alliances, outils, evaluations); numbers as typed (123456782,
    not 123456782.0), dates as YYYY-MM-DD.
  Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML.
Which file is which: its name (actors/acteurs, alliances, tools/outils, evaluations) or its
columns. Columns in English or French, any case and accents (nom, territoire, odd,
propose, recherche, ressources, maturité, site web, membres, porteur…): docs/model.md.

\b
Cleaned before checking, and reported as warnings where a value changed:
  every cell trimmed and put in Unicode NFC; empty rows and columns without header or
    values ignored;
  control characters XML cannot carry (U+0000-U+001F but tab and line breaks) removed,
    from CSV, spreadsheets and RDF alike (warning with file, line, column);
  SIREN, SIRET, RNA: spaces of every kind and thousands separators removed; a SIRET
    (14 digits, Luhn) accepted as identifier and its SIREN derived;
  INSEE codes, SDG codes, percentages, scores: spaces removed (59 350, ODD 11,
    subvention-publique : 60 % ; recettes-activite : 40 %); an INSEE code that lost its
    leading zero (commune:1053, departement:1) padded when the result exists (warning);
  lists separated by ; or line breaks (and , between codes and ids); dates also as
    DD/MM/YYYY.
Every problem of the whole file set is reported at once (file, line, column, value,
reason in French and English); nothing is written unless everything is valid."""


MAPPING_HELP = (
    "A foreign dataset's mapping (CSVW metadata, e.g. data/mappings/france-services/"
    "france-services.csv-metadata.json): PATHS are the files it describes (default: the files "
    "the mapping names). See docs/architecture.md."
)


def _progress(as_json: bool) -> CliProgress | None:
    """Progress on stderr; with `--json` only on a terminal (a script's log stays JSON only)."""
    bar = cli_progress()
    return bar if bar.terminal or not as_json else None


@main.command("import", epilog=ACCEPTED)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--source",
    help="Name of the source graph (default: folder or file name, or the mapping's dc:identifier).",
)
@click.option("--mapping", type=click.Path(path_type=Path, dir_okay=False), help=MAPPING_HELP)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the report as JSON (on failure, the error's JSON with every problem).",
)
@click.pass_context
@friendly_errors
def import_cmd(
    ctx: click.Context,
    paths: tuple[Path, ...],
    source: str | None,
    mapping: Path | None,
    as_json: bool,
) -> None:
    """Import CSV, spreadsheet or RDF files (or folders of them), all-or-nothing; or foreign
    files through a mapping (--mapping)."""
    inst = open_instance(ctx)
    with errors_as_json(as_json):
        limit = int(inst.config["IMPORT_MAX_FILE_BYTES"])
        if mapping is not None:
            report: Report = import_mapped(
                mapping,
                list(paths) or None,
                inst.store,
                inst.base,
                source=source,
                progress=_progress(as_json),
                max_file_bytes=limit,
            )
        else:
            report = import_paths(
                list(_required(paths)),
                inst.store,
                inst.base,
                source=source,
                progress=_progress(as_json),
                max_file_bytes=limit,
            )
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    echo_inputs(report.inputs)
    echo_warnings(report.warnings)
    if report.changed:
        counts = resource_counts(report.resources)
        click.echo(
            f"Importé : {report.triples} triplets ({counts}) dans la source "
            f"« {report.source} », version {report.version}."
        )
    else:
        click.echo(f"Rien à faire : la source « {report.source} » est déjà à jour.")
    echo_duplicates(report)


@main.command("validate", epilog=ACCEPTED)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--mapping", type=click.Path(path_type=Path, dir_okay=False), help=MAPPING_HELP)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the report as JSON (on failure, the error's JSON with every problem).",
)
@click.pass_context
@friendly_errors
def validate_cmd(
    ctx: click.Context, paths: tuple[Path, ...], mapping: Path | None, as_json: bool
) -> None:
    """Check files as `import` would, writing nothing (not even a new instance)."""
    config = settings_mod.load()
    with errors_as_json(as_json):
        limit = int(config["IMPORT_MAX_FILE_BYTES"])
        store, base = None, config["BASE_IRI"]
        if store_class(config["STORE"]).present(config, Path(config["HOME"])):
            inst = open_instance(ctx, create=False)
            store, base = inst.store, inst.base
        if mapping is not None:
            report: Report = validate_mapped(
                mapping,
                list(paths) or None,
                store,
                base,
                progress=_progress(as_json),
                max_file_bytes=limit,
            )
        else:
            report = validate(
                list(_required(paths)),
                store,
                base,
                progress=_progress(as_json),
                max_file_bytes=limit,
            )
    if as_json:
        data = report.to_dict()
        data["valid"] = True
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    echo_inputs(report.inputs)
    echo_warnings(report.warnings)
    counts = resource_counts(report.resources)
    click.echo(f"Valide : {report.triples} triplets ({counts}).")
    echo_duplicates(report)


RESOURCE_NOUNS = {
    "actor": ("acteur", "acteurs"),
    "alliance": ("alliance", "alliances"),
    "tool": ("outil", "outils"),
    "evaluation": ("évaluation", "évaluations"),
}


def resource_counts(resources: dict[str, int]) -> str:
    """Plain-French counts of a report's resources, e.g. ``"2 acteurs, 1 alliance"``.

    ``resources`` maps a resource kind (``actor``, ``alliance``, ``tool``, ``evaluation``, the
    keys of `Report.resources`) to how many were read; kinds with zero are left out.
    """
    parts = []
    for kind, n in resources.items():
        if n:
            one, many = RESOURCE_NOUNS.get(kind, (kind, kind))
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)


def _required(paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """The paths of a contract import (without --mapping at least one is needed)."""
    if not paths:
        raise click.UsageError("give files or folders to read (or --mapping MAPPING)")
    return paths


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(sorted(FORMATS)), default="ttl", show_default=True
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File (default: stdout).")
@click.pass_context
@friendly_errors
def export(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Stream the whole graph (published graphs) in an RDF format."""
    inst = open_instance(ctx)
    if output is None:
        inst.store.dump(sys.stdout.buffer, fmt)
        sys.stdout.buffer.flush()
    else:
        with open(output, "wb") as f:
            inst.store.dump(f, fmt)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@friendly_errors
def stats(ctx: click.Context, as_json: bool) -> None:
    """Counts: triples, actors, alliances, tools, evaluations, SDG goals, targets, territories."""
    inst = open_instance(ctx)
    data = graph_stats(inst.store)
    if as_json:
        click.echo(json.dumps(data))
    else:
        for k, v in data.items():
            click.echo(f"{k:>12}  {v}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(1, 64),
    help="Web worker processes (gunicorn, pre-fork); each reads the published version. "
    "[default: 1; with --production, one per core, at least 2]",
)
@click.option(
    "--threads",
    default=8,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Request threads per worker.",
)
@click.option(
    "--production",
    is_flag=True,
    help="Serve for the public (behind a reverse proxy, docs/deployment.md): several "
    "workers, never the debugger, the secret key from ALLIANCES_SECRET_KEY or the instance.",
)
@click.option("--debug", is_flag=True, help="Flask's development server with the debugger.")
@click.pass_context
@friendly_errors
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    workers: int | None,
    threads: int,
    production: bool,
    debug: bool,
) -> None:
    """Start the web application (initialises the instance first if needed).

    Runs gunicorn with WORKERS processes of THREADS threads. The site reads snapshots of the
    graph, so `alliances import` can run meanwhile: every worker moves to the new version
    within a second of its publication."""
    from . import serving

    if production and debug:
        raise click.UsageError(
            "--production et --debug s'excluent : le débogueur ne doit jamais être public. "
            "(--production and --debug exclude each other: the debugger must never be public.)"
        )
    config = settings_mod.load()
    if serving.port_in_use(host, port):
        raise click.ClickException(
            f"le port {port} ({host}) est déjà utilisé, peut-être par un autre « alliances "
            "serve » : arrêtez-le ou choisissez un autre port avec --port. "
            f"(Port {port} on {host} is already in use, maybe by another « alliances serve »: "
            "stop it or choose another port with --port.)"
        )
    if debug:
        from .app import create_app
        from .warmup import Warmer

        inst = open_instance(ctx)
        app = create_app(instance=inst)
        Warmer(inst, app).start()
        click.echo(f"Alliances sur http://{host}:{port}/ (débogage)", err=True)
        app.run(host=host, port=port, threaded=True, use_reloader=False, debug=True)
        return
    if workers is None:
        workers = serving.default_workers() if production else 1
    serving.prepare_apart(config, say=lambda m: click.echo(m, err=True), progress=cli_progress())
    mode = "production, " if production else ""
    click.echo(
        f"Alliances sur http://{host}:{port}/ ({mode}{workers} processus × {threads} fils)",
        err=True,
    )
    slots = serving.SharedSlots(workers)  # made before the fork: every worker shares it
    serving.run_gunicorn(
        serving.gunicorn_options(host, port, workers, threads, production=production),
        lambda: serving.reader_app(config, slots),
    )


from . import cli_reco  # noqa: E402 - its commands use the helpers above

for _command in cli_reco.COMMANDS:
    main.add_command(_command)

from . import cli_search  # noqa: E402 - its commands use the helpers above

for _command in cli_search.COMMANDS:
    main.add_command(_command)

from . import cli_places  # noqa: E402

for _command in cli_places.COMMANDS:
    main.add_command(_command)

from . import cli_mapping  # noqa: E402

for _command in cli_mapping.COMMANDS:
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
