"""A statement's exported record, the streams every export writes it in, and the export's file
name: the statement search page's CSV and JSON and the API's CSV and JSON Lines share this one
definition (same columns, same names). CSV starts with a UTF-8 byte order mark, so that Excel
reads it as UTF-8 (’ and accents otherwise come out garbled).

Streams read rows from an iterator and hand out one line at a time, so an export holds one
chunk of rows in memory, never the whole result."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import date
from types import SimpleNamespace
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.text import slugify

from entities.models import Actor, Statement, StatementTarget
from entities.selectors.keyset import keyset_chunks
from entities.selectors.sentences import statement_sentence_text
from entities.selectors.statements import MOST_RELEVANT, NEWEST_FIRST, with_sentences
from entities.spreadsheets import formula_safe

BOM = "\ufeff"
FILENAME_WORDS = 60  # characters of the filters in an export's file name, at most

CHUNK = 1000  # rows fetched from the database at a time
COLUMNS = [
    "id",
    "article_id",
    "article_title",
    "published_at",
    "publisher",
    "source_url",
    "speaker",
    "speaker_slug",
    "speaker_text",
    "speaker_country",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_class",
    "cue_start",
    "cue_end",
    "kind",
    "content",
    "sentence",
    "content_start",
    "content_end",
    "in_title",
    "targets",
    "target_slugs",
    "target_spans",
    "target_stances",
    "confidence",
    "permalink",
]


# the first chunk small: its rows go out (the first byte) as soon as they are read
CHUNKS = (100, CHUNK)
_FIELDS = (
    "id", "article_id", "article__title", "article__published_at", "article__publisher",
    "article__url", "speaker__name", "speaker__slug", "speaker__country__name", "speaker_text",
    "speaker_start", "speaker_end", "cue", "cue_class", "cue_start", "cue_end", "kind",
    "content", "content_start", "content_end", "in_title", "confidence", "sort_at",
    "window", "window_start",
)  # fmt: skip


def export_rows(statements: QuerySet[Statement], *, limit: int) -> Iterator[dict]:
    """The first `limit` statements of a listing (statement_search's, in its order) as export
    rows: plain values (building 5,000 statements with their articles, speakers and targets
    as model objects took seconds), the sentence around each statement cut by the database
    (no article body leaves it), each statement's targets as `targets`. Read a chunk at a time
    (keyset.keyset_chunks), two queries per chunk."""
    ranked = "rank" in statements.query.annotations
    keys = MOST_RELEVANT if ranked else NEWEST_FIRST
    rows = with_sentences(statements.prefetch_related(None)).values(
        *_FIELDS, *(["rank"] if ranked else [])
    )
    for chunk in keyset_chunks(rows, keys=keys, limit=limit, sizes=CHUNKS):
        targets: dict[int, list[dict]] = {}
        for target in (
            StatementTarget.objects.filter(statement_id__in=[row["id"] for row in chunk])
            .order_by("statement_id", "start", "pk")
            .values("statement_id", "actor__name", "actor__slug", "stance", "start", "end")
        ):
            targets.setdefault(target["statement_id"], []).append(target)
        for row in chunk:
            row["targets"] = targets.get(row["id"], [])
            yield row


class _Urls:
    """Absolute URLs of actors and statement permalinks for one request: reverse() once per
    kind, not once per row (8,700 calls took 0.7 s of a 5,000-row export)."""

    def __init__(self, request) -> None:
        self.request = request
        self.actor = self._split(reverse("entities:actor_detail", args=["slug-mark"]), "slug-mark")
        self.statement = self._split(
            reverse("entities:statement_detail", args=[9999999999]), "9999999999"
        )

    def _split(self, url: str, mark: str) -> tuple[str, str]:
        absolute = self.request.build_absolute_uri(url) if self.request is not None else url
        before, after = absolute.rsplit(mark, 1)
        return before, after

    def of_actor(self, slug: str) -> str:
        return f"{self.actor[0]}{slug}{self.actor[1]}"

    def of_statement(self, pk: int) -> str:
        return f"{self.statement[0]}{pk}{self.statement[1]}"


def statement_record(urls: _Urls, row: dict) -> dict:
    """One statement as an export row: every field in COLUMNS. `targets` is a list of {name,
    slug, stance, url} (in CSV "Russia (negative); NATO (neutral)"); the target_* columns
    repeat the slugs, spans and stances in the targets' order."""
    targets = row["targets"]
    published = row["article__published_at"]
    return {
        "id": row["id"],
        "article_id": row["article_id"],
        "article_title": row["article__title"],
        "published_at": published.isoformat() if published else None,
        "publisher": row["article__publisher"],
        "source_url": row["article__url"],
        "speaker": row["speaker__name"],
        "speaker_slug": row["speaker__slug"],
        "speaker_text": row["speaker_text"],
        "speaker_country": row["speaker__country__name"],
        "speaker_start": row["speaker_start"],
        "speaker_end": row["speaker_end"],
        "cue": row["cue"],
        "cue_class": row["cue_class"],
        "cue_start": row["cue_start"],
        "cue_end": row["cue_end"],
        "kind": row["kind"],
        "content": row["content"],
        "sentence": statement_sentence_text(SimpleNamespace(**row)),
        "content_start": row["content_start"],
        "content_end": row["content_end"],
        "in_title": row["in_title"],
        "targets": [
            {
                "name": t["actor__name"],
                "slug": t["actor__slug"],
                "stance": t["stance"],
                "url": urls.of_actor(t["actor__slug"]),
            }
            for t in targets
        ],
        "target_slugs": [t["actor__slug"] for t in targets],
        "target_spans": [[t["start"], t["end"]] for t in targets],
        "target_stances": [t["stance"] for t in targets],
        "confidence": row["confidence"],
        "permalink": urls.of_statement(row["id"]),
    }


class _Line:
    """A file-like object for csv.writer that hands back what was written."""

    def write(self, value: str) -> str:
        return value


def _csv_item(v: Any) -> str:
    if isinstance(v, dict):
        return f"{v['name']} ({v['stance']})"
    if isinstance(v, list):
        return f"{v[0]}-{v[1]}"
    return str(v)


def _csv_cell(value):
    if isinstance(value, list):
        return "; ".join(_csv_item(v) for v in value)
    return "" if value is None else value


LINES_PER_WRITE = 100  # lines handed to the server at once: one write per line cost more


def _batched(lines: Iterable[str]) -> Iterator[str]:
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) == LINES_PER_WRITE:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def csv_lines(request, rows: Iterable[dict]) -> Iterator[str]:
    """A byte order mark and a header (at once, before any row is read), then one CSV line per
    statement (export_rows); cells a spreadsheet would run are quoted."""
    writer = csv.writer(_Line())
    yield BOM + writer.writerow(COLUMNS)
    urls = _Urls(request)
    yield from _batched(
        writer.writerow([formula_safe(_csv_cell(record[c])) for c in COLUMNS])
        for record in (statement_record(urls, row) for row in rows)
    )


