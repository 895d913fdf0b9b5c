"""Organisations and bodies: international bodies and news agencies of the table under their
canonical names, a country's bodies ("Seoul's foreign ministry", "the Chinese embassy") and
ministries, media outlets named next to a media noun, the organisations the model tagged, and
unnamed officials credited to their country."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from entities.nlp import gazetteer
from entities.nlp.types import COUNTRY, ORGANIZATION

from .builder import _BODY_POS, _MAX_NAME_TOKENS, Builder
from .spans import _is_name_word


class OrganisationRules(Builder):
    """Organisations, bodies and media outlets."""

    if TYPE_CHECKING:  # persons.py: "Director of National Intelligence Avril Haines" as an ORG

        def _person(self, name_span: Span, whole: Span) -> None: ...

    # -- known bodies and news agencies ---------------------------------------------------

    def _known_body(self, span: Span) -> bool:
        """An international body or a news agency of the table, under its canonical name: 'U.N.'
        and 'the UN' are the United Nations, 'KCNA' the Korean Central News Agency."""
        if span.label_ not in ("ORG", "GPE", "NORP", "PERSON", "FAC"):
            return False
        body = gazetteer.body_named(span.text)
        if body is None and span.label_ == "ORG":
            body = self._media_phrase_body(span)
        if body is None:
            return False
        draft = self._add(span, body.name, ORGANIZATION, "ORG", country=body.country)
        draft.media = draft.media or body.media
        return True

    def _media_phrase_body(self, span: Span) -> gazetteer.Body | None:
        """'state media KCNA news agency', 'the Interfax news agency': a known agency inside a
        longer name made of media words."""
        for token in span:
            body = gazetteer.body_named(token.text)
            if body is not None and body.media and token.text[:1].isupper():
                rest = [t for t in span if t.i != token.i]
                if all(t.lemma_.lower() in gazetteer.media_words() for t in rest):
                    return body
        return None

    def _unlabelled_bodies(self) -> None:
        """Agencies and bodies of the table the model left untagged ('state media KCNA news
        agency reported'): a proper name of one to four words written as the table writes it."""
        doc = self.doc
        table = gazetteer.bodies()
        first_words = gazetteer.body_first_words()  # most tokens start no name of the table
        for token in doc:
            if token.text not in first_words:
                continue
            if token.lower_ == "the" and token.i + 2 < len(doc) and token.i not in self.taken:
                # an epithet the table knows: "the world body" is the United Nations
                span = doc[token.i : token.i + 3]
                body = table.get(span.text) if span.text.islower() else None
                if body is not None and not any(t.i in self.taken for t in span):
                    self._add(span, body.name, ORGANIZATION, "ORG", country=body.country)
                continue
            if token.i in self.taken or token.ent_type_ or not _is_name_word(token):
                continue
            for width in (4, 3, 2, 1):
                span = doc[token.i : token.i + width]
                if span.end > len(doc) or any(t.i in self.taken for t in span):
                    continue
                body = table.get(span.text)  # as written: "WHO", never "who"
                if body is not None:
                    draft = self._add(span, body.name, ORGANIZATION, "ORG", country=body.country)
                    draft.media = draft.media or body.media
                    break

    def _named_media(self) -> None:
        """Unlabelled names next to a media noun: "Russia's Vedomosti newspaper", "agency Tass"."""
        doc = self.doc
        media_nouns = gazetteer.media_nouns()
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and _is_name_word(doc[j]) and not doc[j].ent_type_:
                j += 1
            if j > i and j - i <= 3 and all(t.i not in self.taken for t in doc[i:j]):
                after = doc[j].lemma_ if j < len(doc) else ""
                before = doc[i - 1].lemma_ if i else ""
                if after in media_nouns or before in media_nouns:
                    self._add(doc[i:j], doc[i:j].text, ORGANIZATION, "ORG").media = True
            i = max(j, i + 1)

    # -- a country's bodies ---------------------------------------------------------------

    def _starts_body(self, i: int) -> bool:
        doc = self.doc
        j = i + (1 if i < len(doc) and doc[i].tag_ == "POS" else 0)
        k = j
        while k < len(doc) and k - j < 3 and doc[k].pos_ in _BODY_POS and doc[k].is_lower:
            if _is_body_noun(doc[k]):
                return True
            k += 1
        return False

    def _body_of_country(self, span: Span, country: str | None = None) -> bool:
        """'Seoul's foreign ministry' -> Ministry of Foreign Affairs of South Korea (an
        organisation); 'the Rwandan government' -> Rwanda (a government speaks for it)."""
        country = country or self.countries.lookup(span.text)
        if not country or span.label_ not in ("GPE", "NORP") or not self._starts_body(span.end):
            return False
        doc = self.doc
        j = span.end + (1 if doc[span.end].tag_ == "POS" else 0)
        k = j
        while k < len(doc) and k - j < 3 and doc[k].pos_ in _BODY_POS and doc[k].is_lower:
            k += 1
        while not _is_body_noun(doc[k - 1]):
            k -= 1
        whole = doc[span.start : k]
        head = doc[k - 1].lemma_.lower()
        if head in gazetteer.government_nouns():
            # "the Rwandan government", "Myanmar's junta": the government speaks for its country
            self.governments[head] = country
            self._add(whole, country, COUNTRY, "GPE")
            return True
        demonym = self.countries.demonym_of.get(country, country)
        name = _ministry_name(doc[j:k].text, country) or f"{demonym} {doc[j:k].text}"
        self._add(whole, name, ORGANIZATION, "ORG", country=country)
        return True

    def _anonymous_officials(self) -> None:
        """'a senior Indonesian government official', 'Chinese officials': someone who speaks
        for a country without a name is credited to the country (the whole phrase is its
        mention, so 'the official' later finds it too)."""
        doc = self.doc
        speakers = gazetteer.anonymous_speakers()
        for token in doc:
            if token.lower_ not in speakers or token.i in self.taken:
                continue
            if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ == "PERSON":
                continue
            left = [t for t in token.lefts if t.dep_ in ("amod", "compound", "nmod", "poss")]
            country = ""
            for t in left:
                for m in self._mentions_at(t):
                    if self.actors[m.actor].kind == COUNTRY:
                        country = m.actor
            if not country:
                continue
            start = token.left_edge.i
            self.anonymous.append((doc[start].idx, token.lemma_.lower(), country))

    # -- organisations the model tagged ---------------------------------------------------

    def _organisation(self, span: Span) -> None:
        span = self._run_on_to_country(span)
        if all(t.lower_ in self.titles for t in span):
            return  # "State" in "Secretary of State": part of a role, not an actor
        tail = span[-2:]
        if (
            len(span) >= 3
            and all(t.pos_ == "PROPN" and t.is_title and t.lower_ not in self.titles for t in tail)
            and (span[0].lower_ in self.titles or self._title_before(span.start))
        ):
            # "Director of National Intelligence Avril Haines" tagged as one ORG
            self._person(self.doc[tail.start : tail.end], span)
            return
        if len(span) > _MAX_NAME_TOKENS or not any(c.isalpha() for c in span.text):
            return
        if span[-1].lower_ in gazetteer.portfolio_heads() and self._title_before(span.start):
            return  # "advisor on International Affairs": the field of a role, not a body
        country = self.countries.lookup(span[0].text) if len(span) >= 2 else None
        if country is not None:
            ministry = _ministry_name(span[1:].text, country)
            if ministry:  # "Chinese Foreign Ministry", "Ukrainian MFA"
                self._add(span, ministry, ORGANIZATION, "ORG", country=country)
                return
        before = self._country_before(span.start)
        ministry = _ministry_name(span.text, before) if before else ""
        if ministry:  # "Chinese" tagged apart from "Foreign Ministry"
            self._add(span, ministry, ORGANIZATION, "ORG", country=before)
            return
        self._add(span, span.text, ORGANIZATION, "ORG", country=self._country_after_of(span))

    def _run_on_to_country(self, span: Span) -> Span:
        """'the Ministry of Foreign Affairs of' tagged without 'Ukraine': a body's name cut at
        'of' runs on to the country after it."""
        doc = self.doc
        if span[-1].lower_ != "of" or span.end >= len(doc):
            return span
        ent = next((e for e in doc.ents if e.start == span.end and e.label_ == "GPE"), None)
        if ent is None or not self.countries.lookup(ent.text):
            return span
        return Span(doc, span.start, ent.end, label=span.label_)

    def _country_after_of(self, span: Span) -> str:
        """'Ministry of Foreign Affairs of Ukraine', 'Embassy of Mexico': a body named as
        of a country belongs to it ("" when the name ends otherwise)."""
        words = span.text.split()
        for n in (3, 2, 1):
            if len(words) > n + 1 and words[-n - 1].lower() == "of":
                country = self.countries.lookup(" ".join(words[-n:]))
                if country and country.lower() == " ".join(words[-n:]).lower().removeprefix("the "):
                    return country
        return ""

    def _country_before(self, i: int) -> str:
        """The country named by the word just before token i ("Chinese", "China's"), or ""."""
        doc = self.doc
        j = i - 1 - (1 if i >= 2 and doc[i - 1].tag_ == "POS" else 0)
        if j < 0 or (doc[j].i in self.taken and doc[j].ent_type_ not in ("GPE", "NORP")):
            return ""
        return self.countries.lookup(doc[j].text) or ""

    def _title_before(self, i: int) -> bool:
        """'Director of [National Intelligence ...]', 'Spokesman for the [Ukrainian Ministry
        ...]': a title and its preposition just before token i."""
        doc = self.doc
        if i >= 1 and doc[i - 1].lower_ == "the":
            i -= 1
        return (
            i >= 2 and doc[i - 1].lower_ in ("of", "on", "for") and doc[i - 2].lower_ in self.titles
        )


def _is_body_noun(token: Token) -> bool:
    """'ministry', 'government', 'junta': a noun that names a body of the country before it."""
    lemma = token.lemma_
    return lemma in gazetteer.body_nouns() or lemma.lower() in gazetteer.government_nouns()


def _ministry_name(words: str, country: str) -> str:
    """'foreign ministry' of China -> 'Ministry of Foreign Affairs of China'; '' when the words
    are not a ministry of a known portfolio."""
    parts = words.replace("’s", "").replace("'s", "").lower().split()
    portfolios = gazetteer.ministry_portfolios()
    if len(parts) == 1 and parts[0] in portfolios and parts[0].isalpha() and len(parts[0]) == 3:
        return f"Ministry of {portfolios[parts[0]]} of {country}"  # "MFA"
    if len(parts) == 2 and parts[1] == "ministry" and parts[0] in portfolios:
        return f"Ministry of {portfolios[parts[0]]} of {country}"
    return ""
