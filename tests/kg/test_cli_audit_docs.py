"""What README.md and docs/*.md show the commands printing, and the figures they quote,
are what ``careerkg`` prints on the shipped data."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from tests.support.cli import invoke

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "docs" / "sparql.md", ROOT / "docs" / "importing.md"]


def _shown(doc: Path) -> list[tuple[str, list[str]]]:
    """Each ``$ careerkg ...`` line of the doc's console blocks that is followed by the
    output it prints, with that output."""
    shown: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", doc.read_text(encoding="utf-8"), re.S):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if not line.startswith("$ careerkg ") or line.endswith("\\"):
                continue
            output = []
            for after in lines[i + 1 :]:
                if not after.strip() or after.startswith(("$ ", "#")):
                    break
                output.append(after)
            if output:
                shown.append((line[2:], output))
    return shown


EXAMPLES = [(doc.name, command, output) for doc in DOCS for command, output in _shown(doc)]


def test_the_docs_show_some_output() -> None:
    assert len(EXAMPLES) >= 3, EXAMPLES


@pytest.mark.parametrize(("doc", "command", "output"), EXAMPLES, ids=[c for _, c, _ in EXAMPLES])
def test_a_command_prints_what_the_docs_show(doc: str, command: str, output: list[str]) -> None:
    # was: docs/sparql.md showed role:nlp-engineer among the closest names of role:ml-engineer,
    # which careerkg no longer offers
    args = shlex.split(command)[1:]
    assert "|" not in args
    assert ">" not in args
    result = invoke(*args)
    printed = result.stdout.splitlines() + result.stderr.splitlines()
    assert [line.rstrip() for line in printed] == [line.rstrip() for line in output], doc


def _stats() -> dict[str, dict[str, int]]:
    result = invoke("stats", "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, dict[str, int]] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize(
    ("phrase", "cls"),
    [
        ("roles", "Role"),
        ("skills", "Skill"),
        ("tools", "Tool"),
        ("degrees", "Degree"),
        ("certifications", "Certification"),
        ("career steps", "Progression"),
    ],
)
def test_the_readme_counts_the_shipped_data_as_stats_does(phrase: str, cls: str) -> None:
    # was: '29 career steps' where careerkg stats counts 33 progressions
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    paragraph = text.split("`data/` is the curated graph:", 1)[1].split("\n\n", 1)[0]
    match = re.search(rf"(\d[\d,]*)\s+{phrase}\b", " ".join(paragraph.split()))
    assert match is not None, phrase
    assert int(match[1].replace(",", "")) == _stats()["classes"][cls]


def test_the_readme_gives_about_as_many_requirements_as_stats_counts() -> None:
    # the curated requirements change often: the README rounds them, to within 5 %
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    match = re.search(r"about (\d[\d,]*) qualified requirements", text)
    assert match is not None
    assert abs(int(match[1].replace(",", "")) - _stats()["classes"]["Requirement"]) <= 0.05 * int(match[1])


def _hours(*args: str) -> tuple[float, int]:
    result = invoke("path", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    return plan["total_hours"], len(plan["roles"]) - 1


def _importing() -> str:
    return " ".join((ROOT / "docs" / "importing.md").read_text(encoding="utf-8").split())


def test_importing_quotes_the_plan_from_scratch_as_path_prints_it() -> None:
    # was: '1,912 h from scratch' where 'careerkg path - "Data Scientist"' plans 1,811.7 h
    match = re.search(r"against ([\d,]+) h from scratch", _importing())
    assert match is not None
    hours, _ = _hours("-", "Data Scientist")
    assert int(match[1].replace(",", "")) == round(hours)


def test_importing_quotes_the_software_engineer_plan_as_path_prints_it() -> None:
    match = re.search(r"Engineer's path \(([\d,]+) h, one career step\)", _importing())
    assert match is not None
    hours, steps = _hours("Software Engineer", "Machine Learning Engineer")
    assert (int(match[1].replace(",", "")), steps) == (round(hours), 1)


def _readme() -> str:
    return " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())


def test_the_readme_quotes_a_reason_the_first_example_gives() -> None:
    # was: "required by Machine Learning Engineer at level 3 (essential); prerequisite of MLOps",
    # a reason no step of the README's examples gives
    match = re.search(r'why each step is there \("([^"]+)"\)', _readme())
    assert match is not None
    result = invoke("path", "Software Engineer", "Machine Learning Engineer", "--format", "json")
    assert result.exit_code == 0, result.output
    reasons = ["; ".join(step["reasons"]) for step in json.loads(result.stdout)["steps"]]
    assert match[1] in reasons


def test_the_readme_quotes_an_alternative_as_the_second_example_says_it() -> None:
    # was: "+293.3 h; adds convolutional neural networks, ..." without the level raise of
    # linear algebra the alternative now names first
    match = re.search(r'the skills it takes to another level \("([^"]+)"\)', _readme())
    assert match is not None
    result = invoke("path", "Data Scientist", "Lead ML Engineer", "--alternatives", "2")
    assert result.exit_code == 0, result.output
    assert match[1] in " ".join(result.stdout.split())
