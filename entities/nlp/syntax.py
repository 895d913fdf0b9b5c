"""Reading the dependency parse: subjects of verbs and the clauses that are said."""

from __future__ import annotations

from spacy.tokens import Token

from .quotes import CLOSING_MARKS

_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def noun_head(token: Token) -> Token:
    """The word a name's other words lean on: 'Korea' in 'North Korea'; 'Ukraine' in
    "Ukraine's victory" is itself."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token


def subject_of(verb: Token) -> Token | None:
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if len(subjects) > 1:
            # "Sudan's army chief Abdel Fattah al-Burhan denied": the parser split a title
            # from the name after it, two subjects; the name is the one that speaks
            named = [s for s in subjects if s.pos_ == "PROPN"]
            return named[-1] if named else subjects[0]
        if subjects:
            return subjects[0]
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
            verb = verb.head.head  # "Dean began by saying ...": whoever began
            continue
        listed = verb.dep_ == "dep" and verb.pos_ == "VERB" and verb.head.pos_ == "VERB"
        if (verb.dep_ not in ("conj", "xcomp", "advcl") and not listed) or verb.head.i == verb.i:
            return None
        # "Peskov declined to give a date but said ..."; "X accused A, condemned B and vowed
        # C": the middle verb of a list, which the parser leaves as an unlabelled dependent
        verb = verb.head
    return None


def joined_by_that(clause: Token) -> bool:
    """Whether 'that' only joins a clause to the noun before it ('the claim that he lied'),
    as against filling a place in it ('the claim that Trump made'). The parser sometimes
    hangs a joining 'that' deep inside ('accusations that Trump had urged Russia to hack the
    emails', 'that' the object of 'hack'): a clause whose verb has a subject and an object
    of its own, with 'that' no part of either, is joined by it too."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return True
    first = clause.left_edge
    if first.lower_ != "that" or first.head.i == clause.i:
        return False
    deps = {c.dep_ for c in clause.children}
    return bool(deps & set(_SUBJECT_DEPS)) and bool(deps & {"dobj", "ccomp"})


def clause_span(comp: Token, exclude: Token) -> tuple[int, int]:
    """Token range of a clausal complement, without a leading 'that' or edge punctuation."""
    start, end = comp.left_edge.i, comp.right_edge.i + 1
    doc = comp.doc
    if start <= exclude.i < end:  # a parse that puts the cue inside its own complement
        start = exclude.i + 1
    for t in doc[start:end]:
        if t.lower_ == "according" and t.i > start:  # ", according to X" names the source
            end = t.i
            break
    # a leading 'that' that joins the clause goes; 'that claim smacked of ...' keeps it
    while start < end and (
        doc[start].is_punct or (doc[start].lower_ == "that" and doc[start].dep_ == "mark")
    ):
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in '”’"':
        end -= 1
    if end < len(doc) and doc[end].text in CLOSING_MARKS and _opens_more(doc[start:end].text):
        end += 1  # the parser hung the closing mark of a quoted fragment on the cue
    return start, end


def around_parenthetical(cue: Token) -> tuple[int, int]:
    """'Acts of protest, Mr. Obama said, are acts of patriotism': the sentence is the content."""
    sent = cue.sent
    inner = range(cue.left_edge.i, cue.right_edge.i + 1)
    words = [t for t in sent if t.i not in inner and not (t.is_punct or t.is_space)]
    if not words:
        return 0, 0
    return words[0].i, words[-1].i + 1


def _opens_more(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1
