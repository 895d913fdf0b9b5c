"""The speaker's stance toward each actor a statement is about (nlp/statements/stance.py)."""

import pytest

from entities.nlp import extract

pytestmark = pytest.mark.slow


def stances(text: str, nlp) -> dict[str, str]:
    result = extract("News of the day\n\n" + text, nlp)
    assert result.statements, "expected a statement"
    return {t.actor: t.stance for s in result.statements for t in s.targets}


def test_an_accusing_cue_is_negative_toward_whom_it_accuses(nlp):
    found = stances("Kenyan President William Ruto accused Ethiopia of blocking the talks.", nlp)

    assert found["Ethiopia"] == "negative"


def test_a_praising_cue_is_positive(nlp):
    found = stances("Kenyan President William Ruto praised Ethiopia for hosting the talks.", nlp)

    assert found["Ethiopia"] == "positive"


def test_words_of_the_content_decide_when_the_cue_is_neutral(nlp):
    found = stances(
        "Japanese Foreign Minister Yoko Kamikawa said China's provocations were unacceptable.",
        nlp,
    )

    assert found["China"] == "negative"


def test_a_denied_good_word_is_a_reproach(nlp):
    found = stances('Chinese spokesperson Mao Ning said the EU\'s market "is far from fair".', nlp)

    assert found["European Union"] == "negative"


def test_a_denied_bad_word_says_nothing(nlp):
    found = stances(
        "Kenyan President William Ruto said Ethiopia had shown no aggression at the border.", nlp
    )

    assert found["Ethiopia"] == "neutral"


def test_the_speakers_own_country_is_neutral(nlp):
    found = stances(
        "Chinese Defence Minister Wei Fenghe said China is willing to strengthen dialogue with "
        "Indonesia.",
        nlp,
    )

    assert found["China"] == "neutral"
    assert found["Indonesia"] == "positive"


def test_a_country_named_as_a_place_is_no_target(nlp):
    found = stances(
        "Kenyan President William Ruto said at a briefing in Beijing that Ethiopia had "
        "blocked the talks.",
        nlp,
    )

    assert "China" not in found
    assert "Ethiopia" in found


def test_her_nation_is_the_speakers_own_country(nlp):
    found = stances(
        "Chinese Foreign Ministry spokesperson Mao Ning spoke in Beijing. Mao said her nation "
        "was willing to expand imports from the EU.",
        nlp,
    )

    assert found["China"] == "neutral"  # named, and the speaker's own side


def test_whom_a_third_actor_acts_against_is_the_victim_not_the_villain(nlp):
    found = stances(
        "Kenyan President William Ruto said the attack by Ethiopia against Somalia was "
        "unacceptable.",
        nlp,
    )

    assert found["Ethiopia"] == "negative"
    assert found["Somalia"] == "neutral"


def test_an_actor_spoken_ill_of_stays_negative_without_a_third_actor_acting(nlp):
    found = stances(
        "Kenyan President William Ruto said the sanctions against Somalia were necessary "
        "and its conduct unacceptable.",
        nlp,
    )

    assert found["Somalia"] == "negative"


def test_a_country_owning_a_persons_name_is_their_side(nlp):
    found = stances(
        "North Korea’s Kim Yo Jong said Washington is wrong if it believes North Korea’s "
        "disarmament was possible.",
        nlp,
    )

    assert found["North Korea"] == "neutral"
    assert found["United States"] == "negative"


def test_an_official_saying_we_speaks_of_their_country(nlp):
    found = stances(
        "North Korea’s Kim Yo Jong spoke on Monday.\n\n"
        '"The United States should stop a foolish act by provoking us," Kim said.',
        nlp,
    )

    assert found["North Korea"] == "neutral"  # a target, on the speaker's own side


def test_a_country_speaking_of_itself_by_pronoun_is_a_target_of_its_own_side(nlp):
    result = extract("News of the day\n\nIsrael said it would continue the operation in Gaza.", nlp)

    (plan,) = [s for s in result.statements if "operation" in s.content]
    assert plan.speaker == "Israel"
    assert {t.actor: t.stance for t in plan.targets}["Israel"] == "neutral"


def test_the_speakers_side_is_positive_where_it_rebuts_a_charge_against_it(nlp):
    found = stances("Israel vehemently denies it is committing genocide in Gaza.", nlp)
    assert found["Israel"] == "positive"

    found = stances("Rwanda said that accusing Rwanda of supporting the rebels is unfair.", nlp)
    assert found["Rwanda"] == "positive"

    found = stances(
        "Myanmar said the report was based on sweeping allegations against Myanmar.", nlp
    )
    assert found["Myanmar"] == "positive"


def test_the_owner_of_what_is_struck_suffers_and_the_owner_of_an_attack_commits_it(nlp):
    struck = stances(
        "Russian Foreign Minister Sergei Lavrov said Ukraine tried to strike Putin's residence.",
        nlp,
    )
    attacks = stances(
        "Brazilian President Luiz Inácio Lula da Silva said he condemned Hamas' attacks "
        "against Israeli civilians.",
        nlp,
    )

    assert struck["Ukraine"] == "negative"
    assert struck["Putin"] == "neutral"
    assert attacks["Hamas"] == "negative"


