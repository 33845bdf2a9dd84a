"""The path finder's effort chart drawn by Plotly in Chromium, for a path as long as
one through ESCO: its bars keep their room, and its legend and step labels do not run
into each other or out of the figure."""

from __future__ import annotations

import json
import math
from itertools import pairwise
from typing import Any

import pytest
from plotly.offline import get_plotlyjs

from dashboard.figures import AREAS_SHOWN, effort_figure, figure_table

pytestmark = [pytest.mark.browser]

# 76 steps with ESCO's long names, in 20 areas with long names
# the charts are drawn alone, in a page as wide as the chart: these are a chart's widths,
# not screen sizes (tests/dashboard/conftest.py names those)
CHART_DESKTOP = 950
"""The path finder's effort chart on a desktop: the width of its column."""
CHART_PHONE = 340
"""The effort chart on a phone: what a phone's width leaves it inside the page's margins."""
CHART_PAGE_HEIGHT = 900
"""The height of the page a chart is drawn in: room for the chart and its legend below."""

STEPS = [
    {
        "position": i + 1,
        "iri": f"s{i}",
        "label": f"communicate with a non-scientific audience {i}",
        "hours": 30 + i % 7 * 10,
    }
    for i in range(76)
]
AREAS = {
    f"s{i}": f"preparing documentation for contracts, applications, or permits {i % 20}" for i in range(76)
}


def _drawn(browser: Any, fig: dict[str, Any], width: int = CHART_DESKTOP) -> dict[str, Any]:
    """Draw ``fig`` in a page ``width`` px wide (:data:`CHART_DESKTOP`, :data:`CHART_PHONE`)
    and measure it."""
    context = browser.new_context(viewport={"width": width, "height": CHART_PAGE_HEIGHT})
    try:
        page = context.new_page()
        page.set_content(f'<body style="margin:0"><div id="chart" style="width:{width}px"></div></body>')
        page.add_script_tag(content=get_plotlyjs())
        return dict(
            page.evaluate(
                """async (fig) => {
                    const el = document.getElementById('chart');
                    await Plotly.newPlot(el, fig.data, fig.layout);
                    const box = (sel) => Array.from(el.querySelectorAll(sel)).map(n => n.getBoundingClientRect());
                    const ticks = box('.xtick text'), legend = box('.legend .bg')[0];
                    const yticks = box('.ytick text').concat(box('.y2tick text'));
                    return {
                        plot: el._fullLayout._size.h,
                        ticksBottom: Math.max(...ticks.map(b => b.bottom)),
                        legendTop: legend.top, legendBottom: legend.bottom,
                        height: el._fullLayout.height, width: el._fullLayout.width,
                        yLeft: Math.min(...yticks.map(b => b.left)), yRight: Math.max(...yticks.map(b => b.right)),
                        shown: ticks.length,
                        // where each step label ends (slanted, a label ends at its bar)
                        ends: ticks.map(b => b.right).sort((a, b) => a - b),
                    };
                }""",
                json.loads(json.dumps(fig)),
            )
        )
    finally:
        context.close()


def test_a_long_path_keeps_room_for_its_bars_and_apart_its_legend_and_labels(browser: Any) -> None:
    fig = effort_figure(STEPS, AREAS)
    drawn = _drawn(browser, fig)
    assert drawn["plot"] >= 200  # was -38 px: the labels and 21 legend entries took it all
    assert drawn["ticksBottom"] <= drawn["legendTop"]  # the legend below the step labels
    assert drawn["legendBottom"] <= drawn["height"]
    assert drawn["yLeft"] >= 0  # both axes' numbers inside the figure
    assert drawn["yRight"] <= drawn["width"]
    assert drawn["shown"] <= 40  # every second step labelled, not 76 over each other


