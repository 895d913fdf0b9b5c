"""Whom a statement is about: the actors named in its content, and the object of a cue that
aims at someone ("accused Clinton of ...", "urged Congress to act"); the speaker only where
it names itself in the content."""

from __future__ import annotations

from entities.nlp import gazetteer
from entities.nlp.syntax import noun_head
from entities.nlp.types import COUNTRY, GROUP, ORGANIZATION, Target

from .draft import Context, Draft
from .target_references import referenced


def targets_of(ctx: Context, d: Draft, speaker: str | None) -> tuple[Target, ...]:
    """Each target actor once, at its first mention, content first."""
    index = ctx.index
    targets: dict[str, Target] = {}
    # in a quote interrupted by its attribution, the names in the attribution are not targets
    named = [m for a, b in (d.parts or [(d.start, d.end)]) for m in index.within(a, b)]
    for m in named:
        if (
            (m.actor != speaker or _names_itself(ctx, d, m))
            and m.actor not in targets
            and not _place_only(ctx, m)
            and not _people_of(ctx, m)
            and not _source_within(ctx, m)
        ):
            targets[m.actor] = Target(actor=m.actor, start=m.start, end=m.end)
    for actor, start, end in referenced(ctx, d):
        # "the two countries' inaccurate reference", "accused the nation of ..."
        if actor not in targets and actor != speaker:
            targets[actor] = Target(actor=actor, start=start, end=end)
    own = own_country(ctx, speaker)
    if own and own not in targets and ctx.index.mentioned(own):
        # "stop provoking us", "If they get one, we have to get one": an official quoted
        # saying "we" speaks of their country, by its own words
        found = next(iter(_first_person_plural(ctx, d)), None)
        if found is not None:
            targets[own] = Target(actor=own, start=found[0], end=found[1])
    if speaker is not None and own == speaker and speaker not in targets:
        # "Israel has said the goals of its war ...": a country speaking of itself by pronoun
        found = next(iter(_itself(ctx, d, speaker)), None)
        if found is not None:
            targets[speaker] = Target(actor=speaker, start=found[0], end=found[1])
    if own and own not in targets and ctx.index.mentioned(own):
        # "her nation", "our country": the speaker's own country, named without its name
        for a, b in d.parts or [(d.start, d.end)]:
            found = next(iter(_own_country_mentions(ctx, a, b)), None)
            if found is not None:
                targets[own] = Target(actor=own, start=found[0], end=found[1])
                break
    cue = d.cue
    if cue is not None and ctx.verbs.get(cue.lemma_) in gazetteer.target_cue_classes():
        for obj in (c for c in cue.children if c.dep_ in ("dobj", "dative")):
            aimed = index.at(obj.idx, obj.idx + len(obj))
            if aimed is not None and aimed.actor != speaker and aimed.actor not in targets:
                targets[aimed.actor] = Target(actor=aimed.actor, start=aimed.start, end=aimed.end)
    return tuple(targets.values())


def _names_itself(ctx: Context, d: Draft, m) -> bool:
    """'Mr Prabowo and Wei discussed ...' in Prabowo's statement, 'Accusing Rwanda of ... is
    unfair' in Rwanda's: the speaker named by its own name in the content speaks of itself
    explicitly, as one who acts or is acted on: not as an owner ("Indonesia's food projects")
    or a describing word ("Indonesian Defence Minister Prabowo")."""
    if d.speaker_span[0] <= m.start < d.speaker_span[1]:
        return False
    head = noun_head(ctx.doc[ctx.token_index(m.start)])
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ in _PARTICIPANT_DEPS or (head.dep_ == "pobj" and head.head.lower_ == "against")


_PARTICIPANT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "agent"}


def _place_only(ctx: Context, m) -> bool:
    """'a briefing in Beijing', 'flying from Doha': a country or capital named as the place
    where something happens is not what the statement is about."""
    token = ctx.doc[ctx.token_index(m.start)]
    head = token
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return (
        ctx.index.kind_of(m.actor) == COUNTRY
        and head.dep_ == "pobj"
        and head.head.lower_ in gazetteer.place_prepositions()
    )


