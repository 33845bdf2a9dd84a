"""What people who use a screen reader, or see poorly, meet on the pages: one h1 and
an orderly outline per page, canvases and charts that say where their text is, status
messages in live regions, and colours that keep their contrast.

The browser side (names of Dash's own controls, focus after an action) is in
``test_accessibility_browser.py``.
"""

from __future__ import annotations

import importlib
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dash_cytoscape as cyto
import pytest
from dash import dcc, html

import dashboard
from dashboard import components, figures
from dashboard.urls import path_url
from dashboard.views import explorer, gaps, overview, path
from kg.explore import Details, Link, Section
from kg.store import Store

SWE = "https://w3id.org/careerkg/id/role/software-engineer"
MLE = "https://w3id.org/careerkg/id/role/machine-learning-engineer"
CSS = Path(dashboard.__file__).resolve().parent / "assets" / "style.css"

PAGES = [
    ("explorer", {}),
    ("explorer", {"name": "deep%20learning"}),
    ("path", {}),
    ("path", {"source": "Software%20Engineer", "target": "Machine%20Learning%20Engineer"}),
    ("query", {}),
    ("overview", {}),
    ("gaps", {}),
    ("gaps", {"example": "ml-bootcamp.csv"}),
    ("about", {}),
    ("not_found_404", {}),
]


# ------------------------------------------------------------------ helpers


def _props(component: Any) -> dict[str, Any]:
    return component.to_plotly_json()["props"] if hasattr(component, "to_plotly_json") else {}


def _kids(component: Any) -> list[Any]:
    children = getattr(component, "children", None)
    if children is None or isinstance(children, str | int | float):
        return []
    return list(children) if isinstance(children, list | tuple) else [children]


def walk(component: Any, parent: Any = None) -> Iterator[tuple[Any, Any]]:
    """``(component, parent)`` for every component of a tree, depth first."""
    if component is None or isinstance(component, str | int | float):
        return
    yield component, parent
    for child in _kids(component):
        yield from walk(child, component)


def spoken(component: Any) -> str:
    """The text a screen reader reads from a tree: strings joined as the browser joins
    inline text (no space added between elements), ``aria-hidden`` parts left out."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return "".join(spoken(c) for c in component)
    if _props(component).get("aria-hidden") == "true":
        return ""
    return spoken(getattr(component, "children", None))


def shown(component: Any) -> str:
    """The text a tree shows on the screen: as :func:`spoken`, with the visually hidden
    (``sr-only``) parts left out and the ``aria-hidden`` ones kept."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return "".join(shown(c) for c in component)
    if "sr-only" in str(_props(component).get("className") or "").split():
        return ""
    return shown(getattr(component, "children", None))


@pytest.fixture(scope="module")
def layouts(store: Store) -> dict[str, Any]:
    """Every page's layout, by ``module?args``, on the shipped graph."""
    from dashboard.app import create_app

    app = create_app(store, warm=False)
    out = {}
    with app.server.app_context():
        for module, args in PAGES:
            page = importlib.import_module(f"dashboard.pages.{module}")
            out[f"{module}?{args}"] = page.layout(**args)
    return out


# ------------------------------------------------------------------ outline


@pytest.mark.parametrize("key", [f"{m}?{a}" for m, a in PAGES])
def test_every_page_has_one_h1_and_no_skipped_heading_level(layouts: dict[str, Any], key: str) -> None:
    levels = [
        int(type(c).__name__[1])
        for c, _ in walk(layouts[key])
        if type(c).__name__ in {"H1", "H2", "H3", "H4", "H5", "H6"}
    ]
    assert levels.count(1) == 1, levels
    assert levels[0] == 1, levels
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels


def test_the_served_page_has_a_language_and_no_empty_footer_landmark(store: Store) -> None:
    from dashboard.app import create_app

    page = create_app(store, warm=False).server.test_client().get("/").get_data(as_text=True)
    assert '<html lang="en">' in page
    # the footer held only Dash's scripts: screen readers listed an empty "content info" landmark
    assert "<footer" not in page


