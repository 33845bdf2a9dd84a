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
