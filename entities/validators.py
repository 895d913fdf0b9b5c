"""Text that can be stored: PostgreSQL refuses NUL (0x00) in text columns, and a lone surrogate
(valid in JSON's \\ud800, never in UTF-8) cannot be encoded for the database at all. Every
entry either refuses such text (`validate_storable`: identifiers, slugs, names an editor types)
or cleans it (`clean_text`: an article's text, where a stray NUL is noise); bytes of an uploaded
file are decoded by `decode_text`.

The validators that forms, API serializers and services share live here too: a date range,
a publication date."""

from __future__ import annotations

import codecs
import re
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")

# Byte order marks, longest first: UTF-32's little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Share of NUL bytes in one byte position (odd or even) that marks UTF-16 without a BOM: text
# in a Latin script has a NUL in every other byte; UTF-8 text has (almost) none.
_UTF16_NUL_SHARE = 0.3
_SAMPLE = 4096


def is_storable(value: str) -> bool:
    return _UNSTORABLE.search(value) is None


@deconstructible
class StorableTextValidator:
    """Refuses a value with a NUL byte or a lone surrogate."""

    message = "This value contains a NUL byte or an invalid character."
    code = "invalid_characters"

    def __call__(self, value) -> None:
        if isinstance(value, str) and not is_storable(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other) -> bool:
        return isinstance(other, StorableTextValidator)


validate_storable = StorableTextValidator()


def clean_text(value: str) -> str:
    """The text without NUL bytes, each lone surrogate replaced by U+FFFD."""
    if is_storable(value):
        return value
    return _SURROGATE.sub("\ufffd", value.replace("\x00", ""))


def decode_text(data: bytes) -> str | None:
    """The text of a plain-text file: UTF-8, or UTF-16/32 with a byte order mark, or UTF-16
    without one (what some Windows programs save); None when it is none of these (binary)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], encoding)
    if b"\x00" in data[:_SAMPLE]:
        guessed = _utf16_without_bom(data[:_SAMPLE])
        if guessed is not None:
            return _decode(data, guessed)
    return _decode(data, "utf-8")


def _utf16_without_bom(sample: bytes) -> str | None:
    half = max(len(sample) // 2, 1)
    odd = sample[1::2].count(0) / half
    even = sample[0::2].count(0) / half
    if odd >= _UTF16_NUL_SHARE and odd > 2 * even:
        return "utf-16-le"  # "a\x00b\x00": the high byte of each character is zero
    if even >= _UTF16_NUL_SHARE and even > 2 * odd:
        return "utf-16-be"
    return None


def _decode(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    # a file that decodes but is mostly control characters is not text (a binary file that
    # happens to be valid UTF-16, say)
    controls = sum(1 for c in text[:_SAMPLE] if c < " " and c not in "\t\n\r\f")
    if controls > len(text[:_SAMPLE]) // 10:
        return None
    return clean_text(text)


def validate_date_range(start: date | None, end: date | None) -> None:
    """Refuses a range whose end comes before its start; either end may be open (None)."""
    if start and end and start > end:
        raise ValidationError(_("The end date is before the start date."))


EARLIEST_PUBLICATION = date(1900, 1, 1)


def validate_publication_date(value: date | None) -> None:
    """A date a news article can have been published on: from 1900 to tomorrow (a time zone
    ahead). A typo such as year 1 would stretch the timeline of every actor in the article over
    two thousand years."""
    if value is None:
        return
    day = value.date() if isinstance(value, datetime) else value
    latest = timezone.localdate() + timedelta(days=1)
    if not EARLIEST_PUBLICATION <= day <= latest:
        raise ValidationError(
            f"Give a publication date between {EARLIEST_PUBLICATION.isoformat()} and "
            f"{latest.isoformat()}.",
            code="out_of_range",
        )
