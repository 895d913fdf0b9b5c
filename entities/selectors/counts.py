"""Counts that do not read every row.

An exact COUNT(*) reads every match: 90-210 ms for a word found in 111,000 of a million
statements, on every page of a search. A reader needs the exact figure only when it is small;
beyond that "about 120,000" (PostgreSQL's planner estimate) says as much. So a count is exact
up to a bound (counting stops there), and beyond it an estimate, or "more than" the bound when
there is no estimate (SQLite) or the estimate is below what was counted.
"""

from __future__ import annotations

import json

from django.core.exceptions import EmptyResultSet
from django.db import connection, models
from django.db.models import QuerySet

from entities.models import Actor, Article, Statement

EXACT_UP_TO = 1000  # a count reads at most this many rows (plus one) of the result
TRUSTED_ABOVE = 10  # an estimate this many times the bound is shown without counting

EXACT = "exact"
ABOUT = "about"  # the planner's estimate, rounded
MORE = "more"  # at least the bound


class ResultCount(int):
    """A count as an int (exact, an estimate, or the bound it is above) that says what it is
    when shown: "1,234", "about 120,000", "more than 1,000". Templates can pluralize it."""

    kind: str

    def __new__(cls, value: int, kind: str = EXACT) -> ResultCount:
        count = super().__new__(cls, value)
        count.kind = kind
        return count

    @property
    def exact(self) -> bool:
        return self.kind == EXACT

    def __str__(self) -> str:
        figure = f"{int(self):,}"
        if self.kind == ABOUT:
            return f"about {figure}"
        if self.kind == MORE:
            return f"more than {figure}"
        return figure

    def __repr__(self) -> str:
        return f"ResultCount({int(self)}, {self.kind!r})"


def rounded(value: float) -> int:
    """An estimate to two significant figures: 123,456 -> 120,000."""
    value = int(value)
    if value < 100:
        return value
    scale = 10 ** (len(str(value)) - 2)
    return round(value / scale) * scale


def planner_rows(qs: QuerySet) -> int | None:
    """PostgreSQL's estimate of the rows `qs` returns (no row is read); None elsewhere."""
    if connection.vendor != "postgresql":
        return None
    try:
        sql, params = qs.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # qs.none(): nothing to estimate
        return 0
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def result_count(qs: QuerySet, *, exact_up_to: int | None = None) -> ResultCount:
    """How many rows `qs` holds: the planner's estimate ("about") when it is far above
    `exact_up_to` (estimates of words are close; counting them is not cheap), else exact up to
    `exact_up_to` (counting stops one row beyond), else the estimate if above, else at least
    the bound ("more": a phrase is estimated far too low, as its words' frequencies
    multiplied). `exact_up_to` is EXACT_UP_TO unless given."""
    exact_up_to = exact_up_to or EXACT_UP_TO
    estimate = planner_rows(qs)
    if estimate is not None and estimate >= TRUSTED_ABOVE * exact_up_to:
        return ResultCount(rounded(estimate), ABOUT)
    counted = qs.order_by()[: exact_up_to + 1].count()
    if counted <= exact_up_to:
        return ResultCount(counted)
    if estimate is not None and estimate > exact_up_to:
        return ResultCount(rounded(estimate), ABOUT)
    return ResultCount(exact_up_to, MORE)


def counted_by_page(count: ResultCount, *, first_page: bool, rows: int, more: bool) -> ResultCount:
    """The count, unless the first page holds every row: then exactly its rows (an estimate
    can be far off, and "about 12,000" above "No statement matches" says nonsense)."""
    if first_page and not more and not count.exact:
        return ResultCount(rows)
    return count


TABLE_EXACT_BELOW = 50_000  # rows under which counting a whole table is cheap enough


def table_count(model: type[models.Model], qs: QuerySet | None = None) -> ResultCount:
    """The rows of a table (or of `qs`, most of that table): exact while the table is small,
    else PostgreSQL's statistics (pg_class.reltuples, kept by autovacuum), scaled to `qs` by
    the planner, shown as "about" that many."""
    qs = model._default_manager.all() if qs is None else qs
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table]
            )
            row = cursor.fetchone()
        stored = row[0] if row else -1
        if stored >= TABLE_EXACT_BELOW:
            estimate = planner_rows(qs) if qs.query.where else stored
            return ResultCount(rounded(estimate or 0), ABOUT)
    return ResultCount(qs.count())


def home_counts() -> dict[str, ResultCount]:
    """The home page's totals: articles, live actors (neither merged nor rejected), statements;
    each exact while its table is small, else from PostgreSQL's statistics ("about 1,000,000":
    COUNT(*) of a million statements read them all, 130-190 ms on every home page)."""
    live = Actor.objects.filter(merged_into__isnull=True, rejected=False)
    return {
        "articles": table_count(Article),
        "actors": table_count(Actor, live),
        "statements": table_count(Statement),
    }
