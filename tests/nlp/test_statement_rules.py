"""Rules of entities.nlp.statements by topic (quote marks, speakers, what the content holds),
each on a short news text with the real model."""

import pytest

from entities.nlp import extract
from entities.nlp.quotes import find_quotes


def quoted(text):
    return [text[q.start : q.end] for q in find_quotes(text)]


def statements(text, nlp):
    return extract(text, nlp, take_title=False).statements


def only_statement(text, nlp):
    found = statements(text, nlp)
    assert len(found) == 1, [s.content for s in found]
    return found[0]


# -- '' and `` as double quote marks --------------------------------------------------------


def test_two_apostrophes_are_a_double_quote_mark():
    text = "He called it ''a disgrace to the nation'' on Monday."

    assert quoted(text) == ["a disgrace to the nation"]


def test_backticks_open_a_double_quote_closed_by_two_apostrophes():
    text = "He called it ``a disgrace to the nation'' on Monday."

    assert quoted(text) == ["a disgrace to the nation"]


@pytest.mark.slow
def test_quote_in_two_apostrophes_with_said_is_a_direct_statement(nlp):
    text = (
        "The Senate passed the bill on Friday. ''We don't know yet what the House will do,'' "
        "Senator Elizabeth Warren said."
    )

    s = only_statement(text, nlp)

    assert s.kind == "direct"
    assert s.content == "We don't know yet what the House will do,"
    assert s.speaker == "Elizabeth Warren"


@pytest.mark.slow
def test_quote_in_backticks_with_said_is_a_direct_statement(nlp):
    text = (
        "The Senate passed the bill on Friday. ``We don't know yet what the House will do,'' "
        "Senator Elizabeth Warren said."
    )

    s = only_statement(text, nlp)

    assert s.kind == "direct"
    assert s.content == "We don't know yet what the House will do,"
    assert s.speaker == "Elizabeth Warren"


# -- a quote split by its attribution -------------------------------------------------------

SPLIT_A = "We have to take care of our veterans,"
SPLIT_B = "They deserve better than this."


@pytest.mark.slow
def test_quote_split_by_its_attribution_in_one_paragraph_is_one_statement(nlp):
    s = only_statement(f"“{SPLIT_A}” Clinton said. “{SPLIT_B}”", nlp)

    assert s.kind == "direct"
    assert s.content.startswith(SPLIT_A)
    assert s.content.endswith(SPLIT_B)
    assert s.speaker == "Clinton"


@pytest.mark.slow
def test_a_quote_split_by_its_attribution_keeps_its_parts_as_fragments(nlp):
    text = f"“{SPLIT_A}” said Hillary Clinton, the candidate. “{SPLIT_B}”"
    s = only_statement(text, nlp)

    assert [text[a:b] for a, b in s.fragments] == [SPLIT_A, SPLIT_B]
    assert s.targets == ()  # the name in the attribution is the speaker, not a target


@pytest.mark.slow
def test_quotes_with_more_than_their_attribution_between_are_not_merged(nlp):
    text = (
        f"“{SPLIT_A}” she said, but as Clinton went on about “the rigged system of this "
        "country,” the crowd left."
    )
    found = statements(text, nlp)

    assert SPLIT_A in [s.content for s in found]
    assert all("went on about" not in s.content for s in found)


@pytest.mark.slow
def test_the_same_quotes_in_two_paragraphs_are_two_statements(nlp):
    found = statements(f"“{SPLIT_A}” Clinton said.\n\n“{SPLIT_B}”", nlp)

    assert [s.content for s in found] == [SPLIT_A, SPLIT_B]


# -- a quote signed with a dash -------------------------------------------------------------

VOX_POP = (
    "Residents of Tulsa spoke after the vote.\n\n“The rent went up again and nobody asked us.”"
)


