"""Curation through the API: editors (entities.curate) merge actors, add aliases, reassign a
statement's speaker or targets; others get 401 or 403."""

from __future__ import annotations

import pytest

from entities.models import Actor, ActorAlias, Correction, StatementTarget

pytestmark = pytest.mark.django_db

ACTORS = "/api/v1/actors/"
STATEMENTS = "/api/v1/statements/"


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("actors/nato/merge/", {"into": "russia"}),
        ("actors/nato/aliases/", {"alias": "the alliance"}),
        ("statements/{s1}/speaker/", {"speaker": "nato"}),
        ("statements/{s1}/targets/", {"targets": ["nato"]}),
    ],
)
def test_curation_needs_an_editor(api, user_api, world, path, payload):
    url = "/api/v1/" + path.format(s1=world["s1"].pk)
    assert api.post(url, payload, format="json").status_code == 401
    forbidden = user_api.post(url, payload, format="json")
    assert forbidden.status_code == 403
    assert "entities.curate" in forbidden.json()["error"]["message"]
    assert not Correction.objects.exists()


def test_merge(editor_api, editor, world):
    response = editor_api.post(f"{ACTORS}nato/merge/", {"into": "russia"}, format="json")
    assert response.status_code == 200
    assert response.json()["slug"] == "russia"
    assert "nato" in response.json()["aliases"]
    nato = Actor.objects.get(slug="nato")
    assert nato.merged_into == world["russia"]
    assert StatementTarget.objects.filter(actor=world["russia"], statement=world["s2"]).exists()
    assert Correction.objects.get(kind="merge").created_by == editor
    assert editor_api.get(f"{ACTORS}nato/").status_code == 301


def test_merge_into_itself_is_a_400(editor_api, world):
    response = editor_api.post(f"{ACTORS}nato/merge/", {"into": "nato"}, format="json")
    assert response.status_code == 400
    assert "into" in response.json()["error"]["fields"]


def test_merge_into_an_unknown_actor_is_a_400(editor_api, world):
    response = editor_api.post(f"{ACTORS}nato/merge/", {"into": "nobody"}, format="json")
    assert response.status_code == 400
    assert "into" in response.json()["error"]["fields"]


def test_merge_of_an_unknown_actor_is_a_404(editor_api, world):
    response = editor_api.post(f"{ACTORS}nobody/merge/", {"into": "nato"}, format="json")
    assert response.status_code == 404


def test_add_an_alias(editor_api, world):
    response = editor_api.post(f"{ACTORS}nato/aliases/", {"alias": "The Alliance"}, format="json")
    assert response.status_code == 201
    assert "alliance" in response.json()["aliases"]
    assert ActorAlias.objects.filter(actor=world["nato"], alias="alliance").exists()


def test_an_empty_alias_is_a_400(editor_api, world):
    response = editor_api.post(f"{ACTORS}nato/aliases/", {"alias": " . "}, format="json")
    assert response.status_code == 400
    assert "alias" in response.json()["error"]["fields"]


def test_reassign_the_speaker(editor_api, world):
    statement = world["s1"]
    url = f"{STATEMENTS}{statement.pk}/speaker/"
    response = editor_api.post(url, {"speaker": "volodymyr-zelensky"}, format="json")
    assert response.status_code == 200
    assert response.json()["speaker"]["slug"] == "volodymyr-zelensky"
    statement.refresh_from_db()
    assert statement.speaker == world["zelensky"]
    assert Correction.objects.filter(kind="speaker", article=statement.article).exists()


def test_clear_the_speaker(editor_api, world):
    url = f"{STATEMENTS}{world['s1'].pk}/speaker/"
    response = editor_api.post(url, {"speaker": None}, format="json")
    assert response.status_code == 200
    assert response.json()["speaker"] is None


def test_unknown_speaker_is_a_400(editor_api, world):
    url = f"{STATEMENTS}{world['s1'].pk}/speaker/"
    response = editor_api.post(url, {"speaker": "nobody"}, format="json")
    assert response.status_code == 400
    assert "speaker" in response.json()["error"]["fields"]


def test_reassign_the_targets(editor_api, world):
    url = f"{STATEMENTS}{world['s1'].pk}/targets/"
    response = editor_api.post(url, {"targets": ["nato", "russia"]}, format="json")
    assert response.status_code == 200
    assert {t["actor"]["slug"] for t in response.json()["targets"]} == {"nato", "russia"}


def test_the_speaker_cannot_be_a_target(editor_api, world):
    url = f"{STATEMENTS}{world['s1'].pk}/targets/"
    response = editor_api.post(url, {"targets": ["vladimir-putin"]}, format="json")
    assert response.status_code == 400
    assert "targets" in response.json()["error"]["fields"]


def test_curating_an_unknown_statement_is_a_404(editor_api, world):
    response = editor_api.post(f"{STATEMENTS}999999/targets/", {"targets": []}, format="json")
    assert response.status_code == 404
