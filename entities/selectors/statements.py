"""Reads on statements: search, pairs of actors (the speaker -> target graph is in graph.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Concat, Greatest, Least, Substr
from django.utils import timezone

from entities.models import UNDATED, Actor, Folded, RetiredStatement, Statement, StatementTarget
from entities.selectors.countries import country_members
from entities.selectors.counts import ResultCount, counted_by_page, result_count
from entities.selectors.keyset import Key, KeysetPage, keyset_page
from entities.websearch import Term, WebQuery, websearch_parse

# the configuration of the stored vector (migration 0013): english, accents folded
SEARCH_CONFIG = "english_unaccent"


def statement_rows() -> QuerySet[Statement]:
    """Statements with what every listing shows: speaker, article, targets. Never the article's
    body or raw input: up to 500,000 characters each, copied into every row (an article of 5,500
    statements made one page view take gigabytes). A listing that shows a statement's sentence
    asks for it with with_sentences()."""
    return (
        Statement.objects.select_related("speaker", "article")
        .defer("article__body", "article__raw")
        .prefetch_related(
            # in text order within each statement, spelled out: StatementTarget's default
            # ordering goes through the statement and its article, two joins to sort 50 rows
            Prefetch(
                "targets",
                queryset=StatementTarget.objects.select_related("actor").order_by(
                    "statement_id", "start", "pk"
                ),
            )
        )
    )


SENTENCE_REACH = 300  # characters of the body looked at beyond a statement on either side


def _start_if_not_empty(start: str, end: str) -> Case:
    return Case(When(**{f"{end}__gt": F(start)}, then=F(start)), default=F("content_start"))


def _end_if_not_empty(start: str, end: str) -> Case:
    return Case(When(**{f"{end}__gt": F(start)}, then=F(end)), default=F("content_end"))


def with_sentences(qs: QuerySet[Statement]) -> QuerySet[Statement]:
    """Statements with the piece of their article's body their sentence is in: `window` (the
    text) and `window_start` (its offset in the body), SENTENCE_REACH characters beyond the
    speaker, cue and content on either side, cut by the database (the body never leaves it
    whole). The statement_sentence template tag reads them."""
    first = Least(
        F("content_start"),
        _start_if_not_empty("speaker_start", "speaker_end"),
        _start_if_not_empty("cue_start", "cue_end"),
    )
    last = Greatest(
        F("content_end"),
        _end_if_not_empty("speaker_start", "speaker_end"),
        _end_if_not_empty("cue_start", "cue_end"),
    )
    reach = SENTENCE_REACH + 3  # a sentence end of two characters just beyond the reach
    start = Greatest(first - Value(reach), Value(0))
    # a statement made in the headline: its sentence is the title, offsets from 0
    return qs.annotate(
        window_start=Case(When(in_title=True, then=Value(0)), default=start),
        window=Case(
            When(in_title=True, then=F("article__title")),
            default=Substr("article__body", start + Value(1), last + Value(reach) - start),
            output_field=TextField(),
        ),
    )


# newest first: the order of every statement listing and of the index of migration 0015
NEWEST_FIRST = (
    Key("sort_at", descending=True),
    Key("article_id", descending=True),
    Key("content_start"),
    Key("pk"),
)
# most relevant first (the rank of statement_search), then newest
MOST_RELEVANT = (Key("rank", descending=True), Key("sort_at", descending=True), Key("pk"))
# relevance ranks the newest matches only: ranking every match of a common word (100,000 of a
# million statements) read and scored each of them on every page
RELEVANCE_POOL = 1000


def newest_first(qs: QuerySet[Statement]) -> QuerySet[Statement]:
    """By publication date, newest first, undated articles last (their sort_at is UNDATED),
    then by article and in text order: the order of the index on Statement.sort_at, which the
    database walks and stops after a page."""
    return qs.order_by(*(k.order for k in NEWEST_FIRST))


def published_between(
    qs: QuerySet[Statement], *, date_from: date | None, date_to: date | None
) -> QuerySet[Statement]:
    """Statements of articles published from `date_from` to `date_to` (days in the current time
    zone, both included): a range of sort_at, which its index serves (`published_at::date`
    cannot use an index). Undated articles are in no range."""
    if date_from:
        qs = qs.filter(sort_at__gte=day_start(date_from))
    elif date_to:
        qs = qs.filter(sort_at__gt=UNDATED)
    if date_to:
        qs = qs.filter(sort_at__lt=day_start(date_to + timedelta(days=1)))
    return qs


def day_start(day: date) -> datetime:
    """The first instant of a day in the current time zone (a `::date` filter as a range)."""
    return timezone.make_aware(datetime.combine(day, time.min))


class _StoredVector(Func):
    """The statement's stored tsvector (`content_search`, a generated column of migration 0013
    that is not a model field, so that no listing fetches it): the content column of the same
    table alias, renamed."""

    def __init__(self) -> None:
        super().__init__(F("content"), output_field=SearchVectorField())

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.get_source_expressions()[0])
        column = connection.ops.quote_name("content")
        assert sql.endswith(column), sql  # noqa: S101 - a Col compiles to "alias"."content"
        return sql[: -len(column)] + connection.ops.quote_name("content_search"), params


def _term_matches(term: Term) -> Q:
    # at the start of a word ("war" is not found in "award"), the content starting with a space
    return Q(folded_content__contains=f" {term.text}")


def _sqlite_matching(qs: QuerySet[Statement], parsed: WebQuery) -> QuerySet[Statement]:
    """The web-search syntax over the content folded (no accents, case or punctuation): one
    of the clauses, whose every term starts a word of the content (a crude stemming: "hack"
    finds "hacked", "war" finds "warned" but not "award"; a phrase its words in a row) and
    none of its excluded ones does."""
    match = Q()
    for clause in parsed.clauses:
        wanted = Q()
        for term in clause.required:
            wanted &= _term_matches(term)
        for term in clause.excluded:
            wanted &= ~_term_matches(term)
        match |= wanted
    folded = Concat(Value(" "), Folded("content"), output_field=TextField())
    return qs.alias(folded_content=folded).filter(match)


def statement_search(
    *,
    query: str = "",
    speaker: Actor | None = None,
    target: Actor | None = None,
    kind: str = "",
    cue_class: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    publisher: str = "",
    order: str = "date",
    stance: str = "",
    speaker_country: Actor | None = None,
    target_country: Actor | None = None,
) -> QuerySet[Statement]:
    """Statements matching a query and filters, newest first or most relevant first.

    The query is in web-search syntax (words, "a phrase", `OR`, -not), accents and case
    aside. On PostgreSQL it is full-text (stemmed: "hacked" finds "hack") on the stored
    vector and its GIN index; SQLite has no full-text search here: each word must start a word
    of the content, each phrase its words in a row (entities.websearch). `stance` keeps statements
    whose speaker stands so toward `target` (toward any target when no target is given).
    `speaker_country` and `target_country` keep statements whose speaker, or a target, counts
    for that country (entities.selectors.countries); `stance` then applies to that country's
    targets."""
    qs = statement_rows()
    if speaker is not None:
        qs = qs.filter(speaker=speaker)
    if speaker_country is not None:
        qs = qs.filter(speaker_id__in=country_members(country=speaker_country))
    if target is not None or stance or target_country is not None:
        # with a target, the speaker's stance toward that target; alone, toward any target
        targets = StatementTarget.objects.all()
        if target is not None:
            targets = targets.filter(actor=target)
        if target_country is not None:
            targets = targets.filter(actor_id__in=country_members(country=target_country))
        if stance:
            targets = targets.filter(stance=stance)
        qs = qs.filter(pk__in=targets.values("statement_id"))
    if kind:
        qs = qs.filter(kind=kind)
    if cue_class:
        qs = qs.filter(cue_class=cue_class)
    qs = published_between(qs, date_from=date_from, date_to=date_to)
    if publisher:
        qs = qs.filter(article__publisher__icontains=publisher)
    query = query.strip()
    if not query:
        return newest_first(qs)
    if connection.vendor == "postgresql":
        search = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        qs = qs.alias(document=_StoredVector()).filter(document=search)
        if order == "relevance":
            # the newest RELEVANCE_POOL matches, ranked; ts_rank is a 4-byte real: as a double
            # it compares exactly with the cursor value the API and the page carry
            pool = newest_first(qs).values("pk")[:RELEVANCE_POOL]
            rank = Cast(SearchRank(_StoredVector(), search), FloatField())
            ranked = statement_rows().filter(pk__in=pool).annotate(rank=rank)
            return ranked.order_by(*(k.order for k in MOST_RELEVANT))
        return newest_first(qs)
    parsed = websearch_parse(query)
    if not parsed:  # punctuation only: as PostgreSQL, no match
        return qs.none()
    return newest_first(_sqlite_matching(qs, parsed))


def statement_matches(**filters: Any) -> QuerySet[Statement]:
    """Every statement statement_search(**filters) finds, unranked: what its count counts (a
    ranked search ranks the newest RELEVANCE_POOL of them only)."""
    return statement_search(**{**filters, "order": "date"})


@dataclass(frozen=True)
class StatementResults:
    """One page of a statement search and how many statements match in all."""

    page: KeysetPage[Statement]
    count: ResultCount
    ranked: bool  # most relevant first (of the newest RELEVANCE_POOL matches), not newest


def statement_search_page(*, cursor: str = "", size: int, **filters: Any) -> StatementResults:
    """The page of statement_search(**filters) a cursor names (the first without one), in its
    order, and the number of matches (exact up to counts.EXACT_UP_TO, else about). A few
    queries, each reading about a page of rows whatever the matches."""
    qs = statement_search(**filters)
    ranked = "rank" in qs.query.annotations
    count = result_count(statement_matches(**filters) if ranked else qs)
    keys = MOST_RELEVANT if ranked else NEWEST_FIRST
    # a ranking is planned by the planner (entities.selectors.keyset._planned)
    page = keyset_page(
        qs,
        keys=keys,
        cursor=cursor,
        size=size,
        count=None if ranked else count,
        # the page's rows by id, without the search again (a ranking's pool: 6 ms)
        rows_of=lambda ids: statement_rows().filter(pk__in=ids),
    )
    count = counted_by_page(
        count, first_page=not cursor, rows=len(page.object_list), more=page.has_next
    )
    return StatementResults(page=page, count=count, ranked=ranked)


def statement_pair(*, a: Actor, b: Actor) -> QuerySet[Statement]:
    """What A said about B and what B said about A, newest first."""
    # EXISTS, not IN: a window of a few hundred statements (selectors.windows) probes the
    # target index for each, where IN hashed every target row of both actors first (175 ms)
    about_b = Exists(StatementTarget.objects.filter(statement_id=OuterRef("pk"), actor=b))
    about_a = Exists(StatementTarget.objects.filter(statement_id=OuterRef("pk"), actor=a))
    return newest_first(statement_rows().filter(Q(speaker=a) & about_b | Q(speaker=b) & about_a))


@dataclass(frozen=True)
class StanceCounts:
    negative: int = 0
    positive: int = 0
    neutral: int = 0

    @property
    def total(self) -> int:
        return self.negative + self.positive + self.neutral


def with_sort_key(qs: QuerySet[Statement]) -> QuerySet[Statement]:
    """Any statement listing, with the `sort_key` the API's cursor pagination orders by: the
    article's publication date, undated articles last (Statement.sort_at)."""
    return qs.annotate(sort_key=F("sort_at"))


