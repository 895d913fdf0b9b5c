"""Raw text or HTML -> title, clean body and metadata, with offsets back into the raw input."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from .types import CleanText, Metadata

_HTML_HINT = re.compile(r"<(html|body|article|p|div|h1|head)\b", re.IGNORECASE)
# Lines that start site furniture rather than article text; everything from the first such line
# (in the last part of a document) to the end is dropped.
_BOILERPLATE = re.compile(
    r"^(follow us\b|next in\b|others also read\b|also read\b|read more\b|read the rest\b"
    r"|related( articles| stories|:)|sign up\b|subscribe\b|click here\b|download (our|the) app"
    r"|copyright\b|©|all rights reserved|share this( article)?\b|more from\b|recommended\b"
    r"|trending\b|most read\b|advertisement$|editor[’']s note:)",
    re.IGNORECASE,
)
# A boilerplate line this early in a document is more likely part of the article itself.
_BOILERPLATE_MIN_POSITION = 0.3
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# "MOGADISHU (Reuters) -Somalia on Tuesday ...": a dateline's dash glued to the first word
_GLUED_DATELINE = re.compile(r"(?m)(?<=\)) ?([-–—])(?=[A-Z])")
_MAX_TITLE_WORDS = 30


class _Editable:
    """A string edited by regex substitutions that keeps a map to the original offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offsets = list(range(len(text) + 1))

    def sub(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> None:
        parts: list[str] = []
        offsets: list[int] = []
        pos = 0
        for m in pattern.finditer(self.text):
            parts.append(self.text[pos : m.start()])
            offsets.extend(self.offsets[pos : m.start()])
            new = repl(m) if callable(repl) else m.expand(repl)
            if len(new) == m.end() - m.start():
                offsets.extend(self.offsets[m.start() : m.end()])
            else:
                offsets.extend([self.offsets[m.start()]] * len(new))
            parts.append(new)
            pos = m.end()
        parts.append(self.text[pos:])
        offsets.extend(self.offsets[pos:])
        self.text = "".join(parts)
        self.offsets = offsets

    def cut(self, start: int, end: int) -> None:
        """Keep text[start:end] only."""
        self.text = self.text[start:end]
        self.offsets = self.offsets[start : end + 1]


def looks_like_html(raw: str) -> bool:
    return bool(_HTML_HINT.search(raw[:5000]))


def clean(raw: str, *, take_title: bool = True) -> CleanText:
    """Clean text or HTML; HTML offsets map into the text trafilatura extracted."""
    if looks_like_html(raw):
        return clean_html(raw)
    return clean_text(raw, take_title=take_title)


def clean_text(raw: str, *, take_title: bool = True) -> CleanText:
    doc = _Editable(raw)
    doc.sub(re.compile(r"\r\n?"), "\n")
    doc.sub(re.compile(r"[\u00a0\u2007\u202f\t]"), " ")
    doc.sub(re.compile(r"[\u200b\ufeff]"), "")
    doc.sub(re.compile(r" {2,}"), " ")
    doc.sub(re.compile(r" *\n *"), "\n")
    doc.sub(re.compile(r"\n{3,}"), "\n\n")
    doc.sub(_GLUED_SENTENCE, " ")
    doc.sub(_GLUED_DATELINE, r" \1 ")
    title = ""
    if take_title:
        title = _take_title(doc)
    _drop_boilerplate(doc)
    start = len(doc.text) - len(doc.text.lstrip())
    end = len(doc.text.rstrip())
    doc.cut(start, max(start, end))
    return CleanText(
        title=title, body=doc.text, metadata=Metadata(), source_offsets=tuple(doc.offsets)
    )


_ENDS_SENTENCE = re.compile(r"[.!?][\"”’']*$")


def _take_title(doc: _Editable) -> str:
    text = doc.text
    lead = len(text) - len(text.lstrip())
    first_break = text.find("\n\n", lead)
    if first_break == -1:
        return ""
    line = text[lead:first_break].strip()
    words = line.split()
    if not words or "\n" in line or len(words) > _MAX_TITLE_WORDS:
        return ""
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha()) / len(words)
    # a first sentence ends with its stop ('... on Thursday.', '... "we will win."'); a
    # headline in sentence case may end with a quoted phrase ("... normalization ‘every day’")
    if _ENDS_SENTENCE.search(line) and capitalised < 0.6:
        return ""
    doc.cut(first_break, len(text))
    return line


def _drop_boilerplate(doc: _Editable) -> None:
    text = doc.text
    pos = 0
    for line in text.split("\n"):
        if pos > len(text) * _BOILERPLATE_MIN_POSITION and _BOILERPLATE.match(line.strip()):
            doc.cut(0, pos)
            return
        pos += len(line) + 1


# Dates from the page's metadata only (meta tags, JSON-LD, <time> of the article, its URL):
# htmldate's extensive search reads any date-like text on the page, and takes "© 2016" in a
# footer for the publication date. The original (first published) date, not the last update.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def clean_html(raw: str) -> CleanText:
    import trafilatura  # imported here: only HTML input pays for loading it

    extracted = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=DATE_PARAMS,
    )
    if extracted is None:
        return CleanText(title="", body="", metadata=Metadata())
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    title = data.get("title") or ""
    paragraphs = [line for line in (data.get("text") or "").split("\n") if line.strip()]
    if paragraphs and title and paragraphs[0].strip() == title.strip():
        paragraphs = paragraphs[1:]
    text = clean_text("\n\n".join(paragraphs), take_title=False)
    authors = tuple(
        a.strip() for a in re.split(r";|,| and ", data.get("author") or "") if a.strip()
    )
    metadata = Metadata(
        url=data.get("url") or "",
        publisher=data.get("sitename") or "",
        published=_parse_date(data.get("date")),
        authors=authors,
    )
    return CleanText(title=title, body=text.body, metadata=metadata)


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
