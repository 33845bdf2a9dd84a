"""A tool where a known skill belongs, and a bad level in a shared address: the CLI and
the Path finder page say the same thing, and say what to write instead.

The page's known-skills box offered tools (PyTorch) that the plan then refused with a
raw IRI ('unknown skill name 'https://w3id.org/careerkg/id/tool/pytorch''); a shared
address with 'Python:9' was planned silently at level 5, and 'Python:x' was called an
unknown name, where the CLI names the level as what is wrong."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from dashboard.views import path as view
from kg.cli import _register, cli
from kg.errors import KGError
from kg.paths import plan
from kg.store import Store

DS = "https://w3id.org/careerkg/id/role/data-scientist"


def _cli_error(*know: str) -> str:
    _register()
    args = ["path", "-", "Data Scientist"] + [a for k in know for a in ("--know", k)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    return result.output


def test_a_tool_given_as_a_known_skill_names_the_skills_it_supports(store: Store) -> None:
    with pytest.raises(KGError) as err:
        plan(store, None, "Data Scientist", know=["PyTorch:3"])
    message = str(err.value)
    assert "'PyTorch' is a tool, not a skill" in message
    assert "deep learning" in message  # the tool's ckg:supportsSkill
    assert "neural networks" in message
    example = message.split("e.g. '", 1)[1].split("'", 1)[0]  # what to write, with the level given
    assert example.endswith(":3")
    assert example[:-2] in message.split("(it supports ", 1)[1]
    assert message in _cli_error("PyTorch:3")


def test_the_page_offers_no_tool_as_a_known_skill(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(view, "OPTIONS_CAP", 0)  # search on the server, as on a big graph
    typed = view.box_options(store, list(view.KNOW_KINDS), "PyTorch", [], []) or []
    assert all("/tool/" not in o["value"] for o in typed), typed
    deep = view.box_options(store, list(view.KNOW_KINDS), "deep", [], []) or []
    assert "https://w3id.org/careerkg/id/skill/deep-learning" in [o["value"] for o in deep]


@pytest.mark.parametrize("know", ["PyTorch:3", "Python:9", "Python:0", "Python:x", "Python:3.5", ":3"])
def test_a_shared_address_says_what_the_cli_says_of_a_known_skill(store: Store, know: str) -> None:
    _options, values, problem = view.know_options(store, know)
    assert values == []  # not planned silently at another level
    with pytest.raises(KGError) as err:
        plan(store, None, "Data Scientist", know=[know])
    assert problem == f"{err.value}."  # a sentence of the page's alert


def test_good_known_skills_in_an_address_still_plan(store: Store) -> None:
    _options, values, problem = view.know_options(store, "python:4, SQL, Linear Algebra:2")
    assert problem == ""
    assert [v.rsplit("/", 1)[-1] for v in values] == ["python:4", "sql", "linear-algebra:2"]
    result = view.compute(store, None, DS, values)
    assert result["error"] is None
    assert {k["label"]: k["level"] for k in result["path"]["known"]} == {
        "Python programming": 4,
        "SQL": 5,
        "linear algebra": 2,
    }


def test_each_bad_entry_of_an_address_is_its_own_line(store: Store) -> None:
    _options, values, problem = view.know_options(store, "PyTorch:3,Python:9,SQL")
    assert [v.rsplit("/", 1)[-1] for v in values] == ["sql"]
    lines = problem.splitlines()  # the page's alert shows one paragraph a line
    assert len(lines) == 2, problem
    assert lines[0].startswith("'PyTorch' is a tool")
    assert lines[0].endswith(".")
    assert lines[1] == "level 9 in 'Python:9' is out of range; give a level from 1 to 5, e.g. 'Python:3'."
