"""Network exports for Gephi and similar tools: GraphML, GEXF and CSV node and edge lists.

Two networks: the bipartite actor–alliance network (one edge per membership, with the role), and
its actor–actor projection (an edge between two actors per alliance they share, weighted by the
number of shared alliances). Built with networkx from one query, cached on disk per store version.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Callable
from pathlib import Path

import networkx as nx
from flask import Blueprint, Flask, Response, abort, send_file
from networkx.algorithms import bipartite

from graph.queries.network import membership_network

from .app_context import get_instance
from .rdfdoc import finish, not_modified

bp = Blueprint("network_export", __name__)

_lock = threading.Lock()


def bipartite_graph() -> nx.Graph:
    """The actor–alliance network of the current store."""
    return membership_network(get_instance().store)


def actor_graph(g: nx.Graph) -> nx.Graph:
    """Actor–actor projection: `weight` = number of alliances shared."""
    actors = [n for n, d in g.nodes(data=True) if d["kind"] == "actor"]
    p = bipartite.weighted_projected_graph(g, actors)
    for n in p.nodes:
        p.nodes[n].update(g.nodes[n])
    return p


def _csv_nodes(g: nx.Graph) -> bytes:
    keys = ["id", "label", "kind", "type", "territory", "status"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(keys)
    for n, d in sorted(g.nodes(data=True)):
        w.writerow([n] + [d.get(k, "") for k in keys[1:]])
    return buf.getvalue().encode()


def _csv_edges(g: nx.Graph, attrs: list[str]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["source", "target", *attrs])
    for u, v, d in sorted(g.edges(data=True)):
        w.writerow([u, v, *[d.get(a, "") for a in attrs]])
    return buf.getvalue().encode()


def _graphml(g: nx.Graph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    return buf.getvalue()


def _gexf(g: nx.Graph) -> bytes:
    buf = io.BytesIO()
    nx.write_gexf(g, buf, encoding="utf-8")
    return buf.getvalue()


EXPORTS: dict[str, tuple[str, Callable[[nx.Graph], bytes], bool]] = {
    "bipartite.graphml": ("application/graphml+xml", _graphml, False),
    "bipartite.gexf": ("application/gexf+xml", _gexf, False),
    "bipartite-nodes.csv": ("text/csv", _csv_nodes, False),
    "bipartite-edges.csv": ("text/csv", lambda g: _csv_edges(g, ["role"]), False),
    "actors.graphml": ("application/graphml+xml", _graphml, True),
    "actors.gexf": ("application/gexf+xml", _gexf, True),
    "actors-nodes.csv": ("text/csv", _csv_nodes, True),
    "actors-edges.csv": ("text/csv", lambda g: _csv_edges(g, ["weight"]), True),
}


def _path(name: str) -> Path:
    inst = get_instance()
    return inst.home / "cache" / "network" / f"v{inst.store.version}" / name


@bp.route("/export/network/<name>")
def export(name: str) -> Response:
    """One network export (cached per store version)."""
    if name not in EXPORTS:
        abort(404)
    tag = f"network/{name}"
    cached = not_modified(tag)
    if cached is not None:
        return cached
    mime, writer, projected = EXPORTS[name]
    path = _path(name)
    with _lock:
        if not path.exists():
            g = bipartite_graph()
            data = writer(actor_graph(g) if projected else g)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
    resp = send_file(path, mimetype=mime, download_name=name, etag=False, conditional=True)
    if mime == "text/csv":
        resp.headers["Content-Type"] = "text/csv; charset=utf-8"
    return finish(resp, tag, vary=False)


def init_app(app: Flask) -> None:
    """Register the export routes."""
    app.register_blueprint(bp)
