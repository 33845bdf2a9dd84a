"""Content audit of the certifications in ``data/credentials.ttl``: current names, the
retired ones marked with their last day, roles expecting only credentials one can still
earn, and what each exam really covers.

The audit day is fixed so that the tests do not change meaning as time passes: a
retirement announced for a later day is checked again at the next audit.
"""

from __future__ import annotations

from datetime import date

from rdflib import RDF, Graph, Literal
from rdflib.namespace import DCTERMS, SKOS, XSD

from kg.namespace import CKG, CRED, ROLE, SKILL

AUDIT_DAY = date(2026, 12, 6)


def _retired(g: Graph, cred) -> date | None:
    value = g.value(cred, CKG.retiredOn)
    return None if value is None else value.toPython()


def test_no_role_expects_a_retired_credential(data):
    for role, cred in data.subject_objects(CKG.expectsCredential):
        day = _retired(data, cred)
        assert day is None or day > AUDIT_DAY, f"{role} expects {cred}, retired on {day}"


def test_tensorflow_developer_certificate_is_retired(data):
    # Google closed the TensorFlow Certificate program as of 1 May 2024 (tensorflow.org/certificate;
    # course material updated for it, e.g. mrdbourke/tensorflow-deep-learning#646)
    cred = CRED["tensorflow-developer-certificate"]
    assert data.value(cred, CKG.retiredOn) == Literal("2024-05-01", datatype=XSD.date)
    assert "closed" in str(data.value(cred, SKOS.definition))
    assert (ROLE["machine-learning-engineer"], CKG.expectsCredential, cred) not in data
    assert (cred, RDF.type, CKG.Certification) in data, "holders keep it: the node stays"
    assert data.value(cred, DCTERMS.source) is not None


AI_103 = CRED["azure-ai-apps-and-agents-developer-associate"]


def test_azure_ai_engineer_associate_is_retired_for_its_successor(data):
    # Microsoft retired exam AI-102 on 30 June 2026; its successor is exam AI-103,
    # Microsoft Certified: Azure AI Apps and Agents Developer Associate (Microsoft Learn
    # exam pages; study guides updated for it, e.g. kengio/dp-800-study-guide v1.3.0)
    old = CRED["azure-ai-engineer-associate"]
    assert data.value(old, CKG.retiredOn) == Literal("2026-06-30", datatype=XSD.date)
    assert "AI-103" in str(data.value(old, SKOS.definition))
    assert (AI_103, RDF.type, CKG.Certification) in data
    assert (
        str(data.value(AI_103, SKOS.prefLabel))
        == "Microsoft Certified: Azure AI Apps and Agents Developer Associate"
    )
    assert "AI-103" in {str(a) for a in data.objects(AI_103, SKOS.altLabel)}
    assert data.value(AI_103, CKG.retiredOn) is None
    for role in ("machine-learning-engineer", "nlp-engineer", "ai-architect"):
        assert (ROLE[role], CKG.expectsCredential, AI_103) in data, f"{role} should expect AI-103"


def test_ai_103_covers_generative_ai_and_agents(data):
    # AI-103 skills outline: plan and manage an Azure AI solution (responsible AI), generative
    # AI and agentic solutions (RAG, prompts, agents) 30-35 %, computer vision, text analysis
    # and information extraction (Azure AI Search, vector and hybrid search) 10-15 % each
    taught = {
        data.value(t, CKG.taughtSkill): data.value(t, CKG.level).toPython()
        for t in data.objects(AI_103, CKG.hasTeaching)
    }
    for skill in ("large-language-models", "retrieval-augmented-generation", "prompt-engineering", "azure"):
        assert taught.get(SKILL[skill], 0) >= 2, f"AI-103 should teach {skill}"
    for skill in (
        "information-retrieval",
        "natural-language-processing",
        "computer-vision",
        "responsible-ai",
    ):
        assert SKILL[skill] in taught, f"AI-103 should teach {skill}"
    assert data.value(AI_103, CKG.costUSD).toPython() == 165
    assert str(data.value(AI_103, CKG.provider)) == "Microsoft"


