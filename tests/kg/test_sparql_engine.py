"""kg.sparql.engine: parsing, refusals, time limit and row cap."""

from __future__ import annotations

import threading
import time

import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import QueryRejected, QueryTimeout, ResultTooLarge
from kg.sparql.engine import call_with_deadline, parse_query, run_query
from kg.store import Store

TTL = """
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
skill:a a ckg:Skill ; skos:prefLabel "A"@en ; ckg:hasPrerequisite skill:b .
skill:b a ckg:Skill ; skos:prefLabel "B"@en ; ckg:hasPrerequisite skill:c .
skill:c a ckg:Skill ; skos:prefLabel "C"@en .
"""


@pytest.fixture
def store() -> Store:
    # not the shared default store: this module's small TTL alone, made afresh for each test
    g = Graph()
    g.parse(data=TTL, format="turtle")
    return Store(g)


def test_select_uses_predeclared_prefixes_and_property_paths(store: Store) -> None:
    res = run_query(store, "SELECT ?p WHERE { skill:a ckg:hasPrerequisite+ ?p } ORDER BY ?p")
    assert res.form == "SELECT"
    assert res.variables == ["p"]
    assert [str(r[0]).rsplit("/", 1)[1] for r in res.rows] == ["b", "c"]


def test_bindings_are_initial_bindings(store: Store) -> None:
    q = "SELECT ?label WHERE { ?s skos:prefLabel ?label }"
    res = run_query(store, q, bindings={"s": URIRef("https://w3id.org/careerkg/id/skill/b")})
    assert res.rows == [(Literal("B", lang="en"),)]


def test_unbound_values_are_none_and_empty_solutions_kept(store: Store) -> None:
    res = run_query(store, "SELECT ?x ?y WHERE { VALUES ?x { 1 } }")
    assert res.rows == [(Literal(1), None)]
    assert run_query(store, "SELECT * WHERE { }").rows == [()]


def test_construct_and_describe_give_graphs(store: Store) -> None:
    res = run_query(store, "CONSTRUCT { ?s ckg:after ?p } WHERE { ?s ckg:hasPrerequisite ?p }")
    assert res.kind == "graph"
    assert res.graph is not None
    assert len(res.graph) == 2
    res = run_query(store, "DESCRIBE skill:c")
    assert res.form == "DESCRIBE"
    assert res.graph is not None
    assert len(res.graph) == 2


@pytest.mark.parametrize(
    ("query", "where"),
    [
        ("SELECT ?s WHERE {\n  ?s a \n}", "line 2, column 3"),
        ("SELECT ?s WHERE { ?s ?p ?o ", "line 1, column"),
        ("SELEC * WHERE { ?s ?p ?o }", "line 1, column 1"),
    ],
)
def test_malformed_query_is_400_with_position(query: str, where: str) -> None:
    with pytest.raises(QueryRejected) as err:
        parse_query(query)
    assert err.value.status == 400
    assert "malformed SPARQL query at " + where in str(err.value)


def test_unknown_prefix_is_400_naming_it_and_the_fix() -> None:
    with pytest.raises(QueryRejected, match="the prefix 'nope:' is not declared") as err:
        parse_query("SELECT * WHERE { nope:x ?p ?o }")
    assert err.value.status == 400
    assert "PREFIX nope: <namespace IRI>" in str(err.value)


@pytest.mark.parametrize(
    ("query", "hint"),
    [
        (
            'SELECT ?r WHERE {\n  ?r skos:prefLabel ?l .\n  FILTER(CONTAINS(?l, "Data")\n}',
            "the ( at line 3, column 9 is not closed before the } at line 4, column 1",
        ),
        ("SELECT ?r WHERE { ?r a ckg:Role  LIMIT 3", "the { at line 1, column 17 is never closed"),
        ("SELECT ?r WHERE { ?r a ckg:Role } }", "the } at line 1, column 35 closes nothing (no { is open)"),
        # brackets in strings, IRIs and comments are not the query's
        (
            'SELECT ?r WHERE { ?r skos:prefLabel "a (b", <urn:x:(> # (\n ; a ckg:Role ) }',
            "the ) at line 2, column 15 closes nothing (no ( is open)",
        ),
    ],
)
def test_an_unbalanced_bracket_is_placed(query: str, hint: str) -> None:
    # the parser said only "the query cannot be read from here on" at the FILTER
    with pytest.raises(QueryRejected) as err:
        parse_query(query)
    assert str(err.value).startswith("malformed SPARQL query at line ")
    assert str(err.value).endswith("; " + hint)


