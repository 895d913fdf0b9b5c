"""Throttles count in one place for every web process: the default cache is Redis when the
environment names one (REDIS_URL, or a redis:// CELERY_BROKER_URL), local memory otherwise.
The shared cache never empties the broker's database and answers (misses) while Redis is down.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.cache.backends.locmem import LocMemCache

from newsapp.cache import SharedRedisCache
from tests.helpers import need_service

ROOT = Path(__file__).resolve().parents[2]


def _redis_url() -> str:
    for name in ("REDIS_URL", "CELERY_BROKER_URL"):
        url = os.environ.get(name, "")
        if url.startswith("redis://"):
            return url
    need_service("no Redis named by REDIS_URL or CELERY_BROKER_URL")
    return ""


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "NEWSAPP_", "REDIS_", "CELERY_"))
    }
    env.update(
        PYTHONPATH=str(ROOT),
        DJANGO_SETTINGS_MODULE="newsapp.settings",
        DJANGO_DEBUG="true",
        DJANGO_ALLOWED_HOSTS="testserver",
        **extra,
    )
    return env


def _python(code: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


_BACKEND = "import django; django.setup(); from django.conf import settings; " + (
    "print(settings.CACHES['default']['BACKEND'], settings.CACHES['default'].get('LOCATION'))"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({}, "django.core.cache.backends.locmem.LocMemCache None"),
        (
            {"REDIS_URL": "redis://cache.internal:6379/3"},
            "newsapp.cache.SharedRedisCache redis://cache.internal:6379/3",
        ),
        (
            {"CELERY_BROKER_URL": "redis://broker.internal:6379/0"},
            "newsapp.cache.SharedRedisCache redis://broker.internal:6379/0",
        ),
        ({"CELERY_BROKER_URL": "amqp://broker.internal//"}, "locmem.LocMemCache None"),
    ],
)
def test_the_cache_follows_the_environment(extra, expected):
    assert _python(_BACKEND, _env(**extra)).endswith(expected)


def _shared(url: str, prefix: str) -> SharedRedisCache:
    return SharedRedisCache(url, {"KEY_PREFIX": prefix, "OPTIONS": {"socket_timeout": 1}})


def test_clear_deletes_only_the_caches_own_keys():
    url = _redis_url()
    prefix = f"test-{uuid.uuid4().hex}"
    cache = _shared(url, prefix)
    raw = cache._cache.get_client(None, write=True)
    queue = f"{prefix}-celery-queue"  # stands for the broker's keys in the same database
    raw.rpush(queue, "task")
    try:
        cache.set("throttle", [1, 2])
        cache.clear()
        assert cache.get("throttle") is None
        assert raw.llen(queue) == 1
    finally:
        raw.delete(queue)


def test_an_unreachable_redis_misses_instead_of_failing():
    cache = _shared("redis://127.0.0.1:1/0", "test")  # nothing listens on port 1
    assert cache.get("throttle", "missed") == "missed"
    cache.set("throttle", [1])
    assert cache.add("throttle", [1]) is False
    assert cache.incr("failures") == 1
    cache.clear()


def test_a_shared_cache_needs_a_prefix():
    with pytest.raises(ValueError, match="KEY_PREFIX"):
        SharedRedisCache("redis://127.0.0.1:1/0", {"KEY_PREFIX": ""})


_READ_SCHEMA = """
import django
django.setup()
from django.test import Client
client = Client(REMOTE_ADDR="203.0.113.9")
print(" ".join(str(client.get("/api/v1/schema/").status_code) for _ in range({n})))
"""


@pytest.mark.slow
def test_two_processes_share_one_throttle():
    """Two web processes, two anonymous reads allowed a minute: the third read, in the other
    process, is refused. With a cache per process it would pass."""
    url = _redis_url()
    prefix = f"test-{uuid.uuid4().hex}"
    env = _env(REDIS_URL=url, NEWSAPP_CACHE_PREFIX=prefix, NEWSAPP_API_ANON_RATE="2/min")
    try:
        assert _python(_READ_SCHEMA.format(n=2), env) == "200 200"
        assert _python(_READ_SCHEMA.format(n=1), env) == "429"
    finally:
        _shared(url, prefix).clear()


def test_tests_count_in_local_memory():
    from django.core.cache import caches

    assert isinstance(caches["default"], LocMemCache)
