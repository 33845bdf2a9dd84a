"""Reading curricula: Turtle in the careerkg ontology, or the CSV a designer keeps.

A curriculum is an ordered programme of courses. Each course has a term (1, 2, ...;
lower terms come first), the skills it teaches and the skills it requires before it
starts; the curriculum has entry requirements and target roles.

Two input forms give the same :class:`Curriculum`:

Turtle
    A ``ckg:Curriculum`` with ``ckg:hasCourse`` courses (``a ckg:Course``, ``ckg:term``,
    ``ckg:hasTeaching [ ckg:taughtSkill ... ]`` or ``ckg:teaches``, ``ckg:requiresPrior``),
    ``ckg:entryRequirement`` skills and ``ckg:targetRole`` roles. A skill named by text
    that matches no skill (a typo, a tool) is kept with the schema.org property
    ``ckg:teaches``, ``ckg:requiresPrior`` and ``ckg:entryRequirement`` closely match,
    whose values may be text: ``schema:teaches``, ``schema:coursePrerequisites`` and
    ``schema:programPrerequisites`` (what :func:`curriculum_graph` writes for such names).
CSV
    One row per course with the columns ``course, term, teaches`` and, optionally,
    ``requires`` (any order, any case, extra columns ignored; a header naming a column
    otherwise, such as ``Prerequisites`` or ``Skills``, is refused with the name to
    write), separated by ``,`` or, as the header shows, by
    ``;`` or tabs (a spreadsheet's export); several skills in one cell are separated by
    ``;`` (or by ``,`` when each part names a skill). A skill in the ``teaches`` column
    may be followed by the level the course teaches it to, from 1 to 5, as ``--know``
    writes it (``Python:3; SQL:2``); a skill without one is taught to no stated level,
    as before. A row with more cells than the
    header is refused: a skill list split at its commas would shift into other columns.
    Rows that start with ``#`` before or among the courses are comments, except the
    metadata lines ``# curriculum: NAME``, ``# entry requirements: SKILL; SKILL`` (or
    ``# prerequisites:``) and ``# target roles: ROLE; ROLE``; a key misspelt from these
    (``# entry requirments:``) is refused, its names would be left out. Several rows with the same course and term are merged;
    a row with neither course nor term adds to the course above (merged cells, or one
    skill a row), and a course's later rows may leave its term out.

Skills are named by label, alt label, full IRI or prefixed name (``skill:python``).
A name that matches no skill is kept as an unknown :class:`SkillRef` with the closest
known labels, never dropped; a malformed file raises
:class:`~kg.errors.InvalidCurriculum` naming the row or line.

Examples
--------
>>> from kg.store import Store
>>> store = Store(_example_graph())
>>> text = '''course,term,teaches,requires
... Programming 1,1,Python,
... Machine Learning,2,Machine Learning;Pyton,Python
... '''
>>> cur = parse_curriculum(text, store, fmt="csv", source="plan.csv")
>>> [(c.label, c.term, [s.label for s in c.teaches]) for c in cur.courses]
[('Programming 1', 1, ['Python']), ('Machine Learning', 2, ['Machine Learning', 'Pyton'])]
>>> bad = cur.courses[1].teaches[1]
>>> bad.known, bad.suggestions, bad.line
(False, ('Python',), 3)
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SDO, SKOS, NamespaceManager
from rdflib.term import Node

from kg.errors import InputFileError, InvalidCurriculum, UnknownEntity, not_utf8
from kg.names import LabelIndex, fold, label_of, normalise
from kg.namespace import CKG, COURSE, CURRICULUM
from kg.store import Store, materialise, new_graph

__all__ = [
    "CSV_COLUMNS",
    "CSV_REQUIRED",
    "Course",
    "Curriculum",
    "SkillRef",
    "curriculum_csv",
    "curriculum_graph",
    "decode_text",
    "guess_curriculum_format",
    "parse_curriculum",
    "read_curriculum",
    "slug",
]

CSV_COLUMNS: tuple[str, ...] = ("course", "term", "teaches", "requires")
"""The columns careerkg reads from a curriculum CSV, in any order (other columns are
ignored); ``requires`` may be left out (see :data:`CSV_REQUIRED`)."""

CSV_REQUIRED: tuple[str, ...] = ("course", "term", "teaches")
"""The columns a curriculum CSV must have. ``requires`` is optional: many curricula
state no per-course requirements, and a sheet without the column reads as one whose
``requires`` cells are all empty."""

_LOOKALIKES: dict[str, str] = {
    name: column
    for column, names in {
        "course": "courses, module, modules, course name, course title, module name, module title, unit, "
        "units, subject, subjects, class, title, name",
        "term": "terms, semester, semesters, trimester, quarter, phase, stage, period, block, week, sem, "
        "session",
        "teaches": "teach, taught, skills, skill, skills taught, taught skills, teaches skills, learning "
        "outcomes, outcomes, topics, competencies, competences, covers",
        "requires": "require, required, requirement, requirements, prerequisite, prerequisites, prereq, "
        "prereqs, pre requisite, pre requisites, required skills, prerequisite skills, prior skills, "
        "prior knowledge, needs, requires skills, requisites, pre reqs, prereq skills, prerequisite courses, "
        "required courses, prior courses",
        "": "teacher, teachers, core, coursework",  # close to a column's name, but something else
    }.items()
    for name in names.split(", ")
}
"""Header names designers use for the columns, each with the column it stands for
(``""``: a name close to a column's that stands for something else)."""

_META_KEYS = {
    "curriculum": "title",
    "title": "title",
    "name": "title",
    "entry requirements": "entry",
    "entry requirement": "entry",
    "entry": "entry",
    "target roles": "targets",
    "target role": "targets",
    "targets": "targets",
    "target": "targets",
    # what designers call them
    "prerequisites": "entry",
    "prerequisite": "entry",
    "programme prerequisites": "entry",
    "program prerequisites": "entry",
    "admission requirements": "entry",
    "entry skills": "entry",
    "entry reqs": "entry",
    "target jobs": "targets",
    "target occupations": "targets",
}

_META_WRITE = {"title": "curriculum", "entry": "entry requirements", "targets": "target roles"}
"""How the documentation writes each metadata line's key."""


def _meta_key(key: str, source: str, line: int) -> str | None:
    """The metadata ``key`` of a ``# key: value`` line stands for (``title``, ``entry``,
    ``targets``), or ``None`` for a comment.

    Raises
    ------
    InvalidCurriculum
        For a key misspelt from one careerkg reads: the line would be a comment, and
        its skills or roles silently left out.

    Examples
    --------
    >>> _meta_key("Prerequisites", "p.csv", 1), _meta_key("Note", "p.csv", 1)
    ('entry', None)
    >>> _meta_key("entry requirments", "p.csv", 1)
    Traceback (most recent call last):
    ...
    kg.errors.InvalidCurriculum: p.csv, line 1: '# entry requirments:' would be read as a comment, its names left out; write '# entry requirements:' if it lists them
    """
    import difflib

    folded = " ".join(
        re.sub(r"[-_]+|\(s\)", " ", key.casefold()).split()
    )  # 'Target Role(s)', 'entry-requirements'
    if folded in _META_KEYS:
        return _META_KEYS[folded]
    # misspelt from the keys of several words that list skills or roles ('target rolls'), not
    # from one word: '# Targeted: beginners' is a note
    keys = [k for k, v in _META_KEYS.items() if v != "title" and " " in k]
    close = difflib.get_close_matches(folded, keys, n=1, cutoff=0.8)
    if close:
        raise InvalidCurriculum(
            source,
            f"'# {key.strip()}:' would be read as a comment, its names left out; write "
            f"'# {_META_WRITE[_META_KEYS[close[0]]]}:' if it lists them",
            line,
        )
    return None


@dataclass(frozen=True)
class SkillRef:
    """A skill as the curriculum names it, resolved against the graph when possible.

    Attributes
    ----------
    name : str
        The name as written (a label, IRI or prefixed name).
    iri : URIRef or None
        The skill, or None when the name matches no skill of the graph.
    label : str
        The skill's label when known, else the name as written.
    line : int or None
        The CSV row or Turtle line where the name appears, when known.
    suggestions : tuple of str
        For an unknown name: the closest known skill labels, best first.
    note : str
        For an unknown name: what it is instead (for example a tool), if anything.
    fix : str
        For an unknown name: what to write instead, when the closest labels alone
        would not say it (a course of the curriculum named where a skill belongs).
    """

    name: str
    iri: URIRef | None
    label: str
    line: int | None = None
    suggestions: tuple[str, ...] = ()
    note: str = ""
    fix: str = ""
    supports: tuple[str, ...] = ()
    """For the name of a tool: the labels of all the skills it supports."""
    written: URIRef | None = None
    """For an unknown name a Turtle file gives as an IRI: that IRI (``name`` shows it
    shortened), written back as it was by :func:`curriculum_graph`."""
    level: int | None = None
    """For a skill a course teaches: the level the course reaches (1 to 5), when the
    file states it (a Turtle ``ckg:Teaching``'s ``ckg:level``; in a CSV's ``teaches``
    column, the number after the name: ``Python:3``)."""
    instead: str = ""
    """For the name of a role, degree, certification or course: what to write instead
    ("name the skills it requires instead"), said before the ``suggestions``."""

    @property
    def known(self) -> bool:
        """True when the name is a skill of the graph."""
        return self.iri is not None


@dataclass
class Course:
    """One course of a curriculum: its term, what it teaches and what it requires."""

    iri: URIRef
    label: str
    term: int
    teaches: list[SkillRef] = field(default_factory=list)
    requires: list[SkillRef] = field(default_factory=list)
    line: int | None = None

    def taught_skills(self) -> set[URIRef]:
        """The known skills the course teaches."""
        return {s.iri for s in self.teaches if s.iri is not None}

    def required_skills(self) -> set[URIRef]:
        """The known skills the course requires before it starts."""
        return {s.iri for s in self.requires if s.iri is not None}


@dataclass
class Curriculum:
    """A curriculum: courses ordered by term, entry requirements and target roles."""

    iri: URIRef
    label: str
    courses: list[Course] = field(default_factory=list)
    entry: list[SkillRef] = field(default_factory=list)
    targets: list[URIRef] = field(default_factory=list)
    source: str = ""
    fmt: str = ""
    cites: dict[URIRef, list[URIRef]] = field(default_factory=dict)
    """The source documents a Turtle curriculum cites (``dcterms:source``), by the IRI
    of the curriculum or course citing them; one citing none cites the file."""
    documents: dict[URIRef, str] = field(default_factory=dict)
    """The titles (``dcterms:title``) the file gives the source documents it cites."""

    def entry_skills(self) -> set[URIRef]:
        """The known skills learners must have on entry."""
        return {s.iri for s in self.entry if s.iri is not None}

    def unknown(self) -> list[tuple[Course | None, str, SkillRef]]:
        """Every unknown skill name: ``(course or None for entry, column, ref)``."""
        out: list[tuple[Course | None, str, SkillRef]] = [
            (None, "entry", s) for s in self.entry if not s.known
        ]
        for c in self.courses:
            out += [(c, "teaches", s) for s in c.teaches if not s.known]
            out += [(c, "requires", s) for s in c.requires if not s.known]
        return out


def slug(text: str) -> str:
    """A lower-case, dash-separated IRI segment for ``text``.

    Accents are dropped (``É`` → ``e``); letters and digits of other scripts are kept,
    so names written in them stay apart (an IRI may hold them).

    Examples
    --------
    >>> slug("MSc AI & Data Science"), slug("Études avancées"), slug("线性代数 1")
    ('msc-ai-data-science', 'etudes-avancees', '线性代数-1')
    >>> slug("C++"), slug("???")
    ('c', 'unnamed')
    """
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "-", plain.casefold()).strip("-") or "unnamed"


