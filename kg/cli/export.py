"""``careerkg export``: the graph as Turtle, N-Triples, JSON-LD, GraphML or CSV."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import command, data_option, open_store

__all__ = ["export"]

FORMATS = ("ttl", "nt", "jsonld", "graphml", "csv")

_BY_SUFFIX = {
    ".ttl": "ttl",
    ".turtle": "ttl",
    ".nt": "nt",
    ".ntriples": "nt",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".graphml": "graphml",
    ".csv": "csv",
}


def output_format(output: Path | None, fmt: str | None) -> str:
    """The format to write: ``--format``, else the one ``output``'s name says, else Turtle.

    Examples
    --------
    >>> output_format(Path("graph.nt"), None), output_format(None, None), output_format(Path("x.txt"), "nt")
    ('nt', 'ttl', 'nt')
    >>> output_format(Path("graph.nt"), "ttl")
    Traceback (most recent call last):
    ...
    click.exceptions.UsageError: graph.nt is named as nt but --format ttl was given; rename the file or drop --format
    """
    named = _BY_SUFFIX.get(output.suffix.lower()) if output is not None else None
    if fmt is not None:
        if named is not None and named != fmt:
            assert output is not None
            raise click.UsageError(
                f"{output.name} is named as {named} but --format {fmt} was given; rename the file or drop --format"
            )
        return fmt
    if output is not None and named is None:
        raise click.UsageError(
            f"cannot tell the format of {output.name} by its name; name it "
            f"{', '.join(sorted(_BY_SUFFIX))} or give --format ({', '.join(FORMATS)})"
        )
    return named or "ttl"


@command("export")
@data_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="RDF (ttl, nt, jsonld), the NetworkX projection (graphml) or one CSV row per triple (csv)  "
    "[default: by the -o file's name, else ttl]",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout)."
)
def export(data: tuple[Path, ...], fmt: str | None, output: Path | None) -> None:
    """Export the whole graph (ontology + data + --data files)."""
    from kg.export import export_text
    from kg.importers.common import atomic_path

    fmt = output_format(output, fmt)
    text = export_text(open_store(data), fmt)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    with atomic_path(output) as tmp:  # a failed export never leaves a half-written file
        tmp.write_text(text, encoding="utf-8")
    click.echo(f"wrote {output} ({fmt})", err=True)
