"""``careerkg export`` of a large graph with no ``-o``, on a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.cli.export
from tests.support.cli import invoke


def test_a_large_export_is_not_poured_onto_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # was: 'careerkg --store esco export' scrolled 1,172,967 triples (about 180 MB) by on the terminal
    monkeypatch.setattr(kg.cli.export, "LARGE", 1000)
    monkeypatch.setattr(kg.cli.export, "_stdout_is_terminal", lambda: True)
    result = invoke("export")
    assert result.exit_code == 2, result.output
    assert "standard output is a terminal; write it to a file with -o FILE" in result.output
    assert "@prefix" not in result.stdout


def test_a_large_export_is_still_piped_and_a_small_one_still_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.cli.export, "LARGE", 1000)
    piped = invoke("export", "--format", "nt")  # CliRunner's stdout is no terminal
    assert piped.exit_code == 0, piped.output
    assert piped.stdout.count("\n") > 1000
    monkeypatch.setattr(kg.cli.export, "LARGE", 10_000_000)
    monkeypatch.setattr(kg.cli.export, "_stdout_is_terminal", lambda: True)
    shown = invoke("export")
    assert shown.exit_code == 0, shown.output
    assert "@prefix" in shown.stdout


def test_dash_is_standard_output_and_an_empty_name_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # was: 'export -o - --format nt' wrote a file named '-' in the working folder
    monkeypatch.chdir(tmp_path)
    result = invoke("export", "-o", "-", "--format", "nt")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") > 1000
    assert not list(tmp_path.iterdir())
    empty = invoke("export", "-o", "")
    assert empty.exit_code == 2
    assert "an empty file name; give a file to write, or - for standard output" in empty.output
