"""`careerkg validate` on a small broken file as a curator writes one: each problem is one
line naming the node by its label, with the value as written and what would be right."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result

from kg.validate import validate_files
from tests.support.cli import invoke

PREFIXES = """@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix role: <https://w3id.org/careerkg/id/role/> .
@prefix src: <https://w3id.org/careerkg/id/source/> .
"""

BROKEN = (
    PREFIXES
    + """
skill:alpha a ckg:Skill ; skos:prefLabel "Alpha skill"@en ; skos:definition "a"@en ; dcterms:source src:curated ;
   ckg:skillType ckg:Knowledge ; ckg:hasPrerequisite skill:beta .
skill:beta a ckg:Skill ; skos:prefLabel "Beta skill"@en ; skos:definition "b"@en ; dcterms:source src:curated ;
   ckg:skillType ckg:Knowledge ; ckg:learningHours "lots" ; ckg:hasPrerequisite skill:gamma .
skill:gamma a ckg:Skill ; skos:prefLabel "Gamma skill"@en ; skos:definition "c"@en ; dcterms:source src:curated ;
   ckg:skillType ckg:Knowledge ; ckg:learningHours 10 ; ckg:hasPrerequisite skill:alpha , skill:nowhere .
role:tester a ckg:Role ; skos:prefLabel "Tester"@en ; skos:definition "t"@en ; dcterms:source src:curated ;
   ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill skill:alpha ; ckg:importance ckg:Essential ;
                        ckg:level "3" ; dcterms:source src:curated ] ;
   ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill skill:ghost ; ckg:importance ckg:Essential ;
                        ckg:level 2 ; dcterms:source src:curated ] ;
   ckg:hasProgression [ a ckg:Progression ; ckg:toRole role:data-scientist ; ckg:typicalYears 2 ;
                        dcterms:source src:curated ] .
"""
)


def run(*args: str) -> Result:
    return invoke("validate", *args)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.ttl"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def _lines(out: Result, *needles: str) -> list[str]:
    return [line for line in out.output.splitlines() if all(n in line for n in needles)]


def test_each_problem_is_reported_once(broken: Path) -> None:
    out = run(str(broken), "--with-default")
    assert out.exit_code == 1
    lines = out.output.splitlines()[1:]
    assert len(lines) == len(set(lines)), out.output
    # the requirement with a string level: one line, not one per constraint and shape path
    assert len(_lines(out, "requirement Tester -> Alpha skill", "[ckg:level]")) == 1, out.output
    assert len(_lines(out, "Beta skill", "[ckg:learningHours]")) == 1, out.output


def test_a_dangling_reference_is_one_line(broken: Path) -> None:
    out = run(str(broken), "--with-default")
    ghost = _lines(out, "ghost")
    assert len(ghost) == 1, out.output
    assert "requirement Tester -> ghost" in ghost[0]
    assert "not described in the graph" in ghost[0]
    nowhere = _lines(out, "nowhere")
    assert len(nowhere) == 1, out.output
    assert "Gamma skill" in nowhere[0]


def test_a_nested_shape_failure_is_not_repeated_on_its_owner(broken: Path) -> None:
    out = run(str(broken), "--with-default")
    assert "Value does not conform to Shape" not in out.output


def test_a_wrong_datatype_shows_the_value_as_written_and_the_expected_type(broken: Path) -> None:
    out = run(str(broken), "--with-default")
    (level,) = _lines(out, "requirement Tester -> Alpha skill", "[ckg:level]")
    assert '"3"' in level
    assert "a string, not xsd:integer" in level
    (hours,) = _lines(out, "Beta skill", "[ckg:learningHours]")
    assert '"lots"' in hours
    assert "a string, not xsd:decimal or xsd:integer" in hours


def test_a_missing_required_property_and_a_cycle_are_one_line_each(broken: Path) -> None:
    out = run(str(broken), "--with-default")
    (hours,) = _lines(out, "Alpha skill", "[ckg:learningHours]")
    assert "needs exactly one positive ckg:learningHours" in hours
    (cycle,) = _lines(out, "prerequisite cycle")
    assert "remove one ckg:hasPrerequisite link" in cycle


def test_a_file_alone_says_which_references_are_in_the_shipped_data(broken: Path) -> None:
    out = run(str(broken))
    assert out.exit_code == 1
    # five references or more to shipped nodes are one line, naming them (they flooded the
    # report: 44 lines for the shipped example curriculum ml-bootcamp.ttl)
    (shipped,) = _lines(out, "nodes the shipped data describes")
    assert "role:data-scientist" in shipped
    assert "src:curated" in shipped
    assert shipped.endswith("validate with --with-default to include it")
    assert not [line for line in _lines(out, "[dcterms:source]") if "--with-default" in line], out.output
    # a reference the shipped data does not describe either gets no such hint
    (ghost,) = _lines(out, "ghost")
    assert "--with-default" not in ghost


def test_a_node_shipped_as_another_kind_says_so(tmp_path: Path) -> None:
    # tool:pytorch taught as a skill: the shipped data describes it, as a tool; including
    # it would not make the finding go, so the finding does not say to
    course = tmp_path / "course.ttl"
    course.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix tool: <https://w3id.org/careerkg/id/tool/> .\n"
        '<https://example.org/c> a ckg:Course ; skos:prefLabel "C"@en ;\n'
        "    ckg:hasTeaching [ a ckg:Teaching ; ckg:taughtSkill tool:pytorch ; ckg:level 2 ] .\n",
        encoding="utf-8",
    )
    out = run(str(course))
    (line,) = _lines(out, "tool:pytorch")
    assert line.endswith(
        "the shipped data describes it as a ckg:Tool, not a ckg:Skill (value: https://w3id.org/careerkg/id/tool/pytorch)"
    )
    assert "--with-default" not in line


def test_the_findings_are_the_same_from_python(broken: Path) -> None:
    report = validate_files([str(broken)], with_default=True)
    keys = [(f.node, f.path, f.message, f.value) for f in report.findings]
    assert len(keys) == len(set(keys))


def test_many_nodes_with_the_same_finding_are_one_entry_unless_all_are_asked(tmp_path: Path) -> None:
    # an import has thousands of findings of a few kinds (8,775 O*NET tools without a
    # definition): listed one a line, they hid everything else
    tools = "".join(
        f'<https://w3id.org/careerkg/id/tool/t{i}> a ckg:Tool ; skos:prefLabel "Tool {i}"@en ; '
        "dcterms:source src:curated ; ckg:supportsSkill skill:gamma .\n"
        for i in range(7)
    )
    skill = (
        'skill:gamma a ckg:Skill ; skos:prefLabel "Gamma skill"@en ; skos:definition "c"@en ; '
        "dcterms:source src:curated ; ckg:skillType ckg:Knowledge ; ckg:learningHours 10 .\n"
        'src:curated a ckg:SourceDocument ; dcterms:title "Curated"@en .\n'
    )
    path = tmp_path / "tools.ttl"
    path.write_text(PREFIXES + skill + tools, encoding="utf-8")
    grouped = run(str(path))
    assert grouped.exit_code == 0, grouped.output
    lines = grouped.output.splitlines()
    assert lines[0] == "conforms, 7 warning(s)"
    assert lines[1].startswith("WARNING   7 nodes [skos:definition]: ")
    assert lines[2] == (
        "          e.g. Tool 0 <https://w3id.org/careerkg/id/tool/t0>, Tool 1 <https://w3id.org/careerkg/id/tool/t1>, "
        "Tool 2 <https://w3id.org/careerkg/id/tool/t2> and 4 more"
    )
    assert len(lines) == 3
    every = run(str(path), "--all")
    assert every.output.splitlines()[0] == "conforms, 7 warning(s)"
    assert len(_lines(every, "[skos:definition]", "<https://w3id.org/careerkg/id/tool/t")) == 7


def test_progress_says_what_is_checked_and_how_long_it_took(broken: Path) -> None:
    out = run(str(broken), "--progress")
    assert out.stderr.startswith("careerkg: checking the shapes, cycles and references...")
    assert (
        out.stderr.rstrip("\n")
        .rsplit("\r", 1)[-1]
        .startswith("careerkg: checking the shapes, cycles and references: done in ")
    )
    assert "checking" not in run(str(broken)).stderr  # not on a pipe, by default


def test_progress_names_the_phase_under_way(broken: Path) -> None:
    # a store's validation runs for minutes; the line says which part it is at
    out = run(str(broken), "--progress")
    shown = out.stderr.split("\r")
    phases = [line.rsplit("(", 1)[-1].rstrip(") ") for line in shown if line.rstrip().endswith(")")]
    # the line is drawn again as the seconds go by ("0 s (the SHACL shapes)", then "1 s (the
    # SHACL shapes)" on a loaded machine): each phase in turn, however many times drawn
    turns = [phase for i, phase in enumerate(phases) if i == 0 or phase != phases[i - 1]]
    assert turns == ["reading the files", "the SHACL shapes", "cycles, references and terms"], out.stderr
    assert shown[-1].rstrip().startswith("careerkg: checking the shapes, cycles and references: done in ")


ILL_TYPED = (
    PREFIXES
    + """@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix tool: <https://w3id.org/careerkg/id/tool/> .
