"""An output that cannot be written (its folder is a file, read-only, full): one line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kg.test_import_esco import make_esco
from tests.support.cli import invoke

PLAN = "course,term,teaches,requires\nStats,1,statistics; probability theory,\nLate,1,regression models,statistics\n"


def _blocker(tmp_path: Path) -> Path:
    blocker = tmp_path / "afile"
    blocker.write_text("a file where a folder is meant\n", encoding="utf-8")
    return blocker


def _args(tmp_path: Path, kind: str) -> tuple[list[str], Path]:
    out = (
        _blocker(tmp_path)
        / {"export": "x.ttl", "gaps": "x.csv", "import-o": "x.nt", "import-store": "st"}[kind]
    )
    if kind == "export":
        return ["export", "-o", str(out)], out
    if kind == "gaps":
        plan = tmp_path / "plan.csv"
        plan.write_text(PLAN, encoding="utf-8")
        return ["gaps", str(plan), "--suggested-terms", str(out)], out
    source = str(make_esco(tmp_path / "esco"))
    flag = "-o" if kind == "import-o" else "--store"
    return ["import", "esco", source, flag, str(out)], out


@pytest.mark.parametrize("kind", ["export", "gaps", "import-o", "import-store"])
def test_an_output_in_a_folder_that_is_a_file_is_one_line(tmp_path: Path, kind: str) -> None:
    # was: a traceback ending 'FileExistsError: [Errno 17] File exists: ...afile'
    args, out = _args(tmp_path, kind)
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert f"careerkg: error: cannot write {out}: " in result.stderr
    assert f"({out.parent} is a file, not a folder); nothing was written there" in result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
