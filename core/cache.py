"""Django's Redis cache backend, made safe to lose: an unreachable Redis is a cache miss.

Django's RedisCache raises when Redis is down, so every request that touches the cache (every
anonymous page) became a 500. Here a failed call answers like a miss (`get` gives the default,
`set` stores nothing), the outage is logged once when it starts and once when it ends, and for
RETRY_SECONDS after a failure Redis is not asked at all, so a Redis that does not answer costs a
request nothing instead of a socket timeout per call. Correctness does not depend on the cache:
the page cache's tag versions live in the database (pagecache/generation.py).

It also caps every key's lifetime at the cache's TIMEOUT, so that nothing (ours or a library's)
lives in Redis forever: with `maxmemory` set, memory is bounded (docs/operations.md).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis import RedisError

logger = logging.getLogger(__name__)
RETRY_SECONDS = 5.0


class Outage:
    """Whether Redis at one location is down, shared by every thread of the process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.since: float | None = None
        self.retry_at = 0.0

    def skipping(self) -> bool:
        return time.monotonic() < self.retry_at

    def failed(self, error: RedisError) -> None:
        with self.lock:
            self.retry_at = time.monotonic() + RETRY_SECONDS
            if self.since is not None:
                return
            self.since = time.monotonic()
        logger.error(
            "Redis is unreachable (%s): pages are served without the cache until it is back.",
            error,
        )

    def succeeded(self) -> None:
        if self.since is None:
            return
        with self.lock:
            since, self.since = self.since, None
        if since is not None:
            logger.warning("Redis is back after %.0f s.", time.monotonic() - since)


_outages: dict[str, Outage] = {}


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._outage = _outages.setdefault(str(server), Outage())

    def _guard(self, fallback: Any, call: Callable[..., Any], *args: Any) -> Any:
        if self._outage.skipping():
            return fallback
        try:
            result = call(*args)
        except RedisError as error:
            self._outage.failed(error)
            return fallback
        self._outage.succeeded()
        return result

    def get_backend_timeout(self, timeout: float | None = DEFAULT_TIMEOUT) -> int | None:
        """Never longer than TIMEOUT, never forever: a key asked to live longer gets TIMEOUT."""
        seconds = super().get_backend_timeout(timeout)
        longest = self.default_timeout
        if longest is None:
            return seconds
        return int(longest) if seconds is None else min(seconds, int(longest))

    def get(self, key, default=None, version=None):
        return self._guard(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guard(False, super().has_key, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._guard(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard([], super().set_many, data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(False, super().add, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._guard(None, super().delete_many, keys, version)

    def clear(self):
        return self._guard(False, super().clear)
