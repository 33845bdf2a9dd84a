"""A query naming a careerkg term or node that does not exist answers nothing: the CLI
and the SPARQL page say which name, and the closest that exist."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import _register, cli
from kg.sparql.vocabulary import unknown_names
from kg.store import Store


def test_misspelt_terms_and_nodes_are_named_with_the_closest() -> None:
    store = Store.default()
    assert unknown_names(store, "SELECT ?r WHERE { ?r a ckg:Rol }")[0].startswith(
        "ckg:Rol is not a term of the careerkg ontology (closest: ckg:Role"
    )
    # inside a property path too, in the order of the names
    assert unknown_names(store, "SELECT * { ?s ckg:hasRequirment/ckg:requiredSkill skill:deep-learnin }") == [
        "skill:deep-learnin is not in the graph (closest: skill:deep-learning)",
        "ckg:hasRequirment is not a term of the careerkg ontology (closest: ckg:hasRequirement)",
    ]
    # a slug made of an alt label's words suggests that node first
    assert unknown_names(store, "ASK { role:ml-engineer ?p ?o }")[0].startswith(
        "role:ml-engineer is not in the graph (closest: role:machine-learning-engineer, "
    )


def test_names_that_exist_other_iris_and_broken_queries_have_no_note(tmp_path: Path) -> None:
    store = Store.default()
    query = (
        "SELECT * { ?r a ckg:Role ; ckg:hasRequirement/ckg:requiredSkill skill:python . ?x <urn:x:any> ?y }"
    )
    assert unknown_names(store, query) == []
    assert unknown_names(store, "SELECT * { ?r a ckg:Rol") == []  # the syntax error says what is wrong
    # a careerkg IRI the ontology does not define but the graph uses is not a mistake
    extra = tmp_path / "mine.ttl"
    extra.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "<https://w3id.org/careerkg/id/role/data-scientist> ckg:myRating 5 .\n",
        encoding="utf-8",
    )
    mine = Store.default(extra=[extra])
    assert unknown_names(mine, "SELECT ?r WHERE { ?r ckg:myRating ?n }") == []
    assert unknown_names(store, "SELECT ?r WHERE { ?r ckg:myRating ?n }") == [
        "ckg:myRating is not a term of the careerkg ontology"  # nothing close to it
    ]


def test_the_cli_answers_and_notes_the_unknown_name_on_stderr() -> None:
    _register()
    result = CliRunner().invoke(cli, ["sparql", "SELECT ?r WHERE { ?r a ckg:Rol }", "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["r"]  # the answer, empty, as it is
    assert result.stderr.startswith(
        "careerkg: note: ckg:Rol is not a term of the careerkg ontology (closest: ckg:Role"
    )
    named = CliRunner().invoke(cli, ["sparql", "essential-skills", "--format", "csv"])
    assert named.exit_code == 0
    assert "note" not in named.stderr


def test_misspelt_terms_of_well_known_vocabularies_are_named_with_the_closest() -> None:
    # skos:prefLabl, rdfs:lable... answered nothing, silently: only careerkg's names were checked
    store = Store.default()
    query = (
        "SELECT * WHERE { ?r a ckg:Role ; skos:preflabel ?l ; rdfs:lable ?x ; foaf:nmae ?n "
        "FILTER(datatype(?x) = xsd:interger) }"
    )
    notes = unknown_names(store, query)
    assert "skos:preflabel is not a term of SKOS (closest: skos:prefLabel)" in notes
    assert "rdfs:lable is not a term of RDFS (closest: rdfs:label)" in notes
    assert "xsd:interger is not a term of XSD (closest: xsd:integer)" in notes
    assert any(n.startswith("foaf:nmae is not a term of FOAF (closest: foaf:name") for n in notes)
    assert len(notes) == 4


def test_real_vocabulary_terms_and_open_vocabularies_have_no_note(tmp_path: Path) -> None:
    store = Store.default()
    # defined terms, used by the graph or not; rdf:_n for every n; schema.org, which grows
    query = (
        "SELECT * WHERE { ?r a owl:Class ; skos:prefLabel ?l ; skos:altLabel ?a ; rdf:_12 ?m ; "
        "foaf:name ?n ; schema:someNewTerm ?z ; <urn:x:any> ?y }"
    )
    assert unknown_names(store, query) == []
    # a term a vocabulary does not define but the graph uses is not a mistake
    extra = tmp_path / "mine.ttl"
    extra.write_text(
        "<https://w3id.org/careerkg/id/role/data-scientist> "
        '<http://www.w3.org/2004/02/skos/core#myNote> "x" .\n',
        encoding="utf-8",
    )
    assert unknown_names(Store.default(extra=[extra]), "SELECT * WHERE { ?r skos:myNote ?n }") == []


def test_the_sparql_page_shows_the_vocabulary_note() -> None:
    from dashboard.views.query import run

    _data, message = run(Store.default(), "SELECT ?l WHERE { role:data-scientist skos:prefLabl ?l }")
    assert message.startswith("0 rows")
    assert "Note: skos:prefLabl is not a term of SKOS (closest: skos:prefLabel)." in message


def test_the_learning_path_extensions_have_no_note() -> None:
    # ckf:pathFrom, ckf:step, ckf:pathHours... are answered by the engine, never stored:
    # README's own learning-path query got five "ckf:... is not in the graph" notes
    store = Store.default()
    query = (
        "SELECT ?position ?step ?hours ?h WHERE { ?row ckf:pathFrom role:software-engineer ; "
        "ckf:pathTo role:machine-learning-engineer ; ckf:position ?position ; ckf:step ?step ; "
        "ckf:hours ?hours ; ckf:totalHours ?t ; ckf:label ?l ; ckf:level ?v ; ckf:stepType ?k ; "
        "ckf:reasons ?r ; ckf:know ?w . "
        "BIND(ckf:pathHours(role:software-engineer, role:data-scientist) AS ?h) "
        "BIND(ckf:pathLength(role:software-engineer, role:data-scientist) AS ?n) }"
    )
    assert unknown_names(store, query) == []


def test_a_misspelt_extension_is_named_with_the_closest() -> None:
    store = Store.default()
    assert unknown_names(
        store, "SELECT ?h WHERE { ?row ckf:pathFrom role:software-engineer ; ckf:hour ?h }"
    ) == ["ckf:hour is not a careerkg extension (closest: ckf:hours, ckf:totalHours, ckf:pathHours)"]
    notes = unknown_names(store, "SELECT ?h WHERE { BIND(ckf:pathHour(role:a, role:b) AS ?h) }")
    assert "ckf:pathHour is not a careerkg extension (closest: ckf:pathHours)" in notes


def test_a_path_function_called_with_other_than_two_arguments_is_noted() -> None:
    # the call failed, was unbound, and the query answered an empty cell, silently
    store = Store.default()
    query = (
        "SELECT ?h WHERE { BIND(ckf:pathHours(role:data-scientist) AS ?h) "
        "FILTER(ckf:pathLength(?a, ?b, ?c) > 1 || ckf:pathLength() > 0) }"
    )
    assert unknown_names(store, query) == [
        "ckf:pathHours takes two arguments, the source role and the target role (given 1), "
        "and answers nothing otherwise",
        "ckf:pathLength takes two arguments, the source role and the target role (given 0), "
        "and answers nothing otherwise",
        "ckf:pathLength takes two arguments, the source role and the target role (given 3), "
        "and answers nothing otherwise",
    ]
    two = "SELECT ?h WHERE { BIND(ckf:pathHours(role:software-engineer, role:data-scientist) AS ?h) }"
    assert unknown_names(store, two) == []


def test_a_label_without_its_language_tag_is_noted_with_the_form_the_graph_holds() -> None:
    # the commonest empty answer: the data's labels are "..."@en, and a plain string never
    # equals a tagged one, in a triple pattern, a VALUES list or an = of a variable
    store = Store.default()
    tagged = (
        "a string without a language tag never equals one with a tag (write the tag, or compare STR(?label) "
        "with the string)"
    )
    assert unknown_names(store, 'SELECT ?r WHERE { ?r a ckg:Role ; skos:prefLabel "Data Scientist" }') == [
        f'skos:prefLabel "Data Scientist" is in no triple, skos:prefLabel "Data Scientist"@en is: {tagged}'
    ]
    assert unknown_names(store, 'SELECT ?r WHERE { VALUES ?l { "SQL" } ?r skos:prefLabel ?l }') == [
        f'"SQL" is in no triple, "SQL"@en is: {tagged}'
    ]
    assert unknown_names(
        store, 'SELECT ?r WHERE { ?r skos:prefLabel ?l FILTER(?l IN ("SQL"@en, "PyTorch")) }'
    ) == [f'"PyTorch" is in no triple, "PyTorch"@en is: {tagged}']


def test_a_label_in_other_letter_case_or_under_another_predicate_has_the_closest() -> None:
    store = Store.default()
    assert unknown_names(store, 'SELECT ?r WHERE { ?r skos:prefLabel "machine learning engineer"@en }') == [
        'skos:prefLabel "machine learning engineer"@en is in no triple (closest: skos:prefLabel '
        '"Machine Learning Engineer"@en)'
    ]
    # careerkg names things with skos:prefLabel; rdfs:label is what many write first
    assert unknown_names(store, 'SELECT ?r WHERE { ?r rdfs:label "Data Scientist" }') == [
        'rdfs:label "Data Scientist" is in no triple (closest: skos:prefLabel "Data Scientist"@en)'
    ]


def test_strings_the_graph_holds_or_compared_through_a_function_have_no_note() -> None:
    store = Store.default()
    for query in [
        'SELECT ?r WHERE { ?r skos:prefLabel "Data Scientist"@en }',
        'SELECT ?r WHERE { ?r skos:prefLabel ?l FILTER(LCASE(STR(?l)) = "data scientist") }',
        'SELECT ?r WHERE { ?r skos:prefLabel ?l FILTER(CONTAINS(?l, "Data")) }',
        'SELECT ?r WHERE { ?r skos:prefLabel "no such name at all" }',  # nothing like it: no closest
    ]:
        assert unknown_names(store, query) == [], query


def test_the_cli_and_the_sparql_page_note_a_label_without_its_tag() -> None:
    from dashboard.views.query import run

    _register()
    query = 'SELECT ?r WHERE { ?r skos:prefLabel "Data Scientist" }'
    result = CliRunner().invoke(cli, ["sparql", query, "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["r"]
    assert 'careerkg: note: skos:prefLabel "Data Scientist" is in no triple, ' in result.stderr
    _data, message = run(Store.default(), query)
    assert message.startswith("0 rows")
    assert (
        'Note: skos:prefLabel "Data Scientist" is in no triple, skos:prefLabel "Data Scientist"@en is'
        in message
    )


def test_a_selected_variable_nothing_binds_is_noted_with_the_closest() -> None:
    # valid SPARQL: every row has ?role empty, and nothing said why
    store = Store.default()
    assert unknown_names(store, "SELECT ?role WHERE { ?r a ckg:Role }") == [
        "?role is selected but nothing in the query gives it a value, so every row has it empty (closest: ?r)"
    ]
    assert unknown_names(store, "SELECT DISTINCT ?skil WHERE { ?r ckg:requiresSkill ?skill } LIMIT 3") == [
        "?skil is selected but nothing in the query gives it a value, so every row has it empty (closest: ?skill)"
    ]
    # nothing outside the subquery gives ?role a value: the subquery projects ?r
    assert unknown_names(store, "SELECT ?role WHERE { { SELECT ?r WHERE { ?r a ckg:Role } } }") == [
        "?role is selected but nothing in the query gives it a value, so every row has it empty (closest: ?r)"
    ]
    assert unknown_names(store, "DESCRIBE ?x WHERE { ?r a ckg:Role }") == [
        "?x is to be described but nothing in the query gives it a value, so nothing is described for it "
        "(the query's variables: ?r)"
    ]


def test_variables_given_values_by_values_bind_aggregates_or_star_have_no_note() -> None:
    store = Store.default()
    for query in [
        "SELECT * WHERE { ?r a ckg:Role }",
        "SELECT ?x WHERE { VALUES ?x { role:data-scientist } }",
        "SELECT ?r ?h WHERE { ?r a ckg:Role BIND(ckf:pathHours(role:data-scientist, ?r) AS ?h) }",
        "SELECT ?r (COUNT(?s) AS ?n) WHERE { ?r ckg:requiresSkill ?s } GROUP BY ?r",
        "SELECT ?r ?name WHERE { { SELECT ?r ?name WHERE { ?r skos:prefLabel ?name } } }",
        "SELECT ?r ?g WHERE { GRAPH ?g { ?r a ckg:Role } }",
        "SELECT ?r ?x WHERE { ?r a ckg:Role } VALUES ?x { 1 }",
    ]:
        assert unknown_names(store, query) == [], query


def test_a_variable_only_a_subquery_minus_or_exists_names_is_unbound_outside() -> None:
    # the subquery selects ?r only: its ?name is not the outer ?name, though written twice
    store = Store.default()
    inner = "SELECT ?name WHERE { { SELECT ?r WHERE { ?r skos:prefLabel ?name } } }"
    assert unknown_names(store, inner) == [
        "?name is selected but nothing in the query gives it a value, so every row has it empty "
        "(the query's variables: ?r)"
    ]
    for query in [
        "SELECT ?r ?s WHERE { ?r a ckg:Role MINUS { ?r ckg:requiresSkill ?s } }",
        "SELECT ?r ?s WHERE { ?r a ckg:Role FILTER NOT EXISTS { ?r ckg:requiresSkill ?s } }",
    ]:
        assert [n.split(" is ")[0] for n in unknown_names(store, query)] == ["?s"], query


def test_no_shipped_example_gets_a_note() -> None:
    from kg.sparql.examples import EXAMPLES

    store = Store.default()
    for name, example in EXAMPLES.items():
        assert unknown_names(store, example.text) == [], name
