"""Learning paths: from where a learner is to the role they want.

A learning path answers four questions: which roles to pass through, which skills to
learn in which order, how long it takes and why each step is there, and which
credentials cover it. The functions are shaped like networkx's
(``learning_path(G, source, target, weight="hours")``) and work on the projection
of :mod:`kg.project`; :func:`plan` resolves names against a store and is what the
CLI, the SPARQL magic predicate and the dashboard call.

How levels work
---------------
Levels run from 1 (awareness) to 5 (expert).

* The learner *has* skill S at level L when the source role requires S at level L
  (every requirement of the source role, essential or optional, counts) or when
  ``known`` gives S at level L (level :data:`KNOWN_LEVEL`, 5, when just named); the
  highest such level counts, but a level ``known`` gives is the learner's word: it
  stands for S even when the source role requires more (a Software Engineer who
  knows Python at level 1 learns it from 1), and no skill held implies more of S.
* A requirement of skill S at level N is met when L >= N. The plan asks for the
  requirements of every role on the chain after the source (essential ones; optional
  ones too with ``optional=True``) that are not met; the step's ``level`` is the
  highest level asked on the chain.
* Knowing a skill implies its foundations: a skill held at level L implies each
  of its (transitive) prerequisites at level ``min(L, PREREQUISITE_LEVEL)`` when
  the learner has it at no higher level. A requirement of such a foundation is
  met, or raised from that level ("up from level 3 as a foundation of
  statistics").
* A skill includes its broader skills (``skos:broader`` between two skills, as
  Python programming is narrower than computer programming, the way ESCO states
  it): holding it at level L implies each broader skill (and what that builds on)
  at ``min(L, PREREQUISITE_LEVEL)`` as for foundations ("as part of Python
  programming"), and a step that reaches level L covers a broader skill the plan
  would otherwise learn to at most ``min(L, PREREQUISITE_LEVEL)``: that skill is
  no step of its own, the covering step says so ("covers computer programming,
  which Student requires at level 2 ...") and comes before whatever builds on the
  covered skill. A
  broader skill that the narrower one lists among its prerequisites is not
  covered by it: the data says to learn it first.
* Prerequisites: a step learnt from scratch (L = 0) needs each of its prerequisites.
  A prerequisite counts as met when the learner has it at any level, or when it is
  a (transitive) prerequisite of a skill the learner has. So a step that only
  raises a skill the learner already has (L >= 1) adds no prerequisites. A
  prerequisite that no role asks for is learnt to level :data:`PREREQUISITE_LEVEL`
  (3). The closure is transitive.
* Credentials cover a step when they teach its skill to the step's level or
  higher (or state no level).
* A direct switch to a role below the source (one that leads up to it on the
  career ladder) carries that ladder in ``below``.
* Hours: ``ckg:learningHours`` is the effort to reach level 3 (the ontology's
  definition), so each level costs a third of it: a step from level L to level N
  takes ``hours * (N - L) / 3``. ``total_hours`` is the sum of the step hours.

The role chain is the chain of career progressions from the source to the target
whose plan takes the least effort (fewer hops win ties). Candidates come from
:func:`networkx.shortest_simple_paths` over the career ladder, where a hop ``u -> v``
costs the gap towards ``v``, closed under prerequisites, of a learner who holds the
source role (every requirement of it) or who passed through ``u`` on the plan (what
the plan taught for it); as a hop cannot see what earlier hops taught, the
cheapest :data:`CANDIDATES` chains beyond those asked for are weighed again by the
plan each gives (when the ladder leads to at most :data:`RERANK_ROLES` roles from
the source). When no chain exists the learner switches directly to the target
(``switch=False`` turns this off). A learner without a source role starts at the
target.

Examples
--------
>>> from kg.synthetic import tiny_graph
>>> G = tiny_graph()
>>> path = learning_path(G, "role:analyst", "role:ml-engineer")
>>> [G.nodes[r]["label"] for r in path.roles]
['Analyst', 'Data Scientist', 'ML Engineer']
>>> [(s.label, s.hours) for s in path.steps]
[('Linear Algebra', 30.0), ('Machine Learning', 60.0), ('Deep Learning', 80.0)]
>>> path.total_hours
170.0
>>> path.steps[0].reasons
['prerequisite of Machine Learning']
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from itertools import islice, pairwise
from typing import TYPE_CHECKING, Any

import networkx as nx
from rdflib import URIRef

from kg.errors import KGError, NoLearningPath, UnknownEntity
from kg.names import closest_labels, fold
from kg.pathtext import hours_text
from kg.project import DEFAULT_HOURS, edges_of, in_edges_of

if TYPE_CHECKING:
    from kg.store import Store

__all__ = [
    "BELOW_CAVEAT",
    "CANDIDATES",
    "EXPECTED_LEVEL",
    "HOP_COST",
    "KNOWN_LEVEL",
    "PREREQUISITE_LEVEL",
    "RERANK_ROLES",
    "VALIDATING",
    "CredentialChoice",
    "LearningPath",
    "PlanFacts",
    "Step",
    "alternative_note",
    "assumed_hours_note",
    "below_note",
    "cover_credentials",
    "learning_path",
    "learning_paths",
    "optional_only_note",
    "parse_known",
    "path_notes",
    "plan",
    "plan_day",
    "resolve_known",
    "resolve_unlocks_skill",
    "source_unspecified_note",
    "unlocks",
    "unspecified_note",
    "validating_certifications",
]

KNOWN_LEVEL = 5
"""Level of a skill the learner names without a level (``--know Python``)."""

PREREQUISITE_LEVEL = 3
"""Level to which a prerequisite that no role asks for is learnt."""

HOURS_LEVEL = 3
"""``learningHours`` is the effort to reach this level from scratch."""

EXPECTED_LEVEL = 2
"""Level at which a certification expects the skills it lists as ``ckg:requiresPrior``
(data/credentials.ttl: its hours are the preparation of a candidate who has them so)."""

VALIDATING = 2
"""Most certifications a plan names as validating what it teaches (:func:`validating_certifications`)."""

HOP_COST = 1e-3
"""Extra cost of each career step, so that fewer hops win ties between chains."""

CANDIDATES = 4
"""Role chains weighed by their whole plan beyond the ``k`` asked for (see :func:`learning_paths`)."""

RERANK_ROLES = 64
"""Most roles the ladder leads to from the source for which the :data:`CANDIDATES`
are weighed; on a bigger ladder the best chain by hop costs stands (weighing costs
a search each), and only the alternatives after it are ordered by their plans."""

Node = Hashable
Weight = str | Callable[[Any, dict[str, Any]], float | None]


@dataclass
class Step:
    """One skill to learn, in plan order.

    ``level`` is the level to reach, ``from_level`` the level the learner starts at
    (0 when learnt from scratch); ``hours`` is the effort between them.
    ``required_by`` lists ``(role, level, importance)`` of the chain roles asking for
    it; ``prerequisite_of`` the steps that build on it. ``hours_estimated`` is true
    when the data gives no learning hours for the skill, so
    :data:`kg.project.DEFAULT_HOURS` were assumed. ``covers`` lists the broader
    skills the step teaches on the way, so that they are no steps of their own
    (``cover_labels`` their labels); it gives them up to :attr:`covers_level`.
    """

    position: int
    iri: Any
    label: str
    type: str
    hours: float
    level: int
    reasons: list[str]
    from_level: int = 0
    cumulative_hours: float = 0.0
    required_by: list[tuple[Any, int, str]] = field(default_factory=list)
    prerequisite_of: list[Any] = field(default_factory=list)
    hours_estimated: bool = False
    covers: list[Any] = field(default_factory=list)
    cover_labels: list[str] = field(default_factory=list)

    @property
    def covers_level(self) -> int:
        """The level the step gives the skills it covers: ``min(level, PREREQUISITE_LEVEL)``."""
        return min(self.level, PREREQUISITE_LEVEL)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of a step (each covered skill as ``{iri, label, level}``)."""
        return {
            "position": self.position,
            "iri": str(self.iri),
            "label": self.label,
            "type": self.type,
            "hours": self.hours,
            "level": self.level,
            "from_level": self.from_level,
            "cumulative_hours": self.cumulative_hours,
            "hours_estimated": self.hours_estimated,
            "covers": [
                {"iri": str(c), "label": label, "level": self.covers_level}
                for c, label in zip(self.covers, self.cover_labels or map(str, self.covers), strict=False)
            ],
            "reasons": list(self.reasons),
        }


@dataclass
class CredentialChoice:
    """A degree, certification or course chosen to cover part of a plan, or a
    certification named as validating it (:func:`validating_certifications`).

    ``covers`` lists the plan's skills it teaches (in plan order), ``hours`` its
    duration (``ckg:durationHours``; estimated from the skills it teaches when the
    data gives none). ``expects`` lists the skills it expects candidates to have
    beforehand (``ckg:requiresPrior``) that the learner neither holds nor learns in
    the plan: a certification exam that assumes experience the plan does not give.
    ``last_day`` is the announced last day it can be taken (``ckg:retiredOn``, ISO
    date), or ``None`` when no retirement is announced.
    """

    iri: Any
    label: str
    type: str
    covers: list[Any]
    hours: float
    cost: float | None = None
    expects: list[Any] = field(default_factory=list)
    last_day: str | None = None


