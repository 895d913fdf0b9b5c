"""A forgiving search (issue 16): actors found by names as people type them, statements by
web-search syntax, accents and case aside, and suggestions when nothing is found. Competing
actors are those that used to come first ("Xi" gave Mexico, "UN" the United States)."""

from __future__ import annotations

import pytest
from django.db import connection

from entities import selectors
from entities.models import Actor
from entities.websearch import Clause, Term, websearch_parse
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleFactory,
    MentionFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_trgm and the stored vector are PostgreSQL's"
)


def _actor(name: str, kind: str = Actor.Kind.PERSON, *, mentions: int = 0, aliases=()) -> Actor:
    actor = ActorFactory(name=name, kind=kind)
    ActorAliasFactory(actor=actor, alias=name.lower())
    for alias in aliases:
        ActorAliasFactory(actor=actor, alias=alias)
    for _ in range(mentions):
        MentionFactory(actor=actor)
    return actor


@pytest.fixture
def actors() -> dict[str, Actor]:
    """The most prominent actors are those a literal search used to put first."""
    return {
        "mexico": _actor("Mexico", Actor.Kind.COUNTRY, mentions=9),
        "us": _actor("United States", Actor.Kind.COUNTRY, mentions=9, aliases=["us"]),
        "un": _actor("United Nations", Actor.Kind.ORGANIZATION, mentions=2, aliases=["un"]),
        "xi": _actor("Xi Jinping", mentions=3),
        "xiomara": _actor("Xiomara Castro", mentions=5),
        "kim": _actor("Kim Jong-un", mentions=2),
        "kim_nam": _actor("Kim Jong Nam", mentions=4),
        "putin": _actor("Vladimir Putin", mentions=3),
        "putnam": _actor("Robert Putnam", mentions=1),
        "erdogan": _actor("Recep Tayyip Erdoğan", mentions=1),
        "trump": _actor("Donald Trump", mentions=8),
        "trump_org": _actor("Trump Organization", Actor.Kind.ORGANIZATION, mentions=1),
    }


def _first(query: str) -> Actor:
    found = list(selectors.actor_list(query=query)[:5])
    assert found, f"nothing found for {query!r}"
    return found[0]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("erdoğan", "erdogan"),
        ("Erdogan", "erdogan"),
        ("ERDOĞAN", "erdogan"),
        ("kim jong un", "kim"),
        ("Kim Jong-Un", "kim"),
        ("UN", "un"),
        ("U.N.", "un"),
        ("Xi", "xi"),
        ("trump's", "trump"),
        ("Trump’s", "trump"),
        ("putin", "putin"),
        ("the united nations", "un"),
    ],
)
def test_actor_search_folds_accents_case_punctuation_and_ranks_the_best_match_first(
    actors, query, expected
):
    assert _first(query) == actors[expected]


def test_actor_search_ranks_exact_then_alias_then_words_then_start_then_part(actors):
    assert list(selectors.actor_list(query="xi")[:3]) == [
        actors["xi"],  # whole word, though less mentioned
        actors["xiomara"],  # start of the name
        actors["mexico"],  # part of a word
    ]
    # the alias "un" before the whole word of "kim jong un" and the start of "united states"
    found = list(selectors.actor_list(query="un"))
    assert found[:3] == [actors["un"], actors["kim"], actors["us"]]
    # a prominent close spelling before an obscure name that starts a later word with it
    assert list(selectors.actor_list(query="putn")[:2]) == [actors["putin"], actors["putnam"]]


def test_a_misspelt_name_finds_the_actor(actors):
    assert _first("Putn") == actors["putin"]
    assert _first("Vladimir Putn") == actors["putin"]
    assert _first("Erdogn") == actors["erdogan"]


def test_a_query_of_punctuation_finds_no_actor(actors):
    assert list(selectors.actor_list(query="-- !! ")) == []


def test_rename_and_aliases_keep_the_folded_names(actors, editor):
    from entities.services import curation

    curation.actor_rename(actor=actors["kim"], name="Kim Jŏng-ŭn", user=editor)
    assert Actor.objects.get(pk=actors["kim"].pk).folded == "kim jong un"
    assert _first("kim jong un") == actors["kim"]


# -- statements ---------------------------------------------------------------------------


def _said(content: str, speaker: Actor | None = None):
    article = ArticleFactory(body="Lead. " + content)
    return StatementFactory(
        article=article, speaker=speaker, content=content, content_start=6,
        content_end=6 + len(content),
    )  # fmt: skip


