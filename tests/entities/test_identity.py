"""Stable statement identity: reprocessing an article keeps the id of every statement the new
extraction finds again (same words, or nearly), retires the others (their links answer 410),
never retires a reviewed one, and never hands an old id to a new statement."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from entities import services
from entities.models import Actor, Correction, RetiredStatement, Statement, StatementTarget
from entities.nlp import types as nlp
from entities.services.identity import Placed, statements_match
from tests.factories import ArticleFactory, StatementFactory

pytestmark = pytest.mark.django_db

BODY = (
    'Dmitry Peskov said: "We will not go to Geneva this week, whatever the Americans say." '
    "Sergei Lavrov said that the talks in Geneva were pointless and that nobody in Moscow "
    "would attend them. Ukraine said nothing."
)
PESKOV = nlp.Actor(name="Dmitry Peskov", kind="person")
LAVROV = nlp.Actor(name="Sergei Lavrov", kind="person")
UKRAINE = nlp.Actor(name="Ukraine", kind="country")


def _span(text: str) -> tuple[int, int]:
    start = BODY.index(text)
    return start, start + len(text)


def _statement(
    words: str, speaker: str | None, *, about: tuple[str, ...] = (), confidence: float = 0.9
) -> nlp.Statement:
    start, end = _span(words)
    name = speaker or "Someone"
    speaker_at = BODY.find(name)
    targets = tuple(nlp.Target(actor=a, start=start, end=start + 1) for a in about)
    return nlp.Statement(
        kind="direct",
        content=words,
        content_start=start,
        content_end=end,
        cue="said",
        cue_lemma="say",
        cue_start=0,
        cue_end=0,
        cue_class="say",
        speaker=speaker,
        speaker_text=name,
        speaker_start=max(speaker_at, 0),
        speaker_end=max(speaker_at, 0) + len(name),
        confidence=confidence,
        targets=targets,
    )


QUOTE = "We will not go to Geneva this week, whatever the Americans say."
REPORTED = "the talks in Geneva were pointless and that nobody in Moscow would attend them"


def _store(article, *statements: nlp.Statement):
    result = nlp.ExtractionResult(
        title=article.title,
        body=article.body,
        metadata=nlp.Metadata(),
        actors=(PESKOV, LAVROV, UKRAINE),
        statements=statements,
    )
    services.article_store_extraction(article=article, result=result)
    return {s.content: s for s in Statement.objects.filter(article=article)}


@pytest.fixture
def article():
    return ArticleFactory(body=BODY, title="Geneva talks")


@pytest.fixture
def stored(article):
    return _store(
        article,
        _statement(QUOTE, "Dmitry Peskov", about=("Ukraine",)),
        _statement(REPORTED, "Sergei Lavrov"),
    )


def test_reprocessing_keeps_the_ids_of_unchanged_statements(article, stored):
    again = _store(
        article,
        _statement(QUOTE, "Dmitry Peskov", about=("Ukraine",)),
        _statement(REPORTED, "Sergei Lavrov"),
    )

    assert {k: s.pk for k, s in again.items()} == {k: s.pk for k, s in stored.items()}
    assert not RetiredStatement.objects.exists()


def test_a_statement_whose_boundaries_moved_a_few_words_keeps_its_id(article, stored):
    shorter = "the talks in Geneva were pointless"  # the extractor now stops earlier
    again = _store(
        article,
        _statement(QUOTE, "Dmitry Peskov", about=("Ukraine",)),
        _statement("Lavrov said that " + REPORTED, "Sergei Lavrov"),
    )
    assert again["Lavrov said that " + REPORTED].pk == stored[REPORTED].pk
    moved = Statement.objects.get(pk=stored[REPORTED].pk)
    assert (moved.content_start, moved.content_end) == _span("Lavrov said that " + REPORTED)

    again = _store(article, _statement(shorter, "Sergei Lavrov"))
    assert again[shorter].pk == stored[REPORTED].pk  # same speaker, most of it: the same one


def test_a_found_statement_takes_what_the_new_extraction_says_of_it(article, stored):
    _store(article, _statement(QUOTE, "Sergei Lavrov", confidence=0.6))

    again = Statement.objects.get(pk=stored[QUOTE].pk)
    assert (again.speaker.name, again.speaker_text, again.confidence) == (
        "Sergei Lavrov",
        "Sergei Lavrov",
        0.6,
    )


def test_a_found_statement_gets_the_new_extractions_targets(article, stored):
    _store(
        article,
        _statement(QUOTE, "Dmitry Peskov", about=("Sergei Lavrov",)),
        _statement(REPORTED, "Sergei Lavrov"),
    )

    targets = StatementTarget.objects.filter(statement_id=stored[QUOTE].pk)
    assert [t.actor.name for t in targets] == ["Sergei Lavrov"]


def test_a_vanished_statement_is_retired_and_a_new_one_gets_a_new_id(article, stored):
    again = _store(article, _statement(QUOTE, "Dmitry Peskov"), _statement("Ukraine", "Ukraine"))

    gone = stored[REPORTED].pk
    assert not Statement.objects.filter(pk=gone).exists()
    retired = RetiredStatement.objects.get(pk=gone)
    assert (retired.article_id, retired.content, retired.speaker) == (
        article.pk,
        REPORTED,
        "Sergei Lavrov",
    )
    assert again["Ukraine"].pk > max(s.pk for s in stored.values())


def test_an_old_link_to_a_retired_statement_answers_410_with_the_article(client, article, stored):
    _store(article, _statement(QUOTE, "Dmitry Peskov"))
    gone = stored[REPORTED].pk

    response = client.get(reverse("entities:statement_detail", args=[gone]))

    assert response.status_code == 410
    text = response.content.decode()
    assert "This statement no longer exists" in text
    assert "reprocessed on" in text
    assert f'href="{article.get_absolute_url()}"' in text
    assert "nobody in Moscow would attend them" in text  # what it said, for the reader
    assert '<header class="site">' in text  # the site's own layout


def test_the_410_page_offers_the_statement_now_at_that_place(client, article, stored):
    now = "nobody in Moscow would attend them"  # less than half of it, another speaker
    again = _store(article, _statement(QUOTE, "Dmitry Peskov"), _statement(now, "Ukraine"))
    assert again[now].pk != stored[REPORTED].pk

    response = client.get(reverse("entities:statement_detail", args=[stored[REPORTED].pk]))

    assert response.status_code == 410
    assert "At that place in the article now" in response.content.decode()
    assert f'href="{again[now].get_article_url()}"' in response.content.decode()


def test_the_api_answers_410_for_a_retired_statement(client, article, stored):
    _store(article, _statement(QUOTE, "Dmitry Peskov"))
    gone = stored[REPORTED].pk

    response = client.get(f"/api/v1/statements/{gone}/")

    assert response.status_code == 410
    error = response.json()["error"]
    assert (error["status"], error["code"], error["fields"]) == (410, "gone", {})
    assert f"http://testserver/articles/{article.pk}/" in error["message"]
    assert "reprocessed" in error["message"]


def test_an_unknown_statement_is_still_a_404(client, db):
    assert client.get(reverse("entities:statement_detail", args=[987654])).status_code == 404
    assert client.get("/api/v1/statements/987654/").status_code == 404


def test_a_reviewed_statement_is_kept_as_it_was_when_extraction_no_longer_finds_it(
    article, stored, editor
):
    services.statement_mark_reviewed(statement=stored[REPORTED], user=editor)

    _store(article, _statement(QUOTE, "Dmitry Peskov"))

    kept = Statement.objects.get(pk=stored[REPORTED].pk)
    assert (kept.content, kept.speaker.name, kept.reviewed_by) == (
        REPORTED,
        "Sergei Lavrov",
        editor,
    )
    assert not RetiredStatement.objects.filter(pk=kept.pk).exists()


def test_a_reviewed_statement_found_again_is_left_as_the_editor_confirmed_it(
    article, stored, editor
):
    services.statement_mark_reviewed(statement=stored[QUOTE], user=editor)

    again = _store(article, _statement(QUOTE, None, confidence=0.3))

    kept = Statement.objects.get(pk=stored[QUOTE].pk)
    assert (kept.speaker.name, kept.confidence) == ("Dmitry Peskov", 0.9)
    assert [t.actor.name for t in kept.targets.all()] == ["Ukraine"]
    assert list(again) == [QUOTE]  # found again: not added a second time


def test_a_review_is_applied_again_to_a_statement_made_anew(article, stored, editor):
    services.statement_mark_reviewed(statement=stored[QUOTE], user=editor)
    Statement.objects.filter(pk=stored[QUOTE].pk).delete()  # e.g. deleted in the admin

    again = _store(article, _statement(QUOTE, "Dmitry Peskov"))

    assert again[QUOTE].pk != stored[QUOTE].pk
    assert again[QUOTE].reviewed_at is not None
    assert again[QUOTE].reviewed_by == editor


def test_corrections_are_applied_again_to_a_statement_found_again(article, stored, editor):
    lavrov = Actor.objects.get(name="Sergei Lavrov")
    services.statement_speaker_set(statement=stored[QUOTE], speaker=lavrov, user=editor)

    again = _store(
        article,
        _statement(QUOTE[QUOTE.index("Geneva") :], "Dmitry Peskov"),  # starts 5 words later
        _statement(REPORTED, "Sergei Lavrov"),
    )

    statement = again[QUOTE[QUOTE.index("Geneva") :]]
    assert statement.pk == stored[QUOTE].pk
    assert statement.speaker == lavrov
    assert Correction.objects.filter(kind=Correction.Kind.SPEAKER).count() == 1


def test_an_id_is_never_used_again(article, stored):
    highest = max(s.pk for s in stored.values())
    _store(article)  # everything retired, the highest id among them
    assert RetiredStatement.objects.filter(pk=highest).exists()

    again = _store(article, _statement(QUOTE, "Dmitry Peskov"), _statement(REPORTED, None))

    assert min(s.pk for s in again.values()) > highest
    fresh = StatementFactory(article=ArticleFactory())
    Statement.objects.filter(pk=fresh.pk).delete()
    assert StatementFactory(article=ArticleFactory()).pk > fresh.pk, connection.vendor


def _placed(start: int, end: int, speaker: int | None = 1, *, title: bool = False, text=""):
    return Placed(title, start, end, speaker, text)


def test_matching_prefers_the_same_speaker_when_the_words_are_the_same():
    old = [_placed(10, 50, speaker=1), _placed(10, 50, speaker=2)]
    new = [_placed(10, 50, speaker=2), _placed(10, 50, speaker=1)]

    assert statements_match(old=old, new=new) == {0: 1, 1: 0}


def test_matching_keeps_headline_and_body_apart():
    assert statements_match(old=[_placed(0, 30, title=True)], new=[_placed(0, 30)]) == {}


def test_matching_needs_most_of_the_words_when_the_speaker_differs():
    old = [_placed(0, 100, speaker=1)]
    assert statements_match(old=old, new=[_placed(60, 100, speaker=2)]) == {}
    assert statements_match(old=old, new=[_placed(0, 70, speaker=2)]) == {0: 0}
    # the same speaker: the part it still says keeps the id
    assert statements_match(old=old, new=[_placed(60, 100, speaker=1)]) == {0: 0}


def test_a_split_statement_keeps_its_id_on_the_larger_part():
    old = [_placed(0, 100)]

    assert statements_match(old=old, new=[_placed(0, 30), _placed(32, 100)]) == {1: 0}


def test_unresolved_speakers_agree_by_how_they_are_written():
    old = [_placed(0, 100, speaker=None, text="Cyber security experts")]
    new = [_placed(55, 100, speaker=None, text="cyber  security experts")]

    assert statements_match(old=old, new=new) == {0: 0}