@dataclass
class LearningPath:
    """The answer of :func:`learning_path`; :meth:`to_dict` gives the JSON shape."""

    source: Any | None
    target: Any
    roles: list[Any]
    steps: list[Step]
    total_hours: float
    credentials: list[CredentialChoice] = field(default_factory=list)
    alternatives: list[LearningPath] = field(default_factory=list)
    validating: list[CredentialChoice] = field(default_factory=list)
    """Certifications that validate the plan's steps once learnt (:func:`validating_certifications`)."""
    years: float = 0.0
    switch: bool = False
    known: dict[Any, int] = field(default_factory=dict)
    uncovered: list[Any] = field(default_factory=list)
    labels: dict[Any, str] = field(default_factory=dict, repr=False)
    below: list[Any] = field(default_factory=list)
    """For a switch to a role below the source: the ladder from the target up to it."""
    unspecified: list[Any] = field(default_factory=list)
    """Roles the plan learns for whose data lists no skill requirement at all (an
    imported occupation without ratings): the plan cannot say what they take."""
    source_unspecified: bool = False
    """The source role's data lists no skill requirement: the plan credits the learner
    with no skill from it (only with ``known``)."""
    optional_only: list[Any] = field(default_factory=list)
    """Roles the plan learns for whose data lists only optional skill requirements (42
    of O*NET's occupations, one of ESCO's), when the plan leaves optional requirements
    out: it teaches nothing for them."""
    optional: bool = False
    """Whether the plan covers the optional skill requirements too (``optional=True``),
    not only the essential ones: a saved plan says which it is."""

    def label(self, node: Any) -> str:
        """The label of a node the path mentions."""
        return self.labels.get(node, str(node))

    def below_note(self) -> str:
        """What a switch to a role below the source should say ('' for any other path).

        Examples
        --------
        >>> from kg.synthetic import tiny_graph
        >>> learning_path(tiny_graph(), "role:ml-engineer", "role:analyst").below_note()
        'Analyst comes before ML Engineer on the career ladder (Analyst → Software Engineer → ML Engineer)'
        >>> learning_path(tiny_graph(), "role:analyst", "role:ml-engineer").below_note()
        ''
        """
        return _ladder_note([self.label(r) for r in self.below]) if self.below else ""

    def _ref(self, node: Any) -> dict[str, str]:
        return {"iri": str(node), "label": self.label(node)}

    def _credential(self, c: CredentialChoice) -> dict[str, Any]:
        return {
            "iri": str(c.iri),
            "label": c.label,
            "type": c.type,
            "hours": c.hours,
            "cost": c.cost,
            "covers": [self._ref(s) for s in c.covers],
            "expects": [self._ref(s) for s in c.expects],
            "last_day": c.last_day,
        }

    def to_dict(self) -> dict[str, Any]:
        """The ``careerkg path --format json`` object (see DESIGN.md).

        Examples
        --------
        >>> from kg.synthetic import tiny_graph
        >>> d = learning_path(tiny_graph(), None, "role:analyst").to_dict()
        >>> sorted(d)  # doctest: +NORMALIZE_WHITESPACE
        ['alternatives', 'below', 'credentials', 'known', 'optional', 'optional_only', 'roles',
         'source', 'source_unspecified', 'steps', 'switch', 'target', 'total_hours', 'uncovered',
         'unspecified', 'validating', 'years']
        >>> d["source"], d["target"]
        (None, {'iri': 'role:analyst', 'label': 'Analyst'})
        """
        return {
            "source": self._ref(self.source) if self.source is not None else None,
            "target": self._ref(self.target),
            "roles": [self._ref(r) for r in self.roles],
            "switch": self.switch,
            "below": [self._ref(r) for r in self.below],
            "years": self.years,
            "known": [{**self._ref(k), "level": lv} for k, lv in self.known.items()],
            "steps": [s.to_dict() for s in self.steps],
            "total_hours": self.total_hours,
            "credentials": [self._credential(c) for c in self.credentials],
            "validating": [self._credential(c) for c in self.validating],
            "uncovered": [self._ref(s) for s in self.uncovered],
            "unspecified": [self._ref(r) for r in self.unspecified],
            "source_unspecified": self.source_unspecified,
            "optional_only": [self._ref(r) for r in self.optional_only],
            "optional": self.optional,
            "alternatives": [a.to_dict() for a in self.alternatives],
        }


# ---------------------------------------------------------------- input checks


def _closest(G: nx.MultiDiGraph, name: str, kind: str, n: int = 5) -> list[str]:
    """The labels of ``kind`` nodes closest to ``name``, an IRI or a name: its last segment.

    Alternative labels count as :func:`kg.names.closest_labels` counts them (a near miss
    of "ML Engineer" suggests the preferred label "Machine Learning Engineer"), from the
    projection's ``alt_labels`` (see :mod:`kg.project`).

    Examples
    --------
    >>> from kg.synthetic import tiny_graph
    >>> G = tiny_graph()
    >>> _closest(G, "role:mle", "role")
    []
    >>> G.graph["alt_labels"] = {"role:ml-engineer": ("MLE", "Machine Learning Engineer")}
    >>> _closest(G, "role:mle", "role")
    ['ML Engineer']
    """
    pool = {v: str(d.get("label", v)) for v, d in G.nodes(data=True) if d.get("type") == kind}
    alt_of = G.graph.get("alt_labels") or {}
    alt = {v: alt_of[v] for v in pool if v in alt_of}
    return closest_labels(name.rsplit("/", 1)[-1].rsplit(":", 1)[-1], pool, alt, n=n)


def _named_node(G: nx.MultiDiGraph, text: str, kind: str) -> str:
    """What a text given where a node of ``G`` belongs names, for the error's note: a
    ``kind`` node's IRI as a plain string, its label or alt label, or the name of a node
    of another kind ("" when none)."""
    if any(str(v) == text and d.get("type") == kind for v, d in G.nodes(data=True)):
        return f"a str, not the node: pass rdflib.URIRef({text!r})"
    key = fold(text)
    if not key:
        return ""
    alt_of = G.graph.get("alt_labels") or {}
    named = [
        (d.get("type") != kind, str(v), v, d.get("type"), str(d.get("label", v)))
        for v, d in G.nodes(data=True)
        if fold(str(d.get("label", ""))) == key or any(fold(a) == key for a in alt_of.get(v, ()))
    ]
    if not named:
        return ""
    other, _iri, node, found, label = min(named)
    if other:
        return f"it names a {found}: {label!r}"
    shown = node.n3() if isinstance(node, URIRef) else repr(node)
    return f"it is the name of {shown} ({label!r}): pass the node, or a name to kg.paths.plan"


def _check(G: nx.MultiDiGraph, node: Any, kind: str) -> None:
    if node in G and G.nodes[node].get("type") != kind:
        found = G.nodes[node]
        note = f"it is a {found.get('type')}: {found.get('label', node)!r}"
        raise UnknownEntity(str(node), _closest(G, str(node), kind), kind, note=note)
    if node not in G:
        text = str(node)
        raise UnknownEntity(text, _closest(G, text, kind), kind, note=_named_node(G, text, kind))


def _known_levels(G: nx.MultiDiGraph, known: Mapping[Any, int] | Iterable[Any] | None) -> dict[Any, int]:
    if known is None:
        return {}
    pairs = known.items() if isinstance(known, Mapping) else ((k, KNOWN_LEVEL) for k in known)
    out: dict[Any, int] = {}
    for skill, level in pairs:
        _check(G, skill, "skill")
        if not 1 <= int(level) <= 5:
            raise KGError(f"level {level} of {G.nodes[skill]['label']!r} is out of range; use 1 to 5")
        out[skill] = max(out.get(skill, 0), int(level))
    return out


def _skill_cost(G: nx.MultiDiGraph, weight: Weight) -> Callable[[Any], float | None]:
    if callable(weight):
        return lambda s: weight(s, G.nodes[s])
    return lambda s: G.nodes[s].get(weight, 0.0)


# ---------------------------------------------------------------- the planner


@dataclass
class _Need:
    level: int
    from_level: int
    stage: float
    required_by: list[tuple[Any, int, str]] = field(default_factory=list)
    prerequisite_of: list[Any] = field(default_factory=list)
    implied_by: Any = None  # the skill whose foundation it is, when from_level comes from it
    # broader skills this step covers: (skill, its requirements, the steps building on it)
    covers: list[tuple[Any, list[tuple[Any, int, str]], list[Any]]] = field(default_factory=list)


class PlanFacts:
    """What every plan over one read-only projection can share: each role's
    requirements, each skill's prerequisites, broader skills and their closures, the
    learning opportunities teaching it, and the roles the career ladder leads to from
    each source; each found when a plan first asks.

    A plan alone finds them again for itself. The plans of one store version share one
    (:func:`plan` takes :meth:`of` the store): the ``hours-to-roles`` example plans a
    path from one role to each of ESCO's 3,000 occupations, and asked the same
    questions of the graph 3,000 times.

    Examples
    --------
    >>> from kg.synthetic import tiny_graph
    >>> G = tiny_graph()
    >>> facts = PlanFacts(G)
    >>> a = learning_path(G, "role:analyst", "role:ml-engineer", facts=facts)
    >>> b = learning_path(G, "role:analyst", "role:ml-engineer")
    >>> a.steps == b.steps, "role:analyst" in facts.ahead
    (True, True)
    """

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        self.reqs: dict[Any, list[tuple[Any, int, str]]] = {}
        self.pres: dict[Any, list[Any]] = {}
        self.broader: dict[Any, list[Any]] = {}
        self.below: dict[Any, frozenset[Any]] = {}
        self.parts: dict[Any, frozenset[Any]] = {}
        self.prior: dict[Any, frozenset[Any]] = {}
        self.depths: dict[Any, dict[Any, int]] = {}
        self.teachers: dict[Any, list[tuple[Any, dict[str, Any]]]] = {}
        self.ahead: dict[Any, set[Any] | None] = {}

    @classmethod
    def of(cls, store: Store) -> PlanFacts:
        """The facts of ``store``'s projection (:func:`kg.project.projection`), one per
        store version."""
        from kg.project import projection

        return store.derived("plan-facts", lambda s: cls(projection(s)))

    def teaching(self, skill: Any) -> list[tuple[Any, dict[str, Any]]]:
        """The ``(learning opportunity, attrs)`` pairs of the ``teaches`` edges to ``skill``."""
        found = self.teachers.get(skill)
        if found is None:
            found = self.teachers[skill] = list(in_edges_of(self.G, skill, "teaches"))
        return found


