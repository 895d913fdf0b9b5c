"""Project-wide request guards."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.urls import get_resolver

from entities.validators import is_storable

NUL_IN_QUERY = "The query string contains a NUL byte."


class StorableQueryMiddleware:
    """A NUL byte in a query string (name or value) answers 400 before any view sees it. Every
    page and API filter passes query values to the database, which refuses NUL in text; one
    check here instead of one in each view. (Undecodable bytes are already replaced by U+FFFD
    when Django decodes the query string.)

    The 400 is the project's handler400 (JSON under /api/, the 400 page elsewhere), called here
    rather than reached by raising BadRequest: with DEBUG on, Django answers a raised BadRequest
    with its HTML debug page, under /api/ too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for key, values in request.GET.lists():
            if not is_storable(key) or not all(is_storable(v) for v in values):
                handler = get_resolver().resolve_error_handler(400)
                return handler(request, BadRequest(NUL_IN_QUERY))
        return self.get_response(request)
