"""Services: creating articles, running extraction on them and resolving their actors."""

from __future__ import annotations

import contextlib
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from kombu.exceptions import OperationalError as BrokerError

from entities import services
from entities.models import Actor, Article, Mention, Statement, StatementTarget
from entities.nlp import PIPELINE_VERSION
from tests.factories import ActorAliasFactory, ActorFactory, ArticleFactory, MentionFactory

pytestmark = pytest.mark.django_db

SANCTIONS = """Putin warns West over new sanctions

Russian President Vladimir Putin said on Tuesday that Moscow would respond to any new sanctions \
imposed by Washington.

"We will not be intimidated by threats from abroad," Putin told reporters in the Kremlin.
"""

CEASEFIRE = """Kremlin dismisses ceasefire proposal

Russian President Vladimir Putin rejected the ceasefire proposal on Friday, according to state \
media.

Putin said that the plan ignored the security concerns of Russia.
"""

SUMMIT = """Leaders meet in Beijing

Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday. \
"Our partnership has no limits," Xi said after the meeting.
"""

GENEVA = """Talks stall in Geneva

Putin said on Monday that the United States was not serious about negotiations.
"""


@pytest.fixture
def delay():
    with mock.patch("entities.tasks.extract_article.delay") as patched:
        yield patched


def _create(raw: str, **kwargs) -> tuple[Article, bool]:
    return services.article_create(raw=raw, **kwargs)


# the texts here are a sentence or two: what extraction makes of them is under test, not the
# upload's minimum length (tests/entities/test_clean_ingest.py)
@override_settings(NEWSAPP_MIN_ARTICLE_WORDS=0)
def _extracted(raw: str) -> Article:
    article, _ = _create(raw)
    services.article_extract(article_id=article.pk)
    article.refresh_from_db()
    return article


def _putin(article: Article) -> Actor:
    return Mention.objects.get(article=article, text="Vladimir Putin").actor


# -- article_create ---------------------------------------------------------------------------


def test_create_saves_the_article_queued(delay):
    article, created = _create(SANCTIONS)

    article.refresh_from_db()
    assert created is True
    assert article.status == Article.Status.QUEUED
    assert article.queued_at is not None


def test_create_takes_the_title_line_out_of_the_body(delay):
    article, _ = _create(SANCTIONS)

    assert article.title == "Putin warns West over new sanctions"
    assert article.body.startswith("Russian President Vladimir Putin said")
    assert "Putin warns West" not in article.body


def test_create_keeps_the_raw_input(delay):
    article, _ = _create(SANCTIONS)

    assert Article.objects.get(pk=article.pk).raw == SANCTIONS


def test_create_enqueues_extraction_only_when_the_transaction_commits(
    delay, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article, _ = _create(SANCTIONS)
    assert delay.call_count == 0

    for callback in callbacks:
        callback()

    delay.assert_called_once_with(article.pk)


def test_create_with_the_same_body_returns_the_existing_article(delay):
    first, _ = _create(SANCTIONS)

    again, created = _create(SANCTIONS)

    assert created is False
    assert again.pk == first.pk
    assert Article.objects.count() == 1


def test_create_treats_other_whitespace_and_quote_styles_as_the_same_body(delay):
    first, _ = _create(SANCTIONS)
    retyped = (
        SANCTIONS.replace('"We', "“We")
        .replace('," Putin', ",”  Putin")
        .replace("Russian President", "Russian\tPresident")
        .replace("\n", "\r\n")
    )

    again, created = _create(retyped)

    assert created is False
    assert again.pk == first.pk
    assert Article.objects.count() == 1


def test_create_with_a_known_url_returns_the_existing_article(delay):
    first, _ = _create(SANCTIONS, url="https://example.com/world/putin-sanctions")

    again, created = _create(CEASEFIRE, url="https://example.com/world/putin-sanctions")

    assert created is False
    assert again.pk == first.pk
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    "canonical", ["http://exa mple.com/story", "https://example.com/" + "a" * 2100, "ftp://x.org/a"]
)
def test_a_malformed_address_in_the_page_metadata_is_left_out_not_an_error(delay, canonical):
    """The page's own canonical link is metadata: one that is not a valid http(s) URL must not
    make the article impossible to upload (the uploader gave no URL)."""
    html = (
        f'<html><head><title>Sanctions</title><link rel="canonical" href="{canonical}"></head>'
        "<body><article><p>Russian President Vladimir Putin said on Tuesday that Moscow would "
        "respond to any new sanctions imposed by Washington.</p><p>Officials in Geneva said the "
        "talks would go on next week despite the warnings.</p></article></body></html>"
    )

    article, created = _create(html)

    assert created is True
    assert article.url is None


