"""What every `alliances` command shares: opening the instance once, progress, friendly errors."""

from __future__ import annotations

import contextlib
import functools
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import click

from graph.errors import AlliancesError, Problem, ValidationFailed
from graph.tabular import DELIMITERS, ENCODING_LABELS

from .instance import Instance
from .progress import CliProgress

F = TypeVar("F", bound=Callable[..., Any])


def cli_progress() -> CliProgress:
    """Progress on the current stderr: a bar on a terminal, plain lines otherwise."""
    return CliProgress(sys.stderr)


def progress(message: str) -> None:
    """Show a progress line on stderr."""
    cli_progress()(message)


def describe_input(info: Mapping[str, object]) -> str:
    """`actors.csv : CSV, Windows-1252, séparateur point-virgule, 2 lignes` (French)."""
    parts = [str(info.get("format", "")).upper()]
    encoding = info.get("encoding")
    if isinstance(encoding, str):
        parts.append(ENCODING_LABELS.get(encoding, encoding))
    delimiter = info.get("delimiter")
    if isinstance(delimiter, str) and delimiter in DELIMITERS:
        parts.append(f"séparateur {DELIMITERS[delimiter][0]}")
    if info.get("sheet"):
        parts.append(f"feuille « {info['sheet']} »")
    rows = int(str(info.get("rows", 0) or 0))
    parts.append(f"{rows} ligne" if rows < 2 else f"{rows} lignes")  # French: 0 and 1 singular
    return f"{info.get('file')} : {', '.join(parts)}"


def echo_inputs(inputs: Iterable[Mapping[str, object]]) -> None:
    """How each tabular file was read, on stderr."""
    for info in inputs:
        click.echo(f"Lu {describe_input(info)}", err=True)


def echo_warnings(warnings: list[Problem]) -> None:
    """Warnings (values cleaned rather than refused), apart from errors, on stderr."""
    if warnings:
        n = len(warnings)
        label = "avertissement / warning" if n == 1 else "avertissements / warnings"
        click.echo(f"{n} {label} :", err=True)
        for w in warnings:
            click.echo(f"  {w}", err=True)


def echo_duplicates(report: object) -> None:
    """Records merged into an actor and uncertain pairs of a mapped import, on stderr."""
    merged = getattr(report, "merged", None) or []
    uncertain = getattr(report, "uncertain", None) or []
    if merged:
        click.echo(
            f"{len(merged)} enregistrement(s) fusionné(s) avec un acteur existant / "
            "record(s) merged into an existing actor",
            err=True,
        )
    if uncertain:
        click.echo(
            f"{len(uncertain)} paire(s) incertaine(s) à vérifier : alliances duplicates / "
            "uncertain pair(s) to review",
            err=True,
        )


def friendly_errors(func: F) -> F:
    """Turn AlliancesError into a message on stderr and exit code 1 (never a traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ValidationFailed as exc:
            echo_inputs(exc.inputs)
            click.echo(f"Erreur : {exc.message_fr} / {exc.message}", err=True)
            for p in exc.problems:
                click.echo(f"  {p}", err=True)
            echo_warnings(exc.warnings)
            sys.exit(1)
        except AlliancesError as exc:
            click.echo(f"Erreur : {exc.message_fr}", err=True)
            if exc.message != exc.message_fr:
                click.echo(f"Error: {exc.message}", err=True)
            sys.exit(1)
        except OSError as exc:  # a full disk, a file size limit, missing rights
            _echo_os_error(exc)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _echo_os_error(exc: OSError) -> None:
    """Say an I/O error once per command (closing the store after a failed write often fails
    the same way)."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        root = ctx.find_root()
        if root.meta.get("alliances.io_error"):
            return
        root.meta["alliances.io_error"] = True
    click.echo(f"Erreur d'entrée-sortie (disque plein ? droits ?) : {exc}", err=True)
    click.echo(f"I/O error (disk full? permissions?): {exc}", err=True)


def _close(inst: Instance) -> None:
    """Close the instance; a failure to flush (disk full) is said, not a traceback."""
    try:
        inst.close()
    except OSError as exc:
        _echo_os_error(exc)
        sys.exit(1)


@contextlib.contextmanager
def errors_as_json(as_json: bool) -> Iterator[None]:
    """With `--json`, an error is also printed as its JSON shape on stdout (for scripts); the
    message for people still goes to stderr and the exit code is 1."""
    try:
        yield
    except AlliancesError as exc:
        if as_json:
            click.echo(json.dumps(exc.to_dict(), ensure_ascii=False))
        raise


def open_instance(ctx: click.Context, *, create: bool = True) -> Instance:
    """Open the instance once per command; `init` it first if it does not exist yet."""
    inst: Instance | None = ctx.obj
    if inst is None:
        bar = cli_progress()
        inst = Instance.open(progress=bar)
        ctx.obj = inst
        ctx.call_on_close(lambda: _close(inst))
        if create and not inst.exists:
            click.echo("Instance absente : initialisation…", err=True)
            inst.init(progress=bar)
    return inst
