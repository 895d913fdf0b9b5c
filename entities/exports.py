"""A statement's exported record, and the streams every export writes it in: the statement
search page's CSV and JSON and the API's CSV and JSON Lines share this one definition.

Streams read rows from an iterator and hand out one line at a time, so an export holds one
chunk of rows in memory, never the whole result."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

from entities.api.serializers import statement_permalink
from entities.models import Statement
from entities.spreadsheets import formula_safe

CHUNK = 500  # rows fetched from the database at a time
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
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_class",
    "cue_start",
    "cue_end",
    "kind",
    "content",
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


def statement_record(request, st: Statement) -> dict:
    """One statement as an export row: every field in COLUMNS, lists for the targets."""
    targets = list(st.targets.all())
    article = st.article
    return {
        "id": st.pk,
        "article_id": st.article_id,
        "article_title": article.title,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "publisher": article.publisher,
        "source_url": article.url,
        "speaker": st.speaker.name if st.speaker else None,
        "speaker_slug": st.speaker.slug if st.speaker else None,
        "speaker_text": st.speaker_text,
        "speaker_start": st.speaker_start,
        "speaker_end": st.speaker_end,
        "cue": st.cue,
        "cue_class": st.cue_class,
        "cue_start": st.cue_start,
        "cue_end": st.cue_end,
        "kind": st.kind,
        "content": st.content,
        "content_start": st.content_start,
        "content_end": st.content_end,
        "in_title": st.in_title,
        "targets": [t.actor.name for t in targets],
        "target_slugs": [t.actor.slug for t in targets],
        "target_spans": [[t.start, t.end] for t in targets],
        "target_stances": [t.stance for t in targets],
        "confidence": st.confidence,
        "permalink": statement_permalink(request, st),
    }


class _Line:
    """A file-like object for csv.writer that hands back what was written."""

    def write(self, value: str) -> str:
        return value


def _csv_cell(value):
    if isinstance(value, list):
        return "; ".join(f"{v[0]}-{v[1]}" if isinstance(v, list) else str(v) for v in value)
    return "" if value is None else value


def csv_lines(request, rows: Iterable[Statement]) -> Iterator[str]:
    """A header, then one CSV line per statement; cells a spreadsheet would run are quoted."""
    writer = csv.writer(_Line())
    yield writer.writerow(COLUMNS)
    for st in rows:
        record = statement_record(request, st)
        yield writer.writerow([formula_safe(_csv_cell(record[c])) for c in COLUMNS])


def jsonl_lines(request, rows: Iterable[Statement]) -> Iterator[str]:
    for st in rows:
        yield json.dumps(statement_record(request, st), ensure_ascii=False) + "\n"


def json_document_lines(request, rows: Iterable[Statement], *, truncated: bool) -> Iterator[str]:
    """{"results": [...], "count": n, "truncated": bool}, written a record at a time (the count
    comes last: it is known once the rows are)."""
    yield '{"results": ['
    count = 0
    for st in rows:
        record = json.dumps(statement_record(request, st), ensure_ascii=False)
        yield ("\n " if count == 0 else ",\n ") + record
        count += 1
    yield f'\n], "count": {count}, "truncated": {json.dumps(truncated)}}}\n'