@pytest.mark.slow
def test_quote_signed_with_a_dash_gets_the_named_speaker(nlp):
    s = only_statement(f"{VOX_POP} ― Martha Aguilar", nlp)

    assert s.kind == "direct"
    assert s.content == "The rent went up again and nobody asked us."
    assert s.speaker == "Martha Aguilar"


@pytest.mark.slow
def test_quote_signed_with_a_name_the_model_does_not_tag_keeps_the_name_as_written(nlp):
    result = extract(f"{VOX_POP} ― Hope Walker", nlp, take_title=False)

    assert result.actors == (), "the model now tags the name: pick one it misses"
    assert len(result.statements) == 1
    s = result.statements[0]
    assert s.content == "The rent went up again and nobody asked us."
    assert s.speaker is None
    assert s.speaker_text == "Hope Walker"


# -- short quotes and quoted titles ---------------------------------------------------------


@pytest.mark.slow
def test_short_quote_right_beside_a_speech_verb_is_a_statement(nlp):
    text = "Melania Trump walked over to the card table. “You winning?” she asked."

    s = only_statement(text, nlp)

    assert s.kind == "direct"
    assert s.content == "You winning?"
    assert s.speaker == "Melania Trump"


@pytest.mark.slow
def test_short_scare_quote_far_from_the_speech_verb_is_no_statement(nlp):
    text = (
        "Donald Trump told supporters at a rally in Ohio on Friday "
        "about the so-called “deep state” plan."
    )

    assert statements(text, nlp) == ()


@pytest.mark.slow
def test_short_scare_quote_a_few_words_after_a_speech_verb_is_no_statement(nlp):
    # the verb is not beside the quote: "the so-called" stands between them
    text = "Donald Trump described the so-called “deep state” plan at length during a rally."

    assert statements(text, nlp) == ()


@pytest.mark.slow
def test_short_quoted_title_right_after_a_speech_verb_is_no_statement(nlp):
    assert statements("Ted Cruz told “Morning Joe” on Tuesday.", nlp) == ()


@pytest.mark.slow
def test_long_quoted_title_right_after_a_speech_verb_is_no_statement(nlp):
    text = "Ted Cruz told “The Steve Harvey Morning Show” on Tuesday."

    assert statements(text, nlp) == ()


@pytest.mark.slow
def test_quoted_title_after_the_cue_of_a_quote_is_not_part_of_that_quote(nlp):
    text = "“We will win this election in November,” Hillary Clinton told “Morning Joe” on Tuesday."

    s = only_statement(text, nlp)

    assert s.content == "We will win this election in November,"


# -- the object of a stance verb as content -------------------------------------------------


@pytest.mark.slow
def test_object_of_deny_is_an_indirect_statement_of_the_subject(nlp):
    s = only_statement("Russia denied the allegations.", nlp)

    assert s.kind == "indirect"
    assert (s.cue_lemma, s.cue_class) == ("deny", "deny")
    assert s.speaker == "Russia"
    assert s.content == "the allegations"


@pytest.mark.slow
def test_object_content_of_a_subject_that_is_no_actor_keeps_the_subject_as_written(nlp):
    s = only_statement("A government spokesman denied the allegations on Tuesday.", nlp)

    assert (s.content, s.speaker, s.speaker_text) == (
        "the allegations",
        None,
        "A government spokesman",
    )
    assert s.confidence < 0.5  # no actor to credit


# -- according to ---------------------------------------------------------------------------


@pytest.mark.slow
def test_according_to_in_mid_sentence_takes_the_clause_before_it(nlp):
    text = "The economy would grow 3 percent, according to the IMF, more than expected."

    s = only_statement(text, nlp)

    assert s.content == "The economy would grow 3 percent"
    assert s.speaker == "International Monetary Fund"


@pytest.mark.slow
def test_according_to_at_the_start_takes_the_clause_after_it(nlp):
    s = only_statement("According to the IMF, the economy would grow.", nlp)

    assert s.content == "the economy would grow"
    assert s.speaker == "International Monetary Fund"


# -- a parenthetical cue --------------------------------------------------------------------

