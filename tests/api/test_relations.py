"""/api/v1/relations/: pairs of countries counted by stance, filters, months, errors; and the
statements endpoint's country filters."""

from __future__ import annotations

import pytest

from tests.relations_world import World, relations_world

pytestmark = pytest.mark.django_db

URL = "/api/v1/relations/"


@pytest.fixture
def world() -> World:
    return relations_world()


def pairs(response) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    return {
        (p["speaker_country"]["slug"], p["target_country"]["slug"]): (
            p["total"], p["negative"], p["positive"], p["neutral"],
        )
        for p in response.json()["results"]
    }  # fmt: skip


def test_pairs_with_counts_by_stance(api, world):
    response = api.get(URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4
    assert pairs(response) == {
        ("russia", "ukraine"): (2, 2, 0, 0),
        ("russia", "united-states"): (1, 0, 1, 0),
        ("ukraine", "russia"): (1, 1, 0, 0),
        ("russia", "russia"): (1, 0, 0, 1),
    }
    first = body["results"][0]
    assert first["speaker_country"]["slug"] == "russia"
    assert first["net_stance"] == -1.0
    assert first["months"] is None


def test_by_month(api, world):
    response = api.get(URL, {"by_month": "true", "speaker_country": "russia",
                             "target_country": "Ukraine"})  # fmt: skip

    [pair] = response.json()["results"]
    assert pair["months"] == [
        {"month": "2024-01", "total": 1, "negative": 1, "positive": 0, "neutral": 0},
        {"month": "2024-02", "total": 1, "negative": 1, "positive": 0, "neutral": 0},
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"date_from": "2024-02-01", "date_to": "2024-02-28"},
         {("russia", "ukraine"), ("russia", "united-states")}),
        ({"publisher": "reuters"}, {("russia", "ukraine"), ("ukraine", "russia")}),
        ({"kind": "indirect"}, {("russia", "ukraine")}),
        ({"target_country": "russia"}, {("ukraine", "russia"), ("russia", "russia")}),
    ],
)  # fmt: skip
def test_filters(api, world, query, expected):
    assert set(pairs(api.get(URL, query))) == expected


def test_paginated(api, world):
    response = api.get(URL, {"page_size": 3})
    assert len(response.json()["results"]) == 3
    assert response.json()["next"]
    assert api.get(URL, {"page": 9}).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"speaker_country": "vladimir-putin"},
        {"target_country": "Atlantis"},
        {"kind": "shouted"},
        {"date_from": "2024-05-01", "date_to": "2024-01-01"},
        {"by_month": "perhaps"},
    ],
)
def test_bad_parameters_are_400_naming_them(api, world, query):
    response = api.get(URL, query)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400
    assert error["message"]
    name = next(iter(query)) if "date_to" not in query else "date_to"
    assert name in error["fields"]


def test_statements_endpoint_filters_by_country(api, world):
    response = api.get("/api/v1/statements/", {"speaker_country": "ukraine",
                                               "target_country": "Russia"})  # fmt: skip

    assert [s["content"] for s in response.json()["results"]] == ["Putin and NATO will see"]
    bad = api.get("/api/v1/statements/", {"speaker_country": "nowhere"})
    assert bad.status_code == 400
    assert "speaker_country" in bad.json()["error"]["fields"]


def test_export_filters_by_country(api, world):
    query = {"format": "jsonl", "target_country": "united-states"}
    response = api.get("/api/v1/statements/export/", query)
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 1
    assert "Biden is a partner" in lines[0]


def test_relations_are_in_the_schema(api):
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/relations/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"date_from", "date_to", "publisher", "kind", "by_month", "page"} <= names
    assert "400" in operation["responses"]


def test_relations_run_a_bounded_number_of_queries(api, world, django_assert_max_num_queries):
    # the pairs, their countries; with months, the page's countries' members and their months
    with django_assert_max_num_queries(4):
        api.get(URL, {"by_month": "true"})


def test_a_percent_sign_in_a_country_is_a_400_not_a_500(api, world):
    response = api.get(URL, {"target_country": "100%s"})

    assert response.status_code == 400
    assert "100%s" in response.json()["error"]["fields"]["target_country"][0]
