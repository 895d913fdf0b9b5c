"""What every page group shares: page size, the read-access rule, query-string helpers."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from entities.models import Article

PAGE_SIZE = 25

P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, P], HttpResponseBase]  # a page view


def read_access(view: View[P]) -> View[P]:
    """Reading is public unless NEWSAPP_READ_REQUIRES_LOGIN is true: then an anonymous reader is
    sent to the login page. Only reading views wear this, so the login page, static files,
    /admin/ and /api/ (which applies the setting itself) stay reachable."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
        if getattr(settings, "NEWSAPP_READ_REQUIRES_LOGIN", False) and not (
            request.user.is_authenticated
        ):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


def without_page(request: HttpRequest) -> str:
    """The current filters as a query string, for pagination and export links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def without_position(request: HttpRequest) -> str:
    """The current filters as a query string, without the page number or the cursor of a
    keyset page (selectors.KeysetPage): for the newer / older and export links."""
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("cursor", None)
    return params.urlencode()


def as_id(value: str) -> int | None:
    """A database id from a query string value: ASCII digits only ("²".isdigit() is true, and
    int() refuses it) and at most 18 of them (a larger number overflows the database's
    integers); None for anything else."""
    value = value.strip()
    if value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def can_edit_article(user: User | AnonymousUser, article: Article) -> bool:
    """Who may change an article's details (title, date, ...): editors, and the user who
    uploaded it (a batch's files get their titles and dates from their uploader)."""
    if not user.is_authenticated:
        return False
    return user.has_perm("entities.curate") or (
        article.uploaded_by_id is not None and article.uploaded_by_id == user.pk
    )


STAFF_ONLY = "This page is for operators (staff accounts) only."


def staff_required(view: View[P]) -> View[P]:
    """Operators' pages: an anonymous visitor is sent to the site's login page, a logged-in
    user who is not staff gets a 403 that says so (not the admin's login form, which would
    ask an already logged-in user to log in again)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (request.user.is_active and request.user.is_staff):
            raise PermissionDenied(STAFF_ONLY)
        return view(request, *args, **kwargs)

    return wrapped
