"""Keyset pagination for the pages: "newer" and "older" links that carry the position of the
row next to them instead of a page number.

An OFFSET reads and drops every row before the page (page 400 of a search reads 10,000 rows),
and a row arriving meanwhile shifts every page by one. A cursor names the last row seen; the
next page is what sorts after it, which the database finds by walking the index the ordering
matches from that row on. Cursors are opaque to readers (base64 JSON) and a damaged one means
the first page, as a page number out of range does.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, transaction
from django.db.models import Field, Q, QuerySet

from entities.selectors.counts import ResultCount, result_count

T = TypeVar("T")

AFTER = "a"  # the rows after the cursor's row: older, less relevant
BEFORE = "b"  # the rows before it, nearest first


@dataclass(frozen=True)
class Key:
    """One column of an ordering: a field or an annotation of the queryset."""

    name: str
    descending: bool = False

    @property
    def order(self) -> str:
        return f"-{self.name}" if self.descending else self.name

    @property
    def reverse(self) -> str:
        return self.name if self.descending else f"-{self.name}"


@dataclass(frozen=True)
class KeysetPage(Generic[T]):
    """One page: its rows, and the cursors of the pages before and after it (None at an end)."""

    object_list: list[T]
    previous_cursor: str | None
    next_cursor: str | None

    @property
    def has_previous(self) -> bool:
        return self.previous_cursor is not None

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next


def _encode(direction: str, values: list[Any]) -> str:
    plain = [v.isoformat() if isinstance(v, datetime) else v for v in values]
    text = json.dumps([direction, plain], separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _field(qs: QuerySet, name: str) -> Field:
    if name in qs.query.annotations:
        return qs.query.annotations[name].output_field
    if name == "pk":
        return qs.model._meta.pk
    field = qs.model._meta.get_field(name.removesuffix("_id"))
    return field.target_field if field.is_relation else field


def _decode(qs: QuerySet, keys: Sequence[Key], cursor: str) -> tuple[str, list[Any]] | None:
    """(direction, values) of a cursor, each value its column's Python type; None when it is
    not one of ours."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        direction, values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if direction not in (AFTER, BEFORE) or len(values) != len(keys):
            return None
        typed = [_field(qs, k.name).to_python(v) for k, v in zip(keys, values, strict=True)]
    except (ValueError, TypeError, binascii.Error, ValidationError, FieldDoesNotExist):
        return None
    if any(v is None for v in typed):
        return None
    return direction, typed


def _beyond(keys: Sequence[Key], values: list[Any], *, forward: bool) -> Q:
    """The rows that sort after (forward) or before the row with these values. The first
    column's bound stands alone too, so that the database starts its index walk there instead
    of filtering every row from the top."""
    beyond, equal = Q(), Q()
    for key, value in zip(keys, values, strict=True):
        lookup = "lt" if key.descending == forward else "gt"
        beyond |= equal & Q(**{f"{key.name}__{lookup}": value})
        equal &= Q(**{key.name: value})
    first = keys[0]
    bound = "lte" if first.descending == forward else "gte"
    return Q(**{f"{first.name}__{bound}": values[0]}) & beyond


def _fetch(
    ordered: QuerySet, keys: Sequence[Key], limit: int, rows_of: Callable[[list], QuerySet]
) -> list[tuple[Any, list[Any]]]:
    """The first `limit` rows of `ordered` (the list ordered by `keys` and bounded), in order,
    each with its values of the keys: the keys first (narrow rows, which the database sorts
    when it has to: a rare word's matches, then the newest), then the rows of those ids, from
    `rows_of(ids)`, with what it joins and prefetches (for the page's rows only, not for
    every match before the sort)."""
    found = [list(v) for v in ordered.values_list(*(k.name for k in keys))[:limit]]
    rows = rows_of([v[-1] for v in found]).order_by().in_bulk()
    return [(rows[v[-1]], v) for v in found if v[-1] in rows]