PARENTHETICAL = "Acts of protest, Mr. Obama said, are acts of patriotism."


@pytest.mark.slow
def test_parenthetical_cue_makes_the_sentence_around_it_the_content(nlp):
    s = only_statement(PARENTHETICAL, nlp)

    assert s.kind == "indirect"
    assert s.cue == "said"
    assert s.content.startswith("Acts of protest")
    assert s.content.endswith("are acts of patriotism")


@pytest.mark.slow
def test_parenthetical_cue_credits_the_person_named_inside_it(nlp):
    text = f"President Barack Obama opened the museum on Saturday. {PARENTHETICAL}"

    s = only_statement(text, nlp)

    assert s.speaker == "Barack Obama"
    assert s.speaker_text == "Obama"


# -- speakers -------------------------------------------------------------------------------


@pytest.mark.slow
def test_relative_pronoun_subject_credits_the_noun_it_refers_to(nlp):
    text = "Chris Murphy, who said the trip was a success, flew back to Washington on Sunday."

    s = only_statement(text, nlp)

    assert s.content == "the trip was a success"
    assert s.speaker == "Chris Murphy"
    assert s.speaker_text == "who"  # the mention it hangs on, as with pronouns


@pytest.mark.slow
def test_pronoun_after_a_quote_is_the_person_named_before_the_quote_not_inside_it(nlp):
    text = "Donald Trump spoke on Monday. “Hillary Clinton will never win,” he said."

    s = only_statement(text, nlp)

    assert s.speaker == "Donald Trump"
    assert s.speaker_text == "he"


@pytest.mark.slow
def test_day_after_said_is_not_the_speaker(nlp):
    s = only_statement("“We will respond,” Police Chief Chuck Jordan said Monday.", nlp)

    assert s.speaker == "Chuck Jordan"
    assert s.speaker_text == "Chuck Jordan"


@pytest.mark.slow
def test_day_after_said_is_not_the_speaker_when_the_parser_hangs_said_on_the_quote(nlp):
    # the parser makes "said" a conjunct of the quote's verb and reads "Tulsa" as a verb
    text = (
        "The Justice Department is investigating the shooting.\n"
        "“I will just make this promise to you: We will achieve justice in this case,” "
        "Tulsa police Chief Chuck Jordan said Monday."
    )

    s = only_statement(text, nlp)

    assert s.speaker == "Chuck Jordan"
    assert s.speaker_text == "Chuck Jordan"


@pytest.mark.slow
def test_speaker_with_a_city_before_the_title_is_credited(nlp):
    # the parser reads "Tulsa" as a verb whose object is the speaker
    s = only_statement("“We will respond,” Tulsa police Chief Chuck Jordan said Monday.", nlp)

    assert s.speaker == "Chuck Jordan"
    assert s.content == "We will respond,"


@pytest.mark.slow
def test_time_stamp_the_parser_takes_for_a_subject_is_not_the_speaker(nlp):
    # a live blog entry: the parser gives "says" two subjects, "p.m." first
    text = "12:15 p.m.\n\nDonald Trump says political correctness has gone too far in the military."

    s = only_statement(text, nlp)

    assert s.speaker == "Donald Trump"
    assert s.speaker_text == "Donald Trump"


def test_a_quote_opening_a_paragraph_is_not_hosted_by_a_verb_of_the_paragraph_before(nlp):
    text = (
        "Vice President Mike Pence visited the city on Monday and said\n\n"
        "“It is heartbreaking to see so many families suffer,” Paul Ryan said."
    )

    result = extract(text, nlp, take_title=False)

    quote = next(s for s in result.statements if s.kind == "direct")
    assert quote.content.startswith("It is heartbreaking")
    assert quote.speaker == "Paul Ryan"


