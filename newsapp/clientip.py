"""The client's address, as the login lockout and the API's failure throttle count it."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR; behind NEWSAPP_PROXY_COUNT proxies, the address the outermost of them saw,
    read from X-Forwarded-For as DRF's throttles read it (NUM_PROXIES). Without the setting,
    a client cannot pick its own address by sending the header."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.NEWSAPP_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return remote
