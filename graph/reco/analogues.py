"""Analogous examples (DESIGN §5): alliances like a given one, or like a project idea.

Candidates are the alliances sharing a word of the text (TF-IDF) or an SDG goal; each factor is a
similarity in [0, 1]. The *similarity* is their weighted mean over the factors the query says
something about (an idea without actor types is not compared on composition: that factor leaves
the denominator instead of counting 0):

    similarity = Σ_f∈known w_f · v_f / Σ_f∈known w_f ∈ [0, 1]

The ranking *score* is the similarity multiplied by `same_territory` (default 0.8) when the example
is in the same département (or région, for région-wide ones) as the query: examples from elsewhere
are preferred, as they are what a visitor does not know yet. The similarity reads as a *level*
(`LEVELS_TABLE`): « très proche », « proche », « lointain », calibrated as
docs/recommendation.md says.

- text: cosine of TF-IDF vectors (title + description, the terms of the search analysis).
- sdgs: weighted Jaccard, targets 1 and goals 0.5: (Tx∩Ty + ½ Gx∩Gy) / (Tx∪Ty + ½ Gx∪Gy).
- composition: cosine of the member counts per actor type.
- resources: overlap of the resource mixes, Σ min(p, q).
- scale: 1 same territory level (commune, département, région), 0.5 adjacent level, else 0.

A real alliance is never given a fictional example; an idea gets the real ones first
(`graph.reco.fiction`); each example says whether it is `fictional`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from rdflib import URIRef
from scipy import sparse

from ontology.namespaces import concept, scheme_codes

from ..errors import BadRequest, NotFound
from . import fiction, inputs, sdg_suggest
from .alliance_table import N_RESOURCES, N_TYPES, AllianceTable, mix_vector
from .coding import (
    LEVELS,
    NOWHERE,
    Place,
    Sdgs,
    place_name,
    popcount,
    target_sort_key,
)
from .labels import Labels
from .phrases import LEVEL_EN, LEVEL_FR, SAME, Text, join, lower_first, shared_sdg_sentences
from .weights import ANALOGUE_FACTORS

IDEA_FIELDS = ("text", "sdgs", "types", "territory", "resources", "limit")
SUGGESTED_SDGS = 3
#: Multiplier of the `sdgs` weight when the idea's SDGs were suggested from its own text: they are
#: inferred from the words the text factor already compares, so counting them fully would let an
#: example sharing the targets but doing something else outrank one doing the same thing.
SUGGESTED_SDGS_WEIGHT = 0.5
MAX_LISTED = 3

#: Similarity levels, from the closest: (code, French, English, percentile). A result is at the
#: first level whose percentile its similarity exceeds, among the similarities of pairs of
#: alliances of the same graph taken at random and compared on the same factors as the query
#: (`null_factors`): « très proche » is more alike than 99 pairs out of 100, « proche » than 9 out
#: of 10, « lointain » no more alike than most pairs.
LEVELS_TABLE = (
    ("tres-proche", "très proche", "very close", 99.0),
    ("proche", "proche", "close", 90.0),
    ("lointain", "lointain", "distant", 0.0),
)
#: Random pairs drawn once per graph version for the levels: this many alliances (queries)…
NULL_QUERIES = 200
#: …each compared with this many others (all pairs when the graph is smaller).
NULL_CANDIDATES = 20
#: Fewest random pairs a level is measured against before pairs lacking a factor are kept.
MIN_NULL = 50
#: « Très proche » also needs a text similarity above this percentile of random pairs' (when the
#: query has a text).
TEXT_PERCENTILE = 90.0


@dataclass
class Query:
    """What examples are compared with: an alliance of the graph, or an idea."""

    text: sparse.csr_matrix
    sdgs: Sdgs
    composition: np.ndarray
    resources: np.ndarray
    place: Place
    index: int | None = None
    iri: URIRef | None = None
    sdgs_suggested: bool = False
    #: True for a fictional alliance, False for a real one, None for an idea (`fiction`).
    fictional: bool | None = None

    @property
    def scale(self) -> int:
        """Index of the territory level in LEVELS, -1 unknown."""
        return LEVELS.index(self.place.level) if self.place.level else -1

    def known(self) -> dict[str, bool]:
        """Which factors the query says something about."""
        return {
            "text": self.text.nnz > 0,
            "sdgs": bool(self.sdgs.goals),
            "composition": bool(self.composition.any()),
            "resources": bool(self.resources.any()),
            "scale": self.scale >= 0,
        }


class AnalogueFinder:
    """Ranks analogous alliances over one version of the graph."""

    def __init__(
        self,
        table: AllianceTable,
        labels: Labels,
        weights: Mapping[str, float],
        same_territory: float,
    ) -> None:
        self.t = table
        self.labels = labels
        self.weights = {f: float(weights[f]) for f in ANALOGUE_FACTORS}
        self.same_territory = same_territory

    # -- entry points ----------------------------------------------------------------------
    def for_alliance(self, alliance_id: str, limit: int = 10) -> dict[str, Any]:
        """Examples like the alliance with local identifier `alliance_id`."""
        i = self.t.by_id.get(inputs.local_id(alliance_id, "alliance"))
        if i is None:
            raise NotFound(
                f"no alliance {alliance_id!r}", message_fr=f"aucune alliance {alliance_id!r}"
            )
        t = self.t
        q = Query(
            t.text.row(i),
            t.sdgs[i],
            t.composition[i],
            t.resources[i],
            t.places[i],
            index=i,
            iri=t.iris[i],
            fictional=bool(t.fictional[i]) if len(t.fictional) else False,
        )
        return {"alliance": str(t.iris[i]), "results": self.rank(q, limit)}

    def for_idea(self, data: Mapping[str, Any], limit: int = 10) -> dict[str, Any]:
        """Examples like a project idea: {text, sdgs, types, territory, resources}."""
        q, echo = self.idea(data)
        return {"idea": echo, "results": self.rank(q, limit)}

    def idea(self, data: Mapping[str, Any]) -> tuple[Query, dict[str, Any]]:
        """Check an idea and turn it into a query (SDGs suggested from the text if none given)."""
        inputs.unknown_fields(dict(data), IDEA_FIELDS)
        text = inputs.text(data.get("text"), "text")
        sdgs = inputs.sdgs(data.get("sdgs"))
        suggested: list[str] = []
        if text and not sdgs.goals:
            found = sdg_suggest.suggest(text, SUGGESTED_SDGS)["targets"]
            suggested = [s["code"] for s in found]
            sdgs = Sdgs.from_codes(suggested)
        types = inputs.codes("actor-type", data.get("types"), "types")
        comp = np.zeros(N_TYPES)
        for code in types:
            comp[scheme_codes("actor-type").index(code)] = 1.0
        resources = _resources(data.get("resources"))
        place = inputs.place(data.get("territory")) or NOWHERE
        if not (text or sdgs.goals or types or place.level or resources.any()):
            raise BadRequest(
                "describe the idea: text, sdgs, types, territory or resources",
                message_fr="décrivez l'idée : text (texte), sdgs (ODD), types "
                "(types d'acteurs), territory (territoire) ou resources",
            )
        echo = {
            "text": text,
            "sdgs": sorted(sdgs.goals | sdgs.targets, key=target_sort_key),
            "sdgs_suggested": suggested,
            "types": types,
            "territory": str(place.iri) if place.iri else None,
        }
        return Query(
            self.t.text.vector(text), sdgs, comp, resources, place, sdgs_suggested=bool(suggested)
        ), echo

    # -- ranking ---------------------------------------------------------------------------
    def rank(self, q: Query, limit: int) -> list[dict[str, Any]]:
        """The `limit` best examples for `q`."""
        cands, text = self.candidates(q)
        fictional = self.fictional_of(cands)
        keep = cands != q.index if q.index is not None else np.ones(cands.size, dtype=bool)
        shown = fiction.allowed(fictional, q.fictional)
        if shown is not None:  # a real alliance: no fictional example
            keep &= shown
        cands, text, fictional = cands[keep], text[keep], fictional[keep]
        if cands.size == 0:
            return []
        values = self.factor_values(q, cands, text)
        weights = self.effective_weights(q)
        similarity = np.sum([weights[f] * values[f] for f in ANALOGUE_FACTORS], axis=0)
        same = self.same_place(q, cands)
        score = np.where(same, similarity * self.same_territory, similarity)
        keep = score > 0
        cands, score, same, similarity = cands[keep], score[keep], same[keep], similarity[keep]
        values = {f: v[keep] for f, v in values.items()}
        order = fiction.order(cands, score, fictional[keep], q.fictional)[:limit]
        null = self.null_similarities(weights)
        text_null = self.null_text() if weights["text"] > 0 else None
        return [
            self.result(
                q,
                int(cands[k]),
                float(score[k]),
                level(float(similarity[k]), null, float(values["text"][k]), text_null),
                {f: float(values[f][k]) for f in ANALOGUE_FACTORS},
                bool(same[k]),
            )
            for k in order
        ]

    def fictional_of(self, c: np.ndarray) -> np.ndarray:
        """The fictional flag of the alliance rows `c`."""
        f = self.t.fictional
        return f[c] if len(f) else np.zeros(len(c), dtype=bool)

    def null_similarities(self, weights: dict[str, float]) -> np.ndarray:
        """Similarities of the random pairs of `null_factors` under `weights`, sorted. Pairs whose
        first alliance lacks a factor the weights use are left out, unless fewer than MIN_NULL
        pairs would remain (that factor then counts 0 for them)."""
        if self.t.null is None:
            self.t.null = self.null_factors()
        v = self.t.null
        w = np.array([weights[f] for f in ANALOGUE_FACTORS])
        ok = ~np.isnan(v[:, w > 0]).any(axis=1)
        rows = v[ok] if ok.sum() >= MIN_NULL else v
        return np.sort(np.nan_to_num(rows) @ w)

    def null_text(self) -> np.ndarray:
        """Text similarities of the random pairs, sorted."""
        if self.t.null is None:
            self.t.null = self.null_factors()
        text = self.t.null[:, ANALOGUE_FACTORS.index("text")]
        return np.sort(text[~np.isnan(text)])

    def null_factors(self, seed: int = 11) -> np.ndarray:
        """Factor values (pairs × factors) of random pairs of alliances: NULL_QUERIES alliances
        each against NULL_CANDIDATES others, NaN where the first one lacks the factor."""
        t, rng = self.t, np.random.default_rng(seed)
        n = len(t)
        rows: list[np.ndarray] = []
        for i in rng.permutation(n)[:NULL_QUERIES]:
            others = np.delete(np.arange(n), i)
            c = np.sort(rng.choice(others, min(NULL_CANDIDATES, len(others)), replace=False))
            if c.size == 0:
                continue
            q = Query(
                t.text.row(int(i)),
                t.sdgs[i],
                t.composition[i],
                t.resources[i],
                t.places[i],
                index=int(i),
            )
            text = np.asarray((t.text.matrix[c] @ q.text.T).todense()).ravel()
            values = self.factor_values(q, c, text)
            known = q.known()
            rows.append(
                np.column_stack(
                    [values[f] if known[f] else np.full(c.size, np.nan) for f in ANALOGUE_FACTORS]
                )
            )
        return np.vstack(rows) if rows else np.zeros((0, len(ANALOGUE_FACTORS)))

    def effective_weights(self, q: Query) -> dict[str, float]:
        """The weights of the factors the query knows (`sdgs` × SUGGESTED_SDGS_WEIGHT when its
        SDGs were suggested from its text), scaled to sum to 1 (all factors when it knows none,
        which `idea` refuses)."""
        known = q.known()
        weights = dict(self.weights)
        if q.sdgs_suggested:
            weights["sdgs"] *= SUGGESTED_SDGS_WEIGHT
        total = sum(w for f, w in weights.items() if known[f])
        if total <= 0:
            total = sum(weights.values())
            return {f: w / total for f, w in weights.items()}
        return {f: (w / total if known[f] else 0.0) for f, w in weights.items()}

    def candidates(self, q: Query) -> tuple[np.ndarray, np.ndarray]:
        """Alliances sharing a word or an SDG goal (all, when the query has neither), and the
        text similarity of each."""
        t = self.t
        sims = np.asarray((t.text.matrix @ q.text.T).todense()).ravel()
        found = sims > 0
        for g in q.sdgs.goals:
            found[t.posting("goal", g)] = True
        if q.text.nnz == 0 and not q.sdgs.goals:
            found[:] = True
        cands = np.flatnonzero(found)
        return cands, sims[cands]

    def factor_values(self, q: Query, c: np.ndarray, text: np.ndarray) -> dict[str, np.ndarray]:
        """Each similarity in [0, 1] for the candidates `c`."""
        t = self.t
        qt, qg = q.sdgs.target_words(), np.uint32(q.sdgs.goal_mask)
        num = popcount(t.targets[c] & qt) + 0.5 * popcount(t.goals[c] & qg)
        den = popcount(t.targets[c] | qt) + 0.5 * popcount(t.goals[c] | qg)
        sdgs = np.divide(num, den, out=np.zeros(len(c)), where=den > 0)
        comp = t.composition[c]
        norms = np.linalg.norm(comp, axis=1) * np.linalg.norm(q.composition)
        composition = np.divide(comp @ q.composition, norms, out=np.zeros(len(c)), where=norms > 0)
        resources = np.minimum(t.resources[c], q.resources).sum(axis=1)
        scale = np.zeros(len(c))
        if q.scale >= 0:
            gap = np.abs(t.scale[c].astype(np.int16) - q.scale)
            known = t.scale[c] >= 0
            scale[known & (gap == 0)] = 1.0
            scale[known & (gap == 1)] = 0.5
        return {
            "text": np.clip(text, 0.0, 1.0),
            "sdgs": sdgs,
            "composition": composition,
            "resources": resources,
            "scale": scale,
        }

    def same_place(self, q: Query, c: np.ndarray) -> np.ndarray:
        """Whether each candidate is in the query's département (or région, if région-wide):
        `same_area`, vectorised."""
        t = self.t
        dep, reg = t.place_codes["departement"][c], t.place_codes["region"][c]
        same_reg = (reg == t.place_code(q.place.region)) & (reg >= 0)
        if q.place.departement is None:
            return same_reg
        return np.where(dep >= 0, dep == t.place_code(q.place.departement), same_reg)

    # -- explaining ------------------------------------------------------------------------
    def result(
        self,
        q: Query,
        j: int,
        score: float,
        lvl: dict[str, Any],
        values: dict[str, float],
        same: bool,
    ) -> dict[str, Any]:
        """One example with its level, what is alike and what differs (FR and EN)."""
        t = self.t
        alike, differs = self.compare(q, j, values, same)
        place = t.places[j]
        return {
            "id": t.ids[j],
            "iri": str(t.iris[j]),
            "label": t.labels[j],
            "score": round(score, 4),
            "similarity": lvl.pop("similarity"),
            "level": lvl,
            "factors": {f: round(v, 4) for f, v in values.items()},
            "territory": str(place.iri) if place.iri else None,
            "alike": [x.fr for x in alike],
            "differs": [x.fr for x in differs],
            "alike_en": [x.en for x in alike],
            "differs_en": [x.en for x in differs],
            "fictional": bool(self.fictional_of(np.array([j]))[0]),
        }

    def compare(
        self, q: Query, j: int, values: dict[str, float], same: bool
    ) -> tuple[list[Text], list[Text]]:
        """What example `j` has in common with the query, and how it differs."""
        t = self.t
        alike: list[Text] = []
        differs: list[Text] = []
        alike += sdg_alike(q.sdgs, t.sdgs[j])
        differs += sdg_differs(q.sdgs, t.sdgs[j])
        if values["text"] > 0:
            words = t.text.shared_terms(q.text, t.text.row(j), MAX_LISTED + 1)
            if words:
                alike.append(
                    Text(
                        f"Mots en commun : {', '.join(words)}",
                        f"Words in common: {', '.join(words)}",
                    )
                )
        a, d = self.composition_compare(q.composition, t.composition[j])
        alike, differs = alike + a, differs + d
        a, d = self.resources_compare(q.resources, t.resources[j])
        alike, differs = alike + a, differs + d
        a, d = territory_compare(q.place, t.places[j], same)
        return alike + a, differs + d

    def type_names(self, indices: list[int], lang: str) -> str:
        """'association + entreprise' from actor-type indices."""
        codes = scheme_codes("actor-type")
        names = [self.labels.code("actor-type", codes[i]) for i in indices]
        return " + ".join(lower_first(n.fr if lang == "fr" else n.en) for n in names)

    def composition_compare(
        self,
        mine: np.ndarray,
        theirs: np.ndarray,
    ) -> tuple[list[Text], list[Text]]:
        """Same mix of actor types, or the types only one side has."""
        a = set(np.flatnonzero(mine).tolist())
        b = set(np.flatnonzero(theirs).tolist())
        alike, differs = [], []
        if a and a == b:
            alike.append(
                Text(
                    f"Même composition : {self.type_names(sorted(a), 'fr')}",
                    f"Same mix of actors: {self.type_names(sorted(a), 'en')}",
                )
            )
        elif a & b:
            common = sorted(a & b)
            alike.append(
                Text(
                    f"Réunit aussi : {self.type_names(common, 'fr')}",
                    f"Also brings together: {self.type_names(common, 'en')}",
                )
            )
        if a and b - a:
            extra = sorted(b - a)
            differs.append(
                Text(
                    f"Compte aussi : {self.type_names(extra, 'fr')}",
                    f"Also includes: {self.type_names(extra, 'en')}",
                )
            )
        if a and b and a - b:
            missing = sorted(a - b)
            differs.append(
                Text(
                    f"Sans : {self.type_names(missing, 'fr')}",
                    f"Without: {self.type_names(missing, 'en')}",
                )
            )
        return alike, differs

    def resources_compare(
        self,
        mine: np.ndarray,
        theirs: np.ndarray,
    ) -> tuple[list[Text], list[Text]]:
        """Same main resource, or a different one."""
        if not mine.any() or not theirs.any():
            return [], []
        codes = scheme_codes("resource-type")
        m = self.labels.code("resource-type", codes[int(np.argmax(mine))])
        o = self.labels.code("resource-type", codes[int(np.argmax(theirs))])
        if m.iri == o.iri:
            return [
                Text(
                    f"Même modèle économique : surtout {lower_first(m.fr)}",
                    f"Same economic model: mainly {lower_first(m.en)}",
                )
            ], []
        return [], [
            Text(
                f"Financée surtout par {lower_first(o.fr)} plutôt que {lower_first(m.fr)}",
                f"Funded mainly by {lower_first(o.en)} rather than {lower_first(m.en)}",
            )
        ]


def percentile(value: float, null: np.ndarray) -> float:
    """Share (in %) of the sorted values `null` that are no greater than `value`."""
    below = np.searchsorted(null, value + 1e-9, side="right")
    return 100.0 * float(below) / len(null) if len(null) else 0.0


def level(
    similarity: float, null: np.ndarray, text: float = 0.0, text_null: np.ndarray | None = None
) -> dict[str, Any]:
    """The level of `similarity` against the sorted similarities `null` of random pairs:
    {"code", "label", "label_en", "percentile"} (share of random pairs no more alike, in %), with
    the rounded similarity under "similarity". When the query has a text (`text_null` given),
    « très proche » also needs more words in common than TEXT_PERCENTILE % of random pairs:
    sharing SDG targets and partners' types is not yet doing the same thing."""
    pct = percentile(similarity, null)
    code, fr, en, _ = LEVELS_TABLE[-1]
    if similarity > 0:
        for c, f, e, lowest in LEVELS_TABLE:
            words_ok = (
                c != "tres-proche"
                or text_null is None
                or (percentile(text, text_null) >= TEXT_PERCENTILE and text > 0)
            )
            if pct >= lowest and words_ok:
                code, fr, en = c, f, e
                break
    return {
        "code": code,
        "label": fr,
        "label_en": en,
        "percentile": round(float(pct), 1),
        "similarity": round(similarity, 4),
    }


