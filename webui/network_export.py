"""Network exports for Gephi and similar tools: GraphML, GEXF and CSV node and edge lists.

Two networks: the bipartite actor–alliance network (one edge per membership, with the role), and
its actor–actor projection (an edge between two actors per alliance they share, weighted by the
number of shared alliances). Built with networkx from one query, cached on disk per store version.
`/export/network/{bipartite|actors}` (no extension) negotiates GraphML, GEXF or the CSV edge
list and answers 303 to the file. Text in GraphML and GEXF goes through `xml_safe`, so both are
well-formed XML whatever the store holds; CSV cells that a spreadsheet would run as a formula
are neutralised (`webui.security.csv_cell`).
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Callable
from pathlib import Path

import networkx as nx
from flask import Blueprint, Flask, Response, abort, redirect, request, send_file, url_for
from networkx.algorithms import bipartite
from rdflib import URIRef

from graph.queries.network import membership_network
from graph.queries.sources import defining_sources
from graph.xml_text import xml_safe

from .app_context import get_instance
from .conneg import MediaType, negotiate
from .rdfdoc import finish, not_modified
from .security import csv_cell

bp = Blueprint("network_export", __name__)

_lock = threading.Lock()


def bipartite_graph() -> nx.Graph:
    """The actor–alliance network of the current store; each node says its `source` and
    whether it is `fictional` (the demo data, `webui.sources`)."""
    store = get_instance().store
    g = membership_network(store)
    found = defining_sources(store, [URIRef(n) for n in g.nodes])
    for n, d in g.nodes(data=True):
        info = found.get(URIRef(n))
        d["source"] = info.source if info is not None else ""
        d["fictional"] = bool(info is not None and info.fictional)
    return g


def actor_graph(g: nx.Graph) -> nx.Graph:
    """Actor–actor projection: `weight` = number of alliances shared."""
    actors = [n for n, d in g.nodes(data=True) if d["kind"] == "actor"]
    p = bipartite.weighted_projected_graph(g, actors)
    for n in p.nodes:
        p.nodes[n].update(g.nodes[n])
    return p


def _csv_nodes(g: nx.Graph) -> bytes:
    keys = ["id", "label", "kind", "type", "territory", "status", "source", "fictional"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(keys)
    for n, d in sorted(g.nodes(data=True)):
        w.writerow([csv_cell(x) for x in [n] + [d.get(k, "") for k in keys[1:]]])
    return buf.getvalue().encode()


def _csv_edges(g: nx.Graph, attrs: list[str]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["source", "target", *attrs])
    for u, v, d in sorted(g.edges(data=True)):
        w.writerow([csv_cell(x) for x in [u, v, *[d.get(a, "") for a in attrs]]])
    return buf.getvalue().encode()


def xml_ready(g: nx.Graph) -> nx.Graph:
    """A copy of `g` whose text (node ids, attribute values) XML 1.0 can carry, line breaks as
    LF (XML parsers turn a raw CR into LF anyway)."""

    def clean(value: object) -> object:
        if not isinstance(value, str):
            return value
        return xml_safe(value).replace("\r\n", "\n").replace("\r", "\n")

    def attrs(d: dict[str, object]) -> dict[str, object]:
        return {k: clean(v) for k, v in d.items()}

    out = g.__class__()
    out.graph.update(attrs(g.graph))
    out.add_nodes_from((clean(n), attrs(d)) for n, d in g.nodes(data=True))
    out.add_edges_from((clean(u), clean(v), attrs(d)) for u, v, d in g.edges(data=True))
    return out


def _graphml(g: nx.Graph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(xml_ready(g), buf, encoding="utf-8")
    return buf.getvalue()


def _gexf(g: nx.Graph) -> bytes:
    buf = io.BytesIO()
    nx.write_gexf(xml_ready(g), buf, encoding="utf-8")
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


#: The negotiable representations of a network (`/export/network/{network}`), default first.
NETWORK_TYPES = (
    MediaType(
        "graphml",
        "application/graphml+xml",
        ("graphml",),
        ("application/xml", "text/xml"),
        "graphml",
    ),
    MediaType("gexf", "application/gexf+xml", ("gexf",), ("application/xml", "text/xml"), "gexf"),
    MediaType("csv", "text/csv", ("csv",), (), "csv"),
)


#: Bumped whenever the writers change, so files cached by an older release are not served.
WRITER_VERSION = 3  # 3: nodes say their source and whether they are fictional


def _path(name: str) -> Path:
    inst = get_instance()
    folder = f"v{inst.store.version}-w{WRITER_VERSION}"
    return inst.home / "cache" / "network" / folder / name


@bp.route("/export/network/<name>")
def export(name: str) -> Response:
    """One network export (cached per store version); `bipartite` or `actors` alone negotiates
    its format and answers 303 to the file."""
    if name in ("bipartite", "actors"):
        media = negotiate(NETWORK_TYPES, request.args.get("format"))
        target = f"{name}-edges.csv" if media.key == "csv" else f"{name}.{media.extension}"
        return finish(redirect(url_for("network_export.export", name=target), code=303))
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
    return finish(resp, tag)


def init_app(app: Flask) -> None:
    """Register the export routes."""
    app.register_blueprint(bp)
