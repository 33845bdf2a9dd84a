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

import math
from collections.abc import Mapping, Sequence
from typing import Any

from dashboard.styles import NODE_STYLES
from kg.pathtext import hours_text

__all__ = [
    "AREAS_SHOWN",
    "BAR_LINE",
    "DARK_TEXT",
    "FONT",
    "FOOT_LEGEND",
    "NO_AREA",
    "SUBTITLE_CHARS",
    "bar_text_colours",
    "central_skills_figure",
    "effort_figure",
    "figure_table",
    "figure_title",
    "hours_by_area_figure",
    "needed_by",
    "role_hours_figure",
    "shorten",
    "whole_step",
    "wrap_words",
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

BAR_LINE = {"color": "#5b6577", "width": 1}
"""The outline of bars in light colours (the yellow, orange and sky-blue areas, the pale
"optional" green: 1.3 to 2.3:1 on the white plot): 5.9:1, so a bar stands out for
people who see poorly."""

DARK_TEXT = "#1d2433"

FOOT_LEGEND = {
    "orientation": "h",
    "x": 0,
    "xanchor": "left",
    "yref": "container",
    "y": 0,
    "yanchor": "bottom",
}
"""A legend across the foot of the figure: placed against the container, Plotly keeps room
for it under the axis labels however many rows it takes (over the plot it wrapped onto
the bars on a phone)."""
"""Text on light bars and beside them (the page's ink)."""


def _luminance(colour: str) -> float:
    h = colour.lstrip("#")
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def bar_text_colours(fills: Sequence[str]) -> list[str]:
    """The colour of the text inside each bar: white, or the page's ink where white
    would read at under 4.5:1 (Plotly's own choice put white on the skill green, 3.4:1).

    Examples
    --------
    >>> bar_text_colours(["#0072B2", "#009E73", "#F0E442"])
    ['#ffffff', '#1d2433', '#1d2433']
    """
    return ["#ffffff" if _contrast("#ffffff", f) >= 4.5 else DARK_TEXT for f in fills]


def figure_title(text: str) -> dict[str, Any]:
    """The app's figure title: ``text`` at the left, in the title size.

    Examples
    --------
    >>> figure_title("Steps")["xanchor"]
    'left'
    """
    return {"text": text, "x": 0, "xanchor": "left", "font": {"size": 15}}


SUBTITLE_CHARS = 50
"""The longest line of a chart's subtitle: 50 characters at 12 px fit a phone's chart
(340 px wide in a 390 px window), where the plot itself is narrower still."""

_LINE = 16  # pixels a line of subtitle takes


def _figure(
    data: list[dict[str, Any]],
    heading: str,
    height: int = 320,
    subtitle: Sequence[str] = (),
    **layout: Any,
) -> Figure:
    """A figure with the app's common layout; ``layout`` adds or overrides keys (axes
    are merged with the common axis style). ``subtitle`` are lines under the title,
    each at most :data:`SUBTITLE_CHARS` long: they begin at the figure's left edge as
    the title does, where a note placed against the plot (an annotation) began at the
    plot's, past the role names, and ran out of a phone's chart."""
    title = figure_title(heading)
    if subtitle:  # the title at the top, its lines under it, then the plot
        title |= {"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 12}}
        title["subtitle"] = {"text": "<br>".join(subtitle), "font": {"size": 12, "color": "#5b6577"}}
    base: dict[str, Any] = {
        "title": title,
        "font": FONT,
        "height": height + _LINE * len(subtitle),
        "margin": {"l": 10, "r": 10, "t": 42 + _LINE * len(subtitle) + (8 if subtitle else 0), "b": 10},
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


TICK_CHARS = 40
"""The longest step label the effort chart writes under its bar; longer ones end in "…"
after their last whole word (the hover text names the step in full, wrapped). Cut at
the 40th character, ESCO's names lost a word in the middle ("13. develop professional
network with r…"). Two lines a label crossed the neighbours' labels: Plotly spaces
slanted labels for one line."""

HOVER_LINE = 36
"""The longest line of the effort chart's hover text: a step's full name and its area
wrap at word boundaries (on one line, an ESCO name of 80 letters made a box 690 px wide,
off both sides of a phone)."""

LEGEND_LINE = 36
"""The longest line of an area's name in the effort chart's legend, wrapped between
words: a phone's chart (340 px) holds some 45 characters beside the swatch, and
'conducting studies, investigations and examinations' ran out of it."""

TICKS_SHOWN = 40
"""The most step labels the effort chart writes at its usual width (a path through ESCO
has 70 steps and more: every second one is labelled, every third beyond 80...); its
height leaves room for this many. Plotly picks which, as the chart's width allows:
fewer on a phone."""

_PLOT_HEIGHT = 260  # the effort chart's bars, in pixels, whatever its labels and legend take
_LEGEND_WIDTH = 300  # the width a phone's chart (340 px) gives its legend's entries


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in "…" when cut.

    Examples
    --------
    >>> shorten("20. regularisation and overfitting prevention", 30), shorten("1. SQL", 30)
    ('20. regularisation and overfi…', '1. SQL')
    """
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap_words(text: str, width: int, lines: int | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken between words (a word
    longer than a line is cut); with ``lines``, at most that many, the last ending in "…"
    after its last whole word when the text goes on.

    Examples
    --------
    >>> wrap_words("2. apply research ethics and scientific integrity principles", 24)
    ['2. apply research ethics', 'and scientific integrity', 'principles']
    >>> wrap_words("2. apply research ethics and scientific integrity principles", 24, 2)
    ['2. apply research ethics', 'and scientific…']
    >>> wrap_words("1. SQL", 24, 2), wrap_words("", 24), wrap_words("interoperability", 10, 1)
    (['1. SQL'], [''], ['interoper…'])
    """
    import textwrap

    wrapped = textwrap.wrap(text, width, break_on_hyphens=False) or [text]
    if lines is None or len(wrapped) <= lines:
        return wrapped
    kept, last = wrapped[: lines - 1], wrapped[lines - 1]
    while len(last) + 1 > width and " " in last:
        last = last.rsplit(" ", 1)[0]
    return [*kept, (last[: width - 1] if len(last) + 1 > width else last) + "…"]


def _effort_height(ticks: Sequence[str], angle: float, legend: Sequence[str]) -> int:
    """The effort chart's height: room for :data:`_PLOT_HEIGHT` of bars under the title,
    above the slanted step labels and the legend at its foot, whose entries ``legend``
    are laid out in rows as a phone's chart fits them (ESCO's area names are long: one
    a row). Plotly takes the labels and legend out of the height: a fixed height
    left the bars of a 76-step ESCO path no room at all.

    Examples
    --------
    >>> _effort_height(["1. SQL"], 35, legend=["Maths", "cumulative hours"])
    420
    >>> _effort_height(["x" * 40] * 40, 65, legend=["x" * 63] * 11)
    789
    >>> _effort_height(["x" * 40] * 40, 65, legend=["x" * 36 + "<br>" + "x" * 27] * 11)
    954
    """
    longest = max((len(t) for t in ticks), default=0)
    labels = longest * 6.5 * math.sin(math.radians(angle))  # 6.5 px a character at 12 px
    lines = [name.split("<br>") for name in legend]  # a long name wraps (LEGEND_LINE)
    entry = max((len(line) for name in lines for line in name), default=0) * 6.5 + 40  # the swatch and gaps
    # as many entries a row as a phone's chart holds: a desktop's holds more, and its
    # bars take the room left (counted two a row, a phone's were left 159 px of ESCO's)
    across = max(1, int(_LEGEND_WIDTH // entry))
    rows = math.ceil(len(legend) / across)
    more = math.ceil(sum(len(name) - 1 for name in lines) / across)  # the lines a wrapped name adds
    return max(420, round(42 + _PLOT_HEIGHT + labels + rows * 21 + more * 15 + 20))


AREAS_SHOWN = len(_AREA_COLOURS) - 1
"""The most skill areas the effort chart colours apart; the others share one grey bar
colour, "other areas" (a path through ESCO crosses 20 and more, and more colours than
this cannot be told apart). A bar's own area is in its hover text and the chart's table."""

_OTHER_COLOUR = "#BBBBBB"

OTHER = "Other"
"""What :func:`kg.explore.hours_by_area` calls the skills in no skill area."""

NO_AREA = "no skill area"
"""What the charts call the skills in no skill area. kg's "Other" read as "the other
areas": on ESCO the hours chart's top bar was "Other" (15,000 h) under a subtitle that
said "the other 408 take 493,285 h in all", and a long path's legend had both "Other"
and "other areas"."""


def effort_figure(steps: Sequence[Mapping[str, Any]], areas: Mapping[str, str] | None = None) -> Figure:
    """Hours per step, coloured by skill area, with the cumulative hours as a line.

    The :data:`AREAS_SHOWN` areas with the most hours keep a colour of their own, in
    the order the path reaches them; the rest are one "other areas" trace.

    Examples
    --------
    >>> steps = [{"position": 1, "iri": "a", "label": "A", "hours": 10}, {"position": 2, "iri": "b", "label": "B", "hours": 5}]
    >>> fig = effort_figure(steps, {"a": "Maths"})
    >>> [t["name"] for t in fig["data"]]
    ['Maths', 'no skill area', 'cumulative hours']
    >>> fig["data"][-1]["y"]
    [10.0, 15.0]
    >>> many = [{"iri": str(i), "label": str(i), "hours": 100 - i} for i in range(12)]
    >>> [t["name"] for t in effort_figure(many, {str(i): f"area {i}" for i in range(12)})["data"]][-3:]
    ['area 8', 'other areas', 'cumulative hours']

    Plotly labels as many steps as the width holds, a long name cut short after a whole
    word, and whole in the hover text, wrapped:

    >>> fig = effort_figure([{"iri": "a", "label": "regularisation and overfitting prevention", "hours": 20}])
    >>> x = fig["layout"]["xaxis"]
    >>> x["tickmode"], x["labelalias"]
    ('auto', {'1. regularisation and overfitting prevention': '1. regularisation and overfitting…'})
    >>> fig["data"][0]["customdata"][0]
    ['1. regularisation and overfitting<br>prevention', '20']
    """
    areas = areas or {}
    labels = [f"{s.get('position', i + 1)}. {s.get('label', s.get('iri'))}" for i, s in enumerate(steps)]
    hover = ["<br>".join(wrap_words(label, HOVER_LINE)) for label in labels]
    hours = [float(s.get("hours") or 0) for s in steps]
    step_area = [areas.get(str(s.get("iri")), NO_AREA) for s in steps]
    reached = list(dict.fromkeys(step_area))
    if len(reached) > AREAS_SHOWN:
        hours_of = {a: sum(h for h, b in zip(hours, step_area, strict=True) if b == a) for a in reached}
        # skills in no area are among the other areas
        ranked = sorted((a for a in reached if a != NO_AREA), key=lambda a: -hours_of[a])
        kept = set(ranked[:AREAS_SHOWN])
        groups = [a for a in reached if a in kept] + ["other areas"]
    else:
        kept, groups = set(reached), reached
    data: list[dict[str, Any]] = []
    for i, group in enumerate(groups):
        idx = [j for j, a in enumerate(step_area) if (a if a in kept else "other areas") == group]
        bars: dict[str, Any] = {
            "type": "bar",
            "x": [labels[j] for j in idx],
            "y": [hours[j] for j in idx],
            # long area names (ESCO's) wrap between words: on a phone they ran out of the chart
            "name": "<br>".join(wrap_words(group, LEGEND_LINE)),
            "marker": {"color": _AREA_COLOURS[i] if group in kept else _OTHER_COLOUR, "line": BAR_LINE},
            # the hover text names the step in full, wrapped, with its hours as the steps
            # and the downloads write them (%{y:g} read 30.0000 h): kg.pathtext.hours_text
            "customdata": [[hover[j], hours_text(hours[j])] for j in idx],
            "hovertemplate": "%{customdata[0]}<br>%{customdata[1]} h<br>%{hovertext}<extra></extra>",
            # the area in the box, wrapped, not beside it (it ran off a phone's side)
            "hovertext": ["<br>".join(wrap_words(step_area[j], HOVER_LINE)) for j in idx],
        }
        data.append(bars)
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
            "customdata": [[h, hours_text(c)] for h, c in zip(hover, cumulative, strict=True)],
            "hovertemplate": "%{customdata[0]}<br>%{customdata[1]} h in all<extra>cumulative hours</extra>",
            "yaxis": "y2",
            "line": {"color": "#C62828", "width": 2},
        }
    )
    # many steps: steeper labels, so neighbours do not overlap; long ones cut short
    # after a whole word (whole in the hover text and the table). Plotly labels as many
    # steps as the chart's width holds (every second, third... step): a list of tick
    # values wrote all 35 steps of a path into a phone's 220 px, one over the other
    angle = 35 if len(labels) <= 12 else 65
    every = math.ceil(len(labels) / TICKS_SHOWN) or 1
    alias = {label: wrap_words(label, TICK_CHARS, 1)[0] for label in labels if len(label) > TICK_CHARS}
    ticks = [alias.get(label, label) for label in labels[::every]]
    return _figure(
        data,
        "Effort per step (hours)",
        height=_effort_height(ticks, angle, legend=[str(t["name"]) for t in data]),
        xaxis={
            "categoryorder": "array",
            "categoryarray": labels,
            "tickangle": -angle,
            "tickmode": "auto",
            "labelalias": alias,
        },
        yaxis={"title": {"text": "hours"}},
        yaxis2={
            "title": {"text": "cumulative"},
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "rangemode": "tozero",
            # ticks of its own, in round hours: synced to the hours axis's grid (Plotly's
            # default for an overlaying axis) they read 49.5, 99, 148.5... or 765, 1529
            "tickmode": "auto",
            "tickformat": ",",
        },
        legend=FOOT_LEGEND,  # below the step labels
    )


def role_hours_figure(
    rows: Sequence[tuple[str, str, float]], total_roles: int | None = None, chosen: str = ""
) -> Figure:
    """Horizontal bars: the learning hours each role takes from scratch, fewest at the
    top; a click on a bar opens that role's path in the path finder (``customdata``).

    What the hours are is said under the title, and the value axis is short ("learning
    hours"): an axis title is centred under the plot, which on a phone is a narrow strip
    at the right of the chart, and the long one ran out of it.

    Parameters
    ----------
    rows : sequence of (iri, label, hours)
        As :func:`kg.explore.hours_to_roles` gives them, fewest first.
    total_roles : int, optional
        The roles in the graph: when there are more than ``rows``, the subtitle says how
        many are shown, which (``chosen``) and that the path finder plans for any role
        (ESCO's 3,000 occupations are not charted).
    chosen : str
        Which roles ``rows`` are, to end "The 15 of 16 roles ..." ("a career step leads to").

    Examples
    --------
    >>> fig = role_hours_figure([("a", "Data Analyst", 960.0), ("b", "AI Architect", 3430.0)])
    >>> fig["data"][0]["y"][0], fig["data"][0]["customdata"][0]
    ('AI Architect', '/path/-/AI%20Architect')
    >>> fig["layout"]["title"]["subtitle"]["text"]
    "Learning each role's skills and prerequisites."
    >>> fig = role_hours_figure([("a", "Data Analyst", 960.0)], 3021, "a career step leads to")
    >>> fig["layout"]["title"]["text"], fig["layout"]["title"]["subtitle"]["text"].split("<br>")
    ... # doctest: +NORMALIZE_WHITESPACE
    ('Hours to each role from scratch',
     ["Learning each role's skills and prerequisites.", 'The 1 of 3,021 roles a career step leads to;',
      'the path finder plans for any role.'])
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
        "insidetextfont": {"color": bar_text_colours([NODE_STYLES["role"]["color"]])[0]},
        "outsidetextfont": {"color": DARK_TEXT},
        "hovertemplate": "%{y}: %{x:,.0f} h to learn its skills and their prerequisites from scratch"
        " (click for the path)<extra></extra>",
    }
    # at most about four numbers on the axis: in a phone's 100 px of plot, five
    # ("1,000" to "4,000") stood on end; each bar writes its own hours anyway
    layout = {"xaxis": {"title": {"text": "learning hours"}, "tickformat": ",", "nticks": 4}}
    lines = ["Learning each role's skills and prerequisites."]
    if total_roles and total_roles > len(rows):
        lines += [
            f"The {len(rows):,} of {total_roles:,} roles {chosen or 'shown'};",
            "the path finder plans for any role.",
        ]
    return _figure(
        [bar],
        "Hours to each role from scratch",
        height=max(320, 24 * len(rows) + 90),
        subtitle=lines,
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


def whole_step(most: float, ticks: int = 5) -> int:
    """The step of whole-number ticks from 0 to ``most``: 1, 2, 5, 10, 20, 50... the
    smallest giving at most ``ticks`` steps (one tick a role put 17 ticks over each
    other in a phone's chart).

    Examples
    --------
    >>> whole_step(4), whole_step(9), whole_step(17), whole_step(60)
    (1, 2, 5, 20)
    """
    power = 1
    while True:
        for base in (1, 2, 5):
            if most / (base * power) <= ticks:
                return base * power
        power *= 10


def central_skills_figure(
    rows: Sequence[tuple[str, str, int, int]], total_roles: int | None = None
) -> Figure:
    """Stacked horizontal bars: the skills the most roles need, most at the top; each bar
    is the roles that need the skill as essential, then those that require it as
    optional only.

    Each bar carries the explorer address of its skill (``customdata``), for a click
    to open it. Whole-number ticks (:func:`whole_step`) while the counts are small;
    Plotly's own ticks past that (ESCO's skills are required by hundreds of roles).

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
            "marker": {"color": colour, "line": BAR_LINE},
            "hovertemplate": "%{hovertext}<extra></extra>",
        }
        for name, i, colour in (
            ("essential", 2, NODE_STYLES["skill"]["color"]),
            ("optional", 3, _OPTIONAL_COLOUR),
        )
    ]
    xaxis: dict[str, Any] = {
        # short: an axis title is centred under the plot, a narrow strip on a phone, and
        # "roles that require it (of 16):<br>essential, then optional" ran out of it (the
        # legend says essential and optional)
        "title": {"text": f"roles{out_of}"},
        "rangemode": "tozero",
    }
    if most <= 100:
        xaxis["dtick"] = whole_step(most)
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
    areas, so a taxonomy of hundreds of areas (ESCO) stays one screen high; the
    subtitle says how many there are and what the rest add up to (as a bar it dwarfed
    all the others). It counts the areas holding skills of their own, and says so: on
    ESCO 427, where the overview's count card counts all 664 (the others group areas).

    ``hours`` is :func:`kg.explore.hours_by_area`, largest first; its ``"Other"``
    holds the skills in no area, drawn as :data:`NO_AREA` and not counted as an area.
    Each area's bar carries its explorer address (``customdata``; empty for no area).

    Examples
    --------
    >>> fig = hours_by_area_figure({"Maths": 60.0, "Other": 5.0})
    >>> fig["data"][0]["y"], fig["data"][0]["customdata"]
    (['no skill area', 'Maths'], ['', '/node/Maths'])
    >>> fig = hours_by_area_figure({"A": 9.0, "B": 5.0, "C": 1.0}, top=1)
    >>> fig["data"][0]["y"], fig["layout"]["title"]["subtitle"]["text"]
    (['A'], 'The largest 1 of 3 areas holding skills;<br>the other 2 take 6 h in all.')
    >>> fig = hours_by_area_figure({"Other": 90.0, "A": 9.0, "B": 5.0, "C": 1.0}, top=2)
    >>> fig["data"][0]["y"], fig["layout"]["title"]["subtitle"]["text"]
    (['A', 'no skill area'], 'The largest 1 of 3 areas holding skills<br>and the skills in no area;<br>the other 2 take 6 h in all.')
    """
    from dashboard.urls import node_url

    items = list(hours.items())
    shown = items[:top]
    names = [n for n, _ in shown]
    bar = {
        "type": "bar",
        "x": [v for _, v in reversed(shown)],
        "y": [NO_AREA if n == OTHER else n for n in reversed(names)],
        "customdata": ["" if n == OTHER else node_url(n) for n in reversed(names)],
        "orientation": "h",
        "marker": {"color": NODE_STYLES["skill"]["color"]},
        "hovertemplate": "%{y}: %{x:,.0f} h to learn all its skills<extra></extra>",
    }
    layout: dict[str, Any] = {"xaxis": {"title": {"text": "hours"}}}  # short: see role_hours_figure
    rest = items[top:]
    lines = []
    if rest:
        areas = len(items) - (OTHER in hours)
        listed = len([n for n in names if n != OTHER])
        others = len([n for n, _ in rest if n != OTHER])
        total = f"{sum(v for _, v in rest):,.0f} h in all."
        if OTHER in names:  # lines of at most SUBTITLE_CHARS
            lines = [
                f"The largest {listed:,} of {areas:,} areas holding skills",
                "and the skills in no area;",
            ]
        else:
            lines = [f"The largest {listed:,} of {areas:,} areas holding skills;"]
        if OTHER in dict(rest):
            lines += [f"the other {others:,} and the skills in no area", f"take {total}"]
        else:
            lines += [f"the other {others:,} take {total}"]
    return _figure(
        [bar],
        "Learning hours by skill area",
        height=max(320, 24 * len(names) + 80),
        subtitle=lines,
        **{**layout, **_clickable(layout)},
    )


def _cell(value: Any) -> str:
    """A number of a chart for its table, as the page writes hours: whole numbers with
    thousands separators from 10 up, one decimal below.

    Examples
    --------
    >>> _cell(4027.4), _cell(873.3), _cell(2.5), _cell(3), _cell(None), _cell("a")
    ('4,027', '873', '2.5', '3', '', 'a')
    """
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    from kg.pathtext import hours_text

    return hours_text(value)


def figure_table(
    fig: Any, category: str, *, group: str | None = None, values: str | None = None
) -> dict[str, Any]:
    """The data of a bar chart as a table, for people who cannot see the chart (and for
    keyboards: a bar that opens an address when clicked is a link in the table).

    One row per bar position, in the order a reader sees them (top to bottom, left to
    right); one column per trace, or with ``group`` one column naming the trace a bar
    belongs to (the effort chart's skill areas) and one of values. A bar's ``text``, where
    it has one, is its cell (the coverage chart's "80.8% (21/26)"); line traces (the
    cumulative hours) get a column of their own.

    Parameters
    ----------
    fig : dict or plotly.graph_objects.Figure
        A chart of the app.
    category : str
        The heading of the first column (what a bar stands for: "role", "step").
    group : str, optional
        The heading of the column naming each bar's trace, for charts whose traces split
        one set of bars (and not stack several values per bar).
    values : str, optional
        The heading of the values of a chart of one trace (or of ``group``'s values);
        by default the value axis's title.

    Returns
    -------
    dict
        ``{"title", "header", "rows", "notes"}``: ``rows`` of cells ``{"text"}``, the
        first cell with ``href`` when the bar opens an address of the app; ``notes``
        the chart's subtitle, as one line ("The largest 20 of 427 areas holding skills;
        the other 407 take 900 h in all."), and its annotations.

    Examples
    --------
    >>> table = figure_table(role_hours_figure([("a", "Data Analyst", 960.0), ("b", "AI Architect", 3430.0)]), "role")
    >>> table["header"], table["notes"]
    (['role', 'learning hours'], ["Learning each role's skills and prerequisites."])
    >>> table["rows"]  # the top bar first: the fewest hours
    ... # doctest: +NORMALIZE_WHITESPACE
    [[{'text': 'Data Analyst', 'href': '/path/-/Data%20Analyst'}, {'text': '960'}],
     [{'text': 'AI Architect', 'href': '/path/-/AI%20Architect'}, {'text': '3,430'}]]
    >>> t = figure_table(central_skills_figure([("a", "Python", 5, 2)]), "skill")
    >>> t["header"], [c["text"] for c in t["rows"][0]]
    (['skill', 'essential', 'optional'], ['Python', '5', '2'])
    """
    data = fig if isinstance(fig, dict) else fig.to_dict()
    layout = data.get("layout") or {}
    traces = [t for t in data.get("data") or [] if t.get("type") in ("bar", "scatter")]

    def axes(t: Mapping[str, Any]) -> tuple[str, str]:
        return ("y", "x") if t.get("orientation") == "h" else ("x", "y")

    def title(axis: str) -> str:  # one line in the table
        spec = layout.get(f"{axis}axis") or {}
        text = spec.get("title") or {}
        return str(text.get("text", "") if isinstance(text, Mapping) else text).replace("<br>", " ")

    horizontal = any(t.get("orientation") == "h" for t in traces)
    category_axis = layout.get("yaxis" if horizontal else "xaxis") or {}
    order: list[str] = []
    if category_axis.get("categoryorder") == "array":  # the order the chart sets (the steps)
        order = [str(c) for c in category_axis.get("categoryarray") or []]
    for t in traces:
        cat, _ = axes(t)
        order += [str(c) for c in t.get(cat) or [] if str(c) not in order]
    if horizontal and category_axis.get("autorange") != "reversed":
        order.reverse()  # Plotly draws the first bar of a horizontal chart at the bottom

    bars = [t for t in traces if t.get("type") == "bar"]
    lines = [t for t in traces if t.get("type") != "bar"]
    value_axis = axes(bars[0])[1] if bars else "y"
    columns: list[tuple[str, list[Mapping[str, Any]]]]
    if group:
        columns = [(group, []), (values or title(value_axis) or "value", bars)]
    elif len(bars) == 1:
        columns = [(values or str(bars[0].get("name") or "") or title(value_axis) or "value", bars)]
    else:
        columns = [(str(t.get("name") or f"series {i + 1}"), [t]) for i, t in enumerate(bars)]
    columns += [(str(t.get("name") or "line"), [t]) for t in lines]

    cells: dict[tuple[str, int], str] = {}
    links: dict[str, str] = {}
    names: dict[str, str] = {}
    for j, (_head, members) in enumerate(columns):
        for t in members:
            cat, val = axes(t)
            texts = t.get("text") if isinstance(t.get("text"), list | tuple) else None
            for i, c in enumerate(t.get(cat) or []):
                cells[(str(c), j)] = str(texts[i]) if texts else _cell((t.get(val) or [])[i])
                if t.get("type") == "bar":  # a bar's own name (hovertext) over its trace's
                    own = t.get("hovertext") if isinstance(t.get("hovertext"), list | tuple) else None
                    names[str(c)] = str(own[i] if own else t.get("name") or "").replace("<br>", " ")
                address = (t.get("customdata") or [None] * (i + 1))[i]
                if isinstance(address, str) and address.startswith("/"):
                    links[str(c)] = address
    rows = []
    for c in order:
        first: dict[str, str] = {"text": c.replace("<br>", ", ")}
        if c in links:
            first["href"] = links[c]
        row = [first]
        for j in range(len(columns)):
            if group and j == 0:
                row.append({"text": names.get(c, "")})
            else:
                row.append({"text": cells.get((c, j), "")})
        rows.append(row)
    heading = layout.get("title") or {}
    subtitle = (heading.get("subtitle") or {}) if isinstance(heading, Mapping) else {}
    notes = [str(subtitle.get("text", "")).replace("<br>", " ")] if subtitle.get("text") else []
    return {
        "title": str(heading.get("text", "") if isinstance(heading, Mapping) else heading),
        "header": [category, *(head for head, _ in columns)],
        "rows": rows,
        "notes": notes + [str(a["text"]) for a in layout.get("annotations") or [] if a.get("text")],
    }
