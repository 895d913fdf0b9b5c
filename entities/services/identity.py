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

Pairs are taken greedily, one-to-one: the largest overlap first, then the speaker's agreement,
then the smaller movement of the boundaries, then the older id. A speaker that differs does not
stop a match of the same words: the words are what a link cites, the speaker is what extraction
(or an editor) may get wrong.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

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
