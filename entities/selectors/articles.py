"""Reads on articles and on the ingest pipeline's progress."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import (
    Count,
    F,
    Prefetch,
    QuerySet,
)
from django.db.models.functions import TruncMinute
from django.utils import timezone

from entities.models import Actor, Article, Mention
from entities.selectors.statements import statement_rows


def article_list(
    *,
    status: str = "",
    query: str = "",
    publisher: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Article]:
    qs = Article.objects.select_related("uploaded_by").annotate(
        statement_count=Count("statements", distinct=True)
    )
    if status:
        qs = qs.filter(status=status)
    if query:
        qs = qs.search(query)
    if publisher:
        qs = qs.filter(publisher__icontains=publisher)
    if date_from:
        qs = qs.filter(published_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(published_at__date__lte=date_to)
    # aggregation drops Meta.ordering, so the order is spelled out: newest first, undated last
    return qs.defer("raw", "body").order_by(
        F("published_at").desc(nulls_last=True), "-created_at", "-pk"
    )


def article_get(*, article_id: int) -> Article | None:
    return (
        Article.objects.filter(pk=article_id)
        .prefetch_related(
            Prefetch("mentions", queryset=Mention.objects.select_related("actor")),
            Prefetch("statements", queryset=statement_rows()),
        )
        .first()
    )


def article_actors(*, article: Article) -> list[Actor]:
    """The actors of an article, most mentioned first (from the prefetched mentions)."""
    counts: dict[int, int] = {}
    actors: dict[int, Actor] = {}
    for m in article.mentions.all():
        counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
        actors[m.actor_id] = m.actor
    ordered = sorted(actors.values(), key=lambda a: (-counts[a.pk], a.name))
    for actor in ordered:
        actor.mention_count = counts[actor.pk]
    return ordered


def article_status_counts(*, article_ids: list[int] | None = None) -> dict[str, int]:
    qs = Article.objects.all()
    if article_ids is not None:
        qs = qs.filter(pk__in=article_ids)
    return dict(qs.order_by().values_list("status").annotate(n=Count("pk")))


def article_failures(*, article_ids: list[int] | None = None, limit: int = 100):
    """(id, reason) of failed articles, newest failure first."""
    return list(_failed(article_ids).values_list("pk", "error")[:limit])


def _failed(article_ids: list[int] | None = None) -> QuerySet[Article]:
    qs = Article.objects.filter(status=Article.Status.FAILED)
    if article_ids is not None:
        qs = qs.filter(pk__in=article_ids)
    return qs.order_by("-finished_at", "-pk")


def ingest_stats(*, now=None) -> dict:
    """What an operator needs at a glance: counts by status, the last hour's throughput minute by
    minute, the oldest article still waiting, and the most recent failures."""
    now = now or timezone.now()
    hour_ago = now - timedelta(hours=1)
    per_minute = dict(
        Article.objects.filter(finished_at__gte=hour_ago, status=Article.Status.DONE)
        .annotate(minute=TruncMinute("finished_at"))
        .order_by()
        .values_list("minute")
        .annotate(n=Count("pk"))
    )
    minutes = [
        (now - timedelta(minutes=m)).replace(second=0, microsecond=0) for m in range(59, -1, -1)
    ]
    series = [(m, per_minute.get(m, 0)) for m in minutes]
    waiting = Article.objects.filter(
        status__in=[Article.Status.QUEUED, Article.Status.PROCESSING]
    ).order_by("queued_at")
    oldest = waiting.values_list("queued_at", flat=True).first()
    return {
        "counts": article_status_counts(),
        "done_last_hour": sum(n for _, n in series),
        "per_minute": series,
        "peak_minute": max((n for _, n in series), default=0),
        "oldest_waiting_since": oldest,
        "failures": list(_failed().only("pk", "title", "error", "finished_at", "attempts")[:50]),
    }


def article_progress(*, article_id: int) -> tuple[str, bool]:
    """(status, whether the broker accepted its task) of one article."""
    status, enqueued_at = Article.objects.values_list("status", "enqueued_at").get(pk=article_id)
    return status, enqueued_at is not None
