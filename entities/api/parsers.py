"""Request parsers that refuse bodies over the size limits with a 413 instead of reading them."""

from __future__ import annotations

import io

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from entities.api.errors import PayloadTooLarge


def _content_length(parser_context) -> int:
    request = (parser_context or {}).get("request")
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) if request is not None else 0
    except ValueError:
        return 0


def _read_bounded(stream, parser_context, limit: int) -> io.BytesIO:
    if _content_length(parser_context) > limit:
        raise PayloadTooLarge(f"The request body is over the limit of {limit:,} bytes.")
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise PayloadTooLarge(f"The request body is over the limit of {limit:,} bytes.")
    return io.BytesIO(data)


class JSONParser(parsers.JSONParser):
    """JSON bodies up to DATA_UPLOAD_MAX_MEMORY_SIZE bytes. Nesting deeper than Python's
    recursion limit (`[` x 100,000 is 100 KB) is a 400, not a RecursionError."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        body = _read_bounded(stream, parser_context, limit)
        try:
            return super().parse(body, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError("JSON parse error - the document is nested too deeply.") from exc


class FormParser(parsers.FormParser):
    """URL-encoded forms up to DATA_UPLOAD_MAX_MEMORY_SIZE bytes."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return super().parse(
            _read_bounded(stream, parser_context, limit), media_type, parser_context
        )


class MultiPartParser(parsers.MultiPartParser):
    """Multipart uploads: one file of up to NEWSAPP_MAX_UPLOAD_BYTES plus the form fields (Django
    bounds those by DATA_UPLOAD_MAX_MEMORY_SIZE). Larger bodies are refused before they are
    read; a file within the body limit but over its own is refused by the upload service."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.NEWSAPP_MAX_UPLOAD_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if _content_length(parser_context) > limit:
            raise PayloadTooLarge(f"The request body is over the limit of {limit:,} bytes.")
        return super().parse(stream, media_type, parser_context)
