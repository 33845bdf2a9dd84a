"""Gaps page: check an uploaded (or shipped) curriculum with :func:`kg.gaps.find_gaps`.

Pure functions of plain data: the page's callbacks decode the upload, call
:func:`analyse`, and hand the report dict (``GapReport.to_dict()``) to
:func:`findings_list`, :func:`coverage_figure` and :func:`gap_elements`.

Examples
--------
>>> from kg.store import Store
>>> store = Store.default()
>>> text, fmt, name = load_example("ml-bootcamp.csv")
>>> result = analyse(store, text, fmt, name)
>>> result["error"] is None and result["report"]["curriculum"]["label"]
'ML bootcamp'
>>> els = gap_elements(result["report"])
>>> any("gap-missing" in e.get("classes", "") for e in els)
True
>>> analyse(store, "course,term\\n", "csv", "bad.csv")["error"]
"bad.csv, line 1: missing column(s) 'teaches'; the header must name the columns course, term, teaches and, optionally, requires"
"""

from __future__ import annotations

import base64
import binascii
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qs, quote, urlencode

import plotly.graph_objects as go
from dash import html
from rdflib import URIRef

from dashboard.figures import BAR_LINE, DARK_TEXT, FONT, FOOT_LEGEND, bar_text_colours, figure_title
from dashboard.styles import HIGHLIGHT, stylesheet
from kg.errors import InvalidCurriculum, KGError
from kg.gaps import CourseRef, Coverage, Node
from kg.store import Store, resource_dir

__all__ = [
    "ACCEPTED",
    "CSV_HELP",
    "DOWNLOADS",
    "DOWNLOAD_NAMES_TARGET",
    "FOLD_AFTER",
    "HOVER_WIDTH",
    "MAX_UPLOAD_BYTES",
    "NO_TARGET",
    "TARGET_PARAM",
    "TargetsRead",
    "analyse",
    "coverage_figure",
    "coverage_item",
    "coverage_of",
    "decode_upload",
    "download",
    "download_disabled",
    "example_of",
    "example_options",
    "example_search",
    "example_source",
    "findings_list",
    "folded_names",
    "gap_elements",
    "gap_stylesheet",
    "load_example",
    "moves_section",
    "read_paste",
    "read_targets",
    "read_upload",
    "summary",
    "summary_tiles",
    "target_names",
    "targets_given",
    "term_figure",
    "term_gaps",
    "upload_problem",
    "verdict",
]

CSV_HELP = (
    "course, term, teaches and, optionally, requires — several skills separated by ';'; "
    "a skill in teaches may give the level the course teaches it to, from 1 to 5, as the "
    "path finder's 'I already know' box writes it ('Python:3; SQL:2')"
)
"""The CSV format as the page states it (as ``careerkg gaps --help`` does): a skill
taught below the level a target role requires is not covered."""

MAX_UPLOAD_BYTES = 512 * 1024
"""The largest curriculum file the page accepts (a curriculum is a few kilobytes)."""

ACCEPTED = (".csv", ".tsv", ".txt", ".ttl", ".turtle")
"""The file name endings the page takes (as ``careerkg gaps``: CSV or Turtle)."""

_ACCEPTED_HELP = (
    f"Upload a curriculum as CSV (.csv) or Turtle (.ttl) of at most {MAX_UPLOAD_BYTES // 1024} KiB."
)

DOWNLOADS: dict[str, tuple[str, str]] = {
    "md": ("Report (Markdown)", "text/markdown"),
    "csv": ("Findings (CSV)", "text/csv"),
    "moved": ("Curriculum in the suggested terms (CSV)", "text/csv"),
}
"""Downloads: key of the analysis result -> (button label, MIME type). ``moved`` is the
curriculum itself with the suggested term changes made, to upload again (offered
only when there are moves)."""


def download_disabled(result: Mapping[str, Any] | None) -> list[bool]:
    """Which download buttons are off (in :data:`DOWNLOADS` order): all before a report,
    and the curriculum in the suggested terms when no course is to move.

    Examples
    --------
    >>> download_disabled(None)
    [True, True, True]
    >>> download_disabled({"report": {}, "md": "# x", "csv": "kind", "moved": ""})
    [False, False, True]
    """
    report = bool(result and result.get("report") is not None)
    return [not (report and result and result.get(key)) for key in DOWNLOADS]


def download(result: Mapping[str, Any], key: str) -> dict[str, str]:
    """The ``dcc.Download`` data of one download of an analysis result.

    Examples
    --------
    >>> result = {"report": {"curriculum": {"label": "MSc AI"}}, "md": "# x", "moved": "course,term"}
    >>> download(result, "md")["filename"], download(result, "moved")["filename"]
    ('gaps-msc-ai.md', 'msc-ai-suggested-terms.csv')
    """
    from kg.curriculum import slug

    name = slug(result["report"]["curriculum"]["label"])
    filename = f"{name}-suggested-terms.csv" if key == "moved" else f"gaps-{name}.{key}"
    return {"content": result[key], "filename": filename, "type": DOWNLOADS[key][1]}


ORDER_COLOUR = "#E69F00"
COMPLETE_COLOUR = "#009E73"
NEARLY_COLOUR = "#0072B2"
NEARLY = 75.0
"""Coverage (percent) from which a role's bar is blue rather than red; green is 100%."""
UNKNOWN_COLOUR = "#7F7F7F"


def _examples_dir() -> Path:
    return resource_dir("data") / "curricula"


def example_options() -> list[dict[str, str]]:
    """The shipped example curricula (``data/curricula``), one option per file.

    Examples
    --------
    >>> [o["value"] for o in example_options()][:2]
    ['ml-bootcamp.csv', 'ml-bootcamp.ttl']
    """
    out = []
    for p in sorted(_examples_dir().glob("*")):
        if p.suffix in (".csv", ".ttl"):
            kind = "CSV" if p.suffix == ".csv" else "Turtle"
            out.append({"label": f"{_title(p)} ({kind})", "value": p.name})
    return out


TARGET_PARAM = "target"
"""The address's query parameter naming a target role chosen, once per role (as
``careerkg gaps --target`` is given): ``?example=NAME&target=Data%20Scientist``."""


