"""Reported speech found in the parse: a speech verb and what it says ('Trump said he would
win', 'urged Congress to act', 'called for a moratorium'), with the nouns of speech and
'according to' (their own modules) read in the same pass, so candidates come in text order.
"""

from __future__ import annotations

from spacy.tokens import Token

from entities.nlp.quotes import CLOSING_MARKS
from entities.nlp.syntax import around_parenthetical, clause_span, subject_of
from entities.nlp.types import INDIRECT

from .candidates_according import according_draft
from .candidates_nominal import nominal_draft
from .content import (
    around,
    before_contrasted_speech,
    object_span,
    predicative_span,
    prep_span,
    without_trailing_aside,
)
from .cue import nobody_speaks, unsaid
from .draft import Context, Draft
from .speaker import speaker_of


def reported_candidates(ctx: Context) -> list[Draft]:
    """Every speech verb, noun of speech and 'according to' with content, in text order."""
    out = []
    for token in ctx.doc:
        if token.lemma_ in ctx.verbs and token.pos_ == "VERB":
            draft = _verb_draft(ctx, token)
        elif token.lemma_ in ctx.nouns and token.pos_ == "NOUN":
            draft = nominal_draft(ctx, token)
        elif token.lower_ == "according":
            draft = according_draft(ctx, token)
        else:
            continue
        if draft is not None:
            out.append(draft)
    return out


def _verb_draft(ctx: Context, token: Token) -> Draft | None:
    """What a speech verb says: its clause, else the sentence around a parenthetical 'he
    said', else its object or prepositional phrase. Without a clause the reading is less sure,
    which the confidence says."""
    if nobody_speaks(token) or unsaid(ctx, token):
        return None
    comps = [c for c in token.children if c.dep_ == "ccomp"]
    # 'It is unlikely; her team says she'll go on': of two clauses, the one after
    # the verb is what was said
    comp = next((c for c in comps if c.i > token.i), comps[0] if comps else None)
    if comp is None:
        comp = _clause_on_addressee(token, ctx.nouns)
    bare = _bare_clause(token) if comp is None else None
    comp = comp or bare
    if comp is not None:
        start, end = clause_span(comp, exclude=token)
        if end <= token.i and any(t.text in ":;" for t in ctx.doc[end : token.i]):
            return None  # 'We have been here before: Osama bin Laden declared war'
        bare_subject = subject_of(bare) if bare is not None else None
        if bare_subject is not None:  # from its subject: not 'after the convention'
            start = max(start, bare_subject.left_edge.i)
        obj = _object_before_reduced_relative(token, comp)
        if obj is not None:  # 'cited remarks Trump had made about Machado as examples'
            start = obj.left_edge.i
        later = [c for c in comps if c.i > comp.i and c.i > token.i]
        later += [c for c in token.children if c.i > comp.i and _reported_in_present(token, c)]
        if later:  # 'said Trump has respect for X and his comment was Y': both
            end = max(end, clause_span(later[-1], exclude=token)[1])
        if comp.i < token.i:
            end = _before_speaker_phrase(token, end)
        end = _through_open_quote(ctx, start, end)
        end = before_contrasted_speech(ctx, start, end)
    elif token.dep_ == "parataxis":
        start, end = around_parenthetical(token)
    elif _closing_attribution(token):
        # "The ambassador will be summoned ..., spokesman Oleh Nikolenko has said.": the
        # parser joined the attribution to the sentence as a second verb
        start, end = token.sent.start, _closing_attribution(token)
        while end > start and (ctx.doc[end - 1].is_punct or ctx.doc[end - 1].dep_ == "cc"):
            end -= 1
    elif token.lemma_ in ctx.object_verbs or _directive(token):
        start, end = object_span(ctx, token)
    else:
        start, end = prep_span(ctx, token)
        if end - start < 2:
            start, end = predicative_span(token)
    end = without_trailing_aside(ctx, start, end)
    if end - start < 2:
        return None
    span = ctx.doc[start:end]
    speaker, sspan = speaker_of(ctx, token)
    confidence = 0.7
    if comp is None and token.dep_ != "parataxis":
        confidence = 0.6 if speaker is not None else 0.5
    draft = Draft(INDIRECT, span.start_char, span.end_char, token, speaker, sspan, confidence)
    if token.dep_ == "parataxis" and comp is None:
        draft.parts = around(ctx.doc, start, end, token)
    return draft


