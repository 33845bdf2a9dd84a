"""``careerkg unlocks SKILL``: the roles and skills a skill opens."""

from __future__ import annotations

import json
import shutil
import textwrap
from itertools import groupby
from pathlib import Path

import click

from kg.cli import command, data_option, format_option, open_store

__all__ = ["unlocks_command"]


@command("unlocks", short_help="What learning SKILL opens: roles and skills.")
@click.argument("skill")
@format_option(["table", "json"], help="table: the readable answer; json: for scripts.")
@data_option
def unlocks_command(skill: str, fmt: str, data: tuple[Path, ...]) -> None:
    """What learning SKILL opens: roles requiring it, skills building on it.

    Skills are grouped by how many prerequisite steps they are from SKILL. A skill
    counts for its broader skills (skos:broader) up to level 3, so it opens what they
    open too: each is named with how many roles require it and skills build on it.

    \b
    careerkg unlocks statistics
    careerkg unlocks "Python programming" --format json
    """
    from kg.cli.path import fill_list
    from kg.paths import resolve_unlocks_skill, unlocks
    from kg.project import projection

    store = open_store(data)
    node = resolve_unlocks_skill(store, skill)  # a tool is named as one, with the skills it supports
    result = unlocks(projection(store), node)
    if fmt == "json":
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    width = shutil.get_terminal_size((100, 24)).columns
    click.echo(f"{result['skill']['label']} <{result['skill']['iri']}>")
    # an empty list says 'none' (a bare 'skills building on it (0):' ended the output)
    roles = f" ({len(result['roles'])}):" if result["roles"] else ": none"
    click.echo(f"\nroles requiring it{roles}")
    for r in result["roles"]:
        click.echo(f"  {r['label']} (level {r['level']}, {r['importance']})")
    skills = (
        f" ({len(result['skills'])}):" if result["skills"] else ": none (no skill has it as a prerequisite)"
    )
    click.echo(f"\nskills building on it{skills}")
    for depth, group in groupby(result["skills"], key=lambda s: s["depth"]):
        names = [s["label"] for s in group]
        heading = "directly" if depth == 1 else f"{depth} steps on"
        click.echo("\n".join(fill_list(f"  {heading} ({len(names)}): ", names, width, 6)))
    if result["via"]:
        click.echo(f"\nroles it leads towards through those skills ({len(result['via'])}):")
        for r in result["via"]:
            click.echo("\n".join(fill_list(f"  {r['label']}: via ", r["skills"], width, 6)))
    if result["broader"]:
        click.echo(f"\ncounts for broader skills up to level 3 ({len(result['broader'])}):")
        for b in result["broader"]:
            command = f'(careerkg unlocks "{b["label"]}")'.replace(" ", _NBSP)  # never broken
            line = (
                f"  {b['label']}: {_count(b['roles'], 'role')} require{'s' if b['roles'] == 1 else ''} it, "
                f"{_count(b['skills'], 'skill')} build{'s' if b['skills'] == 1 else ''} on it {command}"
            )
            wrapped = textwrap.wrap(
                line, width=max(width, 40), subsequent_indent=" " * 6, break_long_words=False
            )
            click.echo("\n".join(wrapped).replace(_NBSP, " "))


_NBSP = "\N{NO-BREAK SPACE}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
