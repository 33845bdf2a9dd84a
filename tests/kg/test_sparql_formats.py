"""SPARQL JSON results of many rows: written by the json module's C encoder, one result a
line. With ``indent`` the encoder fell back to pure Python: 100,000 rows took 3.5 s to
write (CSV 0.8 s) and weighed 42 MB; now 0.8 s and 33 MB, and they parse back the same."""

from __future__ import annotations

import io
import json

import pytest
from rdflib import XSD, BNode, Literal, URIRef, Variable
from rdflib.query import Result

from kg.sparql.engine import QueryResult
from kg.sparql.formats import FORMATS


def _many(n: int) -> QueryResult:
    rows = [
        (
            URIRef(f"https://w3id.org/careerkg/id/skill/s{i % 500}"),
            Literal(f"label {i} «ü»", lang="en") if i % 3 else Literal(i, datatype=XSD.integer),
            None if i % 7 == 0 else BNode(f"b{i % 50}"),
        )
        for i in range(n)
    ]
    return QueryResult("SELECT", ["s", "v", "b"], rows)


def test_json_results_parse_back_exactly() -> None:
    res = _many(2_000)
    body = FORMATS["json"].serialize(res)
    back = Result.parse(io.BytesIO(body), format="json")
    assert [tuple(b.get(Variable(v)) for v in res.variables) for b in back.bindings] == res.rows
    doc = json.loads(body)
    assert doc["head"] == {"vars": ["s", "v", "b"]}
    assert "b" not in doc["results"]["bindings"][0]  # unbound: left out


def test_json_results_are_one_result_a_line() -> None:
    body = FORMATS["json"].serialize(_many(50)).decode()
    lines = body.splitlines()
    assert len(lines) == 2 + 50 + 1  # head, "results", a line a result, the closing ]}}
    assert all(json.loads(line.rstrip(",")) for line in lines[2:-1])


def test_json_results_are_written_by_the_c_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    # json falls back to its pure-Python encoder (json.encoder._make_iterencode) when it
    # is asked to indent: that was 4x slower on 100,000 rows. Here the fallback refuses,
    # so only the C encoder can write the results (how much faster: `python -m bench`,
    # not a timed test)
    def pure_python(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("written by json's pure-Python encoder")

    monkeypatch.setattr(json.encoder, "_make_iterencode", pure_python)
    with pytest.raises(AssertionError, match="pure-Python"):  # as the results were written before
        json.dumps({"results": [1]}, indent=1)
    body = FORMATS["json"].serialize(_many(2_000))
    assert len(json.loads(body)["results"]["bindings"]) == 2_000


def test_ask_and_empty_results() -> None:
    assert json.loads(FORMATS["json"].serialize(QueryResult("ASK", boolean=False))) == {
        "head": {},
        "boolean": False,
    }
    empty = json.loads(FORMATS["json"].serialize(QueryResult("SELECT", ["x"], [])))
    assert empty == {"head": {"vars": ["x"]}, "results": {"bindings": []}}
