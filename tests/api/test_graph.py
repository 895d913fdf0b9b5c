"""/api/v1/graph/: speaker -> target edges with their weights."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/graph/"


def edges(response) -> set[tuple[str, str, int]]:
    rows = response.json()["edges"]
    return {(e["speaker"]["slug"], e["target"]["slug"], e["weight"]) for e in rows}


def test_edges_with_weights_and_nodes(api, world):
    world["s2"].targets.create(actor=world["ukraine"], start=0, end=1)
    response = api.get(URL)
    assert edges(response) == {
        ("vladimir-putin", "ukraine", 2),
        ("vladimir-putin", "nato", 1),
        ("volodymyr-zelensky", "vladimir-putin", 1),
    }
    assert response.json()["edges"][0]["weight"] == 2  # heaviest first
    assert {n["slug"] for n in response.json()["nodes"]} == {
        "vladimir-putin",
        "ukraine",
        "nato",
        "volodymyr-zelensky",
    }


def test_filter_by_date(api, world):
    assert edges(api.get(f"{URL}?date_from=2024-03-01")) == {
        ("volodymyr-zelensky", "vladimir-putin", 1)
    }


def test_filter_by_actor(api, world):
    assert edges(api.get(f"{URL}?actor=nato")) == {("vladimir-putin", "nato", 1)}


def test_limit(api, world):
    assert len(api.get(f"{URL}?limit=1").json()["edges"]) == 1


@pytest.mark.parametrize("query", ["limit=0", "limit=5000", "actor=nobody", "date_from=x"])
def test_bad_parameters_are_400(api, world, query):
    response = api.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["fields"]
