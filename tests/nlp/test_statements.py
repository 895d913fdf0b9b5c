"""Quote marks, and direct, mixed and reported statements found with the real spaCy model."""

import pytest

from entities.nlp import extract
from entities.nlp.quotes import find_quotes


def quoted(text):
    return [text[q.start : q.end] for q in find_quotes(text)]


def only_statement(result):
    assert len(result.statements) == 1, [s.content for s in result.statements]
    return result.statements[0]


# -- find_quotes ----------------------------------------------------------------------------


def test_curly_double_quotes():
    assert quoted("He said “we will win the war” and left.") == ["we will win the war"]


def test_straight_double_quotes():
    assert quoted('He said "we will win the war" and left.') == ["we will win the war"]


def test_guillemets():
    assert quoted("He said «we will win the war» and left.") == ["we will win the war"]


def test_curly_single_quotes_with_an_apostrophe_inside_a_word_before_them():
    assert quoted("Korea’s leader said ‘we will see’ today.") == ["we will see"]


def test_apostrophe_inside_a_quote_does_not_close_it():
    assert quoted("He said ‘we don’t know yet’ today.") == ["we don’t know yet"]


def test_quote_running_over_paragraphs_reopened_by_the_same_mark():
    text = "“The first paragraph goes on.\n\n“And the second one ends here,” she said."

    assert quoted(text) == ["The first paragraph goes on.\n\n“And the second one ends here,"]


def test_straight_quote_running_over_paragraphs_reopened_by_the_same_mark():
    text = '"The first paragraph goes on.\n\n"And the second one ends here," she said.'

    assert quoted(text) == ['The first paragraph goes on.\n\n"And the second one ends here,']


def test_unclosed_quote_ends_at_the_paragraph_break():
    text = "He said “this never closes.\n\nThe next paragraph is plain narration."

    assert quoted(text) == ["this never closes."]


def test_unclosed_quote_at_the_end_of_the_text_runs_to_the_end():
    assert quoted("He said “this never closes and goes on") == ["this never closes and goes on"]


def test_lone_closing_mark_opens_nothing():
    assert quoted("He said this ” and went home.") == []


def test_two_quotes_in_one_sentence_are_two_spans():
    text = "The “so-called” deal, he said, “is dead now.”"

    assert quoted(text) == ["so-called", "is dead now."]


# -- direct quotes --------------------------------------------------------------------------

LAVROV = "Sergei Lavrov arrived in Beijing on Monday. "
QUOTE = "We will not accept any threats to our sovereignty"


@pytest.mark.slow
def test_direct_quote_with_the_speaker_after_it(nlp):
    result = extract(f"“{QUOTE},” Sergei Lavrov said.", nlp)

    s = only_statement(result)
    assert s.kind == "direct"
    assert s.content == f"{QUOTE},"
    assert s.speaker == "Sergei Lavrov"
    assert s.cue == "said"


@pytest.mark.slow
def test_direct_quote_with_the_speaker_before_it(nlp):
    result = extract(f"Sergei Lavrov said: “{QUOTE}.”", nlp)

    s = only_statement(result)
    assert s.kind == "direct"
    assert s.content == f"{QUOTE}."
    assert s.speaker == "Sergei Lavrov"


@pytest.mark.slow
def test_content_offsets_point_at_the_quote_in_the_body(nlp):
    result = extract(f"Sergei Lavrov said: “{QUOTE}.”", nlp)

    s = only_statement(result)
    assert result.body[s.content_start : s.content_end] == s.content
    assert result.body[s.speaker_start : s.speaker_end] == "Sergei Lavrov"
    assert result.body[s.cue_start : s.cue_end] == "said"


@pytest.mark.slow
def test_pronoun_speaker_after_the_quote_is_the_previous_person(nlp):
    text = f"Olaf Scholz met Sergei Lavrov in Beijing on Monday. “{QUOTE},” he said."

    s = only_statement(extract(text, nlp))

    assert s.speaker == "Sergei Lavrov"
    assert s.speaker_text == "he"


@pytest.mark.slow
def test_pronoun_speaker_before_the_quote_is_the_previous_person(nlp):
    s = only_statement(extract(f"{LAVROV}He said: “{QUOTE}.”", nlp))

    assert s.speaker == "Sergei Lavrov"
    assert s.speaker_text == "He"


@pytest.mark.slow
def test_nominal_speaker_is_resolved_to_the_person_named_before(nlp):
    s = only_statement(extract(f"{LAVROV}“{QUOTE},” the official said.", nlp))

    assert s.speaker == "Sergei Lavrov"
    assert s.speaker_text == "the official"


