"""Cytoscape stylesheets: colour and shape per node type, a line style per relation,
and the highlight rules (selected node, learning path, dimmed context).

Pure data; unit tests call these without a browser. Colours follow the Okabe–Ito
palette (distinguishable with the common colour-vision deficiencies) and every
type also has its own shape, so colour is never the only cue.

Examples
--------
>>> sheet = stylesheet()
>>> any(rule["selector"] == "node.role" for rule in sheet)
True
>>> NODE_STYLES["skill"]["shape"]
'ellipse'
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "EDGE_STYLES",
    "HIGHLIGHT",
    "NODE_STYLES",
    "RELATION_LABELS",
    "TYPE_LABELS",
    "highlight",
    "legend_items",
    "stylesheet",
]

Rule = dict[str, Any]

NODE_STYLES: dict[str, dict[str, str]] = {
    "role": {"color": "#0072B2", "shape": "round-rectangle"},
    "skill": {"color": "#009E73", "shape": "ellipse"},
    "tool": {"color": "#E69F00", "shape": "diamond"},
    "degree": {"color": "#CC79A7", "shape": "hexagon"},
    "certification": {"color": "#D55E00", "shape": "star"},
    "course": {"color": "#56B4E9", "shape": "rhomboid"},
    "area": {"color": "#7F7F7F", "shape": "barrel"},
}
"""Fill colour and Cytoscape shape of each node type."""

TYPE_LABELS: dict[str, str] = {
    "role": "Role",
    "skill": "Skill",
    "tool": "Tool",
    "degree": "Degree",
    "certification": "Certification",
    "course": "Course",
    "area": "Skill area",
}

EDGE_STYLES: dict[str, dict[str, Any]] = {
    "requires": {"color": "#4A6FA5", "style": "solid", "width": 1.6},
    "prerequisite": {"color": "#1B7F5F", "style": "dashed", "width": 1.6},
    "progresses": {"color": "#0072B2", "style": "solid", "width": 3.2},
    "teaches": {"color": "#A8558A", "style": "dotted", "width": 1.6},
    "requires_prior": {"color": "#7A6A9E", "style": "dashed", "width": 1.2},
    "supports": {"color": "#B07D00", "style": "solid", "width": 1.2},
    "uses": {"color": "#B07D00", "style": "dashed", "width": 1.2},
    "expects": {"color": "#A8558A", "style": "dashed", "width": 1.2},
    "in_area": {"color": "#9A9A9A", "style": "dotted", "width": 1.0},
    "broader": {"color": "#3A8FC7", "style": "dotted", "width": 2.0},
}
"""Line colour, style and width of each relation."""

RELATION_LABELS: dict[str, str] = {
    "requires": "requires",
    "prerequisite": "has prerequisite",
    "progresses": "progresses to",
    "teaches": "teaches",
    "requires_prior": "expects prior skill",
    "supports": "supports",
    "uses": "uses tool",
    "expects": "expects credential",
    "in_area": "in skill area",
    "broader": "part of broader skill",
}

HIGHLIGHT = "#C62828"
FOCUS = "#111111"


def stylesheet() -> list[Rule]:
    """The base stylesheet: one rule per node type and per relation, plus the classes
    ``focus`` (selected node), ``expanded``, ``path`` (on a learning path), ``covered``
    (a broader skill a step of the path covers), ``known`` (already known skill) and
    ``dim`` (context).

    Examples
    --------
    >>> sels = [r["selector"] for r in stylesheet()]
    >>> "edge.prerequisite" in sels and "node.focus" in sels and "node.path" in sels
    True
    """
    rules: list[Rule] = [
        {
            "selector": "node",
            "style": {
                "label": "data(label)",
                "font-size": 11,
                "font-family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
                "color": "#1d2433",
                "text-valign": "bottom",
                "text-halign": "center",
                "text-margin-y": 4,
                "text-wrap": "wrap",
                "text-max-width": 110,
                "text-background-color": "#ffffff",
                "text-background-opacity": 0.85,
                "text-background-padding": 1,
                "width": 26,
                "height": 26,
                "border-width": 1,
                "border-color": "#ffffff",
            },
        },
    ]
    for kind, st in NODE_STYLES.items():
        rules.append(
            {"selector": f"node.{kind}", "style": {"background-color": st["color"], "shape": st["shape"]}}
        )
    rules.append({"selector": "node.role", "style": {"width": 40, "height": 26, "font-weight": "bold"}})
    rules.append(
        {
            "selector": "edge",
            "style": {
                "curve-style": "bezier",
                "target-arrow-shape": "triangle",
                "arrow-scale": 0.9,
                "opacity": 0.85,
            },
        }
    )
    for rel, st in EDGE_STYLES.items():
        rules.append(
            {
                "selector": f"edge.{rel}",
                "style": {
                    "line-color": st["color"],
                    "target-arrow-color": st["color"],
                    "line-style": st["style"],
                    "width": st["width"],
                },
            }
        )
    rules += [
        {
            "selector": "node.expanded",
            "style": {"border-width": 3, "border-color": "#5b6577", "border-style": "double"},
        },
        {
            "selector": "node.known",
            "style": {"opacity": 0.55, "border-style": "dashed", "border-color": "#333"},
        },
        {
            "selector": "node.path",
            "style": {"border-width": 4, "border-color": HIGHLIGHT, "font-weight": "bold"},
        },
        {  # a broader skill a step covers: part of the plan, no step of its own
            "selector": "node.covered",
            "style": {"border-style": "dashed"},
        },
        {
            "selector": "edge.path",
            "style": {"line-color": HIGHLIGHT, "target-arrow-color": HIGHLIGHT, "width": 3.5, "opacity": 1},
        },
        {"selector": "node.dim", "style": {"opacity": 0.3}},
        {"selector": "edge.dim", "style": {"opacity": 0.15}},
        {
            "selector": "node.focus",
            "style": {
                "border-width": 5,
                "border-color": FOCUS,
                "border-style": "solid",
                "width": 36,
                "height": 36,
                "font-size": 13,
                "font-weight": "bold",
                "z-index": 10,
            },
        },
        {"selector": "node.role.focus", "style": {"width": 52, "height": 34}},
        {"selector": "node:selected", "style": {"overlay-color": FOCUS, "overlay-opacity": 0.12}},
    ]
    return rules


def highlight(nodes: list[str], *, color: str = HIGHLIGHT) -> list[Rule]:
    """Extra rules that outline the given node ids (attribute selectors, so any IRI works).

    Examples
    --------
    >>> highlight(["urn:a"])[0]["selector"]
    'node[id = "urn:a"]'
    """
    return [
        {"selector": f'node[id = "{_escape(n)}"]', "style": {"border-width": 4, "border-color": color}}
        for n in nodes
    ]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def legend_items(types: list[str] | None = None) -> list[dict[str, str]]:
    """``{"type", "label", "color", "shape"}`` for each node type, for the legend.

    Examples
    --------
    >>> [i["label"] for i in legend_items(["role", "skill"])]
    ['Role', 'Skill']
    """
    wanted = types if types is not None else list(NODE_STYLES)
    return [{"type": t, "label": TYPE_LABELS[t], **NODE_STYLES[t]} for t in wanted if t in NODE_STYLES]
