"""Where a statement's content begins and ends: the object or prepositional phrase a speech
verb says, what is cut off (the reporter's trailing asides, a second statement, edge
punctuation), and when a quote widens to the mixed sentence around it.

Spans are token ranges (start, end exclusive) unless a function says characters; (0, 0)
means no content.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from entities.nlp import gazetteer
from entities.nlp.syntax import subject_of
from entities.nlp.types import DIRECT, MIXED

from .draft import Context, Draft

_OBJECT_DEPS = ("dobj", "xcomp")
_WORDS = re.compile(r"\w+")


def without_trailing_aside(ctx: Context, start: int, end: int) -> int:
    """'Trump said he would win, saying the polls were wrong': a participle of speech after the
    last comma is a second statement, not more of the first. (A relative clause or an
    apposition there, 'which forced her to leave early', stays: PolNeAR's annotators count it
    as what was said, and leaving it out cost F1 0.001 and speaker accuracy at 0.6.3.)"""
    doc = ctx.doc
    for i in range(start + 2, end):
        if doc[i - 1].text != "," or ctx.quoted(doc[i]):
            continue
        root = doc[i]
        while root.head.i != root.i and start <= root.head.i < end and root.head.i >= i:
            root = root.head
        if root.left_edge.i != i or root.right_edge.i < end - 1:
            continue
        if root.dep_ in ("advcl", "acl") and root.tag_ == "VBG" and root.lemma_ in ctx.verbs:
            return i - 1
    return end


def object_span(ctx: Context, verb: Token) -> tuple[int, int]:
    """'denied arms deals', 'wants to triple the size of ...', 'urged Trump to apologise'."""
    parts = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    if not parts or subject_of(verb) is None:
        return 0, 0
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts) + 1
    doc = verb.doc
    infinitive = any(p.dep_ == "xcomp" for p in parts)
    completing = gazetteer.preposition_roles()["completes_object"]
    # what completes the object: 'cited the remarks as examples of ...', 'blasted the media
    # for being dishonest', more infinitives of a list: 'wants to triple ..., grow ... and
    # create ...'
    reached = end  # past a day between the object and what completes it, if anything does
    for c in sorted(verb.children, key=lambda t: t.i):
        if c.i < reached or c.dep_ == "punct":
            continue
        if any(not (t.is_punct or t.dep_ == "cc") for t in doc[reached : c.left_edge.i]):
            break
        if _when(c):
            # 'accused the government of the DRC on Wednesday of "fabricating" a massacre'
            reached = c.right_edge.i + 1
            continue
        completes = (c.dep_ == "prep" and c.lower_ in completing) or (
            infinitive
            and c.dep_ in ("conj", "dep")
            and c.pos_ == "VERB"
            and not any(d.dep_.startswith("nsubj") for d in c.children)
        )
        if not completes:
            break
        end = reached = c.right_edge.i + 1
    return trimmed(doc, start, _before_next_statement(ctx, verb, end))


def _when(token: Token) -> bool:
    """'on Wednesday', 'last week': a time adverbial among the verb's dependents."""
    if token.dep_ == "npadvmod":
        return token.ent_type_ in ("DATE", "TIME")
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children
    )


def prep_span(ctx: Context, verb: Token) -> tuple[int, int]:
    """'called for a moratorium', 'called on Republicans to unendorse Trump': what follows
    the verb's preposition, and the infinitive that completes it."""
    preps = ctx.prep_verbs.get(verb.lemma_)
    if not preps or subject_of(verb) is None:
        return 0, 0
    prep = next((c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in preps), None)
    if prep is None:
        return 0, 0
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return 0, 0
    parts = objects + [c for c in verb.children if c.dep_ == "xcomp" and c.i > prep.i]
    start = min(p.left_edge.i for p in parts)
    end = _before_next_statement(ctx, verb, max(p.right_edge.i for p in parts) + 1)
    return trimmed(verb.doc, start, end)


_CONTRAST_MARKS = {"while", "whereas", "whilst"}


def _before_next_statement(ctx: Context, verb: Token, end: int) -> int:
    """'called on police to release the videos and called on people to protest': the
    content ends before a second speech verb joined to it."""
    end = before_contrasted_speech(ctx, verb.i + 1, end)
    for t in verb.doc[verb.i + 1 : end]:
        if _relative_speech(ctx, t):
            # "accuses DRC of 'fabricating' massacre that UN says killed 131 people": what
            # another speaker says of the object is that speaker's statement
            return trimmed(verb.doc, verb.i + 1, t.left_edge.i)[1]
        if t.dep_ == "conj" and t.pos_ == "VERB" and t.lemma_ in ctx.verbs:
            cut = t.left_edge.i
            while cut > verb.i + 1 and verb.doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            return cut
    return end


