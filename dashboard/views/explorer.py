"""Explorer page: the view state (selection, expanded nodes, cap) and what it draws.

The state is a small JSON dict kept in a ``dcc.Store``::

    {"focus": IRI or None, "expanded": [IRI, ...], "limit": 150}

Examples
--------
>>> s = next_state(initial(), "explorer-search", "urn:a")
>>> s["focus"], s["expanded"]
('urn:a', ['urn:a'])
>>> next_state(s, "explorer-expand", 1)["expanded"]
[]
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import quote, unquote

from dash import dcc, html

from dashboard import ids
from dashboard.components import details_panel, sr_only
from dashboard.elements import cytoscape_layout, to_elements
from dashboard.styles import RELATION_LABELS, TYPE_LABELS
from dashboard.urls import node_url, page_title, unquote_name
from dashboard.views.common import share_name
from kg.errors import UnknownEntity
from kg.explore import View, graph_of, ladder, neighbourhood, node_details, resolve, search
from kg.store import Store

__all__ = [
    "DEFAULT_RELATIONS",
    "EDGE_LEGEND",
    "LIMIT",
    "MIN_ZOOM",
    "address",
    "canvas",
    "details",
    "follow_address",
    "initial",
    "next_state",
    "origin",
    "reset_controls",
    "search_box",
    "search_options",
    "state_from_name",
    "title_for_name",
    "title_of",
    "unknown_name",
    "url_of",
]

LIMIT = 150
"""The most nodes drawn at once; "Show more" raises it by the same amount."""

MIN_ZOOM = 0.03
"""The explorer canvas's least zoom: a new view is fitted to the canvas, and Cytoscape
zooms out no further than this. At the canvases' usual 0.15, the ESCO roles that
"Show more" adds did not fit after a second click (300 roles) and ran off the canvas at
both ends; 0.03 fits all 3,005 on a phone's canvas."""

DEFAULT_RELATIONS: list[str] = [r for r in RELATION_LABELS if r != "requires_prior"]
"""The relations ticked in a fresh explorer: all but "expects prior skill". A
credential both teaches and expects most of the skills it expects, so that relation
drew a second, near-identical curve beside a "teaches" one; the details list it
("Expects beforehand"), and ticking it draws it."""

EDGE_LEGEND = "explorer-edge-legend"
"""The id of the legend of the lines drawn."""

State = dict[str, Any]


def initial(focus: str | None = None) -> State:
    """The state of a fresh explorer (the career ladder), or one node with its neighbours."""
    return {"focus": focus, "expanded": [focus] if focus else [], "limit": LIMIT}


def state_from_name(store: Store, name: str | None) -> tuple[State, str]:
    """The state for ``/node/<name>`` and a message when the name is unknown."""
    if not name:
        return initial(), ""
    try:
        return initial(resolve(store, name)), ""
    except UnknownEntity as err:
        return initial(), str(err)


def unknown_name(store: Store, name: str | None) -> Any:
    """The alert for ``/node/<name>`` when no node is called ``name`` (a mistyped or old
    shared link), or ``None``: it says so in words and offers the closest names as
    links, to follow with a click or Enter rather than retype.

    Examples
    --------
    >>> store = Store.default()
    >>> unknown_name(store, "deep learning") is None
    True
    >>> alert = unknown_name(store, "pytorh")
    >>> [link.children for link in alert.children[1].children if hasattr(link, "href")]
    ['PyTorch']
    >>> alert.children[1].children[1].href
    '/node/PyTorch'
    >>> unknown_name(store, "qqqzzz").children[1].children
    'Nor is any name like it: type part of a name in the search box.'
    """
    if not name:
        return None
    try:
        resolve(store, name)
        return None
    except UnknownEntity as err:
        near = err.suggestions
    said = html.P(f"No node is called “{name}”.")
    if not near:
        return html.Div(
            [said, html.P("Nor is any name like it: type part of a name in the search box.")],
            className="alert",
            role="alert",
        )
    links: list[Any] = ["Did you mean "]
    for i, label in enumerate(near):
        if i:
            links.append(", " if i < len(near) - 1 else " or ")
        links.append(dcc.Link(label, href=node_url(label)))
    links.append("?")
    return html.Div([said, html.P(links, className="alert-choices")], className="alert", role="alert")


