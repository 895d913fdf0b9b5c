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
from typing import Any

from django.db.models import QuerySet
from django.utils.text import slugify

from entities.api.serializers import statement_permalink
from entities.models import Actor, Statement
from entities.selectors.sentences import statement_sentence_text
from entities.selectors.statements import with_sentences
from entities.spreadsheets import formula_safe

BOM = "\ufeff"
FILENAME_WORDS = 60  # characters of the filters in an export's file name, at most

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


def export_rows(statements: QuerySet[Statement]) -> QuerySet[Statement]:
    """A statement listing with what a record reads: the sentence around each statement (cut
    by the database) and the speaker's country, so that a record makes no query of its own."""
    return with_sentences(statements).select_related("speaker__country")


def statement_record(request, st: Statement) -> dict:
    """One statement as an export row: every field in COLUMNS. `targets` is a list of {name,
    slug, stance, url} (in CSV "Russia (negative); NATO (neutral)"); the target_* columns
    repeat the slugs, spans and stances in the targets' order."""
    targets = list(st.targets.all())
    article = st.article
    speaker = st.speaker
    return {
        "id": st.pk,
        "article_id": st.article_id,
        "article_title": article.title,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "publisher": article.publisher,
        "source_url": article.url,
        "speaker": speaker.name if speaker else None,
        "speaker_slug": speaker.slug if speaker else None,
        "speaker_text": st.speaker_text,
        "speaker_country": speaker.country.name if speaker and speaker.country else None,
        "speaker_start": st.speaker_start,
        "speaker_end": st.speaker_end,
        "cue": st.cue,
        "cue_class": st.cue_class,
        "cue_start": st.cue_start,
        "cue_end": st.cue_end,
        "kind": st.kind,
        "content": st.content,
        "sentence": statement_sentence_text(st),
        "content_start": st.content_start,
        "content_end": st.content_end,
        "in_title": st.in_title,
        "targets": [
            {
                "name": t.actor.name,
                "slug": t.actor.slug,
                "stance": t.stance,
                "url": request.build_absolute_uri(t.actor.get_absolute_url()),
            }
            for t in targets
        ],
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


def csv_lines(request, rows: Iterable[Statement]) -> Iterator[str]:
    """A byte order mark and a header, then one CSV line per statement; cells a spreadsheet
    would run are quoted."""
    writer = csv.writer(_Line())
    yield BOM + writer.writerow(COLUMNS)
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
