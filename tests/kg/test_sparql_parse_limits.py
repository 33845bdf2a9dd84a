"""Reading a query counts toward its time limit, and a query nested too deeply is a 400.

rdflib's parser is pure Python: a FILTER chaining 2,000 ``||`` (25 KB) took 5 s to read,
and 20,000 of them (270 KB, well under the endpoint's 1 MiB body limit) held a server
worker 110 s under a 3 s limit, which began only once the query was read. A query nested
3,000 brackets deep overflowed the parser's recursion: ``RecursionError``, a 500
"internal error" from the endpoint.
"""

from __future__ import annotations

import time

import pytest

from kg.errors import QueryRejected, QueryTimeout
from kg.sparql.engine import parse_query, run_query
from kg.store import Store
from tests.support.endpoint import endpoint_client

LONG = "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(f"?o = {i}" for i in range(2_000)) + ") } LIMIT 1"
DEEP = "SELECT * WHERE " + "{" * 3_000 + "}" * 3_000


def test_the_time_limit_counts_reading_the_query(store: Store) -> None:
    started = time.perf_counter()
    with pytest.raises(QueryTimeout) as caught:
        run_query(store, LONG, timeout=0.5)
    assert time.perf_counter() - started < 3.0
    assert caught.value.seconds == 0.5  # the limit the client knows


@pytest.mark.parametrize("query", [DEEP, "ASK { FILTER(" + "(" * 3_000 + "1" + ")" * 3_000 + ") }"])
def test_a_query_nested_too_deeply_is_refused_in_words(query: str) -> None:
    with pytest.raises(QueryRejected) as caught:
        parse_query(query)
    assert caught.value.status == 400
    assert str(caught.value).startswith("the query nests too deeply to be read")


def test_the_endpoint_answers_400_not_500(store: Store) -> None:
    client = endpoint_client(store, timeout=5.0, max_rows=100)
    r = client.post("/sparql", data=DEEP.encode(), content_type="application/sparql-query")
    assert r.status_code == 400, r.text
    assert r.mimetype == "text/plain"
    assert "write it flatter" in r.text
