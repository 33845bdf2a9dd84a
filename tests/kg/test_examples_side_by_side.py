"""The example queries are answered side by side (threads here, native queries in the
query processes) when a persistent store is primed: the answers are the ones answered
one after another in this process, every example's rows in the same order.

On ESCO priming took 28-30 s one after another, 18 s side by side (2 cores).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import derived_cache
from kg.sparql.cache import answer_examples
from kg.sparql.examples import EXAMPLES
from kg.store import Store


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    from kg.importers.store import build_store

    where = Path(tempfile.mkdtemp()) / "store"
    build_store([], where)
    yield where
    shutil.rmtree(where.parent, ignore_errors=True)


def test_answers_side_by_side_are_the_answers_in_turn(folder: Path) -> None:
    assert derived_cache.build_apart(folder, "example-answers") is not None
    store = Store.open(folder)
    apart = derived_cache.load(store, "example-answers")
    in_turn = answer_examples(store, threads=1)
    assert list(in_turn) == [e.editable_text for e in EXAMPLES.values()]
    assert list(apart) == list(in_turn)
    for text, result in in_turn.items():
        assert apart[text].variables == result.variables, text
        assert apart[text].rows == result.rows, text


def test_each_view_is_built_once_however_many_threads_ask(folder: Path) -> None:
    import threading
    from concurrent.futures import ThreadPoolExecutor

    store = Store.open(folder)
    built: list[int] = []
    started = threading.Event()

    def slow(_s: Store) -> int:
        built.append(1)
        started.set()
        threading.Event().wait(0.2)  # the others ask while it is built
        return 7

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _i: store.derived("slow-view", slow), range(8)))
    assert started.is_set()
    assert answers == [7] * 8
    assert built == [1]
