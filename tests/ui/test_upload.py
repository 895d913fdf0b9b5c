"""Upload of pasted text, many files and a URL; the status page of an upload."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from entities import services
from entities.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

UPLOAD = reverse("entities:article_upload")
STATUS = reverse("entities:upload_status")

TEXT = """Kremlin rejects talks in Geneva

Kremlin spokesman Dmitry Peskov said on Monday that Russia would not take part in the talks.
He told reporters in Moscow that there was nothing to discuss in Geneva this year.
"""

PAGE = """<!doctype html><html><head><title>Seoul summons envoy</title></head><body><article>
<h1>Seoul summons envoy</h1><p>South Korea's foreign ministry summoned the Japanese ambassador on
Wednesday to protest against new school textbooks. The ministry said the books repeat claims to
islands that both countries hold to be their own.</p></article></body></html>"""


def _file(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


@pytest.fixture
def no_extraction():
    with mock.patch("entities.tasks.extract_article.delay"):
        yield


def _story(topic: str) -> str:
    """A short wire story of its own (over the minimum of words), about `topic`."""
    return (
        f"Talks on {topic}\n\nKremlin spokesman Dmitry Peskov said on Monday that Russia was "
        f"ready to discuss {topic} with its neighbours, but only once the other side had "
        "withdrawn its demands. He gave no date for a meeting."
    )


def test_many_files_make_many_articles_and_one_status_page(user_client, no_extraction):
    files = [_file(f"talks-{i}.txt", _story(f"topic {i}")) for i in range(3)]

    response = user_client.post(UPLOAD, {"file": files})

    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    assert len(ids) == 3
    assert response.status_code == 302
    assert response.url.startswith(f"{STATUS}?ids={'%2C'.join(map(str, ids))}&batch=")


def test_a_refused_file_among_many_is_named_and_the_others_imported(user_client, no_extraction):
    files = [
        _file("good.txt", _story("grain")),
        _file("bad.docx", "x"),
        _file("empty.txt", ""),
        _file("short.txt", "Peskov said yes."),
    ]

    response = user_client.post(UPLOAD, {"file": files}, follow=True)

    assert Article.objects.count() == 1
    rows = {row["name"]: row for row in response.context["files"]}
    assert rows["bad.docx"]["error"] == "bad.docx is not a .txt, .html, .htm or .pdf file."
    assert rows["empty.txt"]["error"] == "empty.txt is empty (0 bytes)."
    assert "3 words of article text" in rows["short.txt"]["error"]
    assert rows["good.txt"]["article"] == Article.objects.get()
    for reason in ("bad.docx is not", "empty.txt is empty", "3 words of article text"):
        assert reason in response.text
    messages = [str(m) for m in response.context["messages"]]
    assert messages[0].startswith("3 of 4 files could not be imported")


def test_a_duplicate_in_a_batch_is_flagged_with_the_article_it_repeats(user_client, no_extraction):
    files = [_file("first.txt", _story("gas")), _file("again.txt", _story("gas"))]

    response = user_client.post(UPLOAD, {"file": files}, follow=True)

    article = Article.objects.get()
    again = response.context["files"][1]
    assert (again["duplicate"], again["article"], again["earlier_file"]) == (
        "same text as",
        article,
        "first.txt",
    )
    assert f"same text as article {article.pk}" in " ".join(response.text.split())


def test_a_title_given_for_many_files_is_said_to_be_unused(user_client, no_extraction):
    files = [_file("a.txt", _story("oil")), _file("b.txt", _story("coal"))]

    response = user_client.post(UPLOAD, {"file": files, "title": "My title"}, follow=True)

    assert not Article.objects.filter(title="My title").exists()
    messages = [str(m) for m in response.context["messages"]]
    assert messages[0].startswith("The title you gave was not used")


def test_many_refused_files_are_all_named_at_the_file_field(user_client, no_extraction):
    files = [_file("a.docx", "x"), _file("b.odt", "y")]

    response = user_client.post(UPLOAD, {"file": files})

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "a.docx is not a .txt, .html, .htm or .pdf file.",
        "b.odt is not a .txt, .html, .htm or .pdf file.",
    ]
    assert 'id="id_file-errors"' in response.text


def test_text_and_files_together_are_refused(user_client, no_extraction):
    response = user_client.post(UPLOAD, {"text": TEXT, "file": [_file("a.txt", TEXT)]})

    assert response.context["form"].errors["file"] == ["Paste text or choose files, not both."]
    assert Article.objects.count() == 0


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2999-01-01"])
def test_an_implausible_publication_date_is_refused_at_its_field(user_client, no_extraction, day):
    response = user_client.post(UPLOAD, {"text": TEXT, "published_at": day})

    assert (
        "Give a publication date between 1900-01-01"
        in response.context["form"].errors["published_at"][0]
    )
    assert Article.objects.count() == 0


def test_a_url_alone_is_fetched_and_imported(user_client, no_extraction):
    with mock.patch(
        "entities.services.article_fetch", return_value=services.ArticleInput(PAGE)
    ) as fetch:
        response = user_client.post(UPLOAD, {"url": "https://example.org/envoy"})

    fetch.assert_called_once_with(url="https://example.org/envoy")
    article = Article.objects.get()
    assert response.url == article.get_absolute_url()
    assert article.url == "https://example.org/envoy"
    assert article.title == "Seoul summons envoy"


def test_a_refused_url_shows_the_reason_at_the_url_field(user_client, no_extraction):
    refused = ValidationError({"url": "127.0.0.1 is a private address; it is not fetched."})
    with mock.patch("entities.services.article_fetch", side_effect=refused):
        response = user_client.post(UPLOAD, {"url": "http://127.0.0.1/admin"})

    assert response.status_code == 200
    assert response.context["form"].errors["url"] == [
        "127.0.0.1 is a private address; it is not fetched."
    ]
    assert 'id="id_url-errors"' in response.text
    assert Article.objects.count() == 0


def test_a_private_address_is_refused_by_the_real_fetcher(user_client, no_extraction):
    response = user_client.post(UPLOAD, {"url": "http://127.0.0.1:9/page"})

    assert response.status_code == 200
    assert "url" in response.context["form"].errors
    assert Article.objects.count() == 0


def test_a_malformed_url_is_refused_at_the_url_field(user_client):
    response = user_client.post(UPLOAD, {"url": "not a url"})

    assert response.context["form"].errors["url"] == ["Enter a valid URL."]


def test_text_with_a_url_keeps_the_url_as_the_source(user_client, no_extraction):
    with mock.patch("entities.services.article_fetch") as fetch:
        user_client.post(UPLOAD, {"text": TEXT, "url": "https://example.org/kremlin"})

    fetch.assert_not_called()
    assert Article.objects.get().url == "https://example.org/kremlin"


def test_upload_form_labels_every_field(user_client):
    response = user_client.get(UPLOAD)

    for name in ("text", "file", "url", "title", "publisher", "published_at"):
        assert f'<label for="id_{name}">' in response.text
    assert "multiple" in response.text


def test_status_page_lists_each_article_with_its_status(client):
    done = ArticleFactory(title="Done one", status=Article.Status.DONE)
    queued = ArticleFactory(title="Waiting one", status=Article.Status.QUEUED)

    response = client.get(STATUS, {"ids": f"{done.pk},{queued.pk}"})

    assert [a.pk for a in response.context["articles"]] == [done.pk, queued.pk]
    assert response.context["running"] is True
    assert "Done one" in response.text
    assert "Waiting one" in response.text
    assert 'hx-trigger="every 2s"' in response.text


def test_status_page_stops_polling_when_all_are_finished(client):
    a = ArticleFactory(status=Article.Status.DONE)
    b = ArticleFactory(status=Article.Status.FAILED, error="Too short.")

    response = client.get(STATUS, {"ids": f"{a.pk},{b.pk}"})

    assert "hx-trigger" not in response.text
    assert "All done." in response.text
    assert "Too short." in response.text


def test_status_page_answers_htmx_with_the_list_only(client):
    a = ArticleFactory(status=Article.Status.PROCESSING)

    response = client.get(STATUS, {"ids": str(a.pk)}, headers={"HX-Request": "true"})

    assert response.text.lstrip().startswith('<div id="upload-rows"')
    assert "<html" not in response.text


def test_status_page_ignores_garbage_ids(client):
    response = client.get(STATUS, {"ids": "1,abc,,-3"})

    assert response.status_code == 200
    assert response.context["articles"] == []


@pytest.mark.parametrize("ids", ["\u00b2", "\u0663", "99999999999999999999999"])
def test_status_page_ignores_ids_that_are_not_plain_numbers(client, ids):
    # "²" and "٣" pass str.isdigit() but not int(); 23 digits overflow the database's integers
    a = ArticleFactory(status=Article.Status.DONE)

    response = client.get(STATUS, {"ids": f"{a.pk},{ids}"})

    assert response.status_code == 200
    assert [x.pk for x in response.context["articles"]] == [a.pk]


@pytest.mark.parametrize("rows", [3, 30])
def test_status_page_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, rows):
    ids = ",".join(str(ArticleFactory().pk) for _ in range(rows))

    with django_assert_max_num_queries(3):
        response = client.get(STATUS, {"ids": ids})

    assert len(response.context["articles"]) == rows


def test_a_pdf_file_goes_through_the_text_extraction_service(user_client, no_extraction):
    pdf = SimpleUploadedFile("talks.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    given = services.ArticleInput(TEXT)
    with mock.patch("entities.services.article_text_from_upload", return_value=given) as read:
        response = user_client.post(UPLOAD, {"file": pdf})

    read.assert_called_once_with(name="talks.pdf", data=b"%PDF-1.4 ...")
    article = Article.objects.get()
    assert response.url == article.get_absolute_url()
    assert article.title == "Kremlin rejects talks in Geneva"


def test_an_unreadable_pdf_is_refused_at_the_file_field(user_client, no_extraction):
    pdf = SimpleUploadedFile("talks.pdf", b"%PDF-1.4 broken", content_type="application/pdf")

    response = user_client.post(UPLOAD, {"file": pdf})

    assert response.status_code == 200
    assert response.context["form"].errors["file"][0].startswith("talks.pdf ")
    assert Article.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused_without_reading_it(
    user_client, no_extraction, settings
):
    settings.NEWSAPP_MAX_UPLOAD_BYTES = 10
    with mock.patch("entities.services.article_text_from_upload") as read:
        response = user_client.post(UPLOAD, {"file": _file("long.txt", "x" * 11)})

    read.assert_not_called()
    assert response.context["form"].errors["file"] == [
        "long.txt is 11 bytes; files up to 10 bytes are accepted."
    ]


def test_the_file_input_accepts_the_suffixes_the_upload_service_reads(user_client):
    response = user_client.get(UPLOAD)

    assert services.UPLOAD_SUFFIXES == (".txt", ".html", ".htm", ".pdf")
    assert 'accept=".txt,.html,.htm,.pdf"' in response.text


def test_one_empty_file_is_named_at_the_file_field(user_client, no_extraction):
    response = user_client.post(UPLOAD, {"file": _file("empty.txt", "")})

    assert response.context["form"].errors["file"] == ["empty.txt is empty (0 bytes)."]
    assert Article.objects.count() == 0
