"""The shapes catch real mistakes: a small valid graph with one node of every class, broken
one way at a time, is reported with the node, the property and a message that says what
is wrong.

The valid graph uses every property the data and the importers write, so it also shows
that a conforming file produces no finding at all.
"""

from __future__ import annotations

from functools import cache

import pytest
from rdflib import Graph

from kg.store import ontology_files
from kg.validate import Finding, ValidationReport, validate

PREFIXES = """
PREFIX ckg: <https://w3id.org/careerkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skill: <https://w3id.org/careerkg/id/skill/>
PREFIX role: <https://w3id.org/careerkg/id/role/>
PREFIX tool: <https://w3id.org/careerkg/id/tool/>
PREFIX cred: <https://w3id.org/careerkg/id/credential/>
PREFIX course: <https://w3id.org/careerkg/id/course/>
PREFIX curriculum: <https://w3id.org/careerkg/id/curriculum/>
PREFIX area: <https://w3id.org/careerkg/id/area/>
PREFIX src: <https://w3id.org/careerkg/id/source/>
PREFIX isco: <http://data.europa.eu/esco/isco/C>
"""

VALID = """
src:doc a ckg:SourceDocument ; dcterms:title "A career guide"@en .

area:maths a ckg:SkillArea ; skos:prefLabel "Maths"@en ; skos:definition "Mathematics."@en ;
    dcterms:source src:doc .

skill:algebra a ckg:Skill ; skos:prefLabel "Algebra"@en ; skos:definition "Vectors and matrices."@en ;
    dcterms:source src:doc ; ckg:skillType ckg:Knowledge ; ckg:learningHours 60 ;
    ckg:inSkillArea area:maths ; ckg:isEstimate true ;
    ckg:reuseLevel <http://data.europa.eu/esco/skill-reuse-level/cross-sector> ;
    ckg:relatedSkill skill:modelling .
skill:modelling a ckg:Skill ; skos:prefLabel "Modelling"@en ; skos:definition "Building models."@en ;
    dcterms:source src:doc ; ckg:skillType ckg:Competence ; ckg:learningHours 80.5 ;
    ckg:hasPrerequisite skill:algebra ; ckg:essentialRelatedSkill skill:algebra .

tool:solver a ckg:Tool ; skos:prefLabel "Solver"@en ; skos:definition "A solver."@en ;
    dcterms:source src:doc ; ckg:supportsSkill skill:modelling ; ckg:hotTechnology false .

isco:2120 a ckg:IscoGroup ; skos:prefLabel "Mathematicians, actuaries and statisticians"@en ;
    skos:definition "An ISCO unit group."@en ; dcterms:source src:doc ; skos:notation "2120" .

role:analyst a ckg:Role ; skos:prefLabel "Analyst"@en ; skos:definition "Analyses."@en ;
    dcterms:source src:doc ; ckg:usesTool tool:solver ; ckg:expectsCredential cred:degree ;
    ckg:jobZone 4 ; ckg:iscoCode "2120" ; ckg:iscoGroup isco:2120 ;
    ckg:typicalEducation "Bachelor's degree"@en ; ckg:relatedRole role:lead ;
    ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill skill:algebra ;
        ckg:importance ckg:Essential ; ckg:level 3 ; ckg:importanceScore 4.2 ; ckg:levelScore 3.9 ;
        dcterms:source src:doc ] ;
    ckg:hasProgression [ a ckg:Progression ; ckg:toRole role:lead ; ckg:typicalYears 3.5 ;
        dcterms:source src:doc ] .
role:lead a ckg:Role ; skos:prefLabel "Lead"@en ; skos:definition "Leads."@en ; dcterms:source src:doc ;
    ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill skill:modelling ;
        ckg:importance ckg:Optional ; ckg:level 4 ; dcterms:source src:doc ] .

cred:degree a ckg:Degree ; skos:prefLabel "BSc Maths"@en ; skos:definition "A degree."@en ;
    dcterms:source src:doc ; ckg:provider "A university" ; ckg:durationHours 3000 ;
    ckg:hasTeaching [ a ckg:Teaching ; ckg:taughtSkill skill:algebra ; ckg:level 3 ] .
cred:cert a ckg:Certification ; skos:prefLabel "Modelling Certificate"@en ; skos:definition "An exam."@en ;
    dcterms:source src:doc ; ckg:provider "A vendor" ; ckg:durationHours 40 ; ckg:costUSD 150 ;
    ckg:requiresPrior skill:algebra ; ckg:retiredOn "2025-01-31"^^xsd:date ;
    ckg:hasTeaching [ a ckg:Teaching ; ckg:taughtSkill skill:modelling ; ckg:level 3 ] .
course:intro a ckg:Course ; skos:prefLabel "Intro to Algebra"@en ; skos:definition "A course."@en ;
    dcterms:source src:doc ; ckg:term 1 ; ckg:costUSD 0 ; ckg:durationHours 30 ;
    ckg:hasTeaching [ a ckg:Teaching ; ckg:taughtSkill skill:algebra ] .
curriculum:c a ckg:Curriculum ; skos:prefLabel "A programme"@en ; skos:definition "Courses."@en ;
    dcterms:source src:doc ; ckg:provider "A school" ; ckg:hasCourse course:intro ;
    ckg:entryRequirement skill:algebra ; ckg:targetRole role:analyst .
"""


