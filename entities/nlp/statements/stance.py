"""How the speaker stands toward each actor a statement is about: negative, positive or
neutral, by transparent rules (the annotation guide's, in general form):

1. The speaker's own side (its country, or an actor of its country) is neutral: what a
   government says of its own forces is not an attitude toward them.
2. A cue that carries a stance ("accused", "warned", "denied", "praised", "agreed") gives it
   to every other actor the statement is about.
3. Otherwise the words around the actor's mention decide: the clause it stands in, else the
   whole content, counted from `data/stance_words.tsv`; a negated word counts for nothing
   ("no aggression"). More negative than positive words is negative, and the reverse positive.
4. An actor named only as a place ("talks in Doha", "flying from Bogota") with no such words
   near it is neutral.
"""

from __future__ import annotations

from spacy.tokens import Token

from entities.nlp import gazetteer
from entities.nlp.types import NEGATIVE, NEUTRAL, ORGANIZATION, POSITIVE, Target

from .draft import Context, Draft
from .targets import own_country

_NEGATIONS = {"no", "not", "never", "n't", "without", "nor", "neither"}


def with_stances(
    ctx: Context, d: Draft, speaker: str | None, targets: tuple[Target, ...]
) -> tuple[Target, ...]:
    cue_class = _cue_class(ctx, d)
    carried = gazetteer.cue_stances().get(cue_class, "") or _cue_word_stance(d)
    agents = {t.actor for t in targets if _agent(ctx.doc[ctx.token_index(t.start)])}
    return tuple(
        Target(t.actor, t.start, t.end, _stance(ctx, d, speaker, t, carried, agents))
        for t in targets
    )


def _stance(
    ctx: Context, d: Draft, speaker: str | None, t: Target, carried: str, agents: set[str]
) -> str:
    if _own_side(ctx, speaker, t.actor):
        return NEUTRAL
    if carried:
        return carried
    mention = ctx.doc[ctx.token_index(t.start)]
    clause = _clause_words(ctx, d, mention)
    found = _words_stance(clause)
    if found == NEGATIVE and _suffers(mention) and agents - {t.actor}:
        # 'another dismissive statement by Viktor Orbán against Ukraine': the one a third
        # actor acts against is the victim, not the villain (rule 6 of the guide)
        return NEUTRAL
    if found:
        return found
    if _as_place(mention):
        return NEUTRAL
    content = ctx.doc[ctx.token_index(d.start) : ctx.token_index(d.end)]
    return _words_stance(content) or NEUTRAL


_AGAINST = {"against", "on", "upon", "at"}


def _agent(mention: Token) -> bool:
    """The mention names who acts: a subject, the 'by' of a passive or a noun, or an owner
    ("Russia's goal", "a statement by Orbán")."""
    head = _noun_head(mention)
    return head.dep_ in ("nsubj", "poss") or (head.dep_ == "pobj" and head.head.lower_ == "by")


def _suffers(mention: Token) -> bool:
    """The mention names whom a hostile act is aimed at: 'a statement against Ukraine',
    'Ukraine was attacked', 'tried to strike Putin's residence' (not 'turn Ukraine into a
    ruin', which speaks ill of Ukraine)."""
    head = _noun_head(mention)
    negative = gazetteer.stance_words()
    while head.dep_ == "poss" and head.head.i != head.i:
        if negative.get(head.head.lemma_.lower()) == NEGATIVE:
            return False  # "Hamas' attacks": the owner of a hostile act commits it
        head = _noun_head(head.head)  # the owner of what is struck suffers it
    if head.dep_ == "pobj":
        return head.head.lower_ in _AGAINST
    return (
        head.dep_ in ("dobj", "nsubjpass")
        and head.head.pos_ == "VERB"
        and gazetteer.stance_words().get(head.head.lemma_.lower()) == NEGATIVE
    )


def _noun_head(token: Token) -> Token:
    """'Ukraine' in 'Ukraine's victory' is itself; 'Korea' in 'North Korea' is the last word."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token


def _cue_class(ctx: Context, d: Draft) -> str:
    cue = d.cue
    if cue is None or cue.lower_ == "according":
        return ""
    return ctx.verbs.get(cue.lemma_) or ctx.nouns.get(cue.lemma_, "")


def _cue_word_stance(d: Draft) -> str:
    """'demanded', 'condemned' carry a stance of their own whatever their class."""
    return gazetteer.stance_words().get(d.cue.lemma_.lower(), "") if d.cue is not None else ""


def _own_side(ctx: Context, speaker: str | None, actor: str) -> bool:
    """The speaker's own country ('Chinese Defence Minister Wei Fenghe' on China), or the
    speaker's own people and bodies when a country speaks. A group of the same country is not
    its side: a government accusing its country's rebels is not speaking of itself."""
    own = own_country(ctx, speaker)
    if not own:
        return False
    target = ctx.index.actors[actor]
    if actor == own:  # "we", "its war": the speaker's country named by the speaker
        return True
    if own == speaker:  # a country speaks: its people, not its organisations
        return target.country == speaker and target.kind != ORGANIZATION
    return actor == own


def _clause_words(ctx: Context, d: Draft, mention: Token) -> list[Token]:
    """The words of the smallest clause around the mention, within the content."""
    head = mention
    while head.head.i != head.i and head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT":
        head = head.head
    return [t for t in head.subtree if d.start <= t.idx < d.end]


def _words_stance(tokens) -> str:
    table = gazetteer.stance_words()
    score = 0
    for token in tokens:
        stance = table.get(token.lemma_.lower())
        if stance is None:
            continue
        if _negated(token):
            # "not fair", "far from open": a denied good word is a reproach; a denied bad
            # word ("no aggression") says nothing
            score -= 1 if stance == POSITIVE else 0
            continue
        score += 1 if stance == POSITIVE else -1
    if score < 0:
        return NEGATIVE
    if score > 0:
        return POSITIVE
    return ""


def _negated(token: Token) -> bool:
    """'no aggression', 'did not attack', 'far from fair': the word's own negation."""
    if any(c.lower_ in _NEGATIONS for c in token.children):
        return True
    doc = token.doc
    if token.i >= 2 and doc[token.i - 2].lower_ == "far" and doc[token.i - 1].lower_ == "from":
        return True
    return token.head.i != token.i and any(
        c.lower_ in _NEGATIONS and c.i < token.i for c in token.head.children
    )


def _as_place(mention: Token) -> bool:
    """'in Washington', 'flew to Bogota': the mention is the object of a preposition of place."""
    return mention.dep_ == "pobj" and mention.head.lower_ in gazetteer.place_prepositions()