@pytest.mark.parametrize(
    ("query", "hint"),
    [
        (
            'SELECT ?r WHERE {\n  ?r skos:prefLabel ?l .\n  FILTER(CONTAIN(?l, "Data"))\n}',
            "CONTAIN( at line 3, column 10 is not a SPARQL function (closest: CONTAINS)",
        ),
        ("SELECT (COUNTS(?r) AS ?n) WHERE { ?r a ckg:Role }", "COUNTS( at line 1, column 9"),
        # the name SQL gives it
        ("SELECT ?r WHERE { ?r skos:prefLabel ?l } ORDER BY lower(?l)", "(SPARQL's is LCASE)"),
        ("SELECT (STRING_AGG(?l) AS ?all) WHERE { ?r skos:prefLabel ?l }", "(SPARQL's is GROUP_CONCAT)"),
        # nothing like it: no closest
        (
            'SELECT ?x WHERE { BIND(REPEAT("a", 3) AS ?x) }',
            "REPEAT( at line 1, column 24 is not a SPARQL function",
        ),
    ],
)
def test_an_unknown_function_is_named_with_the_closest(query: str, hint: str) -> None:
    # the parser said only "the query cannot be read from here on", at the FILTER or BIND
    with pytest.raises(QueryRejected) as err:
        parse_query(query)
    message = str(err.value)
    assert message.startswith("malformed SPARQL query at line ")
    assert message.index(hint) > message.index("(near ")  # after the parser's own words
    assert message.count("is not a SPARQL function") == 1


def test_a_function_name_in_a_string_iri_or_comment_is_not_called() -> None:
    # the query fails for its missing object; the names before a bracket in the string,
    # the IRI and the comment are not calls, and no function is blamed
    with pytest.raises(QueryRejected) as err:
        parse_query('SELECT * WHERE { ?s ?p "LOWER(x)", <urn:TRIM(> # nope(\n . ?s a }')
    assert "not a SPARQL function" not in str(err.value)


def test_balanced_brackets_add_no_hint() -> None:
    with pytest.raises(QueryRejected) as err:
        parse_query("SELECT ?r WHERE { ?r a } LIMIT 3")
    assert " is never closed" not in str(err.value)
    assert "closes nothing" not in str(err.value)


@pytest.mark.parametrize(
    ("query", "where", "closest"),
    [
        ("SELECT ?l WHERE {\n  ?s a ckg:Role ;\n     skoss:prefLabel ?l .\n}", "line 3, column 6", "skos:"),
        # the prefix in a string, an IRI or a comment is not where it is used
        (
            'SELECT * WHERE { ?s ?p "ckgg:x", <ckgg:y> # ckgg:z\n . ?s a ckgg:Role }',
            "line 2, column 9",
            "ckg:",
        ),
        ("SELECT ?t WHERE { ?s dct:title ?t }", "line 1, column 22", "dcterms:"),
        ("SELECT ?s WHERE { ?s a SKOS:Concept }", "line 1, column 24", "skos:"),
    ],
)
def test_unknown_prefix_says_where_and_the_closest_declared(query: str, where: str, closest: str) -> None:
    # it named the prefix only: no line, and no hint that skos: (or dcterms:) was meant
    with pytest.raises(QueryRejected) as err:
        parse_query(query)
    message = str(err.value)
    assert message.startswith(f"invalid SPARQL query at {where}: the prefix")
    assert closest in message.split("(closest: ")[1].split(")")[0].split(", ")


