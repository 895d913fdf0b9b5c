"""Property-based run of the API against its own OpenAPI schema (schemathesis): for every read
operation, generated requests (bounded: MAX_EXAMPLES each) never get a 5xx, and every answer
conforms to the schema (status code, content type, body). A few rows exist so that lists and
lookups return data."""

from __future__ import annotations

import hypothesis
import pytest
import schemathesis
from django.core.cache import cache
from drf_spectacular.generators import SchemaGenerator
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
OPERATIONS = {op.ok().label: op.ok() for op in READS.get_all_operations() if op.ok() is not None}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_server_error_and_answers_match_the_schema(label, world):
    operation = OPERATIONS[label]

    @hypothesis.settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
    )
    @hypothesis.given(case=operation.as_strategy())
    def run(case):
        cache.clear()  # no throttling in the middle of a run
        case.call_and_validate(checks=CHECKS)

    run()