# ------------------------------------------------------------------ names and words


def test_legends_are_lists_of_items() -> None:
    edge = {"data": {"id": "a|teaches|b", "source": "a", "target": "b", "relation": "teaches"}}
    legend = components.legend(["role", "skill"])
    assert _props(legend)["role"] == "list"
    assert [_props(item).get("role") for item in legend.children] == ["listitem", "listitem"]
    assert [_props(item).get("role") for item in components.relation_legend([edge])] == ["listitem"]


def test_a_details_section_reads_its_count_as_a_word_of_its_own() -> None:
    panel = components.details_panel(
        Details(
            "urn:a", "Python", "skill", sections=[Section("Prerequisites", [Link("urn:b", "Logic", "skill")])]
        )
    )
    summary = next(c for c, _ in walk(panel) if isinstance(c, html.Summary))
    assert spoken(summary) == "Prerequisites 1"  # was "Prerequisites1"


def test_a_step_reads_its_running_total_in_words() -> None:
    steps = components.step_list(
        [
            {"position": 1, "label": "calculus", "hours": 80, "iri": "urn:c", "type": "skill"},
            {"position": 2, "label": "statistics", "hours": 100, "iri": "urn:s", "type": "skill"},
        ]
    )
    totals = [c for c, _ in walk(steps) if _props(c).get("className") == "step-cum"]
    assert [spoken(t) for t in totals] == ["80 h in all so far", "180 h in all so far"]  # was "Σ 80 h"
    assert [shown(t) for t in totals] == ["Σ 80 h", "Σ 180 h"]  # as before, on the screen


def test_the_roles_of_a_path_read_as_a_sentence(store: Store) -> None:
    shown = path.render(store, path.compute(store, SWE, MLE, []))
    assert spoken(html.Div(shown["roles"])) == "Software Engineer to Machine Learning Engineer"


def test_the_explorer_status_names_the_node_selected(store: Store) -> None:
    state, _ = explorer.state_from_name(store, "deep learning")
    _elements, _layout, status, _hidden = explorer.canvas(store, state, None, None, "auto")
    assert spoken(status).startswith("deep learning selected: ")
    _elements, _layout, ladder, _hidden = explorer.canvas(store, explorer.initial(), None, None, "auto")
    assert "selected" not in spoken(ladder)


def _status(tree: Any) -> str:
    found = [c for c, _ in walk(tree) if _props(c).get("role") == "status"]
    assert len(found) == 1, "one status region"
    return spoken(found[0])


def test_a_path_found_is_announced(store: Store, layouts: dict[str, Any]) -> None:
    result = path.compute(store, SWE, MLE, [])
    steps = len(result["path"]["steps"])
    said = path.announcement(result)
    assert said == (
        f"Learning path from Software Engineer to Machine Learning Engineer found: {steps} steps, 1,658 hours."
    )
    assert path.announcement(None) == ""
    # an error has its alert
    assert path.announcement({"path": None, "error": "unknown role name 'X'", "known": []}) == ""
    shown = layouts["path?{'source': 'Software%20Engineer', 'target': 'Machine%20Learning%20Engineer'}"]
    assert _status(shown) == said
    assert _status(layouts["path?{}"]) == ""


def test_the_path_finders_answer_updates_the_announcement(store: Store) -> None:
    from dashboard.app import create_app

    app = create_app(store, warm=False)
    from dashboard.pages import path as page

    with app.server.app_context():
        found = page._find(1, SWE, [], MLE, 0)
        missing = page._find(2, SWE, [], None, 0)
    assert found[-1] == path.announcement(path.compute(store, SWE, MLE, []))
    assert missing[-1] == ""


def test_a_checked_curriculum_is_announced(layouts: dict[str, Any]) -> None:
    said = _status(layouts["gaps?{'example': 'ml-bootcamp.csv'}"])
    assert said.startswith("ML bootcamp checked: 20 gaps found: 5 missing prerequisites")
    assert _status(layouts["gaps?{}"]) == ""


