"""One statement per stretch of text: quote parts split by their attribution are joined,
reported speech whose cue a quote already took goes, and of two drafts sharing most of their
content the better one stays."""

from __future__ import annotations

import re

from entities.nlp.index import ActorIndex
from entities.nlp.types import DIRECT

from .draft import Context, Draft

# between the parts of one quote stands only its attribution, ended by punctuation:
# '"A," she said. "B."' - not '"A," she said, but as he went on about "B,"'
_ATTRIBUTION_ONLY = re.compile(r"[.,:;]\s*\W{0,2}$")
# '," said Douglas Holtz-Eakin, an economist who served as director of the CBO. "' fits
_MAX_GAP_BETWEEN_PARTS = 150


def follows_attribution(text: str, prev: Draft, start: int) -> bool:
    """Whether what starts at `start` goes on the quote `prev`, with only `prev`'s
    attribution between them ('"A," Clinton said. "B."')."""
    return (
        prev.kind == DIRECT
        and prev.cue is not None
        and prev.end <= prev.cue.idx < start
        and start - prev.end <= _MAX_GAP_BETWEEN_PARTS
        and "\n" not in text[prev.end : start]
        and _ATTRIBUTION_ONLY.search(text[prev.end : start]) is not None
    )


def merge_quote_parts(drafts: list[Draft], text: str) -> list[Draft]:
    """'"A," Clinton said. "B."' is one statement: the second part has no cue of its own.
    `drafts` must be in text order."""
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and follows_attribution(text, prev, d.start)
            and d.kind == DIRECT
            and (d.cue is None or (prev.cue is not None and d.cue.i == prev.cue.i))
        ):
            prev.extend(d.start, d.end)
            continue
        out.append(d)
    return out


def unclaimed_reported(ctx: Context, drafts: list[Draft], reported: list[Draft]) -> list[Draft]:
    """The reported drafts still wanted: not those whose verb is a quote's cue (the quote is
    that statement) nor those said inside a quote (the quote's speaker says them)."""
    used_cues = {d.cue.i for d in drafts if d.cue is not None}
    return [
        r for r in reported if r.cue is None or (r.cue.i not in used_cues and not ctx.quoted(r.cue))
    ]


def drop_overlaps(drafts: list[Draft], index: ActorIndex) -> list[Draft]:
    """Where two statements share most of their content, keep the better one.

    What a news agency reports someone said is that someone's statement ('Kim said ...,
    KCNA reported'): the agency only relays it. A quote without a verb of its own after
    'According to X,' is X's, and so is reported speech inside X's words. Otherwise a direct
    quote beats reported speech
    (speech reported inside a quote belongs to the quote), then the more confident, then the
    longer.
    """
    kept: list[Draft] = []
    for d in drafts:
        clash = next((k for k in kept if _overlap(k, d) > 0.5), None)
        if clash is None:
            kept.append(d)
        elif _attributed_quote(clash, d) or _attributed_quote(d, clash):
            quote, source = (clash, d) if clash.kind == DIRECT else (d, clash)
            # 'According to Orbán, "Russia's goal is ..."': the quote is Orbán's
            quote.cue, quote.speaker = source.cue, source.speaker
            quote.speaker_span = source.speaker_span
            kept[kept.index(clash)] = quote
        elif _sourced(clash, d):
            continue
        elif (
            _sourced(d, clash)
            or _relayed(clash, d, index)
            or (not _relayed(d, clash, index) and _rank(d) > _rank(clash))
        ):
            kept[kept.index(clash)] = d
    return kept


def _sourced(source: Draft, inner: Draft) -> bool:
    """'Clinton plans to visit Charlotte on Sunday, according to a campaign aide': what the
    words of an 'according to' source contain (a plan, a claim) is the source's statement."""
    return (
        source.cue is not None
        and source.cue.lower_ == "according"
        and inner.kind != DIRECT
        and inner.cue is not None
        and source.start <= inner.cue.idx < source.end
    )


def _attributed_quote(quote: Draft, source: Draft) -> bool:
    """A quote with no verb of its own that an 'according to X' phrase credits to X."""
    return (
        quote.kind == DIRECT
        and quote.cue is None
        and source.cue is not None
        and source.cue.lower_ == "according"
        and source.speaker is not None
    )


def _relayed(channel: Draft, inner: Draft, index: ActorIndex) -> bool:
    """Whether `channel` is a news outlet's report of the statement `inner`, said by someone
    else within it ('Kim said ..., KCNA reported')."""
    return (
        channel.speaker is not None
        and index.is_media(channel.speaker.actor)
        and (inner.speaker is None or inner.speaker.actor != channel.speaker.actor)
        and inner.cue is not None
        and channel.start <= inner.cue.idx < channel.end
    )


def _rank(d: Draft) -> tuple[bool, float, int]:
    return (d.kind == DIRECT, d.confidence, d.end - d.start)


def _overlap(a: Draft, b: Draft) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared / max(1, min(a.end - a.start, b.end - b.start))
