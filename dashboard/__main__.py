"""Development launcher: ``python -m dashboard [--host H] [--port P] [--data FILE]...``.

Runs the Dash app with Flask's development server (``careerkg serve`` is the real
server: gunicorn, plus the ``/sparql`` endpoint).
"""

from __future__ import annotations

import argparse


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--data", action="append", default=[], help="an extra RDF file; repeatable")
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args(argv)

    from dashboard.app import create_app
    from kg.store import Store

    app = create_app(Store.default(args.data))
    app.run(host=args.host, port=args.port, debug=args.debug)


if __name__ == "__main__":
    main()
