"""The review queue: which statements are in it and in what order, marking one reviewed (a
correction like the others), and the /review/ page with its in-place controls."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from entities import selectors, services
from entities.models import Correction, PossibleDuplicate, Statement
from tests.factories import ActorFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db

QUEUE = "/review/"


@pytest.fixture
def cast():
    return {
        "peskov": ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov"),
        "lavrov": ActorFactory(name="Sergei Lavrov", slug="sergei-lavrov"),
        "korea": ActorFactory(name="North Korea", slug="north-korea", kind="country"),
    }


def _with(statement: Statement, **fields) -> Statement:
    Statement.objects.filter(pk=statement.pk).update(**fields)
    statement.refresh_from_db()
    return statement


def test_the_queue_holds_unreviewed_statements_with_a_reason_most_doubtful_first(cast):
    sure = said(cast["peskov"], "Pyongyang is a partner", about=[cast["korea"]])
    unsure = _with(said(cast["peskov"], "Maybe", about=[cast["korea"]]), confidence=0.5)
    nobody = _with(said(None, "Unknown words", about=[cast["korea"]]), confidence=0.4)
    untargeted = said(cast["lavrov"], "We will see")

    queue = list(selectors.review_queue())

    assert queue == [nobody, unsure, untargeted]  # 100, 50, 25; `sure` has no reason
    assert sure not in queue
    assert [r.code for r in selectors.review_reasons(queue[0])] == [
        "unresolved_speaker",
        "low_confidence",
    ]
    assert [q.priority for q in queue] == pytest.approx([100, 50, 25])


def test_a_speaker_with_an_open_possible_duplicate_is_a_reason(cast):
    statement = said(cast["peskov"], "Pyongyang is a partner", about=[cast["korea"]])
    other = ActorFactory(name="D. Peskov")
    low, high = sorted([cast["peskov"], other], key=lambda a: a.pk)
    pair = PossibleDuplicate.objects.create(actor=low, other=high, reason="same surname")

    assert list(selectors.review_queue(reason="possible_duplicate")) == [statement]

    pair.dismissed = True
    pair.save()
    assert list(selectors.review_queue()) == []


def test_the_queue_filters_by_article_and_reason(cast):
    one = said(None, "First words", about=[cast["korea"]])
    two = said(cast["peskov"], "Second words")

    assert list(selectors.review_queue(article=one.article)) == [one]
    assert list(selectors.review_queue(reason="no_targets")) == [two]
    assert list(selectors.review_queue(reason="unresolved_speaker")) == [one]


def test_marking_reviewed_takes_it_out_of_the_queue_and_is_recorded(cast, editor):
    statement = said(None, "Unknown words")

    services.statement_mark_reviewed(statement=statement, user=editor)

    assert list(selectors.review_queue()) == []
    statement.refresh_from_db()
    assert statement.reviewed_by == editor
    correction = Correction.objects.get(kind=Correction.Kind.REVIEW)
    assert (correction.article_id, correction.content_start, correction.created_by) == (
        statement.article_id,
        statement.content_start,
        editor,
    )
    assert correction.data["reviewed"] is True


def test_unmarking_puts_it_back_and_replaces_the_standing_decision(cast, editor):
    statement = said(None, "Unknown words")
    services.statement_mark_reviewed(statement=statement, user=editor)

    services.statement_unmark_reviewed(statement=statement, user=editor)

    assert list(selectors.review_queue()) == [statement]
    assert Statement.objects.get(pk=statement.pk).reviewed_at is None
    assert list(
        Correction.objects.filter(kind=Correction.Kind.REVIEW).values_list(
            "data__reviewed", flat=True
        )
    ) == [False]


# -- the page ---------------------------------------------------------------------------------


def test_the_queue_page_is_for_editors(client, user):
    anonymous = client.get(QUEUE)
    assert (anonymous.status_code, anonymous.url) == (302, "/accounts/login/?next=/review/")
    client.force_login(user)
    assert client.get(QUEUE).status_code == 403


def test_the_nav_links_the_queue_for_editors_only(client, user, editor):
    client.force_login(user)
    assert 'href="/review/"' not in client.get("/").content.decode()
    client.force_login(editor)
    assert 'href="/review/"' in client.get("/").content.decode()


def test_the_queue_page_shows_each_statement_in_its_sentence_with_its_reasons(client, editor, cast):
    statement = _with(said(None, "We will not go"), confidence=0.42)
    client.force_login(editor)

    response = client.get(QUEUE)

    text = response.content.decode()
    assert response.status_code == 200
    assert f'id="review-{statement.pk}"' in text
    assert "<mark>We will not go</mark>" in text
    assert "speaker not resolved to an actor" in text
    assert "about nobody (no target)" in text
    assert "confidence 0.42 (low)" in text
    assert "100 × (1 − confidence)" in text  # the formula, in the page's help
    assert 'hx-post="/review/' in text


def test_a_wrong_filter_says_what_is_wrong(client, editor):
    client.force_login(editor)

    response = client.get(QUEUE, {"article": "987654"})

    assert response.status_code == 200
    assert "No article has the id 987654." in response.content.decode()
    assert response.context["page"] is None


def test_an_htmx_speaker_correction_answers_the_item_updated(client, editor, cast):
    statement = said(None, "We will not go")
    client.force_login(editor)

    response = client.post(
        reverse("entities:review_speaker", args=[statement.pk]),
        {"speaker": "Sergei Lavrov", "next": "/review/?page=1"},
        HTTP_HX_REQUEST="true",
    )

    text = response.content.decode()
    assert response.status_code == 200
    item = f'<li class="review-item kind-direct" id="review-{statement.pk}"'
    assert text.lstrip().startswith(item)
    assert '<a href="/actors/sergei-lavrov/">Sergei Lavrov</a>' in text
    assert "speaker not resolved" not in text
    assert Statement.objects.get(pk=statement.pk).speaker == cast["lavrov"]
    assert "<!doctype html>" not in text  # a fragment, not a page


def test_a_refused_htmx_correction_answers_400_with_the_error_at_its_field(client, editor, cast):
    statement = said(None, "We will not go")
    client.force_login(editor)

    response = client.post(
        reverse("entities:review_speaker", args=[statement.pk]),
        {"speaker": "nobody at all"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 400
    assert "No actor is called “nobody at all”." in response.content.decode()
    assert f'id="r{statement.pk}-speaker-speaker-errors"' in response.content.decode()


def test_without_javascript_a_correction_comes_back_to_the_queue_page(client, editor, cast):
    statement = said(None, "We will not go")
    client.force_login(editor)

    response = client.post(
        reverse("entities:review_targets", args=[statement.pk]),
        {"targets": "north-korea", "next": "/review/?reason=no_targets"},
    )

    assert response.status_code == 302
    assert response.url == f"/review/?reason=no_targets#review-{statement.pk}"
    assert [t.actor for t in statement.targets.all()] == [cast["korea"]]


def test_the_next_address_must_be_the_queue(client, editor):
    statement = said(None, "We will not go")
    client.force_login(editor)

    response = client.post(
        reverse("entities:review_mark", args=[statement.pk]), {"next": "https://evil.example/"}
    )

    assert response.url == "/review/"


def test_mark_reviewed_in_place_then_undo(client, editor):
    statement = said(None, "We will not go")
    client.force_login(editor)
    url = reverse("entities:review_mark", args=[statement.pk])

    marked = client.post(url, {"reviewed": "true"}, HTTP_HX_REQUEST="true")

    assert "has left the queue" in marked.content.decode()
    assert "Undo" in marked.content.decode()
    assert f'id="review-{statement.pk}"' not in client.get(QUEUE).content.decode()

    client.post(url, {"reviewed": "false"}, HTTP_HX_REQUEST="true")
    assert f'id="review-{statement.pk}"' in client.get(QUEUE).content.decode()


def test_the_review_queue_page_reads_a_bounded_number_of_times(
    client, editor, cast, django_assert_max_num_queries
):
    for n in range(12):
        said(None, f"Unknown words {n}", about=[cast["korea"]])
    client.force_login(editor)

    with django_assert_max_num_queries(14):
        assert client.get(QUEUE).status_code == 200


def test_each_statement_shows_its_confidence_in_words(client):
    statement = _with(said(ActorFactory(), "We will not go"), confidence=0.42)

    response = client.get(statement.article.get_absolute_url())

    assert "confidence 0.42 (low)" in response.content.decode()


def test_a_reviewed_statement_says_so_on_its_article_page(client, editor):
    statement = said(ActorFactory(), "We will not go")
    services.statement_mark_reviewed(statement=statement, user=editor)

    response = client.get(statement.article.get_absolute_url())

    assert "✓ reviewed" in response.content.decode()


def test_reviewing_a_statement_that_was_just_retired_says_so(cast, editor):
    statement = said(None, "Unknown words")
    Statement.objects.filter(pk=statement.pk).delete()

    with pytest.raises(ValidationError, match="no longer exists"):
        services.statement_mark_reviewed(statement=statement, user=editor)
