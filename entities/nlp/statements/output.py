"""A finished draft as the public `Statement`: the cue written out with its class, the
content without the attribution inside it, targets, and a confidence capped without speaker."""

from __future__ import annotations

from entities.nlp.types import Statement

from .draft import Context, Draft
from .stance import with_stances
from .targets import targets_of


def to_statement(ctx: Context, d: Draft) -> Statement:
    speaker = d.speaker.actor if d.speaker else None
    cue = d.cue
    if cue is None:
        cue_text, lemma, cue_start, cue_end, cue_class = "", "", d.start, d.start, "say"
    elif cue.lower_ == "according":
        cue_text, lemma, cue_class = "according to", "according to", "report"
        cue_start, cue_end = cue.idx, cue.idx + len("according to")
    else:
        cue_class = ctx.verbs.get(cue.lemma_) or ctx.nouns.get(cue.lemma_, "say")
        cue_text, lemma = cue.text, cue.lemma_
        cue_start, cue_end = cue.idx, cue.idx + len(cue)
    s0, s1 = d.speaker_span
    pieces = d.parts if len(d.parts) > 1 else [(d.start, d.end)]
    text = ctx.text
    return Statement(
        kind=d.kind,
        # '"A," she said. "B."': the speaker's words without the attribution between them
        content=" … ".join(text[a:b] for a, b in pieces),
        content_start=d.start,
        content_end=d.end,
        cue=cue_text,
        cue_lemma=lemma,
        cue_start=cue_start,
        cue_end=cue_end,
        cue_class=cue_class,
        speaker=speaker,
        speaker_text=text[s0:s1],
        speaker_start=s0,
        speaker_end=s1,
        confidence=d.confidence if speaker else min(d.confidence, 0.4),
        targets=with_stances(ctx, d, speaker, targets_of(ctx, d, speaker)),
        fragments=tuple(d.parts) if len(d.parts) > 1 else (),
    )
