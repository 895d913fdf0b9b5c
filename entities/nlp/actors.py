"""Named-entity spans -> the actors of one article and their mentions.

spaCy's small English model finds most names but mislabels some ("Campbell" as ORG, "Kyiv" as
PERSON, "Director of National Intelligence Avril Haines" as one ORG); the rules here repair the
common cases: titles split into roles, surnames linked to full names, countries named by their
capitals, demonyms or aliases, and "Seoul's foreign ministry" made an organisation of its own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from . import gazetteer
from .index import ActorDraft, ActorIndex
from .types import COUNTRY, ORGANIZATION, PERSON, Mention

_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "sir": "m"}
_GENDERED_ROLE_WORDS = {
    "spokeswoman": "f", "chairwoman": "f", "congresswoman": "f", "businesswoman": "f",
    "queen": "f", "lady": "f", "princess": "f", "king": "m", "prince": "m",
    "wife": "f", "widow": "f", "mother": "f", "daughter": "f", "sister": "f", "husband": "m",
    "father": "m", "son": "m", "brother": "m",
}  # fmt: skip
# "spokesman", "chairman" are not in the table: many outlets write them of women too
# ("Chinese Foreign Ministry spokesman Mao Ning ... her nation")


def _gender_before(doc, start: int, name_start: int, role: str) -> str:
    """What the words before a name (or its role) say of the person's gender: "Mr.", "Mrs.",
    "spokeswoman"; "" when they say nothing."""
    for token in doc[max(0, min(start, name_start - 1)) : name_start]:
        word = token.lower_.rstrip(".")
        if word in _HONORIFICS:
            return _HONORIFICS[word]
    if name_start >= 2 and doc[name_start - 1].text == ",":  # "His wife, Heidi Cruz"
        word = doc[name_start - 2].lower_
        if word in _GENDERED_ROLE_WORDS:
            return _GENDERED_ROLE_WORDS[word]
    for word in role.lower().split():
        if word in _GENDERED_ROLE_WORDS:
            return _GENDERED_ROLE_WORDS[word]
    return ""


def _opening_gerund(token) -> bool:
    """'Injecting' in 'Injecting Clinton's troubles, ...', tagged NNP at a sentence start."""
    return bool(token.is_sent_start) and len(token) > 5 and token.lower_.endswith("ing")


_POSSESSIVE = re.compile(r"(?<=\w)[’']s$")
_NOT_NAME_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "RB", "IN", "DT", "PRP$"}
_CONNECTORS = {"of", "for", "and", "the", "’s", "'s", "on", "-"}
# FAC spans named like institutions ("the Stimson Center") act as organisations.
_INSTITUTION_HEADS = {"center", "centre", "institute", "foundation", "council", "university"}
# "Seoul's foreign ministry", "the Chinese embassy": a country's body, named after the country.
_BODIES = {
    "ministry", "office", "government", "embassy", "military", "army", "navy", "parliament",
    "cabinet", "agency", "police", "court", "regulator", "bank", "consulate", "administration",
    "delegation", "mission", "forces", "legislature", "presidency",
}  # fmt: skip
# the small model tags some lower-case nouns PROPN ("Seoul's foreign ministry said")
_BODY_POS = ("ADJ", "NOUN", "PROPN")
_MEDIA_NOUNS = {
    "newspaper", "daily", "agency", "broadcaster", "channel", "magazine", "tabloid", "website",
    "outlet", "network", "weekly",
}  # fmt: skip
# the words around an agency's name in "state media KCNA news agency"
_MEDIA_WORDS = _MEDIA_NOUNS | {"state", "media", "news", "official", "the", "run", "-"}
# "Minister for Foreign Affairs", "advisor on International Affairs": a role's field
_PORTFOLIO_HEADS = {"affairs", "relations", "security", "policy", "development", "cooperation"}
# characters back to the country that "the government" belongs to, failing a named one
_GOVERNMENT_REACH = 400
# who speaks for a country without being named ("a senior Indonesian official")
_ANONYMOUS_SPEAKERS = {"official", "officials", "source", "sources", "diplomat", "diplomats"}
_MAX_NAME_TOKENS = 6
_SMALL_WORDS = {"of", "and", "the", "for", "on", "in", "&"}


def find_actors(doc: Doc) -> ActorIndex:
    builder = _Builder(doc)
    builder.run()
    return ActorIndex(actors=builder.actors, mentions=builder.mentions, anonymous=builder.anonymous)


