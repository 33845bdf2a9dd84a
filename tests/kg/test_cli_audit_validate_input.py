"""``careerkg validate FILE`` given a file with nothing in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import invoke


@pytest.mark.parametrize("content", ["", "\n  \n"], ids=["empty", "blank"])
def test_an_empty_file_is_said_to_hold_nothing_to_validate(tmp_path: Path, content: str) -> None:
    # was: 'conforms' and nothing else: only the ontology had been checked
    empty = tmp_path / "export.ttl"
    empty.write_text(content, encoding="utf-8")
    result = invoke("validate", str(empty))
    assert result.exit_code == 0, result.output  # the exit code is as before: it does conform
    assert f"careerkg: note: {empty} is empty: it holds nothing to validate" in result.stderr
    assert "conforms" in result.stdout


def test_a_file_with_triples_is_validated_without_the_note(tmp_path: Path) -> None:
    data = tmp_path / "skill.ttl"
    data.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<https://example.org/s> a ckg:Skill ; skos:prefLabel "made-up skill"@en ;\n'
        '    skos:definition "A skill made up for a test."@en ; ckg:learningHours 10 .\n',
        encoding="utf-8",
    )
    result = invoke("validate", str(data), "--format", "json")
    assert result.exit_code in (0, 1), result.output
    assert '"conforms"' in result.stdout
    assert "is empty" not in result.stderr


BROKEN = """@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
skill:x a ckg:Skill ; skos:prefLabel "x"@en ; ckg:learningHours -5 ; ckg:hasPrerequisite skill:y .
skill:y a ckg:Skill ; skos:prefLabel "y"@en ; ckg:hasPrerequisite skill:x .
"""


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: int | None) -> str:
    import kg.cli.validate

    data = tmp_path / "broken.ttl"
    data.write_text(BROKEN, encoding="utf-8")
    monkeypatch.setattr(kg.cli.validate, "terminal_width", lambda: width)
    result = invoke("validate", str(data), "--no-progress")
    assert result.exit_code == 1, result.output
    return result.stdout


def test_the_findings_are_wrapped_to_the_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # was: findings of 150 characters and more, broken wherever the terminal's edge fell
    whole = _findings(tmp_path, monkeypatch, None)
    wrapped = _findings(tmp_path, monkeypatch, 80)
    assert max(map(len, whole.splitlines())) > 80  # piped, each finding stays one line
    assert max(map(len, wrapped.splitlines())) <= 80
    assert wrapped.split() == whole.split()
    lines = wrapped.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("VIOLATION "))
    assert lines[first + 1].startswith(" " * 10)  # goes on under the node, past the severity
    assert lines[first + 1][10] != " "
