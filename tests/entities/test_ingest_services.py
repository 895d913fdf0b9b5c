"""Ingestion services: batch extraction, enqueueing, reprocessing and the stale sweeper."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.test import override_settings
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from entities import services
from entities.models import Article, Mention, Statement
from entities.nlp import extract_clean as real_extract_clean
from entities.tasks import extract_articles, requeue_stale
from tests.factories import ArticleFactory, MentionFactory, StatementFactory

pytestmark = pytest.mark.django_db

PESKOV = (
    "Kremlin spokesman Dmitry Peskov said on Monday that Russia would not take part in the talks."
    '\n\n"We see no reason to travel to Geneva under these conditions," Peskov told reporters.'
)
BLINKEN = (
    "US Secretary of State Antony Blinken said on Tuesday that Washington would send more aid to "
    'Ukraine.\n\n"We will stand with Kyiv," Blinken told reporters in Brussels.'
)
YOON = (
    "South Korean President Yoon Suk Yeol said on Wednesday that Seoul would strengthen its "
    'defences.\n\n"We will respond firmly to any provocation," Yoon told lawmakers.'
)
POISON = "This article makes the parser crash every time it is read."

EXTRACT_CLEAN = "entities.services.extraction.nlp.extract_clean"


def _crash_on(marker: str):
    """An extract_clean that raises whenever its batch holds a body containing `marker`."""

    def fake(texts, pipeline):
        texts = list(texts)
        if any(marker in t.body for t in texts):
            raise RuntimeError("parser exploded")
        return real_extract_clean(texts, pipeline)

    return fake


def _queued(body: str = "", **kwargs) -> Article:
    if body:
        kwargs["body"] = body
    return ArticleFactory(status=Article.Status.QUEUED, **kwargs)


def _reloaded(*articles: Article) -> list[Article]:
    for article in articles:
        article.refresh_from_db()
    return list(articles)


@pytest.fixture
def delays():
    """Both extraction tasks' delay, patched: (extract_article.delay, extract_articles.delay)."""
    with (
        mock.patch("entities.tasks.extract_article.delay") as one,
        mock.patch("entities.tasks.extract_articles.delay") as many,
    ):
        yield one, many


def _sent_ids(delays) -> list[int]:
    one, many = delays
    ids = [c.args[0] for c in one.call_args_list]
    for c in many.call_args_list:
        ids += list(c.args[0])
    return sorted(ids)


@pytest.fixture
def depth():
    """queue_depth() as the sweeper sees it; None (unknown) unless a test sets return_value."""
    with mock.patch("entities.services.articles.queue_depth", return_value=None) as patched:
        yield patched


# -- articles_extract -------------------------------------------------------------------------


def test_a_batch_marks_every_article_done(nlp):
    articles = [_queued(PESKOV), _queued(BLINKEN), _queued(YOON)]

    services.articles_extract(article_ids=[a.pk for a in articles])

    assert {a.status for a in _reloaded(*articles)} == {Article.Status.DONE}


def test_a_batch_stores_mentions_and_statements_for_every_article(nlp):
    articles = [_queued(PESKOV), _queued(BLINKEN), _queued(YOON)]

    services.articles_extract(article_ids=[a.pk for a in articles])

    for article in articles:
        assert Mention.objects.filter(article=article).exists()
        assert Statement.objects.filter(article=article).exists()


def test_a_crashing_article_in_a_batch_is_failed_with_a_reason(nlp):
    good, bad = _queued(PESKOV), _queued(POISON)

    with mock.patch(EXTRACT_CLEAN, side_effect=_crash_on(POISON)):
        services.articles_extract(article_ids=[good.pk, bad.pk])

    (bad,) = _reloaded(bad)
    assert bad.status == Article.Status.FAILED
    assert "parser exploded" in bad.error


def test_a_crashing_article_does_not_stop_the_others_in_its_batch(nlp):
    first, bad, last = _queued(PESKOV), _queued(POISON), _queued(BLINKEN)

    with mock.patch(EXTRACT_CLEAN, side_effect=_crash_on(POISON)):
        services.articles_extract(article_ids=[first.pk, bad.pk, last.pk])

    first, last = _reloaded(first, last)
    assert (first.status, last.status) == (Article.Status.DONE, Article.Status.DONE)
    assert Statement.objects.filter(article=first).exists()
    assert Statement.objects.filter(article=last).exists()


