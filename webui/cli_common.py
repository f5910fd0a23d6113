"""What every `alliances` command shares: opening the instance once, and friendly errors."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from graph.errors import AlliancesError, ValidationFailed

from .instance import Instance

F = TypeVar("F", bound=Callable[..., Any])


def progress(message: str) -> None:
    """Show a progress line on stderr."""
    click.echo(f"… {message}", err=True)


def friendly_errors(func: F) -> F:
    """Turn AlliancesError into a message on stderr and exit code 1 (never a traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ValidationFailed as exc:
            click.echo(f"Erreur : {exc.message_fr} / {exc.message}", err=True)
            for p in exc.problems:
                click.echo(f"  {p}", err=True)
            sys.exit(1)
        except AlliancesError as exc:
            click.echo(f"Erreur : {exc.message_fr}", err=True)
            if exc.message != exc.message_fr:
                click.echo(f"Error: {exc.message}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def open_instance(ctx: click.Context, *, create: bool = True) -> Instance:
    """Open the instance once per command; `init` it first if it does not exist yet."""
    inst: Instance | None = ctx.obj
    if inst is None:
        inst = Instance.open(progress=progress)
        ctx.obj = inst
        ctx.call_on_close(inst.close)
        if create and not inst.exists:
            click.echo("Instance absente : initialisation…", err=True)
            inst.init(progress=progress)
    return inst