def guess_curriculum_format(name: str) -> str:
    """``"csv"`` or ``"turtle"`` from a file name.

    Examples
    --------
    >>> guess_curriculum_format("plan.CSV"), guess_curriculum_format("sheet.tsv"), guess_curriculum_format("msc.ttl")
    ('csv', 'csv', 'turtle')
    >>> guess_curriculum_format("plan.xlsx")
    Traceback (most recent call last):
    ...
    kg.errors.InvalidCurriculum: plan.xlsx: a spreadsheet workbook, not a curriculum file; save the sheet as CSV UTF-8 (columns course, term, teaches, requires) and check that
    """
    lower = name.lower()
    if lower.endswith((".csv", ".tsv", ".txt")):
        return "csv"
    if lower.endswith((".ttl", ".turtle")):
        return "turtle"
    if lower.endswith((".xlsx", ".xlsm", ".xls", ".ods", ".numbers")):
        raise InvalidCurriculum(
            name,
            "a spreadsheet workbook, not a curriculum file; save the sheet as CSV UTF-8 "
            "(columns course, term, teaches, requires) and check that",
        )
    raise InvalidCurriculum(
        name,
        "unknown curriculum file type; use a .csv or .tsv (course, term, teaches, requires) or a .ttl file",
    )


def read_curriculum(
    path: str | Path, store: Store, *, fmt: str | None = None, targets_given: bool = False
) -> Curriculum:
    """Read a curriculum file (``.csv`` or ``.ttl``) and resolve its names against ``store``.

    ``targets_given``: the caller checks target roles of its own (``--target``, the Gaps
    page's role box), which replace the file's; the file's are then kept where they
    name a role, and one naming no role is no error.

    Raises
    ------
    InvalidCurriculum
        When the file is missing, empty or malformed; the message names the row or line;
        or when a target role of the file matches no role (skills never raise: they
        become unknown refs).
    """
    p = Path(path)
    if not p.is_file():
        raise InvalidCurriculum(str(p), "no such file")
    return parse_curriculum(
        decode_text(p.read_bytes(), str(p)),
        store,
        fmt=fmt or guess_curriculum_format(p.name),
        source=str(p),
        targets_given=targets_given,
    )


def decode_text(raw: bytes, source: str) -> str:
    r"""The text of a curriculum file: UTF-8, with or without a byte-order mark, or
    UTF-16 with one (what Excel's "Unicode Text" saves).

    Raises
    ------
    InvalidCurriculum
        For bytes that are not UTF-8, naming the line, the byte and what it would be in
        Windows-1252 (what Excel's plain "CSV" saves), and how to save the file instead.

    Examples
    --------
    >>> decode_text("\ufeffcourse,term".encode(), "plan.csv")
    'course,term'
    >>> decode_text("\ufeffcourse\tterm".encode("utf-16-le"), "plan.txt")
    'course\tterm'
    >>> decode_text(b"course,term,teaches,requires\nB,2,caf\xe9,\n", "plan.csv")
    Traceback (most recent call last):
    ...
    kg.errors.InvalidCurriculum: plan.csv, line 2: not UTF-8 text (byte 0xE9 after 'B,2,caf', 'é' in Windows-1252); save the file as UTF-8 (in Excel: CSV UTF-8)
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16's byte-order mark
        try:
            return raw.decode("utf-16").lstrip("\ufeff")
        except UnicodeDecodeError as err:
            raise InvalidCurriculum(
                source,
                "not UTF-16 text after its byte-order mark; save the file as UTF-8 (in Excel: CSV UTF-8)",
                raw[: err.start].decode("utf-16", "replace").count("\n") + 1,
            ) from err
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InvalidCurriculum(
            source,
            f"not UTF-8 text ({not_utf8(raw, err.start)}); save the file as UTF-8 (in Excel: CSV UTF-8)",
            raw.count(b"\n", 0, err.start) + 1,
        ) from err


def parse_curriculum(
    text: str, store: Store, *, fmt: str, source: str = "<curriculum>", targets_given: bool = False
) -> Curriculum:
    """Parse curriculum ``text`` in ``fmt`` (``"csv"`` or ``"turtle"``) against ``store``
    (``targets_given`` as in :func:`read_curriculum`).

    Examples
    --------
    >>> from kg.store import Store
    >>> store = Store(_example_graph())
    >>> cur = parse_curriculum("course,term,teaches\\nIntro,1,Python\\n", store, fmt="csv")  # no 'requires'
    >>> [(c.label, [s.label for s in c.teaches], c.requires) for c in cur.courses]
    [('Intro', ['Python'], [])]
    >>> parse_curriculum("course,term\\n", store, fmt="csv", source="x.csv")
    Traceback (most recent call last):
    ...
    kg.errors.InvalidCurriculum: x.csv, line 1: missing column(s) 'teaches'; the header must name the columns course, term, teaches and, optionally, requires
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InvalidCurriculum(
            source, "empty file; expected a curriculum (CSV header: course, term, teaches, requires)", 1
        )
    index = LabelIndex.of(store)
    if fmt == "csv":
        cur = _parse_csv(text, index, source, targets_given)
    elif fmt in ("turtle", "ttl"):
        cur = _parse_turtle(text, index, source, targets_given)
    else:
        raise InvalidCurriculum(source, f"unknown curriculum format {fmt!r}; use 'csv' or 'turtle'")
    return cur


# ------------------------------------------------------------------ resolution


def _skill_ref(index: LabelIndex, name: str, line: int | None) -> SkillRef:
    try:
        iri = index.resolve(name, CKG.Skill)
    except UnknownEntity as err:
        note = ""
        suggestions = list(err.suggestions)
        try:
            tool = index.resolve(name, CKG.Tool)
        except UnknownEntity:
            tool = None
        supported: list[str] = []
        if tool is None:  # a role, degree or course named where a skill belongs
            other = _other_kind(index, name)
            if other is not None:
                node, kind, skills, instead = other
                note = f"{index.labels.get(node, name)!r} is a {kind}, not a skill"
                suggestions = skills[:5] or suggestions
                fix = f"{instead}, such as " + ", ".join(map(repr, skills[:3])) if skills else ""
                return SkillRef(name, None, name, line, tuple(suggestions), note, fix, instead=instead)
            several = _several_skills(index, name, suggestions)
            if several is not None:  # 'SQL and statistics': skills joined otherwise than by ';'
                parts, fix = several
                note = "it names several skills, " + _and_names([repr(p) for p in parts])
                return SkillRef(name, None, name, line, tuple(suggestions), note, fix)
        if tool is not None:
            supported = sorted(
                index.labels.get(s, label_of(index.graph, s))
                for s in index.graph.objects(tool, CKG.supportsSkill)
                if isinstance(s, URIRef)
            )
            note = f"{index.labels.get(tool, name)!r} is a tool, not a skill"
            if supported:
                note += "; it supports " + ", ".join(repr(s) for s in supported)
            suggestions = supported[:5] or suggestions
        return SkillRef(
            name, None, name, line, tuple(suggestions), note, supports=tuple(supported if tool else ())
        )
    return SkillRef(name, iri, index.labels.get(iri, label_of(index.graph, iri)), line)


_JOINED = re.compile(r"\s*(?:[,/&+]|\band\b)\s*", re.IGNORECASE)
"""What designers join skills with in one name, where careerkg reads ``;``: ``SQL and
statistics``, ``SQL & Python``, ``ML/statistics``, ``ML, Pyhton``."""


def _and_names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" and {items[-1]}"