class _Planner:
    """Requirements, gaps and hop costs over one projection, for one query."""

    def __init__(
        self, G: nx.MultiDiGraph, weight: Weight, optional: bool, facts: PlanFacts | None = None
    ) -> None:
        if facts is None or facts.G is not G:
            facts = PlanFacts(G)
        self.G = G
        self.facts = facts
        self.optional = optional
        self.cost = _skill_cost(G, weight)
        self._reqs = facts.reqs
        self._pres = facts.pres
        self._broader = facts.broader
        self._below = facts.below
        self._parts = facts.parts
        self._prior = facts.prior
        self._depths = facts.depths
        self._at: dict[Any, tuple[dict[Any, int], dict[Any, tuple[int, Any]], set[Any]]] = {}
        self._hops: dict[tuple[Any, Any], float | None] = {}
        # the levels the learner gave (known): their word, above what the source role
        # or a skill they hold would imply
        self.stated: Mapping[Any, int] = {}

    def prerequisites(self, skill: Any) -> list[Any]:
        """The direct prerequisites of ``skill``."""
        pres = self._pres.get(skill)
        if pres is None:
            pres = self._pres[skill] = [p for p, _ in edges_of(self.G, skill, "prerequisite")]
        return pres

    def broader(self, skill: Any) -> list[Any]:
        """The skills ``skill`` is directly narrower than (``skos:broader``)."""
        found = self._broader.get(skill)
        if found is None:
            found = self._broader[skill] = [b for b, _ in edges_of(self.G, skill, "broader")]
        return found

    def _under(self, skill: Any) -> list[Any]:
        """What holding ``skill`` directly implies: its prerequisites and broader skills."""
        return [*self.prerequisites(skill), *self.broader(skill)]

    def parts(self, skill: Any) -> frozenset[Any]:
        """The skills ``skill`` includes: its broader skills, transitively."""
        found = self._parts.get(skill)
        if found is None:
            found = self._parts[skill] = frozenset(_closure(skill, self.broader))
        return found

    def prior(self, skill: Any) -> frozenset[Any]:
        """The transitive prerequisites of ``skill`` alone (what is learnt before it)."""
        found = self._prior.get(skill)
        if found is None:
            found = self._prior[skill] = frozenset(_closure(skill, self.prerequisites))
        return found

    def requirements(self, role: Any) -> list[tuple[Any, int, str]]:
        """``(skill, level, importance)`` of every requirement of ``role``."""
        reqs = self._reqs.get(role)
        if reqs is None:
            reqs = [(s, int(a["level"]), str(a["importance"])) for s, a in edges_of(self.G, role, "requires")]
            self._reqs[role] = reqs
        return reqs

    def holds(self, role: Any, base: Mapping[Any, int], *, learnt: bool = False) -> dict[Any, int]:
        """What a holder of ``role`` who also knows ``base`` has.

        A learner who holds ``role`` has every requirement of it, but for the skills they
        gave a level for (:attr:`stated`); one who only passed through it on the plan
        (``learnt=True``) has what the plan taught for it: its essential requirements,
        and the optional ones when they are planned too.
        """
        have = dict(base)
        for skill, level, importance in self.requirements(role):
            if learnt and importance != "essential" and not self.optional:
                continue
            if not learnt and skill in self.stated:
                continue
            if have.get(skill, 0) < level:
                have[skill] = level
        return have

    def foundations(self, skills: Iterable[Any]) -> set[Any]:
        """What holding ``skills`` implies: their prerequisites and broader skills, transitively."""
        out: set[Any] = set()
        for skill in skills:
            below = self._below.get(skill)
            if below is None:
                below = self._below[skill] = frozenset(_closure(skill, self._under))
            out |= below
        return out

    def implied(self, have: Mapping[Any, int]) -> dict[Any, tuple[int, Any]]:
        """Levels ``have`` implies for foundations: ``{skill: (level, the skill it founds)}``.

        A skill held at level L implies each of its transitive prerequisites at level
        ``min(L, PREREQUISITE_LEVEL)``; only levels above those held are listed.
        """
        best: dict[Any, tuple[int, int, str, Any]] = {}  # highest level, then the nearest skill
        for skill, held in have.items():
            if held < 1:
                continue
            level = min(held, PREREQUISITE_LEVEL)
            for base, depth in self.depths(skill).items():
                if base in self.stated:  # the learner said at what level they have it
                    continue
                rank = (-level, depth, str(skill), skill)
                if level > have.get(base, 0) and (base not in best or rank[:3] < best[base][:3]):
                    best[base] = rank
        return {base: (-rank[0], rank[3]) for base, rank in best.items()}

    def depths(self, skill: Any) -> dict[Any, int]:
        """What holding ``skill`` implies (:meth:`foundations`), each with its fewest steps away."""
        found = self._depths.get(skill)
        if found is None:
            found = {}
            frontier, depth = [skill], 0
            while frontier:
                depth += 1
                frontier = [p for s in frontier for p in self._under(s) if p not in found and p != skill]
                for p in frontier:
                    found.setdefault(p, depth)
            self._depths[skill] = found
        return found

    def needs(
        self,
        chain: Sequence[Any],
        have: Mapping[Any, int],
        *,
        implied: dict[Any, tuple[int, Any]] | None = None,
        founded: set[Any] | None = None,
    ) -> dict[Any, _Need]:
        """The unmet requirements of ``chain`` for a learner who has ``have``, closed under
        prerequisites, less the broader skills that a narrower step covers.

        ``implied`` (:meth:`implied`) and ``founded`` (the foundations of what
        ``have`` holds) are computed from ``have`` when not given.
        """
        if implied is None:
            implied = self.implied(have)
        if founded is None:
            founded = self.foundations(s for s, lv in have.items() if lv >= 1)
        needs = self._needs(chain, have, implied, founded, {})
        covered = self._covering(needs)
        while covered:
            planned = self._needs(chain, have, implied, founded, covered)
            # a covering step needed only as a prerequisite of a skill another step covers
            # may be gone: what it covered is planned again (covers only go, so this ends)
            gone = {part for part, by in covered.items() if by not in planned}
            if not gone:
                return planned
            covered = {part: by for part, by in covered.items() if part not in gone}
        return needs

    def _covering(self, needs: Mapping[Any, _Need]) -> dict[Any, Any]:
        """``{broader skill: the step covering it}`` among ``needs``.

        Steps are taken narrowest first, then from the highest level down, then by IRI
        (:meth:`_narrowest_first`). Each covers the broader skills among ``needs`` that
        it reaches (the level a role asks for, or any level for a skill needed only as
        a prerequisite, as for what a learner has), that it does not build on, and on
        which neither it nor anything it builds on builds, directly or through other
        covers (so that it can come before them). A step that covers is never covered
        itself, so a cycle of ``skos:broader`` (A in B, B in A) cannot cover both.
        """
        covered: dict[Any, Any] = {}
        covering: set[Any] = set()
        order = nx.DiGraph((s, later) for s, n in needs.items() for later in n.prerequisite_of)
        order.add_edges_from((p, s) for s in needs for p in self.prerequisites(s) if p in needs)  # as _order
        for skill in self._narrowest_first(needs):
            if skill in covered:
                continue
            reach = min(needs[skill].level, PREREQUISITE_LEVEL)
            for part in sorted(self.parts(skill), key=str):
                other = needs.get(part)
                building = list(order.successors(part)) if part in order else []  # steps building on it
                if (
                    other is None
                    or part in covered
                    or part in covering
                    or (other.level if other.required_by else 1) > reach
                    or part in self.prior(skill)
                    or skill in self.prior(part)
                    or any(x == skill or (skill in order and nx.has_path(order, x, skill)) for x in building)
                ):
                    continue
                covered[part] = skill
                covering.add(skill)
                order.add_edges_from((skill, x) for x in building)
        return covered

    def _narrowest_first(self, needs: Mapping[Any, _Need]) -> list[Any]:
        """``needs`` with each skill before the broader skills it includes, then from the
        highest level down and by IRI (by level alone when ``skos:broader`` has a cycle)."""

        def key(s: Any) -> tuple[int, str]:
            return (-needs[s].level, str(s))

        inclusion = nx.DiGraph()
        inclusion.add_nodes_from(needs)
        inclusion.add_edges_from((s, b) for s in needs for b in self.parts(s) if b in needs and b != s)
        try:
            return list(nx.lexicographical_topological_sort(inclusion, key=key))
        except nx.NetworkXUnfeasible:
            return sorted(needs, key=key)

    def _needs(
        self,
        chain: Sequence[Any],
        have: Mapping[Any, int],
        implied: dict[Any, tuple[int, Any]],
        founded: set[Any],
        covered: Mapping[Any, Any],
    ) -> dict[Any, _Need]:
        needs: dict[Any, _Need] = {}
        cover_reqs: dict[Any, list[tuple[Any, int, str]]] = {}
        cover_pres: dict[Any, list[Any]] = {}
        for i, role in enumerate(chain):
            for skill, level, importance in self.requirements(role):
                if importance != "essential" and not self.optional:
                    continue
                start, via = have.get(skill, 0), None
                if start < level and skill in implied:
                    start, via = implied[skill]
                if start >= level:
                    continue
                if skill in covered:
                    cover_reqs.setdefault(skill, []).append((role, level, importance))
                    continue
                need = needs.get(skill)
                if need is None:
                    need = needs[skill] = _Need(level, start, i, implied_by=via)
                need.level = max(need.level, level)
                need.required_by.append((role, level, importance))
        stack = sorted((s for s, n in needs.items() if n.from_level == 0), key=str, reverse=True)
        while stack:
            skill = stack.pop()
            for pre in self.prerequisites(skill):
                if have.get(pre, 0) >= 1 or pre in founded:
                    continue
                if pre in covered:
                    cover_pres.setdefault(pre, []).append(skill)
                    continue
                need = needs.get(pre)
                if need is None:
                    need = needs[pre] = _Need(PREREQUISITE_LEVEL, 0, math.inf)
                    stack.append(pre)
                need.prerequisite_of.append(skill)
        for part in sorted({*cover_reqs, *cover_pres}, key=str):
            by = needs.get(covered[part])
            if by is not None:
                by.covers.append((part, cover_reqs.get(part, []), cover_pres.get(part, [])))
        return needs

    def effort(self, needs: Mapping[Any, _Need]) -> float | None:
        """Total weighted effort of ``needs``; ``None`` when the weight hides one of them.

        Each step's effort is rounded as step ``hours`` are, so under the default
        weight this is the plan's ``total_hours``.
        """
        parts = []
        for skill, need in needs.items():
            c = self.cost(skill)
            if c is None:
                return None
            parts.append(round(float(c) * (need.level - need.from_level) / HOURS_LEVEL, 2))
        return round(math.fsum(parts), 2)

    def hop(self, u: Any, v: Any, base: Mapping[Any, int], source: Any) -> float | None:
        """Cost of the career step ``u -> v`` (``None``: not possible under the weight).

        From the ``source`` the learner holds the role; from a role passed on the way
        they have only what the plan taught for it (:meth:`holds`).
        """
        key = (u, v)
        if key not in self._hops:
            at = self._at.get(u)
            if at is None:  # what the learner has at u, once for every hop out of it
                have = self.holds(u, base, learnt=u != source)
                at = self._at[u] = (
                    have,
                    self.implied(have),
                    self.foundations(s for s, lv in have.items() if lv >= 1),
                )
            effort = self.effort(self.needs([v], at[0], implied=at[1], founded=at[2]))
            self._hops[key] = None if effort is None else effort + HOP_COST
        return self._hops[key]