def next_state(state: State | None, trigger: Any, value: Any) -> State:
    """The state after a user action.

    ``trigger`` is the id of what fired: the search box (``value`` the IRI chosen),
    the canvas (``value`` the tapped node's IRI), a node link in the details
    (``{"type": "node-link", "iri": …, "where": …}``, the id of the copy clicked),
    the expand/collapse toggle, "Show more" or "Reset".
    """
    s: State = dict(state or initial())
    s["expanded"] = list(s.get("expanded") or [])
    s.setdefault("limit", LIMIT)
    if trigger == ids.EX_SEARCH and value:
        if state and value == state.get("focus"):  # the box showing the node selected
            return dict(state)
        return initial(str(value))
    if trigger == ids.EX_CANVAS and value:
        s["focus"] = str(value)
    elif isinstance(trigger, dict) and trigger.get("type") == ids.NODE_LINK:
        iri = str(trigger["iri"])
        s["focus"] = iri
        if iri not in s["expanded"]:
            s["expanded"].append(iri)
    elif trigger == ids.EX_EXPAND and s.get("focus"):
        focus = s["focus"]
        if focus in s["expanded"]:
            s["expanded"].remove(focus)
        else:
            s["expanded"].append(focus)
    elif trigger == ids.EX_SHOW_MORE:
        s["limit"] = int(s["limit"]) + LIMIT
    elif trigger == ids.EX_RESET:
        return initial()
    return s


def search_box(
    store: Store, state: State | None, value: str | None
) -> tuple[str | None, list[dict[str, Any]]] | None:
    """The search box's value and options for the view ``state``: the node selected,
    whichever way it was selected (the search, a click on the canvas, a link in the
    details, Back or Forward), or an empty box without one. ``None`` when the box
    (its value ``value``) shows it already. After a click on the canvas the box still
    showed the node searched for before, beside another node's details and address.

    Examples
    --------
    >>> store = Store.default()
    >>> dl = "https://w3id.org/careerkg/id/skill/deep-learning"
    >>> value, options = search_box(store, initial(dl), "https://w3id.org/careerkg/id/skill/python")
    >>> value == dl, [o["label"] for o in options if o["value"] == dl]
    (True, ['deep learning · skill'])
    >>> search_box(store, initial(dl), dl) is None
    True
    >>> search_box(store, initial(), dl)
    (None, [])
    """
    focus = (state or {}).get("focus") or None
    if focus == (value or None):
        return None
    return focus, search_options(store, "", focus) if focus else []


def reset_controls() -> tuple[list[str], list[str], str, None]:
    """What "Reset view" puts back in the sidebar: every node type, the default
    relations (:data:`DEFAULT_RELATIONS`), the automatic layout, and an empty search box.

    Examples
    --------
    >>> types, relations, layout, search = reset_controls()
    >>> types == list(TYPE_LABELS) and relations == DEFAULT_RELATIONS, layout, search
    (True, 'auto', None)
    """
    return list(TYPE_LABELS), list(DEFAULT_RELATIONS), "auto", None


def _count(n: int, one: str, many: str) -> str:
    """``n`` and the noun, singular or plural.

    Examples
    --------
    >>> _count(1, "link", "links"), _count(0, "link", "links")
    ('1 link', '0 links')
    """
    return f"{n} {one if n == 1 else many}"


NO_TYPES = "No node type is ticked: tick at least one under “Show node types” to draw the graph."
"""The status when every node type is unticked (nothing is drawn)."""


NO_ROLES = (
    "“Role” is unticked, and the first view is the career ladder, of roles only: tick Role, "
    "or search for a node to draw it with its neighbours."
)
"""The status of the first view (the career ladder) when Role is unticked."""