def _several_skills(
    index: LabelIndex, name: str, closest: Sequence[str] = ()
) -> tuple[list[str], str] | None:
    """For a name that is no skill, when it joins skills otherwise than by ``;`` (a
    part of it at least names a skill): its parts and how to write them, with the
    closest skill of a part that names none. ``None`` when it does not, or when a label
    of the ``closest`` ones is the name all but a letter or two (``ETL and data pipeline``
    misspells 'ETL and data pipelines', one skill).

    Examples
    --------
    >>> from kg.store import Store
    >>> index = LabelIndex.of(Store(_example_graph()))
    >>> _several_skills(index, "Python & Linear Algebra")
    (['Python', 'Linear Algebra'], "write them separated by ';': 'Python; Linear Algebra'")
    >>> _several_skills(index, "Pyhton and Jaava") is None, _several_skills(index, "skill:python-and-sql") is None
    (True, True)
    >>> _several_skills(index, "Python and Linear Algebr", ["Python and Linear Algebra"]) is None
    True
    """
    if re.match(r"[A-Za-z][\w.-]*:\S", name):  # an IRI or prefixed name (skill:a-and-b), not a list
        return None
    import difflib

    if any(difflib.SequenceMatcher(None, normalise(name), normalise(c)).ratio() >= 0.9 for c in closest):
        return None
    parts = [p for p in _JOINED.split(name) if p.strip()]
    if len(parts) < 2:
        return None
    unknown: list[tuple[str, list[str]]] = []
    for part in parts:
        try:
            index.resolve(part, CKG.Skill)
        except UnknownEntity as err:
            unknown.append((part, list(err.suggestions)))
    if len(unknown) == len(parts):
        return None
    fix = f"write them separated by ';': {'; '.join(parts)!r}"
    for part, closest in unknown:
        fix += f"; {part!r} names no skill either" + (
            ": did you mean " + " or ".join(repr(c) for c in closest[:3]) + "?" if closest else ""
        )
    return parts, fix


_NOT_SKILLS = (CKG.Role, CKG.Degree, CKG.Certification, CKG.Course)
"""Kinds of node a designer names where a skill belongs (a tool is :func:`_skill_ref`'s)."""


def _other_kind(index: LabelIndex, name: str) -> tuple[URIRef, str, list[str], str] | None:
    """The role, degree, certification or course ``name`` names, its kind, the labels of the
    skills it stands for (a role's essential skills, what a credential or course
    teaches) and what to write instead; ``None`` when it names none.

    Examples
    --------
    >>> from kg.store import Store
    >>> node, kind, skills, instead = _other_kind(LabelIndex.of(Store(_example_graph())), "ML Engineer")
    >>> kind, skills, instead
    ('role', ['Machine Learning', 'Python', 'Linear Algebra', 'Deep Learning'], 'name the skills it requires instead')
    """
    try:
        node = index.resolve(name, _NOT_SKILLS)
    except UnknownEntity:
        return None
    graph = index.graph
    types = index.types.get(node, set())
    rank: dict[
        URIRef, tuple[int, int]
    ] = {}  # skill -> (not essential, minus the level): the most central first

    def rate(skill: Node, level: Node | None, essential: bool) -> None:
        if isinstance(skill, URIRef):
            lv = int(level.value) if isinstance(level, Literal) and isinstance(level.value, int) else 0
            rank[skill] = min(rank.get(skill, (2, 0)), (0 if essential else 1, -lv))

    if CKG.Role in types:
        kind, instead = "role", "name the skills it requires instead"
        for q in graph.objects(node, CKG.hasRequirement):
            essential = (q, CKG.importance, CKG.Essential) in graph
            for skill in graph.objects(q, CKG.requiredSkill):
                rate(skill, graph.value(q, CKG.level), essential)
    else:
        kind = next((index.kind_name(c) for c in _NOT_SKILLS if c in types), "") or "course"
        instead = "name the skills it teaches instead"
        for t in graph.objects(node, CKG.hasTeaching):
            for skill in graph.objects(t, CKG.taughtSkill):
                rate(skill, graph.value(t, CKG.level), True)
        for skill in graph.objects(node, CKG.teaches):
            rate(skill, None, True)
    named = {s: index.labels.get(s) or label_of(graph, s) for s in rank}
    return node, kind, [named[s] for s in sorted(rank, key=lambda s: (rank[s], named[s].casefold()))], instead


def _roles(names: Iterable[tuple[str, str]], role: Callable[[str, str], URIRef], given: bool) -> list[URIRef]:
    """The target roles ``names`` (``(name, as the file writes it)``), each resolved by
    ``role``; with roles ``given`` by the caller instead, one naming no role is left out.
    Without, every name naming no role is said at once (the first alone was, and the
    next only once it was corrected)."""
    found: list[URIRef] = []
    unknown: list[InvalidCurriculum] = []
    for name, shown in names:
        try:
            found.append(role(name, shown))
        except InvalidCurriculum as err:
            unknown.append(err)
    if unknown and not given:
        first = unknown[0]
        if len(unknown) == 1:
            raise first
        more = "".join(f"; and {e.reason.removeprefix('target role: ')}" for e in unknown[1:])
        raise InvalidCurriculum(first.path, first.reason + more, first.line) from first
    return _unique(found)


def _role(
    index: LabelIndex,
    name: str,
    source: str,
    line: int | None,
    shown: str = "",
    nm: NamespaceManager | None = None,
) -> URIRef:
    try:
        return index.resolve(name, CKG.Role)
    except UnknownEntity as err:
        message = str(err)
        if shown:  # the IRI as the file writes it (role:x), not spelt out
            message = message.replace(repr(name), shown, 1)
        if nm is not None and err.suggestions:  # Turtle names a role by its IRI: say which to write
            message = f"unknown role name {shown or name}; closest known roles: " + ", ".join(
                _written(index, err.suggestions, CKG.Role, nm)
            )
        raise InvalidCurriculum(source, f"target role: {message}", line) from err


def _written(index: LabelIndex, labels: Iterable[str], cls: URIRef, nm: NamespaceManager) -> list[str]:
    """Known labels as a Turtle file names them: ``skill:python ('Python programming')``.

    Examples
    --------
    >>> from kg.store import Store
    >>> g = _example_graph()
    >>> _written(LabelIndex.of(Store(g)), ["Python", "Linear Algebra"], CKG.Skill, g.namespace_manager)
    ["skill:python ('Python')", "skill:linear-algebra ('Linear Algebra')"]
    """
    out = []
    for label in labels:
        try:
            out.append(f"{_show(index.resolve(label, cls), nm)} ({label!r})")
        except UnknownEntity:
            out.append(repr(label))
    return out


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def _names(index: LabelIndex, cell: str | None, cls: URIRef) -> list[str]:
    """The names in ``cell``: separated by ``;``, or by ``,`` where a name with commas
    names nothing but each of its parts names a node of ``cls`` ("Python, SQL"); a
    part may end with a level (``Python:3``).

    Examples
    --------
    >>> from kg.store import Store
    >>> index = LabelIndex.of(Store(_example_graph()))
    >>> _names(index, "Python, Linear Algebra; Deep Learning", CKG.Skill)
    ['Python', 'Linear Algebra', 'Deep Learning']
    >>> _names(index, "Python:3, Linear Algebra:2", CKG.Skill)
    ['Python:3', 'Linear Algebra:2']
    >>> _names(index, "Python, Cobol", CKG.Skill)  # not all parts known: kept whole, reported unknown
    ['Python, Cobol']
    """
    out: list[str] = []
    for name in _split(cell):
        parts = [p.strip() for p in name.split(",") if p.strip()]
        if (
            len(parts) > 1
            and not _names_one(index, name, cls)
            and all(_names_one(index, _LEVELLED.sub("", p), cls) for p in parts)
        ):
            out += parts
        else:
            out.append(name)
    return out


_LEVELLED = re.compile(r"\s*:\s*\d+\s*$")
"""The level a CSV skill entry ends with: ``Python:3`` (as ``--know`` writes it)."""

_LEVEL_TEXT = "a level is a whole number from 1 (awareness) to 5 (expert)"

_OTHER_LEVEL = re.compile(
    r"(.+?)\s*(?:\(\s*(?:level|lvl|l)?\s*([1-5])\s*\)|[-–=]\s*(?:level|lvl|l)?\s*([1-5])|\s(?:level|lvl|l)\s*([1-5]))\s*",
    re.IGNORECASE,
)
"""A level written otherwise than ``:3``: ``Python (3)``, ``Python (level 3)``, ``Python - 3``,
``Python = 3``, ``Python level 3``, ``Python L3``."""


