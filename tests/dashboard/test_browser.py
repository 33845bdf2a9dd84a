"""The Dash app in a real headless Chromium against a real ``careerkg serve``.

One server and one browser per module; each test opens its own page and fails when
the page logged a console error or raised.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.server import running_server

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = [pytest.mark.browser, pytest.mark.server]

# the cytoscape.js instance behind a dash-cytoscape component
CY = "(id) => document.getElementById(id)._cyreg.cy"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running_server(["--workers", "1"]) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is missing; CI must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A browser page that records console errors and page errors."""

    def __init__(
        self, browser: Any, base: str, viewport: dict[str, int] | None = None, **options: Any
    ) -> None:
        # options: more of the browser context's (has_touch=True, is_mobile=True for a phone's touch screen)
        # no viewport: the suite's desktop (imported here: tests/dashboard/conftest.py imports this module)
        from tests.dashboard.conftest import DESKTOP

        self.context = browser.new_context(viewport=viewport or DESKTOP, **options)
        self.page = self.context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def goto(self, path: str) -> None:
        self.page.goto(self.base + path)

    def cy(self, canvas: str, script: str) -> Any:
        """Evaluate ``script`` with ``cy`` bound to the cytoscape instance of ``canvas``."""
        return self.page.evaluate(f"(id) => {{ const cy = ({CY})(id); return ({script}); }}", canvas)

    def wait_cy(self, canvas: str, condition: str, timeout: float = 10_000) -> None:
        self.page.wait_for_function(
            f"(id) => {{ const el = document.getElementById(id); const cy = el && el._cyreg && el._cyreg.cy;"
            f" return !!cy && ({condition}); }}",
            arg=canvas,
            timeout=timeout,
        )

    def click_node(self, canvas: str, node_id: str) -> None:
        """A real mouse click on a node, at its rendered position on the screen.

        Waits until the node stands still (a layout may still be animating on a
        loaded machine), so the click lands where the node is drawn.
        """
        self.page.wait_for_function(
            f"""([id, nid]) => {{
                const cy = ({CY})(id); const n = cy && cy.getElementById(nid);
                if (!n || n.empty()) return false;
                const p = n.renderedPosition(); const key = `${{p.x.toFixed(1)}},${{p.y.toFixed(1)}}`;
                const still = window.__lastNodePos === key; window.__lastNodePos = key;
                return still;
            }}""",
            arg=[canvas, node_id],
            polling=150,
            timeout=10_000,
        )
        pos = self.page.evaluate(
            f"""([id, nid]) => {{
                const cy = ({CY})(id); const n = cy.getElementById(nid);
                const box = cy.container().getBoundingClientRect(); const p = n.renderedPosition();
                return {{x: box.left + p.x, y: box.top + p.y}};
            }}""",
            [canvas, node_id],
        )
        self.page.mouse.click(pos["x"], pos["y"])

    def click_still(self, locator: Any) -> None:
        """A real mouse click at the middle of what ``locator`` finds, once it stands still.

        The page may still be moving on a loaded machine (a chart above it drawn late,
        the scroll that brought it into view): the click waits until the element's box
        is the same in two looks 150 ms apart, so it lands where the element is drawn.
        """
        locator.wait_for(state="visible")
        locator.scroll_into_view_if_needed()
        handle = locator.element_handle()
        self.page.wait_for_function(
            """(el) => {
                const b = el.getBoundingClientRect();
                const key = `${b.x.toFixed(1)},${b.y.toFixed(1)},${b.width.toFixed(1)},${b.height.toFixed(1)}`;
                const still = b.width > 0 && el.__lastBox === key; el.__lastBox = key;
                return still;
            }""",
            arg=handle,
            polling=150,
            timeout=10_000,
        )
        box = locator.bounding_box()
        assert box is not None
        self.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    def choose(self, dropdown: str, text: str, option: str) -> None:
        """Open a dropdown, enter ``text`` in its search box and pick the option labelled ``option``.

        The text is filled in once the search box shows, not typed: keys typed while
        the dropdown opens can be lost on a loaded machine ("dep learning", then no
        option). Each search asks the server for suggestions; it is entered again
        (up to three times, waiting longer each time) until the option shows.
        """
        exact = re.compile(rf"^\s*{re.escape(option)}\s*$")
        found = self.page.locator(".dash-dropdown-option").filter(has_text=exact).first
        search = self.page.locator(".dash-dropdown-search")
        for patience in (10_000, 20_000, 40_000):
            if not search.is_visible():
                self.page.click(f"#{dropdown}")
            search.wait_for(state="visible")
            search.fill(text)
            try:
                found.wait_for(state="visible", timeout=patience)
                break
            except PlaywrightTimeout:
                search.fill("")
        # the server may still put the best matches first (views.path._by_match): the
        # options must hold still, or the click lands on another one
        self.page.wait_for_function(
            "() => { const now = [...document.querySelectorAll('.dash-dropdown-option')]"
            ".map(e => e.innerText).join('|'); const same = window.__kgOptions === now;"
            " window.__kgOptions = now; return same; }",
            polling=300,
        )
        found.click()

    def close(self) -> None:
        self.context.close()


