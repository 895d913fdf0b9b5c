"""The summaries (counts per actor, pair of actors and pair of countries) stay equal to what
the rows say through every kind of write: rows saved one at a time, the editors' services, the
extraction's store, an article deleted; and summaries_rebuild recomputes them."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from entities import services
from entities.models import (
    UNDATED_MONTH,
    ActorCounts,
    ActorMonth,
    CountryPairMonth,
    PairCounts,
    PairMonth,
    Statement,
)
from entities.nlp import types as t
from entities.selectors.relations import RelationFilters, relation_pairs
from entities.services.summaries import SUMMARIES
from tests.factories import ArticleFactory, MentionFactory
from tests.helpers import make_editor
from tests.relations_world import (
    NEG,
    NEU,
    POS,
    World,
    country,
    person,
    relations_world,
    stated,
)

pytestmark = pytest.mark.django_db


def in_step() -> None:
    assert services.summaries_differences() == dict.fromkeys(SUMMARIES, 0)


def country_pairs() -> dict[tuple[str, str, str], int]:
    """(speaker country, target country, stance) -> statements, every month and kind."""
    out: dict[tuple[str, str, str], int] = {}
    for row in CountryPairMonth.objects.select_related("speaker", "target"):
        key = (row.speaker.name, row.target.name, row.stance)
        out[key] = out.get(key, 0) + row.n
    return out


@pytest.fixture
def world() -> World:
    return relations_world()


def test_rows_saved_one_at_a_time_are_counted(world: World) -> None:
    putin = ActorCounts.objects.get(actor=world.putin)
    assert (putin.said, putin.about) == (1, 1)
    assert ActorMonth.objects.get(actor=world.lavrov, month=date(2024, 2, 1)).said == 1
    # the Kremlin's statement is undated
    assert ActorMonth.objects.get(actor=world.kremlin).month == UNDATED_MONTH
    lavrov_on_ukraine = PairCounts.objects.get(speaker=world.lavrov, target=world.ukraine)
    assert (lavrov_on_ukraine.n, lavrov_on_ukraine.negative) == (1, 1)
    # Lavrov's one statement about Zelensky and Ukraine counts once for Russia -> Ukraine,
    # negative (its most hostile stance), with Putin's
    assert country_pairs()[("Russia", "Ukraine", NEG)] == 2
    assert ("Russia", "Ukraine", NEU) not in country_pairs()
    MentionFactory(actor=world.biden, article=Statement.objects.first().article)
    assert ActorCounts.objects.get(actor=world.biden).mentions == 1
    in_step()


def test_a_stance_changed_on_its_row_moves_the_counts(world: World) -> None:
    target = world.putin.targeted_by.get()
    target.stance = POS
    target.save()
    counts = PairCounts.objects.get(speaker=world.zelensky, target=world.putin)
    assert (counts.negative, counts.positive) == (0, 1)
    assert not PairMonth.objects.filter(speaker=world.zelensky, stance=NEG).exists()
    in_step()


def test_a_speaker_reassigned_to_another_countrys_person_moves_the_statement(
    world: World, django_user_model
) -> None:
    """The correction the issue names: Putin's statement on Ukraine, credited to Biden, leaves
    Russia -> Ukraine for United States -> Ukraine."""
    statement = Statement.objects.get(speaker=world.putin)
    services.statement_speaker_set(
        statement=statement, speaker=world.biden, user=make_editor(django_user_model)
    )
    pairs = country_pairs()
    assert pairs[("Russia", "Ukraine", NEG)] == 1
    assert pairs[("United States", "Ukraine", NEG)] == 1
    assert not PairCounts.objects.filter(speaker=world.putin).exists()
    assert ActorCounts.objects.get(actor=world.biden).said == 1
    in_step()


def test_an_actors_new_country_moves_its_statements(world: World, django_user_model) -> None:
    services.actor_update(actor=world.lavrov, country=world.usa)
    assert country_pairs()[("United States", "Ukraine", NEG)] == 1
    assert country_pairs()[("Russia", "Ukraine", NEG)] == 1
    in_step()


def test_merge_reject_and_statement_edits_keep_step(world: World, django_user_model) -> None:
    editor = make_editor(django_user_model)
    services.actor_merge(source=world.lavrov, into=world.putin, user=editor)
    assert ActorCounts.objects.get(actor=world.putin).said == 2
    in_step()
    services.actor_reject(actor=world.nato, user=editor)
    assert not PairCounts.objects.filter(target=world.nato).exists()
    in_step()
    # a country rejected: its people count for no country any more
    services.actor_reject(actor=world.ukraine, user=editor)
    assert not any(key[1] == "Ukraine" for key in country_pairs())
    in_step()
    statement = Statement.objects.get(speaker=world.zelensky)
    services.statement_kind_set(statement=statement, kind=Statement.Kind.INDIRECT, user=editor)
    assert PairMonth.objects.get(speaker=world.zelensky, target=world.putin).kind == "indirect"
    in_step()
    correction = services.statement_drop(statement=statement, user=editor)
    assert ActorCounts.objects.get(actor=world.zelensky).said == 0
    in_step()
    services.statement_restore(correction=correction, user=editor)
    in_step()


def test_an_articles_new_date_moves_its_months(world: World, django_user_model) -> None:
    article = Statement.objects.get(speaker=world.putin).article
    services.article_details_update(
        article=article, user=make_editor(django_user_model), title=article.title or "T",
        published_at=date(2023, 7, 9),
    )  # fmt: skip
    assert ActorMonth.objects.get(actor=world.putin, said=1).month == date(2023, 7, 1)
    in_step()


def test_a_deleted_article_takes_its_counts(world: World) -> None:
    Statement.objects.get(speaker=world.putin).article.delete()
    assert ActorCounts.objects.get(actor=world.putin).said == 0
    assert not ActorMonth.objects.filter(actor=world.putin, said__gt=0).exists()
    assert country_pairs()[("Russia", "Ukraine", NEG)] == 1
    in_step()


def test_extraction_stored_over_an_article_keeps_step() -> None:
    russia = country("Russia")
    country("China")
    person("Dmitry Peskov", russia)
    body = 'Dmitry Peskov said: "China is a friend." China welcomed it.'
    article = ArticleFactory(body=body, status="processing")
    peskov_said = t.Statement(
        kind="direct", content="China is a friend.", content_start=21, content_end=39,
        cue="said", cue_lemma="say", cue_start=14, cue_end=18, cue_class="say",
        speaker="Dmitry Peskov", speaker_text="Dmitry Peskov", speaker_start=0,
        speaker_end=13, confidence=0.9,
        targets=(t.Target(actor="China", start=21, end=26, stance=POS),),
    )  # fmt: skip
    found = t.ExtractionResult(
        title="", body=body, metadata=t.Metadata(),
        actors=(t.Actor(name="Dmitry Peskov", kind="person", country="Russia"),
                t.Actor(name="China", kind="country")),
        mentions=(t.Mention(actor="Dmitry Peskov", start=0, end=13, text="Dmitry Peskov",
                            label="PERSON"),),
        statements=(peskov_said,), pipeline_version="test", model="test",
    )  # fmt: skip
    services.article_store_extraction(article=article, result=found)
    assert country_pairs() == {("Russia", "China", POS): 1}
    assert ActorCounts.objects.get(actor__name="Dmitry Peskov").mentions == 1
    in_step()
    # stored again with nothing found: the counts go with the statement
    nothing = t.ExtractionResult(title="", body=body, metadata=t.Metadata(),
                                 pipeline_version="test", model="test")  # fmt: skip
    services.article_store_extraction(article=article, result=nothing)
    assert country_pairs() == {}
    in_step()


def test_rebuild_and_check_commands(world: World, capsys) -> None:
    PairCounts.objects.all().delete()
    ActorCounts.objects.filter(actor=world.putin).update(said=7)
    with pytest.raises(CommandError, match="pair_counts"):
        call_command("summaries_rebuild", "--check")
    call_command("summaries_rebuild")
    assert "rebuilt" in capsys.readouterr().out
    assert ActorCounts.objects.get(actor=world.putin).said == 1
    in_step()
    call_command("summaries_rebuild", "--check")


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (None, None),
        (date(2024, 1, 10), date(2024, 2, 10)),  # cut months at both ends
        (date(2024, 1, 11), date(2024, 1, 31)),  # inside one month, to its end
        (date(2024, 2, 1), date(2024, 2, 29)),  # one whole month
        (None, date(2024, 2, 10)),
        (date(2024, 2, 6), None),
        (date(2024, 3, 2), date(2024, 1, 1)),  # backwards: nothing
    ],
)
def test_relations_read_from_the_summary_equal_the_statements(world: World, start, end) -> None:
    """Whole months come from CountryPairMonth, the days a range cuts from the statements:
    together they equal counting the statements (a publisher filter, which the summary
    cannot answer, is counted from the statements alone)."""
    from entities.selectors.relations import _rolled_up, _targets

    filters = RelationFilters(date_from=start, date_to=end)
    read = {
        (p.speaker.pk, p.target.pk): (p.counts.negative, p.counts.positive, p.counts.neutral)
        for p in relation_pairs(filters=filters)
    }
    counted = {(r[0], r[1]): tuple(r[-3:]) for r in _rolled_up(_targets(filters), by_month=False)}
    assert read == counted
    if start is None and end is None:
        assert len(read) == 4  # Russia on Ukraine, the United States, itself; Ukraine on Russia
    if end == date(2024, 1, 1):
        assert read == {}


def test_relation_months_from_the_summary(world: World) -> None:
    filters = RelationFilters(date_from=date(2024, 1, 5), date_to=date(2024, 2, 10))
    (pair,) = relation_pairs(filters=filters, speaker_country=world.russia,
                             target_country=world.ukraine, by_month=True)  # fmt: skip
    assert [(m.month, m.negative) for m in pair.months] == [
        (date(2024, 1, 1), 1),
        (date(2024, 2, 1), 1),
    ]


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"date_from": date(2024, 1, 10), "date_to": date(2024, 2, 10)},
        {"date_from": date(2024, 2, 1)},
        {"kind": "indirect"},
        {"stance": NEG},
        {"date_to": date(2024, 2, 4), "stance": NEG},
    ],
)
def test_pair_weights_equal_the_statements(world: World, filters: dict) -> None:
    """The network's weights from PairCounts / PairMonth (and the days a range cuts, from the
    rows) equal counting the statement targets themselves."""
    from django.db.models import Count, F

    from entities.models import StatementTarget
    from entities.selectors.pair_counts import pair_weights

    rows = StatementTarget.objects.filter(statement__speaker__isnull=False).exclude(
        actor_id=F("statement__speaker_id")
    )
    if "date_from" in filters:
        rows = rows.filter(statement__article__published_at__date__gte=filters["date_from"])
    if "date_to" in filters:
        rows = rows.filter(statement__article__published_at__date__lte=filters["date_to"])
    if "kind" in filters:
        rows = rows.filter(statement__kind=filters["kind"])
    if "stance" in filters:
        rows = rows.filter(stance=filters["stance"])
    counted = {
        (s, t): n
        for s, t, n in rows.values_list("statement__speaker_id", "actor_id").annotate(n=Count("*"))
    }
    weights = pair_weights(**filters)
    assert {(w.speaker_id, w.target_id): w.n for w in weights} == counted
    assert [w.n for w in weights] == sorted((w.n for w in weights), reverse=True)
    assert all(w.n == w.negative + w.positive + w.neutral for w in weights)


def test_windowed_lists_equal_the_full_lists(world: World) -> None:
    """The newest statements read through their months are the newest statements, in order,
    for every slice (undated ones last); the count is the summaries'."""
    from entities.selectors.statements import newest_first, statement_list_about
    from entities.selectors.windows import actor_about_newest, window_start

    for n, month in ((1, "2024-01-05"), (2, "2024-01-20"), (3, None)):
        stated(world.biden, f"Ukraine holds {n}", [(world.ukraine, POS)], published=month)
    full = list(newest_first(statement_list_about(actor=world.ukraine)))
    windowed = actor_about_newest(actor=world.ukraine)
    assert windowed.count() == len(full) == 6
    for stop in range(1, len(full) + 1):
        assert windowed[:stop] == full[:stop]
        assert windowed[stop - 1] == full[stop - 1]
    assert windowed[2:4] == full[2:4]
    assert window_start([(date(2024, 2, 1), 1), (date(2024, 1, 1), 3)], 2) == date(2024, 1, 1)
    assert window_start([(date(2024, 2, 1), 1), (UNDATED_MONTH, 3)], 2) is None


