"""Curation services: each decision changes the rows, is stored, and survives re-extraction."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from entities import services
from entities.models import Actor, ActorAlias, Correction, Mention, Statement
from entities.nlp import types as nlp_types
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleFactory,
    MentionFactory,
    StatementFactory,
    StatementTargetFactory,
)

pytestmark = pytest.mark.django_db

SANCTIONS = """Putin warns West over new sanctions

Russian President Vladimir Putin said on Tuesday that Moscow would respond to any new sanctions \
imposed by Washington.

"We will not be intimidated by threats from abroad," Putin told reporters in the Kremlin.
"""


@pytest.fixture
def delay():
    with mock.patch("entities.tasks.extract_article.delay") as patched:
        yield patched


# the texts here are a sentence or two: what extraction makes of them is under test, not the
# upload's minimum length (tests/entities/test_clean_ingest.py)
@override_settings(NEWSAPP_MIN_ARTICLE_WORDS=0)
def _extracted(raw: str = SANCTIONS):
    article, _ = services.article_create(raw=raw)
    services.article_extract(article_id=article.pk)
    article.refresh_from_db()
    return article


def _actor(article, text: str) -> Actor:
    return Mention.objects.filter(article=article, text=text).first().actor


def _reextract(article) -> None:
    services.article_extract(article_id=article.pk)


# -- merge ------------------------------------------------------------------------------------


def test_merge_moves_mentions_statements_targets_and_aliases():
    source, into = ActorFactory(name="V. Putin"), ActorFactory(name="Vladimir Putin")
    ActorAliasFactory(actor=source, alias="v. putin")
    mention = MentionFactory(actor=source)
    spoken = StatementFactory(speaker=source)
    target = StatementTargetFactory(actor=source)

    services.actor_merge(source=source, into=into)

    mention.refresh_from_db()
    spoken.refresh_from_db()
    target.refresh_from_db()
    source.refresh_from_db()
    assert mention.actor == into
    assert spoken.speaker == into
    assert target.actor == into
    assert source.merged_into == into
    assert set(into.aliases.values_list("alias", flat=True)) >= {"v. putin", "vladimir putin"}
    assert not source.aliases.exists()


def test_merge_drops_a_target_the_survivor_already_has_on_that_statement():
    source, into = ActorFactory(), ActorFactory()
    statement = StatementFactory()
    StatementTargetFactory(statement=statement, actor=source)
    StatementTargetFactory(statement=statement, actor=into)

    services.actor_merge(source=source, into=into)

    assert list(statement.targets.values_list("actor_id", flat=True)) == [into.pk]


def test_merge_redirects_actors_merged_into_the_source_and_its_country_references():
    old = ActorFactory(name="Korea, North", kind=Actor.Kind.COUNTRY)
    into = ActorFactory(name="North Korea", kind=Actor.Kind.COUNTRY)
    earlier = ActorFactory(merged_into=old)
    citizen = ActorFactory(country=old)

    services.actor_merge(source=old, into=into)

    earlier.refresh_from_db()
    citizen.refresh_from_db()
    assert earlier.merged_into == into
    assert citizen.country == into


def test_merge_drops_what_the_two_said_about_each_other_as_targets():
    """Merged, 'A on B' would be the survivor on itself: a speaker is never its own target."""
    source, into, other = ActorFactory(), ActorFactory(), ActorFactory()
    by_source = StatementFactory(speaker=source)
    StatementTargetFactory(statement=by_source, actor=into)
    StatementTargetFactory(statement=by_source, actor=other)
    by_into = StatementFactory(speaker=into)
    StatementTargetFactory(statement=by_into, actor=source)

    services.actor_merge(source=source, into=into)

    assert list(by_source.targets.values_list("actor_id", flat=True)) == [other.pk]
    assert not by_into.targets.exists()


def test_merge_into_a_rejected_actor_is_refused():
    source, into = ActorFactory(), ActorFactory(rejected=True)
    MentionFactory(actor=source)

    with pytest.raises(ValidationError, match="rejected"):
        services.actor_merge(source=source, into=into)

    assert Mention.objects.filter(actor=source).exists()
    assert not Correction.objects.exists()


def test_merging_a_country_into_an_actor_of_it_leaves_no_actor_its_own_country():
    russia = ActorFactory(name="Russia", kind=Actor.Kind.COUNTRY)
    kremlin = ActorFactory(name="Kremlin", kind=Actor.Kind.ORGANIZATION, country=russia)
    citizen = ActorFactory(country=russia)

    services.actor_merge(source=russia, into=kremlin)

    kremlin.refresh_from_db()
    citizen.refresh_from_db()
    assert kremlin.country is None
    assert citizen.country is None  # a country is an actor of kind country


def test_merge_is_stored_as_a_correction():
    source, into = ActorFactory(), ActorFactory()
    services.actor_merge(source=source, into=into)

    correction = Correction.objects.get()
    assert (correction.kind, correction.actor, correction.other) == ("merge", into, source)


@pytest.mark.parametrize("same", [True, False])
def test_merge_refuses_itself_or_an_actor_already_merged(same):
    actor = ActorFactory()
    other = actor if same else ActorFactory(merged_into=ActorFactory())
    with pytest.raises(ValidationError):
        services.actor_merge(source=other, into=actor)
    assert not Correction.objects.exists()


def test_a_merge_holds_when_the_article_is_extracted_again(delay, nlp):
    article = _extracted()
    putin = _actor(article, "Vladimir Putin")
    other = ActorFactory(name="Putin, Vladimir")
    services.actor_merge(source=putin, into=other)

    _reextract(article)

    assert _actor(article, "Vladimir Putin") == other
    quote = Statement.objects.get(article=article, kind="direct")
    assert quote.speaker == other


# -- rename, aliases, kind --------------------------------------------------------------------


def test_rename_keeps_the_old_name_as_an_alias_and_survives_extraction(delay, nlp):
    article = _extracted()
    putin = _actor(article, "Vladimir Putin")

    services.actor_rename(actor=putin, name="Vladimir Vladimirovich Putin")
    _reextract(article)

    assert _actor(article, "Vladimir Putin") == putin
    putin.refresh_from_db()
    assert putin.name == "Vladimir Vladimirovich Putin"
    assert putin.aliases.filter(alias="vladimir putin").exists()


def test_rename_to_the_name_of_another_actor_says_to_merge():
    ActorFactory(name="Xi Jinping")
    actor = ActorFactory(name="Xi")
    with pytest.raises(ValidationError, match="merge"):
        services.actor_rename(actor=actor, name="xi jinping")


def test_an_added_alias_leads_later_articles_to_the_actor():
    actor = ActorFactory(name="Dmitry Peskov")
    services.actor_alias_add(actor=actor, alias="  The Kremlin Spokesman ")

    assert ActorAlias.objects.filter(actor=actor, alias="kremlin spokesman").exists()
    assert Correction.objects.filter(kind="alias_add", actor=actor).exists()
    resolved = services.actors_resolve(
        extracted=[nlp_types.Actor(name="Kremlin spokesman", kind="person")]
    )
    assert resolved["Kremlin spokesman"] == actor


def test_a_removed_alias_is_not_added_back_by_extraction(delay, nlp):
    article = _extracted()
    putin = _actor(article, "Vladimir Putin")
    assert putin.aliases.filter(alias="putin").exists()

    services.actor_alias_remove(actor=putin, alias="Putin")
    _reextract(article)

    assert not putin.aliases.filter(alias="putin").exists()


def test_removing_an_alias_the_actor_does_not_have_is_an_error():
    with pytest.raises(ValidationError, match="no alias"):
        services.actor_alias_remove(actor=ActorFactory(), alias="nobody")


def test_a_changed_kind_and_country_survive_extraction(delay, nlp):
    article = _extracted()
    kremlin = ActorFactory(name="Elsewhere", kind=Actor.Kind.COUNTRY)
    putin = _actor(article, "Vladimir Putin")
    services.actor_update(actor=putin, kind=Actor.Kind.GROUP, country=kremlin, role="")

    _reextract(article)

    assert _actor(article, "Vladimir Putin") == putin
    putin.refresh_from_db()
    assert (putin.kind, putin.country, putin.role) == ("group", kremlin, "")


def test_a_country_must_be_a_country():
    with pytest.raises(ValidationError, match="not a country"):
        services.actor_update(actor=ActorFactory(), country=ActorFactory())


# -- reject -----------------------------------------------------------------------------------


def test_a_rejected_actor_loses_its_rows_and_does_not_come_back(delay, nlp):
    article = _extracted()
    washington = _actor(article, "Washington")
    putin = _actor(article, "Vladimir Putin")

    services.actor_reject(actor=putin)
    assert not Mention.objects.filter(actor=putin).exists()
    assert not Statement.objects.filter(speaker=putin).exists()

    _reextract(article)

    assert not Mention.objects.filter(actor=putin).exists()
    assert not Statement.objects.filter(speaker=putin).exists()
    assert Mention.objects.filter(actor=washington).exists()


def test_rejecting_a_country_unlinks_its_people():
    country = ActorFactory(kind=Actor.Kind.COUNTRY)
    citizen = ActorFactory(country=country)

    services.actor_reject(actor=country)

    citizen.refresh_from_db()
    assert citizen.country is None


# -- statements -------------------------------------------------------------------------------


def test_a_reassigned_speaker_is_applied_again_after_extraction(delay, nlp):
    article = _extracted()
    quote = Statement.objects.get(article=article, kind="direct")
    peskov = ActorFactory(name="Dmitry Peskov")

    services.statement_speaker_set(statement=quote, speaker=peskov)
    _reextract(article)

    again = Statement.objects.get(article=article, kind="direct")
    assert again.pk == quote.pk  # found again: the same statement, its fields extracted anew
    assert again.speaker == peskov


def test_reassigned_targets_take_the_span_of_their_mention_and_survive_extraction(delay, nlp):
    article = _extracted()
    statement = Statement.objects.get(article=article, content__contains="respond")
    washington = _actor(article, "Washington")
    russia = _actor(article, "Moscow")

    services.statement_targets_set(statement=statement, targets=[russia, washington])
    _reextract(article)

    again = Statement.objects.get(article=article, content__contains="respond")
    targets = {t.actor: (t.start, t.end) for t in again.targets.all()}
    assert set(targets) == {russia, washington}
    start, end = targets[washington]
    assert article.body[start:end] == "Washington"


def test_the_speaker_cannot_be_a_target():
    statement = StatementFactory()
    with pytest.raises(ValidationError, match="speaker"):
        services.statement_targets_set(statement=statement, targets=[statement.speaker])


def test_a_target_cannot_become_the_speaker():
    statement = StatementFactory()
    target = StatementTargetFactory(statement=statement).actor

    with pytest.raises(ValidationError, match="targets"):
        services.statement_speaker_set(statement=statement, speaker=target)

    statement.refresh_from_db()
    assert statement.speaker != target
    assert not Correction.objects.exists()


def test_a_speaker_decision_applied_again_drops_that_actor_from_the_targets():
    """Re-extraction may find the corrected speaker among the new statement's targets."""
    statement = StatementFactory()
    other = StatementTargetFactory(statement=statement).actor
    speaker = StatementTargetFactory(statement=statement).actor
    Correction.objects.create(
        kind=Correction.Kind.SPEAKER,
        article=statement.article,
        content_start=statement.content_start,
        content_end=statement.content_end,
        actor=speaker,
        data={},
    )

    assert services.corrections_apply(article_id=statement.article_id, statements=[statement]) == 1

    statement.refresh_from_db()
    assert statement.speaker == speaker
    assert list(statement.targets.values_list("actor_id", flat=True)) == [other.pk]