def search_options(
    store: Store, text: str | None, value: str | None, limit: int = 25
) -> list[dict[str, Any]]:
    """Dropdown options for what the user typed (labels and alt labels), keeping the
    current choice.

    When no name contains the text, the closest names are offered, marked "closest
    match"; their ``search`` text includes what was typed, so the dropdown, which
    filters its options by the text in its box, keeps them.

    Examples
    --------
    >>> store = Store.default()
    >>> [o["label"] for o in search_options(store, "deep learn", None)][:1]
    ['deep learning · skill']
    >>> [o["label"] for o in search_options(store, "deap lerning", None)]
    ['deep learning · skill — closest match']
    """
    options: list[dict[str, Any]] = []
    seen: set[str] = set()
    for hit in search(store, text or "", limit=limit, closest=True):
        extra = f" ({hit.matched})" if hit.matched != hit.label else ""
        close = " — closest match" if hit.close else ""
        options.append(
            {
                "label": f"{hit.label}{extra} · {hit.type}{close}",
                "value": hit.iri,
                "search": f"{hit.label} {hit.matched}" + (f" {text}" if hit.close else ""),
            }
        )
        seen.add(hit.iri)
    _tell_apart(store, options)
    if value and value not in seen:
        G = graph_of(store)
        from kg.explore import node_key

        key = node_key(G, value)
        if key in G:
            attrs = G.nodes[key]
            label = str(attrs.get("label", value))
            # a label that names another node too (its address holds its IRI) says where it is from
            where = f" · {origin(store, value)}" if share_name(store, value) != label else ""
            options.insert(
                0,
                {
                    "label": f"{label} · {attrs.get('type', '')}{where}",
                    "value": value,
                    "search": str(attrs.get("label", "")),
                },
            )
    return options


def origin(store: Store, iri: str) -> str:
    """Where the node ``iri`` of ``store`` comes from (:func:`kg.explore.origin`).

    Examples
    --------
    >>> origin(Store.default(), "https://w3id.org/careerkg/id/skill/communication")
    'careerkg'
    """
    from kg.explore import origin as _origin

    return _origin(store.graph, iri)


def _tell_apart(store: Store, options: list[dict[str, Any]]) -> None:
    """Name where each option comes from (:func:`origin`) when another option reads the
    same, whatever the case: on ESCO the search offered "communication · skill" twice
    (ESCO's and the curated skill), and "computer vision engineer · role" beside
    "Computer Vision Engineer · role", with nothing to tell which was which."""
    said = Counter(str(o["label"]).casefold() for o in options)
    for option in options:
        if said[str(option["label"]).casefold()] > 1:
            label, close, _ = str(option["label"]).partition(" — closest match")
            option["label"] = f"{label} · {origin(store, str(option['value']))}" + (
                " — closest match" if close else ""
            )


