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
from entities.nlp.syntax import noun_head
from entities.nlp.types import NEGATIVE, NEUTRAL, ORGANIZATION, PERSON, POSITIVE, Target

from .draft import Context, Draft
from .targets import own_country

_NEGATIONS = {"no", "not", "never", "n't", "without", "nor", "neither"}


def with_stances(
    ctx: Context, d: Draft, speaker: str | None, targets: tuple[Target, ...]
) -> tuple[Target, ...]:
    cue_class = _cue_class(ctx, d)
    carried = gazetteer.cue_stances().get(cue_class, "") or _cue_word_stance(d)
    agents = {t.actor for t in targets if _agent(_mention_token(ctx, t))}
    return tuple(
        Target(t.actor, t.start, t.end, _stance(ctx, d, speaker, t, carried, agents))
        for t in targets
    )


def _stance(
    ctx: Context, d: Draft, speaker: str | None, t: Target, carried: str, agents: set[str]
) -> str:
    mention = _mention_token(ctx, t)
    if _own_side(ctx, d, speaker, t.actor, mention):
        # the speaker's side is positive only where the statement rebuts a charge against it
        return POSITIVE if _rebutted(ctx, d, mention) else NEUTRAL
    if _urged_to_stop(ctx, d, mention) or _threatened_if(ctx, d, speaker, mention):
        return NEGATIVE
    if _freed(ctx, d, mention):
        return POSITIVE
    if _as_place(mention):
        return NEUTRAL  # "plans for a submarine to visit South Korea": only the place
    if carried:
        return carried
    if _criticises(ctx, mention):
        # "Lula had always condemned Hamas' attacks": the one who condemns is not condemned
        return NEUTRAL
    clause = _clause_words(ctx, d, mention)
    found = _words_stance(clause)
    if found == NEGATIVE and _suffers(mention) and (agents - {t.actor} or _named_victim(mention)):
        # 'another dismissive statement by Viktor Orbán against Ukraine': the one a third
        # actor acts against is the victim, not the villain (rule 6 of the guide)
        return NEUTRAL
    if found:
        return found
    content = ctx.doc[ctx.token_index(d.start) : ctx.token_index(d.end)]
    return _words_stance(content) or NEUTRAL


# "denied", "refuted": a cue that rebuts what the speaker's side is charged with
_REBUTTING_CUES = {"deny", "refute", "dispute", "dismiss", "counter", "retort"}
# nouns of a charge: "allegations against the Government", "accusations against us"
_CHARGE_NOUNS = {"allegation", "accusation", "charge", "claim", "blame"}


def _rebutted(ctx: Context, d: Draft, mention: Token) -> bool:
    """'Israel denies it is committing genocide', 'Accusing Rwanda of supporting M23 is
    unfair', 'sweeping allegations against the Government': the speaker's side named as the
    one charged, in a statement that rebuts the charge."""
    if d.cue is not None and d.cue.lemma_.lower() in _REBUTTING_CUES:
        return True
    head = noun_head(mention)
    if head.dep_ == "dobj" and ctx.verbs.get(head.head.lemma_) == "accuse":
        return True  # "accusing Rwanda of ..." in the speaker's own words
    return (
        head.dep_ == "pobj"
        and head.head.lower_ == "against"
        and head.head.head.lemma_.lower() in _CHARGE_NOUNS
    )


_STOP_VERBS = {"stop", "cease", "halt", "end", "refrain", "quit"}


def _urged_to_stop(ctx: Context, d: Draft, mention: Token) -> bool:
    """'urged Pakistan not to attribute its shortcomings to Afghanistan', 'called on Russia to
    stop the attacks': an appeal that presupposes wrongdoing is hostile to whom it is made
    (rule 4 of the guide)."""
    cue = d.cue
    if cue is None or ctx.verbs.get(cue.lemma_) != "urge":
        return False
    head = noun_head(mention)
    aimed = head.head.i == cue.i and head.dep_ in ("dobj", "dative")
    called_on = head.dep_ == "pobj" and head.head.head.i == cue.i  # "called on Russia"
    if not (aimed or called_on):
        return False
    for verb in (c for c in cue.subtree if c.dep_ in ("xcomp", "ccomp") and c.i > mention.i):
        if verb.lemma_.lower() in _STOP_VERBS or any(c.lower_ in _NEGATIONS for c in verb.children):
            return True
    return False


_RELEASE_VERBS = {"release", "free"}


