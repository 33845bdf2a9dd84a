"""Reusable pieces of page layout: navigation bar, legend, node details, step list.

Functions of plain data returning Dash components; no callbacks here.

Examples
--------
>>> from kg.explore import Details, Link, Section
>>> panel = details_panel(Details("urn:a", "Python", "skill", sections=[Section("Prerequisites", [Link("urn:b", "Logic", "skill")])]))
>>> panel.children[0].children[1].children
'Python'
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping, Sequence
from typing import Any

import dash_cytoscape as cyto
from dash import dcc, html

from dashboard import ids
from dashboard.downloads import reasons_text
from dashboard.styles import EDGE_STYLES, NODE_STYLES, RELATION_LABELS, TYPE_LABELS, legend_items
from dashboard.urls import node_url
from kg.explore import Details, Link

__all__ = [
    "CHART_CONFIG",
    "canvas",
    "chart",
    "data_table",
    "details_panel",
    "hours",
    "legend",
    "nav_classes",
    "nav_id",
    "nav_pages",
    "navbar",
    "node_chip",
    "page_at",
    "relation_legend",
    "sr_only",
    "swatch",
    "type_badge",
]

# CSS clip paths that echo the Cytoscape node shapes in the legend
_CLIP = {
    "round-rectangle": "inset(0 round 3px)",
    "ellipse": "circle(50%)",
    "diamond": "polygon(50% 0, 100% 50%, 50% 100%, 0 50%)",
    "hexagon": "polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%)",
    "star": "polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%, 2% 35%, 39% 35%)",
    "rhomboid": "polygon(25% 0, 100% 0, 75% 100%, 0 100%)",
    "barrel": "inset(0 round 35%)",
}


def hours(value: float | None) -> str:
    """Hours for people: whole hours from 10 up, one decimal below, as everything that
    shows a learning path writes them (:func:`kg.pathtext.hours_text`).

    Examples
    --------
    >>> hours(1648.33), hours(13.33), hours(2.5), hours(None)
    ('1,648', '13', '2.5', '0')
    """
    from kg.pathtext import hours_text

    return hours_text(value)


def sr_only(text: str) -> html.Span:
    """Text for screen readers only: in the page, out of sight (the class ``sr-only``).

    Examples
    --------
    >>> sr_only(" to ").className
    'sr-only'
    """
    return html.Span(text, className="sr-only")


def nav_pages(pages: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The pages linked from the top bar, in ``order`` (hidden pages, such as the 404, left out).

    Examples
    --------
    >>> [p["name"] for p in nav_pages([{"name": "B", "order": 1}, {"name": "A", "order": 0},
    ...                                {"name": "404", "hidden": True}])]
    ['A', 'B']
    """
    return [
        p
        for p in sorted(pages, key=lambda p: (p.get("order") is None, p.get("order") or 0, p["name"]))
        if not p.get("hidden")
    ]


def nav_id(page: Mapping[str, Any]) -> str:
    """The id of a page's link in the top bar (``nav-<module>``).

    Examples
    --------
    >>> nav_id({"module": "dashboard.pages.path"})
    'nav-path'
    """
    return f"nav-{page['module'].rsplit('.', 1)[-1]}"


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def _matches(path: str, pattern: str | None) -> bool:
    """Whether ``path`` is an address of ``pattern`` (``<name>`` matches one segment)."""
    if pattern is None:
        return False
    want, got = _segments(pattern), _segments(path)
    return len(want) == len(got) and all(
        w == g or (w.startswith("<") and w.endswith(">")) for w, g in zip(want, got, strict=True)
    )