def _before_speaker_phrase(verb: Token, end: int) -> int:
    """'... remarks about Ukraine, Spokesman for the Ukrainian Ministry of Foreign Affairs Oleh
    Nikolenko has said': a clause said before its verb ends at the comma that opens the
    speaker's own words (a title with no verb in it), wherever the parser hung them."""
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i:
        return end
    doc = verb.doc
    comma = next((t.i for t in reversed(doc[verb.sent.start : subject.i]) if t.text == ","), None)
    if comma is None or comma >= end:
        return end
    if any(t.pos_ in ("VERB", "AUX") for t in doc[comma + 1 : subject.i]):
        return end
    return comma


def _closing_attribution(verb: Token) -> int:
    """A speech verb closing its sentence after a comma, with its own subject and nothing
    said after it, that the parser joined to the clause before as a second verb: the index
    of that comma (0 when the verb is no such attribution)."""
    if verb.dep_ != "conj" or verb.head.i > verb.i:
        return 0
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return 0
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return 0
    doc = verb.doc
    if not all(t.is_punct or t.is_space for t in doc[verb.i + 1 : verb.sent.end]):
        return 0
    comma = next((t.i for t in reversed(doc[verb.head.i + 1 : subject.i]) if t.text == ","), 0)
    # the words between the comma and the verb name the speaker, not more of what was said
    if comma and any(t.pos_ == "VERB" for t in doc[comma + 1 : verb.i]):
        return 0
    return comma


def _through_open_quote(ctx: Context, start: int, end: int) -> int:
    """'told reporters that Ukraine "carried out an attack using 91 UAVs [uncrewed aerial
    vehicles] against the residence,"': a quote opened inside the clause runs to its closing
    mark, even where the parser ended the clause (or the sentence) before it."""
    doc = ctx.doc
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    for q in ctx.quotes:
        if first <= q.start < last < q.end:
            close = ctx.token_index(q.end - 1) + 1
            if close < len(doc) and doc[close].text in CLOSING_MARKS:
                close += 1
            return max(end, close)
    return end


def _object_before_reduced_relative(verb: Token, clause: Token) -> Token | None:
    """'cited disparaging remarks Trump had made about Machado': the parser took the relative
    clause of the object (no 'that', its own object missing) for a clause of the verb; what
    is said is the object with its clause. None when the clause is a clause of its own."""
    if clause.dep_ != "ccomp" or clause.i < verb.i:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    if obj is None or obj.right_edge.i + 1 != clause.left_edge.i:
        return None
    deps = {c.dep_ for c in clause.children}
    if "mark" in deps or not deps & {"nsubj"} or deps & {"dobj", "ccomp", "xcomp", "attr"}:
        return None
    return obj


_PRESENT = ("VBZ", "VBP")


def _reported_in_present(verb: Token, clause: Token) -> bool:
    """'Hayashi said the discharge is safe, and Japan is disclosing the data': a clause with
    its own subject, in the present tense, that the parser joined to a speech verb in the past
    goes on what was said; the story's own narration stays in the past ('said ... and the
    police arrested him')."""
    if verb.tag_ != "VBD" or clause.dep_ != "conj" or clause.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < clause.i]
    finite = auxiliaries[0] if auxiliaries else clause
    return finite.tag_ in _PRESENT or (finite.tag_ == "MD" and finite.lower_ in ("will", "can"))


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


def _directive(verb: Token) -> bool:
    """'told his advisers to figure out how ...', 'asked Congress to act': an addressee and
    what they are to do."""
    return any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children) and any(
        c.dep_ == "xcomp" and c.i > verb.i for c in verb.children
    )
