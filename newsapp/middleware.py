"""Project-wide request guards."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse

from entities.validators import is_storable

NUL_IN_QUERY = "The query string contains a NUL byte."


class StorableQueryMiddleware:
    """A NUL byte in a query string (name or value) answers 400 before any view sees it. Every
    page and API filter passes query values to the database, which refuses NUL in text; one
    check here instead of one in each view. (Undecodable bytes are already replaced by U+FFFD
    when Django decodes the query string.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for key, values in request.GET.lists():
            if not is_storable(key) or not all(is_storable(v) for v in values):
                raise BadRequest(NUL_IN_QUERY)  # answered by the project's handler400
        return self.get_response(request)
