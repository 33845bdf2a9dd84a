"""An import whose -o file or --store folder cannot be written says so before it imports.

The ESCO import takes 6-12 s (O*NET 5-10 s) before anything is written: a target in a
folder that is a file, or under /proc, was refused only after the whole import had run and
its summary had scrolled by ('ESCO v1.1.1: 1,165,408 triples in 8 s ... careerkg: error:
cannot write /proc/x.nt').
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.kg.test_import_esco import make_esco
from tests.support.cli import invoke


@pytest.mark.parametrize("flag", ["-o", "--store"])
def test_an_unwritable_target_is_refused_before_the_import_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flag: str
) -> None:
    import kg.importers.esco

    source = make_esco(tmp_path / "esco")
    blocker = tmp_path / "afile"
    blocker.write_text("a file where a folder is meant\n", encoding="utf-8")
    out = blocker / "sub" / ("x.nt" if flag == "-o" else "store")
    ran: list[Any] = []

    def importer(*args: Any, **kwargs: Any) -> Any:
        ran.append(args)
        raise AssertionError("the import ran before its target was checked")

    monkeypatch.setattr(kg.importers.esco, "import_esco", importer)
    result = invoke("import", "esco", str(source), flag, str(out))
    assert result.exit_code == 2, result.output
    assert ran == []
    assert f"careerkg: error: cannot write {out}: " in result.stderr
    assert f"({blocker} is a file, not a folder); nothing was written there" in result.stderr
    assert "Traceback" not in result.output


def test_a_writable_new_folder_is_not_created_by_the_check(tmp_path: Path) -> None:
    source = make_esco(tmp_path / "esco")
    out = tmp_path / "new" / "deeper" / "esco.nt"
    bad = invoke("import", "esco", str(source), "-o", str(out), "--source-version", "not a version")
    assert bad.exit_code == 2, bad.output
    assert not (tmp_path / "new").exists()  # nothing left behind by a refused import
    good = invoke("import", "esco", str(source), "-o", str(out))
    assert good.exit_code == 0, good.output
    assert out.stat().st_size > 0
    assert list(tmp_path.glob("new/deeper/*")) == [out]
