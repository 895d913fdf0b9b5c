"""The cue: which speech verb a quote hangs on, and which speech verbs say nothing at all.

A quote's verb is looked for next to it, never across another quote, since that verb would
be the other quote's. A verb of speech that was not made (negated, refused, asked about, or
someone else's claim) is no cue of a statement: see `unsaid`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Token

from entities.nlp import gazetteer
from entities.nlp.quotes import CLOSING_MARKS, QuoteSpan
from entities.nlp.syntax import joined_by_that, subject_of

from .draft import Context

_AFTER_GAP = 3  # characters between a closing mark and the next word
_CUE_WINDOW = 20  # tokens after a quote in which its speech verb may stand
_OPENERS = {"“", "«", "„"}
# classes of speech verbs that tell something: refusing one of them is saying nothing
_TELLING = {"say", "report"}


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


def unsaid(ctx: Context, verb: Token) -> bool:
    """Speech that was not made, or not by the verb's subject: negated ('has not accused',
    'never said'), refused ('refused to say', 'declined to comment on whether'), asked
    about ('Asked if she believed ...') or said by someone else about the subject
    ('criticism that Trump was urging ...'). 'Denied that ...' is a statement of its own:
    deny is a speech verb, not a negation."""
    return (
        negated(ctx, verb)
        or refused(ctx, verb)
        or in_question(verb)
        or in_claim_of_other(ctx, verb)
    )


def negated(ctx: Context, verb: Token) -> bool:
    """'has not accused', 'did not mention', "wouldn't say", 'never said'; 'did not confirm
    or deny' negates both verbs. Not negated: 'not only said ... but also', a 'not' of the
    quote the parser hung on the verb ('"Probably not," Moore said'), and a verb of belief
    ('does not believe Russia did it' is a belief that it did not)."""
    if verb.lemma_ in gazetteer.neg_raising_verbs():
        return False
    if any(
        c.dep_ == "neg" and c.i < verb.i and not ctx.quoted(c) and not _not_only(c)
        for c in verb.children
    ):
        return True
    return (
        verb.dep_ == "conj"
        and verb.head.i != verb.i
        and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in verb.head.children)
        and negated(ctx, verb.head)
    )


def _not_only(neg: Token) -> bool:
    following = neg.doc[neg.i + 1] if neg.i + 1 < len(neg.doc) else None
    return following is not None and following.lower_ == "only"


def refused(ctx: Context, verb: Token) -> bool:
    """'refused to say', 'declined to comment on whether ...': a speech verb governed by a
    verb of not speaking; and that verb itself when what it refuses is to tell ('declined to
    comment'), not when it refuses to take a stand ('refused to endorse Trump' is a stand)."""
    refusals = gazetteer.refusal_verbs()
    if verb.dep_ == "xcomp" and verb.head.lemma_ in refusals:
        return True
    return verb.lemma_ in refusals and any(
        c.dep_ == "xcomp"
        and ctx.verbs.get(c.lemma_) in _TELLING
        and not any(p.dep_ == "prt" for p in c.children)  # 'refusing to show up'
        for c in verb.children
    )


def asked_of_subject(verb: Token) -> bool:
    """'Clinton was asked whether ...', 'Asked if she believed ..., Clinton said': a question
    put to someone, whose subject is the one asked, not the one asking."""
    if verb.lemma_ not in gazetteer.question_verbs():
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # a participle with no auxiliary of its own: 'Asked if ...', 'When asked about ...'
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)


def in_question(verb: Token) -> bool:
    """'Asked if she believed Putin wanted ...', 'asked whether he had said ...': a verb in
    the 'if', 'whether' or wh- clause of a question verb was asked about, not said."""
    questions = gazetteer.question_verbs()
    token = verb
    while token.head.i != token.i:
        head = token.head
        if head.lemma_ in questions and token.dep_ in ("ccomp", "advcl") and _asks(token):
            return True
        token = head
    return False


def _asks(clause: Token) -> bool:
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children):
        return True
    return clause.left_edge.tag_ in ("WDT", "WP", "WRB") and clause.left_edge.i < clause.i


def in_claim_of_other(ctx: Context, verb: Token) -> bool:
    """'criticism that Trump was urging ...', 'allegations that he had said ...': a verb in the
    'that' clause of a noun of speech is what the noun's owner says, not the verb's subject.
    A clause the parser took for a relative one counts when 'that' only joins it ('criticism
    that Trump was urging'), not when it is a part of it ('the claim that Trump made')."""
    token = verb
    while token.head.i != token.i:
        head = token.head
        if (
            token.dep_ in ("acl", "ccomp", "relcl")
            and head.pos_ == "NOUN"
            and head.lemma_ in ctx.nouns
            and head.i < token.i
            and joined_by_that(token)
        ):
            return True
        token = head
    return False


def frames(verb: Token, q: QuoteSpan) -> bool:
    """Whether a verb introduces the quote ('He never said: "..."') rather than end a
    sentence of its own before it ('He didn't suggest retaliation. "Our goal is ..."'): it
    has no object or clause outside the quote."""
    return not any(
        c.dep_ in ("dobj", "ccomp", "xcomp") and not q.start <= c.idx < q.end for c in verb.children
    )
