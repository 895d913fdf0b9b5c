"""Reads only the browsing pages need: an upload's articles, the choices of the search form."""

from __future__ import annotations

from django.db.models import Count

from entities.models import Article, Mention, Statement


def article_uploads(*, ids: list[int]) -> list[Article]:
    """The articles of one upload, in the order they were sent, with their statement counts."""
    found = {
        a.pk: a
        for a in Article.objects.filter(pk__in=ids)
        .annotate(statement_count=Count("statements"))
        .only("pk", "title", "status", "error", "publisher", "published_at")
    }
    return [found[i] for i in ids if i in found]


def article_progress_counts(*, article_id: int) -> dict | None:
    """Status, failure reason and the numbers an upload's status line shows.

    Polled every 2 s while an upload runs, by anyone: three small queries, each count on its
    own index. Counting both in one query joined statements x mentions (5,500 x 16,500 rows
    for one long article)."""
    progress = (
        Article.objects.filter(pk=article_id).values("pk", "title", "status", "error").first()
    )
    if progress is None:
        return None
    progress["statement_count"] = Statement.objects.filter(article_id=article_id).count()
    progress["mention_count"] = Mention.objects.filter(article_id=article_id).count()
    return progress


def statement_publishers() -> list[str]:
    """Publishers that have statements, for the search form's suggestions."""
    return list(
        Statement.objects.exclude(article__publisher="")
        .order_by("article__publisher")
        .values_list("article__publisher", flat=True)
        .distinct()[:200]
    )


def statement_article_id(*, statement_id: int) -> int | None:
    return Statement.objects.filter(pk=statement_id).values_list("article_id", flat=True).first()


def statement_get(*, statement_id: int) -> Statement | None:
    return (
        Statement.objects.select_related("speaker", "article")
        .defer("article__body", "article__raw")
        .filter(pk=statement_id)
        .first()
    )