def test_transcript_turns_are_statements_of_the_named_speaker(nlp):
    text = (
        "Chris Wallace interviewed Governor Mike Pence on Sunday.\n\n"
        '"WALLACE: Will Gennifer Flowers be at the debate tomorrow night?\n\n'
        '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n\n'
        "Note: this transcript was edited for length."
    )

    result = extract(text, nlp, take_title=False)

    turns = {(s.speaker, s.content) for s in result.statements if s.kind == "direct"}
    assert turns == {
        ("Chris Wallace", "Will Gennifer Flowers be at the debate tomorrow night?"),
        ("Mike Pence", "Gennifer Flowers will not be attending the debate tomorrow night."),
    }


# -- content after a preposition, and what a speaker calls something ---------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The NAACP called for a moratorium on charter schools.",
            "a moratorium on charter schools",
        ),
        (
            "Graham called on fellow Republicans to withdraw their support.",
            "fellow Republicans to withdraw their support",
        ),
        (
            "Clinton called the remarks outrageous.",
            "the remarks outrageous",
        ),
        (
            "Bernie Sanders described the plan as a gift to the rich.",
            "the plan as a gift to the rich",
        ),
    ],
)
def test_reported_speech_after_a_preposition_or_as_a_description(nlp, text, content):
    s = only_statement(text, nlp)

    assert s.kind == "indirect"
    assert s.content == content


@pytest.mark.slow
def test_a_phone_call_is_not_a_statement(nlp):
    assert not statements("The minister took a call from Seoul on Friday.", nlp)


# -- what completes an object, and quotes that are part of a sentence --------------------------


@pytest.mark.slow
def test_the_object_content_takes_what_completes_it(nlp):
    s = only_statement("Donald Trump blasted the American media for being dishonest.", nlp)

    assert s.content == "the American media for being dishonest"


@pytest.mark.slow
def test_a_quote_that_is_part_of_the_sentence_makes_a_mixed_statement(nlp):
    text = (
        "With thousands of vote counting systems, “there is no single point of failure,” "
        "Elizabeth Warren said."
    )
    s = only_statement(text, nlp)

    assert s.kind == "mixed"
    assert s.content == (
        "With thousands of vote counting systems, “there is no single point of failure,”"
    )
    assert s.speaker == "Elizabeth Warren"


@pytest.mark.slow
def test_a_quote_introduced_by_a_colon_stays_direct(nlp):
    text = (
        "The union praised her in a statement: “Secretary Clinton has opened the door for "
        "women,” the union wrote."
    )
    quotes = [s for s in statements(text, nlp) if "opened the door" in s.content]

    assert [s.kind for s in quotes] == ["direct"]


@pytest.mark.slow
def test_a_parenthetical_attribution_is_left_out_of_the_content_parts(nlp):
    text = "Less clear, Kurt Campbell said, is what Russia has provided North Korea."
    s = only_statement(text, nlp)

    assert [text[a:b] for a, b in s.fragments] == [
        "Less clear",
        "is what Russia has provided North Korea",
    ]
    assert s.speaker == "Kurt Campbell"


@pytest.mark.slow
def test_of_two_clauses_the_one_after_the_verb_is_what_was_said(nlp):
    text = (
        "It is an extremely unlikely scenario; Hillary Clinton’s team says she’ll continue her "
        "march toward Election Day."
    )
    s = only_statement(text, nlp)

    assert s.content == "she’ll continue her march toward Election Day"


@pytest.mark.slow
def test_a_quoted_title_inside_a_sentence_is_not_a_quote(nlp):
    text = (
        "Patti LaBelle got a huge roar when, at the end of the anthem “A Change Is Gonna Come,” "
        "she added the words “Hillary Clinton.”"
    )
    found = statements(text, nlp)

    assert all(s.kind == "indirect" for s in found if "A Change Is Gonna Come" in s.content)


