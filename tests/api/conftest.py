"""Fixtures of the API tests: clients with and without a token (the editor's too) and
throttling counters reset before every test."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def _fresh_throttles():
    cache.clear()  # the throttles count requests in the default cache
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


def _client_for(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def user_api(user):
    return _client_for(user)


@pytest.fixture
def editor_api(editor):
    return _client_for(editor)
