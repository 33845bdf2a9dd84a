"""--no-switch with no career progression to the target: the error says where the
ladder does lead to the target from, and what would plan one (it said only that
no progression leads there and direct switches are off)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import _register, cli
from kg.errors import NoLearningPath
from kg.paths import learning_path
from kg.project import projection
from kg.store import Store
from kg.synthetic import tiny_graph


def _error(*args: str) -> str:
    _register()
    result = CliRunner().invoke(cli, ["path", *args, "--no-switch"])
    assert result.exit_code == 1, result.output
    return result.output


def test_the_error_names_the_roles_the_ladder_reaches_the_target_from() -> None:
    G = projection(Store.default())
    target = next(n for n, d in G.nodes(data=True) if d.get("label") == "Research Scientist")
    before = sorted(G.nodes[u]["label"] for u, _v, k in G.in_edges(target, keys=True) if k == "progresses")
    assert before, "the data has a career step to Research Scientist"
    out = _error("DevOps Engineer", "Research Scientist")
    assert f"on the career ladder Research Scientist is reached from {', '.join(before)}" in out
    assert out.rstrip().endswith("; leave out --no-switch to plan a direct switch")


def test_a_role_below_says_the_ladder_and_what_to_leave_out() -> None:
    out = _error("Lead ML Engineer", "Data Scientist")
    assert "Data Scientist comes before Lead Machine Learning Engineer on the career ladder" in out
    assert "leave out --no-switch" in out


def test_a_role_no_progression_leads_to_says_so() -> None:
    G = tiny_graph()
    G.add_node("role:wizard", type="role", label="Wizard")  # on no career step
    with pytest.raises(NoLearningPath, match="no career progression leads to Wizard from any role"):
        learning_path(G, "role:analyst", "role:wizard", switch=False)
