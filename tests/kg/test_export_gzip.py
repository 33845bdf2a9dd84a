"""``careerkg export -o FILE.gz`` writes gzip, which --data reads back.

The imports write .nt.gz and --data reads .gz, but the export refused 'x.nt.gz' ('cannot
tell the format of x.nt.gz by its name') and, given --format nt, wrote plain N-Triples
into x.nt.gz, which --data then refused ('Not a gzipped file').
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.support.cli import invoke


@pytest.mark.parametrize(
    ("name", "extra"),
    [("g.nt.gz", []), ("g.ttl.gz", []), ("g.csv.gz", []), ("g.jsonld.gz", ["--format", "jsonld"])],
)
def test_a_gz_export_is_gzip_and_loads_back(tmp_path: Path, name: str, extra: list[str]) -> None:
    out = tmp_path / name
    result = invoke("export", "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"\x1f\x8b"  # gzip's magic number
    assert len(gzip.decompress(out.read_bytes())) > out.stat().st_size
    back = invoke("stats", "--data", str(out), "--format", "json")
    assert back.exit_code == 0, back.output
    shipped = json.loads(invoke("stats", "--format", "json").stdout)
    assert json.loads(back.stdout) == shipped
