"""Fixtures shared by the graph-core tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from tests.support.curated import curated_data


@pytest.fixture(scope="module")
def data() -> Graph:
    """The curated data alone (``data/*.ttl``), without the ontology."""
    return curated_data()


@pytest.fixture
def path_cli(tmp_path: Path) -> Callable[[str], Callable[..., str]]:
    """``path_cli(turtle)(*args)``: the output of ``careerkg path *args`` over the graph
    and ``turtle`` (``--data``), asserted to exit 0, at a width of 1,000 columns."""
    from kg.cli import _register, cli

    _register()
    runner = CliRunner()

    def over(turtle: str) -> Callable[..., str]:
        data = tmp_path / "data.ttl"
        data.write_text(turtle, encoding="utf-8")

        def invoke(*args: str) -> str:
            result = runner.invoke(cli, ["path", *args, "--data", str(data)], env={"COLUMNS": "1000"})
            assert result.exit_code == 0, result.output
            return result.output

        return invoke

    return over
