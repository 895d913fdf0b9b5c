"""Guessing passwords or tokens is throttled: the login pages lock an address out after
NEWSAPP_LOGIN_FAILURE_LIMIT failures (django-axes, 429), and the API answers 429 to an address
after NEWSAPP_API_TOKEN_FAILURE_LIMIT wrong tokens."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tests.helpers import token_client

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-passphrase"


@pytest.fixture(autouse=True)
def _fresh_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def small_limits(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.NEWSAPP_API_TOKEN_FAILURE_LIMIT = 3


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        username="ann", password=PASSWORD, is_staff=True, is_superuser=True
    )


def _login(client: Client, path: str, password: str):
    return client.post(path, {"username": "ann", "password": password})


@pytest.mark.parametrize("path", [reverse("login"), reverse("admin:login")])
def test_an_address_is_locked_out_after_the_failure_limit(small_limits, staff, path):
    client = Client(REMOTE_ADDR="203.0.113.7")
    answers = [_login(client, path, "wrong").status_code for _ in range(4)]
    assert answers[:2] == [200, 200]  # the form again, with its error
    assert answers[-1] == 429
    locked = _login(client, path, PASSWORD)
    assert locked.status_code == 429  # the right password does not help while locked out
    assert "_auth_user_id" not in client.session


def test_another_address_can_still_log_in(small_limits, staff):
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(4):
        _login(attacker, reverse("login"), "wrong")
    other = Client(REMOTE_ADDR="198.51.100.20")
    assert _login(other, reverse("login"), PASSWORD).status_code == 302


def test_a_success_before_the_limit_resets_the_count(small_limits, staff):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(2):
        _login(client, reverse("login"), "wrong")
    assert _login(client, reverse("login"), PASSWORD).status_code == 302
    client.logout()
    for _ in range(2):
        assert _login(client, reverse("login"), "wrong").status_code == 200


def test_the_lockout_page_says_why(small_limits, staff):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(3):
        _login(client, reverse("login"), "wrong")
    response = _login(client, reverse("login"), "wrong")
    assert response.status_code == 429
    assert b"Too many failed logins" in response.content
    assert b"try again in 15 minutes" in response.content


def test_behind_a_proxy_the_forwarded_address_is_locked_out(small_limits, staff, settings):
    settings.NEWSAPP_PROXY_COUNT = 1
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    for _ in range(4):
        _login(attacker, reverse("login"), "wrong")
    user = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert _login(user, reverse("login"), PASSWORD).status_code == 302


# -- API tokens -----------------------------------------------------------------------------


def _with_token(key: str, address: str = "203.0.113.7") -> APIClient:
    client = APIClient(REMOTE_ADDR=address)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_wrong_tokens_from_one_address_end_in_429(small_limits):
    answers = [_with_token(f"{n:040x}").get("/api/v1/actors/").status_code for n in range(5)]
    assert answers[:3] == [401, 401, 401]
    assert answers[3:] == [429, 429]


def test_the_429_says_when_to_come_back(small_limits):
    for n in range(3):
        _with_token(f"{n:040x}").get("/api/v1/actors/")
    response = _with_token("f" * 40).get("/api/v1/actors/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["error"]["status"] == 429


def test_a_right_token_from_a_throttled_address_waits_too(small_limits, user):
    for n in range(3):
        _with_token(f"{n:040x}").get("/api/v1/actors/")
    right = token_client(user)
    right.defaults["REMOTE_ADDR"] = "203.0.113.7"
    assert right.get("/api/v1/actors/").status_code == 429


def test_other_addresses_and_right_tokens_are_not_counted(small_limits, user):
    for n in range(3):
        _with_token(f"{n:040x}").get("/api/v1/actors/")
    assert _with_token("e" * 40, address="198.51.100.20").get("/api/v1/actors/").status_code == 401
    client = token_client(user)
    assert all(client.get("/api/v1/actors/").status_code == 200 for _ in range(5))


def test_requests_without_a_token_are_not_counted(small_limits):
    client = APIClient(REMOTE_ADDR="203.0.113.7")
    assert all(client.get("/api/v1/actors/").status_code == 200 for _ in range(5))