def _people_of(ctx: Context, m) -> bool:
    """'Chinese producers', 'Palestinian civilians': a country's demonym describing private
    people or firms names whose they are, not what the statement is about."""
    if ctx.index.kind_of(m.actor) != COUNTRY:
        return False
    token = ctx.doc[ctx.token_index(m.start)]
    if token.idx + len(token) < m.end or token.dep_ not in ("amod", "compound", "nmod"):
        return False
    head = token.head
    while head.dep_ == "compound" and head.head.i != head.i and head.head.i > head.i:
        head = head.head
    # "his Chinese counterpart, Mr Wei Fenghe": the demonym of a role describes the person
    return (
        head.lemma_.lower() in gazetteer.private_people_nouns()
        or head.lower_ in gazetteer.title_words()
    )


def _source_within(ctx: Context, m) -> bool:
    """'..., Xinhua news agency reported': a news outlet the content cites (the subject of a
    speech verb inside it) is where the words come from, not what they are about."""
    body = gazetteer.body_named(m.actor)
    if body is None or not body.media:
        return False
    head = noun_head(ctx.doc[ctx.token_index(m.start)])
    return head.dep_ == "nsubj" and head.head.lemma_ in ctx.verbs and head.head.i > head.i


_OWNERS = {"my", "our", "his", "her", "their"}
_HOMELAND = {"country", "nation", "homeland", "government", "people"}


def own_country(ctx: Context, speaker: str | None) -> str:
    """The speaker's country: its own when a country speaks, else the one its role gives."""
    if speaker is None:
        return ""
    draft = ctx.index.actors[speaker]
    return speaker if draft.kind == COUNTRY else draft.country


_IT = {"it", "its", "itself"}


def _itself(ctx: Context, d: Draft, speaker: str):
    """Spans of 'it', 'its' in the content that refer to the speaking country."""
    for a, b in d.parts or [(d.start, d.end)]:
        for token in ctx.doc[ctx.token_index(a) : ctx.token_index(b)]:
            if token.lower_ not in _IT or not a <= token.idx < b:
                continue
            found = ctx.index.before(token.idx, {COUNTRY, ORGANIZATION, GROUP})
            if found is not None and found.actor == speaker:
                yield token.idx, token.idx + len(token)


_WE = {"we", "us", "our", "ours", "ourselves"}


def _first_person_plural(ctx: Context, d: Draft):
    """Spans of 'we', 'us', 'our' in the speaker's own quoted words, where the country takes
    part in what is said ('stop provoking us', 'we have to get one'), not where 'we' only
    knows, feels or watches ('we don't know', 'we're concerned')."""
    for a, b in d.parts or [(d.start, d.end)]:
        for token in ctx.doc[ctx.token_index(a) : ctx.token_index(b)]:
            quoted_we = token.lower_ in _WE and a <= token.idx < b and ctx.quoted(token)
            if quoted_we and not _minds(token):
                yield token.idx, token.idx + len(token)


def _minds(token) -> bool:
    """'we' as the subject of knowing, feeling or watching."""
    if not token.dep_.startswith("nsubj"):
        return False
    mental = gazetteer.mental_verbs()
    verb = token.head
    return verb.lemma_.lower() in mental or any(
        c.dep_ in ("acomp", "xcomp", "conj") and c.lemma_.lower() in mental for c in verb.children
    )


def _own_country_mentions(ctx: Context, start: int, end: int):
    """Spans of 'her nation', 'our country' within [start, end)."""
    doc = ctx.doc
    for token in doc[ctx.token_index(start) : ctx.token_index(end)]:
        if token.lower_ in _HOMELAND and token.idx < end and token.i > 0:
            owner = doc[token.i - 1]
            if owner.lower_ in _OWNERS and owner.idx >= start:
                yield owner.idx, token.idx + len(token)
