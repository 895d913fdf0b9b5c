"""Authentication (token for scripts, session for the browser), reading behind a login,
throttling, the create_api_token command and the error shape of the usual failures."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle

pytestmark = pytest.mark.django_db


def test_reading_is_public_by_default(api, world):
    assert api.get("/api/v1/statements/").status_code == 200


@pytest.mark.parametrize(
    "url", ["/api/v1/articles/", "/api/v1/actors/", "/api/v1/statements/", "/api/v1/graph/"]
)
def test_reading_can_require_a_login(api, user_api, world, settings, url):
    settings.NEWSAPP_READ_REQUIRES_LOGIN = True
    response = api.get(url)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert user_api.get(url).status_code == 200


def test_session_login_works_for_the_browser(client, user, world, settings):
    settings.NEWSAPP_READ_REQUIRES_LOGIN = True
    client.force_login(user)
    assert client.get("/api/v1/actors/").status_code == 200


def test_a_session_write_needs_the_csrf_token(user, world):
    from rest_framework.test import APIClient

    browser = APIClient(enforce_csrf_checks=True)
    browser.force_login(user)
    response = browser.post("/api/v1/articles/", {"text": "Some words."}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]["message"]


def test_a_wrong_token_is_a_401(api, db):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api.get("/api/v1/actors/")
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Invalid token."


def test_anonymous_requests_are_throttled(api, db, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/min", "user": "5/min"})
    assert api.get("/api/v1/actors/").status_code == 200
    assert api.get("/api/v1/actors/").status_code == 200
    response = api.get("/api/v1/actors/")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"
    assert int(response["Retry-After"]) > 0


def test_users_have_their_own_higher_rate(api, user_api, db, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "1/min", "user": "3/min"})
    assert api.get("/api/v1/actors/").status_code == 200
    assert api.get("/api/v1/actors/").status_code == 429
    assert [user_api.get("/api/v1/actors/").status_code for _ in range(4)] == [200, 200, 200, 429]


def test_method_not_allowed_has_the_error_shape(user_api, world):
    response = user_api.delete(f"/api/v1/articles/{world['old'].pk}/")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_unknown_api_path_is_a_json_404(api, db):
    response = api.get("/api/v1/nothing/here/")
    assert response.status_code == 404
    assert response.json()["error"] == {
        "status": 404,
        "code": "not_found",
        "message": "No such endpoint.",
        "fields": {},
    }


# --- create_api_token -----------------------------------------------------------------------


def test_create_api_token_prints_a_working_token(user, capsys):
    call_command("create_api_token", "reader")
    key = capsys.readouterr().out.strip()
    assert Token.objects.get(user=user).key == key
    call_command("create_api_token", "reader")
    assert capsys.readouterr().out.strip() == key  # the same token again


def test_create_api_token_reset_replaces_it(user, capsys):
    call_command("create_api_token", "reader")
    old = capsys.readouterr().out.strip()
    call_command("create_api_token", "reader", "--reset")
    new = capsys.readouterr().out.strip()
    assert new != old
    assert not Token.objects.filter(key=old).exists()


def test_create_api_token_for_an_unknown_user_fails(db):
    with pytest.raises(CommandError, match="No user named 'ghost'"):
        call_command("create_api_token", "ghost")


def test_a_created_token_authenticates(user, capsys, api):
    call_command("create_api_token", "reader")
    api.credentials(HTTP_AUTHORIZATION=f"Token {capsys.readouterr().out.strip()}")
    response = api.post("/api/v1/articles/", {"text": ""}, format="json")
    assert response.status_code == 400  # authenticated: past the 401, into validation
