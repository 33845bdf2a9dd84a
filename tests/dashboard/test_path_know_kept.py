"""An address whose known skills are partly wrong (``?know=Pythn:3,SQL``): what the user
typed stays in the known-skills box, the message quotes it, and a misspelt name is
offered back corrected. The entry was dropped from the box, and the message said
"unknown skill name 'Pythn'": the level typed was lost."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dashboard import ids
from dashboard.urls import format_know, parse_know
from dashboard.views import path as view
from kg.store import Store
from tests.support.components import texts

SWE, MLE = "Software Engineer", "Machine Learning Engineer"
SQL = "https://w3id.org/careerkg/id/skill/sql"


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    from dashboard.app import create_app

    app = create_app(Store.default(), warm=False)
    from dashboard.pages import path as page  # registered with the app

    with app.server.app_context():
        yield page


def _find(component: Any, id_: str) -> Any:
    """The component of ``id_`` under ``component``."""
    if getattr(component, "id", None) == id_:
        return component
    kids = getattr(component, "children", None)
    for kid in kids if isinstance(kids, list | tuple) else [kids]:
        if kid is not None and not isinstance(kid, str | int | float):
            found = _find(kid, id_)
            if found is not None:
                return found
    return None


def _links(component: Any) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if getattr(component, "href", None) is not None:
        found.append((texts(component), str(component.href)))
    kids = getattr(component, "children", None)
    for kid in kids if isinstance(kids, list | tuple) else [kids]:
        if kid is not None and not isinstance(kid, str | int | float):
            found += _links(kid)
    return found


@pytest.mark.parametrize("typed", ["Pythn:3", "Python:9", "PyTorch:3", "Python:x"])
def test_an_entry_not_understood_stays_in_the_box_as_typed(page: Any, typed: str) -> None:
    shown = page.layout(source=SWE, target=MLE, know=f"{typed},SQL")
    box = _find(shown, ids.PATH_KNOW)
    assert box.value == [typed, SQL]  # what was typed, and the skill understood
    labels = {o["value"]: o["label"] for o in box.options}
    assert labels[typed] == f"{typed}{view.UNREAD}"
    assert typed in texts(_find(shown, ids.PATH_MESSAGE))  # quoted in the message


def test_a_misspelt_name_is_quoted_with_its_level_and_offered_back_corrected(page: Any) -> None:
    shown = page.layout(source=SWE, target=MLE, know="Pythn:3,SQL", alternatives="1")
    said = texts(_find(shown, ids.PATH_MESSAGE))
    assert "Known skill 'Pythn:3': unknown skill name 'Pythn'" in said
    assert "closest known labels: 'Python programming'" in said
    assert (
        "Software Engineer → Machine Learning Engineer, knowing Python programming (level 3), SQL",
        "/path/Software%20Engineer/Machine%20Learning%20Engineer"
        "?know=Python%20programming%3A3%2CSQL&alternatives=1",
    ) in _links(shown)


def test_a_level_out_of_range_says_what_would_be_right_and_is_not_guessed(page: Any) -> None:
    shown = page.layout(source=SWE, target=MLE, know="Python:9,SQL")
    said = texts(_find(shown, ids.PATH_MESSAGE))
    assert "level 9 in 'Python:9' is out of range; give a level from 1 to 5" in said
    assert "Did you mean" not in texts(shown)


def test_find_path_with_the_entry_still_in_the_box_says_the_same(store: Store) -> None:
    _options, values, problem, _meant = view.know_box(store, "Pythn:3,SQL")
    result = view.compute(store, None, MLE, values)
    assert result["path"] is None
    assert result["error"] == problem


def test_the_corrected_entries_plan() -> None:
    store = Store.default()
    *_, meant = view.know_box(store, "Pythn:3,SQL")
    assert meant.values
    result = view.compute(store, None, MLE, meant.values)
    assert result["error"] is None
    assert {k["label"]: k["level"] for k in result["path"]["known"]} == {"Python programming": 3, "SQL": 5}


def test_parse_know_keeps_a_level_out_of_range_as_written() -> None:
    """It read 'Python:9' as level 5, a level the user never gave."""
    assert parse_know("Python:9,SQL") == [("Python", 9), ("SQL", None)]
    assert format_know(parse_know("Python:9,R:0")) == "Python:9,R:0"


def test_a_correction_already_given_is_offered_once(page: Any) -> None:
    """'Pyton,Python' offered "knowing Python programming, Python programming"."""
    shown = page.layout(source=None, target="Data%20Scientist", know="Pyton,Python")
    assert (
        "Data Scientist, knowing Python programming",
        "/path/-/Data%20Scientist?know=Python%20programming",
    ) in (_links(shown))
