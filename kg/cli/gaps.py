"""``careerkg gaps``: check a curriculum for missing prerequisites, order violations,
uncovered target-role skills, unknown skills and duplicates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from kg.cli import command, data_option, format_option, open_store, terminal_width, wrap_hanging, writing
from kg.store import Store

__all__ = ["gaps_command"]

FORMATS = ("table", "json", "md", "csv", "ttl")


_HANG = re.compile(r"- |fix: |.*?\d%  ")
"""What a report line's wrapped lines are indented under: its item's dash, its fix, or the
coverage figure of its role."""


def wrap_report(text: str, width: int) -> str:
    r"""The readable gaps report wrapped to ``width``, each line's continuation indented
    under what it goes on (an item's text, a fix, a role's uncovered skills); the terminal
    broke its lines of 200 characters and more anywhere.

    Examples
    --------
    >>> report = (
    ...     "Missing prerequisites (1)\n"
    ...     "  - 'ML' (term 1) needs 'linear algebra' (prerequisite of 'machine learning')\n"
    ...     "    fix: teach 'linear algebra' before term 1 or add it to the entry requirements\n"
    ...     "  Data Scientist   84.6%  uncovered: business acumen, calculus, communication\n"
    ... )
    >>> print(wrap_report(report, 50), end="")
    Missing prerequisites (1)
      - 'ML' (term 1) needs 'linear algebra'
        (prerequisite of 'machine learning')
        fix: teach 'linear algebra' before term 1 or
             add it to the entry requirements
      Data Scientist   84.6%  uncovered: business
                              acumen, calculus,
                              communication
    """
    return wrap_hanging(text, width, _HANG)


_SHEET_SUFFIXES = (".csv", ".tsv", ".txt")
"""Names ``careerkg gaps`` reads as a sheet, so a ``--suggested-terms`` file can be checked again."""


def _check_suggested_terms(curriculum: Path, moved_to: Path) -> None:
    """Refuse a ``--suggested-terms`` file that would replace the curriculum checked, or
    whose name says it is not the CSV written into it.

    Examples
    --------
    >>> _check_suggested_terms(Path("plan.csv"), Path("plan-moved.csv"))
    >>> _check_suggested_terms(Path("plan.csv"), Path("plan.ttl"))
    Traceback (most recent call last):
    ...
    click.exceptions.UsageError: --suggested-terms plan.ttl: the file is written as CSV (course, term, teaches, requires); name it .csv, e.g. plan-suggested-terms.csv
    """
    example = f"{curriculum.stem}-suggested-terms.csv"
    if moved_to.suffix.lower() not in _SHEET_SUFFIXES:
        raise click.UsageError(
            f"--suggested-terms {moved_to}: the file is written as CSV (course, term, teaches, requires); "
            f"name it .csv, e.g. {example}"
        )
    same = moved_to.resolve() == curriculum.resolve()
    if not same and moved_to.exists() and curriculum.exists():
        same = moved_to.samefile(curriculum)  # a link to it, another spelling of it
    if same:
        raise click.UsageError(
            f"--suggested-terms {moved_to} is the curriculum being checked; written there, the moved "
            "courses would replace your sheet (its comments, other columns and skill names as you wrote "
            f"them are not kept): name another file, e.g. {example}"
        )


def _check_roles(store: Store, roles: list[str]) -> None:
    """Refuse ``--target`` names that name no role, every one at once with its closest
    roles (the first alone was said, and the next once it was corrected)."""
    from kg.cli import fail
    from kg.errors import UnknownEntity
    from kg.names import LabelIndex
    from kg.namespace import CKG

    index = LabelIndex.of(store)
    unknown = []
    for name in roles:
        try:
            index.resolve(name, CKG.Role)
        except UnknownEntity as err:
            unknown.append(str(err))
    if unknown:
        fail("--target: " + "; and ".join(unknown))


@command("gaps", short_help="Check a curriculum (CSV or Turtle) for gaps against the graph.")
@click.argument("curriculum", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--target",
    "targets",
    multiple=True,
    metavar="ROLE",
    help="A target role (label, IRI or prefixed name) whose essential skills to check; repeatable, "
    "or several separated by ';'. Replaces the curriculum's own target roles.",
)
@format_option(
    FORMATS,
    help="table: the readable report; json, md, csv; ttl: the report as RDF, for SPARQL.",
)
@click.option(
    "--suggested-terms",
    "moved_to",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    metavar="FILE",
    help="Write the curriculum with the suggested term changes made to FILE, as CSV (course, term, "
    "teaches, requires; other columns and comments are not kept), to check again; written only "
    "when a course is to move.",
)
@data_option
def gaps_command(
    curriculum: Path, targets: tuple[str, ...], fmt: str, moved_to: Path | None, data: tuple[Path, ...]
) -> None:
    """Check the curriculum CURRICULUM (a .csv, .tsv or .txt sheet, or a .ttl file)
    against the graph.

    The sheet has the columns course, term, teaches and, optionally, requires (the
    skills a course requires before it starts), in any order, other columns ignored,
    separated by commas, semicolons or tabs, in UTF-8 or UTF-16 (Excel's "CSV UTF-8"
    and "Unicode Text"). Several skills in a cell are separated by ';'. A skill in
    teaches may give the level the course teaches it to, from 1 to 5, as --know does
    ('Python:3; SQL:2'): one taught below the level a target role requires is not
    covered. The sheet may start with the lines '# curriculum: NAME', '# entry
    requirements: SKILL; ...' and '# target roles: ROLE; ...'. Examples:
    data/curricula/.

    Exits 0 when at least one target role is named and no gap is found (against
    any of them); 1 when there are gaps (missing prerequisites, order violations, unknown skills,
    uncovered essential skills of a target role; skills taught twice are
    reported but are no gaps), or when no target role is named (--target, or
    the file's own), since then no role's essential skills were checked; 2 on
    bad input.

    \b
    careerkg gaps data/curricula/msc-ai-data-science.csv --target "Machine Learning Engineer"
    careerkg gaps data/curricula/ml-bootcamp.ttl --format md
    """
    from kg.cli import fail
    from kg.curriculum import read_curriculum
    from kg.errors import UnknownEntity
    from kg.gaps import (
        NO_TARGET,
        find_gaps,
        report_csv,
        report_graph,
        report_markdown,
        report_table,
        suggested_terms_csv,
    )

    if str(curriculum) == "-":  # said '-: no such file'
        raise click.UsageError(
            "CURRICULUM '-': a curriculum is not read from standard input; save it to a file "
            "(.csv or .tsv for a sheet, .ttl for Turtle) and give its name"
        )
    if moved_to is not None:
        _check_suggested_terms(curriculum, moved_to)
    # as in the CSV's '# target roles:' line, one --target may name several roles
    roles = [name.strip() for t in targets for name in t.split(";") if name.strip()]
    if targets and not roles:
        fail("--target: an empty role name; name a role such as 'Data Scientist'")
    store = open_store(data)
    _check_roles(store, roles)
    cur = read_curriculum(curriculum, store, targets_given=bool(roles))  # --target replaces the file's
    try:
        report = find_gaps(store, cur, roles or None)
    except UnknownEntity as err:
        fail(f"--target: {err}")
        raise  # fail() exits; for type checkers
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    elif fmt == "md":
        click.echo(report_markdown(report), nl=False)
    elif fmt == "csv":
        click.echo(report_csv(report), nl=False)
    elif fmt == "ttl":
        from kg.export import stable_blank_nodes

        # blank nodes named by what they say: one report is one text, run after run
        click.echo(stable_blank_nodes(report_graph(report)).serialize(format="turtle"), nl=False)
    else:
        width = terminal_width()
        table = report_table(report)
        click.echo(table if width is None else wrap_report(table, width), nl=False)
    if moved_to is not None:
        if report.moves:
            with writing(moved_to):
                moved_to.write_text(suggested_terms_csv(report, store), encoding="utf-8")
            click.echo(
                f"wrote {moved_to}: the curriculum with {len(report.moves)} course(s) in other terms "
                f"({report.moves_summary})",
                err=True,
            )
        else:
            click.echo(f"no course to move: {moved_to} not written", err=True)
    if not report.coverage_checked and not report.has_gaps:  # why 1 with no gap found
        how = report.coverage_note.removeprefix(NO_TARGET + ": ")
        click.echo(
            f"exit status 1: no gap found, but no target role was named, so no role's essential skills "
            f"were checked: {how}",
            err=True,
        )
    raise SystemExit(report.exit_code)
