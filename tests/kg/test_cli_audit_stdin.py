"""'-' where a command reads files only: it says standard input is not read there."""

from __future__ import annotations

import pytest

from tests.support.cli import invoke


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["gaps", "-"], "a curriculum is not read from standard input; save it to a file"),
        (["validate", "-"], "'-' (standard input) is not read here: save the RDF to a file"),
        (["stats", "--data", "-"], "'-' (standard input) is not read here: save the RDF to a file"),
    ],
    ids=["gaps", "validate", "data"],
)
def test_a_dash_for_a_file_says_standard_input_is_not_read(args: list[str], said: str) -> None:
    # was: '-: no such file' and '-: unknown RDF file extension; use one of .csv, ...'
    result = invoke(*args, env={})
    assert result.exit_code == 2, result.output
    assert said in result.output
    assert "no such file" not in result.output