class _Builder:
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

    def run(self) -> None:
        spans = [
            s
            for s in (_trim(e) for e in self.doc.ents if e.label_ in _LABELS)
            if s
            and not _dateline(s)
            and not _capitalised_modifier(s)
            and not _heading_only(s, self.text)
        ]
        singles: list[Span] = []
        for span in spans:
            span = _with_particles(span)
            if self._known_body(span) or self._country(span) or self._body_of_country(span):
                continue
            if span.label_ in ("PERSON", "ORG", "NORP", "GPE") and len(span) == 1:
                singles.append(span)  # a NORP or GPE that is no country may be a name ("Tamim")
            elif span.label_ == "PERSON":
                self._person(span, span)
            elif span.label_ == "ORG":
                self._organisation(span)
            elif span.label_ == "FAC" and span[-1].lower_ in _INSTITUTION_HEADS:
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

    def _person_initials(self) -> dict[str, ActorDraft]:
        """'MBS' is Mohammed bin Salman, 'AMLO' Andrés Manuel López Obrador: a person of three
        or more names is also called by their initials, particles included."""
        out: dict[str, ActorDraft] = {}
        for d in self.actors.values():
            words = [w for w in re.split(r"[\s-]+", d.name) if w]
            if d.kind == PERSON and len(words) >= 3:
                out.setdefault("".join(w[0] for w in words).upper(), d)
        return out

    def _unlabelled_initials(self) -> None:
        """Initials the model left untagged ('MBS says ...') that spell a person's name."""
        initials = self._person_initials()
        if not initials:
            return
        for token in self.doc:
            word = token.text
            if token.i in self.taken or not (3 <= len(word) <= 5 and word.isupper()):
                continue
            person = initials.get(word)
            if person is not None and word.isalpha():
                self._mention(self.doc[token.i : token.i + 1], person, "PERSON")

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
                if all(t.lemma_.lower() in _MEDIA_WORDS for t in rest):
                    return body
        return None

    def _unlabelled_bodies(self) -> None:
        """Agencies and bodies of the table the model left untagged ('state media KCNA news
        agency reported'): a proper name of one to four words written as the table writes it."""
        doc = self.doc
        table = gazetteer.bodies()
        for token in doc:
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
                body = gazetteer.bodies().get(span.text)  # as written: "WHO", never "who"
                if body is not None:
                    draft = self._add(span, body.name, ORGANIZATION, "ORG", country=body.country)
                    draft.media = draft.media or body.media
                    break

    def _anonymous_officials(self) -> None:
        """'a senior Indonesian government official', 'Chinese officials': someone who speaks
        for a country without a name is credited to the country (the whole phrase is its
        mention, so 'the official' later finds it too)."""
        doc = self.doc
        for token in doc:
            if token.lemma_.lower() not in _ANONYMOUS_SPEAKERS or token.i in self.taken:
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

    def _mentions_at(self, token: Token) -> list[Mention]:
        return [m for m in self.mentions if m.start <= token.idx < m.end]

    def _governments_named_again(self) -> None:
        """'the junta', 'the government' after 'Myanmar's junta' or 'the Rwandan government':
        the same country's government, so the same country."""
        doc = self.doc
        for token in doc:
            if token.i in self.taken or token.ent_type_ or token.pos_ not in _BODY_POS:
                continue
            lemma = token.lemma_.lower()
            if lemma not in gazetteer.government_nouns():
                continue
            # the country whose government the article named so, else the country named last
            # ("... outside its Quito embassy. The government said ...")
            country = self.governments.get(lemma) or self._country_named_last(token.idx)
            if country is None or not any(c.lower_ == "the" for c in token.lefts):
                continue
            start = min(c.i for c in token.lefts if c.lower_ == "the")
            if start == token.i - 1:
                self._mention(doc[start : token.i + 1], self.actors[country], "GPE")

    # -- kinds of span -------------------------------------------------------------------

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

    def _organisation(self, span: Span) -> None:
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
        if span[-1].lower_ in _PORTFOLIO_HEADS and self._title_before(span.start):
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
        self._add(span, span.text, ORGANIZATION, "ORG")

    def _country_before(self, i: int) -> str:
        """The country named by the word just before token i ("Chinese", "China's"), or ""."""
        doc = self.doc
        j = i - 1 - (1 if i >= 2 and doc[i - 1].tag_ == "POS" else 0)
        if j < 0 or (doc[j].i in self.taken and doc[j].ent_type_ not in ("GPE", "NORP")):
            return ""
        return self.countries.lookup(doc[j].text) or ""

    def _title_before(self, i: int) -> bool:
        doc = self.doc
        return (
            i >= 2 and doc[i - 1].lower_ in ("of", "on", "for") and doc[i - 2].lower_ in self.titles
        )

    def _person(self, name_span: Span, whole: Span) -> None:
        doc = self.doc
        tokens = [t for t in name_span if t.lower_ not in self.titles]
        # "Injecting Clinton's troubles": a capitalised verb or adverb opening a sentence is
        # not the first name the tagger took it for
        while tokens and (tokens[0].tag_ in _NOT_NAME_TAGS or _opening_gerund(tokens[0])):
            tokens.pop(0)
        if not tokens:
            return
        name_start = tokens[0].i
        if name_span.end - name_start == 1 and name_start > whole.start:
            # "Sheikh Tamim", "Mr Wei": a title and one name, the person named in full before
            known = self._person_by_part(doc[name_start])
            if known is not None:
                self._mention(doc[name_start : name_span.end], known, "PERSON")
                self.taken.update(range(whole.start, name_start))
                return
        name = doc[name_start : name_span.end].text
        words = [w for w in name.split() if w.lower() not in _PARTICLES]
        if not words or len(words) > _MAX_NAME_TOKENS - 2 or not _latin(name):
            return  # a name of no words (a tagged no-break space) or too long to be one
        role_span = self._role(whole.start, name_start)
        role = role_span.text if role_span is not None else ""
        country = self._country_in(role_span) if role_span is not None else ""
        draft = self._add(doc[name_start : name_span.end], name, PERSON, "PERSON")
        gender = _gender_before(doc, whole.start, name_start, role)
        if gender:
            draft.gender_seen(gender)
        # "Hillary Clinton": her given name says it ("Laura" alone too)
        given = gazetteer.first_names().get(name.split()[0])
        if given:
            draft.gender_seen(given)
        if role and not draft.role:
            draft.role = role
        if country and not draft.country:
            draft.country = country
        if role_span is not None:
            self.taken.update(range(role_span.start, role_span.end))

    def _country_in(self, span: Span) -> str:
        seats = gazetteer.institutions()
        for ent in self.doc.ents:
            if ent.start >= span.start and ent.end <= span.end and ent.text in seats:
                return seats[ent.text]  # "Kremlin spokesman" speaks for Russia
            if (
                ent.start >= span.start
                and ent.end <= span.end + 1
                and ent.label_ in ("GPE", "NORP")
            ):
                trimmed = _trim(ent)
                country = self.countries.lookup(trimmed.text) if trimmed is not None else None
                if country:
                    return country
        return ""

    def _role(self, start: int, name_start: int) -> Span | None:
        """Title words before a name, or in an apposition after it."""
        doc = self.doc
        j = name_start
        if start == name_start and j >= 2 and doc[j - 1].text == "," and self._is_title(j - 2):
            j -= 1  # "South Korea's vice foreign minister, Kim Hong-kyun"
            end = j
        else:
            end = name_start
        while j > 0 and (
            self._is_title(j - 1)
            or doc[j - 1].ent_type_ in ("GPE", "NORP", "ORG")
            or (doc[j - 1].lower_ in _CONNECTORS and j >= 2 and self._is_title(j - 2))
            or doc[j - 1].tag_ == "POS"
        ):
            j -= 1
        while j < end and (doc[j].lower_ in _CONNECTORS or doc[j].tag_ == "POS"):
            j += 1
        if end > 0 and doc[end - 1].lower_ in _CONNECTORS:
            # "a spokeswoman for Hillary Clinton", "the health of Donald Trump": the name is
            # the object of the title, not its holder
            return self._apposition_role(name_start)
        if j < end and any(self._is_title(k) for k in range(j, end)):
            return doc[j:end]
        return self._apposition_role(name_start)

    def _apposition_role(self, name_start: int) -> Span | None:
        doc = self.doc
        ent_end = name_start
        while ent_end < len(doc) and doc[ent_end].ent_type_ == "PERSON":
            ent_end += 1
        if ent_end >= len(doc) - 1 or doc[ent_end].text != ",":
            return None
        k = ent_end + 1
        last_title = None
        while (
            k < len(doc)
            and k - ent_end < 10
            and (
                self._is_title(k)
                or doc[k].ent_type_ in ("GPE", "NORP", "ORG")
                or doc[k].tag_ == "POS"
                or doc[k].lower_ in _CONNECTORS | {"a", "an"}
            )
        ):
            if self._is_title(k):
                last_title = k
            k += 1
        if last_title is None or k >= len(doc) or doc[k].text not in (",", ".", ";"):
            return None
        first = ent_end + 1
        while doc[first].lower_ in ("a", "an", "the"):
            first += 1
        return doc[first : last_title + 1]

    def _is_title(self, i: int) -> bool:
        t = self.doc[i]
        return t.lower_ in self.titles and t.ent_type_ != "PERSON"

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

    def _named_media(self) -> None:
        """Unlabelled names next to a media noun: "Russia's Vedomosti newspaper", "agency Tass"."""
        doc = self.doc
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and _is_name_word(doc[j]) and not doc[j].ent_type_:
                j += 1
            if j > i and j - i <= 3 and all(t.i not in self.taken for t in doc[i:j]):
                after = doc[j].lemma_ if j < len(doc) else ""
                before = doc[i - 1].lemma_ if i else ""
                if after in _MEDIA_NOUNS or before in _MEDIA_NOUNS:
                    self._add(doc[i:j], doc[i:j].text, ORGANIZATION, "ORG").media = True
            i = max(j, i + 1)

    def _unlabelled_countries(self) -> None:
        """Capitals and countries the model left untagged ("Kyiv rejected the plan")."""
        doc = self.doc
        for token in doc:
            if token.i in self.taken or token.ent_type_ or token.pos_ != "PROPN":
                continue
            for width in (2, 1):
                span = doc[token.i : token.i + width]
                if span.end > len(doc) or any(t.i in self.taken or t.ent_type_ for t in span):
                    continue
                country = self.countries.lookup(span.text)
                if country and span.text[:1].isupper() and len(span.text) > 2:
                    self._add(span, country, COUNTRY, "GPE")
                    break

    def _unlabelled_surnames(self) -> None:
        for token in self.doc:
            if token.i in self.taken or token.ent_type_ or token.pos_ != "PROPN":
                continue
            person = self._person_by_part(token, unlabelled=True)
            if person is not None:
                self._mention(self.doc[token.i : token.i + 1], person, "PERSON")

    def _person_by_part(self, token: Token, *, unlabelled: bool = False) -> ActorDraft | None:
        """The person whose full name has this token as surname (or given name).

        Of several ("Cruz" after Ted Cruz and Heidi Cruz), the one the article named first,
        as news writing does; "Mrs. Clinton" passes over a man and "Mr. Obama" over a woman.
        A person already known by the bare name ("President Obama") is that person.
        """
        word = token.text
        same = self.actors.get(word)
        if same is not None and same.kind == PERSON:
            return same
        honorific = self.doc[token.i - 1].lower_.rstrip(".") if token.i else ""
        heading = _heading_line(self.text, token.idx, token.idx + len(token))
        gender = _HONORIFICS.get(honorific, "")
        candidates = []
        for draft in self.actors.values():
            if draft.kind != PERSON or " " not in draft.name:
                continue
            if self.first_seen.get(draft.name, 0) > token.idx and not heading:
                # "President Obama ... Michelle Obama": not a name given later, except in a
                # headline, which names people before the story does ("Axelrod calls on Dean")
                continue
            if gender and draft.gender not in ("", gender):
                continue
            parts = draft.name.split()
            # a given name alone names the person only in family-name-first names (Kim Hong-kyun)
            # or after an honorific, as some people are called ("Mr Prabowo", "Sheikh Tamim")
            given_ok = not unlabelled or "-" in parts[-1] or honorific in self.titles
            if _same_word(word, parts[-1]) or (given_ok and _same_word(word, parts[0])):
                candidates.append(draft)
            elif not unlabelled and len(parts) >= 4 and any(_same_word(word, p) for p in parts):
                candidates.append(draft)  # "Lula" in "Luiz Inácio Lula da Silva"
        if not candidates:
            return None
        # 'Mrs. Cruz': the Cruz known to be a woman before one whose gender is unknown
        best = next((d for d in candidates if gender and d.gender == gender), candidates[0])
        if gender:
            best.gender_seen(gender)
        return best

    # -- bookkeeping ----------------------------------------------------------------------

    def _add(self, span: Span, name: str, kind: str, label: str, country: str = "") -> ActorDraft:
        name = _POSSESSIVE.sub("", name) or name  # "Trump’s" tokenised as one word
        draft = self.actors.get(name)
        if draft is None:
            draft = self.actors[name] = ActorDraft(name=name, kind=kind, country=country)
        elif draft.kind == ORGANIZATION and kind == PERSON:
            draft.kind = PERSON  # "Lester Holt" tagged ORG once and PERSON elsewhere: a person
        self._mention(span, draft, label)
        return draft

    def _mention(self, span: Span, draft: ActorDraft, label: str) -> None:
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


