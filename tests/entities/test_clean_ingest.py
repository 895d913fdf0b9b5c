"""Clean ingest: documents with no article in them are refused at every entry point; PDFs give
their title, their text without print furniture, and a date only from real metadata or a
dateline. PDFs are written by the tests (tests.helpers.make_pdf) and read by the real parser."""

from __future__ import annotations

from datetime import UTC, date, datetime
from io import StringIO
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from entities import services
from entities.models import Article
from tests.helpers import make_pdf, token_client

pytestmark = pytest.mark.django_db

UPLOAD = reverse("entities:article_upload")
HEADER = "11/29/26, 7:06 PM"
STORY = [
    "MOSCOW, Nov. 29 (Reuters) - Kremlin spokesman Dmitry Peskov said on Friday that the inter-",
    "national talks in Geneva had been useful and that Russia was ready for a long-",
    "term agreement on the exchange of prisoners, adding that the two sides would",
    "meet again next month.",
    "He said more work was needed before any deal could be signed by both sides.",
]
BLANK_PRINT = make_pdf(
    [[HEADER, "file:///C:/Users/ana/Downloads/blank.html 1/1"]],
    title=HEADER,
    producer="Skia/PDF m131",
    created=datetime(2026, 11, 29, 19, 6, tzinfo=UTC),
)
MENU_PAGE = (
    "Home | World | Politics | Subscribe now for $1\n\n"
    "We use cookies and similar technologies to improve your experience, measure our traffic "
    "and show you advertising that suits you. Accept all cookies or manage your preferences.\n\n"
    "Subscribe\n\nSign in\n\nLatest news\n\nWorld\n\nPolitics\n\nBusiness\n\nOpinion\n\n"
    "Subscribe now for $1 a month and read everything we publish, on every device you own.\n\n"
    "© 2016 Example News. All rights reserved. Terms of use and privacy policy apply here."
)


@pytest.fixture
def no_extraction():
    with mock.patch("entities.tasks.extract_article.delay"):
        yield


def _printed_story(**meta) -> bytes:
    return make_pdf(
        [
            [HEADER, "Home | World | Politics | Subscribe now for $1",
             ("Russia says Geneva talks useful", 20), *STORY[:3],
             "file:///C:/Users/ana/story.html 1/2"],
            [HEADER, *STORY[3:], "file:///C:/Users/ana/story.html 2/2"],
        ],
        **meta,
    )  # fmt: skip


# -- refusing documents with no article in them ----------------------------------------------


def test_a_blank_browser_printed_pdf_is_refused_not_titled_with_its_print_time(
    user_client, no_extraction
):
    pdf = SimpleUploadedFile("blank.pdf", BLANK_PRINT, content_type="application/pdf")

    response = user_client.post(UPLOAD, {"file": pdf})

    assert response.status_code == 200
    error = response.context["form"].errors["file"][0]
    assert error == "blank.pdf has no article text: only print headers and footers (a blank page?)."
    assert not Article.objects.exists()


def test_a_page_of_menus_and_banners_is_refused_saying_why(user_client, no_extraction):
    response = user_client.post(UPLOAD, {"text": MENU_PAGE})

    error = response.context["form"].errors["text"][0]
    assert error.startswith("The text is only site furniture")
    assert "at least 25 are needed" in error
    assert not Article.objects.exists()


def test_too_short_a_text_is_refused_by_the_api(user):
    response = token_client(user).post(
        "/api/v1/articles/", {"text": "Peskov said the talks were useful."}, format="json"
    )

    assert response.status_code == 400
    message = response.json()["error"]["fields"]["text"][0]
    assert message.startswith("The text has 6 words of article text; at least 25 are needed")


def test_a_blank_pdf_is_refused_by_the_api_naming_the_file_field(user):
    response = token_client(user).post(
        "/api/v1/articles/",
        {"file": SimpleUploadedFile("blank.pdf", BLANK_PRINT, content_type="application/pdf")},
        format="multipart",
    )

    assert response.status_code == 400
    assert "no article text" in response.json()["error"]["fields"]["file"][0]


def test_the_import_command_refuses_a_page_of_menus_with_its_reason(tmp_path):
    (tmp_path / "menu.txt").write_text(MENU_PAGE, encoding="utf-8")
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path), stdout=StringIO(), stderr=err)

    assert "menu.txt: The text is only site furniture" in err.getvalue()


