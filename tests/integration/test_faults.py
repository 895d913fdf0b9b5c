"""Faults in ingestion lose nothing: killed workers, a broker down at upload, a crashing article."""

from __future__ import annotations

import pytest

from entities import services
from entities.models import Article, Statement
from tests.helpers import manage, wait_for

pytestmark = [pytest.mark.services, pytest.mark.slow]

PARAGRAPH = (
    "Kremlin spokesman Dmitry Peskov said on Monday that Russia would not take part in the "
    'talks. "We see no reason to travel to Geneva under these conditions," Peskov told '
    "reporters, adding that Moscow would watch what Washington does next.\n\n"
)


def _article(text: str) -> Article:
    article, created = services.article_create(raw=text, enqueue=False)
    assert created
    return article


def _status(article: Article) -> str:
    article.refresh_from_db()
    return article.status


def test_a_worker_killed_during_a_task_loses_no_article(private_redis, start_worker):
    # long enough (about 30,000 words) for the worker to be caught in the middle of it
    article = _article("Peskov rejects talks\n\n" + PARAGRAPH * 600)
    # a short visibility timeout: an unacknowledged task goes back to the queue within seconds
    env = {"NEWSAPP_VISIBILITY_TIMEOUT": "5"}
    first = start_worker(private_redis.url, **env)
    assert manage(private_redis.url, "reprocess", str(article.pk)).returncode == 0
    wait_for(lambda: _status(article) == Article.Status.PROCESSING, 60, "processing")

    first.kill()

    assert _status(article) == Article.Status.PROCESSING
    killed_during = article.started_at
    start_worker(private_redis.url, **env)
    wait_for(lambda: _status(article) == Article.Status.DONE, 180, "done after a new worker")
    assert article.started_at > killed_during  # started again by the new worker
    assert Statement.objects.filter(article=article, speaker__name="Dmitry Peskov").exists()


def test_an_upload_while_the_broker_is_down_is_processed_once_it_is_back(
    private_redis, start_worker, tmp_path
):
    start_worker(private_redis.url)
    upload = tmp_path / "peskov.txt"
    upload.write_text("Peskov rejects talks\n\n" + PARAGRAPH)
    private_redis.stop()

    result = manage(private_redis.url, "import_articles", "--quiet-progress", str(upload))

    assert result.returncode == 0, result.stderr
    assert "could not be sent to the workers" in result.stdout
    article = Article.objects.get()
    assert article.status == Article.Status.QUEUED
    assert article.enqueued_at is None

    private_redis.start()
    swept = manage(private_redis.url, "requeue_stale", "--older-than", "0")

    assert f"ids: {article.pk}" in swept.stdout
    wait_for(lambda: _status(article) == Article.Status.DONE, 120, "done after the sweep")
    assert Statement.objects.filter(article=article, speaker__name="Dmitry Peskov").exists()


def test_an_article_that_breaks_extraction_fails_with_its_reason_and_the_others_finish(
    private_redis, start_worker
):
    good = [_article(f"Talks, day {n}\n\n{PARAGRAPH}Day {n} of the talks.") for n in (1, 2)]
    # over spaCy's maximum document length: the parser refuses it (short sentences, so that
    # the shape checks of entities/nlp/limits.py let it through to spaCy)
    broken = Article.objects.create(
        title="Far too long",
        body="Word. " * 170_000,
        raw="word",
        content_hash="f" * 64,
    )
    start_worker(private_redis.url)
    ids = [str(a.pk) for a in [good[0], broken, good[1]]]

    assert manage(private_redis.url, "reprocess", *ids).returncode == 0

    for article in [*good, broken]:
        wait_for(lambda a=article: _status(a) in ("done", "failed"), 120, f"article {article.pk}")
    assert [a.status for a in good] == [Article.Status.DONE, Article.Status.DONE]
    assert broken.status == Article.Status.FAILED
    assert "exceeds maximum" in broken.error
