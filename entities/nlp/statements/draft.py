"""What every stage shares: the document being read (`Context`) and a statement in the
making (`Draft`), which later stages may still move, widen, merge or drop."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from entities.nlp import gazetteer
from entities.nlp.index import ActorIndex
from entities.nlp.quotes import QuoteSpan, find_quotes
from entities.nlp.types import Mention


@dataclass
class Draft:
    """A statement before output; mutable because later stages reshape it."""

    kind: str
    start: int
    end: int
    cue: Token | None
    speaker: Mention | None
    speaker_span: tuple[int, int]
    confidence: float
    # the quoted parts of a quote interrupted by its attribution ('"A," she said. "B."')
    parts: list[tuple[int, int]] = field(default_factory=list)

    def extend(self, start: int, end: int) -> None:
        """Take in the next quoted part of the same statement."""
        if not self.parts:
            self.parts.append((self.start, self.end))
        self.parts.append((start, end))
        self.end = end


class Context:
    """One document read once: its parse, actors and quotes, and the word tables, so the
    stages need not look them up again."""

    def __init__(self, doc: Doc, index: ActorIndex) -> None:
        self.doc = doc
        self.text = doc.text
        self.index = index
        self.verbs = gazetteer.speech_verbs()
        self.quote_cues = gazetteer.quote_cues()
        self.object_verbs = gazetteer.object_content_verbs()
        self.prep_verbs = gazetteer.prep_content_verbs()
        self.nouns = gazetteer.speech_nouns()
        self.quotes: list[QuoteSpan] = find_quotes(self.text)
        # sorted offsets for bisect: quotes and tokens are looked up by offset many times
        self._quote_starts = [q.start for q in self.quotes]
        self.token_starts: list[int] = doc.to_array("IDX").tolist()

    def token_index(self, offset: int) -> int:
        """The index of the token that starts at or before `offset`."""
        return max(0, bisect_right(self.token_starts, offset) - 1)

    def quoted(self, token: Token) -> bool:
        """Whether the token stands inside quote marks."""
        return self.quoted_offset(token.idx)

    def quoted_offset(self, offset: int) -> bool:
        i = bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and offset < self.quotes[i].end
