"""Selectors behind search, actor pages, pairs, the graph and the home page."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection

from entities import selectors
from entities.models import Actor, ActorAlias
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    MentionFactory,
    StatementFactory,
    StatementTargetFactory,
)

pytestmark = pytest.mark.django_db


def _at(y: int, m: int, d: int = 15) -> datetime:
    return datetime(y, m, d, 12, tzinfo=UTC)


def _said(speaker, content: str, *, about=(), published=None, publisher="", **kw):
    article = ArticleFactory(body="Lead. " + content, published_at=published, publisher=publisher)
    statement = StatementFactory(
        article=article,
        speaker=speaker,
        content=content,
        content_start=6,
        content_end=6 + len(content),
        **kw,
    )
    for target in about:
        StatementTargetFactory(statement=statement, actor=target)
    return statement


# -- statement_search -------------------------------------------------------------------------


def test_search_finds_statements_by_their_words():
    peskov = ActorFactory(name="Dmitry Peskov")
    hit = _said(peskov, "Sanctions against Pyongyang are pointless.")
    _said(peskov, "The weather in Moscow is fine.")

    assert list(selectors.statement_search(query="sanctions")) == [hit]


def test_search_with_several_words_needs_all_of_them():
    both = _said(None, "New sanctions on oil exports.")
    _said(None, "New talks on oil exports.")

    assert list(selectors.statement_search(query="sanctions oil")) == [both]


def test_search_with_a_word_repeated_many_times_is_one_condition():
    hit = _said(None, "New sanctions on oil exports.")

    assert list(selectors.statement_search(query="oil " * 2000)) == [hit]


def test_search_filters_by_speaker_target_kind_cue_publisher_and_dates():
    peskov, korea, other = ActorFactory(), ActorFactory(), ActorFactory()
    wanted = _said(
        peskov, "It is a threat.", about=[korea], published=_at(2026, 3), publisher="TASS",
        kind="indirect", cue_class="warn",
    )  # fmt: skip
    _said(other, "It is a threat.", about=[korea], published=_at(2026, 3), publisher="TASS")
    _said(peskov, "It is a threat.", about=[other], published=_at(2026, 3), publisher="TASS")
    _said(peskov, "It is a threat.", about=[korea], published=_at(2025, 1), publisher="TASS")
    _said(peskov, "It is a threat.", about=[korea], published=_at(2026, 3), publisher="AP")

    found = selectors.statement_search(
        speaker=peskov, target=korea, kind="indirect", cue_class="warn", publisher="tass",
        date_from=date(2026, 3, 1), date_to=date(2026, 3, 31),
    )  # fmt: skip
    assert list(found) == [wanted]


def test_search_lists_newest_first_and_undated_last():
    old = _said(None, "x", published=_at(2020, 1))
    undated = _said(None, "y")
    new = _said(None, "z", published=_at(2026, 1))

    assert list(selectors.statement_search()) == [new, old, undated]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text ranking is PostgreSQL's")
def test_relevance_puts_the_statement_with_more_hits_first_on_postgresql():
    once = _said(None, "Sanctions were discussed among other things today.", published=_at(2026, 2))
    thrice = _said(None, "Sanctions, sanctions and more sanctions.", published=_at(2020, 1))

    found = selectors.statement_search(query="sanctions", order="relevance")
    assert list(found) == [thrice, once]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's")
def test_full_text_search_matches_other_forms_of_a_word_on_postgresql():
    hit = _said(None, "Moscow sanctioned the officials.")
    assert list(selectors.statement_search(query="sanctioning")) == [hit]


# -- pairs and graph --------------------------------------------------------------------------


def test_pair_lists_both_directions_and_nothing_else():
    a, b, c = ActorFactory(), ActorFactory(), ActorFactory()
    a_on_b = _said(a, "A on B", about=[b], published=_at(2026, 1))
    b_on_a = _said(b, "B on A", about=[a], published=_at(2026, 2))
    _said(a, "A on C", about=[c])
    _said(c, "C on A and B", about=[a, b])

    assert list(selectors.statement_pair(a=a, b=b)) == [b_on_a, a_on_b]


def test_graph_weights_edges_by_statements_and_filters_by_actor_and_date():
    a, b, c = ActorFactory(), ActorFactory(), ActorFactory()
    _said(a, "1", about=[b], published=_at(2026, 1))
    _said(a, "2", about=[b], published=_at(2026, 2))
    _said(c, "3", about=[a], published=_at(2020, 1))
    _said(c, "4", about=[b], published=_at(2026, 1))

    edges = {(e.speaker, e.target): e.weight for e in selectors.graph_edges()}
    assert edges == {(a, b): 2, (c, a): 1, (c, b): 1}
    touching_a = {(e.speaker, e.target) for e in selectors.graph_edges(actor=a)}
    assert touching_a == {(a, b), (c, a)}
    recent = {(e.speaker, e.target) for e in selectors.graph_edges(date_from=date(2025, 1, 1))}
    assert recent == {(a, b), (c, b)}


def test_graph_is_two_queries_however_many_edges(django_assert_num_queries):
    speakers = ActorFactory.create_batch(6)
    targets = ActorFactory.create_batch(6)
    for s in speakers:
        for t in targets:
            _said(s, "x", about=[t])
    with django_assert_num_queries(2):
        assert len(selectors.graph_edges()) == 36


# -- actor pages ------------------------------------------------------------------------------


def test_top_targets_and_top_speakers_count_statements():
    a, b, c = ActorFactory(), ActorFactory(), ActorFactory()
    _said(a, "1", about=[b])
    _said(a, "2", about=[b, c])
    _said(c, "3", about=[a])

    assert selectors.actor_top_targets(actor=a) == [(b, 2), (c, 1)]
    assert selectors.actor_top_speakers(actor=a) == [(c, 1)]
    assert selectors.actor_top_speakers(actor=b) == [(a, 2)]


def test_comentioned_counts_shared_articles():
    a, b, c = ActorFactory(), ActorFactory(), ActorFactory()
    first, second = ArticleFactory(), ArticleFactory()
    for article, actors in ((first, [a, b, c]), (second, [a, b])):
        for actor in actors:
            MentionFactory(article=article, actor=actor)
    MentionFactory(article=first, actor=b)  # a second mention is not a second article

    assert selectors.actor_comentioned(actor=a) == [(b, 2), (c, 1)]


def test_timeline_counts_by_month_and_fills_the_gaps():
    a, b = ActorFactory(), ActorFactory()
    _said(a, "1", published=_at(2026, 1, 3))
    _said(a, "2", published=_at(2026, 1, 28))
    _said(b, "3", about=[a], published=_at(2026, 3))
    _said(a, "undated")

    points = [(p.month, p.said, p.about) for p in selectors.actor_timeline(actor=a)]
    assert points == [
        (date(2026, 1, 1), 2, 0),
        (date(2026, 2, 1), 0, 0),
        (date(2026, 3, 1), 0, 1),
    ]


def test_actor_list_orders_by_statement_counts_and_hides_merged_and_rejected():
    quiet, talker = ActorFactory(name="A"), ActorFactory(name="B")
    ActorFactory(merged_into=talker)
    ActorFactory(rejected=True)
    _said(talker, "1")
    _said(talker, "2")

    assert list(selectors.actor_list(ordering="statements_by")) == [talker, quiet]
    assert list(selectors.actor_list(ordering="name")) == [quiet, talker]


def test_actor_list_filters_by_country():
    korea = ActorFactory(name="South Korea", kind=Actor.Kind.COUNTRY)
    official = ActorFactory(country=korea)
    ActorFactory()

    assert list(selectors.actor_list(country=korea)) == [official]


def test_home_stats_count_and_rank():
    a, b = ActorFactory(), ActorFactory()
    _said(a, "1", about=[b])
    _said(a, "2", about=[b])
    _said(b, "3")

    stats = selectors.home_stats()
    assert (stats["articles"], stats["actors"], stats["statements"]) == (3, 2, 3)
    assert stats["most_quoted"] == [(a, 2), (b, 1)]
    assert stats["most_discussed"] == [(b, 2)]
    assert len(stats["recent_articles"]) == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index is PostgreSQL's")
def test_full_text_search_uses_the_gin_index_on_postgresql():
    qs = selectors.statement_search(query="sanctions", order="relevance")
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "entities_statement_search" in plan  # the stored vector's (migration 0013)


def test_an_actors_statements_list_newest_first_and_undated_last():
    peskov = ActorFactory()
    old = _said(peskov, "x", published=_at(2020, 1))
    undated = _said(peskov, "y")
    new = _said(peskov, "z", published=_at(2026, 1), about=[ActorFactory()])

    assert list(selectors.statement_list_by(actor=peskov)) == [new, old, undated]
    target = new.targets.get().actor
    assert list(selectors.statement_list_about(actor=target)) == [new]


def test_actor_named_finds_by_name_alias_or_slug_and_follows_merges():
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    ActorAlias.objects.create(actor=peskov, alias="peskov")
    old = ActorFactory(name="D. Peskov", merged_into=peskov)
    ActorFactory(name="Peskov", rejected=True)

    assert selectors.actor_named(name="dmitry peskov") == [peskov]
    assert selectors.actor_named(name="  The Peskov ") == [peskov]
    assert selectors.actor_named(name="dmitry-peskov") == [peskov]
    assert selectors.actor_named(name=old.name) == [peskov]
    assert selectors.actor_named(name="Lavrov") == []


def test_publisher_filters_match_part_of_the_name_in_any_case():
    nyt = _said(None, "x", publisher="The New York Times")
    _said(None, "y", publisher="Reuters")

    assert list(selectors.statement_search(publisher="new york")) == [nyt]
    assert list(selectors.article_list(publisher="TIMES")) == [nyt.article]
