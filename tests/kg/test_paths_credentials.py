"""Suggested credentials: they cover a step only when they teach the skill to the step's level, and
say what they expect beforehand that the plan does not give."""

from __future__ import annotations

import itertools

import networkx as nx
from rdflib import Graph, URIRef

from kg.paths import learning_path
from kg.project import project, projection
from kg.store import Store

# Expert needs Deep at level 4 and Wide at level 3. Intro teaches Deep to level 2 only
# (and Wide to 3); Advanced teaches Deep to 4; Plain states no level.
COURSES = """
@prefix ckg:  <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <urn:t:> .
:expert a ckg:Role ; skos:prefLabel "Expert" ;
    ckg:hasRequirement [ ckg:requiredSkill :deep ; ckg:level 4 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :wide ; ckg:level 3 ; ckg:importance ckg:Essential ] .
:deep a ckg:Skill ; skos:prefLabel "Deep" ; ckg:learningHours 300 .
:wide a ckg:Skill ; skos:prefLabel "Wide" ; ckg:learningHours 300 .
:intro a ckg:Certification ; skos:prefLabel "Intro" ; ckg:durationHours 20 ;
    ckg:hasTeaching [ a ckg:Teaching ; ckg:taughtSkill :deep ; ckg:level 2 ] ,
                    [ a ckg:Teaching ; ckg:taughtSkill :wide ; ckg:level 3 ] .
"""


def T(name: str) -> URIRef:
    return URIRef("urn:t:" + name)


def test_a_credential_below_the_level_needed_does_not_cover_the_step() -> None:
    G = project(Graph().parse(data=COURSES, format="turtle"))
    p = learning_path(G, None, T("expert"))
    assert [(s.label, s.level) for s in p.steps] == [("Deep", 4), ("Wide", 3)]
    assert [(c.label, c.covers) for c in p.credentials] == [("Intro", [T("wide")])]
    assert p.uncovered == [T("deep")], "Intro teaches Deep to level 2 of the 4 needed"


def test_a_credential_at_or_above_the_level_or_without_one_covers_it() -> None:
    extra = """
    @prefix ckg:  <https://w3id.org/careerkg/ontology#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix : <urn:t:> .
    :advanced a ckg:Certification ; skos:prefLabel "Advanced" ; ckg:durationHours 30 ;
        ckg:hasTeaching [ a ckg:Teaching ; ckg:taughtSkill :deep ; ckg:level 4 ] .
    """
    G = project(Graph().parse(data=COURSES, format="turtle").parse(data=extra, format="turtle"))
    p = learning_path(G, None, T("expert"))
    assert sorted((c.label, tuple(c.covers)) for c in p.credentials) == [
        ("Advanced", (T("deep"),)),
        ("Intro", (T("wide"),)),
    ]
    assert p.uncovered == []
    G.remove_edge(T("advanced"), T("deep"), "teaches")
    G.add_edge(T("advanced"), T("deep"), "teaches", level=None)  # no level stated: taken as covering
    assert learning_path(G, None, T("expert")).uncovered == []


def test_shipped_credentials_teach_every_covered_step_to_its_level() -> None:
    G = projection(Store.default())
    roles = sorted((n for n, t in G.nodes(data="type") if t == "role"), key=str)
    short = []
    for source, target in itertools.product([None, *roles], roles):
        p = learning_path(G, source, target)
        level = {s.iri: s.level for s in p.steps}
        for c in p.credentials:
            for skill in c.covers:
                taught = G.edges[c.iri, skill, "teaches"].get("level")
                if taught is not None and taught < level[skill]:
                    short.append((c.label, G.nodes[skill]["label"], taught, level[skill]))
    assert short == []


# Cert teaches Deep; its exam expects Wide (in the plan), Base (held by the source
# role), Found (a foundation of Base) and Cloud (nowhere on the learner's way).
PRIOR = """
@prefix ckg:  <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <urn:t:> .
:junior a ckg:Role ; skos:prefLabel "Junior" ;
    ckg:hasRequirement [ ckg:requiredSkill :base ; ckg:level 3 ; ckg:importance ckg:Essential ] ;
    ckg:progressesTo :expert .
:base a ckg:Skill ; skos:prefLabel "Base" ; ckg:learningHours 50 ; ckg:hasPrerequisite :found .
:found a ckg:Skill ; skos:prefLabel "Found" ; ckg:learningHours 50 .
:cloud a ckg:Skill ; skos:prefLabel "Cloud" ; ckg:learningHours 50 .
:cert a ckg:Certification ; skos:prefLabel "Cert" ; ckg:durationHours 20 ;
    ckg:hasTeaching [ a ckg:Teaching ; ckg:taughtSkill :deep ; ckg:level 4 ] ;
    ckg:requiresPrior :wide , :base , :found , :cloud .
"""


