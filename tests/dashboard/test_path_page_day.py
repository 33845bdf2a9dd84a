"""The path finder's page is remembered per question and per day: a credential retired
overnight is not offered the next day by a server that kept running."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import kg.paths
from kg.store import Store
from tests.support.components import texts

ASSOCIATE = "https://w3id.org/careerkg/id/credential/aws-certified-machine-learning-engineer-associate"


def _credentials(outputs: list[Any]) -> str:
    return texts(outputs[5])  # the page's credentials section


def test_the_page_asked_again_the_day_after_a_retirement_drops_the_credential(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dashboard.app import create_app

    retiring = tmp_path / "retiring.ttl"
    retiring.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        f'<{ASSOCIATE}> ckg:retiredOn "2099-06-30"^^xsd:date .\n',
        encoding="utf-8",
    )
    app = create_app(Store.default(extra=[retiring]), warm=False)
    from dashboard.pages import path as page

    def ask() -> str:
        with app.server.app_context():  # the app's store
            return _credentials(page._find(1, "Software Engineer", [], "Machine Learning Engineer", 0))

    monkeypatch.setattr(kg.paths, "plan_day", lambda: date(2099, 6, 30))
    assert "AWS Certified Machine Learning Engineer – Associate" in ask()
    assert "Last day to take it: 2099-06-30" in ask()
    monkeypatch.setattr(kg.paths, "plan_day", lambda: date(2099, 7, 1))
    assert "AWS Certified Machine Learning Engineer" not in ask()
