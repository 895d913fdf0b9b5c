"""Targets the content names without their names: 'the two countries', 'the two ministers',
'the nation' (pipeline 0.6.5)."""

import pytest

from entities.nlp import extract

pytestmark = pytest.mark.slow


def targets_of(text: str, words: str, nlp) -> set[str]:
    result = extract(text, nlp)
    found = [s for s in result.statements if words in s.content]
    assert found, f"no statement with {words!r} in {[s.content for s in result.statements]}"
    return {t.actor for t in found[0].targets}


def test_the_two_countries_are_the_two_named_last_before_the_attribution(nlp):
    text = (
        "Japan lodged a protest with China and Russia on Thursday.\n\n"
        "Japan's Chief Cabinet Secretary Hayashi Yoshimasa said that the two countries' "
        "reference to the water is very regrettable."
    )

    assert targets_of(text, "reference to the water", nlp) == {"China", "Russia"}


def test_the_two_ministers_are_the_two_persons_named_last(nlp):
    text = (
        "Defence Minister Prabowo Subianto met Defence Minister Wei Fenghe in Jakarta.\n\n"
        "The two ministers also discussed joint drills, an official told reporters."
    )

    assert targets_of(text, "joint drills", nlp) == {"Prabowo Subianto", "Wei Fenghe"}


def test_the_nation_is_the_country_named_last(nlp):
    text = (
        "China hit back at Ursula von der Leyen after she accused the nation of distorting trade."
    )

    assert "China" in targets_of(text, "distorting trade", nlp)


def test_a_nation_indefinite_refers_to_no_one(nlp):
    text = "China met Brazil. Ursula von der Leyen said a nation must not distort trade."

    assert targets_of(text, "distort trade", nlp) == set()


def test_the_two_with_describing_words_still_counts_two(nlp):
    text = (
        "Pakistan struck targets in Afghanistan on Monday.\n\n"
        "The Taliban said the strikes harmed the camaraderie between the two neighbouring "
        "Muslim nations."
    )

    assert targets_of(text, "camaraderie", nlp) == {"Pakistan", "Afghanistan"}


def test_names_of_places_below_a_country_are_no_targets(nlp):
    text = (
        "Zabihullah Mujahid said Pakistani aircraft targeted civilian homes in Barmal "
        "district, Paktika, and Spera district, Khost."
    )

    assert targets_of(text, "civilian homes", nlp) == {"Pakistan"}
