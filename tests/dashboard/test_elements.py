"""dashboard.elements and dashboard.styles: pure functions, no browser."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from dashboard.elements import (
    BROWSER_LAYOUTS,
    LAYOUTS,
    cytoscape_layout,
    layered_positions,
    radial_positions,
    to_elements,
)
from dashboard.styles import EDGE_STYLES, NODE_STYLES, highlight, legend_items, stylesheet
from kg.explore import NODE_TYPES, RELATIONS, View


@pytest.fixture
def G() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for n, t in [
        ("se", "role"),
        ("mle", "role"),
        ("py", "skill"),
        ("ml", "skill"),
        ("dl", "skill"),
        ("torch", "tool"),
    ]:
        G.add_node(n, type=t, label=n.upper(), **({"hours": 10.0} if t == "skill" else {}))
    G.add_edge("ml", "py", "prerequisite")
    G.add_edge("dl", "ml", "prerequisite")
    G.add_edge("mle", "dl", "requires", level=3, importance="essential")
    G.add_edge("se", "mle", "progresses", years=2)
    G.add_edge("torch", "dl", "supports")
    return G


def _view(G: nx.MultiDiGraph) -> View:
    return View(list(G.nodes), [(u, v, k) for u, v, k in G.edges(keys=True)])


def test_elements_carry_type_label_classes_and_positions(G: nx.MultiDiGraph) -> None:
    els = to_elements(
        G, _view(G), focus="dl", expanded=["dl"], path=["ml", "dl"], known=["py"], layout="layered"
    )
    nodes = {e["data"]["id"]: e for e in els if "source" not in e["data"]}
    edges = {e["data"]["id"]: e for e in els if "source" in e["data"]}
    assert len(nodes) == 6
    assert len(edges) == 5
    assert nodes["dl"]["classes"].split() == ["skill", "focus", "expanded", "path"]
    assert nodes["py"]["classes"].split() == ["skill", "known"]
    assert nodes["dl"]["data"]["hours"] == 10.0
    assert "hours" not in nodes["se"]["data"]
    assert all("position" in e for e in nodes.values())
    assert edges["dl|prerequisite|ml"]["classes"].split() == ["prerequisite", "path"]
    assert edges["mle|requires|dl"]["classes"] == "requires"
    assert edges["mle|requires|dl"]["data"]["label"] == "requires"


def test_browser_layouts_get_no_positions(G: nx.MultiDiGraph) -> None:
    for name in BROWSER_LAYOUTS:
        els = to_elements(G, _view(G), layout=name)
        assert not any("position" in e for e in els)
        assert cytoscape_layout(name)["name"] == name
    assert set(BROWSER_LAYOUTS) < set(LAYOUTS)


def test_auto_layout_is_layered_for_the_ladder_and_radial_around_a_focus(G: nx.MultiDiGraph) -> None:
    ladder = View(["se", "mle"], [("se", "mle", "progresses")])
    els = to_elements(G, ladder, layout="auto")
    ys = {e["data"]["id"]: e["position"]["y"] for e in els if "position" in e}
    assert ys["se"] < ys["mle"]
    els = to_elements(G, _view(G), focus="ml", layout="auto")
    pos = {e["data"]["id"]: e["position"] for e in els if "position" in e}
    assert (pos["ml"]["x"], pos["ml"]["y"]) == (0.0, 0.0)


def test_layered_puts_prerequisites_and_skills_before_roles(G: nx.MultiDiGraph) -> None:
    view = _view(G)
    pos = layered_positions([str(n) for n in view.nodes], view.edges)
    y = {n: p[1] for n, p in pos.items()}
    assert y["py"] < y["ml"] < y["dl"] < y["mle"]
    assert y["se"] < y["mle"]
    # nodes on one layer never overlap
    assert len(set(pos.values())) == len(pos)


def test_layered_survives_cycles_and_wraps_wide_layers() -> None:
    pos = layered_positions(["a", "b"], [("a", "b", "prerequisite"), ("b", "a", "prerequisite")])
    assert pos["a"][1] != pos["b"][1]
    wide = [f"n{i}" for i in range(25)]
    pos = layered_positions(wide, [])
    assert len({p[1] for p in pos.values()}) == 3
    assert len(set(pos.values())) == 25


def test_radial_rings_by_distance() -> None:
    pos = radial_positions(["c", "a", "b", "x"], [("c", "a", "requires"), ("a", "b", "prerequisite")], "c")
    r = {n: math.dist((0, 0), p) for n, p in pos.items()}
    assert r["c"] == 0 < r["a"] < r["b"] <= r["x"]


def test_stylesheet_covers_every_type_and_relation() -> None:
    sels = {rule["selector"] for rule in stylesheet()}
    assert {f"node.{t}" for t in NODE_TYPES} <= sels
    assert {f"edge.{r}" for r in RELATIONS} <= sels
    assert set(NODE_STYLES) == set(NODE_TYPES)
    assert set(EDGE_STYLES) == set(RELATIONS)
    shapes = [s["shape"] for s in NODE_STYLES.values()]
    colours = [s["color"] for s in NODE_STYLES.values()]
    assert len(set(shapes)) == len(shapes)
    assert len(set(colours)) == len(colours)


def test_highlight_escapes_ids_and_legend_follows_types() -> None:
    rule = highlight(['urn:a"b'])[0]
    assert rule["selector"] == 'node[id = "urn:a\\"b"]'
    assert [i["type"] for i in legend_items()] == list(NODE_TYPES)
    assert legend_items(["tool"])[0]["shape"] == NODE_STYLES["tool"]["shape"]


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_node_label_colour_has_readable_contrast_on_white() -> None:
    base = next(r for r in stylesheet() if r["selector"] == "node")["style"]
    ratio = (1.05) / (_luminance(base["color"]) + 0.05)
    assert ratio >= 7  # WCAG AAA for text


def test_radial_spreads_a_crowded_ring_over_several_so_labels_stay_readable() -> None:
    # Machine Learning Engineer has 86 neighbours: on one ring they were 1,316 units from
    # the centre, and fitting that to the canvas shrank every label to ~3 px
    from itertools import combinations, pairwise

    leaves = [f"n{i:02d}" for i in range(86)]
    pos = radial_positions(["c", *leaves], [("c", n, "requires") for n in leaves])
    radii = [math.dist(pos["c"], pos[n]) for n in leaves]
    assert max(radii) <= 700
    assert len({round(r) for r in radii}) > 1  # several rings
    # no two nodes closer than a label's height and a node: labels do not pile up
    assert min(math.dist(pos[a], pos[b]) for a, b in combinations(leaves, 2)) >= 85
    # the order (by type, roles first) still goes round the circle: neighbours in the
    # order stay neighbours in angle, so each type keeps its own sector
    angles = [math.atan2(pos[n][1], pos[n][0]) for n in leaves]
    turns = sum(1 for a, b in pairwise(angles) if b < a)
    assert turns <= 1
    # a small neighbourhood is one ring, as before
    few = leaves[:20]
    pos = radial_positions(["c", *few], [("c", n, "requires") for n in few])
    assert len({round(math.dist(pos["c"], pos[n])) for n in few}) == 1
