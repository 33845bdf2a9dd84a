"""RDF namespaces of careerkg: the ontology terms (``CKG``) and the instance IRIs.

A misspelt ontology term fails at import time, not at query time: ``CKG`` is an
rdflib :class:`~rdflib.namespace.DefinedNamespace` with ``_fail = True``. A test keeps
it in step with ``ontology/careerkg.ttl``.

Examples
--------
>>> from kg.namespace import CKG
>>> str(CKG.Role)
'https://w3id.org/careerkg/ontology#Role'
>>> CKG.Rol  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
AttributeError: term 'Rol' not in namespace 'https://w3id.org/careerkg/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "AREA",
    "BASE",
    "CKF",
    "CKG",
    "CKGSH",
    "COURSE",
    "CRED",
    "CURRICULUM",
    "DATA",
    "ESCO",
    "PREFIXES",
    "ROLE",
    "SKILL",
    "SRC",
    "TOOL",
    "short_name",
]

BASE = "https://w3id.org/careerkg/"


class CKG(DefinedNamespace):
    """The careerkg ontology, ``https://w3id.org/careerkg/ontology#``."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes
    Role: URIRef  # a job role or occupation
    Skill: URIRef  # knowledge, skill/competence or soft skill
    SkillType: URIRef  # kind of a skill
    SkillArea: URIRef  # grouping of related skills
    Tool: URIRef  # software tool, library, framework or platform
    LearningOpportunity: URIRef  # degree, certification or course
    Credential: URIRef  # awarded recognition: degree or certification
    Degree: URIRef  # academic degree or programme
    Certification: URIRef  # professional certification
    Course: URIRef  # course or module, possibly in a curriculum
    Curriculum: URIRef  # ordered programme of courses
    Requirement: URIRef  # qualified role -> skill link
    Importance: URIRef  # essential or optional
    Teaching: URIRef  # qualified learning opportunity -> skill link
    Progression: URIRef  # qualified role -> role career step
    SourceDocument: URIRef  # document stating facts (or the curation itself)

    # individuals
    Knowledge: URIRef  # skill type: knowledge
    Competence: URIRef  # skill type: skill/competence
    SoftSkill: URIRef  # skill type: soft skill
    Essential: URIRef  # importance: essential
    Optional: URIRef  # importance: optional

    # object properties
    hasRequirement: URIRef  # role -> Requirement
    requiredSkill: URIRef  # Requirement -> skill
    importance: URIRef  # Requirement -> Importance
    requiresSkill: URIRef  # role -> skill shortcut (materialised)
    hasPrerequisite: URIRef  # skill -> prerequisite skill (acyclic)
    skillType: URIRef  # skill -> SkillType
    inSkillArea: URIRef  # skill -> SkillArea
    usesTool: URIRef  # role -> tool
    supportsSkill: URIRef  # tool -> skill
    hasTeaching: URIRef  # learning opportunity -> Teaching
    taughtSkill: URIRef  # Teaching -> skill
    teaches: URIRef  # learning opportunity -> skill shortcut (materialised)
    requiresPrior: URIRef  # learning opportunity -> skill expected before it
    expectsCredential: URIRef  # role -> credential
    hasProgression: URIRef  # role -> Progression
    toRole: URIRef  # Progression -> role
    progressesTo: URIRef  # role -> role shortcut (materialised)
    hasCourse: URIRef  # curriculum -> course
    entryRequirement: URIRef  # curriculum -> skill
    targetRole: URIRef  # curriculum -> role

    # data properties
    level: URIRef  # proficiency level 1..5
    learningHours: URIRef  # estimated hours to learn a skill
    typicalYears: URIRef  # years of experience before a career step
    durationHours: URIRef  # learner effort of a learning opportunity
    costUSD: URIRef  # typical fee in US dollars
    provider: URIRef  # awarding or running organisation
    term: URIRef  # term of a course in its curriculum
    isEstimate: URIRef  # values on this node are estimates
    retiredOn: URIRef  # last day a credential or course could be taken

    # curriculum gap reports (kg/gaps.py)
    GapReport: URIRef  # result of checking a curriculum
    Finding: URIRef  # one finding of a gap report
    MissingPrerequisite: URIRef  # finding: prerequisite taught nowhere before
    OrderViolation: URIRef  # finding: prerequisite taught too late
    UnknownSkill: URIRef  # finding: skill name matching no skill
    UncoveredSkill: URIRef  # finding: essential target skill taught nowhere
    DuplicateTeaching: URIRef  # finding: skill taught by several courses
    SkillCycle: URIRef  # finding: the prerequisite builds on a skill needing it
    TaughtHere: URIRef  # finding: a course requires what only it teaches
    CourseCycle: URIRef  # finding: courses needing each other's skills
    IdleCourse: URIRef  # finding (a note): a course teaching no skill
    CourseMove: URIRef  # finding (advice): a course to move to another term
    RoleCoverage: URIRef  # coverage of one target role
    aboutCurriculum: URIRef  # GapReport -> curriculum
    hasFinding: URIRef  # GapReport -> Finding
    hasCoverage: URIRef  # GapReport -> RoleCoverage
    aboutCourse: URIRef  # Finding -> course
    aboutSkill: URIRef  # Finding -> skill
    aboutPrerequisite: URIRef  # Finding -> prerequisite skill
    aboutRole: URIRef  # Finding / RoleCoverage -> role
    taughtInCourse: URIRef  # OrderViolation -> course teaching the prerequisite late
    cycleSkill: URIRef  # SkillCycle -> skill of the cycle
    cycleCourse: URIRef  # CourseCycle -> course of the cycle
    toTerm: URIRef  # CourseMove -> the term to move the course to
    uncoveredSkill: URIRef  # RoleCoverage -> skill
    assumedSkill: URIRef  # RoleCoverage -> skill assumed at entry, not taught
    assumedThroughNarrower: URIRef  # RoleCoverage -> skill assumed only through a narrower entry skill
    taughtThroughNarrower: URIRef  # RoleCoverage -> skill taught only as part of a narrower one
    NarrowerTeaching: URIRef  # a taughtThroughNarrower skill with the narrower skill that brings it
    narrowerTeaching: URIRef  # RoleCoverage -> NarrowerTeaching
    broaderSkill: URIRef  # NarrowerTeaching -> the essential skill covered
    narrowerSkill: URIRef  # NarrowerTeaching -> the taught skill that covers it
    requiredByCourse: URIRef  # Finding -> boolean
    suggestion: URIRef  # Finding -> what would fix it
    skillName: URIRef  # UnknownSkill -> name as written
    closestLabel: URIRef  # UnknownSkill -> close known label
    coveragePercent: URIRef  # RoleCoverage -> 0..100
    essentialSkillCount: URIRef  # RoleCoverage -> integer
    gapCount: URIRef  # GapReport -> integer

    # imported taxonomies: ESCO and O*NET (kg/importers/)
    IscoGroup: URIRef  # ISCO-08 group (ESCO)
    iscoGroup: URIRef  # role -> IscoGroup
    reuseLevel: URIRef  # skill -> ESCO reuse-level concept
    relatedSkill: URIRef  # skill -> related skill (not a prerequisite)
    essentialRelatedSkill: URIRef  # skill -> related skill ESCO marks essential
    relatedRole: URIRef  # role -> related role (not a progression)
    iscoCode: URIRef  # role -> 4-digit ISCO code as text
    hotTechnology: URIRef  # tool -> boolean (O*NET hot technology)
    jobZone: URIRef  # role -> O*NET job zone 1..5
    typicalEducation: URIRef  # role -> most common required education
    importanceScore: URIRef  # Requirement -> raw source importance
    levelScore: URIRef  # Requirement -> raw source level


