"""The text of a PDF's pages -> an article's text: print furniture removed, lines joined.

A PDF is a page layout, not a text. Printed from a browser it carries on every page a header
("11/29/26, 7:06 PM  Page title") and a footer ("https://site/story  1/3"), the site's menu
and cookie banner above the story, and a line break at the end of every printed line, with
words hyphenated across them. This module turns the pages' lines back into paragraphs:

- running headers and footers go: lines among the first or last few of a page that repeat
  (digits aside) on most pages, and, on any page, page numbers ("3", "Page 3 of 7", "3/7"),
  print stamps (a date and time), "file:///..." and bare URLs;
- site furniture before the story goes (menus, cookie notices, "Subscribe ...": substance.py);
- a line ending in "-" is joined to the next without the hyphen when the joined word is a word
  (in `words`, or written joined elsewhere in the document) and the hyphenated spelling is not
  used elsewhere; else the hyphen stays ("long-\\nterm" -> "long-term");
- a line is joined to the next unless it ends a paragraph: it ends a sentence and is clearly
  shorter than the page's full lines, or the next starts a list item.

Pure Python, no Django: entities.services.inputs calls it on what parse_child.py extracted.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

from .substance import is_furniture

# lines at the top and the bottom of a page where running headers and footers are looked for
EDGE_LINES = 3
# share of pages a line must repeat on to be a running header or footer
REPEAT_SHARE = 0.6

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?"
_NUM_DATE = r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}"
# "11/29/26, 7:06 PM", "2026-11-29 19:06", "29.11.2026, 19:06": a print time stamp
PRINT_STAMP = re.compile(rf"^\s*{_NUM_DATE},?\s+{_TIME}(?:\s|$)")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)
_URL = r"(?:file:///|https?://|www\.)\S*"
# a URL alone, or followed by a page count: "https://site/story 1/3", "file:///C:/a.html 2/3"
_URL_LINE = re.compile(rf"^\s*{_URL}(?:\s+\d{{1,4}}\s*/\s*\d{{1,4}})?\s*$", re.IGNORECASE)
_FILE_URL = re.compile(r"file:///", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_HYPHENATED_END = re.compile(r"(?P<head>\b[A-Za-z]+)-$")
_LOWER_START = re.compile(r"^(?P<tail>[a-z]+)\b")
_SENTENCE_END = re.compile(r"[.!?:][\"”’')\]]*$")
_LIST_ITEM = re.compile(r"^(?:[•●▪◦*–-]\s|\d{1,2}[.)]\s)")
# a line this much shorter than the page's typical full line, ending a sentence, ends a paragraph
_SHORT_LINE = 0.8


def is_print_artefact(line: str) -> bool:
    """A page number, a print time stamp, a file:/// address or a bare URL."""
    return bool(
        _PAGE_NUMBER.match(line)
        or PRINT_STAMP.match(line)
        or _URL_LINE.match(line)
        or _FILE_URL.search(line)
    )


def pdf_text(pages: list[str], *, words: Iterable[str] = (), heading: str = "") -> str:
    """The article text of a PDF's pages: paragraphs separated by blank lines. `words` is a
    vocabulary (lower case) that tells a hyphenated word from a compound; `heading` (the
    document's first heading, when known) is dropped from the text's start."""
    page_lines = [[ln.strip() for ln in page.splitlines()] for page in pages]
    page_lines = [[ln for ln in lines if ln] for lines in page_lines]
    running = _running_lines(page_lines)
    kept: list[list[str]] = []
    for lines in page_lines:
        last = len(lines) - 1
        kept.append(
            [
                line
                for i, line in enumerate(lines)
                if not is_print_artefact(line)
                and not ((i < EDGE_LINES or i > last - EDGE_LINES) and _key(line) in running)
            ]
        )
    lines = [line for page in kept for line in page]
    lines = _drop_leading_furniture(lines, heading=heading)
    return _paragraphs(lines, words=_vocabulary(lines, words))


