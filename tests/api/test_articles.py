"""/api/v1/articles/: listing, reading, creating (JSON, URL, file), reprocessing, status."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from entities.models import Article
from tests.factories import ArticleFactory
from tests.helpers import dated

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/"
TEXT = (
    "Defence Minister Jane Doe said on Monday that the army would leave the border region. "
    '"We have no reason to stay," she told reporters in the capital after the meeting.'
)


def ids(response) -> list[int]:
    return [row["id"] for row in response.json()["results"]]


def test_list_is_newest_first_with_statement_counts(api, world):
    response = api.get(URL)
    assert response.status_code == 200
    assert ids(response) == [world["new"].pk, world["old"].pk]
    assert response.json()["results"][1]["statement_count"] == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("publisher=reuters", ["old"]),
        ("date_from=2024-03-01", ["new"]),
        ("date_to=2024-03-01", ["old"]),
        ("date_from=2024-01-01&date_to=2024-12-31", ["new", "old"]),
        ("q=new+talks", ["new"]),
        ("status=failed", []),
    ],
)
def test_list_filters(api, world, query, expected):
    response = api.get(f"{URL}?{query}")
    assert ids(response) == [world[name].pk for name in expected]


def test_list_rejects_a_malformed_date_naming_the_parameter(api, world):
    response = api.get(f"{URL}?date_from=yesterday")
    assert response.status_code == 400
    assert "date_from" in response.json()["error"]["fields"]


def test_list_pages_with_a_cursor(api, db):
    for day in range(1, 6):
        ArticleFactory(published_at=dated(2024, 1, day))
    first = api.get(f"{URL}?page_size=2").json()
    second = api.get(first["next"]).json()
    third = api.get(second["next"]).json()
    seen = [r["id"] for page in (first, second, third) for r in page["results"]]
    assert len(seen) == 5
    assert len(set(seen)) == 5
    assert third["next"] is None
    assert "cursor=" in first["next"]


def test_page_size_is_bounded(api, db):
    ArticleFactory.create_batch(205)
    response = api.get(f"{URL}?page_size=1000")
    assert len(response.json()["results"]) == 200


def test_detail_has_body_mentions_and_statements_with_offsets(api, world):
    article = world["old"]
    data = api.get(f"{URL}{article.pk}/").json()
    assert data["body"] == article.body
    statement = next(s for s in data["statements"] if s["id"] == world["s1"].pk)
    assert (
        data["body"][statement["content_start"] : statement["content_end"]]
        == (statement["content"])
    )
    assert statement["targets"][0]["actor"]["slug"] == "ukraine"
    assert {m["actor"]["slug"] for m in data["mentions"]} == {"vladimir-putin", "ukraine"}
    assert data["mentions"][0]["start"] == 0


def test_unknown_article_is_a_404_in_the_error_shape(api, db):
    response = api.get(f"{URL}999999/")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404
    assert response.json()["error"]["code"] == "not_found"


def test_status_of_an_article(api, world):
    article = world["old"]
    Article.objects.filter(pk=article.pk).update(status="failed", error="No text found.")
    data = api.get(f"{URL}{article.pk}/status/").json()
    assert data["id"] == article.pk
    assert data["status"] == "failed"
    assert data["error"] == "No text found."
    assert {"pipeline_version", "finished_at", "attempts"} <= set(data)


# --- create ---------------------------------------------------------------------------------


def test_creating_needs_a_login(api, db):
    response = api.post(URL, {"text": TEXT}, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert not Article.objects.exists()


@pytest.mark.parametrize("day", ["0001-01-01", "2999-01-01"])
def test_an_implausible_publication_date_is_a_400_on_date(user_api, day):
    response = user_api.post(URL, {"text": TEXT, "date": day}, format="json")

    assert response.status_code == 400
    assert "date" in response.json()["error"]["fields"]
    assert not Article.objects.exists()


def test_create_from_text(user_api, user):
    response = user_api.post(
        URL,
        {"text": TEXT, "title": "Army leaves", "date": "2024-05-02", "publisher": "Wire"},
        format="json",
    )
    assert response.status_code == 201
    data = response.json()
    article = Article.objects.get(pk=data["id"])
    assert data["created"] is True
    assert response["Location"].endswith(f"/api/v1/articles/{article.pk}/")
    assert data["links"]["status"].endswith(f"/api/v1/articles/{article.pk}/status/")
    assert (article.title, article.publisher) == ("Army leaves", "Wire")
    assert article.published_at.date().isoformat() == "2024-05-02"
    assert article.uploaded_by == user


def test_the_same_article_twice_is_one_article(user_api):
    first = user_api.post(URL, {"text": TEXT}, format="json")
    second = user_api.post(URL, {"text": TEXT}, format="json")
    assert second.status_code == 200
    assert second.json()["created"] is False
    assert second.json()["id"] == first.json()["id"]
    assert Article.objects.count() == 1


def test_create_from_html_keeps_the_main_text(user_api):
    html = (
        "<html><head><title>Border</title></head>"
        f"<body><article><p>{TEXT}</p></article></body></html>"
    )
    response = user_api.post(URL, {"html": html}, format="json")
    assert response.status_code == 201
    article = Article.objects.get(pk=response.json()["id"])
    assert "army would leave" in article.body
    assert "<p>" not in article.body


@pytest.mark.parametrize(
    "payload",
    [{}, {"text": TEXT, "url": "https://example.org/a"}, {"title": "only a title"}],
)
def test_create_needs_exactly_one_input(user_api, payload):
    response = user_api.post(URL, payload, format="json")
    assert response.status_code == 400
    assert "text" in response.json()["error"]["fields"]


def test_an_empty_text_names_the_field(user_api):
    response = user_api.post(URL, {"text": "   "}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["text"]


def test_a_malformed_json_body_is_a_400(user_api):
    response = user_api.post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_a_url_on_this_machine_is_refused(user_api, settings):
    settings.NEWSAPP_FETCH_ALLOW_PRIVATE = False
    response = user_api.post(URL, {"url": "http://127.0.0.1:9/article"}, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "refused"
    assert "url" in error["fields"]


def test_upload_a_text_file(user_api):
    upload = SimpleUploadedFile("army.txt", TEXT.encode(), content_type="text/plain")
    response = user_api.post(URL, {"file": upload, "publisher": "Wire"}, format="multipart")
    assert response.status_code == 201
    article = Article.objects.get(pk=response.json()["id"])
    assert "army would leave" in article.body
    assert article.publisher == "Wire"


def test_an_unsupported_file_type_is_a_400(user_api):
    upload = SimpleUploadedFile("tool.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = user_api.post(URL, {"file": upload}, format="multipart")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "unsupported"
    assert "file" in error["fields"]


def test_an_empty_uploaded_file_names_the_file_field(user_api):
    upload = SimpleUploadedFile("empty.txt", b"   \n", content_type="text/plain")
    response = user_api.post(URL, {"file": upload}, format="multipart")
    assert response.status_code == 400
    assert "file" in response.json()["error"]["fields"]


def test_a_file_over_the_upload_limit_is_a_413(user_api, settings):
    settings.NEWSAPP_MAX_UPLOAD_BYTES = 100
    upload = SimpleUploadedFile("big.txt", b"word " * 100, content_type="text/plain")
    response = user_api.post(URL, {"file": upload}, format="multipart")
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "too_large"
    assert "file" in error["fields"]
    assert "is 500 bytes" in error["message"]  # its real size
    assert not Article.objects.exists()


def test_a_body_over_the_request_limit_is_a_413(user_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = user_api.post(URL, {"text": "word " * 400}, format="json")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


@pytest.mark.slow
def test_with_tasks_run_eagerly_the_article_is_done_at_once(
    user_api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = user_api.post(URL, {"text": TEXT}, format="json")
    assert response.status_code == 201
    article_id = response.json()["id"]
    status = user_api.get(f"{URL}{article_id}/status/").json()
    assert status["status"] == "done"
    assert status["pipeline_version"]
    detail = user_api.get(f"{URL}{article_id}/").json()
    assert any("no reason to stay" in s["content"] for s in detail["statements"])


# --- reprocess ------------------------------------------------------------------------------


def test_reprocess_needs_a_login(api, world):
    assert api.post(f"{URL}{world['old'].pk}/reprocess/").status_code == 401


def test_reprocess_needs_the_change_article_permission(user_api, world):
    response = user_api.post(f"{URL}{world['old'].pk}/reprocess/")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_reprocess_answers_202_and_queues_the_article(editor_api, world):
    article = world["old"]
    response = editor_api.post(f"{URL}{article.pk}/reprocess/")
    assert response.status_code == 202
    assert response.json()["status"] == "queued"
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED


def test_reprocess_of_an_unknown_article_is_a_404(editor_api, db):
    assert editor_api.post(f"{URL}424242/reprocess/").status_code == 404


@pytest.mark.parametrize("path", ["", "status/"])
def test_an_id_beyond_the_database_integers_is_a_404(api, db, path):
    # found by schemathesis: a 30-digit id overflowed SQLite's integers (500)
    response = api.get(f"{URL}{'9' * 30}/{path}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_reprocess_of_an_id_beyond_the_database_integers_is_a_404(editor_api, db):
    assert editor_api.post(f"{URL}{'9' * 30}/reprocess/").status_code == 404


def test_create_from_a_url_fetches_the_page(user_api, monkeypatch):
    from entities import services

    fetched = []

    def fake_fetch(*, url):
        fetched.append(url)
        return services.ArticleInput(f"<html><body><article><p>{TEXT}</p></article></body></html>")

    monkeypatch.setattr(services, "article_fetch", fake_fetch)
    response = user_api.post(URL, {"url": "https://news.example.org/border"}, format="json")
    assert response.status_code == 201
    assert fetched == ["https://news.example.org/border"]
    article = Article.objects.get(pk=response.json()["id"])
    assert article.url == "https://news.example.org/border"
    assert "army would leave" in article.body


def test_a_malformed_url_names_the_field(user_api):
    response = user_api.post(URL, {"url": "not a url"}, format="json")
    assert response.status_code == 400
    assert "url" in response.json()["error"]["fields"]


def test_a_multipart_form_field_over_the_request_limit_is_a_413(user_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    upload = SimpleUploadedFile("army.txt", TEXT.encode(), content_type="text/plain")
    response = user_api.post(URL, {"file": upload, "title": "x" * 5000}, format="multipart")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_a_multipart_body_over_file_and_field_limits_is_refused_unread(user_api, settings):
    settings.NEWSAPP_MAX_UPLOAD_BYTES = 500
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 500
    upload = SimpleUploadedFile("big.txt", b"word " * 1000, content_type="text/plain")
    response = user_api.post(URL, {"file": upload}, format="multipart")
    assert response.status_code == 413
    assert response.json()["error"]["message"].startswith("The request body is over the limit")


def test_html_without_text_names_the_html_field(user_api):
    response = user_api.post(URL, {"html": "<html><body><p></p></body></html>"}, format="json")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["html"]