def _levelled(
    index: LabelIndex, text: str, column: str, course: str, source: str, line: int | None
) -> tuple[str, int | None]:
    """The skill name and the level (``None`` when none is given) of a ``teaches`` entry
    such as ``Python:3``; for another column (``column`` is ``"teaches"``,
    ``"requires"`` or ``"entry requirements"``), the name, refusing a level.

    A name that is a skill's label or IRI as it stands (``skill:python``) has no level;
    a name whose part after its last ``:`` is no number and whose part before it names
    no skill is a name (reported unknown if it is one), not a level.

    Raises
    ------
    InvalidCurriculum
        For a level out of 1 to 5, no whole number, left out after the ``:``, or given
        outside the ``teaches`` column, naming the line, the column and the course.

    Examples
    --------
    >>> from kg.store import Store
    >>> index = LabelIndex.of(Store(_example_graph()))
    >>> [_levelled(index, t, "teaches", "ML", "p.csv", 2) for t in ("Python:3", "Python", "skill:python", "Pyton : 2")]
    [('Python', 3), ('Python', None), ('skill:python', None), ('Pyton', 2)]
    >>> _levelled(index, "Python:9", "teaches", "ML", "p.csv", 2)
    Traceback (most recent call last):
    ...
    kg.errors.InvalidCurriculum: p.csv, line 2: the level 9 of 'Python' in the teaches column of 'ML' is out of range; a level is a whole number from 1 (awareness) to 5 (expert), such as 'Python:3'
    >>> _levelled(index, "Python (level 3)", "teaches", "ML", "p.csv", 2)
    Traceback (most recent call last):
    ...
    kg.errors.InvalidCurriculum: p.csv, line 2: 'Python (level 3)' in the teaches column of 'ML': write a level after a colon, 'Python:3'
    >>> _levelled(index, "Python:high", "teaches", "ML", "p.csv", 2)
    Traceback (most recent call last):
    ...
    kg.errors.InvalidCurriculum: p.csv, line 2: the level 'high' of 'Python' in the teaches column of 'ML' is not a number; a level is a whole number from 1 (awareness) to 5 (expert), such as 'Python:3'
    """
    if _names_one(index, text, CKG.Skill):
        return text, None
    written = text  # as the cell gives it, for the messages
    other = _OTHER_LEVEL.fullmatch(text)  # 'Python (3)', 'Python - level 3', 'Python L3'
    if other is not None and _names_one(index, other.group(1), CKG.Skill):
        head, level = other.group(1).strip(), next(g for g in other.groups()[1:] if g)
        where = f"in the {column} column of {course!r}" if course else f"in the {column}"
        if column == "teaches":
            raise InvalidCurriculum(
                source, f"{text!r} {where}: write a level after a colon, '{head}:{level}'", line
            )
        text = f"{head}:{level}"  # refused below as a level outside the teaches column
    if ":" not in text:
        return text, None
    head, _, tail = text.rpartition(":")
    name, level = head.strip(), tail.strip()
    where = f"in the {column} column of {course!r}" if course else f"in the {column}"
    example = f"such as '{name or 'Python programming'}:3'"
    numeric = re.fullmatch(r"[+-]?\d+(?:[.,]\d*)?", level) is not None
    if not name and (numeric or not level):
        raise InvalidCurriculum(
            source, f"no skill name before the level in {text!r} {where}; write SKILL:LEVEL, {example}", line
        )
    if not (numeric or not level or _names_one(index, name, CKG.Skill)):
        return text, None  # 'Pyton:x', 'Microsoft Certified: Azure': a name, checked as one
    if column != "teaches":
        raise InvalidCurriculum(
            source,
            f"{written!r} {where} gives a level; levels are read in the teaches column only (the level a "
            f"course teaches a skill to): write {name!r} alone here",
            line,
        )
    if not level:
        raise InvalidCurriculum(
            source,
            f"no level after ':' in {text!r} {where}; {_LEVEL_TEXT}, {example}, or write the name alone",
            line,
        )
    if not re.fullmatch(r"[+-]?\d+", level):
        raise InvalidCurriculum(
            source,
            f"the level {level!r} of {name!r} {where} is not "
            + ("a whole number" if numeric else "a number")
            + f"; {_LEVEL_TEXT}, {example}",
            line,
        )
    if not 1 <= int(level) <= 5:
        raise InvalidCurriculum(
            source,
            f"the level {int(level)} of {name!r} {where} is out of range; {_LEVEL_TEXT}, {example}",
            line,
        )
    return name, int(level)


def _names_one(index: LabelIndex, name: str, cls: URIRef) -> bool:
    try:
        index.resolve(name, cls)
    except UnknownEntity:
        return False
    return True


_TERM_WORD = r"(?:term|semester|sem|trimester|quarter|phase|stage|block|period|module|week)"

_TERM = re.compile(
    rf"(?:(?:{_TERM_WORD}|[tsqpw])\.?\s*)?(\d+)(?:\.0+|st|nd|rd|th)?(?:\s*{_TERM_WORD})?",
    re.IGNORECASE,
)
"""A term as spreadsheets write it: ``2``, ``2.0`` (a number column of Excel or
pandas), ``Term 2``, ``Semester 2``, ``S2``, ``Week 2``, ``2nd``, ``2nd semester``."""

_TERM_SPAN = re.compile(
    rf"\s*(?:{_TERM_WORD}s?\.?\s*)?(\d+)\s*(?:-|–|—|to|&|and|\+)\s*(?:{_TERM_WORD}\.?\s*)?(\d+)\s*",
    re.IGNORECASE,
)
"""Terms a course runs over: ``1-2``, ``Terms 1 & 2``, ``Semester 1 to Semester 2``."""

_NUMBER_WORDS = {
    word: n
    for n, words in enumerate(
        (
            "one first i",
            "two second ii",
            "three third iii",
            "four fourth iv",
            "five fifth v",
            "six sixth vi",
            "seven seventh vii",
            "eight eighth viii",
            "nine ninth ix",
            "ten tenth x",
            "eleven eleventh xi",
            "twelve twelfth xii",
        ),
        start=1,
    )
    for word in words.split()
}
"""A term's number in words or Roman numerals, with the word for a term (``Semester One``,
``second term``, ``Term II``; a word alone, such as ``two``, is no term)."""

_TERM_IN_WORDS = re.compile(rf"(?:{_TERM_WORD}\.?\s+)?([a-z]+)(?:\s+{_TERM_WORD})?", re.IGNORECASE)


def _term(value: str, source: str, line: int | None) -> int:
    """The term number in ``value``.

    Examples
    --------
    >>> [_term(v, "p.csv", 2) for v in ("3", "3.0", "Semester 3", "term 3", "S3", "Week 3", "3rd")]
    [3, 3, 3, 3, 3, 3, 3]
    >>> [_term(v, "p.csv", 2) for v in ("3rd semester", "Semester Three", "third term", "Term III")]
    [3, 3, 3, 3]
    >>> [_term(v, "p.csv", 2) for v in ("Term 3 (Autumn)", "3 (weeks 25-36)", "Semester 3 [2025]")]
    [3, 3, 3]
    >>> _term("Year 2", "p.csv", 2)
    Traceback (most recent call last):
    ...
    kg.errors.InvalidCurriculum: p.csv, line 2: bad term 'Year 2'; a term is a whole number from 1 (1 = first term), such as 2 or 'Semester 2'; if each course runs a whole year, write the year as its term (2); with terms in a year, number them on (year 2, semester 1 = term 3)
    >>> _term("II", "p.csv", 2)
    Traceback (most recent call last):
    ...
    kg.errors.InvalidCurriculum: p.csv, line 2: bad term 'II'; a term is a whole number from 1 (1 = first term), such as 2 or 'Semester 2'; if 'II' is the term's number, write 2 or 'Term II'
    >>> _term("Year 1 Semester 2", "p.csv", 2)
    Traceback (most recent call last):
    ...
    kg.errors.InvalidCurriculum: p.csv, line 2: bad term 'Year 1 Semester 2'; a term is a whole number from 1 (1 = first term), such as 2 or 'Semester 2'; number the terms of a programme of several years on (year 2, semester 1 = term 3)
    """
    # a note in brackets after the term is the designer's: 'Term 1 (Autumn)', '2 (weeks 13-24)'
    plain = re.sub(r"\s*[(\[][^()\[\]]*[)\]]\s*$", "", value).strip() or value.strip()
    words = _TERM_IN_WORDS.fullmatch(plain)
    if words is not None and words.group(0).strip() != words.group(1):  # 'Term II', not 'two' or 'I' alone
        n = _NUMBER_WORDS.get(words.group(1).casefold())
        if n is not None:
            return n
    match = _TERM.fullmatch(plain)
    if match is None or int(match.group(1)) < 1:
        span = _TERM_SPAN.fullmatch(value)
        several = len(re.findall(r"\d+", value)) > 1 and not re.fullmatch(r"\s*\d+[.,]\d+\s*", value)
        hint = ""
        if span is not None and int(span.group(1)) < int(span.group(2)):  # a course over terms 1 to 2
            hint = (
                f"; a course has one term, and {value.strip()!r} spans several: split it into one course a "
                f"term, each with what it teaches, or give it the term it ends in ({int(span.group(2))}), "
                "so that only later courses count on what it teaches"
            )
        elif several:
            hint = "; number the terms of a programme of several years on (year 2, semester 1 = term 3)"
        elif year := re.fullmatch(r"\s*(?:year|yr|y)\.?\s*(\d+)\s*", value, re.IGNORECASE):
            hint = (
                f"; if each course runs a whole year, write the year as its term ({int(year.group(1))}); "
                "with terms in a year, number them on (year 2, semester 1 = term 3)"
            )
        elif (n := _NUMBER_WORDS.get(plain.casefold())) is not None:  # 'II' or 'two' alone: read as a term
            hint = f"; if {plain!r} is the term's number, write {n} or 'Term {plain}'"
        elif re.search(
            r"\b(?:autumn|fall|winter|spring|summer|michaelmas|lent|hilary|easter|trinity)\b", value, re.I
        ):
            hint = (
                "; number the terms in the order they run, from 1 (a programme starting in autumn: "
                "autumn 1, spring 2, summer 3)"
            )
        raise InvalidCurriculum(
            source,
            f"bad term {value!r}; a term is a whole number from 1 (1 = first term), such as 2 or 'Semester 2'"
            + hint,
            line,
        )
    return int(match.group(1))


# ------------------------------------------------------------------------- CSV


def _delimiter(text: str) -> str:
    """The column separator of a curriculum CSV: ``,``, or the ``;`` or tab of the header.

    A spreadsheet saved as CSV in a locale with a decimal comma separates the columns
    with ``;`` (several skills in one cell are then quoted); a table copied from a
    spreadsheet separates them with tabs. The header row tells which: the first row
    that is no ``#`` line, if it names the required columns only when split at ``;`` or
    tab, or else names more columns (or names like them: "Semester") that way.

    Examples
    --------
    >>> _delimiter("course,term,teaches,requires\\nML,1,machine learning; statistics,\\n")
    ','
    >>> _delimiter('# a note\\nCourse;Term;Teaches;Requires;Credits\\nML;1;"Python; SQL";;5\\n')
    ';'
    >>> _delimiter("course\\tterm\\tteaches\\n"), _delimiter("Module;Semester;Skills\\n")
    ('\\t', ';')
    """
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        best, most = ",", 1
        for sep in (",", ";", "\t"):
            names = [_column_key(c.strip().strip('"')) for c in line.split(sep)]
            if set(CSV_REQUIRED) <= set(names):
                return sep
            named = sum(1 for n in names if n in CSV_COLUMNS or _lookalike(n))
            if named > most:
                best, most = sep, named
        return best
    return ","