def test_an_unknown_prefix_like_none_declared_has_no_closest() -> None:
    with pytest.raises(QueryRejected) as err:
        parse_query("SELECT * WHERE { ?s wdt:P31 ?o }")
    assert "closest" not in str(err.value)
    assert "at line 1, column 21" in str(err.value)


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_well_known_prefixes_need_no_declaration_on_either_engine(backend: str) -> None:
    # rdflib's parser resolves foaf:, prov:... by itself; Oxigraph refused them
    # ("Prefix not found"), so a query ran on one engine and failed on the other
    store = Store.default(backend=backend)
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s foaf:name|prov:wasDerivedFrom ?o }"
    assert [int(n) for (n,) in run_query(store, text).rows] == [0]


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
        "LOAD <file:///etc/passwd>",
        "LOAD <file:///etc/passwd> INTO GRAPH <urn:g>",
        "CLEAR ALL",
        "DROP DEFAULT",
        "CREATE GRAPH <urn:g>",
        "ADD DEFAULT TO <urn:g>",
        "PREFIX x: <urn:x#> INSERT DATA { x:a x:b x:c } ; CLEAR DEFAULT",
    ],
)
def test_updates_are_refused_and_change_nothing(store: Store, update: str) -> None:
    before = set(store.graph)
    with pytest.raises(QueryRejected, match="read-only") as err:
        run_query(store, update)
    assert err.value.status == 403
    assert set(store.graph) == before


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?q ?r } } }",
        "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:9/> { ?s ?q ?r } } }",
        "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } } } }",
        "ASK { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    ],
)
def test_service_is_refused_anywhere(store: Store, query: str) -> None:
    with pytest.raises(QueryRejected, match="SERVICE <") as err:
        run_query(store, query)
    assert err.value.status == 403


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "ASK FROM <https://w3id.org/careerkg/ontology> { ?s ?p ?o }",
    ],
)
def test_datasets_are_refused(store: Store, query: str) -> None:
    with pytest.raises(QueryRejected, match="FROM / FROM NAMED") as err:
        run_query(store, query)
    assert err.value.status == 403


def test_prepared_queries_are_checked_too(store: Store) -> None:
    from rdflib.plugins.sparql import prepareQuery

    with pytest.raises(QueryRejected, match="SERVICE"):
        run_query(store, prepareQuery("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"))


def test_row_cap_refuses_larger_results(store: Store) -> None:
    n = len(store.graph)
    assert len(run_query(store, "SELECT * WHERE { ?s ?p ?o }", max_rows=n).rows) == n
    with pytest.raises(ResultTooLarge) as err:
        run_query(store, "SELECT * WHERE { ?s ?p ?o }", max_rows=n - 1)
    assert err.value.status == 413
    with pytest.raises(ResultTooLarge):
        run_query(store, "CONSTRUCT WHERE { ?s ?p ?o }", max_rows=2)


EXPLOSIVE = [
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?l ?a",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    'ASK { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l FILTER (STR(?a) = CONCAT(STR(?l), "?")) }',
    "CONSTRUCT { ?a ?b ?l } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
]


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("query", EXPLOSIVE)
def test_explosive_queries_stop_at_the_time_limit(query: str, backend: str) -> None:
    # Oxigraph: the query process is killed at the limit; rdflib: the watchdog stops it
    store = Store.default(backend=backend)
    limit = 0.5
    started = time.perf_counter()
    with pytest.raises(QueryTimeout) as err:
        run_query(store, query, timeout=limit, max_rows=None)
    elapsed = time.perf_counter() - started
    assert limit <= elapsed < limit + 3.0  # slack for a loaded CI machine; typically limit + 0.1
    assert err.value.status == 503
    assert err.value.seconds == limit
    # the thread is usable afterwards
    assert run_query(store, "ASK { ?s ?p ?o }", timeout=limit).boolean is True


def test_deadline_never_fires_after_the_call_returned() -> None:
    # calls ending right around the limit: a late interrupt must be cancelled, not leak
    outcomes = {"ok": 0, "timeout": 0}
    for _ in range(300):
        try:
            call_with_deadline(lambda: sum(range(3000)), 0.0001)
            outcomes["ok"] += 1
        except QueryTimeout:
            outcomes["timeout"] += 1
    end = time.perf_counter() + 0.3
    spins = 0
    while time.perf_counter() < end:  # a stray interrupt would land here
        spins += 1
    assert sum(outcomes.values()) == 300
    assert spins > 0


