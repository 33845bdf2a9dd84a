"""`careerkg validate`: a text where a node's IRI belongs (``ckg:usesTool "pandas"``) is
one violation on the link, naming the node the text means."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result

from tests.support.cli import invoke

PREFIXES = """@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix role: <https://w3id.org/careerkg/id/role/> .
@prefix src: <https://w3id.org/careerkg/id/source/> .
"""

LITERALS = (
    PREFIXES
    + """
role:data-scientist ckg:usesTool "pandas" ;
    ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill "python" ; ckg:importance ckg:Essential ;
                         ckg:level 3 ; dcterms:source src:curated ] .
"""
)


def run(*args: str) -> Result:
    return invoke("validate", *args)


@pytest.fixture
def literals(tmp_path: Path) -> Path:
    path = tmp_path / "literals.ttl"
    path.write_text(LITERALS, encoding="utf-8")
    return path


@pytest.mark.parametrize("default", [[], ["--with-default"]], ids=["alone", "with-default"])
def test_a_literal_where_a_node_belongs_is_one_violation_naming_the_node(
    literals: Path, default: list[str]
) -> None:
    out = run(str(literals), *default)
    assert out.exit_code == 1, out.output
    tool = [line for line in out.output.splitlines() if '"pandas"' in line]
    # alone, the role is typed in the shipped data only, so no shape targets it: the
    # text was accepted without a word
    assert len(tool) == 1, out.output
    assert "[ckg:usesTool]" in tool[0], tool[0]
    assert "where a ckg:Tool belongs" in tool[0], tool[0]
    assert "write tool:pandas" in tool[0], tool[0]
    skill = [line for line in out.output.splitlines() if '"python"' in line]
    # one line on the requirement; not a second on the ckg:requiresSkill shortcut derived from it
    assert len(skill) == 1, out.output
    assert "[ckg:requiredSkill]" in skill[0]
    assert "write skill:python ('Python programming')" in skill[0]


def test_a_text_naming_no_node_gets_the_closest_names(tmp_path: Path) -> None:
    path = tmp_path / "typo.ttl"
    path.write_text(PREFIXES + 'role:data-scientist ckg:usesTool "pandass" .\n', encoding="utf-8")
    out = run(str(path))
    assert out.exit_code == 1, out.output
    assert "no ckg:Tool is named so, closest: 'pandas'" in out.output, out.output


def test_a_literal_of_a_data_property_is_not_this_finding() -> None:
    from kg.store import Store
    from kg.validate import validate

    report = validate(Store.default().graph)
    assert report.conforms
    assert not [f for f in report.findings if f.check == "literal"]