def _latin(name: str) -> bool:
    """Whether a name is written in Latin letters: in an English article, a name in another
    script is an embedded post or caption ('عاجل', 'breaking'), not a person of the story."""
    return any(c.isalpha() and unicodedata.name(c, "").startswith("LATIN") for c in name)


def _is_body_noun(token: Token) -> bool:
    """'ministry', 'government', 'junta': a noun that names a body of the country before it."""
    return token.lemma_ in _BODIES or token.lemma_.lower() in gazetteer.government_nouns()


def _trim(span: Span) -> Span | None:
    """Drop a leading article and a trailing possessive or punctuation from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].like_num
    ):
        end -= 1  # "Trump's 1995" (tax return) names Trump
    if start >= end:
        return None
    trimmed = Span(doc, start, end, label=span.label_)
    if trimmed.text.islower():
        return None
    return trimmed


def _same_word(a: str, b: str) -> bool:
    """'O’Neill' and "O'Neill", 'WALLACE' and 'Wallace' (a transcript) are one surname."""
    a, b = _fold(a.replace("’", "'")), _fold(b.replace("’", "'"))
    return a == b or (a.isupper() and len(a) > 2 and a == b.upper())


def _fold(word: str) -> str:
    """'Orbán' -> 'Orban': the same name with its accents written or not."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


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


