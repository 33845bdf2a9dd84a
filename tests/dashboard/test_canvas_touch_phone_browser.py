"""The graph canvases on a phone's touch screen (390 x 844): one finger scrolls the page
past a canvas, two fingers move and zoom the graph, a tap on a node still selects it,
and each canvas is as tall as its graph needs.

Cytoscape took every drag that began on a canvas for a pan (or a node's move): a phone
user's thumb on the explorer's graph, 442 px of the screen's 844, moved the graph and
never the page, and the details below it could be reached only by dragging elsewhere.
The canvases were a fixed height whatever they drew: the explorer's 26 nodes round deep
learning took 295 px of its 442, the path finder's and the gaps page's graphs a third
of their 500 px, the rest empty dots.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dashboard import ids
from tests.dashboard.conftest import DESKTOP, PHONE
from tests.dashboard.test_browser import CY, Page, open_page

pytestmark = [pytest.mark.browser, pytest.mark.server]

CANVASES = {
    "explorer": ("/node/deep%20learning", ids.EX_CANVAS, "#details-title"),
    "ladder": ("/", ids.EX_CANVAS, ".canvas-bar"),
    "path": ("/path/Data%20Analyst/Machine%20Learning%20Engineer", ids.PATH_CANVAS, "#path-step-list .step"),
    "gaps": ("/gaps?example=ml-bootcamp.csv", ids.GAPS_CANVAS, "#gaps-findings li"),
}

# the canvas's box on the page and the drawing's (its elements, labels included) in it,
# in CSS pixels; the viewport's pan and zoom; where each node is in the graph's coordinates
DRAWN = f"""(id) => {{
    const cy = ({CY})(id); const box = cy.container().getBoundingClientRect();
    const bb = cy.elements().renderedBoundingBox();
    return {{top: box.top + scrollY, height: box.height, width: box.width,
             drawn: {{top: bb.y1, bottom: bb.y2, left: bb.x1, right: bb.x2, w: bb.w, h: bb.h}},
             pan: cy.pan(), zoom: cy.zoom(), scroll: scrollY,
             nodes: Object.fromEntries(cy.nodes().map(n => [n.id(), n.position()]))}};
}}"""


@pytest.fixture
def phone(browser: Any, server: str) -> Iterator[Page]:
    """A page on a phone: its size, and a touch screen."""
    yield from open_page(browser, server, PHONE, has_touch=True, is_mobile=True)


def _open(phone: Page, name: str) -> str:
    """Open the page of the canvas ``name`` and wait until its graph is drawn and still."""
    address, canvas, ready = CANVASES[name]
    phone.goto(address)
    phone.page.wait_for_selector(ready, timeout=30_000)
    phone.wait_cy(canvas, "cy.nodes().length > 1", timeout=30_000)
    phone.page.wait_for_timeout(700)  # the layout, and the canvas fitted to it
    return canvas


def _drag(phone: Page, x: float, y: float, dy: float, fingers: int = 1, spread: float = 0) -> None:
    """A drag of ``fingers`` fingers (60 px apart, moving ``spread`` px further apart)
    from (x, y) in the window, ``dy`` px up, through the browser's own touch input."""
    cdp = phone.context.new_cdp_session(phone.page)

    def points(k: float) -> list[dict[str, float]]:
        gap = 60 + spread * k
        return [{"x": x + gap * i, "y": y - dy * k} for i in range(fingers)]

    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": points(0)})
    for step in range(1, 13):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": points(step / 12)})
        phone.page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    phone.page.wait_for_timeout(400)
    cdp.detach()


def _node_at(phone: Page, canvas: str, node: str) -> dict[str, float]:
    """Where the node ``node`` is drawn in the window."""
    return phone.page.evaluate(
        f"""([id, nid]) => {{ const cy = ({CY})(id); const p = cy.getElementById(nid).renderedPosition();
            const box = cy.container().getBoundingClientRect(); return {{x: box.left + p.x, y: box.top + p.y}}; }}""",
        [canvas, node],
    )


@pytest.mark.parametrize("name", ["explorer", "path", "gaps"])
def test_one_finger_scrolls_the_page_past_a_canvas(phone: Page, name: str) -> None:
    canvas = _open(phone, name)
    before = phone.page.evaluate(DRAWN, canvas)
    # the canvas's top edge 60 px under the window's top, room below it to scroll
    phone.page.evaluate(f"scrollTo(0, {before['top'] - 60})")
    phone.page.wait_for_timeout(200)
    start = phone.page.evaluate(DRAWN, canvas)
    # a thumb on the canvas's empty corner, and one on a node, drawn up the screen
    _drag(phone, 12, 80, 250)
    after_empty = phone.page.evaluate(DRAWN, canvas)
    assert after_empty["scroll"] >= start["scroll"] + 150, (name, start["scroll"], after_empty["scroll"])
    assert after_empty["pan"] == start["pan"]
    assert after_empty["zoom"] == start["zoom"]
    phone.page.evaluate(f"scrollTo(0, {before['top'] - 60})")
    phone.page.wait_for_timeout(200)
    node = phone.cy(canvas, "cy.nodes().filter(n => n.renderedPosition('y') > 60).first().id()")
    at = _node_at(phone, canvas, node)
    _drag(phone, at["x"], at["y"], 250)
    after_node = phone.page.evaluate(DRAWN, canvas)
    assert after_node["scroll"] >= start["scroll"] + 150, (name, node, start["scroll"], after_node["scroll"])
    assert after_node["nodes"] == start["nodes"]  # the node stayed where it was drawn
    assert after_node["pan"] == start["pan"]