def open_page(
    browser: Any, server: str, viewport: dict[str, int] | None = None, **options: Any
) -> Iterator[Page]:
    """A page for a test (``yield from`` it in a fixture): closed afterwards, and the
    test fails if the page logged a console error or raised. ``options`` go to the
    browser context (``has_touch=True``...)."""
    p = Page(browser, server, viewport, **options)
    yield p
    errors = list(p.errors)
    p.close()
    assert errors == [], f"console errors: {errors}"


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Page]:
    yield from open_page(browser, server)


def test_first_page_draws_the_roles(page: Page) -> None:
    # how soon it does is `python -m bench scale`'s to measure (a time here flakes)
    page.goto("/")
    page.wait_cy("explorer-canvas", "cy.nodes().length > 0")
    roles = page.cy("explorer-canvas", "cy.nodes('.role').length")
    assert roles == page.cy("explorer-canvas", "cy.nodes().length") > 0
    assert page.page.locator(".legend-item").count() == 7


def test_search_select_click_and_expand(page: Page) -> None:
    page.goto("/")
    page.wait_cy("explorer-canvas", "cy.nodes().length > 0")
    page.choose("explorer-search", "deep learning", "deep learning · skill")
    page.page.wait_for_function(
        "() => document.getElementById('details-title')?.textContent === 'deep learning'"
    )
    # the details and the canvas are separate callbacks of the same state: either may land first
    page.wait_cy(
        "explorer-canvas", "cy.nodes('.focus').map(n => n.data('label')).join('|') === 'deep learning'"
    )
    focus = page.cy("explorer-canvas", "cy.nodes('.focus').map(n => n.data('label'))")
    assert focus == ["deep learning"]
    page.page.wait_for_url("**/node/deep%20learning")

    # a real click on another node of the canvas shows its details
    page.wait_cy("explorer-canvas", "cy.nodes('.role').length > 0")
    target = page.cy(
        "explorer-canvas",
        "cy.nodes('.role').sort((a, b) => a.data('label').localeCompare(b.data('label')))[0].data()",
    )
    page.click_node("explorer-canvas", target["id"])
    page.page.wait_for_function(
        "(label) => document.getElementById('details-title')?.textContent === label", arg=target["label"]
    )
    assert page.page.locator("#explorer-details").get_by_text("Requires skills").count() == 1
    before = page.cy("explorer-canvas", "cy.nodes().length")

    # expand its neighbours: they join the canvas, the node is marked expanded
    page.page.click("#explorer-expand")
    page.wait_cy("explorer-canvas", f"cy.nodes().length > {before}")
    expanded = page.cy("explorer-canvas", "cy.nodes('.expanded').map(n => n.id())")
    assert target["id"] in expanded
    neighbours = page.cy(
        "explorer-canvas", f"cy.getElementById({target['id']!r}).neighborhood('node').length"
    )
    assert neighbours > 0
    # the button is the details' callback, which may land after the canvas's
    page.page.wait_for_function(
        "() => document.getElementById('explorer-expand').textContent === 'Collapse neighbours'"
    )

    # a clickable entry of the details panel selects that node
    entry = page.page.locator("#explorer-details details[open] .linklike").first
    label = entry.inner_text().strip()
    entry.click()
    page.page.wait_for_function(
        "(label) => document.getElementById('details-title')?.textContent === label", arg=label
    )


