"""Plotly figures of the app (pure functions of plain data).

Each figure is a plain ``{"data": [...], "layout": {...}}`` dict, the form ``dcc.Graph``
draws as it is: building ``plotly.graph_objects`` validates every property in Python
and took most of a path-finder callback (~50 ms of ~70 ms); a dict is built and sent
in well under a millisecond. ``plotly.graph_objects.Figure(fig)`` validates one when
wanted (the tests do).

Examples
--------
>>> fig = hours_by_area_figure({"Mathematics": 300.0, "Cloud": 120.0})
>>> fig["data"][0]["type"], fig["data"][0]["y"]
('bar', ['Cloud', 'Mathematics'])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dashboard.styles import NODE_STYLES

__all__ = [
    "FONT",
    "central_skills_figure",
    "effort_figure",
    "figure_title",
    "hours_by_area_figure",
    "needed_by",
    "role_hours_figure",
]

Figure = dict[str, Any]

FONT = {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 12, "color": "#1d2433"}
"""The app's figure font."""
_AXIS = {"gridcolor": "#e8ebf0", "automargin": True}
_AREA_COLOURS = [
    "#0072B2",
    "#009E73",
    "#E69F00",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#7F7F7F",
    "#F0E442",
    "#332288",
    "#882255",
]
_OPTIONAL_COLOUR = "#A8DCCB"  # the skill colour, lighter: required, but not essential


def figure_title(text: str) -> dict[str, Any]:
    """The app's figure title: ``text`` at the left, in the title size.

    Examples
    --------
    >>> figure_title("Steps")["xanchor"]
    'left'
    """
    return {"text": text, "x": 0, "xanchor": "left", "font": {"size": 15}}


def _figure(data: list[dict[str, Any]], heading: str, height: int = 320, **layout: Any) -> Figure:
    """A figure with the app's common layout; ``layout`` adds or overrides keys (axes
    are merged with the common axis style)."""
    base: dict[str, Any] = {
        "title": figure_title(heading),
        "font": FONT,
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 42, "b": 10},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "bargap": 0.25,
        "xaxis": dict(_AXIS),
        "yaxis": dict(_AXIS),
    }
    for key, value in layout.items():
        if key.startswith(("xaxis", "yaxis")):
            base[key] = {**_AXIS, **base.get(key, {}), **value}
        else:
            base[key] = value
    return {"data": data, "layout": base}


def effort_figure(steps: Sequence[Mapping[str, Any]], areas: Mapping[str, str] | None = None) -> Figure:
    """Hours per step, coloured by skill area, with the cumulative hours as a line.

    Examples
    --------
    >>> steps = [{"position": 1, "iri": "a", "label": "A", "hours": 10}, {"position": 2, "iri": "b", "label": "B", "hours": 5}]
    >>> fig = effort_figure(steps, {"a": "Maths"})
    >>> [t["name"] for t in fig["data"]]
    ['Maths', 'Other', 'cumulative hours']
    >>> fig["data"][-1]["y"]
    [10.0, 15.0]
    """
    areas = areas or {}
    labels = [f"{s.get('position', i + 1)}. {s.get('label', s.get('iri'))}" for i, s in enumerate(steps)]
    hours = [float(s.get("hours") or 0) for s in steps]
    step_area = [areas.get(str(s.get("iri")), "Other") for s in steps]
    data: list[dict[str, Any]] = []
    for i, area in enumerate(dict.fromkeys(step_area)):
        idx = [j for j, a in enumerate(step_area) if a == area]
        data.append(
            {
                "type": "bar",
                "x": [labels[j] for j in idx],
                "y": [hours[j] for j in idx],
                "name": area,
                "marker": {"color": _AREA_COLOURS[i % len(_AREA_COLOURS)]},
                "hovertemplate": "%{x}<br>%{y:g} h<extra>" + area + "</extra>",
            }
        )
    cumulative: list[float] = []
    total = 0.0
    for h in hours:
        total += h
        cumulative.append(total)
    data.append(
        {
            "type": "scatter",
            "x": labels,
            "y": cumulative,
            "name": "cumulative hours",
            "mode": "lines+markers",
            "yaxis": "y2",
            "line": {"color": "#C62828", "width": 2},
        }
    )
    return _figure(
        data,
        "Effort per step (hours)",
        height=420 if len(labels) <= 12 else 560,
        # many steps: steeper labels, so neighbours do not overlap
        xaxis={
            "categoryorder": "array",
            "categoryarray": labels,
            "tickangle": -35 if len(labels) <= 12 else -65,
        },
        yaxis={"title": {"text": "hours"}},
        yaxis2={
            "title": {"text": "cumulative"},
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "rangemode": "tozero",
        },
        # the legend at the foot of the figure, below the step labels (placed against
        # the container, so the labels' automatic margin never runs into it)
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
        },
    )