def test_a_valid_address_in_the_page_metadata_is_kept(delay):
    html = (
        '<html><head><title>Sanctions</title><link rel="canonical" '
        'href="https://news.example/world/sanctions"></head>'
        "<body><article><p>Russian President Vladimir Putin said on Tuesday that Moscow would "
        "respond to any new sanctions imposed by Washington.</p><p>Officials in Geneva said the "
        "talks would go on next week despite the warnings.</p></article></body></html>"
    )

    article, _ = _create(html)

    assert article.url == "https://news.example/world/sanctions"


def test_a_duplicate_enqueues_nothing(delay, django_capture_on_commit_callbacks):
    _create(SANCTIONS)

    with django_capture_on_commit_callbacks(execute=True):
        _create(SANCTIONS)

    assert delay.call_count == 0


@pytest.mark.parametrize("raw", ["", "   \n\n  "])
def test_create_refuses_empty_input(delay, raw):
    with pytest.raises(ValidationError) as excinfo:
        _create(raw)

    assert "text" in excinfo.value.message_dict
    assert Article.objects.count() == 0


@override_settings(NEWSAPP_MAX_ARTICLE_CHARS=200)
def test_create_refuses_input_over_the_size_limit(delay):
    raw = "Kremlin rejects talks\n\n" + "Officials said the talks were over. " * 10
    assert len(raw) > 200

    with pytest.raises(ValidationError) as excinfo:
        _create(raw)

    assert "limit is 200" in excinfo.value.message_dict["text"][0]
    assert Article.objects.count() == 0


def test_broker_failure_leaves_the_article_saved_and_queued(
    delay, django_capture_on_commit_callbacks
):
    delay.side_effect = BrokerError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    with django_capture_on_commit_callbacks(execute=True):
        article, created = _create(SANCTIONS)

    article.refresh_from_db()
    assert created is True
    assert article.status == Article.Status.QUEUED
    assert delay.call_count == 1


def test_enqueue_reports_a_broker_failure(delay):
    delay.side_effect = BrokerError("Connection refused.")
    article = ArticleFactory(status=Article.Status.QUEUED)

    assert services.article_enqueue_extraction(article_id=article.pk) is False


def test_enqueue_reports_success(delay):
    article = ArticleFactory(status=Article.Status.QUEUED)

    assert services.article_enqueue_extraction(article_id=article.pk) is True
    delay.assert_called_once_with(article.pk)


# -- article_extract --------------------------------------------------------------------------


def test_extract_marks_the_article_done(delay, nlp):
    article = _extracted(SANCTIONS)

    assert article.status == Article.Status.DONE
    assert article.error == ""
    assert article.finished_at is not None


def test_extract_records_pipeline_version_and_model(delay, nlp):
    article = _extracted(SANCTIONS)

    assert article.pipeline_version == PIPELINE_VERSION
    assert "core_web_sm" in article.model_name


def test_extract_stores_mentions_whose_offsets_point_into_the_body(delay, nlp):
    article = _extracted(SANCTIONS)

    mentions = list(Mention.objects.filter(article=article))
    assert {m.text for m in mentions} >= {"Vladimir Putin", "Putin", "Washington"}
    for m in mentions:
        assert article.body[m.start : m.end] == m.text


def test_extract_stores_statements_whose_offsets_point_into_the_body(delay, nlp):
    article = _extracted(SANCTIONS)

    statements = list(Statement.objects.filter(article=article))
    assert {s.kind for s in statements} >= {Statement.Kind.DIRECT, Statement.Kind.INDIRECT}
    for s in statements:
        assert " … ".join(article.body[a:b] for a, b in s.content_spans()) == s.content
        assert s.content_start == s.content_spans()[0][0]
        assert s.content_end == s.content_spans()[-1][1]
        assert article.body[s.cue_start : s.cue_end] == s.cue
        assert article.body[s.speaker_start : s.speaker_end] == s.speaker_text


def test_extract_resolves_the_speaker_of_a_quote(delay, nlp):
    article = _extracted(SANCTIONS)

    quote = Statement.objects.get(article=article, kind=Statement.Kind.DIRECT)
    assert "intimidated by threats" in quote.content
    assert quote.speaker == _putin(article)


