"""HTML pages: lists, article and actor pages, and the upload form."""

from __future__ import annotations

import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from entities.models import Actor, Article, Statement
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleFactory,
    MentionFactory,
    StatementFactory,
    StatementTargetFactory,
)

pytestmark = pytest.mark.django_db

ARTICLE_LIST = reverse("entities:article_list")
ACTOR_LIST = reverse("entities:actor_list")
UPLOAD = reverse("entities:article_upload")

TEXT = """Kremlin rejects talks in Geneva

Kremlin spokesman Dmitry Peskov said on Monday that Russia would not take part in the talks.

"We see no reason to travel to Geneva under these conditions," Peskov told reporters.
"""

HTML = """<!doctype html>
<html><head><title>Seoul summons Japanese envoy over textbook row</title></head>
<body><article>
<h1>Seoul summons Japanese envoy over textbook row</h1>
<p>South Korea's foreign ministry summoned the Japanese ambassador on Wednesday to protest against
new school textbooks that it said distort wartime history.</p>
<p>"The government expresses deep regret over the approval of these textbooks," a ministry
spokesman told reporters in Seoul, adding that Tokyo should face history squarely.</p>
</article></body></html>
"""


def _span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def _said(speaker: Actor, content: str, **kwargs) -> Statement:
    body = f'{speaker.name} said: "{content}"'
    article = ArticleFactory(body=body, **kwargs)
    start, end = _span(body, content)
    return StatementFactory(
        article=article,
        speaker=speaker,
        speaker_start=0,
        speaker_end=len(speaker.name),
        content=content,
        content_start=start,
        content_end=end,
    )


def _next_page_link(html: str) -> str:
    # only inside the pagination: a random title may also start with "Next"
    nav = html[html.index('<nav class="pagination"') :]
    # page numbers ("Next"), or a keyset page's cursor ("Older")
    found = re.search(r'<a (?:rel="next" )?href="([^"]*)">(?:Next|Older)', nav)
    assert found, "no link to the next page"
    return found.group(1)


def _articles_with_statements(n: int, user) -> None:
    for _ in range(n):
        article = ArticleFactory(uploaded_by=user)
        StatementTargetFactory(statement=StatementFactory(article=article))


def _actors_with_statements(n: int) -> None:
    country = ActorFactory(kind=Actor.Kind.COUNTRY)
    for _ in range(n):
        actor = ActorFactory(country=country, role="Foreign Minister")
        ActorAliasFactory(actor=actor)
        MentionFactory(actor=actor)
        StatementTargetFactory(statement=StatementFactory(speaker=actor), actor=country)


# -- lists ------------------------------------------------------------------------------------


def test_article_list_shows_articles(client):
    ArticleFactory(title="Seoul summons Japanese envoy", publisher="Yonhap")

    response = client.get(ARTICLE_LIST)

    assert response.status_code == 200
    assert "Seoul summons Japanese envoy" in response.text
    assert "Yonhap" in response.text


def test_article_list_paginates(client):
    for _ in range(30):
        ArticleFactory()

    first = client.get(ARTICLE_LIST)
    second = client.get(ARTICLE_LIST + html.unescape(_next_page_link(first.text)))

    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 5
    assert not {a.pk for a in first.context["page"].object_list} & {
        a.pk for a in second.context["page"].object_list
    }
    assert "30 articles." in second.text
    assert ">Older" not in second.text
    assert ">← Newer" in second.text


def test_article_list_next_page_link_keeps_the_status_filter(client):
    for _ in range(30):
        ArticleFactory(status=Article.Status.DONE)

    response = client.get(ARTICLE_LIST, {"status": "done"})

    assert "status=done" in _next_page_link(response.text)


@pytest.mark.parametrize("rows", [3, 30])
def test_article_list_runs_a_bounded_number_of_queries(
    client, user, django_assert_max_num_queries, rows
):
    _articles_with_statements(rows, user)

    # the count, the page's ids, its rows; on PostgreSQL the count's estimate and the plan's
    # setting in a transaction (entities.selectors.keyset)
    with django_assert_max_num_queries(8):
        response = client.get(ARTICLE_LIST)

    assert response.status_code == 200


def test_actor_list_shows_actors_with_their_counts(client):
    actor = ActorFactory(name="Dmitry Peskov")
    MentionFactory(actor=actor)
    StatementFactory(speaker=actor)

    response = client.get(ACTOR_LIST)

    row = next(a for a in response.context["page"].object_list if a.pk == actor.pk)
    assert "Dmitry Peskov" in response.text
    assert (row.mention_count, row.statements_by, row.statements_about) == (1, 1, 0)


