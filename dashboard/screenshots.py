"""Screenshots of the explorer and the path finder for the README.

``python -m dashboard.screenshots OUTDIR`` starts the real app (``careerkg serve``
on a free loopback port), drives headless Chromium (Debian's ``/usr/bin/chromium``,
no browser download) and writes ``explorer.png`` and ``path.png`` into OUTDIR.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
SHOTS = {
    "explorer.png": ("/node/deep%20learning", "explorer-canvas"),
    "path.png": ("/path/Software%20Engineer/Machine%20Learning%20Engineer", "path-canvas"),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url + "/health", timeout=2):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("careerkg serve did not start") from None
            time.sleep(0.2)


def take(outdir: Path, width: int = 1440, height: int = 900) -> list[Path]:
    """Start the app, take the screenshots, stop the app; returns the files written."""
    from playwright.sync_api import sync_playwright

    outdir.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    written = []
    try:
        _wait(url, proc)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            for name, (path, canvas) in SHOTS.items():
                page.goto(url + path)
                page.wait_for_function(
                    "(id) => { const el = document.getElementById(id);"
                    " return !!(el && el._cyreg && el._cyreg.cy && el._cyreg.cy.nodes().length); }",
                    arg=canvas,
                    timeout=30_000,
                )
                page.wait_for_timeout(800)  # let charts and fonts settle
                target = outdir / name
                page.screenshot(path=str(target))
                written.append(target)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m dashboard.screenshots", description=__doc__)
    parser.add_argument("outdir", type=Path, help="folder for explorer.png and path.png")
    args = parser.parse_args(argv)
    for path in take(args.outdir):
        print(path)


if __name__ == "__main__":
    main()
