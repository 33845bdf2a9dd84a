"""``careerkg path``'s table with skill labels as long as ESCO's: the rows fit the width."""

from __future__ import annotations

import pytest

from kg.cli.path import render_table
from kg.paths import learning_path
from kg.synthetic import tiny_graph

LONG = "apply research ethics and scientific integrity principles in research activities"


def _path():  # type: ignore[no-untyped-def]
    graph = tiny_graph()
    graph.nodes["skill:linear-algebra"]["label"] = LONG
    return learning_path(graph, "role:analyst", "role:data-scientist")


@pytest.mark.parametrize("width", [60, 100, 130])
def test_a_long_skill_label_wraps_in_its_column(width: int) -> None:
    # was: rows of 114 characters on a terminal of 100, broken by it at its edge
    table = render_table(_path(), width=width)
    lines = table.splitlines()
    assert max(map(len, lines)) <= width, table
    words = table.split()
    for word in LONG.split():  # the label is all there
        assert word in words
    step = next(i for i, line in enumerate(lines) if line.lstrip().startswith("1  "))
    skill_at = lines[step].index("apply")
    assert lines[step + 1][skill_at - 1] == " "
    assert lines[step + 1][skill_at] != " "  # the label goes on in its column, under itself


def test_short_labels_keep_the_table_as_it_was() -> None:
    table = render_table(learning_path(tiny_graph(), "role:analyst", "role:data-scientist"), width=100)
    # hours as kg.pathtext.hours_text writes them everywhere (whole hours from 10 up, fa84be3)
    assert "  1  Linear Algebra    0→3       30          30  prerequisite of Machine Learning" in table
