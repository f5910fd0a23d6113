"""French and English labels of the controlled lists, read from the graph once per version."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from ontology.namespaces import concept, scheme_codes

from ..iris import local_name
from ..queries.features import ConceptLabel, concept_labels
from ..store import Store

SCHEMES = ("competence", "actor-type", "resource-type", "maturity", "pillar", "tool-kind")


@dataclass
class Labels:
    """Labels of the concepts of the schemes the recommenders talk about."""

    concepts: dict[URIRef, ConceptLabel]

    @classmethod
    def build(cls, store: Store) -> Labels:
        """Read the labels of every scheme in SCHEMES."""
        out: dict[URIRef, ConceptLabel] = {}
        for scheme in SCHEMES:
            out.update(concept_labels(store, scheme))
        return cls(out)

    def of(self, iri: URIRef) -> ConceptLabel:
        """The labels of concept `iri` (its code when the graph has no label for it)."""
        found = self.concepts.get(iri)
        if found is not None:
            return found
        code = local_name(iri)
        return ConceptLabel(iri, code, code, code)

    def code(self, scheme: str, code: str) -> ConceptLabel:
        """The labels of `code` in `scheme`."""
        return self.of(concept(scheme, code))

    def scheme(self, scheme: str) -> list[ConceptLabel]:
        """Every concept of `scheme`, in canonical order."""
        return [self.code(scheme, code) for code in scheme_codes(scheme)]
