"""Reads on statements: search, pairs of actors, the speaker -> target graph."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from entities.models import Statement, StatementTarget


def statement_rows() -> QuerySet[Statement]:
    """Statements with what every listing shows: speaker, article, targets."""
    return Statement.objects.select_related("speaker", "article").prefetch_related(
        Prefetch("targets", queryset=StatementTarget.objects.select_related("actor"))
    )
