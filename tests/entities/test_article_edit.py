"""Editing an article's details after upload: who may, validation, the record of each change."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from entities.models import Article, Correction
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _edit_url(article: Article) -> str:
    return reverse("entities:article_edit", args=[article.pk])


def _form(**changes) -> dict:
    data = {"title": "Talks resume", "publisher": "", "published_at": "", "url": "", "authors": ""}
    return {**data, **changes}


def test_an_editor_sets_title_date_publisher_url_and_authors(client, editor):
    article = ArticleFactory(title="11/29/26, 7:06 PM", published_at=None, url=None)
    client.force_login(editor)

    response = client.post(
        _edit_url(article),
        _form(
            title="Kremlin calls talks useful",
            publisher="Reuters",
            published_at="2024-03-05",
            url="https://example.org/talks",
            authors="Ana Lima, Joe Bloggs",
        ),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Kremlin calls talks useful"
    assert article.publisher == "Reuters"
    assert article.published_at.date() == date(2024, 3, 5)
    assert article.url == "https://example.org/talks"
    assert article.authors == ["Ana Lima", "Joe Bloggs"]


def test_each_edit_is_recorded_with_who_and_the_values_before_and_after(client, editor):
    article = ArticleFactory(title="Old title", publisher="Wire")
    client.force_login(editor)

    client.post(_edit_url(article), _form(title="New title", publisher="Wire"))

    correction = Correction.objects.get(kind=Correction.Kind.ARTICLE)
    assert correction.article == article
    assert correction.created_by == editor
    assert correction.data == {"before": {"title": "Old title"}, "after": {"title": "New title"}}
    page = client.get(_edit_url(article))
    assert "Old title" in page.text
    assert editor.username in page.text


def test_saving_unchanged_details_records_nothing(client, editor):
    article = ArticleFactory(title="Same", publisher="", url=None, published_at=None, authors=[])
    client.force_login(editor)

    client.post(_edit_url(article), _form(title="Same"))

    assert not Correction.objects.exists()


def test_changing_the_title_of_an_extracted_article_says_headline_statements_stay(client, editor):
    article = ArticleFactory(title="Old", status=Article.Status.DONE)
    client.force_login(editor)

    response = client.post(_edit_url(article), _form(title="New"), follow=True)

    message = next(str(m) for m in response.context["messages"])
    assert "statements found in the old title stay until it is reprocessed" in message


def test_the_uploader_may_edit_their_article(client, user):
    article = ArticleFactory(uploaded_by=user)
    client.force_login(user)

    assert client.post(_edit_url(article), _form(title="Mine")).status_code == 302
    article.refresh_from_db()
    assert article.title == "Mine"


def test_another_user_may_not_edit_an_article(client, user, django_user_model):
    other = django_user_model.objects.create_user(username="other", password="x-long-phrase")
    article = ArticleFactory(uploaded_by=other, title="Theirs")
    client.force_login(user)

    assert client.post(_edit_url(article), _form(title="Mine")).status_code == 403
    article.refresh_from_db()
    assert article.title == "Theirs"


@pytest.mark.parametrize(
    ("changes", "field", "says"),
    [
        ({"title": "  "}, "title", "This field is required."),
        ({"published_at": "1850-01-01"}, "published_at", "Give a publication date between"),
        ({"url": "ftp://example.org/a"}, "url", "Give an http or https address."),
    ],
)
def test_invalid_details_are_refused_at_their_field(client, editor, changes, field, says):
    article = ArticleFactory(title="Kept")
    client.force_login(editor)

    response = client.post(_edit_url(article), _form(**changes))

    assert response.status_code == 200
    assert response.context["form"].errors[field][0].startswith(says)
    article.refresh_from_db()
    assert article.title == "Kept"


def test_an_address_another_article_has_is_refused_naming_it(client, editor):
    other = ArticleFactory(url="https://example.org/taken", title="The other one")
    article = ArticleFactory()
    client.force_login(editor)

    response = client.post(_edit_url(article), _form(url="https://example.org/taken"))

    assert response.context["form"].errors["url"] == [
        f"Article {other.pk} (“The other one”) already has this address."
    ]


def test_after_saving_the_editor_goes_back_to_the_upload_status_page(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    back = f"{reverse('entities:upload_status')}?ids={article.pk}"

    response = client.post(_edit_url(article), {**_form(), "next": back})

    assert response.url == back


def test_the_article_page_offers_editing_to_editors_only(client, editor, user):
    article = ArticleFactory()
    link = _edit_url(article)
    client.force_login(user)
    assert link not in client.get(article.get_absolute_url()).text
    client.force_login(editor)
    assert link in client.get(article.get_absolute_url()).text