def _key(line: str) -> str:
    return _DIGITS.sub("#", line.lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines (digits aside) among the first or last EDGE_LINES of most pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edges = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
        counts.update({_key(line) for line in edges})
    needed = max(2, round(len(pages) * REPEAT_SHARE))
    return {key for key, n in counts.items() if n >= needed}


def _drop_leading_furniture(lines: list[str], *, heading: str) -> list[str]:
    """Menus, cookie notices and sign-in prompts above the story, and its heading (the
    article's title, stored apart from the text)."""
    start = 0
    while start < len(lines) and is_furniture(lines[start]):
        start += 1
    lines = lines[start:]
    if heading:
        # the heading may be broken over a few lines at the top
        wanted = " ".join(heading.split()).lower()
        joined = ""
        for i, line in enumerate(lines[:6]):
            joined = f"{joined} {line}".strip().lower()
            if joined == wanted:
                return [ln for ln in lines[i + 1 :] if not is_furniture(ln)] or lines[i + 1 :]
            if not wanted.startswith(joined):
                break
    return lines


def _vocabulary(lines: list[str], words: Iterable[str]) -> tuple[set[str], set[str]]:
    """(words known to be words, hyphenated spellings the document uses mid-line)."""
    known = set(words)
    hyphenated = set()
    for line in lines:
        for token in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", line[:-1] if line else line):
            if "-" in token:
                hyphenated.add(token.lower())
            else:
                known.add(token.lower())
    return known, hyphenated


def _paragraphs(lines: list[str], *, words: tuple[set[str], set[str]]) -> str:
    if not lines:
        return ""
    known, hyphenated = words
    full = _typical_length(lines)
    paragraphs: list[str] = []
    current = lines[0]
    for prev, line in pairwise(lines):
        if _ends_paragraph(prev, line, full):
            paragraphs.append(current)
            current = line
            continue
        # `current` ends with `prev`: looking at the line alone keeps this linear (a search of
        # the whole growing paragraph made 20 pages take 11 s)
        head = _HYPHENATED_END.search(prev)
        tail = _LOWER_START.match(line)
        if head and tail:
            joined = head.group("head") + tail.group("tail")
            spelled = f"{head.group('head')}-{tail.group('tail')}".lower()
            if joined.lower() in known and spelled not in hyphenated:
                current = current[:-1] + line  # "inter-" + "national" -> "international"
                continue
            current += line  # "long-" + "term": the hyphen is the word's own
            continue
        current = f"{current} {line}"
    paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _typical_length(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines)
    # the upper quartile: most lines of a page are full ones, headings and last lines are not
    return int(statistics.quantiles(lengths, n=4)[2]) if len(lengths) >= 4 else max(lengths)


def _ends_paragraph(line: str, following: str, full: int) -> bool:
    if _LIST_ITEM.match(following):
        return True
    if _SENTENCE_END.search(line):
        return len(line) < full * _SHORT_LINE
    # a short line without a full stop: a heading or a dateline of its own
    return len(line) < full * 0.5 and following[:1].isupper()


_TITLE_JUNK = re.compile(
    r"^(?:untitled|document\d*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|html?|odt))$",
    re.IGNORECASE,
)
# "Headline | Site", "Headline - Site name": the site's name after the last separator
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<site>[^|–—]{1,40})$")


def pdf_title(*, metadata_title: str, heading: str) -> str:
    """The document's title: its metadata title unless that is a print artefact (a time
    stamp, an address, a file name, a menu), else its first heading; "" when neither is."""
    title = " ".join(metadata_title.split())
    # "Home | World | Politics" is a menu, not a title
    usable = title and not is_print_artefact(title) and not _TITLE_JUNK.match(title)
    if usable and len(_SEPARATORS.findall(title)) < 2:
        suffix = _SITE_SUFFIX.search(title)
        if suffix and len(suffix.group("site").split()) <= 4 and len(title.split()) > 6:
            title = title[: suffix.start()]
        return title
    heading = " ".join(heading.split())
    if heading and not is_print_artefact(heading) and not is_furniture(heading):
        return heading
    return ""


_SEPARATORS = re.compile(r"\s[|·•›»]\s")
