"""Cheap checks that refuse a text before spaCy and the rules see it, when its shape would
make extraction take minutes instead of seconds.

Measured (bench machine, 2 cores): spaCy's tokenizer splits a run of characters without a
space one affix at a time, in time that grows with the square of the run's length (a run of
8,000 '"' took 9.5 s to tokenise; 20 KB of them, minutes). And a "sentence" of thousands of
words ('said said said ...') parses into a chain of heads thousands deep, which the statement
rules walk from every verb (statements/cue.py: in_question, in_claim_of_other): 4,000 words
took 36 s, growing with the square. News text has neither: its longest words are URLs, its
sentences are rarely over a hundred words.
"""

from __future__ import annotations

import re

MAX_RUN_CHARS = 1000  # characters without a space
MAX_SENTENCE_WORDS = 250  # words between two sentence ends (. ! ? or a line break)

_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")
_SENTENCE_END = re.compile(r"[.!?\n]")


def unextractable_reason(body: str) -> str | None:
    """Why extraction would take unreasonably long on `body`, or None. Linear in its length."""
    run = _LONG_RUN.search(body)
    if run is not None:
        return (
            f"The text has a run of {run.end() - run.start():,} characters without a space "
            f"(at most {MAX_RUN_CHARS:,} are analysed); it does not look like an article."
        )
    for sentence in _SENTENCE_END.split(body):
        words = len(sentence.split())
        if words > MAX_SENTENCE_WORDS:
            return (
                f"The text has a sentence of {words:,} words without a full stop (at most "
                f"{MAX_SENTENCE_WORDS:,} are analysed); it does not look like an article."
            )
    return None
