"""Where a statement's words begin and end, and who says them when the parse leaves the verb
without a subject (pipeline 0.6.2), each on a short news text with the real model."""

import pytest

from entities.nlp import extract
from entities.nlp.actors.persons import house_style


def statements(text, nlp):
    return extract(text, nlp, take_title=False).statements


def statement_with(text, words, nlp):
    found = [s for s in statements(text, nlp) if words in s.content]
    assert found, [s.content for s in statements(text, nlp)]
    return found[0]


@pytest.mark.slow
def test_a_name_the_parser_hung_on_an_adverb_is_the_subject_of_the_verb(nlp):
    text = (
        "Hungarian Prime Minister Viktor Orbán spoke on Monday.\n\n"
        "Earlier, Orbán, at a meeting with journalists in Budapest, said he did not believe "
        "in Ukraine's victory."
    )

    said = statement_with(text, "did not believe", nlp)

    assert said.speaker == "Viktor Orbán"
    assert said.speaker_text == "Orbán"


@pytest.mark.slow
def test_a_name_inside_a_prepositional_phrase_does_not_become_the_speaker(nlp):
    text = (
        "Hungarian Prime Minister Viktor Orbán spoke on Monday.\n\n"
        "Earlier, at a meeting with Orbán in Budapest, said the ministry would reply."
    )

    said = statement_with(text, "ministry would reply", nlp)

    assert said.speaker is None


@pytest.mark.slow
def test_a_present_tense_clause_joined_to_said_goes_on_what_was_said(nlp):
    text = (
        "Japanese Chief Cabinet Secretary Hayashi Yoshimasa spoke on Friday.\n\n"
        "Hayashi said the water discharge is consistent with international safety standards, "
        "and Japan is disclosing relevant monitoring data swiftly and with transparency."
    )

    said = statement_with(text, "water discharge", nlp)

    assert said.content.endswith("with transparency")


@pytest.mark.slow
def test_a_past_tense_clause_joined_to_said_is_the_story_not_the_statement(nlp):
    text = (
        "Police Chief Chuck Jordan said the officer had been placed on leave, and the "
        "protesters marched to city hall."
    )

    said = statement_with(text, "placed on leave", nlp)

    assert "marched" not in said.content


@pytest.mark.slow
def test_a_quote_opened_in_the_clause_runs_to_its_closing_mark_past_brackets(nlp):
    text = (
        'Lavrov told reporters in Moscow that Ukraine "carried out a terrorist attack using '
        "91 long-range UAVs [uncrewed aerial vehicles] against the Russian president’s state "
        "residence in the Novgorod region,” the Interfax news agency reported."
    )

    told = statement_with(text, "carried out", nlp)

    assert told.speaker == "Lavrov"
    assert "Novgorod region" in told.content
    assert "Interfax" not in told.content


@pytest.mark.slow
def test_a_scare_quote_object_with_its_topic_is_one_mixed_statement(nlp):
    text = (
        "Sudan's army chief Abdel Fattah al-Burhan denied “rumours” about differences within "
        "the military component of the transitional authority."
    )

    denied = statement_with(text, "rumours", nlp)

    assert denied.kind == "mixed"
    assert denied.content.endswith("transitional authority")


@pytest.mark.slow
def test_reported_words_run_on_into_the_quote_their_verb_introduces(nlp):
    text = (
        "Qatar’s ruling emir opened the summit by accusing Israel of not caring about its "
        'hostages held in Gaza and instead only working to "ensure Gaza is no longer livable."'
    )

    accusing = statement_with(text, "livable", nlp)

    assert accusing.kind == "mixed"
    assert accusing.content.startswith("Israel of not caring")
    assert accusing.cue == "accusing"


@pytest.mark.slow
def test_reaffirming_is_a_statement_of_the_subject_it_shares(nlp):
    text = (
        "Sudan's army chief Abdel Fattah al-Burhan denied rumours of divisions and reaffirmed "
        "the army's commitment to the democratic transition."
    )

    reaffirmed = statement_with(text, "commitment", nlp)

    assert reaffirmed.cue == "reaffirmed"
    assert reaffirmed.speaker == "Abdel Fattah al-Burhan"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Abdel-Fattah Al-Burhan", "Abdel Fattah al-Burhan"),
        ("Abdul-Aziz El-Sayed", "Abdul Aziz el-Sayed"),
        ("Al-Burhan", "Al-Burhan"),  # the article opening a name keeps its capital
        ("Tamim bin Hamad Al Thani", "Tamim bin Hamad Al Thani"),
        ("Jean-Pierre Raffarin", "Jean-Pierre Raffarin"),
        ("Kim Hong-kyun", "Kim Hong-kyun"),
    ],
)
def test_house_style_of_arabic_names(written, canonical):
    assert house_style(written) == canonical


@pytest.mark.slow
def test_an_object_with_its_reduced_relative_clause_is_what_was_cited(nlp):
    text = (
        "At Monday’s presidential debate, Clinton cited disparaging remarks Trump had made "
        "about Machado as examples of the Republican nominee’s disrespect for women."
    )

    cited = statement_with(text, "Machado", nlp)

    assert cited.content.startswith("disparaging remarks Trump had made")


@pytest.mark.slow
def test_an_attribution_closing_the_sentence_is_its_speaker_whatever_the_parse(nlp):
    text = (
        "Hungarian ambassador to be summoned over Orban's remarks – Nikolenko\n\n"
        "The Hungarian Ambassador will be summoned to the Ministry of Foreign Affairs of "
        "Ukraine for a frank conversation in connection with Prime Minister Viktor Orbán's "
        "disparaging remarks about Ukraine, Spokesman for the Ukrainian Ministry of Foreign "
        "Affairs Oleh Nikolenko has said."
    )

    summoned = [s for s in extract(text, nlp).statements if "frank conversation" in s.content]

    assert [s.speaker for s in summoned] == ["Oleh Nikolenko"]
    assert summoned[0].content.startswith("The Hungarian Ambassador will be summoned")
    assert "Spokesman" not in summoned[0].content


@pytest.mark.slow
def test_a_plan_reported_according_to_a_source_is_the_sources_statement(nlp):
    text = (
        "Hillary Clinton spoke in Florida on Friday. Clinton plans to visit Charlotte on "
        "Sunday, according to a campaign aide."
    )

    plans = [s for s in statements(text, nlp) if "Charlotte" in s.content]

    assert [(s.speaker_text, s.content) for s in plans] == [
        ("a campaign aide", "Clinton plans to visit Charlotte on Sunday")
    ]


def test_a_day_between_the_object_and_what_completes_it_stays_in_the_content(nlp):
    result = extract(
        "News of the day\n\nRwanda accused the government of the Democratic Republic of Congo "
        '(DRC) on Wednesday of "fabricating" a massacre.',
        nlp,
    )

    (s,) = result.statements
    assert s.content == (
        'the government of the Democratic Republic of Congo (DRC) on Wednesday of "fabricating" '
        "a massacre"
    )


def test_what_another_speaker_says_of_the_object_is_its_own_statement(nlp):
    result = extract(
        "News of the day\n\nRwanda accused Congo of fabricating a massacre that a United "
        "Nations investigation says was committed by M23 rebels.",
        nlp,
    )

    by_cue = {s.cue: s for s in result.statements}
    assert by_cue["accused"].content == "Congo of fabricating a massacre"
    assert by_cue["says"].speaker == "United Nations"
    assert "committed by M23 rebels" in by_cue["says"].content