def test_the_minimum_is_a_setting(settings, no_extraction):
    settings.NEWSAPP_MIN_ARTICLE_WORDS = 3
    _, created = services.article_create(raw="Talks\n\nPeskov said the talks were useful.")
    assert created
    settings.NEWSAPP_MIN_ARTICLE_WORDS = 10
    with pytest.raises(ValidationError, match="at least 10 are needed"):
        services.article_create(raw="Talks\n\nLavrov said the talks were useless.")


# -- PDFs ------------------------------------------------------------------------------------


def test_a_printed_pdf_is_titled_by_its_heading_with_its_furniture_removed():
    given = services.article_text_from_upload(name="story.pdf", data=_printed_story())

    assert given.title == "Russia says Geneva talks useful"
    assert "7:06 PM" not in given.raw
    assert "file:///" not in given.raw
    assert "Subscribe" not in given.raw
    assert given.raw.startswith("MOSCOW, Nov. 29 (Reuters) - Kremlin spokesman")
    assert "the international talks" in given.raw
    assert "a long-term agreement" in given.raw
    assert "the two sides would meet again next month." in given.raw  # across the page break


def test_a_pdf_is_titled_by_its_metadata_title_when_it_is_a_real_one():
    given = services.article_text_from_upload(
        name="story.pdf", data=_printed_story(title="Kremlin calls Geneva talks useful")
    )
    assert given.title == "Kremlin calls Geneva talks useful"


def test_a_printed_pdf_is_dated_by_its_dateline_not_its_print_time():
    data = _printed_story(producer="Skia/PDF m131", created=datetime(2026, 12, 3, tzinfo=UTC))

    given = services.article_text_from_upload(name="story.pdf", data=data)

    # "Nov. 29" has no year: the latest 29 November on or before the day the PDF was made
    assert given.published == date(2026, 11, 29)


def test_the_creation_date_of_a_browser_print_is_not_a_publication_date():
    data = make_pdf(
        [[" ".join(STORY[1:])]],
        producer="Skia/PDF m131",
        created=datetime(2026, 11, 29, 19, 6, tzinfo=UTC),
    )
    assert services.article_text_from_upload(name="a.pdf", data=data).published is None


def test_the_creation_date_of_a_publisher_pdf_is_its_date():
    data = make_pdf(
        [[" ".join(STORY[1:])]],
        producer="Adobe InDesign 19.0",
        created=datetime(2024, 3, 5, 9, 0, tzinfo=UTC),
    )
    assert services.article_text_from_upload(name="a.pdf", data=data).published == date(2024, 3, 5)


def test_an_uploaded_pdf_becomes_an_article_with_its_title_and_date(user_client, no_extraction):
    pdf = SimpleUploadedFile("story.pdf", _printed_story(), content_type="application/pdf")

    user_client.post(UPLOAD, {"file": pdf})

    article = Article.objects.get()
    assert article.title == "Russia says Geneva talks useful"
    assert article.published_at.date() == date(2026, 11, 29)
    assert article.body.startswith("MOSCOW, Nov. 29 (Reuters)")


def test_what_the_uploader_types_wins_over_what_the_pdf_says(user_client, no_extraction):
    pdf = SimpleUploadedFile("story.pdf", _printed_story(), content_type="application/pdf")

    user_client.post(UPLOAD, {"file": pdf, "title": "Mine", "published_at": "2026-11-28"})

    article = Article.objects.get()
    assert (article.title, article.published_at.date()) == ("Mine", date(2026, 11, 28))


# -- dates of text and HTML ------------------------------------------------------------------


def test_a_text_is_dated_by_its_dateline(no_extraction):
    article, _ = services.article_create(
        raw="Talks\n\n" + " ".join(STORY).replace("Nov. 29", "March 3, 2024")
    )
    assert article.published_at.date() == date(2024, 3, 3)


def test_an_html_page_is_not_dated_by_its_copyright_footer(no_extraction):
    page = (
        "<html><head><title>Talks in Geneva</title></head><body><article><h1>Talks</h1>"
        f"<p>{' '.join(STORY[1:])}</p></article>"
        "<footer><p>© 2016 Example News. All rights reserved.</p></footer></body></html>"
    )
    article, _ = services.article_create(raw=page)
    assert article.published_at is None
