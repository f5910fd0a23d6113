"""Commands of the full-text search: `search` and `index rebuild` / `index status`.

Registered on the `alliances` group by `webui/cli.py`. `search --json` prints the same JSON as
`GET /api/search`.
"""

from __future__ import annotations

import json

import click

from graph.places import place_field
from graph.queries.sources import SourceInfo
from graph.reference import territory_chain
from search import SearchIndex, SearchResponse, parse_facet_args
from search.schema import KINDS

from .api_search import index_of
from .cli_common import cli_progress, friendly_errors, open_instance
from .progress import CountingDocuments
from .sources import annotate_hits, by_source_name


def _index(ctx: click.Context) -> SearchIndex:
    return index_of(open_instance(ctx))


@click.command("search")
@click.argument("query", nargs=-1)
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    multiple=True,
    help="Only this kind of resource (repeatable).",
)
@click.option(
    "--facet",
    "facets",
    multiple=True,
    metavar="NAME=VALUE",
    help="Filter on a facet value, e.g. region=32, sdg=2, actor_type=association "
    "(repeatable; values of one facet are combined with OR).",
)
@click.option(
    "--place",
    "place",
    metavar="TEXT",
    help="Only what lies in this place, typed as a person would: a région, département "
    "or intercommunality (« Nord », « 59 », « Métropole de Lyon »), or a commune "
    "or postal code, which filters on the commune's intercommunality.",
)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(0, 100))
@click.option("--page", default=1, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the shape of /api/search).")
@click.pass_context
@friendly_errors
def search_cmd(
    ctx: click.Context,
    query: tuple[str, ...],
    kind: tuple[str, ...],
    facets: tuple[str, ...],
    place: str | None,
    limit: int,
    page: int,
    as_json: bool,
) -> None:
    """Full-text search in French over actors, alliances, tools, SDGs and territories."""
    inst = open_instance(ctx)
    index = index_of(inst)
    filters = parse_facet_args(facets)
    if place:
        name, value = place_facet(place)
        filters.setdefault(name, []).append(value)
    response = index.search(
        " ".join(query), kind=list(kind) or None, facets=filters, page=page, limit=limit
    )
    if as_json:
        answer = response.to_dict()
        annotate_hits(inst.store, answer["results"], "fr")
        click.echo(json.dumps(answer, ensure_ascii=False))
    else:
        _print(response, by_source_name(inst.store))


def place_facet(text: str) -> tuple[str, str]:
    """(facet, value) of a typed place: its own région, département or EPCI facet; a commune
    gives its nearest intercommunality (there is no commune facet). BadRequest if unknown."""
    ident, _ = place_field(text, "--place")
    level, _, code = (ident or "").partition(":")
    if level == "commune":
        chain = territory_chain(level, code)
        group = next((t for t in chain if t.level == "epci"), None)
        dep = next(t for t in chain if t.level == "departement")
        return ("epci", group.code) if group else ("departement", dep.code)
    return level, code


def _print(r: SearchResponse, known: dict[str, SourceInfo]) -> None:
    click.echo(
        f"{r.total} résultat(s) pour « {r.query} »"
        + (" (tous les mots ne sont pas trouvés)" if r.relaxed else "")
    )
    for i, hit in enumerate(r.results, (r.page - 1) * r.limit + 1):
        click.echo(f"{i:>3}. [{hit.kind}] {hit.label}  ({hit.id})")
        if hit.snippet:
            text = hit.snippet.replace("<mark>", "[").replace("</mark>", "]")
            click.echo(f"     {text}")
        info = known.get(hit.source)
        if info is not None:
            click.echo(f"     {'[fictif] ' if info.fictional else ''}{info.line('fr')}")
    if r.suggestion:
        click.echo(f"Essayez : {r.suggestion}")


@click.group("index")
def index_group() -> None:
    """The full-text index (derived from the graph, rebuildable)."""


@index_group.command("rebuild")
@click.pass_context
@friendly_errors
def rebuild_cmd(ctx: click.Context) -> None:
    """Rebuild the index from the whole graph (searches keep working meanwhile).

    Shows its progress on stderr (a bar on a terminal, plain lines otherwise)."""
    index = _index(ctx)
    documents = index.documents
    total = sum(documents.count(kind) for kind in KINDS)
    with cli_progress().task("indexation", total, "documents") as bar:
        index.documents = CountingDocuments(documents, bar)  # type: ignore[assignment]
        try:
            count = index.rebuild()
        finally:
            index.documents = documents
    click.echo(f"Index reconstruit : {count} documents (graphe v{index.store.version}).")


@index_group.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@friendly_errors
def status_cmd(ctx: click.Context, as_json: bool) -> None:
    """Backend, folder, documents and graph version of the live index."""
    index = _index(ctx)
    stamp = index.stamp
    data = {
        "backend": index.backend_name,
        "path": str(index.path),
        "docs": stamp.docs if stamp else 0,
        "graph_version": stamp.graph_version if stamp else None,
        "store_version": index.store.version,
    }
    if as_json:
        click.echo(json.dumps(data))
    else:
        for k, v in data.items():
            click.echo(f"{k:>14}  {v}")


COMMANDS = (search_cmd, index_group)
