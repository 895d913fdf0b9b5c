"""Who says it: the subject of the cue, resolved to an actor through names, appositions,
pronouns and relative clauses, or the name written by a quote ('," Jordan said', '― Aguilar').

Every function returns the actor's mention (None when no actor is known) and the character
span of the speaker as written, which the output shows even without an actor.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Token

from entities.nlp import gazetteer
from entities.nlp.index import resolve_reference
from entities.nlp.quotes import QuoteSpan
from entities.nlp.syntax import subject_of
from entities.nlp.types import COUNTRY, GROUP, ORGANIZATION, PERSON, Mention

from .cue import asked_of_subject
from .draft import Context, Draft

Speaker = tuple[Mention | None, tuple[int, int]]

# of several actors in one phrase, the most specific speaks: a person before their body
SPEAKER_PREFERENCE = {PERSON: 0, ORGANIZATION: 1, GROUP: 2, COUNTRY: 3}
# a subject's dependents that name others, not the subject ("X, one of several veterans who")
_NOT_OWN = {"appos", "relcl", "acl", "punct", "cc", "conj"}
_DASHES = "―—–-"
_PERSON_PRONOUNS = {"he", "she"}
_SAME_SOURCE = re.compile(
    r"(the )?(same|this|that) (source|sources|official|spokesman|spokeswoman)"
)


def speaker_of(ctx: Context, verb: Token) -> Speaker:
    """The speaker of a speech verb: its subject, after repairing parses that took a dash, a
    date or a word of the quote for it."""
    if asked_of_subject(verb):
        # 'Clinton was asked whether ...': the one asked does not speak; the one asking is
        # named by 'by', if at all
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        return resolve_subject(ctx, asker) if asker else (None, (verb.idx, verb.idx))
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
        subject = next((t for t in reversed(list(verb.lefts)) if t.pos_ in ("PROPN", "NOUN")), None)
    if subject is not None and ctx.quoted(subject):
        # '"... it will at some point," said James Acton': the parser took a word of the
        # quote for the subject; the speaker is the noun after the verb
        subject = next(
            (c for c in verb.rights if c.pos_ in ("PROPN", "NOUN", "PRON") and not ctx.quoted(c)),
            None,
        )
    if subject is None and verb.i == verb.sent.start:
        # 'Said Ellis: "..."': the speaker named after a verb that opens the sentence
        subject = next((c for c in verb.rights if c.pos_ == "PROPN" and not ctx.quoted(c)), None)
    if subject is None:
        subject = _unparsed_subject(ctx, verb)
    if subject is None:
        return None, (verb.idx, verb.idx)
    return resolve_subject(ctx, subject)


def _unparsed_subject(ctx: Context, verb: Token) -> Token | None:
    """'Earlier, Orbán, at a meeting with journalists, said ...': the parser hung the name on
    the adverb before it, and the finite verb of the sentence has no subject. The first name of
    a known actor before the verb, outside any prepositional phrase, is its subject. Or the
    parser took an infinitive inside a name for the sentence's verb."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    head = verb.head
    if verb.dep_ != "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        # "the United Nations Special Committee to investigate Israeli practices found": the
        # parser made the name's infinitive the sentence's verb, with the name its subject
        return next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
    if verb.dep_ != "ROOT":
        return None
    for token in verb.sent:
        if token.i >= verb.i:
            return None
        if token.pos_ != "PROPN" or ctx.quoted(token):
            continue
        chain = [token, *token.ancestors]
        if any(t.dep_ in ("prep", "pobj", "poss", "compound") for t in chain[: chain.index(verb)]):
            continue
        if ctx.index.at(token.idx, token.idx + len(token)) is not None:
            return token
    return None


