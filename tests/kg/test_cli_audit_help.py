"""``careerkg -h`` and each command's ``-h``: every command is listed with a whole sentence, and
shows examples of its use, which run."""

from __future__ import annotations

import shlex
from pathlib import Path

import click
import pytest

from tests.support.cli import invoke


def _listed(*group: str) -> dict[str, str]:
    """The commands a group's help lists, each with the text beside it."""
    result = invoke(*group, "-h")
    assert result.exit_code == 0, result.output
    lines = result.output.split("Commands:\n", 1)[1].splitlines()
    listed: dict[str, str] = {}
    for line in lines:
        if not line.strip():
            break
        if line.startswith("    "):  # a wrapped line goes on with the command above it
            last = next(reversed(listed))
            listed[last] += " " + line.strip()
            continue
        name, _, text = line.strip().partition(" ")
        listed[name] = text.strip()
    return listed


@pytest.mark.parametrize("group", [(), ("import",)], ids=["careerkg", "import"])
def test_each_listed_command_is_described_by_a_whole_sentence(group: tuple[str, ...]) -> None:
    # was: 'onet  Import the O*NET text files (release 25.1 or later, e.g.' (cut by click)
    listed = _listed(*group)
    assert listed
    for name, text in listed.items():
        assert text.endswith("."), (name, text)
        assert text.count("(") == text.count(")"), (name, text)
        assert not text.endswith(("e.g.", "...")), (name, text)


def _commands() -> list[tuple[str, ...]]:
    """Every command, as the words that run it (``("import", "esco")`` ...)."""
    from kg.cli import _register, cli

    _register()
    found: list[tuple[str, ...]] = []
    for name, cmd in sorted(cli.commands.items()):
        if isinstance(cmd, click.Group):
            found += [(name, sub) for sub in sorted(cmd.commands)]
        else:
            found.append((name,))
    return found


def _examples(*command: str) -> list[str]:
    """The ``careerkg ...`` example lines of a command's help, without their comments."""
    result = invoke(*command, "-h")
    assert result.exit_code == 0, result.output
    text = result.output.split("\nOptions:", 1)[0]
    return [
        line.strip().split("  #", 1)[0].strip()
        for line in text.splitlines()
        if line.startswith("  careerkg ")
    ]


COMMANDS = _commands()
PLACEHOLDERS = ("path/to/", "stores/", "my-data", "@query", "https://", "careerkg serve")
"""Examples naming files or servers a reader has to supply, or that do not exit."""


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_each_command_s_help_shows_how_it_is_run(command: tuple[str, ...]) -> None:
    # was: unlocks, stats, gaps, export, validate, import esco and import onet showed no example
    examples = _examples(*command)
    assert examples, command
    for example in examples:
        assert " ".join(command) in example, example


RUNNABLE = sorted({e for c in COMMANDS for e in _examples(*c) if not any(p in e for p in PLACEHOLDERS)})


@pytest.mark.parametrize("example", RUNNABLE)
def test_each_example_in_the_help_runs(example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(tmp_path)  # what an example writes lands here
    (tmp_path / "data").symlink_to(root / "data")
    result = invoke(*shlex.split(example)[1:])
    assert result.exit_code in (0, 1), result.output  # 1: gaps found, a negative answer
    assert result.stdout or "wrote " in result.stderr


JARGON = ("INTEGER RANGE", "x>=", "<=x", "INTEGER", "TEXT", "FLOAT")
"""What click writes for an option with no metavar of its own: type names and ranges in
Python's notation, not what the value is."""


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_each_option_is_named_by_what_it_takes(command: tuple[str, ...]) -> None:
    # was: '--alternatives INTEGER RANGE ... [default: 0; x>=0]', '--port INTEGER RANGE
    # ... [0<=x<=65535]', '--host TEXT'
    result = invoke(*command, "-h")
    options = result.output.split("\nOptions:", 1)[1]
    for word in JARGON:
        assert word not in options, (word, options)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["path", "a", "b", "--alternatives", "-2"], "-2 is not a whole number ≥ 0"),
        (["path", "a", "b", "--alternatives", "two"], "two is not a whole number ≥ 0"),
        (["serve", "--port", "99999"], "99999 is not a whole number from 0 to 65535"),
        (["serve", "--workers", "0"], "0 is not a whole number from 1 to 64"),
        (["sparql", "ASK {}", "--max-rows", "-1"], "-1 is not a whole number ≥ 0 (0: no cap)"),
    ],
)
def test_a_number_out_of_range_says_what_would_do(args: list[str], said: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert said in result.output


def test_the_examples_listed_are_wrapped_to_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # was: lines of 150 characters ('learning-path  Shortest ... [--param source=...] [--param
    # target=...]') broken wherever the terminal's edge fell
    import kg.cli.sparql

    whole = invoke("sparql", "--examples").stdout
    monkeypatch.setattr(kg.cli.sparql, "terminal_width", lambda: 80)
    wrapped = invoke("sparql", "--examples").stdout
    assert max(map(len, whole.splitlines())) > 80
    assert max(map(len, wrapped.splitlines())) <= 80
    assert wrapped.split() == whole.split()
    column = whole.index("Skills that count")  # where the titles start
    for line in wrapped.splitlines():
        assert not line[:column].strip() or not line.startswith(" "), line
        if line.startswith(" "):
            assert line[column:].startswith("[--param "), line  # a parameter, whole, under the title
