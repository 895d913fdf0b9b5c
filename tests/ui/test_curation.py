"""Editors' corrections from the actor page and the article page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from entities.models import Actor, ActorAlias, Correction, Mention, Statement, StatementTarget
from tests.factories import ActorAliasFactory, ActorFactory, MentionFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db


def _url(name: str, actor: Actor) -> str:
    return reverse(f"entities:actor_{name}", args=[actor.slug])


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


@pytest.fixture
def peskov():
    return ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")


@pytest.fixture
def duplicate():
    return ActorFactory(name="D. Peskov", slug="d-peskov")


def test_merge_moves_statements_and_the_old_url_redirects(editor_client, peskov, duplicate):
    statement = said(duplicate, "We will not go")
    MentionFactory(actor=duplicate, article=statement.article)
    ActorAliasFactory(actor=duplicate, alias="the kremlin spokesman")

    response = editor_client.post(_url("merge", duplicate), {"into": "dmitry-peskov"}, follow=True)

    assert response.redirect_chain[-1][0] == peskov.get_absolute_url()  # a new page: its top
    assert "D. Peskov was merged into Dmitry Peskov; its page redirects here." in _messages(
        response
    )
    statement.refresh_from_db()
    assert statement.speaker == peskov
    assert Mention.objects.filter(actor=peskov).count() == 1
    assert ActorAlias.objects.filter(actor=peskov, alias="the kremlin spokesman").exists()
    old = editor_client.get(duplicate.get_absolute_url())
    assert old.status_code == 301
    assert old.url == peskov.get_absolute_url()


def test_merge_into_itself_shows_the_error_next_to_the_field(editor_client, peskov):
    response = editor_client.post(_url("merge", peskov), {"into": "dmitry-peskov"})

    assert response.status_code == 400
    assert response.context["forms"]["merge"].errors["into"] == [
        "An actor cannot be merged into itself."
    ]
    assert 'id="merge-into-errors"' in response.text


def test_merge_into_an_unknown_actor_names_the_slug(editor_client, peskov):
    response = editor_client.post(_url("merge", peskov), {"into": "nobody-here"})

    assert response.status_code == 400
    assert "nobody-here" in response.context["forms"]["merge"].errors["into"][0]


def test_merge_accepts_the_actor_page_url(editor_client, peskov, duplicate):
    editor_client.post(_url("merge", duplicate), {"into": "http://x/actors/dmitry-peskov/"})

    duplicate.refresh_from_db()
    assert duplicate.merged_into == peskov


def test_curation_needs_the_permission(user_client, peskov, duplicate):
    response = user_client.post(_url("merge", duplicate), {"into": "dmitry-peskov"})

    duplicate.refresh_from_db()
    assert response.status_code == 403
    assert duplicate.merged_into is None


def test_curation_refuses_anonymous_visitors(client, peskov, duplicate):
    response = client.post(_url("rename", peskov), {"name": "X"})

    peskov.refresh_from_db()
    assert response.status_code == 403
    assert peskov.name == "Dmitry Peskov"


def test_curation_refuses_get(editor_client, peskov):
    assert editor_client.get(_url("rename", peskov)).status_code == 405


def test_rename(editor_client, peskov):
    response = editor_client.post(_url("rename", peskov), {"name": "Dmitri Peskov"}, follow=True)

    peskov.refresh_from_db()
    assert peskov.name == "Dmitri Peskov"
    assert "Dmitry Peskov is now called Dmitri Peskov." in _messages(response)
    assert Correction.objects.filter(kind=Correction.Kind.RENAME).count() == 1


def test_rename_to_nothing_is_an_error_at_the_name_field(editor_client, peskov):
    response = editor_client.post(_url("rename", peskov), {"name": ""})

    assert response.status_code == 400
    assert response.context["forms"]["rename"].errors["name"] == ["This field is required."]
    assert "<details open>" in response.text


def test_add_and_remove_an_alias(editor_client, peskov):
    editor_client.post(_url("alias_add", peskov), {"alias": "Kremlin spokesman"})
    added = list(ActorAlias.objects.filter(actor=peskov).values_list("alias", flat=True))

    editor_client.post(_url("alias_remove", peskov), {"alias": added[0]})

    assert added == ["kremlin spokesman"]
    assert not ActorAlias.objects.filter(actor=peskov).exists()


def test_change_kind_country_and_role(editor_client, peskov):
    russia = ActorFactory(name="Russia", slug="russia", kind=Actor.Kind.COUNTRY)

    editor_client.post(
        _url("update", peskov), {"kind": "person", "country": "russia", "role": "Spokesman"}
    )

    peskov.refresh_from_db()
    assert (peskov.country, peskov.role) == (russia, "Spokesman")


def test_a_country_that_is_not_a_country_is_an_error_at_the_country_field(editor_client, peskov):
    ActorFactory(name="Kremlin", slug="kremlin", kind=Actor.Kind.ORGANIZATION)

    response = editor_client.post(
        _url("update", peskov), {"kind": "person", "country": "kremlin", "role": ""}
    )

    assert response.status_code == 400
    assert response.context["forms"]["update"].errors["country"] == ["Kremlin is not a country."]


def test_reject_needs_a_confirmation(editor_client, peskov):
    response = editor_client.post(_url("reject", peskov), {})

    peskov.refresh_from_db()
    assert response.status_code == 400
    assert not peskov.rejected


def test_reject_drops_the_actor(editor_client, peskov):
    statement = said(peskov, "We will not go")
    MentionFactory(actor=peskov)

    response = editor_client.post(_url("reject", peskov), {"confirm": "on"})

    peskov.refresh_from_db()
    statement.refresh_from_db()
    assert response.url == reverse("entities:actor_list")
    assert peskov.rejected
    assert statement.speaker is None
    assert not Mention.objects.filter(actor=peskov).exists()


def test_reassign_a_statements_speaker(editor_client, peskov, duplicate):
    statement = said(duplicate, "We will not go")

    response = editor_client.post(
        reverse("entities:statement_speaker", args=[statement.pk]), {"speaker": "dmitry-peskov"}
    )

    statement.refresh_from_db()
    assert statement.speaker == peskov
    assert response.url == (
        f"/articles/{statement.article_id}/?s={statement.pk}#statement-{statement.pk}"
    )


def test_clear_a_statements_speaker(editor_client, peskov):
    statement = said(peskov, "We will not go")

    editor_client.post(reverse("entities:statement_speaker", args=[statement.pk]), {"speaker": ""})

    statement.refresh_from_db()
    assert statement.speaker is None


def test_reassign_a_statements_targets(editor_client, peskov, duplicate):
    korea = ActorFactory(name="North Korea", slug="north-korea", kind=Actor.Kind.COUNTRY)
    statement = said(peskov, "Pyongyang and Seoul", about=[duplicate])

    editor_client.post(
        reverse("entities:statement_targets", args=[statement.pk]), {"targets": "north-korea"}
    )

    assert list(
        StatementTarget.objects.filter(statement=statement).values_list("actor", flat=True)
    ) == [korea.pk]


def test_unknown_target_slugs_are_named_next_to_the_field(editor_client, peskov):
    statement = said(peskov, "Pyongyang and Seoul")

    response = editor_client.post(
        reverse("entities:statement_targets", args=[statement.pk]),
        {"targets": "ghost, spook"},
        follow=True,
    )

    assert response.redirect_chain[0][1] == 302
    text = response.text
    assert "ghost" in text
    assert "spook" in text
    assert f'id="s{statement.pk}-targets-targets-errors"' in text


def test_statement_forms_are_shown_to_editors_only(editor_client, peskov):
    statement = said(peskov, "We will not go")
    action = reverse("entities:statement_speaker", args=[statement.pk])

    assert action in editor_client.get(statement.article.get_absolute_url()).text
    assert action not in Client().get(statement.article.get_absolute_url()).text


def test_statement_correction_of_an_unknown_statement_is_404(editor_client):
    response = editor_client.post(reverse("entities:statement_speaker", args=[99999]), {})

    assert response.status_code == 404
    assert Statement.objects.count() == 0
