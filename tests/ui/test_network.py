"""The network page: the JSON the drawing reads, the table of the same links (the page without
JavaScript), the filters, the country level and the GEXF and GraphML downloads."""

from __future__ import annotations

import json
import re
from io import BytesIO

import networkx as nx
import pytest
from django.urls import reverse

from entities.models import Actor
from tests.factories import ActorFactory
from tests.helpers import said
from tests.relations_world import relations_world

pytestmark = pytest.mark.django_db

NETWORK = reverse("entities:network")


@pytest.fixture
def graph():
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    korea = ActorFactory(name="North Korea", slug="north-korea", kind=Actor.Kind.COUNTRY)
    blinken = ActorFactory(name="Antony Blinken", slug="antony-blinken")
    said(peskov, "Pyongyang is a partner", about=[korea], published="2024-01-10")
    said(peskov, "Pyongyang is a friend", about=[korea], published="2024-02-10")
    said(blinken, "Moscow is wrong", about=[peskov], published="2022-05-01")
    return peskov, korea, blinken


def drawn(response) -> dict:
    """The JSON the page embeds for static/js/network.js."""
    found = re.search(
        r'<script id="network-data" type="application/json">(.*?)</script>', response.text, re.S
    )
    assert found, "the page embeds no graph"
    return json.loads(found.group(1))


def test_the_drawing_gets_every_edge_with_its_pair_page_and_the_nodes_their_sizes(client, graph):
    response = client.get(NETWORK)

    data = drawn(response)
    edges = {(e["name"], e["weight"], e["stance"], e["url"]) for e in data["edges"]}
    pair = reverse("entities:actor_pair", args=["dmitry-peskov", "north-korea"])
    assert edges == {
        ("Dmitry Peskov on North Korea", 2, "neutral", pair),
        (
            "Antony Blinken on Dmitry Peskov",
            1,
            "neutral",
            "/actors/antony-blinken/on/dmitry-peskov/",
        ),
    }
    sizes = {n["label"]: n["statements"] for n in data["nodes"]}
    assert sizes == {"Dmitry Peskov": 3, "North Korea": 2, "Antony Blinken": 1}
    assert data["level"] == "actor"


def test_the_page_loads_cytoscape_and_its_script_without_a_cdn(client, graph):
    response = client.get(NETWORK)

    assert '<script src="/static/vendor/cytoscape/cytoscape.min.js" defer>' in response.text
    assert '<script src="/static/js/network.js" defer>' in response.text
    assert "//cdn" not in response.text
    assert "unpkg" not in response.text
    # the drawing stays hidden until the script shows it: without JavaScript, the table
    assert '<figure class="network" id="network-figure" hidden>' in response.text


def test_the_table_lists_the_same_links_with_their_stance_in_words(client, graph):
    response = client.get(NETWORK)

    assert '<th scope="col">Who on whom</th>' in response.text
    assert '<th scope="col">Stance</th>' in response.text
    assert ">Dmitry Peskov on North Korea</a>" in response.text
    assert '<tr data-weight="2">' in response.text
    assert '<span class="stance stance-neutral">mostly neutral</span>' in response.text


def test_network_filters_by_date_range(client, graph):
    response = client.get(NETWORK, {"date_from": "2022-01-01", "date_to": "2022-12-31"})

    assert [(e.speaker.name, e.weight) for e in response.context["edges"]] == [
        ("Antony Blinken", 1)
    ]


def test_network_filters_by_actor(client, graph):
    response = client.get(NETWORK, {"actor": "north-korea"})

    assert [(e.speaker.name, e.target.name) for e in response.context["edges"]] == [
        ("Dmitry Peskov", "North Korea")
    ]
    assert "<title>Network around North Korea · newsapp</title>" in response.text


def test_network_filters_by_min_weight_and_actor_kind(client, graph):
    heavy = client.get(NETWORK, {"min_weight": "2"})
    people = client.get(NETWORK, {"actor_kind": "person"})

    assert [e.weight for e in heavy.context["edges"]] == [2]
    assert [(e.speaker.name, e.target.name) for e in people.context["edges"]] == [
        ("Antony Blinken", "Dmitry Peskov")
    ]
    assert 'value="person" checked' in people.text.replace('id="id_actor_kind_0" ', "")


