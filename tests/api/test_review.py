"""The review queue through the API: /api/v1/review/ (editors) lists what /review/ shows, with
the reasons; POST /api/v1/statements/<id>/review/ marks a statement reviewed or not."""

from __future__ import annotations

import pytest

from entities.models import Correction, Statement
from tests.factories import ActorFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db

QUEUE = "/api/v1/review/"


def _review_url(statement: Statement) -> str:
    return f"/api/v1/statements/{statement.pk}/review/"


def test_the_queue_needs_an_editor(api, user_api):
    assert api.get(QUEUE).status_code == 401
    forbidden = user_api.get(QUEUE)
    assert forbidden.status_code == 403
    assert forbidden.json()["error"]["code"] == "permission_denied"


def test_the_queue_lists_statements_with_their_reasons_and_priority(editor_api):
    unsure = said(None, "Unknown words")
    Statement.objects.filter(pk=unsure.pk).update(confidence=0.4)
    sure = said(ActorFactory(), "We will see", about=[ActorFactory(name="NATO")])

    data = editor_api.get(QUEUE).json()

    assert data["count"] == 1
    item = data["results"][0]
    assert item["id"] == unsure.pk
    assert item["priority"] == pytest.approx(100 + 15)
    assert [r["code"] for r in item["reasons"]] == [
        "unresolved_speaker",
        "low_confidence",
        "no_targets",
    ]
    assert item["confidence_word"] == "low"
    assert item["permalink"] == f"http://testserver/statements/{unsure.pk}/"
    assert sure.pk not in [r["id"] for r in data["results"]]


def test_the_queue_filters_by_reason_and_article(editor_api):
    one = said(None, "Unknown words", about=[ActorFactory()])
    two = said(ActorFactory(), "About nobody")

    assert [r["id"] for r in editor_api.get(QUEUE, {"reason": "no_targets"}).json()["results"]] == [
        two.pk
    ]
    by_article = editor_api.get(QUEUE, {"article": one.article_id}).json()["results"]
    assert [r["id"] for r in by_article] == [one.pk]


def test_bad_filters_are_400s_naming_the_parameter(editor_api, db):
    response = editor_api.get(QUEUE, {"article": "987654", "reason": "bored"})

    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"article", "reason"}
    unknown = editor_api.get(QUEUE, {"article": "987654"})
    assert unknown.status_code == 400
    assert unknown.json()["error"]["fields"]["article"] == ["No article has the id 987654."]


def test_marking_reviewed_takes_it_out_of_the_queue(editor_api, editor):
    statement = said(None, "Unknown words")

    response = editor_api.post(_review_url(statement), {}, format="json")

    assert response.status_code == 200
    assert response.json()["reviewed_at"] is not None
    assert editor_api.get(QUEUE).json()["count"] == 0
    assert Correction.objects.get(kind="review").created_by == editor


def test_unmarking_puts_it_back(editor_api):
    statement = said(None, "Unknown words")
    editor_api.post(_review_url(statement), {"reviewed": True}, format="json")

    response = editor_api.post(_review_url(statement), {"reviewed": False}, format="json")

    assert response.json()["reviewed_at"] is None
    assert [r["id"] for r in editor_api.get(QUEUE).json()["results"]] == [statement.pk]


def test_marking_needs_an_editor(api, user_api):
    statement = said(None, "Unknown words")
    assert api.post(_review_url(statement), {}, format="json").status_code == 401
    assert user_api.post(_review_url(statement), {}, format="json").status_code == 403
    assert not Correction.objects.exists()


def test_marking_an_unknown_statement_is_a_404(editor_api, db):
    response = editor_api.post("/api/v1/statements/987654/review/", {}, format="json")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_the_queue_reads_a_bounded_number_of_times(editor_api, django_assert_max_num_queries):
    for n in range(15):
        said(None, f"Unknown words {n}")

    with django_assert_max_num_queries(8):
        assert len(editor_api.get(QUEUE).json()["results"]) == 15


def test_the_schema_documents_the_queue_and_the_review_action(api):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()

    assert "get" in schema["paths"]["/api/v1/review/"]
    review = schema["paths"]["/api/v1/statements/{id}/review/"]["post"]
    assert {"200", "403", "404", "410"} <= set(review["responses"])
    assert "410" in schema["paths"]["/api/v1/statements/{id}/"]["get"]["responses"]
