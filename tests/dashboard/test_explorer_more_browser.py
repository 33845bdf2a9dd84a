"""The explorer's "Show more" on ESCO, whose 3,005 roles on no career step it adds 150
at a time, on a desktop and a phone: every node drawn stays on the canvas, and the
roles added sit under the career ladder, apart from it.

They were a block nine roles wide on the ladder's first row: after the second click
(300 roles) the block was some 4,000 px tall, the canvas at its least zoom (0.15) showed
neither end of it, and Student drew its links to its next roles through the block."""

from __future__ import annotations

import pytest

from dashboard import ids
from tests.dashboard.test_browser import Page, browser

__all__ = ["browser"]  # the shared Chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.external]

CANVAS = ids.EX_CANVAS

# each node's drawn box against the canvas (the viewport's fit has run when the
# nodes' boxes stop moving)
BOXES = """(id) => {
    const cy = document.getElementById(id)._cyreg.cy;
    const w = cy.width(), h = cy.height();
    const out = cy.nodes().filter(n => {
        const b = n.renderedBoundingBox({includeLabels: false});
        return b.x1 < -1 || b.y1 < -1 || b.x2 > w + 1 || b.y2 > h + 1;
    });
    return {nodes: cy.nodes().length, out: out.map(n => n.data('label')).slice(0, 5), outside: out.length};
}"""


@pytest.fixture(scope="module")
def server(esco_server: str) -> str:
    """The ESCO store's server, shared by the session's modules."""
    return esco_server


def test_show_more_keeps_every_role_on_the_canvas_under_the_ladder(screen: Page) -> None:
    screen.goto("/")
    screen.wait_cy(CANVAS, "cy.nodes().length === 16", timeout=30_000)  # the ladder
    ladder = screen.cy(CANVAS, "cy.nodes().map(n => n.id())")
    for shown in (166, 316):
        screen.page.click(f"#{ids.EX_SHOW_MORE}")
        screen.wait_cy(CANVAS, f"cy.nodes().length === {shown}", timeout=30_000)
    screen.page.wait_for_timeout(500)  # the fit after the drawing
    drawn = screen.page.evaluate(BOXES, CANVAS)
    assert drawn["nodes"] == 316
    assert drawn["outside"] == 0, drawn  # was 120 and more, cut off at the top and bottom
    # the roles added are under the ladder's lowest role
    ys = screen.cy(CANVAS, "Object.fromEntries(cy.nodes().map(n => [n.id(), n.position('y')]))")
    lowest = max(ys[n] for n in ladder)
    assert all(y > lowest for n, y in ys.items() if n not in ladder)


def test_show_more_reads_on_one_line(screen: Page) -> None:
    """The status beside it took the room, and the button read "Show / more"."""
    screen.goto("/")
    button = screen.page.locator(f"#{ids.EX_SHOW_MORE}")
    button.wait_for(state="visible", timeout=30_000)
    lines = screen.page.evaluate(
        """(id) => { const b = document.getElementById(id); const s = getComputedStyle(b);
            const inner = b.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
            return inner / parseFloat(s.lineHeight === 'normal' ? parseFloat(s.fontSize) * 1.2 : s.lineHeight); }""",
        ids.EX_SHOW_MORE,
    )
    assert lines < 1.5, lines  # was 2: "Show" over "more"