def test_country_level_links_to_the_pair_of_countries(client):
    relations_world()

    response = client.get(NETWORK, {"level": "country"})

    edges = {(e["name"], e["weight"], e["stance"], e["url"]) for e in drawn(response)["edges"]}
    assert edges == {
        ("Russia on Ukraine", 2, "negative", "/relations/russia/ukraine/"),
        ("Russia on United States", 1, "positive", "/relations/russia/united-states/"),
        ("Ukraine on Russia", 1, "negative", "/relations/ukraine/russia/"),
    }
    assert '<a href="/relations/russia/ukraine/">Russia on Ukraine</a>' in response.text
    assert "<title>Network of countries · newsapp</title>" in response.text


def test_network_with_an_unknown_actor_names_the_field(client, graph):
    response = client.get(NETWORK, {"actor": "nobody"})

    assert response.context["edges"] == []
    assert 'id="id_actor-errors"' in response.text


@pytest.mark.parametrize(
    "query",
    [{"level": "planet"}, {"stance": "angry"}, {"actor_kind": "robot"}, {"min_weight": "0"}],
)
def test_bad_filters_are_named_and_draw_nothing(client, graph, query):
    response = client.get(NETWORK, query)

    assert response.context["edges"] == []
    assert "Please correct the filters above" in response.text
    assert 'id="network-data"' not in response.text


def test_empty_network_says_so(client):
    response = client.get(NETWORK)

    assert "No statements with a speaker and a target" in response.text


@pytest.mark.parametrize("rows", [3, 30])
def test_network_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, rows):
    hub = ActorFactory()
    for i in range(rows):
        said(ActorFactory(), f"Words {i}", about=[hub, ActorFactory()])

    with django_assert_max_num_queries(4):
        response = client.get(NETWORK)

    assert len(response.context["edges"]) == 2 * rows


def test_actor_names_are_escaped_in_the_table_and_the_json(client):
    said(ActorFactory(name="<b>Bold</b> Speaker"), "Words", about=[ActorFactory(name="<i>It</i>")])

    response = client.get(NETWORK)

    assert "<b>Bold</b>" not in response.text
    assert "&lt;b&gt;Bold&lt;/b&gt; Speaker" in response.text
    assert "<i>It</i>" not in response.text
    assert "<\\/script>" not in response.text  # json_script escapes <, >, & as \\u003C...
    assert drawn(response)["nodes"][0]["label"] in {"<b>Bold</b> Speaker", "<i>It</i>"}


def _document(response, fmt: str) -> nx.DiGraph:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    reader = nx.read_gexf if fmt == "gexf" else nx.read_graphml
    return reader(BytesIO(body))


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_downloads_hold_the_filtered_edges(client, graph, fmt):
    url = reverse("entities:network_export", kwargs={"fmt": fmt})

    response = client.get(url, {"min_weight": "2"})

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="newsapp-actor-graph.{fmt}"'
    document = _document(response, fmt)
    assert list(document.edges) == [("dmitry-peskov", "north-korea")]
    assert document.edges["dmitry-peskov", "north-korea"]["weight"] == 2
    assert document.nodes["north-korea"]["label"] == "North Korea"


def test_download_links_keep_the_current_filters(client, graph):
    response = client.get(NETWORK, {"level": "actor", "stance": "neutral", "min_weight": "1"})

    assert 'href="/network/export.gexf?level=actor&amp;stance=neutral&amp;min_weight=1"' in (
        response.text
    )
    assert 'href="/network/export.graphml?level=actor&amp;stance=neutral&amp;min_weight=1"' in (
        response.text
    )


def test_a_download_with_bad_filters_is_a_400(client, graph):
    url = reverse("entities:network_export", kwargs={"fmt": "gexf"})

    response = client.get(url, {"stance": "x"})

    assert response.status_code == 400
    assert "stance" in response.content.decode()


def test_the_slider_spans_the_weights_read_and_is_left_out_when_they_are_equal(client, graph):
    spread = client.get(NETWORK)
    equal = client.get(NETWORK, {"min_weight": "2"})

    assert '<input type="range" id="weight-slider" min="1" max="2" value="1"' in spread.text
    assert 'id="weight-slider"' not in equal.text
