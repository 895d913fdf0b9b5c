"""An editor's review of a statement: "I checked it, it stands as it is".

A review is a Correction like a speaker fix (kind REVIEW, keyed by the article and the content
span), so it outlives the statement's row: corrections_apply marks the statement found at that
place again after reprocessing. A reviewed statement leaves the review queue, and reprocessing
keeps it exactly as it is (entities.services.extraction)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from entities.models import Correction, Statement
from entities.services.statement_actors import statement_correction

__all__ = ["statement_mark_reviewed", "statement_unmark_reviewed"]


def _review(statement: Statement, reviewed: bool, user) -> Statement:
    # the row, locked: two editors marking one statement at once store one standing decision,
    # and a reprocessing of its article waits (or has just retired it)
    locked = Statement.objects.select_for_update().filter(pk=statement.pk).first()
    if locked is None:
        raise ValidationError(
            f"Statement {statement.pk} no longer exists: its article was just reprocessed."
        )
    statement = locked
    correction = statement_correction(statement, Correction.Kind.REVIEW, user)
    correction.data = {
        "reviewed": reviewed,
        "before": statement.reviewed_at.isoformat() if statement.reviewed_at else None,
    }
    correction.save()
    if reviewed:
        statement.reviewed_at = None  # a new review: this editor, now
    review_apply(statement, correction)
    return statement


@transaction.atomic
def statement_mark_reviewed(*, statement: Statement, user=None) -> Statement:
    """The statement is checked as it stands: it leaves the review queue and reprocessing no
    longer changes or retires it."""
    return _review(statement, True, user)


@transaction.atomic
def statement_unmark_reviewed(*, statement: Statement, user=None) -> Statement:
    """Back in the review queue; reprocessing updates it again like any statement."""
    return _review(statement, False, user)


def review_apply(statement: Statement, correction: Correction) -> None:
    """A standing review decision on its statement: reviewed when and by whom it was decided,
    or not reviewed."""
    if correction.data.get("reviewed"):
        if statement.reviewed_at is None:
            statement.reviewed_at = correction.created_at
            statement.reviewed_by_id = correction.created_by_id
    else:
        statement.reviewed_at, statement.reviewed_by_id = None, None
    statement.save(update_fields=["reviewed_at", "reviewed_by"])
