"""Remembered SPARQL answers: hits, one evaluation for concurrent equal queries,
remembered timeouts, the byte budget, a changed store, and the endpoint's X-Cache."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from flask import Flask

from kg.errors import QueryTimeout, ResultTooLarge
from kg.sparql.cache import ResultCache, result_cache
from kg.sparql.endpoint import sparql_blueprint
from kg.sparql.engine import QueryResult, run_query
from kg.store import Store

ROLES = "SELECT ?r WHERE { ?r a ckg:Role } ORDER BY ?r"


@pytest.fixture
def store() -> Store:
    # not the shared default store: a fresh one for each test, which loads files into it and
    # counts its result cache's hits
    return Store.default()


def test_a_repeated_query_is_answered_from_memory_with_the_same_rows(store: Store) -> None:
    cache = ResultCache()
    calls = []

    def evaluate() -> QueryResult:
        calls.append(1)
        return run_query(store, ROLES, timeout=5, max_rows=100)

    first, hit1 = cache.run(store, ROLES, timeout=5, max_rows=100, evaluate=evaluate)
    second, hit2 = cache.run(store, ROLES, timeout=5, max_rows=100, evaluate=evaluate)
    assert (hit1, hit2, len(calls)) == (False, True, 1)
    assert second.rows == first.rows == run_query(store, ROLES).rows
    # the answer is read under any cap it fits; under a smaller cap it is too large
    _, hit3 = cache.run(store, ROLES, timeout=5, max_rows=len(first.rows), evaluate=evaluate)
    assert (hit3, len(calls)) == (True, 1)
    with pytest.raises(ResultTooLarge):
        cache.run(store, ROLES, timeout=5, max_rows=len(first.rows) - 1, evaluate=evaluate)
    assert len(calls) == 1
    assert cache.stats()["hits"] == 3


def test_concurrent_equal_queries_share_one_evaluation(store: Store) -> None:
    cache = ResultCache()
    calls = []
    gate = threading.Event()

    def evaluate() -> QueryResult:
        calls.append(1)
        gate.wait(5)
        return run_query(store, ROLES, timeout=5, max_rows=100)

    answers: list[tuple[QueryResult, bool]] = []
    threads = [
        threading.Thread(
            target=lambda: answers.append(cache.run(store, ROLES, timeout=5, max_rows=100, evaluate=evaluate))
        )
        for _ in range(8)
    ]
    for t in threads:
        t.start()
    time.sleep(0.3)
    gate.set()
    for t in threads:
        t.join(10)
    assert len(calls) == 1
    assert len(answers) == 8
    assert sum(hit for _, hit in answers) == 7
    assert len({id(result) for result, _ in answers}) == 1


def test_a_timeout_is_remembered_for_a_while_then_evaluated_again(store: Store) -> None:
    cache = ResultCache(negative_ttl=0.3)
    calls = []

    def evaluate() -> QueryResult:
        calls.append(1)
        raise QueryTimeout(0.1)

    for _ in range(3):
        with pytest.raises(QueryTimeout):
            cache.run(store, "SELECT * WHERE { ?a ?b ?c }", timeout=0.1, max_rows=None, evaluate=evaluate)
    assert len(calls) == 1
    time.sleep(0.35)
    with pytest.raises(QueryTimeout):
        cache.run(store, "SELECT * WHERE { ?a ?b ?c }", timeout=0.1, max_rows=None, evaluate=evaluate)
    assert len(calls) == 2


def test_too_large_is_remembered_and_other_errors_are_not(store: Store) -> None:
    cache = ResultCache()
    with pytest.raises(ResultTooLarge):
        cache.run(store, "SELECT * WHERE { ?s ?p ?o }", timeout=5, max_rows=10)
    with pytest.raises(ResultTooLarge):
        cache.run(store, "SELECT * WHERE { ?s ?p ?o }", timeout=5, max_rows=10, evaluate=pytest.fail)
    assert cache.stats()["hits"] == 1
    from kg.errors import QueryRejected

    for _ in range(2):
        with pytest.raises(QueryRejected):
            cache.run(store, "SELECT ?s WHERE { ?s a }", timeout=5, max_rows=10)
    assert cache.stats()["hits"] == 1  # a malformed query is parsed again (cheap), not remembered


def test_the_budget_evicts_the_least_recently_used(store: Store) -> None:
    cache = ResultCache(budget=8 * 1024)  # about nine answers of five rows
    texts = [f"SELECT ?r WHERE {{ ?r a ckg:Role }} ORDER BY ?r LIMIT 5 OFFSET {n}" for n in range(12)]
    for text in texts:
        cache.run(store, text, timeout=5, max_rows=100)
    stats = cache.stats()
    assert stats["bytes"] <= stats["budget"]
    assert 0 < stats["entries"] < len(texts)
    _, hit_last = cache.run(store, texts[-1], timeout=5, max_rows=100)
    _, hit_first = cache.run(store, texts[0], timeout=5, max_rows=100)
    assert (hit_last, hit_first) == (True, False)
    # an answer bigger than an eighth of the budget is answered, not kept
    everything, _ = cache.run(store, "SELECT * WHERE { ?s ?p ?o }", timeout=5, max_rows=None)
    assert len(everything.rows) == len(store)
    assert cache.run(store, "SELECT * WHERE { ?s ?p ?o }", timeout=5, max_rows=None)[1] is False


def test_a_changed_store_is_asked_again(store: Store, tmp_path: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?r a ckg:Role }"
    before, _ = result_cache(store).run(store, count, timeout=5, max_rows=10)
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n<urn:x:role> a ckg:Role .\n", encoding="utf-8"
    )
    store.load(extra)
    after, hit = result_cache(store).run(store, count, timeout=5, max_rows=10)
    assert hit is False
    assert int(after.rows[0][0]) == int(before.rows[0][0]) + 1  # type: ignore[arg-type]


def test_the_endpoint_says_hit_or_miss_and_serves_the_same_body(store: Store) -> None:
    app = Flask(__name__)
    app.register_blueprint(sparql_blueprint(store, timeout=2.0, max_rows=500))
    client = app.test_client()
    answers = [
        client.get("/sparql", query_string={"query": ROLES}, headers={"Accept": accept})
        for accept in ("application/sparql-results+json", "application/sparql-results+json", "text/csv")
    ]
    assert [r.status_code for r in answers] == [200, 200, 200]
    assert [r.headers["X-Cache"] for r in answers] == ["miss", "hit", "hit"]
    assert answers[0].data == answers[1].data
    assert answers[2].content_type.startswith("text/csv")
    assert answers[2].data.decode().splitlines()[0] == "r"


def test_serialized_bodies_are_kept_with_their_answer_and_counted(store: Store) -> None:
    cache = ResultCache()
    result, _ = cache.run(store, ROLES, timeout=5, max_rows=100)
    calls = []

    def serialize(r: QueryResult) -> str:
        calls.append(1)
        return "\n".join(str(row[0]) for row in r.rows)

    before = cache.stats()["bytes"]
    first = cache.body(result, "text", serialize)
    second = cache.body(result, "text", serialize)
    assert first == second
    assert len(calls) == 1
    assert cache.stats()["bytes"] == before + len(first)
    # an answer that is not kept (here: another cache's) is serialized every time
    other, _ = ResultCache(budget=0).run(store, ROLES, timeout=5, max_rows=100)
    cache.body(other, "text", serialize)
    cache.body(other, "text", serialize)
    assert len(calls) == 3


def test_a_timeout_spent_waiting_for_a_busy_engine_is_not_remembered(store: Store) -> None:
    cache = ResultCache()
    calls = []

    def evaluate() -> QueryResult:
        calls.append(1)
        raise QueryTimeout(2.0, evaluated=0.1)  # 1.9 s of the limit went waiting

    for _ in range(2):
        with pytest.raises(QueryTimeout):
            cache.run(store, ROLES, timeout=2.0, max_rows=None, evaluate=evaluate)
    assert len(calls) == 2


def test_every_example_is_answered_with_rows_in_a_fresh_process() -> None:
    # a fresh process: nothing has registered careerkg's ckf: functions yet, and the
    # answers may be saved with a store for good, so an empty one would stay wrong
    import json
    import subprocess
    import sys

    script = (
        "import json; from kg.store import Store; from kg.sparql.cache import answer_examples\n"
        "from kg.sparql.examples import EXAMPLES\n"
        "answers = answer_examples(Store.default())\n"
        "print(json.dumps({n: len(answers[e.editable_text]) for n, e in EXAMPLES.items() "
        "if e.editable_text in answers}))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    counts = json.loads(done.stdout)
    from kg.sparql.examples import EXAMPLES

    assert set(counts) == set(EXAMPLES)
    assert counts["hours-to-roles"] > 0
    assert counts["learning-path"] > 0


def test_an_example_that_fails_in_advance_is_said_and_left_out(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Answers given in advance only save time: one the engine below fails with a plain
    ``Exception`` (rdflib's remote store did) is left out, and ``careerkg serve`` starts."""
    import kg.sparql.cache as cache
    from kg.sparql.examples import EXAMPLES

    failing = EXAMPLES["counts-by-class"].editable_text

    def run(s: Store, text: str, **kwargs: object) -> QueryResult:
        if text == failing:
            raise Exception("SPARQLStore does not support BNodes!")  # as rdflib raises it
        return run_query(s, text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "run_query", run)
    answers = cache.answer_examples(store)
    assert failing not in answers
    assert len(answers) == len(EXAMPLES) - 1
    said = capsys.readouterr().err
    assert "the example 'counts-by-class' was not answered in advance" in said
    assert "SPARQLStore does not support BNodes!" in said