def example_search(example: str | None, targets: Sequence[str] = ()) -> str:
    """The query of the page's address for the curriculum shown and the target roles
    chosen: ``?example=NAME`` for a shipped example (none for an upload or a paste, which
    no address can hold), then ``target=NAME`` for each target role, by the name
    :func:`target_names` gives it (a reload or a shared link lost them).

    Examples
    --------
    >>> example_search("ml-bootcamp.csv"), example_search(None)
    ('?example=ml-bootcamp.csv', '')
    >>> example_search("ml-bootcamp.csv", ["Data Scientist", "Software Engineer"])
    '?example=ml-bootcamp.csv&target=Data%20Scientist&target=Software%20Engineer'
    >>> example_search(None, ["Data Scientist"])
    '?target=Data%20Scientist'
    """
    pairs = ([("example", example)] if example else []) + [(TARGET_PARAM, t) for t in targets]
    return "?" + urlencode(pairs, quote_via=quote) if pairs else ""


def target_names(store: Store, targets: Sequence[str] | None) -> list[str]:
    """The names the address gives the target roles chosen (IRIs): each role's label
    when it finds the role again, else its prefixed name or IRI (as the path finder's
    address names its roles).

    Examples
    --------
    >>> target_names(Store.default(), ["https://w3id.org/careerkg/id/role/data-scientist"])
    ['Data Scientist']
    """
    from dashboard.views.common import share_name

    return [share_name(store, str(t)) for t in targets or []]


def targets_given(search: str | None) -> list[str]:
    """The target role names of a query, as written (``target`` repeated, or one value
    of names separated by commas: see :func:`read_targets`).

    Examples
    --------
    >>> targets_given("?example=ml-bootcamp.csv&target=Data%20Scientist&target=MLE"), targets_given("")
    (['Data Scientist', 'MLE'], [])
    """
    return parse_qs((search or "").lstrip("?")).get(TARGET_PARAM, [])


class TargetsRead(NamedTuple):
    """The target roles an address names, as :func:`read_targets` reads them."""

    values: list[str]
    """The IRIs of the roles found, in order, each once: the Target roles box's value."""
    problem: str
    """What is wrong with the names not found, one line each (``""`` when none is)."""
    meant: list[str] | None
    """With a name not found, the roles the address most likely meant (each such name
    its closest role); ``None`` when every name was found or one has no close role."""


def read_targets(store: Store, given: str | Sequence[str] | None) -> TargetsRead:
    """The target roles of the address's ``target`` values, read as ``careerkg gaps
    --target`` reads a role (a label, alt label, IRI or prefixed name): an unknown name
    says so, with the closest roles. A value that is no role name is also read as names
    separated by commas (``Data Scientist,MLE``, as the path finder's ``?know=`` is).

    Examples
    --------
    >>> store = Store.default()
    >>> got = read_targets(store, ["Data Scientist", "MLE,data scientist"])
    >>> [v.rsplit("/", 1)[-1] for v in got.values], got.problem, got.meant
    (['data-scientist', 'machine-learning-engineer'], '', None)
    >>> got = read_targets(store, "Data Sientist")
    >>> got.values, [v.rsplit("/", 1)[-1] for v in got.meant or []]
    ([], ['data-scientist'])
    >>> print(got.problem)
    Target role 'Data Sientist' in the address: unknown role name 'Data Sientist'; closest known labels: 'Data Scientist', 'Senior Data Scientist'.
    """
    from dashboard.views.path import join_problems, resolve_role
    from kg.errors import UnknownEntity

    def role(name: str) -> str | None:
        try:
            return resolve_role(store, name)
        except KGError:
            return None

    names: list[str] = []
    for value in [given] if isinstance(given, str) else list(given or []):
        whole = value.strip()
        if "," in whole and role(whole) is None:
            names += [part.strip() for part in whole.split(",") if part.strip()]
        elif whole:
            names.append(whole)
    values: list[str] = []
    meant: list[str] | None = []
    problems: list[str] = []
    for name in names:
        try:
            iri = resolve_role(store, name)
        except UnknownEntity as err:
            problems.append(f"Target role {name!r} in the address: {err}")
            close = role(err.suggestions[0]) if err.suggestions else None
            if close is None or meant is None:
                meant = None
            else:
                meant.append(close)
            continue
        except KGError as err:  # a name that is no role's (a skill's, say)
            problems.append(f"Target role {name!r} in the address: {err}")
            meant = None
            continue
        values.append(iri)
        if meant is not None:
            meant.append(iri)
    values = list(dict.fromkeys(values))
    return TargetsRead(
        values,
        join_problems(problems) if problems else "",
        list(dict.fromkeys(meant)) if problems and meant else None,
    )


def example_of(search: str | None) -> str | None:
    """The shipped example a query names (``None`` for none, or one not shipped).

    Examples
    --------
    >>> example_of("?example=ml-bootcamp.csv"), example_of(""), example_of("?example=nope.csv")
    ('ml-bootcamp.csv', None, None)
    """
    given = parse_qs((search or "").lstrip("?")).get("example", [None])[0]
    return given if any(o["value"] == given for o in example_options()) else None


def _title(path: Path) -> str:
    """The ``# curriculum:`` name of an example (from its CSV twin), else its file stem."""
    twin = path.with_suffix(".csv")
    if twin.is_file():
        for line in twin.read_text(encoding="utf-8").splitlines()[:10]:
            key, sep, value = line.lstrip("#").partition(":")
            if line.startswith("#") and sep and key.strip().casefold() == "curriculum":
                return value.strip().rstrip(",")
    return path.stem.replace("-", " ")


def load_example(name: str) -> tuple[str, str, str]:
    """``(text, format, file name)`` of a shipped example.

    Raises
    ------
    InvalidCurriculum
        For a name that is not a shipped example.
    """
    known = {o["value"] for o in example_options()}
    if name not in known:
        raise InvalidCurriculum(name, "not a shipped example; choose one of " + ", ".join(sorted(known)))
    path = _examples_dir() / name
    return path.read_text(encoding="utf-8"), "csv" if name.endswith(".csv") else "turtle", name