def _order(G: nx.MultiDiGraph, needs: dict[Any, _Need]) -> list[Any]:
    """Steps in an order where every prerequisite comes first; ties by stage, label, IRI."""
    H = nx.DiGraph()
    H.add_nodes_from(needs)
    for skill, need in needs.items():
        for later in need.prerequisite_of:
            H.add_edge(skill, later)
        for _, _, building in need.covers:
            H.add_edges_from((skill, later) for later in building if later in needs)
    # a step also precedes any step that has it (or a skill it covers) as a prerequisite
    # while raising a level
    by = {part: skill for skill, need in needs.items() for part, _, _ in need.covers}
    for skill in needs:
        for pre, _ in edges_of(G, skill, "prerequisite"):
            if pre in needs:
                H.add_edge(pre, skill)
            elif by.get(pre, skill) != skill:
                H.add_edge(by[pre], skill)
    try:
        rev = list(reversed(list(nx.topological_sort(H))))
    except nx.NetworkXUnfeasible as err:
        cycle = [u for u, _ in nx.find_cycle(H)]
        names = " -> ".join(G.nodes[c]["label"] for c in [*reversed(cycle), cycle[-1]])
        raise NoLearningPath(
            f"the skills to learn have cyclic prerequisites ({names}), so no order can teach them; "
            "fix the prerequisite data (careerkg validate lists cycles)"
        ) from err
    for skill in rev:  # a prerequisite inherits the earliest stage of what builds on it
        for later in H.successors(skill):
            needs[skill].stage = min(needs[skill].stage, needs[later].stage)

    def key(s: Any) -> tuple[float, str, str]:
        return (needs[s].stage, str(G.nodes[s].get("label", "")).casefold(), str(s))

    return list(nx.lexicographical_topological_sort(H, key=key))


def _steps(G: nx.MultiDiGraph, needs: dict[Any, _Need]) -> list[Step]:
    steps: list[Step] = []
    cumulative = 0.0
    for position, skill in enumerate(_order(G, needs), start=1):
        need = needs[skill]
        attrs = G.nodes[skill]
        hours = round(float(attrs.get("hours", 0.0)) * (need.level - need.from_level) / HOURS_LEVEL, 2)
        cumulative = round(cumulative + hours, 2)
        reasons = []
        for role, level, importance in need.required_by:
            text = f"required by {G.nodes[role]['label']} at level {level} ({importance})"
            if need.from_level:
                text += f", up from level {need.from_level}"
                if need.implied_by is not None:
                    how = "as part of" if skill in _broader_of(G, need.implied_by) else "as a foundation of"
                    text += f" {how} {G.nodes[need.implied_by]['label']}"
            reasons.append(text)
        reasons += [f"prerequisite of {G.nodes[s]['label']}" for s in _unique(need.prerequisite_of)]
        reasons += [_covers_reason(G, *cover) for cover in need.covers]
        steps.append(
            Step(
                position=position,
                iri=skill,
                label=str(attrs.get("label", skill)),
                type=str(attrs.get("type", "skill")),
                hours=hours,
                level=need.level,
                reasons=reasons,
                from_level=need.from_level,
                cumulative_hours=cumulative,
                required_by=list(need.required_by),
                prerequisite_of=_unique(need.prerequisite_of),
                hours_estimated=bool(attrs.get("hours_estimated", False)),
                covers=[part for part, _, _ in need.covers],
                cover_labels=[str(G.nodes[part].get("label", part)) for part, _, _ in need.covers],
            )
        )
    return steps


def _unique(items: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(items))


def _listed(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b, and c`` (a comma before the last: labels hold "and")."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def _covers_reason(
    G: nx.MultiDiGraph, part: Any, required_by: Sequence[tuple[Any, int, str]], building: Sequence[Any]
) -> str:
    """The reason of a step covering ``part``, in one clause with no ``;`` (which
    separates a step's reasons wherever they are joined).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for n, label in [("p", "computer programming"), ("r", "Student"), ("d", "debugging"), ("j", "Java")]:
    ...     G.add_node(n, label=label)
    >>> _covers_reason(G, "p", [("r", 2, "essential")], ["d", "j"])
    'covers computer programming, which Student requires at level 2 (essential) and debugging and Java build on'
    >>> _covers_reason(G, "p", [], ["d"])
    'covers computer programming, which debugging builds on'
    """
    label = lambda n: str(G.nodes[n].get("label", n))  # noqa: E731
    parts = []
    if len(required_by) == 1:
        [(role, level, importance)] = required_by
        parts.append(f"{label(role)} requires at level {level} ({importance})")
    elif required_by:
        roles = [f"{label(r)} at level {lv} ({imp})" for r, lv, imp in required_by]
        parts.append(f"{_listed(roles)} require")
    users = [label(s) for s in _unique(building)]
    if users:
        parts.append(f"{_listed(users)} build{'s' if len(users) == 1 else ''} on")
    return f"covers {label(part)}" + (f", which {' and '.join(parts)}" if parts else "")


def _closure(start: Any, step: Callable[[Any], Iterable[Any]]) -> set[Any]:
    """Everything reachable from ``start`` through ``step``, without ``start`` itself."""
    seen: set[Any] = set()
    stack = list(step(start))
    while stack:
        node = stack.pop()
        if node not in seen and node != start:
            seen.add(node)
            stack.extend(step(node))
    return seen


def _broader_of(G: nx.MultiDiGraph, skill: Any) -> set[Any]:
    """The broader skills of ``skill``, transitively."""
    return _closure(skill, lambda s: (b for b, _ in edges_of(G, s, "broader")))


def _base(planner: _Planner, source: Any | None, known: Mapping[Any, int]) -> dict[Any, int]:
    return planner.holds(source, known) if source is not None else dict(known)


def _build(
    G: nx.MultiDiGraph,
    planner: _Planner,
    source: Any | None,
    target: Any,
    chain: list[Any],
    known: dict[Any, int],
    switch: bool,
) -> LearningPath:
    base = _base(planner, source, known)
    learn = chain[1:] if source is not None else chain
    needs = planner.needs(learn, base)
    if planner.effort(needs) is None:
        hidden = sorted(G.nodes[s]["label"] for s in needs if planner.cost(s) is None)
        raise NoLearningPath(
            f"every way to {G.nodes[target]['label']} needs skills the weight excludes: " + ", ".join(hidden)
        )
    steps = _steps(G, needs)
    years = 0.0
    for u, v in pairwise(chain):
        data = G.get_edge_data(u, v, "progresses")
        if data is not None and data.get("years") is not None:
            years += float(data["years"])
    credentials, uncovered = cover_credentials(
        G, steps, set(base) | planner.foundations(base), facts=planner.facts
    )
    validating = validating_certifications(
        G, steps, set(base) | planner.foundations(base), [c.iri for c in credentials], facts=planner.facts
    )
    expected = [s for c in [*credentials, *validating] for s in c.expects]
    labels = {n: str(G.nodes[n].get("label", n)) for n in [*chain, *known, *expected]}
    return LearningPath(
        source=source,
        target=target,
        roles=chain,
        steps=steps,
        total_hours=round(math.fsum(s.hours for s in steps), 2),
        credentials=credentials,
        validating=validating,
        years=years,
        switch=switch,
        known=dict(known),
        uncovered=uncovered,
        labels={**labels, **{s.iri: s.label for s in steps}},
        unspecified=[r for r in learn if not planner.requirements(r)],
        source_unspecified=source is not None and not planner.requirements(source),
        optional_only=[]
        if planner.optional
        else [r for r in learn if _optional_only(planner.requirements(r))],
        optional=planner.optional,
    )


def _optional_only(requirements: Sequence[tuple[Any, int, str]]) -> bool:
    return bool(requirements) and all(importance != "essential" for _, _, importance in requirements)