def statement_search_keyed(**filters: Any) -> QuerySet[Statement]:
    """statement_search with the `sort_key` of cursor pagination."""
    return with_sort_key(statement_search(**filters))


def statement_pair_keyed(*, a: Actor, b: Actor, both: bool = False) -> QuerySet[Statement]:
    """What A said about B (and, with both, what B said about A), newest first, with the
    `sort_key` of cursor pagination."""
    qs = statement_pair(a=a, b=b)
    if not both:
        qs = qs.filter(speaker=a)
    return with_sort_key(qs)


def statement_detail(*, statement_id: int) -> Statement | None:
    """One statement with what a listing shows of it (speaker, article, targets)."""
    return statement_rows().filter(pk=statement_id).first()


def statement_get(*, statement_id: int) -> Statement | None:
    """One statement with its speaker and article (not the article's body)."""
    return (
        Statement.objects.select_related("speaker", "article")
        .defer("article__body", "article__raw")
        .filter(pk=statement_id)
        .first()
    )


def statement_article_id(*, statement_id: int) -> int | None:
    return Statement.objects.filter(pk=statement_id).values_list("article_id", flat=True).first()


def statement_retired_get(*, statement_id: int) -> RetiredStatement | None:
    """What is known of a statement that reprocessing no longer found (with its article)."""
    return (
        RetiredStatement.objects.select_related("article")
        .defer("article__body", "article__raw")
        .filter(pk=statement_id)
        .first()
    )


