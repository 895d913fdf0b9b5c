"""The network page: SVG drawing, table of edges, filters."""

from __future__ import annotations

import pytest
from django.urls import reverse

from entities.models import Actor
from tests.factories import ActorFactory
from tests.helpers import said

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


def test_network_draws_each_edge_as_a_line_linking_to_its_pair_page(client, graph):
    peskov, korea, _ = graph

    response = client.get(NETWORK)

    edges = [(e.speaker, e.target, e.weight) for e in response.context["edges"]]
    assert edges[0] == (peskov, korea, 2)
    pair = reverse("entities:actor_pair", args=["dmitry-peskov", "north-korea"])
    assert f'<a href="{pair}" class="edge"' in response.text
    assert "<title>Dmitry Peskov on North Korea: 2 statements</title>" in response.text


def test_heavier_edges_are_drawn_wider(client, graph):
    response = client.get(NETWORK)

    widths = {
        (line.speaker.name, line.weight): line.stroke
        for line in response.context["layout"]["lines"]
    }
    assert widths[("Dmitry Peskov", 2)] > widths[("Antony Blinken", 1)]


def test_network_has_an_accessible_table_of_edges(client, graph):
    response = client.get(NETWORK)

    assert '<th scope="col">Speaker</th>' in response.text
    assert ">Dmitry Peskov on North Korea</a>" in response.text


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


def test_network_with_an_unknown_actor_names_the_field(client, graph):
    response = client.get(NETWORK, {"actor": "nobody"})

    assert response.context["edges"] == []
    assert 'id="id_actor-errors"' in response.text


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


def test_actor_names_are_escaped_in_the_drawing(client):
    said(ActorFactory(name="<b>Bold</b> Speaker"), "Words", about=[ActorFactory(name="<i>It</i>")])

    response = client.get(NETWORK)

    assert "<b>Bold</b>" not in response.text
    assert "&lt;b&gt;Bold&lt;/b&gt; Speaker" in response.text
    assert "<i>It</i>" not in response.text
