"""Issue 17, point 4: cheap inputs must not cost minutes of worker time. Texts whose shape
makes spaCy or the rules superlinear are refused before either runs (at upload with a 400, in
the worker with a reason stored on the article), and every article has a time budget after
which it fails with a reason. Before: 20 KB of '"' took 159 s, 500 KB of 'said said ...' 265 s,
and nothing bounded one article but the whole task's time limit."""

from __future__ import annotations

import time

import pytest

from entities import services
from entities.models import Article
from entities.nlp.limits import unextractable_reason
from entities.nlp.types import ExtractionResult, Metadata
from tests.factories import ArticleFactory
from tests.helpers import token_client

pytestmark = pytest.mark.django_db

QUOTES = '"' * 20_000
SAID = "said " * 99_999  # 500 KB, just under the article size limit
PLAIN = (
    "Kremlin spokesman Dmitry Peskov said on Tuesday that the talks had stalled. "
    '"We see no reason to hurry," he told reporters in Moscow.\n\n'
    "Ukrainian President Volodymyr Zelensky said Russia was not serious about peace. "
) * 40


@pytest.fixture
def uploader(django_user_model):
    user = django_user_model.objects.create_user(username="up", password="a-long-phrase")
    return token_client(user)


@pytest.mark.parametrize(
    ("text", "says"),
    [(QUOTES, "20,000 characters without a space"), (SAID, "a sentence of 99,999 words")],
    ids=["quotes", "said"],
)
def test_a_pathological_upload_is_refused_at_once(uploader, text, says):
    response = uploader.post("/api/v1/articles/", {"text": text}, format="json")

    assert response.status_code == 400
    assert says in response.json()["error"]["fields"]["text"][0]
    assert not Article.objects.exists()


def test_an_ordinary_article_passes_the_checks():
    assert unextractable_reason(PLAIN) is None


def test_a_stored_pathological_article_fails_with_its_reason_before_spacy_runs():
    # stored before the check existed, or reprocessed: the worker refuses it too (this test
    # is not marked slow, so loading the spaCy model would fail it)
    article = ArticleFactory(body=QUOTES, status=Article.Status.QUEUED)

    services.article_extract(article_id=article.pk)

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "characters without a space" in article.error


def _slow_for(slow_bodies: set[str]):
    """A stand-in for nlp.extract_clean that takes 30 s (interruptibly) on the given bodies."""

    def extract_clean(texts, pipeline, **kwargs):
        for text in texts:
            if text.body in slow_bodies:
                time.sleep(30)
            yield ExtractionResult(title=text.title, body=text.body, metadata=Metadata())

    return extract_clean


@pytest.fixture
def fake_model(monkeypatch):
    monkeypatch.setattr("entities.services.extraction.nlp.load", lambda name: object())


def test_an_article_over_its_budget_fails_with_the_reason(settings, monkeypatch, fake_model):
    settings.NEWSAPP_EXTRACT_BUDGET = 0.5
    article = ArticleFactory(body="A slow one said so.", status=Article.Status.QUEUED)
    monkeypatch.setattr("entities.services.extraction.nlp.extract_clean", _slow_for({article.body}))

    services.article_extract(article_id=article.pk)  # without the budget: done after 30 s

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "longer than 0.5 s (NEWSAPP_EXTRACT_BUDGET)" in article.error


def test_one_slow_article_does_not_fail_the_others_of_its_batch(settings, monkeypatch, fake_model):
    settings.NEWSAPP_EXTRACT_BUDGET = 0.5
    slow = ArticleFactory(body="A slow one said so.", status=Article.Status.QUEUED)
    quick = ArticleFactory(body="A quick one said so.", status=Article.Status.QUEUED)
    monkeypatch.setattr("entities.services.extraction.nlp.extract_clean", _slow_for({slow.body}))

    services.articles_extract(article_ids=[slow.pk, quick.pk])

    slow.refresh_from_db()
    quick.refresh_from_db()
    assert (slow.status, quick.status) == (Article.Status.FAILED, Article.Status.DONE)