@pytest.mark.slow
def test_the_minister_after_a_quote_is_resolved_to_the_minister_named_before(nlp):
    # The small model tags the lower-case "minister" PROPN here, not NOUN.
    text = f"Foreign Minister {LAVROV}“{QUOTE},” the minister said."

    s = only_statement(extract(text, nlp))

    assert s.speaker == "Sergei Lavrov"
    assert s.speaker_text == "the minister"


# -- reported and mixed speech --------------------------------------------------------------


@pytest.mark.slow
def test_reported_speech_is_an_indirect_statement_without_that(nlp):
    result = extract("Sergei Lavrov said that the sanctions against Russia had failed.", nlp)

    s = only_statement(result)
    assert s.kind == "indirect"
    assert s.content == "the sanctions against Russia had failed"
    assert s.speaker == "Sergei Lavrov"


@pytest.mark.slow
def test_reported_speech_cue_lemma_and_class(nlp):
    result = extract("Sergei Lavrov said that the sanctions against Russia had failed.", nlp)

    s = only_statement(result)
    assert (s.cue, s.cue_lemma, s.cue_class) == ("said", "say", "say")


@pytest.mark.slow
def test_warning_verb_gives_the_warn_cue_class(nlp):
    text = "Antony Blinken warned that China would face consequences if it armed Russia."

    s = only_statement(extract(text, nlp))

    assert (s.cue_lemma, s.cue_class) == ("warn", "warn")


@pytest.mark.slow
def test_reported_clause_with_a_short_quoted_fragment_is_mixed(nlp):
    text = (
        "Sergei Lavrov said the sanctions had “completely failed to change anything” "
        "and would be lifted soon by the European Union."
    )

    s = only_statement(extract(text, nlp))

    assert s.kind == "mixed"
    assert s.content.startswith("the sanctions had “completely failed")
    assert s.content.endswith("lifted soon by the European Union")
    assert s.speaker == "Sergei Lavrov"


@pytest.mark.slow
def test_mixed_statement_ending_in_a_quoted_fragment_keeps_its_closing_mark(nlp):
    # The parser attaches the closing mark to "said", outside the reported clause.
    text = "A senior official said Putin was expected to visit North Korea “in the coming days”."

    s = only_statement(extract(text, nlp))

    assert s.kind == "mixed"
    assert s.content.endswith("“in the coming days”")


@pytest.mark.slow
def test_according_to_gives_the_speaker(nlp):
    s = only_statement(extract("The talks have stalled, according to Emmanuel Macron.", nlp))

    assert s.speaker == "Emmanuel Macron"
    assert s.content == "The talks have stalled"
    assert (s.cue, s.cue_class) == ("according to", "report")


# -- targets --------------------------------------------------------------------------------


@pytest.mark.slow
def test_targets_are_the_actors_named_in_the_content(nlp):
    text = "Angela Merkel said that Emmanuel Macron and Olaf Scholz had agreed on the budget."

    s = only_statement(extract(text, nlp))

    assert {t.actor for t in s.targets} == {"Emmanuel Macron", "Olaf Scholz"}


@pytest.mark.slow
def test_target_offsets_point_at_the_mention_in_the_body(nlp):
    text = "Angela Merkel said that Emmanuel Macron and Olaf Scholz had agreed on the budget."

    result = extract(text, nlp)

    s = only_statement(result)
    assert {result.body[t.start : t.end] for t in s.targets} == {"Emmanuel Macron", "Olaf Scholz"}


@pytest.mark.slow
def test_speaker_named_in_its_own_content_is_a_neutral_target(nlp):
    # the speaker speaks of itself explicitly, by name, as one acted on
    text = "Emmanuel Macron said that Germany would back Macron in the vote."

    s = only_statement(extract(text, nlp))

    assert s.speaker == "Emmanuel Macron"
    assert {(t.actor, t.stance) for t in s.targets} == {
        ("Germany", "neutral"),
        ("Emmanuel Macron", "neutral"),
    }


@pytest.mark.slow
def test_country_speaker_naming_itself_as_a_participant_is_a_target(nlp):
    s = only_statement(extract("France said that France would veto the resolution.", nlp))

    assert s.speaker == "France"
    assert [(t.actor, t.stance) for t in s.targets] == [("France", "neutral")]


@pytest.mark.slow
def test_speaker_named_only_as_an_owner_or_a_describing_word_is_no_target(nlp):
    text = (
        "Indonesia said Indonesian Defence Minister Prabowo Subianto discussed investments "
        "in Indonesia's food estate projects."
    )

    s = only_statement(extract(text, nlp))

    assert s.speaker == "Indonesia"
    assert {t.actor for t in s.targets} == {"Prabowo Subianto"}


@pytest.mark.slow
def test_object_of_warn_is_a_target(nlp):
    s = only_statement(extract("Antony Blinken warned China that it would pay a price.", nlp))

    assert s.content == "it would pay a price"
    assert {t.actor for t in s.targets} == {"China"}
