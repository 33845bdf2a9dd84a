"""Content checks on the curated careerkg data (``data/*.ttl``).

These tests read the Turtle files with rdflib directly, so they do not depend on the
``kg`` package. They check:

1. minimum entity counts (roles, skills, tools, degrees, certifications) and that
   every role has enough qualified requirements;
2. that every role, skill, tool, degree, certification and career step named by the
   three seed documents is in the graph and cites its document (``SEED_ENTITIES`` and
   ``SEED_STEPS``, each phrase checked against the document text);
3. that the skill prerequisite graph is acyclic and has the orderings practitioners
   expect;
4. SHACL conformance of data + ontology with ``ontology/shapes.ttl``;
5. learning hours and the ESCO v1.1.1 alignment (links exist in the ESCO CSVs);
6. that the required career ladder exists, and that levels climb up the ladder.

The seed documents live in ``../shared/seeds/`` and the ESCO CSVs in
``../shared/external/esco/v1.1.1/`` relative to the repository root. When those folders
are missing the checks that need them are skipped, unless the environment variable
``CI`` is ``"true"``, where they fail.
"""

from __future__ import annotations

import csv
import gzip
import itertools
import os
import re
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS, XSD

from tests.support.curated import curated_data

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = REPO / "data"
ONTOLOGY_DIR = REPO / "ontology"
SHARED = REPO.parent / "shared"
SEEDS_DIR = SHARED / "seeds"
ESCO_DIR = SHARED / "external" / "esco" / "v1.1.1" / "classification-en"

BASE = "https://w3id.org/careerkg/"
CKG = Namespace(BASE + "ontology#")
ROLE = Namespace(BASE + "id/role/")
SKILL = Namespace(BASE + "id/skill/")
TOOL = Namespace(BASE + "id/tool/")
CRED = Namespace(BASE + "id/credential/")
COURSE = Namespace(BASE + "id/course/")
AREA = Namespace(BASE + "id/area/")
SRC = Namespace(BASE + "id/source/")

ESCO_SKILL_PREFIX = "http://data.europa.eu/esco/skill/"
ESCO_OCC_PREFIX = "http://data.europa.eu/esco/occupation/"

SEED_FILES = {
    "000": "000_169a229934c8784c.txt",
    "001": "001_5a8b6dd5e8974e25.txt",
    "002": "002_38b1abd246536da6.txt",
}

IN_CI = os.environ.get("CI", "").lower() == "true"


def _need(path: Path, what: str) -> None:
    """Skip (or fail on CI) when an external folder the test needs is missing."""
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{what} missing at {path} (CI=true)")
        pytest.skip(f"{what} not available at {path}")


# ---------------------------------------------------------------------------- fixtures


_data_graph = curated_data


@lru_cache(maxsize=1)
def _ontology_graph() -> Graph:
    g = Graph()
    for f in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        if f.name != "shapes.ttl":
            g.parse(f, format="turtle")
    return g


@pytest.fixture(scope="module")
def graph() -> Graph:
    """Data plus ontology, as the loader sees it."""
    g = Graph()
    for t in _data_graph():
        g.add(t)
    for t in _ontology_graph():
        g.add(t)
    return g


def _instances(g: Graph, cls: URIRef) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef)}


def _seed_text(code: str) -> str:
    _need(SEEDS_DIR, "seed documents")
    path = SEEDS_DIR / SEED_FILES[code]
    assert path.exists(), f"seed document {path} missing"
    return path.read_text(encoding="utf-8")