def _freed(ctx: Context, d: Draft, mention: Token) -> bool:
    """'urging the junta to release Suu Kyi': calling for someone's release speaks for them
    (rule 5 of the guide)."""
    head = noun_head(mention)
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in _RELEASE_VERBS:
        return False
    cue = d.cue
    return (
        cue is not None
        and ctx.verbs.get(cue.lemma_) == "urge"
        and any(a.i == cue.i for a in verb.ancestors)
    )


_CONDITION_SUBJECTS = {"we", "i"}


def _threatened_if(ctx: Context, d: Draft, speaker: str | None, mention: Token) -> bool:
    """'Saudi Arabia will have to obtain a nuclear weapon if Iran does', 'if Iran gets one, we
    have to get one': an actor whose act is the condition of the speaker's side's answer is
    warned, deterred (rule 3 of the guide)."""
    head = noun_head(mention)
    verb = head.head
    if head.dep_ != "nsubj" or verb.dep_ != "advcl":
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children):
        return False
    main = verb.head
    while main.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in main.children):
        main = main.head  # "Saudi Arabia will have to obtain a weapon if Iran does"
    for subject in (c for c in main.children if c.dep_ == "nsubj"):
        if subject.lower_ in _CONDITION_SUBJECTS:
            return True
        m = ctx.index.at(subject.idx, subject.idx + len(subject))
        if (
            m is not None
            and speaker is not None
            and m.actor in (speaker, own_country(ctx, speaker))
        ):
            return True
    return False


def _criticises(ctx: Context, mention: Token) -> bool:
    """The mention is who condemns, criticises or accuses in the content."""
    head = noun_head(mention)
    verb = head.head
    return head.dep_ == "nsubj" and verb.pos_ == "VERB" and ctx.verbs.get(verb.lemma_) == "accuse"


_VICTIM_NOUNS = {"target", "victim"}


def _named_victim(mention: Token) -> bool:
    """'Putin's residence was the target of a drone attack': named the target of an act."""
    head = noun_head(mention)
    while head.dep_ == "poss" and head.head.i != head.i:
        head = noun_head(head.head)
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(c.dep_ == "attr" and c.lemma_.lower() in _VICTIM_NOUNS for c in head.head.children)


def _mention_token(ctx: Context, t: Target) -> Token:
    """The word of the target's mention that the parse hangs it on: 'government' in 'The
    government of Israel', 'Korea' in 'North Korea' (the words of a name lean on the last)."""
    span = ctx.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ctx.doc[ctx.token_index(t.start)]
    root = span.root
    return span[-1] if root.dep_ in ("compound", "flat") else root


_AGAINST = {"against", "on", "upon", "at"}


def _agent(mention: Token) -> bool:
    """The mention names who acts: a subject, the 'by' of a passive or a noun, or an owner
    ("Russia's goal", "a statement by Orbán")."""
    head = noun_head(mention)
    return head.dep_ in ("nsubj", "poss") or (head.dep_ == "pobj" and head.head.lower_ == "by")


def _suffers(mention: Token) -> bool:
    """The mention names whom a hostile act is aimed at: 'a statement against Ukraine',
    'Ukraine was attacked', 'tried to strike Putin's residence' (not 'turn Ukraine into a
    ruin', which speaks ill of Ukraine)."""
    head = noun_head(mention)
    negative = gazetteer.stance_words()
    while head.dep_ == "poss" and head.head.i != head.i:
        if negative.get(head.head.lemma_.lower()) == NEGATIVE:
            return False  # "Hamas' attacks": the owner of a hostile act commits it
        head = noun_head(head.head)  # the owner of what is struck suffers it
    if head.dep_ == "pobj":
        return head.head.lower_ in _AGAINST
    return (
        head.dep_ in ("dobj", "nsubjpass")
        and head.head.pos_ == "VERB"
        and gazetteer.stance_words().get(head.head.lemma_.lower()) == NEGATIVE
    )


def _cue_class(ctx: Context, d: Draft) -> str:
    cue = d.cue
    if cue is None or cue.lower_ == "according":
        return ""
    return ctx.verbs.get(cue.lemma_) or ctx.nouns.get(cue.lemma_, "")


def _cue_word_stance(d: Draft) -> str:
    """'demanded', 'condemned' carry a stance of their own whatever their class."""
    return gazetteer.stance_words().get(d.cue.lemma_.lower(), "") if d.cue is not None else ""


