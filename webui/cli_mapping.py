"""`alliances duplicates`: the organisations recognised in several records, for review."""

from __future__ import annotations

import json

import click

from graph.mapping.review import review

from .cli_common import friendly_errors, open_instance


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON: {merged, uncertain}.")
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Also list the records merged into an actor (owl:sameAs), not only the uncertain pairs.",
)
@click.pass_context
@friendly_errors
def duplicates(ctx: click.Context, as_json: bool, show_all: bool) -> None:
    """Pairs of actors that may be the same organisation (same SIREN, other establishment;
    close names in the same place…), never merged: to review. With --all, also the records
    already merged (same SIRET, or same name and place)."""
    inst = open_instance(ctx)
    found = review(inst.store)
    if as_json:
        data = found.to_dict()
        if not show_all:
            data["merged"] = []
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    if show_all:
        click.echo(f"Fusionnés / merged ({len(found.merged)}) :")
        for m in found.merged:
            click.echo(f"  {m['canonical_label']} ({m['canonical']}) ← {m['record']}")
    click.echo(f"Paires incertaines / uncertain pairs ({len(found.uncertain)}) :")
    for p in found.uncertain:
        a, b = p.first, p.second
        click.echo(f"  {p.score:.2f}  {a.label} [{a.source}, {a.iri}]")
        click.echo(f"        {b.label} [{b.source}, {b.iri}]")
        click.echo(f"        {p.reason_fr} / {p.reason}")


COMMANDS = [duplicates]
