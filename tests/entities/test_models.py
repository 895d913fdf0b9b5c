"""Model behaviour: string forms, URLs and the uniqueness rules the data model promises."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from entities.models import Actor, Article
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleFactory,
    MentionFactory,
    StatementFactory,
    StatementTargetFactory,
)

pytestmark = pytest.mark.django_db


def test_article_str_is_its_title():
    article = ArticleFactory(title="Seoul summons Japanese envoy")

    assert str(article) == "Seoul summons Japanese envoy"


def test_article_str_without_title_names_its_id():
    article = ArticleFactory(title="")

    assert str(article) == f"Article {article.pk}"


def test_article_absolute_url_is_its_page():
    article = ArticleFactory()

    assert article.get_absolute_url() == f"/articles/{article.pk}/"


def test_actor_str_is_its_name():
    actor = ActorFactory(name="Vladimir Putin")

    assert str(actor) == "Vladimir Putin"


def test_actor_absolute_url_uses_its_slug():
    actor = ActorFactory(name="Vladimir Putin", slug="vladimir-putin")

    assert actor.get_absolute_url() == "/actors/vladimir-putin/"


def test_alias_str_shows_alias_and_actor():
    alias = ActorAliasFactory(actor=ActorFactory(name="Vladimir Putin"), alias="putin")

    assert str(alias) == "putin -> Vladimir Putin"


def test_mention_str_shows_text_and_span():
    article = ArticleFactory(body="Kremlin spokesman Dmitry Peskov said the talks were over.")
    mention = MentionFactory(article=article, start=18, end=31)

    assert str(mention) == "Dmitry Peskov [18:31]"


def test_statement_str_names_the_speaker_and_the_start_of_the_content():
    speaker = ActorFactory(name="Dmitry Peskov")
    statement = StatementFactory(speaker=speaker, content="x" * 80)

    assert str(statement) == "Dmitry Peskov: " + "x" * 60


def test_statement_str_without_resolved_speaker_uses_the_speaker_text():
    statement = StatementFactory(speaker=None, speaker_text="a senior official", content="No.")

    assert str(statement) == "a senior official: No."


def test_statement_target_str_names_the_actor():
    target = StatementTargetFactory(actor=ActorFactory(name="North Korea", kind="country"))

    assert str(target) == f"{target.statement_id} -> North Korea"


def test_content_hash_is_unique():
    ArticleFactory(content_hash="a" * 64)

    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(content_hash="a" * 64)


def test_url_is_unique_when_given():
    ArticleFactory(url="https://example.com/news/1")

    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(url="https://example.com/news/1")


def test_several_articles_may_have_no_url():
    ArticleFactory(url=None)
    ArticleFactory(url=None)

    assert Article.objects.filter(url__isnull=True).count() == 2


def test_actor_name_and_kind_are_unique_together():
    ActorFactory(name="Georgia", kind=Actor.Kind.COUNTRY)

    with pytest.raises(IntegrityError), transaction.atomic():
        ActorFactory(name="Georgia", kind=Actor.Kind.COUNTRY)


def test_actors_may_share_a_name_across_kinds():
    ActorFactory(name="Georgia", kind=Actor.Kind.COUNTRY)
    ActorFactory(name="Georgia", kind=Actor.Kind.PERSON)

    assert Actor.objects.filter(name="Georgia").count() == 2


def test_an_actors_survivor_follows_chains_of_merges_and_stops_on_a_cycle():
    last = ActorFactory()
    middle = ActorFactory(merged_into=last)
    first = ActorFactory(merged_into=middle)
    assert first.survivor() == last
    assert last.survivor() == last

    a, b = ActorFactory(), ActorFactory()
    a.merged_into, b.merged_into = b, a
    a.save()
    b.save()
    assert a.survivor() in (a, b)  # returns instead of looping for ever
