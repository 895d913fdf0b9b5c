"""Direct speech: transcript turns ('PENCE: ...') and quotes in marks, each with its cue and
speaker, or taken into the reported speech that hosts it.

A quote and the reported clause around it are one statement, so this stage may change or
take drafts of the reported list it is given.
"""

from __future__ import annotations

import re

from entities.nlp import gazetteer
from entities.nlp.quotes import CLOSING_MARKS, QuoteSpan, is_title
from entities.nlp.types import DIRECT, INDIRECT, MIXED, Mention

from .cue import asked_of_subject, cue_for_quote, frames, unsaid
from .draft import Context, Draft
from .overlaps import follows_attribution
from .speaker import between, signed, speaker_of

_MIN_QUOTE_WORDS = 4  # shorter quotes are scare quotes or fragments, not statements
_DIRECT_COVERAGE = 0.8  # a quote covering this much of a reported clause makes it direct
_NEAR = 25  # characters between a short quote and its cue: '?" she asked', 'said: "'
_INHERIT_WINDOW = 400  # characters back to look for the speaker of a quote without a cue
# a transcript turn: an optional opening mark, a name of at most four words, a colon
_TURN = re.compile(
    r"(?m)^[\"“]?(?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}): +(?P<said>[^\n]+)$"
)


# a headline signed with a dash: "Hungarian ambassador to be summoned ... – Nikolenko"
_SIGNED_HEADLINE = re.compile(
    r"\A(?P<said>[^\n]{12,}?) +[–—-] +(?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}) *$",
    re.MULTILINE,
)


def signed_headline(ctx: Context) -> Draft | None:
    """'Hungarian ambassador to be summoned to Ukrainian MFA over Orban's statement – Nikolenko':
    a headline that ends with a dash and a known actor's name is that actor's statement, as
    agencies title what an official said."""
    m = _SIGNED_HEADLINE.match(ctx.text)
    if m is None:
        return None
    name = m.group("name")
    found = ctx.index.at(m.start("name"), m.end("name"))
    person = ctx.index.person_named(name) if " " not in name else None
    if person is not None:
        found = Mention(
            actor=person, start=m.start("name"), end=m.end("name"), text=name, label="SURNAME"
        )
    if found is None or found.start != m.start("name"):
        return None
    # a headline sums up what was said in the agency's words: reported, not quoted
    span = (found.start, found.end)
    return Draft(INDIRECT, m.start("said"), m.end("said"), None, found, span, 0.7)


def transcript_turns(ctx: Context) -> list[Draft]:
    """Interview transcripts: a paragraph that opens with 'PENCE:' or 'Chris Wallace:' is
    that speaker's turn."""
    text, index = ctx.text, ctx.index
    out = []
    for m in _TURN.finditer(text):
        name = m.group("name")
        if name.lower() in gazetteer.not_speakers():
            continue
        found = index.at(m.start("name"), m.end("name"))
        # "Pence: Gennifer Flowers Won't Be at Debate": a headline opening with a name and a
        # colon is that source's claim, whoever the model recognised
        headline = m.start() == 0 and name[:1].isupper()
        if not (
            name.isupper() or headline or (found is not None and found.start == m.start("name"))
        ):
            continue  # only shouted names or recognised actors: "Note:" is not a turn
        start, end = m.start("said"), m.end("said")
        end -= len(text[start:end]) - len(text[start:end].rstrip(' "”'))
        span = (m.start("name"), m.end("name"))
        person = index.person_named(name) if " " not in name else None
        if person is not None:  # "PENCE:" is Mike Pence, named in full before
            found = Mention(actor=person, start=span[0], end=span[1], text=name, label="SURNAME")
        elif found is not None:
            span = (found.start, found.end)
        out.append(Draft(DIRECT, start, end, None, found, span, 0.8))
    headline = signed_headline(ctx)
    if headline is not None and not any(d.start < headline.end for d in out):
        out.insert(0, headline)
    return out


