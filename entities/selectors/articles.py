"""Reads on articles and on the ingest pipeline's progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import (
    Count,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, TruncMinute
from django.utils import timezone

from entities.models import (
    UNDATED,
    Actor,
    Article,
    Correction,
    Mention,
    Statement,
    StatementTarget,
)
from entities.selectors.counts import ResultCount, counted_by_page, result_count
from entities.selectors.keyset import Key, KeysetPage, keyset_page
from entities.selectors.statements import day_start

# newest first, undated last: the article list's order, and its index (migration 0015)
ARTICLES_NEWEST = (
    Key("sort_at", descending=True),
    Key("created_at", descending=True),
    Key("pk", descending=True),
)


def article_list(
    *,
    status: str = "",
    query: str = "",
    publisher: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Article]:
    """Articles (not their body or raw input) newest first, undated last, each with its
    `statement_count`, counted for the rows fetched only (a subquery per row: counting for
    every article before showing 25 grouped a million statements)."""
    counted = (
        Statement.objects.filter(article_id=OuterRef("pk"))
        .order_by()
        .values("article_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    qs = Article.objects.select_related("uploaded_by").annotate(
        statement_count=Coalesce(Subquery(counted), 0),
        sort_at=Coalesce("published_at", Value(UNDATED)),
    )
    if status:
        qs = qs.filter(status=status)
    if query:
        qs = qs.search(query)
    if publisher:
        qs = qs.filter(publisher__icontains=publisher)
    if date_from:
        qs = qs.filter(published_at__gte=day_start(date_from))
    if date_to:
        qs = qs.filter(published_at__lt=day_start(date_to + timedelta(days=1)))
    return qs.defer("raw", "body").order_by(*(k.order for k in ARTICLES_NEWEST))


def article_list_page(*, cursor: str = "", size: int, **filters: Any) -> ArticleResults:
    """The page of article_list(**filters) a cursor names (the first without one) and how many
    articles match (exact when few, else about)."""
    qs = article_list(**filters)
    count = result_count(qs)
    page = keyset_page(qs, keys=ARTICLES_NEWEST, cursor=cursor, size=size, count=count)
    count = counted_by_page(
        count, first_page=not cursor, rows=len(page.object_list), more=page.has_next
    )
    return ArticleResults(page=page, count=count)


@dataclass(frozen=True)
class ArticleResults:
    page: KeysetPage[Article]
    count: ResultCount


# An article page (and its API detail) lists at most this many statements at once, and marks
# at most this many mentions in the text: a 440 KB article can hold 5,500 statements and 16,500
# mentions, which rendered whole took gigabytes of a web worker.
ARTICLE_STATEMENTS_PAGE = 200
ARTICLE_MENTIONS_SHOWN = 2000
ARTICLE_ACTORS_SHOWN = 200


def article_get(*, article_id: int) -> Article | None:
    """One article with its body (not its raw input), without its statements or mentions:
    those come a page at a time from article_statements and article_mentions."""
    return Article.objects.defer("raw").filter(pk=article_id).first()


@dataclass(frozen=True)
class StatementPage:
    """One page of an article's statements, in text order."""

    statements: list[Statement]
    number: int
    size: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def first(self) -> int:
        """1-based position of the page's first statement (0 when there is none)."""
        return (self.number - 1) * self.size + 1 if self.statements else 0

    @property
    def last(self) -> int:
        return self.first + len(self.statements) - 1 if self.statements else 0

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def article_statement_rows(*, article: Article) -> QuerySet[Statement]:
    # no join to the article: every row would carry its body and raw input again
    return (
        Statement.objects.filter(article_id=article.pk)
        .select_related("speaker")
        .prefetch_related(
            Prefetch("targets", queryset=StatementTarget.objects.select_related("actor"))
        )
        .order_by("-in_title", "content_start", "pk")  # the headline's statements first
    )


def article_headline_statements(*, article: Article) -> list[Statement]:
    """The statements made in the article's headline, shown in its title on every page."""
    rows = list(article_statement_rows(article=article).filter(in_title=True))
    for row in rows:
        row.article = article
    return rows


def article_statement_page_of(*, article: Article, statement_id: int) -> int | None:
    """The page of the article's statement list that holds a statement (None: not in it)."""
    found = (
        Statement.objects.filter(pk=statement_id, article_id=article.pk)
        .values_list("in_title", "content_start")
        .first()
    )
    if found is None:
        return None
    in_title, where = found
    same_side = Q(in_title=in_title) & (
        Q(content_start__lt=where) | Q(content_start=where, pk__lt=statement_id)
    )
    headline_first = same_side if in_title else Q(in_title=True) | same_side
    before = Statement.objects.filter(article_id=article.pk).filter(headline_first)
    return before.count() // ARTICLE_STATEMENTS_PAGE + 1


