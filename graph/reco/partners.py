"""Complementary partners (DESIGN §4): who could complete an actor, or a described need, and why.

Candidates are found locally through the inverted indices of `ActorTable` (offerers of what the
seeker needs, actors needing what it offers, sharing its SDGs, in its commune or département) and
the 2-hop neighbourhood of the alliance network; only they are scored, with numpy. Each factor is
in [0, 1]; its contribution is weight × value and the score is the sum of the contributions.

- needs_offers = (sat(g) + sat(r)) / 2, g = competences the candidate offers that the seeker needs,
  r = the reverse; so a mutual exchange always scores at least as much as any one-way one. When
  the seeker states only needs (or only offers), only that side can count: sat(g) (or sat(r)).
- purpose = sat(shared targets + 0.5 × shared goals) (a shared target also shares its goal).
- proximity = 1 same commune, 0.8 same intercommunality (EPCI, or EPT in the Grand Paris), 0.6 same
  département, 0.3 same région, 0 elsewhere or unknown.
- diversity = 1 different actor type, 0.25 same type, 0 same type with a need in common (peers).
- trust = 1 − 0.25^k for k partners in common (1 → 0.75, 2 → 0.94): having an introducer is what
  makes a lead warm, more of them add a little.

where sat(k) = 1 − 0.5^k (1 → 0.5, 2 → 0.75, 3 → 0.875).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rdflib import URIRef

from ontology.namespaces import concept, scheme_codes

from ..analytics.network import NetworkViews, two_hop
from ..errors import BadRequest, NotFound
from . import inputs
from .actor_table import ActorTable, local_id
from .coding import (
    LEVELS,
    NOWHERE,
    Place,
    Sdgs,
    codes_of_mask,
    place_name,
    popcount,
    scheme_index,
)
from .labels import Labels
from .phrases import (
    SAME_PLACE_EN,
    SAME_PLACE_FR,
    SHARES,
    Text,
    competences,
    join,
    lower_first,
    shared_sdg_sentences,
)
from .weights import PARTNER_FACTORS

PROXIMITY = {"commune": 1.0, "epci": 0.8, "departement": 0.6, "region": 0.3}
SAME_TYPE = 0.25
MAX_INTRODUCERS = 3


def sat(k: np.ndarray | float) -> np.ndarray:
    """Saturating credit for k shared things: 1 − 0.5^k."""
    return 1.0 - np.power(0.5, k)


def exchange(give: np.ndarray, get: np.ndarray, s: Seeker) -> np.ndarray:
    """The needs ↔ offers value: (sat(give) + sat(get)) / 2, or one side alone when the seeker
    states only needs (a described need) or only offers."""
    if s.needs and s.offers:
        return (sat(give) + sat(get)) / 2
    return sat(give) if s.needs else sat(get)


@dataclass
class Seeker:
    """Whoever partners are sought for: an actor of the graph, or a described need."""

    type: int = -1
    offers: int = 0
    needs: int = 0
    sdgs: Sdgs = field(default_factory=lambda: Sdgs(frozenset(), frozenset()))
    place: Place = NOWHERE
    index: int | None = None
    iri: URIRef | None = None
    partners: set[Hashable] = field(default_factory=set)
    introducers: dict[Hashable, list[Hashable]] = field(default_factory=dict)


NEED_FIELDS = ("type", "territory", "needs", "offers", "sdgs", "limit")


def need_from(data: Mapping[str, Any]) -> Seeker:
    """A seeker from a described need: {type, territory, needs, offers, sdgs} (all optional)."""
    inputs.unknown_fields(dict(data), NEED_FIELDS)
    type_code = inputs.code("actor-type", data.get("type"), "type")
    comp = scheme_index("competence")

    def mask(field_name: str) -> int:
        found = inputs.codes("competence", data.get(field_name), field_name)
        return sum(1 << comp[concept("competence", c)] for c in found)

    seeker = Seeker(
        type=scheme_index("actor-type")[concept("actor-type", type_code)] if type_code else -1,
        offers=mask("offers"),
        needs=mask("needs"),
        sdgs=inputs.sdgs(data.get("sdgs")),
        place=inputs.place(data.get("territory")) or NOWHERE,
    )
    if not (seeker.offers or seeker.needs or seeker.sdgs.goals or seeker.place.level):
        raise BadRequest(
            "describe at least one of: needs, offers, sdgs, territory",
            message_fr="décrivez au moins l'un de : needs (besoins), offers (offres), sdgs (ODD), "
            "territory (territoire)")
    return seeker


class PartnerFinder:
    """Ranks complementary partners over one version of the graph."""

    def __init__(self, table: ActorTable, network: NetworkViews, labels: Labels,
                 weights: Mapping[str, float]) -> None:
        self.t = table
        self.network = network
        self.labels = labels
        self.weights = {f: float(weights[f]) for f in PARTNER_FACTORS}

    # -- entry points ----------------------------------------------------------------------
    def for_actor(self, actor_id: str, limit: int = 10) -> dict[str, Any]:
        """Partners for the actor with local identifier `actor_id`."""
        i = self.t.by_id.get(inputs.local_id(actor_id, "actor"))
        if i is None:
            raise NotFound(f"no actor {actor_id!r}", message_fr=f"aucun acteur {actor_id!r}")
        iri = self.t.iris[i]
        seeker = Seeker(
            type=int(self.t.type[i]), offers=int(self.t.offers[i]), needs=int(self.t.needs[i]),
            sdgs=self.t.sdgs[i], place=self.t.places[i], index=i, iri=iri,
            partners=self.network.partners(iri),
            introducers=two_hop(self.network.projection, iri),
        )
        return {"actor": str(iri), "results": self.rank(seeker, limit)}

    def for_need(self, data: Mapping[str, Any], limit: int = 10) -> dict[str, Any]:
        """Partners for a described need (no existing actor required)."""
        seeker = need_from(data)
        return {"need": describe_need(seeker), "results": self.rank(seeker, limit)}

    # -- ranking ---------------------------------------------------------------------------
    def rank(self, s: Seeker, limit: int) -> list[dict[str, Any]]:
        """The `limit` best candidates for `s`, as result objects."""
        cands = self.candidates(s)
        if cands.size == 0:
            return []
        values = self.factor_values(s, cands)
        contrib = {f: self.weights[f] * values[f] for f in PARTNER_FACTORS}
        score: np.ndarray = np.sum(list(contrib.values()), axis=0)
        keep = score > 0
        cands, score = cands[keep], score[keep]
        contrib = {f: v[keep] for f, v in contrib.items()}
        order = np.lexsort((cands, -np.round(score, 9)))[:limit]
        return [self.result(s, int(cands[k]), float(score[k]),
                            {f: float(contrib[f][k]) for f in PARTNER_FACTORS}) for k in order]

    def candidates(self, s: Seeker) -> np.ndarray:
        """Actors sharing something with the seeker, minus itself and its current partners."""
        t = self.t
        parts = [t.posting("offers", b) for b in _bits(s.needs)]
        parts += [t.posting("needs", b) for b in _bits(s.offers)]
        parts += [t.posting("target", c) for c in s.sdgs.targets]
        parts += [t.posting("goal", g) for g in s.sdgs.goals]
        local = s.place.commune or s.place.departement or s.place.region
        if local is not None:
            parts.append(t.posting(local[0], local))
            if s.place.departement is not None:
                parts.append(t.posting("departement", s.place.departement))
        parts.append(self.hop_counts(s)[0])
        found = np.zeros(len(t), dtype=bool)  # a mask is cheaper than np.unique on 10⁵ ids
        for part in parts:
            found[part] = True
        excluded = [t.by_iri[a] for a in s.partners if a in t.by_iri]
        if s.index is not None:
            excluded.append(s.index)
        found[excluded] = False
        return np.flatnonzero(found)

    def hop_counts(self, s: Seeker) -> tuple[np.ndarray, np.ndarray]:
        """Actors 2 hops away (sorted indices) and how many partners in common each has."""
        pairs = sorted((self.t.by_iri[far], len(mids)) for far, mids in s.introducers.items()
                       if far in self.t.by_iri)
        if not pairs:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx, counts = zip(*pairs, strict=True)
        return np.array(idx, dtype=np.int64), np.array(counts, dtype=np.float64)

    def factor_values(self, s: Seeker, c: np.ndarray) -> dict[str, np.ndarray]:
        """Each factor's value in [0, 1] for the candidates `c`."""
        t = self.t
        give = popcount(t.offers[c] & np.uint32(s.needs))
        get = popcount(t.needs[c] & np.uint32(s.offers))
        shared_t = popcount(t.targets[c] & s.sdgs.target_words())
        shared_g = popcount(t.goals[c] & np.uint32(s.sdgs.goal_mask))
        proximity = np.zeros(len(c))
        for level in reversed(LEVELS):  # finer levels overwrite coarser ones
            code = t.place_code(s.place.key(level))
            if code >= 0:
                proximity[t.place_codes[level][c] == code] = PROXIMITY[level]
        types = t.type[c]
        peers = popcount(t.needs[c] & np.uint32(s.needs)) > 0
        diversity = np.where(types == s.type, np.where(peers, 0.0, SAME_TYPE), 1.0)
        diversity[(types < 0) | (s.type < 0)] = 0.0
        hop_idx, hop_counts = self.hop_counts(s)
        hops = np.zeros(len(c))
        if hop_idx.size:
            pos = np.clip(np.searchsorted(hop_idx, c), 0, hop_idx.size - 1)
            hit = hop_idx[pos] == c
            hops[hit] = hop_counts[pos[hit]]
        return {
            "needs_offers": exchange(give, get, s),
            "purpose": sat(shared_t + 0.5 * shared_g),
            "proximity": proximity,
            "diversity": diversity,
            "trust": 1.0 - np.power(0.25, hops),
        }

    # -- explaining ------------------------------------------------------------------------
    def result(self, s: Seeker, j: int, score: float,
               contrib: dict[str, float]) -> dict[str, Any]:
        """One suggestion: identity, score, contributions, reasons and introducers."""
        t = self.t
        introducers = self.introducers(s, t.iris[j])
        reasons = self.reasons(s, j, contrib, introducers)
        type_code = codes_of_type(int(t.type[j]))
        return {
            "id": t.ids[j], "iri": str(t.iris[j]), "label": t.labels[j], "type": type_code,
            "score": round(score, 4),
            "factors": {f: round(v, 4) for f, v in contrib.items()},
            "reasons": [r.fr for r in reasons], "reasons_en": [r.en for r in reasons],
            "introducers": introducers,
        }

    def introducers(self, s: Seeker, far: URIRef) -> list[dict[str, Any]]:
        """Your partners who are partners of `far`, each with the alliance you share with them."""
        out: list[dict[str, Any]] = []
        t = self.t
        for middle in s.introducers.get(far, ()):
            if s.iri is None or not isinstance(middle, URIRef):
                continue
            via = sorted(self.network.shared_alliances(s.iri, middle), key=str)
            k = t.by_iri.get(middle)
            out.append({
                "id": local_id(middle), "iri": str(middle),
                "label": t.labels[k] if k is not None else local_id(middle),
                "via": self.alliance_ref(via[0]) if via else None,
            })
        out.sort(key=lambda d: (str(d["label"]).casefold(), d["id"]))
        return out[:MAX_INTRODUCERS]

    def alliance_ref(self, alliance: object) -> dict[str, str]:
        """{id, iri, label} of an alliance of the network."""
        label = self.network.bipartite.nodes[alliance].get("label") if (
            alliance in self.network.bipartite) else None
        return {"id": local_id(alliance), "iri": str(alliance),  # type: ignore[arg-type]
                "label": label or local_id(alliance)}  # type: ignore[arg-type]

    def reasons(self, s: Seeker, j: int, contrib: dict[str, float],
                introducers: list[dict[str, Any]]) -> list[Text]:
        """Plain-language reasons, in the order of the factors (what is exchanged first)."""
        t = self.t
        found: dict[str, list[Text]] = {f: [] for f in PARTNER_FACTORS}
        give = codes_of_mask(int(t.offers[j]) & s.needs, "competence")
        get = codes_of_mask(int(t.needs[j]) & s.offers, "competence")
        if give:
            labels = [self.labels.code("competence", c) for c in give]
            found["needs_offers"].append(Text(
                f"Propose {competences(labels, 'fr')}, dont vous avez besoin",
                f"Offers {competences(labels, 'en')}, which you need"))
        if get:
            labels = [self.labels.code("competence", c) for c in get]
            found["needs_offers"].append(Text(
                f"Cherche {competences(labels, 'fr')}, que vous proposez",
                f"Looks for {competences(labels, 'en')}, which you offer"))
        found["purpose"] = purpose_reasons(s.sdgs, t.sdgs[j])
        found["proximity"] = proximity_reasons(s.place, t.places[j])
        if contrib["diversity"] > 0 and int(t.type[j]) != s.type:
            label = self.labels.code("actor-type", codes_of_type(int(t.type[j])))
            found["diversity"].append(Text(
                f"Un autre type d'acteur que vous : {lower_first(label.fr)}",
                f"A different kind of actor from you: {lower_first(label.en)}"))
        if introducers:
            names = [i["label"] for i in introducers]
            vias = [i["via"]["label"] for i in introducers if i["via"]]
            via_fr = f" (alliance « {vias[0]} »)" if len(names) == 1 and vias else ""
            via_en = f" (alliance “{vias[0]}”)" if len(names) == 1 and vias else ""
            one = len(names) == 1
            found["trust"].append(Text(
                f"Partenaire de {'votre partenaire' if one else 'vos partenaires'} "
                f"{join(names, 'fr')}{via_fr}",
                f"Partner of your {'partner' if one else 'partners'} {join(names, 'en')}{via_en}"))
        return [r for f in PARTNER_FACTORS for r in found[f]]


