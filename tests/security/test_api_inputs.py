"""Inputs the API's parsers and paginators must refuse with a 4xx: JSON nested deeper than
Python recurses, and cursors a client rewrote."""

from __future__ import annotations

from base64 import b64encode

import pytest
from django.db import connection

from tests.factories import StatementFactory
from tests.helpers import token_client

pytestmark = pytest.mark.django_db


def _cursor(text: str) -> str:
    return b64encode(text.encode()).decode()


@pytest.mark.parametrize("body", ["[" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000])
def test_deeply_nested_json_is_a_400(user, body):
    response = token_client(user).post("/api/v1/articles/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_deeply_nested_json_to_an_editor_action_is_a_400(user):
    response = token_client(user).post(
        "/api/v1/statements/1/speaker/", "[" * 100_000, content_type="application/json"
    )
    assert response.status_code in (400, 403)


@pytest.mark.parametrize(
    "tampered",
    ["o=0&r=0&p=notafloat", "p=notadate", "p=%00", "o=0&r=1&p=", "p=2024-13-45 99:00:00"],
)
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/statements/?page_size=1",
        "/api/v1/articles/?page_size=1",
        "/api/v1/actors/vladimir-putin/statements/?page_size=1",
    ],
)
def test_a_tampered_date_cursor_is_a_404(client, world, path, tampered):
    response = client.get(f"{path}&cursor={_cursor(tampered)}")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Invalid cursor"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="relevance is PostgreSQL's")
@pytest.mark.parametrize("tampered", ["o=0&r=0&p=notafloat", "p=%00", "p=", "p=0x1p3"])
def test_a_tampered_relevance_cursor_is_a_404(client, world, tampered):
    base = "/api/v1/statements/?q=putin&order=relevance&page_size=1"
    response = client.get(f"{base}&cursor={_cursor(tampered)}")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Invalid cursor"


def test_a_genuine_cursor_still_pages(client, world):
    first = client.get("/api/v1/statements/?page_size=1").json()
    second = client.get(first["next"])
    assert second.status_code == 200
    assert second.json()["results"][0]["id"] != first["results"][0]["id"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="relevance is PostgreSQL's")
def test_a_genuine_relevance_cursor_still_pages(client, db):
    for n in range(3):
        StatementFactory(content=f"the ceasefire talks number {n} stalled")
    first = client.get("/api/v1/statements/?q=ceasefire&order=relevance&page_size=1").json()
    assert first["next"]
    second = client.get(first["next"])
    assert second.status_code == 200