_PARTICLES = {
    "von", "van", "der", "den", "de", "da", "di", "du", "dos", "das", "del", "della", "la", "le",
    "bin", "ibn", "bint", "al", "el", "abu", "ben", "ter",
}  # fmt: skip


def _with_particles(span: Span) -> Span:
    """'Ursula von' tagged alone: a person's name runs on through its particles to the name
    after them ('Ursula von der Leyen', 'Tamim bin Hamad Al Thani')."""
    if span.label_ != "PERSON":
        return span
    doc = span.doc
    end = span.end
    while end < len(doc) and doc[end].lower_ in _PARTICLES and doc[end].whitespace_ != "":
        end += 1
    if end == span.end and span[-1].lower_ not in _PARTICLES:
        return span
    if end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        return Span(doc, span.start, end, label=span.label_)
    return span


def _dateline(span: Span) -> bool:
    """'HEMPSTEAD, N.Y. -', 'MIDWAY, Ky. -': the place a story was filed from, in capitals at
    the start of a paragraph, is not an actor of the story."""
    doc = span.doc
    opens = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    return (
        opens
        and span.text.isupper()
        and span.end < len(doc)
        and doc[span.end].text in (",", "—", "–", "-", "(")  # "SEOUL (Reuters) -"
    )


def _heading_only(span: Span, text: str) -> bool:
    """'Obama Sees Personal Insult', 'Obama Speech' in a subheading: in a line where every word
    is capitalised, a name of several words that the article never writes again is the
    heading's capitals, not a name. Single words go on to be linked as surnames."""
    if len(span) < 2 or span.label_ not in ("PERSON", "ORG"):
        return False
    return (
        _heading_line(text, span.start_char, span.end_char, capitalised_only=True)
        and text.count(span.text) == 1
    )


