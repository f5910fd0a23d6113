"""The duplicates of a published graph, for `alliances duplicates`: the records merged into an
actor (`owl:sameAs`) and the pairs of actors that may be the same organisation.

The pairs are computed on the published actors of every non-fictional source with the rules of
`graph.mapping.duplicates` (`compare`): a pair scored below 1 was never merged (same SIREN but
another establishment, a SIRET of a SIREN-only actor under another name, close names in the same
place); a pair scored 1 that is still two actors (sources imported before the other existed, or
CSV imports, which are not merged) is listed too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..queries.duplicates import same_as_links
from ..store import Store
from .duplicates import Pair, candidate_pairs, compare
from .importing import published_keys


@dataclass
class Review:
    """Merged records and uncertain pairs."""

    merged: list[dict[str, str]] = field(default_factory=list)
    uncertain: list[Pair] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """JSON shape: {merged: [{canonical, canonical_label, record, source}], uncertain:
        [{first, second, reason, reason_fr, score}]}."""
        return {"merged": self.merged, "uncertain": [p.to_dict() for p in self.uncertain]}


def review(store: Store) -> Review:
    """Merged records and uncertain pairs of the published graph (most likely first)."""
    keys = published_keys(store, "")
    labels = {k.iri: k.label for k in keys}
    graphs = {g.iri: g.source for g in store.graphs()}
    out = Review()
    for canonical, record, graph in sorted(same_as_links(store)):
        out.merged.append(
            {
                "canonical": str(canonical),
                "canonical_label": labels.get(canonical, ""),
                "record": str(record),
                "source": graphs.get(graph, ""),
            }
        )
    pairs = [p for a, b in candidate_pairs(keys) if (p := compare(a, b)) is not None]
    out.uncertain = sorted(pairs, key=lambda p: (-p.score, p.first.label, p.second.label))
    return out