def test_a_newer_decision_on_a_statement_replaces_the_older_one():
    statement = StatementFactory()
    first, second = ActorFactory(), ActorFactory()
    services.statement_speaker_set(statement=statement, speaker=first)
    services.statement_speaker_set(statement=statement, speaker=second)

    assert list(Correction.objects.values_list("kind", "actor")) == [("speaker", second.pk)]


def test_corrections_follow_a_merge_of_the_actor_they_name():
    article = ArticleFactory(body="x" * 60)
    statement = StatementFactory(article=article)
    chosen, survivor = ActorFactory(), ActorFactory()
    services.statement_speaker_set(statement=statement, speaker=chosen)
    services.actor_merge(source=chosen, into=survivor)
    fresh = StatementFactory(article=article, speaker=None)

    assert services.corrections_apply(article_id=article.pk, statements=[fresh]) == 1
    fresh.refresh_from_db()
    assert fresh.speaker == survivor


def test_a_correction_is_not_applied_to_a_statement_that_barely_overlaps():
    article = ArticleFactory(body="x" * 200)
    statement = StatementFactory(article=article, content_start=10, content_end=100)
    services.statement_speaker_set(statement=statement, speaker=ActorFactory())
    elsewhere = StatementFactory(article=article, content_start=90, content_end=180, speaker=None)

    assert services.corrections_apply(article_id=article.pk, statements=[elsewhere]) == 0
    elsewhere.refresh_from_db()
    assert elsewhere.speaker is None


