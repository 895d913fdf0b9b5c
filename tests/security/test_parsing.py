"""Issue 17, point 2: parsing an uploaded PDF or HTML page never holds a web worker. It runs
in a child process under a wall-clock, CPU-time and memory bound; an input over them is
refused with a 400 that says why. Before, pypdf ran in the request: the probe's 4.7 KB PDF
held a worker for 60 s and answered 500."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from entities.models import Article
from tests.helpers import token_client
from tests.security.helpers import costly_pdf

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # they start processes


@pytest.fixture
def uploader(django_user_model):
    user = django_user_model.objects.create_user(username="up", password="a-long-phrase")
    return token_client(user)


@pytest.fixture
def parse_in_the_request(monkeypatch):
    """Fails the test if pypdf or trafilatura run in this (the web) process."""

    def refuse(*args, **kwargs):
        raise AssertionError("parsed in the web process")

    monkeypatch.setattr("pypdf.PdfReader.__init__", refuse)
    monkeypatch.setattr("trafilatura.bare_extraction", refuse)


def test_a_pdf_that_takes_minutes_to_read_is_refused_within_the_bound(
    uploader, settings, parse_in_the_request
):
    settings.NEWSAPP_PARSE_TIMEOUT = 3
    data = costly_pdf()
    assert len(data) < 6000  # a few KB: no size limit could have caught it

    response = uploader.post(
        "/api/v1/articles/",
        {"file": SimpleUploadedFile("costly.pdf", data, "application/pdf")},
        format="multipart",
    )

    assert response.status_code == 400
    message = response.json()["error"]["fields"]["file"][0]
    assert "costly.pdf is too costly to read" in message
    assert "3 s" in message
    assert not Article.objects.exists()


def test_a_pdf_over_the_memory_bound_is_refused(uploader, settings, parse_in_the_request):
    # pypdf refuses to inflate a stream into more than it allows itself, so the bound is set
    # below what the costly PDF's 2 MB content stream needs once inflated
    settings.NEWSAPP_PARSE_MAX_MEMORY = 32 * 1024 * 1024

    response = uploader.post(
        "/api/v1/articles/",
        {"file": SimpleUploadedFile("costly.pdf", costly_pdf(), "application/pdf")},
        format="multipart",
    )

    assert response.status_code == 400
    assert "32 MB of memory" in response.json()["error"]["fields"]["file"][0]


USEFUL = (
    "Peskov said the talks were useful, that both delegations had worked through the night in "
    "Geneva and that a second round would follow in the spring."
)


def test_an_ordinary_pdf_is_still_read(uploader, parse_in_the_request):
    from tests.entities.test_inputs import _pdf

    response = uploader.post(
        "/api/v1/articles/",
        {"file": SimpleUploadedFile("ok.pdf", _pdf(USEFUL))},
        format="multipart",
    )

    assert response.status_code == 201
    assert USEFUL in Article.objects.get().body


def test_html_is_parsed_out_of_the_web_process(uploader, parse_in_the_request):
    html = (
        "<html><head><title>Talks stall</title></head><body><article><h1>Talks stall</h1>"
        "<p>Kremlin spokesman Dmitry Peskov said on Tuesday that the talks had stalled and "
        "that Moscow saw no reason to hurry. He spoke to reporters in the capital.</p>"
        "</article></body></html>"
    )

    response = uploader.post("/api/v1/articles/", {"html": html}, format="json")

    assert response.status_code == 201
    article = Article.objects.get()
    assert "Peskov said on Tuesday" in article.body
    assert article.title == "Talks stall"


def test_html_over_the_time_bound_is_a_400(uploader, settings):
    settings.NEWSAPP_PARSE_TIMEOUT = 0.001  # no child starts that fast

    response = uploader.post("/api/v1/articles/", {"html": "<html><p>x</p></html>"}, format="json")

    assert response.status_code == 400
    assert "too costly to read" in response.json()["error"]["fields"]["html"][0]
