"""Entity spans repaired before any actor is built: articles and possessives trimmed, datelines,
headline capitals and sentence-opening modifiers dropped, names run on through their particles
('Ursula von der Leyen')."""

from __future__ import annotations

import unicodedata

from spacy.tokens import Span, Token

from entities.nlp import gazetteer


def _trim(span: Span) -> Span | None:
    """Drop a leading article and a trailing possessive or punctuation from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    # a name never runs over a line break ("Yahoo News" before an empty line)
    end = next((t.i for t in doc[start:end] if t.is_space or "\n" in t.text), end)
    while end > start and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].like_num
    ):
        end -= 1  # "Trump's 1995" (tax return) names Trump
    if start >= end:
        return None
    trimmed = Span(doc, start, end, label=span.label_)
    if trimmed.text.islower() or _address(trimmed.text):
        return None
    return trimmed


def _address(text: str) -> bool:
    """'pic.twitter.com/7xbk', '@KING_MBS_', 'www.example.org': an address or a handle of an
    embedded post, not a name."""
    return any(mark in text for mark in ("/", "@", "www.", ".com", ".org", ".net"))


def _with_particles(span: Span) -> Span:
    """'Ursula von' tagged alone: a person's name runs on through its particles to the name
    after them ('Ursula von der Leyen', 'Tamim bin Hamad Al Thani')."""
    if span.label_ != "PERSON":
        return span
    particles = gazetteer.name_particles()
    doc = span.doc
    end = span.end
    while end < len(doc) and doc[end].lower_ in particles and doc[end].whitespace_ != "":
        end += 1
    if end == span.end and span[-1].lower_ not in particles:
        return span
    if end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        return Span(doc, span.start, end, label=span.label_)
    return span


def _dateline(span: Span) -> bool:
    """'HEMPSTEAD, N.Y. -', 'MIDWAY, Ky. -', 'June 23, 2021 (KHARTOUM) -': the place a story
    was filed from, in capitals at the start of a paragraph, is not an actor of the story."""
    doc = span.doc
    opens = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    if not span.text.isupper() or span.end >= len(doc):
        return False
    if opens:
        return doc[span.end].text in (",", "—", "–", "-", "(")  # "SEOUL (Reuters) -"
    # "June 23, 2021 (KHARTOUM) –": the place in brackets after the date
    line_start = span.start
    while line_start > 0 and "\n" not in doc[line_start - 1].text_with_ws:
        line_start -= 1
    return (
        span.start - line_start <= 8
        and doc[span.start - 1].text == "("
        and doc[span.end].text == ")"
        and span.end + 1 < len(doc)
        and doc[span.end + 1].text in ("—", "–", "-", "--")
    )


def _heading_only(span: Span, text: str) -> bool:
    """'Obama Sees Personal Insult', 'Obama Speech' in a subheading: in a line where every word
    is capitalised, a name of several words that the article never writes again is the
    heading's capitals, not a name. Single words go on to be linked as surnames."""
    if len(span) < 2 or span.label_ not in ("PERSON", "ORG"):
        return False
    return (
        _heading_line(text, span.start_char, span.end_char, capitalised_only=True)
        and text.count(span.text) == 1
    )


def _heading_line(text: str, start: int, end: int, *, capitalised_only: bool = False) -> bool:
    """Whether [start, end) lies in a headline or subheading: a short line whose words are
    capitalised but for small ones ('Obama Sees Personal Insult if Blacks Don't Rally'), or a
    first line of one short sentence ('Axelrod calls on Dean to apologize')."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    words = [w.strip("[(“\"‘'") for w in line.split()]
    words = [w for w in words if w[:1].isalpha()]
    if not 2 <= len(words) <= 20:
        return False
    if not capitalised_only and line_start == 0 and ". " not in line.rstrip(". "):
        return True  # the first line, one short sentence: a headline in sentence case
    small = gazetteer.heading_small_words()
    return all(w[0].isupper() or w.lower() in small for w in words)


def _capitalised_modifier(span: Span) -> bool:
    """'Federal prosecutors said', 'World leaders denounce': a capitalised word opening a
    sentence before the noun it describes, which the model took for an organisation."""
    doc = span.doc
    if span.label_ != "ORG" or len(span) != 1 or not span[0].is_sent_start:
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.is_lower and nxt.pos_ in ("NOUN", "ADJ")


def _thing(span: Span) -> bool:
    """'the Vienna Convention on Diplomatic Relations', 'UAVs', 'UAV debris': the name of a law
    or treaty, or an acronym of a kind of thing, which the model took for an actor."""
    first = span[0].text
    if first in gazetteer.thing_acronyms() or (
        len(span) == 1 and len(first) > 2 and first[-1] == "s" and first[:-1].isupper()
    ):
        return True
    if span.label_ != "ORG":
        return False
    instruments = gazetteer.instrument_nouns()
    doc = span.doc
    return span[-1].lower_ in instruments or any(
        t.lower_ in instruments and t.i + 1 < span.end and doc[t.i + 1].lower_ == "on" for t in span
    )


def _place_below_country(span: Span) -> bool:
    """'Spera district', 'in Barmal district, Paktika', 'the port city of Guayaquil': a name
    given to a district, province or city, which the model may tag as a person or a body.
    (Countries are read before this: 'its breakaway region of Somaliland' stays a country.)"""
    places = gazetteer.place_nouns()
    last = span[-1]
    if last.dep_ == "compound" and last.head.lemma_.lower() in places:
        return True
    head = span.root
    while head.dep_ in ("conj", "appos") and head.head.i != head.i:
        head = head.head
    if head.i != span.root.i and head.lemma_.lower() in places:
        return True
    return (
        head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in places
    )


def _is_name_word(token: Token) -> bool:
    """A proper noun written as a name ("Vedomosti", "KCNA"): the small model also tags some
    lower-case words PROPN ("state news agency")."""
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _latin(name: str) -> bool:
    """Whether a name is written in Latin letters: in an English article, a name in another
    script is an embedded post or caption ('عاجل', 'breaking'), not a person of the story."""
    return any(c.isalpha() and unicodedata.name(c, "").startswith("LATIN") for c in name)
