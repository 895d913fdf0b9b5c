"""Quotation marks: paired in every style, over paragraphs, with apostrophes told apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import gazetteer

# opening mark -> closing mark; a straight quote closes itself
# a closing mark typed where an opening one belongs ('. ”Fear. I am truly afraid ...” ― Edwin')
# opens a quote too, after a space or a line break only
_PAIRS = {"“": "”", "„": "“", "«": "»", '"': '"', "‘": "’", "”": "”"}
# a double quote opened in one style and closed in another, as careless copy has it:
# '“Immunity deals should not be a requirement," Chaffetz said'
_ALSO_CLOSES = {"“": '"', '"': "”"}
_OPEN_AFTER = set(" \n([{—–-:")
CLOSING_MARKS = {"”", '"', "»"}
# every character the pairing looks at; '' and `` first, as one double mark
_MARKS = re.compile("''|``|[\"“”„«»‘’\n]")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # the closing mark (or the end of the text the quote runs to)

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def find_quotes(text: str) -> list[QuoteSpan]:
    """Paired quote marks of every style; a quote may run over paragraphs that reopen it.

    Two apostrophes ('') or backticks (``) stand for a double quote, as some newspapers print.
    """
    quotes: list[QuoteSpan] = []
    open_mark = ""  # the opening mark as written, "" when no quote is open
    content_start = 0
    closer = ""
    nested = False  # a straight quote opened inside a curly one: '“He called it "fake news."”'
    n = len(text)
    skip_until = 0  # past the mark that reopens a quote in the next paragraph
    for m in _MARKS.finditer(text):
        i, mark = m.start(), m.group()
        if i < skip_until:
            continue
        c = '"' if len(mark) == 2 else mark
        before = text[i - 1] if i else " "
        if before == " " and i >= 2 and text[i - 2] in "'’" and c == '"':
            before = text[i - 2]  # a nested quote closing with the outer one: 'outreach,' "
        after = text[i + len(mark)] if i + len(mark) < n else " "
        if not open_mark:
            if c in _PAIRS and _is_opening(c, before, after):
                open_mark, content_start, closer = mark, i + len(mark), _PAIRS[c]
        elif c == closer and _is_closing(c, before, after):
            quotes.append(QuoteSpan(content_start, i))
            open_mark, nested = "", False
        elif c == '"' and c == _ALSO_CLOSES.get(open_mark):
            if nested:
                nested = not _is_closing(c, before, after)
            elif _is_opening(c, before, after):
                nested = True
            elif _is_closing(c, before, after):
                quotes.append(QuoteSpan(content_start, i))
                open_mark = ""
        elif c == "”" and c == _ALSO_CLOSES.get(open_mark) and _is_closing(c, before, after):
            quotes.append(QuoteSpan(content_start, i))
            open_mark = ""
        elif c == "\n" and text.startswith("\n\n", i):
            nxt = i + 2
            if text.startswith(open_mark, nxt):
                skip_until = nxt + len(open_mark)  # the quote goes on, reopened by the same mark
            else:
                quotes.append(QuoteSpan(content_start, i))  # unbalanced: best effort
                open_mark, nested = "", False
                skip_until = nxt
    if open_mark:
        quotes.append(QuoteSpan(content_start, n))
    return [_strip(q, text) for q in quotes if text[q.start : q.end].strip()]


def _is_opening(c: str, before: str, after: str) -> bool:
    if c in '‘"”':
        return (before in _OPEN_AFTER or before in "“") and not after.isspace()
    return c == "«" or not after.isspace()  # French spacing: « nous »


def _is_closing(c: str, before: str, after: str) -> bool:
    if c == "’":
        return not after.isalpha()  # else an apostrophe: "Korea’s"
    if c == '"':
        return not before.isspace()
    return True


def _strip(q: QuoteSpan, text: str) -> QuoteSpan:
    piece = text[q.start : q.end]
    lead = len(piece) - len(piece.lstrip())
    return QuoteSpan(q.start + lead, q.start + len(piece.rstrip()))


def is_title(quoted: str) -> bool:
    """A quoted name of a show, book or slogan ("The Steve Harvey Morning Show"); a sentence
    ("The Donald. Big Daddy.") is not one."""
    if any(c in quoted.rstrip(" ,.") for c in ".!?"):
        return False
    words = [w for w in quoted.strip(" ,.").split() if w[:1].isalpha()]
    small = gazetteer.title_small_words()
    return bool(words) and all(w[0].isupper() or w in small for w in words)
