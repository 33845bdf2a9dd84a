"""The Gaps page: pure view functions, the page layout, and a real browser uploading a CSV."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard.views import gaps as view
from kg.errors import InvalidCurriculum
from kg.store import Store
from tests.dashboard.conftest import DESKTOP
from tests.dashboard.test_browser import browser
from tests.support.server import running_server

__all__ = ["browser"]  # the shared Chromium fixture

# written against the shipped skills: one missing prerequisite, one order violation,
# one unknown skill
UPLOAD_CSV = """\
# curriculum: Upload test track
# entry requirements: Python programming; probability theory; statistics
# target roles: Data Scientist
course,term,teaches,requires
Machine Learning,1,machine learning,
Maths,2,linear algebra;calculus;Pyton,
Deep Learning,3,deep learning,
"""


ACCEPTED = "Upload a curriculum as CSV (.csv) or Turtle (.ttl) of at most 512 KiB."


def _upload(text: str | bytes) -> str:
    raw = text.encode() if isinstance(text, str) else text
    return "data:text/csv;base64," + base64.b64encode(raw).decode()


def test_analyse_an_upload(store: Store) -> None:
    text, fmt = view.decode_upload(_upload(UPLOAD_CSV), "track.csv")
    result = view.analyse(store, text, fmt, "track.csv")
    assert result["error"] is None
    report = result["report"]
    assert [f["prerequisite"]["label"] for f in report["missing_prerequisites"]] == ["neural networks"]
    # calculus is covered: it is a prerequisite of the entry requirement probability theory
    assert [f["prerequisite"]["label"] for f in report["order_violations"]] == ["linear algebra"]
    assert [u["name"] for u in report["unknown_skills"]] == ["Pyton"]
    assert result["md"].startswith("# Curriculum gaps: Upload test track")
    assert result["csv"].startswith("kind,course,term,skill,prerequisite,detail,suggestion")


def test_targets_override_and_errors_are_messages(store: Store) -> None:
    result = view.analyse(store, UPLOAD_CSV, "csv", "t.csv", ["role:machine-learning-engineer"])
    assert [c["role"]["label"] for c in result["report"]["coverage"]] == ["Machine Learning Engineer"]
    bad = view.analyse(store, "course,term,teaches,requires\nML,two,machine learning,\n", "csv", "bad.csv")
    assert bad["report"] is None
    assert bad["error"].startswith("bad.csv, line 2: bad term 'two'")


@pytest.mark.parametrize(
    ("contents", "name", "words"),
    [
        (_upload(b"\xe9\xfe\x00bad"), "x.csv", "not UTF-8"),  # (FF FE starts UTF-16: read)
        ("data:text/csv;base64,@@@", "x.csv", "could not be decoded"),
        (_upload("a" * (view.MAX_UPLOAD_BYTES + 10)), "big.csv", "over the 512 KiB limit"),
        (_upload("x"), "x.xlsx", "a .xlsx file is not a curriculum"),
    ],
)
def test_bad_uploads_are_refused(contents: str, name: str, words: str) -> None:
    with pytest.raises(InvalidCurriculum, match=words):
        view.decode_upload(contents, name)


@pytest.mark.parametrize(
    ("upload", "words"),
    [
        ({"filename": "pic.png", "size": 108, "contents": _upload("x")}, ["pic.png: a .png file is not"]),
        ({"filename": "notes", "size": 10, "contents": _upload("x")}, ["notes: a file without a .csv"]),
        # the browser held back the contents of a file over the limit; its size tells why
        (
            {"filename": "big.csv", "size": 2 * 1024 * 1024, "contents": None},
            ["big.csv: the file is 2.0 MiB"],
        ),
        ({"filename": "big.ttl", "size": 600 * 1024, "contents": None}, ["600 KiB, over the 512 KiB limit"]),
        (
            {"filename": "empty.csv", "size": 0, "contents": "data:text/csv;base64,"},
            ["empty.csv: the file is empty"],
        ),
    ],
)
def test_refused_uploads_name_the_file_the_problem_and_what_is_accepted(
    upload: dict[str, Any], words: list[str]
) -> None:
    error = view.read_upload(upload)["error"]
    for w in [*words, "CSV (.csv)", "Turtle (.ttl)", "at most 512 KiB"]:
        assert w in error


def test_an_accepted_upload_is_read() -> None:
    source = view.read_upload(
        {"filename": "track.csv", "size": len(UPLOAD_CSV), "contents": _upload(UPLOAD_CSV)}
    )
    assert source == {"text": UPLOAD_CSV, "fmt": "csv", "name": "track.csv"}
    turtle = view.read_upload({"filename": "t.TTL", "size": 1, "contents": _upload("x")})
    assert turtle["fmt"] == "turtle"
    assert view.read_upload(None) is None


def test_elements_highlight_each_kind_of_gap(store: Store) -> None:
    report = view.analyse(store, UPLOAD_CSV, "csv", "t.csv")["report"]
    els = view.gap_elements(report)
    nodes = {e["data"]["id"]: e for e in els if "source" not in e["data"]}
    edges = [e for e in els if "source" in e["data"]]
    by_label = {e["data"]["label"]: e["classes"] for e in nodes.values()}
    assert "gap-missing" in by_label["neural networks"]
    assert "gap-order" in by_label["linear algebra"]
    assert "gap-unknown" in by_label["Pyton (unknown)"]
    assert "entry" in by_label["Python programming"]
    assert "course" in by_label["Maths (term 2)"]
    # every edge joins drawn nodes, every node has a preset position
    assert all(e["data"]["source"] in nodes and e["data"]["target"] in nodes for e in edges)
    assert all("position" in n for n in nodes.values())
    # courses sit in columns by term
    xs = {e["data"]["label"]: e["position"]["x"] for e in nodes.values() if "course" in e["classes"]}
    assert xs["Machine Learning (term 1)"] < xs["Maths (term 2)"] < xs["Deep Learning (term 3)"]
    assert any("gap-order" in e["classes"] for e in edges)


def test_coverage_chart_and_findings_list(store: Store) -> None:
    report = view.analyse(store, UPLOAD_CSV, "csv", "t.csv")["report"]
    fig = view.coverage_figure(report["coverage"])
    assert list(fig.data[0].y) == ["Data Scientist"]
    assert list(fig.data[0].x) == [report["coverage"][0]["percent"]]
    text = str(view.findings_list(report))
    assert "neural networks" in text
    assert "Fix: " in text


def test_every_shipped_example_renders(store: Store) -> None:
    options = view.example_options()
    assert {o["value"] for o in options} == {
        "msc-ai-data-science.csv",
        "msc-ai-data-science.ttl",
        "ml-bootcamp.csv",
        "ml-bootcamp.ttl",
    }
    for o in options:
        text, fmt, name = view.load_example(o["value"])
        result = view.analyse(store, text, fmt, name)
        assert result["error"] is None, result["error"]
        assert view.gap_elements(result["report"])
    with pytest.raises(InvalidCurriculum):
        view.load_example("../../etc/passwd")


def test_page_is_registered_and_serves(store: Store) -> None:
    from dashboard.app import create_app

    app = create_app(store, warm=False)
    client = app.server.test_client()
    assert client.get("/gaps").status_code == 200
    import dash

    assert any(p["path"] == "/gaps" for p in dash.page_registry.values())
    from dashboard.pages import gaps as page

    with app.server.app_context():
        tree = str(page.layout(example="ml-bootcamp.csv"))
    assert "gaps-upload" in tree
    assert "Machine Learning Foundations" in tree


# ------------------------------------------------------------------ browser


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running_server(["--workers", "1"]) as url:
        yield url


@pytest.fixture(scope="module")
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.server
def test_upload_a_csv_and_see_its_findings(page: Any, server: str, tmp_path: Path) -> None:
    csv_path = tmp_path / "upload-track.csv"
    csv_path.write_text(UPLOAD_CSV, encoding="utf-8")
    page.goto(server + "/gaps")
    page.wait_for_selector("#gaps-upload")
    # nothing to download before a curriculum is checked
    assert page.get_by_role("button", name="Markdown").is_disabled()
    page.set_input_files("#gaps-upload input[type=file]", str(csv_path))
    findings = page.locator("#gaps-findings")
    findings.get_by_text("neural networks", exact=False).first.wait_for(timeout=20000)
    text = findings.inner_text()
    assert "missing prerequisites (1)" in text.lower()  # headings may be styled upper-case
    assert "order violations (1)" in text.lower()
    assert "unknown skills (1)" in text.lower()
    assert "Pyton" in text
    assert page.locator("#gaps-title").inner_text() == "Upload test track"
    page.wait_for_selector("#gaps-chart .main-svg", timeout=20000)
    # the canvas drew the courses and skills
    page.wait_for_function(
        "() => { const c = document.querySelector('#gaps-canvas canvas'); return c && c.width > 0; }",
        timeout=20000,
    )
    page.screenshot(path=str(tmp_path / "gaps.png"), full_page=True)
    assert (tmp_path / "gaps.png").stat().st_size > 10_000
    with page.expect_download(timeout=20000) as info:
        page.get_by_role("button", name="Markdown").click()
    saved = tmp_path / "report.md"
    info.value.save_as(saved)
    assert saved.read_text(encoding="utf-8").startswith("# Curriculum gaps: Upload test track")


@pytest.mark.browser
@pytest.mark.server
def test_refused_uploads_say_what_is_wrong_and_what_is_accepted(page: Any, server: str) -> None:
    page.goto(server + "/gaps")
    page.wait_for_selector("#gaps-upload")
    upload = "#gaps-upload input[type=file]"
    message = page.locator("#gaps-message")

    def send(name: str, mime: str, data: bytes) -> str:
        page.set_input_files(upload, files=[{"name": name, "mimeType": mime, "buffer": data}])
        message.get_by_text(name, exact=False).first.wait_for(timeout=20000)
        return str(message.inner_text())

    # a CSV the parser refuses: its own error
    assert "missing column" in send("bad.csv", "text/csv", b"a,b\n1,2\n")
    # a picture: named, what is wrong, what is accepted; the error of bad.csv is gone
    text = send("pic.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    assert "bad.csv" not in text
    assert "a .png file is not a curriculum" in text
    assert ACCEPTED in text
    # over the size limit (and over what the server takes in a request): refused in the browser
    text = send("big.csv", "text/csv", b"course,term,teaches,requires\n" + b"x" * (2 * 1024 * 1024))
    assert "pic.png" not in text
    assert "the file is 2.0 MiB, over the 512 KiB limit" in text
    assert ACCEPTED in text
    # a good file clears the message and shows its report
    page.set_input_files(
        upload, files=[{"name": "track.csv", "mimeType": "text/csv", "buffer": UPLOAD_CSV.encode()}]
    )
    page.locator("#gaps-title", has_text="Upload test track").wait_for(timeout=20000)
    assert message.inner_text().strip() == ""
    # an example, then the same file again: it is checked again
    page.click("#gaps-example")
    page.locator(".dash-dropdown-option", has_text="ML bootcamp (CSV)").click()
    page.locator("#gaps-title", has_text="ML bootcamp").wait_for(timeout=20000)
    page.set_input_files(
        upload, files=[{"name": "track.csv", "mimeType": "text/csv", "buffer": UPLOAD_CSV.encode()}]
    )
    page.locator("#gaps-title", has_text="Upload test track").wait_for(timeout=20000)


def test_the_headline_and_the_tiles_agree(store: Store) -> None:
    # the audit: "23 gaps found" over tiles adding up to 9 (no tile for the
    # uncovered essential skills of the target roles)
    report = view.analyse(store, *view.load_example("ml-bootcamp.csv"))["report"]
    tiles = view.summary_tiles(report)
    counted = {label: n for n, label, is_gap in tiles if is_gap}
    assert sum(counted.values()) == report["gap_count"] == 20
    # linear algebra and problem-solving are essential to both target roles: each is
    # one skill to add, so 14 role-skill pairs are 12 uncovered skills
    pairs = [u["iri"] for c in report["coverage"] for u in c["uncovered"]]
    assert (len(pairs), len(set(pairs))) == (14, 12)
    assert counted["uncovered essential skills"] == 12
    assert [u["iri"] for u in report["uncovered_skills"]] == list(dict.fromkeys(pairs))
    rendered = str(view.summary(report))
    for _n, label, _is_gap in tiles:
        assert label in rendered
    assert view.verdict(report).startswith("20 gaps found: 5 missing prerequisites, 2 order violations")


def test_coverage_chart_spans_0_to_100_and_explains_its_colours() -> None:
    cov = [
        {"role": {"label": "A"}, "percent": 80.8, "essential": 26, "covered": 21, "uncovered": []},
        {"role": {"label": "B"}, "percent": 70.0, "essential": 30, "covered": 21, "uncovered": []},
    ]
    fig = view.coverage_figure(cov)
    assert list(fig.layout.xaxis.range) == [0, 100]
    assert fig.layout.xaxis.autorange is False
    assert fig.layout.margin.r >= 30  # room for the "100%" tick label
    assert list(fig.data[0].marker.color) == [view.NEARLY_COLOUR, view.HIGHLIGHT]
    # the note on the colours is under the title, in lines a phone's chart holds
    assert fig.layout.title.subtitle.text.split("<br>") == list(view.COVERAGE_NOTE_LINES)
    assert " ".join(view.COVERAGE_NOTE_LINES) == view.COVERAGE_NOTE
    assert "75%" in view.COVERAGE_NOTE
