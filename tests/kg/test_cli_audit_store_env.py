"""``--store`` / ``--graph`` from the environment (CAREERKG_STORE, CAREERKG_GRAPH): the
command line wins over them, and an error they cause says where the value came from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import invoke
from tests.support.stores import embedded_store_folder


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return embedded_store_folder(tmp_path_factory.mktemp("store") / "kg")


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_store_typed_on_the_command_line_wins_over_the_environment(
    store_dir: Path, tmp_path: Path, where: str
) -> None:
    # was: CAREERKG_STORE=/gone careerkg --store DIR stats -> "no store at /gone" (exit 2):
    # the command's own --store read the environment again and replaced the one typed
    env = {"CAREERKG_STORE": str(tmp_path / "gone")}
    args = ["--store", str(store_dir), "stats"] if where == "before" else ["stats", "--store", str(store_dir)]
    result = invoke(*args, "--format", "json", env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["triples"] > 1000


def test_the_environment_s_store_is_read_when_none_is_typed(store_dir: Path) -> None:
    result = invoke("stats", "--format", "json", env={"CAREERKG_STORE": str(store_dir)})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["triples"] > 1000


@pytest.mark.parametrize(
    "args", [["stats"], ["path", "Software Engineer", "Data Scientist"], ["validate"]], ids=lambda a: a[0]
)
def test_a_missing_store_from_the_environment_is_said_to_come_from_there(
    tmp_path: Path, args: list[str]
) -> None:
    # was: "no store at /old/stores/esco; create one ...", nothing naming CAREERKG_STORE
    gone = tmp_path / "old" / "esco"
    result = invoke(*args, env={"CAREERKG_STORE": str(gone)})
    assert result.exit_code == 2, result.output
    assert f"no store at {gone}" in result.output
    assert f"(from the environment: CAREERKG_STORE={gone}; unset it" in result.output


def test_a_graph_from_the_environment_is_said_to_come_from_there() -> None:
    result = invoke("stats", env={"CAREERKG_GRAPH": "https://example.org/graphs/careers"})
    assert result.exit_code == 2, result.output
    assert "it needs --store URL" in result.output
    assert "CAREERKG_GRAPH=https://example.org/graphs/careers" in result.output


def test_a_typed_missing_store_is_said_without_the_environment(tmp_path: Path) -> None:
    result = invoke("--store", str(tmp_path / "gone"), "stats")
    assert result.exit_code == 2, result.output
    assert "from the environment" not in result.output


@pytest.mark.parametrize(
    ("env", "args", "said"),
    [
        ("CAREERKG_SPARQL_TIMEOUT", ["sparql", "ASK {}"], "x is not a number of seconds"),
        ("CAREERKG_SPARQL_MAX_ROWS", ["sparql", "ASK {}"], "x is not a whole number"),
        ("CAREERKG_MAX_BODY", ["serve"], "x is not a whole number"),
    ],
)
def test_a_bad_limit_from_the_environment_names_the_variable(env: str, args: list[str], said: str) -> None:
    # was: "Invalid value for '--timeout': x is not ...", nothing naming the variable set
    result = invoke(*args, env={env: "x"})
    assert result.exit_code == 2, result.output
    assert said in result.output
    assert f"(from the environment: {env})" in result.output


def test_a_bad_limit_typed_is_said_without_the_environment() -> None:
    result = invoke("sparql", "ASK {}", "--timeout", "x")
    assert result.exit_code == 2, result.output
    assert "from the environment" not in result.output
