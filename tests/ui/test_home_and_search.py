"""Home page and the global search box."""

from __future__ import annotations

import pytest
from django.urls import reverse

from entities.models import Actor
from tests.factories import ActorFactory, ArticleFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db

HOME = reverse("entities:home")
SEARCH = reverse("entities:search")


def test_home_shows_counts(client):
    peskov = ActorFactory(name="Dmitry Peskov")
    said(peskov, "We see no reason to travel to Geneva")

    response = client.get(HOME)

    assert response.status_code == 200
    stats = response.context["stats"]
    assert (stats["articles"], stats["statements"]) == (1, 1)
    assert '<span class="figure">1</span> statement</a>' in response.text  # singular


def test_home_lists_the_most_quoted_and_most_discussed_actors(client):
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    korea = ActorFactory(name="North Korea", slug="north-korea", kind=Actor.Kind.COUNTRY)
    said(peskov, "Pyongyang is a neighbour", about=[korea])
    said(peskov, "Talks will continue")

    response = client.get(HOME)

    assert response.context["stats"]["most_quoted"] == [(peskov, 2)]
    assert response.context["stats"]["most_discussed"] == [(korea, 1)]
    assert 'href="/actors/dmitry-peskov/">Dmitry Peskov</a>' in response.text
    assert 'href="/actors/north-korea/">North Korea</a>' in response.text


def test_home_lists_recent_articles(client):
    ArticleFactory(title="Seoul summons Japanese envoy")

    response = client.get(HOME)

    assert "Seoul summons Japanese envoy" in response.text


def test_home_is_titled_and_has_the_search_box(client):
    response = client.get(HOME)

    assert "<title>Home · newsapp</title>" in response.text
    assert f'action="{SEARCH}"' in response.text


@pytest.mark.parametrize("rows", [3, 30])
def test_home_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, rows):
    country = ActorFactory(kind=Actor.Kind.COUNTRY)
    for i in range(rows):
        said(ActorFactory(), f"Statement number {i} about the talks", about=[country])

    # three totals (statistics, then an exact count while a table is small: two each), the
    # latest articles, the most quoted and discussed (their counts, then their actors)
    with django_assert_max_num_queries(11):
        response = client.get(HOME)

    assert response.status_code == 200


def test_search_finds_actors_statements_and_articles(client):
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    statement = said(peskov, "Peskov will not go to Geneva", title="Peskov snubs Geneva")

    response = client.get(SEARCH, {"q": "peskov"})

    assert response.context["actors"] == [peskov]
    assert response.context["statements"] == [statement]
    assert [a.pk for a in response.context["articles"]] == [statement.article_id]
    assert "<mark>Peskov</mark> will not go to Geneva" in response.text
    assert "<title>Search: peskov · newsapp</title>" in response.text


def test_search_links_a_statement_to_its_sentence(client):
    statement = said(ActorFactory(name="Dmitry Peskov"), "Geneva is off")

    response = client.get(SEARCH, {"q": "geneva"})

    url = f"/articles/{statement.article_id}/?s={statement.pk}#statement-{statement.pk}"
    assert f'href="{url}"' in response.text


def test_search_without_words_goes_home(client):
    response = client.get(SEARCH, {"q": "  "})

    assert response.status_code == 302
    assert response.url == HOME


def test_search_escapes_the_query(client):
    response = client.get(SEARCH, {"q": "<script>x</script>"})

    assert "<script>x</script>" not in response.text
    assert "&lt;script&gt;x&lt;/script&gt;" in response.text


@pytest.mark.parametrize("rows", [3, 30])
def test_search_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, rows):
    for i in range(rows):
        said(ActorFactory(name=f"Talker {i}"), f"The talks number {i} went well")

    # the actors; for statements and articles each: a count, a page's ids and rows (and the
    # statements' targets); on PostgreSQL the counts' estimates and the plans' settings (set
    # back after, inside a test's transaction)
    with django_assert_max_num_queries(18):
        response = client.get(SEARCH, {"q": "talk"})

    assert response.status_code == 200


def test_article_list_filters_by_publisher_and_dates(client):
    hit = ArticleFactory(publisher="Yonhap", published_at="2024-06-14T12:00:00Z")
    ArticleFactory(publisher="Yonhap", published_at="2020-06-14T12:00:00Z")
    ArticleFactory(publisher="TASS", published_at="2024-06-14T12:00:00Z")

    response = client.get(
        reverse("entities:article_list"),
        {"publisher": "yonhap", "date_from": "2024-01-01", "date_to": "2024-12-31"},
    )

    assert list(response.context["page"].object_list) == [hit]


def test_article_list_with_a_bad_date_says_so_at_the_field(client):
    response = client.get(reverse("entities:article_list"), {"date_from": "yesterday"})

    assert response.context["page"] is None
    assert 'id="id_date_from-errors"' in response.text
