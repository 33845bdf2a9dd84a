"""``careerkg path SOURCE TARGET``: the shortest learning path between two roles."""

from __future__ import annotations

import json
import shutil
import textwrap
from collections.abc import Sequence
from pathlib import Path

import click

from kg.cli import Count, command, data_option, format_option, open_store
from kg.paths import (
    LearningPath,
    alternative_note,
    assumed_hours_note,
    below_note,
    optional_only_note,
    source_unspecified_note,
    unspecified_note,
)
from kg.pathtext import COVERING, SCOPE_OPTIONAL, VALIDATING_TITLE, hours_text, shortfall_note

__all__ = ["fill_list", "path_command", "render_markdown", "render_table"]


def _chain(path: LearningPath) -> str:
    sep = " ⇢ " if path.switch else " → "
    return sep.join(path.label(r) for r in path.roles)


def _level(step_from: int, step_to: int) -> str:
    return f"{step_from}→{step_to}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _years(path: LearningPath) -> str:
    if not path.years:
        return ""
    return f" (typically {path.years:g} {'year' if path.years == 1 else 'years'})"


def _known(path: LearningPath) -> str:
    return ", ".join(f"{path.label(k)} (level {v})" for k, v in path.known.items())


_SWITCH = "direct switch: no career progression leads there"
_NONE_KNOWN = "nothing given, so the plan starts from no skill (--know SKILL[:LEVEL] for each you have)"
_NOTHING = "nothing to learn: you already have every skill the target requires"


def _unspecified(path: LearningPath) -> str:
    """The note on roles whose data lists no skill requirements ('' when there are none)."""
    return unspecified_note([path.label(r) for r in path.unspecified])


def _optional_only(path: LearningPath) -> str:
    """The note on roles whose data lists only optional requirements, left out ('' for none)."""
    note = optional_only_note([path.label(r) for r in path.optional_only])
    return f"{note} (--optional plans them too)" if note else ""


def _from_scratch(path: LearningPath) -> str:
    """The note on a source role whose data lists no skill requirements ('' otherwise)."""
    return source_unspecified_note(path.label(path.source)) if path.source_unspecified else ""


def _nothing(path: LearningPath) -> str:
    """What a plan without steps says: nothing to learn, or nothing the data can tell."""
    if path.target in path.unspecified:
        return f"nothing to plan: {_unspecified(path)}"
    if path.target in path.optional_only:
        return f"nothing to learn: {_optional_only(path)}"
    return _NOTHING


def _assumed(path: LearningPath) -> str:
    """The note on steps planned with assumed learning hours ('' when there are none)."""
    return assumed_hours_note([s.label for s in path.steps if s.hours_estimated])


def _fewer(path: LearningPath, asked: int) -> str:
    """The note when fewer alternatives came back than were asked for ('' otherwise), as
    the path finder page and its downloads say it (:func:`kg.pathtext.shortfall_note`)."""
    return shortfall_note(asked, len(path.alternatives))


_NBSP = "\N{NO-BREAK SPACE}"

WHY_COLUMN = 40
"""Narrowest ``why`` column; below it the reasons go on the lines under each step."""

SKILL_COLUMN = 20
"""Narrowest ``skill`` column a long label is wrapped in, when the rows would pass the width."""


def _keep(text: str) -> str:
    """``text`` that :func:`_fill` never breaks."""
    return text.replace(" ", _NBSP)