def test_node_url_restores_the_selection(page: Page) -> None:
    page.goto("/node/machine%20learning")
    page.wait_cy("explorer-canvas", "cy.nodes('.focus').length === 1")
    _details_title(page, "machine learning")  # a separate callback: it may land after the canvas
    assert page.cy("explorer-canvas", "cy.nodes().length") > 5
    # the tab says which node (Dash's router sets it; it may land after the canvas)
    page.page.wait_for_function("document.title === 'machine learning · careerkg Explorer'")


def _steps(page: Page) -> list[str]:
    return [t.strip() for t in page.page.locator("#path-step-list .step-label").all_inner_texts()]


def _tab_title(page: Page, title: str) -> None:
    """Wait until the browser tab's title is ``title`` (what history and tabs list)."""
    page.page.wait_for_function("(t) => document.title === t", arg=title)


def test_path_finder_and_shared_url(page: Page, browser: Any, server: str) -> None:
    page.goto("/path")
    page.page.wait_for_selector("#path-find")
    page.choose("path-source", "Software Eng", "Software Engineer")
    page.choose("path-target", "Machine Learning Eng", "Machine Learning Engineer")
    page.page.click("#path-find")
    page.page.wait_for_selector("#path-step-list .step")
    steps = _steps(page)
    assert len(steps) > 0
    # every step is highlighted on the canvas
    page.wait_cy("path-canvas", f"cy.nodes('.path.skill').length === {len(steps)}")
    on_canvas = page.cy("path-canvas", "cy.nodes('.path.skill').map(n => n.data('label'))")
    assert sorted(on_canvas) == sorted(steps)
    page.page.wait_for_selector("#path-chart .main-svg")
    url = page.page.url
    assert unquote(url).endswith("/path/Software Engineer/Machine Learning Engineer")
    # the tab is titled as a fresh load of that address titles it
    _tab_title(page, "Software Engineer → Machine Learning Engineer · careerkg Path finder")

    # the shared URL in a fresh page shows the same path
    fresh = Page(browser, server)
    try:
        fresh.page.goto(url)
        fresh.page.wait_for_selector("#path-step-list .step")
        assert _steps(fresh) == steps
        fresh.wait_cy("path-canvas", f"cy.nodes('.path.skill').length === {len(steps)}")
        assert fresh.errors == []
    finally:
        fresh.close()

    # a step's name opens it in the explorer
    page.page.locator("#path-step-list .step-label").first.click()
    page.page.wait_for_function(
        "(label) => document.getElementById('details-title')?.textContent === label", arg=steps[0]
    )


def test_misspelt_names_in_the_path_finder_offer_the_closest(page: Page) -> None:
    # the boxes list every role and skill; a misspelt name used to find "No results"
    page.goto("/path")
    page.page.wait_for_selector("#path-find")
    page.choose("path-source", "Sofware Enginer", "Software Engineer — closest match")
    page.choose("path-target", "Machine Lerning Enginer", "Machine Learning Engineer — closest match")
    page.choose("path-know", "pyton", "Python programming — closest match")
    page.page.click("#path-find")
    page.page.wait_for_selector("#path-step-list .step")
    page.page.wait_for_url("**/path/Software%20Engineer/Machine%20Learning%20Engineer?know=*")
    assert "Python programming" not in _steps(page), "the known skill is not planned"
    # the chosen values read as their names, without the mark
    source = page.page.locator("#path-source").inner_text()
    assert "Software Engineer" in source
    assert "closest match" not in source


