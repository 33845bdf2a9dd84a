"""From graph views to Cytoscape elements, with positions computed on the server.

Pure functions: a :class:`kg.explore.View` (nodes and edges of the projection) becomes
a list of Cytoscape element dicts. Positions are computed here (``layered`` for
prerequisite chains and the career ladder, ``radial`` around the selected node) and
drawn with Cytoscape's ``preset`` layout, which is much faster in the browser than a
force-directed layout and keeps the picture stable between clicks.

Examples
--------
>>> import networkx as nx
>>> from kg.explore import View
>>> G = nx.MultiDiGraph()
>>> G.add_node("py", type="skill", label="Python"); G.add_node("ml", type="skill", label="ML")
>>> _ = G.add_edge("ml", "py", key="prerequisite")
>>> els = to_elements(G, View(["ml", "py"], [("ml", "py", "prerequisite")]), focus="ml", layout="layered")
>>> [e["data"]["id"] for e in els]
['ml', 'py', 'ml|prerequisite|py']
>>> els[0]["classes"], els[1]["position"]["y"] < els[0]["position"]["y"]
('skill focus', True)
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict, deque
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from dashboard.styles import RELATION_LABELS
from kg.explore import View

__all__ = [
    "BROWSER_LAYOUTS",
    "LAYOUTS",
    "cytoscape_layout",
    "drawing_key",
    "edge_id",
    "keyed_layout",
    "layered_positions",
    "radial_positions",
    "to_elements",
]

Element = dict[str, Any]
Positions = dict[str, tuple[float, float]]

LAYOUTS: dict[str, str] = {
    "auto": "Automatic",
    "radial": "Radial (around the selection)",
    "layered": "Layered (prerequisites, ladder)",
    "cose": "Force-directed (cose)",
    "concentric": "Concentric",
}
"""Layout choices offered to the user: value → label."""

BROWSER_LAYOUTS = frozenset({"cose", "concentric"})
"""Layouts computed by Cytoscape in the browser; the others are computed here."""

# relation -> True when the edge runs "earlier -> later" as stored (u before v)
_FORWARD: dict[str, bool] = {
    "requires": False,  # learn the skill, then hold the role
    "prerequisite": False,  # the prerequisite comes first
    "progresses": True,
    "teaches": True,
    "requires_prior": False,  # the skill comes before the credential
    "supports": True,
    "uses": False,
    "expects": False,
    "in_area": False,
    "broader": True,  # the narrower skill covers the broader one: what builds on it comes after
}

X_GAP = 150.0
Y_GAP = 115.0
MAX_ROW = 9


def edge_id(u: str, v: str, key: str) -> str:
    """The Cytoscape id of an edge.

    Examples
    --------
    >>> edge_id("a", "b", "requires")
    'a|requires|b'
    """
    return f"{u}|{key}|{v}"


def _order_graph(nodes: Sequence[str], edges: Iterable[tuple[str, str, str]]) -> nx.DiGraph:
    """A DAG over ``nodes`` with edges oriented "learn first -> later"; edges that would
    close a cycle are left out."""
    D = nx.DiGraph()
    D.add_nodes_from(nodes)
    for u, v, k in edges:
        a, b = (u, v) if _FORWARD.get(k, True) else (v, u)
        if a == b or D.has_edge(a, b):
            continue
        if nx.has_path(D, b, a):
            continue
        D.add_edge(a, b)
    return D


def layered_positions(nodes: Sequence[str], edges: Iterable[tuple[str, str, str]]) -> Positions:
    """Top-to-bottom layers: what to learn (or hold) first is on top.

    Each node sits one layer below the lowest of its predecessors (longest path);
    nodes within a layer are ordered by the mean position of their predecessors, and
    wide layers wrap onto several rows. Nodes linked to none of the others come last,
    under the layers, in rows as wide as :func:`loose_row` says.

    Examples
    --------
    >>> pos = layered_positions(["a", "b", "c"], [("b", "a", "prerequisite"), ("c", "b", "prerequisite")])
    >>> [pos[n][1] for n in "abc"]
    [0.0, 115.0, 230.0]
    >>> pos = layered_positions(["x", "a", "b"], [("b", "a", "prerequisite")])
    >>> pos["x"][1] > pos["b"][1] > pos["a"][1]  # x, linked to nothing, under the layers
    True
    """
    D = _order_graph(nodes, edges)
    index = {n: i for i, n in enumerate(nodes)}
    layer: dict[str, int] = {}
    for n in nx.topological_sort(D):
        preds = list(D.predecessors(n))
        layer[n] = 1 + max(layer[p] for p in preds) if preds else 0
    loose = [n for n in nodes if D.degree(n) == 0]
    rows: dict[int, list[str]] = defaultdict(list)
    for n in nodes:
        if D.degree(n) > 0:
            rows[layer[n]].append(n)
    pos: Positions = {}
    y = 0.0

    def place(members: Sequence[str], per_row: int) -> None:
        nonlocal y
        for start in range(0, len(members), per_row):
            chunk = members[start : start + per_row]
            width = (len(chunk) - 1) * X_GAP
            for i, n in enumerate(chunk):
                # alternate rows are shifted a little so long labels do not collide
                shift = (X_GAP / 2) if (start // per_row) % 2 else 0.0
                pos[n] = (i * X_GAP - width / 2 + shift, y)
            y += Y_GAP

    for depth in sorted(rows):
        members = rows[depth]

        def bary(n: str) -> tuple[float, int]:
            xs = [pos[p][0] for p in D.predecessors(n) if p in pos]
            return (sum(xs) / len(xs) if xs else 0.0, index[n])

        if depth > 0:
            members = sorted(members, key=bary)
        place(members, MAX_ROW)
    place(loose, loose_row(len(loose)))
    return pos


def loose_row(n: int) -> int:
    """How many of ``n`` nodes linked to nothing a row of the layered layout holds.

    :data:`MAX_ROW` for a few; for many, rows about twice as wide as the block is
    tall, as a canvas is wider than tall. In rows of nine, the 300 roles of ESCO with
    no career step that "Show more" adds twice made a block 4,000 px tall, on top of
    the career ladder: the canvas, at its least zoom, showed neither end of it, and the
    ladder's first role drew its links through the whole block.

    Examples
    --------
    >>> loose_row(25), loose_row(300), loose_row(3000)
    (9, 22, 68)
    """
    return max(MAX_ROW, math.ceil(math.sqrt(n * 2 * Y_GAP / X_GAP)))


def radial_positions(
    nodes: Sequence[str], edges: Iterable[tuple[str, str, str]], centre: str | None = None
) -> Positions:
    """Rings around ``centre`` (default: the first node) by hop distance; nodes not
    connected to it go on the outermost ring.

    Examples
    --------
    >>> pos = radial_positions(["a", "b", "c"], [("a", "b", "requires"), ("a", "c", "requires")])
    >>> pos["a"]
    (0.0, 0.0)
    >>> round(math.dist(pos["a"], pos["b"])) == round(math.dist(pos["a"], pos["c"])) > 0
    True
    """
    if not nodes:
        return {}
    centre = centre if centre in nodes else nodes[0]
    adj: dict[str, list[str]] = defaultdict(list)
    for u, v, _ in edges:
        adj[u].append(v)
        adj[v].append(u)
    dist = {centre: 0}
    queue = deque([centre])
    while queue:
        n = queue.popleft()
        for m in adj[n]:
            if m not in dist:
                dist[m] = dist[n] + 1
                queue.append(m)
    outer = max(dist.values()) + 1
    rings: dict[int, list[str]] = defaultdict(list)
    for n in nodes:
        rings[dist.get(n, outer)].append(n)
    pos: Positions = {centre: (0.0, 0.0)}
    angle: dict[str, float] = {centre: 0.0}
    radius = 0.0
    for r in sorted(rings):
        if r == 0:
            continue
        members = rings[r]

        def parent_angle(n: str, r: int = r) -> tuple[float, int]:
            parents = [angle[m] for m in adj[n] if m in angle and dist.get(m, outer) < r]
            return (sum(parents) / len(parents) if parents else math.pi, nodes.index(n))

        members = sorted(members, key=parent_angle)
        radii = _ring_radii(len(members), radius + RING_GAP)
        # as many places on each ring (the last ones may stay empty), so nodes are as
        # far apart where the circle closes as anywhere else
        places = -(-len(members) // len(radii)) * len(radii)
        for i, n in enumerate(members):
            a = 2 * math.pi * i / places - math.pi / 2
            at = radii[i % len(radii)]
            angle[n] = a
            pos[n] = (round(at * math.cos(a), 1), round(at * math.sin(a), 1))
        radius = radii[-1]
    return pos


RING_GAP = 190.0
"""Radial layout: from one ring (hop distance) to the next."""
ARC = 95.0
"""Radial layout: the least distance between neighbours on a ring."""
CROWDED_ARC = 110.0
"""Radial layout: the least distance between neighbours on a ring that a crowded hop shares."""
RING_STEP = 100.0
"""Radial layout: from one to the next of the rings that a crowded hop shares."""
MAX_SPREAD = 250.0
"""Radial layout: how much wider than the least radius one ring may grow before a hop
takes several rings."""


def _ring_radii(n: int, least: float) -> list[float]:
    """The radii of the rings for ``n`` nodes at one hop, from ``least`` out.

    One ring while it fits within :data:`MAX_SPREAD` of ``least``; otherwise ``k``
    rings :data:`RING_STEP` apart, the ``k`` that keeps the outermost smallest, node
    ``i`` on ring ``i % k`` (so the order still goes round the circle and each type
    keeps its sector). On one ring 86 nodes took a radius of 1,300: fitted to the
    canvas, every label shrank to ~3 px.

    Examples
    --------
    >>> _ring_radii(20, 190.0)
    [302.4]
    >>> [round(r) for r in _ring_radii(86, 190.0)]
    [385, 485, 585, 685]
    """
    single = max(least, n * ARC / (2 * math.pi))
    if single <= least + MAX_SPREAD:
        return [round(single, 1)]

    def rings(k: int) -> list[float]:
        first = max(least, -(-n // k) * CROWDED_ARC / (2 * math.pi))
        return [round(first + j * RING_STEP, 1) for j in range(k)]

    return min((rings(k) for k in range(2, 16)), key=lambda r: r[-1])


def _auto(view: View, focus: str | None) -> str:
    rels = {k for _, _, k in view.edges}
    if focus is None or (rels and rels <= {"prerequisite", "progresses"}):
        return "layered"
    return "radial"


def drawing_key(elements: Iterable[Element]) -> str:
    """A short digest of what a drawing shows: its elements' ids and node positions.

    Two drawings with the same key show the same elements in the same places; classes
    (highlights) do not count, so a new highlight does not move the viewport.

    Examples
    --------
    >>> a = [{"data": {"id": "py"}, "position": {"x": 0.0, "y": 10.0}}]
    >>> drawing_key(a) == drawing_key([{**a[0], "classes": "skill focus"}])
    True
    >>> drawing_key(a) == drawing_key([{"data": {"id": "py"}, "position": {"x": 5.0, "y": 10.0}}])
    False
    """
    h = hashlib.blake2b(digest_size=8)
    for el in elements:
        pos = el.get("position")
        where = f"@{pos['x']:.2f},{pos['y']:.2f}" if pos else ""
        h.update(f"{el['data'].get('id')}{where}\n".encode())
    return h.hexdigest()


def cytoscape_layout(layout: str, elements: Iterable[Element] | None = None) -> dict[str, Any]:
    """The Cytoscape ``layout`` prop for a layout choice, keyed to the ``elements`` it lays out.

    The canvas runs its layout when this prop changes, in the same update that draws the
    new elements (:func:`dashboard.components.canvas` turns Dash Cytoscape's own
    deferred re-layout off). So the prop carries the elements' :func:`drawing_key`: new
    elements, or nodes moved, make a new prop and the layout runs and fits them.

    Examples
    --------
    >>> cytoscape_layout("layered")["name"], cytoscape_layout("cose")["name"]
    ('preset', 'cose')
    >>> els = [{"data": {"id": "py"}, "position": {"x": 0.0, "y": 0.0}}]
    >>> cytoscape_layout("layered", els)["drawing"] == drawing_key(els)
    True
    """
    if layout == "cose":
        spec: dict[str, Any] = {
            "name": "cose",
            "animate": False,
            "randomize": False,
            "nodeRepulsion": 9000,
            "idealEdgeLength": 90,
            "padding": 30,
        }
    elif layout == "concentric":
        spec = {"name": "concentric", "animate": False, "minNodeSpacing": 40, "padding": 30}
    else:
        spec = {"name": "preset", "fit": True, "padding": 40, "animate": False}
    return spec if elements is None else keyed_layout(spec, elements)


def keyed_layout(layout: Mapping[str, Any], elements: Iterable[Element]) -> dict[str, Any]:
    """The Cytoscape ``layout`` prop ``layout``, keyed to the ``elements`` it lays out
    (their :func:`drawing_key`), so the canvas runs it when they change (see
    :func:`cytoscape_layout`). A callback that sends a canvas new elements sends this
    beside them.

    Examples
    --------
    >>> els = [{"data": {"id": "py"}, "position": {"x": 0.0, "y": 0.0}}]
    >>> keyed_layout({"name": "preset", "fit": True}, els) == {"name": "preset", "fit": True, "drawing": drawing_key(els)}
    True
    """
    return {**layout, "drawing": drawing_key(elements)}


def to_elements(
    G: nx.MultiDiGraph,
    view: View,
    *,
    focus: str | None = None,
    expanded: Collection[str] = (),
    path: Collection[str] = (),
    known: Collection[str] = (),
    layout: str = "auto",
) -> list[Element]:
    """Cytoscape elements for ``view``: nodes (with type, label, hours and highlight
    classes, and a position unless the layout runs in the browser), then edges.

    Parameters
    ----------
    G : nx.MultiDiGraph
        The projection (node attributes ``type``, ``label``, ``hours``).
    view : kg.explore.View
        Nodes and edges to draw.
    focus : str, optional
        The selected node (class ``focus``).
    expanded : collection of str
        Nodes whose neighbours are shown (class ``expanded``).
    path : collection of str
        Nodes on a learning path (class ``path``; edges between path nodes too).
    known : collection of str
        Skills the learner already has (class ``known``).
    layout : str
        One of :data:`LAYOUTS`.
    """
    if layout == "auto":
        layout = _auto(view, focus)
    ids = [str(n) for n in view.nodes]
    edges = [(str(u), str(v), k) for u, v, k in view.edges]
    pos: Positions = {}
    if layout == "layered":
        pos = layered_positions(ids, edges)
    elif layout == "radial":
        pos = radial_positions(ids, edges, focus)
    on_path = {str(p) for p in path}
    expanded_ids = {str(e) for e in expanded}
    known_ids = {str(k) for k in known}
    elements: list[Element] = []
    for n, nid in zip(view.nodes, ids, strict=True):
        attrs = G.nodes[n]
        kind = str(attrs.get("type", ""))
        classes = [kind]
        if nid == focus:
            classes.append("focus")
        if nid in expanded_ids:
            classes.append("expanded")
        if nid in on_path:
            classes.append("path")
        if nid in known_ids:
            classes.append("known")
        data: dict[str, Any] = {"id": nid, "label": str(attrs.get("label", n)), "type": kind}
        if attrs.get("hours") is not None:
            data["hours"] = attrs["hours"]
        el: Element = {"data": data, "classes": " ".join(classes)}
        if nid in pos:
            x, y = pos[nid]
            el["position"] = {"x": x, "y": y}
        elements.append(el)
    for u, v, k in edges:
        classes = [k]
        if on_path and u in on_path and v in on_path:
            classes.append("path")
        elements.append(
            {
                "data": {
                    "id": edge_id(u, v, k),
                    "source": u,
                    "target": v,
                    "relation": k,
                    "label": RELATION_LABELS.get(k, k),
                },
                "classes": " ".join(classes),
            }
        )
    return elements
