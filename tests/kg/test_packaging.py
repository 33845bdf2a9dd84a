"""A non-editable wheel ships the ontology and data and works from any directory."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_ships_resources_and_runs_elsewhere(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("careerkg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kg/_resources/ontology/careerkg.ttl" in names
    assert "kg/_resources/ontology/shapes.ttl" in names
    assert any(n.startswith("kg/_resources/data/") and n.endswith(".ttl") for n in names)
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import kg.store as s, sys; "
        "assert '_resources' in str(s.resource_dir('data')), s.resource_dir('data'); "
        "st = s.Store.default(); print(len(st))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
        text=True,
    )
    assert int(out.stdout.strip()) > 1000
