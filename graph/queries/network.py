"""The actor–alliance membership network, read in one query and returned as a networkx graph."""

from __future__ import annotations

import networkx as nx

from ontology.namespaces import ALL, ORG, SCHEMA, SKOS

from ..store import Store

MEMBERSHIPS = f"""
SELECT ?alliance ?title ?status ?actor ?name ?type ?territory ?role WHERE {{
  ?m {ORG.member.n3()} ?actor ; {ORG.organization.n3()} ?alliance ; {ORG.role.n3()} ?r .
  ?alliance a {ALL.Alliance.n3()} .
  OPTIONAL {{ ?alliance {SKOS.prefLabel.n3()} ?title }}
  OPTIONAL {{ ?alliance {ALL.status.n3()}/{SKOS.notation.n3()} ?status }}
  OPTIONAL {{ ?actor {SKOS.prefLabel.n3()} ?name }}
  OPTIONAL {{ ?actor {ORG.classification.n3()}/{SKOS.notation.n3()} ?type }}
  OPTIONAL {{ ?actor {SCHEMA.areaServed.n3()} ?territory }}
  OPTIONAL {{ ?r {SKOS.notation.n3()} ?role }}
}}
"""


def membership_network(store: Store) -> nx.Graph:
    """Bipartite graph: nodes are actor and alliance IRIs (attribute `kind`), edges memberships."""
    g = nx.Graph()
    for r in store.select(MEMBERSHIPS):
        actor, alliance = str(r["actor"]), str(r["alliance"])
        g.add_node(
            alliance,
            label=str(r.get("title", "")),
            kind="alliance",
            status=str(r.get("status", "")),
        )
        if actor not in g:
            g.add_node(
                actor,
                label=str(r.get("name", "")),
                kind="actor",
                type=str(r.get("type", "")),
                territory=str(r.get("territory", "")),
            )
        g.add_edge(actor, alliance, role=str(r.get("role", "")))
    return g
