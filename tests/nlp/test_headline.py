"""Statements made in the headline (entities/nlp/headline.py): read with the story, reported
with offsets into the title, and nothing of the headline counted as the body's."""

import pytest

from entities.nlp import extract
from entities.nlp.headline import joined, split
from entities.nlp.types import Actor, Mention, Statement, Target

TITLE = "Lavrov says Ukraine attacked Putin's residence"
BODY = (
    "Russian Foreign Minister Sergei Lavrov told reporters in Moscow that Ukraine had "
    "launched 91 drones at the residence."
)


def statement(start: int, end: int, speaker: str = "Lavrov", **spans) -> Statement:
    return Statement(
        kind="indirect",
        content="x" * (end - start),
        content_start=start,
        content_end=end,
        cue="said",
        cue_lemma="say",
        cue_start=spans.get("cue_start", start),
        cue_end=spans.get("cue_end", start),
        cue_class="say",
        speaker=speaker,
        speaker_text=speaker,
        speaker_start=spans.get("speaker_start", start),
        speaker_end=spans.get("speaker_end", start),
        confidence=0.7,
        targets=(Target("Ukraine", end - 2, end),),
    )


def test_the_title_opens_the_parsed_text_as_its_own_paragraph():
    assert joined(TITLE, BODY) == TITLE + "\n\n" + BODY
    assert joined("", BODY) == BODY


def test_a_title_the_body_repeats_is_not_read_twice():
    first_line = "Olaf Scholz said that Microsoft had ignored European rules for years."

    assert joined(first_line, first_line + "\n\nMore text.") == first_line + "\n\nMore text."
    assert joined("Olaf Scholz said that...", "Olaf Scholz said that it was so.") == (
        "Olaf Scholz said that it was so."
    )


def test_statements_are_split_into_the_title_and_the_body_with_their_own_offsets():
    shift = len(TITLE) + 2
    in_title = statement(12, 46, speaker_start=0, speaker_end=6, cue_start=7, cue_end=11)
    in_body = statement(shift + 70, shift + 100)
    across = statement(12, shift + 5)  # a statement cannot run from the title into the body

    _, _, found = split(TITLE, BODY, (), [], [in_title, in_body, across])

    assert [(s.in_title, s.content_start, s.content_end) for s in found] == [
        (True, 12, 46),
        (False, 70, 100),
    ]
    assert found[1].targets[0].start == 98


def test_mentions_in_the_title_are_dropped_and_an_actor_named_only_there_goes_too():
    shift = len(TITLE) + 2
    actors = (Actor("Sergei Lavrov", "person"), Actor("Drones Targeting", "organization"))
    mentions = [
        Mention("Drones Targeting", 12, 28, "Drones Targeting", "ORG"),
        Mention("Sergei Lavrov", 0, 6, "Lavrov", "PERSON"),
        Mention("Sergei Lavrov", shift + 25, shift + 38, "Sergei Lavrov", "PERSON"),
    ]

    kept_actors, kept_mentions, _ = split(TITLE, BODY, actors, mentions, [])

    assert [a.name for a in kept_actors] == ["Sergei Lavrov"]
    assert [(m.start, m.end) for m in kept_mentions] == [(25, 38)]


@pytest.mark.slow
def test_a_headline_statement_is_found_with_the_speaker_the_story_names(nlp):
    result = extract(TITLE + "\n\n" + BODY, nlp)

    headline = [s for s in result.statements if s.in_title]
    assert len(headline) == 1
    said = headline[0]
    assert said.speaker == "Sergei Lavrov"
    assert result.title[said.content_start : said.content_end] == said.content
    assert "Ukraine attacked" in said.content
    for s in result.statements:
        if not s.in_title:
            assert result.body[s.content_start : s.content_end] == s.content
    for m in result.mentions:
        assert result.body[m.start : m.end] == m.text


@pytest.mark.slow
def test_a_headline_signed_with_a_dash_is_the_named_speakers_statement(nlp):
    result = extract(
        "Hungarian ambassador to be summoned over Orban's remarks – Nikolenko\n\n"
        "The Hungarian ambassador will be summoned for a frank conversation, spokesman Oleh "
        "Nikolenko has said.",
        nlp,
    )

    (headline,) = [s for s in result.statements if s.in_title]
    assert headline.speaker == "Oleh Nikolenko"
    assert headline.kind == "indirect"
    assert headline.content == "Hungarian ambassador to be summoned over Orban's remarks"


@pytest.mark.slow
def test_a_dash_before_a_word_that_names_no_one_signs_nothing(nlp):
    result = extract("Markets fall again – Analysis\n\nStocks fell on Monday, traders said.", nlp)

    assert not [s for s in result.statements if s.in_title]
