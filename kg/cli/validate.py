"""``careerkg validate``: SHACL shapes plus prerequisite-cycle and dangling-reference checks."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli import command

__all__ = ["validate"]


@command("validate", short_help="Check the graph or your files: shapes, cycles, references.")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--with-default/--no-default",
    default=None,
    help="Also load the shipped data (default: only when no FILE is given).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "text"]),
    default="table",
    show_default=True,
    help="table (or text): the readable report; json.",
)
def validate(files: tuple[Path, ...], with_default: bool | None, fmt: str) -> None:
    """Validate the shipped graph, or the ontology plus FILE... .

    Applies the SHACL shapes of ontology/shapes.ttl and checks that prerequisites
    form no cycle, that every referenced role, skill or tool is described and that
    every ckg: property and class is one the ontology defines.
    Exits 0 when the graph conforms, 1 when it does not (the report names the
    offending nodes), 2 when a file cannot be read.
    """
    from kg.validate import validate_files

    include_default = with_default if with_default is not None else not files
    report = validate_files([str(f) for f in files], with_default=include_default)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(report.text)
    raise SystemExit(0 if report.conforms else 1)