def _norm(text: str) -> str:
    """Lower case, typographic apostrophes folded, whitespace collapsed."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).lower()


# ---------------------------------------------------------------------------- 1. counts

MINIMUM_COUNTS = [
    (CKG.Role, 12),
    (CKG.Skill, 80),
    (CKG.Tool, 25),
    (CKG.Degree, 8),
    (CKG.Certification, 8),
    (CKG.SkillArea, 8),
]


@pytest.mark.parametrize(("cls", "minimum"), MINIMUM_COUNTS, ids=lambda x: str(x).split("#")[-1])
def test_minimum_counts(data, cls, minimum):
    found = _instances(data, cls)
    assert len(found) >= minimum, f"only {len(found)} {cls}"


def test_every_role_has_enough_requirements(data):
    for role in _instances(data, CKG.Role):
        reqs = list(data.objects(role, CKG.hasRequirement))
        assert len(reqs) >= 8, f"{role} has only {len(reqs)} requirements"
        importances = {data.value(r, CKG.importance) for r in reqs}
        assert CKG.Essential in importances, f"{role} has no essential requirement"
        assert CKG.Optional in importances, f"{role} has no optional requirement"
        skills = [data.value(r, CKG.requiredSkill) for r in reqs]
        assert len(skills) == len(set(skills)), f"{role} requires a skill twice"
        for r in reqs:
            assert data.value(r, DCTERMS.source) is not None, f"a requirement of {role} cites no source"


def test_labels_definitions_and_sources(data):
    classes = [CKG.Role, CKG.Skill, CKG.Tool, CKG.SkillArea, CKG.Degree, CKG.Certification, CKG.Course]
    pref_owner: dict[str, URIRef] = {}
    for cls in classes:
        for node in _instances(data, cls):
            prefs = list(data.objects(node, SKOS.prefLabel))
            assert len(prefs) == 1, f"{node} has {len(prefs)} prefLabels"
            assert prefs[0].language == "en", f"{node} prefLabel is not @en"
            key = str(prefs[0]).lower()
            assert key not in pref_owner, f"{node} and {pref_owner[key]} share the label {prefs[0]!r}"
            pref_owner[key] = node
            defs = list(data.objects(node, SKOS.definition))
            assert len(defs) == 1, f"{node} needs one English definition"
            assert defs[0].language == "en", f"{node} needs one English definition"
            sources = set(data.objects(node, DCTERMS.source))
            assert sources, f"{node} cites no source"
            assert sources <= {SRC["seed-000"], SRC["seed-001"], SRC["seed-002"], SRC.curated}
            if sources == {SRC.curated}:
                assert data.value(node, CKG.isEstimate) == Literal(True), (
                    f"{node} is curated but not marked isEstimate"
                )
    # an alternative label must not be another entity's preferred label
    for cls in classes:
        for node in _instances(data, cls):
            for alt in data.objects(node, SKOS.altLabel):
                owner = pref_owner.get(str(alt).lower())
                assert owner in (None, node), f"altLabel {alt!r} of {node} is the prefLabel of {owner}"


def test_source_documents(data):
    for code, name in SEED_FILES.items():
        src = SRC[f"seed-{code}"]
        assert (src, RDF.type, CKG.SourceDocument) in data
        assert data.value(src, DCTERMS.identifier) == Literal(name)
        assert data.value(src, DCTERMS.title) is not None
        assert data.value(src, URIRef("http://www.w3.org/2000/01/rdf-schema#comment")) is not None
    assert (SRC.curated, RDF.type, CKG.SourceDocument) in data
    assert str(data.value(SRC.curated, DCTERMS.title)) == "careerkg curated estimates"


def test_no_materialised_shortcuts_in_data(data):
    """requiresSkill / teaches / progressesTo are materialised by the loader, not written."""
    for p in (CKG.requiresSkill, CKG.teaches, CKG.progressesTo):
        assert next(data.triples((None, p, None)), None) is None, f"data writes {p}"


# ---------------------------------------------------------------------------- 2. seed coverage

# (seed, phrase as written in the document, entity the phrase names)
SEED_ENTITIES: list[tuple[str, str, URIRef]] = [
    # --- 000: AI2 guide
    ("000", "Machine Learning Engineer", ROLE["machine-learning-engineer"]),
    ("000", "ML Engineer", ROLE["machine-learning-engineer"]),
    ("000", "Senior practitioners", ROLE["senior-machine-learning-engineer"]),
    ("000", "Junior Engineer Compensation", ROLE["machine-learning-engineer"]),
    ("000", "Head of Data", ROLE["head-of-data"]),
    ("000", "Lead AI Architect", ROLE["ai-architect"]),
    ("000", "data scientists", ROLE["data-scientist"]),
    ("000", "data engineers", ROLE["data-engineer"]),
    ("000", "DevOps deployment teams", ROLE["devops-engineer"]),
    ("000", "ambitious technical students", ROLE["student"]),
    ("000", "Python", SKILL["python"]),
    ("000", "C++", SKILL["cpp"]),
    ("000", "Java", SKILL["java"]),
    ("000", "linear algebra", SKILL["linear-algebra"]),
    ("000", "calculus", SKILL["calculus"]),
    ("000", "probability theories", SKILL["probability"]),
    ("000", "Mathematics and Statistics", SKILL["statistics"]),
    ("000", "Mathematics and Statistics", AREA["mathematics"]),
    ("000", "SQL", SKILL["sql"]),
    ("000", "big data tools", SKILL["big-data-processing"]),
    ("000", "random forests", SKILL["random-forests"]),
    ("000", "neural networks", SKILL["neural-networks"]),
    ("000", "Model Design and Optimization", SKILL["model-optimisation"]),
    ("000", "refine algorithm parameters", SKILL["hyperparameter-tuning"]),
    ("000", "prevent data overfitting", SKILL["regularisation"]),
    ("000", "extract, clean, and rigorously format massive raw datasets", SKILL["data-cleaning"]),
    ("000", "data pipelines", SKILL["etl-data-pipelines"]),
    ("000", "ecosystem of specialized numerical libraries", SKILL["python-data-libraries"]),
    ("000", "data science and software engineering", SKILL["data-science"]),
    ("000", "data science and software engineering", SKILL["software-engineering"]),
    ("000", "artificial intelligence", SKILL["artificial-intelligence"]),
    ("000", "complex data structures", SKILL["data-structures-and-algorithms"]),
    ("000", "software development lifecycle", SKILL["software-engineering"]),
    ("000", "actively debugging applications", SKILL["debugging"]),
    ("000", "software architecture principles", SKILL["software-architecture"]),
    ("000", "Teamwork", SKILL["collaboration"]),
    ("000", "Communication", SKILL["communication"]),
    ("000", "non-technical stakeholders", SKILL["stakeholder-management"]),
    ("000", "analytical thinking", SKILL["analytical-thinking"]),
    ("000", "problem-solving skills", SKILL["problem-solving"]),
    ("000", "Work on Practical Projects", SKILL["portfolio-projects"]),
    ("000", "portfolio of fully functional models", SKILL["portfolio-projects"]),
    ("000", "production deployment", SKILL["model-deployment"]),
    ("000", "cloud environments", SKILL["cloud-computing"]),
    ("000", "specialized DevOps", SKILL["devops"]),
    ("000", "Deep Learning", SKILL["deep-learning"]),
    ("000", "Machine Learning", SKILL["machine-learning"]),
    ("000", "leadership roles", SKILL["technical-leadership"]),
    ("000", "managing technical engineering teams", SKILL["people-management"]),
    ("000", "Get a Computer Science Degree", CRED["bsc-computer-science"]),
    ("000", "computer science or applied mathematics", CRED["bsc-mathematics"]),
    ("000", "bachelor's degree in software engineering or mathematics", CRED["bsc-software-engineering"]),
    ("000", "bachelor's degree in software engineering or mathematics", CRED["bsc-mathematics"]),
    ("000", "master's degree strictly focused on data science", CRED["msc-data-science"]),
    ("000", "specialized artificial intelligence education", CRED["msc-artificial-intelligence"]),
    ("000", "Master 2 in AI & Data Science", CRED["ai2-master-2-ai-data-science"]),
    ("000", "state-recognized RNCP titles", CRED["ai2-master-2-ai-data-science"]),
    ("000", "short technical bootcamps", COURSE["data-science-bootcamp"]),
    # --- 001: How to Become a Machine Learning Engineer
    ("001", "machine learning engineer", ROLE["machine-learning-engineer"]),
    ("001", "data scientists", ROLE["data-scientist"]),
    ("001", "software engineers", ROLE["software-engineer"]),
    ("001", "software engineering, data science, and artificial intelligence", SKILL["software-engineering"]),
    ("001", "software engineering, data science, and artificial intelligence", SKILL["data-science"]),
    (
        "001",
        "software engineering, data science, and artificial intelligence",
        SKILL["artificial-intelligence"],
    ),
    ("001", "foundations in mathematics", AREA["mathematics"]),
    ("001", "Programming: Proficiency in Python", SKILL["computer-programming"]),
    ("001", "data analysis", SKILL["data-analysis"]),
    ("001", "experimentation and insights", SKILL["experiment-design"]),
    ("001", "Designing and training machine learning models", SKILL["machine-learning"]),
    ("001", "Deploying models into production environments", SKILL["model-deployment"]),
    ("001", "Monitoring model performance and retraining", SKILL["model-monitoring"]),
    ("001", "business stakeholders", SKILL["stakeholder-management"]),
    ("001", "linear algebra", SKILL["linear-algebra"]),
    ("001", "calculus", SKILL["calculus"]),
    ("001", "probability", SKILL["probability"]),
    ("001", "probability, and statistics", SKILL["statistics"]),
    ("001", "Proficiency in Python", SKILL["python"]),
    ("001", "Python and its libraries", SKILL["python-data-libraries"]),
    ("001", "knowledge of Java", SKILL["java"]),
    ("001", "C++", SKILL["cpp"]),
    ("001", "C++, or R", SKILL["r"]),
    ("001", "Experience with SQL", SKILL["sql"]),
    ("001", "big data frameworks", SKILL["big-data-processing"]),
    ("001", "Hadoop", TOOL["hadoop"]),
    ("001", "Spark", TOOL["apache-spark"]),
    ("001", "cloud platforms", SKILL["cloud-computing"]),
    ("001", "AWS", SKILL["aws"]),
    ("001", "GCP", SKILL["gcp"]),
    ("001", "Azure", SKILL["azure"]),
    ("001", "supervised/unsupervised learning", SKILL["supervised-learning"]),
    ("001", "supervised/unsupervised learning", SKILL["unsupervised-learning"]),
    ("001", "reinforcement learning", SKILL["reinforcement-learning"]),
    ("001", "neural networks", SKILL["neural-networks"]),
    ("001", "Machine Learning & Deep Learning", SKILL["deep-learning"]),
    ("001", "Software Engineering Practices", AREA["software-engineering"]),
    ("001", "Version control (Git)", SKILL["git"]),
    ("001", "Version control (Git)", TOOL["git"]),
    ("001", "APIs", SKILL["api-development"]),
    ("001", "APIs, testing", SKILL["software-testing"]),
    ("001", "Machine learning operations (MLOps)", SKILL["mlops"]),
    ("001", "Problem-solving", SKILL["problem-solving"]),
    ("001", "communication", SKILL["communication"]),
    ("001", "collaboration skills", SKILL["collaboration"]),
    ("001", "Soft Skills", AREA["soft-skills"]),
    # --- 002: How to Become an AI and Machine Learning Engineer?
    ("002", "AI and Machine Learning Engineer", ROLE["machine-learning-engineer"]),
    ("002", "Senior Machine Learning Engineer", ROLE["senior-machine-learning-engineer"]),
    ("002", "Lead Machine Learning Engineer", ROLE["lead-machine-learning-engineer"]),
    ("002", "a role as a software engineer", ROLE["software-engineer"]),
    ("002", "software developers and programmers", ROLE["software-engineer"]),
    ("002", "software engineer or data engineer", ROLE["data-engineer"]),
    ("002", "certifications for data scientists", ROLE["data-scientist"]),
    (
        "002",
        "computer science, computer programming, data science, and mathematics",
        SKILL["computer-science"],
    ),
    (
        "002",
        "computer science, computer programming, data science, and mathematics",
        SKILL["computer-programming"],
    ),
    ("002", "computer science, computer programming, data science, and mathematics", SKILL["data-science"]),
    ("002", "computer science, computer programming, data science, and mathematics", AREA["mathematics"]),
    ("002", "artificial intelligence algorithms", SKILL["artificial-intelligence"]),
    ("002", "- Machine Learning", SKILL["machine-learning"]),
    ("002", "- Deep Learning", SKILL["deep-learning"]),
    ("002", "Python SAS", SKILL["python"]),
    ("002", "Python SAS", SKILL["sas"]),
    ("002", "- Statistics", SKILL["statistics"]),
    ("002", "R, Java, and C++", SKILL["r"]),
    ("002", "R, Java, and C++", SKILL["java"]),
    ("002", "R, Java, and C++", SKILL["cpp"]),
    ("002", "- Pytorch", TOOL["pytorch"]),
    ("002", "- Tensorflow", TOOL["tensorflow"]),
    ("002", "- Keras", TOOL["keras"]),
    ("002", "- Scikit", TOOL["scikit-learn"]),
    ("002", "Spark, TensorFlow, and Apache Kafka", TOOL["apache-spark"]),
    ("002", "Spark, TensorFlow, and Apache Kafka", TOOL["tensorflow"]),
    ("002", "Spark, TensorFlow, and Apache Kafka", TOOL["apache-kafka"]),
    ("002", "chatbots or virtual assistants", SKILL["conversational-ai"]),
    ("002", "informational retrieval", SKILL["information-retrieval"]),
    ("002", "natural language processing", SKILL["natural-language-processing"]),
    ("002", "regression models", SKILL["regression"]),
    ("002", "write, test, and fix computer programs", SKILL["software-testing"]),
    ("002", "write, test, and fix computer programs", SKILL["debugging"]),
    ("002", "analyze and design software systems", SKILL["software-architecture"]),
    ("002", "write training manuals", SKILL["technical-writing"]),
    ("002", "Microsoft Azure", SKILL["azure"]),
    ("002", "Google Cloud Platform", SKILL["gcp"]),
    ("002", "degree in computer science or mathematics", CRED["bsc-computer-science"]),
    ("002", "degree in computer science or mathematics", CRED["bsc-mathematics"]),
    ("002", "Alternate degrees in physics and statistics", CRED["bsc-physics"]),
    ("002", "Alternate degrees in physics and statistics", CRED["bsc-statistics"]),
    ("002", "advanced degree", CRED["msc-computer-science"]),
    ("002", "computer science, statistics, math, data science, software engineering", CRED["msc-statistics"]),
    (
        "002",
        "computer science, statistics, math, data science, software engineering",
        CRED["msc-mathematics"],
    ),
    (
        "002",
        "computer science, statistics, math, data science, software engineering",
        CRED["msc-data-science"],
    ),
    (
        "002",
        "computer science, statistics, math, data science, software engineering",
        CRED["msc-software-engineering"],
    ),
    ("002", "associate-level certifications for data scientists", CRED["azure-data-scientist-associate"]),
    ("002", "artificial intelligence engineers", CRED["azure-ai-engineer-associate"]),
    (
        "002",
        "machine learning engineer certification",
        CRED["google-cloud-professional-machine-learning-engineer"],
    ),
    ("002", "data engineer certification", CRED["google-cloud-professional-data-engineer"]),
    (
        "002",
        "Amazon offers a specific machine learning certification",
        CRED["aws-certified-machine-learning-specialty"],
    ),
]

# (seed, phrase as written in the document, from role, to role)
SEED_STEPS: list[tuple[str, str, URIRef, URIRef]] = [
    (
        "000",
        "transition directly into prestigious leadership roles such as Head of Data",
        ROLE["lead-machine-learning-engineer"],
        ROLE["head-of-data"],
    ),
    (
        "000",
        "Head of Data or Lead AI Architect",
        ROLE["lead-machine-learning-engineer"],
        ROLE["ai-architect"],
    ),
    (
        "000",
        "transform highly motivated technical learners into fully operational data engineers",
        ROLE["student"],
        ROLE["data-engineer"],
    ),
    ("000", "Recent academic graduates", ROLE["student"], ROLE["machine-learning-engineer"]),
    (
        "000",
        "several solid years of proven enterprise deployment experience",
        ROLE["machine-learning-engineer"],
        ROLE["senior-machine-learning-engineer"],
    ),
    (
        "002",
        "transition from a role as a software engineer or data engineer into a career as a machine learning engineer",
        ROLE["software-engineer"],
        ROLE["machine-learning-engineer"],
    ),
    (
        "002",
        "transition from a role as a software engineer or data engineer into a career as a machine learning engineer",
        ROLE["data-engineer"],
        ROLE["machine-learning-engineer"],
    ),
    ("002", "Land an entry-level job as a software engineer", ROLE["student"], ROLE["software-engineer"]),
    (
        "002",
        "Machine Learning Engineer\nSenior Machine Learning Engineer",
        ROLE["machine-learning-engineer"],
        ROLE["senior-machine-learning-engineer"],
    ),
    (
        "002",
        "Senior Machine Learning Engineer\nLead Machine Learning Engineer",
        ROLE["senior-machine-learning-engineer"],
        ROLE["lead-machine-learning-engineer"],
    ),
]


def test_seed_table_is_large():
    assert len(SEED_ENTITIES) + len(SEED_STEPS) >= 60


@pytest.mark.parametrize(
    ("seed", "phrase", "iri"),
    SEED_ENTITIES,
    ids=[f"{s}:{str(i).rsplit('/', 1)[-1]}:{p[:30]}" for s, p, i in SEED_ENTITIES],
)
def test_seed_entity_is_in_graph(data, seed, phrase, iri):
    text = _seed_text(seed)
    assert _norm(phrase) in _norm(text), f"phrase {phrase!r} not in seed {seed}"
    assert next(data.triples((iri, RDF.type, None)), None) is not None, f"{iri} is not in the graph"
    assert (iri, SKOS.prefLabel, None) in data
    sources = set(data.objects(iri, DCTERMS.source))
    assert SRC[f"seed-{seed}"] in sources, f"{iri} does not cite seed {seed} (cites {sorted(sources)})"


def _progressions(g: Graph, a: URIRef, b: URIRef) -> list:
    return [p for p in g.objects(a, CKG.hasProgression) if g.value(p, CKG.toRole) == b]


@pytest.mark.parametrize(
    ("seed", "phrase", "a", "b"),
    SEED_STEPS,
    ids=[f"{s}:{str(a).rsplit('/', 1)[-1]}->{str(b).rsplit('/', 1)[-1]}" for s, _, a, b in SEED_STEPS],
)
def test_seed_career_step_is_in_graph(data, seed, phrase, a, b):
    text = _seed_text(seed)
    assert _norm(phrase) in _norm(text), f"phrase {phrase!r} not in seed {seed}"
    steps = _progressions(data, a, b)
    assert steps, f"no progression {a} -> {b}"
    assert any(SRC[f"seed-{seed}"] in set(data.objects(p, DCTERMS.source)) for p in steps), (
        f"progression {a} -> {b} does not cite seed {seed}"
    )


def test_seed_tools_named_in_docs_support_skills(data):
    """Every tool the seeds name supports at least one skill the seeds also name."""
    seed_skills = {iri for _, _, iri in SEED_ENTITIES if str(iri).startswith(str(SKILL))}
    for _, _, iri in SEED_ENTITIES:
        if str(iri).startswith(str(TOOL)):
            supported = set(data.objects(iri, CKG.supportsSkill))
            assert supported & seed_skills, f"{iri} supports no seed-named skill"


def test_mle_requirements_cite_the_docs(data):
    """Skills the documents say an ML engineer needs are required with the document as source."""
    mle = ROLE["machine-learning-engineer"]
    by_skill = {data.value(r, CKG.requiredSkill): r for r in data.objects(mle, CKG.hasRequirement)}
    expected = {
        "python": "000",
        "linear-algebra": "001",
        "statistics": "002",
        "sql": "000",
        "random-forests": "000",
        "neural-networks": "001",
        "mlops": "001",
        "git": "001",
        "regression": "002",
        "model-deployment": "001",
        "communication": "000",
        "problem-solving": "001",
        "sas": "002",
    }
    for skill, seed in expected.items():
        req = by_skill.get(SKILL[skill])
        assert req is not None, f"MLE does not require {skill}"
        assert SRC[f"seed-{seed}"] in set(data.objects(req, DCTERMS.source)), (
            f"MLE {skill} should cite seed {seed}"
        )


# ---------------------------------------------------------------------------- 3. prerequisites


def _prereq_graph(g: Graph) -> nx.DiGraph:
    dg = nx.DiGraph()
    for s in _instances(g, CKG.Skill):
        dg.add_node(s)
    for s, o in g.subject_objects(CKG.hasPrerequisite):
        dg.add_edge(o, s)  # prerequisite -> skill
    return dg


def test_prerequisites_are_acyclic(data):
    dg = _prereq_graph(data)
    if not nx.is_directed_acyclic_graph(dg):
        cycle = nx.find_cycle(dg)
        pytest.fail(f"prerequisite cycle: {cycle}")
    for s, o in data.subject_objects(CKG.hasPrerequisite):
        assert s != o
        assert (o, RDF.type, CKG.Skill) in data, f"prerequisite {o} of {s} is not a skill"


EXPECTED_ORDER = [
    ("linear-algebra", "machine-learning"),
    ("calculus", "machine-learning"),
    ("probability", "machine-learning"),
    ("statistics", "machine-learning"),
    ("python", "machine-learning"),
    ("machine-learning", "deep-learning"),
    ("python", "deep-learning"),
    ("linear-algebra", "deep-learning"),
    ("deep-learning", "natural-language-processing"),
    ("deep-learning", "computer-vision"),
    ("deep-learning", "transformers"),
    ("transformers", "large-language-models"),
    ("neural-networks", "deep-learning"),
    ("sql", "data-warehousing"),
    ("sql", "etl-data-pipelines"),
    ("docker", "kubernetes"),
    ("machine-learning", "mlops"),
    ("docker", "mlops"),
    ("ci-cd", "mlops"),
    ("git", "ci-cd"),
    ("model-deployment", "model-monitoring"),
    ("machine-learning", "supervised-learning"),
    ("decision-trees", "random-forests"),
    ("model-evaluation", "hyperparameter-tuning"),
    ("statistics", "experiment-design"),
    ("probability", "statistics"),
    ("python", "python-data-libraries"),
    ("cloud-computing", "aws"),
    ("system-design", "ml-system-design"),
    ("communication", "stakeholder-management"),
    ("computer-programming", "data-structures-and-algorithms"),
]


@pytest.mark.parametrize(("before", "after"), EXPECTED_ORDER, ids=[f"{a}<{b}" for a, b in EXPECTED_ORDER])
def test_prerequisite_orderings(data, before, after):
    dg = _prereq_graph(data)
    assert SKILL[before] in nx.ancestors(dg, SKILL[after]), f"{before} should come before {after}"


def test_foundations_have_no_prerequisites(data):
    for s in ("linear-algebra", "calculus", "python", "sql", "communication"):
        assert next(data.objects(SKILL[s], CKG.hasPrerequisite), None) is None, f"{s} should be a root skill"


# ---------------------------------------------------------------------------- 4. SHACL


def test_shacl_conformance(graph):
    pyshacl = pytest.importorskip("pyshacl")
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(
        graph, shacl_graph=shapes, ont_graph=_ontology_graph(), inference="rdfs", abort_on_first=False
    )
    assert conforms, text[:4000]


# ---------------------------------------------------------------------------- 5. hours and ESCO


def test_learning_hours(data):
    for s in _instances(data, CKG.Skill):
        hours = list(data.objects(s, CKG.learningHours))
        assert len(hours) == 1, f"{s} has {len(hours)} learningHours"
        h = hours[0]
        assert h.datatype == XSD.integer, f"{s} learningHours is not an xsd:integer"
        assert 0 < h.toPython() <= 2000, f"{s} learningHours {h} out of range"
        assert data.value(s, CKG.skillType) in (CKG.Knowledge, CKG.Competence, CKG.SoftSkill)
        assert data.value(s, CKG.inSkillArea) is not None, f"{s} has no skill area"


@pytest.mark.parametrize(
    ("skill", "low", "high"),
    [
        ("python", 100, 250),
        ("linear-algebra", 50, 150),
        ("statistics", 60, 200),
        ("machine-learning", 100, 250),
        ("deep-learning", 120, 300),
        ("mlops", 60, 200),
        ("kubernetes", 40, 150),
        ("communication", 20, 80),
    ],
)
def test_learning_hours_are_realistic(data, skill, low, high):
    h = data.value(SKILL[skill], CKG.learningHours).toPython()
    assert low <= h <= high, f"{skill}: {h} hours"


def test_credentials(data):
    for cls in (CKG.Degree, CKG.Certification):
        for c in _instances(data, cls):
            assert data.value(c, CKG.provider) is not None, f"{c} has no provider"
            hours = data.value(c, CKG.durationHours)
            assert hours is not None, f"{c} has no durationHours"
            assert hours.toPython() > 0, f"{c} has non-positive durationHours"
            teachings = list(data.objects(c, CKG.hasTeaching))
            assert len(teachings) >= 3, f"{c} teaches fewer than 3 skills"
            for t in teachings:
                level = data.value(t, CKG.level)
                assert level is not None
                assert 1 <= level.toPython() <= 5
            if cls == CKG.Degree:
                assert hours.toPython() >= 1000, f"{c}: a degree takes more than {hours} hours"
            else:
                assert 20 <= hours.toPython() <= 300, f"{c}: a certification takes {hours} hours"
                assert data.value(c, CKG.costUSD) is not None, f"{c} has no costUSD"
    assert data.value(CRED["ai2-master-2-ai-data-science"], CKG.provider) == Literal("AI2")
    assert data.value(CRED["aws-certified-machine-learning-specialty"], CKG.costUSD).toPython() == 300


def _esco_links(g: Graph, cls: URIRef, prefix: str, predicates) -> dict[URIRef, list[str]]:
    links: dict[URIRef, list[str]] = {}
    for node in _instances(g, cls):
        for p in predicates:
            for o in g.objects(node, p):
                if str(o).startswith(prefix):
                    links.setdefault(node, []).append(str(o))
    return links


def test_esco_link_counts(data):
    skill_links = _esco_links(data, CKG.Skill, ESCO_SKILL_PREFIX, (SKOS.exactMatch, SKOS.closeMatch))
    occ_links = _esco_links(data, CKG.Role, ESCO_OCC_PREFIX, (SKOS.exactMatch, SKOS.closeMatch))
    assert len(skill_links) >= 25, f"only {len(skill_links)} skills linked to ESCO"
    assert len(occ_links) >= 4, f"only {len(occ_links)} roles linked to ESCO"
    assert f"{ESCO_OCC_PREFIX}258e46f9-0075-4a2e-adae-1ff0477e0f30" in occ_links[ROLE["data-scientist"]]
    assert f"{ESCO_OCC_PREFIX}f2b15a0e-e65a-438a-affb-29b9d50b77d1" in occ_links[ROLE["software-engineer"]]
    for node in _instances(data, CKG.Skill) | _instances(data, CKG.Role):
        exact = list(data.objects(node, SKOS.exactMatch))
        assert len(exact) <= 1, f"{node} has several exactMatch links"


@lru_cache(maxsize=1)
def _esco_uris() -> tuple[frozenset, frozenset]:
    with gzip.open(ESCO_DIR / "skills_en.csv.gz", "rt", encoding="utf-8", newline="") as f:
        skills = frozenset(r["conceptUri"] for r in csv.DictReader(f))
    with open(ESCO_DIR / "occupations_en.csv", encoding="utf-8", newline="") as f:
        occupations = frozenset(r["conceptUri"] for r in csv.DictReader(f))
    return skills, occupations


def test_esco_links_exist_in_esco(data):
    _need(ESCO_DIR, "ESCO v1.1.1 CSVs")
    skills, occupations = _esco_uris()
    preds = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
    checked = 0
    for s, p, o in data:
        if p not in preds:
            continue
        uri = str(o)
        if uri.startswith(ESCO_SKILL_PREFIX):
            assert uri in skills, f"{s} links to unknown ESCO skill {uri}"
            checked += 1
        elif uri.startswith(ESCO_OCC_PREFIX):
            assert uri in occupations, f"{s} links to unknown ESCO occupation {uri}"
            checked += 1
    assert checked >= 29


# ---------------------------------------------------------------------------- 6. ladder

REQUIRED_STEPS = [
    ("student", "software-engineer"),
    ("student", "data-analyst"),
    ("student", "data-engineer"),
    ("software-engineer", "machine-learning-engineer"),
    ("data-engineer", "machine-learning-engineer"),
    ("data-scientist", "machine-learning-engineer"),
    ("machine-learning-engineer", "senior-machine-learning-engineer"),
    ("senior-machine-learning-engineer", "lead-machine-learning-engineer"),
    ("lead-machine-learning-engineer", "head-of-data"),
    ("lead-machine-learning-engineer", "ai-architect"),
    ("data-analyst", "data-scientist"),
    ("data-scientist", "senior-data-scientist"),
    ("senior-data-scientist", "head-of-data"),
]

REQUIRED_ROLES = [
    "student",
    "software-engineer",
    "data-engineer",
    "data-analyst",
    "data-scientist",
    "senior-data-scientist",
    "machine-learning-engineer",
    "senior-machine-learning-engineer",
    "lead-machine-learning-engineer",
    "head-of-data",
    "ai-architect",
    "mlops-engineer",
    "devops-engineer",
    "research-scientist",
]


@pytest.mark.parametrize("role", REQUIRED_ROLES)
def test_required_roles(data, role):
    assert (ROLE[role], RDF.type, CKG.Role) in data


@pytest.mark.parametrize(("a", "b"), REQUIRED_STEPS, ids=[f"{a}->{b}" for a, b in REQUIRED_STEPS])
def test_required_ladder_steps(data, a, b):
    steps = _progressions(data, ROLE[a], ROLE[b])
    assert len(steps) == 1, f"expected one progression {a} -> {b}, found {len(steps)}"
    years = data.value(steps[0], CKG.typicalYears)
    assert years is not None
    assert years.datatype == XSD.decimal
    assert 0 < years.toPython() <= 10
    assert data.value(steps[0], DCTERMS.source) is not None


def test_ladder_paths(data):
    dg = nx.DiGraph()
    for a, p in data.subject_objects(CKG.hasProgression):
        dg.add_edge(a, data.value(p, CKG.toRole))
    # the engineering route; the fewest steps may go through Research Scientist, which a
    # data scientist can also move into
    routes = list(nx.all_simple_paths(dg, ROLE["data-scientist"], ROLE["lead-machine-learning-engineer"]))
    engineering = ["data-scientist", "machine-learning-engineer", "senior-machine-learning-engineer"]
    assert [ROLE[r] for r in [*engineering, "lead-machine-learning-engineer"]] in routes
    for target in ("machine-learning-engineer", "head-of-data", "ai-architect"):
        assert nx.has_path(dg, ROLE["student"], ROLE[target]), f"student cannot reach {target}"
    # every role is reachable from the student role
    for role in _instances(data, CKG.Role):
        assert role == ROLE["student"] or nx.has_path(dg, ROLE["student"], role), f"{role} unreachable"


def _levels(g: Graph, role: URIRef) -> dict[URIRef, int]:
    return {
        g.value(r, CKG.requiredSkill): g.value(r, CKG.level).toPython()
        for r in g.objects(role, CKG.hasRequirement)
    }


@pytest.mark.parametrize(
    "ladder",
    [
        ["machine-learning-engineer", "senior-machine-learning-engineer", "lead-machine-learning-engineer"],
        ["data-scientist", "senior-data-scientist"],
    ],
    ids=lambda x: "->".join(x),
)
def test_levels_climb_the_ladder(data, ladder):
    for lower, upper in itertools.pairwise(ladder):
        lo, up = _levels(data, ROLE[lower]), _levels(data, ROLE[upper])
        shared = set(lo) & set(up)
        assert len(shared) >= 5
        for skill in shared:
            assert up[skill] >= lo[skill], f"{upper} needs {skill} at {up[skill]} < {lower}'s {lo[skill]}"
        assert sum(up[s] for s in shared) > sum(lo[s] for s in shared), f"{upper} needs no more than {lower}"
