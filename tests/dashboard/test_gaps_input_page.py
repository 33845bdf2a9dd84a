"""The Gaps page with the files designers really upload: a spreadsheet's CSV (BOM,
semicolons, extra columns, names in other scripts and with punctuation), a cycle of
courses, comma-separated skills, Windows-1252 text and a Turtle file with a typo.

A real ``careerkg serve`` and Debian's Chromium; every test fails on a console error.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard.views import gaps as view
from kg.store import Store
from tests.dashboard.conftest import DESKTOP
from tests.dashboard.test_browser import browser
from tests.support.server import running_server

__all__ = ["browser"]  # the shared Chromium fixture

# Excel in a decimal-comma locale: BOM, ';' between columns, CRLF, a credits column,
# several skills in one quoted cell; course names that slugged alike (C++, C#, and
# every name in Chinese was 'unnamed') and two courses that need each other's skills
EXCEL_CSV = (
    "\ufeff# curriculum: 机器学习 track\r\n"
    "Course;Term;Credits;Teaches;Requires\r\n"
    '线性代数;1;7,5;"linear algebra; calculus";\r\n'
    "机器学习;2;10;machine learning;linear algebra\r\n"
    "C++;1;5;computer programming;\r\n"
    "C#;2;5;software engineering;\r\n"
    "Stats A;3;5;data visualisation;SQL\r\n"
    "Data B;3;5;SQL;data visualisation\r\n"
)


def test_every_course_is_its_own_node_on_the_canvas(store: Store) -> None:
    # was: 'C#' drawn into the node of 'C++' and '机器学习' into '线性代数' (same IRI)
    result = view.analyse(store, EXCEL_CSV.lstrip("\ufeff"), "csv", "track.csv")
    assert result["error"] is None, result["error"]
    courses = [
        e["data"]["label"] for e in view.gap_elements(result["report"]) if e["data"].get("type") == "course"
    ]
    assert sorted(courses) == sorted(
        [
            "线性代数 (term 1)",
            "机器学习 (term 2)",
            "C++ (term 1)",
            "C# (term 2)",
            "Stats A (term 3)",
            "Data B (term 3)",
        ]
    )


def test_an_upload_in_windows_1252_names_the_line_and_how_to_save_it() -> None:
    import base64

    raw = "course,term,teaches,requires\nÉtudes,1,SQL,\n".encode("cp1252")
    source = view.read_upload(
        {
            "filename": "plan.csv",
            "size": len(raw),
            "contents": "data:text/csv;base64," + base64.b64encode(raw).decode(),
        }
    )
    assert source == {
        "error": "plan.csv, line 2: not UTF-8 text (byte 0xC9, 'É' in Windows-1252); "
        "save the file as UTF-8 (in Excel: CSV UTF-8)"
    }


# ------------------------------------------------------------------ browser


class _Page:
    """A Playwright page that records console errors and page errors."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def upload(self, name: str, data: bytes, mime: str = "text/csv") -> None:
        self.page.set_input_files(
            "#gaps-upload input[type=file]", files=[{"name": name, "mimeType": mime, "buffer": data}]
        )

    def cy(self, script: str) -> Any:
        return self.page.evaluate(
            "(s) => { const cy = document.getElementById('gaps-canvas')._cyreg.cy; return eval(s); }", script
        )


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running_server(["--workers", "1"]) as url:
        yield url


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[_Page]:
    context = browser.new_context(viewport=DESKTOP)
    pg = _Page(context.new_page())
    pg.page.goto(server + "/gaps")
    pg.page.wait_for_selector("#gaps-upload")
    yield pg
    context.close()
    assert pg.errors == [], f"console errors: {pg.errors}"


@pytest.mark.browser
@pytest.mark.server
def test_an_excel_csv_is_checked_with_every_course_drawn(page: _Page, tmp_path: Path) -> None:
    # was: "excel.csv, line 1: missing column(s) 'course', 'term', 'teaches', 'requires'"
    page.upload("track.csv", EXCEL_CSV.encode("utf-8"))
    page.page.locator("#gaps-title", has_text="机器学习 track").wait_for(timeout=20000)
    assert page.page.locator("#gaps-message").inner_text().strip() == ""
    tiles = page.page.locator(".kpi").all_inner_texts()
    assert tiles[0].split() == ["6", "courses"]
    findings = page.page.locator("#gaps-findings").inner_text()
    # the cycle is said, and no fix tells the designer to move one of the two courses
    assert "'Data B' and 'Stats A' need each other's skills in a cycle" in findings
    assert "break the cycle (no order of 'Data B' and 'Stats A' fixes it)" in findings
    page.page.wait_for_function(
        "() => { const el = document.getElementById('gaps-canvas');"
        " return el && el._cyreg && el._cyreg.cy.nodes('.course').length > 0; }",
        timeout=20000,
    )
    labels = sorted(page.cy("cy.nodes('.course').map(n => n.data('label'))"))
    assert labels == sorted(
        [
            "线性代数 (term 1)",
            "机器学习 (term 2)",
            "C++ (term 1)",
            "C# (term 2)",
            "Stats A (term 3)",
            "Data B (term 3)",
        ]
    )
    # the gaps of each term, drawn even with no target role (no coverage chart then)
    page.page.wait_for_selector("#gaps-terms-chart .main-svg", timeout=20000)
    ticks = page.page.eval_on_selector_all(
        "#gaps-terms-chart .xtick text", "els => els.map(e => e.textContent)"
    )
    assert ticks == ["Term 12 courses, 3 skills", "Term 22 courses, 2 skills", "Term 32 courses, 2 skills"]
    assert page.page.locator("#gaps-chart").count() == 0
    page.page.screenshot(path=str(tmp_path / "excel.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "commas.csv",
            b"course,term,teaches,requires\nML,2,machine learning, statistics, linear algebra,Python programming\n",
            "commas.csv, line 2: 6 cells but the header has 4 columns (extra: 'linear algebra', "
            "'Python programming'); separate several skills in one cell with ';', not ',' (or quote the cell)",
        ),
        (
            "plan.csv",
            "course,term,teaches,requires\nÉtudes,1,SQL,\n".encode("cp1252"),
            "plan.csv, line 2: not UTF-8 text (byte 0xC9, 'É' in Windows-1252); "
            "save the file as UTF-8 (in Excel: CSV UTF-8)",
        ),
        (
            "typo.ttl",
            b"@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
            b"@prefix skill: <https://w3id.org/careerkg/id/skill/> .\n"
            b"<urn:x:cur> a ckg:Curriculum ; ckg:hasCourse <urn:x:a> .\n"
            b"<urn:x:a> a ckg:Course ; ckg:term 1 ; ckg:teach skill:statistics .\n",
            "typo.ttl, line 4: ckg:teach is not a term of the careerkg ontology; did you mean ckg:teaches?",
        ),
    ],
)
def test_a_bad_upload_is_one_line_saying_what_is_wrong_and_what_is_right(
    page: _Page, name: str, data: bytes, expected: str
) -> None:
    # was: comma-separated skills shifted into 'requires' and a report shown; a typo in
    # Turtle reported "No gaps found."
    page.upload(name, data, "text/turtle" if name.endswith(".ttl") else "text/csv")
    message = page.page.locator("#gaps-message")
    message.get_by_text(name, exact=False).first.wait_for(timeout=20000)
    assert message.inner_text().strip() == expected
    assert page.page.locator("#gaps-title").count() == 0