tool:mytool a ckg:Tool ; skos:prefLabel "My tool"@en ; skos:definition "t"@en ; dcterms:source src:curated ;
    ckg:supportsSkill skill:python ; ckg:hotTechnology "yes"^^xsd:boolean ; ckg:isEstimate "1"^^xsd:boolean .
"""
)


@pytest.fixture
def ill_typed(tmp_path: Path) -> Path:
    path = tmp_path / "ill-typed.ttl"
    path.write_text(ILL_TYPED, encoding="utf-8")
    return path


def test_an_ill_typed_boolean_is_shown_as_written_and_said_to_be_invalid(ill_typed: Path) -> None:
    # "yes"^^xsd:boolean was reported as "false"^^xsd:boolean, a value never written,
    # "an ill-formed xsd:boolean, not xsd:boolean"
    out = run(str(ill_typed), "--with-default")
    assert out.exit_code == 1, out.output
    (line,) = _lines(out, "My tool", "[ckg:hotTechnology]")
    assert line.endswith(
        '"yes"^^xsd:boolean is not a valid xsd:boolean: write true or false (value: "yes"^^xsd:boolean)'
    ), line
    assert "false" not in line.replace("true or false", ""), line
    # "1" is an xsd:boolean (true) written otherwise: no finding
    assert not _lines(out, "[ckg:isEstimate]"), out.output


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_an_ill_typed_boolean_from_python_is_never_shown_as_false(ill_typed: Path, backend: str) -> None:
    from kg.store import Store
    from kg.validate import validate

    report = validate(Store.default([str(ill_typed)], backend=backend).graph)
    (finding,) = [f for f in report.findings if f.path == "ckg:hotTechnology"]
    assert finding.severity == "violation"
    assert "is not a valid xsd:boolean: write true or false" in finding.message
    # both backends keep the text as written (rdflib's parser wrote false, and the finding
    # could only say "an ill-formed xsd:boolean; rdflib's parser replaced its text with false")
    assert finding.value == '"yes"^^xsd:boolean'
    assert '"false"' not in finding.message + finding.value