def same_area(a: Place, b: Place) -> bool:
    """Same département, or same région when either is région-wide."""
    if a.departement is not None and b.departement is not None:
        return a.departement == b.departement
    return a.region is not None and a.region == b.region


def sdg_alike(mine: Sdgs, theirs: Sdgs) -> list[Text]:
    """« Même cible ODD 12.3 », « Même ODD 2 (Faim "zéro") »."""
    return shared_sdg_sentences(mine, theirs, SAME)


def sdg_differs(mine: Sdgs, theirs: Sdgs) -> list[Text]:
    """The goals only the example works on, and those of the query it does not address."""
    out = []
    extra = sorted(theirs.goals - mine.goals, key=int)[:MAX_LISTED]
    if extra and mine.goals:
        out.append(Text(f"Vise aussi {_odd_fr(extra)}", f"Also works on {_sdg_en(extra)}"))
    missing = sorted(mine.goals - theirs.goals, key=int)[:MAX_LISTED]
    if missing and theirs.goals:
        out.append(Text(f"Ne vise pas {_odd_fr(missing)}", f"Does not work on {_sdg_en(missing)}"))
    return out


def _odd_fr(goals: list[str]) -> str:
    return f"l'ODD {goals[0]}" if len(goals) == 1 else f"les ODD {join(goals, 'fr')}"


