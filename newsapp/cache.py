"""The shared cache (throttle counters of every web process) in Redis, made safe to share a
database with the Celery broker and to lose for a while.

- clear() deletes this cache's keys (KEY_PREFIX) only: Django's RedisCache.clear() runs
  FLUSHDB, which would also delete the broker's queue when both use the same database.
- While Redis cannot be reached, reads miss and writes are dropped, with a warning in the log:
  throttling pauses instead of every request answering 500, and uploads still answer (the
  article waits queued, as when the broker is down).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

_UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
_SCAN_BATCH = 1000


def _fail_open(fallback: Callable[..., Any]) -> Callable:
    def wrap(method: Callable) -> Callable:
        @functools.wraps(method)
        def guarded(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except _UNREACHABLE as exc:
                logger.warning("cache unreachable (%s): %s skipped", exc, method.__name__)
                return fallback(*args, **kwargs)

        return guarded

    return wrap


class _Client(RedisCacheClient):
    def __init__(self, servers, key_prefix: str = "", **options) -> None:
        super().__init__(servers, **options)
        self.key_prefix = key_prefix

    add = _fail_open(lambda key, value, timeout: False)(RedisCacheClient.add)
    get = _fail_open(lambda key, default: default)(RedisCacheClient.get)
    set = _fail_open(lambda key, value, timeout: None)(RedisCacheClient.set)
    touch = _fail_open(lambda key, timeout: False)(RedisCacheClient.touch)
    delete = _fail_open(lambda key: False)(RedisCacheClient.delete)
    get_many = _fail_open(lambda keys: {})(RedisCacheClient.get_many)
    has_key = _fail_open(lambda key: False)(RedisCacheClient.has_key)
    incr = _fail_open(lambda key, delta: delta)(RedisCacheClient.incr)
    set_many = _fail_open(lambda data, timeout: [])(RedisCacheClient.set_many)
    delete_many = _fail_open(lambda keys: None)(RedisCacheClient.delete_many)

    @_fail_open(lambda: False)
    def clear(self) -> bool:
        client = self.get_client(None, write=True)
        batch = []
        for key in client.scan_iter(match=f"{self.key_prefix}:*", count=_SCAN_BATCH):
            batch.append(key)
            if len(batch) >= _SCAN_BATCH:
                client.delete(*batch)
                batch = []
        if batch:
            client.delete(*batch)
        return True


class SharedRedisCache(RedisCache):
    """Django's RedisCache with the two changes above; needs a KEY_PREFIX."""

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        if not self.key_prefix:
            raise ValueError("SharedRedisCache needs a KEY_PREFIX: clear() deletes only its keys")
        self._class = _Client
        self._options = {**self._options, "key_prefix": self.key_prefix}
