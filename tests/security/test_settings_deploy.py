"""Production settings come from the environment: with the documented DJANGO_* variables set,
`manage.py check --deploy` prints no warning; 500s are logged with their traceback and mailed
to ADMINS. Each test runs Django in a fresh process, since settings are read at start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # each starts a Django process

PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k8#Qz!v2Lr9@wX4&nB7^pT1*eY6%hU3$jM5(cF0)sD8+aG-iO_lK=zN;xV",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
    "DJANGO_SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https",
    "DJANGO_SECURE_SSL_REDIRECT": "true",
    "DJANGO_SECURE_HSTS_SECONDS": "31536000",
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "DJANGO_SECURE_HSTS_PRELOAD": "true",
    "DJANGO_SESSION_COOKIE_SECURE": "true",
    "DJANGO_CSRF_COOKIE_SECURE": "true",
}


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "NEWSAPP_", "EMAIL_", "REDIS_"))
    }
    env.update(PYTHONPATH=str(ROOT), DJANGO_SETTINGS_MODULE="newsapp.settings", **extra)
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_the_production_variables():
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], _env(**PRODUCTION))
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_check_deploy_names_what_is_missing_without_them():
    minimal = {"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": PRODUCTION["DJANGO_SECRET_KEY"]}
    result = _run(["manage.py", "check", "--deploy"], _env(**minimal))
    for warning in ("W004", "W008", "W012", "W016"):
        assert warning in result.stderr + result.stdout


def test_a_malformed_proxy_header_setting_is_refused():
    result = _run(
        ["-c", "import django; django.setup()"],
        _env(**{**PRODUCTION, "DJANGO_SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO"}),
    )
    assert result.returncode != 0
    assert "DJANGO_SECURE_PROXY_SSL_HEADER" in result.stderr


_FAIL_A_PAGE = """
import django
django.setup()
from unittest import mock
from django.conf import settings
from django.core import mail
from django.test import Client

print("ADMINS", settings.ADMINS)
with mock.patch("entities.selectors.actor_list", side_effect=RuntimeError("kaboom")):
    response = Client(raise_request_exception=False).get("/search/?q=x", secure=True)
print("STATUS", response.status_code)
print("MAILS", len(mail.outbox), mail.outbox[0].to if mail.outbox else None)
"""


def test_a_server_error_is_logged_with_its_traceback_and_mailed_to_admins():
    env = _env(
        **{**PRODUCTION, "DJANGO_ALLOWED_HOSTS": "testserver"},
        DJANGO_ADMINS="Ann Ops <ann@example.org>,ops@example.org",
        EMAIL_URL="memorymail://",
    )
    result = _run(["-c", _FAIL_A_PAGE], env)
    assert "STATUS 500" in result.stdout, result.stderr
    assert "Internal Server Error: /search/" in result.stderr
    assert "Traceback" in result.stderr
    assert "RuntimeError: kaboom" in result.stderr
    assert "('Ann Ops', 'ann@example.org'), ('ops@example.org', 'ops@example.org')" in (
        result.stdout
    )
    assert "MAILS 1 ['ann@example.org', 'ops@example.org']" in result.stdout