@pytest.mark.slow
def test_the_speaker_between_quote_and_verb_is_the_name_before_its_apposition(nlp):
    text = (
        "“There is a severe disconnect between this White House and the military,” Michael "
        "Flynn, a top Donald Trump surrogate, said on Thursday."
    )
    s = only_statement(text, nlp)

    assert s.speaker == "Michael Flynn"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Donald Trump attacked Mrs. Clinton on Monday. He said the election was rigged.",
         "Donald Trump"),
        ("Hillary Clinton debated Mr. Trump on Monday. She said the economy was growing.",
         "Hillary Clinton"),
    ],
)  # fmt: skip
def test_a_pronoun_passes_over_a_person_the_article_gives_the_other_gender(nlp, text, speaker):
    said = [s for s in statements(text, nlp) if s.cue == "said"]

    assert [s.speaker for s in said] == [speaker]


# -- quote marks mixed straight and curly; a verb with a clause of its own --------------------


def test_a_curly_quote_closed_by_a_straight_mark_ends_there():
    text = (
        '“Immunity deals should not be a requirement," Chaffetz said, adding that the '
        'agreements were handed out "like candy."'
    )

    assert quoted(text) == [
        "Immunity deals should not be a requirement,",
        "like candy.",
    ]


def test_a_straight_quote_inside_a_curly_one_does_not_close_it():
    text = '“He called it "fake news" on Monday,” she said.'

    assert quoted(text) == ['He called it "fake news" on Monday,']


def test_a_straight_quote_closes_after_a_nested_single_quote_and_a_space():
    text = "\"I've been insulted by the term 'outreach,' \" he told the group."

    assert quoted(text) == ["I've been insulted by the term 'outreach,'"]


@pytest.mark.slow
def test_a_verb_with_a_clause_of_its_own_does_not_take_the_quote_before_it(nlp):
    text = (
        'Cruz exhorted Republicans to "vote your conscience" and said he was standing on '
        "truth and principle."
    )

    found = statements(text, nlp)

    said = [s for s in found if s.cue == "said"]
    assert [s.content for s in said] == ["he was standing on truth and principle"]
    assert said[0].kind == "indirect"
    assert said[0].speaker == "Ted Cruz" or said[0].speaker_text == "Cruz"


@pytest.mark.slow
def test_a_quote_ending_a_sentence_is_not_said_by_the_next_sentence(nlp):
    text = (
        "Still, The New York Times reported at the time that the editor, Margarita Simonyan, "
        "conveyed to Ms. Martin that her statement was ''not in line with our editorial "
        "policy.'' The network said it would send Ms. Martin to Crimea."
    )

    found = statements(text, nlp)

    network = [s for s in found if s.speaker_text == "The network"]
    assert [s.content for s in network] == ["it would send Ms. Martin to Crimea"]
    policy = next(s for s in found if "editorial policy" in s.content)
    assert policy.speaker == "New York Times"


@pytest.mark.slow
def test_a_quote_ending_in_a_comma_keeps_the_verb_after_it(nlp):
    text = (
        "“You should resign and you should be criminally investigated,” Elizabeth Warren told "
        "John Stumpf, after he admitted he had not been held accountable."
    )

    quote = next(s for s in statements(text, nlp) if s.kind == "direct")

    assert quote.cue == "told"
    assert quote.speaker == "Elizabeth Warren"


@pytest.mark.slow
def test_a_clause_after_a_phrase_is_what_was_said(nlp):
    s = only_statement(
        "Donald Trump said after the convention he would not accept the endorsement.", nlp
    )

    assert s.content == "he would not accept the endorsement"
    assert s.speaker == "Donald Trump"


@pytest.mark.slow
def test_a_clause_with_a_conjunction_is_not_what_was_said(nlp):
    assert statements("Donald Trump spoke before he left the room.", nlp) == ()


@pytest.mark.slow
def test_telling_someone_to_do_something_is_reported_speech(nlp):
    text = (
        "Barack Obama told his advisers to figure out how to enact deep emissions cuts "
        "without Congress."
    )

    s = only_statement(text, nlp)

    assert s.cue_lemma == "tell"
    assert s.content == (
        "his advisers to figure out how to enact deep emissions cuts without Congress"
    )