def test_a_misspelt_target_role_on_the_gaps_page_offers_the_closest(page: Page) -> None:
    page.goto("/gaps")
    page.page.wait_for_selector("#gaps-targets")
    page.choose("gaps-targets", "Data Scientst", "Data Scientist — closest match")
    # a multiple choice box stays open for more; closed, the chosen role reads as its name
    page.page.keyboard.press("Escape")
    page.page.wait_for_function(
        "() => { const t = document.getElementById('gaps-targets').innerText;"
        " return t.includes('Data Scientist') && !t.includes('closest match'); }"
    )


def test_path_download_markdown(page: Page) -> None:
    page.goto("/path/Data%20Analyst/Data%20Scientist?know=SQL:3")
    page.page.wait_for_selector("#path-step-list .step")
    page.page.wait_for_function("document.title === 'Data Analyst → Data Scientist · careerkg Path finder'")
    with page.page.expect_download() as info:
        page.page.get_by_role("button", name="Markdown").click()
    download = info.value
    assert download.suggested_filename == "path-data-analyst-to-data-scientist.md"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("# Learning path: Data Analyst → Data Scientist")
    assert _steps(page)[0] in text


def test_sparql_example_shows_rows(page: Page) -> None:
    page.goto("/query")
    page.page.wait_for_selector("#query-editor")
    page.choose("query-examples", "per class", "Number of nodes per class")
    page.page.wait_for_function("() => document.getElementById('query-editor').value.includes('count')")
    page.page.click("#query-run")
    page.page.wait_for_selector("#query-table tbody tr")
    assert page.page.locator("#query-table tbody tr").count() > 3
    assert page.page.locator("#query-endpoint-link").get_attribute("href") == "/sparql"


def test_sparql_error_is_shown_plainly(page: Page) -> None:
    page.goto("/query")
    page.page.fill("#query-editor", "SELECT ?x WHERE { ?x a }")
    page.page.click("#query-run")
    page.page.wait_for_selector("#query-message.alert")
    assert "malformed SPARQL query" in page.page.locator("#query-message").inner_text()


def test_overview_shows_counts_and_charts(page: Page) -> None:
    page.goto("/overview")
    page.page.wait_for_selector("#overview-central-chart .main-svg")
    assert page.page.locator("#overview-counts .kpi").count() >= 7
    assert page.page.locator(".central li").count() > 0


def _details_title(page: Page, label: str) -> None:
    page.page.wait_for_function(
        "(label) => document.getElementById('details-title')?.textContent === label", arg=label
    )


def test_a_node_listed_in_two_sections_is_clickable_in_both(page: Page) -> None:
    # on deep learning, AI Architect is under "Required by roles" and "Unlocks roles"
    for section in ("Required by roles", "Unlocks roles"):
        page.goto("/node/deep%20learning")
        _details_title(page, "deep learning")
        entry = (
            page.page.locator("#explorer-details details")
            .filter(has=page.page.locator("summary", has_text=section))
            .locator(".linklike", has_text="AI Architect")
        )
        assert entry.count() == 1
        entry.click()
        _details_title(page, "AI Architect")
        page.page.wait_for_url("**/node/AI%20Architect")
        page.wait_cy(
            "explorer-canvas", "cy.nodes('.focus').map(n => n.data('label')).join() === 'AI Architect'"
        )


PAGES = [
    "/",
    "/node/deep%20learning",
    "/path",
    "/path/Software%20Engineer/Machine%20Learning%20Engineer",
    "/query",
    "/overview",
    "/gaps?example=ml-bootcamp.csv",
    "/about",
]
# where the layout puts a page's parts, in CSS pixels relative to the viewport
BOXES = """() => {
    const box = (sel) => { const e = document.querySelector(sel); if (!e) return null;
        const r = e.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height}; };
    return {
        scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
        topbar: box('.topbar'), sidebar: box('.sidebar'), canvas: box('#explorer-canvas'),
        links: [...document.querySelectorAll('.topbar .nav-link, .topbar .brand')].map(e => {
            const r = e.getBoundingClientRect(); return {text: e.textContent, right: r.right, bottom: r.bottom}; }),
    };
}"""