@contextmanager
def _planned(count: ResultCount | None) -> Iterator[None]:
    """PostgreSQL's way to a page, chosen by how many rows match, as counted (the planner's
    estimates can be far off: a phrase's as its words' frequencies multiplied, 299 for the
    9,526 statements with "white house"; a title's words from trigrams). Many matches: walk
    the index in the list's order and keep the rows that match, which stops after a page;
    not collect every match through another index first (9,000 table pages read to keep 25,
    140 ms). Few (counted exactly): collect them and sort them; not walk the list's index
    past thousands of rows that do not match (60 ms for an article title word). Not for a
    ranking, which reads its RELEVANCE_POOL newest matches: walking to the 1,000th match of a
    phrase in 100 statements reads 100,000 (400 ms); the planner's choice is right there."""
    if count is None or connection.vendor != "postgresql":
        yield
        return
    avoid = "enable_indexscan" if count.exact else "enable_bitmapscan"
    outermost = not connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        # local to the transaction: its end sets it back, or this block for a caller's
        # transaction that goes on
        cursor.execute("SELECT current_setting(%s), set_config(%s, 'off', true)", [avoid] * 2)
        (was, _) = cursor.fetchone()
        try:
            yield
        finally:
            if not outermost:
                cursor.execute("SELECT set_config(%s, %s, true)", [avoid, was])


@contextmanager
def planned_for(qs: QuerySet | None) -> Iterator[ResultCount | None]:
    """Reads of `qs` planned by how many rows it holds (_planned), for a pagination that is
    not keyset_page's (the API's cursors): counts it (counts.result_count), yields the count.
    None: the planner's own plan, nothing counted."""
    count = None if qs is None else result_count(qs)
    with _planned(count):
        yield count


def keyset_page(
    qs: QuerySet,
    *,
    keys: Sequence[Key],
    cursor: str = "",
    size: int,
    count: ResultCount | None = None,
    rows_of: Callable[[list], QuerySet] | None = None,
) -> KeysetPage:
    """The page of `qs` (ordered by `keys`, whose last is "pk") that the cursor names: the
    first page without one. Two queries (the keys, then the rows: `rows_of(ids)`, by default
    `qs` again for those ids) and the rows' prefetches. `count` (how many rows `qs` holds,
    counts.result_count) steers PostgreSQL's plan (_planned)."""
    if rows_of is None:

        def rows_of(ids: list) -> QuerySet:
            return qs.filter(pk__in=ids)

    with _planned(count):
        return _keyset_page(qs, keys=keys, cursor=cursor, size=size, rows_of=rows_of)


def _keyset_page(
    qs: QuerySet,
    *,
    keys: Sequence[Key],
    cursor: str,
    size: int,
    rows_of: Callable[[list], QuerySet],
) -> KeysetPage:
    decoded = _decode(qs, keys, cursor) if cursor else None
    if decoded is not None and decoded[0] == BEFORE:
        earlier = qs.filter(_beyond(keys, decoded[1], forward=False))
        found = _fetch(earlier.order_by(*(k.reverse for k in keys)), keys, size + 1, rows_of)
        if not found:  # the rows before it are gone: the list from the top
            return _keyset_page(qs, keys=keys, cursor="", size=size, rows_of=rows_of)
        more_before = len(found) > size
        found = found[:size][::-1]
        return KeysetPage(
            object_list=[row for row, _ in found],
            previous_cursor=_encode(BEFORE, found[0][1]) if more_before else None,
            next_cursor=_encode(AFTER, found[-1][1]),
        )
    ordered = qs.order_by(*(k.order for k in keys))
    if decoded is not None:
        ordered = ordered.filter(_beyond(keys, decoded[1], forward=True))
    found = _fetch(ordered, keys, size + 1, rows_of)
    more_after = len(found) > size
    found = found[:size]
    return KeysetPage(
        object_list=[row for row, _ in found],
        previous_cursor=(_encode(BEFORE, found[0][1]) if decoded is not None and found else None),
        next_cursor=_encode(AFTER, found[-1][1]) if more_after else None,
    )


def keyset_chunks(
    rows: QuerySet, *, keys: Sequence[Key], limit: int, sizes: Sequence[int]
) -> Iterator[list[dict]]:
    """The first `limit` rows of a values() queryset in the order of `keys` (each named as a
    column of the rows, "pk" as "id"), a chunk at a time: each chunk one query that starts
    where the last ended (an index walk, not an OFFSET), of the next of `sizes` rows (the last
    size repeats). A cursor held open over a whole export made the database compute it all
    before the first row; a small first chunk sends the first byte sooner."""
    ordered = rows.order_by(*(k.order for k in keys))
    names = ["id" if k.name == "pk" else k.name for k in keys]
    sent, after = 0, None
    for n in _sizes(sizes):
        chunk = ordered if after is None else ordered.filter(_beyond(keys, after, forward=True))
        found = list(chunk[: min(n, limit - sent)])
        if found:
            yield found
        sent += len(found)
        if len(found) < n or sent >= limit:
            return
        after = [found[-1][name] for name in names]


def _sizes(sizes: Sequence[int]) -> Iterator[int]:
    yield from sizes
    while True:
        yield sizes[-1]