def purpose_reasons(mine: Sdgs, theirs: Sdgs) -> list[Text]:
    """« Partage la cible 12.3 », « Partage l'ODD 2 (Faim "zéro") »."""
    return shared_sdg_sentences(mine, theirs, SHARES)


def proximity_reasons(mine: Place, theirs: Place) -> list[Text]:
    """« Même département (Nord) » for the finest level both places share."""
    for level in LEVELS:
        key = mine.key(level)
        if key is not None and key == theirs.key(level):
            name = place_name(key)
            return [Text(f"{SAME_PLACE_FR[level]} ({name})", f"{SAME_PLACE_EN[level]} ({name})")]
    return []


def codes_of_type(index: int) -> str:
    """Actor-type code of a type index ('' when unknown)."""
    codes = scheme_codes("actor-type")
    return codes[index] if 0 <= index < len(codes) else ""


def describe_need(s: Seeker) -> dict[str, Any]:
    """The described need as understood (codes), echoed in the answer."""
    return {
        "type": codes_of_type(s.type) or None,
        "territory": str(s.place.iri) if s.place.iri else None,
        "needs": codes_of_mask(s.needs, "competence"),
        "offers": codes_of_mask(s.offers, "competence"),
        "sdgs": sorted(s.sdgs.goals | s.sdgs.targets),
    }


def _bits(mask: int) -> list[int]:
    return [b for b in range(mask.bit_length()) if mask >> b & 1]
