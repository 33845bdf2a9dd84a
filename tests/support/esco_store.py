"""One persistent store of the real ESCO v1.1.1 import per test session.

The import (``careerkg import esco DIR --store``) takes ~20 s, so every external test
module shares the folder this module builds once and removes at exit.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

from tests.conftest import EXTERNAL, require_path

ESCO_DIR = EXTERNAL / "esco" / "v1.1.1"


@functools.cache
def esco_store_dir() -> Path:
    """The store folder (ontology + curated data + ESCO), imported on first use.

    Skips (outside CI) or fails (in CI) when the ESCO files are missing.
    """
    require_path(ESCO_DIR, "ESCO v1.1.1")
    from click.testing import CliRunner

    from kg.cli import _register, cli

    work = Path(tempfile.mkdtemp(prefix="careerkg-esco-store-"))
    atexit.register(shutil.rmtree, work, True)
    target = work / "store"
    _register()
    result = CliRunner().invoke(
        cli, ["import", "esco", str(ESCO_DIR), "--store", str(target), "--no-progress"]
    )
    if result.exit_code != 0:
        raise RuntimeError(f"ESCO import failed ({result.exit_code}): {result.output[-2000:]}")
    return target
