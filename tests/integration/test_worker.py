"""An upload goes through a real Celery worker on Redis into PostgreSQL."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse

from entities.models import Article, Statement

pytestmark = [pytest.mark.services, pytest.mark.slow]

TEXT = """Kremlin rejects talks

Kremlin spokesman Dmitry Peskov said on Monday that Russia would not take part in the talks.

"We see no reason to travel to Geneva under these conditions," Peskov told reporters.
"""


def _wait_until_finished(article: Article, timeout: float = 120) -> Article:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        article.refresh_from_db()
        if article.status in (Article.Status.DONE, Article.Status.FAILED):
            return article
        time.sleep(0.5)
    raise AssertionError(f"article still {article.status} after {timeout}s")


def test_uploaded_article_is_extracted_by_a_worker(worker, client, django_user_model):
    user = django_user_model.objects.create_user(username="editor", password="pw-long-enough")
    client.force_login(user)

    response = client.post(reverse("entities:article_upload"), {"text": TEXT})

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Article.Status.QUEUED  # the web process did not extract it
    article = _wait_until_finished(article)
    assert article.status == Article.Status.DONE, article.error
    quotes = Statement.objects.filter(article=article, kind=Statement.Kind.DIRECT)
    assert [q.speaker.name for q in quotes] == ["Dmitry Peskov"]
    assert "reason to travel to Geneva" in quotes[0].content
    assert "succeeded" in worker.log.read_text()


def test_an_empty_redis_queue_has_depth_zero(services):
    # Redis deletes an empty list; that must read as an empty queue, not as "unknown"
    from entities.services import queue_depth

    assert queue_depth() == 0