@cache
def _ontology() -> Graph:
    g = Graph()
    for path in ontology_files():
        g.parse(path)
    return g


def check(update: str = "") -> ValidationReport:
    """Validate the ontology plus the valid graph changed by a SPARQL ``update``."""
    g = Graph()
    for t in _ontology():
        g.add(t)
    g.parse(data=PREFIXES + VALID, format="turtle")
    if update:
        g.update(PREFIXES + update)
    return validate(g)


def test_the_valid_graph_has_no_finding_at_all() -> None:
    report = check()
    assert report.conforms, report.text
    assert report.findings == [], report.text


CASES: dict[str, tuple[str, str, str, str]] = {
    # id: (SPARQL update breaking the valid graph, node name or IRI, path, words of the message)
    "requirement-level-6": (
        "DELETE { ?r ckg:level ?l } INSERT { ?r ckg:level 6 } WHERE { role:analyst ckg:hasRequirement ?r . ?r ckg:level ?l }",
        "requirement Analyst -> Algebra",
        "ckg:level",
        "level must be one integer from 1 to 5",
    ),
    "requirement-level-as-text": (
        'DELETE { ?r ckg:level ?l } INSERT { ?r ckg:level "3" } WHERE { role:analyst ckg:hasRequirement ?r . ?r ckg:level ?l }',
        "requirement Analyst -> Algebra",
        "ckg:level",
        "a string, not xsd:integer",
    ),
    "teaching-level-0": (
        "DELETE { ?t ckg:level ?l } INSERT { ?t ckg:level 0 } WHERE { cred:degree ckg:hasTeaching ?t . ?t ckg:level ?l }",
        "teaching BSc Maths -> Algebra",
        "ckg:level",
        "level must be one integer from 1 to 5",
    ),
    "requirement-without-skill": (
        "DELETE { ?r ckg:requiredSkill ?s } WHERE { role:analyst ckg:hasRequirement ?r . ?r ckg:requiredSkill ?s }",
        "requirement Analyst -> ?",
        "ckg:requiredSkill",
        "a requirement names exactly one skill",
    ),
    "requirement-of-a-tool": (
        "DELETE { ?r ckg:requiredSkill ?s } INSERT { ?r ckg:requiredSkill tool:solver } WHERE { role:analyst ckg:hasRequirement ?r . ?r ckg:requiredSkill ?s }",
        "requirement Analyst -> Solver",
        "ckg:requiredSkill",
        "a tool is not a skill",
    ),
    "requirement-of-no-role": (
        "INSERT DATA { [ a ckg:Requirement ; ckg:requiredSkill skill:algebra ; ckg:importance ckg:Essential ; ckg:level 2 ; dcterms:source src:doc ] }",
        "blank node",
        "^ckg:hasRequirement",
        "belongs to no role",
    ),
    "requirement-importance-unknown": (
        "DELETE { ?r ckg:importance ?i } INSERT { ?r ckg:importance ckg:Critical } WHERE { role:analyst ckg:hasRequirement ?r . ?r ckg:importance ?i }",
        "requirement Analyst -> Algebra",
        "ckg:importance",
        "importance must be ckg:Essential or ckg:Optional",
    ),
    "same-skill-required-twice": (
        "INSERT DATA { role:analyst ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill skill:algebra ; ckg:importance ckg:Optional ; ckg:level 2 ; dcterms:source src:doc ] }",
        "Analyst",
        "ckg:hasRequirement",
        "requires the same skill twice",
    ),
    "skill-without-label": (
        "DELETE WHERE { skill:algebra skos:prefLabel ?l }",
        "algebra",
        "skos:prefLabel",
        "needs a skos:prefLabel",
    ),
    "skill-with-empty-label": (
        'DELETE { skill:algebra skos:prefLabel ?l } INSERT { skill:algebra skos:prefLabel " "@en } WHERE { skill:algebra skos:prefLabel ?l }',
        "https://w3id.org/careerkg/id/skill/algebra",
        "skos:prefLabel",
        "blank",
    ),
    "skill-with-two-english-labels": (
        'INSERT DATA { skill:algebra skos:prefLabel "Linear algebra"@en }',
        "Algebra",
        "skos:prefLabel",
        "one per language",
    ),
    "skill-without-type": (
        "DELETE WHERE { skill:algebra ckg:skillType ?t }",
        "Algebra",
        "ckg:skillType",
        "skillType must be ckg:Knowledge, ckg:Competence or ckg:SoftSkill",
    ),
    "skill-with-two-types": (
        "INSERT DATA { skill:algebra ckg:skillType ckg:Competence }",
        "Algebra",
        "ckg:skillType",
        "skillType must be",
    ),
    "skill-without-hours": (
        "DELETE WHERE { skill:algebra ckg:learningHours ?h }",
        "Algebra",
        "ckg:learningHours",
        "needs exactly one positive ckg:learningHours",
    ),
    "prerequisite-is-a-role": (
        "INSERT DATA { skill:modelling ckg:hasPrerequisite role:analyst }",
        "Modelling",
        "ckg:hasPrerequisite",
        "a prerequisite must be a ckg:Skill",
    ),
    "estimate-flag-as-text": (
        'DELETE WHERE { skill:algebra ckg:isEstimate ?e } ; INSERT DATA { skill:algebra ckg:isEstimate "yes" }',
        "Algebra",
        "ckg:isEstimate",
        "true or false",
    ),
    "unknown-class": (
        'INSERT DATA { skill:topology a ckg:Skil ; skos:prefLabel "Topology"@en }',
        "Topology",
        "ckg:Skil",
        "closest: ckg:Skill",
    ),
    "role-and-skill-at-once": (
        "INSERT DATA { skill:algebra a ckg:Role }",
        "Algebra",
        "",
        "exactly one of",
    ),
    "tool-supports-nothing": (
        "DELETE WHERE { tool:solver ckg:supportsSkill ?s }",
        "Solver",
        "ckg:supportsSkill",
        "a tool supports at least one ckg:Skill",
    ),
    "hot-technology-as-number": (
        "DELETE WHERE { tool:solver ckg:hotTechnology ?h } ; INSERT DATA { tool:solver ckg:hotTechnology 1 }",
        "Solver",
        "ckg:hotTechnology",
        "true or false",
    ),
    "certification-without-duration": (
        "DELETE WHERE { cred:cert ckg:durationHours ?h }",
        "Modelling Certificate",
        "ckg:durationHours",
        "needs ckg:durationHours",
    ),
    "negative-fee": (
        "DELETE WHERE { course:intro ckg:costUSD ?c } ; INSERT DATA { course:intro ckg:costUSD -5 }",
        "Intro to Algebra",
        "ckg:costUSD",
        "fee",
    ),
    "negative-duration": (
        "DELETE WHERE { course:intro ckg:durationHours ?c } ; INSERT DATA { course:intro ckg:durationHours -30 }",
        "Intro to Algebra",
        "ckg:durationHours",
        "positive number of hours",
    ),
    "retirement-not-a-date": (
        'DELETE WHERE { cred:cert ckg:retiredOn ?d } ; INSERT DATA { cred:cert ckg:retiredOn "soon" }',
        "Modelling Certificate",
        "ckg:retiredOn",
        "xsd:date",
    ),
    "teaching-of-a-tool": (
        "DELETE { ?t ckg:taughtSkill ?s } INSERT { ?t ckg:taughtSkill tool:solver } WHERE { cred:degree ckg:hasTeaching ?t . ?t ckg:taughtSkill ?s }",
        "teaching BSc Maths -> Solver",
        "ckg:taughtSkill",
        "a tool is not a skill",
    ),
    "career-step-of-50-years": (
        "DELETE { ?p ckg:typicalYears ?y } INSERT { ?p ckg:typicalYears 50 } WHERE { role:analyst ckg:hasProgression ?p . ?p ckg:typicalYears ?y }",
        "career step Analyst -> Lead",
        "ckg:typicalYears",
        "typicalYears between 0 and 40",
    ),
    "career-step-to-itself": (
        "DELETE { ?p ckg:toRole ?r } INSERT { ?p ckg:toRole role:analyst } WHERE { role:analyst ckg:hasProgression ?p . ?p ckg:toRole ?r }",
        "career step Analyst -> Analyst",
        "ckg:toRole",
        "leads back to the role it starts from",
    ),
    "career-step-nowhere": (
        "DELETE { ?p ckg:toRole ?r } WHERE { role:analyst ckg:hasProgression ?p . ?p ckg:toRole ?r }",
        "career step Analyst -> ?",
        "ckg:toRole",
        "a career step leads to exactly one ckg:Role",
    ),
    "course-in-term-0": (
        "DELETE WHERE { course:intro ckg:term ?t } ; INSERT DATA { course:intro ckg:term 0 }",
        "Intro to Algebra",
        "ckg:term",
        "term must be one integer from 1",
    ),
    "curriculum-without-courses": (
        "DELETE WHERE { curriculum:c ckg:hasCourse ?c }",
        "A programme",
        "ckg:hasCourse",
        "a curriculum has at least one ckg:Course",
    ),
    "curriculum-targets-a-skill": (
        "INSERT DATA { curriculum:c ckg:targetRole skill:algebra }",
        "A programme",
        "ckg:targetRole",
        "a target role must be a ckg:Role",
    ),
    "source-without-title": (
        "DELETE WHERE { src:doc dcterms:title ?t }",
        "doc",
        "dcterms:title",
        "needs a dcterms:title",
    ),
    "source-is-not-a-source-document": (
        "INSERT DATA { skill:algebra dcterms:source <https://example.org/blog> }",
        "Algebra",
        "dcterms:source",
        "needs a dcterms:source naming a ckg:SourceDocument",
    ),
    "job-zone-7": (
        "DELETE WHERE { role:analyst ckg:jobZone ?z } ; INSERT DATA { role:analyst ckg:jobZone 7 }",
        "Analyst",
        "ckg:jobZone",
        "job zone must be one integer from 1 to 5",
    ),
    "isco-code-lost-its-zero": (
        'DELETE WHERE { role:analyst ckg:iscoCode ?c } ; INSERT DATA { role:analyst ckg:iscoCode "212" }',
        "Analyst",
        "ckg:iscoCode",
        "four digits",
    ),
    "importance-score-9": (
        "DELETE { ?r ckg:importanceScore ?s } INSERT { ?r ckg:importanceScore 9 } WHERE { role:analyst ckg:hasRequirement ?r . ?r ckg:importanceScore ?s }",
        "requirement Analyst -> Algebra",
        "ckg:importanceScore",
        "from 1 to 5",
    ),
    "isco-group-not-a-group": (
        "INSERT DATA { role:lead ckg:iscoGroup role:analyst }",
        "Lead",
        "ckg:iscoGroup",
        "ckg:IscoGroup",
    ),
}


def _matching(report: ValidationReport, name: str, path: str, words: str) -> list[Finding]:
    return [
        f
        for f in report.violations
        if name in (f.name, f.node) and f.path == path and words.casefold() in f.message.casefold()
    ]


@pytest.mark.parametrize(("update", "name", "path", "words"), CASES.values(), ids=CASES.keys())
def test_each_mistake_is_reported_on_its_node_with_a_clear_message(
    update: str, name: str, path: str, words: str
) -> None:
    report = check(update)
    assert not report.conforms, f"not caught:\n{report.text}"
    assert _matching(report, name, path, words), (
        f"no violation on {name} [{path}] saying {words!r}:\n{report.text}"
    )


def test_a_role_expecting_a_retired_credential_is_a_warning() -> None:
    report = check("INSERT DATA { role:lead ckg:expectsCredential cred:cert }")
    assert report.conforms, report.text
    (warning,) = [f for f in report.findings if f.severity == "warning"]
    assert warning.name == "Lead"
    assert warning.path == "ckg:expectsCredential"
    assert "retired" in warning.message
