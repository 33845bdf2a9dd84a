"""Path finder page: compute a learning path with :func:`kg.paths.plan` and lay it out.

Examples
--------
>>> from kg.store import Store
>>> store = Store.default()
>>> result = compute(store, "Software Engineer", "Machine Learning Engineer", [])
>>> result["error"] is None and len(result["path"]["steps"]) > 0
True
>>> compute(store, None, "Machine Lerning Enginer", [])["error"]  # doctest: +ELLIPSIS
"unknown role name 'Machine Lerning Enginer'; closest known labels: ...
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from dash import dcc, html

from dashboard.components import hours, sr_only, step_list, swatch, type_badge
from dashboard.elements import cytoscape_layout, to_elements
from dashboard.figures import effort_figure
from dashboard.urls import node_url, page_title, path_url
from dashboard.views.common import share_name
from kg.errors import KGError
from kg.explore import areas, graph_of, path_view
from kg.memo import memoized
from kg.paths import alternative_note, optional_only_note, path_notes, unspecified_note
from kg.pathtext import VALIDATING_TITLE, shortfall_note, weeks_text

__all__ = [
    "KNOW_KINDS",
    "LEVEL_NOTE",
    "MAX_ALTERNATIVES",
    "OPTIONAL_HINT",
    "OPTIONAL_LABEL",
    "OPTIONAL_WORDS",
    "OPTIONS_CAP",
    "TOOLS_TYPED",
    "TOOL_NOTE",
    "UNREAD",
    "KnowEntry",
    "KnowMeant",
    "announcement",
    "box_options",
    "clamp_alternatives",
    "closest_options",
    "compute",
    "followed_address",
    "join_problems",
    "know_box",
    "know_box_options",
    "know_options",
    "know_problem",
    "known_text",
    "message_box",
    "nothing_to_learn",
    "read_know",
    "read_optional",
    "render",
    "resolve_role",
    "role_options",
    "search_options",
    "select_all_undone",
    "share_title",
    "share_url",
    "skill_options",
    "suggested_address",
    "tool_skills",
    "typed_tools",
]

Result = dict[str, Any]

MAX_ALTERNATIVES = 5
"""The most alternative routes the page asks for (the input's ``max``)."""

EMPTY_HINT = (
    "No path yet: choose a target role and press Find path; the steps, suggested "
    "credentials and alternative routes show here."
)


def clamp_alternatives(value: Any) -> int:
    """The number of alternatives to ask for: ``value`` as a whole number within
    0..:data:`MAX_ALTERNATIVES` (0 for anything not a number).

    Examples
    --------
    >>> [clamp_alternatives(v) for v in (-3, 99, "2", None, "x", 1.7)]
    [0, 5, 2, 0, 0, 1]
    """
    try:
        n = int(value or 0)
    except (TypeError, ValueError):
        return 0
    return max(0, min(MAX_ALTERNATIVES, n))


OPTIONAL_WORDS = {
    **dict.fromkeys(("1", "yes", "true", "on", ""), True),
    **dict.fromkeys(("0", "no", "false", "off"), False),
}
"""The ``optional`` query values the path finder understands (any case); a bare
``?optional`` (the empty value) asks for the optional requirements, as a flag does."""

OPTIONAL_LABEL = "Optional skills too"
"""The path finder's checkbox that plans the roles' optional requirements too."""
OPTIONAL_HINT = f"Tick “{OPTIONAL_LABEL}” to plan them."
"""Said after the note on roles with only optional requirements, which the plan left out."""


def read_optional(value: Any) -> tuple[bool, str]:
    """The ``optional`` query value of a path address: whether the plan learns the
    roles' optional requirements too, and what is wrong with a value not understood
    (``""`` when nothing is). Repeated, the last value counts, as in the address bar.

    Examples
    --------
    >>> read_optional("1"), read_optional(""), read_optional(None), read_optional(["0", "yes"])
    ((True, ''), (True, ''), (False, ''), (True, ''))
    >>> read_optional("maybe")
    (False, "optional='maybe' in the address is not understood: use optional=1 to learn the optional skills too, or leave it out")
    """
    if isinstance(value, list):
        value = value[-1] if value else None
    if value is None:
        return False, ""
    flag = OPTIONAL_WORDS.get(str(value).strip().lower())
    if flag is None:
        return False, (
            f"optional={str(value)!r} in the address is not understood: "
            "use optional=1 to learn the optional skills too, or leave it out"
        )
    return flag, ""


def join_problems(problems: Sequence[str]) -> str:
    """Several error messages as one, one sentence per line (:func:`message_box` shows
    each line as a paragraph).

    Examples
    --------
    >>> print(join_problems(["unknown role name 'Foo'", "unknown role name 'Wizard'."]))
    unknown role name 'Foo'.
    unknown role name 'Wizard'.
    """
    return "\n".join(p if p.rstrip().endswith((".", "?", "!")) else p.rstrip() + "." for p in problems)


def message_box(message: str | None) -> Any:
    """The alert showing an error message, one paragraph per line; ``None`` for none.

    Examples
    --------
    >>> box = message_box("a.\\nb.")
    >>> [p.children for p in box.children]
    ['a.', 'b.']
    >>> message_box("") is None
    True
    """
    if not message:
        return None
    lines = [line for line in message.splitlines() if line.strip()]
    return html.Div(
        [html.P(line, className="alert-line", style={"margin": "0.2em 0"}) for line in lines],
        className="alert",
        role="alert",
    )


OPTIONS_CAP = 300
"""The role and skill boxes list every role or skill up to this many. Beyond (ESCO has
3,000 occupations and 14,000 skills) they list the chosen ones and what the user
types finds the rest on the server, as the explorer's search does: Dash's dropdown
indexes its options in the browser and fails on that many ("Too many properties to
enumerate"), and the page weighed 2.5 MB."""

KNOW_KINDS = ("skill",)
"""What the known-skills box offers: skills, which the plan counts (a tool such as
PyTorch is refused with the skills it supports, as ``--know`` refuses it)."""


def _nodes(store: Any, kinds: Sequence[str]) -> list[tuple[str, str]]:
    """``(label, iri)`` of every node of the ``kinds``, sorted by label (computed once
    per store version)."""

    def build() -> list[tuple[str, str]]:
        G = graph_of(store)
        found = [(str(d.get("label", n)), str(n)) for n, d in G.nodes(data=True) if d.get("type") in kinds]
        return sorted(found, key=lambda r: (r[0].casefold(), r[1]))

    return memoized(store, "path-box-nodes", tuple(kinds), build)


def _options(store: Any, kind: str, chosen: Iterable[str]) -> list[dict[str, str]]:
    nodes = _nodes(store, [kind])
    if len(nodes) > OPTIONS_CAP:
        keep = {str(c) for c in chosen}
        nodes = [(label, iri) for label, iri in nodes if iri in keep]
    return [{"label": label, "value": iri} for label, iri in nodes]


def role_options(store: Any, chosen: Iterable[str] = ()) -> list[dict[str, str]]:
    """The options of a role box: every role, sorted by label, or on a graph with more
    than :data:`OPTIONS_CAP` roles the ``chosen`` ones (see :func:`search_options`).

    Examples
    --------
    >>> from kg.store import Store
    >>> [o["label"] for o in role_options(Store.default())][:2]
    ['AI Architect', 'Computer Vision Engineer']
    """
    return _options(store, "role", chosen)


def skill_options(store: Any, chosen: Iterable[str] = ()) -> list[dict[str, str]]:
    """The options of a skill box, as :func:`role_options` gives roles."""
    return _options(store, "skill", chosen)


def search_options(
    store: Any, kinds: Sequence[str], text: str | None, chosen: Iterable[str]
) -> list[dict[str, str]] | None:
    """The options of a box for nodes of the ``kinds`` (``["role"]``; :data:`KNOW_KINDS`
    for known skills) for what the user typed: the labels and alt labels that
    match, and the ``chosen`` values (an ``IRI:level`` of the known-skills box keeps its
    level). ``None`` when the box lists every node already (a graph of up to
    :data:`OPTIONS_CAP` of its first kind, see :func:`role_options`) or nothing was
    typed: the browser filters the options it has.

    Examples
    --------
    >>> from kg.store import Store
    >>> search_options(Store.default(), ["role"], "data", []) is None  # the curated roles are all listed
    True
    """
    if not text or not text.strip() or len(_nodes(store, kinds[:1])) <= OPTIONS_CAP:
        return None
    from kg.explore import search

    options: list[dict[str, str]] = []
    for hit in search(store, text, types=list(kinds), limit=25, closest=True):
        matched = hit.matched  # the other name it was found by, if not its label
        extra = f" ({matched})" if matched != hit.label else ""
        option = {"label": f"{hit.label}{extra}", "value": hit.iri, "search": f"{hit.label} {matched} {text}"}
        options.append(_as_closest(option, text) if hit.close else option)
    listed = {o["value"] for o in options}
    labels = {iri: label for label, iri in _nodes(store, kinds)}
    for value in chosen:
        if value in listed:
            continue
        iri, level = _split_level(str(value))
        if iri not in labels and "://" not in str(value):  # kept as typed (know_box)
            options.insert(0, {"label": f"{value}{UNREAD}", "value": str(value)})
            continue
        label = labels.get(iri, iri)
        options.insert(0, {"label": f"{label} (level {level})" if level else label, "value": str(value)})
    return options


CLOSEST = " — closest match"
"""Marks an option offered because its name is close to a misspelt text."""


TOOL_NOTE = " — a skill {tool} supports"
"""Marks an option offered because the text typed in the known-skills box names a tool
(the plan counts skills; ``--know PyTorch`` is answered with the skills it supports)."""

_TOOL_MARK = re.compile(" — a skill .+ supports$")

LEVEL_NOTE = ": levels go from 1 to 5"
"""Said of a level offered for one typed out of 1-5 ("Python programming (level 5, the
top: levels go from 1 to 5)" for ``Python:9``)."""

_LEVEL_MARK = re.compile(r"(\(level \d), the (?:top|lowest)" + re.escape(LEVEL_NOTE) + r"\)")


def _unmark(label: str) -> str:
    """``label`` without the mark of an earlier search (:data:`CLOSEST`, :data:`TOOL_NOTE`,
    :data:`LEVEL_NOTE`).

    Examples
    --------
    >>> _unmark("deep learning — a skill PyTorch supports"), _unmark("SQL — closest match")
    ('deep learning', 'SQL')
    >>> _unmark("SQL (level 5, the top: levels go from 1 to 5)")
    'SQL (level 5)'
    >>> _unmark("Linux command line and shell scripting — also called Bash")
    'Linux command line and shell scripting'
    """
    return _LEVEL_MARK.sub(r"\1)", _ALSO_MARK.sub("", _TOOL_MARK.sub("", label.removesuffix(CLOSEST))))


def tool_skills(store: Any, name: str) -> tuple[str, list[tuple[str, str]]] | None:
    """The tool called ``name`` (label or alt label) and the skills it supports, as
    ``(tool label, [(skill label, skill IRI), ...])`` sorted by label; ``None`` when
    ``name`` names no tool. A lookup, not a search: it is asked at every key typed.

    Examples
    --------
    >>> from kg.store import Store
    >>> tool, skills = tool_skills(Store.default(), "pytorch")
    >>> tool, [label for label, _ in skills][:2]
    ('PyTorch', ['convolutional neural networks', 'deep learning'])
    >>> tool_skills(Store.default(), "Python programming") is None  # a skill
    True
    """
    from kg.names import LabelIndex, normalise
    from kg.namespace import CKG

    index = LabelIndex.of(store)
    tools = sorted(n for n in index.by_name.get(normalise(name), ()) if CKG.Tool in index.types.get(n, set()))
    if not tools:
        return None
    return _supported(index, tools[0], name)


def _supported(index: Any, tool: Any, name: str) -> tuple[str, list[tuple[str, str]]]:
    """``(tool label, [(skill label, skill IRI), ...])`` of the skills ``tool`` supports."""
    from kg.namespace import CKG

    skills = sorted(
        ((str(index.labels.get(s, s)), str(s)) for s in index.graph.objects(tool, CKG.supportsSkill)),
        key=lambda r: (r[0].casefold(), r[1]),
    )
    return str(index.labels.get(tool, name)), skills


TOOLS_TYPED = 3
"""The most tools a partly typed name offers the skills of (``Micro``: Microsoft Excel
and Microsoft Power BI)."""


def typed_tools(store: Any, text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The tools ``text`` names, as :func:`tool_skills` gives one: the tool called so,
    else (a name partly typed, three letters or more) the tools a label or alt label of
    which starts with it, at most :data:`TOOLS_TYPED`, best first. ``PyTorc`` offered
    nothing where ``PyTorch`` offered its skills and ``Pytho`` offered Python.

    Examples
    --------
    >>> from kg.store import Store
    >>> [tool for tool, _ in typed_tools(Store.default(), "PyTorc")]
    ['PyTorch']
    >>> [tool for tool, _ in typed_tools(Store.default(), "spar")]  # an alt label, 'Spark'
    ['Apache Spark']
    >>> [tool for tool, _ in typed_tools(Store.default(), "micro")]
    ['Microsoft Excel', 'Microsoft Power BI']
    >>> typed_tools(Store.default(), "learn"), typed_tools(Store.default(), "Py")  # inside a name; too short
    ([], [])
    """
    from kg.names import LabelIndex, fold
    from kg.namespace import CKG

    exact = tool_skills(store, text)
    if exact is not None:
        return [exact]
    key = fold(text)
    if len(key) < 3:
        return []
    index = LabelIndex.of(store)
    tools = [
        tool
        for tool in index.search(text, CKG.Tool, limit=20)
        if any(fold(name).startswith(key) for name in (index.labels.get(tool, ""), *index.alt.get(tool, ())))
    ]
    return [_supported(index, tool, text) for tool in tools[:TOOLS_TYPED]]


ALSO = " — also called {name}"
"""Marks an option offered because the text typed is in another name of it (an alt
label): "Linux command line and shell scripting — also called Bash"."""

_ALSO_MARK = re.compile(" — also called .+$")


def _as_also(option: dict[str, Any], name: str, text: str) -> dict[str, Any]:
    """``option`` offered for ``text`` found in its other name ``name``: marked, and
    findable by that text."""
    label = str(option["label"])
    return {**option, "label": label + ALSO.format(name=name), "search": f"{label} {name} {text}"}


def _as_closest(option: dict[str, str], text: str) -> dict[str, str]:
    """``option`` offered for the misspelt ``text``: marked, and findable by that text
    (the dropdown keeps only the options whose search text contains what was typed)."""
    return {**option, "label": option["label"] + CLOSEST, "search": f"{option['label']} {text}"}


def closest_options(
    store: Any, kinds: Sequence[str], text: str | None, options: Sequence[dict[str, Any]]
) -> list[dict[str, Any]] | None:
    """The options of a box that lists every node (a small graph), for a misspelt text.

    When no option's label contains ``text``, the options closest to it come first,
    closest first, marked "closest match" and findable by ``text``; otherwise (or when ``text`` is empty)
    the options lose any earlier marks. ``None`` when nothing changes.

    Examples
    --------
    >>> from kg.store import Store
    >>> store = Store.default()
    >>> opts = role_options(store)
    >>> marked = closest_options(store, ["role"], "Machine Lerning Enginer", opts)
    >>> [o["label"] for o in marked if o["label"].endswith(CLOSEST)][:1]
    ['Machine Learning Engineer — closest match']
    >>> [o["label"] for o in closest_options(store, ["role"], "Machine Learning Engineer", opts)][:2]
    ['Machine Learning Engineer', 'Lead Machine Learning Engineer']
    >>> closest_options(store, ["role"], "AI Architect", opts) is None  # found as typed, first already
    True
    >>> closest_options(store, ["role"], "", marked) == opts  # marks gone, order back
    True
    """
    typed = (text or "").strip()
    marked = [_unmark(str(o.get("label", ""))) != str(o.get("label", "")) for o in options]
    plain = [
        {k: v for k, v in {**o, "label": _unmark(str(o["label"]))}.items() if k != "search"} if m else o
        for o, m in zip(options, marked, strict=True)
    ]
    # back in the box's own order (its nodes by label, then the chosen levels and tools),
    # from closest marks or from the order of a text typed before
    rank = {iri: i for i, (_label, iri) in enumerate(_nodes(store, kinds[:1]))}
    plain = sorted((o for o in plain if str(o["value"]) in rank), key=lambda o: rank[str(o["value"])]) + [
        o for o in plain if str(o["value"]) not in rank
    ]
    changed = plain != list(options)
    if not typed:
        return plain if changed else None
    from kg.explore import search

    key = typed.casefold()
    hits = search(store, typed, types=list(kinds), limit=10, closest=True)
    # a node found by another name (an alt label: 'Bash', 'BI Analyst'), after the
    # labels holding the text; the browser filters labels alone, and said "No options found"
    also = {h.iri: h.matched for h in hits if _by_other_name(store, h, typed)}
    # a name whose words the words typed start ('mach learn eng', 'softw dev'): found by
    # the search, not by the browser's filter, which said "No options found"
    starts = [h.iri for h in hits if not h.close and h.iri not in also and key not in h.label.casefold()]
    also |= {h.iri: name for h in hits if h.iri in starts and (name := _other_name(store, h))}  # said so
    if also or starts:
        holding = _by_match([o for o in plain if key in str(o.get("label", "")).casefold()], key)
        rank = {iri: i for i, iri in enumerate([*also, *starts])}
        named = sorted((o for o in plain if str(o["value"]) in rank), key=lambda o: rank[str(o["value"])])
        ours = {str(o["value"]) for o in holding + named}
        return (
            holding
            + [
                _as_also(o, also[str(o["value"])], typed)
                if str(o["value"]) in also
                else {**o, "search": f"{o['label']} {typed}"}
                for o in named
            ]
            + [o for o in plain if str(o["value"]) not in ours]
        )
    if any(key in str(o.get("label", "")).casefold() for o in plain):
        ordered = _by_match(plain, key)
        return ordered if ordered != list(options) else None
    close = [h.iri for h in hits if h.close][:5]
    if not close:
        return plain if changed else None
    rank = {iri: i for i, iri in enumerate(close)}
    marked = sorted((o for o in plain if str(o["value"]) in rank), key=lambda o: rank[str(o["value"])])
    return [_as_closest(o, typed) for o in marked] + [o for o in plain if str(o["value"]) not in rank]


def _by_match(options: Sequence[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """``options`` with the labels ``key`` (casefolded) matches best first: the label
    itself, then labels starting with it, then labels with a word starting with it, then
    labels holding it, then the rest, each group in its order. The browser keeps the
    order as it filters, and Enter picks the first: "Machine Learning Engineer" typed
    picked "Lead Machine Learning Engineer", first by label.

    Examples
    --------
    >>> opts = [{"label": n} for n in ["Lead Machine Learning Engineer", "Machine Learning Engineer",
    ...                                 "MLOps Engineer", "Senior Machine Learning Engineer"]]
    >>> [o["label"] for o in _by_match(opts, "machine learning engineer")]  # doctest: +NORMALIZE_WHITESPACE
    ['Machine Learning Engineer', 'Lead Machine Learning Engineer', 'Senior Machine Learning Engineer',
     'MLOps Engineer']
    >>> [o["label"] for o in _by_match(opts, "ml")][:1]
    ['MLOps Engineer']
    """

    def rank(option: dict[str, Any]) -> int:
        label = _unmark(str(option.get("label", ""))).casefold()
        if label == key:
            return 0
        if label.startswith(key):
            return 1
        if f" {key}" in label:
            return 2
        return 3 if key in label else 4

    return sorted(options, key=rank)


def box_options(
    store: Any,
    kinds: Sequence[str],
    text: str | None,
    chosen: Iterable[str],
    options: Sequence[dict[str, Any]],
) -> list[dict[str, Any]] | None:
    """The new options of a role or skill box for what the user typed (``None``: keep
    them): searched on the server on a big graph (:func:`search_options`), the closest
    names marked for a misspelt text on a small one (:func:`closest_options`)."""
    found = search_options(store, kinds, text, chosen)
    return closest_options(store, kinds, text, options) if found is None else found


# a level of two digits at most: "ISO 9001:2015" is a name, not a level
_TYPED_LEVEL = re.compile(r"^(?P<name>.*?\S)\s*:\s*(?P<level>[+-]?\d{1,2})\s*$")


def know_box_options(
    store: Any, text: str | None, chosen: Iterable[str], options: Sequence[dict[str, Any]]
) -> list[dict[str, Any]] | None:
    """The known-skills box's options for what the user typed. ``Python:3`` offers
    the skills named so at level 3 ("Python programming (level 3)", first, findable by
    the text typed), as ``--know`` and ``?know=`` take them; otherwise as
    :func:`box_options` (``None``: keep the options).

    Examples
    --------
    >>> from kg.store import Store
    >>> store = Store.default()
    >>> opts = know_box_options(store, "python:3", [], skill_options(store))
    >>> opts[0]["label"], opts[0]["value"].rsplit("/", 1)[-1], opts[0]["search"]
    ('Python programming (level 3)', 'python:3', 'Python programming python:3')

    A tool typed (``PyTorch``, ``PyTorch:3``), or the start of its name (``PyTorc``,
    :func:`typed_tools`), offers the skills it supports, marked (:data:`TOOL_NOTE`),
    after any skill named with the text: the plan counts skills, and the box said "No
    options found".

    >>> [o["label"] for o in know_box_options(store, "PyTorch", [], skill_options(store))][:1]
    ['convolutional neural networks — a skill PyTorch supports']
    >>> [o["label"] for o in know_box_options(store, "pytorch:3", [], skill_options(store))][:1]
    ['convolutional neural networks (level 3) — a skill PyTorch supports']
    >>> [o["label"] for o in know_box_options(store, "PyTorc", [], skill_options(store))][:1]
    ['convolutional neural networks — a skill PyTorch supports']

    A level out of 1-5 offers the nearest one, and says so (:data:`LEVEL_NOTE`).

    >>> opts = know_box_options(store, "Python:9", [], skill_options(store))
    >>> opts[0]["label"], opts[0]["value"].rsplit("/", 1)[-1]
    ('Python programming (level 5, the top: levels go from 1 to 5)', 'python:5')
    """
    typed = _TYPED_LEVEL.match(text or "")
    name = typed.group("name") if typed else (text or "").strip()
    tools = typed_tools(store, name) if name else []
    supported = _tools_offered(tools)
    if typed is None:
        found = box_options(store, list(KNOW_KINDS), text, chosen, options)
        if not tools:
            return found
        # a tool typed, or partly typed: the skills it supports, said so ("No options
        # found" was all), after the skills named so
        listed = list(options if found is None else found)
        key = (text or "").strip().casefold()
        named = [o for o in listed if _names(o, key) and o.get("value") not in supported]
        offered = [
            {"label": label + note, "value": iri, "search": f"{label} {text}"}
            for iri, (label, note) in supported.items()
            if iri not in {o.get("value") for o in named}
        ]
        ours = {o["value"] for o in named + offered}
        return named + offered + [o for o in listed if o.get("value") not in ours]
    from kg.explore import search

    asked = int(typed.group("level"))
    level = max(1, min(5, asked))
    # 'Python:9' offered Python "— closest match", and counted it at level 5 unsaid
    bound = "" if level == asked else f", the {'top' if asked > 5 else 'lowest'}{LEVEL_NOTE}"
    hits = search(store, name, types=list(KNOW_KINDS), limit=10, closest=True)
    # the skills named so (when a tool is named too, none merely close), then the tools'
    # a skill found by another name says it, as without a level ('SQL:3' offered 'database
    # management systems (level 3)' on ESCO, found by its other name 'NonStop SQL')
    pairs = [
        (hit.label, hit.iri, ALSO.format(name=hit.matched) if _by_other_name(store, hit, name) else "")
        for hit in hits
        if not (tools and hit.close)
    ]
    pairs += [
        (label, iri, note) for iri, (label, note) in supported.items() if iri not in {p[1] for p in pairs}
    ]
    leveled = [
        {
            "label": f"{label} (level {level}{bound}){note}",
            "value": f"{iri}:{level}",
            "search": f"{label} {text}",
        }
        for label, iri, note in pairs
    ]
    values = {o["value"] for o in leveled}
    kept = set(chosen)
    # the skills and the chosen levels stay (without the mark of an earlier search);
    # the levels offered for an earlier text go
    rest = [
        {k: v for k, v in o.items() if k != "search"} | {"label": _unmark(str(o["label"]))}
        for o in options
        if o.get("value") not in values
        and (o.get("value") in kept or _split_level(str(o.get("value")))[1] is None)
    ]
    return leveled + rest


def _by_other_name(store: Any, hit: Any, text: str) -> bool:
    """Whether a search ``hit`` for ``text`` was found by another name of its node (an
    alt label holding the text), not by its label, its IRI nor as a closest match.

    Examples
    --------
    >>> from kg.explore import search
    >>> from kg.store import Store
    >>> store = Store.default()
    >>> [_by_other_name(store, h, t) for t in ("Bash", "Linux", "skill:bash") for h in search(store, t)[:1]]
    [True, False, False]
    """
    key = text.strip().casefold()
    if key in hit.label.casefold() or key not in hit.matched.casefold():
        return False  # (a name its words start: see _other_name)
    return _other_name(store, hit) is not None


def _other_name(store: Any, hit: Any) -> str | None:
    """The other name (alt label) of its node a search ``hit`` was found by; ``None`` when
    found by its label, its IRI or as a closest match.

    Examples
    --------
    >>> from kg.explore import search
    >>> from kg.store import Store
    >>> store = Store.default()
    >>> [_other_name(store, h) for t in ("softw dev", "skill:bash") for h in search(store, t)[:2]]
    [None, 'Software Developer', None]
    """
    from rdflib import URIRef

    from kg.names import LabelIndex

    if hit.close or hit.matched == hit.label:
        return None
    return hit.matched if hit.matched in LabelIndex.of(store).alt.get(URIRef(hit.iri), ()) else None


def _tools_offered(tools: Sequence[tuple[str, list[tuple[str, str]]]]) -> dict[str, tuple[str, str]]:
    """``{skill IRI: (skill label, mark)}`` of the skills the ``tools`` support, in order,
    each marked (:data:`TOOL_NOTE`) with the first tool supporting it."""
    supported: dict[str, tuple[str, str]] = {}
    for tool, skills in tools:
        for label, iri in skills:
            supported.setdefault(iri, (label, TOOL_NOTE.format(tool=tool)))
    return supported


def _names(option: Mapping[str, Any], key: str) -> bool:
    """Whether ``option`` is a skill named with ``key`` (casefolded), not one offered as
    a closest match or for a tool."""
    label = str(option.get("label", ""))
    return (
        bool(key) and key in label.casefold() and not label.endswith(CLOSEST) and not _TOOL_MARK.search(label)
    )


def select_all_undone(
    value: Sequence[str] | None, previous: Sequence[str] | None, options: Sequence[Mapping[str, Any]]
) -> str | None:
    """What to say when the known-skills box's value is its "Select All" of the whole
    list, to be undone (``None`` otherwise). Dash's multi dropdown shows "Select All"
    with no property to hide it (dash 4.4: ``labels`` only renames it); pressed with
    nothing typed it chose every skill, each counted known at level 5, and the plan
    became "nothing to learn". Typed text first, it selects the skills that match,
    which is kept.

    It is Select All when more than one value came at once and every option of the
    box is chosen (a click on an option adds one).

    Parameters
    ----------
    value, previous : sequence of str or None
        The box's value now and before.
    options : sequence of mapping
        The box's options (``{"label", "value"}``).

    Examples
    --------
    >>> opts = [{"label": x, "value": x} for x in "abcd"]
    >>> select_all_undone(list("abcd"), ["a"], opts)  # doctest: +NORMALIZE_WHITESPACE
    "'Select All' would count all 4 skills listed as known, at level 5, the top: it was
     undone. Choose the skills you have; type part of a name first to select all that match."
    >>> select_all_undone(["a", "b"], ["a"], opts) is None  # one chosen
    True
    >>> select_all_undone(["a", "b", "c"], [], opts) is None  # not the whole list: typed text's matches
    True
    """
    now, was = set(value or []), set(previous or [])
    listed = {str(o.get("value")) for o in options}
    if len(now - was) < 2 or not listed or not listed <= now:
        return None
    return (
        f"'Select All' would count all {len(listed)} skills listed as known, at level 5, the top:"
        " it was undone. Choose the skills you have; type part of a name first to select all that match."
    )


def resolve_role(store: Any, name: str) -> str:
    """The IRI of the role ``name`` (a label, alt label, IRI or prefixed name), as
    ``careerkg path`` reads its SOURCE and TARGET, so an address names an unknown role
    as the CLI does ("unknown role name 'X'", the closest labels, or the skill it names).

    Examples
    --------
    >>> from kg.store import Store
    >>> resolve_role(Store.default(), "MLE")
    'https://w3id.org/careerkg/id/role/machine-learning-engineer'
    >>> resolve_role(Store.default(), "Sofware Enginer")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownEntity: unknown role name 'Sofware Enginer'; closest known labels: 'Software Engineer'
    """
    from kg.names import LabelIndex
    from kg.namespace import CKG

    return str(LabelIndex.of(store).resolve(name, CKG.Role))


def _know_items(know: str | Sequence[str] | None) -> list[str]:
    """The entries of a ``?know=`` value: comma-separated, repeated parameters merged.

    Examples
    --------
    >>> _know_items(["Python:3, SQL", "", "statistics"])
    ['Python:3', 'SQL', 'statistics']
    """
    parts = [know] if isinstance(know, str) else list(know or [])
    return [item.strip() for part in parts for item in part.split(",") if item.strip()]


class KnowEntry(NamedTuple):
    """One entry of the known skills (``?know=`` or the box), as :func:`read_know` reads it."""

    text: str
    """The entry as typed (``"Pythn:3"``)."""
    value: str | None
    """``IRI`` or ``IRI:level`` when understood, else ``None``."""
    problem: str
    """What is wrong with it, as ``--know`` says it (``""`` when nothing is)."""
    meant: str | None
    """For a misspelt name, the value it most likely meant: the closest skill at the
    level given (``None`` when nothing is close, or the entry is not misspelt)."""


def read_know(store: Any, know: str | Sequence[str] | None) -> list[KnowEntry]:
    """Each entry of the known skills read as ``careerkg path --know`` reads it
    (:func:`kg.paths.resolve_known`), in order; repeated ``know`` parameters merged.

    Examples
    --------
    >>> from kg.store import Store
    >>> good, bad = read_know(Store.default(), "SQL,Pythn:3")
    >>> good.value.rsplit("/", 1)[-1], good.problem
    ('sql', '')
    >>> bad.value, bad.problem
    (None, "unknown skill name 'Pythn'; closest known labels: 'Python programming'")
    >>> bad.meant.rsplit("/", 1)[-1]  # the closest skill, at the level typed
    'python:3'
    >>> read_know(Store.default(), "Python:9")[0].meant is None  # not misspelt: not guessed
    True
    """
    from kg.errors import UnknownEntity
    from kg.paths import resolve_known

    entries: list[KnowEntry] = []
    for text in _know_items(know):
        try:
            iri, level = resolve_known(store, text)
        except UnknownEntity as err:
            meant = None
            if err.suggestions:
                _name, level = _split_level(text)
                try:
                    iri, _ = resolve_known(store, err.suggestions[0])
                    meant = f"{iri}:{level}" if level and 1 <= level <= 5 else str(iri)
                except KGError:
                    meant = None
            entries.append(KnowEntry(text, None, str(err), meant))
            continue
        except KGError as err:
            entries.append(KnowEntry(text, None, str(err), None))
            continue
        entries.append(KnowEntry(text, f"{iri}:{level}" if level else str(iri), "", None))
    return entries


UNREAD = " (not understood)"
"""Marks an entry of the known-skills box kept as typed because it was not understood
(the message above the page says why and what would be right)."""


def know_problem(entry: KnowEntry) -> str:
    """The message for an entry not understood, quoting the entry as typed when the
    message does not ("unknown skill name 'Pythn'" of ``Pythn:3`` lost the level).

    Examples
    --------
    >>> know_problem(KnowEntry("Pythn:3", None, "unknown skill name 'Pythn'", None))
    "Known skill 'Pythn:3': unknown skill name 'Pythn'"
    >>> know_problem(KnowEntry("Python:9", None, "level 9 in 'Python:9' is out of range", None))
    "level 9 in 'Python:9' is out of range"
    """
    if not entry.problem or repr(entry.text) in entry.problem:
        return entry.problem
    return f"Known skill {entry.text!r}: {entry.problem}"


class KnowMeant(NamedTuple):
    """What the entries of a ``?know=`` value most likely meant, for a "Did you mean"
    address (:func:`know_box`, :func:`suggested_address`)."""

    values: list[str]
    """Each entry understood (``IRI`` or ``IRI:level``) or corrected (a misspelt name's
    closest skill at the level typed), once each."""
    left_out: list[str]
    """The entries as typed that have no likely meaning (a tool, a level out of range, a
    name with no close skill): left out of the address, and said to be."""
    corrected: bool
    """Whether an entry was corrected (there is something to offer)."""


def know_box(
    store: Any, know: str | Sequence[str] | None
) -> tuple[list[dict[str, str]], list[str], str, KnowMeant]:
    """The known-skills box for a ``?know=`` value, keeping what the user typed.

    Returns
    -------
    options, values : list
        The box's options and chosen values: each entry understood as ``IRI`` or
        ``IRI:level``, and each entry not understood kept as typed, marked
        :data:`UNREAD` (it was dropped, and what the user typed was lost).
    problem : str
        One line per entry not understood (:func:`know_problem`, :func:`join_problems`).
    meant : KnowMeant
        The values the entries most likely meant (each misspelt name its closest skill
        at the level typed), for a "Did you mean" address, and the entries with no
        likely meaning (a tool, a level out of range), which that address leaves out.

    Examples
    --------
    >>> from kg.store import Store
    >>> options, values, problem, meant = know_box(Store.default(), "Pythn:3,SQL")
    >>> [v.rsplit("/", 1)[-1] for v in values]
    ['Pythn:3', 'sql']
    >>> [o["label"] for o in options if o["value"] == "Pythn:3"]
    ['Pythn:3 (not understood)']
    >>> problem
    "Known skill 'Pythn:3': unknown skill name 'Pythn'; closest known labels: 'Python programming'."
    >>> [v.rsplit("/", 1)[-1] for v in meant.values], meant.left_out, meant.corrected
    (['python:3', 'sql'], [], True)
    >>> know_box(Store.default(), "Python:9")[3]
    KnowMeant(values=[], left_out=['Python:9'], corrected=False)
    >>> [v.rsplit("/", 1)[-1] for v in know_box(Store.default(), "Pyton,Python")[3].values]
    ['python']
    """
    entries = read_know(store, know)
    good = [e.value for e in entries if e.value]
    options, _values, _ = _known_options(store, good)
    options += [{"label": e.text + UNREAD, "value": e.text} for e in entries if not e.value]
    values = [e.value or e.text for e in entries]
    problem = join_problems([know_problem(e) for e in entries if not e.value])
    # once each: 'Pyton,Python' meant Python once, not "knowing Python programming, Python programming"
    meant = list(dict.fromkeys(m for e in entries if (m := e.value or e.meant)))
    left_out = [e.text for e in entries if not (e.value or e.meant)]
    return options, values, problem, KnowMeant(meant, left_out, any(e.meant for e in entries))


def know_options(store: Any, know: str | Sequence[str] | None) -> tuple[list[dict[str, str]], list[str], str]:
    """Options and values of the known-skills box for a ``?know=`` value: each entry
    becomes ``IRI`` or ``IRI:level``; an entry the CLI's ``--know`` refuses (an
    unknown name, a tool, a level out of 1-5 or no whole number) gives its message
    instead (:func:`kg.paths.resolve_known`), one line each (:func:`join_problems`).
    The page keeps such entries in the box (:func:`know_box`).

    Examples
    --------
    >>> from kg.store import Store
    >>> _, values, problem = know_options(Store.default(), "Python:9,SQL")
    >>> values, problem
    (['https://w3id.org/careerkg/id/skill/sql'], "level 9 in 'Python:9' is out of range; give a level from 1 to 5, e.g. 'Python:3'.")
    """
    entries = read_know(store, know)
    return _known_options(
        store, [e.value for e in entries if e.value], [e.problem for e in entries if e.problem]
    )


def _known_options(
    store: Any, values: list[str], problems: Sequence[str] = ()
) -> tuple[list[dict[str, str]], list[str], str]:
    """The box's options for understood ``values`` (``IRI`` or ``IRI:level``)."""
    options = skill_options(store, values)
    labels = {o["value"]: o["label"] for o in options}
    for value in values:
        iri, level = _split_level(value)
        if level:
            options.append(
                {"label": f"{labels.get(iri, share_name(store, iri))} (level {level})", "value": value}
            )
        elif value not in labels:  # a skill beyond the listed ones
            options.append({"label": share_name(store, iri), "value": value})
    return options, values, join_problems(problems)


def _split_level(value: str) -> tuple[str, int | None]:
    head, _, tail = value.rpartition(":")
    if head and tail.isdigit():
        return head, int(tail)
    return value, None


def compute(
    store: Any,
    source: str | None,
    target: str | None,
    know: Sequence[str] | None,
    alternatives: int = 0,
    optional: bool = False,
) -> Result:
    """``{"path": LearningPath.to_dict() or None, "error": message or None, "known": [...],
    "asked": alternatives asked for, "optional": whether optional requirements are
    planned}``; ``alternatives`` is bounded by :func:`clamp_alternatives`.

    Examples
    --------
    >>> from kg.namespace import ROLE
    >>> from kg.store import Store
    >>> se, mle = str(ROLE["software-engineer"]), str(ROLE["machine-learning-engineer"])
    >>> essential = compute(Store.default(), se, mle, [])
    >>> also = compute(Store.default(), se, mle, [], optional=True)
    >>> len(also["path"]["steps"]) > len(essential["path"]["steps"]), also["optional"]
    (True, True)
    """
    from kg.paths import plan

    asked = clamp_alternatives(alternatives)
    optional = bool(optional)
    if not target:
        return {"path": None, "error": None, "known": [], "asked": asked, "optional": optional}
    know = list(know or [])
    unread = [know_problem(e) for e in read_know(store, know) if e.problem]
    if unread:  # an entry kept in the box as typed: said as the address said it
        return {
            "path": None,
            "error": join_problems(unread),
            "known": [],
            "asked": asked,
            "optional": optional,
        }
    try:
        lp = plan(store, source or None, target, know=know, alternatives=asked, optional=optional)
    except KGError as err:
        return {"path": None, "error": str(err), "known": [], "asked": asked, "optional": optional}
    return {
        "path": lp.to_dict(),
        "error": None,
        "known": [_split_level(k)[0] for k in know],
        "no_level": [k for k in know if _split_level(k)[1] is None],
        "chosen": know,
        "asked": asked,
        "optional": optional,
    }


def share_url(
    store: Any,
    source: str | None,
    target: str,
    know: Sequence[str] | None,
    alternatives: Any = 0,
    optional: bool = False,
) -> str:
    """The shareable ``/path/...`` URL of the inputs (names instead of IRIs), with the
    alternatives asked for (bounded by :func:`clamp_alternatives`) when there are any,
    and ``optional=1`` when the plan learns the optional requirements too.

    Examples
    --------
    >>> from kg.store import Store
    >>> share_url(Store.default(), None, "https://w3id.org/careerkg/id/role/data-scientist", [], 2)
    '/path/-/Data%20Scientist?alternatives=2'
    >>> share_url(Store.default(), None, "https://w3id.org/careerkg/id/role/data-scientist", [], 0, True)
    '/path/-/Data%20Scientist?optional=1'
    """
    pairs = []
    for k in know or []:
        iri, level = _split_level(k)
        pairs.append((share_name(store, iri), level))
    url = path_url(share_name(store, source) if source else None, share_name(store, target), pairs)
    if n := clamp_alternatives(alternatives):
        url += ("&" if "?" in url else "?") + f"alternatives={n}"
    if optional:
        url += ("&" if "?" in url else "?") + "optional=1"
    return url


def suggested_address(
    store: Any,
    source: tuple[str | None, Sequence[str]],
    target: tuple[str | None, Sequence[str]],
    know: Sequence[str] | None,
    alternatives: Any = 0,
    *,
    optional: bool = False,
    knowing: bool = False,
    left_out: Sequence[str] = (),
) -> tuple[str, str] | None:
    """The address an address with unknown role names most likely meant, and what it
    asks ("Data Analyst → Machine Learning Engineer"): each role as found (its IRI) or
    else the first of the closest labels its error gave. ``None`` when a name has no
    close label, or there is no target. The page said "closest known labels: 'Data
    Analyst'" and left the user to type it again. With ``knowing``, what it asks
    names the known skills too (", knowing Python programming (level 3), SQL"): those
    are what was corrected (:func:`know_box`).

    Parameters
    ----------
    source, target : (iri or None, suggestions)
        The role found for each name of the address (``None`` when not found or not
        given) and, when not found, the closest labels.
    know, alternatives, optional
        As :func:`share_url` takes them.
    knowing : bool
        Name the known skills in what the address asks.
    left_out : sequence of str
        Known skills as typed that the address leaves out (no likely meaning: a
        misspelt tool, a level out of range), named in what it asks ("leaving out
        'PyTorc'"); one of them took the whole offer away.

    Examples
    --------
    >>> from kg.store import Store
    >>> ds = "https://w3id.org/careerkg/id/role/data-scientist"
    >>> py = "https://w3id.org/careerkg/id/skill/python:3"
    >>> suggested_address(Store.default(), (None, []), (ds, []), [py], 0, knowing=True)
    ('/path/-/Data%20Scientist?know=Python%20programming%3A3', 'Data Scientist, knowing Python programming (level 3)')
    >>> suggested_address(Store.default(), (None, ["Data Analyst"]), (ds, []), [], 0)
    ('/path/Data%20Analyst/Data%20Scientist', 'Data Analyst → Data Scientist')
    >>> suggested_address(Store.default(), (None, []), (None, ["Data Scientist"]), [], 0)
    ('/path/-/Data%20Scientist', 'Data Scientist')
    >>> suggested_address(Store.default(), (None, []), (None, []), [], 0) is None
    True
    >>> suggested_address(Store.default(), (None, []), (ds, []), [], 0, knowing=True, left_out=["PyTorc"])
    ('/path/-/Data%20Scientist', "Data Scientist, leaving out 'PyTorc'")
    """
    found: list[str | None] = []
    for iri, suggestions in (source, target):
        if iri is None and suggestions:
            try:
                iri = resolve_role(store, suggestions[0])
            except KGError:
                return None
        found.append(iri)
    src, tgt = found
    if tgt is None:
        return None
    label = " → ".join(share_name(store, i) for i in (src, tgt) if i)
    if knowing and know:
        label += ", knowing " + ", ".join(_known_label(store, k) for k in know)
    if knowing and left_out:
        label += ", leaving out " + ", ".join(repr(t) for t in left_out)
    return share_url(store, src, tgt, know, alternatives, optional), label


def _known_label(store: Any, value: str) -> str:
    """A known skill's value as the page names it: "Python programming (level 3)".

    Examples
    --------
    >>> from kg.store import Store
    >>> _known_label(Store.default(), "https://w3id.org/careerkg/id/skill/python:3")
    'Python programming (level 3)'
    """
    iri, level = _split_level(value)
    name = share_name(store, iri)
    return f"{name} (level {level})" if level else name


def followed_address(
    href: str,
    shown: str | None,
    strip: Callable[[str], str | None] = lambda p: p.strip("/"),
) -> dict[str, Any] | None:
    """The path finder's arguments (``source``, ``target``, ``know``, ``alternatives``,
    ``optional``: path segments and query values as the page's ``layout`` takes them) for the address
    ``href`` the browser went to, Back or Forward; ``None`` when it is the address
    ``shown`` (the path the page put in the bar, the app's prefix included) or not
    the path finder's.

    Parameters
    ----------
    href : str
        The address, absolute.
    shown : str or None
        The address of the path the page shows, when it put it in the bar.
    strip : callable
        The app's ``dash.strip_relative_path`` (the app may be served under a prefix).

    Examples
    --------
    >>> followed_address("http://h/path/Data%20Analyst/Data%20Scientist?know=Python%3A3&alternatives=2", None)
    {'source': 'Data%20Analyst', 'target': 'Data%20Scientist', 'know': 'Python:3', 'alternatives': '2', 'optional': None}
    >>> followed_address("http://h/path/-/Data%20Scientist", "/path/-/Data Scientist") is None  # shown
    True
    >>> followed_address("http://h/path", "/path/-/Data%20Scientist")
    {'source': None, 'target': None, 'know': None, 'alternatives': None, 'optional': None}
    >>> followed_address("http://h/node/SQL", None) is None  # not the path finder's
    True
    """
    from urllib.parse import parse_qs, unquote, urlsplit

    parts = urlsplit(href)
    here = parts.path + (f"?{parts.query}" if parts.query else "")
    if shown is not None and unquote(here) == unquote(shown):
        return None
    segments = (strip(parts.path) or "").split("/")
    if segments[0] != "path" or len(segments) not in (1, 3):
        return None
    query = {k: v[0] if len(v) == 1 else v for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    source, target = (segments[1], segments[2]) if len(segments) == 3 else (None, None)
    return {
        "source": source,
        "target": target,
        "know": query.get("know"),
        "alternatives": query.get("alternatives"),
        "optional": query.get("optional"),
    }


def share_title(store: Any, source: str | None, target: str) -> str:
    """The browser title of the path in :func:`share_url`: what a fresh load of that
    address shows.

    Examples
    --------
    >>> from kg.namespace import ROLE
    >>> from kg.store import Store
    >>> share_title(Store.default(), None, str(ROLE["data-scientist"]))
    'known skills → Data Scientist · careerkg Path finder'
    """
    names = [share_name(store, i) if i else None for i in (source, target)]
    return page_title("Path finder", *names)


def _roles(path: dict[str, Any]) -> Any:
    items: list[Any] = []
    for i, r in enumerate(path.get("roles", [])):
        if i:
            items.append(html.Span("→", className="arrow", **{"aria-hidden": "true"}))
            items.append(sr_only(" to "))  # the arrow, to a screen reader
        items.append(html.Span([swatch("role", 11), r["label"]], className="role-chip"))
    if path.get("switch"):
        items.append(html.Span("direct switch (no usual career step)", className="note"))
    return items


def announcement(result: Result | None) -> str:
    """What the page's status region tells a screen reader when a path is found: from
    where to where, how many steps and hours (``""`` without a path; an error has its
    own alert).

    Examples
    --------
    >>> announcement({"path": {"source": {"label": "Data Analyst"}, "target": {"label": "Data Scientist"},
    ...                        "steps": [{"label": "statistics"}], "total_hours": 100.0}})
    'Learning path from Data Analyst to Data Scientist found: 1 step, 100 hours.'
    >>> announcement({"path": {"source": None, "target": {"label": "Data Scientist"}, "steps": []}})
    'Learning path to Data Scientist found: no steps.'
    >>> announcement({"path": None, "error": "unknown role name 'X'"})
    ''
    """
    path = (result or {}).get("path")
    if not path:
        return ""
    source = (path.get("source") or {}).get("label")
    where = f"from {source} to {path['target']['label']}" if source else f"to {path['target']['label']}"
    steps = path.get("steps") or []
    if not steps:
        return f"Learning path {where} found: no steps."
    n = len(steps)
    return (
        f"Learning path {where} found: {n} step{'s' if n != 1 else ''}, "
        f"{hours(path.get('total_hours'))} hours."
    )


def _with_optional_hint(notes: list[str], path: Mapping[str, Any]) -> list[str]:
    """``notes`` (:func:`kg.paths.path_notes`), the one on roles with only optional
    requirements followed by how to plan those too (the CLI says "--optional").

    Examples
    --------
    >>> path = {"steps": [{"label": "SQL"}], "optional_only": [{"iri": "r", "label": "Dentists"}]}
    >>> _with_optional_hint(path_notes(path), path)  # doctest: +NORMALIZE_WHITESPACE
    ['The data lists only optional skill requirements for Dentists, and the plan learns essential
      requirements only. Tick “Optional skills too” to plan them.']
    """
    said = optional_only_note([str(r["label"]) for r in path.get("optional_only") or []])
    if not said:
        return notes
    note = said[0].upper() + said[1:] + "."
    return [f"{n} {OPTIONAL_HINT}" if n == note else n for n in notes]


def nothing_to_learn(path: dict[str, Any]) -> str:
    """What the step list says when the plan has no steps: the learner has what the
    target requires (as the role they hold, or through the skills they know), or the
    data lists no requirements for the target. "The known skills already cover the
    target" was said to a Data Scientist asking for the way to Data Scientist, who had
    given no skills.

    Examples
    --------
    >>> ds = {"iri": "r", "label": "Data Scientist"}
    >>> nothing_to_learn({"target": ds, "source": ds, "unspecified": []})
    'Nothing to learn: Data Scientist is your current role.'
    >>> nothing_to_learn({"target": ds, "source": {"iri": "s", "label": "Senior Data Scientist"}, "unspecified": []})
    'Nothing to learn: the skills Senior Data Scientist requires cover those Data Scientist requires.'
    >>> nothing_to_learn({"target": ds, "known": [{"iri": "k"}], "unspecified": []})
    'Nothing to learn: the skills you know cover those Data Scientist requires.'
    >>> nothing_to_learn({"target": ds, "source": {"iri": "s", "label": "Student"}, "known": [{"iri": "k"}], "unspecified": []})
    'Nothing to learn: the skills Student requires and the skills you know cover those Data Scientist requires.'
    >>> nothing_to_learn({"target": {"iri": "r"}, "unspecified": [{"iri": "r", "label": "Data Scientists"}]})
    'Nothing to plan: the data lists no skill requirements for Data Scientists, so the plan cannot say what it takes.'
    >>> nothing_to_learn({"target": {"iri": "r"}, "optional_only": [{"iri": "r", "label": "Dishwashers"}]})
    ... # doctest: +NORMALIZE_WHITESPACE
    'Nothing to learn: the data lists only optional skill requirements for Dishwashers, and the plan
     learns essential requirements only. Tick “Optional skills too” to plan them.'
    """
    target = path.get("target") or {}
    unspecified = [r for r in path.get("unspecified") or [] if r.get("iri") == target.get("iri")]
    if unspecified:
        return f"Nothing to plan: {unspecified_note([str(r['label']) for r in unspecified])}."
    optional = [r for r in path.get("optional_only") or [] if r.get("iri") == target.get("iri")]
    if optional:
        return f"Nothing to learn: {optional_only_note([str(r['label']) for r in optional])}. {OPTIONAL_HINT}"
    name = target.get("label") or target.get("iri") or "the target"
    source = path.get("source") or {}
    if source and source.get("iri") == target.get("iri"):
        return f"Nothing to learn: {name} is your current role."
    held = f"the skills {source.get('label') or source.get('iri')} requires" if source else ""
    known = "the skills you know" if path.get("known") else ""
    if held or known:
        return f"Nothing to learn: {' and '.join(x for x in (held, known) if x)} cover those {name} requires."
    return f"Nothing to learn: {name} requires no skill the plan could teach."


def _credentials(path: dict[str, Any]) -> Any:
    creds = path.get("credentials", [])
    proving = path.get("validating") or []
    if not creds and not path.get("steps"):  # "covers these steps", of none, puzzled
        return html.P("No steps, so no credential to suggest.", className="muted")
    covering = (
        _credential_list(creds)
        if creds
        else html.P(
            "No credential in the graph covers these steps in fewer hours than learning them.",
            className="muted",
        )
    )
    if not proving:
        return covering
    title = VALIDATING_TITLE[0].upper() + VALIDATING_TITLE[1:]
    return html.Div([covering, html.P(title, className="creds-title"), _credential_list(proving)])


def _credential_list(creds: list[dict[str, Any]]) -> Any:
    return html.Ul(
        [
            html.Li(
                [
                    type_badge(str(c.get("type", ""))),
                    dcc.Link(c["label"], href=node_url(c["label"]), className="cred-name"),
                    html.Span(
                        " · ".join(
                            x
                            for x in (
                                f"{hours(c['hours'])} h" if c.get("hours") else "",
                                f"{float(c['cost']):g} USD" if c.get("cost") else "",
                            )
                            if x
                        ),
                        className="note",
                    ),
                    html.Div(
                        "Covers: " + ", ".join(x["label"] for x in c.get("covers", [])), className="covers"
                    ),
                    *(
                        [
                            html.Div(
                                "Expects beforehand, not in this plan: "
                                + ", ".join(x["label"] for x in c["expects"]),
                                className="covers expects",
                            )
                        ]
                        if c.get("expects")
                        else []
                    ),
                    *(
                        [html.Div(f"Last day to take it: {c['last_day']}", className="covers expects")]
                        if c.get("last_day")
                        else []
                    ),
                ]
            )
            for c in creds
        ],
        className="creds",
    )


def _shortfall(asked: int, found: int) -> str:
    """What to say when fewer alternatives exist than were asked for, as the CLI and the
    downloads say it (:func:`kg.pathtext.shortfall_note`), a sentence.

    Examples
    --------
    >>> _shortfall(3, 1), _shortfall(2, 0), _shortfall(2, 2)
    ('3 other routes asked for; only 1 exists.', '2 other routes asked for; none exists.', '')
    """
    note = shortfall_note(asked, found)
    return f"{note}." if note else ""


def _alternatives(path: dict[str, Any], asked: int = 0) -> Any:
    alts = path.get("alternatives", [])
    short = _shortfall(asked, len(alts))
    if not alts:
        if short:
            return html.P(short, className="muted", id="path-alternatives-note")
        return html.P("Ask for alternatives to compare other role sequences.", className="muted")
    listing = html.Ol(
        [
            html.Li(
                [
                    " → ".join(r["label"] for r in a.get("roles", [])),
                    html.Span(
                        f" · {len(a.get('steps', []))} steps, {hours(a.get('total_hours'))} h"
                        + (
                            f", typically {a['years']:g} year{'' if a['years'] == 1 else 's'}"
                            if a.get("years")
                            else ""
                        ),
                        className="note",
                    ),
                    html.Div(
                        f"Against the plan above: {alternative_note(path, a)}", className="note alt-diff"
                    ),
                ]
            )
            for a in alts
        ],
        className="alts",
    )
    if not short:
        return listing
    return html.Div([listing, html.P(short, className="note", id="path-alternatives-note")])


def known_text(path: dict[str, Any], no_level: Sequence[str] = (), chosen: Sequence[str] = ()) -> str:
    """The skills the plan counts as known, with their levels (as the CLI's ``known:``
    line), and how to give another level for those chosen without one (``no_level``,
    their IRIs), which count as :data:`kg.paths.KNOWN_LEVEL`; a skill ``chosen`` at
    more than one level (``IRI`` or ``IRI:level`` values) counts at the highest, as
    ``--know`` given twice does, and the text says so.

    Examples
    --------
    >>> p = {"known": [{"iri": "urn:py", "label": "Python", "level": 5}, {"iri": "urn:sql", "label": "SQL", "level": 2}]}
    >>> known_text(p, ["urn:py"])  # doctest: +NORMALIZE_WHITESPACE
    "Known: Python (level 5), SQL (level 2). Chosen without a level, Python counts as level 5,
     the top; type 'Python:3' in the box for another level."
    >>> known_text(p, [], ["urn:py:5", "urn:py:3", "urn:sql:2"])  # doctest: +NORMALIZE_WHITESPACE
    'Known: Python (level 5), SQL (level 2). Python is chosen at levels 5 and 3: the plan counts
     the highest, 5; remove the other from the box.'
    >>> known_text({"known": []})
    ''
    """
    from kg.paths import KNOWN_LEVEL

    known = path.get("known") or []
    if not known:
        return ""
    text = "Known: " + ", ".join(f"{k['label']} (level {k['level']})" for k in known) + "."
    levels: dict[str, list[int]] = {}
    for value in chosen:
        iri, level = _split_level(str(value))
        levels.setdefault(iri, []).append(level or KNOWN_LEVEL)
    for k in known:
        given = levels.get(str(k.get("iri")), [])
        if len(given) > 1:
            listed = ", ".join(map(str, given[:-1])) + f" and {given[-1]}"
            others = "the other" if len(given) == 2 else "the others"
            text += (
                f" {k['label']} is chosen at levels {listed}: the plan counts the highest,"
                f" {k['level']}; remove {others} from the box."
            )
    bare = [
        k["label"]
        for k in known
        if k.get("iri") in set(no_level)
        and k.get("level") == KNOWN_LEVEL
        and len(levels.get(str(k.get("iri")), [])) < 2
    ]
    if bare:
        verb = "counts" if len(bare) == 1 else "count"
        text += (
            f" Chosen without a level, {', '.join(bare)} {verb} as level {KNOWN_LEVEL}, the top;"
            f" type '{bare[0]}:3' in the box for another level."
        )
    return text


def _section(title: str, body: Any) -> list[Any]:
    return [html.H2(title), body]


def render(store: Any, result: Result | None) -> dict[str, Any]:
    """Everything the page shows for a result: summary, roles, steps, credentials,
    alternatives (each under its heading), the effort chart, the canvas elements, and
    whether the downloads are enabled.

    Without a path the side panel shows one hint (no bare headings) and the
    downloads are disabled.

    Examples
    --------
    >>> out = render(None, None)
    >>> out["downloads"], out["credentials"], out["alternatives"]
    (False, None, None)
    >>> out["steps"].children == EMPTY_HINT
    True
    """
    empty: dict[str, Any] = {
        "summary": html.P(
            "Choose a target role (and where you start from), then press Find path.", className="muted"
        ),
        "roles": None,
        "steps": html.P(EMPTY_HINT, className="muted", id="path-empty-hint"),
        "credentials": None,
        "alternatives": None,
        "figure": None,
        "elements": [],
        "layout": cytoscape_layout("layered", []),
        "message": "",
        "downloads": False,
    }
    if not result:
        return empty
    if result.get("error"):
        return {**empty, "message": result["error"], "summary": None}
    path = result.get("path")
    if not path:
        return empty
    G = graph_of(store)
    steps = path.get("steps", [])
    view = path_view(G, path, known=result.get("known", []))
    covered = [str(c["iri"] if isinstance(c, Mapping) else c) for s in steps for c in s.get("covers") or []]
    on_path = [str(r["iri"]) for r in path.get("roles", [])] + [str(s["iri"]) for s in steps] + covered
    elements = to_elements(G, view, path=on_path, known=result.get("known", []), layout="layered")
    for e in elements:  # a covered skill is drawn with the plan, told from its steps
        if e["data"]["id"] in covered and "source" not in e["data"]:
            e["classes"] = f"{e.get('classes', '')} covered".strip()
            e["data"]["label"] = f"{e['data']['label']} (covered)"
    years = float(path.get("years") or 0)
    total = float(path.get("total_hours") or 0)
    summary = html.Div(
        [
            html.Div(
                [
                    html.Span(f"{len(steps)}", className="kpi-n"),
                    html.Span("step" if len(steps) == 1 else "steps", className="kpi-l"),
                ],
                className="kpi",
            ),
            html.Div(
                [html.Span(hours(total), className="kpi-n"), html.Span("hours", className="kpi-l")],
                className="kpi",
            ),
            # no "≈0 weeks" for a plan under 5 h (nor for none), no "≈1 weeks"
            html.Div(
                [html.Span(weeks[0], className="kpi-n"), html.Span(weeks[1], className="kpi-l")],
                className="kpi",
                id="path-weeks",
            )
            if (weeks := weeks_text(total))
            else None,
            # the career steps' typical years; none for a direct switch, a plan from
            # known skills or steps the data gives no years for (the CLI says none too)
            html.Div(
                [
                    html.Span(f"{years:g}", className="kpi-n"),
                    html.Span("typical years of experience", className="kpi-l"),
                ],
                className="kpi",
            )
            if years
            else None,
        ],
        className="kpis",
        id="path-kpis",
    )
    known = known_text(path, result.get("no_level") or [], result.get("chosen") or [])
    if known:
        summary = html.Div([summary, html.P(known, className="muted", id="path-known")])
    notes = _with_optional_hint(path_notes(path), path)
    if notes:
        summary = html.Div(
            [summary, html.Ul([html.Li(n) for n in notes], className="path-notes", id="path-notes")]
        )
    return {
        **empty,
        "summary": summary,
        "roles": _roles(path),
        "steps": _section(
            "Steps",
            step_list(steps)
            if steps
            else html.P(nothing_to_learn(path), className="muted", id="path-nothing"),
        ),
        "credentials": _section("Suggested credentials", _credentials(path)),
        "alternatives": _section("Alternatives", _alternatives(path, int(result.get("asked") or 0))),
        "downloads": True,
        "figure": effort_figure(steps, areas(G, [s["iri"] for s in steps])) if steps else None,
        "elements": elements,
        "layout": cytoscape_layout("layered", elements),
    }
