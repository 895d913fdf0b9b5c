"""A forgiving search: actors found by a name as people type it ("Putn", "erdoğan", "kim jong
un", "trump's"), ranked by how well they match, and what to suggest when a statement search
finds nothing ("did you mean ...").

Names are compared folded (Actor.folded and ActorAlias.folded, entities.models.search_key). On
PostgreSQL a misspelt name is found by pg_trgm word similarity through the GIN trigram indexes
of migration 0013; SQLite compares the query with every name in Python (difflib): fine for the
few thousand actors of an embedded database, not for a large one.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import partial

from django.db import connection
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Concat

from entities.models import Actor, ActorAlias, search_key
from entities.websearch import websearch_parse

# how a name matches, best first: the lower the better (Actor.match); among equals the
# actor list's ordering (by default the most mentioned first)
MATCH_EXACT = 0  # the name: "vladimir putin"
MATCH_ALIAS = 1  # an alias: "un" for the United Nations
MATCH_WORDS = 2  # whole words of the name or an alias: "putin", "xi", "trump's"
MATCH_PREFIX = 3  # the start of the name or an alias: "vlad", "xio"
# the start of a later word ("jinp") or a close spelling ("putn"): one rank, so that the
# prominent Vladimir Putin comes before the obscure Robert Putnam for "putn"
MATCH_NEAR = 4
MATCH_PART = 5  # inside a word: "xi" in "mexico"

FUZZY_RATIO = 0.75  # SQLite: difflib ratio of the query to a run of words of a name


def actor_match(qs: QuerySet[Actor], query: str) -> QuerySet[Actor]:
    """The actors of `qs` whose name or an alias matches `query`, with `match` (MATCH_*) to
    order them by. Nothing for a query of punctuation only."""
    key = search_key(query)
    if not key:
        return qs.none().annotate(match=Value(MATCH_PART))
    # one IN over a UNION: the planner estimates the few rows it gives (an OR of two INs it
    # takes for most of the actors, and may then compile the query with JIT for 100 ms); a
    # branch per condition, so that each takes its own path ("xi" is too short for the
    # trigram index to find parts of words, not for it to find close spellings)
    branches = [
        rows.filter(condition).order_by().values(column)
        for rows, column in ((Actor.objects.all(), "pk"), (ActorAlias.objects.all(), "actor_id"))
        for condition in _near(key)
    ]
    candidates = branches[0].union(*branches[1:])
    matched = Q(pk__in=candidates)
    fuzzy_ids = [] if connection.vendor == "postgresql" else _fuzzy_ids(key)
    if fuzzy_ids:
        matched |= Q(pk__in=fuzzy_ids)
    padded = Concat(Value(" "), "folded", Value(" "))
    return qs.filter(matched).alias(padded=padded).annotate(match=_match_rank(key, fuzzy_ids))


def _near(key: str) -> list[Q]:
    """Folded names near the key: containing it or, on PostgreSQL, with a run of words whose
    trigrams are close to its own (pg_trgm word similarity at its default threshold, 0.6)."""
    near = [Q(folded__contains=key)]
    if connection.vendor == "postgresql":
        near.append(Q(folded__trigram_word_similar=key))
    return near


def _match_rank(key: str, fuzzy_ids: list[int]) -> Case:
    padded = Concat(Value(" "), "folded", Value(" "))
    # every alias condition below implies this one, which the trigram index serves
    aliases = ActorAlias.objects.filter(actor=OuterRef("pk")).alias(padded=padded)
    containing = aliases.filter(folded__contains=key)
    words, word_start = f" {key} ", f" {key}"  # padded names: " kim jong un "

    def name_or_alias(**lookup: str) -> Q:
        return Q(**{f"padded__{k}": v for k, v in lookup.items()}) | Q(
            Exists(containing.filter(**{f"padded__{k}": v for k, v in lookup.items()}))
        )

    if connection.vendor == "postgresql":
        fuzzy = Q(folded__trigram_word_similar=key) | Q(
            Exists(aliases.filter(folded__trigram_word_similar=key))
        )
    else:
        fuzzy = Q(pk__in=fuzzy_ids)
    return Case(
        When(folded=key, then=Value(MATCH_EXACT)),
        When(Exists(aliases.filter(folded=key)), then=Value(MATCH_ALIAS)),
        When(name_or_alias(contains=words), then=Value(MATCH_WORDS)),
        When(name_or_alias(startswith=word_start), then=Value(MATCH_PREFIX)),
        When(name_or_alias(contains=word_start) | fuzzy, then=Value(MATCH_NEAR)),
        default=Value(MATCH_PART),
        output_field=IntegerField(),
    )


def _fuzzy_ids(key: str) -> list[int]:
    """SQLite: actors with a name or alias close to the key (difflib over all of them)."""
    names = [
        *Actor.objects.values_list("pk", "folded"),
        *ActorAlias.objects.values_list("actor_id", "folded"),
    ]
    return sorted({pk for pk, name in names if _closeness(key, name) >= FUZZY_RATIO})


def _closeness(key: str, name: str) -> float:
    """How close the key is to the closest run of as many words of the name (0 to 1)."""
    words, size = name.split(), len(key.split())
    runs = [" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))]
    return max(difflib.SequenceMatcher(None, key, run).ratio() for run in runs)


@dataclass(frozen=True)
class Suggestion:
    """What a search that found nothing may have meant: a query (None when no spelling found
    anything) and actors whose names are close to the query."""

    query: str | None
    actors: list[Actor] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.query or self.actors)


def statement_suggest(*, query: str, actors: int = 3) -> Suggestion:
    """For a statement search that found nothing: the query with each word that no statement
    contains replaced by the closest word of an actor's name or alias (the words people
    misspell in news searches are names: "Putn", "Zelenski"), offered only if that query finds
    statements; and the actors the query may name."""
    from entities.selectors.actors import actor_list  # actors imports this module

    missing = [t for t in websearch_parse(query).terms if not _corpus_has(t.text)]
    named = list(actor_list(query=query)[:actors])
    for term in missing if not named else ():  # no actor named by the whole query: by a word
        named += [a for a in actor_list(query=term.text)[:1] if a not in named]
    replaced = query
    for term in missing:
        word = None if term.phrase else _closest_name_word(term.text)
        if word:
            typed = rf"(?<!\w){re.escape(term.text)}(?!\w)"
            replaced = re.sub(typed, partial(_as_typed, word), replaced, flags=re.I)
    if replaced == query or replaced.casefold() == query.casefold():
        return Suggestion(None, named[:actors])
    from entities.selectors.statements import statement_search

    found = statement_search(query=replaced).exists()
    return Suggestion(replaced if found else None, named[:actors])


def _as_typed(word: str, typed: re.Match[str]) -> str:
    """The word capitalised if it replaces a capitalised one."""
    return word.capitalize() if typed[0][:1].isupper() else word


def _corpus_has(word: str) -> bool:
    """Whether a statement contains the word (stemmed on PostgreSQL, as the search reads it)."""
    from entities.selectors.statements import statement_search

    return statement_search(query=word).exists()


def _closest_name_word(word: str) -> str | None:
    """The word of an actor's name or alias closest to `word`, if close enough."""
    if len(word) < 3:
        return None
    if connection.vendor == "postgresql":
        near = Q(folded__trigram_word_similar=word)
        names = [
            *ActorAlias.objects.filter(near).values_list("folded", flat=True)[:50],
            *Actor.objects.filter(near).values_list("folded", flat=True)[:50],
        ]
    else:
        names = [
            *Actor.objects.values_list("folded", flat=True),
            *ActorAlias.objects.values_list("folded", flat=True),
        ]
    words = {w for name in names for w in name.split() if len(w) > 2}
    closest = difflib.get_close_matches(word, words, n=1, cutoff=FUZZY_RATIO)
    return closest[0] if closest else None