def test_extract_stores_targets_whose_offsets_point_at_a_mention_of_their_actor(delay, nlp):
    article = _extracted(SANCTIONS)

    targets = list(StatementTarget.objects.filter(statement__article=article))
    assert {t.actor.name for t in targets} >= {"United States"}
    for t in targets:
        named = Mention.objects.filter(
            article=article, actor=t.actor, start=t.start, end=t.end
        ).exists()
        # or the speaker's country in the speaker's own words: "We will not be intimidated"
        words = article.body[t.start : t.end].lower()
        own = t.statement.content_start <= t.start < t.end <= t.statement.content_end and (
            words in {"we", "us", "our", "it", "its"} or words.endswith(("country", "nation"))
        )
        assert named or own, (t.actor.name, words)


def test_extracting_again_replaces_the_rows(delay, nlp):
    article = _extracted(SANCTIONS)
    before = (
        Mention.objects.filter(article=article).count(),
        Statement.objects.filter(article=article).count(),
        StatementTarget.objects.filter(statement__article=article).count(),
        Actor.objects.count(),
    )

    services.article_extract(article_id=article.pk)

    after = (
        Mention.objects.filter(article=article).count(),
        Statement.objects.filter(article=article).count(),
        StatementTarget.objects.filter(statement__article=article).count(),
        Actor.objects.count(),
    )
    assert before[0] > 0
    assert before[1] > 0
    assert after == before


def test_an_extraction_error_marks_the_article_failed_with_a_reason(delay, nlp):
    article, _ = _create(SANCTIONS)

    with mock.patch(
        "entities.services.extraction.nlp.extract_clean",
        side_effect=RuntimeError("parser exploded"),
    ):
        services.article_extract(article_id=article.pk)

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "parser exploded" in article.error


def test_an_extraction_error_keeps_the_rows_of_the_previous_extraction(delay, nlp):
    article = _extracted(SANCTIONS)
    mentions = Mention.objects.filter(article=article).count()
    statements = Statement.objects.filter(article=article).count()

    with mock.patch(
        "entities.services.extraction.nlp.extract_clean",
        side_effect=RuntimeError("parser exploded"),
    ):
        services.article_extract(article_id=article.pk)

    assert Mention.objects.filter(article=article).count() == mentions
    assert Statement.objects.filter(article=article).count() == statements


def test_an_error_while_storing_the_result_marks_the_article_failed(delay, nlp):
    article, _ = _create(SANCTIONS)

    # raising is acceptable (a retry may follow); what matters is the state left behind
    with (
        mock.patch(
            "entities.services.extraction.actors_resolve", side_effect=RuntimeError("db hiccup")
        ),
        contextlib.suppress(RuntimeError),
    ):
        services.article_extract(article_id=article.pk)

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error


@pytest.mark.parametrize("missing", ["no_such_model", "/srv/models/en_core_web_md-3.8.0"])
def test_a_missing_model_marks_the_article_failed_naming_the_setting(delay, missing):
    article, _ = _create(SANCTIONS)

    with override_settings(SPACY_MODEL=missing):
        services.article_extract(article_id=article.pk)

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "SPACY_MODEL" in article.error
    assert missing in article.error


def test_extract_of_a_missing_article_returns_none():
    assert services.article_extract(article_id=987654) is None


# -- actor resolution across articles ---------------------------------------------------------


def test_two_articles_naming_the_same_person_share_one_actor(delay, nlp):
    first = _extracted(SANCTIONS)
    second = _extracted(CEASEFIRE)

    assert _putin(first) == _putin(second)
    assert Actor.objects.filter(name="Vladimir Putin").count() == 1


def test_the_actor_keeps_the_role_from_the_title_before_the_name(delay, nlp):
    article = _extracted(SANCTIONS)

    putin = _putin(article)
    assert putin.role == "Russian President"
    assert putin.country.name == "Russia"


def test_a_surname_in_a_later_article_resolves_to_the_known_person(delay, nlp):
    earlier = _extracted(SANCTIONS)
    later = _extracted(GENEVA)

    speaker = Statement.objects.get(article=later).speaker
    assert speaker == _putin(earlier)
    assert not Actor.objects.filter(name="Putin").exists()


def test_a_surname_resolves_even_if_earlier_articles_only_used_the_full_name(delay, nlp):
    # DESIGN.md: aliases hold "putin" and "russian president vladimir putin" as well as the name
    earlier = _extracted(SUMMIT)
    later = _extracted(GENEVA)

    speaker = Statement.objects.get(article=later).speaker
    assert speaker == _putin(earlier)


