"""A graph of roles whose data lists only optional skill requirements, for the tests of
the plans that leave optional requirements out (``careerkg path`` without ``--optional``,
the path finder without "Optional skills too").

A night porter with optional requirements only; three quant roles on a ladder, the
middle one with optional requirements only.
"""

from __future__ import annotations

OPTIONAL_ONLY = """
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
<urn:x:porter> a ckg:Role ; skos:prefLabel "Night Porter" ;
  ckg:hasRequirement [ ckg:requiredSkill skill:communication ; ckg:level 2 ; ckg:importance ckg:Optional ] ,
                     [ ckg:requiredSkill skill:statistics ; ckg:level 1 ; ckg:importance ckg:Optional ] .
<urn:x:junior> a ckg:Role ; skos:prefLabel "Junior Quant" ;
  ckg:hasProgression [ a ckg:Progression ; ckg:toRole <urn:x:middle> ; ckg:typicalYears 2.0 ] .
<urn:x:middle> a ckg:Role ; skos:prefLabel "Middle Quant" ;
  ckg:hasRequirement [ ckg:requiredSkill skill:statistics ; ckg:level 2 ; ckg:importance ckg:Optional ] ;
  ckg:hasProgression [ a ckg:Progression ; ckg:toRole <urn:x:senior> ; ckg:typicalYears 3.0 ] .
<urn:x:senior> a ckg:Role ; skos:prefLabel "Senior Quant" ;
  ckg:hasRequirement [ ckg:requiredSkill skill:statistics ; ckg:level 4 ; ckg:importance ckg:Essential ] .
"""
