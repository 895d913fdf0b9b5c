"""The country roll-up: which statements count for which pair of countries, by stance and
month, and the statement search's country filters."""

from __future__ import annotations

from datetime import date

import pytest

from entities import selectors, services
from entities.models import Actor, Statement
from tests.relations_world import NEG, NEU, POS, World, country, person, relations_world, stated

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return relations_world()


def counted(**kwargs) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    """(speaker country, target country) -> (total, negative, positive, neutral)."""
    return {
        (p.speaker.slug, p.target.slug): (
            p.counts.total, p.counts.negative, p.counts.positive, p.counts.neutral,
        )
        for p in selectors.relation_pairs(**kwargs)
    }  # fmt: skip


def test_people_bodies_and_countries_count_for_their_country(world):
    assert counted() == {
        ("russia", "ukraine"): (2, 2, 0, 0),  # Putin, Lavrov (once, though about two)
        ("russia", "united-states"): (1, 0, 1, 0),  # Russia itself on Biden
        ("ukraine", "russia"): (1, 1, 0, 0),  # Zelensky on Putin; NATO counts for no one
        ("russia", "russia"): (1, 0, 0, 1),  # the Kremlin on Russia
    }


def test_pairs_come_most_statements_first(world):
    pairs = selectors.relation_pairs()
    assert (pairs[0].speaker, pairs[0].target) == (world.russia, world.ukraine)
    assert pairs[0].net == -1.0


def test_positive_wins_over_neutral_between_targets_of_one_country(world):
    stated(world.putin, "Kyiv and Zelensky", [(world.ukraine, NEU), (world.zelensky, POS)])
    assert counted()[("russia", "ukraine")] == (3, 2, 1, 0)


def test_a_merged_speaker_counts_for_its_survivors_country(world):
    # rows left on a merged actor (actor_merge moves them; this one escaped it)
    ghost = person("V. Putin", world.ukraine)
    stated(ghost, "Ukraine again", [(world.ukraine, NEG)])
    Actor.objects.filter(pk=ghost.pk).update(merged_into=world.putin)
    services.summaries_rebuild()  # an UPDATE of rows bypasses the services' counting
    assert counted()[("russia", "ukraine")] == (3, 3, 0, 0)
    assert ("ukraine", "ukraine") not in counted()


def test_merging_a_person_moves_the_statements_to_the_survivors_country(world):
    services.actor_merge(source=world.zelensky, into=world.biden)
    pairs = counted()
    assert ("ukraine", "russia") not in pairs
    assert pairs[("united-states", "russia")] == (1, 1, 0, 0)


def test_a_merged_country_counts_as_its_survivor(world):
    rossiya = country("Rossiya")
    stated(person("Dmitry Peskov", rossiya), "Ukraine is wrong", [(world.ukraine, NEG)])
    services.actor_merge(source=rossiya, into=world.russia)
    assert counted()[("russia", "ukraine")] == (3, 3, 0, 0)


def test_rejected_actors_count_for_no_country(world):
    services.actor_reject(actor=world.lavrov)
    assert counted()[("russia", "ukraine")] == (1, 1, 0, 0)
    # a row that still names a rejected actor (actor_reject unlinks them) counts for none
    Actor.objects.filter(pk=world.putin.pk).update(rejected=True)
    services.summaries_rebuild()  # an UPDATE of rows bypasses the services' counting
    assert ("russia", "ukraine") not in counted()


def test_a_correction_of_the_speaker_moves_the_statement_between_pairs(world):
    statement = Statement.objects.get(speaker=world.putin)
    services.statement_speaker_set(statement=statement, speaker=world.biden)
    pairs = counted()
    assert pairs[("russia", "ukraine")] == (1, 1, 0, 0)
    assert pairs[("united-states", "ukraine")] == (1, 1, 0, 0)


def test_filters_by_dates_publisher_and_kind(world):
    filters = selectors.RelationFilters
    assert set(counted(filters=filters(date_from=date(2024, 2, 1)))) == {
        ("russia", "ukraine"), ("russia", "united-states"), ("ukraine", "russia"),
    }  # fmt: skip
    assert set(counted(filters=filters(date_to=date(2024, 1, 31)))) == {("russia", "ukraine")}
    assert set(counted(filters=filters(publisher="reut"))) == {
        ("russia", "ukraine"), ("ukraine", "russia"),
    }  # fmt: skip
    assert counted(filters=filters(kind="indirect")) == {("russia", "ukraine"): (1, 1, 0, 0)}


