"""Factor weights of the recommenders, read from configuration (`PARTNER_WEIGHTS`, …).

A weight string is `name=number` pairs separated by commas, e.g.
`needs_offers=0.3,purpose=0.27,proximity=0.43,diversity=0,trust=0`. Factors left out keep
their default; unknown names and negative numbers are refused. Weights are used as given (they need
not sum to 1; the defaults do, so that a perfect match scores 1).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import ConfigError

PARTNER_FACTORS = ("needs_offers", "purpose", "proximity", "diversity", "trust")
#: Fitted on held-out links by `graph.reco.fitting.fit_weights` (`alliances fit-weights`);
#: the procedure, the networks and the choice are in docs/recommendation.md.
PARTNER_DEFAULTS: dict[str, float] = {
    "needs_offers": 0.3,
    "purpose": 0.27,
    "proximity": 0.43,
    "diversity": 0.0,
    "trust": 0.0,
}

ANALOGUE_FACTORS = ("text", "sdgs", "composition", "resources", "scale")
ANALOGUE_DEFAULTS: dict[str, float] = {
    "text": 0.3,
    "sdgs": 0.3,
    "composition": 0.15,
    "resources": 0.15,
    "scale": 0.1,
}


def parse_weights(
    value: str | Mapping[str, float] | None, defaults: Mapping[str, float], setting: str
) -> dict[str, float]:
    """Weights from a `name=number,…` string (or a mapping), completed with `defaults`."""
    weights = dict(defaults)
    if value is None or value == "":
        return weights
    pairs = value.items() if isinstance(value, Mapping) else _pairs(str(value), setting)
    for name, raw in pairs:
        name = name.strip()
        if name not in defaults:
            raise ConfigError(
                f"{setting}: unknown factor {name!r} (expected {', '.join(defaults)})",
                message_fr=f"{setting} : facteur inconnu {name!r} "
                f"(attendus : {', '.join(defaults)})",
            )
        try:
            number = float(raw)
        except (TypeError, ValueError) as exc:
            raise ConfigError(
                f"{setting}: {name} must be a number, not {raw!r}",
                message_fr=f"{setting} : {name} doit être un nombre, pas {raw!r}",
            ) from exc
        if number < 0:
            raise ConfigError(
                f"{setting}: {name} must not be negative",
                message_fr=f"{setting} : {name} ne peut pas être négatif",
            )
        weights[name] = number
    if not any(weights.values()):
        raise ConfigError(
            f"{setting}: at least one weight must be positive",
            message_fr=f"{setting} : au moins un poids doit être positif",
        )
    return weights


def _pairs(text: str, setting: str) -> list[tuple[str, str]]:
    out = []
    for part in text.split(","):
        if not part.strip():
            continue
        name, sep, raw = part.partition("=")
        if not sep:
            raise ConfigError(
                f"{setting}: expected name=number, got {part.strip()!r}",
                message_fr=f"{setting} : nom=nombre attendu, pas {part.strip()!r}",
            )
        out.append((name, raw.strip()))
    return out
