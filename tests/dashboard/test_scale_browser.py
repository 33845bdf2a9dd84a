"""The explorer at ESCO scale in a real headless Chromium: ``careerkg serve --store``
over the session's imported ESCO v1.1.1 store (ontology + curated data + ESCO).

The first view, a searched occupation with its neighbours, and a neighbourhood larger
than the explorer's cap: the canvas never holds more nodes than the cap in force,
"Show more" appears when nodes were left out and adds them, and positions come from
the server (Cytoscape's ``preset`` layout).
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from dashboard import ids
from dashboard.views.explorer import LIMIT
from tests.dashboard.test_browser import Page, browser, open_page

__all__ = ["browser"]  # the shared Chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.external]

CANVAS = ids.EX_CANVAS
OCCUPATION = "software developer"


@pytest.fixture(scope="module")
def server(esco_server: str) -> str:
    """The ESCO store's server, shared by the session's modules."""
    return esco_server


def _select(server: str, query: str) -> list[dict[str, Any]]:
    params = urllib.parse.urlencode({"query": query, "format": "json"})
    with urllib.request.urlopen(f"{server}/sparql?{params}", timeout=60) as resp:
        rows: list[dict[str, Any]] = json.load(resp)["results"]["bindings"]
    return rows


class Drawn:
    """The canvas outputs the server sent (elements and layout), from Dash's responses."""

    def __init__(self, page: Page) -> None:
        self.sent: list[dict[str, Any]] = []
        page.page.on("response", self._record)

    def _record(self, response: Any) -> None:
        if "/_dash-update-component" not in response.url or response.status != 200:
            return
        try:
            body = response.json()
        except Exception:
            return
        canvas = (body.get("response") or {}).get(CANVAS)
        if canvas and "elements" in canvas:
            self.sent.append(canvas)

    def last(self) -> dict[str, Any]:
        assert self.sent, "the server sent no explorer canvas"
        return self.sent[-1]


def _node_count(page: Page) -> int:
    return int(page.cy(CANVAS, "cy.nodes().length"))


def _assert_server_positions(page: Page, sent: dict[str, Any]) -> None:
    """The canvas uses the ``preset`` layout and draws each node where the server put it."""
    assert sent["layout"]["name"] == "preset"
    nodes = [e for e in sent["elements"] if "source" not in e["data"]]
    assert nodes
    assert all("position" in e for e in nodes)
    drawn = page.cy(CANVAS, "Object.fromEntries(cy.nodes().map(n => [n.id(), n.position()]))")
    assert set(drawn) == {e["data"]["id"] for e in nodes}
    for e in nodes:
        p = drawn[e["data"]["id"]]
        assert (p["x"], p["y"]) == pytest.approx((e["position"]["x"], e["position"]["y"]), abs=0.01)


def _show_more_visible(page: Page) -> bool:
    return bool(page.page.locator(f"#{ids.EX_SHOW_MORE}").is_visible())


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Page]:
    yield from open_page(browser, server)


