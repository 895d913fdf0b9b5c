"""Statements as CSV or JSON Lines, streamed row by row and bounded in length."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

from entities.api.serializers import statement_permalink
from entities.spreadsheets import formula_safe

EXPORT_MAX_ROWS = 10_000
COLUMNS = [
    "id",
    "article_id",
    "article_title",
    "published_at",
    "publisher",
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
FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl; charset=utf-8"}


def statement_record(request, st) -> dict:
    targets = list(st.targets.all())
    return {
        "id": st.pk,
        "article_id": st.article_id,
        "article_title": st.article.title,
        "published_at": st.article.published_at.isoformat() if st.article.published_at else None,
        "publisher": st.article.publisher,
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


def csv_lines(request, rows: Iterable) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(COLUMNS)
    for st in rows:
        record = statement_record(request, st)
        yield writer.writerow([formula_safe(_csv_cell(record[c])) for c in COLUMNS])


def jsonl_lines(request, rows: Iterable) -> Iterator[str]:
    for st in rows:
        yield json.dumps(statement_record(request, st), ensure_ascii=False) + "\n"
