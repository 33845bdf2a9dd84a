"""A curriculum written as RDF reads back the same, names that match no skill included.

Defect: ``careerkg gaps FILE --format ttl`` left every name that matched no skill (a
typo, a tool, a course named where a skill belongs) out of the curriculum's triples.
Reading that report back as a curriculum lost them silently: 6 unknown skills became
0, and the report said less was wrong than there was. The names are now kept as text
with the schema.org properties ``ckg:teaches``, ``ckg:requiresPrior`` and
``ckg:entryRequirement`` closely match (``schema:teaches``,
``schema:coursePrerequisites``, ``schema:programPrerequisites``); no skill IRI is made
up for them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import SDO

from kg.curriculum import Curriculum, curriculum_graph, parse_curriculum
from kg.errors import InvalidCurriculum
from kg.gaps import find_gaps, report_graph
from kg.namespace import CKG, SKILL
from kg.store import Store
from tests.support.cli import invoke

PLAN = """\
# curriculum: Typo plan
# entry requirements: Pyhton; calculus
# target roles: Data Scientist
course,term,teaches,requires
Stats 101,1,statistics,
Intro,1,Python programming; Pyhton; PyTorch,linear algebra; Quantum Basket Weaving
ML,2,machine learning; Frobnication,Python programming; Stats 101
"""

PREFIXES = """\
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix course: <https://w3id.org/careerkg/id/course/> .
@prefix curriculum: <https://w3id.org/careerkg/id/curriculum/> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/our-skills/> .
"""


def _content(cur: Curriculum) -> tuple[object, ...]:
    """The curriculum as the designer wrote it: courses, terms, every name, known or not."""

    def names(refs: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
        # a known skill by its IRI; an unknown IRI as such (its name follows the file's
        # prefixes); an unknown name given as text, by the text
        return sorted(
            (str(r.iri), "") if r.known else (str(r.written), "") if r.written else ("", r.name) for r in refs
        )

    return (
        cur.iri,
        cur.label,
        [(c.iri, c.label, c.term, names(c.teaches), names(c.requires)) for c in cur.courses],
        names(cur.entry),
        cur.targets,
    )


def _unknown_findings(store: Store, cur: Curriculum) -> list[tuple[object, ...]]:
    """The unknown-skill findings, but for where they are (a line of the CSV, of the Turtle)
    and the fix's wording (labels in a CSV, the IRIs to write in Turtle)."""
    return [
        (u.name, u.course.label if u.course else None, u.column, u.closest, u.note)
        for u in find_gaps(store, cur).unknown_skills
    ]


def test_a_report_read_back_has_the_same_curriculum_and_unknown_skills(store: Store) -> None:
    cur = parse_curriculum(PLAN, store, fmt="csv", source="plan.csv")
    findings = _unknown_findings(store, cur)
    assert len(findings) == 6  # Pyhton twice, PyTorch, the two nonsense names, 'Stats 101' (a course)
    text = report_graph(find_gaps(store, cur)).serialize(format="turtle")
    again = parse_curriculum(text, store, fmt="turtle", source="report.ttl")
    assert _content(again) == _content(cur)
    assert _unknown_findings(store, again) == findings
    # the notes are worked out again: a tool, a course of the curriculum
    notes = {u[0]: u[4] for u in findings}
    assert notes["PyTorch"].startswith("'PyTorch' is a tool, not a skill")
    assert notes["Stats 101"] == "'Stats 101' is a course of this curriculum (term 1), not a skill"
    # and a report of the report describes the same curriculum again
    twice = parse_curriculum(
        report_graph(find_gaps(store, again)).serialize(format="turtle"), store, fmt="turtle", source="r2.ttl"
    )
    assert _content(twice) == _content(cur)


def test_unknown_names_are_text_not_made_up_skill_iris(store: Store) -> None:
    cur = parse_curriculum(PLAN, store, fmt="csv", source="plan.csv")
    g = curriculum_graph(cur)
    skills = set(store.graph.subjects(None, None))
    for pred in (CKG.teaches, CKG.requiresPrior, CKG.entryRequirement, CKG.taughtSkill):
        for obj in g.objects(None, pred):
            assert obj in skills, obj  # only skills of the graph behind the careerkg properties
    intro = next(c for c in cur.courses if c.label == "Intro")
    ml = next(c for c in cur.courses if c.label == "ML")
    assert set(g.objects(intro.iri, SDO.teaches)) == {Literal("Pyhton"), Literal("PyTorch")}
    assert set(g.objects(intro.iri, SDO.coursePrerequisites)) == {Literal("Quantum Basket Weaving")}
    assert set(g.objects(ml.iri, SDO.coursePrerequisites)) == {Literal("Stats 101")}
    assert set(g.objects(cur.iri, SDO.programPrerequisites)) == {Literal("Pyhton")}


