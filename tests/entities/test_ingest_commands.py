"""Ingestion commands: reprocess, requeue_stale, and import_articles' extraction summary."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from entities.models import Article
from entities.nlp import extract_clean as real_extract_clean
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

GENEVA = """Kremlin rejects talks in Geneva

Kremlin spokesman Dmitry Peskov said on Monday that Russia would not take part in the talks.

"We see no reason to travel to Geneva under these conditions," Peskov told reporters.
"""

KYIV = """Blinken pledges more aid to Ukraine

US Secretary of State Antony Blinken said on Tuesday that Washington would send more aid to Ukraine.

"We will stand with Kyiv," Blinken told reporters in Brussels.
"""

POISON_MARKER = "makes the parser crash"
POISON = f"""A troublesome article

This article {POISON_MARKER} every time it is read by the extraction pipeline, whatever the
worker, the batch or the time of day, as the operators found out after a long night.
"""


@pytest.fixture
def delays():
    with (
        mock.patch("entities.tasks.extract_article.delay") as one,
        mock.patch("entities.tasks.extract_articles.delay") as many,
    ):
        yield one, many


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "geneva.txt").write_text(GENEVA, encoding="utf-8")
    (tmp_path / "kyiv.txt").write_text(KYIV, encoding="utf-8")
    return tmp_path


def _call(name: str, *args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(name, *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _crash_on(marker: str):
    def fake(texts, pipeline):
        texts = list(texts)
        if any(marker in t.body for t in texts):
            raise RuntimeError("parser exploded")
        return real_extract_clean(texts, pipeline)

    return fake


# -- reprocess --------------------------------------------------------------------------------


def test_reprocess_without_a_selection_is_an_error(delays):
    ArticleFactory(status=Article.Status.FAILED)

    with pytest.raises(CommandError, match="say which articles"):
        _call("reprocess")


def test_reprocess_without_a_selection_changes_nothing(delays):
    article = ArticleFactory(status=Article.Status.FAILED, error="parser exploded")

    with pytest.raises(CommandError):
        _call("reprocess")

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED


def test_reprocess_failed_says_how_many_it_queued(delays):
    ArticleFactory(status=Article.Status.FAILED)
    ArticleFactory(status=Article.Status.FAILED)
    ArticleFactory(status=Article.Status.DONE)

    out, _ = _call("reprocess", "--failed")

    assert "2 articles queued for extraction" in out


def test_reprocess_failed_queues_the_failed_articles(delays):
    failed = ArticleFactory(status=Article.Status.FAILED)
    done = ArticleFactory(status=Article.Status.DONE)

    _call("reprocess", "--failed")

    failed.refresh_from_db()
    done.refresh_from_db()
    assert (failed.status, done.status) == (Article.Status.QUEUED, Article.Status.DONE)


def test_reprocess_by_id_queues_that_article(delays):
    article = ArticleFactory(status=Article.Status.DONE)
    ArticleFactory(status=Article.Status.DONE)

    out, _ = _call("reprocess", article.pk)

    article.refresh_from_db()
    assert "1 articles queued for extraction" in out
    assert article.status == Article.Status.QUEUED


# -- requeue_stale ----------------------------------------------------------------------------


def test_requeue_stale_prints_the_ids_it_sent(delays):
    past = timezone.now() - timedelta(seconds=5)
    first = ArticleFactory(status=Article.Status.QUEUED, queued_at=past, enqueued_at=None)
    second = ArticleFactory(status=Article.Status.QUEUED, queued_at=past, enqueued_at=None)

    out, _ = _call("requeue_stale", "--older-than", 0)

    assert "2 stale articles sent to the workers" in out
    assert f"ids: {first.pk} {second.pk}" in out


def test_requeue_stale_sends_the_stale_articles(delays):
    past = timezone.now() - timedelta(seconds=5)
    article = ArticleFactory(status=Article.Status.QUEUED, queued_at=past, enqueued_at=None)
    one, _ = delays

    _call("requeue_stale", "--older-than", 0)

    one.assert_called_once_with(article.pk)


def test_requeue_stale_with_nothing_stale_prints_no_ids(delays):
    ArticleFactory(status=Article.Status.DONE)

    out, _ = _call("requeue_stale", "--older-than", 0)

    assert "0 stale articles sent to the workers" in out
    assert "ids:" not in out


# -- import_articles --------------------------------------------------------------------------


def test_import_prints_the_summary_line(folder, delays):
    out, _ = _call("import_articles", "--quiet-progress", folder)

    assert "2 imported, 0 duplicates, 0 failed (2 files)" in out


def test_import_reports_a_file_it_could_not_read_as_failed(folder, delays):
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")

    out, err = _call("import_articles", "--quiet-progress", folder)

    assert "2 imported, 0 duplicates, 1 failed (3 files)" in out
    assert f"failed    {folder / 'empty.txt'}: " in err


# The command runs outside any transaction, so its on-commit enqueue fires at once; these tests
# need the same (a transactional database), or the enqueue would wait for the test's own commit.


@pytest.mark.django_db(transaction=True)
def test_import_in_eager_mode_reports_the_extraction_outcome(folder, nlp):
    out, _ = _call("import_articles", "--quiet-progress", folder)

    assert "extraction: 2 done, 0 failed" in out
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.DONE}


@pytest.mark.django_db(transaction=True)
def test_import_in_eager_mode_reports_why_an_extraction_failed(folder, nlp):
    (folder / "poison.txt").write_text(POISON, encoding="utf-8")

    with mock.patch(
        "entities.services.extraction.nlp.extract_clean", side_effect=_crash_on(POISON_MARKER)
    ):
        out, err = _call("import_articles", "--quiet-progress", folder)

    poisoned = Article.objects.get(body__contains=POISON_MARKER)
    assert "extraction: 2 done, 1 failed" in out
    assert f"extraction failed for article {poisoned.pk}: " in err
    assert "parser exploded" in err


@pytest.mark.django_db(transaction=True)
def test_import_with_the_broker_down_warns_that_articles_were_not_sent(folder, delays):
    one, many = delays
    one.side_effect = many.side_effect = BrokerError("Connection refused.")

    out, _ = _call("import_articles", "--quiet-progress", folder)

    assert "2 articles could not be sent to the workers" in out


@pytest.mark.django_db(transaction=True)
def test_import_with_the_broker_down_leaves_the_articles_queued_and_unsent(folder, delays):
    one, many = delays
    one.side_effect = many.side_effect = BrokerError("Connection refused.")

    _call("import_articles", "--quiet-progress", folder)

    articles = Article.objects.all()
    assert articles.count() == 2
    assert {a.status for a in articles} == {Article.Status.QUEUED}
    assert {a.enqueued_at for a in articles} == {None}


@pytest.mark.django_db(transaction=True)
def test_import_with_the_broker_up_sends_no_warning(folder, delays):
    out, _ = _call("import_articles", "--quiet-progress", folder)

    assert "could not be sent" not in out
    assert not Article.objects.filter(enqueued_at__isnull=True).exists()
