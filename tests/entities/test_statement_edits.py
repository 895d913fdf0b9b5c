"""Statement decisions beyond speaker and targets: not a statement (and undo), span, kind, an
actor from an unresolved speaker. Each holds when the article is extracted again."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from entities import selectors, services
from entities.models import Actor, Correction, Statement
from tests.factories import ActorFactory, ArticleFactory, StatementFactory, StatementTargetFactory

pytestmark = pytest.mark.django_db

SANCTIONS = """Putin warns West over new sanctions

Russian President Vladimir Putin said on Tuesday that Moscow would respond to any new sanctions \
imposed by Washington.

"We will not be intimidated by threats from abroad," Putin told reporters in the Kremlin.

Cyber security experts said the attacks would continue for months.
"""


@pytest.fixture
def delay():
    with mock.patch("entities.tasks.extract_article.delay") as patched:
        yield patched


def _extracted():
    article, _ = services.article_create(raw=SANCTIONS)
    services.article_extract(article_id=article.pk)
    article.refresh_from_db()
    return article


def _quote(article) -> Statement:
    return Statement.objects.get(article=article, kind="direct")


def _at(article, words: str) -> tuple[int, int]:
    start = article.body.index(words)
    return start, start + len(words)


# -- not a statement ----------------------------------------------------------------------------


def test_not_a_statement_deletes_it_and_extraction_drops_it_again(delay, nlp):
    article = _extracted()
    quote = _quote(article)
    count = Statement.objects.filter(article=article).count()

    services.statement_drop(statement=quote)
    services.article_extract(article_id=article.pk)

    assert Statement.objects.filter(article=article).count() == count - 1
    assert not Statement.objects.filter(article=article, content=quote.content).exists()
    assert not selectors.statement_search(query="intimidated").exists()


def test_undo_puts_the_statement_back_with_its_id_targets_and_speaker():
    statement = StatementFactory(speaker=ActorFactory())
    target = StatementTargetFactory(statement=statement, stance="negative")
    correction = services.statement_drop(statement=statement)
    assert not Statement.objects.filter(pk=statement.pk).exists()

    back = services.statement_restore(correction=correction)

    assert back.pk == statement.pk
    assert back.speaker_id == statement.speaker_id
    assert back.content == statement.content
    assert [(t.actor_id, t.stance) for t in back.targets.all()] == [(target.actor_id, "negative")]
    assert not selectors.article_dropped_statements(article=statement.article)
    history = selectors.article_corrections(article=statement.article)
    assert history[0].summary.startswith("Put back")


def test_undo_after_reextraction_keeps_the_statement(delay, nlp):
    article = _extracted()
    correction = services.statement_drop(statement=_quote(article))
    services.article_extract(article_id=article.pk)

    services.statement_restore(correction=correction)
    services.article_extract(article_id=article.pk)

    assert _quote(article).content.startswith("We will not be intimidated")


# -- span ----------------------------------------------------------------------------------------


def test_span_edit_sets_the_content_and_survives_extraction(delay, nlp):
    article = _extracted()
    quote = _quote(article)
    start, end = _at(article, "We will not be intimidated")

    services.statement_span_set(statement=quote, start=start, end=end)
    quote.refresh_from_db()
    assert (quote.content, quote.content_start, quote.content_end) == (
        "We will not be intimidated", start, end
    )  # fmt: skip

    services.article_extract(article_id=article.pk)

    again = Statement.objects.get(article=article, content_start=start)
    assert again.content == "We will not be intimidated"
    assert again.content_end == end


def test_later_fixes_follow_an_edited_span_through_extraction(delay, nlp):
    article = _extracted()
    quote = _quote(article)
    lavrov = ActorFactory(name="Sergei Lavrov")
    services.statement_speaker_set(statement=quote, speaker=lavrov)  # before the span edit
    start, end = _at(article, "We will not be intimidated")
    services.statement_span_set(statement=quote, start=start, end=end)
    services.statement_kind_set(statement=quote, kind="indirect")  # after it

    services.article_extract(article_id=article.pk)

    again = Statement.objects.get(article=article, content_start=start)
    assert again.speaker == lavrov
    assert again.kind == "indirect"


def test_a_second_span_edit_replaces_the_first(delay, nlp):
    article = _extracted()
    quote = _quote(article)
    services.statement_span_set(
        statement=quote, start=_at(article, "We will")[0], end=_at(article, "We will")[1]
    )
    start, end = _at(article, "threats from abroad")
    services.statement_span_set(statement=quote, start=start, end=end)

    services.article_extract(article_id=article.pk)

    assert Correction.objects.filter(kind="span").count() == 1
    assert Statement.objects.filter(article=article, content="threats from abroad").exists()


@pytest.mark.parametrize(
    ("start", "end", "field", "message"),
    [
        (5, 5, "end", "must come after the start"),
        (9, 3, "end", "must come after the start"),
        (-1, 4, "start", "outside the text"),
        (0, 10_000, "end", "outside the text"),
        ("a", 4, "start", "whole number"),
    ],
)
def test_span_errors_say_what_is_wrong(start, end, field, message):
    statement = StatementFactory(article=ArticleFactory(body="Putin said it was fine."))
    with pytest.raises(ValidationError) as caught:
        services.statement_span_set(statement=statement, start=start, end=end)
    assert message in caught.value.message_dict[field][0]
    assert not Correction.objects.exists()


def test_a_span_of_white_space_is_refused_and_edges_are_trimmed():
    article = ArticleFactory(body="Putin said   it was fine.")
    statement = StatementFactory(article=article, content_start=0, content_end=5)
    with pytest.raises(ValidationError, match="white space"):
        services.statement_span_set(statement=statement, start=10, end=13)
    services.statement_span_set(statement=statement, start=10, end=20)
    statement.refresh_from_db()
    assert statement.content == "it was"


def test_a_headline_statement_span_points_into_the_title():
    article = ArticleFactory(title="Pence: Flowers won't be at debate", body="Body text.")
    statement = StatementFactory(article=article, in_title=True, content_start=7, content_end=14)
    services.statement_span_set(statement=statement, start=7, end=33)
    statement.refresh_from_db()
    assert statement.content == "Flowers won't be at debate"


# -- kind ----------------------------------------------------------------------------------------


def test_kind_edit_is_recorded_and_survives_extraction(delay, nlp):
    article = _extracted()
    quote = _quote(article)
    services.statement_kind_set(statement=quote, kind="mixed")

    services.article_extract(article_id=article.pk)

    again = Statement.objects.get(article=article, content_start=quote.content_start)
    assert again.kind == "mixed"
    correction = Correction.objects.get(kind="statement_kind")
    assert correction.data == {"before": "direct", "after": "mixed"}


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValidationError, match="not a kind of statement"):
        services.statement_kind_set(statement=StatementFactory(), kind="rumour")


# -- an actor from an unresolved speaker -------------------------------------------------------


def test_an_actor_made_from_an_unresolved_speaker_is_kept_through_extraction(delay, nlp):
    article = _extracted()
    statement = Statement.objects.get(article=article, speaker_text="Cyber security experts")
    assert statement.speaker is None
    russia, _ = Actor.objects.get_or_create(
        name="Russia", kind="country", defaults={"slug": "russia-test"}
    )

    actor = services.statement_speaker_actor_create(
        statement=statement, name="Cyber security experts", kind="group", country=russia
    )
    services.article_extract(article_id=article.pk)

    again = Statement.objects.get(article=article, speaker_text="Cyber security experts")
    assert again.speaker == actor
    assert (actor.kind, actor.country) == ("group", russia)
    assert Correction.objects.filter(kind="actor_create", actor=actor).exists()


def test_an_actor_from_a_speaker_refuses_a_taken_name_and_a_non_country():
    ActorFactory(name="Cyber security experts", kind="group")
    statement = StatementFactory(speaker=None, speaker_text="Cyber security experts")
    with pytest.raises(ValidationError, match="set it as the speaker"):
        services.statement_speaker_actor_create(
            statement=statement, name="cyber security experts", kind="group"
        )
    with pytest.raises(ValidationError, match="not a country"):
        services.statement_speaker_actor_create(
            statement=statement, name="Experts", kind="group", country=ActorFactory(kind="person")
        )
    assert Actor.objects.count() == 2


def test_history_says_who_did_what(editor):
    statement = StatementFactory(kind="direct")
    services.statement_kind_set(statement=statement, kind="indirect", user=editor)
    rows = selectors.article_corrections(article=statement.article)
    assert [(r.summary, r.by) for r in rows] == [("Kind direct → indirect", editor.username)]
