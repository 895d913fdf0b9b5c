"""Reads on actors: lists, pages, what they said and what was said about them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce

from entities.models import (
    UNDATED_MONTH,
    Actor,
    ActorAlias,
    ActorCounts,
    ActorMonth,
    Article,
    Mention,
    PairCounts,
    PossibleDuplicate,
    search_key,
)
from entities.selectors.counts import home_counts
from entities.selectors.search import actor_match

ACTOR_ORDERINGS = {
    "mentions": ("-mention_count", "name", "pk"),
    "statements_by": ("-statements_by", "-mention_count", "name", "pk"),
    "statements_about": ("-statements_about", "-mention_count", "name", "pk"),
    "name": ("name", "pk"),
}


def actor_list(
    *, query: str = "", kind: str = "", country: Actor | None = None, ordering: str = "mentions"
) -> QuerySet[Actor]:
    """Live actors (not merged away, not rejected) with their counts (from ActorCounts, which
    the services keep in step). `ordering` is one of ACTOR_ORDERINGS: counts descending, names
    ascending. With a query, the actors whose name or an alias it may mean (accents, case,
    punctuation and small misspellings aside), the best matches first: the name, an alias,
    whole words, a start, a part, a close spelling."""
    qs = Actor.objects.filter(merged_into__isnull=True, rejected=False).select_related("country")
    qs = qs.annotate(
        statements_by=Coalesce("counts__said", 0),
        statements_about=Coalesce("counts__about", 0),
        mention_count=Coalesce("counts__mentions", 0),
    )
    if kind:
        qs = qs.filter(kind=kind)
    if country is not None:
        qs = qs.filter(country=country)
    order = ACTOR_ORDERINGS.get(ordering, ACTOR_ORDERINGS["mentions"])
    if query:
        # the best matches first (entities.selectors.search), in the ordering among equals
        return actor_match(qs, query).order_by("match", *order)
    return qs.order_by(*order)


def actor_named(*, name: str, limit: int = 10) -> list[Actor]:
    """Live actors a person may mean by `name`: its slug, its canonical name or one of its
    aliases ("Peskov", "the Kremlin spokesman"; accents, case and punctuation aside), merged
    ones replaced by their survivors; the most prominent first (statements by and about it,
    and mentions, as `prominence`)."""
    key = ActorAlias.normalise(name)
    if not key:
        return []
    # the alias as stored, or name and aliases folded ("kim jong un" for "Kim Jong-un")
    folded = search_key(name)
    aliased = ActorAlias.objects.filter(Q(alias=key) | Q(folded=folded)).values("actor_id")
    name = name.strip()
    found = (
        Actor.objects.filter(
            Q(slug=name) | Q(name__iexact=name) | Q(folded=folded) | Q(pk__in=aliased)
        )
        .select_related("merged_into")
        .order_by("pk")[: limit * 2]
    )
    out: dict[int, Actor] = {}
    for actor in (a.survivor() for a in found):
        if not actor.rejected:
            out.setdefault(actor.pk, actor)
    if len(out) > 1:
        ranked = (
            actor_list()
            .filter(pk__in=list(out))
            # annotations of actor_list(), which the stubs cannot see
            .values_list("pk", "statements_by", "statements_about", "mention_count")  # type: ignore[misc]
        )
        weight = {pk: by + about + mentions for pk, by, about, mentions in ranked}
        for actor in out.values():
            actor.prominence = weight.get(actor.pk, 0)  # type: ignore[attr-defined]  # read by ActorField
        return sorted(out.values(), key=lambda a: (-weight.get(a.pk, 0), a.pk))[:limit]
    return list(out.values())[:limit]


def actor_get(*, slug: str) -> Actor | None:
    return Actor.objects.select_related("country", "merged_into").filter(slug=slug).first()


@dataclass(frozen=True)
class PossibleDuplicateRow:
    other: Actor
    reason: str


def possible_duplicates_for(actor: Actor) -> list[PossibleDuplicateRow]:
    """Actors that may be this one (the resolver's doubts and names alike, see
    services.duplicates), for an editor to merge or leave apart: neither merged away nor
    rejected nor dismissed, newest first. One query."""
    rows = (
        PossibleDuplicate.objects.filter(Q(actor=actor) | Q(other=actor), dismissed=False)
        .select_related("actor", "other")
        .order_by("-created_at", "pk")
    )
    out = []
    for row in rows:
        other = row.other if row.actor_id == actor.pk else row.actor
        if other.merged_into_id is None and not other.rejected:
            out.append(PossibleDuplicateRow(other=other, reason=row.reason))
    return out


def actor_possible_duplicates(*, actor: Actor) -> list[PossibleDuplicateRow]:
    """possible_duplicates_for, keyword-only as the other selectors."""
    return possible_duplicates_for(actor)


def actor_aliases(*, actor: Actor) -> list[str]:
    return list(actor.aliases.values_list("alias", flat=True))


def _live_ranked(counted: list[tuple[int, int]], limit: int) -> list[tuple[Actor, int]]:
    """(actor, count) of (actor id, count) pairs, most first: live actors only."""
    actors = Actor.objects.in_bulk([pk for pk, _ in counted])
    out = [
        (actors[pk], n)
        for pk, n in counted
        if pk in actors and not actors[pk].rejected and actors[pk].merged_into_id is None
    ]
    return out[:limit]


def actor_counts(*, actor: Actor) -> ActorCounts:
    """The actor's statements, the statements about it and its mentions (zeros for an actor
    never counted)."""
    return ActorCounts.objects.filter(actor=actor).first() or ActorCounts(actor=actor)


def actor_top_targets(*, actor: Actor, limit: int = 10) -> list[tuple[Actor, int]]:
    """Whom the actor talks about, with the number of its statements about each."""
    counted = (
        PairCounts.objects.filter(speaker=actor, n__gt=0)
        .order_by("-n", "target_id")
        .values_list("target_id", "n")
    )
    return _live_ranked(list(counted[: limit * 2]), limit)


def actor_top_speakers(*, actor: Actor, limit: int = 10) -> list[tuple[Actor, int]]:
    """Who talks about the actor, with the number of their statements about it."""
    counted = (
        PairCounts.objects.filter(target=actor, n__gt=0)
        .order_by("-n", "speaker_id")
        .values_list("speaker_id", "n")
    )
    return _live_ranked(list(counted[: limit * 2]), limit)


COMENTIONED_ARTICLES = 1000  # the actor's latest articles co-mentions are counted in


def actor_comentioned(
    *, actor: Actor, limit: int = 10, articles: int = COMENTIONED_ARTICLES
) -> list[tuple[Actor, int]]:
    """Actors mentioned in the same articles as this one, with the number of articles shared,
    among its `articles` most recently uploaded articles (a bound: the busiest actor is named
    in tens of thousands, and counting the others in all of them read millions of mentions)."""
    latest = (
        Mention.objects.filter(actor=actor)
        .order_by("-article_id")
        .values_list("article_id", flat=True)
        .distinct()[:articles]
    )
    counted = list(
        Mention.objects.filter(article_id__in=list(latest))
        .exclude(actor=actor)
        .order_by()
        .values_list("actor_id")
        .annotate(n=Count("article_id", distinct=True))
        .order_by("-n", "actor_id")[: limit * 2]
    )
    return _live_ranked(counted, limit)


@dataclass(frozen=True)
class TimelinePoint:
    month: date
    said: int
    about: int


def actor_timeline(*, actor: Actor) -> list[TimelinePoint]:
    """Statements by and about the actor per publication month, oldest first, with the empty
    months in between (undated articles are left out)."""
    rows = (
        ActorMonth.objects.filter(actor=actor, month__gt=UNDATED_MONTH)
        .filter(Q(said__gt=0) | Q(about__gt=0))
        .order_by("month")
        .values_list("month", "said", "about")
    )
    counted = {month: (said, about) for month, said, about in rows}
    if not counted:
        return []
    first, last = min(counted), max(counted)
    points = []
    month = first
    while month <= last:
        said, about = counted.get(month, (0, 0))
        points.append(TimelinePoint(month, said, about))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return points


def home_stats() -> dict:
    """What the home page shows: counts, the latest articles, the most quoted and the most
    discussed actors."""
    return {
        **home_counts(),  # from the statistics on a large database: "about 1,000,000"
        "recent_articles": list(
            Article.objects.defer("raw", "body").order_by("-created_at", "-pk")[:10]
        ),
        "most_quoted": _most("said"),
        "most_discussed": _most("about"),
    }


def _most(counted: str, limit: int = 10) -> list[tuple[Actor, int]]:
    rows = (
        ActorCounts.objects.filter(**{f"{counted}__gt": 0})
        .order_by(f"-{counted}", "actor_id")
        .values_list("actor_id", counted)
    )
    return _live_ranked(list(rows[: limit * 2]), limit)


def actor_resolve(*, slug: str) -> Actor | None:
    """The live actor a slug names: a merged actor's survivor (followed through chains of
    merges); None for an unknown slug or a rejected actor."""
    actor = actor_get(slug=slug)
    if actor is not None and actor.merged_into_id:
        actor = actor_get(slug=actor.survivor().slug)  # with its country, as actor_get gives
    if actor is None or actor.rejected:
        return None
    return actor


def actor_with_counts(*, actor: Actor) -> Actor | None:
    """The actor with the counts the actor list shows (statements by, about, mentions)."""
    return actor_list().filter(pk=actor.pk).first()