@pytest.fixture
def phone(browser: Any, server: str) -> Iterator[Page]:
    from tests.dashboard.conftest import PHONE

    p = Page(browser, server, viewport=PHONE)
    yield p
    errors = list(p.errors)
    p.close()
    assert errors == [], f"console errors: {errors}"


def test_no_page_is_wider_than_a_phone(phone: Page) -> None:
    for path in PAGES:
        phone.goto(path)
        phone.page.wait_for_load_state("networkidle")
        if path == "/query":
            phone.page.click("#query-run")
            phone.page.wait_for_selector("#query-table tbody tr")
        boxes = phone.page.evaluate(BOXES)
        assert boxes["scrollWidth"] <= boxes["innerWidth"], f"{path} is {boxes['scrollWidth']} px wide"
        # every page link is on the dark bar, none off-screen
        bar = boxes["topbar"]
        for link in boxes["links"]:
            assert link["right"] <= bar["right"], (path, link)
            assert link["bottom"] <= bar["bottom"], (path, link)


def test_explorer_stacks_its_sidebar_above_a_full_width_canvas_on_a_phone(phone: Page) -> None:
    phone.goto("/node/deep%20learning")
    phone.wait_cy("explorer-canvas", "cy.nodes('.focus').length === 1")
    boxes = phone.page.evaluate(BOXES)
    canvas, sidebar = boxes["canvas"], boxes["sidebar"]
    size = phone.page.viewport_size  # PHONE, from tests/dashboard/conftest.py
    assert sidebar["bottom"] <= canvas["top"]
    assert canvas["width"] >= size["width"] - 2
    assert 320 <= canvas["height"] <= size["height"]
    # the canvas is drawn at that size, not at the width of a squeezed column
    assert phone.cy("explorer-canvas", "cy.width()") >= size["width"] - 2


def test_explorer_keeps_three_columns_on_a_wide_screen(page: Page) -> None:
    page.goto("/node/deep%20learning")
    page.wait_cy("explorer-canvas", "cy.nodes('.focus').length === 1")
    boxes = page.page.evaluate(BOXES)
    assert boxes["sidebar"]["right"] <= boxes["canvas"]["left"]
    assert boxes["canvas"]["width"] > 600
    assert boxes["topbar"]["height"] <= 60  # one row
    assert boxes["scrollWidth"] <= boxes["innerWidth"]


def _focus_is(page: Page, label: str) -> None:
    page.wait_cy("explorer-canvas", f"cy.nodes('.focus').map(n => n.data('label')).join() === {label!r}")


def test_back_and_forward_follow_the_address(page: Page) -> None:
    page.goto("/node/deep%20learning")
    _details_title(page, "deep learning")
    _tab_title(page, "deep learning · careerkg Explorer")
    page.page.locator("#explorer-details .linklike", has_text="neural networks").first.click()
    _details_title(page, "neural networks")
    page.page.wait_for_url("**/node/neural%20networks")
    _tab_title(page, "neural networks · careerkg Explorer")  # as a fresh load of the address
    page.page.go_back()
    page.page.wait_for_url("**/node/deep%20learning")
    _details_title(page, "deep learning")
    _focus_is(page, "deep learning")
    _tab_title(page, "deep learning · careerkg Explorer")
    # Back pushed nothing: Forward still leads to the linked node
    page.page.go_forward()
    page.page.wait_for_url("**/node/neural%20networks")
    _details_title(page, "neural networks")
    _focus_is(page, "neural networks")
    _tab_title(page, "neural networks · careerkg Explorer")

    # from the career ladder to a node, and Back to the ladder
    page.goto("/")
    page.wait_cy("explorer-canvas", "cy.nodes().length > 0")
    page.choose("explorer-search", "deep learning", "deep learning · skill")
    _details_title(page, "deep learning")
    page.page.wait_for_url("**/node/deep%20learning")
    page.page.go_back()
    page.page.wait_for_url(lambda url: url.rstrip("/") == page.base)
    page.page.wait_for_selector("#explorer-details .details-empty")
    page.wait_cy(
        "explorer-canvas", "cy.nodes('.focus').length === 0 && cy.nodes('.role').length === cy.nodes().length"
    )
    _tab_title(page, "careerkg · Explorer")