def statement_list_near(*, retired: RetiredStatement, limit: int = 3) -> list[Statement]:
    """The article's statements now at the place of a retired one (their content overlaps its
    span), most overlapping first: what a reader who followed an old link may be after."""
    rows = list(
        statement_rows().filter(
            article_id=retired.article_id,
            in_title=retired.in_title,
            content_start__lt=retired.content_end,
            content_end__gt=retired.content_start,
        )
    )

    def overlap(s: Statement) -> int:
        return min(s.content_end, retired.content_end) - max(s.content_start, retired.content_start)

    return sorted(rows, key=lambda s: (-overlap(s), s.content_start))[:limit]


def statement_list_by(*, actor: Actor) -> QuerySet[Statement]:
    return newest_first(statement_rows().filter(speaker=actor))


def statement_list_about(*, actor: Actor) -> QuerySet[Statement]:
    ids = StatementTarget.objects.filter(actor=actor).values("statement_id")
    return newest_first(statement_rows().filter(pk__in=ids))


PUBLISHERS_SHOWN = 200

# a loose index scan: each step finds the next publisher through the index on
# entities_article.publisher (migration 0015), so that 200 names cost 200 index probes; a
# DISTINCT over every statement joined to its article took 120-350 ms on each search page
_PUBLISHERS_SQL = """
WITH RECURSIVE names(name) AS (
    SELECT MIN(publisher) FROM entities_article WHERE publisher > ''
    UNION ALL
    SELECT (SELECT MIN(publisher) FROM entities_article WHERE publisher > names.name)
    FROM names WHERE names.name IS NOT NULL
)
SELECT name FROM names WHERE name IS NOT NULL LIMIT %s
"""


def statement_publishers() -> list[str]:
    """The first PUBLISHERS_SHOWN publishers of articles, in order, for the search form's
    suggestions. One query of as many index probes."""
    with connection.cursor() as cursor:
        cursor.execute(_PUBLISHERS_SQL, [PUBLISHERS_SHOWN])
        return [name for (name,) in cursor.fetchall()]
