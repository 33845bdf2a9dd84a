"""``--store DIR`` with ``--data FILE`` says how to get the file into the store.

It said 'import them into the store', but a store folder takes no file once written and
``careerkg import`` has no command to add one: the store is written again by the import,
with the file as its --data.
"""

from __future__ import annotations

from pathlib import Path

from tests.kg.test_import_esco import make_esco
from tests.support.cli import invoke


def test_data_beside_a_store_folder_names_the_import_that_takes_it(tmp_path: Path) -> None:
    store = tmp_path / "store"
    built = invoke("import", "esco", str(make_esco(tmp_path / "esco")), "--store", str(store))
    assert built.exit_code == 0, built.output
    extra = tmp_path / "extra.ttl"
    extra.write_text("<urn:a> <urn:p> <urn:b> .\n", encoding="utf-8")
    result = invoke("--store", str(store), "stats", "--data", str(extra))
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    assert f"--store {store} --data {extra}" in message, message
    assert "careerkg import esco|onet" in message, message
    assert "drop --store" in message, message
