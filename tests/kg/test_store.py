"""Loading the default graph and user files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import _register, cli
from kg.errors import InputFileError
from kg.namespace import CKG, ROLE
from kg.store import Store


def test_default_store_has_ontology_data_and_shortcuts(default_store: Store) -> None:
    g = default_store.graph
    assert (CKG.Role, None, None) in g
    mle = ROLE["machine-learning-engineer"]
    assert (mle, CKG.requiresSkill, None) in g, "requiresSkill shortcuts are materialised on load"
    n_req = len(set(g.objects(mle, CKG.hasRequirement)))
    assert len(set(g.objects(mle, CKG.requiresSkill))) == n_req


def test_extra_file_is_added_and_bumps_version(tmp_path: Path) -> None:
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "<urn:x:role> ckg:hasProgression [ ckg:toRole <urn:x:other> ] .\n"
    )
    store = Store.default()
    v = store.version
    added = store.load(extra)
    assert added == 3  # two triples and the materialised progressesTo shortcut
    assert store.version == v + 1


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("broken.ttl", "@prefix ex: <urn:ex:> .\nex:a ex:b ex:c .\nex:a ex:b .\n", 3),
        ("broken.nt", '<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> "x .\n', 2),
    ],
)
def test_malformed_file_exits_2_with_file_and_line(
    tmp_path: Path, name: str, content: str, line: int
) -> None:
    bad = tmp_path / name
    bad.write_text(content)
    with pytest.raises(InputFileError) as info:
        Store.default([bad])
    assert info.value.line == line
    _register()
    result = CliRunner().invoke(cli, ["stats", "--data", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}, line {line}" in result.output
    assert "Traceback" not in result.output


def test_missing_and_unknown_files_are_clear_errors(tmp_path: Path) -> None:
    _register()
    result = CliRunner().invoke(cli, ["stats", "--data", str(tmp_path / "nope.ttl")])
    assert result.exit_code == 2
    assert "no such file" in result.output
    odd = tmp_path / "data.xlsx"
    odd.write_text("x")
    result = CliRunner().invoke(cli, ["stats", "--data", str(odd)])
    assert result.exit_code == 2
    assert "unknown RDF file extension" in result.output
