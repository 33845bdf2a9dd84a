"""``careerkg export``: the graph as Turtle, N-Triples, JSON-LD, GraphML or CSV."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from kg.cli import command, data_option, open_store

__all__ = ["export"]


@command("export")
@data_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "jsonld", "graphml", "csv"]),
    default="ttl",
    show_default=True,
    help="RDF (ttl, nt, jsonld), the NetworkX projection (graphml) or one CSV row per triple (csv).",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout)."
)
def export(data: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Export the whole graph (ontology + data + --data files)."""
    from kg.export import export_text

    text = export_text(open_store(data), fmt)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    # write aside, then swap: a failed export never leaves a half-written file
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    click.echo(f"wrote {output} ({fmt})", err=True)
