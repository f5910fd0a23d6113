"""`alliances place`: what a typed place is understood as (the resolver of `graph.places`).

Registered on the `alliances` group by `webui/cli.py`. It reads only the shipped reference data,
not the instance, so it works before `alliances init`.
"""

from __future__ import annotations

import json

import click

from graph.places import resolve_place

from .cli_common import friendly_errors


@click.command("place")
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 50))
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the `place` field of the API).")
@friendly_errors
def place(text: tuple[str, ...], limit: int, as_json: bool) -> None:
    """The territory TEXT means: a commune or its postal code (« Lyon », « 69001 »,
    « Lyon 3e »), an INSEE code, a département (« Nord », « 59 »), a région or an EPCI, best
    first, with the other readings when the text is ambiguous. Exit code 1 when nothing matches."""
    found = resolve_place(" ".join(text), limit=limit)
    if as_json:
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
    else:
        for n, m in enumerate(found.matches, 1):
            d = m.to_dict()
            where = f", {d['context']}" if d["context"] else ""
            click.echo(f"{n}. {d['id']}  {d['name']} ({d['level_name']}{where})")
        if found.ambiguous:
            click.echo("Plusieurs lieux correspondent : le premier est retenu.", err=True)
    if found.best is None:
        click.echo(f"Aucun lieu ne correspond à « {found.query} ».", err=True)
        raise SystemExit(1)


COMMANDS = (place,)
