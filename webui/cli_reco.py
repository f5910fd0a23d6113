"""Commands of the recommenders: `partners`, `fit-weights`, `analogues`, `maturity`,
`sdg-suggest`.

Registered on the `alliances` group by `webui/cli.py`; they print the same JSON as the API with
`--json`, and a short French listing otherwise.
"""

from __future__ import annotations

import json
from typing import Any

import click

from graph.errors import BadRequest
from graph.queries.features import alliance_starts
from graph.reco import Recommender, fitting
from ontology.namespaces import scheme_codes

from .api_reco import recommender_for, with_place
from .cli_common import friendly_errors, open_instance, progress


def _recommender(ctx: click.Context) -> Recommender:
    return recommender_for(open_instance(ctx))


def _echo_json(data: dict[str, Any]) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


ACTOR_TYPES = ", ".join(scheme_codes("actor-type"))


@click.command()
@click.argument("actor_id", required=False)
@click.option(
    "--partner-type",
    "partner_types",
    multiple=True,
    help=f"Actor type sought, repeat for several ({ACTOR_TYPES}); any when omitted.",
)
@click.option(
    "--text", default=None, help="Without ACTOR_ID: the project described in French or English."
)
@click.option(
    "--territory",
    default=None,
    help="Without ACTOR_ID: where you are (Lille, 69001, Nord, departement:59…).",
)
@click.option("--need", "needs", multiple=True, help="Without ACTOR_ID: a competence needed.")
@click.option("--offer", "offers", multiple=True, help="Without ACTOR_ID: a competence offered.")
@click.option("--sdg", "sdgs", multiple=True, help="Without ACTOR_ID: an SDG goal or target.")
@click.option(
    "--type",
    "own_type",
    default=None,
    help="Without ACTOR_ID: your kind of organisation (an actor type).",
)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@friendly_errors
def partners(
    ctx: click.Context,
    actor_id: str | None,
    partner_types: tuple[str, ...],
    text: str | None,
    territory: str | None,
    needs: tuple[str, ...],
    offers: tuple[str, ...],
    sdgs: tuple[str, ...],
    own_type: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Complementary partners of the actor ACTOR_ID, or of a project described with the options
    (--text, --territory, --need, --offer, --sdg, --type), with level, where and reasons."""
    rec = _recommender(ctx)
    if actor_id and (text or territory or needs or offers or sdgs or own_type):
        raise BadRequest(
            "--text, --territory, --need, --offer, --sdg and --type describe a project: "
            "use them without ACTOR_ID",
            message_fr="--text, --territory, --need, --offer, --sdg et --type décrivent un "
            "projet : utilisez-les sans ACTOR_ID",
        )
    if actor_id:
        data = rec.partners(actor_id, limit, list(partner_types) or None)
    else:
        need: dict[str, Any] = {
            k: v
            for k, v in (
                ("text", text),
                ("territory", territory),
                ("needs", list(needs)),
                ("offers", list(offers)),
                ("sdgs", list(sdgs)),
                ("type", own_type),
                ("partner_types", list(partner_types)),
            )
            if v
        }
        need, place = with_place(need)
        data = rec.partners_for_need(need, limit)
        if place is not None:
            data["place"] = place
    if as_json:
        _echo_json(data)
        return
    _print_understood(data.get("need", {}).get("text"))
    if not data["results"]:
        click.echo("Aucun partenaire complémentaire trouvé.")
    if data.get("hint"):
        click.echo(f"{data['hint']['fr']}\n")
    for n, r in enumerate(data["results"], 1):
        fictional = " [FICTIF : données de démonstration]" if r.get("fictional") else ""
        click.echo(
            f"{n}. {r['label']} ({r['id']}){fictional} — {r['level']['label']} "
            f"(score {r['score']:.2f}) — {r['where']['label']}"
        )
        for reason in r["reasons"]:
            if reason != r["where"]["label"]:
                click.echo(f"   · {reason}")
        for i in r["introducers"]:
            via = f" via « {i['via']['label']} »" if i["via"] else ""
            click.echo(f"   ↪ présentation possible par {i['label']}{via}")


def _print_understood(understood: dict[str, Any] | None) -> None:
    """What a project description was read as: targets, needs, offers, with the words."""
    if not understood:
        return
    click.echo("Compris dans la description :")
    for t in understood["targets"]:
        click.echo(f"   cible {t['code']} ({', '.join(t['evidence'])})")
    for side, word in (("needs", "besoin"), ("offers", "offre")):
        for c in understood[side]:
            click.echo(f"   {word} : {c['code']} ({', '.join(c['evidence'])})")
    click.echo("")


@click.command("fit-weights")
@click.option(
    "--seeds",
    default=5,
    show_default=True,
    type=click.IntRange(2, 50),
    help="Random draws of held-out links (each is one fold of the cross-validation).",
)
@click.option(
    "--max-testers",
    default=1000,
    show_default=True,
    type=click.IntRange(10, 100_000),
    help="At most this many test actors per draw.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@friendly_errors
def fit_weights(ctx: click.Context, seeds: int, max_testers: int, as_json: bool) -> None:
    """Fit the partner weights on held-out links of this instance's network and compare them
    with the current weights, common neighbours and Adamic–Adar (recall@10, nDCG@10).

    Writes nothing: to use the weights, put the PARTNER_WEIGHTS line it prints in the instance's
    config.toml (or set ALLIANCES_PARTNER_WEIGHTS). The procedure is described in
    docs/recommendation.md (« Weights from evidence »)."""
    rec = _recommender(ctx)
    report = fitting.fit_weights(
        rec.actors.get(),
        rec.network.get(),
        rec.labels.get(),
        rec.partner_weights,
        seeds=range(1, seeds + 1),
        starts=alliance_starts(rec.store),
        max_testers=max_testers,
        progress=None if as_json else progress,
    )
    data = report.to_dict()
    if as_json:
        _echo_json(data)
        return
    for name, table in data["evaluation"].items():
        click.echo(f"\n{name} (recall@10 / nDCG@10)")
        click.echo(f"{'method':<20} {'with partners':>16} {'newcomers':>16} {'overall':>16}")
        for method, groups in table.items():
            cells = [groups.get(g) for g in ("with partners", "newcomers", "overall")]
            click.echo(
                f"{method:<20} "
                + " ".join(
                    f"{c['recall@10']:.3f} / {c['ndcg@10']:.3f}".rjust(16) if c else " " * 16
                    for c in cells
                )
            )
    click.echo(f'\nPoids ajustés / fitted weights: PARTNER_WEIGHTS = "{data["setting"]}"')


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
        fictional = " [FICTIF : données de démonstration]" if r.get("fictional") else ""
        click.echo(f"{n}. {r['label']} ({r['id']}){fictional} — score {r['score']:.2f}")
        for line in r["alike"]:
            click.echo(f"   = {line}")
        for line in r["differs"]:
            click.echo(f"   ≠ {line}")


@click.command("sdg-suggest")
@click.argument("text")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100))
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    default=None,
    help="Language of TEXT (detected when omitted).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@friendly_errors
def sdg_suggest(ctx: click.Context, text: str, limit: int, lang: str | None, as_json: bool) -> None:
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
@click.option(
    "--answer",
    "answers",
    multiple=True,
    metavar="QUESTION=OPTION",
    help="One answer (repeat for each question); without answers, list the questions.",
)
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
            raise BadRequest(
                f"expected QUESTION=OPTION, got {item!r}",
                message_fr=f"QUESTION=OPTION attendu, pas {item!r}",
            )
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


COMMANDS = (partners, fit_weights, analogues, sdg_suggest, maturity)
