"""``careerkg path SOURCE TARGET``: the shortest learning path between two roles."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli import command, data_option, open_store
from kg.paths import LearningPath

__all__ = ["path_command", "render_markdown", "render_table"]


def _chain(path: LearningPath) -> str:
    sep = " ⇢ " if path.switch else " → "
    return sep.join(path.label(r) for r in path.roles)


def _level(step_from: int, step_to: int) -> str:
    return f"{step_from}→{step_to}"


def render_table(path: LearningPath) -> str:
    """The plain-text report: steps, hours, cumulative hours, reasons, then the rest.

    Examples
    --------
    >>> from kg.paths import learning_path
    >>> from kg.synthetic import tiny_graph
    >>> print(render_table(learning_path(tiny_graph(), "role:analyst", "role:data-scientist")))
    ... # doctest: +NORMALIZE_WHITESPACE
    Learning path: Analyst → Data Scientist
    roles: Analyst → Data Scientist (typically 2 years)
    <BLANKLINE>
      #  skill             level  hours  cumulative  why
      1  Linear Algebra    0→3     30.0        30.0  prerequisite of Machine Learning
      2  Machine Learning  0→3     60.0        90.0  required by Data Scientist at level 3 (essential)
    <BLANKLINE>
    total: 90.0 hours in 2 steps
    learn alone: Linear Algebra, Machine Learning
    """
    src = path.label(path.source) if path.source is not None else "(your skills)"
    lines = [f"Learning path: {src} → {path.label(path.target)}"]
    years = f" (typically {path.years:g} years)" if path.years else ""
    note = "  [⇢ direct switch: no career progression leads there]" if path.switch else ""
    lines.append(f"roles: {_chain(path)}{years}{note}")
    if path.known:
        lines.append("known: " + ", ".join(f"{path.label(k)} (level {v})" for k, v in path.known.items()))
    lines.append("")
    if path.steps:
        w = max(5, *(len(s.label) for s in path.steps))
        lines.append(f"  {'#':>2}  {'skill':<{w}}  level  {'hours':>5}  cumulative  why")
        for s in path.steps:
            lines.append(
                f"  {s.position:>2}  {s.label:<{w}}  {_level(s.from_level, s.level):<5}  {s.hours:>5.1f}"
                f"  {s.cumulative_hours:>10.1f}  {'; '.join(s.reasons)}"
            )
        lines.append("")
    else:
        lines.append("nothing to learn: you already have every skill the target requires")
        lines.append("")
    lines.append(f"total: {path.total_hours:.1f} hours in {len(path.steps)} steps")
    if path.credentials:
        lines.append("credentials covering the plan:")
        for c in path.credentials:
            lines.append(
                f"  - {c.label} ({c.type}, {c.hours:g} h): " + ", ".join(path.label(x) for x in c.covers)
            )
    if path.uncovered:
        lines.append("learn alone: " + ", ".join(path.label(x) for x in path.uncovered))
    if path.alternatives:
        lines.append("alternatives:")
        for i, alt in enumerate(path.alternatives, start=2):
            lines.append(f"  {i}. {_chain(alt)}: {alt.total_hours:.1f} hours in {len(alt.steps)} steps")
    return "\n".join(lines)


def render_markdown(path: LearningPath) -> str:
    """The report as Markdown (a heading, a steps table, credentials as a list).

    Examples
    --------
    >>> from kg.paths import learning_path
    >>> from kg.synthetic import tiny_graph
    >>> md = render_markdown(learning_path(tiny_graph(), "role:analyst", "role:data-scientist"))
    >>> md.splitlines()[0]
    '## Learning path: Analyst → Data Scientist'
    >>> "| 2 | Machine Learning | 0→3 | 60.0 | 90.0 |" in md
    True
    """
    src = path.label(path.source) if path.source is not None else "your skills"
    out = [f"## Learning path: {src} → {path.label(path.target)}", ""]
    out.append(f"**Roles:** {_chain(path)}" + (f" (typically {path.years:g} years)" if path.years else ""))
    out += ["", "| # | skill | level | hours | cumulative | why |", "|---:|---|---|---:|---:|---|"]
    for s in path.steps:
        why = "; ".join(s.reasons).replace("|", "\\|")
        out.append(
            f"| {s.position} | {s.label} | {_level(s.from_level, s.level)} | {s.hours:.1f} "
            f"| {s.cumulative_hours:.1f} | {why} |"
        )
    out += ["", f"**Total:** {path.total_hours:.1f} hours in {len(path.steps)} steps"]
    if path.credentials:
        out += ["", "**Credentials covering the plan:**", ""]
        for c in path.credentials:
            out.append(
                f"- {c.label} ({c.type}, {c.hours:g} h): " + ", ".join(path.label(x) for x in c.covers)
            )
    if path.uncovered:
        out += [
            "",
            "**Learn alone** (no credential covers them): "
            + ", ".join(path.label(x) for x in path.uncovered),
        ]
    if path.alternatives:
        out += ["", "**Alternatives:**", ""]
        for alt in path.alternatives:
            out.append(f"- {_chain(alt)}: {alt.total_hours:.1f} hours")
    return "\n".join(out)


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
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Next-best paths to show.",
)
@click.option("--optional", is_flag=True, help="Also learn the optional requirements of the roles.")
@click.option("--no-switch", is_flag=True, help="Only follow career progressions (no direct switch).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "md"]), default="table", show_default=True
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
    """
    from kg.paths import plan

    result = plan(
        open_store(data),
        source,
        target,
        know=know,
        alternatives=alternatives,
        optional=optional,
        switch=not no_switch,
    )
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    elif fmt == "md":
        click.echo(render_markdown(result))
    else:
        click.echo(render_table(result))
