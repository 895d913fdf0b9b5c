"""Text folded for search: accents, case, apostrophes and punctuation do not tell words apart
("Erdoğan" = "erdogan", "Trump's" = "trump", "Kim Jong-un" = "kim jong un"). No Django: the
models store folded names with it, SQLite folds statements with it at query time, and web-search
queries are read with it (entities.websearch)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# letters NFKD does not decompose into a base letter and an accent
_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
)
_POSSESSIVE = re.compile(r"(\w)'s\b")  # "trump's" -> "trump"
_PLURAL_POSSESSIVE = re.compile(r"(\ws)'(?!\w)")  # "allies'" -> "allies"
_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lower case, no accents, no possessive 's, apostrophes dropped ("O'Brien" -> "obrien"),
    any other punctuation a space, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LETTERS)
    text = text.replace("’", "'").replace("‘", "'")
    text = _PLURAL_POSSESSIVE.sub(r"\1", _POSSESSIVE.sub(r"\1", text))
    return _NOT_WORD.sub(" ", text.replace("'", "")).strip()


def fold_chars(text: str) -> tuple[str, list[int]]:
    """The text with each character folded on its own (accents and case; punctuation kept),
    and for each character of the result the offset of the one it came from in `text`: a
    match in the folded text maps back to the original ("Erdoğan" for "erdogan")."""
    if text.isascii():  # most text: one character each, lower case (a page shows 25 snippets)
        return text.lower(), list(range(len(text)))
    out, offsets = [], []
    for i, char in enumerate(text):
        folded = _fold_char(char)
        out.append(folded)
        offsets += [i] * len(folded)
    return "".join(out), offsets


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in base if not unicodedata.combining(c)) or char
    return base.casefold().translate(_LETTERS)