# ------------------------------------------------------------------ canvases and charts


@pytest.mark.parametrize(
    ("key", "alternative"),
    [
        ("explorer?{'name': 'deep%20learning'}", "Details"),
        ("path?{'source': 'Software%20Engineer', 'target': 'Machine%20Learning%20Engineer'}", "Steps"),
        ("gaps?{'example': 'ml-bootcamp.csv'}", "Findings"),
    ],
)
def test_every_canvas_is_an_image_that_names_its_text_alternative(
    layouts: dict[str, Any], key: str, alternative: str
) -> None:
    tree = layouts[key]
    frames = [parent for c, parent in walk(tree) if isinstance(c, cyto.Cytoscape)]
    assert len(frames) == 1
    props = _props(frames[0])
    assert props.get("role") == "img"
    assert alternative in props.get("aria-label", "")
    # the alternative named is on the page
    texts = {spoken(c) for c, _ in walk(tree) if type(c).__name__ in {"H1", "H2"}} | {
        _props(c).get("aria-label") for c, _ in walk(tree)
    }
    assert alternative in texts


def _charts(tree: Any) -> list[tuple[dcc.Graph, Any]]:
    return [(c, parent) for c, parent in walk(tree) if isinstance(c, dcc.Graph)]


@pytest.mark.parametrize(
    ("key", "count"),
    [
        ("overview?{}", 3),
        ("path?{'source': 'Software%20Engineer', 'target': 'Machine%20Learning%20Engineer'}", 1),
        ("gaps?{'example': 'ml-bootcamp.csv'}", 2),
    ],
)
def test_every_chart_is_a_named_figure_with_its_data_as_a_table(
    layouts: dict[str, Any], key: str, count: int
) -> None:
    charts = _charts(layouts[key])
    assert len(charts) == count
    for graph, parent in charts:
        fig = graph.figure if isinstance(graph.figure, dict) else graph.figure.to_dict()
        title = fig["layout"]["title"]["text"]
        assert isinstance(parent, html.Figure)
        assert _props(parent).get("aria-label") == title
        tables = [c for c, _ in walk(parent) if isinstance(c, html.Table)]
        assert len(tables) == 1
        bars = {
            str(v)
            for t in fig["data"]
            if t["type"] == "bar"
            for v in t["y" if t.get("orientation") == "h" else "x"]
        }
        body = [row for c, _ in walk(tables[0]) if isinstance(c, html.Tbody) for row in _kids(c)]
        assert len(body) == len(bars), title


def test_the_roles_chart_as_a_table_links_each_role_to_its_path(store: Store) -> None:
    data = overview.overview(store)
    roles = data["figures"][0]
    table = figures.figure_table(roles, "role")
    assert table["header"] == ["role", "learning hours"]
    assert table["notes"][0].startswith("Learning each role's skills and prerequisites.")
    bars = roles["data"][0]
    top = bars["y"][-1]  # Plotly draws the last bar at the top: the fewest hours
    first = table["rows"][0]
    assert first[0] == {"text": top, "href": path_url(None, top)}
    assert first[1]["text"] == f"{bars['x'][-1]:,.0f}"
    assert [row[0]["text"] for row in table["rows"]] == list(reversed(bars["y"]))
    # a keyboard reaches the same address a click on the bar opens
    shown = components.chart(roles, "overview-roles-chart", {}, "role")
    links = [c for c, _ in walk(shown) if isinstance(c, dcc.Link)]
    assert [link.href for link in links] == [path_url(None, r) for r in reversed(bars["y"])]


def test_the_effort_chart_as_a_table_gives_each_steps_area_in_words(store: Store) -> None:
    result = path.compute(store, SWE, MLE, [])
    fig = path.render(store, result)["figure"]
    table = figures.figure_table(fig, "step", group="skill area")
    assert table["header"] == ["step", "skill area", "hours", "cumulative hours"]
    assert [c["text"] for c in table["rows"][0]] == ["1. calculus", "Mathematics", "80", "80"]
    # in the order of the steps, not grouped by area as the bars' traces are
    assert [row[0]["text"] for row in table["rows"]] == [
        f"{s['position']}. {s['label']}" for s in result["path"]["steps"]
    ]
    assert table["rows"][-1][-1]["text"] == "1,658"