def test_filters_by_speaker_and_target_country(world):
    assert set(counted(speaker_country=world.russia)) == {
        ("russia", "ukraine"), ("russia", "united-states"), ("russia", "russia"),
    }  # fmt: skip
    assert set(counted(target_country=world.russia)) == {
        ("ukraine", "russia"), ("russia", "russia"),
    }  # fmt: skip


def test_by_month_counts_dated_statements_per_month(world):
    pair = selectors.relation_pairs(
        speaker_country=world.russia, target_country=world.ukraine, by_month=True
    )[0]
    assert [(m.month, m.total, m.negative) for m in pair.months] == [
        (date(2024, 1, 1), 1, 1),
        (date(2024, 2, 1), 1, 1),
    ]
    undated = selectors.relation_pairs(
        speaker_country=world.russia, target_country=world.russia, by_month=True
    )[0]
    assert undated.counts.total == 1
    assert undated.months == []


def test_matrix_keeps_the_most_active_countries(world):
    matrix = selectors.relation_matrix(limit=2)
    assert matrix.countries == [world.russia, world.ukraine]
    assert matrix.total_countries == 3
    assert set(matrix.cells) == {
        (world.russia.pk, world.ukraine.pk), (world.ukraine.pk, world.russia.pk),
        (world.russia.pk, world.russia.pk),
    }  # fmt: skip


def test_pair_statements_speakers_and_verb_classes(world):
    statements = selectors.relation_pair_statements(a=world.russia, b=world.ukraine)
    assert {s.content for s in statements} == {
        "Ukraine is a mistake", "Zelensky and Ukraine lie", "Putin and NATO will see",
    }  # fmt: skip
    assert statements[0].content == "Putin and NATO will see"  # newest first
    assert {s.speaker_country_id for s in statements} == {world.russia.pk, world.ukraine.pk}
    speakers = selectors.relation_pair_speakers(
        speaker_country=world.russia, target_country=world.ukraine
    )
    assert speakers == [(world.putin, 1), (world.lavrov, 1)]
    assert selectors.relation_pair_cue_classes(
        speaker_country=world.russia, target_country=world.ukraine
    ) == [("say", 1), ("warn", 1)]


def test_statement_search_filters_by_speaker_and_target_country(world):
    by_russia = selectors.statement_search(speaker_country=world.russia)
    assert {s.speaker for s in by_russia} == {world.putin, world.lavrov, world.russia,
                                             world.kremlin}  # fmt: skip
    about_russia = selectors.statement_search(target_country=world.russia, stance=NEG)
    assert {s.speaker for s in about_russia} == {world.zelensky, world.nato}
    both = selectors.statement_search(speaker_country=world.ukraine, target_country=world.russia)
    assert [s.content for s in both] == ["Putin and NATO will see"]


def test_a_country_is_resolved_by_slug_name_or_alias(world):
    assert selectors.country_resolve(value="united-states") == world.usa
    assert selectors.country_resolve(value="United States") == world.usa
    assert selectors.country_resolve(value="Vladimir Putin") is None  # a person
    assert selectors.country_resolve(value="Atlantis") is None


def test_actor_pair_months_by_stance(world):
    stated(world.putin, "Zelensky is weak", [(world.zelensky, NEG)])  # undated
    a_on_b, b_on_a = selectors.statement_pair_months(a=world.zelensky, b=world.putin)
    assert [(m.month, m.negative, m.total) for m in a_on_b.months] == [(date(2024, 3, 1), 1, 1)]
    assert (b_on_a.counts.negative, b_on_a.months) == (1, [])
    filled = selectors.months_filled(
        [selectors.StanceMonth(date(2023, 11, 1), negative=1)],
        [selectors.StanceMonth(date(2024, 1, 1), positive=2)],
    )
    assert [m.month for m in filled[0]] == [date(2023, 11, 1), date(2023, 12, 1), date(2024, 1, 1)]
    assert [m.total for m in filled[1]] == [0, 0, 2]


def test_months_of_a_page_of_pairs(world):
    pairs = selectors.relation_pairs()[:2]  # Russia on Ukraine, then Russia on Russia
    selectors.relation_months(pairs=pairs)
    assert [[(m.month, m.negative) for m in p.months] for p in pairs] == [
        [(date(2024, 1, 1), 1), (date(2024, 2, 1), 1)],
        [],  # undated
    ]