def _active_nav(page: Page) -> list[str]:
    return [t.strip() for t in page.page.locator(".nav .nav-link.active").all_inner_texts()]


def test_the_nav_marks_the_current_page(page: Page) -> None:
    page.goto("/path/Data%20Analyst/Data%20Scientist")
    page.page.wait_for_selector("#nav-path.active")
    assert _active_nav(page) == ["Path finder"]
    page.page.click("#nav-overview")
    page.page.wait_for_selector("#nav-overview.active")
    assert _active_nav(page) == ["Overview"]
    page.page.go_back()
    page.page.wait_for_selector("#nav-path.active")
    assert _active_nav(page) == ["Path finder"]
    page.goto("/node/deep%20learning")
    page.page.wait_for_selector("#nav-explorer.active")
    assert _active_nav(page) == ["Explorer"]


def test_an_empty_path_finder_offers_no_downloads_and_says_what_to_do(page: Page) -> None:
    page.goto("/path")
    page.page.wait_for_selector("#path-empty-hint")
    buttons = page.page.locator(".downloads button")
    assert buttons.count() == 3
    assert all(buttons.nth(i).is_disabled() for i in range(3))
    assert page.page.locator(".path-side h2").all_inner_texts() == ["Download"]  # no bare headings
    page.goto("/path/Data%20Analyst/Data%20Scientist")
    page.page.wait_for_selector("#path-step-list .step")
    assert not page.page.get_by_role("button", name="Markdown").is_disabled()
    assert "Suggested credentials" in page.page.locator(".path-side h2").all_inner_texts()


def test_reset_view_restores_the_filters_and_clears_the_search(page: Page) -> None:
    page.goto("/node/deep%20learning")
    page.wait_cy("explorer-canvas", "cy.nodes('.focus').length === 1")
    boxes = page.page.locator("#explorer-types input")
    for i in range(boxes.count()):
        boxes.nth(i).uncheck()
    # every type unticked: the status says so and nothing is drawn
    page.page.wait_for_function(
        "() => document.getElementById('explorer-status').textContent.startsWith('No node type is ticked')"
    )
    page.wait_cy("explorer-canvas", "cy.nodes().length === 0")
    page.page.click("#explorer-reset")
    page.page.wait_for_function(
        "() => [...document.querySelectorAll('#explorer-types input')].every(b => b.checked)"
    )
    page.wait_cy("explorer-canvas", "cy.nodes('.role').length > 0 && cy.nodes('.focus').length === 0")
    assert page.page.locator("#explorer-search").inner_text().strip().startswith("Type a name")  # placeholder
    assert "No node type" not in page.page.locator("#explorer-status").inner_text()


def test_an_unknown_address_shows_the_apps_404_page(page: Page) -> None:
    response = page.page.goto(page.base + "/no/such/page")
    assert response is not None
    assert response.status == 404  # the status agrees with the page shown
    page.page.wait_for_selector("#not-found-title")
    assert page.page.locator("#not-found-pages a").count() >= 5
    # Chromium logs a 404 document as a failed load: that one message, and no other
    document_404 = "Failed to load resource: the server responded with a status of 404 (NOT FOUND)"
    assert page.errors.count(document_404) == 1
    page.errors.remove(document_404)
    page.page.click("#not-found-home")
    page.wait_cy("explorer-canvas", "cy.nodes().length > 0")
    assert page.page.url.rstrip("/") == page.base


def test_an_edited_example_query_is_no_longer_described_as_the_example(page: Page) -> None:
    page.goto("/query")
    page.page.wait_for_selector("#query-description")
    description = page.page.locator("#query-description").inner_text()
    assert description
    assert not description.startswith("Edited")
    page.page.fill("#query-editor", "SELECT ?r WHERE { ?r a ckg:Role } LIMIT 2")
    page.page.wait_for_function(
        "() => document.getElementById('query-description').textContent.startsWith('Edited')"
    )