def _prepare(
    G: nx.MultiDiGraph,
    source: Any | None,
    target: Any,
    known: Mapping[Any, int] | Iterable[Any] | None,
    weight: Weight,
    optional: bool,
    facts: PlanFacts | None,
) -> tuple[_Planner, dict[Any, int]]:
    if source is not None:
        _check(G, source, "role")
    _check(G, target, "role")
    planner = _Planner(G, weight, optional, facts)
    planner.stated = levels = _known_levels(G, known)
    return planner, levels


def learning_path(
    G: nx.MultiDiGraph,
    source: Any | None,
    target: Any,
    *,
    known: Mapping[Any, int] | Iterable[Any] | None = None,
    weight: Weight = "hours",
    optional: bool = False,
    switch: bool = True,
    facts: PlanFacts | None = None,
) -> LearningPath:
    """The cheapest learning path from ``source`` to the role ``target``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A projection (:func:`kg.project.projection`).
    source : node or None
        The learner's current role, or ``None`` for a learner starting from skills
        alone (``known``).
    target : node
        The role the learner wants.
    known : mapping or iterable, optional
        Skills the learner has: ``{skill: level}``, or skills alone (level
        :data:`KNOWN_LEVEL`).
    weight : str or callable, default "hours"
        The effort of one skill (to level 3) used to choose the role chain: a skill
        node attribute, or ``weight(skill, attrs) -> float | None`` where ``None``
        means the skill cannot be learnt (chains needing it are not taken). Step
        ``hours`` always come from the ``hours`` attribute.
    optional : bool, default False
        Also plan the optional requirements of the roles on the chain.
    switch : bool, default True
        Allow a direct switch to the target when no progression chain leads there.
    facts : PlanFacts, optional
        What plans over ``G`` share (:meth:`PlanFacts.of` a store); ``G`` must not
        change while it is in use. A plan alone finds them for itself.

    Returns
    -------
    LearningPath

    Raises
    ------
    UnknownEntity
        When ``source`` or ``target`` is not a role of ``G`` or a known skill is not
        a skill of ``G`` (with the closest labels).
    NoLearningPath
        When no chain leads to the target and switching is off, when every way
        needs a skill the weight excludes, or when the skills to learn have cyclic
        prerequisites.

    Examples
    --------
    >>> from kg.synthetic import tiny_graph
    >>> G = tiny_graph()
    >>> p = learning_path(G, "role:analyst", "role:ml-engineer", known={"skill:ml": 2})
    >>> [(s.label, s.from_level, s.level, s.hours) for s in p.steps]
    [('Machine Learning', 2, 3, 20.0), ('Deep Learning', 0, 3, 80.0)]
    >>> learning_path(G, "role:ml-engineer", "role:analyst", switch=False)
    Traceback (most recent call last):
    ...
    kg.errors.NoLearningPath: no career progression leads from ML Engineer to Analyst, and direct switches are off; Analyst comes before ML Engineer on the career ladder (Analyst → Software Engineer → ML Engineer)
    """
    planner, known_levels = _prepare(G, source, target, known, weight, optional, facts)
    return _ranked(G, planner, source, target, known_levels, switch, 1)[0]


def _ranked(
    G: nx.MultiDiGraph,
    planner: _Planner,
    source: Any | None,
    target: Any,
    known: dict[Any, int],
    switch: bool,
    k: int,
) -> list[LearningPath]:
    """The ``k`` cheapest paths by the effort of their whole plan, cheapest first.

    Hop costs cannot see what earlier hops taught, so the ``k + CANDIDATES`` cheapest
    chains by hop costs are weighed again by the plan each one gives.
    """
    if source is None or source == target:
        return [_build(G, planner, source, target, [target], known, False)]
    base = _base(planner, source, known)

    def hop(u: Any, v: Any, _: dict[str, Any]) -> float | None:
        return planner.hop(u, v, base, source)

    ladder = _career_ladder(G)
    chains: list[list[Any]] = []
    if source not in planner.facts.ahead:
        planner.facts.ahead[source] = _ahead(ladder, source, RERANK_ROLES)
    ahead = planner.facts.ahead[source]
    if ahead is not None:  # a small ladder: weigh the next-best chains too
        if target in ahead:
            # only roles on some chain from the source to the target
            near = nx.DiGraph((u, v) for u in [source, *ahead] for v in ladder.successors(u))
            on_way = nx.ancestors(near, target) | {target}
            sub = near.subgraph(on_way)
            with suppress(nx.NetworkXNoPath):
                found = nx.shortest_simple_paths(sub, source, target, weight=hop)
                chains = [list(c) for c in islice(found, k + CANDIDATES)]
    elif k == 1:

        def progression(u: Any, v: Any, keys: dict[str, Any]) -> float | None:
            return planner.hop(u, v, base, source) if "progresses" in keys else None

        with suppress(nx.NetworkXNoPath):
            chains = [list(nx.bidirectional_dijkstra(G, source, target, weight=progression)[1])]
    else:
        whole = nx.DiGraph(ladder.edges())
        with suppress(nx.NetworkXNoPath, nx.NodeNotFound):
            chains = [list(c) for c in islice(nx.shortest_simple_paths(whole, source, target, weight=hop), k)]
    if not chains:
        below = _below(ladder, source, target)
        if not switch:
            name = G.nodes[target]["label"]
            before = sorted(
                {str(G.nodes[r]["label"]) for r in (ladder.predecessors(target) if target in ladder else ())},
                key=str.casefold,
            )
            if below:
                why = f"; {_ladder_note([G.nodes[r]['label'] for r in below])}"
            elif before:  # where the ladder does lead there from
                why = f"; on the career ladder {name} is reached from {', '.join(before)}"
            else:
                why = f"; no career progression leads to {name} from any role"
            raise NoLearningPath(
                f"no career progression leads from {G.nodes[source]['label']} to "
                f"{G.nodes[target]['label']}, and direct switches are off{why}"
            )
        path = _build(G, planner, source, target, [source, target], known, True)
        path.below = below
        path.labels.update((r, str(G.nodes[r].get("label", r))) for r in below)
        return [path]
    scored: list[tuple[float, int, int]] = []
    for rank, chain in enumerate(chains):
        effort = planner.effort(planner.needs(chain[1:], base))
        if effort is not None:
            scored.append((effort, len(chain), rank))
    if not scored:  # every chain needs a skill the weight excludes: _build says which
        return [_build(G, planner, source, target, chains[0], known, False)]
    if ahead is None:  # a big ladder: the search's best stays first, as learning_path gives it
        scored = [scored[0], *sorted(scored[1:])] if scored[0][2] == 0 else sorted(scored)
    else:
        scored.sort()
    return [_build(G, planner, source, target, chains[rank], known, False) for *_, rank in scored[:k]]


def _ahead(ladder: nx.MultiDiGraph, source: Any, limit: int) -> set[Any] | None:
    """The roles the ladder leads to from ``source``; ``None`` when more than ``limit``."""
    seen: set[Any] = set()
    stack = [source]
    while stack:
        for v in ladder.successors(stack.pop()):
            if v not in seen:
                seen.add(v)
                if len(seen) > limit:
                    return None
                stack.append(v)
    return seen


LADDERS = 64
"""How many fewest-hop ladders :func:`_below` weighs by their years, at most."""


def _below(ladder: nx.MultiDiGraph, source: Any, target: Any) -> list[Any]:
    """The fewest-hop ladder from ``target`` up to ``source``; ``[]`` when none leads there.

    Of ladders with as few steps, the one of the fewest typical years (steps of unknown
    years count last), then the first by IRIs: Data Engineer to Head of Data goes by
    Senior Machine Learning Engineer (3 + 3 years from ML Engineer to Lead) rather than
    by Research Scientist (3 + 4), where the first found by IRIs went that way.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for u, v, years in [("mle", "a-research", 3), ("a-research", "lead", 4), ("mle", "senior", 3), ("senior", "lead", 3)]:
    ...     _ = G.add_edge(u, v, "progresses", years=years)
    >>> _below(G, "lead", "mle")
    ['mle', 'senior', 'lead']
    >>> _below(G, "mle", "lead")
    []
    """

    def unknown_and_years(chain: list[Any]) -> tuple[int, float]:
        steps = [ladder[u][v]["progresses"].get("years") for u, v in pairwise(chain)]
        return sum(y is None for y in steps), sum(float(y) for y in steps if y is not None)

    try:
        ladders = list(islice(nx.all_shortest_paths(ladder, target, source), LADDERS))
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []
    return min(ladders, key=lambda chain: (unknown_and_years(chain), [str(n) for n in chain]))


def _ladder_note(labels: Sequence[str]) -> str:
    """``"A comes before C on the career ladder (A → B → C)"`` for the ladder ``labels``."""
    return f"{labels[0]} comes before {labels[-1]} on the career ladder ({' → '.join(labels)})"


BELOW_CAVEAT = "the plan credits you only with what your current role requires, so you may have learnt some of it on the way up"
"""What a plan for a role below the learner's cannot know (see :func:`below_note`)."""


def below_note(ladder: Sequence[str]) -> str:
    """The note on a switch to a role below the source, for the ladder's labels from
    the target up to the source (``LearningPath.below`` / the JSON ``below``); ``''``
    for an empty ladder.

    Examples
    --------
    >>> below_note(["ML Engineer", "Senior ML Engineer"])  # doctest: +ELLIPSIS
    'ML Engineer comes before Senior ML Engineer on the career ladder (ML Engineer → Senior ML Engineer); the plan credits you...'
    >>> below_note([])
    ''
    """
    return f"{_ladder_note(ladder)}; {BELOW_CAVEAT}" if ladder else ""


def unspecified_note(labels: Sequence[str]) -> str:
    """The note on roles whose data lists no skill requirements
    (``LearningPath.unspecified``), for their labels; ``''`` when there are none.

    Examples
    --------
    >>> unspecified_note(["Data Scientists"])
    'the data lists no skill requirements for Data Scientists, so the plan cannot say what it takes'
    >>> unspecified_note([])
    ''
    """
    if not labels:
        return ""
    it = "it takes" if len(labels) == 1 else "they take"
    return f"the data lists no skill requirements for {', '.join(labels)}, so the plan cannot say what {it}"


