"""Content audit of the certifications in ``data/credentials.ttl``: current names, the
retired ones marked with their last day, roles expecting only credentials one can still
earn, and what each exam really covers.

The audit day is fixed so that the tests do not change meaning as time passes: a
retirement announced for a later day is checked again at the next audit.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, SKOS, XSD

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
BASE = "https://w3id.org/careerkg/"
CKG = Namespace(BASE + "ontology#")
ROLE = Namespace(BASE + "id/role/")
SKILL = Namespace(BASE + "id/skill/")
CRED = Namespace(BASE + "id/credential/")
SRC = Namespace(BASE + "id/source/")

AUDIT_DAY = date(2026, 12, 6)


@pytest.fixture(scope="module")
def data() -> Graph:
    g = Graph()
    for f in sorted(DATA_DIR.glob("*.ttl")):
        g.parse(f, format="turtle")
    return g


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