UPDATES = re.compile(r"/_dash-update-component(\?|$)")  # Dash's callback requests


class Held:
    """Holds back the page's callback requests for one of ``outputs``,
    so a test can decide the order in which answers arrive.

    Route handlers run while Playwright waits, so :meth:`wait` polls with
    ``wait_for_timeout``.
    """

    def __init__(self, page: Page, *outputs: str) -> None:
        self.page = page
        self.outputs = outputs
        self.routes: list[tuple[str, Any]] = []
        page.page.route(UPDATES, self._route)

    def _route(self, route: Any) -> None:
        try:
            asked = str(json.loads(route.request.post_data or "{}").get("output", ""))
        except ValueError:
            asked = ""
        names = [o for o in self.outputs if o in asked]
        if names:
            self.routes.append((names[0], route))
        else:
            route.continue_()

    def wait(self, output: str, timeout: float = 20.0) -> None:
        """Wait until a request for ``output`` is held."""
        deadline = time.monotonic() + timeout
        while not any(name == output for name, _ in self.routes):
            assert time.monotonic() < deadline, f"no request for {output} was made"
            self.page.page.wait_for_timeout(50)

    def release(self, output: str) -> None:
        """Let the held requests for ``output`` go on to the server."""
        for name, route in [r for r in self.routes if r[0] == output]:
            self.routes.remove((name, route))
            route.continue_()

    def stop(self) -> None:
        """Stop holding, and let what is still held go on (a request the page has given
        up on, as Dash does with a superseded one, is already handled)."""
        self.page.page.unroute(UPDATES)
        for _, route in self.routes:
            with contextlib.suppress(PlaywrightError):
                route.continue_()
        self.routes.clear()


ROUTER = "_pages_content"  # the output of Dash Pages' router


def test_a_late_explorer_answer_does_not_take_the_address_back(page: Page) -> None:
    # the user clicks a node, then moves to the path finder before the explorer has
    # answered: the explorer's address must not be pushed over the path finder's
    page.goto("/node/deep%20learning")
    _details_title(page, "deep learning")
    held = Held(page, "explorer-details", ROUTER)
    try:
        page.page.locator("#explorer-details .linklike", has_text="neural networks").first.click()
        held.wait("explorer-details")
        page.page.click("#nav-path")
        held.wait(ROUTER)
        held.release("explorer-details")  # answers while the explorer is still on screen
        _details_title(page, "neural networks")
        page.page.wait_for_timeout(300)
        assert unquote(page.page.url).endswith("/path")
        assert "neural networks" not in page.page.title()  # nor the tab's title
        held.release(ROUTER)
        page.page.wait_for_selector("#path-empty-hint")
        assert unquote(page.page.url).endswith("/path")
    finally:
        held.stop()
    # Back leads to the explorer as the user left it
    page.page.go_back()
    page.page.wait_for_url("**/node/deep%20learning")
    _details_title(page, "deep learning")


def test_a_late_path_answer_does_not_take_the_address_back(page: Page) -> None:
    page.goto("/path")
    page.page.wait_for_selector("#path-find")
    page.choose("path-target", "Data Scien", "Data Scientist")
    held = Held(page, "path-url", ROUTER)
    try:
        page.page.click("#path-find")
        held.wait("path-url")
        page.page.click("#nav-explorer")
        held.wait(ROUTER)
        held.release("path-url")  # answers while the path finder is still on screen
        page.page.wait_for_selector("#path-step-list .step")
        page.page.wait_for_timeout(300)
        assert page.page.url.rstrip("/") == page.base
        held.release(ROUTER)
        page.page.wait_for_selector("#explorer-details .details-empty")
        assert page.page.url.rstrip("/") == page.base
    finally:
        held.stop()


# Counts the layouts a canvas runs: in the update that drew new elements (a microtask
# ends the update once its task is done), or later, from a timer. Dash Cytoscape's own
# re-layout ran 100 ms after an update, and threw when the canvas was gone by then.
_WATCH_LAYOUTS = """(id) => {
    const cy = document.getElementById(id)._cyreg.cy;
    const seen = window.__layouts = {inUpdate: 0, later: 0};
    let drawing = false;
    cy.on('add remove', () => {
        if (!drawing) { drawing = true; queueMicrotask(() => { drawing = false; }); }
    });
    cy.on('layoutstart', () => { seen[drawing ? 'inUpdate' : 'later'] += 1; });
}"""


