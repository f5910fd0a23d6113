"""Complementary partners (DESIGN §4): who could complete an actor, or a described need, and why.

Candidates are found locally through the inverted indices of `ActorTable` (offerers of what the
seeker needs, actors needing what it offers, sharing its SDGs; those of its commune,
intercommunality or département only when it states none of these) and the 2-hop neighbourhood of
the alliance network; only they are scored, with numpy. Each factor is in [0, 1]; its
contribution is weight × value and the score is the sum of the contributions. The default weights
are fitted on held-out links (`graph.reco.fitting`, docs/recommendation.md).

- needs_offers = (sat(g) + sat(r)) / 2, g = competences the candidate offers that the seeker needs,
  r = the reverse; so a mutual exchange always scores at least as much as any one-way one. When
  the seeker states only needs (or only offers), only that side can count: sat(g) (or sat(r)).
- purpose = sat(shared targets + 0.5 × shared goals) (a shared target also shares its goal).
- proximity: `graph.reco.proximity` (same commune 1, intercommunality 0.8, département 0.6,
  région 0.3, else 1 / (1 + d / 20 km); national actors 0.6; nothing for a seeker with no place).
- diversity = 1 different actor type, 0.25 same type, 0 same type with a need in common (peers).
- trust = 1 − 0.25^a, a = Σ over the partners in common of 1 / log2(their number of partners)
  (Adamic & Adar 2003): one introducer who knows only the two of you gives 0.75, as before, a hub
  partner of thousands (a national agency) almost nothing.

where sat(k) = 1 − 0.5^k (1 → 0.5, 2 → 0.75, 3 → 0.875). Each suggestion also has a `level`
(`graph.reco.partner_levels`: its score against random pairs of the graph) and says `where` it is
and whether it is `fictional`: a real actor is never shown a fictional partner or introducer, a
described need the real partners first (`graph.reco.fiction`).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rdflib import URIRef

from ontology.namespaces import concept, scheme_codes

from ..analytics.network import NetworkViews, two_hop
from ..errors import BadRequest, NotFound
from . import fiction, inputs, need_text, partner_levels, proximity
from .actor_table import ActorTable, local_id
from .coding import NOWHERE, Place, Sdgs, codes_of_mask, popcount, scheme_index
from .labels import Labels
from .phrases import SHARES, Text, competences, join, lower_first, shared_sdg_sentences
from .weights import PARTNER_FACTORS

SAME_TYPE = 0.25
MAX_INTRODUCERS = 3
#: Shown with the results of a need stating nothing but a place (`Seeker.states_nothing`).
PLACE_ONLY_HINT = {
    "code": "describe-need",
    "fr": "Ces acteurs sont proches de vous, mais rien ne dit encore qu'ils vous complètent : "
    "décrivez ce que vous cherchez, ce que vous proposez ou votre projet pour des suggestions "
    "classées selon ce que chacun peut apporter.",
    "en": "These actors are near you, but nothing says yet that they complement you: describe "
    "what you are looking for, what you offer or your project to get suggestions ranked by what "
    "each can bring.",
}


def sat(k: np.ndarray | float) -> np.ndarray:
    """Saturating credit for k shared things: 1 − 0.5^k."""
    return 1.0 - np.power(0.5, k)


def exchange(give: np.ndarray, get: np.ndarray, s: Seeker) -> np.ndarray:
    """The needs ↔ offers value: (sat(give) + sat(get)) / 2, or one side alone when the seeker
    states only needs (a described need) or only offers."""
    if s.needs and s.offers:
        return (sat(give) + sat(get)) / 2
    return sat(give) if s.needs else sat(get)


def introducer_weight(degree: int) -> float:
    """Adamic–Adar weight of a partner in common with `degree` partners: 1 / log2(degree)
    (1 for someone who knows only the two of you)."""
    return 1.0 / math.log2(max(degree, 2))


@dataclass
class Seeker:
    """Whoever partners are sought for: an actor of the graph, or a described need.

    `wanted` is a bit mask of the actor types sought (0: any); `origin` where the seeker is;
    `fictional` True for a fictional actor, False for a real one, None for a described need
    (what it may be shown: `graph.reco.fiction`).
    """

    type: int = -1
    offers: int = 0
    needs: int = 0
    sdgs: Sdgs = field(default_factory=lambda: Sdgs(frozenset(), frozenset()))
    place: Place = NOWHERE
    index: int | None = None
    iri: URIRef | None = None
    partners: set[Hashable] = field(default_factory=set)
    introducers: dict[Hashable, list[Hashable]] = field(default_factory=dict)
    wanted: int = 0
    origin: proximity.Origin = field(default_factory=lambda: proximity.Origin(NOWHERE))
    hops: tuple[np.ndarray, np.ndarray] | None = None
    fictional: bool | None = fiction.OUTSIDE

    @property
    def states_nothing(self) -> bool:
        """True when the seeker states no need, no offer and no SDG: only its place (and type)
        is known, so complementarity cannot be judged (`partner_levels.level`)."""
        return not (self.needs or self.offers or self.sdgs.goals)


NEED_FIELDS = (
    "type",
    "territory",
    "needs",
    "offers",
    "sdgs",
    "partner_types",
    "text",
    "lang",
    "limit",
)


def type_mask(value: object, field_name: str = "partner_types") -> int:
    """Bit mask of the actor types listed in `value` (codes, case- and accent-insensitive)."""
    index = scheme_index("actor-type")
    return sum(
        1 << index[concept("actor-type", c)] for c in inputs.codes("actor-type", value, field_name)
    )


def need_from(data: Mapping[str, Any]) -> tuple[Seeker, dict[str, Any] | None]:
    """A seeker from a described need: {type, territory, needs, offers, sdgs, partner_types,
    text, lang} (all optional, but one of needs, offers, sdgs, territory or a text saying one of
    them is needed), and what the text was understood to say (`need_text.understand`) or None.

    From `text`, the SDG targets (at most 3) stand for `sdgs` and the competences found for
    `needs` and `offers`, each only when that field is not given: what the person states
    explicitly wins, what the text says fills the rest.
    """
    inputs.unknown_fields(dict(data), NEED_FIELDS)
    type_code = inputs.code("actor-type", data.get("type"), "type")
    text = inputs.text(data.get("text"), "text")
    lang = inputs.text(data.get("lang"), "lang", max_length=10) or None
    understood = need_text.understand(text, lang) if text else None
    comp = scheme_index("competence")

    def mask(field_name: str) -> int:
        given = data.get(field_name)
        if not given and understood is not None:
            given = [c["code"] for c in understood[field_name]]
        found = inputs.codes("competence", given, field_name)
        return sum(1 << comp[concept("competence", c)] for c in found)

    sdgs = data.get("sdgs")
    if not sdgs and understood is not None:
        sdgs = [t["code"] for t in understood["targets"]]
    place = inputs.place(data.get("territory")) or NOWHERE
    seeker = Seeker(
        type=scheme_index("actor-type")[concept("actor-type", type_code)] if type_code else -1,
        offers=mask("offers"),
        needs=mask("needs"),
        sdgs=inputs.sdgs(sdgs),
        place=place,
        wanted=type_mask(data.get("partner_types")),
        origin=proximity.origin_of_place(place),
    )
    if understood is not None:
        understood["used"] = {
            f: not data.get(f) and bool(understood[k])
            for f, k in (("sdgs", "targets"), ("needs", "needs"), ("offers", "offers"))
        }
    if not (seeker.offers or seeker.needs or seeker.sdgs.goals or seeker.place.level):
        if text:
            raise BadRequest(
                "text: no SDG target nor competence was recognised in the description; "
                "state needs, offers, sdgs or territory",
                message_fr="text : aucune cible ODD ni compétence reconnue dans la description ; "
                "indiquez vos besoins (needs), offres (offers), ODD (sdgs) ou territoire "
                "(territory)",
            )
        raise BadRequest(
            "describe at least one of: needs, offers, sdgs, territory, text",
            message_fr="décrivez au moins l'un de : needs (besoins), offers (offres), sdgs (ODD), "
            "territory (territoire), text (description du projet)",
        )
    return seeker, understood


class PartnerFinder:
    """Ranks complementary partners over one version of the graph.

    `national` flags the actors acting nationally (`proximity.national_flags`, computed from
    `network` when not given); `reference` holds the scores behind the levels
    (`partner_levels.reference`, drawn on first use when not given).
    """

    def __init__(
        self,
        table: ActorTable,
        network: NetworkViews,
        labels: Labels,
        weights: Mapping[str, float],
        national: np.ndarray | None = None,
        reference: partner_levels.Reference | None = None,
    ) -> None:
        self.t = table
        self.network = network
        self.labels = labels
        self.weights = {f: float(weights[f]) for f in PARTNER_FACTORS}
        self.national = proximity.national_flags(table, network) if national is None else national
        self._reference = reference

    @property
    def reference(self) -> partner_levels.Reference:
        """Scores of random pairs and of partner pairs under this finder's weights."""
        if self._reference is None:
            self._reference = partner_levels.reference(self)
        return self._reference

    # -- entry points ----------------------------------------------------------------------
    def seeker(self, i: int, wanted: int = 0) -> Seeker:
        """The seeker standing for actor row `i` of the table."""
        t, iri = self.t, self.t.iris[i]
        origin = proximity.Origin(
            t.places[i],
            float(t.lat[i]),
            float(t.long[i]),
            bool(t.precise[i]),
            (bool(t.places[i].level) or bool(t.own[i])) and not bool(self.national[i]),
            bool(t.own[i]),
        )
        fictional = bool(t.fictional[i]) if len(t.fictional) else False
        if fictional:
            partners = self.network.partners(iri)
            introducers = two_hop(self.network.projection, iri)
        else:  # real: only real alliances make partners and introducers
            partners, introducers = fiction.real_links(self.network.projection, iri, t.is_fictional)
        return Seeker(
            type=int(t.type[i]),
            offers=int(t.offers[i]),
            needs=int(t.needs[i]),
            sdgs=t.sdgs[i],
            place=t.places[i],
            index=i,
            iri=iri,
            partners=partners,
            introducers=introducers,
            wanted=wanted,
            origin=origin,
            fictional=fictional,
        )

    def for_actor(
        self, actor_id: str, limit: int = 10, partner_types: object = None
    ) -> dict[str, Any]:
        """Partners for the actor with local identifier `actor_id`, of the types listed in
        `partner_types` (codes; any type when empty)."""
        i = self.t.by_id.get(inputs.local_id(actor_id, "actor"))
        if i is None:
            raise NotFound(f"no actor {actor_id!r}", message_fr=f"aucun acteur {actor_id!r}")
        seeker = self.seeker(i, type_mask(partner_types))
        out: dict[str, Any] = {"actor": str(self.t.iris[i]), "results": self.rank(seeker, limit)}
        if seeker.wanted:
            out["partner_types"] = codes_of_mask(seeker.wanted, "actor-type")
        return out

    def for_need(self, data: Mapping[str, Any], limit: int = 10) -> dict[str, Any]:
        """Partners for a described need (no existing actor required)."""
        seeker, understood = need_from(data)
        need = describe_need(seeker)
        if understood is not None:
            need["text"] = understood
        out: dict[str, Any] = {"need": need, "results": self.rank(seeker, limit)}
        if seeker.states_nothing:
            out["hint"] = dict(PLACE_ONLY_HINT)
        return out

    # -- ranking ---------------------------------------------------------------------------
    def scored(self, s: Seeker) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
        """Candidates, their scores and their factor values (all candidates, unsorted)."""
        cands = self.candidates(s)
        values = self.factor_values(s, cands)
        w = self.weights
        score = np.zeros(cands.size)
        for f in PARTNER_FACTORS:
            score += w[f] * values[f]
        return cands, score, values

    def rank(self, s: Seeker, limit: int) -> list[dict[str, Any]]:
        """The `limit` best candidates for `s`, as result objects."""
        cands, score, values = self.scored(s)
        if cands.size == 0:
            return []
        keep = score > 0
        cands, score = cands[keep], score[keep]
        values = {f: v[keep] for f, v in values.items()}
        order = fiction.order(cands, score, self.fictional_of(cands), s.fictional)[:limit]
        if order.size == 0:
            return []
        rel, km = self.proximity_details(s, cands[order])
        return [
            self.result(
                s,
                int(cands[k]),
                float(score[k]),
                {f: float(values[f][k]) for f in PARTNER_FACTORS},
                int(rel[n]),
                float(km[n]),
            )
            for n, k in enumerate(order)
        ]

    def fictional_of(self, c: np.ndarray) -> np.ndarray:
        """The fictional flag of the candidate rows `c`."""
        f = self.t.fictional
        return f[c] if len(f) else np.zeros(len(c), dtype=bool)

    def candidates(self, s: Seeker) -> np.ndarray:
        """Actors with something to share with the seeker — an exchange of competences, an SDG,
        a partner in common — minus itself and its current partners, of the types sought, and
        of those the seeker may be shown (no fictional actor for a real one: `fiction`).

        Being near (or of another type) only orders them: a neighbour with nothing to exchange
        and no cause in common is no complementary partner. Only a seeker stating no needs, no
        offers and no SDGs gets the actors of its commune, intercommunality and département
        (or région) as candidates, proximity being all there is to go on.
        """
        t = self.t
        parts = [t.posting("offers", b) for b in _bits(s.needs)]
        parts += [t.posting("needs", b) for b in _bits(s.offers)]
        parts += [t.posting("target", c) for c in s.sdgs.targets]
        parts += [t.posting("goal", g) for g in s.sdgs.goals]
        if not (s.needs or s.offers or s.sdgs.goals):
            for level in ("commune", "epci", "departement"):
                key = s.place.key(level)
                if key is not None:
                    parts.append(t.posting(level, key))
            if s.place.level == "region" and s.place.region is not None:
                parts.append(t.posting("region", s.place.region))
        parts.append(self.hop_weights(s)[0])
        found = np.zeros(len(t), dtype=bool)  # a mask is cheaper than np.unique on 10⁵ ids
        for part in parts:
            found[part] = True
        excluded = [t.by_iri[a] for a in s.partners if a in t.by_iri]
        if s.index is not None:
            excluded.append(s.index)
        found[excluded] = False
        if s.wanted:
            known = t.type >= 0
            ok = np.zeros(len(t), dtype=bool)
            ok[known] = (np.right_shift(s.wanted, t.type[known].astype(np.int64)) & 1) == 1
            found &= ok
        if len(t.fictional):
            shown = fiction.allowed(t.fictional, s.fictional)
            if shown is not None:
                found &= shown
        return np.flatnonzero(found)

    def hop_weights(self, s: Seeker) -> tuple[np.ndarray, np.ndarray]:
        """Actors 2 hops away (sorted row indices) and the Adamic–Adar weight of the partners in
        common of each (Σ 1 / log2(degree)); computed once per seeker."""
        if s.hops is None:
            deg = self.network.projection.degree
            weight: dict[Hashable, float] = {}
            pairs = []
            for far, mids in s.introducers.items():
                k = self.t.by_iri.get(far)
                if k is None:
                    continue
                total = 0.0
                for m in mids:
                    if m not in weight:
                        weight[m] = introducer_weight(deg[m])
                    total += weight[m]
                pairs.append((k, total))
            pairs.sort()
            if pairs:
                idx, w = zip(*pairs, strict=True)
                s.hops = (np.array(idx, dtype=np.int64), np.array(w, dtype=np.float64))
            else:
                s.hops = (np.zeros(0, dtype=np.int64), np.zeros(0))
        return s.hops

    def factor_values(self, s: Seeker, c: np.ndarray) -> dict[str, np.ndarray]:
        """Each factor's value in [0, 1] for the candidates `c`."""
        t = self.t
        give = popcount(t.offers[c] & np.uint32(s.needs))
        get = popcount(t.needs[c] & np.uint32(s.offers))
        shared_t = popcount(t.targets[c] & s.sdgs.target_words())
        shared_g = popcount(t.goals[c] & np.uint32(s.sdgs.goal_mask))
        near, _, _ = proximity.values(t, s.origin, c, self.national)
        types = t.type[c]
        peers = popcount(t.needs[c] & np.uint32(s.needs)) > 0
        diversity = np.where(types == s.type, np.where(peers, 0.0, SAME_TYPE), 1.0)
        diversity[(types < 0) | (s.type < 0)] = 0.0
        hop_idx, hop_w = self.hop_weights(s)
        aa = np.zeros(len(c))
        if hop_idx.size:
            pos = np.clip(np.searchsorted(hop_idx, c), 0, hop_idx.size - 1)
            hit = hop_idx[pos] == c
            aa[hit] = hop_w[pos[hit]]
        return {
            "needs_offers": exchange(give, get, s),
            "purpose": sat(shared_t + 0.5 * shared_g),
            "proximity": near,
            "diversity": diversity,
            "trust": 1.0 - np.power(0.25, aa),
        }

    def proximity_details(self, s: Seeker, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Relation indices and distances (km) of the candidates `c` (for the answer)."""
        _, rel, km = proximity.values(self.t, s.origin, c, self.national)
        return rel, km

    def reach(self, j: int) -> int:
        """Number of régions of the alliances actor row `j` is a member of."""
        regions = self.t.alliance_regions
        return len({regions[a] for a in self.network.alliances_of(self.t.iris[j]) if a in regions})

    # -- explaining ------------------------------------------------------------------------
    def result(
        self, s: Seeker, j: int, score: float, values: dict[str, float], relation: int, km: float
    ) -> dict[str, Any]:
        """One suggestion: identity, score, level, contributions, where, reasons, introducers."""
        t = self.t
        introducers = self.introducers(s, t.iris[j])
        contrib = {f: self.weights[f] * v for f, v in values.items()}
        place = proximity.where(t, s.origin, j, relation, km, self.reach(j))
        reasons = self.reasons(s, j, contrib, introducers, place)
        type_code = codes_of_type(int(t.type[j]))
        return {
            "id": t.ids[j],
            "iri": str(t.iris[j]),
            "label": t.labels[j],
            "type": type_code,
            "score": round(score, 4),
            "level": partner_levels.level(score, self.reference, s.states_nothing),
            "factors": {f: round(v, 4) for f, v in contrib.items()},
            "values": {f: round(v, 4) for f, v in values.items()},
            "where": place,
            "reasons": [r.fr for r in reasons],
            "reasons_en": [r.en for r in reasons],
            "introducers": introducers,
            "fictional": bool(self.fictional_of(np.array([j]))[0]),
        }

    def introducers(self, s: Seeker, far: URIRef) -> list[dict[str, Any]]:
        """Your partners who are partners of `far`, each with the alliance you share with them;
        the ones with fewest partners first (the warmest introductions), at most
        MAX_INTRODUCERS."""
        out: list[tuple[int, dict[str, Any]]] = []
        t = self.t
        deg = self.network.projection.degree
        for middle in s.introducers.get(far, ()):
            if s.iri is None or not isinstance(middle, URIRef):
                continue
            via = sorted(self.network.shared_alliances(s.iri, middle), key=str)
            if s.fictional is False:  # a real seeker knows its partners through real alliances
                via = [a for a in via if not t.is_fictional(a)]
            k = t.by_iri.get(middle)
            out.append(
                (
                    deg[middle],
                    {
                        "id": local_id(middle),
                        "iri": str(middle),
                        "label": t.labels[k] if k is not None else local_id(middle),
                        "via": self.alliance_ref(via[0]) if via else None,
                    },
                )
            )
        out.sort(key=lambda d: (d[0], str(d[1]["label"]).casefold(), d[1]["id"]))
        return [d for _, d in out[:MAX_INTRODUCERS]]

    def alliance_ref(self, alliance: object) -> dict[str, str]:
        """{id, iri, label} of an alliance of the network."""
        label = (
            self.network.bipartite.nodes[alliance].get("label")
            if (alliance in self.network.bipartite)
            else None
        )
        ident = local_id(URIRef(str(alliance)))
        return {"id": ident, "iri": str(alliance), "label": label or ident}

    def reasons(
        self,
        s: Seeker,
        j: int,
        contrib: dict[str, float],
        introducers: list[dict[str, Any]],
        place: dict[str, Any],
    ) -> list[Text]:
        """Plain-language reasons, in the order of the factors (what is exchanged first); where
        the candidate is comes under proximity, always."""
        t = self.t
        found: dict[str, list[Text]] = {f: [] for f in PARTNER_FACTORS}
        give = codes_of_mask(int(t.offers[j]) & s.needs, "competence")
        get = codes_of_mask(int(t.needs[j]) & s.offers, "competence")
        if give:
            labels = [self.labels.code("competence", c) for c in give]
            found["needs_offers"].append(
                Text(
                    f"Propose {competences(labels, 'fr')}, dont vous avez besoin",
                    f"Offers {competences(labels, 'en')}, which you need",
                )
            )
        if get:
            labels = [self.labels.code("competence", c) for c in get]
            found["needs_offers"].append(
                Text(
                    f"Cherche {competences(labels, 'fr')}, que vous proposez",
                    f"Looks for {competences(labels, 'en')}, which you offer",
                )
            )
        found["purpose"] = purpose_reasons(s.sdgs, t.sdgs[j])
        found["proximity"] = [Text(place["label"], place["label_en"])]
        if contrib["diversity"] > 0 and int(t.type[j]) != s.type:
            label = self.labels.code("actor-type", codes_of_type(int(t.type[j])))
            found["diversity"].append(
                Text(
                    f"Un autre type d'acteur que vous : {lower_first(label.fr)}",
                    f"A different kind of actor from you: {lower_first(label.en)}",
                )
            )
        if introducers:
            found["trust"].append(introducer_reason(introducers))
        return [r for f in PARTNER_FACTORS for r in found[f]]


def introducer_reason(introducers: Sequence[dict[str, Any]]) -> Text:
    """« Partenaire de votre partenaire Ville V (alliance « Jardins du Nord ») »."""
    names = [i["label"] for i in introducers]
    vias = [i["via"]["label"] for i in introducers if i["via"]]
    one = len(names) == 1
    via_fr = f" (alliance « {vias[0]} »)" if one and vias else ""
    via_en = f" (alliance “{vias[0]}”)" if one and vias else ""
    return Text(
        f"Partenaire de {'votre partenaire' if one else 'vos partenaires'} "
        f"{join(names, 'fr')}{via_fr}",
        f"Partner of your {'partner' if one else 'partners'} {join(names, 'en')}{via_en}",
    )


def purpose_reasons(mine: Sdgs, theirs: Sdgs) -> list[Text]:
    """« Partage la cible 12.3 », « Partage l'ODD 2 (Faim "zéro") »."""
    return shared_sdg_sentences(mine, theirs, SHARES)


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
        "partner_types": codes_of_mask(s.wanted, "actor-type"),
    }


def _bits(mask: int) -> list[int]:
    return [b for b in range(mask.bit_length()) if mask >> b & 1]
