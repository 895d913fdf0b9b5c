"""Who may do what: retrying failed articles needs the Reprocess permission; with
NEWSAPP_READ_REQUIRES_LOGIN the API's schema and documentation pages need a login too."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from entities.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

RETRY_FAILED = reverse("entities:ingest_retry_failed")
STATUS = reverse("entities:ingest_status")


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        username="operator", password="a-long-passphrase", is_staff=True
    )


def test_staff_without_change_article_cannot_retry_failed_articles(client, staff):
    failed = ArticleFactory(status=Article.Status.FAILED, error="boom")
    client.force_login(staff)
    with mock.patch("entities.tasks.extract_article.delay") as delay:
        response = client.post(RETRY_FAILED)
    assert response.status_code == 403
    failed.refresh_from_db()
    assert failed.status == Article.Status.FAILED
    delay.assert_not_called()


def test_staff_without_change_article_sees_no_retry_button(client, staff):
    ArticleFactory(status=Article.Status.FAILED, error="boom")
    client.force_login(staff)
    response = client.get(STATUS)
    assert response.status_code == 200
    assert RETRY_FAILED not in response.text


def test_staff_with_change_article_retries(client, staff, django_capture_on_commit_callbacks):
    staff.user_permissions.add(
        Permission.objects.get(codename="change_article", content_type__app_label="entities")
    )
    failed = ArticleFactory(status=Article.Status.FAILED, error="boom")
    client.force_login(staff)
    with mock.patch("entities.tasks.extract_article.delay"):
        response = client.post(RETRY_FAILED)
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == Article.Status.QUEUED


@pytest.mark.parametrize("path", ["/api/v1/schema/", "/api/v1/docs/", "/api/v1/redoc/"])
def test_schema_and_docs_need_a_login_when_reading_does(client, settings, path):
    settings.NEWSAPP_READ_REQUIRES_LOGIN = True
    response = client.get(path)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("path", ["/api/v1/schema/", "/api/v1/docs/", "/api/v1/redoc/"])
def test_schema_and_docs_open_to_a_logged_in_reader(client, settings, user, path):
    settings.NEWSAPP_READ_REQUIRES_LOGIN = True
    client.force_login(user)
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/schema/", "/api/v1/docs/", "/api/v1/redoc/"])
def test_schema_and_docs_are_public_when_reading_is(client, path):
    assert client.get(path).status_code == 200
