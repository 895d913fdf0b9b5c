"""Newest-first lists of statements read through their monthly counts: to show the newest N
statements of an actor, a pair of actors or a pair of countries, the summaries say from which
month on there are N of them, and only the statements of the articles published since then are
read and sorted (the busiest actor has 100,000; its newest 25 are in its last month or two).

The list equals the unwindowed one as long as the summaries are in step with the rows
(entities.services.summaries), which is what makes its count exact without counting."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import overload

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from entities.models import (
    UNDATED_MONTH,
    Actor,
    ActorMonth,
    CountryPairMonth,
    PairMonth,
    Statement,
)
from entities.selectors.relations import relation_pair_statements
from entities.selectors.statements import (
    statement_list_about,
    statement_list_by,
    statement_pair,
    with_sentences,
)

__all__ = [
    "WindowedStatements",
    "actor_about_newest",
    "actor_said_newest",
    "country_pair_newest",
    "pair_newest",
    "window_start",
]


def window_start(months: Iterable[tuple[date, int]], needed: int) -> date | None:
    """The first day of the newest month such that the dated statements of it and the months
    after it are at least `needed`; None when the dated ones are too few (the list reaches
    its undated statements, or its end)."""
    total = 0
    for month, n in sorted(((m, n) for m, n in months if m != UNDATED_MONTH), reverse=True):
        total += n
        if total >= needed:
            return month
    return None


class WindowedStatements:
    """A newest-first queryset of statements (selectors.statements.newest_first) and its
    counts per month of publication (UNDATED_MONTH for undated articles): a paginator or a slice
    reads only the months it needs; len() is the sum of the counts."""

    def __init__(self, rows: QuerySet[Statement], months: Iterable[tuple[date, int]]) -> None:
        self.rows = rows
        self.months: dict[date, int] = {}
        for month, n in months:
            self.months[month] = self.months.get(month, 0) + n

    def count(self) -> int:
        return sum(self.months.values())

    def __len__(self) -> int:
        return self.count()

    def _since(self, needed: int) -> QuerySet[Statement]:
        start = window_start(self.months.items(), needed)
        if start is None:
            return self.rows
        since = datetime(start.year, start.month, 1, tzinfo=timezone.get_current_timezone())
        return self.rows.filter(sort_at__gte=since)  # the statement's own date, indexed

    @overload
    def __getitem__(self, index: int) -> Statement: ...

    @overload
    def __getitem__(self, index: slice) -> list[Statement]: ...

    def __getitem__(self, index: int | slice) -> Statement | list[Statement]:
        if isinstance(index, slice):
            stop = index.stop if index.stop is not None else self.count()
            return list(self._since(stop)[index])
        return self._since(index + 1)[index]

    def __iter__(self) -> Iterator[Statement]:
        return iter(self.rows)


def actor_said_newest(*, actor: Actor) -> WindowedStatements:
    """What the actor said, newest first, read a window of months at a time."""
    months = ActorMonth.objects.filter(actor=actor, said__gt=0).values_list("month", "said")
    return WindowedStatements(statement_list_by(actor=actor), months)


def actor_about_newest(*, actor: Actor) -> WindowedStatements:
    """What was said about the actor, newest first, read a window of months at a time."""
    months = ActorMonth.objects.filter(actor=actor, about__gt=0).values_list("month", "about")
    return WindowedStatements(statement_list_about(actor=actor), months)


def pair_newest(*, a: Actor, b: Actor) -> WindowedStatements:
    """What A said about B and B about A (selectors.statement_pair), newest first, with their
    sentences, read a window of months at a time."""
    months = (
        PairMonth.objects.filter(Q(speaker=a, target=b) | Q(speaker=b, target=a), n__gt=0)
        .order_by()
        .values_list("month")
        .annotate(total=Sum("n"))
    )
    return WindowedStatements(with_sentences(statement_pair(a=a, b=b)), months)


def country_pair_newest(*, a: Actor, b: Actor) -> WindowedStatements:
    """The statements of two countries on each other (selectors.relation_pair_statements,
    without filters), with their sentences, read a window of months at a time."""
    rows = with_sentences(relation_pair_statements(a=a, b=b, probe=True))
    months = (
        CountryPairMonth.objects.filter(Q(speaker=a, target=b) | Q(speaker=b, target=a), n__gt=0)
        .order_by()
        .values_list("month")
        .annotate(total=Sum("n"))
    )
    return WindowedStatements(rows, months)