@pytest.mark.slow
def test_telling_someone_alone_is_not_a_statement(nlp):
    assert statements("Barack Obama told reporters on Monday.", nlp) == ()


@pytest.mark.slow
def test_a_dash_taken_for_the_subject_is_not_the_speaker(nlp):
    text = (
        "His tax returns were made public ― Donald Trump boasted, “That makes me smart "
        "and I am proud of it.”"
    )

    quote = next(s for s in statements(text, nlp) if s.kind == "direct")

    assert quote.speaker_text != "―"


# -- object statements: no known speaker, what someone is accused of --------------------------


@pytest.mark.slow
def test_an_object_statement_stands_when_its_speaker_is_no_known_actor(nlp):
    s = only_statement(
        "Fellow Republicans are urging Trump to make the second debate a game-changer.", nlp
    )

    assert s.cue == "urging"
    assert s.speaker_text == "Fellow Republicans"
    assert s.content == "Trump to make the second debate a game-changer"


@pytest.mark.slow
def test_what_someone_is_accused_of_belongs_to_the_content(nlp):
    text = (
        "Terry Strada accused the Saudi government of attempting to intimidate the families "
        "of the victims."
    )

    s = only_statement(text, nlp)

    assert s.cue_class == "accuse"
    assert s.content == (
        "the Saudi government of attempting to intimidate the families of the victims"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "At the debate, Hillary Clinton mentioned the remarks Trump had made about Machado.",
            "mentioned",
            "the remarks Trump had made about Machado",
        ),
        (
            "Surety companies agreed to release millions in cash for the clean-up.",
            "agreed",
            "to release millions in cash for the clean-up",
        ),
        (
            "Senate aides acknowledged a collaborative relationship with the administration.",
            "acknowledged",
            "a collaborative relationship with the administration",
        ),
    ],
)
def test_verbs_whose_object_is_what_was_said(nlp, text, cue, content):
    s = only_statement(text, nlp)

    assert (s.cue, s.content) == (cue, content)


# -- 'called on', claims and warnings repeated, relative clauses on a claim -------------------


@pytest.mark.slow
def test_called_on_with_on_parsed_as_a_particle_takes_what_follows(nlp):
    text = (
        "Keith Scott's family has called on police to release the videos and called on "
        "people to protest peacefully."
    )

    contents = {s.content for s in statements(text, nlp)}

    assert "police to release the videos" in contents
    assert "people to protest peacefully" in contents


@pytest.mark.slow
def test_the_that_clause_of_a_claim_is_said_by_whoever_owns_the_claim(nlp):
    text = (
        "Politifact did a fact-check on Donald Trump's claim that there have been thousands "
        "of shootings in Chicago this year."
    )

    s = only_statement(text, nlp)

    assert (s.cue, s.cue_class) == ("claim", "claim")
    assert s.content == "there have been thousands of shootings in Chicago this year"
    assert s.speaker == "Donald Trump"


@pytest.mark.slow
def test_whoever_repeats_a_warning_says_it(nlp):
    text = (
        "Vladimir Putin repeated the warning that NATO troops near the border would provoke "
        "a response."
    )

    found = [s for s in statements(text, nlp) if s.cue == "warning"]

    assert [(s.speaker, s.cue_class) for s in found] == [("Vladimir Putin", "warn")]
    assert found[0].content == "NATO troops near the border would provoke a response"


@pytest.mark.slow
def test_a_relative_clause_on_a_claim_is_not_its_content(nlp):
    found = statements("The senator rejected the claim which he made on Monday.", nlp)

    assert all(s.cue != "claim" for s in found)


# -- that-clauses on the addressee, 'that' as a determiner, two clauses said at once ----------