def example_source(name: str) -> dict[str, str]:
    """The curriculum to check for a shipped example, as the page keeps it (``{"text",
    "fmt", "name"}``, or ``{"error"}`` for a name that is none): what the target roles
    chosen next are checked against.

    Examples
    --------
    >>> source = example_source("ml-bootcamp.csv")
    >>> source["fmt"], source["name"], source["text"].startswith("# curriculum: ML bootcamp")
    ('csv', 'ml-bootcamp.csv', True)
    >>> example_source("nope.csv")["error"].startswith("nope.csv")
    True
    """
    try:
        text, fmt, file = load_example(name)
    except KGError as err:
        return {"error": str(err)}
    return {"text": text, "fmt": fmt, "name": file}


def _size(n: int) -> str:
    """A file size for people.

    Examples
    --------
    >>> _size(900), _size(600 * 1024), _size(2 * 1024 * 1024)
    ('900 bytes', '600 KiB', '2.0 MiB')
    """
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KiB"
    return f"{n / (1024 * 1024):.1f} MiB"


def upload_problem(filename: str | None, size: int | None) -> str | None:
    """Why the page does not take a file (``None`` when it does): the message names
    the file, says what is wrong, and what the page accepts.

    Parameters
    ----------
    filename : str or None
        The uploaded file's name.
    size : int or None
        Its size in bytes (``None``: not known, not checked).

    Returns
    -------
    str or None
        The message to show, or ``None`` for a .csv/.txt/.ttl file within
        :data:`MAX_UPLOAD_BYTES`.

    Examples
    --------
    >>> upload_problem("plan.csv", 2000) is None
    True
    >>> upload_problem("photo.PNG", 2000)
    'photo.PNG: a .png file is not a curriculum. Upload a curriculum as CSV (.csv) or Turtle (.ttl) of at most 512 KiB.'
    >>> upload_problem("plan.csv", 3 * 1024 * 1024)
    'plan.csv: the file is 3.0 MiB, over the 512 KiB limit. Upload a curriculum as CSV (.csv) or Turtle (.ttl) of at most 512 KiB.'
    """
    reason = _refusal(filename, size)
    return f"{filename or 'the uploaded file'}: {reason}" if reason else None


def _refusal(filename: str | None, size: int | None) -> str | None:
    suffix = Path(filename or "").suffix.lower()
    if suffix not in ACCEPTED:
        what = f"a {suffix} file" if suffix else "a file without a .csv or .ttl ending"
        return f"{what} is not a curriculum. {_ACCEPTED_HELP}"
    if size is not None and size > MAX_UPLOAD_BYTES:
        return f"the file is {_size(size)}, over the {MAX_UPLOAD_BYTES // 1024} KiB limit. {_ACCEPTED_HELP}"
    if size == 0:
        return f"the file is empty. {_ACCEPTED_HELP}"
    return None


