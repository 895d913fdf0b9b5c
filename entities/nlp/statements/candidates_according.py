"""'According to X, ...' and '..., according to X': X is the source of the clause the
phrase stands by, unless a speech verb before it already reports that clause."""

from __future__ import annotations

from spacy.tokens import Token

from entities.nlp import gazetteer
from entities.nlp.types import INDIRECT

from .draft import Context, Draft
from .speaker import SPEAKER_PREFERENCE, resolve_subject


def according_draft(ctx: Context, token: Token) -> Draft | None:
    """The statement credited to the object of 'according to' (`token` is 'according')."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    sent = token.sent
    intentions = gazetteer.intention_verbs()
    if any(
        t.lemma_ in ctx.verbs and t.pos_ == "VERB" and t.lemma_ not in intentions
        for t in sent
        if t.i < token.i
    ):
        return None  # "X said ..., according to Y": Y is the reporter's source of the report
    phrase_start = token.left_edge.i
    phrase_end = max(token.right_edge.i, source.right_edge.i) + 1
    opening = phrase_start - sent.start < 3
    comma = next((t for t in sent if t.i > to.i and t.text == ","), None)
    if opening and comma is not None and comma.i < phrase_end:
        # "According to an AFP photographer at the scene, Glas, 54, was moved": the source
        # ends at the first comma, whatever the parser hung on it
        phrase_end = comma.i
    if not opening:
        # "The top 1 percent would gain 19.9 percent, according to X, more than ...":
        # what X says is the clause before the phrase
        content = [t for t in sent if t.i < phrase_start and not t.is_punct]
    else:  # "According to X, ..."
        content = [t for t in sent if t.i >= phrase_end and not t.is_punct]
    if len(content) < 3:
        return None
    start, end = content[0].idx, content[-1].idx + len(content[-1])
    speaker, sspan = resolve_subject(ctx, source)
    if opening and comma is not None:
        within = ctx.index.within(to.idx + len(to), comma.idx)
        if within:
            speaker = min(
                within, key=lambda m: SPEAKER_PREFERENCE.get(ctx.index.kind_of(m.actor), 9)
            )
            sspan = (ctx.doc[to.i + 1].idx, comma.idx)
        elif speaker is not None and not to.idx < speaker.start < comma.idx:
            speaker, sspan = None, (ctx.doc[to.i + 1].idx, comma.idx)
    return Draft(INDIRECT, start, end, token, speaker, sspan, 0.6)
