"""The SPARQL page's result table on a phone (390 px) keeps each word whole: cells broke
anywhere ('Python program/ming', 'skill:p/ython', 'skill:computer/-programming') to fit
the table in the screen; a table wider than the screen now scrolls sideways in its own
box, the page itself no wider than the phone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.dashboard.conftest import PHONE
from tests.dashboard.test_browser import Page, open_page

pytestmark = [pytest.mark.browser, pytest.mark.server]

# each word of a cell (split where a line may break: spaces and hyphens) wider than the
# cell's content box, which the browser then broke inside
SPLIT = """() => {
  const out = [];
  const probe = document.createElement('span');
  probe.style.whiteSpace = 'nowrap'; probe.style.position = 'absolute'; probe.style.visibility = 'hidden';
  document.querySelectorAll('#query-table tbody td').forEach(td => {
    const cs = getComputedStyle(td);
    const inner = td.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const words = td.textContent.split(/[\\s-]+/).filter(w => w);
    for (const word of words) {
      probe.textContent = word;
      (td.firstElementChild || td).appendChild(probe);  // the cell's own font (a link's too)
      const w = probe.getBoundingClientRect().width;
      probe.remove();
      if (w > inner + 0.5) { out.push([word, Math.round(w), Math.round(inner)]); }
    }
  });
  return {
    split: out,
    cells: document.querySelectorAll('#query-table tbody td').length,
    page: document.documentElement.scrollWidth,
    width: window.innerWidth,
  };
}"""


@pytest.fixture
def phone(browser: Any, server: str) -> Iterator[Page]:
    yield from open_page(browser, server, PHONE)


def test_result_cells_on_a_phone_wrap_between_words_not_inside_them(phone: Page) -> None:
    phone.goto("/query")
    phone.page.wait_for_selector("#query-editor")
    phone.page.fill(
        "#query-editor",
        "SELECT ?skill ?label ?broader ?broaderLabel WHERE {\n"
        "  ?skill skos:broader ?broader ; skos:prefLabel ?label . ?broader skos:prefLabel ?broaderLabel .\n"
        "  FILTER(?skill IN (skill:python, skill:r, skill:sas))\n} ORDER BY ?label",
    )
    phone.page.click("#query-run")
    phone.page.wait_for_function("() => document.querySelectorAll('#query-table tbody tr').length === 3")
    box = phone.page.evaluate(SPLIT)
    assert box["cells"] == 12
    assert box["split"] == [], f"words broken inside: {box['split']}"
    assert box["page"] <= box["width"], f"the page is {box['page']} px wide on a {box['width']} px phone"
