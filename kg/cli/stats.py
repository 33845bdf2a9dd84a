"""``careerkg stats``: counts per class and relation."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli import command, data_option, format_option, open_store

__all__ = ["stats_command"]


@command("stats", short_help="Count nodes, links and what each source contributes.")
@data_option
@format_option(["table", "json"], help="table: the readable counts; json: for scripts.")
def stats_command(data: tuple[Path, ...], fmt: str) -> None:
    """Count nodes per class and links per relation in the graph, and what cites each source.

    The sources are the curated data, the articles it cites and each imported release
    (ESCO v1.1.1, O*NET 29.3...), each with the nodes and links that cite it; the table
    ends with the attribution each imported release asks for wherever its data is shown.

    \b
    careerkg stats
    careerkg --store stores/esco stats --format json
    """
    from kg.stats import stats

    result = stats(open_store(data).graph)
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"{'triples':<22}{result['triples']:>10,}")
    click.echo("\nclass                      count")
    for name, n in result["classes"].items():
        click.echo(f"  {name:<20}{n:>10,}")
    click.echo("\nrelation                   count")
    for name, n in result["relations"].items():
        click.echo(f"  {name:<20}{n:>10,}")
    req = result["requirements"]
    click.echo(f"\nrequirements: {req['essential']:,} essential, {req['optional']:,} optional")
    if result["sources"]:
        width = max(len(s["title"]) for s in result["sources"])
        click.echo(f"\n{'source':<{width + 2}}  cited by")
        for src in result["sources"]:
            click.echo(f"  {src['title']:<{width}}{src['cited_by']:>10,}")
    if result["attribution"]:
        click.echo("\nattribution (credit these sources wherever you show their data):")
        for a in result["attribution"]:
            licence = f" (licence: {a['license']})" if a["license"] else ""
            click.echo(f"  {a['title']}: {a['rights']}{licence}")