def test_a_credential_says_what_it_expects_beforehand_that_the_plan_does_not_give() -> None:
    G = project(Graph().parse(data=COURSES, format="turtle").parse(data=PRIOR, format="turtle"))
    p = learning_path(G, T("junior"), T("expert"))
    cert = next(c for c in p.credentials if c.label == "Cert")
    assert (cert.label, cert.covers, cert.expects) == ("Cert", [T("deep")], [T("cloud")])
    assert p.label(T("cloud")) == "Cloud"
    assert {c["label"]: c["expects"] for c in p.to_dict()["credentials"]} == {
        "Cert": [{"iri": "urn:t:cloud", "label": "Cloud"}],
        "Intro": [],
    }
    # from scratch nothing is held: Base and its foundation are expected too, Wide is planned
    fresh = learning_path(G, None, T("expert"))
    assert {c.label: c.expects for c in fresh.credentials}["Cert"] == [T("base"), T("cloud"), T("found")]


def test_shipped_certifications_state_the_experience_a_switcher_lacks() -> None:
    G = projection(Store.default())
    role = {d["label"]: n for n, d in G.nodes(data=True) if d.get("type") == "role"}
    p = learning_path(G, role["Software Engineer"], role["Machine Learning Engineer"])
    required = {v for _, v, k in G.out_edges(role["Software Engineer"], keys=True) if k == "requires"}
    prerequisite = G.edge_subgraph([e for e in G.edges(keys=True) if e[2] == "prerequisite"])
    held = required.union(*(nx.descendants(prerequisite, s) for s in required if s in prerequisite))
    planned = {s.iri for s in p.steps}
    assert any(c.expects for c in p.validating), "the plan names a certification expecting more"
    for c in p.validating:
        prior = {v for _, v, k in G.out_edges(c.iri, keys=True) if k == "requires_prior"}
        assert set(c.expects) == prior - held - planned


def test_a_retired_credential_is_not_offered_after_its_last_day() -> None:
    from datetime import date

    from kg.paths import cover_credentials

    retired = """
    @prefix ckg:  <https://w3id.org/careerkg/ontology#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
    @prefix : <urn:t:> .
    :old a ckg:Certification ; skos:prefLabel "Old" ; ckg:durationHours 10 ;
        ckg:retiredOn "2026-03-31"^^xsd:date ;
        ckg:hasTeaching [ a ckg:Teaching ; ckg:taughtSkill :deep ; ckg:level 4 ] .
    """
    G = project(Graph().parse(data=COURSES, format="turtle").parse(data=retired, format="turtle"))
    assert G.nodes[T("old")]["retired"] == "2026-03-31"
    assert G.nodes[T("intro")]["retired"] is None
    steps = learning_path(G, None, T("expert")).steps
    on = {
        day: [c.label for c in cover_credentials(G, steps, today=date.fromisoformat(day))[0]]
        for day in ("2026-03-31", "2026-04-01")
    }
    assert on == {"2026-03-31": ["Old", "Intro"], "2026-04-01": ["Intro"]}
    # the shipped retired certification is not offered on any path today
    S = projection(Store.default())
    gone = {n for n, d in S.nodes(data=True) if d.get("retired") and d["retired"] < date.today().isoformat()}
    assert gone, "the curated data marks the AWS ML Specialty retired"
    roles = sorted((n for n, t in S.nodes(data="type") if t == "role"), key=str)
    plans = [learning_path(S, s, t) for s, t in itertools.product([None, *roles], roles)]
    offered = {c.iri for p in plans for c in [*p.credentials, *p.validating]}
    assert offered
    assert not offered & gone


def test_a_credential_with_an_announced_retirement_says_its_last_day() -> None:
    from datetime import date

    from kg.cli.path import render_markdown, render_table
    from kg.paths import cover_credentials

    retiring = """
    @prefix ckg:  <https://w3id.org/careerkg/ontology#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
    @prefix : <urn:t:> .
    :intro ckg:retiredOn "2099-06-30"^^xsd:date .
    """
    G = project(Graph().parse(data=COURSES, format="turtle").parse(data=retiring, format="turtle"))
    p = learning_path(G, None, T("expert"))
    assert [(c.label, c.last_day) for c in p.credentials] == [("Intro", "2099-06-30")]
    assert p.to_dict()["credentials"][0]["last_day"] == "2099-06-30"
    assert "      last day to take it: 2099-06-30\n" in render_table(p, width=100) + "\n"
    assert "  - last day to take it: 2099-06-30" in render_markdown(p)
    # on that day it is still offered, the day after it is not
    offered = [c.label for c in cover_credentials(G, p.steps, today=date(2099, 6, 30))[0]]
    assert offered == ["Intro"]
    assert cover_credentials(G, p.steps, today=date(2099, 7, 1))[0] == []