def optional_only_note(labels: Sequence[str]) -> str:
    """The note on roles whose data lists only optional skill requirements
    (``LearningPath.optional_only``), for their labels; ``''`` when there are none.

    Examples
    --------
    >>> optional_only_note(["specialist dentist"])  # doctest: +NORMALIZE_WHITESPACE
    'the data lists only optional skill requirements for specialist dentist, and the plan
     learns essential requirements only'
    >>> optional_only_note([])
    ''
    """
    if not labels:
        return ""
    return (
        f"the data lists only optional skill requirements for {', '.join(labels)}, "
        "and the plan learns essential requirements only"
    )


def source_unspecified_note(label: str) -> str:
    """The note on a source role whose data lists no skill requirements
    (``LearningPath.source_unspecified``), for its label.

    Examples
    --------
    >>> source_unspecified_note("Software Developers")  # doctest: +NORMALIZE_WHITESPACE
    'the data lists no skill requirements for Software Developers, your current role, so the plan
     credits you with no skill from it: add the skills you have as known skills'
    """
    return (
        f"the data lists no skill requirements for {label}, your current role, so the plan credits "
        "you with no skill from it: add the skills you have as known skills"
    )


def assumed_hours_note(labels: Sequence[str]) -> str:
    """The note on steps planned with assumed learning hours (``Step.hours_estimated``),
    for those steps' labels; ``''`` when there are none.

    Examples
    --------
    >>> assumed_hours_note(["prompt design"])
    'the data gives no learning hours for prompt design; 40 h to level 3 is assumed'
    >>> assumed_hours_note([])
    ''
    """
    if not labels:
        return ""
    verb = "is" if len(labels) == 1 else "are"
    return f"the data gives no learning hours for {', '.join(labels)}; {DEFAULT_HOURS:g} h to level {HOURS_LEVEL} {verb} assumed"


def path_notes(path: Mapping[str, Any]) -> list[str]:
    """What a reader of the path should know beyond its numbers, as the CLI says it, for the path's JSON (:meth:`LearningPath.to_dict`): a
    switch to a role below theirs, and hours the data does not give.

    Examples
    --------
    >>> path_notes({"below": [{"label": "ML Engineer"}, {"label": "Senior ML Engineer"}],
    ...             "steps": [{"label": "prompt design", "hours_estimated": True}, {"label": "SQL"}]})
    ... # doctest: +NORMALIZE_WHITESPACE, +ELLIPSIS
    ['ML Engineer comes before Senior ML Engineer on the career ladder (ML Engineer → Senior ML Engineer);
      the plan credits you only with what your current role requires, so you may have learnt some of it on the way up.',
     'The data gives no learning hours for prompt design; 40 h to level 3 is assumed.']
    >>> path_notes({"steps": []})
    []
    """
    steps = path.get("steps", [])
    notes = [
        below_note([str(r["label"]) for r in path.get("below") or []]),
        # without steps, the step list says it (see nothing_to_learn)
        unspecified_note([str(r["label"]) for r in path.get("unspecified") or []]) if steps else "",
        optional_only_note([str(r["label"]) for r in path.get("optional_only") or []]) if steps else "",
        source_unspecified_note(str(path["source"]["label"])) if path.get("source_unspecified") else "",
        assumed_hours_note([str(s["label"]) for s in steps if s.get("hours_estimated")]),
    ]
    return [n[0].upper() + n[1:] + "." for n in notes if n]


def alternative_note(path: Mapping[str, Any], alt: Mapping[str, Any]) -> str:
    """How an alternative (one of the JSON ``alternatives``) differs from the plan
    ``path`` it is an alternative to: the hours more or fewer, the steps it adds (with
    the levels when it starts from one held), the skills it takes to another level,
    and the steps it leaves out; for a mentor comparing routes.

    Examples
    --------
    >>> def step(label, to, hours, start=0):
    ...     return {"label": label, "from_level": start, "level": to, "hours": hours}
    >>> plan = {"total_hours": 100.0, "steps": [step("SQL", 3, 40), step("CI/CD", 3, 60)]}
    >>> alt = {"total_hours": 146.7, "steps": [step("SQL", 3, 40), step("linear algebra", 4, 26.7, 3),
    ...                                        step("CI/CD", 4, 80)]}
    >>> alternative_note(plan, alt)
    '+47 h; adds linear algebra (3→4); takes CI/CD to level 4, not 3'
    >>> alternative_note(alt, plan)
    '-47 h; takes CI/CD to level 3, not 4; leaves out linear algebra'
    """
    steps = {str(s["label"]): s for s in path.get("steps", [])}
    other = {str(s["label"]): s for s in alt.get("steps", [])}
    adds: list[str] = []
    other_level: list[str] = []
    for label, s in other.items():
        to = int(s.get("level") or 0)
        if label not in steps:
            start = int(s.get("from_level") or 0)
            adds.append(f"{label} ({start}→{to})" if start else label)
        elif to != (mine := int(steps[label].get("level") or 0)):
            other_level.append(f"{label} to level {to}, not {mine}")
    drops = [label for label in steps if label not in other]
    delta = float(alt.get("total_hours") or 0) - float(path.get("total_hours") or 0)
    parts = [f"{hours_text(delta, sign=True)} h"]  # as the page and the CLI write hours
    if adds:
        parts.append("adds " + ", ".join(adds))
    if other_level:
        parts.append("takes " + ", ".join(other_level))
    if drops:
        parts.append("leaves out " + ", ".join(drops))
    return "; ".join(parts)


