"""The network drawing's layout and legend, and the paged table of links."""

from __future__ import annotations

import importlib
import math
import re
from dataclasses import dataclass

import pytest
from django.urls import reverse

from entities.models import Actor
from entities.views.charts import network_layout
from tests.factories import ActorFactory
from tests.helpers import said

NETWORK = reverse("entities:network")
network_view = importlib.import_module("entities.views.network")


@dataclass
class Edge:
    speaker: Actor
    target: Actor
    weight: int


def _actors(n: int) -> list[Actor]:
    return [Actor(pk=i + 1, name=f"Actor {i + 1:02d}", slug=f"actor-{i + 1}") for i in range(n)]


def _text(response) -> str:
    """The page's words, without tags, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.text))


def _slot_gap(layout: dict, a: Actor, b: Actor) -> int:
    order = [node.actor.pk for node in layout["nodes"]]
    gap = abs(order.index(a.pk) - order.index(b.pk))
    return min(gap, len(order) - gap)


def test_the_two_busiest_actors_are_placed_opposite_each_other():
    actors = _actors(12)
    edges = [Edge(actors[0], actors[1], 20), Edge(actors[1], actors[0], 15)]
    edges += [Edge(actors[i], actors[(i + 1) % 12], 1) for i in range(2, 12)]

    layout = network_layout(edges)

    assert _slot_gap(layout, actors[0], actors[1]) == 6


def test_heavy_pairs_are_never_neighbours():
    actors = _actors(20)
    # a star of heavy links around actor 1 and a ring of light ones
    edges = [Edge(actors[0], actors[i], 10 - i // 3) for i in range(1, 8)]
    edges += [Edge(actors[i], actors[(i + 1) % 20], 1) for i in range(8, 20)]

    layout = network_layout(edges)

    for edge in edges[:7]:
        assert _slot_gap(layout, edge.speaker, edge.target) > 1


def test_nodes_and_lines_are_capped_and_lines_stay_between_drawn_nodes():
    actors = _actors(50)
    edges = [
        Edge(actors[i], actors[j], 1 + (i + j) % 5) for i in range(50) for j in range(i + 1, 50)
    ]

    layout = network_layout(edges, max_nodes=30, max_lines=120)

    drawn = {node.actor.pk for node in layout["nodes"]}
    assert len(drawn) == 30
    assert len(layout["lines"]) == 120
    assert all(line.speaker.pk in drawn and line.target.pk in drawn for line in layout["lines"])
    assert min(line.weight for line in layout["lines"]) >= max(
        e.weight
        for e in edges
        if e.speaker.pk in drawn and e.target.pk in drawn and (e.speaker, e.target) not in
        {(line.speaker, line.target) for line in layout["lines"]}
    )  # fmt: skip


def test_labels_sit_outside_the_circle_reading_outwards():
    actors = _actors(8)
    edges = [Edge(actors[i], actors[(i + 3) % 8], 1) for i in range(8)]

    layout = network_layout(edges)

    centre = layout["size"] / 2
    for node in layout["nodes"]:
        node_distance = math.hypot(node.x - centre, node.y - centre)
        label_distance = math.hypot(node.label_x - centre, node.label_y - centre)
        assert label_distance > node_distance + node.r
        assert node.anchor == ("end" if node.x < centre - 1 else "start")
        assert -90 <= node.rotate <= 90  # never upside down


def test_both_directions_of_a_pair_are_drawn_apart():
    actors = _actors(4)
    edges = [
        Edge(actors[0], actors[2], 3),
        Edge(actors[2], actors[0], 2),
        Edge(actors[1], actors[3], 1),
    ]

    lines = {(line.speaker.pk, line.target.pk): line for line in network_layout(edges)["lines"]}

    there, back = lines[(1, 3)], lines[(3, 1)]
    assert math.hypot(there.mid_x - back.mid_x, there.mid_y - back.mid_y) > 20


@pytest.mark.django_db
def test_every_drawn_link_has_a_wide_hit_path_and_a_handle_to_its_pair_page(client):
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    korea = ActorFactory(name="North Korea", slug="north-korea", kind=Actor.Kind.COUNTRY)
    said(peskov, "Pyongyang is a partner", about=[korea])

    html = client.get(NETWORK).text

    pair = reverse("entities:actor_pair", args=["dmitry-peskov", "north-korea"])
    hit = re.search(rf'<a href="{pair}" class="edge"[^>]*>.*?<path class="hit" [^>]*>', html, re.S)
    assert hit
    width = float(re.search(r'stroke-width="([\d.]+)"', hit.group(0)).group(1))
    line = float(re.search(r'<path class="line" [^>]*stroke-width="([\d.]+)"', html).group(1))
    assert width >= line + 2
    assert re.search(rf'<a href="{pair}" tabindex="-1"><circle class="hit"', html)
    # lines under nodes: the nodes' group comes last
    assert (
        html.index('<g class="lines"')
        < html.index('<g class="edges"')
        < html.index('<g class="nodes"')
    )


@pytest.mark.django_db
def test_the_drawing_scales_to_the_page(client):
    said(ActorFactory(), "Words", about=[ActorFactory()])

    html = client.get(NETWORK).text

    svg = re.search(r"<svg [^>]*>", html[html.index('<figure class="network"') :]).group(0)
    assert 'viewBox="0 0 820 820"' in svg
    assert 'width="100%"' in svg


@pytest.fixture
def crowd(db):
    """65 links from one speaker to 65 actors, weights 1..65."""
    speaker = ActorFactory(name="Talker", slug="talker")
    for i in range(65):
        target = ActorFactory(name=f"Topic {i:02d}", slug=f"topic-{i}")
        for n in range(1 + i % 3):
            said(speaker, f"Remark {i} {n}", about=[target])
    return speaker


@pytest.mark.django_db
def test_the_legend_counts_the_links_drawn_and_read(client, crowd):
    response = client.get(NETWORK)

    drawn = len(response.context["layout"]["lines"])
    assert drawn == 29  # the talker and its 29 busiest topics
    text = _text(response)
    assert "29 links drawn of 65, between the 30 busiest of 66 actors." in text
    assert "only the heaviest" not in text


@pytest.mark.django_db
def test_the_legend_says_when_the_read_was_cut(client, crowd, monkeypatch):
    monkeypatch.setattr(network_view, "EDGE_LIMIT", 40)

    text = _text(client.get(NETWORK))

    assert "links drawn of 40 read (only the heaviest 40 are read" in text


@pytest.mark.django_db
def test_a_single_link_is_counted_in_the_singular(client):
    said(ActorFactory(name="Dmitry Peskov"), "Words", about=[ActorFactory(name="North Korea")])

    text = _text(client.get(NETWORK))

    assert "1 link drawn of 1," in text
    assert "Dmitry Peskov on North Korea: 1 statement" in text
    assert "1 statements" not in text


@pytest.mark.django_db
def test_the_table_of_links_is_paged_and_keeps_the_filters(client, crowd):
    first = client.get(NETWORK, {"actor": "talker"})
    second = client.get(NETWORK, {"actor": "talker", "page": 2})

    assert len(first.context["page"].object_list) == network_view.TABLE_PAGE
    assert len(second.context["page"].object_list) == 65 - network_view.TABLE_PAGE
    assert 'href="?actor=talker&amp;page=2#links"' in first.text
    assert 'id="links"' in first.text
