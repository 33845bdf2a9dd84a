"""A shared address naming a role the graph does not know: the page says what the CLI
says ('unknown role name ...', the closest labels, the skill it names); it said
'unknown name ...', and alt labels and prefixed names keep working."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import _register, cli
from kg.store import Store
from tests.support.components import texts


def _cli_error(source: str, target: str) -> str:
    _register()
    result = CliRunner().invoke(cli, ["path", source, target])
    assert result.exit_code == 2, result.output
    return result.output.removeprefix("careerkg: error: ").strip()


@pytest.fixture(scope="module")
def page() -> object:
    from dashboard.app import create_app

    app = create_app(Store.default(), warm=False)
    from dashboard.pages import path as page  # registered with the app

    with app.server.app_context():
        yield page


@pytest.mark.parametrize(
    ("source", "target", "wrong"),
    [
        ("Sofware Enginer", "Machine Learning Engineer", "Sofware Enginer"),
        ("Software Engineer", "Python", "Python"),  # names a skill
    ],
)
def test_an_unknown_role_in_the_address_is_named_as_the_cli_names_it(
    page: object, source: str, target: str, wrong: str
) -> None:
    shown = texts(page.layout(source=source, target=target))  # type: ignore[attr-defined]
    said = _cli_error(source, target)
    assert said.startswith(f"unknown role name '{wrong}'")
    assert said in shown


def test_alt_labels_and_prefixed_names_in_the_address_still_plan(page: object) -> None:
    shown = texts(page.layout(source="SWE", target="role:machine-learning-engineer"))  # type: ignore[attr-defined]
    assert "unknown" not in shown
    assert "Software Engineer" in shown
    assert "Machine Learning Engineer" in shown


def _links(component: object) -> list[tuple[str, str]]:
    """(text, href) of every link under ``component``."""
    found: list[tuple[str, str]] = []
    href = getattr(component, "href", None)
    if href is not None:
        found.append((texts(component), str(href)))
    kids = getattr(component, "children", None)
    for kid in kids if isinstance(kids, list | tuple) else [kids]:
        if kid is not None and not isinstance(kid, str | int | float):
            found += _links(kid)
    return found


def test_a_misspelt_address_offers_the_address_it_most_likely_meant(page: object) -> None:
    """It said "closest known labels: 'Data Analyst'" and left the user to type it again."""
    shown = page.layout(source="Data Analist", target="Machine Lerning Enginer", alternatives="2")  # type: ignore[attr-defined]
    assert "Did you mean" in texts(shown)
    assert (
        "Data Analyst → Machine Learning Engineer",
        "/path/Data%20Analyst/Machine%20Learning%20Engineer?alternatives=2",
    ) in _links(shown)
    # a name with nothing close is not guessed at
    nothing = page.layout(source="Wizard", target="Data Scientist")  # type: ignore[attr-defined]
    assert "Did you mean" not in texts(nothing)


def test_a_misspelt_tool_beside_misspelt_roles_leaves_the_offer(page: object) -> None:
    """'?know=PyTorc' beside misspelt role names took the "Did you mean" link away,
    though both role names had close matches; the link offers them, the known skills
    that have a close match, and says what it leaves out."""
    shown = page.layout(  # type: ignore[attr-defined]
        source="Data Analist", target="Machine Lerning Enginer", know="PyTorc,Pythn:3,SQL"
    )
    assert "close to a tool: 'PyTorch'" in texts(shown)
    assert (
        "Data Analyst → Machine Learning Engineer, knowing Python programming (level 3), SQL,"
        " leaving out 'PyTorc'",
        "/path/Data%20Analyst/Machine%20Learning%20Engineer?know=Python%20programming%3A3%2CSQL",
    ) in _links(shown)
    alone = page.layout(source="Data Analist", target="Machine Lerning Enginer", know="PyTorc")  # type: ignore[attr-defined]
    assert (
        "Data Analyst → Machine Learning Engineer, leaving out 'PyTorc'",
        "/path/Data%20Analyst/Machine%20Learning%20Engineer",
    ) in _links(alone)


def test_nothing_corrected_offers_no_address(page: object) -> None:
    """Entries with no likely meaning alone, the roles right: nothing to offer."""
    shown = page.layout(source="Data Analyst", target="Data Scientist", know="PyTorc,SQL")  # type: ignore[attr-defined]
    assert "Did you mean" not in texts(shown)
