"""Which O*NET occupations, skills and products are careerkg's curated roles, skills and tools.

The O*NET import writes these links with the curated node as subject, so that where
the import is loaded beside the curated graph, :func:`kg.importers.join.join` merges
each O*NET node a curated node ``skos:exactMatch``-es into it: O*NET's *Software
Developers* then is careerkg's *Software Engineer* (paths from it are the curated
ones), its *PyTorch* is the curated PyTorch. ``skos:closeMatch`` and
``skos:broadMatch`` link a similar or a broader O*NET occupation without merging.

An exact match is stated only for the same job, skill or product:

- **roles**: O*NET-SOC occupations whose description is the curated role's job, and
  whose reported job titles include it. The curated ML roles (Machine Learning Engineer,
  NLP Engineer, MLOps Engineer …) have no O*NET occupation of their own; O*NET lists
  them only as alternate titles of broader occupations, and an alternate title is not
  a join.
- **skills**: the content-model elements defined as the curated skill is.
  O*NET's other 66 elements are broader (Mathematics, Computers and Electronics) or
  different in kind (Speaking, Writing) from careerkg's skills, so paths from an O*NET
  occupation into a curated role credit only these.
- **tools**: Technology Skills examples that name the same product as a curated tool.

Each entry carries the O*NET title as the release names it; a row is linked only when
the import finds that code with that title, so a release that reuses a code for
another occupation (O*NET-SOC 2010 codes differ) links nothing wrongly.

Examples
--------
>>> str(ROLE_LINKS["15-2051.00"].curated)
'https://w3id.org/careerkg/id/role/data-scientist'
>>> ROLE_LINKS["15-2051.00"].applies("Data Scientists"), ROLE_LINKS["15-2051.00"].applies("Statisticians")
(True, False)
>>> TOOL_LINKS["pytorch"].curated.endswith("/tool/pytorch")
True
"""

from __future__ import annotations

from typing import NamedTuple

from rdflib import URIRef
from rdflib.namespace import SKOS

from kg.namespace import ROLE, SKILL, TOOL

__all__ = ["ROLE_LINKS", "SKILL_LINKS", "TOOL_LINKS", "Link"]


class Link(NamedTuple):
    """One crosswalk entry: O*NET's title for the node, the SKOS relation, the curated node."""

    title: str
    relation: URIRef
    curated: URIRef

    def applies(self, title: str) -> bool:
        """Whether the O*NET node the import met, called ``title``, is the one this entry means."""
        return " ".join(title.split()).casefold() == self.title.casefold()


_EXACT, _CLOSE, _BROAD = SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch

ROLE_LINKS: dict[str, Link] = {
    # "Develop and implement a set of techniques or analytics applications to transform raw data
    # into meaningful information ... apply data mining, data modeling, natural language
    # processing, and machine learning": the curated Data Scientist.
    "15-2051.00": Link("Data Scientists", _EXACT, ROLE["data-scientist"]),
    # "Research, design, and develop computer and network software ...": "Software Engineer" is
    # the first of its reported titles.
    "15-1252.00": Link("Software Developers", _EXACT, ROLE["software-engineer"]),
    # Research in all of computer science (theorists, designers, inventors), ML research included.
    "15-1221.00": Link("Computer and Information Research Scientists", _CLOSE, ROLE["research-scientist"]),
    # Querying data repositories and reporting trends: the analyst's work, for business intelligence.
    "15-2051.01": Link("Business Intelligence Analysts", _CLOSE, ROLE["data-analyst"]),
    # Designing and building databases and data warehouses; "Data Engineer" is a reported title.
    "15-1243.00": Link("Database Architects", _CLOSE, ROLE["data-engineer"]),
    # All of IT management, of which a head of data is one kind.
    "11-3021.00": Link("Computer and Information Systems Managers", _BROAD, ROLE["head-of-data"]),
}
"""O*NET-SOC 2019 code → the curated role."""

SKILL_LINKS: dict[str, Link] = {
    # "Writing computer programs for various purposes."
    "2.B.3.e": Link("Programming", _EXACT, SKILL["computer-programming"]),
    # "Identifying complex problems and reviewing related information to develop and evaluate
    # options and implement solutions."
    "2.B.2.i": Link("Complex Problem Solving", _EXACT, SKILL["problem-solving"]),
    # "Using logic and reasoning to identify the strengths and weaknesses of alternative solutions"
    "2.A.2.a": Link("Critical Thinking", _CLOSE, SKILL["analytical-thinking"]),
    # "Motivating, developing, and directing people as they work"
    "2.B.5.d": Link("Management of Personnel Resources", _CLOSE, SKILL["people-management"]),
}
"""O*NET content-model element ID → the curated skill."""


def _tools(pairs: dict[str, str]) -> dict[str, Link]:
    return {example.casefold(): Link(example, _EXACT, TOOL[local]) for example, local in pairs.items()}


TOOL_LINKS: dict[str, Link] = _tools(
    {
        "Amazon Web Services AWS SageMaker": "aws-sagemaker",
        "Apache Airflow": "apache-airflow",
        "Apache Hadoop": "hadoop",
        "Apache Kafka": "apache-kafka",
        "Apache Spark": "apache-spark",
        "BigQuery": "bigquery",
        "Docker": "docker",
        "Git": "git",
        "IBM Terraform": "terraform",  # HashiCorp Terraform, under IBM since 2025
        "Jupyter Notebook": "jupyter",
        "Keras": "keras",
        "Kubeflow": "kubeflow",
        "Kubernetes": "kubernetes",
        "Microsoft Excel": "microsoft-excel",
        "Microsoft Power BI": "power-bi",
        "Mlflow": "mlflow",
        "NumPy": "numpy",
        "pandas": "pandas",
        "PostgreSQL": "postgresql",
        "Prometheus": "prometheus",
        "PyTorch": "pytorch",
        "Scikit-learn": "scikit-learn",
        "Tableau": "tableau",
        "TensorFlow": "tensorflow",
        "XGBoost": "xgboost",
    }
)
"""Technology Skills example (case-insensitive) → the curated tool: one example per tool."""
