"""Statements as CSV or JSON Lines for the API, streamed row by row and bounded in length.
The record and the streams are the app's one definition, in entities/exports.py."""

from __future__ import annotations

from entities.exports import (
    CHUNK,
    COLUMNS,
    csv_lines,
    export_filename,
    export_rows,
    jsonl_lines,
    statement_record,
)

__all__ = [
    "CHUNK",
    "COLUMNS",
    "EXPORT_MAX_ROWS",
    "FORMATS",
    "csv_lines",
    "export_filename",
    "export_rows",
    "jsonl_lines",
    "statement_record",
]

EXPORT_MAX_ROWS = 10_000
FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl; charset=utf-8"}
