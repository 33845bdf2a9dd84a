"""``careerkg import``'s summary on a terminal: wrapped, each heading's text under it."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.cli
from tests.kg.test_import_esco import make_esco
from tests.support.cli import invoke


def _summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: int | None, name: str) -> str:
    monkeypatch.setattr(kg.cli, "terminal_width", lambda err=False: width if err else None)
    source = make_esco(tmp_path / f"esco-{name}")
    result = invoke("import", "esco", str(source), "-o", str(tmp_path / f"{name}.nt"))
    assert result.exit_code == 0, result.output
    return result.stderr.split("\nwrote ", 1)[0]  # the summary, before the file written


def test_the_summary_is_wrapped_to_the_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # was: summary lines of 300 characters and more, broken wherever the terminal's edge fell
    whole = _summary(tmp_path, monkeypatch, None, "whole")
    wrapped = _summary(tmp_path, monkeypatch, 60, "wrapped")
    assert max(map(len, whole.splitlines())) > 60
    # the same words in the same order, past the first line (the seconds the import took)
    assert wrapped.split("\n", 1)[1].split() == whole.split("\n", 1)[1].split()
    lines = wrapped.splitlines()
    long_words = [line for line in lines if len(line) > 60 and len(line.split()) > 1]
    assert not long_words, long_words  # only a single word too long for the line may pass it
    attribution = next(i for i, line in enumerate(lines) if line.startswith("  attribution: "))
    assert lines[attribution + 1].startswith(" " * len("  attribution: "))
    quirk = next(i for i, line in enumerate(lines) if line.startswith("  quirks: "))
    assert lines[quirk + 1].startswith(" " * 12)  # a quirk goes on two past its start
