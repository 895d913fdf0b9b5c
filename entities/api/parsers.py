"""Request parsers that refuse bodies over the size limits with a 413 instead of reading them."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any

from django.conf import settings
from django.utils.datastructures import MultiValueDict
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from entities.api.errors import PayloadTooLarge

if TYPE_CHECKING:  # the stubs' type of a parsed form (a QueryDict made immutable)
    from django.http.request import _ImmutableQueryDict


def _content_length(parser_context: Mapping[str, Any] | None) -> int:
    request = (parser_context or {}).get("request")
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) if request is not None else 0
    except ValueError:
        return 0


def _read_bounded(
    stream: IO[Any], parser_context: Mapping[str, Any] | None, limit: int
) -> io.BytesIO:
    if _content_length(parser_context) > limit:
        raise PayloadTooLarge(f"The request body is over the limit of {limit:,} bytes.")
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise PayloadTooLarge(f"The request body is over the limit of {limit:,} bytes.")
    return io.BytesIO(data)


class JSONParser(parsers.JSONParser):
    """JSON bodies up to DATA_UPLOAD_MAX_MEMORY_SIZE bytes. Nesting deeper than Python's
    recursion limit (`[` x 100,000 is 100 KB) is a 400, not a RecursionError."""

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        body = _read_bounded(stream, parser_context, limit)
        try:
            return super().parse(body, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError("JSON parse error - the document is nested too deeply.") from exc


class FormParser(parsers.FormParser):
    """URL-encoded forms up to DATA_UPLOAD_MAX_MEMORY_SIZE bytes."""

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> _ImmutableQueryDict:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return super().parse(
            _read_bounded(stream, parser_context, limit), media_type, parser_context
        )


class MultiPartParser(parsers.MultiPartParser):
    """Multipart uploads: one file of up to NEWSAPP_MAX_UPLOAD_BYTES plus the form fields (Django
    bounds those by DATA_UPLOAD_MAX_MEMORY_SIZE). Larger bodies are refused before they are
    read; a file within the body limit but over its own is refused by the upload service."""

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> parsers.DataAndFiles[_ImmutableQueryDict, MultiValueDict]:
        limit = settings.NEWSAPP_MAX_UPLOAD_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if _content_length(parser_context) > limit:
            raise PayloadTooLarge(f"The request body is over the limit of {limit:,} bytes.")
        return super().parse(stream, media_type, parser_context)
