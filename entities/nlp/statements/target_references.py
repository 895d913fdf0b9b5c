"""Actors a statement's content speaks of without naming them: 'the two countries', 'the two
ministers' (the two actors of that kind named last), 'the nation', 'the country' (the country
named last)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from entities.nlp.types import COUNTRY, PERSON

from .draft import Context, Draft

# the plural noun after "the two" / "both" -> the kind of actor it refers to
_PAIR_NOUNS = {
    "countries": COUNTRY,
    "nations": COUNTRY,
    "states": COUNTRY,
    "governments": COUNTRY,
    "neighbours": COUNTRY,
    "neighbors": COUNTRY,
    "capitals": COUNTRY,
    "leaders": PERSON,
    "ministers": PERSON,
    "presidents": PERSON,
    "men": PERSON,
    "women": PERSON,
}
_COUNTRY_NOUNS = {"nation", "country"}


def referenced(ctx: Context, d: Draft) -> Iterator[tuple[str, int, int]]:
    """(actor, start, end) of each actor the content refers to by such a phrase."""
    for a, b in d.parts or [(d.start, d.end)]:
        for token in ctx.doc[ctx.token_index(a) : ctx.token_index(b)]:
            if not a <= token.idx < b:
                continue
            if token.lower_ in _PAIR_NOUNS and _counted_two(token):
                yield from _pair(ctx, d, token)
            elif token.lower_ in _COUNTRY_NOUNS and _definite(token):
                found = ctx.index.before(token.idx, {COUNTRY})
                if found is not None:
                    yield found.actor, token.idx, token.idx + len(token)


def _counted_two(token: Token) -> bool:
    """'the two countries', 'the two neighbouring Muslim nations', 'both leaders'."""
    words = {c.lower_ for c in token.lefts if c.dep_ in ("det", "nummod", "predet", "preconj")}
    return {"the", "two"} <= words or "both" in words


def _definite(token: Token) -> bool:
    """'the nation' (not 'a nation', 'her nation', 'the nation's capital Kigali')."""
    doc = token.doc
    return (
        token.i >= 1
        and doc[token.i - 1].lower_ == "the"
        and token.dep_ not in ("compound", "amod")
        and not any(c.dep_ == "appos" for c in token.children)
    )


def _pair(ctx: Context, d: Draft, token: Token) -> Iterator[tuple[str, int, int]]:
    """The two actors of the noun's kind named last before the phrase, passing over the
    names in the statement's own attribution ("Japan's Chief Cabinet Secretary said the two
    countries' ...": not Japan)."""
    kind = _PAIR_NOUNS[token.lower_]
    sentence_start = token.sent.start_char

    def attribution(start: int) -> bool:
        return sentence_start <= start < d.start or d.speaker_span[0] <= start < d.speaker_span[1]

    found: list[str] = []
    offset = token.idx
    while len(found) < 2:
        m = ctx.index.before(offset, {kind}, skip=lambda s: attribution(s))
        if m is None:
            return
        if m.actor not in found:
            found.append(m.actor)
        offset = m.start
    for actor in found:
        yield actor, token.idx, token.idx + len(token)
