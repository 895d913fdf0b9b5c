"""Ingestion pages: the operators' status page, the reprocess button and upload messages."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from entities.models import Article, Mention
from tests.factories import ArticleFactory, MentionFactory

pytestmark = pytest.mark.django_db

STATUS = reverse("entities:ingest_status")
RETRY_FAILED = reverse("entities:ingest_retry_failed")
REQUEUE_STALE = reverse("entities:ingest_requeue_stale")
UPLOAD = reverse("entities:article_upload")

TEXT = """Kremlin rejects talks in Geneva

Kremlin spokesman Dmitry Peskov said on Monday that Russia would not take part in the talks.

"We see no reason to travel to Geneva under these conditions," Peskov told reporters.
"""


@pytest.fixture
def delays():
    with (
        mock.patch("entities.tasks.extract_article.delay") as one,
        mock.patch("entities.tasks.extract_articles.delay") as many,
    ):
        yield one, many


@pytest.fixture
def staff_client(client, django_user_model):
    staff = django_user_model.objects.create_user(
        username="operator", password="a-long-passphrase", is_staff=True
    )
    # retrying failed articles is reprocessing them: it needs the Reprocess permission
    staff.user_permissions.add(
        Permission.objects.get(codename="change_article", content_type__app_label="entities")
    )
    client.force_login(staff)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_user(username="editor", password="a-long-passphrase")
    editor.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(editor)
    return client


def _reprocess_url(article: Article) -> str:
    return reverse("entities:article_reprocess", args=[article.pk])


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def _failed(n: int) -> list[Article]:
    return [
        ArticleFactory(
            status=Article.Status.FAILED,
            error=f"Extraction failed (RuntimeError: case {i}).",
            finished_at=timezone.now(),
            attempts=1,
        )
        for i in range(n)
    ]


# -- status page: access ----------------------------------------------------------------------


def test_status_page_sends_an_anonymous_visitor_to_the_login_page(client):
    response = client.get(STATUS)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={STATUS}"


def test_status_page_tells_a_user_who_is_not_staff_that_it_is_for_operators(user_client):
    response = user_client.get(STATUS)

    assert response.status_code == 403
    assert "This page is for operators (staff accounts) only." in response.text
    assert "Log in" not in response.text


def test_status_page_renders_for_staff(staff_client):
    response = staff_client.get(STATUS)

    assert response.status_code == 200
    assert "Ingestion status" in response.text


# -- status page: content ---------------------------------------------------------------------


def test_status_page_shows_counts_by_status(staff_client):
    for status, n in [("queued", 2), ("processing", 1), ("done", 3), ("failed", 4)]:
        for _ in range(n):
            ArticleFactory(status=status)

    response = staff_client.get(STATUS)

    assert response.context["stats"]["counts"] == {
        "queued": 2,
        "processing": 1,
        "done": 3,
        "failed": 4,
    }
    for figure, label in [(2, "queued"), (1, "processing"), (3, "done"), (4, "failed")]:
        assert f'<span class="figure">{figure}</span> {label}' in response.text


def test_status_page_lists_failures_with_their_reasons(staff_client):
    article = ArticleFactory(
        title="Kremlin rejects talks",
        status=Article.Status.FAILED,
        error="Extraction took longer than the time limit and was stopped.",
        finished_at=timezone.now(),
    )

    response = staff_client.get(STATUS)

    assert f'<a href="{article.get_absolute_url()}">Kremlin rejects talks</a>' in response.text
    assert "Extraction took longer than the time limit and was stopped." in response.text


def test_status_page_escapes_markup_in_failure_reasons_and_titles(staff_client):
    ArticleFactory(
        title="<b>Talks</b> collapse",
        status=Article.Status.FAILED,
        error='Extraction failed (ValueError: <script>alert("x")</script>).',
        finished_at=timezone.now(),
    )

    response = staff_client.get(STATUS)

    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in response.text
    assert "&lt;b&gt;Talks&lt;/b&gt; collapse" in response.text
    assert "<script>" not in response.text
    assert "<b>" not in response.text


def test_status_page_shows_both_action_buttons(staff_client):
    _failed(1)

    response = staff_client.get(STATUS)

    assert f'action="{RETRY_FAILED}"' in response.text
    assert f'action="{REQUEUE_STALE}"' in response.text
    assert '<button type="submit">Retry failed articles</button>' in response.text
    assert "Send stale articles again</button>" in response.text


def test_status_page_disables_retry_when_nothing_failed(staff_client):
    ArticleFactory(status=Article.Status.DONE)

    response = staff_client.get(STATUS)

    assert '<button type="submit" disabled>Retry failed articles</button>' in response.text


@pytest.mark.parametrize("failures", [3, 30])
def test_status_page_runs_a_bounded_number_of_queries(
    staff_client, django_assert_max_num_queries, failures
):
    _failed(failures)
    ArticleFactory(status=Article.Status.DONE, finished_at=timezone.now())

    # 6, and 2 for the user's permissions (whether to show "Retry failed articles")
    with django_assert_max_num_queries(8):
        response = staff_client.get(STATUS)

    assert response.status_code == 200
    assert len(response.context["stats"]["failures"]) == failures


# -- status page: actions ---------------------------------------------------------------------


def test_retry_failed_queues_the_failed_articles(staff_client, delays):
    failed = _failed(2)
    done = ArticleFactory(status=Article.Status.DONE)

    response = staff_client.post(RETRY_FAILED)

    assert response.status_code == 302
    assert response.url == STATUS
    statuses = set(Article.objects.filter(pk__in=[a.pk for a in failed]).values_list("status"))
    assert statuses == {(Article.Status.QUEUED,)}
    done.refresh_from_db()
    assert done.status == Article.Status.DONE


def test_retry_failed_says_how_many_it_queued(staff_client, delays):
    _failed(2)

    response = staff_client.post(RETRY_FAILED, follow=True)

    assert "2 failed articles queued for reprocessing." in _messages(response)


def test_retry_failed_sends_the_tasks_once_committed(
    staff_client, delays, django_capture_on_commit_callbacks
):
    (article,) = _failed(1)
    one, _ = delays

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(RETRY_FAILED)

    one.assert_called_once_with(article.pk)


def test_retry_failed_refuses_a_user_who_is_not_staff(user_client, delays):
    (article,) = _failed(1)

    response = user_client.post(RETRY_FAILED)

    article.refresh_from_db()
    assert response.status_code == 403
    assert article.status == Article.Status.FAILED


def test_requeue_stale_sends_stale_articles_again(staff_client, delays):
    article = ArticleFactory(
        status=Article.Status.QUEUED,
        queued_at=timezone.now() - timedelta(minutes=5),
        enqueued_at=None,
    )
    one, _ = delays

    response = staff_client.post(REQUEUE_STALE, follow=True)

    one.assert_called_once_with(article.pk)
    assert "1 stale articles sent to the workers again." in _messages(response)


def test_requeue_stale_refuses_a_user_who_is_not_staff(user_client, delays):
    ArticleFactory(
        status=Article.Status.QUEUED,
        queued_at=timezone.now() - timedelta(minutes=5),
        enqueued_at=None,
    )
    one, _ = delays

    response = user_client.post(REQUEUE_STALE)

    assert response.status_code in (302, 403)
    one.assert_not_called()


@pytest.mark.parametrize("url", [RETRY_FAILED, REQUEUE_STALE])
def test_status_actions_refuse_get(staff_client, delays, url):
    (article,) = _failed(1)

    response = staff_client.get(url)

    article.refresh_from_db()
    assert response.status_code == 405
    assert article.status == Article.Status.FAILED


# -- reprocess button -------------------------------------------------------------------------


def test_reprocess_button_is_shown_to_an_editor(editor_client):
    article = ArticleFactory()

    response = editor_client.get(article.get_absolute_url())

    assert f'action="{_reprocess_url(article)}"' in response.text


def test_reprocess_button_is_hidden_from_a_reader(user_client):
    article = ArticleFactory()

    response = user_client.get(article.get_absolute_url())

    assert _reprocess_url(article) not in response.text


def test_reprocess_button_is_hidden_from_an_anonymous_visitor(client):
    article = ArticleFactory()

    response = client.get(article.get_absolute_url())

    assert _reprocess_url(article) not in response.text


def test_reprocess_refuses_a_reader(user_client, delays):
    article = ArticleFactory(status=Article.Status.FAILED, error="parser exploded")

    response = user_client.post(_reprocess_url(article))

    article.refresh_from_db()
    assert response.status_code == 403
    assert article.status == Article.Status.FAILED


def test_reprocess_refuses_an_anonymous_visitor(client, delays):
    article = ArticleFactory(status=Article.Status.FAILED, error="parser exploded")

    response = client.post(_reprocess_url(article))

    article.refresh_from_db()
    assert response.status_code == 403
    assert article.status == Article.Status.FAILED


def test_reprocess_refuses_get(editor_client, delays):
    article = ArticleFactory(status=Article.Status.FAILED)

    response = editor_client.get(_reprocess_url(article))

    article.refresh_from_db()
    assert response.status_code == 405
    assert article.status == Article.Status.FAILED


def test_reprocess_queues_the_article_for_an_editor(editor_client, delays):
    article = ArticleFactory(status=Article.Status.FAILED, error="parser exploded", attempts=3)

    response = editor_client.post(_reprocess_url(article))

    article.refresh_from_db()
    assert response.status_code == 302
    assert response.url == article.get_absolute_url()
    assert (article.status, article.error, article.attempts) == (Article.Status.QUEUED, "", 0)


def test_reprocess_sends_the_task_once_committed(
    editor_client, delays, django_capture_on_commit_callbacks
):
    article = ArticleFactory(status=Article.Status.DONE)
    one, _ = delays

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(_reprocess_url(article))

    one.assert_called_once_with(article.pk)


def test_reprocess_keeps_the_shown_mentions_until_extraction_replaces_them(editor_client, delays):
    article = ArticleFactory(status=Article.Status.DONE)
    MentionFactory(article=article)

    editor_client.post(_reprocess_url(article))

    assert Mention.objects.filter(article=article).count() == 1


def test_reprocess_of_an_unknown_article_is_404(editor_client, delays):
    response = editor_client.post(reverse("entities:article_reprocess", args=[987654]))

    assert response.status_code == 404


# -- upload messages --------------------------------------------------------------------------
# In production the upload's transaction commits inside the request, so its on-commit enqueue
# runs before the message is chosen; a transactional test database reproduces that order.


@pytest.mark.django_db(transaction=True)
def test_upload_with_the_workers_unreachable_says_so(user_client, delays):
    one, _ = delays
    one.side_effect = BrokerError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    response = user_client.post(UPLOAD, {"text": TEXT}, follow=True)

    (message,) = _messages(response)
    assert "cannot be reached right now" in message


@pytest.mark.django_db(transaction=True)
def test_upload_with_the_workers_unreachable_keeps_the_article_queued(user_client, delays):
    one, _ = delays
    one.side_effect = BrokerError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    user_client.post(UPLOAD, {"text": TEXT})

    article = Article.objects.get()
    assert article.status == Article.Status.QUEUED
    assert article.enqueued_at is None


@pytest.mark.django_db(transaction=True)
def test_upload_with_the_broker_accepting_says_extraction_is_queued(user_client, delays):
    response = user_client.post(UPLOAD, {"text": TEXT}, follow=True)

    assert _messages(response) == ["Article saved; its extraction is queued."]


@pytest.mark.django_db(transaction=True)
def test_upload_in_eager_mode_says_saved_and_extracted(user_client, nlp):
    response = user_client.post(UPLOAD, {"text": TEXT}, follow=True)

    assert _messages(response) == ["Article saved and extracted."]
    assert Article.objects.get().status == Article.Status.DONE


@pytest.mark.django_db(transaction=True)
def test_upload_in_eager_mode_does_not_call_a_failed_extraction_queued(user_client, nlp):
    with mock.patch(
        "entities.services.extraction.nlp.extract_clean", side_effect=RuntimeError("exploded")
    ):
        response = user_client.post(UPLOAD, {"text": TEXT}, follow=True)

    assert Article.objects.get().status == Article.Status.FAILED
    (message,) = _messages(response)
    assert "queued" not in message


def test_upload_of_a_known_article_says_it_was_already_uploaded(user_client, delays):
    user_client.post(UPLOAD, {"text": TEXT})

    response = user_client.post(UPLOAD, {"text": TEXT}, follow=True)

    assert "This article was already uploaded; here it is." in _messages(response)


def test_reprocess_sent_to_the_workers_says_it_is_queued(editor_client, delays):
    article = ArticleFactory(status=Article.Status.FAILED, error="parser exploded")

    response = editor_client.post(_reprocess_url(article), follow=True)

    assert _messages(response) == ["Queued for reprocessing: the workers will extract it again."]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)  # commits, so that the task is sent (and run) at once
def test_reprocess_run_in_process_says_it_is_done(editor_client):
    # no broker (the suite's eager mode): the extraction has run by the time the page answers
    article = ArticleFactory(
        title="Talks",
        body="Kremlin spokesman Dmitry Peskov said on Monday that the talks were useful.",
        status=Article.Status.FAILED,
        error="parser exploded",
    )

    response = editor_client.post(_reprocess_url(article), follow=True)

    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert _messages(response) == ["Reprocessed: the article was extracted again."]
