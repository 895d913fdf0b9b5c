"""Which stored statement a new extraction's statement is: the rule that keeps a statement's id
(and so its permalink, its place in exports and API clients) across reprocessing.

The rule, for two statements of one article (the stored one `old`, the extracted one `new`):

- they are said in the same place (both in the headline, or both in the body) and their
  content spans overlap;
- and either their spans mostly coincide (intersection over union of the two content extents
  at least MIN_SAME_SPAN: a boundary moved by a few words keeps this well above 0.5 for any
  statement longer than a dozen words), or the speaker agrees and the overlap covers at least
  MIN_COVER of the shorter one (a statement that grew or shrank by a clause, or was split in
  two: the part with the same speaker keeps the id).
- The speaker agrees when both name the same actor, or, when one of them is unresolved, when
  their speakers are written alike ("Cyber security experts").

Found again, a statement keeps its row (updated in place, only what changed written); a new one
is created; one not found is retired (RetiredStatement: its id answers 410). A reviewed statement
is never changed or retired here.

Pairs are taken greedily, one-to-one: the largest overlap first, then the speaker's agreement,
then the smaller movement of the boundaries, then the older id. A speaker that differs does not
stop a match of the same words: the words are what a link cites, the speaker is what extraction
(or an editor) may get wrong.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone

from entities.models import (
    Actor,
    Article,
    RetiredStatement,
    Statement,
    StatementTarget,
    fit_field,
    sort_at_of,
)
from entities.nlp import types as nlp_types
from entities.nlp.types import ExtractionResult

logger = logging.getLogger(__name__)

MIN_SAME_SPAN = 0.5  # intersection over union of the content extents
MIN_COVER = 0.5  # with the same speaker: intersection over the shorter content


@dataclass(frozen=True)
class Placed:
    """What the rule reads of a statement, stored or extracted."""

    in_title: bool
    start: int
    end: int
    speaker_id: int | None
    speaker_text: str


def _same_speaker(a: Placed, b: Placed) -> bool:
    if a.speaker_id is not None and b.speaker_id is not None:
        return a.speaker_id == b.speaker_id
    written_a, written_b = (
        " ".join(a.speaker_text.lower().split()),
        " ".join(b.speaker_text.lower().split()),
    )
    return bool(written_a) and written_a == written_b


def statements_match(*, old: Sequence[Placed], new: Sequence[Placed]) -> dict[int, int]:
    """{index in `new`: index in `old`} for each extracted statement that is a stored one (see
    the module's rule). Each side is matched at most once."""
    candidates: list[tuple[float, int, int, int, int]] = []
    by_place: dict[bool, list[tuple[int, int]]] = {}
    for j, o in enumerate(old):
        by_place.setdefault(o.in_title, []).append((o.start, j))
    for rows in by_place.values():
        rows.sort()
    starts = {place: [start for start, _ in rows] for place, rows in by_place.items()}
    longest = {
        place: max(old[j].end - old[j].start for _, j in rows) for place, rows in by_place.items()
    }
    for i, n in enumerate(new):
        rows = by_place.get(n.in_title, [])
        if not rows:
            continue
        # only stored statements that start before this one ends, and not so long before it
        # that even the longest of them ends before it starts, can overlap it
        place_starts = starts[n.in_title]
        first = bisect_left(place_starts, n.start - longest[n.in_title])
        for _, j in rows[first : bisect_left(place_starts, n.end)]:
            o = old[j]
            inter = min(o.end, n.end) - max(o.start, n.start)
            if inter <= 0:
                continue
            union = max(o.end, n.end) - min(o.start, n.start)
            same_span = inter / union
            agree = _same_speaker(o, n)
            shorter = min(o.end - o.start, n.end - n.start)
            if same_span < MIN_SAME_SPAN and not (agree and inter >= MIN_COVER * shorter):
                continue
            moved = abs(o.start - n.start) + abs(o.end - n.end)
            candidates.append((-same_span, -int(agree), moved, j, i))
    candidates.sort()
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, _, j, i in candidates:
        if i in matched or j in taken:
            continue
        matched[i] = j
        taken.add(j)
    return matched


def _targets(rows, statements, actors) -> list[StatementTarget]:
    """One target per statement and actor: two names in the text may be one actor in the
    database ("Google" and "Microsoft" after an editor merged them), so the first mention
    counts. Never the speaker."""
    out = []
    for row, s in zip(rows, statements, strict=True):
        speaker = actors.get(s.speaker) if s.speaker else None
        seen: set[int] = set()
        for t in s.targets:
            actor = actors.get(t.actor)
            if actor is None or actor == speaker or actor.pk in seen:
                continue
            seen.add(actor.pk)
            out.append(
                StatementTarget(
                    statement=row, actor=actor, start=t.start, end=t.end, stance=t.stance
                )
            )
    return out


# what extraction decides of a statement: a statement it finds again gets these updated in place
STATEMENT_FIELDS = [
    "speaker", "speaker_text", "speaker_start", "speaker_end", "cue", "cue_lemma", "cue_class",
    "cue_start", "cue_end", "content", "content_start", "content_end", "fragments", "kind",
    "confidence", "in_title",
]  # fmt: skip


def _column(field: str) -> str:
    return "speaker_id" if field == "speaker" else field


def _fill(row: Statement, s: nlp_types.Statement, actors: dict) -> Statement:
    row.speaker = actors.get(s.speaker) if s.speaker else None
    row.speaker_text = fit_field(Statement, "speaker_text", s.speaker_text)
    row.speaker_start, row.speaker_end = s.speaker_start, s.speaker_end
    row.cue = fit_field(Statement, "cue", s.cue)
    row.cue_lemma = fit_field(Statement, "cue_lemma", s.cue_lemma)
    row.cue_class = s.cue_class
    row.cue_start, row.cue_end = s.cue_start, s.cue_end
    row.content = s.content
    row.content_start, row.content_end = s.content_start, s.content_end
    row.fragments = [list(f) for f in s.fragments]
    row.kind = s.kind
    row.confidence = s.confidence
    row.in_title = s.in_title
    return row


def _placed_row(row: Statement) -> Placed:
    return Placed(
        row.in_title, row.content_start, row.content_end, row.speaker_id, row.speaker_text
    )


def _placed_new(s: nlp_types.Statement, actors: dict) -> Placed:
    speaker = actors.get(s.speaker) if s.speaker else None
    return Placed(
        s.in_title, s.content_start, s.content_end, speaker.pk if speaker else None, s.speaker_text
    )


def article_statements_store(
    *, article: Article, result: ExtractionResult, actors: dict[str, Actor]
) -> list[Statement]:
    """Store the extracted statements over the article's current ones, keeping ids: a statement
    found again (statements_match) keeps its row, updated in place, its targets
    replaced; a new one is created; one no longer found is retired (its id answers 410), unless
    an editor reviewed it. A reviewed statement is left exactly as the editor confirmed it,
    found again or not. `actors` maps the extraction's actor names to their rows (rejected ones
    left out). Returns the article's statements afterwards. Called by article_store_extraction,
    inside its transaction, with the article's row locked."""
    # locked: an editor's review of one of them waits for this transaction, or this one reads
    # the review (a statement reviewed meanwhile must not be retired)
    old = list(
        Statement.objects.filter(article=article)
        .select_related("speaker")
        .select_for_update(of=("self",))
        .order_by("pk")
    )
    matches = statements_match(
        old=[_placed_row(row) for row in old],
        new=[_placed_new(s, actors) for s in result.statements],
    )
    updated: list[tuple[Statement, nlp_types.Statement]] = []
    created: list[tuple[Statement, nlp_types.Statement]] = []
    changes: list[tuple[int, dict]] = []
    for i, s in enumerate(result.statements):
        j = matches.get(i)
        if j is None:
            row = Statement(article=article, sort_at=sort_at_of(article.published_at))
            created.append((_fill(row, s, actors), s))
        elif old[j].reviewed_at is None:
            before = {f: getattr(old[j], _column(f)) for f in STATEMENT_FIELDS}
            updated.append((_fill(old[j], s, actors), s))
            after = {f: getattr(old[j], _column(f)) for f in STATEMENT_FIELDS}
            if after != before:
                changes.append((old[j].pk, {f: v for f, v in after.items() if before[f] != v}))
    found = set(matches.values())
    retired = [row for j, row in enumerate(old) if j not in found and row.reviewed_at is None]
    now = timezone.now()
    RetiredStatement.objects.bulk_create(
        RetiredStatement(
            id=row.pk,
            article=article,
            in_title=row.in_title,
            content_start=row.content_start,
            content_end=row.content_end,
            content=row.content,
            speaker=fit_field(
                RetiredStatement, "speaker", row.speaker.name if row.speaker else row.speaker_text
            ),
            retired_at=now,
        )
        for row in retired
    )
    Statement.objects.filter(pk__in=[row.pk for row in retired]).delete()
    StatementTarget.objects.filter(statement__in=[row for row, _ in updated]).delete()
    # one UPDATE per changed row, of its changed columns: a row found unchanged (the usual case)
    # costs nothing, and bulk_update's CASE over every row and field took seconds (bench/)
    for pk, changed in changes:
        Statement.objects.filter(pk=pk).update(**changed)
    Statement.objects.bulk_create([row for row, _ in created])
    fresh = updated + created
    StatementTarget.objects.bulk_create(
        _targets([row for row, _ in fresh], [s for _, s in fresh], actors)
    )
    logger.info(
        "article %s: %d statements found again (%d changed), %d new, %d retired, %d reviewed kept "
        "as they were",
        article.pk, len(updated), len(changes), len(created), len(retired),
        sum(1 for row in old if row.reviewed_at is not None),
    )  # fmt: skip
    gone = {row.pk for row in retired}
    return sorted(
        [row for row in old if row.pk not in gone] + [row for row, _ in created],
        key=lambda row: (row.in_title, row.content_start, row.pk),
    )
