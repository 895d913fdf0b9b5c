"""Property-based run of the API against its own OpenAPI schema (schemathesis): for every read
operation, and every write sent with an editor's token, generated requests (bounded:
MAX_EXAMPLES each) never get a 5xx, and every answer conforms to the schema (status code,
content type, body). A few rows exist so that lists and lookups return data; no request leaves
this machine (host names do not resolve)."""

from __future__ import annotations

import socket

import hypothesis
import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from newsapp.wsgi import application

MAX_EXAMPLES = 15
SCHEMA = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
SCHEMA.app = application  # requests go to the WSGI app in this process (and its test database)
READS = SCHEMA.include(method="GET")
WRITES = SCHEMA.include(method="POST")
MAX_WRITE_EXAMPLES = 10


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Requests go straight to the WSGI app, whose request signals would close the database
    connection that holds the test's transaction (PostgreSQL then fails every later query);
    Django's own test client disconnects them the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _operations(schema) -> dict:
    return {op.ok().label: op.ok() for op in schema.get_all_operations() if op.ok() is not None}


OPERATIONS = _operations(READS)
WRITE_OPERATIONS = _operations(WRITES)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_server_error_and_answers_match_the_schema(label, world):
    _run(OPERATIONS[label], MAX_EXAMPLES)


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(WRITE_OPERATIONS))
def test_writes_by_an_editor_never_fail_on_the_server(label, world, editor, monkeypatch):
    def no_network(host, *args, **kwargs):
        raise socket.gaierror(f"{host}: name resolution is off in this test")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    token, _ = Token.objects.get_or_create(user=editor)
    headers = {"Authorization": f"Token {token.key}"}
    _run(WRITE_OPERATIONS[label], MAX_WRITE_EXAMPLES, headers=headers)


def _run(operation, max_examples: int, headers: dict | None = None) -> None:
    @hypothesis.settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
    )
    @hypothesis.given(case=operation.as_strategy())
    def run(case):
        cache.clear()  # no throttling in the middle of a run
        case.call_and_validate(checks=CHECKS, headers=headers)

    run()
