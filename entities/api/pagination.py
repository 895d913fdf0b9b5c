"""Bounded page sizes for every list endpoint: page numbers for short lists (actors), cursors
for the long ones (articles, statements), which stay stable while new rows arrive."""

from django.core.exceptions import ValidationError
from django.db.models import Field, QuerySet
from rest_framework import pagination
from rest_framework.exceptions import NotFound

# the default page size is settings.REST_FRAMEWORK["PAGE_SIZE"], which DRF's classes read
MAX_PAGE_SIZE = 200


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE


class CursorPagination(pagination.CursorPagination):
    """Newest first by `sort_key` (publication date, else upload time), which the API
    selectors annotate; ties are broken by the rest of the ordering.

    A cursor is base64 the client can rewrite: its position must be a value of the first
    ordering field (a date, a rank), or the cursor is invalid (404), not a ValueError when the
    database is given "notafloat" to compare with."""

    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    ordering = ("-sort_key", "-pk")

    def get_ordering(self, request, queryset, view) -> tuple[str, ...]:
        ordering = self.ordering_for(queryset)
        self._position_field = _field(queryset, ordering[0].lstrip("-"))
        return ordering

    def ordering_for(self, queryset: QuerySet) -> tuple[str, ...]:
        return self.ordering

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            try:
                value = self._position_field.to_python(cursor.position)
            except (ValidationError, ValueError, TypeError, OverflowError) as exc:
                raise NotFound(self.invalid_cursor_message) from exc
            if value is None:
                raise NotFound(self.invalid_cursor_message)
        return cursor


class StatementCursorPagination(CursorPagination):
    """Statements newest first: `sort_key` is Statement.sort_at (the article's publication date,
    undated articles last), the order of the page and of its index (migration 0015)."""

    ordering = ("-sort_key", "-article_id", "content_start", "pk")

    def ordering_for(self, queryset: QuerySet) -> tuple[str, ...]:
        # most relevant first (PostgreSQL full-text rank) when the selector ranked the rows
        if "rank" in queryset.query.annotations:
            return ("-rank", "pk")
        return self.ordering


def _field(queryset: QuerySet, name: str) -> Field:
    if name in queryset.query.annotations:
        return queryset.query.annotations[name].output_field
    if name == "pk":
        return queryset.model._meta.pk
    return queryset.model._meta.get_field(name)
