"""SPARQL lives here: each public query is a function with bound parameters returning plain data."""