def resolve_subject(ctx: Context, subject: Token) -> Speaker:
    """The actor a subject (or owner, or source) token stands for, and the phrase naming it."""
    index = ctx.index
    if subject.lower_ in gazetteer.subject_relative_pronouns() and subject.head.dep_ == "relcl":
        # "Murphy, who said ...": the statement hangs on "who", its actor is the noun the
        # clause belongs to
        found, _ = resolve_subject(ctx, subject.head.head)
        return found, (subject.idx, subject.idx + len(subject))
    start, end = subject.idx, subject.idx + len(subject)
    if subject.lemma_.lower() in gazetteer.document_nouns():
        # "a press statement issued by Mr Prabowo's office said", "the statement stressed"
        found = issuer(ctx, subject) or previous_issuer(ctx, subject.idx)
        if found is not None:
            return found, (subject.left_edge.idx, end)
    for appos in (c for c in subject.children if c.dep_ == "appos"):
        found = index.at(appos.idx, appos.idx + len(appos))
        if found is not None:
            return found, (found.start, found.end)
    found = index.at(start, end)
    if found is not None:
        return found, (found.start, found.end)
    phrase_start = subject.left_edge.idx
    if subject.lower_ in gazetteer.title_words():
        # "Lula's advisor ... and former Foreign Minister Celso Amorim said": one person
        # described twice, the second time by name
        for conj in (c for c in subject.children if c.dep_ == "conj" and c.pos_ == "PROPN"):
            found = index.at(conj.idx, conj.idx + len(conj))
            if found is not None and index.kind_of(found.actor) == PERSON:
                return found, (phrase_start, found.end)
    found = resolve_reference(subject, index, skip=ctx.quoted_offset)
    if found is not None:
        return found, (phrase_start, end)
    # the subject's own phrase, without appositions or relative clauses that name others
    # ("Robert McAtee, one of several veterans who work with Mr. Clarke")
    own = [subject] + [t for c in subject.children if c.dep_ not in _NOT_OWN for t in c.subtree]
    right = max(own, key=lambda t: t.i)
    inner = index.within(phrase_start, right.idx + len(right))
    if not inner and subject.pos_ == "PROPN":
        # a name the model did not tag: its words are the speaker as written
        return None, (phrase_start, end)
    holder = _office_holder_named_after(ctx, subject, inner)
    if holder is not None:
        return holder, (phrase_start, end)
    if inner and subject.lemma_.lower() in gazetteer.relational_nouns():
        # "Kyiv's allies believe ...": the allies speak, not Ukraine; no actor is known
        return None, (phrase_start, right.idx + len(right))
    if inner:
        # "US Director of National Intelligence Avril Haines": the person; "a senior official
        # at Seoul's presidential office": the body; "officials in Washington": the country.
        # "Lula's advisor ... Celso Amorim": an owner names whose advisor, not who speaks.
        owned = [m for m in inner if not _possessive_after(ctx.text, m)] or inner
        best = min(owned, key=lambda m: SPEAKER_PREFERENCE.get(index.kind_of(m.actor), 9))
        return best, (phrase_start, right.idx + len(right))
    return None, (phrase_start, end)


# characters after an unnamed office holder within which the article names the person
_CATAPHORA_REACH = 800


def _office_holder_named_after(
    ctx: Context, subject: Token, inner: list[Mention]
) -> Mention | None:
    """'Qatar's ruling emir opened the summit by accusing Israel ...', the person named only
    in the next paragraphs: a country's office holder with no person named before is the
    first person of that country (or of none known) named soon after."""
    if subject.lower_ not in gazetteer.title_words() or len(inner) != 1:
        return None
    owner = inner[0]
    if ctx.index.kind_of(owner.actor) != COUNTRY or not _possessive_after(ctx.text, owner):
        return None
    return ctx.index.person_named_after(subject.idx + len(subject), owner.actor, _CATAPHORA_REACH)


def issuer(ctx: Context, noun: Token) -> Mention | None:
    """Who issued a statement or report: its owner ("the Taliban's statement"), the agent of
    "issued by" or "from" ("a statement issued by Mr Prabowo's office"), or a name before the
    noun ("the UN report")."""
    for child in noun.children:
        if child.dep_ == "poss":
            found, _ = resolve_subject(ctx, child)
            if found is not None:
                return found
    doc = ctx.doc
    for token in doc[noun.i + 1 : min(noun.i + 4, noun.sent.end)]:
        # "issued by X", "from X": the words up to the next punctuation name the issuer
        if token.lower_ in ("by", "from"):
            end = token.i + 1
            while end < noun.sent.end and not doc[end].is_punct and end - token.i <= 6:
                end += 1
            inner = ctx.index.within(doc[token.i + 1].idx, doc[end - 1].idx + len(doc[end - 1]))
            if inner:
                return min(
                    inner, key=lambda m: SPEAKER_PREFERENCE.get(ctx.index.kind_of(m.actor), 9)
                )
    inner = ctx.index.within(noun.left_edge.idx, noun.idx)
    if inner:
        return min(inner, key=lambda m: SPEAKER_PREFERENCE.get(ctx.index.kind_of(m.actor), 9))
    return None


