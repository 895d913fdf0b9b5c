"""Whom a statement is about: the actors named in its content, and the object of a cue that
aims at someone ("accused Clinton of ...", "urged Congress to act"); never the speaker."""

from __future__ import annotations

from entities.nlp import gazetteer
from entities.nlp.types import Target

from .draft import Context, Draft


def targets_of(ctx: Context, d: Draft, speaker: str | None) -> tuple[Target, ...]:
    """Each target actor once, at its first mention, content first."""
    index = ctx.index
    targets: dict[str, Target] = {}
    # in a quote interrupted by its attribution, the names in the attribution are not targets
    named = [m for a, b in (d.parts or [(d.start, d.end)]) for m in index.within(a, b)]
    for m in named:
        if m.actor != speaker and m.actor not in targets:
            targets[m.actor] = Target(actor=m.actor, start=m.start, end=m.end)
    cue = d.cue
    if cue is not None and ctx.verbs.get(cue.lemma_) in gazetteer.target_cue_classes():
        for obj in (c for c in cue.children if c.dep_ in ("dobj", "dative")):
            m = index.at(obj.idx, obj.idx + len(obj))
            if m is not None and m.actor != speaker and m.actor not in targets:
                targets[m.actor] = Target(actor=m.actor, start=m.start, end=m.end)
    return tuple(targets.values())