def test_canvases_lay_out_new_elements_as_they_draw_them_not_later(page: Page) -> None:
    page.goto("/node/deep%20learning")
    _details_title(page, "deep learning")
    page.wait_cy("explorer-canvas", "cy.nodes('.focus').length === 1")
    page.page.evaluate(_WATCH_LAYOUTS, "explorer-canvas")
    page.page.locator("#explorer-details .linklike", has_text="neural networks").first.click()
    _focus_is(page, "neural networks")
    page.page.wait_for_timeout(400)  # Dash Cytoscape's deferred re-layout came after 100 ms
    assert page.page.evaluate("() => window.__layouts") == {"inUpdate": 1, "later": 0}
    # the new nodes are in view: the layout fitted them
    inside = page.cy(
        "explorer-canvas",
        "(() => { const e = cy.extent(), b = cy.nodes().boundingBox();"
        " return b.x1 >= e.x1 - 1 && b.x2 <= e.x2 + 1 && b.y1 >= e.y1 - 1 && b.y2 <= e.y2 + 1; })()",
    )
    assert inside

    page.goto("/path")
    page.page.wait_for_selector("#path-find")
    page.page.evaluate(_WATCH_LAYOUTS, "path-canvas")
    page.choose("path-target", "Data Scien", "Data Scientist")
    page.page.click("#path-find")
    page.page.wait_for_selector("#path-step-list .step")
    page.wait_cy("path-canvas", "cy.nodes('.path').length > 0")
    page.page.wait_for_timeout(400)
    assert page.page.evaluate("() => window.__layouts") == {"inUpdate": 1, "later": 0}

    # the gap map: another curriculum is laid out and fitted as it is drawn
    page.goto("/gaps?example=ml-bootcamp.csv")
    page.wait_cy("gaps-canvas", "cy.nodes().length > 0")
    page.page.evaluate(_WATCH_LAYOUTS, "gaps-canvas")
    before = page.cy("gaps-canvas", "cy.nodes().length")
    page.choose("gaps-example", "MSc", "MSc AI & Data Science (CSV)")
    page.wait_cy("gaps-canvas", f"cy.nodes().length !== {before}")
    page.page.wait_for_timeout(400)
    assert page.page.evaluate("() => window.__layouts") == {"inUpdate": 1, "later": 0}
    inside = page.cy(
        "gaps-canvas",
        "(() => { const e = cy.extent(), b = cy.nodes().boundingBox();"
        " return b.x1 >= e.x1 - 1 && b.x2 <= e.x2 + 1 && b.y1 >= e.y1 - 1 && b.y2 <= e.y2 + 1; })()",
    )
    assert inside


def test_a_canvas_the_page_has_left_calls_nothing_on_its_destroyed_instance(page: Page) -> None:
    # a path answered as the user moved to the explorer: Cytoscape drew one more frame
    # of the path canvas after the page had gone, and Dash Cytoscape's responsive
    # handler of that "render" event read the destroyed instance ("Cannot read
    # properties of null (reading 'isHeadless')", 5 in 20 tries on a slowed-down page)
    page.goto("/path/Software%20Engineer/Machine%20Learning%20Engineer")
    page.wait_cy("path-canvas", "cy.nodes().length > 0")
    page.page.evaluate("() => { window.__left = document.getElementById('path-canvas')._cyreg.cy; }")
    page.page.click("#nav-explorer")
    page.page.wait_for_selector("#explorer-details .details-empty")
    assert page.page.evaluate("() => window.__left.destroyed()")
    thrown = page.page.evaluate(
        """() => { try { window.__left.emit('render'); window.__left.emit('resize'); return null; }
                   catch (e) { return String(e); } }"""
    )
    assert thrown is None