_HEADING_SMALL_WORDS = {
    "a", "an", "the", "of", "and", "in", "on", "to", "for", "at", "with", "by", "as", "if",
    "but", "or", "is", "are", "be", "from", "into", "over", "after", "before", "up", "vs.",
}  # fmt: skip


def _heading_line(text: str, start: int, end: int, *, capitalised_only: bool = False) -> bool:
    """Whether [start, end) lies in a headline or subheading: a short line whose words are
    capitalised but for small ones ('Obama Sees Personal Insult if Blacks Don't Rally'), or a
    first line of one short sentence ('Axelrod calls on Dean to apologize')."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    words = [w.strip("[(“\"‘'") for w in line.split()]
    words = [w for w in words if w[:1].isalpha()]
    if not 2 <= len(words) <= 20:
        return False
    if not capitalised_only and line_start == 0 and ". " not in line.rstrip(". "):
        return True  # the first line, one short sentence: a headline in sentence case
    return all(w[0].isupper() or w.lower() in _HEADING_SMALL_WORDS for w in words)


def _capitalised_modifier(span: Span) -> bool:
    """'Federal prosecutors said', 'World leaders denounce': a capitalised word opening a
    sentence before the noun it describes, which the model took for an organisation."""
    doc = span.doc
    if span.label_ != "ORG" or len(span) != 1 or not span[0].is_sent_start:
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.is_lower and nxt.pos_ in ("NOUN", "ADJ")


def _is_name_word(token: Token) -> bool:
    """A proper noun written as a name ("Vedomosti", "KCNA"): the small model also tags some
    lower-case words PROPN ("state news agency")."""
    return token.pos_ == "PROPN" and token.text[:1].isupper()
