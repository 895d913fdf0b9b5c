"""The project's error views: under /api/ every error answers in the API's JSON shape (a 404 for
a path no URL pattern matches, the CSRF failure of a POST, a 500); elsewhere Django's own views
render the templates 400.html, 403.html, 404.html and 500.html."""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import csrf, defaults

from entities.api.errors import json_error

API_PREFIX = "/api/"


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        # BadRequest carries words for the user; other 400s (SuspiciousOperation) may name
        # internals, as Django's own page does not show them either
        return json_error(400, str(exception) if type(exception) is BadRequest else "")
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return json_error(403)
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return json_error(404)
    # a view's own words ("No such article.") are shown; a path no URL matches has none (the
    # default view would show the name of the resolver's exception, "Resolver404")
    args = getattr(exception, "args", ())
    message = args[0] if args and isinstance(args[0], str) else ""
    return render(request, "404.html", {"exception": message}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if is_api(request):
        return json_error(500)
    return defaults.server_error(request)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if is_api(request):
        return json_error(403, f"CSRF check failed: {reason}", code="csrf_failed")
    return csrf.csrf_failure(request, reason)