def test_a_batch_run_counts_one_attempt_per_article_even_when_another_crashes(nlp):
    good, bad = _queued(PESKOV), _queued(POISON)

    with mock.patch(EXTRACT_CLEAN, side_effect=_crash_on(POISON)):
        services.articles_extract(article_ids=[good.pk, bad.pk])

    # the crashing one was started once, though it ran again alone; the good one finished
    good, bad = _reloaded(good, bad)
    assert (good.attempts, bad.attempts) == (0, 1)


@override_settings(NEWSAPP_MAX_ATTEMPTS=3)
def test_a_good_article_with_one_attempt_left_is_not_given_up_beside_a_crashing_one(nlp):
    # two earlier workers died on it; this third start finishes, whatever its batch neighbour does
    good, bad = _queued(PESKOV, attempts=2), _queued(POISON)

    with mock.patch(EXTRACT_CLEAN, side_effect=_crash_on(POISON)):
        services.articles_extract(article_ids=[good.pk, bad.pk])

    (good,) = _reloaded(good)
    assert good.status == Article.Status.DONE
    assert good.error == ""


@override_settings(NEWSAPP_MAX_ATTEMPTS=3)
def test_an_article_started_too_often_is_failed_saying_so(nlp):
    article = _queued(PESKOV, attempts=3)

    services.articles_extract(article_ids=[article.pk])

    (article,) = _reloaded(article)
    assert article.status == Article.Status.FAILED
    assert "started 3 times" in article.error


@override_settings(NEWSAPP_MAX_ATTEMPTS=3)
def test_an_article_started_too_often_is_not_extracted_again(nlp):
    article = _queued(PESKOV, attempts=3)

    with mock.patch(EXTRACT_CLEAN) as extract:
        services.articles_extract(article_ids=[article.pk])

    extract.assert_not_called()
    (article,) = _reloaded(article)
    assert article.attempts == 3
    assert not Mention.objects.filter(article=article).exists()


@override_settings(NEWSAPP_MAX_ATTEMPTS=3)
def test_an_article_given_up_does_not_hold_back_the_rest_of_its_batch(nlp):
    given_up, fresh = _queued(POISON, attempts=3), _queued(PESKOV)

    services.articles_extract(article_ids=[given_up.pk, fresh.pk])

    given_up, fresh = _reloaded(given_up, fresh)
    assert (given_up.status, fresh.status) == (Article.Status.FAILED, Article.Status.DONE)


@override_settings(NEWSAPP_MAX_ATTEMPTS=3)
def test_duplicate_tasks_for_a_finished_article_never_mark_it_failed(nlp):
    # more duplicates than NEWSAPP_MAX_ATTEMPTS: each run finishes, so none counts against it
    article = ArticleFactory(body=PESKOV, status=Article.Status.DONE, finished_at=timezone.now())

    for _ in range(4):
        services.articles_extract(article_ids=[article.pk])

    (article,) = _reloaded(article)
    assert article.status == Article.Status.DONE
    assert article.error == ""


def test_a_soft_time_limit_marks_the_article_failed_with_the_time_limit_reason(nlp):
    article = _queued(PESKOV)

    with mock.patch(EXTRACT_CLEAN, side_effect=SoftTimeLimitExceeded()):
        services.articles_extract(article_ids=[article.pk])

    (article,) = _reloaded(article)
    assert article.status == Article.Status.FAILED
    assert "time limit" in article.error


def test_extraction_records_when_it_started_and_finished(nlp):
    before = timezone.now()
    article = _queued(PESKOV)

    services.articles_extract(article_ids=[article.pk])

    (article,) = _reloaded(article)
    assert article.started_at is not None
    assert article.finished_at is not None
    assert before <= article.started_at <= article.finished_at <= timezone.now()


def test_a_successful_extraction_clears_the_attempt_count(nlp):
    article = _queued(PESKOV, attempts=2)

    services.articles_extract(article_ids=[article.pk])

    (article,) = _reloaded(article)
    assert article.attempts == 0


