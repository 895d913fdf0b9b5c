"""The article page's statement corrections through the API: span and kind (PATCH), not a
statement and its undo, an actor from an unresolved speaker, an actor's possible duplicates."""

from __future__ import annotations

import pytest

from entities.models import Actor, Correction, Statement
from tests.factories import ActorFactory, StatementFactory

pytestmark = pytest.mark.django_db

STATEMENTS = "/api/v1/statements/"


@pytest.mark.parametrize(
    ("method", "path", "payload"),
    [
        ("patch", "{s1}/", {"kind": "mixed"}),
        ("post", "{s1}/not-a-statement/", {}),
        ("delete", "{s1}/not-a-statement/", {}),
        ("post", "{s1}/speaker-actor/", {"name": "Experts", "kind": "group"}),
    ],
)
def test_the_new_actions_need_an_editor(api, user_api, world, method, path, payload):
    url = STATEMENTS + path.format(s1=world["s1"].pk)
    assert getattr(api, method)(url, payload, format="json").status_code == 401
    forbidden = getattr(user_api, method)(url, payload, format="json")
    assert forbidden.status_code == 403
    assert "entities.curate" in forbidden.json()["error"]["message"]
    assert not Correction.objects.exists()


def test_patch_sets_span_and_kind(editor_api, world):
    s1 = world["s1"]
    body = world["old"].body
    start = body.index("Ukraine")
    end = body.index(" and NATO")

    response = editor_api.patch(
        f"{STATEMENTS}{s1.pk}/",
        {"content_start": start, "content_end": end, "kind": "mixed"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["content"] == "Ukraine must stay neutral"
    assert response.json()["kind"] == "mixed"
    assert {c.kind for c in Correction.objects.all()} == {"span", "statement_kind"}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"content_start": 5}, "content_end"),
        ({"content_start": 9, "content_end": 9}, "content_end"),
        ({"content_start": 0, "content_end": 100_000}, "content_end"),
        ({"content_start": 5, "content_end": 6}, "content_start"),  # a space
        ({"kind": "rumour"}, "kind"),
        ({}, "kind"),
    ],
)
def test_patch_errors_name_the_field(editor_api, world, payload, field):
    response = editor_api.patch(f"{STATEMENTS}{world['s1'].pk}/", payload, format="json")

    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert not Correction.objects.exists()


def test_not_a_statement_and_undo(editor_api, world):
    s1 = world["s1"]
    url = f"{STATEMENTS}{s1.pk}/not-a-statement/"

    dropped = editor_api.post(url)

    assert dropped.status_code == 200
    assert dropped.json()["statement_id"] == s1.pk
    gone = editor_api.get(f"{STATEMENTS}{s1.pk}/")
    assert gone.status_code == 410  # its link says why, not just "not found"
    assert gone.json()["error"]["code"] == "gone"
    assert "marked it as not a statement" in gone.json()["error"]["message"]
    listed = [r["id"] for r in editor_api.get(STATEMENTS).json()["results"]]
    assert s1.pk not in listed

    back = editor_api.delete(url)

    assert back.status_code == 200
    assert back.json()["id"] == s1.pk
    assert [t["actor"]["slug"] for t in back.json()["targets"]] == ["ukraine"]
    assert editor_api.delete(url).status_code == 404  # nothing left to undo


def test_speaker_actor(editor_api, world):
    statement = StatementFactory(article=world["old"], speaker=None, speaker_text="Experts")

    response = editor_api.post(
        f"{STATEMENTS}{statement.pk}/speaker-actor/",
        {"name": "Cyber security experts", "kind": "group", "country": "russia"},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["speaker"]["name"] == "Cyber security experts"
    actor = Actor.objects.get(name="Cyber security experts")
    assert actor.country == world["russia"]
    assert Statement.objects.get(pk=statement.pk).speaker == actor


def test_speaker_actor_refuses_a_statement_with_a_speaker(editor_api, world):
    response = editor_api.post(
        f"{STATEMENTS}{world['s1'].pk}/speaker-actor/",
        {"name": "Someone", "kind": "person"},
        format="json",
    )
    assert response.status_code == 400
    assert "already credited" in response.json()["error"]["fields"]["name"][0]


def test_possible_duplicates_of_an_actor(editor_api, user_api, world):
    ActorFactory(name="Vladimir V. Putin", kind="person")
    from entities import services

    services.possible_duplicates_find()

    response = editor_api.get("/api/v1/actors/vladimir-putin/duplicates/")
    assert response.status_code == 200
    assert [row["other"]["name"] for row in response.json()] == ["Vladimir V. Putin"]
    assert user_api.get("/api/v1/actors/vladimir-putin/duplicates/").status_code == 403
