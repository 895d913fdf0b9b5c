"""The publication date a story's text gives itself: its dateline ("BEIJING, Nov. 29 (Xinhua)
--", "March 3, 2024 —") or a "Published 3 March 2024" line near the top.

Only the opening of the text is read, and never a copyright line: "© 2016 Example News" is the
year a site's template was written, not the day a story was. A dateline without a year
("Nov. 29") is taken as the latest such day on or before the reference day (the upload's):
wire stories are uploaded within the year they are filed, and an editor can correct the date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .substance import is_furniture

# how far into the text a dateline may start (characters): the first paragraph or two
HEAD_CHARS = 600

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month{n}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year{n}>(?:19|20)\d\d)"
# "Nov. 29, 2024" (groups ending in 1) or "29 November 2024" (in 2) or "2024-11-29"
_DATE = (
    rf"(?:{_MONTH.format(n=1)}\s+{_DAY.format(n=1)}(?:,?\s+{_YEAR.format(n=1)})?"
    rf"|{_DAY.format(n=2)}\s+{_MONTH.format(n=2)}(?:,?\s+{_YEAR.format(n=2)})?"
    r"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))"
)
# "BEIJING, Nov. 29 (Xinhua) --", "KYIV, Ukraine, March 3, 2024 —", "March 3, 2024 —"
_DATELINE = re.compile(
    rf"^(?:[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w .'’-]*)?,\s*)?{_DATE}"
    r"\s*(?:\([^)]{1,40}\)\s*)?(?:--|[-–—:])",
    re.IGNORECASE,
)
# "Published: 3 March 2024", "Posted on March 3, 2024 at 10:00"
_PUBLISHED = re.compile(rf"^(?:first\s+)?(?:published|posted)(?:\s+on)?:?\s+{_DATE}", re.I)
# the city of a dateline is in capitals; "March" alone at a line's start is checked separately
_CITY_CAPS = re.compile(r"^[A-Z][A-Z .'’-]+,")


def dateline_date(text: str, *, today: date) -> date | None:
    """The date of the dateline or "Published ..." line that opens `text`, or None."""
    pos = 0
    for line in text[:HEAD_CHARS].splitlines():
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped or is_furniture(stripped):
            continue
        match = _PUBLISHED.match(stripped) or _DATELINE.match(stripped)
        if match is not None and (
            match.re is _PUBLISHED or _CITY_CAPS.match(stripped) or _starts_with_date(stripped)
        ):
            found = _date(match, today=today)
            if found is not None:
                return found
    return None


def _starts_with_date(line: str) -> bool:
    return bool(re.match(_DATE, line, re.IGNORECASE))


def _date(match: re.Match[str], *, today: date) -> date | None:
    if match.group("iso"):
        try:
            return date.fromisoformat(match.group("iso"))
        except ValueError:
            return None
    n = "1" if match.group("month1") else "2"
    month = _MONTHS[match.group("month" + n).lower()[:3]]
    day = int(match.group("day" + n))
    year = match.group("year" + n)
    try:
        if year:
            return date(int(year), month, day)
        found = date(today.year, month, day)
    except ValueError:  # "Feb. 30"
        return None
    # no year: the latest such day not after tomorrow (a time zone ahead)
    return found if found <= today + timedelta(days=1) else found.replace(year=today.year - 1)