def _fill(text: str, width: int, indent: int) -> list[str]:
    """``text`` wrapped to ``width``, lines after the first indented by ``indent``."""
    lines = textwrap.wrap(
        text,
        width=max(width, indent + 20),
        subsequent_indent=" " * indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [text]
    return [line.replace(_NBSP, " ") for line in lines]


def fill_list(head: str, items: Sequence[str], width: int, indent: int) -> list[str]:
    """``head`` then ``items`` separated by commas, wrapped between items, never inside one.

    Examples
    --------
    >>> fill_list("learn alone: ", ["linear algebra", "deep learning", "SQL"], 30, 4)
    ['learn alone: linear algebra,', '    deep learning, SQL']
    """
    fits = max(width, indent + 20) - indent - 1  # an item longer than a line is broken after all
    return _fill(head + ", ".join(_keep(i) if len(i) <= fits else i for i in items), width, indent)


def _chain_kept(path: LearningPath) -> str:
    """The role chain, breakable only between roles."""
    sep = " ⇢ " if path.switch else " → "
    return sep.join(_keep(path.label(r)) for r in path.roles)


def render_table(path: LearningPath, *, width: int | None = None, asked: int = 0) -> str:
    """The plain-text report: steps, hours, cumulative hours, reasons, then the rest.

    Parameters
    ----------
    path : LearningPath
    width : int, optional
        The width to wrap to; the terminal's (``COLUMNS``, else 100) by default. The
        reasons wrap inside the ``why`` column, or go on the lines below each step
        when the column would be narrower than :data:`WHY_COLUMN`; lists wrap
        between their items, with an indent.
    asked : int
        How many alternatives were asked for, to say so when fewer exist.

    Examples
    --------
    >>> from kg.paths import learning_path
    >>> from kg.synthetic import tiny_graph
    >>> path = learning_path(tiny_graph(), "role:analyst", "role:data-scientist")
    >>> print(render_table(path, width=100))
    ... # doctest: +NORMALIZE_WHITESPACE
    Learning path: Analyst → Data Scientist
    roles: Analyst → Data Scientist (typically 2 years)
    <BLANKLINE>
      #  skill             level  hours  cumulative  why
      1  Linear Algebra    0→3       30          30  prerequisite of Machine Learning
      2  Machine Learning  0→3       60          90  required by Data Scientist at level 3 (essential)
    <BLANKLINE>
    total: 90 hours in 2 steps
    >>> for line in render_table(path, width=92).splitlines()[3:]:
    ...     print(line)
       #  skill             level  hours  cumulative  why
       1  Linear Algebra    0→3       30          30  prerequisite of Machine Learning
       2  Machine Learning  0→3       60          90  required by Data Scientist at level 3
                                                      (essential)
    <BLANKLINE>
    total: 90 hours in 2 steps
    >>> for line in render_table(path, width=60).splitlines()[3:8]:
    ...     print(line)
       #  skill             level  hours  cumulative
       1  Linear Algebra    0→3       30          30
          why: prerequisite of Machine Learning
       2  Machine Learning  0→3       60          90
          why: required by Data Scientist at level 3 (essential)
    """
    if width is None:
        width = shutil.get_terminal_size((100, 24)).columns
    src = path.label(path.source) if path.source is not None else "(your skills)"
    lines = [f"Learning path: {src} → {path.label(path.target)}"]
    note = f"  [⇢ {_SWITCH}]" if path.switch else ""
    lines += _fill(f"roles: {_chain_kept(path)}{_years(path)}{note}", width, 7)
    if path.optional:
        lines += _fill(f"plans: {SCOPE_OPTIONAL}", width, 7)
    if path.below:
        lines += _fill(f"note: {below_note([path.label(r) for r in path.below])}", width, 6)
    if path.known:
        known = [f"{path.label(k)} (level {v})" for k, v in path.known.items()]
        lines += fill_list("known: ", known, width, 7)
    elif path.source is None:  # '-' with no --know: the plan starts from no skill at all
        lines += _fill(f"known: {_NONE_KNOWN}", width, 7)
    lines.append("")
    if path.steps:
        pw = max(2, *(len(str(s.position)) for s in path.steps))
        w = max(5, *(len(s.label) for s in path.steps))
        hw = max(5, *(len(hours_text(s.hours)) for s in path.steps))
        # a long label (ESCO has skills of 85 characters) wraps in its column: rows fit the width
        w = min(w, max(SKILL_COLUMN, width - (pw + hw + 27)))
        row = f"  {'#':>{pw}}  {'skill':<{w}}  level  {'hours':>{hw}}  cumulative  "
        column = width - len(row) >= WHY_COLUMN  # else each step's reasons go below it
        lines.append(row + "why" if column else row.rstrip())
        for s in path.steps:
            label, *more_label = _fill(s.label, w, 0) if len(s.label) > w else [s.label]
            head = (
                f"  {s.position:>{pw}}  {label:<{w}}  {_level(s.from_level, s.level):<5}"
                f"  {hours_text(s.hours):>{hw}}  {hours_text(s.cumulative_hours):>10}  "
            )
            why = "; ".join(s.reasons)
            if column:  # never with a label wrapped: the column is there only when rows fit whole
                wrapped = _fill(why, width - len(head), 0)
                lines.append(head + wrapped[0])
                lines += [" " * len(head) + more for more in wrapped[1:]]
            else:
                lines.append(head.rstrip())
                lines += [f"{' ' * (pw + 4)}{part}" for part in more_label]
                lines += _fill(f"{' ' * (pw + 4)}why: {why}", width, pw + 9)
        lines.append("")
    else:
        lines += [*_fill(_nothing(path), width, 0), ""]
    lines.append(f"total: {hours_text(path.total_hours)} hours in {_plural(len(path.steps), 'step')}")
    if path.steps and (unspecified := _unspecified(path)):
        lines += _fill(f"note: {unspecified}", width, 6)
    if path.steps and (optional := _optional_only(path)):
        lines += _fill(f"note: {optional}", width, 6)
    if from_scratch := _from_scratch(path):
        lines += _fill(f"note: {from_scratch}", width, 6)
    if assumed := _assumed(path):
        lines += _fill(f"note: {assumed}", width, 6)
    for title, chosen in ((COVERING, path.credentials), (VALIDATING_TITLE, path.validating)):
        if not chosen:
            continue
        lines += _fill(f"{title}:", width, 2)
        for c in chosen:
            head = f"  - {c.label} ({c.type}, {hours_text(c.hours)} h): "
            lines += fill_list(head, [path.label(x) for x in c.covers], width, 6)
            if c.expects:
                lines += fill_list(
                    "      expects beforehand, not in this plan: ",
                    [path.label(x) for x in c.expects],
                    width,
                    8,
                )
            if c.last_day:
                lines.append(f"      last day to take it: {c.last_day}")
    if path.uncovered and path.credentials:  # (with none, every step: the table above)
        lines += fill_list("learn alone: ", [path.label(x) for x in path.uncovered], width, 13)
    if path.alternatives:
        lines.append("alternatives:")
        plan = path.to_dict()
        for i, (alt, d) in enumerate(zip(path.alternatives, plan["alternatives"], strict=True), start=2):
            effort = _keep(f"{hours_text(alt.total_hours)} hours in {_plural(len(alt.steps), 'step')}")
            lines += _fill(f"  {i}. {_chain_kept(alt)}{_keep(_years(alt))}: {effort}", width, 6)
            lines += _fill(f"      against the plan above: {alternative_note(plan, d)}", width, 6)
    if fewer := _fewer(path, asked):
        lines.append(f"alternatives: {fewer}" if not path.alternatives else f"  ({fewer})")
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(path: LearningPath, *, asked: int = 0) -> str:
    """The report as Markdown (a heading, a steps table, credentials as a list).

    Parameters
    ----------
    path : LearningPath
    asked : int
        How many alternatives were asked for, to say so when fewer exist.

    Examples
    --------
    >>> from kg.paths import learning_path
    >>> from kg.synthetic import tiny_graph
    >>> md = render_markdown(learning_path(tiny_graph(), "role:analyst", "role:data-scientist"))
    >>> md.splitlines()[0]
    '## Learning path: Analyst → Data Scientist'
    >>> "| 2 | Machine Learning | 0→3 | 60 | 90 |" in md
    True
    >>> print(render_markdown(learning_path(tiny_graph(), "role:analyst", "role:analyst")))
    ## Learning path: Analyst → Analyst
    <BLANKLINE>
    **Roles:** Analyst
    <BLANKLINE>
    Nothing to learn: you already have every skill the target requires.
    <BLANKLINE>
    **Total:** 0 hours in 0 steps
    """
    src = path.label(path.source) if path.source is not None else "your skills"
    out = [f"## Learning path: {src} → {path.label(path.target)}", ""]
    out.append(f"**Roles:** {_chain(path)}{_years(path)}" + (f" ({_SWITCH})" if path.switch else ""))
    if path.optional:
        out += ["", f"**Plans:** {SCOPE_OPTIONAL}"]
    if path.below:
        out += ["", f"**Note:** {below_note([path.label(r) for r in path.below])}."]
    if path.known:
        out += ["", f"**Known:** {_known(path)}"]
    elif path.source is None:
        out += ["", f"**Known:** {_NONE_KNOWN}"]
    if path.steps:
        out += ["", "| # | skill | level | hours | cumulative | why |", "|---:|---|---|---:|---:|---|"]
        for s in path.steps:
            out.append(
                f"| {s.position} | {_md(s.label)} | {_level(s.from_level, s.level)} | {hours_text(s.hours)} "
                f"| {hours_text(s.cumulative_hours)} | {_md('; '.join(s.reasons))} |"
            )
    else:
        nothing = _nothing(path)
        out += ["", nothing[0].upper() + nothing[1:] + "."]
    out += ["", f"**Total:** {hours_text(path.total_hours)} hours in {_plural(len(path.steps), 'step')}"]
    if path.steps and (unspecified := _unspecified(path)):
        out += ["", f"**Note:** {unspecified}."]
    if path.steps and (optional := _optional_only(path)):
        out += ["", f"**Note:** {optional}."]
    if from_scratch := _from_scratch(path):
        out += ["", f"**Note:** {from_scratch}."]
    if assumed := _assumed(path):
        out += ["", f"**Note:** {assumed}."]
    for title, chosen in ((COVERING, path.credentials), (VALIDATING_TITLE, path.validating)):
        if not chosen:
            continue
        out += ["", f"**{title[0].upper()}{title[1:]}:**", ""]
        for c in chosen:
            out.append(
                f"- {c.label} ({c.type}, {hours_text(c.hours)} h): "
                + ", ".join(path.label(x) for x in c.covers)
            )
            if c.expects:
                out.append(
                    "  - expects beforehand, not in this plan: " + ", ".join(path.label(x) for x in c.expects)
                )
            if c.last_day:
                out.append(f"  - last day to take it: {c.last_day}")
    if path.uncovered and path.credentials:
        out += [
            "",
            "**Learn alone** (no credential covers them): "
            + ", ".join(path.label(x) for x in path.uncovered),
        ]
    if path.alternatives:
        out += ["", "**Alternatives:**", ""]
        plan = path.to_dict()
        for alt, d in zip(path.alternatives, plan["alternatives"], strict=True):
            effort = f"{hours_text(alt.total_hours)} hours in {_plural(len(alt.steps), 'step')}"
            out.append(f"- {_chain(alt)}{_years(alt)}: {effort}")
            out.append(f"  - against the plan above: {_md(alternative_note(plan, d))}")
    if fewer := _fewer(path, asked):
        out += [
            "",
            f"**Alternatives:** {fewer}." if not path.alternatives else f"({fewer}.)",
        ]
    return "\n".join(out)


def _check_names(source: str, target: str) -> None:
    """Refuse an empty SOURCE or TARGET, saying what to give.

    An empty SOURCE, as an unset shell variable gives it (``careerkg path "$FROM" ...``),
    planned from no skills at all without a word, as ``-`` does.

    Examples
    --------
    >>> _check_names("-", "Data Scientist")
    >>> _check_names("", "Data Scientist")
    Traceback (most recent call last):
    ...
    click.exceptions.UsageError: SOURCE is empty; give your current role, e.g. 'Software Engineer', or '-' to start from the skills you give with --know
    """
    if not source.strip():
        raise click.UsageError(
            "SOURCE is empty; give your current role, e.g. 'Software Engineer', or '-' to start from "
            "the skills you give with --know"
        )
    if not target.strip():
        raise click.UsageError("TARGET is empty; give the role you want, e.g. 'Machine Learning Engineer'")


def _outside_note(target: str, *, own_graph: bool = False) -> str:
    """What to do when SOURCE is a role the graph does not know at all (a teacher, a
    marketing manager switching careers): plan from one's skills, or read a graph of every
    occupation. 'no similar label is known' left them there.

    Examples
    --------
    >>> print(_outside_note("Data Analyst", own_graph=True))
    no role of the graph is like it; to plan from the skills you have, give '-' and name them: careerkg path - 'Data Analyst' --know 'SQL:3' --know statistics (a --know for each)
    >>> print(_outside_note("Data Analyst"))
    no role of the graph is like it; to plan from the skills you have, give '-' and name them: careerkg path - 'Data Analyst' --know 'SQL:3' --know statistics (a --know for each), or read ESCO or O*NET, which name every occupation (careerkg import esco|onet DIR --store DIR, then careerkg --store DIR path ...)
    """
    import shlex

    plan = (
        "no role of the graph is like it; to plan from the skills you have, give '-' and name them: "
        f"careerkg path - {shlex.quote(target)} --know 'SQL:3' --know statistics (a --know for each)"
    )
    if own_graph:  # --store or --data: the user reads a graph of their choosing already
        return plan
    return (
        f"{plan}, or read ESCO or O*NET, which name every occupation (careerkg import esco|onet DIR "
        "--store DIR, then careerkg --store DIR path ...)"
    )


@command("path")
@click.argument("source")
@click.argument("target")
@click.option(
    "--know",
    "know",
    multiple=True,
    metavar="SKILL[:LEVEL]",
    help="A skill you already have, optionally with a level 1-5 (default 5); repeatable.",
)
@click.option(
    "--alternatives",
    type=Count(0),
    default=0,
    show_default=True,
    help="How many next-best paths to show, each with how it differs from the plan.",
)
@click.option("--optional", is_flag=True, help="Also learn the optional requirements of the roles.")
@click.option("--no-switch", is_flag=True, help="Only follow career progressions (no direct switch).")
@format_option(
    ["table", "json", "md"],
    help="table: the readable plan; json: for scripts; md: Markdown.",
)
@data_option
def path_command(
    source: str,
    target: str,
    know: tuple[str, ...],
    alternatives: int,
    optional: bool,
    no_switch: bool,
    fmt: str,
    data: tuple[Path, ...],
) -> None:
    """The shortest learning path from SOURCE to the role TARGET.

    SOURCE is your current role, or '-' / 'none' to start from the skills you give
    with --know. Exit 2 for unknown names (with the closest labels), 1 when the
    target cannot be reached.

    \b
    careerkg path "Software Engineer" "Machine Learning Engineer"
    careerkg path - "Data Scientist" --know Python:3 --know SQL --format md
    """
    from kg.errors import KGError, NoLearningPath, UnknownEntity
    from kg.paths import plan

    _check_names(source, target)
    try:
        result = plan(
            open_store(data),
            source,
            target,
            know=know,
            alternatives=alternatives,
            optional=optional,
            switch=not no_switch,
        )
    except NoLearningPath as err:
        if not no_switch:
            raise
        raise NoLearningPath(f"{err}; leave out --no-switch to plan a direct switch") from None
    except UnknownEntity as err:
        if err.kind != "role" or err.name != source or err.suggestions or "(it names" in str(err):
            raise
        from kg.cli import STORE_KEY

        own = bool(data) or bool(click.get_current_context().meta.get(STORE_KEY))
        raise KGError(f"unknown role name {source!r}: {_outside_note(target, own_graph=own)}") from None
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    elif fmt == "md":
        click.echo(render_markdown(result, asked=alternatives))
    else:
        click.echo(render_table(result, asked=alternatives))
