"""Named-entity spans -> the actors of one article and their mentions.

spaCy's small English model finds most names but mislabels some ("Campbell" as ORG, "Kyiv" as
PERSON, "Director of National Intelligence Avril Haines" as one ORG); the rules here repair the
common cases: titles split into roles, surnames linked to full names, countries named by their
capitals, demonyms or aliases, and "Seoul's foreign ministry" made an organisation of its own.

Where to look:
  spans.py          entity spans repaired: trimmed, datelines and headings dropped, particles
  persons.py        persons: titles split into roles, gender, surnames and initials linked
  countries.py      countries: GPE/NORP, capitals, untagged names, 'the government' again
  organisations.py  bodies and agencies of the table, ministries, media, unnamed officials
  merging.py        one actor under two names: epithets, acronyms, initials
  builder.py        the shared state: actors, mentions, tokens taken, `_add`, `_mention`
The word lists the rules use are in entities/nlp/data/, read through `gazetteer`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from entities.nlp import gazetteer
from entities.nlp.index import ActorIndex
from entities.nlp.types import ORGANIZATION

from .builder import ACTOR_LABELS
from .countries import CountryRules
from .merging import MergingRules
from .organisations import OrganisationRules
from .persons import PersonRules
from .spans import (
    _capitalised_modifier,
    _dateline,
    _heading_only,
    _place_below_country,
    _thing,
    _trim,
    _with_particles,
)

__all__ = ["find_actors"]


def find_actors(doc: Doc) -> ActorIndex:
    builder = _Builder(doc)
    builder.run()
    return ActorIndex(actors=builder.actors, mentions=builder.mentions, anonymous=builder.anonymous)


class _Builder(PersonRules, CountryRules, OrganisationRules, MergingRules):
    """The rules of every kind over one article, run in order."""

    def run(self) -> None:
        spans = [
            s
            for s in (_trim(e) for e in self.doc.ents if e.label_ in ACTOR_LABELS)
            if s
            and not _dateline(s)
            and not _capitalised_modifier(s)
            and not _heading_only(s, self.text)
            and not _thing(s)
        ]
        singles: list[Span] = []
        for span in spans:
            span = _with_particles(span)
            if self._known_body(span) or self._country(span) or self._body_of_country(span):
                continue
            if _place_below_country(span):
                continue  # "Spera district", "the port city of Guayaquil"
            if span.label_ in ("PERSON", "ORG", "NORP", "GPE") and len(span) == 1:
                singles.append(span)  # a NORP or GPE that is no country may be a name ("Tamim")
            elif span.label_ == "PERSON":
                self._person(span, span)
            elif span.label_ == "ORG":
                self._organisation(span)
            elif span.label_ == "FAC" and span[-1].lower_ in gazetteer.institution_heads():
                # FAC spans named like institutions ("the Stimson Center") act as organisations
                self._add(span, span.text, ORGANIZATION, "ORG")
        for span in singles:
            self._single(span)
        self._named_media()
        self._unlabelled_countries()
        self._unlabelled_surnames()
        self._unlabelled_initials()
        self._unlabelled_bodies()
        self._anonymous_officials()
        self._governments_named_again()
        self._merge_epithets()

    def _single(self, span: Span) -> None:
        person = self._person_by_part(span[0])
        if person is not None:
            self._mention(span, person, "PERSON")
        elif span.label_ in ("NORP", "GPE"):
            return  # a place or people the tables do not know, and no person's name
        elif span.label_ == "PERSON":
            self._person(span, span)
        else:
            self._organisation(span)
