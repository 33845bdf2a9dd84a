"""``careerkg validate FILE`` given a file with nothing in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import invoke


@pytest.mark.parametrize("content", ["", "\n  \n"], ids=["empty", "blank"])
def test_an_empty_file_is_refused_not_said_to_conform(tmp_path: Path, content: str) -> None:
    # was: 'conforms', exit 0: only the ontology had been checked
    empty = tmp_path / "export.ttl"
    empty.write_text(content, encoding="utf-8")
    result = invoke("validate", str(empty))
    assert result.exit_code == 2, result.output
    assert f"{empty}: an empty file: nothing to validate" in result.output
    assert "conforms" not in result.output


def test_a_file_with_triples_is_validated_as_before(tmp_path: Path) -> None:
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
