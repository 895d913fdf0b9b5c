"""Every list endpoint answers in a bounded number of queries, whatever the number of rows."""

from __future__ import annotations

import pytest

from tests.factories import (
    ActorFactory,
    ArticleFactory,
    MentionFactory,
    StatementFactory,
    StatementTargetFactory,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8


@pytest.fixture
def many(db):
    """40 articles, 40 speakers, 80 statements with two targets each."""
    hub = ActorFactory(slug="hub", name="Hub Actor")
    country = ActorFactory(slug="land", name="Land", kind="country")
    articles = ArticleFactory.create_batch(40)
    for n, article in enumerate(articles):
        speaker = ActorFactory(country=country)
        MentionFactory(article=article, actor=speaker)
        MentionFactory(article=article, actor=hub)
        for _ in range(2):
            statement = StatementFactory(article=article, speaker=speaker if n % 2 else hub)
            StatementTargetFactory(statement=statement, actor=hub if n % 2 else speaker)
            StatementTargetFactory(statement=statement, actor=country)
    return hub


@pytest.mark.parametrize(
    ("url", "rows"),
    [
        ("/api/v1/articles/?page_size=200", 40),
        ("/api/v1/actors/?page_size=200", 42),
        ("/api/v1/actors/?page_size=200&ordering=statements_by&country=land", 40),
        ("/api/v1/statements/?page_size=200", 80),
        ("/api/v1/statements/?page_size=200&target=land&q=a", None),
        ("/api/v1/actors/hub/statements/?page_size=200", 40),
        ("/api/v1/actors/hub/about/?page_size=200", 40),
        ("/api/v1/actors/land/on/hub/?page_size=200&both=1", None),
    ],
)
def test_lists_are_bounded(api, many, django_assert_max_num_queries, url, rows):
    with django_assert_max_num_queries(MAX_QUERIES):
        response = api.get(url)
    assert response.status_code == 200
    if rows is not None:
        assert len(response.json()["results"]) == rows


def test_actor_detail_is_bounded(api, many, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES + 4):
        assert api.get("/api/v1/actors/hub/").status_code == 200


def test_article_detail_is_bounded(api, many, django_assert_max_num_queries):
    article = many.mentions.first().article
    with django_assert_max_num_queries(MAX_QUERIES):
        response = api.get(f"/api/v1/articles/{article.pk}/")
    assert len(response.json()["statements"]) == 2


def test_graph_is_bounded(api, many, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES):
        response = api.get("/api/v1/graph/")
    assert len(response.json()["edges"]) == 61  # 20 speakers -> hub, land; hub -> 20 + land


def test_export_is_bounded(api, many, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES):
        response = api.get("/api/v1/statements/export/?format=jsonl")
        lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 80
