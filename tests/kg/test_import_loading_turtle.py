"""Loading an import given as (gzipped) Turtle is announced as its N-Triples would be.

The note before a long ``--data`` load weighed files by their bytes on disk, a .gz as 8
times them: ``careerkg stats --data onet.ttl.gz`` (an O*NET 29.3 import: 1.4 MB, 20.8 MB of
Turtle, 428,677 triples) loaded for 10 s without a word, while the same import as
``onet.nt`` (54.7 MB) was announced. Turtle holds the triples in about 2.7 times fewer bytes
than N-Triples (ESCO 59.0 MB to 163.0 MB, O*NET 20.8 MB to 54.7 MB), and a .gz says the size
it unpacks to in its last four bytes.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import kg.cli

ROWS = "".join(f'<urn:x:s{i}> <http://www.w3.org/2000/01/rdf-schema#label> "s{i}" .\n' for i in range(2000))


def test_a_gzipped_turtle_file_weighs_what_its_triples_weigh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nt = tmp_path / "onet.nt"
    nt.write_text(ROWS, encoding="utf-8")
    ttl = tmp_path / "onet.ttl.gz"
    text = ROWS.encode("utf-8")  # N-Triples is Turtle; written as dense as Turtle would be
    dense = text[: int(len(text) / kg.cli.TURTLE_RATIO) + 1]
    ttl.write_bytes(gzip.compress(dense))
    assert ttl.stat().st_size * kg.cli.GZIP_RATIO < nt.stat().st_size  # compresses far better than 8x
    monkeypatch.setattr(kg.cli, "LARGE_DATA", nt.stat().st_size - 1)
    assert kg.cli.loading_note([nt]) is not None
    assert kg.cli.loading_note([ttl]) is not None


def test_small_files_stay_quiet(tmp_path: Path) -> None:
    ttl = tmp_path / "small.ttl.gz"
    ttl.write_bytes(gzip.compress(ROWS.encode("utf-8")))
    assert kg.cli.loading_note([ttl]) is None
