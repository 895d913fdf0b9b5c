"""The sentence a statement sits in: one definition, read by the statement_sentence template tag
(which marks speaker, verb and content in it) and by the exports (its plain text).

A statement from selectors.with_sentences brings the piece of its article's body around it
(`window`, starting at `window_start`); otherwise its article's body (or title) is read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from entities.selectors.statements import SENTENCE_REACH

SENTENCE_END = (". ", "? ", "! ", "\n", ".\u201d ", '." ')


@dataclass(frozen=True)
class Sentence:
    text: str  # the text the offsets below point into
    offset: int  # where `text` starts in the body (or title)
    start: int  # the sentence, [start, stop) in `text`
    stop: int
    cut: bool  # the sentence started more than SENTENCE_REACH before the statement: cut there


def _extent(statement: Any) -> tuple[int, int]:
    pairs = [
        (statement.content_start, statement.content_end),
        (statement.cue_start, statement.cue_end),
        (statement.speaker_start, statement.speaker_end),
    ]
    pairs = [(a, b) for a, b in pairs if b > a] or [(statement.content_start,) * 2]
    return min(a for a, _ in pairs), max(b for _, b in pairs)


def statement_sentence_bounds(statement: Any) -> Sentence:
    """Where the sentence(s) around the statement's speaker, verb and content begin and end."""
    window = getattr(statement, "window", None)
    if window is None:
        text = statement.article.title if statement.in_title else statement.article.body
        offset = 0
    else:
        text, offset = window, statement.window_start
    first, last = (x - offset for x in _extent(statement))
    bounds = [text.rfind(m, 0, first) for m in SENTENCE_END]
    found = max(
        ((i + len(m)) for i, m in zip(bounds, SENTENCE_END, strict=True) if i != -1), default=0
    )
    cut = first - found > SENTENCE_REACH
    start = first if cut else found
    stops = [text.find(m, max(first, last - 2)) for m in SENTENCE_END]
    ends = [i + len(m.rstrip()) for i, m in zip(stops, SENTENCE_END, strict=True) if i != -1]
    stop = min([*ends, len(text), last + SENTENCE_REACH])
    return Sentence(text=text, offset=offset, start=start, stop=stop, cut=cut)


def statement_sentence_text(statement: Any) -> str:
    """The sentence around the statement as plain text (one line: white space joined)."""
    s = statement_sentence_bounds(statement)
    return ("…" if s.cut else "") + " ".join(s.text[s.start : s.stop].split())
