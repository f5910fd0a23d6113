"""Alliances vocabulary: OWL ontology, SKOS schemes, SHACL shapes and namespace constants."""

from pathlib import Path

ONTOLOGY_DIR = Path(__file__).parent
ONTOLOGY_TTL = ONTOLOGY_DIR / "alliances.ttl"
SCHEMES_TTL = ONTOLOGY_DIR / "schemes.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
