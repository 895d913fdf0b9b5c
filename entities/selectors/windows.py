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
    StatementTarget,
)
from entities.selectors.countries import country_members
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
        return self._window(start, _first_instant(start))

    def _window(self, start: date, since: datetime) -> QuerySet[Statement]:
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


def _first_instant(month: date) -> datetime:
    return datetime(month.year, month.month, 1, tzinfo=timezone.get_current_timezone())


PICKED_MONTHS = 3  # a window of at most this many months is picked in Python


class CountryPairWindow(WindowedStatements):
    """The statements of two countries' people about each other, windowed: in a short window
    (a busy pair's newest statements) the window's statements are picked by their speakers and
    targets in Python, then read by id. PostgreSQL, estimating thousands of rows, hashed every
    target row of both countries' members to test each statement (200 ms for the busiest
    pair); picking reads the window's ids and speakers, and the candidates' targets (~20 ms)."""

    def __init__(
        self,
        rows: QuerySet[Statement],
        months: Iterable[tuple[date, int]],
        sides: list[tuple[frozenset[int], frozenset[int]]],  # (speakers, targets) of each way
    ) -> None:
        super().__init__(rows, months)
        self.sides = sides

    def _window(self, start: date, since: datetime) -> QuerySet[Statement]:
        newest = max(self.months)
        if (newest.year - start.year) * 12 + newest.month - start.month >= PICKED_MONTHS:
            return super()._window(start, since)
        speakers = frozenset().union(*(s for s, _ in self.sides))
        targets = frozenset().union(*(t for _, t in self.sides))
        spoken = Statement.objects.filter(sort_at__gte=since, speaker_id__isnull=False)
        candidates = {
            pk: speaker
            for pk, speaker in spoken.values_list("pk", "speaker_id").iterator(chunk_size=5000)
            if speaker in speakers
        }
        keep: set[int] = set()
        ids = sorted(candidates)
        for at in range(0, len(ids), 5000):
            # by statement only: with the members' ids too, PostgreSQL read every target row
            # of those members (85 ms); the candidates' own targets are a few thousand
            about = StatementTarget.objects.filter(statement_id__in=ids[at : at + 5000])
            for pk, actor in about.values_list("statement_id", "actor_id"):
                if actor in targets and any(
                    candidates[pk] in s and actor in t for s, t in self.sides
                ):
                    keep.add(pk)
        return self.rows.filter(pk__in=sorted(keep))


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
    of_a = frozenset(country_members(country=a))
    of_b = of_a if a.pk == b.pk else frozenset(country_members(country=b))
    return CountryPairWindow(rows, months, [(of_a, of_b), (of_b, of_a)])