def _column_key(name: str) -> str:
    """A header cell as careerkg compares it with the column names: any case, any spacing.

    Examples
    --------
    >>> _column_key("  Teaches "), _column_key("Skills   Taught")
    ('teaches', 'skills taught')
    """
    return " ".join(name.casefold().split())


def _lookalike_key(name: str) -> str:
    return " ".join(re.sub(r"[-_/.]+", " ", _column_key(name)).split())


def _lookalike(name: str) -> str:
    """The column a header name other than the column names stands for, if it seems to
    stand for one: a name designers use (``Prerequisites``, ``Semester``, ``Skills``) or
    a misspelling (``teachs``); ``""`` when it does not.

    Examples
    --------
    >>> [_lookalike(n) for n in ("Prerequisites", "pre-requisites", "Semester", "skills_taught", "requries", "credits")]
    ['requires', 'requires', 'term', 'teaches', 'requires', '']
    """
    import difflib

    key = _lookalike_key(name)
    if key in CSV_COLUMNS:
        return ""
    if key in _LOOKALIKES:
        return _LOOKALIKES[key]
    close = difflib.get_close_matches(key, CSV_COLUMNS, n=1, cutoff=0.75)
    return close[0] if close else ""


def _parse_csv(text: str, index: LabelIndex, source: str, targets_given: bool = False) -> Curriculum:
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    meta: dict[str, tuple[str, int]] = {}
    header: dict[str, int] | None = None
    width = 0
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if cells[0].lstrip().startswith("#"):
                comment = delimiter.join(cells).strip().rstrip(delimiter).lstrip("#").strip()
                key, sep, value = comment.partition(":")
                if sep and (meta_key := _meta_key(key, source, line)) is not None:
                    meta[meta_key] = (value.strip(), line)
                continue
            if header is None:
                names = [_column_key(c) for c in cells]
                _check_header(cells, source, line)
                for c in CSV_COLUMNS:
                    at = [i + 1 for i, n in enumerate(names) if n == c]
                    if len(at) > 1:
                        raise InvalidCurriculum(
                            source,
                            f"the column {c!r} appears {len(at)} times (columns "
                            + ", ".join(map(str, at))
                            + "); keep one and put several skills in its cells, separated by ';'",
                            line,
                        )
                header = {c: names.index(c) for c in CSV_COLUMNS if c in names}
                width = len(names)
                continue
            if len(cells) > width:  # a cell split at a ',' would shift the next cells along
                extra = [c.strip() for c in cells[width:] if c.strip()]
                raise InvalidCurriculum(
                    source,
                    f"{len(cells)} cells but the header has {width} columns"
                    + (" (extra: " + ", ".join(repr(c) for c in extra[:3]) + ")" if extra else "")
                    + _split_cell_hint(delimiter),
                    line,
                )
            rows.append((line, cells))
    except csv.Error as err:
        raise InvalidCurriculum(source, f"CSV syntax error: {err}", reader.line_num) from err
    if header is None:
        raise InvalidCurriculum(source, "no header row; expected the columns " + _COLUMNS_TEXT, 1)
    if not rows:
        raise InvalidCurriculum(source, "no course rows after the header", reader.line_num or 1)

    title, _ = meta.get("title", ("", 0))
    title = title or Path(source).stem.replace("_", " ").replace("-", " ").strip() or "Curriculum"
    cur_slug = slug(title)
    courses: dict[str, Course] = {}
    folded: dict[str, tuple[str, int]] = {}  # each course name folded: the name first written, its row
    slugs: set[str] = set()  # of the course IRIs: two names may slug alike ('C++', 'C#')
    previous: Course | None = None
    for line, cells in rows:

        def cell(col: str, cells: list[str] = cells) -> str:
            i = header.get(col, len(cells))  # type: ignore[union-attr]  # no 'requires': empty
            return cells[i] if i < len(cells) else ""

        name = cell("course").strip()
        if not name and not cell("term").strip() and previous is not None:
            name = previous.label  # more skills of the course above (merged cells, one skill a row)
        if not name:
            raise InvalidCurriculum(
                source,
                "empty course name; every row needs a course"
                + (
                    " (a row with neither course nor term adds to the course above)"
                    if previous is not None
                    else ""
                ),
                line,
            )
        key = name.casefold()
        course = courses.get(key)
        alike = folded.setdefault(fold(name), (name, line))
        if course is None and alike[0].casefold() != key:
            # "Intro-to-ML" beside "Intro to ML": one course, or two the report could not tell apart
            raise InvalidCurriculum(
                source,
                f"course {name!r} is named like {alike[0]!r} (line {alike[1]}) but for case, spaces, hyphens "
                "or underscores; give them one name if they are one course, or names that tell them apart",
                line,
            )
        if course is None and not cell("term").strip():  # was "bad term ''"
            raise InvalidCurriculum(
                source,
                f"course {name!r} has no term; give it a term from 1 (1 = first term), such as 2 or "
                "'Semester 2' (only a course's later rows may leave the term out)",
                line,
            )
        # a course's later rows may leave its term out: the term is the course's
        term = (
            course.term
            if course is not None and not cell("term").strip()
            else _term(cell("term"), source, line)
        )
        if course is None:
            base = course_slug = slug(name)
            n = 1
            while course_slug in slugs:
                n += 1
                course_slug = f"{base}-{n}"
            slugs.add(course_slug)
            course = courses[key] = Course(COURSE[f"{cur_slug}/{course_slug}"], name, term, line=line)
        elif course.term != term:
            raise InvalidCurriculum(
                source,
                f"course {name!r} is in term {course.term} on line {course.line} but in term {term} here; "
                "give each course one term (or different names)",
                line,
            )
        for column, refs in (("teaches", course.teaches), ("requires", course.requires)):
            for text in _names(index, cell(column), CKG.Skill):
                skill_name, level = _levelled(index, text, column, name, source, line)
                refs.append(replace(_skill_ref(index, skill_name, line), level=level))
        previous = course

    _name_courses(courses.values())
    _name_tools(courses.values())
    entry_text, entry_line = meta.get("entry", ("", 0))
    targets_text, targets_line = meta.get("targets", ("", 0))
    return Curriculum(
        iri=CURRICULUM[cur_slug],
        label=title,
        courses=_ordered(courses.values()),
        entry=[
            _skill_ref(
                index, _levelled(index, n, "entry requirements", "", source, entry_line)[0], entry_line
            )
            for n in _names(index, entry_text, CKG.Skill)
        ],
        targets=_roles(
            ((n, "") for n in _names(index, targets_text, CKG.Role)),
            lambda name, _shown: _role(index, name, source, targets_line),
            targets_given,
        ),
        source=source,
        fmt="csv",
    )


def _name_courses(courses: Iterable[Course], aliases: dict[str, Course] | None = None) -> None:
    """Say so where a skill cell names a course of the curriculum instead of a skill.

    Designers write the course a course builds on ("requires: Stats 101"); as a skill
    name it matches nothing, and "check the spelling" would be the wrong advice. The
    name stays unknown (which of the course's skills are needed is the designer's
    call), with a note naming the course and its term and a fix listing what it teaches.

    Examples
    --------
    >>> from kg.store import Store
    >>> cur = parse_curriculum(
    ...     "course,term,teaches,requires\\nMaths 1,1,Linear Algebra,\\nML,2,Machine Learning,maths 1\\n",
    ...     Store(_example_graph()), fmt="csv", source="plan.csv")
    >>> ref = cur.courses[1].requires[0]
    >>> ref.known, ref.note
    (False, "'Maths 1' is a course of this curriculum (term 1), not a skill")
    >>> print(ref.fix)
    name the skills needed from 'Maths 1' instead, such as 'Linear Algebra'
    """
    courses = list(courses)
    by_name = {_course_key(c.label): c for c in courses} | {str(c.iri): c for c in courses} | (aliases or {})
    for c in courses:
        for refs in (c.teaches, c.requires):
            for i, r in enumerate(refs):
                named = None if r.known else by_name.get(_course_key(r.name)) or by_name.get(r.name)
                if named is None:
                    continue
                where = f"term {named.term}"
                if named is c:
                    where = "this very course"
                elif refs is c.requires and named.term == c.term:
                    where += f", the same as {c.label!r}"
                elif refs is c.requires and named.term > c.term:
                    where += f", after {c.label!r} in term {c.term}"
                taught = [s.label for s in named.teaches if s.known]
                refs[i] = replace(
                    r,
                    suggestions=tuple(taught),
                    note=f"{named.label!r} is a course of this curriculum ({where}), not a skill",
                    fix=f"name the skills needed from {named.label!r} instead"
                    + (", such as " + ", ".join(repr(t) for t in taught[:5]) if taught else ""),
                )


def _name_tools(
    courses: Iterable[Course], written: Callable[[Sequence[str]], list[str]] | None = None
) -> None:
    """For a tool named among the skills a course teaches, leave out of the fix the
    skills the tool supports that the course already teaches, and say so.

    ``written`` gives labels as the file would name them (Turtle: their IRIs).

    Examples
    --------
    >>> from kg.store import Store
    >>> cur = parse_curriculum(
    ...     "course,term,teaches,requires\\nDL,1,Deep Learning; PyTorch,\\n",
    ...     Store(_example_graph()), fmt="csv", source="plan.csv")
    >>> print(cur.courses[0].teaches[1].fix)
    the course already teaches 'Deep Learning', which 'PyTorch' supports: drop 'PyTorch' from its skills
    """
    show = written or (lambda labels: [repr(label) for label in labels])
    for c in courses:
        taught = {s.label for s in c.teaches if s.known}
        for i, r in enumerate(c.teaches):
            already = [label for label in r.supports if label in taught]
            if r.known or not already:
                continue
            rest = [label for label in r.supports if label not in taught]
            c.teaches[i] = replace(
                r,
                suggestions=tuple(rest[:5]),
                fix=f"the course already teaches {', '.join(show(already))}, which {r.name!r} supports: "
                f"drop {r.name!r} from its skills"
                + (
                    f", or name others it is used to teach, such as {', '.join(show(rest[:3]))}"
                    if rest
                    else ""
                ),
            )


