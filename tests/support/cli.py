"""careerkg's CLI run in-process (click's CliRunner), for the commands' tests."""

from __future__ import annotations

from click.testing import CliRunner, Result


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    """``careerkg ARGS...`` run in this process (with ``env`` set): its exit code, stdout and stderr."""
    from kg.cli import _register, cli

    _register()
    return CliRunner().invoke(cli, list(args), env=env)