def test_a_failed_extraction_also_records_its_times_and_attempt(nlp):
    article = _queued(PESKOV)

    with mock.patch(EXTRACT_CLEAN, side_effect=RuntimeError("parser exploded")):
        services.articles_extract(article_ids=[article.pk])

    (article,) = _reloaded(article)
    assert article.started_at is not None
    assert article.finished_at is not None
    assert article.attempts == 1


# -- articles_enqueue -------------------------------------------------------------------------


@override_settings(NEWSAPP_EXTRACT_BATCH=2)
def test_enqueue_sends_batches_of_the_configured_size(delays):
    ids = [_queued().pk for _ in range(5)]
    one, many = delays

    services.articles_enqueue(article_ids=ids)

    assert [c.args[0] for c in many.call_args_list] == [ids[0:2], ids[2:4]]
    one.assert_called_once_with(ids[4])


@override_settings(NEWSAPP_EXTRACT_BATCH=2)
def test_enqueue_stamps_the_articles_the_broker_accepted(delays):
    ids = [_queued().pk for _ in range(5)]

    sent = services.articles_enqueue(article_ids=ids)

    assert sent == 5
    assert not Article.objects.filter(pk__in=ids, enqueued_at__isnull=True).exists()


@override_settings(NEWSAPP_EXTRACT_BATCH=2)
def test_enqueue_leaves_a_refused_batch_unstamped(delays):
    ids = [_queued().pk for _ in range(5)]
    _, many = delays

    def refuse_second_batch(batch):
        if ids[2] in batch:
            raise BrokerError("Connection refused.")

    many.side_effect = refuse_second_batch

    services.articles_enqueue(article_ids=ids)

    unstamped = Article.objects.filter(pk__in=ids, enqueued_at__isnull=True)
    assert sorted(unstamped.values_list("pk", flat=True)) == sorted(ids[2:4])


@override_settings(NEWSAPP_EXTRACT_BATCH=2)
def test_enqueue_does_not_count_a_refused_batch(delays):
    ids = [_queued().pk for _ in range(5)]
    _, many = delays

    def refuse_second_batch(batch):
        if ids[2] in batch:
            raise BrokerError("Connection refused.")

    many.side_effect = refuse_second_batch

    assert services.articles_enqueue(article_ids=ids) == 3


@override_settings(NEWSAPP_EXTRACT_BATCH=2)
def test_enqueue_reports_each_accepted_batch_size(delays):
    ids = [_queued().pk for _ in range(5)]
    on_batch = mock.Mock()

    services.articles_enqueue(article_ids=ids, on_batch=on_batch)

    assert [c.args[0] for c in on_batch.call_args_list] == [2, 2, 1]


@override_settings(NEWSAPP_EXTRACT_BATCH=2)
def test_enqueue_does_not_report_a_refused_batch(delays):
    ids = [_queued().pk for _ in range(5)]
    one, _ = delays
    one.side_effect = BrokerError("Connection refused.")
    on_batch = mock.Mock()

    services.articles_enqueue(article_ids=ids, on_batch=on_batch)

    assert [c.args[0] for c in on_batch.call_args_list] == [2, 2]


# -- articles_reprocess -----------------------------------------------------------------------


def test_reprocess_failed_selects_only_failed_articles(delays):
    failed = ArticleFactory(status=Article.Status.FAILED, error="parser exploded")
    done = ArticleFactory(status=Article.Status.DONE)
    _queued()

    ids = services.articles_reprocess(failed=True)

    assert ids == [failed.pk]
    (done,) = _reloaded(done)
    assert done.status == Article.Status.DONE


def test_reprocess_every_selects_all_articles(delays):
    articles = [
        ArticleFactory(status=Article.Status.FAILED),
        ArticleFactory(status=Article.Status.DONE),
        _queued(),
    ]

    ids = services.articles_reprocess(every=True)

    assert sorted(ids) == sorted(a.pk for a in articles)


def test_reprocess_without_a_selection_selects_nothing(delays):
    ArticleFactory(status=Article.Status.FAILED)

    assert services.articles_reprocess() == []


def test_reprocess_older_than_pipeline_selects_older_and_never_extracted(delays):
    older = ArticleFactory(pipeline_version="0.1.9")
    never = ArticleFactory(pipeline_version="")
    ArticleFactory(pipeline_version="0.2.0")
    ArticleFactory(pipeline_version="0.10.0")

    ids = services.articles_reprocess(older_than_pipeline="0.2.0")

    assert sorted(ids) == sorted([older.pk, never.pk])