def _course_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _split_cell_hint(delimiter: str) -> str:
    """How to write several skills in one cell when the row has too many cells.

    In a ``;``-separated file the ``;`` between skills is what split the cell: the
    cell must be quoted (Excel quotes it when it saves), or its skills separated by ``,``.

    Examples
    --------
    >>> _split_cell_hint(",")
    "; separate several skills in one cell with ';', not ',' (or quote the cell)"
    >>> print(_split_cell_hint(";"))
    ; the columns are separated by ';', so a cell listing several skills must be in double quotes ("Python programming; SQL"), or separate its skills with ','
    >>> _split_cell_hint("\t")
    "; separate several skills in one cell with ';', not tab"
    """
    if delimiter == ";":
        return (
            "; the columns are separated by ';', so a cell listing several skills must be in double "
            "quotes (\"Python programming; SQL\"), or separate its skills with ','"
        )
    if delimiter == ",":
        return "; separate several skills in one cell with ';', not ',' (or quote the cell)"
    return "; separate several skills in one cell with ';', not tab"


_COLUMNS_TEXT = "course, term, teaches and, optionally, requires"
"""The columns of a curriculum CSV, in words."""


def _course_row(cells: list[str]) -> list[str] | None:
    r"""The cells of a first row that reads as a course, not as a header (the courses
    copied from a spreadsheet without their header row): three cells or more, split at
    a tab, ``;`` or ``,`` when the row is one cell, none of them naming a column and one
    after the first a term. ``None`` for a row that may be a header.

    Examples
    --------
    >>> _course_row(["Intro\t1\tPython programming"])
    ['Intro', '1', 'Python programming']
    >>> _course_row(["ML", "Semester 2", "machine learning", ""])
    ['ML', 'Semester 2', 'machine learning']
    >>> _course_row(["Module", "Semester", "Skills"]) is None, _course_row(["Module", "Year", "Skills"]) is None
    (True, True)
    """
    splits = [cells] if len(cells) > 1 else [cells[0].split(sep) for sep in ("\t", ";", ",")]
    for parts in splits:
        shown = [p.strip() for p in parts if p.strip()]
        if len(shown) < 3 or any(_column_key(p) in CSV_COLUMNS or _lookalike(p) for p in shown):
            continue
        for value in shown[1:]:
            try:
                _term(value, "", None)
            except InvalidCurriculum:
                continue
            return shown
    return None


def _check_header(cells: list[str], source: str, line: int) -> None:
    """Refuse a header row without the required columns, or whose column for the skills
    a course requires is named otherwise (it would be ignored, and those skills lost),
    saying which of its names to rename.

    Examples
    --------
    >>> _check_header(["Course", " TERM ", "teaches", "credits"], "p.csv", 1)  # no 'requires': fine
    >>> _check_header(["Module", "Semester", "Skills", "Notes"], "p.csv", 1)
    Traceback (most recent call last):
    ...
    kg.errors.InvalidCurriculum: p.csv, line 1: missing column(s) 'course', 'term', 'teaches'; the header must name the columns course, term, teaches and, optionally, requires (found 'Module', 'Semester', 'Skills', 'Notes': rename 'Module' to 'course', 'Semester' to 'term', 'Skills' to 'teaches')
    >>> _check_header(["course", "term", "teaches", "Prerequisites"], "p.csv", 1)
    Traceback (most recent call last):
    ...
    kg.errors.InvalidCurriculum: p.csv, line 1: the column 'Prerequisites' would be ignored: careerkg reads the columns course, term, teaches and, optionally, requires; rename it 'requires' if it lists the skills a course requires before it starts (or give it another name if it holds something else)
    """
    names = [_column_key(c) for c in cells]
    missing = [c for c in CSV_REQUIRED if c not in names]
    if missing:
        hint = ""
        row = _course_row(cells)
        if row is not None:  # the courses copied without their header row
            hint = (
                f" (line {line} reads as a course row, not a header: {', '.join(repr(c) for c in row)}; "
                f"put the header row {', '.join(CSV_COLUMNS)} above the courses, or copy it with them)"
            )
        elif len(cells) == 1:
            hint = f" (the header {cells[0].strip()!r} is one column: separate the columns with ',')"
        else:
            other = [c.strip() for c in cells if c.strip() and _column_key(c) not in CSV_COLUMNS]
            absent = [*missing, *(["requires"] if "requires" not in names else [])]
            # one name for each absent column: a misspelling of it before a name designers use
            like: dict[str, str] = {}
            for c in sorted(other, key=lambda c: _lookalike_key(c) in _LOOKALIKES):
                if (to := _lookalike(c)) in absent:
                    like.setdefault(to, c)
            renames = [f"{c!r} to {col!r}" for c in other if like.get(col := _lookalike(c)) == c]
            if other:
                hint = " (found " + ", ".join(repr(c) for c in other)
                hint += (": rename " + ", ".join(renames) if renames else "") + ")"
        raise InvalidCurriculum(
            source,
            "missing column(s) "
            + ", ".join(repr(m) for m in missing)
            + "; the header must name the columns "
            + _COLUMNS_TEXT
            + hint,
            line,
        )
    if "requires" not in names:
        looks = [c.strip() for c in cells if _lookalike(c) == "requires"]
        if looks:
            raise InvalidCurriculum(
                source,
                f"the column {looks[0]!r} would be ignored: careerkg reads the columns {_COLUMNS_TEXT}; "
                f"rename it 'requires' if it lists the skills a course requires before it starts "
                "(or give it another name if it holds something else)",
                line,
            )


def _ordered(courses: Iterable[Course]) -> list[Course]:
    out = []
    for c in sorted(courses, key=lambda c: (c.term, c.label.casefold())):
        c.teaches = _dedupe(c.teaches)
        c.requires = _dedupe(c.requires)
        out.append(c)
    return out


def _dedupe(refs: list[SkillRef]) -> list[SkillRef]:
    """``refs`` with each skill once, at the highest level any of its entries states."""
    seen: dict[object, int] = {}
    out: list[SkillRef] = []
    for r in refs:
        key = r.iri if r.iri is not None else r.name.casefold()
        if key not in seen:
            seen[key] = len(out)
            out.append(r)
        elif r.level is not None and (out[seen[key]].level or 0) < r.level:
            out[seen[key]] = replace(out[seen[key]], level=r.level)
    return out


def _unique(items: Iterable[URIRef]) -> list[URIRef]:
    return list(dict.fromkeys(items))


# ---------------------------------------------------------------------- Turtle


def _show(term: Node, nm: NamespaceManager) -> str:
    """``term`` as Turtle; IRIs Turtle cannot write (spaces, quotes...) in plain ``<…>``."""
    try:
        return str(term.n3(nm))
    except Exception:  # rdflib refuses to serialise an invalid IRI
        return f"<{term}>"


