"""Statements: direct quotes, reported speech and mixed forms, with speaker, cue and targets."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from . import gazetteer
from .index import ActorIndex, resolve_reference
from .quotes import CLOSING_MARKS, QuoteSpan, find_quotes, is_title
from .syntax import around_parenthetical, clause_span, subject_of
from .types import (
    COUNTRY,
    DIRECT,
    GROUP,
    INDIRECT,
    MIXED,
    ORGANIZATION,
    PERSON,
    Mention,
    Statement,
    Target,
)

_MIN_QUOTE_WORDS = 4  # shorter quotes are scare quotes or fragments, not statements
_DIRECT_COVERAGE = 0.8  # a quote covering this much of a reported clause makes it direct
_TARGET_VERB_CLASSES = {"accuse", "praise", "warn", "urge"}
_RELATIVE_PRONOUNS = {"who", "that", "which"}
_OBJECT_DEPS = ("dobj", "xcomp")
_NOT_OWN = {"appos", "relcl", "acl", "punct", "cc", "conj"}
_DASHES = "―—–-"
# whoever makes, repeats or issues a claim or warning is the one who says it
_MAKING_VERBS = {"make", "repeat", "reiterate", "issue", "voice", "level", "renew", "deliver"}
_SPEAKER_PREFERENCE = {PERSON: 0, ORGANIZATION: 1, GROUP: 2, COUNTRY: 3}
# between the parts of one quote stands only its attribution, ended by punctuation:
# '"A," she said. "B."' - not '"A," she said, but as he went on about "B,"'
_ATTRIBUTION_ONLY = re.compile(r"[.,:;]\s*\W{0,2}$")
_WORDS = re.compile(r"\w+")
_AFTER_GAP = 3  # characters between a closing mark and the next word
_CUE_WINDOW = 20  # tokens after a quote in which its speech verb may stand
_OPENERS = {"“", "«", "„"}
_NEAR = 25  # characters between a short quote and its cue: '?" she asked', 'said: "'
_INHERIT_WINDOW = 400  # characters back to look for the speaker of a quote without a cue
# '," said Douglas Holtz-Eakin, an economist who served as director of the CBO. "' fits
_MAX_GAP_BETWEEN_PARTS = 150
# a transcript turn: an optional opening mark, a name of at most four words, a colon
_TURN = re.compile(
    r"(?m)^[\"“]?(?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}): +(?P<said>[^\n]+)$"
)
_NOT_SPEAKERS = {"note", "editor's note", "update", "photo", "source", "correction", "related"}


@dataclass
class _Draft:
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


class _Extractor:
    def __init__(self, doc: Doc, index: ActorIndex) -> None:
        self.doc = doc
        self.text = doc.text
        self.index = index
        self.verbs = gazetteer.speech_verbs()
        self.quote_cues = gazetteer.quote_cues()
        self.object_verbs = gazetteer.object_content_verbs()
        self.prep_verbs = gazetteer.prep_content_verbs()
        self.nouns = gazetteer.speech_nouns()
        self.quotes = find_quotes(self.text)
        self._quote_starts = [q.start for q in self.quotes]
        self._token_starts = [t.idx for t in doc]

    def run(self) -> list[Statement]:
        reported = self._reported()
        drafts: list[_Draft] = self._transcript()
        for q in self.quotes:
            if any(d.start <= q.start < d.end for d in drafts if d.cue is None):
                continue  # inside a transcript turn: the turn is the statement
            title = is_title(self.text[q.start : q.end])
            if title and q.words(self.text) >= _MIN_QUOTE_WORDS:
                continue  # a quoted name ("A Change Is Gonna Come"), even inside reported speech
            host = next(
                (
                    r
                    for r in reported
                    if r.start <= q.start
                    and q.end <= r.end + 1
                    # '"..., I think, to be disruptive ..."': speech inside a quote hosts nothing
                    and not (r.cue is not None and self._quoted(r.cue))
                ),
                None,
            )
            if host is not None:
                # '"We will respond," Police Chief Chuck Jordan said': a parse that pulls the
                # name after the quote into the clause; the quote is the whole statement
                cue_follows = host.cue is not None and host.cue.idx > q.end >= host.start
                if cue_follows or (q.end - q.start) >= _DIRECT_COVERAGE * (host.end - host.start):
                    if cue_follows:
                        host.speaker, host.speaker_span = self._between(q, host.cue, host)
                    host.kind, host.start, host.end = DIRECT, q.start, q.end
                    reported.remove(host)
                    drafts.append(host)
                else:
                    host.kind = MIXED
                continue
            short = q.words(self.text) < _MIN_QUOTE_WORDS
            title = is_title(self.text[q.start : q.end])
            if short and not title and self._continues(q, drafts):
                # '"Here comes Big Daddy," she said. "The Donald."'
                drafts[-1].extend(q.start, q.end)
                continue
            if title:
                continue  # a quoted name: "Morning Joe", "The Steve Harvey Morning Show"
            draft = self._direct(q, drafts, short=short)
            if draft is not None:
                drafts.append(draft)
        drafts.sort(key=lambda d: d.start)
        drafts = _merge_quote_parts(drafts, self.text)
        for d in drafts:
            self._widen_to_mixed(d)
        used_cues = {d.cue.i for d in drafts if d.cue is not None}
        drafts += [
            r
            for r in reported
            if r.cue is None or (r.cue.i not in used_cues and not self._quoted(r.cue))
        ]
        drafts.sort(key=lambda d: d.start)
        return [self._finish(d) for d in _drop_overlaps(drafts)]

    # -- transcripts ----------------------------------------------------------------------

    def _transcript(self) -> list[_Draft]:
        """Interview transcripts: a paragraph that opens with 'PENCE:' or 'Chris Wallace:' is
        that speaker's turn."""
        out = []
        for m in _TURN.finditer(self.text):
            name = m.group("name")
            if name.lower() in _NOT_SPEAKERS:
                continue
            found = self.index.at(m.start("name"), m.end("name"))
            if not (name.isupper() or (found is not None and found.start == m.start("name"))):
                continue  # only shouted names or recognised actors: "Note:" is not a turn
            start, end = m.start("said"), m.end("said")
            end -= len(self.text[start:end]) - len(self.text[start:end].rstrip(' "”'))
            span = (m.start("name"), m.end("name"))
            person = self.index.person_named(name) if " " not in name else None
            if person is not None:  # "PENCE:" is Mike Pence, named in full before
                found = Mention(
                    actor=person, start=span[0], end=span[1], text=name, label="SURNAME"
                )
            elif found is not None:
                span = (found.start, found.end)
            out.append(_Draft(DIRECT, start, end, None, found, span, 0.8))
        return out

    # -- reported speech ------------------------------------------------------------------

    def _reported(self) -> list[_Draft]:
        out = []
        for token in self.doc:
            if token.lemma_ in self.verbs and token.pos_ == "VERB":
                if _nobody_speaks(token):
                    continue
                comps = [c for c in token.children if c.dep_ == "ccomp"]
                # 'It is unlikely; her team says she'll go on': of two clauses, the one after
                # the verb is what was said
                comp = next((c for c in comps if c.i > token.i), comps[0] if comps else None)
                if comp is None:
                    comp = _clause_on_addressee(token, self.nouns)
                bare = _bare_clause(token) if comp is None else None
                comp = comp or bare
                if comp is not None:
                    start, end = clause_span(comp, exclude=token)
                    if end <= token.i and any(t.text in ":;" for t in self.doc[end : token.i]):
                        continue  # 'We have been here before: Osama bin Laden declared war'

                    if bare is not None:  # from its subject: not 'after the convention'
                        start = max(start, subject_of(bare).left_edge.i)
                    later = [c for c in comps if c.i > comp.i and c.i > token.i]
                    if later:  # 'said Trump has respect for X and his comment was Y': both
                        end = max(end, clause_span(later[-1], exclude=token)[1])
                elif token.dep_ == "parataxis":
                    start, end = around_parenthetical(token)
                elif token.lemma_ in self.object_verbs or _directive(token):
                    start, end = self._object_span(token)
                else:
                    start, end = self._prep_span(token)
                    if end - start < 2:
                        start, end = self._predicative_span(token)
                end = self._without_trailing_aside(start, end)
                if end - start < 2:
                    continue
                span = self.doc[start:end]
                speaker, sspan = self._speaker(token)
                confidence = 0.7
                if comp is None and token.dep_ != "parataxis":
                    confidence = 0.6 if speaker is not None else 0.5
                draft = _Draft(
                    INDIRECT, span.start_char, span.end_char, token, speaker, sspan, confidence
                )
                if token.dep_ == "parataxis" and comp is None:
                    draft.parts = _around(self.doc, start, end, token)
                out.append(draft)
            elif token.lemma_ in self.nouns and token.pos_ == "NOUN":
                draft = self._nominal(token)
                if draft is not None:
                    out.append(draft)
            elif token.lower_ == "according":
                draft = self._according(token)
                if draft is not None:
                    out.append(draft)
        return out

    def _without_trailing_aside(self, start: int, end: int) -> int:
        """'he expects Clinton to recover from pneumonia, which forced her to leave early': what
        follows the last comma, when it is an aside on the content (a relative clause with
        'which' or 'who', an apposition, a participle), is the reporter's, not the speaker's."""
        doc = self.doc
        for i in range(start + 2, end):
            if doc[i - 1].text != "," or self._quoted(doc[i]):
                continue
            root = doc[i]
            while root.head.i != root.i and start <= root.head.i < end and root.head.i >= i:
                root = root.head
            if root.left_edge.i != i or root.right_edge.i < end - 1:
                continue
            aside = (
                (root.dep_ == "relcl" and doc[i].lower_ in ("which", "who", "whom", "whose"))
                or root.dep_ == "appos"
                or (
                    root.dep_ in ("advcl", "acl")
                    and root.tag_ == "VBG"
                    and root.lemma_ in self.verbs
                )
            )
            if aside:
                return i - 1
        return end

    def _object_span(self, verb: Token) -> tuple[int, int]:
        """'denied arms deals', 'wants to triple the size of ...', 'urged Trump to apologise'."""
        parts = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
        if not parts or subject_of(verb) is None:
            return 0, 0
        start = min(p.left_edge.i for p in parts)
        end = max(p.right_edge.i for p in parts) + 1
        doc = verb.doc
        infinitive = any(p.dep_ == "xcomp" for p in parts)
        # what completes the object: 'cited the remarks as examples of ...', 'blasted the media
        # for being dishonest', more infinitives of a list: 'wants to triple ..., grow ... and
        # create ...'
        for c in sorted(verb.children, key=lambda t: t.i):
            if c.i < end:
                continue
            if any(not (t.is_punct or t.dep_ == "cc") for t in doc[end : c.left_edge.i]):
                break
            completes = (c.dep_ == "prep" and c.lower_ in ("as", "for", "of")) or (
                infinitive
                and c.dep_ in ("conj", "dep")
                and c.pos_ == "VERB"
                and not any(d.dep_.startswith("nsubj") for d in c.children)
            )
            if not completes:
                break
            end = c.right_edge.i + 1
        return _trimmed(doc, start, self._before_next_statement(verb, end))

    def _prep_span(self, verb: Token) -> tuple[int, int]:
        """'called for a moratorium', 'called on Republicans to unendorse Trump': what follows
        the verb's preposition, and the infinitive that completes it."""
        preps = self.prep_verbs.get(verb.lemma_)
        if not preps or subject_of(verb) is None:
            return 0, 0
        prep = next(
            (c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in preps), None
        )
        if prep is None:
            return 0, 0
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if not objects:
            return 0, 0
        parts = objects + [c for c in verb.children if c.dep_ == "xcomp" and c.i > prep.i]
        start = min(p.left_edge.i for p in parts)
        end = self._before_next_statement(verb, max(p.right_edge.i for p in parts) + 1)
        return _trimmed(verb.doc, start, end)

    def _before_next_statement(self, verb: Token, end: int) -> int:
        """'called on police to release the videos and called on people to protest': the
        content ends before a second speech verb joined to it."""
        for t in verb.doc[verb.i + 1 : end]:
            if t.dep_ == "conj" and t.pos_ == "VERB" and t.lemma_ in self.verbs:
                cut = t.left_edge.i
                while cut > verb.i + 1 and verb.doc[cut - 1].dep_ in ("cc", "punct"):
                    cut -= 1
                return cut
        return end

    def _predicative_span(self, verb: Token) -> tuple[int, int]:
        """'called the charges unsubstantiated', 'described the plan as a disaster': the object
        and what the speaker calls it."""
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is None or subject_of(verb) is None:
            return 0, 0
        what = next(
            (
                c
                for c in verb.children
                if c.i > obj.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as"))
            ),
            None,
        )
        if what is None:
            return 0, 0
        return _trimmed(verb.doc, obj.left_edge.i, what.right_edge.i + 1)

    def _nominal(self, noun: Token) -> _Draft | None:
        """'Trump's claim that there have been thousands of shootings', 'charges that he has
        given questionable advice': the 'that' clause of a noun of speech, said by whoever
        owns the noun."""
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp")
                and c.i > noun.i
                and any(d.dep_ == "mark" and d.lower_ == "that" for d in c.children)
            ),
            None,
        )
        if clause is None:
            return None
        start, end = clause_span(clause, exclude=noun)
        if end - start < 2:
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:  # 'Trump claims that ...' parsed as a noun, 'the Kremlin warning that'
            owner = next(
                (c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None
            )
        if owner is None:  # 'warnings from his attorney that ...', 'claims by Russia that ...'
            source = next(
                (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")),
                None,
            )
            owner = next((c for c in source.children if c.dep_ == "pobj"), None) if source else None
        if owner is None and noun.dep_ == "dobj" and noun.head.lemma_ in _MAKING_VERBS:
            owner = subject_of(noun.head)  # 'Trump repeated the claim that ...'
        speaker, sspan = (
            self._resolvesubject_of(owner) if owner is not None else (None, (noun.idx, noun.idx))
        )
        span = self.doc[start:end]
        confidence = 0.6 if speaker is not None else 0.5
        return _Draft(INDIRECT, span.start_char, span.end_char, noun, speaker, sspan, confidence)

    def _according(self, token: Token) -> _Draft | None:
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if source is None:
            return None
        sent = token.sent
        if any(t.lemma_ in self.verbs and t.pos_ == "VERB" for t in sent if t.i < token.i):
            return None  # "X said ..., according to Y": Y is the reporter's source of the report
        phrase_start = token.left_edge.i
        phrase_end = max(token.right_edge.i, source.right_edge.i) + 1
        if phrase_start - sent.start >= 3:
            # "The top 1 percent would gain 19.9 percent, according to X, more than ...":
            # what X says is the clause before the phrase
            content = [t for t in sent if t.i < phrase_start and not t.is_punct]
        else:  # "According to X, ..."
            content = [t for t in sent if t.i >= phrase_end and not t.is_punct]
        if len(content) < 3:
            return None
        start, end = content[0].idx, content[-1].idx + len(content[-1])
        speaker, sspan = self._resolvesubject_of(source)
        return _Draft(INDIRECT, start, end, token, speaker, sspan, 0.6)

    # -- direct quotes --------------------------------------------------------------------

    def _between(
        self, q: QuoteSpan, cue: Token, parsed: _Draft
    ) -> tuple[Mention | None, tuple[int, int]]:
        """'"...," Tulsa police Chief Chuck Jordan said': the name written between the quote
        and its verb is the speaker, whatever the parse made of it."""
        inner = self.index.within(q.end, cue.idx)
        if not inner:
            return parsed.speaker, parsed.speaker_span
        if self.text[inner[0].end : cue.idx].lstrip().startswith(","):
            # '"...," Flynn, a top Trump surrogate, said': the names in the apposition after
            # the first one describe it
            inner = inner[:1]
        best = min(
            reversed(inner),
            key=lambda m: _SPEAKER_PREFERENCE.get(self.index.kind_of(m.actor), 9),
        )
        return best, (best.start, best.end)

    def _widen_to_mixed(self, d: _Draft) -> None:
        """'With thousands of systems, "there is no single point of failure," she said': a quote
        that is only part of the sentence its attribution follows makes a mixed statement of
        the whole sentence up to the attribution."""
        if d.kind != DIRECT or d.cue is None or d.parts or d.cue.idx < d.end:
            return
        text = self.text
        attribution = min(d.cue.idx, d.speaker_span[0] if d.speaker else d.cue.idx)
        if attribution < d.end:
            return
        sent = self.doc.char_span(d.start, d.end, alignment_mode="expand")
        if sent is None:
            return
        sent_start = sent[0].sent.start_char
        before = text[sent_start : d.start]
        after = text[d.end : attribution]
        if "\n" in before or "\n" in after or before.rstrip(" “‘\"'«`").endswith(":"):
            return  # a colon introduces the quote: 'in a statement: "..."' stays direct
        words_before = _WORDS.findall(before)
        words_after = _WORDS.findall(after)
        if len(words_before) < 2 and len(words_after) < 2:
            return
        lead = len(before) - len(before.lstrip(" “‘\"'«"))
        start = sent_start + lead if words_before else d.start
        # '"You squeezed employees" to drive up the stock price, she said': the words up to the
        # comma before the attribution are the speaker's too (not 'Tulsa police Chief')
        if len(words_after) >= 2 and after.rstrip().endswith(","):
            end = d.end + len(after.rstrip(" ,—–-"))
        elif words_before:
            end = d.end + (2 if text.startswith("''", d.end) else 1)  # the closing mark
        else:
            return
        d.kind, d.start, d.end = MIXED, start, end

    def _continues(self, q: QuoteSpan, drafts: list[_Draft]) -> bool:
        prev = drafts[-1] if drafts else None
        return (
            prev is not None
            and prev.kind == DIRECT
            and prev.cue is not None
            and prev.end <= prev.cue.idx < q.start
            and q.start - prev.end <= _MAX_GAP_BETWEEN_PARTS
            and "\n" not in self.text[prev.end : q.start]
            and _ATTRIBUTION_ONLY.search(self.text[prev.end : q.start]) is not None
        )

    def _direct(self, q: QuoteSpan, drafts: list[_Draft], *, short: bool) -> _Draft | None:
        signed = self._signed(q)
        if signed is not None:
            return _Draft(DIRECT, q.start, q.end, None, signed[0], signed[1], 0.8)
        cue = self._cue_for_quote(q)
        if short:
            # a short quote is a statement only when a cue stands right by it ('"You winning?"
            # she asked'); otherwise it is a scare quote or a title
            near = cue is not None and (
                0 <= cue.idx - q.end <= _NEAR or 0 <= q.start - (cue.idx + len(cue)) <= 3
            )
            if not near:
                return None
        if cue is not None:
            speaker, sspan = self._speaker(cue)
            if cue.idx > q.end:
                speaker, sspan = self._between(q, cue, _Draft(DIRECT, 0, 0, cue, speaker, sspan, 0))
            return _Draft(DIRECT, q.start, q.end, cue, speaker, sspan, 0.9 if speaker else 0.5)
        # "“A,” he said. “B.”": a quote with no cue of its own continues the last speaker
        last = drafts[-1] if drafts else None
        if short:
            return None
        if last is not None and last.speaker is not None and q.start - last.end < _INHERIT_WINDOW:
            return _Draft(DIRECT, q.start, q.end, None, last.speaker, last.speaker_span, 0.6)
        return None

    def _signed(self, q: QuoteSpan) -> tuple[Mention | None, tuple[int, int]] | None:
        """A quote signed with a dash: '"..." ― Martha Aguilar'."""
        after = self.text[q.end + 1 : q.end + 6]
        stripped = after.lstrip()
        if not stripped or stripped[0] not in _DASHES:
            return None
        start = q.end + 1 + (len(after) - len(stripped)) + 1
        found = self.index.at(start, start + 40)
        if found is not None and found.start - start <= 2:
            return found, (found.start, found.end)
        # a name the model did not tag: the capitalised words after the dash
        words = []
        for t in self.doc:
            if t.idx < start:
                continue
            if not t.is_title or len(words) == 4:
                break
            words.append(t)
        if not words or words[0].idx - start > 2:
            return None
        return None, (words[0].idx, words[-1].idx + len(words[-1]))

    def _cue_for_quote(self, q: QuoteSpan) -> Token | None:
        """The speech verb of a quote: after it in the sentence that follows the closing mark
        ('"...," Clinton said'), else before it in the sentence that opens it ('He said: "...').
        Another quote in between ends the search: that verb is the other quote's."""
        doc = self.doc
        i = bisect_right(self._token_starts, q.end)
        while i < len(doc) and doc[i].is_punct:
            i += 1
        after = doc[i] if i < len(doc) else None
        if after is not None and after.idx - q.end <= _AFTER_GAP:
            limit = min(after.sent.end, after.i + _CUE_WINDOW)
            for t in doc[after.i : limit]:
                if self._quoted(t) or t.text in _OPENERS:
                    break
                if self._is_cue(t) and not self._says_other(t, q):
                    return t
        i = bisect_left(self._token_starts, q.start) - 1
        while i >= 0 and doc[i].idx + len(doc[i]) >= q.start:
            i -= 1
        before = doc[i] if q.start and i >= 0 else None
        if before is not None and q.start - (before.idx + len(before)) <= _AFTER_GAP:
            for t in reversed(doc[before.sent.start : before.i + 1]):
                if self._quoted(t) or t.text in CLOSING_MARKS:
                    break
                if self._is_cue(t) and not self._says_other(t, q):
                    return t
        return None

    def _is_cue(self, t: Token) -> bool:
        return t.lemma_ in self.quote_cues and t.pos_ == "VERB"

    def _says_other(self, verb: Token, q: QuoteSpan) -> bool:
        """A verb with a clause of its own after it says that clause, not the quote before it:
        '"... editorial policy." The network said it would send her to Crimea', 'exhorted them
        to "vote your conscience" and said he was standing on principle'."""
        quoted = self.text[q.start : q.end].rstrip()
        if quoted.endswith(",") or self.text.startswith(",", q.end + 1):
            return False  # '"... investigated," Warren told Stumpf, after he admitted ...'
        return any(
            c.dep_ == "ccomp"
            and c.i > verb.i
            and not c.left_edge.idx <= q.start <= c.right_edge.idx
            and "," not in self.text[verb.idx : c.left_edge.idx]
            and not self._quoted(c)
            for c in verb.children
        )

    # -- speakers -------------------------------------------------------------------------

    def _speaker(self, verb: Token) -> tuple[Mention | None, tuple[int, int]]:
        subject = subject_of(verb)
        if subject is not None and not any(ch.isalnum() for ch in subject.text):
            # 'made public ― Trump boasted': the parser took a dash for the subject
            subject = next(
                (c for c in verb.lefts if c.dep_.startswith("nsubj") and c.text[:1].isalnum()),
                None,
            )
        if subject is not None and subject.ent_type_ in ("DATE", "TIME"):
            # '"...," Police Chief Chuck Jordan said Monday': the parser took the day for the
            # subject; the speaker is the name just before the verb
            subject = next(
                (t for t in reversed(list(verb.lefts)) if t.pos_ in ("PROPN", "NOUN")), None
            )
        if subject is not None and self._quoted(subject):
            # '"... it will at some point," said James Acton': the parser took a word of the
            # quote for the subject; the speaker is the noun after the verb
            subject = next(
                (
                    c
                    for c in verb.rights
                    if c.pos_ in ("PROPN", "NOUN", "PRON") and not self._quoted(c)
                ),
                None,
            )
        if subject is None and verb.i == verb.sent.start:
            # 'Said Ellis: "..."': the speaker named after a verb that opens the sentence
            subject = next(
                (c for c in verb.rights if c.pos_ == "PROPN" and not self._quoted(c)), None
            )
        if subject is None:
            return None, (verb.idx, verb.idx)
        return self._resolvesubject_of(subject)

    def _quoted(self, token: Token) -> bool:
        return self._quoted_offset(token.idx)

    def _quoted_offset(self, offset: int) -> bool:
        i = bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and offset < self.quotes[i].end

    def _resolvesubject_of(self, subject: Token) -> tuple[Mention | None, tuple[int, int]]:
        if subject.lower_ in _RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
            # "Murphy, who said ...": the statement hangs on "who", its actor is the noun the
            # clause belongs to
            found, _ = self._resolvesubject_of(subject.head.head)
            return found, (subject.idx, subject.idx + len(subject))
        start, end = subject.idx, subject.idx + len(subject)
        for appos in (c for c in subject.children if c.dep_ == "appos"):
            found = self.index.at(appos.idx, appos.idx + len(appos))
            if found is not None:
                return found, (found.start, found.end)
        found = self.index.at(start, end)
        if found is not None:
            return found, (found.start, found.end)
        phrase_start = subject.left_edge.idx
        found = resolve_reference(subject, self.index, skip=self._quoted_offset)
        if found is not None:
            return found, (phrase_start, end)
        # the subject's own phrase, without appositions or relative clauses that name others
        # ("Robert McAtee, one of several veterans who work with Mr. Clarke")
        own = [subject] + [t for c in subject.children if c.dep_ not in _NOT_OWN for t in c.subtree]
        right = max(own, key=lambda t: t.i)
        inner = self.index.within(phrase_start, right.idx + len(right))
        if not inner and subject.pos_ == "PROPN":
            # a name the model did not tag: its words are the speaker as written
            return None, (phrase_start, end)
        if inner:
            # "US Director of National Intelligence Avril Haines": the person; "a senior official
            # at Seoul's presidential office": the body; "officials in Washington": the country
            best = min(inner, key=lambda m: _SPEAKER_PREFERENCE.get(self.index.kind_of(m.actor), 9))
            return best, (phrase_start, right.idx + len(right))
        return None, (phrase_start, end)

    # -- output ---------------------------------------------------------------------------

    def _finish(self, d: _Draft) -> Statement:
        speaker = d.speaker.actor if d.speaker else None
        targets: dict[str, Target] = {}
        # in a quote interrupted by its attribution, the names in the attribution are not targets
        named = [m for a, b in (d.parts or [(d.start, d.end)]) for m in self.index.within(a, b)]
        for m in named:
            if m.actor != speaker and m.actor not in targets:
                targets[m.actor] = Target(actor=m.actor, start=m.start, end=m.end)
        cue = d.cue
        if cue is not None and self.verbs.get(cue.lemma_) in _TARGET_VERB_CLASSES:
            for obj in (c for c in cue.children if c.dep_ in ("dobj", "dative")):
                m = self.index.at(obj.idx, obj.idx + len(obj))
                if m is not None and m.actor != speaker and m.actor not in targets:
                    targets[m.actor] = Target(actor=m.actor, start=m.start, end=m.end)
        if cue is None:
            cue_text, lemma, cue_start, cue_end, cue_class = "", "", d.start, d.start, "say"
        elif cue.lower_ == "according":
            cue_text, lemma, cue_class = "according to", "according to", "report"
            cue_start, cue_end = cue.idx, cue.idx + len("according to")
        else:
            cue_class = self.verbs.get(cue.lemma_) or self.nouns.get(cue.lemma_, "say")
            cue_text, lemma = cue.text, cue.lemma_
            cue_start, cue_end = cue.idx, cue.idx + len(cue)
        s0, s1 = d.speaker_span
        pieces = d.parts if len(d.parts) > 1 else [(d.start, d.end)]
        return Statement(
            kind=d.kind,
            # '"A," she said. "B."': the speaker's words without the attribution between them
            content=" … ".join(self.text[a:b] for a, b in pieces),
            content_start=d.start,
            content_end=d.end,
            cue=cue_text,
            cue_lemma=lemma,
            cue_start=cue_start,
            cue_end=cue_end,
            cue_class=cue_class,
            speaker=speaker,
            speaker_text=self.text[s0:s1],
            speaker_start=s0,
            speaker_end=s1,
            confidence=d.confidence if speaker else min(d.confidence, 0.4),
            targets=tuple(targets.values()),
            fragments=tuple(d.parts) if len(d.parts) > 1 else (),
        )


def _bare_clause(verb: Token) -> Token | None:
    """'Trump said after the convention he would not accept it': a clause with a subject and
    no conjunction, which the parser hung on the verb as an adverbial clause, is what was
    said ('said before he left' is not)."""
    for c in verb.children:
        if (
            c.dep_ == "advcl"
            and c.i > verb.i
            and any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
            and not any(
                d.dep_ in ("mark", "advmod") or d.tag_ in ("WDT", "WP", "WRB")
                for d in c.children
                if d.i < c.i
            )
        ):
            return c
    return None


def _clause_on_addressee(verb: Token, nouns: dict[str, str]) -> Token | None:
    """'he told a meeting of Pacific Island leaders that few people understood ...': a 'that'
    clause with a subject of its own, which the parser hung on the addressee as a relative
    clause, is what was said ('repeated the warning that ...' is the warning's own)."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i):
        if obj.lemma_ in nouns:
            continue
        for c in obj.subtree:
            if (
                c.dep_ in ("relcl", "acl")
                and any(d.dep_ == "mark" and d.lower_ == "that" for d in c.children)
                and any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
            ):
                return c
    return None


def _nobody_speaks(verb: Token) -> bool:
    """An order to the reader ('Now tell us this isn't ...') or a gerund with no one doing it
    ('It goes without saying that', 'without knowing how ...')."""
    subject = subject_of(verb)
    if verb.tag_ == "VBG":
        if subject is not None:  # 'began by saying he would never ...': whoever began
            return subject.lower_ == "it"  # 'It goes without saying that ...'
        return verb.dep_ != "acl"  # 'a letter saying that ...' is the letter's
    if subject is not None:
        return False
    return verb.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _directive(verb: Token) -> bool:
    """'told his advisers to figure out how ...', 'asked Congress to act': an addressee and
    what they are to do."""
    return any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children) and any(
        c.dep_ == "xcomp" and c.i > verb.i for c in verb.children
    )


def _around(doc: Doc, start: int, end: int, cue: Token) -> list[tuple[int, int]]:
    """'Less clear, he said, is what Russia has provided': the content's two parts, without
    the parenthetical attribution in the middle (character offsets)."""
    left = _trimmed(doc, start, cue.left_edge.i)
    right_start = cue.right_edge.i + 1
    while right_start < end and doc[right_start].is_punct:
        right_start += 1
    if left[1] <= left[0] or right_start >= end:
        return []  # the attribution opens or closes the sentence: one piece
    return [
        (doc[left[0]].idx, doc[left[1] - 1].idx + len(doc[left[1] - 1])),
        (doc[right_start].idx, doc[end - 1].idx + len(doc[end - 1])),
    ]


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _drop_overlaps(drafts: list[_Draft]) -> list[_Draft]:
    """Where two statements share most of their content, keep the better one.

    A direct quote beats reported speech (speech reported inside a quote belongs to the quote),
    then the more confident, then the longer.
    """
    kept: list[_Draft] = []
    for d in drafts:
        clash = next((k for k in kept if _overlap(k, d) > 0.5), None)
        if clash is None:
            kept.append(d)
        elif _rank(d) > _rank(clash):
            kept[kept.index(clash)] = d
    return kept


def _rank(d: _Draft) -> tuple[bool, float, int]:
    return (d.kind == DIRECT, d.confidence, d.end - d.start)


def _merge_quote_parts(drafts: list[_Draft], text: str) -> list[_Draft]:
    """'"A," Clinton said. "B."' is one statement: the second part has no cue of its own."""
    out: list[_Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == d.kind == DIRECT
            and prev.cue is not None
            and (d.cue is None or d.cue.i == prev.cue.i)
            and prev.end <= prev.cue.idx < d.start
            and d.start - prev.end <= _MAX_GAP_BETWEEN_PARTS
            and "\n" not in text[prev.end : d.start]
            and _ATTRIBUTION_ONLY.search(text[prev.end : d.start])
        ):
            prev.extend(d.start, d.end)
            continue
        out.append(d)
    return out


def _overlap(a: _Draft, b: _Draft) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared / max(1, min(a.end - a.start, b.end - b.start))


def find_statements(doc: Doc, index: ActorIndex) -> list[Statement]:
    return _Extractor(doc, index).run()
