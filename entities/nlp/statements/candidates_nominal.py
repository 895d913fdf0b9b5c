"""Nouns of speech with a 'that' clause: 'Trump's claim that ...', 'charges that he has
given questionable advice', 'Trump repeated the warning that ...'. The speaker is whoever
owns, makes or is credited with the noun."""

from __future__ import annotations

from spacy.tokens import Token

from entities.nlp import gazetteer
from entities.nlp.syntax import clause_span, joined_by_that, subject_of
from entities.nlp.types import INDIRECT

from .draft import Context, Draft
from .speaker import resolve_subject


def nominal_draft(ctx: Context, noun: Token) -> Draft | None:
    """The 'that' clause of a noun of speech, said by whoever owns the noun."""
    clause = next(
        (
            c
            for c in noun.children
            # 'criticism that Trump was urging ...' parsed as a relative clause: 'that' joins it
            if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i and joined_by_that(c)
        ),
        None,
    )
    if clause is None:
        return None
    start, end = clause_span(clause, exclude=noun)
    if ctx.doc[start].lower_ == "that":  # the joining 'that' the parser hung deeper inside
        start += 1
    if end - start < 2:
        return None
    owner = _owner(noun)
    speaker, sspan = (
        resolve_subject(ctx, owner) if owner is not None else (None, (noun.idx, noun.idx))
    )
    span = ctx.doc[start:end]
    confidence = 0.6 if speaker is not None else 0.5
    return Draft(INDIRECT, span.start_char, span.end_char, noun, speaker, sspan, confidence)


def _owner(noun: Token) -> Token | None:
    """The token naming who says it, from the most to the least direct construction."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:  # 'Trump claims that ...' parsed as a noun, 'the Kremlin warning that'
        owner = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if owner is None:  # 'warnings from his attorney that ...', 'claims by Russia that ...'
        sources = gazetteer.preposition_roles()["names_source"]
        source = next(
            (c for c in noun.children if c.dep_ == "prep" and c.lower_ in sources),
            None,
        )
        owner = next((c for c in source.children if c.dep_ == "pobj"), None) if source else None
    if owner is None and noun.dep_ == "dobj" and noun.head.lemma_ in gazetteer.claim_making_verbs():
        owner = subject_of(noun.head)  # 'Trump repeated the claim that ...'
    return owner
