"""The seed article against its hand annotation in ../shared/eval/seed_gold.json."""

import json
import re
from pathlib import Path

import pytest

from entities.nlp import extract
from entities.nlp.clean import clean

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads(
    (PROJECT_ROOT.parent / "shared" / "eval" / "seed_gold.json").read_text(encoding="utf-8")
)
SEED = (PROJECT_ROOT / GOLD["file"]).read_text(encoding="utf-8")
REQUIRED = [s for s in GOLD["statements"] if s["level"] == "required"]
WORD = re.compile(r"[\w’'-]+")

pytestmark = pytest.mark.slow


def words(text):
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def coverage(gold_content, predicted_content):
    """Share of the gold content's words that occur in the predicted content."""
    gold_words = words(gold_content)
    predicted = set(words(predicted_content))
    return sum(1 for w in gold_words if w in predicted) / max(1, len(gold_words))


@pytest.fixture(scope="module")
def seed(nlp):
    return extract(SEED, nlp)


@pytest.mark.parametrize("gold", REQUIRED, ids=[s["id"] for s in REQUIRED])
def test_required_statement_is_found_with_an_accepted_speaker(seed, gold):
    best = max(seed.statements, key=lambda s: coverage(gold["content"], s.content))

    assert coverage(gold["content"], best.content) >= 0.5, gold["content"]
    assert best.speaker in gold["speaker_accept"], (best.speaker, best.content)


def test_title_is_taken_from_the_first_line(seed):
    assert seed.title == GOLD["title"]


def test_body_stops_before_the_site_boilerplate(seed):
    assert GOLD["body_ends_before"] not in seed.body


def test_body_keeps_the_last_article_paragraph(seed):
    assert "gives them some insulation from international pressure, she continued." in seed.body


def test_nothing_is_extracted_from_after_the_boilerplate_marker(seed):
    cleaned = clean(SEED)
    cut = SEED.index(GOLD["body_ends_before"])

    late = [m.text for m in seed.mentions if cleaned.to_source(m.start) >= cut]
    late += [s.content for s in seed.statements if cleaned.to_source(s.content_start) >= cut]

    assert cleaned.body == seed.body
    assert late == []


def test_no_actor_is_named_only_after_the_boilerplate_marker(seed):
    cut = SEED.index(GOLD["body_ends_before"])
    head, tail = SEED[:cut], SEED[cut:]

    def named_in(part, actor):
        return any(form in part for form in (actor.name, *actor.aliases))

    only_in_tail = [a.name for a in seed.actors if named_in(tail, a) and not named_in(head, a)]

    assert only_in_tail == []
