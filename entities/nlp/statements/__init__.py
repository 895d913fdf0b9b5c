"""Statements: direct quotes, reported speech and mixed forms, with speaker, cue and targets.

Where to look:
  candidates_quotes.py     quotes in marks and transcript turns ('PENCE: ...')
  candidates_reported.py   speech verbs and what they say ('said he would win')
  candidates_nominal.py    nouns of speech ('his claim that ...')
  candidates_according.py  'according to X'
  cue.py                   which speech verb a quote hangs on
  speaker.py               who says it
  content.py               where the content begins and ends; quotes widened to mixed
  overlaps.py              quote parts joined, duplicates dropped
  targets.py               whom it is about
  output.py                the public Statement
  draft.py                 the shared Context and the Draft every stage reshapes
"""

from __future__ import annotations

from spacy.tokens import Doc

from entities.nlp.index import ActorIndex
from entities.nlp.types import Statement

from .candidates_quotes import quote_candidates, transcript_turns
from .candidates_reported import reported_candidates
from .content import widen_to_mixed
from .draft import Context
from .output import to_statement
from .overlaps import drop_overlaps, merge_quote_parts, unclaimed_reported
from .speaker import pronoun_speakers, same_source

__all__ = ["find_statements"]


def find_statements(doc: Doc, index: ActorIndex) -> list[Statement]:
    """The statements of a parsed document whose actors `index` holds, in text order."""
    ctx = Context(doc, index)
    # reported speech first: a quote inside it joins that statement instead of standing alone
    reported = reported_candidates(ctx)
    drafts = quote_candidates(ctx, transcript_turns(ctx), reported)
    drafts.sort(key=lambda d: d.start)
    drafts = merge_quote_parts(drafts, ctx.text)
    for d in drafts:
        widen_to_mixed(ctx, d)
    drafts += unclaimed_reported(ctx, drafts, reported)
    drafts.sort(key=lambda d: d.start)
    drafts = drop_overlaps(drafts, ctx.index)
    pronoun_speakers(ctx, drafts)
    same_source(ctx, drafts)
    return [to_statement(ctx, d) for d in drafts]
