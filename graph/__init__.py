"""The graph layer: store, import and validation, queries, network analytics."""
