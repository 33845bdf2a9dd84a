"""Small hand-made graph and curricula whose gap findings are known in advance.

The graph: Python; Linear Algebra; Calculus; Statistics; Probability; Neural Networks;
Machine Learning (needs Python, Linear Algebra); Deep Learning (needs Machine Learning,
Calculus, Neural Networks). The tool PyTorch supports Deep Learning. The role ML Engineer
needs Python, Machine Learning, Deep Learning and Statistics (essential) and Calculus
(optional).

GAPPY (CSV and Turtle, the same curriculum) has exactly:
- order violation: 'Machine Learning' (term 1) needs Linear Algebra, taught in 'Maths' (term 2);
- missing prerequisites: 'Deep Learning' (term 3) needs Neural Networks (prerequisite of
  Deep Learning) and Probability (required by the course);
- unknown skills: skill:statistcs (requires of 'Deep Learning'), skill:pyton (teaches of 'Project');
- duplicate: Machine Learning taught in 'Machine Learning' and 'Deep Learning';
- coverage of ML Engineer: 75 % (Python assumed at entry), Statistics uncovered.
CLEAN has none of these and covers ML Engineer fully.
"""

from __future__ import annotations

from rdflib import Graph

from kg.store import Store, materialise, new_graph

GRAPH_TTL = """
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix role: <https://w3id.org/careerkg/id/role/> .
@prefix tool: <https://w3id.org/careerkg/id/tool/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
skill:python a ckg:Skill ; skos:prefLabel "Python"@en .
skill:linear-algebra a ckg:Skill ; skos:prefLabel "Linear Algebra"@en ; skos:altLabel "LinAlg"@en .
skill:calculus a ckg:Skill ; skos:prefLabel "Calculus"@en .
skill:statistics a ckg:Skill ; skos:prefLabel "Statistics"@en .
skill:probability a ckg:Skill ; skos:prefLabel "Probability"@en .
skill:neural-networks a ckg:Skill ; skos:prefLabel "Neural Networks"@en .
skill:machine-learning a ckg:Skill ; skos:prefLabel "Machine Learning"@en ;
    ckg:hasPrerequisite skill:python, skill:linear-algebra .
skill:deep-learning a ckg:Skill ; skos:prefLabel "Deep Learning"@en ;
    ckg:hasPrerequisite skill:machine-learning, skill:calculus, skill:neural-networks .
tool:pytorch a ckg:Tool ; skos:prefLabel "PyTorch"@en ; ckg:supportsSkill skill:deep-learning .
role:ml-engineer a ckg:Role ; skos:prefLabel "ML Engineer"@en ;
    ckg:hasRequirement
        [ ckg:requiredSkill skill:python ; ckg:importance ckg:Essential ; ckg:level 3 ] ,
        [ ckg:requiredSkill skill:machine-learning ; ckg:importance ckg:Essential ; ckg:level 3 ] ,
        [ ckg:requiredSkill skill:deep-learning ; ckg:importance ckg:Essential ; ckg:level 3 ] ,
        [ ckg:requiredSkill skill:statistics ; ckg:importance ckg:Essential ; ckg:level 2 ] ,
        [ ckg:requiredSkill skill:calculus ; ckg:importance ckg:Optional ; ckg:level 2 ] .
role:analyst a ckg:Role ; skos:prefLabel "Analyst"@en ;
    ckg:hasRequirement [ ckg:requiredSkill skill:statistics ; ckg:importance ckg:Essential ; ckg:level 3 ] .
"""

GAPPY_CSV = """\
# curriculum: Gappy Programme
# entry requirements: Python
# target roles: ML Engineer
course,term,teaches,requires
Machine Learning,1,Machine Learning,
Maths,2,LinAlg; Calculus,
Deep Learning,3,Deep Learning; Machine Learning,skill:statistcs; Probability
Project,3,skill:pyton,
"""

GAPPY_TTL = """\
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix role: <https://w3id.org/careerkg/id/role/> .
@prefix course: <https://w3id.org/careerkg/id/course/> .
@prefix curriculum: <https://w3id.org/careerkg/id/curriculum/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

curriculum:gappy a ckg:Curriculum ;
    skos:prefLabel "Gappy Programme"@en ;
    ckg:entryRequirement skill:python ;
    ckg:targetRole role:ml-engineer ;
    ckg:hasCourse course:g-ml, course:g-maths, course:g-dl, course:g-project .

course:g-ml a ckg:Course ; skos:prefLabel "Machine Learning"@en ; ckg:term 1 ;
    ckg:hasTeaching [ a ckg:Teaching ; ckg:taughtSkill skill:machine-learning ; ckg:level 3 ] .

course:g-maths a ckg:Course ; skos:prefLabel "Maths"@en ; ckg:term 2 ;
    ckg:teaches skill:linear-algebra, skill:calculus .

course:g-dl a ckg:Course ; skos:prefLabel "Deep Learning"@en ; ckg:term 3 ;
    ckg:hasTeaching [ ckg:taughtSkill skill:deep-learning ] , [ ckg:taughtSkill skill:machine-learning ] ;
    ckg:requiresPrior skill:statistcs, skill:probability .

course:g-project a ckg:Course ; skos:prefLabel "Project"@en ; ckg:term 3 ;
    ckg:teaches skill:pyton .
"""

CLEAN_CSV = """\
# curriculum: Clean Programme
# entry requirements: Python; Statistics
# target roles: ML Engineer
course,term,teaches,requires
Maths,1,Linear Algebra;Calculus,
Machine Learning,2,Machine Learning,Python
Deep Learning,3,Neural Networks;Deep Learning,Machine Learning
"""

CLEAN_TTL = """\
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix role: <https://w3id.org/careerkg/id/role/> .
@prefix course: <https://w3id.org/careerkg/id/course/> .
@prefix curriculum: <https://w3id.org/careerkg/id/curriculum/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

curriculum:clean a ckg:Curriculum ; skos:prefLabel "Clean Programme"@en ;
    ckg:entryRequirement skill:python, skill:statistics ;
    ckg:targetRole role:ml-engineer ;
    ckg:hasCourse course:c-maths, course:c-ml, course:c-dl .
course:c-maths a ckg:Course ; skos:prefLabel "Maths"@en ; ckg:term 1 ;
    ckg:teaches skill:linear-algebra, skill:calculus .
course:c-ml a ckg:Course ; skos:prefLabel "Machine Learning"@en ; ckg:term 2 ;
    ckg:teaches skill:machine-learning ; ckg:requiresPrior skill:python .
course:c-dl a ckg:Course ; skos:prefLabel "Deep Learning"@en ; ckg:term 3 ;
    ckg:teaches skill:neural-networks, skill:deep-learning ; ckg:requiresPrior skill:machine-learning .
"""


def graph() -> Graph:
    """The small graph, shortcuts materialised."""
    g = new_graph()
    g.parse(data=GRAPH_TTL, format="turtle")
    materialise(g)
    return g


def store() -> Store:
    """A store over :func:`graph` only (no ontology, no shipped data)."""
    return Store(graph())
