"""Token authentication with a throttle on failures: a client guessing tokens gets 429s."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from rest_framework.authentication import TokenAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed, Throttled

from newsapp.clientip import client_ip

if TYPE_CHECKING:
    from rest_framework.request import Request


class ThrottledTokenAuthentication(TokenAuthentication):
    """After NEWSAPP_API_TOKEN_FAILURE_LIMIT wrong tokens from one address within
    NEWSAPP_API_TOKEN_FAILURE_WINDOW seconds, every token request from that address answers
    429 (with Retry-After) until the window ends, a right token included: otherwise guessing
    would only cost the guesser the wrong answers. Counted in the default cache, which is
    shared by every web process when Redis is configured."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        header = get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None  # not a token request: nothing to count
        limit = settings.NEWSAPP_API_TOKEN_FAILURE_LIMIT
        window = settings.NEWSAPP_API_TOKEN_FAILURE_WINDOW
        now = time.time()
        key = f"token-failures:{client_ip(request)}:{int(now // window)}"
        if cache.get(key, 0) >= limit:
            raise Throttled(
                wait=window - now % window,
                detail="Too many failed token authentications from this address.",
            )
        try:
            return super().authenticate(request)
        except AuthenticationFailed:
            _count(key, window)
            raise


def _count(key: str, timeout: int) -> None:
    if cache.add(key, 1, timeout):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout)
