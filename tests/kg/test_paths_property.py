"""Properties of every learning path: complete, minimal, ordered (hypothesis).

Checked against an independent reading of the semantics in :mod:`kg.paths`, over all
role pairs and random ``known`` sets, on the shipped data and on generated graphs.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.paths import PREREQUISITE_LEVEL, LearningPath, learning_path
from kg.project import projection
from kg.store import Store
from kg.synthetic import career_graph

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True)


def _out(G: nx.MultiDiGraph, node: Any, key: str) -> list[tuple[Any, dict[str, Any]]]:
    return [(v, keys[key]) for v, keys in G._succ[node].items() if key in keys]


_GRAPHS: dict[tuple[int, frozenset[str]], tuple[nx.MultiDiGraph, nx.DiGraph]] = {}


def _relation_graph(G: nx.MultiDiGraph, *keys: str) -> nx.DiGraph:
    """The skills linked by the relations ``keys`` (prerequisites, broader skills)."""
    # keeps G alive beside the graph, so its id is never reused
    key = (id(G), frozenset(keys))
    if key not in _GRAPHS:
        _GRAPHS[key] = (G, nx.DiGraph([(u, v) for u, v, k in G.edges(keys=True) if k in keys]))
    return _GRAPHS[key][1]


def _below(graph: nx.DiGraph, skill: Any) -> set[Any]:
    return nx.descendants(graph, skill) if skill in graph else set()


def _parts(G: nx.MultiDiGraph, skill: Any) -> set[Any]:
    """The broader skills a step learning ``skill`` covers: not those it builds on, nor the reverse."""
    prereqs = _relation_graph(G, "prerequisite")
    return {
        b
        for b in _below(_relation_graph(G, "broader"), skill)
        if b not in _below(prereqs, skill) and skill not in _below(prereqs, b)
    }


def check(
    G: nx.MultiDiGraph,
    p: LearningPath,
    source: Any | None,
    target: Any,
    known: Mapping[Any, int],
    optional: bool = False,
) -> None:
    """Assert the path is well-shaped, ordered, complete and minimal."""
    # a level the learner gave is their word: neither the source role nor a skill held
    # raises it
    base: dict[Any, int] = dict(known)
    if source is not None:
        for skill, attrs in _out(G, source, "requires"):
            if skill not in known:
                base[skill] = max(base.get(skill, 0), attrs["level"])
    # knowing a skill at level L implies its (transitive) prerequisites and broader
    # skills at min(L, 3)
    under = _relation_graph(G, "prerequisite", "broader")
    implied = dict(base)
    for skill, level in base.items():
        if level >= 1:
            for pre in _below(under, skill):
                if pre not in known:
                    implied[pre] = max(implied.get(pre, 0), min(level, PREREQUISITE_LEVEL))
    # the role chain runs from the source to the target along progressions
    assert p.roles[-1] == target
    if source is not None:
        assert p.roles[0] == source
        if not p.switch:
            for u, v in nx.utils.pairwise(p.roles):
                assert G.has_edge(u, v, "progresses"), (u, v)
    learn = p.roles[1:] if source is not None else p.roles

    steps = {s.iri: s for s in p.steps}
    assert len(steps) == len(p.steps), "a skill appears twice"
    assert [s.position for s in p.steps] == list(range(1, len(p.steps) + 1))
    assert p.total_hours == pytest.approx(sum(s.hours for s in p.steps), abs=0.05)
    for s in p.steps:
        assert s.reasons, f"{s.label} has no reason"
        assert implied.get(s.iri, 0) < s.level, f"{s.label} is already met"
        assert s.from_level == implied.get(s.iri, 0)
        # ordering: every prerequisite in the plan comes first, or the step covering it
        covering = {c: t for t in p.steps for c in t.covers}
        for pre, _ in _out(G, s.iri, "prerequisite"):
            if pre in steps:
                assert steps[pre].position < s.position, f"{s.label} before its prerequisite"
            elif pre in covering:
                assert covering[pre].position < s.position, f"{s.label} before the step covering {pre}"
        assert set(s.covers) <= _parts(G, s.iri)
        assert not set(s.covers) & set(steps), f"{s.label} covers a skill that is also a step"

    # ... and so meets them as prerequisites at any level
    founded = {p for s, lv in base.items() if lv >= 1 for p in _below(under, s)}

    def unmet(kept: Mapping[Any, int]) -> list[str]:
        have = dict(implied)
        for skill, level in kept.items():
            have[skill] = max(have.get(skill, 0), level)
        for skill, level in kept.items():  # a step covers its broader skills up to min(L, 3)
            for part in _parts(G, skill):
                have[part] = max(have.get(part, 0), min(level, PREREQUISITE_LEVEL))
        problems = []
        for role in learn:
            for skill, attrs in _out(G, role, "requires"):
                wanted = attrs["importance"] == "essential" or optional
                if wanted and have.get(skill, 0) < attrs["level"]:
                    problems.append(f"{role} needs {skill} at {attrs['level']}")
        for skill in kept:
            if implied.get(skill, 0) == 0:  # learnt from scratch: needs its prerequisites
                for pre, _ in _out(G, skill, "prerequisite"):
                    if have.get(pre, 0) < 1 and pre not in founded:
                        problems.append(f"{skill} needs prerequisite {pre}")
        return problems

    full = {s.iri: s.level for s in p.steps}
    assert unmet(full) == [], "the plan leaves something unmet"
    for s in p.steps:  # minimality: every step is needed ...
        without = {k: v for k, v in full.items() if k != s.iri}
        if unmet(without):
            continue
        # ... or would be covered by a narrower step that has to come after a step
        # building on it (so it could not be learnt in time through that step)
        coverers = [c for c in p.steps if s.iri in _parts(G, c.iri)]
        building = [
            t.position for t in p.steps if any(pre == s.iri for pre, _ in _out(G, t.iri, "prerequisite"))
        ]
        assert coverers, f"removing {s.label} leaves nothing unmet: the step is superfluous"
        assert all(any(pos < c.position for pos in building) for c in coverers), (
            f"{s.label} is a step of its own though a narrower step could cover it in time"
        )


# ---------------------------------------------------------------- shipped data


@cache
def _shipped() -> tuple[nx.MultiDiGraph, list[Any], list[Any]]:
    G = projection(Store.default())
    roles = sorted((n for n, t in G.nodes(data="type") if t == "role"), key=str)
    skills = sorted((n for n, t in G.nodes(data="type") if t == "skill"), key=str)
    return G, roles, skills


def test_shipped_data_has_roles_and_skills() -> None:
    _, roles, skills = _shipped()
    assert len(roles) >= 7
    assert len(skills) >= 30


@SETTINGS
@given(data=st.data(), optional=st.booleans())
def test_paths_on_shipped_data(data: st.DataObject, optional: bool) -> None:
    G, roles, skills = _shipped()
    source = data.draw(st.sampled_from([None, *roles]), label="source")
    target = data.draw(st.sampled_from(roles), label="target")
    known = data.draw(st.dictionaries(st.sampled_from(skills), st.integers(1, 5), max_size=8), label="known")
    p = learning_path(G, source, target, known=known, optional=optional)
    check(G, p, source, target, known, optional)


def test_every_role_pair_on_shipped_data() -> None:
    G, roles, _ = _shipped()
    for source in roles:
        for target in roles:
            check(G, learning_path(G, source, target), source, target, {})


# ---------------------------------------------------------------- generated graphs


@cache
def _generated(seed: int) -> tuple[nx.MultiDiGraph, list[Any], list[Any]]:
    # a fifth of the skills narrower than another, as in ESCO's hierarchy
    G = career_graph(400, seed=seed, broader=0.2)
    roles = sorted(n for n, t in G.nodes(data="type") if t == "role")
    skills = sorted(n for n, t in G.nodes(data="type") if t == "skill")
    return G, roles, skills


@SETTINGS
@given(seed=st.integers(0, 5), data=st.data())
def test_paths_on_generated_graphs(seed: int, data: st.DataObject) -> None:
    G, roles, skills = _generated(seed)
    source = data.draw(st.sampled_from([None, *roles]), label="source")
    target = data.draw(st.sampled_from(roles), label="target")
    known = data.draw(st.dictionaries(st.sampled_from(skills), st.integers(1, 5), max_size=10), label="known")
    p = learning_path(G, source, target, known=known)
    check(G, p, source, target, known)


@pytest.mark.parametrize(
    ("seed", "source", "target", "known", "optional"),
    [
        # found by a wider search (60 seeds, half the skills narrower than another):
        # a covering step that came before a step building on what it covers ...
        (1, "role:r00017", "role:r00010", {"skill:s00161": 4, "skill:s00015": 3, "skill:s00012": 3}, False),
        # ... a cover whose step was needed only for a skill another step covered ...
        (28, None, "role:r00014", {}, True),
        # ... and a step that covers while a narrower step could cover it and more
        (39, "role:r00012", "role:r00019", {"skill:s00178": 5}, False),
    ],
)
def test_paths_on_dense_broader_skills(
    seed: int, source: str | None, target: str, known: dict[str, int], optional: bool
) -> None:
    G = career_graph(300, seed=seed, broader=0.5)
    check(
        G, learning_path(G, source, target, known=known, optional=optional), source, target, known, optional
    )


# ---------------------------------------------------------------- the checker itself


def test_checker_catches_superfluous_missing_and_misordered_steps() -> None:
    from dataclasses import replace

    from kg.synthetic import tiny_graph

    G = tiny_graph()
    good = learning_path(G, None, "role:ml-engineer")
    check(G, good, None, "role:ml-engineer", {})
    extra = replace(good.steps[0], iri="skill:sql", label="SQL", position=len(good.steps) + 1, hours=0.0)
    with pytest.raises(AssertionError, match="superfluous"):
        check(G, replace(good, steps=[*good.steps, extra]), None, "role:ml-engineer", {})
    missing = [replace(s, position=i) for i, s in enumerate(good.steps[1:], start=1)]
    with pytest.raises(AssertionError, match="unmet"):
        check(
            G,
            replace(good, steps=missing, total_hours=sum(s.hours for s in missing)),
            None,
            "role:ml-engineer",
            {},
        )
    swapped = [replace(s, position=i) for i, s in enumerate(reversed(good.steps), start=1)]
    with pytest.raises(AssertionError, match="before its prerequisite"):
        check(G, replace(good, steps=swapped), None, "role:ml-engineer", {})