def test_actor_list_hides_merged_actors(client):
    survivor = ActorFactory(name="Vladimir Putin")
    ActorFactory(name="V. Putin", merged_into=survivor)

    response = client.get(ACTOR_LIST)

    assert [a.name for a in response.context["page"].object_list] == ["Vladimir Putin"]


def test_actor_list_paginates(client):
    for _ in range(30):
        ActorFactory()

    first = client.get(ACTOR_LIST)
    second = client.get(ACTOR_LIST, {"page": 2})

    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 5
    assert "Page 2 of 2" in second.text


def test_actor_list_next_page_link_keeps_the_kind_filter(client):
    for _ in range(30):
        ActorFactory(kind=Actor.Kind.PERSON)

    response = client.get(ACTOR_LIST, {"kind": "person"})

    assert "kind=person" in _next_page_link(response.text)


@pytest.mark.parametrize("rows", [3, 30])
def test_actor_list_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, rows):
    _actors_with_statements(rows)

    with django_assert_max_num_queries(2):
        response = client.get(ACTOR_LIST)

    assert response.status_code == 200


def test_actor_search_finds_a_name(client):
    ActorFactory(name="Dmitry Peskov")
    ActorFactory(name="Sergei Lavrov")

    response = client.get(ACTOR_LIST, {"q": "peskov"})

    assert [a.name for a in response.context["page"].object_list] == ["Dmitry Peskov"]


def test_actor_search_finds_an_alias(client):
    kim = ActorFactory(name="Kim Jong Un")
    ActorAliasFactory(actor=kim, alias="north korean leader")
    ActorFactory(name="Yoon Suk Yeol")

    response = client.get(ACTOR_LIST, {"q": "North Korean leader"})

    assert [a.name for a in response.context["page"].object_list] == ["Kim Jong Un"]


HEADLINE = "Lavrov says Ukraine attacked Putin's residence"


def _said_in_headline(article, **fields):
    """'Lavrov says Ukraine attacked ...' in the title of `article` (whose title is HEADLINE)."""
    return StatementFactory(
        article=article,
        in_title=True,
        speaker_start=0,
        speaker_end=6,
        cue_start=7,
        cue_end=11,
        content_start=12,
        content_end=len(HEADLINE),
        content=HEADLINE[12:],
        **fields,
    )


# -- article page -----------------------------------------------------------------------------


def test_article_detail_shows_statements_with_their_speakers(client):
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    statement = _said(peskov, "We see no reason to travel to Geneva")

    response = client.get(statement.article.get_absolute_url())

    assert response.status_code == 200
    assert response.context["statements"] == [statement]
    assert "We see no reason to travel to Geneva" in response.text
    assert '<a href="/actors/dmitry-peskov/">Dmitry Peskov</a>' in response.text


def test_a_statement_made_in_the_headline_is_marked_in_the_title_not_the_body(client):
    title = HEADLINE
    body = "Ukraine attacked nothing, the Ukrainian government said on Monday evening."
    article = ArticleFactory(title=title, body=body)
    headline = _said_in_headline(article)

    response = client.get(article.get_absolute_url())

    h1 = response.text.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert f'data-statement="{headline.pk}"' in h1
    assert "Ukraine attacked Putin" in h1
    body_html = response.text.split('id="article-body">', 1)[1].split("</div>", 1)[0]
    assert f'data-statement="{headline.pk}"' not in body_html
    assert "Ukraine attacked nothing" in body_html
    url = f"{article.get_absolute_url()}?s={headline.pk}#statement-{headline.pk}"
    assert f'href="{url}">in the headline</a>' in response.text


def test_article_detail_shows_the_targets_of_a_statement(client):
    statement = _said(ActorFactory(name="Dmitry Peskov"), "Washington is not serious")
    StatementTargetFactory(
        statement=statement, actor=ActorFactory(name="United States", slug="united-states")
    )

    response = client.get(statement.article.get_absolute_url())

    assert 'about <a href="/actors/united-states/">United States</a>' in response.text


def test_article_detail_links_each_mention_to_its_actor(client):
    body = "Kremlin spokesman Dmitry Peskov said Russia would not attend."
    article = ArticleFactory(body=body)
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    russia = ActorFactory(name="Russia", slug="russia", kind=Actor.Kind.COUNTRY)
    MentionFactory(article=article, actor=peskov, start=18, end=31)
    MentionFactory(article=article, actor=russia, start=37, end=43)

    response = client.get(article.get_absolute_url())

    assert '<a class="mention kind-person" href="/actors/dmitry-peskov/"' in response.text
    assert 'title="Dmitry Peskov">Dmitry Peskov</a>' in response.text
    assert 'href="/actors/russia/" title="Russia">Russia</a>' in response.text


