"""The SPARQL endpoint's blueprint in a bare Flask app, for the endpoint's tests."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from kg.sparql.endpoint import sparql_blueprint
from kg.store import Store


def endpoint_client(store: Store | None = None, **options: Any) -> FlaskClient:
    """A test client of ``/sparql`` over ``store`` (the shipped graph by default);
    ``options`` go to :func:`kg.sparql.endpoint.sparql_blueprint` (``timeout``,
    ``max_rows``, ``page``...)."""
    app = Flask(__name__)
    app.register_blueprint(sparql_blueprint(store or Store.default(), **options))
    return app.test_client()
