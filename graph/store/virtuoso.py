"""Virtuoso Open Source as the store (`STORE = "virtuoso"`): the SPARQL-protocol store, plus
what Virtuoso adds to the protocol.

Virtuoso reads a `timeout` request parameter (milliseconds) and stops the query itself when it
runs out, answering what it found so far with `X-SQL-State: S1TAT` (an "anytime" answer, which
`graph.store.protocol` refuses as a timeout). With the generic `sparql` store the deadline only
closes the HTTP connection and Virtuoso goes on computing an answer nobody will read: measured
here on a three-way join that takes Virtuoso 6.8 s, the request with `timeout=500` came back
after 2.0 s and freed the server. Everything else is the generic store (docs/scaling.md).
"""

from __future__ import annotations

from .sparql import SparqlStore


class VirtuosoStore(SparqlStore):
    """A store on Virtuoso: public queries carry the deadline as Virtuoso's own `timeout`."""

    name = "virtuoso"

    def _timeout_params(self, timeout: float | None) -> dict[str, str]:
        """Virtuoso's `timeout` parameter, in milliseconds."""
        if timeout is None:
            return {}
        return {"timeout": str(max(1, round(timeout * 1000)))}
