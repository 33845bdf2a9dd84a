"""The Gaps page's chart of gaps per term: where in the programme the problems are.

Before it, the page had no chart unless target roles were given, and the only picture
of where the gaps fall was the canvas; a designer had to count findings by term.
"""

from __future__ import annotations

import pytest

from dashboard.views import gaps as view
from kg.store import Store

PLAN = """\
# entry requirements: Pyton
course,term,teaches,requires
Intro ML,1,machine learning,linear algebra
Maths,2,linear algebra; calculus,
Deep,3,deep learning; Underwater Basket Weaving,
Empty,3,,
"""


@pytest.fixture(scope="module")
def report() -> dict:  # type: ignore[type-arg]
    result = view.analyse(Store.default(), PLAN, "csv", "plan.csv")
    assert result["error"] is None
    return result["report"]  # type: ignore[no-any-return]


def test_term_gaps_count_each_finding_in_the_term_of_its_course(report: dict) -> None:  # type: ignore[type-arg]
    rows = view.term_gaps(report)
    # by hand: 'Pyton' is an unknown entry requirement (term 0), so Python is not
    # assumed; Intro ML (term 1) needs Python, probability theory and statistics (no
    # course teaches them) and calculus and linear algebra (taught in term 2, too late);
    # Deep (term 3) needs neural networks and names one unknown skill (counted among its
    # 2 skills as named); Maths (term 2) has nothing missing
    summary = [
        (
            r["term"],
            r["courses"],
            r["skills"],
            *(len(r[k]) for k in ("missing_prerequisites", "order_violations", "unknown_skills")),
        )
        for r in rows
    ]
    assert summary == [(0, 0, 0, 0, 0, 1), (1, 1, 1, 3, 2, 0), (2, 1, 2, 0, 0, 0), (3, 2, 2, 1, 0, 1)]
    total = sum(
        len(r[k]) for r in rows for k in ("missing_prerequisites", "order_violations", "unknown_skills")
    )
    assert total == len(report["missing_prerequisites"]) + len(report["order_violations"]) + len(
        report["unknown_skills"]
    )


def test_term_figure_stacks_the_gap_kinds_and_names_them_on_hover(report: dict) -> None:  # type: ignore[type-arg]
    fig = view.term_figure(report)
    assert fig.layout.barmode == "stack"
    assert [bar.name for bar in fig.data] == ["missing prerequisites", "order violations", "unknown skills"]
    assert list(fig.data[0].x) == [
        "Entry requirements",
        "Term 1<br>1 course, 1 skill",
        "Term 2<br>1 course, 2 skills",
        "Term 3<br>2 courses, 2 skills",
    ]
    assert list(fig.data[1].y) == [0, 2, 0, 0]
    hover = fig.data[1].hovertext[1]
    assert "'Intro ML' (term 1) needs 'calculus'" in hover
    assert "'Intro ML' (term 1) needs 'linear algebra'" in hover
    assert fig.data[2].hovertext[0].startswith("unknown skill 'Pyton' in the entry requirements")
    assert fig.data[0].hovertext[2] == "none"


def test_names_from_the_upload_are_shown_as_text_in_the_hover_not_as_tags() -> None:
    # plotly reads <a href>, <b>... in hover text; a course name is the uploader's text
    name = '<b>Bold</b> & <a href="https://example.com">link</a>'
    plan = f"course,term,teaches,requires\n{name},1,deep learning,\n"
    report = view.analyse(Store.default(), plan, "csv", "plan.csv")["report"]
    [bar] = [b for b in view.term_figure(report).data if b.name == "missing prerequisites"]
    hover = bar.hovertext[0]
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;a href=" in hover
    assert "<a " not in hover
    assert "<b>" not in hover
    assert bar.hoverlabel.namelength == -1  # the kind's name is not cut to 'missing prer...'