def test_a_demonym_of_private_people_makes_no_target_but_of_an_act_does(nlp):
    people = extract(
        "News of the day\n\nEuropean Commission President Ursula von der Leyen said Chinese "
        "producers benefit from unfair subsidies.",
        nlp,
    )
    act = stances(
        "Japanese Foreign Minister Yoko Kamikawa said Chinese provocations were unacceptable.",
        nlp,
    )

    assert all(t.actor != "China" for s in people.statements for t in s.targets)
    assert act["China"] == "negative"


def test_a_news_agency_the_content_cites_is_no_target(nlp):
    result = extract(
        "News of the day\n\nChinese Defence Minister Wei Fenghe said China is willing to "
        "strengthen dialogue with Indonesia, Xinhua news agency reported.",
        nlp,
    )

    targets = {t.actor for s in result.statements for t in s.targets}
    assert "Indonesia" in targets
    assert "Xinhua News Agency" not in targets


def test_the_demonym_of_a_named_persons_role_is_no_target(nlp):
    result = extract(
        "News of the day\n\nA senior Indonesian official said Defence Minister Prabowo "
        "Subianto and his Chinese counterpart, Mr Wei Fenghe, agreed to resolve any issues "
        "through dialogue.",
        nlp,
    )

    targets = {t.actor for s in result.statements for t in s.targets}
    assert "Wei Fenghe" in targets
    assert "China" not in targets


def test_we_who_only_know_or_feel_do_not_make_the_country_a_target(nlp):
    result = extract(
        "News of the day\n\nUS Assistant Secretary of State Kurt Campbell spoke on Monday.\n\n"
        '"We don’t know. But we’re concerned by that and watching carefully," Campbell said.',
        nlp,
    )

    (said,) = [s for s in result.statements if "concerned" in s.content]
    assert said.speaker == "Kurt Campbell"
    assert all(t.actor != "United States" for t in said.targets)


def test_an_appeal_to_stop_or_not_to_act_is_hostile_to_whom_it_is_made(nlp):
    assert stances("Afghanistan urged Pakistan not to blame Afghanistan.", nlp)["Pakistan"] == (
        "negative"
    )
    assert stances("France urged Russia to stop the shelling.", nlp)["Russia"] == "negative"
    assert stances("France urged Russia to join the talks.", nlp)["Russia"] == "neutral"


def test_calling_for_someones_release_speaks_for_them(nlp):
    found = stances(
        "The United Nations Security Council urged Myanmar to release Aung San Suu Kyi.", nlp
    )
    assert found["Aung San Suu Kyi"] == "positive"


def test_an_actor_whose_act_is_the_condition_of_the_speakers_answer_is_warned(nlp):
    found = stances(
        "Saudi Crown Prince Mohammed bin Salman said Saudi Arabia will have to obtain a "
        "nuclear weapon if Iran does.",
        nlp,
    )
    assert found["Iran"] == "negative"
    assert found["Saudi Arabia"] == "neutral"


def test_one_who_condemns_in_the_content_is_not_condemned(nlp):
    found = stances("Paulo Pimenta said Lula had always condemned the attacks.", nlp)
    assert found["Lula"] == "neutral"


def test_the_body_in_the_speakers_role_is_the_speakers_side(nlp):
    found = stances(
        "The Hungarian Ambassador will be summoned to the Ministry of Foreign Affairs of "
        "Ukraine over Prime Minister Viktor Orbán's disparaging remarks about Ukraine, "
        "Spokesman for the Ukrainian Ministry of Foreign Affairs Oleh Nikolenko has said.",
        nlp,
    )
    assert found["Ministry of Foreign Affairs of Ukraine"] == "neutral"
    assert found["Viktor Orbán"] == "negative"


def test_what_the_speaker_calls_its_own_is_its_side(nlp):
    found = stances(
        "Mohamed Hamdan Dagalo refused to integrate his Rapid Support Forces into the army.",
        nlp,
    )
    assert found["Rapid Support Forces"] == "neutral"


def test_the_place_of_a_visit_is_neutral_under_a_hostile_cue(nlp):
    found = stances(
        "Kim Yo Jong criticised United States plans for a submarine to visit South Korea.", nlp
    )
    assert found["South Korea"] == "neutral"
    assert found["United States"] == "negative"


def test_breaking_ties_and_declaring_persona_non_grata_are_hostile_steps(nlp):
    found = stances(
        "Foreign Minister Alicia Barcena said Mexico announces the immediate breaking of "
        "diplomatic relations with Ecuador.",
        nlp,
    )
    assert found["Ecuador"] == "negative"
    # the government whose step an official of no named country announces is the official's
    assert found["Mexico"] == "neutral"

    found = stances(
        "The government of Israel has declared Brazilian President Luiz Inácio Lula da Silva "
        "persona non grata, Foreign Minister Israel Katz announced.",
        nlp,
    )
    assert found["Luiz Inácio Lula da Silva"] == "negative"
    assert found["Israel"] == "neutral"