def _parse_turtle(text: str, index: LabelIndex, source: str, targets_given: bool = False) -> Curriculum:
    from kg.store import load_file  # local: keeps the import graph flat

    g = new_graph()
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".ttl", encoding="utf-8", delete=True) as tmp:
        tmp.write(text)
        tmp.flush()
        try:
            load_file(g, tmp.name, "turtle")
        except InputFileError as rdflib_error:
            found = rdflib_error
            try:  # Oxigraph's parser says where, with columns, as `validate` does; rdflib's dumps the buffer
                load_file(new_graph("oxigraph"), tmp.name, "turtle")
            except InputFileError as oxigraph_error:
                found = oxigraph_error
            reason = found.reason.replace(Path(tmp.name).name, Path(source).name)  # not our temporary file's
            line = min(found.line, max(len(text.splitlines()), 1)) if found.line is not None else None
            raise InvalidCurriculum(source, reason, line) from found
    lines = text.splitlines()
    nm = g.namespace_manager

    def line_of(node: URIRef | BNode, after: str = "") -> int | None:
        """The first line naming ``node`` (prefixed or full), then ``after`` below it."""
        names = [f"<{node}>"]
        if isinstance(node, URIRef):
            with contextlib.suppress(Exception):  # an IRI rdflib cannot shorten
                names.append(nm.normalizeUri(node))
        pattern = re.compile("(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w/-])")
        # prefer the line where the node starts a description, else any mention
        start = next((i for i, ln in enumerate(lines) if pattern.match(ln.lstrip())), None)
        if start is None:
            start = next((i for i, ln in enumerate(lines) if pattern.search(ln)), None)
        if start is None:
            return None
        if after:
            for j in range(start, len(lines)):
                if after in lines[j]:
                    return j + 1
        return start + 1

    undefined = _undefined_term(g)
    if undefined is not None:  # a misspelt ckg:teaches would teach nothing, silently
        bad_term, close = undefined
        raise InvalidCurriculum(
            source,
            f"{nm.normalizeUri(bad_term)} is not a term of the careerkg ontology"
            + ("; did you mean " + " or ".join(nm.normalizeUri(c) for c in close) + "?" if close else ""),
            line_of(bad_term),
        )
    materialise(g)

    curricula = sorted(s for s in g.subjects(RDF.type, CKG.Curriculum) if isinstance(s, URIRef))
    if not curricula:
        raise InvalidCurriculum(
            source,
            "no ckg:Curriculum in the file; declare one with `a ckg:Curriculum` and ckg:hasCourse courses",
        )
    if len(curricula) > 1:
        raise InvalidCurriculum(
            source,
            "the file describes several curricula ("
            + ", ".join(nm.normalizeUri(c) for c in curricula)
            + "); put each in its own file",
            line_of(curricula[1]),
        )
    cur = curricula[0]

    def refs(subject: URIRef | BNode, pred: URIRef, text_pred: URIRef) -> list[SkillRef]:
        """The skills ``subject`` names with ``pred`` (IRIs), then those it names as text
        with ``text_pred`` (the schema.org property: names that matched no skill)."""
        out = []
        for obj in sorted(g.objects(subject, pred), key=str):
            if not isinstance(obj, URIRef):
                raise InvalidCurriculum(
                    source,
                    f"{nm.normalizeUri(pred)} must name a skill by its IRI, not {_literal_hint(obj, index, nm)}",
                    line_of(subject, nm.normalizeUri(pred)),
                )
            out.append(ref_of(obj, _show(obj, nm), _skill_ref(index, str(obj), line_of(obj))))
        for obj in sorted(g.objects(subject, text_pred), key=str):
            if isinstance(obj, URIRef):  # schema.org allows an IRI too: read as with ``pred``
                out.append(ref_of(obj, _show(obj, nm), _skill_ref(index, str(obj), line_of(obj))))
            elif isinstance(obj, Literal):
                text = " ".join(str(obj).split())
                if text:
                    line = next(
                        (n for q in ('"', "'") if (n := line_of(subject, f"{q}{obj!s}{q}")) is not None),
                        line_of(subject, nm.normalizeUri(text_pred)),
                    )
                    out.append(ref_of(None, text, _skill_ref(index, text, line)))
            else:
                raise InvalidCurriculum(
                    source,
                    f"{nm.normalizeUri(text_pred)} must name a skill by its IRI or as text, not a blank node",
                    line_of(subject, nm.normalizeUri(text_pred)),
                )
        return out

    def ref_of(obj: URIRef | None, name: str, ref: SkillRef) -> SkillRef:
        """``ref`` named as the file writes it, with the fix in the file's terms (IRIs)."""
        fix = ""
        if not ref.known and ref.suggestions:  # the IRIs to write, not only their labels
            close = _written(index, ref.suggestions[:3], CKG.Skill, nm)
            fix = (
                (ref.instead or "name the skill(s) it is used to teach instead")
                + ", such as "
                + ", ".join(close)
                if ref.note
                else "did you mean " + " or ".join(close) + "?"
            )
        return SkillRef(
            name,
            ref.iri,
            ref.label if ref.known else name,
            ref.line,
            ref.suggestions,
            ref.note,
            fix,
            ref.supports,
            None if ref.known else obj,
            instead=ref.instead,
        )

    listed = set(g.objects(cur, CKG.hasCourse))
    stray = sorted(
        c
        for c in {*g.subjects(RDF.type, CKG.Course), *g.subjects(CKG.term, None)}
        if isinstance(c, URIRef) and c not in listed
    )
    if stray:  # described but not in the curriculum: it would be left out of the check
        first = stray[0]
        raise InvalidCurriculum(
            source,
            f"course {nm.normalizeUri(first)} is described but not in {nm.normalizeUri(cur)}'s ckg:hasCourse"
            + (f" (nor are {len(stray) - 1} more)" if len(stray) > 1 else "")
            + f"; add it (ckg:hasCourse {nm.normalizeUri(first)}) or remove its description",
            line_of(first),
        )

    courses = []
    for c in g.objects(cur, CKG.hasCourse):
        if not isinstance(c, URIRef):
            raise InvalidCurriculum(
                source, "courses must have IRIs (course:...), not blank nodes", line_of(cur)
            )
        terms = list(g.objects(c, CKG.term))
        where = line_of(c, "term")
        if not terms:
            raise InvalidCurriculum(
                source, f"course {nm.normalizeUri(c)} has no ckg:term; give it a term from 1", line_of(c)
            )
        if len(terms) > 1:
            raise InvalidCurriculum(
                source, f"course {nm.normalizeUri(c)} has several terms; give it one", where
            )
        value = terms[0]
        if not isinstance(value, Literal):
            raise InvalidCurriculum(
                source,
                f"term of course {nm.normalizeUri(c)} must be an integer, not {_show(value, nm)}",
                where,
            )
        term = _term(str(value), source, where)
        levels: dict[Node, int] = {}  # the level each teaching of the course reaches, when stated
        for teaching in g.objects(c, CKG.hasTeaching):
            skill, level = g.value(teaching, CKG.taughtSkill), g.value(teaching, CKG.level)
            if skill is None or level is None:
                continue
            stated = level.value if isinstance(level, Literal) else None
            if not isinstance(stated, int) or isinstance(stated, bool) or not 1 <= stated <= 5:
                from kg.validate import term_text  # a literal as written: 7, "high", 2.5

                raise InvalidCurriculum(
                    source,
                    f"the level {term_text(g, level)} of {_show(c, nm)}'s teaching of {_show(skill, nm)} is no "
                    "level: a level is a whole number from 1 (awareness) to 5 (expert), such as ckg:level 3",
                    line_of(c, "ckg:level"),
                )
            levels[skill] = max(levels.get(skill, 0), stated)
        courses.append(
            Course(
                c,
                label_of(g, c),
                term,
                [
                    replace(r, level=levels.get(r.iri)) if r.iri in levels else r
                    for r in refs(c, CKG.teaches, SDO.teaches)
                ],
                refs(c, CKG.requiresPrior, SDO.coursePrerequisites),
                line_of(c),
            )
        )
    _name_courses(courses, {_show(c.iri, nm): c for c in courses})  # as refs() names them: course:x
    _name_tools(courses, lambda labels: _written(index, labels, CKG.Skill, nm))
    if not courses:
        raise InvalidCurriculum(
            source,
            f"curriculum {nm.normalizeUri(cur)} has no ckg:hasCourse; list its courses "
            f"({nm.normalizeUri(cur)} ckg:hasCourse course:a, course:b), each `a ckg:Course` with a "
            "skos:prefLabel, a ckg:term from 1 and the skills it teaches (ckg:hasTeaching or ckg:teaches)",
            line_of(cur),
        )
    named: dict[str, Course] = {}
    for course in sorted(courses, key=lambda k: (k.line or 0, str(k.iri))):
        same = named.setdefault(fold(course.label), course)
        if same is not course:  # the report names courses by their names: it could not tell these apart
            at = f" (line {same.line})" if same.line else ""
            raise InvalidCurriculum(
                source,
                f"courses {_show(same.iri, nm)}{at} and {_show(course.iri, nm)} are both named {same.label!r}; "
                "give each course its own skos:prefLabel (or make them one course)",
                course.line,
            )
    cites = {
        node: sorted(o for o in g.objects(node, DCTERMS.source) if isinstance(o, URIRef))
        for node in [cur, *(c.iri for c in courses)]
    }
    documents = {
        doc: str(title)
        for docs in cites.values()
        for doc in docs
        if (title := g.value(doc, DCTERMS.title)) is not None
    }
    return Curriculum(
        iri=cur,
        label=label_of(g, cur),
        courses=_ordered(courses),
        cites={node: docs for node, docs in cites.items() if docs},
        documents=documents,
        entry=refs(cur, CKG.entryRequirement, SDO.programPrerequisites),
        targets=_roles(
            ((str(r), _show(r, nm)) for r in sorted(g.objects(cur, CKG.targetRole), key=str)),
            lambda name, shown: _role(index, name, source, line_of(cur, "targetRole"), shown, nm),
            targets_given,
        ),
        source=source,
        fmt="turtle",
    )


def _undefined_term(g: Graph) -> tuple[URIRef, list[URIRef]] | None:
    """The first ``ckg:`` property or class of ``g`` the ontology does not define, with
    the closest defined terms; ``None`` when every ``ckg:`` term is defined."""
    import difflib

    from kg.validate import ontology_terms  # local: validation is not needed to read CSV

    known = ontology_terms()
    used = sorted(
        {p for p in g.predicates() if isinstance(p, URIRef) and p.startswith(str(CKG)) and p not in known}
        | {
            o
            for o in g.objects(None, RDF.type)
            if isinstance(o, URIRef) and o.startswith(str(CKG)) and o not in known
        }
    )
    if not used:
        return None
    term = str(used[0]).removeprefix(str(CKG))
    # a property (lower-case initial) is closest to properties, a class to classes
    names = {n: t for t in known if (n := str(t).removeprefix(str(CKG)))[:1].islower() == term[:1].islower()}
    close = difflib.get_close_matches(term, list(names), n=3, cutoff=0.6)

    def ratio(name: str) -> float:
        return difflib.SequenceMatcher(None, term, name).ratio()

    # the closest and those nearly as close: 'Corse' is ckg:Course, not also ckg:IdleCourse
    close = [c for c in close if ratio(c) >= ratio(close[0]) - 0.1]
    return used[0], [names[c] for c in close]


def _literal_hint(obj: Node, index: LabelIndex, nm: NamespaceManager) -> str:
    """How a non-IRI object naming a skill reads in a message, with the IRI to write."""
    if not isinstance(obj, Literal):
        return "a blank node"
    text = str(obj)
    try:
        iri = index.resolve(text, CKG.Skill)
    except UnknownEntity as err:
        close = (
            f"; closest skills: {', '.join(repr(c) for c in err.suggestions[:3])}" if err.suggestions else ""
        )
        return f"the text {text!r}{close}"
    return f"the text {text!r}; write {_show(iri, nm)}"


# ------------------------------------------------------------------ writing RDF


