"""Editors land where they were: a failed actor correction re-renders the page opened at the form
(the form posts to its own #anchor, its erroring field is autofocused), a failed statement
correction redirects to the article page at the form, which shows the errors; a successful one
redirects to the actor page's #curation or the article's #statement-<id>; the actor's editing
section sits near the top of the page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from entities.models import Actor
from tests.factories import ActorFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db


@pytest.fixture
def peskov():
    return ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")


def _tag(html: str, element_id: str) -> str:
    """The opening tag of the element with this id."""
    match = re.search(rf'<[a-z]+[^>]*\sid="{re.escape(element_id)}"[^>]*>', html)
    assert match, f"no element with id {element_id}"
    return match.group(0)


def _form(html: str, form_id: str) -> str:
    start = html.index(f'id="{form_id}"')
    return html[start : html.index("</form>", start)]


def test_failed_rename_renders_the_form_open_at_its_anchor_with_the_field_focused(
    editor_client, peskov
):
    url = reverse("entities:actor_rename", args=[peskov.slug])
    response = editor_client.post(url, {"name": ""})

    html = response.text
    assert response.status_code == 400
    assert "This field is required." in _form(html, "rename-form")
    assert "autofocus" in _tag(html, "rename-name")
    assert 'aria-invalid="true"' in _tag(html, "rename-name")
    assert html.count("autofocus") == 1
    assert 'action="/actors/dmitry-peskov/rename/#rename-form"' in html
    assert "<details open><summary>Rename</summary>" in html


def test_a_service_error_is_focused_too(editor_client, peskov):
    response = editor_client.post(
        reverse("entities:actor_merge", args=[peskov.slug]), {"into": "dmitry-peskov"}
    )

    assert response.status_code == 400
    assert "An actor cannot be merged into itself." in _form(response.text, "merge-form")
    assert "autofocus" in _tag(response.text, "merge-into")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("rename", {"name": "Dmitri Peskov"}),
        ("alias_add", {"alias": "Kremlin spokesman"}),
        ("update", {"kind": "person", "country": "", "role": "Spokesman"}),
    ],
)
def test_a_successful_actor_correction_redirects_to_the_editing_section(
    editor_client, peskov, name, data
):
    response = editor_client.post(reverse(f"entities:actor_{name}", args=[peskov.slug]), data)

    assert response.status_code == 302
    assert response.url == "/actors/dmitry-peskov/#curation"


def test_the_editing_section_is_near_the_top_with_its_forms_collapsed(editor_client, peskov):
    for n in range(3):
        said(peskov, f"Statement number {n}")

    html = editor_client.get(peskov.get_absolute_url()).text

    assert "<details><summary>Rename</summary>" in html
    assert "<details open>" not in html
    assert html.index('id="curation"') < html.index("Statements by month")
    assert html.index('id="curation"') < html.index("What Dmitry Peskov said")
    assert "autofocus" not in html


def test_failed_speaker_correction_opens_the_statement_form_with_the_field_focused(
    editor_client, peskov
):
    statement = said(peskov, "We will not go")
    other = said(peskov, "Nor will we talk")
    other.article = statement.article
    other.save()

    url = reverse("entities:statement_speaker", args=[statement.pk])
    response = editor_client.post(url, {"speaker": "ghost"})

    pk = statement.pk
    article_url = statement.article.get_absolute_url()
    assert response.status_code == 302  # the address bar shows the article, not the POST target
    assert response.url == f"{article_url}?s={pk}#s{pk}-speaker-form"
    page = editor_client.get(response.url)
    html = page.text
    assert page.status_code == 200
    assert "No actor is called “ghost”." in _form(html, f"s{pk}-speaker-form")
    assert 'value="ghost"' in _form(html, f"s{pk}-speaker-form")
    assert "autofocus" in _tag(html, f"s{pk}-speaker-speaker")
    assert html.count("autofocus") == 1
    assert f'action="/statements/{pk}/speaker/#s{pk}-speaker-form"' in html


def test_failed_targets_correction_focuses_the_targets_field(editor_client, peskov):
    statement = said(peskov, "Pyongyang and Seoul")

    response = editor_client.post(
        reverse("entities:statement_targets", args=[statement.pk]),
        {"targets": "ghost"},
        follow=True,
    )

    assert response.redirect_chain[0][1] == 302
    assert "autofocus" in _tag(response.text, f"s{statement.pk}-targets-targets")
    # read once: the page opened again shows the form as new
    again = response.client.get(statement.article.get_absolute_url())
    assert "autofocus" not in again.text


def test_successful_speaker_correction_redirects_to_the_statement(editor_client, peskov):
    other = ActorFactory(name="Sergei Lavrov", slug="sergei-lavrov", kind=Actor.Kind.PERSON)
    statement = said(peskov, "We will not go")

    response = editor_client.post(
        reverse("entities:statement_speaker", args=[statement.pk]), {"speaker": other.slug}
    )

    assert response.status_code == 302
    assert response.url.endswith(f"#statement-{statement.pk}")
