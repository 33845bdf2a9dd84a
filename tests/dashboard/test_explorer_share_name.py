"""The address of an imported node whose label names another node too."""

from __future__ import annotations

from dashboard.urls import node_url
from dashboard.views.common import share_name
from kg.explore import resolve
from kg.store import Store

TTL = """
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/careerkg/id/skill/communication> a ckg:Skill ; skos:prefLabel "communication"@en .
<http://data.europa.eu/esco/skill/15d76317-c71a-4fa2-aadc-2ecc34e627b7> a ckg:Skill ;
    skos:prefLabel "communication"@en .
<http://data.europa.eu/esco/occupation/o1> a ckg:Role ; skos:prefLabel "Communication"@en .
<http://data.europa.eu/esco/isced-f/068> a ckg:SkillArea ; skos:prefLabel "ict programmes"@en .
<http://data.europa.eu/esco/isced-f/0688> a ckg:SkillArea ; skos:prefLabel "ict programmes"@en .
"""


def test_an_esco_node_of_a_shared_name_has_a_readable_address_that_finds_it() -> None:
    # it was its IRI, percent-encoded whole:
    # /node/http%3A%2F%2Fdata.europa.eu%2Fesco%2Fskill%2F15d76317-c71a-4fa2-aadc-2ecc34e627b7
    s = Store.default(with_default=False)
    s.graph.parse(data=TTL, format="turtle")
    s.touch()
    skill = "http://data.europa.eu/esco/skill/15d76317-c71a-4fa2-aadc-2ecc34e627b7"
    occupation = "http://data.europa.eu/esco/occupation/o1"
    assert share_name(s, skill) == "esco-skill:15d76317-c71a-4fa2-aadc-2ecc34e627b7"
    assert share_name(s, occupation) == "esco-occupation:o1"
    assert node_url(share_name(s, skill)) == "/node/esco-skill%3A15d76317-c71a-4fa2-aadc-2ecc34e627b7"
    # ESCO's ISCED-F fields of education: 42 on ESCO were addressed by their IRI, two
    # of them 'inter-disciplinary programmes and qualifications involving ... (icts)'
    field = "http://data.europa.eu/esco/isced-f/0688"
    assert share_name(s, field) == "esco-isced-f:0688"
    for iri in (skill, occupation, field):
        assert resolve(s, share_name(s, iri)) == iri
    # the curated node keeps its label
    assert share_name(s, "https://w3id.org/careerkg/id/skill/communication") == "communication"