def test_reprocess_older_than_pipeline_compares_versions_as_numbers(delays):
    older = ArticleFactory(pipeline_version="0.8.3")
    ArticleFactory(pipeline_version="0.10.0")

    ids = services.articles_reprocess(older_than_pipeline="0.9.0")

    assert ids == [older.pk]


def test_reprocess_ids_selects_the_given_articles(delays):
    first = ArticleFactory()
    ArticleFactory()
    third = ArticleFactory(status=Article.Status.FAILED)

    ids = services.articles_reprocess(ids=[first.pk, third.pk])

    assert sorted(ids) == sorted([first.pk, third.pk])


def test_reprocess_resets_the_chosen_articles(delays):
    article = ArticleFactory(
        status=Article.Status.FAILED,
        attempts=3,
        error="parser exploded",
        enqueued_at=timezone.now() - timedelta(hours=1),
    )

    services.articles_reprocess(ids=[article.pk])

    (article,) = _reloaded(article)
    assert article.status == Article.Status.QUEUED
    assert article.attempts == 0
    assert article.error == ""
    assert article.enqueued_at is None


def test_reprocess_enqueues_only_when_the_transaction_commits(
    delays, django_capture_on_commit_callbacks
):
    article = ArticleFactory(status=Article.Status.FAILED)
    one, _ = delays

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.articles_reprocess(ids=[article.pk])
    assert one.call_count == 0

    for callback in callbacks:
        callback()

    one.assert_called_once_with(article.pk)


def test_reprocess_keeps_the_rows_of_the_previous_extraction(
    delays, django_capture_on_commit_callbacks
):
    article = ArticleFactory(status=Article.Status.DONE, pipeline_version="0.1.0")
    MentionFactory(article=article)
    StatementFactory(article=article)

    with django_capture_on_commit_callbacks(execute=True):
        services.articles_reprocess(ids=[article.pk])

    assert Mention.objects.filter(article=article).count() == 1
    assert Statement.objects.filter(article=article).count() == 1


# -- articles_requeue_stale -------------------------------------------------------------------


def _ago(**kwargs):
    return timezone.now() - timedelta(**kwargs)


def test_sweeper_sends_a_queued_article_the_broker_never_accepted(delays, depth):
    article = _queued(queued_at=_ago(minutes=5), enqueued_at=None)

    ids = services.articles_requeue_stale()

    assert ids == [article.pk]
    assert _sent_ids(delays) == [article.pk]


def test_sweeper_leaves_an_article_queued_a_moment_ago(delays, depth):
    _queued(queued_at=timezone.now(), enqueued_at=None)

    ids = services.articles_requeue_stale()

    assert ids == []
    assert _sent_ids(delays) == []


@override_settings(NEWSAPP_STALE_AFTER=1200)
def test_sweeper_sends_an_article_processing_for_too_long(delays, depth):
    article = ArticleFactory(
        status=Article.Status.PROCESSING,
        queued_at=_ago(minutes=40),
        enqueued_at=_ago(minutes=40),
        started_at=_ago(minutes=30),
    )

    ids = services.articles_requeue_stale()

    assert ids == [article.pk]
    assert _sent_ids(delays) == [article.pk]


@override_settings(NEWSAPP_STALE_AFTER=1200)
def test_sweeper_leaves_an_article_processing_since_recently(delays, depth):
    ArticleFactory(
        status=Article.Status.PROCESSING,
        queued_at=_ago(minutes=2),
        enqueued_at=_ago(minutes=2),
        started_at=_ago(minutes=1),
    )

    assert services.articles_requeue_stale() == []


@override_settings(NEWSAPP_STALE_AFTER=1200)
def test_sweeper_sends_an_article_sent_long_ago_when_the_queue_is_empty(delays, depth):
    depth.return_value = 0
    article = _queued(queued_at=_ago(minutes=30), enqueued_at=_ago(minutes=30))

    ids = services.articles_requeue_stale()

    assert ids == [article.pk]
    assert _sent_ids(delays) == [article.pk]