def jsonl_lines(request, rows: Iterable[dict]) -> Iterator[str]:
    urls = _Urls(request)
    yield from _batched(
        json.dumps(statement_record(urls, row), ensure_ascii=False) + "\n" for row in rows
    )


def json_document_lines(request, rows: Iterable[dict], *, truncated: bool) -> Iterator[str]:
    """{"results": [...], "count": n, "truncated": bool}, written a record at a time (the count
    comes last: it is known once the rows are)."""
    yield '{"results": ['
    urls = _Urls(request)
    count = 0

    def records() -> Iterator[str]:
        nonlocal count
        for row in rows:
            record = json.dumps(statement_record(urls, row), ensure_ascii=False)
            yield ("\n " if count == 0 else ",\n ") + record
            count += 1

    yield from _batched(records())
    yield f'\n], "count": {count}, "truncated": {json.dumps(truncated)}}}\n'


def _filter_words(filters: dict[str, Any]) -> list[str]:
    words: list[str] = []
    for name in ("query", "speaker", "target", "stance", "kind", "cue_class", "publisher"):
        value = filters.get(name)
        if isinstance(value, Actor):
            words.append(value.slug)
        elif value:
            words.append(str(value))
    if filters.get("date_from"):
        words.append(f"from-{filters['date_from']:%Y-%m-%d}")
    if filters.get("date_to"):
        words.append(f"to-{filters['date_to']:%Y-%m-%d}")
    return words


def export_filename(filters: dict[str, Any], *, extension: str, today: date) -> str:
    """What was searched and when: statements-dmitry-peskov-north-korea-2026-11-30.csv. The
    filters (statement_search's keyword arguments) are slugified (ASCII letters, digits and
    hyphens: safe in a Content-Disposition header and on any file system) and cut to
    FILENAME_WORDS characters at a word boundary."""
    words = slugify(" ".join(_filter_words(filters)), allow_unicode=False)
    if len(words) > FILENAME_WORDS:
        words = words[: FILENAME_WORDS + 1].rsplit("-", 1)[0].strip("-")
    parts = ["statements", words, f"{today:%Y-%m-%d}"]
    return "-".join(p for p in parts if p) + f".{extension}"
