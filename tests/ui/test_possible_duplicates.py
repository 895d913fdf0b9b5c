"""An actor's page shows editors the actors extraction was unsure about, each with a merge."""

from __future__ import annotations

import pytest
from django.urls import reverse

from entities import services
from entities.models import Actor
from entities.nlp.types import Actor as Extracted

pytestmark = pytest.mark.django_db


@pytest.fixture
def lavrovs() -> tuple[Actor, Actor]:
    sergei = services.actors_resolve(extracted=[Extracted(name="Sergei Lavrov", kind="person")])
    sergey = services.actors_resolve(extracted=[Extracted(name="Sergey Lavrov", kind="person")])
    return sergei["Sergei Lavrov"], sergey["Sergey Lavrov"]


def test_an_editor_sees_the_possible_duplicate_with_a_merge_button(editor_client, lavrovs):
    sergei, sergey = lavrovs

    page = editor_client.get(sergei.get_absolute_url()).content.decode()

    assert "Possible duplicates" in page
    assert f'href="{sergey.get_absolute_url()}"' in page
    assert f'action="{reverse("entities:actor_merge", args=[sergey.slug])}"' in page
    assert "Merge Sergey Lavrov into Sergei Lavrov" in page


def test_the_merge_button_merges_the_pair(editor_client, lavrovs):
    sergei, sergey = lavrovs

    editor_client.post(reverse("entities:actor_merge", args=[sergey.slug]), {"into": sergei.slug})

    sergey.refresh_from_db()
    assert sergey.merged_into == sergei
    assert (
        "Possible duplicates" not in editor_client.get(sergei.get_absolute_url()).content.decode()
    )


def test_readers_do_not_see_possible_duplicates(client, lavrovs):
    sergei, _ = lavrovs

    assert "Possible duplicates" not in client.get(sergei.get_absolute_url()).content.decode()


def test_not_the_same_stops_offering_the_pair(editor_client, lavrovs):
    sergei, sergey = lavrovs
    url = reverse("entities:actor_duplicate_dismiss", args=[sergei.slug, sergey.slug])

    response = editor_client.post(url)

    assert response.status_code == 302
    assert (
        "Possible duplicates" not in editor_client.get(sergei.get_absolute_url()).content.decode()
    )
    sergey.refresh_from_db()
    assert sergey.merged_into is None


def test_dismissing_needs_the_permission(user_client, lavrovs):
    sergei, sergey = lavrovs
    url = reverse("entities:actor_duplicate_dismiss", args=[sergei.slug, sergey.slug])

    assert user_client.post(url).status_code == 403
