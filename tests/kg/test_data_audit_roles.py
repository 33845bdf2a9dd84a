"""Content audit of role requirements in ``data/roles.ttl``: what every working role and
every engineering role needs, as a hiring manager reads a job description.

Learning paths showed the gaps: Data Engineer -> ML Engineer planned "software
engineering 0 -> 3, 200 h" and "communication 0 -> 3", MLOps Engineer -> Senior ML
Engineer "software engineering 0 -> 4, 266.7 h" and "communication 0 -> 4", Data
Analyst -> Data Scientist "teamwork and collaboration 0 -> 3": the graph treated data,
DevOps and MLOps engineers as people who neither write software as engineers nor talk
to their colleagues.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import DCTERMS, SKOS

from kg.namespace import CKG, CRED, ROLE, SKILL, SRC


def _essential(g: Graph, role) -> dict:
    """The role's essential skills and their levels."""
    out = {}
    for req in g.objects(role, CKG.hasRequirement):
        if g.value(req, CKG.importance) == CKG.Essential:
            assert g.value(req, DCTERMS.source) is not None
            out[g.value(req, CKG.requiredSkill)] = g.value(req, CKG.level).toPython()
    return out


def _working_roles(g: Graph) -> list:
    return sorted(r for r in g.subjects(RDF.type, CKG.Role) if r != ROLE.student)


def test_every_working_role_communicates_and_collaborates(data):
    # seed-000 (VI. Teamwork and Communication): technical experts "rarely operate in complete
    # isolation"; seed-001: communication and collaboration are "just as important as
    # technical expertise"
    for role in _working_roles(data):
        essential = _essential(data, role)
        for skill in ("communication", "collaboration"):
            assert essential.get(SKILL[skill], 0) >= 3, f"{role} should require {skill} at level 3 or more"


def test_every_engineering_role_requires_software_engineering(data):
    engineers = [r for r in _working_roles(data) if "Engineer" in str(data.value(r, SKOS.prefLabel))]
    assert len(engineers) >= 8
    for role in engineers:
        level = _essential(data, role).get(SKILL["software-engineering"], 0)
        assert level >= 3, f"{role} should require software engineering at level 3 or more, not {level}"


def test_ml_engineer_requires_debugging(data):
    # seed-000, Steps to Become an ML Engineer, II. Learn Programming Languages: "writing
    # complex code, actively debugging applications" (Student required it; the ML Engineer
    # it prepares for did not, so Senior ML Engineer -> Software Engineer planned
    # "debugging 0 -> 4")
    mle = ROLE["machine-learning-engineer"]
    reqs = {data.value(r, CKG.requiredSkill): r for r in data.objects(mle, CKG.hasRequirement)}
    req = reqs.get(SKILL["debugging"])
    assert req is not None, "ML Engineer does not require debugging"
    assert data.value(req, CKG.importance) == CKG.Essential
    assert data.value(req, CKG.level).toPython() >= 3
    assert SRC["seed-000"] in set(data.objects(req, DCTERMS.source))


# steps up the ML and data-science ladder: the upper role keeps every essential skill of
# the lower one, at least at the lower role's level
HELD_OVER = [
    ("machine-learning-engineer", "senior-machine-learning-engineer"),
    ("senior-machine-learning-engineer", "lead-machine-learning-engineer"),
    ("machine-learning-engineer", "nlp-engineer"),
    ("machine-learning-engineer", "computer-vision-engineer"),
    ("data-scientist", "senior-data-scientist"),
]


@pytest.mark.parametrize(("lower", "upper"), HELD_OVER, ids=[f"{a}->{b}" for a, b in HELD_OVER])
def test_upper_roles_keep_the_essential_skills_of_the_role_below(data, lower, upper):
    below, above = _essential(data, ROLE[lower]), _essential(data, ROLE[upper])
    for skill, level in below.items():
        assert above.get(skill, 0) >= level, f"{upper} needs {skill} below {lower}'s level {level}"


def test_senior_roles_lead_technically(data):
    # a senior individual contributor leads projects and mentors: Senior ML Engineer
    # required technical leadership (seed-000), Senior Data Scientist did not, so Senior
    # Data Scientist -> Head of Data planned "technical leadership 0 -> 4"
    seniors = [
        r for r in _working_roles(data) if str(data.value(r, SKOS.prefLabel)).startswith(("Senior ", "Lead "))
    ]
    assert len(seniors) >= 3
    for role in seniors:
        essential = _essential(data, role)
        assert essential.get(SKILL["technical-leadership"], 0) >= 3, (
            f"{role} should require technical leadership"
        )
        assert essential.get(SKILL["mentoring"], 0) >= 3, f"{role} should require mentoring"


def test_ml_engineer_expects_the_advanced_degrees_seed_002_names(data):
    # seed-002: "Some companies might require an advanced degree, which you can obtain in
    # computer science, statistics, math, data science, software engineering, or a related
    # discipline"
    cred = CRED
    expected = set(data.objects(ROLE["machine-learning-engineer"], CKG.expectsCredential))
    for degree in (
        "msc-computer-science",
        "msc-statistics",
        "msc-mathematics",
        "msc-data-science",
        "msc-software-engineering",
    ):
        assert cred[degree] in expected, f"ML Engineer should expect {degree}"
        assert SRC["seed-002"] in set(data.objects(cred[degree], DCTERMS.source))


def test_only_senior_research_and_leadership_roles_ask_for_expert_level(data):
    # level 5 is "expert" (ckg:level): Senior, Lead, Head and Architect roles and research
    # ask for it; a mid-level role does not (a new-graduate Data Engineer, four years after
    # Student, was asked for expert SQL and ETL; an MLOps Engineer, a year after ML
    # Engineer, for more MLOps than a Senior ML Engineer)
    senior = ("Senior ", "Lead ", "Head ")
    for role in _working_roles(data):
        label = str(data.value(role, SKOS.prefLabel))
        if label.startswith(senior) or label in ("AI Architect", "Research Scientist"):
            continue
        for req in data.objects(role, CKG.hasRequirement):
            level = data.value(req, CKG.level).toPython()
            skill = data.value(req, CKG.requiredSkill)
            assert level <= 4, f"{label} asks for {skill} at expert level {level}"