def test_country_pair_speakers_and_verbs_from_the_summary(world: World) -> None:
    """Without filters the pair page's speakers and verb classes come from the summaries, and
    equal counting the statements."""
    from django.db.models import Count

    from entities.selectors.relations import (
        NO_FILTERS,
        _direction,
        relation_pair_cue_classes,
        relation_pair_speakers,
    )

    stated(world.putin, "Kyiv again", [(world.ukraine, NEG), (world.zelensky, NEG)],
           published="2024-03-03")  # fmt: skip
    direction = _direction(world.russia, world.ukraine, NO_FILTERS).order_by()
    by_speaker = dict(direction.values_list("speaker_id").annotate(n=Count("pk")))
    speakers = relation_pair_speakers(speaker_country=world.russia, target_country=world.ukraine)
    assert (
        {actor.pk: n for actor, n in speakers}
        == by_speaker
        == {
            world.putin.pk: 2,
            world.lavrov.pk: 1,
        }
    )
    by_cue = dict(direction.values_list("cue_class").annotate(n=Count("pk")))
    verbs = relation_pair_cue_classes(speaker_country=world.russia, target_country=world.ukraine)
    assert dict(verbs) == by_cue == {"say": 2, "warn": 1}


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"stance": NEG},
        {"kind": "indirect"},
        {"date_from": date(2024, 1, 5), "date_to": date(2024, 2, 10)},
        {"min_weight": 2},
    ],
)
def test_country_graph_from_the_summaries_equals_the_statements(world: World, filters) -> None:
    from entities.selectors.graph import _country_edges, graph_edges
    from entities.selectors.pair_counts import target_rows

    read = [
        (e.speaker.pk, e.target.pk, e.weight, e.negative, e.positive, e.neutral)
        for e in graph_edges(level="country", **filters)
    ]
    rows = target_rows(filters.get("date_from"), filters.get("date_to"), filters.get("kind", ""))
    counted = [
        (w.speaker_id, w.target_id, w.n, w.negative, w.positive, w.neutral)
        for w in _country_edges(
            rows, actor=None, stance=filters.get("stance", ""),
            min_weight=filters.get("min_weight", 1), limit=300,
        )
    ]  # fmt: skip
    assert read == counted
    if not filters:
        assert len(read) == 3  # Russia on Ukraine and the United States; Ukraine on Russia


def test_country_pair_window_picks_the_same_statements(world: World) -> None:
    """A busy pair's newest statements, picked in Python in a short window, are the newest of
    the full list, in order, for every slice; a long window reads them through the query."""
    from entities.selectors.relations import relation_pair_statements
    from entities.selectors.windows import country_pair_newest

    for n in range(4):
        stated(world.zelensky, f"Moscow lies {n}", [(world.russia, NEG)], published="2024-03-20")
        stated(world.biden, f"Kyiv holds {n}", [(world.ukraine, POS)], published="2024-03-21")
    full = list(relation_pair_statements(a=world.russia, b=world.ukraine))
    windowed = country_pair_newest(a=world.russia, b=world.ukraine)
    assert windowed.count() == len(full) == 7  # Putin's, Lavrov's, Zelensky's five
    for stop in range(1, len(full) + 1):
        assert windowed[:stop] == full[:stop]
