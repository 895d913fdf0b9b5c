"""The review queue: the unreviewed statements most worth an editor's look, first.

Each statement in the queue has at least one reason to doubt it (REASONS); the queue is ordered
by a priority, highest first:

    priority = 100 x (1 - confidence)
             + 40 if the speaker is unresolved (no actor)
             + 30 if the speaker is one of a pair of possible duplicate actors not yet dismissed
             + 15 if the statement is about nobody (no target)

so an unresolved speaker at confidence 0.4 (100) comes before a resolved one at 0.5 (50), and
confidence alone orders statements that share their reasons. Ties: newest article first, then
its headline, then the order of the text. Reviewed statements are not in the queue.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)

from entities.models import Article, PossibleDuplicate, Statement, StatementTarget
from entities.selectors.statements import statement_rows, with_sentences

__all__ = [
    "LOW_CONFIDENCE",
    "PRIORITY_HELP",
    "REASONS",
    "ReviewReason",
    "review_item_get",
    "review_queue",
    "review_reasons",
]

LOW_CONFIDENCE = 0.6  # below it a statement's confidence is "low" (Statement.CONFIDENCE_WORDS)


@dataclass(frozen=True)
class ReviewReason:
    code: str
    label: str
    weight: int  # points added to the priority


# in the order a page lists them
REASONS = (
    ReviewReason("unresolved_speaker", "speaker not resolved to an actor", 40),
    ReviewReason("possible_duplicate", "speaker may be a duplicate actor", 30),
    ReviewReason("low_confidence", f"low confidence (below {LOW_CONFIDENCE:g})", 0),
    ReviewReason("no_targets", "about nobody (no target)", 15),
)
_BY_CODE = {reason.code: reason for reason in REASONS}

PRIORITY_HELP = (
    "Unreviewed statements with a reason to doubt them, most worth a look first: priority = "
    "100 × (1 − confidence), + 40 if the speaker is not resolved to an actor, + 30 if the "
    "speaker may be a duplicate actor, + 15 if the statement is about nobody."
)


def _open_duplicate() -> Exists:
    open_pairs = PossibleDuplicate.objects.filter(dismissed=False)
    return Exists(
        open_pairs.filter(Q(actor=OuterRef("speaker_id")) | Q(other=OuterRef("speaker_id")))
    )


def _flags() -> dict:
    return {
        "unresolved_speaker": Q(speaker__isnull=True),
        "possible_duplicate": Q(_open_duplicate()),
        "low_confidence": Q(confidence__lt=LOW_CONFIDENCE),
        "no_targets": ~Q(Exists(StatementTarget.objects.filter(statement=OuterRef("pk")))),
    }


def _points(condition: Q, weight: int) -> Case:
    return Case(When(condition, then=Value(weight)), default=Value(0), output_field=IntegerField())


def _annotated(qs: QuerySet[Statement]) -> QuerySet[Statement]:
    """Statements with `priority`, one boolean `is_<code>` per reason and their sentence."""
    flags = _flags()
    priority = Value(100.0) * (Value(1.0) - F("confidence"))
    for reason in REASONS:
        if reason.weight:
            priority = priority + _points(flags[reason.code], reason.weight)
    qs = qs.annotate(
        priority=ExpressionWrapper(priority, output_field=FloatField()),
        **{
            f"is_{code}": Case(
                When(q, then=Value(True)), default=Value(False), output_field=BooleanField()
            )
            for code, q in flags.items()
        },
    )
    return with_sentences(qs)


def review_queue(*, article: Article | None = None, reason: str = "") -> QuerySet[Statement]:
    """Unreviewed statements with at least one reason (only those with `reason`, one of
    REASONS' codes, when given), highest priority first, each with `priority`, one boolean
    annotation per reason (`is_<code>`) and its sentence (with_sentences)."""
    flags = _flags()
    qs = statement_rows().filter(reviewed_at__isnull=True)
    if article is not None:
        qs = qs.filter(article=article)
    if reason:
        qs = qs.filter(flags[reason])
    else:
        any_reason = Q()
        for q in flags.values():
            any_reason |= q
        qs = qs.filter(any_reason)
    return _annotated(qs).order_by(
        "-priority", F("article__published_at").desc(nulls_last=True), "-article_id",
        "-in_title", "content_start", "pk",
    )  # fmt: skip


def review_item_get(*, statement_id: int) -> Statement | None:
    """One statement as the queue shows it (its reasons, priority and sentence), whether or not
    it is still in the queue: after a correction or a review, its item is shown again."""
    return _annotated(statement_rows().filter(pk=statement_id)).first()


def review_reasons(statement: Statement) -> list[ReviewReason]:
    """Why a statement of review_queue is in it, in REASONS' order."""
    return [r for r in REASONS if getattr(statement, f"is_{r.code}", False)]
