"""Lists at a million statements (issue 16): the statements' copy of their article's date
(Statement.sort_at) kept in step, date filters as ranges, counts that stop or estimate, keyset
pages, relevance over the newest matches, publishers from an index."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.db import connection
from django.utils import timezone

from entities import selectors, services
from entities.models import UNDATED, Statement
from entities.nlp import types as nlp
from entities.selectors import counts
from entities.selectors.keyset import keyset_page
from entities.selectors.statements import NEWEST_FIRST
from tests.factories import ActorFactory, ArticleFactory, StatementFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's planner, full-text rank"
)


def _at(day: str, hour: int = 12, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(f"{day}T{hour:02d}:{minute:02d}:00"))


# --- the copy of the article's date -------------------------------------------------------


def test_a_statement_takes_its_articles_date_or_undated():
    dated = StatementFactory(article=ArticleFactory(published_at=_at("2024-03-01")))
    undated = StatementFactory(article=ArticleFactory(published_at=None))

    assert Statement.objects.get(pk=dated.pk).sort_at == _at("2024-03-01")
    assert Statement.objects.get(pk=undated.pk).sort_at == UNDATED


def test_a_statement_saved_with_an_article_id_only_reads_the_date():
    article = ArticleFactory(published_at=_at("2024-03-01"))
    statement = StatementFactory.build(article=article, speaker=None)
    statement.article_id = article.pk
    Statement.article.field.delete_cached_value(statement)  # only the id is known

    statement.save()

    assert Statement.objects.get(pk=statement.pk).sort_at == _at("2024-03-01")


def test_editing_an_articles_date_moves_its_statements(user):
    article = ArticleFactory(published_at=_at("2024-03-01"), title="Talks")
    statement = StatementFactory(article=article)

    services.article_details_update(
        article=article, user=user, title="Talks", published_at=date(2020, 5, 6)
    )
    assert Statement.objects.get(pk=statement.pk).sort_at == _at("2020-05-06")

    services.article_details_update(article=article, user=user, title="Talks")
    assert Statement.objects.get(pk=statement.pk).sort_at == UNDATED


def test_saving_an_article_another_way_moves_its_statements_too():
    article = ArticleFactory(published_at=None)
    statement = StatementFactory(article=article)

    article.published_at = _at("2023-01-02")
    article.save()  # as the admin does

    assert Statement.objects.get(pk=statement.pk).sort_at == _at("2023-01-02")


def test_extraction_gives_new_statements_their_articles_date():
    article = ArticleFactory(
        body='Dmitry Peskov said: "We will not go."', published_at=_at("2024-07-08")
    )
    peskov = nlp.Actor(name="Dmitry Peskov", kind="person")
    quote = nlp.Statement(
        kind="direct", content="We will not go.", content_start=21, content_end=36,
        cue="said", cue_lemma="say", cue_start=14, cue_end=18, cue_class="say",
        speaker="Dmitry Peskov", speaker_text="Dmitry Peskov", speaker_start=0,
        speaker_end=13, confidence=0.9, targets=(),
    )  # fmt: skip
    result = nlp.ExtractionResult(
        title=article.title, body=article.body, metadata=nlp.Metadata(), actors=(peskov,),
        statements=(quote,),
    )  # fmt: skip

    services.article_store_extraction(article=article, result=result)

    assert list(Statement.objects.filter(article=article).values_list("sort_at", flat=True)) == [
        _at("2024-07-08")
    ]


# --- date filters as ranges ---------------------------------------------------------------


def test_a_date_range_holds_both_days_whole_and_no_undated_statement():
    peskov = ActorFactory()
    before = said(peskov, "too early")
    first = said(peskov, "first minute")
    last = said(peskov, "last minute")
    after = said(peskov, "too late")
    said(peskov, "undated")
    for statement, when in (
        (before, _at("2024-01-31", 23, 59)),
        (first, _at("2024-02-01", 0, 0)),
        (last, _at("2024-02-29", 23, 59)),
        (after, _at("2024-03-01", 0, 0)),
    ):
        article = statement.article
        article.published_at = when
        article.save()

    found = selectors.statement_search(date_from=date(2024, 2, 1), date_to=date(2024, 2, 29))
    until = selectors.statement_search(date_to=date(2024, 2, 29))

    assert list(found) == [last, first]
    assert list(until) == [last, first, before]  # the undated one is in no range


# --- counts ---------------------------------------------------------------------------------


def test_a_count_says_what_it_is():
    assert str(counts.ResultCount(1234)) == "1,234"
    assert str(counts.ResultCount(120_000, counts.ABOUT)) == "about 120,000"
    assert str(counts.ResultCount(1000, counts.MORE)) == "more than 1,000"
    assert counts.ResultCount(3) == 3
    assert counts.ResultCount(3).exact
    assert not counts.ResultCount(1000, counts.MORE).exact


def test_an_estimate_is_rounded_to_two_figures():
    assert [counts.rounded(n) for n in (7, 99, 123, 123_456, 171_010)] == [
        7,
        99,
        120,
        120_000,
        170_000,
    ]


def test_a_count_is_exact_up_to_the_bound_and_stops_beyond(monkeypatch):
    for i in range(4):
        said(ActorFactory(), f"Talks {i}")
    monkeypatch.setattr(counts, "TRUSTED_ABOVE", 10_000)  # a small table's estimate is no guide
    monkeypatch.setattr(counts, "EXACT_UP_TO", 4)
    assert counts.result_count(Statement.objects.all()) == 4
    assert counts.result_count(Statement.objects.all()).exact

    monkeypatch.setattr(counts, "EXACT_UP_TO", 3)
    beyond = counts.result_count(Statement.objects.all())

    assert not beyond.exact
    if connection.vendor != "postgresql":
        assert (int(beyond), beyond.kind) == (3, counts.MORE)


@postgresql_only
def test_a_large_table_is_counted_from_the_statistics(monkeypatch):
    for i in range(5):
        said(ActorFactory(), f"Talks {i}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE entities_statement")
    monkeypatch.setattr(counts, "TABLE_EXACT_BELOW", 3)

    count = counts.table_count(Statement)

    assert (int(count), count.kind) == (5, counts.ABOUT)


def test_the_home_counts_leave_merged_and_rejected_actors_out():
    kept = ActorFactory()
    ActorFactory(merged_into=kept)
    ActorFactory(rejected=True)
    said(kept, "Talks")

    assert counts.home_counts() == {"articles": 1, "actors": 1, "statements": 1}


def test_a_small_table_is_counted_exactly():
    said(ActorFactory(), "Talks")

    assert counts.table_count(Statement) == 1
    assert counts.table_count(Statement).exact


@postgresql_only
def test_many_matches_are_estimated_by_the_planner(monkeypatch):
    for i in range(30):
        said(ActorFactory(), f"Sanctions round {i}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE entities_statement")
    monkeypatch.setattr(counts, "EXACT_UP_TO", 2)

    count = counts.result_count(selectors.statement_search(query="sanctions"))

    assert count.kind == counts.ABOUT
    assert 3 <= int(count) <= 100  # the planner's figure for 30, not a count stopped at 2


def test_an_estimate_gives_way_to_a_first_page_that_holds_everything(monkeypatch):
    monkeypatch.setattr(counts, "EXACT_UP_TO", 1)
    monkeypatch.setattr(counts, "planner_rows", lambda qs: 50_000)  # a planner far off
    for i in range(3):
        said(ActorFactory(), f"Talks {i}")

    results = selectors.statement_search_page(query="talks", size=25)
    articles = selectors.article_list_page(size=25)

    assert (results.count, results.count.exact) == (3, True)
    assert (articles.count, articles.count.exact) == (3, True)


# --- keyset pages ---------------------------------------------------------------------------


def test_keyset_pages_meet_without_a_gap_or_an_overlap():
    peskov = ActorFactory()
    for i in range(7):
        said(peskov, f"Round {i}", published=f"2024-01-{i % 3 + 1:02d}")  # ties on the date
    qs = selectors.statement_search(speaker=peskov)
    everything = list(qs)

    seen, page = [], keyset_page(qs, keys=NEWEST_FIRST, size=3)
    while True:
        seen += page.object_list
        if not page.has_next:
            break
        page = keyset_page(qs, keys=NEWEST_FIRST, cursor=page.next_cursor, size=3)

    assert seen == everything
    back = keyset_page(qs, keys=NEWEST_FIRST, cursor=page.previous_cursor, size=3)
    assert back.object_list == everything[3:6]


@postgresql_only
def test_relevance_pages_by_rank_then_date():
    peskov = ActorFactory()
    strong = said(peskov, "Sanctions, sanctions and more sanctions", published="2024-01-01")
    weak = [said(peskov, f"Sanctions round {i}", published="2024-02-01") for i in range(3)]

    first = selectors.statement_search_page(query="sanctions", order="relevance", size=2)
    second = selectors.statement_search_page(
        query="sanctions", order="relevance", size=2, cursor=first.page.next_cursor
    )

    assert first.ranked
    assert first.page.object_list[0] == strong
    assert {*first.page.object_list[1:], *second.page.object_list} == set(weak)


@postgresql_only
def test_relevance_ranks_the_newest_matches_only(monkeypatch):
    from entities.selectors import statements

    monkeypatch.setattr(statements, "RELEVANCE_POOL", 2)
    peskov = ActorFactory()
    said(peskov, "Sanctions, sanctions and more sanctions", published="2020-01-01")  # old
    newer = [said(peskov, f"Sanctions round {i}", published=f"2024-02-0{i + 1}") for i in range(2)]

    results = selectors.statement_search_page(query="sanctions", order="relevance", size=5)

    assert set(results.page.object_list) == set(newer)
    assert results.count == 3  # the count is of every match


# --- publishers -----------------------------------------------------------------------------


def test_publishers_are_listed_once_each_in_order():
    for name in ("TASS", "Yonhap", "TASS", "", "AP"):
        ArticleFactory(publisher=name)

    assert selectors.statement_publishers() == ["AP", "TASS", "Yonhap"]


# --- plans steered by the count --------------------------------------------------------------


def _setting(name: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


@postgresql_only
def test_many_matches_walk_the_index_and_few_are_collected_first(monkeypatch):
    monkeypatch.setattr(counts, "EXACT_UP_TO", 2)
    monkeypatch.setattr(counts, "TRUSTED_ABOVE", 10_000)
    peskov = ActorFactory()
    for i in range(3):
        said(peskov, f"Sanctions round {i}")
    said(peskov, "Talks")

    with selectors.planned_for(selectors.statement_search(query="sanctions")) as many:
        settings = (_setting("enable_bitmapscan"), _setting("enable_indexscan"))
    assert not many.exact
    assert settings == ("off", "on")

    with selectors.planned_for(selectors.statement_search(query="talks")) as few:
        settings = (_setting("enable_bitmapscan"), _setting("enable_indexscan"))
    assert few == 1
    assert settings == ("on", "off")

    assert (_setting("enable_bitmapscan"), _setting("enable_indexscan")) == ("on", "on")