def role_hours_figure(rows: Sequence[tuple[str, str, float]]) -> Figure:
    """Horizontal bars: the learning hours each role takes from scratch, fewest at the
    top; a click on a bar opens that role's path in the path finder (``customdata``).

    Parameters
    ----------
    rows : sequence of (iri, label, hours)
        As :func:`kg.explore.hours_to_roles` gives them, fewest first.

    Examples
    --------
    >>> fig = role_hours_figure([("a", "Data Analyst", 960.0), ("b", "AI Architect", 3430.0)])
    >>> fig["data"][0]["y"][0], fig["data"][0]["customdata"][0]
    ('AI Architect', '/path/-/AI%20Architect')
    """
    from dashboard.urls import path_url

    rows = list(reversed(rows))  # Plotly draws the first bar at the bottom
    bar = {
        "type": "bar",
        "x": [r[2] for r in rows],
        "y": [r[1] for r in rows],
        "customdata": [path_url(None, r[1]) for r in rows],
        "orientation": "h",
        "marker": {"color": NODE_STYLES["role"]["color"]},
        "texttemplate": "%{x:,.0f} h",
        "textposition": "auto",
        "hovertemplate": "%{y}: %{x:,.0f} h of learning from scratch (click for the path)<extra></extra>",
    }
    layout = {
        "xaxis": {"title": {"text": "learning hours: its skills and their prerequisites"}, "tickformat": ","}
    }
    return _figure(
        [bar],
        "Hours to each role from scratch",
        height=max(320, 24 * len(rows) + 90),
        **{**layout, **_clickable(layout)},
    )


def _clickable(layout: dict[str, Any]) -> dict[str, Any]:
    """Layout keys of a chart whose bars are clicked, not zoomed: no drag box, fixed axes."""
    return {
        "dragmode": False,
        "hovermode": "closest",
        "xaxis": {**layout.get("xaxis", {}), "fixedrange": True},
        "yaxis": {**layout.get("yaxis", {}), "fixedrange": True},
    }


def needed_by(essential: int, optional: int, total_roles: int | None = None) -> str:
    """How many roles need a skill, in words: as essential, as optional, of how many.

    Examples
    --------
    >>> needed_by(9, 2, 16), needed_by(4, 0, 16), needed_by(0, 3)
    ('essential for 9, optional for 2 of 16 roles', 'essential for 4 of 16 roles', 'optional for 3 roles')
    """
    parts = [f"essential for {essential:,}"] if essential or not optional else []
    if optional:
        parts.append(f"optional for {optional:,}")
    of = f" of {total_roles:,}" if total_roles else ""
    return f"{', '.join(parts)}{of} roles"