@pytest.mark.slow
def test_a_that_clause_hung_on_the_addressee_is_what_was_told(nlp):
    text = (
        "In Honolulu last week, Barack Obama told a meeting of Pacific Island leaders that few "
        "people understood the stakes of climate change better than they did."
    )

    s = only_statement(text, nlp)

    assert s.cue == "told"
    assert s.content == ("few people understood the stakes of climate change better than they did")


@pytest.mark.slow
def test_that_as_a_determiner_stays_in_the_content(nlp):
    s = only_statement("Rep. Trey Gowdy said that claim smacked of hypocrisy.", nlp)

    assert s.content == "that claim smacked of hypocrisy"


@pytest.mark.slow
def test_two_clauses_said_at_once_are_one_content(nlp):
    text = (
        "Michael Flynn said Trump has enormous respect for the military and his rubble "
        "comment was instead an expression of frustration with the strategy."
    )

    s = only_statement(text, nlp)

    assert s.content == (
        "Trump has enormous respect for the military and his rubble comment was instead an "
        "expression of frustration with the strategy"
    )


# -- closing marks after line breaks and words, signed quotes ---------------------------------


def test_a_closing_mark_typed_after_a_line_break_opens_a_quote():
    text = "Getty/Instagram.\n”Fear. I am truly afraid that he will win.” ― Edwin G. Monroy"

    assert quoted(text) == ["Fear. I am truly afraid that he will win."]


def test_a_closing_mark_after_a_word_still_closes():
    text = "“We will win,” she said, and “we will not stop” after that."

    assert quoted(text) == ["We will win,", "we will not stop"]


@pytest.mark.slow
def test_a_signed_quote_opened_by_a_closing_mark_is_the_signers(nlp):
    text = (
        "Readers wrote to us after the debate.\n\n"
        "”Fear. I am truly afraid that Donald Trump will win the election.” ― Edwin G. Monroy"
    )

    s = only_statement(text, nlp)

    assert s.kind == "direct"
    assert s.content == "Fear. I am truly afraid that Donald Trump will win the election."
    assert s.speaker_text == "Edwin G. Monroy"


# -- colons, orders to the reader, gerunds ----------------------------------------------------


@pytest.mark.slow
def test_a_clause_before_a_colon_is_not_said_by_the_verb_after_it(nlp):
    found = statements(
        "We have been here before: Osama bin Laden declared war on the United States.", nlp
    )

    assert all("here before" not in s.content for s in found)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Now tell us this isn't a witch hunt of the highest order!",
        "It goes without saying that raising taxes on the rich is anathema to Republicans.",
        "It is impossible to evaluate the plan without knowing how it would affect him.",
    ],
)
def test_orders_to_the_reader_and_gerunds_of_nobody_are_no_statements(nlp, text):
    assert statements(text, nlp) == ()


@pytest.mark.slow
def test_a_gerund_after_a_preposition_is_said_by_the_subject_of_its_verb(nlp):
    s = only_statement(
        "Howard Dean began by saying he would never diagnose someone through television.", nlp
    )

    assert s.speaker == "Howard Dean"
    assert s.content == "he would never diagnose someone through television"


@pytest.mark.slow
def test_a_gerund_on_a_noun_is_said_by_the_noun(nlp):
    found = statements(
        "She wrote a series of postings, including one saying that the White House should "
        "be burned to the ground.",
        nlp,
    )

    assert [s.content for s in found if s.cue == "saying"] == [
        "the White House should be burned to the ground"
    ]


# -- what follows the content's last comma ----------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Don Fowler said he expects Clinton to fully recover from her bout with pneumonia, "
            "which forced her to leave a memorial event early.",
            "he expects Clinton to fully recover from her bout with pneumonia, which forced her "
            "to leave a memorial event early",
        ),
        (
            "Ed Schultz said he did not support Mr. Trump, the presumed Putin favorite.",
            "he did not support Mr. Trump, the presumed Putin favorite",
        ),
    ],
)
def test_a_relative_clause_or_apposition_after_the_last_comma_is_part_of_what_was_said(
    nlp, text, content
):
    # PolNeAR's annotators count them as the speaker's words (pipeline 0.6.3)
    s = only_statement(text, nlp)

    assert s.content == content