def test_areas_beyond_the_palette_share_one_colour_and_keep_their_names() -> None:
    fig = effort_figure(STEPS, AREAS)
    bars = [t for t in fig["data"] if t["type"] == "bar"]
    assert len(bars) == AREAS_SHOWN + 1
    assert bars[-1]["name"] == "other areas"
    assert len({t["marker"]["color"] for t in bars}) == len(bars)  # no colour twice
    # each bar still says its own area: in the hover text and in the chart's table
    table = figure_table(fig, "step", group="skill area")
    by_step = {row[0]["text"]: row[1]["text"] for row in table["rows"]}
    assert len(by_step) == 76
    assert all(by_step[f"{s['position']}. {s['label']}"] == AREAS[s["iri"]] for s in STEPS)


def test_a_phone_labels_as_many_steps_as_its_chart_holds(browser: Any) -> None:
    """35 steps in a phone's chart (340 px, some 220 px of plot): every label was written,
    6 px apart, one over the other; Plotly now labels every third or so."""
    steps = STEPS[:35]
    phone = _drawn(browser, effort_figure(steps, AREAS), width=CHART_PHONE)
    gaps = [b - a for a, b in zip(phone["ends"], phone["ends"][1:], strict=False)]
    assert 5 <= phone["shown"] < 35, phone["shown"]
    assert min(gaps) >= 12, gaps  # a 12 px line of text, slanted, needs about that much
    desktop = _drawn(browser, effort_figure(steps, AREAS))
    assert desktop["shown"] == 35  # room for each step on a desktop
    # the labels are cut short as before, the hover names the step in full (wrapped)
    fig = effort_figure(steps, AREAS)
    long = f"1. {steps[0]['label']}"
    assert fig["layout"]["xaxis"]["labelalias"][long].endswith("…")
    assert fig["data"][0]["customdata"][0][0].replace("<br>", " ") == long


# ESCO's longest names on a path to data scientist, 80 letters and more
LONG = [
    "apply research ethics and scientific integrity principles in research activities",
    "promote the participation of citizens in scientific and research activities",
    "manage findable accessible interoperable and reusable data",
    "develop professional network with researchers and scientists",
]
ESCO_STEPS = [
    {"position": i + 1, "iri": f"e{i}", "label": LONG[i % len(LONG)], "hours": 30.0 + i} for i in range(40)
]
ESCO_AREAS = {f"e{i}": "conducting studies, investigations and examinations" for i in range(40)}


@pytest.mark.parametrize("width", [CHART_DESKTOP, CHART_PHONE])
def test_the_hover_of_a_long_name_stays_in_the_chart(browser: Any, width: int) -> None:
    """The hover box of a step named in 80 letters was 690 px wide, on one line: off
    both sides of a phone's chart, the name unreadable; it wraps now."""
    fig = effort_figure(ESCO_STEPS, ESCO_AREAS)
    context = browser.new_context(viewport={"width": width, "height": CHART_PAGE_HEIGHT})
    try:
        page = context.new_page()
        page.set_content(f'<body style="margin:0"><div id="chart" style="width:{width}px"></div></body>')
        page.add_script_tag(content=get_plotlyjs())
        for point in (1, 20, 38):  # at the left, in the middle, at the right
            box = page.evaluate(
                """async ([fig, point]) => {
                    const el = document.getElementById('chart');
                    await Plotly.newPlot(el, fig.data, fig.layout);
                    Plotly.Fx.hover(el, [{curveNumber: 0, pointNumber: point}]);
                    const r = el.querySelector('.hoverlayer .hovertext').getBoundingClientRect();
                    return {left: r.left, right: r.right, text: el.querySelector('.hoverlayer').textContent};
                }""",
                [json.loads(json.dumps(fig)), point],
            )
            assert box["left"] >= 0, box
            assert box["right"] <= width + 1, box
            assert LONG[point % len(LONG)].replace(" ", "") in box["text"].replace(" ", "")
    finally:
        context.close()


