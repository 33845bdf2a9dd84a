"""``careerkg -h`` and each group's ``-h``: every command is listed with a whole sentence."""

from __future__ import annotations

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
