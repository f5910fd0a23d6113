"""Commands of the recommenders: `partners`, `analogues`, `maturity`, `sdg-suggest`.

Registered on the `alliances` group by `webui/cli.py`; they print the same JSON as the API with
`--json`, and a short French listing otherwise.
"""

from __future__ import annotations

import json
from typing import Any

import click

from graph.errors import BadRequest
from graph.reco import Recommender

from .api_reco import recommender_for
from .cli_common import friendly_errors, open_instance


def _recommender(ctx: click.Context) -> Recommender:
    return recommender_for(open_instance(ctx))


def _echo_json(data: dict[str, Any]) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.command()
@click.argument("actor_id")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@friendly_errors
def partners(ctx: click.Context, actor_id: str, limit: int, as_json: bool) -> None:
    """Complementary partners of the actor ACTOR_ID, with reasons and introducers."""
    data = _recommender(ctx).partners(actor_id, limit)
    if as_json:
        _echo_json(data)
        return
    if not data["results"]:
        click.echo("Aucun partenaire complémentaire trouvé.")
    for n, r in enumerate(data["results"], 1):
        click.echo(f"{n}. {r['label']} ({r['id']}) — score {r['score']:.2f}")
        for reason in r["reasons"]:
            click.echo(f"   · {reason}")
        for i in r["introducers"]:
            via = f" via « {i['via']['label']} »" if i["via"] else ""
            click.echo(f"   ↪ présentation possible par {i['label']}{via}")


@click.command()
@click.argument("alliance_id")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@friendly_errors
def analogues(ctx: click.Context, alliance_id: str, limit: int, as_json: bool) -> None:
    """Alliances similar to ALLIANCE_ID (other territories first): what is alike, what differs."""
    data = _recommender(ctx).analogues(alliance_id, limit)
    if as_json:
        _echo_json(data)
        return
    if not data["results"]:
        click.echo("Aucune alliance analogue trouvée.")
    for n, r in enumerate(data["results"], 1):
        click.echo(f"{n}. {r['label']} ({r['id']}) — score {r['score']:.2f}")
        for line in r["alike"]:
            click.echo(f"   = {line}")
        for line in r["differs"]:
            click.echo(f"   ≠ {line}")


@click.command("sdg-suggest")
@click.argument("text")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100))
@click.option("--lang", type=click.Choice(["fr", "en"]), default=None,
              help="Language of TEXT (detected when omitted).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@friendly_errors
def sdg_suggest(ctx: click.Context, text: str, limit: int, lang: str | None,
                as_json: bool) -> None:
    """SDG targets for a French or English description TEXT, with the words that matched."""
    data = _recommender(ctx).suggest_sdgs(text, limit, lang)
    if as_json:
        _echo_json(data)
        return
    if not data["targets"]:
        click.echo("Aucune cible ODD reconnue.")
    english = data["language"] == "en"
    for t in data["targets"]:
        label = t["label_en"] if english else t["label"]
        click.echo(f"{t['code']}  ({', '.join(t['evidence'])})  {label}")


@click.command()
@click.option("--answer", "answers", multiple=True, metavar="QUESTION=OPTION",
              help="One answer (repeat for each question); without answers, list the questions.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@friendly_errors
def maturity(ctx: click.Context, answers: tuple[str, ...], as_json: bool) -> None:
    """Maturity self-assessment: the questions, or the level and tools for the answers."""
    rec = _recommender(ctx)
    if not answers:
        data = rec.maturity_questions()
        if as_json:
            _echo_json(data)
            return
        for q in data["questions"]:
            options = ", ".join(f"{o['code']}={o['score']}" for o in q["options"])
            click.echo(f"{q['id']}: {q['label']}\n   {options}")
        return
    parsed = {}
    for item in answers:
        key, sep, value = item.partition("=")
        if not sep:
            raise BadRequest(f"expected QUESTION=OPTION, got {item!r}",
                             message_fr=f"QUESTION=OPTION attendu, pas {item!r}")
        parsed[key.strip()] = value.strip()
    result = rec.assess_maturity(parsed)
    if as_json:
        _echo_json(result)
        return
    click.echo(f"Niveau : {result['level']['label']} (score {result['score']})")
    for group in result["tools"]:
        click.echo(f"  {group['label']} : " + ", ".join(t["label"] for t in group["tools"]))
    if result["next_level"]:
        click.echo(f"Niveau suivant : {result['next_level']['label']}")
        for group in result["next_tools"]:
            click.echo(f"  {group['label']} : " + ", ".join(t["label"] for t in group["tools"]))


COMMANDS = (partners, analogues, sdg_suggest, maturity)
