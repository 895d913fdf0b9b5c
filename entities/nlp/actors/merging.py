"""One actor under two names of the same article, merged into one: an epithet before a full
name ('Crooked Hillary Clinton'), a surname capitalised at a sentence start ('De Blasio'), an
acronym of an organisation or a person's initials ('IMF', 'MBS')."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from entities.nlp.index import ActorDraft
from entities.nlp.types import ORGANIZATION, PERSON

from .builder import Builder

# words an organisation's initials leave out ("Securities and Exchange Commission": SEC)
_SMALL_WORDS = {"of", "and", "the", "for", "on", "in", "&"}


class MergingRules(Builder):
    """The last step: actors named twice under different names become one."""

    if TYPE_CHECKING:  # persons.py: "MBS" for Mohammed bin Salman

        def _person_initials(self) -> dict[str, ActorDraft]: ...

    def _hyphenated_surnames(self, persons: list[ActorDraft]) -> dict[str, ActorDraft]:
        """'Al-Burhan', 'al-Burhan' after 'Abdel-Fattah Al-Burhan': a surname written with
        its particle as one word, which the model tags as a name of its own, is the one
        person whose full name ends with it."""
        out: dict[str, ActorDraft] = {}
        for draft in self.actors.values():
            if draft.kind != PERSON or " " in draft.name or "-" not in draft.name:
                continue
            owners = [p for p in persons if p.name.split()[-1].lower() == draft.name.lower()]
            if len(owners) == 1:
                out[draft.name] = owners[0]
        return out

    def _merge_epithets(self) -> None:
        """One actor under two names of the same article: 'Crooked Hillary Clinton' is Hillary
        Clinton (a name that ends with another person's full name, after words the model took
        for a first name); 'De Blasio' opening a sentence is Bill de Blasio; 'IMF' is the
        International Monetary Fund named before."""
        persons = [d for d in self.actors.values() if d.kind == PERSON and " " in d.name]
        into: dict[str, ActorDraft] = {}
        for longer in persons:
            for shorter in persons:
                if shorter is not longer and longer.name.endswith(" " + shorter.name):
                    if shorter.name not in into:  # not itself merged away
                        into[longer.name] = shorter
                    break
                if (
                    shorter is not longer
                    and longer.name.lower().endswith(" " + shorter.name.lower())
                    and shorter.name[:1].isupper()
                    and longer.name[-len(shorter.name)].islower()
                ):
                    into[shorter.name] = longer  # "De Blasio" opening a sentence: Bill de Blasio
                    break
        into.update(self._acronyms())
        into.update(self._hyphenated_surnames(persons))
        if not into:
            return
        for name, survivor in list(into.items()):
            seen = {name}
            while survivor.name in into and survivor.name not in seen:  # A -> B -> C: A -> C
                seen.add(survivor.name)
                survivor = into[survivor.name]
            into[name] = survivor
        into = {name: survivor for name, survivor in into.items() if survivor.name not in into}
        for name, survivor in into.items():
            merged = self.actors.pop(name)
            survivor.aliases |= merged.aliases
            survivor.role = survivor.role or merged.role
            survivor.country = survivor.country or merged.country
        self.mentions = [
            replace(m, actor=into[m.actor].name) if m.actor in into else m for m in self.mentions
        ]

    def _acronyms(self) -> dict[str, ActorDraft]:
        """'IMF' after 'International Monetary Fund', 'S.E.C.' after 'Securities and Exchange
        Commission': an organisation named by the initials of another one of the article."""
        orgs = [d for d in self.actors.values() if d.kind == ORGANIZATION]
        by_initials: dict[str, ActorDraft] = {}
        for d in orgs:
            words = [w for w in re.split(r"[\s-]+", d.name) if w and w.lower() not in _SMALL_WORDS]
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                by_initials.setdefault("".join(w[0] for w in words), d)
        by_initials.update(self._person_initials())
        out = {}
        for d in self.actors.values():
            letters = d.name.replace(".", "")
            if 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha():
                full = by_initials.get(letters)
                if full is not None and full is not d:
                    out[d.name] = full
        return out