# A certificate of 160 h teaching six skills that take 20, 30, 30, 40, 50 and 50 h alone
# (220 h in all). The greedy set cover compared its hours per skill with the cheapest
# step of the plan, learnt that step alone, compared again with one skill fewer, and so
# on until nothing was left for it: the plan suggested no credential and cost 220 h.
SIX = """
@prefix ckg:  <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <urn:t:> .
:target a ckg:Role ; skos:prefLabel "Target" ;
    ckg:hasRequirement {requirements} .
{skills}
:cert a ckg:Certification ; skos:prefLabel "Cert" ; ckg:durationHours {cert} ;
    ckg:hasTeaching {teachings} .
"""


def _six(hours: tuple[int, ...] = (20, 30, 30, 40, 50, 50), cert: int = 160) -> nx.MultiDiGraph:
    names = [f"s{i}" for i in range(len(hours))]
    text = (
        SIX.replace(
            "{requirements}",
            " , ".join(
                f"[ ckg:requiredSkill :{n} ; ckg:level 3 ; ckg:importance ckg:Essential ]" for n in names
            ),
        )
        .replace(
            "{skills}",
            "\n".join(
                f':{n} a ckg:Skill ; skos:prefLabel "{n.upper()}" ; ckg:learningHours {h} .'
                for n, h in zip(names, hours, strict=True)
            ),
        )
        .replace(
            "{teachings}",
            " , ".join(f"[ a ckg:Teaching ; ckg:taughtSkill :{n} ; ckg:level 3 ]" for n in names),
        )
        .replace("{cert}", str(cert))
    )
    return project(Graph().parse(data=text, format="turtle"))


def test_a_credential_taking_fewer_hours_than_its_steps_alone_is_suggested() -> None:
    G = _six()
    p = learning_path(G, None, T("target"))
    alone = sum(s.hours for s in p.steps)
    assert alone == 220, [(s.label, s.hours) for s in p.steps]
    assert [(c.label, len(c.covers)) for c in p.credentials] == [("Cert", 6)]
    assert p.uncovered == []


def test_a_credential_taking_as_long_as_its_steps_alone_is_not() -> None:
    p = learning_path(_six(cert=220), None, T("target"))
    assert p.credentials == []
    assert len(p.uncovered) == 6


def test_a_certification_covers_no_step_it_expects_beforehand_from_below_that_level() -> None:
    # data/credentials.ttl: a certification's hours are the preparation of a candidate who
    # has what it lists as requiresPrior (at about level 2); the cover credited AWS MLA-C01
    # with six skills it expects beforehand, learnt from 0 in the plan
    from kg.paths import EXPECTED_LEVEL, cover_credentials

    exam = """
    @prefix ckg:  <https://w3id.org/careerkg/ontology#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix : <urn:t:> .
    :exam a ckg:Certification ; skos:prefLabel "Exam" ; ckg:durationHours 5 ; ckg:requiresPrior :deep ;
        ckg:hasTeaching [ a ckg:Teaching ; ckg:taughtSkill :deep ; ckg:level 4 ] .
    """
    G = project(Graph().parse(data=COURSES, format="turtle").parse(data=exam, format="turtle"))
    fresh = learning_path(G, None, T("expert"))
    assert "Exam" not in [c.label for c in fresh.credentials]
    assert [(c.label, c.covers) for c in fresh.validating] == [] or all(
        len(c.covers) >= 2 for c in fresh.validating
    )
    versed = learning_path(G, None, T("expert"), known={T("deep"): EXPECTED_LEVEL})
    assert "Exam" in [c.label for c in cover_credentials(G, versed.steps)[0]]
    # on the shipped data: no plan's credential covers a step it expects beforehand from below
    S = projection(Store.default())
    roles = sorted((n for n, t in S.nodes(data="type") if t == "role"), key=str)
    for source, target in itertools.product([None, *roles], roles):
        plan = learning_path(S, source, target)
        start = {step.iri: step.from_level for step in plan.steps}
        for c in plan.credentials:
            prior = {v for _, v, k in S.out_edges(c.iri, keys=True) if k == "requires_prior"}
            assert all(start[x] >= EXPECTED_LEVEL for x in c.covers if x in prior), (source, target, c.label)


def test_certifications_validating_a_plan_are_named_apart_with_what_they_expect() -> None:
    G = projection(Store.default())
    role = {d["label"]: n for n, d in G.nodes(data=True) if d.get("type") == "role"}
    p = learning_path(G, role["Software Engineer"], role["Machine Learning Engineer"])
    assert p.validating, "MLA-C01 validates six of the plan's steps"
    planned = {s.iri for s in p.steps}
    for c in p.validating:
        assert c.type == "certification"
        assert len(c.covers) >= 2
        assert set(c.covers) <= planned
        assert c.iri not in {x.iri for x in p.credentials}
    d = p.to_dict()
    assert [c["label"] for c in d["validating"]] == [c.label for c in p.validating]