def canvas(
    store: Store,
    state: State | None,
    types: list[str] | None,
    relations: list[str] | None,
    layout: str | None,
) -> tuple[list[dict[str, Any]], dict[str, Any], Any, bool]:
    """Elements, Cytoscape layout, status line and whether "Show more" is hidden.

    With every node type unticked (``types == []``) nothing is drawn and the status
    says so (:data:`NO_TYPES`); so too in the first view, the career ladder, with Role
    unticked (:data:`NO_ROLES`). Its steps are left out with "progresses to".

    Examples
    --------
    >>> elements, _layout, status, _hidden = canvas(Store.default(), initial(), [], None, "auto")
    >>> elements, status == [NO_TYPES]
    ([], True)
    """
    if types is not None and not types:
        return [], cytoscape_layout(layout or "auto", []), [NO_TYPES], True
    s = state or initial()
    G = graph_of(store)
    focus = s.get("focus")
    expanded = list(s.get("expanded") or [])
    rels = set(relations) if relations is not None else None
    kinds = set(types) if types is not None else None
    limit = int(s.get("limit") or LIMIT)
    ladder_view = not focus and not expanded
    if ladder_view:
        # the ladder alone first; "Show more" adds the roles on no career step, LIMIT at a time
        view = ladder(G, limit=limit, off_ladder=limit - LIMIT)
        what = "the career ladder: roles and who progresses to whom"
        # the filters apply to it too (unticking Role left every role drawn)
        if kinds is not None and "role" not in kinds:
            return [], cytoscape_layout(layout or "auto", []), [NO_ROLES], True
        if rels is not None and "progresses" not in rels:
            view = View(view.nodes, [], view.hidden)
            what = "the roles of the career ladder; “progresses to” is unticked"
    else:
        view = neighbourhood(
            G,
            [focus] if focus else [],
            expanded=expanded,
            types=kinds,
            relations=rels,
            limit=limit,
        )
        what = f"{len(expanded)} expanded node{'s' if len(expanded) != 1 else ''}"
    elements = to_elements(G, view, focus=focus, expanded=expanded, layout=layout or "auto")
    n_nodes = len(view.nodes)
    status: list[Any] = [
        html.Strong(_count(n_nodes, "node", "nodes")),
        f", {_count(len(view.edges), 'link', 'links')} — {what}.",
    ]
    if focus:  # the status is a live region: a screen reader hears which node was selected
        status.insert(0, sr_only(f"{_label(G, focus)} selected: "))
    if view.hidden:
        said = _hidden(view.hidden, ladder=ladder_view, cut=n_nodes >= limit)
        status.append(html.Span(f" {said}", className="warn"))
    if focus and not ladder_view and n_nodes <= 1 and (kinds is not None or rels is not None):
        # the node alone, its details listing neighbours: the filters hide them all
        unfiltered = neighbourhood(G, [focus], expanded=expanded, limit=limit)
        if len(unfiltered.nodes) > n_nodes:
            them = _count(len(unfiltered.nodes) - n_nodes, "neighbour", "neighbours")
            status.append(
                html.Span(
                    f" The filters hide its {them}: tick more node types or relations.", className="warn"
                )
            )
    return elements, cytoscape_layout(layout or "auto", elements), status, not view.hidden


def _hidden(n: int, *, ladder: bool, cut: bool) -> str:
    """What the status says of the ``n`` nodes not drawn: in the ladder view they are
    roles, and when the cap did not cut (``cut``), roles on no career step.

    Examples
    --------
    >>> _hidden(3005, ladder=True, cut=False), _hidden(1, ladder=True, cut=True)
    ('3,005 roles with no career step not drawn.', '1 more role not drawn.')
    >>> _hidden(20, ladder=False, cut=True)
    '20 more not drawn.'
    """
    if not ladder:
        return f"{n:,} more not drawn."
    roles = "role" if n == 1 else "roles"
    return f"{n:,} more {roles} not drawn." if cut else f"{n:,} {roles} with no career step not drawn."


def _label(G: Any, iri: str) -> str:
    """The label of the node ``iri`` (the IRI when the graph does not hold it)."""
    from kg.explore import node_key

    key = node_key(G, iri)
    return str(G.nodes[key].get("label", iri)) if key in G else iri


EMPTY_DETAILS = "Search for a node, or tap or click one on the canvas, to see its details."
"""What the details panel says before a node is selected: on a touch screen a node is
tapped, and a keyboard reaches a node by the search box (the canvas's nodes are no stops
of the Tab order)."""


def details(store: Store, state: State | None) -> Any:
    """The details panel of the selected node (:data:`EMPTY_DETAILS` when none is)."""
    s = state or initial()
    focus = s.get("focus")
    if not focus:
        return details_panel(None, hint=EMPTY_DETAILS)
    try:
        d = node_details(store, focus)
    except UnknownEntity as err:
        return details_panel(None, hint=str(err))
    return details_panel(d, url=node_url(share_name(store, d.iri)))