def test_esco_explorer_first_view_search_and_capped_neighbourhoods(page: Page, server: str) -> None:
    drawn = Drawn(page)

    # the first view: never more than the cap (`python -m bench scale` times it)
    page.goto("/")
    page.wait_cy(CANVAS, "cy.nodes().length > 0", timeout=30_000)
    first = _node_count(page)
    assert first <= LIMIT, f"the first view draws {first} nodes, more than the cap of {LIMIT}"

    # search an ESCO occupation and select it: its details, its neighbours, capped
    page.choose(ids.EX_SEARCH, OCCUPATION, f"{OCCUPATION} · role")
    page.page.wait_for_function(
        "(label) => document.getElementById('details-title')?.textContent === label", arg=OCCUPATION
    )
    page.wait_cy(CANVAS, "cy.nodes('.focus').length === 1 && cy.nodes().length > 1")
    assert page.cy(CANVAS, "cy.nodes('.focus').map(n => n.data('label'))") == [OCCUPATION]
    assert page.page.locator("#explorer-details").get_by_text("Requires skills").count() == 1
    # selecting a node from the search expands it: the toggle offers to collapse
    assert page.page.locator(f"#{ids.EX_EXPAND}").inner_text() == "Collapse neighbours"
    focus = page.cy(CANVAS, "cy.nodes('.focus')[0].id()")
    assert page.cy(CANVAS, f"cy.getElementById({focus!r}).hasClass('expanded')")
    skills = _select(server, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ <{focus}> ckg:requiresSkill ?s }}")
    required = int(skills[0]["n"]["value"])
    shown = _node_count(page)
    assert 1 + min(required, LIMIT - 1) <= shown <= LIMIT
    assert _show_more_visible(page) == (1 + required > LIMIT)
    print(f"{OCCUPATION}: {required} required skills, {shown} nodes drawn")
    _assert_server_positions(page, drawn.last())

    # a skill of it that more roles require than the cap allows: open it from the details
    (row,) = _select(
        server,
        f"""SELECT ?s (COUNT(DISTINCT ?r) AS ?n) WHERE {{
              <{focus}> ckg:requiresSkill ?s . ?r ckg:requiresSkill ?s
            }} GROUP BY ?s ORDER BY DESC(?n) LIMIT 1""",
    )
    skill, roles = row["s"]["value"], int(row["n"]["value"])
    label = page.cy(CANVAS, f"cy.getElementById({skill!r}).data('label')")
    assert roles > LIMIT, f"no skill of {OCCUPATION} has more than {LIMIT} roles; pick another occupation"
    link = page.page.locator(f'#explorer-details .linklike[title="Show {label}"]').first
    if not link.is_visible():  # in a folded section of the details: unfold it as a user would
        link.locator("xpath=ancestor::details[1]/summary").click()
    link.click()
    page.page.wait_for_function(
        "(label) => document.getElementById('details-title')?.textContent === label", arg=label
    )
    page.wait_cy(CANVAS, f"cy.getElementById({skill!r}).hasClass('expanded')")
    page.page.wait_for_selector(f"#{ids.EX_SHOW_MORE}", state="visible")
    capped = _node_count(page)
    assert capped == LIMIT
    around = f"cy.getElementById({skill!r}).neighborhood('node').length"
    before = page.cy(CANVAS, around)
    assert "more not drawn" in page.page.locator(f"#{ids.EX_STATUS}").inner_text()
    _assert_server_positions(page, drawn.last())

    # "Show more" adds nodes, up to the raised cap
    page.page.click(f"#{ids.EX_SHOW_MORE}")
    page.wait_cy(CANVAS, f"cy.nodes().length > {capped}")
    more = _node_count(page)
    assert LIMIT < more <= 2 * LIMIT
    print(f"{label!r} (required by {roles} roles): {capped} nodes, {more} after Show more")
    assert page.cy(CANVAS, around) > before  # the skill's roles left out before are drawn now
    _assert_server_positions(page, drawn.last())


def test_esco_path_finder_lists_the_chosen_roles_and_searches_the_rest_on_the_server(
    page: Page, server: str
) -> None:
    # the page's own size: with every ESCO occupation and skill in its boxes it weighed
    # 2.5 MB and Dash's dropdown failed to index 14,000 options ("Too many properties
    # to enumerate"), so the page never drew
    routed: list[int] = []
    page.page.on(
        "response",
        lambda r: (
            routed.append(len(r.body()))
            if "/_dash-update-component" in r.url
            and r.request.post_data
            and "_pages_content" in r.request.post_data
            else None
        ),
    )
    page.goto("/path")
    page.page.wait_for_selector(f"#{ids.PATH_FIND}")
    assert routed
    assert max(routed) < 200_000, f"the path finder page weighs {max(routed):,} bytes"

    # roles and skills are found by what is typed, ESCO's ones too
    page.choose(ids.PATH_SOURCE, "software develop", OCCUPATION)
    # a misspelt name is offered its closest match, as in the explorer's search
    page.choose(ids.PATH_TARGET, "Machine Lerning Enginer", "Machine Learning Engineer — closest match")
    page.choose(ids.PATH_KNOW, "Python prog", "Python programming")
    page.page.click(f"#{ids.PATH_FIND}")
    page.page.wait_for_selector("#path-step-list .step", timeout=30_000)
    steps = page.page.locator("#path-step-list .step-label").all_inner_texts()
    assert steps
    assert "Python programming" not in [s.strip() for s in steps]  # known, so not learnt
    page.page.wait_for_url("**/path/**")

    # the shared address opens with its roles chosen in the boxes
    url = page.page.url
    page.page.goto(url)
    page.page.wait_for_selector("#path-step-list .step", timeout=30_000)
    assert page.page.locator(f"#{ids.PATH_TARGET}").inner_text().strip() == "Machine Learning Engineer"


def test_esco_gaps_page_searches_target_roles_on_the_server(page: Page) -> None:
    page.goto("/gaps")
    page.page.wait_for_selector(f"#{ids.GAPS_TARGETS}")
    page.choose(ids.GAPS_TARGETS, "software develop", OCCUPATION)
    chosen = page.page.locator(f"#{ids.GAPS_TARGETS}").inner_text()
    assert OCCUPATION in chosen
