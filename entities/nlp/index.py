"""The actors of one article and their mentions, with the lookups that statements need:
mentions by offset, and what a pronoun or "the ministry" refers to."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from . import gazetteer
from .types import COUNTRY, GROUP, ORGANIZATION, PERSON, Actor, Mention

_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_OTHER = {"they", "it", "them"}
_PERSON_NOUNS = {
    "official", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "leader",
    "diplomat", "envoy", "senator", "governor", "secretary", "chancellor", "ambassador",
}  # fmt: skip
# "the mayor", "the congressman": only a person the article gave that role
_ROLE_NOUNS = {
    "mayor", "congressman", "congresswoman", "lawmaker", "candidate", "nominee", "chairman",
    "chairwoman", "director", "general", "judge", "prosecutor", "attorney", "lawyer",
    "commissioner", "premier", "king", "queen", "economist", "analyst", "professor", "host",
    "moderator", "chief", "commander", "admiral",
}  # fmt: skip
# "the emir added": a ruler is named by title alone, as an official is
_RULER_TITLES = {"emir", "king", "queen", "sultan", "prince", "sheikh", "premier"}
_ORGANISATION_NOUNS = {
    "ministry", "newspaper", "agency", "company", "group", "organisation", "organization",
    "paper", "daily", "department", "office", "firm", "committee", "party", "campaign",
}  # fmt: skip


@dataclass
class ActorDraft:
    name: str
    kind: str
    role: str = ""
    country: str = ""
    aliases: set[str] = field(default_factory=set)
    # "m" or "f" when the article says so ("Mr. Trump", "Mrs. Clinton", "a spokeswoman");
    # "" when it does not, or says both. Pronouns only pass over persons of the other gender.
    gender: str = ""
    # a news agency or outlet: it relays what others say ("..., KCNA reported")
    media: bool = False
    _genders: set[str] = field(default_factory=set, repr=False)

    def gender_seen(self, gender: str) -> None:
        self._genders.add(gender)
        self.gender = gender if len(self._genders) == 1 else ""


@dataclass
class ActorIndex:
    """The actors of one document, their mentions (sorted by offset) and lookups over them."""

    actors: dict[str, ActorDraft]
    mentions: list[Mention]
    # (offset, noun, country) of officials who speak for a country unnamed
    anonymous: list[tuple[int, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]
        self._mentioned = {m.actor for m in self.mentions}

    def frozen_actors(self) -> tuple[Actor, ...]:
        used = {m.actor for m in self.mentions}
        return tuple(
            Actor(
                name=d.name,
                kind=d.kind,
                role=d.role,
                country=d.country if d.country != d.name else "",
                aliases=tuple(sorted(a for a in d.aliases if a != d.name)),
            )
            for d in self.actors.values()
            if d.name in used
        )

    def person_named(self, word: str) -> str | None:
        """The person whose surname is `word`, whatever its case ("PENCE" in a transcript)."""
        word = word.lower()
        matches = [
            a.name
            for a in self.actors.values()
            if a.kind == PERSON and " " in a.name and a.name.split()[-1].lower() == word
        ]
        return matches[0] if len(matches) == 1 else None

    def _role_of(self, actor: str, owner: str) -> bool:
        """Whether an actor's role or country names `owner` ("Somaliland leader": Somaliland)."""
        draft = self.actors[actor]
        owner = owner.lower()
        return owner in draft.role.lower() or owner == draft.country.lower()

    def unnamed_before(self, offset: int, noun: str) -> Mention | None:
        """The country an unnamed official spoke for: 'a senior Indonesian official said ... the
        official told' (the same noun again names the same unnamed person)."""
        for start, word, country in reversed(self.anonymous):
            if start < offset and word.rstrip("s") == noun.rstrip("s"):
                return Mention(actor=country, start=start, end=start, text=word, label="GPE")
        return None

    def mentioned(self, name: str) -> bool:
        """Whether the article names the actor somewhere (only those become actors)."""
        return name in self._mentioned

    def kind_of(self, name: str) -> str:
        return self.actors[name].kind

    def is_media(self, name: str) -> bool:
        return self.actors[name].media

    def person_named_after(self, offset: int, country: str, reach: int) -> Mention | None:
        """The first person named within `reach` characters after `offset` whose country is
        `country` or unknown: 'Qatar's ruling emir opened the summit ... Sheikh Tamim bin
        Hamad Al Thani said' (a lede names the office, the next paragraphs the person)."""
        i = bisect_right(self._starts, offset - 1)
        for m in self.mentions[i:]:
            if m.start >= offset + reach:
                return None
            draft = self.actors[m.actor]
            if draft.kind == PERSON and draft.country in ("", country):
                return m
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect_right(self._starts, start - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping [start, end), preferring the one that covers the most."""
        i = bisect_right(self._starts, end - 1)
        best, best_overlap = None, 0
        for m in self.mentions[max(0, i - 8) : i]:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        return best

    def before(
        self,
        offset: int,
        kinds: set[str],
        last_word: str = "",
        skip: Callable[[int], bool] | None = None,
        gender: str = "",
        role_word: str = "",
        role_owner: str = "",
    ) -> Mention | None:
        """The nearest mention before `offset` of an actor of one of `kinds`, passing over
        mentions for which `skip(start)` is true (names inside quotes are not antecedents)."""
        i = bisect_right(self._starts, offset - 1)
        for m in reversed(self.mentions[:i]):
            if m.end > offset or self.actors[m.actor].kind not in kinds:
                continue
            if skip is not None and skip(m.start):
                continue
            if last_word and last_word not in m.actor.lower().split():
                continue  # "the ministry": the Ministry of Foreign Affairs of China
            if gender and self.actors[m.actor].gender not in ("", gender):
                continue  # "he" is not Mrs. Clinton
            if role_word and role_word not in self.actors[m.actor].role.lower().split():
                continue
            if role_owner and not self._role_of(m.actor, role_owner):
                continue
            return m
        return None


_OFFICE_LOOKBACK = 40  # tokens back to an unnamed office holder ("the UN's rights chief")


def _owner_of_unnamed_office(token: Token, index: ActorIndex) -> Mention | None:
    """'slammed the UN's human rights chief for remarks after he said ...': with no person
    named before it, 'he' is the holder of an office the article named by its owner only, and
    speaks for that owner (the United Nations)."""
    doc = token.doc
    for prev in reversed(doc[max(0, token.i - _OFFICE_LOOKBACK) : token.i]):
        if not _is_person_noun(prev):
            continue
        for owner in (c for c in prev.children if c.dep_ == "poss"):
            found = index.at(owner.idx, owner.idx + len(owner))
            if found is not None and index.kind_of(found.actor) in (ORGANIZATION, COUNTRY):
                return found
    return None


def _is_person_noun(token: Token) -> bool:
    """'official', 'mayor', 'crown prince': a noun for a person's office."""
    return token.lemma_ in _PERSON_NOUNS | _ROLE_NOUNS or token.lower_ in gazetteer.title_words()


def resolve_reference(
    token: Token, index: ActorIndex, skip: Callable[[int], bool] | None = None
) -> Mention | None:
    """The actor a pronoun or a definite nominal ("the ministry", "the official") refers to."""
    lower = token.lower_
    if lower in _PRONOUNS_PERSON:
        gender = "m" if lower in ("he", "him") else "f"
        found = index.before(token.idx, {PERSON}, skip=skip, gender=gender)
        return found if found is not None else _owner_of_unnamed_office(token, index)
    if lower in _PRONOUNS_OTHER:
        return index.before(token.idx, {ORGANIZATION, COUNTRY, GROUP}, skip=skip)
    is_noun = token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower)
    owner = next((c for c in token.lefts if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if is_noun and owner is not None and _is_person_noun(token):
        # "Somaliland's leader said": the person whose role is leader of Somaliland
        return index.before(
            token.idx, {PERSON}, skip=skip, role_word=token.lower_, role_owner=owner.text
        )
    if not is_noun or not any(c.lower_ in ("the", "this", "that") for c in token.lefts):
        return None
    if _is_person_noun(token):
        unnamed = index.unnamed_before(token.idx, token.lemma_)
        if unnamed is not None:
            return unnamed  # "the official": the unnamed official named before
        # "the mayor said": the mayor named before ("the crown prince": the one whose role
        # says so); "the official": else the nearest person
        found = index.before(token.idx, {PERSON}, skip=skip, role_word=token.lower_)
        if found is None and (token.lemma_ in _PERSON_NOUNS or token.lower_ in _RULER_TITLES):
            found = index.before(token.idx, {PERSON}, skip=skip)
        return found
    found = index.before(token.idx, {ORGANIZATION}, last_word=token.lemma_, skip=skip)
    if found is None and token.lemma_ in _ORGANISATION_NOUNS:
        found = index.before(token.idx, {ORGANIZATION}, skip=skip)
    return found