def _relative_speech(ctx: Context, t: Token) -> bool:
    """A speech verb in a relative clause, with a subject of its own that is no relative
    pronoun ('a massacre that UN says killed 131 people', '... that a United Nations
    investigation says was committed by M23')."""
    if t.dep_ != "relcl" or t.lemma_ not in ctx.verbs:
        return False
    subject = subject_of(t)
    return subject is not None and subject.pos_ in ("PROPN", "NOUN")


def before_contrasted_speech(ctx: Context, start: int, end: int) -> int:
    """'... was absurd while Secretary Paulo Pimenta recalled that ...': content ends before
    another speaker's statement set against it in a 'while' clause."""
    for t in ctx.doc[start:end]:
        if _contrasted_speech(ctx, t):
            cut = t.left_edge.i
            while cut > start and ctx.doc[cut - 1].is_punct:
                cut -= 1
            return cut
    return end


def _contrasted_speech(ctx: Context, t: Token) -> bool:
    """A speech verb with a subject of its own in a 'while' or 'whereas' clause."""
    return (
        t.dep_ == "advcl"
        and t.lemma_ in ctx.verbs
        and subject_of(t) is not None
        and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in t.children)
    )


def predicative_span(verb: Token) -> tuple[int, int]:
    """'called the charges unsubstantiated', 'described the plan as a disaster': the object
    and what the speaker calls it."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or subject_of(verb) is None:
        return 0, 0
    what = next(
        (
            c
            for c in verb.children
            if c.i > obj.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as"))
        ),
        None,
    )
    if what is None:
        return 0, 0
    return trimmed(verb.doc, obj.left_edge.i, what.right_edge.i + 1)


def around(doc: Doc, start: int, end: int, cue: Token) -> list[tuple[int, int]]:
    """'Less clear, he said, is what Russia has provided': the content's two parts, without
    the parenthetical attribution in the middle (character offsets)."""
    left = trimmed(doc, start, cue.left_edge.i)
    right_start = cue.right_edge.i + 1
    while right_start < end and doc[right_start].is_punct:
        right_start += 1
    if left[1] <= left[0] or right_start >= end:
        return []  # the attribution opens or closes the sentence: one piece
    return [
        (doc[left[0]].idx, doc[left[1] - 1].idx + len(doc[left[1] - 1])),
        (doc[right_start].idx, doc[end - 1].idx + len(doc[end - 1])),
    ]


def trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The span without trailing punctuation or space, which no one says."""
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def widen_to_mixed(ctx: Context, d: Draft) -> None:
    """'With thousands of systems, "there is no single point of failure," she said': a quote
    that is only part of the sentence its attribution follows makes a mixed statement of
    the whole sentence up to the attribution. Changes `d` in place."""
    if d.kind != DIRECT or d.cue is None or d.parts or d.cue.idx < d.end:
        return
    text = ctx.text
    attribution = min(d.cue.idx, d.speaker_span[0] if d.speaker else d.cue.idx)
    if attribution < d.end:
        return
    sent = ctx.doc.char_span(d.start, d.end, alignment_mode="expand")
    if sent is None:
        return
    sent_start = sent[0].sent.start_char
    before = text[sent_start : d.start]
    after = text[d.end : attribution]
    if "\n" in before or "\n" in after or before.rstrip(" “‘\"'«`").endswith(":"):
        return  # a colon introduces the quote: 'in a statement: "..."' stays direct
    words_before = _WORDS.findall(before)
    words_after = _WORDS.findall(after)
    if len(words_before) < 2 and len(words_after) < 2:
        return
    lead = len(before) - len(before.lstrip(" “‘\"'«"))
    start = sent_start + lead if words_before else d.start
    # '"You squeezed employees" to drive up the stock price, she said': the words up to the
    # comma before the attribution are the speaker's too (not 'Tulsa police Chief')
    if len(words_after) >= 2 and after.rstrip().endswith(","):
        end = d.end + len(after.rstrip(" ,—–-"))
    elif words_before:
        end = d.end + (2 if text.startswith("''", d.end) else 1)  # the closing mark
    else:
        return
    d.kind, d.start, d.end = MIXED, start, end