def test_a_phone_shows_each_area_name_of_the_legend_whole(browser: Any) -> None:
    """On a phone (a 340 px chart) the legend's long ESCO area names ran out of the
    chart: 'conducting studies, investigations and examinatio' was all one read. They
    wrap between words now."""
    areas = {**ESCO_AREAS, "e1": "preparing documentation for contracts, applications, or permits"}
    fig = effort_figure(ESCO_STEPS, areas)
    context = browser.new_context(viewport={"width": CHART_PHONE, "height": CHART_PAGE_HEIGHT})
    try:
        page = context.new_page()
        page.set_content(
            f'<body style="margin:0"><div id="chart" style="width:{CHART_PHONE}px"></div></body>'
        )
        page.add_script_tag(content=get_plotlyjs())
        drawn = page.evaluate(
            """async (fig) => {
                const el = document.getElementById('chart');
                await Plotly.newPlot(el, fig.data, fig.layout);
                const texts = Array.from(el.querySelectorAll('.legend .legendtext'));
                return {
                    right: Math.max(...texts.map(n => n.getBoundingClientRect().right)),
                    names: texts.map(n => n.textContent),
                    plot: el._fullLayout._size.h,
                };
            }""",
            json.loads(json.dumps(fig)),
        )
    finally:
        context.close()
    assert drawn["right"] <= CHART_PHONE, drawn
    joined = " ".join(drawn["names"]).replace(" ", "")
    for name in set(areas.values()):
        assert name.replace(" ", "") in joined
    assert drawn["plot"] >= 200  # the bars keep their room under a taller legend


def _cumulative_ticks(browser: Any, fig: dict[str, Any], width: int = CHART_DESKTOP) -> list[str]:
    context = browser.new_context(viewport={"width": width, "height": CHART_PAGE_HEIGHT})
    try:
        page = context.new_page()
        page.set_content(f'<body style="margin:0"><div id="chart" style="width:{width}px"></div></body>')
        page.add_script_tag(content=get_plotlyjs())
        return list(
            page.evaluate(
                """async (fig) => {
                    const el = document.getElementById('chart');
                    await Plotly.newPlot(el, fig.data, fig.layout);
                    return Array.from(el.querySelectorAll('.y2tick text')).map(n => n.textContent);
                }""",
                json.loads(json.dumps(fig)),
            )
        )
    finally:
        context.close()


@pytest.mark.parametrize(
    ("hours", "top"),
    [([106.7, 53.3, 40, 40, 20], 260), ([30 + i % 7 * 10 for i in range(68)], 4_030)],
)
def test_the_cumulative_axis_counts_in_round_hours(browser: Any, hours: list[float], top: float) -> None:
    """Lead ML Engineer → Data Analyst (260 h) read 0, 49.5, 99, 148.5, 198, 247.6 on
    the cumulative axis, its top tick under the line's end; a long path 910, 1820, 2730
    (on ESCO 765, 1529, 2294, 3058): Plotly synced the ticks to the hours axis's grid."""
    steps = [
        {"position": i + 1, "iri": f"s{i}", "label": f"skill {i}", "hours": h} for i, h in enumerate(hours)
    ]
    for width in (CHART_DESKTOP, CHART_PHONE):
        ticks = _cumulative_ticks(browser, effort_figure(steps), width)
        values = [float(t.replace(",", "")) for t in ticks]
        assert len(values) >= 3, ticks
        assert all(v == int(v) for v in values), ticks
        step = values[1] - values[0]
        mantissa = step / 10 ** math.floor(math.log10(step))
        assert mantissa in (1, 2, 2.5, 5), ticks  # a round step: 50, 100, 500, 1,000...
        assert all(b - a == step for a, b in pairwise(values)), ticks
        assert sum(hours) == pytest.approx(top, abs=1)


def test_a_phone_keeps_room_for_the_bars_under_a_long_legend(browser: Any) -> None:
    """The legend's names wrapped (LEGEND_LINE), the chart's height counted them two to
    a row, as a desktop lays them out; a phone lays them one to a row, and its bars
    were left 159 px of a path through ESCO (272 px before the names wrapped)."""
    drawn = _drawn(browser, effort_figure(STEPS, AREAS), width=CHART_PHONE)
    assert drawn["plot"] >= 200, drawn
    assert drawn["ticksBottom"] <= drawn["legendTop"]
    desktop = _drawn(browser, effort_figure(STEPS, AREAS))
    assert desktop["plot"] >= 200, desktop