def test_article_detail_escapes_markup_in_the_article_text(client):
    body = (
        "Officials posted <script>alert(1)</script> online. "
        'Dmitry Peskov said: "<b>bold</b> claims are false."'
    )
    article = ArticleFactory(title="Peskov <b>denies</b>", body=body)
    peskov = ActorFactory(name="Dmitry Peskov")
    MentionFactory(
        article=article, actor=peskov, start=body.index("Dmitry"), end=body.index(" said")
    )
    start, end = _span(body, "<b>bold</b> claims are false.")
    StatementFactory(
        article=article,
        speaker=peskov,
        content_start=start,
        content_end=end,
        content=body[start:end],
    )

    response = client.get(article.get_absolute_url())

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "&lt;b&gt;bold&lt;/b&gt;" in response.text
    assert "<script>" not in response.text
    assert "<b>" not in response.text


def test_article_detail_escapes_markup_inside_a_mention(client):
    body = "<i>Peskov</i> said the talks were over."
    article = ArticleFactory(body=body)
    MentionFactory(article=article, actor=ActorFactory(), start=0, end=len("<i>Peskov</i>"))

    response = client.get(article.get_absolute_url())

    assert "&lt;i&gt;Peskov&lt;/i&gt;</a>" in response.text
    assert "<i>" not in response.text


def test_article_detail_of_a_failed_article_says_why(client):
    article = ArticleFactory(status=Article.Status.FAILED, error="The spaCy model is missing.")

    response = client.get(article.get_absolute_url())

    assert "Extraction failed: The spaCy model is missing." in response.text


def test_unknown_article_is_404(client):
    response = client.get(reverse("entities:article_detail", args=[987654]))

    assert response.status_code == 404


# -- upload -----------------------------------------------------------------------------------


def test_upload_page_requires_login(client):
    response = client.get(UPLOAD)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={UPLOAD}"


def test_upload_post_requires_login(client):
    response = client.post(UPLOAD, {"text": TEXT})

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert Article.objects.count() == 0


def test_upload_form_renders_for_a_logged_in_user(user_client):
    response = user_client.get(UPLOAD)

    assert response.status_code == 200
    assert 'name="text"' in response.text
    assert 'name="file"' in response.text


def test_upload_of_text_creates_an_article_and_redirects_to_it(user_client, user):
    response = user_client.post(UPLOAD, {"text": TEXT})

    article = Article.objects.get()
    assert response.status_code == 302
    assert response.url == article.get_absolute_url()
    assert article.title == "Kremlin rejects talks in Geneva"
    assert article.status == Article.Status.QUEUED
    assert article.uploaded_by == user


def test_upload_of_a_known_article_redirects_to_the_existing_one(user_client):
    user_client.post(UPLOAD, {"text": TEXT})

    response = user_client.post(UPLOAD, {"text": TEXT})

    article = Article.objects.get()
    assert response.url == article.get_absolute_url()


def test_upload_without_text_or_file_shows_the_error_at_the_text_field(user_client):
    response = user_client.post(UPLOAD, {"text": "  "})

    assert response.status_code == 200
    assert response.context["form"].errors["text"] == [
        "Paste the article text, choose a file or give a URL."
    ]
    assert 'id="id_text-errors"' in response.text
    assert Article.objects.count() == 0


def test_upload_of_an_unsupported_file_type_is_refused_at_the_file_field(user_client):
    doc = SimpleUploadedFile("talks.docx", b"PK\x03\x04...", content_type="application/msword")

    response = user_client.post(UPLOAD, {"file": doc})

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "talks.docx is not a .txt, .html, .htm or .pdf file."
    ]
    assert 'id="id_file-errors"' in response.text
    assert Article.objects.count() == 0


def test_a_refused_file_is_not_also_reported_as_missing_text(user_client):
    doc = SimpleUploadedFile("talks.docx", b"PK\x03\x04...", content_type="application/msword")

    response = user_client.post(UPLOAD, {"file": doc})

    assert "text" not in response.context["form"].errors


def test_upload_of_a_txt_file_creates_an_article(user_client):
    upload = SimpleUploadedFile("talks.txt", TEXT.encode(), content_type="text/plain")

    response = user_client.post(UPLOAD, {"file": upload})

    article = Article.objects.get()
    assert response.url == article.get_absolute_url()
    assert article.raw == TEXT
    assert article.raw_format == Article.Format.TEXT
    assert "Dmitry Peskov said on Monday" in article.body


def test_upload_of_an_html_file_creates_an_article_from_its_text(user_client):
    upload = SimpleUploadedFile("envoy.html", HTML.encode(), content_type="text/html")

    response = user_client.post(UPLOAD, {"file": upload})

    article = Article.objects.get()
    assert response.url == article.get_absolute_url()
    assert article.raw_format == Article.Format.HTML
    assert article.title == "Seoul summons Japanese envoy over textbook row"
    assert article.body.startswith("South Korea's foreign ministry summoned")
    assert "<p>" not in article.body


