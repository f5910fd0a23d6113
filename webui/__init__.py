"""The web application: pages, JSON API, SPARQL endpoint, linked data, exports, CLI."""
