"""Hostile input to every parser and entry point, in-process: generated curricula, ``--data``
files, path names and SPARQL text give a result or a careerkg error with a clear message,
never another exception, a traceback or a hang (``bench_fuzz`` runs 10,000+ cases each)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from bench.fuzzing import LOCAL_TARGETS, Target

CASES = {"curriculum-csv": 80, "curriculum-ttl": 80, "data-file": 120, "path-names": 60, "sparql-text": 120}


def _run(target: Target) -> None:
    outcomes: list[str] = []

    @settings(
        max_examples=CASES[target.name],
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(target.strategy)
    def case(value: Any) -> None:
        outcomes.append(target.check(value))

    case()
    assert len(outcomes) >= CASES[target.name] // 2
    assert all(isinstance(o, str) and o for o in outcomes)


@pytest.mark.parametrize("target", LOCAL_TARGETS, ids=[t.name for t in LOCAL_TARGETS])
def test_generated_input_gives_a_result_or_a_clear_error(target: Target) -> None:
    _run(target)


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("course,term,teaches,requires\n<script>x</script>,1,python,\n", "csv"),
        ("course,term,teaches,requires\nA,99999999999999999999,python,\n", "csv"),
        ("\x00\x00", "csv"),
        ("@prefix : <urn:> . :a :b", "ttl"),
        ("<file:///etc/passwd> a <urn:x> .", "ttl"),
    ],
)
def test_known_troublemaker_curricula(text: str, fmt: str) -> None:
    from bench.fuzzing import check_curriculum

    assert check_curriculum((text, fmt)) in {"ok", "reported-error", "InvalidCurriculum", "InputFileError"}


def test_data_file_cli_is_exit_2_without_traceback(tmp_path: Any) -> None:
    from click.testing import CliRunner

    from kg.cli import _register, cli

    bad = tmp_path / "bad.ttl"
    bad.write_bytes(b"@prefix : <urn:> .\n:a :b \xff\xfe .\n")
    _register()
    result = CliRunner().invoke(cli, ["stats", "--data", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith("careerkg: error:")
    assert str(bad) in result.stderr
    assert "Traceback" not in result.output
