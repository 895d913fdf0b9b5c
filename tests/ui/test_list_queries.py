"""The statement and article lists, the searches and the exports run as many queries with 200
statements as with 20 (issue 16: a query per row, or a count of every row, is what made them
slow at a million), and the exports never read an article's body or raw input whole."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from entities.models import Actor
from tests.factories import ActorFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db

# the most any of these reads may run, whatever the number of rows: the filters' actors, a
# count (and on PostgreSQL its estimate), a page's ids and rows, their targets, the form's
# publishers, and on PostgreSQL the plan's setting in a transaction (entities.selectors.keyset);
# the header search runs two such lists and the actors'; in a test's transaction the plan's
# setting is also set back (entities.selectors.keyset._planned)
MAX_QUERIES = 18

PAGES = [
    "/statements/",
    "/statements/?q=talks",
    "/statements/?q=talks&order=relevance",
    "/statements/?q=%22talks+round%22&speaker=speaker-1&target=korea",
    "/statements/?date_from=2024-01-01&date_to=2024-12-31&kind=direct",
    "/articles/",
    "/articles/?q=talks&status=done",
    "/search/?q=talks",
    "/api/v1/statements/?q=talks&page_size=100",
    "/api/v1/statements/?q=talks&order=relevance&page_size=100",
    "/api/v1/articles/?page_size=100",
]
EXPORTS = [
    "/statements/export.csv",
    "/statements/export.json?q=talks",
    "/api/v1/statements/export/?format=csv",
    "/api/v1/statements/export/?format=jsonl&q=talks",
]


def _world(rows: int, *, start: int = 0) -> None:
    korea = Actor.objects.filter(slug="korea").first() or ActorFactory(
        name="North Korea", slug="korea", kind=Actor.Kind.COUNTRY
    )
    speakers = [
        Actor.objects.filter(slug=f"speaker-{i}").first()
        or ActorFactory(slug=f"speaker-{i}", country=korea)
        for i in range(5)
    ]
    for i in range(start, start + rows):
        day = f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}" if i % 10 else None
        said(speakers[i % 5], f"Talks round {i} with Pyongyang", about=[korea], published=day)


def _run(url: str) -> list[dict]:
    client = APIClient()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming:
            b"".join(response.streaming_content)
    return queries.captured_queries


@pytest.mark.parametrize("url", PAGES + EXPORTS)
def test_a_read_runs_as_many_queries_with_200_statements_as_with_20(url):
    _world(20)
    few = len(_run(url))
    _world(180, start=20)

    many = len(_run(url))

    assert many <= MAX_QUERIES, url
    if url.startswith("/statements/export") or "/export/" in url:
        return  # an export reads 200 rows in one chunk too: CHUNKS starts at 100, then 1,000
    assert many == few, url


def test_an_export_of_5000_rows_reads_a_chunk_at_a_time(monkeypatch):
    from entities import exports

    monkeypatch.setattr(exports, "CHUNKS", (20, 50))
    _world(200)

    queries = _run("/api/v1/statements/export/?format=csv")

    # the truncation check is the page's; the API's: chunks of 20, 50, 50, 50, 30: each the
    # statements and their targets
    statement_reads = [q for q in queries if '"entities_statementtarget"' not in q["sql"]]
    assert len(statement_reads) == 5
    assert len(queries) == 10


@pytest.mark.parametrize("url", EXPORTS)
def test_an_export_never_reads_an_article_body_or_raw_input_whole(url):
    _world(30)

    for query in _run(url):
        sql = re.sub(r'SUBSTR\w*\("entities_article"\."body"', "", query["sql"])
        assert '"entities_article"."body"' not in sql, sql
        assert '"entities_article"."raw"' not in sql, sql


def test_the_export_is_streamed_with_its_header_first(client):
    _world(30)

    response = client.get("/statements/export.csv")
    chunks = iter(response.streaming_content)

    assert response.streaming
    assert next(chunks).decode("utf-8-sig").startswith("id,article_id,")
    assert len(b"".join(chunks).decode().splitlines()) == 30