def quote_candidates(ctx: Context, turns: list[Draft], reported: list[Draft]) -> list[Draft]:
    """The turns, then the direct statements of the quotes in quote order (a quote without a
    cue continues the speaker of the draft before it).

    A quote inside a reported draft makes that draft mixed, or direct when the quote is
    nearly all of it; a direct one moves from `reported` to the result.
    """
    text = ctx.text
    drafts = list(turns)
    for q in ctx.quotes:
        if any(d.start <= q.start < d.end for d in drafts if d.cue is None):
            continue  # inside a transcript turn: the turn is the statement
        title = is_title(text[q.start : q.end])
        if title and q.words(text) >= _MIN_QUOTE_WORDS:
            continue  # a quoted name ("A Change Is Gonna Come"), even inside reported speech
        host = next(
            (
                r
                for r in reported
                if r.start <= q.start
                and q.end <= r.end + 1
                # '"..., I think, to be disruptive ..."': speech inside a quote hosts nothing
                and not (r.cue is not None and ctx.quoted(r.cue))
            ),
            None,
        )
        if host is not None:
            _host(ctx, q, host, reported, drafts)
            continue
        short = q.words(text) < _MIN_QUOTE_WORDS
        if short and not title and drafts and follows_attribution(text, drafts[-1], q.start):
            # '"Here comes Big Daddy," she said. "The Donald."'
            drafts[-1].extend(q.start, q.end)
            continue
        if title:
            continue  # a quoted name: "Morning Joe", "The Steve Harvey Morning Show"
        draft = _direct(ctx, q, drafts, short=short)
        if draft is None:
            continue
        lead = _leading_reported(ctx, q, draft, reported)
        if lead is not None:
            lead.kind = MIXED
            lead.end = q.end + (ctx.text[q.end : q.end + 1] in CLOSING_MARKS)
            reported.remove(lead)
            draft = lead
        drafts.append(draft)
    return drafts


_MAX_LEAD_GAP = 80  # characters between reported words and the quote that ends them


def _leading_reported(
    ctx: Context, q: QuoteSpan, direct: Draft, reported: list[Draft]
) -> Draft | None:
    """'accusing Israel of not caring about its hostages and instead only working to "ensure
    Gaza is no longer livable"': the reported words of the quote's own cue, ended by the
    parser just before the quote in the same sentence, run on into it (one mixed statement)."""
    if direct.cue is None or direct.cue.idx > q.start:
        return None
    for r in reported:
        if r.cue is None or r.cue.i != direct.cue.i or not (r.start < r.end <= q.start):
            continue
        gap = ctx.text[r.end : q.start]
        if len(gap) > _MAX_LEAD_GAP or any(mark in gap for mark in ".;:\n"):
            return None
        first, last = ctx.token_index(r.end - 1), ctx.token_index(q.start)
        if ctx.doc[first].sent.start != ctx.doc[last].sent.start:
            return None
        if any(t.lemma_ in ctx.verbs and t.pos_ == "VERB" for t in ctx.doc[first + 1 : last]):
            return None  # another speech verb between: the quote is not this content's
        return r
    return None


def _host(
    ctx: Context, q: QuoteSpan, host: Draft, reported: list[Draft], drafts: list[Draft]
) -> None:
    """A quote inside reported speech: the reported draft becomes direct (moved from
    `reported` to `drafts`) or mixed."""
    # '"We will respond," Police Chief Chuck Jordan said': a parse that pulls the
    # name after the quote into the clause; the quote is the whole statement
    cue = host.cue
    cue_follows = cue is not None and cue.idx > q.end >= host.start
    if cue_follows or (q.end - q.start) >= _DIRECT_COVERAGE * (host.end - host.start):
        if cue is not None and cue_follows:
            host.speaker, host.speaker_span = between(
                ctx, q, cue, (host.speaker, host.speaker_span)
            )
        host.kind, host.start, host.end = DIRECT, q.start, q.end
        reported.remove(host)
        drafts.append(host)
    else:
        host.kind = MIXED


def _direct(ctx: Context, q: QuoteSpan, drafts: list[Draft], *, short: bool) -> Draft | None:
    """A quote of its own: signed with a dash, hung on a cue, or continuing the last speaker."""
    sign = signed(ctx, q)
    if sign is not None:
        return Draft(DIRECT, q.start, q.end, None, sign[0], sign[1], 0.8)
    cue = cue_for_quote(ctx, q)
    if cue is not None and unsaid(ctx, cue):
        if frames(cue, q):
            return None  # 'He never said, "..."': not a statement, nor the last speaker's
        cue = None  # 'He didn't suggest retaliation. "..."': the verb is not this quote's
    if short:
        # a short quote is a statement only when a cue stands right by it ('"You winning?"
        # she asked'); otherwise it is a scare quote or a title
        near = cue is not None and (
            0 <= cue.idx - q.end <= _NEAR or 0 <= q.start - (cue.idx + len(cue)) <= 3
        )
        if not near:
            return None
    if cue is not None:
        speaker, sspan = speaker_of(ctx, cue)
        if cue.idx > q.end and not asked_of_subject(cue):  # '"...?" Clinton was asked'
            speaker, sspan = between(ctx, q, cue, (speaker, sspan))
        return Draft(DIRECT, q.start, q.end, cue, speaker, sspan, 0.9 if speaker else 0.5)
    # "“A,” he said. “B.”": a quote with no cue of its own continues the last speaker
    last = drafts[-1] if drafts else None
    if short:
        return None
    if last is not None and last.speaker is not None and q.start - last.end < _INHERIT_WINDOW:
        return Draft(DIRECT, q.start, q.end, None, last.speaker, last.speaker_span, 0.6)
    return None
