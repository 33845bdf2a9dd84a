"""The Gaps page's help on the CSV format says that a skill in ``teaches`` may give the
level a course teaches it to ('Python:3; SQL:2', 1 to 5), as ``careerkg gaps --help``
does; it said only "several skills separated by ';'", and a designer could not learn
from the page how to state a level, nor that a level below the role's is not covered."""

from __future__ import annotations

import re

from click.testing import CliRunner

from dashboard.views import gaps as view
from kg.cli import _register, cli
from kg.curriculum import parse_curriculum
from kg.store import Store


def test_the_help_says_how_to_state_a_level_as_the_cli_does() -> None:
    _register()  # the commands, as `python -m kg` registers them
    cli_help = " ".join(CliRunner().invoke(cli, ["gaps", "--help"]).output.split())
    example = re.search(r"\('([^']+)'\)", view.CSV_HELP)
    assert example is not None, view.CSV_HELP
    assert example.group(1) == "Python:3; SQL:2"
    assert f"'{example.group(1)}'" in cli_help  # the same example as the CLI's
    assert "from 1 to 5" in view.CSV_HELP
    assert "from 1 to 5" in cli_help


def test_a_teaches_cell_written_as_the_help_says_gives_those_levels() -> None:
    example = re.search(r"\('([^']+)'\)", view.CSV_HELP)
    assert example is not None
    plan = f'course,term,teaches\nProgramming,1,"{example.group(1)}"\n'
    cur = parse_curriculum(plan, Store.default(), fmt="csv", source="plan.csv")
    taught = {ref.label: ref.level for ref in cur.courses[0].teaches}
    assert taught == {"Python programming": 3, "SQL": 2}


def test_the_page_shows_the_help() -> None:
    from dashboard.app import create_app

    app = create_app(Store.default(), warm=False)
    with app.server.app_context():
        from dashboard.pages import gaps as page

        assert view.CSV_HELP in str(page.layout())
