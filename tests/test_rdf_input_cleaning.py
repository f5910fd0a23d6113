"""RDF inputs: characters XML 1.0 cannot carry are removed as from CSV, with a warning."""

from __future__ import annotations

import io
import xml.dom.minidom
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from graph.importer import import_paths
from graph.store import OxigraphStore
from ontology.namespaces import SKOS

TURTLE_RAW = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<{base}actor/rdf-a> skos:prefLabel "Jardins\x0bpartag\x00és"@fr .
"""
TURTLE_ESCAPED = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<{base}actor/rdf-a> skos:prefLabel "Jardins\\u000Bpartagés"@fr .
"""
JSONLD_RAW = """{{"@id": "{base}actor/rdf-a",
 "http://www.w3.org/2004/02/skos/core#prefLabel": {{"@value": "Jardins\x0bpartagés",
 "@language": "fr"}}}}"""
RDFXML_RAW = """<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:skos="http://www.w3.org/2004/02/skos/core#">
  <rdf:Description rdf:about="{base}actor/rdf-a">
    <skos:prefLabel xml:lang="fr">Jardins\x0bpartagés</skos:prefLabel>
  </rdf:Description>
</rdf:RDF>
"""


@pytest.mark.parametrize(
    ("name", "template", "line"),
    [
        ("a.ttl", TURTLE_RAW, 2),
        ("a.ttl", TURTLE_ESCAPED, None),
        ("a.jsonld", JSONLD_RAW, 2),
        ("a.rdf", RDFXML_RAW, 5),
    ],
)
def test_control_characters_removed_from_rdf(
    store: OxigraphStore, base: str, tmp_path: Path, name: str, template: str, line: int | None
) -> None:
    path = tmp_path / name
    path.write_text(template.format(base=base), encoding="utf-8")
    report = import_paths([path], store, base, source="rdf")
    label = store.select(
        "SELECT ?l WHERE { ?a ?p ?l }", a=URIRef(base + "actor/rdf-a"), p=SKOS.prefLabel
    )
    assert [r["l"] for r in label] == [Literal("Jardins partagés", lang="fr")]
    [warning] = report.warnings
    assert (warning.file, warning.line) == (name, line)
    assert "U+000B" in warning.reason and "U+000B" in warning.reason_fr
    out = io.BytesIO()
    store.dump(out, "rdfxml", [g.iri for g in store.graphs() if g.source == "rdf"])
    xml.dom.minidom.parseString(out.getvalue())