def page_at(path: str | None, pages: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The page Dash Pages shows at ``path``, decided as its router decides it; ``None``
    for an address no page answers (the router then shows the ``not_found_404`` page).

    A page answers its ``path`` and, when it has one, addresses that fit its
    ``path_template`` (a ``<name>`` there matches any text, as in the router); pages
    are tried in registry order.

    Parameters
    ----------
    path : str or None
        The address without the app's prefix, e.g. ``/node/deep%20learning``.
    pages : sequence of mapping
        The page registry (``dash.page_registry.values()``).

    Examples
    --------
    >>> pages = [{"module": "m.explorer", "path": "/", "path_template": "/node/<name>"},
    ...          {"module": "m.path", "path": "/path", "path_template": "/path/<s>/<t>"}]
    >>> [page_at(p, pages)["module"] for p in ("/", "/node/Python", "/path", "/path/a/b")]
    ['m.explorer', 'm.explorer', 'm.path', 'm.path']
    >>> page_at("/nope", pages) is None, page_at("/path/a", pages) is None
    (True, True)
    """
    if path is None:
        return None
    here = path.strip("/")
    for page in pages:
        template = page.get("path_template")
        if template and fnmatch.fnmatchcase(here, re.sub("<.*?>", "*", template.strip("/"))):
            return page
        if here == str(page.get("path", "")).strip("/"):
            return page
    return None


def nav_classes(path: str | None, pages: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """The class of each top-bar link, by link id in :func:`navbar` order:
    ``"nav-link active"`` for the page at ``path``, ``"nav-link"`` for the others.

    Parameters
    ----------
    path : str or None
        The address (pathname) without the app's prefix, e.g. ``/node/deep%20learning``.
    pages : sequence of mapping
        The page registry (``dash.page_registry.values()``): ``path`` and, for pages
        with variables, ``path_template``.

    Returns
    -------
    dict
        Link id (:func:`nav_id`) -> class string.

    Examples
    --------
    >>> pages = [{"name": "SPARQL", "module": "m.query", "order": 1, "path": "/query"},
    ...          {"name": "Explorer", "module": "m.explorer", "order": 0, "path": "/", "path_template": "/node/<name>"}]
    >>> nav_classes("/node/Python", pages)
    {'nav-explorer': 'nav-link active', 'nav-query': 'nav-link'}
    >>> list(nav_classes("/nope", pages).values())
    ['nav-link', 'nav-link']
    """
    classes = {}
    found = False
    for p in nav_pages(pages):
        here = (
            not found
            and path is not None
            and (_matches(path, p.get("path")) or _matches(path, p.get("path_template")))
        )
        found = found or here
        classes[nav_id(p)] = "nav-link active" if here else "nav-link"
    return classes


def navbar(pages: Sequence[Mapping[str, Any]], endpoint: str = "/sparql") -> html.Header:
    """The top bar: brand, one link per page (in ``order``), the SPARQL endpoint.

    The link of the current page gets the class ``active`` (see :func:`nav_classes`).
    """
    links = [
        dcc.Link(p["name"], href=p["relative_path"], className="nav-link", id=nav_id(p))
        for p in nav_pages(pages)
    ]
    return html.Header(
        className="topbar",
        children=[
            html.A("Skip to content", href="#main", className="skip-link"),
            dcc.Link(
                [html.Span("career", className="brand-a"), html.Span("kg", className="brand-b")],
                href=links[0].href if links else "/",
                className="brand",
                title="careerkg home",
            ),
            html.Nav(links, className="nav", id=ids.NAV, **{"aria-label": "Pages"}),
            html.A(
                "SPARQL endpoint ↗",
                href=endpoint,
                className="nav-link nav-endpoint",
                title="The SPARQL 1.1 endpoint of this graph",
            ),
        ],
    )


def field(label: str, control: Any, *, width: str = "") -> html.Div:
    """A form field: a visible ``<label>`` tied to ``control`` (by its id) above it.

    ``width`` is ``""``, ``"wide"`` or ``"narrow"``.

    Examples
    --------
    >>> div = field("Target role", dcc.Dropdown(id="target"), width="wide")
    >>> div.className, div.children[0].htmlFor
    ('field field-wide', 'target')
    """
    return html.Div(
        [html.Label(label, htmlFor=control.id, className="field-label"), control],
        className="field" + (f" field-{width}" if width else ""),
    )


def canvas(
    component_id: str,
    elements: Sequence[Mapping[str, Any]],
    layout: Mapping[str, Any],
    stylesheet: Sequence[Mapping[str, Any]],
    *,
    label: str,
    height: str = "100%",
    min_zoom: float = 0.15,
    empty: str = "",
) -> html.Div:
    """The app's Cytoscape canvas: full width, zoom bounds, no box selection.

    A screen reader finds nothing in a canvas, and a keyboard cannot reach its nodes:
    the canvas sits in a frame that is an image to screen readers, whose ``label`` says
    what it shows and where the page gives the same as text (the explorer's details,
    the path's steps); Cytoscape's own element keeps ``component_id``.

    Dash Cytoscape's ``autoRefreshLayout`` is off: it re-runs the layout 100 ms after
    elements are added or removed, and when the canvas has gone by then (the user moved
    to another page, or Back rebuilt the explorer) Cytoscape throws on the destroyed
    instance. The layout runs instead when the ``layout`` prop changes, in the same
    update as the elements; :func:`dashboard.elements.cytoscape_layout` keys the prop
    to the elements so that it does.

    ``empty`` is what the canvas shows while the page has drawn nothing in it (the
    style sheet writes it over the canvas, as a page's own rule says when): a path
    finder or gaps page not yet asked showed a blank dotted box 560 px tall.

    ``responsive`` is off for the same reason: its handler of Cytoscape's ``render``
    event stays on the instance, and a frame drawn just after the page left (a path
    answered as the user moved to the explorer) called it on the destroyed instance
    ("Cannot read properties of null (reading 'isHeadless')"). Cytoscape still follows
    its container's size; a graph keeps its zoom when the window changes, and every new
    view is fitted.

    Examples
    --------
    >>> frame = canvas("cy", [], {"name": "preset"}, [], label="A graph; the list below says it.", height="520px")
    >>> frame.role, frame.to_plotly_json()["props"]["aria-label"]
    ('img', 'A graph; the list below says it.')
    >>> c = frame.children
    >>> c.id, c.style["height"], c.boxSelectionEnabled, c.autoRefreshLayout, c.responsive
    ('cy', '520px', False, False, False)
    >>> canvas("cy", [], {}, [], label="", empty="Drawn here.").to_plotly_json()["props"]["data-empty"]
    'Drawn here.'
    """
    return html.Div(
        cyto.Cytoscape(
            id=component_id,
            elements=list(elements),
            layout=dict(layout),
            stylesheet=list(stylesheet),
            className="canvas",
            style={"width": "100%", "height": height},
            minZoom=min_zoom,
            maxZoom=3,
            boxSelectionEnabled=False,
            autoRefreshLayout=False,
            responsive=False,
        ),
        className="canvas-frame",
        role="img",
        # what the page's style sheet writes over the canvas while it shows nothing
        **{"aria-label": label, **({"data-empty": empty} if empty else {})},
    )


_NUMBER = re.compile(r"-?[\d,]+(\.\d+)?")
"""A cell of numbers (aligned right)."""


def data_table(table: Mapping[str, Any]) -> html.Details:
    """A chart's data (:func:`dashboard.figures.figure_table`) as a table folded under
    the chart: the text alternative of the chart, and the keyboard's way to the
    addresses its bars open (each is a link in the first column).

    The table scrolls sideways in a frame of its own (``table-scroll``) when it is
    wider than the card: on a phone the gaps page's term table (four columns, headed
    "missing prerequisites"...) was 378 px wide in a 340 px card, its last column cut
    off at the screen's edge and the whole page scrolling sideways.

    Examples
    --------
    >>> box = data_table({"title": "Hours", "header": ["role", "hours"],
    ...                   "rows": [[{"text": "AI Architect", "href": "/path/-/AI%20Architect"}, {"text": "3,430"}]],
    ...                   "notes": []})
    >>> box.children[0].children, box.children[1].className
    ('Hours: the data as a table', 'table-scroll')
    >>> link = box.children[1].children.children[1].children[0].children[0].children
    >>> link.children, link.href
    ('AI Architect', '/path/-/AI%20Architect')
    """
    head = html.Thead(html.Tr([html.Th(h, scope="col") for h in table["header"]]))
    rows = []
    for row in table["rows"]:
        first, *rest = row
        label = dcc.Link(first["text"], href=first["href"]) if first.get("href") else first["text"]
        cells = [
            html.Td(c["text"], className="num-col" if _NUMBER.fullmatch(c["text"]) else None) for c in rest
        ]
        rows.append(html.Tr([html.Th(label, scope="row"), *cells]))
    title = table.get("title") or "The chart"
    return html.Details(
        [
            html.Summary(f"{title}: the data as a table"),
            html.Div(html.Table([head, html.Tbody(rows)], className="results"), className="table-scroll"),
            *(html.P(note, className="chart-note") for note in table.get("notes") or []),
        ],
        className="chart-data",
    )


CHART_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "responsive": True,
    # Plotly 3's "Share chart..." uploads the chart to Plotly Cloud: nothing leaves careerkg.
    # Box and lasso select choose bars for a callback no chart has: they did nothing, and
    # were two more stops of the Tab order in each chart that can zoom or has bars
    "modeBarButtonsToRemove": ["sendChartToCloud", "select2d", "lasso2d"],
}
"""The Plotly config of every chart (a page's own config adds to it)."""


def chart(
    figure: Any,
    component_id: str,
    config: Mapping[str, Any],
    category: str,
    *,
    group: str | None = None,
    values: str | None = None,
) -> html.Figure:
    """A Plotly chart as a figure named by its title, with its data as a table under it
    (:func:`data_table`; ``category``, ``group`` and ``values`` head the table's columns,
    see :func:`dashboard.figures.figure_table`). The ``dcc.Graph`` keeps ``component_id``.

    Examples
    --------
    >>> from dashboard.figures import hours_by_area_figure
    >>> fig = chart(hours_by_area_figure({"Maths": 60.0}), "areas", {}, "skill area")
    >>> fig.to_plotly_json()["props"]["aria-label"], fig.children[0].id
    ('Learning hours by skill area', 'areas')
    >>> fig.children[0].config["modeBarButtonsToRemove"]  # no upload to Plotly's cloud, no selection
    ['sendChartToCloud', 'select2d', 'lasso2d']
    """
    from dashboard.figures import figure_table

    table = figure_table(figure, category, group=group, values=values)
    removed = [*CHART_CONFIG["modeBarButtonsToRemove"], *config.get("modeBarButtonsToRemove", [])]
    settings = {**CHART_CONFIG, **config, "modeBarButtonsToRemove": removed}
    return html.Figure(
        [dcc.Graph(figure=figure, config=settings, id=component_id), data_table(table)],
        className="chart",
        **{"aria-label": table["title"]},
    )


def swatch(kind: str, size: int = 14) -> html.Span:
    """A small coloured shape for a node type, as drawn on the canvas."""
    st = NODE_STYLES.get(kind, {"color": "#888", "shape": "ellipse"})
    return html.Span(
        className="swatch",
        style={
            "background": st["color"],
            "clipPath": _CLIP.get(st["shape"], "none"),
            "width": size,
            "height": size,
        },
        **{"aria-hidden": "true"},
    )


def type_badge(kind: str) -> html.Span:
    """The type of a node as a small badge with its swatch."""
    return html.Span(
        [swatch(kind, 11), TYPE_LABELS.get(kind, kind or "node")], className=f"badge badge-{kind}"
    )


def legend(types: Sequence[str] | None = None) -> html.Div:
    """The legend of node types: swatch and name."""
    return html.Div(
        [
            html.Span([swatch(i["type"]), i["label"]], className="legend-item", role="listitem")
            for i in legend_items(list(types) if types else None)
        ],
        className="legend",
        role="list",
        **{"aria-label": "Legend"},
    )


def relation_legend(elements: Sequence[Mapping[str, Any]], color: str | None = None) -> list[html.Span]:
    """The legend of the lines drawn: for each relation among ``elements``' edges (in
    :data:`~dashboard.styles.RELATION_LABELS` order), a short line in its colour (or
    ``color``, where every line is drawn in one, as on a learning path), width and
    dash style, and its name.

    Examples
    --------
    >>> edge = {"data": {"id": "a|teaches|b", "source": "a", "target": "b", "relation": "teaches"}}
    >>> [item.children[1] for item in relation_legend([{"data": {"id": "a"}}, edge])]
    ['teaches']
    >>> relation_legend([edge], color="#C62828")[0].children[0].style
    {'borderTop': '2px dotted #C62828'}
    >>> relation_legend([{"data": {"id": "a"}}])
    []
    """
    drawn = {e["data"].get("relation") for e in elements if "source" in e["data"]}
    items = []
    for rel, label in RELATION_LABELS.items():
        if rel not in drawn:
            continue
        st = EDGE_STYLES.get(rel, {"color": "#999", "style": "solid", "width": 1})
        line = html.Span(
            className="edge-swatch",
            style={"borderTop": f"{max(2.0, float(st['width'])):g}px {st['style']} {color or st['color']}"},
            **{"aria-hidden": "true"},
        )
        items.append(html.Span([line, label], className="legend-line", role="listitem"))
    return items


def node_chip(link: Link, where: str = "") -> html.Li:
    """A clickable node name (a button, so keyboards reach it) with its note.

    ``where`` (the section it is listed in) makes its id unique on the page; see
    :func:`dashboard.ids.node_link`.
    """
    return html.Li(
        [
            html.Button(
                [swatch(link.type, 10), link.label],
                id=ids.node_link(link.iri, where),
                className="linklike",
                n_clicks=0,
                title=f"Show {link.label}",
            ),
            html.Span(link.note, className="note") if link.note else None,
        ]
    )


def broader_note(title: str, label: str) -> str:
    """What a details section of broader or narrower skills means for paths and gap
    reports ('' for any other section): a skill counts for its broader skills up to
    :data:`kg.paths.PREREQUISITE_LEVEL`.

    Examples
    --------
    >>> broader_note("Part of broader skills", "Python programming")
    'Knowing or learning Python programming counts for each up to level 3 in learning paths and gap reports.'
    >>> broader_note("Prerequisites", "Python programming")
    ''
    """
    from kg.explore import SECTION_TITLES
    from kg.paths import PREREQUISITE_LEVEL

    where = f"up to level {PREREQUISITE_LEVEL} in learning paths and gap reports."
    if title == SECTION_TITLES[("broader", True)]:
        return f"Knowing or learning {label} counts for each {where}"
    if title == SECTION_TITLES[("broader", False)]:
        return f"Knowing or learning one of them counts for {label} {where}"
    return ""


def details_panel(d: Details | None, *, hint: str = "", url: str | None = None) -> html.Div:
    """The details of one node; every related node is a clickable entry."""
    if d is None:
        return html.Div(
            [
                html.H2("Details", className="panel-title"),
                html.P(
                    hint or "Search for a node or click one on the canvas to see its details.",
                    className="muted",
                ),
            ],
            className="details-empty",
        )
    header = html.Div(
        [
            type_badge(d.type),
            # focusable by script: focus goes here when a click on a related node
            # replaced the button that had it (see careerkg.js)
            html.H2(d.label, className="details-title", id="details-title", tabIndex="-1"),
            dcc.Link("link to this node", href=url or node_url(d.label), className="permalink"),
        ],
        className="details-header",
    )
    body: list[Any] = [header]
    if d.definition:
        body.append(html.P(d.definition, className="definition"))
    if d.alt_labels:
        body.append(html.P(["Also called: ", html.Em(", ".join(d.alt_labels))], className="alt-labels"))
    if d.facts:
        body.append(
            html.Dl([item for k, v in d.facts for item in (html.Dt(k), html.Dd(v))], className="facts")
        )
    shown: set[tuple[str, str]] = set()
    for section in d.sections:
        chips = []
        for lk in section.links:
            where, n = section.title, 1
            while (lk.iri, where) in shown:  # the same node twice in one section
                n += 1
                where = f"{section.title} ({n})"
            shown.add((lk.iri, where))
            chips.append(node_chip(lk, where))
        note = broader_note(section.title, d.label)
        body.append(
            html.Details(
                [
                    # the space: "Prerequisites 1", not "Prerequisites1", to a screen reader
                    html.Summary([section.title, " ", html.Span(str(len(section.links)), className="count")]),
                    html.Ul(chips, className="links"),
                    html.P(note, className="muted broader-note") if note else None,
                ],
                open=len(section.links) <= 12,
                className="section",
            )
        )
    if d.sources or d.matches:
        refs: list[Any] = []
        for s in d.sources:
            refs.append(
                html.Li([html.Span(s.label), html.Span(f" ({s.note})", className="note") if s.note else None])
            )
        for m in d.matches:
            label = "ESCO concept" if "data.europa.eu/esco" in m else "Same as"
            refs.append(
                html.Li(html.A(f"{label} ↗", href=m, target="_blank", rel="noopener noreferrer", title=m))
            )
        body.append(
            html.Div([html.H3("Sources and links"), html.Ul(refs, className="refs")], className="section")
        )
    body.append(html.P(html.Code(d.iri), className="iri"))
    return html.Div(body)


def step_level(step: Mapping[str, Any]) -> html.Span | None:
    """The levels a step goes between, compact as the CLI's table gives them (``0→3``),
    read aloud as words; ``None`` for a step without a level.

    Examples
    --------
    >>> span = step_level({"from_level": 0, "level": 3})
    >>> span.children[0].children, span.children[1].children, span.title
    ('0→3', ' from level 0 to 3', 'from level 0 to level 3')
    >>> step_level({"label": "SQL"}) is None
    True
    """
    if step.get("level") is None:
        return None
    start, end = step.get("from_level") or 0, step["level"]
    return html.Span(
        [html.Span(f"{start}→{end}", **{"aria-hidden": "true"}), sr_only(f" from level {start} to {end}")],
        className="step-level",
        title=f"from level {start} to level {end}",
    )


def step_covers(step: Mapping[str, Any]) -> html.Div | None:
    """The broader skills a step covers (``covers``, ``{iri, label}`` or IRIs), each a link
    to the explorer; ``None`` when it covers none.

    Examples
    --------
    >>> div = step_covers({"covers": [{"iri": "urn:p", "label": "computer programming"}]})
    >>> div.children[0], div.children[1].href, div.children[-1]
    ('Covers ', '/node/computer%20programming', ' (no step of its own)')
    >>> step_covers({"label": "SQL", "covers": []}) is None
    True
    """
    covers = [
        c if isinstance(c, Mapping) else {"iri": str(c), "label": str(c)} for c in step.get("covers") or []
    ]
    if not covers:
        return None
    parts: list[Any] = ["Covers "]
    for i, c in enumerate(covers):
        if i:
            parts.append(", ")
        label = str(c.get("label") or c.get("iri"))
        parts.append(
            dcc.Link(label, href=node_url(label), className="linklike", title=f"Show {label} in the explorer")
        )
    parts.append(" (no step of its own)")
    return html.Div(parts, className="step-why step-covers")


def step_list(steps: Sequence[Mapping[str, Any]]) -> html.Ol:
    """The ordered steps of a learning path: label, the levels it goes between,
    hours, cumulative hours, reasons, and the broader skills it covers."""
    items = []
    total = 0.0
    for s in steps:
        step_hours = float(s.get("hours") or 0)
        total += step_hours
        items.append(
            html.Li(
                [
                    html.Div(
                        [
                            html.Span(str(s.get("position", "")), className="step-pos"),
                            dcc.Link(  # the step in the explorer (was a button nothing answered)
                                [swatch(str(s.get("type") or "skill"), 10), str(s.get("label"))],
                                href=node_url(str(s.get("label"))),
                                className="linklike step-label",
                                title=f"Show {s.get('label')} in the explorer",
                            ),
                            # the figures together: beside a short name, under a long one
                            # (an ESCO name of 80 letters was squeezed into a column of
                            # 120 px beside them, six lines tall on a phone)
                            html.Span(
                                [
                                    step_level(s),
                                    html.Span(f"{hours(step_hours)} h", className="step-hours"),
                                    html.Span(
                                        [
                                            html.Span("Σ ", **{"aria-hidden": "true"}),
                                            f"{hours(total)} h",
                                            sr_only(" in all so far"),
                                        ],
                                        className="step-cum",
                                        title="cumulative hours",
                                    ),
                                ],
                                className="step-figures",
                            ),
                        ],
                        className="step-head",
                    ),
                    html.Div(reasons_text(s.get("reasons"), "; "), className="step-why"),
                    *([covers] if (covers := step_covers(s)) is not None else []),
                ],
                className="step",
                **{"data-iri": str(s.get("iri"))},
            )
        )
    return html.Ol(items, className="steps", id="path-step-list")
