"""Overview page: counts by class, the hours to each role, the skills the most roles need
as essential, hours by area."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import dcc, html

from dashboard.components import swatch
from dashboard.figures import (
    Figure,
    central_skills_figure,
    hours_by_area_figure,
    needed_by,
    role_hours_figure,
    wrap_words,
)
from dashboard.styles import TYPE_LABELS
from kg.explore import central_skills, class_counts, graph_of, hours_by_area, hours_to_roles
from kg.store import Store

__all__ = ["NAME_LINE", "SKILL_LINE", "overview", "wrapped_names"]

NAME_LINE = 36
"""The longest line of a bar's name on the overview's charts; a longer name wraps
between words. The names take what they need of the chart's width and the bars what
they leave: on a phone (a 340 px chart) ESCO's area names ("software and applications
development and analysis", 51 characters) ran off the chart's left edge, cut to "and
applications development and analysis". The curated names (36 characters at most:
"Data Governance, Security and Ethics") stay on one line."""

SKILL_LINE = 30
"""The longest line of a skill's name on the chart of the skills the most roles need:
its axis counts ESCO's roles in hundreds ("0 100 200 300"), which stood on end in the
plot that names of 35 characters left on a phone ("adhere to organisational guidelines")."""

_LINE_HEIGHT = 14  # what a line of a name adds to each row, in pixels (12 px type)


def overview(store: Store, k: int = 12) -> dict[str, Any]:
    """Counts, the ``k`` skills the most roles need (:func:`kg.explore.central_skills`) and
    the three figures (cached per store version)."""

    def build(s: Store) -> dict[str, Any]:
        G = graph_of(s)
        counts = class_counts(G)
        central = central_skills(G, k)
        return {
            "counts": counts,
            "edges": G.number_of_edges(),
            "triples": len(s),
            "central": central,
            "figures": [
                wrapped_names(
                    role_hours_figure(goal_rows(G, hours_to_roles(G)), counts.get("role", 0), _which_roles(G))
                ),
                wrapped_names(central_skills_figure(central, total_roles=counts.get("role", 0)), SKILL_LINE),
                wrapped_names(hours_by_area_figure(hours_by_area(G))),
            ],
        }

    return store.derived(f"dashboard-overview-{k}", build)


def wrapped_names(fig: Figure, line: int = NAME_LINE) -> Figure:
    """A chart of horizontal bars whose names (its categories, on the y axis) are written
    in lines of at most ``line`` characters, broken between words; each line a name adds
    gives every row the room (Plotly spaces its rows evenly: two names of two lines
    side by side ran into each other), so the chart grows by a line a row. The bars,
    their hover texts and the chart's table keep the names whole. Its value axis writes
    at most about four numbers: in a phone's narrow plot more stood on end ("0 5k 10k
    15k", upright).

    Examples
    --------
    >>> fig = {"data": [{"y": ["software and applications development and analysis", "law"]}],
    ...        "layout": {"height": 500, "xaxis": {}, "yaxis": {"automargin": True}}}
    >>> out = wrapped_names(fig)
    >>> out["layout"]["yaxis"]["ticktext"], out["layout"]["height"]
    (['software and applications<br>development and analysis', 'law'], 528)
    >>> out["data"][0]["y"] == fig["data"][0]["y"], out["layout"]["xaxis"]["nticks"]
    (True, 4)
    >>> wrapped_names({"data": [{"y": ["law"]}], "layout": {"height": 320}})["layout"]["yaxis"]
    {}
    """
    names = [str(n) for n in fig["data"][0].get("y") or []] if fig["data"] else []
    wrapped = ["<br>".join(wrap_words(n, line)) for n in names]
    layout = dict(fig["layout"])
    layout["xaxis"] = {"nticks": 4, **layout.get("xaxis", {})}
    layout["yaxis"] = dict(layout.get("yaxis", {}))
    if wrapped != names:
        layout["yaxis"] |= {"tickmode": "array", "tickvals": names, "ticktext": wrapped}
        more = max(w.count("<br>") for w in wrapped)  # lines a row takes beyond one
        layout["height"] = int(layout["height"]) + _LINE_HEIGHT * more * len(names)
    return {**fig, "layout": layout}


def goal_rows(G: Any, rows: Sequence[tuple[str, str, float]]) -> list[tuple[str, str, float]]:
    """The rows of :func:`kg.explore.hours_to_roles` whose role is a goal: on a career
    ladder, a role some career step leads to. A role the ladder only starts from (the
    curated Student: five steps lead from it, none to it) is where a learner begins, not
    a role to reach, and its hours "from scratch" are no goal's; it stays a role the path
    finder plans from and to. Without a ladder (an imported taxonomy alone) every row.

    Examples
    --------
    >>> from kg.synthetic import tiny_graph
    >>> G = tiny_graph()
    >>> sorted({u for u, _, k in G.edges(keys=True) if k == "progresses"}
    ...        - {v for _, v, k in G.edges(keys=True) if k == "progresses"})
    ['role:analyst']
    >>> rows = [("role:analyst", "Analyst", 70.0), ("role:data-scientist", "Data Scientist", 160.0)]
    >>> goal_rows(G, rows)
    [('role:data-scientist', 'Data Scientist', 160.0)]
    """
    reached = {str(v) for _, v, k in G.edges(keys=True) if k == "progresses"}
    if not reached:
        return list(rows)
    return [r for r in rows if str(r[0]) in reached]


def _which_roles(G: Any) -> str:
    """Which roles the hours chart shows (:func:`goal_rows` of
    :func:`kg.explore.hours_to_roles`), to end "The roles ...".

    Examples
    --------
    >>> from kg.synthetic import tiny_graph
    >>> _which_roles(tiny_graph())
    'a career step leads to'
    """
    ladder = any(k == "progresses" for _, _, k in G.edges(keys=True))
    return "a career step leads to" if ladder else "first in name order"


def kind_count(kind: str, n: int) -> str:
    """What a card says under its count: the kind, plural unless one, as the other
    pages' tiles say theirs ("3 courses").

    Examples
    --------
    >>> kind_count("role", 16), kind_count("area", 17), kind_count("course", 1)
    ('roles', 'skill areas', 'course')
    """
    label = TYPE_LABELS[kind].lower()
    return label if n == 1 else label + "s"


def cards(data: dict[str, Any]) -> Any:
    """One card per class with its count."""
    items = [
        html.Div(
            [
                swatch(kind, 16),
                html.Span(f"{n:,}", className="kpi-n"),
                html.Span(kind_count(kind, n), className="kpi-l"),
            ],
            className="kpi",
        )
        for kind, n in data["counts"].items()
    ]
    items.append(
        html.Div(
            [html.Span(f"{data['triples']:,}", className="kpi-n"), html.Span("triples", className="kpi-l")],
            className="kpi",
        )
    )
    return html.Div(items, className="kpis", id="overview-counts")


def central_list(data: dict[str, Any]) -> Any:
    """The skills the most roles need as links to the explorer, each with the roles that
    need it as essential and those that require it as optional."""
    from dashboard.urls import node_url

    roles = data["counts"].get("role", 0)
    return html.Ol(
        [
            html.Li(
                [
                    dcc.Link(label, href=node_url(label)),
                    html.Span(" " + needed_by(essential, optional, roles), className="note"),
                ]
            )
            for _, label, essential, optional in data["central"]
        ],
        className="central",
    )
