"""The cue: which speech verb a quote hangs on, and which speech verbs say nothing at all.

A quote's verb is looked for next to it, never across another quote, since that verb would
be the other quote's.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Token

from entities.nlp.quotes import CLOSING_MARKS, QuoteSpan
from entities.nlp.syntax import subject_of

from .draft import Context

_AFTER_GAP = 3  # characters between a closing mark and the next word
_CUE_WINDOW = 20  # tokens after a quote in which its speech verb may stand
_OPENERS = {"“", "«", "„"}


def cue_for_quote(ctx: Context, q: QuoteSpan) -> Token | None:
    """The speech verb of a quote: after it in the sentence that follows the closing mark
    ('"...," Clinton said'), else before it in the sentence that opens it ('He said: "...').
    Another quote in between ends the search: that verb is the other quote's."""
    doc = ctx.doc
    i = bisect_right(ctx.token_starts, q.end)
    while i < len(doc) and doc[i].is_punct:
        i += 1
    after = doc[i] if i < len(doc) else None
    if after is not None and after.idx - q.end <= _AFTER_GAP:
        limit = min(after.sent.end, after.i + _CUE_WINDOW)
        for t in doc[after.i : limit]:
            if ctx.quoted(t) or t.text in _OPENERS:
                break
            if _is_cue(ctx, t) and not _says_other(ctx, t, q):
                return t
    i = bisect_left(ctx.token_starts, q.start) - 1
    while i >= 0 and doc[i].idx + len(doc[i]) >= q.start:
        i -= 1
    before = doc[i] if q.start and i >= 0 else None
    if before is not None and q.start - (before.idx + len(before)) <= _AFTER_GAP:
        for t in reversed(doc[before.sent.start : before.i + 1]):
            if ctx.quoted(t) or t.text in CLOSING_MARKS:
                break
            if _is_cue(ctx, t) and not _says_other(ctx, t, q):
                return t
    return None


def _is_cue(ctx: Context, t: Token) -> bool:
    return t.lemma_ in ctx.quote_cues and t.pos_ == "VERB"


def _says_other(ctx: Context, verb: Token, q: QuoteSpan) -> bool:
    """A verb with a clause of its own after it says that clause, not the quote before it:
    '"... editorial policy." The network said it would send her to Crimea', 'exhorted them
    to "vote your conscience" and said he was standing on principle'."""
    text = ctx.text
    quoted = text[q.start : q.end].rstrip()
    if quoted.endswith(",") or text.startswith(",", q.end + 1):
        return False  # '"... investigated," Warren told Stumpf, after he admitted ...'
    return any(
        c.dep_ == "ccomp"
        and c.i > verb.i
        and not c.left_edge.idx <= q.start <= c.right_edge.idx
        and "," not in text[verb.idx : c.left_edge.idx]
        and not ctx.quoted(c)
        for c in verb.children
    )


def nobody_speaks(verb: Token) -> bool:
    """An order to the reader ('Now tell us this isn't ...') or a gerund with no one doing it
    ('It goes without saying that', 'without knowing how ...')."""
    subject = subject_of(verb)
    if verb.tag_ == "VBG":
        if subject is not None:  # 'began by saying he would never ...': whoever began
            return subject.lower_ == "it"  # 'It goes without saying that ...'
        return verb.dep_ != "acl"  # 'a letter saying that ...' is the letter's
    if subject is not None:
        return False
    return verb.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
