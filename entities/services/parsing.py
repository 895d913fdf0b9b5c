"""PDF and HTML parsing of uploads, in a child process bounded in time and memory.

A 4.7 KB PDF (eight pages sharing one content stream of 300,000 text operators) held a web
worker for a minute; parsers of untrusted files have such cases, and Python cannot stop a
thread that is inside one. A child process can be stopped: it runs under a CPU-time and an
address-space limit (set in entities/parse_child.py) and a wall-clock timeout, and an input
over them is refused with a 400 saying so."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

from entities.nlp.types import CleanText, Metadata

CHILD = Path(__file__).resolve().parents[1] / "parse_child.py"


class ParseLimitExceeded(Exception):
    """The child ran out of time or memory, or died."""


def _run(kind: str, data: bytes) -> dict:
    timeout = settings.NEWSAPP_PARSE_TIMEOUT
    memory = settings.NEWSAPP_PARSE_MAX_MEMORY
    command = [sys.executable, "-I", str(CHILD), kind, str(memory), str(max(1, int(timeout)))]
    try:
        done = subprocess.run(  # noqa: S603 - our own script, arguments are numbers
            command, input=data, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise ParseLimitExceeded(f"took longer than {timeout:g} s") from exc
    if done.returncode != 0:
        # killed by the CPU limit (SIGXCPU/SIGKILL) or a MemoryError under the memory limit
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        if done.returncode < 0 or (tail and "MemoryError" in tail[0]):
            raise ParseLimitExceeded(
                f"needed more than {timeout:g} s of processor time or "
                f"{memory // (1024 * 1024):,} MB of memory"
            )
        raise ParseLimitExceeded(f"could not be parsed ({tail[0] if tail else 'no output'})")
    return json.loads(done.stdout)


def _too_costly(field: str, name: str, why: str) -> ValidationError:
    return ValidationError(
        {field: ValidationError(f"{name} is too costly to read: it {why}.", code="too_costly")}
    )


@dataclass(frozen=True)
class PdfDocument:
    pages: list[str]
    title: str = ""  # the metadata's /Title
    created: datetime | None = None  # the metadata's /CreationDate
    producer: str = ""  # /Producer and /Creator: the program that wrote the file
    heading: str = ""  # the text in the first page's largest font


def pdf_document(*, name: str, data: bytes, field: str = "file") -> PdfDocument:
    """The text of each page of a PDF and its metadata; ValidationError when it is unreadable
    or too costly."""
    try:
        result = _run("pdf", data)
    except ParseLimitExceeded as exc:
        raise _too_costly(field, name, str(exc)) from exc
    if "error" in result:
        message = f"{name} is not a readable PDF ({result['error']})."
        raise ValidationError({field: ValidationError(message, code="unreadable")})
    created = None
    if result.get("created"):
        try:
            created = datetime.fromisoformat(result["created"])
        except ValueError:
            created = None
    return PdfDocument(
        pages=result["pages"],
        title=result.get("title", ""),
        created=created,
        producer=result.get("producer", ""),
        heading=result.get("heading", ""),
    )


def html_clean(*, raw: str, field: str = "text", name: str = "The page") -> CleanText:
    """nlp.clean.clean_html(raw), parsed in the bounded child process."""
    try:
        result = _run("html", raw.encode("utf-8", "surrogatepass"))
    except ParseLimitExceeded as exc:
        raise _too_costly(field, name, str(exc)) from exc
    published = result["published"]
    return CleanText(
        title=result["title"],
        body=result["body"],
        metadata=Metadata(
            url=result["url"],
            publisher=result["publisher"],
            published=date.fromisoformat(published) if published else None,
            authors=tuple(result["authors"]),
        ),
    )