def _career_ladder(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The progression edges of ``G``, as a read-only view (hop costs come later)."""
    return nx.subgraph_view(G, filter_edge=lambda u, v, key: key == "progresses")


def learning_paths(
    G: nx.MultiDiGraph,
    source: Any | None,
    target: Any,
    k: int,
    *,
    known: Mapping[Any, int] | Iterable[Any] | None = None,
    weight: Weight = "hours",
    optional: bool = False,
    switch: bool = True,
    facts: PlanFacts | None = None,
) -> list[LearningPath]:
    """The best ``k`` learning paths through distinct role chains, best first.

    The first is :func:`learning_path`'s answer; the others come in the order of the
    effort of their plans (``total_hours`` under the default weight). Fewer than
    ``k`` come back when fewer chains exist (one, for a direct switch or a learner
    without a source role). Parameters, errors as for :func:`learning_path`.

    Examples
    --------
    >>> from kg.synthetic import tiny_graph
    >>> G = tiny_graph()
    >>> paths = learning_paths(G, "role:analyst", "role:ml-engineer", 3)
    >>> [[G.nodes[r]["label"] for r in p.roles] for p in paths]
    [['Analyst', 'Data Scientist', 'ML Engineer'], ['Analyst', 'Software Engineer', 'ML Engineer']]
    >>> paths[0].total_hours <= paths[1].total_hours
    True
    """
    if k < 1:
        return []
    planner, known_levels = _prepare(G, source, target, known, weight, optional, facts)
    return _ranked(G, planner, source, target, known_levels, switch, k)


# ---------------------------------------------------------------- credentials


def plan_day() -> date:
    """The day plans are made for: the system's date.

    A plan depends on it (a credential retired before it is not offered), so anything
    that keeps plans, such as the path finder's page, keeps them per day.

    Examples
    --------
    >>> plan_day() == date.today()
    True
    """
    return date.today()


def cover_credentials(
    G: nx.MultiDiGraph,
    steps: Sequence[Step],
    held: Iterable[Any] = (),
    today: date | None = None,
    *,
    facts: PlanFacts | None = None,
) -> tuple[list[CredentialChoice], list[Any]]:
    """A small set of degrees, certifications and courses covering the steps.

    Greedy weighted set cover that minimises total effort: each step can be covered
    by a learning opportunity that teaches the skill to the step's level or higher
    (or states no level; cost: its duration) or learnt alone (cost: the step's
    hours). A step the opportunity also expects beforehand (``ckg:requiresPrior``, at
    :data:`EXPECTED_LEVEL`) is covered by it only when the learner starts the step at
    that level or above: its hours are the preparation of a candidate who has the skill
    (a certification's exam), so they do not teach it from below. Such certifications
    are named apart, as validating the plan (:func:`validating_certifications`).
    Repeatedly take the credential that saves the most hours against
    learning alone the steps it newly covers (ties: fewer hours, then IRI), while one
    saves any; then drop any credential whose steps the other credentials cover too.
    A credential is so suggested only where it takes fewer hours than learning its
    steps alone, judged on all of them together: a certificate of 160 h teaching six
    skills of 20–50 h each (220 h) is taken, though its 27 h a skill is more than the
    cheapest skill alone.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The projection.
    steps : sequence of Step
        The plan.
    held : iterable, optional
        The skills the learner holds before the plan (their role's and the ones
        they know); a credential's ``expects`` leaves them out, with the plan's own.
    today : datetime.date, optional
        The day of the plan (:func:`plan_day` by default): a credential retired before it
        (``retired``, from ``ckg:retiredOn``) can no longer be taken and is not offered.
    facts : PlanFacts, optional
        Shared with other plans over ``G``: who teaches each skill is looked up once.

    Returns
    -------
    (list of CredentialChoice, list)
        The credentials in the order taken (each ``covers`` lists every step it
        teaches, in plan order; ``expects`` the skills it expects beforehand that are
        neither held nor in the plan), and the steps left to learn alone.

    Examples
    --------
    >>> from kg.synthetic import tiny_graph
    >>> G = tiny_graph()
    >>> p = learning_path(G, None, "role:ml-engineer")
    >>> [(c.label, [G.nodes[s]["label"] for s in c.covers]) for c in p.credentials]
    [('Python 101', ['Python']), ('Deep Learning Certificate', ['Deep Learning'])]
    >>> [G.nodes[s]["label"] for s in p.uncovered]
    ['Linear Algebra', 'Machine Learning']
    """
    order = {s.iri: i for i, s in enumerate(steps)}
    alone = {s.iri: s.hours for s in steps}
    level = {s.iri: s.level for s in steps}
    start = {s.iri: s.from_level for s in steps}
    day = (today or plan_day()).isoformat()
    teaches: dict[Any, set[Any]] = {}
    teaching = (
        facts.teaching if facts is not None and facts.G is G else (lambda s: in_edges_of(G, s, "teaches"))
    )
    for skill in order:
        for opp, attrs in teaching(skill):
            last_day = G.nodes[opp].get("retired")
            if last_day is not None and str(last_day) < day:
                continue  # no longer offered
            taught = attrs.get("level")
            if taught is not None and int(taught) < level[skill]:
                continue  # it stops short of the level the step needs
            if G.nodes[opp].get("type") not in ("degree", "certification", "course"):
                continue
            if start[skill] < EXPECTED_LEVEL and _expects(G, opp, skill):
                continue  # its hours are the preparation of a candidate who has the skill already
            teaches.setdefault(opp, set()).add(skill)

    duration: dict[Any, float] = {}
    for opp in teaches:
        h = G.nodes[opp].get("hours")
        if h is None:  # estimate from everything it teaches
            h = sum(float(G.nodes[s].get("hours", 0.0)) for s, _ in edges_of(G, opp, "teaches"))
        duration[opp] = float(h)
    hours = duration.__getitem__

    left = set(order)
    chosen: list[Any] = []
    open_opps = dict(teaches)
    while True:
        best: tuple[float, float, str] | None = None
        pick: Any = None
        for opp, skills in list(open_opps.items()):
            new = skills & left
            if not new:
                del open_opps[opp]  # covers nothing new now, nor ever again
                continue
            saved = sum(alone[s] for s in new) - duration[opp]
            if saved <= 0:
                continue  # learning those steps alone takes no longer
            rank = (-saved, duration[opp], str(opp))
            if best is None or rank < best:
                best, pick = rank, opp
        if pick is None:
            break
        chosen.append(pick)
        del open_opps[pick]
        left -= teaches[pick]
    for opp in sorted(chosen, key=lambda o: (-hours(o), str(o))):  # drop redundant choices
        others = set().union(*(teaches[o] for o in chosen if o != opp))
        if teaches[opp] <= others:
            chosen.remove(opp)
    choices = [
        CredentialChoice(
            iri=opp,
            label=str(G.nodes[opp].get("label", opp)),
            type=str(G.nodes[opp].get("type")),
            covers=sorted(teaches[opp], key=order.__getitem__),
            hours=hours(opp),
            cost=G.nodes[opp].get("cost"),
            last_day=G.nodes[opp].get("retired"),
        )
        for opp in chosen
    ]
    have = set(held) | set(order)
    for c in choices:
        c.expects = _expected_unheld(G, c.iri, have)
    covered = set().union(*(teaches[o] for o in chosen))
    return choices, sorted(set(order) - covered, key=order.__getitem__)


def _expects(G: nx.MultiDiGraph, opp: Any, skill: Any) -> bool:
    """Whether the learning opportunity ``opp`` expects ``skill`` beforehand."""
    return any(v == skill for v, _ in edges_of(G, opp, "requires_prior"))


def _expected_unheld(G: nx.MultiDiGraph, opp: Any, have: set[Any]) -> list[Any]:
    """What ``opp`` expects beforehand that is not in ``have``, by label."""
    prior = {v for v, _ in edges_of(G, opp, "requires_prior")} - have
    return sorted(prior, key=lambda v: (str(G.nodes[v].get("label", v)).casefold(), str(v)))


def validating_certifications(
    G: nx.MultiDiGraph,
    steps: Sequence[Step],
    held: Iterable[Any] = (),
    taken: Iterable[Any] = (),
    today: date | None = None,
    *,
    facts: PlanFacts | None = None,
) -> list[CredentialChoice]:
    """The certifications whose exam validates most of the plan's steps, once learnt.

    A certification's hours are the preparation of a candidate who has what it
    expects (:data:`EXPECTED_LEVEL`), so it seldom takes less effort than learning the
    steps alone (:func:`cover_credentials`); what it gives is proof of them. Up to
    :data:`VALIDATING` of them, not retired, not ``taken`` already, each teaching two
    of the steps or more to the step's level: most steps first, then fewer hours, then
    IRI. ``covers`` lists the steps it validates, ``expects`` what it expects
    beforehand that is neither ``held`` nor in the plan.

    Examples
    --------
    >>> from kg.store import Store
    >>> from kg.project import projection
    >>> G = projection(Store.default())
    >>> from kg.namespace import ROLE
    >>> p = learning_path(G, ROLE["software-engineer"], ROLE["machine-learning-engineer"])
    >>> [(c.label, len(c.covers)) for c in p.validating]  # doctest: +NORMALIZE_WHITESPACE
    [('AWS Certified Machine Learning Engineer – Associate', 6),
     ('Google Cloud Professional Machine Learning Engineer', 3)]
    """
    level = {s.iri: s.level for s in steps}
    order = {s.iri: i for i, s in enumerate(steps)}
    day = (today or plan_day()).isoformat()
    skip = set(taken)
    teaching = (
        facts.teaching if facts is not None and facts.G is G else (lambda s: in_edges_of(G, s, "teaches"))
    )
    validates: dict[Any, list[Any]] = {}
    for skill in order:
        for opp, attrs in teaching(skill):
            node = G.nodes[opp]
            if node.get("type") != "certification" or opp in skip:
                continue
            last_day = node.get("retired")
            if last_day is not None and str(last_day) < day:
                continue
            taught = attrs.get("level")
            if taught is None or int(taught) >= level[skill]:
                validates.setdefault(opp, []).append(skill)

    def hours_of(opp: Any) -> float:
        h = G.nodes[opp].get("hours")
        return float(h) if h is not None else float("inf")

    ranked = sorted(
        (opp for opp, skills in validates.items() if len(skills) >= 2),
        key=lambda opp: (-len(validates[opp]), hours_of(opp), str(opp)),
    )[:VALIDATING]
    have = set(held) | set(order)
    return [
        CredentialChoice(
            iri=opp,
            label=str(G.nodes[opp].get("label", opp)),
            type="certification",
            covers=sorted(validates[opp], key=order.__getitem__),
            hours=float(G.nodes[opp].get("hours") or 0.0),
            cost=G.nodes[opp].get("cost"),
            expects=_expected_unheld(G, opp, have),
            last_day=G.nodes[opp].get("retired"),
        )
        for opp in ranked
    ]


# ---------------------------------------------------------------- unlocks


def unlocks(G: nx.MultiDiGraph, skill: Any) -> dict[str, Any]:
    """What learning ``skill`` opens: the roles requiring it, the skills building on it.

    Returns
    -------
    dict
        ``skill`` (``{iri, label}``); ``roles``: the roles that require it, each
        ``{iri, label, level, importance}`` (essential first); ``skills``: the skills
        that have it as a prerequisite, directly (``depth`` 1) or transitively, each
        ``{iri, label, depth}`` (by depth, then label in any case); ``via``: the roles
        that require one of those skills, each ``{iri, label, skills}``; ``broader``:
        the broader skills it counts for up to :data:`PREREQUISITE_LEVEL`
        (``skos:broader``, transitively), each ``{iri, label, roles, skills}`` with how
        many roles require it and skills build on it (what it opens in turn).

    Raises
    ------
    UnknownEntity
        When ``skill`` is not a skill of ``G``.

    Examples
    --------
    >>> from kg.synthetic import tiny_graph
    >>> u = unlocks(tiny_graph(), "skill:linear-algebra")
    >>> [(s["label"], s["depth"]) for s in u["skills"]]
    [('Machine Learning', 1), ('Deep Learning', 2)]
    >>> [r["label"] for r in u["via"]]
    ['Data Scientist', 'ML Engineer']
    >>> G = tiny_graph(); _ = G.add_edge("skill:dl", "skill:ml", "broader")
    >>> unlocks(G, "skill:dl")["broader"]
    [{'iri': 'skill:ml', 'label': 'Machine Learning', 'roles': 2, 'skills': 1}]
    """
    _check(G, skill, "skill")
    return {**_opens(G, skill), "broader": _counts_for(G, skill)}


def _counts_for(G: nx.MultiDiGraph, skill: Any) -> list[dict[str, Any]]:
    """The broader skills ``skill`` counts for, each with how many roles and skills it opens."""
    out = []
    for part in _broader_of(G, skill):
        opened = _opens(G, part)
        out.append({**opened["skill"], "roles": len(opened["roles"]), "skills": len(opened["skills"])})
    return sorted(out, key=lambda d: (d["label"].casefold(), d["iri"]))


def _opens(G: nx.MultiDiGraph, skill: Any) -> dict[str, Any]:
    """:func:`unlocks` without ``broader``."""

    def ref(node: Any) -> dict[str, Any]:
        return {"iri": str(node), "label": str(G.nodes[node].get("label", node))}

    roles = [
        {**ref(r), "level": a["level"], "importance": a["importance"]}
        for r, a in in_edges_of(G, skill, "requires")
    ]
    roles.sort(key=lambda d: (d["importance"] != "essential", d["label"].casefold(), d["iri"]))
    depth = {skill: 0}
    frontier = [skill]
    while frontier:
        nxt = []
        for s in frontier:
            for later, _ in in_edges_of(G, s, "prerequisite"):
                if later not in depth:
                    depth[later] = depth[s] + 1
                    nxt.append(later)
        frontier = nxt

    def name(node: Any) -> str:
        return str(G.nodes[node].get("label", node)).casefold()

    later_skills = sorted((s for s in depth if s != skill), key=lambda s: (depth[s], name(s), str(s)))
    via: dict[Any, list[str]] = {}
    for s in later_skills:
        for r, _ in in_edges_of(G, s, "requires"):
            via.setdefault(r, []).append(str(G.nodes[s].get("label", s)))
    return {
        "skill": ref(skill),
        "roles": roles,
        "skills": [{**ref(s), "depth": depth[s]} for s in later_skills],
        "via": [
            {**ref(r), "skills": names}
            for r, names in sorted(via.items(), key=lambda kv: (name(kv[0]), str(kv[0])))
        ],
    }


# ---------------------------------------------------------------- names


_LEVEL_RE = re.compile(r"^(?P<name>.+?)\s*:\s*(?P<level>\d+)\s*$")


def parse_known(entry: str) -> tuple[str, int]:
    """Split a ``--know`` entry into a name and a level (``KNOWN_LEVEL`` when none).

    Examples
    --------
    >>> parse_known("Python:3"), parse_known("Python"), parse_known("skill:python:2")
    (('Python', 3), ('Python', 5), ('skill:python', 2))
    >>> parse_known("Python:9")
    Traceback (most recent call last):
    ...
    kg.errors.KGError: level 9 in 'Python:9' is out of range; give a level from 1 to 5, e.g. 'Python:3'
    >>> parse_known(":3")
    Traceback (most recent call last):
    ...
    kg.errors.KGError: no skill name in ':3'; give SKILL or SKILL:LEVEL, e.g. 'Python programming:3'
    """
    if not entry.strip() or entry.strip().startswith(":"):
        raise KGError(f"no skill name in {entry!r}; give SKILL or SKILL:LEVEL, e.g. 'Python programming:3'")
    m = _LEVEL_RE.match(entry)
    if m is None:
        return entry.strip(), KNOWN_LEVEL
    name, level = m.group("name").strip(), int(m.group("level"))
    if not 1 <= level <= 5:
        raise KGError(
            f"level {level} in {entry!r} is out of range; give a level from 1 to 5, e.g. '{name}:3'"
        )
    return name, level


def _level_error(entry: str, name: str, level: str) -> KGError:
    """What is wrong with the level of ``entry``, whose ``name`` is a known skill."""
    example = f"e.g. '{name}:3'"
    if re.fullmatch(r"[+-]?\d+", level):
        if not 1 <= int(level) <= 5:  # "Python:-1"
            return KGError(
                f"level {int(level)} in {entry!r} is out of range; give a level from 1 to 5, {example}"
            )
        # "Python:3:4": a whole level before the last one
        return KGError(f"{entry!r} gives more than one level; give one level from 1 to 5, {example}")
    return KGError(f"level {level!r} in {entry!r} is no whole number; give a level from 1 to 5, {example}")


def _tool_error(index: Any, entry: str, name: str, level: int | None) -> KGError | None:
    """The error for a ``--know`` entry naming a tool (``None`` when ``name`` names no
    tool): the plan counts skills, so it names the skills the tool supports."""
    from kg.namespace import CKG

    try:
        tool = index.resolve(name, CKG.Tool)
    except UnknownEntity:
        return None
    supported = sorted(
        (index.labels.get(s, str(s)) for s in index.graph.objects(tool, CKG.supportsSkill)), key=str.casefold
    )
    head = f"{index.labels.get(tool, name)!r} is a tool, not a skill"
    if not supported:
        return KGError(f"{head}; give the skills you use it for, e.g. 'machine learning:3'")
    return KGError(
        f"{head}; give the skills you use it for, e.g. '{supported[0]}:{level or 3}' "
        f"(it supports {', '.join(supported)})"
    )


def resolve_known(store: Store, entry: str) -> tuple[Any, int | None]:
    """The skill and level (``None`` when none is given) of a known-skill entry such
    as ``"Python:3"`` (``--know``, the Path finder's ``?know=``).

    Raises
    ------
    KGError
        For a level out of 1-5, no whole number or given twice, no name, or a tool
        named instead of a skill (with the skills it supports); ``UnknownEntity`` for
        an unknown name, with the closest labels.

    Examples
    --------
    >>> from kg.store import Store
    >>> resolve_known(Store.default(), "python:4")
    (rdflib.term.URIRef('https://w3id.org/careerkg/id/skill/python'), 4)
    >>> resolve_known(Store.default(), "Python:x")
    Traceback (most recent call last):
    ...
    kg.errors.KGError: level 'x' in 'Python:x' is no whole number; give a level from 1 to 5, e.g. 'Python:3'
    >>> resolve_known(Store.default(), "Python:")
    Traceback (most recent call last):
    ...
    kg.errors.KGError: no level after ':' in 'Python:'; give a level from 1 to 5, e.g. 'Python:3', or the name alone for 'Python programming' at level 5
    """
    from kg.names import LabelIndex
    from kg.namespace import CKG

    index = LabelIndex.of(store)
    name, level = parse_known(entry)
    given = level if _LEVEL_RE.match(entry) else None
    try:
        return index.resolve(name, CKG.Skill), given
    except UnknownEntity as err:
        if tool := _tool_error(index, entry, name, given):
            raise tool from None
        head, colon, tail = name.rpartition(":")
        if colon and head.strip() and not tail.strip():  # "Python:": the level left out
            try:
                known = index.resolve(head, CKG.Skill)
            except UnknownEntity as unknown:  # "Pythn:": the name's closest labels, without the ':'
                raise unknown from None
            raise KGError(
                f"no level after ':' in {entry!r}; give a level from 1 to 5, e.g. '{head.strip()}:3', "
                f"or the name alone for {index.labels.get(known, head.strip())!r} at level 5"
            ) from None
        if not (colon and head.strip() and tail.strip()):
            raise
        try:  # "Python:x", "Python:3.5": the level is what is wrong, if the name is known
            index.resolve(head, CKG.Skill)
        except UnknownEntity:
            raise err from None
        raise _level_error(entry, head.strip(), tail.strip()) from None


def resolve_unlocks_skill(store: Store, name: str) -> Any:
    """The skill ``careerkg unlocks NAME`` asks about.

    Raises
    ------
    KGError
        When ``name`` names a tool: it says so and names the skills the tool
        supports (``ckg:supportsSkill``), as ``--know`` does (:func:`resolve_known`).
    UnknownEntity
        For an unknown name, with the closest labels.

    Examples
    --------
    >>> from kg.store import Store
    >>> resolve_unlocks_skill(Store.default(), "python")
    rdflib.term.URIRef('https://w3id.org/careerkg/id/skill/python')
    >>> resolve_unlocks_skill(Store.default(), "PyTorch")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.KGError: 'PyTorch' is a tool, not a skill; ask about a skill it supports, e.g. 'careerkg unlocks "..."' (it supports ...)
    """
    from kg.names import LabelIndex
    from kg.namespace import CKG

    index = LabelIndex.of(store)
    try:
        return index.resolve(name, CKG.Skill)
    except UnknownEntity as err:
        try:
            tool = index.resolve(name, CKG.Tool)
        except UnknownEntity:
            raise err from None
        labels: dict[Any, str] = index.labels
        supported = sorted(
            (labels.get(s, str(s)) for s in index.graph.objects(tool, CKG.supportsSkill)),
            key=str.casefold,
        )
        head = f"{labels.get(tool, name)!r} is a tool, not a skill"
        if not supported:
            raise KGError(f"{head}; it supports no skill in the graph") from None
        raise KGError(
            f"{head}; ask about a skill it supports, e.g. 'careerkg unlocks \"{supported[0]}\"' "
            f"(it supports {', '.join(supported)})"
        ) from None


_NO_SOURCE = {"", "-", "none"}


def plan(
    store: Store,
    source: str | None,
    target: str,
    *,
    know: Sequence[str] = (),
    alternatives: int = 0,
    optional: bool = False,
    switch: bool = True,
) -> LearningPath:
    """A learning path between two named roles, over the store's cached projection.

    Parameters
    ----------
    store : kg.store.Store
    source : str or None
        A role name (label, alt label, IRI or prefixed name); ``None``, ``"-"`` or
        ``"none"`` for a learner starting from ``know`` alone.
    target : str
        A role name.
    know : sequence of str
        Skills the learner has, ``"Python"`` (level 5) or ``"Python:3"``.
    alternatives : int
        How many next-best paths to attach as ``alternatives``.
    optional, switch : bool
        As for :func:`learning_path`.

    Raises
    ------
    UnknownEntity
        For an unknown role or skill name, with the closest labels.
    NoLearningPath
        When the target cannot be reached.

    Examples
    --------
    >>> from kg.store import Store
    >>> from kg.synthetic import tiny_graph, to_rdf
    >>> store = Store(to_rdf(tiny_graph()))
    >>> p = plan(store, "analyst", "ML Engineer", know=["Linear Algebra:2"], alternatives=1)
    >>> [s.label for s in p.steps], [len(a.roles) for a in p.alternatives]
    (['Machine Learning', 'Deep Learning'], [3])
    """
    from kg.names import LabelIndex
    from kg.namespace import CKG

    index = LabelIndex.of(store)
    src = (
        None if source is None or source.strip().casefold() in _NO_SOURCE else index.resolve(source, CKG.Role)
    )
    tgt = index.resolve(target, CKG.Role)
    known: dict[Any, int] = {}
    for entry in know:
        skill, level = resolve_known(store, entry)
        known[skill] = max(known.get(skill, 0), level or KNOWN_LEVEL)
    facts = PlanFacts.of(store)
    paths = learning_paths(
        facts.G, src, tgt, alternatives + 1, known=known, optional=optional, switch=switch, facts=facts
    )
    best = paths[0]
    best.alternatives = paths[1:]
    return best
