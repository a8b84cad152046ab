"""The Redis cache backend (core/cache.py) against our own Redis: a failure is a miss."""

import logging

import pytest

from core.cache import ResilientRedisCache
from tests.servers import wait_for


@pytest.fixture
def cache(redis_server):
    return ResilientRedisCache(
        redis_server.url,
        {
            "TIMEOUT": 60,
            "KEY_PREFIX": "test",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    )


def cache_records(caplog) -> list:
    """The cache's own log lines (a browser left on an admin page may log from a live server)."""
    return [r for r in caplog.records if r.name == "core.cache"]


def test_an_unreachable_redis_is_a_miss_and_the_outage_is_logged_once(cache, redis_server, caplog):
    cache.set("greeting", "hej")
    assert cache.get("greeting") == "hej"
    redis_server.stop()
    caplog.set_level(logging.WARNING, logger="core.cache")
    for _ in range(50):
        assert cache.get("greeting") is None
        assert cache.get("greeting", "standard") == "standard"
        assert cache.get_many(["greeting"]) == {}
        assert not cache.has_key("greeting")
        cache.set("greeting", "hallå")
        cache.set_many({"a": 1})
        assert not cache.add("new", 1)
        cache.delete("greeting")
        cache.delete_many(["a"])
    assert [r.levelname for r in cache_records(caplog)] == ["ERROR"]
    assert "Redis is unreachable" in cache_records(caplog)[0].getMessage()

    redis_server.start()
    wait_for(lambda: cache.add("after", 1), "Redis to be used again")
    assert cache.get("greeting") is None  # the restarted Redis kept nothing
    cache.set("greeting", "hej igen")
    assert cache.get("greeting") == "hej igen"
    assert [r.levelname for r in cache_records(caplog)] == ["ERROR", "WARNING"]
    assert "Redis is back" in cache_records(caplog)[1].getMessage()


def test_no_key_lives_longer_than_the_timeout(cache, redis_server):
    cache.set("forever", 1, None)
    cache.set("a-month", 1, 60 * 60 * 24 * 30)
    cache.set("default", 1)
    cache.set("short", 1, 5)
    cache.set_many({"many": 1}, None)
    cache.add("added", 1, None)
    client = redis_server.client()
    lifetimes = {key.decode().split(":")[-1]: client.ttl(key) for key in client.scan_iter()}
    assert set(lifetimes) == {"forever", "a-month", "default", "short", "many", "added"}
    assert 0 < lifetimes.pop("short") <= 5
    assert all(55 <= ttl <= 60 for ttl in lifetimes.values()), lifetimes
