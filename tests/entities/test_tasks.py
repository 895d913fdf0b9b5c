"""The extraction task: a thin wrapper that calls the service and reports the status."""

from __future__ import annotations

from unittest import mock

import pytest

from entities.models import Article, Mention
from entities.tasks import extract_article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

BODY = (
    "Kremlin spokesman Dmitry Peskov said on Monday that Russia would not take part in the talks."
    '\n\n"We see no reason to travel to Geneva under these conditions," Peskov told reporters.'
)


def test_the_task_runs_the_extraction_and_returns_the_status(nlp):
    article = ArticleFactory(title="Kremlin rejects talks", body=BODY, status="queued")

    result = extract_article.delay(article.pk).get()

    article.refresh_from_db()
    assert result == Article.Status.DONE
    assert article.status == Article.Status.DONE
    assert Mention.objects.filter(article=article, text="Dmitry Peskov").exists()


def test_the_task_passes_the_id_to_the_service():
    article = ArticleFactory(status=Article.Status.FAILED)

    with mock.patch(
        "entities.tasks.services.article_extract", return_value=article
    ) as article_extract:
        result = extract_article.delay(article.pk).get()

    article_extract.assert_called_once_with(article_id=article.pk)
    assert result == Article.Status.FAILED


def test_the_task_returns_none_for_a_missing_article():
    result = extract_article.delay(987654).get()

    assert result is None