def test_the_coverage_chart_as_a_table_keeps_its_bar_texts(store: Store) -> None:
    report = gaps.analyse(store, *gaps.load_example("ml-bootcamp.csv"))["report"]
    table = figures.figure_table(gaps.coverage_figure(report["coverage"]), "role", values="covered")
    assert [[c["text"] for c in row] for row in table["rows"]] == [
        ["Data Scientist", "84.6% (22/26)"],
        ["Machine Learning Engineer", "69.7% (23/33)"],
    ]


def test_the_areas_chart_as_a_table_says_what_the_rest_adds_up_to() -> None:
    fig = figures.hours_by_area_figure({"A": 9.0, "B": 5.0, "C": 1.0}, top=1)
    table = figures.figure_table(fig, "skill area")
    assert [[c["text"] for c in row] for row in table["rows"]] == [["A", "9"]]
    assert table["notes"] == ["The largest 1 of 3 areas holding skills; the other 2 take 6 h in all."]


# ------------------------------------------------------------------ contrast


def _luminance(colour: str) -> float:
    h = colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours.

    >>> round(contrast("#000000", "#ffffff"), 1)
    21.0
    """
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _css() -> tuple[dict[str, str], dict[str, str]]:
    """The stylesheet's ``:root`` variables and its rules (selector -> the declarations
    of its rules, those for narrow windows, in media queries, left out)."""
    text = re.sub(r"/\*.*?\*/", "", CSS.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", text)
    rules: dict[str, str] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        for sel in selectors.split(","):
            key = " ".join(sel.split())
            rules[key] = rules.get(key, "") + ";" + body
    variables = dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", rules[":root"]))
    return {k: v.strip() for k, v in variables.items()}, rules


def _colour(value: str, variables: dict[str, str]) -> str:
    """The first colour in a declaration value, ``var(--x)`` resolved."""
    value = re.sub(r"var\((--[\w-]+)\)", lambda m: variables[m.group(1)], value)
    found = re.search(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b", value)
    assert found, value
    return found.group(0)


def _declaration(rules: dict[str, str], selector: str, prop: str) -> str:
    found = re.search(rf"(?:^|;)\s*{re.escape(prop)}\s*:\s*([^;]+)", rules[selector])
    assert found, (selector, prop)
    return found.group(1)


def test_body_text_keeps_4_5_to_1_on_every_background_it_is_set_on() -> None:
    variables, _rules = _css()
    ink, muted = variables["--ink"], variables["--muted"]
    backgrounds = {
        "page": variables["--bg"],
        "panel": variables["--panel"],
        "path step": "#fff7f6",
        "tile": "#f3f6fa",
        "count and table head": "#eef1f5",
    }
    for where, bg in backgrounds.items():
        assert contrast(ink, bg) >= 4.5, where
        assert contrast(muted, bg) >= 4.5, where
    assert contrast(variables["--accent"], variables["--panel"]) >= 4.5  # links
    assert contrast(variables["--danger"], "#fdecea") >= 4.5  # alerts


def test_the_focus_ring_stands_out_3_to_1_wherever_it_is_drawn() -> None:
    variables, rules = _css()
    ring = _colour(_declaration(rules, ":focus-visible", "outline"), variables)
    for bg in (variables["--bg"], variables["--panel"]):
        assert contrast(ring, bg) >= 3, ring  # the yellow ring was 1.6:1 on the white panels
    topbar = _colour(_declaration(rules, ".topbar", "background"), variables)
    on_bar = _colour(_declaration(rules, ".topbar :focus-visible", "outline"), variables)
    assert contrast(on_bar, topbar) >= 3


def test_field_boundaries_stand_out_3_to_1() -> None:
    variables, rules = _css()
    panel = variables["--panel"]
    editor = _colour(_declaration(rules, ".editor", "border"), variables)
    upload = _colour(_declaration(rules, ".upload", "border"), variables)
    assert contrast(editor, "#fbfcfe") >= 3, editor  # the editor's border was 1.3:1
    assert contrast(upload, panel) >= 3, upload  # the drop zone's was 2.5:1


def test_a_focused_element_is_not_hidden_under_the_sticky_top_bar() -> None:
    # Shift+Tab up the path's steps scrolled each link to the window's top edge, under
    # the bar (52 px, sticky on wide windows)
    _variables, rules = _css()
    bar = float(_declaration(rules, ".topbar", "height").removesuffix("px"))
    padding = float(_declaration(rules, "html", "scroll-padding-top").removesuffix("px"))
    assert padding >= bar + 8


def test_the_current_page_is_marked_by_more_than_a_tint() -> None:
    variables, rules = _css()
    topbar = _colour(_declaration(rules, ".topbar", "background"), variables)
    mark = _colour(_declaration(rules, '.nav-link[aria-current="page"]', "box-shadow"), variables)
    assert contrast(mark, topbar) >= 3


def _bars(fig: Any) -> list[dict[str, Any]]:
    data = fig if isinstance(fig, dict) else fig.to_dict()
    return [t for t in data["data"] if t["type"] == "bar"]


def _all_figures(store: Store) -> dict[str, Any]:
    report = gaps.analyse(store, *gaps.load_example("ml-bootcamp.csv"))["report"]
    complete = [{"role": {"label": "R"}, "percent": 100.0, "essential": 2, "covered": 2, "uncovered": []}]
    roles, central, areas = overview.overview(store)["figures"]
    return {
        "effort": path.render(store, path.compute(store, SWE, MLE, []))["figure"],
        "roles": roles,
        "central": central,
        "areas": areas,
        "terms": gaps.term_figure(report),
        "coverage": gaps.coverage_figure(report["coverage"] + complete),
    }


def _colours(value: Any, n: int) -> list[str]:
    return list(value) if isinstance(value, list | tuple) else [value] * n


def test_every_bar_stands_out_3_to_1_from_the_white_plot(store: Store) -> None:
    for name, fig in _all_figures(store).items():
        for bar in _bars(fig):
            n = len(bar.get("x") or [])
            line = (bar.get("marker") or {}).get("line") or {}
            outlined = float(line.get("width") or 0) >= 1 and contrast(str(line.get("color")), "#ffffff") >= 3
            for colour in _colours(bar["marker"]["color"], n):
                assert outlined or contrast(colour, "#ffffff") >= 3, (name, bar.get("name"), colour)


def test_text_on_a_bar_keeps_4_5_to_1(store: Store) -> None:
    for name, fig in _all_figures(store).items():
        for bar in _bars(fig):
            if not (bar.get("text") or bar.get("texttemplate")):
                continue
            n = len(bar.get("x") or [])
            inside = _colours((bar.get("insidetextfont") or {}).get("color"), n)
            for colour, fill in zip(inside, _colours(bar["marker"]["color"], n), strict=True):
                assert colour, (name, "text colour not set: Plotly put white on the skill green, 3.4:1")
                assert contrast(colour, fill) >= 4.5, (name, colour, fill)
            outside = (bar.get("outsidetextfont") or {}).get("color")
            assert outside, name
            assert contrast(outside, "#ffffff") >= 4.5, name


def test_the_known_skills_note_is_said_without_a_second_status(layouts: dict[str, Any]) -> None:
    # a 'Select All' undone is said where it is written (a polite live region), while the
    # path found stays the page's one status region
    shown = layouts["path?{'source': 'Software%20Engineer', 'target': 'Machine%20Learning%20Engineer'}"]
    note = next(c for c, _ in walk(shown) if _props(c).get("id") == "path-know-note")
    assert _props(note).get("aria-live") == "polite"
    assert _props(note).get("role") is None