def test_extracting_again_after_merging_two_targets_of_one_statement(delay, nlp):
    article = _extracted(
        "Olaf Scholz said that Microsoft and Google had ignored European rules for years.\n"
    )
    google, microsoft = _actor(article, "Google"), _actor(article, "Microsoft")
    services.actor_merge(source=google, into=microsoft)

    _reextract(article)

    article.refresh_from_db()
    assert article.status == "done", article.error
    statement = Statement.objects.get(article=article)
    assert [t.actor for t in statement.targets.all()] == [microsoft]


@pytest.mark.parametrize(("first", "later"), [("Donald Trump", "Donald J. Trump"),
                                              ("Joseph R. Biden Jr.", "Joseph Biden")])  # fmt: skip
def test_a_name_with_or_without_middle_initials_is_one_person(first, later):
    known = services.actors_resolve(extracted=[nlp_types.Actor(name=first, kind="person")])
    again = services.actors_resolve(extracted=[nlp_types.Actor(name=later, kind="person")])

    assert again[later] == known[first]
    assert Actor.objects.count() == 1


def test_a_correction_of_a_headline_statement_goes_back_to_the_headline_not_the_body():
    """Title and body offsets overlap as numbers: a decision on one never lands on the other."""
    article = ArticleFactory(title="Peskov rules out talks with Kyiv " * 2, body="x" * 200)
    headline = StatementFactory(article=article, in_title=True, content_start=0, content_end=30)
    body = StatementFactory(article=article, content_start=0, content_end=30)
    peskov = ActorFactory(name="Dmitry Peskov")
    Correction.objects.create(
        kind=Correction.Kind.SPEAKER,
        article=article,
        content_start=0,
        content_end=30,
        in_title=True,
        actor=peskov,
    )

    services.corrections_apply(article_id=article.pk, statements=[body, headline])

    headline.refresh_from_db()
    body.refresh_from_db()
    assert headline.speaker == peskov
    assert body.speaker != peskov
