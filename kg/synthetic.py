"""Generated career graphs for tests and benchmarks, shaped like the projection.

:func:`tiny_graph` is a hand-made four-role graph used by doctests;
:func:`career_graph` generates a realistic random one of any size: skills in areas
with an acyclic prerequisite structure (deeper skills build on shallower ones,
mostly in the same area), roles in career ladders (junior to head) that require
more and deeper skills at higher levels, cross-ladder moves, tools, and degrees,
certifications and courses that teach bundles of related skills.
:func:`to_rdf` turns either into an RDF graph in the careerkg ontology, so the
whole pipeline (store → projection → paths) can run on it.

Node names are prefixed names (``"role:r00012"``, ``"skill:s00345"``), which
:func:`to_rdf` expands with :data:`kg.namespace.PREFIXES`.

Examples
--------
>>> G = career_graph(500, seed=1)
>>> 480 <= G.number_of_nodes() <= 520
True
>>> import networkx as nx
>>> pre = nx.DiGraph((u, v) for u, v, k in G.edges(keys=True) if k == "prerequisite")
>>> nx.is_directed_acyclic_graph(pre)
True
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

import networkx as nx
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from kg.namespace import CKG, PREFIXES

__all__ = ["career_graph", "expand", "tiny_graph", "to_rdf"]

_TYPE_CLASSES = {
    "role": CKG.Role,
    "skill": CKG.Skill,
    "tool": CKG.Tool,
    "degree": CKG.Degree,
    "certification": CKG.Certification,
    "course": CKG.Course,
    "area": CKG.SkillArea,
}
_SKILL_TYPES = {"knowledge": CKG.Knowledge, "competence": CKG.Competence, "soft skill": CKG.SoftSkill}
_SENIORITY = ("Junior", "", "Senior", "Lead", "Head of")


def _skill(G: nx.MultiDiGraph, name: str, label: str, hours: float, kind: str = "knowledge") -> None:
    G.add_node(name, type="skill", label=label, hours=float(hours), hours_estimated=False, skill_type=kind)


def _opp(
    G: nx.MultiDiGraph, name: str, kind: str, label: str, hours: float, cost: float | None = None
) -> None:
    G.add_node(name, type=kind, label=label, hours=float(hours), cost=cost, retired=None)


def tiny_graph() -> nx.MultiDiGraph:
    """A hand-made graph of four roles, six skills and three credentials.

    Analyst progresses to Data Scientist and to Software Engineer, both of which
    progress to ML Engineer. Machine Learning needs Linear Algebra and Python; Deep
    Learning needs Machine Learning.

    Examples
    --------
    >>> G = tiny_graph()
    >>> sorted(v for v, t in G.nodes(data="type") if t == "role")
    ['role:analyst', 'role:data-scientist', 'role:ml-engineer', 'role:software-engineer']
    """
    G = nx.MultiDiGraph()
    for name, label in (
        ("role:analyst", "Analyst"),
        ("role:data-scientist", "Data Scientist"),
        ("role:software-engineer", "Software Engineer"),
        ("role:ml-engineer", "ML Engineer"),
    ):
        G.add_node(name, type="role", label=label)
    _skill(G, "skill:python", "Python", 40, "competence")
    _skill(G, "skill:sql", "SQL", 30, "competence")
    _skill(G, "skill:linear-algebra", "Linear Algebra", 30)
    _skill(G, "skill:ml", "Machine Learning", 60)
    _skill(G, "skill:dl", "Deep Learning", 80)
    _skill(G, "skill:software-design", "Software Design", 50, "competence")
    G.add_node("area:ai", type="area", label="Artificial Intelligence")
    for s in ("skill:ml", "skill:dl"):
        G.add_edge(s, "area:ai", "in_area")
    G.add_edge("skill:ml", "skill:linear-algebra", "prerequisite")
    G.add_edge("skill:ml", "skill:python", "prerequisite")
    G.add_edge("skill:dl", "skill:ml", "prerequisite")
    reqs = {
        "role:analyst": [("skill:sql", 3, "essential"), ("skill:python", 3, "essential")],
        "role:data-scientist": [
            ("skill:python", 3, "essential"),
            ("skill:ml", 3, "essential"),
            ("skill:sql", 3, "essential"),
        ],
        "role:software-engineer": [
            ("skill:python", 4, "essential"),
            ("skill:software-design", 3, "essential"),
            ("skill:sql", 2, "optional"),
        ],
        "role:ml-engineer": [
            ("skill:python", 3, "essential"),
            ("skill:ml", 3, "essential"),
            ("skill:dl", 3, "essential"),
        ],
    }
    for role, items in reqs.items():
        for skill, level, importance in items:
            G.add_edge(role, skill, "requires", level=level, importance=importance)
    for u, v, years in (
        ("role:analyst", "role:data-scientist", 2.0),
        ("role:analyst", "role:software-engineer", 2.0),
        ("role:data-scientist", "role:ml-engineer", 3.0),
        ("role:software-engineer", "role:ml-engineer", 2.0),
    ):
        G.add_edge(u, v, "progresses", years=years)
    _opp(G, "cred:msc-ml", "degree", "MSc Machine Learning", 600, 20000.0)
    _opp(G, "cred:dl-cert", "certification", "Deep Learning Certificate", 60, 300.0)
    _opp(G, "course:python-101", "course", "Python 101", 20)
    for opp, skills in (
        ("cred:msc-ml", ["skill:python", "skill:linear-algebra", "skill:ml"]),
        ("cred:dl-cert", ["skill:dl"]),
        ("course:python-101", ["skill:python"]),
    ):
        for s in skills:
            G.add_edge(opp, s, "teaches", level=3)
    G.add_node("tool:pytorch", type="tool", label="PyTorch")
    G.add_edge("tool:pytorch", "skill:dl", "supports")
    G.add_edge("role:ml-engineer", "tool:pytorch", "uses")
    G.add_edge("role:ml-engineer", "cred:msc-ml", "expects")
    return G


def career_graph(n: int = 20_000, *, seed: int = 0, broader: float = 0.0) -> nx.MultiDiGraph:
    """A random career graph of about ``n`` nodes, shaped like the projection.

    About 70 % of the nodes are skills, 8 % roles, 10 % tools, 10 % learning
    opportunities and 2 % skill areas. Skills sit in five depth tiers; each skill
    beyond the first tier has one to three prerequisites from shallower tiers (the
    prerequisite relation is acyclic). Roles form ladders of three to five ranks;
    a rank requires most of the rank below at a higher level plus deeper skills;
    most roles also move laterally to a rank of another ladder.

    Parameters
    ----------
    n : int
        Approximate number of nodes (at least 60).
    seed : int
        Seed of the generator; the same seed gives the same graph.
    broader : float
        Share of the skills beyond the first tier that are narrower than a skill of
        a shallower tier of their area (``broader`` edges, as ESCO's hierarchy), some
        of them also building on it; ``0`` (the default) adds none and leaves the
        rest of the graph as it was.

    Examples
    --------
    >>> a, b = career_graph(300, seed=7), career_graph(300, seed=7)
    >>> sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))
    True
    >>> c = career_graph(300, seed=7, broader=0.3)
    >>> sorted(set(c.edges(keys=True)) - set(a.edges(keys=True)))[0][2]
    'broader'
    """
    rng = random.Random(seed)
    n = max(n, 60)
    n_areas = max(3, n // 50)
    n_roles = max(6, n * 8 // 100)
    n_tools = max(2, n // 10)
    n_opps = max(3, n // 10)
    n_skills = n - n_areas - n_roles - n_tools - n_opps
    G = nx.MultiDiGraph()

    areas = [f"area:a{i:05d}" for i in range(n_areas)]
    for i, a in enumerate(areas):
        G.add_node(a, type="area", label=f"Area {i}")

    # skills in tiers 0..4, fewer at deeper tiers
    tiers: list[list[str]] = [[] for _ in range(5)]
    by_area_tier: dict[tuple[str, int], list[str]] = {}
    kinds = ("knowledge", "competence", "competence", "soft skill")
    for i in range(n_skills):
        tier = min(4, int(rng.expovariate(0.7)))
        name = f"skill:s{i:05d}"
        area = rng.choice(areas)
        hours = round(min(400.0, rng.lognormvariate(3.4 + 0.25 * tier, 0.5)), 1)
        _skill(G, name, f"Skill {i}", max(hours, 2.0), rng.choice(kinds))
        G.add_edge(name, area, "in_area")
        tiers[tier].append(name)
        by_area_tier.setdefault((area, tier), []).append(name)
    for tier in range(1, 5):
        shallower = [s for t in range(tier) for s in tiers[t]]
        if not shallower:
            continue
        for s in tiers[tier]:
            area = next(v for v, _ in _out(G, s, "in_area"))
            local = [x for t in range(tier) for x in by_area_tier.get((area, t), [])]
            for _ in range(rng.randint(1, 3)):
                pool = local if local and rng.random() < 0.7 else shallower
                G.add_edge(s, rng.choice(pool), "prerequisite")

    if broader > 0:  # a generator of its own, so the rest of the graph stays the same
        pick = random.Random(f"{seed}-broader")
        for tier in range(1, 5):
            for s in tiers[tier]:
                area = next(v for v, _ in _out(G, s, "in_area"))
                above = [x for t in range(tier) for x in by_area_tier.get((area, t), [])]
                if above and pick.random() < broader:
                    G.add_edge(s, pick.choice(above), "broader")

    tools = [f"tool:t{i:05d}" for i in range(n_tools)]
    all_skills = [s for t in tiers for s in t]
    for i, t in enumerate(tools):
        G.add_node(t, type="tool", label=f"Tool {i}")
        for s in rng.sample(all_skills, k=min(len(all_skills), rng.randint(1, 3))):
            G.add_edge(t, s, "supports")

    # roles in ladders; a ladder focuses on two or three areas
    roles: list[str] = []
    ladders: list[list[str]] = []
    i = 0
    while i < n_roles:
        size = min(rng.randint(3, 5), n_roles - i)
        focus = rng.sample(areas, k=min(len(areas), rng.randint(2, 3)))
        ladder: list[str] = []
        held: dict[str, int] = {}
        for rank in range(size):
            name = f"role:r{i:05d}"
            prefix = _SENIORITY[rank]
            G.add_node(name, type="role", label=f"{prefix} Role {len(ladders)}".strip() + f" #{i}")
            pool = [x for a in focus for t in range(min(5, rank + 2)) for x in by_area_tier.get((a, t), [])]
            pool = pool or all_skills
            wanted = dict(held)
            for s in rng.sample(pool, k=min(len(pool), rng.randint(3, 6))):
                wanted.setdefault(s, rng.randint(1, 2) + rank // 2)
            for s in rng.sample(all_skills, k=rng.randint(0, 2)):
                wanted.setdefault(s, rng.randint(1, 3))
            for s, level in sorted(wanted.items()):
                level = min(5, level + (1 if s in held and rng.random() < 0.4 else 0))
                importance = "essential" if rng.random() < 0.75 else "optional"
                G.add_edge(name, s, "requires", level=level, importance=importance)
                held[s] = level
            for t in rng.sample(tools, k=min(len(tools), rng.randint(1, 4))):
                G.add_edge(name, t, "uses")
            if ladder:
                G.add_edge(ladder[-1], name, "progresses", years=float(rng.randint(1, 4)))
            ladder.append(name)
            roles.append(name)
            i += 1
        ladders.append(ladder)
    for ladder in ladders:  # lateral moves to the rank below, the same or the next of another ladder
        for rank, role in enumerate(ladder):
            for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
                other = rng.choice(ladders)
                if other is ladder:
                    continue
                to = other[max(0, min(len(other) - 1, rank + rng.randint(-1, 1)))]
                if not G.has_edge(role, to, "progresses"):
                    G.add_edge(role, to, "progresses", years=float(rng.randint(1, 5)))

    kinds_opp = ("degree", "certification", "certification", "course", "course")
    opps: list[str] = []
    for j in range(n_opps):
        kind = rng.choice(kinds_opp)
        prefix = "course" if kind == "course" else "cred"
        name = f"{prefix}:c{j:05d}"
        size = rng.randint(8, 20) if kind == "degree" else rng.randint(1, 6)
        area = rng.choice(areas)
        local = [x for t in range(5) for x in by_area_tier.get((area, t), [])]
        pool = local if len(local) >= size else all_skills
        taught = rng.sample(pool, k=min(len(pool), size))
        hours = round(sum(G.nodes[s]["hours"] for s in taught) * rng.uniform(0.6, 1.3), 1)
        cost = None if kind == "course" and rng.random() < 0.5 else float(rng.randint(0, 400) * 50)
        _opp(G, name, kind, f"{kind.title()} {j}", max(hours, 1.0), cost)
        for s in taught:
            G.add_edge(name, s, "teaches", level=rng.randint(2, 4))
        if kind != "course":
            opps.append(name)
    for role in roles:
        for c in rng.sample(opps, k=min(len(opps), rng.choice((0, 0, 1, 2)))):
            G.add_edge(role, c, "expects")
    return G


def _out(G: nx.MultiDiGraph, node: str, key: str) -> Iterable[tuple[Any, Any]]:
    for v, keys in G._succ[node].items():
        if key in keys:
            yield v, keys[key]


def expand(name: Any) -> URIRef:
    """The IRI of a prefixed node name (``"role:x"``); IRIs pass through.

    Examples
    --------
    >>> str(expand("role:analyst"))
    'https://w3id.org/careerkg/id/role/analyst'
    """
    if isinstance(name, URIRef):
        return name
    prefix, _, local = str(name).partition(":")
    if prefix in PREFIXES:
        return URIRef(PREFIXES[prefix] + local)
    return URIRef(str(name))


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    """The careerkg RDF graph of a projection-shaped NetworkX graph.

    Qualified requirements, teachings and progressions are written with their
    shortcuts (as the store materialises them), so
    :func:`kg.project.project` of the result gives ``G`` back (with IRIs for names).

    Examples
    --------
    >>> from kg.project import project
    >>> back = project(to_rdf(tiny_graph()))
    >>> back.number_of_nodes() == tiny_graph().number_of_nodes()
    True
    """
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, replace=True)
    for node, attrs in G.nodes(data=True):
        iri = expand(node)
        kind = attrs["type"]
        g.add((iri, RDF.type, _TYPE_CLASSES[kind]))
        g.add((iri, SKOS.prefLabel, Literal(attrs["label"], lang="en")))
        if kind == "skill":
            g.add((iri, CKG.learningHours, Literal(attrs["hours"], datatype=XSD.decimal)))
            if attrs.get("skill_type") in _SKILL_TYPES:
                g.add((iri, CKG.skillType, _SKILL_TYPES[attrs["skill_type"]]))
        elif kind in ("degree", "certification", "course"):
            if attrs.get("hours") is not None:
                g.add((iri, CKG.durationHours, Literal(attrs["hours"], datatype=XSD.decimal)))
            if attrs.get("cost") is not None:
                g.add((iri, CKG.costUSD, Literal(attrs["cost"], datatype=XSD.decimal)))
            if attrs.get("retired") is not None:
                g.add((iri, CKG.retiredOn, Literal(attrs["retired"], datatype=XSD.date)))
    for u, v, key, attrs in G.edges(keys=True, data=True):
        s, o = expand(u), expand(v)
        if key == "requires":
            req = BNode()
            g.add((s, CKG.hasRequirement, req))
            g.add((req, RDF.type, CKG.Requirement))
            g.add((req, CKG.requiredSkill, o))
            g.add((req, CKG.level, Literal(int(attrs["level"]))))
            imp = CKG.Essential if attrs["importance"] == "essential" else CKG.Optional
            g.add((req, CKG.importance, imp))
            g.add((s, CKG.requiresSkill, o))
        elif key == "progresses":
            prog = BNode()
            g.add((s, CKG.hasProgression, prog))
            g.add((prog, RDF.type, CKG.Progression))
            g.add((prog, CKG.toRole, o))
            if attrs.get("years") is not None:
                g.add((prog, CKG.typicalYears, Literal(attrs["years"], datatype=XSD.decimal)))
            g.add((s, CKG.progressesTo, o))
        elif key == "teaches":
            teaching = BNode()
            g.add((s, CKG.hasTeaching, teaching))
            g.add((teaching, RDF.type, CKG.Teaching))
            g.add((teaching, CKG.taughtSkill, o))
            if attrs.get("level") is not None:
                g.add((teaching, CKG.level, Literal(int(attrs["level"]))))
            g.add((s, CKG.teaches, o))
        else:
            predicate = {
                "prerequisite": CKG.hasPrerequisite,
                "supports": CKG.supportsSkill,
                "uses": CKG.usesTool,
                "expects": CKG.expectsCredential,
                "in_area": CKG.inSkillArea,
                "requires_prior": CKG.requiresPrior,
                "broader": SKOS.broader,
            }[key]
            g.add((s, predicate, o))
    return g
