"""The generation that every cache key contains, and fragments kept under it.

Correctness rests on one rule: every content change bumps a global *generation*, and every cache
key contains the generation current when the request started. A change therefore retires every
cached response at once, whichever page, feed, API response or embed showed the changed object.
No list of "what shows what" has to be kept right.

The generation lives in the database, which every process of every server shares (migration
0001): a PostgreSQL sequence, or a one-row table on SQLite. Not in a local file, which a second
machine, a container or systemd's PrivateTmp does not see; and not in the cache, where a bump
lost while Redis was unreachable would let Redis come back serving old pages. A request reads it
once: one single-row SELECT.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextvars import ContextVar
from hashlib import blake2b
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.http import HttpRequest

T = TypeVar("T")
# Paths that are never cached: the admin, previews (served under /admin/), private documents.
DEFAULT_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/bench/")

# PostgreSQL bumps a sequence, which takes no lock: editors' transactions never wait on each
# other (or deadlock) over the generation, and every session sees a bump at once.
POSTGRESQL_SQL = {
    "read": "SELECT last_value FROM pagecache_generation",
    "bump": "SELECT nextval('pagecache_generation')",
    "jump": "SELECT setval('pagecache_generation', GREATEST(nextval('pagecache_generation'), %(now)s))",
}
TABLE_SQL = {
    "read": "SELECT value FROM pagecache_generation WHERE id = 1",
    "bump": "UPDATE pagecache_generation SET value = value + 1 WHERE id = 1",
    "jump": "UPDATE pagecache_generation"
    " SET value = CASE WHEN value + 1 > %(now)s THEN value + 1 ELSE %(now)s END WHERE id = 1",
}

# The generation of the request being served: "" until read, None outside a request (commands
# and shells read it afresh every time). Set by the request_started/finished signals.
_this_request: ContextVar[str | None] = ContextVar("pagecache_generation", default=None)


def setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def page_cache():
    return caches[setting("PAGE_CACHE_ALIAS", "default")]


def _execute(statement: str, params: dict | None = None) -> int:
    sql = POSTGRESQL_SQL if connection.vendor == "postgresql" else TABLE_SQL
    with connection.cursor() as cursor:
        cursor.execute(sql[statement], params)
        row = cursor.fetchone() if cursor.description else None
    return row[0] if row else 0


def current_generation() -> str:
    """The generation that cache keys of this request are built from.

    It starts with PAGE_CACHE_RELEASE (the RELEASE environment variable): a deploy with new
    templates or code sets a new one, so a shared cache never serves the old release's HTML.
    Raises the database's error when it cannot be read.
    """
    remembered = _this_request.get()
    if remembered:
        return remembered
    generation = f"{setting('PAGE_CACHE_RELEASE', '')}:{_execute('read')}"
    if remembered is not None:
        _this_request.set(generation)
    return generation


def bump_generation() -> None:
    """Retire every cached response, on every server. Monotonic: an old one never comes back."""
    _execute("bump")
    _forget_this_requests_generation()


def request_started(**kwargs: Any) -> None:
    _this_request.set("")


def request_finished(**kwargs: Any) -> None:
    _this_request.set(None)


def _forget_this_requests_generation() -> None:
    if _this_request.get() is not None:
        _this_request.set("")


_MISSING = object()


def memo_key(parts: tuple) -> str:
    """A cache key for `parts` under the current generation."""
    raw = "|".join(str(part) for part in (current_generation(), *parts))
    return "memo:" + blake2b(raw.encode(), digest_size=20).hexdigest()


def memoize(parts: tuple, compute: Callable[[], T], timeout: int | None = None) -> T:
    """`compute()`, kept in the cache until the next content change (same generation rule).

    For shared pieces that every page repeats (language links, the footer organisation): the
    key must hold everything the value depends on besides content, such as language and host.
    """
    if not setting("FRAGMENT_CACHE_ENABLED", True):
        return compute()
    backend = page_cache()
    key = memo_key(parts)
    value = backend.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        backend.set(key, value, timeout or setting("PAGE_CACHE_TIMEOUT", 600))
    return value


def is_anonymous_read(request: HttpRequest) -> bool:
    """A GET or HEAD of a public path with no session, messages or credentials."""
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path_info
    if path.startswith(setting("PAGE_CACHE_EXCLUDED_PREFIXES", DEFAULT_EXCLUDED_PREFIXES)):
        return False
    if path.startswith(settings.STATIC_URL) or path.startswith(settings.MEDIA_URL):
        return False
    # Logged-in users, editors and previews come with a session; API tokens see drafts.
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    if cookies:
        for name in (settings.SESSION_COOKIE_NAME, "messages", *_bypass_cookies()):
            if name in cookies:
                return False
    return True


def _bypass_cookies() -> tuple[str, ...]:
    return tuple(setting("PAGE_CACHE_BYPASS_COOKIES", ()))


def clear_page_cache() -> None:
    """Forget everything (tests, operators), on every server.

    The generation jumps to the clock, past any value it had before: after a database restore
    it would otherwise count up again through generations that caches still hold.
    """
    _execute("jump", {"now": time.time_ns()})
    _forget_this_requests_generation()
    backend = page_cache()
    if isinstance(backend, LocMemCache):
        backend.clear()  # this process's memory; a shared cache (Redis) may hold other data
