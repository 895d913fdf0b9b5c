"""The article page's statement corrections: span and kind, not a statement and its undo, an
actor from an unresolved speaker, the history; the merge form's help and ambiguity message."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from entities.models import Actor, Correction, Statement
from tests.factories import ActorFactory, ArticleFactory, StatementFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db

BODY = "Officials said the talks had failed. Cyber security experts said attacks would go on."


@pytest.fixture
def statement():
    article = ArticleFactory(body=BODY, title="Talks fail")
    start = BODY.index("attacks")
    return StatementFactory(
        article=article,
        speaker=None,
        speaker_text="Cyber security experts",
        content="attacks would go",
        content_start=start,
        content_end=start + len("attacks would go"),
        kind="indirect",
    )


def _url(name: str, pk: int) -> str:
    return reverse(f"entities:statement_{name}", args=[pk])


def test_an_editor_edits_span_and_kind(editor_client, statement):
    start = BODY.index("attacks")
    end = BODY.index(" on.") + 3
    response = editor_client.post(
        _url("edit", statement.pk), {"start": start, "end": end, "kind": "mixed"}, follow=True
    )

    statement.refresh_from_db()
    assert (statement.content, statement.kind) == ("attacks would go on", "mixed")
    assert "now reads “attacks would go on”" in response.text
    assert "Kind indirect → mixed" in response.text  # the history on the article page


def test_a_span_outside_the_text_is_an_error_at_the_end_field(editor_client, statement):
    response = editor_client.post(
        _url("edit", statement.pk), {"start": 3, "end": 9999, "kind": "direct"}, follow=True
    )

    assert f"outside the text (the text has {len(BODY)} characters)" in response.text
    assert f'id="s{statement.pk}-edit-end-errors"' in response.text
    assert response.redirect_chain[-1][0].endswith(f"#s{statement.pk}-edit-form")
    assert not Correction.objects.exists()


def test_not_a_statement_then_undo(editor_client, statement):
    page = editor_client.post(_url("drop", statement.pk), follow=True)

    assert not Statement.objects.filter(pk=statement.pk).exists()
    assert "1 statement marked not a statement" in page.text
    correction = Correction.objects.get(kind="not_statement")
    undo = reverse("entities:statement_restore", args=[correction.pk])
    assert undo in page.text

    permalink = Client().get(reverse("entities:statement_detail", args=[statement.pk]))
    assert permalink.status_code == 410
    assert "an editor marked it as not a statement" in permalink.text
    assert statement.article.get_absolute_url() in permalink.text

    back = editor_client.post(undo, follow=True)

    assert Statement.objects.filter(pk=statement.pk).exists()
    assert "marked not a statement (left out" not in back.text
    assert "Put back the statement" in back.text


def test_create_an_actor_from_the_unresolved_speaker(editor_client, statement):
    form = editor_client.get(statement.article.get_absolute_url()).text
    assert 'value="Cyber security experts"' in form  # prefilled from the speaker as written
    ActorFactory(name="Russia", slug="russia", kind="country")

    editor_client.post(
        _url("speaker_actor", statement.pk),
        {"name": "Cyber security experts", "kind": "group", "country": "russia"},
    )

    statement.refresh_from_db()
    assert statement.speaker.name == "Cyber security experts"
    assert statement.speaker.country.slug == "russia"


def test_the_new_controls_are_for_editors_only(client, statement):
    html = Client().get(statement.article.get_absolute_url()).text
    assert _url("edit", statement.pk) not in html
    assert "History of corrections" not in html
    response = client.post(_url("drop", statement.pk))
    assert response.status_code == 403
    assert Statement.objects.filter(pk=statement.pk).exists()


def test_merge_help_says_names_work(editor_client):
    actor = ActorFactory(name="Dmitry Peskov")
    html = editor_client.get(actor.get_absolute_url()).text
    assert "by name, alias or slug" in html
    assert "Slug of the actor" not in html


def test_the_ambiguous_merge_message_does_not_offer_the_actor_itself(editor_client):
    barack = ActorFactory(name="Barack Obama", kind=Actor.Kind.PERSON)
    michelle = ActorFactory(name="Michelle Obama", kind=Actor.Kind.PERSON)
    third = ActorFactory(name="Malia Obama", kind=Actor.Kind.PERSON)
    for actor in (barack, michelle, third):
        said(actor, "words")
    for actor in (barack, michelle, third):
        actor.aliases.create(alias="obama")

    response = editor_client.post(
        reverse("entities:actor_merge", args=[barack.slug]), {"into": "Obama"}
    )

    error = response.context["forms"]["merge"].errors["into"][0]
    assert "Michelle Obama" in error
    assert "Malia Obama" in error
    assert "Barack Obama" not in error


def test_the_actor_page_shows_its_corrections_with_who_and_when(editor_client, editor):
    actor = ActorFactory(name="Dmitri Peskov", kind=Actor.Kind.PERSON)
    editor_client.post(
        reverse("entities:actor_rename", args=[actor.slug]), {"name": "Dmitry Peskov"}
    )
    editor_client.post(reverse("entities:actor_alias_add", args=[actor.slug]), {"alias": "Peskov"})

    html = editor_client.get(actor.get_absolute_url()).text

    assert "History of corrections (2)" in html
    assert f"{editor.username}: Renamed Dmitri Peskov → Dmitry Peskov" in html
    assert "Alias “peskov” added" in html
    assert "History of corrections" not in Client().get(actor.get_absolute_url()).text