def test_the_cli_report_reads_back_with_the_same_unknown_skills(tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text(PLAN, encoding="utf-8")
    first = invoke("gaps", str(plan), "--format", "json")
    ttl = invoke("gaps", str(plan), "--format", "ttl")
    assert first.exit_code == ttl.exit_code == 1, first.output + ttl.output
    report = tmp_path / "report.ttl"
    report.write_text(ttl.output, encoding="utf-8")
    again = invoke("gaps", str(report), "--format", "json")
    assert again.exit_code == 1, again.output

    def unknown(output: str) -> list[tuple[object, ...]]:
        return [
            (u["name"], u["course"] and u["course"]["label"], u["column"], u["closest"], u["note"])
            for u in json.loads(output)["unknown_skills"]
        ]

    assert len(unknown(first.output)) == 6
    assert unknown(again.output) == unknown(first.output)


def test_an_iri_of_a_turtle_curriculum_that_names_no_skill_is_written_back_as_given(store: Store) -> None:
    text = PREFIXES + (
        "curriculum:t a ckg:Curriculum ; skos:prefLabel 'T'@en ; ckg:hasCourse course:a ;\n"
        "    ckg:entryRequirement skill:pyhton .\n"
        "course:a a ckg:Course ; skos:prefLabel 'A'@en ; ckg:term 1 ;\n"
        "    ckg:teaches skill:python, ex:cobol ;\n"
        "    ckg:requiresPrior ex:typing .\n"
    )
    cur = parse_curriculum(text, store, fmt="turtle", source="t.ttl")
    assert [(r.name, r.written) for _, _, r in cur.unknown()] == [
        ("skill:pyhton", SKILL.pyhton),
        ("ex:cobol", URIRef("https://example.org/our-skills/cobol")),
        ("ex:typing", URIRef("https://example.org/our-skills/typing")),
    ]
    again = parse_curriculum(
        report_graph(find_gaps(store, cur)).serialize(format="turtle"), store, fmt="turtle", source="r.ttl"
    )
    assert _content(again) == _content(cur)
    # the same findings; the name is shown as the report writes the IRI (it binds no ex:)
    assert [u[1:] for u in _unknown_findings(store, again)] == [u[1:] for u in _unknown_findings(store, cur)]
    assert [u[0] for u in _unknown_findings(store, again)] == [
        "skill:pyhton",
        "<https://example.org/our-skills/typing>",
        "<https://example.org/our-skills/cobol>",
    ]


def test_a_skill_kept_as_text_in_a_hand_written_file_is_reported_not_ignored(store: Store) -> None:
    # was: schema:teaches was no term careerkg read, so the course taught nothing, silently
    text = PREFIXES + (
        "curriculum:t a ckg:Curriculum ; skos:prefLabel 'T'@en ; ckg:hasCourse course:a .\n"
        "course:a a ckg:Course ; skos:prefLabel 'A'@en ; ckg:term 1 ;\n"
        "    ckg:teaches skill:python ;\n"
        '    schema:teaches "deep lerning", "machine learning" .\n'
    )
    cur = parse_curriculum(text, store, fmt="turtle", source="t.ttl")
    (course,) = cur.courses
    assert sorted(s.label for s in course.teaches) == [
        "Python programming",
        "deep lerning",
        "machine learning",
    ]
    (unknown,) = [r for _, _, r in cur.unknown()]
    assert (unknown.name, unknown.line, unknown.suggestions[0]) == ("deep lerning", 11, "deep learning")
    assert unknown.fix == "did you mean skill:deep-learning ('deep learning')?"


def test_a_skill_as_text_in_a_careerkg_property_is_still_refused(store: Store) -> None:
    # a literal behind ckg:teaches is a mistake of a hand-written file, not a kept name
    text = PREFIXES + (
        "curriculum:t a ckg:Curriculum ; skos:prefLabel 'T'@en ; ckg:hasCourse course:a .\n"
        "course:a a ckg:Course ; skos:prefLabel 'A'@en ; ckg:term 1 ;\n"
        '    ckg:teaches "deep lerning" .\n'
    )
    with pytest.raises(InvalidCurriculum, match="ckg:teaches must name a skill by its IRI, not the text"):
        parse_curriculum(text, store, fmt="turtle", source="t.ttl")


def test_a_blank_node_as_a_skill_kept_as_text_is_refused(store: Store) -> None:
    text = PREFIXES + (
        "curriculum:t a ckg:Curriculum ; skos:prefLabel 'T'@en ; ckg:hasCourse course:a .\n"
        "course:a a ckg:Course ; skos:prefLabel 'A'@en ; ckg:term 1 ;\n"
        "    schema:coursePrerequisites [ skos:prefLabel 'x' ] .\n"
    )
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(text, store, fmt="turtle", source="t.ttl")
    assert str(err.value) == (
        "t.ttl, line 10: schema:coursePrerequisites must name a skill by its IRI or as text, not a blank node"
    )