CKGSH = Namespace(BASE + "shapes#")
"""SHACL shapes of the ontology."""

CKF = Namespace(BASE + "function#")
"""SPARQL extension functions and magic predicates (learning paths in SPARQL)."""

DATA = Namespace(BASE + "id/")
ROLE = Namespace(BASE + "id/role/")
SKILL = Namespace(BASE + "id/skill/")
TOOL = Namespace(BASE + "id/tool/")
CRED = Namespace(BASE + "id/credential/")
AREA = Namespace(BASE + "id/area/")
SRC = Namespace(BASE + "id/source/")
COURSE = Namespace(BASE + "id/course/")
CURRICULUM = Namespace(BASE + "id/curriculum/")
ESCO = Namespace("http://data.europa.eu/esco/model#")

PREFIXES: dict[str, str] = {
    "ckg": str(CKG._NS),
    "ckgsh": str(CKGSH),
    "ckf": str(CKF),
    "role": str(ROLE),
    "skill": str(SKILL),
    "tool": str(TOOL),
    "cred": str(CRED),
    "area": str(AREA),
    "src": str(SRC),
    "course": str(COURSE),
    "curriculum": str(CURRICULUM),
    "esco": str(ESCO),
    # ESCO's concepts: a readable, resolvable name for an imported skill or occupation
    # ("esco-skill:15d76317-…") where its label names another node too
    "esco-skill": "http://data.europa.eu/esco/skill/",
    "esco-occupation": "http://data.europa.eu/esco/occupation/",
    "esco-isco": "http://data.europa.eu/esco/isco/",
    "esco-isced-f": "http://data.europa.eu/esco/isced-f/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}
"""Prefixes bound on every careerkg graph and known to every SPARQL query."""


def short_name(iri: str) -> str:
    """``iri`` as a careerkg prefixed name where one fits, else ``<iri>``.

    Examples
    --------
    >>> short_name("https://w3id.org/careerkg/id/skill/python"), short_name("urn:x")
    ('skill:python', '<urn:x>')
    """
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        local = iri[len(ns) :]
        if iri.startswith(ns) and local and "/" not in local and "#" not in local:
            return f"{prefix}:{local}"
    return f"<{iri}>"