def article_statements(*, article: Article, page: int = 1, size: int = 0) -> StatementPage:
    """A page of the article's statements with speaker and targets (two queries and a count,
    whatever the article's size). A page past the end is the last page."""
    size = size or ARTICLE_STATEMENTS_PAGE
    total = Statement.objects.filter(article_id=article.pk).count()
    pages = max(1, -(-total // size))
    number = min(max(page, 1), pages)
    rows = list(article_statement_rows(article=article)[(number - 1) * size : number * size])
    for row in rows:
        row.article = article  # the page's own article: no query, no second copy of the body
    return StatementPage(statements=rows, number=number, size=size, total=total)


def article_mentions(
    *, article: Article, limit: int = ARTICLE_MENTIONS_SHOWN
) -> tuple[list[Mention], int]:
    """The article's first `limit` mentions in text order, with their actors, and how many
    there are in all."""
    total = Mention.objects.filter(article_id=article.pk).count()
    return list(article_mention_rows(article=article)[:limit]), total


def article_mention_rows(*, article: Article) -> QuerySet[Mention]:
    return (
        Mention.objects.filter(article_id=article.pk)
        .select_related("actor")
        .order_by("start", "pk")
    )


def article_actors(*, article: Article, limit: int = ARTICLE_ACTORS_SHOWN) -> list[Actor]:
    """The actors of an article, most mentioned first, each with its `mention_count` (counted
    by the database, not by loading every mention)."""
    return list(
        Actor.objects.filter(mentions__article_id=article.pk)
        .annotate(mention_count=Count("mentions"))
        .order_by("-mention_count", "name", "pk")[:limit]
    )


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
    waiting = Article.objects.filter(status__in=Article.IN_PROGRESS).order_by("queued_at")
    oldest = waiting.values_list("queued_at", flat=True).first()
    return {
        "counts": article_status_counts(),
        "done_last_hour": sum(n for _, n in series),
        "per_minute": series,
        "peak_minute": max((n for _, n in series), default=0),
        "oldest_waiting_since": oldest,
        "failures": list(_failed().only("pk", "title", "error", "finished_at", "attempts")[:50]),
    }


WORKERS_UNREACHABLE = (
    "The extraction workers cannot be reached right now; it is queued and will be processed "
    "as soon as they are back. Nothing is lost."
)


def article_progress(*, article_id: int) -> tuple[str, bool]:
    """(status, whether the broker accepted its task) of one article."""
    status, enqueued_at = Article.objects.values_list("status", "enqueued_at").get(pk=article_id)
    return status, enqueued_at is not None


def article_upload_warning(*, article_id: int) -> str:
    """What an upload's answer (page or API) warns about: the broker did not take the
    extraction task (it is down), so the article waits for the sweeper; else nothing."""
    status, sent = article_progress(article_id=article_id)
    return WORKERS_UNREACHABLE if status == Article.Status.QUEUED and not sent else ""


def article_list_keyed(
    *,
    status: str = "",
    query: str = "",
    publisher: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Article]:
    """article_list with the `sort_key` cursor pagination orders by (publication date, else
    upload time)."""
    return article_list(
        status=status, query=query, publisher=publisher, date_from=date_from, date_to=date_to
    ).annotate(sort_key=Coalesce("published_at", "created_at"))


def article_status_get(*, article_id: int) -> Article | None:
    """An article's progress fields only (not its body)."""
    return Article.objects.only("title", *Article.PROGRESS_FIELDS).filter(pk=article_id).first()


def article_uploads(*, ids: list[int]) -> list[Article]:
    """The articles of one upload, in the order they were sent, with their statement counts."""
    found = {
        a.pk: a
        for a in Article.objects.filter(pk__in=ids)
        .annotate(statement_count=Count("statements"))
        .only("pk", "title", "status", "error", "publisher", "published_at", "uploaded_by")
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


def article_detail_edits(*, article_id: int, limit: int = 50) -> list[Correction]:
    """The changes made to an article's details, newest first, with who made them."""
    return list(
        Correction.objects.filter(article_id=article_id, kind=Correction.Kind.ARTICLE)
        .select_related("created_by")
        .order_by("-created_at", "-pk")[:limit]
    )
