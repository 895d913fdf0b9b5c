"""Under /api/v1/ every error is JSON in the API's one shape, whatever answers it: the URL
patterns, the CSRF check, Django's own 404 and 500 handlers."""

from __future__ import annotations

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _is_json_error(response, status: int) -> bool:
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    body = json.loads(response.content)["error"]
    return response.status_code == status and body["status"] == status


@pytest.mark.parametrize(
    "path",
    ["/api/v1/%0A", "/api/v1/articles/1/%0A", "/api/v1/actors/%0A/", "/api/v1/nothing/here"],
)
def test_an_unknown_api_path_is_a_json_404(client, path):
    assert _is_json_error(client.get(path), 404)


def test_a_post_to_an_unknown_api_path_without_csrf_token_is_json(django_user_model):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_user("u", password="a-long-phrase"))
    response = client.post("/api/v1/nothing/", {"a": "b"})
    assert response.status_code in (403, 404)
    assert _is_json_error(response, response.status_code)


def test_a_csrf_failure_under_the_api_is_json(django_user_model):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_user("u", password="a-long-phrase"))
    response = client.post("/api/v1/articles/", {"text": "Doe said so."})
    assert _is_json_error(response, 403)


def test_the_csrf_failure_view_answers_json_under_the_api(rf):
    from django.conf import settings
    from django.utils.module_loading import import_string

    view = import_string(settings.CSRF_FAILURE_VIEW)
    response = view(rf.post("/api/v1/anything/"), reason="CSRF cookie not set.")
    assert _is_json_error(response, 403)
    assert json.loads(response.content)["error"]["code"] == "csrf_failed"
    page = view(rf.post("/articles/new/"), reason="CSRF cookie not set.")
    assert page["Content-Type"].startswith("text/html")


def test_a_csrf_failure_on_a_page_stays_html(django_user_model):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_user("u", password="a-long-phrase"))
    response = client.post("/articles/new/", {"text": "Doe said so."})
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")


def test_a_server_error_under_the_api_is_json(monkeypatch):
    def boom(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("entities.selectors.article_status_get", boom)
    client = Client(raise_request_exception=False)
    assert _is_json_error(client.get("/api/v1/articles/1/status/"), 500)


def test_a_server_error_on_a_page_is_the_html_page(monkeypatch):
    def boom(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("entities.selectors.actor_list", boom)
    response = Client(raise_request_exception=False).get("/actors/")
    assert response.status_code == 500
    assert b"Something went wrong" in response.content


def test_a_page_404_stays_html(client):
    response = client.get("/nothing/%0A")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
