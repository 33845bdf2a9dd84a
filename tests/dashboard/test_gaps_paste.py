"""A curriculum pasted into the Gaps page: cells copied from a spreadsheet (tab-separated),
CSV or Turtle, checked as an upload is. The page offered only an upload, though the
reader takes the tab-separated rows a copy from a spreadsheet gives."""

from __future__ import annotations

from typing import Any

import pytest

from dashboard.views import gaps as view
from kg.store import Store

# a copy of the cells of a spreadsheet: tabs between cells, CRLF between rows
CELLS = (
    "course\tterm\tteaches\trequires\r\n"
    "Machine Learning\t1\tmachine learning\t\r\n"
    "Mathematics\t2\tlinear algebra; probability theory; statistics\t\r\n"
    "Programming\t1\tPython programming\t\r\n"
)


def test_pasted_cells_are_read_as_the_upload_of_the_same_rows() -> None:
    source = view.read_paste(CELLS)
    assert source == {"text": CELLS, "fmt": "csv", "name": "pasted text"}
    result = view.analyse(Store.default(), source["text"], source["fmt"], source["name"])
    assert result["error"] is None
    assert [(c["label"], c["term"]) for c in result["report"]["courses"]] == [
        ("Machine Learning", 1),
        ("Programming", 1),
        ("Mathematics", 2),
    ]
    # a mistake in it is named as in a file: where, what, what would be right
    bad = view.analyse(Store.default(), CELLS.replace("\t2\t", "\ttwo\t"), "csv", "pasted text")
    assert bad["error"].startswith("pasted text, line 3: bad term 'two'")


def test_pasted_turtle_is_read_as_turtle() -> None:
    text = (
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skill: <https://w3id.org/careerkg/id/skill/> .\n"
        "<urn:x:cur> a ckg:Curriculum ; ckg:hasCourse <urn:x:a> .\n"
        "<urn:x:a> a ckg:Course ; ckg:term 1 ; ckg:teaches skill:statistics .\n"
    )
    assert view.read_paste(text)["fmt"] == "turtle"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (None, "Nothing pasted: "),
        (" \n\t", "Nothing pasted: "),
        ("x" * (view.MAX_UPLOAD_BYTES + 1), "pasted text: 512 KiB, over the 512 KiB limit"),
    ],
)
def test_nothing_or_too_much_pasted_is_said(text: str | None, said: str) -> None:
    assert view.read_paste(text)["error"].startswith(said)


@pytest.mark.browser
@pytest.mark.server
def test_cells_pasted_into_the_page_are_checked(page: Any) -> None:
    page.goto("/gaps")
    pg = page.page
    pg.wait_for_selector("#gaps-upload")
    pg.get_by_text("…or paste a curriculum").click()
    pg.get_by_role("button", name="Check pasted curriculum").click()
    pg.locator("#gaps-message .alert", has_text="Nothing pasted").wait_for(timeout=20000)
    pg.get_by_label("Curriculum text").fill(CELLS)
    pg.get_by_role("button", name="Check pasted curriculum").click()
    pg.locator("#gaps-title", has_text="pasted text").wait_for(timeout=20000)
    assert pg.locator("#gaps-message").inner_text().strip() == ""
    assert pg.locator(".kpi").all_inner_texts()[0].split() == ["3", "courses"]
    moves = pg.locator("#gaps-moves").inner_text()
    assert "move 'Mathematics' from term 2 to term 1" in moves
    # the downloads are the pasted curriculum's
    assert pg.get_by_role("button", name="Markdown").is_enabled()
