"""/api/v1/graph/: speaker -> target edges with their weights, between actors or countries;
/api/v1/graph/export/: the same as GEXF or GraphML."""

from __future__ import annotations

from io import BytesIO

import networkx as nx
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


# -- level, stance, kind, actor kinds, minimum weight -------------------------------------------


def test_edges_carry_counts_by_stance_and_nodes_their_statements(api, world):
    response = api.get(URL)

    body = response.json()
    assert body["level"] == "actor"
    edge = next(e for e in body["edges"] if e["target"]["slug"] == "ukraine")
    assert {k: edge[k] for k in ("weight", "negative", "positive", "neutral", "stance")} == {
        "weight": 1,
        "negative": 0,
        "positive": 0,
        "neutral": 1,
        "stance": "neutral",
    }
    putin = next(n for n in body["nodes"] if n["slug"] == "vladimir-putin")
    assert (putin["said"], putin["about"], putin["statements"]) == (2, 1, 3)
    assert putin["name"] == "Vladimir Putin"


def test_country_level_rolls_up_to_countries(api, world):
    response = api.get(f"{URL}?level=country")

    assert response.json()["level"] == "country"
    # Putin (Russia) on Ukraine and Zelensky (Ukraine) on Putin; NATO has no country
    assert edges(response) == {("russia", "ukraine", 1), ("ukraine", "russia", 1)}
    assert {n["kind"] for n in response.json()["nodes"]} == {"country"}


def test_stance_kind_actor_kind_and_min_weight(api, world):
    for target in world["s1"].targets.all():  # saved one by one: the summaries follow
        target.stance = "negative"
        target.save()

    assert edges(api.get(f"{URL}?stance=negative")) == {("vladimir-putin", "ukraine", 1)}
    assert edges(api.get(f"{URL}?kind=indirect")) == {("vladimir-putin", "nato", 1)}
    people = api.get(f"{URL}?actor_kind=person")
    assert edges(people) == {("volodymyr-zelensky", "vladimir-putin", 1)}
    both = api.get(f"{URL}?actor_kind=person&actor_kind=organization")
    assert edges(both) == {
        ("vladimir-putin", "nato", 1),
        ("volodymyr-zelensky", "vladimir-putin", 1),
    }
    world["s2"].targets.create(actor=world["ukraine"], start=0, end=1)
    assert edges(api.get(f"{URL}?min_weight=2")) == {("vladimir-putin", "ukraine", 2)}


@pytest.mark.parametrize(
    "query",
    ["level=planet", "stance=angry", "kind=shout", "actor_kind=robot", "min_weight=0",
     "min_weight=x", "date_from=2024-05-01&date_to=2024-01-01"],
)  # fmt: skip
def test_bad_new_parameters_are_400_naming_them(api, world, query):
    response = api.get(f"{URL}?{query}")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400
    name = query.split("=")[0] if "date_to" not in query else "date_to"
    assert name in error["fields"]


# -- GEXF and GraphML ------------------------------------------------------------------------------

EXPORT = "/api/v1/graph/export/"


def _read(response, fmt: str) -> nx.DiGraph:
    return (nx.read_gexf if fmt == "gexf" else nx.read_graphml)(BytesIO(response.content))


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_export_parses_back_with_the_edges_and_their_counts(api, world, fmt):
    response = api.get(f"{EXPORT}?format={fmt}")

    assert response.status_code == 200
    assert response["Content-Type"].startswith(f"application/{fmt}+xml")
    assert response["Content-Disposition"] == f'attachment; filename="newsapp-actor-graph.{fmt}"'
    graph = _read(response, fmt)
    assert set(graph.edges) == {
        ("vladimir-putin", "ukraine"),
        ("vladimir-putin", "nato"),
        ("volodymyr-zelensky", "vladimir-putin"),
    }
    edge = graph.edges["vladimir-putin", "nato"]
    assert (int(edge["weight"]), edge["stance"], int(edge["neutral"])) == (1, "neutral", 1)
    assert graph.nodes["vladimir-putin"]["label"] == "Vladimir Putin"
    assert int(graph.nodes["vladimir-putin"]["statements"]) == 3


def test_export_keeps_the_filters_and_the_level(api, world):
    response = api.get(f"{EXPORT}?format=graphml&level=country&actor=ukraine")

    graph = _read(response, "graphml")
    assert set(graph.edges) == {("russia", "ukraine"), ("ukraine", "russia")}
    assert response["Content-Disposition"].endswith('"newsapp-country-graph.graphml"')


def test_export_without_a_format_is_gexf(api, world):
    response = api.get(EXPORT)

    assert response["Content-Type"].startswith("application/gexf+xml")
    assert set(_read(response, "gexf").nodes) == {
        "vladimir-putin",
        "ukraine",
        "nato",
        "volodymyr-zelensky",
    }


@pytest.mark.parametrize("query", ["format=csv", "format=gexf&stance=angry", "level=x"])
def test_export_bad_parameters_are_400_in_json(api, world, query):
    response = api.get(f"{EXPORT}?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["fields"]


def test_the_schema_documents_the_graph_parameters_and_the_export(api):
    schema = api.get("/api/v1/schema/?format=json").json()

    graph = {p["name"] for p in schema["paths"]["/api/v1/graph/"]["get"]["parameters"]}
    assert {"level", "stance", "kind", "actor_kind", "min_weight"} <= graph
    export = schema["paths"]["/api/v1/graph/export/"]["get"]
    assert {"format", "level", "stance", "min_weight"} <= {p["name"] for p in export["parameters"]}
    assert {"application/gexf+xml", "application/graphml+xml"} <= set(
        export["responses"]["200"]["content"]
    )
