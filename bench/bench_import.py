"""Import time, triple count and peak memory of the ESCO and O*NET importers on the real
files in ../shared/external, plus building a persistent store from the ESCO import."""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from kg.importers.common import text_sink
from kg.importers.esco import import_esco
from kg.importers.onet import import_onet
from kg.importers.store import build_store

EXTERNAL = Path(__file__).resolve().parents[1].parent / "shared" / "external"
SOURCES = (
    ("ESCO v1.1.1", import_esco, EXTERNAL / "esco" / "v1.1.1"),
    ("O*NET 29.3", import_onet, EXTERNAL / "onet" / "29.3"),
)


def _rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="careerkg-bench-") as tmp:
        esco_nt: Path | None = None
        for name, importer, folder in SOURCES:
            if not folder.is_dir():
                print(f"{name:<12} skipped: {folder} not found", file=sys.stderr)
                continue
            out = Path(tmp) / f"{name.split()[0].lower().replace('*', '')}.nt"
            t0 = time.perf_counter()
            with text_sink(out) as sink:
                report = importer(folder, sink, show_progress=False)
            seconds = time.perf_counter() - t0
            print(
                f"{name:<12} import {seconds:6.2f} s   {report.triples:>10,} triples   "
                f"{out.stat().st_size / 2**20:7.1f} MiB N-Triples   peak RSS so far {_rss_mib():5.0f} MiB"
            )
            if esco_nt is None:
                esco_nt = out
        if esco_nt is not None:
            t0 = time.perf_counter()
            n = build_store([esco_nt], Path(tmp) / "store", grouped=[esco_nt])
            print(
                f"{'ESCO store':<12} build  {time.perf_counter() - t0:6.2f} s   {n:>10,} triples   "
                f"peak RSS so far {_rss_mib():5.0f} MiB (ontology + curated + ESCO, joined)"
            )


if __name__ == "__main__":
    main()