def _sdg_en(goals: list[str]) -> str:
    return f"SDG {goals[0]}" if len(goals) == 1 else f"SDGs {join(goals, 'en')}"


def territory_compare(mine: Place, theirs: Place, same: bool) -> tuple[list[Text], list[Text]]:
    """Same or other territory, and same or other scale."""
    alike, differs = [], []
    where = theirs.key(theirs.level) if theirs.level else None
    name = place_name(where)
    if where is not None and mine.level:
        if same:
            alike.append(Text(f"Même territoire ({name})", f"Same area ({name})"))
        else:
            differs.append(Text(f"Autre territoire : {name}", f"Another area: {name}"))
    if mine.level and theirs.level:
        if mine.level == theirs.level:
            alike.append(
                Text(
                    f"Même échelle : {LEVEL_FR[mine.level]}", f"Same scale: {LEVEL_EN[mine.level]}"
                )
            )
        else:
            differs.append(
                Text(
                    f"Échelle : {LEVEL_FR[theirs.level]} plutôt que {LEVEL_FR[mine.level]}",
                    f"Scale: {LEVEL_EN[theirs.level]} rather than {LEVEL_EN[mine.level]}",
                )
            )
    return alike, differs


def _resources(value: object) -> np.ndarray:
    """A resource mix from `code` or `code:percent` items."""
    shares: dict[URIRef, float | None] = {}
    for item in inputs.as_list(value, "resources"):
        code_part, _, pct = item.partition(":")
        code = inputs.code("resource-type", code_part, "resources")
        if code is None:
            continue
        try:
            shares[concept("resource-type", code)] = float(pct) if pct else None
        except ValueError as exc:
            raise BadRequest(
                f"resources: bad percentage in {item!r}",
                message_fr=f"resources : pourcentage invalide dans {item!r}",
            ) from exc
    vec = np.array(mix_vector(shares), dtype=np.float64)
    return vec if vec.size == N_RESOURCES else np.zeros(N_RESOURCES)