def test_two_fingers_move_and_zoom_the_graph(phone: Page) -> None:
    canvas = _open(phone, "explorer")
    start = phone.page.evaluate(DRAWN, canvas)
    top = start["top"] - start["scroll"]
    _drag(phone, 100, top + 300, 120, fingers=2)
    moved = phone.page.evaluate(DRAWN, canvas)
    assert moved["scroll"] == start["scroll"]  # the page stayed
    assert moved["pan"]["y"] == pytest.approx(start["pan"]["y"] - 120, abs=15)
    assert moved["zoom"] == pytest.approx(start["zoom"])
    _drag(phone, 100, top + 200, 0, fingers=2, spread=120)  # fingers 60 px apart, then 180
    zoomed = phone.page.evaluate(DRAWN, canvas)
    assert zoomed["zoom"] == pytest.approx(3 * start["zoom"], rel=0.1)
    assert zoomed["scroll"] == start["scroll"]
    assert zoomed["nodes"] == start["nodes"]


def test_a_tap_on_a_node_selects_it(phone: Page) -> None:
    canvas = _open(phone, "explorer")
    node = phone.cy(canvas, "cy.nodes().filter(n => n.data('label') === 'PyTorch').first().id()")
    at = _node_at(phone, canvas, node)
    phone.page.touchscreen.tap(at["x"], at["y"])
    phone.page.wait_for_function("document.getElementById('details-title')?.textContent === 'PyTorch'")
    phone.page.wait_for_url("**/node/PyTorch")


@pytest.mark.parametrize("name", list(CANVASES))
def test_a_canvas_on_a_phone_is_as_tall_as_its_graph(phone: Page, name: str) -> None:
    canvas = _open(phone, name)
    box = phone.page.evaluate(DRAWN, canvas)
    drawn, most = box["drawn"], 0.7 * PHONE["height"]
    # the graph fills the canvas's width, or its height when that is all it may take
    # (some 590 px: the rest of the page stays in reach)
    assert box["height"] <= most + 1, box
    fills_width = drawn["w"] >= box["width"] - 2 * 50
    assert fills_width or box["height"] >= most - 1, (name, box["width"], box["height"], drawn)
    # no band of empty canvas above or below it wider than a label's room
    assert drawn["top"] <= 50, (name, box["height"], drawn)
    assert box["height"] - drawn["bottom"] <= 50, (name, box["height"], drawn)


def test_a_canvas_keeps_its_height_on_a_desktop(page: Page) -> None:
    """Beside the details on a desktop the explorer's canvas fills the window's height, as before."""
    page.page.set_viewport_size(DESKTOP)
    page.goto("/node/deep%20learning")
    page.wait_cy(ids.EX_CANVAS, "cy.nodes().length > 1")
    page.page.wait_for_timeout(500)
    box = page.page.evaluate(DRAWN, ids.EX_CANVAS)
    assert box["height"] >= DESKTOP["height"] - 52 - 42 - 90, box  # bar, status and legend


FIT_ZOOM = 1.5  # window.careerkg.canvas.FIT_ZOOM


def _one_role(page: Page) -> dict[str, Any]:
    page.goto("/path/Data%20Scientist/Data%20Scientist")
    page.wait_cy(ids.PATH_CANVAS, "cy.nodes().length === 1", timeout=30_000)
    page.page.wait_for_timeout(700)  # the layout, and the canvas fitted to it
    return page.page.evaluate(DRAWN, ids.PATH_CANVAS)  # type: ignore[no-any-return]


def test_a_graph_of_one_role_is_drawn_at_its_size_on_a_desktop(page: Page) -> None:
    """Fitted to the whole canvas, a path of a role or two was drawn at the canvas's
    largest zoom, three times its size, labels some 30 px high."""
    page.page.set_viewport_size(DESKTOP)
    box = _one_role(page)
    assert box["zoom"] == pytest.approx(FIT_ZOOM), box
    # centred
    middle = (box["drawn"]["left"] + box["drawn"]["right"]) / 2
    assert abs(middle - box["width"] / 2) <= 2, box


def test_a_graph_of_one_role_is_drawn_at_its_size_on_a_phone(phone: Page) -> None:
    box = _one_role(phone)
    assert box["zoom"] == pytest.approx(FIT_ZOOM), box
    assert box["drawn"]["top"] >= 0, box
    assert box["drawn"]["bottom"] <= box["height"], box
