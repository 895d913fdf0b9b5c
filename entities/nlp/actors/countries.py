"""Countries: GPE and NORP spans the tables know (names, capitals, demonyms, aliases), country
names and capitals the model left untagged, and 'the government' or 'the junta' named again
as the country it governs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from entities.nlp import gazetteer
from entities.nlp.types import COUNTRY

from .builder import _BODY_POS, ACTOR_LABELS, Builder

# characters back to the country that "the government" belongs to, failing a named one
_GOVERNMENT_REACH = 400


class CountryRules(Builder):
    """Countries, under whatever name the article gives them."""

    if TYPE_CHECKING:  # organisations.py: a country's body ("Seoul's foreign ministry")

        def _starts_body(self, i: int) -> bool: ...
        def _body_of_country(self, span: Span, country: str | None = None) -> bool: ...

    def _country(self, span: Span) -> bool:
        if span.label_ == "PERSON" and len(span) > 1:
            return False
        name = self.countries.lookup(span.text)
        if name is None:
            return False
        if span.end < len(self.doc) and self._starts_body(span.end):
            return self._body_of_country(span, name)
        self._add(span, name, COUNTRY, "GPE")
        return True

    def _unlabelled_countries(self) -> None:
        """Capitals and countries the model left untagged ("Kyiv rejected the plan") or took
        for a thing ("recognise Somaliland" as a PRODUCT): a whole entity of another label."""
        doc = self.doc
        for token in doc:
            if token.i in self.taken or self._tagged(token) or token.pos_ != "PROPN":
                continue
            for width in (2, 1):
                span = doc[token.i : token.i + width]
                if span.end > len(doc) or any(t.i in self.taken or self._tagged(t) for t in span):
                    continue
                if token.ent_type_ and not self._whole_entity(span):
                    continue
                country = self.countries.lookup(span.text)
                if country and span.text[:1].isupper() and len(span.text) > 2:
                    self._add(span, country, COUNTRY, "GPE")
                    break

    def _tagged(self, token) -> bool:
        """The model tagged the token as a kind of name an actor can have."""
        return token.ent_type_ in ACTOR_LABELS

    def _whole_entity(self, span: Span) -> bool:
        """The span is exactly one entity of the model's ("Somaliland", not "Algiers" in the
        film title "The Battle of Algiers")."""
        return span[0].ent_iob_ == "B" and (
            span.end == len(self.doc) or self.doc[span.end].ent_iob_ != "I"
        )

    def _governments_named_again(self) -> None:
        """'the junta', 'the government' after 'Myanmar's junta' or 'the Rwandan government':
        the same country's government, so the same country."""
        doc = self.doc
        nouns = gazetteer.government_nouns()
        for token in doc:
            if token.lower_ not in nouns and token.lower_[:-1] not in nouns:
                continue  # cheap: most tokens are not "government(s)", "junta(s)" ...
            lemma = token.lemma_.lower()
            if lemma not in nouns or token.i in self.taken or token.ent_type_:
                continue
            if token.i == 0 or token.pos_ not in _BODY_POS or doc[token.i - 1].lower_ != "the":
                continue
            # the country whose government the article named so, else the country named last
            # ("... outside its Quito embassy. The government said ...")
            country = self.governments.get(lemma) or self._country_named_last(token.idx)
            if country is None or not any(c.lower_ == "the" for c in token.lefts):
                continue
            self._mention(doc[token.i - 1 : token.i + 1], self.actors[country], "GPE", alias=False)

    def _country_named_last(self, offset: int) -> str | None:
        """The country named nearest before `offset`, within a few sentences: a country, or the
        country of a body ("its Quito embassy")."""
        best: tuple[int, str] | None = None
        for m in self.mentions:
            if m.end > offset or offset - m.end >= _GOVERNMENT_REACH:
                continue
            draft = self.actors[m.actor]
            country = draft.name if draft.kind == COUNTRY else draft.country
            if country and country in self.actors and (best is None or m.end > best[0]):
                best = (m.end, country)
        return best[1] if best is not None else None