AI_300 = CRED["azure-machine-learning-operations-engineer-associate"]


def test_azure_data_scientist_associate_is_retired_for_ai_300(data):
    # Microsoft retired exam DP-100 and the Azure Data Scientist Associate on 1 June 2026;
    # the replacement is exam AI-300, Microsoft Certified: Machine Learning Operations
    # Engineer Associate (Microsoft Learn certification pages and AI-300 study guide)
    old = CRED["azure-data-scientist-associate"]
    assert data.value(old, CKG.retiredOn) == Literal("2026-06-01", datatype=XSD.date)
    assert "AI-300" in str(data.value(old, SKOS.definition))
    assert (AI_300, RDF.type, CKG.Certification) in data
    label = str(data.value(AI_300, SKOS.prefLabel))
    assert label == "Microsoft Certified: Machine Learning Operations Engineer Associate"
    assert "AI-300" in {str(a) for a in data.objects(AI_300, SKOS.altLabel)}
    for role in ("mlops-engineer", "machine-learning-engineer"):
        assert (ROLE[role], CKG.expectsCredential, AI_300) in data, f"{role} should expect AI-300"


def test_ai_300_covers_mlops_and_genaiops(data):
    # AI-300 skill areas: MLOps infrastructure (IaC with Bicep, GitHub Actions), model
    # lifecycle (MLflow tracking, tuning, deployment, drift monitoring), GenAIOps (prompt
    # versioning, RAG optimisation, evaluation)
    taught = {data.value(t, CKG.taughtSkill) for t in data.objects(AI_300, CKG.hasTeaching)}
    for skill in (
        "mlops",
        "model-deployment",
        "model-monitoring",
        "experiment-tracking",
        "infrastructure-as-code",
        "ci-cd",
        "retrieval-augmented-generation",
        "azure",
    ):
        assert SKILL[skill] in taught, f"AI-300 should teach {skill}"
    assert data.value(AI_300, CKG.costUSD).toPython() == 165


def test_aws_ml_engineer_associate_covers_data_preparation_and_model_development(data):
    # MLA-C01 exam guide: Domain 1 Data Preparation for ML (28 %: transform data and
    # perform feature engineering), Domain 2 ML Model Development (26 %: train and refine
    # models, hyperparameter tuning, analyse model performance)
    cred = CRED["aws-certified-machine-learning-engineer-associate"]
    taught = {
        data.value(t, CKG.taughtSkill): data.value(t, CKG.level).toPython()
        for t in data.objects(cred, CKG.hasTeaching)
    }
    for skill in ("feature-engineering", "hyperparameter-tuning", "model-evaluation"):
        assert taught.get(SKILL[skill], 0) >= 3, f"MLA-C01 should teach {skill} at level 3"


def test_cka_exam_fee(data):
    # The Linux Foundation's list price for the CKA exam (with one free retake): 445 USD
    assert data.value(CRED["certified-kubernetes-administrator"], CKG.costUSD).toPython() == 445


def test_certification_effort_follows_the_stated_formula(data):
    # data/credentials.ttl: for each taught skill, learningHours x (taught level - 2) / 3 when
    # the exam expects the skill beforehand, learningHours x taught level / 3 when it is new,
    # summed and rounded to 10 h
    for cred in data.subjects(RDF.type, CKG.Certification):
        prior = set(data.objects(cred, CKG.requiresPrior))
        effort = 0.0
        for t in data.objects(cred, CKG.hasTeaching):
            skill = data.value(t, CKG.taughtSkill)
            level = data.value(t, CKG.level).toPython()
            hours = float(data.value(skill, CKG.learningHours).toPython())
            effort += hours * ((level - 2) if skill in prior else level) / 3
        stated = float(data.value(cred, CKG.durationHours).toPython())
        assert abs(stated - effort) <= 5, f"{cred}: {stated} h stated, {effort:.1f} h by the formula"
