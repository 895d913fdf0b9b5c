"""How much of a document is article text: the words left once site furniture (menus, cookie
notices, "Subscribe", sign-in prompts, copyright lines, share buttons) is set aside.

An upload with too few such words has no article in it: a blank PDF printed from a browser,
a page of only navigation and a cookie banner. Counting is linear and cheap, so every entry
point runs it before anything is stored.
"""

from __future__ import annotations

import re

# A line that is site furniture wherever it stands in a document.
FURNITURE = re.compile(
    r"(\bcookies?\b.*\b(accept|use|consent|polic(y|ies)|settings|preferences|privacy)\b"
    r"|\b(accept|reject|manage)\b.*\bcookies?\b"
    r"|^(subscribe|sign (in|up)|log ?in|register|create (an|your) account|my account"
    r"|skip to (main )?content|menu|search|home|newsletters?|follow us|share (this|on)"
    r"|advertisement|(read|see) more|back to top|privacy policy|terms (of|and) (use|service))\b"
    r"|\bsubscribe (now|today|for)\b|\bfree trial\b|\bper (month|week)\b"
    r"|©|\(c\) \d{4}|^copyright\b|\ball rights reserved\b)",
    re.IGNORECASE,
)
# "Home | World | Politics": items joined by separators
_MENU_SEPARATORS = re.compile(r"\s[|·•›»/]\s")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")
# a notice or a prompt is shorter than this; a longer line is a paragraph
_FURNITURE_MAX_WORDS = 40
_FURNITURE_MAX_CHARS = 400
# A line this long is prose even without a full stop (a paragraph cut by the page's end).
_PROSE_WORDS = 6
_WORD = re.compile(r"\w+(?:[-’']\w+)*")


def is_furniture(line: str) -> bool:
    """Whether a line is a menu, a cookie notice, a subscription or sign-in prompt or a
    copyright line rather than article text."""
    line = line.strip()
    if not line:
        return False
    if len(_MENU_SEPARATORS.findall(line)) >= 2:
        return True
    # a long paragraph that mentions cookies or subscribing in passing is still prose; and
    # FURNITURE's ".*" is only run on short lines (on a long one it would backtrack for long)
    if len(line) > _FURNITURE_MAX_CHARS or len(_WORD.findall(line)) >= _FURNITURE_MAX_WORDS:
        return False
    return bool(FURNITURE.search(line))


def article_words(text: str) -> int:
    """The words of `text` in lines of prose that are not site furniture. Short lines without
    a sentence end (menu items, button labels, a lone headline) do not count."""
    count = 0
    for line in text.splitlines():
        line = line.strip()
        if not line or is_furniture(line):
            continue
        words = len(_WORD.findall(line))
        if words >= _PROSE_WORDS or _SENTENCE_END.search(line):
            count += words
    return count


def total_words(text: str) -> int:
    return len(_WORD.findall(text))
