"""Bounded page sizes for every list endpoint: page numbers for short lists (actors), cursors
for the long ones (articles, statements), which stay stable while new rows arrive."""

from rest_framework import pagination

MAX_PAGE_SIZE = 200


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE


class CursorPagination(pagination.CursorPagination):
    """Newest first by `sort_key` (publication date, else upload time), which the API
    selectors annotate; ties are broken by the rest of the ordering."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    ordering = ("-sort_key", "-pk")


class StatementCursorPagination(CursorPagination):
    ordering = ("-sort_key", "-article_id", "content_start", "pk")

    def get_ordering(self, request, queryset, view):
        # most relevant first (PostgreSQL full-text rank) when the selector ranked the rows
        if "rank" in queryset.query.annotations:
            return ("-rank", "pk")
        return self.ordering