def expand_button(state: State | None) -> tuple[str, bool]:
    """Label and disabled flag of the expand/collapse toggle.

    Examples
    --------
    >>> expand_button(initial("urn:a")), expand_button(initial())
    (('Collapse neighbours', False), ('Expand neighbours', True))
    """
    s = state or initial()
    focus = s.get("focus")
    if not focus:
        return "Expand neighbours", True
    return ("Collapse neighbours" if focus in (s.get("expanded") or []) else "Expand neighbours"), False


def url_of(store: Store, state: State | None) -> str:
    """The shareable URL of the view (``/`` or ``/node/<name>``)."""
    focus = (state or {}).get("focus")
    return node_url(share_name(store, focus)) if focus else "/"


def title_of(store: Store, state: State | None) -> str:
    """The browser title of the view: the label of the node selected, however its
    address names it (a fresh load of :func:`url_of`, an alt label, an IRI).

    A node whose label names another node too has its IRI in the address, and had it
    in its title: on ESCO 138 nodes, such as ESCO's "communication" beside the curated
    skill, were tabs titled "http://data.europa.eu/esco/skill/15d76317-… · careerkg
    Explorer".

    Examples
    --------
    >>> title_of(None, initial())
    'careerkg · Explorer'
    >>> title_of(Store.default(), initial("https://w3id.org/careerkg/id/skill/python"))
    'Python programming · careerkg Explorer'
    """
    focus = (state or {}).get("focus")
    if not focus:
        return page_title("Explorer")
    # quoted: page_title reads its names as address segments ("100%" is no escape)
    return page_title("Explorer", quote(_label(graph_of(store), focus), safe=""))


def title_for_name(store: Store, name: str | None) -> str:
    """The browser title of a fresh load of ``/node/<name>`` (``name`` as in the
    address): :func:`title_of` the view it shows; for a name no node has, that it was
    not found (the page shows the career ladder under an alert). A fresh load of
    ``/node/python`` was titled "python", of ``/node/DL`` "DL", while the page (and a
    Back to it) said "Python programming" and "deep learning"; ``/node/pytorh`` was
    titled "pytorh", a node that does not exist.

    Examples
    --------
    >>> store = Store.default()
    >>> title_for_name(store, "DL"), title_for_name(store, None)
    ('deep learning · careerkg Explorer', 'careerkg · Explorer')
    >>> title_for_name(store, "pytorh")
    '“pytorh” not found · careerkg Explorer'
    """
    wanted = unquote_name(name)
    state, message = state_from_name(store, wanted)
    if message and wanted:
        return page_title("Explorer", quote(f"“{wanted}” not found", safe=""))
    return title_of(store, state)


def follow_address(store: Store, state: State | None, path: str | None) -> State | None:
    """The state for an address the browser went to (Back or Forward), ``None`` when
    the view already shows it or the address is not the explorer's.

    Parameters
    ----------
    store : kg.store.Store
        The graph.
    state : dict or None
        The current view state.
    path : str or None
        The pathname without the app's prefix and slashes (``dash.strip_relative_path``):
        ``""`` for the career ladder, ``"node/<name>"`` for one node; ``None``: unknown.

    Returns
    -------
    dict or None
        The state a fresh load of that address shows, or ``None``.

    Examples
    --------
    >>> follow_address(None, initial(), "path/A/B") is None  # another page: not ours
    True
    """
    if path is None or (path and not path.startswith("node/")):
        return None
    new, _message = state_from_name(store, unquote_name(path.removeprefix("node/")))
    return None if new.get("focus") == (state or {}).get("focus") else new


def address(current: str | None, url: str) -> str | None:
    """The pathname to put in the address bar for ``url``; ``None`` when the bar already
    shows it (percent-encoded differently, perhaps), so no history entry is added.

    Examples
    --------
    >>> address("/node/deep%20learning", "/node/deep%20learning") is None
    True
    >>> address("/node/C%2B%2B", "/node/C++") is None
    True
    >>> address("/", "/node/Python")
    '/node/Python'
    """
    if current is not None and unquote(current) == unquote(url):
        return None
    return url
