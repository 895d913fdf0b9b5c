"""The seed article (seeds/putin-visit-raises-alarms.txt): what an analyst must get out of it.

The expectations are written here, for this repository's own copy of the article, so the suite
needs nothing outside the checkout. (`make eval` scores the same article against the shared
hand annotation; this test keeps the core of it in every run.)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest

from entities.nlp import extract
from entities.nlp.clean import clean

SEED_PATH = Path(__file__).resolve().parents[2] / "seeds" / "putin-visit-raises-alarms.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")
# Everything from this line on is the site's furniture, not the article.
BOILERPLATE_STARTS = "Follow us on our official WhatsApp channel"
WORD = re.compile(r"[\w’'-]+")

pytestmark = pytest.mark.slow


class Expected(NamedTuple):
    """A statement the extractor must find: enough of its words, said by one of `speakers`."""

    words: str
    speakers: tuple[str, ...]


# The statements a reader needs, each with the speakers an analyst would accept (an anonymous
# official counts for the body or country they speak for).
MUST_FIND = {
    "kim-on-the-visit": Expected(
        "visit should not result in more military cooperation between Pyongyang and Moscow",
        ("Kim Hong-kyun",),
    ),
    "ministry-on-cooperation": Expected(
        "the two sides agreed to resolutely respond through airtight cooperation to North "
        "Korea’s provocations",
        ("Ministry of Foreign Affairs of South Korea", "South Korea"),
    ),
    "seoul-official-on-timing": Expected(
        "Putin was expected to visit North Korea in the coming days",
        ("South Korea", "South Korean presidential office"),
    ),
    "vedomosti-report": Expected(
        "Putin would visit North Korea and Vietnam in the coming weeks", ("Vedomosti",)
    ),
    "peskov-on-ties": Expected(
        "Russia’s right to develop closer ties with North Korea should not be in doubt",
        ("Dmitry Peskov",),
    ),
    "campbell-on-understanding": Expected(
        "a very good understanding of what North Korea has provided Russia", ("Kurt Campbell",)
    ),
    "campbell-quote": Expected(
        "Hard currency? Is it energy? We don’t know. But we’re concerned by that",
        ("Kurt Campbell",),
    ),
    "haines-on-concessions": Expected(
        "Russia has been forced by its need for support in its war against Ukraine to grant",
        ("Avril Haines",),
    ),
    "haines-on-capabilities": Expected(
        "This growing cooperation and willingness to exchange aid enhances their individual "
        "capabilities",
        ("Avril Haines",),
    ),
}


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def coverage(expected: str, predicted: str) -> float:
    """Share of the expected words that occur in the predicted content."""
    wanted = words(expected)
    found = set(words(predicted))
    return sum(1 for w in wanted if w in found) / max(1, len(wanted))


@pytest.fixture(scope="module")
def seed(nlp):
    return extract(SEED, nlp)


@pytest.mark.parametrize("key", sorted(MUST_FIND))
def test_statement_is_found_with_an_accepted_speaker(seed, key):
    expected = MUST_FIND[key]
    best = max(seed.statements, key=lambda s: coverage(expected.words, s.content))

    assert coverage(expected.words, best.content) >= 0.7, (key, best.content)
    assert best.speaker in expected.speakers, (key, best.speaker, best.content)


def test_title_is_taken_from_the_first_line(seed):
    assert seed.title == "Putin visit raises alarms"


def test_body_stops_before_the_site_boilerplate(seed):
    assert BOILERPLATE_STARTS not in seed.body


def test_body_keeps_the_last_article_paragraph(seed):
    assert "gives them some insulation from international pressure, she continued." in seed.body


def test_nothing_is_extracted_from_after_the_boilerplate(seed):
    cleaned = clean(SEED)
    cut = SEED.index(BOILERPLATE_STARTS)

    late = [m.text for m in seed.mentions if cleaned.to_source(m.start) >= cut]
    late += [s.content for s in seed.statements if cleaned.to_source(s.content_start) >= cut]

    assert cleaned.body == seed.body
    assert late == []


def test_no_actor_is_named_only_in_the_boilerplate(seed):
    cut = SEED.index(BOILERPLATE_STARTS)
    head, tail = SEED[:cut], SEED[cut:]

    def named_in(part, actor):
        return any(form in part for form in (actor.name, *actor.aliases))

    only_in_tail = [a.name for a in seed.actors if named_in(tail, a) and not named_in(head, a)]

    assert only_in_tail == []


def test_the_main_actors_have_canonical_names(seed):
    names = {a.name for a in seed.actors}

    assert {
        "Vladimir Putin",
        "Kim Hong-kyun",
        "Kurt Campbell",
        "Dmitry Peskov",
        "Avril Haines",
        "North Korea",
        "South Korea",
        "Russia",
        "United States",
    } <= names
