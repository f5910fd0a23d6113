"""The ego-network of an actor, laid out server-side for an inline SVG (no JavaScript).

The actor sits in the centre, its alliances on an inner circle and the other members of those
alliances on an outer circle, each member next to the first alliance that links it. Labels
wrap on several lines instead of being cut. The lists of
the actor page (alliances, partners) are the text alternative.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from rdflib import URIRef

from graph.iris import local_name

from .pages_views import href

MAX_ALLIANCES = 8
MAX_MEMBERS = 18
R_INNER, R_OUTER, SIZE = 125.0, 240.0, 560.0
PAD = 170.0
#: Characters per label line, and the line height in drawing units (15 px font × 1.15).
LINE = 20
LINE_HEIGHT = 17.25


@dataclass
class Node:
    """A drawn node: position, kind (`ego`, `alliance`, `actor`), label and link."""

    x: float
    y: float
    kind: str
    label: str
    href: str

    @property
    def lines(self) -> list[str]:
        """The label wrapped on lines of about 20 characters (never cut)."""
        if self.kind == "ego":
            return [self.label]
        lines: list[str] = []
        for word in self.label.split():
            if lines and len(lines[-1]) + 1 + len(word) <= LINE:
                lines[-1] += " " + word
            else:
                lines.append(word)
        return lines or [self.label]

    @property
    def text_x(self) -> float:
        """Where the label starts (beside the node, away from the centre)."""
        shift = {"middle": 0, "start": 12, "end": -12}[self.anchor]
        return round(self.x + shift, 1)

    @property
    def text_y(self) -> float:
        """Baseline of the first line: below the centre node, above or below the top and
        bottom nodes, beside the others (several lines are centred on the node)."""
        n = len(self.lines)
        if self.kind == "ego":
            return round(self.y + 38, 1)
        if self.anchor == "middle":
            if self.y < SIZE / 2:
                return round(self.y - 13 - (n - 1) * LINE_HEIGHT, 1)
            return round(self.y + 24, 1)
        return round(self.y + 5 - (n - 1) * LINE_HEIGHT / 2, 1)

    @property
    def anchor(self) -> str:
        """Text anchor so that labels grow away from the centre."""
        if abs(self.x - SIZE / 2) < 30:
            return "middle"
        return "start" if self.x > SIZE / 2 else "end"


@dataclass
class Ego:
    """Nodes and edges of the drawing, and whether some were left out."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[tuple[float, float, float, float]] = field(default_factory=list)
    truncated: bool = False
    size: float = SIZE
    pad: float = PAD

    @property
    def view_box(self) -> str:
        """The SVG viewBox: full width with room for labels, height fitted to the nodes."""
        top = min(n.text_y - 15 for n in self.nodes)
        bottom = max(n.text_y + (len(n.lines) - 1) * LINE_HEIGHT + 10 for n in self.nodes)
        return f"{-self.pad:.0f} {top:.0f} {self.size + 2 * self.pad:.0f} {bottom - top:.0f}"


def _at(radius: float, angle: float) -> tuple[float, float]:
    return (
        round(SIZE / 2 + radius * math.cos(angle), 1),
        round(SIZE / 2 + radius * math.sin(angle), 1),
    )


def ego_network(
    net: object,
    actor: URIRef,
    label: str,
    base: str,
    labels: Callable[[], Mapping[str, str]] | None = None,
) -> Ego | None:
    """The layout of `actor`'s network in `net` (a `NetworkViews`), or None without alliances.

    Node names come from the network's `label` attributes, else from `labels()` (IRI → name,
    called only when a label is missing).
    """
    graph = net.bipartite  # type: ignore[attr-defined]
    if actor not in graph:
        return None

    def name(node: object) -> str:
        found = graph.nodes[node].get("label")
        if not found and labels is not None:
            found = labels().get(str(node))
        return str(found or local_name(node))

    alliances = sorted(graph.adj[actor], key=name)
    if not alliances:
        return None
    ego = Ego(truncated=len(alliances) > MAX_ALLIANCES)
    centre = Node(SIZE / 2, SIZE / 2, "ego", label, href(actor, base))
    alliances = alliances[:MAX_ALLIANCES]
    members: list[tuple[object, int]] = []
    seen = {actor}
    for i, a in enumerate(alliances):
        for m in sorted(graph.adj[a], key=name):
            if m not in seen:
                seen.add(m)
                members.append((m, i))
    if len(members) > MAX_MEMBERS:
        ego.truncated = True
        members = members[:MAX_MEMBERS]
    step = 2 * math.pi / len(alliances)
    a_pos = []
    for i, a in enumerate(alliances):
        x, y = _at(R_INNER, -math.pi / 2 + i * step)
        a_pos.append((x, y))
        ego.edges.append((centre.x, centre.y, x, y))
        ego.nodes.append(Node(x, y, "alliance", name(a), href(a, base)))
    # Members in alliance order around the outer circle, each group facing its alliance: with one
    # alliance, over the half-turn on its side; with several, evenly over the whole circle (which
    # keeps the labels apart).
    angles: list[float] = []
    if len(alliances) == 1:
        inner = math.pi / max(len(members), 1)
        angles = [-math.pi / 2 - math.pi / 2 + (j + 0.5) * inner for j in range(len(members))]
    elif members:
        m_step = 2 * math.pi / len(members)
        first = sum(1 for _, i in members if i == 0)
        start = -math.pi / 2 - (first - 1) / 2 * m_step
        angles = [start + j * m_step for j in range(len(members))]
    for (m, _i), angle in zip(members, angles, strict=True):
        x, y = _at(R_OUTER, angle)
        for k, a in enumerate(alliances):
            if graph.has_edge(m, a):
                ego.edges.append((a_pos[k][0], a_pos[k][1], x, y))
        ego.nodes.append(Node(x, y, "actor", name(m), href(m, base)))
    ego.nodes.append(centre)
    return ego