def _own_side(ctx: Context, d: Draft, speaker: str | None, actor: str, mention: Token) -> bool:
    """The speaker's own country ('Chinese Defence Minister Wei Fenghe' on China), or the
    speaker's own people and bodies when a country speaks, or what the speaker calls its own
    ('his Rapid Support Forces'). A group of the same country is not its side: a government
    accusing its country's rebels is not speaking of itself."""
    if actor == speaker:  # "Mr Prabowo and Wei discussed ...": the speaker of itself
        return True
    if _owned_by_speaker(ctx, d, speaker, mention):
        return True
    own = own_country(ctx, speaker)
    if not own:
        return _announcing(ctx, speaker, mention)
    target = ctx.index.actors[actor]
    if actor == own:  # "we", "its war": the speaker's country named by the speaker
        return True
    if _body_of_role(ctx.index.actors[speaker].role if speaker else "", target):
        return True  # the Ukrainian foreign ministry's spokesman on the ministry
    if own == speaker:  # a country speaks: its people, not its organisations
        return target.country == speaker and target.kind != ORGANIZATION
    return False


_ANNOUNCING_VERBS = {"announce", "declare", "decide"}


def _announcing(ctx: Context, speaker: str | None, mention: Token) -> bool:
    """'Mexico announces the breaking of relations with Ecuador' in the words of a minister
    whose country the article does not say: the government whose decision an official
    announces is the official's own."""
    if speaker is None or ctx.index.kind_of(speaker) != PERSON:
        return False
    if not ctx.index.actors[speaker].role:
        return False
    head = noun_head(mention)
    while head.dep_ in ("pobj", "prep") and head.head.i != head.i:
        head = head.head  # "the government of Israel has declared"
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in _ANNOUNCING_VERBS


def _body_of_role(role: str, target) -> bool:
    """'Spokesman for the Ukrainian Ministry of Foreign Affairs' speaks for the Ministry of
    Foreign Affairs of Ukraine: the body's name, less its country, is in the speaker's role."""
    if not role or target.kind != ORGANIZATION:
        return False
    role = role.lower()
    for name in (target.name, *target.aliases):
        core = name.lower().split(" of " + target.country.lower())[0] if target.country else name
        if len(core) > 3 and core.lower() in role:
            return True
    return False


_OWN = {"my", "our"}
_HIS_HER = {"his", "her"}


def _owned_by_speaker(ctx: Context, d: Draft, speaker: str | None, mention: Token) -> bool:
    """'refused to integrate his Rapid Support Forces': the speaker's own ('our', or 'his' and
    'her' in a person's statement that names no other person before them)."""
    if speaker is None:
        return False
    owner = next((c for c in noun_head(mention).children if c.dep_ == "poss"), None)
    if owner is None:
        return False
    if owner.lower_ in _OWN:
        return True
    if owner.lower_ not in _HIS_HER or ctx.index.kind_of(speaker) != PERSON:
        return False
    return not any(
        ctx.index.kind_of(m.actor) == PERSON and m.actor != speaker
        for m in ctx.index.within(d.start, owner.idx)
    )


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
        stance = table.get(token.lemma_.lower()) or _broken_ties(token)
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


_BREAK_VERBS = {"break", "breaking", "cut", "suspend", "rupture"}
_TIES = {"relation", "relations", "tie", "ties"}


def _broken_ties(token: Token) -> str | None:
    """'the breaking of diplomatic relations with Ecuador', 'cut ties with Israel': a hostile
    step against the other party (rule 3 of the guide)."""
    if token.lemma_.lower() not in _BREAK_VERBS and token.lower_ not in _BREAK_VERBS:
        return None
    for child in token.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in _TIES:
            return NEGATIVE
        ties_of = (g for g in child.children if g.dep_ == "pobj" and g.lemma_.lower() in _TIES)
        if child.dep_ == "prep" and child.lower_ == "of" and any(ties_of):
            return NEGATIVE
    return None


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


_VISIT_VERBS = {"visit", "tour"}


def _as_place(mention: Token) -> bool:
    """'in Washington', 'flew to Bogota', 'a submarine to visit South Korea': the mention is
    the object of a preposition of place or of a visit."""
    head = noun_head(mention)
    if head.dep_ == "dobj" and head.head.lemma_.lower() in _VISIT_VERBS:
        return True
    return head.dep_ == "pobj" and head.head.lower_ in gazetteer.place_prepositions()