def central_skills_figure(
    rows: Sequence[tuple[str, str, int, int]], total_roles: int | None = None
) -> Figure:
    """Stacked horizontal bars: the skills the most roles need, most at the top; each bar
    is the roles that need the skill as essential, then those that require it as
    optional only.

    Each bar carries the explorer address of its skill (``customdata``), for a click
    to open it. Whole-number ticks while the counts are small; Plotly's own ticks past
    that (ESCO's skills are required by hundreds of roles).

    Parameters
    ----------
    rows : sequence of (iri, label, essential, optional)
        As :func:`kg.explore.central_skills` gives them, most first.
    total_roles : int, optional
        How many roles the graph has, for "9 of 16 roles" in the hover text and the axis.

    Examples
    --------
    >>> fig = central_skills_figure([("a", "Python", 5, 2), ("b", "SQL", 3, 0)], total_roles=16)
    >>> [(t["name"], t["x"]) for t in fig["data"]]
    [('essential', [3, 5]), ('optional', [0, 2])]
    >>> fig["data"][0]["y"][-1], fig["data"][0]["customdata"][-1]
    ('Python', '/node/Python')
    >>> fig["data"][0]["hovertext"]
    ['SQL: essential for 3 of 16 roles', 'Python: essential for 5, optional for 2 of 16 roles']
    """
    from dashboard.urls import node_url

    rows = list(reversed(rows))
    most = max((r[2] + r[3] for r in rows), default=0)
    out_of = f" (of {total_roles:,})" if total_roles else ""
    hover = [f"{r[1]}: {needed_by(r[2], r[3], total_roles)}" for r in rows]
    labels = [r[1] for r in rows]
    addresses = [node_url(r[1]) for r in rows]
    bars = [
        {
            "type": "bar",
            "name": name,
            "x": [r[i] for r in rows],
            "y": labels,
            "customdata": addresses,
            "hovertext": hover,
            "orientation": "h",
            "marker": {"color": colour},
            "hovertemplate": "%{hovertext}<extra></extra>",
        }
        for name, i, colour in (
            ("essential", 2, NODE_STYLES["skill"]["color"]),
            ("optional", 3, _OPTIONAL_COLOUR),
        )
    ]
    xaxis: dict[str, Any] = {
        "title": {"text": f"roles that require it{out_of}: essential, then optional"},
        "rangemode": "tozero",
    }
    if most <= 20:
        xaxis["dtick"] = 1
    layout = {"xaxis": xaxis}
    return _figure(
        bars,
        "Skills the most roles need as essential",
        height=max(320, 26 * len(rows) + 100),
        barmode="stack",
        showlegend=True,
        # at the foot, as in the effort figure: essential first, as the bars stack
        legend={
            "orientation": "h",
            "traceorder": "normal",
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
        },
        **{**layout, **_clickable(layout)},
    )


def hours_by_area_figure(hours: Mapping[str, float], top: int = 20) -> Figure:
    """Total learning hours per skill area, largest at the top: the ``top`` largest
    areas, so a taxonomy of hundreds of areas (ESCO) stays one screen high; the title
    says how many there are and a note under the bars what the rest add up to (as a
    bar it dwarfed all the others).

    ``hours`` is :func:`kg.explore.hours_by_area`, largest first; ``"Other"`` holds
    the skills in no area. Each area's bar carries its explorer address
    (``customdata``; empty for "Other").

    Examples
    --------
    >>> fig = hours_by_area_figure({"Maths": 60.0, "Other": 5.0})
    >>> fig["data"][0]["y"], fig["data"][0]["customdata"]
    (['Other', 'Maths'], ['', '/node/Maths'])
    >>> fig = hours_by_area_figure({"A": 9.0, "B": 5.0, "C": 1.0}, top=1)
    >>> fig["data"][0]["y"], fig["layout"]["title"]["text"]
    (['A'], 'Learning hours by skill area: the largest 1 of 3')
    >>> fig["layout"]["annotations"][0]["text"]
    'The other 2 areas: 6 h in all.'
    """
    from dashboard.urls import node_url

    items = list(hours.items())
    shown = items[:top]
    names = [n for n, _ in shown]
    bar = {
        "type": "bar",
        "x": [v for _, v in reversed(shown)],
        "y": list(reversed(names)),
        "customdata": ["" if n == "Other" else node_url(n) for n in reversed(names)],
        "orientation": "h",
        "marker": {"color": NODE_STYLES["skill"]["color"]},
        "hovertemplate": "%{y}: %{x:,.0f} h to learn all its skills<extra></extra>",
    }
    layout: dict[str, Any] = {"xaxis": {"title": {"text": "learning hours (all the area's skills)"}}}
    heading = "Learning hours by skill area"
    rest = items[top:]
    extra: dict[str, Any] = {}
    if rest:
        heading += f": the largest {len(shown):,} of {len(items):,}"
        total = sum(v for _, v in rest)
        extra = {
            "annotations": [
                {
                    "text": f"The other {len(rest):,} areas: {total:,.0f} h in all.",
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0,
                    "xanchor": "left",
                    "y": 1,
                    "yanchor": "bottom",
                    "yshift": 2,
                    "showarrow": False,
                    "font": {"size": 12, "color": "#5b6577"},
                }
            ],
        }
    return _figure(
        [bar],
        heading,
        height=max(320, 24 * len(names) + 80) + (20 if rest else 0),
        **{**layout, **_clickable(layout), **extra},
        **({"margin": {"l": 10, "r": 10, "t": 62, "b": 10}} if rest else {}),
    )
