"""The headline is read with the story: "Pence: Gennifer Flowers Won't Be at Debate", "Russia
claims Ukraine tried to strike Putin's residence" are statements, and the names in them are the
story's actors. The title and the body are parsed as one text (the title, a blank line, the
body); the statements found in the title are then marked `in_title` with offsets into the
title, and everything found in the body gets its offsets back into the body."""

from __future__ import annotations

from dataclasses import replace

from .types import Actor, Mention, Statement, Target

SEPARATOR = "\n\n"


# a statement needs a speaker, a verb and what is said: a shorter title holds none
_MIN_WORDS = 3
# how far into the body a title repeated by the body may stand (after a dateline, a byline)
_REPEAT_WINDOW = 300


def read_apart(title: str, body: str) -> bool:
    """Whether the title is a headline of its own, not words the body repeats (a title made
    from the body's first line, or given again in a pasted text): only then is it read."""
    words = title.rstrip(".…").strip()
    if len(words.split()) < _MIN_WORDS:
        return False
    return words not in body[: len(title) + _REPEAT_WINDOW]


def joined(title: str, body: str) -> str:
    """The text that is parsed: a headline of its own opens it as its own paragraph."""
    return f"{title}{SEPARATOR}{body}" if read_apart(title, body) else body


def body_shift(title: str, body: str) -> int:
    return len(title) + len(SEPARATOR) if read_apart(title, body) else 0


def split(
    title: str,
    body: str,
    actors: tuple[Actor, ...],
    mentions: list[Mention],
    statements: list[Statement],
) -> tuple[tuple[Actor, ...], tuple[Mention, ...], tuple[Statement, ...]]:
    """Offsets of the joined text -> offsets into the title (statements marked `in_title`) or
    into the body. Mentions in the title are not kept (the body is where an actor is shown);
    an actor named only in the title stays when a statement speaks it or of it."""
    shift = body_shift(title, body)
    if not shift:
        return actors, tuple(mentions), tuple(statements)
    out_statements = []
    for s in statements:
        if s.content_start < len(title):
            if max(s.content_end, s.speaker_end, s.cue_end) <= shift:
                # a headline without a full stop: its last sentence ran on into the blank line
                end = min(s.content_end, len(title))
                content = s.content[: len(s.content) - (s.content_end - end)]
                out_statements.append(replace(s, in_title=True, content_end=end, content=content))
            continue  # a statement running from the title into the body is no statement
        out_statements.append(_moved(s, shift))
    out_mentions = tuple(
        replace(m, start=m.start - shift, end=m.end - shift) for m in mentions if m.start >= shift
    )
    used = {m.actor for m in out_mentions}
    used |= {s.speaker for s in out_statements if s.speaker}
    used |= {t.actor for s in out_statements for t in s.targets}
    return (
        tuple(a for a in actors if a.name in used),
        out_mentions,
        tuple(out_statements),
    )


def _moved(s: Statement, shift: int) -> Statement:
    def back(offset: int) -> int:
        return max(0, offset - shift)

    return replace(
        s,
        content_start=back(s.content_start),
        content_end=back(s.content_end),
        cue_start=back(s.cue_start),
        cue_end=back(s.cue_end),
        speaker_start=back(s.speaker_start),
        speaker_end=back(s.speaker_end),
        targets=tuple(Target(t.actor, back(t.start), back(t.end), t.stance) for t in s.targets),
        fragments=tuple((back(a), back(b)) for a, b in s.fragments),
    )
