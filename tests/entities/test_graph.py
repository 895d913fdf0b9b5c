"""selectors.graph_edges and graph_nodes: the network's edges between actors and between
countries, their filters, and what a correction does to them."""

from __future__ import annotations

from datetime import date

import pytest

from entities import selectors, services
from entities.models import Actor, Statement
from entities.selectors.graph import GraphEdge
from tests.factories import ActorFactory
from tests.relations_world import NEG, NEU, POS, World, relations_world, stated

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return relations_world()


def named(edges) -> set[tuple]:
    return {(e.speaker.name, e.target.name, e.weight, e.stance) for e in edges}


def counted(edges) -> set[tuple]:
    return {(e.speaker.name, e.target.name, e.negative, e.positive, e.neutral) for e in edges}


def test_actor_edges_count_statements_by_stance(world):
    assert counted(selectors.graph_edges()) == {
        ("Vladimir Putin", "Ukraine", 1, 0, 0),
        ("Sergei Lavrov", "Volodymyr Zelensky", 0, 0, 1),
        ("Sergei Lavrov", "Ukraine", 1, 0, 0),
        ("Russia", "Joe Biden", 0, 1, 0),
        ("Volodymyr Zelensky", "Vladimir Putin", 1, 0, 0),
        ("Volodymyr Zelensky", "NATO", 0, 0, 1),
        ("Kremlin", "Russia", 0, 0, 1),
        ("NATO", "Russia", 1, 0, 0),
    }


def test_stance_kind_and_actor_kind_narrow_actor_edges(world):
    negative = named(selectors.graph_edges(stance=NEG))
    reported = named(selectors.graph_edges(kind=Statement.Kind.INDIRECT))
    people_and_countries = named(selectors.graph_edges(actor_kind=("person", "country")))

    assert negative == {
        ("Vladimir Putin", "Ukraine", 1, NEG),
        ("Sergei Lavrov", "Ukraine", 1, NEG),
        ("Volodymyr Zelensky", "Vladimir Putin", 1, NEG),
        ("NATO", "Russia", 1, NEG),
    }
    assert reported == {
        ("Sergei Lavrov", "Volodymyr Zelensky", 1, NEU),
        ("Sergei Lavrov", "Ukraine", 1, NEG),
    }
    # the Kremlin and NATO are organisations: none of their edges, either way
    assert people_and_countries == {
        ("Vladimir Putin", "Ukraine", 1, NEG),
        ("Sergei Lavrov", "Volodymyr Zelensky", 1, NEU),
        ("Sergei Lavrov", "Ukraine", 1, NEG),
        ("Russia", "Joe Biden", 1, POS),
        ("Volodymyr Zelensky", "Vladimir Putin", 1, NEG),
    }


def test_min_weight_keeps_the_heavy_edges_and_limit_the_heaviest(world):
    stated(world.putin, "Kyiv again", [(world.ukraine, POS)], published="2024-04-01")

    heavy = selectors.graph_edges(min_weight=2)
    first = selectors.graph_edges(limit=1)

    assert named(heavy) == {("Vladimir Putin", "Ukraine", 2, "mixed")}
    assert [(e.speaker.name, e.weight) for e in first] == [("Vladimir Putin", 2)]


def test_country_level_rolls_statements_up_to_countries(world):
    edges = selectors.graph_edges(level="country")

    # Lavrov's statement about Zelensky and Ukraine counts once, negative; the Kremlin on
    # Russia is no edge; NATO counts for no country
    assert named(edges) == {
        ("Russia", "Ukraine", 2, NEG),
        ("Russia", "United States", 1, POS),
        ("Ukraine", "Russia", 1, NEG),
    }
    assert [e.speaker.kind for e in edges] == [Actor.Kind.COUNTRY] * 3
    assert (edges[0].speaker.name, edges[0].target.name) == ("Russia", "Ukraine")  # heaviest


def test_country_level_filters_the_rolled_up_stance_and_people(world):
    # the stance of Lavrov's statement toward Ukraine is negative as a whole: not neutral
    assert named(selectors.graph_edges(level="country", stance=NEU)) == set()
    assert named(selectors.graph_edges(level="country", stance=NEG)) == {
        ("Russia", "Ukraine", 2, NEG),
        ("Ukraine", "Russia", 1, NEG),
    }
    # people only: Lavrov on Zelensky alone makes Russia on Ukraine, neutral
    assert named(selectors.graph_edges(level="country", actor_kind=("person",))) == {
        ("Russia", "Ukraine", 1, NEU),
        ("Ukraine", "Russia", 1, NEG),
    }
    assert named(selectors.graph_edges(level="country", min_weight=2)) == {
        ("Russia", "Ukraine", 2, NEG)
    }
    dated = selectors.graph_edges(level="country", date_from=date(2024, 2, 10))
    assert named(dated) == {("Russia", "United States", 1, POS), ("Ukraine", "Russia", 1, NEG)}


def test_country_level_around_an_actor_means_around_its_country(world):
    around_biden = named(selectors.graph_edges(level="country", actor=world.biden))

    assert around_biden == {("Russia", "United States", 1, POS)}
    assert selectors.graph_edges(level="country", actor=world.nato) == []  # of no country


def test_a_speaker_correction_moves_the_statement_between_country_pairs(world, editor):
    statement = Statement.objects.get(content="Ukraine is a mistake")

    services.statement_speaker_set(statement=statement, speaker=world.biden, user=editor)

    assert named(selectors.graph_edges(level="country")) == {
        ("Russia", "Ukraine", 1, NEG),
        ("United States", "Ukraine", 1, NEG),
        ("Russia", "United States", 1, POS),
        ("Ukraine", "Russia", 1, NEG),
    }


def test_country_level_is_two_queries(world, django_assert_num_queries):
    with django_assert_num_queries(2):
        assert len(selectors.graph_edges(level="country")) == 3


def test_bad_level_or_stance_is_a_value_error():
    with pytest.raises(ValueError, match="level is one of actor, country"):
        selectors.graph_edges(level="planet")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="stance is one of"):
        selectors.graph_edges(stance="angry")


@pytest.mark.parametrize(
    ("counts", "stance"),
    [((2, 1, 0), "negative"), ((0, 1, 3), "neutral"), ((1, 1, 0), "mixed"), ((0, 2, 2), "mixed")],
)
def test_the_prevailing_stance_is_the_most_statements_or_mixed_on_a_tie(counts, stance):
    a, b = Actor(name="A"), Actor(name="B")
    negative, positive, neutral = counts
    edge = GraphEdge(a, b, sum(counts), negative=negative, positive=positive, neutral=neutral)

    assert edge.stance == stance


def test_nodes_carry_the_statements_they_said_and_heard(world):
    nodes = selectors.graph_nodes(selectors.graph_edges(level="country"))

    assert [(n.actor.name, n.said, n.about, n.statements) for n in nodes] == [
        ("Russia", 3, 1, 4),
        ("Ukraine", 1, 2, 3),
        ("United States", 0, 1, 1),
    ]


def test_actor_level_still_excludes_a_speaker_on_itself():
    putin = ActorFactory(name="Putin")
    stated(putin, "I am right", [(putin, POS)])

    assert selectors.graph_edges() == []
