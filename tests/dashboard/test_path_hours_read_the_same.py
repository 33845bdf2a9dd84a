"""Hours read the same wherever a user sees a learning path: the path finder page, its
Markdown download, the effort chart's hover, ``careerkg path`` (table and Markdown) and
the alternatives' "+N h". The page said 872 hours for Data Analyst → Data Scientist
(871.66) where the Markdown download and the CLI said 871.7. One rule,
:func:`kg.pathtext.hours_text`: whole hours from 10 up, one decimal below."""

from __future__ import annotations

import re
from typing import Any

import pytest
from click.testing import CliRunner

from dashboard.downloads import to_markdown
from dashboard.views import path as view
from kg.cli import _register, cli
from kg.pathtext import hours_text
from kg.store import Store

ROLE = "https://w3id.org/careerkg/id/role/"


def _cli(*args: str) -> str:
    _register()
    result = CliRunner().invoke(cli, ["path", *args], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return result.output


def _texts(component: Any, cls: str) -> list[str]:
    """The text of every element of class ``cls`` under a Dash component, in order."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, (list, tuple)):
            for child in node:
                walk(child)
            return
        if not hasattr(node, "to_plotly_json"):
            return
        if cls in str(getattr(node, "className", "") or "").split():
            found.append(_flat(node))
        walk(getattr(node, "children", None))

    walk(component)
    return found


def _flat(node: Any) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, (list, tuple)):
        return "".join(_flat(n) for n in node)
    if hasattr(node, "to_plotly_json") and "sr-only" not in str(getattr(node, "className", "")):
        return _flat(getattr(node, "children", None) or "")
    return ""


@pytest.fixture(scope="module")
def shown(default_store: Store) -> dict[str, Any]:
    result = view.compute(default_store, ROLE + "data-analyst", ROLE + "data-scientist", [], 1)
    return {"result": result, "page": view.render(default_store, result)}


def test_the_total_reads_the_same_on_the_page_in_the_download_and_the_cli(shown: dict[str, Any]) -> None:
    path = shown["result"]["path"]
    assert f"{path['total_hours']:.2f}" == "871.66"  # the case a user saw
    kpis = _texts(shown["page"]["summary"], "kpi-n")
    assert kpis[1] == "872"
    n = len(path["steps"])
    assert f"Total: 872 hours in {n} steps." in to_markdown(path)
    assert f"total: 872 hours in {n} steps" in _cli("Data Analyst", "Data Scientist")
    assert f"**Total:** 872 hours in {n} steps" in _cli("Data Analyst", "Data Scientist", "--format", "md")
    assert "872 hours" in view.announcement(shown["result"])


def test_each_step_reads_the_same_on_the_page_in_the_download_and_the_cli(shown: dict[str, Any]) -> None:
    path = shown["result"]["path"]
    page = [
        (h.removesuffix(" h"), c.removeprefix("Σ ").removesuffix(" h"))
        for h, c in zip(
            _texts(shown["page"]["steps"], "step-hours"),
            _texts(shown["page"]["steps"], "step-cum"),
            strict=True,
        )
    ]
    md_rows = [
        line.split(" | ")[3:5] for line in to_markdown(path).splitlines() if re.match(r"\| \d+ \|", line)
    ]
    cli_md = _cli("Data Analyst", "Data Scientist", "--format", "md")
    cli_rows = [line.split(" | ")[3:5] for line in cli_md.splitlines() if re.match(r"\| \d+ \|", line)]
    table = _cli("Data Analyst", "Data Scientist")
    text_rows = [
        re.split(r"\s{2,}", line.strip())[3:5]
        for line in table.splitlines()
        if re.match(r"\s+\d+\s{2}\S", line)
    ]
    assert (
        page == [tuple(r) for r in md_rows] == [tuple(r) for r in cli_rows] == [tuple(r) for r in text_rows]
    )
    assert len(page) == len(path["steps"])
    assert any("." in h for h, _ in page) or all(float(s["hours"]) >= 10 for s in path["steps"])


def _hover(trace: dict[str, Any], i: int) -> str:
    """What the chart's hover box says of point ``i`` of ``trace`` (its template filled)."""
    said = str(trace["hovertemplate"])
    for k, value in enumerate(trace["customdata"][i]):
        said = said.replace("%{customdata[" + str(k) + "]}", str(value))
    if "hovertext" in trace:
        said = said.replace("%{hovertext}", str(trace["hovertext"][i]))
    assert "%{" not in said.split("<extra>")[0], said  # no number Plotly formats itself
    return said


def test_the_charts_hover_and_table_read_the_hours_as_the_steps_do(shown: dict[str, Any]) -> None:
    from dashboard.figures import figure_table

    figure = shown["page"]["figure"]
    path = shown["result"]["path"]
    hover = {}
    for trace in figure["data"][:-1]:
        for i, x in enumerate(trace["x"]):
            hover[x] = _hover(trace, i)
    rows = {
        r[0]["text"]: [c["text"] for c in r[1:]] for r in figure_table(figure, "step", group="area")["rows"]
    }
    for s in path["steps"]:
        label = f"{s['position']}. {s['label']}"
        assert f"<br>{hours_text(s['hours'])} h<" in hover[label], hover[label]
        assert rows[label][1:] == [hours_text(s["hours"]), hours_text(s["cumulative_hours"])]
    line = figure["data"][-1]
    assert f"<br>{hours_text(path['total_hours'])} h in all" in _hover(line, len(path["steps"]) - 1)


def test_an_alternative_reads_its_hours_by_the_same_rule(default_store: Store) -> None:
    result = view.compute(
        default_store, ROLE + "data-scientist", ROLE + "lead-machine-learning-engineer", [], 2
    )
    path = result["path"]
    page = view.render(default_store, result)
    cli = " ".join(_cli("Data Scientist", "Lead ML Engineer", "--alternatives", "2").split())
    for a in path["alternatives"]:
        delta = float(a["total_hours"]) - float(path["total_hours"])
        said = f"{hours_text(delta, sign=True)} h;"
        assert re.fullmatch(r"[+-][\d,]+(\.\d)? h;", said)
        assert said in cli
        assert said in " ".join(_texts(page["alternatives"], "alt-diff"))
        assert f"{hours_text(a['total_hours'])} hours in" in cli
        assert f"{hours_text(a['total_hours'])} hours in" in to_markdown(path)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (871.66, "872"),
        (1648.33, "1,648"),
        (13.33, "13"),
        (9.96, "10"),
        (6.666, "6.7"),
        (2.5, "2.5"),
        (40.0, "40"),
        (5.0, "5"),
        (0.0, "0"),
        (None, "0"),
        (-0.04, "0"),
    ],
)
def test_the_rule(value: float | None, text: str) -> None:
    assert hours_text(value) == text


def test_whole_hours_are_rounded_once() -> None:
    # rounded to a tenth first, 13.46 read 14 (13.5, then to even), where the overview's
    # hours to each role (Plotly's ",.0f") and a whole 13.46 read 13
    assert [hours_text(v) for v in (13.46, 26.46, 13.54)] == ["13", "26", "14"]
    assert hours_text(-13.46, sign=True) == "-13"


def test_the_rule_with_a_sign() -> None:
    assert [hours_text(v, sign=True) for v in (293.3, -46.7, 6.66, -0.01)] == ["+293", "-47", "+6.7", "+0"]
