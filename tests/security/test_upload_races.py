"""The same article uploaded twice at the same moment: one row is stored, and the upload that
lost the race gets the existing article, as a later duplicate does (never a uniqueness error).
And an upload while the broker is down says so, in the API as on the page."""

from __future__ import annotations

from unittest import mock

import pytest
from django.urls import reverse
from kombu.exceptions import OperationalError as BrokerError

from entities import services
from entities.models import Article
from entities.services import articles as article_services
from tests.helpers import token_client

pytestmark = pytest.mark.django_db

TEXT = (
    "Talks stall\n\nForeign Minister Jane Doe said on Monday that the talks had stalled. Both "
    "sides would meet again in Geneva next week to try to narrow their differences on prisoners."
)
URL = "https://news.example.org/talks-stall"


@pytest.fixture
def raced(monkeypatch):
    """The racing upload commits between this upload's look-up and its insert: the look-up
    finds nothing the first time, the rows are there for everything after it."""
    real = article_services._existing
    calls = []

    def late(**kwargs):
        calls.append(kwargs)
        return None if len(calls) == 1 else real(**kwargs)

    monkeypatch.setattr(article_services, "_existing", late)
    return calls


@pytest.fixture
def winner(db):
    with mock.patch("entities.tasks.extract_article.delay"):
        article, _ = services.article_create(raw=TEXT, url=URL)
    return article


def test_the_loser_of_a_race_on_the_same_text_gets_the_existing_article(winner, raced):
    article, created = services.article_create(raw=TEXT)
    assert (article, created) == (winner, False)
    assert Article.objects.count() == 1


def test_the_loser_of_a_race_on_the_same_url_gets_the_existing_article(winner, raced):
    article, created = services.article_create(raw=TEXT + " Another line.", url=URL)
    assert (article, created) == (winner, False)


def test_the_api_answers_200_with_the_existing_article(winner, raced, user):
    response = token_client(user).post("/api/v1/articles/", {"text": TEXT}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["id"] == winner.pk
    assert response.json()["created"] is False


def test_the_upload_page_opens_the_existing_article(winner, raced, user_client):
    response = user_client.post(reverse("entities:article_upload"), {"text": TEXT})
    assert response.status_code == 302
    assert response.url == winner.get_absolute_url()


# -- the broker is down ---------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_api_upload_while_the_broker_is_down_warns(user):
    with mock.patch("entities.tasks.extract_article.delay") as delay:
        delay.side_effect = BrokerError("Error 111 connecting to 127.0.0.1:6379.")
        response = token_client(user).post("/api/v1/articles/", {"text": TEXT}, format="json")
    assert response.status_code == 201
    assert response.json()["status"] == "queued"
    assert "cannot be reached" in response.json()["warning"]


@pytest.mark.django_db(transaction=True)
def test_api_upload_with_the_broker_up_has_no_warning(user):
    with mock.patch("entities.tasks.extract_article.delay"):
        response = token_client(user).post("/api/v1/articles/", {"text": TEXT}, format="json")
    assert response.status_code == 201
    assert response.json()["warning"] == ""
