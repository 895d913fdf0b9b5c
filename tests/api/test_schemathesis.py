"""Property-based run of the API against its own OpenAPI schema (schemathesis): for every read
operation (valid and invalid inputs, anonymous), and every write sent with an editor's token,
generated requests (bounded: MAX_EXAMPLES each, derandomized) never get a 5xx, every answer under
/api/v1/ is JSON, and every answer conforms to the schema (status code, content type, body).
Reads run with DEBUG on, where Django answers some errors with its HTML debug pages. A few rows
exist so that lists and lookups return data; no request leaves this machine (host names do not
resolve).

The same checks run against a dev server on PostgreSQL with the schemathesis command line (issue
17); this is its small, deterministic replay on the test database."""

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
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from entities.models import Actor
from newsapp.wsgi import application
from tests.factories import ActorFactory

pytestmark = pytest.mark.slow  # 14-16 s for the module (SQLite, PostgreSQL)

MAX_EXAMPLES = 15
MAX_NEGATIVE_EXAMPLES = 10
MAX_WRITE_EXAMPLES = 10
SCHEMA = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
SCHEMA.app = application  # requests go to the WSGI app in this process (and its test database)
READS = SCHEMA.include(method="GET")
WRITES = SCHEMA.include(method="POST")
API = "/api/v1/"


def json_answer(ctx, response, case):
    """Every answer under /api/v1/ is JSON, except a 2xx that the operation documents with
    another media type (the export's CSV and JSON Lines)."""
    if not case.operation.path.startswith(API):
        return
    content_type = (response.headers.get("content-type") or [""])[0]
    media = content_type.split(";")[0].strip().lower()
    if media == "application/json":
        return
    documented = case.operation.definition.raw["responses"].get(str(response.status_code), {})
    if 200 <= response.status_code < 300 and media in documented.get("content", {}):
        return
    raise AssertionError(f"{response.status_code} answered {content_type!r}, not JSON")


CHECKS = [
    not_a_server_error,
    json_answer,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


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


@pytest.fixture
def debug_on(settings):
    settings.DEBUG = True


@pytest.fixture
def merged(world):
    """An actor merged into Russia: its URLs answer 301."""
    return ActorFactory(name="Russian Federation", slug="russian-federation", kind="country")


def _operations(schema) -> dict:
    return {op.ok().label: op.ok() for op in schema.get_all_operations() if op.ok() is not None}


OPERATIONS = _operations(READS)
WRITE_OPERATIONS = _operations(WRITES)


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_server_error_and_answers_match_the_schema(label, world, debug_on):
    _run(OPERATIONS[label], MAX_EXAMPLES)


# an operation without parameters (the API root) has no invalid input to generate
WITH_PARAMETERS = sorted(
    label for label, op in OPERATIONS.items() if len(op.query) or len(op.path_parameters)
)


@pytest.mark.django_db
@pytest.mark.parametrize("label", WITH_PARAMETERS)
def test_invalid_reads_answer_json_errors(label, world, debug_on):
    _run(OPERATIONS[label], MAX_NEGATIVE_EXAMPLES, mode=GenerationMode.NEGATIVE)


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_known_edge_cases_answer_json(label, world, merged, debug_on):
    """The answers schemathesis found as HTML on a dev server (DEBUG on): a NUL byte in the
    query string (Django's debug page for BadRequest) and a merged actor's 301 (an empty
    text/html body)."""
    Actor.objects.filter(pk=merged.pk).update(merged_into=world["russia"])
    operation = OPERATIONS[label]
    path = {"id": str(world["s1"].pk), "slug": "russian-federation", "other": "ukraine"}
    if "/articles/" in operation.path:
        path["id"] = str(world["old"].pk)
    names = {p.name for p in operation.path_parameters}
    path = {name: value for name, value in path.items() if name in names}
    for query in ({"q": "a\x00b"}, {"stray\x00": "1"}, {}):
        cache.clear()
        operation.Case(path_parameters=path, query=query).call_and_validate(checks=CHECKS)


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(WRITE_OPERATIONS))
def test_writes_by_an_editor_never_fail_on_the_server(label, world, editor, monkeypatch):
    def no_network(host, *args, **kwargs):
        raise socket.gaierror(f"{host}: name resolution is off in this test")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    token, _ = Token.objects.get_or_create(user=editor)
    headers = {"Authorization": f"Token {token.key}"}
    _run(WRITE_OPERATIONS[label], MAX_WRITE_EXAMPLES, headers=headers)


def _run(
    operation,
    max_examples: int,
    headers: dict | None = None,
    mode: GenerationMode = GenerationMode.POSITIVE,
) -> None:
    @hypothesis.settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
    )
    @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        cache.clear()  # no throttling in the middle of a run
        case.call_and_validate(checks=CHECKS, headers=headers)

    run()
