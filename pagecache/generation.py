"""The generation that every cache key contains, and fragments kept under it.

Correctness rests on one rule: every content change bumps a global *generation*, and every cache
key contains the generation current when the request started. A change therefore retires every
cached response at once, whichever page, feed, API response or embed showed the changed object.
No list of "what shows what" has to be kept right.

Where the generation lives follows where the cache lives:
- a shared cache (Redis, via REDIS_URL): a counter in that cache, seen by every server;
- an in-process cache (LocMem, the default): a stamp file's modification time in nanoseconds,
  shared by every worker process on this machine (one stat() per request). Several machines
  without a shared cache would not see each other's changes: set REDIS_URL before scaling out.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from hashlib import blake2b
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest

T = TypeVar("T")
GENERATION_KEY = "pagecache:generation"
# Paths that are never cached: the admin, previews (served under /admin/), private documents.
DEFAULT_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/bench/")


def setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def page_cache():
    return caches[setting("PAGE_CACHE_ALIAS", "default")]


def _stamp_path() -> Path:
    configured = setting("PAGE_CACHE_STAMP_FILE", None)
    if configured:
        return Path(configured)
    name = str(settings.DATABASES["default"].get("NAME", "db")).replace(os.sep, "_")
    return Path(tempfile.gettempdir()) / f"nytorget-pagecache-{name}.stamp"


def _process_local(backend) -> bool:
    return isinstance(backend, LocMemCache)


def current_generation() -> str:
    """The generation that cache keys of this request are built from.

    It starts with PAGE_CACHE_RELEASE (the RELEASE environment variable): a deploy with new
    templates or code sets a new one, so a shared cache never serves the old release's HTML.
    """
    release = setting("PAGE_CACHE_RELEASE", "")
    backend = page_cache()
    if _process_local(backend):
        try:
            return f"{release}:{os.stat(_stamp_path()).st_mtime_ns}"
        except FileNotFoundError:
            bump_generation()
            return f"{release}:{os.stat(_stamp_path()).st_mtime_ns}"
    generation = backend.get(GENERATION_KEY)
    if generation is None:
        # A fresh or flushed cache: start from the clock so old keys can never come back.
        backend.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = backend.get(GENERATION_KEY)
    return f"{release}:{generation}"


def bump_generation() -> None:
    """Retire every cached response. Monotonic, so an old generation never comes back."""
    backend = page_cache()
    if _process_local(backend):
        path = _stamp_path()
        try:
            previous = os.stat(path).st_mtime_ns
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
            previous = 0
        stamp = max(time.time_ns(), previous + 1000)
        os.utime(path, ns=(stamp, stamp))
        return
    try:
        backend.incr(GENERATION_KEY)
    except ValueError:
        backend.set(GENERATION_KEY, time.time_ns(), timeout=None)


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
    """Forget everything (tests, operators): the bump retires every entry everywhere."""
    bump_generation()
    backend = page_cache()
    if _process_local(backend):
        backend.clear()  # this process's memory; a shared cache (Redis) may hold other data
