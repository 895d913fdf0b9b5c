"""Persons: a name split from the title before it (the title becomes the role, and the country
in it the person's country), the gender its words give, and later mentions by surname, given
name or initials linked to the full name the article gave first."""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Doc, Span, Token

from entities.nlp import gazetteer
from entities.nlp.index import ActorDraft
from entities.nlp.types import COUNTRY, PERSON

from .builder import _MAX_NAME_TOKENS, Builder
from .spans import _heading_line, _latin, _trim

_NOT_NAME_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "RB", "IN", "DT", "PRP$"}
_CONNECTORS = {"of", "for", "and", "the", "’s", "'s", "on", "-"}


class PersonRules(Builder):
    """Persons and their roles; the names they are called by later in the article."""

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
                self._role_again(known, whole.start, name_start)
                self.taken.update(range(whole.start, name_start))
                return
        name = doc[name_start : name_span.end].text
        particles = gazetteer.name_particles()
        words = [w for w in name.split() if w.lower() not in particles]
        if not words or len(words) > _MAX_NAME_TOKENS - 2 or not _latin(name):
            return  # a name of no words (a tagged no-break space) or too long to be one
        role_span = self._role(whole.start, name_start)
        role = role_span.text if role_span is not None else ""
        country = self._country_in(role_span) if role_span is not None else ""
        country = country or self._owning_country(name_start)
        name = house_style(name)
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

    def _role_again(self, person: ActorDraft, start: int, name_start: int) -> None:
        """'the visiting Chinese State Councilor and Defence Minister Wei': a person named
        again with a title that says what the first mention did not (its role, its country)."""
        if person.role and person.country:
            return
        role_span = self._role(start, name_start)
        if role_span is None:
            return
        if not person.role:
            person.role = role_span.text
        if not person.country:
            person.country = self._country_in(role_span)
        self.taken.update(range(role_span.start, role_span.end))

    def _owning_country(self, name_start: int) -> str:
        """ "North Korea's Kim Yo Jong", "Hungary's Orbán": a country owning the name is the
        person's country ("" when none stands right before it)."""
        doc = self.doc
        j = name_start - 1
        if j < 1 or doc[j].tag_ != "POS":
            return ""
        for m in self._mentions_at(doc[j - 1]):
            if self.actors[m.actor].kind == COUNTRY and m.end == doc[j - 1].idx + len(doc[j - 1]):
                return m.actor
        return ""

    def _country_in(self, span: Span) -> str:
        seats = gazetteer.institutions()
        for ent in self.doc.ents:
            if ent.start >= span.start and ent.end <= span.end:
                seat = next((s for s in seats if ent.text == s or ent.text.startswith(s + " ")), "")
                if seat:  # "Kremlin spokesman", "White House National Security Adviser"
                    return seats[seat]
            if (
                ent.start >= span.start
                and ent.end <= span.end + 1
                and ent.label_ in ("GPE", "NORP")
            ):
                trimmed = _trim(ent)
                country = self.countries.lookup(trimmed.text) if trimmed is not None else None
                if country:
                    return country
            if ent.start >= span.start and ent.end <= span.end and ent.label_ == "ORG":
                # "Chinese Foreign Ministry spokesperson": the body's demonym
                country = self.countries.lookup(ent[0].text)
                if country:
                    return country
        for token in span:
            # "Spokesman for the Ukrainian Ministry of Foreign Affairs", the model having tagged
            # the body with the name after it: a demonym of the role (not "ambassador to China")
            if token.pos_ == "ADJ" or (token.dep_ in ("amod", "compound") and token.is_title):
                country = self.countries.lookup(token.text)
                if country:
                    return country
        return ""

    # -- roles ----------------------------------------------------------------------------

    def _role(self, start: int, name_start: int) -> Span | None:
        """Title words before a name, or in an apposition after it."""
        doc = self.doc
        honorifics = gazetteer.honorifics()
        j = name_start
        while j > 0 and doc[j - 1].lower_.rstrip(".") in honorifics:
            j -= 1  # "Mr", "Mrs": a form of address, not a role
        if start >= j and j >= 2 and doc[j - 1].text == "," and self._is_title(j - 2):
            # "South Korea's vice foreign minister, Kim Hong-kyun", "his Chinese
            # counterpart, Mr Wei Fenghe"
            j -= 1
            end = j
        else:
            end = j
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

    # -- a person named again -------------------------------------------------------------

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
        gender = gazetteer.honorifics().get(honorific, "")
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

    def _unlabelled_surnames(self) -> None:
        for token in self.doc:
            if token.i in self.taken or token.ent_type_ or token.pos_ != "PROPN":
                continue
            person = self._person_by_part(token, unlabelled=True)
            if person is not None:
                self._mention(self.doc[token.i : token.i + 1], person, "PERSON")

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
        # the text is searched for the initials (fast) rather than every token read
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, initials)) + r")\b")
        for found in pattern.finditer(self.text):
            span = self.doc.char_span(found.start(), found.end())
            if span is None or len(span) != 1 or span[0].i in self.taken:
                continue
            self._mention(span, initials[found.group()], "PERSON")


def house_style(name: str) -> str:
    """A person's name as the wire services write it: 'Abdel-Fattah Al-Burhan' is 'Abdel Fattah
    al-Burhan' (a joined given name takes a space; the article 'al-' or 'el-' inside a name is
    lower-case, at its start it keeps its capital)."""
    words = name.split(" ")
    joined = gazetteer.joined_given_names()
    out = []
    for i, word in enumerate(words):
        head, dash, rest = word.partition("-")
        if dash and rest[:1].isupper():
            if head.lower() in joined:
                out.extend([head, rest])
                continue
            if i > 0 and head in ("Al", "El"):
                word = f"{head.lower()}-{rest}"
        out.append(word)
    return " ".join(out)


def _gender_before(doc: Doc, start: int, name_start: int, role: str) -> str:
    """What the words before a name (or its role) say of the person's gender: "Mr.", "Mrs.",
    "spokeswoman"; "" when they say nothing."""
    honorifics = gazetteer.honorifics()
    gendered = gazetteer.gendered_role_words()
    for token in doc[max(0, min(start, name_start - 1)) : name_start]:
        word = token.lower_.rstrip(".")
        if word in honorifics:
            return honorifics[word]
    if name_start >= 2 and doc[name_start - 1].text == ",":  # "His wife, Heidi Cruz"
        word = doc[name_start - 2].lower_
        if word in gendered:
            return gendered[word]
    for word in role.lower().split():
        if word in gendered:
            return gendered[word]
    return ""


def _opening_gerund(token: Token) -> bool:
    """'Injecting' in 'Injecting Clinton's troubles, ...', tagged NNP at a sentence start."""
    return bool(token.is_sent_start) and len(token) > 5 and token.lower_.endswith("ing")


def _same_word(a: str, b: str) -> bool:
    """'O’Neill' and "O'Neill", 'WALLACE' and 'Wallace' (a transcript) are one surname."""
    a, b = _fold(a.replace("’", "'")), _fold(b.replace("’", "'"))
    if a[:3].lower() in ("al-", "el-"):  # 'Al-Burhan' opening a sentence is 'al-Burhan'
        a, b = a[:1].lower() + a[1:], b[:1].lower() + b[1:]
    return a == b or (a.isupper() and len(a) > 2 and a == b.upper())


def _fold(word: str) -> str:
    """'Orbán' -> 'Orban': the same name with its accents written or not."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
