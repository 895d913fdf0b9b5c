"""Logging in and out, and NEWSAPP_READ_REQUIRES_LOGIN."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ActorFactory, ArticleFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
LOGOUT = reverse("logout")


def _reading_urls() -> list[str]:
    article = ArticleFactory()
    a, b = ActorFactory(), ActorFactory()
    country = ActorFactory(kind="country")
    return [
        reverse("entities:home"),
        reverse("entities:article_list"),
        article.get_absolute_url(),
        reverse("entities:actor_list"),
        a.get_absolute_url(),
        reverse("entities:actor_pair", args=[a.slug, b.slug]),
        reverse("entities:statement_search"),
        reverse("entities:statement_export_csv"),
        reverse("entities:network"),
        reverse("entities:relations"),
        reverse("entities:relation_pair", args=[country.slug, country.slug]),
        f"{reverse('entities:search')}?q=x",
    ]


def test_reading_is_public_by_default(client):
    for url in _reading_urls():
        assert client.get(url).status_code == 200, url


def test_reading_can_require_a_login(client, settings):
    settings.NEWSAPP_READ_REQUIRES_LOGIN = True

    for url in _reading_urls():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(f"{LOGIN}?next="), url


def test_a_logged_in_reader_reads_when_login_is_required(user_client, settings):
    settings.NEWSAPP_READ_REQUIRES_LOGIN = True

    for url in _reading_urls():
        assert user_client.get(url).status_code == 200, url


def test_login_page_and_static_files_stay_reachable_when_login_is_required(client, settings):
    settings.NEWSAPP_READ_REQUIRES_LOGIN = True

    assert client.get(LOGIN).status_code == 200
    assert client.get("/static/css/site.css").status_code == 200
    assert client.get("/admin/login/").status_code == 200


def test_login_logs_in_and_goes_to_next(client, user):
    response = client.post(
        LOGIN, {"username": "reader", "password": "a-long-passphrase", "next": "/network/"}
    )

    assert response.status_code == 302
    assert response.url == "/network/"


def test_a_wrong_password_says_so(client, user):
    response = client.post(LOGIN, {"username": "reader", "password": "nope"})

    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.text


def test_logout_is_a_post_form_in_the_header(user_client):
    response = user_client.get(reverse("entities:home"))

    assert f'<form action="{LOGOUT}" method="post">' in response.text


def test_logout_by_post_logs_out(user_client):
    response = user_client.post(LOGOUT, {"next": "/"})

    assert response.status_code == 302
    assert "_auth_user_id" not in user_client.session


def test_logout_by_get_is_refused(user_client):
    assert user_client.get(LOGOUT).status_code == 405


def test_upload_status_page_is_linked_from_the_navigation(client):
    response = client.get(reverse("entities:home"))

    for name in ("article_list", "actor_list", "statement_search", "network", "article_upload"):
        assert f'href="{reverse(f"entities:{name}")}"' in response.text


def test_not_found_pages_use_the_site_layout(client, settings):
    settings.DEBUG = False

    response = client.get("/actors/nobody-at-all/")

    assert response.status_code == 404
    assert "<title>Not found · newsapp</title>" in response.text
    assert "No such actor." in response.text


def test_refused_curation_says_why(user_client):
    actor = ActorFactory()

    response = user_client.post(reverse("entities:actor_rename", args=[actor.slug]), {"name": "X"})

    assert response.status_code == 403
    assert "ask an administrator for the editor permission" in response.text
