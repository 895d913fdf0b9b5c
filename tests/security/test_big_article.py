"""Issue 17, points 1 and 3: one article with many statements and mentions must not make a
page view, an API read, an export or the progress poll grow with the article. What would
fail before the fix: every statement row carried the article's body and raw input, the
article page and API detail rendered every statement and mention, exports were built whole,
and the progress poll joined statements x mentions."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from entities.selectors.articles import ARTICLE_MENTIONS_SHOWN, ARTICLE_STATEMENTS_PAGE
from tests.security.helpers import big_article

pytestmark = pytest.mark.django_db

STATEMENTS = ARTICLE_STATEMENTS_PAGE * 2 + 50  # three pages
MENTIONS = 5  # a statement: 2,250 mentions, more than a page marks
PADDING = 200_000  # the body and raw input each weigh this much more than the lines


@pytest.fixture
def article():
    return big_article(statements=STATEMENTS, mentions_per_statement=MENTIONS, body_padding=PADDING)


def _whole_body_reads(queries) -> list[str]:
    """Queries that read an article's whole body or raw input while listing statements (a cut
    of the body, SUBSTR or SUBSTRING(...), is what a listing may take)."""
    found = []
    for q in queries:
        sql = q["sql"]
        if "entities_statement" not in sql:
            continue
        if '"entities_article"."raw"' in sql:
            found.append(sql)
        for m in re.finditer(r'"entities_article"\."body"', sql):
            if not sql[: m.start()].upper().endswith(("SUBSTR(", "SUBSTRING(")):
                found.append(sql)
    return found


def _streamed(response) -> str:
    assert response.streaming, "exports must stream"
    return b"".join(response.streaming_content).decode()


@pytest.mark.parametrize(
    "url",
    [
        "/statements/",
        "/statements/export.csv",
        "/statements/export.json",
        "/api/v1/statements/",
        "/api/v1/statements/export/?format=csv",
        "/api/v1/statements/export/?format=jsonl",
        "/actors/big-actor-0/",
        "/actors/big-actor-0/on/big-actor-1/",
        "/api/v1/actors/big-actor-0/statements/",
        "/api/v1/actors/big-actor-0/on/big-actor-1/?both=true",
        "/search/?q=Speakerbig00000",
    ],
)
def test_statement_lists_never_fetch_the_article_body_or_raw(client, article, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            _streamed(response)

    assert response.status_code == 200
    assert _whole_body_reads(queries.captured_queries) == []


def test_the_pair_page_still_shows_each_statement_in_its_sentence(client, article):
    response = client.get("/actors/big-actor-0/on/big-actor-1/")

    # statement 90 is 6,000 characters into the body: its sentence comes from a cut of the body
    assert (
        "<b>Speaker00090</b> <i>said</i> that <mark>Target00001 would answer the letter number "
        "90</mark>.</a>"
    ) in response.text


def test_the_article_page_shows_one_page_of_statements_and_says_how_many(client, article):
    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert response.text.count('class="statement-item') == ARTICLE_STATEMENTS_PAGE
    assert f'Statements <span class="muted">({STATEMENTS})</span>' in response.text
    assert f"Showing 1–{ARTICLE_STATEMENTS_PAGE} of {STATEMENTS}" in response.text
    assert 'rel="next" href="?page=2#statements"' in response.text
    assert response.text.count('class="mention kind-') <= ARTICLE_MENTIONS_SHOWN + 10  # + legend
    assert (
        f"the first {ARTICLE_MENTIONS_SHOWN} of its {STATEMENTS * MENTIONS} mentions"
        in response.text
    )


def test_the_show_more_link_leads_to_the_rest(client, article):
    ids = list(article.statements.order_by("content_start").values_list("pk", flat=True))

    last = client.get(f"{article.get_absolute_url()}?page=3")

    shown = [int(i) for i in re.findall(r'id="statement-(\d+)"', last.text)]
    assert shown == ids[2 * ARTICLE_STATEMENTS_PAGE :]
    assert 'rel="prev" href="?page=2#statements"' in last.text
    assert 'rel="next"' not in last.text


def test_a_link_to_a_statement_opens_the_page_that_holds_it(client, article):
    ids = list(article.statements.order_by("content_start").values_list("pk", flat=True))
    wanted = ids[ARTICLE_STATEMENTS_PAGE + 7]

    response = client.get(reverse("entities:statement_detail", args=[wanted]), follow=True)

    assert f'is-selected" id="statement-{wanted}"' in response.text
    assert f'data-statement="{wanted}">' in response.text  # and it is marked in the text


def test_the_article_page_reads_the_body_once(client, article):
    with CaptureQueriesContext(connection) as queries:
        client.get(article.get_absolute_url())

    reads = [q for q in queries.captured_queries if '"entities_article"."body"' in q["sql"]]
    assert len(reads) == 1
    assert not any('"entities_article"."raw"' in q["sql"] for q in queries.captured_queries)


def test_the_api_detail_is_bounded_and_pages_through_everything(article):
    api = APIClient()

    data = api.get(f"/api/v1/articles/{article.pk}/").json()

    assert (data["statement_count"], data["mention_count"]) == (STATEMENTS, STATEMENTS * MENTIONS)
    assert len(data["statements"]) == ARTICLE_STATEMENTS_PAGE
    assert len(data["mentions"]) == ARTICLE_MENTIONS_SHOWN
    seen, url = [], data["links"]["statements"] + "?page_size=200"
    while url:
        page = api.get(url).json()
        seen += [s["id"] for s in page["results"]]
        url = page["next"]
    assert seen == list(
        article.statements.order_by("content_start", "pk").values_list("pk", flat=True)
    )
    mentions = api.get(data["links"]["mentions"]).json()
    assert mentions["count"] == STATEMENTS * MENTIONS
    assert mentions["results"][0]["start"] == 0


def test_the_page_exports_stream_every_row(client, article):
    rows = list(csv.DictReader(io.StringIO(_streamed(client.get("/statements/export.csv")))))
    document = json.loads(_streamed(client.get("/statements/export.json")))

    assert len(rows) == STATEMENTS
    assert (document["count"], document["truncated"]) == (STATEMENTS, False)
    assert rows[0]["permalink"] == document["results"][0]["permalink"]


def test_page_and_api_exports_write_one_record(client, article):
    page = json.loads(_streamed(client.get("/statements/export.json")))["results"][0]
    api = json.loads(
        _streamed(client.get("/api/v1/statements/export/?format=jsonl")).split("\n")[0]
    )

    assert page == api


def test_progress_counts_without_joining_statements_and_mentions(client, article):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("entities:article_progress", args=[article.pk]))

    assert f"{STATEMENTS} statements, {STATEMENTS * MENTIONS} mentions" in response.text
    for q in queries.captured_queries:
        sql = q["sql"]
        assert not ("entities_statement" in sql and "entities_mention" in sql), sql