@override_settings(NEWSAPP_STALE_AFTER=1200)
def test_sweeper_leaves_an_article_sent_long_ago_while_the_queue_has_a_backlog(delays, depth):
    depth.return_value = 5
    _queued(queued_at=_ago(minutes=30), enqueued_at=_ago(minutes=30))

    ids = services.articles_requeue_stale()

    assert ids == []
    assert _sent_ids(delays) == []


@override_settings(NEWSAPP_STALE_AFTER=1200)
def test_sweeper_never_sends_done_or_failed_articles(delays, depth):
    depth.return_value = 0
    for status in (Article.Status.DONE, Article.Status.FAILED):
        ArticleFactory(
            status=status,
            queued_at=_ago(hours=2),
            enqueued_at=None,
            started_at=_ago(hours=2),
            finished_at=_ago(hours=1),
        )

    ids = services.articles_requeue_stale()

    assert ids == []
    assert _sent_ids(delays) == []


def test_sweeper_stamps_the_articles_it_sent_again(delays, depth):
    article = _queued(queued_at=_ago(minutes=5), enqueued_at=None)

    services.articles_requeue_stale()

    (article,) = _reloaded(article)
    assert article.enqueued_at is not None


@override_settings(NEWSAPP_STALE_AFTER=1200)
def test_sweeper_does_not_resend_a_stuck_article_on_every_run_while_its_task_waits(delays, depth):
    # the first run sends it again; the queue then holds a backlog that includes that task,
    # which is exactly when "sending again would only duplicate work"
    ArticleFactory(
        status=Article.Status.PROCESSING,
        queued_at=_ago(minutes=40),
        enqueued_at=_ago(minutes=40),
        started_at=_ago(minutes=30),
    )
    services.articles_requeue_stale()
    depth.return_value = 5

    assert services.articles_requeue_stale() == []


# -- tasks ------------------------------------------------------------------------------------


def test_extract_articles_task_returns_the_status_counts(nlp):
    articles = [_queued(PESKOV), _queued(BLINKEN)]

    counts = extract_articles.delay([a.pk for a in articles]).get()

    assert counts == {"done": 2}


def test_extract_articles_task_counts_a_crashing_article_as_failed(nlp):
    articles = [_queued(PESKOV), _queued(POISON), _queued(BLINKEN)]

    with mock.patch(EXTRACT_CLEAN, side_effect=_crash_on(POISON)):
        counts = extract_articles.delay([a.pk for a in articles]).get()

    assert counts == {"done": 2, "failed": 1}


def test_requeue_stale_task_returns_how_many_it_sent(delays, depth):
    for _ in range(2):
        _queued(queued_at=_ago(minutes=5), enqueued_at=None)
    _queued(queued_at=timezone.now(), enqueued_at=None)

    assert requeue_stale.delay().get() == 2


def test_a_batch_out_of_time_is_sent_again_one_article_per_task(nlp, delays):
    articles = [_queued(PESKOV), _queued(BLINKEN)]
    one, many = delays

    with mock.patch(EXTRACT_CLEAN, side_effect=SoftTimeLimitExceeded()):
        services.articles_extract(article_ids=[a.pk for a in articles])

    assert many.call_count == 0
    assert sorted(c.args[0] for c in one.call_args_list) == sorted(a.pk for a in articles)
    assert {a.status for a in _reloaded(*articles)} != {Article.Status.FAILED}


def test_a_model_that_cannot_be_loaded_fails_the_article_with_the_reason(nlp):
    article = _queued(PESKOV)

    with mock.patch(
        "entities.services.extraction.nlp.load", side_effect=OSError("meta.json is corrupt")
    ):
        services.articles_extract(article_ids=[article.pk])

    (article,) = _reloaded(article)
    assert article.status == Article.Status.FAILED
    assert "could not be loaded" in article.error
    assert "meta.json is corrupt" in article.error


def test_the_sweeper_sends_stale_articles_one_per_task(delays, depth):
    stale = [
        ArticleFactory(
            status=Article.Status.PROCESSING, started_at=timezone.now() - timedelta(hours=2)
        )
        for _ in range(3)
    ]

    services.articles_requeue_stale()

    one, many = delays
    assert many.call_count == 0
    assert sorted(c.args[0] for c in one.call_args_list) == sorted(a.pk for a in stale)
