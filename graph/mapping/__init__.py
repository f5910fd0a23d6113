"""Foreign datasets through declarative mappings (DESIGN §9): W3C CSVW metadata + SPARQL rules.

One engine, mappings as data files in `data/mappings/`. See docs/architecture.md (why CSVW and not
RML) and docs/model.md (what each shipped mapping produces).

    mapping = load_mapping("data/mappings/france-services/france-services.csv-metadata.json")
    batch, sums = map_files(mapping, None, base)          # graph.mapping.engine
    report = import_mapped(mapping, None, store, base)    # graph.mapping.importing
"""

from .engine import map_files
from .metadata import Mapping, load_mapping

__all__ = ["Mapping", "load_mapping", "map_files"]
