"""``careerkg stats``: counts per class and relation."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli import command, data_option, open_store

__all__ = ["stats_command"]


@command("stats")
@data_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats_command(data: tuple[Path, ...], fmt: str) -> None:
    """Count nodes per class and links per relation in the graph."""
    from kg.stats import stats

    result = stats(open_store(data).graph)
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"{'triples':<22}{result['triples']:>8}")
    click.echo("\nclass                    count")
    for name, n in result["classes"].items():
        click.echo(f"  {name:<20}{n:>8}")
    click.echo("\nrelation                 count")
    for name, n in result["relations"].items():
        click.echo(f"  {name:<20}{n:>8}")
    req = result["requirements"]
    click.echo(f"\nrequirements: {req['essential']} essential, {req['optional']} optional")
