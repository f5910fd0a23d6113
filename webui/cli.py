"""The `alliances` command line. Library errors become one-line messages and exit code 1."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from graph.importer import import_paths, validate
from graph.queries.stats import stats as graph_stats
from graph.store import FORMATS, store_class

from . import settings as settings_mod
from .cli_common import friendly_errors, open_instance, progress


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Alliances: knowledge graph and search for territorial alliances (ALLIANCES_HOME names the
    instance folder, default ./instance)."""


@main.command()
@click.option("--no-demo", is_flag=True, help="Do not load the bundled datasets.")
@click.pass_context
@friendly_errors
def init(ctx: click.Context, no_demo: bool) -> None:
    """Create the instance: vocabularies (SDG, COG, ontology) and, unless --no-demo, the data."""
    inst = open_instance(ctx, create=False)
    inst.init(demo=not no_demo, progress=progress)
    click.echo(f"Instance prête dans {inst.home} (version {inst.store.version}).")


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--source", help="Name of the source graph (default: folder or file name).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
@friendly_errors
def import_cmd(ctx: click.Context, paths: tuple[Path, ...], source: str | None,
               as_json: bool) -> None:
    """Import CSV files of the contract or RDF files (or folders of them), all-or-nothing."""
    inst = open_instance(ctx)
    report = import_paths(list(paths), inst.store, inst.base, source=source)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    elif report.changed:
        counts = ", ".join(f"{n} {k}" for k, n in report.resources.items() if n)
        click.echo(f"Importé : {report.triples} triplets ({counts}) dans la source "
                   f"« {report.source} », version {report.version}.")
    else:
        click.echo(f"Rien à faire : la source « {report.source} » est déjà à jour.")


@main.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
@friendly_errors
def validate_cmd(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Check files as `import` would, writing nothing (not even a new instance)."""
    config = settings_mod.load()
    if store_class(config["STORE"]).present(config, Path(config["HOME"])):
        inst = open_instance(ctx, create=False)
        report = validate(list(paths), inst.store, inst.base)
    else:
        report = validate(list(paths), None, config["BASE_IRI"])
    counts = ", ".join(f"{n} {k}" for k, n in report.resources.items() if n)
    click.echo(f"Valide : {report.triples} triplets ({counts}).")


@main.command()
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="ttl",
              show_default=True)
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
@click.option("--threads", default=8, show_default=True, type=int,
              help="Request threads of the production server.")
@click.option("--debug", is_flag=True, help="Flask's development server with the debugger.")
@click.pass_context
@friendly_errors
def serve(ctx: click.Context, host: str, port: int, threads: int, debug: bool) -> None:
    """Start the web application (initialises the instance first if needed)."""
    from .app import create_app
    from .warmup import Warmer

    inst = open_instance(ctx)
    app = create_app(instance=inst)
    Warmer(inst).start()
    click.echo(f"Alliances sur http://{host}:{port}/", err=True)
    if debug:
        app.run(host=host, port=port, threaded=True, use_reloader=False, debug=True)
        return
    import waitress

    waitress.serve(app, host=host, port=port, threads=threads, ident="alliances")


from . import cli_reco  # noqa: E402 - its commands use the helpers above

for _command in cli_reco.COMMANDS:
    main.add_command(_command)

from . import cli_search  # noqa: E402 - its commands use the helpers above

for _command in cli_search.COMMANDS:
    main.add_command(_command)

from . import cli_places  # noqa: E402

for _command in cli_places.COMMANDS:
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
