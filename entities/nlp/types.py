"""Frozen dataclasses that carry extraction results out of the NLP core.

Every offset is a Python string offset into the cleaned body (`ExtractionResult.body`),
end exclusive; a statement made in the headline (`in_title`) has its offsets into the title.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

PERSON = "person"
ORGANIZATION = "organization"
COUNTRY = "country"
GROUP = "group"

DIRECT = "direct"
MIXED = "mixed"
INDIRECT = "indirect"
STATEMENT_KINDS = (DIRECT, MIXED, INDIRECT)


@dataclass(frozen=True)
class Metadata:
    url: str = ""
    publisher: str = ""
    published: date | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class CleanText:
    """A cleaned document and the map from each body character back to the raw input."""

    title: str
    body: str
    metadata: Metadata
    # source_offsets[i] is the raw-input offset of body[i]; len(body) + 1 entries, the last
    # one mapping the end of the body.
    source_offsets: tuple[int, ...] = ()

    def to_source(self, offset: int) -> int:
        if not self.source_offsets:
            return offset
        return self.source_offsets[min(offset, len(self.source_offsets) - 1)]


@dataclass(frozen=True)
class Actor:
    """An actor as named within one article; `name` is its canonical name."""

    name: str
    kind: str
    role: str = ""
    country: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    actor: str  # canonical name of the Actor it refers to
    start: int
    end: int
    text: str
    label: str  # spaCy label, or PRON / NOUN / SURNAME for resolved references


NEGATIVE, POSITIVE, NEUTRAL = "negative", "positive", "neutral"


@dataclass(frozen=True)
class Target:
    actor: str
    start: int
    end: int
    # the speaker's attitude toward the actor in this statement
    stance: str = NEUTRAL


@dataclass(frozen=True)
class Statement:
    kind: str
    content: str  # the speaker's words: the fragments joined with " … " when there are several
    content_start: int
    content_end: int
    cue: str
    cue_lemma: str
    cue_start: int
    cue_end: int
    cue_class: str
    speaker: str | None  # canonical actor name, None when unresolved
    speaker_text: str
    speaker_start: int
    speaker_end: int
    confidence: float
    targets: tuple[Target, ...] = ()
    # a quote interrupted by its attribution: the (start, end) of each quoted part; empty when
    # the content is one piece
    fragments: tuple[tuple[int, int], ...] = ()
    # said in the headline: every offset of the statement is then into the title, not the body
    in_title: bool = False


@dataclass(frozen=True)
class ExtractionResult:
    title: str
    body: str
    metadata: Metadata
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    statements: tuple[Statement, ...] = field(default_factory=tuple)
    model: str = ""
    pipeline_version: str = ""