def read_upload(upload: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The curriculum to check from an upload the browser has sized up.

    Parameters
    ----------
    upload : mapping or None
        ``{"filename", "size", "contents"}``; ``contents`` (a ``data:`` URL) is
        ``None`` when the browser held back a file over :data:`MAX_UPLOAD_BYTES`.

    Returns
    -------
    dict or None
        ``{"text", "fmt", "name"}``, or ``{"error": message}`` for a file the page
        does not take or cannot read; ``None`` for no upload.

    Examples
    --------
    >>> read_upload({"filename": "pic.png", "size": 90, "contents": "data:image/png;base64,AAAA"})["error"]
    'pic.png: a .png file is not a curriculum. Upload a curriculum as CSV (.csv) or Turtle (.ttl) of at most 512 KiB.'
    >>> read_upload({"filename": "a.csv", "size": 11, "contents": "data:text/csv;base64,Y291cnNlLHRlcm0="})
    {'text': 'course,term', 'fmt': 'csv', 'name': 'a.csv'}
    """
    if not upload or not isinstance(upload, Mapping):
        return None
    filename = str(upload.get("filename") or "")
    size = upload.get("size")
    problem = upload_problem(filename, size if isinstance(size, int) and not isinstance(size, bool) else None)
    if problem is None and not upload.get("contents"):
        problem = f"{filename}: the upload did not arrive; try again. {_ACCEPTED_HELP}"
    if problem:
        return {"error": problem}
    try:
        text, fmt = decode_upload(str(upload["contents"]), filename)
    except KGError as err:
        return {"error": str(err)}
    return {"text": text, "fmt": fmt, "name": filename}


PASTED = "pasted text"
"""The name a pasted curriculum goes by in messages (``pasted text, line 3: ...``)."""

_TURTLE = re.compile(
    r"^\s*(?:@prefix|@base|prefix\s|base\s)|\bckg:Curriculum\b", re.IGNORECASE | re.MULTILINE
)


def read_paste(text: str | None) -> dict[str, Any]:
    r"""The curriculum to check from text pasted into the page: cells copied from a
    spreadsheet (tab-separated), CSV, or Turtle (told by its ``@prefix`` lines).

    Returns
    -------
    dict
        ``{"text", "fmt", "name"}``, or ``{"error": message}`` for nothing pasted or
        more than :data:`MAX_UPLOAD_BYTES`.

    Examples
    --------
    >>> read_paste("course\tterm\tteaches\trequires\nIntro\t1\tSQL\t\n")["fmt"]
    'csv'
    >>> read_paste("@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n")["fmt"]
    'turtle'
    >>> read_paste("  ")["error"]
    'Nothing pasted: paste the rows of a curriculum (a header row course, term, teaches and, optionally, requires, then a row per course), or Turtle, and check again.'
    """
    if not text or not text.strip():
        return {
            "error": "Nothing pasted: paste the rows of a curriculum (a header row course, term, teaches "
            "and, optionally, requires, then a row per course), or Turtle, and check again."
        }
    size = len(text.encode("utf-8"))
    if size > MAX_UPLOAD_BYTES:
        return {
            "error": f"{PASTED}: {_size(size)}, over the {MAX_UPLOAD_BYTES // 1024} KiB limit; "
            "a curriculum is a few kilobytes"
        }
    return {"text": text, "fmt": "turtle" if _TURTLE.search(text) else "csv", "name": PASTED}


def decode_upload(contents: str, filename: str) -> tuple[str, str]:
    """``(text, format)`` of a ``dcc.Upload`` value (``data:<mime>;base64,<data>``).

    Raises
    ------
    InvalidCurriculum
        When the file is too large, not base64, not UTF-8, or neither .csv nor .ttl.

    Examples
    --------
    >>> decode_upload("data:text/csv;base64," + base64.b64encode(b"course,term").decode(), "a.csv")
    ('course,term', 'csv')
    >>> decode_upload("data:text/csv;base64,AAAA", "a.xlsx")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.InvalidCurriculum: a.xlsx: a .xlsx file is not a curriculum. Upload a curriculum as CSV (.csv) or Turtle...
    """
    from kg.curriculum import decode_text, guess_curriculum_format

    _, _, data = (contents or "").partition(",")
    reason = _refusal(filename, len(data) * 3 // 4)
    if reason:
        raise InvalidCurriculum(filename or "upload", reason)
    fmt = guess_curriculum_format(filename)
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError) as err:
        raise InvalidCurriculum(filename, "the upload could not be decoded; try again") from err
    return decode_text(raw, filename), fmt


def analyse(
    store: Store, text: str, fmt: str, name: str, targets: Sequence[str] | None = None
) -> dict[str, Any]:
    """Check a curriculum: ``{"report": dict or None, "md": str, "csv": str, "moved": str,
    "error": str or None}``; ``moved`` is the curriculum as CSV in the suggested terms
    (empty when no course is to move)."""
    from kg.curriculum import parse_curriculum
    from kg.gaps import find_gaps, report_csv, report_markdown, suggested_terms_csv

    try:
        cur = parse_curriculum(text, store, fmt=fmt, source=name, targets_given=bool(targets))
        report = find_gaps(store, cur, list(targets or []) or None)
    except KGError as err:
        return {"report": None, "md": "", "csv": "", "moved": "", "error": str(err)}
    return {
        "report": report.to_dict(),
        "md": report_markdown(report, DOWNLOAD_NAMES_TARGET),
        "csv": report_csv(report, DOWNLOAD_NAMES_TARGET),
        "moved": suggested_terms_csv(report, store),  # checked against the roles chosen here
        "error": None,
    }


# ------------------------------------------------------------------ the report


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


DOWNLOAD_NAMES_TARGET = "choose one under Target roles on careerkg's Curriculum gaps page"
"""How the Markdown download tells its reader to name a target role (the CLI's says
``--target ROLE``, an option the page does not have)."""

NO_TARGET = "No target role, so no role's essential skills were checked: choose one above."
"""What the headline adds for a report without target roles: "0 uncovered essential
skills" and "No gaps found." read as a curriculum covering every role it aims at."""


def summary_tiles(report: Mapping[str, Any]) -> list[tuple[int | str, str, bool]]:
    """The KPI tiles of a report: ``(number, label, counted)``; the tiles with
    ``counted`` true add up to the report's ``gap_count``. Without a target role, the
    uncovered essential skills read "—", not 0: none was checked.

    Parameters
    ----------
    report : mapping
        A gap report (``GapReport.to_dict()``).

    Returns
    -------
    list of (int, str, bool)
        Courses, then the four kinds of gap (missing prerequisites, order
        violations, unknown skills, uncovered essential skills of the target roles),
        then the skills taught twice (listed, not counted as gaps).

    Examples
    --------
    >>> from kg.store import Store
    >>> result = analyse(Store.default(), *load_example("ml-bootcamp.csv"))
    >>> tiles = summary_tiles(result["report"])
    >>> sum(n for n, _label, counted in tiles if counted) == result["report"]["gap_count"]
    True
    >>> [label for _n, label, _counted in tiles][-2:]
    ['uncovered essential skills', 'taught twice (not a gap)']
    >>> untargeted = analyse(Store.default(), "course,term,teaches\\nIntro,1,SQL\\n", "csv", "t")["report"]
    >>> summary_tiles(untargeted)[-2]
    ('—', 'uncovered essential skills: no target role', False)
    """
    uncovered = len(report["uncovered_skills"])  # a skill two target roles need counts once
    return [
        (len(report["courses"]), "courses" if len(report["courses"]) != 1 else "course", False),
        (len(report["missing_prerequisites"]), "missing prerequisites", True),
        (len(report["order_violations"]), "order violations", True),
        (len(report["unknown_skills"]), "unknown skills", True),
        (uncovered, "uncovered essential skills", True)
        if report.get("targets")
        else ("—", "uncovered essential skills: no target role", False),
        (len(report["duplicates"]), "taught twice (not a gap)", False),
    ]


def verdict(report: Mapping[str, Any]) -> str:
    """The headline of a report: how many gaps, and of which kinds (as the tiles);
    without a target role, that no role's essential skills were checked
    (:data:`NO_TARGET`).

    Examples
    --------
    >>> from kg.store import Store
    >>> print(verdict(analyse(Store.default(), *load_example("ml-bootcamp.csv"))["report"]))
    20 gaps found: 5 missing prerequisites, 2 order violations, 1 unknown skill, 12 uncovered essential skills.
    >>> print(verdict(analyse(Store.default(), "course,term,teaches\\nIntro,1,SQL\\n", "csv", "t")["report"]))
    No gaps found. No target role, so no role's essential skills were checked: choose one above.
    """
    unchecked = "" if report.get("targets") else f" {NO_TARGET}"
    if not report["has_gaps"]:
        return f"No gaps found.{unchecked}"
    missing, order, unknown, uncovered = (
        len(report[k])
        for k in ("missing_prerequisites", "order_violations", "unknown_skills", "uncovered_skills")
    )
    parts = [
        _plural(missing, "missing prerequisite", "missing prerequisites"),
        _plural(order, "order violation", "order violations"),
        _plural(unknown, "unknown skill", "unknown skills"),
    ]
    if not unchecked:
        parts.append(_plural(uncovered, "uncovered essential skill", "uncovered essential skills"))
    return f"{_plural(report['gap_count'], 'gap', 'gaps')} found: {', '.join(parts)}.{unchecked}"


def summary(report: Mapping[str, Any]) -> html.Div:
    """The title, the headline (:func:`verdict`) and the KPI tiles (:func:`summary_tiles`)."""
    return html.Div(
        [
            html.H2(report["curriculum"]["label"], id="gaps-title"),
            html.P(verdict(report), className="muted", id="gaps-verdict"),
            html.Div(
                [
                    html.Div(
                        [html.Span(str(n), className="kpi-n"), html.Span(label, className="kpi-l")],
                        className="kpi",
                    )
                    for n, label, _counted in summary_tiles(report)
                ],
                className="kpis",
            ),
        ]
    )


def _items(findings: Sequence[Mapping[str, Any]], kind: str) -> list[Any]:
    return [
        html.Li(
            [
                html.Span(f["message"], className="finding-text"),
                html.Div(["Fix: ", f["suggestion"]], className="note"),
            ],
            className=f"finding finding-{kind}",
        )
        for f in findings
    ]


FOLD_AFTER = 12
"""How many names a list of uncovered skills shows before the rest fold away (an ESCO
role has some 80 essential skills: Data Scientist's 56 uncovered ones were a block of
text some 45 lines tall beside the chart)."""


def folded_names(names: Sequence[str], after: int = FOLD_AFTER) -> list[Any]:
    """``names`` as text, comma-separated: the first ``after`` of them, and the rest in a
    fold that opens on a click or Enter ("and 44 more"); ``["none"]`` for no name.

    Examples
    --------
    >>> folded_names(["a", "b"])
    ['a, b']
    >>> shown, fold = folded_names([f"s{i}" for i in range(5)], after=2)
    >>> shown, fold.children[0].children, fold.children[1].children
    ('s0, s1, ', 'and 3 more', 's2, s3, s4')
    >>> folded_names([])
    ['none']
    """
    if not names:
        return ["none"]
    if len(names) <= after + 1:  # a fold for one name hides nothing worth it
        return [", ".join(names)]
    rest = names[after:]
    return [
        ", ".join(names[:after]) + ", ",
        html.Details(
            [html.Summary(f"and {len(rest)} more", className="fold-summary"), html.Span(", ".join(rest))],
            className="fold",
        ),
    ]


def _node(d: Mapping[str, Any]) -> Node:
    return Node(URIRef(str(d.get("iri", ""))), str(d["label"]))


def coverage_of(c: Mapping[str, Any]) -> Coverage:
    """A target role's coverage in the report dict (``Coverage.to_dict()``) as the
    :class:`kg.gaps.Coverage` it came from, so the page words it with the text report's
    own functions (``uncovered_text``, ``below_text``, ``below_fixes``, ``assumed_text``,
    ``through_text``). Its ``taught`` skills, which the dict does not list and no text
    reads, are left empty.

    Examples
    --------
    >>> from kg.store import Store
    >>> plan = "# entry requirements: Python programming\\ncourse,term,teaches\\nSQL basics,1,SQL\\n"
    >>> report = analyse(Store.default(), plan, "csv", "plan.csv", ["Software Engineer"])["report"]
    >>> cov = coverage_of(report["coverage"][0])
    >>> [(n.label, cov.below_text(n)) for n in cov.uncovered if cov.below_text(n)]
    [('computer programming', 'assumed at entry to level 3 of 4, through Python programming')]
    >>> cov.below_fixes
    "teach 'computer programming' to level 4 (the entry requirement Python programming counts for it up to level 3)"
    >>> cov.percent == report["coverage"][0]["percent"]
    True
    """
    below = c.get("below_level") or []
    return Coverage(
        role=_node(c["role"]),
        essential=int(c.get("essential") or 0),
        taught=(),
        assumed_at_entry=tuple(_node(a) for a in c.get("assumed_at_entry") or []),
        uncovered=tuple(_node(u) for u in c.get("uncovered") or []),
        through_narrower=tuple(
            (_node(p["skill"]), _node(p["through"])) for p in c.get("through_narrower") or []
        ),
        below_level=tuple(
            (_node(b["skill"]), int(b["taught_level"]), int(b["required_level"])) for b in below
        ),
        below_level_through=tuple(
            (_node(b["skill"]), _node(b["through"]), bool(b.get("at_entry")))
            for b in below
            if b.get("through")
        ),
        assumed_through=tuple(
            (_node(p["skill"]), _node(p["through"])) for p in c.get("assumed_through_narrower") or []
        ),
        misspelt_as=tuple(
            (
                _node(m["skill"]),
                str(m["name"]),
                CourseRef(URIRef(m["course"]["iri"]), m["course"]["label"], int(m["course"]["term"]))
                if m.get("course")
                else None,
            )
            for m in c.get("uncovered_misspelt_as") or []
        ),
    )


def _uncovered_names(cov: Coverage) -> list[str]:
    """Each uncovered skill's label, one taught too low saying how far, one an unknown
    name may be saying which (as :meth:`kg.gaps.Coverage.uncovered_text` words it)."""
    return [n.label + (f" ({t})" if (t := cov.uncovered_note(n)) else "") for n in cov.uncovered]


def coverage_item(c: Mapping[str, Any]) -> html.Li:
    """A target role's entry in the Findings: its share covered, the skills assumed at
    entry (one assumed only through a narrower entry requirement saying which), those
    taught as part of a narrower skill, the uncovered ones (one taught below the level
    the role requires saying how far: ``computer programming (taught to level 3 of 4,
    through Python programming)``), and, for those, the fix, worded as ``careerkg gaps``
    words them.

    Examples
    --------
    >>> from kg.store import Store
    >>> plan = "# entry requirements: Python programming\\ncourse,term,teaches\\nSQL basics,1,SQL\\n"
    >>> report = analyse(Store.default(), plan, "csv", "plan.csv", ["Software Engineer"])["report"]
    >>> item = coverage_item(report["coverage"][0])
    >>> item.children[-1].children
    ['Fix: ', "teach 'computer programming' to level 4 (the entry requirement Python programming counts for it up to level 3)"]
    """
    if c["percent"] is None:
        return html.Li(
            [
                html.Strong(c["role"]["label"]),
                " — the data states no essential skills for it: nothing to cover",
            ],
            className="finding finding-uncovered",
        )
    cov = coverage_of(c)
    lead = bool(cov.assumed_at_entry or cov.through_narrower)
    text: list[Any] = [
        html.Strong(cov.role.label),
        f" — {c['percent']:g}% covered" + ("" if lead else "; uncovered: "),
        *(["; assumed at entry, not taught: ", cov.assumed_text()] if cov.assumed_at_entry else []),
        *(["; taught as part of a narrower skill: ", cov.through_text] if cov.through_narrower else []),
        # last in the line: a long list folds at its end, and opens in place
        *(["; uncovered: "] if lead else []),
        *folded_names(_uncovered_names(cov)),
    ]
    if cov.fixes:  # the list says how far (or which unknown name may be it); the fix, what to do
        return html.Li(
            [
                html.Span(text, className="finding-text"),
                html.Div(["Fix: ", cov.fixes], className="note"),
            ],
            className="finding finding-uncovered",
        )
    return html.Li(text, className="finding finding-uncovered")


def findings_list(report: Mapping[str, Any]) -> html.Div:
    """The findings grouped by kind, each with its suggested fix."""
    sections = []
    for key, title, kind in (
        ("missing_prerequisites", "Missing prerequisites", "missing"),
        ("order_violations", "Order violations", "order"),
        ("unknown_skills", "Unknown skills", "unknown"),
        ("duplicates", "Skills taught more than once", "duplicate"),
        ("idle_courses", "Courses that teach no skill", "idle"),
    ):
        items = report.get(key, [])
        if key == "idle_courses" and not items:
            continue  # a note shown only when there is one
        if key == "unknown_skills" and report.get("moves"):
            sections.append(moves_section(report))  # after the order violations they fix
        sections.append(
            html.Section(
                [
                    html.H3(f"{title} ({len(items)})"),
                    html.Ul(_items(items, kind), className="findings")
                    if items
                    else html.P("None.", className="muted"),
                ],
                id=f"gaps-{kind}",
            )
        )
    uncovered = [coverage_item(c) for c in report["coverage"]]
    sections.append(
        html.Section(
            [
                html.H3(f"Target role coverage ({len(report['coverage'])})"),
                html.Ul(uncovered, className="findings")
                if uncovered
                else html.P("No target role: choose one above.", className="muted"),
            ],
            id="gaps-coverage-list",
        )
    )
    return html.Div(sections, className="gaps-findings")


def moves_section(report: Mapping[str, Any]) -> html.Section:
    """The suggested term changes (``report["moves"]``): which course to move to which
    term so that each follows the courses whose skills it needs, and what the moves,
    made together, leave.

    Examples
    --------
    >>> from kg.store import Store
    >>> plan = "course,term,teaches,requires\\nML,1,machine learning,\\nMaths,2,linear algebra,\\n"
    >>> report = analyse(Store.default(), plan, "csv", "plan.csv")["report"]
    >>> head, said, items = moves_section(report).children
    >>> head.children, said.children
    ('Suggested term changes (2)', 'Made together: no order violation is left.')
    >>> [li.children.children for li in items.children]  # doctest: +NORMALIZE_WHITESPACE
    ["move 'Maths' from term 2 to term 1, before 'ML' (moved to term 2), which needs its skills",
     "move 'ML' from term 1 to term 2, after 'Maths' (moved to term 1), whose skills it needs"]
    """
    moves = report["moves"]
    return html.Section(
        [
            html.H3(f"Suggested term changes ({len(moves)})"),
            html.P(f"Made together: {report['moves_summary']}.", className="note"),
            html.Ul(
                [
                    html.Li(
                        html.Span(m["message"], className="finding-text"), className="finding finding-move"
                    )
                    for m in moves
                ],
                className="findings",
            ),
        ],
        id="gaps-moves",
    )


def coverage_colour(percent: float) -> str:
    """The bar colour of a coverage: green when complete, blue from :data:`NEARLY`
    percent, red below.

    Examples
    --------
    >>> [coverage_colour(p) for p in (100, 80.8, 75, 70)] == [COMPLETE_COLOUR, NEARLY_COLOUR, NEARLY_COLOUR, HIGHLIGHT]
    True
    """
    return COMPLETE_COLOUR if percent >= 100 else NEARLY_COLOUR if percent >= NEARLY else HIGHLIGHT


COVERAGE_NOTE = f"Green: all essential skills covered; blue: at least {NEARLY:g}%; red: under {NEARLY:g}%."
"""What the bar colours of :func:`coverage_figure` mean (under the chart's title, on
two lines: :data:`COVERAGE_NOTE_LINES`)."""

COVERAGE_NOTE_LINES = (
    "Green: all essential skills covered;",
    f"blue: at least {NEARLY:g}%; red: under {NEARLY:g}%.",
)
""":data:`COVERAGE_NOTE` in lines a phone's chart holds (one line under the plot ran
out of a 340 px chart, over the slanted tick labels)."""

_NOTE_LINE = 16  # pixels a line of the note under a title takes

INSIDE_FROM = 50.0
"""A coverage bar of this percent or more writes its text inside; a shorter one beside
it. Plotly's own choice put "69.7% (23/33)" beside a bar whose end left it no room on a
phone, and the text was cut off at the chart's edge."""


HOVER_WIDTH = 48
"""Characters a line of the coverage chart's hover label holds: some 340 px, within a
phone's width."""


def coverage_figure(coverage: Sequence[Mapping[str, Any]]) -> go.Figure:
    """Percent of essential skills covered per target role (horizontal bars on a
    0–100% axis, coloured by :func:`coverage_colour`, with :data:`COVERAGE_NOTE` under
    the title).

    The axis is labelled at 0, 50 and 100% (with grid lines at each quarter, 75% being
    :data:`NEARLY`): six labels every 20% slanted upright on a phone, where the role
    names leave the plot some 130 px, and ran into the note.

    Examples
    --------
    >>> fig = coverage_figure([{"role": {"label": "Data Scientist"}, "percent": 80.0, "essential": 10, "covered": 8, "uncovered": []}])
    >>> fig.data[0].type, list(fig.data[0].x), list(fig.layout.xaxis.range)
    ('bar', [80.0], [0, 100])
    >>> fig.layout.title.subtitle.text
    'Green: all essential skills covered;<br>blue: at least 75%; red: under 75%.'
    >>> fig.layout.xaxis.dtick, fig.layout.xaxis.minor.dtick, fig.data[0].textposition
    (50, 25, ('inside',))
    """
    roles = [c["role"]["label"] for c in coverage]
    # a role the data states no essential skills for has no bar: "100%" would be a claim
    percent = [None if c["percent"] is None else float(c["percent"]) for c in coverage]
    fills = [HIGHLIGHT if p is None else coverage_colour(p) for p in percent]
    fig = go.Figure(
        go.Bar(
            x=[0 if p is None else p for p in percent],
            y=roles,
            orientation="h",
            marker_color=fills,
            # text at 4.5:1 or more on each bar (white on the green was 3.4:1), and beside it
            insidetextfont={"color": bar_text_colours(fills)},
            outsidetextfont={"color": DARK_TEXT},
            text=[
                "no essential skills stated" if p is None else f"{p:g}% ({c['covered']}/{c['essential']})"
                for p, c in zip(percent, coverage, strict=True)
            ],
            textposition=["inside" if p is not None and p >= INSIDE_FROM else "outside" for p in percent],
            cliponaxis=False,  # text beside a bar may reach into the right margin
            hovertext=[
                "The data states no essential skills for this role"
                if c["percent"] is None
                # wrapped: on one line, the Software Engineer's of the MSc example was
                # 2,050 px wide, off both sides of the chart on a desktop and on a phone
                else "<br>".join(
                    _wrap(line, HOVER_WIDTH)
                    for line in (
                        "Uncovered: " + cov.uncovered_text("none"),
                        "Assumed at entry, not taught: " + cov.assumed_text() if cov.assumed_at_entry else "",
                        "Taught as part of a narrower skill: " + cov.through_text
                        if cov.through_narrower
                        else "",
                    )
                    if line
                )
                for c, cov in zip(coverage, map(coverage_of, coverage), strict=True)
            ],
            hoverinfo="text",
        )
    )
    title = figure_title("Essential skills of the target roles covered")
    title |= {"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 12}}
    title["subtitle"] = {"text": "<br>".join(COVERAGE_NOTE_LINES), "font": {"size": 12, "color": "#5b6577"}}
    fig.update_layout(
        title=title,
        font=FONT,
        height=max(190, 100 + 44 * len(roles)) + 2 * _NOTE_LINE,
        # room on the right for the "100%" tick label (plotly hides a label past the edge)
        margin={"l": 10, "r": 36, "t": 50 + 2 * _NOTE_LINE, "b": 10},
        shapes=[
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": 100,
                "x1": 100,
                "y0": 0,
                "y1": 1,
                "line": {"color": "#5b6474", "width": 1, "dash": "dot"},
            }
        ],
        paper_bgcolor="white",
        plot_bgcolor="white",
    )
    fig.update_xaxes(
        range=[0, 100],
        autorange=False,
        fixedrange=True,
        ticksuffix="%",
        dtick=50,
        minor={"dtick": 25, "showgrid": True, "gridcolor": "#e8ebf0"},
        gridcolor="#e8ebf0",
    )
    # nothing to zoom: the roles are few and the axis is 0-100% (zoom, pan, zoom in and
    # out, autoscale and reset axes were six stops of the Tab order that did nothing)
    fig.update_yaxes(autorange="reversed", automargin=True, fixedrange=True)
    return fig


_TERM_KINDS = (
    ("missing_prerequisites", "missing prerequisites", HIGHLIGHT),
    ("order_violations", "order violations", ORDER_COLOUR),
    ("unknown_skills", "unknown skills", UNKNOWN_COLOUR),
)


def term_gaps(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Per term, the courses, the skills taught and the gaps found in its courses.

    Parameters
    ----------
    report : mapping
        A gap report (``GapReport.to_dict()``).

    Returns
    -------
    list of dict
        One ``{"term", "courses", "skills", "missing_prerequisites", "order_violations",
        "unknown_skills"}`` per term that has a course, in term order (the gap entries are
        the findings' messages); unknown skills of the entry requirements come first, as
        term ``0``, when there are any.

    Examples
    --------
    >>> from kg.store import Store
    >>> report = analyse(Store.default(), *load_example("ml-bootcamp.csv"))["report"]
    >>> [(t["term"], len(t["missing_prerequisites"]), len(t["order_violations"]), len(t["unknown_skills"])) for t in term_gaps(report)]
    [(1, 2, 0, 0), (2, 1, 2, 0), (3, 0, 0, 1), (4, 2, 0, 0)]
    """
    terms: dict[int, dict[str, Any]] = {}

    def term(t: int) -> dict[str, Any]:
        return terms.setdefault(
            t, {"term": t, "courses": 0, "skills": set(), **{k: [] for k, _l, _c in _TERM_KINDS}}
        )

    for c in report["courses"]:
        row = term(c["term"])
        row["courses"] += 1
        row["skills"] |= {s["iri"] or s["label"] for s in c["teaches"]}
    for key, _label, _colour in _TERM_KINDS:
        for f in report[key]:
            term(f["course"]["term"] if f.get("course") else 0)[key].append(f["message"])
    return [{**r, "skills": len(r["skills"])} for _t, r in sorted(terms.items())]


def term_figure(report: Mapping[str, Any]) -> go.Figure:
    """Gaps by term: stacked bars of the missing prerequisites, order violations and
    unknown skills of each term's courses (hover lists them), each term labelled with
    its courses and skills taught.

    Examples
    --------
    >>> from kg.store import Store
    >>> report = analyse(Store.default(), *load_example("ml-bootcamp.csv"))["report"]
    >>> fig = term_figure(report)
    >>> [(bar.name, list(bar.y)) for bar in fig.data]
    [('missing prerequisites', [2, 1, 0, 2]), ('order violations', [0, 2, 0, 0]), ('unknown skills', [0, 0, 1, 0])]
    >>> list(fig.data[0].x)[:2]
    ['Term 1<br>2 courses, 8 skills', 'Term 2<br>2 courses, 11 skills']
    >>> fig.layout.legend.yref, fig.layout.legend.y
    ('container', 0)
    """
    rows = term_gaps(report)
    names = [
        "Entry requirements"
        if r["term"] == 0
        else f"Term {r['term']}<br>{_plural(r['courses'], 'course', 'courses')}, "
        f"{_plural(r['skills'], 'skill', 'skills')}"
        for r in rows
    ]
    fig = go.Figure(
        [
            go.Bar(
                name=label,
                x=names,
                y=[len(r[key]) for r in rows],
                marker={"color": colour, "line": BAR_LINE},  # the orange is 2.3:1 on white
                hovertext=["<br>".join(_wrap(m) for m in r[key]) or "none" for r in rows],
                hoverinfo="name+text",
                hoverlabel={"namelength": -1},
            )
            for key, label, colour in _TERM_KINDS
        ]
    )
    fig.update_layout(
        barmode="stack",
        title=figure_title("Gaps in each term's courses"),
        font=FONT,
        height=320,
        margin={"l": 10, "r": 10, "t": 42, "b": 10},
        legend={**FOOT_LEGEND, "traceorder": "normal"},  # under the term names
        paper_bgcolor="white",
        plot_bgcolor="white",
    )
    fig.update_yaxes(
        rangemode="tozero",
        dtick=1 if max((sum(len(r[k]) for k, _l, _c in _TERM_KINDS) for r in rows), default=0) <= 6 else None,
        gridcolor="#e8ebf0",
        fixedrange=True,
    )
    fig.update_xaxes(fixedrange=True)
    return fig


def _wrap(text: str, width: int = 90) -> str:
    """``text`` broken into lines of about ``width`` characters for a hover label, with
    ``<``, ``>`` and ``&`` escaped: the names in it are the uploader's, and plotly reads
    tags (``<a href>``, ``<b>``) in hover text. Words are not broken at their hyphens
    (``problem-solving``).

    Examples
    --------
    >>> _wrap("'<b>Stats</b> & co' (term 1) needs 'SQL'", width=24)
    "'&lt;b&gt;Stats&lt;/b&gt; &amp; co'<br>  (term 1) needs 'SQL'"
    """
    import html as html_text
    import textwrap

    return "<br>  ".join(
        html_text.escape(line, quote=False) for line in textwrap.wrap(text, width, break_on_hyphens=False)
    )


# --------------------------------------------------------------------- the graph

_COL = 420.0  # horizontal distance between terms
_ROW = 70.0


def gap_elements(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Cytoscape elements: courses in columns by term, the skills they teach beside them,
    gaps highlighted (missing prerequisites and unknown skills as extra nodes, order
    violations as red edges from the course to the late-taught skill).

    Node ids are IRIs (courses, skills) or ``unknown:<name>``; positions are preset.
    """
    elements: list[dict[str, Any]] = []
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[str, dict[str, Any]] = {}
    rows: dict[int, float] = defaultdict(float)  # next free y per column

    def node(nid: str, label: str, kind: str, col: int, extra: str = "") -> None:
        if nid in nodes:
            if extra and extra not in nodes[nid]["classes"]:
                nodes[nid]["classes"] += f" {extra}"
            return
        y = rows[col]
        rows[col] += _ROW
        nodes[nid] = {
            "data": {"id": nid, "label": label, "type": kind},
            "classes": " ".join(x for x in (kind, extra) if x),
            "position": {"x": col * _COL / 2, "y": y},
        }

    def edge(u: str, v: str, rel: str, extra: str = "") -> None:
        eid = f"{u}|{rel}|{v}"
        if eid not in edges:
            edges[eid] = {
                "data": {"id": eid, "source": u, "target": v, "relation": rel},
                "classes": " ".join(x for x in (rel, extra) if x),
            }
        elif extra and extra not in edges[eid]["classes"]:
            edges[eid]["classes"] += f" {extra}"

    entry = [s for s in report.get("entry_requirements", []) if s.get("iri")]
    for s in entry:
        node(s["iri"], s["label"], "skill", 0, "entry")
    for c in report["courses"]:
        col = 2 * c["term"] - 1
        node(c["iri"], f"{c['label']} (term {c['term']})", "course", col)
        for s in c["teaches"]:
            if s.get("iri"):
                node(s["iri"], s["label"], "skill", col + 1)
                edge(c["iri"], s["iri"], "teaches")
    for f in report["missing_prerequisites"]:
        p = f["prerequisite"]
        node(p["iri"], p["label"], "skill", 0, "gap-missing")
        edge(f["course"]["iri"], p["iri"], "needs", "gap-missing")
    for f in report["order_violations"]:
        p = f["prerequisite"]
        node(p["iri"], p["label"], "skill", 2 * f["course"]["term"], "gap-order")
        edge(f["course"]["iri"], p["iri"], "needs", "gap-order")
    for u in report["unknown_skills"]:
        nid = f"unknown:{u['name']}"
        col = 2 * u["course"]["term"] if u.get("course") else 0
        node(nid, f"{u['name']} (unknown)", "skill", col, "gap-unknown")
        if u.get("course"):
            edge(u["course"]["iri"], nid, "teaches" if u["column"] == "teaches" else "needs", "gap-unknown")
    covered_gaps = {u["iri"] for c in report["coverage"] for u in c["uncovered"]}
    for nid in covered_gaps & set(nodes):
        nodes[nid]["classes"] += " gap-uncovered"
    elements += nodes.values()
    elements += [e for e in edges.values() if e["data"]["source"] in nodes and e["data"]["target"] in nodes]
    return elements


def gap_stylesheet() -> list[dict[str, Any]]:
    """The app's base stylesheet plus the gap highlights.

    Examples
    --------
    >>> sels = [r["selector"] for r in gap_stylesheet()]
    >>> "node.gap-missing" in sels and "edge.gap-order" in sels
    True
    """
    return [
        *stylesheet(),
        {
            "selector": "node.entry",
            "style": {"border-width": 3, "border-color": "#009E73", "border-style": "double"},
        },
        {
            "selector": "node.gap-missing",
            "style": {"border-width": 4, "border-color": HIGHLIGHT, "border-style": "dashed"},
        },
        {"selector": "node.gap-order", "style": {"border-width": 4, "border-color": ORDER_COLOUR}},
        {
            "selector": "node.gap-unknown",
            "style": {
                "background-color": UNKNOWN_COLOUR,
                "border-width": 3,
                "border-color": HIGHLIGHT,
                "shape": "tag",
            },
        },
        {
            "selector": "edge.needs",
            "style": {
                "line-style": "dashed",
                "width": 2,
                "line-color": "#8a93a3",
                "target-arrow-color": "#8a93a3",
            },
        },
        {
            "selector": "edge.gap-missing",
            "style": {"line-color": HIGHLIGHT, "target-arrow-color": HIGHLIGHT, "width": 3},
        },
        {
            "selector": "edge.gap-order",
            "style": {"line-color": ORDER_COLOUR, "target-arrow-color": ORDER_COLOUR, "width": 3},
        },
        {
            "selector": "edge.gap-unknown",
            "style": {"line-color": UNKNOWN_COLOUR, "target-arrow-color": UNKNOWN_COLOUR},
        },
    ]
