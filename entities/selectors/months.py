"""How a date range is read from the monthly summaries (entities.models PairMonth,
CountryPairMonth): its whole months from the summary, the days of the months it cuts from the
statements themselves."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from entities.models import UNDATED_MONTH

__all__ = ["MonthSpan", "month_end", "month_span"]


def month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


@dataclass(frozen=True)
class MonthSpan:
    lookups: dict  # on a summary's `month`: its whole months in the range
    days: list[tuple[date | None, date | None]] = field(default_factory=list)  # cut months


def month_span(start: date | None, end: date | None) -> MonthSpan:
    """The whole months between start and end (inclusive days; None: open) and the (first,
    last) days of the months the range cuts. Without dates every month, undated included; with
    any date, undated articles are out, as a date filter on the statements leaves them out."""
    if start is None and end is None:
        return MonthSpan({})
    lookups: dict = {"month__gt": UNDATED_MONTH}
    days: list[tuple[date | None, date | None]] = []
    if start is not None and end is not None and start > end:
        return MonthSpan({"month__lt": UNDATED_MONTH})  # no month
    if start is not None:
        first = start.replace(day=1)
        if start.day != 1:
            cut = min(month_end(start), end) if end else month_end(start)
            days.append((start, cut))
            first = cut + timedelta(days=1)
        lookups["month__gte"] = first
    if end is not None:
        last = end.replace(day=1)
        if end != month_end(end) and not (days and days[0][1] == end):
            days.append((max(last, start) if start else last, end))
            last = last - timedelta(days=1)
        lookups["month__lte"] = last
    return MonthSpan(lookups, days)
