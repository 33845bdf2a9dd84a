"""``careerkg --data FILE stats``, written as ``careerkg --store DIR stats`` is, says where
--data goes.

--store may come before the command, --data only after it; the first answer was click's
'No such option: --data' with nothing on where it goes.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.cli import invoke


def test_data_before_the_command_says_to_put_it_after(tmp_path: Path) -> None:
    data = tmp_path / "esco.nt"
    data.write_text("<urn:a> <urn:p> <urn:b> .\n", encoding="utf-8")
    result = invoke("--data", str(data), "stats")
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    assert f"careerkg stats --data {data}" in message, message
    assert "after the command" in message, message


def test_other_unknown_options_keep_clicks_answer() -> None:
    result = invoke("--nope", "stats")
    assert result.exit_code == 2, result.output
    assert "No such option" in result.stderr, result.stderr