@pytest.fixture
def said():
    return {
        "phrase": _said("The talks ended in an exact phrase of agreement, officials said."),
        "loose": _said("A phrase that was not exact, the minister added."),
        "hacked": _said("The ministry was hacked last week."),
        "hack": _said("They call it a hack by a foreign service."),
        "erdogan": _said("Recep Tayyip Erdoğan spoke about the border."),
        "war": _said("The war must end now, the envoy said."),
        "putin": _said("Vladimir Putin warned the West on Tuesday."),
    }


def _found(query: str) -> set[int]:
    return set(selectors.statement_search(query=query).values_list("pk", flat=True))


def test_an_exact_phrase_finds_only_the_words_in_that_order(said):
    assert _found('"exact phrase"') == {said["phrase"].pk}
    assert _found("exact phrase") == {said["phrase"].pk, said["loose"].pk}


def test_or_accepts_either_word(said):
    assert _found("hacked OR hack") == {said["hacked"].pk, said["hack"].pk}
    assert _found("ministry or border") == {said["hacked"].pk, said["erdogan"].pk}


def test_a_minus_word_excludes(said):
    assert _found("phrase -minister") == {said["phrase"].pk}
    assert _found('said -"the envoy"') == {said["phrase"].pk}
    # as websearch_to_tsquery: OR between clauses, "a OR b -c" is a or (b and not c)
    assert _found("envoy OR border -tayyip") == {said["war"].pk}


def test_statement_search_folds_accents_and_case(said):
    assert _found("erdogan") == {said["erdogan"].pk}
    assert _found("ERDOĞAN") == {said["erdogan"].pk}
    assert _found("Erdoğan's border") == {said["erdogan"].pk}


def test_a_search_that_finds_nothing_suggests_a_spelling_and_actors(said, actors):
    assert _found("Putn") == set()
    suggestion = selectors.statement_suggest(query="Putn warned")
    assert suggestion.query == "Putin warned"  # as typed, capitalised
    assert suggestion.actors[0] == actors["putin"]
    assert _found(suggestion.query) == {said["putin"].pk}


def test_no_suggestion_when_no_corrected_word_finds_anything(said):
    suggestion = selectors.statement_suggest(query="zzzxq")
    assert not suggestion
    assert suggestion.query is None


@on_postgresql
def test_postgresql_search_stems_and_ranks_on_the_stored_vector(said):
    # stemmed: "hacking" finds both forms
    assert _found("hacking") == {said["hacked"].pk, said["hack"].pk}
    sql, params = selectors.statement_search(
        query="hack", order="relevance"
    ).query.sql_with_params()
    assert '"content_search"' in sql
    assert "to_tsvector" not in sql  # no row parsed again
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "entities_statement_search" in plan


@on_postgresql
def test_postgresql_fuzzy_actor_search_uses_the_trigram_index(actors):
    sql, params = selectors.actor_list(query="putn").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "entities_actor_folded_trgm" in plan


# -- the query syntax ---------------------------------------------------------------------


def test_websearch_parse_reads_phrases_or_and_minus():
    parsed = websearch_parse('"Exact  phrase" hacked OR Hack -word -"two words" Kim-Jong or')
    assert parsed.clauses == [
        Clause(required=[Term("exact phrase", phrase=True), Term("hacked")]),
        Clause(
            required=[Term("hack"), Term("kim jong", phrase=True)],
            excluded=[Term("word"), Term("two words", phrase=True)],
        ),
    ]
    assert websearch_parse("!! OR").clauses == []


@on_postgresql
def test_postgresql_article_search_folds_accents_through_the_trigram_indexes():
    from entities.models import Article
    from tests.factories import ArticleFactory

    hit = ArticleFactory(title="Erdoğan visits Berlin")
    ArticleFactory(title="Merkel visits Ankara")
    found = Article.objects.search("ERDOGAN")
    assert list(found) == [hit]
    sql, params = found.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")  # not the primary key in order
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "entities_article_title_trgm" in plan


def test_a_speaker_or_target_typed_in_a_form_is_found_punctuation_aside(actors):
    assert selectors.actor_named(name="kim jong un") == [actors["kim"]]
    assert selectors.actor_named(name="ERDOGAN") == []  # a part of a name is not a name
    assert selectors.actor_named(name="recep tayyip erdogan") == [actors["erdogan"]]