def previous_issuer(ctx: Context, offset: int) -> Mention | None:
    """'The statement further highlighted ...': the issuer of the statement named last."""
    for token in reversed(ctx.doc[: ctx.token_index(offset)]):
        if token.lemma_.lower() in gazetteer.document_nouns():
            found = issuer(ctx, token)
            if found is not None:
                return found
    return None


def between(ctx: Context, q: QuoteSpan, cue: Token, parsed: Speaker) -> Speaker:
    """'"...," Tulsa police Chief Chuck Jordan said': the name written between the quote
    and its verb is the speaker, whatever the parse made of it (`parsed`)."""
    inner = [m for m in ctx.index.within(q.end, cue.idx) if not _in_brackets(ctx.text, q.end, m)]
    if not inner:
        return parsed
    if ctx.text[inner[0].end : cue.idx].lstrip().startswith(","):
        # '"...," Flynn, a top Trump surrogate, said': the names in the apposition after
        # the first one describe it
        inner = inner[:1]
    best = min(
        reversed(inner),
        key=lambda m: SPEAKER_PREFERENCE.get(ctx.index.kind_of(m.actor), 9),
    )
    return best, (best.start, best.end)


def _possessive_after(text: str, m: Mention) -> bool:
    return text[m.end : m.end + 2] in ("'s", "’s")


def _in_brackets(text: str, start: int, m: Mention) -> bool:
    """'"..." (Congolese army), Kigali said': a name in brackets glosses the quote's words."""
    before = text[start : m.start]
    return before.count("(") > before.count(")")


def pronoun_speakers(ctx: Context, drafts: list[Draft]) -> None:
    """'X said authorities arrested Glas. "This is a violation," he said': a pronoun that
    speaks is someone named outside what others are reported to say (Glas, named inside X's
    statement, is what X spoke of, not who speaks next). `drafts` are the final statements."""
    spans = sorted((d.start, d.end) for d in drafts)
    starts = [a for a, _ in spans]

    def inside_content(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return ctx.quoted_offset(offset) or (i >= 0 and offset < spans[i][1])

    for d in drafts:
        written = ctx.text[d.speaker_span[0] : d.speaker_span[1]]
        if d.speaker is None or written.lower() not in _PERSON_PRONOUNS:
            continue
        gender = "f" if written.lower() in ("she", "her") else "m"
        found = ctx.index.before(d.speaker_span[0], {PERSON}, skip=inside_content, gender=gender)
        if found is not None and found.actor != d.speaker.actor:
            d.speaker = found


def same_source(ctx: Context, drafts: list[Draft]) -> None:
    """'..., the same source added': a speaker named only as the source of the statement
    before it is that statement's speaker. `drafts` must be in text order."""
    previous: Draft | None = None
    for d in drafts:
        written = ctx.text[d.speaker_span[0] : d.speaker_span[1]].lower()
        if d.speaker is None and previous is not None and _SAME_SOURCE.fullmatch(written):
            d.speaker = previous.speaker
        if d.speaker is not None:
            previous = d


def signed(ctx: Context, q: QuoteSpan) -> Speaker | None:
    """A quote signed with a dash: '"..." ― Martha Aguilar'; None when it is not signed."""
    text = ctx.text
    after = text[q.end + 1 : q.end + 6]
    stripped = after.lstrip()
    if not stripped or stripped[0] not in _DASHES:
        return None
    start = q.end + 1 + (len(after) - len(stripped)) + 1
    found = ctx.index.at(start, start + 40)
    if found is not None and found.start - start <= 2:
        return found, (found.start, found.end)
    # a name the model did not tag: the capitalised words after the dash
    words: list[Token] = []
    for t in ctx.doc:
        if t.idx < start:
            continue
        if not t.is_title or len(words) == 4:
            break
        words.append(t)
    if not words or words[0].idx - start > 2:
        return None
    return None, (words[0].idx, words[-1].idx + len(words[-1]))
