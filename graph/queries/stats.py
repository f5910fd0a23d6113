"""Counts shown by `alliances stats` and the home page."""

from __future__ import annotations

from ontology.namespaces import ALL, IGEO, ORG, RDF, SDGO

from ..store import Store

_CLASSES = {
    "actors": ORG.FormalOrganization,
    "alliances": ALL.Alliance,
    "tools": ALL.Tool,
    "evaluations": ALL.Evaluation,
    "sdg_goals": SDGO.Goal,
    "sdg_targets": SDGO.Target,
}


def stats(store: Store) -> dict[str, int]:
    """`triples`, `actors`, `alliances`, `tools`, `evaluations`, `sdg_goals`, `sdg_targets`,
    `territories` (régions, départements, intercommunalities, communes and arrondissements)."""
    parts = " UNION ".join(
        f'{{ SELECT ("{key}" AS ?k) (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s {RDF.type.n3()} '
        f"{cls.n3()} }} }}"
        for key, cls in _CLASSES.items()
    )
    territory = (
        '{ SELECT ("territories" AS ?k) (COUNT(DISTINCT ?s) AS ?n) WHERE { '
        f"VALUES ?c {{ {IGEO.Region.n3()} {IGEO.Departement.n3()} "
        f"{IGEO.Intercommunalite.n3()} {IGEO.Commune.n3()} }} "
        f"?s {RDF.type.n3()} ?c }} }}"
    )
    rows = store.select(f"SELECT ?k ?n WHERE {{ {parts} UNION {territory} }}")
    counts = {str(r["k"]): int(r["n"]) for r in rows}  # type: ignore[call-overload]
    out = {"triples": store.count_triples()}
    out.update({k: counts.get(k, 0) for k in (*_CLASSES, "territories")})
    return out