def test_deadline_works_in_any_thread() -> None:
    store = Store.default()
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            run_query(store, EXPLOSIVE[0], timeout=0.3, max_rows=None)
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert [type(e) for e in errors] == [QueryTimeout, QueryTimeout]


def test_no_time_limit_when_zero(store: Store) -> None:
    assert run_query(store, "ASK { ?s ?p ?o }", timeout=0).boolean is True


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_select_star_columns_come_in_the_order_of_the_query(backend: str) -> None:
    # Oxigraph sorts SELECT * by name (o, p, s); rdflib, Jena and Virtuoso keep the
    # order the variables first appear in
    store = Store.default(backend=backend)
    res = run_query(store, "SELECT * WHERE { ?skill a ckg:Skill ; skos:prefLabel ?label } LIMIT 2")
    assert res.variables == ["skill", "label"]
    assert all(isinstance(label, Literal) for _skill, label in res.rows)


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("SELEC ?x WHERE { ?x a ckg:Role }", "expected SELECT, CONSTRUCT, DESCRIBE or ASK"),
        ("SELECT ?x WHERE { ?x a }", "each triple pattern needs a subject, a predicate and an object"),
        ("SELECT ?x WHERE { ?x a ckg:Role } LIMT 3", "unexpected text after the end of the query"),
    ],
)
def test_malformed_query_messages_do_not_name_grammar_rules(query: str, words: str) -> None:
    # the parser said "Expected SelectQuery" or "Expected {SelectQuery | ConstructQuery | ...}"
    with pytest.raises(QueryRejected) as err:
        parse_query(query)
    assert words in str(err.value)
    assert "SelectQuery" not in str(err.value)


def test_a_text_parsed_before_is_not_parsed_under_a_watchdog_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the parse's watchdog thread cost 0.15 ms a query (a small query's whole evaluation
    # in memory is 0.1-0.3 ms): a text already parsed is taken from the cache unwatched
    from kg.sparql import engine

    watched: list[float | None] = []
    real = engine.call_with_deadline

    def recording(fn, seconds):  # type: ignore[no-untyped-def]
        watched.append(seconds)
        return real(fn, seconds)

    monkeypatch.setattr(engine, "call_with_deadline", recording)
    text = "SELECT ?s WHERE { ?s a ckg:Skill } # parsed once, test_sparql_engine"
    first = run_query(store, text, timeout=5)
    on_first = len(watched)
    second = run_query(store, text, timeout=5)
    on_second = len(watched) - on_first
    assert on_first - on_second == 1  # the parse, watched only the first time
    assert sorted(first.rows) == sorted(second.rows)
    assert len(first.rows) == 3
    # a new text is parsed under the limit again
    run_query(store, text + " (another)", timeout=5)
    assert len(watched) - on_first - on_second == on_first


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "SELECT ?l WHERE {\n  ?r a ckg:Role ; skos:prefLabel ?l .\n  BIND(LCASE(?l) AS ?l)\n}",
            "invalid SPARQL query at line 3, column 3: BIND(... AS ?l) gives ?l a value, but the pattern "
            "before it in the same { } already binds ?l; name the new value otherwise (e.g. ?l2), or compare "
            "with FILTER(?l = ...)",
        ),
        (
            "SELECT ?r (COUNT(?s) AS ?r) WHERE { ?r ckg:requiresSkill ?s } GROUP BY ?r",
            "invalid SPARQL query: a SELECT expression (... AS ?name) names a variable the query already has; "
            "give the expression's answer a new name",
        ),
    ],
)
def test_a_variable_given_a_second_value_is_explained(query: str, message: str) -> None:
    # Oxigraph said "expected [_]" at the end of the group, and "expected one of The SELECT
    # overrides an existing variable using an expression, [_]" (rdflib's parser lets both by)
    with pytest.raises(QueryRejected) as err:
        run_query(Store.default(backend="oxigraph"), query)
    assert str(err.value) == message