@pytest.mark.slow
def test_a_participle_of_speech_after_the_last_comma_is_a_statement_of_its_own(nlp):
    text = (
        "Sen. David Perdue said he did not believe those characterizations hurt Romney, "
        "arguing that divisions in the party were a bigger hurdle."
    )

    contents = {s.cue: s.content for s in statements(text, nlp)}

    assert contents["said"] == "he did not believe those characterizations hurt Romney"
    assert contents["arguing"] == "divisions in the party were a bigger hurdle"


@pytest.mark.slow
def test_a_participle_that_is_not_speech_stays_in_the_content(nlp):
    s = only_statement(
        "Hillary Clinton wants to sign up 5 million people, focusing on people under 30.", nlp
    )

    assert s.content == "to sign up 5 million people, focusing on people under 30"


@pytest.mark.slow
def test_an_aside_in_the_middle_of_the_content_stays(nlp):
    s = only_statement(
        "Ed Schultz said the plan, which he called a disaster, would fail within a year.", nlp
    )

    assert s.content == "the plan, which he called a disaster, would fail within a year"


# -- speakers of nouns of speech, verbs that open the sentence --------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        ("But Donald Trump claims that he should be the exception.", "Donald Trump"),
        (
            "The hearing took place despite repeated warnings from his attorney that the "
            "showdown was fruitless.",
            "his attorney",
        ),
    ],
)
def test_the_speaker_of_a_noun_of_speech_without_a_possessive(nlp, text, speaker_text):
    s = only_statement(text, nlp)

    assert s.speaker_text == speaker_text


@pytest.mark.slow
def test_the_speaker_after_a_verb_that_opens_the_sentence(nlp):
    text = (
        "The plan is complicated. Said Ryan Ellis: “I don’t get the sense she’s the least bit "
        "interested in tax reform.”"
    )

    s = only_statement(text, nlp)

    assert (s.kind, s.speaker) == ("direct", "Ryan Ellis")


# -- speech inside quotes, role nouns, more quote verbs ---------------------------------------


@pytest.mark.slow
def test_speech_inside_a_quote_does_not_swallow_the_quote_after_its_attribution(nlp):
    text = (
        '"What makes this new is not just the hacking of a political party," Adam Schiff told '
        'reporters on Wednesday, "but the attempt to interfere with the election process, I '
        'think, to sow discord in the United States."'
    )

    [s] = statements(text, nlp)

    assert s.kind == "direct"
    assert s.speaker == "Adam Schiff"
    assert len(s.fragments) == 2
    assert s.content.endswith("to sow discord in the United States.")


@pytest.mark.slow
def test_a_role_noun_names_only_a_person_with_that_role(nlp):
    text = (
        "Barack Obama declined to threaten Moscow. Rep. Adam Schiff disagreed. The California "
        "congressman said the hacking was designed to sow discord."
    )

    s = next(s for s in statements(text, nlp) if s.speaker_text.endswith("congressman"))

    assert s.speaker is None  # not Barack Obama, the nearest person


@pytest.mark.slow
@pytest.mark.parametrize("verb", ["concluded", "quipped", "retorted", "observed"])
def test_more_verbs_introduce_a_quote(nlp, verb):
    text = (
        "Chris Matthews spoke after the debate. "
        f'"I think the winner tonight will end up being Pence," Matthews {verb}.'
    )

    s = next(s for s in statements(text, nlp) if s.kind == "direct")

    assert (s.cue, s.speaker) == (verb, "Chris Matthews")


@pytest.mark.slow
def test_speech_reported_inside_an_unattributed_quote_is_not_a_statement(nlp):
    text = (
        'The crowd chanted. "We will win this election, I think, and they know it." '
        "The rally ended at ten."
    )

    assert all(s.cue != "think" for s in statements(text, nlp))
