"""``careerkg gaps``: check a curriculum for missing prerequisites, order violations,
uncovered target-role skills, unknown skills and duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli import command, data_option, open_store

__all__ = ["gaps_command"]

FORMATS = ("table", "json", "md", "csv", "ttl")


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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="table: the readable report; json, md, csv; ttl: the report as RDF, for SPARQL.",
)
@data_option
def gaps_command(curriculum: Path, targets: tuple[str, ...], fmt: str, data: tuple[Path, ...]) -> None:
    """Check the curriculum CURRICULUM (a .csv or .ttl file) against the graph.

    The CSV has the columns course, term, teaches, requires (several skills in a
    cell separated by ';'), and may start with the lines '# curriculum: NAME',
    '# entry requirements: SKILL; ...' and '# target roles: ROLE; ...'.
    Examples: data/curricula/.

    Exits 0 when there are no gaps, 1 when there are (missing prerequisites,
    order violations, unknown skills, uncovered essential skills of a target
    role; skills taught twice are reported but are no gaps), 2 on bad input.
    """
    from kg.cli import fail
    from kg.curriculum import read_curriculum
    from kg.errors import UnknownEntity
    from kg.gaps import find_gaps, report_csv, report_graph, report_markdown, report_table

    # as in the CSV's '# target roles:' line, one --target may name several roles
    roles = [name.strip() for t in targets for name in t.split(";") if name.strip()]
    if targets and not roles:
        fail("--target: an empty role name; name a role such as 'Data Scientist'")
    store = open_store(data)
    cur = read_curriculum(curriculum, store)
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
        click.echo(report_graph(report).serialize(format="turtle"), nl=False)
    else:
        click.echo(report_table(report), nl=False)
    raise SystemExit(1 if report.has_gaps else 0)