def test_a_merged_actor_resolves_to_the_survivor(delay, nlp):
    survivor = ActorFactory(name="Vladimir Vladimirovich Putin", kind=Actor.Kind.PERSON)
    merged = ActorFactory(name="Vladimir Putin", kind=Actor.Kind.PERSON, merged_into=survivor)
    ActorAliasFactory(actor=merged, alias="vladimir putin")

    article = _extracted(SANCTIONS)

    assert _putin(article) == survivor
    assert Statement.objects.get(article=article, kind=Statement.Kind.DIRECT).speaker == survivor


def test_an_actor_without_alias_rows_is_matched_by_its_name(delay, nlp):
    # an actor added in the admin has no ActorAlias rows of its own
    existing = ActorFactory(name="Vladimir Putin", kind=Actor.Kind.PERSON, slug="vladimir-putin")

    article = _extracted(SANCTIONS)

    assert article.status == Article.Status.DONE
    assert _putin(article) == existing


def test_an_actor_created_meanwhile_by_another_worker_is_reused_not_duplicated():
    from entities.nlp.types import Actor as Extracted

    existing = ActorFactory(name="Russia", kind="country", slug="russia")
    # the race: this worker looked for candidates before the other one committed "Russia"
    with mock.patch("entities.services.actors._candidates", return_value={}):
        resolved = services.actors_resolve(extracted=[Extracted(name="Russia", kind="country")])

    assert resolved["Russia"] == existing
    assert Actor.objects.filter(name="Russia").count() == 1


def test_resolving_an_article_s_actors_takes_a_bounded_number_of_queries(
    django_assert_max_num_queries,
):
    from entities.nlp.types import Actor as Extracted

    items = [Extracted(name=f"Person Number{n}", kind="person") for n in range(20)]
    services.actors_resolve(extracted=items)  # creates them

    # every actor known already: no per-actor lookups, one write for the aliases
    with django_assert_max_num_queries(4):
        services.actors_resolve(extracted=items)


INTERRUPTED = """Putin vows victory

"We will not give up," Vladimir Putin said on Monday. "We will win this war."
"""


def test_extract_stores_the_fragments_of_a_quote_its_attribution_interrupts(delay, nlp):
    article = _extracted(INTERRUPTED)

    [statement] = Statement.objects.filter(article=article, kind=Statement.Kind.DIRECT)
    pieces = [article.body[a:b] for a, b in statement.fragments]
    assert pieces == ["We will not give up,", "We will win this war."]
    assert statement.content == "We will not give up, … We will win this war."
    assert "Putin said" not in statement.content


def _obamas(barack_mentions: int, michelle_mentions: int) -> tuple[Actor, Actor]:
    barack = ActorFactory(name="Barack Obama", kind=Actor.Kind.PERSON, slug="barack-obama")
    michelle = ActorFactory(name="Michelle Obama", kind=Actor.Kind.PERSON, slug="michelle-obama")
    for actor, n in ((barack, barack_mentions), (michelle, michelle_mentions)):
        ActorAliasFactory(actor=actor, alias="obama")
        for _ in range(n):
            MentionFactory(actor=actor)
    return barack, michelle


def test_a_shared_surname_alone_is_the_person_mentioned_far_more_often(db):
    from entities.nlp.types import Actor as Extracted

    barack, _ = _obamas(barack_mentions=6, michelle_mentions=2)

    resolved = services.actors_resolve(extracted=[Extracted(name="Obama", kind="person")])

    assert resolved["Obama"] == barack


def test_a_shared_surname_without_a_clear_favourite_is_an_actor_of_its_own(db):
    from entities.nlp.types import Actor as Extracted

    barack, michelle = _obamas(barack_mentions=3, michelle_mentions=2)

    resolved = services.actors_resolve(extracted=[Extracted(name="Obama", kind="person")])

    assert resolved["Obama"] not in (barack, michelle)
    assert resolved["Obama"].name == "Obama"


def test_shared_short_names_are_weighed_in_one_query_for_the_article(
    django_assert_max_num_queries,
):
    from entities.nlp.types import Actor as Extracted

    surnames = [f"Family{n}" for n in range(6)]
    for surname in surnames:  # each surname shared by a prominent and a rare person
        for first, mentions in (("Known", 4), ("Rare", 1)):
            actor = ActorFactory(name=f"{first} {surname}", kind=Actor.Kind.PERSON)
            ActorAliasFactory(actor=actor, alias=surname.lower())
            for _ in range(mentions):
                MentionFactory(actor=actor)
    items = [Extracted(name=surname, kind="person") for surname in surnames]

    with django_assert_max_num_queries(6):
        resolved = services.actors_resolve(extracted=items)

    assert {resolved[s].name for s in surnames} == {f"Known {s}" for s in surnames}
