"""Re-applying the stored statement decisions (span, speaker, targets, kind, review, not a
statement) to an article's freshly extracted statements, inside the transaction that stores the
extraction. Each decision names its statement by article and content span; the fresh statement
overlapping that span most takes it."""

from __future__ import annotations

from entities.models import Actor, Correction, Statement, StatementTarget
from entities.services.review import review_apply
from entities.services.statement_actors import targets_replace
from entities.services.statement_edits import kind_apply, span_apply, statement_text

_MIN_OVERLAP = 0.5  # a re-extracted statement is the corrected one if their spans overlap so


# the order decisions are applied in: a span first (the others are keyed by the span it gives),
# dropping last (a decision about a dropped statement does no harm)
_APPLY_ORDER = {
    Correction.Kind.SPAN: 0,
    Correction.Kind.SPEAKER: 1,
    Correction.Kind.TARGETS: 1,
    Correction.Kind.STATEMENT_KIND: 1,
    Correction.Kind.REVIEW: 1,
    Correction.Kind.NOT_STATEMENT: 2,
}


def corrections_apply(*, article_id: int, statements: list[Statement]) -> int:
    """Apply the stored statement decisions of an article (span, speaker, targets, kind,
    review, not a statement) to its freshly extracted statements, each matched by its content
    span or the one overlapping it most. Statements dropped are deleted and taken out of
    `statements`. Returns how many decisions were applied. Called inside the transaction that
    stores an extraction."""
    corrections = sorted(
        Correction.objects.filter(
            article_id=article_id, kind__in=list(_APPLY_ORDER), content_start__isnull=False
        )
        .select_related("actor__merged_into")
        .order_by("created_at", "pk"),
        key=lambda c: _APPLY_ORDER[Correction.Kind(c.kind)],
    )
    texts: dict[bool, str] = {}
    applied = 0
    for correction in corrections:
        statement = _closest(
            [s for s in statements if s.in_title == correction.in_title],
            correction.content_start,
            correction.content_end,
        )
        if statement is None:
            continue
        if correction.kind == Correction.Kind.SPAN:
            if statement.in_title not in texts:
                texts[statement.in_title] = statement_text(statement=statement)
            if not span_apply(correction, statement, texts[statement.in_title]):
                continue
        elif correction.kind == Correction.Kind.STATEMENT_KIND:
            if not kind_apply(correction, statement):
                continue
        elif correction.kind == Correction.Kind.REVIEW:
            review_apply(statement, correction)
        elif correction.kind == Correction.Kind.NOT_STATEMENT:
            statement.delete()
            statements.remove(statement)
        elif correction.kind == Correction.Kind.SPEAKER:
            speaker = correction.actor.survivor() if correction.actor else None
            if speaker is not None and speaker.rejected:
                continue
            statement.speaker = speaker
            statement.save(update_fields=["speaker"])
            if speaker is not None:  # a speaker is never a target of its own statement
                StatementTarget.objects.filter(statement=statement, actor=speaker).delete()
        else:
            ids = correction.data.get("actor_ids", [])
            found = Actor.objects.filter(pk__in=ids).select_related("merged_into")
            targets = [
                t
                for t in (a.survivor() for a in found)
                if t is not None and not t.rejected and t.pk != statement.speaker_id
            ]
            targets_replace(statement, targets)
        applied += 1
    return applied


def _closest(statements: list[Statement], start: int | None, end: int | None):
    if start is None or end is None:
        return None
    best, best_score = None, 0.0
    for s in statements:
        overlap = min(end, s.content_end) - max(start, s.content_start)
        if overlap <= 0:
            continue
        score = overlap / (max(end, s.content_end) - min(start, s.content_start))
        if score > best_score:
            best, best_score = s, score
    return best if best_score >= _MIN_OVERLAP else None
