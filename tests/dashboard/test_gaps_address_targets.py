"""The gaps page's address keeps the target roles chosen (``?target=NAME``, once per
role, beside ``?example=NAME``) and reads them back: a shared or reloaded link kept the
example and lost the roles, and the report checked the curriculum's own roles instead.
A name in the address that is no role says so, with the closest roles, and the address
most likely meant is one click away."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from dash import dcc, html

from dashboard import ids
from dashboard.views import gaps as view
from kg.store import Store

DS = "https://w3id.org/careerkg/id/role/data-scientist"
SE = "https://w3id.org/careerkg/id/role/software-engineer"


def _find(component: Any, wanted: str) -> Any:
    if getattr(component, "id", None) == wanted:
        return component
    kids = getattr(component, "children", None)
    for kid in kids if isinstance(kids, list | tuple) else [kids]:
        if (
            kid is not None
            and not isinstance(kid, str | int | float)
            and (hit := _find(kid, wanted)) is not None
        ):
            return hit
    return None


def _text(component: Any) -> str:
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    kids = getattr(component, "children", None)
    return " ".join(_text(k) for k in (kids if isinstance(kids, list | tuple) else [kids]))


@pytest.fixture
def page() -> Iterator[Any]:
    from dashboard.app import create_app

    app = create_app(Store.default(), warm=False)
    with app.server.app_context():
        from dashboard.pages import gaps

        yield gaps


def test_the_address_names_the_target_roles_chosen() -> None:
    names = view.target_names(Store.default(), [SE, DS])
    assert names == ["Software Engineer", "Data Scientist"]
    search = view.example_search("msc-ai-data-science.csv", names)
    assert search == "?example=msc-ai-data-science.csv&target=Software%20Engineer&target=Data%20Scientist"
    assert view.example_of(search) == "msc-ai-data-science.csv"
    assert view.targets_given(search) == names
    assert view.read_targets(Store.default(), view.targets_given(search)).values == [SE, DS]


def test_a_loaded_address_checks_its_target_roles(page: Any) -> None:
    shown = page.layout(example="msc-ai-data-science.csv", target=["Software Engineer", "Data Scientist"])
    assert _find(shown, ids.GAPS_TARGETS).value == [SE, DS]
    report = _find(shown, ids.GAPS_REPORT).data["report"]
    assert [t["label"] for t in report["targets"]] == ["Software Engineer", "Data Scientist"]
    assert [c["role"]["label"] for c in report["coverage"]] == ["Software Engineer", "Data Scientist"]
    # one role, one value (as Dash passes a parameter given once); an alt label is read too
    one = page.layout(example="ml-bootcamp.csv", target="MLE")
    assert _find(one, ids.GAPS_TARGETS).value == [
        "https://w3id.org/careerkg/id/role/machine-learning-engineer"
    ]
    assert [t["label"] for t in _find(one, ids.GAPS_REPORT).data["report"]["targets"]] == [
        "Machine Learning Engineer"
    ]


def test_an_unknown_role_in_the_address_names_the_closest(page: Any) -> None:
    shown = page.layout(example="ml-bootcamp.csv", target=["Data Sientist", "MLE"])
    said = _text(_find(shown, ids.GAPS_MESSAGE))
    assert "Target role 'Data Sientist' in the address: unknown role name 'Data Sientist'" in said
    assert "closest known labels: 'Data Scientist'" in said
    link = _find(shown, "gaps-did-you-mean")
    assert isinstance(link, dcc.Link)
    assert link.href.endswith(
        "/gaps?example=ml-bootcamp.csv&target=Data%20Scientist&target=Machine%20Learning%20Engineer"
    )
    # nothing checked against roles it cannot name (as careerkg gaps --target exits 2);
    # the role understood stays chosen, and the example is what a role chosen next checks
    assert _find(shown, ids.GAPS_REPORT).data is None
    assert _find(shown, ids.GAPS_TARGETS).value == [
        "https://w3id.org/careerkg/id/role/machine-learning-engineer"
    ]
    assert _find(shown, "gaps-source").data == view.example_source("ml-bootcamp.csv")
    assert "Not checked yet" in _text(_find(shown, ids.GAPS_SUMMARY))


def test_a_name_with_no_close_role_says_so_without_a_guess(page: Any) -> None:
    shown = page.layout(target="zzzzqqq")
    message = _find(shown, ids.GAPS_MESSAGE)
    assert "Target role 'zzzzqqq' in the address: unknown role name 'zzzzqqq'" in _text(message)
    assert _find(shown, "gaps-did-you-mean") is None
    assert isinstance(message.children, html.Div)
