"""The state every actor rule shares: the actors found so far, their mentions, and the tokens
already spoken for, so that no later rule reads the same words as a second actor."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from entities.nlp import gazetteer
from entities.nlp.index import ActorDraft
from entities.nlp.types import ORGANIZATION, PERSON, Mention

_POSSESSIVE = re.compile(r"(?<=\w)[’']s$")
# the small model tags some lower-case nouns PROPN ("Seoul's foreign ministry said")
_BODY_POS = ("ADJ", "NOUN", "PROPN")
_MAX_NAME_TOKENS = 6
# the model's entity labels that can name an actor
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


class Builder:
    """One article's actors in the making; the rule mixins of this package add to it."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: read it once
        self.countries = gazetteer.countries()
        self.titles = gazetteer.title_words()
        self.actors: dict[str, ActorDraft] = {}
        self.mentions: list[Mention] = []
        self.taken: set[int] = set()  # token indices already inside a mention or a role
        self.first_seen: dict[str, int] = {}  # actor name -> offset of its first mention
        # "junta" -> "Myanmar": the country whose government the article named by that noun
        self.governments: dict[str, str] = {}
        # (offset, noun, country) of unnamed officials: "a senior Indonesian government official"
        self.anonymous: list[tuple[int, str, str]] = []

    # -- bookkeeping ----------------------------------------------------------------------

    def _add(self, span: Span, name: str, kind: str, label: str, country: str = "") -> ActorDraft:
        name = _POSSESSIVE.sub("", name) or name  # "Trump’s" tokenised as one word
        draft = self.actors.get(name)
        if draft is None:
            draft = self.actors[name] = ActorDraft(name=name, kind=kind, country=country)
        elif draft.kind == ORGANIZATION and kind == PERSON:
            draft.kind = PERSON  # "Lester Holt" tagged ORG once and PERSON elsewhere: a person
        if country and not draft.country:
            draft.country = country  # named first without it ("the ministry"), then with it
        self._mention(span, draft, label)
        return draft

    def _mention(self, span: Span, draft: ActorDraft, label: str, *, alias: bool = True) -> None:
        """Record a mention of `draft`; its words become an alias unless `alias` is False (a
        description such as "the government" names the actor here, not in other articles)."""
        if alias:
            draft.aliases.add(span.text)
        seen = self.first_seen.get(draft.name)
        if seen is None or span.start_char < seen:
            self.first_seen[draft.name] = span.start_char
        self.mentions.append(
            Mention(
                actor=draft.name,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                label=label,
            )
        )
        self.taken.update(range(span.start, span.end))

    def _mentions_at(self, token: Token) -> list[Mention]:
        return [m for m in self.mentions if m.start <= token.idx < m.end]