def test_upload_of_a_file_that_is_not_utf8_is_refused(user_client):
    upload = SimpleUploadedFile("talks.txt", "Séoul convoque l’ambassadeur".encode("cp1252"))

    response = user_client.post(UPLOAD, {"file": upload})

    assert response.context["form"].errors["file"] == ["talks.txt is not UTF-8 text."]
    assert Article.objects.count() == 0


# -- actor page -------------------------------------------------------------------------------


def test_actor_detail_lists_statements_by_the_actor(client):
    peskov = ActorFactory(name="Dmitry Peskov")
    said = _said(peskov, "We see no reason to travel to Geneva")

    response = client.get(peskov.get_absolute_url())

    assert list(response.context["said"]) == [said]
    assert list(response.context["about"]) == []
    assert "We see no reason to travel to Geneva" in response.text


def test_actor_detail_lists_statements_about_the_actor(client):
    peskov = ActorFactory(name="Dmitry Peskov")
    about = _said(ActorFactory(name="Antony Blinken"), "Peskov is misleading the public")
    StatementTargetFactory(statement=about, actor=peskov)

    response = client.get(peskov.get_absolute_url())

    assert list(response.context["about"]) == [about]
    assert list(response.context["said"]) == []
    assert "Peskov is misleading the public" in response.text


def test_actor_detail_links_a_statement_to_its_place_in_the_article(client):
    peskov = ActorFactory(name="Dmitry Peskov")
    said = _said(peskov, "We see no reason to travel to Geneva")

    response = client.get(peskov.get_absolute_url())

    url = said.article.get_absolute_url()
    assert f'href="{url}?s={said.pk}#statement-{said.pk}"' in response.text


def test_merged_actor_redirects_permanently_to_the_survivor(client):
    survivor = ActorFactory(name="Vladimir Putin", slug="vladimir-putin")
    merged = ActorFactory(name="V. Putin", slug="v-putin", merged_into=survivor)

    response = client.get(merged.get_absolute_url())

    assert response.status_code == 301
    assert response.url == "/actors/vladimir-putin/"


def test_unknown_actor_is_404(client):
    response = client.get(reverse("entities:actor_detail", args=["nobody-at-all"]))

    assert response.status_code == 404


def test_actor_page_gives_the_full_count_when_it_shows_only_the_newest(client):
    speaker = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    article = ArticleFactory(body="Peskov said the talks would not resume this year at all.")
    StatementFactory.create_batch(105, article=article, speaker=speaker)

    response = client.get(reverse("entities:actor_detail", args=["dmitry-peskov"]))

    assert "(105, newest 10 shown)" in response.text


def test_a_headline_statement_is_shown_in_its_title_on_the_pair_page(client):
    title = HEADLINE
    article = ArticleFactory(title=title, body="Nothing at all was said here. " * 40)
    lavrov = ActorFactory(name="Sergei Lavrov", slug="sergei-lavrov")
    ukraine = ActorFactory(name="Ukraine", slug="ukraine", kind="country")
    headline = _said_in_headline(article, speaker=lavrov)
    StatementTargetFactory(statement=headline, actor=ukraine, start=12, end=19)

    response = client.get(reverse("entities:actor_pair", args=["sergei-lavrov", "ukraine"]))

    assert "<mark>Ukraine attacked Putin&#x27;s residence</mark>" in response.text


def test_a_headline_statement_is_marked_on_every_page_and_listed_first(client, monkeypatch):
    from entities.selectors import articles as article_selectors

    monkeypatch.setattr(article_selectors, "ARTICLE_STATEMENTS_PAGE", 2)
    title = HEADLINE
    article = ArticleFactory(title=title, body="Nothing was said here at all. " * 20)
    body_statements = [
        StatementFactory(article=article, content_start=30 * i, content_end=30 * i + 20)
        for i in range(3)
    ]
    headline = _said_in_headline(article)

    first = client.get(article.get_absolute_url())
    second = client.get(article.get_absolute_url(), {"page": 2})
    opened = client.get(article.get_absolute_url(), {"s": headline.pk})

    assert [s.pk for s in first.context["statements"]] == [headline.pk, body_statements[0].pk]
    assert headline.pk not in [s.pk for s in second.context["statements"]]
    for response in (first, second, opened):
        h1 = response.text.split("<h1>", 1)[1].split("</h1>", 1)[0]
        assert f'data-statement="{headline.pk}"' in h1
    assert opened.context["selected_in_title"] == headline.pk
    assert (
        article_selectors.article_statement_page_of(
            article=article, statement_id=body_statements[-1].pk
        )
        == 2
    )
