"""The path finder plans the roles' optional requirements too when asked ("Optional
skills too", ``optional=1`` in the address), as ``careerkg path --optional`` does. The
page had no way to: a path to a role whose data lists only optional requirements (42 of
O*NET's occupations, ESCO's specialist dentist) said "nothing to learn" and told the
user of a command-line flag, and a mentor could not plan or share the fuller path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from dashboard.downloads import render as render_download
from kg.store import Store
from tests.support.components import find, texts
from tests.support.optional_only import OPTIONAL_ONLY

SE = "https://w3id.org/careerkg/id/role/software-engineer"
MLE = "https://w3id.org/careerkg/id/role/machine-learning-engineer"


def _page_module(store: Store) -> Any:
    from dashboard.app import create_app

    app = create_app(store, warm=False)
    from dashboard.pages import path as page  # registered with the app

    return app, page


def _steps(outputs: list[Any]) -> list[str]:
    """The step labels of :func:`_find`'s outputs (its result store comes first)."""
    result = outputs[0]
    return [s["label"] for s in result["path"]["steps"]] if result else []


def test_the_box_plans_the_optional_requirements_and_the_address_keeps_it() -> None:
    app, page = _page_module(Store.default())
    with app.server.app_context():
        essential = page._find(1, SE, [], MLE, 0, [])
        fuller = page._find(2, SE, [], MLE, 0, ["optional"])
        assert set(_steps(essential)) < set(_steps(fuller))
        # the reasons say which requirements are optional, as the CLI's do
        why = texts(fuller[4])
        assert "(optional)" in why
        assert "(optional)" not in texts(essential[4])
        url = fuller[-2]["to"]
        assert parse_qs(urlsplit(url).query) == {"optional": ["1"]}, url
        assert "optional" not in essential[-2]["to"]
        # the address opened again: the same plan, the box ticked
        source, target = (unquote(p) for p in urlsplit(url).path.split("/")[-2:])
        opened = page.layout(source=source, target=target, optional="1")
        box = find(opened, "path-optional")
        assert box.value == ["optional"]
        assert find(page.layout(source=source, target=target), "path-optional").value == []
        shown = texts(find(opened, "path-steps"))
        assert all(label in shown for label in _steps(fuller))
        # the downloads of the fuller plan say what it covers; those of the other say nothing
        for result, said in ((fuller[0], True), (essential[0], False)):
            assert json.loads(render_download(result["path"], "json"))["optional"] is said
            md = render_download(result["path"], "md")
            assert ("Plans: essential and optional skill requirements" in md) is said


def test_an_optional_value_not_understood_is_said_with_what_would_be() -> None:
    app, page = _page_module(Store.default())
    with app.server.app_context():
        opened = page.layout(source="Software Engineer", target="Machine Learning Engineer", optional="maybe")
    assert "optional='maybe' in the address is not understood: use optional=1" in texts(opened)
    assert find(opened, "path-target").value == MLE  # the boxes keep the roles of the address
    assert "path-step-list" not in str(opened)  # no plan drawn for an address not understood


@pytest.mark.parametrize(
    ("value", "flag"),
    [
        ("0", False),
        ("No", False),
        ("off", False),
        (None, False),
        ("1", True),
        ("TRUE", True),
        ("", True),
        (["0", "yes"], True),
    ],
)
def test_the_optional_values_of_an_address(value: Any, flag: bool) -> None:
    from dashboard.views import path as view

    assert view.read_optional(value) == (flag, "")


def test_a_target_of_optional_requirements_offers_the_box(tmp_path: Path) -> None:
    data = tmp_path / "porter.ttl"
    data.write_text(OPTIONAL_ONLY, encoding="utf-8")
    app, page = _page_module(Store.open(None, [data]))
    with app.server.app_context():
        said = texts(find(page.layout(source="Data Analyst", target="Night Porter"), "path-steps"))
        assert "only optional skill requirements for Night Porter" in said
        assert "Tick “Optional skills too” to plan them." in said
        fuller = page._find(1, None, [], "urn:x:porter", 0, ["optional"])
    assert set(_steps(fuller)) >= {"communication", "statistics"}
    assert "only optional" not in texts(fuller[2]) + texts(fuller[4])
