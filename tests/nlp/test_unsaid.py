"""Speech that was not made never becomes a statement of that speaker: negated or refused
speech acts, questions put to someone, and someone else's claim about them."""

import pytest

from entities.nlp import extract

pytestmark = pytest.mark.slow


def statements(text, nlp):
    return extract(text, nlp).statements


def by(found, speaker):
    return [s for s in found if s.speaker == speaker]


# -- a negated speech act ---------------------------------------------------------------------


def test_a_negated_accusation_is_no_statement_and_a_denial_is_one(nlp):
    # deny is a speech verb of its own, not a negation
    text = (
        "Headline\n\nThe United States has not publicly accused Russia of hacking the "
        "Democratic National Committee. Putin denied that Russia had interfered in the election."
    )

    found = statements(text, nlp)

    assert [(s.speaker, s.cue_class, s.content) for s in found] == [
        ("Putin", "deny", "Russia had interfered in the election")
    ]


def test_did_not_mention_and_never_said_are_no_statements(nlp):
    text = (
        "Headline\n\nDonald Trump did not mention his opponents. "
        "He never said that the tax plan would fail."
    )

    assert statements(text, nlp) == ()


def test_did_not_confirm_or_deny_is_no_statement(nlp):
    text = "Headline\n\nSenator Ted Cruz did not confirm or deny that he had met the ambassador."

    assert statements(text, nlp) == ()


def test_a_negated_verb_that_introduces_a_quote_gives_the_quote_to_nobody(nlp):
    text = (
        "Headline\n\nDonald Trump spoke in Ohio. "
        'He never said: "We will build the wall and Mexico will pay for it."'
    )

    assert statements(text, nlp) == ()


def test_a_negated_verb_before_another_speakers_quote_leaves_the_quote_alone(nlp):
    text = (
        'Headline\n\n"We have had problems with cyber intrusions from Russia in the past," '
        "Obama said after the meeting. He didn't suggest retaliation. "
        '"Our goal is not to duplicate a cycle of escalation that we saw in other arms races."'
    )

    found = statements(text, nlp)

    assert "Our goal is not to duplicate" in " ".join(s.content for s in by(found, "Obama"))


def test_a_negated_belief_is_still_a_belief(nlp):
    # "does not believe that X" is the view that X is not so: neg-raising, kept
    text = "Headline\n\nDonald Trump does not believe that Russia hacked the Democrats."

    found = statements(text, nlp)

    assert [(s.speaker, s.content) for s in found] == [
        ("Donald Trump", "Russia hacked the Democrats")
    ]


# -- refusing to speak ------------------------------------------------------------------------


def test_refused_to_say_is_no_statement(nlp):
    text = (
        "Headline\n\nBenjamin Netanyahu spoke in Washington. "
        "He refused to say Jerusalem should be divided."
    )

    assert statements(text, nlp) == ()


def test_declined_to_comment_on_whether_is_no_statement(nlp):
    text = (
        "Headline\n\nBenjamin Netanyahu spoke in Washington. "
        "He declined to comment on whether the talks would resume."
    )

    assert statements(text, nlp) == ()


def test_refusing_to_take_a_stand_stays_a_denial(nlp):
    text = "Headline\n\nSenator Ted Cruz refused to endorse Donald Trump at the convention."

    found = statements(text, nlp)

    assert [(s.speaker, s.cue_lemma, s.cue_class) for s in found] == [
        ("Ted Cruz", "refuse", "deny")
    ]


# -- a question put to someone ----------------------------------------------------------------


def test_what_she_was_asked_is_not_her_statement_but_her_answer_is(nlp):
    text = (
        "Headline\n\nHillary Clinton spoke in Iowa. Asked if she believed Putin wanted Trump "
        "to win, Clinton said the Russian leader clearly preferred her opponent. "
        "When asked about the emails, she said she had made a mistake."
    )

    found = statements(text, nlp)

    assert [(s.speaker, s.content) for s in found] == [
        ("Hillary Clinton", "the Russian leader clearly preferred her opponent"),
        ("Hillary Clinton", "she had made a mistake"),
    ]


def test_a_question_put_to_someone_is_not_their_statement(nlp):
    text = (
        "Headline\n\nHillary Clinton spoke in Iowa. Clinton was asked whether she would "
        'release the transcripts of her speeches. "Will you apologize?" Clinton was asked.'
    )

    found = statements(text, nlp)

    assert by(found, "Hillary Clinton") == []


# -- someone else's claim about a speaker -----------------------------------------------------


def test_criticism_that_trump_was_urging_is_not_trumps_statement(nlp):
    text = (
        "Headline\n\nDonald Trump spoke in Ohio on Monday. There has been criticism that "
        "Trump was urging supporters to monitor polling places."
    )

    found = statements(text, nlp)

    assert by(found, "Donald Trump") == []
    # a claim with no maker named: the claim stands, its speaker unresolved
    assert [(s.speaker, s.cue, s.content) for s in found] == [
        (None, "criticism", "Trump was urging supporters to monitor polling places")
    ]


def test_accusations_from_someone_are_theirs_not_the_accused(nlp):
    text = (
        "Headline\n\nThere were accusations from Democrats that Trump had urged Russia to "
        "hack the emails."
    )

    found = statements(text, nlp)

    assert [(s.speaker_text, s.cue, s.content) for s in found] == [
        ("Democrats", "accusations", "Trump had urged Russia to hack the emails")
    ]