def curriculum_graph(curriculum: Curriculum, graph: Graph | None = None) -> Graph:
    """Describe ``curriculum`` in the careerkg ontology (a CSV curriculum as Turtle).

    Reading the description back with :func:`parse_curriculum` gives the same
    curriculum, with the same unknown skills. A name that matched no skill has no
    skill IRI, and careerkg makes none up for it: it is kept as text with the
    schema.org property the careerkg one closely matches, whose values may be text
    (``schema:teaches``, ``schema:coursePrerequisites``, and
    ``schema:programPrerequisites`` for an entry requirement). Queries on
    ``ckg:teaches`` see the known skills only. An IRI of a Turtle curriculum that names
    no skill is written back as the file gave it.

    The curriculum and each course cite their source (``dcterms:source``), as the
    shapes ask of every course and curriculum: the documents a Turtle file cites, and
    otherwise the curriculum file itself, a ``ckg:SourceDocument`` titled with its
    name (:func:`curriculum_file`).

    Examples
    --------
    >>> from kg.store import Store
    >>> store = Store(_example_graph())
    >>> cur = parse_curriculum("course,term,teaches,requires\\nIntro,1,Python; Pyhton,Stats 101\\n", store, fmt="csv", source="intro.csv")
    >>> g = curriculum_graph(cur)
    >>> from kg.namespace import SKILL
    >>> (cur.courses[0].iri, CKG.teaches, SKILL.python) in g
    True
    >>> sorted(str(o) for o in g.objects(cur.courses[0].iri, SDO.teaches)), str(g.value(cur.courses[0].iri, SDO.coursePrerequisites))
    (['Pyhton'], 'Stats 101')
    >>> again = parse_curriculum(g.serialize(format="turtle"), store, fmt="turtle", source="intro.ttl")
    >>> [(c.label, [s.name for s in c.teaches], [s.name for s in c.requires]) for c in again.courses]
    [('Intro', ['skill:python', 'Pyhton'], ['Stats 101'])]
    >>> [(column, r.name, r.suggestions) for _, column, r in again.unknown()]
    [('teaches', 'Pyhton', ('Python',)), ('requires', 'Stats 101', ())]
    >>> doc = g.value(cur.courses[0].iri, DCTERMS.source)
    >>> doc == curriculum_file(cur), str(g.value(doc, DCTERMS.title))
    (True, 'curriculum file intro.csv')
    """
    g = graph if graph is not None else new_graph()
    cur = curriculum.iri
    own = curriculum_file(curriculum)

    def cite(node: URIRef) -> None:
        for doc in curriculum.cites.get(node) or [own]:
            g.add((node, DCTERMS.source, doc))
            title = _file_title(curriculum) if doc == own else curriculum.documents.get(doc)
            if title is not None:  # else described elsewhere (src:curated in the shipped data)
                g.add((doc, RDF.type, CKG.SourceDocument))
                g.add((doc, DCTERMS.title, Literal(title, lang="en")))

    def unknown(subject: URIRef, refs: Iterable[SkillRef], pred: URIRef, text_pred: URIRef) -> None:
        for r in refs:
            if r.known:
                continue
            if r.written is not None:  # as the Turtle file gave it: not made up here
                g.add((subject, pred, r.written))
            else:
                g.add((subject, text_pred, Literal(r.name)))

    g.add((cur, RDF.type, CKG.Curriculum))
    g.add((cur, SKOS.prefLabel, Literal(curriculum.label, lang="en")))
    cite(cur)
    for s in sorted(curriculum.entry_skills()):
        g.add((cur, CKG.entryRequirement, s))
    unknown(cur, curriculum.entry, CKG.entryRequirement, SDO.programPrerequisites)
    for r in curriculum.targets:
        g.add((cur, CKG.targetRole, r))
    for c in curriculum.courses:
        g.add((cur, CKG.hasCourse, c.iri))
        g.add((c.iri, RDF.type, CKG.Course))
        g.add((c.iri, SKOS.prefLabel, Literal(c.label, lang="en")))
        g.add((c.iri, CKG.term, Literal(c.term)))
        cite(c.iri)
        levels = {r.iri: r.level for r in c.teaches if r.iri is not None and r.level is not None}
        for s in sorted(c.taught_skills()):
            t = BNode()
            g.add((c.iri, CKG.hasTeaching, t))
            g.add((t, RDF.type, CKG.Teaching))
            g.add((t, CKG.taughtSkill, s))
            if s in levels:
                g.add((t, CKG.level, Literal(levels[s])))
            g.add((c.iri, CKG.teaches, s))
        for s in sorted(c.required_skills()):
            g.add((c.iri, CKG.requiresPrior, s))
        unknown(c.iri, c.teaches, CKG.teaches, SDO.teaches)
        unknown(c.iri, c.requires, CKG.requiresPrior, SDO.coursePrerequisites)
    return g


def curriculum_file(curriculum: Curriculum) -> URIRef:
    """The IRI of the file ``curriculum`` was read from, as a source document its
    courses cite when the file cites none.

    Examples
    --------
    >>> curriculum_file(Curriculum(CURRICULUM["plan"], "plan", source="plans/plan.csv"))
    rdflib.term.URIRef('https://w3id.org/careerkg/id/curriculum/plan/file')
    """
    return URIRef(f"{curriculum.iri}/file")


def _file_title(curriculum: Curriculum) -> str:
    name = Path(curriculum.source).name if curriculum.source else ""
    return f"curriculum file {name}" if name else f"curriculum {curriculum.label}, as given"


def curriculum_csv(curriculum: Curriculum, store: Store, terms: Mapping[URIRef, int] | None = None) -> str:
    r"""``curriculum`` as the CSV a designer keeps, its courses in the terms ``terms``
    gives (by course IRI) or their own; reading it back gives the same curriculum.

    One row per course (``course, term, teaches, requires``), by term; skills by label,
    with the level a course teaches them to where stated (``Python:3``), names that
    matched no skill as written (nothing is lost); the name, the entry
    requirements and the target roles as the ``#`` lines above the header.

    Examples
    --------
    >>> from kg.store import Store
    >>> store = Store(_example_graph())
    >>> plan = "# target roles: ML Engineer\ncourse,term,teaches,requires\nML,1,Machine Learning,Pyton\nMaths,2,Linear Algebra,\n"
    >>> cur = parse_curriculum(plan, store, fmt="csv", source="plan.csv")
    >>> text = curriculum_csv(cur, store, {cur.courses[0].iri: 3})
    >>> print(text, end="")
    # curriculum: plan
    # target roles: ML Engineer
    course,term,teaches,requires
    Maths,2,Linear Algebra,
    ML,3,Machine Learning,Pyton
    >>> again = parse_curriculum(text, store, fmt="csv", source="plan.csv")
    >>> [(c.label, c.term, [s.label for s in c.teaches], [s.name for s in c.requires]) for c in again.courses]
    [('Maths', 2, ['Linear Algebra'], []), ('ML', 3, ['Machine Learning'], ['Pyton'])]
    """
    labels = LabelIndex.of(store).labels

    def names(refs: Iterable[SkillRef]) -> str:
        return "; ".join(
            (r.label if r.known else r.name) + (f":{r.level}" if r.level is not None else "") for r in refs
        )

    out = io.StringIO()
    out.write(f"# curriculum: {curriculum.label}\n")
    if curriculum.entry:
        out.write(f"# entry requirements: {names(curriculum.entry)}\n")
    if curriculum.targets:
        roles = [labels.get(r) or label_of(store.graph, r) for r in curriculum.targets]
        out.write(f"# target roles: {'; '.join(roles)}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    moved = terms or {}
    rows = sorted(
        ((moved.get(c.iri, c.term), c) for c in curriculum.courses),
        key=lambda t: (t[0], t[1].label.casefold()),
    )
    for term, c in rows:
        writer.writerow([c.label, term, names(c.teaches), names(c.requires)])
    return out.getvalue()


def _example_graph() -> Graph:
    """A four-skill, one-role graph for examples and tests.

    Skills: Python; Linear Algebra; Machine Learning (prerequisites Python and Linear
    Algebra); Deep Learning (prerequisite Machine Learning). The tool PyTorch supports
    Deep Learning. Role: ML Engineer, which needs all four skills (Deep Learning is
    optional, the others essential).

    Examples
    --------
    >>> len(list(_example_graph().subjects(RDF.type, CKG.Skill)))
    4
    """
    g = new_graph()
    g.parse(data=_TINY, format="turtle")
    materialise(g)
    return g


_TINY = """
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix role: <https://w3id.org/careerkg/id/role/> .
@prefix tool: <https://w3id.org/careerkg/id/tool/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
skill:python a ckg:Skill ; skos:prefLabel "Python"@en ; skos:altLabel "Python programming"@en .
skill:linear-algebra a ckg:Skill ; skos:prefLabel "Linear Algebra"@en .
skill:machine-learning a ckg:Skill ; skos:prefLabel "Machine Learning"@en ;
    ckg:hasPrerequisite skill:python, skill:linear-algebra .
skill:deep-learning a ckg:Skill ; skos:prefLabel "Deep Learning"@en ;
    ckg:hasPrerequisite skill:machine-learning .
tool:pytorch a ckg:Tool ; skos:prefLabel "PyTorch"@en ; ckg:supportsSkill skill:deep-learning .
role:ml-engineer a ckg:Role ; skos:prefLabel "ML Engineer"@en ;
    ckg:hasRequirement [ ckg:requiredSkill skill:python ; ckg:importance ckg:Essential ; ckg:level 3 ] ,
        [ ckg:requiredSkill skill:linear-algebra ; ckg:importance ckg:Essential ; ckg:level 2 ] ,
        [ ckg:requiredSkill skill:machine-learning ; ckg:importance ckg:Essential ; ckg:level 3 ] ,
        [ ckg:requiredSkill skill:deep-learning ; ckg:importance ckg:Optional ; ckg:level 2 ] .
"""
