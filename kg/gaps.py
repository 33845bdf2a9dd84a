"""Curriculum gap analysis: what a curriculum assumes without teaching, teaches in the
wrong order, or never covers of its target roles.

Semantics (``DESIGN.md``, "Curriculum gaps"), with the choices made here:

Available before a course
    A skill is *available* to a course of term ``t`` when it is an entry requirement or
    taught by a course of an earlier term, **or is a (transitive) prerequisite or
    broader skill of such a skill**: whoever knows Machine Learning also knows what
    Machine Learning builds on, and whoever learnt Python programming knows computer
    programming (``skos:broader`` between two skills, as in :mod:`kg.paths`). The skills
    a course teaches itself are also available to the other skills of the same course
    (a course orders its own content), and so are their broader skills, but not their
    prerequisites; a broader skill that a taught skill builds on (lists among its
    prerequisites) is not taught by teaching it.
Missing prerequisite
    A course teaches skill S with a *direct* prerequisite P (``ckg:hasPrerequisite``),
    or itself requires P (``ckg:requiresPrior`` / the CSV ``requires`` column), and P is
    not available and taught by no other course. Only direct prerequisites are checked:
    each taught skill is checked in its own course, so a chain is checked link by link,
    and a missing P is reported once, not with each of its own prerequisites.
Order violation
    The same, but P is taught by another course of the same or a later term. When
    courses need each other's skills (A needs what B teaches too late, and B what A
    does), the findings carry the ``cycle`` of courses: no order of them fixes it.
Findings are grouped per (course, prerequisite), listing the taught skills that need it
(``needed_for``) and whether the course requires it itself (``required_by_course``).
Suggested moves
    With order violations outside a cycle, the courses to move to which term
    (:class:`CourseMove`) so that each course follows the courses whose skills it
    needs, keeping each course as near its own term as that allows (a course already
    in order stays put) and the programme as long as it is unless a chain of courses
    needs more terms. The moved curriculum is checked again and ``moves_summary`` says
    what is left. Advice, not gaps: they do not count in ``gap_count``.
Target coverage
    For each target role, its essential skills (``ckg:importance ckg:Essential``) that no
    course teaches and that are no entry requirement; ``percent`` is the share of
    essential skills taught or assumed at entry (those assumed are listed apart). A
    broader skill is taught when a narrower one is (listed apart too: computer
    programming through Python programming), and assumed when a narrower one is an
    entry requirement (listed so: "computer programming (through Python
    programming)"). A skill every course teaching it says it teaches to a lower level
    (a Turtle ``ckg:Teaching``'s ``ckg:level``) than the role requires is not covered
    (``below_level``: taught to level 2 of the 4 required); a teaching stating no level
    covers it. A narrower skill counts for a broader one as in learning paths
    (:mod:`kg.paths`): taught to level L, up to ``min(L, PREREQUISITE_LEVEL)``; taught
    to no stated level, or an entry requirement, up to
    :data:`kg.paths.PREREQUISITE_LEVEL` (3). So a broader skill taught only through
    narrower ones (or raised by them above its own stated level) reaches the highest
    level they count for, and one assumed only through a narrower entry requirement
    reaches level 3: Software Engineer's computer programming at level 4 is not covered
    by Python programming ("computer programming (taught to level 3 of 4, through Python
    programming)"; ``below_level_through`` names the narrower skill). A teaching of
    the skill itself stating no level, or an entry requirement naming it (named alone,
    as ``path --know`` counts it), covers it to any level, even when a course teaches
    it to a lower one.
Duplicates
    Skills taught by more than one course. They are reported, but are not gaps: a spiral
    curriculum teaches a skill twice on purpose (when each course states its level and
    the levels rise, the report says so).
Unknown skills
    Names that match no skill, with the closest labels. They count as gaps: the report
    cannot check what it cannot resolve.
Idle courses
    Courses that name no skill they teach. Noted, not gaps (a project course may only
    apply what earlier courses taught), but never left unsaid: an empty cell is often a slip.

:func:`find_gaps` returns a :class:`GapReport`; it renders as a dict (JSON), a text
table, Markdown, CSV, or RDF in the ontology's finding vocabulary (``ckg:GapReport``,
``ckg:MissingPrerequisite``...), which the queries ``kg/sparql/queries/gaps-*.rq`` read.

Examples
--------
>>> from kg.store import Store
>>> from kg.curriculum import parse_curriculum, _example_graph
>>> store = Store(_example_graph())
>>> cur = parse_curriculum('''course,term,teaches,requires
... Programming,1,Python,
... Machine Learning,1,Machine Learning,
... Maths,2,Linear Algebra,
... ''', store, fmt="csv", source="plan.csv")
>>> report = find_gaps(store, cur, targets=["ML Engineer"])
>>> [f.prerequisite.label for f in report.order_violations]
['Linear Algebra', 'Python']
>>> print(report.order_violations[0].message)
'Machine Learning' (term 1) needs 'Linear Algebra' (prerequisite of 'Machine Learning'), but it is taught only in 'Maths' (term 2)
>>> print(report.order_violations[0].suggestion)
move 'Machine Learning' to term 3 or later, after 'Maths' (no course can come before term 1), teach 'Linear Algebra' in a preparatory course before term 1, or add 'Linear Algebra' to the entry requirements
>>> report.coverage[0].percent, report.has_gaps
(100.0, True)
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.curriculum import Course, Curriculum, SkillRef, curriculum_csv, curriculum_graph
from kg.errors import KGError
from kg.names import LabelIndex, label_of
from kg.namespace import CKG
from kg.store import Store, new_graph

__all__ = [
    "NO_TARGET",
    "TARGET_ON_THE_COMMAND_LINE",
    "CourseMove",
    "CourseRef",
    "Coverage",
    "Duplicate",
    "GapReport",
    "IdleCourse",
    "PrerequisiteFinding",
    "UnknownSkill",
    "broader_parts",
    "find_gaps",
    "implied_skills",
    "prerequisite_closure",
    "report_csv",
    "report_graph",
    "report_markdown",
    "report_table",
    "suggested_terms_csv",
]


# ------------------------------------------------------------------ findings


@dataclass(frozen=True)
class Node:
    """An IRI with its label."""

    iri: URIRef
    label: str

    def to_dict(self) -> dict[str, str]:
        return {"iri": str(self.iri), "label": self.label}


@dataclass(frozen=True)
class CourseRef:
    """A course of the curriculum with its term."""

    iri: URIRef
    label: str
    term: int

    def to_dict(self) -> dict[str, Any]:
        return {"iri": str(self.iri), "label": self.label, "term": self.term}

    def __str__(self) -> str:
        return f"{self.label!r} (term {self.term})"


def _unknown_where(name: str, course: CourseRef | None) -> str:
    """An unknown skill name with where the curriculum names it: ``'Pyhton' taught by
    'Intro' (term 1)``, or ``'Pyhton' in the entry requirements``."""
    return f"{name!r} " + (f"taught by {course}" if course is not None else "in the entry requirements")


@dataclass(frozen=True)
class PrerequisiteFinding:
    """A prerequisite a course needs but does not get in time.

    ``kind`` is ``"missing_prerequisite"`` (no other course teaches it) or
    ``"order_violation"`` (``taught_in`` lists the courses of the same or a later term
    that teach it).
    """

    kind: str
    course: CourseRef
    prerequisite: Node
    needed_for: tuple[Node, ...]
    required_by_course: bool
    taught_in: tuple[CourseRef, ...] = ()
    cycle: tuple[CourseRef, ...] = ()
    """For an order violation: the courses that need each other's skills, this one
    included, when they form a cycle (no order of the courses then fixes it)."""
    taught_here: bool = False
    """The course requires the prerequisite before it starts and teaches it itself (it
    is not available before it all the same)."""
    skill_cycle: tuple[Node, ...] = ()
    """When the prerequisite itself builds on a skill that needs it (the graph's
    ``ckg:hasPrerequisite`` links form a cycle): the skills of the cycle, in order, from
    the skill that needs the prerequisite. No order of courses then fixes the finding."""
    held_back_by: tuple[CourseRef, ...] = ()
    """For an order violation: the courses the first course teaching the prerequisite
    needs the skills of and that are in the term before this course's or later, so
    that it cannot move before this course (empty when it can)."""
    misspelt_as: tuple[tuple[str, CourseRef | None], ...] = ()
    """For a missing prerequisite: the unknown skill names, taught by a course no later
    than this one (or ``None``: among the entry requirements), whose closest match is
    the prerequisite. One may be a misspelling of it: write it so, and it is taught."""

    @property
    def _misspelt(self) -> list[str]:
        return [_unknown_where(name, c) for name, c in self.misspelt_as]

    @property
    def _chain(self) -> str:
        labels = [n.label for n in self.skill_cycle]
        return " -> ".join([*labels, labels[0]])

    @property
    def message(self) -> str:
        what = f"{self.course} needs {self.prerequisite.label!r}"
        why = []
        if self.needed_for:
            why.append("prerequisite of " + ", ".join(repr(n.label) for n in self.needed_for))
        if self.required_by_course:
            why.append("required by the course")
        what += f" ({'; '.join(why)})"
        cycle = (
            f"; {_and([repr(n.label) for n in self.skill_cycle])} are prerequisites of each other in the graph "
            f"({self._chain}): no order of courses fixes it"
            if self.skill_cycle
            else ""
        )
        if self.kind == "order_violation":
            late = f"{what}, but it is taught only in " + ", ".join(
                # a course of the same term runs alongside it: a designer reads "(term 1)" twice as in order
                f"{c.label!r} (term {c.term}, alongside it, not before it)"
                if c.term == self.course.term
                else str(c)
                for c in self.taught_in
            )
            if self.cycle:
                late += f"; {_and([repr(c.label) for c in self.cycle])} need each other's skills in a cycle"
            return late + cycle
        # an unknown name taught before it (or at entry) whose closest match it is
        may_be = f"; the unknown skill {_and(self._misspelt, 'or')} may be it" if self.misspelt_as else ""
        if cycle:
            return f"{what}, but no course teaches it and it is no entry requirement{cycle}{may_be}"
        if self.taught_here:
            return (
                f"{what}, but only {self.course.label!r} itself teaches it: it is no entry requirement "
                f"and no earlier course teaches it{may_be}"
            )
        return f"{what}, but no course teaches it and it is no entry requirement{may_be}"

    @property
    def suggestion(self) -> str:
        if not self.misspelt_as:
            return self._suggestion
        named = _and(self._misspelt, "or")
        return f"if {named} means {self.prerequisite.label!r}, write it so; otherwise {self._suggestion}"

    @property
    def _suggestion(self) -> str:
        p, t = self.prerequisite.label, self.course.term
        if self.skill_cycle:
            return (
                f"remove one ckg:hasPrerequisite link of the cycle {self._chain} from the data "
                f"(careerkg validate names it), or add {p!r} to the entry requirements"
            )
        if self.kind == "order_violation" and self.cycle:
            before = f"before term {t}" if t > 1 else "in a preparatory course before term 1"
            drop = (
                f", or drop it from the requirements of {self.course.label!r}"
                if self.required_by_course and not self.needed_for
                else ""
            )
            return (
                f"break the cycle (no order of {_and([repr(c.label) for c in self.cycle])} fixes it): "
                f"add {p!r} to the entry requirements, teach it {before}{drop}"
            )
        if self.kind == "order_violation":
            last = max(c.term for c in self.taught_in)
            first = self.taught_in[0].label
            later = f"move {self.course.label!r} to term {last + 1} or later"
            if t == 1:
                # nothing goes before term 1: the course that teaches it cannot move earlier
                return (
                    f"{later}, after {first!r} (no course can come before term 1), teach {p!r} in a "
                    f"preparatory course before term 1, or add {p!r} to the entry requirements"
                )
            if self.held_back_by:  # moved earlier, it would come before courses whose skills it needs
                needs = _and([str(c) for c in self.held_back_by])
                return (
                    f"{later}, after {first!r} ({first!r} cannot go before term {t}: it needs the skills of "
                    f"{needs}), teach {p!r} in a course of {_by_term(t - 1)}, or add {p!r} to the "
                    "entry requirements"
                )
            return (
                f"move {first!r} to {_by_term(t - 1)} (or teach {p!r} in a course of {_by_term(t - 1)}), "
                f"{later}, or add {p!r} to the entry requirements"
            )
        if self.taught_here:
            earlier = (
                "in a preparatory course before term 1" if t == 1 else f"in a course of {_by_term(t - 1)}"
            )
            return (
                f"drop {p!r} from the requirements of {self.course.label!r} if the course teaches it from "
                f"the start; otherwise add it to the entry requirements, or teach it {earlier}"
            )
        if t == 1:
            return f"add {p!r} to the entry requirements, or teach it in a preparatory course before term 1"
        return f"teach {p!r} before term {t} (in a course of {_by_term(t - 1)}) or add it to the entry requirements"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "course": self.course.to_dict(),
            "term": self.course.term,
            "prerequisite": self.prerequisite.to_dict(),
            "needed_for": [n.to_dict() for n in self.needed_for],
            "required_by_course": self.required_by_course,
        }
        if self.kind == "missing_prerequisite":
            d["taught_here"] = self.taught_here
            d["may_be_misspelt_as"] = [
                {"name": name, "course": c.to_dict() if c is not None else None}
                for name, c in self.misspelt_as
            ]
        d["skill_cycle"] = [n.to_dict() for n in self.skill_cycle]
        if self.kind == "order_violation":
            d["taught_in"] = [c.to_dict() for c in self.taught_in]
            d["cycle"] = [c.to_dict() for c in self.cycle]
            d["held_back_by"] = [c.to_dict() for c in self.held_back_by]
        d["message"] = self.message
        d["suggestion"] = self.suggestion
        return d


def _by_term(n: int) -> str:
    """``term n or earlier``; no term comes before term 1.

    Examples
    --------
    >>> _by_term(2), _by_term(1)
    ('term 2 or earlier', 'term 1')
    """
    return f"term {n} or earlier" if n > 1 else "term 1"


def _and(items: list[str], word: str = "and") -> str:
    """``'A'``, ``'A' and 'B'``, ``'A', 'B' and 'C'``.

    Examples
    --------
    >>> _and(["A"]), _and(["A", "B"]), _and(["A", "B", "C"], "or")
    ('A', 'A and B', 'A, B or C')
    """
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} {items[-1]}"


@dataclass(frozen=True)
class UnknownSkill:
    """A skill name in the curriculum that matches no skill of the graph."""

    name: str
    course: CourseRef | None
    column: str  # "teaches", "requires" or "entry"
    line: int | None
    closest: tuple[str, ...]
    note: str = ""
    fix: str = ""
    """What to write instead, when the closest labels alone would not say it."""

    @property
    def message(self) -> str:
        """Where the name is, in a designer's words: the course that teaches or requires
        it, with its term and the file's line (``', teaches (line 10)'`` read as a
        column name left over).

        Examples
        --------
        >>> course = CourseRef(URIRef("urn:c"), "Deep Learning", 3)
        >>> UnknownSkill("Pytorch", course, "teaches", 10, ()).message
        "unknown skill 'Pytorch' taught by 'Deep Learning' (term 3, line 10)"
        >>> UnknownSkill("Stats 101", course, "requires", None, ()).message
        "unknown skill 'Stats 101' required by 'Deep Learning' (term 3)"
        >>> UnknownSkill("Pyton", None, "entry", 2, ()).message
        "unknown skill 'Pyton' in the entry requirements (line 2)"
        """
        line = f"line {self.line}" if self.line else ""
        if self.course:
            by = "taught by" if self.column == "teaches" else "required by"
            where = f"{by} {self.course.label!r} (term {self.course.term}" + (f", {line})" if line else ")")
        else:
            where = "in the entry requirements" + (f" ({line})" if line else "")
        return f"unknown skill {self.name!r} {where}" + (f": {self.note}" if self.note else "")

    @property
    def suggestion(self) -> str:
        if self.fix:
            return self.fix
        if self.note and self.closest:
            return "name the skill(s) it is used to teach instead, such as " + ", ".join(
                repr(c) for c in self.closest[:3]
            )
        if self.closest:
            return "did you mean " + " or ".join(repr(c) for c in self.closest[:3]) + "?"
        return "check the spelling, or describe the skill in a --data file"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "course": self.course.to_dict() if self.course else None,
            "column": self.column,
            "line": self.line,
            "closest": list(self.closest),
            "note": self.note,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Coverage:
    """How much of a target role's essential skills the curriculum covers."""

    role: Node
    essential: int
    taught: tuple[Node, ...]
    assumed_at_entry: tuple[Node, ...]
    uncovered: tuple[Node, ...]
    through_narrower: tuple[tuple[Node, Node], ...] = ()
    """Essential skills taught only as part of a narrower skill: ``(skill, narrower skill)``."""
    below_level: tuple[tuple[Node, int, int], ...] = ()
    """Essential skills the courses teach, but each to a stated level below the level the
    role requires: ``(skill, highest level taught, level required)``. They are among
    ``uncovered``. A narrower skill counts for a broader one up to
    :data:`kg.paths.PREREQUISITE_LEVEL` (taught to level L: up to ``min(L, 3)``)."""
    below_level_through: tuple[tuple[Node, Node, bool], ...] = ()
    """Of ``below_level``, those whose highest level a narrower skill brings, not their
    own teaching: ``(skill, narrower skill, whether it is an entry requirement)``."""

    assumed_through: tuple[tuple[Node, Node], ...] = ()
    """Of ``assumed_at_entry``, those assumed only as part of a narrower entry
    requirement: ``(skill, narrower skill)``."""
    misspelt_as: tuple[tuple[Node, str, CourseRef | None], ...] = ()
    """Of ``uncovered``, those taught by no course whose closest match an unknown skill
    name of the curriculum is: ``(skill, name as written, course teaching it or None for
    the entry requirements)``. The name may be the skill misspelt."""

    def _may_be(self, skill: Node) -> str:
        """``the unknown skill 'statistcs' taught by 'Stats' (term 1) may be it``, or ``''``."""
        names = [_unknown_where(name, c) for s, name, c in self.misspelt_as if s == skill]
        return f"the unknown skill {_and(names, 'or')} may be it" if names else ""

    def assumed_text(self, empty: str = "") -> str:
        """The skills assumed at entry, one assumed through a narrower entry requirement
        saying which: ``computer programming (through Python programming), calculus``."""
        through = dict(self.assumed_through)
        return (
            ", ".join(
                n.label + (f" (through {through[n].label})" if n in through else "")
                for n in self.assumed_at_entry
            )
            or empty
        )

    def _through(self) -> dict[Node, tuple[Node, bool]]:
        return {s: (n, at_entry) for s, n, at_entry in self.below_level_through}

    def shortfall(self, skill: Node) -> tuple[int, int, Node | None, bool] | None:
        """For ``skill`` of ``below_level``: the level reached, the level required, the
        narrower skill that brings it there (``None``: taught to that level itself) and
        whether that one is an entry requirement; ``None`` for another skill."""
        levels = next(((t, n) for s, t, n in self.below_level if s == skill), None)
        if levels is None:
            return None
        narrower, at_entry = self._through().get(skill, (None, False))
        return levels[0], levels[1], narrower, at_entry

    def below_text(self, skill: Node) -> str:
        """How far the curriculum brings ``skill`` of ``below_level``: ``taught to level 2
        of 4``, ``taught to level 3 of 4, through Python programming``, ``assumed at entry
        to level 3 of 4, through Python programming`` (``''`` for another skill).

        Examples
        --------
        >>> from kg.namespace import ROLE, SKILL
        >>> cp, py = Node(SKILL["computer-programming"], "computer programming"), Node(SKILL.python, "Python")
        >>> se = Node(ROLE["software-engineer"], "Software Engineer")
        >>> cov = Coverage(se, 1, (), (), (cp,), (), ((cp, 3, 4),), ((cp, py, False),))
        >>> cov.below_text(cp), cov.below_text(py)
        ('taught to level 3 of 4, through Python', '')
        >>> cov.below_fix(cp)
        "teach 'computer programming' to level 4 in its own right (Python counts for it up to level 3)"
        >>> cov.uncovered_text()
        'computer programming (taught to level 3 of 4, through Python)'
        """
        short = self.shortfall(skill)
        if short is None:
            return ""
        top, need, narrower, at_entry = short
        how = "assumed at entry" if at_entry else "taught"
        return f"{how} to level {top} of {need}" + (f", through {narrower.label}" if narrower else "")

    def below_fix(self, skill: Node) -> str:
        """What brings ``skill`` of ``below_level`` to the level required: ``teach
        'computer programming' to level 4 in its own right (Python programming counts
        for it up to level 3)``."""
        short = self.shortfall(skill)
        if short is None:
            return ""
        top, need, narrower, at_entry = short
        if narrower is None:
            return f"teach {skill.label!r} to level {need} (the courses reach level {top})"
        if at_entry:
            return (
                f"teach {skill.label!r} to level {need} "
                f"(the entry requirement {narrower.label} counts for it up to level {top})"
            )
        from kg import paths  # local: the learning-path machinery is not needed to read the rule

        raise_it = f", or {narrower.label} to level {need}" if need <= paths.PREREQUISITE_LEVEL else ""
        return (
            f"teach {skill.label!r} to level {need} in its own right{raise_it} "
            f"({narrower.label} counts for it up to level {top})"
        )

    def uncovered_detail(self, skill: Node) -> str:
        """Why ``skill`` of ``uncovered`` is: :meth:`below_text` for one taught or assumed
        too low (``taught to level 3 of 4, through Python programming``), else ``taught
        by no course``; the CSV and RDF reports say it as the text does.

        Examples
        --------
        >>> from kg.namespace import ROLE, SKILL
        >>> cp, sql = Node(SKILL["computer-programming"], "computer programming"), Node(SKILL.sql, "SQL")
        >>> se = Node(ROLE["software-engineer"], "Software Engineer")
        >>> cov = Coverage(se, 2, (), (), (cp, sql), (), ((cp, 2, 4),))
        >>> cov.uncovered_detail(cp), cov.uncovered_detail(sql)
        ('taught to level 2 of 4', 'taught by no course')
        >>> cov.uncovered_fix(cp), cov.uncovered_fix(sql)
        ("teach 'computer programming' to level 4 (the courses reach level 2)", "add a course teaching 'SQL'")
        """
        if below := self.below_text(skill):
            return below
        may_be = self._may_be(skill)
        return "taught by no course" + (f"; {may_be}" if may_be else "")

    def uncovered_fix(self, skill: Node) -> str:
        """What would cover ``skill`` of ``uncovered``: :meth:`below_fix` for one taught
        or assumed too low, else a course teaching it (after writing an unknown name that
        may be it so)."""
        if fix := self.below_fix(skill):
            return fix
        names = [_unknown_where(name, c) for s, name, c in self.misspelt_as if s == skill]
        first = f"if {_and(names, 'or')} means {skill.label!r}, write it so; otherwise " if names else ""
        return f"{first}add a course teaching {skill.label!r}"

    @property
    def fixes(self) -> str:
        """The fixes the list of uncovered skills does not say, ``; ``-separated: how to
        bring each skill of ``below_level`` to its level, and to write each unknown name
        that may be a skill taught by no course (:attr:`misspelt_as`) so."""
        odd = {s for s, _top, _need in self.below_level} | {s for s, _name, _c in self.misspelt_as}
        return "; ".join(self.uncovered_fix(s) for s in self.uncovered if s in odd)

    @property
    def below_fixes(self) -> str:
        """What brings each skill of ``below_level`` to the level required, ``; ``-separated."""
        return "; ".join(self.below_fix(s) for s, _top, _need in self.below_level)

    def uncovered_note(self, skill: Node) -> str:
        """What the list of uncovered skills says after ``skill`` in brackets: how far it
        is taught (:meth:`below_text`), or the unknown skill name that may be it; ``''``
        for one taught by no course and named by no unknown name."""
        return self.below_text(skill) or self._may_be(skill)

    def uncovered_text(self, empty: str = "-") -> str:
        """The uncovered skills' labels, one taught too low saying so:
        ``machine learning (taught to level 2 of 4), SQL``."""
        return (
            ", ".join(n.label + (f" ({t})" if (t := self.uncovered_note(n)) else "") for n in self.uncovered)
            or empty
        )

    @property
    def through_text(self) -> str:
        """``computer programming (through Python programming)``, or ``''``."""
        return ", ".join(f"{s.label} (through {n.label})" for s, n in self.through_narrower)

    @property
    def percent(self) -> float | None:
        """Percent of the essential skills covered; ``None`` when the data states none
        for the role (nothing to cover, which is not full coverage)."""
        if not self.essential:
            return None
        return round(100.0 * (self.essential - len(self.uncovered)) / self.essential, 1)

    @property
    def covered_text(self) -> str:
        """``80.8% (21/26)``, or that the data states no essential skills."""
        if self.percent is None:
            return "no essential skills stated in the data"
        return f"{self.percent:g}% ({self.essential - len(self.uncovered)}/{self.essential})"

    @property
    def suggestion(self) -> str:
        odd = {s for s, _top, _need in self.below_level} | {s for s, _name, _c in self.misspelt_as}
        missing = [n for n in self.uncovered if n not in odd]
        parts = []
        if missing:
            parts.append(f"add courses teaching {', '.join(repr(n.label) for n in missing)}")
        parts += [self.uncovered_fix(s) for s in self.uncovered if s in odd]
        return f"{'; '.join(parts)} to prepare for {self.role.label!r}" if parts else ""

    def to_dict(self) -> dict[str, Any]:
        through = self._through()  # the narrower skill that brings a skill to its taught_level
        return {
            "role": self.role.to_dict(),
            "percent": self.percent,
            "essential": self.essential,
            "covered": self.essential - len(self.uncovered),
            "uncovered": [n.to_dict() for n in self.uncovered],
            "assumed_at_entry": [n.to_dict() for n in self.assumed_at_entry],
            "assumed_through_narrower": [
                {"skill": s.to_dict(), "through": n.to_dict()} for s, n in self.assumed_through
            ],
            "through_narrower": [
                {"skill": s.to_dict(), "through": n.to_dict()} for s, n in self.through_narrower
            ],
            "below_level": [
                {"skill": s.to_dict(), "taught_level": top, "required_level": need}
                | ({"through": through[s][0].to_dict(), "at_entry": through[s][1]} if s in through else {})
                for s, top, need in self.below_level
            ],
            "uncovered_misspelt_as": [
                {"skill": s.to_dict(), "name": name, "course": c.to_dict() if c is not None else None}
                for s, name, c in self.misspelt_as
            ],
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Duplicate:
    """A skill taught by more than one course."""

    skill: Node
    courses: tuple[CourseRef, ...]
    levels: tuple[int | None, ...] = ()
    """The level each course reaches, where the curriculum states it."""

    @property
    def message(self) -> str:
        def where(i: int, c: CourseRef) -> str:
            level = self.levels[i] if i < len(self.levels) else None
            return f"{c.label!r} (term {c.term}, to level {level})" if level is not None else str(c)

        return f"{self.skill.label!r} is taught in " + ", ".join(
            where(i, c) for i, c in enumerate(self.courses)
        )

    @property
    def suggestion(self) -> str:
        stated = [lv for lv in self.levels if lv is not None]
        if len(stated) == len(self.courses) > 1:
            if all(a < b for a, b in pairwise(stated)):
                return "the levels rise from course to course: a spiral curriculum, nothing to change"
            top = max(stated)
            keep = next(c for c, lv in zip(self.courses, stated, strict=True) if lv == top)
            return (
                f"a course teaches {self.skill.label!r} to no higher level than an earlier one: "
                f"keep it only in {keep.label!r} (to level {top}), or raise the later courses' levels"
            )
        return (
            f"if the courses teach {self.skill.label!r} at rising levels, give the level each reaches "
            f"('{self.skill.label}:2' in the CSV's teaches column, or ckg:level) and the report checks "
            f"that they rise; otherwise keep it only in {self.courses[0].label!r}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "skill": self.skill.to_dict(),
            "courses": [c.to_dict() for c in self.courses],
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class IdleCourse:
    """A course that names no skill it teaches (not a gap: a project course may only
    apply what earlier courses taught, but an empty cell is often a slip)."""

    course: CourseRef
    requires: tuple[Node, ...] = ()

    @property
    def message(self) -> str:
        needs = f" (it requires {', '.join(repr(n.label) for n in self.requires)})" if self.requires else ""
        return f"{self.course} teaches no skill{needs}"

    @property
    def suggestion(self) -> str:
        return (
            "name the skills it teaches (the CSV's teaches column, or ckg:teaches), "
            "or leave it so if the course only applies what earlier courses taught"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "course": self.course.to_dict(),
            "requires": [n.to_dict() for n in self.requires],
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class CourseMove:
    """A course to move to another term, one of a set of moves that puts every course
    after the courses whose skills it needs (see :func:`find_gaps`, "Suggested moves").

    ``after`` are the courses it must now follow, ``before`` those it must now precede
    (the ones that force the move), each with its term once the moves are made.
    """

    course: CourseRef
    to_term: int
    after: tuple[tuple[CourseRef, int], ...] = ()
    before: tuple[tuple[CourseRef, int], ...] = ()

    @property
    def message(self) -> str:
        def named(others: tuple[tuple[CourseRef, int], ...]) -> str:
            return _and(
                [f"{c.label!r} ({'term' if t == c.term else 'moved to term'} {t})" for c, t in others]
            )

        text = f"move {self.course.label!r} from term {self.course.term} to term {self.to_term}"
        if self.after:
            text += f", after {named(self.after)}, whose skills it needs"
        if self.before:
            need = "needs" if len(self.before) == 1 else "need"
            text += f", before {named(self.before)}, which {need} its skills"
        return text

    def to_dict(self) -> dict[str, Any]:
        def refs(others: tuple[tuple[CourseRef, int], ...]) -> list[dict[str, Any]]:
            return [{**c.to_dict(), "to_term": t} for c, t in others]

        return {
            "course": self.course.to_dict(),
            "from_term": self.course.term,
            "to_term": self.to_term,
            "after": refs(self.after),
            "before": refs(self.before),
            "message": self.message,
        }


NO_TARGET = "No target role, so no role's essential skills were checked"
TARGET_ON_THE_COMMAND_LINE = "name one with --target ROLE"
"""How :attr:`GapReport.coverage_note` tells a command-line user to name a target role."""
"""What a report without target roles says in its headline: "0 uncovered essential
skills" read as a curriculum covering every role it aims at."""


@dataclass
class GapReport:
    """Everything :func:`find_gaps` found about one curriculum."""

    curriculum: Curriculum
    targets: list[Node]
    missing_prerequisites: list[PrerequisiteFinding] = field(default_factory=list)
    order_violations: list[PrerequisiteFinding] = field(default_factory=list)
    unknown_skills: list[UnknownSkill] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    idle_courses: list[IdleCourse] = field(default_factory=list)
    moves: list[CourseMove] = field(default_factory=list)
    """Courses to move to other terms to fix the order violations (empty when none)."""
    moves_summary: str = ""
    """What the :attr:`moves` leave: no order violation, or how many (a cycle's)."""

    @property
    def uncovered_skills(self) -> list[Node]:
        """The essential skills of the target roles no course teaches, each once (a
        skill two target roles need is one course to add), in the roles' order."""
        return list(dict.fromkeys(n for c in self.coverage for n in c.uncovered))

    @property
    def gap_count(self) -> int:
        """Missing prerequisites + order violations + unknown skills + distinct uncovered skills."""
        return (
            len(self.missing_prerequisites)
            + len(self.order_violations)
            + len(self.unknown_skills)
            + len(self.uncovered_skills)
        )

    @property
    def has_gaps(self) -> bool:
        """True when anything but duplicates and idle courses was found (the CLI then
        exits 1, as it does without a target role: :attr:`exit_code`)."""
        return self.gap_count > 0

    @property
    def exit_code(self) -> int:
        """What ``careerkg gaps`` exits with: 0 when no gap was found and a target role's
        essential skills were checked; 1 when a gap was found, or when no target role was
        (no gap found then says nothing of the roles the curriculum prepares for, and a
        script reading 0 as "no gaps" took a forgotten ``--target`` for a pass).

        Examples
        --------
        >>> from kg.curriculum import Curriculum
        >>> cur = Curriculum(URIRef("urn:c"), "c", [], fmt="csv")
        >>> GapReport(cur, []).exit_code, GapReport(cur, [Node(URIRef("urn:r"), "r")]).exit_code
        (1, 0)
        """
        return 0 if self.coverage_checked and not self.has_gaps else 1

    @property
    def coverage_checked(self) -> bool:
        """Whether any role's essential skills were checked: without a target role none
        was, and no uncovered skill is no sign of a curriculum covering its roles."""
        return bool(self.targets)

    @property
    def coverage_note(self) -> str:
        """Without a target role, that no role's essential skills were checked and how to
        name one on the command line or in the file (``''`` with one): see
        :meth:`coverage_note_naming`.

        Examples
        --------
        >>> from kg.curriculum import Curriculum
        >>> print(GapReport(Curriculum(URIRef("urn:c"), "c", [], fmt="csv"), []).coverage_note)
        No target role, so no role's essential skills were checked: name one with --target ROLE, or a '# target roles: ROLE; ...' line at the top of the CSV.
        >>> print(GapReport(Curriculum(URIRef("urn:c"), "c", [], fmt="turtle"), []).coverage_note)
        No target role, so no role's essential skills were checked: name one with --target ROLE, or give the curriculum a ckg:targetRole in the Turtle file.
        """
        return self.coverage_note_naming(TARGET_ON_THE_COMMAND_LINE)

    def coverage_note_naming(self, elsewhere: str) -> str:
        """:attr:`coverage_note` with ``elsewhere`` as the way to name a target role
        outside the file (the dashboard's box, where the command line has ``--target``).

        Examples
        --------
        >>> from kg.curriculum import Curriculum
        >>> report = GapReport(Curriculum(URIRef("urn:c"), "c", [], fmt="csv"), [])
        >>> print(report.coverage_note_naming("choose one under Target roles on the Curriculum gaps page"))
        No target role, so no role's essential skills were checked: choose one under Target roles on the Curriculum gaps page, or a '# target roles: ROLE; ...' line at the top of the CSV.
        """
        if self.coverage_checked:
            return ""
        in_file = (
            "give the curriculum a ckg:targetRole in the Turtle file"
            if self.curriculum.fmt in ("turtle", "ttl")
            else "a '# target roles: ROLE; ...' line at the top of the CSV"
        )
        return f"{NO_TARGET}: {elsewhere}, or {in_file}."

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data (the ``gaps --format json`` object)."""
        cur = self.curriculum
        return {
            "curriculum": {"iri": str(cur.iri), "label": cur.label, "source": cur.source, "format": cur.fmt},
            "targets": [t.to_dict() for t in self.targets],
            "courses": [
                {
                    "iri": str(c.iri),
                    "label": c.label,
                    "term": c.term,
                    "teaches": [_ref_dict(s) for s in c.teaches],
                    "requires": [_ref_dict(s) for s in c.requires],
                }
                for c in cur.courses
            ],
            "entry_requirements": [_ref_dict(s) for s in cur.entry],
            "has_gaps": self.has_gaps,
            "gap_count": self.gap_count,
            "coverage_checked": self.coverage_checked,  # false: no target role, nothing checked
            "coverage_note": self.coverage_note or None,
            "missing_prerequisites": [f.to_dict() for f in self.missing_prerequisites],
            "order_violations": [f.to_dict() for f in self.order_violations],
            "unknown_skills": [f.to_dict() for f in self.unknown_skills],
            "coverage": [c.to_dict() for c in self.coverage],
            "uncovered_skills": [n.to_dict() for n in self.uncovered_skills],
            "duplicates": [d.to_dict() for d in self.duplicates],
            "idle_courses": [c.to_dict() for c in self.idle_courses],
            "moves": [m.to_dict() for m in self.moves],
            "moves_summary": self.moves_summary,
        }


def _ref_dict(ref: SkillRef) -> dict[str, Any]:
    d: dict[str, Any] = {"iri": str(ref.iri) if ref.iri is not None else None, "label": ref.label}
    if ref.level is not None:  # the level a course teaches the skill to, where the file states it
        d["level"] = ref.level
    return d


# ------------------------------------------------------------------ analysis


def prerequisite_closure(graph: Graph, skills: Iterable[URIRef]) -> set[URIRef]:
    """``skills`` and all their transitive prerequisites (``ckg:hasPrerequisite``).

    Examples
    --------
    >>> from kg.curriculum import _example_graph
    >>> from kg.namespace import SKILL
    >>> sorted(s.rsplit("/", 1)[-1] for s in prerequisite_closure(_example_graph(), [SKILL["deep-learning"]]))
    ['deep-learning', 'linear-algebra', 'machine-learning', 'python']
    """
    return _reach(graph, skills, (CKG.hasPrerequisite,))


def _prerequisite_cycle(graph: Graph, prerequisite: URIRef, needing: Iterable[URIRef]) -> list[URIRef]:
    """The skills of a ``ckg:hasPrerequisite`` cycle through ``prerequisite`` and one of the
    skills ``needing`` it (the first it builds on, by its shortest chain), starting with
    that skill; ``[]`` when it builds on none of them.

    Examples
    --------
    >>> g = Graph()
    >>> a, b, c = (URIRef(f"urn:{n}") for n in "abc")
    >>> _ = g.add((a, CKG.hasPrerequisite, b)); _ = g.add((b, CKG.hasPrerequisite, c))
    >>> _prerequisite_cycle(g, b, [a])
    []
    >>> _ = g.add((c, CKG.hasPrerequisite, a))
    >>> [str(n) for n in _prerequisite_cycle(g, b, [a])]
    ['urn:a', 'urn:b', 'urn:c']
    """
    targets = set(needing)
    came: dict[URIRef, URIRef | None] = {prerequisite: None}
    todo = [prerequisite]
    while todo:  # breadth first: the shortest chain back
        nxt: list[URIRef] = []
        for s in todo:
            for p in sorted(o for o in graph.objects(s, CKG.hasPrerequisite) if isinstance(o, URIRef)):
                if p in came:
                    continue
                came[p] = s
                if p in targets:
                    chain: list[URIRef] = []
                    at: URIRef | None = s
                    while at is not None:
                        chain.append(at)
                        at = came[at]
                    return [p, *reversed(chain)]
                nxt.append(p)
        todo = nxt
    return []


def _reach(graph: Graph, skills: Iterable[URIRef], predicates: tuple[URIRef, ...]) -> set[URIRef]:
    """``skills`` and the IRIs they reach through ``predicates``, transitively."""
    seen: set[URIRef] = set()
    todo = list(skills)
    while todo:
        s = todo.pop()
        if s in seen:
            continue
        seen.add(s)
        for predicate in predicates:
            todo += [p for p in graph.objects(s, predicate) if isinstance(p, URIRef) and p not in seen]
    return seen


def implied_skills(graph: Graph, skills: Iterable[URIRef]) -> set[URIRef]:
    """``skills`` and what knowing them implies: their prerequisites and broader skills, transitively.

    Examples
    --------
    >>> from rdflib import Graph
    >>> from kg.namespace import SKILL
    >>> g = Graph().parse(data='''
    ... @prefix ckg: <https://w3id.org/careerkg/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... @prefix skill: <https://w3id.org/careerkg/id/skill/> .
    ... skill:pandas ckg:hasPrerequisite skill:python .
    ... skill:python skos:broader skill:computer-programming .
    ... ''', format="turtle")
    >>> sorted(s.rsplit("/", 1)[-1] for s in implied_skills(g, [SKILL.pandas]))
    ['computer-programming', 'pandas', 'python']
    """
    return _reach(graph, skills, (CKG.hasPrerequisite, SKOS.broader))


def broader_parts(graph: Graph, skill: URIRef) -> set[URIRef]:
    """The broader skills that teaching ``skill`` teaches too.

    Its broader skills, transitively (``skos:broader``), less those it builds on (its
    transitive prerequisites) and those that build on it.

    Examples
    --------
    >>> from rdflib import Graph
    >>> from kg.namespace import SKILL
    >>> g = Graph().parse(data='''
    ... @prefix ckg: <https://w3id.org/careerkg/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... @prefix skill: <https://w3id.org/careerkg/id/skill/> .
    ... skill:python skos:broader skill:computer-programming .
    ... skill:java skos:broader skill:computer-programming ; ckg:hasPrerequisite skill:computer-programming .
    ... ''', format="turtle")
    >>> [s.rsplit("/", 1)[-1] for s in broader_parts(g, SKILL.python)], broader_parts(g, SKILL.java)
    (['computer-programming'], set())
    """
    seen = _reach(graph, [skill], (SKOS.broader,)) - {skill}
    if not seen:
        return seen
    prior = prerequisite_closure(graph, [skill]) - {skill}
    return {b for b in seen if b not in prior and skill not in prerequisite_closure(graph, [b])}


def _essential_skills(graph: Graph, role: URIRef) -> dict[URIRef, int | None]:
    """The skills ``role`` requires as essential, each with the highest level required
    (``None`` when no requirement of it states one), read in one query.

    One query, not a walk through the requirement nodes: a remote store cannot be
    asked about a blank node it returned (SPARQL has no way to name it again).
    """
    rows = graph.query(
        f"SELECT ?s (MAX(?level) AS ?top) WHERE {{ {role.n3()} {CKG.hasRequirement.n3()} ?q . "
        f"?q {CKG.requiredSkill.n3()} ?s ; {CKG.importance.n3()} {CKG.Essential.n3()} . FILTER(isIRI(?s)) "
        f"OPTIONAL {{ ?q {CKG.level.n3()} ?level }} }} GROUP BY ?s"
    )
    out: dict[URIRef, int | None] = {}
    for s, top in rows:  # type: ignore[misc]
        if isinstance(s, URIRef):
            value = top.value if isinstance(top, Literal) else None
            out[s] = int(value) if isinstance(value, int | float) else None
    return out


def find_gaps(
    store: Store,
    curriculum: Curriculum,
    targets: Iterable[str | URIRef] | None = None,
    *,
    plan: bool = True,
) -> GapReport:
    """Check ``curriculum`` against the graph of ``store``.

    Parameters
    ----------
    store : Store
        The graph with the skills, their prerequisites and the roles' requirements.
    curriculum : Curriculum
        As read by :func:`kg.curriculum.read_curriculum`.
    targets : iterable of str or URIRef, optional
        Target roles (names or IRIs) whose coverage to report; when None or empty,
        the curriculum's own target roles.
    plan : bool, default True
        When there are order violations, work out which courses to move to which
        term (:attr:`GapReport.moves`); the moved curriculum is checked again to say
        what the moves leave.

    Returns
    -------
    GapReport

    Raises
    ------
    UnknownEntity
        When a target role name matches no role.

    Examples
    --------
    >>> from kg.store import Store
    >>> from kg.curriculum import parse_curriculum, _example_graph
    >>> store = Store(_example_graph())
    >>> cur = parse_curriculum("course,term,teaches,requires\\nDL,1,Deep Learning,\\n", store, fmt="csv")
    >>> r = find_gaps(store, cur, ["ML Engineer"])
    >>> [f.prerequisite.label for f in r.missing_prerequisites], r.coverage[0].percent
    (['Machine Learning'], 0.0)
    >>> find_gaps(store, cur, ["Data Sientist"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.UnknownEntity: unknown role name 'Data Sientist'...
    """
    graph = store.graph
    index = LabelIndex.of(store)

    def node(iri: URIRef) -> Node:
        return Node(iri, index.labels.get(iri) or label_of(graph, iri))

    target_iris = (
        [
            t if isinstance(t, URIRef) and t in index.labels else index.resolve(str(t), CKG.Role)
            for t in targets
        ]
        if targets
        else sorted(curriculum.targets, key=lambda r: (index.labels.get(r, "").casefold(), str(r)))
    )
    target_iris = list(dict.fromkeys(target_iris))
    report = GapReport(curriculum, [node(t) for t in target_iris])
    courses = curriculum.courses
    ref = {id(c): CourseRef(c.iri, c.label, c.term) for c in courses}
    entry = curriculum.entry_skills()

    taught_by: dict[URIRef, list[Course]] = defaultdict(list)
    for c in courses:  # ordered by term, then label
        for s in c.taught_skills():
            taught_by[s].append(c)
    parts = {s: broader_parts(graph, s) for s in taught_by}
    provided_by: dict[URIRef, list[Course]] = defaultdict(list)  # taught, or part of a taught skill
    through: dict[URIRef, URIRef] = {}  # a broader skill only taught through a narrower one
    for c in courses:
        mine = c.taught_skills()
        for s in sorted({*mine, *(b for t in mine for b in parts[t])}, key=str):
            provided_by[s].append(c)
        for t in sorted(mine, key=str):
            for b in sorted(parts[t], key=str):
                if b not in taught_by:
                    through.setdefault(b, t)

    # unknown names taught (or assumed at entry) whose closest match is a skill: a
    # prerequisite missing after them may be that name misspelt
    misspelt: dict[URIRef, list[tuple[str, Course | None]]] = defaultdict(list)
    for course, column, r in curriculum.unknown():
        if column in ("teaches", "entry") and r.suggestions and not r.note:
            try:
                meant = index.resolve(r.suggestions[0], CKG.Skill)
            except KGError:
                continue
            misspelt[meant].append((r.name, course))

    for c in courses:
        before = entry | {s for d in courses if d.term < c.term for s in d.taught_skills()}
        teaching = c.taught_skills()
        ready = implied_skills(graph, before)  # before the course starts
        here = teaching | {b for t in teaching for b in parts[t]}
        available = ready | here  # to the skills the course teaches: it orders its own content
        needs: dict[URIRef, list[URIRef]] = defaultdict(list)  # prerequisite -> taught skills needing it
        for s in sorted(c.taught_skills(), key=lambda s: (node(s).label.casefold(), str(s))):
            for p in sorted(o for o in graph.objects(s, CKG.hasPrerequisite) if isinstance(o, URIRef)):
                if p not in available:
                    needs[p].append(s)
        # what the course requires is needed before it starts: its own teaching comes too late
        own = [r.iri for r in c.requires if r.iri is not None and r.iri not in ready]
        for p in sorted({*needs, *own}, key=lambda p: (node(p).label.casefold(), str(p))):
            later = tuple(ref[id(d)] for d in provided_by.get(p, []) if d is not c and d.term >= c.term)
            finding = PrerequisiteFinding(
                "order_violation" if later else "missing_prerequisite",
                ref[id(c)],
                node(p),
                tuple(node(s) for s in needs.get(p, [])),
                p in own,
                later,
                taught_here=p in own and p in here and not later,
                skill_cycle=tuple(node(n) for n in _prerequisite_cycle(graph, p, needs.get(p, []))),
                misspelt_as=()
                if later
                else tuple(
                    (name, ref[id(d)] if d is not None else None)
                    for name, d in misspelt.get(p, [])
                    if d is None or d.term <= c.term
                ),
            )
            (report.order_violations if later else report.missing_prerequisites).append(finding)

    report.order_violations = _mark_cycles(report.order_violations)
    report.order_violations = _held_back(store, report, ref)

    for course, column, r in sorted(
        curriculum.unknown(),
        key=lambda u: (
            u[0].term if u[0] else 0,
            u[0].label.casefold() if u[0] else "",
            u[1],
            u[2].name.casefold(),
        ),
    ):
        report.unknown_skills.append(
            UnknownSkill(
                r.name, ref[id(course)] if course else None, column, r.line, r.suggestions, r.note, r.fix
            )
        )

    taught = set(provided_by)
    entry_parts = {s: broader_parts(graph, s) for s in sorted(entry, key=str)}
    assumed = entry | {b for bs in entry_parts.values() for b in bs}
    reached, by_narrower = _levels_reached(courses, taught_by, parts, entry, entry_parts)
    for role in target_iris:
        wanted = _essential_skills(graph, role)
        essential = sorted(wanted, key=lambda s: node(s).label.casefold())
        # taught (or assumed only through a narrower entry requirement), but to a lower
        # level than required: every course teaching it says so, no narrower skill counts
        # for it up to the level, and it is no entry requirement
        low = {
            s: (top, need)
            for s in essential
            if s not in entry  # named among the entry requirements: any level
            and (top := reached.get(s)) is not None
            and (need := wanted[s]) is not None
            and top < need
        }
        report.coverage.append(
            Coverage(
                node(role),
                len(essential),
                tuple(node(s) for s in essential if s in taught and s not in low),
                tuple(node(s) for s in essential if s not in taught and s in assumed and s not in low),
                tuple(node(s) for s in essential if (s not in taught and s not in assumed) or s in low),
                tuple((node(s), node(through[s])) for s in essential if s in through and s not in low),
                tuple((node(s), *low[s]) for s in essential if s in low),
                tuple(
                    (node(s), node(by_narrower[s][0]), by_narrower[s][1])
                    for s in essential
                    if s in low and s in by_narrower
                ),
                tuple(
                    (node(s), node(by_narrower[s][0]))
                    for s in essential
                    if s not in taught
                    and s not in entry
                    and s in assumed
                    and s not in low
                    and s in by_narrower
                ),
                tuple(  # taught by no course, and an unknown name's closest match
                    (node(s), name, ref[id(d)] if d is not None else None)
                    for s in essential
                    if s not in taught and s not in assumed
                    for name, d in misspelt.get(s, [])
                ),
            )
        )

    for s, cs in sorted(taught_by.items(), key=lambda kv: node(kv[0]).label.casefold()):
        if len(cs) > 1:
            levels = tuple(next((r.level for r in c.teaches if r.iri == s), None) for c in cs)
            report.duplicates.append(Duplicate(node(s), tuple(ref[id(c)] for c in cs), levels))
    for c in courses:  # a course naming nothing it teaches (unknown names are reported apart)
        if not c.teaches:
            report.idle_courses.append(
                IdleCourse(ref[id(c)], tuple(node(r) for r in sorted(c.required_skills())))
            )
    if plan and any(not f.cycle for f in report.order_violations):
        report.moves, report.moves_summary = _plan_moves(store, report, ref)
    return report


def _levels_reached(
    courses: list[Course],
    taught_by: dict[URIRef, list[Course]],
    parts: dict[URIRef, set[URIRef]],
    entry: set[URIRef],
    entry_parts: dict[URIRef, set[URIRef]],
) -> tuple[dict[URIRef, int | None], dict[URIRef, tuple[URIRef, bool]]]:
    """The level the curriculum brings each skill to, and the narrower skill that brings it.

    A skill the courses teach reaches the highest level they state (``None``, any level,
    when one of them states none). A narrower skill counts for each broader one as in
    :mod:`kg.paths`: taught to level L, up to ``min(L, PREREQUISITE_LEVEL)``, and taught
    with no stated level or named among the entry requirements, up to
    ``PREREQUISITE_LEVEL`` (:data:`kg.paths.PREREQUISITE_LEVEL`). The second mapping
    names, for a skill whose level a narrower skill brings (not its own teaching), that
    skill and whether it is an entry requirement; ties go to a course's teaching, then
    to the first course's. A skill among the entry requirements is assumed to any
    level: the caller leaves it out.
    """
    from kg import paths  # local: the learning-path machinery is not needed to read the rule

    cap = paths.PREREQUISITE_LEVEL
    reached: dict[URIRef, int | None] = {}
    for s, cs in taught_by.items():
        stated = [r.level for c in cs for r in c.teaches if r.iri == s]
        reached[s] = None if any(lv is None for lv in stated) else max(lv for lv in stated if lv is not None)
    own = dict(reached)
    by_narrower: dict[URIRef, tuple[URIRef, bool]] = {}
    counted: list[tuple[URIRef, bool, int]] = []  # (narrower skill, at entry?, level it counts to)
    for c in courses:  # in term order: ties go to the first course's
        for t in sorted(c.taught_skills(), key=str):
            level = own[t]
            counted.append((t, False, cap if level is None else min(level, cap)))
    counted += [(n, True, cap) for n in entry_parts]
    for n, at_entry, level in counted:
        for b in sorted(entry_parts[n] if at_entry else parts[n], key=str):
            if (b in entry and b not in taught_by) or (b in own and own[b] is None):
                continue  # assumed at entry, or taught with no stated level, in its own right: any level
            top = reached.get(b)
            if top is None or level > top:  # None here: not reached yet
                reached[b] = level
                by_narrower[b] = (n, at_entry)
    return reached, by_narrower


def _dependencies(store: Store, report: GapReport, ref: dict[int, CourseRef]) -> Any:
    """Which course needs which course's skills, as a ``networkx.DiGraph`` of course
    ``id`` s, teacher -> course that needs its skill: the one each order violation is
    reported against, and the earlier one a course already follows (a course relying
    on a prerequisite only through a later skill taught earlier depends on nothing
    for it). Cycles are kept."""
    import networkx as nx

    curriculum = report.curriculum
    courses = curriculum.courses
    graph = store.graph
    by_iri = {ref[id(c)].iri: c for c in courses}
    deps: nx.DiGraph = nx.DiGraph()  # teacher -> course that needs its skill
    deps.add_nodes_from(id(c) for c in courses)
    for f in report.order_violations:
        if not f.cycle:
            deps.add_edge(id(by_iri[f.taught_in[0].iri]), id(by_iri[f.course.iri]))
    entry = implied_skills(graph, curriculum.entry_skills())
    provides = {
        id(c): {*c.taught_skills(), *(b for s in c.taught_skills() for b in broader_parts(graph, s))}
        for c in courses
    }
    for c in courses:  # keep what already works: a course stays after the course it learns from
        own = provides[id(c)]
        wanted = {
            p
            for s in c.taught_skills()
            for p in graph.objects(s, CKG.hasPrerequisite)
            if isinstance(p, URIRef)
        } | c.required_skills()
        for p in wanted - own - entry:
            first = next((d for d in courses if d.term < c.term and p in provides[id(d)]), None)
            if first is not None:
                deps.add_edge(id(first), id(c))
    return deps


def _held_back(store: Store, report: GapReport, ref: dict[int, CourseRef]) -> list[PrerequisiteFinding]:
    """The order violations with ``held_back_by`` set: the courses that keep the first
    course teaching the prerequisite from moving before the course that needs it."""
    deps = _dependencies(store, report, ref)
    by_iri = {ref[id(c)].iri: c for c in report.curriculum.courses}
    out = []
    for f in report.order_violations:
        if not f.cycle and f.course.term > 1:
            first = f.taught_in[0]
            needs = {ref[d] for d in deps.predecessors(id(by_iri[first.iri]))}
            needs |= {
                d for g in report.order_violations if g.course == first for d in g.taught_in
            }  # cycles too
            held = sorted(
                (d for d in needs if d.term >= f.course.term - 1),
                key=lambda c: (c.term, c.label.casefold(), str(c.iri)),
            )
            f = replace(f, held_back_by=tuple(held))
        out.append(f)
    return out


def _plan_moves(store: Store, report: GapReport, ref: dict[int, CourseRef]) -> tuple[list[CourseMove], str]:
    """Courses to move so that each follows the courses whose skills it needs.

    A course depends on the course that teaches a prerequisite it needs: the one it
    is reported against, or the earlier one it already follows (a course relying
    on a prerequisite only through a later skill taught earlier depends on nothing
    for it). Courses needing each other's skills (a cycle) keep their terms. Each
    course then gets the term nearest its own between the earliest its dependencies
    allow and the latest its dependants allow, within the programme's terms, or more
    when a chain of dependencies is longer; a course is never put in or before the
    term of a course it depends on. The moved curriculum is checked again, and any
    order violation the moves leave (or make: a course may have relied on a skill's
    prerequisites taught by a course now later) is said in the summary.
    """
    import networkx as nx

    curriculum = report.curriculum
    courses = curriculum.courses
    deps = _dependencies(store, report, ref)
    for component in list(nx.strongly_connected_components(deps)):
        if len(component) > 1:  # a cycle: no order fixes it; its findings say so
            deps.remove_edges_from([(u, v) for u, v in deps.edges(component) if v in component])

    terms = {id(c): c.term for c in courses}
    labels = {id(c): c.label.casefold() for c in courses}
    order = list(
        nx.lexicographical_topological_sort(deps, key=lambda n: (terms[n], labels[n], str(ref[n].iri)))
    )
    earliest: dict[int, int] = {}
    for n in order:
        earliest[n] = 1 + max((earliest[d] for d in deps.predecessors(n)), default=0)
    last = max(max(terms.values()), max(earliest.values(), default=1))
    latest: dict[int, int] = {}
    for n in reversed(order):
        latest[n] = min((latest[d] - 1 for d in deps.successors(n)), default=last)
    new: dict[int, int] = {}
    for n in order:
        near = min(max(terms[n], earliest[n]), latest[n])
        new[n] = max(near, 1 + max((new[d] for d in deps.predecessors(n)), default=0))

    moves = []
    for n in sorted((n for n in new if new[n] != terms[n]), key=lambda n: (new[n], terms[n], labels[n])):
        if new[n] > terms[n]:  # moved later: the courses it needs that would else be too late
            after = sorted(
                (d for d in deps.predecessors(n) if new[d] >= terms[n]), key=lambda d: (new[d], labels[d])
            )
            before: list[int] = []
        else:  # moved earlier: the courses needing it that would else come too soon
            after = []
            before = sorted(
                (d for d in deps.successors(n) if new[d] <= terms[n]), key=lambda d: (new[d], labels[d])
            )
        moves.append(
            CourseMove(
                ref[n],
                new[n],
                tuple((ref[d], new[d]) for d in after),
                tuple((ref[d], new[d]) for d in before),
            )
        )
    if not moves:
        return [], ""
    moved = replace(
        curriculum,
        courses=sorted(
            (replace(c, term=new[id(c)]) for c in courses), key=lambda c: (c.term, c.label.casefold())
        ),
    )
    again = find_gaps(store, moved, [t.iri for t in report.targets], plan=False)
    left = len(again.order_violations)
    summary = (
        "no order violation is left"
        if not left
        else _count(left, "order violation is", "order violations are") + " left"
    )
    cycles = sum(1 for f in again.order_violations if f.cycle)
    if cycles:
        summary += f" ({cycles} of them in a cycle of courses, which no order fixes)"
    more = len(again.missing_prerequisites) - len(report.missing_prerequisites)
    if more > 0:  # a course relied on a prerequisite taught by a course now later
        summary += (
            f", but {_count(more, 'missing prerequisite is', 'missing prerequisites are')} added: "
            "a course counted on what a course now moved to its term or later builds on"
        )
    if last > max(terms.values()):
        summary += f"; the programme then takes {last} terms, not {max(terms.values())}"
    return moves, summary


def _mark_cycles(findings: list[PrerequisiteFinding]) -> list[PrerequisiteFinding]:
    """``findings`` with ``cycle`` set where courses need each other's skills.

    Course A needing a skill B teaches too late, and B one that A teaches, is a cycle:
    each finding alone suggests moving the other course earlier, which cannot work.
    """
    import networkx as nx

    g: nx.DiGraph = nx.DiGraph()
    for f in findings:
        g.add_edges_from((f.course, d) for d in f.taught_in)
    member: dict[CourseRef, tuple[CourseRef, ...]] = {}
    for component in nx.strongly_connected_components(g):
        if len(component) > 1:
            ordered = tuple(sorted(component, key=lambda c: (c.term, c.label.casefold(), str(c.iri))))
            member.update((c, ordered) for c in component)
    out = []
    for f in findings:
        cycle = member.get(f.course, ())
        if cycle and any(member.get(d) == cycle for d in f.taught_in):
            f = replace(f, cycle=cycle)
        out.append(f)
    return out


# ----------------------------------------------------------------- rendering


def _rows(report: GapReport, name_target: str = TARGET_ON_THE_COMMAND_LINE) -> list[dict[str, str]]:
    """One flat row per finding: kind, course, term, skill, prerequisite, detail, suggestion
    (and role, for a role's coverage and an uncovered skill);
    without a target role, a ``no_target_role`` row says that none was checked."""
    rows = []
    for f in [*report.missing_prerequisites, *report.order_violations]:
        rows.append(
            {
                "kind": f.kind,
                "course": f.course.label,
                "term": str(f.course.term),
                "skill": "; ".join(n.label for n in f.needed_for),
                "prerequisite": f.prerequisite.label,
                "detail": f.message,
                "suggestion": f.suggestion,
            }
        )
    for m in report.moves:
        rows.append(
            {
                "kind": "move_course",
                "course": m.course.label,
                "term": str(m.course.term),
                "skill": "",
                "prerequisite": "",
                "detail": m.message,
                "suggestion": f"move it to term {m.to_term}, with the other suggested moves (made together: {report.moves_summary})",
            }
        )
    for u in report.unknown_skills:
        rows.append(
            {
                "kind": "unknown_skill",
                "course": u.course.label if u.course else "",
                "term": str(u.course.term) if u.course else "",
                "skill": u.name,
                "prerequisite": "",
                "detail": u.message,
                "suggestion": u.suggestion,
            }
        )
    for cov in report.coverage:
        # one row per target role, so a role fully covered is in the sheet too
        covered = (
            f"{cov.covered_text} of the essential skills of {cov.role.label!r} covered"
            if cov.percent is not None
            else f"{cov.role.label!r}: {cov.covered_text}"
        )
        rows.append(
            {
                "kind": "role_coverage",
                "course": "",
                "term": "",
                "skill": "",
                "prerequisite": "",
                "detail": covered,
                "suggestion": (
                    f"see its {_count(len(cov.uncovered), 'uncovered_skill row', 'uncovered_skill rows')}"
                    if cov.uncovered
                    else ""
                ),
                "role": cov.role.label,
            }
        )
        for n in cov.uncovered:  # worded as the text report words it (Coverage.shortfall)
            rows.append(
                {
                    "kind": "uncovered_skill",
                    "course": "",
                    "term": "",
                    "skill": n.label,
                    "prerequisite": "",
                    "detail": f"essential for {cov.role.label!r} ({cov.percent:g}% covered), "
                    + cov.uncovered_detail(n),
                    "suggestion": cov.uncovered_fix(n),
                    "role": cov.role.label,
                }
            )
    if not report.coverage_checked:  # no uncovered_skill row would read as every role covered
        note = report.coverage_note_naming(name_target)
        rows.append(
            {
                "kind": "no_target_role",
                "course": "",
                "term": "",
                "skill": "",
                "prerequisite": "",
                "detail": NO_TARGET,
                "suggestion": note.removeprefix(NO_TARGET + ": ").removesuffix("."),
            }
        )
    for d in report.duplicates:
        rows.append(
            {
                "kind": "duplicate",
                "course": "; ".join(c.label for c in d.courses),
                "term": "; ".join(str(c.term) for c in d.courses),
                "skill": d.skill.label,
                "prerequisite": "",
                "detail": d.message,
                "suggestion": d.suggestion,
            }
        )
    for idle in report.idle_courses:
        rows.append(
            {
                "kind": "idle_course",
                "course": idle.course.label,
                "term": str(idle.course.term),
                "skill": "",
                "prerequisite": "",
                "detail": idle.message,
                "suggestion": idle.suggestion,
            }
        )
    return rows


CSV_FIELDS = ("kind", "course", "term", "skill", "prerequisite", "detail", "suggestion", "role")
"""The columns of :func:`report_csv`; ``role`` names the target role of a
``role_coverage`` row (one per target role: how much of its essential skills are
covered) and of an ``uncovered_skill`` row (empty on the others), to filter by in a
spreadsheet."""


def suggested_terms_csv(report: GapReport, store: Store) -> str:
    r"""The curriculum of ``report`` as CSV with its suggested term changes made, to
    check again (empty when no course is to move). Its ``# target roles:`` line names
    the roles the report was checked against (``--target`` or those chosen on the
    page, which replace the file's own), so checking it again checks the same roles.

    Examples
    --------
    >>> from kg.store import Store
    >>> from kg.curriculum import parse_curriculum, _example_graph
    >>> store = Store(_example_graph())
    >>> plan = "# target roles: ML Engineer\ncourse,term,teaches,requires\nML,1,Machine Learning,\nMaths,2,Linear Algebra,\n"
    >>> cur = parse_curriculum(plan, store, fmt="csv", source="plan.csv")
    >>> print(suggested_terms_csv(find_gaps(store, cur), store), end="")
    # curriculum: plan
    # target roles: ML Engineer
    course,term,teaches,requires
    Maths,1,Linear Algebra,
    ML,2,Machine Learning,
    """
    if not report.moves:
        return ""
    cur = replace(report.curriculum, targets=[t.iri for t in report.targets])
    return curriculum_csv(cur, store, {m.course.iri: m.to_term for m in report.moves})


def report_csv(report: GapReport, name_target: str = TARGET_ON_THE_COMMAND_LINE) -> str:
    """The findings as CSV, one row per finding (columns :data:`CSV_FIELDS`); without a
    target role, a ``no_target_role`` row says that no role's essential skills were
    checked and how to name one: ``name_target``, or in the file.

    Examples
    --------
    >>> from kg.curriculum import Curriculum
    >>> print(report_csv(GapReport(Curriculum(URIRef("urn:c"), "c", [], fmt="csv"), [])))
    kind,course,term,skill,prerequisite,detail,suggestion,role
    no_target_role,,,,,"No target role, so no role's essential skills were checked","name one with --target ROLE, or a '# target roles: ROLE; ...' line at the top of the CSV",
    <BLANKLINE>
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(_rows(report, name_target))
    return out.getvalue()


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _summary(report: GapReport) -> str:
    cur = report.curriculum
    terms = len({c.term for c in cur.courses})
    return (
        f"{_count(len(cur.courses), 'course', 'courses')} over {_count(terms, 'term', 'terms')}; "
        f"{_count(len(report.missing_prerequisites), 'missing prerequisite', 'missing prerequisites')}, "
        f"{_count(len(report.order_violations), 'order violation', 'order violations')}, "
        f"{_count(len(report.unknown_skills), 'unknown skill', 'unknown skills')}, "
        + (  # with no target role, none was checked: "0 uncovered" would read as all covered
            f"{_count(len(report.uncovered_skills), 'uncovered essential skill', 'uncovered essential skills')}, "
            if report.coverage_checked
            else ""
        )
        + f"{_count(len(report.duplicates), 'skill', 'skills')} taught more than once"
        + (
            f", {_count(len(report.idle_courses), 'course teaches', 'courses teach')} no skill"
            if report.idle_courses
            else ""
        )
    )


def report_markdown(report: GapReport, name_target: str = TARGET_ON_THE_COMMAND_LINE) -> str:
    """The report as a Markdown document (headings per kind of finding); without a
    target role, it says how to name one: ``name_target``, or in the file.

    Examples
    --------
    >>> from kg.curriculum import Curriculum
    >>> report = GapReport(Curriculum(URIRef("urn:c"), "c", [], fmt="csv"), [])
    >>> print(report_markdown(report, "choose one on the page").splitlines()[4])
    **No target role, so no role's essential skills were checked: choose one on the page, or a '# target roles: ROLE; ...' line at the top of the CSV.**
    """
    cur = report.curriculum
    note = report.coverage_note_naming(name_target)
    out = [f"# Curriculum gaps: {_md(cur.label)}", "", _md(_summary(report)) + ".", ""]
    if not report.coverage_checked:
        out += [f"**{_md(note)}**", ""]

    def section(title: str, items: list[tuple[str, str]]) -> None:
        out.append(f"## {title} ({len(items)})")
        out.append("")
        if not items:
            out.append("None.")
        for msg, fix in items:
            out.append(f"- {_md(msg)}" + (f"  \n  *Fix:* {_md(fix)}" if fix else ""))
        out.append("")

    section("Missing prerequisites", [(f.message, f.suggestion) for f in report.missing_prerequisites])
    section("Order violations", [(f.message, f.suggestion) for f in report.order_violations])
    if report.moves:
        out += [
            f"## Suggested term changes ({len(report.moves)})",
            "",
            f"Made together: {_md(report.moves_summary)}.",
            "",
        ]
        out += [f"- {_md(m.message)}" for m in report.moves]
        out.append("")
    section("Unknown skills", [(u.message, u.suggestion) for u in report.unknown_skills])
    out.append(f"## Target role coverage ({len(report.coverage)})")
    out.append("")
    if not report.coverage:
        out.append(_md(note))
    else:
        out.append("| Role | Covered | Uncovered essential skills | Assumed at entry, not taught |")
        out.append("|---|---:|---|---|")
        for c in report.coverage:
            uncovered = c.uncovered_text("—")
            assumed = c.assumed_text("—")
            out.append(f"| {_md(c.role.label)} | {c.covered_text} | {_md(uncovered)} | {_md(assumed)} |")
        through = [c for c in report.coverage if c.through_narrower]
        if through:
            out.append("")
            out += [
                f"- {_md(c.role.label)}: taught as part of a narrower skill: {_md(c.through_text)}"
                for c in through
            ]
        low = [c for c in report.coverage if c.fixes]
        if low:
            out.append("")
            out += [f"- {_md(c.role.label)}: *Fix:* {_md(c.fixes)}" for c in low]
    out.append("")
    section("Skills taught more than once", [(d.message, d.suggestion) for d in report.duplicates])
    if report.idle_courses:
        section("Courses that teach no skill", [(c.message, c.suggestion) for c in report.idle_courses])
    return "\n".join(out).rstrip() + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<|])")
"""What Markdown would read as markup in a name: emphasis, code, links, HTML tags, table cells."""


def _md(text: str) -> str:
    r"""``text`` as Markdown shows it as written: in a course named ``Intro <AI>`` no HTML
    tag, in a backquote no code span, in ``my_skill`` no emphasis.

    Examples
    --------
    >>> print(_md("Intro <AI> | `Code` [core] my_skill *pilot* C:\\temp -> ok"))
    Intro \<AI> \| \`Code\` \[core\] my\_skill \*pilot\* C:\\temp -> ok
    """
    return _MD_SPECIAL.sub(r"\\\1", text)


def report_table(report: GapReport) -> str:
    """The report as plain text for a terminal."""
    cur = report.curriculum
    out = [f"Curriculum: {cur.label}", _summary(report), ""]
    if not report.coverage_checked:
        out[-1:] = [report.coverage_note, ""]

    def block(title: str, items: list[tuple[str, str]]) -> None:
        out.append(f"{title} ({len(items)})")
        for msg, fix in items:
            out.append(f"  - {msg}")
            if fix:
                out.append(f"    fix: {fix}")
        out.append("")

    block("Missing prerequisites", [(f.message, f.suggestion) for f in report.missing_prerequisites])
    block("Order violations", [(f.message, f.suggestion) for f in report.order_violations])
    if report.moves:
        out.append(f"Suggested term changes ({len(report.moves)}), made together: {report.moves_summary}")
        out += [f"  - {m.message}" for m in report.moves]
        out.append("")
    block("Unknown skills", [(u.message, u.suggestion) for u in report.unknown_skills])
    out.append(f"Target role coverage ({len(report.coverage)})")
    if not report.coverage:
        out.append(f"  {report.coverage_note}")
    width = max((len(c.role.label) for c in report.coverage), default=0)
    for c in report.coverage:
        uncovered = c.uncovered_text()
        if c.percent is None:
            out.append(f"  {c.role.label:<{width}}      -   the data states no essential skills for it")
        else:
            out.append(
                f"  {c.role.label:<{width}}  {c.percent:5.1f}%  uncovered: {uncovered}"
                + ("; assumed at entry, not taught: " + c.assumed_text() if c.assumed_at_entry else "")
                + (f"; taught as part of a narrower skill: {c.through_text}" if c.through_narrower else "")
            )
        if c.fixes:  # the list says what no course teaches; how to reach a level it does not say
            out.append(f"    fix: {c.fixes}")
    out.append("")
    block("Skills taught more than once", [(d.message, d.suggestion) for d in report.duplicates])
    if report.idle_courses:
        block("Courses that teach no skill", [(c.message, c.suggestion) for c in report.idle_courses])
    return "\n".join(out).rstrip() + "\n"


def report_graph(report: GapReport) -> Graph:
    """The report as RDF: the curriculum in the ontology plus a ``ckg:GapReport``.

    Each finding is a ``ckg:Finding`` of a subclass (``ckg:MissingPrerequisite``,
    ``ckg:OrderViolation``, ``ckg:UnknownSkill``, ``ckg:UncoveredSkill``,
    ``ckg:DuplicateTeaching``; a missing prerequisite or order violation whose
    prerequisite builds on a skill needing it is also a ``ckg:SkillCycle``, with each
    ``ckg:cycleSkill``, one the course requires but only it teaches a
    ``ckg:TaughtHere``, an order violation among courses needing each other's skills a
    ``ckg:CourseCycle``, with each ``ckg:cycleCourse``; the notes ``ckg:IdleCourse``
    and ``ckg:CourseMove``, with its ``ckg:toTerm``) with ``ckg:aboutCourse``, ``ckg:aboutSkill``,
    ``ckg:aboutPrerequisite``, ``ckg:aboutRole``, ``rdfs:comment`` (the message) and
    ``ckg:suggestion``; each target role gets a ``ckg:RoleCoverage``, with its
    ``ckg:uncoveredSkill``, ``ckg:assumedSkill`` (those assumed only through a narrower
    entry requirement also ``ckg:assumedThroughNarrower``, the requirement's
    ``skos:broaderTransitive`` naming them) and ``ckg:taughtThroughNarrower``, each with a
    ``ckg:narrowerTeaching`` naming the narrower skill (a ``ckg:NarrowerTeaching``: its
    ``ckg:broaderSkill`` and ``ckg:narrowerSkill``, computer programming through Python
    programming). Labels of the
    skills and roles mentioned are included, so the report can be queried on its own.

    Examples
    --------
    >>> from kg.store import Store
    >>> from kg.curriculum import parse_curriculum, _example_graph
    >>> store = Store(_example_graph())
    >>> cur = parse_curriculum("course,term,teaches,requires\\nDL,1,Deep Learning,\\n", store, fmt="csv")
    >>> g = report_graph(find_gaps(store, cur))
    >>> len(list(g.subjects(RDF.type, CKG.MissingPrerequisite)))
    1
    """
    from rdflib.namespace import RDFS

    g = curriculum_graph(report.curriculum, new_graph())
    rep = URIRef(str(report.curriculum.iri) + "/gap-report")
    g.add((rep, RDF.type, CKG.GapReport))
    g.add((rep, RDFS.label, Literal(f"Gap report of {report.curriculum.label}", lang="en")))
    g.add((rep, CKG.aboutCurriculum, report.curriculum.iri))
    labelled: dict[URIRef, str] = {}
    counter = [0]

    def finding(cls: URIRef, message: str, suggestion: str) -> URIRef:
        counter[0] += 1
        f = URIRef(f"{rep}/finding-{counter[0]}")
        g.add((rep, CKG.hasFinding, f))
        g.add((f, RDF.type, CKG.Finding))
        g.add((f, RDF.type, cls))
        g.add((f, RDFS.comment, Literal(message, lang="en")))
        if suggestion:
            g.add((f, CKG.suggestion, Literal(suggestion, lang="en")))
        return f

    def link(f: URIRef, pred: URIRef, n: Node) -> None:
        g.add((f, pred, n.iri))
        labelled[n.iri] = n.label

    for pf in [*report.missing_prerequisites, *report.order_violations]:
        f = finding(
            CKG.OrderViolation if pf.kind == "order_violation" else CKG.MissingPrerequisite,
            pf.message,
            pf.suggestion,
        )
        g.add((f, CKG.aboutCourse, pf.course.iri))
        link(f, CKG.aboutPrerequisite, pf.prerequisite)
        for n in pf.needed_for:
            link(f, CKG.aboutSkill, n)
        g.add((f, CKG.requiredByCourse, Literal(pf.required_by_course)))
        for c in pf.taught_in:
            g.add((f, CKG.taughtInCourse, c.iri))
        if pf.skill_cycle:  # the prerequisite builds on a skill that needs it: no order fixes it
            g.add((f, RDF.type, CKG.SkillCycle))
            for n in pf.skill_cycle:
                link(f, CKG.cycleSkill, n)
        if pf.taught_here:  # the course requires what only it teaches
            g.add((f, RDF.type, CKG.TaughtHere))
        if pf.cycle:  # courses needing each other's skills: no order of them fixes it
            g.add((f, RDF.type, CKG.CourseCycle))
            for c in pf.cycle:
                g.add((f, CKG.cycleCourse, c.iri))
    for m in report.moves:  # advice, not a gap
        f = finding(
            CKG.CourseMove,
            m.message,
            f"move it to term {m.to_term}, with the other suggested moves (made together: {report.moves_summary})",
        )
        g.add((f, CKG.aboutCourse, m.course.iri))
        g.add((f, CKG.toTerm, Literal(m.to_term)))
    for u in report.unknown_skills:
        f = finding(CKG.UnknownSkill, u.message, u.suggestion)
        g.add((f, CKG.skillName, Literal(u.name)))
        if u.course:
            g.add((f, CKG.aboutCourse, u.course.iri))
        for label in u.closest:
            g.add((f, CKG.closestLabel, Literal(label)))
    for cov in report.coverage:
        c_node = URIRef(f"{rep}/coverage-{cov.role.iri.rsplit('/', 1)[-1]}")
        g.add((rep, CKG.hasCoverage, c_node))
        g.add((c_node, RDF.type, CKG.RoleCoverage))
        link(c_node, CKG.aboutRole, cov.role)
        if cov.percent is not None:  # none stated: nothing to cover, no percentage
            g.add((c_node, CKG.coveragePercent, Literal(f"{cov.percent:.1f}", datatype=XSD.decimal)))
        g.add((c_node, CKG.essentialSkillCount, Literal(cov.essential)))
        for n in cov.assumed_at_entry:
            link(c_node, CKG.assumedSkill, n)
        for n, entry in cov.assumed_through:  # and the entry requirement that brings it
            link(c_node, CKG.assumedThroughNarrower, n)
            g.add((entry.iri, SKOS.broaderTransitive, n.iri))
            labelled[entry.iri] = entry.label
        for i, (n, part_of) in enumerate(cov.through_narrower, 1):  # and which narrower skill
            link(c_node, CKG.taughtThroughNarrower, n)
            how = URIRef(f"{c_node}/through-{i}")
            g.add((c_node, CKG.narrowerTeaching, how))
            g.add((how, RDF.type, CKG.NarrowerTeaching))
            link(how, CKG.broaderSkill, n)
            link(how, CKG.narrowerSkill, part_of)
        for n in cov.uncovered:
            link(c_node, CKG.uncoveredSkill, n)
            f = finding(  # worded as the text report words it (Coverage.shortfall)
                CKG.UncoveredSkill,
                f"{n.label!r} is essential for {cov.role.label!r} but {cov.uncovered_detail(n)}",
                cov.uncovered_fix(n),
            )
            link(f, CKG.aboutSkill, n)
            link(f, CKG.aboutRole, cov.role)
    for d in report.duplicates:
        f = finding(CKG.DuplicateTeaching, d.message, d.suggestion)
        link(f, CKG.aboutSkill, d.skill)
        for c in d.courses:
            g.add((f, CKG.aboutCourse, c.iri))
    for idle in report.idle_courses:  # a note, not a gap
        f = finding(CKG.IdleCourse, idle.message, idle.suggestion)
        g.add((f, CKG.aboutCourse, idle.course.iri))
    for course in report.curriculum.courses:
        for r in [*course.teaches, *course.requires]:
            if r.iri is not None:
                labelled.setdefault(r.iri, r.label)
    for r in report.curriculum.entry:
        if r.iri is not None:
            labelled.setdefault(r.iri, r.label)
    for t in report.targets:
        labelled.setdefault(t.iri, t.label)
    for iri, label in labelled.items():
        g.add((iri, SKOS.prefLabel, Literal(label, lang="en")))
    g.add((rep, CKG.gapCount, Literal(report.gap_count)))
    return g
